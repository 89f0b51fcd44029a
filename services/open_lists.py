"""A member's 🛠 可接工单 list kept true after it was shown.

The list (a page of the open orders that fit the member, each with ✋ 接 and 详情) is drawn by
`draw` from `list_args`, in the reader's language: by the handler when the member opens it or
turns a page, and by the outbox when it is redrawn. Each line says what the order now is for its
reader: open (✋ 接 and 详情), its card opened below (详情 only: the card's ✋ 接单 is the one to
tap, one live ✋ 接单 per chat and order, as for an offer), claimed by the reader (您已接下), full
(已接满) or no longer to be done (已取消, 已由社区直接办理 …): those without ✋ 接.

Each list shown is remembered as an outbox row of its own kind (`LIST_KIND`, sent, never to
send: its chat and message, the text it reads, and in its matter the page and the orders on it,
'olist:0/1/2:,12,13,'). When one of those orders changes (services.order_redraws, on every
change of its matter) or the member opens its card (services.order_cards), every list showing it
that would now read differently is redrawn, by the one change that finds it so
(`Notice.remembered`: a compare-and-set on the text the row keeps). Before, a list kept its
✋ 接 beside an order filled, cancelled or claimed since, or whose card was open below, until
tapped.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import MemberProfile, User
from models.base import utcnow
from models.orders import Claim, ClaimStatus, Order, OrderCard, OrderStatus, Request
from models.scheduling import Delivery, DeliveryState
from services import places
from services.order_common import Notice, OrderTitle
from services.places import Place
from services.requests import both_place_names

Render = Callable[..., str]  # render(key, **args): a text in the reader's language

LIST_KIND = "order-open-list"  # the outbox row of a list as shown (never sent)
REDRAW_KEY = "order-open-list-redraw"  # the outbox's kind of a list's redraw
DRAWN = "member-open-list"  # Notice.kind of a list redrawn (services.order_notices.render)
_MATTER = "olist:"
_MATTER_MAX = 64  # Delivery.matter's length
KEPT_LISTS = 5  # a member's latest lists kept true (one row each)


@dataclass(frozen=True)
class Shown:
    """What a remembered list shows: its page and the orders on it, in order."""

    page: int
    pages: int
    total: int
    order_ids: tuple[int, ...]


def _matter(shown: Shown) -> str | None:
    """'olist:0/1/2:,12,13,' (None when it would not fit: such a list is not kept true)."""
    ids = ",".join(str(i) for i in shown.order_ids)
    matter = f"{_MATTER}{shown.page}/{shown.pages}/{shown.total}:,{ids},"
    return matter if len(matter) <= _MATTER_MAX else None


def _read(matter: str | None) -> Shown | None:
    """A remembered list's page and orders, from its matter (None: not a list's)."""
    if not matter or not matter.startswith(_MATTER):
        return None
    try:
        head, ids = matter.removeprefix(_MATTER).split(":", 1)
        page, pages, total = (int(x) for x in head.split("/"))
        order_ids = tuple(int(x) for x in ids.split(",") if x)
    except ValueError:
        return None
    return Shown(page=page, pages=pages, total=total, order_ids=order_ids)


async def place_of(session: AsyncSession, order: Order) -> Place:
    """Where the order's matter is, as its card names it (services.order_cards.card_args):
    community · grid · building, or the community's public area with staff's words for it —
    never the room, which a member reads only once they claim it. Written out in the reader's
    language as the line is (a `Listing`). Before, the list named the community and the
    order's grid only ('阳光社区') where the card read '阳光社区 · 第一网格 · 1号楼'."""
    req = await session.get(Request, order.request_id)
    if req is None:
        names, english = await both_place_names(
            session, community_id=order.community_id, grid_id=order.grid_id, building_id=None
        )
        return Place(names, english=english)
    names, english = await both_place_names(
        session, community_id=req.community_id, grid_id=req.grid_id, building_id=req.building_id
    )
    return places.line(names, req, english=english)


