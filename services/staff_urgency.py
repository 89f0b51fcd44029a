"""Staff mark a request urgent, or not urgent: a resident who phoned, an old person alone without
heating in winter, or a word triage took for an emergency. Urgency is a flag of the request, not
a state of the matter: the state machine is not involved, the ledger records the change."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

from sqlalchemy import or_, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import Role, User
from models.orders import Claim, Order, OrderStatus, Request, RequestStatus
from models.scheduling import Delivery
from services import delivery, jobs
from services.errors import Conflict
from services.order_common import (
    Notice,
    abort,
    commit_with,
    get_request,
    in_office_hours,
    matter_of,
    note_event,
    require_staff,
)
from services.orders import (
    TRANSFER_FOLLOW_UP_AFTER,
    TRANSFER_FOLLOW_UP_URGENT,
    offers_to,
    transfer_follow_up_at,
)
from services.requests import new_request_notices

# A matter still being worked on: its urgency can change (not once done, closed or merged).
URGENCY_EDITABLE = frozenset(
    {
        RequestStatus.NEW,
        RequestStatus.REOPENED,
        RequestStatus.ORDERED,
        RequestStatus.HANDLING,
        RequestStatus.TRANSFERRED,
    }
)
# Waiting for staff to take it up: marked urgent, the grid's staff are alerted at once.
_WAITING = frozenset({RequestStatus.NEW, RequestStatus.REOPENED})
# The urgency reason of a request staff marked urgent (the card reads 社区标注).
STAFF_REASON = "staff"
# What quiet hours may hold of an order's offers to members.
_OFFER_KEYS = ("order-notice-offer", "order-notice-offer-again")


@dataclass
class UrgencyChange:
    """A request's urgency after a tap, and the notices the change causes.

    `changed` is False when it already was so (a colleague's tap came first): nothing was
    recorded and nobody is told. `released`: offers of its open order that quiet hours held,
    now going at once. `held`: notices about it waiting to go as urgent that, unmarked, quiet
    hours now hold (the alerts among them replaced by the ordinary card, in `notices`).
    """

    request: Request
    changed: bool
    notices: list[Notice] = field(default_factory=list)
    released: int = 0
    queued: bool = False
    held: int = 0

    @property
    def pending(self) -> list[Notice]:
        """The notices not queued yet."""
        return [] if self.queued else self.notices


def _reasons(codes: str, *, urgent: bool) -> str:
    """The urgency reasons with staff's mark added (urgent) or taken away (not urgent); triage's
    own reasons stay as they were, for the record."""
    kept = [c for c in codes.split(",") if c and c != STAFF_REASON]
    if urgent:
        kept.append(STAFF_REASON)
    return ",".join(kept)[:300]


async def set_urgency(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    request_id: int,
    urgent: bool,
    now: datetime,
) -> UrgencyChange:
    """Staff of the request's community/grid (or an admin) mark it urgent or not urgent.

    Marked urgent, it has what a request urgent from the start has, where that still applies:
    waiting for staff, the grid's other staff get the urgent alert at once (the ordinary cards
    quiet hours hold about it are dropped); with an open order, the offers quiet hours hold go to
    members now. It comes first in the queue either way. Unmarking wakes nobody: what was
    queued about it as urgent and is not sent yet goes as any notice does (`_calm`).

    Refused and logged for anyone else; Conflict once the matter is finished. A tap that finds
    it already so (a colleague came first) changes nothing (`changed` False).
    """
    req = await get_request(session, request_id)
    await require_staff(session, user=user, roles=roles, request=req, action="set_urgency")
    if req.status not in URGENCY_EDITABLE:
        raise Conflict("order-err-changed")
    if req.urgent == urgent:
        return UrgencyChange(request=req, changed=False)
    assert req.id is not None
    reasons = _reasons(req.urgent_reasons, urgent=urgent)
    # only if nobody changed it (or moved the matter) since it was read: two staff tapping at
    # once change it once, on SQLite and PostgreSQL alike
    result = await session.exec(
        update(Request)
        .where(col(Request.id) == req.id)
        .where(col(Request.urgent) == (not urgent))
        .where(col(Request.status) == req.status)
        .values(urgent=urgent, urgent_reasons=reasons, updated_at=now)
    )  # type: ignore[call-overload]
    if result.rowcount != 1:
        await abort(session)
        await session.refresh(req)
        if req.status in URGENCY_EDITABLE and req.urgent == urgent:
            return UrgencyChange(request=req, changed=False)
        raise Conflict("order-err-changed")
    req.urgent, req.urgent_reasons, req.updated_at = urgent, reasons, now
    note_event(
        session,
        request_id=req.id,
        subject="request",
        subject_id=req.id,
        action="mark_urgent" if urgent else "unmark_urgent",
        actor_id=user.id,
        now=now,
        state=req.status,
    )
    notices: list[Notice] = []
    released = held = 0
    if urgent:
        notices = await _alerts(session, req, actor_id=user.id)
        released = await _release_offers(session, req, now=now)
    else:
        notices, held = await _calm(session, req, actor_id=user.id, now=now)
    await _retime_follow_ups(session, req, now=now)
    queued = await commit_with(session, notices)
    return UrgencyChange(
        request=req,
        changed=True,
        notices=notices,
        released=released,
        queued=queued,
        held=held,
    )


async def found_urgent(
    session: AsyncSession,
    req: Request,
    *,
    reasons: Sequence[str],
    actor_id: int,
    now: datetime,
) -> list[Notice]:
    """A request not urgent when filed, found urgent later by what staff heard of it (a call
    back: '老人在家摔倒了，起不来'): marked urgent with triage's reasons for those words (the
    ledger: mark_urgent), the grid's staff alerted as a new urgent request alerts them (not the
    one who found it), its follow-ups timed as an urgent one's. The alerts, for the caller to
    commit with; none when it was urgent already (they were alerted when it was filed)."""
    if req.urgent or req.id is None:
        return []
    codes = [c for c in req.urgent_reasons.split(",") if c]
    codes += [r for r in reasons if r and r not in codes]
    req.urgent, req.urgent_reasons, req.updated_at = True, ",".join(codes)[:300], now
    session.add(req)
    note_event(
        session,
        request_id=req.id,
        subject="request",
        subject_id=req.id,
        action="mark_urgent",
        actor_id=actor_id,
        now=now,
        state=req.status,
        note=",".join(reasons)[:300],
    )
    notices = await _alerts(session, req, actor_id=actor_id)
    await _retime_follow_ups(session, req, now=now)
    return notices


async def _alerts(session: AsyncSession, req: Request, *, actor_id: int) -> list[Notice]:
    """A waiting request marked urgent: the alert a new urgent request gives the staff of its
    grid (not the one who marked it), once per request however often it is marked."""
    if req.status not in _WAITING:
        return []  # taken up already: the order's members are what urgency still changes
    # the ordinary cards quiet hours still hold about it would come in the morning beside it
    await delivery.cancel_stale(session, matter=matter_of(req), kinds={"order-notice-new"})
    return [
        replace(n, dedupe_key=f"request-{req.id}-marked-urgent-{n.chat_id}")
        for n in await new_request_notices(session, req)
        if n.chat_id != actor_id
    ]


async def _release_offers(session: AsyncSession, req: Request, *, now: datetime) -> int:
    """The offers of the request's open orders that quiet hours hold go now."""
    open_orders = await session.exec(
        select(Order).where(col(Order.request_id) == req.id, col(Order.status) == OrderStatus.OPEN)
    )
    released = 0
    for order in open_orders.all():
        released += await delivery.release_matter(
            session, matter=matter_of(order), kinds=_OFFER_KEYS, now=now
        )
    return released


