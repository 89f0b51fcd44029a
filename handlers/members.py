"""Member registration (双报到) and its review by community staff."""

from __future__ import annotations

import contextlib
import html
import logging
from collections.abc import Callable
from datetime import datetime

from aiogram import F, Router
from aiogram.exceptions import TelegramBadRequest
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
from handlers.common import office_text
from handlers.consult_kit import safe_edit_markup, settle_by_id
from handlers.form_guard import asks_first, origin, starter
from handlers.keyboards import cancel_keyboard, inline_kb, step_keyboard
from handlers.member_profile import last_day
from handlers.menu import labels, main_menu
from handlers.notify import notify
from handlers.order_ui import local
from handlers.text_steps import back_at_first_step, is_back, refuse_button_labels, with_current
from models import (
    Community,
    Grid,
    MemberProfile,
    MemberStatus,
    MoveState,
    Role,
    User,
    shown_name,
)
from services import member_cards, org, smalltalk
from services import members as member_service
from services import users as user_service
from services.errors import Conflict, DomainError, InvalidInput
from services.order_notices import deliver
from services.orders import public_name
from services.skills import SKILLS, everyday_words, normalize_skills, read_typed
from services.validation import contact_phone, person_name, phone_number, short_label, work_unit

router = Router(name="members")
log = logging.getLogger(__name__)
router.message.filter(F.chat.type == "private")


class Join(StatesGroup):
    """The steps of member registration."""

    consent = State()
    name = State()
    unit = State()
    phone = State()
    skills = State()
    community = State()
    grid = State()
    named = State()
    confirm = State()


class ReviewReason(StatesGroup):
    """A reviewer typing the reason for a rejection."""

    reason = State()


class SuspendReason(StatesGroup):
    """Staff typing why a member is suspended."""

    reason = State()


class MemberListCb(CallbackData, prefix="ml"):
    """A page of the approved members (and their suspended colleagues)."""

    page: int = 0


class SuspendCb(CallbackData, prefix="ms"):
    """⏸ 暂停 / ▶️ 恢复 a member (the service re-checks scope and standing)."""

    action: str  # suspend, restore
    member_id: int


class JoinCb(CallbackData, prefix="mj"):
    """Buttons of the registration flow."""

    action: str
    value: str = ""


class ReviewCb(CallbackData, prefix="mr"):
    """Approve or reject a member (the service re-checks scope and status)."""

    action: str
    member_id: int
    v: int = 0  # the application's version: a card of an earlier application is refused


def _skills_markup(t: Text, chosen: list[str]) -> InlineKeyboardMarkup:
    buttons = [
        (
            ("✅ " if code in chosen else "") + t(f"skill-{code}"),
            JoinCb(action="skill", value=code).pack(),
        )
        for code in SKILLS
    ]
    rows = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
    rows.append([(t("member-skills-done"), JoinCb(action="skills-done").pack())])
    return inline_kb(rows)


def _skills_text(t: Text, codes: list[str], custom: str) -> str:
    return member_cards.skills_text(t, codes, custom)


def _phone_keyboard(t: Text) -> ReplyKeyboardMarkup:
    """The phone step: share one's own number (a contact button), go back a step, or cancel."""
    return ReplyKeyboardMarkup(
        keyboard=[
            [KeyboardButton(text=t("reg-share-phone"), request_contact=True)],
            [KeyboardButton(text=t("common-back")), KeyboardButton(text=t("common-cancel"))],
        ],
        resize_keyboard=True,
    )


# A stale button of another flow ("跳过", "不修改", "✅ 说完了" …) is not a name, a work unit, a
# phone number, a skill or a reason for turning an application down.
# ⬅️ 上一步 is a flow button the sign-up's own typed steps take (on_join_back below).
refuse_button_labels(router, Join.name, allow=("common-back",), keyboard=cancel_keyboard)
refuse_button_labels(router, ReviewReason.reason)
refuse_button_labels(router, SuspendReason.reason)
refuse_button_labels(
    router, Join.unit, Join.skills, allow=("common-back",), keyboard=step_keyboard
)
refuse_button_labels(router, Join.phone, allow=("common-back",), keyboard=_phone_keyboard)


@router.message(Command("join"))
@router.message(F.text.in_(labels("menu-become-member")))
async def start_join(
    message: Message, state: FSMContext, session: AsyncSession, user: User, t: Text
) -> None:
    """Begin member registration unless one is pending or approved."""
    profile = await session.get(MemberProfile, user.id)
    if profile is not None and profile.status in {MemberStatus.PENDING, MemberStatus.APPROVED}:
        await message.answer(t(f"member-already-{profile.status}"))
        return
    await state.clear()
    if profile is not None and profile.status == MemberStatus.REJECTED:
        await _prefill_earlier(message, state, profile, t)
    if user.consent_at is None or profile is None:
        # Name, unit and phone are kept only after consent to keeping them: a resident's consent
        # to an address and a room does not cover them (someone signing up again after a
        # rejection gave it the first time)
        await state.set_state(Join.consent)
        asked = await message.answer(
            t("member-consent"),
            reply_markup=inline_kb(
                [
                    [(t("reg-agree"), JoinCb(action="consent-yes").pack())],
                    [(t("reg-disagree"), JoinCb(action="consent-no").pack())],
                ]
            ),
        )
        await state.update_data(join_consent_asked=asked.message_id)
        return
    await _ask_name(message, state, t)


async def _prefill_earlier(
    message: Message, state: FSMContext, profile: MemberProfile, t: Text
) -> None:
    """Signing up again after 不通过: the earlier answers are each step's, kept with one tap
    (after /forget nothing is left to offer)."""
    if profile.real_name == "-" or not profile.reject_reason:
        return
    await state.update_data(
        again=True,
        real_name=profile.real_name,
        work_unit=profile.work_unit,
        phone=profile.phone,
        skills=profile.skill_list,
        custom_skills=profile.custom_skills,
    )
    await message.answer(t("member-again-intro", reason=profile.reject_reason))


# The typed steps: the question, its answer in the data, and the keyboard it comes with.
_TYPED_STEPS: dict[str, tuple[State, str, str]] = {
    "name": (Join.name, "member-intro", "real_name"),
    "unit": (Join.unit, "member-ask-unit", "work_unit"),
    "phone": (Join.phone, "member-ask-phone", "phone"),
}


