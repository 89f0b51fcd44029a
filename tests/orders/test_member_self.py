"""A member keeps their own profile (services.member_self) on SQLite and PostgreSQL: their skills
and the grid they serve change what they are offered; their own pause (暂停接单) keeps them from
offers until its end, then they are offered again — and, unlike staff's ⏸ 暂停, it keeps their
standing and their member's role."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import AuditEvent, Grid, MemberProfile, MemberStatus, Role
from models.orders import Order
from models.scheduling import Delivery, DeliveryState
from services import member_self
from services import orders as svc
from services import requests as req_svc
from services.errors import Conflict, InvalidInput, NotFound
from tests.orders.conftest import T0, World, draft

NOW = T0 + timedelta(minutes=10)
SHANGHAI = ZoneInfo("Asia/Shanghai")


async def _order(session: AsyncSession, w: World, *, skills: tuple[str, ...]) -> Order:
    """An order for resident2's matter in 第二网格, asking for these skills."""
    filed = await req_svc.file_request(
        session, user=w.resident2, draft=draft("5号楼电闸跳了"), suggestion=None, now=T0
    )
    out = await svc.issue_order(
        session,
        user=w.staff,
        roles=w.roles(w.staff),
        request_id=filed.request.id or 0,
        spec=svc.OrderSpec(skills=skills),
        now=NOW,
    )
    assert out.order is not None
    return out.order


async def _offered(session: AsyncSession, order: Order, now: datetime) -> set[int]:
    return {m.user_id for m in await svc.matching_members(session, order=order, now=now)}


async def test_skills_changed_change_the_offers(session: AsyncSession, world: World) -> None:
    order = await _order(session, world, skills=("legal",))
    member = world.member  # electrical, plumbing; serves the whole community
    assert member.id not in await _offered(session, order, NOW)
    kept = await member_self.set_skills(
        session, user=member, skills=["legal", "plumbing"], custom="开锁", now=NOW
    )
    assert (kept.skills, kept.custom_skills) == ("plumbing,legal", "开锁")
    assert member.id in await _offered(session, order, NOW)
    audit = (await session.exec(select(AuditEvent.action))).all()
    assert "member_skills" in audit


async def test_skills_refused_when_empty_or_unknown(session: AsyncSession, world: World) -> None:
    with pytest.raises(InvalidInput):
        await member_self.set_skills(session, user=world.member, skills=[], custom=" ", now=NOW)
    with pytest.raises(InvalidInput):
        await member_self.set_skills(
            session, user=world.member, skills=["flying"], custom="", now=NOW
        )
    with pytest.raises(NotFound):  # a resident who is no member
        await member_self.set_skills(
            session, user=world.resident, skills=["legal"], custom="", now=NOW
        )
    profile = await session.get(MemberProfile, world.member.id)
    assert profile is not None and profile.skills == "electrical,plumbing"


async def test_grid_changed_changes_the_offers(session: AsyncSession, world: World) -> None:
    order = await _order(session, world, skills=("electrical",))  # in 第二网格
    member = world.member2  # serves 第一网格
    assert member.id not in await _offered(session, order, NOW)
    await member_self.set_grid(session, user=member, grid_id=world.grid2.id, now=NOW)
    assert member.id in await _offered(session, order, NOW)
    other_grid = (await session.exec(select(Grid).where(Grid.name == "东区网格"))).one()
    with pytest.raises(NotFound):  # a grid of another community
        await member_self.set_grid(session, user=member, grid_id=other_grid.id, now=NOW)
    await member_self.set_grid(session, user=member, grid_id=None, now=NOW)  # whole community
    profile = await session.get(MemberProfile, member.id)
    assert profile is not None and profile.grid_id is None


async def test_a_pause_holds_offers_until_its_end(session: AsyncSession, world: World) -> None:
    order = await _order(session, world, skills=("electrical",))
    member = world.member
    until = NOW + timedelta(days=3)
    profile = await member_self.pause(session, user=member, until=until, now=NOW)
    assert profile.status == MemberStatus.APPROVED  # their standing stays
    assert Role.MEMBER in member.role_set  # and their member's menu
    assert member.id not in await _offered(session, order, NOW)
    assert member.id not in await _offered(session, order, until - timedelta(seconds=1))
    assert member.id in await _offered(session, order, until)  # over: offered again
    assert member.id in await _offered(session, order, until + timedelta(days=1))


