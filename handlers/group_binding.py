"""Staff see which groups are bound to their community, and unbind one.

A group is bound when staff of the community add the bot (services.group_chats): it then gets
the community's public notices. Reached from 🏛 议事管理 → 👥 本社区的群, or by typing '本社区的
群' / '解除群绑定'. Each group has 🔓 解除绑定, asked once more; once unbound the bot stays in the
group but posts nothing there (an audit row says who did it). Only the community's staff (or
an admin) may: a tap forged by anyone else is refused (and logged) by the service.
"""

from __future__ import annotations

import contextlib
import unicodedata

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, Message
from sqlmodel import select

from handlers.consult_kit import HubCb, kb, reply, safe_edit_markup
from handlers.context import UpdateCtx, UpdateCtxMiddleware
from handlers.filters import IS_STAFF
from handlers.public_channel import ChannelCb
from models import Community, Role
from models.org import shown_name
from services import group_chats
from services.users import staff_scopes

router = Router(name="group-binding")
router.message.filter(F.chat.type == "private", IS_STAFF)
router.callback_query.filter(IS_STAFF)
router.message.middleware(UpdateCtxMiddleware())
router.callback_query.middleware(UpdateCtxMiddleware())


class GroupCb(CallbackData, prefix="cgb"):
    """A bound group's action: ask (🔓 解除绑定), yes (confirmed), no (kept)."""

    action: str
    chat: int


# what staff type for the screen (compared without spaces, punctuation or case)
_TYPED = frozenset(
    {
        "本社区的群",
        "本社区群",
        "社区的群",
        "我们社区的群",
        "绑定的群",
        "群绑定",
        "解除群绑定",
        "解绑群",
        "群解绑",
        "解除绑定群",
        "communitygroups",
        "boundgroups",
        "unbindgroup",
        "unbindagroup",
    }
)


def _plain(text: str) -> str:
    return "".join(
        ch
        for ch in unicodedata.normalize("NFKC", text).lower()
        if unicodedata.category(ch)[0] not in "PSZC"
    )


def typed_for_groups(message: Message) -> bool:
    """A filter: the message asks for the community's groups."""
    return bool(message.text) and _plain(message.text or "") in _TYPED


async def _communities(ctx: UpdateCtx) -> dict[int, Community]:
    """The communities whose groups the user sees: an admin's all, staff's their own."""
    session = ctx.session
    if Role.ADMIN in ctx.roles:
        found = (await session.exec(select(Community))).all()
    else:
        ids = {s.community_id for s in await staff_scopes(session, user_id=ctx.user.id)}
        found = [c for c in (await session.exec(select(Community))).all() if c.id in ids]
    return {c.id: c for c in found if c.id is not None}


async def _show(target: object, ctx: UpdateCtx, bot: Bot | None) -> None:
    """The bound groups, each with 🔓 解除绑定, then the community's public channel, with
    📣 设置公开频道 (handlers.public_channel)."""
    t = ctx.t
    communities = await _communities(ctx)
    groups = await group_chats.bound_groups(ctx.session, community_ids=set(communities))
    lines = [t("group-bound-title") if groups else t("group-bound-none")]
    rows = []
    for g in groups:
        community = communities.get(g.community_id)
        name = shown_name(community, t.lang) if community else "-"
        lines.append(t("group-bound-line", title=g.title, community=name))
        label = t("group-btn-unbind", title=g.title)
        rows.append([(label, GroupCb(action="ask", chat=g.chat_id).pack())])
    channels = await group_chats.public_channels(ctx.session, community_ids=set(communities))
    if channels:
        lines += ["", t("group-channel-title")]
    for c in channels:
        title = c.title or await _chat_title(bot, c.chat_id)
        community = communities.get(c.community_id)
        name = shown_name(community, t.lang) if community else "-"
        gone = "yes" if c.gone else "no"
        lines.append(t("group-channel-line", title=title, community=name, gone=gone))
    # 📣 设置公开频道: one per community the user acts for (named when there are several)
    for community_id, community in sorted(communities.items()):
        label = (
            t("group-btn-channel-of", community=shown_name(community, t.lang))
            if len(communities) > 1
            else t("group-btn-channel")
        )
        rows.append([(label, ChannelCb(action="set", community=community_id).pack())])
    await reply(target, "\n".join(lines), reply_markup=kb(rows) if rows else None)


async def _chat_title(bot: Bot | None, chat_id: int) -> str:
    """A channel's title as Telegram has it, when the bot never recorded it (its id else)."""
    if bot is not None:
        with contextlib.suppress(TelegramAPIError):
            return (await bot.get_chat(chat_id)).title or str(chat_id)
    return str(chat_id)


@router.message(F.text, typed_for_groups)
async def on_groups_typed(message: Message, ctx: UpdateCtx) -> None:
    """'本社区的群' / '解除群绑定' typed: the community's bound groups and public channel."""
    await _show(message, ctx, message.bot)


@router.callback_query(HubCb.filter(F.action == "groups"))
async def on_groups(query: CallbackQuery, ctx: UpdateCtx) -> None:
    """👥 本社区的群 in 议事管理: the community's bound groups and public channel."""
    await query.answer()
    await _show(query.message, ctx, query.bot)


@router.callback_query(GroupCb.filter(F.action == "ask"))
async def on_ask(query: CallbackQuery, callback_data: GroupCb, ctx: UpdateCtx) -> None:
    """🔓 解除绑定 tapped: asked once more (nothing changes yet)."""
    t = ctx.t
    communities = await _communities(ctx)
    groups = await group_chats.bound_groups(ctx.session, community_ids=set(communities))
    group = next((g for g in groups if g.chat_id == callback_data.chat), None)
    if group is None:  # unbound meanwhile, the bot removed, or not this user's community
        await query.answer(t("group-unbind-gone"), show_alert=True)
        return
    await query.answer()
    community = communities[group.community_id]
    rows = [
        [
            (t("group-btn-unbind-yes"), GroupCb(action="yes", chat=group.chat_id).pack()),
            (t("group-btn-unbind-no"), GroupCb(action="no", chat=group.chat_id).pack()),
        ]
    ]
    text = t("group-unbind-ask", title=group.title, community=shown_name(community, t.lang))
    await reply(query.message, text, reply_markup=kb(rows))


@router.callback_query(GroupCb.filter(F.action == "yes"))
async def on_unbind(query: CallbackQuery, callback_data: GroupCb, ctx: UpdateCtx) -> None:
    """✅ 确定解除: the group is unbound (the service checks who may), said so."""
    t = ctx.t
    group = await group_chats.unbind(
        ctx.session, chat_id=callback_data.chat, user=ctx.user, roles=ctx.roles
    )
    await query.answer()
    if isinstance(query.message, Message):
        await safe_edit_markup(query.message, None)
    community = await ctx.session.get(Community, group.community_id)
    name = shown_name(community, t.lang) if community else "-"
    await reply(query.message, t("group-unbound", title=group.title, community=name))


@router.callback_query(GroupCb.filter(F.action == "no"))
async def on_keep(query: CallbackQuery, ctx: UpdateCtx) -> None:
    """↩️ 不解除: nothing changes."""
    await query.answer()
    if isinstance(query.message, Message):
        await safe_edit_markup(query.message, None)
    await reply(query.message, ctx.t("group-unbind-kept"))