async def _ask_typed(message: Message, state: FSMContext, t: Text, step: str) -> None:
    """Ask a typed step; signing up again, with what was entered last time and a button that
    keeps it."""
    target, question, field = _TYPED_STEPS[step]
    await state.set_state(target)
    data = await state.get_data()
    earlier = str(data.get(field) or "") if data.get("again") else ""
    keyboards = {"name": cancel_keyboard, "unit": step_keyboard, "phone": _phone_keyboard}
    await message.answer(with_current(t, t(question), earlier), reply_markup=keyboards[step](t))
    if earlier:
        await message.answer(
            t("member-keep"),
            reply_markup=inline_kb(
                [[(t("member-keep"), JoinCb(action="keep", value=step).pack())]]
            ),
        )


async def _ask_name(message: Message, state: FSMContext, t: Text) -> None:
    await _ask_typed(message, state, t, "name")


@router.callback_query(
    StateFilter(Join.name, Join.unit, Join.phone), JoinCb.filter(F.action == "keep")
)
async def on_join_keep(
    query: CallbackQuery, callback_data: JoinCb, state: FSMContext, t: Text
) -> None:
    """↩️ 沿用上次的: last time's answer stays, on to the next step (a button of a step
    answered since is out of date)."""
    step = _TYPED_STEPS.get(callback_data.value)
    if step is None or step[0].state != await state.get_state():
        await query.answer(t("err-stale-button"), show_alert=True)
        return
    await query.answer()
    assert isinstance(query.message, Message)
    with contextlib.suppress(TelegramBadRequest):
        await query.message.edit_reply_markup(reply_markup=None)
    if callback_data.value == "name":
        await _ask_typed(query.message, state, t, "unit")
    elif callback_data.value == "unit":
        await _ask_typed(query.message, state, t, "phone")
    else:
        await _ask_skills(query.message, state, t)


@router.callback_query(StateFilter(Join.consent), JoinCb.filter(F.action == "consent-yes"))
async def on_join_consent(
    query: CallbackQuery, state: FSMContext, session: AsyncSession, user: User, t: Text
) -> None:
    """Consent given: record it and start the sign-up."""
    await user_service.give_consent(session, user=user)
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.edit_reply_markup(reply_markup=None)
    await _ask_name(query.message, state, t)


@router.callback_query(StateFilter(Join.consent), JoinCb.filter(F.action == "consent-no"))
async def on_join_no_consent(query: CallbackQuery, state: FSMContext, t: Text) -> None:
    """No consent: nothing is kept."""
    await state.clear()
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.edit_text(t("member-declined"))


@router.message(
    StateFilter(Join.consent),
    F.text.func(lambda said: smalltalk.consent_of(said) is not None),
)
async def on_join_consent_typed(
    message: Message, state: FSMContext, session: AsyncSession, user: User, t: Text
) -> None:
    """'同意' / 'yes, I agree' typed at the sign-up's consent reads as ✅ 同意并继续, '不同意' /
    'no' as 不同意; the consent's buttons go, as a tap would take them."""
    asked = (await state.get_data()).get("join_consent_asked")
    await settle_by_id(message.bot, message.chat.id, asked)
    if smalltalk.consent_of(message.text):
        await user_service.give_consent(session, user=user)
        await message.answer(t("reg-consent-typed"))
        await _ask_name(message, state, t)
        return
    await state.clear()
    await message.answer(t("member-declined"))


@router.message(StateFilter(Join), F.text.in_(labels("common-cancel")))
async def on_join_cancel(
    message: Message, state: FSMContext, user: User, roles: frozenset[Role], t: Text
) -> None:
    """Leave the flow with the big cancel button."""
    await state.clear()
    await message.answer(
        t("cancel-done"), reply_markup=main_menu(t, roles, registered=user.registered)
    )


@router.message(StateFilter(Join.name, Join.unit, Join.phone, Join.skills), F.text.func(is_back))
async def on_join_back(message: Message, state: FSMContext, t: Text) -> None:
    """上一步 at a typed step: ask the step before again, with what was entered there. At the
    name, the first question (consent, once given, is not asked again), there is none."""
    step, data = await state.get_state(), await state.get_data()
    if step == Join.name.state:
        await back_at_first_step(message, t)
    elif step == Join.unit.state:
        await state.set_state(Join.name)
        await message.answer(
            with_current(t, t("member-intro"), data.get("real_name")),
            reply_markup=cancel_keyboard(t),
        )
    elif step == Join.phone.state:
        await state.set_state(Join.unit)
        await message.answer(
            with_current(t, t("member-ask-unit"), data.get("work_unit")),
            reply_markup=step_keyboard(t),
        )
    else:  # skills: the phone again
        await state.set_state(Join.phone)
        await message.answer(
            with_current(t, t("member-ask-phone"), data.get("phone")),
            reply_markup=_phone_keyboard(t),
        )


@router.message(StateFilter(Join.name), F.text)
async def on_name(message: Message, state: FSMContext, t: Text) -> None:
    """Real name, checked."""
    try:
        name = person_name(message.text)
    except DomainError as exc:
        await message.answer(t(exc.key, **exc.args_))
        return
    await state.update_data(real_name=name)
    await _ask_typed(message, state, t, "unit")


@router.message(StateFilter(Join.unit), F.text)
async def on_unit(message: Message, state: FSMContext, t: Text) -> None:
    """Work unit, checked."""
    try:
        unit = work_unit(message.text)
    except DomainError as exc:
        await message.answer(t(exc.key, **exc.args_))
        return
    await state.update_data(work_unit=unit)
    await _ask_typed(message, state, t, "phone")


@router.message(StateFilter(Join.phone), F.contact | F.text)
async def on_phone(message: Message, state: FSMContext, user: User, t: Text) -> None:
    """Phone from the user's own contact, or typed."""
    if message.contact is not None and message.contact.user_id != user.id:
        await message.answer(t("err-contact-not-own"))
        return
    try:
        if message.contact is not None:
            phone = contact_phone(message.contact.phone_number)
        else:
            phone = phone_number(message.text)
    except DomainError as exc:
        await message.answer(t(exc.key, **exc.args_))
        return
    await state.update_data(phone=phone)
    await _ask_skills(message, state, t)


