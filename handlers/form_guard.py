"""Starting a form while another is half filled in asks first instead of dropping it.

A form starter (➕ 新建投票, ✍️ 提议题, 💬 答复, ✍️ 代投, the meeting forms …) calls
`asks_first`: when another form has something entered, the person reads
'您还有「新建投票」没有填完。现在开始提议题的话，它填到一半的内容不会保存。' and chooses
'↩️ 继续填写「新建投票」' (the form stays where it was) or '✍️ 不填了，开始提议题' (the
starter's own button again, its action with GO appended: the starter runs, the old form is
dropped). A form at its first question has nothing to lose and is left without asking.

Every form starter goes through it: the consultation forms, and the order cycle's buttons that
ask for something (完成上报, 告诉社区, 放弃工单, 退回, 转办, 不受理, 派单, 补充信息, 评价 …),
双报到's review reason, 我的资料's 修改住址/修改手机号 and 发通知's community and audience
(an older picker tapped). A main-menu button
leaving a form with something entered says so (`tell_left`); a request draft the filing limits
held back is kept beside the form, so both say how to go back to it instead.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import replace
from typing import Any

from aiogram import F, Router
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message, ReplyParameters

from bot.i18n import Text
from handlers.consult_kit import PollCb, kb, reply, safe_edit_markup

router = Router(name="form-guard")

GO = "_go"  # appended to a starter's action: start it, leaving the form in progress

# Commands that start over like a main-menu button: they leave the form in progress, and
# bot.middlewares.MenuResetMiddleware takes them with the menu's labels (so tell_left speaks)
STARTING_OVER = frozenset({"/start", "/register", "/join"})

# Steps where nothing has been entered yet (the first question, a step whose one answer ends the
# form, buttons to choose from): leaving them loses nothing, so starting another form there does
# not ask, and a main-menu button leaves them without a word.
NOTHING_ENTERED = frozenset(
    {
        "TopicForm:answer",
        "MeetingChange:value",
        "PollChange:value",
        "MeetingChange:postpone_time",
        "MeetingChange:cancel_reason",
        "MeetingChange:minutes",
        "MeetingChange:order_title",
        "CodeForm:code",
        "QuestionForm:ask",
        "QuestionForm:answer",
        "ProxyForm:building",
        "Reg:consent",
        "Reg:community",
        "Join:consent",
        "Join:name",
        "ReviewReason:reason",
        "SuspendReason:reason",
        "AddInfo:compose",
        "RateComment:comment",  # the score is kept at the tap; the comment is optional
        "ResultFlow:send_back",
        "ClaimFlow:release",
        "ClaimFlow:cancel",
        "ClaimFlow:note",
        "StaffFlow:transfer_unit",
        "StaffFlow:merge",
        "StaffFlow:decline",
        "StaffFlow:result",
        "StaffFlow:place",  # 📍 改地点's public area: a grid tapped, where to be typed
        "OnBehalf:building",
        "OrgEdit:name",  # one name typed for the org structure
        "ChannelForm:forward",  # 设置公示频道: a message forwarded from the channel awaited
    }
)

# Steps that gather several messages: something is entered once one of these is in the data
_ENTERED_IF = {
    "Filing:compose": ("text", "photos", "voice", "lat"),
    "ResultFlow:report": ("note", "photos"),
    "StaffFlow:answer": ("answer",),
    "Compose:targets": ("targets",),  # 发通知's grids or buildings picked
    "Compose:text": ("photo", "targets"),
    "StaffFlow:preview": ("edited",),  # 派单's form: a number tapped or a title typed
    # a form's first step, asked again after ⬅️ 上一步: what was entered after it is kept
    "PollForm:question": ("question",),
    "MeetingStart:kind": ("title",),
    "Compose:community": ("photo",),
    "Compose:audience": ("photo", "targets"),
    "TopicForm:title": ("detail",),  # the whole matter typed as a title, kept as explanation
}

# Steps of one group that are a different form for the person (form-name's keys)
_FLOW_OF_STEP = {
    "TopicForm:answer": "TopicAnswer",
    "QuestionForm:answer": "QuestionAnswer",
    "MeetingChange:postpone_time": "MeetingPostpone",
    "MeetingChange:postpone_reason": "MeetingPostpone",
    "MeetingChange:cancel_reason": "MeetingCancel",
    "MeetingChange:minutes": "Minutes",
    "MeetingChange:decisions": "Minutes",
    "MeetingChange:minutes_confirm": "Minutes",
    "MeetingChange:order_title": "DecisionOrder",
    "MeetingChange:order_plan": "DecisionOrder",
    "ResultFlow:report": "ResultReport",
    "ResultFlow:send_back": "SendBack",
    "ClaimFlow:release": "Release",
    "ClaimFlow:cancel": "OrderCancel",
    "ClaimFlow:note": "MemberNote",
    "StaffFlow:preview": "IssueOrder",
    "StaffFlow:title": "IssueOrder",
    "StaffFlow:transfer_unit": "Transfer",
    "StaffFlow:transfer_note": "Transfer",
    "StaffFlow:answer": "TransferAnswer",
    "StaffFlow:merge": "Merge",
    "StaffFlow:decline": "Decline",
    "StaffFlow:result": "StaffResult",
    "StaffFlow:place": "Place",
}


# in a form's data: the id of the saved draft the form is a change of (发通知's ✏️ 修改); the
# draft stays as it was whatever happens to the form, so leaving it loses nothing
SAVED_DRAFT = "saved_draft"


def entered(raw_state: str, data: Mapping[str, Any]) -> bool:
    """True when the form at this step holds something the person entered (typed, sent or
    chose), which leaving it would lose."""
    if raw_state in NOTHING_ENTERED or data.get(SAVED_DRAFT):
        return False
    if raw_state == "Reg:phone" and data.get("phone_only"):
        return False  # 我的资料's 修改手机号: its one question
    keys = _ENTERED_IF.get(raw_state)
    return keys is None or any(data.get(key) for key in keys)


def held_draft(state: FSMContext) -> FSMContext:
    """Where a request draft the filing limits held back waits: beside the flow's state, so a
    main-menu button or another form (which leave the flow) does not lose it; 📝 我要点单
    brings it back. Filing, cancelling or starting again does."""
    return FSMContext(storage=state.storage, key=replace(state.key, destiny="held-request"))


class FormCb(CallbackData, prefix="cfg"):
    """↩️ 继续填写: go on with the form in progress."""

    action: str


def starter(*actions: str) -> set[str]:
    """A starter's actions for its callback filter: each, and each with GO appended."""
    return {a for action in actions for a in (action, action + GO)}


