"""居民点单: residents file, follow, add to and withdraw requests; staff file for residents."""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, time, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from sqlalchemy import DateTime, Integer, and_, bindparam, func, not_, or_, type_coerce, update
from sqlalchemy import select as sa_select
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import Building, Community, Grid, Role, StaffScope, User
from models.db import is_postgres, one_of
from models.orders import (
    OPEN_ORDERS,
    OPEN_REQUESTS,
    RESIDENT_CAN_ADD_INFO,
    RESIDENT_EDITABLE,
    Attachment,
    Channel,
    Claim,
    ClaimStatus,
    LedgerEvent,
    Order,
    Request,
    RequestStatus,
)
from models.org import building_in_english
from models.scheduling import Delivery, DeliveryState, QuietHours
from services.address import (
    NamedPlace,
    is_clearly_a_matter,
    named_place,
    read_address,
    says_a_matter_alone,
    says_more_than_address,
)
from services.delivery import cancel_stale, not_yet_sent, quiet_hours_from, staff_mail
from services.errors import Conflict, InvalidInput, NotFound, PermissionDenied, RetryLater
from services.order_common import (
    MOVE_ACTION,
    Notice,
    NoticeSink,
    Personal,
    Suggestion,
    get_request,
    in_office_hours,
    is_category,
    matter_of,
    move,
    note_event,
    note_move,
    refuse,
    require_staff,
    schedule,
    written_text,
)
from services.order_titles import from_words
from services.places import PUBLIC_AREA_MAX, Place, at_building, line, place_key, spot
from services.places import named as named_in
from services.smalltalk import names_matter
from services.users import acting_staff, staff_of, staff_scope_query
from services.validation import (
    TYPED_MAX,
    clean_text,
    person_name,
    phone_number,
    room_number,
    short_label,
)

if TYPE_CHECKING:
    from services.triage.english import EnglishLexicon

T = TypeVar("T")
CALL_BACK_ASKED = "call_back"  # the ledger's action (order-action-call_back)
MAX_TEXT = 4000  # what one Telegram message can carry (with the lines the preview adds)
NOTE_MAX = 300  # added information quoted in a notice (fits a photo caption)
ADDED_MAX = 4096  # words added to a matter at once: all one Telegram message can carry
KEPT_MAX = MAX_TEXT * 4  # a matter's words with everything added to them
MAX_PHOTOS = 10
MAX_VOICES = 3  # voice notes a matter keeps: more is better typed, or said on the phone


def voices_of(kept: Any) -> list[str]:
    """The voice notes a draft holds (a list of file ids; a draft begun before a matter kept
    several holds one id, or None)."""
    if isinstance(kept, str):
        return [kept] if kept else []
    if isinstance(kept, list | tuple):
        return [str(v) for v in kept if v]
    return []


def with_voice(kept: Any, file_id: str) -> list[str] | None:
    """The draft's voice notes with this one added; None when it holds MAX_VOICES already (the
    new one is not kept)."""
    voices = voices_of(kept)
    if len(voices) >= MAX_VOICES:
        return None
    return [*voices, file_id]


# Anti-spam: how many requests one resident may file (a deployment sets its own, see
# bot.settings: LINLI_REQUEST_BURST_LIMIT, _BURST_MINUTES and LINLI_REQUEST_DAILY_LIMIT).
RESIDENT_BURST_LIMIT = 5  # requests ...
RESIDENT_BURST_MINUTES = 10  # ... within this many minutes
RESIDENT_DAILY_LIMIT = 20  # requests within 24 hours


@dataclass(frozen=True)
class FilingLimits:
    """How many requests a resident may file in a short burst and in 24 hours.

    Staff filing for a resident (`file_on_behalf`) are not limited.
    """

    burst: int = RESIDENT_BURST_LIMIT
    burst_window: timedelta = timedelta(minutes=RESIDENT_BURST_MINUTES)
    daily: int = RESIDENT_DAILY_LIMIT


DEFAULT_LIMITS = FilingLimits()


class TooManyRequests(RetryLater):
    """The resident filed as many requests as allowed lately; `retry_at` is when one more is."""


@dataclass
class Draft:
    """A request being composed in chat, before the resident confirms it."""

    text: str
    category: str
    urgent: bool = False
    photos: list[str] = field(default_factory=list)
    voices: list[str] = field(default_factory=list)  # at most MAX_VOICES kept
    latitude: float | None = None
    longitude: float | None = None
    # where the matter is, when the description names another building of the community than
    # the resident's (services.address.named_place) and they kept it; None: their home building
    building_id: int | None = None
    # at the resident's own building but not in her home (我们楼: the stairs, the roof): no room
    home_room: bool = True
    # in a public area of the community (小区公共区域), with the resident's words for where
    # ('' for none): no building, no room, no grid (the whole community's staff follow it)
    public_area: str | None = None
    # the number to call about this matter, when the resident chose one said in the description
    # at the preview (her registered phone otherwise)
    contact_phone: str | None = None
    # asked with 📞 请社区回电 (handlers.call_back): the ledger says so, and the staff card
    # offers 📞 已回电 (services.call_back)
    call_back: bool = False


@dataclass
class Filed:
    """The filed request and the notices it causes (already queued when `queued`)."""

    request: Request
    notices: list[Notice]
    queued: bool = False
    # queued: when the first staff card goes out, if quiet hours hold every card (see
    # `staff_see_at`)
    staff_see_at: datetime | None = None


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list."""

    items: list[T]
    page: int
    pages: int
    total: int


# Urgent reasons (services.triage.urgency) and what the resident should do at once, before
# anyone comes: every reason has its line (order-safety-<reason>), the most pressing first.
SAFETY_REASONS = (
    "gas",
    "fire",
    "electric",
    "unconscious",
    "poisoning",
    "self_harm",
    "violence",
    "trapped",
    "collapse",
    "fall",
    "falling_object",
    "flooding",
    "missing",
    "alone_unreachable",
    "medical",
)


def safety_keys(request: Request) -> list[str]:
    """Text keys of the short safety lines for an urgent request, one per reason found."""
    if not request.urgent:
        return []
    return safety_keys_for(request.urgent_reasons.split(","))


def safety_keys_for(reasons: Iterable[str]) -> list[str]:
    """Text keys of the safety lines for these urgent reasons, the most pressing first."""
    found = set(reasons)
    return [f"order-safety-{r}" for r in SAFETY_REASONS if r in found]


def clean_request_text(text: str | None) -> str:
    """The request's free text, kept whole up to what Telegram allows."""
    return clean_text(text, max_len=MAX_TEXT)


def _attachments(
    *, request_id: int, draft: Draft, purpose: str, by: int, now: datetime
) -> list[Attachment]:
    out = [
        Attachment(
            request_id=request_id, purpose=purpose, kind="photo", file_id=f, added_by=by, at=now
        )
        for f in draft.photos[:MAX_PHOTOS]
    ]
    out += [
        Attachment(
            request_id=request_id, purpose=purpose, kind="voice", file_id=f, added_by=by, at=now
        )
        for f in draft.voices[:MAX_VOICES]
    ]
    return out


async def place_names(
    session: AsyncSession, *, community_id: int, grid_id: int | None, building_id: int | None
) -> list[str]:
    """The community's, grid's and building's names (those given), in one query."""
    return (
        await both_place_names(
            session, community_id=community_id, grid_id=grid_id, building_id=building_id
        )
    )[0]


async def both_place_names(
    session: AsyncSession, *, community_id: int, grid_id: int | None, building_id: int | None
) -> tuple[list[str], list[str]]:
    """`place_names`, and the same names as an English reader sees them (the English names
    set, 'Building 3' for 3号楼: models.org.shown_name), in one query."""
    stmt = sa_select(
        col(Community.name),
        select(Grid.name).where(Grid.id == grid_id).scalar_subquery(),
        select(Building.name).where(Building.id == building_id).scalar_subquery(),
        col(Community.name_en),
        select(Grid.name_en).where(Grid.id == grid_id).scalar_subquery(),
    ).where(col(Community.id) == community_id)
    row = (await session.exec(stmt)).first()  # type: ignore[call-overload]
    if row is None:
        return [], []
    community, grid, building, community_en, grid_en = row
    english = [
        community_en or community,
        (grid_en or grid) if grid else None,
        building_in_english(building) if building else None,
    ]
    return [n for n in (community, grid, building) if n], [n for n in english if n]


