"""电话回访: staff record the rating a resident gave on the phone, from a done request's card.

A matter filed for a resident who phoned or walked in (☎️ 代居民登记) has no chat for the rating
question, and some residents never tap it: without this the matter closed unrated and the
satisfaction rate (满意率) never heard them. 📞 电话回访 on the card → the score → a comment or
跳过 → recorded as the resident's rating would be (不满意 reopens the matter)."""

from __future__ import annotations

import contextlib

from aiogram import F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message

from handlers.context import OrderCtx
from handlers.keyboards import cancel_keyboard
from handlers.menu import is_skip, labels
from handlers.order_ui import OrderCb, answer_once, button, keyboard, reply
from handlers.text_steps import refuse_button_labels
from handlers.triage_staff import redraw_staff_card
from models.orders import RequestStatus, Score
from services import orders as order_service
from services.errors import Conflict

router = Router(name="phone_rating")

_SCORES = {1: Score.SATISFIED, 2: Score.BASIC, 3: Score.UNSATISFIED}
_LABELS = {
    Score.SATISFIED: "order-rate-satisfied",
    Score.BASIC: "order-rate-basic",
    Score.UNSATISFIED: "order-rate-unsatisfied",
}


class PhoneRating(StatesGroup):
    """The resident's comment, typed by staff after the score."""

    comment = State()


@router.message(StateFilter(PhoneRating), F.text.in_(labels("common-cancel")))
async def on_cancel(message: Message, state: FSMContext, ctx: OrderCtx) -> None:
    """Leave the step; nothing is recorded."""
    await state.clear()
    await message.answer(ctx.t("cancel-done"), reply_markup=ctx.main_menu())


refuse_button_labels(router, PhoneRating.comment, allow=("common-skip",))


@router.callback_query(OrderCb.filter(F.action == "sphone"))
async def on_phone_rating(
    query: CallbackQuery, callback_data: OrderCb, state: FSMContext, ctx: OrderCtx
) -> None:
    """📞 电话回访: who to call, and the three scores to record what they said."""
    t = ctx.t
    req = await order_service.staff_view(
        ctx.session, user=ctx.user, roles=ctx.roles, request_id=callback_data.ref
    )
    if req.status != RequestStatus.DONE:
        await answer_once(query, t("order-err-rated"), alert=True)
        return
    await answer_once(query)
    name, phone = await order_service.contact_of(ctx.session, req=req)
    if isinstance(query.message, Message):  # the card, redrawn once the rating is in
        await state.update_data(phone_card=query.message.message_id)
    await state.update_data(visit=not phone)
    rows = [[button(t(_LABELS[score]), "sphs", req.id, extra)] for extra, score in _SCORES.items()]
    if phone:
        said = t("order-ask-phone-rating", number=req.number, name=name or "-", phone=phone)
    else:  # no call to make ('电话：-' before): a visit, or the resident's own tap in the chat
        room, in_chat = await order_service.reach_without_phone(ctx.session, req=req)
        said = t(
            "order-ask-visit-rating",
            number=req.number,
            name=name or "-",
            room=room or "none",
            chat="yes" if in_chat else "no",
        )
    await reply(query, said, reply_markup=keyboard(rows))


@router.callback_query(OrderCb.filter(F.action == "sphs"))
async def on_phone_score(
    query: CallbackQuery, callback_data: OrderCb, state: FSMContext, ctx: OrderCtx
) -> None:
    """The score the resident gave: a comment next (or 跳过)."""
    t = ctx.t
    score = _SCORES.get(callback_data.extra)
    req = await order_service.staff_view(
        ctx.session, user=ctx.user, roles=ctx.roles, request_id=callback_data.ref
    )
    if score is None or req.status != RequestStatus.DONE:
        await answer_once(query, t("order-err-rated"), alert=True)
        return
    await answer_once(query)
    if isinstance(query.message, Message):  # the scores: one was chosen
        with contextlib.suppress(TelegramBadRequest):
            await query.message.edit_reply_markup(reply_markup=None)
    card = (await state.get_data()).get("phone_card")
    await state.set_state(PhoneRating.comment)
    await state.update_data(rid=req.id, score=score.value, card=card)
    if not isinstance(query.message, Message):
        return
    asked = await query.message.answer(
        t(
            "order-ask-phone-comment-unsatisfied"
            if score == Score.UNSATISFIED
            else "order-ask-phone-comment",
            score=t(_LABELS[score]),
        ),
        reply_markup=keyboard([[button(t("common-skip"), "sphskip", req.id)]]),
    )
    await state.update_data(ask_id=asked.message_id)  # its 跳过 goes once the comment is in


@router.message(PhoneRating.comment, F.text)
async def on_phone_comment(message: Message, state: FSMContext, ctx: OrderCtx) -> None:
    """The comment typed (跳过 typed as a word is no comment)."""
    text = message.text or ""
    await _record(message, state, ctx, None if is_skip(text) else text)


@router.callback_query(PhoneRating.comment, OrderCb.filter(F.action == "sphskip"))
async def on_phone_skip(query: CallbackQuery, state: FSMContext, ctx: OrderCtx) -> None:
    """No comment."""
    await answer_once(query)
    if isinstance(query.message, Message):
        await _record(query.message, state, ctx, None)


@router.message(PhoneRating.comment)
async def on_phone_not_text(message: Message, ctx: OrderCtx) -> None:
    """A photo or voice note at the comment: words, or 跳过."""
    await message.answer(ctx.t("order-phone-comment-words"), reply_markup=cancel_keyboard(ctx.t))


async def _record(message: Message, state: FSMContext, ctx: OrderCtx, comment: str | None) -> None:
    values = await state.get_data()
    t = ctx.t
    await state.clear()
    ask_id = values.get("ask_id")
    if isinstance(ask_id, int) and message.bot is not None:
        with contextlib.suppress(TelegramBadRequest):  # tapped 跳过: gone already
            await message.bot.edit_message_reply_markup(
                chat_id=message.chat.id, message_id=ask_id, reply_markup=None
            )
    try:
        out = await order_service.rate_by_phone(
            ctx.session,
            user=ctx.user,
            roles=ctx.roles,
            request_id=int(values["rid"]),
            score=Score(values["score"]),
            comment=comment,
            now=ctx.now(),
        )
    except Conflict as exc:  # rated meanwhile (by the resident, or a colleague's call)
        await message.answer(t(exc.key), reply_markup=ctx.main_menu())
        return
    req = out.request
    assert req is not None
    score = t(_LABELS[Score(values["score"])])
    key = "order-visit-rated" if values.get("visit") else "order-phone-rated"
    if req.status == RequestStatus.REOPENED:
        key += "-reopened"
    await message.answer(t(key, number=req.number, score=score), reply_markup=ctx.main_menu())
    card = values.get("card")
    if isinstance(card, int):
        await redraw_staff_card(message, card, ctx, int(req.id or 0))
    await ctx.deliver(out.pending)
