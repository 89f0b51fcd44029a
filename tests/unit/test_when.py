"""services.when: the times staff type in chat, read in local time relative to the clock."""

from __future__ import annotations

import re
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.i18n import Translator
from services.errors import InvalidInput
from services.when import (
    WhichDay,
    example_text,
    parse_duration,
    parse_when,
    quiet_span_said,
    when_args,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
FRIDAY = datetime(2026, 12, 4, 2, 0, tzinfo=UTC)  # Friday 2026-12-04 10:00 in Shanghai
NEW_YEARS_EVE = datetime(2026, 12, 31, 4, 0, tzinfo=UTC)  # Thursday 12:00 in Shanghai


def local(text: str, now: datetime = FRIDAY) -> str:
    """The time read, shown in Shanghai time with its weekday."""
    when = parse_when(text, zone=SHANGHAI, now=now)
    assert when.tzinfo is UTC
    return when.astimezone(SHANGHAI).strftime("%Y-%m-%d %a %H:%M")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the formats read before keep working
        ("2026-12-10 19:30", "2026-12-10 Thu 19:30"),
        ("2026-12-10T19:30", "2026-12-10 Thu 19:30"),
        ("12-10 19:30", "2026-12-10 Thu 19:30"),
        ("12/10 19:30", "2026-12-10 Thu 19:30"),
        ("12月10日 19点30", "2026-12-10 Thu 19:30"),
        ("12月10日19点", "2026-12-10 Thu 19:00"),
        ("2027年1月5日 9点", "2027-01-05 Tue 09:00"),
        ("2026-11-28 19:30", "2026-11-28 Sat 19:30"),  # past with a year: the caller refuses
        ("11-28 19:30", "2027-11-28 Sun 19:30"),  # no year and past this year: next year's
        # days relative to today
        ("今天 19:30", "2026-12-04 Fri 19:30"),
        ("今天 9:00", "2026-12-04 Fri 09:00"),  # passed: the caller refuses
        ("明天 19:30", "2026-12-05 Sat 19:30"),
        ("明天晚上8点", "2026-12-05 Sat 20:00"),
        ("明天的晚上8点", "2026-12-05 Sat 20:00"),
        ("后天 上午9点", "2026-12-06 Sun 09:00"),
        ("大后天 14:00", "2026-12-07 Mon 14:00"),
        ("明晚7点", "2026-12-05 Sat 19:00"),
        ("今晚8点半", "2026-12-04 Fri 20:30"),
        ("明早8点", "2026-12-05 Sat 08:00"),
        # weekdays: bare = the coming one; 下 = next calendar week; 本/这 = this week
        ("周六 9:30", "2026-12-05 Sat 09:30"),
        ("星期日 10:00", "2026-12-06 Sun 10:00"),
        ("礼拜天 下午3点", "2026-12-06 Sun 15:00"),
        ("周五 19:30", "2026-12-04 Fri 19:30"),  # today, still ahead
        ("周五 9:00", "2026-12-11 Fri 09:00"),  # today, already passed: next week's
        ("周一 9点", "2026-12-07 Mon 09:00"),
        ("下周三 19:30", "2026-12-09 Wed 19:30"),
        ("下周三 下午3点", "2026-12-09 Wed 15:00"),
        ("下个星期五 晚上7点", "2026-12-11 Fri 19:00"),
        ("下周日 10:00", "2026-12-13 Sun 10:00"),
        ("下下周一 9点", "2026-12-14 Mon 09:00"),
        ("这周六 10:00", "2026-12-05 Sat 10:00"),
        ("本周一 9点", "2026-11-30 Mon 09:00"),  # passed: the caller refuses
        # times of day
        ("下午3点", "2026-12-04 Fri 15:00"),
        ("晚上7点半", "2026-12-04 Fri 19:30"),
        ("中午12点", "2026-12-04 Fri 12:00"),
        ("中午1点", "2026-12-04 Fri 13:00"),
        ("上午11点", "2026-12-04 Fri 11:00"),
        ("上午9点", "2026-12-05 Sat 09:00"),  # passed today: tomorrow
        ("晚上7点15分", "2026-12-04 Fri 19:15"),
        ("晚上7点一刻", "2026-12-04 Fri 19:15"),
        ("下午15点", "2026-12-04 Fri 15:00"),
        ("19:30", "2026-12-04 Fri 19:30"),  # today, still ahead
        ("9:30", "2026-12-05 Sat 09:30"),  # passed today: tomorrow
        ("10:00", "2026-12-05 Sat 10:00"),  # exactly now is not ahead
        ("晚上七点半", "2026-12-04 Fri 19:30"),
        ("十二月十日 晚上七点", "2026-12-10 Thu 19:00"),
        # full-width digits, colon and spaces
        ("１９：３０", "2026-12-04 Fri 19:30"),
        ("明天　１９：３０", "2026-12-05 Sat 19:30"),
        ("１２－１０ １９：３０", "2026-12-10 Thu 19:30"),
        # English
        ("tomorrow 19:30", "2026-12-05 Sat 19:30"),
        ("Tomorrow at 7pm", "2026-12-05 Sat 19:00"),
        ("today 8pm", "2026-12-04 Fri 20:00"),
        ("tonight 8:30pm", "2026-12-04 Fri 20:30"),
        ("Sat 9:30am", "2026-12-05 Sat 09:30"),
        ("Saturday 9:30 am", "2026-12-05 Sat 09:30"),
        ("sun 12pm", "2026-12-06 Sun 12:00"),
        ("Mon 12am", "2026-12-07 Mon 00:00"),
        ("next Wed 7:30pm", "2026-12-09 Wed 19:30"),
        ("Thursday, 19:30", "2026-12-10 Thu 19:30"),
    ],
)
def test_reads_what_staff_type(text: str, expected: str) -> None:
    assert local(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("明天 9:00", "2027-01-01 Fri 09:00"),
        ("明晚7点", "2027-01-01 Fri 19:00"),
        ("后天 8点", "2027-01-02 Sat 08:00"),
        ("大后天 8点", "2027-01-03 Sun 08:00"),
        ("周六 10:00", "2027-01-02 Sat 10:00"),
        ("周四 9:00", "2027-01-07 Thu 09:00"),  # today has passed
        ("下周一 9点", "2027-01-04 Mon 09:00"),
        ("下周四 9点", "2027-01-07 Thu 09:00"),
        ("19:30", "2026-12-31 Thu 19:30"),
        ("09:00", "2027-01-01 Fri 09:00"),
        ("01-05 10:00", "2027-01-05 Tue 10:00"),
        ("1月5日 10点", "2027-01-05 Tue 10:00"),
        ("12-31 20:00", "2026-12-31 Thu 20:00"),
        ("12-31 9:00", "2027-12-31 Fri 09:00"),  # no year, passed this year: next year's
        ("tomorrow 8pm", "2027-01-01 Fri 20:00"),
    ],
)
def test_new_years_eve_rolls_over_week_month_and_year(text: str, expected: str) -> None:
    assert local(text, NEW_YEARS_EVE) == expected


