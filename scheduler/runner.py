"""Running due work: claim, check lateness, run the kind, finish — one job per transaction.

A job's "done" is written in the same session as the job's own effects, before the kind runs:
whatever the kind commits carries "done" with it, so a job whose effects were committed is never
run again, and a job that crashed before committing anything is simply run again.

A background kind (long work, e.g. retraining) is run by a runner made with `background=True`
(the scheduler service's) in a task of its own, so the tick goes on with other due work. Its
"done" is written after it returns, with its effects, in one commit; while it runs the job stays
claimed (`running`) and the runner's sweep leaves it alone, so it runs once. Stopping the runner
(`stop_background`) interrupts it and puts it back in the queue, to run again at the next start.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.base import utcnow
from models.scheduling import JobState, ScheduledJob
from services import order_redraws, staff_order_cards
from services.jobs import (
    RULE_FIELD,
    JobContext,
    JobKind,
    Texts,
    claim_jobs,
    get_kind,
    mark_job,
    release_jobs,
    release_stale_jobs,
    schedule_recurring,
)
from services.order_common import Notice, commit_with
from services.order_notices import deliver
from services.request_cards import Drawer

log = logging.getLogger(__name__)


@dataclass
class RunReport:
    """What one pass over due work did."""

    done: list[int] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)
    retried: list[int] = field(default_factory=list)
    started: list[int] = field(default_factory=list)  # background kinds, still running

    @property
    def total(self) -> int:
        """How many jobs were claimed."""
        return (
            len(self.done)
            + len(self.skipped)
            + len(self.failed)
            + len(self.retried)
            + len(self.started)
        )


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
        background: bool = False,
        staff_cards: Callable[[datetime], Drawer] | None = None,
        staff_orders: Callable[[datetime], staff_order_cards.Drawer] | None = None,
    ) -> None:
        """`background=True`: background kinds run in tasks of their own (the scheduler service);
        otherwise every kind runs inline, to its end, within `run_due` (tests, scripts).
        `staff_cards`: what draws a staff card of a request as of a job's time (the handlers'
        drawing, handed over by the bot's wiring), for the cards a job's change redraws;
        `staff_orders`: the same for a staff card of an order."""
        self.background = background
        self.staff_cards = staff_cards
        self.staff_orders = staff_orders
        self._running: dict[int, asyncio.Task[None]] = {}
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
        """Put back jobs a dead scheduler left running (call when taking over).

        Background jobs this runner is still running are kept, however long they take.
        """
        async with self.sessionmaker() as session:
            return await release_stale_jobs(
                session,
                now=self.clock(),
                worker=self.worker,
                all_others=all_others,
                keep=set(self._running),
            )

    @property
    def in_background(self) -> set[int]:
        """Ids of the background jobs running now."""
        return set(self._running)

    async def wait_background(self) -> None:
        """Wait until the background jobs running now have finished (and been recorded)."""
        while self._running:
            await asyncio.gather(*self._running.values(), return_exceptions=True)

    async def stop_background(self) -> None:
        """Stop the background jobs running now (stopping, or stepping down as the leader).

        They are interrupted before anything of theirs is recorded and put back in the queue,
        due as they were (the interrupted run is not counted as an attempt), so whoever leads
        next — this process again after a restart — runs them again at once, unless they are
        too late for their kind by then. Without the database the next leader's recovery puts
        them back instead.
        """
        tasks = dict(self._running)
        for task in tasks.values():
            task.cancel()
        await asyncio.gather(*tasks.values(), return_exceptions=True)
        self._running.clear()
        if not tasks:
            return
        try:
            async with self.sessionmaker() as session:
                back = await release_jobs(session, job_ids=list(tasks), worker=self.worker)
        except Exception:  # the database is away: recover() of the next leader does it
            log.warning("background jobs %s could not be put back", sorted(tasks), exc_info=True)
            return
        log.info("background jobs stopped; %s put back to run again", back)

    def _start_background(self, job_id: int, run: Callable[[], Coroutine[Any, Any, None]]) -> None:
        async def guarded() -> None:
            try:
                await run()
            except Exception:  # the database went away while recording; the sweep retries
                log.exception("background job %s could not be recorded", job_id)
            if self.on_enqueued is not None:
                self.on_enqueued()

        task = asyncio.create_task(guarded(), name=f"linli-job-{job_id}")
        self._running[job_id] = task
        task.add_done_callback(lambda _task: self._running.pop(job_id, None))

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
                await self._give_up(
                    session, job, None, now, JobState.FAILED, f"unknown job kind {job.kind!r}"
                )
                report.failed.append(job_id)
                log.error("job %s: unknown kind %s", job_id, job.kind)
                return
            if now - job.due_at > kind.too_late:
                await self._give_up(
                    session,
                    job,
                    kind,
                    now,
                    JobState.SKIPPED,
                    f"too late: due {job.due_at.isoformat()}",
                )
                report.skipped.append(job_id)
                log.info("job %s (%s) skipped: too late", job_id, job.kind)
                return
            if kind.background:
                await session.rollback()  # end the read: the kind runs in a session of its own
                run = functools.partial(self._run_background_kind, job_id, now, kind, report)
                if self.background:
                    self._start_background(job_id, run)
                    report.started.append(job_id)
                    log.info("job %s (%s) runs in the background", job_id, kind.name)
                else:
                    await run()
                return
            await self._run_kind(session, job, kind, now, report)

    async def _give_up(
        self,
        session: AsyncSession,
        job: ScheduledJob,
        kind: JobKind | None,
        now: datetime,
        state: JobState,
        error: str,
    ) -> None:
        """Record a job that is not run (unknown kind, too late) and commit; recurring work
        goes on: its next occurrence after now is scheduled in the same commit."""
        assert job.id is not None
        payload, key = dict(job.payload or {}), job.key
        await mark_job(
            session, job_id=job.id, state=state, now=now, worker=self.worker, error=error
        )
        if kind is not None:
            await self._schedule_next(session, kind, payload, key, now)
        await session.commit()

    async def _run_background_kind(
        self, job_id: int, now: datetime, kind: JobKind, report: RunReport
    ) -> None:
        """Run a long kind, then write "done", the next occurrence and its effects: one commit."""
        async with self.sessionmaker() as session:
            job = await session.get(ScheduledJob, job_id, populate_existing=True)
            if job is None or job.state != JobState.RUNNING or job.claimed_by != self.worker:
                return
            await self._run_kind(session, job, kind, now, report)

    async def _run_kind(
        self,
        session: AsyncSession,
        job: ScheduledJob,
        kind: JobKind,
        now: datetime,
        report: RunReport,
    ) -> None:
        """Run a claimed job's kind in `session` and commit "done", the next occurrence and the
        kind's effects together; a kind that raises is retried later (`_failed`).

        A kind run inside the tick gets its "done" first (uncommitted: whatever it commits
        carries the mark); a background kind's "done" is written when it returns, at the time
        it finished, unless another scheduler took the job over meanwhile.
        """
        assert job.id is not None
        job_id = job.id
        payload = dict(job.payload or {})
        attempts, key, due_at = job.attempts, job.key, job.due_at
        if not kind.background and not await self._mark_done(session, job_id, now):
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
            background=kind.background,
        )
        self._watch(ctx)
        try:
            await kind.run(ctx, payload)
            if kind.background and not await self._mark_done(
                session, job_id, max(now, self.clock())
            ):
                # another scheduler took the job over meanwhile: its run counts, not ours
                await session.rollback()
                log.warning("job %s (%s): taken over while it ran", job_id, kind.name)
                return
            await self._schedule_next(session, kind, payload, key, max(now, due_at))
            # with the redraws of what the kind changed and did not commit itself
            await commit_with(session, ())
            report.done.append(job_id)
            if kind.background:
                log.info("job %s (%s) done in the background", job_id, kind.name)
            return
        except Exception as exc:  # a failing kind must not stop the others; retried below
            log.exception("job %s (%s) failed", job_id, kind.name)
            await session.rollback()  # the session holds nothing now; the retry has its own
            error = f"{type(exc).__name__}: {exc}"[:1000]
        await self._failed(job_id, now, kind, attempts, error, report)

    def _watch(self, ctx: JobContext) -> None:
        """What the job changes of a request or an order redraws the cards on people's screens
        (staff's, members', their offers), in the commit that changes it
        (services.order_redraws.watch_job), as a change made by a tap does."""
        session, now = ctx.session, ctx.now

        async def sink(notices: Sequence[Notice]) -> int:
            return await deliver(
                session, notices, texts=ctx.texts, default_language=ctx.default_language, now=now
            )

        draw = self.staff_cards(now) if self.staff_cards is not None else None
        orders = self.staff_orders(now) if self.staff_orders is not None else None
        order_redraws.watch_job(session, sink=sink, staff_cards=draw, staff_orders=orders, now=now)

    async def _mark_done(self, session: AsyncSession, job_id: int, at: datetime) -> bool:
        """Mark a job this runner holds done (not committed); False when it lost the job."""
        return await mark_job(
            session, job_id=job_id, state=JobState.DONE, now=at, worker=self.worker
        )

    async def _schedule_next(
        self,
        session: AsyncSession,
        kind: JobKind,
        payload: dict[str, Any],
        key: str | None,
        after: datetime,
    ) -> None:
        """Recurring work: the next occurrence, in the same transaction as this run's effects."""
        rule = payload.get(RULE_FIELD)
        if isinstance(rule, str) and key:
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

    async def _failed(
        self,
        job_id: int,
        now: datetime,
        kind: JobKind,
        attempts: int,
        error: str,
        report: RunReport,
    ) -> None:
        """A kind raised: retry later with backoff, or give up after `max_attempts`."""
        async with self.sessionmaker() as session:
            if attempts >= kind.max_attempts:
                job = await session.get(ScheduledJob, job_id)
                await mark_job(
                    session,
                    job_id=job_id,
                    state=JobState.FAILED,
                    now=now,
                    worker=self.worker,
                    error=error,
                )
                if job is not None:  # recurring work: tonight's run failed, tomorrow's comes
                    await self._schedule_next(session, kind, dict(job.payload or {}), job.key, now)
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
