"""Resident registration: consent → community → grid → building → room → phone."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from aiogram import F, Router
from aiogram.filters import Command, StateFilter
from aiogram.filters.callback_data import CallbackData
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

from bot.i18n import Text, Translator
from bot.settings import Settings
from handlers.consult_kit import safe_edit_markup, settle_by_id
from handlers.form_guard import asks_first, plain, starter
from handlers.keyboards import inline_kb, step_keyboard
from handlers.menu import all_flow_labels, is_skip, labels, main_menu
from handlers.notify import notify
from handlers.text_steps import (
    back_at_first_step,
    is_back,
    refuse_button_labels,
    refused_labels,
    with_current,
)
from models import Building, Community, Grid, Role, User, shown_name
from services import address, org, smalltalk
from services import users as user_service
from services.errors import Conflict, InvalidInput
from services.validation import says_unsure

router = Router(name="registration")
router.message.filter(F.chat.type == "private")

BUILDINGS_PER_PAGE = 12


class Reg(StatesGroup):
    """The steps of registration."""

    consent = State()
    community = State()
    grid = State()
    building = State()
    room = State()
    phone = State()


class RegCb(CallbackData, prefix="reg"):
    """A registration button: action and the id it refers to."""

    action: str
    id: int = 0


class VerifyCb(CallbackData, prefix="vfy"):
    """Staff verify a resident's address."""

    user_id: int
    a: str = ""  # the address_stamp of the address the card shows


@router.message(Command("register"))
@router.message(F.text.in_(labels("menu-register")))
async def start_registration(
    message: Message, state: FSMContext, session: AsyncSession, user: User, t: Text
) -> None:
    """Begin (or redo) registration; consent comes first unless already given."""
    await state.clear()
    if user.consent_at is None:
        await state.set_state(Reg.consent)
        asked = await message.answer(
            t("reg-consent"),
            reply_markup=inline_kb(
                [
                    [(t("reg-agree"), RegCb(action="agree").pack())],
                    [(t("reg-disagree"), RegCb(action="disagree").pack())],
                ]
            ),
        )
        await state.update_data({CONSENT_ASKED: asked.message_id})
        return
    await _ask_community(message, state, session=session, t=t)


def register_now_kb(t: Text, *, then: str = "") -> InlineKeyboardMarkup:
    """🏠 现在登记 under "register your address first"; `then` "order" goes on to the filing
    once registration is done (the person tapped 我要点单 to begin with)."""
    return inline_kb(register_rows(t, then=then))


def register_rows(t: Text, *, then: str = "") -> list[list[tuple[str, str]]]:
    """register_now_kb's button, as rows to put beside others."""
    action = "start-order" if then == "order" else "start"
    return [[(t("reg-start-now"), RegCb(action=action).pack())]]


@router.callback_query(RegCb.filter(F.action.in_(starter("start", "start-order"))))
async def on_register_now(
    query: CallbackQuery,
    callback_data: RegCb,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    t: Text,
) -> None:
    """🏠 现在登记: registration from where the person was told to register first."""
    if user.registered:  # done meanwhile (/register, an earlier tap of this button)
        await query.answer(t("reg-already-done"), show_alert=True)
        if isinstance(query.message, Message):
            await safe_edit_markup(query.message, None)
        return
    if isinstance(query.message, Message) and await _begun_from(query.message, state):
        # a second tap at the same moment (both carried the button): the first one asked
        await query.answer()
        return
    if await asks_first(query, callback_data, state, t, starting="Reg", own=Reg.__state_names__):
        return
    await query.answer()
    assert isinstance(query.message, Message)
    await safe_edit_markup(query.message, None)
    await start_registration(query.message, state, session, user, t)
    then = {"then": "order"} if plain(callback_data.action) == "start-order" else {}
    await state.update_data({BEGUN_FROM: query.message.message_id, **then})


# the chat's FSM data: the message whose 🏠 现在登记 began the registration under way
BEGUN_FROM = "reg_begun_from"
# the chat's FSM data: the message asking the consent (its buttons go when it is typed)
CONSENT_ASKED = "reg_consent_asked"


def link_target(state: FSMContext) -> FSMContext:
    """Where the private-chat link of a group's notice (/start m12, /start p3) would have taken
    someone not registered yet: shown once they have registered (`_finish`), beside the flow's
    state like `kept_draft`. Declining consent and /forget drop it."""
    return FSMContext(storage=state.storage, key=replace(state.key, destiny="link-unregistered"))