def card_quote(text: str | None) -> str:
    """What a staff card about a new request quotes of its text: the written words, cut at 120
    characters ('' for a voice note alone)."""
    said = written_text(text)
    return said if len(said) <= 120 else said[:119] + "…"


async def _staff_and_place(
    session: AsyncSession, req: Request
) -> tuple[list[User], Place, tuple[time, time, bool]]:
    """The staff told of a new request (`staff_of` its community and grid), its place (named
    as `both_place_names` names it, in Chinese and as an English reader sees it) and its
    community's quiet hours (`quiet_hours_of`), in one query. No staff: nothing else is
    needed, and nothing else is read."""
    stmt = _staff_and_place_query(in_grid=req.grid_id is not None)
    params = {
        "community_id": req.community_id,
        "grid_id": req.grid_id,
        "building_id": req.building_id,
    }
    rows = (await session.exec(stmt, params=params)).all()
    if not rows:
        return [], line([], req), quiet_hours_from(None, None, None)
    first = rows[0]
    community, grid, building = first[1:4]
    community_en, grid_en = first[7:9]
    english = [
        community_en or community,
        (grid_en or grid) if grid else None,
        building_in_english(building) if building else None,
    ]
    place = line(
        [n for n in (community, grid, building) if n], req, english=[n for n in english if n]
    )
    return acting_staff(row[0] for row in rows), place, quiet_hours_from(*first[4:7])


@cache
def _staff_and_place_query(*, in_grid: bool) -> Any:
    """_staff_and_place's read, built once for a request in a grid and once for one without
    (the same statement on every filing, its values bound when it runs)."""
    return (
        staff_scope_query(
            community_id=bindparam("community_id"),
            grid_id=bindparam("grid_id") if in_grid else None,
            matter=True,  # a request in no grid: the whole community's staff
            also=(
                col(Community.name),
                select(Grid.name).where(Grid.id == bindparam("grid_id")).scalar_subquery(),
                select(Building.name)
                .where(Building.id == bindparam("building_id"))
                .scalar_subquery(),
                col(QuietHours.start),
                col(QuietHours.end),
                col(QuietHours.enabled),
                # the names as an English reader sees them (models.org.shown_name)
                col(Community.name_en),
                select(Grid.name_en).where(Grid.id == bindparam("grid_id")).scalar_subquery(),
            ),
        )
        .join(Community, col(Community.id) == col(StaffScope.community_id))
        .outerjoin(QuietHours, col(QuietHours.community_id) == col(StaffScope.community_id))
    )


async def new_request_notices(
    session: AsyncSession, req: Request, *, attached: tuple[int, int] | None = None
) -> list[Notice]:
    """Each staff member of the community/grid gets a card; urgent ones are marked urgent (also
    the alert when staff mark a waiting request urgent later: services.staff_urgency).
    `attached`: the photos and voice notes it has, when the caller knows (it just filed them)."""
    staff, place, quiet = await _staff_and_place(session, req)
    key = "order-notice-urgent" if req.urgent else "order-notice-new"
    # a voice note alone: the text stays empty, each card says "voice note" in its reader's words
    text = card_quote(req.text)
    # the words do not say what else the resident left: the notice counts it (📷 2 · 🎤 1)
    photos, voices = attached or await attachment_counts(session, request_id=req.id or 0)
    return [
        Notice(
            chat_id=sid,
            key=key,
            args={
                "number": req.number,
                "category": req.category,
                "place": place,  # a public area, and the names, in the reader's words
                "text": text,
                "photos": photos,
                "voices": voices,
            },
            kind="staff-request-card",
            ref_id=req.id,
            urgent=req.urgent,
            # no de-duplication key: the request was created in this very transaction, so no
            # card about it can be queued yet, and looking for one would be a query for nothing
            community_id=req.community_id,
            recipient=member,
            quiet_hours=quiet,
            matter=matter_of(req),  # not sent once taken up, withdrawn or merged
        )
        for member in staff
        if (sid := member.id) is not None
    ]


async def _file(
    session: AsyncSession,
    *,
    draft: Draft,
    suggestion: Suggestion | None,
    community_id: int,
    grid_id: int | None,
    building_id: int | None,
    room: str | None,
    resident_id: int | None,
    filed_by: int,
    channel: Channel,
    contact_name: str | None,
    contact_phone: str | None,
    now: datetime,
    outbox: NoticeSink | None = None,
    merge_into: Request | None = None,
    public_area: str | None = None,
) -> Filed:
    # a voice note alone keeps an empty text (a draft begun before this version may still hold
    # the placeholder of those days); anything else needs words
    text = written_text(clean_request_text(draft.text)) if draft.text.strip() else ""
    if not text and not draft.voices:
        raise InvalidInput("err-text-empty")
    code = draft.category if is_category(draft.category) else "other"
    urgent = draft.urgent or bool(suggestion and suggestion.urgent)
    req = Request(
        community_id=community_id,
        grid_id=grid_id,
        building_id=building_id,
        room=room,
        public_area=public_area,
        resident_id=resident_id,
        filed_by=filed_by,
        channel=channel,
        contact_name=contact_name,
        contact_phone=contact_phone,
        text=text,
        category=code,
        suggested_category=suggestion.category if suggestion else None,
        confidence=suggestion.confidence if suggestion else None,
        keywords=",".join(suggestion.keywords)[:300] if suggestion else "",
        urgent=urgent,
        urgent_reasons=",".join(suggestion.urgent_reasons)[:300] if suggestion else "",
        latitude=draft.latitude,
        longitude=draft.longitude,
        status=RequestStatus.NEW,
        created_at=now,
        updated_at=now,
    )
    session.add(req)
    await session.flush()
    assert req.id is not None
    attachments = _attachments(
        request_id=req.id, draft=draft, purpose="request", by=filed_by, now=now
    )
    session.add_all(attachments)
    session.add(
        LedgerEvent(
            request_id=req.id,
            subject="request",
            subject_id=req.id,
            action="file",
            from_state=None,
            to_state=RequestStatus.NEW,
            actor_id=filed_by,
            at=now,
            note=f"channel={channel.value}" + (" urgent" if urgent else ""),
        )
    )
    if draft.call_back:
        note_event(
            session,
            request_id=req.id,
            subject="request",
            subject_id=req.id,
            action=CALL_BACK_ASKED,
            actor_id=filed_by,
            now=now,
            state=RequestStatus.NEW,
        )
    if merge_into is not None:  # the resident's own 同一件事: nothing new for staff to triage
        await _join(session, req, merge_into, actor_id=filed_by, now=now)
        await session.commit()
        return Filed(request=req, notices=[], queued=outbox is not None)
    # what was just attached is all it has: no query to count it
    kinds = [att.kind for att in attachments]
    attached = (kinds.count("photo"), kinds.count("voice"))
    notices = await new_request_notices(session, req, attached=attached)
    await schedule(
        session,
        kind="order.request_unanswered",
        due_at=now + timedelta(hours=2) if urgent else in_office_hours(now + timedelta(days=1)),
        payload={"request_id": req.id},
        key=f"request-{req.id}-response",
        replace=False,  # the request is new, so is its key
    )
    see_at = None
    if outbox is not None:
        await outbox(notices)  # the request and its staff cards land in one commit
        see_at = _cards_held_until(session, request=req, now=now)
    await session.commit()
    return Filed(request=req, notices=notices, queued=outbox is not None, staff_see_at=see_at)


async def _join(
    session: AsyncSession, req: Request, target: Request, *, actor_id: int, now: datetime
) -> None:
    """Fold a just-filed request into the matter its resident said it is the same as. No staff
    response is recorded (nobody responded): the three rates leave such a request out of the
    response base, as they do one withdrawn before any response."""
    await move(
        session,
        req,
        to=RequestStatus.MERGED,
        actor_id=actor_id,
        action="join",
        now=now,
        note=f"→ {target.number}",
        values={"merged_into_id": target.id, "closed_at": now},
    )
    note_event(
        session,
        request_id=int(target.id or 0),
        subject="request",
        subject_id=int(target.id or 0),
        action="joined",
        actor_id=actor_id,
        now=now,
        state=target.status,
        note=f"← {req.number}",
    )


