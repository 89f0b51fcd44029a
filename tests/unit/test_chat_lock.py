"""Per-chat ordering across bot processes: a lease per chat in Redis (bot.chat_lock).

Each "process" here is its own ChatOrderMiddleware with its own Redis connection, as two
webhook workers would have; they share only the Redis server (the real one on 127.0.0.1).
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from types import SimpleNamespace
from typing import Any

import pytest
from redis.asyncio import Redis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff

from bot.chat_lock import RedisChatLock
from bot.middlewares import ChatOrderMiddleware

pytestmark = pytest.mark.redis

BOT = SimpleNamespace(id=123)


@pytest.fixture
async def prefix(redis_url: str) -> AsyncIterator[str]:
    """A key prefix of this test's own, deleted afterwards."""
    name = f"linli-test-{uuid.uuid4().hex[:8]}"
    yield name
    client = Redis.from_url(redis_url)
    keys = [key async for key in client.scan_iter(f"{name}:*")]
    if keys:
        await client.delete(*keys)
    await client.aclose()


class Process:
    """One bot process: its own Redis connection, lease and in-process lock."""

    def __init__(self, redis_url: str, prefix: str, **lease: Any) -> None:
        self.redis = Redis.from_url(redis_url)
        self.lock = RedisChatLock(self.redis, prefix=prefix, **lease)
        self.order = ChatOrderMiddleware(self.lock)

    def feed(self, handler: Any, update_id: int, chat: int = 1) -> asyncio.Task[Any]:
        event = SimpleNamespace(update_id=update_id)
        data = {"event_chat": SimpleNamespace(id=chat), "bot": BOT}
        return asyncio.create_task(self.order(handler, event, data))

    async def close(self) -> None:
        await self.redis.aclose()


@pytest.fixture
async def processes(redis_url: str, prefix: str) -> AsyncIterator[list[Process]]:
    procs = [Process(redis_url, prefix) for _ in range(3)]
    yield procs
    for proc in procs:
        await proc.close()


class Script:
    """Handlers that record when they start and end and finish when told to."""

    def __init__(self) -> None:
        self.log: list[str] = []
        self.started: dict[int, asyncio.Event] = {}
        self.release: dict[int, asyncio.Event] = {}

    def _events(self, update_id: int) -> tuple[asyncio.Event, asyncio.Event]:
        started = self.started.setdefault(update_id, asyncio.Event())
        return started, self.release.setdefault(update_id, asyncio.Event())

    async def handler(self, event: Any, data: dict[str, Any]) -> int:
        started, release = self._events(event.update_id)
        self.log.append(f"start {event.update_id}")
        started.set()
        await release.wait()
        self.log.append(f"end {event.update_id}")
        return int(event.update_id)

    async def running(self, update_id: int) -> None:
        await asyncio.wait_for(self._events(update_id)[0].wait(), 10)

    def finish(self, update_id: int) -> None:
        self._events(update_id)[1].set()


def _when_queued(lock: RedisChatLock) -> asyncio.Event:
    """Set once an update of this process has joined its chat's queue in Redis (was told to
    wait), so a test knows the order in which updates reached Redis."""
    queued = asyncio.Event()
    acquire = lock._acquire

    async def watching(**kwargs: Any) -> Any:
        result = await acquire(**kwargs)
        if not int(result):
            queued.set()
        return result

    lock._acquire = watching
    return queued


async def test_a_chat_split_across_processes_is_handled_one_update_at_a_time(
    processes: list[Process],
) -> None:
    a, b, _ = processes
    s = Script()
    first = a.feed(s.handler, 100)
    await s.running(100)
    second = b.feed(s.handler, 101)  # the other process, same chat
    other_chat = b.feed(s.handler, 500, chat=2)
    await s.running(500)  # another chat is not held up
    assert "start 101" not in s.log
    s.finish(101)  # ready, but the chat is still held by 100 in the other process
    s.finish(500)
    assert await other_chat == 500
    assert "start 101" not in s.log
    s.finish(100)
    assert await first == 100 and await second == 101
    assert s.log.index("end 100") < s.log.index("start 101")


async def test_waiting_updates_get_the_chat_in_update_order(processes: list[Process]) -> None:
    a, b, c = processes
    s = Script()
    first = a.feed(s.handler, 10)
    await s.running(10)
    b_queued, c_queued = _when_queued(b.lock), _when_queued(c.lock)
    later = b.feed(s.handler, 13)  # arrives first but was numbered later by Telegram
    await asyncio.wait_for(b_queued.wait(), 10)
    earlier = c.feed(s.handler, 12)
    await asyncio.wait_for(c_queued.wait(), 10)
    for update_id in (10, 12, 13):
        s.finish(update_id)
    await asyncio.gather(first, later, earlier)
    assert [line for line in s.log if line.startswith("start")] == [
        "start 10",
        "start 12",
        "start 13",
    ]


