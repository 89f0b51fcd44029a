"""Conversation state in Redis: keys for every destiny.

A request draft the filing limits held back lives beside the flow's state under its own
destiny ("held-request"); aiogram's DefaultKeyBuilder refuses any destiny but the default
unless told to add it to every key, which would move every existing key. `FsmKeys` keeps the
default destiny's keys as they were and adds the destiny to the others.
"""

from __future__ import annotations

from typing import Literal

from aiogram.fsm.storage.base import DEFAULT_DESTINY, DefaultKeyBuilder, StorageKey


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
