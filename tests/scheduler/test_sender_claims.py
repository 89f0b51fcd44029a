"""Two ways one sender drains the outbox — its background loop (`run`) and `drain()` (tests, the
CLI) — share what it holds: while one is writing to a chat, the other takes none of that chat's
messages (its order holds), and the process's own lease sweep leaves the messages on their way
however far an injected clock has moved. Before, `drain()` claimed the next message of a chat
`run` was still writing to and sent it first, and a sweep after a clock jump of 5 minutes put
the message on its way back in the queue, so it went twice."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import timedelta
from typing import Any

import pytest
from aiogram import Bot
from aiogram.methods import SendMessage, TelegramMethod
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.app import make_bot
from bot.settings import Settings
from sandbox.emulator import SANDBOX_TOKEN, Emulator
from scheduler.sender import Sender
from services.delivery import enqueue
from tests.scheduler.conftest import add_users
from tests.support import FakeClock

CHAT = 11


class SlowFirstSend:
    """A network where the first sendMessage hangs until `go` is set (a slow call)."""

    def __init__(self) -> None:
        self.started = asyncio.Event()
        self.go = asyncio.Event()
        self.calls = 0

    async def __call__(
        self,
        make_request: Callable[[Bot, TelegramMethod[Any]], Awaitable[Any]],
        bot: Bot,
        method: TelegramMethod[Any],
    ) -> Any:
        if isinstance(method, SendMessage):
            self.calls += 1
            if self.calls == 1:
                self.started.set()
                await self.go.wait()
        return await make_request(bot, method)


@pytest.fixture
async def emulator() -> AsyncIterator[Emulator]:
    emu = Emulator(limits=False)
    await emu.start()
    try:
        yield emu
    finally:
        await emu.stop()


@pytest.fixture
async def slow() -> SlowFirstSend:
    return SlowFirstSend()


@pytest.fixture
async def sender(
    emulator: Emulator,
    sessionmaker: async_sessionmaker[AsyncSession],
    clock: FakeClock,
    slow: SlowFirstSend,
) -> AsyncIterator[Sender]:
    bot = make_bot(Settings(bot_token=SANDBOX_TOKEN, bot_api_base=emulator.base_url))
    bot.session.middleware(slow)
    try:
        yield Sender(bot=bot, sessionmaker=sessionmaker, clock=clock, worker="test")
    finally:
        await bot.session.close()


async def _two_for_one_chat(session: AsyncSession, emulator: Emulator, clock: FakeClock) -> None:
    emulator.add_user(id=CHAT, first_name="Li")
    await add_users(session, [CHAT])
    for text in ("第一条", "第二条"):
        await enqueue(session, chat_id=CHAT, text=text, urgent=True, now=clock.now)
    await session.commit()


def _texts(emulator: Emulator) -> list[str]:
    return [m.msg["text"] for m in emulator.chats[CHAT].messages if m.by_bot]


async def test_a_chat_being_written_to_is_not_claimed_again(
    emulator: Emulator,
    sender: Sender,
    session: AsyncSession,
    clock: FakeClock,
    slow: SlowFirstSend,
) -> None:
    await _two_for_one_chat(session, emulator, clock)
    sender.batch = 1  # the background loop takes the first message only
    stop = asyncio.Event()
    loop = asyncio.create_task(sender.run(stop))
    await slow.started.wait()  # 第一条 is on its way
    assert await sender.drain_once() == 0  # 第二条 waits for its chat
    slow.go.set()
    stop.set()
    await loop  # 第一条 recorded
    await sender.drain()
    assert _texts(emulator) == ["第一条", "第二条"]


async def test_the_sweep_leaves_a_message_on_its_way(
    emulator: Emulator,
    sender: Sender,
    session: AsyncSession,
    clock: FakeClock,
    slow: SlowFirstSend,
) -> None:
    await _two_for_one_chat(session, emulator, clock)
    first = asyncio.create_task(sender.drain())
    await slow.started.wait()
    clock.advance(timedelta(minutes=10))  # past its five-minute lease
    assert await sender.recover(all_others=False) == 0
    slow.go.set()
    await first
    await sender.drain()
    assert _texts(emulator) == ["第一条", "第二条"]
