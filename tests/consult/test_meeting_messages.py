"""Where a meeting's messages went, and their redraws (services.meeting_messages), on SQLite and
PostgreSQL: a remembered card or sign-up answer gets an edit queued in the outbox when the
meeting moves, is cancelled, or the person moves up from the waitlist — only where it would read
differently; an announcement sent in one message is found in the outbox and redrawn too."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.consultations import Meeting, MeetingMessage, RsvpAnswer, RsvpStatus
from models.scheduling import Delivery, DeliveryState
from services import delivery as outbox
from services import meeting_messages, meetings
from services.consult_common import Notifier
from tests.consult.conftest import NOW, World
from tests.consult.test_meetings import START, answer, published


async def _edits(session: AsyncSession) -> list[Delivery]:
    stmt = select(Delivery).where(col(Delivery.edit_message_id).is_not(None))
    return list((await session.exec(stmt.order_by(col(Delivery.id)))).all())


async def _remembered(session: AsyncSession, chat_id: int) -> list[MeetingMessage]:
    stmt = select(MeetingMessage).where(MeetingMessage.chat_id == chat_id)
    return list((await session.exec(stmt)).all())


async def _remember_reply(
    session: AsyncSession, world: World, notifier: Notifier, meeting: Meeting, who: str
) -> int:
    """What the handler does after answering a sign-up: the answer is remembered."""
    outcome = await answer(session, world, notifier, meeting, who, RsvpAnswer.YES)
    person = world[who]
    text = meeting_messages.rsvp_reply(
        meeting,
        status=outcome.status,
        position=outcome.position,
        reminder_due=outcome.reminder_due,
        when=notifier.local(meeting.starts_at),
        render=lambda key, **a: notifier.render(person, key, **a),
    )
    message_id = 100 + person.id % 100
    await meeting_messages.remember(
        session,
        meeting_id=meeting.id or 0,
        chat_id=person.id,
        message_id=message_id,
        kind=meeting_messages.REPLY,
        text=text,
        rows=None,
    )
    return message_id


async def test_postpone_queues_an_edit_of_the_answer(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    meeting = await published(session, world, notifier)
    message_id = await _remember_reply(session, world, notifier, meeting, "b")
    await meetings.postpone_meeting(
        session,
        user=world.staff,
        roles=world.staff_roles,
        meeting_id=meeting.id or 0,
        starts_at=START + timedelta(days=7),
        reason="场地维修",
        now=NOW,
        notifier=notifier,
    )
    [edit] = await _edits(session)
    assert (edit.chat_id, edit.edit_message_id) == (world["b"].id, message_id)
    assert edit.state == DeliveryState.PENDING
    # ahead of the notice that explains it (urgent: the sender takes urgent rows first)
    [notice] = (
        await session.exec(
            select(Delivery).where(
                col(Delivery.dedupe_key) == f"meeting:{meeting.id}:postpone:2:{world['b'].id}"
            )
        )
    ).all()
    assert edit.urgent and not notice.urgent
    assert "已报名：" in edit.text and "12月2日（周三）10:00" in edit.text
    # a change that does not show in the answer (the capacity) redraws nothing
    await meetings.edit_meeting(
        session,
        user=world.staff,
        roles=world.staff_roles,
        meeting_id=meeting.id or 0,
        edit=meetings.MeetingEdit(capacity=40),
        now=NOW,
        notifier=notifier,
    )
    assert len(await _edits(session)) == 1


async def test_remembering_the_same_message_again_keeps_one_row(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    meeting = await published(session, world, notifier)
    for text in ("您的报名：未回复", "您的报名：参加"):
        await meeting_messages.remember(
            session,
            meeting_id=meeting.id or 0,
            chat_id=world["b"].id,
            message_id=7,
            kind=meeting_messages.CARD,
            text=text,
            rows=None,
        )
    [row] = (await session.exec(select(MeetingMessage))).all()
    assert row.shown == meeting_messages.shown_digest("您的报名：参加", None)


async def test_promotion_redraws_the_waitlisted_answer(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    meeting = await published(session, world, notifier, capacity=1)
    going = await _remember_reply(session, world, notifier, meeting, "b")
    waiting = await _remember_reply(session, world, notifier, meeting, "d")
    outcome = await answer(session, world, notifier, meeting, "b", RsvpAnswer.NO)
    now = await meetings.my_rsvp(session, meeting_id=meeting.id or 0, user_id=world["d"].id)
    assert now == RsvpStatus.GOING
    edits = {(e.chat_id, e.edit_message_id): e for e in await _edits(session)}
    # b's earlier '已报名' is replaced by the answer the handler sends now (taken away, not
    # redrawn to say the same); d's says that d moved up
    assert set(edits) == {(world["d"].id, waiting)}
    assert outcome.replaced == [going]
    assert not await _remembered(session, world["b"].id)
    moved_up = edits[world["d"].id, waiting].text
    assert "已报名：" in moved_up and "候补" not in moved_up


async def test_a_sent_announcement_is_redrawn_on_cancel(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    meeting = await published(session, world, notifier)
    announced = (
        await session.exec(
            select(Delivery).where(
                col(Delivery.dedupe_key).startswith(f"meeting:{meeting.id}:announce:")
            )
        )
    ).all()
    assert len(announced) >= 2
    sent, long = announced[0], announced[1]
    sent.state, sent.message_ids = DeliveryState.SENT, "41"
    # in two parts, its buttons under the last: redrawn through that one (the sender redraws
    # the part above it with it)
    long.state, long.message_ids = DeliveryState.SENT, "42,43"
    session.add_all([sent, long])
    await session.commit()
    await meetings.cancel_meeting(
        session,
        user=world.staff,
        roles=world.staff_roles,
        meeting_id=meeting.id or 0,
        reason="台风",
        now=NOW,
        notifier=notifier,
    )
    edits = await _edits(session)
    assert {(e.chat_id, e.edit_message_id) for e in edits} == {
        (sent.chat_id, 41),
        (long.chat_id, 43),
    }
    for edit in edits:
        assert "议事会通知" in edit.text and "已取消。原因：台风" in edit.text
        assert edit.reply_markup is None  # no 去 / 不去 on a cancelled meeting


async def test_an_announcement_on_its_way_is_redrawn_once_sent(
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    world: World,
    notifier: Notifier,
) -> None:
    """Claimed by the sender (its call may be under way) when the meeting is cancelled: no
    message id to edit yet, so it is marked; recorded sent, it is redrawn. Before, it was not
    found sent and stayed as it went, with 去 / 不去."""
    meeting = await published(session, world, notifier)
    on_the_way = await outbox.claim_deliveries(session, now=NOW, limit=100, worker="sender")
    assert len(on_the_way) >= 2  # the announcements
    first, other = on_the_way[0], on_the_way[1]
    await meetings.cancel_meeting(
        session,
        user=world.staff,
        roles=world.staff_roles,
        meeting_id=meeting.id or 0,
        reason="台风",
        now=NOW,
        notifier=notifier,
    )
    assert await _edits(session) == []  # nothing to edit yet
    async with sessionmaker() as sender:
        matter = await outbox.record_sent(sender, delivery_id=first.id, message_ids=[41], now=NOW)
    assert matter is not None
    assert meeting_messages.meeting_to_redraw(matter) == meeting.id
    async with sessionmaker() as follow_up:
        redrawn = await meeting_messages.redraw_once_sent(
            follow_up,
            meeting_id=meeting.id or 0,
            chat_id=first.chat_id,
            notifier=notifier,
            now=NOW,
        )
    assert redrawn == 1
    [edit] = await _edits(session)
    assert (edit.chat_id, edit.edit_message_id) == (first.chat_id, 41)
    assert "议事会通知" in edit.text and "已取消。原因：台风" in edit.text
    assert edit.reply_markup is None
    # another on its way is redrawn only once it, too, is recorded sent
    async with sessionmaker() as sender:
        await outbox.record_sent(sender, delivery_id=other.id, message_ids=[42], now=NOW)
    async with sessionmaker() as follow_up:
        await meeting_messages.redraw_once_sent(
            follow_up,
            meeting_id=meeting.id or 0,
            chat_id=other.chat_id,
            notifier=notifier,
            now=NOW,
        )
    assert [(e.chat_id, e.edit_message_id) for e in await _edits(session)] == [
        (first.chat_id, 41),
        (other.chat_id, 42),
    ]
    # the cancellation notice, queued after the change, has no mark
    later = await outbox.claim_deliveries(session, now=NOW, limit=100, worker="sender")
    [notice, *_] = [c for c in later if c.edit_message_id is None]
    async with sessionmaker() as sender:
        assert (
            await outbox.record_sent(sender, delivery_id=notice.id, message_ids=[51], now=NOW)
            is None
        )


async def _announcements(session: AsyncSession, meeting: Meeting) -> list[Delivery]:
    stmt = select(Delivery).where(
        col(Delivery.dedupe_key).startswith(f"meeting:{meeting.id}:announce:")
    )
    rows = await session.exec(stmt.execution_options(populate_existing=True))
    return list(rows.all())


async def test_a_held_announcement_goes_out_as_the_meeting_now_is(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    meeting = await published(session, world, notifier)
    held = await _announcements(session, meeting)
    assert held and all(d.state == DeliveryState.PENDING for d in held)  # not sent yet
    await meetings.postpone_meeting(
        session,
        user=world.staff,
        roles=world.staff_roles,
        meeting_id=meeting.id or 0,
        starts_at=START + timedelta(days=7),
        reason="场地维修",
        now=NOW,
        notifier=notifier,
    )
    for row in await _announcements(session, meeting):
        assert "12月2日（周三）10:00" in row.text and row.reply_markup
    await meetings.cancel_meeting(
        session,
        user=world.staff,
        roles=world.staff_roles,
        meeting_id=meeting.id or 0,
        reason="台风",
        now=NOW,
        notifier=notifier,
    )
    assert {d.state for d in await _announcements(session, meeting)} == {DeliveryState.CANCELLED}


async def test_a_new_place_redraws_the_answer(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    meeting = await published(session, world, notifier)
    await _remember_reply(session, world, notifier, meeting, "b")
    await meetings.edit_meeting(
        session,
        user=world.staff,
        roles=world.staff_roles,
        meeting_id=meeting.id or 0,
        edit=meetings.MeetingEdit(place="社区二楼活动室"),
        now=NOW,
        notifier=notifier,
    )
    [edit] = await _edits(session)
    assert "📍 社区二楼活动室" in edit.text and "架空层" not in edit.text


async def test_leaving_the_waitlist_redraws_the_places_behind(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    meeting = await published(session, world, notifier, capacity=1)
    await answer(session, world, notifier, meeting, "b", RsvpAnswer.YES)
    first = await _remember_reply(session, world, notifier, meeting, "d")  # 第 1 位
    second = await _remember_reply(session, world, notifier, meeting, "e")  # 第 2 位
    outcome = await answer(session, world, notifier, meeting, "d", RsvpAnswer.NO)
    edits = {(e.chat_id, e.edit_message_id): e for e in await _edits(session)}
    assert set(edits) == {(world["e"].id, second)}
    assert "候补名单第 1 位" in edits[world["e"].id, second].text
    assert outcome.replaced == [first]  # d's own: replaced by the answer sent now


async def _sent_as(session: AsyncSession, prefix: str, first_id: int) -> dict[int, int]:
    """The outbox's deliveries under this key, recorded sent: chat → message id."""
    stmt = select(Delivery).where(col(Delivery.dedupe_key).startswith(prefix))
    shown = {}
    for number, row in enumerate((await session.exec(stmt.order_by(col(Delivery.id)))).all()):
        row.state, row.message_ids = DeliveryState.SENT, str(first_id + number)
        session.add(row)
        shown[row.chat_id] = first_id + number
    await session.commit()
    return shown


