"""The running application: engine, schema check, translator, bot, dispatcher, shutdown."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.fsm.storage.base import BaseStorage
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.answered import AnsweredTaps
from bot.dispatcher import build_dispatcher
from bot.i18n import Translator
from bot.long_messages import LongMessages
from bot.plain_fields import PlainTextFields
from bot.settings import Settings, StartupError
from models.base import utcnow
from models.db import create_engine, is_sqlite, make_sessionmaker
from models.migrate import current_revision, head_revision, upgrade

log = logging.getLogger(__name__)
__all__ = ["App", "StartupError", "create_app", "make_bot", "prepare_database"]


@dataclass
class App:
    """Everything long-lived, created once at start-up and closed at shutdown."""

    settings: Settings
    engine: AsyncEngine
    sessionmaker: async_sessionmaker[AsyncSession]
    translator: Translator
    bot: Bot
    dp: Dispatcher
    clock: Callable[[], datetime] = utcnow
    resources: dict[str, Any] = field(default_factory=dict)

    async def close(self) -> None:
        """Release the bot session, the storage and the engine."""
        for closer in reversed(self.resources.get("_closers", [])):
            await closer()
        await self.dp.storage.close()
        await self.bot.session.close()
        await self.engine.dispose()


def database_problem(exc: DBAPIError) -> str:
    """What the database driver said, on one line (without SQLAlchemy's statement and link)."""
    said = " ".join(str(exc.orig or exc).split())
    return f"cannot use the database ({said})"


def check_sqlite_file(url: str) -> None:
    """A SQLite URL naming a folder (a path typed short) is refused before anything connects."""
    if not is_sqlite(url):
        return
    database = make_url(url).database
    if database and database != ":memory:" and Path(database).is_dir():
        raise StartupError(f"LINLI_DATABASE_URL: {database} is a folder, not a database file")


async def prepare_database(settings: Settings) -> AsyncEngine:
    """Embedded SQLite is migrated at start (Alembic runs only when the file is not at head
    already: its run costs tens of milliseconds even with nothing to do); PostgreSQL must
    already be at head."""
    url = settings.database_url
    check_sqlite_file(url)
    if is_sqlite(url):
        database = make_url(url).database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url)
    try:
        if is_sqlite(url):
            if await current_revision(engine) != head_revision():
                await upgrade(engine)
            return engine
        current = await current_revision(engine)
    except OSError as exc:
        await engine.dispose()
        raise StartupError(f"LINLI_DATABASE_URL: cannot connect ({exc})") from None
    except DBAPIError as exc:  # no such database or role, a file SQLite cannot open
        await engine.dispose()
        raise StartupError(f"LINLI_DATABASE_URL: {database_problem(exc)}") from None
    head = head_revision()
    if current != head:
        await engine.dispose()
        raise StartupError(
            f"the database schema is at {current or 'nothing'} but this version needs {head}: "
            "run `linli migrate` first"
        )
    return engine


_RESPONSE_TYPES: dict[Any, Any] = {}


def pin_response_types() -> None:
    """Keep aiogram's `Response[T]` models alive for every Bot API method's result type.

    aiogram builds `Response[method.__returning__]` for each answer it reads; pydantic caches
    such generic models only weakly, so the garbage collector frees them and the next call
    rebuilds the model's schema (milliseconds each, ~40% of an update's CPU in the order-cycle
    benchmark). Holding them here makes every later lookup a cache hit.
    """
    if _RESPONSE_TYPES:
        return
    import aiogram.methods
    from aiogram.methods import TelegramMethod
    from aiogram.methods.base import Response

    for name in dir(aiogram.methods):
        obj = getattr(aiogram.methods, name)
        if isinstance(obj, type) and issubclass(obj, TelegramMethod) and obj is not TelegramMethod:
            returning = obj.__returning__
            if returning not in _RESPONSE_TYPES:
                _RESPONSE_TYPES[returning] = Response[returning]  # type: ignore[valid-type]


class PlainHttpSession(AiohttpSession):
    """aiogram's session, for a Bot API server on plain HTTP (the sandbox's emulator, a local
    server): closing it does not wait the quarter second aiogram gives SSL connections to
    close, which a connection without SSL does not need."""

    async def close(self) -> None:
        """Close the connections at once."""
        if self._session is not None and not self._session.closed:
            await self._session.close()


