"""Scheduled work as data: schedule, cancel, and the registry of job kinds.

A feature registers what happens when its work falls due:

    @job_kind("order.deadline", too_late=timedelta(days=2))
    async def run(ctx: JobContext, payload: dict) -> None:
        ...  # read ctx.session, call services, ctx.notify(...) for every message

and schedules it from its service, in the same transaction as the change that caused it:

    await schedule_job(session, kind="order.deadline", due_at=..., payload={"order_id": 5},
                       key=f"order:{order.id}:deadline")

The scheduler (scheduler/runner.py) claims due rows atomically and runs them; the module list of
kinds lives in one place, scheduler/kinds.py.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Collection
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo
from typing import Any, Protocol, TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import and_, or_, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.base import utcnow
from models.scheduling import Delivery, JobState, ScheduledJob

RULE_FIELD = "_rule"
"""Payload field holding a crontab rule: after each run the next occurrence is scheduled."""


class Texts(Protocol):
    """What jobs need of the translator: a text in a language (bot.i18n.Translator fits)."""

    def get(self, lang: str, key: str, /, **args: Any) -> str:
        """The text for key in lang, with escaped arguments."""
        ...


class JobSettings(Protocol):
    """The settings a job may read (bot.settings.Settings fits)."""

    @property
    def zone(self) -> ZoneInfo:
        """The local time zone."""
        ...

    @property
    def default_language(self) -> str:
        """The language used when a user has none."""
        ...


@dataclass
class JobContext:
    """What a job gets: a session, the time it runs at, settings, texts and its own row."""

    session: AsyncSession
    now: datetime
    settings: Any
    texts: Texts
    job: ScheduledJob
    zone: tzinfo = field(default_factory=lambda: ZoneInfo("Asia/Shanghai"))
    default_language: str = "zh-Hans"
    background: bool = False

    async def end_transaction(self) -> None:
        """End the reads so far before long work outside the database (background kinds only).

        A background kind's "done" is written after it returns, so nothing of the job is lost;
        a kind run inside the tick would lose its "done" mark and may not call this.
        """
        if not self.background:
            raise RuntimeError("only a background job kind may end its transaction")
        await self.session.rollback()

    def text(self, lang: str | None, key: str, /, **args: Any) -> str:
        """A text in the user's language (the default language when they have none)."""
        return self.texts.get(lang or self.default_language, key, **args)

    async def notify(self, *, chat_id: int, text: str, **kwargs: Any) -> Delivery:
        """Queue a message in the outbox as of the job's time (see services.delivery.enqueue)."""
        from services.delivery import enqueue

        kwargs.setdefault("now", self.now)
        return await enqueue(self.session, chat_id=chat_id, text=text, **kwargs)

    async def schedule(
        self, *, kind: str, due_at: datetime, payload: dict[str, Any], key: str | None = None
    ) -> ScheduledJob:
        """Schedule follow-up work in the same transaction as this job's effects."""
        return await schedule_job(self.session, kind=kind, due_at=due_at, payload=payload, key=key)


JobRun = Callable[[JobContext, dict[str, Any]], Awaitable[None]]
F = TypeVar("F", bound=JobRun)


@dataclass(frozen=True)
class JobKind:
    """A registered kind of work: how to run it and how late is too late."""

    name: str
    run: JobRun
    too_late: timedelta
    max_attempts: int = 5
    retry_after: timedelta = timedelta(minutes=1)
    background: bool = False


_KINDS: dict[str, JobKind] = {}


def job_kind(
    name: str,
    *,
    too_late: timedelta,
    max_attempts: int = 5,
    retry_after: timedelta = timedelta(minutes=1),
    background: bool = False,
) -> Callable[[F], F]:
    """Register `async def run(ctx, payload)` as the handler of a kind of scheduled work.

    `background=True` is for long work (minutes, e.g. retraining a model): the scheduler runs
    it in a task of its own while the tick goes on with other due work; the kind's effects and
    its "done" are committed together when it returns (see scheduler/README.md).
    """

    def register(func: F) -> F:
        known = _KINDS.get(name)
        same = known is not None and (
            known.run.__module__ == func.__module__ and known.run.__qualname__ == func.__qualname__
        )
        if known is not None and not same:
            raise ValueError(f"job kind {name!r} is registered twice")
        _KINDS[name] = JobKind(
            name=name,
            run=func,
            too_late=too_late,
            max_attempts=max_attempts,
            retry_after=retry_after,
            background=background,
        )
        return func

    return register


