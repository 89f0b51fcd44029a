"""What a filing reads to queue the staff cards: the staff, the place's names and the
community's quiet hours come in one query, and the cards are the same as when each was read
on its own (names, recipients, times under the community's own quiet hours)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import event
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import StaffScope, User
from models.scheduling import Delivery
from services import requests as req_svc
from services.delivery import set_quiet_hours
from services.order_common import Notice, matter_of
from services.order_notices import deliver
from tests.orders.conftest import World, draft

NIGHT = datetime(2026, 11, 23, 14, 30, tzinfo=UTC)  # Mon 22:30 in Shanghai


class Texts:
    def get(self, lang: str, key: str, /, **args: object) -> str:
        return f"{key}|{args.get('place')}"


async def _file(session: AsyncSession, world: World, now: datetime) -> req_svc.Filed:
    async def sink(notices: Sequence[Notice]) -> int:
        return await deliver(session, notices, texts=Texts(), default_language="zh-Hans", now=now)

    return await req_svc.file_request(
        session, user=world.resident, draft=draft(), suggestion=None, now=now, outbox=sink
    )


async def _cards(session: AsyncSession, filed: req_svc.Filed) -> list[Delivery]:
    rows = await session.exec(
        select(Delivery)
        .where(col(Delivery.matter) == matter_of(filed.request))
        .order_by(col(Delivery.chat_id))
    )
    return list(rows.all())


async def test_staff_place_and_quiet_hours_are_one_query(
    session: AsyncSession, world: World
) -> None:
    statements: list[str] = []
    event.listen(
        session.bind.sync_engine,  # type: ignore[union-attr]
        "before_cursor_execute",
        lambda *a: statements.append(a[2]),
    )
    filed = await _file(session, world, NIGHT)
    reads = [s for s in statements if s.lstrip().startswith("SELECT")]
    about = [s for s in reads if "staff_scopes" in s or "quiet_hours" in s or "communities" in s]
    assert len(about) == 1, about
    cards = await _cards(session, filed)
    # the community's staff and the grid's, each told once, with the place's names
    assert [c.chat_id for c in cards] == [world.staff.id, world.grid_staff.id]
    assert {c.text for c in cards} == {"order-notice-new|阳光社区 · 第一网格 · 3号楼"}
    # 22:30 is inside the default quiet hours (22:00-07:00): held
    assert all(c.held_from is not None for c in cards)


async def test_the_communitys_own_quiet_hours_time_the_cards(
    session: AsyncSession, world: World
) -> None:
    await set_quiet_hours(
        session, community_id=world.community.id or 0, start="23:00", end="06:00"
    )
    cards = await _cards(session, await _file(session, world, NIGHT))
    # 22:30 is before this community's quiet hours: the cards go now
    assert cards and all(c.held_from is None and c.not_before == NIGHT for c in cards)
    await set_quiet_hours(
        session, community_id=world.community.id or 0, start="22:00", end="07:00", enabled=False
    )
    cards = await _cards(session, await _file(session, world, NIGHT))
    assert cards and all(c.held_from is None for c in cards)


async def test_a_community_without_staff_gets_no_card(session: AsyncSession, world: World) -> None:
    for scope in (await session.exec(select(StaffScope))).all():
        await session.delete(scope)
    await session.commit()
    filed = await _file(session, world, NIGHT)
    assert filed.notices == [] and await _cards(session, filed) == []


async def test_staff_who_blocked_the_bot_or_lost_the_role_get_no_card(
    session: AsyncSession, world: World
) -> None:
    grid_staff = await session.get(User, world.grid_staff.id)
    assert grid_staff is not None
    grid_staff.blocked_bot = True
    session.add(grid_staff)
    await session.commit()
    cards = await _cards(session, await _file(session, world, NIGHT))
    assert [c.chat_id for c in cards] == [world.staff.id]


async def test_a_request_without_a_grid_tells_the_whole_communitys_staff(
    session: AsyncSession, world: World
) -> None:
    """In no grid, it is the whole community's staff's: a grid worker, who may not act on it,
    gets no card of it."""
    resident = await session.get(User, world.resident.id)
    assert resident is not None
    resident.grid_id = None
    session.add(resident)
    await session.commit()
    filed = await _file(session, world, NIGHT)
    cards = await _cards(session, filed)
    assert [c.chat_id for c in cards] == [world.staff.id]
    assert {c.text for c in cards} == {"order-notice-new|阳光社区 · 3号楼"}
