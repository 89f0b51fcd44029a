"""The bot added to a group or channel, promoted there, or removed (`my_chat_member`).

Added to a group, it says briefly what it does there (the community's public notices; each
person's matters in the private chat, one tap away); the community's staff (for a group of no
community: the admins) are told privately which group it joined and whether it is bound to their
community. Removed, it posts nothing there any more (services.group_chats) and staff are told.
A private chat's my_chat_member (a user blocking the bot) is the sender's business, not here.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime

from aiogram import Bot, F, Router
from aiogram.filters import (
    IS_MEMBER,
    IS_NOT_MEMBER,
    PROMOTED_TRANSITION,
    ChatMemberUpdatedFilter,
)
from aiogram.types import ChatMemberUpdated, InlineKeyboardButton, InlineKeyboardMarkup
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Text, Translator
from bot.settings import Settings
from handlers.notify import notify
from models import Role, User
from models.org import shown_name
from services import group_chats

router = Router(name="group_membership")
router.my_chat_member.filter(F.chat.type.in_({"group", "supergroup", "channel"}))


def _title(event: ChatMemberUpdated) -> str:
    return event.chat.title or str(event.chat.id)


@router.my_chat_member(ChatMemberUpdatedFilter(IS_NOT_MEMBER >> IS_MEMBER))
@router.my_chat_member(ChatMemberUpdatedFilter(PROMOTED_TRANSITION))
async def on_bot_added(
    event: ChatMemberUpdated,
    bot: Bot,
    session: AsyncSession,
    translator: Translator,
    settings: Settings,
    clock: Callable[[], datetime],
    user: User | None = None,
    roles: frozenset[Role] = frozenset(),
) -> None:
    """Added (or made admin): a short hello in a group, and its staff told privately."""
    change = await group_chats.bot_joined(
        session,
        chat_id=event.chat.id,
        title=_title(event),
        chat_type=event.chat.type,
        status=event.new_chat_member.status,
        by=user,
        roles=roles,
        admin_ids=settings.admin_ids,
    )
    if not change.arrived:
        return  # promoted where it already was: said once, when it came
    if event.chat.type != "channel":
        t = translator.bind(settings.default_language)
        me = await bot.me()
        name = shown_name(change.community, t.lang) if change.community else None
        button = InlineKeyboardButton(
            text=t("group-open-private"), url=f"https://t.me/{me.username}"
        )
        await bot.send_message(
            event.chat.id,
            t(
                "group-hello",
                community=html.escape(name or "-", quote=False),
                bound="yes" if name else "no",
                bot=f"@{me.username}",
            ),
            reply_markup=InlineKeyboardMarkup(inline_keyboard=[[button]]),
        )
    await _tell(session, translator, change, by=user, key="group-joined-staff", now=clock())


@router.my_chat_member(ChatMemberUpdatedFilter(IS_MEMBER >> IS_NOT_MEMBER))
async def on_bot_removed(
    event: ChatMemberUpdated,
    session: AsyncSession,
    translator: Translator,
    settings: Settings,
    clock: Callable[[], datetime],
    user: User | None = None,
) -> None:
    """Removed (or left): nothing is posted there any more; its staff are told privately."""
    change = await group_chats.bot_left(
        session,
        chat_id=event.chat.id,
        title=_title(event),
        chat_type=event.chat.type,
        status=event.new_chat_member.status,
        by=user,
        admin_ids=settings.admin_ids,
    )
    await _tell(session, translator, change, by=user, key="group-left-staff", now=clock())


async def _tell(
    session: AsyncSession,
    translator: Translator,
    change: group_chats.ChatChange,
    *,
    by: User | None,
    key: str,
    now: datetime,
) -> None:
    """The private notice to staff or admins, each in their language (a channel: bound when
    it is the community's public channel)."""
    community = change.community
    if change.kind == "channel":
        key += "-channel"
        if community is not None and community.public_channel_id != change.chat_id:
            community = None

    def render(t: Text) -> str:
        return t(
            key,
            title=html.escape(change.title, quote=False),
            by=html.escape(by.display_name if by else "-", quote=False),
            community=html.escape(
                shown_name(community, t.lang) if community else "-", quote=False
            ),
            bound="yes" if community else "no",
        )

    await notify(
        session,
        translator,
        change.tell,
        render,
        kind="group-membership",
        community_id=community.id if community else None,
        now=now,
    )
