"""'我要投诉刘师傅，来了就走，根本没修好', '那个志愿者态度很差': the complaint is read back with
whom it goes to — the staff of the matter the member served on (or of the resident's grid),
never the member — and passed on with one tap (📣 反映给社区); a matter done and not yet
rated is offered 😞 不满意 too, which reopens it with the words as what is wrong. Before, the
complaint was offered to be filed as a new matter ('要把这件事报给社区吗？')."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from handlers.context import OrderCtx
from handlers.keyboards import inline_kb
from handlers.offer_choices import answered_before, settle_offer
from models.orders import Score
from services import complaint as complaint_service
from services import orders as order_service
from services import smalltalk
from services.errors import Conflict

router = Router(name="complaint")

WORDS = "complaint_words"  # the chat's FSM data: the complaint read back, until sent or not


class ComplaintCb(CallbackData, prefix="cp"):
    action: str  # "send" (📣 反映给社区) | "bad" (😞 不满意) | "drop" (不用了)


async def offer_complaint(message: Message, state: FSMContext, ctx: OrderCtx, text: str) -> None:
    """The complaint read back with whom it will reach, and its buttons."""
    t = ctx.t
    found = await complaint_service.complained_of(
        ctx.session, user=ctx.user, text=text, now=ctx.now()
    )
    await state.update_data({WORDS: text})
    asked = (
        t("complaint-ask-matter", number=found.number)
        if found.request_id is not None
        else t("complaint-ask-staff")
    )
    rows = [[(t("complaint-btn-send"), ComplaintCb(action="send").pack())]]
    if found.awaits_rating:
        asked = f"{asked}\n{t('complaint-ask-rating', number=found.number)}"
        rows.append([(t("complaint-btn-unsatisfied"), ComplaintCb(action="bad").pack())])
    rows.append([(t("complaint-btn-drop"), ComplaintCb(action="drop").pack())])
    await message.answer(asked, reply_markup=inline_kb(rows))


@router.callback_query(ComplaintCb.filter())
async def on_complaint(
    query: CallbackQuery, callback_data: ComplaintCb, state: FSMContext, ctx: OrderCtx
) -> None:
    """📣 反映给社区: to the matter's (or the grid's) staff; 😞 不满意: the matter rated so and
    reopened, the words its reason; 不用了: nothing sent. A second tap is told what was chosen."""
    t = ctx.t
    if await answered_before(query, state, t):
        return
    message = query.message
    words = str((await state.get_data()).get(WORDS) or "")
    if not isinstance(message, Message) or not words or not ctx.user.registered:
        await query.answer(t("complaint-gone"), show_alert=True)
        return
    await query.answer()
    await state.update_data({WORDS: None})
    if callback_data.action == "drop":
        await settle_offer(message, state, t, "nocomplaint")
        return
    found = await complaint_service.complained_of(
        ctx.session, user=ctx.user, text=words, now=ctx.now()
    )
    if callback_data.action == "bad" and found.awaits_rating and found.request_id is not None:
        await settle_offer(message, state, t, "unsatisfied")
        try:
            out = await order_service.rate(
                ctx.session,
                user=ctx.user,
                request_id=found.request_id,
                score=Score.UNSATISFIED,
                comment=words,
                now=ctx.now(),
            )
        except Conflict as exc:  # rated a moment before, elsewhere
            await message.answer(t(exc.key), reply_markup=ctx.main_menu())
            return
        await ctx.deliver(out.pending)
        # kept as a complaint in the ledger too (the staff read the words in the reopening)
        await complaint_service.pass_on(
            ctx.session,
            user=ctx.user,
            complaint=found,
            words=words,
            now=ctx.now(),
            tell_staff=False,
        )
        await message.answer(
            t("complaint-rated", number=found.number), reply_markup=ctx.main_menu()
        )
        return
    await settle_offer(message, state, t, "complaint")
    pending = await complaint_service.pass_on(
        ctx.session, user=ctx.user, complaint=found, words=words, now=ctx.now()
    )
    await ctx.deliver(pending)
    await message.answer(t("complaint-sent"), reply_markup=ctx.main_menu())


def rating_complains(words: str | None) -> bool:
    """Words said with a score that complain of who served or the service ('一星，师傅来了就
    走，根本没修好'): passed on as a complaint besides the rating (`pass_on_with_rating`)."""
    return bool(words) and smalltalk.complains(words)


async def pass_on_with_rating(
    ctx: OrderCtx, *, request_id: int, words: str, score: Score, rated: str
) -> str:
    """A complaint said with the score, once the rating is recorded: passed on to the staff of
    the matter rated (kept in its ledger; never to the member). Returns the one confirmation
    to send, saying both: `rated` (the score's own confirmation) with to whom the complaint
    went — 不满意: a text of its own, as the reopening already took the words to the staff
    (then only the ledger keeps the complaint). Before, two short confirmations in a row."""
    found = await complaint_service.about_matter(
        ctx.session, user=ctx.user, request_id=request_id, text=words, now=ctx.now()
    )
    pending = await complaint_service.pass_on(
        ctx.session,
        user=ctx.user,
        complaint=found,
        words=words,
        now=ctx.now(),
        tell_staff=score != Score.UNSATISFIED,
    )
    await ctx.deliver(pending)
    t = ctx.t
    if score == Score.UNSATISFIED:
        return t("complaint-rated-unsatisfied", number=found.number)
    return f"{rated}\n{t('complaint-with-rating', number=found.number)}"
