"""❓ 问组织者: residents ask a meeting's organizer; staff answer with ↩️ 回复 (in chat)."""

from __future__ import annotations

from datetime import datetime

from aiogram import F, Router
from aiogram.filters import StateFilter
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message

from handlers.consult_kit import cancel_kb, kb, reply, safe_edit_markup, tx
from handlers.context import UpdateCtx
from handlers.form_guard import asks_first, starter
from handlers.menu import labels
from handlers.text_steps import refuse_button_labels
from services import meeting_questions, meetings, smalltalk
from services.order_titles import fit

router = Router(name="meeting-questions")
router.message.filter(F.chat.type == "private")

LIST_QUOTE = 120  # columns of each question in the staff list of unanswered ones


class QuestionCb(CallbackData, prefix="cmq"):
    """ask (a meeting's ❓ 问组织者), typed (the words typed at the menu, offered), reply (a
    question's ↩️ 回复), list (the staff card's unanswered questions)."""

    action: str
    id: int


class QuestionForm(StatesGroup):
    """A resident typing a question; a staff member typing the answer."""

    ask = State()
    answer = State()


refuse_button_labels(router, QuestionForm)


OWN = (QuestionForm.ask.state, QuestionForm.answer.state)


@router.callback_query(QuestionCb.filter(F.action.in_(starter("ask"))))
async def on_ask_button(
    query: CallbackQuery, callback_data: QuestionCb, state: FSMContext, ctx: UpdateCtx
) -> None:
    """❓ 问组织者: the question is asked for (the meeting checked first: theirs, still open;
    another form half filled: whether to leave it, first)."""
    if await asks_first(query, callback_data, state, ctx.t, starting="QuestionForm", own=OWN):
        return
    meeting = await meeting_questions.open_for(
        ctx.session, user=ctx.user, meeting_id=callback_data.id, now=ctx.now()
    )
    await state.clear()
    await state.set_state(QuestionForm.ask)
    await state.update_data(question_meeting=meeting.id)
    await query.answer()
    await reply(
        query.message, ctx.t("mq-ask-prompt", title=meeting.title), reply_markup=cancel_kb(ctx.t)
    )


@router.message(StateFilter(QuestionForm), F.text.in_(labels("common-cancel")))
async def on_cancel(message: Message, state: FSMContext, ctx: UpdateCtx) -> None:
    """✖️ 取消: nothing is sent."""
    await state.clear()
    await message.answer(ctx.t("consult-cancelled"), reply_markup=ctx.main_menu())


@router.message(StateFilter(QuestionForm.ask), F.text)
async def on_question_typed(message: Message, state: FSMContext, ctx: UpdateCtx) -> None:
    """The question typed: kept and sent to the organizer."""
    data = await state.get_data()
    await state.clear()
    await _ask(message, ctx, int(data.get("question_meeting") or 0), message.text)


async def _ask(message: Message, ctx: UpdateCtx, meeting_id: int, text: str | None) -> None:
    question = await meeting_questions.ask(
        ctx.session,
        user=ctx.user,
        meeting_id=meeting_id,
        text=text,
        now=ctx.now(),
        notifier=ctx.notifier(),
    )
    meeting = await meetings.get_meeting(ctx.session, meeting_id=question.meeting_id)
    await message.answer(ctx.t("mq-asked", title=meeting.title), reply_markup=ctx.main_menu())


async def typed_question_row(
    message: Message, ctx: UpdateCtx, text: str
) -> list[tuple[str, str]] | None:
    """Words typed at the menu that read as a question, soon after the resident answered a
    meeting, right under its announcement, or naming what a meeting announced to them is
    about ('加装电梯的钱怎么分？' and 「加装电梯意见征集」): the button that sends them to its
    organizer ('❓ 转给「…」的组织者'), to offer beside 📝 报给社区; None when they are not so."""
    if not smalltalk.asks_question(text):
        return None
    meeting = await meeting_questions.meeting_for_typed(
        ctx.session,
        user=ctx.user,
        now=ctx.now(),
        above=message.message_id - 1,
        words=ctx.triage.keywords(text) if ctx.triage is not None else (),
    )
    if meeting is None:
        return None
    label = ctx.t("mq-btn-typed", title=fit(meeting.title, 24))
    return [(label, QuestionCb(action="typed", id=meeting.id or 0).pack())]


