"""The counts behind the /start greeting: what waits for staff, members and residents, each in
their own scope (on SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel.ext.asyncio.session import AsyncSession

from models import MemberProfile, MemberStatus, Role
from models.consultations import Meeting, MeetingStatus, Topic, TopicStatus
from services import orders as order_svc
from services import overview
from services import requests as req_svc
from tests.orders.conftest import T0, World, _user, draft


async def _staff(session: AsyncSession, w: World, who: str) -> overview.StaffOverview | None:
    user = getattr(w, who)
    return await overview.staff_overview(session, user=user, roles=w.roles(user), now=T0)


async def test_staff_see_what_waits_in_their_own_scope(
    session: AsyncSession, world: World
) -> None:
    w = world
    await req_svc.file_request(
        session,
        user=w.resident,
        draft=draft("家里燃气味很重", urgent=True),
        suggestion=None,
        now=T0,
    )
    await req_svc.file_request(
        session, user=w.resident2, draft=draft("5号楼楼道灯坏了"), suggestion=None, now=T0
    )
    whole = await _staff(session, w, "staff")
    assert whole is not None and not whole.everywhere
    assert (whole.waiting, whole.waiting_urgent) == (2, 1)
    assert whole.communities == ("阳光社区",)
    grid = await _staff(session, w, "grid_staff")  # grid 1 only: the urgent one
    assert grid is not None and (grid.waiting, grid.waiting_urgent) == (1, 1)
    assert grid.communities == ("阳光社区 · 第一网格",)
    other = await _staff(session, w, "other_staff")
    assert other is not None and other.waiting == 0 and other.communities == ("和谐社区",)
    w.admin.set_roles({Role.RESIDENT, Role.ADMIN})
    admin = await _staff(session, w, "admin")
    assert admin is not None and admin.everywhere and admin.waiting == 2
    assert await _staff(session, w, "resident") is None
    assert (
        await overview.member_overview(session, user=w.staff, roles=w.roles(w.staff), now=T0)
        is None
    )


async def test_results_to_verify_overdue_and_applications(
    session: AsyncSession, world: World
) -> None:
    w = world
    filed = await req_svc.file_request(
        session, user=w.resident, draft=draft(), suggestion=None, now=T0
    )
    issued = await order_svc.issue_order(
        session,
        user=w.staff,
        roles=w.roles(w.staff),
        request_id=filed.request.id or 0,
        spec=order_svc.OrderSpec(members_needed=1, points=15),
        now=T0,
    )
    order = issued.order
    assert order is not None and order.deadline_at is not None
    offers = await overview.member_overview(
        session, user=w.member3, roles=w.roles(w.member3), now=T0
    )
    assert offers is not None and offers.offers == 1 and offers.claims == 0
    await order_svc.claim_order(
        session, user=w.member, roles=w.roles(w.member), order_id=order.id or 0, now=T0
    )
    late = order.deadline_at + timedelta(hours=1)
    mine = await overview.member_overview(
        session, user=w.member, roles=w.roles(w.member), now=late
    )
    assert mine is not None and (mine.offers, mine.claims, mine.claims_overdue) == (0, 1, 1)
    staff_late = await overview.staff_overview(
        session, user=w.staff, roles=w.roles(w.staff), now=late
    )
    assert staff_late is not None and staff_late.overdue == 1 and staff_late.waiting == 0
    await order_svc.report_done(
        session,
        user=w.member,
        roles=w.roles(w.member),
        order_id=order.id or 0,
        note="换好了灯泡",
        now=T0 + timedelta(hours=1),
    )
    for who, expected in (("staff", 1), ("grid_staff", 1), ("other_staff", 0)):
        seen = await _staff(session, w, who)
        assert seen is not None and seen.to_verify == expected, who
    applicant = await _user(session, 400, {Role.RESIDENT})
    await session.flush()
    session.add(
        MemberProfile(
            user_id=applicant.id or 0,
            real_name="钱进",
            work_unit="区医院",
            phone="13600136000",
            skills="medical",
            community_id=w.community.id or 0,
            status=MemberStatus.PENDING,
        )
    )
    await session.commit()
    for who, expected in (("staff", 1), ("other_staff", 0)):
        seen = await _staff(session, w, who)
        assert seen is not None and seen.applications == expected, who


async def test_a_resident_sees_matters_in_progress_and_to_rate(
    session: AsyncSession, world: World
) -> None:
    w = world
    before = await overview.resident_overview(session, user=w.resident, now=T0)
    assert before == overview.ResidentOverview()
    first = await req_svc.file_request(
        session, user=w.resident, draft=draft(), suggestion=None, now=T0
    )
    await req_svc.file_request(
        session, user=w.resident, draft=draft("门口的树枝挡路"), suggestion=None, now=T0
    )
    issued = await order_svc.issue_order(
        session,
        user=w.staff,
        roles=w.roles(w.staff),
        request_id=first.request.id or 0,
        spec=order_svc.OrderSpec(members_needed=1, points=15),
        now=T0,
    )
    oid = issued.order.id if issued.order else 0
    await order_svc.claim_order(
        session, user=w.member, roles=w.roles(w.member), order_id=oid or 0, now=T0
    )
    await order_svc.report_done(
        session, user=w.member, roles=w.roles(w.member), order_id=oid or 0, note="好了", now=T0
    )
    await order_svc.verify(
        session,
        user=w.staff,
        roles=w.roles(w.staff),
        order_id=oid or 0,
        approve=True,
        note=None,
        now=T0,
    )
    seen = await overview.resident_overview(session, user=w.resident, now=T0)
    assert (seen.in_progress, seen.to_rate) == (1, 1)
    other = await overview.resident_overview(session, user=w.resident2, now=T0)
    assert other == overview.ResidentOverview()


async def test_staff_see_topics_to_decide_and_minutes_to_send(
    session: AsyncSession, world: World
) -> None:
    """A resident's topic waits for staff to put it on an agenda or answer it; a meeting held
    waits for its minutes. Both are the community's, so its grid worker sees them too."""
    w = world
    c1 = w.community.id or 0
    session.add(Topic(community_id=c1, proposer_id=w.resident.id, title="电动车集中充电"))
    session.add(
        Topic(
            community_id=c1, proposer_id=w.resident.id, title="已答复", status=TopicStatus.ANSWERED
        )
    )
    session.add(
        Topic(community_id=w.other_community.id or 0, proposer_id=w.resident.id, title="x")
    )
    for hours_ago, status in (
        (3, MeetingStatus.PUBLISHED),  # over (90 minutes): minutes due
        (1, MeetingStatus.PUBLISHED),  # still on
        (5, MeetingStatus.MINUTED),  # minutes sent
        (-24, MeetingStatus.PUBLISHED),  # tomorrow
    ):
        session.add(
            Meeting(
                community_id=c1,
                title="议事会",
                starts_at=T0 - timedelta(hours=hours_ago),
                status=status,
                created_by=w.staff.id,
            )
        )
    await session.commit()
    for who in ("staff", "grid_staff"):
        seen = await _staff(session, w, who)
        assert seen is not None and (seen.topics_waiting, seen.minutes_due) == (1, 1), who
    other = await _staff(session, w, "other_staff")
    assert other is not None and (other.topics_waiting, other.minutes_due) == (1, 0)
    w.admin.set_roles({Role.RESIDENT, Role.ADMIN})
    admin = await _staff(session, w, "admin")
    assert admin is not None and (admin.topics_waiting, admin.minutes_due) == (2, 1)
