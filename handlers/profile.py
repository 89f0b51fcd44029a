"""My profile: see it, change address or phone, delete personal data (/forget)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import datetime

from aiogram import F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command, StateFilter
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Text, Translator
from bot.settings import Settings
from handlers import member_profile
from handlers.consult_kit import make_notifier, safe_edit_markup
from handlers.form_guard import asks_first, held_draft, starter
from handlers.members import masked_name
from handlers.menu import labels, main_menu
from handlers.registration import (
    ask_phone,
    kept_draft,
    link_target,
    register_now_kb,
    staff_said,
    start_registration,
)
from models import MemberProfile, MemberStatus, Role, User, shown_name
from models.orders import OrderStatus
from services import member_self as member_service_self
from services import members as member_service
from services import orders as order_service
from services import staff as staff_service
from services import users as user_service
from services.delivery import quiet_hours_for
from services.errors import InvalidInput
from services.order_notices import deliver
from services.smalltalk import QuietWish
from services.validation import contact_phone, phone_number

router = Router(name="profile")
router.message.filter(F.chat.type == "private")


class ProfileCb(CallbackData, prefix="prof"):
    """Profile actions."""

    action: str


def _button(text: str, action: str) -> list[InlineKeyboardButton]:
    return [InlineKeyboardButton(text=text, callback_data=ProfileCb(action=action).pack())]


@router.message(Command("profile"))
@router.message(F.text.in_(labels("menu-profile")))
async def cmd_profile(
    message: Message,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
    settings: Settings,
    clock: Callable[[], datetime],
) -> None:
    """What we keep about the user, with edit and delete buttons (a member's also: skills, the
    grid they serve, their own pause)."""
    text, markup = await _profile_card(session, user, roles, t, settings, clock())
    await message.answer(text, reply_markup=markup)


# the chat's FSM data: a phone shared at the menu, waiting for ✅ 记下
SHARED_PHONE = "profile_shared_phone"


@router.message(StateFilter(None), F.contact)
async def on_contact_at_menu(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    t: Text,
) -> None:
    """A contact shared at the menu (not at a phone step): their own number is offered to be
    kept as their phone (one tap); someone else's is not kept; not registered yet, the number
    comes at registration's last step. It was '没有看懂'."""
    assert message.contact is not None
    if message.contact.user_id != user.id:
        await message.answer(t("profile-contact-not-own"))
        return
    await _offer_phone(message, state, user, t, contact_phone(message.contact.phone_number))


async def offer_typed_phone(message: Message, state: FSMContext, user: User, t: Text) -> bool:
    """A phone number typed at the menu ('my phone is 139…', '13900000001'): offered to be kept
    as their phone, as a contact shared there is; False when the message is not a number."""
    try:
        phone = phone_number(message.text)
    except InvalidInput:
        return False
    await _offer_phone(message, state, user, t, phone)
    return True


async def _offer_phone(
    message: Message, state: FSMContext, user: User, t: Text, phone: str
) -> None:
    """Their own number, shared or typed at the menu: ✅ 记下 / 不用 (one tap keeps it); not
    registered yet, they are asked to register first (the number comes at its last step)."""
    if not user.registered:
        await message.answer(t("profile-contact-register-first"), reply_markup=register_now_kb(t))
        return
    if phone == user.phone:
        await message.answer(t("profile-contact-same", phone=phone))
        return
    await state.update_data({SHARED_PHONE: phone})
    rows = [
        _button(t("profile-contact-keep"), "keepphone"),
        _button(t("profile-contact-drop"), "dropphone"),
    ]
    await message.answer(
        t("profile-contact-ask", phone=phone, old=user.phone or "-"),
        reply_markup=InlineKeyboardMarkup(inline_keyboard=rows),
    )


