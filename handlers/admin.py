"""Admins: invite staff with a one-time link, list and revoke staff."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command, CommandObject
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.deep_linking import create_start_link
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.catalogue_watch import CatalogueWatch
from bot.commands import set_user_commands
from bot.i18n import Raw, Text, Translator
from bot.settings import Settings
from handlers.consult_kit import same_markup
from handlers.filters import IS_ADMIN
from handlers.keyboards import inline_kb
from handlers.menu import labels, main_menu
from handlers.notify import notify
from models import Community, Grid, Role, User, shown_name
from services import audit, org
from services import categories as category_service
from services import staff as staff_service
from services.order_common import catalogue
from services.skills import SKILLS
from services.users import effective_roles

router = Router(name="admin")
router.message.filter(F.chat.type == "private", IS_ADMIN)
router.callback_query.filter(IS_ADMIN)
# admin buttons tapped (or forged) by someone who is not an admin: refused, logged, audited
refused_router = Router(name="admin-refused")
log = logging.getLogger(__name__)


class AdminCb(CallbackData, prefix="adm"):
    """Admin actions."""

    action: str
    id: int = 0


class OrgCb(CallbackData, prefix="adm-org"):
    """The org structure pages (handlers.admin_org): `id` a community, grid or building, `to`
    the grid a building moves to, `page` of a long list."""

    action: str
    id: int = 0
    to: int = 0
    page: int = 0


@refused_router.callback_query(OrgCb.filter())
@refused_router.callback_query(AdminCb.filter())
async def on_admin_button_not_admin(query: CallbackQuery, session: AsyncSession, t: Text) -> None:
    """Not an admin (any more): a revoked admin's old card, or data forged by staff or a
    resident. Before, it read as a stale button and was logged as one."""
    log.warning("refused: admin button %r from %s", query.data, query.from_user.id)
    await audit.refused(session, actor_id=query.from_user.id, what=query.data or "")
    await query.answer(t("err-not-allowed"), show_alert=True)


def _admin_menu(t: Text) -> InlineKeyboardMarkup:
    return inline_kb(
        [
            [(t("admin-invite"), AdminCb(action="invite").pack())],
            [(t("admin-invite-grid"), AdminCb(action="ginv").pack())],
            [(t("admin-staff-list"), AdminCb(action="staff").pack())],
            [(t("admin-invite-admin"), AdminCb(action="ainv").pack())],
            [(t("admin-admin-list"), AdminCb(action="admins").pack())],
            [(t("admin-org"), OrgCb(action="top").pack())],
            [(t("admin-categories"), AdminCb(action="cats").pack())],
        ]
    )


def _back_to_menu(t: Text) -> list[tuple[str, str]]:
    """The row that leads from a page of the admin menu back to it."""
    return [(t("admin-back"), AdminCb(action="menu").pack())]


@router.message(Command("admin"))
@router.message(F.text.in_(labels("menu-admin")))
async def cmd_admin(message: Message, t: Text) -> None:
    """The admin menu."""
    await message.answer(t("admin-menu"), reply_markup=_admin_menu(t))


@router.callback_query(AdminCb.filter(F.action == "menu"))
async def on_admin_menu(query: CallbackQuery, t: Text) -> None:
    """Back to the admin menu from one of its pages."""
    await query.answer()
    assert isinstance(query.message, Message)
    await _edit(query.message, t("admin-menu"), _admin_menu(t))


async def _edit(
    message: Message, text: str, markup: InlineKeyboardMarkup, *, new: bool = False
) -> None:
    """Show a page of the admin menu in its message (a second tap changes nothing), or as a
    new message (`new`: the page was named in words)."""
    if new:
        await message.answer(text, reply_markup=markup)
        return
    if message.html_text == text and same_markup(message, markup):
        return  # showing it already (a stale or second tap)
    await message.edit_text(text, reply_markup=markup)


class InviteCb(CallbackData, prefix="adm-inv"):
    """A community on the /invite list; `key` is the list's (one list, one invitation)."""

    community: int
    key: str


@refused_router.callback_query(InviteCb.filter())
async def on_invite_button_not_admin(query: CallbackQuery, session: AsyncSession, t: Text) -> None:
    """The community list's buttons from someone who is not an admin: as other admin buttons."""
    await on_admin_button_not_admin(query, session, t)


