"""An order issued at night: staff are told when the members will get its offer (quiet hours
hold non-urgent offers till the morning). Before, '已通知 1 位党员/志愿者' was all they read, as
if the members knew now, while nobody would hear of it before 07:00. By day nothing is said."""

from __future__ import annotations

from datetime import UTC, datetime

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import LIU, STAFF, ZHOU, _file


async def _issue(h: Harness, text: str) -> str:
    """File as 周阿姨, issue community-wide as 李社工; what 李社工 is told."""
    d = h.driver
    number = await _file(h, ZHOU, text)
    # from the queue: at night the new request's card waits for the morning too
    typed = await d.send(STAFF, "📋 待办诉求")
    # the queue itself (by day the new request's card, also naming the number, may come after
    # the typed message: it is not the one to tap in)
    queue = await d.expect(STAFF, "待办诉求（共", since=typed["message_id"])
    assert number in message_text(queue), message_text(queue)
    await d.tap(STAFF, f"查看 {number}", queue["message_id"])
    await d.expect(STAFF, f"诉求 {number} ·", since=queue["message_id"])
    await d.tap(STAFF, "派单")
    await d.expect(STAFF, f"为诉求 {number} 派单")
    await d.tap(STAFF, "改为全社区")
    await d.expect(STAFF, "全社区的党员")
    await d.tap(STAFF, "发布工单")
    return message_text(await d.expect(STAFF, "已发布", since=typed["message_id"]))


async def test_issued_at_night_staff_are_told_when_members_get_it(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    h.clock.set(datetime(2026, 11, 23, 2, 0, tzinfo=UTC))  # Mon 10:00 in Shanghai
    by_day = await _issue(h, "家里厨房的水管漏水了，地上都是水")
    assert "已通知" in by_day and "🌙" not in by_day, by_day
    await h.driver.expect(LIU, "新工单")

    h.clock.set(datetime(2026, 11, 23, 15, 30, tzinfo=UTC))  # Mon 23:30
    at_night = await _issue(h, "小区门口的路灯不亮了，晚上很黑")
    assert "已通知" in at_night and "夜间免打扰" in at_night, at_night
    assert "11月24日（周二）07:00 收到这张工单" in at_night, at_night
