"""Staff members' cards of a request, kept true when a colleague (or the resident) acts.

A request's notice and card go to several staff (the community's, the grid's). Each staff
member's card of a request (opened from 📄 查看诉求, 📋 待办诉求 or another list, /find, or its
number typed) is remembered (models.orders.RequestCard): one per staff member and request, the
latest shown — a card opened again replaces the older one, which the handler takes away.

Whenever a request changes — its state (派单, 直接办理, 转办, 合并, 不受理, 结案 …) or what its
card shows (category, place, urgency, a transfer's progress, a rating, an attachment) — every
remembered card of it that would now read differently is redrawn, in its reader's language and
with the buttons the request now offers, through the outbox (edits respect per-chat limits).
There is one hook for it, not a call per action: `watch` notes every request a flush of the
session touches (its row, or a row naming it: a ledger event, a transfer, a rating …), and
services.order_common.commit_with, where actions commit their notices with their change, asks
`redraws` for the cards of those requests. The card is drawn by the handler layer (`Drawer`),
as the handlers draw it; this module knows nothing of Telegram. The actor's own card is left to
the handler, which draws the one tapped. A scheduled job's session is watched the same way,
without an actor (services.order_redraws.watch_job): a matter the scheduler closes, or whose
transfer follow-up it moves on (`touch`), has every card of it redrawn. Every update's session
is watched (bot.middlewares.OutboxMiddleware), whichever router its handler is in; what a
handler commits without commit_with (/forget, a member paused from 🧾 报到审核) is redrawn once
the handler is done (`pending`, services.order_redraws.redraw_changed). Before, only the order
cycle's routers watched theirs: those changes left the staff cards as they were until tapped.

Before, another staff member's card kept reading 待受理 with all its buttons until tapped.
"""

from __future__ import annotations

from collections.abc import Awaitable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import delete, event, or_, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import User
from models.base import utcnow
from models.orders import LedgerEvent, Request, RequestCard
from models.scheduling import Delivery, DeliveryState
from services import delivery as outbox
from services import order_cards, staff_order_cards
from services.order_common import REQUEST_CARDS, Notice
from services.order_notices import STAFF_CARD_DRAWN

REDRAW_KEY = "request-card-redraw"  # the outbox's kind of a card's redraw
DRAWN = STAFF_CARD_DRAWN  # a notice whose text and buttons are drawn already

_TOUCHED = "linli.requests-touched"  # session.info: ids of requests a flush changed
_BORN = "linli.requests-born"  # session.info: ids of requests this session inserted
_ACTOR = "linli.requests-actor"  # session.info: whose own cards the handler draws
_UNDRAWN = "linli.requests-undrawn"  # session.info: a commit changed requests, not redrawn
_listening = False


class Drawer(Protocol):
    """Draws a request's staff card as `reader` reads it: (text, inline keyboard as the outbox
    stores it), or None when the request is no longer theirs to act on."""

    def __call__(
        self, session: AsyncSession, *, request: Request, reader: User
    ) -> Awaitable[tuple[str, dict[str, Any] | None] | None]: ...


def shown_digest(text: str, markup: dict[str, Any] | None) -> str:
    """What a card shows (its words and buttons), in a few characters, to tell a change."""
    return order_cards.drawn_digest(text, markup)


def drawn_notice(
    *, reader: User, request: Request, message_id: int, text: str, markup: dict[str, Any] | None
) -> Notice:
    """The outbox's redraw of a card already drawn in its reader's language."""
    return Notice(
        chat_id=reader.id,
        key=REDRAW_KEY,
        args={"body": text, "markup": markup},
        kind=DRAWN,
        ref_id=request.id,
        urgent=True,  # an edit wakes nobody
        community_id=request.community_id,
        recipient=reader,
        edit_message_id=message_id,
    )


def _touched_ids(objects: Iterable[object]) -> set[int]:
    """The requests these changed rows are, or name (a card row aside: it is this module's)."""
    ids = set()
    for obj in objects:
        if isinstance(obj, RequestCard):
            continue
        if isinstance(obj, Request):
            if obj.id is not None:  # a request just filed has no card yet
                ids.add(obj.id)
            continue
        request_id = getattr(obj, "request_id", None)
        if isinstance(request_id, int):
            ids.add(request_id)
    return ids