@router.message(Command("invite"))
async def cmd_invite(message: Message, session: AsyncSession, t: Text) -> None:
    """Choose the community to invite staff for."""
    await message.answer(t("admin-choose-community"), reply_markup=await _communities(session, t))


async def _communities(session: AsyncSession, t: Text) -> InlineKeyboardMarkup:
    communities = await org.list_communities(session)
    key = staff_service.new_invite_list_key()
    rows = [
        [(shown_name(c, t.lang), InviteCb(community=c.id or 0, key=key).pack())]
        for c in communities
    ]
    return inline_kb([*rows, _back_to_menu(t)])


@router.callback_query(AdminCb.filter(F.action == "invite"))
# a list from before lists had keys (adm:inv-c:ID): shown again with keys, to be tapped anew
@router.callback_query(AdminCb.filter(F.action == "inv-c"))
async def on_invite(query: CallbackQuery, session: AsyncSession, t: Text) -> None:
    """Choose the community to invite staff for."""
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.edit_text(
        t("admin-choose-community"), reply_markup=await _communities(session, t)
    )


# the chat's FSM data: the code of the invitation whose link the chat has been shown
SHOWN_INVITE = "invite_shown"


class GridInviteCb(CallbackData, prefix="adm-ginv"):
    """A grid on the grid-worker invitation list; `key` is the list's, as in InviteCb."""

    community: int
    grid: int
    key: str


@refused_router.callback_query(GridInviteCb.filter())
async def on_grid_invite_button_not_admin(
    query: CallbackQuery, session: AsyncSession, t: Text
) -> None:
    """The grid list's buttons from someone who is not an admin: as other admin buttons."""
    await on_admin_button_not_admin(query, session, t)


@router.callback_query(AdminCb.filter(F.action == "ginv"))
async def on_grid_invite(query: CallbackQuery, session: AsyncSession, t: Text) -> None:
    """➕ 邀请网格员: first the community."""
    await query.answer()
    assert isinstance(query.message, Message)
    await _grid_invite_page(query.message, session, t)


async def _grid_invite_page(
    message: Message, session: AsyncSession, t: Text, *, new: bool = False
) -> None:
    rows = [
        [(shown_name(c, t.lang), AdminCb(action="ginv-c", id=c.id or 0).pack())]
        for c in await org.list_communities(session)
    ]
    markup = inline_kb([*rows, _back_to_menu(t)])
    await _edit(message, t("admin-choose-grid-community"), markup, new=new)


@router.callback_query(AdminCb.filter(F.action == "ginv-c"))
async def on_grid_invite_community(
    query: CallbackQuery, callback_data: AdminCb, session: AsyncSession, t: Text
) -> None:
    """Then the grid the worker will serve: one list, one invitation (as /invite)."""
    assert isinstance(query.message, Message)
    community = await session.get(Community, callback_data.id)
    grids = await org.list_grids(session, community_id=callback_data.id) if community else []
    if community is None or not grids:
        await query.answer(t("admin-no-grids"), show_alert=True)
        return
    await query.answer()
    key = staff_service.new_invite_list_key()
    rows = [
        [
            (
                shown_name(g, t.lang),
                GridInviteCb(community=community.id or 0, grid=g.id or 0, key=key).pack(),
            )
        ]
        for g in grids
    ]
    rows.append([(t("admin-back-communities"), AdminCb(action="ginv").pack())])
    await query.message.edit_text(
        t("admin-choose-grid", community=shown_name(community, t.lang)),
        reply_markup=inline_kb(rows),
    )


