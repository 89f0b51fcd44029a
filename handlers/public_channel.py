"""Staff set or change their community's public channel (result cards and poll outcomes are
posted there) in the chat, instead of only by the org file.

From 👥 本社区的群, 📣 设置公开频道: the bot says to make it an admin of the channel (allowed to
post) and to forward any message of the channel here. The forward names the channel
(`forward_origin`, a channel's post); the bot asks Telegram whether it is an admin allowed to
post there (getChatMember) before anything is saved. A community with no channel gets it at
once; changing one is asked once more. Only the community's staff (or an admin) may: the
service checks again, and refuses and logs a forged tap. Each change is an audit row.
"""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import StateFilter
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import (
    CallbackQuery,
    ChatMemberAdministrator,
    ChatMemberOwner,
    Message,
    MessageOriginChannel,
)

from handlers.consult_kit import kb, reply, safe_edit_markup
from handlers.context import UpdateCtx, UpdateCtxMiddleware
from handlers.filters import IS_STAFF
from models import Community
from models.org import shown_name
from services import group_chats

router = Router(name="public-channel")
router.message.filter(F.chat.type == "private", IS_STAFF)
router.callback_query.filter(IS_STAFF)
router.message.middleware(UpdateCtxMiddleware())
router.callback_query.middleware(UpdateCtxMiddleware())
# the forward awaited, tried before the routers that read a message's words (a forwarded post
# about a meeting is not a meeting said halfway through a form)
forward_router = Router(name="public-channel-forward")
forward_router.message.filter(F.chat.type == "private", IS_STAFF)
forward_router.message.middleware(UpdateCtxMiddleware())


class ChannelCb(CallbackData, prefix="cpc"):
    """The public channel's steps: set (📣 设置公开频道), stop (not now), yes / no (change it to
    `chat`, asked once more)."""

    action: str
    community: int
    chat: int = 0


class ChannelForm(StatesGroup):
    """Waiting for a message forwarded from the channel."""

    forward = State()


async def bot_can_post(bot: Bot, chat_id: int) -> bool:
    """Whether Telegram says the bot is an admin of this channel allowed to post (a channel it
    is not in, or cannot see: no)."""
    try:
        member = await bot.get_chat_member(chat_id, bot.id)
    except TelegramAPIError:
        return False
    if isinstance(member, ChatMemberOwner):
        return True
    return isinstance(member, ChatMemberAdministrator) and bool(member.can_post_messages)


async def _current(bot: Bot | None, community: Community) -> str | None:
    """The community's public channel as staff know it (its title), None when it has none."""
    chat_id = community.public_channel_id
    if chat_id is None or community.id is None:
        return None
    return await channel_title(bot, chat_id)


async def channel_title(bot: Bot | None, chat_id: int) -> str:
    """A channel's title as Telegram has it (its id when it cannot be read)."""
    if bot is not None:
        try:
            return (await bot.get_chat(chat_id)).title or str(chat_id)
        except TelegramAPIError:
            pass
    return str(chat_id)


@router.callback_query(ChannelCb.filter(F.action == "set"))
async def on_set(
    query: CallbackQuery, callback_data: ChannelCb, state: FSMContext, ctx: UpdateCtx
) -> None:
    """📣 设置公开频道: how to make the bot an admin there, then forward a message of it."""
    t = ctx.t
    community = await group_chats.may_set_channel(
        ctx.session, community_id=callback_data.community, user=ctx.user, roles=ctx.roles
    )
    await query.answer()
    current = await _current(query.bot, community)
    await state.set_state(ChannelForm.forward)
    await state.update_data(community=callback_data.community)
    me = await query.bot.me() if query.bot else None
    text = t(
        "channel-set-howto",
        community=shown_name(community, t.lang),
        bot=f"@{me.username}" if me and me.username else "",
        current=current if current else t("channel-set-no-current"),
    )
    stop = ChannelCb(action="stop", community=callback_data.community).pack()
    await reply(query.message, text, reply_markup=kb([[(t("channel-btn-stop"), stop)]]))


