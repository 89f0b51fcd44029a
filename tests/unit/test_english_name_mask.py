"""The English sign-up explains the hidden name as it is written: the first letter of the name
and '**' (services.orders.public_name). Found signing up as Alex Turner: 'your surname only,
e.g. “A**”' — A is his first name's letter, not his surname's (Turner)."""

from __future__ import annotations

from bot.i18n import Translator
from services.orders import public_name


def test_the_english_name_question_says_what_the_mask_shows() -> None:
    tr = Translator(default="zh-Hans")
    masked = public_name("Alex Turner", named=False)
    assert masked == "A**"
    asked = tr.get("en", "member-ask-named", name="Alex Turner", masked=masked)
    assert "first letter of your name, as “A**”" in asked, asked
    assert "surname" not in asked
    assert "surname" not in tr.get("en", "points-board-masked")
