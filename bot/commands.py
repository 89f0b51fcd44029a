"""Bot commands shown in Telegram's menu, per role and language."""

from __future__ import annotations

import logging
from collections.abc import Collection
from weakref import finalize

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
STAFF_COMMANDS = (*RESIDENT_COMMANDS, "stats", "find", "broadcast", "quiet")
ADMIN_COMMANDS = (*STAFF_COMMANDS, "invite", "admin", "categories")


def commands_for(translator: Translator, lang: str, names: tuple[str, ...]) -> list[BotCommand]:
    """BotCommand objects with descriptions in one language."""
    return [
        BotCommand(command=name, description=translator.get(lang, f"cmd-{name}")) for name in names
    ]


def default_command_languages(translator: Translator) -> dict[str, str | None]:
    """{locale: the language_code of its default command list} (None: everyone's)."""
    out: dict[str, str | None] = {}
    taken = {translator.default.split("-")[0]}
    for lang in translator.languages:
        if lang == translator.default:
            out[lang] = None
            continue
        code = lang.split("-")[0]
        if code not in taken:
            taken.add(code)
            out[lang] = code
    return out


def has_default_commands(translator: Translator, lang: str) -> bool:
    """True if Telegram shows this locale's commands without a list for the chat."""
    return lang in default_command_languages(translator)


async def register_commands(
    bot: Bot,
    translator: Translator,
    sessionmaker: async_sessionmaker[AsyncSession],
    admin_ids: list[int],
) -> None:
    """Default commands per language, and chat-scoped ones for staff and admins.

    Telegram keys default command lists by a two-letter language code: the default locale's list
    has none (everyone), each other locale gets its code unless an earlier one has it — zh-Hant
    does not take "zh" from zh-Hans (its readers get theirs per chat, see set_user_commands).
    """
    for lang, code in default_command_languages(translator).items():
        await bot.set_my_commands(
            commands_for(translator, lang, RESIDENT_COMMANDS),
            scope=BotCommandScopeDefault(),
            language_code=code,
        )
    async with sessionmaker() as session:
        stored = (
            await session.exec(
                select(User).where(
                    col(User.roles).contains("admin") | col(User.roles).contains("staff")
                )
            )
        ).all()
    privileged: dict[int, tuple[str | None, frozenset[Role]]] = {
        u.id: (u.language, u.role_set) for u in stored
    }
    for admin_id in admin_ids:
        language, roles = privileged.get(admin_id, (None, frozenset()))
        privileged[admin_id] = (language, roles | {Role.ADMIN})
    for user_id, (language, roles) in privileged.items():
        await set_user_commands(bot, translator, user_id=user_id, language=language, roles=roles)


def command_names(roles: Collection[Role]) -> tuple[str, ...]:
    """The commands a person with these roles is shown."""
    return (
        ADMIN_COMMANDS
        if Role.ADMIN in roles
        else STAFF_COMMANDS
        if Role.STAFF in roles
        else RESIDENT_COMMANDS
    )


# the command list each chat was given by this bot (this process): {id(bot): {user id: names}}
# (by id, not by the Bot: Bots with one token are equal, and tests run many in one process)
_GIVEN: dict[int, dict[int, tuple[str, ...]]] = {}


def _given(bot: Bot) -> dict[int, tuple[str, ...]]:
    given = _GIVEN.get(id(bot))
    if given is None:
        given = _GIVEN[id(bot)] = {}
        finalize(bot, _GIVEN.pop, id(bot), None)
    return given


def commands_stale(bot: Bot, user_id: int, roles: Collection[Role]) -> bool:
    """The person's roles changed since this process gave them their command list (a grant or
    revoke by the CLI, or in another process): their next update catches it up. A resident
    never given one has everyone's list already."""
    given = _given(bot).get(user_id)
    names = command_names(roles)
    return names != (given or RESIDENT_COMMANDS)


async def set_user_commands(
    bot: Bot,
    translator: Translator,
    *,
    user_id: int,
    language: str | None,
    roles: frozenset[Role],
) -> None:
    """The command menu one staff member or admin sees (also after an invitation is accepted)."""
    names = command_names(roles)
    lang = pick_language(language, available=translator.languages, default=translator.default)
    _given(bot)[user_id] = names
    try:
        await bot.set_my_commands(
            commands_for(translator, lang, names), scope=BotCommandScopeChat(chat_id=user_id)
        )
    except TelegramAPIError as exc:  # someone who never opened the bot
        log.info("no chat commands for %s: %s", user_id, exc)
