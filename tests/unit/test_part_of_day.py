"""A part of the day said without its clock time ('下午', '明天上午', 'in the afternoon', 'this
evening'): which part, on which day, the hour a form proposes for it, and a bare clock time
typed afterwards read in it. Before, such words were no time at all."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from services.consult_said import meeting_said
from services.when import PartOfDay, part_clock, part_default, part_of_day

ZONE = ZoneInfo("Asia/Shanghai")
MORNING = datetime(2026, 12, 8, 1, 0, tzinfo=UTC)  # Tue 8 Dec, 09:00 local
AFTERNOON = datetime(2026, 12, 8, 7, 10, tzinfo=UTC)  # 15:10 local


def _local(at: datetime | None) -> str | None:
    return None if at is None else at.astimezone(ZONE).strftime("%m-%d %H:%M")


@pytest.mark.parametrize(
    ("said", "part", "day", "proposed"),
    [
        ("下午", "afternoon", date(2026, 12, 8), "12-08 14:30"),
        ("上午", "morning", date(2026, 12, 8), "12-08 09:30"),
        ("晚上", "evening", date(2026, 12, 8), "12-08 19:30"),
        ("明天下午", "afternoon", date(2026, 12, 9), "12-09 14:30"),
        ("明晚", "evening", date(2026, 12, 9), "12-09 19:30"),
        ("下周三晚上", "evening", date(2026, 12, 16), "12-16 19:30"),
        ("in the afternoon", "afternoon", date(2026, 12, 8), "12-08 14:30"),
        ("in the morning", "morning", date(2026, 12, 8), "12-08 09:30"),
        ("this evening", "evening", date(2026, 12, 8), "12-08 19:30"),
        ("tomorrow morning", "morning", date(2026, 12, 9), "12-09 09:30"),
        ("tonight", "evening", date(2026, 12, 8), "12-08 19:30"),
    ],
)
def test_a_part_of_the_day_and_the_hour_proposed(
    said: str, part: str, day: date, proposed: str
) -> None:
    read = part_of_day(said, zone=ZONE, now=MORNING)
    assert read == PartOfDay(part=part, day=day)
    assert _local(part_default(read, zone=ZONE, now=MORNING)) == proposed


@pytest.mark.parametrize("said", ["下午3点", "明天", "昨天下午", "hold a meeting", "", "3点"])
def test_no_part_of_the_day_without_its_hour(said: str) -> None:
    assert part_of_day(said, zone=ZONE, now=MORNING) is None


def test_todays_part_proposes_a_later_half_hour_then_nothing() -> None:
    """'下午' said at 15:10: 16:00 (its 14:30 is gone); '上午' then: nothing to propose."""
    afternoon = part_of_day("下午", zone=ZONE, now=AFTERNOON)
    assert afternoon is not None
    assert _local(part_default(afternoon, zone=ZONE, now=AFTERNOON)) == "12-08 16:00"
    morning = part_of_day("上午", zone=ZONE, now=AFTERNOON)
    assert morning is not None and part_default(morning, zone=ZONE, now=AFTERNOON) is None


@pytest.mark.parametrize(
    ("part", "typed", "expected"),
    [
        ("afternoon", "3点", "12-09 15:00"),
        ("afternoon", "3:30", "12-09 15:30"),
        ("evening", "7点半", "12-09 19:30"),
        ("morning", "10点", "12-09 10:00"),
        ("afternoon", "15:00", "12-09 15:00"),
        ("afternoon", "上午10点", None),  # said whole: read as said
        ("afternoon", "周五 3点", None),
        ("afternoon", "好的", None),
    ],
)
def test_a_clock_time_typed_in_the_part_said(part: str, typed: str, expected: str | None) -> None:
    said = PartOfDay(part=part, day=date(2026, 12, 9))
    assert _local(part_clock(said, typed, zone=ZONE)) == expected


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("下午开个会", "下午"),
        ("晚上开个会，讨论停车", "晚上"),
        ("明天下午开个会", "明天下午"),
        ("下午开议事会", "下午"),
        ("hold a meeting in the afternoon", "in the afternoon"),
        ("hold a meeting this evening", "this evening"),
        ("hold a meeting tomorrow afternoon", "tomorrow afternoon"),
        ("let's have a meeting in the morning", "in the morning"),
    ],
)
def test_a_meeting_said_with_a_part_of_the_day(text: str, when: str) -> None:
    said = meeting_said(text)
    assert said is not None and said.when == when and said.rest is None, said


@pytest.mark.parametrize("text", ["我下午开会", "下午要开会，晚点回复", "下午开个会，晚点回复"])
def test_a_meeting_they_have_is_none_to_set_up(text: str) -> None:
    assert meeting_said(text) is None
