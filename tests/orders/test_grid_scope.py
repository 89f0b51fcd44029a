"""A grid worker's ledger, export and member board hold only their grid's matters (QA D39)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from openpyxl import load_workbook
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Translator
from models import User
from services import orders as order_svc
from services import requests as req_svc
from services import stats
from services.export import export_ledger
from tests.orders.conftest import T0, World, draft

ZONE = ZoneInfo("Asia/Shanghai")


async def test_grid_worker_sees_only_their_grid(
    session: AsyncSession, world: World, tmp_path: Path
) -> None:
    for user in (world.resident, world.resident2):  # grid 1 and grid 2 of the same community
        await req_svc.file_request(
            session, user=user, draft=draft(f"{user.id} 的楼道灯坏了"), suggestion=None, now=T0
        )
    window = {"start": T0 - timedelta(days=1), "end": T0 + timedelta(days=1), "now": T0}
    whole = await stats.ledger_stats(
        session, user=world.staff, roles=world.roles(world.staff), **window
    )
    grid = await stats.ledger_stats(
        session, user=world.grid_staff, roles=world.roles(world.grid_staff), **window
    )
    assert whole.overall.total == 2
    assert grid.overall.total == 1 and set(grid.by_grid) == {world.grid.id}
    scope = await stats.scope_condition(
        session, user=world.grid_staff, roles=world.roles(world.grid_staff)
    )
    out = await export_ledger(
        session,
        path=tmp_path / "grid.xlsx",
        start=window["start"],
        end=window["end"],
        community_ids=[world.community.id or 0],
        scope=scope,
        texts=Translator(),
        lang="zh-Hans",
        zone=ZONE,
        now=T0,
    )
    assert out.rows == 1
    cells = [str(c.value) for row in load_workbook(out.path).active.iter_rows() for c in row]
    assert not any("13900139000" in c or c == "501" for c in cells)  # resident2's phone, room


async def _served(
    session: AsyncSession, w: World, *, resident: User, member: User, points: int, at: datetime
) -> None:
    """A matter of the resident's grid, served by the member and verified: points credited."""
    filed = await req_svc.file_request(
        session, user=resident, draft=draft(f"{resident.id} 家水管漏水"), suggestion=None, now=at
    )
    order = (
        await order_svc.issue_order(
            session,
            user=w.staff,
            roles=w.roles(w.staff),
            request_id=filed.request.id or 0,
            spec=order_svc.OrderSpec(points=points),
            now=at,
        )
    ).order
    assert order is not None
    member_roles = w.roles(member)
    await order_svc.claim_order(
        session, user=member, roles=member_roles, order_id=order.id or 0, now=at
    )
    await order_svc.report_done(
        session,
        user=member,
        roles=member_roles,
        order_id=order.id or 0,
        note="修好了",
        now=at + timedelta(hours=1),
    )
    await order_svc.verify(
        session,
        user=w.staff,
        roles=w.roles(w.staff),
        order_id=order.id or 0,
        approve=True,
        note=None,
        now=at + timedelta(hours=2),
    )


async def test_grid_worker_board_counts_points_earned_in_their_grid(
    session: AsyncSession, world: World
) -> None:
    """/stats' member board: a grid worker sees who served their grid's matters, with the points
    earned there; community staff and the sub-district admin see the whole community as before."""
    w = world
    await _served(session, w, resident=w.resident, member=w.member, points=10, at=T0)  # grid 1
    await _served(session, w, resident=w.resident, member=w.member2, points=5, at=T0)  # grid 1
    await _served(session, w, resident=w.resident2, member=w.member, points=7, at=T0)  # grid 2
    await _served(session, w, resident=w.resident2, member=w.member3, points=30, at=T0)  # grid 2
    window = {"start": T0 - timedelta(days=1), "end": T0 + timedelta(days=1), "now": T0}

    async def board(user: User) -> list[tuple[int, str, int, int]]:
        s = await stats.ledger_stats(session, user=user, roles=w.roles(user), **window)
        return s.by_member

    whole = [(w.member3.id, "党员302", 1, 30), (w.member.id, "党员300", 2, 17)]
    whole.append((w.member2.id, "党员301", 1, 5))
    assert await board(w.staff) == whole
    assert await board(w.admin) == whole
    # 党员300 served both grids: only the grid-1 matter counts; 党员302 served only grid 2
    assert await board(w.grid_staff) == [
        (w.member.id, "党员300", 1, 10),
        (w.member2.id, "党员301", 1, 5),
    ]
    assert await board(w.other_staff) == []
