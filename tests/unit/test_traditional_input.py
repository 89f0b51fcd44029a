"""What the zh-Hant prompts suggest typing is read: times and shares in Traditional characters."""

from __future__ import annotations

from datetime import UTC, datetime
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest

from bot.i18n import Translator
from services import polls
from services.when import parse_when

SHANGHAI = ZoneInfo("Asia/Shanghai")
FRIDAY = datetime(2026, 12, 4, 2, 0, tzinfo=UTC)  # Friday 2026-12-04 10:00 in Shanghai


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("明晚7點", "明晚7点"),
        ("下週三 19:30", "下周三 19:30"),
        ("下週三 晚上7點半", "下周三 晚上7点半"),
        ("下週一 晚上8點", "下周一 晚上8点"),
        ("後天 上午9點", "后天 上午9点"),
        ("大後天 14:00", "大后天 14:00"),
        ("禮拜天 下午3點", "礼拜天 下午3点"),
        ("這個週五 下午3點一刻", "这个周五 下午3点一刻"),
        ("下下個週一 9點", "下下个周一 9点"),
        ("12月10日 晚上7點半", "12月10日 晚上7点半"),
        ("明天 夜裡11點", "明天 夜里11点"),
        ("週六 9點30分", "周六 9点30分"),
    ],
)
def test_times_typed_in_traditional_characters(traditional: str, simplified: str) -> None:
    read = parse_when(traditional, zone=SHANGHAI, now=FRIDAY)
    assert read == parse_when(simplified, zone=SHANGHAI, now=FRIDAY)


def test_the_zh_hant_time_examples_are_read() -> None:
    """The examples the Traditional prompts give (「明晚7點」「下週三 19:30」…) parse."""
    hant = Translator().get("zh-Hant", "consult-err-time", example="X")
    for example in ("明晚7點", "下週三 19:30"):
        assert f"「{example}」" in hant
        parse_when(example, zone=SHANGHAI, now=FRIDAY)


@pytest.mark.parametrize(
    ("text", "value"),
    [("過半", Fraction(1, 2)), ("半數以上", Fraction(1, 2)), ("兩分之一", Fraction(1, 2))],
)
def test_shares_typed_in_traditional_characters(text: str, value: Fraction) -> None:
    assert polls.parse_share(text).value == value


def test_the_zh_hant_share_examples_are_read() -> None:
    hant = Translator().get("zh-Hant", "poll-err-share")
    assert "「過半」" in hant and "「三分之二」" in hant
    assert polls.parse_share("過半") == polls.Share(Fraction(1, 2), strict=True)
    assert polls.parse_share("三分之二") == polls.Share(Fraction(2, 3))
