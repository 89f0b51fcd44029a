"""A member keeps their own profile (👤 我的资料): their skills (the sign-up's picker, ticked as
they stand), the grid they serve, and their own 暂停接单 — by its buttons or in words ('我想改
一下我的技能', '我搬到第二网格了', '我这周出差，先别派给我', '恢复接单')."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import datetime, timedelta

from aiogram import F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import StateFilter
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Text, Translator
from bot.settings import Settings
from handlers.consult_kit import settle_by_id
from handlers.menu import labels
from handlers.text_steps import refuse_button_labels
from models import Community, Grid, MemberProfile, MemberStatus, User, shown_name
from services import member_cards, org
from services import member_self as self_service
from services.errors import DomainError
from services.skills import SKILLS, everyday_words, normalize_skills

router = Router(name="member_profile")
router.message.filter(F.chat.type == "private")

_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class MemberSelfCb(CallbackData, prefix="me"):
    """A member's own profile: skills, grid, pause (the service checks who and what again)."""

    action: str
    value: str = ""


class MemberEdit(StatesGroup):
    """The skill picker open: taps tick, typed words tick or add 其他特长."""

    skills = State()


refuse_button_labels(router, MemberEdit.skills)


def _btn(text: str, action: str, value: str = "") -> InlineKeyboardButton:
    return InlineKeyboardButton(
        text=text, callback_data=MemberSelfCb(action=action, value=value).pack()
    )


def last_day(t: Text, settings: Settings, until: datetime) -> str:
    """The last local day of a pause that ends at `until` (a midnight): '12月13日（周日）'."""
    day = (until - timedelta(seconds=1)).astimezone(settings.zone)
    return t("member-day", month=day.month, day=day.day, weekday=_WEEKDAYS[day.weekday()])


# ------------------------------------------------------------------ in 👤 我的资料


async def profile_lines(
    session: AsyncSession, t: Text, settings: Settings, profile: MemberProfile, now: datetime
) -> list[str]:
    """A member's own lines of their profile: skills, other skills (其他特长), the area they
    serve, and whether they take offers now."""
    names = [t(f"skill-{c}") for c in profile.skill_list]
    lines = [
        t("me-skills-line", skills=t.join(names)) if names else t("me-skills-none"),
    ]
    if profile.custom_skills:
        lines.append(t("me-custom-line", skills=profile.custom_skills))
    lines.append(t("me-area-line", area=await _area(session, t, profile)))
    if profile.status == MemberStatus.APPROVED:
        lines.append(pause_line(t, settings, profile, now))
    return lines


def pause_line(t: Text, settings: Settings, profile: MemberProfile, now: datetime) -> str:
    """Whether the member takes offers now, or until when they paused them."""
    if not profile.paused(now):
        return t("me-pause-off")
    if profile.paused_until is None:
        return t("me-pause-on-open")
    return t("me-pause-on-until", date=last_day(t, settings, profile.paused_until))


def profile_buttons(t: Text, profile: MemberProfile, now: datetime) -> list[InlineKeyboardButton]:
    """The member's own buttons under their profile."""
    buttons = [_btn(t("me-btn-skills"), "skills"), _btn(t("me-btn-area"), "area")]
    if profile.status == MemberStatus.APPROVED:
        if profile.paused(now):
            buttons.append(_btn(t("me-btn-resume"), "resume"))
        else:
            buttons.append(_btn(t("me-btn-pause"), "pause"))
    return buttons


async def _area(session: AsyncSession, t: Text, profile: MemberProfile) -> str:
    community = await session.get(Community, profile.community_id)
    grid = await member_cards.grid_of(session, profile.grid_id)
    return member_cards.area(t, community, grid, lang=t.lang)


# ------------------------------------------------------------------ skills


def skill_names(translator: Translator) -> dict[str, frozenset[str]]:
    """Each skill's names and everyday words, in every language (as the sign-up reads them)."""
    return {
        code: frozenset(translator.all_values(f"skill-{code}"))
        | everyday_words(translator.all_values(f"skill-{code}-words"))
        for code in SKILLS
    }


def _picker(t: Text, chosen: list[str], custom: str) -> InlineKeyboardMarkup:
    """The sign-up's skill buttons, ticked as chosen, with 保存 and 取消."""
    buttons = [
        _btn(("✅ " if code in chosen else "") + t(f"skill-{code}"), "skill", code)
        for code in SKILLS
    ]
    rows = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
    if custom:
        rows.append([_btn(t("me-skills-clear-custom"), "clear-custom")])
    rows.append([_btn(t("me-skills-save"), "save"), _btn(t("common-cancel"), "skills-no")])
    return InlineKeyboardMarkup(inline_keyboard=rows)