def _minutes_until(moment: datetime, now: datetime) -> int:
    """Whole minutes from now to a moment, rounded up (at least 1)."""
    return max(1, math.ceil((moment - now).total_seconds() / 60))


async def check_filing_limits(
    session: AsyncSession, *, user_id: int, now: datetime, limits: FilingLimits
) -> None:
    """Raise TooManyRequests if the resident may not file one more request now.

    A request counts within a window while it is younger than the window: with the burst limit
    5 in 10 minutes, five filed at 10:00 let the next one in at 10:10. The refusal carries the
    moment one more is accepted (the later of the two limits' moments, when both are reached).
    """
    longest = max(limits.burst_window, timedelta(days=1))
    rows = await session.exec(
        _recent_filings_query(),
        params={
            "resident_id": user_id,
            "since": now - longest,
            "most": max(limits.burst, limits.daily),
        },
    )
    recent = list(rows.all())  # newest first
    retry_at: datetime | None = None
    key, args = "", {}
    # the n-th newest request leaves the window at its time + the window; then one more fits
    for limit, window, error in (
        (limits.daily, timedelta(days=1), "order-err-too-many"),
        (limits.burst, limits.burst_window, "order-err-burst"),
    ):
        if len(recent) < limit or recent[limit - 1] <= now - window:
            continue
        moment = recent[limit - 1] + window
        if retry_at is None or moment > retry_at:
            retry_at = moment
            key, args = error, {"limit": limit, "window": round(window.total_seconds() / 60)}
    if retry_at is not None:
        minutes = _minutes_until(retry_at, now)
        # texts say "in N minutes" under an hour, else "in about N hours" (hours=0: minutes)
        hours = math.ceil(minutes / 60) if minutes >= 60 else 0
        raise TooManyRequests(key, retry_at=retry_at, minutes=minutes, hours=hours, **args)


@cache
def _recent_filings_query() -> Any:
    """check_filing_limits' read, built once (the same statement on every filing, its values
    bound when it runs): a resident's filing times since a moment, newest first."""
    return (
        select(Request.created_at)
        .where(col(Request.resident_id) == bindparam("resident_id"))
        .where(col(Request.created_at) > bindparam("since"))
        .order_by(col(Request.created_at).desc())
        .limit(bindparam("most", type_=Integer))
    )


def _held(due: datetime | None, now: datetime) -> datetime | None:
    if due is None:
        return None
    due = due if due.tzinfo is not None else due.replace(tzinfo=UTC)
    return due if due > now else None


def _cards_held_until(
    session: AsyncSession, *, request: Request, now: datetime
) -> datetime | None:
    """`staff_see_at` of a request whose cards this session has just queued (not committed
    yet): the same rows, read from the session (pending or flushed) with no query."""
    if request.urgent:
        return None
    matter = matter_of(request)
    times = [
        d.not_before
        for d in session
        if isinstance(d, Delivery)
        and d.matter == matter
        and d.kind == "order-notice-new"  # the staff card's text key
        and d.state == DeliveryState.PENDING
    ]
    return _held(min(times, default=None), now)


async def staff_see_at(
    session: AsyncSession, *, request: Request, now: datetime
) -> datetime | None:
    """When the first staff card about a just-filed request goes out, if quiet hours hold every
    card (filed at night): the resident is told when someone will look at it. None when a card
    goes out now (an urgent request, daytime, a staff member who takes notices at night), or
    when no card was queued. (A request filed with an outbox has it in `Filed.staff_see_at`.)"""
    if request.urgent:
        return None
    due = (
        await session.exec(
            select(func.min(Delivery.not_before)).where(
                Delivery.matter == matter_of(request),
                Delivery.kind == "order-notice-new",  # the staff card's text key
                Delivery.state == DeliveryState.PENDING,
            )
        )
    ).one()
    return _held(due, now)


async def file_request(
    session: AsyncSession,
    *,
    user: User,
    draft: Draft,
    suggestion: Suggestion | None,
    now: datetime,
    outbox: NoticeSink | None = None,
    limits: FilingLimits = DEFAULT_LIMITS,
    join: int | None = None,
) -> Filed:
    """A registered resident files a request; staff of the grid are told (urgent: at once).

    More than `limits` allow lately raises TooManyRequests (nothing is filed) saying when the
    resident can file again.

    With `outbox`, the staff notices are queued in the same transaction as the request (so a
    crash cannot keep one without the other); otherwise the caller queues `Filed.notices`.

    `join`: the resident says it is the same matter as that open request of their community
    (同一件事, offered from `similar_for_resident`): theirs is filed and at once folded into it
    (MERGED, by the resident), so they follow it and are told of its progress; staff get no new
    card (nothing new to triage). A matter that is no longer being worked on is refused with
    Conflict, and nothing is filed.
    """
    if not user.registered or user.community_id is None:
        raise PermissionDenied("err-need-register")
    target = None
    if join is not None:
        target = await session.get(Request, join)
        if (
            target is None
            or target.community_id != user.community_id
            or target.status not in JOINABLE
            or target.resident_id == user.id
        ):
            raise Conflict("order-err-join-closed")
    await check_filing_limits(session, user_id=user.id, now=now, limits=limits)
    grid_id, building_id, room = user.grid_id, user.building_id, user.room
    place = (
        await session.get(Building, draft.building_id)
        if draft.building_id is not None and draft.building_id != user.building_id
        else None
    )
    if place is not None and place.community_id == user.community_id:
        # the matter is at another building of the community: its grid's staff handle it,
        # and the resident's room (of their own building) is no address there
        grid_id, building_id, room = place.grid_id, place.id, None
    elif not draft.home_room:  # her building, not her home: the stairs, the roof
        room = None
    public = public_words(draft.public_area)
    if public is not None:  # a public area of the community: the whole community's staff
        grid_id, building_id, room = None, None, None
    return await _file(
        session,
        draft=draft,
        suggestion=suggestion,
        community_id=user.community_id,
        grid_id=grid_id,
        building_id=building_id,
        room=room,
        resident_id=user.id,
        filed_by=user.id,
        channel=Channel.BOT,
        contact_name=None,
        contact_phone=draft.contact_phone,
        now=now,
        outbox=outbox,
        merge_into=target,
        public_area=public,
    )


def public_words(where: str | None) -> str | None:
    """Words for where in a public area a matter is, as kept (None: not in one; '' for none
    given); more than PUBLIC_AREA_MAX characters or not words is refused (InvalidInput)."""
    if where is None:
        return None
    return short_label(where, max_len=PUBLIC_AREA_MAX) if where.strip() else ""


# what a resident may say theirs is the same as: matters still being worked on
JOINABLE = (
    RequestStatus.NEW,
    RequestStatus.REOPENED,
    RequestStatus.ORDERED,
    RequestStatus.HANDLING,
    RequestStatus.TRANSFERRED,
)


