"""Engines and sessions: one engine per process, one session per update or job."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

import aiosqlite
from aiosqlite.context import contextmanager
from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlmodel.ext.asyncio.session import AsyncSession


def is_sqlite(url: str) -> bool:
    """True for the embedded SQLite store."""
    return make_url(url).get_backend_name() == "sqlite"


class _OneTripCursor(aiosqlite.Cursor):
    """An aiosqlite cursor that runs a statement and reads all its rows in one thread trip.

    aiosqlite sends every call (make a cursor, execute, fetch, close) to its connection thread
    and back; SQLAlchemy makes four such calls per statement. Here executing also fetches the
    rows (SQLAlchemy reads them all at once anyway), and making or closing a cursor, which does
    no I/O, happens in place.
    """

    _rows: list[Any] | None = None

    async def execute(self, sql: str, parameters: Iterable[Any] | None = None) -> aiosqlite.Cursor:
        """Execute and, when the statement returns rows, fetch them in the same trip."""
        cursor = self._cursor
        args: Any = [] if parameters is None else parameters

        def run() -> list[Any] | None:
            cursor.execute(sql, args)
            return cursor.fetchall() if cursor.description else None

        self._rows = await self._execute(run)
        return self

    async def fetchall(self) -> Iterable[sqlite3.Row]:
        """The rows read at execute time (or from the connection thread)."""
        rows, self._rows = self._rows, None
        return rows if rows is not None else await super().fetchall()

    async def fetchone(self) -> sqlite3.Row | None:
        """The next row."""
        if self._rows is None:
            return await super().fetchone()
        return self._rows.pop(0) if self._rows else None

    async def fetchmany(self, size: int | None = None) -> Iterable[sqlite3.Row]:
        """The next `size` rows."""
        if self._rows is None:
            return await super().fetchmany(size)
        count = self._cursor.arraysize if size is None else size
        out, self._rows = self._rows[:count], self._rows[count:]
        return out

    async def close(self) -> None:
        """Close in place (no I/O: the rows were read already)."""
        self._rows = None
        self._cursor.close()


class _OneTripConnection(aiosqlite.Connection):
    """aiosqlite's connection handing out one-trip cursors."""

    @contextmanager
    async def cursor(self) -> aiosqlite.Cursor:
        """A cursor made in place."""
        return _OneTripCursor(self, self._conn.cursor())


def _sqlite_creator(database: str) -> Callable[[], Any]:
    """Connections as aiosqlite.connect makes them, with one-trip cursors."""

    def connect() -> _OneTripConnection:
        conn = _OneTripConnection(
            partial(sqlite3.connect, database, timeout=30, check_same_thread=False), 64
        )
        conn._thread.daemon = True  # as SQLAlchemy does for aiosqlite
        return conn

    return connect


def create_engine(url: str, *, echo: bool = False) -> AsyncEngine:
    """An async engine; SQLite gets foreign keys, WAL and a busy timeout."""
    kwargs: dict[str, Any] = {"echo": echo}
    if is_sqlite(url):
        kwargs["async_creator"] = _sqlite_creator(make_url(url).database or ":memory:")
    else:
        kwargs["pool_pre_ping"] = True
        kwargs["pool_size"] = 10
        kwargs["max_overflow"] = 20
    engine = create_async_engine(url, **kwargs)
    if is_sqlite(url):

        @event.listens_for(engine.sync_engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

    return engine


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions that keep loaded objects usable after commit."""
    return async_sessionmaker(engine, class_=AsyncSession, expire_on_commit=False)
