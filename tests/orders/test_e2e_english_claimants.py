"""An English-speaking member reads who took an order as English lists names: the order's
card says 'Claimed by: 赵敏, 刘建国'. Before, it read '赵敏、刘建国' with the Chinese list
comma among English words."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_claim_in_place import _issue
from tests.orders.test_e2e_cycle import LIU, ZHAO
from tests.support import reply_to


async def test_an_english_member_reads_the_claimants_the_english_way(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    await d.add_user(id=LIU, first_name="刘师傅", language_code="en")
    await reply_to(d, LIU, "/start", "Hello")  # the bot learns his language
    order_no = await _issue(h, "楼道里的灯坏了，晚上看不见路", taps=[("👥 2", "需要人数：2")])
    offer = await d.expect(ZHAO, f"新工单 {order_no}")
    await d.click(ZHAO, offer["message_id"], text="✋ 接单")
    await d.expect(ZHAO, f"您已接下工单 {order_no}", since=offer["message_id"])
    offer = await d.expect(LIU, f"New order {order_no}")
    await d.click(LIU, offer["message_id"], text="✋ Claim")
    await d.expect(LIU, f"You claimed order {order_no}", since=offer["message_id"])
    [card] = [m for m in await d.messages(LIU) if m["message_id"] == offer["message_id"]]
    text = message_text(card)
    assert "Claimed by: 赵敏, 刘建国" in text and "、" not in text, text
