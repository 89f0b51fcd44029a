"""Engines and sessions: one engine per process, one session per update or job."""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import Text, any_, bindparam, event, exc
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlmodel.ext.asyncio.session import AsyncSession

from models import sqlite_onehop, sqlite_writers

SQLITE_BUSY_TIMEOUT = 30.0  # seconds a writer waits for the file before "database is locked"
PING_AFTER_IDLE = 10.0  # seconds a pooled PostgreSQL connection may rest before it is pinged


def is_sqlite(url: str) -> bool:
    """True for the embedded SQLite store."""
    return make_url(url).get_backend_name() == "sqlite"


def create_engine(
    url: str,
    *,
    echo: bool = False,
    pool_size: int = 30,
    ping_after_idle: float = PING_AFTER_IDLE,
) -> AsyncEngine:
    """An async engine; SQLite gets foreign keys, WAL, a busy timeout, a writers' queue
    (models.sqlite_writers) and statements in one trip to aiosqlite's thread
    (models.sqlite_onehop).

    On PostgreSQL the pool keeps `pool_size` connections open: each update holds one while its
    handler runs, and a connection opened and closed per update (the overflow) costs several
    milliseconds of CPU, more than the queries it serves. A connection that rested in the pool
    for `ping_after_idle` seconds or more is pinged before use, and replaced if the server has
    gone (restarted, or it dropped idle connections). SQLAlchemy's pool_pre_ping would ping at
    every checkout: on asyncpg three round trips (BEGIN, an empty query, ROLLBACK), about seven
    times per filing — nearly half of a busy bot's round trips, for connections used a moment
    ago. A server restarted within those seconds fails the one query that finds it gone; the
    pool then replaces its connections (SQLAlchemy invalidates them on a disconnect error).
    """
    kwargs: dict[str, Any] = {"echo": echo}
    if is_sqlite(url):
        kwargs["connect_args"] = {"timeout": SQLITE_BUSY_TIMEOUT}
        if make_url(url).get_driver_name() == "aiosqlite" and (fast := sqlite_onehop.dbapi()):
            kwargs["module"] = fast  # a statement in one trip to aiosqlite's thread, not four
    else:
        kwargs["pool_size"] = pool_size
        kwargs["max_overflow"] = pool_size
    engine = create_async_engine(url, **kwargs)
    if not is_sqlite(url):
        _ping_when_idle(engine, after=ping_after_idle)
    if is_sqlite(url):

        @event.listens_for(engine.sync_engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        sqlite_writers.install(engine, url, timeout=SQLITE_BUSY_TIMEOUT)

    return engine


def _ping_when_idle(engine: AsyncEngine, *, after: float) -> None:
    """Ping a pooled connection at checkout only when it rested `after` seconds or more."""

    @event.listens_for(engine.sync_engine, "checkin")
    def _rested_from(_dbapi_connection: Any, record: Any) -> None:
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine.sync_engine, "checkout")
    def _ping(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        since = record.info.pop("idle_since", None)
        if since is None or time.monotonic() - since < after:
            return  # new, or used a moment ago
        try:
            dbapi_connection.ping()
        except Exception as error:  # gone: the pool takes a new connection instead
            raise exc.DisconnectionError() from error


def is_postgres(session: AsyncSession) -> bool:
    """True when the session works on PostgreSQL."""
    bind = session.bind
    return bind is not None and bind.dialect.name == "postgresql"


def one_of(column: Any, name: str, *, postgres: bool) -> Any:
    """`column IN (the strings bound as `name`)`, as `= ANY(:name)` on PostgreSQL: the list is
    one text[] parameter, so the statement needs no expanding each time it runs and its SQL
    does not change with the list's length (one prepared statement for every length). Only
    for strings: asyncpg looks up the array types other than text[] in the server's catalogue
    on each new connection (three more round trips), more than an IN list costs. SQLite has no
    arrays: an expanding IN there."""
    if postgres:
        return column == any_(bindparam(name, type_=postgresql.ARRAY(Text)))
    return column.in_(bindparam(name, expanding=True))


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions that keep loaded objects usable after commit."""
    return async_sessionmaker(engine, class_=AsyncSession, expire_on_commit=False)
