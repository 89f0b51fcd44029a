"""Every bot process uses the catalogue admins last saved with /category, within seconds.

The catalogue is kept in memory (the order cycle reads it on many updates); an admin's edit is
stored in the database (services.categories, table catalogue_versions). Each process takes up
a newer one:

- **at once with Redis**: the process that saved the edit announces it on a Redis channel;
  every process listening reads the new catalogue from the database when the announcement
  arrives (so the next update, in any process, already sees it);
- **within `CHECK_EVERY` in any case** (no Redis, Redis away, an announcement missed while
  reconnecting): an update looks at the newest edit's number when that long has passed since
  the last look — one small query per process every few seconds, not one per update.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from models.base import utcnow
from services.categories import CatalogueSync
from services.triage import CatalogueError

log = logging.getLogger(__name__)

CHECK_EVERY = timedelta(seconds=5)
_FAILURES = (SQLAlchemyError, OSError, CatalogueError, ValueError)


class CatalogueWatch:
    """This process's CatalogueSync, told of other processes' edits over Redis."""

    def __init__(
        self,
        sync: CatalogueSync,
        sessionmaker: async_sessionmaker[AsyncSession],
        *,
        redis: Any = None,
        channel: str = "linli:catalogue",
        clock: Callable[[], Any] = utcnow,
    ) -> None:
        self.sync = sync
        self.sessionmaker = sessionmaker
        self.redis = redis
        self.channel = channel
        self.clock = clock
        self._listener: asyncio.Task[None] | None = None
        self._stopping = asyncio.Event()

    async def refresh(self, *, force: bool = False) -> None:
        """Take up a newer catalogue when due (a failure keeps the one in use, logged)."""
        try:
            await self.sync.refresh(self.sessionmaker, now=self.clock(), force=force)
        except _FAILURES:
            log.warning("catalogue: could not look for a newer one", exc_info=True)

    async def changed(self) -> None:
        """This process saved an edit: note its number and tell the other processes."""
        await self.refresh(force=True)
        if self.redis is None:
            return
        from redis.exceptions import RedisError

        try:
            await self.redis.publish(self.channel, str(self.sync.version))
        except (RedisError, OSError, TimeoutError) as exc:  # they look within CHECK_EVERY
            log.warning("catalogue: Redis unavailable (%r); others take it up later", exc)

    async def start(self) -> None:
        """Listen for other processes' edits (with Redis)."""
        if self.redis is not None and self._listener is None:
            self._stopping.clear()
            self._listener = asyncio.create_task(self._listen(), name="catalogue-watch")

    async def stop(self) -> None:
        """Stop listening."""
        if self._listener is None:
            return
        # redis-py may take the cancellation of a read for its own read timeout and go on:
        # the flag ends the loop anyway, within the read's 1 s timeout
        self._stopping.set()
        self._listener.cancel()
        done, _ = await asyncio.wait({self._listener}, timeout=5)
        if not done:
            log.warning("catalogue: the Redis listener did not stop within 5 s")
        self._listener = None

    async def _listen(self) -> None:
        from redis.exceptions import RedisError

        while not self._stopping.is_set():
            pubsub = self.redis.pubsub()
            try:
                await pubsub.subscribe(self.channel)
                # an edit may have been announced while (re)subscribing
                self.sync.mark_stale()
                while not self._stopping.is_set():
                    message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=1.0)
                    if message is not None and message.get("type") == "message":
                        await self.refresh(force=True)
            except (RedisError, OSError, TimeoutError) as exc:
                if self._stopping.is_set():
                    break
                log.warning("catalogue: Redis unavailable (%r); looking every few seconds", exc)
                with contextlib.suppress(TimeoutError):  # try again later, or stop
                    await asyncio.wait_for(self._stopping.wait(), CHECK_EVERY.total_seconds())
            finally:
                with contextlib.suppress(RedisError, OSError, TimeoutError):
                    await pubsub.aclose()


class CatalogueMiddleware(BaseMiddleware):
    """Before an update: a newer catalogue when one is due (mostly a comparison of times)."""

    def __init__(self, watch: CatalogueWatch) -> None:
        self.watch = watch

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        if self.watch.sync.due(self.watch.clock()):
            await self.watch.refresh()
        return await handler(event, data)
