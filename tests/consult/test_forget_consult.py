"""/forget and consultations (SQLite and PostgreSQL): an RSVP to a meeting to come is withdrawn,
so no reminder reaches the person and the waitlist's next one gets the seat (and is told); a
meeting already held keeps it. Ballots stay counted under the anonymous id (a household's ballot
in an open poll is withdrawn, so the household may vote again). Topics lose the phone and name
typed into them, also in staff's notices not sent yet."""

from __future__ import annotations

import io
from datetime import timedelta

from openpyxl import load_workbook
from sqlalchemy import update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.consultations import CheckIn, Meeting, Rsvp, RsvpAnswer, RsvpStatus, Topic, Vote
from models.scheduling import Delivery, DeliveryState
from services import meetings, polls, topics
from services.consult_common import Notifier
from services.users import forget_user
from tests.consult.conftest import NOW, World
from tests.consult.test_meetings import answer, published
from tests.consult.test_polls import open_poll, option_ids


async def _deliveries(session: AsyncSession, chat_id: int, kind: str) -> list[Delivery]:
    rows = await session.exec(
        select(Delivery)
        .where(col(Delivery.chat_id) == chat_id, col(Delivery.kind) == kind)
        .order_by(col(Delivery.id))
        .execution_options(populate_existing=True)
    )
    return list(rows.all())


