"""Fixtures for the sandbox emulator tests: a running emulator, a driver and a settable clock."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import aiohttp
import pytest

from sandbox.driver import Driver
from sandbox.emulator import SANDBOX_TOKEN, Emulator


class FakeClock:
    """An injectable clock that only moves when told to."""

    def __init__(self) -> None:
        self.now = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        """Move the clock forward."""
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock() -> FakeClock:
    """A clock tests move by hand."""
    return FakeClock()


@pytest.fixture
async def emulator(clock: FakeClock) -> AsyncIterator[Emulator]:
    """A running emulator (limits off) with two users and a group."""
    emu = Emulator(clock=clock)
    await emu.start()
    emu.add_user(
        id=1001, first_name="Wang", last_name="Fang", username="wangfang", role="resident"
    )
    emu.add_user(id=1002, first_name="Li", role="staff", language_code="en")
    emu.add_group(id=-100500, title="Grid 3", type="supergroup", members=[1001, 1002, 3003])
    yield emu
    await emu.stop()


@pytest.fixture
async def driver(emulator: Emulator) -> AsyncIterator[Driver]:
    """A driver client bound to the emulator."""
    async with Driver(emulator.base_url) as d:
        yield d


class BotApi:
    """A raw Bot API caller (what a bot library does, without one)."""

    def __init__(self, base_url: str, session: aiohttp.ClientSession, token: str) -> None:
        self.base = f"{base_url}/bot{token}"
        self.session = session

    async def __call__(self, method: str, _as: str = "json", **params: Any) -> tuple[int, Any]:
        """Call a method; returns (HTTP status, JSON answer)."""
        url = f"{self.base}/{method}"
        if _as == "json":
            async with self.session.post(url, json=params) as resp:
                return resp.status, await resp.json()
        async with self.session.post(url, data={k: str(v) for k, v in params.items()}) as resp:
            return resp.status, await resp.json()

    async def ok(self, method: str, **params: Any) -> Any:
        """Call a method that must succeed; returns its result."""
        status, data = await self(method, **params)
        assert status == 200 and data["ok"], data
        return data["result"]

    async def err(self, method: str, **params: Any) -> tuple[int, str]:
        """Call a method that must fail; returns (error_code, description)."""
        status, data = await self(method, **params)
        assert not data["ok"], data
        assert status == data["error_code"]
        return data["error_code"], data["description"]


@pytest.fixture
async def api(emulator: Emulator) -> AsyncIterator[BotApi]:
    """A raw Bot API caller for the sandbox token."""
    async with aiohttp.ClientSession() as session:
        yield BotApi(emulator.base_url, session, SANDBOX_TOKEN)
