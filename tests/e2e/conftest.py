"""The e2e harness: the real bot polling the sandbox emulator, demo data, a driver, a clock.

Every flow test takes `linli_sandbox` and acts as users through the driver API. After each test
the emulator's error log must be empty: a Bot API error the test did not cause on purpose fails it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import pytest

from bot.sandbox_runner import Sandbox, start_sandbox
from sandbox.driver import Driver
from tests.support import FakeClock, SettledDriver


@dataclass
class Harness:
    """What a flow test works with."""

    sandbox: Sandbox
    driver: Driver
    clock: FakeClock

    @property
    def sessionmaker(self) -> Any:
        """Sessions on the bot's database, for checking what was stored."""
        return self.sandbox.app.sessionmaker


# Tests tap faster than any person; the per-user throttle has its own test (marked
# `@pytest.mark.sandbox_settings(throttle_rate=3, throttle_burst=8)` to get production values).
# The nightly triage retraining is off: a test moving the clock past 03:30 would start minutes of
# training beside it (tests/triage/test_jobs.py and the scheduler's tests run it on purpose).
TEST_SETTINGS: dict[str, Any] = {
    "throttle_rate": 100.0,
    "throttle_burst": 100,
    "triage_retrain_rule": "",
}


async def _start(
    database_url: str,
    clock: FakeClock,
    *,
    seed: bool = True,
    settled: bool = True,
    **settings: Any,
) -> tuple[Sandbox, Driver]:
    sandbox = await start_sandbox(
        database_url=database_url,
        clock=clock,
        limits=False,
        seed=seed,
        **{**TEST_SETTINGS, **settings},
    )
    # users act once the bot is done with the step before, as people do; a test marked
    # `unsettled` (users acting at once on purpose) drives it bare
    driver = SettledDriver(sandbox.base_url, sandbox.app) if settled else Driver(sandbox.base_url)
    await driver.wait_bot_ready()
    return sandbox, driver


@pytest.fixture
async def linli_sandbox(
    demo_sqlite_url: str, request: pytest.FixtureRequest
) -> AsyncIterator[Harness]:
    """A fresh sandbox (SQLite, the test's own copy of the migrated demo database); fails the
    test if the bot caused API errors."""
    clock = FakeClock()
    marker = request.node.get_closest_marker("sandbox_settings")
    settings = dict(marker.kwargs) if marker else {}
    settled = request.node.get_closest_marker("unsettled") is None
    sandbox, driver = await _start(demo_sqlite_url, clock, seed=False, settled=settled, **settings)
    harness = Harness(sandbox=sandbox, driver=driver, clock=clock)
    try:
        yield harness
        errors = await driver.errors()
        allowed = getattr(request.node, "allowed_api_errors", ())
        unexpected = [e for e in errors if not any(a in str(e) for a in allowed)]
        assert not unexpected, f"the bot caused Bot API errors: {unexpected}"
    finally:
        await driver.close()
        await sandbox.stop()
        _restore_default_catalogue()


def _restore_default_catalogue() -> None:
    """An admin may have edited the catalogue in a test; the next test starts from the default."""
    from services.order_common import use_catalogue
    from services.triage import load_catalogue

    use_catalogue(load_catalogue())


@pytest.fixture
async def linli_sandbox_pg(
    migrated_pg_url: str, request: pytest.FixtureRequest
) -> AsyncIterator[Harness]:
    """The same sandbox on a fresh PostgreSQL database (migrated by the test harness), the demo
    data seeded at start as `linli sandbox` seeds it."""
    clock = FakeClock()
    settled = request.node.get_closest_marker("unsettled") is None
    sandbox, driver = await _start(migrated_pg_url, clock, settled=settled)
    try:
        yield Harness(sandbox=sandbox, driver=driver, clock=clock)
        assert not await driver.errors(), "the bot caused Bot API errors"
    finally:
        await driver.close()
        await sandbox.stop()
