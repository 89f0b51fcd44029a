"""Meetings (议事会): draft → publish → RSVP with waitlist → reminders → check-in → minutes.

Status changes follow models.consultations.MEETING_TRANSITIONS and are conditional UPDATEs, so
two staff tapping at once cannot both succeed. Every action writes an audit event.
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from sqlalchemy import func, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import AuditEvent, Building, Grid, Role, User
from models.base import utcnow
from models.consultations import (
    MEETING_TRANSITIONS,
    AgendaItem,
    AudienceKind,
    CheckIn,
    Decision,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Rsvp,
    RsvpAnswer,
    RsvpStatus,
)
from models.org import building_in_english
from models.scheduling import Delivery
from services import audit
from services.consult_common import (
    Audience,
    Notifier,
    ask_data,
    audience_users,
    check_audience,
    checkin_data,
    in_audience,
    rsvp_data,
    schedule,
    unschedule,
)
from services.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from services.places import PlaceNames
from services.triage.text import to_simplified
from services.users import can_act_in, require_scope
from services.validation import TYPED_MAX, clean_text, strip_list_marker, whole_number

TITLE_MAX = 100
AGENDA_MAX_CHARS = 2000
AGENDA_MAX_ITEMS = 20
PLACE_MAX = 200
MINUTES_MAX = 3000
DECISIONS_MAX = 20
DECISION_MAX = 500
# minutes and decisions go out in one message: with the title and the lines around them they
# must stay under Telegram's 4,096 characters, or no one invited would get them
MINUTES_TOTAL_MAX = 3600
MAX_CAPACITY = 5000
MAX_DAYS_AHEAD = 180
DURATION_RANGE = (15, 600)
CHECKIN_BEFORE = timedelta(minutes=30)
REMINDERS = (timedelta(hours=24), timedelta(hours=1))
JOB_REMIND = "meeting.remind"
JOB_CHECKIN = "meeting.checkin"
# the meeting's start and its planned end: its staff cards on screens read 进行中, then
# 已结束，待发纪要 (services.consult_jobs.meeting_moment; check-in opening redraws them too)
JOB_MOMENT = "meeting.moment"
MOMENTS = ("start", "end")


@dataclass
class MeetingDraft:
    """What staff fill in when creating a meeting."""

    community_id: int
    title: str
    agenda: list[str]
    starts_at: datetime
    kind: MeetingKind = MeetingKind.RESIDENTS
    duration_minutes: int = 90
    place: str | None = None
    online_link: str | None = None
    audience_kind: AudienceKind = AudienceKind.COMMUNITY
    audience_ids: tuple[int, ...] = ()
    capacity: int | None = None


@dataclass
class RsvpOutcome:
    """Where the person stands after answering, and who moved up from the waitlist."""

    status: RsvpStatus
    position: int = 0
    promoted: list[int] = field(default_factory=list)
    reminder_due: bool = True  # False: every reminder time has passed (it starts soon)
    # the person's earlier answers to the meeting, replaced by the one the caller sends now
    # (no longer redrawn): their message ids, to take away
    replaced: list[int] = field(default_factory=list)


@dataclass
class Counts:
    """RSVP and attendance counts of a meeting."""

    going: int = 0
    waitlist: int = 0
    maybe: int = 0
    no: int = 0
    checked_in: int = 0


def ends_at(meeting: Meeting) -> datetime:
    """When the meeting is planned to end."""
    return meeting.starts_at + timedelta(minutes=meeting.duration_minutes)


def clean_title(text: str | None) -> str:
    """A meeting title, checked."""
    return clean_text(text, max_len=TITLE_MAX, key="meeting-err-title").replace("\n", " ")


def clean_agenda(items: list[str] | str) -> list[str]:
    """Agenda items (a list, or one per line), each trimmed; refuses huge or empty agendas."""
    lines = items.splitlines() if isinstance(items, str) else list(items)
    total = sum(len(x) for x in lines)
    if total > AGENDA_MAX_CHARS:
        raise InvalidInput("meeting-err-agenda-too-long", limit=AGENDA_MAX_CHARS, length=total)
    cleaned = [clean_text(x, max_len=AGENDA_MAX_CHARS) for x in lines if x and x.strip()]
    # "1. 介绍方案" is numbered again when shown; "1号楼加装电梯" keeps its number
    cleaned = [strip_list_marker(x) for x in cleaned]
    if not cleaned:
        raise InvalidInput("meeting-err-agenda-empty")
    if len(cleaned) > AGENDA_MAX_ITEMS:
        raise InvalidInput("meeting-err-agenda-count", limit=AGENDA_MAX_ITEMS)
    return cleaned


def clean_where(place: str | None, link: str | None) -> tuple[str | None, str | None]:
    """A place and/or an https link; at least one."""
    clean_place = clean_text(place, max_len=PLACE_MAX).replace("\n", " ") if place else None
    clean_link = None
    if link:
        clean_link = link.strip()
        if not clean_link.startswith("https://") or len(clean_link) > 300 or " " in clean_link:
            raise InvalidInput("meeting-err-link")
    if not clean_place and not clean_link:
        raise InvalidInput("meeting-err-where")
    return clean_place, clean_link


def check_start(starts_at: datetime, *, now: datetime) -> datetime:
    """A start time in the future, and not absurdly far ahead."""
    if starts_at <= now:
        raise InvalidInput("meeting-err-start-past")
    if starts_at - now > timedelta(days=MAX_DAYS_AHEAD):
        raise InvalidInput("meeting-err-too-far", days=MAX_DAYS_AHEAD)
    return starts_at


def check_postpone(meeting: Meeting, starts_at: datetime, *, now: datetime) -> datetime:
    """A new start for 延期: in the future and later than the one planned (an earlier time
    is a 修改, not a postponement)."""
    check_start(starts_at, now=now)
    if starts_at <= meeting.starts_at:
        raise InvalidInput("meeting-err-postpone-earlier")
    return starts_at


def check_capacity(capacity: int | None) -> int | None:
    """None (no limit) or 1..MAX_CAPACITY."""
    if capacity is not None and not 1 <= capacity <= MAX_CAPACITY:
        raise InvalidInput("meeting-err-capacity", high=MAX_CAPACITY)
    return capacity


# what people type for "no limit" at a capacity step (read after Traditional → Simplified,
# so 不限人數 / 無限 / 沒有限制 are the same words); 0 is the usual "no limit" of paper forms
UNLIMITED_WORDS = frozenset(
    {
        "不限",
        "不限人数",
        "人数不限",
        "不限制",
        "无限",
        "无限制",
        "没有限制",
        "没限制",
        "无上限",
        "不设上限",
        "没有上限",
        "无",
        "没有",
        "0",
        "no limit",
        "unlimited",
        "none",
    }
)


# around the number of a capacity: "最多50人", "限五十位", "两百个人", "up to 50 people"
_CAPACITY_WORDS = re.compile(
    r"^(?:最多|至多|上限|限|up to|max\.?)?\s*(?P<n>.+?)\s*"
    r"(?:个人|人|位|个|名|people|persons|person|seats)?$"
)


def read_capacity(typed: str | None, *, unlimited: Collection[str] = ()) -> int | None:
    """A capacity as staff type it: "50", "５０人", "五十", "一百", "两百人", "50位", "最多80人",
    "50 people", or a "no limit" word in Simplified or Traditional characters ("不限",
    "不限人數", "无限", "0", "零") → None; `unlimited` adds the no-limit button's label in
    every language. Anything else is refused."""
    text = to_simplified(unicodedata.normalize("NFKC", typed or "")).strip().casefold()
    text = text.strip(" 。.!！~～")
    words = UNLIMITED_WORDS | {to_simplified(w).casefold() for w in unlimited}
    match = _CAPACITY_WORDS.match(text)
    number = match.group("n") if match else text
    if text in words or number in words:
        return None
    count = whole_number(number)
    if count is None:
        raise InvalidInput("meeting-err-capacity", high=MAX_CAPACITY)
    return check_capacity(count or None)  # 0 / 零: no limit, as on paper forms


async def create_meeting(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    draft: MeetingDraft,
    now: datetime,
) -> Meeting:
    """Check everything and save the meeting as a draft (nobody is told yet)."""
    await require_scope(
        session, user=user, roles=roles, community_id=draft.community_id, action="meeting-create"
    )
    title = clean_title(draft.title)
    agenda = clean_agenda(draft.agenda)
    check_start(draft.starts_at, now=now)
    low, high = DURATION_RANGE
    if not low <= draft.duration_minutes <= high:
        raise InvalidInput("meeting-err-duration", low=low, high=high)
    place, link = clean_where(draft.place, draft.online_link)
    check_capacity(draft.capacity)
    audience = await check_audience(
        session,
        audience=Audience(
            community_id=draft.community_id, kind=draft.audience_kind, ids=draft.audience_ids
        ),
    )
    meeting = Meeting(
        community_id=draft.community_id,
        kind=MeetingKind(draft.kind),
        title=title,
        starts_at=draft.starts_at,
        duration_minutes=draft.duration_minutes,
        place=place,
        online_link=link,
        audience_kind=audience.kind,
        audience_ids=audience.ids_text,
        capacity=draft.capacity,
        created_by=user.id,
        created_at=now,
    )
    session.add(meeting)
    await session.flush()
    assert meeting.id is not None
    for position, text in enumerate(agenda):
        session.add(AgendaItem(meeting_id=meeting.id, position=position, text=text))
    _audit(session, user.id, "meeting-create", meeting.id, title)
    await session.commit()
    return meeting


def _audit(
    session: AsyncSession, actor_id: int | None, action: str, meeting_id: int, detail: str = ""
) -> None:
    audit.record(
        session,
        actor_id=actor_id,
        action=action,
        subject_type="meeting",
        subject_id=meeting_id,
        detail=detail,
    )


async def get_meeting(session: AsyncSession, *, meeting_id: int, lock: bool = False) -> Meeting:
    """The meeting, or NotFound; lock=True holds its row (PostgreSQL) for seat counting."""
    stmt = select(Meeting).where(Meeting.id == meeting_id)
    if lock:
        stmt = stmt.with_for_update()
    meeting = (await session.exec(stmt.execution_options(populate_existing=True))).first()
    if meeting is None:
        raise NotFound("meeting-err-not-found")
    return meeting


async def agenda_of(session: AsyncSession, *, meeting_id: int) -> list[AgendaItem]:
    """The agenda items in order."""
    stmt = (
        select(AgendaItem)
        .where(AgendaItem.meeting_id == meeting_id)
        .order_by(col(AgendaItem.position), col(AgendaItem.id))
    )
    return list((await session.exec(stmt)).all())


def meeting_audience(meeting: Meeting) -> Audience:
    """The stored audience of a meeting."""
    return Audience.stored(
        community_id=meeting.community_id, kind=meeting.audience_kind, ids=meeting.audience_ids
    )


async def require_meeting_staff(
    session: AsyncSession, *, user: User, roles: Collection[Role], meeting: Meeting, action: str
) -> None:
    """Only staff of the meeting's community (or admins) manage it."""
    await require_scope(
        session, user=user, roles=roles, community_id=meeting.community_id, action=action
    )


