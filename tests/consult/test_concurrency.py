"""Simultaneous taps: the database decides, nobody gets two votes or an extra seat."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Translator
from bot.settings import Settings
from models import AuditEvent, StaffScope, User
from models.consultations import (
    MeetingQuestion,
    PollStatus,
    RsvpAnswer,
    RsvpStatus,
    TopicBacking,
    Vote,
)
from models.scheduling import Delivery, DeliveryState, JobState, ScheduledJob
from scheduler.kinds import load_job_kinds
from scheduler.runner import JobRunner
from services import meeting_cards, meetings, polls, topics
from services.consult_common import Notifier
from services.errors import Conflict
from tests.consult.conftest import NOW, World
from tests.support import FakeClock


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


async def test_staff_and_job_close_a_poll_at_once(
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    world: World,
    notifier: Notifier,
    translator: Translator,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Staff tap "close now" while the scheduler is closing the same poll on time: the result is
    announced once, and the close job is done (not left running to be run again later)."""
    assert world.community.id is not None
    poll = await polls.create_poll(
        session,
        user=world.staff,
        roles=world.staff_roles,
        now=NOW,
        draft=polls.PollDraft(
            community_id=world.community.id,
            question="是否同意加装电梯？",
            options=["同意", "不同意"],
            closes_at=NOW + timedelta(days=1),
        ),
    )
    poll_id = poll.id or 0
    await polls.publish_poll(
        session,
        user=world.staff,
        roles=world.staff_roles,
        poll_id=poll_id,
        now=NOW,
        notifier=notifier,
    )
    yes = (await polls.poll_options(session, poll_id=poll_id))[0].id or 0
    await polls.cast_vote(session, user=world["a1"], poll_id=poll_id, option_ids=[yes], now=NOW)
    before = (await session.exec(select(func.max(Delivery.id)))).one() or 0
    at = poll.closes_at + timedelta(seconds=5)
    clock = FakeClock(at)
    load_job_kinds()
    runner = JobRunner(
        sessionmaker=sessionmaker,
        settings=Settings(bot_token=None),
        texts=translator,
        clock=clock,
        worker="t1",
    )

    async def staff_closes() -> None:
        async with sessionmaker() as own:
            await polls.close_poll(
                own,
                poll_id=poll_id,
                now=at,
                actor_id=world.staff.id,
                notifier=Notifier(texts=translator, now=at),
            )

    # The staff's tap lands while the job has read the poll (open) and is about to close it.
    # On PostgreSQL the staff's close commits first and the job's close finds it closed; on
    # SQLite the job holds the write lock, so the staff's close waits and finds it closed.
    eligible_base = polls._eligible_base
    staff: list[asyncio.Task[None]] = []

    async def tap_meanwhile(own: AsyncSession, **kwargs: Any) -> Any:
        if not staff:
            staff.append(asyncio.create_task(staff_closes()))
            if own.bind is not None and own.bind.dialect.name == "postgresql":
                await staff[0]
        return await eligible_base(own, **kwargs)

    monkeypatch.setattr(polls, "_eligible_base", tap_meanwhile)
    report = await runner.run_due()
    await staff[0]
    monkeypatch.setattr(polls, "_eligible_base", eligible_base)

    assert len(report.done) == 1
    job = (
        await session.exec(
            select(ScheduledJob)
            .where(ScheduledJob.key == f"poll:{poll_id}:close")
            .execution_options(populate_existing=True)
        )
    ).one()
    assert job.state == JobState.DONE
    closed = await polls.get_poll(session, poll_id=poll_id)
    assert closed.status == PollStatus.CLOSED and closed.ballots_count == 1
    closes = (
        await session.exec(
            select(AuditEvent).where(
                AuditEvent.action == "poll-close", AuditEvent.subject_id == str(poll_id)
            )
        )
    ).all()
    assert len(closes) == 1
    on_postgres = session.bind is not None and session.bind.dialect.name == "postgresql"
    assert closes[0].actor_id == (world.staff.id if on_postgres else None)  # who won the race
    results = (
        await session.exec(
            select(Delivery).where(
                col(Delivery.id) > before,
                col(Delivery.kind).in_(["poll-result", "consult-channel"]),
            )
        )
    ).all()
    chats = [d.chat_id for d in results]
    assert chats and len(chats) == len(set(chats))  # everyone hears the result once
    # the job's lease running out changes nothing: it is not run a second time
    clock.advance(timedelta(minutes=15))
    await runner.recover()
    assert (await runner.run_due()).total == 0


