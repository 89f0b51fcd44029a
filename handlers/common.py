"""Start, help, cancel, language and the main menu."""

from __future__ import annotations

import html
from collections.abc import Callable, Collection
from datetime import datetime

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.commands import has_default_commands, set_user_commands
from bot.i18n import Raw, Text, Translator
from bot.settings import Settings
from handlers.broadcast import start_broadcast
from handlers.context import UpdateCtx, UpdateCtxMiddleware
from handlers.form_guard import flow_name, leave
from handlers.menu import labels, main_menu, menu_keys
from handlers.notify import notify
from models import Community, Grid, Role, User, shown_name
from services import org, overview
from services import staff as staff_service
from services import users as user_service
from services.errors import DomainError

router = Router(name="common")
router.message.filter(F.chat.type == "private")  # groups: handlers/group_chat.py
# `ctx` (handlers.context.UpdateCtx) for the handlers that take it (cmd_broadcast)
router.message.middleware(UpdateCtxMiddleware())


class LangCb(CallbackData, prefix="lang"):
    """Language choice."""

    code: str


async def send_main_menu(
    message: Message,
    t: Text,
    user: User,
    roles: Collection[Role],
    *,
    session: AsyncSession,
    now: datetime,
) -> None:
    """The greeting with what waits for this user, and the role-aware menu."""
    parts = [await _greeting(t, user, roles, session=session, now=now)]
    await message.answer(
        "\n\n".join(parts), reply_markup=main_menu(t, roles, registered=user.registered)
    )


async def _greeting(
    t: Text, user: User, roles: Collection[Role], *, session: AsyncSession, now: datetime
) -> str:
    """Hello, then per role what waits: staff their queue, members their orders, residents
    their matters and polls. Someone who works here but has no address is not pushed to
    register one."""
    name = user.first_name or t("role-resident")
    staff = await overview.staff_overview(session, user=user, roles=roles, now=now, lang=t.lang)
    member = await overview.member_overview(session, user=user, roles=roles, now=now)
    works_here = staff is not None or member is not None
    if user.registered or works_here:
        lines = [t("start-greeting-registered", name=name)]
    else:
        lines = [t("start-greeting", name=name)]
    blocks = ["\n".join(lines)]
    if staff is not None:
        blocks.append(_staff_block(t, staff))
    if member is not None:
        block = _member_block(t, member)
        if block:
            blocks.append(block)
    if user.registered:
        block = _resident_block(t, await overview.resident_overview(session, user=user, now=now))
        if block:
            blocks.append(block)
    elif works_here:
        blocks.append(t("start-register-optional"))
    else:
        blocks.append(t("start-need-register"))
    return "\n\n".join(blocks)


def _staff_block(t: Text, staff: overview.StaffOverview) -> str:
    if staff.everywhere:
        lines = [t("start-role-admin")]
    else:
        names = t("poll-result-list-sep").join(staff.communities)
        lines = [t("start-role-staff", communities=names)]
    todo = []
    if staff.waiting:
        todo.append(t("start-todo-waiting", count=staff.waiting, urgent=staff.waiting_urgent))
    if staff.to_verify:
        todo.append(t("start-todo-verify", count=staff.to_verify))
    if staff.overdue:
        todo.append(t("start-todo-overdue", count=staff.overdue))
    if staff.applications:
        todo.append(
            t("start-todo-applications", count=staff.applications, button=t("menu-members"))
        )
    hint = [t("start-todo-hint", button=t("menu-order-queue"))] if todo else []
    if staff.topics_waiting:
        todo.append(
            t("start-todo-topics", count=staff.topics_waiting, button=t("menu-consult-staff"))
        )
    if staff.minutes_due:
        todo.append(
            t("start-todo-minutes", count=staff.minutes_due, button=t("menu-consult-staff"))
        )
    if todo:
        lines += [t("start-todo-title"), *todo, *hint]
    else:
        lines.append(t("start-todo-none"))
    return "\n".join(lines)


def _member_block(t: Text, member: overview.MemberOverview) -> str:
    lines = []
    if member.offers:
        lines.append(t("start-member-offers", count=member.offers, button=t("menu-order-open")))
    if member.claims:
        lines.append(
            t(
                "start-member-claims",
                count=member.claims,
                overdue=member.claims_overdue,
                button=t("menu-order-claims"),
            )
        )
    return "\n".join(lines)