async def _ask_skills(message: Message, state: FSMContext, t: Text) -> None:
    """The skills step; what was chosen before (back here, or last time) stays chosen."""
    data = await state.get_data()
    chosen: list[str] = list(data.get("skills", []))
    custom = str(data.get("custom_skills", ""))
    await state.update_data(skills=chosen, custom_skills=custom)
    await state.set_state(Join.skills)
    await message.answer("👍", reply_markup=step_keyboard(t))
    question = with_current(t, t("member-ask-skills"), custom) if data.get("again") else None
    await message.answer(
        question or t("member-ask-skills"), reply_markup=_skills_markup(t, chosen)
    )


@router.callback_query(StateFilter(Join.skills), JoinCb.filter(F.action == "skill"))
async def on_skill_toggle(
    query: CallbackQuery, callback_data: JoinCb, state: FSMContext, t: Text
) -> None:
    """Toggle one skill."""
    if callback_data.value not in SKILLS:
        await query.answer(t("err-skills-unknown"), show_alert=True)
        return
    chosen: list[str] = list((await state.get_data()).get("skills", []))
    if callback_data.value in chosen:
        chosen.remove(callback_data.value)
    else:
        chosen.append(callback_data.value)
    await state.update_data(skills=chosen)
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.edit_reply_markup(reply_markup=_skills_markup(t, chosen))


@router.message(StateFilter(Join.skills), F.text)
async def on_custom_skills(
    message: Message, state: FSMContext, t: Text, translator: Translator
) -> None:
    """Typed skills: those on the buttons are ticked ('plumbing and tutoring', in any of the
    languages), the rest kept beside them as other skills."""
    # a skill's name or the everyday words for it ('我会修水管' ticks 水管疏通)
    names = {
        code: translator.all_values(f"skill-{code}")
        | everyday_words(translator.all_values(f"skill-{code}-words"))
        for code in SKILLS
    }
    codes, others = read_typed(message.text or "", names)
    try:
        custom = short_label(others or message.text, max_len=100) if others or not codes else ""
    except DomainError as exc:
        await message.answer(t(exc.key, **exc.args_))
        return
    chosen = normalize_skills([*(await state.get_data()).get("skills", []), *codes])
    await state.update_data(skills=chosen)
    if custom:
        await state.update_data(custom_skills=custom)
    said = [t("member-skills-ticked", skills=t.join(t(f"skill-{c}") for c in codes))]
    said = (said if codes else []) + ([t("member-skills-custom", skills=custom)] if custom else [])
    await message.answer("\n".join(said), reply_markup=_skills_markup(t, chosen))


@router.callback_query(StateFilter(Join.skills), JoinCb.filter(F.action == "skills-done"))
async def on_skills_done(
    query: CallbackQuery, state: FSMContext, session: AsyncSession, t: Text
) -> None:
    """Skills chosen: which community to serve."""
    data = await state.get_data()
    if not data.get("skills") and not data.get("custom_skills"):
        await query.answer(t("err-skills-empty"), show_alert=True)
        return
    await query.answer()
    assert isinstance(query.message, Message)
    await _ask_community(query.message, state, session, t)


async def _ask_community(
    message: Message, state: FSMContext, session: AsyncSession, t: Text
) -> None:
    """The community step, in the message of the step before or after it."""
    communities = await org.list_communities(session)
    await state.set_state(Join.community)
    rows = [
        [(shown_name(c, t.lang), JoinCb(action="community", value=str(c.id)).pack())]
        for c in communities
    ]
    rows.append([(t("common-back"), JoinCb(action="back", value="skills").pack())])
    await message.edit_text(t("member-ask-community"), reply_markup=inline_kb(rows))


async def _ask_grid(
    message: Message, state: FSMContext, session: AsyncSession, t: Text, community_id: int
) -> bool:
    """The grid step for this community; False if it has no grids (a stale button)."""
    grids = await org.list_grids(session, community_id=community_id)
    if not grids:
        return False
    await state.update_data(community_id=community_id)
    await state.set_state(Join.grid)
    rows = [
        [(shown_name(g, t.lang), JoinCb(action="grid", value=str(g.id)).pack())] for g in grids
    ]
    rows.append([(t("member-any-grid"), JoinCb(action="grid", value="").pack())])
    rows.append([(t("common-back"), JoinCb(action="back", value="community").pack())])
    await message.edit_text(t("member-ask-grid"), reply_markup=inline_kb(rows))
    return True


async def _ask_named(message: Message, state: FSMContext, t: Text) -> None:
    """Whether results and the points board may show the member's name."""
    await state.set_state(Join.named)
    name = (await state.get_data())["real_name"]
    masked = masked_name(t, name)
    await message.edit_text(
        t("member-ask-named", name=name, masked=masked),
        reply_markup=inline_kb(
            [
                [(t("member-named-yes"), JoinCb(action="named", value="yes").pack())],
                [(t("member-named-no", masked=masked), JoinCb(action="named", value="no").pack())],
                [(t("common-back"), JoinCb(action="back", value="grid").pack())],
            ]
        ),
    )


@router.callback_query(
    StateFilter(Join.community, Join.grid, Join.named, Join.confirm),
    JoinCb.filter(F.action == "back"),
)
async def on_join_back_button(
    query: CallbackQuery,
    callback_data: JoinCb,
    state: FSMContext,
    session: AsyncSession,
    t: Text,
) -> None:
    """⬅️ 上一步 under a choice: the step before, in the same message, with what was entered."""
    assert isinstance(query.message, Message)
    data = await state.get_data()
    await query.answer()
    if callback_data.value == "skills":
        await state.set_state(Join.skills)
        chosen = list(data.get("skills", []))
        await query.message.edit_text(
            with_current(t, t("member-ask-skills"), data.get("custom_skills") or None),
            reply_markup=_skills_markup(t, chosen),
        )
    elif callback_data.value == "community" or data.get("community_id") is None:
        await _ask_community(query.message, state, session, t)
    elif callback_data.value == "grid":
        await _ask_grid(query.message, state, session, t, int(data["community_id"]))
    else:  # from the confirmation: named or not
        await _ask_named(query.message, state, t)


@router.callback_query(StateFilter(Join.community), JoinCb.filter(F.action == "community"))
async def on_join_community(
    query: CallbackQuery,
    callback_data: JoinCb,
    state: FSMContext,
    session: AsyncSession,
    t: Text,
) -> None:
    """Community chosen: which grid (or any)."""
    assert isinstance(query.message, Message)
    if not callback_data.value.isdigit() or not await _ask_grid(
        query.message, state, session, t, int(callback_data.value)
    ):
        await query.answer(t("err-address-stale"), show_alert=True)
        return
    await query.answer()


