"""A request whose description names another building of the community (services.address.
named_place, kept by the resident in the preview) is filed at that building and its grid, with
no room (the resident's room is of their own building); a building of another community is
not taken; the XLSX ledger gives the resident's room with their own building's name."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from openpyxl import load_workbook
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Translator
from models import Building
from services import requests as req_svc
from services.address import named_place
from services.export import export_ledger
from tests.orders.conftest import T0, World, draft


async def test_filed_at_the_building_named_with_its_grid_and_no_room(
    session: AsyncSession, world: World
) -> None:
    w = world  # the resident lives in 3号楼 (grid 1), room 302; 5号楼 is in grid 2
    place = await named_place(
        session,
        "五号楼门口的路灯不亮",
        community_id=w.community.id or 0,
        home_building_id=w.resident.building_id,
    )
    assert place is not None and place.building_id == w.building2.id
    assert (place.name, place.home) == ("5号楼", "3号楼")
    filed = await req_svc.file_request(
        session,
        user=w.resident,
        draft=draft("五号楼门口的路灯不亮", building_id=place.building_id),
        suggestion=None,
        now=T0,
    )
    req = filed.request
    assert (req.building_id, req.grid_id, req.room) == (w.building2.id, w.grid2.id, None)


async def test_a_building_of_another_community_is_not_taken(
    session: AsyncSession, world: World
) -> None:
    w = world
    [elsewhere] = (
        await session.exec(select(Building).where(Building.community_id == w.other_community.id))
    ).all()
    assert (
        await named_place(
            session,
            f"{elsewhere.name}门口的路灯不亮",
            community_id=w.community.id or 0,
            home_building_id=w.resident.building_id,
        )
        is None
    )
    # nor when a forged draft names it: the request stays at the resident's own building
    filed = await req_svc.file_request(
        session,
        user=w.resident,
        draft=draft("路灯不亮", building_id=elsewhere.id),
        suggestion=None,
        now=T0,
    )
    req = filed.request
    assert (req.building_id, req.grid_id, req.room) == (w.building.id, w.grid.id, "302")


async def test_the_ledger_gives_the_residents_room_in_their_own_building(
    session: AsyncSession, world: World, tmp_path: Path
) -> None:
    w = world
    await req_svc.file_request(
        session,
        user=w.resident,
        draft=draft("五号楼门口的路灯不亮", building_id=w.building2.id),
        suggestion=None,
        now=T0,
    )
    out = await export_ledger(
        session,
        path=tmp_path / "ledger.xlsx",
        start=T0 - timedelta(days=1),
        end=T0 + timedelta(days=1),
        community_ids=[w.community.id or 0],
        texts=Translator(),
        lang="en",
        zone=ZoneInfo("Asia/Shanghai"),
        now=T0,
    )
    rows = list(load_workbook(out.path)["Ledger"].iter_rows(values_only=True))
    row = dict(zip(rows[0], rows[1], strict=True))
    # an English ledger names the buildings in English (adminrest)
    assert (row["Building"], row["Room"]) == ("Building 5", "Building 3 302"), row