@forward_router.message(ChannelForm.forward, F.forward_origin)
async def on_forward(message: Message, state: FSMContext, ctx: UpdateCtx, bot: Bot) -> None:
    """A message forwarded here: its channel, once the bot may post there, is set (or, when it
    changes the community's channel, asked once more)."""
    t = ctx.t
    origin = message.forward_origin
    if not isinstance(origin, MessageOriginChannel):  # a person's or a group's message
        await message.answer(t("channel-set-not-channel"))
        return
    chat_id, title = origin.chat.id, origin.chat.title or str(origin.chat.id)
    if not await bot_can_post(bot, chat_id):
        await message.answer(t("channel-set-not-admin", title=title))
        return
    community_id = int((await state.get_data()).get("community") or 0)
    community = await group_chats.may_set_channel(
        ctx.session, community_id=community_id, user=ctx.user, roles=ctx.roles
    )
    name = shown_name(community, t.lang)
    if community.public_channel_id == chat_id:
        await state.clear()
        await message.answer(t("channel-set-same", title=title, community=name))
        return
    if community.public_channel_id is not None:  # a change: asked once more
        await state.clear()
        old = await channel_title(bot, community.public_channel_id)
        yes = ChannelCb(action="yes", community=community_id, chat=chat_id).pack()
        no = ChannelCb(action="no", community=community_id, chat=chat_id).pack()
        text = t("channel-set-ask", community=name, old=old, title=title)
        rows = [[(t("channel-btn-yes"), yes), (t("channel-btn-no"), no)]]
        await message.answer(text, reply_markup=kb(rows))
        return
    await _save(message, ctx, community_id=community_id, chat_id=chat_id, title=title)
    await state.clear()


@router.message(StateFilter(ChannelForm.forward))
async def on_not_forwarded(message: Message, ctx: UpdateCtx) -> None:
    """Anything else said while a forward is awaited: how to forward."""
    await message.answer(ctx.t("channel-set-not-forwarded"))


@router.callback_query(ChannelCb.filter(F.action == "yes"))
async def on_yes(query: CallbackQuery, callback_data: ChannelCb, ctx: UpdateCtx, bot: Bot) -> None:
    """📣 确定更换: the channel checked again (the tap may be old, or forged), then set."""
    t = ctx.t
    await group_chats.may_set_channel(
        ctx.session, community_id=callback_data.community, user=ctx.user, roles=ctx.roles
    )
    title = await channel_title(bot, callback_data.chat)
    if not await bot_can_post(bot, callback_data.chat):
        await query.answer(t("channel-set-not-admin", title=title), show_alert=True)
        return
    await query.answer()
    if isinstance(query.message, Message):
        await safe_edit_markup(query.message, None)
    await _save(
        query.message,
        ctx,
        community_id=callback_data.community,
        chat_id=callback_data.chat,
        title=title,
    )


@router.callback_query(ChannelCb.filter(F.action == "no"))
async def on_no(query: CallbackQuery, ctx: UpdateCtx) -> None:
    """↩️ 不更换: nothing changes."""
    await query.answer()
    if isinstance(query.message, Message):
        await safe_edit_markup(query.message, None)
    await reply(query.message, ctx.t("channel-set-kept"))


@router.callback_query(ChannelCb.filter(F.action == "stop"))
async def on_stop(query: CallbackQuery, state: FSMContext, ctx: UpdateCtx) -> None:
    """↩️ 不设置了: no forward awaited any more."""
    await query.answer()
    if await state.get_state() == ChannelForm.forward.state:
        await state.clear()
    if isinstance(query.message, Message):
        await safe_edit_markup(query.message, None)
    await reply(query.message, ctx.t("channel-set-stopped"))


async def _save(
    target: object, ctx: UpdateCtx, *, community_id: int, chat_id: int, title: str
) -> None:
    """The channel set (the service checks who may, and that no other community has it)."""
    t = ctx.t
    community = await group_chats.set_public_channel(
        ctx.session,
        community_id=community_id,
        chat_id=chat_id,
        title=title,
        user=ctx.user,
        roles=ctx.roles,
    )
    name = shown_name(community, t.lang)
    await reply(target, t("channel-set-done", title=title, community=name))
