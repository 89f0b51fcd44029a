"""社区下单 → 党员接单 → 组织晒单: staff triage, member claims, results, ratings and points."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, or_, update
from sqlalchemy import select as sa_select
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import Building, Community, MemberProfile, MemberStatus, Role, StaffScope, User
from models.orders import (
    OPEN_REQUESTS,
    Attachment,
    CategoryCorrection,
    Claim,
    ClaimStatus,
    LedgerEvent,
    Order,
    OrderCard,
    OrderStatus,
    PointsEntry,
    Rating,
    Request,
    RequestStatus,
    Score,
    Transfer,
)
from models.scheduling import Delivery, DeliveryState
from models.users import member_name
from services import audit, delivery, members, order_cards
from services.errors import Conflict, InvalidInput, NotFound
from services.listing import Listing
from services.order_common import (
    Notice,
    NoticeSink,
    OrderTitle,
    Personal,
    abort,
    approved_member,
    category,
    commit_with,
    deadline_hours,
    followers,
    get_order,
    get_request,
    gist,
    in_office_hours,
    is_category,
    is_staff_for,
    mask,
    matter_grid,
    matter_of,
    move,
    note_event,
    person_names,
    refuse,
    require_staff,
    schedule,
    staff_ids,
    unschedule,
    written_text,
)
from services.order_notices import VERIFY_DECIDED
from services.order_titles import matter_title, says_more
from services.places import Place, line, named
from services.public_notices import PublicWords, public_words
from services.requests import Page, both_place_names
from services.skills import normalize_skills
from services.users import require_whole_community, whole_community
from services.validation import TYPED_MAX, clean_text, short_label

RATING_REMINDER_AFTER = timedelta(hours=48)  # 回访: ask again when no rating came
RATING_CLOSE_AFTER = timedelta(days=7)  # then close it as unrated
UNCLAIMED_AFTER = timedelta(hours=12)  # an open order nobody took is offered again, then escalated
VERIFY_REMINDER_AFTER = timedelta(hours=24)
TRANSFER_FOLLOW_UP_AFTER = timedelta(days=3)
TRANSFER_FOLLOW_UP_URGENT = timedelta(hours=12)


@dataclass
class Outcome:
    """The result of a cycle action and the notices it causes.

    `queued`: the notices went into the outbox with the action's own commit (the session had an
    outbox, see order_common.commit_with); `pending` is what the caller still has to queue.
    """

    notices: list[Notice] = field(default_factory=list)
    request: Request | None = None
    order: Order | None = None
    queued: bool = False

    @property
    def pending(self) -> list[Notice]:
        """The notices not queued yet."""
        return [] if self.queued else self.notices


# Limits of an order's form (the staff draft refuses anything outside them at the tap).
MAX_MEMBERS = 20
MAX_POINTS = 1000
MAX_HOURS = 2160  # 90 days


@dataclass(frozen=True)
class OrderSpec:
    """What staff set when issuing an order (defaults come from the category)."""

    title: str | None = None
    category: str | None = None
    skills: tuple[str, ...] | None = None
    grid_id: int | None = None
    deadline_at: datetime | None = None
    points: int = 10
    service_minutes: int = 60
    members_needed: int = 1
    community_wide: bool = False  # offer it to members of the whole community, not one grid


# ---------------------------------------------------------------- helpers


# Direction overrides could disguise a title; zero-width joiners of emoji stay.
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def order_title(text: str | None, *, max_len: int = 60) -> str | None:
    """An order's one-line title from what staff or a meeting decision wrote.

    Emoji are kept (a decision may carry them); whitespace and line breaks become one space,
    control characters go, and it is cut to max_len. None when nothing is left.
    """
    if not text:
        return None
    kept = "".join(
        " " if unicodedata.category(ch) in {"Cc", "Co", "Cs"} else ch
        for ch in text
        if ch not in _BIDI
    )
    title = " ".join(kept.split())[:max_len].strip()
    return title or None


async def default_title(session: AsyncSession, *, req: Request, code: str | None = None) -> str:
    """What an order from this request is called when staff type no title: the matter in the
    resident's first words ('楼道灯坏了'), else the category's name.

    Shown on the public result card and to members before they claim, so it never carries the
    resident's room, phone or name (see services.order_titles): the resident's own names and
    numbers, as the bot knows them, keep a clause out of it."""
    personal = await resident_personal(session, req=req)
    known = [*personal.names, *personal.rooms, *personal.phones]
    title = matter_title(written_text(req.text), known=known)
    return order_title(title) or category(code or req.category).name()


async def resident_personal(session: AsyncSession, *, req: Request) -> Personal:
    """What the bot knows of the request's resident (their names, rooms and phone numbers, and
    the request's contact), to keep off what others read of the matter."""
    resident = await session.get(User, req.resident_id) if req.resident_id is not None else None
    profile = (
        await session.get(MemberProfile, req.resident_id) if req.resident_id is not None else None
    )
    return Personal.of(
        names=[req.contact_name, *person_names(resident, profile)],
        rooms=[req.room, resident.room if resident is not None else None],
        phones=[req.contact_phone, resident.phone if resident is not None else None],
    )


def resident_notices(
    pairs: Sequence[tuple[int, int]],
    key: str,
    req: Request,
    *,
    until: str | None = None,
    **args: object,
) -> list[Notice]:
    """Residents following a matter; each button opens the resident's own request.

    `until`: a progress notice that only says where the matter is now ('已派单', '已有人接单')
    names that state (`matter_of`), so one held for the night is not sent once the matter has
    moved on: at 07:00 a resident reads how it stands, not three messages of how it stood."""
    return [
        Notice(
            chat_id=resident_id,
            key=key,
            # a merged request's resident reads their own number (and the one it follows)
            args={**args, "number": f"{own_id:05d}"},
            kind="resident-request",
            ref_id=own_id,
            community_id=req.community_id,
            matter=until,
        )
        for resident_id, own_id in pairs
    ]


async def _first_response(req: Request, *, actor_id: int, now: datetime) -> dict[str, object]:
    if req.first_response_at is None:
        return {"first_response_at": now, "first_responder_id": actor_id}
    return {}


async def _staff_request(
    session: AsyncSession, *, user: User, roles: Collection[Role], request_id: int, action: str
) -> Request:
    req = await get_request(session, request_id)
    await require_staff(session, user=user, roles=roles, request=req, action=action)
    return req


async def _order_photos(session: AsyncSession, *, request_id: int, purpose: str) -> list[str]:
    rows = await session.exec(
        select(Attachment.file_id)
        .where(col(Attachment.request_id) == request_id)
        .where(col(Attachment.purpose) == purpose)
        .where(col(Attachment.kind) == "photo")
        .order_by(col(Attachment.id))
    )
    return list(rows.all())


# ---------------------------------------------------------------- staff: queue and views


WAITING = (RequestStatus.NEW, RequestStatus.REOPENED)
IN_PROGRESS = (
    RequestStatus.ORDERED,
    RequestStatus.HANDLING,
    RequestStatus.TRANSFERRED,
    RequestStatus.DONE,
)


async def staff_queue(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    page: int = 0,
    per_page: int = 5,
    statuses: Sequence[RequestStatus] = WAITING,
    to_verify: bool = False,
    overdue_at: datetime | None = None,
) -> Page[Request]:
    """Requests in the staff member's scope (new and reopened by default): urgent, then oldest.

    `to_verify`: only those with an order a member reported done, waiting for staff to check
    the result (验收). `overdue_at`: only those still open past their deadline at that time
    (as /stats counts them 超期), the longest overdue first."""
    where: list[ColumnElement[bool]] = [col(Request.status).in_(list(statuses))]
    order_by: tuple[Any, ...] = (
        col(Request.urgent).desc(),
        col(Request.created_at),
        col(Request.id),
    )
    if overdue_at is not None:
        where.append(col(Request.deadline_at) < overdue_at)
        order_by = (col(Request.deadline_at), col(Request.id))
    if to_verify:
        where.append(
            col(Request.id).in_(
                select(Order.request_id).where(col(Order.status) == OrderStatus.DONE)
            )
        )
    scope = await _staff_scope(session, user=user, roles=roles)
    if scope is False:
        return Page(items=[], page=0, pages=1, total=0)
    if scope is not True:
        where.append(scope)
    return await _page(session, where, order_by=order_by, page=page, per_page=per_page)


# still to be done by someone (as /stats counts a matter 超期): a result reported done is not
OVERDUE_OPEN = (
    RequestStatus.NEW,
    RequestStatus.REOPENED,
    RequestStatus.ORDERED,
    RequestStatus.HANDLING,
    RequestStatus.TRANSFERRED,
)


async def _staff_scope(
    session: AsyncSession, *, user: User, roles: Collection[Role]
) -> ColumnElement[bool] | bool:
    """Which requests this person sees as staff: True for all (an admin), False for none, else
    the condition naming their communities (and grids, where scoped)."""
    if Role.ADMIN in roles:
        return True
    scopes = (
        await session.exec(select(StaffScope).where(col(StaffScope.user_id) == user.id))
    ).all()
    if Role.STAFF not in roles or not scopes:
        return False
    return or_(
        *(
            and_(
                col(Request.community_id) == s.community_id,
                *([] if s.grid_id is None else [col(Request.grid_id) == s.grid_id]),
            )
            for s in scopes
        )
    )


