"""The sender's last look before sending a notice (any it claimed), and its record that the
notice went, are single statements: on PostgreSQL they run on an autocommitting connection (one
round trip each instead of BEGIN, the statement, COMMIT/ROLLBACK), and they still do their job —
a notice cancelled before its turn is not sent, one sent is recorded with its message id."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.app import make_bot
from bot.settings import Settings
from models.scheduling import Delivery, DeliveryState
from sandbox.emulator import SANDBOX_TOKEN, Emulator
from scheduler.sender import Sender
from services.delivery import cancel_stale, enqueue, rewrite_unsent
from tests.scheduler.conftest import add_users
from tests.support import FakeClock


@pytest.fixture
async def emulator() -> AsyncIterator[Emulator]:
    emu = Emulator(limits=False)
    await emu.start()
    try:
        yield emu
    finally:
        await emu.stop()


@pytest.fixture
async def sender(
    emulator: Emulator, sessionmaker: async_sessionmaker[AsyncSession], clock: FakeClock
) -> AsyncIterator[Sender]:
    bot = make_bot(Settings(bot_token=SANDBOX_TOKEN, bot_api_base=emulator.base_url))
    try:
        yield Sender(bot=bot, sessionmaker=sessionmaker, clock=clock, worker="test")
    finally:
        await bot.session.close()


def _autocommit_of_statements(session: AsyncSession) -> list[tuple[str, bool]]:
    """(statement, whether its connection autocommitted) for every statement from now on."""
    seen: list[tuple[str, bool]] = []

    def note(conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        dbapi = conn.connection.dbapi_connection
        seen.append((statement, bool(getattr(dbapi, "autocommit", False))))

    event.listen(session.bind.sync_engine, "before_cursor_execute", note)  # type: ignore[union-attr]
    return seen


async def test_each_notice_is_looked_at_and_recorded_in_one_statement_each(
    emulator: Emulator, sender: Sender, session: AsyncSession, clock: FakeClock
) -> None:
    """A notice about a matter and a plain one (a broadcast's, an announcement) alike: any
    claimed delivery can be cancelled or rewritten before its turn."""
    emulator.add_user(id=11, first_name="Li")
    emulator.add_user(id=12, first_name="Wang")
    await add_users(session, [11, 12])
    await enqueue(session, chat_id=11, text="新诉求", urgent=True, now=clock.now, matter="m:1")
    await enqueue(session, chat_id=12, text="停水通知", urgent=True, now=clock.now)
    await session.commit()
    seen = _autocommit_of_statements(session)
    assert await sender.drain() == 2
    look = [auto for sql, auto in seen if "SET state=deliveries.state" in sql]
    sent = [auto for sql, auto in seen if "message_ids=" in sql and sql.startswith("UPDATE")]
    assert len(look) == 2 and len(sent) == 2
    on_postgres = session.bind.dialect.name == "postgresql"  # type: ignore[union-attr]
    assert look == [on_postgres] * 2 and sent == [on_postgres] * 2
    rows = (await session.exec(select(Delivery).execution_options(populate_existing=True))).all()
    assert [r.state for r in rows] == [DeliveryState.SENT] * 2
    assert all(r.message_id_list for r in rows)


async def test_a_notice_cancelled_before_its_turn_is_not_sent(
    emulator: Emulator, sender: Sender, session: AsyncSession, clock: FakeClock
) -> None:
    emulator.add_user(id=11, first_name="Li")
    await add_users(session, [11])
    await enqueue(session, chat_id=11, text="新诉求", urgent=True, now=clock.now, matter="m:2")
    await session.commit()
    [claimed] = await sender_claim(sender, clock)
    await cancel_stale(session, matter="m:2")
    await session.commit()
    assert await sender._still_to_send(claimed) is False
    row = (
        await session.exec(
            select(Delivery)
            .where(col(Delivery.id) == claimed.id)
            .execution_options(populate_existing=True)
        )
    ).one()
    assert row.state == DeliveryState.CANCELLED


async def test_the_look_waits_for_a_rewrite_being_committed(
    emulator: Emulator,
    sender: Sender,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    clock: FakeClock,
) -> None:
    """A plain notice (no matter) claimed, and rewritten by a change not committed yet when
    the sender's turn comes: the look waits for the change and sees the row cancelled, so
    only the rewritten copy goes. A read would have seen the row as it was."""
    emulator.add_user(id=11, first_name="Li")
    await add_users(session, [11])
    await enqueue(session, chat_id=11, text="张大爷提议：电梯噪音", urgent=True, now=clock.now)
    await session.commit()
    [claimed] = await sender_claim(sender, clock)
    async with sessionmaker() as change:
        changed = await rewrite_unsent(
            change,
            where=[col(Delivery.id) == claimed.id],
            rewrite=lambda text: text.replace("张大爷", "一位居民"),
        )
        assert changed == 1
        await change.flush()
        look = asyncio.create_task(sender._still_to_send(claimed))
        done, _ = await asyncio.wait({look}, timeout=1.0)
        assert not done  # it waits for the change
        await change.commit()
    assert await look is False
    assert await sender.drain() == 1
    sent = [m.msg.get("text") for m in emulator.chats[11].messages if m.by_bot]
    assert sent == ["一位居民提议：电梯噪音"]


async def sender_claim(sender: Sender, clock: FakeClock) -> list[Any]:
    from services.delivery import claim_deliveries

    async with sender.sessionmaker() as session:
        return await claim_deliveries(session, worker="test", now=clock.now, limit=10)
