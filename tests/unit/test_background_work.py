"""Work beside an update (the ledger export) runs once per key across bot processes: two
`BackgroundWork` objects on one Redis stand for two processes, as in production."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from redis.asyncio import Redis

from bot.busy import BackgroundWork

pytestmark = pytest.mark.redis


class _Job:
    """Work that runs until the test lets it finish."""

    def __init__(self) -> None:
        self.started = asyncio.Event()
        self.finish = asyncio.Event()
        self.runs = 0

    async def __call__(self) -> None:
        self.runs += 1
        self.started.set()
        await self.finish.wait()


async def test_a_double_tap_split_across_two_processes_runs_once(redis_url: str) -> None:
    prefix = f"linli-test-{uuid.uuid4().hex[:8]}:busy"
    clients = [Redis.from_url(redis_url), Redis.from_url(redis_url)]
    a, b = (BackgroundWork(r, prefix=prefix) for r in clients)
    job = _Job()
    try:
        assert await a.start("ledger-export:2001:week", job, name="first")
        await job.started.wait()
        # the second tap reached the other process while the first export runs
        assert not await b.start("ledger-export:2001:week", job, name="second")
        assert not await a.start("ledger-export:2001:week", job, name="again here")
        other = _Job()
        other.finish.set()
        assert await b.start("ledger-export:2001:month", other, name="another period")
        job.finish.set()
        await a.wait_idle()
        await b.wait_idle()
        assert (job.runs, other.runs) == (1, 1)
        # once it is done, a new tap in either process produces a new file
        again = _Job()
        again.finish.set()
        assert await b.start("ledger-export:2001:week", again, name="later")
        await b.wait_idle()
        assert again.runs == 1
        assert await clients[0].exists(f"{prefix}:ledger-export:2001:week") == 0
    finally:
        for client in clients:
            await client.aclose()


async def test_only_the_holder_releases_its_lease(redis_url: str) -> None:
    prefix = f"linli-test-{uuid.uuid4().hex[:8]}:busy"
    clients = [Redis.from_url(redis_url), Redis.from_url(redis_url)]
    a, b = (BackgroundWork(r, prefix=prefix) for r in clients)
    first, second = _Job(), _Job()
    key = f"{prefix}:k"
    try:
        assert await a.start("k", first, name="first")
        await first.started.wait()
        await clients[0].delete(key)  # as if a's lease had lapsed (its process hung)
        assert await b.start("k", second, name="second")
        first.finish.set()
        await a.wait_idle()
        assert await clients[0].exists(key) == 1  # a did not free b's lease
        second.finish.set()
        await b.wait_idle()
        assert await clients[0].exists(key) == 0
    finally:
        for client in clients:
            await client.aclose()


async def test_without_redis_or_with_redis_away_each_process_guards_its_own() -> None:
    from redis.asyncio.retry import Retry
    from redis.backoff import NoBackoff

    down = Redis.from_url("redis://127.0.0.1:1/0", retry=Retry(NoBackoff(), 0))
    try:
        for work in (BackgroundWork(), BackgroundWork(down, prefix="x")):
            job = _Job()
            assert await work.start("k", job, name="first")
            await job.started.wait()
            assert work.busy("k")
            assert not await work.start("k", job, name="second")
            job.finish.set()
            await work.wait_idle()
            assert job.runs == 1 and not work.busy("k")
    finally:
        await down.aclose()
