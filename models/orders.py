"""The order cycle: requests (点单), orders (下单), claims (接单), results, ratings, the ledger.

The state machines of the cycle live here, each as a table of legal transitions. Services never set
a status by hand: they call `transition(...)`, which checks the table and returns the ledger event
row to add in the same transaction.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import BigInteger, Index, String, Text, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from models.base import UTCDateTime, utcnow


class RequestStatus(StrEnum):
    """Where a resident's request (the matter) stands."""

    NEW = "new"  # filed, waiting for staff
    ORDERED = "ordered"  # an order was issued to members
    HANDLING = "handling"  # staff handle it themselves
    TRANSFERRED = "transferred"  # 转办 to an outside unit, followed up
    MERGED = "merged"  # folded into another request; the resident follows that one
    DECLINED = "declined"  # refused with a reason
    WITHDRAWN = "withdrawn"  # the resident took it back
    DONE = "done"  # result verified; waiting for the resident's rating
    RESOLVED = "resolved"  # rated 满意 / 基本满意
    CLOSED = "closed"  # closed without a rating (follow-up window passed) or by staff
    REOPENED = "reopened"  # 不满意, or the order was cancelled: back to staff


class OrderStatus(StrEnum):
    """Where an order issued to members stands."""

    OPEN = "open"  # claims wanted
    CLAIMED = "claimed"  # every needed member has claimed
    DONE = "done"  # a member reported it done; waiting for staff to verify
    VERIFIED = "verified"  # staff checked the result
    CANCELLED = "cancelled"  # staff withdrew the order


class ClaimStatus(StrEnum):
    """One member's claim on an order."""

    ACTIVE = "active"
    RELEASED = "released"  # the member gave it back, with a reason
    REASSIGNED = "reassigned"  # staff took it away and gave it to someone else
    DONE = "done"  # the order was verified; points credited
    CANCELLED = "cancelled"  # the order was cancelled


class Channel(StrEnum):
    """How a request reached the community."""

    BOT = "bot"
    PHONE = "phone"  # 电话
    VISIT = "visit"  # 来访
    HOME_VISIT = "home_visit"  # 入户走访
    MEETING = "meeting"  # 议事会
    OTHER = "other"


class Score(StrEnum):
    """The resident's rating of a result."""

    SATISFIED = "satisfied"  # 满意
    BASIC = "basic"  # 基本满意
    UNSATISFIED = "unsatisfied"  # 不满意


R = RequestStatus
O = OrderStatus  # noqa: E741
C = ClaimStatus

# The legal transitions, in one place. Anything not listed is refused.
REQUEST_TRANSITIONS: dict[RequestStatus, frozenset[RequestStatus]] = {
    R.NEW: frozenset({R.ORDERED, R.HANDLING, R.TRANSFERRED, R.MERGED, R.DECLINED, R.WITHDRAWN}),
    R.REOPENED: frozenset({R.ORDERED, R.HANDLING, R.TRANSFERRED, R.MERGED, R.DECLINED, R.CLOSED}),
    R.ORDERED: frozenset({R.DONE, R.REOPENED}),
    R.HANDLING: frozenset({R.DONE, R.REOPENED}),
    R.TRANSFERRED: frozenset({R.DONE, R.REOPENED}),
    R.DONE: frozenset({R.RESOLVED, R.REOPENED, R.CLOSED}),
    R.MERGED: frozenset(),
    R.DECLINED: frozenset({R.REOPENED}),  # the resident asks for a review (复核), once
    R.WITHDRAWN: frozenset(),
    R.RESOLVED: frozenset(),
    R.CLOSED: frozenset(),
}
ORDER_TRANSITIONS: dict[OrderStatus, frozenset[OrderStatus]] = {
    O.OPEN: frozenset({O.CLAIMED, O.DONE, O.CANCELLED}),
    O.CLAIMED: frozenset({O.OPEN, O.DONE, O.CANCELLED}),
    O.DONE: frozenset({O.VERIFIED, O.CLAIMED, O.OPEN}),  # verified, or sent back
    O.VERIFIED: frozenset(),
    O.CANCELLED: frozenset(),
}
CLAIM_TRANSITIONS: dict[ClaimStatus, frozenset[ClaimStatus]] = {
    C.ACTIVE: frozenset({C.RELEASED, C.REASSIGNED, C.DONE, C.CANCELLED}),
    C.RELEASED: frozenset(),
    C.REASSIGNED: frozenset(),
    C.DONE: frozenset(),
    C.CANCELLED: frozenset(),
}
MACHINES: dict[str, dict[StrEnum, frozenset[StrEnum]]] = {
    "request": REQUEST_TRANSITIONS,  # type: ignore[dict-item]
    "order": ORDER_TRANSITIONS,  # type: ignore[dict-item]
    "claim": CLAIM_TRANSITIONS,  # type: ignore[dict-item]
}
# Requests a resident may still withdraw (staff have not acted yet).
RESIDENT_EDITABLE = frozenset({R.NEW})
# Requests a resident may still add information to: the matter is not finished (also once an
# order is issued, claimed or being handled); not when done, closed, merged or taken back.
RESIDENT_CAN_ADD_INFO = frozenset({R.NEW, R.REOPENED, R.ORDERED, R.HANDLING, R.TRANSFERRED})
# Requests still open for staff (the "not finished" set used by stats and merges).
OPEN_REQUESTS = frozenset({R.NEW, R.REOPENED, R.ORDERED, R.HANDLING, R.TRANSFERRED, R.DONE})
# A first response by staff: any of these moves out of NEW.
RESPONSE_STATES = frozenset({R.ORDERED, R.HANDLING, R.TRANSFERRED, R.MERGED, R.DECLINED})
# Open states of an order.
OPEN_ORDERS = frozenset({O.OPEN, O.CLAIMED, O.DONE})


