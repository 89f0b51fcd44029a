"""💬 告诉社区: a member holding an order tells the community how it goes ('敲门没人在家',
'需要换零件，明天再来', '居民说不用修了'). The order stays as it is; the ledger keeps the note,
and the staff who get the order's notices are told."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import Role, User
from models.orders import Claim, ClaimStatus, Order, OrderStatus
from services.errors import Conflict, InvalidInput
from services.order_common import (
    Notice,
    OrderTitle,
    approved_member,
    commit_with,
    get_order,
    matter_grid,
    note_event,
    refuse,
    staff_ids,
)
from services.orders import Outcome
from services.validation import TYPED_MAX, clean_text

NOTE_ACTION = "member_note"  # the ledger's action (order-action-member_note)
MAX_NOTE = TYPED_MAX  # characters: what one message carries, as a release's reason
OPEN = (OrderStatus.OPEN, OrderStatus.CLAIMED)


async def require_note_taker(
    session: AsyncSession, *, user: User, roles: Collection[Role], order_id: int
) -> Order:
    """The order, when the user holds an active claim on it and it is still being worked on.

    Someone who never claimed it is refused (and logged: a forged button); a claimant whose
    claim ended or whose order moved on (reported done, verified, cancelled) gets Conflict
    saying so (a stale button, not a forged one)."""
    profile = await approved_member(session, user=user, roles=roles)
    if profile is None:
        await refuse(session, user=user, action=NOTE_ACTION, subject="order", sid=order_id)
    order = await get_order(session, order_id)
    rows = await session.exec(
        select(Claim.status)
        .where(col(Claim.order_id) == order_id)
        .where(col(Claim.member_id) == user.id)
    )
    held = set(rows.all())
    if not held:
        await refuse(
            session, user=user, action=f"{NOTE_ACTION}_not_own", subject="order", sid=order_id
        )
    if order.status not in OPEN:
        raise Conflict("order-note-closed", number=order.number, status=str(order.status))
    if ClaimStatus.ACTIVE not in held:  # given back, or moved to someone else by staff
        raise Conflict("order-note-closed", number=order.number, status="not-yours")
    return order


async def tell_community(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    order_id: int,
    text: str,
    now: datetime,
) -> Outcome:
    """What the member says about their order reaches its staff (with its 查看工单); the
    ledger keeps it beside the order's state changes. Nothing else changes."""
    order = await require_note_taker(session, user=user, roles=roles, order_id=order_id)
    note = clean_text(text, max_len=MAX_NOTE)
    if not any(ch.isalnum() for ch in note):
        # '👍' or '。。。' tells staff nothing
        raise InvalidInput("order-err-note-words")
    assert order.id is not None
    note_event(
        session,
        request_id=order.request_id,
        subject="order",
        subject_id=order.id,
        action=NOTE_ACTION,
        actor_id=user.id,
        now=now,
        state=order.status,
        note=note,
    )
    profile = await approved_member(session, user=user, roles=roles)
    name = profile.display_name if profile and profile.real_name else user.display_name
    notices = [
        Notice(
            chat_id=sid,
            key="order-notice-member-note",
            args={"number": order.number, "title": OrderTitle(order), "name": name, "note": note},
            kind="staff-order",
            ref_id=order.id,
            community_id=order.community_id,
        )
        for sid in await staff_ids(
            session, community_id=order.community_id, grid_id=await matter_grid(session, order)
        )
    ]
    queued = await commit_with(session, notices)
    return Outcome(notices=notices, order=order, queued=queued)