def watch(
    session: AsyncSession,
    *,
    draw: Drawer,
    actor_id: int | None = None,
    orders: staff_order_cards.Drawer | None = None,
) -> None:
    """From now on, the session's actions (services.order_common.commit_with) redraw the
    staff cards of every request they changed, drawn by `draw`, the actor's own aside (none
    for a scheduled job's: services.order_redraws.watch_job, nor for an update whose handler
    draws no card: see `actor_draws`); with `orders`, the staff cards of those requests'
    orders too (services.staff_order_cards: every copy, but the message the handler draws
    itself). What the session commits otherwise (a plain commit: /forget, a member paused …)
    is `pending` until its next such commit (an update's last one: services.order_redraws.
    redraw_changed, once its handler is done)."""
    _listen()
    touched: set[int] = session.info.setdefault(_TOUCHED, set())
    born: set[int] = session.info.setdefault(_BORN, set())
    if actor_id is not None:
        session.info[_ACTOR] = actor_id

    async def redraws() -> list[Notice]:
        await session.flush()  # what the action changed, noted
        # a request filed in this session has no card remembered yet (cards are remembered
        # once the outbox sent them, in a session of their own): nothing to look up
        ids = sorted(touched - born)
        touched.clear()
        session.info.pop(_UNDRAWN, None)
        but = session.info.get(_ACTOR)
        notices = await card_redraws(session, request_ids=ids, draw=draw, but=but)
        if orders is not None and ids:
            notices += await staff_order_cards.card_redraws(session, request_ids=ids, draw=orders)
        return notices

    session.info[REQUEST_CARDS] = redraws


def actor_draws(session: AsyncSession, *, actor_id: int) -> None:
    """The update's handler draws the acting staff member's card of the request it acts on
    (the order cycle's: the card tapped): the session's redraws leave their cards to it."""
    session.info[_ACTOR] = actor_id


def _listen() -> None:
    """The flush hooks, once per process for every session (a watched one has `_TOUCHED`)."""
    global _listening
    if not _listening:
        event.listen(Session, "before_flush", _collect)
        event.listen(Session, "after_flush", _note_born)
        event.listen(Session, "after_commit", _note_committed)
        _listening = True


def _collect(sync: Session, _context: object, _instances: object) -> None:
    touched = sync.info.get(_TOUCHED)
    if touched is not None:
        touched.update(_touched_ids([*sync.new, *sync.dirty, *sync.deleted]))


def _note_born(sync: Session, _context: object) -> None:
    born = sync.info.get(_BORN)
    if born is not None:
        born.update(obj.id for obj in sync.new if isinstance(obj, Request) and obj.id is not None)


def _note_committed(sync: Session) -> None:
    touched = sync.info.get(_TOUCHED)
    if touched and touched - sync.info.get(_BORN, set()):
        sync.info[_UNDRAWN] = True


def pending(session: AsyncSession) -> bool:
    """Whether the watched session committed changes of requests whose staff cards were not
    redrawn with them (committed without services.order_common.commit_with). No query."""
    return REQUEST_CARDS in session.info and bool(session.info.get(_UNDRAWN))


def touch(session: AsyncSession, *, request_id: int) -> None:
    """The request's cards show something it changed that no row naming it records (a
    transfer's follow-up moved on by the scheduler): the session's next action commit
    (services.order_common.commit_with) redraws them too, where the session is watched."""
    if session.info.get(REQUEST_CARDS) is not None:
        session.info.setdefault(_TOUCHED, set()).add(request_id)


async def card_redraws(
    session: AsyncSession,
    *,
    request_ids: Iterable[int],
    draw: Drawer,
    but: int | None = None,
) -> list[Notice]:
    """Every remembered card of these requests (but `but`'s: the actor's, drawn by the
    handler) that would now read differently, redrawn as the request now is for its reader:
    edits for the outbox (in the caller's transaction), ahead of the notices explaining the
    change. A card of someone who may no longer act on the request is left."""
    ids = list(request_ids)
    if not ids:
        return []
    rows = (
        await session.exec(
            select(RequestCard)
            .where(col(RequestCard.request_id).in_(ids))
            .order_by(col(RequestCard.id))
        )
    ).all()
    notices = []
    for row in rows:
        if row.staff_id == but:
            continue
        req = await session.get(Request, row.request_id)
        reader = await session.get(User, row.staff_id)
        if req is None or reader is None:
            continue
        drawn = await draw(session, request=req, reader=reader)
        if drawn is None:
            continue
        text, markup = drawn
        shown = shown_digest(text, markup)
        if shown == row.shown:
            continue
        # taken only if it is not remembered to read so by now: another path (a colleague's
        # action, a job, the handler drawing it) may have drawn it so since it was read above
        # (the same edit queued twice: Telegram refuses the second as 'not modified')
        taken = await session.exec(  # type: ignore[call-overload]
            update(RequestCard)
            .where(col(RequestCard.id) == row.id, col(RequestCard.shown) != shown)
            .values(shown=shown)
            .execution_options(synchronize_session=False)
        )
        if not taken.rowcount:
            continue
        await _cancel_queued(session, chat_id=row.staff_id, message_id=row.message_id)
        notices.append(
            drawn_notice(
                reader=reader, request=req, message_id=row.message_id, text=text, markup=markup
            )
        )
    return notices


