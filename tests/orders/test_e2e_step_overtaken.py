"""Two workers on one request: 李社工 taps ❌ 不受理 (or 📥 记录回复) and starts typing; 张网格员
takes it meanwhile. 李社工's reason was answered '这个按钮已经用不了' and the step stayed open:
everything typed next was tried as the reason again (or, for a transfer's answer, shown back as
the answer, its 已解决 refused), until they found ✖️ 取消. Now the step ends at once: they are
told a colleague acted first and what the request is now, its card below as it stands."""

from __future__ import annotations

from typing import Any

from aiogram.fsm.storage.base import StorageKey
from sqlmodel import col, select

from models.orders import LedgerEvent, Request, RequestStatus
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import WU, ZHOU, _file

STAFF = 2001  # 李社工, 阳光社区
GRID_WORKER = 2002  # 张网格员, 第一网格 (1号楼)


def _labels(message: dict[str, Any]) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [b["text"] for row in markup.get("inline_keyboard", []) for b in row]


async def _card(h: Harness, staff: int, number: str) -> dict[str, Any]:
    """A staff member opens the request's card from its new-request notice."""
    d = h.driver
    notice = await d.expect(staff, f"新诉求 {number}")
    await d.tap(staff, "查看诉求", notice["message_id"])
    return await d.expect(staff, f"诉求 {number} ·", since=notice["message_id"])


async def _step(h: Harness) -> str | None:
    key = StorageKey(bot_id=h.sandbox.app.bot.id, chat_id=STAFF, user_id=STAFF)
    return await h.sandbox.app.dp.storage.get_state(key)


async def test_a_reason_typed_after_a_colleague_took_the_request_ends_the_step(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, WU, "卫生间水管漏水，楼下都渗水了")
    mine = await _card(h, STAFF, number)
    await d.tap(STAFF, "不受理", mine["message_id"])
    await d.expect(STAFF, "不受理诉求", since=mine["message_id"])
    theirs = await _card(h, GRID_WORKER, number)
    await d.tap(GRID_WORKER, "直接办理", theirs["message_id"])
    await d.expect(GRID_WORKER, "由您直接办理", since=theirs["message_id"])

    sent = await d.send(STAFF, "属于物业责任，请联系物业")
    told = await d.expect(STAFF, "其他同事", since=sent["message_id"])
    assert number in message_text(told) and "社区办理中" in message_text(told)
    assert "按钮" not in message_text(told)
    card = await d.expect(STAFF, f"诉求 {number} · 社区办理中", since=sent["message_id"])
    assert "📝 填写结果" in _labels(card), _labels(card)
    # the card the step started from no longer offers what cannot be done
    above = await d.expect(STAFF, f"诉求 {number} · 社区办理中", since=mine["message_id"] - 1)
    assert above["message_id"] == mine["message_id"], message_text(above)
    assert "❌ 不受理" not in _labels(above), _labels(above)
    assert await _step(h) is None  # what is typed next is not another reason
    async with h.sessionmaker() as s:
        req = (await s.exec(select(Request).where(col(Request.resident_id) == WU))).one()
        assert req.status == RequestStatus.HANDLING and not req.decline_reason
        events = await s.exec(
            select(LedgerEvent.action).where(col(LedgerEvent.request_id) == req.id)
        )
        assert "decline" not in events.all()


async def test_a_transfer_answer_recorded_by_a_colleague_ends_the_answer_step(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, ZHOU, "小区东门外的马路上有个大坑，电动车容易摔")
    mine = await _card(h, STAFF, number)
    await d.tap(STAFF, "转办", mine["message_id"])
    await d.expect(STAFF, "转办给哪个单位", since=mine["message_id"])
    await d.say(STAFF, "区城管局市政科")
    sent = await d.send(STAFF, "跳过")
    await d.expect(STAFF, "已转办", since=sent["message_id"])
    [found] = await d.say(STAFF, number)
    await d.tap(STAFF, "记录回复", found["message_id"])
    await d.expect(STAFF, "答复", since=found["message_id"])

    theirs = await _card(h, GRID_WORKER, number)  # the notice's card: opened now, transferred
    await d.tap(GRID_WORKER, "记录回复", theirs["message_id"])
    await d.expect(GRID_WORKER, "答复", since=theirs["message_id"])
    await d.say(GRID_WORKER, "市政科已派人补好了")
    await d.tap(GRID_WORKER, "已解决")
    await d.expect(GRID_WORKER, "已记录诉求")

    [asked] = await d.say(STAFF, "王科长说下周才能修")
    assert "问题解决了吗" in message_text(asked)
    await d.tap(STAFF, "未解决", asked["message_id"])
    told = await d.expect(STAFF, "其他同事", since=asked["message_id"])
    assert number in message_text(told)
    await d.expect(STAFF, f"诉求 {number} ·", since=asked["message_id"])
    assert await _step(h) is None  # typing again is not another answer
    async with h.sessionmaker() as s:
        req = (await s.exec(select(Request).where(col(Request.resident_id) == ZHOU))).one()
        assert req.status == RequestStatus.DONE and req.result_note == "市政科已派人补好了"
