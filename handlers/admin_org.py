"""Admins: the org structure (🏘 组织架构) — communities → grids → buildings, a page at a time;
add a community, a grid or a building, rename any of them, give a community or a grid an
English name, move a building to another grid. The service (services.org_edit) checks the role
again, validates names and refuses what cannot be done."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from aiogram import F, Router
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import (
    CallbackQuery,
    InlineKeyboardMarkup,
    KeyboardButton,
    Message,
    ReplyKeyboardMarkup,
)
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Text
from handlers.admin import AdminCb, OrgCb
from handlers.consult_kit import same_markup
from handlers.filters import IS_ADMIN
from handlers.keyboards import cancel_keyboard, inline_kb
from handlers.menu import is_skip, labels, main_menu
from handlers.text_steps import refuse_button_labels
from models import Building, Community, Grid, Role, User, shown_name
from services import org
from services import org_edit as org_service
from services.errors import InvalidInput, NotFound

router = Router(name="admin-org")
router.message.filter(F.chat.type == "private", IS_ADMIN)
router.callback_query.filter(IS_ADMIN)
log = logging.getLogger(__name__)

PER_PAGE = 8  # buttons of one list page: a community can have dozens of buildings


class OrgEdit(StatesGroup):
    """A name typed for an org edit; the data says which (`org_edit`) and of what (`org_id`)."""

    name = State()
    # a new community: its English name (or 跳过), then ✅ 确定新建 under what was typed
    english = State()
    confirm = State()
    # an office's phone, address or hours (`org_field`) of community `org_id`: typed, or (said
    # in words with the value) confirmed; or, said without naming one, which community
    contact = State()
    contact_confirm = State()
    contact_which = State()


# a stale button of another flow ("✅ 说完了", "跳过" …) is not a name
refuse_button_labels(router, OrgEdit.name)
refuse_button_labels(router, OrgEdit.english, allow=("common-skip",))
refuse_button_labels(router, OrgEdit.contact)


Row = list[tuple[str, str]]


def _paged(
    items: Sequence[Any],
    page: int,
    button: Callable[[Any], tuple[str, str]],
    turn: Callable[[int], str],
    t: Text,
) -> tuple[list[Row], str]:
    """The buttons of one page of a list, ◀️/▶️ to the others, and the page line (or "")."""
    pages = max(1, -(-len(items) // PER_PAGE))
    page = min(max(page, 0), pages - 1)  # the list got shorter since the button was made
    rows: list[Row] = [[button(item)] for item in items[page * PER_PAGE : (page + 1) * PER_PAGE]]
    if pages == 1:
        return rows, ""
    nav: Row = []
    if page > 0:
        nav.append((t("common-prev-page"), turn(page - 1)))
    if page < pages - 1:
        nav.append((t("common-next-page"), turn(page + 1)))
    rows.append(nav)
    return rows, t("org-page", page=page + 1, pages=pages, count=len(items))


async def _show(message: Message, text: str, markup: InlineKeyboardMarkup, *, new: bool) -> None:
    """A page in the message tapped, or as a new message after a typed name."""
    if new:
        await message.answer(text, reply_markup=markup)
    elif not (message.html_text == text and same_markup(message, markup)):
        await message.edit_text(text, reply_markup=markup)


def _named(t: Text, place: Community | Grid | Building) -> str:
    """A place as an admin edits it: its Chinese name (the one edited here), and for an English
    reader the English name beside it where one exists ('和谐社区 / Harmony Community',
    '1号楼 / Building 1')."""
    english = shown_name(place, "en")
    if t.lang != "en" or english == place.name:
        return place.name
    return f"{place.name} / {english}"


async def _communities_page(
    message: Message, session: AsyncSession, t: Text, *, page: int = 0, new: bool = False
) -> None:
    communities = await org.list_communities(session)
    rows, line = _paged(
        communities,
        page,
        lambda c: (_named(t, c), OrgCb(action="c", id=c.id or 0).pack()),
        lambda p: OrgCb(action="top", page=p).pack(),
        t,
    )
    rows.append([(t("org-add-community"), OrgCb(action="add-c").pack())])
    rows.append([(t("admin-back"), AdminCb(action="menu").pack())])
    text = "\n".join(x for x in (t("org-title"), line) if x)
    await _show(message, text, inline_kb(rows), new=new)


async def _community_page(
    message: Message,
    session: AsyncSession,
    t: Text,
    community_id: int,
    *,
    page: int = 0,
    new: bool = False,
) -> None:
    community = await session.get(Community, community_id)
    if community is None:
        raise NotFound("org-err-gone")
    grids = await org.list_grids(session, community_id=community_id)
    counts = await org_service.counts(session, community_id=community_id)
    rows, line = _paged(
        grids,
        page,
        lambda g: (
            t("org-grid-button", grid=_named(t, g), count=counts.get(g.id or 0, 0)),
            OrgCb(action="g", id=g.id or 0).pack(),
        ),
        lambda p: OrgCb(action="c", id=community_id, page=p).pack(),
        t,
    )
    rows += [
        [
            (t("org-add-grid"), OrgCb(action="add-g", id=community_id).pack()),
            (t("org-rename-community"), OrgCb(action="ren-c", id=community_id).pack()),
        ],
        [(t("org-english-name"), OrgCb(action="en-c", id=community_id).pack())],
        _contact_buttons(t, community_id),
        [(t("org-back-communities"), OrgCb(action="top").pack())],
    ]
    lines = [
        t("org-community", community=_named(t, community), grids=len(grids)),
        _english_line(t, community),
        _contact_lines(t, community),
        line,
    ]
    await _show(message, "\n".join(x for x in lines if x), inline_kb(rows), new=new)


async def _grid_page(
    message: Message,
    session: AsyncSession,
    t: Text,
    grid_id: int,
    *,
    page: int = 0,
    new: bool = False,
) -> None:
    grid = await session.get(Grid, grid_id)
    community = await session.get(Community, grid.community_id) if grid else None
    if grid is None or community is None:
        raise NotFound("org-err-gone")
    buildings = await org.list_buildings(session, community_id=grid.community_id, grid_id=grid_id)
    rows, line = _paged(
        buildings,
        page,
        lambda b: (_named(t, b), OrgCb(action="b", id=b.id or 0).pack()),
        lambda p: OrgCb(action="g", id=grid_id, page=p).pack(),
        t,
    )
    rows += [
        [
            (t("org-add-building"), OrgCb(action="add-b", id=grid_id).pack()),
            (t("org-rename-grid"), OrgCb(action="ren-g", id=grid_id).pack()),
        ],
        [(t("org-english-name"), OrgCb(action="en-g", id=grid_id).pack())],
        [(t("org-back-grids"), OrgCb(action="c", id=grid.community_id).pack())],
    ]
    lines = [
        t(
            "org-grid",
            community=_named(t, community),
            grid=_named(t, grid),
            buildings=len(buildings),
        ),
        _english_line(t, grid),
        line,
    ]
    await _show(message, "\n".join(x for x in lines if x), inline_kb(rows), new=new)


def _english_line(t: Text, place: Community | Grid) -> str:
    """The English name English readers see, where one is set (else no line); not for an
    English reader whose title names it already ('阳光社区 / Sunshine Community')."""
    if not place.name_en or _named(t, place) != place.name:
        return ""
    return t("org-english-line", name=place.name_en)


async def _building_page(
    message: Message, session: AsyncSession, t: Text, building_id: int, *, new: bool = False
) -> None:
    building = await session.get(Building, building_id)
    grid = await session.get(Grid, building.grid_id) if building else None
    if building is None or grid is None:
        raise NotFound("org-err-gone")
    rows = [
        [(t("org-rename-building"), OrgCb(action="ren-b", id=building_id).pack())],
        [(t("org-move-building"), OrgCb(action="mv", id=building_id).pack())],
        [(t("org-back-buildings"), OrgCb(action="g", id=grid.id or 0).pack())],
    ]
    text = t(
        "org-building",
        building=_named(t, building),
        grid=_named(t, grid),
        households=building.households,
    )
    await _show(message, text, inline_kb(rows), new=new)


@router.callback_query(OrgCb.filter(F.action.in_({"top", "c", "g", "b"})))
async def on_org_page(
    query: CallbackQuery, callback_data: OrgCb, session: AsyncSession, t: Text
) -> None:
    """🏘 组织架构 and its pages: the communities, a community's grids, a grid's buildings, a
    building."""
    assert isinstance(query.message, Message)
    await query.answer()
    action, oid, page = callback_data.action, callback_data.id, callback_data.page
    if action == "top":
        await _communities_page(query.message, session, t, page=page)
    elif action == "c":
        await _community_page(query.message, session, t, oid, page=page)
    elif action == "g":
        await _grid_page(query.message, session, t, oid, page=page)
    else:
        await _building_page(query.message, session, t, oid)


# what each ✏️/➕ button asks for, and the kind of thing it names
_ASKS = {
    "add-g": "org-ask-grid-name",
    "add-b": "org-ask-building-name",
    "ren-c": "org-ask-rename",
    "ren-g": "org-ask-rename",
    "ren-b": "org-ask-rename",
    "en-c": "org-ask-english",
    "en-g": "org-ask-english",
}
# the kind of thing an ✏️ or 🔤 button is about
_KINDS = {"ren-c": "community", "ren-g": "grid", "ren-b": "building"}
_ENGLISH_KINDS = {"en-c": "community", "en-g": "grid"}


@router.callback_query(OrgCb.filter(F.action.in_(set(_ASKS))))
async def on_org_ask_name(
    query: CallbackQuery, callback_data: OrgCb, session: AsyncSession, state: FSMContext, t: Text
) -> None:
    """➕ 新增网格 / ➕ 新增楼栋 / ✏️ 改名 / 🔤 英文名: ask for the name."""
    action = callback_data.action
    current = await _current(session, action, callback_data.id)
    await query.answer()
    await state.set_state(OrgEdit.name)
    await state.set_data({"org_edit": action, "org_id": callback_data.id})
    assert isinstance(query.message, Message)
    english = getattr(current, "name_en", None) or t("org-english-none")
    text = t(
        _ASKS[action],
        name=current.name,
        english=english,
        clear=org_service.NO_ENGLISH,
        limit=org_service.MAX_NAME,
    )
    await query.message.answer(text, reply_markup=cancel_keyboard(t))


async def _current(session: AsyncSession, action: str, oid: int) -> Community | Grid | Building:
    """The community, grid or building the button is about (gone: refused)."""
    thing: Community | Grid | Building | None
    if action.endswith("c"):
        thing = await session.get(Community, oid)
    elif action.endswith("g"):
        thing = await session.get(Grid, oid)
    else:
        thing = await session.get(Building, oid)
    if thing is None:
        raise NotFound("org-err-gone")
    return thing


@router.callback_query(OrgCb.filter(F.action == "add-c"))
async def on_add_community(
    query: CallbackQuery, session: AsyncSession, state: FSMContext, t: Text
) -> None:
    """➕ 新建社区: its name asked first."""
    await query.answer()
    await state.set_state(OrgEdit.name)
    await state.set_data({"org_edit": "add-c", "org_id": 0})
    assert isinstance(query.message, Message)
    text = t("org-ask-community-name", limit=org_service.MAX_NAME)
    await query.message.answer(text, reply_markup=cancel_keyboard(t))


def _skip_or_cancel(t: Text) -> ReplyKeyboardMarkup:
    """跳过 / ✖️ 取消 under the new community's English name, which is optional."""
    keys = ("common-skip", "common-cancel")
    return ReplyKeyboardMarkup(
        keyboard=[[KeyboardButton(text=t(key)) for key in keys]], resize_keyboard=True
    )


