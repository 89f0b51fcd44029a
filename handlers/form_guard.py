"""Starting a form while another is half filled in asks first instead of dropping it.

A form starter (➕ 新建投票, ✍️ 提议题, 💬 答复, ✍️ 代投, the meeting forms …) calls
`asks_first`: when another form has something entered, the person reads
'您还有「新建投票」没有填完。现在开始提议题的话，它填到一半的内容不会保存。' and chooses
'↩️ 继续填写「新建投票」' (the form stays where it was) or '✍️ 不填了，开始提议题' (the
starter's own button again, its action with GO appended: the starter runs, the old form is
dropped). A form at its first question has nothing to lose and is left without asking.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from aiogram import F, Router
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from bot.i18n import Text
from handlers.consult_kit import PollCb, kb, reply, safe_edit_markup

router = Router(name="form-guard")

GO = "_go"  # appended to a starter's action: start it, leaving the form in progress

# Steps where nothing has been entered yet (the first question, buttons to choose from):
# leaving them loses nothing, so starting another form there does not ask.
NOTHING_ENTERED = frozenset(
    {
        "PollForm:question",
        "TopicForm:title",
        "TopicForm:answer",
        "MeetingStart:kind",
        "MeetingChange:value",
        "MeetingChange:postpone_time",
        "MeetingChange:cancel_reason",
        "MeetingChange:minutes",
        "CodeForm:code",
        "ProxyForm:building",
    }
)

# The consultation forms: a main-menu button leaving one with something entered says so. The
# other flows (registration, the order cycle, whose held drafts come back with 我要点单) are
# left as before: not reviewed here.
CONSULT_FORMS = frozenset(
    {"PollForm", "ProxyForm", "TopicForm", "MeetingForm", "MeetingStart", "MeetingChange"}
)

# Steps of one group that are a different form for the person (consult-flow-name's keys)
_FLOW_OF_STEP = {
    "TopicForm:answer": "TopicAnswer",
    "MeetingChange:postpone_time": "MeetingPostpone",
    "MeetingChange:postpone_reason": "MeetingPostpone",
    "MeetingChange:cancel_reason": "MeetingCancel",
    "MeetingChange:minutes": "Minutes",
    "MeetingChange:decisions": "Minutes",
    "MeetingChange:minutes_confirm": "Minutes",
}


class FormCb(CallbackData, prefix="cfg"):
    """↩️ 继续填写: go on with the form in progress."""

    action: str


def starter(*actions: str) -> set[str]:
    """A starter's actions for its callback filter: each, and each with GO appended."""
    return {a for action in actions for a in (action, action + GO)}


def plain(action: str) -> str:
    """The starter's action without GO."""
    return action.removesuffix(GO)


def flow_name(t: Text, raw_state: str) -> str:
    """What a form is, in words ("新建投票"), from its FSM state ("PollForm:options") or the
    name of a flow (consult-flow-name's keys: "TopicAnswer")."""
    group = _FLOW_OF_STEP.get(raw_state, raw_state.split(":", 1)[0])
    return t("consult-flow-name", group=group)


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
    person is asked whether to go on with it or leave it for `starting` (a consult-flow-name
    key). The starter's button again with GO appended is "leave it"; its tap clears the
    question's buttons and returns False. States in `own` (the starter's own flow, cheap to
    redo) never ask."""
    action = str(getattr(callback_data, "action", ""))
    if action.endswith(GO):
        if isinstance(query.message, Message):
            await safe_edit_markup(query.message, None)
        return False
    current = await state.get_state()
    if current is None or current in NOTHING_ENTERED or current in own:
        return False
    flow = flow_name(t, current)
    go = callback_data.model_copy(update={"action": action + GO}).pack()
    rows = [
        [(t("form-btn-keep", flow=flow), FormCb(action="keep").pack())],
        [(t("form-btn-go", new=flow_name(t, starting)), go)],
    ]
    await query.answer()
    await reply(
        query.message, t("form-busy", flow=flow, new=flow_name(t, starting)), reply_markup=kb(rows)
    )
    return True


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
    await reply(query.message, t("form-kept", flow=flow_name(t, current)))


async def tell_left(message: Message, raw_state: str, data: dict[str, Any]) -> None:
    """A main-menu button left a consultation form with something entered (bot.middlewares.
    MenuResetMiddleware): say it was not kept, before the button's own answer."""
    t = data.get("t")
    if t is None or raw_state in NOTHING_ENTERED:
        return
    if raw_state.split(":", 1)[0] not in CONSULT_FORMS:
        return
    await message.answer(t("form-left", flow=flow_name(t, raw_state)))
