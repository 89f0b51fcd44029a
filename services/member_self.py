"""A member's own profile as they keep it (我的资料): their skills, the grid they serve, and
their own pause (暂停接单) — said in words or tapped.

Staff's ⏸ 暂停 (services.members.set_suspended) takes a member's standing away; a member's own
pause keeps it (their menu, their claims, 可接工单): only new offers are not sent to them while
it holds (services.orders.matching_members), and once its end passes they are offered orders
again without anything to do: a job due at the end (`PAUSE_ENDED`, run by
services.member_jobs) tells them so and offers the orders issued meanwhile that still wait.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from sqlalchemy import update
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from models import Community, Grid, MemberProfile, MemberStatus, User
from models.scheduling import Delivery, DeliveryState
from services import audit
from services.delivery import not_yet_sent
from services.errors import Conflict, InvalidInput, NotFound
from services.jobs import cancel_jobs, schedule_job
from services.skills import SKILLS, normalize_skills, read_typed
from services.triage.text import to_simplified
from services.validation import clean_text

CUSTOM_MAX = 100  # other skills typed (其他特长), as the sign-up keeps them
PAUSE_ENDED = "member.pause-ended"  # the job due when a member's own pause ends


def pause_end_key(member_id: int) -> str:
    """The key of the job due at the end of a member's own pause (one pending at a time)."""
    return f"member:{member_id}:pause-end"


# the standings in which a member keeps their own profile: approved, or suspended by staff
# (they may still tidy their skills for when they are back)
_KEEPS_OWN = (MemberStatus.APPROVED, MemberStatus.SUSPENDED)


async def own_profile(session: AsyncSession, *, user: User) -> MemberProfile:
    """The member's own profile, approved or suspended by staff; NotFound otherwise (no sign-up,
    one pending or rejected, or deleted with /forget)."""
    profile = await session.get(MemberProfile, user.id)
    if (
        profile is None
        or profile.real_name == "-"
        or user.forgotten_at is not None
        or profile.status not in _KEEPS_OWN
    ):
        raise NotFound("member-self-none")
    return profile


async def set_skills(
    session: AsyncSession,
    *,
    user: User,
    skills: Collection[str],
    custom: str,
    now: datetime,
) -> MemberProfile:
    """The member's skills as they ticked them, and other skills typed (其他特长), kept; at least
    one of the two. Offers from now on follow them."""
    if any(s not in SKILLS for s in skills):
        raise InvalidInput("err-skills-unknown")
    codes = normalize_skills(list(skills))
    other = clean_text(custom, max_len=CUSTOM_MAX) if custom.strip() else ""
    if not codes and not other:
        raise InvalidInput("err-skills-empty")
    profile = await own_profile(session, user=user)
    before = f"{profile.skills}|{profile.custom_skills}"
    profile.skills, profile.custom_skills = ",".join(codes), other
    profile.updated_at = now
    audit.record(
        session,
        actor_id=user.id,
        action="member_skills",
        subject_type="member",
        subject_id=user.id,
        detail=f"{before} → {profile.skills}|{profile.custom_skills}"[:500],
    )
    await session.commit()
    return profile


async def set_grid(
    session: AsyncSession, *, user: User, grid_id: int | None, now: datetime
) -> MemberProfile:
    """The grid of their community the member serves (None: the whole community), kept. A grid
    of another community is refused: serving another community is staff's to approve."""
    profile = await own_profile(session, user=user)
    if grid_id is not None:
        grid = await session.get(Grid, grid_id)
        if grid is None or grid.community_id != profile.community_id:
            raise NotFound("err-address-stale")
    before = profile.grid_id
    profile.grid_id = grid_id
    profile.updated_at = now
    audit.record(
        session,
        actor_id=user.id,
        action="member_grid",
        subject_type="member",
        subject_id=user.id,
        detail=f"{before or '-'} → {grid_id or '-'}",
    )
    await session.commit()
    return profile


