"""Notices held for the night are not sent once the matter they ask about has moved on
(SQLite and PostgreSQL): the state change cancels them in its own transaction."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.orders import Order, Request, RequestStatus
from models.scheduling import Delivery, DeliveryState
from services import orders as svc
from services import requests as req_svc
from services.order_common import Notice, use_outbox
from services.order_notices import deliver
from tests.orders.conftest import World, draft

NIGHT = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)  # 23:00 in Shanghai: quiet hours


class Texts:
    """Renders a notice as its key (the wording is not under test here)."""

    def get(self, lang: str, key: str, /, **args: object) -> str:
        return key


def _outbox(session: AsyncSession, now: datetime) -> None:
    async def sink(notices: Sequence[Notice]) -> int:
        return await deliver(session, notices, texts=Texts(), default_language="zh-Hans", now=now)

    use_outbox(session, sink)


async def _states(session: AsyncSession, kind: str) -> dict[int, str]:
    rows = await session.exec(
        select(Delivery)
        .where(col(Delivery.kind) == kind)
        .execution_options(populate_existing=True)
    )
    return {d.chat_id: d.state for d in rows.all()}


async def _file_at_night(session: AsyncSession, world: World) -> Request:
    _outbox(session, NIGHT)
    filed = await req_svc.file_request(
        session,
        user=world.resident,
        draft=draft("3号楼楼道灯坏了，晚上很黑"),
        suggestion=None,
        now=NIGHT,
        outbox=session.info["linli.outbox"],
    )
    return filed.request


async def test_staff_cards_of_a_withdrawn_request_are_not_sent_in_the_morning(
    session: AsyncSession, world: World
) -> None:
    req = await _file_at_night(session, world)
    cards = await _states(session, "order-notice-new")
    assert set(cards) == {world.staff.id, world.grid_staff.id}
    assert set(cards.values()) == {DeliveryState.PENDING}  # held until 07:00
    await req_svc.withdraw(
        session, user=world.resident, request_id=req.id or 0, reason=None, now=NIGHT
    )
    assert req.status == RequestStatus.WITHDRAWN
    assert set((await _states(session, "order-notice-new")).values()) == {DeliveryState.CANCELLED}


async def test_offers_of_a_claimed_order_are_cancelled_and_come_back_when_it_reopens(
    session: AsyncSession, world: World
) -> None:
    req = await _file_at_night(session, world)
    out = await svc.issue_order(
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        request_id=req.id or 0,
        spec=svc.OrderSpec(members_needed=1, points=15),
        now=NIGHT,
    )
    order = out.order
    assert order is not None
    # the staff cards of the new request no longer apply either: it was taken up
    assert set((await _states(session, "order-notice-new")).values()) == {DeliveryState.CANCELLED}
    offers = await _states(session, "order-notice-offer")
    members = {world.member.id, world.member2.id, world.member3.id}
    assert set(offers) == members and set(offers.values()) == {DeliveryState.PENDING}
    # 23:30: one member, awake, claims it from the open orders list
    later = NIGHT + timedelta(minutes=30)
    await svc.claim_order(
        session,
        user=world.member,
        roles=world.roles(world.member),
        order_id=order.id or 0,
        now=later,
    )
    offers = await _states(session, "order-notice-offer")
    assert set(offers.values()) == {DeliveryState.CANCELLED}, offers
    # what merely informs is still sent: the resident hears the order was claimed
    told = (
        await session.exec(
            select(Delivery.state).where(col(Delivery.chat_id) == world.resident.id)
        )
    ).all()
    assert told and DeliveryState.CANCELLED not in told
    # given back: the others are offered it again, and these offers stand
    await svc.release_claim(
        session,
        user=world.member,
        roles=world.roles(world.member),
        order_id=order.id or 0,
        reason="临时有事去不了",
        now=later,
    )
    again = await _states(session, "order-notice-offer-again")
    assert set(again) == members - {world.member.id}
    assert set(again.values()) == {DeliveryState.PENDING}


async def test_a_verify_request_is_not_sent_once_another_staff_verified(
    session: AsyncSession, world: World
) -> None:
    req = await _file_at_night(session, world)
    out = await svc.issue_order(
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        request_id=req.id or 0,
        spec=svc.OrderSpec(members_needed=1, points=15),
        now=NIGHT,
    )
    oid = out.order.id if out.order else 0
    member = world.roles(world.member)
    await svc.claim_order(session, user=world.member, roles=member, order_id=oid or 0, now=NIGHT)
    await svc.report_done(
        session, user=world.member, roles=member, order_id=oid or 0, note="灯换好了", now=NIGHT
    )
    asks = await _states(session, "order-notice-verify")
    assert set(asks) == {world.staff.id, world.grid_staff.id}
    assert set(asks.values()) == {DeliveryState.PENDING}
    await svc.verify(
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        order_id=oid or 0,
        approve=True,
        note=None,
        now=NIGHT,
    )
    assert set((await _states(session, "order-notice-verify")).values()) == {
        DeliveryState.CANCELLED
    }
    order = await session.get(Order, oid)
    assert order is not None