def _picker_text(t: Text, custom: str, lead: str | None = None) -> str:
    lines = [lead] if lead else []
    lines.append(t("me-skills-ask"))
    if custom:
        lines.append(t("me-skills-current-custom", skills=custom))
    return "\n\n".join(lines)


async def open_skills(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    t: Text,
    *,
    add: list[str] = (),  # type: ignore[assignment]
    add_custom: str = "",
) -> None:
    """The skill picker, ticked as the member's skills stand (and `add`, said in words, ticked
    too, for them to confirm with 保存)."""
    profile = await self_service.own_profile(session, user=user)
    chosen = normalize_skills([*profile.skill_list, *add])
    custom = _joined(profile.custom_skills, add_custom)
    if await state.get_state() == MemberEdit.skills.state:  # a picker opened before: it goes
        earlier = (await state.get_data()).get("me_picker")
        await settle_by_id(message.bot, message.chat.id, earlier, t("me-skills-moved"))
    await state.clear()
    await state.set_state(MemberEdit.skills)
    await state.update_data(me_skills=chosen, me_custom=custom)
    lead = None
    new = [c for c in add if c not in profile.skill_list]
    if new or add_custom:
        said = t.join([*(t(f"skill-{c}") for c in new), *([add_custom] if add_custom else [])])
        lead = t("me-skills-added-said", skills=said)
    picker = await message.answer(
        _picker_text(t, custom, lead), reply_markup=_picker(t, chosen, custom)
    )
    await state.update_data(me_picker=picker.message_id)


def _joined(custom: str, more: str) -> str:
    """Other skills with more typed, each once."""
    parts = [p for p in (custom, more) if p]
    if more and custom and more in custom:
        parts = [custom]
    return "、".join(parts)[: self_service.CUSTOM_MAX]


@router.callback_query(MemberSelfCb.filter(F.action == "skills"))
async def on_skills_button(
    query: CallbackQuery, state: FSMContext, session: AsyncSession, user: User, t: Text
) -> None:
    """🛠 修改技能 in 我的资料: the picker."""
    await query.answer()
    assert isinstance(query.message, Message)
    await open_skills(query.message, state, session, user, t)


@router.callback_query(
    StateFilter(MemberEdit.skills),
    MemberSelfCb.filter(F.action.in_({"skill", "clear-custom"})),
)
async def on_skill_toggle(
    query: CallbackQuery, callback_data: MemberSelfCb, state: FSMContext, t: Text
) -> None:
    """One skill ticked or unticked; 🧹 clears the other skills."""
    data = await state.get_data()
    chosen, custom = list(data.get("me_skills", [])), str(data.get("me_custom", ""))
    if callback_data.action == "clear-custom":
        custom = ""
    elif callback_data.value not in SKILLS:
        await query.answer(t("err-skills-unknown"), show_alert=True)
        return
    elif callback_data.value in chosen:
        chosen.remove(callback_data.value)
    else:
        chosen = normalize_skills([*chosen, callback_data.value])
    await state.update_data(me_skills=chosen, me_custom=custom)
    await query.answer()
    assert isinstance(query.message, Message)
    with contextlib.suppress(TelegramBadRequest):  # a double tap crossing the edit
        await query.message.edit_text(
            _picker_text(t, custom), reply_markup=_picker(t, chosen, custom)
        )


@router.message(StateFilter(MemberEdit.skills), F.text.in_(labels("common-cancel")))
async def on_skills_cancel(message: Message, state: FSMContext, t: Text) -> None:
    """✖️ 取消 typed (or a keyboard's) at the picker: nothing changed; the picker goes."""
    earlier = (await state.get_data()).get("me_picker")
    await settle_by_id(message.bot, message.chat.id, earlier, t("me-skills-kept"))
    await state.clear()
    await message.answer(t("me-skills-kept"))