async def test_a_pause_without_end_holds_until_resumed(
    session: AsyncSession, world: World
) -> None:
    order = await _order(session, world, skills=("electrical",))
    member = world.member
    await member_self.pause(session, user=member, until=None, now=NOW)
    assert member.id not in await _offered(session, order, NOW + timedelta(days=400))
    profile, held = await member_self.resume(session, user=member, now=NOW + timedelta(days=1))
    assert held and profile.paused_at is None
    assert member.id in await _offered(session, order, NOW + timedelta(days=1))
    _, held = await member_self.resume(session, user=member, now=NOW + timedelta(days=1))
    assert not held  # nothing to resume


async def test_a_pause_cancels_offers_held_for_the_morning(
    session: AsyncSession, world: World
) -> None:
    member = world.member
    held = Delivery(
        chat_id=member.id or 0,
        kind="member-offer",
        text="新工单",
        matter="order:1:open",
        not_before=NOW + timedelta(hours=8),
    )
    other = Delivery(chat_id=member.id or 0, kind="order-notice-assigned", text="x")
    session.add_all([held, other])
    await session.commit()
    await member_self.pause(session, user=member, until=None, now=NOW)
    await session.refresh(held)
    await session.refresh(other)
    assert held.state == DeliveryState.CANCELLED
    assert other.state == DeliveryState.PENDING  # news of their own claims still comes


async def test_a_pause_refused_in_the_past_or_when_suspended(
    session: AsyncSession, world: World
) -> None:
    with pytest.raises(InvalidInput):
        await member_self.pause(session, user=world.member, until=NOW, now=NOW)
    profile = await session.get(MemberProfile, world.member2.id)
    assert profile is not None
    profile.status = MemberStatus.SUSPENDED
    await session.commit()
    with pytest.raises(Conflict):
        await member_self.pause(session, user=world.member2, until=None, now=NOW)


WED = datetime(2026, 12, 9, 12, 0, tzinfo=SHANGHAI)


def _day_end(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, tzinfo=SHANGHAI) + timedelta(days=1)


@pytest.mark.parametrize(
    ("said", "until"),
    [
        ("我这周出差，先别派给我", _day_end(2026, 12, 13)),  # Sunday night
        ("下周别给我派活", _day_end(2026, 12, 20)),
        ("暂停接单到12月20号", _day_end(2026, 12, 20)),
        ("暂停接单到十二月二十号", _day_end(2026, 12, 20)),
        ("到5号别派给我", _day_end(2027, 1, 5)),  # this month's 5th is behind
        ("先别派给我，到1月3日", _day_end(2027, 1, 3)),
        ("明天别派给我", _day_end(2026, 12, 10)),
        ("I'm away this week, don't send me orders", _day_end(2026, 12, 13)),
        ("pause until 20 December", _day_end(2026, 12, 20)),
        ("暂停接单", None),
    ],
)
def test_the_end_of_a_pause_said(said: str, until: datetime | None) -> None:
    end = member_self.pause_end(said, now=WED, zone=SHANGHAI)
    assert (end.until, end.no_such_day) == (until, False)


@pytest.mark.parametrize("said", ["暂停接单到2月30号", "到31号别派给我", "pause until Feb 30"])
def test_a_day_the_calendar_has_not(said: str) -> None:
    """Said, not read as a pause without end ('到31号' said in November)."""
    end = member_self.pause_end(said, now=WED.replace(month=11, day=4), zone=SHANGHAI)
    assert end == member_self.PauseEnd(None, no_such_day=True)


@pytest.mark.parametrize(
    ("said", "resume"),
    [
        ("恢复接单", True),
        ("我要恢复接单了", True),
        ("继续接单吧", True),
        ("resume orders", True),
        ("恢复接单吗", False),
        ("暂停接单", False),
    ],
)
def test_resume_said(said: str, resume: bool) -> None:
    assert member_self.asks_resume(said) is resume
