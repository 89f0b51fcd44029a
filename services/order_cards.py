"""A member's card of an order, drawn the same in chat and when redrawn, and kept true.

The card (what, where, by when, who has it, the resident's contact for its claimants, and the
buttons that apply: ✋ 接单, or ✅ 完成上报 / 💬 告诉社区 / ↩️ 放弃工单) is drawn by `draw` from
`card_args`, in the reader's language: by the handlers when a member opens the order (详情,
📌 我的工单, its number typed) or claims it on the offer, and by the outbox when the card is
redrawn.

Each member's card of an order is remembered (models.orders.OrderCard): one per member and
order, the latest shown — a card opened again replaces the older one, which the handler takes
away. When the order changes (claimed, given back, moved to another member by 改派, reported
done, verified, sent back, cancelled), `card_redraws` redraws every remembered card that would
now read differently, as the order is for its reader: a card whose claim ended loses the
resident's phone and the claimant's buttons, an order taken by others loses ✋ 接单, a claimant
sees who else is on it. Before, only the offer a member claimed from was redrawn (found in the
outbox), and only on a claim or a give-back; a card opened from 详情 or 我的工单 kept offering
what no longer held.

Two paths may work out a card's redraw at once (an action, a job, a handler drawing it): a
redraw is queued only by the one that finds the card still remembered to read what it read and
not yet what it would now (`take`, a compare-and-set), so the same edit is not queued twice and
a redraw worked out before another change committed does not draw the older card over it.

Staff members' cards of an order are kept in the same table (one per staff member and order),
drawn and redrawn by services.staff_order_cards: `card_redraws` here leaves them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import or_, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import User
from models.base import utcnow
from models.orders import Order, OrderCard, OrderStatus
from models.scheduling import Delivery, DeliveryState
from services import delivery as outbox
from services import open_lists
from services.fitting import Fitted, LongTexts
from services.listing import Listing
from services.order_common import (
    OUTBOX,
    Notice,
    NoticeSink,
    OrderTitle,
    clock_now,
    written_text,
)
from services.places import Place
from services.requests import both_place_names

Render = Callable[..., str]  # render(key, **args): a text in the reader's language

REDRAW_KEY = "order-card-redraw"  # the outbox's kind of a card's redraw
# a card's buttons (services.order_notices.BUTTONS), as handlers.claims.order_markup draws them
CLAIMANT = "member-claimant-card"  # ✅ 完成上报 / 💬 告诉社区 / ↩️ 放弃工单
OPEN = "member-card-open"  # ✋ 接单
PLAIN = "member-card"  # none
CARD_KINDS = frozenset({CLAIMANT, OPEN, PLAIN})
# the outbox's kinds (text keys) of an order's offers (services.orders.offer_redraws)
OFFER_KEYS = ("order-notice-offer", "order-notice-offer-again")

_IN_HAND = (OrderStatus.OPEN, OrderStatus.CLAIMED)
_NESTED = "\x01{}\x01"  # stands for an already drawn text inside another (see `_nest`)


async def card_args(session: AsyncSession, view: Any) -> dict[str, Any]:
    """What the card of an order (`view`: services.orders.OrderView, as its reader may see
    it) shows, in no language yet: a notice's args (services.order_notices.render writes the
    category, title, deadline, names and a voice note's placeholder out in the reader's)."""
    order, req = view.order, view.request
    names, english = await both_place_names(
        session,
        community_id=req.community_id,
        grid_id=req.grid_id,
        building_id=req.building_id,
    )
    return {
        "number": order.number,
        "title": OrderTitle(order),
        "status": str(order.status),
        "category": order.category,
        # a public area in the reader's word for it, with staff's words for where
        "place": Place(names, public=req.public_area, english=english),
        "due": order.deadline_at,
        "taken": order.claimed_count,
        "needed": order.members_needed,
        "points": order.points,
        # the words as this reader may read them (numbers masked before a claim)
        "text": written_text(view.text) or (view.text or ""),
        "repeats": "yes" if view.repeats_title else "no",
        "names": Listing(name for _, name in view.claimants),
        "contact": view.contact_name or "",
        "phone": view.phone or "",
        "room": view.room or "",
        "home": view.home or "",
        "building": view.building or "",
        "staff_contact": view.staff_contact or "",
        "result": order.result_note or "",
        "mine": "yes" if view.mine else "no",
        "staff": "yes" if view.staff else "no",
    }


def card_kind(args: Mapping[str, Any]) -> str:
    """Which buttons the card has for its member reader (see `CARD_KINDS`)."""
    if args["mine"] == "yes":
        return CLAIMANT if args["status"] in _IN_HAND else PLAIN
    return OPEN if args["status"] == OrderStatus.OPEN else PLAIN


def shown_digest(args: Mapping[str, Any]) -> str:
    """What a card shows (its words and buttons, in any language), in a few characters, to
    tell a change."""
    body = json.dumps([card_kind(args), dict(args)], sort_keys=True, default=str)
    return hashlib.sha256(body.encode()).hexdigest()[:64]


def drawn_digest(text: str, markup: dict[str, Any] | None) -> str:
    """What a card drawn already (a staff card: its words and buttons in its reader's
    language) shows, in a few characters, to tell a change."""
    body = json.dumps([text, markup], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(body.encode()).hexdigest()[:64]


def draw(render: Render, args: Mapping[str, Any]) -> str:
    """The card's text, within one message; `args` as `card_args` gives them, written out in
    the reader's language (services.order_notices.localize)."""
    return fitted(render, args).text


