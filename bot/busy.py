"""Work that runs beside an update, one at a time per key, across every bot process.

A staff member who taps "export the ledger" twice gets one file: the second tap, while the
first export is produced, is told to wait. The export runs beside the update (the chat stays
free), so the per-chat lock does not cover it, and with several webhook processes the two taps
may reach two processes. `BackgroundWork` holds the key:

- **with Redis**, as a lease shared by every process (`SET NX PX` with a random token, renewed
  while the work runs, released by its owner only); a process that dies frees the key at most
  `lease_s` later;
- **always in this process** too (a set of keys), which is all there is without Redis or while
  Redis cannot be reached (logged): then each process guards only its own taps.

It also keeps a reference to each running task, so none is collected half-way.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from collections.abc import Awaitable, Callable
from typing import Any

log = logging.getLogger(__name__)

# KEYS: key; ARGV: token, lease_ms. Renews the lease when the caller still holds it.
_RENEW = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
"""

# KEYS: key; ARGV: token. Releases the lease when the caller still holds it.
_RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
"""


class BackgroundWork:
    """Starts work beside an update unless work of the same key runs (here or elsewhere)."""

    def __init__(self, redis: Any = None, *, prefix: str = "linli:busy", lease_s: float = 60.0):
        self.redis = redis
        self.prefix = prefix
        self.lease_ms = max(1000, int(lease_s * 1000))
        self._running: set[str] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._renew = redis.register_script(_RENEW) if redis is not None else None
        self._release = redis.register_script(_RELEASE) if redis is not None else None

    async def start(self, key: str, work: Callable[[], Awaitable[None]], *, name: str) -> bool:
        """Run `work()` in a task holding `key`; False (nothing started) while the key is held."""
        if key in self._running:
            return False
        self._running.add(key)  # before any await: a second tap here waits for nothing
        held, token = await self._acquire(key)
        if not held:
            self._running.discard(key)
            return False
        task = asyncio.create_task(self._run(key, token, work), name=name)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return True

    def busy(self, key: str) -> bool:
        """True while work of this key runs in this process."""
        return key in self._running

    async def wait_idle(self) -> None:
        """Wait for the work running in this process (tests; shutdown)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def _acquire(self, key: str) -> tuple[bool, str | None]:
        """(taken, the lease's token): no token without Redis or while it is away."""
        if self.redis is None:
            return True, None
        from redis.exceptions import RedisError

        token = secrets.token_hex(16)
        try:
            taken = await self.redis.set(self._key(key), token, nx=True, px=self.lease_ms)
        except (RedisError, OSError, TimeoutError) as exc:
            log.warning("busy guard: Redis unavailable (%r); guarding in this process", exc)
            return True, None
        return bool(taken), token

    async def _run(self, key: str, token: str | None, work: Callable[[], Awaitable[None]]) -> None:
        renewer = asyncio.create_task(self._keep(key, token)) if token else None
        try:
            await work()
        finally:
            if renewer is not None:
                renewer.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await renewer
            self._running.discard(key)
            if token:
                await self._call(self._release, key, token)

    async def _keep(self, key: str, token: str) -> None:
        """Renew the lease every third of its length while the work runs."""
        while True:
            await asyncio.sleep(self.lease_ms / 3000)
            await self._call(self._renew, key, token, self.lease_ms)

    async def _call(self, script: Any, key: str, *args: Any) -> None:
        from redis.exceptions import RedisError

        try:
            await script(keys=[self._key(key)], args=list(args))
        except (RedisError, OSError, TimeoutError) as exc:  # the lease lapses by itself
            log.warning("busy guard: Redis unavailable (%r)", exc)

    def _key(self, key: str) -> str:
        return f"{self.prefix}:{key}"