def plain(action: str) -> str:
    """The starter's action without GO."""
    return action.removesuffix(GO)


def flow_name(t: Text, raw_state: str, data: Mapping[str, Any] | None = None) -> str:
    """What a form is, in words ("新建投票"), from its FSM state ("PollForm:options") or the
    name of a flow (form-name's keys: "TopicAnswer")."""
    group = _FLOW_OF_STEP.get(raw_state, raw_state.split(":", 1)[0])
    if raw_state == "Reg:phone" and data and data.get("phone_only"):
        group = "PhoneEdit"
    return t("form-name", group=group)


async def _kept_aside(
    state: FSMContext, t: Text, raw_state: str, data: Mapping[str, Any]
) -> str | None:
    """How to go back to the form being left when its draft also waits aside (held_draft: a
    request the filing limits held back, shown again; a report of an order done as written so
    far, kept as it is written by services.report_drafts), else None."""
    if raw_state == "ResultFlow:report" and entered(raw_state, data):
        if not (str(data.get("note") or "").strip() or data.get("photos")):
            return None
        button = t("order-btn-report-done")
        return t("form-left-kept", flow=flow_name(t, raw_state), button=button)
    if raw_state != "Filing:confirm" or await held_draft(state).get_data() != data:
        return None
    return t("form-left-kept", flow=flow_name(t, "Filing"), button=t("menu-order-new"))