def fitted(render: Render, args: Mapping[str, Any]) -> Fitted:
    """The card within one message: the resident's text and the result, when too long, cut
    with '…（全文共 N 字，点「📄 全文」查看）' (then the card wants its 📄 全文 button)."""
    long = LongTexts()
    card = _card(render, args, long)
    return long.fit(card, marker=lambda total: render("text-cut", total=str(total)))


def draw_whole(render: Render, args: Mapping[str, Any]) -> str:
    """The card with every typed text whole (📄 全文; may need several messages)."""
    long = LongTexts()
    return long.whole(_card(render, args, long))


def _card(render: Render, args: Mapping[str, Any], typed: LongTexts) -> str:
    status = str(args["status"])
    mine, staff = args["mine"] == "yes", args["staff"] == "yes"
    due = args["due"]
    lines = [
        render(
            "order-order-title",
            number=args["number"],
            title=args["title"],
            status=render(f"order-ostatus-{status}"),
        ),
        render("order-card-category", category=args["category"]),
        render("order-card-place", place=args["place"]),
        render("order-issue-deadline-at", time="-" if due in (None, "none") else due),
        render(
            "order-order-claims",
            taken=args["taken"],
            needed=args["needed"],
            points=args["points"],
        ),
    ]
    if args["repeats"] != "yes":  # else the title above is all the resident wrote
        lines += ["", render("order-card-text", text=typed(str(args["text"])))]
    if args["names"]:
        lines.append(render("order-order-claimants", names=args["names"]))
    if args["phone"] or args["room"]:
        lines.append(
            render(
                "order-card-contact",
                name=args["contact"] or "-",
                phone=args["phone"] or render("order-card-no-phone"),
                room=" ".join(p for p in (args["home"], args["room"]) if p) or "-",
            )
        )
    elif not staff and not mine and status == OrderStatus.OPEN:
        # only to a member who can still claim it (not under an order already full,
        # verified or cancelled, where no claim could ever show them)
        lines.append(render("order-contact-after-claim"))
    if mine and not args["phone"]:
        lines.append(how_to_reach(render, args))
    if args["result"]:
        lines.append(render("order-card-result", note=typed(str(args["result"]))))
    if mine and status == OrderStatus.DONE:
        lines.append(render("order-card-reported"))
    return "\n".join(lines)