@router.callback_query(StateFilter(Join.grid), JoinCb.filter(F.action == "grid"))
async def on_join_grid(
    query: CallbackQuery,
    callback_data: JoinCb,
    state: FSMContext,
    session: AsyncSession,
    t: Text,
) -> None:
    """Grid chosen: ask whether results and the points board may show the member's name."""
    grid_id = int(callback_data.value) if callback_data.value.isdigit() else None
    await state.update_data(grid_id=grid_id)
    await query.answer()
    assert isinstance(query.message, Message)
    await _ask_named(query.message, state, t)


def masked_name(t: Text, real_name: str) -> str:
    """How results and the points board write a member who does not want to be named."""
    return public_name(real_name, named=False) or t("points-anonymous")


@router.callback_query(StateFilter(Join.named), JoinCb.filter(F.action == "named"))
async def on_join_named(
    query: CallbackQuery,
    callback_data: JoinCb,
    state: FSMContext,
    session: AsyncSession,
    t: Text,
) -> None:
    """Named or not: show everything for confirmation."""
    named = callback_data.value == "yes"
    await state.update_data(show_name_public=named)
    await state.set_state(Join.confirm)
    data = await state.get_data()
    community = await session.get(Community, data["community_id"])
    name = data["real_name"]
    text = t(
        "member-confirm",
        name=name,
        unit=data["work_unit"],
        phone=data["phone"],
        skills=_skills_text(t, data["skills"], data["custom_skills"]),
        community=member_cards.area(
            t, community, await _grid_of(session, data.get("grid_id")), lang=t.lang
        ),
        named=t("member-named-shown", name=name)
        if named
        else t("member-named-hidden", masked=masked_name(t, name)),
    )
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.edit_text(
        text,
        reply_markup=inline_kb(
            [
                [(t("common-confirm"), JoinCb(action="submit").pack())],
                [
                    (t("common-back"), JoinCb(action="back", value="named").pack()),
                    (t("common-cancel"), JoinCb(action="abort").pack()),
                ],
            ]
        ),
    )


@router.callback_query(StateFilter(Join.confirm), JoinCb.filter(F.action == "abort"))
async def on_join_abort(
    query: CallbackQuery, state: FSMContext, user: User, roles: frozenset[Role], t: Text
) -> None:
    """Cancelled at the last step."""
    await state.clear()
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.edit_text(t("cancel-done"))


@router.callback_query(StateFilter(Join.confirm), JoinCb.filter(F.action == "submit"))
async def on_join_submit(
    query: CallbackQuery,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
    clock: Callable[[], datetime],
    translator: Translator,
    settings: Settings,
) -> None:
    """File the application and send a review card to the community's staff; at night the
    applicant is told when staff will see it."""
    data = await state.get_data()
    application = member_service.MemberApplication(
        real_name=data["real_name"],
        work_unit=data["work_unit"],
        phone=data["phone"],
        skills=data["skills"],
        custom_skills=data["custom_skills"],
        community_id=data["community_id"],
        grid_id=data.get("grid_id"),
        show_name_public=bool(data.get("show_name_public", False)),
    )
    profile = await member_service.apply(session, user=user, application=application)
    await state.clear()
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.edit_reply_markup(reply_markup=None)
    staff = await user_service.staff_of(session, community_id=profile.community_id)
    community = await session.get(Community, profile.community_id)
    grid = await _grid_of(session, profile.grid_id)
    now = clock()
    await notify(
        session,
        translator,
        staff,
        lambda tt: _review_card_text(tt, profile, community, grid),
        lambda tt: _review_markup(tt, profile),
        community_id=profile.community_id,
        now=now,
        matter=member_service.review_matter(profile.user_id),
    )
    # sent at night: the review cards wait for the morning, and the applicant should know when
    # (as a resident filing a request is told)
    said = t("member-submitted")
    seen_at = await member_service.reviewers_see_at(session, member_id=profile.user_id, now=now)
    if seen_at is not None:
        said += "\n\n" + t("member-submitted-night", time=local(t, settings, seen_at, now=now))
    await query.message.answer(said, reply_markup=main_menu(t, roles, registered=user.registered))


def _review_card_text(
    t: Text, profile: MemberProfile, community: Community | None, grid: Grid | None
) -> str:
    return member_cards.review_card_text(t, profile, community, grid, lang=t.lang)


async def _grid_of(session: AsyncSession, grid_id: int | None) -> Grid | None:
    return await member_cards.grid_of(session, grid_id)


def _area(t: Text, community: Community | None, grid: Grid | None) -> str:
    """Where the member will serve: the community and the grid chosen (or any grid), as the
    reader sees their names."""
    return member_cards.area(t, community, grid, lang=t.lang)


def _review_markup(t: Text, profile: MemberProfile) -> InlineKeyboardMarkup:
    member_id, v = profile.user_id, member_service.application_version(profile)
    return inline_kb(
        [
            [
                (t("member-approve"), ReviewCb(action="approve", member_id=member_id, v=v).pack()),
                (t("member-reject"), ReviewCb(action="reject", member_id=member_id, v=v).pack()),
            ]
        ]
    )


async def _decided_card_text(
    session: AsyncSession, t: Text, settings: Settings, profile: MemberProfile, now: datetime
) -> str:
    """A review card once decided: the outcome, who decided and when (and why not)."""
    return await member_cards.decided_card_text(
        session, t, profile, lang=t.lang, zone=settings.zone, now=now
    )


async def _redraw_colleagues_cards(
    session: AsyncSession,
    translator: Translator,
    settings: Settings,
    profile: MemberProfile,
    now: datetime,
    *,
    tapped: tuple[int, int] | None,
) -> None:
    """Every other review card of the application sent to staff (the notice's copies, the
    cards 🧾 报到审核 listed) reads the decision, who and when, without 通过/不通过, as the
    card tapped (`tapped`: chat, message) does."""
    await member_cards.redraw_sent_cards(
        session,
        profile=profile,
        texts=translator,
        default_language=settings.default_language,
        zone=settings.zone,
        now=now,
        but=tapped,
    )
    await session.commit()


PENDING_SHOWN = 20  # review cards sent at one tap of 🧾 报到审核, the oldest first