class IllegalTransition(Exception):
    """A transition the table does not allow (a bug or a stale tap; services map it)."""

    def __init__(self, machine: str, old: str, new: str) -> None:
        super().__init__(f"{machine}: {old} → {new} is not allowed")
        self.machine = machine
        self.old = old
        self.new = new


def can_transition(machine: str, old: str, new: str) -> bool:
    """True if the machine's table allows old → new."""
    table = MACHINES[machine]
    return any(str(k) == old and new in {str(v) for v in vs} for k, vs in table.items())


class Request(SQLModel, table=True):
    """居民点单: a resident's matter, the row the ledger is kept by."""

    __tablename__ = "requests"
    __table_args__ = (
        Index("ix_requests_queue", "community_id", "status", "urgent", "created_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="communities.id", index=True)
    grid_id: int | None = Field(default=None, foreign_key="grids.id", index=True)
    building_id: int | None = Field(default=None, foreign_key="buildings.id")
    resident_id: int | None = Field(default=None, sa_type=BigInteger, index=True)
    filed_by: int = Field(sa_type=BigInteger)
    channel: str = Field(default=Channel.BOT, sa_type=String(16))
    contact_name: str | None = Field(default=None, sa_type=String(64))
    contact_phone: str | None = Field(default=None, sa_type=String(32))
    room: str | None = Field(default=None, sa_type=String(32))
    # a matter in a public area of the community (a road, a square, a gate: no building), as
    # staff placed it (📍 改地点 → 公共区域): their words for where ('东门外马路'; '' when they
    # gave none), the building and room then None and the grid theirs to choose (None: the
    # whole community's). None for a matter at a building (services.places)
    public_area: str | None = Field(default=None, sa_type=String(60))
    text: str = Field(sa_type=Text)
    category: str = Field(default="other", sa_type=String(40), index=True)
    suggested_category: str | None = Field(default=None, sa_type=String(40))
    confidence: float | None = Field(default=None)
    keywords: str = Field(default="", sa_type=String(300))
    urgent: bool = Field(default=False)
    urgent_reasons: str = Field(default="", sa_type=String(300))
    latitude: float | None = Field(default=None)
    longitude: float | None = Field(default=None)
    status: str = Field(default=RequestStatus.NEW, sa_type=String(16), index=True)
    merged_into_id: int | None = Field(default=None, foreign_key="requests.id", index=True)
    decline_reason: str | None = Field(default=None, sa_type=String(4096))
    result_note: str | None = Field(default=None, sa_type=Text)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    first_response_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    first_responder_id: int | None = Field(default=None, sa_type=BigInteger)
    deadline_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    resolved_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    closed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)

    @property
    def number(self) -> str:
        """The short human number shown to everyone who handles it."""
        return f"{self.id or 0:05d}"


class Order(SQLModel, table=True):
    """社区下单: work issued by staff from a request, claimed by members."""

    __tablename__ = "orders"

    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="requests.id", index=True)
    community_id: int = Field(foreign_key="communities.id", index=True)
    grid_id: int | None = Field(default=None, foreign_key="grids.id", index=True)
    title: str = Field(sa_type=String(120))
    category: str = Field(sa_type=String(40))
    skills: str = Field(default="", sa_type=String(300))
    deadline_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    points: int = Field(default=10)
    service_minutes: int = Field(default=60)
    members_needed: int = Field(default=1)
    claimed_count: int = Field(default=0)
    status: str = Field(default=OrderStatus.OPEN, sa_type=String(16), index=True)
    created_by: int = Field(sa_type=BigInteger)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    result_note: str | None = Field(default=None, sa_type=Text)
    done_by: int | None = Field(default=None, sa_type=BigInteger)
    done_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    verified_by: int | None = Field(default=None, sa_type=BigInteger)
    verified_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    published_at: datetime | None = Field(default=None, sa_type=UTCDateTime)

    @property
    def number(self) -> str:
        """The order's short number."""
        return f"G{self.id or 0:05d}"

    @property
    def skill_list(self) -> list[str]:
        """Skill codes as a list."""
        return [s for s in self.skills.split(",") if s]


