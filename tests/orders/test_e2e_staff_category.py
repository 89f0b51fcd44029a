"""🏷 改分类 on a request's card: the list of categories said neither which one the request was
in nor how to leave it — a worker who opened it to check had to pick one — and tapping the one
it was already in answered '分类已改为' it. Now the list says the category it is in and marks
it, ✖️ 取消 leaves it unchanged, and the same category tapped says nothing changed."""

from __future__ import annotations

from typing import Any

from sqlmodel import col, select

from models.orders import LedgerEvent, Request
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import STAFF, ZHENG, _file


def _labels(message: dict[str, Any]) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [b["text"] for row in markup.get("inline_keyboard", []) for b in row]


async def test_the_category_list_says_where_it_is_and_can_be_left(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, ZHENG, "5号楼门口的路灯坏了好几天了")
    notice = await d.expect(STAFF, f"新诉求 {number}")
    await d.tap(STAFF, "查看诉求", notice["message_id"])
    card = await d.expect(STAFF, f"诉求 {number} ·", since=notice["message_id"])
    assert "公共设施" in message_text(card)

    await d.tap(STAFF, "改分类", card["message_id"])
    listed = await d.expect(STAFF, "最合适的分类", since=card["message_id"])
    assert "现在的分类是「公共设施" in message_text(listed), message_text(listed)
    labels = _labels(listed)
    assert [x for x in labels if x.startswith("✔️")] == ["✔️ 公共设施(电梯/路灯/道路/门禁)"]
    assert labels[-1] == "✖️ 取消", labels

    # the one it is in: nothing changes, the list stays
    tapped = await d.tap(STAFF, "✔️ 公共设施", listed["message_id"])
    assert "本来就是「公共设施" in str(tapped["answer"]), tapped
    # ✖️ 取消: the list goes, nothing changes
    await d.tap(STAFF, "✖️ 取消", listed["message_id"])
    gone = await d.expect(STAFF, "已取消", since=listed["message_id"] - 1)
    assert gone["message_id"] == listed["message_id"] and not _labels(gone)
    async with h.sessionmaker() as s:
        req = (await s.exec(select(Request).where(col(Request.resident_id) == ZHENG))).one()
        assert req.category == "facilities"
        actions = (
            await s.exec(select(LedgerEvent.action).where(col(LedgerEvent.request_id) == req.id))
        ).all()
        assert "category" not in actions

    # another one is changed as before
    await d.tap(STAFF, "改分类", card["message_id"])
    listed = await d.expect(STAFF, "最合适的分类", since=gone["message_id"])
    await d.tap(STAFF, "物业服务", listed["message_id"])
    await d.expect(STAFF, "分类已改为「物业服务」", since=listed["message_id"] - 1)
