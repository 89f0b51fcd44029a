"""An offer answered — tapped, or in words right under it ('好的' / '不要了') — says which way it
went ('✓ 已选：报给社区' / '✓ 已选：先不报了') without its buttons, and the choice is kept
for a later tap on it (handlers.offer_choices.settle_offer_at)."""

from __future__ import annotations

from typing import Any, cast

import pytest
from aiogram import Bot
from aiogram.fsm.context import FSMContext
from aiogram.fsm.storage.base import StorageKey
from aiogram.fsm.storage.memory import MemoryStorage

from bot.i18n import Text, Translator
from handlers.offer_choices import _offer_choices, settle_offer_at


class _Bot:
    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []

    async def edit_message_text(self, text: str, **kw: Any) -> None:
        self.calls.append(("text", {"text": text, **kw}))

    async def edit_message_reply_markup(self, **kw: Any) -> None:
        self.calls.append(("markup", kw))


@pytest.mark.parametrize(
    ("lang", "choice", "said"),
    [
        ("zh-Hans", "file", "✓ 已选：报给社区"),
        ("zh-Hans", "drop", "✓ 已选：先不报了"),
        ("zh-Hant", "drop", "✓ 已選：先不報了"),
        ("en", "drop", "✓ Chosen: Not reporting it for now"),
    ],
)
async def test_the_offer_says_what_was_chosen(lang: str, choice: str, said: str) -> None:
    bot = _Bot()
    state = FSMContext(MemoryStorage(), StorageKey(bot_id=1, chat_id=7, user_id=7))
    t = Text(Translator(), lang)
    await settle_offer_at(cast(Bot, bot), 7, 10, "要把这件事报给社区吗？", state, t, choice)
    [(kind, call)] = bot.calls
    assert kind == "text" and call["text"] == f"要把这件事报给社区吗？\n\n{said}", call
    assert call["message_id"] == 10 and call["reply_markup"] is None
    assert await _offer_choices(state).get_data() == {"10": choice}


async def test_without_its_text_the_offer_only_loses_its_buttons() -> None:
    bot = _Bot()
    state = FSMContext(MemoryStorage(), StorageKey(bot_id=1, chat_id=7, user_id=7))
    t = Text(Translator(), "zh-Hans")
    await settle_offer_at(cast(Bot, bot), 7, 10, None, state, t, "drop")
    assert bot.calls == [("markup", {"chat_id": 7, "message_id": 10, "reply_markup": None})]
    assert await _offer_choices(state).get_data() == {"10": "drop"}