def registered_kinds() -> dict[str, JobKind]:
    """Every kind registered so far (scheduler.kinds.load_job_kinds imports them all)."""
    return dict(_KINDS)


def get_kind(name: str) -> JobKind | None:
    """The registered kind of this name, if any."""
    return _KINDS.get(name)


def _aware(value: datetime, what: str) -> datetime:
    if value.tzinfo is None:
        raise ValueError(f"{what} must be timezone-aware")
    return value


async def schedule_job(
    session: AsyncSession,
    *,
    kind: str,
    due_at: datetime,
    payload: dict[str, Any],
    key: str | None = None,
    replace: bool = True,
) -> ScheduledJob:
    """Add due work to the session (the caller commits); the same key replaces a pending job.

    `replace=False` is for a key that cannot exist yet (it names a row made in this
    transaction): the lookup is skipped.
    """
    _aware(due_at, "due_at")
    if key is not None and replace:
        stmt = select(ScheduledJob).where(
            ScheduledJob.key == key, ScheduledJob.state == JobState.PENDING
        )
        pending = list((await session.exec(stmt)).all())
        if pending:
            job = pending[0]
            job.kind = kind
            job.due_at = due_at
            job.payload = dict(payload)
            job.attempts = 0
            job.last_error = None
            for extra in pending[1:]:
                extra.state = JobState.CANCELLED
            session.add_all(pending)
            await session.flush()
            return job
    job = ScheduledJob(kind=kind, due_at=due_at, payload=dict(payload), key=key)
    session.add(job)
    if replace:
        await session.flush()
    return job