async def _state(
    session: AsyncSession,
    order: Order,
    member_id: int,
    listed: int | None,
    row_id: int | None = None,
) -> tuple[str, str]:
    """What the order is for this member on a list (in message `listed`; None: about to be
    sent; `row_id`: the outbox row remembering it, None for a list drawn by its handler): (state,
    why it closed, or ''). Its card opened below the list (a later message) is the one to claim
    on; one opened before, above, leaves the list's ✋ 接 (asked for after). Offered to them again
    after the list was shown ('还在等人接': a claim given back), in a newer message, held for the
    morning or sent: that message is the one to claim on ('resent', as an older offer of it
    reads then: services.orders._offer_again); before, the list's line offered ✋ 接 again all
    night and the morning's offer came with its own ✋ 接单."""
    from services.orders import _why_closed  # orders import this module's redraws

    mine = (
        await session.exec(
            select(Claim.id).where(
                col(Claim.order_id) == order.id,
                col(Claim.member_id) == member_id,
                col(Claim.status) == ClaimStatus.ACTIVE,
            )
        )
    ).first() is not None
    if mine and order.status in (OrderStatus.OPEN, OrderStatus.CLAIMED):
        return "mine", ""
    if order.status == OrderStatus.OPEN:
        card = (
            await session.exec(
                select(OrderCard.message_id).where(
                    col(OrderCard.order_id) == order.id, col(OrderCard.member_id) == member_id
                )
            )
        ).first()
        carded = card is not None and listed is not None and card > listed
        if carded:
            return "carded", ""
        if row_id is not None and await _offered_since(session, order, member_id, row_id):
            return "resent", ""
        return "open", ""
    if order.status == OrderStatus.CLAIMED:
        return "full", ""
    return "closed", await _why_closed(session, order)


async def _offered_since(session: AsyncSession, order: Order, member_id: int, row_id: int) -> bool:
    """Whether the order was offered to the member, still with ✋ 接单 (going, held for the
    morning or sent), in a message queued after the list's outbox row `row_id`."""
    from services.order_cards import OFFER_KEYS

    found = await session.exec(
        select(Delivery.id).where(
            col(Delivery.chat_id) == member_id,
            col(Delivery.kind).in_(OFFER_KEYS),
            col(Delivery.matter) == f"order:{order.id}:{OrderStatus.OPEN}",
            col(Delivery.edit_message_id).is_(None),
            col(Delivery.state).in_(
                [DeliveryState.PENDING, DeliveryState.SENDING, DeliveryState.SENT]
            ),
            col(Delivery.id) > row_id,
        )
    )
    return found.first() is not None


async def list_args(
    session: AsyncSession,
    *,
    member_id: int,
    orders: Sequence[Order],
    page: int,
    pages: int,
    total: int,
    message_id: int | None = None,
    now: datetime,
    row_id: int | None = None,
) -> dict[str, Any]:
    """What a page of 可接工单 shows its member (in `message_id`; None: about to be sent), in
    no language yet (written out for its reader as a notice's args are): each order's line
    args and its state for them (see `_state`), and whether they paused orders themselves
    (at `now`)."""
    from services.orders import gists

    profile = await session.get(MemberProfile, member_id)
    paused = profile is not None and profile.paused(now)

    said = await gists(session, orders)
    lines = []
    for order in orders:
        words, urgent = said.get(order.id or 0, ("", False))
        state, why = await _state(session, order, member_id, message_id, row_id)
        lines.append(
            {
                "id": order.id,
                "urgent": "yes" if urgent else "no",
                "gist": words or "none",
                "number": order.number,
                "title": OrderTitle(order),
                "place": await place_of(session, order),
                "due": order.deadline_at,
                "taken": order.claimed_count,
                "needed": order.members_needed,
                "state": state,
                "why": why or "none",
            }
        )
    return {"page": page, "pages": pages, "total": total, "lines": lines, "paused": paused}


def draw(render: Render, args: Mapping[str, Any]) -> tuple[str, list[list[tuple[str, str]]]]:
    """The list's text and buttons (rows of (label, callback data)); `args` as `list_args`
    gives them, each line written out in the reader's language (its title and deadline)."""
    from services.order_notices import cb

    page, pages = int(args["page"]), int(args["pages"])
    text = [render("order-open-title", total=args["total"], page=page + 1, pages=pages)]
    if args.get("paused"):  # paused themselves: not told of new ones, free to take these
        text.insert(0, render("me-open-paused") + "\n")
    rows: list[list[tuple[str, str]]] = []
    for line in args["lines"]:
        drawn = render(
            "order-open-line",
            urgent=line["urgent"],
            gist=line["gist"],
            number=line["number"],
            title=line["title"],
            place=line["place"],
            deadline="-" if line["due"] in (None, "none") else line["due"],
            taken=line["taken"],
            needed=line["needed"],
        )
        state = str(line["state"])
        if state != "open":
            drawn += "\n" + render("order-open-line-state", state=state, why=line["why"])
        text.append(drawn)
        details = (render("order-btn-details"), cb("odet", line["id"]))
        if state == "open":
            claim = render("order-btn-claim-number", number=line["number"])
            rows.append([(claim, cb("claim", line["id"])), details])
        elif state in ("carded", "mine", "resent"):
            rows.append([details])
    nav = []
    if page > 0:
        nav.append((render("common-prev-page"), cb("opage", page - 1)))
    if page < pages - 1:
        nav.append((render("common-next-page"), cb("opage", page + 1)))
    if nav:
        rows.append(nav)
    return "\n".join(text), rows