async def _page(
    session: AsyncSession,
    where: Sequence[ColumnElement[bool]],
    *,
    order_by: Sequence[Any],
    page: int,
    per_page: int,
) -> Page[Request]:
    """One page of the requests matching `where`, and how many pages there are."""
    total = (await session.exec(select(func.count()).select_from(Request).where(*where))).one()
    pages = max(1, -(-total // per_page))
    page = min(max(page, 0), pages - 1)
    rows = await session.exec(
        select(Request).where(*where).order_by(*order_by).offset(page * per_page).limit(per_page)
    )
    return Page(items=list(rows.all()), page=page, pages=pages, total=total)


SEARCH_MAX_CHARS = 50


def _found(term: str) -> ColumnElement[bool]:
    """A request where `term` appears: in what the resident said, the contact's or the
    resident's name or phone (or the real name or phone the resident gave at 报到 to the
    request's community), the building's name or staff's words for its public area
    ('东门外马路'), or as the room."""
    people = select(User.id).where(
        or_(
            col(User.first_name).contains(term, autoescape=True),
            col(User.last_name).contains(term, autoescape=True),
            col(User.phone).contains(term, autoescape=True),
        )
    )
    buildings = select(Building.id).where(col(Building.name).contains(term, autoescape=True))
    # the real name and the phone a 报到 gave, for the requests of the community they were
    # given to only: what the sign-up consented to (members.signup_phone); not copied into the
    # resident's profile ("-" once they deleted their data)
    signed_up = (
        select(MemberProfile.user_id)
        .where(
            col(MemberProfile.user_id) == col(Request.resident_id),
            col(MemberProfile.community_id) == col(Request.community_id),
            or_(
                and_(
                    col(MemberProfile.phone).not_in(["", "-"]),
                    col(MemberProfile.phone).contains(term, autoescape=True),
                ),
                and_(
                    col(MemberProfile.real_name).not_in(["", "-"]),
                    col(MemberProfile.real_name).contains(term, autoescape=True),
                ),
            ),
        )
        .exists()
    )
    return or_(
        col(Request.text).contains(term, autoescape=True),
        col(Request.contact_name).contains(term, autoescape=True),
        col(Request.contact_phone).contains(term, autoescape=True),
        col(Request.room) == term,
        col(Request.resident_id).in_(people),
        signed_up,
        col(Request.building_id).in_(buildings),
        col(Request.public_area).contains(term, autoescape=True),
    )


SEARCH_MAX_TERMS = 6
# a request's number as it is shown (Request.number: five digits, or more once past 99999); a
# phone number (11 digits) is not one
REQUEST_NUMBER = re.compile(r"\d{5,9}")


def search_terms(words: str) -> list[str]:
    """The words a search looks for each of: what was typed, split at spaces, and Chinese
    split into words ('楼道的灯' → 楼道, 灯: '楼道灯坏了' is found too), without words that say
    nothing (的, 了) or punctuation; at most SEARCH_MAX_TERMS, in the order typed."""
    from services.triage.segment import Segmenter
    from services.triage.text import is_han

    terms: list[str] = []
    for chunk in words.split():
        parts = [chunk]
        if len(chunk) > 2 and any(is_han(ch) for ch in chunk):
            cut = [w.strip() for w in Segmenter.load().cut(chunk)]
            kept = [
                w
                for w in cut
                if w not in _stopwords()
                and any(c.isalnum() for c in w)
                and not (len(w) == 1 and w.isascii())  # a letter of markup around words
            ]
            parts = kept or [chunk]
        for part in parts:
            if part not in terms:
                terms.append(part)
    return terms[:SEARCH_MAX_TERMS]


@functools.cache
def _stopwords() -> frozenset[str]:
    from services.triage.core import _read_stopwords

    return _read_stopwords()


async def search_requests(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    words: str,
    page: int = 0,
    per_page: int = 5,
) -> Page[Request]:
    """Requests in the staff member's scope that the words find, newest first: in what the
    resident said, the contact's name or phone, the resident's name or phone (and the real
    name and phone of their 报到 to the request's community), the room, the
    building's name or staff's words for a public area ('东门外') (a resident who phoned: "I
    reported a leak last week")."""
    words = " ".join(words.split())[:SEARCH_MAX_CHARS]
    if not words:
        raise InvalidInput("order-search-empty")
    scope = await _staff_scope(session, user=user, roles=roles)
    if scope is False:
        return Page(items=[], page=0, pages=1, total=0)
    # every word is found somewhere (the matter's words, a name, a phone, the room, the
    # building), or the whole of what was typed is, as typed
    found = or_(_found(words), and_(*(_found(term) for term in search_terms(words))))
    if REQUEST_NUMBER.fullmatch(words):
        # the request's number as everyone sees it ('00012'): that request too (before, only
        # a text containing those digits was found, so a number read out on the phone wasn't)
        found = or_(found, col(Request.id) == int(words))
    where = [found] if scope is True else [found, scope]
    return await _page(
        session,
        where,
        order_by=(col(Request.created_at).desc(), col(Request.id).desc()),
        page=page,
        per_page=per_page,
    )


async def awaiting_check(session: AsyncSession, *, request_ids: Sequence[int]) -> dict[int, Order]:
    """Of these requests, those with an order a member reported done and staff have not yet
    checked (验收): request id -> that order."""
    if not request_ids:
        return {}
    rows = await session.exec(
        select(Order)
        .where(col(Order.request_id).in_(list(request_ids)), col(Order.status) == OrderStatus.DONE)
        .order_by(col(Order.id))
    )
    found: dict[int, Order] = {}
    for order in rows.all():
        found.setdefault(order.request_id, order)
    return found


async def offers_held(
    session: AsyncSession, *, order: Order, now: datetime
) -> tuple[int, datetime | None]:
    """How many of an order's offers quiet hours hold (issued at night, not urgent), and when
    the first of them goes: staff who issued it are told, so "已通知 N 位" is not read as "they
    know now". (0, None) when none is held."""
    rows = (
        await session.exec(
            select(Delivery.not_before).where(
                col(Delivery.matter) == matter_of(order, OrderStatus.OPEN),
                col(Delivery.kind).in_(["order-notice-offer", "order-notice-offer-again"]),
                col(Delivery.state) == DeliveryState.PENDING,
                col(Delivery.held_from).is_not(None),
            )
        )
    ).all()
    times = [at if at.tzinfo is not None else at.replace(tzinfo=UTC) for at in rows]
    later = [at for at in times if at > now]
    return len(later), min(later, default=None)


async def staff_view(
    session: AsyncSession, *, user: User, roles: Collection[Role], request_id: int
) -> Request:
    """A request, for staff of its community (others are refused and logged)."""
    return await _staff_request(
        session, user=user, roles=roles, request_id=request_id, action="view_request"
    )


@dataclass(frozen=True)
class Lookup:
    """What a number typed into the chat names, for this person: a request they may see as
    staff or as its resident, or an order they may see; None where nothing (or nothing of
    theirs) has that number — typed, not tapped, so not a refusal to log."""

    request: Request | None = None
    as_staff: bool = False
    order: Order | None = None


async def look_up(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    request_id: int | None = None,
    order_id: int | None = None,
) -> Lookup:
    """A request (`request_id`) or an order (`order_id`) by number, if this person may see it."""
    if order_id is not None:
        order = await session.get(Order, order_id)
        if order is None:
            return Lookup()
        _staff, _mine, refused = await order_access(session, user=user, roles=roles, order=order)
        return Lookup(order=order) if refused is None else Lookup()
    req = await session.get(Request, request_id) if request_id is not None else None
    if req is None:
        return Lookup()
    if await is_staff_for(session, user=user, roles=roles, obj=req):
        return Lookup(request=req, as_staff=True)
    if req.resident_id == user.id:
        return Lookup(request=req)
    return Lookup()


async def orders_of_request(session: AsyncSession, *, request_id: int) -> list[Order]:
    """The orders issued for a request, newest first."""
    rows = await session.exec(
        select(Order).where(col(Order.request_id) == request_id).order_by(col(Order.id).desc())
    )
    return list(rows.all())


async def claimants_of_requests(
    session: AsyncSession, *, request_ids: Sequence[int]
) -> dict[int, list[str]]:
    """Of these requests, who holds an active claim on their orders (staff's 办理中 list):
    request id -> the members' names as others read them, the first claim first. One query."""
    if not request_ids:
        return {}
    rows = await session.exec(
        select(Order.request_id, MemberProfile.real_name)
        .join(Claim, col(Claim.order_id) == col(Order.id))
        .join(MemberProfile, col(MemberProfile.user_id) == col(Claim.member_id))
        .where(
            col(Order.request_id).in_(list(request_ids)),
            col(Claim.status) == ClaimStatus.ACTIVE,
        )
        .order_by(col(Claim.id))
    )
    found: dict[int, list[str]] = {}
    for request_id, real_name in rows.all():
        names = found.setdefault(request_id, [])
        if (name := member_name(real_name)) not in names:
            names.append(name)
    return found


async def active_claims(session: AsyncSession, *, order_id: int) -> list[Claim]:
    """Active claims on an order, oldest first."""
    rows = await session.exec(
        select(Claim)
        .where(col(Claim.order_id) == order_id)
        .where(col(Claim.status) == ClaimStatus.ACTIVE)
        .order_by(col(Claim.id))
    )
    return list(rows.all())


async def change_category(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    request_id: int,
    code: str,
    now: datetime,
) -> Request:
    """Staff correct the category; the correction is kept for triage retraining.

    A request without written words (a voice note alone) teaches triage nothing: its change is
    in the ledger but kept as no training example.
    """
    req = await _staff_request(
        session, user=user, roles=roles, request_id=request_id, action="change_category"
    )
    if not is_category(code):
        raise InvalidInput("order-err-category")
    if req.category == code:
        return req
    assert req.id is not None
    said = written_text(req.text)
    if said:
        session.add(
            CategoryCorrection(
                request_id=req.id,
                from_category=req.category,
                to_category=code,
                text=said,
                by=user.id,
                at=now,
            )
        )
    note_event(
        session,
        request_id=req.id,
        subject="request",
        subject_id=req.id,
        action="category",
        actor_id=user.id,
        now=now,
        state=req.status,
        note=f"{req.category} → {code}",
    )
    req.category = code
    req.updated_at = now
    await commit_with(session, [])  # other staff's cards of it are redrawn (no notice else)
    return req


async def triage_corrections(session: AsyncSession) -> list[tuple[str, str]]:
    """(label, text) pairs from staff category corrections, oldest first, for retraining.

    Corrections that earlier versions kept for voice-only requests (our placeholder as the
    text) are left out: they are no example of anything a resident wrote.
    """
    rows = await session.exec(
        select(CategoryCorrection.to_category, CategoryCorrection.text).order_by(
            col(CategoryCorrection.id)
        )
    )
    return [(label, said) for label, text in rows.all() if (said := written_text(text))]


# ---------------------------------------------------------------- staff: triage actions


async def _offer_notices(
    session: AsyncSession, order: Order, *, key: str, now: datetime
) -> list[Notice]:
    """Approved members of the order's area whose skills fit get an offer with a claim button;
    not those who already hold a claim on it (an order for two, offered again when one gives
    it back: before, the other was asked '还在等人接，您能帮忙吗？' about their own order).

    An order for an urgent request (a burst pipe, a fall) is offered at once, also in quiet hours.
    """
    holders = set(
        (
            await session.exec(
                select(Claim.member_id)
                .where(col(Claim.order_id) == order.id)
                .where(col(Claim.status) == ClaimStatus.ACTIVE)
            )
        ).all()
    )
    fit = await matching_members(session, order=order, now=now)
    members = [m for m in fit if m.user_id not in holders]
    if not members:
        return []
    args, urgent = await _offer_args(session, order)
    return [
        Notice(
            chat_id=m.user_id,
            key=key,
            args=args,
            kind="member-offer",
            ref_id=order.id,
            urgent=urgent,
            community_id=order.community_id,
            matter=matter_of(order, OrderStatus.OPEN),  # not sent once it is taken
        )
        for m in members
    ]


async def offers_to(
    session: AsyncSession,
    order: Order,
    *,
    key: str,
    chat_ids: Collection[int],
    now: datetime,
) -> list[Notice]:
    """The offers (`key`: the first or again) of an order to these members, as they read now
    (e.g. no longer urgent); a member no longer fit for it at `now` (paused themselves until
    after it) gets none."""
    notices = await _offer_notices(session, order, key=key, now=now)
    return [n for n in notices if n.chat_id in chat_ids]


async def _offer_args(session: AsyncSession, order: Order) -> tuple[dict[str, Any], bool]:
    """What an offer says of its order, and whether its request is urgent."""
    req = await session.get(Request, order.request_id)
    urgent = bool(req is not None and req.urgent)
    # what a member weighs before claiming from the notice itself: where (building at most),
    # by when, for how many points, how many people
    names, english = await both_place_names(
        session,
        community_id=order.community_id,
        grid_id=order.grid_id,
        building_id=req.building_id if req is not None else None,
    )
    args = {
        "number": order.number,
        "title": OrderTitle(order),
        # a public area in the reader's words ('阳光社区 · 第一网格 · 公共区域 · 东门外马路')
        "place": line(names, req, english=english)
        if req is not None
        else Place(names, english=english),
        "points": order.points,
        "need": max(order.members_needed - order.claimed_count, 1),
        "due": order.deadline_at,
        # what the matter is, in the resident's first words: a title may be just the category;
        # not when the title already is all the resident wrote (said once, not twice)
        "gist": (quote(order, req.text) if req is not None else "") or "none",
        "urgent": "yes" if urgent else "no",
    }
    return args, urgent


OFFER_KEYS = order_cards.OFFER_KEYS


def _marked_matter(order_id: int, mark: str) -> str:
    """The matter of an order's notice marked on its way for a redraw once sent: 'order:12:…'
    (`mark` names what it is, e.g. 'offer-redraw'); `_marked_order` reads it back."""
    return f"order:{order_id}:{mark}"


def _marked_order(matter: str, mark: str) -> int | None:
    """The order of a notice whose matter `_marked_matter` wrote with `mark` (or None)."""
    parts = matter.split(":")
    if len(parts) == 3 and parts[0] == "order" and parts[2] == mark:
        return int(parts[1]) if parts[1].isdigit() else None
    return None


def offer_redraw_matter(order_id: int) -> str:
    """The matter of an offer that was on its way (claimed by the sender, its message id not
    known yet: the call may be under way) when its order stopped taking claims (full, or
    cancelled): once sent, it is redrawn as the order then stands (`redraw_offer_once_sent`)."""
    return _marked_matter(order_id, "offer-redraw")


def offer_to_redraw(matter: str) -> int | None:
    """The order of an offer marked on its way (or None)."""
    return _marked_order(matter, "offer-redraw")


async def _mark_offers_on_the_way(session: AsyncSession, order: Order) -> int:
    """The order's offers the sender has claimed are marked (`offer_redraw_matter`), so that
    once sent they are redrawn as the order stands. Before, the order filling up (or being
    cancelled) cancelled them: one whose call was under way went with its ✋ 接单, unrecorded,
    and was never redrawn. Done before the open matter's notices are cancelled: those not
    claimed yet are held (PostgreSQL: the sender's claim skips a locked row) till this
    commits. Returns how many."""
    assert order.id is not None
    of_order = (
        col(Delivery.matter) == matter_of(order, OrderStatus.OPEN),
        col(Delivery.kind).in_(OFFER_KEYS),
    )
    return await delivery.mark_on_the_way(
        session, where=of_order, matter=offer_redraw_matter(order.id)
    )


# What an offer on a member's screen reads, by the order's state for them: (text key, buttons
# of services.order_notices.BUTTONS). 'open' offers ✋ 接单 again (a place opened); the others
# say in one line why it can no longer be claimed.
_OFFER_SHOWN: dict[str, tuple[str, str]] = {
    "open": ("order-notice-offer-reopened", "member-offer"),
    "mine": ("order-notice-offer-mine", "member-offer-filled"),
    "full": ("order-notice-offer-filled", "member-offer-filled"),
    "closed": ("order-notice-offer-closed", "member-offer-closed"),
}

# The first step taken on the matter after its order was cancelled says why the offer ended
# ('已由社区直接办理'); none yet: cancelled.
_AFTER_CANCEL = {
    "handle": "direct",
    "transfer": "transferred",
    "merge": "merged",
    "decline": "declined",
    "close": "closed",
    "issue_order": "reissued",
}


async def _why_closed(session: AsyncSession, order: Order) -> str:
    """Why an order can no longer be claimed, in one word of `order-notice-offer-closed`."""
    if order.status in (OrderStatus.DONE, OrderStatus.VERIFIED):
        return "done"
    cancelled = (
        await session.exec(
            select(LedgerEvent.id)
            .where(
                col(LedgerEvent.subject) == "order",
                col(LedgerEvent.subject_id) == order.id,
                col(LedgerEvent.to_state) == OrderStatus.CANCELLED,
            )
            .order_by(col(LedgerEvent.id))
        )
    ).first()
    if cancelled is None:
        return "cancelled"
    after = (
        await session.exec(
            select(LedgerEvent.action)
            .where(
                col(LedgerEvent.request_id) == order.request_id,
                col(LedgerEvent.subject) == "request",
                col(LedgerEvent.id) > cancelled,
                col(LedgerEvent.action).in_(sorted(_AFTER_CANCEL)),
            )
            .order_by(col(LedgerEvent.id))
        )
    ).first()
    return _AFTER_CANCEL.get(after or "", "cancelled")


def offer_carded_matter(order_id: int) -> str:
    """The matter of an offer of an order whose card the member opened (详情) after the offer
    had gone: no longer redrawn, it points to the card below (`offer_carded_redraw`)."""
    return _marked_matter(order_id, "offer-carded")


def offer_carded_on_the_way(order_id: int) -> str:
    """The matter of an offer that was on its way (the sender held it) when the member opened
    the order's card: once sent, it is pointed to the card (`redraw_carded_offer_once_sent`)."""
    return _marked_matter(order_id, "offer-carded-redraw")


def offer_carded_to_redraw(matter: str) -> int | None:
    """The order of an offer marked `offer_carded_on_the_way` (or None)."""
    return _marked_order(matter, "offer-carded-redraw")


async def offer_carded_redraw(
    session: AsyncSession, *, order_id: int, chat_id: int, message_id: int
) -> Notice | None:
    """The redraw of a member's offer of the order (in `message_id`) once they opened its card
    below: without ✋ 接单, saying the card's is the one to tap (one live ✋ 接单 per chat and
    order). None when the order is gone."""
    order = await session.get(Order, order_id)
    if order is None:
        return None
    args, _urgent = await _offer_args(session, order)
    await order_cards.cancel_queued(session, chat_id=chat_id, message_ids=[message_id])
    return Notice(
        chat_id=chat_id,
        key="order-notice-offer-carded",
        args=args,
        kind="order",  # no buttons
        ref_id=order.id,
        urgent=True,  # an edit wakes nobody
        community_id=order.community_id,
        edit_message_id=message_id,
    )


async def _offer_sent(
    session: AsyncSession, *, delivery_id: int, marked: Callable[[str], int | None]
) -> tuple[Delivery, Order, list[int]] | None:
    """The offer `delivery_id`, sent while on its way under `marked` (its row, its order and
    the messages it went in), or None — not such an offer, its order gone, or nothing sent
    (what was read is committed then)."""
    found = await delivery.sent_on_the_way(session, delivery_id=delivery_id, marked=marked)
    if found is None:
        return None
    row, order_id = found
    order = await session.get(Order, order_id)
    ids = row.message_id_list
    if order is None or not ids:
        await session.commit()
        return None
    return row, order, ids


async def redraw_carded_offer_once_sent(
    session: AsyncSession, *, delivery_id: int, outbox: NoticeSink
) -> int:
    """An offer that was on its way when its member opened the order's card (详情) has gone:
    pointed to the card (without ✋ 接单) while the order still takes claims and the card is
    theirs; else tagged as the order's offers and drawn as the order now stands (人已满,
    已取消 …), as `redraw_offer_once_sent` draws one. Edits queued in `outbox`, committed.
    Returns how many were queued."""
    sent = await _offer_sent(session, delivery_id=delivery_id, marked=offer_carded_to_redraw)
    if sent is None:
        return 0
    row, order, ids = sent
    order_id = order.id or 0
    card = await order_cards.card_of(session, order_id=order_id, member_id=row.chat_id)
    if order.status == OrderStatus.OPEN and card is not None and card != ids[0]:
        row.matter = offer_carded_matter(order_id)
        session.add(row)
        redraw = await offer_carded_redraw(
            session, order_id=order_id, chat_id=row.chat_id, message_id=ids[0]
        )
        notices = [redraw] if redraw is not None else []
    else:
        row.matter = matter_of(order, OrderStatus.OPEN)
        session.add(row)
        await session.flush()
        notices = await offer_redraws(session, order) if order.status != OrderStatus.OPEN else []
    if notices:
        await outbox(notices)
    await session.commit()
    return len(notices)


def offer_resent_matter(order_id: int) -> str:
    """The matter of an offer (or a card) of an order superseded by the order offered again in
    a newer message (`_offer_again`): no longer redrawn, it points to the newer one."""
    return f"order:{order_id}:offer-resent"


async def _offer_again(
    session: AsyncSession, order: Order, offers: list[Notice]
) -> tuple[list[Notice], list[Notice]]:
    """The order is offered again (`offers`: '还在等人接', a claim given back or nobody having
    claimed it in time) in one message per chat: the newest. Each older offer of it in a chat
    offered again, and a card of it opened there, loses its ✋ 接单 and says to look at the
    newest message (tagged `offer_resent_matter`, so `offer_redraws` leaves it; the card is
    forgotten, so services.order_cards leaves it); a chat whose first offer has not gone yet
    (held for the night, or going now) gets no second one: that one offers it. Before, the old
    offer was redrawn with ✋ 接单 and the new one came as well: two or three buttons for one
    order in a chat. Returns (the redraws of the older messages, the offers still to send), in
    the caller's transaction."""
    assert order.id is not None
    chats = {n.chat_id for n in offers}
    if not chats:
        return [], offers
    live = matter_of(order, OrderStatus.OPEN)
    shown = f"order:{order.id}:offer-shown-"
    rows = (
        await session.exec(
            select(Delivery).where(
                col(Delivery.kind).in_(OFFER_KEYS),
                col(Delivery.chat_id).in_(sorted(chats)),
                col(Delivery.edit_message_id).is_(None),
                # an offer pointing to a card opened below (`offer_carded_matter`) too
                or_(
                    col(Delivery.matter) == live,
                    col(Delivery.matter).startswith(shown),
                    col(Delivery.matter) == offer_carded_matter(order.id),
                ),
                col(Delivery.state).in_(
                    [DeliveryState.PENDING, DeliveryState.SENDING, DeliveryState.SENT]
                ),
            )
        )
    ).all()
    waiting = {row.chat_id for row in rows if row.state != DeliveryState.SENT}
    older: list[tuple[int, int]] = []  # (chat, message) to redraw
    for row in rows:
        ids = row.message_id_list
        if row.state != DeliveryState.SENT or not ids or row.chat_id in waiting:
            continue
        # taken only if no other change moved it meanwhile (it is redrawn once)
        taken = await session.exec(  # type: ignore[call-overload]
            update(Delivery)
            .where(col(Delivery.id) == row.id, col(Delivery.matter) == row.matter)
            .values(matter=offer_resent_matter(order.id))
            .execution_options(synchronize_session=False)
        )
        if taken.rowcount:
            older.append((row.chat_id, ids[0]))
    cards = (
        await session.exec(
            select(OrderCard).where(
                col(OrderCard.order_id) == order.id,
                col(OrderCard.member_id).in_(sorted(chats - waiting)),
            )
        )
    ).all()
    for card in cards:
        older.append((card.member_id, card.message_id))
        await session.delete(card)
    if not older:
        return [], [n for n in offers if n.chat_id not in waiting]
    args, _urgent = await _offer_args(session, order)
    redraws = []
    for chat, message_id in older:
        await order_cards.cancel_queued(session, chat_id=chat, message_ids=[message_id])
        redraws.append(
            Notice(
                chat_id=chat,
                key="order-notice-offer-resent",
                args=args,
                kind="order",  # no buttons
                ref_id=order.id,
                urgent=True,  # an edit wakes nobody
                community_id=order.community_id,
                edit_message_id=message_id,
            )
        )
    return redraws, [n for n in offers if n.chat_id not in waiting]


async def offer_redraws(
    session: AsyncSession, order: Order, *, but: int | None = None
) -> list[Notice]:
    """Every offer of the order on a member's screen reads as the order now is for them: with
    ✋ 接单 while it can be claimed (again, once a place opened), else without it and saying
    why in one line (人已满, 您已接下, 已取消, 已由社区直接办理 …), and with what the order now is
    (its title, place, deadline, points, how many are still needed, 🚨 or not). Before, only a
    full order's offers were redrawn; a cancelled one's kept ✋ 接单 and a tap answered '接满了';
    and an offer kept the place and title it was sent with after staff changed them. An offer
    that became the member's card of it (services.order_cards) is redrawn as that; one
    superseded by a newer offer of it (`offer_resent_matter`) is left. One pointing to the
    member's card of it below (`offer_carded_matter`) keeps pointing there while the order
    takes claims, and reads 人已满 / 已取消 … once it does not (before, it went on pointing to
    the card for good; a claim given back offers the order again in a newer message,
    `_offer_again`). Its matter says whether it offers the order ('order:12:open' while
    claimable, 'order:12:offer-shown-…' after); an edit is queued only for an offer that
    would now read differently, by the one change that finds it so (`Notice.remembered`: a
    compare-and-set on the text the outbox keeps of it). `but`: a member whose offer the
    handler redraws itself (claimed on). Edits wake nobody: not held at night."""
    assert order.id is not None
    live = matter_of(order, OrderStatus.OPEN)
    shown = f"order:{order.id}:offer-shown-"
    carded = offer_carded_matter(order.id)
    sent = (
        await session.exec(
            select(Delivery).where(
                # the outbox keeps a notice's text key as its kind
                col(Delivery.kind).in_(OFFER_KEYS),
                or_(
                    col(Delivery.matter) == live,
                    col(Delivery.matter).startswith(shown),
                    col(Delivery.matter) == carded,
                ),
                col(Delivery.state) == DeliveryState.SENT,
            )
        )
    ).all()
    if not sent:
        return []
    claimants = {c.member_id for c in await active_claims(session, order_id=order.id)}
    cards = set(
        (
            await session.exec(
                select(OrderCard.member_id, OrderCard.message_id).where(
                    col(OrderCard.order_id) == order.id
                )
            )
        ).all()
    )
    why = "" if order.status in (OrderStatus.OPEN, OrderStatus.CLAIMED) else None
    args: dict[str, Any] | None = None
    moves: dict[tuple[str, str], list[int]] = {}  # (matter read, matter now): rows
    notices = []
    reopened = await _reopened(session, sent) if order.status == OrderStatus.OPEN else set()
    for row in sent:
        ids = row.message_id_list
        # the claimant's own offer is redrawn by the handler (tapped), not one pointing to the
        # card they claimed on (it has no ✋ 接单 to tap)
        mover = row.chat_id == but and row.matter != carded
        if row.id is None or not ids or mover or (row.chat_id, ids[0]) in cards:
            continue
        if row.chat_id in claimants:
            state = "mine"
        elif order.status == OrderStatus.OPEN:
            state = "carded" if row.matter == carded else "open"
        elif order.status == OrderStatus.CLAIMED:
            state = "full"
        else:
            why = why or await _why_closed(session, order)
            state = f"closed-{why}"
        if state == "carded":
            continue  # drawn pointing to the card when it was opened; it still does
        now_matter = live if state == "open" else shown + state
        if row.matter != now_matter:
            moves.setdefault((row.matter or "", now_matter), []).append(row.id)
            key, kind = _OFFER_SHOWN[state.split("-")[0]]
        elif state == "open":  # it offers the order as it last did (its words may change)
            key = _OFFER_SHOWN["open"][0] if row.id in reopened else row.kind
            kind = "member-offer"
        else:
            key, kind = _OFFER_SHOWN[state.split("-")[0]]
        if args is None:
            args, _urgent = await _offer_args(session, order)
        notices.append(
            Notice(
                chat_id=row.chat_id,
                key=key,
                # why it can no longer be claimed, for the one text that says
                args={**args, "why": why} if state.startswith("closed") else args,
                kind=kind,
                ref_id=order.id,
                urgent=True,  # an edit wakes nobody
                community_id=order.community_id,
                edit_message_id=ids[0],
                # queued only if it would read otherwise, and nothing redrew it meanwhile
                remembered=(row.id, row.text),
            )
        )
    for (was, matter), row_ids in moves.items():
        # not those another change moved meanwhile (it redraws them itself)
        await session.exec(  # type: ignore[call-overload]
            update(Delivery)
            .where(col(Delivery.id).in_(row_ids), col(Delivery.matter) == was)
            .values(matter=matter)
            .execution_options(synchronize_session=False)
        )
    return notices


async def _reopened(session: AsyncSession, sent: Sequence[Delivery]) -> set[int]:
    """The offers (outbox rows, as sent) last redrawn as taking claims again ('🔄 这张工单又可以
    接了'): redrawn for another change while still open, they keep saying so."""
    messages = {(row.chat_id, ids[0]): row.id for row in sent if (ids := row.message_id_list)}
    if not messages:
        return set()
    edits = await session.exec(
        select(Delivery.chat_id, Delivery.edit_message_id, Delivery.kind)
        .where(
            col(Delivery.chat_id).in_(sorted({chat for chat, _ in messages})),
            col(Delivery.edit_message_id).in_(sorted({m for _, m in messages})),
            col(Delivery.kind).startswith("order-notice-offer"),
            col(Delivery.state) != DeliveryState.CANCELLED,
        )
        .order_by(col(Delivery.id))
    )
    last: dict[tuple[int, int], str] = {}
    for chat, message_id, kind in edits.all():
        if message_id is not None:
            last[(chat, message_id)] = kind
    reopened = _OFFER_SHOWN["open"][0]
    return {
        row_id
        for key, row_id in messages.items()
        if row_id is not None and last.get(key) == reopened
    }


async def redraw_offer_once_sent(
    session: AsyncSession, *, delivery_id: int, outbox: NoticeSink
) -> int:
    """An offer that was on its way when its order stopped taking claims (marked by
    `_mark_offers_on_the_way`) has gone: it is redrawn as the order now stands — 人已满, or
    why it ended (已取消, 已由社区直接办理 …), without ✋ 接单 — and tagged as the others
    redrawn so (edits queued in `outbox`, committed). One whose order takes claims again
    (given back meanwhile) is left asking, tagged as the open order's offers, which its next
    change redraws; so is one to a member who holds a claim on it now. Returns how many
    redraws were queued."""
    sent = await _offer_sent(session, delivery_id=delivery_id, marked=offer_to_redraw)
    if sent is None:
        return 0
    row, order, _ids = sent
    order_id = order.id or 0
    holds = (
        await session.exec(
            select(Claim.id).where(
                col(Claim.order_id) == order_id,
                col(Claim.member_id) == row.chat_id,
                col(Claim.status) == ClaimStatus.ACTIVE,
            )
        )
    ).first() is not None
    # tagged as a live offer of the order: `offer_redraws` then draws it as the order now is
    # for that member (人已满, 已取消 …, with why), as it drew the others, and tags it so
    row.matter = matter_of(order, OrderStatus.OPEN)
    session.add(row)
    if order.status == OrderStatus.OPEN or holds:
        await session.commit()
        return 0
    await session.flush()
    notices = await offer_redraws(session, order)
    if notices:
        await outbox(notices)
    await session.commit()
    return len(notices)


async def matching_members(
    session: AsyncSession, *, order: Order, now: datetime
) -> list[MemberProfile]:
    """Approved members of the community, in the order's grid (or community-wide), with a skill;
    not those who paused themselves (暂停接单) until after `now` (services.member_self): the
    injected clock's, as every caller reads it."""
    stmt = (
        select(MemberProfile)
        .where(col(MemberProfile.community_id) == order.community_id)
        .where(col(MemberProfile.status) == MemberStatus.APPROVED)
        .where(
            or_(
                col(MemberProfile.paused_at).is_(None),
                and_(
                    col(MemberProfile.paused_until).is_not(None),
                    col(MemberProfile.paused_until) <= now,
                ),
            )
        )
    )
    if order.grid_id is not None:
        stmt = stmt.where(
            or_(col(MemberProfile.grid_id).is_(None), col(MemberProfile.grid_id) == order.grid_id)
        )
    wanted = set(order.skill_list)
    out = []
    for profile in (await session.exec(stmt)).all():
        skills = set(profile.skill_list)
        if not wanted or "general" in wanted or skills & wanted or "general" in skills:
            out.append(profile)
    return out


async def count_matching(
    session: AsyncSession,
    *,
    community_id: int,
    grid_id: int | None,
    skills: Sequence[str],
    now: datetime,
) -> int:
    """How many approved members an order with this area and these skills would be offered to
    at `now` (not those paused themselves until after it)."""
    draft = Order(
        request_id=0,
        community_id=community_id,
        grid_id=grid_id,
        title="",
        category="other",
        skills=",".join(skills),
        created_by=0,
    )
    return len(await matching_members(session, order=draft, now=now))


async def issue_order(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    request_id: int,
    spec: OrderSpec,
    now: datetime,
) -> Outcome:
    """下单: an order for members from a new or reopened request; matching members are told."""
    req = await _staff_request(
        session, user=user, roles=roles, request_id=request_id, action="issue_order"
    )
    if spec.community_wide:  # a grid worker offers only within their grids
        await require_whole_community(
            session,
            user=user,
            roles=roles,
            community_id=req.community_id,
            action="issue_order_community_wide",
        )
    code = spec.category or req.category
    if not is_category(code):
        raise InvalidInput("order-err-category")
    cat = category(code)
    if not 1 <= spec.members_needed <= MAX_MEMBERS:
        raise InvalidInput("order-err-members", limit=MAX_MEMBERS)
    if not 0 <= spec.points <= MAX_POINTS:
        raise InvalidInput("order-err-points", limit=MAX_POINTS)
    title = order_title(spec.title) or await default_title(session, req=req, code=code)
    skills = normalize_skills(list(spec.skills if spec.skills is not None else cat.skills))
    deadline = spec.deadline_at or now + timedelta(hours=deadline_hours(req, code))
    assert req.id is not None
    # the order takes the request's grid as read here: only if nobody moved the request since
    # (a 补充信息 naming another building, staff's 📍 改地点), in the same conditional UPDATE
    try:
        await move(
            session,
            req,
            to=RequestStatus.ORDERED,
            actor_id=user.id,
            action="issue_order",
            now=now,
            note=title,
            values={
                **(await _first_response(req, actor_id=user.id, now=now)),
                "deadline_at": deadline,
                "category": code,
            },
            unchanged=[
                col(Request.building_id).is_not_distinct_from(req.building_id),
                col(Request.grid_id).is_not_distinct_from(req.grid_id),
            ],
        )
    except Conflict:
        await session.refresh(req)
        if req.status in WAITING:  # still to be issued: it was its place that changed
            raise Conflict("order-err-place-changed", number=req.number) from None
        raise
    order = Order(
        request_id=req.id,
        community_id=req.community_id,
        grid_id=None
        if spec.community_wide
        else spec.grid_id
        if spec.grid_id is not None
        else req.grid_id,
        title=title,
        category=code,
        skills=",".join(skills),
        deadline_at=deadline,
        points=spec.points,
        service_minutes=spec.service_minutes,
        members_needed=spec.members_needed,
        status=OrderStatus.OPEN,
        created_by=user.id,
        created_at=now,
        updated_at=now,
    )
    session.add(order)
    await session.flush()
    assert order.id is not None
    note_event(
        session,
        request_id=req.id,
        subject="order",
        subject_id=order.id,
        action="order_open",
        actor_id=user.id,
        now=now,
        state=OrderStatus.OPEN,
        note=f"{order.number} need={order.members_needed} points={order.points}",
    )
    await unschedule(session, key=f"request-{req.id}-response")
    await schedule(
        session,
        kind="order.unclaimed",
        due_at=now + UNCLAIMED_AFTER,
        payload={"order_id": order.id, "round": 1},
        key=f"order-{order.id}-unclaimed",
    )
    await schedule(
        session,
        kind="order.deadline",
        due_at=deadline,
        payload={"order_id": order.id},
        key=f"order-{order.id}-deadline",
    )
    warn = min(timedelta(hours=6), (deadline - now) / 4)
    await schedule(
        session,
        kind="order.deadline_near",
        due_at=deadline - warn,
        payload={"order_id": order.id},
        key=f"order-{order.id}-deadline-near",
    )
    notices = await _offer_notices(session, order, key="order-notice-offer", now=now)
    notices += resident_notices(
        await followers(session, request=req),
        "order-notice-ordered",
        req,
        until=matter_of(req, RequestStatus.ORDERED),
    )
    queued = await commit_with(session, notices)
    return Outcome(notices=notices, request=req, order=order, queued=queued)


async def offer_to_all(
    session: AsyncSession, *, user: User, roles: Collection[Role], order_id: int, now: datetime
) -> Outcome:
    """An open order nobody fits: drop its skills and area; every approved member is offered it.

    A grid worker (staff only of some grids of the community) offers within their grids: the
    skills are dropped, the order's grid stays, and its approved members are offered it."""
    order = await get_order(session, order_id)
    await require_staff(session, user=user, roles=roles, request=order, action="offer_to_all")
    if order.status != OrderStatus.OPEN:
        raise Conflict("order-err-changed")
    wide = await whole_community(session, user=user, roles=roles, community_id=order.community_id)
    grid_id = None if wide else order.grid_id
    # read before the UPDATE: it sets the loaded order's skills too (the ledger said '-')
    before = order.skills
    result = await session.exec(
        update(Order)
        .where(col(Order.id) == order.id)
        .where(col(Order.status) == OrderStatus.OPEN)
        .where(col(Order.grid_id).is_not_distinct_from(order.grid_id))
        .values(skills="", grid_id=grid_id, updated_at=now)
    )  # type: ignore[call-overload]
    if result.rowcount != 1:
        raise Conflict("order-err-changed")
    order.skills, order.grid_id, order.updated_at = "", grid_id, now
    note_event(
        session,
        request_id=order.request_id,
        subject="order",
        subject_id=int(order.id or 0),
        action="offer_all",
        actor_id=user.id,
        now=now,
        state=OrderStatus.OPEN,
        note=f"{order.number} skills={before or '-'}",
    )
    notices = await _offer_notices(session, order, key="order-notice-offer", now=now)
    queued = await commit_with(session, notices)
    return Outcome(notices=notices, order=order, queued=queued)


async def take_on(session: AsyncSession, req: Request, *, user: User, now: datetime) -> None:
    """The matter handled by this staff member themselves (办理中, its first response and its
    deadline set where not yet), its response reminder dropped; not committed."""
    await move(
        session,
        req,
        to=RequestStatus.HANDLING,
        actor_id=user.id,
        action="handle",
        now=now,
        values={
            **(await _first_response(req, actor_id=user.id, now=now)),
            "deadline_at": req.deadline_at or now + timedelta(hours=deadline_hours(req)),
        },
    )
    await unschedule(session, key=f"request-{req.id}-response")


async def handle_directly(
    session: AsyncSession, *, user: User, roles: Collection[Role], request_id: int, now: datetime
) -> Outcome:
    """Staff take the matter on themselves (no order to members)."""
    req = await _staff_request(
        session, user=user, roles=roles, request_id=request_id, action="handle_directly"
    )
    await take_on(session, req, user=user, now=now)
    notices = resident_notices(
        await followers(session, request=req),
        "order-notice-handling",
        req,
        until=matter_of(req, RequestStatus.HANDLING),
    )
    queued = await commit_with(session, notices)
    return Outcome(notices=notices, request=req, queued=queued)


async def transfer(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    request_id: int,
    unit: str,
    note: str | None,
    now: datetime,
) -> Outcome:
    """转办: hand the matter to an outside unit; staff are reminded to follow it up."""
    req = await _staff_request(
        session, user=user, roles=roles, request_id=request_id, action="transfer"
    )
    clean_unit = short_label(unit, max_len=60)
    clean_note = clean_text(note, max_len=TYPED_MAX) if note else ""
    await move(
        session,
        req,
        to=RequestStatus.TRANSFERRED,
        actor_id=user.id,
        action="transfer",
        now=now,
        note=f"{clean_unit}: {clean_note}".strip(": "),
        values=await _first_response(req, actor_id=user.id, now=now),
    )
    assert req.id is not None
    session.add(
        Transfer(
            request_id=req.id, unit=clean_unit, note=clean_note, created_by=user.id, created_at=now
        )
    )
    await unschedule(session, key=f"request-{req.id}-response")
    await schedule_transfer_follow_up(session, req, now=now)
    notices = resident_notices(
        await followers(session, request=req), "order-notice-transferred", req, unit=clean_unit
    )
    queued = await commit_with(session, notices)
    return Outcome(notices=notices, request=req, queued=queued)


async def schedule_transfer_follow_up(
    session: AsyncSession, req: Request, *, now: datetime
) -> None:
    """Staff are reminded to follow the transferred matter up (again) from `now`: after the
    transfer, an interim answer and each reminder; in office hours on that day (an urgent one
    at its time)."""
    await schedule(
        session,
        kind="order.transfer_follow_up",
        due_at=transfer_follow_up_at(req, now=now),
        payload={"request_id": req.id},
        key=f"request-{req.id}-transfer",
    )


def transfer_follow_up_at(req: Request, *, now: datetime) -> datetime:
    """When staff are reminded to follow up a matter transferred (or answered for the
    meanwhile) at `now`: 3 days later in office hours (at 09:00 that day when the time falls
    outside them), 12 hours later when urgent."""
    due_at = now + transfer_follow_up_after(req)
    return due_at if req.urgent else in_office_hours(due_at)


def transfer_follow_up_after(req: Request) -> timedelta:
    """How long after a transfer staff are reminded to follow it up (sooner when urgent)."""
    return TRANSFER_FOLLOW_UP_URGENT if req.urgent else TRANSFER_FOLLOW_UP_AFTER


async def recent_transfer_units(
    session: AsyncSession, *, request: Request, limit: int = 6
) -> list[str]:
    """Outside units this community has handed matters to, to offer as buttons when staff
    transfer `request`: those used for its category first, then the most used, then the latest.
    Staff type a unit once; afterwards it is a tap."""
    same = func.sum(case((col(Request.category) == request.category, 1), else_=0))
    used = func.count(col(Transfer.id))
    latest = func.max(col(Transfer.created_at))
    rows = await session.exec(
        select(Transfer.unit)
        .join(Request, col(Request.id) == col(Transfer.request_id))
        .where(col(Request.community_id) == request.community_id)
        .group_by(col(Transfer.unit))
        .order_by(same.desc(), used.desc(), latest.desc(), col(Transfer.unit))
        .limit(limit)
    )
    return [unit for unit in rows.all() if unit]


async def current_transfer(session: AsyncSession, *, request_id: int) -> Transfer | None:
    """The latest transfer of a request."""
    rows = await session.exec(
        select(Transfer)
        .where(col(Transfer.request_id) == request_id)
        .order_by(col(Transfer.id).desc())
    )
    return rows.first()


TRANSFER_PROGRESS = "transfer_progress"  # the ledger action of an interim answer


@dataclass(frozen=True)
class TransferProgress:
    """The latest interim answer from the outside unit ("已安排，预计周二修好") and when the
    matter is followed up next."""

    answer: str | None
    answered_at: datetime | None
    follow_up_at: datetime | None


async def transfer_progress(
    session: AsyncSession, *, req: Request, transfer: Transfer
) -> TransferProgress:
    """Where a transferred matter stands: the unit's latest interim answer (since this
    transfer) and the pending follow-up's time (moved by each reminder and each answer)."""
    assert req.id is not None
    latest = (
        await session.exec(
            select(LedgerEvent)
            .where(
                col(LedgerEvent.request_id) == req.id,
                col(LedgerEvent.action) == TRANSFER_PROGRESS,
                col(LedgerEvent.at) >= transfer.created_at,
            )
            .order_by(col(LedgerEvent.id).desc())
        )
    ).first()
    from services import jobs

    pending = await jobs.pending_jobs(session, key=f"request-{req.id}-transfer")
    return TransferProgress(
        answer=latest.note if latest is not None else None,
        answered_at=latest.at if latest is not None else None,
        follow_up_at=pending[0].due_at if pending else None,
    )


async def record_transfer_progress(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    request_id: int,
    answer: str,
    now: datetime,
) -> Outcome:
    """Staff record an interim answer of the outside unit ("已派人，预计周二修好"): the matter
    stays transferred, the resident is told how it stands, and the follow-up starts again."""
    req = await _staff_request(
        session, user=user, roles=roles, request_id=request_id, action="transfer_answer"
    )
    text = clean_text(answer, max_len=TYPED_MAX)
    tr = await current_transfer(session, request_id=request_id)
    if tr is None or req.status != RequestStatus.TRANSFERRED:
        raise Conflict("order-err-changed")
    assert req.id is not None
    note_event(
        session,
        request_id=req.id,
        subject="request",
        subject_id=req.id,
        action=TRANSFER_PROGRESS,
        actor_id=user.id,
        now=now,
        state=req.status,
        note=text,
    )
    await schedule_transfer_follow_up(session, req, now=now)
    notices = resident_notices(
        await followers(session, request=req),
        "order-notice-transfer-progress",
        req,
        until=matter_of(req, RequestStatus.TRANSFERRED),  # not sent once the matter moved on
        answer=text,
    )
    queued = await commit_with(session, notices)
    return Outcome(notices=notices, request=req, queued=queued)


async def record_transfer_answer(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    request_id: int,
    answer: str,
    resolved: bool = True,
    now: datetime,
) -> Outcome:
    """Staff record the outside unit's answer; the resident is told and asked to rate."""
    req = await _staff_request(
        session, user=user, roles=roles, request_id=request_id, action="transfer_answer"
    )
    text = clean_text(answer, max_len=TYPED_MAX)
    tr = await current_transfer(session, request_id=request_id)
    if tr is None or req.status != RequestStatus.TRANSFERRED:
        raise Conflict("order-err-changed")
    tr.answer = text
    tr.answered_by = user.id
    tr.answered_at = now
    if not resolved:
        await move(
            session,
            req,
            to=RequestStatus.REOPENED,
            actor_id=user.id,
            action="transfer_back",
            now=now,
            note=text,
        )
        await unschedule(session, key=f"request-{req.id}-transfer")
        notices = resident_notices(
            await followers(session, request=req), "order-notice-transfer-answer", req, answer=text
        )
        queued = await commit_with(session, notices)
        return Outcome(notices=notices, request=req, queued=queued)
    await move(
        session,
        req,
        to=RequestStatus.DONE,
        actor_id=user.id,
        action="transfer_answer",
        now=now,
        note=text,
        values={"resolved_at": now, "result_note": text},
    )
    await unschedule(session, key=f"request-{req.id}-transfer")
    notices = await _ask_rating(
        session, req, now=now, key="order-notice-transfer-answer", answer=text
    )
    queued = await commit_with(session, notices)
    return Outcome(notices=notices, request=req, queued=queued)


async def merge(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    request_id: int,
    into_number: str,
    now: datetime,
) -> Outcome:
    """Fold a duplicate into an open request of the same community; its resident follows that."""
    req = await _staff_request(
        session, user=user, roles=roles, request_id=request_id, action="merge"
    )
    digits = "".join(ch for ch in into_number if ch.isdigit())
    if not digits:
        raise InvalidInput("order-err-number")
    target = await session.get(Request, int(digits))
    if target is not None and target.id == req.id:
        raise InvalidInput("order-err-merge-self", number=req.number)
    if (
        target is None
        or target.community_id != req.community_id
        or target.status not in OPEN_REQUESTS
    ):
        raise NotFound("order-err-merge-target")
    await move(
        session,
        req,
        to=RequestStatus.MERGED,
        actor_id=user.id,
        action="merge",
        now=now,
        note=f"→ {target.number}",
        values={
            **(await _first_response(req, actor_id=user.id, now=now)),
            "merged_into_id": target.id,
            "closed_at": now,
        },
    )
    assert target.id is not None
    note_event(
        session,
        request_id=target.id,
        subject="request",
        subject_id=target.id,
        action="merged_in",
        actor_id=user.id,
        now=now,
        state=target.status,
        note=f"← {req.number}",
    )
    await unschedule(session, key=f"request-{req.id}-response")
    pairs = [(req.resident_id, int(req.id or 0))] if req.resident_id else []
    notices = resident_notices(pairs, "order-notice-merged", req, target=target.number)
    queued = await commit_with(session, notices)
    return Outcome(notices=notices, request=req, queued=queued)


async def merge_candidates(
    session: AsyncSession,
    *,
    req: Request,
    numbers: Sequence[int] = (),
    previous: bool = False,
    likely: Sequence[int] = (),
    limit: int = 3,
) -> list[Request]:
    """The open matters of req's community it may be merged into, as a reason declining it as
    a repeat named them: the numbers said ('和00003是一回事'), else the one before it
    ('跟上一单一样': the same resident's last open one, else the community's) and the `likely`
    duplicates (ids, best first). Never req itself; at most `limit`."""
    wanted = [int(n) for n in numbers]
    if not wanted:
        if previous:
            before = (
                select(Request.id)
                .where(
                    Request.community_id == req.community_id,
                    col(Request.status).in_(OPEN_REQUESTS),
                    col(Request.id) < (req.id or 0),
                )
                .order_by(col(Request.id).desc())
                .limit(1)
            )
            if req.resident_id is not None:
                own = before.where(Request.resident_id == req.resident_id)
                wanted += [rid for rid in (await session.exec(own)).all() if rid]
            if not wanted:
                wanted += [rid for rid in (await session.exec(before)).all() if rid]
        wanted += [int(rid) for rid in likely]
    found: list[Request] = []
    for rid in dict.fromkeys(n for n in wanted if n and n != req.id):
        target = await session.get(Request, rid)
        if (
            target is not None
            and target.community_id == req.community_id
            and target.status in OPEN_REQUESTS
        ):
            found.append(target)
    return found[:limit]


async def decline(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    request_id: int,
    reason: str,
    now: datetime,
) -> Outcome:
    """Refuse a request with a reason the resident is told."""
    req = await _staff_request(
        session, user=user, roles=roles, request_id=request_id, action="decline"
    )
    text = clean_text(reason, max_len=TYPED_MAX)
    await move(
        session,
        req,
        to=RequestStatus.DECLINED,
        actor_id=user.id,
        action="decline",
        now=now,
        note=text,
        values={
            **(await _first_response(req, actor_id=user.id, now=now)),
            "decline_reason": text,
            "closed_at": now,
        },
    )
    await unschedule(session, key=f"request-{req.id}-response")
    # where to ask why, when the community office's phone is on file
    community = await session.get(Community, req.community_id)
    notices = resident_notices(
        await followers(session, request=req),
        "order-notice-declined",
        req,
        reason=text,
        phone=(community.phone if community else None) or "none",
    )
    queued = await commit_with(session, notices)
    return Outcome(notices=notices, request=req, queued=queued)


REVIEW_ACTION = "review"  # the ledger action of a resident's 申请复核
REVIEW_WINDOW = timedelta(days=14)  # how long after a decline its review may be asked


async def review_refusal(session: AsyncSession, *, req: Request, now: datetime) -> str | None:
    """Why this request's resident cannot ask for a review (复核) of its decline now — a text
    key — or None: they can. One review per request (a second decline is final: the office's
    phone is the way then), within REVIEW_WINDOW of the decline."""
    if req.status != RequestStatus.DECLINED:
        return "order-err-changed"
    if await review_reason(session, req=req) is not None:
        return "order-err-review-used"
    declined_at = req.closed_at or req.updated_at
    if declined_at is not None:
        declined_at = declined_at if declined_at.tzinfo else declined_at.replace(tzinfo=UTC)
        if now - declined_at > REVIEW_WINDOW:
            return "order-err-review-late"
    return None


async def ask_review(
    session: AsyncSession,
    *,
    user: User,
    request_id: int,
    reason: str,
    now: datetime,
) -> Outcome:
    """申请复核: the resident of a declined request asks staff to look at it again, saying
    why; it is reopened to its community's staff (and grid's), who are told the reason."""
    req = await get_request(session, request_id)
    if req.resident_id != user.id:
        await refuse(
            session, user=user, action="review_not_own", subject="request", sid=request_id
        )
    refusal = await review_refusal(session, req=req, now=now)
    if refusal is not None:
        raise Conflict(refusal)
    text = clean_text(reason, max_len=TYPED_MAX)
    if not text:
        raise InvalidInput("order-err-review-empty")
    previous = req.decline_reason or ""
    await move(
        session,
        req,
        to=RequestStatus.REOPENED,
        actor_id=user.id,
        action=REVIEW_ACTION,
        now=now,
        note=text,
        values={"closed_at": None},
    )
    assert req.id is not None
    notices = [
        Notice(
            chat_id=sid,
            key="order-notice-review-asked",
            args={"number": req.number, "reason": text, "declined": previous or "-"},
            kind="staff-request-card",
            ref_id=req.id,
            community_id=req.community_id,
            matter=matter_of(req),  # not sent once staff took it up again
        )
        for sid in await staff_ids(session, community_id=req.community_id, grid_id=req.grid_id)
    ]
    queued = await commit_with(session, notices)
    return Outcome(notices=notices, request=req, queued=queued)


REVIEW_OFFER_WINDOW = timedelta(days=3)  # words typed this soon after a decline may be about it


async def lately_declined(session: AsyncSession, *, user: User, now: datetime) -> Request | None:
    """The resident's request declined within REVIEW_OFFER_WINDOW whose review may still be
    asked (the latest such), or None."""
    rows = await session.exec(
        select(Request)
        .where(
            col(Request.resident_id) == user.id,
            col(Request.status) == RequestStatus.DECLINED,
            col(Request.closed_at) >= now - REVIEW_OFFER_WINDOW,
        )
        .order_by(col(Request.closed_at).desc())
        .limit(3)
    )
    for req in rows.all():
        if await review_refusal(session, req=req, now=now) is None:
            return req
    return None


async def review_reason(session: AsyncSession, *, req: Request) -> LedgerEvent | None:
    """The resident's latest 申请复核 (its reason and time), for the staff card."""
    return (
        await session.exec(
            select(LedgerEvent)
            .where(
                col(LedgerEvent.request_id) == req.id,
                col(LedgerEvent.subject) == "request",
                col(LedgerEvent.action) == REVIEW_ACTION,
            )
            .order_by(col(LedgerEvent.id).desc())
        )
    ).first()


async def close_request(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    request_id: int,
    note: str | None,
    now: datetime,
) -> Outcome:
    """Staff close a reopened matter after talking to the resident."""
    req = await _staff_request(
        session, user=user, roles=roles, request_id=request_id, action="close"
    )
    await move(
        session,
        req,
        to=RequestStatus.CLOSED,
        actor_id=user.id,
        action="close",
        now=now,
        note=clean_text(note, max_len=TYPED_MAX) if note else "",
        values={"closed_at": now},
    )
    notices = resident_notices(await followers(session, request=req), "order-notice-closed", req)
    # the public card said the community handles it again: it now says it is closed
    notices += await _redraw_public_cards(
        session, req=req, status=PUBLIC_CARD_STATUS[RequestStatus.CLOSED]
    )
    queued = await commit_with(session, notices)
    return Outcome(notices=notices, request=req, queued=queued)


async def staff_result(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    request_id: int,
    note: str,
    photos: Sequence[str] = (),
    now: datetime,
) -> Outcome:
    """Staff who handled a matter themselves report the result; the resident is asked to rate."""
    req = await _staff_request(
        session, user=user, roles=roles, request_id=request_id, action="staff_result"
    )
    text = clean_text(note, max_len=TYPED_MAX)
    if req.status != RequestStatus.HANDLING:
        raise Conflict("order-err-changed")
    await move(
        session,
        req,
        to=RequestStatus.DONE,
        actor_id=user.id,
        action="result",
        now=now,
        note=text,
        values={"resolved_at": now, "result_note": text},
    )
    assert req.id is not None
    for f in photos[:10]:
        session.add(
            Attachment(
                request_id=req.id,
                purpose="result",
                kind="photo",
                file_id=f,
                added_by=user.id,
                at=now,
            )
        )
    notices = await _ask_rating(session, req, now=now, key="order-notice-result", answer=text)
    # the card is found again by the result it shows (the request's n-th), to be redrawn
    results = len(await _results_of(session, request_id=req.id))
    notices += await _public_card(
        session, req=req, order=None, note=text, names=[], key=_direct_card_key(req, results)
    )
    queued = await commit_with(session, notices)
    return Outcome(notices=notices, request=req, queued=queued)


def _direct_card_key(req: Request, result: int) -> str:
    """The outbox key of the public card of a result staff gave themselves (the n-th result)."""
    return f"public-request-{req.id}-result-{result}"


async def _results_of(session: AsyncSession, *, request_id: int) -> list[str]:
    """The notes of the request's results (a member's verified or staff's own), oldest first."""
    rows = await session.exec(
        select(LedgerEvent.note)
        .where(col(LedgerEvent.request_id) == request_id, col(LedgerEvent.action) == "result")
        .order_by(col(LedgerEvent.id))
    )
    return list(rows.all())


# ---------------------------------------------------------------- members: browse and claim


async def _member_or_refuse(
    session: AsyncSession, *, user: User, roles: Collection[Role], action: str, order_id: int
) -> MemberProfile:
    profile = await approved_member(session, user=user, roles=roles)
    if profile is None:
        await refuse(session, user=user, action=action, subject="order", sid=order_id)
    assert profile is not None
    return profile


async def require_claimant(
    session: AsyncSession, *, user: User, roles: Collection[Role], order_id: int, action: str
) -> Claim:
    """The member's active claim on the order; anyone else is refused (and logged) at the tap."""
    await _member_or_refuse(session, user=user, roles=roles, action=action, order_id=order_id)
    order = await get_order(session, order_id)
    claim = next(
        (c for c in await active_claims(session, order_id=order_id) if c.member_id == user.id),
        None,
    )
    if claim is None:
        await _not_own(session, user=user, order=order, action=f"{action}_not_own")
    assert claim is not None
    return claim


async def _not_own(session: AsyncSession, *, user: User, order: Order, action: str) -> None:
    """The user holds no active claim on the order. One whose claim on it ended — given to
    someone else by staff, given back, verified, cancelled — gets Conflict saying which: their
    own older card's button, or a report they were writing, not a forged tap (before, it was
    refused as one and logged). Anyone else is refused and logged."""
    ended = (
        await session.exec(
            select(Claim.status)
            .where(col(Claim.order_id) == order.id, col(Claim.member_id) == user.id)
            .order_by(col(Claim.id).desc())
        )
    ).first()
    if ended is not None:
        raise Conflict("order-claim-ended", number=order.number, how=str(ended))
    await refuse(session, user=user, action=action, subject="order", sid=order.id)


async def open_orders_for(
    session: AsyncSession, *, user: User, roles: Collection[Role], page: int = 0, per_page: int = 5
) -> Page[Order]:
    """可接工单: open orders in the member's community and area that fit their skills."""
    profile = await approved_member(session, user=user, roles=roles)
    if profile is None:
        return Page(items=[], page=0, pages=1, total=0)
    stmt = (
        select(Order)
        .where(col(Order.community_id) == profile.community_id)
        .where(col(Order.status) == OrderStatus.OPEN)
    )
    if profile.grid_id is not None:
        stmt = stmt.where(or_(col(Order.grid_id).is_(None), col(Order.grid_id) == profile.grid_id))
    mine = set(profile.skill_list)
    taken = set(
        (
            await session.exec(
                select(Claim.order_id)
                .where(col(Claim.member_id) == user.id)
                .where(col(Claim.status) == ClaimStatus.ACTIVE)
            )
        ).all()
    )
    fits = []
    for order in (await session.exec(stmt.order_by(col(Order.deadline_at), col(Order.id)))).all():
        wanted = set(order.skill_list)
        if order.id in taken:
            continue
        if not wanted or "general" in wanted or "general" in mine or wanted & mine:
            fits.append(order)
    total = len(fits)
    pages = max(1, -(-total // per_page))
    page = min(max(page, 0), pages - 1)
    return Page(
        items=fits[page * per_page : (page + 1) * per_page], page=page, pages=pages, total=total
    )


async def gists(session: AsyncSession, orders: Sequence[Order]) -> dict[int, tuple[str, bool]]:
    """Each order's matter in the resident's first words (see quote) and whether it is urgent."""
    ids = [o.request_id for o in orders]
    if not ids:
        return {}
    rows = (
        await session.exec(
            select(Request.id, Request.text, Request.urgent).where(col(Request.id).in_(ids))
        )
    ).all()
    by_request = {rid: (text, bool(urgent)) for rid, text, urgent in rows}
    out: dict[int, tuple[str, bool]] = {}
    for o in orders:
        text, urgent = by_request.get(o.request_id, ("", False))
        if o.id is not None:
            out[o.id] = (quote(o, text), urgent)
    return out


def repeats_title(order: Order, text: str | None) -> bool:
    """Whether the resident's text is the order's title and no more (the default title is the
    matter in her words: '楼道灯坏了，晚上很黑'), so it is shown once, as the title."""
    written = written_text(text)
    return bool(written) and not says_more(written, order.title)


def quote(order: Order, text: str | None) -> str:
    """The start of the resident's text to quote under the order's title for a member ('' when
    it would only repeat the title, or for a voice note): enough to tell the matter."""
    return "" if repeats_title(order, text) else gist(text)


async def release_all_claims(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    reason: str,
    now: datetime,
) -> list[Notice]:
    """Give back every claim a member holds (before they delete their data), with notices."""
    notices: list[Notice] = []
    for order in await my_claims(session, user=user):
        if order.status not in (OrderStatus.OPEN, OrderStatus.CLAIMED):
            continue  # reported done already: staff verify it as usual
        outcome = await release_claim(
            session, user=user, roles=roles, order_id=order.id or 0, reason=reason, now=now
        )
        notices.extend(outcome.pending)
    return notices


async def my_claims(session: AsyncSession, *, user: User) -> list[Order]:
    """Orders the member holds an active claim on."""
    rows = await session.exec(
        select(Order)
        .join(Claim, col(Claim.order_id) == col(Order.id))
        .where(col(Claim.member_id) == user.id)
        .where(col(Claim.status) == ClaimStatus.ACTIVE)
        .order_by(col(Order.id))
    )
    return list(rows.all())


@dataclass(frozen=True)
class OrderView:
    """An order as a member or staff sees it; contact only for its claimants and staff."""

    order: Order
    request: Request
    building: str | None
    room: str | None
    phone: str | None
    contact_name: str | None
    claimants: list[tuple[int, str]]
    mine: bool
    staff: bool
    text: str = ""  # the description as this viewer may read it (numbers masked before a claim)
    repeats_title: bool = False  # the description is the order's title and no more: shown once
    staff_contact: str | None = None  # who issued the order, for a claimant to ask (no phone)
    result_photos: int = 0  # photos its member reported it done with (counted for staff only)
    # the building the resident lives in, when it is not the order's (the matter is at another
    # building than theirs: `room` is of this one); None otherwise, and for who may not see it
    home: str | None = None


async def order_access(
    session: AsyncSession, *, user: User, roles: Collection[Role], order: Order
) -> tuple[bool, bool, str | None]:
    """(as staff, as one of its claimants, why not) for someone looking at an order: a member
    sees the orders of their own area, as 可接工单 and the offers show them; `why` names the
    refusal when they may not see it at all."""
    staff = await is_staff_for(session, user=user, roles=roles, obj=order)
    claims = await active_claims(session, order_id=order.id or 0)
    mine = any(c.member_id == user.id for c in claims)
    if staff or mine:
        return staff, mine, None
    profile = await approved_member(session, user=user, roles=roles)
    if profile is None or profile.community_id != order.community_id:
        return False, False, "view_order"
    if None not in (profile.grid_id, order.grid_id) and profile.grid_id != order.grid_id:
        return False, False, "view_order_other_grid"
    return False, False, None


async def order_view(
    session: AsyncSession, *, user: User, roles: Collection[Role], order_id: int
) -> OrderView:
    """Order details; room and phone shown only to its claimants and to staff of the community."""
    order = await get_order(session, order_id)
    staff, mine, refused = await order_access(session, user=user, roles=roles, order=order)
    if refused is not None:  # a forged 详情 for another community's or grid's order
        await refuse(session, user=user, action=refused, subject="order", sid=order_id)
    claims = await active_claims(session, order_id=order_id)
    req = await get_request(session, order.request_id)
    names = []
    for c in claims:
        p = await session.get(MemberProfile, c.member_id)
        names.append((c.member_id, p.display_name if p else str(c.member_id)))
    building = await session.get(Building, req.building_id) if req.building_id else None
    show = staff or mine
    resident = await session.get(User, req.resident_id) if req.resident_id else None
    room = req.room or (resident.room if resident else None)
    home = None
    if (
        show
        and not req.room
        and resident is not None
        and resident.room
        and resident.building_id is not None
        and resident.building_id != req.building_id
    ):
        # filed at another building than theirs: their room is in their own
        lives = await session.get(Building, resident.building_id)
        home = lives.name if lives else None
    return OrderView(
        order=order,
        request=req,
        building=building.name if building else None,
        room=room if show else None,
        home=home,
        phone=(req.contact_phone or (resident.phone if resident else None)) if show else None,
        contact_name=(req.contact_name or (resident.display_name if resident else None))
        if show
        else None,
        claimants=names,
        mine=mine,
        staff=staff,
        text=req.text if show else mask(req.text),
        repeats_title=repeats_title(order, req.text),
        staff_contact=await _issuer_name(session, order) if show else None,
        result_photos=await _count_result_photos(session, order_id) if staff else 0,
    )


async def _count_result_photos(session: AsyncSession, order_id: int) -> int:
    return int(
        (
            await session.exec(
                select(func.count())
                .select_from(Attachment)
                .where(col(Attachment.order_id) == order_id)
                .where(col(Attachment.purpose) == "result")
                .where(col(Attachment.kind) == "photo")
            )
        ).one()
    )


async def _issuer_name(session: AsyncSession, order: Order) -> str | None:
    """The staff member who issued the order, while they are still staff (None otherwise)."""
    issuer = await session.get(User, order.created_by)
    if issuer is None or issuer.forgotten_at is not None or Role.STAFF not in issuer.role_set:
        return None
    return issuer.display_name


async def claim_order(
    session: AsyncSession, *, user: User, roles: Collection[Role], order_id: int, now: datetime
) -> Outcome:
    """接单 with one tap: the first claims up to the number needed win; later taps get Conflict."""
    profile = await _member_or_refuse(
        session, user=user, roles=roles, action="claim", order_id=order_id
    )
    order = await get_order(session, order_id)
    if profile.community_id != order.community_id:
        await refuse(session, user=user, action="claim_foreign", subject="order", sid=order_id)
    if None not in (profile.grid_id, order.grid_id) and profile.grid_id != order.grid_id:
        # the member's area, as 可接工单 and the offers have it: a forged button is refused
        await refuse(session, user=user, action="claim_other_grid", subject="order", sid=order_id)
    return await _take_slot(session, order=order, member_id=user.id, actor_id=user.id, now=now)


async def assign_order(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    order_id: int,
    member_id: int,
    now: datetime,
) -> Outcome:
    """Staff give a place on an open order to a member they chose (👤 指派: the volunteer they
    phoned, say): taken as a claim is, by the same conditional update, so a member's tap at the
    same moment cannot make it one too many; the member is told it is theirs."""
    order = await get_order(session, order_id)
    await require_staff(session, user=user, roles=roles, request=order, action="assign")
    target = await session.get(MemberProfile, member_id)
    if (
        target is None
        or target.status != MemberStatus.APPROVED
        or target.community_id != order.community_id
    ):
        raise NotFound("err-member-not-found")
    return await _take_slot(session, order=order, member_id=member_id, actor_id=user.id, now=now)


async def _take_slot(
    session: AsyncSession, *, order: Order, member_id: int, actor_id: int, now: datetime
) -> Outcome:
    """One of the order's places taken by `member_id`: by their own tap (`actor_id` is theirs)
    or given by staff (`actor_id` the staff member's: the member is told, and the card the
    staff member acts on is theirs to draw)."""
    order_id = order.id
    assert order_id is not None
    by_staff = actor_id != member_id
    existing = await session.exec(
        select(Claim.id)
        .where(col(Claim.order_id) == order_id)
        .where(col(Claim.member_id) == member_id)
        .where(col(Claim.status) == ClaimStatus.ACTIVE)
    )
    if existing.first() is not None:
        raise Conflict("order-err-already-claimed")
    # One conditional UPDATE takes a slot: on PostgreSQL a second writer waits for the first and
    # re-checks the WHERE; on SQLite writers are serialised. Either way at most `needed` win.
    new_count = col(Order.claimed_count) + 1
    result = await session.exec(
        update(Order)
        .where(col(Order.id) == order_id)
        .where(col(Order.status) == OrderStatus.OPEN)
        .where(col(Order.claimed_count) < col(Order.members_needed))
        .values(
            claimed_count=new_count,
            status=case(
                (new_count >= col(Order.members_needed), OrderStatus.CLAIMED.value),
                else_=OrderStatus.OPEN.value,
            ),
            updated_at=now,
        )
    )  # type: ignore[call-overload]
    if result.rowcount != 1:
        await abort(session)
        # full, or no longer to be claimed at all: said which (before, a cancelled order's
        # offer tapped answered '接满了')
        await session.refresh(order)
        if order.status not in (OrderStatus.OPEN, OrderStatus.CLAIMED):
            raise Conflict("order-err-taken", why=await _why_closed(session, order))
        raise Conflict("order-err-taken", why="full")
    claim = Claim(
        order_id=order_id, member_id=member_id, status=ClaimStatus.ACTIVE, claimed_at=now
    )
    session.add(claim)
    try:
        await session.flush()
    except IntegrityError:  # a double tap: the first tap's claim (one active claim per member)
        await session.rollback()  # also gives back the slot the UPDATE above took
        raise Conflict("order-err-already-claimed") from None
    await session.refresh(order)
    assert claim.id is not None
    note_event(
        session,
        request_id=order.request_id,
        subject="claim",
        subject_id=claim.id,
        action="claim",
        actor_id=actor_id,
        now=now,
        state=ClaimStatus.ACTIVE,
        note=f"{order.number} {order.claimed_count}/{order.members_needed}"
        + (" by staff" if by_staff else ""),
    )
    notices: list[Notice] = []
    if by_staff:  # the member chosen is told the order is theirs (its card, with the phone)
        notices.append(
            Notice(
                chat_id=member_id,
                key="order-notice-assigned",
                args={"number": order.number, "title": OrderTitle(order)},
                kind="member-order",
                ref_id=order.id,
                community_id=order.community_id,
            )
        )
    if order.status == OrderStatus.CLAIMED:
        note_event(
            session,
            request_id=order.request_id,
            subject="order",
            subject_id=order_id,
            action="order_full",
            actor_id=actor_id,
            now=now,
            state=OrderStatus.CLAIMED,
        ).from_state = OrderStatus.OPEN  # moved by the conditional claim UPDATE above
        await unschedule(session, key=f"order-{order_id}-unclaimed")
        # offers on their way are redrawn once sent; those to the others still waiting (held
        # for the night) no longer apply
        await _mark_offers_on_the_way(session, order)
        await delivery.cancel_stale(session, matter=matter_of(order, OrderStatus.OPEN))
        # the claimant's own offer is drawn by their handler; one staff gave it to is redrawn
        notices += await offer_redraws(session, order, but=None if by_staff else member_id)
        req = await get_request(session, order.request_id)
        # both say the order is taken: not sent once it is not (given back, reported done)
        taken = matter_of(order, OrderStatus.CLAIMED)
        # a resident told so already is not told again when it is taken again after a claim
        # was given back (they were never told it was given back: to them nothing changed)
        told = await _told_taken(session, matter=taken)
        notices += resident_notices(
            [p for p in await followers(session, request=req) if p[0] not in told],
            "order-notice-claimed",
            req,
            until=taken,
        )
        for sid in await staff_ids(
            session,
            community_id=order.community_id,
            grid_id=await matter_grid(session, order),
        ):
            if sid == actor_id:
                continue  # the staff member who gave the place sees it on their card
            notices.append(
                Notice(
                    chat_id=sid,
                    key="order-notice-staff-claimed",
                    args={"number": order.number, "title": OrderTitle(order)},
                    kind="staff-order",
                    ref_id=order.id,
                    community_id=order.community_id,
                    matter=taken,
                )
            )
    # the cards others have of it read as it is now (full, and who with; no ✋ 接单 once
    # taken); the claimant's own is drawn by the handler
    but = None if by_staff else member_id  # the claimant's card is drawn by their handler
    notices = await order_cards.card_redraws(session, order=order, but=but) + notices
    queued = await commit_with(session, notices)
    return Outcome(notices=notices, order=order, queued=queued)


async def _told_taken(session: AsyncSession, *, matter: str) -> set[int]:
    """Residents to whom '已有党员/志愿者接单' about this order went out already."""
    rows = await session.exec(
        select(Delivery.chat_id).where(
            col(Delivery.kind) == "order-notice-claimed",
            col(Delivery.matter) == matter,
            col(Delivery.state) == DeliveryState.SENT,
        )
    )
    return set(rows.all())


async def _end_claim(
    session: AsyncSession,
    *,
    order: Order,
    claim: Claim,
    to: ClaimStatus,
    actor_id: int,
    action: str,
    reason: str,
    now: datetime,
) -> None:
    """Close a claim and free its slot (the order reopens for claims when it was full)."""
    await move(
        session,
        claim,
        to=to,
        actor_id=actor_id,
        action=action,
        now=now,
        note=reason,
        request_id=order.request_id,
        values={"ended_at": now, "reason": reason or None},
    )
    await session.exec(
        update(Order)
        .where(col(Order.id) == order.id)
        .values(claimed_count=col(Order.claimed_count) - 1, updated_at=now)
    )  # type: ignore[call-overload]
    await session.refresh(order)
    if order.status == OrderStatus.CLAIMED:
        await move(
            session,
            order,
            to=OrderStatus.OPEN,
            actor_id=actor_id,
            action="order_reopen_slot",
            now=now,
            request_id=order.request_id,
        )


async def release_claim(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    order_id: int,
    reason: str,
    now: datetime,
) -> Outcome:
    """A member gives a claim back with a reason; the order is offered again."""
    profile = await _member_or_refuse(
        session, user=user, roles=roles, action="release", order_id=order_id
    )
    order = await get_order(session, order_id)
    claim = next(
        (c for c in await active_claims(session, order_id=order_id) if c.member_id == user.id),
        None,
    )
    if claim is None:
        await _not_own(session, user=user, order=order, action="release_not_own")
    assert claim is not None
    if order.status not in (OrderStatus.OPEN, OrderStatus.CLAIMED):
        raise Conflict("order-err-changed")
    text = clean_text(reason, max_len=TYPED_MAX)
    if not any(ch.isalnum() for ch in text):
        # '👍' or '。。。' tells staff nothing when they offer the order again
        raise InvalidInput("order-err-release-reason")
    await _end_claim(
        session,
        order=order,
        claim=claim,
        to=ClaimStatus.RELEASED,
        actor_id=user.id,
        action="release",
        reason=text,
        now=now,
    )
    notices = await _offer_notices(session, order, key="order-notice-offer-again", now=now)
    notices = [n for n in notices if n.chat_id != user.id]
    offered = len(notices)
    # one message offers it in each chat: the older offers and cards lose ✋ 接单
    superseded, notices = await _offer_again(session, order, notices)
    # every card of it reads as it now is (the member's own without their buttons and the
    # resident's phone; the partners' without their name); the partners learn why
    name = profile.display_name or user.display_name
    notices = superseded + await order_cards.card_redraws(session, order=order) + notices
    for partner in await active_claims(session, order_id=order_id):
        notices.append(
            Notice(
                chat_id=partner.member_id,
                key="order-notice-partner-released",
                args={"number": order.number, "name": name, "offered": "yes" if offered else "no"},
                kind="member-order",
                ref_id=order.id,
                community_id=order.community_id,
                matter=matter_of(partner),  # not once they gave theirs back too
            )
        )
    # staff learn who gave it back and whether anyone else was offered it; when nobody fits,
    # the notice carries the button that offers it to every member of the community
    for sid in await staff_ids(
        session,
        community_id=order.community_id,
        grid_id=await matter_grid(session, order),
    ):
        notices.append(
            Notice(
                chat_id=sid,
                key="order-notice-released" if offered else "order-notice-released-nobody",
                args={"number": order.number, "reason": text, "name": name, "count": offered},
                kind="staff-order" if offered else "staff-order-nobody",
                ref_id=order.id,
                community_id=order.community_id,
                matter=None if offered else matter_of(order, OrderStatus.OPEN),
            )
        )
    queued = await commit_with(session, notices)
    return Outcome(notices=notices, order=order, queued=queued)


async def reassign(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    order_id: int,
    from_member_id: int,
    to_member_id: int,
    now: datetime,
) -> Outcome:
    """Staff move a claim from one member to another approved member of the community."""
    order = await get_order(session, order_id)
    await require_staff(session, user=user, roles=roles, request=order, action="reassign")
    if order.status not in (OrderStatus.OPEN, OrderStatus.CLAIMED):
        raise Conflict("order-err-changed")
    claims = await active_claims(session, order_id=order_id)
    old = next((c for c in claims if c.member_id == from_member_id), None)
    if old is None:
        raise Conflict("order-err-changed")
    if any(c.member_id == to_member_id for c in claims):
        raise Conflict("order-err-already-claimed")
    target = await session.get(MemberProfile, to_member_id)
    if (
        target is None
        or target.status != MemberStatus.APPROVED
        or target.community_id != order.community_id
    ):
        raise NotFound("err-member-not-found")
    await move(
        session,
        old,
        to=ClaimStatus.REASSIGNED,
        actor_id=user.id,
        action="reassign",
        now=now,
        note=f"{from_member_id} → {to_member_id}",
        request_id=order.request_id,
        values={"ended_at": now, "reason": "reassigned"},
    )
    new = Claim(
        order_id=order_id, member_id=to_member_id, status=ClaimStatus.ACTIVE, claimed_at=now
    )
    session.add(new)
    await session.flush()
    assert new.id is not None
    note_event(
        session,
        request_id=order.request_id,
        subject="claim",
        subject_id=new.id,
        action="claim",
        actor_id=user.id,
        now=now,
        state=ClaimStatus.ACTIVE,
        note=f"{order.number} by staff",
    )
    notices = [
        Notice(
            chat_id=to_member_id,
            key="order-notice-assigned",
            args={"number": order.number, "title": OrderTitle(order)},
            kind="member-order",
            ref_id=order.id,
            community_id=order.community_id,
        ),
        Notice(
            chat_id=from_member_id,
            key="order-notice-unassigned",
            args={"number": order.number, "title": OrderTitle(order)},
            kind="order",
            ref_id=order.id,
            community_id=order.community_id,
        ),
    ]
    # every card of it reads as it now is: the old claimant's without their buttons and the
    # resident's phone, the new one's (opened before) with them, a partner's with who is on it
    notices = await order_cards.card_redraws(session, order=order) + notices
    queued = await commit_with(session, notices)
    return Outcome(notices=notices, order=order, queued=queued)


async def active_claim_id(session: AsyncSession, *, order_id: int, member_id: int) -> int:
    """The id of a member's active claim on an order (0 when there is none)."""
    for claim in await active_claims(session, order_id=order_id):
        if claim.member_id == member_id:
            return int(claim.id or 0)
    return 0


async def reassign_claim(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    claim_id: int,
    to_member_id: int,
    now: datetime,
) -> Outcome:
    """Staff give an active claim (by id) to another member."""
    claim = await session.get(Claim, claim_id)
    if claim is None or claim.status != ClaimStatus.ACTIVE:
        raise Conflict("order-err-changed")
    return await reassign(
        session,
        user=user,
        roles=roles,
        order_id=claim.order_id,
        from_member_id=claim.member_id,
        to_member_id=to_member_id,
        now=now,
    )


async def order_of_claim(session: AsyncSession, *, claim_id: int) -> int | None:
    """The order a claim (by id, as a 改派 list's buttons carry it) is on, if there is one."""
    claim = await session.get(Claim, claim_id)
    return claim.order_id if claim is not None else None


async def eligible_members(
    session: AsyncSession, *, user: User, roles: Collection[Role], order_id: int, now: datetime
) -> list[MemberProfile]:
    """Approved members staff may assign to an order (not already on it), as fit for it at
    `now` (not paused themselves until after it)."""
    order = await get_order(session, order_id)
    await require_staff(session, user=user, roles=roles, request=order, action="list_members")
    on = {c.member_id for c in await active_claims(session, order_id=order_id)}
    fit = await matching_members(session, order=order, now=now)
    return [m for m in fit if m.user_id not in on]


# ---------------------------------------------------------------- results


async def report_done(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    order_id: int,
    note: str,
    photos: Sequence[str] = (),
    now: datetime,
) -> Outcome:
    """晒单材料: a claimant reports the order done with a note and photos; staff verify next."""
    await _member_or_refuse(
        session, user=user, roles=roles, action="report_done", order_id=order_id
    )
    order = await get_order(session, order_id)
    claims = await active_claims(session, order_id=order_id)
    if not any(c.member_id == user.id for c in claims):
        await _not_own(session, user=user, order=order, action="done_not_own")
    text = clean_text(note, max_len=TYPED_MAX)
    await move(
        session,
        order,
        to=OrderStatus.DONE,
        actor_id=user.id,
        action="done",
        now=now,
        note=text,
        request_id=order.request_id,
        values={"result_note": text, "done_by": user.id, "done_at": now},
    )
    for c in claims:
        # the work of every claim on it is reported done (theirs stay active until verified):
        # their deadline-near and overdue reminders still waiting no longer apply
        await delivery.cancel_stale(session, matter=matter_of(c))
    for f in photos[:10]:
        session.add(
            Attachment(
                request_id=order.request_id,
                order_id=order_id,
                purpose="result",
                kind="photo",
                file_id=f,
                added_by=user.id,
                at=now,
            )
        )
    await unschedule(session, key=f"order-{order_id}-unclaimed")
    await schedule(
        session,
        kind="order.verify",
        # in office hours, and a day after the report at least ('报告完成已经一天了')
        due_at=in_office_hours(
            now + VERIFY_REMINDER_AFTER, not_before=now + VERIFY_REMINDER_AFTER
        ),
        payload={"order_id": order_id},
        key=f"order-{order_id}-verify",
    )
    # every photo the result has, as 🖼 查看照片 shows them: a report again after 退回 adds
    # to those of the first (before, '照片：1 张' was read beside three photos)
    shown = await count_result_photos(session, order_id=order_id)
    notices = [
        Notice(
            chat_id=sid,
            key="order-notice-verify",
            # staff verify what they can read: the member's note and how many photos came with it
            args={
                "number": order.number,
                "title": OrderTitle(order),
                "note": text or "-",  # whole: fitted to one message, with 📄 全文
                "photos": shown,
            },
            kind="staff-verify-photos" if shown else "staff-verify",
            ref_id=order.id,
            community_id=order.community_id,
            matter=matter_of(order, OrderStatus.DONE),  # not sent once verified or sent back
        )
        for sid in await staff_ids(
            session,
            community_id=order.community_id,
            grid_id=await matter_grid(session, order),
        )
    ]
    # the other members on a shared order hear that it was reported done, and by whom
    profile = await session.get(MemberProfile, user.id)
    name = profile.display_name if profile and profile.real_name else user.display_name
    notices += [
        Notice(
            chat_id=c.member_id,
            key="order-notice-co-done",
            args={"number": order.number, "title": OrderTitle(order), "name": name},
            kind="member-order",
            ref_id=order.id,
            community_id=order.community_id,
        )
        for c in claims
        if c.member_id != user.id
    ]
    # the partners' cards read 待验收, without ✅ 完成上报; the reporter's is drawn by the handler
    notices = await order_cards.card_redraws(session, order=order, but=user.id) + notices
    queued = await commit_with(session, notices)
    return Outcome(notices=notices, order=order, queued=queued)


async def count_result_photos(session: AsyncSession, *, order_id: int) -> int:
    """How many photos the member reported the order done with (the verify card shows it)."""
    rows = await session.exec(
        select(func.count())
        .select_from(Attachment)
        .where(col(Attachment.order_id) == order_id)
        .where(col(Attachment.purpose) == "result")
        .where(col(Attachment.kind) == "photo")
    )
    return int(rows.one())


async def result_photos(
    session: AsyncSession, *, user: User, roles: Collection[Role], order_id: int
) -> tuple[Order, list[str]]:
    """Staff: the order and the file ids of the photos its member reported it done with."""
    order = await get_order(session, order_id)
    await require_staff(session, user=user, roles=roles, request=order, action="result_photos")
    rows = await session.exec(
        select(Attachment.file_id)
        .where(col(Attachment.order_id) == order_id)
        .where(col(Attachment.purpose) == "result")
        .where(col(Attachment.kind) == "photo")
        .order_by(col(Attachment.id))
    )
    return order, list(rows.all())


async def _ask_rating(
    session: AsyncSession, req: Request, *, now: datetime, key: str, answer: str
) -> list[Notice]:
    await schedule(
        session,
        kind="order.rating_follow_up",
        due_at=now + RATING_REMINDER_AFTER,
        payload={"request_id": req.id},
        key=f"request-{req.id}-rating",
    )
    await schedule(
        session,
        kind="order.rating_close",
        due_at=now + RATING_CLOSE_AFTER,
        payload={"request_id": req.id},
        key=f"request-{req.id}-rating-close",
    )
    pairs = await followers(session, request=req)
    # what the result looks like (the latest result photo), so a resident who was out can see
    # it before rating, as the public card shows it
    after = await _order_photos(session, request_id=req.id or 0, purpose="result")
    # The request's own resident rates it; residents of merged requests are told the result.
    return [
        Notice(
            chat_id=resident_id,
            key=key if own_id == req.id else "order-notice-result-follower",
            args={"number": f"{own_id:05d}", "target": req.number, "answer": answer},
            kind="resident-rate" if own_id == req.id else "resident-request",
            ref_id=own_id,
            photos=tuple(after[-1:]),
            community_id=req.community_id,
            matter=matter_of(req, RequestStatus.DONE) if own_id == req.id else None,
        )
        for resident_id, own_id in pairs
    ]


async def _public_card(
    session: AsyncSession,
    *,
    req: Request,
    order: Order | None,
    note: str,
    names: list[str],
    status: str = "none",
    key: str | None = None,
) -> list[Notice]:
    """The result card for the community's public channel: building at most, PII masked.

    `status` adds how the matter stands since (PUBLIC_CARD_STATUS): said on the card when it is
    redrawn after the resident's rating."""
    community = await session.get(Community, req.community_id)
    if community is None or community.public_channel_id is None:
        return []
    building = await session.get(Building, req.building_id) if req.building_id else None
    # phone and ID numbers masked; what the bot knows of the resident (a name, their room)
    # starred out, also where a member's report or a title staff typed wrote it
    own = await resident_personal(session, req=req)
    # and any other resident of the community named in it ('给吴大爷也修了'), or called by
    # surname and an honorific: never a resident's name in public (services.public_notices)
    words = await public_words(
        session,
        community_id=req.community_id,
        shown_ids=await _named_member_ids(session, order=order) if order else (),
    )
    personal = _PublicScrub(own=own, words=words)
    # a public area: staff's words for it (a road, a gate), scrubbed as the title is
    where: str = (
        Place((), public=personal.scrub(req.public_area))
        if req.public_area is not None
        else building.name
        if building
        else community.name
    )
    # only result photos: the resident's own photos were never meant for the public channel
    after = await _order_photos(session, request_id=req.id or 0, purpose="result")
    title = order.title if order else category(req.category).name()
    return [
        Notice(
            chat_id=community.public_channel_id,
            # the category once when the title is just the category's name
            key="order-public-card"
            if title != category(req.category).name()
            else "order-public-card-plain",
            args={
                "title": personal.scrub(title),
                "category": req.category,
                "where": where,
                "note": personal.scrub(note),
                "by": Listing(names) or "—",
                "number": req.number,
                "status": status,
            },
            kind="public-result",
            ref_id=req.id,
            photos=tuple(after[-1:]),  # the latest result photo
            community_id=req.community_id,
            dedupe_key=f"public-order-{order.id}" if order else key,
            # the sender looks again before sending it: redrawn meanwhile, it is cancelled
            matter=f"public-card:{req.id}",
        )
    ]


@dataclass(frozen=True)
class _PublicScrub:
    """The request's own resident starred out (rooms and phones too), then every resident of
    the community named or addressed in the text."""

    own: Personal
    words: PublicWords

    def scrub(self, text: str) -> str:
        return self.words.scrub(self.own.scrub(text))


async def _named_member_ids(session: AsyncSession, *, order: Order) -> list[int]:
    """The members who did the order and agreed to be named: their names may stay."""
    rows = await session.exec(
        select(MemberProfile.user_id)
        .join(Claim, col(Claim.member_id) == col(MemberProfile.user_id))
        .where(col(Claim.order_id) == order.id, col(Claim.status) == ClaimStatus.DONE)
        .where(col(MemberProfile.show_name_public).is_(True))
    )
    return list(rows.all())


# What a redrawn public card adds about the matter since it was posted: the resident was not
# satisfied and the community handles it again; then, handled again, how the resident rated it
# (or that it closed unrated). Never who the resident is or what they wrote.
PUBLIC_CARD_STATUS = {
    Score.UNSATISFIED: "reopened",
    Score.SATISFIED: "satisfied",
    Score.BASIC: "basic",
    RequestStatus.CLOSED: "closed",
}


async def _public_names(session: AsyncSession, *, order: Order) -> list[str]:
    """The names a result card of the order shows: its members who did it, as they agreed to
    be named (as `verify` puts them on the card; one who has left since is not named)."""
    rows = await session.exec(
        select(MemberProfile)
        .join(Claim, col(Claim.member_id) == col(MemberProfile.user_id))
        .where(col(Claim.order_id) == order.id, col(Claim.status) == ClaimStatus.DONE)
        .order_by(col(Claim.id))
    )
    return [
        shown
        for p in rows.all()
        if (shown := public_name(p.real_name, named=p.show_name_public)) is not None
    ]


async def _redraw_public_cards(
    session: AsyncSession, *, req: Request, status: str
) -> list[Notice]:
    """The result cards of the request in the public channel (its orders', and staff's own
    results') say how the matter stands now: a card sent is redrawn (its caption, when it is a
    photo); one not sent yet goes out redrawn instead."""
    assert req.id is not None
    orders = {
        f"public-order-{o.id}": o
        for o in (
            await session.exec(
                select(Order).where(
                    col(Order.request_id) == req.id, col(Order.published_at).is_not(None)
                )
            )
        ).all()
    }
    results = await _results_of(session, request_id=req.id)
    direct = {_direct_card_key(req, n): note for n, note in enumerate(results, start=1)}
    cards = (
        await session.exec(
            select(Delivery).where(
                col(Delivery.dedupe_key).in_([*orders, *direct]),
                col(Delivery.state).in_(
                    [DeliveryState.PENDING, DeliveryState.SENDING, DeliveryState.SENT]
                ),
            )
        )
    ).all()
    notices: list[Notice] = []
    for row in cards:
        order = orders.get(row.dedupe_key or "")
        redrawn = await _public_card(
            session,
            req=req,
            order=order,
            note=(order.result_note or "") if order else direct[row.dedupe_key or ""],
            names=await _public_names(session, order=order) if order else [],
            status=status,
            key=None if order else row.dedupe_key,
        )
        if not redrawn:  # the community has no public channel any more
            continue
        [card] = redrawn
        ids = row.message_id_list
        photo = row.photo_ref is not None or row.photo_bytes is not None
        if row.state != DeliveryState.SENT and not ids:
            # not sent yet: it goes as the matter now is, under the same key (one the sender
            # has taken looks again before it goes, `matter`, and finds it cancelled)
            row.state, row.error, row.dedupe_key = DeliveryState.CANCELLED, "redrawn", None
            session.add(row)
            await session.flush()
            notices.append(card)
        elif row.state == DeliveryState.SENT and photo and len(ids) == 1:
            # a photo with the card as its caption: the caption is redrawn, the photo stays
            notices.append(
                replace(
                    card,
                    photos=(row.photo_ref or "",),
                    dedupe_key=None,
                    matter=None,
                    urgent=True,
                    edit_message_id=ids[0],
                )
            )
        elif row.state == DeliveryState.SENT and len(ids) == (2 if photo else 1):
            # the text message (after a photo when the card was too long for a caption)
            notices.append(
                replace(
                    card,
                    photos=(),
                    dedupe_key=None,
                    matter=None,
                    urgent=True,
                    edit_message_id=ids[-1],
                )
            )
    return notices


# The outbox's kinds (text keys) of the notices asking staff to check a reported result: the
# first (请验收) and the reminder a day later; and the kind of their redraw once it was checked
VERIFY_KEYS = ("order-notice-verify", "order-notice-verify-reminder")


async def verify_notice_redraws(
    session: AsyncSession,
    order: Order,
    *,
    how: str,
    actor: User,
    now: datetime,
    but: int | None = None,
    tapped: int | None = None,
) -> list[Notice]:
    """Every 请验收 notice (and reminder) of the order's reported result on a colleague's
    screen, once the result was accepted (`how`: 'verify') or sent back ('send_back'):
    redrawn with its words and who did it when, without ✅ 验收通过 /
    ↩️ 退回 (edits for the outbox, in the caller's transaction; retagged so that a later round
    of the same order leaves them). Before, 李社工's copy kept its buttons after 张网格员 had
    accepted, and only a tap said so. `but`: the actor who decided on one of theirs, whose
    copy they tapped on (`tapped`) is left to the handler: their other copy (the day-later
    reminder) is redrawn too, as are all of theirs when the one tapped is not known.
    Every copy of the round is retagged, those left to the handler too: before, the one the
    actor sent back from was still asking in the outbox, and the next round's check redrew
    it as if that round's report had been accepted.
    A copy on its way is marked and redrawn once sent (`redraw_verify_once_sent`)."""
    assert order.id is not None
    rows = (
        await session.exec(
            select(Delivery.id, Delivery.chat_id, Delivery.message_ids, Delivery.text).where(
                col(Delivery.kind).in_(VERIFY_KEYS),
                col(Delivery.matter) == matter_of(order, OrderStatus.DONE),
                col(Delivery.state) == DeliveryState.SENT,
            )
        )
    ).all()
    name = actor.display_name  # who deleted their data: DELETED_NAME
    asking = matter_of(order, OrderStatus.DONE)
    notices = []
    for row_id, chat, ids, text in rows:
        # of this round: retagged, so that a later report's check leaves it; and taken only
        # while still asking (a compare-and-set, as services.live_cards): one redraw per copy
        taken = await session.exec(  # type: ignore[call-overload]
            update(Delivery)
            .where(col(Delivery.id) == row_id, col(Delivery.matter) == asking)
            .values(matter=verify_decided_matter(order.id))
            .execution_options(synchronize_session=False)
        )
        if not taken.rowcount:
            continue
        parts = [int(x) for x in (ids or "").split(",") if x]
        if chat == but and tapped in parts:  # the handler draws the one tapped
            continue
        if len(parts) != 1:  # not sent as one message (none: nothing to redraw)
            continue
        notices.append(
            _verify_decided(order, chat, parts[0], shown=text, how=how, name=name, at=now)
        )
    return notices


def _verify_decided(
    order: Order, chat: int, message_id: int, *, shown: str, how: str, name: str, at: datetime
) -> Notice:
    """The redraw of one 请验收 copy once the result was checked: as it read (`shown`), who
    decided (`how`: 'verify' | 'send_back') and when, without buttons."""
    return Notice(
        chat_id=chat,
        key="order-verify-decided",
        args={"shown": shown, "name": name or "-", "how": how, "at": at},
        kind=VERIFY_DECIDED,
        ref_id=order.id,
        urgent=True,  # an edit wakes nobody
        community_id=order.community_id,
        edit_message_id=message_id,
    )


def verify_decided_matter(order_id: int | None) -> str:
    """The matter of the 请验收 copies of a round once its result was checked (redrawn so):
    a later report of the same order asks under `matter_of(order, DONE)` again, alone."""
    return f"order:{order_id}:verify-decided"


def verify_redraw_matter(order_id: int) -> str:
    """The matter of a 请验收 copy that was on its way (claimed by the sender, its message id
    not known yet: the call may be under way) when the result was checked: once sent, it is
    redrawn saying who decided, without buttons (`redraw_verify_once_sent`)."""
    return _marked_matter(order_id, "verify-redraw")


def verify_to_redraw(matter: str) -> int | None:
    """The order of a 请验收 copy marked on its way (or None)."""
    return _marked_order(matter, "verify-redraw")


async def verify_copy_to_draw(
    session: AsyncSession, *, order_id: int, chat_id: int, message_id: int
) -> bool:
    """Whether the handler answering a tap on this stale 请验收 copy (or reminder) of the order
    redraws it itself with who checked the result: not when the outbox redraws it, or redrew
    it (`verify_notice_redraws`, `redraw_verify_once_sent`: drawn by both, the two edits
    crossed, or Telegram refused the second as 'message is not modified'), nor when another
    tap on it (a double tap) took it first. A compare-and-set on the copy's matter, which then
    says it was redrawn so; a message the outbox does not know is drawn. Commits."""
    of_copy = (
        col(Delivery.chat_id) == chat_id,
        col(Delivery.message_ids) == str(message_id),
        col(Delivery.kind).in_(VERIFY_KEYS),
    )
    redrawn = (verify_decided_matter(order_id), verify_redraw_matter(order_id))
    taken = await session.exec(  # type: ignore[call-overload]
        update(Delivery)
        .where(
            *of_copy,
            or_(col(Delivery.matter).is_(None), col(Delivery.matter).not_in(redrawn)),
        )
        .values(matter=verify_decided_matter(order_id))
        .execution_options(synchronize_session=False)
    )
    known = (
        bool(taken.rowcount)
        or (await session.exec(select(Delivery.id).where(*of_copy).limit(1))).first() is not None
    )
    await session.commit()
    return bool(taken.rowcount) or not known


async def still_to_verify(session: AsyncSession, *, order: Order) -> bool:
    """Whether the order still waits for a check of the result it was read with (reported at
    `order.done_at`): a compare-and-set in the caller's transaction, which holds the order
    till it commits (a check at the same moment waits for it, then cancels what it queued).
    False once the result was accepted, sent back (reported again or not) or the order
    cancelled since it was read: a reminder asking to check it would come with live buttons
    for a round already checked."""
    taken = await session.exec(  # type: ignore[call-overload]
        update(Order)
        .where(
            col(Order.id) == order.id,
            col(Order.status) == OrderStatus.DONE,
            col(Order.done_at) == order.done_at,
        )
        .values(done_at=col(Order.done_at))
        .execution_options(synchronize_session=False)
    )
    return bool(taken.rowcount)


async def _mark_verify_copies_on_the_way(session: AsyncSession, order: Order) -> int:
    """The 请验收 copies (and reminders) of the order the sender has claimed are marked
    (`verify_redraw_matter`), so that once sent they are redrawn with who decided. Before,
    the check cancelled them: one whose call was under way went out with ✅ 验收通过 /
    ↩️ 退回, unrecorded, and was never redrawn. Done before `move` cancels the rest (those
    not claimed yet are held till this commits, services.delivery.mark_on_the_way)."""
    assert order.id is not None
    of_round = (
        col(Delivery.matter) == matter_of(order, OrderStatus.DONE),
        col(Delivery.kind).in_(VERIFY_KEYS),
    )
    return await delivery.mark_on_the_way(
        session, where=of_round, matter=verify_redraw_matter(order.id)
    )


async def _verify_decision(session: AsyncSession, *, order: Order) -> tuple[str, str, datetime]:
    """How the order's last wait for a check ended: ('verify' | 'send_back', who, when)."""
    row = (
        await session.exec(
            select(LedgerEvent.action, LedgerEvent.actor_id, LedgerEvent.at)
            .where(
                col(LedgerEvent.subject) == "order",
                col(LedgerEvent.subject_id) == order.id,
                col(LedgerEvent.action).in_(("verify", "send_back")),
            )
            .order_by(col(LedgerEvent.id).desc())
            .limit(1)
        )
    ).first()
    if row is None:
        return "other", "-", datetime.now(UTC)
    action, actor_id, at = row
    actor = await session.get(User, actor_id) if actor_id is not None else None
    name = actor.display_name if actor is not None else "-"
    return action, name or "-", at if at.tzinfo is not None else at.replace(tzinfo=UTC)


async def redraw_verify_once_sent(
    session: AsyncSession, *, delivery_id: int, outbox: NoticeSink
) -> int:
    """A 请验收 copy (or reminder) that was on its way when the result was checked (marked by
    `_mark_verify_copies_on_the_way`) has gone: it is redrawn as its colleagues' copies were —
    its words, who decided and when, without ✅ 验收通过 / ↩️ 退回 — and tagged as them
    (`verify_decided_matter`); edits queued in `outbox`, committed. Returns how many."""
    found = await delivery.sent_on_the_way(
        session, delivery_id=delivery_id, marked=verify_to_redraw
    )
    if found is None:
        return 0
    row, order_id = found
    row.matter = verify_decided_matter(order_id)
    session.add(row)
    order = await session.get(Order, order_id)
    ids = row.message_id_list
    if order is None or len(ids) != 1:  # not one message: nothing it can be redrawn as
        await session.commit()
        return 0
    how, name, at = await _verify_decision(session, order=order)
    await outbox(
        [_verify_decided(order, row.chat_id, ids[0], shown=row.text, how=how, name=name, at=at)]
    )
    await session.commit()
    return 1


async def verify(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    order_id: int,
    approve: bool,
    note: str | None,
    now: datetime,
    tapped: int | None = None,
) -> Outcome:
    """Staff accept a reported result (points, rating request, public card) or send it back.
    `tapped`: the 请验收 message it was decided on (the handler redraws it; the staff member's
    other copies are redrawn with the colleagues')."""
    order = await get_order(session, order_id)
    await require_staff(session, user=user, roles=roles, request=order, action="verify")
    req = await get_request(session, order.request_id)
    claims = await active_claims(session, order_id=order_id)
    clean = clean_text(note, max_len=TYPED_MAX) if note else ""
    await unschedule(session, key=f"order-{order_id}-verify")
    if order.status == OrderStatus.DONE:  # its copies on their way are redrawn once sent
        await _mark_verify_copies_on_the_way(session, order)
    if not approve:
        back = (
            OrderStatus.CLAIMED
            if order.claimed_count >= order.members_needed
            else OrderStatus.OPEN
        )
        await move(
            session,
            order,
            to=back,
            actor_id=user.id,
            action="send_back",
            now=now,
            note=clean,
            request_id=order.request_id,
        )
        back_notices = [
            Notice(
                chat_id=c.member_id,
                key="order-notice-sent-back",
                args={"number": order.number, "note": clean or "-"},
                kind="member-sent-back",
                ref_id=order.id,
                community_id=order.community_id,
            )
            for c in claims
        ]
        # the claimants' cards offer ✅ 完成上报 again; the colleagues' 请验收 say it went back
        back_notices = await order_cards.card_redraws(session, order=order) + back_notices
        back_notices = (
            await verify_notice_redraws(
                session, order, how="send_back", actor=user, now=now, but=user.id, tapped=tapped
            )
            + back_notices
        )
        queued = await commit_with(session, back_notices)
        return Outcome(notices=back_notices, order=order, request=req, queued=queued)
    await move(
        session,
        order,
        to=OrderStatus.VERIFIED,
        actor_id=user.id,
        action="verify",
        now=now,
        note=clean,
        request_id=order.request_id,
        values={"verified_by": user.id, "verified_at": now},
    )
    names: list[str] = []
    notices: list[Notice] = []
    for c in claims:
        await move(
            session,
            c,
            to=ClaimStatus.DONE,
            actor_id=user.id,
            action="claim_done",
            now=now,
            request_id=order.request_id,
            values={"ended_at": now},
        )
        session.add(
            PointsEntry(
                member_id=c.member_id,
                community_id=order.community_id,
                order_id=order.id,
                points=order.points,
                minutes=order.service_minutes,
                at=now,
                note=order.number,
            )
        )
        await session.exec(
            update(MemberProfile)
            .where(col(MemberProfile.user_id) == c.member_id)
            .values(
                points=col(MemberProfile.points) + order.points,
                service_minutes=col(MemberProfile.service_minutes) + order.service_minutes,
            )
        )  # type: ignore[call-overload]
        profile = await session.get(MemberProfile, c.member_id)
        # the full name only with the member's consent, else '刘**' (MemberProfile)
        shown = public_name(profile.real_name, named=profile.show_name_public) if profile else None
        if shown is not None:
            names.append(shown)
        notices.append(
            Notice(
                chat_id=c.member_id,
                key="order-notice-verified",
                args={"number": order.number, "points": order.points},
                kind="order",
                ref_id=order.id,
                community_id=order.community_id,
            )
        )
    result = order.result_note or ""
    await move(
        session,
        req,
        to=RequestStatus.DONE,
        actor_id=user.id,
        action="result",
        now=now,
        note=result,
        values={"resolved_at": now, "result_note": result},
    )
    await unschedule(session, key=f"order-{order_id}-deadline")
    await unschedule(session, key=f"order-{order_id}-deadline-near")
    notices += await _ask_rating(session, req, now=now, key="order-notice-result", answer=result)
    notices += await _public_card(session, req=req, order=order, note=result, names=names)
    order.published_at = now
    # the members' cards read 已验收 (and lose the resident's contact: the work is over), and
    # the colleagues' 请验收 say who accepted it
    notices = await order_cards.card_redraws(session, order=order) + notices
    notices = (
        await verify_notice_redraws(
            session, order, how="verify", actor=user, now=now, but=user.id, tapped=tapped
        )
        + notices
    )
    queued = await commit_with(session, notices)
    return Outcome(notices=notices, order=order, request=req, queued=queued)


async def cancel_order(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    order_id: int,
    reason: str,
    now: datetime,
) -> Outcome:
    """Staff withdraw an order; claims end and the matter goes back to the queue."""
    order = await get_order(session, order_id)
    await require_staff(session, user=user, roles=roles, request=order, action="cancel_order")
    text = clean_text(reason, max_len=TYPED_MAX)
    claims = await active_claims(session, order_id=order_id)
    if order.status == OrderStatus.OPEN:  # its offers on their way are redrawn once sent
        await _mark_offers_on_the_way(session, order)
    await move(
        session,
        order,
        to=OrderStatus.CANCELLED,
        actor_id=user.id,
        action="cancel",
        now=now,
        note=text,
        request_id=order.request_id,
    )
    for c in claims:
        await move(
            session,
            c,
            to=ClaimStatus.CANCELLED,
            actor_id=user.id,
            action="cancel",
            now=now,
            request_id=order.request_id,
            values={"ended_at": now},
        )
    req = await get_request(session, order.request_id)
    await move(
        session,
        req,
        to=RequestStatus.REOPENED,
        actor_id=user.id,
        action="order_cancelled",
        now=now,
        note=text,
    )
    for key in ("unclaimed", "deadline", "deadline-near", "verify"):
        await unschedule(session, key=f"order-{order_id}-{key}")
    notices = [
        Notice(
            chat_id=c.member_id,
            key="order-notice-cancelled",
            args={"number": order.number, "reason": text},
            kind="order",
            ref_id=order.id,
            community_id=order.community_id,
        )
        for c in claims
    ]
    # every card of it reads 已撤销, without buttons or the resident's contact, and so do
    # the offers members were sent (before, they kept ✋ 接单)
    notices = await order_cards.card_redraws(session, order=order) + notices
    notices = await offer_redraws(session, order) + notices
    queued = await commit_with(session, notices)
    return Outcome(notices=notices, order=order, request=req, queued=queued)


# ---------------------------------------------------------------- ratings (满意回访)


# The notices that ask the resident to rate a result, by the text key the outbox keeps as their
# kind, and what each reads once the result is rated (without its buttons).
RATING_NOTICES = {
    "order-notice-result": "order-notice-result-rated",
    "order-notice-transfer-answer": "order-notice-transfer-answer-rated",
    "order-notice-rate-reminder": "order-notice-rate-reminder-rated",
}


# ... and what each reads once the follow-up window passed without a rating (closed unrated)
CLOSED_UNRATED_NOTICES = {
    "order-notice-result": "order-notice-result-closed-unrated",
    "order-notice-transfer-answer": "order-notice-transfer-answer-closed-unrated",
    "order-notice-rate-reminder": "order-notice-rate-reminder-closed-unrated",
}
CLOSED_UNRATED = "closed"  # the end of a round without a rating, beside the scores


def rated_matter(req: Request) -> str:
    """The matter a rating notice is given once its result was rated (it asked about
    `matter_of(req, DONE)`): a later round's result, asked about under that matter again,
    finds only its own notices."""
    return f"request:{req.id}:rated"


def unrated_matter(req: Request) -> str:
    """The matter a rating notice is given once the matter closed without a rating."""
    return f"request:{req.id}:unrated"


def rating_redraw_matter(request_id: int, *, outcome: str, round_: int) -> str:
    """The matter of a rating notice that was on its way (claimed by the sender, its message
    id not known yet) when its round ended: how it ended (a score, or `CLOSED_UNRATED`) and
    which result it asked about (the request's `round_`-th), so that once sent it is redrawn
    so (`redraw_rating_once_sent`), whatever happened to the request since."""
    return f"request:{request_id}:redraw:{outcome}:{round_}"


def rating_to_redraw(matter: str) -> tuple[int, str, int] | None:
    """(request, outcome, round) of a rating notice marked on its way (or None)."""
    parts = matter.split(":")
    if len(parts) != 5 or parts[0] != "request" or parts[2] != "redraw":
        return None
    if not parts[1].isdigit() or not parts[4].isdigit():
        return None
    if parts[3] not in {*(s.value for s in Score), CLOSED_UNRATED}:
        return None
    return int(parts[1]), parts[3], int(parts[4])


async def rate(
    session: AsyncSession,
    *,
    user: User,
    request_id: int,
    score: Score,
    comment: str | None,
    now: datetime,
    shown_on: int | None = None,
) -> Outcome:
    """The resident rates the result; 不满意 reopens the matter to staff.

    The rating notices of the result (and its reminder) that were sent are redrawn to say how
    it was rated, without their buttons, in the same transaction; those not sent yet (held for
    the night) are not sent (`move`). `shown_on`: the message id of the rating notice tapped,
    which the caller redraws itself. A notice of an earlier result, rated already, does not
    rate this one (Conflict)."""
    req = await get_request(session, request_id)
    if req.resident_id != user.id:
        await refuse(session, user=user, action="rate_not_own", subject="request", sid=request_id)
    if shown_on is not None and await _rated_notice(session, req=req, message_id=shown_on):
        raise Conflict("order-err-rated-earlier")
    return await _record_rating(
        session, req, rater=user, score=score, comment=comment, now=now, shown_on=shown_on
    )


PHONE_RATING_NOTE = "☎"  # the ledger note's mark of a rating staff recorded from a call (电话回访)


async def rate_by_phone(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    request_id: int,
    score: Score,
    comment: str | None,
    now: datetime,
) -> Outcome:
    """电话回访: staff of the matter's community (or grid) record the rating a resident gave on
    the phone — one filed for them by phone or at the office has no chat to be asked in, and
    some never tap. As the resident's own: 不满意 reopens it; their rating question, if any,
    is redrawn as answered. The rating is staff's (`rater_id`), the ledger says by phone."""
    req = await _staff_request(
        session, user=user, roles=roles, request_id=request_id, action="rate_by_phone"
    )
    return await _record_rating(
        session, req, rater=user, score=score, comment=comment, now=now, by_phone=True
    )


async def contact_of(session: AsyncSession, *, req: Request) -> tuple[str | None, str | None]:
    """Whom to call about a request, for its staff: the name and phone given when it was filed
    for them, else the resident's own."""
    resident = await session.get(User, req.resident_id) if req.resident_id else None
    name = req.contact_name or (resident.display_name if resident else None)
    phone = req.contact_phone or (resident.phone if resident else None)
    if phone is None and resident is not None:  # the one a sign-up gave this community
        phone = await members.signup_phone(
            session, user_id=resident.id, community_id=req.community_id
        )
    return name, phone


async def reach_without_phone(session: AsyncSession, *, req: Request) -> tuple[str, bool]:
    """For the follow-up of a resident who left no phone: the room to call at ('' when none is
    known) and whether they can still rate in the chat themselves (they have one with the bot
    and have not blocked it)."""
    resident = await session.get(User, req.resident_id) if req.resident_id else None
    room = req.room or (resident.room if resident is not None else None) or ""
    in_chat = resident is not None and not resident.blocked_bot
    return room, in_chat


async def _record_rating(
    session: AsyncSession,
    req: Request,
    *,
    rater: User,
    score: Score,
    comment: str | None,
    now: datetime,
    shown_on: int | None = None,
    by_phone: bool = False,
) -> Outcome:
    """The rating of a done matter, by its resident or (by_phone) staff for them."""
    text = clean_text(comment, max_len=TYPED_MAX) if comment else ""
    to = RequestStatus.REOPENED if score == Score.UNSATISFIED else RequestStatus.RESOLVED
    marked = 0
    if req.status == RequestStatus.DONE:  # else `move` refuses it
        marked = await _mark_rating_notices_on_the_way(session, req=req, outcome=score.value)
    try:
        await move(
            session,
            req,
            to=to,
            actor_id=rater.id,
            action=f"rate_{score.value}",
            now=now,
            note=f"{PHONE_RATING_NOTE} {text}".strip() if by_phone else text,
            values={} if to == RequestStatus.REOPENED else {"closed_at": now},
            conflict_key="order-err-rated",
        )
    except Conflict:
        if marked:  # rated at the same moment elsewhere: those marks are not ours to make
            await session.rollback()
        raise
    assert req.id is not None
    session.add(Rating(request_id=req.id, rater_id=rater.id, score=score, comment=text, at=now))
    for key in ("rating", "rating-close"):
        await unschedule(session, key=f"request-{req.id}-{key}")
    notices = await _rating_notice_redraws(
        session, req=req, outcome=score.value, shown_on=shown_on
    )
    if to == RequestStatus.REOPENED or await _was_reopened(session, request_id=req.id):
        # the public card must not go on reading as a job done (and says so when done again)
        notices += await _redraw_public_cards(session, req=req, status=PUBLIC_CARD_STATUS[score])
    if to == RequestStatus.REOPENED:
        for sid in await staff_ids(session, community_id=req.community_id, grid_id=req.grid_id):
            if by_phone and sid == rater.id:
                continue  # they recorded it: their card says so
            notices.append(
                Notice(
                    chat_id=sid,
                    key="order-notice-reopened" if text else "order-notice-reopened-no-reason",
                    args={"number": req.number, "comment": text},
                    kind="staff-request-card",
                    ref_id=req.id,
                    community_id=req.community_id,
                    matter=matter_of(req),  # reopened: not sent once staff took it up again
                )
            )
    queued = await commit_with(session, notices)
    return Outcome(notices=notices, request=req, queued=queued)


async def _rated_notice(session: AsyncSession, *, req: Request, message_id: int) -> bool:
    """Is this message of the resident's a rating notice of an earlier result, rated already?
    (Its buttons were taken away; one whose redraw did not reach it, or is still to come, must
    not rate the result handled since, which the resident may not have read yet.)"""
    rows = await session.exec(
        select(Delivery.message_ids).where(
            or_(
                col(Delivery.matter) == rated_matter(req),
                and_(  # marked on its way, rated (`rating_redraw_matter`)
                    col(Delivery.matter).startswith(f"request:{req.id}:redraw:"),
                    col(Delivery.matter).not_like(f"request:{req.id}:redraw:{CLOSED_UNRATED}:%"),
                ),
            ),
            col(Delivery.chat_id) == req.resident_id,
            col(Delivery.kind).in_(list(RATING_NOTICES)),
        )
    )
    return any(str(message_id) in (ids or "").split(",") for ids in rows.all())


async def stale_rating_answer(
    session: AsyncSession, *, req: Request, message_id: int | None
) -> str:
    """The text key that answers a tap on 满意/基本满意/不满意 of a request no longer waiting
    for its rating (`message_id`: the rating notice tapped, None for the request's card): a
    matter closed because no rating came in the follow-up window says so (before, it was told
    '已经评价过了', which was not true), unless the notice tapped asked about an earlier
    result, which was rated."""
    if req.status != RequestStatus.CLOSED or not await closed_unrated(session, req=req):
        return "order-err-rated"
    if message_id is not None and await _rated_notice(session, req=req, message_id=message_id):
        return "order-err-rated"
    return "order-err-closed-unrated"


async def rating_asked_above(
    session: AsyncSession, *, user: User, message_id: int, reply_to: int | None = None
) -> Request | None:
    """The resident's request awaiting a score whose rating question (the result's notice or
    its reminder) is the message right above `message_id` in their chat (message ids run on
    in a chat), or the one they replied to (`reply_to`); None when what they typed is not
    right under such a question."""
    waiting = (
        await session.exec(
            select(Request).where(
                col(Request.resident_id) == user.id, col(Request.status) == RequestStatus.DONE
            )
        )
    ).all()
    by_matter = {matter_of(req, RequestStatus.DONE): req for req in waiting}
    if not by_matter:
        return None
    rows = await session.exec(
        select(Delivery.matter, Delivery.message_ids).where(
            col(Delivery.chat_id) == user.id,
            col(Delivery.kind).in_(list(RATING_NOTICES)),
            col(Delivery.state) == DeliveryState.SENT,
            col(Delivery.matter).in_(list(by_matter)),
        )
    )
    for matter, ids in rows.all():
        shown = [int(i) for i in (ids or "").split(",") if i.isdigit()]
        if shown and (reply_to in shown or message_id - 1 == max(shown)):
            return by_matter[str(matter)]
    return None


async def closed_unrated(session: AsyncSession, *, req: Request) -> bool:
    """Did the matter close because its resident did not rate the result in time (no
    rating in the follow-up window), rather than by staff or rated?"""
    assert req.id is not None
    action = (
        await session.exec(
            select(LedgerEvent.action)
            .where(
                col(LedgerEvent.request_id) == req.id,
                col(LedgerEvent.subject) == "request",
                col(LedgerEvent.to_state) == RequestStatus.CLOSED,
            )
            .order_by(col(LedgerEvent.id).desc())
            .limit(1)
        )
    ).first()
    return action == "close_unrated"


async def _round_of(session: AsyncSession, *, req: Request) -> int:
    """Which of the request's results (1, 2, … : one per time it was done) it waits on now."""
    assert req.id is not None
    return int(
        (
            await session.exec(
                select(func.count())
                .select_from(LedgerEvent)
                .where(
                    col(LedgerEvent.request_id) == req.id,
                    col(LedgerEvent.subject) == "request",
                    col(LedgerEvent.to_state) == RequestStatus.DONE,
                )
            )
        ).one()
    )


async def _answer_of_round(session: AsyncSession, *, req: Request, round_: int) -> str:
    """What the request's `round_`-th result said (as its rating notice quoted it)."""
    assert req.id is not None
    notes = (
        await session.exec(
            select(LedgerEvent.note)
            .where(
                col(LedgerEvent.request_id) == req.id,
                col(LedgerEvent.subject) == "request",
                col(LedgerEvent.to_state) == RequestStatus.DONE,
            )
            .order_by(col(LedgerEvent.id))
        )
    ).all()
    if 1 <= round_ <= len(notes):
        return str(notes[round_ - 1]) or "-"
    return req.result_note or "-"


async def _mark_rating_notices_on_the_way(
    session: AsyncSession, *, req: Request, outcome: str
) -> int:
    """The round's rating notices the sender has claimed (their message id is not known yet:
    the call may be under way) are marked with how the round ended, so that once sent they
    are redrawn so (`redraw_rating_once_sent`). Before, `move` cancelled one whose call was
    under way: it went with its buttons, unrecorded, so it was never redrawn and a later
    round's rating could not tell it from its own notices. Done before the outbox is read: one
    recorded sent before this UPDATE is found sent and redrawn at once; one recorded after it
    has its mark (on PostgreSQL the sender's record waits for this transaction). Returns how
    many were marked: a caller whose move then fails rolls the marks back."""
    assert req.id is not None
    marked = rating_redraw_matter(
        req.id, outcome=outcome, round_=await _round_of(session, req=req)
    )
    of_round = (
        col(Delivery.matter) == matter_of(req, RequestStatus.DONE),
        col(Delivery.chat_id) == req.resident_id,
        col(Delivery.kind).in_(list(RATING_NOTICES)),
    )
    # the round's notices not sent yet are held till this commits: none can be claimed
    # between this mark and `move` cancelling it
    return await delivery.mark_on_the_way(session, where=of_round, matter=marked)


async def _rating_notice_redraws(
    session: AsyncSession, *, req: Request, outcome: str, shown_on: int | None
) -> list[Notice]:
    """The rating notices of the result whose round just ended, as sent (the result and its
    reminder), say how it ended (rated: the score; `CLOSED_UNRATED`: closed without a rating)
    and lose their buttons: before, one rated on the request's card kept 满意/基本满意/不满意,
    answered '已经评价过了' once tapped; so did one of a matter closed unrated. The caller's
    own, `shown_on`, is only marked."""
    rows = (
        await session.exec(
            select(Delivery)
            .where(
                col(Delivery.matter) == matter_of(req, RequestStatus.DONE),
                col(Delivery.chat_id) == req.resident_id,
                col(Delivery.kind).in_(list(RATING_NOTICES)),
                col(Delivery.state) == DeliveryState.SENT,
            )
            # as recorded (the sender records in a session of its own)
            .execution_options(populate_existing=True)
        )
    ).all()
    answer = req.result_note or "-"
    return await _redraw_rating_rows(
        session, req=req, rows=rows, outcome=outcome, answer=answer, shown_on=shown_on
    )


async def _redraw_rating_rows(
    session: AsyncSession,
    *,
    req: Request,
    rows: Sequence[Delivery],
    outcome: str,
    answer: str,
    shown_on: int | None = None,
) -> list[Notice]:
    """Redraws of these sent rating notices (`answer`: the result they told) for how their
    round ended. Each is given `rated_matter` (`unrated_matter` when closed), so it is
    redrawn once and a later round's rating finds only its own notices. Edits wake nobody:
    not held at night."""
    assert req.id is not None
    closed = outcome == CLOSED_UNRATED
    keys = CLOSED_UNRATED_NOTICES if closed else RATING_NOTICES
    notices: list[Notice] = []
    for row in rows:
        row.matter = unrated_matter(req) if closed else rated_matter(req)
        session.add(row)
        ids = row.message_id_list
        if not ids or shown_on in ids:
            continue
        photo = row.photo_ref is not None or row.photo_bytes is not None
        if len(ids) > (2 if photo else 1):  # a long one, in parts: left as it is
            continue
        # with the result's photo: its caption, or the text after it when too long for one
        caption = photo and len(ids) == 1
        if caption and row.photo_ref is None:
            continue
        notices.append(
            Notice(
                chat_id=row.chat_id,
                key=keys[row.kind],
                args={"number": req.number, "answer": answer, "score": outcome},
                kind="resident-rated",
                ref_id=req.id,
                photos=(row.photo_ref or "",) if caption else (),
                urgent=True,
                community_id=req.community_id,
                edit_message_id=ids[-1],
            )
        )
    await session.flush()
    return notices


async def redraw_rating_once_sent(
    session: AsyncSession, *, delivery_id: int, outbox: NoticeSink
) -> int:
    """A rating notice that was on its way when its round ended (marked by
    `_mark_rating_notices_on_the_way`) has gone: it is redrawn as the round ended, with the
    result it told (not a later one, after 不满意), without its buttons, and tagged as the
    others of its round (edits queued in `outbox`, committed). Returns how many."""
    found = await delivery.sent_on_the_way(
        session, delivery_id=delivery_id, marked=rating_to_redraw
    )
    if found is None:
        return 0
    row, (request_id, outcome, round_) = found
    req = await session.get(Request, request_id)
    if req is None:
        return 0
    answer = await _answer_of_round(session, req=req, round_=round_)
    notices = await _redraw_rating_rows(
        session, req=req, rows=[row], outcome=outcome, answer=answer
    )
    if notices:
        await outbox(notices)
    await session.commit()
    return len(notices)


async def _was_reopened(session: AsyncSession, *, request_id: int) -> bool:
    """Has the resident ever been not satisfied with this request's result?"""
    return (
        await session.exec(
            select(Rating.id)
            .where(col(Rating.request_id) == request_id, col(Rating.score) == Score.UNSATISFIED)
            .limit(1)
        )
    ).first() is not None


async def ratings_of(session: AsyncSession, request_id: int) -> list[Rating]:
    """Every rating of a request, oldest first (a reopen starts a new round)."""
    return list(
        (
            await session.exec(
                select(Rating)
                .where(col(Rating.request_id) == request_id)
                .order_by(col(Rating.at), col(Rating.id))
            )
        ).all()
    )


async def comment_rating(
    session: AsyncSession,
    *,
    user: User,
    request_id: int,
    comment: str,
    now: datetime,
    complaint: bool = False,
) -> Outcome:
    """The optional comment after a rating stored at the tap; staff hear why, if 不满意 — as a
    complaint when it is one (`complaint`: the caller keeps it in the ledger as one too)."""
    req = await get_request(session, request_id)
    if req.resident_id != user.id:
        await refuse(session, user=user, action="rate_not_own", subject="request", sid=request_id)
    rating = (
        await session.exec(
            select(Rating)
            .where(col(Rating.request_id) == request_id, col(Rating.rater_id) == user.id)
            .order_by(col(Rating.at).desc(), col(Rating.id).desc())
            .limit(1)
        )
    ).first()
    if rating is None:
        raise NotFound("order-err-not-found")
    text = clean_text(comment, max_len=TYPED_MAX)
    rating.comment = f"{rating.comment}\n{text}".strip() if rating.comment else text
    session.add(rating)
    note_event(
        session,
        request_id=request_id,
        subject="request",
        subject_id=request_id,
        action="rate_comment",
        actor_id=user.id,
        now=now,
        state=req.status,
        note=text,
    )
    notices: list[Notice] = []
    key = "order-notice-reopened-complaint" if complaint else "order-notice-reopened-reason"
    if rating.score == Score.UNSATISFIED:
        notices = [
            Notice(
                chat_id=sid,
                key=key,
                args={"number": req.number, "comment": text},
                kind="staff-request-card",
                ref_id=req.id,
                community_id=req.community_id,
            )
            for sid in await staff_ids(session, community_id=req.community_id, grid_id=req.grid_id)
        ]
    queued = await commit_with(session, notices)
    return Outcome(notices=notices, request=req, queued=queued)


async def remind_rating(session: AsyncSession, *, request_id: int, now: datetime) -> list[Notice]:
    """回访 reminder (scheduled): ask once more when the resident has not rated yet."""
    req = await session.get(Request, request_id)
    if req is None or req.status != RequestStatus.DONE:
        return []
    return [
        Notice(
            chat_id=resident_id,
            key="order-notice-rate-reminder",
            args={"number": req.number},
            kind="resident-rate",
            ref_id=req.id,
            community_id=req.community_id,
            matter=matter_of(req, RequestStatus.DONE),
        )
        for resident_id, own_id in await followers(session, request=req)
        if own_id == req.id
    ]


async def auto_close_unrated(
    session: AsyncSession, *, request_id: int, now: datetime, outbox: NoticeSink | None = None
) -> bool:
    """No rating in the follow-up window: the matter closes as unrated (scheduled rule).

    The rating notice and its reminder, as sent, say the matter closed without a rating and
    lose their buttons (one on its way is redrawn once sent); a matter the resident was once
    not satisfied with has its public cards say it closed. With `outbox` the redraws are
    queued in the same transaction."""
    req = await session.get(Request, request_id)
    if req is None or req.status != RequestStatus.DONE:
        return False
    marked = await _mark_rating_notices_on_the_way(session, req=req, outcome=CLOSED_UNRATED)
    try:
        await move(
            session,
            req,
            to=RequestStatus.CLOSED,
            actor_id=None,
            action="close_unrated",
            now=now,
            values={"closed_at": now},
        )
    except Conflict:
        if marked:  # rated at the same moment: the rating marks them, not this
            await session.rollback()
        return False
    # the rating notice and its reminder say so, without the buttons that would be refused
    notices = await _rating_notice_redraws(session, req=req, outcome=CLOSED_UNRATED, shown_on=None)
    if await _was_reopened(session, request_id=request_id):
        notices += await _redraw_public_cards(
            session, req=req, status=PUBLIC_CARD_STATUS[RequestStatus.CLOSED]
        )
    if outbox is not None:
        await outbox(notices)
    # a scheduled job's session: the staff cards of it read 已结案 in this commit
    await commit_with(session, ())
    return True


async def escalate_unclaimed(
    session: AsyncSession,
    *,
    order_id: int,
    round_: int,
    now: datetime,
    outbox: NoticeSink | None = None,
) -> list[Notice]:
    """An order still open after its time limit: round 1 re-offers it, later rounds tell staff.

    With `outbox`, the notices are queued in the same transaction as the ledger event and the
    next round (one commit: a crash cannot keep the one without the other).
    """
    order = await session.get(Order, order_id)
    if order is None or order.status != OrderStatus.OPEN:
        return []
    assert order.id is not None
    note_event(
        session,
        request_id=order.request_id,
        subject="order",
        subject_id=order.id,
        action="escalate" if round_ > 1 else "reoffer",
        actor_id=None,
        now=now,
        state=order.status,
        note=f"round {round_}",
    )
    if round_ <= 1:
        notices = await _offer_notices(session, order, key="order-notice-offer-again", now=now)
        # one message offers it in each chat: the older offers and cards lose ✋ 接单
        superseded, notices = await _offer_again(session, order, notices)
        notices = superseded + notices
        await schedule(
            session,
            kind="order.unclaimed",
            due_at=now + UNCLAIMED_AFTER,
            payload={"order_id": order.id, "round": round_ + 1},
            key=f"order-{order.id}-unclaimed",
        )
    else:
        req = await session.get(Request, order.request_id)
        notices = [
            Notice(
                chat_id=sid,
                key="order-notice-escalated",
                args={"number": order.number, "title": OrderTitle(order)},
                kind="staff-order",
                ref_id=order.id,
                # as urgent as the request: else quiet hours hold it until the morning
                urgent=req is not None and req.urgent,
                community_id=order.community_id,
                matter=matter_of(order, OrderStatus.OPEN),  # not sent once it is claimed
            )
            # the community's staff and the request's grid workers: others could not act on it
            for sid in await staff_ids(
                session,
                community_id=order.community_id,
                grid_id=req.grid_id if req is not None else order.grid_id,
            )
        ]
    if outbox is not None:
        await outbox(notices)
    # a scheduled job's session: the cards the ledger row changes are redrawn in this commit
    await commit_with(session, ())
    return notices


# ---------------------------------------------------------------- points

POINTS_PERIODS = ("month", "year", "all")
BOARD_SIZE = 10
RECENT_ENTRIES = 5


@dataclass(frozen=True)
class BoardLine:
    """One member on the leaderboard. `name` is the real name for the reader themself and for
    members who agreed to be named publicly (the consent result cards use), the surname and
    "**" for the others, and None when no name is left (a member who deleted their data)."""

    rank: int
    member_id: int
    name: str | None
    points: int
    minutes: int
    me: bool
    masked: bool = False  # not named in full: no consent to be named publicly


@dataclass(frozen=True)
class PointsLine:
    """One points entry of the member: the order it was for, when, how much."""

    number: str | None
    title: OrderTitle | None  # read_in the reader's language
    at: datetime
    points: int
    minutes: int


@dataclass
class PointsOverview:
    """我的积分: this month's and lifetime totals, the community board of a period, the
    member's own place on it, and the latest entries."""

    period: str
    month_points: int = 0
    month_minutes: int = 0
    total_points: int = 0
    total_minutes: int = 0
    done: int = 0
    community: str | None = None
    board: list[BoardLine] = field(default_factory=list)
    ranked: int = 0  # members with points in the period on the community's board
    mine: BoardLine | None = None  # the reader's line (also when below the top)
    recent: list[PointsLine] = field(default_factory=list)


def points_period_start(period: str, *, now: datetime, zone: tzinfo) -> datetime | None:
    """The start (UTC) of this month / this year in the bot's zone; None for 全部."""
    day = now.astimezone(zone).replace(hour=0, minute=0, second=0, microsecond=0)
    if period == "month":
        return day.replace(day=1).astimezone(UTC)
    if period == "year":
        return day.replace(month=1, day=1).astimezone(UTC)
    return None


def public_name(real_name: str, *, named: bool) -> str | None:
    """A member's name as others may read it: the full name with consent, else masked."""
    name = real_name.strip()
    if not name or name == "-":  # "-": the member deleted their personal data
        return None
    return name if named else name[:1] + "**"


async def points_overview(
    session: AsyncSession, *, user: User, period: str, now: datetime, zone: tzinfo
) -> PointsOverview:
    """The member's points this month and in all, their community's leaderboard for the period
    (ties share a rank), their own rank, and their latest points entries. Sums are made in SQL."""
    if period not in POINTS_PERIODS:
        period = POINTS_PERIODS[0]
    out = PointsOverview(period=period)
    month_start = points_period_start("month", now=now, zone=zone)
    in_month = col(PointsEntry.at) >= month_start
    totals = (
        await session.exec(
            sa_select(  # type: ignore[call-overload]
                func.coalesce(func.sum(PointsEntry.points), 0),
                func.coalesce(func.sum(PointsEntry.minutes), 0),
                func.count(col(PointsEntry.id)),
                func.coalesce(func.sum(case((in_month, PointsEntry.points), else_=0)), 0),
                func.coalesce(func.sum(case((in_month, PointsEntry.minutes), else_=0)), 0),
            ).where(col(PointsEntry.member_id) == user.id)
        )
    ).one()
    out.total_points, out.total_minutes, out.done, out.month_points, out.month_minutes = (
        int(v) for v in totals
    )
    rows = await session.exec(
        select(PointsEntry, Order)
        .outerjoin(Order, col(Order.id) == col(PointsEntry.order_id))
        .where(col(PointsEntry.member_id) == user.id)
        .order_by(col(PointsEntry.at).desc(), col(PointsEntry.id).desc())
        .limit(RECENT_ENTRIES)
    )
    out.recent = [
        PointsLine(
            number=order.number if order else (entry.note or None),
            title=OrderTitle(order) if order else None,
            at=entry.at,
            points=entry.points,
            minutes=entry.minutes,
        )
        for entry, order in rows.all()
    ]
    profile = await session.get(MemberProfile, user.id)
    if profile is None:
        return out
    community = await session.get(Community, profile.community_id)
    out.community = named(community) if community else None
    out.board, out.ranked, out.mine = await _board(
        session,
        community_id=profile.community_id,
        reader_id=user.id,
        since=points_period_start(period, now=now, zone=zone),
    )
    return out


async def _board(
    session: AsyncSession, *, community_id: int, reader_id: int, since: datetime | None
) -> tuple[list[BoardLine], int, BoardLine | None]:
    """The top BOARD_SIZE members by points earned in the community since `since`, the number
    ranked, and the reader's line. Approved members only (and the reader); one query."""
    pts = func.sum(PointsEntry.points)
    mins = func.sum(PointsEntry.minutes)
    ranked = (
        sa_select(
            col(PointsEntry.member_id).label("member_id"),
            col(MemberProfile.real_name).label("real_name"),
            col(MemberProfile.show_name_public).label("named"),
            pts.label("points"),
            mins.label("minutes"),
            func.rank().over(order_by=pts.desc()).label("rank"),
            func.row_number()
            .over(order_by=(pts.desc(), mins.desc(), col(PointsEntry.member_id)))
            .label("pos"),
            func.count().over().label("ranked"),
        )
        .join(MemberProfile, col(MemberProfile.user_id) == col(PointsEntry.member_id))
        .where(col(PointsEntry.community_id) == community_id)
        .where(
            or_(
                col(MemberProfile.status) == MemberStatus.APPROVED,
                col(PointsEntry.member_id) == reader_id,
            )
        )
        .group_by(
            col(PointsEntry.member_id),
            col(MemberProfile.real_name),
            col(MemberProfile.show_name_public),
        )
        .having(pts > 0)
    )
    if since is not None:
        ranked = ranked.where(col(PointsEntry.at) >= since)
    sub = ranked.subquery()
    rows = (
        await session.exec(
            sa_select(sub)
            .where(or_(sub.c.pos <= BOARD_SIZE, sub.c.member_id == reader_id))
            .order_by(sub.c.pos)
        )  # type: ignore[call-overload]
    ).all()
    board: list[BoardLine] = []
    mine = None
    total = 0
    for row in rows:
        me = row.member_id == reader_id
        line = BoardLine(
            rank=int(row.rank),
            member_id=int(row.member_id),
            name=row.real_name if me else public_name(row.real_name, named=bool(row.named)),
            points=int(row.points),
            minutes=int(row.minutes or 0),
            me=me,
            masked=not me and not row.named,
        )
        total = int(row.ranked)
        if me:
            mine = line
        if row.pos <= BOARD_SIZE:
            board.append(line)
    return board, total, mine


async def log_refusal(session: AsyncSession, *, user: User, action: str, detail: str) -> None:
    """Record a refused order-cycle action the handler layer caught (e.g. a wrong-role button)."""
    audit.record(
        session,
        actor_id=user.id,
        action="refused",
        subject_type="order",
        detail=f"{action} {detail}",
    )
    await session.commit()


async def how_verification_ended(session: AsyncSession, *, order: Order) -> tuple[str, str]:
    """What ended the order's wait for a check, and who: ('verify' | 'send_back' | 'cancel',
    their name), for a colleague whose 验收 card or 退回 reason came too late."""
    row = (
        await session.exec(
            select(LedgerEvent.action, LedgerEvent.actor_id)
            .where(
                col(LedgerEvent.subject) == "order",
                col(LedgerEvent.subject_id) == order.id,
                col(LedgerEvent.action).in_(("verify", "send_back", "order_cancelled")),
            )
            .order_by(col(LedgerEvent.id).desc())
            .limit(1)
        )
    ).first()
    if row is None:
        return "other", "-"
    action, actor_id = row
    actor = await session.get(User, actor_id) if actor_id is not None else None
    name = actor.display_name if actor is not None else "-"
    kind = action if action in ("verify", "send_back") else "cancel"
    return kind, name or "-"


async def how_verification_ended_of(
    session: AsyncSession, *, user: User, roles: Collection[Role], order_id: int
) -> tuple[Order, tuple[str, str]]:
    """The order and `how_verification_ended`, for its staff."""
    order = await get_order(session, order_id)
    await require_staff(session, user=user, roles=roles, request=order, action="verify")
    return order, await how_verification_ended(session, order=order)
