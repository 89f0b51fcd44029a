"""☎️ 代居民登记 in a public area of the community: staff filing for a resident who phoned about
the road outside the gate place it at no building and no room, followed by the grid of a grid
worker (who may not file for the whole community) or by the whole community's staff."""

from __future__ import annotations

import pytest
from sqlmodel.ext.asyncio.session import AsyncSession

from models.orders import Channel
from services import requests as req_svc
from services.errors import PermissionDenied
from tests.orders.conftest import T0, World, draft

ROAD = "小区东门外马路上有个大坑，车子开过去很危险"


async def test_staff_file_for_a_phoned_in_resident_in_a_public_area(
    session: AsyncSession, world: World
) -> None:
    w = world
    filed = await req_svc.file_on_behalf(
        session,
        staff=w.staff,
        roles=w.roles(w.staff),
        building_id=None,
        community_id=w.community.id,
        grid_id=None,
        room=None,
        contact_name="王奶奶",
        contact_phone=None,
        channel=Channel.PHONE,
        draft=draft(ROAD, public_area="东门外马路"),
        suggestion=None,
        now=T0,
    )
    req = filed.request
    assert (req.community_id, req.building_id, req.grid_id, req.room) == (
        w.community.id,
        None,
        None,
        None,
    )
    assert req.public_area == "东门外马路" and req.channel == Channel.PHONE
    # a grid worker files one in their grid, not for the whole community
    with pytest.raises(PermissionDenied):
        await req_svc.file_on_behalf(
            session,
            staff=w.grid_staff,
            roles=w.roles(w.grid_staff),
            building_id=None,
            community_id=w.community.id,
            grid_id=None,
            room=None,
            contact_name=None,
            contact_phone=None,
            channel=Channel.PHONE,
            draft=draft(ROAD, public_area=""),
            suggestion=None,
            now=T0,
        )
    ok = await req_svc.file_on_behalf(
        session,
        staff=w.grid_staff,
        roles=w.roles(w.grid_staff),
        building_id=None,
        community_id=w.community.id,
        grid_id=w.grid.id,
        room=None,
        contact_name=None,
        contact_phone=None,
        channel=Channel.PHONE,
        draft=draft(ROAD, public_area=""),
        suggestion=None,
        now=T0,
    )
    assert ok.request.grid_id == w.grid.id and ok.request.public_area == ""