@router.message(F.text.in_(labels("menu-members")))
async def on_pending_list(
    message: Message,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
    settings: Settings,
    clock: Callable[[], datetime],
) -> None:
    """Staff: the applications waiting in their communities, one card each; a button opens
    the members approved before."""
    community_ids = await _review_communities(session, user, roles)
    pending = await member_service.pending_members(session, community_ids=community_ids)
    approved = inline_kb([[(t("member-list-btn"), MemberListCb(page=0).pack())]])
    if not pending:
        await message.answer(t("member-pending-none"), reply_markup=approved)
        return
    if len(pending) > PENDING_SHOWN:  # the rest come once these are decided
        await message.answer(
            t("member-pending-more", count=len(pending), shown=PENDING_SHOWN, button=message.text),
            reply_markup=approved,
        )
    else:
        await message.answer(t("member-pending-count", count=len(pending)), reply_markup=approved)
    # each card is recorded as the notice's copies are: redrawn with the decision once a
    # colleague decides it (before, never), at once if decided while it was on its way
    for profile in pending[:PENDING_SHOWN]:
        community = await session.get(Community, profile.community_id)
        text = _review_card_text(t, profile, community, await _grid_of(session, profile.grid_id))
        card = await message.answer(text, reply_markup=_review_markup(t, profile))
        decided = await member_cards.remember_listed_card(
            session,
            member_id=profile.user_id,
            chat_id=card.chat.id,
            message_id=card.message_id,
            text=text,
            now=clock(),
        )
        if decided is not None:
            with contextlib.suppress(TelegramBadRequest):  # gone meanwhile
                await card.edit_text(
                    await _decided_card_text(session, t, settings, decided, clock()),
                    reply_markup=None,
                )


async def _review_communities(
    session: AsyncSession, user: User, roles: frozenset[Role]
) -> list[int]:
    """The communities whose members this staff account reviews (an admin: all)."""
    if Role.ADMIN in roles:
        return [c.id for c in await org.list_communities(session) if c.id]
    return [s.community_id for s in await user_service.staff_scopes(session, user_id=user.id)]


MEMBERS_PER_PAGE = 5


@router.callback_query(MemberListCb.filter())
async def on_member_list(
    query: CallbackQuery,
    callback_data: MemberListCb,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
    settings: Settings,
    clock: Callable[[], datetime],
) -> None:
    """Staff: one page of the approved members of their communities, a card each with ⏸ 暂停
    (▶️ 恢复 for a suspended one); a member who paused orders themselves says until when."""
    await query.answer()
    assert isinstance(query.message, Message)
    await send_member_page(
        query.message, session, user, roles, t, settings, clock(), callback_data.page
    )


async def send_member_page(
    message: Message,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
    settings: Settings,
    now: datetime,
    number: int,
) -> None:
    """One page of the approved members (its button's, or asked in words: '有哪些志愿者')."""
    community_ids = await _review_communities(session, user, roles)
    page = await member_service.approved_members(
        session, community_ids=community_ids, page=number, per_page=MEMBERS_PER_PAGE
    )
    if not page.items:
        await message.answer(t("member-list-none"))
        return
    nav = []
    if page.page > 0:
        nav.append((t("member-list-prev"), MemberListCb(page=page.page - 1).pack()))
    if page.page + 1 < page.pages:
        nav.append((t("member-list-next"), MemberListCb(page=page.page + 1).pack()))
    head = t("member-list-head", count=page.total, page=page.page + 1, pages=page.pages)
    for profile in page.items:
        community = await session.get(Community, profile.community_id)
        grid = await _grid_of(session, profile.grid_id)
        text = _member_card_text(t, profile, community, grid)
        if profile.paused(now):
            until = profile.paused_until
            text += "\n" + t(
                "member-card-paused",
                until=last_day(t, settings, until) if until else t("member-card-paused-open"),
            )
        await message.answer(text, reply_markup=_member_markup(t, profile))
    await message.answer(head, reply_markup=inline_kb([nav]) if nav else None)


def _member_card_text(
    t: Text, profile: MemberProfile, community: Community | None, grid: Grid | None
) -> str:
    return t(
        "member-card",
        name=profile.real_name,
        status=t(f"member-status-{profile.status}"),
        unit=profile.work_unit,
        phone=profile.phone,
        skills=_skills_text(t, profile.skill_list, profile.custom_skills),
        community=_area(t, community, grid),
        points=profile.points,
    )


def _member_markup(t: Text, profile: MemberProfile) -> InlineKeyboardMarkup:
    if profile.status == MemberStatus.SUSPENDED:
        label, action = t("member-restore"), "restore"
    else:
        label, action = t("member-suspend"), "suspend"
    return inline_kb([[(label, SuspendCb(action=action, member_id=profile.user_id).pack())]])


@router.callback_query(SuspendCb.filter(F.action.in_(starter("suspend"))))
async def on_suspend(
    query: CallbackQuery,
    callback_data: SuspendCb,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
) -> None:
    """⏸ 暂停: ask why (scope and standing are checked now and again when it is typed)."""
    profile = await member_service.member_to_suspend(
        session, actor=user, roles=roles, member_id=callback_data.member_id, suspended=True
    )
    if await asks_first(query, callback_data, state, t, starting="SuspendReason"):
        return
    await state.set_state(SuspendReason.reason)
    await state.update_data(member_id=profile.user_id)
    card = origin(query, callback_data)
    if card is not None:
        await state.update_data(card=card.message_id)
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.answer(
        t("member-ask-suspend-reason", name=profile.real_name), reply_markup=cancel_keyboard(t)
    )


@router.message(
    StateFilter(SuspendReason.reason, ReviewReason.reason), F.text.in_(labels("common-cancel"))
)
async def on_reason_cancel(
    message: Message, state: FSMContext, user: User, roles: frozenset[Role], t: Text
) -> None:
    """Changed their mind: the member stays (or the application stays pending)."""
    await state.clear()
    await message.answer(
        t("cancel-done"), reply_markup=main_menu(t, roles, registered=user.registered)
    )


