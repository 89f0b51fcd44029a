"""SQLite statements in one trip to aiosqlite's thread instead of four (the embedded store).

aiosqlite runs each SQLite connection in a thread of its own and hands it one call at a time:
SQLAlchemy's adapter makes four such calls for every statement (open a cursor, execute, fetch
the rows, close the cursor), and each is a round trip between the event loop and that thread:
a future, a queue, a wake-up of the loop, the GIL handed back and forth. On a busy bot these
trips cost more CPU than SQLite's own work (a key lookup takes microseconds).

The cursor here does the four in one call, run in the same thread as before: the statement,
its rows, its description, rowcount and lastrowid come back together. Nothing else changes:
the connection still lives in aiosqlite's thread (SQLite's work never blocks the event loop),
transactions, commits and errors are as before, and server-side cursors (streamed results)
keep SQLAlchemy's own. A commit or rollback with no transaction open (after reads only, and
the pool's rollback as a connection comes back) makes no trip at all.

It leans on aiosqlite's `Connection._execute(fn, *args)`, the call all its public methods
use. If an installed version lacks it, or SQLAlchemy's adapter classes moved, `dbapi()`
returns None and the engine uses the stock adapter (slower, the same behaviour); a unit test
checks the fast one is in use with the versions installed.
"""

from __future__ import annotations

import collections
import sqlite3
from typing import Any

try:  # SQLAlchemy 2.1's adapter classes
    from sqlalchemy.dialects.sqlite.aiosqlite import (
        AsyncAdapt_aiosqlite_connection,
        AsyncAdapt_aiosqlite_cursor,
        AsyncAdapt_aiosqlite_dbapi,
    )
except ImportError:  # pragma: no cover - another SQLAlchemy: the stock adapter is used
    AsyncAdapt_aiosqlite_connection = None  # type: ignore[assignment,misc]

# what one trip brings back: description, rows (None for a statement without), rowcount, lastrowid
_Outcome = tuple[Any, list[Any] | None, int, int | None]


def _run(conn: sqlite3.Connection, operation: str, parameters: Any, many: bool) -> _Outcome:
    """In aiosqlite's thread: the whole statement, as the stock adapter's four calls did it."""
    cursor = conn.cursor()
    try:
        if many:
            cursor.executemany(operation, parameters)
        elif parameters is None:
            cursor.execute(operation)
        else:
            cursor.execute(operation, parameters)
        description = cursor.description
        rows = cursor.fetchall() if description else None
        return description, rows, cursor.rowcount, cursor.lastrowid
    finally:
        cursor.close()


def dbapi() -> Any | None:
    """The DBAPI module for `create_engine(module=...)`: aiosqlite with one-trip statements;
    None when the installed aiosqlite or SQLAlchemy does not have what it needs."""
    if AsyncAdapt_aiosqlite_connection is None:
        return None
    import aiosqlite

    if not callable(getattr(aiosqlite.Connection, "_execute", None)):
        return None
    return _OneTripDBAPI(aiosqlite, sqlite3)


if AsyncAdapt_aiosqlite_connection is not None:

    class _OneTripCursor(AsyncAdapt_aiosqlite_cursor):
        """A cursor whose statement goes to the thread and back once."""

        __slots__ = ("_description", "_lastrowid", "_rowcount")

        def __init__(self, adapt_connection: Any) -> None:
            self._description: Any = None
            self._rowcount = -1
            self._lastrowid: int | None = None
            super().__init__(adapt_connection)

        def _make_new_cursor(self, connection: Any) -> Any:
            return None  # opened in the thread, with the statement

        def _aenter_cursor(self, cursor: Any) -> Any:
            return None

        @property
        def description(self) -> Any:
            return self._description

        @property
        def rowcount(self) -> int:
            return self._rowcount

        @property
        def lastrowid(self) -> Any:
            return self._lastrowid

        @property
        def arraysize(self) -> int:
            return 1

        @arraysize.setter
        def arraysize(self, value: int) -> None:
            pass

        async def _trip(self, operation: Any, parameters: Any, many: bool) -> None:
            conn = self._connection
            async with self._adapt_connection._execute_mutex:
                outcome: _Outcome = await conn._execute(
                    _run, conn._conn, operation, parameters, many
                )
            self._description, rows, self._rowcount, self._lastrowid = outcome
            self._rows = collections.deque(rows) if rows else collections.deque()

        async def _execute_async(self, operation: Any, parameters: Any) -> Any:
            await self._trip(operation, parameters, False)

        async def _executemany_async(self, operation: Any, seq_of_parameters: Any) -> Any:
            await self._trip(operation, seq_of_parameters, True)

        async def _async_soft_close(self) -> None:
            return  # the thread closed it already

        def close(self) -> None:
            self._rows.clear()

        def nextset(self) -> None:
            return None

    class _OneTripConnection(AsyncAdapt_aiosqlite_connection):
        """Commits and rollbacks with no transaction open make no trip: SQLite would do
        nothing with them. A session that only read, and the pool's rollback when a connection
        comes back, cost a trip each before."""

        __slots__ = ()
        _cursor_cls = _OneTripCursor

        def _idle(self) -> bool:
            # read from the loop's thread while the connection's thread has nothing of ours
            # to run (its calls are awaited one at a time): a flag SQLite keeps
            conn = self._connection._connection
            return conn is not None and not conn.in_transaction

        def commit(self) -> None:
            if not self._idle():
                super().commit()

        def rollback(self) -> None:
            if not self._idle():
                super().rollback()

    class _OneTripDBAPI(AsyncAdapt_aiosqlite_dbapi):
        def connect(self, *arg: Any, **kw: Any) -> Any:
            stock = super().connect(*arg, **kw)
            return _OneTripConnection(self, stock._connection)
