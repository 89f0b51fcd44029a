"""A member's own 'deadline near' and 'overdue' reminders, held for the night, are not sent once
their claim ends — the order reported done, their claim given back, taken away by staff, or the
order cancelled — and only theirs: on a shared order another member claiming or giving theirs
back leaves them be (SQLite and PostgreSQL, the real job runner)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.orders import Order
from models.scheduling import Delivery, DeliveryState
from scheduler.runner import JobRunner
from services import orders as svc
from services import requests as req_svc
from tests.orders.conftest import T0, World, draft
from tests.support import FakeClock

# T0 is 10:00 in Shanghai; due at 06:00 the next morning, the order's 'deadline near' job runs
# at 01:00 (5 hours before) and its deadline job at 06:00: both inside quiet hours (22:00-07:00)
DEADLINE = T0 + timedelta(hours=20)
NEAR = T0 + timedelta(hours=15, minutes=1)
OVERDUE = DEADLINE + timedelta(minutes=1)
MEMBER_KEYS = ("order-notice-deadline-near", "order-notice-overdue-member")


async def _order(session: AsyncSession, world: World, *, needed: int) -> Order:
    filed = await req_svc.file_request(
        session, user=world.resident, draft=draft(), suggestion=None, now=T0
    )
    out = await svc.issue_order(
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        request_id=filed.request.id or 0,
        spec=svc.OrderSpec(members_needed=needed, deadline_at=DEADLINE, community_wide=True),
        now=T0,
    )
    assert out.order is not None
    return out.order


async def _claim(session: AsyncSession, world: World, member_id: int, order: Order) -> None:
    member = next(m for m in (world.member, world.member2, world.member3) if m.id == member_id)
    await svc.claim_order(
        session, user=member, roles=world.roles(member), order_id=order.id or 0, now=T0
    )


async def _reminders(
    runner: JobRunner, clock: FakeClock, sm: async_sessionmaker[AsyncSession], when: datetime
) -> datetime:
    """Run the jobs due at `when`: the members' reminders wait for the end of quiet hours."""
    clock.set(when)
    report = await runner.run_due()
    assert report.done, report
    async with sm() as s:
        rows = await s.exec(select(Delivery).where(col(Delivery.created_at) == when))
        held = [d.held_from for d in rows.all() if d.kind in MEMBER_KEYS]
    assert held and all(h is not None for h in held)  # held for the night
    return when


async def _states(sm: async_sessionmaker[AsyncSession], when: datetime) -> dict[int, str]:
    """member id → state of the reminder a job queued for them at `when`."""
    async with sm() as s:
        rows = await s.exec(
            select(Delivery).where(
                col(Delivery.created_at) == when,
                col(Delivery.kind).in_(MEMBER_KEYS),
            )
        )
        return {d.chat_id: d.state for d in rows.all()}


async def test_shared_order_reminder_is_cancelled_for_who_gave_theirs_back_only(
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    world: World,
    runner: JobRunner,
    clock: FakeClock,
) -> None:
    order = await _order(session, world, needed=3)
    a, b, c = world.member.id, world.member2.id, world.member3.id
    await _claim(session, world, a, order)
    await _claim(session, world, b, order)
    when = await _reminders(runner, clock, sessionmaker, NEAR)
    pending = {a: DeliveryState.PENDING, b: DeliveryState.PENDING}
    assert await _states(sessionmaker, when) == pending
    later = when + timedelta(minutes=5)
    await _claim(session, world, c, order)  # a third member claims: the order becomes full
    assert await _states(sessionmaker, when) == pending
    await svc.release_claim(
        session,
        user=world.member2,
        roles=world.roles(world.member2),
        order_id=order.id or 0,
        reason="临时出差",
        now=later,
    )  # the order opens again: the others' reminders still apply
    assert await _states(sessionmaker, when) == {
        a: DeliveryState.PENDING,
        b: DeliveryState.CANCELLED,
    }


async def test_reminders_are_cancelled_once_the_order_is_reported_done(
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    world: World,
    runner: JobRunner,
    clock: FakeClock,
) -> None:
    order = await _order(session, world, needed=2)
    a, b = world.member.id, world.member2.id
    await _claim(session, world, a, order)
    await _claim(session, world, b, order)
    near = await _reminders(runner, clock, sessionmaker, NEAR)
    both = {a: DeliveryState.PENDING, b: DeliveryState.PENDING}
    assert await _states(sessionmaker, near) == both
    overdue = await _reminders(runner, clock, sessionmaker, OVERDUE)
    assert await _states(sessionmaker, overdue) == both
    # the overdue notice replaces a 'near' one still held: it is not sent beside it
    assert await _states(sessionmaker, near) == {
        a: DeliveryState.CANCELLED,
        b: DeliveryState.CANCELLED,
    }
    await svc.report_done(
        session,
        user=world.member,
        roles=world.roles(world.member),
        order_id=order.id or 0,
        note="灯换好了",
        now=overdue + timedelta(minutes=5),
    )
    gone = {a: DeliveryState.CANCELLED, b: DeliveryState.CANCELLED}
    assert await _states(sessionmaker, near) == gone
    assert await _states(sessionmaker, overdue) == gone


async def test_reminder_is_cancelled_when_staff_reassign_the_claim(
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    world: World,
    runner: JobRunner,
    clock: FakeClock,
) -> None:
    order = await _order(session, world, needed=2)
    a, b = world.member.id, world.member2.id
    await _claim(session, world, a, order)
    await _claim(session, world, b, order)
    when = await _reminders(runner, clock, sessionmaker, NEAR)
    await svc.reassign(
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        order_id=order.id or 0,
        from_member_id=a,
        to_member_id=world.member3.id,
        now=when + timedelta(minutes=5),
    )
    assert await _states(sessionmaker, when) == {
        a: DeliveryState.CANCELLED,
        b: DeliveryState.PENDING,
    }


async def test_reminders_are_cancelled_with_the_order(
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    world: World,
    runner: JobRunner,
    clock: FakeClock,
) -> None:
    order = await _order(session, world, needed=1)
    await _claim(session, world, world.member.id, order)
    when = await _reminders(runner, clock, sessionmaker, OVERDUE)
    assert await _states(sessionmaker, when) == {world.member.id: DeliveryState.PENDING}
    await svc.cancel_order(
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        order_id=order.id or 0,
        reason="居民已自行解决",
        now=when + timedelta(minutes=5),
    )
    assert await _states(sessionmaker, when) == {world.member.id: DeliveryState.CANCELLED}
