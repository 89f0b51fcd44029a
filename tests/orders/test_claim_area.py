"""接单 is checked against the member's area on the server, as 可接工单 and the offers are: a
member who serves one grid cannot claim an order of another grid with a forged button (before,
only the community was checked, so 第一网格's member took 第二网格's order). Members serving
the whole community, and orders offered to the whole community, are not limited."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import AuditEvent
from models.orders import Claim, Order
from services import orders as svc
from services import requests as req_svc
from services.errors import PermissionDenied
from tests.orders.conftest import T0, World, draft

NOW = T0 + timedelta(minutes=10)


async def _order(session: AsyncSession, w: World, *, community_wide: bool = False) -> Order:
    """An electrical order for resident2's matter in 第二网格."""
    filed = await req_svc.file_request(
        session, user=w.resident2, draft=draft("5号楼电闸跳了"), suggestion=None, now=T0
    )
    out = await svc.issue_order(
        session,
        user=w.staff,
        roles=w.roles(w.staff),
        request_id=filed.request.id or 0,
        spec=svc.OrderSpec(skills=("electrical",), community_wide=community_wide),
        now=NOW,
    )
    assert out.order is not None
    return out.order


async def test_a_member_of_another_grid_cannot_claim(session: AsyncSession, world: World) -> None:
    order = await _order(session, world)
    assert order.grid_id == world.grid2.id
    member = world.member2  # serves 第一网格 only
    listed = await svc.open_orders_for(session, user=member, roles=world.roles(member))
    assert order.id not in [o.id for o in listed.items]
    with pytest.raises(PermissionDenied):
        await svc.claim_order(
            session, user=member, roles=world.roles(member), order_id=order.id or 0, now=NOW
        )
    refused = await session.exec(
        select(AuditEvent.detail)
        .where(col(AuditEvent.actor_id) == member.id)
        .where(col(AuditEvent.action) == "refused")
    )
    assert list(refused.all()) == ["claim_other_grid"]
    assert not (await session.exec(select(Claim))).all()
    await session.refresh(order)
    assert order.claimed_count == 0
    # a member who serves the whole community takes it
    whole = world.member
    await svc.claim_order(
        session, user=whole, roles=world.roles(whole), order_id=order.id or 0, now=NOW
    )
    await session.refresh(order)
    assert order.claimed_count == 1


async def test_an_order_for_the_whole_community_is_claimed_from_any_grid(
    session: AsyncSession, world: World
) -> None:
    order = await _order(session, world, community_wide=True)
    member = world.member2
    listed = await svc.open_orders_for(session, user=member, roles=world.roles(member))
    assert order.id in [o.id for o in listed.items]
    await svc.claim_order(
        session, user=member, roles=world.roles(member), order_id=order.id or 0, now=NOW
    )
    await session.refresh(order)
    assert order.claimed_count == 1


async def test_a_member_of_another_grid_cannot_open_the_order_with_a_forged_details_button(
    session: AsyncSession, world: World
) -> None:
    """详情 is checked like 接单: the card showed 第二网格's matter to 第一网格's member."""
    order = await _order(session, world)
    member = world.member2  # serves 第一网格 only
    with pytest.raises(PermissionDenied):
        await svc.order_view(
            session, user=member, roles=world.roles(member), order_id=order.id or 0
        )
    refused = await session.exec(
        select(AuditEvent.detail)
        .where(col(AuditEvent.actor_id) == member.id)
        .where(col(AuditEvent.action) == "refused")
    )
    assert list(refused.all()) == ["view_order_other_grid"]
    whole = world.member  # serves the whole community: sees it, without phone and room
    view = await svc.order_view(
        session, user=whole, roles=world.roles(whole), order_id=order.id or 0
    )
    assert "电闸" in view.text and view.phone is None and view.room is None
    # an order for the whole community is open to every grid's member
    wide = await _order(session, world, community_wide=True)
    seen = await svc.order_view(
        session, user=member, roles=world.roles(member), order_id=wide.id or 0
    )
    assert seen.order.id == wide.id
