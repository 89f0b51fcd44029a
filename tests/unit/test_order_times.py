"""Times in order-cycle cards and lists read with their weekday, in each language."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.i18n import Text, Translator
from bot.settings import load_settings
from handlers.order_ui import local

WEDNESDAY_EVENING = datetime(2026, 12, 9, 11, 30, tzinfo=UTC)  # 19:30 in Shanghai


@pytest.fixture(scope="module")
def translator() -> Translator:
    return Translator()


@pytest.mark.parametrize(
    ("lang", "shown"),
    [("zh-Hans", "12月9日（周三）19:30"), ("en", "Wed 9 Dec, 19:30")],
)
def test_a_time_shows_its_weekday(translator: Translator, lang: str, shown: str) -> None:
    t = Text(translator, lang)
    # before: '12-09 19:30', no weekday
    assert local(t, load_settings(), WEDNESDAY_EVENING, now=WEDNESDAY_EVENING) == shown


def test_a_time_of_another_year_shows_the_year(translator: Translator) -> None:
    t = Text(translator, "zh-Hans")
    january = datetime(2027, 1, 5, 1, 0, tzinfo=UTC)
    shown = local(t, load_settings(), WEDNESDAY_EVENING, now=january)
    assert shown == "2026年12月9日（周三）19:30"
    assert local(t, load_settings(), None) == "-"
