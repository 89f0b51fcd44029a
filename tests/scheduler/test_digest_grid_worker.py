"""A grid worker's weekly digest counts their grid's residents, as the rest of it counts their
grid's requests: '阳光社区 · 第一网格 · 上周小结 / 新登记居民：1 人'. Before, its first lines gave
the whole community's new residents and residents who blocked the bot, under the community's
name, above figures that were their grid's only."""

from __future__ import annotations

from sqlmodel.ext.asyncio.session import AsyncSession

from models.org import Community, Grid
from models.users import Role, StaffScope, User
from scheduler.generic_jobs import ensure_recurring
from scheduler.kinds import load_job_kinds
from scheduler.runner import JobRunner
from tests.scheduler.test_generic_jobs import SHANGHAI, _deliveries, local


async def test_a_grid_workers_digest_counts_their_grid(
    session: AsyncSession, runner: JobRunner
) -> None:
    load_job_kinds()
    community = Community(name="阳光社区")
    session.add(community)
    await session.commit()
    assert community.id is not None
    first, second = (
        Grid(name="第一网格", community_id=community.id),
        Grid(name="第二网格", community_id=community.id),
    )
    session.add_all([first, second])
    await session.commit()
    assert first.id is not None and second.id is not None
    joined = local(11, 25, 10)
    for uid, grid, blocked in (
        (11, first.id, False),
        (12, second.id, False),
        (13, second.id, True),
    ):
        session.add(
            User(
                id=uid,
                roles=Role.RESIDENT.value,
                community_id=community.id,
                grid_id=grid,
                created_at=joined,
                blocked_bot=blocked,
            )
        )
    for uid, name, grid in ((21, "李社工", None), (22, "张网格员", first.id)):
        session.add(User(id=uid, first_name=name, roles=f"{Role.RESIDENT},{Role.STAFF}"))
        await session.flush()
        session.add(StaffScope(user_id=uid, community_id=community.id, grid_id=grid))
    await session.commit()
    await ensure_recurring(session, now=local(11, 29, 10), zone=SHANGHAI)
    await runner.run_due(now=local(11, 30, 9, 5))
    digests = {d.chat_id: d.text for d in await _deliveries(session, "digest")}
    assert 22 in digests, digests
    assert "阳光社区 · 第一网格 · 上周小结" in digests[22], digests[22]
    assert "新登记居民：1 人" in digests[22] and "已屏蔽机器人的居民：0 人" in digests[22]
    assert "<b>📊 阳光社区 · 上周小结" in digests[21], digests[21]
    assert "新登记居民：3 人" in digests[21] and "已屏蔽机器人的居民：1 人" in digests[21]
