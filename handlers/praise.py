"""'我想表扬一下刘师傅，修水管特别认真': the praise is read back with whom it goes to (the member
who served on the resident's matter, or the community's staff) and passed on with one tap
(🌟 转达表扬); before, it was offered to be filed as a matter ('要把这件事报给社区吗？')."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from handlers.context import OrderCtx
from handlers.keyboards import inline_kb
from handlers.offer_choices import answered_before, settle_offer
from services import praise as praise_service

router = Router(name="praise")

WORDS = "praise_words"  # the chat's FSM data: the praise read back, until it is sent or not


class PraiseCb(CallbackData, prefix="pr"):
    action: str  # "send" (🌟 转达表扬) | "drop" (不用了)


async def offer_praise(message: Message, state: FSMContext, ctx: OrderCtx, text: str) -> None:
    """The praise read back with whom it will reach, and the two buttons."""
    t = ctx.t
    found = await praise_service.praised(ctx.session, user=ctx.user, text=text, now=ctx.now())
    await state.update_data({WORDS: text})
    asked = (
        t("praise-ask-member", name=found.name, number=found.number)
        if found.member_id is not None
        else t("praise-ask-staff")
    )
    markup = inline_kb(
        [
            [
                (t("praise-btn-send"), PraiseCb(action="send").pack()),
                (t("praise-btn-drop"), PraiseCb(action="drop").pack()),
            ]
        ]
    )
    await message.answer(asked, reply_markup=markup)


@router.callback_query(PraiseCb.filter())
async def on_praise(
    query: CallbackQuery, callback_data: PraiseCb, state: FSMContext, ctx: OrderCtx
) -> None:
    """🌟 转达表扬: passed on (the member and the matter's staff, or the community's staff);
    不用了: nothing sent. A second tap is told what was chosen."""
    t = ctx.t
    if await answered_before(query, state, t):
        return
    message = query.message
    words = str((await state.get_data()).get(WORDS) or "")
    if not isinstance(message, Message) or not words or not ctx.user.registered:
        await query.answer(t("praise-gone"), show_alert=True)
        return
    await query.answer()
    await state.update_data({WORDS: None})
    if callback_data.action != "send":
        await settle_offer(message, state, t, "nopraise")
        return
    await settle_offer(message, state, t, "praise")
    found = await praise_service.praised(ctx.session, user=ctx.user, text=words, now=ctx.now())
    pending = await praise_service.pass_on(
        ctx.session, user=ctx.user, praise=found, words=words, now=ctx.now()
    )
    await ctx.deliver(pending)
    done = (
        t("praise-sent-member", name=found.name)
        if found.member_id is not None
        else t("praise-sent-staff")
    )
    await message.answer(done, reply_markup=ctx.main_menu())