async def asks_first(
    query: CallbackQuery,
    callback_data: CallbackData,
    state: FSMContext,
    t: Text,
    *,
    starting: str,
    own: Collection[str | None] = (),
) -> bool:
    """True when the starter should stop here: another form has something entered, and the
    person is asked whether to go on with it or leave it for `starting` (a form-name key). The
    starter's button again with GO appended is "leave it"; its tap clears the question's buttons
    and returns False. States in `own` (the starter's own flow, cheap to redo) never ask. A
    request draft kept aside (held_draft) is not lost: the person is told how to go back to it,
    and the starter goes on."""
    action = str(getattr(callback_data, "action", ""))
    if action.endswith(GO):
        if isinstance(query.message, Message):
            await safe_edit_markup(query.message, None)
        return False
    current = await state.get_state()
    if current is None or current in own:
        return False
    data = await state.get_data()
    kept = await _kept_aside(state, t, current, data)
    if kept is not None:  # the draft stays where it waits: nothing is lost
        await reply(query.message, kept)
        return False
    if not entered(current, data):
        return False
    flow = flow_name(t, current, data)
    go = callback_data.model_copy(update={"action": action + GO}).pack()
    rows = [
        [(t("form-btn-keep", flow=flow), FormCb(action="keep").pack())],
        [(t("form-btn-go", new=flow_name(t, starting)), go)],
    ]
    await query.answer()
    # the question quotes the message tapped: its 不填了 starts the form from there (`origin`)
    quoted = (
        ReplyParameters(message_id=query.message.message_id, allow_sending_without_reply=True)
        if isinstance(query.message, Message)
        else None
    )
    await reply(
        query.message,
        t("form-busy", flow=flow, new=flow_name(t, starting)),
        reply_markup=kb(rows),
        reply_parameters=quoted,
    )
    return True


def origin(query: CallbackQuery, callback_data: CallbackData) -> Message | None:
    """The message whose button started the form: the one tapped, or, for 不填了 on the
    question `asks_first` asked, the message that question quotes (the card the starter was
    tapped on), so the starter treats that card as a direct tap would. None when the
    message is gone or the question quotes nothing."""
    message = query.message
    if not isinstance(message, Message):
        return None
    if str(getattr(callback_data, "action", "")).endswith(GO):
        return message.reply_to_message
    return message


# the old 代投 question's button (8b13b98) works as before
@router.callback_query(FormCb.filter(F.action == "keep"))
@router.callback_query(PollCb.filter(F.action == "proxy_keep"))
async def on_keep(query: CallbackQuery, state: FSMContext, t: Text) -> None:
    """Go on with the form in progress: it is where it was, with what was entered."""
    current = await state.get_state()
    if current is None:
        await query.answer(t("err-stale-button"), show_alert=True)
        return
    await query.answer()
    if isinstance(query.message, Message):
        await safe_edit_markup(query.message, None)
    # no keyboard: the step's own reply buttons (skip, cancel …) stay as they were
    data = await state.get_data()
    await reply(query.message, t("form-kept", flow=flow_name(t, current, data)))


async def tell_left(
    message: Message, raw_state: str, values: dict[str, Any], data: dict[str, Any]
) -> None:
    """A main-menu button left a form (bot.middlewares.MenuResetMiddleware; `values` is what
    the form held): said before the button's own answer (_say_left)."""
    t, state = data.get("t"), data.get("state")
    if t is not None and state is not None:
        await _say_left(message, state, t, raw_state, values)


async def leave(message: Message, state: FSMContext, t: Text) -> None:
    """Leave the form in progress (if any) as a main-menu button does: it is cleared, and what
    was not kept is said (_say_left). For a fresh start outside the menu (a language chosen)."""
    raw_state = await state.get_state()
    if raw_state is None:
        return
    values = await state.get_data()
    await state.clear()
    await _say_left(message, state, t, raw_state, values)


async def _say_left(
    message: Message, state: FSMContext, t: Text, raw_state: str, values: Mapping[str, Any]
) -> None:
    """When the form left had something entered, say it was not kept; for a draft kept aside,
    how to go back to it. A form with nothing entered is left without a word."""
    note = await _kept_aside(state, t, raw_state, values)
    if note is None and entered(raw_state, values):
        note = t("form-left", flow=flow_name(t, raw_state, values))
    if note is not None:
        await message.answer(note)
