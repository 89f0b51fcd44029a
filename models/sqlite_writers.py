"""One writer at a time on an SQLite file, in the order they asked (the embedded store).

SQLite lets one transaction write at a time. When two connections want to write, the second
one waits in SQLite's busy handler, which sleeps and polls: under load a late writer can win
over one that has waited for long, and a few writers wait for a second or more while the file
is free most of that time. Within one process we can do better: every connection on the same
file queues on one `asyncio.Lock` (first come, first served) from its first write statement
until its transaction ends, so writers take turns without polling. Other processes (the CLI, a
second bot) still meet SQLite's busy timeout, as before.

The queue is held from the first INSERT/UPDATE/DELETE/DDL statement of a transaction (where
SQLite itself takes its write lock: transactions begin deferred) until the DBAPI commit or
rollback returns, and released at once after a write that ran outside a transaction
(autocommit). Reads never queue: in WAL mode they do not block writers.
"""

from __future__ import annotations

import asyncio
import sqlite3
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.util import await_

_HELD = "linli_sqlite_writer"
_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER")


class WriterQueue:
    """The writers' queue of one SQLite file: an asyncio.Lock per event loop."""

    def __init__(self, timeout: float) -> None:
        self.timeout = timeout
        self._locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
            weakref.WeakKeyDictionary()
        )
        self.waiting = 0  # writers waiting for their turn now

    def _lock(self) -> asyncio.Lock:
        loop = asyncio.get_running_loop()
        lock = self._locks.get(loop)
        if lock is None:
            lock = self._locks[loop] = asyncio.Lock()
        return lock

    def acquire(self, info: dict[str, Any]) -> None:
        """Wait for our turn (inside SQLAlchemy's greenlet); no-op if this connection has it."""
        if info.get(_HELD) is not None:
            return
        lock = self._lock()
        self.waiting += 1
        try:
            await_(asyncio.wait_for(lock.acquire(), self.timeout))
        except TimeoutError:
            # what SQLite itself says when its busy timeout runs out
            raise sqlite3.OperationalError("database is locked") from None
        finally:
            self.waiting -= 1
        info[_HELD] = lock

    @staticmethod
    def release(info: dict[str, Any]) -> None:
        """Give the turn to the next writer, if this connection has it."""
        lock = info.pop(_HELD, None)
        if lock is not None:
            lock.release()


_queues: dict[str, WriterQueue] = {}


def _queue_for(url: str, timeout: float) -> WriterQueue | None:
    database = make_url(url).database or ""
    if database in ("", ":memory:") or database.startswith("file:"):
        return None  # a private in-memory database per connection: nothing to share
    key = str(Path(database).resolve())
    queue = _queues.get(key)
    if queue is None:
        queue = _queues[key] = WriterQueue(timeout)
    return queue


def _is_write(statement: str) -> bool:
    return statement.lstrip()[:7].upper().startswith(_WRITES)


def install(engine: AsyncEngine, url: str, *, timeout: float) -> WriterQueue | None:
    """Queue the writers of `engine` with every other engine of this process on the same file
    (None for an in-memory database, which is private to its connection)."""
    queue = _queue_for(url, timeout)
    if queue is None:
        return None
    sync_engine = engine.sync_engine

    @event.listens_for(sync_engine, "before_cursor_execute")
    def _before(conn: Connection, _c: Any, statement: str, *_args: Any) -> None:
        if _is_write(statement):
            queue.acquire(conn.info)

    def autocommit(conn: Connection | None) -> bool:
        dbapi = conn.connection.dbapi_connection if conn is not None else None
        return dbapi is not None and getattr(dbapi, "isolation_level", "") is None

    @event.listens_for(sync_engine, "after_cursor_execute")
    def _after(conn: Connection, *_args: Any) -> None:
        # autocommit: the statement was its own transaction, and it is over
        if autocommit(conn):
            queue.release(conn.info)

    @event.listens_for(sync_engine, "handle_error")
    def _failed(context: Any) -> None:
        # a failed statement outside a transaction holds nothing afterwards; inside one, the
        # rollback that follows gives the turn away
        if autocommit(context.connection):
            queue.release(context.connection.info)

    dialect = sync_engine.dialect

    def after(original: Callable[[Any], None]) -> Callable[[Any], None]:
        def ended(dbapi_connection: Any) -> None:
            try:
                original(dbapi_connection)
            finally:
                try:
                    info = dbapi_connection.info
                except (AttributeError, NotImplementedError):
                    info = None  # the dialect's first connect: never queued
                if info is not None:
                    queue.release(info)

        return ended

    # the transaction ends when the DBAPI commit/rollback returns (also the pool's reset)
    dialect.do_commit = after(dialect.do_commit)  # type: ignore[method-assign,assignment]
    dialect.do_rollback = after(dialect.do_rollback)  # type: ignore[method-assign,assignment]

    @event.listens_for(sync_engine.pool, "checkin")
    def _checkin(_dbapi: Any, record: Any) -> None:
        if record is not None:
            queue.release(record.info)

    @event.listens_for(sync_engine.pool, "invalidate")
    def _invalidated(_dbapi: Any, record: Any, _exc: Any) -> None:
        queue.release(record.info)

    return queue
