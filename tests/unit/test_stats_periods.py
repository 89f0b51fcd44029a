"""The periods /stats reads: presets in local time, and days typed after the command."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from services.errors import InvalidInput
from services.stats import (
    counts_period,
    day_bounds,
    period_bounds,
    ranked_period,
    said_period,
    said_preset,
    stats_alone,
    typed_period,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.mark.parametrize(
    ("typed", "first", "last"),
    [
        ("2026", date(2026, 1, 1), date(2026, 12, 31)),
        ("2026-11", date(2026, 11, 1), date(2026, 11, 30)),
        ("2026年2月", date(2026, 2, 1), date(2026, 2, 28)),
        ("2028-02", date(2028, 2, 1), date(2028, 2, 29)),
        ("2026/11/5", date(2026, 11, 5), date(2026, 11, 5)),
        ("2026-11-01 2026-11-30", date(2026, 11, 1), date(2026, 11, 30)),
        ("2026-10 至 2026-12", date(2026, 10, 1), date(2026, 12, 31)),
        ("２０２６－１１", date(2026, 11, 1), date(2026, 11, 30)),
    ],
)
def test_typed_periods(typed: str, first: date, last: date) -> None:
    assert typed_period(typed) == (first, last)


@pytest.mark.parametrize("typed", ["", "上个月", "2026-13", "2026-02-30", "2024 2025 2026"])
def test_periods_that_cannot_be_read(typed: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        typed_period(typed)
    assert refused.value.key == "order-stats-err-period"


@pytest.mark.parametrize(
    ("typed", "first", "last"),
    [
        ("2026-11-30 2026-11-01", "2026-11-30", "2026-11-01"),
        ("2026-12 2026-10", "2026-12-01", "2026-10-31"),
    ],
)
def test_a_period_the_wrong_way_round_is_told_so(typed: str, first: str, last: str) -> None:
    """Both days read, in the wrong order: said so, not 'which period?'."""
    with pytest.raises(InvalidInput) as refused:
        typed_period(typed)
    assert refused.value.key == "order-stats-err-order"
    assert refused.value.args_ == {"first": first, "last": last}


def test_last_month_is_whole_in_local_time() -> None:
    now = datetime(2026, 11, 30, 17, 0, tzinfo=UTC)  # 1 Dec 01:00 in Shanghai
    start, end = period_bounds("last_month", now=now, zone=SHANGHAI)
    assert (start, end) == (
        datetime(2026, 11, 1, tzinfo=SHANGHAI),
        datetime(2026, 12, 1, tzinfo=SHANGHAI),
    )
    start, end = period_bounds("last_month", now=datetime(2027, 1, 5, tzinfo=UTC), zone=SHANGHAI)
    assert start == datetime(2026, 12, 1, tzinfo=SHANGHAI)


def test_typed_days_are_whole_days_in_local_time() -> None:
    start, end = day_bounds(date(2026, 11, 1), date(2026, 11, 30), zone=SHANGHAI)
    assert start == datetime(2026, 10, 31, 16, 0, tzinfo=UTC)
    assert end == datetime(2026, 11, 30, 16, 0, tzinfo=UTC)


MONDAY = date(2026, 12, 7)


@pytest.mark.parametrize(
    ("said", "days"),
    [
        ("上个月的", ("2026-11-01", "2026-11-30")),
        ("上月", ("2026-11-01", "2026-11-30")),
        ("last month", ("2026-11-01", "2026-11-30")),
        ("本周统计", ("2026-12-07", "2026-12-07")),  # Monday: the week so far
        ("上周", ("2026-11-30", "2026-12-06")),
        ("上週", ("2026-11-30", "2026-12-06")),  # as the zh-Hant hint writes it
        ("这个月的台账", ("2026-12-01", "2026-12-07")),
        ("今年", ("2026-01-01", "2026-12-07")),
        ("去年的", ("2025-01-01", "2025-12-31")),
        ("昨天", ("2026-12-06", "2026-12-06")),
        ("11月", ("2026-11-01", "2026-11-30")),
        ("十一月份", ("2026-11-01", "2026-11-30")),
        ("2月", ("2026-02-01", "2026-02-28")),
        ("November", ("2026-11-01", "2026-11-30")),
        ("最近30天", ("2026-11-08", "2026-12-07")),
        ("近一周", ("2026-12-01", "2026-12-07")),
        ("过去3个月", ("2026-09-08", "2026-12-07")),
        ("2026年11月", ("2026-11-01", "2026-11-30")),
        ("２０２６年１１月", ("2026-11-01", "2026-11-30")),
        ("上个月的数据看一下", ("2026-11-01", "2026-11-30")),
        ("show me the stats for last week", ("2026-11-30", "2026-12-06")),
        # asked as a question, or for the ledger to be sent
        ("本月满意率多少", ("2026-12-01", "2026-12-07")),
        ("上个月的响应率是多少？", ("2026-11-01", "2026-11-30")),
        ("这个月的台账发我一下", ("2026-12-01", "2026-12-07")),
        ("导出上个月的台账", ("2026-11-01", "2026-11-30")),
        ("what were last month's figures", ("2026-11-01", "2026-11-30")),
    ],
)
def test_period_said_in_words(said: str, days: tuple[str, str]) -> None:
    found = said_period(said, today=MONDAY)
    assert found is not None and (found[0].isoformat(), found[1].isoformat()) == days


@pytest.mark.parametrize(
    "said", ["统计", "路灯坏了", "1号楼", "3", "13月", "最近0天", "上上上个月", ""]
)
def test_not_a_period(said: str) -> None:
    assert said_period(said, today=MONDAY) is None


def test_stats_alone() -> None:
    assert stats_alone("统计") and stats_alone("看看台账") and stats_alone("stats please")
    assert stats_alone("满意率多少") and stats_alone("导出台账")
    assert not stats_alone("上个月的统计") and not stats_alone("路灯坏了") and not stats_alone("")


@pytest.mark.parametrize(
    ("said", "days"),
    [
        ("今天有几个新诉求", ("2026-12-07", "2026-12-07")),
        ("今天来了多少单", ("2026-12-07", "2026-12-07")),
        ("how many new requests today?", ("2026-12-07", "2026-12-07")),
        ("这周有多少诉求", ("2026-12-07", "2026-12-07")),  # MONDAY: the week began today
        ("昨天收到了几个诉求？", ("2026-12-06", "2026-12-06")),
        ("上个月一共来了多少工单", ("2026-11-01", "2026-11-30")),
        ("How many requests came in last week", ("2026-11-30", "2026-12-06")),
    ],
)
def test_how_many_came_in_a_period(said: str, days: tuple[str, str]) -> None:
    """'今天有几个新诉求': the figures of that period answer it (was kept as a matter)."""
    found = counts_period(said, today=MONDAY)
    assert found is not None and (found[0].isoformat(), found[1].isoformat()) == days


@pytest.mark.parametrize(
    "said",
    [
        "有几个新诉求",  # no period: not read as one
        "今天停水了多少户",  # a matter, with a period in it
        "今天有几个单元停电",
        "今天诉求",  # nothing asked
        "今天多少度",
        "",
    ],
)
def test_not_how_many_came_in(said: str) -> None:
    assert counts_period(said, today=MONDAY) is None


@pytest.mark.parametrize(
    ("said", "preset"),
    [
        ("这周", "week"),
        ("本周的统计", "week"),
        ("这周有多少诉求", "week"),
        ("本月", "month"),
        ("这个月的台账发我一下", "month"),
        ("this month stats", "month"),
        ("上个月的", "last_month"),
        ("今年", "year"),
        ("最近30天", None),
        ("上周", None),
        ("11月", None),
        ("5月", None),
        ("今天", None),  # on a Monday too: not 本周
        ("今天有几个新诉求", None),
        ("2026-11", None),
    ],
)
def test_a_buttons_period_said_in_words(said: str, preset: str | None) -> None:
    """'这周' / '本月' said in words is the 本周 / 本月 button's period (titled as it is)."""
    assert said_preset(said) == preset


