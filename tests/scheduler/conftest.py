"""Fixtures for scheduler tests: a job runner on the test database, an injected clock, kinds,
an emulated Telegram with the real bot client talking to it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from aiogram import Bot
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.app import make_bot
from bot.i18n import Translator
from bot.settings import Settings
from models.users import Role, User
from sandbox.emulator import SANDBOX_TOKEN, Emulator
from scheduler.runner import JobRunner
from services.jobs import JobContext, job_kind
from tests.support import FakeClock

CALLS: list[tuple[str, Any]] = []


@job_kind("test.remind", too_late=timedelta(hours=1), retry_after=timedelta(minutes=1))
async def remind(ctx: JobContext, payload: dict[str, Any]) -> None:
    """A reminder: one message to the user named in the payload."""
    CALLS.append(("test.remind", payload))
    await ctx.notify(chat_id=payload["user_id"], text=payload.get("text", "reminder"), urgent=True)


@job_kind("test.flaky", too_late=timedelta(days=1), max_attempts=3)
async def flaky(ctx: JobContext, payload: dict[str, Any]) -> None:
    """Fails until told otherwise."""
    CALLS.append(("test.flaky", payload))
    raise RuntimeError("not today")


@pytest.fixture(autouse=True)
def _reset_calls() -> None:
    CALLS.clear()


@pytest.fixture
def clock() -> FakeClock:
    """Monday 2026-11-23 10:00 in Shanghai (02:00 UTC)."""
    return FakeClock(datetime(2026, 11, 23, 2, 0, tzinfo=UTC))


@pytest.fixture(scope="session")
def translator() -> Translator:
    """The real texts."""
    return Translator()


@pytest.fixture
def settings() -> Settings:
    """Default settings (Asia/Shanghai)."""
    return Settings(bot_token=None, admin_ids=[900])


@pytest.fixture
def runner(
    sessionmaker: async_sessionmaker[AsyncSession],
    settings: Settings,
    translator: Translator,
    clock: FakeClock,
) -> JobRunner:
    """A job runner on the test database driven by the fake clock."""
    return JobRunner(
        sessionmaker=sessionmaker, settings=settings, texts=translator, clock=clock, worker="w1"
    )


async def add_users(
    session: AsyncSession, ids: list[int], *, community_id: int | None = None, **fields: Any
) -> list[User]:
    """Registered residents with these ids."""
    users = [
        User(
            id=i,
            first_name=f"U{i}",
            roles=Role.RESIDENT.value,
            consent_at=datetime(2026, 1, 1, tzinfo=UTC),
            community_id=community_id,
            **fields,
        )
        for i in ids
    ]
    session.add_all(users)
    await session.commit()
    return users


@pytest.fixture
async def emulator() -> AsyncIterator[Emulator]:
    """An emulator without flood limits; user 11 has started the bot."""
    emu = Emulator(limits=False)
    await emu.start()
    emu.add_user(id=11, first_name="Li")
    try:
        yield emu
    finally:
        await emu.stop()


@pytest.fixture
async def bot(emulator: Emulator) -> AsyncIterator[Bot]:
    """The real bot client, talking to the emulator."""
    client = make_bot(Settings(bot_token=SANDBOX_TOKEN, bot_api_base=emulator.base_url))
    try:
        yield client
    finally:
        await client.session.close()


def bot_texts(emu: Emulator, chat_id: int = 11) -> list[str]:
    """What the bot wrote in a chat, in order (a photo counts as its caption)."""
    return [
        m.msg.get("text", m.msg.get("caption", ""))
        for m in emu.chats[chat_id].messages
        if m.by_bot
    ]