def how_to_reach(render: Render, args: Mapping[str, Any]) -> str:
    """For a claimant when the resident left no phone: go to the room, or ask the staff."""
    staff = (
        render("order-reach-staff-named", name=args["staff_contact"])
        if args["staff_contact"]
        else render("order-reach-staff")
    )
    # the room is in the building the resident lives in (not the matter's, when elsewhere)
    where = " ".join(p for p in (args["home"] or args["building"], args["room"]) if p)
    if args["room"]:
        return _nest(render, "order-reach-visit", {"staff": staff}, where=where)
    return _nest(render, "order-reach-ask-staff", {"staff": staff})


def _nest(render: Render, key: str, drawn: Mapping[str, str], **args: Any) -> str:
    """A text with texts already drawn (escaped) in it, not escaped twice: each goes in as a
    marker escaping leaves alone, then takes its place."""
    text = render(key, **args, **{name: _NESTED.format(name) for name in drawn})
    for name, value in drawn.items():
        text = text.replace(_NESTED.format(name), value)
    return text


async def cancel_queued(session: AsyncSession, *, chat_id: int, message_ids: list[int]) -> None:
    """The redraws of these messages still queued were worked out before what is drawn now:
    cancelled, in the caller's transaction (services.delivery.cancel_redraws commits)."""
    await session.exec(  # type: ignore[call-overload]
        update(Delivery)
        .where(
            col(Delivery.chat_id) == chat_id,
            col(Delivery.edit_message_id).in_(message_ids),
            outbox.not_yet_sent(),
        )
        .values(state=DeliveryState.CANCELLED, error="redrawn meanwhile")
        .execution_options(synchronize_session=False)
    )


async def _offer_taken_up(
    session: AsyncSession, *, order_id: int, member_id: int, message_ids: list[int | None]
) -> None:
    """The member's offers of the order in these messages are no longer offers: their matter
    says so, and services.orders.offer_redraws leaves them (in the caller's transaction)."""
    shown = [str(m) for m in message_ids if m is not None]
    await session.exec(  # type: ignore[call-overload]
        update(Delivery)
        .where(
            col(Delivery.chat_id) == member_id,
            col(Delivery.kind).in_(OFFER_KEYS),
            col(Delivery.matter).startswith(f"order:{order_id}:"),
            or_(
                col(Delivery.message_ids).in_(shown),
                *(col(Delivery.message_ids).startswith(f"{m},") for m in shown),
            ),
        )
        .values(matter=f"order:{order_id}:offer-card")
        .execution_options(synchronize_session=False)
    )


async def offers_unsent_dropped(session: AsyncSession, *, order_id: int, member_id: int) -> None:
    """The member's offers of the order not sent yet (held for the night, or behind) are not
    sent: the card they opened (详情) offers ✋ 接单 now, and one live ✋ 接单 per chat and order
    is the rule (services.orders._offer_again). Before, the offer came later beside the card,
    both with ✋ 接单. In the caller's transaction; an offer the sender holds already (going
    now) is left to go."""
    await session.exec(  # type: ignore[call-overload]
        update(Delivery)
        .where(
            col(Delivery.chat_id) == member_id,
            col(Delivery.kind).in_(OFFER_KEYS),
            col(Delivery.matter) == f"order:{order_id}:{OrderStatus.OPEN}",
            col(Delivery.edit_message_id).is_(None),
            col(Delivery.state) == DeliveryState.PENDING,
        )
        .values(state=DeliveryState.CANCELLED, error="card opened meanwhile")
        .execution_options(synchronize_session=False)
    )