async def pause(
    session: AsyncSession, *, user: User, until: datetime | None, now: datetime
) -> MemberProfile:
    """The member's own 暂停接单 from now until `until` (None: until they resume); offers held
    for them (quiet hours) are not sent. An end already passed is refused."""
    if until is not None and until <= now:
        raise InvalidInput("member-pause-end-past")
    profile = await own_profile(session, user=user)
    if profile.status != MemberStatus.APPROVED:
        raise Conflict("member-pause-suspended")
    profile.paused_at, profile.paused_until = now, until
    profile.updated_at = now
    await session.exec(  # type: ignore[call-overload]
        update(Delivery)
        .where(
            col(Delivery.chat_id) == user.id,
            col(Delivery.kind).like("member-offer%"),
            not_yet_sent(),
        )
        .values(state=DeliveryState.CANCELLED, error="member paused")
        .execution_options(synchronize_session=False)
    )
    # at its end they are told it is over (a pause without one ends only when they resume)
    if until is not None:
        await schedule_job(
            session,
            kind=PAUSE_ENDED,
            due_at=until,
            payload={"member_id": user.id, "since": now.isoformat()},
            key=pause_end_key(user.id),
        )
    else:
        await cancel_jobs(session, key=pause_end_key(user.id))
    audit.record(
        session,
        actor_id=user.id,
        action="member_pause",
        subject_type="member",
        subject_id=user.id,
        detail=until.isoformat() if until is not None else "",
    )
    await session.commit()
    return profile


async def resume(
    session: AsyncSession, *, user: User, now: datetime
) -> tuple[MemberProfile, bool]:
    """The member's own pause ended now (恢复接单); also whether one was holding."""
    profile = await own_profile(session, user=user)
    held = profile.paused(now)
    if profile.paused_at is None:
        return profile, False
    profile.paused_at = profile.paused_until = None
    profile.updated_at = now
    await cancel_jobs(session, key=pause_end_key(user.id))  # nothing to tell at its end
    if held:
        audit.record(
            session,
            actor_id=user.id,
            action="member_resume",
            subject_type="member",
            subject_id=user.id,
        )
    await session.commit()
    return profile, held


# ------------------------------------------------------------------ said in words


def _said(text: str | None) -> str:
    """Words as compared: NFKC, Simplified, lower case, apostrophes as spaces."""
    said = to_simplified(unicodedata.normalize("NFKC", text or "")).lower()
    return said.replace("'", " ").replace("’", " ")


_RESUME = re.compile(
    r"^(?:我|我要|我想|请|帮我|可以)?(?:恢复|重新|继续|开始)(?:接单|接活|接工单|派单|派活)"
    r"(?:了|吧|啦|啊)?[。.!！]?$"
    r"|^(?:i m |i am )?(?:back|resume|unpause)(?: taking)?(?: orders| work)?[.!]?$"
    r"|^(?:please )?(?:resume|restart) (?:my )?(?:orders|offers)[.!]?$"
)


def asks_resume(text: str | None) -> bool:
    """'恢复接单' / '继续接单' / 'resume orders': the member's own pause ended."""
    return bool(_RESUME.search(_said(text).strip()))


_CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7}
_CN_DIGITS |= {"八": 8, "九": 9}


def _cn_num(run: str) -> int | None:
    """'12', '十二', '二十', '三十一' as a number."""
    if run.isdigit():
        return int(run)
    if "十" in run:
        tens, _, ones = run.partition("十")
        t = _CN_DIGITS.get(tens, 0 if tens else 1) if tens else 1
        o = _CN_DIGITS.get(ones, 0) if ones else 0
        if (tens and tens not in _CN_DIGITS) or (ones and ones not in _CN_DIGITS):
            return None
        return t * 10 + o
    return _CN_DIGITS.get(run) if len(run) == 1 else None


_NUM = r"\d{1,2}|[一二三四五六七八九十两]{1,3}"
_MONTH_DAY = re.compile(rf"(?P<m>{_NUM})\s*月\s*(?P<d>{_NUM})\s*[日号]?")
_DAY_ONLY = re.compile(rf"(?:到|至|直到|until)\s*(?P<d>{_NUM})\s*[日号]")
_MONTHS_EN = (
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
)
_EN_DATE = re.compile(
    r"(?:(?P<m1>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?P<d1>\d{1,2})"
    r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>jan|feb|mar|apr|may|jun|jul|aug|sep|"
    r"oct|nov|dec)[a-z]*)"
)
_SLASH_DATE = re.compile(r"(?<!\d)(?P<m>\d{1,2})\s*/\s*(?P<d>\d{1,2})(?!\d)")


def _end_of(day: date, zone: tzinfo) -> datetime:
    """The moment a local day is over (its next midnight)."""
    return datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone)