async def _ask_community_english(message: Message, state: FSMContext, t: Text, name: str) -> None:
    await state.update_data(org_name=name)
    await state.set_state(OrgEdit.english)
    text = t("org-ask-community-english", name=name, limit=org_service.MAX_NAME)
    await message.answer(text, reply_markup=_skip_or_cancel(t))


@router.message(StateFilter(OrgEdit.english), F.text, ~F.text.in_(labels("common-cancel")))
async def on_community_english(
    message: Message,
    session: AsyncSession,
    state: FSMContext,
    user: User,
    roles: frozenset[Role],
    t: Text,
) -> None:
    """The new community's English name (or 跳过); then what will be made, to confirm."""
    data = await state.get_data()
    name = str(data.get("org_name") or "")
    typed = message.text or ""
    english = ""
    if not is_skip(typed):
        english = await org_service.new_community_english(
            session, user=user, roles=roles, name=typed, chinese=name
        )
    await state.update_data(org_name_en=english)
    await state.set_state(OrgEdit.confirm)
    await _ask_confirm(message, t, name, english)


async def _ask_confirm(message: Message, t: Text, name: str, english: str) -> None:
    """What will be made, with ✅ 确定新建 / ✖️ 取消 under it (✖️ 取消 below the chat too)."""
    await message.answer(t("org-add-community-check"), reply_markup=cancel_keyboard(t))
    if english:
        text = t("org-add-community-confirm-english", name=name, english=english)
    else:
        text = t("org-add-community-confirm", name=name)
    buttons = [
        [(t("org-add-community-yes"), OrgCb(action="add-c-yes").pack())],
        [(t("common-cancel"), OrgCb(action="add-c-no").pack())],
    ]
    await message.answer(text, reply_markup=inline_kb(buttons))


