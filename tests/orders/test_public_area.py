"""A matter outside every building ('小区东门外马路上有个大坑') was filed at the resident's own
building and grid, and 📍 改地点 offered buildings only. Staff now place it in a public area of
the community (services.staff_place.move_to_public_area): no building and no room, a grid they
choose (or none: the whole community's staff), and their words for where ('东门外马路'). Its
place reads so in the ledger's notes, the notices, the XLSX ledger (in the reader's language)
and /find; a grid worker keeps what is in their grid and is told when it leaves it. SQLite and
PostgreSQL."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Translator
from models import AuditEvent, Grid, User
from models.orders import Request
from services import orders as svc
from services import staff_place, stats
from services.errors import InvalidInput, MovedAway, PermissionDenied
from services.export import export_ledger
from services.order_common import use_outbox
from services.places import PUBLIC_AREA_KEY, PUBLIC_AREA_WORD
from tests.orders.conftest import T0, World
from tests.orders.test_staff_place import _file, _last_id, _mail, _moves, _sink


async def _to_area(
    session: AsyncSession,
    world: World,
    req: Request,
    *,
    grid_id: int | None,
    where: str | None,
    by: str = "staff",
) -> staff_place.PlaceChange:
    who = world.staff if by == "staff" else world.grid_staff
    use_outbox(session, _sink(session, T0))
    return await staff_place.move_to_public_area(
        session,
        user=who,
        roles=world.roles(who),
        request_id=req.id or 0,
        grid_id=grid_id,
        where=where,
        now=T0,
    )


def test_the_public_area_word_is_the_default_locales() -> None:
    """A place as a plain string (the ledger's notes) says what zh-Hans readers read."""
    assert Translator().get("zh-Hans", PUBLIC_AREA_KEY) == PUBLIC_AREA_WORD


async def test_staff_place_a_matter_in_a_public_area_of_a_grid(
    session: AsyncSession, world: World
) -> None:
    w = world  # the resident lives in 3号楼 (第一网格) 302
    req = await _file(session, w, "小区门口马路上有个大坑，晚上骑车很危险")
    before = await _last_id(session)

    out = await _to_area(session, w, req, grid_id=w.grid.id, where="  东门外马路 ")

    assert out.changed and (str(out.place), out.grid) == ("公共区域 · 东门外马路", "第一网格")
    await session.refresh(req)
    assert (req.building_id, req.grid_id, req.room) == (None, w.grid.id, None)
    assert req.public_area == "东门外马路"
    [event] = await _moves(session, req)
    assert (event.actor_id, event.note) == (w.staff.id, "3号楼 → 公共区域 · 东门外马路")
    mail = {d.chat_id: d for d in await _mail(session, req, since=before)}
    # 张网格员 keeps it (their grid) and reads where it is; the resident too
    assert set(mail) == {w.grid_staff.id, w.resident.id}
    assert mail[w.grid_staff.id].kind == "order-notice-place-moved"
    assert "改为 公共区域 · 东门外马路（原为 3号楼），归 第一网格" in mail[w.grid_staff.id].text
    assert "更正为 公共区域 · 东门外马路，由 第一网格" in mail[w.resident.id].text
    # still theirs: in their queue, and found by the words for where (not in the matter's text)
    queue = await svc.staff_queue(session, user=w.grid_staff, roles=w.roles(w.grid_staff))
    assert [r.id for r in queue.items] == [req.id]
    found = await svc.search_requests(
        session, user=w.grid_staff, roles=w.roles(w.grid_staff), words="东门外"
    )
    assert [r.id for r in found.items] == [req.id]
    assert (await _stats(session, w, w.grid_staff)).overall.total == 1
    # the same place again changes nothing
    same = await _to_area(session, w, req, grid_id=w.grid.id, where="东门外马路")
    assert not same.changed and len(await _moves(session, req)) == 1


async def test_in_no_grid_it_is_the_whole_communitys(session: AsyncSession, world: World) -> None:
    w = world
    req = await _file(session, w, "小区门口马路上有个大坑")
    await _to_area(session, w, req, grid_id=w.grid.id, where="东门外马路")
    before = await _last_id(session)

    # 张网格员 hands it to the whole community: it is no longer theirs
    out = await _to_area(session, w, req, grid_id=None, where=None, by="grid")

    assert out.changed and (str(out.place), out.grid) == ("公共区域", "阳光社区")
    assert not out.still_theirs
    await session.refresh(req)
    assert (req.building_id, req.grid_id, req.public_area) == (None, None, "")
    mail = {d.chat_id: d for d in await _mail(session, req, since=before)}
    # 李社工 (the whole community) is told; who moved it is not told again
    assert "改为 公共区域（原为 公共区域 · 东门外马路），归 阳光社区" in mail[w.staff.id].text
    assert w.grid_staff.id not in mail
    queue = await svc.staff_queue(session, user=w.grid_staff, roles=w.roles(w.grid_staff))
    assert queue.items == []
    assert (await _stats(session, w, w.grid_staff)).overall.total == 0
    # a card of it they still have: where it went, not '没有权限'
    with pytest.raises(MovedAway) as moved:
        await svc.staff_view(
            session, user=w.grid_staff, roles=w.roles(w.grid_staff), request_id=req.id or 0
        )
    said = {k: str(v) for k, v in moved.value.args_.items()}
    assert (said["place"], said["grid"]) == ("公共区域", "阳光社区")
    assert said["before"] == "公共区域 · 东门外马路"

    # back at a building: no longer a public area
    back = await staff_place.move_place(
        session,
        user=w.staff,
        roles=w.roles(w.staff),
        request_id=req.id or 0,
        building_id=w.building.id or 0,
        now=T0,
    )
    assert back.changed
    await session.refresh(req)
    assert (req.building_id, req.grid_id, req.room, req.public_area) == (
        w.building.id,
        w.grid.id,
        "302",
        None,
    )


async def test_another_communitys_grid_and_bad_words_are_refused(
    session: AsyncSession, world: World
) -> None:
    w = world
    req = await _file(session, w, "小区门口马路上有个大坑")
    [their_grid] = (
        await session.exec(select(Grid).where(col(Grid.community_id) == w.other_community.id))
    ).all()
    with pytest.raises(PermissionDenied):
        await _to_area(session, w, req, grid_id=their_grid.id, where="东门外马路")
    refused = (
        await session.exec(select(AuditEvent).where(col(AuditEvent.actor_id) == w.staff.id))
    ).all()
    assert [r.detail for r in refused if r.action == "refused"] == ["move_place_foreign"]
    with pytest.raises(InvalidInput):
        await _to_area(session, w, req, grid_id=None, where="马路" * 21)
    await session.refresh(req)
    assert (req.building_id, req.public_area) == (w.building.id, None)


@pytest.mark.parametrize(
    ("lang", "sheet", "where"),
    [("zh-Hans", "台账", "公共区域 · 东门外马路"), ("en", "Ledger", "public area · 东门外马路")],
)
async def test_the_ledger_and_the_stats_read_the_public_area(
    session: AsyncSession, world: World, tmp_path: Path, lang: str, sheet: str, where: str
) -> None:
    w = world
    req = await _file(session, w, "小区门口马路上有个大坑")
    await _to_area(session, w, req, grid_id=None, where="东门外马路")
    out = await export_ledger(
        session,
        path=tmp_path / "ledger.xlsx",
        start=T0 - timedelta(days=1),
        end=T0 + timedelta(days=1),
        community_ids=[w.community.id or 0],
        texts=Translator(),
        lang=lang,
        zone=ZoneInfo("Asia/Shanghai"),
        now=T0,
    )
    rows = list(load_workbook(out.path)[sheet].iter_rows(values_only=True))
    row = dict(zip(rows[0], rows[1], strict=True))
    building, grid, room = (
        ("楼栋", "网格", "房号") if lang == "zh-Hans" else ("Building", "Grid", "Room")
    )
    # the resident's room, in their own building (named in the reader's language), for staff
    # to call back
    home = "3号楼 302" if lang == "zh-Hans" else "Building 3 302"
    assert (row[building], row[grid], row[room]) == (where, None, home), row
    # counted in no grid, not in the resident's 第一网格
    figures = await _stats(session, w, w.staff)
    assert {gid: r.total for gid, r in figures.by_grid.items()} == {None: 1}


async def _stats(session: AsyncSession, world: World, user: User) -> stats.Stats:
    return await stats.ledger_stats(
        session,
        user=user,
        roles=world.roles(user),
        start=T0 - timedelta(days=1),
        end=T0 + timedelta(days=1),
        now=T0,
    )