@router.message(StateFilter(MemberEdit.skills), F.text)
async def on_skills_typed(
    message: Message, state: FSMContext, t: Text, translator: Translator
) -> None:
    """Typed at the picker: skills on the buttons are ticked, the rest kept as 其他特长."""
    codes, others = self_service.typed_skills(message.text or "", skill_names(translator))
    data = await state.get_data()
    chosen = normalize_skills([*data.get("me_skills", []), *codes])
    custom = str(data.get("me_custom", ""))
    if others:
        custom = _joined(custom, others)
    await state.update_data(me_skills=chosen, me_custom=custom)
    said = t.join([*(t(f"skill-{c}") for c in codes), *([others] if others else [])])
    lead = t("me-skills-added-said", skills=said) if said else None
    # the picker comes again below what was typed; the one above reads that it moved
    await settle_by_id(message.bot, message.chat.id, data.get("me_picker"), t("me-skills-moved"))
    picker = await message.answer(
        _picker_text(t, custom, lead), reply_markup=_picker(t, chosen, custom)
    )
    await state.update_data(me_picker=picker.message_id)


@router.callback_query(MemberSelfCb.filter(F.action.in_({"save", "skills-no"})))
async def on_skills_done(
    query: CallbackQuery,
    callback_data: MemberSelfCb,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    t: Text,
    clock: Callable[[], datetime],
) -> None:
    """✅ 保存: the skills kept and read back; 取消: nothing changed (an older picker's tap,
    the picker closed since, says so)."""
    if await state.get_state() != MemberEdit.skills.state:
        await query.answer(t("err-stale-button"), show_alert=True)
        return
    assert isinstance(query.message, Message)
    if callback_data.action == "skills-no":
        await state.clear()
        await query.answer()
        await query.message.edit_text(t("me-skills-kept"), reply_markup=None)
        return
    data = await state.get_data()
    try:
        profile = await self_service.set_skills(
            session,
            user=user,
            skills=list(data.get("me_skills", [])),
            custom=str(data.get("me_custom", "")),
            now=clock(),
        )
    except DomainError as exc:  # nothing chosen: the picker stays
        await query.answer(t(exc.key, **exc.args_), show_alert=True)
        return
    await state.clear()
    await query.answer()
    skills = member_cards.skills_text(t, profile.skill_list, profile.custom_skills)
    await query.message.edit_text(t("me-skills-saved", skills=skills), reply_markup=None)


# ------------------------------------------------------------------ the grid served


async def open_area(message: Message, session: AsyncSession, user: User, t: Text) -> None:
    """The grids of the member's community to pick the one they serve (or the whole one)."""
    profile = await self_service.own_profile(session, user=user)
    grids = await org.list_grids(session, community_id=profile.community_id)
    rows = [
        [
            _btn(
                ("✅ " if g.id == profile.grid_id else "") + shown_name(g, t.lang),
                "grid",
                str(g.id),
            )
        ]
        for g in grids
    ]
    whole = ("✅ " if profile.grid_id is None else "") + t("me-area-any")
    rows.append([_btn(whole, "grid", "")])
    rows.append([_btn(t("common-cancel"), "grid-no")])
    text = "\n\n".join(
        [t("me-area-ask", area=await _area(session, t, profile)), t("me-area-other-community")]
    )
    await message.answer(text, reply_markup=InlineKeyboardMarkup(inline_keyboard=rows))


async def confirm_area(
    message: Message, session: AsyncSession, user: User, t: Text, grid: Grid, *, home: bool
) -> None:
    """'我搬到第二网格了': read back, to confirm (or pick another); `home`: the words may be
    about their home too (搬), whose address is changed elsewhere — said so."""
    profile = await self_service.own_profile(session, user=user)
    community = await session.get(Community, profile.community_id)
    area = member_cards.area(t, community, grid, lang=t.lang)
    if grid.id == profile.grid_id:
        await message.answer(t("me-area-same", area=area))
        return
    rows = [
        [_btn(t("common-confirm"), "grid", str(grid.id))],
        [_btn(t("me-area-other"), "area", "again"), _btn(t("common-cancel"), "grid-no")],
    ]
    said = t("me-area-confirm", area=area)
    if home:
        said += "\n\n" + t("me-area-home-hint")
    await message.answer(said, reply_markup=InlineKeyboardMarkup(inline_keyboard=rows))


@router.callback_query(MemberSelfCb.filter(F.action == "area"))
async def on_area_button(
    query: CallbackQuery, callback_data: MemberSelfCb, session: AsyncSession, user: User, t: Text
) -> None:
    """📍 修改服务网格 (or 选别的网格 under a grid said in words, which then goes): the grids
    to pick from."""
    await query.answer()
    assert isinstance(query.message, Message)
    if callback_data.value == "again":
        with contextlib.suppress(TelegramBadRequest):  # a double tap crossing the edit
            await query.message.edit_reply_markup(reply_markup=None)
    await open_area(query.message, session, user, t)


