"""The scheduler service: staff hear about a user who blocked the bot; broadcast scope rules."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.app import make_bot
from bot.i18n import Translator
from bot.settings import Settings
from models.org import Building, Community, Grid
from models.scheduling import AudienceKind, Delivery
from models.users import Role, StaffScope, User
from sandbox.emulator import SANDBOX_TOKEN, Emulator
from scheduler.service import SchedulerService
from services import broadcast as broadcasts
from services.delivery import enqueue
from services.errors import Conflict, PermissionDenied
from tests.scheduler.conftest import add_users
from tests.support import FakeClock


@pytest.fixture
async def service(
    engine: AsyncEngine,
    sessionmaker: async_sessionmaker[AsyncSession],
    translator: Translator,
    clock: FakeClock,
) -> AsyncIterator[tuple[SchedulerService, Emulator]]:
    """A scheduler service talking to an emulator, on the test database."""
    emu = Emulator(limits=False)
    await emu.start()
    settings = Settings(bot_token=SANDBOX_TOKEN, bot_api_base=emu.base_url)
    bot = make_bot(settings)
    svc = SchedulerService(
        settings=settings,
        engine=engine,
        sessionmaker=sessionmaker,
        bot=bot,
        texts=translator,
        clock=clock,
    )
    try:
        yield svc, emu
    finally:
        await svc.stop()
        await bot.session.close()
        await emu.stop()


async def _org(session: AsyncSession) -> tuple[int, int, int, int]:
    community = Community(name="阳光社区")
    session.add(community)
    await session.flush()
    assert community.id is not None
    grid1 = Grid(community_id=community.id, name="第一网格")
    grid2 = Grid(community_id=community.id, name="第二网格")
    session.add_all([grid1, grid2])
    await session.flush()
    assert grid1.id is not None and grid2.id is not None
    building = Building(community_id=community.id, grid_id=grid2.id, name="5号楼")
    session.add(building)
    await session.commit()
    assert building.id is not None
    return community.id, grid1.id, grid2.id, building.id


async def test_staff_are_told_when_a_resident_blocked_the_bot(
    service: tuple[SchedulerService, Emulator], session: AsyncSession, clock: FakeClock
) -> None:
    svc, emu = service
    cid, *_ = await _org(session)
    await add_users(session, [11], community_id=cid)
    session.add(User(id=21, first_name="李社工", roles="resident,staff"))
    await session.commit()
    session.add(StaffScope(user_id=21, community_id=cid))
    await session.commit()
    emu.add_user(id=11, first_name="Li")
    emu.add_user(id=21, first_name="Staff")
    emu.set_blocked(11, True)
    await enqueue(
        session, chat_id=11, text="您的诉求已有人接单", kind="order", urgent=True, now=clock.now
    )
    await session.commit()
    await svc.drain()
    alerts = (await session.exec(select(Delivery).where(Delivery.kind == "staff-alert"))).all()
    assert [a.chat_id for a in alerts] == [21]
    assert "已屏蔽本机器人" in alerts[0].text
    await svc.drain()
    assert any("已屏蔽本机器人" in str(m.msg.get("text")) for m in emu.chats[21].messages)


async def test_broadcast_scope_and_confirm_once(session: AsyncSession, clock: FakeClock) -> None:
    cid, grid1, grid2, building = await _org(session)
    await add_users(session, [11, 12], community_id=cid, grid_id=grid1)
    await add_users(session, [13], community_id=cid, grid_id=grid2, building_id=building)
    grid_worker = User(id=22, first_name="网格员", roles="resident,staff")
    staff = User(id=21, first_name="社工", roles="resident,staff")
    session.add_all([grid_worker, staff])
    await session.commit()
    session.add_all(
        [
            StaffScope(user_id=21, community_id=cid),
            StaffScope(user_id=22, community_id=cid, grid_id=grid1),
        ]
    )
    await session.commit()
    staff_roles = frozenset({Role.RESIDENT, Role.STAFF})

    # a grid worker may write to their grid, not to the community or another grid's building
    _, count = await broadcasts.create_draft(
        session,
        author=grid_worker,
        roles=staff_roles,
        kind=AudienceKind.GRIDS,
        community_id=cid,
        target_ids=[grid1],
        text="通知",
        now=clock.now,
    )
    assert count == 2
    for kind, targets in ((AudienceKind.COMMUNITY, []), (AudienceKind.BUILDINGS, [building])):
        with pytest.raises(PermissionDenied):
            await broadcasts.create_draft(
                session,
                author=grid_worker,
                roles=staff_roles,
                kind=kind,
                community_id=cid,
                target_ids=targets,
                text="通知",
                now=clock.now,
            )
    with pytest.raises(PermissionDenied):
        await broadcasts.create_draft(
            session,
            author=staff,
            roles=staff_roles,
            kind=AudienceKind.EVERYONE,
            community_id=None,
            target_ids=[],
            text="通知",
            now=clock.now,
        )
    draft, count = await broadcasts.create_draft(
        session,
        author=staff,
        roles=staff_roles,
        kind=AudienceKind.COMMUNITY,
        community_id=cid,
        target_ids=[],
        text="通知",
        now=clock.now,
    )
    assert count == 3 and draft.id is not None
    sent = await broadcasts.confirm(
        session,
        author=staff,
        roles=staff_roles,
        broadcast_id=draft.id,
        urgent=False,
        progress_chat_id=None,
        progress_message_id=None,
        now=clock.now,
    )
    assert sent.total == 3
    with pytest.raises(Conflict):  # a double tap does not send twice
        await broadcasts.confirm(
            session,
            author=staff,
            roles=staff_roles,
            broadcast_id=draft.id,
            urgent=False,
            progress_chat_id=None,
            progress_message_id=None,
            now=clock.now,
        )
    rows = (await session.exec(select(Delivery))).all()
    assert sorted(r.chat_id for r in rows) == [11, 12, 13]
