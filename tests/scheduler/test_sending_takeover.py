"""A delivery goes once even when senders hand it over or the database stumbles: a sender whose
claim ran out and was taken up by another does not send it too, nor record its own outcome over
the other's claim; and a last look before sending that cannot reach the database leaves the
message to be sent later, rather than failing it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from aiogram import Bot
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.scheduling import Delivery
from sandbox.emulator import Emulator
from scheduler.sender import Sender
from services import delivery as outbox
from services.delivery import Claimed, enqueue
from tests.scheduler.conftest import add_users
from tests.support import FakeClock

LEASE = timedelta(minutes=5)


def _texts(emu: Emulator) -> list[str]:
    return [m.msg.get("text", "") for m in emu.chats[11].messages if m.by_bot]


async def _row(session: AsyncSession) -> Delivery:
    return (await session.exec(select(Delivery).execution_options(populate_existing=True))).one()


async def _taken_over(
    sm: async_sessionmaker[AsyncSession], clock: FakeClock, *, by: str
) -> list[Claimed]:
    """The first claim's lease ran out: another sender's sweep puts it back, and it claims it."""
    clock.advance(LEASE + timedelta(seconds=1))
    async with sm() as s:
        assert await outbox.release_stale(s, now=clock.now, worker=by, all_others=False) == 1
        return await outbox.claim_deliveries(s, now=clock.now, limit=5, worker=by, lease=LEASE)


async def test_a_sender_whose_claim_was_taken_over_does_not_send_it_too(
    emulator: Emulator,
    bot: Bot,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    clock: FakeClock,
) -> None:
    await add_users(session, [11])
    await enqueue(session, chat_id=11, text="停水通知", urgent=True, now=clock.now)
    await session.commit()
    a = Sender(bot=bot, sessionmaker=sessionmaker, clock=clock, worker="A")
    b = Sender(bot=bot, sessionmaker=sessionmaker, clock=clock, worker="B")
    async with sessionmaker() as s:
        old = await outbox.claim_deliveries(s, now=clock.now, limit=5, worker="A", lease=LEASE)
    new = await _taken_over(sessionmaker, clock, by="B")
    assert await a._still_to_send(old[0]) is False
    await a._send_chat(old)  # A's turn comes at last (e.g. after a long 429 pause)
    assert _texts(emulator) == []
    row = await _row(session)
    assert (row.state, row.claimed_by) == ("sending", "B")
    await b._send_chat(new)
    assert _texts(emulator) == ["停水通知"]
    assert (await _row(session)).state == "sent"


async def test_a_refusal_seen_by_the_old_sender_leaves_the_new_claim_alone(
    emulator: Emulator,
    bot: Bot,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    clock: FakeClock,
) -> None:
    """A's call was under way when its lease ran out and B took the delivery up; the call comes
    back refused (400): B's claim stands, and B sends it."""
    await add_users(session, [11])
    await enqueue(session, chat_id=11, text="停水通知", urgent=True, now=clock.now)
    await session.commit()
    a = Sender(bot=bot, sessionmaker=sessionmaker, clock=clock, worker="A")
    b = Sender(bot=bot, sessionmaker=sessionmaker, clock=clock, worker="B")
    async with sessionmaker() as s:
        old = await outbox.claim_deliveries(s, now=clock.now, limit=5, worker="A", lease=LEASE)
    look = a._still_to_send
    new: list[Claimed] = []

    async def then_taken_over(item: Claimed) -> bool:
        ok = await look(item)
        new.extend(await _taken_over(sessionmaker, clock, by="B"))
        return ok

    a._still_to_send = then_taken_over  # type: ignore[method-assign]
    emulator.add_fault(method="sendMessage", error_code=400, description="Bad Request: oops")
    await a._send_chat(old)
    row = await _row(session)
    assert (row.state, row.claimed_by) == ("sending", "B")
    await b._send_chat(new)
    assert _texts(emulator) == ["停水通知"]
    assert (await _row(session)).state == "sent"


async def test_a_database_error_in_the_last_look_leaves_the_messages_for_later(
    emulator: Emulator,
    bot: Bot,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """'database is locked' (or a dropped connection) on the look before sending: before, the
    message was marked failed and never went; now it goes on the next round, once, and the
    chat's next message still follows it."""
    await add_users(session, [11])
    await enqueue(session, chat_id=11, text="第一条", urgent=True, now=clock.now)
    await enqueue(session, chat_id=11, text="第二条", urgent=True, now=clock.now)
    await session.commit()
    real = outbox.still_to_send
    failures = [OperationalError("UPDATE deliveries", {}, Exception("database is locked"))]

    async def flaky(session: AsyncSession, **kw: object) -> bool:
        if failures:
            raise failures.pop()
        return await real(session, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(outbox, "still_to_send", flaky)
    sender = Sender(bot=bot, sessionmaker=sessionmaker, clock=clock, worker="A")
    assert await sender.drain() == 2
    assert _texts(emulator) == []
    assert "will retry" in caplog.text
    rows = (
        await session.exec(
            select(Delivery).order_by(col(Delivery.id)).execution_options(populate_existing=True)
        )
    ).all()
    assert [r.state for r in rows] == ["pending", "pending"]
    clock.advance(timedelta(minutes=1))
    assert await sender.drain() == 2
    assert await sender.drain() == 0
    assert _texts(emulator) == ["第一条", "第二条"]