def kept_draft(state: FSMContext) -> FSMContext:
    """Where what an unregistered person told us (text, photos, voice, place) waits until they
    have registered, to become the start of their request (handlers.requests.begin_filing):
    beside the flow's state, so /start, a menu button or a cancelled registration does not lose
    it. Declining consent and /forget drop it."""
    return FSMContext(storage=state.storage, key=replace(state.key, destiny="kept-unregistered"))


def staff_said(state: FSMContext) -> FSMContext:
    """The words staff without an address here typed at the menu that nothing read, by the
    answer asking whether they are about their own home (its message id → the words): kept
    for its 🏠 button, which makes them their matter (kept_draft), beside the flow's state.
    Declining consent and /forget drop them."""
    return FSMContext(storage=state.storage, key=replace(state.key, destiny="staff-said"))


async def _begun_from(message: Message, state: FSMContext) -> bool:
    """The registration under way was begun from this message's 🏠 现在登记."""
    if await state.get_state() not in Reg.__state_names__:
        return False
    return bool((await state.get_data()).get(BEGUN_FROM) == message.message_id)


async def _ask_community(
    message: Message, state: FSMContext, session: AsyncSession, t: Text, edit: bool = False
) -> None:
    communities = [
        (c.id, shown_name(c, t.lang)) for c in await org.communities_to_live_in(session)
    ]
    await state.set_state(Reg.community)
    if not communities:
        await message.answer(t("reg-no-communities"))
        await state.clear()
        return
    markup = inline_kb(
        [[(name, RegCb(action="community", id=cid).pack())] for cid, name in communities]
    )
    if edit:
        await message.edit_text(t("reg-choose-community"), reply_markup=markup)
    else:
        await message.answer(t("reg-choose-community"), reply_markup=markup)


# ⬅️ 上一步 at a typed step (room, phone) or, once it has been shown, at a picker (its inline
# ⬅️ 上一步 does the same): the step before is asked again.


@router.message(StateFilter(Reg.room), F.text.func(is_back))
async def on_room_back(
    message: Message, state: FSMContext, session: AsyncSession, t: Text
) -> None:
    """Back from the room: the buildings again (of the grid chosen, or all when not sure)."""
    data = await state.get_data()
    buildings = await org.list_buildings(
        session, community_id=data["community_id"], grid_id=data.get("grid_id")
    )
    if not buildings:  # the structure changed meanwhile: start from the community
        await _ask_community(message, state, session=session, t=t)
        return
    await state.set_state(Reg.building)
    await message.answer(t("reg-choose-building"), reply_markup=_building_rows(t, buildings, 0))


@router.message(StateFilter(Reg.building), F.text.func(is_back))
async def on_building_back(
    message: Message, state: FSMContext, session: AsyncSession, t: Text
) -> None:
    """Back from the buildings: the grids again."""
    data = await state.get_data()
    grids = await org.list_grids(session, community_id=data["community_id"])
    await state.set_state(Reg.grid)
    await message.answer(t("reg-choose-grid"), reply_markup=_grid_rows(t, grids))


@router.message(StateFilter(Reg.grid), F.text.func(is_back))
async def on_grid_back(
    message: Message, state: FSMContext, session: AsyncSession, t: Text
) -> None:
    """Back from the grids: the communities."""
    await _ask_community(message, state, session=session, t=t)


@router.message(StateFilter(Reg.community), F.text.func(is_back))
async def on_community_back(message: Message, t: Text) -> None:
    """Back at the communities, the first question (consent, once given, is not asked again):
    nothing before it; the communities stay above and are not sent again."""
    await back_at_first_step(message, t)


@router.message(StateFilter(Reg.phone), F.text.func(is_back))
async def on_phone_back(
    message: Message, state: FSMContext, user: User, roles: frozenset[Role], t: Text
) -> None:
    """Back from the phone while registering: the room again, with the one typed. (From the
    profile the phone step stands alone: back leaves the number as it is.)"""
    if (await state.get_data()).get("phone_only"):
        await on_phone_keep(message, state, user, roles, t)
        return
    await state.set_state(Reg.room)
    question = with_current(t, t("reg-ask-room"), user.room)
    await message.answer(question, reply_markup=step_keyboard(t))


