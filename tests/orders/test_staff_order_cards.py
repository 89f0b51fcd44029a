"""Staff cards of an order redrawn at once by two paths (two actions, an action and a job, an
action and the handler drawing the card tapped): the same edit is queued (or drawn) once, on
SQLite and on PostgreSQL. Telegram refuses a second identical edit ('message is not
modified')."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.orders import Order, OrderCard, OrderStatus, Request, RequestCard
from models.users import User
from services import orders as svc
from services import request_cards, staff_order_cards
from services import requests as req_svc
from services.order_cards import drawn_digest
from tests.orders.conftest import T0, World, draft

CARD = 77  # the message of 张网格员's card of the order


async def _draw(
    session: AsyncSession, *, order: Order, reader: User
) -> tuple[str, dict[str, Any] | None] | None:
    return f"工单 {order.number} · {order.status}", None


async def _order_with_a_card(session: AsyncSession, world: World) -> Order:
    filed = await req_svc.file_request(
        session, user=world.resident, draft=draft(), suggestion=None, now=T0
    )
    out = await svc.issue_order(
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        request_id=filed.request.id or 0,
        spec=svc.OrderSpec(members_needed=1, points=15),
        now=T0 + timedelta(minutes=10),
    )
    assert out.order is not None and out.order.id is not None
    await staff_order_cards.remember(
        session,
        order_id=out.order.id,
        staff_id=world.grid_staff.id,
        message_id=CARD,
        shown="（派单时的卡片）",
    )
    return out.order


async def test_two_actions_redraw_a_staff_order_card_once(
    session: AsyncSession, sessionmaker: async_sessionmaker[AsyncSession], world: World
) -> None:
    order = await _order_with_a_card(session, world)
    async with sessionmaker() as late:
        # the later action has read the card (as it was) before the first one redrew it
        [read] = (
            await late.exec(select(OrderCard).where(col(OrderCard.message_id) == CARD))
        ).all()
        assert read.shown == "（派单时的卡片）"
        async with sessionmaker() as first:
            [redraw] = await staff_order_cards.card_redraws(
                first, request_ids=[order.request_id], draw=_draw
            )
            assert redraw.chat_id == world.grid_staff.id and redraw.edit_message_id == CARD
            await first.commit()
        again = await staff_order_cards.card_redraws(
            late, request_ids=[order.request_id], draw=_draw
        )
        await late.commit()
    assert again == []


async def test_a_handler_draws_a_card_only_if_no_redraw_reads_so(
    session: AsyncSession, world: World
) -> None:
    order = await _order_with_a_card(session, world)
    assert order.id is not None
    [redraw] = await staff_order_cards.card_redraws(
        session, request_ids=[order.request_id], draw=_draw
    )
    await session.commit()
    now = drawn_digest(str(redraw.args["body"]), None)

    async def to_draw(shown: str, message_id: int = CARD) -> bool:
        return await staff_order_cards.to_draw(
            session,
            order_id=order.id or 0,
            staff_id=world.grid_staff.id,
            message_id=message_id,
            shown=shown,
        )

    assert not await to_draw(now)  # queued reading so: the outbox draws it
    order.status = OrderStatus.CANCELLED
    session.add(order)
    await session.commit()
    later = drawn_digest(f"工单 {order.number} · cancelled", None)
    assert await to_draw(later)  # reads otherwise: the handler draws it (once)
    assert not await to_draw(later)
    assert await to_draw(later, message_id=CARD + 1)  # a message no card: drawn as asked
    assert (
        await staff_order_cards.card_redraws(session, request_ids=[order.request_id], draw=_draw)
        == []
    )


async def test_a_redraw_worked_out_before_a_colleagues_change_is_not_queued(
    session: AsyncSession, sessionmaker: async_sessionmaker[AsyncSession], world: World
) -> None:
    """Two staff act on an order at once: the later action read the card (as it was) and the
    order before the first one changed the order and queued the newer card. The later action's
    redraw, worked out from what it read, is not queued over it (before, the card was taken
    because it did not read so yet: the older card was drawn over the newer, or edited twice)."""
    order = await _order_with_a_card(session, world)
    async with sessionmaker() as late:
        [(card, stale)] = (
            await late.exec(
                select(OrderCard, Order).join(Order, col(Order.id) == col(OrderCard.order_id))
            )
        ).all()
        assert card.shown == "（派单时的卡片）" and stale.status == OrderStatus.OPEN
        async with sessionmaker() as first:  # a colleague cancels it, the card redrawn so
            now = await first.get(Order, order.id)
            assert now is not None
            now.status = OrderStatus.CANCELLED
            first.add(now)
            [redraw] = await staff_order_cards.card_redraws(
                first, request_ids=[order.request_id], draw=_draw
            )
            assert "cancelled" in str(redraw.args["body"])
            await first.commit()

        async def as_read(
            session: AsyncSession, *, order: Order, reader: User
        ) -> tuple[str, dict[str, Any] | None] | None:
            return f"工单 {order.number} · {stale.status}", None  # the order as read before

        again = await staff_order_cards.card_redraws(
            late, request_ids=[order.request_id], draw=as_read
        )
        await late.commit()
    assert again == []
    async with sessionmaker() as s:
        [kept] = (await s.exec(select(OrderCard.shown))).all()
    assert kept == drawn_digest(f"工单 {order.number} · cancelled", None)


async def test_a_handler_does_not_draw_a_card_a_colleague_redrew_meanwhile(
    session: AsyncSession, sessionmaker: async_sessionmaker[AsyncSession], world: World
) -> None:
    """The handler read what the card tapped was remembered to read, then the order; a
    colleague's change committed in between and queued the newer card: the handler does not
    draw the one it worked out (the older), and the queued one goes alone."""
    order = await _order_with_a_card(session, world)
    oid = order.id or 0
    staff = world.grid_staff.id
    read = await staff_order_cards.remembered(
        session, order_id=oid, staff_id=staff, message_id=CARD
    )
    assert read == "（派单时的卡片）"
    async with sessionmaker() as colleague:
        now = await colleague.get(Order, oid)
        assert now is not None
        now.status = OrderStatus.CANCELLED
        colleague.add(now)
        [_] = await staff_order_cards.card_redraws(
            colleague, request_ids=[order.request_id], draw=_draw
        )
        await colleague.commit()
    older = drawn_digest(f"工单 {order.number} · open", None)
    assert not await staff_order_cards.to_draw(
        session, order_id=oid, staff_id=staff, message_id=CARD, shown=older, read=read
    )
    # nothing redrew it since the handler read it: drawn
    read = await staff_order_cards.remembered(
        session, order_id=oid, staff_id=staff, message_id=CARD
    )
    newest = drawn_digest("（改派后的卡片）", None)
    assert await staff_order_cards.to_draw(
        session, order_id=oid, staff_id=staff, message_id=CARD, shown=newest, read=read
    )


async def _draw_request(
    session: AsyncSession, *, request: Request, reader: User
) -> tuple[str, dict[str, Any] | None] | None:
    return f"诉求 {request.number} · {request.status}", None


async def test_two_actions_redraw_a_staff_request_card_once(
    session: AsyncSession, sessionmaker: async_sessionmaker[AsyncSession], world: World
) -> None:
    """The same for a staff card of a request (services.request_cards)."""
    filed = await req_svc.file_request(
        session, user=world.resident, draft=draft(), suggestion=None, now=T0
    )
    request_id = filed.request.id or 0
    await request_cards.remember(
        session,
        request_id=request_id,
        staff_id=world.grid_staff.id,
        message_id=CARD,
        shown="（刚提交时的卡片）",
    )
    async with sessionmaker() as late:
        [read] = (
            await late.exec(select(RequestCard).where(col(RequestCard.message_id) == CARD))
        ).all()
        assert read.shown == "（刚提交时的卡片）"
        async with sessionmaker() as first:
            [redraw] = await request_cards.card_redraws(
                first, request_ids=[request_id], draw=_draw_request
            )
            assert redraw.chat_id == world.grid_staff.id and redraw.edit_message_id == CARD
            await first.commit()
        again = await request_cards.card_redraws(
            late, request_ids=[request_id], draw=_draw_request
        )
        await late.commit()
    assert again == []
