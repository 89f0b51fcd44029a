"""The answer to an out-of-date button pops up as an alert an older resident must read and
close: one short line in every language, well inside Telegram's 200 characters for a
callback answer (it was three clauses, 60 characters in Chinese, a box of small print)."""

from __future__ import annotations

import pytest

from bot.i18n import Translator

# a callback query's answer text holds at most 200 characters (Bot API answerCallbackQuery)
TELEGRAM_LIMIT = 200
# what reads at a glance: a short line in Chinese, about as much in English
SHORT = {"zh-Hans": 25, "zh-Hant": 25, "en": 70}


@pytest.mark.parametrize("key", ["err-stale-button", "order-preview-older"])
def test_an_out_of_date_button_is_answered_in_one_short_line(key: str) -> None:
    translator = Translator()
    for lang in translator.languages:
        text = translator.get(lang, key)
        assert len(text) <= TELEGRAM_LIMIT, (lang, text)
        assert "\n" not in text, (lang, text)
        assert len(text) <= SHORT[lang], (lang, len(text), text)
