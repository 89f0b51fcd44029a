"""Wizard steps that wait for typed text: a reply button's label is not an answer.

A reply keyboard stays on screen until another one replaces it, so a button of an earlier flow
("✅ 说完了", "跳过", "📍 发送位置" …) can be tapped in the middle of a wizard, or after a wizard
was started by a command. Its label arrives as plain text, and a step that takes any text would
store it as a title, a reason or a notice. `refuse_button_labels` puts, in front of a router's
step handlers, one handler that answers such a label politely and keeps the step and what was
entered so far.

Main-menu labels never get that far (bot.middlewares.MenuResetMiddleware leaves the flow and
does what the button says). The cancel button is left to the flow's own cancel handler, and
`allow` names the other buttons a step takes (skip at an optional step).
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from aiogram import F, Router
from aiogram.filters import StateFilter
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import KeyboardButton, Message, ReplyKeyboardMarkup

from bot.i18n import Text
from handlers.menu import FLOW_BUTTONS, labels

CANCEL = "common-cancel"


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
