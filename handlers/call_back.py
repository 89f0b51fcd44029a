"""'打个电话给我，我不会打字': someone who finds typing hard is told the ways that need none (a
voice note, the office's phone) and, registered, may ask the community to call them back with
one tap (📞 请社区回电): a matter of theirs like any other, with the number to call on it.
Without a phone on file the number is asked first (shared with the contact button, or typed)."""

from __future__ import annotations

import html

from aiogram import F, Router
from aiogram.filters import StateFilter
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, KeyboardButton, Message, ReplyKeyboardMarkup

from handlers.common import office_text
from handlers.context import OrderCtx
from handlers.keyboards import inline_kb
from handlers.menu import labels
from handlers.offer_choices import answered_before, settle_offer
from handlers.order_ui import local
from handlers.registration import register_now_kb
from handlers.requests import filing_limits
from services import org
from services import requests as request_service
from services.errors import InvalidInput
from services.order_common import phones_in
from services.order_titles import fit
from services.requests import Draft
from services.validation import contact_phone, phone_number

router = Router(name="call_back")

SAID = "call_back_said"  # the chat's FSM data: the words that asked for a call
KEPT = "call_back_kept"  # words of the matter typed at the number step, kept for the matter
WORDS_MIN = 2  # letters or CJK characters in words worth keeping ('?' or '1' are not)


class CallBackCb(CallbackData, prefix="cb"):
    action: str  # "ask": 📞 请社区回电


class CallBack(StatesGroup):
    phone = State()  # the number to call, asked when none is on file


async def answer_call_me(message: Message, state: FSMContext, ctx: OrderCtx) -> None:
    """The ways that need no typing, the office's phone, and (registered) 📞 请社区回电."""
    t = ctx.t
    if not ctx.user.registered:  # no community yet: a voice note, or register to be called
        await message.answer(t("callme-answer-new"), reply_markup=register_now_kb(t))
        return
    lines = [t("callme-answer")]
    office = await org.office_of(ctx.session, user_id=ctx.user.id)
    if office is not None:
        lines += ["", office_text(t, office)]
    await state.update_data({SAID: message.text or "", KEPT: None})
    ask = CallBackCb(action="ask").pack()
    await message.answer("\n".join(lines), reply_markup=inline_kb([[(t("callme-btn"), ask)]]))


@router.callback_query(CallBackCb.filter(F.action == "ask"))
async def on_call_me(query: CallbackQuery, state: FSMContext, ctx: OrderCtx) -> None:
    """📞 请社区回电: filed at once with the phone on file; otherwise the number is asked."""
    t = ctx.t
    if await answered_before(query, state, t):
        return  # a double tap, or the offer tapped again later
    if not ctx.user.registered or not isinstance(query.message, Message):
        await query.answer(t("callme-register-first"), show_alert=True)
        return
    await query.answer()
    await settle_offer(query.message, state, t, "callme")
    if ctx.user.phone:
        await _file(query.message, state, ctx, ctx.user.phone)
        return
    await state.set_state(CallBack.phone)
    await query.message.answer(t("callme-ask-phone"), reply_markup=_phone_keyboard(ctx))


def _phone_keyboard(ctx: OrderCtx) -> ReplyKeyboardMarkup:
    t = ctx.t
    return ReplyKeyboardMarkup(
        keyboard=[
            [KeyboardButton(text=t("reg-share-phone"), request_contact=True)],
            [KeyboardButton(text=t("common-cancel"))],
        ],
        resize_keyboard=True,
        one_time_keyboard=True,
    )


@router.message(StateFilter(CallBack.phone), F.text.in_(labels("common-cancel")))
async def on_phone_cancel(message: Message, state: FSMContext, ctx: OrderCtx) -> None:
    """✖️ 取消 at the number: nothing is filed (words said of a matter meanwhile are named,
    so they know those did not reach the community either)."""
    kept = str((await state.get_data()).get(KEPT) or "")
    await state.set_state(None)
    await state.update_data({SAID: None, KEPT: None})
    said = ctx.t("callme-cancelled")
    if kept:
        words = html.escape(fit(kept, 200), quote=False)
        said += "\n" + ctx.t("callme-cancelled-words", words=words)
    await message.answer(said, reply_markup=ctx.main_menu())