def test_month_rollover() -> None:
    monday = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)  # Monday 10:00 in Shanghai
    assert local("明天 19:30", monday) == "2026-12-01 Tue 19:30"
    assert local("周三 19:30", monday) == "2026-12-02 Wed 19:30"
    assert local("下周一 19:30", monday) == "2026-12-07 Mon 19:30"


def test_days_are_counted_in_the_local_zone() -> None:
    # 17:00 UTC on Dec 4 is already 01:00 on Dec 5 in Shanghai: the small hours, when
    # '明天' may mean Dec 5's daytime or Dec 6 (asked: services.when.WhichDay)
    late = datetime(2026, 12, 4, 17, 0, tzinfo=UTC)
    with pytest.raises(WhichDay) as asked:
        parse_when("明天 19:30", zone=SHANGHAI, now=late)
    assert asked.value.today == datetime(2026, 12, 5, 11, 30, tzinfo=UTC)
    assert asked.value.tomorrow == datetime(2026, 12, 6, 11, 30, tzinfo=UTC)
    in_utc = parse_when("明天 19:30", zone=UTC, now=late)
    assert in_utc == datetime(2026, 12, 5, 19, 30, tzinfo=UTC)
    # Dec 31 16:30 UTC is Jan 1 00:30 in Shanghai: "today" is already 2027
    eve = datetime(2026, 12, 31, 16, 30, tzinfo=UTC)
    assert parse_when("今天 19:30", zone=SHANGHAI, now=eve) == datetime(
        2027, 1, 1, 11, 30, tzinfo=UTC
    )
    assert parse_when("2026-12-10 19:30", zone=ZoneInfo("Europe/Berlin"), now=FRIDAY) == (
        datetime(2026, 12, 10, 18, 30, tzinfo=UTC)
    )