@router.callback_query(GridInviteCb.filter())
async def on_invite_grid(
    query: CallbackQuery,
    callback_data: GridInviteCb,
    session: AsyncSession,
    state: FSMContext,
    user: User,
    roles: frozenset[Role],
    settings: Settings,
    bot: Bot,
    t: Text,
) -> None:
    """A one-time link that makes whoever opens it a grid worker of that grid (staff scoped
    to it, as `linli grant staff --grid`); a second tap on the list makes no second link."""
    made = await staff_service.create_invitation(
        session,
        admin=user,
        roles=roles,
        community_id=callback_data.community,
        grid_id=callback_data.grid,
        ttl=timedelta(hours=settings.invite_ttl_hours),
        list_key=callback_data.key,
    )
    invitation = made.invitation
    community = await session.get(Community, invitation.community_id)
    grid = await session.get(Grid, invitation.grid_id) if invitation.grid_id else None
    where = t(
        "admin-grid-place",
        community=shown_name(community, t.lang) if community else "-",
        grid=shown_name(grid, t.lang) if grid else "-",
    )
    if not made.created and (await state.get_data()).get(SHOWN_INVITE) == invitation.code:
        other = invitation.grid_id != callback_data.grid
        await query.answer(t("admin-invite-again", community=Raw(where)), show_alert=other)
        return
    link = await create_start_link(bot, staff_service.INVITE_PREFIX + invitation.code)
    await query.answer()
    hours = settings.invite_ttl_hours
    text = t("admin-invite-grid-link", place=Raw(where), hours=hours, link=link)
    await _show_invite_link(query, bot, text)
    await state.update_data({SHOWN_INVITE: invitation.code})


@router.callback_query(InviteCb.filter())
async def on_invite_community(
    query: CallbackQuery,
    callback_data: InviteCb,
    session: AsyncSession,
    state: FSMContext,
    user: User,
    roles: frozenset[Role],
    settings: Settings,
    bot: Bot,
    t: Text,
) -> None:
    """Create a one-time link for that community. A second tap on the same list (a double
    tap, or two at once) makes no second link: it is told the link is shown above, or, when
    the link could not be shown (a Bot API error), it is shown now."""
    made = await staff_service.create_invitation(
        session,
        admin=user,
        roles=roles,
        community_id=callback_data.community,
        ttl=timedelta(hours=settings.invite_ttl_hours),
        list_key=callback_data.key,
    )
    invitation = made.invitation
    community = await session.get(Community, invitation.community_id)
    name = shown_name(community, t.lang) if community else "-"
    if not made.created and (await state.get_data()).get(SHOWN_INVITE) == invitation.code:
        # The first tap showed the link: editing again would change nothing. An alert when
        # another community was tapped: that one got no link.
        other = invitation.community_id != callback_data.community
        await query.answer(t("admin-invite-again", community=name), show_alert=other)
        return
    link = await create_start_link(bot, staff_service.INVITE_PREFIX + invitation.code)
    await query.answer()
    text = t("admin-invite-link", community=name, hours=settings.invite_ttl_hours, link=link)
    await _show_invite_link(query, bot, text)
    await state.update_data({SHOWN_INVITE: invitation.code})


async def _show_invite_link(query: CallbackQuery, bot: Bot, text: str) -> None:
    """The list's message becomes the link; a list Telegram will not let us edit (too old,
    deleted) gets the link as a message of its own. Another error (a network or server one)
    is raised: the link is not marked shown, and the next tap on the list tries again."""
    if isinstance(query.message, Message):
        try:
            await query.message.edit_text(text)
            return
        except TelegramBadRequest as exc:
            if "message is not modified" in exc.message:  # shown already
                return
            log.info("invite list not edited (%s): the link is sent", exc.message)
    await bot.send_message(chat_id=query.from_user.id, text=text)


class AdminInviteCb(CallbackData, prefix="adm-ainv"):
    """✅ 生成管理员邀请链接 on its page; `key` is the page's, as in InviteCb."""

    key: str


@refused_router.callback_query(AdminInviteCb.filter())
async def on_admin_invite_button_not_admin(
    query: CallbackQuery, session: AsyncSession, t: Text
) -> None:
    """The admin invitation's button from someone who is not an admin: refused and logged."""
    await on_admin_button_not_admin(query, session, t)


@router.callback_query(AdminCb.filter(F.action == "ainv"))
async def on_admin_invite(query: CallbackQuery, t: Text) -> None:
    """👑 邀请管理员: what an admin may do, asked once more before a link is made."""
    await query.answer()
    assert isinstance(query.message, Message)
    await _admin_invite_page(query.message, t)


async def _admin_invite_page(message: Message, t: Text, *, new: bool = False) -> None:
    key = staff_service.new_invite_list_key()
    markup = inline_kb(
        [[(t("admin-invite-admin-yes"), AdminInviteCb(key=key).pack())], _back_to_menu(t)]
    )
    if new:
        await message.answer(t("admin-invite-admin-confirm"), reply_markup=markup)
    else:
        await message.edit_text(t("admin-invite-admin-confirm"), reply_markup=markup)


