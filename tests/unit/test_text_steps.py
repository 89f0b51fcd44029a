"""The reply-button registry the wizards' text steps rely on (handlers.text_steps)."""

from __future__ import annotations

import re
from pathlib import Path

from handlers.menu import FLOW_BUTTONS, MENU, labels
from handlers.text_steps import refused_labels

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