@router.callback_query(ProfileCb.filter(F.action.in_({"keepphone", "dropphone"})))
async def on_contact_answer(
    query: CallbackQuery,
    callback_data: ProfileCb,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    t: Text,
) -> None:
    """✅ 记下 / 不用: the phone shared at the menu kept, or not (an older question's tap finds
    nothing waiting and says so)."""
    phone = (await state.get_data()).get(SHARED_PHONE)
    if isinstance(query.message, Message):
        with contextlib.suppress(TelegramBadRequest):  # e.g. a double tap crossing the edit
            await safe_edit_markup(query.message, None)
    if not phone:
        await query.answer(t("err-stale-button"), show_alert=True)
        return
    await state.update_data({SHARED_PHONE: None})
    await query.answer()
    if callback_data.action == "dropphone" or not isinstance(query.message, Message):
        if isinstance(query.message, Message):
            await query.message.answer(t("profile-contact-dropped"))
        return
    await user_service.set_phone(
        session, user=user, phone=str(phone), contact_user_id=user.id, shared=False
    )
    await query.message.answer(t("profile-phone-updated", phone=user.phone or "-"))


async def _profile_card(
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
    settings: Settings,
    now: datetime,
) -> tuple[str, InlineKeyboardMarkup]:
    """The profile's text and buttons as they stand now."""
    profile = await _member_profile(session, user)
    mine: list[str] = []
    own = profile is not None and profile.status in (MemberStatus.APPROVED, MemberStatus.SUSPENDED)
    if profile is not None and own:  # a member keeps their own skills, grid and pause here
        mine = await member_profile.profile_lines(session, t, settings, profile, now)
    text = await _profile_text(session, user, roles, t, profile, mine)
    named = profile.show_name_public if profile is not None else None
    markup = _profile_markup(t, user, named=named)
    if profile is not None and own:
        buttons = member_profile.profile_buttons(t, profile, now)
        rows = [[b] for b in buttons]
        markup = InlineKeyboardMarkup(inline_keyboard=[*rows, *markup.inline_keyboard])
    return text, markup


async def _member_profile(session: AsyncSession, user: User) -> MemberProfile | None:
    """The user's member sign-up, unless it was deleted with /forget."""
    profile = await session.get(MemberProfile, user.id)
    if profile is None or user.forgotten_at is not None or profile.real_name == "-":
        return None  # ("-": the sign-up was deleted with /forget; it is no application any more)
    return profile


def _named_line(t: Text, profile: MemberProfile) -> str:
    """Whether results and the points board name the member, and what they show otherwise."""
    if profile.show_name_public:
        return t("profile-named-on", name=profile.real_name)
    return t("profile-named-off", masked=masked_name(t, profile.real_name))


async def _profile_text(
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
    profile: MemberProfile | None,
    mine: list[str],
) -> str:
    """The profile's lines; `mine`: a member's own (skills, area, pause) after their standing."""
    name = user.display_name if user.forgotten_at is None else t("profile-name-forgotten")
    lines = [t("profile-title"), t("profile-name", name=name)]
    address = await user_service.address_text(session, user=user, lang=t.lang)
    lines.append(t("profile-address", address=address) if address else t("profile-address-none"))
    lines.append(t("profile-phone", phone=user.phone) if user.phone else t("profile-phone-none"))
    if user.verified_at is not None:
        lines.append(t("profile-verified"))
    role_names = t.join(t(f"role-{r.value}") for r in Role if r in roles)
    lines.append(t("profile-roles", roles=role_names))
    if Role.STAFF in roles and user.id is not None:  # where they work: '阳光社区 · 第一网格'
        places = [
            shown_name(p.community, t.lang)
            + (f" · {shown_name(p.grid, t.lang)}" if p.grid is not None else "")
            for p in await staff_service.held_places(session, telegram_id=user.id)
        ]
        if places:
            lines.append(t("profile-area", places=t.join(places)))
    if profile is not None:
        lines.append(t("profile-member", status=t(f"member-status-{profile.status}")))
        lines.append(_named_line(t, profile))
        lines.extend(mine)
    lines.append(await _quiet_line(session, user, t))
    return "\n".join(lines)