class Claim(SQLModel, table=True):
    """党员接单: one member on one order; at most one active claim per member and order."""

    __tablename__ = "claims"
    __table_args__ = (
        Index(
            "uq_claims_active",
            "order_id",
            "member_id",
            unique=True,
            sqlite_where=text("status = 'active'"),
            postgresql_where=text("status = 'active'"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    order_id: int = Field(foreign_key="orders.id", index=True)
    member_id: int = Field(sa_type=BigInteger, foreign_key="users.id", index=True)
    status: str = Field(default=ClaimStatus.ACTIVE, sa_type=String(16))
    claimed_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    ended_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    reason: str | None = Field(default=None, sa_type=String(4096))


class OrderCard(SQLModel, table=True):
    """A member's card of an order in their chat (opened from 详情 or 📌 我的工单, or the offer
    they claimed from), or a staff member's (opened from 查看工单 or its number typed; then
    `member_id` is the staff member's id): redrawn when the order changes, so it never offers
    what no longer holds (services.order_cards, services.staff_order_cards). One per person
    and order, the latest shown: opening the order again replaces it."""

    __tablename__ = "order_cards"
    __table_args__ = (UniqueConstraint("order_id", "member_id", name="uq_order_cards_member"),)

    id: int | None = Field(default=None, primary_key=True)
    order_id: int = Field(foreign_key="orders.id", index=True)
    member_id: int = Field(sa_type=BigInteger, foreign_key="users.id")  # their private chat
    message_id: int = Field(sa_type=BigInteger)
    shown: str = Field(default="", sa_type=String(64))  # digest of what it shows now
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class RequestCard(SQLModel, table=True):
    """A staff member's card of a request in their chat (opened from 📄 查看诉求, a list, /find
    or its number typed): redrawn when the request changes, so a colleague's action never
    leaves it offering what no longer holds (services.request_cards). One per staff member
    and request, the latest shown: opening the request again replaces it."""

    __tablename__ = "request_cards"
    __table_args__ = (UniqueConstraint("request_id", "staff_id", name="uq_request_cards_staff"),)

    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="requests.id", index=True)
    staff_id: int = Field(sa_type=BigInteger, foreign_key="users.id")  # their private chat
    message_id: int = Field(sa_type=BigInteger)
    shown: str = Field(default="", sa_type=String(64))  # digest of what it shows now
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class ReportDraft(SQLModel, table=True):
    """完成上报 left halfway: what a member wrote of an order's report and the photos sent so
    far, kept until it is reported or written afresh (services.report_drafts). In the database,
    not the conversation's storage, so a restart of a bot without Redis (whose conversations
    live in memory) does not lose it."""

    __tablename__ = "report_drafts"
    __table_args__ = (UniqueConstraint("member_id", "order_id", name="uq_report_drafts_member"),)

    id: int | None = Field(default=None, primary_key=True)
    member_id: int = Field(sa_type=BigInteger, foreign_key="users.id", index=True)
    order_id: int = Field(foreign_key="orders.id")
    note: str = Field(default="", sa_type=Text)
    photos: str = Field(default="", sa_type=Text)  # Telegram file ids, one a line
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class LedgerEvent(SQLModel, table=True):
    """台账: one state change (or a note) on a matter: actor, time, from, to, note."""

    __tablename__ = "ledger_events"

    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="requests.id", index=True)
    subject: str = Field(sa_type=String(16))  # request / order / claim
    subject_id: int
    action: str = Field(sa_type=String(32))
    from_state: str | None = Field(default=None, sa_type=String(16))
    to_state: str | None = Field(default=None, sa_type=String(16))
    actor_id: int | None = Field(default=None, sa_type=BigInteger, index=True)
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)
    note: str = Field(default="", sa_type=Text)
    # a move to another building (action move_place): where it was, by id, as the note's
    # building names are not (an admin may rename a building or a grid since); no foreign key:
    # the ledger is history
    from_building_id: int | None = Field(default=None)
    from_grid_id: int | None = Field(default=None)


