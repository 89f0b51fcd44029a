"""A community's consultations at a glance, for the weekly staff digest: what happened last week
(meetings held and how many checked in, polls closed, topics proposed) and what waits for staff
(minutes not sent for meetings that took place, topics nobody has decided on, meetings coming
this week). Counts only, in the database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.consultations import (
    CheckIn,
    Meeting,
    MeetingStatus,
    Poll,
    PollStatus,
    Topic,
    TopicStatus,
)


@dataclass(frozen=True)
class ConsultWeek:
    """Last week's consultations of a community and what waits."""

    held: int = 0  # meetings that took place in the week (not cancelled)
    checkins: int = 0  # people who checked in at them
    polls_closed: int = 0
    topics_new: int = 0
    minutes_due: int = 0  # meetings over, minutes not sent (any week)
    topics_waiting: int = 0  # topics open for backing, not accepted or answered yet
    meetings_ahead: int = 0  # published meetings in the next 7 days

    @property
    def anything(self) -> bool:
        """Whether there is anything to say."""
        return any(
            (
                self.held,
                self.polls_closed,
                self.topics_new,
                self.minutes_due,
                self.topics_waiting,
                self.meetings_ahead,
            )
        )


async def consult_week(
    session: AsyncSession, *, community_id: int, start: datetime, end: datetime, now: datetime
) -> ConsultWeek:
    """The community's consultations in [start, end) and what waits at `now`."""
    live = col(Meeting.status).in_([MeetingStatus.PUBLISHED, MeetingStatus.MINUTED])
    mine = col(Meeting.community_id) == community_id
    held_ids = select(Meeting.id).where(
        mine, live, col(Meeting.starts_at) >= start, col(Meeting.starts_at) < end
    )

    async def count(stmt: object) -> int:
        return int((await session.exec(stmt)).one() or 0)  # type: ignore[call-overload]

    held = await count(select(func.count()).select_from(held_ids.subquery()))
    checkins = await count(
        select(func.count()).select_from(CheckIn).where(col(CheckIn.meeting_id).in_(held_ids))
    )
    polls_closed = await count(
        select(func.count())
        .select_from(Poll)
        .where(
            col(Poll.community_id) == community_id,
            col(Poll.status) == PollStatus.CLOSED,
            col(Poll.closes_at) >= start,
            col(Poll.closes_at) < end,
        )
    )
    topics_new = await count(
        select(func.count())
        .select_from(Topic)
        .where(
            col(Topic.community_id) == community_id,
            col(Topic.created_at) >= start,
            col(Topic.created_at) < end,
        )
    )
    # a meeting is over once its start plus its length has passed; compared in Python (the
    # length is per meeting) over the few published meetings that started already
    started = (
        await session.exec(
            select(Meeting.starts_at, Meeting.duration_minutes).where(
                mine, col(Meeting.status) == MeetingStatus.PUBLISHED, col(Meeting.starts_at) < now
            )
        )
    ).all()
    minutes_due = sum(
        1 for starts, minutes in started if starts + timedelta(minutes=minutes) <= now
    )
    topics_waiting = await count(
        select(func.count())
        .select_from(Topic)
        .where(col(Topic.community_id) == community_id, col(Topic.status) == TopicStatus.OPEN)
    )
    ahead = await count(
        select(func.count())
        .select_from(Meeting)
        .where(
            mine,
            col(Meeting.status) == MeetingStatus.PUBLISHED,
            col(Meeting.starts_at) >= now,
            col(Meeting.starts_at) < now + timedelta(days=7),
        )
    )
    return ConsultWeek(
        held=held,
        checkins=checkins,
        polls_closed=polls_closed,
        topics_new=topics_new,
        minutes_due=minutes_due,
        topics_waiting=topics_waiting,
        meetings_ahead=ahead,
    )