@router.callback_query(MemberSelfCb.filter(F.action.in_({"grid", "grid-no"})))
async def on_grid_picked(
    query: CallbackQuery,
    callback_data: MemberSelfCb,
    session: AsyncSession,
    user: User,
    t: Text,
    clock: Callable[[], datetime],
) -> None:
    """A grid picked (or confirmed): kept and read back; 取消: nothing changed."""
    assert isinstance(query.message, Message)
    if callback_data.action == "grid-no":
        await query.answer()
        await query.message.edit_text(t("me-area-kept"), reply_markup=None)
        return
    grid_id = int(callback_data.value) if callback_data.value.isdigit() else None
    profile = await self_service.set_grid(session, user=user, grid_id=grid_id, now=clock())
    await query.answer()
    area = await _area(session, t, profile)
    with contextlib.suppress(TelegramBadRequest):  # a double tap crossing the edit
        await query.message.edit_text(t("me-area-saved", area=area), reply_markup=None)


async def grid_said(session: AsyncSession, user: User, text: str) -> Grid | None:
    """The grid of their community a member's words move them to, if they name one."""
    profile = await session.get(MemberProfile, user.id)
    if profile is None:
        return None
    grids = await org.list_grids(session, community_id=profile.community_id)
    return self_service.grid_named(text, grids)


# ------------------------------------------------------------------ their own pause


def pause_choices(t: Text, settings: Settings, now: datetime) -> InlineKeyboardMarkup:
    """How long: to the end of this week, or until they resume."""
    week = self_service.pause_end("这周", now=now, zone=settings.zone).until
    assert week is not None
    rows = [
        [
            _btn(
                t("me-pause-week", date=last_day(t, settings, week)),
                "pause-yes",
                str(int(week.timestamp())),
            )
        ],
        [_btn(t("me-pause-open"), "pause-yes", "")],
        [_btn(t("common-cancel"), "pause-no")],
    ]
    return InlineKeyboardMarkup(inline_keyboard=rows)


def pause_read_back(
    t: Text, settings: Settings, until: datetime | None
) -> tuple[str, list[list[InlineKeyboardButton]]]:
    """A pause said in words, read back: its end (or none), with ⏸ 确认暂停 and 取消."""
    if until is None:
        text = t("me-pause-confirm-open")
    else:
        text = t("me-pause-confirm-until", date=last_day(t, settings, until))
    value = str(int(until.timestamp())) if until is not None else ""
    rows = [[_btn(t("me-pause-yes"), "pause-yes", value), _btn(t("common-cancel"), "pause-no")]]
    return text, rows


@router.callback_query(MemberSelfCb.filter(F.action == "pause"))
async def on_pause_button(
    query: CallbackQuery,
    session: AsyncSession,
    user: User,
    t: Text,
    settings: Settings,
    clock: Callable[[], datetime],
) -> None:
    """⏸ 暂停接单 in 我的资料: how long."""
    await self_service.own_profile(session, user=user)
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.answer(t("me-pause-ask"), reply_markup=pause_choices(t, settings, clock()))


@router.callback_query(MemberSelfCb.filter(F.action.in_({"pause-yes", "pause-no"})))
async def on_pause_answer(
    query: CallbackQuery,
    callback_data: MemberSelfCb,
    session: AsyncSession,
    user: User,
    t: Text,
    settings: Settings,
    clock: Callable[[], datetime],
) -> None:
    """⏸ 确认暂停 (to the end chosen or said) or 取消; the message says what was done."""
    assert isinstance(query.message, Message)
    if callback_data.action == "pause-no":
        await query.answer()
        await query.message.edit_text(t("me-pause-kept"), reply_markup=None)
        return
    until = (
        datetime.fromtimestamp(int(callback_data.value), tz=settings.zone)
        if callback_data.value.isdigit()
        else None
    )
    profile = await self_service.pause(session, user=user, until=until, now=clock())
    await query.answer()
    said = (
        t("me-pause-done-open")
        if profile.paused_until is None
        else t("me-pause-done-until", date=last_day(t, settings, profile.paused_until))
    )
    with contextlib.suppress(TelegramBadRequest):  # a double tap crossing the edit
        await query.message.edit_text(said, reply_markup=None)


async def resume_said(
    message: Message, session: AsyncSession, user: User, t: Text, now: datetime
) -> None:
    """'恢复接单': their own pause ended (or they are told none was holding)."""
    _profile, held = await self_service.resume(session, user=user, now=now)
    await message.answer(t("me-resumed") if held else t("me-not-paused"))
