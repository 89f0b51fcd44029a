"""台账统计 and the three rates, for a period, by community, grid, category and member.

Definitions (the matters counted are the requests filed in the period [start, end)):
- 响应率 response rate = requests that got a first staff response (ordered, handled, transferred,
  merged or declined) within RESPONSE_LIMIT (24 hours) of filing ÷ requests due for one: filed
  in the period and either answered or past their 24 hours at `now` (as a hotline counts 应响应:
  one filed an hour ago and not answered yet is not late, and is shown as its own count),
  leaving out those the resident withdrew before any response, and those the resident
  themselves joined to a matter already open (同一件事: merged with no staff response).
- 解决率 resolution rate = requests with a delivered result (an order verified, a staff result,
  or an outside unit's answer) that stand done, resolved or closed ÷ requests accepted (every
  request except those declined, merged, withdrawn, or still new).
- 满意率 satisfaction rate = requests whose latest rating is 满意 or 基本满意 ÷ requests rated
  (unrated ones are left out; they are shown as their own count).
Median times are in hours: filing → first response, filing → result. Overdue = still open
(not done, resolved, closed, declined, merged or withdrawn) with its deadline passed at `now`.
催办 (urges) are counted by when they were made: those in the period, on the matters the reader
may see (whenever filed), and how many requests they were about.
Members (党员/志愿者) are ranked by the points credited to them in the period; a grid worker's
ranking counts only the points earned on their grid's matters, like the rest of their ledger.
"""

from __future__ import annotations

import logging
import re
import statistics
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from sqlalchemy import and_, case, func, or_
from sqlalchemy import select as sa_select
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import Grid, MemberProfile, Role, StaffScope, User, shown_name
from models.orders import (
    LedgerEvent,
    Order,
    PointsEntry,
    Rating,
    Request,
    RequestStatus,
    Score,
)
from services.errors import InvalidInput, PermissionDenied
from services.triage.text import to_simplified
from services.urges import URGE_ACTION
from services.validation import whole_number

log = logging.getLogger(__name__)

RESPONSE_LIMIT = timedelta(hours=24)
R = RequestStatus
NOT_ACCEPTED = {R.DECLINED, R.MERGED, R.WITHDRAWN, R.NEW}
FINISHED = {R.DONE, R.RESOLVED, R.CLOSED}
STILL_OPEN = {R.NEW, R.REOPENED, R.ORDERED, R.HANDLING, R.TRANSFERRED}


