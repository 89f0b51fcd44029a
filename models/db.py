"""Engines and sessions: one engine per process, one session per update or job."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlmodel.ext.asyncio.session import AsyncSession

from models import sqlite_writers

SQLITE_BUSY_TIMEOUT = 30.0  # seconds a writer waits for the file before "database is locked"


def is_sqlite(url: str) -> bool:
    """True for the embedded SQLite store."""
    return make_url(url).get_backend_name() == "sqlite"


def create_engine(url: str, *, echo: bool = False, pool_size: int = 30) -> AsyncEngine:
    """An async engine; SQLite gets foreign keys, WAL, a busy timeout and a writers' queue
    (models.sqlite_writers).

    On PostgreSQL the pool keeps `pool_size` connections open: each update holds one while its
    handler runs, and a connection opened and closed per update (the overflow) costs several
    milliseconds of CPU, more than the queries it serves.
    """
    kwargs: dict[str, Any] = {"echo": echo}
    if is_sqlite(url):
        kwargs["connect_args"] = {"timeout": SQLITE_BUSY_TIMEOUT}
    else:
        kwargs["pool_pre_ping"] = True
        kwargs["pool_size"] = pool_size
        kwargs["max_overflow"] = pool_size
    engine = create_async_engine(url, **kwargs)
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


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions that keep loaded objects usable after commit."""
    return async_sessionmaker(engine, class_=AsyncSession, expire_on_commit=False)
