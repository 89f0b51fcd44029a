"""A small world for order-cycle service tests: two communities, staff, residents, members."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from models import (
    Building,
    Community,
    Grid,
    MemberProfile,
    MemberStatus,
    Role,
    StaffScope,
    User,
)
from scheduler.runner import JobRunner
from services.requests import Draft
from tests.e2e.conftest import (  # noqa: F401  (the sandbox fixtures for e2e tests)
    linli_sandbox,
    linli_sandbox_pg,
)
from tests.support import FakeClock, job_runner

T0 = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


@dataclass
class World:
    """Ids and users of the test world."""

    community: Community
    other_community: Community
    grid: Grid
    grid2: Grid
    building: Building
    building2: Building
    staff: User
    grid_staff: User
    other_staff: User
    resident: User
    resident2: User
    member: User
    member2: User
    member3: User
    foreign_member: User
    admin: User

    def roles(self, user: User) -> frozenset[Role]:
        """Effective roles as the middleware would compute them."""
        roles = set(user.role_set) | {Role.RESIDENT}
        if user is self.admin:
            roles.add(Role.ADMIN)
        return frozenset(roles)


@pytest.fixture
def clock() -> FakeClock:
    """Time that only moves when the test moves it (starts at T0)."""
    return FakeClock(T0)


@pytest.fixture
def runner(sessionmaker: async_sessionmaker[AsyncSession], clock: FakeClock) -> JobRunner:
    """The real job runner over the test database, driven by `clock`."""
    return job_runner(sessionmaker, clock, worker="t-orders")


def draft(text: str = "3号楼楼道灯坏了，晚上很黑", **kw: object) -> Draft:
    """A request draft."""
    return Draft(text=text, category=str(kw.pop("category", "facilities")), **kw)  # type: ignore[arg-type]


async def _user(session: AsyncSession, uid: int, roles: set[Role], **kw: object) -> User:
    user = User(id=uid, first_name=f"u{uid}", created_at=T0, last_seen_at=T0, **kw)  # type: ignore[arg-type]
    user.set_roles(roles)
    session.add(user)
    return user


@pytest.fixture
async def world(session: AsyncSession) -> World:
    """Communities, grids, buildings; staff scoped to them; residents; approved members."""
    c1 = Community(name="阳光社区", public_channel_id=-1001)
    c2 = Community(name="和谐社区")
    session.add_all([c1, c2])
    await session.flush()
    g1 = Grid(community_id=c1.id or 0, name="第一网格")
    g2 = Grid(community_id=c1.id or 0, name="第二网格")
    g3 = Grid(community_id=c2.id or 0, name="东区网格")
    session.add_all([g1, g2, g3])
    await session.flush()
    b1 = Building(community_id=c1.id or 0, grid_id=g1.id or 0, name="3号楼", households=60)
    b2 = Building(community_id=c1.id or 0, grid_id=g2.id or 0, name="5号楼", households=60)
    b3 = Building(community_id=c2.id or 0, grid_id=g3.id or 0, name="东1栋", households=60)
    session.add_all([b1, b2, b3])
    await session.flush()
    addr = {"community_id": c1.id, "grid_id": g1.id, "building_id": b1.id, "consent_at": T0}
    staff = await _user(session, 100, {Role.RESIDENT, Role.STAFF})
    grid_staff = await _user(session, 101, {Role.RESIDENT, Role.STAFF})
    other_staff = await _user(session, 102, {Role.RESIDENT, Role.STAFF})
    admin = await _user(session, 103, {Role.RESIDENT})
    resident = await _user(session, 200, {Role.RESIDENT}, room="302", phone="13800138000", **addr)
    resident2 = await _user(
        session,
        201,
        {Role.RESIDENT},
        room="501",
        phone="13900139000",
        community_id=c1.id,
        grid_id=g2.id,
        building_id=b2.id,
        consent_at=T0,
    )
    members = []
    for uid, cid, gid, skills in (
        (300, c1.id, None, "electrical,plumbing"),
        (301, c1.id, g1.id, "electrical"),
        (302, c1.id, None, "electrical,general"),
        (303, c2.id, None, "electrical"),
    ):
        m = await _user(session, uid, {Role.RESIDENT, Role.MEMBER})
        members.append(m)
        await session.flush()
        session.add(
            MemberProfile(
                user_id=uid,
                real_name=f"党员{uid}",
                work_unit="单位",
                phone="13700137000",
                skills=skills,
                community_id=cid or 0,
                grid_id=gid,
                status=MemberStatus.APPROVED,
                show_name_public=True,  # they agreed to be named on results
            )
        )
    await session.flush()
    session.add_all(
        [
            StaffScope(user_id=100, community_id=c1.id or 0),
            StaffScope(user_id=101, community_id=c1.id or 0, grid_id=g1.id),
            StaffScope(user_id=102, community_id=c2.id or 0),
        ]
    )
    await session.commit()
    return World(
        community=c1,
        other_community=c2,
        grid=g1,
        grid2=g2,
        building=b1,
        building2=b2,
        staff=staff,
        grid_staff=grid_staff,
        other_staff=other_staff,
        resident=resident,
        resident2=resident2,
        member=members[0],
        member2=members[1],
        member3=members[2],
        foreign_member=members[3],
        admin=admin,
    )