AFTERNOON = datetime(2026, 12, 4, 7, 0, tzinfo=UTC)  # Friday 2026-12-04 15:00 in Shanghai


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # days before today are read (they were "没看懂这个时间"); the caller says it has passed
        ("昨天晚上7点", "2026-12-03 Thu 19:00"),
        ("昨天 19:30", "2026-12-03 Thu 19:30"),
        ("昨天的晚上7点", "2026-12-03 Thu 19:00"),
        ("昨晚7点", "2026-12-03 Thu 19:00"),
        ("昨早8点", "2026-12-03 Thu 08:00"),
        ("前天 19:30", "2026-12-02 Wed 19:30"),
        ("前天下午3点", "2026-12-02 Wed 15:00"),
        ("前晚8点", "2026-12-02 Wed 20:00"),
        ("大前天 8点", "2026-12-01 Tue 08:00"),
        ("上周五 19:30", "2026-11-27 Fri 19:30"),
        ("上个星期五晚上7点", "2026-11-27 Fri 19:00"),
        ("上礼拜天 10:00", "2026-11-29 Sun 10:00"),
        ("上上周一 9点", "2026-11-16 Mon 09:00"),
        ("上週五 晚上7點", "2026-11-27 Fri 19:00"),  # Traditional characters
        ("yesterday 7pm", "2026-12-03 Thu 19:00"),
        ("last Fri 7pm", "2026-11-27 Fri 19:00"),
        # today's morning named in the afternoon is today's, gone (not tomorrow's)
        ("今天早上8点", "2026-12-04 Fri 08:00"),
        ("今早8点", "2026-12-04 Fri 08:00"),
        # a bare morning time is the next one ahead, as any bare time
        ("早上8点", "2026-12-05 Sat 08:00"),
        ("今晚7点", "2026-12-04 Fri 19:00"),
    ],
)
def test_reads_days_gone_by(text: str, expected: str) -> None:
    assert local(text, AFTERNOON) == expected


@pytest.mark.parametrize(
    "text",
    ["昨天", "昨晚", "昨天晚上", "前天", "大前天", "上周五", "上个礼拜三", "这周一", "yesterday"],
)
def test_a_day_gone_without_a_time_is_said_to_be_over(text: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        parse_when(text, zone=SHANGHAI, now=AFTERNOON)
    assert refused.value.key == "consult-err-day-past"
    assert refused.value.args_ == {"example": "2026-12-11 19:30"}


@pytest.mark.parametrize(
    ("text", "example"),
    [
        ("今天", "今天 19:30"),
        ("周一", "周一 19:30"),
        ("周五", "周五 19:30"),
        ("明天晚上", "明天晚上7点"),
        ("明天上午", "明天上午9点"),
        ("下周五", "下周五 19:30"),
        ("2026-12-10", "2026-12-10 19:30"),
        ("3天后", "3天后 19:30"),
        ("Friday", "Friday 19:30"),
    ],
)
def test_a_day_to_come_without_a_time_is_asked_its_hour(text: str, example: str) -> None:
    """'周五' alone: the hour is asked for, with the day as typed in the example (it used
    to be '没看懂这个时间' with an unrelated example)."""
    with pytest.raises(InvalidInput) as refused:
        parse_when(text, zone=SHANGHAI, now=AFTERNOON)
    assert refused.value.key == "consult-err-day-only"
    assert refused.value.args_ == {"typed": text, "example": example}
    # the example the refusal gives is read
    assert parse_when(example, zone=SHANGHAI, now=AFTERNOON) > AFTERNOON


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("周五", "2026-12-04 Fri 20:00"),  # today, still ahead at 20:00
        ("三天后", "2026-12-07 Mon 20:00"),
        ("一周后", "2026-12-11 Fri 20:00"),
        ("下周三", "2026-12-09 Wed 20:00"),
        ("12月10日", "2026-12-10 Thu 20:00"),
        ("in 2 weeks", "2026-12-18 Fri 20:00"),
        ("周五 18:00", "2026-12-04 Fri 18:00"),  # an hour said is the hour
    ],
)
def test_a_day_alone_read_at_the_usual_hour(text: str, expected: str) -> None:
    """A poll's close typed as a day: that day at the hour given (the step shows it back)."""
    when = parse_when(text, zone=SHANGHAI, now=FRIDAY, day_only_at=time(20, 0))
    assert when.astimezone(SHANGHAI).strftime("%Y-%m-%d %a %H:%M") == expected


