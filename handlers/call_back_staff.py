"""📞 已回电 on the staff card of a matter asked with 📞 请社区回电: what came of the call (a note
typed, or 跳过), then ✅ 电话里已解决 (closed as handled directly, the resident told) or 📋 是件
要办的事 (its words typed or kept and its category chosen; it stays in the queue to be triaged
as any request). Before, staff had only 🙋 直接办理 and then a result to write."""

from __future__ import annotations

import contextlib
import html

from aiogram import F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardButton, Message

from handlers.context import OrderCtx
from handlers.menu import is_skip, labels
from handlers.order_ui import (
    OrderCb,
    answer_once,
    button,
    keyboard,
    reply,
    resident_hears_at,
    urgent_reasons,
)
from handlers.text_steps import refuse_button_labels
from handlers.triage_staff import redraw_staff_card, show_card
from services import call_back as call_service
from services import orders as order_service
from services.errors import Conflict
from services.order_common import catalogue, category, suggest, written_text
from services.order_titles import fit

router = Router(name="call_back_staff")
router.message.filter(F.chat.type == "private")


class CalledBack(StatesGroup):
    """What came of the call, typed by staff; then what the matter is."""

    note = State()  # a few words for the ledger, or 跳过
    outcome = State()  # ✅ settled on the phone / 📋 a matter to handle
    confirm = State()  # settled, but the note reads urgent: close anyway / keep it, alert
    text = State()  # the matter's words as staff heard them, or 跳过 (kept)
    category = State()  # its category, from the list


@router.message(StateFilter(CalledBack), F.text.in_(labels("common-cancel")))
async def on_cancel(message: Message, state: FSMContext, ctx: OrderCtx) -> None:
    """Leave the steps; nothing is recorded (the card still offers 📞 已回电)."""
    await _drop_asked(message, await state.get_data())
    await state.clear()
    await message.answer(ctx.t("cancel-done"), reply_markup=ctx.main_menu())


refuse_button_labels(router, CalledBack.note, CalledBack.text, allow=("common-skip",))


@router.callback_query(OrderCb.filter(F.action == "scall"))
async def on_called_back(
    query: CallbackQuery, callback_data: OrderCb, state: FSMContext, ctx: OrderCtx
) -> None:
    """📞 已回电: what came of the call (staff of the matter only; a forged tap is refused and
    logged by the service); a matter no longer awaiting its call: its card as it now is."""
    t = ctx.t
    try:
        req = await call_service.check(
            ctx.session, user=ctx.user, roles=ctx.roles, request_id=callback_data.ref
        )
    except Conflict:
        await _stale(query, ctx, callback_data.ref)
        return
    await answer_once(query)
    card = query.message.message_id if isinstance(query.message, Message) else None
    await state.clear()
    await state.set_state(CalledBack.note)
    asked = await _ask(
        query,
        t("order-ask-callback-note", number=req.number),
        [[button(t("common-skip"), "scbskip", req.id)]],
    )
    await state.update_data(rid=req.id, card=card, asked=asked)


@router.message(CalledBack.note, F.text)
async def on_note(message: Message, state: FSMContext, ctx: OrderCtx) -> None:
    """What came of the call ('跳过' typed: nothing to note)."""
    text = message.text or ""
    await _ask_outcome(message, state, ctx, None if is_skip(text) else text)


@router.callback_query(CalledBack.note, OrderCb.filter(F.action == "scbskip"))
async def on_note_skip(
    query: CallbackQuery, callback_data: OrderCb, state: FSMContext, ctx: OrderCtx
) -> None:
    """No note."""
    if not await _ours(query, callback_data, state, ctx):
        return
    await _ask_outcome(query, state, ctx, None)


async def _ask_outcome(
    event: Message | CallbackQuery, state: FSMContext, ctx: OrderCtx, note: str | None
) -> None:
    t = ctx.t
    values = await state.get_data()
    await _drop_asked(event, values)
    rid = int(values["rid"])
    await state.set_state(CalledBack.outcome)
    said = t("order-ask-callback-outcome", number=f"{rid:05d}")
    heard = _urgent_reasons(ctx, note)
    if heard:  # what the matter will be if kept: urgent, the grid's staff alerted
        reasons = html.escape(urgent_reasons(t, ",".join(heard)), quote=False)
        said = f"{said}\n{t('order-callback-sounds-urgent', reasons=reasons)}"
    asked = await _ask(
        event,
        said,
        [
            [button(t("order-btn-callback-settled"), "scbok", rid)],
            [button(t("order-btn-callback-matter"), "scbmat", rid)],
        ],
    )
    await state.update_data(note=note, asked=asked)


