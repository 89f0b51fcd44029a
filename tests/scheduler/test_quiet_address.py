"""Someone who moves to another community has what is waiting for them timed by its quiet
hours, in the same commit as the address: a notice the old hours held until 07:00 goes at once
where quiet hours are off, and waits until 09:00 where they end at 09:00 (SQLite and
PostgreSQL). Notices naming a community keep that community's hours."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlmodel.ext.asyncio.session import AsyncSession

from models.org import Building, Community, Grid
from models.scheduling import Delivery
from services import users
from services.delivery import enqueue, set_quiet_hours
from tests.scheduler.conftest import add_users

SHANGHAI = ZoneInfo("Asia/Shanghai")
LI = 41


def local(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment in Shanghai local time (November 2026), as aware UTC."""
    return datetime(2026, 11, day, hour, minute, tzinfo=SHANGHAI).astimezone(UTC)


async def _communities(session: AsyncSession) -> dict[str, Building]:
    """阳光社区 (the default hours), 和谐社区 (quiet hours off), 幸福社区 (22:00–09:00)."""
    names = ("阳光社区", "和谐社区", "幸福社区")
    communities = [Community(name=n) for n in names]
    session.add_all(communities)
    await session.commit()
    grids = [Grid(community_id=c.id or 0, name="第一网格") for c in communities]
    session.add_all(grids)
    await session.commit()
    buildings = {
        n: Building(community_id=g.community_id, grid_id=g.id or 0, name="1号楼")
        for n, g in zip(names, grids, strict=True)
    }
    session.add_all(buildings.values())
    await session.commit()
    await set_quiet_hours(
        session, community_id=communities[1].id or 0, start="22:00", end="07:00", enabled=False
    )
    await set_quiet_hours(session, community_id=communities[2].id or 0, start="22:00", end="09:00")
    return buildings


async def _move(session: AsyncSession, building: Building, now: datetime) -> None:
    user = await session.get(users.User, LI)
    assert user is not None
    await users.register_address(
        session,
        user=user,
        community_id=building.community_id,
        grid_id=None,
        building_id=building.id or 0,
        room="101",
        now=now,
    )


async def _when(session: AsyncSession, row: Delivery) -> datetime:
    await session.refresh(row)
    return row.not_before


async def test_moving_retimes_what_the_old_quiet_hours_held(session: AsyncSession) -> None:
    buildings = await _communities(session)
    await add_users(session, [LI], community_id=buildings["阳光社区"].community_id)
    await _move(session, buildings["阳光社区"], local(23, 12))  # their address there
    night = local(23, 23)
    plain = await enqueue(session, chat_id=LI, text="审核通过", now=night)
    named = await enqueue(
        session,
        chat_id=LI,
        text="阳光社区停水通知",
        community_id=buildings["阳光社区"].community_id,
        now=night,
    )
    await session.commit()
    assert await _when(session, plain) == local(24, 7)
    # 23:10 they move to 幸福社区, whose quiet hours end at 09:00
    await _move(session, buildings["幸福社区"], local(23, 23, 10))
    assert await _when(session, plain) == local(24, 9)
    assert await _when(session, named) == local(24, 7)  # 阳光社区's own notice: its hours
    # 23:20 they move on to 和谐社区, which has quiet hours off: it goes now
    await _move(session, buildings["和谐社区"], local(23, 23, 20))
    assert await _when(session, plain) == local(23, 23, 20)
    assert await _when(session, named) == local(24, 7)