@dataclass
class Rates:
    """Counts and the three rates of one group of matters (medians for the whole only)."""

    total: int = 0
    responded: int = 0
    response_base: int = 0
    accepted: int = 0
    resolved: int = 0
    rated: int = 0
    satisfied: int = 0
    overdue: int = 0
    awaiting_response: int = 0  # not answered yet, still within their 24 hours: not counted
    median_response_hours: float | None = None
    median_resolve_hours: float | None = None

    @property
    def response_rate(self) -> float | None:
        """响应率, or None when nothing counts."""
        return self.responded / self.response_base if self.response_base else None

    @property
    def resolution_rate(self) -> float | None:
        """解决率, or None when nothing was accepted."""
        return self.resolved / self.accepted if self.accepted else None

    @property
    def satisfaction_rate(self) -> float | None:
        """满意率, or None when nothing was rated."""
        return self.satisfied / self.rated if self.rated else None

    def add(self, other: Rates) -> None:
        """Add another group's counts to this one."""
        for name in (
            "total",
            "responded",
            "response_base",
            "accepted",
            "resolved",
            "rated",
            "satisfied",
            "overdue",
            "awaiting_response",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def percent(value: float | None) -> str:
    """A rate as people read it: "83%", or "-" when nothing counts."""
    return "-" if value is None else f"{value:.0%}"


@dataclass
class Stats:
    """The ledger's figures for a period."""

    start: datetime
    end: datetime
    overall: Rates
    by_status: dict[str, int]
    by_community: dict[int, Rates]
    by_grid: dict[int | None, Rates]
    by_category: dict[str, Rates]
    by_member: list[tuple[int, str, int, int]]  # (user id, name, orders done, points)
    per_day: list[tuple[str, int, int]]  # (YYYY-MM-DD, filed, resolved)
    urges: int = 0  # 催办 made in the period, on matters the reader may see
    urged_matters: int = 0  # the requests those urges were about


PERIODS = ("week", "month", "last_month", "year")

# a year, a year and month, or a date: 2026 · 2026-11 · 2026年11月 · 2026-11-05 · 2026/11/5
# The years a period may span: its days and the day after its last, in local time and in UTC,
# must exist (Python's dates end at 9999-12-31 and start at 0001-01-01).
FIRST_YEAR, LAST_YEAR = 1970, 9998

_TYPED_DAY = re.compile(
    r"(\d{4})(?:\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2})\s*日?)?\s*月?)?"
)


def period_bounds(kind: str, *, now: datetime, zone: tzinfo) -> tuple[datetime, datetime]:
    """This week / this month / last month / this year in local time, as bounds [start, end):
    a period still running ends just after `now`."""
    local = now.astimezone(zone)
    day = local.replace(hour=0, minute=0, second=0, microsecond=0)
    end = now + timedelta(seconds=1)
    if kind == "week":
        start = day - timedelta(days=day.weekday())
    elif kind == "month":
        start = day.replace(day=1)
    elif kind == "last_month":
        end = day.replace(day=1)
        start = (end - timedelta(days=1)).replace(day=1)
    else:
        start = day.replace(month=1, day=1)
    return start, end


# days on which no two periods start or end together (Wednesdays, mid-month, not January): a
# period said in words reads as one of PERIODS when it does on each of them (said_preset)
_PROBE_DAYS = (date(2026, 6, 17), date(2027, 3, 10))


def preset_days(kind: str, *, today: date) -> tuple[date, date]:
    """The days (both included) of one of PERIODS as of `today`: a running period ends today."""
    month_start = today.replace(day=1)
    if kind == "week":
        return today - timedelta(days=today.weekday()), today
    if kind == "month":
        return month_start, today
    if kind == "last_month":
        last = month_start - timedelta(days=1)
        return last.replace(day=1), last
    return today.replace(month=1, day=1), today


def said_preset(text: str | None) -> str | None:
    """The period of a button said in words ('这周', '本月的台账', '这周有多少诉求', 'last
    month'): its name in PERIODS, so the figures are titled as the button's are ('本周', not
    '2026-12-07 至 2026-12-09'); None for other days ('最近30天', '今天', '11月'), however
    they fall today: '今天' on a Monday is still not 本周 (the words are read on days where
    the periods differ, _PROBE_DAYS)."""
    for kind in PERIODS:
        if all(
            (
                said_period(text, today=day)
                or counts_period(text, today=day)
                or ranked_period(text, today=day)
            )
            == preset_days(kind, today=day)
            for day in _PROBE_DAYS
        ):
            return kind
    return None


def typed_period(text: str) -> tuple[date, date]:
    """The days of a period staff typed after /stats, both included: a year (`2026`), a month
    (`2026-11`, `2026年11月`), a day, or two of them (`2026-11-01 2026-11-30`, `2026-10 至
    2026-12`). Raises InvalidInput (order-stats-err-period) with an example otherwise, and
    order-stats-err-order when the first day is after the last."""
    text = text.translate(str.maketrans("０１２３４５６７８９－／．", "0123456789-/."))
    found = list(_TYPED_DAY.finditer(text))
    if not 1 <= len(found) <= 2:
        raise InvalidInput("order-stats-err-period")
    try:
        first, last = _days(found[0]), _days(found[-1])
    except (ValueError, OverflowError):  # 2026-13, or the month after 9999-12
        raise InvalidInput("order-stats-err-period") from None
    start, end = first[0], last[1]
    if start > end:  # read, but the wrong way round: say so rather than 'which period?'
        raise InvalidInput("order-stats-err-order", first=str(start), last=str(end))
    if not period_days_ok(start, end):
        raise InvalidInput("order-stats-err-period")
    return start, end


# a period said in words, as staff type it at the stats question or at the menu ('上个月的',
# '本周统计', '11月', '最近30天', 'last month'): the words around it that change nothing
_STATS_WORDS = re.compile(
    r"统计|台账|数据|报表|情况|三率|响应率|解决率|满意率|\bstatistics\b|\bstats\b|\bfigures\b|"
    r"\bledger\b"
)
_PERIOD_FILLERS = re.compile(
    r"发给我|给我发|发我|给我|我要|我想|想看|看看|看一下|看下|查一下|查查|查看|查|请|麻烦|"
    r"发一下|导出|下载|拉一下|是多少|有多少|多少|怎么样|咋样|如何|出来|一下|的|吧|呢|啊|了|"
    r"\bshow\b|\bme\b|\bthe\b|\bfor\b|\bof\b|\bplease\b|\bwhat\b|\bhow\b|\bis\b|"
    r"\bare\b|\bwas\b|\bwere\b|'s\b|\bexport\b|\bsend\b|\bdownload\b|"
    # the figures are broken down by community and grid anyway ('这个月各社区情况怎么样')
    r"各个社区|各社区|每个社区|分社区|所有社区|各个网格|各网格|每个网格|分网格|全街道|整个街道|"
    r"街道|整体|总体|全部|所有|\b(?:by|per|each|every|all) (?:communit(?:y|ies)|grids?)\b|"
    r"\ball\b|\boverall\b|"
    r"[\s,，。.!！?？:：']"
)
_NAMED_PERIODS = {
    "本周|这周|这个星期|这星期|本星期|这一周|thisweek": "week",
    "上周|上个星期|上星期|上一周|lastweek": "last_week",
    "本月|这个月|这月|当月|thismonth": "month",
    "上月|上个月|上一个月|lastmonth": "last_month",
    "今年|本年|thisyear": "year",
    "去年|上一年|lastyear": "last_year",
    "今天|今日|today": "today",
    "昨天|昨日|yesterday": "yesterday",
}
_NAMED = {word: kind for words, kind in _NAMED_PERIODS.items() for word in words.split("|")}
_RECENT = re.compile(
    r"^(?:最近|近|过去|lastfew|last|past)(\d+|[一二两三四五六七八九十]+)(?:个)?"
    r"(天|日|周|星期|礼拜|月|days?|weeks?|months?)$"
)
_MONTH_ONLY = re.compile(r"^(\d{1,2}|[一二三四五六七八九十]+)月份?$")
_EN_MONTHS = (
    *("january", "february", "march", "april", "may", "june"),
    *("july", "august", "september", "october", "november", "december"),
)
_DATES_ONLY = re.compile(r"^[\d\-/.年月日至到~]+$")


def asks_stats(text: str | None) -> bool:
    """The words name the ledger's figures ('统计', '本月的台账', 'last month stats')."""
    return bool(text and _STATS_WORDS.search(to_simplified(text).lower()))


def stats_alone(text: str | None) -> bool:
    """Nothing but the figures asked for ('统计', '看看台账', 'stats please'): no period, no
    other words."""
    if not text or len(text) > 40 or not asks_stats(text):
        return False
    said = to_simplified(unicodedata.normalize("NFKC", text)).lower()
    return not _PERIOD_FILLERS.sub("", _STATS_WORDS.sub("", said))


# how many matters came in, asked of a period ('今天有几个新诉求', '今天来了多少单', '这周有多少
# 诉求', 'how many new requests today?'): the words asking it, and those around the period
_COUNT_ASKED = re.compile(r"几个|几件|几单|几条|多少|\bhow many\b")
_COUNTED = re.compile(
    r"诉求|工单|单子|单|事情|事|\brequests?\b|\bmatters?\b|\borders?\b|\bcases?\b"
)
_COUNT_FILLERS = re.compile(
    r"新的|新|进来了|进来|来了|收到了|收到|一共|总共|有|共|了|\bnew\b|\bcame in\b|"
    r"\bcome in\b|\bfiled\b|\bwere there\b|\bare there\b|\bdid we (?:get|have)\b|"
    r"\bhave we (?:had|got)\b|\bwe (?:got|had|have)\b|\bso far\b|\bthere\b"
)


def counts_period(text: str | None, *, today: date) -> tuple[date, date] | None:
    """The days of a question how many matters came in a period ('今天有几个新诉求' today,
    '今天来了多少单', '这周有多少诉求' this week, 'how many new requests today?'): its figures
    answer it. None when it is not such a question, names no period, or says more."""
    if not text or len(text) > 40:
        return None
    said = to_simplified(unicodedata.normalize("NFKC", text)).lower()
    if not _COUNT_ASKED.search(said) or not _COUNTED.search(said):
        return None
    rest = _COUNT_FILLERS.sub(" ", _COUNTED.sub(" ", _COUNT_ASKED.sub(" ", said)))
    return said_period(rest, today=today)


# which community, grid or member comes first in a figure ('哪个社区超期最多',
# '哪个网格满意率最低', '上个月谁接单最多', 'which community has the most overdue'): the
# breakdowns of the figures answer it, for the period said or else this month
_RANK_WHO = re.compile(r"哪一个|哪个|哪些|哪家|谁|\bwhich\b|\bwho\b")
_RANK_MOST = re.compile(
    r"最多|最少|最高|最低|最快|最慢|最好|最差|排名|排第一|\bmost\b|\bleast\b|\bhighest\b|"
    r"\blowest\b|\bbest\b|\bworst\b|\bfastest\b|\bslowest\b|\brank(?:ing)?\b"
)
_RANK_FIGURE = re.compile(
    r"超期|诉求|工单|单子|接单|办结|满意率|响应率|解决率|满意|单|\boverdue\b|\brequests?\b|"
    r"\borders?\b|\bsatisfaction\b|\bresponse\b|\bresolution\b|\bclaims?\b"
)
_RANK_FILLERS = re.compile(
    r"社区|网格|分类|类别|党员|志愿者|师傅|的|是|有|了|呢|啊|\bcommunit(?:y|ies)\b|\bgrids?\b|"
    r"\bcategory\b|\bmembers?\b|\bvolunteers?\b|\bhas\b|\bhad\b|\bhave\b|\bgot\b|\bthe\b|"
    r"\bis\b|\bwas\b|\brate\b|\bin\b|\bdid\b|\bdo\b|\bmade\b"
)


def ranked_period(text: str | None, *, today: date) -> tuple[date, date] | None:
    """The days of a question which community, grid or member comes first in a figure
    ('哪个社区超期最多' this month, '上个月谁接单最多' last month, 'which grid has the lowest
    satisfaction'): the figures' breakdowns answer it. None when it is not such a question,
    or says more than a period besides."""
    if not text or len(text) > 80:
        return None
    said = to_simplified(unicodedata.normalize("NFKC", text)).lower()
    if not (_RANK_WHO.search(said) and _RANK_MOST.search(said) and _RANK_FIGURE.search(said)):
        return None
    rest = _RANK_FILLERS.sub(
        " ", _RANK_FIGURE.sub(" ", _RANK_MOST.sub(" ", _RANK_WHO.sub(" ", said)))
    )
    if not _PERIOD_FILLERS.sub("", _STATS_WORDS.sub("", rest)):
        return _named_days("month", today)
    return said_period(rest, today=today)


def said_period(text: str | None, *, today: date) -> tuple[date, date] | None:
    """The days (both included) of a period said in words ('上个月的' the whole last month,
    '本周' Monday to today, '11月' this year's November or last year's if it is still to come,
    '最近30天', '2026年11月', 'last month'), around stats words or none; None when the words
    are something else, or nothing but stats words."""
    if not text or len(text) > 40:
        return None
    said = to_simplified(unicodedata.normalize("NFKC", text))
    said = _PERIOD_FILLERS.sub("", _STATS_WORDS.sub("", said.lower()))
    if not said:
        return None
    kind = _NAMED.get(said)
    if kind is not None:
        return _named_days(kind, today)
    recent = _RECENT.match(said)
    if recent is not None:
        count = whole_number(recent.group(1)) or 0
        unit = recent.group(2)
        if not 1 <= count <= 3660:
            return None
        if unit in ("天", "日", "day", "days"):
            first = today - timedelta(days=count - 1)
        elif unit.startswith(("周", "星期", "礼拜", "week")):
            first = today - timedelta(days=7 * count - 1)
        else:
            month_index = today.year * 12 + today.month - 1 - count
            day = min(today.day, 28)
            first = date(month_index // 12, month_index % 12 + 1, day) + timedelta(days=1)
        return (first, today) if period_days_ok(first, today) else None
    month_only = _MONTH_ONLY.match(said)
    month = whole_number(month_only.group(1)) if month_only else None
    if month is None and said in _EN_MONTHS:
        month = _EN_MONTHS.index(said) + 1
    if month is not None:
        if not 1 <= month <= 12:
            return None
        year = today.year if month <= today.month else today.year - 1
        following = date(year + month // 12, month % 12 + 1, 1)
        return date(year, month, 1), following - timedelta(days=1)
    if _DATES_ONLY.match(said):
        try:
            return typed_period(said)
        except InvalidInput:
            return None
    return None


def _named_days(kind: str, today: date) -> tuple[date, date]:
    """The days 本周 / 上周 / 本月 / 上月 / 今年 / 去年 / 今天 / 昨天 stand for on `today`."""
    monday = today - timedelta(days=today.weekday())
    first_of_month = today.replace(day=1)
    last_month_end = first_of_month - timedelta(days=1)
    return {
        "week": (monday, today),
        "last_week": (monday - timedelta(days=7), monday - timedelta(days=1)),
        "month": (first_of_month, today),
        "last_month": (last_month_end.replace(day=1), last_month_end),
        "year": (today.replace(month=1, day=1), today),
        "last_year": (date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)),
        "today": (today, today),
        "yesterday": (today - timedelta(days=1), today - timedelta(days=1)),
    }[kind]


def period_days_ok(first: date, last: date) -> bool:
    """Whether `first`..`last` is a period /stats can read: in order, within the years allowed."""
    return first <= last and first.year >= FIRST_YEAR and last.year <= LAST_YEAR


def _days(match: re.Match[str]) -> tuple[date, date]:
    """The first and last day a typed year, month or day stands for."""
    year, month, day = match.group(1), match.group(2), match.group(3)
    if month is None:
        return date(int(year), 1, 1), date(int(year), 12, 31)
    first = date(int(year), int(month), int(day or 1))
    if day is not None:
        return first, first
    following = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
    return first, following - timedelta(days=1)


def day_bounds(first: date, last: date, *, zone: tzinfo) -> tuple[datetime, datetime]:
    """[the start of `first`, the start of the day after `last`) in local time."""
    start = datetime(first.year, first.month, first.day, tzinfo=zone)
    after = last + timedelta(days=1)
    return start, datetime(after.year, after.month, after.day, tzinfo=zone)


async def scope_communities(
    session: AsyncSession, *, user: User, roles: Collection[Role]
) -> list[int] | None:
    """Communities a user may read the ledger of (None means all, for admins)."""
    if Role.ADMIN in roles:
        return None
    if Role.STAFF not in roles:
        raise PermissionDenied("err-not-allowed")
    rows = await session.exec(
        select(StaffScope.community_id).where(col(StaffScope.user_id) == user.id)
    )
    ids = sorted(set(rows.all()))
    if not ids:
        raise PermissionDenied("err-not-allowed")
    return ids


async def _reader_scopes(
    session: AsyncSession, *, user: User, roles: Collection[Role]
) -> tuple[list[int], list[tuple[int, int]]] | None:
    """(whole communities, (community, grid) pairs) a staff member reads; None for admins."""
    if Role.ADMIN in roles:
        return None
    if Role.STAFF not in roles:
        raise PermissionDenied("err-not-allowed")
    scopes = (
        await session.exec(select(StaffScope).where(col(StaffScope.user_id) == user.id))
    ).all()
    if not scopes:
        raise PermissionDenied("err-not-allowed")
    whole = sorted({s.community_id for s in scopes if s.grid_id is None})
    grids = sorted(
        {
            (s.community_id, s.grid_id)
            for s in scopes
            if s.grid_id is not None and s.community_id not in whole
        }
    )
    return whole, grids


async def scope_condition(
    session: AsyncSession, *, user: User, roles: Collection[Role]
) -> Any | None:
    """SQL on Request limiting the ledger to what this staff member may read (None: all).

    Staff of a whole community read all of it; a grid worker reads only their grid's matters.
    """
    scopes = await _reader_scopes(session, user=user, roles=roles)
    if scopes is None:
        return None
    whole, grids = scopes
    parts: list[Any] = [col(Request.community_id).in_(whole)] if whole else []
    for community_id, grid_id in grids:
        parts.append(
            and_(col(Request.community_id) == community_id, col(Request.grid_id) == grid_id)
        )
    return or_(*parts)


async def points_scope_condition(
    session: AsyncSession, *, user: User, roles: Collection[Role]
) -> Any | None:
    """SQL on PointsEntry: the points whose matters this staff member may read (None: all).

    Staff of a whole community see every point earned there; a grid worker sees the points
    earned on orders for their grid's matters (the request's grid, as in the ledger), so a
    member who served in two grids shows in each with what they earned in it.
    """
    scopes = await _reader_scopes(session, user=user, roles=roles)
    if scopes is None:
        return None
    whole, grids = scopes
    parts: list[Any] = [col(PointsEntry.community_id).in_(whole)] if whole else []
    for community_id, grid_id in grids:
        in_grid = (
            sa_select(col(Order.id))
            .join(Request, col(Request.id) == col(Order.request_id))
            .where(col(Request.community_id) == community_id, col(Request.grid_id) == grid_id)
        )
        parts.append(
            and_(
                col(PointsEntry.community_id) == community_id,
                col(PointsEntry.order_id).in_(in_grid),
            )
        )
    return or_(*parts)


def _seconds(dialect: str, a: Any, b: Any) -> Any:
    """SQL for the seconds from timestamp a to timestamp b."""
    if dialect == "postgresql":
        return func.extract("epoch", b - a)
    return (func.julianday(b) - func.julianday(a)) * 86400.0


def _local_day(dialect: str, column: Any, zone: tzinfo, at: datetime) -> Any:
    """SQL for the local calendar day of a timestamp."""
    if dialect == "postgresql":
        return func.to_char(func.timezone(getattr(zone, "key", "UTC"), column), "YYYY-MM-DD")
    offset = int((zone.utcoffset(at) or timedelta(0)).total_seconds())
    return func.date(column, f"{offset:+d} seconds")


async def _median_hours(
    session: AsyncSession, dialect: str, seconds: Any, where: list[Any]
) -> float | None:
    if dialect == "postgresql":
        stmt = sa_select(func.percentile_cont(0.5).within_group(seconds)).where(*where)
        value = (await session.exec(stmt)).one()[0]  # type: ignore[call-overload]
        return None if value is None else round(float(value) / 3600, 2)
    rows = (await session.exec(sa_select(seconds).where(*where))).all()  # type: ignore[call-overload]
    values = [float(r[0]) for r in rows if r[0] is not None]
    return round(statistics.median(values) / 3600, 2) if values else None


async def grid_only_scopes(
    session: AsyncSession, *, user: User, roles: Collection[Role], lang: str
) -> dict[int, list[str]]:
    """For a grid worker: by community, the names (as a `lang` reader sees them) of the grids
    whose figures they read, where they are staff of some of its grids only (their figures are
    those grids', not the community's). Empty for admins and for staff of whole communities."""
    if Role.ADMIN in roles or Role.STAFF not in roles:
        return {}
    scopes = (await session.exec(select(StaffScope).where(StaffScope.user_id == user.id))).all()
    whole = {s.community_id for s in scopes if s.grid_id is None}
    out: dict[int, list[str]] = {}
    for scope in scopes:
        if scope.grid_id is None or scope.community_id in whole:
            continue
        grid = await session.get(Grid, scope.grid_id)
        if grid is not None:
            out.setdefault(scope.community_id, []).append(shown_name(grid, lang))
    return {cid: sorted(names) for cid, names in out.items()}


async def ledger_stats(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    start: datetime,
    end: datetime,
    now: datetime,
    community_id: int | None = None,
    zone: tzinfo | None = None,
) -> Stats:
    """Counts, the three rates and median times for requests filed in [start, end).

    Everything is counted in the database (grouped by community, grid, category and status), so
    100,000 matters take well under a second on PostgreSQL.
    """
    allowed = await scope_communities(session, user=user, roles=roles)
    if community_id is not None:
        if allowed is not None and community_id not in allowed:
            raise PermissionDenied("err-not-allowed")
        allowed = [community_id]
    dialect = (await session.connection()).dialect.name
    tz = zone or start.tzinfo or timedelta(0)
    where: list[Any] = [col(Request.created_at) >= start, col(Request.created_at) < end]
    if allowed is not None:
        where.append(col(Request.community_id).in_(allowed))
    scope = await scope_condition(session, user=user, roles=roles)
    if scope is not None:
        where.append(scope)
    created, first = col(Request.created_at), col(Request.first_response_at)
    status, resolved_at = col(Request.status), col(Request.resolved_at)
    response_s = _seconds(dialect, created, first)
    finished = and_(status.in_(list(FINISHED)), resolved_at.is_not(None))

    def count_if(condition: Any) -> Any:
        return func.sum(case((condition, 1), else_=0))

    keys = (col(Request.community_id), col(Request.grid_id), col(Request.category), status)
    stmt = (
        sa_select(
            *keys,
            func.count(),
            # left out: withdrawn before any response, joined by the resident (同一件事), and
            # those not answered yet whose 24 hours are not over (not late, not counted yet)
            count_if(
                and_(
                    ~and_(status.in_([R.WITHDRAWN, R.MERGED]), first.is_(None)),
                    ~and_(first.is_(None), created > now - RESPONSE_LIMIT),
                )
            ),
            count_if(
                and_(
                    first.is_(None),
                    created > now - RESPONSE_LIMIT,
                    ~status.in_([R.WITHDRAWN, R.MERGED]),
                )
            ),
            count_if(and_(first.is_not(None), response_s <= RESPONSE_LIMIT.total_seconds())),
            count_if(finished),
            count_if(and_(status.in_(list(STILL_OPEN)), col(Request.deadline_at) < now)),
        )
        .where(*where)
        .group_by(*keys)
    )
    # The latest rating of each matter, counted per the same groups.
    latest = sa_select(func.max(col(Rating.id))).group_by(col(Rating.request_id))
    rated_stmt = (
        sa_select(
            *keys,
            func.count(),
            count_if(col(Rating.score).in_([Score.SATISFIED.value, Score.BASIC.value])),
        )
        .join(Rating, col(Rating.request_id) == col(Request.id))
        .where(*where, col(Rating.id).in_(latest))
        .group_by(*keys)
    )
    rated_of: dict[tuple[Any, ...], tuple[int, int]] = {
        tuple(row[:4]): (int(row[4]), int(row[5] or 0))
        for row in (await session.exec(rated_stmt)).all()  # type: ignore[call-overload]
    }
    overall = Rates()
    by_status: Counter[str] = Counter()
    by_community: dict[int, Rates] = defaultdict(Rates)
    by_grid: dict[int | None, Rates] = defaultdict(Rates)
    by_category: dict[str, Rates] = defaultdict(Rates)
    for cid, gid, cat, st, n, base, awaiting, resp, res, overdue in (
        await session.exec(stmt)  # type: ignore[call-overload]
    ).all():
        group = Rates(
            total=int(n),
            response_base=int(base or 0),
            awaiting_response=int(awaiting or 0),
            responded=int(resp or 0),
            accepted=0 if st in NOT_ACCEPTED else int(n),
            resolved=int(res or 0),
            rated=rated_of.get((cid, gid, cat, st), (0, 0))[0],
            satisfied=rated_of.get((cid, gid, cat, st), (0, 0))[1],
            overdue=int(overdue or 0),
        )
        for target in (overall, by_community[cid], by_grid[gid], by_category[cat]):
            target.add(group)
        by_status[st] += int(n)
    overall.median_response_hours = await _median_hours(
        session, dialect, response_s, [*where, first.is_not(None)]
    )
    overall.median_resolve_hours = await _median_hours(
        session, dialect, _seconds(dialect, created, resolved_at), [*where, finished]
    )
    filed_day = _local_day(dialect, created, tz, start)  # type: ignore[arg-type]
    done_day = _local_day(dialect, resolved_at, tz, start)  # type: ignore[arg-type]
    filed = {
        d: int(n)
        for d, n in (
            await session.exec(  # type: ignore[call-overload]
                sa_select(filed_day, func.count()).where(*where).group_by(filed_day)
            )
        ).all()
    }
    resolved = {
        d: int(n)
        for d, n in (
            await session.exec(  # type: ignore[call-overload]
                sa_select(done_day, func.count()).where(*where, finished).group_by(done_day)
            )
        ).all()
    }
    members = await _by_member(
        session,
        allowed=allowed,
        scope=await points_scope_condition(session, user=user, roles=roles),
        start=start,
        end=end,
    )
    urges, urged = await _urges(session, allowed=allowed, scope=scope, start=start, end=end)
    days = sorted(set(filed) | set(resolved))
    return Stats(
        start=start,
        end=end,
        overall=overall,
        by_status=dict(by_status),
        by_community=dict(by_community),
        by_grid=dict(by_grid),
        by_category=dict(by_category),
        by_member=members,
        per_day=[(str(d), filed.get(d, 0), resolved.get(d, 0)) for d in days],
        urges=urges,
        urged_matters=urged,
    )


async def _urges(
    session: AsyncSession,
    *,
    allowed: Iterable[int] | None,
    scope: Any | None,
    start: datetime,
    end: datetime,
) -> tuple[int, int]:
    """催办 made in [start, end) (whenever their matters were filed) on the matters the reader
    may see: (urges, requests urged)."""
    stmt = (
        sa_select(func.count(), func.count(func.distinct(col(LedgerEvent.request_id))))
        .join(Request, col(Request.id) == col(LedgerEvent.request_id))
        .where(col(LedgerEvent.action) == URGE_ACTION)
        .where(col(LedgerEvent.at) >= start, col(LedgerEvent.at) < end)
    )
    if allowed is not None:
        stmt = stmt.where(col(Request.community_id).in_(list(allowed)))
    if scope is not None:
        stmt = stmt.where(scope)
    count, matters = (await session.exec(stmt)).one()  # type: ignore[call-overload]
    return int(count or 0), int(matters or 0)


async def _by_member(
    session: AsyncSession,
    *,
    allowed: Iterable[int] | None,
    scope: Any | None,
    start: datetime,
    end: datetime,
) -> list[tuple[int, str, int, int]]:
    """The period's top members by points earned where the reader may look (see
    points_scope_condition): (user id, name, orders done, points)."""
    stmt = (
        select(
            PointsEntry.member_id,
            func.count(col(PointsEntry.id)),
            func.sum(PointsEntry.points),
        )
        .where(col(PointsEntry.at) >= start, col(PointsEntry.at) < end)
        .group_by(col(PointsEntry.member_id))
        .order_by(func.sum(PointsEntry.points).desc(), col(PointsEntry.member_id))
        .limit(20)
    )
    if allowed is not None:
        stmt = stmt.where(col(PointsEntry.community_id).in_(list(allowed)))
    if scope is not None:  # a grid worker's board: points earned on their grid's matters
        stmt = stmt.where(scope)
    out = []
    for member_id, count, points in (await session.exec(stmt)).all():
        profile = await session.get(MemberProfile, member_id)
        out.append(
            (member_id, profile.display_name if profile else str(member_id), count, points or 0)
        )
    return out


def chart_png(stats: Stats, *, title: str, filed_label: str, resolved_label: str) -> bytes | None:
    """A bar chart of requests filed and resolved per day of the period (PNG); None (logged)
    when no installed font can draw its Chinese labels, so the figures go out as text alone."""
    import io

    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager
    from matplotlib import pyplot as plt
    from matplotlib.ticker import MaxNLocator

    from services.poll_chart import NoCjkFont, cjk_font_path

    try:
        font_path = cjk_font_path()
    except NoCjkFont as exc:
        log.warning("ledger stats sent without their chart: %s", exc)
        return None
    font = font_manager.FontProperties(fname=str(font_path))
    days = [d[5:] for d, _, _ in stats.per_day] or ["-"]
    filed = [f for _, f, _ in stats.per_day] or [0]
    resolved = [r for _, _, r in stats.per_day] or [0]
    fig, ax = plt.subplots(figsize=(8, 4), dpi=100)
    try:
        xs = list(range(len(days)))
        ax.bar([x - 0.2 for x in xs], filed, width=0.4, label=filed_label, color="#d9534f")
        ax.bar([x + 0.2 for x in xs], resolved, width=0.4, label=resolved_label, color="#5cb85c")
        step = max(1, len(days) // 12)
        ax.set_xticks(xs[::step])
        ax.set_xticklabels(days[::step], fontproperties=font, rotation=0)
        ax.set_title(title, fontproperties=font)
        ax.legend(prop=font)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        fig.tight_layout()
        buf = io.BytesIO()
        fig.savefig(buf, format="png")
        return buf.getvalue()
    finally:
        plt.close(fig)
