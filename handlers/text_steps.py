"""Wizard steps that wait for typed text: a reply button's label is not an answer.

A reply keyboard stays on screen until another one replaces it, so a button of an earlier flow
("✅ 说完了", "跳过", "📍 发送位置" …) can be tapped in the middle of a wizard, or after a wizard
was started by a command. Its label arrives as plain text, and a step that takes any text would
store it as a title, a reason or a notice. `refuse_button_labels` puts, in front of a router's
step handlers, one handler that answers such a label politely and keeps the step and what was
entered so far.

Main-menu labels never get that far (bot.middlewares.MenuResetMiddleware leaves the flow and
does what the button says). The cancel button is left to the flow's own cancel handler, and
`allow` names the other buttons a step takes (skip at an optional step, ⬅️ 上一步 after a form's
first step).

Going back a step: `is_back` knows the ⬅️ 上一步 label and the words typed for it, `with_current`
asks a question again with what was entered, and a form whose path branches keeps the steps it
asked in a trail (`step_asked`, `step_back`, `at_step`), so 上一步 asks the one before again.
At a form's first step `back_at_first_step` says there is nothing before it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

from aiogram import F, Router
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import KeyboardButton, Message, ReplyKeyboardMarkup

from bot.i18n import Text
from handlers.keyboards import cancel_keyboard
from handlers.menu import FLOW_BUTTONS, labels

CANCEL = "common-cancel"
BACK = "common-back"

# What someone types to go back when they do not tap the button (not a name, a title or an
# option): a step that takes them never stores them.
BACK_WORDS = frozenset(
    {"上一步", "返回", "返回上一步", "回上一步", "後退", "返回上一步驟", "back"}
)


def is_back(text: str | None) -> bool:
    """The 上一步 button's label (any language) or a plain word for it."""
    if not text:
        return False
    return text in labels(BACK) or text.strip().lower() in BACK_WORDS


async def back_at_first_step(message: Message, t: Text) -> None:
    """⬅️ 上一步 (an older keyboard's, or typed) at a form's first step, where there is no step
    before: not used here, what was entered stays, ✖️ 取消 leaves — as at 发通知's, 新建投票's
    and 新建议事会's first step (handlers.fallback). The step is not asked again."""
    await message.answer(t("err-button-not-here", label=t(BACK)), reply_markup=cancel_keyboard(t))


def with_current(t: Text, question: str, value: str | None) -> str:
    """A question asked again after 上一步, with what was entered before."""
    return question + "\n" + t("common-step-current", value=value) if value else question


TRAIL = "back_trail"


def _trail(data: dict[str, Any]) -> list[str]:
    return [str(step) for step in data.get(TRAIL) or []]


async def step_asked(state: FSMContext, step: str) -> None:
    """A form asked this step (asked again: not counted twice)."""
    trail = _trail(await state.get_data())
    if not trail or trail[-1] != step:
        await state.update_data({TRAIL: [*trail, step]})


async def step_back(state: FSMContext) -> str | None:
    """上一步: the step asked before the current one (the trail forgets the current one), or
    None at the first step."""
    trail = _trail(await state.get_data())
    if len(trail) < 2:
        return None
    trail.pop()
    await state.update_data({TRAIL: trail})
    return trail[-1]


async def at_step(state: FSMContext, *steps: str) -> bool:
    """True when the form's current step is one of these (a button of an earlier question,
    asked again after 上一步 or answered before, is out of date). A form without a trail was
    begun before its steps were kept (a conversation in Redis over a new release): not refused."""
    data = await state.get_data()
    if TRAIL not in data:
        return True
    trail = _trail(data)
    return bool(trail) and trail[-1] in steps


def refused_labels(*, allow: Collection[str] = ()) -> frozenset[str]:
    """Flow buttons' labels (every language) a text step refuses: all but cancel and `allow`."""
    accepted = {CANCEL, *allow}
    return frozenset(label for key in FLOW_BUTTONS if key not in accepted for label in labels(key))


def refuse_button_labels(
    router: Router,
    *states: State | type[StatesGroup],
    allow: Collection[str] = (),
    hint: str = "err-button-not-text",
    keyboard: Callable[[Text], ReplyKeyboardMarkup] | None = None,
) -> None:
    """At these steps of `router`, answer a flow button's label with `hint` (which names the
    label) and a keyboard of the buttons the step does take (`keyboard`, when the step has one
    of its own, e.g. with a location button); the step stays.

    Call it before the step handlers are registered: aiogram tries handlers in that order.
    """
    keys = [*allow, CANCEL]

    def plain(t: Text) -> ReplyKeyboardMarkup:
        return ReplyKeyboardMarkup(
            keyboard=[[KeyboardButton(text=t(key)) for key in keys]], resize_keyboard=True
        )

    make = keyboard or plain

    async def on_button_label(message: Message, t: Text) -> None:
        """A button's label came instead of typed text: say so, offer the right buttons."""
        await message.answer(t(hint, label=message.text or ""), reply_markup=make(t))

    router.message.register(
        on_button_label, StateFilter(*states), F.text.in_(refused_labels(allow=allow))
    )
