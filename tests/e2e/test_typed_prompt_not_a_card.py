"""'修好了' / '这个我干不了' typed by a member holding an order are answered with the order's
✅ 完成上报 / ↩️ 放弃工单 button (handlers.claims.offer_typed_done / offer_typed_release). That
answer is not the order's card: once its button was used it loses it and keeps its words.
Before, the step then redrew the answer as a second copy of the order's card, beside the card
already in the chat (after a release, with ✋ 接单 on the order just given back)."""

from __future__ import annotations

from typing import Any

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.e2e.test_member_asks_in_words import _issue
from tests.orders.test_e2e_cycle import LIU
from tests.orders.test_e2e_offer_redrawn import _now
from tests.support import SettledDriver, inline_labels


def _cards(messages: list[dict[str, Any]], order_no: str) -> list[int]:
    """The messages that read as the order's card."""
    return [
        m["message_id"]
        for m in messages
        if m["from"]["is_bot"] and message_text(m).startswith(f"工单 {order_no} ·")
    ]


async def test_the_answer_to_typed_done_stays_an_answer(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    assert isinstance(d, SettledDriver)
    order_no = await _issue(h, "1号楼厨房水管阀门坏了，一直滴水")
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.tap(LIU, "接单", offer["message_id"])
    await d.expect(LIU, "您已接下工单", since=offer["message_id"])
    [asked] = await d.say(LIU, "修好了")
    assert "办完了吗" in message_text(asked)
    await d.tap(LIU, "完成上报", asked["message_id"])
    await d.expect(LIU, "做了什么", since=asked["message_id"])
    await d.say(LIU, "换了新阀门")
    sent = await d.send(LIU, "✅ 说完了")
    await d.expect(LIU, f"工单 {order_no} 已上报", since=sent["message_id"])
    now = await _now(d, LIU, asked["message_id"])
    assert "办完了吗" in message_text(now) and inline_labels(now) == [], message_text(now)
    assert _cards(await d.messages(LIU), order_no) == [offer["message_id"]]
    assert await d.errors() == []


async def test_the_answer_to_typed_release_stays_an_answer(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    assert isinstance(d, SettledDriver)
    order_no = await _issue(h, "1号楼厨房水管阀门坏了，一直滴水")
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.tap(LIU, "接单", offer["message_id"])
    await d.expect(LIU, "您已接下工单", since=offer["message_id"])
    [asked] = await d.say(LIU, "这个我干不了")
    assert "要放弃工单" in message_text(asked)
    await d.tap(LIU, "放弃工单", asked["message_id"])
    await d.expect(LIU, "为什么要放弃", since=asked["message_id"])
    sent = await d.send(LIU, "家里临时有事")
    await d.expect(LIU, f"已放弃工单 {order_no}", since=sent["message_id"])
    now = await _now(d, LIU, asked["message_id"])
    assert "要放弃工单" in message_text(now) and inline_labels(now) == [], message_text(now)
    assert _cards(await d.messages(LIU), order_no) == [offer["message_id"]]
    assert await d.errors() == []
