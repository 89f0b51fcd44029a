"""The weekly staff digest and the monthly admin report carry the order cycle: last week's
requests with the three rates, what waits now, who served most — each staff member in their
own scope (a grid worker their grid, another community's staff theirs)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import Role
from models.consultations import CheckIn, Meeting, MeetingStatus, Poll, PollStatus, Topic
from models.orders import Score
from models.scheduling import Delivery
from scheduler.generic_jobs import ensure_recurring
from scheduler.runner import JobRunner
from services import orders as order_svc
from services import requests as req_svc
from tests.orders.conftest import World, draft

SHANGHAI = ZoneInfo("Asia/Shanghai")


def local(month: int, day: int, hour: int) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=SHANGHAI).astimezone(UTC)


async def _last_week(session: AsyncSession, w: World) -> None:
    """Mon 23 – Sun 29 Nov: two requests (grid 1, grid 2); the first served and rated 满意."""
    tue, wed = local(11, 24, 10), local(11, 25, 10)
    first = await req_svc.file_request(
        session, user=w.resident, draft=draft(), suggestion=None, now=tue
    )
    await req_svc.file_request(
        session, user=w.resident2, draft=draft("5号楼门口的垃圾没人收"), suggestion=None, now=wed
    )
    rid = first.request.id or 0
    issued = await order_svc.issue_order(
        session,
        user=w.staff,
        roles=w.roles(w.staff),
        request_id=rid,
        spec=order_svc.OrderSpec(members_needed=1, points=15),
        now=tue + timedelta(minutes=20),
    )
    oid = issued.order.id if issued.order else 0
    member = {"user": w.member, "roles": w.roles(w.member), "order_id": oid or 0}
    await order_svc.claim_order(session, **member, now=tue + timedelta(hours=1))
    await order_svc.report_done(session, **member, note="换好了", now=tue + timedelta(hours=3))
    await order_svc.verify(
        session,
        user=w.staff,
        roles=w.roles(w.staff),
        order_id=oid or 0,
        approve=True,
        note=None,
        now=tue + timedelta(hours=4),
    )
    await order_svc.rate(
        session,
        user=w.resident,
        request_id=rid,
        score=Score.SATISFIED,
        comment=None,
        now=tue + timedelta(hours=5),
    )


async def _texts(session: AsyncSession, kind: str) -> dict[int, str]:
    rows = await session.exec(select(Delivery).where(col(Delivery.kind) == kind))
    return {d.chat_id: d.text for d in rows.all()}


async def test_weekly_digest_has_the_order_cycle_in_each_scope(
    session: AsyncSession, world: World, runner: JobRunner
) -> None:
    w = world
    await _last_week(session, w)
    await ensure_recurring(session, now=local(11, 29, 12), zone=SHANGHAI)
    await runner.run_due(now=local(11, 30, 9))  # Monday 09:00
    digests = await _texts(session, "digest")
    staff, grid, other = (digests[u.id or 0] for u in (w.staff, w.grid_staff, w.other_staff))
    assert "上周收到诉求 2 件，其中已办结 1 件" in staff, staff
    assert "满意率 100%" in staff and "响应率 50%" in staff, staff
    assert "目前待受理 1 件" in staff, staff  # resident2's, never answered
    assert "🏅 上周服务最多：党员300 1 单" in staff, staff
    assert "上周收到诉求 1 件，其中已办结 1 件" in grid, grid  # grid 1 only
    assert "目前待受理 0 件" in grid and "响应率 100%" in grid, grid
    assert "上周没有收到诉求" in other and "满意率" not in other, other


async def test_monthly_report_has_each_communitys_three_rates(
    session: AsyncSession, world: World, runner: JobRunner
) -> None:
    w = world
    await _last_week(session, w)
    w.admin.set_roles({Role.RESIDENT, Role.ADMIN})
    session.add(w.admin)
    await session.commit()
    await ensure_recurring(session, now=local(11, 29, 12), zone=SHANGHAI)
    await runner.run_due(now=local(12, 1, 9))
    report = (await _texts(session, "report"))[w.admin.id or 0]
    lines = report.splitlines()
    sunny = lines.index(next(line for line in lines if line.startswith("阳光社区")))
    assert "上月诉求 2 件" in lines[sunny + 1] and "满意率 100%" in lines[sunny + 1], report
    harmony = lines.index(next(line for line in lines if line.startswith("和谐社区")))
    assert "上月诉求 0 件" in lines[harmony + 1], report


async def test_weekly_digest_has_the_communitys_consultations(
    session: AsyncSession, world: World, runner: JobRunner
) -> None:
    """Last week: a meeting held (2 checked in, minutes not sent), a cancelled one (not
    counted), a poll closed, a topic proposed and still open; a meeting coming on Thursday."""
    w = world
    cid = w.community.id or 0
    held = Meeting(
        community_id=cid,
        title="楼道灯议事会",
        starts_at=local(11, 26, 19),
        status=MeetingStatus.PUBLISHED,
        created_by=w.staff.id or 0,
    )
    cancelled = Meeting(
        community_id=cid,
        title="取消的会",
        starts_at=local(11, 27, 19),
        status=MeetingStatus.CANCELLED,
        created_by=w.staff.id or 0,
    )
    ahead = Meeting(
        community_id=cid,
        title="电梯加装听证会",
        starts_at=local(12, 3, 19),
        status=MeetingStatus.PUBLISHED,
        created_by=w.staff.id or 0,
    )
    session.add_all([held, cancelled, ahead])
    await session.flush()
    session.add_all(
        [
            CheckIn(meeting_id=held.id or 0, user_id=w.resident.id or 0, method="code"),
            CheckIn(meeting_id=held.id or 0, user_id=w.resident2.id or 0, method="button"),
            Poll(
                community_id=cid,
                question="要不要装电梯",
                opens_at=local(11, 20, 9),
                closes_at=local(11, 28, 20),
                status=PollStatus.CLOSED,
                created_by=w.staff.id or 0,
            ),
            Topic(
                community_id=cid,
                proposer_id=w.resident.id or 0,
                title="停车难",
                created_at=local(11, 25, 8),
            ),
        ]
    )
    await session.commit()
    await ensure_recurring(session, now=local(11, 29, 12), zone=SHANGHAI)
    await runner.run_due(now=local(11, 30, 9))
    digests = await _texts(session, "digest")
    staff, other = digests[w.staff.id or 0], digests[w.other_staff.id or 0]
    assert "上周议事：开会 1 场（签到 2 人），结束投票 1 个，新议题 1 个" in staff, staff
    assert "开过会还没发纪要：1 场（在「🏛 议事管理」里发）" in staff, staff
    assert "等待处理的议题：1 个" in staff and "本周议事会：1 场" in staff, staff
    assert "议事" not in other and "纪要" not in other, other  # another community's