async def _cancel_queued(session: AsyncSession, *, chat_id: int, message_id: int) -> None:
    """Redraws of this card still queued were worked out before: cancelled, in the caller's
    transaction."""
    await session.exec(  # type: ignore[call-overload]
        update(Delivery)
        .where(
            col(Delivery.chat_id) == chat_id,
            col(Delivery.edit_message_id) == message_id,
            outbox.not_yet_sent(),
        )
        .values(state=DeliveryState.CANCELLED, error="redrawn meanwhile")
        .execution_options(synchronize_session=False)
    )


async def remember(
    session: AsyncSession,
    *,
    request_id: int,
    staff_id: int,
    message_id: int,
    shown: str,
    adopt: bool = True,
) -> int | None:
    """A staff member was shown the request's card (reading `shown`, see `shown_digest`) in
    this message. With `adopt` (a card opened) it is their card of the request from now on,
    in place of the one before, whose message id is returned for the caller to take away
    (None: there was none, or it is this one); without (a card tapped and redrawn) it is
    known to read so if it is their card, and becomes it if none is known. Commits."""
    stmt = select(RequestCard).where(
        col(RequestCard.request_id) == request_id, col(RequestCard.staff_id) == staff_id
    )
    row = (await session.exec(stmt)).first()
    if row is not None and row.message_id != message_id and not adopt:
        await session.commit()
        return None
    older = row.message_id if row is not None and row.message_id != message_id else None
    if older is not None:
        await _cancel_queued(session, chat_id=staff_id, message_id=older)
    if row is None:
        row = RequestCard(request_id=request_id, staff_id=staff_id, message_id=message_id)
    row.message_id, row.shown, row.at = message_id, shown, utcnow()
    session.add(row)
    try:
        await session.commit()
    except IntegrityError:  # two cards of it shown at once (a double tap): the other stays
        await session.rollback()
        return None
    return older


async def reads(session: AsyncSession, *, staff_id: int, message_id: int, shown: str) -> bool:
    """True if this message is the staff member's card of a request and was last drawn (or
    queued to be redrawn) reading `shown`."""
    stmt = select(RequestCard.shown).where(
        col(RequestCard.staff_id) == staff_id, col(RequestCard.message_id) == message_id
    )
    return (await session.exec(stmt)).first() == shown


async def forget(session: AsyncSession, *, staff_id: int, message_id: int) -> None:
    """This message of the staff member's chat is no longer a card of a request (the order
    form was drawn over it): never redrawn as one again, its queued redraws cancelled.
    Commits."""
    await _cancel_queued(session, chat_id=staff_id, message_id=message_id)
    await session.exec(  # type: ignore[call-overload]
        delete(RequestCard).where(
            col(RequestCard.staff_id) == staff_id, col(RequestCard.message_id) == message_id
        )
    )
    await session.commit()


async def card_of(session: AsyncSession, *, request_id: int, staff_id: int) -> int | None:
    """The message of the staff member's card of the request, if one is remembered."""
    stmt = select(RequestCard.message_id).where(
        col(RequestCard.request_id) == request_id, col(RequestCard.staff_id) == staff_id
    )
    return (await session.exec(stmt)).first()


# ledger actions that only follow another one (services.orders): not what someone did
_FOLLOW_ON = frozenset({"order_full", "order_reopen_slot", "claim_done"})


@dataclass(frozen=True)
class Change:
    """The last thing done to a request (or one of its orders): what (a ledger action, as
    order-action-* names it), by whom (a name, "-" when unknown or forgotten), and when."""

    action: str
    actor: str
    at: datetime


async def last_change(session: AsyncSession, *, request_id: int) -> Change | None:
    """What last moved the request or one of its orders on (a state change in the ledger),
    to tell a staff member or member whose list or form came too late who did what, and when.
    What an action moves along with it (an order full or open again as a claim is made or
    ends, claims done as their order is verified) is not what was done: passed over."""
    rows = (
        await session.exec(
            select(LedgerEvent)
            .where(
                col(LedgerEvent.request_id) == request_id,
                col(LedgerEvent.to_state).is_not(None),
                or_(
                    col(LedgerEvent.from_state).is_(None),
                    col(LedgerEvent.from_state) != col(LedgerEvent.to_state),
                ),
            )
            .order_by(col(LedgerEvent.id).desc())
            .limit(8)
        )
    ).all()
    row = next((r for r in rows if r.action not in _FOLLOW_ON), rows[0] if rows else None)
    if row is None:
        return None
    actor = await session.get(User, row.actor_id) if row.actor_id is not None else None
    name = actor.display_name if actor is not None else ""
    return Change(action=row.action, actor=name or "-", at=row.at)