async def _offers_sent_pointed(
    session: AsyncSession, *, order_id: int, member_id: int
) -> list[Notice]:
    """The member's offers of the order already in their chat with ✋ 接单 (sent), once they
    opened its card (详情): redrawn without the button, pointing to the card below, so one ✋ 接单
    per chat and order is live, as for an offer not sent yet (`offers_unsent_dropped`). One
    the sender holds (going now) is marked to be pointed so once sent. Before, the offer and
    the card both offered ✋ 接单. Tagged by a compare-and-set on the matter (an order filled or
    cancelled meanwhile redraws it itself); the redraws for the caller's outbox, in its
    transaction."""
    from services.orders import offer_carded_matter, offer_carded_on_the_way, offer_carded_redraw

    live = f"order:{order_id}:{OrderStatus.OPEN}"
    of_member = (
        col(Delivery.chat_id) == member_id,
        col(Delivery.kind).in_(OFFER_KEYS),
        col(Delivery.matter) == live,
        col(Delivery.edit_message_id).is_(None),
    )
    await outbox.mark_on_the_way(
        session, where=of_member, matter=offer_carded_on_the_way(order_id)
    )
    sent = (
        await session.exec(
            select(Delivery)
            .where(*of_member, col(Delivery.state) == DeliveryState.SENT)
            .execution_options(populate_existing=True)  # as sent, whatever was loaded before
        )
    ).all()
    notices = []
    for row in sent:
        ids = row.message_id_list
        if not ids:
            continue
        taken = await session.exec(  # type: ignore[call-overload]
            update(Delivery)
            .where(col(Delivery.id) == row.id, col(Delivery.matter) == live)
            .values(matter=offer_carded_matter(order_id))
            .execution_options(synchronize_session=False)
        )
        if not taken.rowcount:
            continue
        redraw = await offer_carded_redraw(
            session, order_id=order_id, chat_id=member_id, message_id=ids[0]
        )
        if redraw is not None:
            notices.append(redraw)
    return notices


async def remember(
    session: AsyncSession,
    *,
    order_id: int,
    member_id: int,
    message_id: int,
    args: Mapping[str, Any],
    adopt: bool = True,
) -> int | None:
    """A member was shown the order's card (drawn from `args`) in this message. With `adopt`
    (a card opened, or the offer claimed on) it is their card of the order from now on, in
    place of the one before, whose message id is returned for the caller to take away (None:
    there was none, or it is this one); without (a message redrawn as the order now is, e.g.
    the notice a report was made from) only the card it is, if so, is known to read so. Redraws
    of the card replaced still queued are cancelled. Commits."""
    return await remember_shown(
        session,
        order_id=order_id,
        person_id=member_id,
        message_id=message_id,
        shown=shown_digest(args),
        adopt=adopt,
    )


async def remember_shown(
    session: AsyncSession,
    *,
    order_id: int,
    person_id: int,
    message_id: int,
    shown: str,
    adopt: bool = True,
    offers: bool = True,
) -> int | None:
    """`remember`, with what the card reads (`shown`) worked out by the caller: a member's card
    (`offers`: an offer of the order in that chat becomes the card, or goes), or a staff
    member's (services.staff_order_cards: no offers), kept in the same table by person."""
    stmt = select(OrderCard).where(
        col(OrderCard.order_id) == order_id, col(OrderCard.member_id) == person_id
    )
    row = (await session.exec(stmt)).first()
    if row is not None and row.message_id != message_id and not adopt:
        await session.commit()
        return None
    older = row.message_id if row is not None and row.message_id != message_id else None
    if older is not None:
        await cancel_queued(session, chat_id=person_id, message_ids=[older])
    sink: NoticeSink | None = session.info.get(OUTBOX)
    if offers:
        # an offer that is the card now (claimed on), or was and goes: redrawn as a card, if
        # at all
        await _offer_taken_up(
            session, order_id=order_id, member_id=person_id, message_ids=[message_id, older]
        )
        await offers_unsent_dropped(session, order_id=order_id, member_id=person_id)
        # a 可接工单 list that is the card now (its one order claimed on) is a list no more
        await open_lists.forget(session, chat_id=person_id, message_id=message_id)
        if sink is not None:  # queued in this commit (a handler's session has an outbox)
            pointed = await _offers_sent_pointed(session, order_id=order_id, member_id=person_id)
            if pointed:
                await sink(pointed)
    if row is None:
        row = OrderCard(order_id=order_id, member_id=person_id, message_id=message_id)
    row.message_id, row.shown, row.at = message_id, shown, utcnow()
    session.add(row)
    try:
        if offers and sink is not None and adopt:
            # the member's lists showing the order lose its ✋ 接: the card's is the one to tap
            await session.flush()
            order = await session.get(Order, order_id)
            if order is not None and (
                listed := await open_lists.list_redraws(
                    session, order=order, member_id=person_id, now=clock_now(session)
                )
            ):
                await sink(listed)
        await session.commit()
    except IntegrityError:  # two cards of it shown at once (a double tap): the other stays
        await session.rollback()
        return None
    return older