async def _quiet_line(session: AsyncSession, user: User, t: Text) -> str:
    """The user's night-time setting, with their community's own hours."""
    if user.quiet_hours_opt_out:
        return t("profile-quiet-off")
    # without an address of their own: the hours of the community they serve in
    start, end, enabled = await quiet_hours_for(session, user=user)
    if not enabled:
        return t("profile-quiet-community-off")
    return t("profile-quiet-on", start=start.strftime("%H:%M"), end=end.strftime("%H:%M"))


def _profile_markup(t: Text, user: User, *, named: bool | None) -> InlineKeyboardMarkup:
    """Edit buttons; a member (named: their answer) also switches being named on results."""
    quiet = "profile-quiet-disable" if not user.quiet_hours_opt_out else "profile-quiet-enable"
    rows = [
        _button(t("profile-edit-address"), "address"),
        _button(t("profile-edit-phone"), "phone"),
        _button(t(quiet), "quiet"),
    ]
    if named is not None:
        rows.append(
            _button(t("profile-named-hide"), "named-off")
            if named
            else _button(t("profile-named-show"), "named-on")
        )
    rows.append(_button(t("profile-forget"), "forget"))
    return InlineKeyboardMarkup(inline_keyboard=rows)


@router.callback_query(ProfileCb.filter(F.action == "quiet"))
async def on_quiet_toggle(
    query: CallbackQuery,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
    settings: Settings,
    clock: Callable[[], datetime],
) -> None:
    """Switch night-time quiet hours on or off for this user (held notices then go at once).

    The profile card is rewritten whole, so its quiet-hours line says what the button did.
    """
    await user_service.set_quiet_hours_opt_out(
        session, user=user, opt_out=not user.quiet_hours_opt_out, now=clock()
    )
    await query.answer(await _quiet_line(session, user, t), show_alert=True)
    if isinstance(query.message, Message):
        text, markup = await _profile_card(session, user, roles, t, settings, clock())
        await query.message.edit_text(text, reply_markup=markup)


# the words before the night-time line, for what was asked in words
_QUIET_LEADS = {
    QuietWish.ON: "profile-quiet-typed-on",
    QuietWish.OFF: "profile-quiet-typed-off",
    QuietWish.SHOW: "profile-quiet-typed-show",
}


async def _quiet_message(
    session: AsyncSession, user: User, t: Text, lead: QuietWish
) -> tuple[str, InlineKeyboardMarkup]:
    """The night-time setting alone, with the button that switches it."""
    _start, _end, enabled = await quiet_hours_for(session, user=user)
    if lead is QuietWish.ON and not enabled:  # the community holds nothing at night
        lead = QuietWish.SHOW
    text = "\n".join(
        [t(_QUIET_LEADS[lead]), await _quiet_line(session, user, t), t("profile-quiet-typed-hint")]
    )
    quiet = "profile-quiet-disable" if not user.quiet_hours_opt_out else "profile-quiet-enable"
    return text, InlineKeyboardMarkup(inline_keyboard=[_button(t(quiet), "quiet-here")])


async def show_quiet(
    message: Message, session: AsyncSession, user: User, t: Text, now: datetime, wish: QuietWish
) -> None:
    """'晚上别给我发消息' / '夜里也通知我' / '免打扰' at the menu: quiet hours turned on or off
    as said (or shown, no way said), in a message of their own with the button that switches
    them back — not the whole profile to find the line in."""
    if wish is not QuietWish.SHOW and user.quiet_hours_opt_out != (wish is QuietWish.OFF):
        await user_service.set_quiet_hours_opt_out(
            session, user=user, opt_out=wish is QuietWish.OFF, now=now
        )
    text, markup = await _quiet_message(session, user, t, wish)
    await message.answer(text, reply_markup=markup)


@router.callback_query(member_profile.MemberSelfCb.filter(F.action == "resume"))
async def on_resume_button(
    query: CallbackQuery,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
    settings: Settings,
    clock: Callable[[], datetime],
) -> None:
    """▶️ 恢复接单 in 我的资料: offers come again; the card is redrawn to say so."""
    _profile, held = await member_service_self.resume(session, user=user, now=clock())
    await query.answer(t("me-resumed") if held else t("me-not-paused"), show_alert=True)
    if isinstance(query.message, Message):
        text, markup = await _profile_card(session, user, roles, t, settings, clock())
        with contextlib.suppress(TelegramBadRequest):  # a double tap crossing the edit
            await query.message.edit_text(text, reply_markup=markup)