async def test_a_process_that_died_holding_or_waiting_does_not_block_the_chat(
    redis_url: str, prefix: str
) -> None:
    proc = Process(redis_url, prefix)
    client = Redis.from_url(redis_url)
    lease, queue, alive, _ = proc.lock.keys(BOT.id, 1)
    try:
        # a dead process's lease (no longer renewed: it lapses) and a dead waiter ahead in line
        await client.set(lease, "dead-holder", px=200)
        await client.zadd(queue, {"dead-waiter": 1})
        await client.zadd(alive, {"dead-waiter": 0})  # stopped asking long ago
        s = Script()
        s.finish(7)
        assert await asyncio.wait_for(proc.feed(s.handler, 7), 10) == 7
        assert await client.zcard(queue) == 0 and not await client.exists(lease)
    finally:
        await client.aclose()
        await proc.close()


async def test_a_long_update_keeps_the_chat_by_renewing_its_lease(
    redis_url: str, prefix: str
) -> None:
    a = Process(redis_url, prefix, lease_s=0.3)
    b = Process(redis_url, prefix, lease_s=0.3)
    renewals = 0
    enough = asyncio.Event()
    renew = a.lock._renew

    async def counting(**kwargs: Any) -> Any:
        nonlocal renewals
        result = await renew(**kwargs)
        renewals += 1
        if renewals >= 5:  # renewed every 0.1 s: the handler has outlived its lease
            enough.set()
        return result

    a.lock._renew = counting
    try:
        s = Script()
        first = a.feed(s.handler, 1)
        await s.running(1)
        second = b.feed(s.handler, 2)
        s.finish(2)
        await asyncio.wait_for(enough.wait(), 10)
        assert "start 2" not in s.log  # the lease was renewed, not lost
        s.finish(1)
        await asyncio.gather(first, second)
        assert s.log == ["start 1", "end 1", "start 2", "end 2"]
    finally:
        await a.close()
        await b.close()


async def test_without_redis_the_update_is_still_handled(prefix: str) -> None:
    down = Redis.from_url("redis://127.0.0.1:1/0", retry=Retry(NoBackoff(), 0))
    order = ChatOrderMiddleware(RedisChatLock(down, prefix=prefix))
    s = Script()
    s.finish(5)
    event, data = SimpleNamespace(update_id=5), {"event_chat": SimpleNamespace(id=1), "bot": BOT}
    try:
        assert await asyncio.wait_for(order(s.handler, event, data), 10) == 5
        assert order.chats_in_use() == 0
    finally:
        await down.aclose()


async def test_a_waiting_update_that_is_cancelled_leaves_the_queue(
    redis_url: str, processes: list[Process]
) -> None:
    a, b, _ = processes
    s = Script()
    first = a.feed(s.handler, 1)
    await s.running(1)
    queued = _when_queued(b.lock)
    waiting = b.feed(s.handler, 2)
    await asyncio.wait_for(queued.wait(), 10)
    waiting.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiting
    client = Redis.from_url(redis_url)
    try:
        assert await client.zcard(b.lock.keys(BOT.id, 1)[1]) == 0
    finally:
        await client.aclose()
    s.finish(1)
    await first


async def test_an_update_queued_on_arrival_goes_first_though_it_reaches_the_lock_last(
    processes: list[Process],
) -> None:
    # The webhook queues an update before acknowledging it; Telegram sends the chat's next
    # update only after that, so the next one may reach the lock first in another process.
    a, b, _ = processes
    s = Script()
    ticket = await a.lock.enqueue(bot_id=BOT.id, chat_id=1, order=20)
    assert ticket is not None
    queued = _when_queued(b.lock)
    later = b.feed(s.handler, 21)
    await asyncio.wait_for(queued.wait(), 10)
    assert "start 21" not in s.log  # 20 is ahead of it in the queue
    event = SimpleNamespace(update_id=20)
    data = {"event_chat": SimpleNamespace(id=1), "bot": BOT, "chat_ticket": ticket}
    earlier = asyncio.create_task(a.order(s.handler, event, data))
    s.finish(20)
    s.finish(21)
    await asyncio.gather(earlier, later)
    assert s.log == ["start 20", "end 20", "start 21", "end 21"]


async def test_one_process_with_two_queued_updates_does_not_stall(
    processes: list[Process],
) -> None:
    a, _, _ = processes
    s = Script()
    tickets = {u: await a.lock.enqueue(bot_id=BOT.id, chat_id=1, order=u) for u in (30, 31)}

    def feed(update_id: int) -> asyncio.Task[Any]:
        data = {"event_chat": SimpleNamespace(id=1), "bot": BOT, "chat_ticket": tickets[update_id]}
        return asyncio.create_task(a.order(s.handler, SimpleNamespace(update_id=update_id), data))

    later = feed(31)  # reaches the middleware first
    earlier = feed(30)
    s.finish(30)
    s.finish(31)
    await asyncio.wait_for(asyncio.gather(earlier, later), 4)  # not the 5 s of a lapsed waiter
    assert [line for line in s.log if line.startswith("start")] == ["start 30", "start 31"]


async def test_an_update_dropped_before_it_held_the_chat_leaves_the_queue(
    processes: list[Process],
) -> None:
    a, b, _ = processes
    s = Script()
    ticket = await a.lock.enqueue(bot_id=BOT.id, chat_id=1, order=40)
    assert ticket is not None
    await a.lock.leave(bot_id=BOT.id, chat_id=1, token=ticket)  # e.g. a duplicate delivery
    s.finish(41)
    assert await asyncio.wait_for(b.feed(s.handler, 41), 4) == 41
