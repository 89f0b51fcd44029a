"""Outer middlewares: a DB session per update, the current user and roles, language, throttle."""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from typing import Any

from aiogram import BaseMiddleware, Bot
from aiogram.types import CallbackQuery, Message, TelegramObject
from aiogram.types import User as TgUser
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.chat_lock import RedisChatLock
from bot.commands import commands_stale, set_user_commands
from bot.i18n import Translator, pick_language
from bot.settings import Settings
from models import Role
from models.base import utcnow
from services import order_redraws, request_cards, staff_order_cards
from services.delivery import wake_after_commit
from services.order_common import Notice, use_clock, use_outbox
from services.order_notices import deliver
from services.users import TelegramIdentity, effective_roles, ensure_user, set_language

log = logging.getLogger(__name__)
Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]


class UpdateDedupeMiddleware(BaseMiddleware):
    """With several bot processes behind a webhook, an update Telegram re-delivers runs once.

    The first process to see an update id claims it in Redis (SET NX with a TTL); any other
    delivery of the same update is dropped.
    """

    def __init__(self, redis: Any, *, prefix: str = "linli:update", ttl_s: int = 3600) -> None:
        self.redis = redis
        self.prefix = prefix
        self.ttl_s = ttl_s

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        update_id = getattr(event, "update_id", None)
        bot = data.get("bot")
        if update_id is None or bot is None:
            return await handler(event, data)
        key = f"{self.prefix}:{bot.id}:{update_id}"
        if not await self.redis.set(key, b"1", nx=True, ex=self.ttl_s):
            log.info("update %s was already handled elsewhere", update_id)
            return None
        return await handler(event, data)


class ChatOrderMiddleware(BaseMiddleware):
    """Updates from one chat are handled one at a time, in the order they arrived.

    aiogram handles updates concurrently, so a double tap (two callback queries from one chat)
    or a message sent while the previous one is still being handled could race: both read the
    same state and both act. Here each chat has a first-come-first-served lock for as long as an
    update of it is handled (other chats go on in parallel); the lock is dropped when nobody
    holds or waits for it. With several bot processes (`shared`, a lease in Redis) the chat is
    held across processes instead, waiters served in update_id order (bot.chat_lock), and
    the in-process lock is only the fallback while Redis cannot be reached.

    aiogram reads the chat's FSM state before outer middlewares run; an update that had to wait
    reads it again once it holds the chat, so its state filters see what the previous update
    left, not what was there when it arrived.
    """

    def __init__(self, shared: RedisChatLock | None = None) -> None:
        self._locks: dict[int, asyncio.Lock] = {}
        self._users: dict[int, int] = {}  # updates holding or waiting for each chat's lock
        self.shared = shared

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        chat = data.get("event_chat")
        if chat is None:
            return await handler(event, data)
        if self.shared is None:
            return await self._in_process(handler, event, data, chat.id)
        # Across processes the Redis queue alone orders the chat's updates (by update_id, this
        # process's too): an in-process lock taken first could make an earlier update wait
        # behind a later one that waits for it in Redis.
        bot = data.get("bot")
        async with self.shared.hold(
            bot_id=getattr(bot, "id", 0),
            chat_id=chat.id,
            order=getattr(event, "update_id", None),
            token=data.get("chat_ticket"),  # the place the webhook took before acknowledging
        ) as held:
            if not held:  # Redis away: ordered within this process only
                return await self._in_process(handler, event, data, chat.id)
            # another process may have moved the state since aiogram read it
            await _reread_state(data)
            return await handler(event, data)

    async def _in_process(
        self, handler: Handler, event: TelegramObject, data: dict[str, Any], key: int
    ) -> Any:
        lock = self._locks.get(key)
        if lock is None:
            lock = self._locks[key] = asyncio.Lock()
        self._users[key] = self._users.get(key, 0) + 1
        waits = self._users[key] > 1  # someone holds or waits for this chat already
        try:
            async with lock:
                if waits:
                    await _reread_state(data)
                return await handler(event, data)
        finally:
            left = self._users[key] - 1
            if left:
                self._users[key] = left
            else:
                del self._users[key], self._locks[key]

    def chats_in_use(self) -> int:
        """How many chats have an update being handled or waiting (for tests and metrics)."""
        return len(self._locks)