@router.callback_query(ProfileCb.filter(F.action == "quiet-here"))
async def on_quiet_here(
    query: CallbackQuery, session: AsyncSession, user: User, t: Text, clock: Callable[[], datetime]
) -> None:
    """The button under the night-time setting asked for in words: switched, and the message
    says how it is now (with the button that switches it back)."""
    opt_out = not user.quiet_hours_opt_out
    await user_service.set_quiet_hours_opt_out(session, user=user, opt_out=opt_out, now=clock())
    await query.answer(await _quiet_line(session, user, t), show_alert=True)
    if isinstance(query.message, Message):
        wish = QuietWish.OFF if opt_out else QuietWish.ON
        text, markup = await _quiet_message(session, user, t, wish)
        await query.message.edit_text(text, reply_markup=markup)


@router.callback_query(ProfileCb.filter(F.action.in_({"named-on", "named-off"})))
async def on_named_toggle(
    query: CallbackQuery,
    callback_data: ProfileCb,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
    settings: Settings,
    clock: Callable[[], datetime],
) -> None:
    """Show or stop showing the member's name on results and the points board.

    The button says which way (an old card's tap sets the same answer again, harmlessly); the
    card is rewritten in place, and the answer says that published results stay as they are.
    """
    named = callback_data.action == "named-on"
    profile, changed = await member_service.set_name_public(session, user=user, named=named)
    told = (
        t("profile-named-changed-on", name=profile.real_name)
        if named
        else t("profile-named-changed-off", masked=masked_name(t, profile.real_name))
    )
    await query.answer(told, show_alert=True)
    if not isinstance(query.message, Message):
        return
    text, markup = await _profile_card(session, user, roles, t, settings, clock())
    if not changed and _actions(query.message.reply_markup) == _actions(markup):
        return  # the same button tapped twice: the card already reads this way
    try:
        await query.message.edit_text(text, reply_markup=markup)
    except TelegramBadRequest as exc:
        if "message is not modified" not in str(exc):  # a double tap that crossed the edit
            raise


@router.callback_query(ProfileCb.filter(F.action.in_({"consent-on", "consent-off"})))
async def on_consent_answer(
    query: CallbackQuery, callback_data: ProfileCb, session: AsyncSession, user: User, t: Text
) -> None:
    """The answer to the one-off notice (services.member_jobs): named on results or not.

    The notice keeps its text, loses its buttons and says what was chosen; a second tap (or
    an old notice's) sets the same answer again, harmlessly."""
    named = callback_data.action == "consent-on"
    profile, _ = await member_service.set_name_public(session, user=user, named=named)
    masked = masked_name(t, profile.real_name)
    await query.answer(
        t("profile-named-changed-on", name=profile.real_name)
        if named
        else t("profile-named-changed-off", masked=masked),
        show_alert=True,
    )
    if not isinstance(query.message, Message) or query.message.reply_markup is None:
        return
    line = _named_line(t, profile)
    try:
        await query.message.edit_text(f"{query.message.html_text}\n\n{line}", reply_markup=None)
    except TelegramBadRequest as exc:
        if "message is not modified" not in str(exc):  # a double tap that crossed the edit
            raise


def _actions(markup: InlineKeyboardMarkup | None) -> list[str | None]:
    """The buttons' callback data: two cards with the same buttons show the same choice."""
    rows = markup.inline_keyboard if markup is not None else []
    return [b.callback_data for row in rows for b in row]


@router.callback_query(ProfileCb.filter(F.action.in_(starter("address"))))
async def on_edit_address(
    query: CallbackQuery,
    callback_data: ProfileCb,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    t: Text,
) -> None:
    """Changing the address re-runs registration."""
    if await asks_first(query, callback_data, state, t, starting="Reg"):
        return
    await query.answer()
    assert isinstance(query.message, Message)
    await start_registration(query.message, state, session, user, t)