async def test_a_notice_of_a_place_follows_that_place(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    """'转为候补第 N 位' and '已从候补转为正式参加' keep what they said, with the person's place
    now under it, once that place changes or the meeting does; not when someone behind them
    leaves the waitlist. Before, neither was redrawn at all."""
    meeting = await published(session, world, notifier, capacity=3)
    for who in ("b", "d", "e"):
        await answer(session, world, notifier, meeting, who, RsvpAnswer.YES)
    await meetings.edit_meeting(
        session,
        user=world.staff,
        roles=world.staff_roles,
        meeting_id=meeting.id or 0,
        edit=meetings.MeetingEdit(capacity=1, waitlist_over=True),
        now=NOW,
        notifier=notifier,
    )
    d, e = world["d"].id, world["e"].id
    moved = await _sent_as(session, f"meeting:{meeting.id}:moved:", 60)
    assert set(moved) == {d, e}  # d waits 第 1 位, e 第 2 位
    edits = len(await _edits(session))
    # e, behind d, answers 不去: d's notice still says d's place; e's, that e answered 不去
    await answer(session, world, notifier, meeting, "e", RsvpAnswer.NO)
    [redrawn] = (await _edits(session))[edits:]
    assert (redrawn.chat_id, redrawn.edit_message_id) == (e, moved[e])
    assert "候补第 2 位" in redrawn.text and redrawn.text.endswith("您的报名：不去")
    # b answers 不去: d moves up, and d's notice says so
    await answer(session, world, notifier, meeting, "b", RsvpAnswer.NO)
    [redrawn] = [x for x in (await _edits(session))[edits:] if x.chat_id == d]
    assert redrawn.edit_message_id == moved[d]
    assert "候补第 1 位" in redrawn.text and redrawn.text.endswith("您的报名：参加")
    promoted = await _sent_as(session, f"meeting:{meeting.id}:promoted:", 70)
    assert set(promoted) == {d}
    # postponed: the notice of moving up, too, keeps what it said with the new time under it
    edits = len(await _edits(session))
    await meetings.postpone_meeting(
        session,
        user=world.staff,
        roles=world.staff_roles,
        meeting_id=meeting.id or 0,
        starts_at=START + timedelta(days=7),
        reason="场地维修",
        now=NOW,
        notifier=notifier,
    )
    later = {x.edit_message_id: x.text for x in (await _edits(session))[edits:] if x.chat_id == d}
    assert "已从候补转为正式参加" in later[promoted[d]]
    assert "12月2日（周三）10:00" in later[promoted[d]]
    assert later[promoted[d]].endswith("您的报名：参加")
    assert later[moved[d]].endswith("您的报名：参加")


async def _promoted_notice(session: AsyncSession, meeting: Meeting, user_id: int) -> Delivery:
    stmt = select(Delivery).where(
        col(Delivery.dedupe_key) == f"meeting:{meeting.id}:promoted:0:{user_id}"
    )
    return (await session.exec(stmt.execution_options(populate_existing=True))).one()


async def test_a_waiting_notice_of_moving_up_goes_only_while_so(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    """'已从候补转为正式参加' waiting to be sent (held for the night) still goes after a change
    that leaves the person going; once a lower capacity moves them back to the waitlist it
    does not (their notice of that place goes instead). Before, it went all the same."""
    meeting = await published(session, world, notifier, capacity=2)
    for who in ("b", "d", "e"):  # e waits 第 1 位
        await answer(session, world, notifier, meeting, who, RsvpAnswer.YES)
    await answer(session, world, notifier, meeting, "d", RsvpAnswer.NO)
    e = world["e"].id
    assert (await _promoted_notice(session, meeting, e)).state == DeliveryState.PENDING
    await meetings.edit_meeting(
        session,
        user=world.staff,
        roles=world.staff_roles,
        meeting_id=meeting.id or 0,
        edit=meetings.MeetingEdit(place="社区二楼活动室"),
        now=NOW,
        notifier=notifier,
    )
    assert (await _promoted_notice(session, meeting, e)).state == DeliveryState.PENDING
    await meetings.edit_meeting(
        session,
        user=world.staff,
        roles=world.staff_roles,
        meeting_id=meeting.id or 0,
        edit=meetings.MeetingEdit(capacity=1, waitlist_over=True),
        now=NOW,
        notifier=notifier,
    )
    assert (await _promoted_notice(session, meeting, e)).state == DeliveryState.CANCELLED
    stmt = select(Delivery).where(
        col(Delivery.dedupe_key).startswith(f"meeting:{meeting.id}:moved:")
    )
    [moved] = (await session.exec(stmt)).all()
    assert moved.chat_id == e and moved.state == DeliveryState.PENDING


async def test_a_new_answer_replaces_the_earlier_one(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    """b answers again (the same answer, or another): the earlier answer is handed back to be
    taken away, forgotten, and an edit of it still queued (from a 延期 a moment ago) does not
    go; a later change of the meeting edits only what is still remembered."""
    meeting = await published(session, world, notifier)
    first = await _remember_reply(session, world, notifier, meeting, "b")
    await meetings.postpone_meeting(
        session,
        user=world.staff,
        roles=world.staff_roles,
        meeting_id=meeting.id or 0,
        starts_at=START + timedelta(days=7),
        reason="场地维修",
        now=NOW,
        notifier=notifier,
    )
    [queued] = await _edits(session)
    assert queued.edit_message_id == first and queued.state == DeliveryState.PENDING
    outcome = await answer(session, world, notifier, meeting, "b", RsvpAnswer.YES)
    assert outcome.replaced == [first]
    await session.refresh(queued)
    assert queued.state == DeliveryState.CANCELLED
    assert not await _remembered(session, world["b"].id)
    # nothing of b's left to redraw when the meeting moves again
    await meetings.postpone_meeting(
        session,
        user=world.staff,
        roles=world.staff_roles,
        meeting_id=meeting.id or 0,
        starts_at=START + timedelta(days=8),
        reason="场地维修",
        now=NOW,
        notifier=notifier,
    )
    assert [e.id for e in await _edits(session)] == [queued.id]
    # answered before nothing was remembered: nothing to take away
    outcome = await answer(session, world, notifier, meeting, "d", RsvpAnswer.NO)
    assert outcome.replaced == []
