"""A small community for consultation tests: staff, a grid worker, residents in households."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

import pytest
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Translator
from models import Building, Community, Grid, MemberProfile, MemberStatus, Role, StaffScope, User
from services.consult_common import Notifier
from tests.e2e.conftest import Harness

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # a Monday, 10:00 in Shanghai


@dataclass
class World:
    """Ids and users of the test community."""

    community: Community
    other_community: Community
    grid1: Grid
    grid2: Grid
    b1: Building  # grid 1, 4 households on record
    b2: Building  # grid 1, 60 households on record
    b5: Building  # grid 2
    staff: User
    grid_worker: User
    admin: User
    residents: dict[str, User] = field(default_factory=dict)

    @property
    def staff_roles(self) -> frozenset[Role]:
        """Roles of the staff users."""
        return frozenset({Role.RESIDENT, Role.STAFF})

    def __getitem__(self, name: str) -> User:
        return self.residents[name]


RESIDENT = frozenset({Role.RESIDENT})


async def make_world(session: AsyncSession) -> World:
    """Two communities; residents a1/a2 share room 101 of b1, b 102 of b1 (verified),
    c 103 of b1 (not verified), d in b2, e in b5 (grid 2), x in the other community,
    u (not registered), m a member of the community."""
    sun = Community(name="阳光社区", public_channel_id=-1001000000001)
    moon = Community(name="和谐社区")
    session.add_all([sun, moon])
    await session.flush()
    assert sun.id is not None and moon.id is not None
    g1 = Grid(community_id=sun.id, name="第一网格")
    g2 = Grid(community_id=sun.id, name="第二网格")
    gx = Grid(community_id=moon.id, name="东区网格")
    session.add_all([g1, g2, gx])
    await session.flush()
    assert g1.id and g2.id and gx.id
    b1 = Building(community_id=sun.id, grid_id=g1.id, name="1号楼", households=4)
    b2 = Building(community_id=sun.id, grid_id=g1.id, name="2号楼", households=60)
    b5 = Building(community_id=sun.id, grid_id=g2.id, name="5号楼", households=70)
    bx = Building(community_id=moon.id, grid_id=gx.id, name="东1栋", households=62)
    session.add_all([b1, b2, b5, bx])
    await session.flush()

    def person(
        uid: int,
        name: str,
        building: Building | None,
        room: str | None,
        verified: bool = True,
        roles: str = "resident",
    ) -> User:
        user = User(id=uid, first_name=name, roles=roles)
        if building is not None:
            user.consent_at = NOW
            user.community_id = building.community_id
            user.grid_id = building.grid_id
            user.building_id = building.id
            user.room = room
            if verified:
                user.verified_at = NOW
        session.add(user)
        return user

    staff = person(900, "王主任", None, None, roles="resident,staff")
    worker = person(901, "李网格员", None, None, roles="resident,staff")
    admin = person(902, "街道", None, None, roles="resident,admin")
    residents = {
        "a1": person(1, "张大爷", b1, "101"),
        "a2": person(2, "张阿姨", b1, "101"),
        "b": person(3, "刘奶奶", b1, "102"),
        "c": person(4, "陈先生", b1, "103", verified=False),
        "d": person(5, "赵女士", b2, "201"),
        "e": person(6, "孙先生", b5, "501"),
        "x": person(7, "外社区", bx, "101"),
        "u": person(8, "新用户", None, None),
        "m": person(9, "党员小周", None, None, roles="resident,member"),
    }
    await session.flush()
    session.add_all(
        [
            StaffScope(user_id=staff.id, community_id=sun.id),
            StaffScope(user_id=worker.id, community_id=sun.id, grid_id=g1.id),
            MemberProfile(
                user_id=9,
                real_name="周明",
                work_unit="区税务局",
                phone="13800000000",
                community_id=sun.id,
                status=MemberStatus.APPROVED,
            ),
        ]
    )
    await session.commit()
    return World(
        community=sun,
        other_community=moon,
        grid1=g1,
        grid2=g2,
        b1=b1,
        b2=b2,
        b5=b5,
        staff=staff,
        grid_worker=worker,
        admin=admin,
        residents=residents,
    )


@pytest.fixture
async def world(session: AsyncSession) -> World:
    """The test community in a fresh database (SQLite and PostgreSQL)."""
    return await make_world(session)


@pytest.fixture(scope="session")
def translator() -> Translator:
    """The real locale files."""
    return Translator()


@pytest.fixture
def notifier(translator: Translator) -> Notifier:
    """Renders notices with the real texts and queues them in the outbox."""
    return Notifier(texts=translator, now=NOW)


@pytest.fixture
async def linli_sandbox(
    demo_sqlite_url: str, request: pytest.FixtureRequest
) -> AsyncIterator[Harness]:
    """The lead's e2e harness (tests/e2e/conftest.py), with the per-user throttle opened up.

    A test taps faster than any person; the throttle (3 updates/s, burst 8) would answer "too
    fast" halfway through a staff form. Everything else is the same sandbox.
    """
    # the test's own copy of the migrated demo database
    async for harness in _sandbox(demo_sqlite_url, request, seed=False):
        yield harness


@pytest.fixture
async def linli_sandbox_pg(
    migrated_pg_url: str, request: pytest.FixtureRequest
) -> AsyncIterator[Harness]:
    """The same sandbox on a fresh PostgreSQL database (migrated by the test harness), the demo
    data seeded at start as `linli sandbox` seeds it."""
    async for harness in _sandbox(migrated_pg_url, request, seed=True):
        yield harness


async def _sandbox(
    url: str, request: pytest.FixtureRequest, *, seed: bool
) -> AsyncIterator[Harness]:
    from bot.sandbox_runner import start_sandbox
    from sandbox.driver import Driver
    from tests.support import FakeClock, SettledDriver

    clock = FakeClock()
    sandbox = await start_sandbox(
        database_url=url,
        clock=clock,
        limits=False,
        seed=seed,
        throttle_rate=1000.0,
        throttle_burst=1000,
        triage_retrain_rule="",  # no nightly training beside a test that moves the clock
    )
    # a test of acting before the bot is done (marked `unsettled`) drives the emulator bare
    driver = (
        Driver(sandbox.base_url)
        if request.node.get_closest_marker("unsettled")
        else SettledDriver(sandbox.base_url, sandbox.app)
    )
    try:
        await driver.wait_bot_ready()
        yield Harness(sandbox=sandbox, driver=driver, clock=clock)
        assert not await driver.errors(), "the bot caused Bot API errors"
    finally:
        await driver.close()
        await sandbox.stop()