@router.callback_query(ProfileCb.filter(F.action.in_(starter("phone"))))
async def on_edit_phone(
    query: CallbackQuery, callback_data: ProfileCb, state: FSMContext, user: User, t: Text
) -> None:
    """Changing the phone goes straight to the phone step (registered residents only)."""
    if await asks_first(query, callback_data, state, t, starting="PhoneEdit"):
        return
    await query.answer()
    assert isinstance(query.message, Message)
    if not user.registered:
        await query.message.answer(t("err-need-register"), reply_markup=register_now_kb(t))
        return
    await state.clear()
    await ask_phone(query.message, state, t, phone_only=True)


@router.message(Command("forget"))
async def cmd_forget(
    message: Message, session: AsyncSession, user: User, roles: frozenset[Role], t: Text
) -> None:
    """Ask before deleting personal data."""
    question = await _forget_question(session, user, roles, t)
    await message.answer(question, reply_markup=_forget_markup(t))


@router.callback_query(ProfileCb.filter(F.action == "forget"))
async def on_forget_button(
    query: CallbackQuery, session: AsyncSession, user: User, roles: frozenset[Role], t: Text
) -> None:
    """The profile's delete button asks the same question."""
    await query.answer()
    assert isinstance(query.message, Message)
    question = await _forget_question(session, user, roles, t)
    await query.message.answer(question, reply_markup=_forget_markup(t))


async def _forget_question(
    session: AsyncSession, user: User, roles: frozenset[Role], t: Text
) -> str:
    """The question, naming the orders a member is working on: they go back to the community
    (released with the deletion) — before, a member learnt it only from the staff's side."""
    if Role.MEMBER not in roles:
        return t("forget-confirm")
    held = [
        o.number
        for o in await order_service.my_claims(session, user=user)
        if o.status in (OrderStatus.OPEN, OrderStatus.CLAIMED)
    ]
    if not held:
        return t("forget-confirm")
    numbers = t("list-sep").join(held)
    return t("forget-confirm") + "\n" + t("forget-confirm-claims", numbers=numbers)


def _forget_markup(t: Text) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            _button(t("forget-yes"), "forget-yes"),
            _button(t("forget-no"), "forget-no"),
        ]
    )


@router.callback_query(ProfileCb.filter(F.action == "forget-yes"))
async def on_forget_confirmed(
    query: CallbackQuery,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
    translator: Translator,
    settings: Settings,
    clock: Callable[[], datetime],
) -> None:
    """Delete the personal data; the anonymous ledger stays (a second tap changes nothing)."""
    assert isinstance(query.message, Message)
    if user.forgotten_at is not None and user.consent_at is None:
        await query.answer(t("forget-already"), show_alert=True)
        return
    await state.clear()
    await held_draft(state).clear()  # a request the filing limits held back goes too
    await kept_draft(state).clear()  # and a matter told before registering
    await staff_said(state).clear()  # and staff words kept for 🏠 是我自己家的事
    await link_target(state).clear()  # and a meeting or poll to be shown after registering
    if Role.MEMBER in roles:
        # Claims held by a member who leaves go back to the pool, and staff are told.
        notices = await order_service.release_all_claims(
            session, user=user, roles=roles, reason=t("forget-claim-reason"), now=clock()
        )
        await deliver(
            session,
            notices,
            texts=translator,
            default_language=settings.default_language,
            now=clock(),
        )
        await session.commit()
    await user_service.forget_user(
        session, user=user, now=clock(), notifier=make_notifier(translator, settings, clock)
    )
    await query.answer()
    await query.message.edit_reply_markup(reply_markup=None)
    roles = frozenset(r for r in roles if r != Role.MEMBER)
    await query.message.answer(
        t("forget-done"), reply_markup=main_menu(t, roles, registered=False)
    )


@router.callback_query(ProfileCb.filter(F.action == "forget-no"))
async def on_forget_declined(query: CallbackQuery, t: Text) -> None:
    """Nothing deleted."""
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.edit_text(t("forget-kept"))
