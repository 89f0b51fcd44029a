"""One reader of Chinese numerals, services.validation.whole_number, behind the times staff type
(services.when), the shares of polls (services.polls) and building numbers (services.address):
they read a number the same way, and refuse the same malformed ones (before, each had its own
table, and a time read '零十一点' as 01:00 and '二十两点' as 22:00, an address '零十一号楼' as
1号楼)."""

from __future__ import annotations

from datetime import UTC, datetime
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services import address
from services.errors import InvalidInput
from services.polls import parse_share
from services.validation import whole_number
from services.when import parse_when
from tests.unit.test_whole_number import chinese

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 12, 4, 2, 0, tzinfo=UTC)  # Friday 10:00 in Shanghai


def _hour(said: str) -> int:
    return parse_when(f"明天{said}点", zone=SHANGHAI, now=NOW).astimezone(SHANGHAI).hour


@given(st.integers(0, 99))
def test_every_reader_reads_a_number_as_whole_number_does(n: int) -> None:
    said = chinese(n) or "零"
    assert whole_number(said) == n
    if n <= 23:
        assert _hour(said) == n
    if n >= 1:
        assert parse_share(f"百分之{said}").value == Fraction(n, 100)
    assert address._normal(f"{said}号楼") == f"{n}号楼"


def test_a_year_and_minutes_are_still_read_digit_by_digit() -> None:
    when = parse_when("二〇二六年十二月九日 十九点零五分", zone=SHANGHAI, now=NOW)
    assert when.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M") == "2026-12-09 19:05"


@pytest.mark.parametrize("said", ["零十一", "二十两", "十零", "十十"])
def test_every_reader_refuses_a_malformed_number(said: str) -> None:
    assert whole_number(said) is None
    with pytest.raises(InvalidInput):
        _hour(said)
    with pytest.raises(InvalidInput):
        parse_share(f"百分之{said}")
    assert address._normal(f"{said}号楼") == f"{said}号楼"  # no building guessed from it
