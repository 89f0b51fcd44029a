"""Test helpers shared by unit and end-to-end tests."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sandbox.driver import Driver

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


async def expect_any(
    driver: Any,
    user: int,
    heads: tuple[str, ...],
    since: int,
    timeout: float = 10.0,  # noqa: ASYNC109
) -> dict[str, Any]:
    """The first bot message after ``since`` containing any of ``heads``.

    For an answer that reads one of several ways (a list or its empty form) when other
    notices may land first: waiting for a quiet spell would end before a slow answer comes.
    """
    deadline = time.monotonic() + timeout
    cursor = since
    while True:
        msgs = await driver.messages(user, since)
        for msg in msgs:
            is_bot = (msg.get("from") or {}).get("is_bot")
            text = msg.get("text") or msg.get("caption") or ""
            if is_bot and not msg["deleted"] and any(head in text for head in heads):
                return dict(msg)
        if msgs:
            cursor = max(cursor, msgs[-1]["message_id"])
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise AssertionError(f"no bot message with any of {heads!r} after {since}")
        await driver.wait(user, cursor, min(remaining, 1.0))


async def message_once(
    driver: Any,
    chat: int,
    message_id: int,
    done: Callable[[dict[str, Any]], bool],
    timeout: float = 10.0,  # noqa: ASYNC109
) -> dict[str, Any]:
    """Message ``message_id`` of ``chat`` once ``done`` says it reads so, or as it is after
    ``timeout``: a redraw that goes through the outbox lands a moment after the step."""
    deadline = time.monotonic() + timeout
    while True:
        msgs = await driver.messages(chat)
        [msg] = [m for m in msgs if m["message_id"] == message_id]
        remaining = deadline - time.monotonic()
        if done(msg) or remaining <= 0:
            return dict(msg)
        await driver.wait(chat, msgs[-1]["message_id"], min(remaining, 0.5))


# What a user does: a message, a tap, a poll vote. Reads (messages, wait) never wait.
_USER_ACTS = frozenset({"send", "click", "vote"})


class SettledDriver(Driver):
    """The driver for an in-process sandbox whose users act as people do: after the bot is done
    with what came before.

    A person reads a reply and then acts; by then the bot has long committed the step and sent
    the notices it queued. A test acts within a millisecond of the reply, which can come before
    the step's commit, so another user's notice from that step may land in the middle of the
    next step's answer. Before each act this driver lets the updates being handled finish and
    sends what the outbox holds that is due (the injected clock's now). Acts that are meant to
    overlap still do: taps gathered together settle together, then go at once, and a message
    sent without waiting for the previous one's answer finds nothing to wait for.
    """

    def __init__(self, base_url: str, app: Any, *, patience: float = 5.0) -> None:
        super().__init__(base_url)
        self._app = app
        self._patience = patience
        self._settling: asyncio.Future[None] | None = None

    async def settle(self) -> None:
        """Wait (at most `patience` seconds) until no update is being handled and nothing due
        is left unsent. Past that the act goes ahead: a step stuck on purpose does not block it.
        Acts started together share one wait, so they still reach the bot together."""
        work = self._settling
        if work is None or work.done():
            work = self._settling = asyncio.ensure_future(self._settle())
        done, _ = await asyncio.wait({work}, timeout=self._patience)
        if work in done:
            work.result()

    async def _settle(self) -> None:
        # what came before this act: the updates being handled now (not those other users
        # send meanwhile, which would never end with several acting at once), then the outbox
        dp = self._app.dp
        handling = [t for t in getattr(dp, "_handle_update_tasks", ()) if not t.done()]
        if handling:
            await asyncio.wait(handling)
        scheduler = dp.workflow_data.get("scheduler")
        if scheduler is not None:
            await scheduler.drain()

    async def tap(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """As Driver.tap, the message's buttons read once the bot is done (a step finishing
        meanwhile may redraw them)."""
        await self.settle()
        return await super().tap(*args, **kwargs)

    async def _call(
        self, method: str, path: str, *, body: Any = None, params: dict[str, Any] | None = None
    ) -> Any:
        if method == "POST" and path in _USER_ACTS:
            await self.settle()
        return await super()._call(method, path, body=body, params=params)


def inline_labels(message: dict[str, Any]) -> list[str]:
    """The labels of a message's inline buttons, row by row."""
    markup = message.get("reply_markup") or {}
    return [b["text"] for row in markup.get("inline_keyboard", []) for b in row]


def keyboard_labels(message: dict[str, Any]) -> list[str]:
    """The labels of the reply keyboard a message brought, row by row."""
    markup = message.get("reply_markup") or {}
    return [b["text"] for row in markup.get("keyboard", []) for b in row]
