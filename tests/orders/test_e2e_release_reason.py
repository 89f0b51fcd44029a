"""放弃工单 asks for a reason in words (found walking the member flows as 刘师傅): '👍' or '。。。'
typed as the reason is asked again with an example, and the claim is kept until a reason comes.
Before, either released the order and staff read '刘建国 放弃了，原因：👍'."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_claim_in_place import _issue
from tests.orders.test_e2e_cycle import LIU, STAFF


async def test_a_release_reason_needs_words(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    order_no = await _issue(h, "家里厨房的水管漏水了，地上都是水")
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.click(LIU, offer["message_id"], text="✋ 接单")
    await d.expect(LIU, f"您已接下工单 {order_no}", since=offer["message_id"])
    await d.tap(LIU, "放弃工单", offer["message_id"])
    await d.expect(LIU, "为什么要放弃", since=offer["message_id"])
    for slip in ("👍", "。。。"):
        [again] = await d.say(LIU, slip)
        assert "写一下放弃的原因" in message_text(again), message_text(again)
    [released] = await d.say(LIU, "临时要出差")
    assert f"已放弃工单 {order_no}" in message_text(released)
    told = await d.expect(STAFF, "放弃了，原因：临时要出差")
    assert "👍" not in message_text(told)