async def _calm(
    session: AsyncSession, req: Request, *, actor_id: int, now: datetime
) -> tuple[list[Notice], int]:
    """Unmarked: what was queued about the request as urgent and is not sent yet no longer
    goes at once, day or night. An alert (🚨 请立即处理) becomes the ordinary card of a new
    request (not for whoever unmarked it: they have it open), and an offer to members loses
    its 🚨: cancelled, and queued again as they read now, so quiet hours hold them as they
    hold any; the rest (a reminder nobody answered, an urge, an escalation …) is held as it
    is. Returns the notices replacing those cancelled, and how many of the rest quiet hours
    now hold. A message the sender has begun sending goes."""
    assert req.id is not None
    alerted = {
        chat
        for chat, _kind in await delivery.withdraw_unsent(
            session,
            where=[
                col(Delivery.matter) == matter_of(req),
                col(Delivery.kind) == "order-notice-urgent",
            ],
            reason="no longer urgent",
        )
    }
    notices = (
        [
            n
            for n in await new_request_notices(session, req)
            if n.chat_id in alerted and n.chat_id != actor_id  # who unmarked it has it open
        ]
        if alerted
        else []
    )
    orders = list((await session.exec(select(Order).where(col(Order.request_id) == req.id))).all())
    for order in orders:
        if order.status != OrderStatus.OPEN:
            continue  # its offers were dropped when it was taken
        offered = await delivery.withdraw_unsent(
            session,
            where=[
                col(Delivery.matter) == matter_of(order, OrderStatus.OPEN),
                col(Delivery.kind).in_(_OFFER_KEYS),
                col(Delivery.urgent).is_(True),
                col(Delivery.edit_message_id).is_(None),
            ],
            reason="no longer urgent",
        )
        for key in _OFFER_KEYS:
            chats = {chat for chat, kind in offered if kind == key}
            if chats:
                notices += await offers_to(session, order, key=key, chat_ids=chats, now=now)
    # everything else about it: its own matter, its orders' and their claims', the alerts'
    # and urges' keys
    claim_ids: list[int | None] = []
    if orders:
        of_orders = col(Claim.order_id).in_([o.id for o in orders])
        claim_ids = list((await session.exec(select(Claim.id).where(of_orders))).all())
    about = [
        col(Delivery.matter).like(f"request:{req.id}:%"),
        col(Delivery.dedupe_key).like(f"request-{req.id}-%"),
        col(Delivery.dedupe_key).like(f"urge-{req.id}-%"),
        *(col(Delivery.matter).like(f"order:{o.id}:%") for o in orders),
        *(col(Delivery.matter).like(f"claim:{cid}:%") for cid in claim_ids),
    ]
    held = await delivery.calm(
        session, where=[or_(*about)], community_id=req.community_id, now=now
    )
    return notices, held


