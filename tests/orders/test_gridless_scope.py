"""A request in no grid (its resident's address has no grid) is the whole community's: a grid
worker does not get its card, does not see it in 待办, and their taps on it — viewing,
issuing an order (which would go community-wide, beyond their grid), correcting its place,
and acting on the order issued for it — are refused and audited, as any out-of-scope tap.
Community staff handle it as before. An order offered to the whole community for a request of
a grid stays its grid's: that grid's worker still acts on it, another grid's does not."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import AuditEvent, StaffScope, User
from models.orders import Order
from services import orders as svc
from services import requests as req_svc
from services import staff_place
from services.errors import PermissionDenied
from tests.orders.conftest import T0, World, draft

NOW = T0 + timedelta(minutes=10)


async def _gridless(session: AsyncSession, w: World) -> int:
    """周阿姨's request, filed while her address has no grid."""
    resident = await session.get(User, w.resident.id)
    assert resident is not None
    resident.grid_id = None
    session.add(resident)
    await session.commit()
    filed = await req_svc.file_request(
        session, user=resident, draft=draft("楼道的电闸跳了"), suggestion=None, now=T0
    )
    assert filed.request.grid_id is None
    return filed.request.id or 0


async def _refusals(session: AsyncSession, user: User) -> list[str]:
    rows = await session.exec(
        select(AuditEvent.detail)
        .where(col(AuditEvent.actor_id) == user.id, col(AuditEvent.action) == "refused")
        .order_by(col(AuditEvent.id))
    )
    return [str(d) for d in rows.all()]


async def test_a_grid_worker_does_not_act_on_a_request_in_no_grid(
    session: AsyncSession, world: World
) -> None:
    rid = await _gridless(session, world)
    worker, staff = world.grid_staff, world.staff
    # the queue and the cards agree: not theirs
    queued = await svc.staff_queue(session, user=worker, roles=world.roles(worker))
    assert rid not in [r.id for r in queued.items]
    assert rid in [
        r.id for r in (await svc.staff_queue(session, user=staff, roles=world.roles(staff))).items
    ]
    attempts = {
        "view_request": svc.staff_view(
            session, user=worker, roles=world.roles(worker), request_id=rid
        ),
        "issue_order": svc.issue_order(
            session,
            user=worker,
            roles=world.roles(worker),
            request_id=rid,
            spec=svc.OrderSpec(),
            now=NOW,
        ),
        "place_choices": staff_place.place_choices(
            session, user=worker, roles=world.roles(worker), request_id=rid
        ),
        "move_place": staff_place.move_place(
            session,
            user=worker,
            roles=world.roles(worker),
            request_id=rid,
            building_id=world.building.id or 0,
            now=NOW,
        ),
    }
    for coro in attempts.values():
        with pytest.raises(PermissionDenied) as refused:
            await coro
        assert refused.value.key == "err-not-allowed"
    assert await _refusals(session, worker) == list(attempts)
    assert not (await session.exec(select(Order))).all()

    # the community's staff issue it (community-wide: it has no grid to keep to)
    out = await svc.issue_order(
        session,
        user=staff,
        roles=world.roles(staff),
        request_id=rid,
        spec=svc.OrderSpec(skills=("plumbing",)),
        now=NOW,
    )
    assert out.order is not None and out.order.grid_id is None
    oid = out.order.id or 0
    # a member claims it: the community's staff hear of it, the grid worker does not
    claimed = await svc.claim_order(
        session, user=world.member, roles=world.roles(world.member), order_id=oid, now=NOW
    )
    staff_told = {n.chat_id for n in claimed.notices} & {staff.id, worker.id}
    assert staff_told == {staff.id}
    with pytest.raises(PermissionDenied):
        await svc.cancel_order(
            session, user=worker, roles=world.roles(worker), order_id=oid, reason="x", now=NOW
        )
    assert (await _refusals(session, worker))[-1] == "cancel_order"


async def test_a_community_wide_order_stays_its_requests_grids(
    session: AsyncSession, world: World
) -> None:
    """第一网格's worker acts on a community-wide order of a 第一网格 request, and not on one of
    a 第二网格 request (before, any grid worker could: the order had no grid)."""
    staff, worker = world.staff, world.grid_staff
    orders = {}
    for resident in (world.resident, world.resident2):  # 第一网格, 第二网格
        filed = await req_svc.file_request(
            session,
            user=resident,
            draft=draft(f"{resident.id} 家水管漏水"),
            suggestion=None,
            now=T0,
        )
        out = await svc.issue_order(
            session,
            user=staff,
            roles=world.roles(staff),
            request_id=filed.request.id or 0,
            spec=svc.OrderSpec(community_wide=True),
            now=NOW,
        )
        assert out.order is not None and out.order.grid_id is None
        orders[resident.id] = out.order.id or 0
    with pytest.raises(PermissionDenied):
        await svc.cancel_order(
            session,
            user=worker,
            roles=world.roles(worker),
            order_id=orders[world.resident2.id],
            reason="不是我的",
            now=NOW,
        )
    assert await _refusals(session, worker) == ["cancel_order"]
    done = await svc.cancel_order(
        session,
        user=worker,
        roles=world.roles(worker),
        order_id=orders[world.resident.id],
        reason="居民已自行解决",
        now=NOW,
    )
    assert done.order is not None


async def test_a_grid_worker_of_two_grids_is_still_no_community_staff(
    session: AsyncSession, world: World
) -> None:
    """Scoped to both grids of the community, still not to the community itself: a request in
    no grid is not theirs either."""
    session.add(
        StaffScope(
            user_id=world.grid_staff.id,
            community_id=world.community.id or 0,
            grid_id=world.grid2.id,
        )
    )
    await session.commit()
    rid = await _gridless(session, world)
    worker = world.grid_staff
    with pytest.raises(PermissionDenied):
        await svc.staff_view(session, user=worker, roles=world.roles(worker), request_id=rid)