async def _reread_state(data: dict[str, Any]) -> None:
    """The FSM state as it is now, for the state filters (aiogram read it before we waited)."""
    state = data.get("state")
    if state is not None:
        data["raw_state"] = await state.get_state()


class DbSessionMiddleware(BaseMiddleware):
    """Opens one database session for the whole update."""

    def __init__(self, sessionmaker: async_sessionmaker[AsyncSession]) -> None:
        self.sessionmaker = sessionmaker

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        async with self.sessionmaker() as session:
            data["session"] = session
            return await handler(event, data)


# what draws a staff member's card of a request (handlers.triage_staff.card_drawer) and of an
# order (handlers.claims.staff_order_drawer), as of the update's clock
CardDrawers = Callable[[Translator, Settings, Callable[[], datetime], Any], request_cards.Drawer]
OrderCardDrawers = Callable[
    [Translator, Settings, Callable[[], datetime]], staff_order_cards.Drawer
]


class OutboxMiddleware(BaseMiddleware):
    """The update's session gets an outbox: an order-cycle action queues the notices it causes
    (in each recipient's language) in the same commit as its change, so none can be lost.
    Once a commit of the session has queued anything, `wake` (this process's sender) is
    called, so the notices go at once rather than at the sender's next look.

    What any handler changes of a matter redraws the cards on people's screens: the members'
    cards and offers of its orders (services.order_redraws), and with `cards` (and `orders`)
    every staff card of the requests (and of their orders) it changed (services.request_cards,
    staff_order_cards) — in the action's own commit where it commits through
    services.order_common.commit_with, else once the handler is done. Before, staff cards were
    redrawn only for the order cycle's routers (handlers.order_cycle): a member's /forget or
    pause gave their claims back, a score typed at the main menu rated a matter, and the staff
    cards kept reading as before until tapped."""

    def __init__(
        self,
        settings: Settings,
        translator: Translator,
        *,
        wake: Callable[[], None] | None = None,
        cards: CardDrawers | None = None,
        orders: OrderCardDrawers | None = None,
    ) -> None:
        self.settings = settings
        self.translator = translator
        self.wake = wake
        self.cards = cards
        self.orders = orders

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        session: AsyncSession = data["session"]
        clock: Callable[[], datetime] = data.get("clock") or utcnow
        translator, language = self.translator, self.settings.default_language

        async def sink(notices: Sequence[Notice]) -> int:
            return await deliver(
                session, notices, texts=translator, default_language=language, now=clock()
            )

        use_outbox(session, sink)
        use_clock(session, clock)
        wake_after_commit(session, self.wake)
        order_redraws.watch(session)
        if self.cards is not None:
            request_cards.watch(
                session,
                draw=self.cards(translator, self.settings, clock, data.get("triage")),
                orders=(
                    self.orders(translator, self.settings, clock)
                    if self.orders is not None
                    else None
                ),
            )
        result = await handler(event, data)
        # what the handler's commits changed of a matter (a place, information added, an
        # order cancelled, claims given back …) and did not redraw with it: the members' cards
        # and offers of its orders, the staff cards of it and its orders, read so
        if order_redraws.changed(session):
            try:
                await order_redraws.redraw_changed(session)
            except SQLAlchemyError:  # the action stands (committed); only its redraws are lost
                log.exception("outbox: redraws after the update not queued")
                await session.rollback()
        return result


