"""A proxy vote (代投) never overwrites a resident's own vote, nor adds a second ballot to a
household that has voted; a proxy vote staff recorded can still be corrected by them."""

from __future__ import annotations

import pytest
from sqlmodel.ext.asyncio.session import AsyncSession

from services import polls
from services.consult_common import Notifier
from services.errors import Conflict
from tests.consult.conftest import NOW, World
from tests.consult.test_polls import open_poll, option_ids, vote_rows


async def test_proxy_refused_for_a_resident_who_voted(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    poll = await open_poll(session, world, notifier, anonymous=False)
    yes, no, _ = await option_ids(session, poll)
    await polls.cast_vote(
        session, user=world["b"], poll_id=poll.id or 0, option_ids=[yes], now=NOW
    )
    with pytest.raises(Conflict) as refused:
        await polls.check_proxy_eligible(session, poll=poll, resident=world["b"])
    assert refused.value.key == "poll-err-proxy-voted-self"
    assert refused.value.args_ == {"name": world["b"].display_name}
    with pytest.raises(Conflict):
        await polls.proxy_vote(
            session,
            staff=world.grid_worker,
            roles=world.staff_roles,
            poll_id=poll.id or 0,
            resident_id=world["b"].id,
            option_ids=[no],
            now=NOW,
        )
    [ballot] = await vote_rows(session, poll)
    assert (ballot.choices, ballot.proxy_by) == ([yes], None)  # the resident's own choice


async def test_proxy_refused_when_the_household_voted(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    poll = await open_poll(session, world, notifier, per_household=True)
    yes, _no, _ = await option_ids(session, poll)
    await polls.cast_vote(
        session, user=world["a1"], poll_id=poll.id or 0, option_ids=[yes], now=NOW
    )
    with pytest.raises(Conflict) as refused:
        await polls.check_proxy_eligible(session, poll=poll, resident=world["a2"])
    assert refused.value.key == "poll-err-proxy-household-voted"  # worded for staff


async def test_a_proxy_vote_can_be_corrected(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    poll = await open_poll(session, world, notifier)
    yes, no, _ = await option_ids(session, poll)
    for choice in (yes, no):
        await polls.check_proxy_eligible(session, poll=poll, resident=world["b"])
        await polls.proxy_vote(
            session,
            staff=world.grid_worker,
            roles=world.staff_roles,
            poll_id=poll.id or 0,
            resident_id=world["b"].id,
            option_ids=[choice],
            now=NOW,
        )
    [ballot] = await vote_rows(session, poll)
    assert (ballot.choices, ballot.proxy_by) == ([no], world.grid_worker.id)
    # the resident may still vote themselves: their own choice replaces the proxy's
    await polls.cast_vote(
        session, user=world["b"], poll_id=poll.id or 0, option_ids=[yes], now=NOW
    )
    [ballot] = await vote_rows(session, poll)
    assert (ballot.choices, ballot.proxy_by) == ([yes], None)
