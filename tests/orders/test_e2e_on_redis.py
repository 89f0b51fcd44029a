"""With LINLI_REDIS_URL (the production setup) a resident files a request, and a request the
filing limits held back comes back with 📝 我要点单: the held draft lives in Redis beside the
flow's state (its own destiny), which aiogram's default Redis keys refused."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis
from sqlmodel import select

from models.orders import Request
from sandbox.driver import message_text
from tests.conftest import REDIS_URL
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import ZHOU, _file

NAMESPACE = f"linli-test-{uuid.uuid4().hex[:8]}"
pytestmark = [
    pytest.mark.redis,
    pytest.mark.sandbox_settings(
        redis_url=REDIS_URL, redis_namespace=NAMESPACE, request_burst_limit=1
    ),
]


@pytest.fixture
async def redis(redis_url: str) -> AsyncIterator[Redis]:
    """Redis is reachable (else skipped, or failed in CI); the test's keys are deleted after."""
    client = Redis.from_url(redis_url)
    yield client
    keys = [key async for key in client.scan_iter(f"{NAMESPACE}:*")]
    if keys:
        await client.delete(*keys)
    await client.aclose()


async def test_filing_and_a_held_draft_on_redis(redis: Redis, linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _file(h, ZHOU, "1号楼门禁坏了，刷卡没反应")
    seen = int((await d.messages(ZHOU))[-1]["message_id"])
    await d.say(ZHOU, "📝 我要点单")
    await d.say(ZHOU, "2号楼楼顶漏水，墙都湿了")
    await d.say(ZHOU, "✅ 说完了")
    await d.tap(ZHOU, "确认提交")
    assert "您写的内容都还在" in message_text(await d.expect(ZHOU, "后再提交", since=seen))
    await d.say(ZHOU, "📂 我的诉求")  # another menu leaves the flow
    [*_, again] = await d.say(ZHOU, "📝 我要点单")
    assert "上次还没提交成功的诉求还在" in message_text(again)
    assert "2号楼楼顶漏水" in message_text(again)
    assert [k async for k in redis.scan_iter(f"{NAMESPACE}:fsm:{ZHOU}:{ZHOU}:held-request:*")]
    async with h.sessionmaker() as s:
        assert len((await s.exec(select(Request))).all()) == 1
