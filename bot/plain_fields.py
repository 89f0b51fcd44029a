"""Plain text where Telegram shows text as it is.

Telegram reads HTML only in a message's text and caption. Button labels, the input field's
placeholder and the answer to a button tap are shown exactly as sent. Our texts escape every
argument for HTML (bot.i18n), so a name like "Lee & Co" came out as "Lee &amp; Co" on a button
or in an alert. This request middleware turns those fields back into plain text just before
each Bot API call, whoever built them (handlers, the outbox sender, the scheduler).
"""

from __future__ import annotations

import html
from typing import Any

from aiogram import Bot
from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.methods import AnswerCallbackQuery, TelegramMethod
from aiogram.methods.base import Response, TelegramType
from aiogram.types import InlineKeyboardMarkup, ReplyKeyboardMarkup


def _plain(text: str | None) -> str | None:
    return html.unescape(text) if text and "&" in text else text


def plain_markup(markup: Any) -> Any:
    """The keyboard with its labels (and placeholder) as plain text; other markups as given."""
    if isinstance(markup, InlineKeyboardMarkup):
        rows = [
            [b.model_copy(update={"text": _plain(b.text)}) for b in row]
            for row in markup.inline_keyboard
        ]
        return markup.model_copy(update={"inline_keyboard": rows})
    if isinstance(markup, ReplyKeyboardMarkup):
        keyboard = [
            [b.model_copy(update={"text": _plain(b.text)}) for b in row] for row in markup.keyboard
        ]
        return markup.model_copy(
            update={
                "keyboard": keyboard,
                "input_field_placeholder": _plain(markup.input_field_placeholder),
            }
        )
    return markup


class PlainTextFields(BaseRequestMiddleware):
    """Unescape button labels, placeholders and callback answers before the call."""

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        if isinstance(method, AnswerCallbackQuery):
            method.text = _plain(method.text)
        markup = getattr(method, "reply_markup", None)
        if markup is not None:
            method.reply_markup = plain_markup(markup)  # type: ignore[attr-defined]
        return await make_request(bot, method)