class Attachment(SQLModel, table=True):
    """A Telegram file (photo, voice) or a location added to a request or a result."""

    __tablename__ = "order_attachments"

    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="requests.id", index=True)
    order_id: int | None = Field(default=None, foreign_key="orders.id")
    purpose: str = Field(default="request", sa_type=String(16))  # request / result / info
    kind: str = Field(sa_type=String(16))  # photo / voice / document
    file_id: str = Field(sa_type=String(256))
    added_by: int = Field(sa_type=BigInteger)
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Transfer(SQLModel, table=True):
    """转办: a request handed to an outside unit, and the unit's answer."""

    __tablename__ = "order_transfers"

    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="requests.id", index=True)
    unit: str = Field(sa_type=String(120))
    note: str = Field(default="", sa_type=String(4096))
    created_by: int = Field(sa_type=BigInteger)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    answer: str | None = Field(default=None, sa_type=String(4096))
    answered_by: int | None = Field(default=None, sa_type=BigInteger)
    answered_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class Rating(SQLModel, table=True):
    """满意回访: the resident's rating of a result (one per round; a reopen starts a new round)."""

    __tablename__ = "order_ratings"

    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="requests.id", index=True)
    rater_id: int = Field(sa_type=BigInteger)
    score: str = Field(sa_type=String(16))
    comment: str = Field(default="", sa_type=String(4096))
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class PointsEntry(SQLModel, table=True):
    """积分 / 时间银行: points and service minutes credited to a member for an order."""

    __tablename__ = "points_entries"
    __table_args__ = (UniqueConstraint("order_id", "member_id", name="uq_points_order_member"),)

    id: int | None = Field(default=None, primary_key=True)
    member_id: int = Field(sa_type=BigInteger, foreign_key="users.id", index=True)
    community_id: int = Field(foreign_key="communities.id", index=True)
    order_id: int | None = Field(default=None, foreign_key="orders.id")
    points: int
    minutes: int = Field(default=0)
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    note: str = Field(default="", sa_type=String(300))


class CategoryCorrection(SQLModel, table=True):
    """Staff changed a request's category: a labelled example for triage retraining."""

    __tablename__ = "category_corrections"

    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="requests.id", index=True)
    from_category: str = Field(sa_type=String(40))
    to_category: str = Field(sa_type=String(40))
    text: str = Field(sa_type=Text)
    by: int = Field(sa_type=BigInteger)
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


def transition(
    machine: str,
    *,
    request_id: int,
    subject_id: int,
    old: str,
    new: str,
    actor_id: int | None,
    action: str,
    at: datetime,
    note: str = "",
) -> LedgerEvent:
    """Check old → new against the machine's table; the ledger event to add with the change."""
    if not can_transition(machine, old, new):
        raise IllegalTransition(machine, old, new)
    return LedgerEvent(
        request_id=request_id,
        subject=machine,
        subject_id=subject_id,
        action=action,
        from_state=old,
        to_state=new,
        actor_id=actor_id,
        at=at,
        note=note[:4000],
    )


__all__ = [
    "CLAIM_TRANSITIONS",
    "ORDER_TRANSITIONS",
    "REQUEST_TRANSITIONS",
    "Attachment",
    "CategoryCorrection",
    "Channel",
    "Claim",
    "ClaimStatus",
    "IllegalTransition",
    "LedgerEvent",
    "Order",
    "OrderStatus",
    "PointsEntry",
    "Rating",
    "Request",
    "RequestCard",
    "RequestStatus",
    "Score",
    "Transfer",
    "can_transition",
    "transition",
]
