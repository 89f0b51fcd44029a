"""The reply-button registry the wizards' text steps rely on (handlers.text_steps)."""

from __future__ import annotations

import re
from pathlib import Path

from aiogram.fsm.context import FSMContext
from aiogram.fsm.storage.base import StorageKey
from aiogram.fsm.storage.memory import MemoryStorage

from handlers.menu import FLOW_BUTTONS, MENU, labels
from handlers.text_steps import at_step, is_back, refused_labels, step_asked, step_back

HANDLERS = Path(__file__).resolve().parents[2] / "handlers"


def test_every_reply_button_the_bot_shows_is_registered() -> None:
    """A reply button missing from MENU and FLOW_BUTTONS would be taken as typed text."""
    shown: set[str] = set()
    for source in HANDLERS.glob("*.py"):
        shown |= set(
            re.findall(
                r'(?<!Inline)KeyboardButton\(\s*text=t\("([a-z0-9-]+)"\)', source.read_text()
            )
        )
    assert shown, "the scan found no reply buttons: has the way they are built changed?"
    registered = {entry.key for entry in MENU} | set(FLOW_BUTTONS)
    assert shown <= registered, f"register these in handlers/menu.py: {shown - registered}"


def test_text_steps_refuse_flow_buttons_in_every_language_but_cancel_and_what_they_allow() -> None:
    plain = refused_labels()
    assert {"✅ 说完了", "✅ Done", "跳过", "Skip", "不修改", "📍 发送位置"} <= plain
    assert not plain & labels("common-cancel")
    optional = refused_labels(allow=("common-skip",))
    assert not optional & (labels("common-skip") | labels("common-cancel"))
    assert {"✅ 说完了", "✅ Done"} <= optional
    # main-menu buttons are MenuResetMiddleware's: they leave the flow, never refused here
    assert not plain & labels("menu-broadcast")


def test_back_is_the_button_in_every_language_or_a_word_for_it() -> None:
    assert all(is_back(label) for label in labels("common-back"))
    assert is_back("上一步") and is_back(" 返回 ") and is_back("Back")
    assert not is_back("返回车位费") and not is_back("") and not is_back(None)


async def test_back_goes_to_the_step_asked_before_along_the_path_taken() -> None:
    state = FSMContext(MemoryStorage(), StorageKey(bot_id=1, chat_id=1, user_id=1))
    assert await at_step(state, "question")  # a form begun before steps were kept
    for step in ("question", "options", "options", "multiple", "max"):
        await step_asked(state, step)  # asked again (a refusal): counted once
    assert await at_step(state, "max") and not await at_step(state, "multiple")
    assert await step_back(state) == "multiple"
    await step_asked(state, "audience")  # single choice this time: no maximum
    assert await step_back(state) == "multiple"
    assert await step_back(state) == "options"
    assert await step_back(state) == "question"
    assert await step_back(state) is None  # the first step: nothing before it
    assert await at_step(state, "question")