@router.message(
    StateFilter(Reg.community, Reg.grid, Reg.building), F.text, ~F.text.in_(all_flow_labels())
)
async def on_typed_address(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    t: Text,
    clock: Callable[[], datetime],
) -> None:
    """An address written where buttons are shown ("我住阳光社区1号楼302"): take what can be read
    and ask only for the rest; if nothing new can be read, say how and show the choices again
    (a flow button's label is left to the fallback: cancel cancels, others do not apply)."""
    await _take_typed(message, state, session, user, t, clock, message.text or "")


async def register_from_typed(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    t: Text,
    clock: Callable[[], datetime],
) -> None:
    """'我住阳光社区3号楼201' at the menu from someone not registered: registration begins with
    what they wrote — after the consent to keep it, where that is still to be given — and asks
    only for what it does not say."""
    said = message.text or ""
    if user.consent_at is None:
        await start_registration(message, state, session, user, t)  # the consent first
        await state.update_data({TYPED_ADDRESS: said})  # taken once they agree
        return
    await state.clear()
    await state.set_state(Reg.community)
    await _take_typed(message, state, session, user, t, clock, said)


async def change_address_typed(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    t: Text,
    clock: Callable[[], datetime],
    said: str,
) -> None:
    """'我搬家了' / '我搬到3号楼了' at the menu from a registered resident: the address change
    (as 🏠 修改住址 begins it), begun with the new address where one was said — read within
    their community unless another is named — asking only for what it does not say."""
    if not said or user.consent_at is None:
        await message.answer(t("profile-moving"))  # (what was read says so, where it was)
        await start_registration(message, state, session, user, t)
        if said:
            await state.update_data({TYPED_ADDRESS: said})  # taken once they agree
        return
    await state.clear()
    named = await address.read_address(session, said)
    if named.community is None and user.community_id is not None:
        # '3号楼': a building of the community they live in; its grid asked again if not read
        await state.set_state(Reg.grid)
        await state.update_data(community_id=user.community_id)
    else:
        await state.set_state(Reg.community)
    await _take_typed(message, state, session, user, t, clock, said)


# the chat's FSM data: an address written before the consent to keep it was given
TYPED_ADDRESS = "reg_typed_address"


async def _take_typed(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    t: Text,
    clock: Callable[[], datetime],
    said: str,
) -> None:
    """The address in `said`, at the community, grid or building step: see on_typed_address."""
    data = await state.get_data()
    at_community = await state.get_state() == Reg.community.state
    known = None if at_community else data.get("community_id")
    at_building = await state.get_state() == Reg.building.state
    at_grid = await state.get_state() == Reg.grid.state
    if at_grid and known is not None and says_unsure(said):
        # "not sure" / "不清楚" typed where the button was meant: the same as tapping it
        buildings = await org.list_buildings(session, community_id=known)
        await state.update_data(grid_id=None)
        await state.set_state(Reg.building)
        await message.answer(
            t("reg-choose-building"), reply_markup=_building_rows(t, buildings, 0)
        )
        return
    guess = await address.read_address(session, said, community_id=known, bare_number=at_building)
    if guess.community is None or (known is not None and guess.building is None):
        await message.answer(t("reg-typed-not-read"))
        if at_community:
            await _ask_community(message, state, session=session, t=t)
        elif at_grid and known is not None:  # the grid question again, its buttons at hand
            grids = await org.list_grids(session, community_id=known)
            await message.answer(t("reg-choose-grid"), reply_markup=_grid_rows(t, grids))
        return
    await state.update_data(community_id=guess.community.id)
    # someone changing the address they have registered: 'afterwards' would read oddly
    again = "yes" if user.registered else "no"
    parts = [shown_name(guess.community, t.lang)]
    if guess.building is None:
        await message.answer(t("reg-typed-read", address=" · ".join(parts), again=again))
        await state.set_state(Reg.grid)
        grids = await org.list_grids(session, community_id=guess.community.id or 0)
        await message.answer(t("reg-choose-grid"), reply_markup=_grid_rows(t, grids))
        return
    await state.update_data(grid_id=guess.building.grid_id, building_id=guess.building.id)
    parts.append(shown_name(guess.building, t.lang))
    if guess.room is None:
        await message.answer(t("reg-typed-read", address=" · ".join(parts), again=again))
        await state.set_state(Reg.room)
        await message.answer(t("reg-ask-room"), reply_markup=step_keyboard(t))
        return
    try:
        await user_service.register_address(
            session,
            user=user,
            community_id=guess.community.id or 0,
            grid_id=guess.building.grid_id,
            building_id=guess.building.id or 0,
            room=guess.room,
            now=clock(),
        )
    except InvalidInput as exc:  # the room, after all: ask for it
        await state.set_state(Reg.room)
        await message.answer(t(exc.key, **exc.args_), reply_markup=step_keyboard(t))
        return
    await message.answer(
        t("reg-typed-read", address=" · ".join([*parts, guess.room]), again=again)
    )
    await state.update_data(saved=True)
    await ask_phone(message, state, t)


