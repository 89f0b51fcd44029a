"""A per-chat lock in Redis, shared by every bot process: one chat's updates one at a time.

Several webhook processes behind a load balancer each get some of one chat's updates (a double
tap on ✅ 确认提交 can reach two of them). The in-process lock of `ChatOrderMiddleware` cannot
see the other process, so the chat is also locked here:

- **a lease, not a lock for ever**: the holder's random token is stored with a short expiry
  (`lease_s`) and renewed while the update is handled; a process that dies stops renewing, and
  the chat is free again at most `lease_s` later. Only the token's owner renews or releases it.
- **in update order**: waiters queue in a sorted set scored by Telegram's `update_id`; the lease
  goes to the lowest waiting id, so two taps split across processes run in the order Telegram
  numbered them (when both are waiting; one that is already running is not interrupted).
  A waiter that stops asking (its process died) leaves the queue after `waiter_ttl_s`.
- **a bounded hold**: a handler stuck for longer than `max_hold_s` stops being renewed, so one
  bug cannot block a chat for ever (it is logged).
- **Redis away**: the update goes on with the in-process lock only (logged), so the user still
  gets an answer; the shared order is back with Redis.

All keys of a chat share a hash tag, so the scripts also work on Redis Cluster.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from collections.abc import AsyncIterator
from typing import Any

from aiogram import Bot
from aiogram.dispatcher.middlewares.user_context import UserContextMiddleware
from aiogram.methods import TelegramMethod
from aiogram.types import Update
from aiogram.webhook.aiohttp_server import SimpleRequestHandler
from aiohttp import web

log = logging.getLogger(__name__)

# KEYS: lease, queue (token → update order), alive (token → deadline in ms), sequence
# ARGV: token, order ('' when the update has none), lease_ms, waiter_ttl_ms
# Returns 1 when the caller now holds the lease, 0 when it waits (and is queued).
_ACQUIRE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local token, lease_ms, waiter_ttl = ARGV[1], tonumber(ARGV[3]), tonumber(ARGV[4])
local gone = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now)
for _, member in ipairs(gone) do
  if member ~= token then
    redis.call('ZREM', KEYS[2], member)
    redis.call('ZREM', KEYS[3], member)
  end
end
if redis.call('GET', KEYS[1]) == token then
  redis.call('PEXPIRE', KEYS[1], lease_ms)
  return 1
end
if not redis.call('ZSCORE', KEYS[2], token) then
  local order = ARGV[2]
  if order == '' then order = redis.call('INCR', KEYS[4]) end
  redis.call('ZADD', KEYS[2], order, token)
end
redis.call('ZADD', KEYS[3], now + waiter_ttl, token)
if redis.call('EXISTS', KEYS[1]) == 0 then
  local head = redis.call('ZRANGE', KEYS[2], 0, 0)
  if head[1] == token then
    redis.call('SET', KEYS[1], token, 'PX', lease_ms)
    redis.call('ZREM', KEYS[2], token)
    redis.call('ZREM', KEYS[3], token)
    return 1
  end
end
redis.call('PEXPIRE', KEYS[2], waiter_ttl * 4)
redis.call('PEXPIRE', KEYS[3], waiter_ttl * 4)
redis.call('PEXPIRE', KEYS[4], waiter_ttl * 4)
return 0
"""

# KEYS: lease, queue, alive; ARGV: token, order, waiter_ttl_ms. Takes a place in the queue.
_ENQUEUE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local waiter_ttl = tonumber(ARGV[3])
redis.call('ZADD', KEYS[2], 'NX', ARGV[2], ARGV[1])
redis.call('ZADD', KEYS[3], now + waiter_ttl, ARGV[1])
redis.call('PEXPIRE', KEYS[2], waiter_ttl * 4)
redis.call('PEXPIRE', KEYS[3], waiter_ttl * 4)
return 1
"""

# KEYS: lease; ARGV: token, lease_ms. 1 while the caller still holds the lease.
_RENEW = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
end
return 0
"""

# KEYS: lease, queue, alive; ARGV: token. Gives the lease back, or leaves the queue.
_RELEASE = """
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[3], ARGV[1])
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
"""


