"""A member who deletes their data (/forget) at night is not sent in the morning the offer
quiet hours were holding for them: they are no longer a member. Another member still is."""

from __future__ import annotations

from datetime import UTC, datetime

from sandbox.driver import message_text
from scheduler.service import SchedulerService
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import LIU, STAFF, ZHAO, ZHOU, _file, _open_card
from tests.support import reply_to


async def test_offer_held_for_the_night_is_dropped_when_the_member_forgets(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    order_no = await order_issued_at_night(h)
    assert not [m for m in await d.messages(ZHAO) if f"新工单 {order_no}" in message_text(m)]
    # 23:00: 赵医生 deletes her data
    h.clock.set(datetime(2026, 11, 23, 15, 0, tzinfo=UTC))
    question = await reply_to(d, ZHAO, "/forget", "确定要删除")
    await d.tap(ZHAO, "确定删除", question["message_id"])
    await d.expect(ZHAO, "已删除", since=question["message_id"])
    # Tuesday 07:01: the offers held for the night go, but not to her
    h.clock.set(datetime(2026, 11, 23, 23, 1, tzinfo=UTC))
    await service.drain()
    await d.expect(LIU, f"新工单 {order_no}", timeout=10)
    await service.drain()
    assert not [m for m in await d.messages(ZHAO) if f"新工单 {order_no}" in message_text(m)]


async def order_issued_at_night(h: Harness) -> str:
    """ZHOU's request filed at 21:50 on a Monday, issued by 李社工 to the whole community at
    22:00, in quiet hours: the members' offers are held for the morning. The order's number."""
    d = h.driver
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    h.clock.set(datetime(2026, 11, 23, 13, 50, tzinfo=UTC))  # Monday 21:50: a request
    number = await _file(h, ZHOU, "楼道里的灯坏了，晚上看不见路")
    await _open_card(h, number)
    h.clock.set(datetime(2026, 11, 23, 14, 0, tzinfo=UTC))  # 22:00, quiet hours: an order
    await d.tap(STAFF, "派单")
    await d.expect(STAFF, f"为诉求 {number} 派单")
    await d.tap(STAFF, "改为全社区")
    await d.expect(STAFF, "全社区的党员")
    await d.tap(STAFF, "发布工单")
    order_no = message_text(await d.expect(STAFF, "已发布")).split("工单 ")[1].split(" ")[0]
    await service.drain()
    return order_no
