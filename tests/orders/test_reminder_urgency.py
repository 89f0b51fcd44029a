"""Staff reminders are as urgent as the request behind them: about an ordinary request they wait
for the end of quiet hours (and are cancelled if a colleague settles it overnight); about an
urgent one they go at once, and its transfer is followed up again within hours, not days."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.scheduling import Delivery, DeliveryState, JobState, ScheduledJob
from scheduler.runner import JobRunner
from services import orders as svc
from services import requests as req_svc
from tests.orders.conftest import World, draft
from tests.support import FakeClock

NIGHT = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)  # 23:00 in Shanghai
MORNING = datetime(2026, 11, 24, 23, 0, tzinfo=UTC)  # 07:00 in Shanghai, the day after next


@pytest.fixture
def clock() -> FakeClock:
    """Time that only moves when the test moves it; here it starts at night (the conftest's
    `runner` runs on it)."""
    return FakeClock(NIGHT)


async def _queued_at(sm: async_sessionmaker[AsyncSession], when: datetime) -> list[Delivery]:
    async with sm() as s:
        rows = await s.exec(select(Delivery).where(col(Delivery.created_at) == when))
        return list(rows.all())


async def _file(session: AsyncSession, world: World, *, urgent: bool, now: datetime) -> int:
    filed = await req_svc.file_request(
        session,
        user=world.resident,
        draft=draft("3号楼楼道灯坏了，晚上很黑", urgent=urgent),
        suggestion=None,
        now=now,
    )
    return filed.request.id or 0


async def test_an_ordinary_request_unanswered_at_night_reminds_staff_in_the_morning(
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    world: World,
    runner: JobRunner,
    clock: FakeClock,
) -> None:
    await _file(session, world, urgent=False, now=NIGHT)
    when = clock.advance(timedelta(hours=24, minutes=1))  # 23:01 the next night
    assert (await runner.run_due()).done
    reminders = await _queued_at(sessionmaker, when)
    assert reminders and all(not d.urgent for d in reminders)
    assert {(d.not_before, d.held_from) for d in reminders} == {(MORNING, when)}


async def test_an_urgent_request_unanswered_at_night_reminds_staff_at_once(
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    world: World,
    runner: JobRunner,
    clock: FakeClock,
) -> None:
    await _file(session, world, urgent=True, now=NIGHT)
    when = clock.advance(timedelta(hours=2, minutes=1))  # 01:01
    assert (await runner.run_due()).done
    reminders = await _queued_at(sessionmaker, when)
    assert reminders and all(d.urgent for d in reminders)
    assert {(d.not_before, d.state) for d in reminders} == {(when, DeliveryState.PENDING)}


async def test_an_urgent_transfer_is_followed_up_again_within_hours(
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    world: World,
    runner: JobRunner,
    clock: FakeClock,
) -> None:
    rid = await _file(session, world, urgent=True, now=NIGHT)
    await svc.transfer(
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        request_id=rid,
        unit="燃气公司",
        note=None,
        now=NIGHT,
    )
    when = clock.advance(svc.TRANSFER_FOLLOW_UP_URGENT + timedelta(minutes=1))
    assert (await runner.run_due()).done
    async with sessionmaker() as s:
        [follow_up] = (
            await s.exec(
                select(ScheduledJob).where(
                    col(ScheduledJob.key) == f"request-{rid}-transfer",
                    col(ScheduledJob.state) == JobState.PENDING,
                )
            )
        ).all()
    assert follow_up.due_at == when + svc.TRANSFER_FOLLOW_UP_URGENT