@router.callback_query(AdminInviteCb.filter())
async def on_admin_invite_link(
    query: CallbackQuery,
    callback_data: AdminInviteCb,
    session: AsyncSession,
    state: FSMContext,
    user: User,
    roles: frozenset[Role],
    settings: Settings,
    bot: Bot,
    t: Text,
) -> None:
    """A one-time link that makes whoever opens it an admin (as `linli grant admin`); a second
    tap on the page makes no second link."""
    made = await staff_service.create_invitation(
        session,
        admin=user,
        roles=roles,
        community_id=None,
        role=Role.ADMIN,
        ttl=timedelta(hours=settings.invite_ttl_hours),
        list_key=callback_data.key,
    )
    code = made.invitation.code
    if not made.created and (await state.get_data()).get(SHOWN_INVITE) == code:
        await query.answer(t("admin-invite-admin-again"))
        return
    link = await create_start_link(bot, staff_service.INVITE_PREFIX + code)
    await query.answer()
    text = t("admin-invite-admin-link", hours=settings.invite_ttl_hours, link=link)
    await _show_invite_link(query, bot, text)
    await state.update_data({SHOWN_INVITE: code})


@router.callback_query(AdminCb.filter(F.action == "staff"))
async def on_staff_list(
    query: CallbackQuery, callback_data: AdminCb, session: AsyncSession, t: Text
) -> None:
    """Every staff account with a revoke button, a page at a time."""
    await query.answer()
    assert isinstance(query.message, Message)
    await _show_staff_list(query.message, session, t, page=callback_data.id)


STAFF_PER_PAGE = 15  # a sub-district's staff can be over 100: Telegram takes 100 buttons at most


