"""What was chosen on an offer of what to do with words typed at the menu (📝 报给社区,
💡 作为议题提交, 💬 告诉社区：G00001): the offer tapped loses its buttons and says so, and a
second tap on it is told what was chosen then. Shared by the residents' offers
(handlers.fallback) and the members' note buttons under them (handlers.claims)."""

from __future__ import annotations

import contextlib
from dataclasses import replace

from aiogram.exceptions import TelegramBadRequest
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from bot.i18n import Text

# what each offer's button chose, as the offer shows it once tapped
CHOICES = {
    "file": "fallback-choice-file",
    "topic": "fallback-choice-topic",
    "note": "fallback-choice-note",
}


def _offer_choices(state: FSMContext) -> FSMContext:
    """Where the choice made on each answered offer (message id → a key of CHOICES) is kept:
    beside the flow's state, which the choice itself begins and ends."""
    return FSMContext(storage=state.storage, key=replace(state.key, destiny="offer-choices"))


async def note_choice(state: FSMContext, message_id: int, choice: str) -> None:
    """Keep what this offer was answered with (the latest few offers are enough)."""
    chosen = await _offer_choices(state).get_data()
    chosen[str(message_id)] = choice
    await _offer_choices(state).set_data(dict(list(chosen.items())[-20:]))


async def settle_offer(message: Message, state: FSMContext, t: Text, choice: str) -> None:
    """The offer tapped loses its buttons and says which was chosen ('✓ 已选：作为议题提交'),
    so a person scrolling back knows what they did."""
    await note_choice(state, message.message_id, choice)
    said = t("fallback-offer-chosen", choice=t(CHOICES[choice]))
    with contextlib.suppress(TelegramBadRequest):  # a double tap crossing the edit, too old
        if message.text is None:
            await message.edit_reply_markup(reply_markup=None)
            return
        await message.edit_text(f"{message.html_text}\n\n{said}", reply_markup=None)


async def answered_before(query: CallbackQuery, state: FSMContext, t: Text) -> bool:
    """A second tap on an offer already answered (a double tap, an old screen still showing
    its buttons) is told what was chosen then; True when it was."""
    if not isinstance(query.message, Message):
        return False
    choice = (await _offer_choices(state).get_data()).get(str(query.message.message_id))
    if choice not in CHOICES:
        return False
    await query.answer(t("fallback-offer-already", choice=t(CHOICES[choice])), show_alert=True)
    return True
