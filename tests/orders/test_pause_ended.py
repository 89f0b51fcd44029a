"""A member's own pause (暂停接单) with an end: when it passes, the scheduler tells them
'暂停已结束，恢复接单了' and names the orders issued meanwhile that still wait and fit
them (a 详情 button each); not those issued before, taken since, or of another skill.
Resumed before the end, or paused again for longer, nothing is said then. Time moves by
the injected clock. SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import MemberProfile
from models.orders import Order
from models.scheduling import Delivery
from scheduler.runner import JobRunner
from services import member_self
from services import orders as svc
from services import requests as req_svc
from services.member_jobs import ensure_pause_ends_told
from services.order_notices import cb
from tests.orders.conftest import T0, World, draft
from tests.support import FakeClock

PAUSED = T0 + timedelta(hours=1)
ENDS = T0 + timedelta(days=2)


async def _order(session: AsyncSession, w: World, text: str, at: datetime, **kw: object) -> Order:
    filed = await req_svc.file_request(
        session, user=w.resident, draft=draft(text, **kw), suggestion=None, now=at
    )
    out = await svc.issue_order(
        session,
        user=w.staff,
        roles=w.roles(w.staff),
        request_id=filed.request.id or 0,
        spec=svc.OrderSpec(),
        now=at,
    )
    assert out.order is not None
    return out.order


async def _told(session: AsyncSession, uid: int) -> list[Delivery]:
    rows = await session.exec(
        select(Delivery)
        .where(col(Delivery.chat_id) == uid, col(Delivery.kind) == "member-pause-ended")
        .execution_options(populate_existing=True)
    )
    return list(rows.all())


async def test_the_end_of_a_pause_is_told_with_the_orders_issued_meanwhile(
    session: AsyncSession, world: World, runner: JobRunner, clock: FakeClock
) -> None:
    w = world
    before = await _order(session, w, "楼道灯不亮了", T0)
    await member_self.pause(session, user=w.member, until=ENDS, now=PAUSED)
    during = await _order(session, w, "厨房水管漏水", PAUSED + timedelta(hours=3))
    taken = await _order(session, w, "电闸老是跳", PAUSED + timedelta(hours=4))
    await svc.claim_order(
        session, user=w.member2, roles=w.roles(w.member2), order_id=taken.id or 0, now=PAUSED
    )
    other = await _order(
        session, w, "想找人陪老人去医院复查", PAUSED + timedelta(hours=5), category="health"
    )

    await runner.run_due(now=ENDS - timedelta(minutes=1))
    assert await _told(session, w.member.id) == []  # still paused

    clock.set(ENDS + timedelta(minutes=1))
    await runner.run_due(now=clock())

    [told] = await _told(session, w.member.id)
    assert "暂停已结束，恢复接单了" in told.text, told.text
    assert during.number in told.text and "阳光社区 · 第一网格 · 3号楼" in told.text, told.text
    for gone in (before, taken, other):
        assert gone.number not in told.text, (gone.number, told.text)
    assert told.reply_markup is not None
    # each order that fits: ✋ 接 (claimed as the offer's), then its 详情
    [[claim, button]] = told.reply_markup["inline_keyboard"]
    assert claim["callback_data"] == cb("pclaim", during.id)
    assert button["callback_data"] == cb("odet", during.id)
    assert during.number in button["text"] and during.number in claim["text"]
    profile = await session.get(MemberProfile, w.member.id, populate_existing=True)
    assert profile is not None and profile.paused_at is None  # on again, plainly
    await runner.run_due(now=ENDS + timedelta(hours=1))
    assert len(await _told(session, w.member.id)) == 1  # told once


async def test_resumed_or_paused_longer_nothing_is_said_at_the_first_end(
    session: AsyncSession, world: World, runner: JobRunner
) -> None:
    w = world
    await member_self.pause(session, user=w.member, until=ENDS, now=PAUSED)
    await member_self.resume(session, user=w.member, now=PAUSED + timedelta(hours=1))
    await member_self.pause(session, user=w.member2, until=ENDS, now=PAUSED)
    later = ENDS + timedelta(days=3)
    await member_self.pause(session, user=w.member2, until=later, now=PAUSED + timedelta(hours=1))

    await runner.run_due(now=ENDS + timedelta(minutes=1))
    assert await _told(session, w.member.id) == []
    assert await _told(session, w.member2.id) == []

    await runner.run_due(now=later + timedelta(minutes=1))
    [told] = await _told(session, w.member2.id)
    assert "恢复接单了" in told.text and told.reply_markup is None  # nothing issued meanwhile


async def test_a_pause_kept_before_its_job_existed_is_told_too(
    session: AsyncSession, world: World, runner: JobRunner
) -> None:
    """A pause written before this job existed has none: the leader schedules it at start-up
    (not for a pause whose end already passed)."""
    w = world
    for member, until in ((w.member, ENDS), (w.member2, PAUSED - timedelta(minutes=30))):
        profile = await session.get(MemberProfile, member.id)
        assert profile is not None
        profile.paused_at, profile.paused_until = PAUSED - timedelta(hours=1), until
    await session.commit()

    await ensure_pause_ends_told(session, now=PAUSED, zone=UTC)
    await ensure_pause_ends_told(session, now=PAUSED, zone=UTC)  # once

    await runner.run_due(now=ENDS + timedelta(minutes=1))
    [told] = await _told(session, w.member.id)
    assert "恢复接单了" in told.text
    assert await _told(session, w.member2.id) == []
