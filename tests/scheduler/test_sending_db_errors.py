"""The outbox sender and a database that fails it: the last look before a send tells an error a
later try may not meet ('database is locked', a lost connection, a serialization failure) from
one it would meet every time (no such table or column, a data error). The first puts the
message back for later, a bounded number of times; the second fails the message at once, with
the error recorded; either way the chat's next messages still go."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from aiogram import Bot
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.scheduling import Delivery
from sandbox.emulator import Emulator
from scheduler.sender import MAX_ATTEMPTS, Sender, transient
from services import delivery as outbox
from services.delivery import enqueue
from tests.scheduler.conftest import add_users, bot_texts
from tests.support import FakeClock


async def _rows(session: AsyncSession) -> list[Delivery]:
    rows = await session.exec(
        select(Delivery).order_by(col(Delivery.id)).execution_options(populate_existing=True)
    )
    return list(rows.all())


async def _error_of(engine: AsyncEngine, sql: str) -> DBAPIError:
    """The error the database really raises for this statement."""
    async with engine.connect() as conn:
        with pytest.raises(DBAPIError) as caught:
            await conn.execute(text(sql))
    return caught.value


async def test_errors_a_later_try_may_not_meet_are_told_from_the_others(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    assert not transient(await _error_of(engine, "SELECT * FROM no_such_table"))
    assert not transient(await _error_of(engine, "SELECT no_such_column FROM deliveries"))
    locked = sqlite3.OperationalError("database is locked")  # as models.sqlite_writers raises
    assert transient(OperationalError("UPDATE deliveries", {}, locked))
    assert transient(ConnectionRefusedError(111, "Connect call failed"))  # asyncpg's connect
    assert transient(TimeoutError())
    if engine.dialect.name == "sqlite":
        # a real SQLITE_BUSY: another connection holds the write lock
        path = tmp_path / "busy.sqlite3"
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("CREATE TABLE t (x)")
        holder.execute("BEGIN IMMEDIATE")
        other = sqlite3.connect(path, timeout=0, isolation_level=None)
        with pytest.raises(sqlite3.OperationalError) as busy:
            other.execute("BEGIN IMMEDIATE")
        holder.close()
        other.close()
        assert transient(OperationalError("BEGIN", {}, busy.value))
        return
    raised = "DO $$ BEGIN RAISE EXCEPTION 'x' USING ERRCODE = '{}'; END $$"
    for state in ("40001", "40P01", "08006", "57P01", "57014", "53300"):
        assert transient(await _error_of(engine, raised.format(state))), state
    for state in ("22012", "42703", "23505"):
        assert not transient(await _error_of(engine, raised.format(state))), state
    assert not transient(await _error_of(engine, "SELECT 1/0"))


async def test_a_look_the_database_refuses_fails_that_message_and_the_chat_goes_on(
    emulator: Emulator,
    bot: Bot,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The look for the first message meets an error no retry mends (here a missing table,
    SQLite's OperationalError like 'database is locked'): before, the chat's messages went back
    to the queue, to meet it again for ever; now that one fails with the error recorded, and the
    chat's next message goes."""
    await add_users(session, [11])
    first = await enqueue(session, chat_id=11, text="第一条", urgent=True, now=clock.now)
    await enqueue(session, chat_id=11, text="第二条", urgent=True, now=clock.now)
    await session.commit()
    real = outbox.still_to_send

    async def broken(session: AsyncSession, *, delivery_id: int, **kw: object) -> bool:
        if delivery_id == first.id:
            await session.exec(text("SELECT * FROM no_such_table"))  # type: ignore[call-overload]
        return await real(session, delivery_id=delivery_id, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(outbox, "still_to_send", broken)
    sender = Sender(bot=bot, sessionmaker=sessionmaker, clock=clock, worker="A")
    assert await sender.drain() == 2
    assert bot_texts(emulator) == ["第二条"]
    failed, sent = await _rows(session)
    assert (failed.state, sent.state) == ("failed", "sent")
    assert failed.error is not None and "no_such_table" in failed.error
    clock.advance(timedelta(hours=1))
    assert await sender.drain() == 0


async def test_a_look_that_keeps_failing_gives_up_after_the_attempts(
    emulator: Emulator,
    bot: Bot,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """'database is locked' on every look at one message: it goes back to the queue with a
    backoff, each time counted, and after MAX_ATTEMPTS it fails (before, it was put back for
    ever, never counted, and held the chat's next message behind it)."""
    await add_users(session, [11])
    first = await enqueue(session, chat_id=11, text="第一条", urgent=True, now=clock.now)
    await enqueue(session, chat_id=11, text="第二条", urgent=True, now=clock.now)
    await session.commit()
    real = outbox.still_to_send

    async def locked(session: AsyncSession, *, delivery_id: int, **kw: object) -> bool:
        if delivery_id == first.id:
            raise OperationalError("UPDATE deliveries", {}, Exception("database is locked"))
        return await real(session, delivery_id=delivery_id, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(outbox, "still_to_send", locked)
    sender = Sender(bot=bot, sessionmaker=sessionmaker, clock=clock, worker="A")
    rounds = 0
    while rounds < MAX_ATTEMPTS + 3 and (await _rows(session))[0].state != "failed":
        await sender.drain()
        clock.advance(timedelta(minutes=10))
        rounds += 1
    failed, sent = await _rows(session)
    assert (failed.state, failed.attempts) == ("failed", MAX_ATTEMPTS)
    assert failed.error is not None and "database is locked" in failed.error
    assert sent.state == "sent"
    assert bot_texts(emulator) == ["第二条"]
