"""同一件事: a resident about to file what a neighbour already reported may join that open
matter instead: theirs is filed and folded into it (they follow it), staff get no new card, and
the three rates leave it out of the response base (nobody had to respond to it)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from sqlalchemy import event
from sqlmodel import col, func, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Translator
from models import Building, Role, User
from models.orders import LedgerEvent, Request, RequestStatus
from services import orders as order_svc
from services import overview, stats
from services import requests as req_svc
from services.errors import Conflict
from services.export import export_ledger
from services.order_common import followers
from services.triage.deployment import load_triage
from tests.orders.conftest import T0, World, _user, draft

LAMP = "3号楼楼道的灯坏了，晚上很黑"
SAME = "3号楼楼道的灯坏了，晚上黑乎乎的"


@pytest.fixture(scope="module")
def triage(tmp_path_factory: pytest.TempPathFactory) -> object:
    return load_triage(data_dir=Path(tmp_path_factory.mktemp("triage")))


async def _neighbour(session: AsyncSession, w: World) -> User:
    """A resident of the same building as w.resident (3号楼, grid 1)."""
    user = await _user(
        session,
        210,
        {Role.RESIDENT},
        community_id=w.community.id,
        grid_id=w.grid.id,
        building_id=w.building.id,
        room="601",
        consent_at=T0,
    )
    await session.commit()
    return user


async def test_a_neighbour_joins_the_open_matter(
    session: AsyncSession, world: World, triage: object
) -> None:
    w = world
    first = (
        await req_svc.file_request(
            session, user=w.resident, draft=draft(LAMP), suggestion=None, now=T0
        )
    ).request
    neighbour = await _neighbour(session, w)
    later = T0 + timedelta(hours=1)
    [offer] = await req_svc.similar_for_resident(
        session, triage, user=neighbour, text=SAME, now=later
    )
    assert offer.request.id == first.id and offer.building == "3号楼"
    # not offered to someone of another grid, nor the resident their own matter
    assert (
        await req_svc.similar_for_resident(session, triage, user=w.resident2, text=SAME, now=later)
        == []
    )
    assert (
        await req_svc.similar_for_resident(session, triage, user=w.resident, text=SAME, now=later)
        == []
    )

    filed = await req_svc.file_request(
        session, user=neighbour, draft=draft(SAME), suggestion=None, now=later, join=first.id
    )
    joined = filed.request
    assert filed.notices == []  # staff get no new card
    assert joined.status == RequestStatus.MERGED and joined.merged_into_id == first.id
    assert joined.first_response_at is None  # nobody responded to it
    events = (
        await session.exec(
            select(LedgerEvent.action, LedgerEvent.request_id).order_by(col(LedgerEvent.id))
        )
    ).all()
    assert (("file", joined.id) in events) and (("join", joined.id) in events)
    assert ("joined", first.id) in events
    assert {resident for resident, _ in await followers(session, request=first)} == {
        w.resident.id,
        neighbour.id,
    }
    assert await req_svc.joined_count(session, request_id=first.id or 0) == 1
    # /start counts the followed matter as theirs in progress
    assert (await overview.resident_overview(session, user=neighbour, now=later)).in_progress == 1
    # staff take it up: both residents hear of it
    outcome = await order_svc.handle_directly(
        session, user=w.staff, roles=w.roles(w.staff), request_id=first.id or 0, now=later
    )
    assert {n.chat_id for n in outcome.notices} >= {w.resident.id, neighbour.id}
    ledger = await stats.ledger_stats(
        session,
        user=w.staff,
        roles=w.roles(w.staff),
        start=T0 - timedelta(days=1),
        end=T0 + timedelta(days=1),
        now=later,
    )
    assert ledger.overall.total == 2
    assert (ledger.overall.responded, ledger.overall.response_base) == (1, 1)


async def test_joining_is_refused_when_it_cannot_be_the_same_matter(
    session: AsyncSession, world: World
) -> None:
    w = world
    first = (
        await req_svc.file_request(
            session, user=w.resident, draft=draft(LAMP), suggestion=None, now=T0
        )
    ).request
    neighbour = await _neighbour(session, w)

    async def count() -> int:
        return int((await session.exec(select(func.count()).select_from(Request))).one())

    with pytest.raises(Conflict):  # their own matter
        await req_svc.file_request(
            session, user=w.resident, draft=draft(SAME), suggestion=None, now=T0, join=first.id
        )
    with pytest.raises(Conflict):  # another community's matter
        east = (
            await session.exec(
                select(Building).where(col(Building.community_id) == w.other_community.id)
            )
        ).one()
        other = User(
            id=220,
            first_name="u220",
            community_id=east.community_id,
            grid_id=east.grid_id,
            building_id=east.id,
            consent_at=T0,
        )
        other.set_roles({Role.RESIDENT})
        session.add(other)
        await session.commit()
        foreign = (
            await req_svc.file_request(
                session, user=other, draft=draft(LAMP), suggestion=None, now=T0
            )
        ).request
        await req_svc.file_request(
            session, user=neighbour, draft=draft(SAME), suggestion=None, now=T0, join=foreign.id
        )
    await order_svc.decline(
        session,
        user=w.staff,
        roles=w.roles(w.staff),
        request_id=first.id or 0,
        reason="不归社区管",
        now=T0,
    )
    before = await count()
    with pytest.raises(Conflict):  # no longer being worked on
        await req_svc.file_request(
            session, user=neighbour, draft=draft(SAME), suggestion=None, now=T0, join=first.id
        )
    assert await count() == before  # nothing filed


async def test_the_ledger_export_says_who_joined(
    session: AsyncSession, world: World, tmp_path: Path
) -> None:
    w = world
    first = (
        await req_svc.file_request(
            session, user=w.resident, draft=draft(LAMP), suggestion=None, now=T0
        )
    ).request
    neighbour = await _neighbour(session, w)
    joined = (
        await req_svc.file_request(
            session, user=neighbour, draft=draft(SAME), suggestion=None, now=T0, join=first.id
        )
    ).request
    out = await export_ledger(
        session,
        path=tmp_path / "ledger.xlsx",
        start=T0 - timedelta(days=1),
        end=T0 + timedelta(days=1),
        community_ids=None,
        texts=Translator(),
        lang="zh-Hans",
        zone=ZoneInfo("Asia/Shanghai"),
        now=T0,
    )
    rows = {
        row[0]: row
        for row in load_workbook(out.path).active.iter_rows(min_row=2, values_only=True)
    }
    mine = rows[joined.number]
    handling, history = mine[14], mine[24]
    assert handling is None  # no staff decision was made on it
    assert "居民认定是同一件事，并入" in history and "join" not in history, history
    # the target names the matter joined to it
    assert f"居民认定 {joined.number} 是同一件事，并入本诉求" in rows[first.number][24]


async def test_the_offers_names_come_in_one_query(
    session: AsyncSession, world: World, triage: object
) -> None:
    """Each offer's building and its order's latest title (when one was issued) are read for
    all the offers at once, not one query per offer."""
    w = world
    lamp = (
        await req_svc.file_request(
            session, user=w.resident, draft=draft(LAMP), suggestion=None, now=T0
        )
    ).request
    await order_svc.issue_order(
        session,
        user=w.staff,
        roles=w.roles(w.staff),
        request_id=lamp.id or 0,
        spec=order_svc.OrderSpec(members_needed=1, points=5, title="修好3号楼楼道灯"),
        now=T0 + timedelta(minutes=5),
    )
    again = (
        await req_svc.file_request(
            session,
            user=w.resident2,
            draft=draft("3号楼楼道灯坏了好几天了，晚上很黑"),
            suggestion=None,
            now=T0 + timedelta(minutes=10),
        )
    ).request
    neighbour = await _neighbour(session, w)
    session.expunge_all()  # nothing known beforehand, as in an update's own session
    statements: list[str] = []
    event.listen(
        session.bind.sync_engine,  # type: ignore[union-attr]
        "before_cursor_execute",
        lambda *a: statements.append(a[2]),
    )
    later = T0 + timedelta(hours=1)
    offers = await req_svc.similar_for_resident(
        session, triage, user=neighbour, text=SAME, now=later
    )
    assert len(statements) == 2, statements  # the candidates, then the offers' names
    named = {o.request.id: (o.building, o.title) for o in offers}
    assert named[lamp.id] == ("3号楼", "修好3号楼楼道灯")
    if again.id in named:  # another grid's resident, but the same building
        assert named[again.id] == ("3号楼", None)