class UserMiddleware(BaseMiddleware):
    """Loads (or creates) the user, their roles and their language."""

    def __init__(self, settings: Settings, translator: Translator) -> None:
        self.settings = settings
        self.translator = translator

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        tg_user: TgUser | None = data.get("event_from_user")
        session: AsyncSession = data["session"]
        if tg_user is None or tg_user.is_bot:
            lang: str = self.settings.default_language
            data["lang"] = lang
            data["t"] = self.translator.bind(lang)
            return await handler(event, data)
        identity = TelegramIdentity(
            id=tg_user.id,
            first_name=tg_user.first_name,
            last_name=tg_user.last_name,
            username=tg_user.username,
            language_code=tg_user.language_code,
        )
        if _dialect(session) == "postgresql" and not session.in_transaction():
            # The read of every update needs no transaction of its own: on PostgreSQL that
            # would be two more round trips (BEGIN, COMMIT) per update. A write it may make
            # (first contact, last seen) is one statement; the connection goes back to the pool
            # with its usual isolation, so the handler's own work is one transaction as ever.
            await session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
        user, created = await ensure_user(session, identity=identity)
        lang = pick_language(
            user.language or tg_user.language_code,
            available=self.translator.languages,
            default=self.settings.default_language,
        )
        if user.language is None:
            # Remember the language Telegram reports, so notices sent later (through the
            # outbox, without an update to read it from) come in the same language.
            await set_language(session, user=user, language=lang)
        if session.in_transaction():
            # End the read now: the connection goes back to the pool while the handler talks
            # to Telegram, and a handler that writes starts its own short transaction.
            await session.commit()
        data["user"] = user
        data["new_user"] = created
        data["roles"] = roles = effective_roles(user, admin_ids=self.settings.admin_ids)
        bot: Bot | None = data.get("bot")
        if bot is not None and commands_stale(bot, user.id, roles):
            # a role granted or taken away outside this process (the CLI, another process)
            await set_user_commands(
                bot, self.translator, user_id=user.id, language=user.language, roles=roles
            )
        data["lang"] = lang
        data["t"] = self.translator.bind(lang)
        return await handler(event, data)


def _dialect(session: AsyncSession) -> str:
    bind = session.bind
    return bind.dialect.name if bind is not None else ""


class CallbackDataGuard(BaseMiddleware):
    """Forged button data with numbers no database id can have gets the stale-button answer.

    Ids in callback data are checked by the services, but a number beyond 64 bits would fail
    in the database driver before any check could answer politely.
    """

    LIMIT = 2**63 - 1

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        if isinstance(event, CallbackQuery) and event.data:
            for part in event.data.split(":"):
                digits = part.removeprefix("-")
                if digits.isdigit() and int(digits) > self.LIMIT:
                    t = data.get("t")
                    await event.answer(t("err-stale-button") if t else "", show_alert=True)
                    return None
        return await handler(event, data)


# (message, the state left, what its form held, the update's data): said before the menu
# button's own answer
LeftFlow = Callable[[Message, str, dict[str, Any], dict[str, Any]], Awaitable[None]]


class MenuResetMiddleware(BaseMiddleware):
    """A main-menu button pressed in the middle of a flow leaves the flow and does what it says;
    `on_leave` may first say what was left behind (handlers.form_guard.tell_left)."""

    def __init__(
        self, labels: Callable[[], frozenset[str]], on_leave: LeftFlow | None = None
    ) -> None:
        self.labels = labels
        self.on_leave = on_leave
        self._labels: frozenset[str] | None = None  # the menu is fixed once the bot runs

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        state = data.get("state")
        if self._labels is None:
            self._labels = self.labels()
        if (
            isinstance(event, Message)
            and event.text
            and state is not None
            and event.text in self._labels
            and (left := await state.get_state()) is not None
        ):
            values = await state.get_data()
            await state.clear()
            data["raw_state"] = None  # state filters read this, computed before us
            if self.on_leave is not None:
                await self.on_leave(event, left, values, data)
        return await handler(event, data)


_EDGE_MARKS = re.compile(r"^[\W_]+|[\W_]+$")  # emoji, symbols, spaces, punctuation at the ends


def bare_label(text: str) -> str:
    """A button's words as typed: '✅ 说完了' → '说完了', '✖️ Cancel' → 'cancel'."""
    return _EDGE_MARKS.sub("", text.strip()).casefold()


