"""Generic scheduled work: the weekly staff digest and the monthly admin report, by the clock."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.org import Community
from models.scheduling import Delivery, JobState, ScheduledJob
from models.users import Role, StaffScope, User
from scheduler.generic_jobs import MONTHLY_REPORT, WEEKLY_DIGEST, ensure_recurring
from scheduler.kinds import load_job_kinds
from scheduler.runner import JobRunner
from tests.scheduler.conftest import add_users
from tests.support import count_commits_per_job

SHANGHAI = ZoneInfo("Asia/Shanghai")


def local(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    """Shanghai local time as aware UTC."""
    return datetime(2026, month, day, hour, minute, tzinfo=SHANGHAI).astimezone(UTC)


async def _setup(session: AsyncSession) -> int:
    community = Community(name="阳光社区")
    session.add(community)
    await session.commit()
    assert community.id is not None
    await add_users(session, [11, 12], community_id=community.id)
    staff = User(id=21, first_name="李社工", roles=f"{Role.RESIDENT},{Role.STAFF}")
    admin = User(id=31, first_name="王主任", roles=f"{Role.RESIDENT},{Role.ADMIN}", language="en")
    session.add_all([staff, admin])
    await session.commit()
    session.add(StaffScope(user_id=21, community_id=community.id))
    await session.commit()
    return community.id


async def _deliveries(session: AsyncSession, kind: str) -> list[Delivery]:
    rows = await session.exec(
        select(Delivery).where(Delivery.kind == kind).order_by(col(Delivery.chat_id))
    )
    return list(rows.all())


async def test_weekly_digest_goes_to_staff_on_monday_nine_local(
    session: AsyncSession, runner: JobRunner
) -> None:
    assert WEEKLY_DIGEST in load_job_kinds()
    await _setup(session)
    await ensure_recurring(session, now=local(11, 22, 10), zone=SHANGHAI)  # Sunday
    await ensure_recurring(session, now=local(11, 22, 11), zone=SHANGHAI)  # restart: no double
    jobs = (await session.exec(select(ScheduledJob))).all()
    assert sorted((j.kind, j.due_at) for j in jobs) == [
        (WEEKLY_DIGEST, local(11, 23, 9)),
        (MONTHLY_REPORT, local(12, 1, 9)),
    ]
    assert (await runner.run_due(now=local(11, 23, 8, 59))).total == 0
    assert len((await runner.run_due(now=local(11, 23, 9))).done) == 1
    [digest] = await _deliveries(session, "digest")
    assert digest.chat_id == 21
    assert "阳光社区" in digest.text and "新登记居民：2 人" in digest.text
    assert digest.not_before == local(11, 23, 9)  # 09:00 is outside quiet hours
    following = (
        await session.exec(
            select(ScheduledJob).where(
                ScheduledJob.kind == WEEKLY_DIGEST, ScheduledJob.state == JobState.PENDING
            )
        )
    ).one()
    assert following.due_at == local(11, 30, 9)


async def test_monthly_report_goes_to_admins_in_their_language(
    session: AsyncSession,
    runner: JobRunner,
    engine: AsyncEngine,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    load_job_kinds()
    await _setup(session)
    await ensure_recurring(session, now=local(11, 23, 10), zone=SHANGHAI)
    with count_commits_per_job(engine, monkeypatch) as commits:
        report = await runner.run_due(now=local(12, 1, 9, 30))  # a little late is still fine
    assert len(report.done) == 2  # the overdue digest of Monday 30th and the monthly report
    # each run's lines and its next occurrence: one commit
    assert sorted(commits) == [f"{WEEKLY_DIGEST}:1", f"{MONTHLY_REPORT}:1"]
    reports = await _deliveries(session, "report")
    assert [r.chat_id for r in reports] == [31, 900]  # the admin user and settings.admin_ids
    assert "Monthly report" in reports[0].text and "阳光社区" in reports[0].text
    assert "月度报告" in reports[1].text


def test_every_job_module_and_ensure_function_loads() -> None:
    from scheduler.kinds import JOB_MODULES, ON_LEADING, on_leading

    kinds = load_job_kinds()
    assert {WEEKLY_DIGEST, MONTHLY_REPORT} <= set(kinds)
    assert JOB_MODULES and len(on_leading()) == len(ON_LEADING)
