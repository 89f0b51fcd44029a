"""Staff typing whom an order is for ('00001 派给刘师傅', '把G00002指派给赵医生', 'assign
G00002 to 赵敏'): an order with a free place is asked to be assigned to that member, one tap
(✅ 确认指派) doing what 👤 指派 does; a name fitting none of the members it may go to lists
them; a request not yet ordered shows its card and says to 派单 first. Before, '00001 派给刘师
傅' opened the request's card alone and '把G00002…' opened request 00002's."""

from __future__ import annotations

from sqlmodel import select

from models.orders import Claim, ClaimStatus
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_claim_in_place import _issue
from tests.orders.test_e2e_cycle import LIU, STAFF, ZHOU, _file, _open_card
from tests.support import inline_labels, reply_to


async def test_assign_typed_is_confirmed_then_given(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    # not ordered yet: its card, and 派单 first
    number = await _file(h, ZHOU, "家里厨房的水管漏水了")
    await _open_card(h, number)
    told = await reply_to(d, STAFF, f"{number} 派给刘师傅", "还没有派单")
    assert "派单" in message_text(told) and "刘师傅" in message_text(told)
    # an order with a free place: asked, then assigned as 👤 指派 does
    order_no = await _issue(h, "楼道里的灯坏了，晚上看不见路")
    liu_seen = ((await d.messages(LIU)) or [{"message_id": 0}])[-1]["message_id"]
    asked = await reply_to(d, STAFF, f"把{order_no}指派给刘师傅", "指派给 刘建国 吗")
    assert order_no in message_text(asked)
    assert inline_labels(asked) == ["✅ 确认指派", "不用了"]
    await d.tap(STAFF, "确认指派", asked["message_id"])
    await d.expect(STAFF, f"工单 {order_no} 已指派给 刘建国", since=asked["message_id"] - 1)
    await d.expect(LIU, order_no, since=liu_seen)
    async with h.sessionmaker() as session:
        claims = (await session.exec(select(Claim).where(Claim.member_id == LIU))).all()
    assert [c.status for c in claims if f"G{c.order_id:05d}" == order_no] == [ClaimStatus.ACTIVE]
    # its one place taken: said so, with the order's card
    await reply_to(d, STAFF, f"assign {order_no} to 赵敏", "没有空位")
    assert await d.errors() == []


async def test_assign_typed_unknown_name_lists_the_members(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    order_no = await _issue(h, "卫生间的水龙头坏了")
    listed = await reply_to(d, STAFF, f"把{order_no}派给王大锤", "没有「王大锤」")
    labels = inline_labels(listed)
    assert "刘建国" in labels and labels[-1] == "不用了", labels
    await d.tap(STAFF, "不用了", listed["message_id"])
    await d.expect(STAFF, "没有指派", since=listed["message_id"] - 1)
    # the request's number (its only one here) leads to its order with a free place
    asked = await reply_to(d, STAFF, "00001 派给刘师傅", "指派给 刘建国 吗")
    assert order_no in message_text(asked)
    await d.tap(STAFF, "确认指派", asked["message_id"])
    await d.expect(STAFF, "已指派给 刘建国", since=asked["message_id"] - 1)
    assert await d.errors() == []
