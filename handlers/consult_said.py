"""A meeting or a poll staff describe in one message at the menu ('下周三晚上7点开个议事会，讨论
加装电梯', '投票：是否同意加装电梯'): its form, begun with what was said (services.consult_said).
Before, such words were taken as a matter of the staff member's own. Staff and admins only, as
the 议事协商 buttons: a resident's same words go on as before (a matter, a topic).

Said halfway through another form (发通知's text, 派单's title …), the words are not taken as
that step's answer at once: asked first, as handlers.form_guard asks for a form's button —
'↩️ 填进「发通知」，继续填写' (the form where it was, the words its step's answer, as if sent
again: before, they had to be typed again) or '✍️ 不填了，开始新建议事会' (the new form begun
with the words). Before, the step took them."""

from __future__ import annotations

from typing import Any

from aiogram import Dispatcher, F, Router
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from handlers import meetings, polls
from handlers.consult_kit import kb, safe_edit_markup
from handlers.context import OrderCtx, UpdateCtxMiddleware
from handlers.filters import IS_STAFF
from handlers.form_guard import entered, flow_name
from models import Role
from services import consult_said

router = Router(name="consult-said")
router.message.filter(F.chat.type == "private", IS_STAFF)
router.callback_query.filter(IS_STAFF)
router.message.middleware(UpdateCtxMiddleware())
router.callback_query.middleware(UpdateCtxMiddleware())

# in the form's data: the words said, while asked whether to leave the form for them
ASIDE = "consult_said_aside"
# … and the id of the message that said them (given to the form's step, as sent again)
ASIDE_ID = "consult_said_aside_id"
# a form's words given to its step after ↩️ 继续填写 (not asked about again)
PASS = "consult_said_pass"
# the forms the words would start, and the consultation steps where meetings and polls are
# what is written about (minutes, decisions, a postponement): said there, they are answers
_OWN = frozenset(
    {"MeetingStart", "MeetingForm", "PollForm", "MeetingChange", "PollChange", "TopicForm"}
)


class SaidCb(CallbackData, prefix="csd"):
    """The question about words said in a form: keep (↩️ 继续填写) or go (✍️ 不填了)."""

    action: str


async def start_said(message: Message, state: FSMContext, ctx: OrderCtx, text: str) -> bool:
    """The meeting or poll form, begun with what the words say; False when they describe
    neither (or come from someone who may not create them)."""
    if not ctx.roles & {Role.STAFF, Role.ADMIN}:
        return False
    poll = consult_said.poll_said(text)
    if poll is not None:
        await polls.start_poll_said(message, state, ctx, poll)
        return True
    meeting = consult_said.meeting_said(text)
    if meeting is not None:
        await meetings.start_meeting_said(message, state, ctx, meeting)
        return True
    return False


def _starts(text: str) -> str | None:
    """The form the words would start ('PollForm' / 'MeetingStart'), or None."""
    if consult_said.poll_said(text) is not None:
        return "PollForm"
    if consult_said.meeting_said(text) is not None:
        return "MeetingStart"
    return None


async def _said_in_a_form(message: Message, state: FSMContext) -> bool:
    """A filter: a meeting or poll described halfway through another form (something entered
    in it), not typed again as that form's answer after ↩️ 继续填写."""
    current = await state.get_state()
    if current is None or current.split(":", 1)[0] in _OWN or not message.text:
        return False
    data = await state.get_data()
    if data.get(PASS) == message.text or not entered(current, data):
        return False
    return _starts(message.text) is not None


@router.message(F.text, _said_in_a_form)
async def on_said_in_a_form(message: Message, state: FSMContext, ctx: OrderCtx) -> None:
    """Asked first: go on with the form or leave it for the new one, begun with the words.
    Nothing changes until one is tapped (the form's data keeps the words meanwhile)."""
    t = ctx.t
    text = message.text or ""
    current = await state.get_state()
    data = await state.get_data()
    flow, new = flow_name(t, current or "", data), flow_name(t, _starts(text) or "")
    await state.update_data({ASIDE: text, ASIDE_ID: message.message_id})
    rows = [
        [(t("consult-said-btn-keep", flow=flow), SaidCb(action="keep").pack())],
        [(t("form-btn-go", new=new), SaidCb(action="go").pack())],
    ]
    await message.reply(t("form-busy", flow=flow, new=new), reply_markup=kb(rows))


@router.callback_query(SaidCb.filter())
async def on_said_answer(
    query: CallbackQuery,
    callback_data: SaidCb,
    state: FSMContext,
    ctx: OrderCtx,
    dispatcher: Dispatcher,
    **handled: Any,
) -> None:
    """↩️ 填进「…」，继续填写: the form where it was, the words given to its step as if sent
    again (so not asked about again); ✍️ 不填了: the new form, begun with the words."""
    t = ctx.t
    data: dict[str, Any] = await state.get_data()
    text = data.get(ASIDE)
    message = query.message
    if not isinstance(text, str) or not isinstance(message, Message):
        await query.answer(t("err-stale-button"), show_alert=True)
        return
    await query.answer()
    await safe_edit_markup(message, None)
    if callback_data.action == "go":
        await state.update_data({ASIDE: None})
        if not await start_said(message, state, ctx, text):
            await message.answer(t("err-stale-button"))
        return
    await state.update_data({ASIDE: None, ASIDE_ID: None, PASS: text})
    current = await state.get_state()
    await message.answer(t("consult-said-form-kept", flow=flow_name(t, current or "", data)))
    # the words to the form's step, as the message that said them, sent again: through the
    # dispatcher's message handlers with this update's data (its session, the chat held)
    said = Message(
        message_id=int(data.get(ASIDE_ID) or message.message_id),
        date=message.date,
        chat=message.chat,
        from_user=query.from_user,
        text=text,
    ).as_(message.bot)
    passed = {k: v for k, v in handled.items() if k not in _OF_THE_TAP}
    await dispatcher.propagate_event(
        "message", said, state=state, ctx=ctx, dispatcher=dispatcher, **passed
    )


# what this tap's handling added to its data, not the message's to have
_OF_THE_TAP = frozenset({"handler", "callback_data", "event_context"})