def _month_day(month: int, day: int, today: date) -> date | None:
    """That date this year, or next year's once this year's is behind."""
    for year in (today.year, today.year + 1):
        try:
            wanted = date(year, month, day)
        except ValueError:
            return None
        if wanted >= today:
            return wanted
    return None


@dataclass(frozen=True)
class PauseEnd:
    """When a pause said in words ends: `until` (an instant), or None when no end was said;
    `no_such_day`: a date was said that the calendar has not ('到2月30号')."""

    until: datetime | None
    no_such_day: bool = False


def pause_end(text: str | None, *, now: datetime, zone: tzinfo) -> PauseEnd:
    """The end a member gave their pause in words: '这周' the end of this week (Sunday night),
    '下周' of next week, '今天' / '明天' those days, '这个月' the month, '到12月20号' /
    'until Dec 20' the end of that day (next year's once this year's is behind); none said (or
    a date that does not exist, which says so): no end, until they resume."""
    said = _said(text)
    today = now.astimezone(zone).date()
    for found in (_MONTH_DAY.search(said), _SLASH_DATE.search(said)):
        if found is not None:
            month, day = _cn_num(found.group("m")), _cn_num(found.group("d"))
            wanted = _month_day(month, day, today) if month and day else None
            return PauseEnd(_end_of(wanted, zone)) if wanted else PauseEnd(None, True)
    english = _EN_DATE.search(said)
    if english is not None:
        month = _MONTHS_EN.index(english.group("m1") or english.group("m2")) + 1
        wanted = _month_day(month, int(english.group("d1") or english.group("d2")), today)
        return PauseEnd(_end_of(wanted, zone)) if wanted else PauseEnd(None, True)
    only_day = _DAY_ONLY.search(said)
    if only_day is not None:  # '到20号': this month's, or next month's once it is behind
        day = _cn_num(only_day.group("d")) or 0
        first = today.replace(day=1)
        start = first if day >= today.day else (first + timedelta(days=32)).replace(day=1)
        try:
            return PauseEnd(_end_of(start.replace(day=day), zone))
        except ValueError:  # no such day that month
            return PauseEnd(None, True)
    sunday = today + timedelta(days=6 - today.weekday())
    if re.search(r"下周|下星期|下礼拜|下个星期|下个礼拜|next week", said):
        return PauseEnd(_end_of(sunday + timedelta(days=7), zone))
    if re.search(r"这周|本周|这星期|这个星期|这礼拜|这个礼拜|周末|this week|the week", said):
        return PauseEnd(_end_of(sunday, zone))
    if re.search(r"这个月|本月|this month", said):
        first_next = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
        return PauseEnd(_end_of(first_next - timedelta(days=1), zone))
    if re.search(r"明天|tomorrow", said):
        return PauseEnd(_end_of(today + timedelta(days=1), zone))
    if re.search(r"今天|today", said):
        return PauseEnd(_end_of(today, zone))
    return PauseEnd(None)


