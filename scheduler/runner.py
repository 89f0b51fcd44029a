"""Running due work: claim, check lateness, run the kind, finish — one job per transaction.

A job's "done" is written in the same session as the job's own effects, before the kind runs:
whatever the kind commits carries "done" with it, so a job whose effects were committed is never
run again, and a job that crashed before committing anything is simply run again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.base import utcnow
from models.scheduling import JobState, ScheduledJob
from services.jobs import (
    RULE_FIELD,
    JobContext,
    Texts,
    claim_jobs,
    get_kind,
    mark_job,
    release_stale_jobs,
    schedule_recurring,
)

log = logging.getLogger(__name__)


@dataclass
class RunReport:
    """What one pass over due work did."""

    done: list[int] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)
    retried: list[int] = field(default_factory=list)

    @property
    def total(self) -> int:
        """How many jobs were claimed."""
        return len(self.done) + len(self.skipped) + len(self.failed) + len(self.retried)


async def _anything_due(session: AsyncSession, now: datetime) -> bool:
    """True when at least one pending job is due (a plain read, no lock taken)."""
    stmt = (
        select(ScheduledJob.id)
        .where(col(ScheduledJob.state) == JobState.PENDING, col(ScheduledJob.due_at) <= now)
        .limit(1)
    )
    found = (await session.exec(stmt)).first() is not None
    await session.rollback()  # end the read transaction before claiming
    return found


class JobRunner:
    """Claims due jobs and runs their kinds; the clock decides what is due."""

    def __init__(
        self,
        *,
        sessionmaker: async_sessionmaker[AsyncSession],
        settings: Any,
        texts: Texts,
        clock: Callable[[], datetime] = utcnow,
        worker: str = "local",
        batch: int = 50,
        on_enqueued: Callable[[], None] | None = None,
    ) -> None:
        self.sessionmaker = sessionmaker
        self.settings = settings
        self.texts = texts
        self.clock = clock
        self.worker = worker
        self.batch = batch
        self.on_enqueued = on_enqueued

    @property
    def zone(self) -> tzinfo:
        """The local time zone (from settings)."""
        zone = getattr(self.settings, "zone", None)
        return zone if isinstance(zone, tzinfo) else ZoneInfo("Asia/Shanghai")

    async def recover(self, *, all_others: bool = True) -> int:
        """Put back jobs a dead scheduler left running (call when taking over)."""
        async with self.sessionmaker() as session:
            return await release_stale_jobs(
                session, now=self.clock(), worker=self.worker, all_others=all_others
            )

    async def run_due(self, *, now: datetime | None = None) -> RunReport:
        """Run every job due at `now` (default: the clock), late ones too unless too late."""
        report = RunReport()
        while True:
            at = now or self.clock()
            async with self.sessionmaker() as session:
                # a read first: on SQLite the claiming UPDATE takes the write lock even when
                # nothing is due, and the tick then queues behind every request being filed
                if not await _anything_due(session, at):
                    break
                ids = await claim_jobs(session, now=at, limit=self.batch, worker=self.worker)
            if not ids:
                break
            for job_id in ids:
                await self._run_one(job_id, at, report)
        if report.total and self.on_enqueued is not None:
            self.on_enqueued()
        return report

    async def _run_one(self, job_id: int, now: datetime, report: RunReport) -> None:
        async with self.sessionmaker() as session:
            job = await session.get(ScheduledJob, job_id, populate_existing=True)
            if job is None:
                return
            kind = get_kind(job.kind)
            if kind is None:
                await mark_job(
                    session,
                    job_id=job_id,
                    state=JobState.FAILED,
                    now=now,
                    worker=self.worker,
                    error=f"unknown job kind {job.kind!r}",
                )
                await session.commit()
                report.failed.append(job_id)
                log.error("job %s: unknown kind %s", job_id, job.kind)
                return
            if now - job.due_at > kind.too_late:
                await mark_job(
                    session,
                    job_id=job_id,
                    state=JobState.SKIPPED,
                    now=now,
                    worker=self.worker,
                    error=f"too late: due {job.due_at.isoformat()}",
                )
                await session.commit()
                report.skipped.append(job_id)
                log.info("job %s (%s) skipped: too late", job_id, job.kind)
                return
            payload = dict(job.payload or {})
            attempts, key, due_at = job.attempts, job.key, job.due_at
            # "done" first, uncommitted: it is committed together with the job's own effects
            if not await mark_job(
                session, job_id=job_id, state=JobState.DONE, now=now, worker=self.worker
            ):
                await session.rollback()
                return
            ctx = JobContext(
                session=session,
                now=now,
                settings=self.settings,
                texts=self.texts,
                job=job,
                zone=self.zone,
                default_language=getattr(self.settings, "default_language", "zh-Hans"),
            )
            try:
                await kind.run(ctx, payload)
                rule = payload.get(RULE_FIELD)
                if isinstance(rule, str) and key:
                    after = max(now, due_at)
                    data = {k: v for k, v in payload.items() if k != RULE_FIELD}
                    await schedule_recurring(
                        session,
                        kind=kind.name,
                        rule=rule,
                        payload=data,
                        key=key,
                        now=after,
                        zone=self.zone,
                    )
                await session.commit()
                report.done.append(job_id)
                return
            except Exception as exc:  # a failing kind must not stop the others; retried below
                log.exception("job %s (%s) failed", job_id, kind.name)
                await session.rollback()
                error = f"{type(exc).__name__}: {exc}"[:1000]
        async with self.sessionmaker() as session:
            if attempts >= kind.max_attempts:
                await mark_job(
                    session,
                    job_id=job_id,
                    state=JobState.FAILED,
                    now=now,
                    worker=self.worker,
                    error=error,
                )
                report.failed.append(job_id)
            else:
                delay = kind.retry_after * (2 ** max(0, attempts - 1))
                await mark_job(
                    session,
                    job_id=job_id,
                    state=JobState.PENDING,
                    now=now,
                    worker=self.worker,
                    error=error,
                    due_at=now + min(delay, timedelta(hours=6)),
                )
                report.retried.append(job_id)
            await session.commit()