@router.message(StateFilter(OrgEdit.confirm), F.text, ~F.text.in_(labels("common-cancel")))
async def on_confirm_typed(message: Message, state: FSMContext, t: Text) -> None:
    """Words typed instead of ✅ 确定新建: the question again (nothing is made unasked)."""
    data = await state.get_data()
    name, english = str(data.get("org_name") or ""), str(data.get("org_name_en") or "")
    await _ask_confirm(message, t, name, english)


@router.callback_query(OrgCb.filter(F.action.in_({"add-c-yes", "add-c-no"})))
async def on_add_community_confirm(
    query: CallbackQuery,
    callback_data: OrgCb,
    session: AsyncSession,
    state: FSMContext,
    user: User,
    roles: frozenset[Role],
    t: Text,
) -> None:
    """✅ 确定新建: the community is made and its page shown, to add its grids; ✖️ 取消:
    nothing is made. A button of a question answered already changes nothing."""
    assert isinstance(query.message, Message)
    data = await state.get_data()
    if await state.get_state() != OrgEdit.confirm.state or data.get("org_edit") != "add-c":
        await query.answer(t("err-stale-button"), show_alert=True)
        return
    menu = main_menu(t, roles, registered=user.registered)
    if callback_data.action == "add-c-no":
        await state.clear()
        await query.answer()
        await query.message.edit_reply_markup(reply_markup=None)
        await query.message.answer(t("org-cancelled"), reply_markup=menu)
        return
    done = await org_service.add_community(
        session,
        user=user,
        roles=roles,
        name=str(data.get("org_name") or ""),
        name_en=str(data.get("org_name_en") or "") or None,
    )
    await state.clear()
    await query.answer()
    await query.message.edit_reply_markup(reply_markup=None)
    await query.message.answer(t("org-done-add-c", name=done.name), reply_markup=menu)
    await _community_page(query.message, session, t, done.id, new=True)