async def _move(
    session: AsyncSession, meeting: Meeting, *, to: MeetingStatus, values: dict[str, Any]
) -> None:
    """A legal status change, applied only if nobody changed the status meanwhile."""
    current = MeetingStatus(meeting.status)
    if to not in MEETING_TRANSITIONS[current]:
        raise Conflict(_status_error(current))
    done = await session.exec(
        update(Meeting)
        .where(col(Meeting.id) == meeting.id, col(Meeting.status) == current)
        .values(status=to, **values)
    )
    if done.rowcount != 1:
        raise Conflict("meeting-err-not-published")
    await session.refresh(meeting)


def _status_error(status: MeetingStatus) -> str:
    """Why staff cannot do something to a meeting in this status (staff wording)."""
    return {
        MeetingStatus.CANCELLED: "meeting-err-staff-cancelled",
        MeetingStatus.MINUTED: "meeting-err-minuted",
        MeetingStatus.PUBLISHED: "meeting-err-not-draft",
        MeetingStatus.DRAFT: "meeting-err-not-published",
    }[status]


_ACTION_STATES: dict[str, frozenset[MeetingStatus]] = {
    "publish": frozenset({MeetingStatus.DRAFT}),
    "edit": frozenset({MeetingStatus.DRAFT, MeetingStatus.PUBLISHED}),
    "postpone": frozenset({MeetingStatus.PUBLISHED}),
    "cancel": frozenset({MeetingStatus.DRAFT, MeetingStatus.PUBLISHED}),
    "minutes": frozenset({MeetingStatus.PUBLISHED}),
}


async def check_staff_action(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    meeting_id: int,
    action: str,
    now: datetime,
) -> Meeting:
    """Refuse at the first tap what the last step of a dialog would refuse (scope and status),
    so staff never type for nothing; returns the meeting."""
    meeting = await get_meeting(session, meeting_id=meeting_id)
    await require_meeting_staff(
        session, user=user, roles=roles, meeting=meeting, action=f"meeting-{action}"
    )
    status = MeetingStatus(meeting.status)
    if status not in _ACTION_STATES[action]:
        if action == "postpone" and status == MeetingStatus.DRAFT:
            raise Conflict("meeting-err-postpone-draft")
        raise Conflict(_status_error(status))
    if action == "minutes" and now < meeting.starts_at:
        raise InvalidInput("meeting-err-minutes-early")
    if action in ("edit", "postpone"):
        check_not_over(meeting, now=now)
    return meeting


def check_not_over(meeting: Meeting, *, now: datetime) -> None:
    """Refused once a published meeting's planned end has passed: it was held (or not) as
    announced; what is left is its minutes (a card drawn before the end still offered ✏️ 修改
    and ⏳ 延期, and a postponement moved a meeting already over)."""
    if meeting.status == MeetingStatus.PUBLISHED and now >= ends_at(meeting):
        raise Conflict("meeting-err-over-staff")


async def audience_names(session: AsyncSession, *, audience: Audience) -> str:
    """The names of the grids or buildings an audience names, a list of them as each reader
    reads them (services.places.PlaceNames; "" for community/members)."""
    if audience.kind == AudienceKind.GRIDS:
        grids = (await session.exec(select(Grid).where(col(Grid.id).in_(audience.ids)))).all()
        return PlaceNames((g.name for g in grids), english=(g.name_en or g.name for g in grids))
    if audience.kind == AudienceKind.BUILDINGS:
        rows = await session.exec(select(Building).where(col(Building.id).in_(audience.ids)))
        buildings = [b.name for b in rows.all()]
        return PlaceNames(buildings, english=map(building_in_english, buildings))
    return ""


async def card_args(
    session: AsyncSession, *, meeting: Meeting, notifier: Notifier
) -> dict[str, object]:
    """Placeables of the meeting card (meeting-card in the locale files)."""
    assert meeting.id is not None
    items = await agenda_of(session, meeting_id=meeting.id)
    agenda = "\n".join(f"{i}. {item.text}" for i, item in enumerate(items, start=1))
    return {
        "kind": meeting.kind,
        "title": meeting.title,
        "when": notifier.local(meeting.starts_at),
        "duration": meeting.duration_minutes,
        "place": meeting.place or "none",
        "link": meeting.online_link or "none",
        "audience_kind": meeting.audience_kind,
        "audience_names": await audience_names(session, audience=meeting_audience(meeting)),
        "capacity": meeting.capacity or 0,
        "agenda": agenda,
    }


async def _new_code(session: AsyncSession) -> str:
    """A 6-digit check-in code not used by another published meeting."""
    while True:
        code = f"{secrets.randbelow(900000) + 100000}"
        stmt = select(Meeting).where(
            Meeting.checkin_code == code, Meeting.status == MeetingStatus.PUBLISHED
        )
        if (await session.exec(stmt)).first() is None:
            return code


async def _schedule_reminders(session: AsyncSession, *, meeting: Meeting, now: datetime) -> None:
    assert meeting.id is not None
    for before in REMINDERS:
        due = meeting.starts_at - before
        key = f"meeting:{meeting.id}:remind:{int(before.total_seconds() // 60)}"
        if due > now:
            await schedule(
                session,
                kind=JOB_REMIND,
                due_at=due,
                payload={"meeting_id": meeting.id, "version": meeting.version},
                key=key,
            )
        else:
            await unschedule(session, key=key)
    await schedule(
        session,
        kind=JOB_CHECKIN,
        due_at=max(meeting.starts_at - CHECKIN_BEFORE, now),
        payload={"meeting_id": meeting.id, "version": meeting.version},
        key=f"meeting:{meeting.id}:checkin",
    )
    await _schedule_moments(session, meeting=meeting, now=now)


async def _schedule_moments(session: AsyncSession, *, meeting: Meeting, now: datetime) -> None:
    """The meeting's start and planned end, each a moment its staff cards read differently
    from (进行中, 已结束，待发纪要): planned (again, same key) for the times it has now."""
    assert meeting.id is not None
    for moment, due in zip(MOMENTS, (meeting.starts_at, ends_at(meeting)), strict=True):
        key = f"meeting:{meeting.id}:moment:{moment}"
        if due > now:
            await schedule(
                session, kind=JOB_MOMENT, due_at=due, payload={"meeting_id": meeting.id}, key=key
            )
        else:
            await unschedule(session, key=key)


