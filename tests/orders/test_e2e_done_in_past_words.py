"""A member holding an order says the work is done without 好/完 ('换了新灯泡', '灯泡已经换了').
Before, this was offered to be filed as a new matter ('要把这件事报给社区吗？'); now its
✅ 完成上报 comes, as for '修好了'."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_claim_in_place import _issue
from tests.orders.test_e2e_cycle import LIU


async def test_done_said_in_the_past(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    order_no = await _issue(h, "楼道里的灯坏了，晚上看不见路")
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.click(LIU, offer["message_id"], text="✋ 接单")
    await d.expect(LIU, f"您已接下工单 {order_no}", since=offer["message_id"])
    for typed in ("换了新灯泡", "灯泡已经换了"):
        [asked] = await d.say(LIU, typed)
        text = message_text(asked)
        assert f"工单 {order_no}" in text and "报给社区" not in text, (typed, text)
    await d.click(LIU, asked["message_id"], text="✅ 完成上报")
    await d.expect(LIU, f"请写一下工单 {order_no} 做了什么", since=asked["message_id"])
    assert await d.errors() == []