@router.callback_query(CalledBack.outcome, OrderCb.filter(F.action == "scbok"))
async def on_settled(
    query: CallbackQuery, callback_data: OrderCb, state: FSMContext, ctx: OrderCtx
) -> None:
    """✅ 电话里已解决: closed as handled directly, with the note; the resident is told. A note
    that reads urgent ('老人摔倒了', '漏电', '煤气味') is asked about first (_confirm_urgent):
    closed, nobody would be alerted."""
    if not await _ours(query, callback_data, state, ctx):
        return
    values = await state.get_data()
    heard = _urgent_reasons(ctx, values.get("note"))
    if heard:
        await _confirm_urgent(query, state, ctx, heard)
        return
    await _settle(query, callback_data.ref, state, ctx)


async def _confirm_urgent(
    query: CallbackQuery, state: FSMContext, ctx: OrderCtx, heard: list[str]
) -> None:
    """The note reads urgent: closing is confirmed first, beside keeping the matter open as an
    urgent request with the grid's staff alerted (the safer choice, first). A supervisor would
    rather have one more tap than an old person's fall closed with nobody going round; a
    staff member who did settle it (the gas turned off, a neighbour with her) says so in one
    tap, and the ledger keeps that they confirmed it."""
    t = ctx.t
    values = await state.get_data()
    await _drop_asked(query, values)
    rid = int(values["rid"])
    await state.set_state(CalledBack.confirm)
    reasons = html.escape(urgent_reasons(t, ",".join(heard)), quote=False)
    asked = await _ask(
        query,
        t("order-callback-confirm-urgent", number=f"{rid:05d}", reasons=reasons),
        [
            [button(t("order-btn-callback-alert"), "scbalert", rid)],
            [button(t("order-btn-callback-confirm"), "scbsure", rid)],
        ],
    )
    await state.update_data(asked=asked)


@router.callback_query(CalledBack.confirm, OrderCb.filter(F.action == "scbsure"))
async def on_settled_sure(
    query: CallbackQuery, callback_data: OrderCb, state: FSMContext, ctx: OrderCtx
) -> None:
    """✅ 确实已解决: closed although the note read urgent; the ledger says it was confirmed."""
    if not await _ours(query, callback_data, state, ctx):
        return
    heard = _urgent_reasons(ctx, (await state.get_data()).get("note"))
    await _settle(query, callback_data.ref, state, ctx, urgent=heard)


@router.callback_query(CalledBack.confirm, OrderCb.filter(F.action == "scbalert"))
async def on_kept_urgent(
    query: CallbackQuery, callback_data: OrderCb, state: FSMContext, ctx: OrderCtx
) -> None:
    """🚨 不结案，提醒网格: the matter kept as it is (its words and category), an urgent
    request, the grid's staff alerted at once, as 📋 有事要办 does with an urgent note."""
    if not await _ours(query, callback_data, state, ctx):
        return
    values = await state.get_data()
    await _drop_asked(query, values)
    await state.clear()
    req = await order_service.staff_view(
        ctx.session, user=ctx.user, roles=ctx.roles, request_id=callback_data.ref
    )
    try:
        out = await call_service.kept_as_matter(
            ctx.session,
            user=ctx.user,
            roles=ctx.roles,
            request_id=callback_data.ref,
            note=values.get("note"),
            text=None,
            code=req.category,
            now=ctx.now(),
            urgent_reasons=_urgent_reasons(ctx, values.get("note")) or ["staff"],
        )
    except Conflict:
        await _stale(query, ctx, callback_data.ref)
        return
    assert out.request is not None
    said = ctx.t("order-callback-kept-open-urgent", number=out.request.number)
    await reply(query, said, reply_markup=ctx.main_menu())
    await ctx.deliver(out.pending)
    await show_card(query, ctx, out.request, duplicates=True)


