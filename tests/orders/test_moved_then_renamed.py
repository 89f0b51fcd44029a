"""A matter moved to another grid keeps where it was by id in its ledger row, so a grid
worker's tap on a card drawn before the move reads as stale (MovedAway: nothing logged) also
after an admin renamed the building it left — it used to read the building from the note's
name and, renamed, took the tap for a forged one (refused and logged). Both ways a request
moves (staff's 📍 改地点, the resident's 补充信息) record it; a request in no grid that a
补充信息 moves into one is recorded too."""

from __future__ import annotations

import pytest
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import AuditEvent, User
from models.orders import LedgerEvent, Request
from services import orders as svc
from services import org_edit, staff_place
from services import requests as req_svc
from services.errors import MovedAway
from tests.orders.conftest import T0, World, draft


async def _filed(session: AsyncSession, w: World) -> Request:
    filed = await req_svc.file_request(
        session, user=w.resident, draft=draft("门口的下水道堵了"), suggestion=None, now=T0
    )
    return filed.request


async def _move_rows(session: AsyncSession, req: Request) -> list[tuple[int | None, int | None]]:
    rows = await session.exec(
        select(LedgerEvent.from_building_id, LedgerEvent.from_grid_id).where(
            col(LedgerEvent.request_id) == req.id, col(LedgerEvent.action) == "move_place"
        )
    )
    return [tuple(r) for r in rows.all()]


async def _stale_tap_after_rename(session: AsyncSession, w: World, req: Request) -> None:
    """The admin renames 3号楼 (where it was); 张网格员 (第一网格) taps their old card."""
    await org_edit.rename(
        session,
        user=w.admin,
        roles=w.roles(w.admin),
        kind="building",
        target_id=w.building.id or 0,
        name="三号楼",
    )
    worker = w.grid_staff
    with pytest.raises(MovedAway) as stale:
        await svc.staff_view(session, user=worker, roles=w.roles(worker), request_id=req.id or 0)
    assert stale.value.request_id == req.id
    # where it is now and where it was, as the names read now
    assert {k: str(v) for k, v in stale.value.args_.items() if k != "number"} == {
        "place": "5号楼",
        "grid": "第二网格",
        "before": "三号楼",
    }
    refused = await session.exec(
        select(AuditEvent).where(
            col(AuditEvent.actor_id) == worker.id, col(AuditEvent.action) == "refused"
        )
    )
    assert refused.all() == []


async def test_moved_by_staff_then_the_building_renamed(
    session: AsyncSession, world: World
) -> None:
    w = world
    req = await _filed(session, w)
    await staff_place.move_place(
        session,
        user=w.staff,
        roles=w.roles(w.staff),
        request_id=req.id or 0,
        building_id=w.building2.id or 0,
        now=T0,
    )
    assert await _move_rows(session, req) == [(w.building.id, w.grid.id)]
    await _stale_tap_after_rename(session, w, req)


async def test_moved_by_her_words_then_the_building_renamed(
    session: AsyncSession, world: World
) -> None:
    w = world
    req = await _filed(session, w)
    added = await req_svc.add_info(
        session, user=w.resident, request_id=req.id or 0, text="是5号楼门口", now=T0
    )
    assert added.moved
    assert await _move_rows(session, req) == [(w.building.id, w.grid.id)]
    await _stale_tap_after_rename(session, w, req)


async def test_a_request_in_no_grid_moved_by_her_words_is_recorded(
    session: AsyncSession, world: World
) -> None:
    w = world
    resident = await session.get(User, w.resident.id)
    assert resident is not None
    resident.grid_id = None
    session.add(resident)
    await session.commit()
    req = await _filed(session, w)
    assert req.grid_id is None
    added = await req_svc.add_info(
        session, user=resident, request_id=req.id or 0, text="是5号楼门口", now=T0
    )
    # it used to move without a ledger row, and nobody of 第二网格 was told
    assert added.moved and added.grid == "第二网格"
    await session.refresh(req)
    assert (req.building_id, req.grid_id) == (w.building2.id, w.grid2.id)
    assert await _move_rows(session, req) == [(w.building.id, None)]