@router.message(StateFilter(CallBack.phone), F.contact)
async def on_phone_contact(message: Message, state: FSMContext, ctx: OrderCtx) -> None:
    """A contact shared: its number is the one to call (theirs, or a relative's)."""
    assert message.contact is not None
    try:
        phone = contact_phone(message.contact.phone_number)
    except InvalidInput as exc:
        await message.answer(ctx.t(exc.key, **exc.args_))
        return
    await _file(message, state, ctx, phone)


@router.message(StateFilter(CallBack.phone), F.text)
async def on_phone_typed(message: Message, state: FSMContext, ctx: OrderCtx) -> None:
    """A number typed (alone, or in words of the matter: '我家水管漏了，电话139…'); other words
    ('我家水管漏了') are kept as the matter's, said so, and the number asked again."""
    text = (message.text or "").strip()
    try:
        phone = phone_number(text)
    except InvalidInput:
        phone = None
    said = [] if phone is not None else phones_in(text)
    if phone is None and len(said) == 1:  # the matter and the number in one message
        await _keep(state, text)
        phone = said[0]
    if phone is not None:
        await _file(message, state, ctx, phone)
        return
    if sum(ch.isalnum() for ch in text) < WORDS_MIN:  # '?' / '1': nothing to keep
        await message.answer(ctx.t("callme-phone-invalid"), reply_markup=_phone_keyboard(ctx))
        return
    kept = await _keep(state, text)
    words = html.escape(fit(kept, 200), quote=False)
    await message.answer(
        ctx.t("callme-words-kept", words=words) + "\n" + ctx.t("callme-phone-invalid"),
        reply_markup=_phone_keyboard(ctx),
    )


async def _keep(state: FSMContext, text: str) -> str:
    """Words typed at the number step: added to what the call is about (all of them, in the
    order said); what is kept so far is returned."""
    before = str((await state.get_data()).get(KEPT) or "")
    kept = f"{before}\n{text}" if before else text
    await state.update_data({KEPT: kept})
    return kept


@router.message(StateFilter(CallBack.phone))
async def on_phone_other(message: Message, ctx: OrderCtx) -> None:
    """A photo or a sticker at the number: what is asked for."""
    await message.answer(ctx.t("callme-phone-invalid"), reply_markup=_phone_keyboard(ctx))


async def _file(message: Message, state: FSMContext, ctx: OrderCtx, phone: str) -> None:
    """The call-back matter filed in their words (or the usual ones), the number on it."""
    t = ctx.t
    values = await state.get_data()
    said = str(values.get(SAID) or "").strip()
    kept = str(values.get(KEPT) or "").strip()
    await state.set_state(None)
    await state.update_data({SAID: None, KEPT: None})
    words = "\n".join(w for w in (said, kept) if w)
    draft = Draft(
        text=words or t("callme-matter"), category="other", contact_phone=phone, call_back=True
    )
    now = ctx.now()
    try:
        filed = await request_service.file_request(
            ctx.session,
            user=ctx.user,
            draft=draft,
            suggestion=None,
            now=now,
            outbox=ctx.outbox(now),
            limits=filing_limits(ctx.settings),
        )
    except request_service.TooManyRequests as exc:
        await message.answer(t(exc.key, **exc.args_), reply_markup=ctx.main_menu())
        return
    lines = [t("callme-filed", number=filed.request.number, phone=phone)]
    seen_at = (
        filed.staff_see_at
        if filed.queued
        else await request_service.staff_see_at(ctx.session, request=filed.request, now=now)
    )
    if seen_at is not None:  # asked at night: the staff hear of it in the morning
        lines.append(t("order-filed-night", time=local(t, ctx.settings, seen_at, now=now)))
    await message.answer("\n\n".join(lines), reply_markup=ctx.main_menu())