async def similar_open(
    session: AsyncSession,
    triage: Any,
    *,
    text: str,
    community_id: int,
    grid_id: int | None,
    building_id: int | None,
    now: datetime,
    exclude_id: int | None = None,
    public: bool = False,
) -> list[tuple[int, float]]:
    """(request id, score) of open requests of the community that read like `text` (triage's
    duplicate score: the same building counts up, age counts down), best first; [] without
    triage or words. A request left as a voice note only is no candidate either. `public`: the
    matter is in a public area of the community, where any other in one is as near as the same
    grid is (a public area may have no grid)."""
    said = written_text(text)
    if triage is None or not said:
        return []
    from services.triage import DUPLICATE_CLOCK_SLACK, DUPLICATE_WINDOW, duplicates_among

    postgres = is_postgres(session)
    stmt = _open_matters_query(postgres=postgres, excluding=exclude_id is not None)
    params = {
        "community_id": community_id,
        "statuses": [status.value for status in JOINABLE],
        "exclude_id": exclude_id,
        # only those raised within the window count (duplicates_among's own bounds)
        "earliest": now - DUPLICATE_WINDOW,
        "latest": now + DUPLICATE_CLOCK_SLACK,
    }
    # plain rows (up to 200): the ORM's per-row work would only give the same five values;
    # what the session holds unsaved is flushed first, as the ORM's own read would
    await session.flush()
    rows = (await (await session.connection()).execute(stmt, params)).all()
    found = duplicates_among(
        triage,
        text=said,
        grid_id=_PUBLIC if public else grid_id,
        building_id=building_id,
        # the times are read as the database gives them (_open_matters_query): naive UTC on
        # SQLite, so compared with `now` as naive UTC there (the same differences)
        now=now if postgres else now.astimezone(UTC).replace(tzinfo=None),
        rows=[
            (rid, words, _PUBLIC if public and area is not None else grid, building, created)
            for rid, said_then, grid, building, created, area in rows
            if (words := written_text(said_then))
        ],
    )
    return [(int(rid), float(score)) for rid, score in found]


_PUBLIC = -1  # a public area, as duplicates_among compares grids: no grid's id


@cache
def _open_matters_query(*, postgres: bool, excluding: bool) -> Any:
    """similar_open's read, built once per database kind (the same statement on every 说完了
    and staff card, its values bound when it runs): the columns compared, not whole requests,
    of up to 200 of the community's joinable matters raised within the duplicate window (bound
    as `earliest` and `latest`), newest first. Their times are read as the database gives them,
    without UTCDateTime's work on each (on SQLite its datetime.replace cost more than the
    duplicate check of the row): timezone-aware on PostgreSQL, naive UTC on SQLite."""
    stmt = (
        sa_select(
            col(Request.id),
            col(Request.text),
            col(Request.grid_id),
            col(Request.building_id),
            type_coerce(col(Request.created_at), DateTime(timezone=True)),
            col(Request.public_area),
        )
        .where(col(Request.community_id) == bindparam("community_id"))
        .where(one_of(col(Request.status), "statuses", postgres=postgres))
        .where(col(Request.created_at) >= bindparam("earliest"))
        .where(col(Request.created_at) <= bindparam("latest"))
        .order_by(col(Request.id).desc())
        .limit(200)
    )
    if excluding:
        stmt = stmt.where(col(Request.id) != bindparam("exclude_id"))
    return stmt


@dataclass(frozen=True)
class Similar:
    """An open matter a resident may say theirs is the same as, in words safe to show them:
    never its text (another resident's words, maybe with their name or phone), only its
    category, building, when it was raised, its status and the order's title if staff gave it
    one (a default title is the resident's words: see services.order_titles)."""

    request: Request
    building: str | None
    title: str | None


async def similar_for_resident(
    session: AsyncSession,
    triage: Any,
    *,
    user: User,
    text: str,
    now: datetime,
    limit: int = 2,
    place: tuple[int, int] | None = None,
    public: bool = False,
) -> list[Similar]:
    """Open matters of the resident's community that read like what they are about to file,
    from their own building or grid (a matter across the community is rarely theirs) or in a
    public area of the community (a road, a gate: anyone's, near everyone), not their own; at
    most `limit`, best first. `place`: (building, grid) where the matter is, when the
    description names another building than theirs (services.address.named_place); `public`:
    it is in a public area (then only others in one are near)."""
    if user.community_id is None:
        return []
    building_id, grid_id = (None, None) if public else place or (user.building_id, user.grid_id)
    found = await similar_open(
        session,
        triage,
        text=text,
        community_id=user.community_id,
        grid_id=grid_id,
        building_id=building_id,
        now=now,
        public=public,
    )
    if not found:
        return []
    rows = await session.exec(
        _offers_query(),
        params={
            "ids": [rid for rid, _score in found],
            "resident_id": user.id,
            "building_id": building_id,
            "grid_id": grid_id,
        },
    )
    by_id: dict[int | None, tuple[Request, str | None, str | None]] = {
        req.id: (req, building, heading) for req, building, heading in rows.all()
    }
    out: list[Similar] = []
    for rid, _score in found:  # best first
        if rid not in by_id:
            continue
        req, building, heading = by_id[rid]
        if req.resident_id == user.id:
            continue
        near = (
            (building_id is not None and req.building_id == building_id)
            or (grid_id is not None and req.grid_id == grid_id)
            or req.public_area is not None  # the gate, the road: every resident's
        )
        if not near:
            continue
        if heading is not None and from_words(heading, written_text(req.text)):
            heading = None  # the order is called by her words: read its category instead
        where = building if req.public_area is None else spot(req, None)  # 东门外马路
        out.append(Similar(request=req, building=where, title=heading))
        if len(out) >= limit:
            break
    return out


@cache
def _offers_query() -> Any:
    """similar_for_resident's read of the matters found (bound as `ids`) with their buildings'
    names and their orders' latest titles, in one query (the candidates read before are not
    kept in the session); built once, its values bound when it runs. Only those it may offer
    are read: not the resident's own, from their building or grid (a NULL id matches none) or
    in a public area of the community."""
    title = (
        select(Order.title)
        .where(col(Order.request_id) == col(Request.id))
        .order_by(col(Order.id).desc())
        .limit(1)
        .correlate(Request)
        .scalar_subquery()
    )
    return (
        select(Request, col(Building.name), title)
        .outerjoin(Building, col(Building.id) == col(Request.building_id))
        .where(col(Request.id).in_(bindparam("ids", expanding=True)))
        .where(col(Request.resident_id).is_distinct_from(bindparam("resident_id")))
        .where(
            or_(
                col(Request.building_id) == bindparam("building_id"),
                col(Request.grid_id) == bindparam("grid_id"),
                col(Request.public_area).is_not(None),
            )
        )
    )


async def joined_count(session: AsyncSession, *, request_id: int) -> int:
    """How many other requests were folded into this one (residents who said 同一件事, and
    duplicates staff merged)."""
    return int(
        (
            await session.exec(
                select(func.count())
                .select_from(Request)
                .where(col(Request.merged_into_id) == request_id)
            )
        ).one()
    )


async def behalf_buildings(
    session: AsyncSession, *, staff: User, roles: Collection[Role]
) -> list[Building]:
    """The buildings a staff account may file a request for: every building for an admin, the
    whole community for its staff, only their grid's buildings for a grid worker (a matter filed
    for another grid would be refused, and then be out of their sight); by community, then
    building. Empty for anyone else."""
    stmt = select(Building).order_by(col(Building.community_id), col(Building.id))
    if Role.ADMIN not in roles:
        if Role.STAFF not in roles:
            return []
        scopes = (
            await session.exec(select(StaffScope).where(col(StaffScope.user_id) == staff.id))
        ).all()
        if not scopes:
            return []
        stmt = stmt.where(
            or_(
                *(
                    and_(
                        col(Building.community_id) == s.community_id,
                        *([] if s.grid_id is None else [col(Building.grid_id) == s.grid_id]),
                    )
                    for s in scopes
                )
            )
        )
    return list((await session.exec(stmt)).all())


@dataclass(frozen=True)
class TypedBuilding:
    """A building typed at the behalf form's building step ('2号楼', '2号楼501', '2栋501室'),
    read in the staff account's scope: `building` (None when not read, or not theirs:
    `refused`), its room where one was given, and the community it is in or that was named
    (None when neither is known)."""

    building: Building | None
    room: str | None
    community: Community | None
    refused: Building | None = None
    # words beside the address that say the matter ('2号楼的灯坏了'), or the matter said with
    # no building at all ('灯坏了，老人打电话来说的'): kept for it, not lost
    says_more: bool = False
    # words naming no building that may be the matter or a place's name mistyped ('杨光社曲东苑'):
    # staff are asked which (`says_more` is then False)
    unsure: bool = False


