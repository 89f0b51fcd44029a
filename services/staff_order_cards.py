"""Staff members' cards of an order (✖️ 撤销工单, 🔁 改派, ✅ 验收通过 …), kept true when a
member, a colleague or a scheduled job changes the order.

A staff member opens an order's card from 🔎 查看工单 (on the request's card, a notice), or by
typing its number. That card is remembered, as a member's is (models.orders.OrderCard, whose
`member_id` is then the staff member's id: one card per person and order, the latest shown —
a card opened again replaces the older one, which the handler takes away).

Whenever the order or its request changes — claimed, given back, moved to another member by
改派, reported done, verified or sent back, cancelled — every remembered staff card of it that
would now read differently is redrawn, in its reader's language and with the tools the order
now offers, through the outbox. It rides on the hook of the staff cards of requests
(services.request_cards.watch: the requests an action's flush touched, in the commit that
changes them, a scheduled job's included). The card is drawn by the handler layer (`Drawer`),
as the handlers draw it; this module knows nothing of Telegram. The message a handler draws
itself (the card tapped: see `drawn_here`) is left to it.

Two paths may work out the same redraw at once (a colleague's action and the handler drawing
the card tapped, two actions, a job): a card is redrawn only by the one that finds it still
remembered to read what it read (`shown`) and not yet what it would now (order_cards.take, the
compare-and-set members' cards have), so the same edit is never queued twice (Telegram refuses
the second as 'message is not modified'), and a redraw worked out before a colleague's change
committed does not draw the older card over the newer one that change queued.

Before, a colleague's older card went on reading 待接单 with ✖️ 撤销工单 after a member claimed
the order, a colleague cancelled it or it was done, until its stale button was tapped.
"""

from __future__ import annotations

from collections.abc import Awaitable, Iterable
from typing import Any, Protocol

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import Role, User
from models.orders import Order, OrderCard
from services import order_cards
from services.order_common import Notice
from services.order_notices import STAFF_CARD_DRAWN

REDRAW_KEY = "order-staff-card-redraw"  # the outbox's kind of a card's redraw
STAFF_ROLES = frozenset({Role.STAFF, Role.ADMIN})

_DRAWN_HERE = "linli.order-cards-drawn-here"  # session.info: (chat, message) the handler draws


class Drawer(Protocol):
    """Draws an order's staff card as `reader` reads it: (text, inline keyboard as the outbox
    stores it), or None when they are not (or no longer) staff of the order."""

    def __call__(
        self, session: AsyncSession, *, order: Order, reader: User
    ) -> Awaitable[tuple[str, dict[str, Any] | None] | None]: ...


def drawn_here(session: AsyncSession, *, chat_id: int, message_id: int) -> None:
    """The update's handler draws this message itself (the card tapped, or the one a typed
    step began from): the session's actions leave it to the handler."""
    session.info.setdefault(_DRAWN_HERE, set()).add((chat_id, message_id))


async def card_redraws(
    session: AsyncSession, *, request_ids: Iterable[int], draw: Drawer
) -> list[Notice]:
    """Every remembered staff card of the orders of these requests that would now read
    differently (but those the handler draws: `drawn_here`), redrawn as the order now is for
    its reader: edits for the outbox, in the caller's transaction. A card is taken only if it
    is still remembered to read what it did when read here, and not so by now (another path
    queued or drew the same, or a newer one)."""
    ids = sorted(set(request_ids))
    if not ids:
        return []
    rows = (
        await session.exec(
            select(OrderCard, Order)
            .join(Order, col(Order.id) == col(OrderCard.order_id))
            .where(col(Order.request_id).in_(ids))
            .order_by(col(OrderCard.id))
        )
    ).all()
    here: set[tuple[int, int]] = session.info.get(_DRAWN_HERE, set())
    notices = []
    for card, order in rows:
        if (card.member_id, card.message_id) in here:
            continue
        reader = await session.get(User, card.member_id)
        if reader is None or not STAFF_ROLES & reader.role_set:
            continue  # a member's card (services.order_cards redraws it)
        drawn = await draw(session, order=order, reader=reader)
        if drawn is None:
            continue
        text, markup = drawn
        shown = order_cards.drawn_digest(text, markup)
        if shown == card.shown:
            continue
        if not await order_cards.take(session, card_id=card.id, shown=shown, read=card.shown):
            continue  # another path queued or drew the same, or a newer card
        await order_cards.cancel_queued(
            session, chat_id=card.member_id, message_ids=[card.message_id]
        )
        notices.append(
            Notice(
                chat_id=reader.id,
                key=REDRAW_KEY,
                args={"body": text, "markup": markup},
                kind=STAFF_CARD_DRAWN,
                ref_id=order.id,
                urgent=True,  # an edit wakes nobody
                community_id=order.community_id,
                recipient=reader,
                edit_message_id=card.message_id,
            )
        )
    return notices


async def remembered(
    session: AsyncSession, *, order_id: int, staff_id: int, message_id: int
) -> str | None:
    """What this message, if it is the staff member's remembered card of the order, is
    remembered to read: read by a handler before it reads the order (for `to_draw`)."""
    stmt = select(OrderCard.shown).where(
        col(OrderCard.order_id) == order_id,
        col(OrderCard.member_id) == staff_id,
        col(OrderCard.message_id) == message_id,
    )
    return (await session.exec(stmt)).first()


async def to_draw(
    session: AsyncSession,
    *,
    order_id: int,
    staff_id: int,
    message_id: int,
    shown: str,
    read: str | None = None,
) -> bool:
    """A handler is about to draw this message as the order's card reading `shown`: True if
    it should (it is no remembered card, or one not yet drawn or queued reading so: it is
    remembered to read so from now on); False when it reads so already, or a redraw queued
    reading so is on its way (drawn again, Telegram would refuse it). With `read` (what the
    card was remembered to read before the handler read the order: `remembered`), False too
    when another path redrew it since (a colleague's change committed meanwhile queued the
    newer card: the handler's, worked out before, would draw the older one, or edit twice).
    Commits."""
    stmt = select(OrderCard.id).where(
        col(OrderCard.order_id) == order_id,
        col(OrderCard.member_id) == staff_id,
        col(OrderCard.message_id) == message_id,
    )
    card_id = (await session.exec(stmt)).first()
    fresh = card_id is None or await order_cards.take(
        session, card_id=card_id, shown=shown, read=read
    )
    await session.commit()
    return fresh


async def remember(
    session: AsyncSession,
    *,
    order_id: int,
    staff_id: int,
    message_id: int,
    shown: str,
    adopt: bool = True,
) -> int | None:
    """A staff member was shown the order's card (reading `shown`) in this message. With
    `adopt` (a card opened) it is their card of the order from now on, in place of the one
    before, whose message id is returned for the caller to take away (None: there was none,
    or it is this one); without (a message drawn as the order's card, e.g. a stale list) it is
    known to read so if it is their card, and becomes it if none is known. Commits."""
    return await order_cards.remember_shown(
        session,
        order_id=order_id,
        person_id=staff_id,
        message_id=message_id,
        shown=shown,
        adopt=adopt,
        offers=False,
    )
