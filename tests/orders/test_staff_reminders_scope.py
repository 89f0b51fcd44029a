"""Reminders that widen to 'every staff member' reach only those who can act on the matter: the
community's staff and the grid's own workers, not another grid's worker (whose tap on it would
be refused as out of their area)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import Role, StaffScope
from models.scheduling import Delivery
from scheduler.runner import JobRunner
from services import orders as svc
from services import requests as req_svc
from tests.orders.conftest import T0, World, _user, draft
from tests.support import FakeClock

OTHER_GRID_WORKER = 150


async def _other_grid_worker(session: AsyncSession, world: World) -> None:
    await _user(session, OTHER_GRID_WORKER, {Role.RESIDENT, Role.STAFF})
    await session.flush()
    session.add(
        StaffScope(
            user_id=OTHER_GRID_WORKER,
            community_id=world.community.id or 0,
            grid_id=world.grid2.id,
        )
    )
    await session.commit()


async def _told(sm: async_sessionmaker[AsyncSession], kind: str) -> set[int]:
    async with sm() as s:
        rows = await s.exec(select(Delivery).where(col(Delivery.kind) == kind))
        return {d.chat_id for d in rows.all()}


async def test_an_unanswered_request_reminds_the_staff_who_can_take_it_up(
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    world: World,
    runner: JobRunner,
    clock: FakeClock,
) -> None:
    await _other_grid_worker(session, world)
    await req_svc.file_request(
        session,
        user=world.resident,  # 3号楼, 第一网格
        draft=draft("3号楼楼道灯坏了，晚上很黑"),
        suggestion=None,
        now=clock(),
    )
    clock.advance(timedelta(hours=24, minutes=1))
    assert (await runner.run_due()).done
    told = await _told(sessionmaker, "order-notice-unanswered")
    assert {world.staff.id, world.grid_staff.id} <= told
    assert OTHER_GRID_WORKER not in told


async def test_an_order_nobody_claimed_is_escalated_to_the_staff_who_can_act(
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    world: World,
) -> None:
    await _other_grid_worker(session, world)
    filed = await req_svc.file_request(
        session,
        user=world.resident,
        draft=draft("3号楼楼道灯坏了，晚上很黑"),
        suggestion=None,
        now=T0,
    )
    out = await svc.issue_order(
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        request_id=filed.request.id or 0,
        spec=svc.OrderSpec(members_needed=1, points=10),
        now=T0,
    )
    assert out.order is not None
    notices = await svc.escalate_unclaimed(
        session, order_id=out.order.id or 0, round_=2, now=T0 + timedelta(hours=24)
    )
    told = {n.chat_id for n in notices if n.key == "order-notice-escalated"}
    assert {world.staff.id, world.grid_staff.id} <= told
    assert OTHER_GRID_WORKER not in told
