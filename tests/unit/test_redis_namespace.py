"""LINLI_REDIS_NAMESPACE puts every Redis key of a deployment under its own prefix, so two
deployments (or two test runs) sharing one Redis neither drop each other's updates as already
handled nor share conversations or chat locks; unset, keys stay where earlier versions put them."""

from __future__ import annotations

import uuid
from types import SimpleNamespace
from typing import Any

import pytest
from aiogram.fsm.storage.base import StorageKey
from redis.asyncio import Redis

from bot.app import make_storage
from bot.dispatcher import build_dispatcher
from bot.i18n import Translator
from bot.middlewares import ChatOrderMiddleware, UpdateDedupeMiddleware
from bot.settings import load_settings
from models.db import create_engine, make_sessionmaker


def test_without_a_namespace_keys_stay_where_they_were() -> None:
    settings = load_settings(redis_namespace=None)
    assert settings.redis_prefix("fsm", legacy="fsm") == "fsm"
    assert settings.redis_prefix("update", legacy="linli:update") == "linli:update"
    spaced = load_settings(redis_namespace="town-b")
    assert spaced.redis_prefix("chat", legacy="linli:chat") == "town-b:chat"


def _middleware(dp: Any, kind: type) -> Any:
    [found] = [m for m in dp.update.outer_middleware[:] if isinstance(m, kind)]
    return found


@pytest.mark.redis
async def test_two_deployments_on_one_redis_keep_apart(redis_url: str) -> None:
    handled: list[str] = []

    async def handler(event: Any, data: dict[str, Any]) -> None:
        handled.append(data["who"])

    engine = create_engine("sqlite+aiosqlite://")
    storages = []
    try:
        for town in ("a", "b"):
            namespace = f"linli-test-{uuid.uuid4().hex[:8]}-{town}"
            settings = load_settings(redis_url=redis_url, redis_namespace=namespace)
            storage = await make_storage(settings)
            assert storage is not None
            storages.append((namespace, storage))
            dp = build_dispatcher(
                settings=settings,
                sessionmaker=make_sessionmaker(engine),
                translator=Translator(default="zh-Hans"),
                storage=storage,
                redis=getattr(storage, "redis", None),
            )
            assert _middleware(dp, ChatOrderMiddleware).shared.prefix == f"{namespace}:chat"
            assert dp["background"].prefix == f"{namespace}:busy"  # the export's lease
            assert dp["catalogue_watch"].channel == f"{namespace}:catalogue"
            dedupe = _middleware(dp, UpdateDedupeMiddleware)
            # both deployments' bots number their updates from 1 with the same bot id
            data = {"bot": SimpleNamespace(id=1), "who": town}
            await dedupe(handler, SimpleNamespace(update_id=1), data)
            await storage.set_state(StorageKey(bot_id=1, chat_id=9, user_id=9), f"S:{town}")
        assert handled == ["a", "b"]
        for namespace, storage in storages:
            keys = [k.decode() async for k in storage.redis.scan_iter(f"{namespace}:*")]
            assert sorted(keys) == [f"{namespace}:fsm:9:9:state", f"{namespace}:update:1:1"]
    finally:
        for namespace, storage in storages:
            redis: Redis = storage.redis  # type: ignore[attr-defined]
            keys = [k async for k in redis.scan_iter(f"{namespace}:*")]
            if keys:
                await redis.delete(*keys)
            await storage.close()
        await engine.dispose()
