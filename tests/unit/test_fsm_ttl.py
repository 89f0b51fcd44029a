"""Conversation state in Redis expires LINLI_FSM_TTL_HOURS after its last change, state and data
together; all keys live under LINLI_REDIS_NAMESPACE when it is set."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import pytest
from aiogram.fsm.storage.base import StorageKey
from redis.asyncio import Redis

from bot.app import make_storage
from bot.fsm_storage import ExpiringRedisStorage
from bot.settings import load_settings

pytestmark = pytest.mark.redis

KEY = StorageKey(bot_id=1, chat_id=42, user_id=42)
HELD = StorageKey(bot_id=1, chat_id=42, user_id=42, destiny="held-request")


@pytest.fixture
async def storage(redis_url: str) -> AsyncIterator[ExpiringRedisStorage]:
    namespace = f"linli-test-{uuid.uuid4().hex[:8]}"
    settings = load_settings(redis_url=redis_url, redis_namespace=namespace, fsm_ttl_hours=48)
    made = await make_storage(settings)
    assert isinstance(made, ExpiringRedisStorage)
    yield made
    keys = [key async for key in made.redis.scan_iter(f"{namespace}:*")]
    if keys:
        await made.redis.delete(*keys)
    await made.close()


def _key(storage: ExpiringRedisStorage, key: StorageKey, part: str) -> str:
    return storage.key_builder.build(key, part)


async def test_state_data_and_held_draft_expire(storage: ExpiringRedisStorage) -> None:
    redis: Redis = storage.redis
    await storage.set_state(KEY, "Filing:confirm")
    await storage.set_data(KEY, {"text": "楼道灯坏了"})
    await storage.set_data(HELD, {"text": "井盖松了"})  # a draft the filing limits held back
    for key, part in ((KEY, "state"), (KEY, "data"), (HELD, "data")):
        ttl = await redis.ttl(_key(storage, key, part))
        assert 47 * 3600 < ttl <= 48 * 3600, (key, part, ttl)


async def test_a_write_renews_the_state_and_the_data_together(
    storage: ExpiringRedisStorage,
) -> None:
    # aiogram sets each key's expiry only when that key is written: a flow that wrote its data
    # first and its state later lost the data first and was left in a step with nothing in it
    redis: Redis = storage.redis
    state, data = _key(storage, KEY, "state"), _key(storage, KEY, "data")
    await storage.set_data(KEY, {"text": "楼道灯坏了"})
    await redis.expire(data, 60)  # written long ago: about to lapse
    await storage.set_state(KEY, "Filing:confirm")
    assert await redis.ttl(data) > 47 * 3600
    await redis.expire(state, 60)
    await storage.update_data(KEY, {"urgent": True})
    assert await redis.ttl(state) > 47 * 3600
    assert await storage.get_data(KEY) == {"text": "楼道灯坏了", "urgent": True}
    await storage.set_state(KEY, None)
    await storage.set_data(KEY, {})
    assert not await redis.exists(state, data)