@router.message(
    StateFilter(
        OrgEdit.name,
        OrgEdit.english,
        OrgEdit.confirm,
        OrgEdit.contact,
        OrgEdit.contact_confirm,
        OrgEdit.contact_which,
    ),
    F.text.in_(labels("common-cancel")),
)
async def on_org_name_cancel(
    message: Message, state: FSMContext, user: User, roles: frozenset[Role], t: Text
) -> None:
    """✖️ 取消: nothing changes."""
    await state.clear()
    await message.answer(
        t("org-cancelled"), reply_markup=main_menu(t, roles, registered=user.registered)
    )


@router.message(StateFilter(OrgEdit.name), F.text)
async def on_org_name(
    message: Message,
    session: AsyncSession,
    state: FSMContext,
    user: User,
    roles: frozenset[Role],
    t: Text,
) -> None:
    """The typed name: saved (and the page shown again), or refused politely (too long, taken
    …) and asked again."""
    data = await state.get_data()
    action, oid = str(data.get("org_edit")), int(data.get("org_id") or 0)
    typed = message.text or ""
    if action == "add-c":  # a new community: its English name next, then ✅ to make it
        name = await org_service.new_community_name(session, user=user, roles=roles, name=typed)
        await _ask_community_english(message, state, t, name)
        return
    if action == "add-g":
        done = await org_service.add_grid(
            session, user=user, roles=roles, community_id=oid, name=typed
        )
    elif action == "add-b":
        done = await org_service.add_building(
            session, user=user, roles=roles, grid_id=oid, name=typed
        )
    elif action in _ENGLISH_KINDS:
        done = await org_service.set_english_name(
            session, user=user, roles=roles, kind=_ENGLISH_KINDS[action], target_id=oid, name=typed
        )
    else:
        done = await org_service.rename(
            session, user=user, roles=roles, kind=_KINDS[action], target_id=oid, name=typed
        )
    await state.clear()
    menu = main_menu(t, roles, registered=user.registered)
    if done.before == done.name:
        key = "org-done-same" if done.name else "org-done-english-none"
    elif action in _ENGLISH_KINDS:
        key = "org-done-english" if done.name else "org-done-english-cleared"
    else:
        key = f"org-done-{action}"
    await message.answer(t(key, name=done.name, before=done.before), reply_markup=menu)
    if action == "add-g":
        await _community_page(message, session, t, oid, new=True)
    elif action in ("add-b", "ren-g", "en-g"):
        await _grid_page(message, session, t, oid, new=True)
    elif action in ("ren-c", "en-c"):
        await _community_page(message, session, t, oid, new=True)
    else:
        await _building_page(message, session, t, oid, new=True)


