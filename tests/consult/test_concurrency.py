"""Simultaneous taps: the database decides, nobody gets two votes or an extra seat."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import User
from models.consultations import RsvpAnswer, RsvpStatus, Vote
from services import meetings, polls
from services.consult_common import Notifier
from services.errors import Conflict
from tests.consult.conftest import NOW, World


async def test_same_household_votes_at_once(
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    world: World,
    notifier: Notifier,
) -> None:
    assert world.community.id is not None
    poll = await polls.create_poll(
        session,
        user=world.staff,
        roles=world.staff_roles,
        now=NOW,
        draft=polls.PollDraft(
            community_id=world.community.id,
            question="一户一票",
            options=["同意", "反对"],
            closes_at=NOW + timedelta(days=1),
            per_household=True,
        ),
    )
    await polls.publish_poll(
        session,
        user=world.staff,
        roles=world.staff_roles,
        poll_id=poll.id or 0,
        now=NOW,
        notifier=notifier,
    )
    yes = (await polls.poll_options(session, poll_id=poll.id or 0))[0].id or 0

    async def vote(user_id: int) -> str:
        async with sessionmaker() as own:
            voter = await own.get(User, user_id)
            assert voter is not None
            try:
                await polls.cast_vote(
                    own, user=voter, poll_id=poll.id or 0, option_ids=[yes], now=NOW
                )
            except Conflict as exc:
                return exc.key
            return "ok"

    outcomes = await asyncio.gather(vote(world["a1"].id), vote(world["a2"].id))
    assert sorted(outcomes) == ["ok", "poll-err-household-voted"]
    rows = (await session.exec(select(Vote).where(Vote.poll_id == poll.id))).all()
    assert len(rows) == 1


async def test_last_seat_taken_once(
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    world: World,
    notifier: Notifier,
) -> None:
    assert world.community.id is not None
    meeting = await meetings.create_meeting(
        session,
        user=world.staff,
        roles=world.staff_roles,
        now=NOW,
        draft=meetings.MeetingDraft(
            community_id=world.community.id,
            title="小型座谈",
            agenda=["听取意见"],
            starts_at=NOW + timedelta(days=1),
            place="会议室",
            capacity=1,
        ),
    )
    await meetings.publish_meeting(
        session,
        user=world.staff,
        roles=world.staff_roles,
        meeting_id=meeting.id or 0,
        now=NOW,
        notifier=notifier,
    )

    async def say_yes(user_id: int) -> RsvpStatus:
        async with sessionmaker() as own:
            person = await own.get(User, user_id)
            assert person is not None
            outcome = await meetings.rsvp(
                own,
                user=person,
                meeting_id=meeting.id or 0,
                answer=RsvpAnswer.YES,
                now=NOW,
                notifier=notifier,
            )
            return outcome.status

    outcomes = await asyncio.gather(*(say_yes(world[n].id) for n in ("a1", "b", "d")))
    assert sorted(outcomes) == [RsvpStatus.GOING, RsvpStatus.WAITLIST, RsvpStatus.WAITLIST]
    counts = await meetings.counts(session, meeting_id=meeting.id or 0)
    assert (counts.going, counts.waitlist) == (1, 2)
