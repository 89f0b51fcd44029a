"""Request drafts in Redis expire (LINLI_FSM_TTL_HOURS, 72 h): a resident who comes back to an
old preview is told the draft lapsed and how to start again; nothing empty is ever filed.

The bot runs against the real Redis (FSM storage, de-duplication, chat lock) under a namespace
of its own. Redis's expiry is played by deleting the chat's keys, as Redis does when their time
is up, while the injected clock moves past the time to live.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from redis.asyncio import Redis
from sqlmodel import select

from models.orders import Request
from sandbox.driver import message_text
from tests.conftest import REDIS_URL
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import ZHOU, _file

NAMESPACE = f"linli-test-{uuid.uuid4().hex[:8]}"
ON_REDIS = pytest.mark.sandbox_settings(redis_url=REDIS_URL, redis_namespace=NAMESPACE)
pytestmark = [pytest.mark.redis, ON_REDIS]


@pytest.fixture
async def redis(redis_url: str) -> AsyncIterator[Redis]:
    """The test's Redis client; every key of the test's namespace is deleted afterwards."""
    client = Redis.from_url(redis_url)
    yield client
    keys = [key async for key in client.scan_iter(f"{NAMESPACE}:*")]
    if keys:
        await client.delete(*keys)
    await client.aclose()


async def _chat_keys(redis: Redis, chat: int) -> list[bytes]:
    return [key async for key in redis.scan_iter(f"{NAMESPACE}:fsm:{chat}:{chat}:*")]


async def _preview(h: Harness, resident: int, text: str) -> dict[str, object]:
    d = h.driver
    await d.say(resident, "📝 我要点单")
    await d.say(resident, text)
    [*_, preview] = await d.say(resident, "✅ 说完了")
    assert "分类" in message_text(preview)
    return preview


async def _filed(h: Harness) -> list[Request]:
    async with h.sessionmaker() as s:
        return list((await s.exec(select(Request))).all())


async def test_an_expired_preview_says_so_and_files_nothing(
    redis: Redis, linli_sandbox: Harness
) -> None:
    h = linli_sandbox
    preview = await _preview(h, ZHOU, "3号楼电梯按钮失灵，老人上不了楼")
    keys = await _chat_keys(redis, ZHOU)
    assert keys, "the flow is kept in Redis"
    for key in keys:  # kept for 72 hours from the last change
        assert 71 * 3600 < await redis.ttl(key) <= 72 * 3600
    h.clock.advance(timedelta(hours=73))
    await redis.delete(*keys)  # what Redis does when their time is up
    tapped = await h.driver.tap(ZHOU, "确认提交", int(str(preview["message_id"])))
    answer = str(tapped["answer"])
    assert "超过 3 天没有提交" in answer and "📝 我要点单" in answer, answer
    assert await _filed(h) == []
    # starting again works as usual
    await _file(h, ZHOU, "3号楼电梯按钮失灵，老人上不了楼")
    assert len(await _filed(h)) == 1


async def test_a_flow_whose_data_lapsed_first_files_nothing_empty(
    redis: Redis, linli_sandbox: Harness
) -> None:
    # e.g. a bot of an earlier version wrote the data long before the state
    h = linli_sandbox
    preview = await _preview(h, ZHOU, "楼下垃圾三天没人清了")
    [data_key] = [k for k in await _chat_keys(redis, ZHOU) if k.endswith(b":data")]
    await redis.delete(data_key)
    tapped = await h.driver.tap(ZHOU, "确认提交", int(str(preview["message_id"])))
    assert "没有提交" in str(tapped["answer"]), tapped
    assert await _filed(h) == []


@pytest.mark.sandbox_settings(
    redis_url=REDIS_URL, redis_namespace=NAMESPACE, request_burst_limit=1
)
async def test_a_held_draft_is_kept_for_the_time_to_live(
    redis: Redis, linli_sandbox: Harness
) -> None:
    h = linli_sandbox
    await _file(h, ZHOU, "1号楼门禁坏了，刷卡没反应")
    seen = (await h.driver.messages(ZHOU))[-1]["message_id"]
    await _preview(h, ZHOU, "2号楼楼顶漏水，墙都湿了")
    await h.driver.tap(ZHOU, "确认提交")
    await h.driver.expect(ZHOU, "后再提交", since=int(seen))
    [held] = [k for k in await _chat_keys(redis, ZHOU) if b":held-request:" in k]
    assert 71 * 3600 < await redis.ttl(held) <= 72 * 3600
    assert len(await _filed(h)) == 1
