"""Texts without arguments are formatted once per language and key (bot.i18n.Translator keeps
them): the same text every time and in every language's own words, texts with arguments are
formatted each time, and a missing key is still an error every time."""

from __future__ import annotations

import pytest

from bot.i18n import Translator


def test_a_plain_text_is_the_same_every_time_in_each_language() -> None:
    tr = Translator(default="zh-Hans")
    for lang in tr.languages:
        first = tr.get(lang, "order-ask-describe")
        assert first == tr._format(lang, "order-ask-describe", {})
        assert tr.get(lang, "order-ask-describe") is first  # kept, not formatted again
    assert tr.get("zh-Hans", "order-ask-describe") != tr.get("en", "order-ask-describe")
    # an unknown language falls back as before, and is kept under its own name
    assert tr.get("xx", "order-ask-describe") == tr.get("zh-Hans", "order-ask-describe")


def test_texts_with_arguments_and_missing_keys() -> None:
    tr = Translator(default="zh-Hans")
    one = tr.get("en", "order-photos-full", limit=3)
    two = tr.get("en", "order-photos-full", limit=7)
    assert "3" in one and "7" in two
    for _ in range(2):
        with pytest.raises(KeyError):
            tr.get("en", "no-such-text-key")