def _resident_block(t: Text, resident: overview.ResidentOverview) -> str:
    lines = []
    if resident.in_progress:
        lines.append(
            t(
                "start-resident-progress",
                count=resident.in_progress,
                button=t("menu-order-mine"),
            )
        )
    if resident.to_rate:
        lines.append(t("start-resident-rate", count=resident.to_rate, button=t("menu-order-mine")))
    if resident.polls_to_vote:
        lines.append(
            t("start-resident-polls", count=resident.polls_to_vote, button=t("menu-consult"))
        )
    return "\n".join(lines)


@router.message(CommandStart(deep_link=True, magic=F.args.startswith("inv-")))
async def cmd_start_invite(
    message: Message,
    command: CommandObject,
    session: AsyncSession,
    user: User,
    state: FSMContext,
    t: Text,
    settings: Settings,
    bot: Bot,
    translator: Translator,
    clock: Callable[[], datetime],
) -> None:
    """A staff invitation link: /start inv-CODE.

    A link that cannot be used (used, expired, mistyped) says why and still shows the menu:
    for someone new it is their first message from the bot.
    """
    await state.clear()
    try:
        invitation = await staff_service.accept_invitation(
            session, user=user, payload=command.args or ""
        )
    except DomainError as exc:
        await message.answer(t(exc.key, **exc.args_))
        roles = user_service.effective_roles(user, admin_ids=settings.admin_ids)
        await send_main_menu(message, t, user, roles, session=session, now=clock())
        return
    await session.refresh(user)
    roles = user_service.effective_roles(user, admin_ids=settings.admin_ids)
    await set_user_commands(bot, translator, user_id=user.id, language=user.language, roles=roles)
    community = (
        await session.get(Community, invitation.community_id) if invitation.community_id else None
    )
    grid = await session.get(Grid, invitation.grid_id) if invitation.grid_id else None

    def place(tt: Text) -> Raw:
        """Where the new staff member acts (a grid worker's grid, with its community), as the
        reader sees the names."""
        community_name = shown_name(community, tt.lang) if community else "-"
        if grid is None:
            return Raw(html.escape(community_name, quote=False))
        grid_name = shown_name(grid, tt.lang)
        return Raw(tt("admin-grid-place", community=community_name, grid=grid_name))

    # what the opener became: an admin, a grid worker or community staff
    end = "-admin" if invitation.role == Role.ADMIN else "" if grid is None else "-grid"
    await message.answer(t("invite-accepted" + end, community=place(t)))
    inviter = await session.get(User, invitation.created_by)
    if inviter is not None:
        await notify(
            session,
            translator,
            [inviter],
            lambda tt: tt("admin-invite-used" + end, name=user.display_name, community=place(tt)),
            now=clock(),
        )
    await send_main_menu(message, t, user, roles, session=session, now=clock())


@router.message(CommandStart())
async def cmd_start(
    message: Message,
    user: User,
    roles: frozenset[Role],
    state: FSMContext,
    t: Text,
    bot: Bot,
    translator: Translator,
    session: AsyncSession,
    clock: Callable[[], datetime],
) -> None:
    """Greet with what waits for this user and show the main menu (also leaves any flow); a
    matter they told the bot in a group, or before registering, is offered to be filed."""
    await state.clear()
    if not has_default_commands(translator, t.lang):
        # e.g. zh-Hant from a zh-hk Telegram: Telegram's list for "zh" is Simplified
        await set_user_commands(bot, translator, user_id=user.id, language=t.lang, roles=roles)
    await send_main_menu(message, t, user, roles, session=session, now=clock())
    if message.chat.type == "private":
        from handlers.fallback import offer_kept

        await offer_kept(message, state, user, t)


@router.message(Command("help"))
@router.message(F.text.in_(labels("menu-help")))
async def cmd_help(
    message: Message, roles: frozenset[Role], t: Text, session: AsyncSession, user: User
) -> None:
    """What the bot can do, for this user's roles, and how to reach their community office."""
    await message.answer(await help_text(t, roles, session=session, user=user))