def make_bot(settings: Settings) -> Bot:
    """The aiogram Bot, pointed at Telegram or at a Bot API emulator."""
    pin_response_types()
    session = None
    if settings.bot_api_base:
        api = TelegramAPIServer.from_base(settings.bot_api_base)
        plain = urlsplit(settings.bot_api_base).scheme == "http"
        session = (PlainHttpSession if plain else AiohttpSession)(api=api)
    bot = Bot(
        token=settings.token(),
        session=session,
        default=DefaultBotProperties(parse_mode=ParseMode.HTML, link_preview_is_disabled=True),
    )
    bot.session.middleware(PlainTextFields())  # labels and alerts are not HTML
    bot.session.middleware(AnsweredTaps())  # the error handler never answers a tap twice
    bot.session.middleware(LongMessages())  # a text too long for one message goes as several
    return bot


async def make_storage(settings: Settings) -> BaseStorage | None:
    """FSM storage: Redis when configured (several bot processes), else in memory.

    In Redis a conversation expires `LINLI_FSM_TTL_HOURS` after its last change. The client
    gives up on an unreachable Redis within seconds (a few quick retries absorb a blip) rather
    than after redis-py's default ten retries of five-second timeouts, so the user is answered.
    """
    if not settings.redis_url:
        return None
    from bot.fsm_storage import ExpiringRedisStorage, FsmKeys

    redis = redis_client(settings.redis_url)
    ttl = timedelta(hours=settings.fsm_ttl_hours)
    keys = FsmKeys(prefix=settings.redis_prefix("fsm", legacy="fsm"))
    return ExpiringRedisStorage(redis, ttl=ttl, key_builder=keys)


def redis_client(url: str) -> Any:
    """The bot's Redis client: it gives up within seconds (a few quick retries absorb a blip)."""
    from redis.asyncio import Redis
    from redis.asyncio.retry import Retry
    from redis.backoff import ExponentialBackoff

    return Redis.from_url(
        url,
        socket_timeout=2.0,
        socket_connect_timeout=2.0,
        retry=Retry(ExponentialBackoff(cap=0.5, base=0.05), 3),
        health_check_interval=30,
    )


async def create_app(settings: Settings, *, clock: Callable[[], datetime] = utcnow) -> App:
    """Build the application; raises StartupError with one clear line when it cannot."""
    bot = make_bot(settings)
    engine = await prepare_database(settings)
    sessionmaker = make_sessionmaker(engine)
    translator = Translator(default=settings.default_language)
    storage = await make_storage(settings)
    redis = getattr(storage, "redis", None)
    extra: dict[str, Any] = {"clock": clock}
    resources: dict[str, Any] = {"_closers": []}
    for hook in STARTUP_HOOKS:
        await hook(settings=settings, resources=resources, extra=extra)
    dp = build_dispatcher(
        settings=settings,
        sessionmaker=sessionmaker,
        translator=translator,
        storage=storage,
        redis=redis,
        **extra,
    )
    watch = dp.workflow_data.get("catalogue_watch")
    if watch is not None:  # listens for other processes' catalogue edits (with Redis)
        resources.setdefault("_starters", []).append(watch.start)
        resources["_closers"].append(watch.stop)
    return App(
        settings=settings,
        engine=engine,
        sessionmaker=sessionmaker,
        translator=translator,
        bot=bot,
        dp=dp,
        clock=clock,
        resources=resources,
    )


# Features that need a long-lived resource (the triage model, the scheduler) add a hook here:
# async def hook(*, settings, resources, extra) -> None; put handler data into `extra`.
STARTUP_HOOKS: list[Callable[..., Any]] = []

from scheduler.hook import scheduler_hook  # noqa: E402  (issue 6: scheduler + sender)

STARTUP_HOOKS.append(scheduler_hook)

from bot.order_hooks import triage_hook  # noqa: E402  (issue 4: the triage model, loaded once)

STARTUP_HOOKS.append(triage_hook)

from bot.order_hooks import staff_cards_hook  # noqa: E402  (the scheduler's jobs redraw cards)

STARTUP_HOOKS.append(staff_cards_hook)
