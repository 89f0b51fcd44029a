"""同一件事 in a public area of the community: a matter there with no grid (a road, a gate) is
near every resident of the community, not only those of one building or grid, so it is offered
to them as the same matter; one said to be in a public area is offered only others there."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlmodel.ext.asyncio.session import AsyncSession

from models.orders import Request
from services import requests as req_svc
from services.places import spot
from tests.orders.conftest import T0, World, draft

ROAD = "小区东门外马路上有个大坑，车子开过去很危险"
SAME = "东门外马路上好大一个坑，差点摔倒"


@pytest.fixture(scope="module")
def triage(tmp_path_factory: pytest.TempPathFactory) -> object:
    from services.triage.deployment import load_triage

    return load_triage(data_dir=Path(tmp_path_factory.mktemp("triage")))


async def _in_public_area(session: AsyncSession, w: World) -> Request:
    """周阿姨's matter on the road, placed in a public area with no grid (as 📍 改地点 does)."""
    req = (
        await req_svc.file_request(
            session, user=w.resident, draft=draft(ROAD), suggestion=None, now=T0
        )
    ).request
    req.building_id, req.grid_id, req.room, req.public_area = None, None, None, ""
    session.add(req)
    await session.commit()
    return req


async def test_a_public_area_matter_is_offered_to_residents_of_every_grid(
    session: AsyncSession, world: World, triage: object
) -> None:
    w = world
    # 周阿姨 of 3号楼 (第一网格) put it in the public area; 5号楼's resident is of 第二网格
    first = await _in_public_area(session, w)
    later = T0 + timedelta(hours=1)
    for public in (False, True):  # filed at her home, or said to be in the public area too
        [offer] = await req_svc.similar_for_resident(
            session, triage, user=w.resident2, text=SAME, now=later, public=public
        )
        assert offer.request.id == first.id
        assert str(offer.building) == str(spot(first, None)) == "公共区域"


async def test_in_a_public_area_matters_at_buildings_are_not_offered(
    session: AsyncSession, world: World, triage: object
) -> None:
    w = world
    # a matter at 5号楼 (resident2's building) is near her at home, not a public area's
    await req_svc.file_request(
        session, user=w.resident2, draft=draft(ROAD), suggestion=None, now=T0
    )
    later = T0 + timedelta(hours=1)
    assert (
        await req_svc.similar_for_resident(
            session, triage, user=w.resident, text=SAME, now=later, public=True
        )
        == []
    )