async def help_text(t: Text, roles: Collection[Role], *, session: AsyncSession, user: User) -> str:
    """/help's text: what the bot does for these roles, then the person's community office."""
    # each of the person's own menu buttons in plain words (many readers are old and new to it)
    keys = menu_keys(roles, registered=user.registered, is_member=Role.MEMBER in roles)
    lines = [
        t("help-button", label=t(key), what=t("help-what-" + key.removeprefix("menu-")))
        for key in keys
        if key != "menu-help"
    ]
    text = "\n".join([t("help-text"), *lines, "", t("help-text-commands")])
    if Role.STAFF in roles or Role.ADMIN in roles:
        text += "\n\n" + t("help-text-staff")
    if Role.ADMIN in roles:
        text += "\n\n" + t("help-text-admin")
    office = await org.office_of(session, user_id=user.id)
    if office is not None:
        text += "\n\n" + office_text(t, office)
    return text


def office_text(t: Text, office: Community) -> str:
    """The community office's name, phone, address and hours (those on file)."""
    lines = [t("office-title", community=shown_name(office, t.lang))]
    for key, value in (
        ("office-phone", office.phone),
        ("office-address", office.address),
        ("office-hours", office.office_hours),
    ):
        if value:
            lines.append(t(key, value=value))
    return "\n".join(lines)


@router.message(Command("cancel"))
async def cmd_cancel(
    message: Message, state: FSMContext, user: User, roles: frozenset[Role], t: Text
) -> None:
    """Leave any flow, from anywhere."""
    had_flow = await state.get_state() is not None
    await state.clear()
    await message.answer(
        t("cancel-done" if had_flow else "cancel-nothing"),
        reply_markup=main_menu(t, roles, registered=user.registered),
    )


@router.message(Command("broadcast"))
async def cmd_broadcast(message: Message, state: FSMContext, ctx: UpdateCtx) -> None:
    """📢 发通知 for staff: a form in progress is left as that menu button leaves it (said when
    something entered was not kept). Here, before any form's step could take it as an answer;
    anyone else keeps their form and is told the command is staff's."""
    roles, t = ctx.roles, ctx.t
    if not roles & {Role.STAFF, Role.ADMIN}:
        lines = [t("broadcast-staff-only")]
        current = await state.get_state()
        if current is not None:
            flow = flow_name(t, current, await state.get_data())
            lines.append(t("broadcast-staff-only-form", flow=flow))
        await message.answer("\n".join(lines))
        return
    await leave(message, state, t)
    await start_broadcast(message, state, ctx)


@router.message(Command("lang"))
async def cmd_lang(message: Message, t: Text, translator: Translator) -> None:
    """Offer the languages we have, each named in itself (中文（简体）, 繁體中文, English)."""
    buttons = [
        [
            InlineKeyboardButton(
                text=translator.get(code, f"lang-name-{code}"),
                callback_data=LangCb(code=code).pack(),
            )
        ]
        for code in translator.languages
    ]
    await message.answer(
        t("lang-choose"), reply_markup=InlineKeyboardMarkup(inline_keyboard=buttons)
    )


@router.callback_query(LangCb.filter())
async def on_lang_chosen(
    query: CallbackQuery,
    callback_data: LangCb,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    translator: Translator,
    t: Text,
    bot: Bot,
) -> None:
    """Store the language and answer in it, with the main menu and the command menu in it.

    The menu means a fresh start, so a flow left half-way (its prompt is in the old language)
    ends here, and says so when something entered was not kept (in the chosen language);
    before, the next thing typed was still taken as that step's answer.
    """
    if callback_data.code not in translator.languages:
        await query.answer(t("err-stale-button"), show_alert=True)
        return
    await user_service.set_language(session, user=user, language=callback_data.code)
    # Telegram picks default command lists by a two-letter code, so "zh" cannot tell Traditional
    # from Simplified: the chosen language's commands go to this chat itself.
    await set_user_commands(
        bot, translator, user_id=user.id, language=callback_data.code, roles=roles
    )
    t = translator.bind(callback_data.code)  # from now on, the chosen language
    await query.answer()
    if not isinstance(query.message, Message):  # too old to answer in: the flow ends anyway
        await state.clear()
        return
    await leave(query.message, state, t)
    await query.message.edit_text(t("lang-set"))
    await query.message.answer(
        t("start-greeting-registered", name=user.first_name or t("role-resident")),
        reply_markup=main_menu(t, roles, registered=user.registered),
    )
