"""What members have on their screens of an order kept true after any change of its matter.

Every change of a request or an order is recorded in the ledger (models.orders.LedgerEvent:
a transition by `order_common.move`, anything else by `note_event` / `note_move`: 📍 改地点,
补充信息, a category or urgency changed …). That is the one place this hooks into: the requests
whose ledger rows a session commits are noted (`watch`), and `redraw_changed`, run once the
update's handler is done, redraws for each of their orders

- every member's card of it (services.order_cards.card_redraws: only those that would now read
  differently; the services redraw them already on a transition, in its own commit), and
- every offer of it (services.orders.offer_redraws: ✋ 接单 while it can be claimed, else why
  not in one line), and
- every member's 🛠 可接工单 list showing it (services.open_lists: its line says what the order
  now is for that member, ✋ 接 only while they can claim it).

Before, a member's card was redrawn on transitions only (a place corrected, information the
resident added, left it as it was), and an offer only once its order filled.

A scheduled job (services.order_jobs: a matter closed unrated, a transfer's follow-up moved on,
an order re-offered or overdue …) changes matters with no update around it: `watch_job` makes
its session redraw, in the commit that changes them (services.order_common.commit_with), the
staff cards of the requests it touched (services.request_cards, drawn as the handlers draw
them) and the members' cards and offers of their orders, as an update's change does. Before,
a card kept reading as before the job (待评价 with its buttons after the close) until tapped.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session as SyncSession
from sqlalchemy.orm import SessionTransaction
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.orders import LedgerEvent, Order, Request
from services import open_lists, order_cards, request_cards, staff_order_cards
from services.order_common import (
    ORDER_CARDS,
    Notice,
    NoticeSink,
    clock_now,
    commit_with,
    use_clock,
    use_outbox,
)

_WATCH = "linli.redraw-watch"  # session.info: this session's changes are redrawn
_FLUSHED = "linli.redraw-flushed"  # requests with ledger rows in the open transaction
_CHANGED = "linli.redraw-changed"  # requests with ledger rows committed, not redrawn yet
_BORN = "linli.redraw-born"  # requests inserted by the open transaction: no order, no card yet
_listening = False


def watch(session: AsyncSession) -> None:
    """Note the requests whose ledger rows this session commits, for `redraw_changed`."""
    global _listening
    if not _listening:  # once per process, for every session: one dict lookup per event
        event.listen(SyncSession, "after_flush", _note_flushed)
        event.listen(SyncSession, "after_commit", _note_committed)
        event.listen(SyncSession, "after_transaction_end", _forget_flushed)
        _listening = True
    session.info[_WATCH] = True


def _note_flushed(session: SyncSession, _flush: Any) -> None:
    if _WATCH in session.info:
        born = {obj.id for obj in session.new if isinstance(obj, Request)}
        if born:
            session.info.setdefault(_BORN, set()).update(born)
        ids = {obj.request_id for obj in session.new if isinstance(obj, LedgerEvent)}
        if ids:
            session.info.setdefault(_FLUSHED, set()).update(ids)


def _note_committed(session: SyncSession) -> None:
    ids = session.info.pop(_FLUSHED, None)
    # a request filed in this commit has no member card or offer to redraw (its orders, if
    # any were issued at once, were drawn as they are): its ledger row asks for no query
    born = session.info.pop(_BORN, None) or set()
    if ids and (ids := ids - born):
        session.info.setdefault(_CHANGED, set()).update(ids)


def _forget_flushed(session: SyncSession, transaction: SessionTransaction) -> None:
    # the outermost transaction ended: committed (noted already) or rolled back (nothing)
    if transaction.parent is None:
        session.info.pop(_FLUSHED, None)
        session.info.pop(_BORN, None)


def touch(session: AsyncSession, *, request_ids: set[int]) -> None:
    """What members' cards show of these requests changed with no ledger row to say so (their
    resident deleted their data: the contact on a claimant's card): the session's commit has
    them redrawn too, where the session is watched."""
    if request_ids and _WATCH in session.info:
        session.info.setdefault(_FLUSHED, set()).update(request_ids)


def changed(session: AsyncSession) -> bool:
    """Whether the session committed changes whose redraws are still to be made (the
    members' cards and offers of their orders, or staff cards: services.request_cards)."""
    return bool(session.info.get(_CHANGED)) or request_cards.pending(session)


async def redraw_changed(session: AsyncSession) -> list[Notice]:
    """The cards and offers of the orders of every request changed in the session's commits,
    redrawn as the orders now are (queued in the session's outbox in one commit; with none,
    returned for the caller to queue)."""
    ids = session.info.pop(_CHANGED, None)
    if not ids and not request_cards.pending(session):
        return []
    # with the staff cards of the requests it changed and committed without redrawing them
    # (services.request_cards.watch: a plain commit, as /forget's or a member paused)
    notices = await _redraws_of(session, ids) if ids else []
    queued = await commit_with(session, notices)
    session.info.pop(_CHANGED, None)  # the redraws' own commit wrote no ledger row
    return [] if queued else notices


async def _redraws_of(session: AsyncSession, request_ids: set[int]) -> list[Notice]:
    """Every member's card and offer of the orders of these requests that would now read
    differently, redrawn as the orders are (edits for the outbox, not committed)."""
    orders = (
        await session.exec(
            select(Order)
            .where(col(Order.request_id).in_(sorted(request_ids)))
            .order_by(col(Order.id))
        )
    ).all()
    notices: list[Notice] = []
    from services.orders import offer_redraws  # orders import order_cards, not this

    for order in orders:
        notices += await order_cards.card_redraws(session, order=order)
        notices += await offer_redraws(session, order)
        notices += await open_lists.list_redraws(session, order=order, now=clock_now(session))
    return notices


def watch_job(
    session: AsyncSession,
    *,
    sink: NoticeSink,
    staff_cards: request_cards.Drawer | None,
    staff_orders: staff_order_cards.Drawer | None = None,
    now: datetime | None = None,
) -> None:
    """A scheduled job's session: its notices go to `sink` (the outbox, in its transaction),
    and each of its commits through services.order_common.commit_with carries the redraws of
    what it changed of a matter: every staff card of the request (drawn by `staff_cards`;
    None: not redrawn, as in a process that cannot draw them) and of its orders (drawn by
    `staff_orders`), and every member's card and offer of its orders. The job has no actor
    whose own card is left out."""
    use_outbox(session, sink)
    if now is not None:  # the job's time: what its redraws read (a member's pause) is read then
        use_clock(session, lambda: now)
    if staff_cards is not None:
        request_cards.watch(session, draw=staff_cards, actor_id=None, orders=staff_orders)
    watch(session)

    async def members() -> list[Notice]:
        await session.flush()  # the job's ledger rows, noted
        ids: set[int] = set()
        for key in (_FLUSHED, _CHANGED):  # this transaction's, and any committed before
            ids |= session.info.pop(key, None) or set()
        return await _redraws_of(session, ids) if ids else []

    session.info[ORDER_CARDS] = members