class TypedLabelMiddleware(BaseMiddleware):
    """A reply button's words typed by hand are the button: '说完了' or '说完了。' is '✅ 说完了',
    '取消' is '✖️ 取消', '我的诉求' is '📋 我的诉求' (many older residents type rather than tap,
    and cannot type the emoji). Before, inside a form they were taken as what was asked for
    ('取消' became part of the request's description). Only a whole message that reads exactly
    as one button's words; words two different buttons share are left as typed.

    Only the buttons of the sender's own menu (by their roles, `labels(roles)`) and the flows'
    are read so: a resident who types '管理' or '发通知' (a staff button's words) wrote words of
    their own, which go on to whatever the conversation does with text. Whether they ever had
    that button is not known without a look through the audit log (no index by person), and the
    bootstrap admins of the settings leave no trace at all; a button tapped on an old keyboard
    still comes with its emoji and is answered as not in their menu (handlers.fallback)."""

    MAX_CHARS = 24

    def __init__(self, labels: Callable[[frozenset[Role]], frozenset[str]]) -> None:
        self.labels = labels
        # per set of roles (a handful): the buttons are fixed once the bot runs
        self._by_words: dict[frozenset[Role], dict[str, str]] = {}

    def _table(self, roles: frozenset[Role]) -> dict[str, str]:
        table = self._by_words.get(roles)
        if table is None:
            table = {}
            shared: set[str] = set()
            for label in self.labels(roles):
                words = bare_label(label)
                if not words or words in shared:
                    continue
                if table.setdefault(words, label) != label:
                    shared.add(words)
                    del table[words]
            self._by_words[roles] = table
        return table

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        if (
            isinstance(event, Message)
            and event.text
            and len(event.text) <= self.MAX_CHARS
            and not event.text.startswith("/")  # a command is a command ('/admin', '/help')
        ):
            roles: frozenset[Role] = data.get("roles") or frozenset({Role.RESIDENT})
            label = self._table(roles).get(bare_label(event.text))
            if label is not None and label != event.text:
                event = event.model_copy(update={"text": label, "entities": None})
        return await handler(event, data)


# KEYS: the user's bucket; ARGV: rate per second, burst. 1 when a token was taken.
_TAKE_TOKEN = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local rate, burst = tonumber(ARGV[1]), tonumber(ARGV[2])
local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(bucket[1]) or burst
local last = tonumber(bucket[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - last) * rate)
local taken = 0
if tokens >= 1 then
  tokens = tokens - 1
  taken = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
return taken
"""


class ThrottleMiddleware(BaseMiddleware):
    """A token bucket per user: a burst of taps is fine, a flood is politely refused.

    With Redis (several bot processes) the bucket is shared, so a user's limit does not grow
    with the number of processes; while Redis cannot be reached each process counts alone.
    """

    def __init__(
        self,
        *,
        rate: float,
        burst: int,
        clock: Callable[[], float] = time.monotonic,
        redis: Any = None,
        prefix: str = "linli:throttle",
    ):
        self.rate = rate
        self.burst = burst
        self.clock = clock
        self.buckets: dict[int, tuple[float, float]] = {}
        self.warned: dict[int, float] = {}
        self.prefix = prefix
        self._take = redis.register_script(_TAKE_TOKEN) if redis is not None else None

    def allow(self, user_id: int) -> bool:
        """Take one token for the user; False when their bucket is empty."""
        now = self.clock()
        tokens, last = self.buckets.get(user_id, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - last) * self.rate)
        if tokens < 1.0:
            self.buckets[user_id] = (tokens, now)
            return False
        self.buckets[user_id] = (tokens - 1.0, now)
        if len(self.buckets) > 50_000:  # forget idle users now and then
            cutoff = now - self.burst / self.rate
            self.buckets = {k: v for k, v in self.buckets.items() if v[1] > cutoff}
        return True

    async def allow_shared(self, user_id: int) -> bool:
        """Take one token from the user's bucket in Redis (this process's own while Redis is
        away)."""
        if self._take is None:
            return self.allow(user_id)
        from redis.exceptions import RedisError

        try:
            async with asyncio.timeout(2.0):
                taken = await self._take(
                    keys=[f"{self.prefix}:{user_id}"], args=[self.rate, self.burst]
                )
        except (RedisError, OSError, TimeoutError) as exc:
            log.warning("throttle: Redis unavailable (%r); counting in this process", exc)
            return self.allow(user_id)
        return bool(int(taken))

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        tg_user: TgUser | None = data.get("event_from_user")
        if tg_user is None or await self.allow_shared(tg_user.id):
            return await handler(event, data)
        now = self.clock()
        if now - self.warned.get(tg_user.id, 0.0) > 5.0:
            self.warned[tg_user.id] = now
            t = data.get("t")
            text = t("err-throttled") if t else "Too fast"
            if isinstance(event, (CallbackQuery, Message)):
                await event.answer(text)
        elif isinstance(event, CallbackQuery):
            await event.answer()
        log.info("throttled user %s", tg_user.id)
        return None
