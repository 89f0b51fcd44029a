"""A grid worker's order stays in their grids on the server too: issuing it community-wide is
refused and audited (their 派单 form has no 🗺 改为全社区; this is the forged or stale draft),
and 📣 offer-to-all drops the skills but keeps the grid. Staff of the whole community still
offer it community-wide."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import AuditEvent
from models.orders import Order
from services import orders as svc
from services import requests as req_svc
from services.errors import PermissionDenied
from tests.orders.conftest import T0, World, draft

NOW = T0 + timedelta(minutes=10)


async def _filed(session: AsyncSession, w: World) -> int:
    filed = await req_svc.file_request(
        session, user=w.resident, draft=draft("1号楼电闸跳了"), suggestion=None, now=T0
    )
    return filed.request.id or 0


async def test_a_grid_worker_cannot_issue_community_wide(
    session: AsyncSession, world: World
) -> None:
    rid = await _filed(session, world)
    worker = world.grid_staff
    with pytest.raises(PermissionDenied) as refused:
        await svc.issue_order(
            session,
            user=worker,
            roles=world.roles(worker),
            request_id=rid,
            spec=svc.OrderSpec(community_wide=True),
            now=NOW,
        )
    assert refused.value.key == "order-err-grid-only"
    audited = await session.exec(
        select(AuditEvent.detail).where(col(AuditEvent.actor_id) == worker.id)
    )
    assert list(audited.all()) == ["issue_order_community_wide"]
    assert not (await session.exec(select(Order))).all()
    # in their grid it goes out, and offering it to all keeps the grid
    out = await svc.issue_order(
        session,
        user=worker,
        roles=world.roles(worker),
        request_id=rid,
        spec=svc.OrderSpec(skills=("plumbing",)),
        now=NOW,
    )
    assert out.order is not None and out.order.grid_id == world.grid.id
    wider = await svc.offer_to_all(
        session, user=worker, roles=world.roles(worker), order_id=out.order.id or 0, now=NOW
    )
    assert wider.order is not None
    assert (wider.order.grid_id, wider.order.skills) == (world.grid.id, "")


async def test_community_staff_offer_it_community_wide(
    session: AsyncSession, world: World
) -> None:
    rid = await _filed(session, world)
    out = await svc.issue_order(
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        request_id=rid,
        spec=svc.OrderSpec(skills=("plumbing",)),
        now=NOW,
    )
    assert out.order is not None
    wider = await svc.offer_to_all(
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        order_id=out.order.id or 0,
        now=NOW,
    )
    assert wider.order is not None and wider.order.grid_id is None
