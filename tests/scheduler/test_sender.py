"""The sender against the sandbox emulator: ids recorded, 403/429/5xx handled, long texts split."""

from __future__ import annotations

import asyncio
import io
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from aiogram import Bot
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.app import make_bot
from bot.settings import Settings
from models.scheduling import Delivery, DeliveryState
from models.users import User
from sandbox.emulator import SANDBOX_TOKEN, Emulator
from scheduler.limits import RateLimiter
from scheduler.sender import Sender, backoff
from services.delivery import enqueue, inline_keyboard
from tests.scheduler.conftest import add_users
from tests.support import FakeClock


@pytest.fixture
async def emulator() -> AsyncIterator[Emulator]:
    """An emulator without flood limits (the limits test starts its own)."""
    emu = Emulator(limits=False)
    await emu.start()
    try:
        yield emu
    finally:
        await emu.stop()


async def _bot(emu: Emulator) -> Bot:
    return make_bot(Settings(bot_token=SANDBOX_TOKEN, bot_api_base=emu.base_url))


def _bot_messages(emu: Emulator, chat_id: int) -> list[dict]:
    return [m.msg for m in emu.chats[chat_id].messages if m.by_bot]


async def _all(session: AsyncSession) -> list[Delivery]:
    rows = await session.exec(
        select(Delivery).order_by(col(Delivery.id)).execution_options(populate_existing=True)
    )
    return list(rows.all())


@pytest.fixture
async def sender(
    emulator: Emulator, sessionmaker: async_sessionmaker[AsyncSession], clock: FakeClock
) -> AsyncIterator[Sender]:
    """A sender on the test database, talking to the emulator, with the fake clock."""
    bot = await _bot(emulator)
    try:
        yield Sender(bot=bot, sessionmaker=sessionmaker, clock=clock, worker="test")
    finally:
        await bot.session.close()


async def test_sends_and_records_message_ids(
    emulator: Emulator, sender: Sender, session: AsyncSession, clock: FakeClock
) -> None:
    emulator.add_user(id=11, first_name="Li")
    await add_users(session, [11])
    keyboard = inline_keyboard([[("Open", "x:1")]])
    await enqueue(
        session,
        chat_id=11,
        text="<b>停水通知</b>",
        reply_markup=keyboard,
        urgent=True,
        now=clock.now,
    )
    await session.commit()
    assert await sender.drain() == 1
    [msg] = _bot_messages(emulator, 11)
    assert msg["text"] == "停水通知"
    [row] = await _all(session)
    assert row.state == DeliveryState.SENT
    assert row.message_id_list == [msg["message_id"]]
    assert emulator.chats[11].messages[-1].markup == keyboard


async def test_not_before_is_respected_by_the_clock(
    emulator: Emulator, sender: Sender, session: AsyncSession, clock: FakeClock
) -> None:
    emulator.add_user(id=11, first_name="Li")
    await add_users(session, [11])
    await enqueue(
        session, chat_id=11, text="later", not_before=clock.now + timedelta(hours=1), now=clock.now
    )
    await session.commit()
    assert await sender.drain() == 0
    clock.advance(timedelta(hours=1))
    assert await sender.drain() == 1
    assert [m["text"] for m in _bot_messages(emulator, 11)] == ["later"]


async def test_blocked_user_is_marked_and_not_written_to_again(
    emulator: Emulator, sender: Sender, session: AsyncSession, clock: FakeClock
) -> None:
    emulator.add_user(id=11, first_name="Li")
    emulator.add_user(id=12, first_name="Wang")
    emulator.set_blocked(11, True)
    await add_users(session, [11, 12])
    for uid in (11, 11, 12):
        await enqueue(session, chat_id=uid, text="hello", urgent=True, now=clock.now)
    await session.commit()
    await sender.drain()
    rows = await _all(session)
    assert [r.state for r in rows] == [
        DeliveryState.BLOCKED,
        DeliveryState.BLOCKED,
        DeliveryState.SENT,
    ]
    user = await session.get(User, 11, populate_existing=True)
    assert user is not None and user.blocked_bot
    calls_to_11 = [c for c in emulator.calls if str(c.get("params", {}).get("chat_id")) == "11"]
    assert len(calls_to_11) <= 1  # the second message was never attempted
    later = await enqueue(session, chat_id=11, text="again", now=clock.now)
    assert later.state == DeliveryState.BLOCKED


async def test_429_pauses_and_the_message_still_goes_once(
    emulator: Emulator, sender: Sender, session: AsyncSession, clock: FakeClock
) -> None:
    emulator.add_user(id=11, first_name="Li")
    await add_users(session, [11])
    emulator.add_fault(
        method="sendMessage", error_code=429, description="Too Many Requests: retry after 1"
    )
    await enqueue(session, chat_id=11, text="hi", urgent=True, now=clock.now)
    await session.commit()
    await sender.drain()
    assert sender.limiter.paused_until > 0
    assert [m["text"] for m in _bot_messages(emulator, 11)] == ["hi"]
    [row] = await _all(session)
    assert row.state == DeliveryState.SENT


