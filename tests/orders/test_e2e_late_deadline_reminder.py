"""A 'deadline near' reminder whose job runs after the deadline (the bot was down, or behind) is
not sent (found walking the member flows as 刘师傅): he gets '⏰ 您接的工单 … 已超过时限' alone.
Before, '⏰ 工单 … 快到办理时限了，请抓紧。' came right after it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlmodel import col, select

from models.orders import Order
from models.scheduling import Delivery, DeliveryState, ScheduledJob
from sandbox.driver import message_text
from scheduler.service import SchedulerService
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_claim_in_place import _issue
from tests.orders.test_e2e_cycle import LIU


async def test_no_deadline_near_after_the_deadline(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    order_no = await _issue(h, "楼道里的灯坏了，晚上看不见路")
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.click(LIU, offer["message_id"], text="✋ 接单")
    claimed = await d.expect(LIU, f"您已接下工单 {order_no}", since=offer["message_id"])
    # the bot comes back an hour after the deadline: both jobs are due at once
    async with h.sessionmaker() as session:
        order = (await session.exec(select(Order))).one()
    assert order.deadline_at is not None
    h.clock.set(order.deadline_at + timedelta(hours=1))
    await service.run_due()
    await service.drain()
    await d.expect(LIU, "已超过时限", since=claimed["message_id"])
    texts = [message_text(m) for m in await d.messages(LIU, since=claimed["message_id"])]
    assert not any("快到办理时限" in t for t in texts), texts


async def test_a_deadline_near_reminder_held_for_the_night_is_not_sent_beside_the_overdue_one(
    linli_sandbox: Harness,
) -> None:
    """The deadline falls at 02:00: the 'near' reminder made at 23:30 is held for the morning,
    and by then the overdue notice says more. Before, both came at 07:00, '快到办理时限了' after
    '已超过时限'."""
    h = linli_sandbox
    d = h.driver
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    order_no = await _issue(h, "楼道里的灯坏了，晚上看不见路")
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.click(LIU, offer["message_id"], text="✋ 接单")
    claimed = await d.expect(LIU, f"您已接下工单 {order_no}", since=offer["message_id"])
    near_at = datetime(2026, 11, 24, 15, 30, tzinfo=UTC)  # 23:30 in Shanghai
    deadline = datetime(2026, 11, 24, 18, 0, tzinfo=UTC)  # 02:00
    async with h.sessionmaker() as session:
        order = (await session.exec(select(Order))).one()
        order.deadline_at = deadline
        session.add(order)
        for job in (await session.exec(select(ScheduledJob))).all():
            if job.kind == "order.deadline_near":
                job.due_at = near_at
            elif job.kind == "order.deadline":
                job.due_at = deadline
            session.add(job)
        await session.commit()
    h.clock.set(near_at)
    await service.run_due()
    await service.drain()
    async with h.sessionmaker() as session:
        held = (
            await session.exec(
                select(Delivery.state).where(
                    col(Delivery.chat_id) == LIU,
                    col(Delivery.kind) == "order-notice-deadline-near",
                )
            )
        ).all()
    assert held == [DeliveryState.PENDING]  # held for the morning
    h.clock.set(deadline + timedelta(minutes=1))
    await service.run_due()
    h.clock.set(datetime(2026, 11, 24, 23, 30, tzinfo=UTC))  # 07:30
    await service.drain()
    await d.expect(LIU, "已超过时限", since=claimed["message_id"])
    texts = [message_text(m) for m in await d.messages(LIU, since=claimed["message_id"])]
    assert not any("快到办理时限" in t for t in texts), texts