async def _settle(
    query: CallbackQuery,
    request_id: int,
    state: FSMContext,
    ctx: OrderCtx,
    *,
    urgent: list[str] | None = None,
) -> None:
    """Closed as settled on the phone, with the note; the resident is told."""
    values = await state.get_data()
    await _drop_asked(query, values)
    await state.clear()
    try:
        out = await call_service.settled_on_phone(
            ctx.session,
            user=ctx.user,
            roles=ctx.roles,
            request_id=request_id,
            note=values.get("note"),
            now=ctx.now(),
            urgent_reasons=urgent or (),
        )
    except Conflict:  # a colleague recorded the call, or triaged it, meanwhile
        await _stale(query, ctx, request_id)
        return
    assert out.request is not None
    await _redraw(query, values, ctx, request_id)  # first: it reads so when told
    held = await resident_hears_at(ctx.session, ctx.t, ctx.settings, out, now=ctx.now())
    if held is not None:  # quiet hours hold the resident's notice: said when it goes
        said = ctx.t("order-callback-settled-night", number=out.request.number, at=held)
    else:
        said = ctx.t("order-callback-settled", number=out.request.number)
    await reply(query, said, reply_markup=ctx.main_menu())
    await ctx.deliver(out.pending)


@router.callback_query(CalledBack.outcome, OrderCb.filter(F.action == "scbmat"))
async def on_matter(
    query: CallbackQuery, callback_data: OrderCb, state: FSMContext, ctx: OrderCtx
) -> None:
    """📋 是件要办的事: its words as staff heard them next (or 跳过 to keep them)."""
    if not await _ours(query, callback_data, state, ctx):
        return
    t = ctx.t
    req = await order_service.staff_view(
        ctx.session, user=ctx.user, roles=ctx.roles, request_id=callback_data.ref
    )
    await _drop_asked(query, await state.get_data())
    await state.set_state(CalledBack.text)
    now = html.escape(fit(written_text(req.text), 300), quote=False) or "-"
    asked = await _ask(
        query,
        t("order-ask-callback-text", number=req.number, text=now),
        [[button(t("common-skip"), "scbkeep", req.id)]],
    )
    await state.update_data(asked=asked)


@router.message(CalledBack.text, F.text)
async def on_text(message: Message, state: FSMContext, ctx: OrderCtx) -> None:
    """The matter's words ('跳过' typed: kept as they are)."""
    text = message.text or ""
    await _ask_category(message, state, ctx, None if is_skip(text) else text)


@router.callback_query(CalledBack.text, OrderCb.filter(F.action == "scbkeep"))
async def on_text_kept(
    query: CallbackQuery, callback_data: OrderCb, state: FSMContext, ctx: OrderCtx
) -> None:
    """The words kept as the resident's."""
    if not await _ours(query, callback_data, state, ctx):
        return
    await _ask_category(query, state, ctx, None)


async def _ask_category(
    event: Message | CallbackQuery, state: FSMContext, ctx: OrderCtx, text: str | None
) -> None:
    """The categories, triage's suggestion for the words marked."""
    t = ctx.t
    values = await state.get_data()
    await _drop_asked(event, values)
    req = await order_service.staff_view(
        ctx.session, user=ctx.user, roles=ctx.roles, request_id=int(values["rid"])
    )
    code = suggest(ctx.triage, text or written_text(req.text)).category
    rows = [
        [
            button(
                f"✔️ {c.name(t.lang)}" if c.code == code else c.name(t.lang),
                "scbcat",
                req.id,
                i,
            )
        ]
        for i, c in enumerate(catalogue())
    ]
    await state.set_state(CalledBack.category)
    said = t(
        "order-ask-callback-category", number=req.number, category=category(code).name(t.lang)
    )
    asked = await _ask(event, said, rows)
    await state.update_data(text=text, asked=asked)


