"""What was chosen on an offer of what to do with words typed at the menu (📝 报给社区,
💡 作为议题提交, 💬 告诉社区：G00001): the offer tapped loses its buttons and says so, and a
second tap on it is told what was chosen then. Shared by the residents' offers
(handlers.fallback) and the members' note buttons under them (handlers.claims)."""

from __future__ import annotations

import contextlib
from dataclasses import replace

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from bot.i18n import Text

# what each offer's button chose, as the offer shows it once tapped
CHOICES = {
    "file": "fallback-choice-file",
    "topic": "fallback-choice-topic",
    "note": "fallback-choice-note",
    "drop": "fallback-choice-drop",  # '不要了' typed under it: let go
    "add": "fallback-choice-add",  # ➕ 补充到 … (handlers.fallback.on_add_typed_text)
    "callme": "fallback-choice-callme",  # 📞 请社区回电 (handlers.call_back)
    "praise": "fallback-choice-praise",  # 🌟 转达表扬 (handlers.praise)
    "nopraise": "fallback-choice-nopraise",  # and its 不用了
    "complaint": "fallback-choice-complaint",  # 📣 反映给社区 (handlers.complaint)
    "unsatisfied": "fallback-choice-unsatisfied",  # its 😞 不满意 (the matter reopened)
    "nocomplaint": "fallback-choice-nocomplaint",  # and its 不用了
    "own": "fallback-choice-own",  # 🏠 是我自己家的事 (handlers.fallback.on_own_matter)
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
    if message.bot is None:
        return
    html = message.html_text if message.text is not None else None
    await settle_offer_at(message.bot, message.chat.id, message.message_id, html, state, t, choice)


async def settle_offer_at(
    bot: Bot,
    chat_id: int,
    message_id: int,
    html: str | None,
    state: FSMContext,
    t: Text,
    choice: str,
) -> None:
    """The offer `message_id` (its text `html`, as sent; None when not known or a caption)
    answered with `choice`, tapped or in words ('好的' / '不要了' typed right under it): it says
    so, without its buttons (without `html`, it only loses them)."""
    await note_choice(state, message_id, choice)
    said = t("fallback-offer-chosen", choice=t(CHOICES[choice]))
    with contextlib.suppress(TelegramBadRequest):  # a double tap crossing the edit, too old
        if html is None:
            await bot.edit_message_reply_markup(
                chat_id=chat_id, message_id=message_id, reply_markup=None
            )
            return
        await bot.edit_message_text(
            f"{html}\n\n{said}", chat_id=chat_id, message_id=message_id, reply_markup=None
        )


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