@router.callback_query(StateFilter(Reg.consent), RegCb.filter(F.action == "agree"))
async def on_agree(
    query: CallbackQuery,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    t: Text,
    clock: Callable[[], datetime],
) -> None:
    """Consent given: record it and ask for the community (or take the address written
    before, asking only for the rest)."""
    await query.answer()
    assert isinstance(query.message, Message)
    await _consent_given(query.message, state, session, user, t, clock, edit=True)


async def _consent_given(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    t: Text,
    clock: Callable[[], datetime],
    *,
    edit: bool,
) -> None:
    """The consent recorded; on to the community (`edit`: in place of the consent message)."""
    await user_service.give_consent(session, user=user)
    said = (await state.get_data()).get(TYPED_ADDRESS)
    if not said:
        await _ask_community(message, state, session=session, t=t, edit=edit)
        return
    await state.update_data({TYPED_ADDRESS: None})
    await state.set_state(Reg.community)
    if edit:
        await safe_edit_markup(message, None)  # the consent, given
    await _take_typed(message, state, session, user, t, clock, str(said))


@router.callback_query(StateFilter(Reg.consent), RegCb.filter(F.action == "disagree"))
async def on_disagree(
    query: CallbackQuery, state: FSMContext, user: User, roles: frozenset[Role], t: Text
) -> None:
    """No consent: nothing is kept."""
    await state.clear()
    await kept_draft(state).clear()
    await staff_said(state).clear()
    await link_target(state).clear()
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.edit_text(t("reg-declined"))


@router.message(
    StateFilter(Reg.consent),
    F.text.func(lambda said: smalltalk.consent_of(said) is not None),
)
async def on_consent_typed(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
    clock: Callable[[], datetime],
) -> None:
    """'同意' / 'yes, I agree' / 'ok' typed at the consent reads as ✅ 同意并继续, '不同意' /
    'no' as 不同意 (they were answered 'please choose with the buttons'); the consent's
    buttons go, as a tap would take them."""
    asked = (await state.get_data()).get(CONSENT_ASKED)
    await settle_by_id(message.bot, message.chat.id, asked)
    if smalltalk.consent_of(message.text):
        await message.answer(t("reg-consent-typed"))
        await _consent_given(message, state, session, user, t, clock, edit=False)
        return
    await state.clear()
    await kept_draft(state).clear()
    await staff_said(state).clear()
    await link_target(state).clear()
    await message.answer(
        t("reg-declined"), reply_markup=main_menu(t, roles, registered=user.registered)
    )


@router.callback_query(StateFilter(Reg.community), RegCb.filter(F.action == "community"))
async def on_community(
    query: CallbackQuery, callback_data: RegCb, state: FSMContext, session: AsyncSession, t: Text
) -> None:
    """Community chosen: offer its grids (or "not sure")."""
    grids = await org.list_grids(session, community_id=callback_data.id)
    if not grids:
        await query.answer(t("err-address-stale"), show_alert=True)
        return
    await state.update_data(community_id=callback_data.id)
    await state.set_state(Reg.grid)
    await query.answer()
    assert isinstance(query.message, Message)
    community = await session.get(Community, callback_data.id)
    picked = shown_name(community, t.lang) if community else ""
    await _keep_choice(query.message, t, "reg-step-community", picked)
    await query.message.answer(t("reg-choose-grid"), reply_markup=_grid_rows(t, grids))


