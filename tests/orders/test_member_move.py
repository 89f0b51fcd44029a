"""A member changing community (services.members.move_asked / decide_move), on SQLite and
PostgreSQL: only staff of the community asked for decide it; approved, the membership moves
there (any grid), once — a second approval (a colleague's copy of the card) is refused; the
claims they hold stay theirs; declined, nothing changes. And the words read as asking it
(services.member_self.community_move)."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import Community, MemberProfile, MemberStatus, MoveState, User
from models.orders import Claim, ClaimStatus
from models.scheduling import Delivery, DeliveryState
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


# ---------------------------------------------------------------- the request's state (0023)


async def _decide(
    session: AsyncSession, world: World, *, approve: bool, stamp: int = 0
) -> tuple[MemberProfile, int]:
    return await svc.decide_move(
        session,
        reviewer=world.other_staff,
        roles=world.roles(world.other_staff),
        member_id=world.member2.id or 0,
        to_community_id=world.other_community.id or 0,
        approve=approve,
        now=T0 + timedelta(hours=1),
        stamp=stamp,
    )


async def test_a_declined_move_is_not_approved_by_a_colleagues_copy(
    session: AsyncSession, world: World
) -> None:
    to = world.other_community.id or 0
    asked, _, _ = await svc.ask_move(session, user=world.member2, to_community_id=to, now=T0)
    await session.commit()
    assert (asked.move_state, asked.move_to_id) == (MoveState.PENDING, to)
    stamp = svc.move_stamp(asked.move_asked_at)
    kept, _ = await _decide(session, world, approve=False, stamp=stamp)
    assert (kept.move_state, kept.move_decided_by) == (MoveState.DECLINED, world.other_staff.id)
    with pytest.raises(svc.MoveTaken) as taken:  # the colleague's copy, tapped later
        await _decide(session, world, approve=True, stamp=stamp)
    assert (taken.value.state, taken.value.by) == (MoveState.DECLINED, world.other_staff.id)
    assert taken.value.at is not None
    profile = await session.get(MemberProfile, world.member2.id)
    assert profile is not None and profile.community_id == world.community.id
    with pytest.raises(svc.MoveTaken) as again:  # and a second tap of ❌ as well
        await _decide(session, world, approve=False, stamp=stamp)
    assert again.value.state == MoveState.DECLINED


async def test_an_approved_move_says_so_to_the_next_tap(
    session: AsyncSession, world: World
) -> None:
    to = world.other_community.id or 0
    asked, _, _ = await svc.ask_move(session, user=world.member2, to_community_id=to, now=T0)
    await session.commit()
    stamp = svc.move_stamp(asked.move_asked_at)
    await _decide(session, world, approve=True, stamp=stamp)
    with pytest.raises(svc.MoveTaken) as taken:
        await _decide(session, world, approve=False, stamp=stamp)
    assert (taken.value.state, taken.value.by) == (MoveState.APPROVED, world.other_staff.id)


async def test_asking_again_while_pending_files_one_request(
    session: AsyncSession, world: World
) -> None:
    to = world.other_community.id or 0
    await svc.ask_move(session, user=world.member2, to_community_id=to, now=T0)
    await session.commit()
    with pytest.raises(Conflict) as said:
        await svc.move_asked(session, user=world.member2, to_community_id=to)
    assert said.value.key == "member-move-pending"
    with pytest.raises(Conflict) as filed:
        await svc.ask_move(session, user=world.member2, to_community_id=to, now=T0)
    assert filed.value.key == "member-move-pending"


async def test_a_card_of_an_older_request_does_not_decide_the_new_one(
    session: AsyncSession, world: World
) -> None:
    to = world.other_community.id or 0
    first, _, _ = await svc.ask_move(session, user=world.member2, to_community_id=to, now=T0)
    await session.commit()
    old = svc.move_stamp(first.move_asked_at)
    await _decide(session, world, approve=False, stamp=old)
    later = T0 + timedelta(days=2)
    await svc.ask_move(session, user=world.member2, to_community_id=to, now=later)
    await session.commit()
    with pytest.raises(svc.MoveTaken) as taken:  # the first card's other copy
        await _decide(session, world, approve=True, stamp=old)
    assert taken.value.state is None
    profile = await session.get(MemberProfile, world.member2.id)
    assert profile is not None
    await session.refresh(profile)
    assert (profile.move_state, profile.community_id) == (MoveState.PENDING, world.community.id)


async def test_declined_and_approved_at_once_one_wins(session: AsyncSession, world: World) -> None:
    maker = async_sessionmaker(session.bind, class_=AsyncSession, expire_on_commit=False)
    to = world.other_community.id or 0
    asked, _, _ = await svc.ask_move(session, user=world.member2, to_community_id=to, now=T0)
    await session.commit()
    stamp = svc.move_stamp(asked.move_asked_at)

    async def tap(approve: bool) -> str:
        async with maker() as s:
            try:
                await _decide(s, world, approve=approve, stamp=stamp)
            except svc.MoveTaken as taken:
                return f"told {taken.state}"
            return "approved" if approve else "declined"

    outcomes = await asyncio.gather(tap(True), tap(False))
    async with maker() as s:
        profile = await s.get(MemberProfile, world.member2.id)
        assert profile is not None
    if outcomes[0] == "approved":
        assert outcomes[1] == f"told {MoveState.APPROVED}", outcomes
        assert (profile.move_state, profile.community_id) == (MoveState.APPROVED, to)
    else:
        assert outcomes == [f"told {MoveState.DECLINED}", "declined"], outcomes
        assert (profile.move_state, profile.community_id) == (
            MoveState.DECLINED,
            world.community.id,
        )


async def test_two_asks_at_once_file_one(session: AsyncSession, world: World) -> None:
    maker = async_sessionmaker(session.bind, class_=AsyncSession, expire_on_commit=False)
    to = world.other_community.id or 0

    async def ask() -> str:
        async with maker() as s:
            member = await s.get(User, world.member2.id)
            assert member is not None
            try:
                await svc.ask_move(s, user=member, to_community_id=to, now=T0)
                await s.commit()
            except Conflict as exc:
                return exc.key
            return "filed"

    outcomes = sorted(await asyncio.gather(ask(), ask()))
    assert outcomes == ["filed", "member-move-pending"], outcomes


async def test_held_offers_of_the_old_community_are_not_sent_after_the_move(
    session: AsyncSession, world: World
) -> None:
    member_id = world.member2.id or 0
    morning = T0 + timedelta(hours=8)

    def held(matter: str, community_id: int | None) -> Delivery:
        return Delivery(
            chat_id=member_id,
            kind="order-notice-offer",
            text=matter,
            not_before=morning,
            community_id=community_id,
            matter=matter,
            created_at=T0,
        )

    offer = held("order:7:open", world.community.id)
    reminder = held("claim:3:active", world.community.id)  # their own claim: still theirs
    there = held("order:8:open", world.other_community.id)  # of the new community
    session.add_all([offer, reminder, there])
    await session.commit()
    to = world.other_community.id or 0
    asked, _, _ = await svc.ask_move(session, user=world.member2, to_community_id=to, now=T0)
    await session.commit()
    await _decide(session, world, approve=True, stamp=svc.move_stamp(asked.move_asked_at))
    states = {
        d.matter: d.state
        for d in await session.exec(
            select(Delivery)
            .where(Delivery.chat_id == member_id)
            .execution_options(populate_existing=True)
        )
    }
    assert states == {
        "order:7:open": DeliveryState.CANCELLED,
        "claim:3:active": DeliveryState.PENDING,
        "order:8:open": DeliveryState.PENDING,
    }


async def test_declined_the_held_offers_still_go(session: AsyncSession, world: World) -> None:
    member_id = world.member2.id or 0
    session.add(
        Delivery(
            chat_id=member_id,
            kind="order-notice-offer",
            text="offer",
            not_before=T0 + timedelta(hours=8),
            community_id=world.community.id,
            matter="order:7:open",
            created_at=T0,
        )
    )
    await session.commit()
    to = world.other_community.id or 0
    asked, _, _ = await svc.ask_move(session, user=world.member2, to_community_id=to, now=T0)
    await session.commit()
    await _decide(session, world, approve=False, stamp=svc.move_stamp(asked.move_asked_at))
    found = select(Delivery).where(Delivery.chat_id == member_id)
    [row] = (await session.exec(found.execution_options(populate_existing=True))).all()
    assert row.state == DeliveryState.PENDING


async def test_claimants_of_requests_in_progress_are_named(
    session: AsyncSession, world: World
) -> None:
    order = await _issue(session, world, await _file(session, world))
    assert await order_svc.claimants_of_requests(session, request_ids=[order.request_id]) == {}
    await order_svc.claim_order(
        session,
        user=world.member2,
        roles=world.roles(world.member2),
        order_id=order.id or 0,
        now=T0,
    )
    found = await order_svc.claimants_of_requests(session, request_ids=[order.request_id])
    assert found == {order.request_id: ["党员301"]}


# ---------------------------------------------------------------- withdrawn by the member


async def _withdraw(session: AsyncSession, world: World, *, stamp: int = 0) -> MemberProfile:
    member = await session.get(User, world.member2.id)
    assert member is not None
    profile, to = await svc.withdraw_move(
        session, user=member, now=T0 + timedelta(minutes=30), stamp=stamp
    )
    assert to.id == world.other_community.id
    return profile


async def test_a_withdrawn_move_is_not_decided_after(session: AsyncSession, world: World) -> None:
    """Withdrawn while pending, staff tapping 同意转入 later are told the member withdrew it,
    and nothing moves; a second withdrawal is told there is nothing waiting."""
    to = world.other_community.id or 0
    asked, _, _ = await svc.ask_move(session, user=world.member2, to_community_id=to, now=T0)
    await session.commit()
    stamp = svc.move_stamp(asked.move_asked_at)
    withdrawn = await _withdraw(session, world, stamp=stamp)
    assert (withdrawn.move_state, withdrawn.move_decided_by) == (
        MoveState.WITHDRAWN,
        world.member2.id,
    )
    with pytest.raises(svc.MoveTaken) as taken:
        await _decide(session, world, approve=True, stamp=stamp)
    assert (taken.value.state, taken.value.by) == (MoveState.WITHDRAWN, world.member2.id)
    profile = await session.get(MemberProfile, world.member2.id)
    assert profile is not None
    await session.refresh(profile)
    assert profile.community_id == world.community.id
    with pytest.raises(svc.MoveNotPending) as again:
        await _withdraw(session, world, stamp=stamp)
    assert again.value.state == MoveState.WITHDRAWN
    # asked again later: a new request, pending, which staff can decide
    later, _, _ = await svc.ask_move(
        session, user=world.member2, to_community_id=to, now=T0 + timedelta(days=1)
    )
    await session.commit()
    assert later.move_state == MoveState.PENDING


async def test_withdrawing_an_approved_move_is_refused(
    session: AsyncSession, world: World
) -> None:
    to = world.other_community.id or 0
    asked, _, _ = await svc.ask_move(session, user=world.member2, to_community_id=to, now=T0)
    await session.commit()
    await _decide(session, world, approve=True, stamp=svc.move_stamp(asked.move_asked_at))
    with pytest.raises(svc.MoveNotPending) as late:
        await _withdraw(session, world)
    assert late.value.state == MoveState.APPROVED
    assert late.value.key == "member-move-withdraw-late"


@pytest.mark.parametrize("approve", [True, False])
async def test_withdrawn_and_decided_at_once_one_wins(
    session: AsyncSession, world: World, approve: bool
) -> None:
    """The member's ↩️ 撤回 and staff's ✅ / ❌ at the same moment: exactly one of them takes
    effect, the other is told what happened."""
    maker = async_sessionmaker(session.bind, class_=AsyncSession, expire_on_commit=False)
    to = world.other_community.id or 0
    asked, _, _ = await svc.ask_move(session, user=world.member2, to_community_id=to, now=T0)
    await session.commit()
    stamp = svc.move_stamp(asked.move_asked_at)

    async def staff() -> str:
        async with maker() as s:
            try:
                await _decide(s, world, approve=approve, stamp=stamp)
            except svc.MoveTaken as taken:
                return f"told {taken.state}"
            return "decided"

    async def member() -> str:
        async with maker() as s:
            try:
                await _withdraw(s, world, stamp=stamp)
            except svc.MoveNotPending as late:
                return f"told {late.state}"
            return "withdrawn"

    outcomes = await asyncio.gather(staff(), member())
    decided = MoveState.APPROVED if approve else MoveState.DECLINED
    async with maker() as s:
        profile = await s.get(MemberProfile, world.member2.id)
        assert profile is not None
    if outcomes[0] == "decided":
        assert outcomes[1] == f"told {decided}", outcomes
        assert profile.move_state == decided
    else:
        assert outcomes == [f"told {MoveState.WITHDRAWN}", "withdrawn"], outcomes
        assert profile.move_state == MoveState.WITHDRAWN
    moved = profile.move_state == MoveState.APPROVED
    assert profile.community_id == (to if moved else world.community.id)