async def behalf_typed_building(
    session: AsyncSession,
    *,
    staff: User,
    roles: Collection[Role],
    community_id: int | None,
    text: str,
) -> TypedBuilding:
    """The building (and room) staff typed instead of tapping it, read as a resident's address
    is read at registration (services.address.read_address), in `community_id` (the one whose
    buildings are shown; None: any community of theirs, named in the text or known by the
    building). A building outside their scope (another grid's) is `refused`, not taken."""
    mine = await behalf_buildings(session, staff=staff, roles=roles)
    communities = {b.community_id for b in mine}
    if community_id not in communities:
        community_id = next(iter(communities)) if len(communities) == 1 else None
    guess = await read_address(
        session, text, community_id=community_id, bare_number=community_id is not None
    )
    where = guess.community if guess.community and guess.community.id in communities else None
    if guess.building is None:  # the matter said without its building is kept for it too
        alone = says_a_matter_alone(text, guess)
        clearly = alone and is_clearly_a_matter(text)
        return TypedBuilding(
            building=None,
            room=None,
            community=where,
            says_more=clearly,
            unsure=alone and not clearly,
        )
    if guess.building.id not in {b.id for b in mine}:
        return TypedBuilding(building=None, room=None, community=where, refused=guess.building)
    return TypedBuilding(
        building=guess.building,
        room=guess.room,
        community=where,
        says_more=says_more_than_address(text, guess),
    )


async def behalf_public_grid(
    session: AsyncSession, *, staff: User, roles: Collection[Role], community_id: int
) -> int | None:
    """The grid that follows a matter a staff account files in a public area of a community:
    none (the whole community's staff) for an admin or the community's staff, their grid for a
    grid worker (a matter in no grid would be out of their sight, and is refused them)."""
    if Role.ADMIN in roles:
        return None
    scopes = (
        await session.exec(
            select(StaffScope)
            .where(col(StaffScope.user_id) == staff.id)
            .where(col(StaffScope.community_id) == community_id)
        )
    ).all()
    if not scopes or any(s.grid_id is None for s in scopes):
        return None
    return min(int(s.grid_id or 0) for s in scopes)


async def file_on_behalf(
    session: AsyncSession,
    *,
    staff: User,
    roles: Collection[Role],
    building_id: int | None,
    room: str | None,
    contact_name: str | None,
    contact_phone: str | None,
    channel: Channel,
    draft: Draft,
    suggestion: Suggestion | None,
    now: datetime,
    community_id: int | None = None,
    grid_id: int | None = None,
) -> Filed:
    """Staff file a request for a resident who phoned or walked in; the channel is recorded.
    At a building (`building_id`), or, with `draft.public_area` set, in a public area of
    `community_id` (no building, no room) followed by `grid_id` (None: the whole community's
    staff) — as 📍 改地点 → 🌳 公共区域 places one."""
    public = public_words(draft.public_area)
    building = await session.get(Building, building_id) if building_id is not None else None
    if public is not None and community_id is not None:
        grid = await session.get(Grid, grid_id) if grid_id is not None else None
        if grid_id is not None and (grid is None or grid.community_id != community_id):
            raise NotFound("err-address-stale")
        where: tuple[int, int | None, int | None] = (community_id, grid_id, None)
        room = None
    elif building is not None:
        where, public = (building.community_id, building.grid_id, building.id), None
    else:
        raise NotFound("err-address-stale")
    probe = Request(community_id=where[0], grid_id=where[1], filed_by=0, text="")
    await require_staff(session, user=staff, roles=roles, request=probe, action="file_on_behalf")
    if channel == Channel.BOT:
        raise InvalidInput("order-err-channel")
    return await _file(
        session,
        draft=draft,
        suggestion=suggestion,
        community_id=where[0],
        grid_id=where[1],
        building_id=where[2],
        public_area=public,
        room=room_number(room, building=building.name) if room and building else None,
        resident_id=None,
        filed_by=staff.id,
        channel=channel,
        contact_name=person_name(contact_name) if contact_name else None,
        contact_phone=phone_number(contact_phone) if contact_phone else None,
        now=now,
    )


async def _own_request(
    session: AsyncSession, *, user: User, request_id: int, action: str
) -> Request:
    req = await get_request(session, request_id)
    if req.resident_id != user.id:
        await refuse(session, user=user, action=action, subject="request", sid=request_id)
    return req