@router.callback_query(QuestionCb.filter(F.action == "typed"))
async def on_typed_question(
    query: CallbackQuery, callback_data: QuestionCb, state: FSMContext, ctx: UpdateCtx
) -> None:
    """❓ 转给「…」的组织者 under words typed at the menu: those words are the question."""
    data = await state.get_data()
    said = data.get("typed_text")
    message = query.message
    # the words kept are those under the latest offer (handlers.fallback._remember_offer): an
    # older offer's button would send other words
    latest = isinstance(message, Message) and data.get("typed_offer") == message.message_id
    if not said or not latest or not isinstance(message, Message):
        await query.answer(ctx.t("err-stale-button"), show_alert=True)
        return
    await _ask(message, ctx, callback_data.id, str(said))
    await state.update_data(typed_text=None, typed_offer=None)
    await query.answer()
    await safe_edit_markup(message, None)


@router.callback_query(QuestionCb.filter(F.action.in_(starter("reply"))))
async def on_reply_button(
    query: CallbackQuery, callback_data: QuestionCb, state: FSMContext, ctx: UpdateCtx
) -> None:
    """↩️ 回复: the answer is asked for; already answered by someone, who and when (alert)."""
    if await asks_first(query, callback_data, state, ctx.t, starting="QuestionAnswer", own=OWN):
        return
    try:
        pending = await meeting_questions.to_answer(
            ctx.session, user=ctx.user, roles=ctx.roles, question_id=callback_data.id
        )
    except meeting_questions.AlreadyAnswered as exc:
        await query.answer(_already(ctx, exc), show_alert=True)
        return
    await state.clear()
    await state.set_state(QuestionForm.answer)
    await state.update_data(question_id=callback_data.id)
    await query.answer()
    text = ctx.t(
        "mq-answer-prompt",
        title=pending.meeting.title,
        name=pending.asker.display_name,
        question=fit(pending.question.text, 400),
    )
    await reply(query.message, text, reply_markup=cancel_kb(ctx.t))


@router.message(StateFilter(QuestionForm.answer), F.text)
async def on_answer_typed(message: Message, state: FSMContext, ctx: UpdateCtx) -> None:
    """The answer typed: sent to the resident; the question's notices show it."""
    data = await state.get_data()
    await state.clear()
    try:
        pending = await meeting_questions.answer(
            ctx.session,
            user=ctx.user,
            roles=ctx.roles,
            question_id=int(data.get("question_id") or 0),
            text=message.text,
            now=ctx.now(),
            notifier=ctx.notifier(),
        )
    except meeting_questions.AlreadyAnswered as exc:
        await message.answer(_already(ctx, exc), reply_markup=ctx.main_menu())
        return
    await message.answer(
        ctx.t("mq-answer-sent", name=pending.asker.display_name), reply_markup=ctx.main_menu()
    )


@router.callback_query(QuestionCb.filter(F.action == "list"))
async def on_list(query: CallbackQuery, callback_data: QuestionCb, ctx: UpdateCtx) -> None:
    """The staff card's ❓ 待回复: each unanswered question with its ↩️ 回复."""
    meeting, waiting = await meeting_questions.unanswered(
        ctx.session, user=ctx.user, roles=ctx.roles, meeting_id=callback_data.id
    )
    await query.answer()
    t = ctx.t
    if not waiting:
        await reply(query.message, t("mq-list-empty", title=meeting.title))
        return
    lines = [t("mq-list-head", title=meeting.title, waiting=len(waiting))]
    rows = []
    for i, (question, asker) in enumerate(waiting, start=1):
        lines.append(
            t(
                "mq-list-line",
                n=i,
                name=asker.display_name,
                question=fit(question.text, LIST_QUOTE),
            )
        )
        rows.append(
            [(t("mq-btn-reply-n", n=i), QuestionCb(action="reply", id=question.id or 0).pack())]
        )
    await reply(query.message, "\n".join(lines), reply_markup=kb(rows))


def _already(ctx: UpdateCtx, exc: meeting_questions.AlreadyAnswered) -> str:
    """'这个问题已由 李社工 在 12月7日（周一）06:57 回复过了', in the reader's local time."""
    when = exc.args_.get("when")
    shown = ctx.notifier().local(when) if isinstance(when, datetime) else "-"
    return tx(ctx.t, exc.key, name=exc.args_.get("name", "-"), when=shown)


@router.message(StateFilter(QuestionForm), ~F.text)
async def on_not_text(message: Message, ctx: UpdateCtx) -> None:
    """A photo or voice note where words were asked for: the step stays."""
    await message.answer(ctx.t("err-media-not-supported"), reply_markup=cancel_kb(ctx.t))