@router.callback_query(OrgCb.filter(F.action == "mv"))
async def on_move_building(
    query: CallbackQuery, callback_data: OrgCb, session: AsyncSession, t: Text
) -> None:
    """🔀 移到其他网格: the community's other grids, a page at a time."""
    assert isinstance(query.message, Message)
    building = await session.get(Building, callback_data.id)
    if building is None:
        raise NotFound("org-err-gone")
    grids = [
        g
        for g in await org.list_grids(session, community_id=building.community_id)
        if g.id != building.grid_id
    ]
    if not grids:
        await query.answer(t("org-move-no-grid"), show_alert=True)
        return
    await query.answer()
    bid = callback_data.id
    rows, line = _paged(
        grids,
        callback_data.page,
        lambda g: (_named(t, g), OrgCb(action="mv-to", id=bid, to=g.id or 0).pack()),
        lambda p: OrgCb(action="mv", id=bid, page=p).pack(),
        t,
    )
    rows.append([(t("org-back-building"), OrgCb(action="b", id=bid).pack())])
    text = "\n".join(x for x in (t("org-move-choose", building=_named(t, building)), line) if x)
    await _show(query.message, text, inline_kb(rows), new=False)


@router.callback_query(OrgCb.filter(F.action == "mv-to"))
async def on_move_building_ask(
    query: CallbackQuery, callback_data: OrgCb, session: AsyncSession, t: Text
) -> None:
    """Moving is asked once more: the building's residents change grid (and grid staff)."""
    assert isinstance(query.message, Message)
    building = await session.get(Building, callback_data.id)
    grid = await session.get(Grid, callback_data.to)
    if building is None or grid is None:
        raise NotFound("org-err-gone")
    await query.answer()
    rows = [
        [(t("org-move-yes"), OrgCb(action="mv-yes", id=callback_data.id, to=grid.id or 0).pack())],
        [(t("org-back-building"), OrgCb(action="b", id=callback_data.id).pack())],
    ]
    text = t("org-move-confirm", building=_named(t, building), grid=_named(t, grid))
    await _show(query.message, text, inline_kb(rows), new=False)