_SKILLS_NAMED = re.compile(
    r"技能|特长|专长|本事|手艺|skills?\b|what i can do"
    r"|(?:加上|加一下|添上|添加|补上|加进去|写上|记上)(?!.*(?:照片|图片|地址|电话))"
    r"|\badd (?:it|that|this)\b|\b(?:i can now|now i can|i also)\b"
)
_SKILLS_WORD = re.compile(r"技能|特长|专长|本事|手艺|skill|改|换|想|要|一下")
_SKILLS_ADD = re.compile(r"加上|加一下|添上|添加|补上|加进去|写上|记上|\badd\b")
_SKILLS_CHANGE = re.compile(
    r"改|换|更新|修改|更改|变更|加|添|补|删|去掉|去除|不会了|update|change|edit|add|remove"
)
# the command words around skills ('我会修电脑了，加上'), not skills themselves
_SKILLS_COMMAND = re.compile(
    r"(?:我想|我要|帮我|请|麻烦)?(?:加上|加一下|添上|添加|补上|加进去|写上|记上)(?:吧|去|了)?"
    r"|(?:也|现在|最近|新)?(?:学会了|学会|会了)|[了吧啊呀哈](?=[\s,，。.!！]|$)"
    r"|\b(?:please |can you )?add (?:it|that|this)\b|\b(?:i can now|now i can|i also can)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class SkillsWish:
    """A member's words about their skills: the catalogue skills named in them (to tick), and
    the rest of what they said they can do (其他特长), when they asked for it to be added."""

    named: list[str]
    other: str = ""


def skills_wish(text: str | None, names: Mapping[str, Collection[str]]) -> SkillsWish | None:
    """A member's short message asking to change their skills ('我想改一下我的技能', '修改特长',
    'change my skills'), or adding one they now have ('我会修电脑了，加上', 'I can now teach
    phones, add it'); the skills it names (`names`: as `read_typed` takes them). None for other
    words ('我会修电脑' alone is no change asked)."""
    said = _said(text).strip()
    if not said or len(said) > 60:
        return None
    if not _SKILLS_NAMED.search(said) or not _SKILLS_CHANGE.search(said):
        return None
    rest = _SKILLS_COMMAND.sub(" ", said)
    codes, others = read_typed(rest, names)
    # what is left is a skill of its own only when short and no word about skills:
    # '我会开锁了，加上' → 开锁; not '想改一下我的技能'
    adds = _SKILLS_ADD.search(said) is not None
    pieces = [p.strip() for p in others.split(",") if p.strip()]
    other = ", ".join(p for p in pieces if len(p) <= 8 and not _SKILLS_WORD.search(p))
    return SkillsWish(named=codes, other=other if adds and other == others else "")


_GRID_MOVE = re.compile(
    r"搬到|搬去|搬进|搬了|调到|调去|换到|换去|换成|转到|改到|改成|改为|以后服务|服务于|改服务|去服务|"
    r"负责|\b(?:moved?|serve|serving|switch(?:ed)?|transfer(?:red)?)\b"
)
# words of a matter in the grid, not a move ('第二网格的路灯坏了')
_GRID_MATTER = re.compile(r"坏|漏|堵|吵|脏|乱|臭|没电|停水|停电|[?？吗]|broken|leak")


def grid_named(text: str | None, grids: Collection[Grid]) -> Grid | None:
    """The grid of their community a member's short message moves them to ('我搬到第二网格了',
    '我以后服务第二网格', 'I serve Grid 2 now'), by its name (or its English name); None when
    no grid, or more than one, is named, or nothing says a move."""
    said = _said(text)
    if not said or len(said) > 60 or not _GRID_MOVE.search(said) or _GRID_MATTER.search(said):
        return None
    found = [g for g in grids if any(name and _said(name) in said for name in (g.name, g.name_en))]
    return found[0] if len(found) == 1 else None


def says_moved_home(text: str | None) -> bool:
    """The words about a grid say a move (搬, 'moved'): it may be their home, too."""
    return bool(re.search(r"搬|\bmoved?\b", _said(text)))


def typed_skills(text: str, names: Mapping[str, Collection[str]]) -> tuple[list[str], str]:
    """Skills typed at the skill picker: the catalogue's (ticked) and the rest (其他特长), as at
    sign-up; words around them ('我会修电脑了，加上') are not skills."""
    rest = _SKILLS_COMMAND.sub(" ", unicodedata.normalize("NFKC", text))
    codes, others = read_typed(rest, names)
    pieces = [p.strip() for p in others.split(",") if p.strip() and not _SKILLS_WORD.search(p)]
    return codes, ", ".join(pieces)


# a member saying they moved or want to change community: '我搬到和谐社区了', '我想换到和谐社区',
# 'I moved to another community'
_MOVE_WORDS = re.compile(
    r"搬|换到|换去|换个|换社区|转到|转去|转入|转社区|调到|迁到|迁去"
    r"|\bmov(?:e|ed|ing)\b|\bchange (?:my |of )?community\b|\bswitch\b|\btransfer me\b"
)
_COMMUNITY_WORDS = re.compile(r"社区|\bcommunity\b|\bneighbou?rhood\b")


@dataclass(frozen=True)
class CommunityMove:
    """A member's words asking to change community: the one named (None: not said which)."""

    to: Community | None


def community_move(
    text: str | None, communities: Collection[Community], *, own: int
) -> CommunityMove | None:
    """Words saying the member moved (or wants to move) to another community: the community
    named (by its name, or its English name), or None for one not named ('another community').
    Words naming their own community, or no community at all, are not this (None)."""
    said = _said(text)
    if not said or not _MOVE_WORDS.search(said):
        return None
    named = [
        c for c in communities if any(name and _said(name) in said for name in (c.name, c.name_en))
    ]
    others = [c for c in named if c.id != own]
    if len(others) == 1:
        return CommunityMove(to=others[0])
    if named or not _COMMUNITY_WORDS.search(said):
        return None
    return CommunityMove(to=None)
