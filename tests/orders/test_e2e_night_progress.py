"""A matter that moves on at night: the resident wakes to how it stands, not to how it stood.
Before, a request issued, claimed, reported and accepted after 22:00 left three held messages
for 周阿姨 at 07:00 — '已受理，社区已派单', '已有党员/志愿者接单' and '已办好，请打分' — and staff
a '工单已接满' about an order long done. The progress notices name the state they tell of and
are not sent once the matter has left it; what still holds (the result and its rating) goes."""

from __future__ import annotations

from datetime import UTC, datetime

from sandbox.driver import message_text
from scheduler.service import SchedulerService
from tests.e2e.conftest import Harness
from tests.e2e.test_stale_buttons_done import _report
from tests.orders.test_e2e_cycle import LIU, STAFF, ZHOU, _file, _open_card


async def test_at_seven_the_resident_reads_only_how_it_stands(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    h.clock.set(datetime(2026, 11, 23, 13, 0, tzinfo=UTC))  # Mon 21:00 in Shanghai
    number = await _file(h, ZHOU, "1号楼三单元楼道灯坏了，晚上很黑")
    filed = (await d.messages(ZHOU))[-1]["message_id"]
    await _open_card(h, number)

    h.clock.set(datetime(2026, 11, 23, 15, 30, tzinfo=UTC))  # 23:30: all of it at night
    await d.tap(STAFF, "派单")
    await d.expect(STAFF, f"为诉求 {number} 派单")
    await d.tap(STAFF, "改为全社区")
    await d.expect(STAFF, "全社区的党员")
    await d.tap(STAFF, "发布工单")
    issued = await d.expect(STAFF, "已发布")
    order_no = message_text(issued).split("工单 ")[1].split(" ")[0]
    staff_seen = (await d.messages(STAFF))[-1]["message_id"]

    listed_at = await d.send(LIU, "🛠 可接工单")
    listed = await d.expect(LIU, order_no, since=listed_at["message_id"])
    await d.tap(LIU, f"接 {order_no}", listed["message_id"])
    await d.expect(LIU, "您已接下工单", since=listed["message_id"])
    await _report(d, listed, "换了新灯泡")  # the list became the order's card

    typed = await d.send(STAFF, "📋 待办诉求")
    queue = await d.expect(STAFF, "待受理", since=typed["message_id"])
    await d.tap(STAFF, "✅ 待验收（1）", queue["message_id"])
    await d.tap(STAFF, f"查看工单 {order_no}", queue["message_id"])
    order = await d.expect(STAFF, "换了新灯泡", since=queue["message_id"])
    await d.tap(STAFF, "✅ 验收通过", order["message_id"])
    await d.expect(STAFF, "已验收", since=queue["message_id"])
    assert await d.messages(ZHOU, filed) == []  # nothing at night

    h.clock.set(datetime(2026, 11, 23, 23, 0, tzinfo=UTC))  # Tue 07:00
    await service.drain()
    result = await d.expect(ZHOU, "已办好", since=filed)
    assert "换了新灯泡" in message_text(result)
    told = [message_text(m) for m in await d.messages(ZHOU, filed)]
    assert [t for t in told if number in t] == [message_text(result)], told
    to_staff = [message_text(m) for m in await d.messages(STAFF, staff_seen)]
    assert not any("已接满" in t for t in to_staff), to_staff
