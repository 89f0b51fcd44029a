"""The outbox sender while the database is away: recording an outcome that fails (a message
sent, a refusal) is done again once the database is back, so a message that went is recorded
sent and never goes twice, and neither the chat's other messages nor the sender's loop stop."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from aiogram import Bot
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.scheduling import Delivery
from sandbox.emulator import Emulator
from scheduler.sender import RECORD_PATIENCE_S, Sender
from services import delivery as outbox
from services.delivery import enqueue
from tests.scheduler.conftest import add_users, bot_texts
from tests.support import FakeClock


def _away() -> OperationalError:
    """What a statement meets while the database is away (a dropped connection)."""
    return OperationalError("UPDATE deliveries", {}, Exception("connection was closed"))


class Waits:
    """The sender's sleep between tries to record: noted, not waited."""

    def __init__(self) -> None:
        self.seconds: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.seconds.append(seconds)
        await asyncio.sleep(0)


async def _states(session: AsyncSession) -> list[str]:
    rows = await session.exec(
        select(Delivery.state).order_by(col(Delivery.id)).execution_options(populate_existing=True)
    )
    return list(rows.all())


def _failing(monkeypatch: pytest.MonkeyPatch, name: str, errors: list[BaseException]) -> list[int]:
    """`outbox.<name>` raises these errors, one a call, then works; returns the calls made."""
    real = getattr(outbox, name)
    calls: list[int] = []

    async def flaky(*args: object, **kw: object) -> object:
        calls.append(1)
        if errors:
            raise errors.pop(0)
        return await real(*args, **kw)

    monkeypatch.setattr(outbox, name, flaky)
    return calls


@pytest.mark.parametrize(
    "error",
    [_away(), ConnectionRefusedError(111, "Connect call failed")],
    ids=["connection-lost", "connection-refused"],
)
async def test_a_sent_message_whose_record_fails_is_recorded_once_the_database_is_back(
    emulator: Emulator,
    bot: Bot,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
    error: BaseException,
) -> None:
    """Before, the failed record made a message that went 'failed' (a dropped connection), or
    was taken for a network error and put back in the queue to go again (asyncpg's refused
    connect, an OSError): the person got it twice."""
    await add_users(session, [11])
    await enqueue(session, chat_id=11, text="停水通知", urgent=True, now=clock.now)
    await session.commit()
    calls = _failing(monkeypatch, "record_sent", [error])
    waits = Waits()
    sender = Sender(bot=bot, sessionmaker=sessionmaker, clock=clock, worker="A", sleep=waits)
    assert await sender.drain() == 1
    assert (len(calls), waits.seconds) == (2, [0.5])
    assert await _states(session) == ["sent"]
    clock.advance(timedelta(minutes=10))  # past its lease: nothing left to put back
    assert await sender.recover(all_others=False) == 0
    assert await sender.drain() == 0
    assert bot_texts(emulator) == ["停水通知"]


async def test_a_refusal_recorded_once_the_database_is_back_and_the_chat_goes_on(
    emulator: Emulator,
    bot: Bot,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Telegram refuses the first message (400) while the database is away: before, the
    failed record ended the chat's task with an exception (the next message stayed claimed);
    now the refusal is recorded when the database is back and the next message goes."""
    await add_users(session, [11])
    await enqueue(session, chat_id=11, text="第一条", urgent=True, now=clock.now)
    await enqueue(session, chat_id=11, text="第二条", urgent=True, now=clock.now)
    await session.commit()
    emulator.add_fault(method="sendMessage", error_code=400, description="Bad Request: oops")
    _failing(monkeypatch, "record_failed", [_away(), _away()])
    waits = Waits()
    sender = Sender(bot=bot, sessionmaker=sessionmaker, clock=clock, worker="A", sleep=waits)
    assert await sender.drain() == 2
    assert waits.seconds == [0.5, 1.0]
    assert await _states(session) == ["failed", "sent"]
    assert bot_texts(emulator) == ["第二条"]


async def test_a_database_away_for_long_leaves_the_chat_to_the_lease(
    emulator: Emulator,
    bot: Bot,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The database stays away past RECORD_PATIENCE_S: the sender stops trying to record the
    refusal, leaves the chat's messages claimed and goes on; the lease sweep puts them back once
    the database is back, and they go (the refused one is tried again, and the next one goes
    once)."""
    await add_users(session, [11])
    await enqueue(session, chat_id=11, text="第一条", urgent=True, now=clock.now)
    await enqueue(session, chat_id=11, text="第二条", urgent=True, now=clock.now)
    await session.commit()
    emulator.add_fault(method="sendMessage", error_code=400, description="Bad Request: oops")
    errors: list[BaseException] = [_away() for _ in range(50)]
    _failing(monkeypatch, "record_failed", errors)
    waits = Waits()
    sender = Sender(bot=bot, sessionmaker=sessionmaker, clock=clock, worker="A", sleep=waits)
    assert await sender.drain() == 2
    assert RECORD_PATIENCE_S <= sum(waits.seconds) < RECORD_PATIENCE_S + 30
    assert await _states(session) == ["sending", "sending"]
    assert bot_texts(emulator) == []
    errors.clear()  # the database is back
    clock.advance(timedelta(minutes=6))
    assert await sender.recover(all_others=False) == 2
    assert await sender.drain() == 2
    assert await _states(session) == ["sent", "sent"]
    assert bot_texts(emulator) == ["第一条", "第二条"]


async def test_the_sender_loop_backs_off_while_the_database_is_away_and_goes_on(
    emulator: Emulator,
    bot: Bot,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`run()`: claiming fails three times, then recording a message sent fails once. The loop
    waits longer after each failed claim, claims again once the database is back, and the
    message is recorded sent and goes once; a message queued afterwards goes too."""
    await add_users(session, [11])
    await enqueue(session, chat_id=11, text="第一条", urgent=True, now=clock.now)
    await session.commit()
    claims = _failing(monkeypatch, "claim_deliveries", [_away(), _away(), _away()])
    _failing(monkeypatch, "record_sent", [_away()])
    sent = asyncio.Event()
    sender = Sender(
        bot=bot,
        sessionmaker=sessionmaker,
        clock=clock,
        worker="A",
        idle_interval=0.001,
        sleep=Waits(),
    )
    real_record = outbox.record_sent  # the flaky one: note each message recorded sent

    async def noted(*args: object, **kw: object) -> object:
        matter = await real_record(*args, **kw)  # type: ignore[arg-type]
        sent.set()
        return matter

    monkeypatch.setattr(outbox, "record_sent", noted)
    stop = asyncio.Event()
    loop = asyncio.create_task(sender.run(stop))
    await asyncio.wait_for(sent.wait(), timeout=30)
    assert len(claims) >= 4
    sent.clear()
    await enqueue(session, chat_id=11, text="第二条", urgent=True, now=clock.now)
    await session.commit()
    sender.wake()
    await asyncio.wait_for(sent.wait(), timeout=30)
    stop.set()
    await asyncio.wait_for(loop, timeout=30)
    assert await _states(session) == ["sent", "sent"]
    assert bot_texts(emulator) == ["第一条", "第二条"]
