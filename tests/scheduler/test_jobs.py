"""Scheduled work: due at its time by the injected clock, once, late unless too late, atomic."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.scheduling import Delivery, JobState, ScheduledJob
from scheduler.runner import JobRunner
from services.jobs import (
    cancel_jobs,
    claim_jobs,
    next_occurrence,
    schedule_job,
    schedule_recurring,
)
from tests.scheduler.conftest import CALLS, add_users
from tests.support import FakeClock

SHANGHAI = ZoneInfo("Asia/Shanghai")


async def _jobs(session: AsyncSession) -> list[ScheduledJob]:
    rows = await session.exec(
        select(ScheduledJob)
        .order_by(col(ScheduledJob.id))
        .execution_options(populate_existing=True)
    )
    return list(rows.all())


async def _deliveries(session: AsyncSession) -> list[Delivery]:
    rows = await session.exec(select(Delivery).order_by(col(Delivery.id)))
    return list(rows.all())


async def test_job_runs_at_its_time_and_only_once(
    session: AsyncSession, runner: JobRunner, clock: FakeClock
) -> None:
    await add_users(session, [11])
    await schedule_job(
        session,
        kind="test.remind",
        due_at=clock.now + timedelta(minutes=30),
        payload={"user_id": 11},
    )
    await session.commit()

    assert (await runner.run_due()).total == 0
    assert CALLS == []
    clock.advance(timedelta(minutes=30))
    report = await runner.run_due()
    assert len(report.done) == 1
    assert (await runner.run_due()).total == 0
    assert CALLS == [("test.remind", {"user_id": 11})]
    [delivery] = await _deliveries(session)
    assert delivery.chat_id == 11 and delivery.text == "reminder"
    [job] = await _jobs(session)
    assert job.state == JobState.DONE and job.attempts == 1


async def test_same_key_replaces_pending_and_cancel(
    session: AsyncSession, runner: JobRunner, clock: FakeClock
) -> None:
    await add_users(session, [11])
    for minutes in (10, 20):
        await schedule_job(
            session,
            kind="test.remind",
            due_at=clock.now + timedelta(minutes=minutes),
            payload={"user_id": 11, "text": f"at {minutes}"},
            key="meeting:1:remind",
        )
    await schedule_job(
        session, kind="test.remind", due_at=clock.now, payload={"user_id": 11}, key="meeting:2:x"
    )
    await session.commit()
    jobs = await _jobs(session)
    assert [j.payload.get("text") for j in jobs] == ["at 20", None]
    assert await cancel_jobs(session, key="meeting:2:", prefix=True) == 1
    await session.commit()
    clock.advance(timedelta(minutes=25))
    assert len((await runner.run_due()).done) == 1
    assert CALLS == [("test.remind", {"user_id": 11, "text": "at 20"})]


async def test_late_work_runs_on_start_unless_too_late(
    session: AsyncSession, runner: JobRunner, clock: FakeClock
) -> None:
    await add_users(session, [11, 12])
    # the bot was down: one reminder is 40 minutes late (runs), one 2 hours late (too late: 1 h)
    await schedule_job(
        session,
        kind="test.remind",
        due_at=clock.now - timedelta(minutes=40),
        payload={"user_id": 11},
    )
    await schedule_job(
        session, kind="test.remind", due_at=clock.now - timedelta(hours=2), payload={"user_id": 12}
    )
    await session.commit()
    report = await runner.run_due()
    assert len(report.done) == 1 and len(report.skipped) == 1
    assert [d.chat_id for d in await _deliveries(session)] == [11]
    states = sorted(j.state for j in await _jobs(session))
    assert states == [JobState.DONE, JobState.SKIPPED]


async def test_failing_job_is_retried_with_backoff_then_fails(
    session: AsyncSession, runner: JobRunner, clock: FakeClock
) -> None:
    await schedule_job(session, kind="test.flaky", due_at=clock.now, payload={"n": 1})
    await session.commit()
    assert len((await runner.run_due()).retried) == 1
    [job] = await _jobs(session)
    assert job.state == JobState.PENDING and job.due_at == clock.now + timedelta(minutes=1)
    assert "not today" in (job.last_error or "")
    clock.advance(timedelta(minutes=1))
    assert len((await runner.run_due()).retried) == 1
    clock.advance(timedelta(minutes=2))
    assert len((await runner.run_due()).failed) == 1
    [job] = await _jobs(session)
    assert job.state == JobState.FAILED and job.attempts == 3
    assert len(CALLS) == 3


async def test_unknown_kind_fails_without_stopping_others(
    session: AsyncSession, runner: JobRunner, clock: FakeClock
) -> None:
    await add_users(session, [11])
    await schedule_job(session, kind="nobody.knows", due_at=clock.now, payload={})
    await schedule_job(session, kind="test.remind", due_at=clock.now, payload={"user_id": 11})
    await session.commit()
    report = await runner.run_due()
    assert len(report.failed) == 1 and len(report.done) == 1


async def test_restart_neither_loses_nor_repeats(
    sessionmaker: async_sessionmaker[AsyncSession],
    session: AsyncSession,
    runner: JobRunner,
    clock: FakeClock,
) -> None:
    await add_users(session, [11, 12, 13])
    for uid in (11, 12, 13):
        await schedule_job(session, kind="test.remind", due_at=clock.now, payload={"user_id": uid})
    await session.commit()
    # a scheduler claims all three and dies before finishing any of them
    async with sessionmaker() as s:
        claimed = await claim_jobs(s, now=clock.now, limit=10, worker="dead")
    assert len(claimed) == 3
    assert (await runner.run_due()).total == 0  # claimed work is not taken twice
    # the next leader takes over: what the dead one held runs once, nothing is lost
    assert await runner.recover() == 3
    assert len((await runner.run_due()).done) == 3
    await runner.recover()
    assert (await runner.run_due()).total == 0
    assert sorted(d.chat_id for d in await _deliveries(session)) == [11, 12, 13]


async def test_claim_is_atomic_between_competing_schedulers(
    sessionmaker: async_sessionmaker[AsyncSession], session: AsyncSession, clock: FakeClock
) -> None:
    for i in range(60):
        await schedule_job(session, kind="test.remind", due_at=clock.now, payload={"user_id": i})
    await session.commit()

    async def claimer(name: str) -> list[int]:
        got: list[int] = []
        while True:
            async with sessionmaker() as s:
                ids = await claim_jobs(s, now=clock.now, limit=7, worker=name)
            if not ids:
                return got
            got.extend(ids)

    results = await asyncio.gather(*(claimer(f"w{i}") for i in range(4)))
    every = [i for r in results for i in r]
    assert len(every) == 60 and len(set(every)) == 60


async def _daily_at_eight(session: AsyncSession, clock: FakeClock) -> ScheduledJob:
    """User 11's test.remind every day at 08:00 local time, scheduled now (committed)."""
    await add_users(session, [11])
    job = await schedule_recurring(
        session,
        kind="test.remind",
        rule="0 8 * * *",
        payload={"user_id": 11},
        key="daily",
        now=clock.now,
        zone=SHANGHAI,
    )
    await session.commit()
    return job


