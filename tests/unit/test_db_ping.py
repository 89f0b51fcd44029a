"""Pooled PostgreSQL connections are pinged only after resting (models.db): a busy bot pays no
ping round trips for connections used a moment ago, and a connection the server dropped while
it rested is replaced before use, so nobody notices a restart."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import exc, text
from sqlalchemy.dialects.postgresql.asyncpg import AsyncAdapt_asyncpg_connection
from sqlalchemy.ext.asyncio import AsyncEngine

from models.db import create_engine

pytestmark = pytest.mark.postgres


@pytest.fixture
def pings(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Counts the pings the real driver connection makes (and still makes them)."""
    seen: list[int] = []
    real = AsyncAdapt_asyncpg_connection.ping

    def counting(self: AsyncAdapt_asyncpg_connection) -> None:
        seen.append(1)
        real(self)

    monkeypatch.setattr(AsyncAdapt_asyncpg_connection, "ping", counting)
    yield seen


async def _select_one(engine: AsyncEngine) -> int:
    async with engine.connect() as conn:
        return int((await conn.execute(text("SELECT 1"))).scalar_one())


async def _drop_every_connection(engine: AsyncEngine) -> None:
    """What a server restart does to the pool's connections: the server ends them."""
    async with engine.connect() as conn:
        await conn.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        )
        await conn.commit()


async def test_a_busy_pool_is_not_pinged(pg_url: str, pings: list[int]) -> None:
    engine = create_engine(pg_url, pool_size=2)
    try:
        for _ in range(20):
            assert await _select_one(engine) == 1
        assert pings == []  # each connection was used a moment before
    finally:
        await engine.dispose()


async def test_a_rested_connection_the_server_dropped_is_replaced(
    pg_url: str, pings: list[int]
) -> None:
    engine = create_engine(pg_url, pool_size=1, ping_after_idle=0)
    other = create_engine(pg_url, pool_size=1)
    try:
        assert await _select_one(engine) == 1  # the pool now holds one connection
        await _drop_every_connection(other)
        assert await _select_one(engine) == 1  # pinged, found gone, replaced: no error
        assert pings
    finally:
        await engine.dispose()
        await other.dispose()


async def test_without_the_ping_one_query_fails_and_the_pool_recovers(pg_url: str) -> None:
    """Within the rest period the server's restart costs the one query that finds it."""
    engine = create_engine(pg_url, pool_size=1, ping_after_idle=3600)
    other = create_engine(pg_url, pool_size=1)
    try:
        assert await _select_one(engine) == 1
        await _drop_every_connection(other)
        with pytest.raises(exc.DBAPIError) as failed:
            await _select_one(engine)
        assert failed.value.connection_invalidated
        assert await _select_one(engine) == 1
    finally:
        await engine.dispose()
        await other.dispose()
