"""Bot commands shown in Telegram's menu, per role and language."""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import BotCommand, BotCommandScopeChat, BotCommandScopeDefault
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Translator, pick_language
from models import Role, User

log = logging.getLogger(__name__)

RESIDENT_COMMANDS = ("start", "help", "register", "join", "profile", "lang", "cancel", "forget")
STAFF_COMMANDS = RESIDENT_COMMANDS
ADMIN_COMMANDS = (*RESIDENT_COMMANDS, "invite", "admin")


def commands_for(translator: Translator, lang: str, names: tuple[str, ...]) -> list[BotCommand]:
    """BotCommand objects with descriptions in one language."""
    return [
        BotCommand(command=name, description=translator.get(lang, f"cmd-{name}")) for name in names
    ]


async def register_commands(
    bot: Bot,
    translator: Translator,
    sessionmaker: async_sessionmaker[AsyncSession],
    admin_ids: list[int],
) -> None:
    """Default commands per language, and chat-scoped ones for admins."""
    for lang in translator.languages:
        code = None if lang == translator.default else lang.split("-")[0]
        await bot.set_my_commands(
            commands_for(translator, lang, RESIDENT_COMMANDS),
            scope=BotCommandScopeDefault(),
            language_code=code,
        )
    async with sessionmaker() as session:
        stored = (await session.exec(select(User).where(col(User.roles).contains("admin")))).all()
    admins: dict[int, str | None] = {u.id: u.language for u in stored if Role.ADMIN in u.role_set}
    for admin_id in admin_ids:
        admins.setdefault(admin_id, None)
    for user_id, language in admins.items():
        lang = pick_language(language, available=translator.languages, default=translator.default)
        try:
            await bot.set_my_commands(
                commands_for(translator, lang, ADMIN_COMMANDS),
                scope=BotCommandScopeChat(chat_id=user_id),
            )
        except TelegramAPIError as exc:  # an admin who never opened the bot
            log.info("no admin commands for %s: %s", user_id, exc)