async def test_server_error_is_retried_with_backoff(
    emulator: Emulator, sender: Sender, session: AsyncSession, clock: FakeClock
) -> None:
    emulator.add_user(id=11, first_name="Li")
    await add_users(session, [11])
    emulator.add_fault(
        method="sendMessage", error_code=500, description="Internal Server Error", count=2
    )
    await enqueue(session, chat_id=11, text="hi", urgent=True, now=clock.now)
    await session.commit()
    await sender.drain()
    [row] = await _all(session)
    assert row.state == DeliveryState.PENDING and row.not_before == clock.now + backoff(1)
    clock.advance(backoff(1))
    await sender.drain()
    [row] = await _all(session)
    assert row.state == DeliveryState.PENDING and row.attempts == 2
    clock.advance(backoff(2))
    await sender.drain()
    [row] = await _all(session)
    assert row.state == DeliveryState.SENT and row.attempts == 3
    assert len(_bot_messages(emulator, 11)) == 1


async def test_long_text_is_split_never_refused(
    emulator: Emulator, sender: Sender, session: AsyncSession, clock: FakeClock
) -> None:
    emulator.add_user(id=11, first_name="Li")
    await add_users(session, [11])
    text = "\n".join(f"<b>第{i}项</b> 社区公告内容，请大家相互转告。" for i in range(600))
    await enqueue(session, chat_id=11, text=text, urgent=True, now=clock.now)
    await session.commit()
    await sender.drain()
    messages = _bot_messages(emulator, 11)
    assert len(messages) >= 3
    assert all(len(m["text"]) <= 4096 for m in messages)
    [row] = await _all(session)
    assert row.state == DeliveryState.SENT
    assert row.message_id_list == [m["message_id"] for m in messages]
    assert not list(emulator.errors)


def _png() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(buf, format="PNG")
    return buf.getvalue()


async def test_photo_with_caption(
    emulator: Emulator, sender: Sender, session: AsyncSession, clock: FakeClock
) -> None:
    emulator.add_user(id=11, first_name="Li")
    await add_users(session, [11])
    await enqueue(session, chat_id=11, text="现场照片", photo=_png(), urgent=True, now=clock.now)
    await session.commit()
    await sender.drain()
    [msg] = _bot_messages(emulator, 11)
    assert msg["caption"] == "现场照片" and msg["photo"]


async def test_within_telegram_limits_no_429(
    sessionmaker: async_sessionmaker[AsyncSession], session: AsyncSession
) -> None:
    emu = Emulator(limits=True)
    await emu.start()
    bot = await _bot(emu)
    try:
        ids = list(range(1001, 1041))
        for uid in ids:
            emu.add_user(id=uid, first_name=f"U{uid}")
        emu.add_group(id=-100500, title="楼栋群", type="supergroup")
        await add_users(session, ids)
        for uid in ids:
            await enqueue(session, chat_id=uid, text=f"hello {uid}", urgent=True)
        for i in range(5):  # five to one person: a burst of three, then about one a second
            await enqueue(session, chat_id=ids[0], text=f"more {i}", urgent=True)
        for i in range(3):
            await enqueue(session, chat_id=-100500, text=f"group {i}", urgent=True)
        await session.commit()
        sender = Sender(bot=bot, sessionmaker=sessionmaker, limiter=RateLimiter(), worker="lim")
        await sender.drain()
        assert not [c for c in emu.errors], list(emu.errors)[:3]
        rows = await _all(session)
        assert all(r.state == DeliveryState.SENT for r in rows)
        texts = [m["text"] for m in _bot_messages(emu, ids[0])]
        assert texts == [f"hello {ids[0]}", *(f"more {i}" for i in range(5))]  # in order
    finally:
        await bot.session.close()
        await emu.stop()


async def test_a_retry_that_would_go_at_night_waits_for_the_morning(
    emulator: Emulator, sender: Sender, session: AsyncSession, clock: FakeClock
) -> None:
    emulator.add_user(id=11, first_name="Li")
    emulator.add_user(id=12, first_name="Wang")
    await add_users(session, [11, 12])
    clock.set(datetime(2026, 11, 23, 13, 59, tzinfo=UTC))  # 21:59 in Shanghai: not quiet yet
    await enqueue(session, chat_id=11, text="通知", now=clock.now)
    await enqueue(session, chat_id=12, text="紧急通知", urgent=True, now=clock.now)
    await session.commit()
    emulator.add_fault(
        method="sendMessage", error_code=500, description="Internal Server Error", count=2
    )
    # a backlog: both are sent at 22:04:58, fail, and their backoff lands at 22:05:00
    clock.set(datetime(2026, 11, 23, 14, 4, 58, tzinfo=UTC))
    await sender.drain()
    retry_at = clock.now + backoff(1)
    morning = datetime(2026, 11, 23, 23, 0, tzinfo=UTC)  # 07:00 in Shanghai
    ordinary, urgent = await _all(session)
    assert (ordinary.state, ordinary.not_before) == (DeliveryState.PENDING, morning)
    assert ordinary.held_from == retry_at
    assert (urgent.not_before, urgent.held_from) == (retry_at, None)
    clock.set(retry_at)
    await sender.drain()
    assert [m["text"] for m in _bot_messages(emulator, 12)] == ["紧急通知"]
    assert _bot_messages(emulator, 11) == []  # not at night
    clock.set(morning)
    await sender.drain()
    assert [m["text"] for m in _bot_messages(emulator, 11)] == ["通知"]


