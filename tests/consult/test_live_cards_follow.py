"""Staff cards of meetings and polls kept true, on SQLite and PostgreSQL (the services under the
e2e tests of tests/consult/test_e2e_meeting_cards_count.py):

- a card remembered for someone who is no longer staff of the community (nor an admin) is not
  redrawn, so no new figures reach their chat; an admin's is, stored or named by the settings;
- /forget redraws the cards of the meetings whose answer or question it took away and of the
  polls whose ballot it withdrew;
- the open polls whose announcements to a chat were marked blocked are found, to be counted
  again (scheduler.service: a chat that blocked the bot has every message waiting for it
  marked so)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import StaffScope, User
from models.consultations import Meeting, MeetingQuestion, Poll, PollStatus, RsvpAnswer
from models.scheduling import Delivery, DeliveryState
from services import meeting_cards, meetings, polls
from services.consult_common import Notifier
from services.users import forget_user
from tests.consult.conftest import NOW, World

OLD = "（画下时的卡片）"


async def _meeting(session: AsyncSession, world: World, notifier: Notifier) -> Meeting:
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
            starts_at=NOW + timedelta(days=2),
            place="会议室",
        ),
    )
    published, _ = await meetings.publish_meeting(
        session,
        user=world.staff,
        roles=world.staff_roles,
        meeting_id=meeting.id or 0,
        now=NOW,
        notifier=notifier,
    )
    return published


async def _poll(session: AsyncSession, world: World, notifier: Notifier) -> Poll:
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
    await session.refresh(poll)
    return poll


async def _remember_meeting_card(
    session: AsyncSession, meeting: Meeting, chat_id: int, message_id: int
) -> None:
    await meeting_cards.remember_card(
        session,
        meeting_id=meeting.id or 0,
        chat_id=chat_id,
        message_id=message_id,
        card=meeting_cards.StaffCard(OLD, []),
        now=NOW,
    )


async def _edits(session: AsyncSession, kind: str) -> dict[int, str]:
    """The redraws queued of staff cards of this kind: chat → the text."""
    rows = (
        await session.exec(
            select(Delivery).where(
                col(Delivery.kind) == kind,
                col(Delivery.edit_message_id).is_not(None),
                col(Delivery.state) == DeliveryState.PENDING,
            )
        )
    ).all()
    return {row.chat_id: row.text for row in rows}


async def test_a_card_of_someone_no_longer_staff_is_not_redrawn(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    meeting = await _meeting(session, world, notifier)
    outsider = User(id=950, first_name="前网格员", roles="resident")  # admin by the settings
    session.add(outsider)
    await session.commit()
    for n, chat in enumerate((world.staff.id, world.grid_worker.id, world.admin.id, 950), 1):
        await _remember_meeting_card(session, meeting, chat, 100 + n)
    # 李网格员 leaves the community's staff
    await session.exec(  # type: ignore[call-overload]
        delete(StaffScope).where(col(StaffScope.user_id) == world.grid_worker.id)
    )
    await session.commit()

    notifier.admin_ids = frozenset({950})
    queued = await meeting_cards.redraw_cards_of(
        session, meeting_id=meeting.id or 0, notifier=notifier
    )
    edits = await _edits(session, meeting_cards.CARD_KIND)
    assert set(edits) == {world.staff.id, world.admin.id, 950}, edits
    assert queued == 3
    assert all("报名：参加 0" in text for text in edits.values()), edits

    # the settings no longer name 950 an admin: their card is left too
    notifier.admin_ids = frozenset()
    await meetings.rsvp(
        session,
        user=world["a1"],
        meeting_id=meeting.id or 0,
        answer=RsvpAnswer.YES,
        now=NOW,
        notifier=notifier,
    )
    await meeting_cards.redraw_cards_of(session, meeting_id=meeting.id or 0, notifier=notifier)
    edits = await _edits(session, meeting_cards.CARD_KIND)
    assert "报名：参加 1" in edits[world.staff.id], edits
    assert "报名：参加 0" in edits[950], edits  # as it was: no new figures for them
    assert world.grid_worker.id not in edits


async def test_a_poll_card_of_someone_no_longer_staff_is_not_redrawn(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    poll = await _poll(session, world, notifier)
    for n, chat in enumerate((world.staff.id, world.grid_worker.id), 1):
        await polls.remember_card(
            session,
            poll_id=poll.id or 0,
            chat_id=chat,
            message_id=200 + n,
            text=OLD,
            reply_markup=None,
            now=NOW,
        )
    await session.exec(  # type: ignore[call-overload]
        delete(StaffScope).where(col(StaffScope.user_id) == world.grid_worker.id)
    )
    await session.commit()
    assert await polls.redraw_cards_of(session, poll_id=poll.id or 0, notifier=notifier) == 1
    assert set(await _edits(session, polls.CARD_KIND)) == {world.staff.id}


async def test_forget_redraws_the_cards_it_changed(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    meeting = await _meeting(session, world, notifier)
    poll = await _poll(session, world, notifier)
    a1 = world["a1"]
    await meetings.rsvp(
        session,
        user=a1,
        meeting_id=meeting.id or 0,
        answer=RsvpAnswer.YES,
        now=NOW,
        notifier=notifier,
    )
    session.add(
        MeetingQuestion(
            meeting_id=meeting.id or 0, resident_id=a1.id, text="几点签到？", asked_at=NOW
        )
    )
    await session.commit()
    options = await polls.poll_options(session, poll_id=poll.id or 0)
    await polls.cast_vote(
        session, user=a1, poll_id=poll.id or 0, option_ids=[options[0].id or 0], now=NOW
    )
    drawn = await meeting_cards.staff_card(
        session, meeting=meeting, lang="zh-Hans", notifier=notifier, now=NOW
    )
    assert "报名：参加 1" in drawn.text and "❓ 提问 1（待回复 1）" in drawn.text, drawn.text
    await meeting_cards.remember_card(
        session, meeting_id=meeting.id or 0, chat_id=world.staff.id, message_id=301, card=drawn
    )
    card = await polls.staff_card(session, poll=poll, lang="zh-Hans", notifier=notifier)
    assert "已投 1 票" in card.text, card.text
    await polls.remember_card(
        session,
        poll_id=poll.id or 0,
        chat_id=world.staff.id,
        message_id=302,
        text=card.text,
        reply_markup=card.markup,
    )

    user = await session.get(User, a1.id)
    assert user is not None
    await forget_user(session, user=user, now=NOW, notifier=notifier)

    meeting_edit = (await _edits(session, meeting_cards.CARD_KIND))[world.staff.id]
    assert "报名：参加 0" in meeting_edit and "❓ 提问" not in meeting_edit, meeting_edit
    poll_edit = (await _edits(session, polls.CARD_KIND))[world.staff.id]
    assert "已投 0 票" in poll_edit, poll_edit


async def test_the_open_polls_of_blocked_announcements_are_found(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    poll = await _poll(session, world, notifier)
    ended = await _poll(session, world, notifier)
    a1 = world["a1"].id
    assert await polls.blocked_announcements(session, chat_id=a1) == set()
    for each in (poll, ended):
        row = (
            await session.exec(
                select(Delivery).where(
                    col(Delivery.chat_id) == a1,
                    col(Delivery.matter) == polls.open_matter(each.id or 0),
                )
            )
        ).one()
        row.state = DeliveryState.BLOCKED
        session.add(row)
    ended.status = PollStatus.CLOSED
    session.add(ended)
    await session.commit()
    assert await polls.blocked_announcements(session, chat_id=a1) == {poll.id}
    assert await polls.blocked_announcements(session, chat_id=world["b"].id) == set()