@router.message(StateFilter(SuspendReason.reason), F.text)
async def on_suspend_reason(
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
    """Suspend with the typed reason: their claims go back (staff of those orders told), the
    member is told why and loses the member's menu."""
    data = await state.get_data()
    try:
        done = await member_service.set_suspended(
            session,
            actor=user,
            roles=roles,
            member_id=int(data["member_id"]),
            suspended=True,
            reason=message.text,
            release_reason=t("member-suspend-claim-reason", reason=message.text or ""),
            now=clock(),
        )
    except InvalidInput as exc:
        await message.answer(t(exc.key, **exc.args_))
        return
    except DomainError:
        await state.clear()  # changed by a colleague meanwhile, or not allowed: leave the step
        raise
    await state.clear()
    await deliver(
        session,
        done.notices,
        texts=translator,
        default_language=settings.default_language,
        now=clock(),
    )
    await session.commit()
    profile = done.profile
    if data.get("card") and message.bot is not None:
        with contextlib.suppress(TelegramBadRequest):  # gone, or too old to edit
            await message.bot.edit_message_reply_markup(
                chat_id=message.chat.id,
                message_id=int(data["card"]),
                reply_markup=_member_markup(t, profile),
            )
    reason = message.text or ""
    await message.answer(
        t("member-suspended-staff", name=profile.real_name, reason=reason, released=done.released),
        reply_markup=main_menu(t, roles, registered=user.registered),
    )
    await _tell_member(
        session,
        translator,
        settings,
        clock,
        profile,
        lambda tt: tt("member-suspended-user", reason=reason),
    )


@router.callback_query(SuspendCb.filter(F.action == "restore"))
async def on_restore(
    query: CallbackQuery,
    callback_data: SuspendCb,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
    clock: Callable[[], datetime],
    translator: Translator,
    settings: Settings,
) -> None:
    """▶️ 恢复: the member is told and gets the member's menu back."""
    done = await member_service.set_suspended(
        session,
        actor=user,
        roles=roles,
        member_id=callback_data.member_id,
        suspended=False,
        now=clock(),
    )
    profile = done.profile
    await query.answer(t("member-restored-staff", name=profile.real_name))
    if isinstance(query.message, Message):
        with contextlib.suppress(TelegramBadRequest):
            await query.message.edit_reply_markup(reply_markup=_member_markup(t, profile))
        await query.message.answer(t("member-restored-staff", name=profile.real_name))
    await _tell_member(
        session, translator, settings, clock, profile, lambda tt: tt("member-restored-user")
    )


async def _tell_member(
    session: AsyncSession,
    translator: Translator,
    settings: Settings,
    clock: Callable[[], datetime],
    profile: MemberProfile,
    text: Callable[[Text], str],
) -> None:
    """A notice to the member, with the menu their roles give them now."""
    member = await session.get(User, profile.user_id)
    if member is None:
        return
    member_roles = user_service.effective_roles(member, admin_ids=settings.admin_ids)
    await notify(
        session,
        translator,
        [member],
        text,
        lambda tt: main_menu(tt, member_roles, registered=member.registered),
        now=clock(),
    )


async def _drop_review_buttons(query: CallbackQuery, callback_data: ReviewCb) -> None:
    """The review card tapped loses 通过/不通过 once they can do nothing: the application was
    decided (by a colleague, or on another copy) or filed again since. A forged tap on a
    message without this application's buttons changes nothing."""
    card = origin(query, callback_data)
    if card is None:
        return
    mine = {
        ReviewCb(action=a, member_id=callback_data.member_id, v=callback_data.v).pack()
        for a in ("approve", "reject")
    }
    rows = card.reply_markup.inline_keyboard if card.reply_markup else []
    if any(key.callback_data in mine for row in rows for key in row):
        with contextlib.suppress(TelegramBadRequest):  # a double tap crossing the first edit
            await safe_edit_markup(card, None)


@router.callback_query(ReviewCb.filter(F.action == "approve"))
async def on_approve(
    query: CallbackQuery,
    callback_data: ReviewCb,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
    clock: Callable[[], datetime],
    translator: Translator,
    settings: Settings,
) -> None:
    """Approve; the applicant is told, with the member's menu."""
    try:
        profile = await member_service.review(
            session,
            reviewer=user,
            roles=roles,
            member_id=callback_data.member_id,
            approve=True,
            expected_version=callback_data.v,
            now=clock(),
        )
    except Conflict:  # decided already, or filed again: said by the error handler
        await _drop_review_buttons(query, callback_data)
        raise
    await query.answer(t("member-approved-staff", name=profile.real_name))
    if isinstance(query.message, Message):
        # the card reads who approved it and when, without 通过/不通过 (before, it kept the
        # application's words alone, as if still waiting)
        card = await _decided_card_text(session, t, settings, profile, clock())
        with contextlib.suppress(TelegramBadRequest):  # a double tap crossing this edit
            await query.message.edit_text(card, reply_markup=None)
        await query.message.answer(t("member-approved-staff", name=profile.real_name))
    tapped = (query.message.chat.id, query.message.message_id) if query.message else None
    await _redraw_colleagues_cards(session, translator, settings, profile, clock(), tapped=tapped)
    member = await session.get(User, profile.user_id)
    if member is not None:
        # The notice brings the member's menu with it: it points at 「可接工单」, which a
        # resident's keyboard does not have.
        member_roles = user_service.effective_roles(member, admin_ids=settings.admin_ids)
        await notify(
            session,
            translator,
            [member],
            lambda tt: tt("member-approved-user"),
            lambda tt: main_menu(tt, member_roles, registered=member.registered),
            now=clock(),
        )


@router.callback_query(ReviewCb.filter(F.action.in_(starter("reject"))))
async def on_reject(
    query: CallbackQuery,
    callback_data: ReviewCb,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
) -> None:
    """Ask the reviewer for a reason (scope and status are checked now and again on submit)."""
    profile = await session.get(MemberProfile, callback_data.member_id)
    if profile is None:  # the applicant deleted their data since
        await query.answer(t("member-application-gone"), show_alert=True)
        return
    await user_service.require_scope(
        session, user=user, roles=roles, community_id=profile.community_id, action="member_review"
    )
    if profile.status != MemberStatus.PENDING:
        await _drop_review_buttons(query, callback_data)
        done = await member_service.already_reviewed(session, profile)
        await query.answer(t(done.key, **done.args_), show_alert=True)
        return
    if callback_data.v != member_service.application_version(profile):
        await _drop_review_buttons(query, callback_data)
        await query.answer(t("member-card-outdated"), show_alert=True)
        return
    if await asks_first(query, callback_data, state, t, starting="ReviewReason"):
        return
    await state.set_state(ReviewReason.reason)
    await state.update_data(member_id=profile.user_id, version=callback_data.v)
    # the card 不通过 was tapped on loses its buttons once the reason is typed
    card = origin(query, callback_data)
    if card is not None:
        await state.update_data(card=card.message_id)
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.answer(t("member-ask-reject-reason"), reply_markup=cancel_keyboard(t))


@router.message(StateFilter(ReviewReason.reason), F.text)
async def on_reject_reason(
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
    """Reject with the typed reason; the applicant is told why (a bad reason can be retyped)."""
    data = await state.get_data()
    try:
        profile = await member_service.review(
            session,
            reviewer=user,
            roles=roles,
            member_id=data["member_id"],
            approve=False,
            reason=message.text,
            expected_version=data.get("version"),
            now=clock(),
        )
    except InvalidInput as exc:
        await message.answer(t(exc.key, **exc.args_))
        return
    except DomainError:
        await state.clear()  # decided by someone else meanwhile, or not allowed: leave the step
        raise
    await state.clear()
    if data.get("card") and message.bot is not None:
        # the card 不通过 was tapped on reads who declined it, when and why, without buttons
        card = await _decided_card_text(session, t, settings, profile, clock())
        with contextlib.suppress(TelegramBadRequest):  # gone, or too old to edit
            await message.bot.edit_message_text(
                card, chat_id=message.chat.id, message_id=int(data["card"]), reply_markup=None
            )
    reason = profile.reject_reason or ""
    await message.answer(
        t("member-rejected-staff", name=profile.real_name, reason=reason),
        reply_markup=main_menu(t, roles, registered=user.registered),
    )
    tapped = (message.chat.id, int(data["card"])) if data.get("card") else None
    await _redraw_colleagues_cards(session, translator, settings, profile, clock(), tapped=tapped)
    member = await session.get(User, profile.user_id)
    if member is not None:
        await notify(
            session,
            translator,
            [member],
            lambda tt: tt("member-rejected-user", reason=reason),
            now=clock(),
        )


# ---------------------------------------------------------------- changing community


class MoveCb(CallbackData, prefix="mv"):
    """Changing community: the member's ask (read back), yes, no, back (withdraw the request
    waiting); staff's ok, rej."""

    action: str
    to: int
    member_id: int = 0
    at: int = 0  # staff's and back: the request it is about (services.members.move_stamp)


def _named(t: Text, community: Community) -> str:
    """The community's name as the reader reads it."""
    return community.name_en if t.lang == "en" and community.name_en else community.name


async def offer_move(
    message: Message, session: AsyncSession, user: User, t: Text, to: Community | None
) -> None:
    """'我搬到和谐社区了' / 'I moved to another community': what changing community means, read
    back with ✅ 确认 (the community not named: one to pick first). Before, they got nothing of
    use (changing community was offered nowhere)."""
    profile = await session.get(MemberProfile, user.id)
    here = await session.get(Community, profile.community_id) if profile is not None else None
    if profile is None or here is None or profile.status != MemberStatus.APPROVED:
        await message.answer(t("member-move-not-member"))
        return
    if to is None and profile.move_state == MoveState.PENDING and profile.move_to_id:
        to = await session.get(Community, profile.move_to_id)  # said as waiting, no second card
    if to is None:
        others = [c for c in await org.list_communities(session) if c.id != here.id]
        rows = [[(_named(t, c), MoveCb(action="ask", to=c.id or 0).pack())] for c in others[:20]]
        await message.answer(
            t("member-move-pick", here=_named(t, here)), reply_markup=inline_kb(rows)
        )
        return
    text, markup = await _move_read_back(session, user, t, to.id or 0)
    await message.answer(text, reply_markup=markup)


def _withdraw_kb(t: Text, profile: MemberProfile) -> InlineKeyboardMarkup | None:
    """↩️ 撤回转社区申请 under what the member is told of their request waiting for staff."""
    if profile.move_state != MoveState.PENDING or not profile.move_to_id:
        return None
    stamp = member_service.move_stamp(profile.move_asked_at)
    back = MoveCb(action="back", to=profile.move_to_id, at=stamp)
    return inline_kb([[(t("member-move-btn-withdraw"), back.pack())]])


async def _refused_move(
    session: AsyncSession, user: User, t: Text, exc: DomainError
) -> tuple[str, InlineKeyboardMarkup | None]:
    """A change of community refused: what the member is told, and, when a request of theirs
    waits for staff already, the button to withdraw it (before, they could not)."""
    markup = None
    if exc.key == "member-move-pending":
        profile = await session.get(MemberProfile, user.id)
        if profile is not None:
            await session.refresh(profile)
            markup = _withdraw_kb(t, profile)
    return t(exc.key, **exc.args_), markup


async def _move_read_back(
    session: AsyncSession, user: User, t: Text, to_id: int
) -> tuple[str, InlineKeyboardMarkup | None]:
    try:
        _profile, here, to = await member_service.move_asked(
            session, user=user, to_community_id=to_id
        )
    except DomainError as exc:
        return await _refused_move(session, user, t, exc)
    markup = inline_kb(
        [
            [
                (t("member-move-btn-confirm"), MoveCb(action="yes", to=to_id).pack()),
                (t("common-cancel"), MoveCb(action="no", to=to_id).pack()),
            ]
        ]
    )
    return t("member-move-ask", here=_named(t, here), there=_named(t, to)), markup


def _move_card(t: Text, profile: MemberProfile, here: Community, to: Community) -> str:
    skills = t.join(t(f"skill-{s}") for s in profile.skill_list if s in SKILLS)
    return t(
        "member-move-card",
        name=profile.real_name,
        phone=profile.phone or "-",
        unit=profile.work_unit or "-",
        skills=skills or "-",
        here=_named(t, here),
        there=_named(t, to),
    )


@router.callback_query(MoveCb.filter(F.action.in_({"ask", "yes", "no"})))
async def on_move_member(
    query: CallbackQuery,
    callback_data: MoveCb,
    session: AsyncSession,
    user: User,
    t: Text,
    clock: Callable[[], datetime],
    translator: Translator,
    settings: Settings,
) -> None:
    """The member picks the community (read back), confirms (staff of that community get it
    to approve, as an application), or cancels."""
    message = query.message
    if not isinstance(message, Message):
        await query.answer()
        return
    await query.answer()
    if callback_data.action == "ask":
        text, markup = await _move_read_back(session, user, t, callback_data.to)
        await message.edit_text(text, reply_markup=markup)
        return
    if callback_data.action == "no":
        await message.edit_text(t("member-move-cancelled"), reply_markup=None)
        return
    try:
        profile, here, to = await member_service.ask_move(
            session, user=user, to_community_id=callback_data.to, now=clock()
        )
    except DomainError as exc:
        text, markup = await _refused_move(session, user, t, exc)
        await message.edit_text(text, reply_markup=markup)
        return
    staff = await user_service.staff_of(session, community_id=to.id or 0)
    ids = {
        "to": to.id or 0,
        "member_id": profile.user_id,
        "at": member_service.move_stamp(profile.move_asked_at),
    }
    await notify(
        session,
        translator,
        staff,
        lambda tt: _move_card(tt, profile, here, to),
        lambda tt: inline_kb(
            [
                [
                    (tt("member-move-approve"), MoveCb(action="ok", **ids).pack()),
                    (tt("member-move-reject"), MoveCb(action="rej", **ids).pack()),
                ]
            ]
        ),
        community_id=to.id,
        now=clock(),
        matter=member_service.move_matter(profile.user_id),
    )
    said = t("member-move-sent", here=_named(t, here), there=_named(t, to))
    now = clock()
    seen_at = await member_service.reviewers_see_at(
        session, member_id=profile.user_id, now=now, matter=member_service.move_matter(user.id)
    )
    if seen_at is not None:  # at night: when staff will see it, as for an application
        said += "\n\n" + t("member-submitted-night", time=local(t, settings, seen_at, now=now))
    await message.edit_text(said, reply_markup=_withdraw_kb(t, profile))


@router.callback_query(MoveCb.filter(F.action == "back"))
async def on_move_withdrawn(
    query: CallbackQuery,
    callback_data: MoveCb,
    session: AsyncSession,
    user: User,
    t: Text,
    clock: Callable[[], datetime],
    translator: Translator,
    settings: Settings,
) -> None:
    """↩️ 撤回转社区申请: the member takes back their request while it waits (before, one the
    new community never answered left them stuck). Its staff cards read that it was withdrawn,
    without their buttons; a decision that came first wins, and the member is told it."""
    message = query.message
    await query.answer()
    try:
        profile, to = await member_service.withdraw_move(
            session, user=user, now=clock(), stamp=callback_data.at
        )
    except DomainError as exc:
        text, markup = await _refused_move(session, user, t, exc)
        if isinstance(message, Message):
            await message.edit_text(text, reply_markup=markup)
        return
    await member_cards.redraw_withdrawn_move(
        session,
        profile=profile,
        texts=translator,
        default_language=settings.default_language,
        zone=settings.zone,
        now=clock(),
    )
    await session.commit()
    here = await session.get(Community, profile.community_id)
    said = t(
        "member-move-withdrawn",
        there=_named(t, to),
        here=_named(t, here) if here is not None else "-",
    )
    if isinstance(message, Message):
        await message.edit_text(said, reply_markup=None)


@router.callback_query(MoveCb.filter(F.action.in_({"ok", "rej"})))
async def on_move_decided(
    query: CallbackQuery,
    callback_data: MoveCb,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
    clock: Callable[[], datetime],
    translator: Translator,
    settings: Settings,
) -> None:
    """Staff of the community asked for take the member in, or not; the member is told (when
    declined, with that community office's contact), and so are the old community's staff
    when they move away. A card decided already (by a colleague) says how, by whom and when,
    and loses its buttons."""
    message = query.message
    approve = callback_data.action == "ok"
    try:
        profile, before = await member_service.decide_move(
            session,
            reviewer=user,
            roles=roles,
            member_id=callback_data.member_id,
            to_community_id=callback_data.to,
            approve=approve,
            now=clock(),
            stamp=callback_data.at,
        )
    except member_service.MoveTaken as taken:
        log.info(
            "stale change-of-community card %r tapped by %s: %s",
            query.data,
            user.id,
            taken.state or "an older request",
        )
        said = await _move_taken(session, t, settings, taken, clock())
        await query.answer(said, show_alert=True)
        if isinstance(message, Message):
            with contextlib.suppress(TelegramBadRequest):
                card = html.escape(message.text or "", quote=False)  # read back as plain text
                await message.edit_text(f"{card}\n\n{said}", reply_markup=None)
        return
    except Conflict:  # said by the error handler
        if isinstance(message, Message):
            with contextlib.suppress(TelegramBadRequest):
                await safe_edit_markup(message, None)
        raise
    here = await session.get(Community, before)
    to = await session.get(Community, callback_data.to)
    assert here is not None and to is not None
    key = "member-move-approved-card" if approve else "member-move-rejected-card"
    said = t(key, name=profile.real_name, there=_named(t, to), by=user.display_name)
    await query.answer(said)
    if isinstance(message, Message):
        with contextlib.suppress(TelegramBadRequest):
            card = html.escape(message.text or "", quote=False)  # read back as plain text
            await message.edit_text(f"{card}\n\n{said}", reply_markup=None)
    member = await session.get(User, profile.user_id)
    if member is not None:

        def outcome(tt: Text) -> str:
            """Approved; or declined, with whom to ask why (the office that declined)."""
            if approve:
                return tt("member-move-approved", here=_named(tt, here), there=_named(tt, to))
            said = tt("member-move-rejected", here=_named(tt, here), there=_named(tt, to))
            return f"{said}\n\n{office_text(tt, to)}"

        await notify(session, translator, [member], outcome, now=clock())
    if approve:  # the old community's staff: one notice, held at night as others are
        staff = await user_service.staff_of(session, community_id=before)
        await notify(
            session,
            translator,
            [s for s in staff if s.id != user.id],
            lambda tt: tt(
                "member-move-left-staff",
                name=profile.real_name,
                here=_named(tt, here),
                there=_named(tt, to),
            ),
            community_id=before,
            now=clock(),
        )


async def _move_taken(
    session: AsyncSession,
    t: Text,
    settings: Settings,
    taken: member_service.MoveTaken,
    now: datetime,
) -> str:
    """What a staff member tapping a change of community decided already is told: approved or
    declined, by whom and when (when known)."""
    if taken.state is None or taken.by is None:
        return t("member-move-decided")
    if taken.state == MoveState.WITHDRAWN:  # by the member: named as on the card
        member = await session.get(MemberProfile, taken.by)
        name = member.real_name if member is not None else "-"
    else:
        by = await session.get(User, taken.by)
        name = by.display_name if by is not None else "-"
    return t(
        "member-move-decided-by",
        state=taken.state,
        by=name,
        time=local(t, settings, taken.at, now=now),
    )
