"""The SQLite writers' queue: a second writer waits its turn instead of failing, in order.

Each engine here has SQLite's own busy timeout set to 0, so a writer that met the file locked
would fail at once with "database is locked": every write that succeeds while another
transaction holds the file succeeded because it waited in the queue.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

from models import sqlite_writers
from models.db import create_engine


@pytest.fixture
async def engine(tmp_path: Path) -> AsyncIterator[tuple[AsyncEngine, sqlite_writers.WriterQueue]]:
    url = f"sqlite+aiosqlite:///{tmp_path / 'w.sqlite3'}"
    eng = create_async_engine(url, connect_args={"timeout": 0})
    queue = sqlite_writers.install(eng, url, timeout=5)
    assert queue is not None
    async with eng.begin() as conn:
        await conn.execute(text("PRAGMA journal_mode=WAL"))
        await conn.execute(
            text("CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, who TEXT UNIQUE)")
        )
    yield eng, queue
    await eng.dispose()


async def _queued(queue: sqlite_writers.WriterQueue, n: int) -> None:
    """Let the loop run until `n` writers wait in the queue."""
    for _ in range(10_000):
        if queue.waiting >= n:
            return
        await asyncio.sleep(0)
    raise AssertionError(f"{queue.waiting} writers waiting, expected {n}")


async def _warm(eng: AsyncEngine) -> AsyncConnection:
    """A connection that has already read (so its next write queues without connecting)."""
    conn = await eng.connect()
    await conn.execute(text("SELECT 1"))
    await conn.commit()
    return conn


async def _write(conn: AsyncConnection, who: str) -> None:
    await conn.execute(text("INSERT INTO t (who) VALUES (:who)"), {"who": who})
    await conn.commit()


async def _rows(eng: AsyncEngine) -> list[str]:
    async with eng.connect() as conn:
        return [r[0] for r in await conn.execute(text("SELECT who FROM t ORDER BY id"))]


async def test_writers_wait_their_turn_in_order(
    engine: tuple[AsyncEngine, sqlite_writers.WriterQueue],
) -> None:
    eng, queue = engine
    holder = await _warm(eng)
    others = [await _warm(eng) for _ in range(3)]
    await holder.execute(text("INSERT INTO t (who) VALUES ('first')"))  # holds the file
    tasks = []
    for i, conn in enumerate(others):
        tasks.append(asyncio.create_task(_write(conn, f"w{i}")))
        await _queued(queue, i + 1)
    assert not any(t.done() for t in tasks)
    await holder.commit()
    await asyncio.gather(*tasks)
    assert await _rows(eng) == ["first", "w0", "w1", "w2"]
    for conn in [holder, *others]:
        await conn.close()


async def test_rollback_and_a_failed_write_give_the_turn_away(
    engine: tuple[AsyncEngine, sqlite_writers.WriterQueue],
) -> None:
    eng, queue = engine
    queue.timeout = 1
    async with eng.connect() as a:
        await a.execute(text("INSERT INTO t (who) VALUES ('gone')"))
        await a.rollback()
    async with eng.connect() as b:
        await b.execute(text("INSERT INTO t (who) VALUES ('kept')"))
        await b.commit()
    async with eng.connect() as c:
        with pytest.raises(IntegrityError):
            await c.execute(text("INSERT INTO t (who) VALUES ('kept')"))
        await c.rollback()
    async with eng.connect() as d:
        await d.execute(text("INSERT INTO t (who) VALUES ('after')"))
        await d.commit()
    assert await _rows(eng) == ["kept", "after"]


async def test_an_autocommit_write_holds_the_file_only_while_it_runs(
    engine: tuple[AsyncEngine, sqlite_writers.WriterQueue],
) -> None:
    eng, queue = engine
    queue.timeout = 1
    async with eng.connect() as a:
        a = await a.execution_options(isolation_level="AUTOCOMMIT")
        await a.execute(text("INSERT INTO t (who) VALUES ('auto')"))
        # still connected, no transaction: another writer goes ahead
        async with eng.connect() as b:
            await _write(b, "next")
    assert await _rows(eng) == ["auto", "next"]


async def test_a_writer_that_waits_too_long_is_told_the_database_is_locked(
    engine: tuple[AsyncEngine, sqlite_writers.WriterQueue],
) -> None:
    eng, queue = engine
    queue.timeout = 0.05
    async with eng.connect() as a, eng.connect() as b:
        await a.execute(text("INSERT INTO t (who) VALUES ('slow')"))
        with pytest.raises(OperationalError) as caught:
            await b.execute(text("INSERT INTO t (who) VALUES ('late')"))
        assert isinstance(caught.value.orig, sqlite3.OperationalError)
        assert "database is locked" in str(caught.value)
        await b.rollback()
        await a.commit()
    assert await _rows(eng) == ["slow"]


async def test_engines_on_one_file_share_the_queue(tmp_path: Path) -> None:
    """The bot and the scheduler each have an engine on the same file: one queue for both."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'shared.sqlite3'}"
    one, two = create_engine(url), create_engine(url)
    try:
        assert sqlite_writers._queue_for(url, 1) is sqlite_writers._queue_for(
            f"sqlite+aiosqlite:///{tmp_path / '.' / 'shared.sqlite3'}", 1
        )
        async with one.begin() as conn:
            await conn.execute(text("CREATE TABLE t (who TEXT)"))
        async with one.connect() as a, two.connect() as b:
            await a.execute(text("INSERT INTO t VALUES ('one')"))
            task = asyncio.create_task(_write(b, "two"))
            queue = sqlite_writers._queue_for(url, 1)
            assert queue is not None
            await _queued(queue, 1)
            await a.commit()
            await task
        async with two.connect() as conn:
            assert [r[0] for r in await conn.execute(text("SELECT who FROM t"))] == [
                "one",
                "two",
            ]
    finally:
        await one.dispose()
        await two.dispose()


async def test_concurrent_sessions_of_the_app_all_commit_without_the_busy_handler(
    tmp_path: Path,
) -> None:
    """The app's own engine and sessions under contention: 40 updates each read, write two rows
    and commit at once, with SQLite's busy handler switched off (a writer that met the file
    locked would fail at once with 'database is locked'). Every one commits, because every
    write transaction waits its turn in the queue."""
    from sqlalchemy import event, func
    from sqlmodel import select

    from models.db import make_sessionmaker
    from models.migrate import upgrade
    from models.scheduling import Delivery
    from models.users import User
    from services.delivery import enqueue

    url = f"sqlite+aiosqlite:///{tmp_path / 'app.sqlite3'}"
    eng = create_engine(url)

    @event.listens_for(eng.sync_engine, "connect")
    def _no_busy_handler(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA busy_timeout=0")
        cursor.close()

    await upgrade(eng)
    sm = make_sessionmaker(eng)

    async def one_update(uid: int) -> None:
        async with sm() as s:
            await s.exec(select(func.count()).select_from(User))  # reads do not queue
            s.add(User(id=uid, first_name=f"u{uid}"))
            await s.flush()  # the first write: its turn starts here …
            await asyncio.sleep(0)  # … and others queue behind it meanwhile
            await enqueue(s, chat_id=uid, text="hi", urgent=True)
            await s.commit()  # … until here

    try:
        await asyncio.gather(*(one_update(1000 + i) for i in range(40)))
        async with sm() as s:
            assert (await s.exec(select(func.count()).select_from(Delivery))).one() == 40
    finally:
        await eng.dispose()