async def test_recurring_rule_schedules_the_next_occurrence(
    session: AsyncSession, runner: JobRunner, clock: FakeClock
) -> None:
    # every day at 08:00 local; now is Monday 10:00 local → Tuesday 08:00 local (00:00 UTC)
    job = await _daily_at_eight(session, clock)
    assert job.due_at == datetime(2026, 11, 24, 0, 0, tzinfo=UTC)
    clock.set(job.due_at)
    assert len((await runner.run_due()).done) == 1
    jobs = await _jobs(session)
    assert [j.state for j in jobs] == [JobState.DONE, JobState.PENDING]
    assert jobs[1].due_at == datetime(2026, 11, 25, 0, 0, tzinfo=UTC)
    assert jobs[1].payload == {"user_id": 11, "_rule": "0 8 * * *"}


async def test_recurring_work_skipped_as_too_late_keeps_its_next_occurrence(
    session: AsyncSession, runner: JobRunner, clock: FakeClock
) -> None:
    # a daily 08:00 reminder (too late after 1 h); the bot was down from Monday to Wednesday
    job = await _daily_at_eight(session, clock)
    clock.set(datetime(2026, 11, 25, 3, 0, tzinfo=UTC))  # Wednesday 11:00 local
    assert len((await runner.run_due()).skipped) == 1
    jobs = await _jobs(session)
    assert [j.state for j in jobs] == [JobState.SKIPPED, JobState.PENDING]
    assert jobs[0].id == job.id
    # the next one after now (Thursday 08:00 local), not one already past
    assert jobs[1].due_at == datetime(2026, 11, 26, 0, 0, tzinfo=UTC)
    assert jobs[1].payload == {"user_id": 11, "_rule": "0 8 * * *"}
    assert CALLS == []
    clock.set(jobs[1].due_at)
    assert len((await runner.run_due()).done) == 1


async def test_recurring_work_given_up_after_its_attempts_keeps_its_next_occurrence(
    session: AsyncSession, runner: JobRunner, clock: FakeClock
) -> None:
    job = await schedule_recurring(
        session,
        kind="test.flaky",  # fails every time; 3 attempts
        rule="0 8 * * *",
        payload={},
        key="flaky-daily",
        now=clock.now,
        zone=SHANGHAI,
    )
    await session.commit()
    clock.set(job.due_at)  # Tuesday 08:00 local
    for _ in range(3):
        await runner.run_due()
        clock.advance(timedelta(minutes=10))
    jobs = await _jobs(session)
    assert [j.state for j in jobs] == [JobState.FAILED, JobState.PENDING]
    assert jobs[1].due_at == datetime(2026, 11, 25, 0, 0, tzinfo=UTC)  # Wednesday 08:00 local


def test_next_occurrence_weekly_digest_monday_nine_local() -> None:
    after = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)  # Monday 09:00 Shanghai exactly
    assert next_occurrence("0 9 * * mon", after=after, zone=SHANGHAI) == datetime(
        2026, 11, 30, 1, 0, tzinfo=UTC
    )
    before = after - timedelta(minutes=1)
    assert next_occurrence("0 9 * * mon", after=before, zone=SHANGHAI) == after
