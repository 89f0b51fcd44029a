"""With LINLI_REDIS_URL the FSM state lives in Redis, so a flow survives a bot restart."""

from __future__ import annotations

import uuid

from aiogram.fsm.storage.base import StorageKey
from aiogram.fsm.storage.redis import DefaultKeyBuilder, RedisStorage

from bot.app import make_storage
from bot.settings import load_settings


async def test_flow_state_survives_restart_in_redis(redis_url: str) -> None:
    settings = load_settings(redis_url=redis_url)
    prefix = f"linli-test-{uuid.uuid4().hex[:8]}"
    key = StorageKey(bot_id=1, chat_id=42, user_id=42)
    first = await make_storage(settings)
    assert isinstance(first, RedisStorage)
    first.key_builder = DefaultKeyBuilder(prefix=prefix)
    await first.set_state(key, "Reg:room")
    await first.set_data(key, {"community_id": 1, "building_id": 3})
    await first.close()
    second = await make_storage(settings)
    assert isinstance(second, RedisStorage)
    second.key_builder = DefaultKeyBuilder(prefix=prefix)
    try:
        assert await second.get_state(key) == "Reg:room"
        assert await second.get_data(key) == {"community_id": 1, "building_id": 3}
    finally:
        await second.set_state(key, None)
        await second.set_data(key, {})
        await second.close()


async def test_without_redis_memory_storage_is_used() -> None:
    assert await make_storage(load_settings(redis_url=None)) is None


async def test_an_update_delivered_twice_is_handled_once(redis_url: str) -> None:
    from types import SimpleNamespace

    from redis.asyncio import Redis

    from bot.middlewares import UpdateDedupeMiddleware

    redis = Redis.from_url(redis_url)
    prefix = f"linli-test-{uuid.uuid4().hex[:8]}"
    first = UpdateDedupeMiddleware(redis, prefix=prefix)
    second = UpdateDedupeMiddleware(redis, prefix=prefix)  # another bot process
    handled: list[int] = []

    async def handler(event: object, data: dict[str, object]) -> None:
        handled.append(event.update_id)  # type: ignore[attr-defined]

    bot = SimpleNamespace(id=123)
    try:
        for middleware in (first, second, first):
            await middleware(handler, SimpleNamespace(update_id=7), {"bot": bot})  # type: ignore[arg-type]
        await second(handler, SimpleNamespace(update_id=8), {"bot": bot})  # type: ignore[arg-type]
        assert handled == [7, 8]
    finally:
        await redis.delete(f"{prefix}:123:7", f"{prefix}:123:8")
        await redis.aclose()
