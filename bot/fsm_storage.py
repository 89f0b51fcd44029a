"""Conversation state in Redis: keys for every destiny, and expiry.

A request draft the filing limits held back lives beside the flow's state under its own
destiny ("held-request"); aiogram's DefaultKeyBuilder refuses any destiny but the default
unless told to add it to every key, which would move every existing key. `FsmKeys` keeps the
default destiny's keys as they were and adds the destiny to the others.

Nothing a user left half-done stays for ever.

aiogram's RedisStorage keeps a chat's state and its data in two keys, each with its own expiry
set only when that key is written. A flow that writes its data at one step and only its state
at the next would then lose the data first and keep the state: the next tap would find itself
in the flow's step with nothing in it (e.g. a request preview with no text). Here every write
renews both keys, so a flow's state and data lapse together, `ttl` after the last change.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any, Literal, cast

from aiogram.fsm.state import State
from aiogram.fsm.storage.base import DEFAULT_DESTINY, DefaultKeyBuilder, StateType, StorageKey
from aiogram.fsm.storage.redis import RedisStorage


class FsmKeys(DefaultKeyBuilder):
    """aiogram's keys (`PREFIX:CHAT:USER:state`), another destiny's `…:USER:DESTINY:state`."""

    def __init__(self, *, prefix: str = "fsm") -> None:
        super().__init__(prefix=prefix)
        self._with_destiny = DefaultKeyBuilder(prefix=prefix, with_destiny=True)

    def build(self, key: StorageKey, part: Literal["data", "state", "lock"] | None = None) -> str:
        """The Redis key of one part of a conversation."""
        if key.destiny == DEFAULT_DESTINY:
            return super().build(key, part)
        return self._with_destiny.build(key, part)


class ExpiringRedisStorage(RedisStorage):
    """RedisStorage whose state and data of one key expire together, `ttl` after a write."""

    def __init__(self, redis: Any, *, ttl: timedelta, **kwargs: Any) -> None:
        super().__init__(redis, state_ttl=ttl, data_ttl=ttl, **kwargs)
        self.ttl = ttl

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        """Set (or clear) the state; the data beside it gets the same time to live."""
        state_key = self.key_builder.build(key, "state")
        if state is None:
            await self.redis.delete(state_key)
            return
        value = cast(str, state.state if isinstance(state, State) else state)
        async with self.redis.pipeline(transaction=False) as pipe:
            pipe.set(state_key, value, ex=self.ttl)
            pipe.expire(self.key_builder.build(key, "data"), self.ttl)
            await pipe.execute()

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        """Set (or clear) the data; the state beside it gets the same time to live."""
        if not isinstance(data, dict) or not data:
            await super().set_data(key, data)  # refuses a non-dict, deletes on empty
            return
        async with self.redis.pipeline(transaction=False) as pipe:
            pipe.set(self.key_builder.build(key, "data"), self.json_dumps(data), ex=self.ttl)
            pipe.expire(self.key_builder.build(key, "state"), self.ttl)
            await pipe.execute()
