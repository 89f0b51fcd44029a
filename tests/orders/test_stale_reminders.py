"""Scheduled reminders to staff are not sent once a colleague settled the matter they ask about
(SQLite and PostgreSQL): the unanswered-request reminder, the escalation of an unclaimed order,
the verify reminder and the transfer follow-up name their matter, and the state change cancels
the copies still waiting in the outbox (the sender paused on a 429, retrying after a network
error, or simply behind)."""

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


async def _queued_at(sm: async_sessionmaker[AsyncSession], when: datetime) -> dict[int, str]:
    """chat id → state of the deliveries a job queued at `when` (the reminders)."""
    async with sm() as s:
        rows = await s.exec(select(Delivery).where(col(Delivery.created_at) == when))
        return {d.chat_id: d.state for d in rows.all()}


async def _remind(
    runner: JobRunner, clock: FakeClock, sm: async_sessionmaker[AsyncSession], after: timedelta
) -> datetime:
    """Run the jobs due `after` T0; the staff reminders they queued are waiting to be sent."""
    when = T0 + after
    clock.set(when)
    report = await runner.run_due()
    assert report.done, report
    queued = await _queued_at(sm, when)
    assert queued and set(queued.values()) == {DeliveryState.PENDING}, queued
    return when


async def _file(session: AsyncSession, world: World) -> int:
    filed = await req_svc.file_request(
        session, user=world.resident, draft=draft(), suggestion=None, now=T0
    )
    return filed.request.id or 0


async def _issue(session: AsyncSession, world: World, request_id: int, now: datetime) -> Order:
    out = await svc.issue_order(
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        request_id=request_id,
        spec=svc.OrderSpec(members_needed=1),
        now=now,
    )
    assert out.order is not None
    return out.order


async def test_unanswered_reminder_is_not_sent_once_the_request_is_taken_up(
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    world: World,
    runner: JobRunner,
    clock: FakeClock,
) -> None:
    rid = await _file(session, world)
    when = await _remind(runner, clock, sessionmaker, timedelta(hours=24, minutes=1))
    # a colleague takes it up before the reminder went out
    await _issue(session, world, rid, when + timedelta(seconds=5))
    states = await _queued_at(sessionmaker, when)
    assert set(states.values()) == {DeliveryState.CANCELLED}, states


async def test_escalation_is_not_sent_once_the_order_is_claimed(
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    world: World,
    runner: JobRunner,
    clock: FakeClock,
) -> None:
    order = await _issue(session, world, await _file(session, world), T0)
    clock.set(T0 + timedelta(hours=12, minutes=1))
    await runner.run_due()  # round 1: offered again to the members
    when = await _remind(runner, clock, sessionmaker, timedelta(hours=24, minutes=2))
    assert set(await _queued_at(sessionmaker, when)) >= {world.staff.id}  # escalated to staff
    await svc.claim_order(
        session,
        user=world.member,
        roles=world.roles(world.member),
        order_id=order.id or 0,
        now=when + timedelta(seconds=5),
    )
    states = await _queued_at(sessionmaker, when)
    assert set(states.values()) == {DeliveryState.CANCELLED}, states


async def test_verify_reminder_is_not_sent_once_a_colleague_verified(
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    world: World,
    runner: JobRunner,
    clock: FakeClock,
) -> None:
    order = await _issue(session, world, await _file(session, world), T0)
    member = world.roles(world.member)
    oid = order.id or 0
    await svc.claim_order(session, user=world.member, roles=member, order_id=oid, now=T0)
    await svc.report_done(
        session, user=world.member, roles=member, order_id=oid, note="灯换好了", now=T0
    )
    when = await _remind(runner, clock, sessionmaker, timedelta(hours=24, minutes=1))
    await svc.verify(
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        order_id=oid,
        approve=True,
        note=None,
        now=when + timedelta(seconds=5),
    )
    states = await _queued_at(sessionmaker, when)
    assert set(states.values()) == {DeliveryState.CANCELLED}, states


async def test_transfer_follow_up_is_not_sent_once_the_units_answer_is_recorded(
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    world: World,
    runner: JobRunner,
    clock: FakeClock,
) -> None:
    rid = await _file(session, world)
    staff = world.roles(world.staff)
    await svc.transfer(
        session, user=world.staff, roles=staff, request_id=rid, unit="供电所", note=None, now=T0
    )
    when = await _remind(runner, clock, sessionmaker, timedelta(days=3, minutes=1))
    await svc.record_transfer_answer(
        session,
        user=world.staff,
        roles=staff,
        request_id=rid,
        answer="供电所已修好线路",
        now=when + timedelta(seconds=5),
    )
    states = await _queued_at(sessionmaker, when)
    assert set(states.values()) == {DeliveryState.CANCELLED}, states
