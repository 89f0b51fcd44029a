"""A resident says where her matter is when it is not her home: in a public area of the
community (no building, no room, no grid: the whole community's staff), or at her building but
not in her home (no room); words that surely name a public place are read for the preview."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel.ext.asyncio.session import AsyncSession

from services import requests as req_svc
from services.address import public_place
from tests.orders.conftest import T0, World, draft

ROAD = "小区东门外马路上有个大坑，车子开过去很危险"
SAME = "东门外马路上好大一个坑，差点摔倒"


@pytest.fixture(scope="module")
def triage(tmp_path_factory: pytest.TempPathFactory) -> object:
    from services.triage.deployment import load_triage

    return load_triage(data_dir=Path(tmp_path_factory.mktemp("triage")))


async def test_filed_in_a_public_area_it_has_no_building_room_or_grid(
    session: AsyncSession, world: World
) -> None:
    w = world
    filed = await req_svc.file_request(
        session,
        user=w.resident,
        draft=draft(ROAD, public_area="东门外马路"),
        suggestion=None,
        now=T0,
    )
    req = filed.request
    assert (req.building_id, req.grid_id, req.room, req.public_area) == (
        None,
        None,
        None,
        "东门外马路",
    )
    # the whole community's staff get its card, not the grid worker of her grid
    told = {n.chat_id for n in filed.notices}
    assert w.staff.id in told and w.grid_staff.id not in told
    assert str(filed.notices[0].args["place"]) == "阳光社区 · 公共区域 · 东门外马路"


async def test_at_her_building_not_her_home_it_has_no_room(
    session: AsyncSession, world: World
) -> None:
    w = world
    filed = await req_svc.file_request(
        session,
        user=w.resident,
        draft=draft("楼顶的水箱在漏水", home_room=False),
        suggestion=None,
        now=T0,
    )
    req = filed.request
    assert (req.building_id, req.grid_id, req.room) == (w.building.id, w.grid.id, None)


@pytest.mark.parametrize(
    ("said", "where"),
    [
        ("小区东门外马路上有个大坑", "东门外马路"),
        ("小区门口的路灯不亮", "小区门口"),
        ("停车场有辆车堵住了消防通道", "停车场"),
        ("阳光花园3栋楼道灯坏了", None),  # a building, indoors
        ("我家厨房下水道堵了", None),
        ("西门子冰箱坏了", None),  # not a west gate
        ("楼下马路上有个坑", None),  # 楼下: not sure
        ("花园小区的水管爆了", None),
    ],
)
def test_words_that_put_a_matter_in_a_public_area(said: str, where: str | None) -> None:
    assert public_place(said, names=("花园小区",)) == where
