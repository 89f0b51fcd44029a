"""Someone who deleted their personal data (/forget) is named to others as such
(（已删除个人信息）/ "(personal data deleted)": models.users.DeletedName), never as the number of
their Telegram account, which is what a resident's name fell back to once their names were gone
(the ledger export's 联系人 column read 4002), nor as a bare "-" (a member's deleted name: the
/stats board and the export read '- 1 单 / 10 分')."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import LIU, STAFF, WU
from tests.orders.test_e2e_stats import _member_board, _served
from tests.support import reply_to

DELETED = "（已删除个人信息）"


async def _forget(h: Harness, chat: int) -> None:
    d = h.driver
    question = await reply_to(d, chat, "/forget", "确定要删除")
    await d.tap(chat, "确定删除", question["message_id"])
    await d.expect(chat, "已删除", since=question["message_id"])


async def test_stats_and_the_export_name_who_deleted_their_data_as_such(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    order_no = await _served(h, WU, LIU, "1号楼楼道灯坏了")
    await _forget(h, WU)
    await _forget(h, LIU)

    board = await _member_board(h, STAFF)
    assert f"{DELETED} 1 单 / 10 分" in board and str(LIU) not in board, board

    [*_, figures] = await d.say(STAFF, "/stats")
    await d.tap(STAFF, "本周", figures["message_id"])
    figures = await d.expect(STAFF, "台账统计 · 本周", since=figures["message_id"])
    await d.tap(STAFF, "导出台账", figures["message_id"])
    doc = await d.expect(STAFF, "台账已生成", since=figures["message_id"])
    data = h.sandbox.emulator.files[doc["document"]["file_id"]].data
    book = load_workbook(io.BytesIO(data))
    ledger, members = book.worksheets[:2]
    head = [c.value for c in next(ledger.iter_rows())]
    [row] = [r for r in ledger.iter_rows(min_row=2, values_only=True) if order_no in str(r)]
    cells = dict(zip(head, row, strict=True))
    assert cells["联系人"] == DELETED and cells["接单人"] == DELETED, cells
    names = [r[0] for r in members.iter_rows(min_row=2, values_only=True)]
    assert DELETED in names and "-" not in names, names
    everything = [
        str(c)
        for sheet in book.worksheets
        for r in sheet.iter_rows(values_only=True)
        for c in r
        if c is not None
    ]
    assert not [c for c in everything if c in (str(WU), str(LIU))], everything
    assert await d.errors() == []