async def test_rsvp_withdrawn_seat_goes_on_and_no_reminder_reaches_them(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    meeting = await published(session, world, notifier, capacity=1)
    held = await published(session, world, notifier, title="上周的楼栋夜话")
    soon = await published(session, world, notifier, title="马上开始的楼栋夜话")
    a1, b = world["a1"], world["b"]
    assert (await answer(session, world, notifier, meeting, "a1", RsvpAnswer.YES)).status == (
        RsvpStatus.GOING
    )
    assert (await answer(session, world, notifier, meeting, "b", RsvpAnswer.YES)).status == (
        RsvpStatus.WAITLIST
    )
    await answer(session, world, notifier, held, "a1", RsvpAnswer.YES)
    await answer(session, world, notifier, soon, "a1", RsvpAnswer.YES)
    session.add(CheckIn(meeting_id=soon.id or 0, user_id=a1.id, method="code", at=NOW))
    await session.commit()
    # the day before: the reminder is queued for a1 (not sent yet)
    await meetings.remind(
        session, meeting_id=meeting.id or 0, version=meeting.version, now=NOW, notifier=notifier
    )
    waiting = await _deliveries(session, a1.id, "meeting")  # three invitations, the reminder
    assert len(waiting) == 4 and {d.state for d in waiting} == {DeliveryState.PENDING}
    # the other meeting has been held meanwhile: a1 was there
    await session.exec(  # type: ignore[call-overload]
        update(Meeting)
        .where(col(Meeting.id) == held.id)
        .values(starts_at=NOW - timedelta(hours=3))
    )
    await session.commit()
    notifier.sent.clear()

    await forget_user(session, user=a1, now=NOW, notifier=notifier)

    assert [d.state for d in await _deliveries(session, a1.id, "meeting")] == [
        DeliveryState.CANCELLED
    ] * 4
    assert await meetings.my_rsvp(session, meeting_id=meeting.id or 0, user_id=a1.id) is None
    assert await meetings.my_rsvp(session, meeting_id=meeting.id or 0, user_id=b.id) == (
        RsvpStatus.GOING
    )
    assert [m["chat_id"] for m in notifier.sent] == [b.id]
    assert "已从候补转为正式参加" in notifier.sent[0]["text"]
    counts = await meetings.counts(session, meeting_id=meeting.id or 0)
    assert (counts.going, counts.waitlist) == (1, 0)
    # the meeting already held keeps its attendance (the anonymous id only)
    assert await meetings.my_rsvp(session, meeting_id=held.id or 0, user_id=a1.id) == (
        RsvpStatus.GOING
    )
    # the next reminder goes to b alone
    notifier.sent.clear()
    later = NOW + timedelta(hours=1)
    await meetings.remind(
        session, meeting_id=meeting.id or 0, version=meeting.version, now=later, notifier=notifier
    )
    assert [m["chat_id"] for m in notifier.sent] == [b.id]
    rsvps = (await session.exec(select(Rsvp).where(col(Rsvp.user_id) == a1.id))).all()
    # so does the one they checked in to already (check-in opens before the start)
    assert sorted(r.meeting_id or 0 for r in rsvps) == sorted([held.id or 0, soon.id or 0])


async def test_ballots_stay_counted_without_name_or_room(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    household = await open_poll(session, world, notifier, per_household=True)
    named = await open_poll(session, world, notifier, anonymous=False, per_household=True)
    h_yes, _, _ = await option_ids(session, household)
    n_yes, n_no, _ = await option_ids(session, named)
    a1, a2, b = world["a1"], world["a2"], world["b"]
    await polls.cast_vote(session, user=a1, poll_id=household.id or 0, option_ids=[h_yes], now=NOW)
    await polls.cast_vote(session, user=b, poll_id=named.id or 0, option_ids=[n_no], now=NOW)
    await polls.cast_vote(session, user=a2, poll_id=named.id or 0, option_ids=[n_yes], now=NOW)
    await polls.close_poll(session, poll_id=named.id or 0, now=NOW + timedelta(hours=1))
    before = await polls.tally(session, poll=named, with_names=True)
    assert before.names[n_no] == ["刘奶奶"]

    await forget_user(session, user=a1, now=NOW + timedelta(hours=2))
    await forget_user(session, user=b, now=NOW + timedelta(hours=2))

    # the open household poll: a1's ballot is withdrawn, a2 (same room) may cast the household's
    assert (await session.exec(select(Vote).where(col(Vote.voter_id) == a1.id))).all() == []
    await polls.cast_vote(session, user=a2, poll_id=household.id or 0, option_ids=[h_yes], now=NOW)
    # the closed named poll: b's ballot still counts, under the number, without the room
    after = await polls.tally(session, poll=named, with_names=True)
    assert after.ballots == before.ballots == 2
    assert after.names[n_no] == [polls.DATA_DELETED] and after.names[n_yes] == ["张阿姨"]
    book = load_workbook(
        io.BytesIO(
            await polls.export_xlsx(
                session, user=world.staff, roles=world.staff_roles, poll_id=named.id or 0
            )
        )
    )
    listed = [row[0] for row in book["投票明细 Votes"].iter_rows(min_row=2, values_only=True)]
    assert sorted(listed) == sorted([polls.DATA_DELETED, "张阿姨"])
    actors = [row[1] for row in book["审计 Audit"].iter_rows(min_row=2, values_only=True)]
    assert polls.DATA_DELETED in actors and "刘奶奶" not in actors
    [kept] = (await session.exec(select(Vote).where(col(Vote.voter_id) == b.id))).all()
    assert kept.household is None


async def test_topics_lose_the_phone_and_name_typed_in_them(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    a1 = world["a1"]
    topic = await topics.propose_topic(
        session,
        user=a1,
        title="电梯噪音 张大爷13812345678",
        detail="我是张大爷，晚上电梯太吵 <睡不着> & 头疼",
        now=NOW,
        notifier=notifier,
    )
    [card] = await _deliveries(session, world.staff.id, "topic")
    assert "13812345678" in card.text and "张大爷" in card.text
    await forget_user(session, user=a1, now=NOW)
    stored = await session.get(Topic, topic.id, populate_existing=True)
    assert stored is not None
    for text in (stored.title, stored.detail):
        assert "13812345678" not in text and "张大爷" not in text
    assert "晚上电梯太吵 <睡不着> & 头疼" in stored.detail
    [card] = await _deliveries(session, world.staff.id, "topic")
    assert card.state == DeliveryState.PENDING
    assert "13812345678" not in card.text and "张大爷" not in card.text
    assert "晚上电梯太吵 &lt;睡不着&gt; &amp; 头疼" in card.text