@router.callback_query(CalledBack.category, OrderCb.filter(F.action == "scbcat"))
async def on_category(
    query: CallbackQuery, callback_data: OrderCb, state: FSMContext, ctx: OrderCtx
) -> None:
    """The category chosen: the matter kept with its words and category, in the queue; its
    card is shown with the triage's buttons; the resident is told it was noted."""
    if not await _ours(query, callback_data, state, ctx):
        return
    cats = catalogue()
    if not 0 <= callback_data.extra < len(cats):
        await answer_once(query, ctx.t("err-stale-button"), alert=True)
        return
    values = await state.get_data()
    await _drop_asked(query, values)
    await state.clear()
    was_urgent = (
        await order_service.staff_view(
            ctx.session, user=ctx.user, roles=ctx.roles, request_id=callback_data.ref
        )
    ).urgent
    heard = _urgent_reasons(ctx, values.get("note"), values.get("text"))
    try:
        out = await call_service.kept_as_matter(
            ctx.session,
            user=ctx.user,
            roles=ctx.roles,
            request_id=callback_data.ref,
            note=values.get("note"),
            text=values.get("text"),
            code=cats[callback_data.extra].code,
            now=ctx.now(),
            urgent_reasons=heard,
        )
    except Conflict:
        await _stale(query, ctx, callback_data.ref)
        return
    assert out.request is not None
    said = ctx.t("order-callback-kept", number=out.request.number)
    if heard and not was_urgent:  # the grid's staff alerted as for an urgent request
        said = f"{said}\n{ctx.t('order-callback-kept-urgent')}"
    await reply(query, said, reply_markup=ctx.main_menu())
    await ctx.deliver(out.pending)
    await show_card(query, ctx, out.request, duplicates=True)


def _urgent_reasons(ctx: OrderCtx, *said: object) -> list[str]:
    """Triage's urgency reasons for what staff wrote of the call (the note, the matter's
    words), read as a resident's request is read; none when nothing urgent was said."""
    reasons: list[str] = []
    for words in said:
        if not isinstance(words, str) or not words.strip():
            continue
        found = suggest(ctx.triage, words)
        if found.urgent:
            reasons += [r for r in found.urgent_reasons or ("staff",) if r not in reasons]
    return reasons


# after the steps' own handlers: what none of them took
@router.message(CalledBack.note)
@router.message(CalledBack.text)
async def on_not_words(message: Message, ctx: OrderCtx) -> None:
    """A photo or voice note at a typed step: words, or 跳过."""
    await message.answer(ctx.t("order-phone-comment-words"))


@router.message(CalledBack.outcome)
@router.message(CalledBack.confirm)
@router.message(CalledBack.category)
async def on_typed_at_choice(message: Message, ctx: OrderCtx) -> None:
    """Words where a button is to be tapped: the buttons above."""
    await message.answer(ctx.t("err-choose-above"))


async def _ours(
    query: CallbackQuery, callback_data: OrderCb, state: FSMContext, ctx: OrderCtx
) -> bool:
    """The step's own button, for the matter it is about (else stale, answered so)."""
    if (await state.get_data()).get("rid") != callback_data.ref:
        await answer_once(query, ctx.t("err-stale-button"), alert=True)
        return False
    await answer_once(query)
    return True


async def _ask(
    event: Message | CallbackQuery, text: str, rows: list[list[InlineKeyboardButton]]
) -> int | None:
    """A step's question with its buttons; the id of the message (its buttons go later)."""
    chat = event.message if isinstance(event, CallbackQuery) else event
    if not isinstance(chat, Message):
        return None
    sent = await chat.answer(text, reply_markup=keyboard(rows))
    return sent.message_id


async def _drop_asked(event: Message | CallbackQuery, values: dict[str, object]) -> None:
    """The last question's buttons go once it is answered (or the steps are left)."""
    chat = event.message if isinstance(event, CallbackQuery) else event
    asked = values.get("asked")
    if isinstance(asked, int) and isinstance(chat, Message) and chat.bot is not None:
        with contextlib.suppress(TelegramBadRequest):  # gone already
            await chat.bot.edit_message_reply_markup(
                chat_id=chat.chat.id, message_id=asked, reply_markup=None
            )


async def _redraw(
    query: CallbackQuery, values: dict[str, object], ctx: OrderCtx, request_id: int
) -> None:
    """The card 📞 已回电 was tapped on, as the matter now is."""
    card = values.get("card")
    if isinstance(card, int) and isinstance(query.message, Message):
        await redraw_staff_card(query.message, card, ctx, request_id)


async def _stale(query: CallbackQuery, ctx: OrderCtx, request_id: int) -> None:
    """The call was recorded by a colleague, or the matter triaged: said, and its card shown
    as it now is."""
    await answer_once(query, ctx.t("order-err-changed"), alert=True)
    req = await order_service.staff_view(
        ctx.session, user=ctx.user, roles=ctx.roles, request_id=request_id
    )
    await ctx.session.refresh(req)
    await show_card(query, ctx, req)
