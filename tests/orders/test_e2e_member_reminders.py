"""刘师傅's own '快到办理时限' reminder, found due at 03:00 and held for the morning, is not sent
once he reported the order done at 03:05: at 07:00 nothing about its deadline reaches him."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import col, select

from models.scheduling import Delivery, DeliveryState, ScheduledJob
from sandbox.driver import message_text
from scheduler.service import SchedulerService
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_claim_in_place import _issue
from tests.orders.test_e2e_cycle import LIU

SHANGHAI = ZoneInfo("Asia/Shanghai")
NEAR = "order-notice-deadline-near"


async def test_deadline_reminder_held_for_the_night_is_dropped_once_reported_done(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    # Monday 09:00: whatever its category (a day or more to do it), the order's 'deadline near'
    # job falls due at 03:00 some night
    h.clock.set(datetime(2026, 11, 23, 1, 0, tzinfo=UTC))
    order_no = await _issue(h, "楼道里的灯坏了，晚上看不见路")
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.click(LIU, offer["message_id"], text="✋ 接单")
    await d.expect(LIU, f"您已接下工单 {order_no}", since=offer["message_id"])
    order_id = int(order_no.removeprefix("G"))
    async with h.sessionmaker() as s:
        job = (
            await s.exec(
                select(ScheduledJob).where(
                    col(ScheduledJob.key) == f"order-{order_id}-deadline-near"
                )
            )
        ).one()
    due = job.due_at
    assert due.astimezone(SHANGHAI).hour == 3, due
    h.clock.set(due + timedelta(minutes=1))
    await service.run_due()
    async with h.sessionmaker() as s:
        [reminder] = (
            await s.exec(
                select(Delivery).where(col(Delivery.chat_id) == LIU, col(Delivery.kind) == NEAR)
            )
        ).all()
        assert reminder.state == DeliveryState.PENDING and reminder.held_from is not None
    # 03:05 he finishes the job and reports it done
    h.clock.set(due + timedelta(minutes=5))
    await d.say(LIU, "📌 我的工单")
    await d.tap(LIU, f"查看 {order_no}")
    await d.tap(LIU, "完成上报")
    await d.say(LIU, "换了新灯泡")
    await d.say(LIU, "✅ 说完了")
    done = await d.expect(LIU, "等待社区验收")
    # 07:01: the morning's notices go; his reminder is not among them
    morning = due.astimezone(SHANGHAI).replace(hour=7, minute=1).astimezone(UTC)
    h.clock.set(morning)
    await service.drain()
    texts = [message_text(m) for m in await d.messages(LIU, since=done["message_id"])]
    assert not any("快到办理时限" in t for t in texts), texts
    async with h.sessionmaker() as s:
        state = (await s.exec(select(Delivery.state).where(col(Delivery.id) == reminder.id))).one()
        assert state == DeliveryState.CANCELLED