@router.callback_query(OrgCb.filter(F.action == "mv-yes"))
async def on_move_building_yes(
    query: CallbackQuery,
    callback_data: OrgCb,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
) -> None:
    """The building moves (refused while matters there are open: the service says which)."""
    assert isinstance(query.message, Message)
    done = await org_service.move_building(
        session, user=user, roles=roles, building_id=callback_data.id, grid_id=callback_data.to
    )
    grid = await session.get(Grid, callback_data.to)
    key = "org-moved" if done.changed else "org-move-already"
    await query.answer(
        t(key, building=done.name, before=done.before, grid=grid.name if grid else "-"),
        show_alert=True,
    )
    await _building_page(query.message, session, t, callback_data.id)


async def open_typed(message: Message, session: AsyncSession, t: Text) -> None:
    """🏘 组织架构 named in words ('组织架构', '加一栋楼'): its first page, in a new message."""
    await _communities_page(message, session, t, new=True)


# ------------------------------------------------------------------ the office's contact details

# ☎️ 改电话 / 📍 改地址 / 🕘 改办公时间: the button's action and the Community field it edits
_CONTACTS = {"ct-p": "phone", "ct-a": "address", "ct-h": "office_hours"}
_CONTACT_ACTION = {field: action for action, field in _CONTACTS.items()}
# the office's lines (help's own keys) and each button's label
_CONTACT_LINE = {
    "phone": "office-phone",
    "address": "office-address",
    "office_hours": "office-hours",
}
_CONTACT_BUTTON = {
    "phone": "org-set-phone",
    "address": "org-set-address",
    "office_hours": "org-set-hours",
}


def _contact_buttons(t: Text, community_id: int) -> Row:
    return [
        (t(_CONTACT_BUTTON[field]), OrgCb(action=action, id=community_id).pack())
        for action, field in _CONTACTS.items()
    ]


def _contact_lines(t: Text, community: Community) -> str:
    """The office's phone, address and hours as residents are told them ('未填写' where none)."""
    return "\n".join(
        t(_CONTACT_LINE[field], value=getattr(community, field) or t("org-contact-none"))
        for field in org_service.CONTACT_FIELDS
    )


async def ask_contact(
    message: Message,
    session: AsyncSession,
    state: FSMContext,
    t: Text,
    community_id: int,
    field: str,
) -> None:
    """The office's phone, address or hours asked for (what it is now, and how to clear it)."""
    community = await session.get(Community, community_id)
    if community is None:
        raise NotFound("org-err-gone")
    await state.set_state(OrgEdit.contact)
    await state.set_data({"org_edit": "contact", "org_field": field, "org_id": community_id})
    limit = org_service.MAX_ADDRESS if field == "address" else org_service.MAX_HOURS
    text = t(
        "org-ask-contact",
        field=field,
        community=_named(t, community),
        now=getattr(community, field) or t("org-contact-none"),
        clear=org_service.NO_ENGLISH,
        limit=limit,
    )
    await message.answer(text, reply_markup=cancel_keyboard(t))


