"""Members who signed up before 双报到 asked whether to name them get one notice saying their
name is now hidden on public cards unless they agree (services.member_jobs): once per member,
also across restarts and two schedulers at once; never to members asked at sign-up."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Translator
from bot.settings import Settings
from models import Community, MemberProfile, MemberStatus, Role, User
from models.base import utcnow
from models.scheduling import Delivery, ScheduledJob
from scheduler.runner import JobRunner
from services import members
from services.member_jobs import (
    CONSENT_NO,
    CONSENT_YES,
    NAME_CONSENT,
    ensure_name_consent_asked,
)
from tests.support import FakeClock

ZONE = Settings(bot_token=None).zone


async def _world(session: AsyncSession, now: datetime) -> int:
    """阳光社区 with an admin and members: 3001 approved and never asked, 3002 approved and
    asked, 3003 pending and never asked (applied before the question existed)."""
    community = Community(name="阳光社区")
    session.add(community)
    await session.flush()
    cid = community.id or 0
    session.add(User(id=900, first_name="王主任", roles="resident,admin"))
    rows = [
        (3001, "赵敏", MemberStatus.APPROVED, None),
        (3002, "刘建国", MemberStatus.APPROVED, now - timedelta(days=1)),
        (3003, "孙立", MemberStatus.PENDING, None),
    ]
    for uid, name, status, asked in rows:
        user = User(id=uid, first_name=name, roles=Role.RESIDENT.value)
        if status == MemberStatus.APPROVED:
            user.set_roles({Role.RESIDENT, Role.MEMBER})
        session.add(user)
        await session.flush()
        session.add(
            MemberProfile(
                user_id=uid,
                real_name=name,
                work_unit="区图书馆",
                phone="13800000001",
                skills="electrical",
                community_id=cid,
                status=status,
                name_asked_at=asked,
            )
        )
    await session.commit()
    return cid


def _runner(sm: async_sessionmaker[AsyncSession], clock: FakeClock, worker: str) -> JobRunner:
    return JobRunner(
        sessionmaker=sm,
        settings=Settings(bot_token=None),
        texts=Translator(),
        clock=clock,
        worker=worker,
    )


async def _notices(session: AsyncSession) -> list[Delivery]:
    rows = await session.exec(
        select(Delivery)
        .where(col(Delivery.kind) == "member-name-consent")
        .order_by(col(Delivery.chat_id))
        .execution_options(populate_existing=True)
    )
    return list(rows.all())


async def _leads(sm: async_sessionmaker[AsyncSession], clock: FakeClock) -> None:
    """A process becomes the scheduler's leader (start-up) and runs what is due."""
    async with sm() as s:
        await ensure_name_consent_asked(s, now=clock.now, zone=ZONE)
    await _runner(sm, clock, "w1").run_due()


async def test_once_to_each_member_never_asked_also_after_a_restart(
    session: AsyncSession, sessionmaker: async_sessionmaker[AsyncSession], clock: FakeClock
) -> None:
    await _world(session, clock.now)
    await _leads(sessionmaker, clock)
    [notice] = await _notices(session)
    assert notice.chat_id == 3001
    assert "不显示您的名字" in notice.text and "赵**" in notice.text and "赵敏" in notice.text
    assert notice.reply_markup is not None
    buttons = [b for row in notice.reply_markup["inline_keyboard"] for b in row]
    assert [b["callback_data"] for b in buttons] == [CONSENT_YES, CONSENT_NO]
    assert [b["text"] for b in buttons] == ["🙋 同意显示「赵敏」", "🙈 继续不显示，写「赵**」"]
    profile = await session.get(MemberProfile, 3001, populate_existing=True)
    assert profile is not None and profile.name_asked_at is not None
    # restarted (and restarted again): nobody is told twice, no job is even scheduled
    for _ in range(2):
        clock.advance(timedelta(hours=1))
        await _leads(sessionmaker, clock)
    assert [n.chat_id for n in await _notices(session)] == [3001]
    jobs = (
        await session.exec(select(ScheduledJob).where(ScheduledJob.kind == NAME_CONSENT))
    ).all()
    assert len(jobs) == 1


async def test_held_for_the_morning_in_quiet_hours(
    session: AsyncSession, sessionmaker: async_sessionmaker[AsyncSession]
) -> None:
    night = FakeClock(datetime(2026, 11, 23, 15, 0, tzinfo=UTC))  # 23:00 in Shanghai
    await _world(session, night.now)
    await _leads(sessionmaker, night)
    [notice] = await _notices(session)
    assert notice.not_before == datetime(2026, 11, 23, 23, 0, tzinfo=UTC)  # 07:00 local


async def test_two_schedulers_at_once_tell_each_member_once(
    session: AsyncSession, sessionmaker: async_sessionmaker[AsyncSession], clock: FakeClock
) -> None:
    """Two processes each ran the job (one elected after the other had scheduled its own):
    the members one of them marked are not told by the other."""
    await _world(session, clock.now)
    for key in ("a", "b"):
        session.add(
            ScheduledJob(kind=NAME_CONSENT, key=f"member:name-consent:{key}", due_at=clock.now)
        )
    await session.commit()
    await asyncio.gather(
        _runner(sessionmaker, clock, "w1").run_due(), _runner(sessionmaker, clock, "w2").run_due()
    )
    assert [n.chat_id for n in await _notices(session)] == [3001]


async def test_approving_an_old_application_tells_the_member_a_new_one_not(
    session: AsyncSession, sessionmaker: async_sessionmaker[AsyncSession], clock: FakeClock
) -> None:
    cid = await _world(session, clock.now)
    await _leads(sessionmaker, clock)
    admin = await session.get(User, 900)
    assert admin is not None
    roles = frozenset({Role.ADMIN, Role.STAFF})
    # 孙立 applied before the question existed: approved now, the notice follows
    await members.review(session, reviewer=admin, roles=roles, member_id=3003, approve=True)
    clock.set(utcnow() + timedelta(seconds=1))  # the review is timed by the real clock
    await _runner(sessionmaker, clock, "w1").run_due()
    assert [n.chat_id for n in await _notices(session)] == [3001, 3003]
    # 林小明 signs up now: asked at sign-up, approved, never told
    newcomer = User(id=5001, first_name="小林", roles=Role.RESIDENT.value)
    session.add(newcomer)
    await session.commit()
    await members.apply(
        session,
        user=newcomer,
        application=members.MemberApplication(
            real_name="林小明",
            work_unit="区图书馆",
            phone="13812345678",
            skills=["electrical"],
            custom_skills="",
            community_id=cid,
            grid_id=None,
        ),
    )
    await members.review(session, reviewer=admin, roles=roles, member_id=5001, approve=True)
    await _leads(sessionmaker, clock)
    assert [n.chat_id for n in await _notices(session)] == [3001, 3003]


async def test_answering_in_my_profile_counts_as_asked(
    session: AsyncSession, sessionmaker: async_sessionmaker[AsyncSession], clock: FakeClock
) -> None:
    """A member who answered in 我的资料 before the notice went (here: keeping it hidden, which
    changes nothing) is not told."""
    await _world(session, clock.now)
    zhao = await session.get(User, 3001)
    assert zhao is not None
    _, changed = await members.set_name_public(session, user=zhao, named=False)
    assert not changed
    await _leads(sessionmaker, clock)
    assert await _notices(session) == []
