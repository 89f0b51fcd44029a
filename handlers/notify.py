"""Telling other people (staff, applicants) about an action, each in their own language.

These are proactive messages, so they go through the delivery outbox (rate limits, quiet hours,
blocked users, retries); the acting user's own reply is sent directly by the handler.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from aiogram.types import InlineKeyboardMarkup, ReplyKeyboardMarkup
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Text, Translator, pick_language
from models import User
from services.delivery import enqueue


async def notify(
    session: AsyncSession,
    translator: Translator,
    recipients: Iterable[User],
    render: Callable[[Text], str],
    markup: Callable[[Text], InlineKeyboardMarkup | ReplyKeyboardMarkup | None] | None = None,
    *,
    kind: str = "notice",
    urgent: bool = False,
    community_id: int | None = None,
    now: datetime | None = None,
    matter: str | None = None,
) -> int:
    """Queue a rendered text for each recipient who has not blocked the bot; returns how many.

    A card asking staff to act (verify a resident, review an application) names the `matter`:
    the service that settles it cancels the copies not sent yet (held for the night)."""
    queued = 0
    for recipient in recipients:
        if recipient.blocked_bot:
            continue
        lang = pick_language(
            recipient.language, available=translator.languages, default=translator.default
        )
        t = translator.bind(lang)
        reply_markup = markup(t) if markup else None
        await enqueue(
            session,
            chat_id=recipient.id,
            text=render(t),
            reply_markup=reply_markup.model_dump(exclude_none=True, mode="json")
            if reply_markup
            else None,
            kind=kind,
            urgent=urgent,
            community_id=community_id,
            now=now,
            matter=matter,
        )
        queued += 1
    await session.commit()
    return queued