@router.callback_query(OrgCb.filter(F.action.in_(set(_CONTACTS))))
async def on_contact_button(
    query: CallbackQuery, callback_data: OrgCb, session: AsyncSession, state: FSMContext, t: Text
) -> None:
    """☎️ 改电话 / 📍 改地址 / 🕘 改办公时间: the new value asked for."""
    assert isinstance(query.message, Message)
    await query.answer()
    field = _CONTACTS[callback_data.action]
    await ask_contact(query.message, session, state, t, callback_data.id, field)


async def _save_contact(
    message: Message,
    session: AsyncSession,
    state: FSMContext,
    user: User,
    roles: frozenset[Role],
    t: Text,
    *,
    community_id: int,
    field: str,
    value: str,
) -> None:
    """Saved (refused politely, the step kept, where it cannot be), told, and the page again."""
    done = await org_service.set_contact(
        session, user=user, roles=roles, community_id=community_id, field=field, value=value
    )
    await state.clear()
    community = await session.get(Community, community_id)
    name = _named(t, community) if community else ""
    if not done.changed:
        key = "org-contact-same"
    else:
        key = "org-contact-done" if done.name else "org-contact-cleared"
    menu = main_menu(t, roles, registered=user.registered)
    await message.answer(
        t(key, field=field, community=name, value=done.name or t("org-contact-none")),
        reply_markup=menu,
    )
    await _community_page(message, session, t, community_id, new=True)


@router.message(StateFilter(OrgEdit.contact), F.text)
async def on_contact_typed(
    message: Message,
    session: AsyncSession,
    state: FSMContext,
    user: User,
    roles: frozenset[Role],
    t: Text,
) -> None:
    """The typed phone, address or hours: saved and the page shown again, or refused politely
    (not a phone number, too long …) and asked again."""
    data = await state.get_data()
    await _save_contact(
        message,
        session,
        state,
        user,
        roles,
        t,
        community_id=int(data.get("org_id") or 0),
        field=str(data.get("org_field")),
        value=message.text or "",
    )


async def _ask_contact_confirm(
    message: Message, session: AsyncSession, t: Text, community_id: int, field: str, value: str
) -> None:
    """'阳光社区的电话改为 021-55500199，确定吗？' with ✅ 确定修改 / ✖️ 取消."""
    community = await session.get(Community, community_id)
    if community is None:
        raise NotFound("org-err-gone")
    await message.answer(t("org-add-community-check"), reply_markup=cancel_keyboard(t))
    text = t(
        "org-contact-confirm",
        field=field,
        community=_named(t, community),
        before=getattr(community, field) or t("org-contact-none"),
        value=value or t("org-contact-none"),
    )
    buttons = [
        [(t("org-contact-yes"), OrgCb(action="ct-yes", id=community_id).pack())],
        [(t("common-cancel"), OrgCb(action="ct-no", id=community_id).pack())],
    ]
    await message.answer(text, reply_markup=inline_kb(buttons))


async def _contact_for(
    message: Message,
    session: AsyncSession,
    state: FSMContext,
    t: Text,
    community_id: int,
    field: str,
    value: str | None,
) -> None:
    """The step for one community: the value said checked and confirmed, or (none said) asked."""
    if value is None:
        await ask_contact(message, session, state, t, community_id, field)
        return
    try:
        cleaned = org_service.clean_contact(field, value)
    except InvalidInput as exc:  # '电话改成123': the step, told why
        await message.answer(t(exc.key, **exc.args_))
        await ask_contact(message, session, state, t, community_id, field)
        return
    await state.set_state(OrgEdit.contact_confirm)
    await state.set_data(
        {"org_edit": "contact", "org_field": field, "org_id": community_id, "org_value": cleaned}
    )
    await _ask_contact_confirm(message, session, t, community_id, field, cleaned or "")


