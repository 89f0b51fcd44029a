"""催办: a resident urges a request that is taking too long, as a city hotline (12345) lets them.

When a resident may urge (`urge_state`):
- the request is still open: new, reopened, ordered, handled by staff or transferred (not done
  and waiting for a rating, resolved, closed, withdrawn, declined or merged);
- and it waits too long:
  - no response yet (new, or reopened and not taken up again): from filing (from reopening),
    2 hours for an urgent request; otherwise half the category's deadline, at least 2 and at
    most 24 hours (维修 24 h → 12 h; 家政 48 h or longer → 24 h; a 12 h category → 6 h);
  - taken up (ordered, handled, transferred): once its deadline has passed, the request's own
    or that of an open order of it, whichever is earlier; with neither, the category's deadline
    counted from the first response;
- and it was not urged in the last URGE_COOLDOWN (24 hours): one urge a day per request.

An urge is a ledger row (action "urge", the resident and the time; the state does not change)
and a notice to whoever has the matter in hand: the members on its open orders and the staff
who issued them while it is ordered; the community's (grid's) staff otherwise. Urgent matters'
notices go out at once; others wait out quiet hours like other staff notices, and name the
matter as it stands (`matter_of`), so one held for the night is not sent once it has moved on.
Two taps at once urge once: the request's row is locked (a no-op UPDATE) before the check.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import User
from models.orders import (
    OPEN_ORDERS,
    Claim,
    ClaimStatus,
    LedgerEvent,
    Order,
    Request,
    RequestStatus,
)
from models.scheduling import Delivery, DeliveryState
from services.errors import Conflict, RetryLater
from services.order_common import (
    Notice,
    OrderTitle,
    category,
    commit_with,
    deadline_hours,
    get_request,
    matter_of,
    note_event,
    refuse,
)
from services.users import staff_of

R = RequestStatus
URGE_ACTION = "urge"
URGE_COOLDOWN = timedelta(hours=24)
URGENT_WAIT = timedelta(hours=2)
MIN_WAIT = timedelta(hours=2)
MAX_WAIT = timedelta(hours=24)
# Requests a resident may urge: still in someone's hands, not done.
URGEABLE = frozenset({R.NEW, R.REOPENED, R.ORDERED, R.HANDLING, R.TRANSFERRED})
UNANSWERED = frozenset({R.NEW, R.REOPENED})
# Why a request could be urged, as its ledger row's note says (texts: urge-reason-…).
URGE_REASONS = ("no-response", "overdue")


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def response_wait(req: Request) -> timedelta:
    """How long a request may go without a response before the resident may urge it."""
    if req.urgent:
        return URGENT_WAIT
    half = timedelta(hours=category(req.category).deadline_hours) / 2
    return min(MAX_WAIT, max(MIN_WAIT, half))


@dataclass(frozen=True)
class UrgeState:
    """Whether a request may be urged now, and the figures around it."""

    open: bool  # still in someone's hands
    due_at: datetime | None  # from when it counts as waiting too long (None: not open)
    reason: str  # "no-response" or "overdue" (what due_at is)
    count: int  # urges so far
    last_at: datetime | None  # the latest urge
    since: datetime  # when the resident began waiting (filed, or reopened)

    @property
    def next_at(self) -> datetime | None:
        """The earliest moment an urge is accepted (None: never, the request is not open)."""
        if not self.open or self.due_at is None:
            return None
        if self.last_at is None:
            return self.due_at
        return max(self.due_at, self.last_at + URGE_COOLDOWN)

    def allowed(self, now: datetime) -> bool:
        """True when the resident may urge now."""
        at = self.next_at
        return at is not None and now >= at


async def urges_of(session: AsyncSession, request_id: int) -> tuple[int, datetime | None]:
    """How many times a request was urged, and when last."""
    row = (
        await session.exec(
            select(func.count(), func.max(LedgerEvent.at))
            .where(col(LedgerEvent.request_id) == request_id)
            .where(col(LedgerEvent.action) == URGE_ACTION)
        )
    ).one()
    count, last = row
    return int(count or 0), _utc(last) if last is not None else None


async def urge_counts(session: AsyncSession, request_ids: Collection[int]) -> dict[int, int]:
    """How many times each of these requests was urged (those never urged are left out)."""
    if not request_ids:
        return {}
    rows = await session.exec(
        select(LedgerEvent.request_id, func.count())
        .where(col(LedgerEvent.request_id).in_(list(request_ids)))
        .where(col(LedgerEvent.action) == URGE_ACTION)
        .group_by(col(LedgerEvent.request_id))
    )
    return {int(rid): int(n) for rid, n in rows.all()}


async def _reopened_at(session: AsyncSession, req: Request) -> datetime | None:
    at = (
        await session.exec(
            select(func.max(LedgerEvent.at))
            .where(col(LedgerEvent.request_id) == req.id)
            .where(col(LedgerEvent.subject) == "request")
            .where(col(LedgerEvent.to_state) == R.REOPENED)
        )
    ).one()
    return _utc(at) if at is not None else None


async def _deadline(session: AsyncSession, req: Request) -> datetime:
    """The earliest of the request's deadline and its open orders' (else the category's,
    counted from the first response)."""
    orders = await session.exec(
        select(func.min(Order.deadline_at))
        .where(col(Order.request_id) == req.id)
        .where(col(Order.status).in_(list(OPEN_ORDERS)))
    )
    found = [_utc(d) for d in (req.deadline_at, orders.one()) if d is not None]
    if found:
        return min(found)
    start = _utc(req.first_response_at or req.created_at)
    return start + timedelta(hours=deadline_hours(req))


async def urge_state(session: AsyncSession, *, req: Request) -> UrgeState:
    """Where a request stands as to urging (see the module's rules)."""
    assert req.id is not None
    count, last = await urges_of(session, req.id)
    since = _utc(req.created_at)
    if req.status not in URGEABLE:
        return UrgeState(False, None, "", count, last, since)
    if req.status in UNANSWERED:
        if req.status == R.REOPENED:
            since = await _reopened_at(session, req) or since
        return UrgeState(True, since + response_wait(req), "no-response", count, last, since)
    return UrgeState(True, await _deadline(session, req), "overdue", count, last, since)


class TooSoon(RetryLater):
    """Not yet: urged within the last day, or not waiting long enough; `retry_at` says when."""


@dataclass
class Urged:
    """An urge recorded: who was reminded, and when the resident may urge again."""

    request: Request
    notices: list[Notice]
    reminded: str  # "members" (and the staff who issued the order) or "staff"
    waited: timedelta
    next_at: datetime
    queued: bool = False


def waited_args(waited: timedelta) -> dict[str, int]:
    """How long as whole days, or whole hours under two days (texts pick one)."""
    hours = max(1, int(waited.total_seconds() // 3600))
    return {"hours": hours, "days": hours // 24 if hours >= 48 else 0}


async def _recipients(
    session: AsyncSession, req: Request
) -> tuple[str, list[tuple[User, str]], list[tuple[int, Order, Claim]]]:
    """(who, staff with the matter each notice names, (member, order, claim) on open orders)."""
    staff = await staff_of(
        session, community_id=req.community_id, grid_id=req.grid_id, matter=True
    )
    if req.status != R.ORDERED:
        return "staff", [(s, matter_of(req)) for s in staff], []
    orders = list(
        (
            await session.exec(
                select(Order)
                .where(col(Order.request_id) == req.id)
                .where(col(Order.status).in_(list(OPEN_ORDERS)))
                .order_by(col(Order.id))
            )
        ).all()
    )
    claims: list[tuple[int, Order, Claim]] = []
    by_id = {o.id: o for o in orders}
    if orders:
        rows = await session.exec(
            select(Claim)
            .where(col(Claim.order_id).in_(list(by_id)))
            .where(col(Claim.status) == ClaimStatus.ACTIVE)
            .order_by(col(Claim.id))
        )
        claims = [(c.member_id, by_id[c.order_id], c) for c in rows.all()]
    issuers = {o.created_by for o in orders}
    named = [(s, matter_of(req)) for s in staff if s.id in issuers]
    # the issuer left the staff, or no open order is left: the community's staff
    return (
        ("members" if claims else "staff"),
        named or [(s, matter_of(req)) for s in staff],
        claims,
    )


async def urge(session: AsyncSession, *, user: User, request_id: int, now: datetime) -> Urged:
    """The resident urges their request: a ledger row and reminders to whoever handles it.

    Refused (nothing recorded) when the request is no longer open (Conflict), was urged within
    URGE_COOLDOWN or is not late yet (TooSoon, with the moment an urge is accepted). With the
    session's outbox the reminders are queued in the same commit (`Urged.queued`).
    """
    req = await get_request(session, request_id)
    if req.resident_id != user.id:
        await refuse(session, user=user, action="urge", subject="request", sid=request_id)
    # take the row's write lock first (PostgreSQL: the row; SQLite: the writers' queue), so a
    # second tap waits for the first one's commit and then sees its urge
    await session.exec(update(Request).where(col(Request.id) == request_id).values(id=request_id))  # type: ignore[call-overload]
    await session.refresh(req)
    state = await urge_state(session, req=req)
    at = state.next_at
    if at is None:
        await session.commit()  # ends the lock; nothing was written
        raise Conflict("urge-err-closed", status=req.status)
    if now < at:
        await session.commit()  # ends the lock; nothing was written
        recent = state.last_at is not None and now < state.last_at + URGE_COOLDOWN
        raise TooSoon("urge-err-recent" if recent else "urge-err-early", retry_at=at)
    note_event(
        session,
        request_id=request_id,
        subject="request",
        subject_id=request_id,
        action=URGE_ACTION,
        actor_id=user.id,
        now=now,
        state=req.status,
        note=state.reason,
    )
    waited = now - state.since
    who, staff, claims = await _recipients(session, req)
    args: dict[str, Any] = {
        "number": req.number,
        "category": req.category,
        "status": str(req.status),
        "count": state.count + 1,
        **waited_args(waited),
    }
    stamp = int(now.timestamp())
    notices = [
        Notice(
            chat_id=member.id,
            key="urge-notice-staff",
            args=args,
            kind="staff-request-card",
            ref_id=req.id,
            urgent=req.urgent,
            dedupe_key=f"urge-{req.id}-{stamp}-{member.id}",
            community_id=req.community_id,
            recipient=member,
            matter=matter,
        )
        for member, matter in staff
    ]
    notices += [
        Notice(
            chat_id=member_id,
            key="urge-notice-member",
            args={**args, "order": order.number, "title": OrderTitle(order)},
            kind="member-order",
            ref_id=order.id,
            urgent=req.urgent,
            dedupe_key=f"urge-{req.id}-{stamp}-{member_id}",
            community_id=req.community_id,
            matter=matter_of(claim),  # not sent once their claim ends (done, given back)
        )
        for member_id, order, claim in claims
    ]
    queued = await commit_with(session, notices)
    return Urged(
        request=req,
        notices=notices,
        reminded=who,
        waited=waited,
        next_at=now + URGE_COOLDOWN,
        queued=queued,
    )


async def held_until(session: AsyncSession, *, urged: Urged, now: datetime) -> datetime | None:
    """When the first reminder of a just-recorded urge goes out, if quiet hours hold them all
    (urged at night, not urgent): the resident is told. None when one goes out now."""
    keys = [n.dedupe_key for n in urged.notices if n.dedupe_key]
    if not keys or urged.request.urgent:
        return None
    rows = (
        await session.exec(
            select(Delivery.not_before, Delivery.state).where(col(Delivery.dedupe_key).in_(keys))
        )
    ).all()
    if not rows or any(state != DeliveryState.PENDING for _, state in rows):
        return None
    first = min(_utc(at) for at, _ in rows)
    return first if first > now else None


def reminded_ids(notices: Sequence[Notice]) -> list[int]:
    """Who an urge reminded (for tests and logs)."""
    return [n.chat_id for n in notices]
