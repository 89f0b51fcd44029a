"""The order form's values typed instead of tapped (社区下单): points ('15分', '积分20'), the
time limit ('3天', '48小时', '一个半小时', '半天', '一天半', '两周', '一个月', '明天下午5点前',
'明天下班前') and the members needed ('4个人', '2人以上', '至少两个人'),
one or several in a message ('3个人，每人20分，3天内'), with the words staff add on a phone
('20分吧', '改成3人', '需要三名志愿者', '时限3天', '两天内完成').

Framework-free: the handler passes what staff typed, the local zone and the injected clock's
now. Numbers are read by services.validation.whole_number (digits or Chinese numerals, as
people write a count), times by services.when (as the meeting and poll forms read them).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from typing import Literal

from services.errors import InvalidInput
from services.orders import MAX_HOURS, MAX_MEMBERS, MAX_POINTS
from services.triage.text import to_simplified
from services.validation import whole_number
from services.when import WhichDay, day_without_time, named_time, parse_duration, parse_when

MIN_HOURS = 1  # as the form's ⏰ buttons: an order gets at least an hour

Field = Literal["pts", "need", "hrs", "mins", "due"]


@dataclass(frozen=True)
class TypedValue:
    """What a message typed at the order form sets: `pts` (points), `need` (members needed),
    `hrs` (a time limit in whole hours from publishing), `mins` (one that is not whole hours:
    '一个半小时' 90) or `due` (a deadline, aware UTC). `word` is the working-day hour a deadline
    was said by ('下班'), for the form to say how it read it."""

    field: Field
    value: int | datetime
    word: str | None = None


# '4个人', '两人', '3名', '需要2位', '4 people'
_MEMBERS = re.compile(
    r"^(?:需要|要|派|找)?\s*(?P<n>\S+?)\s*(?:个人|人|名|位|people|persons?|members?)$"
)
# '15分', '20积分', '积分15', '积分：二十', '15 points'
_POINTS = re.compile(r"^(?:积分|给)?[:：]?\s*(?P<n>\S+?)\s*(?:个积分|积分|分|points?|pts?)$")
_POINTS_FIRST = re.compile(r"^(?:积分|points?)\s*[:：]?\s*(?P<n>\S+)$")
# '3天', '一周', '3天内', '3 days', '一天半', '两周', '一个月', '一个半月' (hours and minutes are
# read by services.when.parse_duration first: '48小时', '一个半小时', '1小时20分钟'; what it
# leaves, '0小时', is refused here as out of range)
_SPAN = re.compile(
    r"^(?:限|在|要在|需要?)?\s*(?P<n>\S+?)\s*(?P<half_before>个半)?"
    r"(?P<unit>天|days?|个星期|个礼拜|星期|周|weeks?|个月|(?<=半)月|months?"
    r"|个小时|小时|个钟头|钟头|hours?|hrs?|h)"
    r"(?P<half_after>半)?(?:内|之内|以内)?$"
)
_SPAN_HOURS = {"天": 24, "day": 24, "days": 24, "周": 168, "星期": 168, "个星期": 168}
_SPAN_HOURS |= {"个礼拜": 168, "week": 168, "weeks": 168}
_SPAN_HOURS |= {
    "个月": 720,
    "月": 720,
    "month": 720,
    "months": 720,
}  # a month as a time limit: 30 days
_HALF_MONTH = {"半个月", "半月"}
# the words around a duration: '限1个半小时', '一个半小时内'
_DURATION_AROUND = re.compile(r"^(?:限|在|要在|需要?)\s*|\s*(?:之内|以内|内)$")
_HALF_DAY = {"半天", "半天内", "半天之内", "半天以内", "half a day"}
# the words around a deadline: '明天下午5点前', '截止到周五17:00', 'by tomorrow 5pm'
_DUE_BEFORE = re.compile(r"^(?:截止到|截止|截至|到|在|限|最晚|最迟|不晚于|by|before|until|due)\s*")
_DUE_AFTER = re.compile(r"\s*(?:之前|以前|前|为止|截止|止|之内|以内|内)$")


# one message, several values: '3个人，每人20分，3天内'
_PARTS = re.compile(r"[,，、;；/]+")
# the words around a value, typed on a phone and meaning nothing more
_FILLER_AFTER = re.compile(r"(?:吧|就行了?|就可以了?|就好|即可|可以|好了|啊|呀|哈|呢|了)+$")
_FILLER_BEFORE = re.compile(r"^(?:那就|好的|就|那|嗯|好)\s*")
_CHANGE = re.compile(r"(?:改成|改为|改到|设为|设成|设置为|调成|调到|调整为|定为|定成|换成)")
_PER_MEMBER = re.compile(r"^(?:每人|每个人|每位|每名|一人|一个人)\s*")
_LIMIT_FIRST = re.compile(r"^(?:办理时限|时限|期限|限时|时间)\s*[:：]?\s*")
_DONE_AFTER = re.compile(
    r"(?<=[天时头周期拜月])(?:内|之内|以内)?(?:完成|办完|办好|做完|搞定|处理完)$"
)
_WHO_AFTER = re.compile(r"(?:名|个|位)(?:党员志愿者|志愿者|党员|人员|人手|师傅)$")
# '至少两个人', '2人以上', '两名或以上', 'at least 2 people': the members needed is that many
_AT_LEAST = re.compile(r"^(?:至少|最少|起码|最起码|不少于|at least)\s*")
_OR_MORE = re.compile(r"(?<=[人名位个])\s*(?:及以上|或以上|以上|或更多|or more)$")
_MEMBERS_FIRST = re.compile(
    r"^(?:人数|需要人数|要几个人)\s*[:：]?\s*(?P<n>[^\s人名位]+)\s*(?:个人|人|名|位)?$"
)


def _tidy(part: str) -> str:
    """One value's words without what staff add around it: '20分吧' → '20分', '改成3人' →
    '3人', '每人20分' → '20分', '时限3天' → '3天', '两天内完成' → '两天内', '三名志愿者' →
    '三个人'."""
    said = _FILLER_BEFORE.sub("", _FILLER_AFTER.sub("", part.strip())).strip()
    said = _CHANGE.sub("", said).strip()
    said = _PER_MEMBER.sub("", said)
    said = _LIMIT_FIRST.sub("", said)
    said = _DONE_AFTER.sub("内", said)
    said = _WHO_AFTER.sub("个人", said)
    said = _OR_MORE.sub("", _AT_LEAST.sub("", said))
    if m := _MEMBERS_FIRST.match(said):
        said = m.group("n") + "人"
    return said or part


def _plain(typed: str) -> str:
    """Full-width made plain, Traditional characters Simplified, lower case, one space."""
    text = to_simplified(unicodedata.normalize("NFKC", typed)).strip().casefold()
    text = " ".join(text.split())
    return text.strip(" 。.!！~～,，")


def _number(said: str) -> int | None:
    """A count typed in digits or Chinese numerals ('15', '十五', '两')."""
    return whole_number(said.replace(" ", ""))


def read_typed_values(typed: str | None, *, zone: tzinfo, now: datetime) -> list[TypedValue]:
    """Every value a message typed at the order form sets, in the order typed ('3个人，每人20
    分，3天内' → need 3, pts 20, hrs 72). All or nothing: the first part that cannot be read,
    or is out of range, refuses the whole message with its own polite text, so the form never
    takes half of what was said."""
    raw = (typed or "").strip()
    parts = [part for part in _PARTS.split(_plain(raw)) if part.strip()]
    if len(parts) <= 1:
        return [read_typed_value(raw, zone=zone, now=now)]
    return [read_typed_value(part, zone=zone, now=now) for part in parts]


def read_typed_value(typed: str | None, *, zone: tzinfo, now: datetime) -> TypedValue:
    """The field and value a message typed at the order form sets, checked against what an
    order accepts; InvalidInput with a polite refusal otherwise (order-form-err-*): a number
    out of range, a deadline gone or too near, a day without its hour, a number without its
    unit, or words that are none of these."""
    raw = (typed or "").strip()
    said = _tidy(_plain(raw))
    if not said:
        raise InvalidInput("order-form-err-unread", typed=raw)
    if (m := _MEMBERS.match(said)) and (n := _number(m.group("n"))) is not None:
        if not 1 <= n <= MAX_MEMBERS:
            raise InvalidInput("order-form-err-members", value=n, limit=MAX_MEMBERS)
        return TypedValue("need", n)
    m = _POINTS.match(said) or _POINTS_FIRST.match(said)
    if m and (n := _number(m.group("n"))) is not None:
        if not 0 <= n <= MAX_POINTS:
            raise InvalidInput("order-form-err-points", value=n, limit=MAX_POINTS)
        return TypedValue("pts", n)
    if said in _HALF_DAY:
        return TypedValue("hrs", 12)
    if said.removesuffix("内") in _HALF_MONTH:
        return TypedValue("hrs", 360)
    if _number(said) is None and (minutes := parse_duration(_DURATION_AROUND.sub("", said))):
        # '48小时', '一个半小时' (90 minutes, not rounded down to the hour), '1小时20分钟'
        if not MIN_HOURS * 60 <= minutes <= MAX_HOURS * 60:
            raise InvalidInput("order-form-err-hours", typed=raw, days=MAX_HOURS // 24)
        if minutes % 60:
            return TypedValue("mins", minutes)
        return TypedValue("hrs", minutes // 60)
    if (m := _SPAN.match(said)) and (n := _number(m.group("n"))) is not None:
        unit_hours = _SPAN_HOURS.get(m.group("unit"), 1)
        hours = n * unit_hours
        if m.group("half_before") or m.group("half_after"):
            hours += unit_hours // 2  # '一天半' 36 hours, '一个半月' 45 days
        if not MIN_HOURS <= hours <= MAX_HOURS:
            raise InvalidInput("order-form-err-hours", typed=raw, days=MAX_HOURS // 24)
        return TypedValue("hrs", hours)
    when = _DUE_AFTER.sub("", _DUE_BEFORE.sub("", said)) or said
    try:
        due = parse_when(when, zone=zone, now=now)
    except WhichDay:  # '明天' in the small hours: which day is asked
        raise
    except InvalidInput as refused:
        if refused.key == "consult-err-day-past":
            raise InvalidInput("order-form-err-day-past", typed=raw) from None
        if day_without_time(when):
            raise InvalidInput("order-form-err-day-only", typed=raw) from None
    else:
        named = named_time(when)  # '明天下班前': said back as 18:00
        return TypedValue("due", check_due(due, now=now), named[0] if named else None)
    if (n := _number(said)) is not None:
        raise InvalidInput("order-form-err-bare", number=n)
    raise InvalidInput("order-form-err-unread", typed=raw)


def check_due(due: datetime, *, now: datetime) -> datetime:
    """A deadline staff typed, still at least an hour ahead and within the longest time limit
    (checked again when the order is published: a form left open may have outlived it)."""
    if due <= now:
        raise InvalidInput("order-form-err-past", time=due)
    if due - now < timedelta(hours=MIN_HOURS):
        raise InvalidInput("order-form-err-too-soon", time=due)
    if due - now > timedelta(hours=MAX_HOURS):
        raise InvalidInput("order-form-err-too-far", time=due, days=MAX_HOURS // 24)
    return due
