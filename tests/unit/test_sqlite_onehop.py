"""SQLite statements go to aiosqlite's thread once each (models.sqlite_onehop), and behave as
with the stock adapter: rows, rowcounts, generated keys, errors, transactions."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import aiosqlite
import pytest
from sqlalchemy import exc, text
from sqlalchemy.ext.asyncio import AsyncEngine

from models.db import create_engine


@pytest.fixture
async def engine(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    eng = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'onehop.sqlite3'}")
    async with eng.begin() as conn:
        await conn.execute(
            text("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL, n INT)")
        )
    try:
        yield eng
    finally:
        await eng.dispose()


@pytest.fixture
def trips(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The calls handed to aiosqlite's thread, by name."""
    seen: list[str] = []
    stock = aiosqlite.Connection._execute

    async def counted(self: aiosqlite.Connection, fn, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(getattr(fn, "__name__", repr(fn)))
        return await stock(self, fn, *args, **kwargs)

    monkeypatch.setattr(aiosqlite.Connection, "_execute", counted)
    return seen


async def test_the_engine_uses_the_one_trip_adapter(engine: AsyncEngine) -> None:
    # with the versions installed the fast adapter must be the one in use: a silent fall back
    # to the stock one would cost the embedded store half its speed
    assert type(engine.sync_engine.dialect.dbapi).__name__ == "_OneTripDBAPI"


async def test_one_trip_per_statement(engine: AsyncEngine, trips: list[str]) -> None:
    async with engine.connect() as conn:
        trips.clear()
        rows = (await conn.execute(text("SELECT 1 UNION SELECT 2 ORDER BY 1"))).all()
        assert [tuple(r) for r in rows] == [(1,), (2,)]
        assert trips == ["_run"]
        trips.clear()
        await conn.execute(text("INSERT INTO t (name, n) VALUES ('a', 1)"))
        await conn.commit()
        # the statement, then the commit
        assert trips == ["_run", "commit"]


async def test_no_trip_to_end_what_never_began(engine: AsyncEngine, trips: list[str]) -> None:
    """A read-only session's commit, and the pool's rollback when its connection comes back,
    cost nothing: SQLite has no transaction open (reads do not begin one)."""
    async with engine.connect() as conn:
        trips.clear()
        assert (await conn.execute(text("SELECT count(*) FROM t"))).scalar() == 0
        await conn.commit()
    assert trips == ["_run"]
    trips.clear()
    async with engine.connect() as conn:
        await conn.execute(text("INSERT INTO t (name) VALUES ('a')"))
    # left without a commit: the pool's rollback makes its trip, and the row is gone
    assert trips == ["_run", "rollback"]
    async with engine.connect() as conn:
        assert (await conn.execute(text("SELECT count(*) FROM t"))).scalar() == 0


async def test_rows_counts_keys_and_many(engine: AsyncEngine) -> None:
    async with engine.begin() as conn:
        first = await conn.execute(text("INSERT INTO t (name, n) VALUES ('a', 1)"))
        assert first.lastrowid == 1
        many = await conn.execute(
            text("INSERT INTO t (name, n) VALUES (:name, :n)"),
            [{"name": "b", "n": 2}, {"name": "c", "n": 3}],
        )
        assert many.rowcount == 2
        back = await conn.execute(
            text("INSERT INTO t (name, n) VALUES ('d', 4) RETURNING id, name")
        )
        assert tuple(back.one()) == (4, "d")
        updated = await conn.execute(text("UPDATE t SET n = n + 10 WHERE n >= 2"))
        assert updated.rowcount == 3
        result = await conn.execute(text("SELECT name, n FROM t ORDER BY id"))
        assert list(result.keys()) == ["name", "n"]
        assert [tuple(r) for r in result] == [("a", 1), ("b", 12), ("c", 13), ("d", 14)]
        nothing = await conn.execute(text("SELECT name FROM t WHERE n > 100"))
        assert nothing.first() is None


async def test_errors_roll_back_and_leave_the_connection_usable(engine: AsyncEngine) -> None:
    async with engine.connect() as conn:
        await conn.execute(text("INSERT INTO t (name) VALUES ('a')"))
        with pytest.raises(exc.IntegrityError):
            await conn.execute(text("INSERT INTO t (name) VALUES ('a')"))
        await conn.rollback()
        with pytest.raises(exc.OperationalError):
            await conn.execute(text("SELECT nope FROM t"))
        await conn.rollback()
        await conn.execute(text("INSERT INTO t (name) VALUES ('b')"))
        await conn.commit()
    async with engine.connect() as conn:
        names = (await conn.execute(text("SELECT name FROM t"))).scalars().all()
    # the first insert was rolled back with the failed one's transaction
    assert names == ["b"]


async def test_streamed_results_keep_the_stock_cursor(engine: AsyncEngine) -> None:
    async with engine.begin() as conn:
        await conn.execute(
            text("INSERT INTO t (name, n) VALUES (:name, :n)"),
            [{"name": f"x{i}", "n": i} for i in range(250)],
        )
    async with engine.connect() as conn:
        stream = await conn.stream(text("SELECT n FROM t ORDER BY n"))
        seen = [n async for (n,) in stream]
    assert seen == list(range(250))