async def remember(
    session: AsyncSession,
    *,
    chat_id: int,
    message_id: int,
    args: Mapping[str, Any],
    text: str,
    markup: dict[str, Any] | None,
) -> None:
    """The member was shown this list (drawn from `args`) in this message: kept true from now
    on (its redraws still queued, worked out before, are cancelled), with their latest few
    (`KEPT_LISTS`; older ones are no longer followed). An order it offers ✋ 接 is no longer
    offered to them in a message held for the morning ('还在等人接', a claim given back at night):
    the list they asked for offers it now, as the card they open does (services.order_cards:
    one ✋ 接单 per chat and order). In the caller's transaction."""
    from services.order_cards import cancel_queued, offers_unsent_dropped

    for line in args["lines"]:
        if line["state"] == "open":
            await offers_unsent_dropped(session, order_id=int(line["id"]), member_id=chat_id)

    shown = Shown(
        page=int(args["page"]),
        pages=int(args["pages"]),
        total=int(args["total"]),
        order_ids=tuple(int(line["id"]) for line in args["lines"]),
    )
    matter = _matter(shown)
    await cancel_queued(session, chat_id=chat_id, message_ids=[message_id])
    row = await _row_of(session, chat_id=chat_id, message_id=message_id)
    if matter is None:
        if row is not None:
            await session.delete(row)
        return
    if row is None:
        row = Delivery(
            chat_id=chat_id,
            kind=LIST_KIND,
            state=DeliveryState.SENT,
            message_ids=str(message_id),
            sent_at=utcnow(),
            urgent=True,
        )
    row.text, row.reply_markup, row.matter = text, markup, matter
    session.add(row)
    await session.flush()
    # the member's latest few lists are kept true; older ones, scrolled far up, are left
    older = (
        await session.exec(
            select(Delivery)
            .where(col(Delivery.chat_id) == chat_id, col(Delivery.kind) == LIST_KIND)
            .order_by(col(Delivery.id).desc())
            .offset(KEPT_LISTS)
        )
    ).all()
    for gone in older:
        await session.delete(gone)


async def forget(session: AsyncSession, *, chat_id: int, message_id: int) -> None:
    """The message is no longer a list (it became an order's card): not redrawn as one. In
    the caller's transaction."""
    row = await _row_of(session, chat_id=chat_id, message_id=message_id)
    if row is not None:
        await session.delete(row)


async def _row_of(session: AsyncSession, *, chat_id: int, message_id: int) -> Delivery | None:
    stmt = select(Delivery).where(
        col(Delivery.chat_id) == chat_id,
        col(Delivery.kind) == LIST_KIND,
        col(Delivery.message_ids) == str(message_id),
    )
    return (await session.exec(stmt)).first()


async def list_redraws(
    session: AsyncSession, *, order: Order, now: datetime, member_id: int | None = None
) -> list[Notice]:
    """Every remembered list showing the order (of `member_id` only, when given) redrawn as
    its orders are for its member at `now` (the injected clock's: whether they paused orders
    themselves is read then, as offers read it): edits for the outbox, queued only for a list
    that would now read otherwise (`Notice.remembered`), not held at night."""
    assert order.id is not None
    stmt = select(Delivery).where(
        col(Delivery.kind) == LIST_KIND,
        col(Delivery.state) == DeliveryState.SENT,
        col(Delivery.matter).startswith(_MATTER),
        col(Delivery.matter).contains(f",{order.id},"),
    )
    if member_id is not None:
        stmt = stmt.where(col(Delivery.chat_id) == member_id)
    notices = []
    for row in (await session.exec(stmt)).all():
        shown, ids = _read(row.matter), row.message_id_list
        member = await session.get(User, row.chat_id)
        if shown is None or not ids or row.id is None or member is None:
            continue
        found = {
            o.id: o
            for o in (
                await session.exec(select(Order).where(col(Order.id).in_(shown.order_ids)))
            ).all()
        }
        orders = [found[i] for i in shown.order_ids if i in found]
        args = await list_args(
            session,
            member_id=row.chat_id,
            orders=orders,
            page=shown.page,
            pages=shown.pages,
            total=shown.total,
            message_id=ids[0],
            now=now,
            row_id=row.id,
        )
        notices.append(
            Notice(
                chat_id=row.chat_id,
                key=REDRAW_KEY,
                args=args,
                kind=DRAWN,
                ref_id=order.id,
                urgent=True,  # an edit wakes nobody
                community_id=order.community_id,
                recipient=member,
                edit_message_id=ids[0],
                remembered=(row.id, row.text),
            )
        )
    return notices
