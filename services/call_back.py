"""📞 已回电: staff who called back a resident who asked for it (📞 请社区回电, handlers.call_back)
record what came of the call. Settled on the phone: the matter is closed as handled directly,
with their note, and the resident is told so kindly. A real matter: its words and category are
set as staff heard them, and it stays in the queue to be triaged as any request. Either way the
ledger keeps the call (`CALLED_BACK`, with the note). Before, staff had to take such a matter
on with 直接办理 and then write a result for a call they had already made."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import Role, User
from models.orders import LedgerEvent, Request, RequestStatus
from services import orders as order_service
from services import staff_urgency
from services.errors import Conflict
from services.order_common import (
    commit_with,
    followers,
    get_request,
    move,
    note_event,
    require_staff,
)
from services.orders import Outcome
from services.requests import CALL_BACK_ASKED, MAX_TEXT
from services.validation import TYPED_MAX, clean_text

CALLED_BACK = "called_back"  # the ledger's action (order-action-called_back)
# closed as settled on the phone although staff's note read urgent, confirmed by them: kept in
# the ledger with triage's reasons, for whoever reviews the hotline's closures
SETTLED_URGENT = "call_settled_urgent"
REWORDED = "call_back_words"  # the words staff set after the call; the note keeps the old ones


async def awaits_call(session: AsyncSession, *, req: Request) -> bool:
    """Whether the matter was asked as a call-back and nobody has recorded the call yet (and
    it is still new: once triaged, the call was made or is part of the handling)."""
    if req.id is None or req.status != RequestStatus.NEW:
        return False
    rows = await session.exec(
        select(LedgerEvent.action).where(
            col(LedgerEvent.request_id) == req.id,
            col(LedgerEvent.action).in_((CALL_BACK_ASKED, CALLED_BACK)),
        )
    )
    actions = set(rows.all())
    return CALL_BACK_ASKED in actions and CALLED_BACK not in actions


async def _call_back_request(
    session: AsyncSession, *, user: User, roles: Collection[Role], request_id: int, action: str
) -> Request:
    """The call-back matter, for staff of its community (others refused and logged); one no
    longer awaiting its call (recorded by a colleague, triaged) is Conflict."""
    req = await get_request(session, request_id)
    await require_staff(session, user=user, roles=roles, request=req, action=action)
    if not await awaits_call(session, req=req):
        raise Conflict("order-err-changed")
    return req


async def check(
    session: AsyncSession, *, user: User, roles: Collection[Role], request_id: int
) -> Request:
    """The matter 📞 已回电 was tapped on, when it still awaits its call (else Conflict)."""
    return await _call_back_request(
        session, user=user, roles=roles, request_id=request_id, action="called_back"
    )


def _note_call(
    session: AsyncSession, req: Request, *, user: User, note: str, now: datetime
) -> None:
    assert req.id is not None
    note_event(
        session,
        request_id=req.id,
        subject="request",
        subject_id=req.id,
        action=CALLED_BACK,
        actor_id=user.id,
        now=now,
        state=req.status,
        note=note,
    )


async def settled_on_phone(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    request_id: int,
    note: str | None,
    now: datetime,
    urgent_reasons: Sequence[str] = (),
) -> Outcome:
    """Settled on the phone: the call kept in the ledger, the matter handled directly by this
    staff member with the note as its result and closed (no rating asked: the resident said
    it on the phone); the resident is told so. `urgent_reasons`: the note read urgent and
    staff confirmed the closing anyway — the ledger says so, with the reasons."""
    req = await _call_back_request(
        session, user=user, roles=roles, request_id=request_id, action="call_settled"
    )
    said = clean_text(note, max_len=TYPED_MAX) if note else ""
    _note_call(session, req, user=user, note=said, now=now)
    if urgent_reasons:
        assert req.id is not None
        note_event(
            session,
            request_id=req.id,
            subject="request",
            subject_id=req.id,
            action=SETTLED_URGENT,
            actor_id=user.id,
            now=now,
            state=req.status,
            note=",".join(urgent_reasons),
        )
    await order_service.take_on(session, req, user=user, now=now)
    await move(
        session,
        req,
        to=RequestStatus.DONE,
        actor_id=user.id,
        action="result",
        now=now,
        note=said,
        values={"resolved_at": now, "result_note": said or None},
    )
    await move(
        session,
        req,
        to=RequestStatus.CLOSED,
        actor_id=user.id,
        action="close",
        now=now,
        note=said,
        values={"closed_at": now},
    )
    notices = order_service.resident_notices(
        await followers(session, request=req), "order-notice-called-back-settled", req
    )
    queued = await commit_with(session, notices)
    return Outcome(notices=notices, request=req, queued=queued)


async def kept_as_matter(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    request_id: int,
    note: str | None,
    text: str | None,
    code: str,
    now: datetime,
    urgent_reasons: Sequence[str] = (),
) -> Outcome:
    """A real matter: the call kept in the ledger, the words (`text`; None keeps them) and the
    category set as staff heard them (the words before are kept in the ledger); it stays new,
    in the queue, to be triaged as any request. The resident is told it was noted. What staff
    heard urgent (`urgent_reasons`: triage's reasons for the note or the words) makes it an
    urgent request, the grid's staff alerted at once as for one filed urgent (before: the
    matter stayed as ordinary as the resident's 'please call me')."""
    req = await _call_back_request(
        session, user=user, roles=roles, request_id=request_id, action="call_matter"
    )
    assert req.id is not None
    said = clean_text(note, max_len=TYPED_MAX) if note else ""
    _note_call(session, req, user=user, note=said, now=now)
    words = clean_text(text, max_len=MAX_TEXT) if text else ""
    if words and words != req.text:
        note_event(
            session,
            request_id=req.id,
            subject="request",
            subject_id=req.id,
            action=REWORDED,
            actor_id=user.id,
            now=now,
            state=req.status,
            note=req.text,
        )
        req.text, req.updated_at = words, now
        session.add(req)
    # the category last: its correction teaches triage with the words as they now are
    await order_service.change_category(
        session, user=user, roles=roles, request_id=req.id, code=code, now=now
    )
    notices = order_service.resident_notices(
        await followers(session, request=req), "order-notice-called-back-matter", req
    )
    if urgent_reasons:
        notices += await staff_urgency.found_urgent(
            session, req, reasons=urgent_reasons, actor_id=user.id, now=now
        )
    queued = await commit_with(session, notices)
    return Outcome(notices=notices, request=req, queued=queued)