async def test_backing_taps_at_once_keep_the_count(
    session: AsyncSession, sessionmaker: async_sessionmaker[AsyncSession], world: World
) -> None:
    """附议 and 取消附议 tapped at once, twice each (a double tap): each backing counts once and
    each withdrawal takes away one, so the count shown is always the number of backings."""
    topic = await topics.propose_topic(
        session, user=world["a1"], title="小区门口加个减速带", detail=None, now=NOW
    )
    tid = topic.id or 0
    await topics.back_topic(session, user=world["b"], topic_id=tid, now=NOW)

    async def tap(user_id: int, action: str) -> str:
        async with sessionmaker() as own:
            person = await own.get(User, user_id)
            assert person is not None
            try:
                if action == "back":
                    await topics.back_topic(own, user=person, topic_id=tid, now=NOW)
                else:
                    await topics.withdraw_backing(own, user=person, topic_id=tid)
            except Conflict as exc:
                return exc.key
            return "ok"

    b, d = world["b"].id, world["d"].id
    outcomes = await asyncio.gather(
        tap(b, "unback"), tap(b, "unback"), tap(d, "back"), tap(d, "back")
    )
    assert sorted(outcomes[:2]) == ["ok", "topic-err-not-backed"]
    assert sorted(outcomes[2:]) == ["ok", "topic-err-already-backed"]
    rows = (await session.exec(select(TopicBacking).where(TopicBacking.topic_id == tid))).all()
    assert [r.user_id for r in rows] == [d]
    assert (await topics.get_topic(session, topic_id=tid)).backers == 1