@pytest.mark.parametrize(
    ("said", "days"),
    [
        ("哪个社区超期最多", ("2026-12-01", "2026-12-07")),  # no period said: this month
        ("哪个网格满意率最低？", ("2026-12-01", "2026-12-07")),
        ("上个月谁接单最多", ("2026-11-01", "2026-11-30")),
        ("最近30天哪个社区诉求最多", ("2026-11-08", "2026-12-07")),
        ("which community has the most overdue", ("2026-12-01", "2026-12-07")),
        ("which grid had the lowest satisfaction last month", ("2026-11-01", "2026-11-30")),
    ],
)
def test_which_comes_first_in_a_figure(said: str, days: tuple[str, str]) -> None:
    """'哪个社区超期最多': the figures' breakdowns answer it (was kept as a matter)."""
    found = ranked_period(said, today=MONDAY)
    assert found is not None and (found[0].isoformat(), found[1].isoformat()) == days


@pytest.mark.parametrize(
    "said",
    [
        "谁家最吵",
        "楼上谁最吵了",
        "哪个社区管这个事",
        "哪个师傅修得最好",
        "哪个单元停电最多次数了啊哈哈",
        "",
    ],
)
def test_not_which_comes_first(said: str) -> None:
    assert ranked_period(said, today=MONDAY) is None


@pytest.mark.parametrize(
    ("said", "days"),
    [
        ("这个月各社区情况怎么样", ("2026-12-01", "2026-12-07")),
        ("全街道本月统计", ("2026-12-01", "2026-12-07")),
        ("上个月各网格的数据", ("2026-11-01", "2026-11-30")),
        ("last month by community stats", ("2026-11-01", "2026-11-30")),
    ],
)
def test_period_said_with_a_breakdown(said: str, days: tuple[str, str]) -> None:
    """The figures are broken down by community and grid anyway: those words change nothing."""
    found = said_period(said, today=MONDAY)
    assert found is not None and (found[0].isoformat(), found[1].isoformat()) == days