# The soonest a follow-up re-timed by a change of urgency falls due: the one who changed it is
# looking at the matter now, and a reminder at once about it would only be noise.
RETIME_AT_LEAST = timedelta(hours=2)
# When staff are reminded that nobody answered a request (services.requests files it so).
UNANSWERED_AFTER = {True: timedelta(hours=2), False: timedelta(hours=24)}


def _utc(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


async def _retime_follow_ups(session: AsyncSession, req: Request, *, now: datetime) -> None:
    """The follow-ups whose time depends on urgency, still waiting, go by the new urgency:
    'nobody answered' 2 h after filing when urgent (24 h when not), a transfer's follow-up
    12 h after it (3 days when not) — never sooner than RETIME_AT_LEAST from now. Before, a
    request marked urgent kept the times it was given as an ordinary one."""
    soonest = now + RETIME_AT_LEAST
    for job in await jobs.pending_jobs(session, key=f"request-{req.id}-response"):
        due = _utc(req.created_at) + UNANSWERED_AFTER[req.urgent]
        job.due_at = max(due if req.urgent else in_office_hours(due), soonest)
        session.add(job)
    after = {True: TRANSFER_FOLLOW_UP_URGENT, False: TRANSFER_FOLLOW_UP_AFTER}
    for job in await jobs.pending_jobs(session, key=f"request-{req.id}-transfer"):
        # as it was timed (an ordinary one's moved into office hours: about then)
        transferred = _utc(job.due_at) - after[not req.urgent]
        job.due_at = max(transfer_follow_up_at(req, now=transferred), soonest)
        session.add(job)