def _grid_rows(t: Text, grids: list[Grid]) -> InlineKeyboardMarkup:
    rows = [[(shown_name(g, t.lang), RegCb(action="grid", id=g.id or 0).pack())] for g in grids]
    rows.append([(t("common-not-sure"), RegCb(action="nogrid").pack())])
    rows.append([(t("common-back"), RegCb(action="back-community").pack())])
    return inline_kb(rows)


@router.callback_query(StateFilter(Reg.building), RegCb.filter(F.action == "back-grid"))
async def on_back_to_grid(
    query: CallbackQuery, state: FSMContext, session: AsyncSession, t: Text
) -> None:
    """Back one step from the buildings: the grid question again (same community)."""
    data = await state.get_data()
    grids = await org.list_grids(session, community_id=data["community_id"])
    await state.set_state(Reg.grid)
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.edit_text(t("reg-choose-grid"), reply_markup=_grid_rows(t, grids))


async def _keep_choice(message: Message, t: Text, step_key: str, value: str) -> None:
    """The answered question stays in the chat as "✓ step: choice" (no buttons)."""
    await message.edit_text(t("reg-picked", step=t(step_key), value=value))


@router.callback_query(
    StateFilter(Reg.grid, Reg.building), RegCb.filter(F.action == "back-community")
)
async def on_back_to_community(
    query: CallbackQuery, state: FSMContext, session: AsyncSession, t: Text
) -> None:
    """Back one step."""
    await query.answer()
    assert isinstance(query.message, Message)
    await _ask_community(query.message, state, session=session, t=t, edit=True)


@router.callback_query(StateFilter(Reg.grid), RegCb.filter(F.action.in_({"grid", "nogrid"})))
async def on_grid(
    query: CallbackQuery, callback_data: RegCb, state: FSMContext, session: AsyncSession, t: Text
) -> None:
    """Grid chosen (or not known): offer buildings."""
    data = await state.get_data()
    grid_id = callback_data.id if callback_data.action == "grid" else None
    grid = await session.get(Grid, grid_id) if grid_id is not None else None
    if grid_id is not None and (grid is None or grid.community_id != data["community_id"]):
        await query.answer(t("err-address-stale"), show_alert=True)
        return
    await state.update_data(grid_id=grid_id)
    await _show_buildings(
        query,
        state,
        session,
        t,
        community_id=data["community_id"],
        grid_id=grid_id,
        page=0,
        picked=shown_name(grid, t.lang) if grid else t("common-not-sure"),
    )


