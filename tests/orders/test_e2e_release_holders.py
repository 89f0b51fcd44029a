"""An order for two, given back by one of its two members, is not offered again to the other
(found walking as a volunteer): before, 赵敏 — still on the order — was asked '工单 G… 还在等人接，
您能帮忙吗？' with a ✋ 接单 that only answered '您已经接过这张工单了', and staff read '已重新派给
1 位' when nobody else could see it."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_claim_in_place import _issue
from tests.orders.test_e2e_cycle import LIU, STAFF, ZHAO
from tests.support import SettledDriver


async def test_the_member_still_on_the_order_is_not_offered_it_again(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    assert isinstance(d, SettledDriver)
    order_no = await _issue(h, "楼道里的灯坏了，晚上看不见路", taps=[("👥 2 人", "需要人数：2")])
    for member in (LIU, ZHAO):
        offer = await d.expect(member, f"新工单 {order_no}")
        await d.click(member, offer["message_id"], text="✋ 接单")
        await d.expect(member, f"您已接下工单 {order_no}", since=offer["message_id"])
    mark = (await d.messages(ZHAO))[-1]["message_id"]
    await d.tap(LIU, "放弃工单")
    await d.expect(LIU, "为什么要放弃")
    await d.say(LIU, "临时要出差")
    told = await d.expect(STAFF, "刘建国 放弃了，原因：临时要出差")
    # nobody but 赵敏, who holds it, fits it: staff are offered 发给全社区, not told it went out
    assert "没有其他符合条件" in message_text(told), message_text(told)
    await d.settle()  # whatever the release queued has been sent
    again = [m for m in await d.messages(ZHAO, mark) if "还在等人接" in message_text(m)]
    assert again == [], [message_text(m) for m in again]