@pytest.mark.parametrize("text", ["明天上午", "周五晚上"])
def test_a_day_with_its_part_but_no_hour_is_still_asked(text: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        parse_when(text, zone=SHANGHAI, now=FRIDAY, day_only_at=time(20, 0))
    assert refused.value.key == "consult-err-day-only"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3天后 19:30", "2026-12-07 Mon 19:30"),
        ("三天以后晚上8点", "2026-12-07 Mon 20:00"),
        ("两周后 10:00", "2026-12-18 Fri 10:00"),
        ("1个星期后下午3点", "2026-12-11 Fri 15:00"),
        ("in 3 days 7pm", "2026-12-07 Mon 19:00"),
    ],
)
def test_days_ahead_counted(text: str, expected: str) -> None:
    assert local(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "下周",
        "8",  # a day or an hour?
        "明晚7",
        "2月30日 10:00",
        "2026-02-29 10:00",
        "2027-02-29 10:00",
        "13-01 10:00",
        "25点",
        "24:00",
        "19:60",
        "晚上12点",
        "晚上0点",
        "上午13点",
        "中午6点",
        "13pm",
        "0am",
        "下午3pm",
        "周八 10:00",
        "next week",
        "soon",
        "明天 19:30 左右",
        "19:30:00",
    ],
)
def test_refuses_ambiguous_or_impossible_times(text: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        parse_when(text, zone=SHANGHAI, now=FRIDAY)
    assert refused.value.key == "consult-err-time"
    assert refused.value.args_ == {"example": "2026-12-11 19:30"}


def test_the_error_shows_the_step_example() -> None:
    with pytest.raises(InvalidInput) as refused:
        parse_when("25点", zone=SHANGHAI, now=FRIDAY, example_at=time(20, 0))
    assert refused.value.args_ == {"example": "2026-12-11 20:00"}


def test_leap_day() -> None:
    assert local("2028-02-29 10:00") == "2028-02-29 Tue 10:00"


def test_example_is_the_same_weekday_next_week() -> None:
    assert example_text(FRIDAY, SHANGHAI) == "2026-12-11 19:30"
    assert example_text(FRIDAY, SHANGHAI, at=time(20, 0)) == "2026-12-11 20:00"
    assert example_text(NEW_YEARS_EVE, SHANGHAI) == "2027-01-07 19:30"
    # the local day counts: Friday 20:00 UTC is Saturday in Shanghai
    assert example_text(datetime(2026, 12, 4, 20, 0, tzinfo=UTC), SHANGHAI) == "2026-12-12 19:30"


@given(
    now=st.datetimes(
        min_value=datetime(2020, 1, 1),  # noqa: DTZ001 - hypothesis wants naive bounds
        max_value=datetime(2099, 12, 1),  # noqa: DTZ001
        timezones=st.just(UTC),
    ),
    at=st.times(),
)
def test_example_is_ahead_and_read_back(now: datetime, at: time) -> None:
    at = at.replace(second=0, microsecond=0)
    example = example_text(now, SHANGHAI, at=at)
    read = parse_when(example, zone=SHANGHAI, now=now)
    assert read > now + timedelta(days=6)
    assert read.astimezone(SHANGHAI).weekday() == now.astimezone(SHANGHAI).weekday()
    assert read.astimezone(SHANGHAI).time() == at


@given(
    now=st.datetimes(
        min_value=datetime(2020, 1, 1),  # noqa: DTZ001
        max_value=datetime(2099, 12, 1),  # noqa: DTZ001
        timezones=st.just(UTC),
    ),
    hour=st.integers(0, 23),
    minute=st.integers(0, 59),
)
def test_a_bare_clock_time_is_the_next_one_ahead(now: datetime, hour: int, minute: int) -> None:
    read = parse_when(f"{hour}:{minute:02d}", zone=SHANGHAI, now=now)
    assert now < read <= now + timedelta(days=1)
    assert read.astimezone(SHANGHAI).time() == time(hour, minute)


def test_the_confirmation_shows_date_and_weekday() -> None:
    translator = Translator()
    when = parse_when("下周四 19:30", zone=SHANGHAI, now=FRIDAY)
    args = when_args(when, zone=SHANGHAI, now=FRIDAY)
    assert translator.get("zh-Hans", "date-time", **args) == "12月10日（周四）19:30"
    assert translator.get("en", "date-time", **args) == "Thu 10 Dec, 19:30"
    assert (
        translator.get("zh-Hans", "consult-time-read", **args) == "🕒 时间：12月10日（周四）19:30"
    )
    # another year than today's is shown, so "11-28" read as next year's is visible
    later = parse_when("11-28 19:30", zone=SHANGHAI, now=FRIDAY)
    args = when_args(later, zone=SHANGHAI, now=FRIDAY)
    assert translator.get("zh-Hans", "date-time", **args) == "2027年11月28日（周日）19:30"
    assert translator.get("en", "date-time", **args) == "Sun 28 Nov 2027, 19:30"


def test_no_locale_has_a_fixed_example_date() -> None:
    translator = Translator()
    for key in (
        "meeting-ask-time",
        "meeting-ask-postpone-time",
        "poll-new-ask-close",
        "consult-ask-time-format",
        "consult-err-time",
        "consult-err-day-past",
    ):
        for lang in translator.languages:
            shown = translator.get(lang, key, example="EXAMPLE")
            assert "EXAMPLE" in shown and not re.search(r"\d{4}-\d", shown)


@pytest.mark.parametrize(
    ("typed", "minutes"),
    [
        ("90", 90),
        ("９０分钟", 90),
        ("九十分钟", 90),
        ("一百二十分钟", 120),
        ("一个半小时", 90),
        ("1.5小时", 90),
        ("两小时", 120),
        ("两个小时", 120),
        ("两个半小时", 150),
        ("半小时", 30),
        ("半个小时", 30),
        ("一个钟头", 60),
        ("1小时20分", 80),
        ("一小时二十分钟", 80),
        ("大概一个半小时左右", 90),
        ("兩個小時", 120),  # as the zh-Hant prompt's readers write it
        ("1h30", 90),
        ("2h", 120),
        ("45 mins", 45),
        ("an hour and a half", 90),
        ("one and a half hours", 90),
        ("half an hour", 30),
        ("2 hours 30 minutes", 150),
        ("3 hrs", 180),
    ],
)
def test_duration_in_words(typed: str, minutes: int) -> None:
    assert parse_duration(typed) == minutes


@pytest.mark.parametrize("typed", ["7点", "19:30", "周五", "很久", "个把小时", "", "明天晚上"])
def test_not_a_duration(typed: str) -> None:
    """A time of day or other words are not read as a duration (the step reads a time as the
    meeting's time corrected, and asks again otherwise)."""
    assert parse_duration(typed) is None


@pytest.mark.parametrize(
    ("said", "span"),
    [
        ("夜间免打扰改成23点到7点", ("23:00", "07:00")),
        ("免打扰改为晚上10点半到早上6点", ("22:30", "06:00")),
        ("免打扰改成十一点到七点", ("23:00", "07:00")),  # quiet hours begin in the evening
        ("免打扰改成0点到6点", ("00:00", "06:00")),
        ("set quiet hours to 22:00-07:00", ("22:00", "07:00")),
    ],
)
def test_quiet_hours_said(said: str, span: tuple[str, str]) -> None:
    found = quiet_span_said(said)
    assert found is not None and (found[0].strftime("%H:%M"), found[1].strftime("%H:%M")) == span


@pytest.mark.parametrize(
    "said",
    ["免打扰是几点到几点", "免打扰", "23点到7点", "免打扰改成23点", "楼上晚上11点到1点都很吵", ""],
)
def test_no_quiet_hours_said(said: str) -> None:
    assert quiet_span_said(said) is None