def _building_rows(t: Text, buildings: list[Building], page: int) -> InlineKeyboardMarkup:
    """One page of the buildings (paged), and the way back to the grids."""
    pages = max(1, (len(buildings) + BUILDINGS_PER_PAGE - 1) // BUILDINGS_PER_PAGE)
    page = min(max(page, 0), pages - 1)
    chunk = buildings[page * BUILDINGS_PER_PAGE : (page + 1) * BUILDINGS_PER_PAGE]
    rows = [
        [
            (shown_name(b, t.lang), RegCb(action="building", id=b.id or 0).pack())
            for b in chunk[i : i + 3]
        ]
        for i in range(0, len(chunk), 3)
    ]
    nav = []
    if page > 0:
        nav.append((t("common-prev-page"), RegCb(action="bpage", id=page - 1).pack()))
    if page < pages - 1:
        nav.append((t("common-next-page"), RegCb(action="bpage", id=page + 1).pack()))
    if nav:
        rows.append(nav)
    rows.append([(t("common-back"), RegCb(action="back-grid").pack())])
    return inline_kb(rows)


async def _show_buildings(
    query: CallbackQuery,
    state: FSMContext,
    session: AsyncSession,
    t: Text,
    *,
    community_id: int,
    grid_id: int | None,
    page: int,
    picked: str | None = None,
) -> None:
    buildings = await org.list_buildings(session, community_id=community_id, grid_id=grid_id)
    if not buildings:
        await query.answer(t("err-address-stale"), show_alert=True)
        return
    await state.set_state(Reg.building)
    markup = _building_rows(t, buildings, page)
    await query.answer()
    assert isinstance(query.message, Message)
    if picked is None:  # paging: the same question, another page
        await query.message.edit_text(t("reg-choose-building"), reply_markup=markup)
        return
    await _keep_choice(query.message, t, "reg-step-grid", picked)
    await query.message.answer(t("reg-choose-building"), reply_markup=markup)


@router.callback_query(StateFilter(Reg.building), RegCb.filter(F.action == "bpage"))
async def on_building_page(
    query: CallbackQuery, callback_data: RegCb, state: FSMContext, session: AsyncSession, t: Text
) -> None:
    """Another page of buildings."""
    data = await state.get_data()
    await _show_buildings(
        query,
        state,
        session,
        t,
        community_id=data["community_id"],
        grid_id=data.get("grid_id"),
        page=callback_data.id,
    )


@router.callback_query(StateFilter(Reg.building), RegCb.filter(F.action == "building"))
async def on_building(
    query: CallbackQuery, callback_data: RegCb, state: FSMContext, session: AsyncSession, t: Text
) -> None:
    """Building chosen: ask for the room."""
    data = await state.get_data()
    buildings = await org.list_buildings(session, community_id=data["community_id"])
    chosen = next((b for b in buildings if b.id == callback_data.id), None)
    if chosen is None:
        await query.answer(t("err-address-stale"), show_alert=True)
        return
    await state.update_data(building_id=callback_data.id)
    await state.set_state(Reg.room)
    await query.answer()
    assert isinstance(query.message, Message)
    await _keep_choice(query.message, t, "reg-step-building", shown_name(chosen, t.lang))
    await query.message.answer(t("reg-ask-room"), reply_markup=step_keyboard(t))


# A stale button of another flow ("跳过", "✅ 说完了" …) is not a room number; the answer keeps
# the step's ⬅️ 上一步 (it used to show only 取消, and 'Skip' there lost the way back).
refuse_button_labels(router, Reg.room, keyboard=step_keyboard)


@router.message(StateFilter(Reg.room), F.text.in_(labels("common-cancel")))
@router.message(StateFilter(Reg.phone), F.text.in_(labels("common-cancel")))
async def on_cancel_button(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
    clock: Callable[[], datetime],
    translator: Translator,
    settings: Settings,
) -> None:
    """The big cancel button of a text step. Once the address is stored (at the phone, or
    back at the room from there) the registration is finished as it stands, without a
    phone: the address is kept and the staff asked to verify it, as after 跳过."""
    data = await state.get_data()
    if data.get("saved") and not data.get("phone_only"):
        await _finish(message, state, session, user, roles, t, clock, translator, settings)
        return
    await state.clear()
    await message.answer(
        t("cancel-done"), reply_markup=main_menu(t, roles, registered=user.registered)
    )


@router.message(StateFilter(Reg.room), F.text)
async def on_room(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    t: Text,
    clock: Callable[[], datetime],
) -> None:
    """Room typed: store the address, then offer the phone step. Another building named
    there ('不对，我是6号楼的', 'sorry, building 4, room 501') is a change of mind: that building
    taken (and the room with it, if said), not all of it kept as the room."""
    data = await state.get_data()
    said = message.text or ""
    named = await address.read_address(session, said, community_id=data["community_id"])
    if named.building is not None and named.building.id != data["building_id"]:
        await state.set_state(Reg.grid)  # the community known, the building read from the words
        await _take_typed(message, state, session, user, t, clock, said)
        return
    if named.building is None and address.says_building(said):
        # a building this community has not ('我是4号楼的'): its buildings to choose from
        buildings = await org.list_buildings(session, community_id=data["community_id"])
        await state.update_data(grid_id=None)
        await state.set_state(Reg.building)
        await message.answer(
            t("reg-building-not-found"), reply_markup=_building_rows(t, buildings, 0)
        )
        return
    try:
        await user_service.register_address(
            session,
            user=user,
            community_id=data["community_id"],
            grid_id=data.get("grid_id"),
            building_id=data["building_id"],
            room=message.text or "",
            now=clock(),
        )
    except InvalidInput as exc:
        await message.answer(t(exc.key, **exc.args_))
        return
    await state.update_data(saved=True)
    await ask_phone(message, state, t)


async def ask_phone(
    message: Message, state: FSMContext, t: Text, *, phone_only: bool = False
) -> None:
    """The optional phone step; from the profile ("change phone") it stands alone."""
    await state.set_state(Reg.phone)
    await state.update_data(phone_only=phone_only)
    await message.answer(
        t("profile-ask-phone" if phone_only else "reg-ask-phone"),
        reply_markup=phone_keyboard(t, phone_only=phone_only),
    )


def phone_keyboard(t: Text, *, phone_only: bool) -> ReplyKeyboardMarkup:
    """Share one's own number (a contact button); then skip, or (from the profile) keep/remove."""
    rows = [[KeyboardButton(text=t("reg-share-phone"), request_contact=True)]]
    if phone_only:
        rows.append(
            [
                KeyboardButton(text=t("profile-phone-keep")),
                KeyboardButton(text=t("profile-phone-remove")),
            ]
        )
    else:
        rows.append([KeyboardButton(text=t("common-skip"))])
        rows.append([KeyboardButton(text=t("common-back"))])
    return ReplyKeyboardMarkup(keyboard=rows, resize_keyboard=True, one_time_keyboard=True)


# The buttons the phone step takes besides a contact and a typed number. Skip is taken from the
# profile too (the number stays as it is); keep/remove only there: while registering they would
# end the step without finishing the registration.
PHONE_BUTTONS = {
    False: ("common-skip",),
    True: ("common-skip", "profile-phone-keep", "profile-phone-remove"),
}


async def _button_of_another_step(message: Message, state: FSMContext) -> bool:
    """A flow button's label the phone step, as it was asked, does not take."""
    phone_only = bool((await state.get_data()).get("phone_only"))
    return message.text in refused_labels(allow=PHONE_BUTTONS[phone_only])


@router.message(StateFilter(Reg.phone), F.text, _button_of_another_step)
async def on_phone_button_label(message: Message, state: FSMContext, t: Text) -> None:
    """A stale button ("✅ 说完了", or "不修改" while registering …): not a phone number."""
    phone_only = bool((await state.get_data()).get("phone_only"))
    key = "profile-phone-button-not-text" if phone_only else "reg-phone-button-not-text"
    await message.answer(
        t(key, label=message.text or ""), reply_markup=phone_keyboard(t, phone_only=phone_only)
    )


@router.message(StateFilter(Reg.room))
async def on_room_not_text(message: Message, t: Text) -> None:
    """A photo or sticker where a room number is expected."""
    await message.answer(t("err-media-not-supported"))


@router.message(StateFilter(Reg.phone), F.contact)
async def on_phone_contact(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
    clock: Callable[[], datetime],
    translator: Translator,
    settings: Settings,
) -> None:
    """A shared contact: only the user's own is accepted."""
    assert message.contact is not None
    try:
        await user_service.set_phone(
            session,
            user=user,
            phone=message.contact.phone_number,
            contact_user_id=message.contact.user_id,
            shared=True,
        )
    except InvalidInput as exc:
        await message.answer(t(exc.key, **exc.args_))
        return
    await _finish(message, state, session, user, roles, t, clock, translator, settings)


@router.message(StateFilter(Reg.phone), F.text.in_(labels("profile-phone-remove")))
async def on_phone_remove(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
) -> None:
    """Remove the stored phone (from the profile)."""
    await user_service.set_phone(session, user=user, phone=None, contact_user_id=None)
    await state.clear()
    await message.answer(
        t("profile-phone-removed"), reply_markup=main_menu(t, roles, registered=user.registered)
    )


@router.message(StateFilter(Reg.phone), F.text.in_(labels("profile-phone-keep")))
async def on_phone_keep(
    message: Message, state: FSMContext, user: User, roles: frozenset[Role], t: Text
) -> None:
    """Leave the stored phone as it is (from the profile)."""
    await state.clear()
    await message.answer(
        t("profile-phone-unchanged"), reply_markup=main_menu(t, roles, registered=user.registered)
    )


@router.message(StateFilter(Reg.phone), F.text.func(is_skip))  # 跳过, or '不用了', '没有
async def on_phone_skip(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
    clock: Callable[[], datetime],
    translator: Translator,
    settings: Settings,
) -> None:
    """No phone: finish (from the profile: the number stays as it is)."""
    if (await state.get_data()).get("phone_only"):
        await on_phone_keep(message, state, user, roles, t)
        return
    await _finish(message, state, session, user, roles, t, clock, translator, settings)


@router.message(StateFilter(Reg.phone), F.text)
async def on_phone_typed(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
    clock: Callable[[], datetime],
    translator: Translator,
    settings: Settings,
) -> None:
    """A typed number is taken as the user's own."""
    try:
        await user_service.set_phone(
            session, user=user, phone=message.text, contact_user_id=user.id
        )
    except InvalidInput as exc:
        # one hint: what a number looks like and the step's own buttons
        phone_only = bool((await state.get_data()).get("phone_only"))
        bad_number = "profile-phone-invalid" if phone_only else "reg-phone-invalid"
        key = bad_number if exc.key == "err-phone-invalid" else exc.key
        await message.answer(t(key, **exc.args_))
        return
    await _finish(message, state, session, user, roles, t, clock, translator, settings)


@router.message(StateFilter(Reg.phone))
async def on_phone_other(message: Message, state: FSMContext, t: Text) -> None:
    """Anything else on the phone step."""
    await message.answer(t(await _phone_hint(state)))


async def _phone_hint(state: FSMContext) -> str:
    """What the phone step's buttons are: skip while registering, keep from the profile."""
    profile = (await state.get_data()).get("phone_only")
    return "profile-phone-use-button" if profile else "reg-phone-use-button"


async def _finish(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
    clock: Callable[[], datetime],
    translator: Translator,
    settings: Settings,
) -> None:
    data = await state.get_data()
    phone_only, then = bool(data.get("phone_only")), data.get("then")
    await state.clear()
    kept = await kept_draft(state).get_data()
    await kept_draft(state).clear()
    if phone_only:
        await message.answer(
            t("profile-phone-updated", phone=user.phone or "-"),
            reply_markup=main_menu(t, roles, registered=user.registered),
        )
        return
    address = await user_service.address_text(session, user=user, lang=t.lang) or ""
    text = t("reg-done", address=address)
    if user.phone:
        text += "\n" + t("reg-done-phone", phone=user.phone)
    await message.answer(text, reply_markup=main_menu(t, roles, registered=True))
    if user.community_id is not None and user.verified_at is None:
        staff = await user_service.staff_of(
            session, community_id=user.community_id, grid_id=user.grid_id
        )
        verify = VerifyCb(user_id=user.id, a=user_service.address_stamp(user)).pack()
        await notify(
            session,
            translator,
            staff,
            lambda tt: tt("reg-new-resident-card", name=user.display_name, address=address),
            lambda tt: inline_kb([[(tt("reg-verify"), verify)]]),
            community_id=user.community_id,
            now=clock(),
            matter=user_service.verify_matter(user.id),
        )
    target = (await link_target(state).get_data()).get("link")
    if target:  # came by a group notice's 💬 私聊报名 / 私聊投票: back to that meeting or poll
        await link_target(state).clear()
        from handlers.context import OrderCtx
        from handlers.meetings import show_public_link

        ctx = OrderCtx(
            session=session,
            user=user,
            roles=roles,
            t=t,
            translator=translator,
            settings=settings,
            clock=clock,
        )
        if not await show_public_link(message, ctx, str(target)):
            await message.answer(t("public-link-after-reg-gone", kind=str(target)[:1]))
    if kept.get("topic"):  # '我想提个议题：…' before registering: offered as a topic
        from handlers.fallback import offer_kept_topic

        await offer_kept_topic(message, state, t, kept)
        return
    if then == "order" or kept:  # registered on the way to 我要点单: on to what they came for
        from handlers.requests import begin_filing

        await begin_filing(message, state, t, kept=kept)


@router.callback_query(VerifyCb.filter())
async def on_verify(
    query: CallbackQuery,
    callback_data: VerifyCb,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
) -> None:
    """Staff confirm a resident's address (scope re-checked by the service).

    A card already acted on (by a colleague or a second tap) or showing an address the resident
    has changed since says so and loses its button.
    """
    try:
        resident = await user_service.verify_resident(
            session,
            staff=user,
            roles=roles,
            resident_id=callback_data.user_id,
            stamp=callback_data.a,
        )
    except Conflict as exc:
        await query.answer(t(exc.key, **exc.args_), show_alert=True)
        if isinstance(query.message, Message) and query.message.reply_markup is not None:
            await query.message.edit_reply_markup(reply_markup=None)
        return
    await query.answer(t("reg-verified", name=resident.display_name))
    if isinstance(query.message, Message):
        await query.message.edit_reply_markup(reply_markup=None)
