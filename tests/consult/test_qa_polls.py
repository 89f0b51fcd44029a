"""QA defects D38 and D33 in the poll services: who may read results, members polls, the
author hearing the outcome, and proxy votes worded for staff."""

from __future__ import annotations

import pytest
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import Role, StaffScope, User
from models.consultations import AudienceKind, Eligibility, PollStatus
from models.scheduling import Delivery
from services import polls
from services.consult_common import Notifier
from services.errors import PermissionDenied
from tests.consult.conftest import NOW, RESIDENT, World
from tests.consult.test_polls import open_poll, option_ids


async def other_staff(session: AsyncSession, world: World) -> User:
    """A staff member of the other community (和谐社区)."""
    assert world.other_community.id is not None
    user = User(id=903, first_name="别的社工", roles="resident,staff")
    session.add(user)
    await session.flush()
    session.add(StaffScope(user_id=user.id, community_id=world.other_community.id))
    await session.commit()
    return user


async def test_live_results_refused_outside_the_audience(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    poll = await open_poll(
        session,
        world,
        notifier,
        audience_kind=AudienceKind.BUILDINGS,
        audience_ids=(world.b1.id,),
        live_results=True,
    )
    outsider_staff = await other_staff(session, world)
    staff_roles = frozenset({Role.RESIDENT, Role.STAFF})
    # a resident of 1号楼 and the community's staff read the live results
    assert await polls.check_results_access(session, poll=poll, user=world["b"], roles=RESIDENT)
    assert await polls.check_results_access(
        session, poll=poll, user=world.staff, roles=world.staff_roles
    )
    # another community's resident and staff, and a resident of another building, are refused
    for user, roles in [
        (world["x"], RESIDENT),
        (outsider_staff, staff_roles),
        (world["e"], RESIDENT),
    ]:
        assert not await polls.can_see_results(session, poll=poll, user=user, roles=roles)
        with pytest.raises(PermissionDenied) as refused:
            await polls.check_results_access(session, poll=poll, user=user, roles=roles)
        assert refused.value.key == "poll-err-results-not-yours"


async def test_hidden_results_are_hidden_not_refused_for_the_audience(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    poll = await open_poll(session, world, notifier, live_results=False)
    assert not await polls.check_results_access(
        session, poll=poll, user=world["b"], roles=RESIDENT
    )


async def test_members_poll_reaches_members_without_an_address(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    # staff picked "verified residents only" out of habit: it means nothing for members
    poll = await open_poll(
        session,
        world,
        notifier,
        audience_kind=AudienceKind.MEMBERS,
        eligibility=Eligibility.VERIFIED,
    )
    assert poll.eligibility == Eligibility.REGISTERED
    member = world["m"]
    assert member.building_id is None and member.verified_at is None
    told = (await session.exec(select(Delivery).where(Delivery.chat_id == member.id))).all()
    assert len(told) == 1 and "1号楼是否加装电梯" in told[0].text
    assert [p.id for p in await polls.open_polls_for(session, user=member, now=NOW)] == [poll.id]
    first = (await option_ids(session, poll))[0]
    vote = await polls.cast_vote(
        session, user=member, poll_id=poll.id or 0, option_ids=[first], now=NOW
    )
    assert vote.choices == [first]
    # residents are not members
    with pytest.raises(PermissionDenied):
        await polls.cast_vote(
            session, user=world["b"], poll_id=poll.id or 0, option_ids=[first], now=NOW
        )


async def test_author_gets_the_result_when_the_poll_closes(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    poll = await open_poll(session, world, notifier)
    await polls.close_poll(session, poll_id=poll.id or 0, now=poll.closes_at, notifier=notifier)
    assert (
        poll.status == PollStatus.CLOSED
        or (await polls.get_poll(session, poll_id=poll.id or 0)).status == PollStatus.CLOSED
    )
    stmt = select(Delivery).where(
        Delivery.chat_id == world.staff.id, Delivery.kind == "poll-result"
    )
    [notice] = (await session.exec(stmt)).all()
    assert "投票结果" in notice.text


async def test_proxy_vote_outside_the_audience_is_refused_in_staff_words(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    poll = await open_poll(
        session,
        world,
        notifier,
        audience_kind=AudienceKind.BUILDINGS,
        audience_ids=(world.b1.id,),
        eligibility=Eligibility.VERIFIED,
    )
    first = (await option_ids(session, poll))[0]
    for resident, key in [
        (world["d"], "poll-err-proxy-not-audience"),  # 2号楼
        (world["c"], "poll-err-proxy-not-verified"),  # 1号楼, not verified
    ]:
        with pytest.raises(PermissionDenied) as refused:
            await polls.check_proxy_eligible(session, poll=poll, resident=resident)
        assert refused.value.key == key
        with pytest.raises(PermissionDenied) as refused:
            await polls.proxy_vote(
                session,
                staff=world.grid_worker,
                roles=world.staff_roles,
                poll_id=poll.id or 0,
                resident_id=resident.id,
                option_ids=[first],
                now=NOW,
            )
        assert refused.value.key == key
    # the building picker offers the poll's buildings only
    assert [b.id for b in await polls.proxy_buildings(session, poll=poll)] == [world.b1.id]
