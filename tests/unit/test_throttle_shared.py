"""With Redis, a user's flood limit is shared by every bot process: two processes do not let
through twice the burst."""

from __future__ import annotations

import uuid
from types import SimpleNamespace
from typing import Any

import pytest
from redis.asyncio import Redis

from bot.middlewares import ThrottleMiddleware

pytestmark = pytest.mark.redis


async def _handled(middleware: ThrottleMiddleware, user: int) -> bool:
    seen: list[int] = []

    async def handler(event: Any, data: dict[str, Any]) -> None:
        seen.append(user)

    data = {"event_from_user": SimpleNamespace(id=user), "t": None}
    await middleware(handler, SimpleNamespace(), data)  # type: ignore[arg-type]
    return bool(seen)


async def test_two_processes_share_one_bucket_per_user(redis_url: str) -> None:
    prefix = f"linli-test-{uuid.uuid4().hex[:8]}:throttle"
    clients = [Redis.from_url(redis_url), Redis.from_url(redis_url)]
    # a burst of 3, refilled far too slowly to matter during the test
    a, b = (ThrottleMiddleware(rate=0.001, burst=3, redis=r, prefix=prefix) for r in clients)
    try:
        results = [await _handled(m, 42) for m in (a, b, a, b, a, b)]
        assert results == [True, True, True, False, False, False]
        assert await _handled(b, 43)  # another user has a bucket of their own
        assert 0 < await clients[0].pttl(f"{prefix}:42") <= 3_001_000  # idle buckets go
    finally:
        await clients[0].delete(f"{prefix}:42", f"{prefix}:43")
        for client in clients:
            await client.aclose()


async def test_with_redis_away_each_process_counts_alone() -> None:
    from redis.asyncio.retry import Retry
    from redis.backoff import NoBackoff

    down = Redis.from_url("redis://127.0.0.1:1/0", retry=Retry(NoBackoff(), 0))
    middleware = ThrottleMiddleware(rate=0.001, burst=2, redis=down, prefix="x")
    try:
        assert [await _handled(middleware, 7) for _ in range(3)] == [True, True, False]
    finally:
        await down.aclose()
