"""A member changing community (services.members.move_asked / decide_move), on SQLite and
PostgreSQL: only staff of the community asked for decide it; approved, the membership moves
there (any grid), once — a second approval (a colleague's copy of the card) is refused; the
claims they hold stay theirs; declined, nothing changes. And the words read as asking it
(services.member_self.community_move)."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import Community, MemberProfile, MemberStatus
from models.orders import Claim, ClaimStatus
from services import member_self
from services import members as svc
from services import orders as order_svc
from services.errors import Conflict, DomainError, PermissionDenied
from tests.orders.conftest import T0, World
from tests.orders.test_cycle import _file, _issue


async def test_approved_by_the_new_community_the_membership_moves(
    session: AsyncSession, world: World
) -> None:
    member = world.member2  # serves 第一网格 of the first community
    order = await _issue(session, world, await _file(session, world))
    await order_svc.claim_order(
        session, user=member, roles=world.roles(member), order_id=order.id or 0, now=T0
    )
    to = world.other_community.id or 0
    _profile, here, there = await svc.move_asked(session, user=member, to_community_id=to)
    assert (here.id, there.id) == (world.community.id, to)
    with pytest.raises(Conflict):  # their own community
        await svc.move_asked(session, user=member, to_community_id=world.community.id or 0)
    with pytest.raises((PermissionDenied, DomainError)):  # staff of the old community
        await svc.decide_move(
            session,
            reviewer=world.staff,
            roles=world.roles(world.staff),
            member_id=member.id or 0,
            to_community_id=to,
            approve=True,
            now=T0,
        )
    await session.rollback()
    moved, before = await svc.decide_move(
        session,
        reviewer=world.other_staff,
        roles=world.roles(world.other_staff),
        member_id=member.id or 0,
        to_community_id=to,
        approve=True,
        now=T0,
    )
    assert before == world.community.id
    assert (moved.community_id, moved.grid_id, moved.status) == (to, None, MemberStatus.APPROVED)
    with pytest.raises(Conflict):  # a colleague's copy of the card
        await svc.decide_move(
            session,
            reviewer=world.other_staff,
            roles=world.roles(world.other_staff),
            member_id=member.id or 0,
            to_community_id=to,
            approve=True,
            now=T0,
        )
    claims = (await session.exec(select(Claim).where(Claim.member_id == member.id))).all()
    assert [c.status for c in claims] == [ClaimStatus.ACTIVE]  # still theirs


async def test_declined_nothing_changes(session: AsyncSession, world: World) -> None:
    member = world.member2
    to = world.other_community.id or 0
    kept, _ = await svc.decide_move(
        session,
        reviewer=world.other_staff,
        roles=world.roles(world.other_staff),
        member_id=member.id or 0,
        to_community_id=to,
        approve=False,
        now=T0,
    )
    assert kept.community_id == world.community.id and kept.grid_id is not None


async def test_two_approving_at_once_move_them_once(session: AsyncSession, world: World) -> None:
    maker = async_sessionmaker(session.bind, class_=AsyncSession, expire_on_commit=False)
    member_id, to = world.member2.id or 0, world.other_community.id or 0

    async def approve() -> str:
        async with maker() as s:
            try:
                await svc.decide_move(
                    s,
                    reviewer=world.other_staff,
                    roles=world.roles(world.other_staff),
                    member_id=member_id,
                    to_community_id=to,
                    approve=True,
                    now=T0,
                )
            except Conflict:
                return "refused"
            return "moved"

    outcomes = sorted(await asyncio.gather(approve(), approve()))
    assert outcomes == ["moved", "refused"], outcomes
    async with maker() as s:
        profile = await s.get(MemberProfile, member_id)
        assert profile is not None and profile.community_id == to


@pytest.mark.parametrize(
    ("said", "named"),
    [
        ("我搬到和谐社区了", "和谐社区"),
        ("我想换到和谐社区", "和谐社区"),
        ("我調到和諧社區了", "和谐社区"),
        ("I moved to another community", None),
        ("我想换个社区", None),
    ],
)
def test_a_change_of_community_said(said: str, named: str | None) -> None:
    places = [Community(id=1, name="阳光社区"), Community(id=2, name="和谐社区")]
    move = member_self.community_move(said, places, own=1)
    assert move is not None, said
    assert (move.to.name if move.to is not None else None) == named


@pytest.mark.parametrize(
    "said", ["我以后服务第二网格", "我搬家了，换到第二网格", "阳光社区的工单转给我", "谢谢"]
)
def test_no_change_of_community_said(said: str) -> None:
    places = [Community(id=1, name="阳光社区"), Community(id=2, name="和谐社区")]
    assert member_self.community_move(said, places, own=1) is None