async def _show_staff_list(
    message: Message, session: AsyncSession, t: Text, *, page: int = 0, new: bool = False
) -> None:
    everyone = await staff_service.list_staff(session)
    if not everyone:
        await _edit(message, t("admin-staff-none"), inline_kb([_back_to_menu(t)]), new=new)
        return
    pages = -(-len(everyone) // STAFF_PER_PAGE)
    page = min(max(page, 0), pages - 1)  # the list got shorter since the button was made
    staff = everyone[page * STAFF_PER_PAGE : (page + 1) * STAFF_PER_PAGE]
    communities = {c.id: shown_name(c, t.lang) for c in await org.list_communities(session)}
    grids = await org.grid_names(session, lang=t.lang)
    # what the list is (and which page), above it: before, it opened on the first name
    if pages > 1:
        title = t("admin-staff-title-page", page=page + 1, pages=pages, count=len(everyone))
    else:
        title = t("admin-staff-title", count=len(everyone))
    lines = [title]
    rows = []
    for member, scopes in staff:
        names = t.join(
            t(
                "admin-staff-scope-grid",
                community=communities.get(s.community_id, "?"),
                grid=grids.get(s.grid_id, "?"),
            )
            if s.grid_id
            else html.escape(communities.get(s.community_id, "?"), quote=False)
            for s in scopes
        )
        lines.append(
            t(
                "admin-staff-item",
                name=member.display_name,
                id=str(member.id),
                communities=Raw(names),  # each escaped above
            )
        )
        rows.append(
            [
                (
                    t("admin-revoke", name=member.display_name),
                    AdminCb(action="revoke", id=member.id).pack(),
                )
            ]
        )
    if pages > 1:
        turn = []
        if page > 0:
            turn.append((t("common-prev-page"), AdminCb(action="staff", id=page - 1).pack()))
        if page < pages - 1:
            turn.append((t("common-next-page"), AdminCb(action="staff", id=page + 1).pack()))
        rows.append(turn)
    rows.append(_back_to_menu(t))
    await _edit(message, "\n".join(lines), inline_kb(rows), new=new)


async def _is_staff(session: AsyncSession, telegram_id: int) -> User | None:
    """The account when it still holds a staff scope, else None."""
    for member, _scopes in await staff_service.list_staff(session):
        if member.id == telegram_id:
            return member
    return None


@router.callback_query(AdminCb.filter(F.action == "revoke"))
async def on_revoke_ask(
    query: CallbackQuery, callback_data: AdminCb, session: AsyncSession, t: Text
) -> None:
    """Revoking is asked once more: one stray tap on a long list took someone's work away."""
    assert isinstance(query.message, Message)
    member = await _is_staff(session, callback_data.id)
    if member is None:
        await query.answer(t("admin-revoke-gone"), show_alert=True)
        await _show_staff_list(query.message, session, t)
        return
    await query.answer()
    await query.message.edit_text(
        await _revoke_question(session, member, t),
        reply_markup=_revoke_confirm(t, member.id, yes="revoke-yes", back="staff"),
    )


def grid_places(held: list[staff_service.HeldPlace], t: Text) -> str | None:
    """'阳光社区 · 第一网格' (in the reader's language) for someone who is staff of grids only,
    so that what is taken away reads 网格员, not 社区工作人员; None for community staff."""
    if not held or any(place.grid is None for place in held):
        return None
    return t.join(
        " · ".join(shown_name(p, t.lang) for p in (place.community, place.grid) if p)
        for place in held
    )


async def _revoke_question(session: AsyncSession, member: User, t: Text) -> str:
    """The question asked before a revoke: a grid worker's names their grid."""
    held = await staff_service.held_places(session, telegram_id=member.id)
    grids = grid_places(held, t)
    if grids is not None:
        return t("admin-revoke-confirm-grid", name=member.display_name, place=grids)
    return t("admin-revoke-confirm", name=member.display_name)


@router.callback_query(AdminCb.filter(F.action == "revoke-yes"))
async def on_revoke(
    query: CallbackQuery,
    callback_data: AdminCb,
    session: AsyncSession,
    user: User,
    settings: Settings,
    bot: Bot,
    translator: Translator,
    clock: Callable[[], datetime],
    t: Text,
) -> None:
    """Take away every staff scope of that account; the list is shown again without them.

    A second tap (or a colleague who was quicker) changes nothing and tells nobody again.
    """
    assert isinstance(query.message, Message)
    if await _is_staff(session, callback_data.id) is None:
        await query.answer(t("admin-revoke-gone"), show_alert=True)
        await _show_staff_list(query.message, session, t)
        return
    held = await staff_service.held_places(session, telegram_id=callback_data.id)
    member = await staff_service.revoke(
        session, telegram_id=callback_data.id, role=Role.STAFF, revoked_by=user.id
    )
    grids = grid_places(held, t)
    if grids is not None:
        done = t("admin-revoked-grid", name=member.display_name, place=grids)
    else:
        done = t("admin-revoked", name=member.display_name)
    await query.answer(done, show_alert=True)
    await _show_staff_list(query.message, session, t)
    # The former staff member is told, gets the resident menu back and loses staff commands.
    await _tell_revoked(
        session,
        bot,
        translator,
        settings,
        member,
        key="admin-revoked-user",
        now=clock(),
        held=held,
    )


async def _tell_revoked(
    session: AsyncSession,
    bot: Bot,
    translator: Translator,
    settings: Settings,
    member: User,
    *,
    key: str,
    now: datetime,
    held: list[staff_service.HeldPlace] | None = None,
) -> None:
    """Someone whose role was taken away is told (`key`), with the menu and the commands
    the roles they have left give; a grid worker (`held`: the grids they had) is told the
    grid worker's words, naming the grid in their language."""
    roles = effective_roles(member, admin_ids=settings.admin_ids)
    await set_user_commands(
        bot, translator, user_id=member.id, language=member.language, roles=roles
    )
    await notify(
        session,
        translator,
        [member],
        lambda tt: revoked_words(tt, key, held or []),
        lambda tt: main_menu(tt, roles, registered=member.registered),
        now=now,
    )


def revoked_words(t: Text, key: str, held: list[staff_service.HeldPlace]) -> str:
    """What a revoked person reads: `key`, or for a grid worker the grid worker's words."""
    grids = grid_places(held, t) if key == "admin-revoked-user" else None
    if grids is not None:
        return t("admin-revoked-grid-user", place=grids)
    return t(key)


def _revoke_confirm(t: Text, who: int, *, yes: str, back: str) -> InlineKeyboardMarkup:
    """✅ 确定撤销 / ⬅️ 返回列表 under a revoke's question (asked once more)."""
    return inline_kb(
        [
            [(t("admin-revoke-yes"), AdminCb(action=yes, id=who).pack())],
            [(t("admin-revoke-back"), AdminCb(action=back).pack())],
        ]
    )


async def ask_revoke_typed(message: Message, session: AsyncSession, member: User, t: Text) -> None:
    """'撤销李社工' typed: the question the list's 撤销 button asks, in a new message."""
    await message.answer(
        await _revoke_question(session, member, t),
        reply_markup=_revoke_confirm(t, member.id, yes="revoke-yes", back="staff"),
    )


async def open_typed_page(
    message: Message,
    page: str,
    *,
    session: AsyncSession,
    user: User,
    settings: Settings,
    t: Text,
) -> bool:
    """An admin menu page named in words ('邀请网格员', '工作人员列表', the key of its button):
    shown as the button shows it, in a new message; False for a page not kept here."""
    if page == "menu-admin":
        await cmd_admin(message, t)
    elif page == "admin-invite":
        await cmd_invite(message, session, t)
    elif page == "admin-invite-grid":
        await _grid_invite_page(message, session, t, new=True)
    elif page == "admin-staff-list":
        await _show_staff_list(message, session, t, new=True)
    elif page == "admin-invite-admin":
        await _admin_invite_page(message, t, new=True)
    elif page == "admin-admin-list":
        await _show_admin_list(message, session, t, me=user.id, settings=settings, new=True)
    elif page == "admin-categories":
        await _edit(message, _catalogue_text(t), inline_kb([_back_to_menu(t)]), new=True)
    else:
        return False
    return True


# ---------------------------------------------------------------- the admins themselves


@router.callback_query(AdminCb.filter(F.action == "admins"))
async def on_admin_list(
    query: CallbackQuery, session: AsyncSession, user: User, settings: Settings, t: Text
) -> None:
    """Who the sub-district's admins are; those granted in the bot or by `linli grant` can be
    revoked here (not oneself, not those the settings name)."""
    await query.answer()
    assert isinstance(query.message, Message)
    await _show_admin_list(query.message, session, t, me=user.id, settings=settings)


async def _show_admin_list(
    message: Message,
    session: AsyncSession,
    t: Text,
    *,
    me: int,
    settings: Settings,
    new: bool = False,
) -> None:
    admins = await staff_service.list_admins(session, admin_ids=settings.admin_ids)
    lines = [t("admin-admins-title", count=len(admins))]
    rows = []
    for entry in admins:
        name = entry.user.display_name if entry.user else t("admin-admins-never-opened")
        if entry.from_settings:
            key = "admin-admins-item-settings"
        elif entry.id == me:
            key = "admin-admins-item-self"
        else:
            key = "admin-admins-item"
            rows.append(
                [(t("admin-revoke", name=name), AdminCb(action="arev", id=entry.id).pack())]
            )
        lines.append(t(key, name=name, id=str(entry.id)))
    rows.append(_back_to_menu(t))
    await _edit(message, "\n".join(lines), inline_kb(rows), new=new)


async def _revocable_admin(
    query: CallbackQuery, session: AsyncSession, t: Text, *, me: int, settings: Settings, who: int
) -> User | None:
    """The admin the button names, when they may be revoked from here; else the reason is
    answered (and, for someone who is not an admin any more, the list shown anew)."""
    assert isinstance(query.message, Message)
    entry = next(
        (
            a
            for a in await staff_service.list_admins(session, admin_ids=settings.admin_ids)
            if a.id == who
        ),
        None,
    )
    if entry is None or entry.user is None:
        await query.answer(t("admin-admin-revoke-gone"), show_alert=True)
        await _show_admin_list(query.message, session, t, me=me, settings=settings)
        return None
    if entry.from_settings or who == me:
        # no such button is shown: forged or from an old list
        log.warning("refused: revoke admin %s by %s", who, me)
        await audit.refused(session, actor_id=me, what=query.data or "")
        key = "admin-admin-revoke-settings" if entry.from_settings else "admin-admin-revoke-self"
        await query.answer(t(key), show_alert=True)
        return None
    return entry.user


@router.callback_query(AdminCb.filter(F.action == "arev"))
async def on_admin_revoke_ask(
    query: CallbackQuery,
    callback_data: AdminCb,
    session: AsyncSession,
    user: User,
    settings: Settings,
    t: Text,
) -> None:
    """Revoking an admin is asked once more, as revoking staff is."""
    admin = await _revocable_admin(
        query, session, t, me=user.id, settings=settings, who=callback_data.id
    )
    if admin is None:
        return
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.edit_text(
        t("admin-admin-revoke-confirm", name=admin.display_name),
        reply_markup=_revoke_confirm(t, admin.id, yes="arev-yes", back="admins"),
    )


@router.callback_query(AdminCb.filter(F.action == "arev-yes"))
async def on_admin_revoke(
    query: CallbackQuery,
    callback_data: AdminCb,
    session: AsyncSession,
    user: User,
    settings: Settings,
    bot: Bot,
    translator: Translator,
    clock: Callable[[], datetime],
    t: Text,
) -> None:
    """Take the admin role away; they are told, with the menu and commands they have now.
    A second tap (or a quicker colleague) changes nothing and tells nobody again."""
    admin = await _revocable_admin(
        query, session, t, me=user.id, settings=settings, who=callback_data.id
    )
    if admin is None:
        return
    assert isinstance(query.message, Message)
    member = await staff_service.revoke(
        session,
        telegram_id=admin.id,
        role=Role.ADMIN,
        revoked_by=user.id,
        admin_ids=settings.admin_ids,
    )
    await query.answer(t("admin-admin-revoked", name=member.display_name), show_alert=True)
    await _show_admin_list(query.message, session, t, me=user.id, settings=settings)
    await _tell_revoked(
        session, bot, translator, settings, member, key="admin-revoked-admin-user", now=clock()
    )


@router.message(Command("categories"))
async def cmd_categories(message: Message, t: Text) -> None:
    """The request catalogue with deadlines and skills, and how to change it."""
    await message.answer(_catalogue_text(t))


@router.callback_query(AdminCb.filter(F.action == "cats"))
async def on_categories(query: CallbackQuery, t: Text) -> None:
    """The admin menu's 🏷 诉求分类: the catalogue as /categories shows it, with a way back."""
    await query.answer()
    assert isinstance(query.message, Message)
    await _edit(query.message, _catalogue_text(t), inline_kb([_back_to_menu(t)]))


def _catalogue_text(t: Text) -> str:
    lines = [t("cat-list-title")]
    for category in catalogue():  # in force in every process (the database's newest edit)
        skills = t.join(t(f"skill-{s}") for s in category.skills) or "-"
        lines.append(
            t(
                "cat-list-item",
                code=category.code,
                name=category.name(t.lang),
                hours=category.deadline_hours,
                skills=skills,
            )
        )
    lines.append("")
    lines.append(t("cat-usage"))
    # the add form takes skill codes, and the list above names skills in words: say which is which
    codes = t.join(t("cat-skill-code", code=s, name=t(f"skill-{s}")) for s in SKILLS)
    lines.append(t("cat-skill-codes", skills=Raw(codes)))  # each escaped above
    return "\n".join(lines)


@router.message(Command("category"))
async def cmd_category(
    message: Message,
    command: CommandObject,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    settings: Settings,
    catalogue_watch: CatalogueWatch,
    t: Text,
) -> None:
    """/category deadline|add|rename|hant|remove …: edit the catalogue (the service validates
    and saves)."""
    edit = category_service.parse_catalogue_edit(command.args or "")
    # 'add' with a code in use replaces that category whole: say so, and what it was
    replaced = next((c for c in catalogue() if c.code == edit.code), None)
    categories = await category_service.apply_edit(
        session, admin=user, roles=roles, data_dir=settings.data_dir, edit=edit
    )
    await catalogue_watch.changed()  # the other bot processes take it up
    lines = [t("cat-updated")]
    if edit.action == "add" and replaced is not None:
        skills = t.join(t(f"skill-{s}") for s in replaced.skills) or "-"
        lines.append(
            t(
                "cat-replaced",
                code=edit.code,
                name=replaced.name(t.lang),
                hours=replaced.deadline_hours,
                skills=skills,
            )
        )
    if edit.action in ("add", "rename"):  # new names: say what Traditional readers will see
        [named] = [c for c in categories if c.code == edit.code]
        hant = named.names.get("zh-Hant")
        key = "cat-hant-made" if hant else "cat-hant-none"
        lines.append(t(key, code=edit.code, name=hant or named.name("zh-Hans")))
    await message.answer("\n".join(lines))