async def test_two_follow_ups_redraw_a_poll_card_once(
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    world: World,
    notifier: Notifier,
) -> None:
    """Each announcement that goes out has the poll's staff cards redrawn; the announcements go
    at once, so two follow-ups may both read a card before either redrew it. The second must
    not queue the same edit again (Telegram refuses it: 'message is not modified')."""
    assert world.community.id is not None
    poll = await polls.create_poll(
        session,
        user=world.staff,
        roles=world.staff_roles,
        now=NOW,
        draft=polls.PollDraft(
            community_id=world.community.id,
            question="明年办什么",
            options=["修路灯", "装电梯"],
            closes_at=NOW + timedelta(days=1),
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
    card_at = {"chat_id": world.staff.id, "message_id": 77}
    await polls.remember_card(
        session,
        poll_id=poll.id or 0,
        text="（草稿时的卡片）",
        reply_markup=None,
        now=NOW,
        **card_at,
    )

    async def follow_up(own: AsyncSession) -> int:
        return await polls.redraw_cards_of(own, poll_id=poll.id or 0, notifier=notifier)

    await _a_second_redraw_queues_nothing(
        session,
        sessionmaker,
        matter=polls.card_matter(poll.id or 0),
        read_as="（草稿时的卡片）",
        redraw=follow_up,
        **card_at,
    )


async def test_a_question_and_an_answer_redraw_a_meeting_card_once(
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    world: World,
    notifier: Notifier,
) -> None:
    """A question asked and another answered at the same moment both redraw the meeting's
    staff cards, and may both read a card before either redrew it: the second must not queue
    the same edit again (Telegram refuses it: 'message is not modified')."""
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
    session.add(
        MeetingQuestion(
            meeting_id=meeting.id or 0, resident_id=world["a1"].id, text="几点签到？", asked_at=NOW
        )
    )
    await session.commit()
    drawn = meeting_cards.StaffCard("（提问前的卡片）", [])
    await meeting_cards.remember_card(
        session,
        meeting_id=meeting.id or 0,
        chat_id=world.staff.id,
        message_id=78,
        card=drawn,
        now=NOW,
    )

    async def redraw(own: AsyncSession) -> int:
        mine = await meetings.get_meeting(own, meeting_id=meeting.id or 0)
        return await meeting_cards.redraw_cards(own, meeting=mine, notifier=notifier, now=NOW)

    edit = await _a_second_redraw_queues_nothing(
        session,
        sessionmaker,
        matter=meeting_cards.card_matter(meeting.id or 0),
        read_as="（提问前的卡片）",
        redraw=redraw,
        chat_id=world.staff.id,
        message_id=78,
    )
    assert "❓ 提问 1（待回复 1）" in edit.text


async def _a_second_redraw_queues_nothing(
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    matter: str,
    read_as: str,
    redraw: Callable[[AsyncSession], Awaitable[int]],
    chat_id: int,
    message_id: int,
) -> Delivery:
    """Two redraws of a remembered staff card (`matter`, reading `read_as`) at once: the later
    one has read the card before the first one redrew it (and the sender made that edit); it
    must queue nothing (Telegram refuses the same edit again as 'not modified'). Returns the
    one edit made."""

    def edits_of_the_card() -> Any:
        return select(Delivery).where(
            Delivery.chat_id == chat_id, Delivery.edit_message_id == message_id
        )

    async with sessionmaker() as late:
        [read] = (await late.exec(select(Delivery).where(Delivery.matter == matter))).all()
        assert read.text == read_as
        async with sessionmaker() as first:
            assert await redraw(first) == 1
            await first.commit()
            [edit] = (await first.exec(edits_of_the_card())).all()
            edit.state = DeliveryState.SENT  # the sender has made it
            first.add(edit)
            await first.commit()
        assert await redraw(late) == 0
        await late.commit()

    edits = (await session.exec(edits_of_the_card())).all()
    assert [e.state for e in edits] == [DeliveryState.SENT], edits
    return edits[0]


async def test_two_colleagues_confirm_the_minutes_at_once(
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    world: World,
    notifier: Notifier,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two staff of the community tap ✅ 确认发布 on their own minutes of the same meeting at the
    same instant: the minutes go out once (one notice each, one set of decisions, one audit
    row), and the colleague who came second is told they were sent first by the other."""
    assert world.community.id is not None
    colleague = User(id=903, first_name="陈社工", roles="resident,staff")
    session.add(colleague)
    await session.flush()
    session.add(StaffScope(user_id=903, community_id=world.community.id))
    await session.commit()
    meeting = await meetings.create_meeting(
        session,
        user=world.staff,
        roles=world.staff_roles,
        now=NOW,
        draft=meetings.MeetingDraft(
            community_id=world.community.id,
            title="加装电梯议事会",
            agenda=["听取意见"],
            starts_at=NOW + timedelta(days=1),
            place="会议室",
        ),
    )
    meeting_id = meeting.id or 0
    await meetings.publish_meeting(
        session,
        user=world.staff,
        roles=world.staff_roles,
        meeting_id=meeting_id,
        now=NOW,
        notifier=notifier,
    )
    before = (await session.exec(select(func.max(Delivery.id)))).one() or 0
    after = meeting.starts_at + timedelta(hours=2)

    # both have read the meeting as not yet minuted before either changes it
    move, arrived, both = meetings._move, [], asyncio.Event()

    async def move_together(own: AsyncSession, meeting: Any, **kwargs: Any) -> None:
        arrived.append(own)
        if len(arrived) == 2:
            both.set()
        await asyncio.wait_for(both.wait(), 10)
        await move(own, meeting, **kwargs)

    monkeypatch.setattr(meetings, "_move", move_together)

    async def confirm(user_id: int, minutes: str, decision: str) -> str:
        async with sessionmaker() as own:
            who = await own.get(User, user_id)
            assert who is not None
            try:
                await meetings.publish_minutes(
                    own,
                    user=who,
                    roles=world.staff_roles,
                    meeting_id=meeting_id,
                    minutes=minutes,
                    decisions=[decision],
                    now=after,
                    notifier=Notifier(texts=notifier.texts, now=after),
                )
            except meetings.MinutedFirst as exc:
                return f"{exc.key}:{exc.args_.get('by')}"
            return "ok"

    outcomes = await asyncio.gather(
        confirm(world.staff.id, "王主任记的纪要", "成立电梯小组"),
        confirm(903, "陈社工记的纪要", "下周公示方案"),
    )
    assert len(arrived) == 2  # the race was run: both got past their checks
    assert sorted(outcomes) == ["meeting-err-minuted-first:colleague", "ok"]
    decisions = await meetings.decisions_of(session, meeting_id=meeting_id)
    assert len(decisions) == 1
    minuted = (
        await session.exec(
            select(AuditEvent).where(
                AuditEvent.action == "meeting-minutes", AuditEvent.subject_id == str(meeting_id)
            )
        )
    ).all()
    assert len(minuted) == 1
    notices = (
        await session.exec(
            select(Delivery).where(col(Delivery.id) > before, col(Delivery.text).contains("纪要"))
        )
    ).all()
    chats = [d.chat_id for d in notices]
    assert chats and len(chats) == len(set(chats))  # everyone invited hears them once
    assert all(decisions[0].text in d.text for d in notices)  # the winner's, not a mix
