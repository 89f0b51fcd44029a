"""Test helpers shared by unit and end-to-end tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import async_sessionmaker
    from sqlmodel.ext.asyncio.session import AsyncSession

    from bot.i18n import Translator
    from bot.settings import Settings
    from scheduler.runner import JobRunner


class FakeClock:
    """An injected clock that only moves when a test moves it."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # Monday 10:00 in Shanghai

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> datetime:
        """Move time forward and return the new now."""
        self.now += delta
        return self.now

    def set(self, when: datetime) -> None:
        """Jump to a moment (aware UTC)."""
        assert when.tzinfo is not None
        self.now = when


def job_runner(
    sessionmaker: async_sessionmaker[AsyncSession],
    clock: FakeClock,
    *,
    worker: str,
    texts: Translator | None = None,
    settings: Settings | None = None,
) -> JobRunner:
    """The real job runner over a test database, driven by a fake clock, with every job kind
    the app registers loaded."""
    from bot.i18n import Translator
    from bot.settings import Settings
    from scheduler.kinds import load_job_kinds
    from scheduler.runner import JobRunner

    load_job_kinds()
    return JobRunner(
        sessionmaker=sessionmaker,
        settings=settings if settings is not None else Settings(bot_token=None),
        texts=texts if texts is not None else Translator(),
        clock=clock,
        worker=worker,
    )


@contextmanager
def count_commits_per_job(engine: Any, monkeypatch: Any) -> Iterator[list[str]]:
    """Record "kind:N" for every job the JobRunner runs: N database commits during its run.

    A job kind commits at most once (its change and its notices together), so N is 1.
    """
    from sqlalchemy import event

    from models.scheduling import ScheduledJob
    from scheduler.runner import JobRunner

    count = [0]

    def on_commit(_conn: Any) -> None:
        count[0] += 1

    seen: list[str] = []
    run_one = JobRunner._run_one

    async def counting(self: JobRunner, job_id: int, now: datetime, report: Any) -> None:
        async with self.sessionmaker() as s:
            job = await s.get(ScheduledJob, job_id)
            kind = job.kind if job else "?"
        before = count[0]
        await run_one(self, job_id, now, report)
        seen.append(f"{kind}:{count[0] - before}")

    event.listen(engine.sync_engine, "commit", on_commit)
    monkeypatch.setattr(JobRunner, "_run_one", counting)
    try:
        yield seen
    finally:
        event.remove(engine.sync_engine, "commit", on_commit)


async def reply_to(driver: Any, user: int, text: str, contains: str) -> dict[str, Any]:
    """Send `text` as `user` and return the bot's answer containing `contains`.

    Unlike `[answer] = await driver.say(...)`, a notice of an earlier step that lands in the
    same moment (the outbox sends on its own time) is not taken for the answer.
    """
    sent = await driver.send(user, text)
    answer: dict[str, Any] = await driver.expect(user, contains, since=sent["message_id"])
    return answer
