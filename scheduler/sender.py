"""The one sender that drains the delivery outbox within Telegram's limits.

`drain_once()` claims a batch of due deliveries, sends them (several chats at a time, each chat's
messages in order) and records every outcome as soon as it is known; `run()` repeats that until
stopped. At most `max_in_flight` messages are between "sent to Telegram" and "recorded as sent"
at any moment: that is the bound on duplicates after a crash (see scheduler/README.md).
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import logging
import os
import socket
import sqlite3
import uuid
from collections import defaultdict
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import datetime, timedelta
from functools import partial
from typing import Any, TypeVar

from aiogram import Bot
from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.methods import TelegramMethod
from aiogram.methods.base import Response, TelegramType
from aiogram.types import (
    BufferedInputFile,
    ForceReply,
    InlineKeyboardMarkup,
    Message,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)
from sqlalchemy.exc import DBAPIError, InterfaceError
from sqlalchemy.exc import TimeoutError as SATimeoutError
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from models.base import utcnow
from scheduler.limits import RateLimiter
from services import delivery as outbox
from services.delivery import Claimed, photo_parts, split_html

log = logging.getLogger(__name__)
T = TypeVar("T")

_IN_SENDER: contextvars.ContextVar[bool] = contextvars.ContextVar("linli_in_sender", default=False)
_COUNTED_METHODS = {
    "sendMessage",
    "sendPhoto",
    "sendDocument",
    "sendMediaGroup",
    "sendLocation",
    "sendPoll",
    "sendVoice",
    "sendContact",
    "copyMessage",
    "forwardMessage",
    "editMessageText",
    "editMessageCaption",
    "editMessageReplyMarkup",
}
MAX_ATTEMPTS = 8
RECORD_RETRY_FIRST_S = 0.5
RECORD_RETRY_MAX_S = 15.0
RECORD_PATIENCE_S = 120.0
"""An outcome the database cannot take (it is away) is recorded again after 0.5, 1, 2 … 15 s,
for up to two minutes: well within a claim's five-minute lease, so a message that went is
recorded sent before anyone could put it back in the queue and send it again."""
CLAIM_BACKOFF_MAX_S = 30.0
"""While claiming fails (the database is away) the sender tries again after 2, 4 … 30 idle
intervals, not every one."""
DEFER_AFTER_S = 20.0
"""A chat that cannot take a message for longer than this gets its rest put back in the queue."""


def in_sender() -> bool:
    """A Bot API call made by the outbox sender (not a handler's)."""
    return _IN_SENDER.get()


def worker_name() -> str:
    """A name for this process's claims: host, pid and a random part."""
    return f"{socket.gethostname()[:30]}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


DIRECT_RETRY_ATTEMPTS = 3
DIRECT_RETRY_MAX_WAIT_S = 10.0
"""A direct reply answered 429 is sent again after Telegram's `retry_after`, up to this many
times and only for waits this short: the user is looking at the chat, waiting for it."""


class DirectReplyCounter(BaseRequestMiddleware):
    """Counts the bot's direct replies against the shared limits and waits out a short 429.

    Replies are sent at once (the user is waiting). A private chat takes a few messages at once
    and then about one a second, so a reply right after a burst (a quick "confirm" that edits the
    preview and sends the menu) can be answered 429 although nothing is wrong: the reply is sent
    again after `retry_after` seconds instead of failing the update after its change was saved.
    A longer wait (a flood ban) still raises, and the error handler answers the user.
    """

    def __init__(
        self, limiter: RateLimiter, *, sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep
    ) -> None:
        self.limiter = limiter
        self.sleep = sleep

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        """Note a reply's chat, then send it at once (again after a short 429)."""
        if _IN_SENDER.get():
            return await make_request(bot, method)  # the outbox sender handles 429 itself
        retries = 0
        while True:
            try:
                return await self._send(make_request, bot, method)
            except TelegramRetryAfter as exc:
                retries += 1
                if retries > DIRECT_RETRY_ATTEMPTS or exc.retry_after > DIRECT_RETRY_MAX_WAIT_S:
                    raise
                wait = exc.retry_after
                log.info("%s answered 429: sending again in %s s", method.__api_method__, wait)
                await self.sleep(float(exc.retry_after))

    async def _send(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        if method.__api_method__ in _COUNTED_METHODS:
            chat_id = getattr(method, "chat_id", None)
            if isinstance(chat_id, int):
                stamp = self.limiter.note_direct(chat_id)
                try:
                    return await make_request(bot, method)
                finally:
                    self.limiter.settle(chat_id, stamp)
        return await make_request(bot, method)


class LookFailed(Exception):
    """The last look before a send (`Sender._still_to_send`) could not be made: nothing was
    sent. `transient`: a later try may succeed ('database is locked', a dropped connection);
    else the database refuses the statement itself (a missing table or column), and it would
    refuse it every time."""

    def __init__(self, message: str, *, transient: bool) -> None:
        super().__init__(message)
        self.transient = transient


# SQLite's primary result codes of errors a later try may not meet: BUSY, LOCKED, NOMEM,
# INTERRUPT, IOERR, FULL, CANTOPEN, PROTOCOL (https://sqlite.org/rescode.html)
_SQLITE_TRANSIENT_CODES = frozenset({5, 6, 7, 9, 10, 13, 14, 15})
_TRANSIENT_WORDS = (
    "database is locked",
    "database table is locked",
    "disk i/o error",
    "unable to open database file",
    "database or disk is full",
    "locking protocol",
    "connection",
    "timed out",
    "timeout",
)
# PostgreSQL SQLSTATEs of the same kind: a connection exception (class 08), insufficient
# resources (53), the server shutting down or starting (57P), a system error (58); a
# serialization failure or a deadlock (40001, 40P01), a lock not available (55P03), a statement
# timeout (57014)
_PG_TRANSIENT_CLASSES = ("08", "53", "57P", "58")
_PG_TRANSIENT_STATES = frozenset({"40001", "40P01", "55P03", "57014"})


def transient(exc: BaseException) -> bool:
    """A database error that a later try may not meet: the connection lost, refused or
    invalidated, a timeout, SQLite's 'database is locked', a serialization failure or a
    deadlock. Any other (no such table or column, a syntax or data error) is permanent: the
    same statement would fail the same way every time."""
    if isinstance(exc, (SATimeoutError, OSError)):  # a pool or socket timeout, a refused connect
        return True
    if not isinstance(exc, DBAPIError):
        return False
    if exc.connection_invalidated:
        return True
    orig = exc.orig
    code = getattr(orig, "sqlite_errorcode", None)
    if isinstance(orig, sqlite3.Error) and isinstance(code, int):
        return code & 0xFF in _SQLITE_TRANSIENT_CODES
    state = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    if isinstance(state, str) and state:
        return state in _PG_TRANSIENT_STATES or state.startswith(_PG_TRANSIENT_CLASSES)
    if isinstance(orig, sqlite3.InterfaceError):  # a value SQLite cannot bind
        return False
    # asyncpg's own interface errors ('connection is closed', 'another operation is in
    # progress'), a connection that broke under the statement, or an error raised without a
    # code ('database is locked' from models.sqlite_writers) that says what it is
    message = str(orig).lower()
    return (
        isinstance(exc, InterfaceError)
        or isinstance(orig, OSError)
        or any(word in message for word in _TRANSIENT_WORDS)
    )


class RecordFailed(Exception):
    """The sender could not record an outcome (the database stayed away, or refused it): the
    chat's deliveries it holds stay claimed, and the lease sweep (`Sender.recover`) puts them
    back in the queue."""


def _describe(exc: BaseException) -> str:
    """An error as recorded on a delivery: its kind and the driver's message."""
    detail = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    return f"{type(exc).__name__}: {detail}"[:500]


def backoff(attempts: int) -> timedelta:
    """How long to wait before retrying after a network error or a 5xx: 2, 4, 8 … 300 s."""
    return timedelta(seconds=min(300, 2 ** max(1, attempts)))


def _markup(data: dict[str, Any]) -> Any:
    """A stored reply_markup as the aiogram object of its kind (inline, reply keyboard, …)."""
    if "inline_keyboard" in data:
        return InlineKeyboardMarkup.model_validate(data)
    if "keyboard" in data:
        return ReplyKeyboardMarkup.model_validate(data)
    if "remove_keyboard" in data:
        return ReplyKeyboardRemove.model_validate(data)
    if "force_reply" in data:
        return ForceReply.model_validate(data)
    raise ValueError(f"unknown reply_markup kind: {sorted(data)}")


class Sender:
    """Drains the outbox: claim, send within limits, record; one instance per process."""

    def __init__(
        self,
        *,
        bot: Bot,
        sessionmaker: async_sessionmaker[AsyncSession],
        limiter: RateLimiter | None = None,
        clock: Callable[[], datetime] = utcnow,
        worker: str | None = None,
        max_in_flight: int = 8,
        batch: int = 60,
        idle_interval: float = 0.5,
        on_blocked: Callable[[AsyncSession, Claimed], Awaitable[None]] | None = None,
        on_sent: Callable[[Claimed, str], Awaitable[None]] | None = None,
        on_undelivered: Callable[[Claimed, bool], Awaitable[None]] | None = None,
        sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
    ) -> None:
        self.bot = bot
        self.sessionmaker = sessionmaker
        self.limiter = limiter or RateLimiter()
        self.clock = clock
        self.worker = worker or worker_name()
        self.max_in_flight = max_in_flight
        self.batch = batch
        self.idle_interval = idle_interval
        self.on_blocked = on_blocked
        # called with a message just recorded sent and its matter as it is then (it may have
        # been given one while on its way: services.meeting_messages.redraw_matter)
        self.on_sent = on_sent
        # called with a message recorded as never to go (the chat blocked the bot: True; it
        # failed for good: False), once recorded (a poll's staff cards count it undelivered)
        self.on_undelivered = on_undelivered
        self.sleep = sleep  # between tries to record an outcome (tests pass one that returns)
        self._in_flight = asyncio.Semaphore(max_in_flight)
        self._wake = asyncio.Event()
        self._chat_tasks: dict[int, asyncio.Task[None]] = {}
        self.sent_count = 0
        # What this sender holds now, whichever of `run` and `drain` claimed it: the chats it
        # is writing to (no second claim takes another message of theirs, so a chat's order
        # holds) and the deliveries (the lease sweep of this process's own claims leaves them:
        # they are not stale however far an injected clock has moved). Claims are taken one at
        # a time (`_claiming`), so two claims in this process never split a chat.
        self._busy_chats: set[int] = set()
        self._held: set[int] = set()
        self._claiming = asyncio.Lock()

    def wake(self) -> None:
        """Something was queued: look at the outbox now rather than at the next interval."""
        self._wake.set()

    async def recover(self, *, all_others: bool = True) -> int:
        """Put back what a dead sender left half-sent (call when taking over); never what this
        sender is working on now."""
        async with self.sessionmaker() as session:
            return await outbox.release_stale(
                session,
                now=self.clock(),
                worker=self.worker,
                all_others=all_others,
                keep=frozenset(self._held),
            )

    async def _claim(self, *, now: datetime, limit: int) -> list[Claimed]:
        """Take due deliveries of chats this sender is not writing to, and hold them."""
        async with self._claiming:
            async with self.sessionmaker() as session:
                claimed = await outbox.claim_deliveries(
                    session,
                    now=now,
                    limit=limit,
                    worker=self.worker,
                    skip_chats=frozenset(self._busy_chats),
                )
            self._busy_chats.update(item.chat_id for item in claimed)
            self._held.update(item.id for item in claimed)
            return claimed

    def _let_go(self, items: list[Claimed]) -> None:
        """A chat's claimed messages are done with (sent, recorded, or left to the lease)."""
        for item in items:
            self._busy_chats.discard(item.chat_id)
            self._held.discard(item.id)

    async def drain_once(self, *, now: datetime | None = None) -> int:
        """Send one batch of due deliveries and record the outcomes; returns how many."""
        claimed = await self._claim(now=now or self.clock(), limit=self.batch)
        if not claimed:
            return 0
        await asyncio.gather(*(self._send_chat(items) for items in _by_chat(claimed).values()))
        return len(claimed)

    async def drain(self, *, now: datetime | None = None) -> int:
        """Send everything due now (tests call this); returns how many were handled. What this
        process's running sender (`run`) has claimed and is sending meanwhile is waited for too:
        once drain returns, what was due has been sent (or has failed), not just claimed."""
        total = 0
        while True:
            done = await self.drain_once(now=now)
            in_flight = [t for t in self._chat_tasks.values() if not t.done()]
            if in_flight:
                await asyncio.gather(*in_flight, return_exceptions=True)
                continue
            if not done:
                return total
            total += done

    async def run(self, stop: asyncio.Event) -> None:
        """Drain the outbox until `stop` is set: one task per chat, claimed as room frees up.

        A chat that must wait (its own limit, a group's 20 a minute) holds only its own task;
        other chats keep going. No two tasks ever write to the same chat, so order is kept.
        """
        active = self._chat_tasks  # {chat: its sending task}; drain() waits for them too
        failures = 0  # claims failed in a row: the database is away, wait longer each time
        while not stop.is_set():
            # cleared before the claim, not after: a wake while the claim is under way (a
            # commit just after its query) must make the next look come at once, not be lost
            self._wake.clear()
            claimed: list[Claimed] = []
            room = self.batch - len(active)
            if room > 0:
                try:
                    claimed = await self._claim(now=self.clock(), limit=room)
                except Exception as exc:  # the database away must not end the sender
                    failures += 1
                    if failures == 1:
                        log.exception("sender: claiming failed, backing off")
                    else:
                        log.warning("sender: claiming failed again: %s", _describe(exc))
                else:
                    if failures:
                        log.info("sender: claiming again after %s failures", failures)
                    failures = 0
            for chat_id, items in _by_chat(claimed).items():
                task = asyncio.create_task(self._send_chat(items))
                active[chat_id] = task
                task.add_done_callback(_forget(active, chat_id))
            if claimed and len(active) < self.batch:
                continue
            waiters: set[asyncio.Future[Any]] = {asyncio.ensure_future(stop.wait())}
            if not failures:  # while the database is away, something queued waits too
                waiters.add(asyncio.ensure_future(self._wake.wait()))
            waiters.update(active.values())
            pause = min(
                self.idle_interval * 2 ** min(failures, 16),
                max(self.idle_interval, CLAIM_BACKOFF_MAX_S),
            )
            await asyncio.wait(waiters, timeout=pause, return_when=asyncio.FIRST_COMPLETED)
            for waiter in waiters:
                if waiter not in active.values() and not waiter.done():
                    waiter.cancel()
        # let what is in flight finish (and be recorded); what has not started stays claimed
        # and is put back by the next sender that takes over
        if active:
            _, late = await asyncio.wait(set(active.values()), timeout=5.0)
            for task in late:
                task.cancel()
            await asyncio.gather(*late, return_exceptions=True)

    async def _send_chat(self, items: list[Claimed]) -> None:
        """One chat's messages, in order, each when the chat's own limit allows. When an
        outcome cannot be recorded (the database stayed away) the chat's messages not done
        stay claimed, for the lease sweep to put back; the sender goes on with other chats."""
        try:
            await self._send_chat_items(items)
        except RecordFailed as exc:
            log.error("sender: could not record %s; the chat's rest is left to its lease", exc)
        finally:
            self._let_go(items)

    async def _send_chat_items(self, items: list[Claimed]) -> None:
        for index, item in enumerate(items):
            wait = self.limiter.chat_wait(item.chat_id)
            if wait > DEFER_AFTER_S:
                # the chat is busy for long (a group's 20 a minute): put the rest back for later
                later = self.clock() + timedelta(seconds=wait)

                await self._defer(items[index:], later)
                return
            try:
                sent = await self._send_one(item)
            except (asyncio.CancelledError, RecordFailed):
                raise
            except LookFailed as exc:
                if exc.transient and item.attempts < MAX_ATTEMPTS:
                    # nothing went: this one and the rest of the chat (in order) go again
                    # later; the try counts, so a database that stays away fails it in the end
                    log.warning("sender: delivery %s not sent, will retry: %s", item.id, exc)
                    await self._put_back(items[index:], error=str(exc), attempts=item.attempts)
                    return
                # the database refuses the look itself (or kept failing it): trying again
                # would loop for ever; this one fails, the chat's next ones go on
                log.error("sender: delivery %s not sent, given up: %s", item.id, exc)
                await self._fail(item, str(exc))
                continue
            except Exception as exc:  # a malformed delivery must not stop this chat's queue
                log.exception("sender: delivery %s failed unexpectedly", item.id)
                await self._fail(item, f"{type(exc).__name__}: {exc}")
                continue
            if not sent:
                return  # blocked: the rest for this chat were marked with it

    async def _defer(self, items: list[Claimed], later: datetime) -> None:
        """Put a busy chat's deliveries back in the queue, to go at `later` (not counted)."""

        async def defer(session: AsyncSession) -> None:
            for one in items:
                await outbox.record_retry(
                    session,
                    delivery_id=one.id,
                    error="",
                    not_before=later,
                    count_attempt=False,
                    worker=self.worker,
                )

        await self._record(items[0].id, "a later time", defer)

    async def _put_back(self, items: list[Claimed], *, error: str, attempts: int) -> None:
        """Return claimed deliveries no call was made for to the queue, to go after a backoff;
        the first one's try counts (its look failed), the others' not (they were not tried).
        If the database cannot take even that, they stay claimed until their lease runs out and
        the recover sweep (`recover(all_others=False)`) puts them back."""
        later = self.clock() + backoff(attempts)

        async def put_back(session: AsyncSession) -> None:
            for index, rest in enumerate(items):
                await outbox.record_retry(
                    session,
                    delivery_id=rest.id,
                    error=error,
                    not_before=later,
                    count_attempt=index == 0,
                    worker=self.worker,
                )

        try:
            await self._record(items[0].id, "a retry", put_back)
        except RecordFailed as exc:
            log.warning("sender: could not put deliveries back, left to the lease: %s", exc)

    async def _send_one(self, item: Claimed) -> bool:
        """Send one delivery and record the outcome; False when the chat blocked the bot."""
        if item.edit_message_id is not None:
            return await self._edit_one(item, item.edit_message_id)
        sent_ids = list(item.message_ids)
        parts = self._parts(item)
        while True:
            try:
                for index in range(len(sent_ids), len(parts)):
                    # wait for this chat's own limit first, without holding an in-flight slot
                    wait = self.limiter.chat_wait(item.chat_id)
                    if wait > 0:
                        await asyncio.sleep(wait)
                    async with self._in_flight:
                        # count the message when it really leaves, not while it queues
                        stamp = await self.limiter.acquire(item.chat_id)
                        try:
                            # before every part: one cancelled or rewritten while it waited,
                            # or while its first part was on its way, goes no further (the
                            # parts sent are recorded); one taken over is the other's to finish
                            if not await self._still_to_send(item):
                                if sent_ids:
                                    log.info(
                                        "sender: delivery %s stopped after %s of %s parts",
                                        item.id,
                                        len(sent_ids),
                                        len(parts),
                                    )
                                return True
                            # counted from when it leaves, not from before the look
                            stamp = self.limiter.settle(item.chat_id, stamp)
                            message = await self._call(item, parts, index)
                        finally:
                            self.limiter.settle(item.chat_id, stamp)
                        sent_ids.append(message.message_id)
                        # recorded before the slot is freed (the bound on duplicates); a
                        # database away is waited for, else the message would go again
                        done = list(sent_ids)
                        if index + 1 < len(parts):
                            progress = partial(
                                outbox.record_progress, delivery_id=item.id, message_ids=done
                            )
                            await self._record(item.id, "the parts sent", progress)
                        else:
                            matter = await self._record_sent(item, done)
                            self.sent_count += 1
                            if matter is not None:
                                await self._after_sent(item, matter)
                return True
            except TelegramRetryAfter as exc:
                # Telegram asks everyone to wait: pause all sending, then try this one again
                log.warning("sender: 429, pausing %s s", exc.retry_after)
                self.limiter.pause(float(exc.retry_after))
                continue
            except TelegramForbiddenError as exc:
                await self._record_blocked(item, exc.message, tell=True)
                return False
            except (TelegramNetworkError, TelegramServerError, TimeoutError, OSError) as exc:
                await self._retry_later(item, str(exc), attempts=item.attempts)
                return True
            except TelegramBadRequest as exc:
                log.warning("sender: delivery %s refused: %s", item.id, exc.message)
                await self._fail(item, exc.message)
                return True

    async def _edit_one(self, item: Claimed, message_id: int) -> bool:
        """Redraw one message (an edit delivery); False when the chat blocked the bot. A text
        (or a photo's caption) too long for it goes on in messages below it, and the next
        redraw edits those in place instead of sending them again; a message that went in
        parts, its buttons under the last (an announcement with a long agenda), has the start
        of its text redrawn in the messages above it (`outbox.redraw_layout`). Only the
        messages that would read otherwise are edited."""
        photo = item.photo_ref is not None or item.photo_bytes is not None
        parts = outbox.redraw_parts(item.text, caption=photo)
        while True:
            try:
                wait = self.limiter.chat_wait(item.chat_id)
                if wait > 0:
                    await asyncio.sleep(wait)
                async with self._in_flight:
                    stamp = await self.limiter.acquire(item.chat_id)
                    token = _IN_SENDER.set(True)
                    try:
                        if not await self._still_to_send(item):
                            return True  # cancelled or rewritten while it waited its turn
                        async with self._one_statement() as session:
                            drawn = await outbox.redraw_layout(
                                session, chat_id=item.chat_id, message_id=message_id
                            )
                        stamp = self.limiter.settle(item.chat_id, stamp)  # it leaves now
                        head = [] if photo else drawn.head
                        above, own, below = outbox.fit_parts(parts, above=len(head))
                        kept = await self._redraw_head(item, head, above)
                        # in parts, the message itself may read so already (what changed is
                        # above it): not edited (Telegram would refuse it as 'not modified')
                        alone = not (head or drawn.tail)
                        if alone or drawn.shown != own or drawn.markup != item.reply_markup:
                            try:
                                await self._edit_own(item, message_id, own, photo=photo)
                            except TelegramBadRequest as exc:
                                # it reads so already: what is around it may not
                                if "not modified" not in exc.message or not (
                                    head or drawn.tail or below
                                ):
                                    raise
                        ids = [
                            *kept,
                            message_id,
                            *await self._redraw_tail(item, below, drawn.tail),
                        ]
                    finally:
                        _IN_SENDER.reset(token)
                        self.limiter.settle(item.chat_id, stamp)
            except TelegramRetryAfter as exc:
                self.limiter.pause(float(exc.retry_after))
                continue
            except TelegramForbiddenError as exc:
                await self._record_blocked(item, exc.message, tell=False)
                return False
            except (TelegramNetworkError, TelegramServerError, TimeoutError, OSError) as exc:
                await self._retry_later(item, str(exc), attempts=item.attempts)
                return True
            except TelegramBadRequest as exc:
                # Deleted by the person, too old to edit, or already reading so: nothing to
                # redraw, and nothing anyone needs to hear about.
                log.info("sender: edit %s not made: %s", item.id, exc.message)
                if "not modified" in exc.message:  # it reads so already: done
                    await self._record_sent(item, [message_id])
                else:
                    await self._fail(item, exc.message)
                return True
            await self._record_sent(item, ids)
            self.sent_count += 1
            return True

    async def _edit_own(self, item: Claimed, message_id: int, text: str, *, photo: bool) -> None:
        """The redrawn message itself, with its buttons."""
        markup = _markup(item.reply_markup) if item.reply_markup else None
        if photo:
            # the message is a photo: its caption is redrawn, the photo stays (Telegram
            # refuses editMessageText on it: 'there is no text in the message to edit')
            await self.bot.edit_message_caption(
                caption=text, chat_id=item.chat_id, message_id=message_id, reply_markup=markup
            )
        else:
            await self.bot.edit_message_text(
                text=text, chat_id=item.chat_id, message_id=message_id, reply_markup=markup
            )

    async def _redraw_head(
        self, item: Claimed, head: list[tuple[int, str]], parts: list[str]
    ) -> list[int]:
        """The start of a redrawn message that went in parts, in the messages above it
        (edited where they read otherwise, from the top); those no longer needed deleted.
        Their ids (one the person deleted stays counted: nothing can go above it instead)."""
        ids: list[int] = []
        for (message_id, shown), part in zip(head, parts, strict=False):
            ids.append(message_id)
            if shown == part:  # reads so already (an edit would be refused as such)
                continue
            with contextlib.suppress(TelegramBadRequest):  # gone, or too old to edit
                await self.bot.edit_message_text(
                    text=part, chat_id=item.chat_id, message_id=message_id
                )
        for older, _ in head[len(parts) :]:
            with contextlib.suppress(TelegramBadRequest):  # gone, or too old to delete
                await self.bot.delete_message(chat_id=item.chat_id, message_id=older)
        return ids

    async def _redraw_tail(
        self, item: Claimed, parts: list[str], tail: list[tuple[int, str]]
    ) -> list[int]:
        """The rest of a redrawn message in the messages below it that the last redraw sent
        (edited where they read otherwise), more sent when it grew, those no longer needed
        deleted; their ids."""
        ids: list[int] = []
        for index, part in enumerate(parts):
            if index < len(tail):
                message_id, shown = tail[index]
                if shown == part:  # reads so already (an edit would be refused as such)
                    ids.append(message_id)
                    continue
                try:
                    await self.bot.edit_message_text(
                        text=part, chat_id=item.chat_id, message_id=message_id
                    )
                    ids.append(message_id)
                    continue
                except TelegramBadRequest as exc:
                    if "not modified" in exc.message:
                        ids.append(message_id)
                        continue
                    # deleted by the person, or too old to edit: it goes anew
            sent = await self.bot.send_message(item.chat_id, part)
            ids.append(sent.message_id)
        for older, _ in tail[len(parts) :]:
            with contextlib.suppress(TelegramBadRequest):  # gone, or too old to delete
                await self.bot.delete_message(chat_id=item.chat_id, message_id=older)
        return ids

    async def _record_sent(self, item: Claimed, message_ids: list[int]) -> str | None:
        """Record the delivery sent (one statement); returns its matter as it is now."""
        sent = partial(
            outbox.record_sent, delivery_id=item.id, message_ids=message_ids, now=self.clock()
        )
        return await self._record(item.id, "it sent", sent, one_statement=True)

    async def _record_blocked(self, item: Claimed, error: str, *, tell: bool) -> None:
        """The chat blocked the bot: recorded, and staff told (best effort) when `tell`."""

        async def blocked(session: AsyncSession) -> None:
            await outbox.record_blocked(
                session, delivery_id=item.id, chat_id=item.chat_id, error=error
            )
            if tell and self.on_blocked is not None:
                try:
                    await self.on_blocked(session, item)
                except Exception:  # telling staff is best effort
                    log.exception("sender: could not report a blocked user")

        await self._record(item.id, "it blocked", blocked)
        await self._after_undelivered(item, blocked=True)

    async def _fail(self, item: Claimed, error: str) -> None:
        """Record the delivery failed (while it is still this sender's claim)."""
        await self._record(
            item.id,
            "it failed",
            lambda s: outbox.record_failed(
                s, delivery_id=item.id, error=error[:500], worker=self.worker
            ),
        )
        await self._after_undelivered(item, blocked=False)

    async def _after_undelivered(self, item: Claimed, *, blocked: bool) -> None:
        """Whatever is to follow a message recorded as never to go (best effort)."""
        if self.on_undelivered is None:
            return
        try:
            await self.on_undelivered(item, blocked)
        except Exception:  # the outcome is recorded; a follow-up must not undo that
            log.exception("sender: follow-up of undelivered delivery %s failed", item.id)

    async def _record(
        self,
        delivery_id: int,
        what: str,
        call: Callable[[AsyncSession], Awaitable[T]],
        *,
        one_statement: bool = False,
    ) -> T:
        """Run `call` (recording an outcome) in a session of its own; while the database is
        away (a transient error) again after a backoff, for up to RECORD_PATIENCE_S. Raises
        `RecordFailed` then, or at once for an error a retry would meet again."""
        delay, waited = RECORD_RETRY_FIRST_S, 0.0
        while True:
            try:
                if one_statement:
                    async with self._one_statement() as session:
                        return await call(session)
                async with self.sessionmaker() as session:
                    return await call(session)
            except Exception as exc:
                if not transient(exc) or waited >= RECORD_PATIENCE_S:
                    raise RecordFailed(
                        f"{what} (delivery {delivery_id}): {_describe(exc)}"
                    ) from exc
                log.warning(
                    "sender: could not record %s (delivery %s), again in %s s: %s",
                    what,
                    delivery_id,
                    delay,
                    _describe(exc),
                )
            await self.sleep(delay)
            waited += delay
            delay = min(delay * 2, RECORD_RETRY_MAX_S)

    async def _after_sent(self, item: Claimed, matter: str) -> None:
        """Whatever is to follow a message once it is recorded sent (best effort)."""
        if self.on_sent is None:
            return
        try:
            await self.on_sent(item, matter)
        except Exception:  # the message went and is recorded; a follow-up must not undo that
            log.exception("sender: follow-up of delivery %s failed", item.id)

    async def _still_to_send(self, item: Claimed) -> bool:
        """A delivery may have been cancelled since it was claimed, e.g. while the sender
        waited out a 429: a notice about a matter (a card, an offer, a reminder) that moved on,
        or one rewritten (`outbox.rewrite_unsent`: a meeting's held announcement after a 延期,
        what quotes someone who deleted their data), whose copy goes instead. Any delivery can
        be, matter or not; and its claim may have run out and another sender taken it up,
        which then sends it instead: look again (one statement). Raises `LookFailed` when the
        look cannot be made (saying whether a later one may succeed)."""
        try:
            async with self._one_statement() as session:
                if await outbox.still_to_send(session, delivery_id=item.id, worker=self.worker):
                    return True
        except Exception as exc:
            raise LookFailed(_describe(exc), transient=transient(exc)) from exc
        log.info("sender: delivery %s no longer to send by us (%s)", item.id, item.matter)
        return False

    @asynccontextmanager
    async def _one_statement(self) -> AsyncIterator[AsyncSession]:
        """A session for one statement that needs no transaction around it (the last look
        before a send, recording it sent): on PostgreSQL its connection autocommits, so the
        statement is one round trip instead of three (BEGIN, it, COMMIT or ROLLBACK); a single
        statement is atomic either way, and a read sees what is committed when it runs."""
        async with self.sessionmaker() as session:
            bind = session.bind
            if bind is not None and bind.dialect.name == "postgresql":
                await session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
            yield session

    async def _retry_later(self, item: Claimed, error: str, *, attempts: int) -> None:
        if attempts >= MAX_ATTEMPTS:
            await self._fail(item, error or "gave up")
            return
        later = self.clock() + backoff(attempts)
        await self._record(
            item.id,
            "a retry",
            lambda s: outbox.record_retry(
                s,
                delivery_id=item.id,
                error=error or "retry",
                not_before=later,
                worker=self.worker,
            ),
        )

    @staticmethod
    def _parts(item: Claimed) -> list[str]:
        """The texts of the messages this delivery becomes (a photo's caption first)."""
        if item.photo_ref is None and item.photo_bytes is None:
            return split_html(item.text)
        return photo_parts(item.text)  # too long for a caption: photo, then the text

    async def _call(self, item: Claimed, parts: list[str], index: int) -> Message:
        markup = (
            _markup(item.reply_markup) if item.reply_markup and index == len(parts) - 1 else None
        )
        token = _IN_SENDER.set(True)
        try:
            if index == 0 and (item.photo_ref is not None or item.photo_bytes is not None):
                photo: Any = (
                    BufferedInputFile(item.photo_bytes, filename="photo.jpg")
                    if item.photo_bytes is not None
                    else item.photo_ref
                )
                return await self.bot.send_photo(
                    item.chat_id, photo, caption=parts[0] or None, reply_markup=markup
                )
            return await self.bot.send_message(item.chat_id, parts[index], reply_markup=markup)
        finally:
            _IN_SENDER.reset(token)


def _by_chat(claimed: list[Claimed]) -> dict[int, list[Claimed]]:
    """Claimed deliveries grouped by chat, each chat's in queue order."""
    by_chat: dict[int, list[Claimed]] = defaultdict(list)
    for item in claimed:
        by_chat[item.chat_id].append(item)
    return by_chat


def _forget(active: dict[int, asyncio.Task[None]], chat_id: int) -> Callable[[Any], None]:
    """A done-callback that frees the chat for the next claim."""

    def forget(_task: Any) -> None:
        active.pop(chat_id, None)

    return forget