async def _unschedule_all(session: AsyncSession, *, meeting_id: int) -> None:
    for before in REMINDERS:
        minutes = int(before.total_seconds() // 60)
        await unschedule(session, key=f"meeting:{meeting_id}:remind:{minutes}")
    await unschedule(session, key=f"meeting:{meeting_id}:checkin")
    for moment in MOMENTS:
        await unschedule(session, key=f"meeting:{meeting_id}:moment:{moment}")


RSVP_BUTTONS = ("meeting-btn-yes", "meeting-btn-maybe", "meeting-btn-no")


def rsvp_buttons(meeting_id: int) -> list[list[tuple[str, str]]]:
    """去 / 不确定 / 不去, as (label key, callback data)."""
    answers = (RsvpAnswer.YES, RsvpAnswer.MAYBE, RsvpAnswer.NO)
    return [
        [(label, rsvp_data(meeting_id, a)) for label, a in zip(RSVP_BUTTONS, answers, strict=True)]
    ]


async def publish_meeting(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    meeting_id: int,
    now: datetime,
    notifier: Notifier,
) -> tuple[Meeting, int]:
    """Publish a draft: the audience is told (with RSVP buttons), reminders are scheduled."""
    meeting = await get_meeting(session, meeting_id=meeting_id)
    await require_meeting_staff(
        session, user=user, roles=roles, meeting=meeting, action="meeting-publish"
    )
    if meeting.status == MeetingStatus.DRAFT:
        check_start(meeting.starts_at, now=now)
    await _move(
        session,
        meeting,
        to=MeetingStatus.PUBLISHED,
        values={"published_at": now, "checkin_code": await _new_code(session)},
    )
    _audit(session, user.id, "meeting-publish", meeting_id)
    users = await audience_users(session, audience=meeting_audience(meeting))
    count = await notifier.send(
        session,
        users=users,
        key="meeting-announce",
        args={**await card_args(session, meeting=meeting, notifier=notifier), "open": "yes"},
        # 去 / 不确定 / 不去, and ❓ 问组织者 (services.meeting_questions)
        buttons=[*rsvp_buttons(meeting_id), [("mq-btn-ask", ask_data(meeting_id))]],
        kind="meeting",
        community_id=meeting.community_id,
        deliver_by=meeting.starts_at,
        dedupe=f"meeting:{meeting_id}:announce",
    )
    # for the whole community, a public notice in its group too (no agenda, no link, no names)
    from services.public_notices import announce_meeting

    await announce_meeting(session, meeting=meeting, notifier=notifier)
    await _schedule_reminders(session, meeting=meeting, now=now)
    await session.commit()
    return meeting, count


async def _rsvp_of(session: AsyncSession, *, meeting_id: int, user_id: int) -> Rsvp | None:
    stmt = select(Rsvp).where(Rsvp.meeting_id == meeting_id, Rsvp.user_id == user_id)
    return (await session.exec(stmt.execution_options(populate_existing=True))).first()


async def _count(session: AsyncSession, *, meeting_id: int, status: RsvpStatus) -> int:
    stmt = (
        select(func.count())
        .select_from(Rsvp)
        .where(col(Rsvp.meeting_id) == meeting_id, col(Rsvp.status) == status)
    )
    return int((await session.exec(stmt)).one())


async def _waitlist(session: AsyncSession, *, meeting_id: int) -> list[Rsvp]:
    stmt = (
        select(Rsvp)
        .where(Rsvp.meeting_id == meeting_id, Rsvp.status == RsvpStatus.WAITLIST)
        .order_by(col(Rsvp.queued_at), col(Rsvp.id))
    )
    return list((await session.exec(stmt)).all())


async def waitlist_position(session: AsyncSession, *, meeting_id: int, user_id: int) -> int:
    """1-based place on the waitlist (0 when not waitlisted)."""
    for i, row in enumerate(await _waitlist(session, meeting_id=meeting_id), start=1):
        if row.user_id == user_id:
            return i
    return 0


async def _fill_seats(session: AsyncSession, *, meeting: Meeting, now: datetime) -> list[int]:
    """Move the earliest waitlisted people into free seats; returns who moved up."""
    assert meeting.id is not None
    free = None
    if meeting.capacity is not None:
        free = meeting.capacity - await _count(
            session, meeting_id=meeting.id, status=RsvpStatus.GOING
        )
    promoted = []
    for row in await _waitlist(session, meeting_id=meeting.id):
        if free is not None and free <= 0:
            break
        row.status = RsvpStatus.GOING
        row.updated_at = now
        promoted.append(row.user_id)
        _audit(session, row.user_id, "meeting-waitlist-promoted", meeting.id)
        if free is not None:
            free -= 1
    await session.flush()
    return promoted


def _check_open_for_rsvp(meeting: Meeting, *, now: datetime) -> None:
    if meeting.status == MeetingStatus.CANCELLED:
        raise Conflict("meeting-err-cancelled")
    if meeting.status == MeetingStatus.DRAFT:
        raise Conflict("meeting-err-not-published")
    if meeting.status == MeetingStatus.MINUTED or now >= ends_at(meeting):
        raise Conflict("meeting-err-over")


async def rsvp(
    session: AsyncSession,
    *,
    user: User,
    meeting_id: int,
    answer: RsvpAnswer,
    now: datetime,
    notifier: Notifier,
    shown_on: int | None = None,
) -> RsvpOutcome:
    """去 / 不确定 / 不去: a YES takes a seat or joins the waitlist; a freed seat moves it up.
    The person's messages showing the meeting (card, notices of their place) are redrawn as
    they now stand, except the one tapped (`shown_on`, its message id), which the caller
    redraws. Their earlier answers ('已报名：…') are not: the caller sends the answer anew
    and takes those away (`RsvpOutcome.replaced`)."""
    meeting = await get_meeting(session, meeting_id=meeting_id, lock=True)
    try:
        _check_open_for_rsvp(meeting, now=now)
    except Conflict:
        await session.commit()  # nothing changed; releases the row lock
        raise
    audience = meeting_audience(meeting)
    if not await in_audience(session, user=user, audience=audience):
        await session.commit()  # nothing changed; releases the row lock
        if audience.kind != AudienceKind.MEMBERS and not user.registered:
            raise PermissionDenied("err-need-register")
        raise PermissionDenied("meeting-err-not-audience")
    answer = RsvpAnswer(answer)
    row = await _rsvp_of(session, meeting_id=meeting_id, user_id=user.id)
    before = RsvpStatus(row.status) if row else None
    if row is None:
        row = Rsvp(meeting_id=meeting_id, user_id=user.id, status=RsvpStatus.NO, updated_at=now)
        session.add(row)
    status: RsvpStatus
    try:
        if answer == RsvpAnswer.YES and before in (RsvpStatus.GOING, RsvpStatus.WAITLIST):
            status = before
        elif answer == RsvpAnswer.YES:
            # Queue first, then count: the write takes SQLite's write lock (PostgreSQL: the
            # meeting row is locked above), so two taps at once cannot both see a free seat.
            row.status, row.queued_at, row.updated_at = RsvpStatus.WAITLIST, now, now
            await session.flush()
            going = await _count(session, meeting_id=meeting_id, status=RsvpStatus.GOING)
            full = meeting.capacity is not None and going >= meeting.capacity
            status = RsvpStatus.WAITLIST if full else RsvpStatus.GOING
        else:
            status = RsvpStatus.MAYBE if answer == RsvpAnswer.MAYBE else RsvpStatus.NO
        row.status = status
        row.updated_at = now
        if status != before:
            _audit(session, user.id, "meeting-rsvp", meeting_id, status)
        await session.flush()
        promoted: list[int] = []
        if before == RsvpStatus.GOING and status != RsvpStatus.GOING:
            promoted = await _fill_seats(session, meeting=meeting, now=now)
        await session.commit()
    except IntegrityError:  # a double tap created the row twice: the first one counts
        await session.rollback()
        raise Conflict("poll-err-try-again") from None
    if promoted:
        await _tell_promoted(session, meeting=meeting, user_ids=promoted, notifier=notifier)
    from services.meeting_messages import forget_replies

    # the caller answers with a new reply: their earlier ones are not redrawn to say the same
    replaced = await forget_replies(session, meeting_id=meeting_id, chat_id=user.id)
    if status != before:
        # their cards and the notices of their place say what is true now, at once
        moved = [user.id]
        if before == RsvpStatus.WAITLIST and not promoted:
            # they left the waitlist: those behind them moved up it, and their answers say where
            moved += [r.user_id for r in await _waitlist(session, meeting_id=meeting_id)]
        await _redraw(
            session,
            meeting=meeting,
            notifier=notifier,
            now=now,
            user_ids=moved,
            skip=None if shown_on is None else (user.id, shown_on),
        )
    await session.commit()
    position = 0
    if status == RsvpStatus.WAITLIST:
        position = await waitlist_position(session, meeting_id=meeting_id, user_id=user.id)
    return RsvpOutcome(
        status=status,
        position=position,
        promoted=promoted,
        reminder_due=reminder_ahead(meeting, now=now),
        replaced=replaced,
    )


async def may_view(session: AsyncSession, *, meeting: Meeting, user: User) -> bool:
    """A resident sees a meeting that is published (or over) and meant for them, or one they
    answered; drafts and other audiences stay hidden."""
    if meeting.status == MeetingStatus.DRAFT:
        return False
    if await _rsvp_of(session, meeting_id=meeting.id or 0, user_id=user.id) is not None:
        return True
    return await in_audience(session, user=user, audience=meeting_audience(meeting))


def reminder_ahead(meeting: Meeting, *, now: datetime) -> bool:
    """True while at least one "starts soon" reminder is still to be sent."""
    return any(meeting.starts_at - before > now for before in REMINDERS)


def shown_status(meeting: Meeting, *, now: datetime) -> str:
    """The status people should read: a published meeting is taking check-ins, running or
    ended by the clock."""
    if meeting.status == MeetingStatus.PUBLISHED:
        if now >= ends_at(meeting):
            return "ended"
        if now >= meeting.starts_at:
            return "running"
        if now >= meeting.starts_at - CHECKIN_BEFORE:
            return "checkin"
    return str(meeting.status)


async def promoted_dedupe(session: AsyncSession, *, meeting_id: int, user_id: int) -> str:
    """The outbox key (less the user's id, which Notifier.send adds) of the notice that the
    person moved up from the waitlist: `meeting:<id>:promoted:<n>` for their n-th time, so
    that it is found to redraw (services.meeting_messages) and each time is told."""
    told = (
        select(func.count())
        .select_from(Delivery)
        .where(col(Delivery.dedupe_key).like(f"meeting:{meeting_id}:promoted:%:{user_id}"))
    )
    return f"meeting:{meeting_id}:promoted:{int((await session.exec(told)).one())}"


def moved_dedupe(meeting: Meeting, *, position: int) -> str:
    """The outbox key (less the user's id) of the notice that the person went to the waitlist,
    at this place: `meeting:<id>:moved:<version>:<place>`."""
    return f"meeting:{meeting.id}:moved:{meeting.version}:{position}"


def edit_dedupe(meeting: Meeting, *, changes: Collection[str]) -> str:
    """The outbox key (less the user's id) of the notice of a 修改, with what it changed:
    `meeting:<id>:edit:<version>:<place.time>` (the change keys less `new_`), so that one held
    for the night that set a time the meeting no longer has is told apart
    (services.meeting_messages)."""
    what = ".".join(sorted(key.removeprefix("new_") for key in changes))
    return f"meeting:{meeting.id}:edit:{meeting.version}:{what}"


async def _tell_promoted(
    session: AsyncSession, *, meeting: Meeting, user_ids: list[int], notifier: Notifier
) -> None:
    assert meeting.id is not None
    users = (await session.exec(select(User).where(col(User.id).in_(user_ids)))).all()
    for person in users:
        await notifier.send(
            session,
            users=[person],
            key="meeting-promoted",
            args={"title": meeting.title, "when": notifier.local(meeting.starts_at)},
            kind="meeting",
            community_id=meeting.community_id,
            deliver_by=meeting.starts_at,
            dedupe=await promoted_dedupe(session, meeting_id=meeting.id, user_id=person.id),
        )
    # their card and sign-up answer read 参加, not 候补; those still waiting, their new place
    waiting = [r.user_id for r in await _waitlist(session, meeting_id=meeting.id or 0)]
    await _redraw(
        session,
        meeting=meeting,
        notifier=notifier,
        now=notifier.now or utcnow(),
        user_ids=[*user_ids, *waiting],
    )
    await session.commit()


async def _redraw(
    session: AsyncSession,
    *,
    meeting: Meeting,
    notifier: Notifier,
    now: datetime,
    user_ids: Collection[int] | None = None,
    skip: tuple[int, int] | None = None,
) -> None:
    from services.meeting_messages import redraw  # it reads this module's cards
    from services.public_notices import redraw_meeting_notice

    await redraw(
        session, meeting=meeting, notifier=notifier, now=now, user_ids=user_ids, skip=skip
    )
    if user_ids is None:  # the meeting changed: its notice in the group reads so too
        await redraw_meeting_notice(session, meeting=meeting, notifier=notifier)


async def my_rsvp(session: AsyncSession, *, meeting_id: int, user_id: int) -> RsvpStatus | None:
    """The person's current answer, if any."""
    row = await _rsvp_of(session, meeting_id=meeting_id, user_id=user_id)
    return RsvpStatus(row.status) if row else None


async def counts(session: AsyncSession, *, meeting_id: int) -> Counts:
    """RSVP and check-in counts."""
    stmt = (
        select(Rsvp.status, func.count())
        .where(Rsvp.meeting_id == meeting_id)
        .group_by(col(Rsvp.status))
    )
    out = Counts()
    for status, n in (await session.exec(stmt)).all():
        setattr(out, RsvpStatus(status).value, int(n))
    checked = (
        select(func.count()).select_from(CheckIn).where(col(CheckIn.meeting_id) == meeting_id)
    )
    out.checked_in = int((await session.exec(checked)).one())
    return out


async def attendees(
    session: AsyncSession, *, user: User, roles: Collection[Role], meeting_id: int
) -> list[tuple[User, RsvpStatus, bool]]:
    """Staff view: everyone who answered, their answer and whether they checked in."""
    meeting = await get_meeting(session, meeting_id=meeting_id)
    await require_meeting_staff(
        session, user=user, roles=roles, meeting=meeting, action="meeting-attendees"
    )
    rows = (
        await session.exec(
            select(Rsvp, User)
            .join(User, col(User.id) == col(Rsvp.user_id))
            .where(Rsvp.meeting_id == meeting_id)
            .order_by(col(Rsvp.status), col(Rsvp.queued_at), col(Rsvp.id))
        )
    ).all()
    checked = set(
        (await session.exec(select(CheckIn.user_id).where(CheckIn.meeting_id == meeting_id))).all()
    )
    return [(u, RsvpStatus(r.status), u.id in checked) for r, u in rows]


async def _invited_answered(session: AsyncSession, *, meeting_id: int) -> list[User]:
    """People who said yes, maybe, or are waitlisted (told about edits)."""
    stmt = (
        select(User)
        .join(Rsvp, col(Rsvp.user_id) == col(User.id))
        .where(
            Rsvp.meeting_id == meeting_id,
            col(Rsvp.status).in_([RsvpStatus.GOING, RsvpStatus.WAITLIST, RsvpStatus.MAYBE]),
        )
    )
    return list((await session.exec(stmt)).all())


@dataclass
class MeetingEdit:
    """Fields staff change; None means unchanged."""

    title: str | None = None
    agenda: list[str] | str | None = None
    starts_at: datetime | None = None
    place: str | None = None
    online_link: str | None = None
    capacity: int | None = None
    unlimited: bool = False
    keep_over: bool = False  # a capacity below those going: staff chose to keep them all
    waitlist_over: bool = False  # … or to move the latest sign-ups to the waitlist
    moved: list[int] = field(default_factory=list)  # filled in: who went to the waitlist


class CapacityBelowGoing(Conflict):
    """More people are going than the new capacity allows: staff choose (keep them or not)."""


async def edit_meeting(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    meeting_id: int,
    edit: MeetingEdit,
    now: datetime,
    notifier: Notifier,
) -> tuple[Meeting, int]:
    """Change a draft or published meeting; people who answered are told exactly what changed.
    A capacity below the number going is refused (CapacityBelowGoing) unless edit.keep_over
    (everyone going stays; new sign-ups wait until seats free up) or edit.waitlist_over (the
    latest sign-ups who have not checked in go to the head of the waitlist and are told)."""
    meeting = await get_meeting(session, meeting_id=meeting_id, lock=True)
    await require_meeting_staff(
        session, user=user, roles=roles, meeting=meeting, action="meeting-edit"
    )
    if meeting.status not in (MeetingStatus.DRAFT, MeetingStatus.PUBLISHED):
        raise Conflict(_status_error(MeetingStatus(meeting.status)))
    check_not_over(meeting, now=now)  # a change typed in a form opened before the end
    if edit.capacity is not None and not (edit.unlimited or edit.keep_over or edit.waitlist_over):
        # asked before anything is changed: staff choose, nothing is saved meanwhile
        capacity = check_capacity(edit.capacity)
        over = await _over_capacity(session, meeting_id=meeting_id, capacity=capacity)
        if capacity is not None and capacity != meeting.capacity and over > 0:
            raise CapacityBelowGoing(
                "meeting-capacity-over", going=capacity + over, capacity=capacity, over=over
            )
    changes: dict[str, object] = {}
    if edit.title is not None and (title := clean_title(edit.title)) != meeting.title:
        meeting.title = title
        changes["new_title"] = title
    if edit.agenda is not None:
        items = clean_agenda(edit.agenda)
        current = [a.text for a in await agenda_of(session, meeting_id=meeting_id)]
        if items != current:
            for old in await agenda_of(session, meeting_id=meeting_id):
                await session.delete(old)
            for position, text in enumerate(items):
                session.add(AgendaItem(meeting_id=meeting_id, position=position, text=text))
            changes["new_agenda"] = "\n".join(f"{i}. {t}" for i, t in enumerate(items, 1))
    if edit.starts_at is not None and edit.starts_at != meeting.starts_at:
        meeting.starts_at = check_start(edit.starts_at, now=now)
        changes["new_time"] = notifier.local(meeting.starts_at)
    if edit.place is not None or edit.online_link is not None:
        place, link = clean_where(
            edit.place if edit.place is not None else meeting.place,
            edit.online_link if edit.online_link is not None else meeting.online_link,
        )
        if place != meeting.place:
            meeting.place = place
            changes["new_place"] = place or "-"
        if link != meeting.online_link:
            meeting.online_link = link
            changes["new_link"] = link or "-"
    if edit.unlimited or edit.capacity is not None:
        capacity = None if edit.unlimited else check_capacity(edit.capacity)
        if capacity != meeting.capacity:
            over = await _over_capacity(session, meeting_id=meeting_id, capacity=capacity)
            if over > 0 and edit.waitlist_over:
                edit.moved = await _latest_to_waitlist(
                    session, meeting_id=meeting_id, count=over, now=now
                )
            meeting.capacity = capacity
            changes["new_capacity"] = capacity or 0
    if not changes:
        raise InvalidInput("meeting-err-no-change")
    meeting.version += 1
    session.add(meeting)
    _audit(session, user.id, "meeting-edit", meeting_id, ",".join(sorted(changes)))
    told = 0
    if meeting.status == MeetingStatus.PUBLISHED:
        promoted = await _fill_seats(session, meeting=meeting, now=now)
        # reminders carry the version they were planned for: plan them again for this one
        await _schedule_reminders(session, meeting=meeting, now=now)
        users = [
            u
            for u in await _invited_answered(session, meeting_id=meeting_id)
            if u.id not in edit.moved  # they get their own notice, with their place
        ]
        args = {"title": meeting.title, **{k: "none" for k in CHANGE_KEYS}, **changes}
        told = await notifier.send(
            session,
            users=users,
            key="meeting-changed",
            args=args,
            kind="meeting",
            community_id=meeting.community_id,
            deliver_by=meeting.starts_at,
            dedupe=edit_dedupe(meeting, changes=changes),
        )
        await _redraw(session, meeting=meeting, notifier=notifier, now=now)
        await session.commit()
        if promoted:
            await _tell_promoted(session, meeting=meeting, user_ids=promoted, notifier=notifier)
        if edit.moved:
            await _tell_moved(session, meeting=meeting, user_ids=edit.moved, notifier=notifier)
    else:
        await session.commit()
    return meeting, told


async def _over_capacity(session: AsyncSession, *, meeting_id: int, capacity: int | None) -> int:
    """How many more people are going than `capacity` allows (0 without a limit)."""
    if capacity is None:
        return 0
    going = await _count(session, meeting_id=meeting_id, status=RsvpStatus.GOING)
    return max(0, going - capacity)


async def _latest_to_waitlist(
    session: AsyncSession, *, meeting_id: int, count: int, now: datetime
) -> list[int]:
    """The `count` people going who signed up last (and have not checked in) move to the
    waitlist, keeping their sign-up time: ahead of anyone who signed up after them."""
    checked = select(CheckIn.user_id).where(CheckIn.meeting_id == meeting_id)
    stmt = (
        select(Rsvp)
        .where(
            Rsvp.meeting_id == meeting_id,
            Rsvp.status == RsvpStatus.GOING,
            col(Rsvp.user_id).not_in(checked),
        )
        .order_by(col(Rsvp.queued_at).desc(), col(Rsvp.id).desc())
        .limit(count)
    )
    moved = []
    for row in (await session.exec(stmt)).all():
        row.status = RsvpStatus.WAITLIST
        row.queued_at = row.queued_at or row.updated_at
        row.updated_at = now
        session.add(row)
        moved.append(row.user_id)
        _audit(session, row.user_id, "meeting-moved-to-waitlist", meeting_id)
    await session.flush()
    return moved


async def _tell_moved(
    session: AsyncSession, *, meeting: Meeting, user_ids: list[int], notifier: Notifier
) -> None:
    """Each person moved to the waitlist is told, with their place on it."""
    assert meeting.id is not None
    for user_id in user_ids:
        person = await session.get(User, user_id)
        if person is None:
            continue
        position = await waitlist_position(session, meeting_id=meeting.id, user_id=user_id)
        await notifier.send(
            session,
            users=[person],
            key="meeting-moved-to-waitlist",
            args={
                "title": meeting.title,
                "when": notifier.local(meeting.starts_at),
                "capacity": meeting.capacity or 0,
                "position": position,
            },
            kind="meeting",
            community_id=meeting.community_id,
            deliver_by=meeting.starts_at,
            dedupe=moved_dedupe(meeting, position=position),
        )
    await session.commit()


# what a notice of a 修改 may tell (meeting-changed), each "none" when unchanged
CHANGE_KEYS = ("new_title", "new_agenda", "new_time", "new_place", "new_link", "new_capacity")


async def postpone_meeting(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    meeting_id: int,
    starts_at: datetime,
    reason: str,
    now: datetime,
    notifier: Notifier,
) -> tuple[Meeting, int]:
    """Move a published meeting to a later time; everyone invited is told, reminders move."""
    meeting = await get_meeting(session, meeting_id=meeting_id, lock=True)
    await require_meeting_staff(
        session, user=user, roles=roles, meeting=meeting, action="meeting-postpone"
    )
    if meeting.status != MeetingStatus.PUBLISHED:
        raise Conflict(_status_error(MeetingStatus(meeting.status)))
    check_not_over(meeting, now=now)  # a time typed in a form opened before the end
    check_postpone(meeting, starts_at, now=now)
    why = clean_text(reason, max_len=TYPED_MAX)
    meeting.starts_at = starts_at
    meeting.version += 1
    session.add(meeting)
    _audit(session, user.id, "meeting-postpone", meeting_id, f"{starts_at.isoformat()} {why}")
    await _schedule_reminders(session, meeting=meeting, now=now)
    users = await audience_users(session, audience=meeting_audience(meeting))
    from services.meeting_messages import chosen_data, chosen_label

    # their answer marked ('✅ 去'; '⏳ 候补第 2 位' on the waitlist) on their notice, as on
    # their announcement
    answered = {
        r.user_id: RsvpStatus(r.status)
        for r in (await session.exec(select(Rsvp).where(Rsvp.meeting_id == meeting_id))).all()
    }
    places = {
        r.user_id: i
        for i, r in enumerate(await _waitlist(session, meeting_id=meeting_id), start=1)
    }
    told = await notifier.send(
        session,
        users=users,
        key="meeting-postponed",
        args={"title": meeting.title, "when": notifier.local(starts_at), "reason": why},
        # 去 / 不确定 / 不去, and ❓ 问组织者 as on the announcement (services.meeting_questions)
        buttons=[*rsvp_buttons(meeting_id), [("mq-btn-ask", ask_data(meeting_id))]],
        chosen=lambda person: chosen_data(meeting_id, answered.get(person.id)),
        chosen_text=lambda person, key: chosen_label(
            partial(notifier.render, person),
            key,
            answered.get(person.id, RsvpStatus.GOING),
            places.get(person.id, 0),
        ),
        kind="meeting",
        community_id=meeting.community_id,
        deliver_by=meeting.starts_at,
        dedupe=f"meeting:{meeting_id}:postpone:{meeting.version}",
    )
    # what they were shown before (card, sign-up answer, announcement) reads the new time
    await _redraw(session, meeting=meeting, notifier=notifier, now=now)
    await session.commit()
    return meeting, told


async def cancel_meeting(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    meeting_id: int,
    reason: str,
    now: datetime,
    notifier: Notifier,
) -> tuple[Meeting, int]:
    """Cancel a draft or published meeting; everyone invited is told, reminders stop."""
    meeting = await get_meeting(session, meeting_id=meeting_id)
    await require_meeting_staff(
        session, user=user, roles=roles, meeting=meeting, action="meeting-cancel"
    )
    why = clean_text(reason, max_len=TYPED_MAX)
    was_published = meeting.status == MeetingStatus.PUBLISHED
    await _move(
        session,
        meeting,
        to=MeetingStatus.CANCELLED,
        values={"cancelled_at": now, "cancel_reason": why},
    )
    _audit(session, user.id, "meeting-cancel", meeting_id, why)
    await _unschedule_all(session, meeting_id=meeting_id)
    told = 0
    if was_published:
        users = await audience_users(session, audience=meeting_audience(meeting))
        told = await notifier.send(
            session,
            users=users,
            key="meeting-cancelled-notice",
            args={
                "title": meeting.title,
                "when": notifier.local(meeting.starts_at),
                "reason": why,
            },
            kind="meeting",
            community_id=meeting.community_id,
            deliver_by=meeting.starts_at,
            dedupe=f"meeting:{meeting_id}:cancel",
        )
        await _redraw(session, meeting=meeting, notifier=notifier, now=now)
    await session.commit()
    return meeting, told


async def drop_draft(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    meeting_id: int,
    now: datetime,
) -> Meeting:
    """Withdraw a meeting that is still a draft: nobody was told of it, so nobody is told now
    and no reason is asked (as a poll's draft). Once published meanwhile it is refused
    (meeting-err-not-draft): cancelling it then tells its audience, with a reason."""
    meeting = await get_meeting(session, meeting_id=meeting_id)
    await require_meeting_staff(
        session, user=user, roles=roles, meeting=meeting, action="meeting-cancel"
    )
    if meeting.status != MeetingStatus.DRAFT:
        raise Conflict(_status_error(MeetingStatus(meeting.status)))
    try:
        await _move(session, meeting, to=MeetingStatus.CANCELLED, values={"cancelled_at": now})
    except Conflict:  # published (or withdrawn) by a colleague since it was read
        await session.rollback()
        meeting = await get_meeting(session, meeting_id=meeting_id)
        raise Conflict(_status_error(MeetingStatus(meeting.status))) from None
    _audit(session, user.id, "meeting-cancel", meeting_id, "draft")
    await _unschedule_all(session, meeting_id=meeting_id)
    await session.commit()
    return meeting


async def change_draft_audience(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    meeting_id: int,
    audience: Audience,
) -> Meeting:
    """A draft meeting for other people (its preview warned that nobody would be told),
    checked as at creation. Once published meanwhile it is refused (Conflict): the people
    told then were told of that audience."""
    meeting = await get_meeting(session, meeting_id=meeting_id)
    await require_meeting_staff(
        session, user=user, roles=roles, meeting=meeting, action="meeting-edit"
    )
    if meeting.status != MeetingStatus.DRAFT:
        raise Conflict(_status_error(MeetingStatus(meeting.status)))
    chosen = await check_audience(
        session,
        audience=Audience(community_id=meeting.community_id, kind=audience.kind, ids=audience.ids),
    )
    done = await session.exec(
        update(Meeting)
        .where(col(Meeting.id) == meeting_id, col(Meeting.status) == MeetingStatus.DRAFT)
        .values(audience_kind=chosen.kind, audience_ids=chosen.ids_text)
    )
    if done.rowcount != 1:  # published or withdrawn by a colleague since it was read
        await session.rollback()
        meeting = await get_meeting(session, meeting_id=meeting_id)
        raise Conflict(_status_error(MeetingStatus(meeting.status)))
    _audit(session, user.id, "meeting-edit", meeting_id, "audience")
    await session.commit()
    return await get_meeting(session, meeting_id=meeting_id)


def in_checkin_window(meeting: Meeting, *, now: datetime) -> bool:
    """From 30 minutes before the start until the planned end."""
    return meeting.starts_at - CHECKIN_BEFORE <= now < ends_at(meeting)


class CheckinNotOpen(Conflict):
    """Check-in has not opened yet (it may have moved with a 延期): the meeting starts at
    `starts_at`, check-in opens at `opens_at`; meeting-err-checkin-window wants both as the
    reader reads a time (`when`, `opens`), added by the caller."""

    def __init__(self, meeting: Meeting) -> None:
        super().__init__(
            "meeting-err-checkin-window",
            title=meeting.title,
            before=int(CHECKIN_BEFORE.total_seconds() // 60),
        )
        self.starts_at = meeting.starts_at
        self.opens_at = meeting.starts_at - CHECKIN_BEFORE


async def _record_checkin(
    session: AsyncSession, *, meeting: Meeting, user: User, method: str, now: datetime
) -> tuple[CheckIn, bool]:
    assert meeting.id is not None
    if meeting.status == MeetingStatus.CANCELLED:
        raise Conflict("meeting-err-checkin-cancelled")
    if meeting.status == MeetingStatus.MINUTED or now >= ends_at(meeting):
        raise Conflict("meeting-err-over")  # not "not in the window": there is none to come
    if meeting.status != MeetingStatus.PUBLISHED:
        raise Conflict("meeting-err-not-published")
    if not in_checkin_window(meeting, now=now):
        raise CheckinNotOpen(meeting)
    stmt = select(CheckIn).where(CheckIn.meeting_id == meeting.id, CheckIn.user_id == user.id)
    existing = (await session.exec(stmt)).first()
    if existing is not None:
        return existing, False
    row = CheckIn(meeting_id=meeting.id, user_id=user.id, method=method, at=now)
    session.add(row)
    _audit(session, user.id, "meeting-checkin", meeting.id, method)
    try:
        await session.commit()
    except IntegrityError:
        await session.rollback()
        return (await session.exec(stmt)).one(), False
    return row, True


async def check_in(
    session: AsyncSession, *, user: User, meeting_id: int, now: datetime
) -> tuple[Meeting, bool]:
    """签到 by the button: only in the window, only for the invited; (meeting, new?)."""
    meeting = await get_meeting(session, meeting_id=meeting_id)
    invited = await in_audience(session, user=user, audience=meeting_audience(meeting))
    answered = await my_rsvp(session, meeting_id=meeting_id, user_id=user.id)
    if not invited and answered is None:
        raise PermissionDenied("meeting-err-not-audience")
    _row, new = await _record_checkin(
        session, meeting=meeting, user=user, method="button", now=now
    )
    return meeting, new


CODE_LENGTH = 6  # check-in codes are 6 digits (_new_code)
CODE_ATTEMPTS = 5  # wrong codes a person may type within CODE_LOCKOUT
CODE_LOCKOUT = timedelta(minutes=15)
# how long after a meeting's planned end its code is still known ('已经结束了'); then it is
# a code like any other the bot does not know (a wrong code)
CODE_KNOWN_AFTER_END = timedelta(days=7)
_WRONG_CODE = "meeting-checkin-code-wrong"


class CodeAttemptsUsed(Conflict):
    """Too many wrong check-in codes lately: no code is read until the oldest one ages out."""


async def _wrong_codes(session: AsyncSession, *, user: User, now: datetime) -> list[datetime]:
    """When this person typed a wrong code within the last CODE_LOCKOUT, oldest first."""
    stmt = (
        select(AuditEvent.at)
        .where(
            AuditEvent.action == _WRONG_CODE,
            AuditEvent.subject_type == "user",
            AuditEvent.subject_id == str(user.id),
            col(AuditEvent.at) > now - CODE_LOCKOUT,
        )
        .order_by(col(AuditEvent.at))
    )
    return list((await session.exec(stmt)).all())


def _locked(wrong: list[datetime], *, now: datetime) -> CodeAttemptsUsed:
    """The refusal, with the minutes until the attempt that locked it ages out."""
    free_at = wrong[-CODE_ATTEMPTS] + CODE_LOCKOUT
    minutes = max(1, -(-int((free_at - now).total_seconds()) // 60))
    return CodeAttemptsUsed("meeting-err-code-locked", tries=CODE_ATTEMPTS, minutes=minutes)


async def check_in_by_code(
    session: AsyncSession, *, user: User, code: str, now: datetime
) -> tuple[Meeting, bool]:
    """签到 with the code staff show in the room (anyone present may use it). A code of the
    wrong length is explained (nothing counted); a wrong code counts, and after CODE_ATTEMPTS
    wrong ones within CODE_LOCKOUT no code is read for a while (a code can't be guessed). The
    code of a meeting that was cancelled or is over is not a wrong one: they are told so, and
    nothing is counted (a code is unique among published meetings only: one of those wins) —
    for CODE_KNOWN_AFTER_END after the meeting's planned end; after that it is a wrong code."""
    typed = unicodedata.normalize("NFKC", code or "")
    clean = "".join(ch for ch in typed if ch.isdigit())
    if len(clean) != CODE_LENGTH:
        raise InvalidInput("meeting-err-code-format", length=CODE_LENGTH, typed=len(clean))
    wrong = await _wrong_codes(session, user=user, now=now)
    if len(wrong) >= CODE_ATTEMPTS:
        raise _locked(wrong, now=now)
    meetings = await _known_code(session, clean=clean, now=now)
    if not meetings:
        event = audit.record(
            session, actor_id=user.id, action=_WRONG_CODE, subject_type="user", subject_id=user.id
        )
        event.at = now
        await session.commit()
        wrong.append(now)
        if len(wrong) >= CODE_ATTEMPTS:
            raise _locked(wrong, now=now)
        raise InvalidInput("meeting-err-code", left=CODE_ATTEMPTS - len(wrong))
    meeting = next((m for m in meetings if in_checkin_window(m, now=now)), meetings[0])
    _row, new = await _record_checkin(session, meeting=meeting, user=user, method="code", now=now)
    return meeting, new


async def _known_code(session: AsyncSession, *, clean: str, now: datetime) -> list[Meeting]:
    """The meetings this code names and still answers for (published ones first; else the
    latest cancelled or minuted one, until CODE_KNOWN_AFTER_END after its planned end)."""
    stmt = select(Meeting).where(
        Meeting.checkin_code == clean,
        col(Meeting.status).in_(
            [MeetingStatus.PUBLISHED, MeetingStatus.CANCELLED, MeetingStatus.MINUTED]
        ),
    )
    found = [
        m
        for m in (await session.exec(stmt.order_by(col(Meeting.starts_at).desc()))).all()
        if now < ends_at(m) + CODE_KNOWN_AFTER_END
    ]
    return [m for m in found if m.status == MeetingStatus.PUBLISHED] or found[:1]


async def meeting_of_code(session: AsyncSession, *, code: str, now: datetime) -> Meeting | None:
    """The meeting whose check-in code this is (its check-in open, not yet open, or the meeting
    cancelled or just over: `check_in_by_code` says which), else None: for a code typed outside
    the code step (a resident in the room types the number on the screen without tapping
    🔢 输入签到码). Nothing is counted against them when it is not one: six digits typed for
    another reason are not a wrong guess."""
    clean = "".join(ch for ch in unicodedata.normalize("NFKC", code or "") if ch.isdigit())
    if len(clean) != CODE_LENGTH:
        return None
    known = await _known_code(session, clean=clean, now=now)
    return next((m for m in known if in_checkin_window(m, now=now)), known[0] if known else None)


async def open_checkin(
    session: AsyncSession, *, meeting_id: int, now: datetime, notifier: Notifier
) -> int:
    """When check-in opens, people who said yes get the check-in button, and the meeting's
    staff cards on screens read 签到中 (services.meeting_cards.redraw_cards)."""
    from services import meeting_cards  # it draws the card with this module

    meeting = await get_meeting(session, meeting_id=meeting_id)
    if meeting.status != MeetingStatus.PUBLISHED or now >= ends_at(meeting):
        return 0
    await meeting_cards.redraw_cards(session, meeting=meeting, notifier=notifier, now=now)
    # a meeting published before its start and end were planned (see `_schedule_moments`)
    await _schedule_moments(session, meeting=meeting, now=now)
    users = await _going(session, meeting_id=meeting_id)
    count = await notifier.send(
        session,
        users=users,
        key="meeting-checkin-open",
        args={"title": meeting.title, "open": "yes"},
        buttons=[[("meeting-btn-checkin", checkin_data(meeting_id))]],
        kind="meeting",
        community_id=meeting.community_id,
        deliver_by=meeting.starts_at,
        dedupe=f"meeting:{meeting_id}:checkin:{meeting.version}",
    )
    await session.commit()
    return count


async def _going(session: AsyncSession, *, meeting_id: int) -> list[User]:
    stmt = (
        select(User)
        .join(Rsvp, col(Rsvp.user_id) == col(User.id))
        .where(Rsvp.meeting_id == meeting_id, Rsvp.status == RsvpStatus.GOING)
    )
    return list((await session.exec(stmt)).all())


async def remind(
    session: AsyncSession,
    *,
    meeting_id: int,
    version: int | None,
    now: datetime,
    notifier: Notifier,
) -> int:
    """A reminder to those who said yes (skipped if the meeting changed since it was planned)."""
    meeting = await get_meeting(session, meeting_id=meeting_id)
    if meeting.status != MeetingStatus.PUBLISHED or now >= meeting.starts_at:
        return 0
    if version is not None and version != meeting.version:
        return 0
    where = meeting.place or meeting.online_link or ""
    count = await notifier.send(
        session,
        users=await _going(session, meeting_id=meeting_id),
        key="meeting-reminder",
        args={"title": meeting.title, "when": notifier.local(meeting.starts_at), "where": where},
        kind="meeting",
        community_id=meeting.community_id,
        deliver_by=meeting.starts_at,
        dedupe=f"meeting:{meeting_id}:remind:{meeting.version}:{int(now.timestamp()) // 600}",
    )
    await session.commit()
    return count


def check_minutes(minutes: str, decisions: list[str] | str) -> tuple[str, list[str]]:
    """The minutes and the decisions (a list, or one a line), cleaned; refused when too long
    for the one message that carries them."""
    text = clean_text(minutes, max_len=MINUTES_MAX)
    lines = decisions.splitlines() if isinstance(decisions, str) else list(decisions)
    items = [x.strip() for x in lines if x and x.strip()]
    if len(items) > DECISIONS_MAX or any(len(x) > DECISION_MAX for x in items):
        raise InvalidInput("meeting-err-decisions", limit=DECISIONS_MAX, length=DECISION_MAX)
    items = [clean_text(x, max_len=DECISION_MAX) for x in items]
    total = len(text) + sum(len(x) for x in items)
    if total > MINUTES_TOTAL_MAX:
        raise InvalidInput("meeting-err-minutes-total", limit=MINUTES_TOTAL_MAX, length=total)
    return text, items


async def _minutes_args(
    session: AsyncSession, *, meeting: Meeting, text: str, items: list[str], notifier: Notifier
) -> dict[str, object]:
    """Placeables of meeting-minutes-notice."""
    return {
        "title": meeting.title,
        "when": notifier.local(meeting.starts_at),
        "minutes": text,
        # "none": the text says so (meeting-no-decisions) under the heading
        "decisions": "\n".join(f"{i}. {d}" for i, d in enumerate(items, 1)) or "none",
        "attended": (await counts(session, meeting_id=meeting.id or 0)).checked_in,
    }


@dataclass
class MinutesPreview:
    """What publishing the minutes would send (meeting-minutes-notice's args) and to how many."""

    meeting: Meeting
    args: dict[str, object]
    recipients: int


async def preview_minutes(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    meeting_id: int,
    minutes: str,
    decisions: list[str] | str,
    now: datetime,
    notifier: Notifier,
) -> MinutesPreview:
    """Exactly the notice publish_minutes would send, checked as it would check it; nothing is
    saved or sent."""
    try:
        meeting = await check_staff_action(
            session, user=user, roles=roles, meeting_id=meeting_id, action="minutes", now=now
        )
    except Conflict as exc:  # refused after the scope check: who minuted it may be told
        raise await _minuted_first(session, meeting_id=meeting_id, user=user, exc=exc) from None
    text, items = check_minutes(minutes, decisions)
    args = await _minutes_args(session, meeting=meeting, text=text, items=items, notifier=notifier)
    users = await audience_users(session, audience=meeting_audience(meeting))
    return MinutesPreview(meeting=meeting, args=args, recipients=len(users))


class MinutedFirst(Conflict):
    """The meeting's minutes went out before these could: `by` says whose they were
    ('self', 'colleague' named by `name`, or 'unknown'); these were not sent."""


async def _minuted_first(
    session: AsyncSession, *, meeting_id: int, user: User, exc: Conflict
) -> Conflict:
    """`exc` (a refusal of minutes), or MinutedFirst when it is because the meeting's minutes
    are out already: the last 'meeting-minutes' of the audit log says who sent them."""
    meeting = await session.get(Meeting, meeting_id, populate_existing=True)
    if meeting is None or meeting.status != MeetingStatus.MINUTED:
        return exc
    stmt = (
        select(AuditEvent.actor_id)
        .where(
            AuditEvent.action == "meeting-minutes",
            AuditEvent.subject_type == "meeting",
            AuditEvent.subject_id == str(meeting_id),
        )
        .order_by(col(AuditEvent.id).desc())
        .limit(1)
    )
    actor_id = (await session.exec(stmt)).first()
    if actor_id is not None and actor_id == user.id:
        return MinutedFirst("meeting-err-minuted-first", by="self", name="")
    actor = await session.get(User, actor_id) if actor_id is not None else None
    if actor is None:
        return MinutedFirst("meeting-err-minuted-first", by="unknown", name="")
    return MinutedFirst("meeting-err-minuted-first", by="colleague", name=actor.display_name)


async def publish_minutes(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    meeting_id: int,
    minutes: str,
    decisions: list[str] | str,
    now: datetime,
    notifier: Notifier,
) -> tuple[Meeting, int]:
    """纪要 and 决议 after the meeting; everyone invited gets them (once: the status change is
    conditional, so a second send, this staff member's or a colleague's, is refused as
    MinutedFirst, naming who sent them, and sends nothing)."""
    meeting = await get_meeting(session, meeting_id=meeting_id)
    await require_meeting_staff(
        session, user=user, roles=roles, meeting=meeting, action="meeting-minutes"
    )
    if meeting.status == MeetingStatus.PUBLISHED and now < meeting.starts_at:
        raise InvalidInput("meeting-err-minutes-early")
    text, items = check_minutes(minutes, decisions)
    try:
        await _move(
            session, meeting, to=MeetingStatus.MINUTED, values={"minutes": text, "minuted_at": now}
        )
    except Conflict as exc:
        raise await _minuted_first(session, meeting_id=meeting_id, user=user, exc=exc) from None
    for position, item in enumerate(items):
        session.add(Decision(meeting_id=meeting_id, position=position, text=item, created_at=now))
    _audit(session, user.id, "meeting-minutes", meeting_id, f"decisions={len(items)}")
    await _unschedule_all(session, meeting_id=meeting_id)
    args = await _minutes_args(session, meeting=meeting, text=text, items=items, notifier=notifier)
    users = await audience_users(session, audience=meeting_audience(meeting))
    told = await notifier.send(
        session,
        users=users,
        key="meeting-minutes-notice",
        args=args,
        kind="meeting",
        community_id=meeting.community_id,
        dedupe=f"meeting:{meeting_id}:minutes",
    )
    from services.public_notices import redraw_meeting_notice

    await redraw_meeting_notice(session, meeting=meeting, notifier=notifier)  # 纪要已发
    await session.commit()
    return meeting, told


async def decisions_of(session: AsyncSession, *, meeting_id: int) -> list[Decision]:
    """The meeting's decisions in order."""
    stmt = (
        select(Decision)
        .where(Decision.meeting_id == meeting_id)
        .order_by(col(Decision.position), col(Decision.id))
    )
    return list((await session.exec(stmt)).all())


async def _request_building(
    session: AsyncSession, *, meeting: Meeting, text: str = ""
) -> Building:
    """Where an order from this meeting is filed: a building of the community the decision
    names (longest name first, so 13号楼 beats 3号楼), else the audience's first building."""
    audience = meeting_audience(meeting)
    stmt = select(Building).where(Building.community_id == meeting.community_id)
    everywhere = list((await session.exec(stmt.order_by(col(Building.id)))).all())
    named = sorted(
        (b for b in everywhere if b.name and b.name in text), key=lambda b: -len(b.name)
    )
    if named:
        return named[0]
    if audience.kind == AudienceKind.BUILDINGS:
        pool = [b for b in everywhere if b.id in audience.ids]
    elif audience.kind == AudienceKind.GRIDS:
        pool = [b for b in everywhere if b.grid_id in audience.ids]
    else:
        pool = everywhere
    if not pool:
        raise NotFound("err-address-stale")
    return pool[0]


@dataclass
class OrderPlan:
    """What a decision would become, shown to staff before the order is created."""

    decision: Decision
    meeting: Meeting
    title: str
    building: Building
    grid_name: str
    category: str


async def decision_order_plan(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    decision_id: int,
    category: str | None = None,
    title: str | None = None,
) -> OrderPlan:
    """Check at the tap that the decision can become an order, and propose its title, place
    (a building the decision names, else the meeting's audience) and category."""
    decision = await session.get(Decision, decision_id)
    if decision is None:
        raise NotFound("meeting-err-decision-not-found")
    meeting = await get_meeting(session, meeting_id=decision.meeting_id)
    await require_meeting_staff(
        session, user=user, roles=roles, meeting=meeting, action="meeting-decision-order"
    )
    if decision.order_id is not None:
        raise Conflict("meeting-err-decision-done", ref=decision.order_ref or "")
    building = await _request_building(session, meeting=meeting, text=decision.text)
    grid = await session.get(Grid, building.grid_id) if building.grid_id else None
    chosen = clean_text(title, max_len=60) if title else decision.text[:60]
    return OrderPlan(
        decision=decision,
        meeting=meeting,
        title=chosen,
        building=building,
        grid_name=grid.name if grid else "",
        category=category or "other",
    )


async def decision_to_order(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    decision_id: int,
    now: datetime,
    texts: Any,
    default_language: str = "zh-Hans",
    category: str | None = None,
    title: str | None = None,
) -> Decision:
    """大家的事大家办: a decision becomes a request (channel 议事会) and an order, linked back
    (category and title as staff confirmed them on the plan)."""
    decision = await session.get(Decision, decision_id)
    if decision is None:
        raise NotFound("meeting-err-decision-not-found")
    meeting = await get_meeting(session, meeting_id=decision.meeting_id)
    await require_meeting_staff(
        session, user=user, roles=roles, meeting=meeting, action="meeting-decision-order"
    )
    if decision.order_id is not None:
        raise Conflict("meeting-err-decision-done", ref=decision.order_ref or "")
    try:
        from models.orders import Channel
        from services import order_notices
        from services import orders as order_service
        from services import requests as request_service
    except ImportError:  # the order cycle is not installed
        raise InvalidInput("meeting-err-no-orders") from None
    plan = await decision_order_plan(
        session, user=user, roles=roles, decision_id=decision_id, category=category, title=title
    )
    building_id = plan.building.id or 0
    text = f"{decision.text}\n（{meeting.title} · 议事会决议）"
    filed = await request_service.file_on_behalf(
        session,
        staff=user,
        roles=roles,
        building_id=building_id,
        room=None,
        contact_name=None,
        contact_phone=None,
        channel=Channel.MEETING,
        draft=request_service.Draft(text=text, category=plan.category),
        suggestion=None,
        now=now,
    )
    assert filed.request.id is not None
    outcome = await order_service.issue_order(
        session,
        user=user,
        roles=roles,
        request_id=filed.request.id,
        spec=order_service.OrderSpec(title=plan.title),
        now=now,
    )
    assert outcome.order is not None
    await order_notices.deliver(
        session,
        [*filed.notices, *outcome.pending],
        texts=texts,
        default_language=default_language,
        now=now,
    )
    decision = await session.get(Decision, decision_id)
    assert decision is not None
    done = await session.exec(
        update(Decision)
        .where(col(Decision.id) == decision_id, col(Decision.order_id).is_(None))
        .values(order_id=outcome.order.id, order_ref=outcome.order.number)
    )
    if done.rowcount != 1:
        await session.rollback()
        raise Conflict("meeting-err-decision-done", ref="")
    _audit(
        session,
        user.id,
        "meeting-decision-order",
        meeting.id or 0,
        f"decision={decision_id} order={outcome.order.number}",
    )
    await session.commit()
    await session.refresh(decision)
    return decision


async def upcoming_for(
    session: AsyncSession, *, user: User, roles: Collection[Role], now: datetime, limit: int = 10
) -> list[Meeting]:
    """近期议事: meetings not yet over that the user is invited to (staff: all of theirs)."""
    stmt = (
        select(Meeting)
        .where(col(Meeting.status).in_([MeetingStatus.PUBLISHED, MeetingStatus.DRAFT]))
        .where(col(Meeting.starts_at) > now - timedelta(hours=12))
        .order_by(col(Meeting.starts_at))
        .limit(200)
    )
    out = []
    for meeting in (await session.exec(stmt)).all():
        if now >= ends_at(meeting):
            continue
        staff = await can_act_in(
            session, user=user, roles=roles, community_id=meeting.community_id
        )
        if meeting.status == MeetingStatus.DRAFT and not staff:
            continue
        if staff or await in_audience(session, user=user, audience=meeting_audience(meeting)):
            out.append(meeting)
        if len(out) >= limit:
            break
    return out


@dataclass
class TypedRsvp:
    """The meetings an answer typed ('我去', '不去了') may be meant for: those it would change
    the person's answer to, and those it already is their answer to."""

    changes: list[Meeting] = field(default_factory=list)
    same: list[tuple[Meeting, RsvpStatus]] = field(default_factory=list)


# what a person answered, by where it put them (a YES on the waitlist is still a YES)
_ANSWER_OF = {
    RsvpStatus.GOING: RsvpAnswer.YES,
    RsvpStatus.WAITLIST: RsvpAnswer.YES,
    RsvpStatus.MAYBE: RsvpAnswer.MAYBE,
    RsvpStatus.NO: RsvpAnswer.NO,
}


async def meetings_for_typed_rsvp(
    session: AsyncSession, *, user: User, answer: RsvpAnswer, now: datetime
) -> TypedRsvp:
    """Published meetings not yet over that the person may answer (meant for them), soonest
    first, split by whether `answer` would change what they said (a YES while waitlisted
    changes nothing)."""
    stmt = (
        select(Meeting)
        .where(Meeting.status == MeetingStatus.PUBLISHED)
        .where(col(Meeting.starts_at) > now - timedelta(hours=12))
        .order_by(col(Meeting.starts_at))
        .limit(200)
    )
    found = TypedRsvp()
    for meeting in (await session.exec(stmt)).all():
        if now >= ends_at(meeting):
            continue
        if not await in_audience(session, user=user, audience=meeting_audience(meeting)):
            continue
        status = await my_rsvp(session, meeting_id=meeting.id or 0, user_id=user.id)
        if status is not None and _ANSWER_OF[status] == answer:
            found.same.append((meeting, status))
        else:
            found.changes.append(meeting)
    return found


async def staff_meetings(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    limit: int = 20,
    now: datetime | None = None,
) -> list[Meeting]:
    """Meetings of the communities this staff account acts in: those not yet over first,
    soonest first, then past ones, latest first."""
    stmt = select(Meeting).order_by(col(Meeting.starts_at).desc()).limit(200)
    out = []
    for meeting in (await session.exec(stmt)).all():
        if await can_act_in(session, user=user, roles=roles, community_id=meeting.community_id):
            out.append(meeting)
    if now is not None:
        ahead = [m for m in out if ends_at(m) > now]
        past = [m for m in out if ends_at(m) <= now]
        out = sorted(ahead, key=lambda m: m.starts_at) + past
    return out[:limit]
