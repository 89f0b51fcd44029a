"""My profile: see it, change address or phone, delete personal data (/forget)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Text, Translator
from bot.settings import Settings
from handlers.menu import labels, main_menu
from handlers.registration import ask_phone, start_registration
from handlers.requests import held_draft
from models import MemberProfile, Role, User
from services import orders as order_service
from services import users as user_service
from services.delivery import quiet_hours_for
from services.order_notices import deliver

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
    message: Message, session: AsyncSession, user: User, roles: frozenset[Role], t: Text
) -> None:
    """What we keep about the user, with edit and delete buttons."""
    text = await _profile_text(session, user, roles, t)
    await message.answer(text, reply_markup=_profile_markup(t, user))


async def _profile_text(session: AsyncSession, user: User, roles: frozenset[Role], t: Text) -> str:
    name = user.display_name if user.forgotten_at is None else t("profile-name-forgotten")
    lines = [t("profile-title"), t("profile-name", name=name)]
    address = await user_service.address_text(session, user=user)
    lines.append(t("profile-address", address=address) if address else t("profile-address-none"))
    lines.append(t("profile-phone", phone=user.phone) if user.phone else t("profile-phone-none"))
    if user.verified_at is not None:
        lines.append(t("profile-verified"))
    role_names = "、".join(t(f"role-{r.value}") for r in Role if r in roles)
    lines.append(t("profile-roles", roles=role_names))
    profile = await session.get(MemberProfile, user.id)
    if profile is not None and user.forgotten_at is None and profile.real_name != "-":
        # ("-": the sign-up was deleted with /forget; it is no application any more)
        lines.append(t("profile-member", status=t(f"member-status-{profile.status}")))
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


def _profile_markup(t: Text, user: User) -> InlineKeyboardMarkup:
    quiet = "profile-quiet-disable" if not user.quiet_hours_opt_out else "profile-quiet-enable"
    return InlineKeyboardMarkup(
        inline_keyboard=[
            _button(t("profile-edit-address"), "address"),
            _button(t("profile-edit-phone"), "phone"),
            _button(t(quiet), "quiet"),
            _button(t("profile-forget"), "forget"),
        ]
    )


@router.callback_query(ProfileCb.filter(F.action == "quiet"))
async def on_quiet_toggle(
    query: CallbackQuery,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
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
        await query.message.edit_text(
            await _profile_text(session, user, roles, t), reply_markup=_profile_markup(t, user)
        )


@router.callback_query(ProfileCb.filter(F.action == "address"))
async def on_edit_address(
    query: CallbackQuery, state: FSMContext, session: AsyncSession, user: User, t: Text
) -> None:
    """Changing the address re-runs registration."""
    await query.answer()
    assert isinstance(query.message, Message)
    await start_registration(query.message, state, session, user, t)


@router.callback_query(ProfileCb.filter(F.action == "phone"))
async def on_edit_phone(query: CallbackQuery, state: FSMContext, user: User, t: Text) -> None:
    """Changing the phone goes straight to the phone step (registered residents only)."""
    await query.answer()
    assert isinstance(query.message, Message)
    if not user.registered:
        await query.message.answer(t("err-need-register"))
        return
    await state.clear()
    await ask_phone(query.message, state, t, phone_only=True)


@router.message(Command("forget"))
async def cmd_forget(message: Message, t: Text) -> None:
    """Ask before deleting personal data."""
    await message.answer(t("forget-confirm"), reply_markup=_forget_markup(t))


@router.callback_query(ProfileCb.filter(F.action == "forget"))
async def on_forget_button(query: CallbackQuery, t: Text) -> None:
    """The profile's delete button asks the same question."""
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.answer(t("forget-confirm"), reply_markup=_forget_markup(t))


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
    await user_service.forget_user(session, user=user)
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
