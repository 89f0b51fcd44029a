"""/forget asked by a member who is working on orders names them: they go back to the community
(found walking the member flows as 刘师傅). Before, the question listed only the data deleted,
and the member's orders were released without a word to them."""

from __future__ import annotations

from sqlmodel import select

from models.orders import Order, OrderStatus
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_claim_in_place import _issue
from tests.orders.test_e2e_cycle import LIU, ZHAO
from tests.support import reply_to


async def test_forget_names_the_orders_that_go_back(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    order_no = await _issue(h, "家里厨房的水管漏水了，地上都是水")
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.click(LIU, offer["message_id"], text="✋ 接单")
    await d.expect(LIU, f"您已接下工单 {order_no}", since=offer["message_id"])
    question = await reply_to(d, LIU, "/forget", "会退回社区")
    text = message_text(question)
    assert f"您正在办的工单 {order_no} 会退回社区" in text, text
    # a member with no claim gets the question as it was
    plain = await reply_to(d, ZHAO, "/forget", "确定要删除")
    assert "确定要删除您的个人信息吗" in message_text(plain)
    assert "退回社区" not in message_text(plain)
    # deleting releases it, as the question said
    await d.tap(LIU, "确定删除", question["message_id"])
    await d.expect(LIU, "已删除", since=question["message_id"])
    async with h.sessionmaker() as session:
        order = (await session.exec(select(Order))).one()
    assert order.status == OrderStatus.OPEN and order.claimed_count == 0
