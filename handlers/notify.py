"""Telling other people (staff, applicants) about an action, each in their own language."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramForbiddenError
from aiogram.types import InlineKeyboardMarkup
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Text, Translator, pick_language
from models import User

log = logging.getLogger(__name__)


async def notify(
    bot: Bot,
    session: AsyncSession,
    translator: Translator,
    recipients: Iterable[User],
    render: Callable[[Text], str],
    markup: Callable[[Text], InlineKeyboardMarkup | None] | None = None,
    **kwargs: Any,
) -> int:
    """Send a rendered text to each recipient, marking those who blocked the bot; returns sent."""
    sent = 0
    for recipient in recipients:
        if recipient.blocked_bot:
            continue
        lang = pick_language(
            recipient.language, available=translator.languages, default=translator.default
        )
        t = translator.bind(lang)
        try:
            await bot.send_message(
                recipient.id, render(t), reply_markup=markup(t) if markup else None, **kwargs
            )
            sent += 1
        except TelegramForbiddenError:
            recipient.blocked_bot = True
            await session.commit()
        except TelegramAPIError:
            log.exception("could not notify %s", recipient.id)
    return sent