async def open_contact_typed(
    message: Message,
    session: AsyncSession,
    state: FSMContext,
    t: Text,
    *,
    communities: Sequence[Community],
    field: str,
    value: str | None,
) -> None:
    """'阳光社区的电话改成021-55500199' / '社区地址改一下' from an admin: for the one community
    named (or the only one), the value confirmed or asked; for several, which is asked first."""
    if len(communities) == 1 and communities[0].id is not None:
        await _contact_for(message, session, state, t, communities[0].id, field, value)
        return
    await state.set_state(OrgEdit.contact_which)
    await state.set_data({"org_edit": "contact", "org_field": field, "org_value": value})
    await _ask_which(message, t, communities, field)


async def _ask_which(
    message: Message, t: Text, communities: Sequence[Community], field: str
) -> None:
    rows: list[Row] = [
        [(_named(t, c), OrgCb(action="ct-w", id=c.id or 0).pack())] for c in communities
    ]
    await message.answer(t("org-contact-which", field=field), reply_markup=inline_kb(rows))


@router.callback_query(OrgCb.filter(F.action == "ct-w"))
async def on_contact_which(
    query: CallbackQuery, callback_data: OrgCb, session: AsyncSession, state: FSMContext, t: Text
) -> None:
    """The community whose office it is: its step (a button of a question gone: stale)."""
    assert isinstance(query.message, Message)
    data = await state.get_data()
    if await state.get_state() != OrgEdit.contact_which.state:
        await query.answer(t("err-stale-button"), show_alert=True)
        return
    await query.answer()
    await query.message.edit_reply_markup(reply_markup=None)
    value = data.get("org_value")
    await _contact_for(
        query.message,
        session,
        state,
        t,
        callback_data.id,
        str(data.get("org_field")),
        None if value is None else str(value),
    )


@router.message(StateFilter(OrgEdit.contact_which), F.text)
async def on_contact_which_typed(
    message: Message, session: AsyncSession, state: FSMContext, t: Text
) -> None:
    """Words typed instead of a community's button: the question again."""
    data = await state.get_data()
    await _ask_which(message, t, await org.list_communities(session), str(data.get("org_field")))


@router.message(StateFilter(OrgEdit.contact_confirm), F.text)
async def on_contact_confirm_typed(
    message: Message, session: AsyncSession, state: FSMContext, t: Text
) -> None:
    """Words typed instead of ✅ 确定修改: the question again (nothing changes unasked)."""
    data = await state.get_data()
    await _ask_contact_confirm(
        message,
        session,
        t,
        int(data.get("org_id") or 0),
        str(data.get("org_field")),
        str(data.get("org_value") or ""),
    )


@router.callback_query(OrgCb.filter(F.action.in_({"ct-yes", "ct-no"})))
async def on_contact_confirm(
    query: CallbackQuery,
    callback_data: OrgCb,
    session: AsyncSession,
    state: FSMContext,
    user: User,
    roles: frozenset[Role],
    t: Text,
) -> None:
    """✅ 确定修改: saved and the page shown; ✖️ 取消: nothing changes. A button of a question
    answered already (or of another community's) changes nothing."""
    assert isinstance(query.message, Message)
    data = await state.get_data()
    if (
        await state.get_state() != OrgEdit.contact_confirm.state
        or int(data.get("org_id") or 0) != callback_data.id
    ):
        await query.answer(t("err-stale-button"), show_alert=True)
        return
    if callback_data.action == "ct-no":
        await query.answer()
        await query.message.edit_reply_markup(reply_markup=None)
        await state.clear()
        menu = main_menu(t, roles, registered=user.registered)
        await query.message.answer(t("org-cancelled"), reply_markup=menu)
        return
    value = data.get("org_value")
    await _save_contact(
        query.message,
        session,
        state,
        user,
        roles,
        t,
        community_id=callback_data.id,
        field=str(data.get("org_field")),
        value=org_service.NO_ENGLISH if value is None else str(value),
    )
    await query.answer()
    await query.message.edit_reply_markup(reply_markup=None)
