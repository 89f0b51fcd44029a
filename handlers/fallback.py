"""Last resort: stale or forged buttons and text nobody understood get a polite answer."""

from __future__ import annotations

import logging

from aiogram import Router
from aiogram.types import CallbackQuery, Message

from bot.i18n import Text
from handlers.menu import main_menu
from models import Role, User

router = Router(name="fallback")
log = logging.getLogger(__name__)


@router.callback_query()
async def on_unknown_button(query: CallbackQuery, t: Text) -> None:
    """A button from a cancelled flow, an old message, a restart, or forged data."""
    log.info("stale or unknown callback %r from %s", query.data, query.from_user.id)
    await query.answer(t("err-stale-button"), show_alert=True)


@router.message()
async def on_unknown_message(
    message: Message, user: User | None, roles: frozenset[Role], t: Text
) -> None:
    """Anything else in a private chat: point to the menu. Groups are left alone."""
    if message.chat.type != "private" or user is None:
        return
    await message.answer(
        t("err-unknown-text"), reply_markup=main_menu(t, roles, registered=user.registered)
    )
