"""Reminders and closing go through the scheduler's job table and the delivery outbox."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Translator
from models.consultations import PollStatus, RsvpAnswer
from models.scheduling import Delivery
from scheduler.runner import JobRunner
from services import meetings, polls
from services.consult_common import Notifier
from tests.consult.conftest import NOW, World
from tests.support import FakeClock, count_commits_per_job, job_runner


@pytest.fixture
def clock() -> FakeClock:
    """Time that only moves when the test moves it."""
    return FakeClock(NOW)


@pytest.fixture
def runner(
    sessionmaker: async_sessionmaker[AsyncSession], translator: Translator, clock: FakeClock
) -> JobRunner:
    """The real job runner over the test database."""
    return job_runner(sessionmaker, clock, worker="t1", texts=translator)


@pytest.fixture
def commits_per_job(engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """ "kind:N" for every job run: N database commits during it (a kind commits at most once)."""
    with count_commits_per_job(engine, monkeypatch) as seen:
        yield seen


async def deliveries(session: AsyncSession, *, after_id: int = 0) -> list[Delivery]:
    """Outbox rows, oldest first."""
    stmt = select(Delivery).where(col(Delivery.id) > after_id).order_by(col(Delivery.id))
    return list((await session.exec(stmt.execution_options(populate_existing=True))).all())


async def test_poll_closes_on_time_and_result_is_posted(
    session: AsyncSession,
    world: World,
    notifier: Notifier,
    runner: JobRunner,
    clock: FakeClock,
    commits_per_job: list[str],
) -> None:
    assert world.community.id is not None
    poll = await polls.create_poll(
        session,
        user=world.staff,
        roles=world.staff_roles,
        now=NOW,
        draft=polls.PollDraft(
            community_id=world.community.id,
            question="是否同意更换物业？",
            options=["同意", "不同意"],
            closes_at=NOW + timedelta(days=2),
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
    await polls.cast_vote(
        session, user=world["a1"], poll_id=poll.id or 0, option_ids=[yes], now=NOW
    )
    last = (await deliveries(session))[-1].id or 0
    # a day before closing, those who have not voted are reminded (a1 voted)
    clock.set(poll.closes_at - timedelta(hours=24))
    assert len((await runner.run_due()).done) == 1
    soon = await deliveries(session, after_id=last)
    assert sorted(d.chat_id for d in soon) == [2, 3, 4, 5, 6]
    assert "将于" in soon[0].text
    last = soon[-1].id or 0
    clock.set(poll.closes_at + timedelta(seconds=5))
    assert len((await runner.run_due()).done) == 1
    closed = await polls.get_poll(session, poll_id=poll.id or 0)
    assert closed.status == PollStatus.CLOSED and closed.ballots_count == 1
    results = await deliveries(session, after_id=last)
    assert len(results) == 8  # six residents, the author (staff) and the public channel
    assert world.staff.id in {d.chat_id for d in results}
    channel = next(d for d in results if d.chat_id == -1001000000001)
    assert channel.photo_bytes is not None and channel.photo_bytes.startswith(b"\x89PNG")
    assert "投票结果：是否同意更换物业？" in channel.text
    assert (await runner.run_due()).total == 0
    assert commits_per_job and all(e.endswith(":1") for e in commits_per_job), commits_per_job


async def test_meeting_reminders_reach_those_going(
    session: AsyncSession,
    world: World,
    notifier: Notifier,
    runner: JobRunner,
    clock: FakeClock,
    commits_per_job: list[str],
) -> None:
    assert world.community.id is not None
    start = NOW + timedelta(days=2)
    meeting = await meetings.create_meeting(
        session,
        user=world.staff,
        roles=world.staff_roles,
        now=NOW,
        draft=meetings.MeetingDraft(
            community_id=world.community.id,
            title="居民议事会",
            agenda=["停车管理"],
            starts_at=start,
            place="会议室",
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
    for who, what in (("a1", RsvpAnswer.YES), ("b", RsvpAnswer.NO), ("d", RsvpAnswer.YES)):
        await meetings.rsvp(
            session,
            user=world[who],
            meeting_id=meeting.id or 0,
            answer=what,
            now=NOW,
            notifier=notifier,
        )
    last = (await deliveries(session))[-1].id or 0
    clock.set(start - timedelta(hours=24))
    await runner.run_due()
    reminders = await deliveries(session, after_id=last)
    assert sorted(d.chat_id for d in reminders) == [1, 5]
    assert "提醒：居民议事会" in reminders[0].text
    last = reminders[-1].id or 0
    clock.set(start - timedelta(minutes=30))
    report = await runner.run_due()
    assert len(report.done) == 2  # the 1-hour reminder (late but in time) and check-in
    sent = await deliveries(session, after_id=last)
    checkin = [d for d in sent if d.reply_markup]
    assert sorted(d.chat_id for d in checkin) == [1, 5]
    assert checkin[0].reply_markup == {
        "inline_keyboard": [[{"text": "📍 签到", "callback_data": f"cci:{meeting.id}"}]]
    }
    assert commits_per_job and all(e.endswith(":1") for e in commits_per_job), commits_per_job
