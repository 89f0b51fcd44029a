"""A resident's complaint about a member who served them, or about the service ('我要投诉刘
师傅，来了就走，根本没修好', '那个志愿者态度很差'): passed on to the staff of the matter that
member served on and kept in its ledger, never to the member. A complaint naming no member of
theirs goes to the staff of the resident's own grid. Before, it was offered to be filed as a
new matter."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import MemberProfile, User
from models.orders import Claim, ClaimStatus, LedgerEvent, Order, Request, RequestStatus
from services.order_common import Notice, commit_with, note_event
from services.praise import WORDS_MAX, praised, staff_notices

COMPLAINT_ACTION = "complaint"  # the ledger's action (order-action-complaint)


@dataclass(frozen=True)
class Complained:
    """What a complaint is about: the member and the resident's matter they served on (None:
    the words name no member of theirs; the grid's staff are told), and whether that matter
    awaits the resident's score (then 不满意 is offered beside it)."""

    member_id: int | None = None
    name: str = ""
    request_id: int | None = None
    number: str = ""
    awaits_rating: bool = False


async def complained_of(
    session: AsyncSession, *, user: User, text: str, now: datetime
) -> Complained:
    """The member and matter the words complain about, found as a praise's are: the member
    named among those who served on the resident's matters lately, or the only one when the
    words name nobody; else nobody."""
    found = await praised(session, user=user, text=text, now=now)
    if found.member_id is None or found.request_id is None:
        return Complained()
    req = await session.get(Request, found.request_id)
    return Complained(
        member_id=found.member_id,
        name=found.name,
        request_id=found.request_id,
        number=found.number,
        awaits_rating=req is not None and req.status == RequestStatus.DONE,
    )


async def about_matter(
    session: AsyncSession, *, user: User, request_id: int, text: str, now: datetime
) -> Complained:
    """A complaint said with the score of one matter ('一星，师傅来了就走'): about that matter,
    and the member named (or who served on it; else the staff who handled it themselves)."""
    found = await complained_of(session, user=user, text=text, now=now)
    if found.request_id == request_id:
        return found
    req = await session.get(Request, request_id)
    assert req is not None
    served = await session.exec(
        select(MemberProfile)
        .join(Claim, col(Claim.member_id) == col(MemberProfile.user_id))
        .join(Order, col(Order.id) == col(Claim.order_id))
        .where(
            col(Order.request_id) == request_id,
            col(Claim.status).in_((ClaimStatus.ACTIVE, ClaimStatus.DONE)),
        )
        .order_by(col(Claim.claimed_at).desc())
    )
    profile = served.first()
    name = profile.display_name if profile is not None else None
    if name is None:
        handled = await session.exec(
            select(User)
            .join(LedgerEvent, col(LedgerEvent.actor_id) == col(User.id))
            .where(col(LedgerEvent.request_id) == request_id, col(LedgerEvent.action) == "handle")
            .order_by(col(LedgerEvent.id).desc())
        )
        staff = handled.first()
        name = staff.display_name if staff is not None else None
    return Complained(name=name or "-", request_id=request_id, number=req.number)


async def pass_on(
    session: AsyncSession,
    *,
    user: User,
    complaint: Complained,
    words: str,
    now: datetime,
    tell_staff: bool = True,
) -> list[Notice]:
    """The complaint sent to the matter's staff (kept in its ledger), or, naming nobody of
    theirs, to the staff of the resident's grid; never to the member. Committed with its
    notices when the session has an outbox (then nothing is returned to queue); else the
    notices to queue. Without `tell_staff`, only kept in the ledger: the staff were told the
    words already (a 不满意 reopening the matter with them)."""
    said = words.strip()[:WORDS_MAX]
    req = await session.get(Request, complaint.request_id) if complaint.request_id else None
    if req is not None and req.id is not None:
        note_event(
            session,
            request_id=req.id,
            subject="request",
            subject_id=req.id,
            action=COMPLAINT_ACTION,
            actor_id=user.id,
            now=now,
            state=req.status,
            note=f"{complaint.name}: {said}",
        )
    told = tell_staff or req is None
    args = {"name": complaint.name, "resident": user.display_name, "text": said}
    key = "complaint-notice-staff"
    notices = await staff_notices(session, user=user, req=req, key=key, args=args) if told else []
    queued = await commit_with(session, notices)
    return [] if queued else notices
