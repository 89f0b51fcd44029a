"""Times staff type in chat ("明晚7点", "下周三 19:30", "Sat 9:30am") → aware UTC; and back.

Framework-free: the handlers pass the text, the local zone (settings.zone) and the injected
clock's now. Everything is read in local time relative to that now.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from services.errors import InvalidInput
from services.triage.text import to_simplified
from services.validation import whole_number

MEETING_EXAMPLE_AT = time(19, 30)
POLL_CLOSE_EXAMPLE_AT = time(20, 0)

_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_CN_NUMBER = re.compile(r"[零〇一二两三四五六七八九十]+")
# which hours a word before the time stands for ("下午3点" → 15:00)
_AFTERNOON = {"下午", "午后", "傍晚", "pm", "p.m."}
_EVENING = {"晚上", "夜里", "夜间", "晚", "今晚", "明晚", "昨晚", "昨夜", "前晚", "tonight"}
_MORNING = {"凌晨", "早上", "早晨", "清晨", "上午", "早", "今早", "明早", "昨早", "am", "a.m."}
# days before today are read too ("昨天晚上7点", "上周五 19:30"), so that staff are told the
# time has passed rather than that it was not understood
_DAY_WORDS = {
    "大前天": -3,
    "前天": -2,
    "前日": -2,
    "前晚": -2,
    "昨天": -1,
    "昨日": -1,
    "昨晚": -1,
    "昨夜": -1,
    "昨早": -1,
    "yesterday": -1,
    "今天": 0,
    "今日": 0,
    "今晚": 0,
    "今早": 0,
    "today": 0,
    "tonight": 0,
    "明天": 1,
    "明日": 1,
    "明晚": 1,
    "明早": 1,
    "tomorrow": 1,
    "tmr": 1,
    "后天": 2,
    "后日": 2,
    "大后天": 3,
}

# the hours of the working day said by name ('明天下班前' is tomorrow 18:00): read as these
# clock times, which a form says back (named_time), since a workplace may keep other hours
WORKDAY_TIMES = {"下班": time(18, 0), "上班": time(9, 0)}
_WORKDAY_WORD = re.compile("|".join(WORKDAY_TIMES))

# '明天' typed in the small hours (local, before SMALL_HOURS_END): someone awake at 1 am often
# means the coming daytime (today's date), not the day after it; they are asked which (WhichDay)
SMALL_HOURS_END = time(5, 0)
_TOMORROW_WORDS = frozenset({"明天", "明日", "明晚", "明早", "tomorrow", "tmr"})


class WhichDay(InvalidInput):
    """'明天 19:30' typed in the small hours: today's date or tomorrow's? `today` and `tomorrow`
    are the two readings (aware UTC); the person is asked to choose (when-which-day)."""

    def __init__(self, *, today: datetime, tomorrow: datetime) -> None:
        super().__init__("when-which-day")
        self.today = today
        self.tomorrow = tomorrow


_DATE = (
    r"(?:(?P<y>\d{4})[-/.年])?(?P<mo>\d{1,2})[-/.月](?P<d>\d{1,2})[日号]?"
    r"|(?P<rel>大后天|今天|今日|今晚|今早|明天|明日|明晚|明早|后天|后日|today|tonight|tomorrow|tmr"
    r"|大前天|前天|前日|前晚|昨天|昨日|昨晚|昨夜|昨早|yesterday)"
    r"|(?P<after>\d{1,3})\s*(?P<unit>天|日|周|个星期|星期|个礼拜|礼拜)(?:后|之后|以后)"
    r"|in\s+(?P<after_en>\d{1,3})\s+(?P<unit_en>days?|weeks?)"
    r"|(?P<wpre>下下个?|下个?|上上个?|上个?|本|这个?)?(?:周|星期|礼拜)(?P<wd>[1-7日天])"
    r"|(?:(?P<wen_pre>next|this|last)\s+)?(?P<wen>mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?"
    r"|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?"
)
_PERIOD = r"凌晨|早上|早晨|清晨|上午|中午|午后|下午|傍晚|晚上|夜里|夜间|晚|早"
_CLOCK = (
    r"(?P<h>\d{1,2})"
    r"(?:(?P<colon>:)(?P<m>\d{2})|(?P<dian>[点时])(?:(?P<half>半)|(?P<q>[1-3])刻|(?P<m2>\d{1,2})分?|钟|整)?)?"
    r"\s*(?P<ampm>am|pm|a\.m\.|p\.m\.)?"
)
_WHEN = re.compile(
    rf"^(?:(?:{_DATE})(?:\s*t\s*|[\s,]*)(?:at\s+)?(?:的\s*)?)?"
    rf"(?P<period>{_PERIOD})?\s*{_CLOCK}$"
)
# a day without a clock time ("昨天", "上周五晚上"): refused, but one already gone is said so
_DAY_ONLY = re.compile(rf"^(?:{_DATE})\s*(?:的\s*)?(?P<period>{_PERIOD})?$")


@dataclass(frozen=True)
class _Read:
    """What the text said, before it is placed on the calendar."""

    hour: int
    minute: int
    groups: dict[str, Any]


def _normalize(text: str) -> str:
    """Full-width digits/colon/spaces to ASCII, Traditional characters to Simplified ones
    (下週三 晚上7點半, as the zh-Hant prompts suggest), Chinese numerals to digits, lower case."""
    text = to_simplified(unicodedata.normalize("NFKC", text)).strip().lower()
    # a remark in brackets is not part of the time: '12月10日（周四）19:30' as the bot writes a
    # date, '12月7日 19:30（今天白天）' as the which-day buttons say it
    text = re.sub(r"\s*\([^()]*\)\s*", " ", text).strip()
    text = re.sub(r"\s+", " ", text)
    # '明天下班' → '明天 18:00' (a period before it, '明天下午下班', is dropped with it)
    text = re.sub(
        rf"(?:{_PERIOD})?\s*({_WORKDAY_WORD.pattern})",
        lambda m: " " + WORKDAY_TIMES[m.group(1)].strftime("%H:%M"),
        text,
    ).strip()
    return _CN_NUMBER.sub(lambda m: str(_cn_number(m.group())), text)


def _cn_number(run: str) -> str:
    """ "十二" → "12", "二十" → "20", "七" → "7", "二零二六" → "2026" (validation.whole_number,
    digit by digit where there is no 十, as a year or a minute is read out: "零五" → "05")."""
    digits = run.replace("〇", "零")
    if "十" not in digits:
        return "".join(str(whole_number(c)) for c in digits)
    number = whole_number(digits)
    # not a number people write for a date or time ("十十", "零十"): the parse refuses it
    return run if number is None else str(number)


def _hour_of_day(hour: int, period: str | None) -> int | None:
    """The 0-23 hour a word like 下午/晚上/am/pm makes of the typed hour; None if impossible."""
    if period is None:
        return hour if 0 <= hour <= 23 else None
    if period in _AFTERNOON or period in _EVENING:
        if 1 <= hour <= 11:
            return hour + 12
        if hour == 12 and period in _AFTERNOON:
            return 12
        return hour if 13 <= hour <= 23 else None
    if period == "中午":
        if 1 <= hour <= 3:
            return hour + 12
        return hour if 10 <= hour <= 14 else None
    if period in _MORNING:
        if hour == 12 and period in {"am", "a.m."}:
            return 0
        return hour if 0 <= hour <= 11 else None
    return None  # pragma: no cover - every period word is in one of the sets


def _read(text: str) -> _Read | None:
    """The hour and minute typed, and the matched parts; None if it is no time we read."""
    match = _WHEN.match(_normalize(text))
    if not match:
        return None
    g = match.groupdict()
    hour = int(g["h"])
    if g["colon"] is None and g["dian"] is None and g["ampm"] is None:
        return None  # a bare "8": a day of the month or an hour? ask again
    if g["half"]:
        minute = 30
    elif g["q"]:
        minute = 15 * int(g["q"])
    else:
        minute = int(g["m"] or g["m2"] or 0)
    if g["ampm"] is not None and g["period"] is not None:
        return None
    if g["ampm"] is not None and not 1 <= hour <= 12:
        return None
    implied = g["rel"] if g["rel"] in _EVENING or g["rel"] in _MORNING else None
    period = g["ampm"] or g["period"] or implied
    day_hour = _hour_of_day(hour, period)
    if day_hour is None or not 0 <= minute <= 59:
        return None
    return _Read(hour=day_hour, minute=minute, groups=g)


def _with_hour(typed: str, at: time) -> str:
    """A day typed without its hour, with one that fits the part of the day said ('周五' →
    '周五 19:30', '明天上午' → '明天上午9点'): the example the refusal gives."""
    match = _DAY_ONLY.match(_normalize(typed))
    period = match.group("period") if match is not None else None
    if period is None:
        return f"{typed} {at.strftime('%H:%M')}"
    if period in _MORNING or period == "早":
        return f"{typed}9点"
    if period == "中午":
        return f"{typed}12点"
    return f"{typed}{'3' if period in _AFTERNOON else '7'}点"


def _days_ahead(g: dict[str, Any]) -> int | None:
    """The days a '3天后' / '两周后' / 'in 2 weeks' counts from today, if it was said."""
    count, unit = (
        (g["after"], g["unit"]) if g["after"] is not None else (g["after_en"], g["unit_en"])
    )
    if count is None:
        return None
    weeks = unit.startswith(("week", "周", "星期", "个星期", "礼拜", "个礼拜"))
    return int(count) * (7 if weeks else 1)


_WEEK_PREFIX = {"下下": "after-next", "下": "next", "上上": "before-last", "上": "last"}


def _weekday(g: dict[str, Any]) -> tuple[int, str] | None:
    """(Monday=0 weekday, "next"/"after-next"/"last"/"before-last"/"this"/"") of a typed
    weekday, if any."""
    if g["wd"] is not None:
        wd = 6 if g["wd"] in "日天7" else int(g["wd"]) - 1
        pre = (g["wpre"] or "").removesuffix("个")
        return wd, "this" if pre in {"本", "这"} else _WEEK_PREFIX.get(pre, "")
    if g["wen"] is not None:
        return _WEEKDAYS.index(g["wen"][:3]), g["wen_pre"] or ""
    return None


def parse_when(
    text: str | None,
    *,
    zone: tzinfo,
    now: datetime,
    example_at: time = MEETING_EXAMPLE_AT,
    day_only_at: time | None = None,
) -> datetime:
    """A time staff typed, read in local time relative to now → aware UTC.

    Reads "2026-12-10 19:30", "12-10 19:30", "12月10日 晚上7点半", "明天 19:30", "明晚7点",
    "下周三 下午3点", "周六 9:30" (the coming one), "19:30" (today if still ahead, else
    tomorrow), full-width digits, "tomorrow 19:30", "today 8pm", "Sat 9:30am". A date without
    a year that has passed this year is next year's. Days before today are read too
    ("昨天晚上7点", "前天 19:30", "上周五 19:30", "yesterday 7pm", "last Fri 7pm"): whether the
    time may be in the past is the caller's rule. A day already over named without a time
    ("昨天", "上周五晚上") is refused with consult-err-day-past; anything else (2月30日, 25点,
    a bare "8") with consult-err-time. Both carry example_text(now, zone,
    at=example_at) as their example. '明天' (明晚, tomorrow …) typed before 05:00 local raises
    WhichDay with both readings, as long as today's is still ahead. A remark in brackets is
    left out ('12月10日（周四）19:30'). Days ahead are counted too ('3天后 19:30', '两周后晚上8点',
    'in 3 days 7pm').

    A day still to come named without a clock time ('周五', '3天后', '明天上午') is read at
    `day_only_at` when one is given and no part of the day was said (a poll's close: that day
    at its usual hour, which the step shows back); else it is refused with
    consult-err-day-only, which asks for the hour.
    """
    read = _read(text or "")
    local_now = now.astimezone(zone)
    today = local_now.date()
    if read is None:
        gone = _day_gone(text or "", today)
        example = example_text(now, zone, at=example_at)
        if not gone and day_without_time(text):
            period = _DAY_ONLY.match(_normalize(text or ""))
            said_period = period is not None and period.group("period") is not None
            if day_only_at is not None and not said_period:
                # '周五', '3天后' for a poll's close: that day at the usual hour, shown back
                at = f"{text} {day_only_at.strftime('%H:%M')}"
                return parse_when(at, zone=zone, now=now, example_at=example_at)
            typed = (text or "").strip()
            raise InvalidInput(
                "consult-err-day-only", typed=typed, example=_with_hour(typed, example_at)
            )
        raise InvalidInput("consult-err-day-past" if gone else "consult-err-time", example=example)
    g = read.groups
    clock_at = time(read.hour, read.minute)
    try:
        if g["mo"] is not None:
            day = date(int(g["y"]) if g["y"] else today.year, int(g["mo"]), int(g["d"]))
            if not g["y"] and _at(day, clock_at, zone) < local_now:
                day = day.replace(year=day.year + 1)
        elif g["rel"] is not None:
            day = today + timedelta(days=_DAY_WORDS[g["rel"]])
            if g["rel"] in _TOMORROW_WORDS and local_now.time() < SMALL_HOURS_END:
                # '明天' at 1 am: the coming daytime (today's date) may be meant; asked, unless
                # that reading has already gone by
                meant_today = _at(today, clock_at, zone)
                if meant_today > local_now:
                    raise WhichDay(
                        today=meant_today.astimezone(UTC),
                        tomorrow=_at(day, clock_at, zone).astimezone(UTC),
                    )
        elif (ahead := _days_ahead(g)) is not None:  # '3天后 19:30', 'in 2 weeks 8pm'
            day = today + timedelta(days=ahead)
        elif (weekday := _weekday(g)) is not None:
            day = _on_weekday(today, *weekday, ahead=lambda d: _at(d, clock_at, zone) > local_now)
        else:
            day = today if _at(today, clock_at, zone) > local_now else today + timedelta(days=1)
    except ValueError:
        raise _refused(now, zone, example_at) from None
    return _at(day, clock_at, zone).astimezone(UTC)


# staff changing the community's quiet hours in words ('夜间免打扰改成23点到7点', '免打扰改为晚上
# 10点半到早上6点', 'set quiet hours to 22:00-07:00'): the quiet words, a change asked, two times
_QUIET_NAMED = re.compile(r"免打扰|勿扰|静音时段|quiet hours|quiet time|do not disturb")
_QUIET_CHANGE = re.compile(
    r"改成|改为|改到|设为|设成|设置为|设置成|设置|调成|调到|调整为|调整到|定为|定成|换成|\bset\b|"
    r"\bchange\b|\bmake\b|\bmove\b"
)
_A_CLOCK_TIME = re.compile(
    rf"(?:{_PERIOD})?\s*\d{{1,2}}(?::\d{{2}}|[点时](?:半|[1-3]刻|\d{{1,2}}分?|钟|整)?)"
    r"(?:\s*(?:am|pm|a\.m\.|p\.m\.))?"
)


def quiet_span_said(text: str | None) -> tuple[time, time] | None:
    """The new quiet hours a short message asks for ('夜间免打扰改成23点到7点' → 23:00–07:00,
    '免打扰改为晚上10点半到早上6点', 'set quiet hours to 22:00-07:00'), or None: no quiet
    words, no change asked, or not two clock times."""
    if not text or len(text) > 60:
        return None
    said = _normalize(text)
    if not _QUIET_NAMED.search(said) or not _QUIET_CHANGE.search(said):
        return None
    found = [_read(m.group().strip()) for m in _A_CLOCK_TIME.finditer(said)]
    if len(found) != 2 or any(r is None for r in found):
        return None
    first, last = (r for r in found if r is not None)
    start_hour = first.hour
    if 6 <= start_hour <= 11 and not (first.groups["period"] or first.groups["ampm"]):
        start_hour += 12  # '十一点到七点': quiet hours begin in the evening
    return time(start_hour, first.minute), time(last.hour, last.minute)


def named_time(text: str | None) -> tuple[str, time] | None:
    """The working-day hour named in a time typed ('明天下班前' → ('下班', 18:00)), which
    parse_when read as that clock time: for the form to say back how it read the words."""
    found = _WORKDAY_WORD.search(to_simplified(text or ""))
    return None if found is None else (found.group(), WORKDAY_TIMES[found.group()])


def day_without_time(text: str | None) -> bool:
    """A day named without a clock time ('周五', '明天', '12月9日', '下周三晚上'), which
    parse_when refuses: a step can ask for the hour rather than say it was not understood."""
    return _DAY_ONLY.match(_normalize(text or "")) is not None


def _day_gone(text: str, today: date) -> bool:
    """A day named without a clock time that is already over ("昨天", "前天晚上", "上周五")."""
    match = _DAY_ONLY.match(_normalize(text))
    if not match:
        return False
    g = match.groupdict()
    if g["rel"] is not None:
        return _DAY_WORDS[g["rel"]] < 0
    weekday = _weekday(g)
    # a bare weekday is the coming one (today included): never gone
    return weekday is not None and _on_weekday(today, *weekday, ahead=lambda _: True) < today


def _on_weekday(today: date, weekday: int, which: str, *, ahead: Any) -> date:
    """The date of a weekday: in the calendar week (Monday first) before last, last, this,
    next or after next, or the coming one (today if the time is still ahead)."""
    monday = today - timedelta(days=today.weekday())
    weeks = {"before-last": -2, "last": -1, "this": 0, "next": 1, "after-next": 2}
    if which in weeks:
        return monday + timedelta(days=7 * weeks[which] + weekday)
    day = today + timedelta(days=(weekday - today.weekday()) % 7)
    return day if ahead(day) else day + timedelta(days=7)


def _at(day: date, clock_at: time, zone: tzinfo) -> datetime:
    return datetime.combine(day, clock_at, tzinfo=zone)


def _refused(now: datetime, zone: tzinfo, example_at: time) -> InvalidInput:
    return InvalidInput("consult-err-time", example=example_text(now, zone, at=example_at))


def example_text(now: datetime, zone: tzinfo, *, at: time = MEETING_EXAMPLE_AT) -> str:
    """The example a time step shows: the same weekday next week at `at`, local, in the
    "YYYY-MM-DD HH:MM" form the step reads — never a day in the past."""
    day = now.astimezone(zone).date() + timedelta(days=7)
    return _at(day, at, zone).strftime("%Y-%m-%d %H:%M")


def when_args(when: datetime, *, zone: tzinfo, now: datetime) -> dict[str, Any]:
    """The placeables of the date-time text ("12月10日（周四）19:30"): the year only when it is not
    this year's, so a date read as next year's is visible."""
    local = when.astimezone(zone)
    return {
        "year": str(local.year) if local.year != now.astimezone(zone).year else "none",
        "month": local.month,
        "day": local.day,
        "weekday": _WEEKDAYS[local.weekday()],
        "time": local.strftime("%H:%M"),
    }


# How long, typed in words: '90', '九十分钟', '一个半小时', '1.5小时', '两个钟头', '1小时20分',
# 'an hour and a half', '2h', '45 mins'. Read to minutes by parse_duration.
_DURATION_CN_NUMBER = re.compile(r"[零〇一二两俩三四五六七八九十百]+")
_DURATION_EN_NUMBERS = {
    "an": "1",
    "a": "1",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
}
_HOURS = r"(?:个)?(?:小时|钟头|个钟|hours?|hrs?|h)"
_MINUTES = r"(?:分钟|分|minutes?|mins?|m)"
_DURATION = re.compile(
    rf"^(?:(?P<h>\d+(?:\.\d+)?)?(?:个)?(?P<half>半)?{_HOURS}(?P<hhalf>半|andhalf)?"
    rf"(?:(?P<m>\d+){_MINUTES}?)?|(?P<only>\d+){_MINUTES}?)$"
)
_AROUND = re.compile(
    r"^(?:大概|大约|大致|约|差不多|估计|about|around|roughly)|(?:左右|上下|吧|的样子)$"
)


def parse_duration(text: str | None) -> int | None:
    """The minutes a duration typed in words comes to ('一个半小时' 90, '两小时' 120, '半小时'
    30, '1小时20分' 80, '九十分钟' 90, 'an hour and a half' 90, '45 mins' 45, a bare '90' 90);
    None when the words are not a duration (a time of day such as '7点' or '19:30' is not).
    The caller checks the range."""
    if not text:
        return None
    said = to_simplified(unicodedata.normalize("NFKC", text)).strip().lower()
    said = re.sub(r"[\s,，。.!！~～]+$", "", said)
    said = re.sub(r"\band a half\b", "andhalf", said)
    said = re.sub(r"\b(?:an? )?half (?:an )?hour\b", "30min", said)
    words = [_DURATION_EN_NUMBERS.get(w, w) for w in re.split(r"\s+", said)]
    said = re.sub(r"^(\d+)andhalf", r"\1.5", "".join(words))  # 'one and a half hours'
    for _ in range(2):  # '大概一个半小时左右'
        said = _AROUND.sub("", said)
    said = _DURATION_CN_NUMBER.sub(lambda m: str(whole_number(m.group()) or m.group()), said)
    found = _DURATION.match(said)
    if found is None:
        return None
    if found["only"] is not None:
        return int(found["only"])
    hours = float(found["h"]) if found["h"] is not None else 0.0
    if found["half"] or found["hhalf"]:
        hours += 0.5
    minutes = hours * 60 + (int(found["m"]) if found["m"] else 0)
    return round(minutes) if minutes > 0 else None


def time_said_in(text: str) -> tuple[int, int] | None:
    """Where a time is said inside longer words ('下周三晚上7点开个议事会' → the span of
    '下周三晚上7点'; 'meeting next Wednesday 7pm about …' → 'next Wednesday 7pm'): the longest
    part read as a time (a day without its hour counts, so that it is asked for), not cut out
    of a word or a number; None when no time is said. Read, not placed: parse_when checks it."""
    if len(text) > 200:
        return None
    best: tuple[int, int] | None = None

    def joined(a: str, b: str) -> bool:  # 'mon' in 'money', '0点' in '10点'
        return a.isascii() and b.isascii() and a.isalnum() and b.isalnum()

    for i in range(len(text)):
        if text[i].isspace() or (i > 0 and joined(text[i - 1], text[i])):
            continue
        for j in range(min(len(text), i + 30), i, -1):
            if best is not None and j - i <= best[1] - best[0]:
                break
            if text[j - 1].isspace() or (j < len(text) and joined(text[j - 1], text[j])):
                continue
            part = text[i:j]
            if _read(part) is not None or day_without_time(part):
                best = (i, j)
                break
    return best


# ------------------------------------------------------------ a part of the day, no clock time
# '下午开个会', 'hold a meeting in the afternoon': the part of the day is all that is said of
# the time; a form proposes this hour on that day (a button) and asks for the exact one
PART_OF_DAY_AT = {"morning": time(9, 30), "afternoon": time(14, 30), "evening": time(19, 30)}
_PART_ENDS = {"morning": time(12, 0), "afternoon": time(18, 0), "evening": time(22, 0)}
_PART_WORDS = re.compile(
    r"(?P<cn>上午|早上|早晨|清晨|下午|午后|傍晚|晚上|今晚|明晚|今早|明早)"
    r"|(?:\b(?:in|during)\s+the\s+|\bthis\s+)?\b(?P<en>morning|afternoon|evening|tonight)\b",
    re.I,
)
_PART_OF = {
    **dict.fromkeys(("上午", "早上", "早晨", "清晨", "今早", "明早", "morning"), "morning"),
    **dict.fromkeys(("下午", "午后", "afternoon"), "afternoon"),
    **dict.fromkeys(("傍晚", "晚上", "今晚", "明晚", "evening", "tonight"), "evening"),
}
# the day a part-of-day word carries ('明晚' is tomorrow's evening)
_PART_DAY = {"今晚": "今天", "明晚": "明天", "今早": "今天", "明早": "明天", "tonight": "today"}
# how soon a proposed time may be (today's afternoon said at 15:10: 16:00)
_PART_LEAD = timedelta(minutes=30)


@dataclass(frozen=True)
class PartOfDay:
    """A part of the day said without its clock time: which, and on which local day."""

    part: str  # "morning" | "afternoon" | "evening" (keys of PART_OF_DAY_AT)
    day: date


def part_said_in(text: str) -> tuple[int, int] | None:
    """Where a part of the day is said in longer words ('下午开个会' → the span of '下午';
    'hold a meeting in the afternoon' → of 'in the afternoon'), or None."""
    found = _PART_WORDS.search(text)
    return None if found is None else found.span()


def part_of_day(text: str | None, *, zone: tzinfo, now: datetime) -> PartOfDay | None:
    """The part of the day the words of a time name when they give no clock time ('下午',
    '明天上午', '今晚', 'in the afternoon', 'this evening', 'tomorrow morning', '下周三晚上'):
    which, on which day (today when none is said). None when a clock time is said, no part
    of the day is, or the rest is no day (or one gone by, or '明天' in the small hours)."""
    if not text or _read(text) is not None:
        return None
    said = to_simplified(unicodedata.normalize("NFKC", text)).strip()
    found = _PART_WORDS.search(said)
    if found is None:
        return None
    word = (found.group("cn") or found.group("en")).casefold()
    rest = f"{_PART_DAY.get(word, '')} {said[: found.start()]} {said[found.end() :]}"
    rest = re.sub(r"\s+", " ", rest).strip(" 的,，")
    today = now.astimezone(zone).date()
    if not rest:
        return PartOfDay(part=_PART_OF[word], day=today)
    try:
        at = parse_when(f"{rest} 12:00", zone=zone, now=now)
    except InvalidInput:  # no day, a day gone by, or which '明天' is meant (asked at the step)
        return None
    day = at.astimezone(zone).date()
    return None if day < today else PartOfDay(part=_PART_OF[word], day=day)


def part_default(said: PartOfDay, *, zone: tzinfo, now: datetime) -> datetime | None:
    """The time to propose for a part of the day (aware UTC): its usual hour on that day
    (PART_OF_DAY_AT: 14:30 for an afternoon); today's, once that hour is near or gone, the next
    half hour still in that part of the day; None when the part of the day is over."""
    at = _at(said.day, PART_OF_DAY_AT[said.part], zone)
    if at - now >= _PART_LEAD:
        return at.astimezone(UTC)
    soon = (now + _PART_LEAD).astimezone(zone)
    soon = soon.replace(second=0, microsecond=0) + timedelta(minutes=-soon.minute % 30)
    if soon.date() != said.day or soon.time() >= _PART_ENDS[said.part]:
        return None
    return soon.astimezone(UTC)


def part_clock(said: PartOfDay, typed: str | None, *, zone: tzinfo) -> datetime | None:
    """A bare clock time typed for a part of the day said before ('3点' or '3:30' for '明天
    下午' → tomorrow 15:00 / 15:30), on its day and in its half of the day (aware UTC). None
    when the words say more (a day, 上午/下午, am/pm: read as they are) or are no clock time."""
    read = _read(typed or "")
    if read is None:
        return None
    g = read.groups
    if any(g[k] is not None for k in ("mo", "rel", "after", "after_en", "wd", "wen")):
        return None
    if g["period"] is not None or g["ampm"] is not None:
        return None
    hour = read.hour
    if said.part != "morning" and hour < 12:
        hour += 12
    return _at(said.day, time(hour, read.minute), zone).astimezone(UTC)
