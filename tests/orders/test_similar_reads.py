"""同一件事's reads (services.requests.similar_open, similar_for_resident) are statements built
once with their values bound: they find the same matters as ever (only joinable ones, not the
excluded one, best first; offers for any number found), and on PostgreSQL the joinable states
are one array parameter (= ANY), not an IN list expanded on every read."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from sqlmodel.ext.asyncio.session import AsyncSession

from models import Role, User
from models.orders import Request, RequestStatus
from services import requests as req_svc
from services import triage as triage_pkg
from services.triage.deployment import load_triage
from tests.orders.conftest import T0, World, _user, draft

LAMP = "3号楼楼道的灯坏了，晚上很黑"
LAMPS = ("3号楼楼道的灯坏了，晚上黑乎乎的", "3号楼楼道灯不亮了，晚上很黑", "3号楼楼道里的灯坏了")


@pytest.fixture(scope="module")
def triage(tmp_path_factory: pytest.TempPathFactory) -> object:
    return load_triage(data_dir=Path(tmp_path_factory.mktemp("triage")))


async def _neighbour(session: AsyncSession, w: World, uid: int) -> User:
    user = await _user(
        session,
        uid,
        {Role.RESIDENT},
        community_id=w.community.id,
        grid_id=w.grid.id,
        building_id=w.building.id,
        room=str(uid),
        consent_at=T0,
    )
    await session.commit()
    return user


async def _file(session: AsyncSession, user: User, text: str, minutes: int) -> Request:
    filed = await req_svc.file_request(
        session,
        user=user,
        draft=draft(text),
        suggestion=None,
        now=T0 + timedelta(minutes=minutes),
    )
    return filed.request


async def test_open_matters_found_as_ever(
    session: AsyncSession, world: World, triage: object
) -> None:
    w = world
    reqs = [
        await _file(session, await _neighbour(session, w, 900 + i), text, i)
        for i, text in enumerate(LAMPS)
    ]
    closed = reqs[2]
    closed.status = RequestStatus.CLOSED
    session.add(closed)
    await session.commit()
    now = T0 + timedelta(hours=1)
    kw = {"community_id": w.community.id, "grid_id": w.grid.id, "building_id": w.building.id}
    found = await req_svc.similar_open(session, triage, text=LAMP, now=now, **kw)  # type: ignore[arg-type]
    assert {rid for rid, _ in found} == {reqs[0].id, reqs[1].id}
    assert [score for _, score in found] == sorted((s for _, s in found), reverse=True)
    found = await req_svc.similar_open(
        session,
        triage,
        text=LAMP,
        now=now,
        exclude_id=reqs[0].id,
        **kw,  # type: ignore[arg-type]
    )
    assert [rid for rid, _ in found] == [reqs[1].id]
    # another community's matters are never candidates
    kw["community_id"] = w.other_community.id
    assert await req_svc.similar_open(session, triage, text=LAMP, now=now, **kw) == []  # type: ignore[arg-type]


async def test_offers_for_any_number_found(
    session: AsyncSession, world: World, triage: object
) -> None:
    w = world
    statements: list[str] = []
    event.listen(
        session.bind.sync_engine,  # type: ignore[union-attr]
        "before_cursor_execute",
        lambda *a: statements.append(a[2]),
    )
    seen: list[int] = []
    for i, text in enumerate(LAMPS):
        await _file(session, await _neighbour(session, w, 950 + i), text, i)
        statements.clear()
        similar = await req_svc.similar_for_resident(
            session, triage, user=w.resident, text=LAMP, now=T0 + timedelta(hours=1), limit=5
        )
        seen.append(len(similar))
        [candidates] = [s for s in statements if "WHERE requests.community_id" in s]
        if session.bind.dialect.name == "postgresql":  # type: ignore[union-attr]
            assert "= ANY" in candidates and " IN " not in candidates
    assert seen == [1, 2, 3]  # each neighbour's matter is offered, best first


async def test_only_what_may_be_offered_is_read(
    session: AsyncSession, world: World, triage: object
) -> None:
    w = world
    own = await _file(session, w.resident, LAMPS[0], 0)  # the resident's own
    far = await _file(session, w.resident2, LAMPS[1], 1)  # 5号楼, the other grid
    near = await _file(session, await _neighbour(session, w, 960), LAMPS[2], 2)
    ids = {own.id, far.id, near.id}
    session.expunge_all()
    resident = await session.get(User, w.resident.id)
    assert resident is not None
    loaded: set[int | None] = set()
    event.listen(
        session.sync_session,
        "loaded_as_persistent",
        lambda _s, obj: loaded.add(obj.id) if isinstance(obj, Request) else None,
    )
    similar = await req_svc.similar_for_resident(
        session, triage, user=resident, text=LAMP, now=T0 + timedelta(hours=1), limit=5
    )
    assert [s.request.id for s in similar] == [near.id]
    # the matters it may not offer were not read from the database
    assert loaded & ids == {near.id}


async def test_only_matters_of_the_window_are_read(
    session: AsyncSession, world: World, triage: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The 14 days a duplicate may be raised in are asked of the database: a matter raised
    exactly 14 days ago, or 13, is read and found; one raised a minute before is not read."""
    w = world
    older = await _file(session, await _neighbour(session, w, 970), LAMPS[0], -1)
    edge = await _file(session, await _neighbour(session, w, 971), LAMPS[1], 0)
    recent = await _file(session, await _neighbour(session, w, 972), LAMPS[2], 24 * 60)
    read: list[int] = []
    among = triage_pkg.duplicates_among

    def spy(*args: Any, rows: list[tuple[Any, ...]], **kw: Any) -> list[tuple[int, float]]:
        read.extend(row[0] for row in rows)
        return among(*args, rows=rows, **kw)

    monkeypatch.setattr(triage_pkg, "duplicates_among", spy)
    kw = {"community_id": w.community.id, "grid_id": w.grid.id, "building_id": w.building.id}
    now = T0 + timedelta(days=14)
    found = await req_svc.similar_open(session, triage, text=LAMP, now=now, **kw)  # type: ignore[arg-type]
    assert sorted(read) == sorted([edge.id, recent.id])
    assert {rid for rid, _ in found} == {edge.id, recent.id}
    assert older.id not in read


async def test_a_cards_duplicates_are_found_however_many_came_after(
    session: AsyncSession, world: World, triage: object
) -> None:
    """A staff card compares its matter with those raised up to its time: 200 matters raised
    a day later (the newest 200 read before the window was asked of the database) do not
    hide the one it repeats."""
    w = world
    first = await _file(session, await _neighbour(session, w, 980), LAMPS[0], 0)
    again = await _file(session, await _neighbour(session, w, 981), LAMPS[1], 1)
    session.add_all(
        Request(
            community_id=w.community.id or 0,
            grid_id=w.grid.id,
            building_id=w.building.id,
            filed_by=w.resident.id or 0,
            text=f"{n}号楼门口的垃圾没人清理",
            created_at=T0 + timedelta(days=1, minutes=n),
        )
        for n in range(200)
    )
    await session.commit()
    found = await req_svc.similar_open(
        session,
        triage,
        text=again.text,
        community_id=w.community.id or 0,
        grid_id=again.grid_id,
        building_id=again.building_id,
        now=again.created_at,
        exclude_id=again.id,
    )
    assert [rid for rid, _ in found] == [first.id]