async def my_requests(
    session: AsyncSession, *, user: User, page: int = 0, per_page: int = 5
) -> Page[Request]:
    """The resident's own requests, newest first, one page."""
    total = (
        await session.exec(
            select(func.count()).select_from(Request).where(col(Request.resident_id) == user.id)
        )
    ).one()
    pages = max(1, -(-total // per_page))
    page = min(max(page, 0), pages - 1)
    rows = await session.exec(
        select(Request)
        .where(col(Request.resident_id) == user.id)
        .order_by(col(Request.id).desc())
        .offset(page * per_page)
        .limit(per_page)
    )
    return Page(items=list(rows.all()), page=page, pages=pages, total=total)


async def open_to_add(session: AsyncSession, *, user: User, limit: int = 3) -> list[Request]:
    """The resident's matters that can still be added to (RESIDENT_CAN_ADD_INFO), newest
    first: what '我想补充一下，…' typed at the menu most likely adds to."""
    rows = await session.exec(
        select(Request)
        .where(
            col(Request.resident_id) == user.id,
            col(Request.status).in_(RESIDENT_CAN_ADD_INFO),
        )
        .order_by(col(Request.id).desc())
        .limit(limit)
    )
    return list(rows.all())


async def only_open(session: AsyncSession, *, user: User) -> Request | None:
    """The resident's one open matter (OPEN_REQUESTS), or None with none or several: what
    '什么时候来人修？' asks after when there is nothing else it could be."""
    rows = await session.exec(
        select(Request)
        .where(col(Request.resident_id) == user.id, col(Request.status).in_(OPEN_REQUESTS))
        .limit(2)
    )
    found = list(rows.all())
    return found[0] if len(found) == 1 else None


ASKED_RECENT_DAYS = 30  # a matter ended longer ago than this is not what "怎么样了" asks after
NAMED_AT_LEAST = 0.5  # of the pairs of characters of the matter named (services.smalltalk)
ASKED_AMONG = 50  # the resident's newest matters a progress question is matched with


async def own_about(
    session: AsyncSession,
    *,
    user: User,
    subject: str,
    now: datetime,
    ended_too: bool = True,
    lexicon: EnglishLexicon | None = None,
) -> Request | None:
    """The resident's own matter a progress question names ('水管的事怎么样了': the one about
    the water pipe), or None when none of their newest matters names it clearly. Of those that
    name it as well, an open one first, then the newest; one ended more than ASKED_RECENT_DAYS
    ago (or at all, without `ended_too`: the words say it happened again) is not it. With the
    triage's English `lexicon`, a question in English finds a matter filed in Chinese ('any
    news about the elevator?' after '电梯坏了') and the other way round."""
    rows = await session.exec(
        select(Request)
        .where(col(Request.resident_id) == user.id)
        .order_by(col(Request.id).desc())
        .limit(ASKED_AMONG)
    )
    since = now - timedelta(days=ASKED_RECENT_DAYS)
    best: tuple[float, bool, int] | None = None
    found: Request | None = None
    for req in rows.all():
        still_open = req.status in OPEN_REQUESTS
        if not still_open and (not ended_too or req.updated_at < since):
            continue
        said = f"{req.text} {req.keywords.replace('、', ' ').replace(',', ' ')}"
        score = names_matter(subject, said, lexicon=lexicon)
        if score < NAMED_AT_LEAST:
            continue
        key = (score, still_open, req.id or 0)
        if best is None or key > best:
            best, found = key, req
    return found


async def awaiting_rating(session: AsyncSession, *, user: User) -> Request | None:
    """The resident's request done most lately and not yet rated (the one a score typed into
    the chat is for), or None."""
    rows = await session.exec(
        select(Request)
        .where(col(Request.resident_id) == user.id, col(Request.status) == RequestStatus.DONE)
        .order_by(col(Request.id).desc())
        .limit(1)
    )
    return rows.first()


async def awaiting_ratings(session: AsyncSession, *, user: User) -> list[Request]:
    """Every request of the resident's done and not yet rated, newest first."""
    rows = await session.exec(
        select(Request)
        .where(col(Request.resident_id) == user.id, col(Request.status) == RequestStatus.DONE)
        .order_by(col(Request.id).desc())
    )
    return list(rows.all())


async def resident_view(session: AsyncSession, *, user: User, request_id: int) -> Request:
    """One of the resident's own requests (someone else's is refused and logged)."""
    return await _own_request(session, user=user, request_id=request_id, action="view_request")


@dataclass
class InfoAdded:
    """A request after its resident added to it, and the notices that causes (already queued
    when `queued`)."""

    request: Request
    notices: list[Notice]
    queued: bool = False
    # the one other building of the community the added words name as where the matter is:
    # the request moved there (`moved`), or, staff having taken it up already, they were told
    place: str | None = None
    moved: bool = False
    grid: str = "-"  # the grid of the place it moved to


async def add_info(
    session: AsyncSession,
    *,
    user: User,
    request_id: int,
    text: str | None,
    photos: Sequence[str] = (),
    voice: str | None = None,
    now: datetime,
    outbox: NoticeSink | None = None,
) -> InfoAdded:
    """The resident adds text, photos or a voice note to a matter not finished yet (also once
    its order is issued or claimed); staff and the members on its order are told.

    Words naming one other building of the community ('是5号楼门口', read as
    services.address.named_place reads a description) say where the matter is. While staff
    have not taken it up and it is at the resident's own building, it moves there (`_move`):
    its grid's staff get it as a new request, the old grid's are told it left them. Otherwise
    staff are told where the resident says it is, and decide.

    With `outbox`, the notices are queued in the same transaction as the change."""
    req = await _own_request(session, user=user, request_id=request_id, action="add_info")
    if req.status not in RESIDENT_CAN_ADD_INFO:
        raise Conflict("order-err-info-closed")
    # one message's words are added whole (the lead-in '我想补充一下，' taken off them, they
    # may be longer than a new matter's first words)
    note = clean_text(text, max_len=ADDED_MAX) if text else ""
    if not note and not photos and not voice:
        raise InvalidInput("err-text-empty")
    assert req.id is not None
    grid_name = Place(("-",))
    said = written_text(req.text)  # a voice-only request's first words are these
    if note and len(said) + 2 + len(note) > KEPT_MAX:
        # the matter holds no more words: said, nothing of them cut off unseen
        raise InvalidInput("order-err-info-full", length=len(note), limit=KEPT_MAX)
    named = (
        await named_place(
            session, note, community_id=req.community_id, home_building_id=req.building_id
        )
        if note
        else None
    )
    moved_from = req.grid_id  # a request in no grid may move into one
    moved = named is not None and await _move(
        session, req, named, resident=user, said=said, now=now
    )
    if note:
        req.text = f"{said}\n\n{note}" if said else note
        req.updated_at = now
    draft = Draft(
        text="", category=req.category, photos=list(photos), voices=[voice] if voice else []
    )
    for att in _attachments(request_id=req.id, draft=draft, purpose="info", by=user.id, now=now):
        session.add(att)
    note_event(
        session,
        request_id=req.id,
        subject="request",
        subject_id=req.id,
        action="add_info",
        actor_id=user.id,
        now=now,
        state=req.status,
        note=note or (f"+{len(photos)} photo(s)" if photos else "+voice"),
    )
    if named is not None and moved:
        grid = await session.get(Grid, named.grid_id)
        grid_name = named_in(grid) if grid is not None else Place(("-",))
        notices = await record_move(
            session,
            req,
            actor_id=user.id,
            before=at_building(named.home or "-"),
            place=at_building(named.name),
            grid=grid_name,
            old_grid_id=moved_from,
            old_building_id=user.building_id,  # it moved only from her own building (`_move`)
            now=now,
        )
    else:
        staff = await staff_of(
            session, community_id=req.community_id, grid_id=req.grid_id, matter=True
        )
        notices = [
            Notice(
                chat_id=sid,
                # words naming another building than where it is: staff, who took it up, decide
                key="order-notice-info-added-place" if named else "order-notice-info-added",
                args={"number": req.number}
                | ({"place": named.name, "before": named.home or "-"} if named else {}),
                kind="staff-request-card",
                ref_id=req.id,
                community_id=req.community_id,
                recipient=member,
            )
            for member in staff
            if (sid := member.id) is not None
        ]
    notices += await _info_notices_for_members(
        session, req=req, note=note, photos=photos, voice=voice is not None
    )
    if outbox is not None:
        await outbox(notices)  # the change and its notices land in one commit
    await session.commit()
    return InfoAdded(
        request=req,
        notices=notices,
        queued=outbox is not None,
        place=at_building(named.name) if named else None,
        moved=moved,
        grid=grid_name,
    )


async def _move(
    session: AsyncSession,
    req: Request,
    named: NamedPlace,
    *,
    resident: User,
    said: str,
    now: datetime,
) -> bool:
    """Move a request to the building its resident's added words name, if it may move: staff
    have not taken it up (NEW), and it is where a request is by default — her own building
    (she named none when filing, or named hers) — and not because she put it back there from
    the building now named (the preview's 📍 toggle: her choice stands). The grid goes with
    the building, the room (of her own building) does not. Not once staff chose its place
    (📍 改地点, services.staff_place): they are told where she says it is, and decide. True
    when it moved (not when staff took it up meanwhile)."""
    if req.status != RequestStatus.NEW or req.building_id != resident.building_id:
        return False
    placed_by_staff = await session.exec(
        select(LedgerEvent.id)
        .where(col(LedgerEvent.request_id) == req.id)
        .where(col(LedgerEvent.action) == MOVE_ACTION)
        .where(col(LedgerEvent.actor_id) != resident.id)
        .limit(1)
    )
    if placed_by_staff.first() is not None:
        return False
    first = (
        await named_place(
            session, said, community_id=req.community_id, home_building_id=req.building_id
        )
        if said
        else None
    )
    if first is not None and first.building_id == named.building_id:
        return False
    # only as it was read: staff triaging it at the same moment keep it where they saw it
    result = await session.exec(
        update(Request)
        .where(col(Request.id) == req.id)
        .where(col(Request.status) == RequestStatus.NEW)
        .where(col(Request.building_id).is_not_distinct_from(req.building_id))
        .values(building_id=named.building_id, grid_id=named.grid_id, room=None, updated_at=now)
    )  # type: ignore[call-overload]
    if result.rowcount != 1:
        await session.refresh(req)
        return False
    req.building_id, req.grid_id, req.room = named.building_id, named.grid_id, None
    return True


async def record_move(
    session: AsyncSession,
    req: Request,
    *,
    actor_id: int | None,
    before: str,
    place: str,
    grid: str,
    old_grid_id: int | None,
    old_building_id: int | None,
    now: datetime,
    keys: tuple[str, str] = ("order-notice-info-added-moved", "order-notice-moved-away"),
) -> list[Notice]:
    """A request just moved from the building `before` (`old_building_id`, in `old_grid_id`)
    to `place` (in the grid named `grid`), by its resident's 补充信息 or by staff
    (services.staff_place): the ledger row (one for both ways, with where it was by id), the
    mail about it waiting for the old grid's staff who no longer have it withdrawn
    (`_withdraw_old_grid_mail`), and who is told what (`moved_notices`; `keys` as there). Not
    committed."""
    note_move(
        session,
        req,
        actor_id=actor_id,
        before=before,
        place=place,
        now=now,
        from_building_id=old_building_id,
        from_grid_id=old_grid_id,
    )
    await _withdraw_old_grid_mail(session, req, old_grid_id=old_grid_id)
    return await moved_notices(
        session,
        req,
        old_grid_id=old_grid_id,
        args={"place": place, "before": before, "grid": grid},
        keys=keys,
    )


async def _withdraw_old_grid_mail(
    session: AsyncSession, req: Request, *, old_grid_id: int | None
) -> int:
    """What waits to go about a request (and its orders) to staff of the grid it left who do
    not act for its new one — a reminder or an urge held for the night, an escalation — is
    cancelled, as `cancel_stale` cancels: they can no longer open it, and its new grid's staff
    get its card (`moved_notices`). Edits of what they were shown still go. Returns how
    many."""
    if old_grid_id is None or old_grid_id == req.grid_id:
        return 0
    community = req.community_id
    keep = {
        u.id
        for u in await staff_of(session, community_id=community, grid_id=req.grid_id, matter=True)
    }
    gone = [
        u.id
        for u in await staff_of(session, community_id=community, grid_id=old_grid_id, matter=True)
        if u.id not in keep
    ]
    if not gone:
        return 0
    order_ids = (await session.exec(select(Order.id).where(col(Order.request_id) == req.id))).all()
    about = [
        col(Delivery.matter).like(f"request:{req.id}:%"),
        col(Delivery.dedupe_key).like(f"request-{req.id}-%"),
        col(Delivery.dedupe_key).like(f"urge-{req.id}-%"),
        *(col(Delivery.matter).like(f"order:{oid}:%") for oid in order_ids),
        *(col(Delivery.dedupe_key).like(f"order-{oid}-%") for oid in order_ids),
    ]
    result = await session.exec(  # type: ignore[call-overload]
        update(Delivery)
        .where(
            col(Delivery.chat_id).in_(gone),
            col(Delivery.edit_message_id).is_(None),
            staff_mail(),
            or_(*about),
            not_yet_sent(),
        )
        .values(state=DeliveryState.CANCELLED, error="moved to another grid")
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)


async def moved_notices(
    session: AsyncSession,
    req: Request,
    *,
    old_grid_id: int | None,
    args: dict[str, str],
    keys: tuple[str, str] = ("order-notice-info-added-moved", "order-notice-moved-away"),
) -> list[Notice]:
    """Who hears of a request moved to another building, so that nobody acts on the old place:
    the new grid's staff who had its card get told of the new place; those who had none get
    its card (urgent: at once) — as a new request gives it while it waits for staff, else
    one saying it moved into their grid and where it stands (order-notice-moved-in); the old
    grid's staff who had it are told it moved away from them. Cards about it not sent yet
    (held for the night) are dropped: they named the old place, and would reach the old
    grid's staff. `keys`: what the first and the last are told (the resident's words moved
    it, or staff did)."""
    matter = matter_of(req)
    sent = (
        await session.exec(
            select(Delivery).where(
                col(Delivery.matter) == matter,
                col(Delivery.kind).in_(STAFF_CARD_KEYS),
                col(Delivery.state).in_([DeliveryState.SENT, DeliveryState.SENDING]),
                not_(not_yet_sent()),
            )
        )
    ).all()
    seen = {row.chat_id for row in sent}
    await cancel_stale(session, matter=matter, kinds=STAFF_CARD_KEYS)
    cards = await new_request_notices(session, req)
    if req.status != RequestStatus.NEW:  # taken up already: not a new request to them
        cards = [
            replace(
                n,
                key="order-notice-moved-in",
                # its place as a card names it (community · grid · building)
                args={**args, **n.args, "status": str(req.status)},
            )
            for n in cards
        ]
    args = {"number": req.number, **args}
    once = f"request-{req.id}-moved-{place_key(req)}"
    notices = [
        replace(
            n,
            key=keys[0],
            args=args,
            matter=None,
            dedupe_key=f"{once}-{n.chat_id}",
        )
        if n.chat_id in seen
        else replace(n, dedupe_key=f"{once}-{n.chat_id}")
        for n in cards
    ]
    told = {n.chat_id for n in cards}
    away = [
        member
        for member in await staff_of(
            session, community_id=req.community_id, grid_id=old_grid_id, matter=True
        )
        if member.id in seen and member.id not in told
    ]
    notices += [
        Notice(
            chat_id=member.id,
            key=keys[1],
            args=args,
            kind="staff-moved-away",  # no button: the request is no longer theirs to open
            ref_id=req.id,
            urgent=req.urgent,
            dedupe_key=f"{once}-{member.id}",
            community_id=req.community_id,
            recipient=member,
        )
        for member in away
    ]
    # and the card they have reads so, without its 查看诉求 (which would now be refused)
    notices += [
        Notice(
            chat_id=row.chat_id,
            key="order-card-moved-away",
            args=args,
            kind="staff-moved-away",
            ref_id=req.id,
            urgent=True,  # an edit wakes nobody
            community_id=req.community_id,
            edit_message_id=row.message_id_list[-1],
        )
        for row in sent
        if row.chat_id in {m.id for m in away} and row.message_id_list and not row.photo_ref
    ]
    return notices


async def _info_notices_for_members(
    session: AsyncSession, *, req: Request, note: str, photos: Sequence[str], voice: bool
) -> list[Notice]:
    """What the resident added, for the members now on the request's open orders (they may
    see the unmasked text and photos, like the order card shows them)."""
    rows = await session.exec(
        select(Claim.member_id, Order.id)
        .join(Order, col(Order.id) == col(Claim.order_id))
        .where(col(Order.request_id) == req.id)
        .where(col(Order.status).in_(list(OPEN_ORDERS)))
        .where(col(Claim.status) == ClaimStatus.ACTIVE)
    )
    return [
        Notice(
            chat_id=member_id,
            key="order-notice-info-added-member",
            args={
                "number": req.number,
                "order": f"G{order_id:05d}",
                "note": note if len(note) <= NOTE_MAX else note[: NOTE_MAX - 1] + "…",
                "has_note": "yes" if note else "no",
                "photos": len(photos),
                "voice": "yes" if voice else "no",
            },
            kind="member-order",
            ref_id=order_id,
            photos=tuple(photos[:1]),
            community_id=req.community_id,
        )
        for member_id, order_id in rows.all()
    ]


def withdraw_refusal(req: Request) -> str:
    """Why a request cannot be withdrawn (any more): taken back already, or staff have acted."""
    if req.status == RequestStatus.WITHDRAWN:
        return "order-err-already-withdrawn"
    return "order-err-already-handled"


async def withdraw(
    session: AsyncSession, *, user: User, request_id: int, reason: str | None, now: datetime
) -> Request:
    """The resident takes back a request that staff have not handled yet."""
    req = await _own_request(session, user=user, request_id=request_id, action="withdraw")
    if req.status not in RESIDENT_EDITABLE:
        raise Conflict(withdraw_refusal(req))
    await move(
        session,
        req,
        to=RequestStatus.WITHDRAWN,
        actor_id=user.id,
        action="withdraw",
        now=now,
        note=clean_text(reason, max_len=TYPED_MAX) if reason else "",
        values={"closed_at": now},
        conflict_key="order-err-already-handled",
    )
    await session.commit()
    return req


async def attachments(
    session: AsyncSession, *, request_id: int, purpose: str | None = None
) -> list[Attachment]:
    """Files of a request (all, or one purpose: request / info / result)."""
    stmt = select(Attachment).where(col(Attachment.request_id) == request_id)
    if purpose:
        stmt = stmt.where(col(Attachment.purpose) == purpose)
    return list((await session.exec(stmt.order_by(col(Attachment.id)))).all())


async def voice_count(session: AsyncSession, *, request_id: int) -> int:
    """How many voice notes the resident left with a request: with it (Draft.voices, up to 3)
    and added to it since (补充); the staff card says so, as the words do not."""
    stmt = select(func.count()).where(
        col(Attachment.request_id) == request_id,
        col(Attachment.kind) == "voice",
        col(Attachment.purpose).in_(("request", "info")),
    )
    return int((await session.exec(stmt)).one())


async def attachment_counts(session: AsyncSession, *, request_id: int) -> tuple[int, int]:
    """How many photos and voice notes the resident left with a request (with it and added to
    it since, as `voice_count`): staff's notice of a new request says so under its words."""
    stmt = (
        select(col(Attachment.kind), func.count())
        .where(
            col(Attachment.request_id) == request_id,
            col(Attachment.kind).in_(("photo", "voice")),
            col(Attachment.purpose).in_(("request", "info")),
        )
        .group_by(col(Attachment.kind))
    )
    counts = {kind: int(n) for kind, n in (await session.exec(stmt)).all()}
    return counts.get("photo", 0), counts.get("voice", 0)


async def history(session: AsyncSession, *, request_id: int) -> list[LedgerEvent]:
    """The ledger rows of a matter, oldest first."""
    rows = await session.exec(
        select(LedgerEvent)
        .where(col(LedgerEvent.request_id) == request_id)
        .order_by(col(LedgerEvent.at), col(LedgerEvent.id))
    )
    return list(rows.all())


async def forget_requests(
    session: AsyncSession,
    *,
    user_id: int,
    names: Collection[str | None] = (),
    rooms: Collection[str | None] = (),
    phones: Collection[str | None] = (),
) -> int:
    """After a resident deletes their data: no room, contact, location, files or numbers remain.

    The ledger keeps the anonymous matter. Its text keeps the words, with phone and ID numbers
    masked and what the bot knew of the person starred out wherever it is written: their
    `names` (and the request's contact name), `rooms` and `phones` (and the request's own). So
    does everything written about the matter, by them or by anyone handling it: the ledger's
    notes (added information, a rating's comment, a member's 告诉社区, a release reason, a
    report, staff's reasons and answers), the results, the orders' titles, the claims'
    reasons, the transfers' notes and answers. The notices quoting any of these still waiting
    in the outbox (staff's cards held for the night: `_mask_held_cards`, `_mask_quoted_notes`)
    quote them as they now read. A request left as a voice note only keeps the marker that its
    voice note was deleted (order_common.VOICE_REMOVED), so nobody is sent to listen to an
    attachment that is gone. The caller commits (services.users.forget_user).
    """
    from sqlalchemy import delete

    from models.orders import Claim, Order, Rating, Transfer
    from services.delivery import cancel_carrying
    from services.order_common import VOICE_REMOVED

    rows = list(
        (await session.exec(select(Request).where(col(Request.resident_id) == user_id))).all()
    )
    if not rows:
        return 0
    ids = [r.id for r in rows]
    known = Personal.of(
        names=[*names, *(r.contact_name for r in rows)],
        rooms=[*rooms, *(r.room for r in rows)],
        phones=[*phones, *(r.contact_phone for r in rows)],
    )
    for req in rows:
        before = req.text
        if written_text(req.text):
            req.text = known.scrub(req.text)
        else:
            req.text = VOICE_REMOVED
        req.decline_reason = known.scrub(req.decline_reason or "") or req.decline_reason
        req.result_note = known.scrub(req.result_note or "") or req.result_note
        req.room = None
        req.contact_name = None
        req.contact_phone = None
        req.latitude = None
        req.longitude = None
        await _mask_held_cards(session, req=req, before=before, known=known)
    quoted: list[tuple[str, str]] = []  # what notices quote of the notes, before → after

    def scrubbed(text: str) -> str:
        after = known.scrub(text)
        if after != text:
            quoted.extend((quote(text), quote(after)) for quote in _NOTE_QUOTES)
        return after

    notes = await session.exec(
        select(LedgerEvent).where(
            col(LedgerEvent.request_id).in_(ids), col(LedgerEvent.note) != ""
        )
    )
    for event in notes.all():
        event.note = scrubbed(event.note or "")
    orders = list((await session.exec(select(Order).where(col(Order.request_id).in_(ids)))).all())
    for order in orders:
        order.title = known.scrub(order.title)
        order.result_note = scrubbed(order.result_note or "") or order.result_note
    if orders:
        claims = await session.exec(
            select(Claim).where(
                col(Claim.order_id).in_([o.id for o in orders]), col(Claim.reason).is_not(None)
            )
        )
        for claim in claims.all():
            claim.reason = scrubbed(claim.reason or "")
    for transfer in (
        await session.exec(select(Transfer).where(col(Transfer.request_id).in_(ids)))
    ).all():
        transfer.note = known.scrub(transfer.note)
        transfer.answer = scrubbed(transfer.answer or "") or transfer.answer
    ratings = await session.exec(select(Rating).where(col(Rating.request_id).in_(ids)))
    for rating in ratings.all():
        rating.comment = known.scrub(rating.comment)
    if quoted:
        await _mask_quoted_notes(session, quoted=quoted)
    # what they sent is not sent on either: a notice held for the night with one of their
    # photos (a member told of information added) is cancelled with the photo's record
    files = await session.exec(
        select(Attachment.file_id)
        .where(col(Attachment.request_id).in_(ids))
        .where(col(Attachment.purpose).in_(["request", "info"]))
    )
    await cancel_carrying(session, file_ids=files.all())
    await session.exec(
        delete(Attachment)
        .where(col(Attachment.request_id).in_(ids))
        .where(col(Attachment.purpose).in_(["request", "info"]))
    )  # type: ignore[call-overload]
    if orders:
        # a claimant's card of the order named them and gave their phone and room: redrawn
        # once this commits (no ledger row records it), as staff cards are
        from services.order_redraws import touch  # it imports what imports this module

        touch(session, request_ids={o.request_id for o in orders})
    return len(rows)


# the cards quoting the text
STAFF_CARD_KEYS = ("order-notice-new", "order-notice-urgent", "order-notice-moved-in")
# the notices quoting what was written about a matter later: added information (to the
# members on the order), why the resident was not satisfied (to staff), a member's 告诉社区, a
# release reason and a report (to staff), staff's reasons for sending a report back or
# cancelling an order (to its members), a unit's answer (to the resident)
NOTE_KEYS = (
    "order-notice-info-added-member",
    "order-notice-reopened",
    "order-notice-reopened-reason",
    "order-notice-reopened-complaint",
    "order-notice-member-note",
    "order-notice-released",
    "order-notice-released-nobody",
    "order-notice-verify",
    "order-notice-verify-reminder",
    "order-notice-sent-back",
    "order-notice-cancelled",
    "order-notice-transfer-answer",
)
VERIFY_QUOTE_MAX = 600  # a report quoted on staff's 验收 notice (services.orders.report_done)


def _note_quote(note: str) -> str:
    """What a member's notice of added information quotes of it."""
    return note if len(note) <= NOTE_MAX else note[: NOTE_MAX - 1] + "…"


def _verify_quote(note: str) -> str:
    """What staff's notice of a report to verify quotes of it."""
    return note if len(note) <= VERIFY_QUOTE_MAX else note[: VERIFY_QUOTE_MAX - 1] + "…"


# the ways a notice quotes a note: whole, or cut as one of them cuts it
_NOTE_QUOTES = (str, _note_quote, _verify_quote)


async def _mask_held_cards(
    session: AsyncSession, *, req: Request, before: str, known: Personal
) -> int:
    """The staff cards about a request not sent yet quote its text as it is now (masked when its
    resident deleted their data), not as filed: in each, the quote of `before` becomes the
    quote of `req.text`; a card quoting something else (the text grew with added information
    since) is masked as the text was. See `delivery.rewrite_unsent`. Returns how many."""
    import html

    from services.delivery import rewrite_unsent

    old_quote = html.escape(card_quote(before), quote=False)
    new_quote = html.escape(card_quote(req.text), quote=False)
    if old_quote == new_quote or not old_quote:
        return 0  # nothing personal quoted (a voice note alone), or nothing changed
    escaped = replace(known, names=tuple(html.escape(n, quote=False) for n in known.names))

    def rewrite(text: str) -> str:
        if old_quote in text:
            return text.replace(old_quote, new_quote)
        return escaped.scrub(text)

    return await rewrite_unsent(
        session,
        where=[
            col(Delivery.matter).like(f"request:{req.id}:%"),
            col(Delivery.kind).in_(STAFF_CARD_KEYS),
        ],
        rewrite=rewrite,
    )


async def _mask_quoted_notes(session: AsyncSession, *, quoted: list[tuple[str, str]]) -> int:
    """Notices not sent yet that quote a note the resident wrote get the masked note instead."""
    import html

    from services.delivery import rewrite_unsent

    swaps = sorted(
        {(html.escape(a, quote=False), html.escape(b, quote=False)) for a, b in quoted if a},
        key=lambda pair: -len(pair[0]),  # the whole note before a shorter quote of it
    )

    def rewrite(text: str) -> str:
        for old, new in swaps:
            text = text.replace(old, new)
        return text

    return await rewrite_unsent(
        session, where=[col(Delivery.kind).in_(NOTE_KEYS)], rewrite=rewrite
    )
