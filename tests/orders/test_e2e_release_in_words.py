"""A member holding an order says they cannot do it ('这个我干不了，家里有事') instead of tapping
↩️ 放弃工单. Before, the words were offered to be filed as a new matter ('要把这件事报给社区
吗？'). Now the order's 放弃工单 button comes (nothing is given back on the words alone), and it
asks the reason as the card's button does."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_claim_in_place import _issue
from tests.orders.test_e2e_cycle import LIU, STAFF


async def test_a_member_gives_an_order_back_in_words(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    order_no = await _issue(h, "楼道里的灯坏了，晚上看不见路")
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.click(LIU, offer["message_id"], text="✋ 接单")
    await d.expect(LIU, f"您已接下工单 {order_no}", since=offer["message_id"])
    [asked] = await d.say(LIU, "这个我干不了，家里有事")
    text = message_text(asked)
    assert f"要放弃工单 {order_no}" in text and "报给社区" not in text, text
    await d.click(LIU, asked["message_id"], text="↩️ 放弃工单")
    await d.expect(LIU, "为什么要放弃", since=asked["message_id"])
    await d.say(LIU, "家里临时有事")
    await d.expect(STAFF, "放弃了，原因：家里临时有事")
    # holding nothing now, the same words are no longer about an order
    [again] = await d.say(LIU, "这个我干不了")
    assert "要放弃工单" not in message_text(again), message_text(again)
    assert await d.errors() == []