async def test_drain_waits_for_what_the_running_sender_is_sending(
    emulator: Emulator, sender: Sender, session: AsyncSession, clock: FakeClock
) -> None:
    """The running sender claimed a message and is waiting out a 429 when drain() is called:
    drain returns once it is sent, not while it is still on its way (tests read the chat right
    after drain; one read it too early under load)."""
    emulator.add_user(id=11, first_name="Li")
    await add_users(session, [11])
    emulator.add_fault(
        method="sendMessage", error_code=429, description="Too Many Requests: retry after 1"
    )
    tried = asyncio.Event()
    check = emulator._check_fault

    def seen(name: str) -> None:
        if name.lower() == "sendmessage":
            tried.set()
        check(name)

    emulator._check_fault = seen  # type: ignore[method-assign]
    await enqueue(session, chat_id=11, text="hi", urgent=True, now=clock.now)
    await session.commit()
    stop = asyncio.Event()
    running = asyncio.create_task(sender.run(stop))
    try:
        await asyncio.wait_for(tried.wait(), 10)  # the running sender's first try: a 429
        await sender.drain()
        assert [m["text"] for m in _bot_messages(emulator, 11)] == ["hi"]
    finally:
        stop.set()
        sender.wake()
        await running


async def test_a_wake_while_claiming_is_not_lost(
    emulator: Emulator,
    sessionmaker: async_sessionmaker[AsyncSession],
    session: AsyncSession,
    clock: FakeClock,
) -> None:
    """A handler commits (and wakes the sender) just after the sender's claim has looked and
    found nothing: the sender looks again at once, not at its next interval (an hour here)."""
    emulator.add_user(id=11, first_name="Li")
    await add_users(session, [11])
    bot = await _bot(emulator)
    sender = Sender(
        bot=bot, sessionmaker=sessionmaker, clock=clock, worker="test", idle_interval=3600
    )
    claim = sender._claim
    looks = 0

    async def claim_then_commit(*, now: datetime, limit: int) -> list:
        nonlocal looks
        looks += 1
        found = await claim(now=now, limit=limit)
        if looks == 1:  # the first look found nothing; the handler's commit comes now
            assert found == []
            await enqueue(session, chat_id=11, text="hi", urgent=True, now=clock.now)
            await session.commit()
            sender.wake()
        return found

    sender._claim = claim_then_commit  # type: ignore[method-assign]
    stop = asyncio.Event()
    running = asyncio.create_task(sender.run(stop))
    try:
        written = await emulator.wait_chat(11, 0, 10)
        assert [m["text"] for m in written] == ["hi"]
    finally:
        stop.set()
        await running
        await bot.session.close()


async def test_a_message_that_never_goes_is_followed_up(
    emulator: Emulator,
    sender: Sender,
    session: AsyncSession,
    clock: FakeClock,
) -> None:
    """A message refused for good (400) and one to a chat that blocked the bot are handed to
    `on_undelivered` once recorded (a poll's staff cards count its announcement undelivered:
    scheduler.service); one that went is not."""
    for uid in (11, 12, 13):
        emulator.add_user(id=uid, first_name=f"U{uid}")
    emulator.set_blocked(12, True)
    await add_users(session, [11, 12, 13])
    seen: list[tuple[int, str | None, bool]] = []

    async def undelivered(item: Any, blocked: bool) -> None:
        async with sender.sessionmaker() as own:
            row = await own.get(Delivery, item.id)
            assert row is not None and row.state != DeliveryState.SENDING  # recorded first
        seen.append((item.chat_id, item.matter, blocked))

    sender.on_undelivered = undelivered

    async def announce(uid: int) -> None:
        await enqueue(
            session, chat_id=uid, text="投票", urgent=True, matter="poll:7:open", now=clock.now
        )
        await session.commit()

    emulator.add_fault(method="sendMessage", error_code=400, description="Bad Request: no")
    await announce(11)
    await sender.drain()
    await announce(12)
    await announce(13)
    await sender.drain()
    states = {r.chat_id: r.state for r in await _all(session)}
    assert states == {
        11: DeliveryState.FAILED,
        12: DeliveryState.BLOCKED,
        13: DeliveryState.SENT,
    }, states
    assert seen == [(11, "poll:7:open", False), (12, "poll:7:open", True)], seen