async def cancel_jobs(session: AsyncSession, *, key: str, prefix: bool = False) -> int:
    """Cancel pending work with this key (or every key starting with it); returns how many."""
    condition = col(ScheduledJob.key).startswith(key) if prefix else col(ScheduledJob.key) == key
    stmt = (
        update(ScheduledJob)
        .where(condition, col(ScheduledJob.state) == JobState.PENDING)
        .values(state=JobState.CANCELLED, finished_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    result = await session.exec(stmt)  # type: ignore[call-overload]
    return int(result.rowcount or 0)


async def pending_jobs(
    session: AsyncSession, *, key: str, prefix: bool = False
) -> list[ScheduledJob]:
    """Pending work with this key (or key prefix), soonest first."""
    condition = col(ScheduledJob.key).startswith(key) if prefix else col(ScheduledJob.key) == key
    stmt = (
        select(ScheduledJob)
        .where(condition, col(ScheduledJob.state) == JobState.PENDING)
        .order_by(col(ScheduledJob.due_at))
    )
    return list((await session.exec(stmt)).all())


def next_occurrence(rule: str, *, after: datetime, zone: tzinfo) -> datetime:
    """The next time a crontab rule ("0 9 * * mon") fires after a moment, in UTC."""
    from datetime import UTC

    from apscheduler.triggers.cron import CronTrigger

    trigger = CronTrigger.from_crontab(rule, timezone=zone)
    fire = trigger.get_next_fire_time(None, _aware(after, "after").astimezone(zone))
    if fire is None:
        raise ValueError(f"rule {rule!r} never fires again")
    if (
        fire <= after
    ):  # from_crontab fires at `after` itself when it matches; we want strictly after
        fire = trigger.get_next_fire_time(fire, fire + timedelta(seconds=1))
        assert fire is not None
    return fire.astimezone(UTC)


async def schedule_recurring(
    session: AsyncSession,
    *,
    kind: str,
    rule: str,
    payload: dict[str, Any],
    key: str,
    now: datetime,
    zone: tzinfo,
) -> ScheduledJob:
    """Schedule the next occurrence of a crontab rule; after each run the next one follows."""
    due = next_occurrence(rule, after=now, zone=zone)
    data = {**payload, RULE_FIELD: rule}
    return await schedule_job(session, kind=kind, due_at=due, payload=data, key=key)


__all__ = [
    "RULE_FIELD",
    "JobContext",
    "JobKind",
    "Texts",
    "cancel_jobs",
    "claim_jobs",
    "get_kind",
    "job_kind",
    "mark_job",
    "next_occurrence",
    "pending_jobs",
    "registered_kinds",
    "release_jobs",
    "release_stale_jobs",
    "schedule_job",
    "schedule_recurring",
]


# --- the scheduler's side: claim, finish, recover ---------------------------------------------


async def claim_jobs(
    session: AsyncSession,
    *,
    now: datetime,
    limit: int,
    worker: str,
    lease: timedelta = timedelta(minutes=10),
) -> list[int]:
    """Atomically take up to `limit` due jobs (oldest first) and commit the claim; their ids."""
    due = and_(col(ScheduledJob.state) == JobState.PENDING, col(ScheduledJob.due_at) <= now)
    pick = (
        select(ScheduledJob.id)
        .where(due)
        .order_by(col(ScheduledJob.due_at), col(ScheduledJob.id))
        .limit(limit)
    )
    if session.bind is not None and session.bind.dialect.name == "postgresql":
        pick = pick.with_for_update(skip_locked=True)
    stmt = (
        update(ScheduledJob)
        .where(col(ScheduledJob.id).in_(pick.scalar_subquery()), due)
        .values(
            state=JobState.RUNNING,
            claimed_by=worker,
            lease_until=now + lease,
            attempts=col(ScheduledJob.attempts) + 1,
        )
        .returning(col(ScheduledJob.id))
        .execution_options(synchronize_session=False)
    )
    ids = sorted(
        row[0]
        for row in (
            await session.exec(  # type: ignore[call-overload]
                stmt
            )
        ).all()
    )
    await session.commit()
    return ids


async def mark_job(
    session: AsyncSession,
    *,
    job_id: int,
    state: JobState,
    now: datetime,
    worker: str,
    error: str | None = None,
    due_at: datetime | None = None,
) -> bool:
    """Move a job this worker holds to a new state (not committed); False if it lost the job."""
    values: dict[str, Any] = {"state": state, "lease_until": None, "last_error": error}
    if state == JobState.PENDING:
        values["claimed_by"] = None
        if due_at is not None:
            values["due_at"] = due_at
    else:
        values["finished_at"] = now
    stmt = (
        update(ScheduledJob)
        .where(
            col(ScheduledJob.id) == job_id,
            col(ScheduledJob.state) == JobState.RUNNING,
            col(ScheduledJob.claimed_by) == worker,
        )
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    result = await session.exec(  # type: ignore[call-overload]
        stmt
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def release_stale_jobs(
    session: AsyncSession,
    *,
    now: datetime,
    worker: str,
    all_others: bool = False,
    keep: Collection[int] = (),
) -> int:
    """Put back jobs a dead scheduler was running (their effects were never committed).

    `keep` names jobs this worker is still running (background work past its lease).
    """
    stale = or_(col(ScheduledJob.lease_until) < now, col(ScheduledJob.lease_until).is_(None))
    if all_others:
        stale = or_(
            stale, col(ScheduledJob.claimed_by) != worker, col(ScheduledJob.claimed_by).is_(None)
        )
    if keep:
        stale = and_(stale, col(ScheduledJob.id).not_in(list(keep)))
    result = await session.exec(  # type: ignore[call-overload]
        update(ScheduledJob)
        .where(col(ScheduledJob.state) == JobState.RUNNING, stale)
        .values(state=JobState.PENDING, claimed_by=None, lease_until=None)
        .execution_options(synchronize_session=False)
    )
    await session.commit()
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def release_jobs(session: AsyncSession, *, job_ids: Collection[int], worker: str) -> int:
    """Put back jobs this worker stopped before they finished (it is stopping), due as they
    were: the run that was interrupted does not count as an attempt. Commits; returns how many.
    """
    if not job_ids:
        return 0
    result = await session.exec(  # type: ignore[call-overload]
        update(ScheduledJob)
        .where(
            col(ScheduledJob.id).in_(list(job_ids)),
            col(ScheduledJob.state) == JobState.RUNNING,
            col(ScheduledJob.claimed_by) == worker,
        )
        .values(
            state=JobState.PENDING,
            claimed_by=None,
            lease_until=None,
            attempts=col(ScheduledJob.attempts) - 1,  # claiming counted it
        )
        .execution_options(synchronize_session=False)
    )
    await session.commit()
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
