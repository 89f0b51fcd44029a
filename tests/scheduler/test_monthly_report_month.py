"""The monthly report on the 1st counts the calendar month before, as its request figures do:
'（上月新增 1 人）' for a resident who joined in November. Before, it read '本月新增 3 人',
counting the 31 days before the run: the last day of October and the morning of 1 December too."""

from __future__ import annotations

from sqlmodel.ext.asyncio.session import AsyncSession

from models.org import Community
from models.users import Role, User
from scheduler.generic_jobs import ensure_recurring
from scheduler.kinds import load_job_kinds
from scheduler.runner import JobRunner
from tests.scheduler.test_generic_jobs import SHANGHAI, _deliveries, local


async def test_monthly_report_counts_last_month(session: AsyncSession, runner: JobRunner) -> None:
    load_job_kinds()
    community = Community(name="阳光社区")
    session.add(community)
    await session.commit()
    assert community.id is not None
    for uid, joined in ((11, local(10, 31, 12)), (12, local(11, 15, 12)), (13, local(12, 1, 8))):
        session.add(
            User(id=uid, roles=Role.RESIDENT.value, community_id=community.id, created_at=joined)
        )
    session.add(User(id=31, first_name="王主任", roles=f"{Role.RESIDENT},{Role.ADMIN}"))
    await session.commit()
    await ensure_recurring(session, now=local(11, 23, 10), zone=SHANGHAI)
    report = await runner.run_due(now=local(12, 1, 9, 30))
    assert len(report.done) == 2  # the overdue digest of Monday 30th and the monthly report
    [to_admin] = [r for r in await _deliveries(session, "report") if r.chat_id == 31]
    assert "阳光社区：居民 3 人（上月新增 1 人）" in to_admin.text, to_admin.text