class RedisChatLock:
    """Leases on chats in Redis, granted in update order; see the module's docstring."""

    def __init__(
        self,
        redis: Any,
        *,
        prefix: str = "linli:chat",
        lease_s: float = 15.0,
        waiter_ttl_s: float = 5.0,
        max_hold_s: float = 300.0,
        poll_s: tuple[float, float] = (0.002, 0.05),
        call_timeout_s: float = 3.0,
    ) -> None:
        self.redis = redis
        self.prefix = prefix
        self.lease_ms = max(1, int(lease_s * 1000))
        self.waiter_ttl_ms = max(1, int(waiter_ttl_s * 1000))
        self.max_hold_s = max_hold_s
        self.poll_s = poll_s
        self.call_timeout_s = call_timeout_s
        self._acquire = redis.register_script(_ACQUIRE)
        self._enqueue = redis.register_script(_ENQUEUE)
        self._renew = redis.register_script(_RENEW)
        self._release = redis.register_script(_RELEASE)

    def keys(self, bot_id: int, chat_id: int) -> list[str]:
        """The lease, queue, waiter-deadline and sequence keys of one chat."""
        tag = f"{self.prefix}:{{{bot_id}:{chat_id}}}"
        return [f"{tag}:lease", f"{tag}:queue", f"{tag}:alive", f"{tag}:seq"]

    async def _call(self, script: Any, keys: list[str], args: list[Any]) -> int:
        async with asyncio.timeout(self.call_timeout_s):
            return int(await script(keys=keys, args=args))

    async def enqueue(self, *, bot_id: int, chat_id: int, order: int) -> str | None:
        """Take the update's place in its chat's queue now (the webhook does, before it tells
        Telegram the update arrived); the token is then handed to `hold`. None when Redis
        could not be asked."""
        token = secrets.token_hex(16)
        keys = self.keys(bot_id, chat_id)
        try:
            await self._call(self._enqueue, keys[:3], [token, order, self.waiter_ttl_ms])
        except Exception as exc:
            if not _is_redis_error(exc):
                raise
            log.warning("chat lock: could not queue an update of chat %s (%r)", chat_id, exc)
            return None
        return token

    async def leave(self, *, bot_id: int, chat_id: int, token: str) -> None:
        """Leave the chat's queue (or give its lease back); nothing when already done."""
        await self._give_back(self.keys(bot_id, chat_id), token, chat_id)

    @contextlib.asynccontextmanager
    async def hold(
        self, *, bot_id: int, chat_id: int, order: int | None = None, token: str | None = None
    ) -> AsyncIterator[bool]:
        """Hold the chat across processes while the block runs.

        Yields True when the lease is held, False when Redis could not be asked (the caller
        goes on with its in-process lock only). `order` is the update_id; `token` the place
        `enqueue` took for this update, if it took one.
        """
        keys = self.keys(bot_id, chat_id)
        token = token or secrets.token_hex(16)
        held = await self._wait_for_lease(keys, token, "" if order is None else str(order))
        if not held:
            yield False
            return
        renewer = asyncio.create_task(self._keep(keys, token, chat_id))
        try:
            yield True
        finally:
            renewer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await renewer
            await self._give_back(keys, token, chat_id)

    async def _wait_for_lease(self, keys: list[str], token: str, order: str) -> bool:
        delay, longest = self.poll_s
        args = [token, order, self.lease_ms, self.waiter_ttl_ms]
        try:
            while not await self._call(self._acquire, keys, args):
                await asyncio.sleep(delay)
                delay = min(delay * 2, longest)
        except Exception as exc:
            if not _is_redis_error(exc):
                await asyncio.shield(self._give_back(keys, token, None))
                raise
            # Our place in the queue (or a lease granted in a lost answer) lapses by itself.
            log.warning("chat lock: Redis unavailable (%r); in-process order only", exc)
            return False
        except BaseException:  # cancelled while waiting: leave the queue
            await asyncio.shield(self._give_back(keys, token, None))
            raise
        return True

    async def _keep(self, keys: list[str], token: str, chat_id: int) -> None:
        """Renew the lease every third of it, for at most max_hold_s."""
        loop = asyncio.get_running_loop()
        every = self.lease_ms / 3000
        until = loop.time() + self.max_hold_s
        while True:
            await asyncio.sleep(every)
            if loop.time() > until:
                hold = self.max_hold_s
                log.error("chat lock: chat %s held over %ss: lease left to lapse", chat_id, hold)
                return
            try:
                if not await self._call(self._renew, keys[:1], [token, self.lease_ms]):
                    log.error("chat lock: chat %s lost its lease while handling", chat_id)
                    return
            except Exception as exc:  # Redis away for a moment: try again at the next beat
                if not _is_redis_error(exc):
                    raise
                log.warning("chat lock: could not renew chat %s (%s)", chat_id, exc)

    async def _give_back(self, keys: list[str], token: str, chat_id: int | None) -> None:
        try:
            await self._call(self._release, keys[:3], [token])
        except Exception as exc:  # the lease lapses by itself
            if not _is_redis_error(exc):
                raise
            log.warning("chat lock: could not release chat %s (%s)", chat_id, exc)


class ChatOrderedRequestHandler(SimpleRequestHandler):
    """The webhook endpoint: an update takes its place in its chat's queue before Telegram is
    told it arrived.

    Telegram sends a chat's next update only once the previous one was acknowledged, but the
    two may then be handled by two processes at once, and the later could reach the chat's
    queue first. Queued before the acknowledgement, they are served in Telegram's order.
    """

    def __init__(self, *, chat_lock: RedisChatLock | None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.chat_lock = chat_lock

    async def _handle_request_background(self, bot: Bot, request: web.Request) -> web.Response:
        update = Update.model_validate(
            await request.json(loads=bot.session.json_loads), context={"bot": bot}
        )
        chat = UserContextMiddleware.resolve_event_context(update).chat
        token = None
        if self.chat_lock is not None and chat is not None:
            token = await self.chat_lock.enqueue(
                bot_id=bot.id, chat_id=chat.id, order=update.update_id
            )
        task = asyncio.create_task(
            self._feed(bot, update, None if chat is None else chat.id, token)
        )
        self._background_feed_update_tasks.add(task)
        task.add_done_callback(self._background_feed_update_tasks.discard)
        return web.json_response({}, dumps=bot.session.json_dumps)

    async def _feed(
        self, bot: Bot, update: Update, chat_id: int | None, token: str | None
    ) -> None:
        try:
            result = await self.dispatcher.feed_update(bot, update, **self.data, chat_ticket=token)
            if isinstance(result, TelegramMethod):
                await self.dispatcher.silent_call_request(bot=bot, result=result)
        except Exception:  # as aiogram's own webhook handler: logged, the next update goes on
            log.exception("update %s failed", update.update_id)
        finally:
            if token is not None and chat_id is not None and self.chat_lock is not None:
                # an update dropped before it held the chat (e.g. a duplicate) leaves the queue
                await self.chat_lock.leave(bot_id=bot.id, chat_id=chat_id, token=token)


def _is_redis_error(exc: BaseException) -> bool:
    from redis.exceptions import RedisError

    return isinstance(exc, (RedisError, OSError, TimeoutError, ConnectionError))
