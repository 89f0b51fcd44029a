"""A grid worker's ledger and export hold only their grid's matters (QA D39)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from openpyxl import load_workbook
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Translator
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