async def card_redraws(
    session: AsyncSession, *, order: Order, but: int | None = None
) -> list[Notice]:
    """Every remembered card of the order (but `but`'s: the actor's, drawn by the handler)
    that would now read differently, redrawn as the order is for its member: edits queued in
    the outbox (in the caller's transaction), not held at night, ahead of the notices that
    explain the change. A card of someone who may no longer see the order is left, and so is
    one another path redrew since it was read (`take`)."""
    from services.orders import order_access, order_view

    assert order.id is not None
    rows = (await session.exec(select(OrderCard).where(col(OrderCard.order_id) == order.id))).all()
    notices = []
    for row in rows:
        if row.member_id == but:
            continue
        member = await session.get(User, row.member_id)
        if member is None:
            continue
        staff, _mine, refused = await order_access(
            session, user=member, roles=member.role_set, order=order
        )
        if refused is not None or staff:
            continue
        view = await order_view(session, user=member, roles=member.role_set, order_id=order.id)
        args = await card_args(session, view)
        shown = shown_digest(args)
        if shown == row.shown or not await take(
            session, card_id=row.id, shown=shown, read=row.shown
        ):
            continue
        set_committed_value(row, "shown", shown)  # as a later redraw in this commit reads it
        await cancel_queued(session, chat_id=row.member_id, message_ids=[row.message_id])
        notices.append(
            Notice(
                chat_id=row.member_id,
                key=REDRAW_KEY,
                args=args,
                kind=card_kind(args),
                ref_id=order.id,
                urgent=True,  # an edit wakes nobody
                community_id=order.community_id,
                recipient=member,
                edit_message_id=row.message_id,
            )
        )
    return notices


async def take(
    session: AsyncSession, *, card_id: int | None, shown: str, read: str | None = None
) -> bool:
    """The card is remembered to read `shown` from now on, if it did not by now (compare-and-
    set, in the caller's transaction: another action, a job or a handler may have drawn it so
    since it was read, and the same edit would go twice). With `read` (what the card was
    remembered to read when the redraw was worked out), only if nothing else redrew it since:
    a redraw worked out before another change committed does not take the card back to what
    the order was (the other change redraws it itself)."""
    stmt = update(OrderCard).where(col(OrderCard.id) == card_id, col(OrderCard.shown) != shown)
    if read is not None:
        stmt = stmt.where(col(OrderCard.shown) == read)
    taken = await session.exec(  # type: ignore[call-overload]
        stmt.values(shown=shown).execution_options(synchronize_session=False)
    )
    return bool(taken.rowcount)


async def card_of(session: AsyncSession, *, order_id: int, member_id: int) -> int | None:
    """The message of the member's card of the order, if one is remembered."""
    stmt = select(OrderCard.message_id).where(
        col(OrderCard.order_id) == order_id, col(OrderCard.member_id) == member_id
    )
    return (await session.exec(stmt)).first()


async def reads(
    session: AsyncSession,
    *,
    order_id: int,
    member_id: int,
    message_id: int,
    args: Mapping[str, Any],
) -> bool:
    """True if this message is the member's card of the order and was last drawn (or queued
    to be redrawn) from `args`: drawing it so again would change nothing."""
    stmt = select(OrderCard.shown).where(
        col(OrderCard.order_id) == order_id,
        col(OrderCard.member_id) == member_id,
        col(OrderCard.message_id) == message_id,
    )
    return (await session.exec(stmt)).first() == shown_digest(args)
