"""Questions to a meeting's organizer (❓ 问组织者) and the staff answers (↩️ 回复).

A resident in a meeting's audience (or who answered it) asks; the question goes through the
outbox to the meeting's creator while they are still staff of its community, else to the
community's staff ('❓ 居民提问 · <title>'), held by quiet hours like any non-urgent notice.
The first staff member of that community to answer wins: the resident gets the answer
('💬 组织者回复（<title>）'), and every copy of the staff notice is redrawn to say who answered,
when, and what; a later ↩️ 回复 is told who answered, and nothing is sent twice. The meeting's
staff cards on screens (services.meeting_cards) count each question as it arrives and as it
is answered.

A cancelled meeting, or one that ended more than a day ago, takes no more questions; a resident
has at most `MAX_OPEN` unanswered questions per meeting. Texts are kept whole (up to
`validation.TYPED_MAX`); the locale renderer escapes them before they are sent as HTML.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import Building, Role, User
from models.consultations import Meeting, MeetingQuestion, MeetingStatus, Rsvp
from models.scheduling import Delivery, DeliveryState
from services import delivery as outbox
from services import meeting_cards
from services.consult_common import Notifier, ask_data, questions_data, reply_data
from services.errors import Conflict, InvalidInput, NotFound
from services.meetings import agenda_of, ends_at, get_meeting, may_view
from services.order_common import refuse
from services.order_titles import fit
from services.users import can_act_in, staff_of
from services.validation import TYPED_MAX, clean_text

__all__ = ["ask_data", "questions_data", "reply_data"]  # the buttons' data, for handlers

MAX_OPEN = 5  # unanswered questions one resident may have waiting per meeting
ASK_AFTER_END = timedelta(days=1)  # questions are taken until a day after the meeting ends
RECENT_RSVP = timedelta(hours=2)  # typed text this soon after an RSVP may be about the meeting
NOTICE_KIND = "meeting-question"
QUOTE_COLUMNS = 60  # the question quoted under the answer the resident gets
REDRAW_QUOTE = 400  # the question quoted in the staff notice redrawn with its answer


def _matter(question_id: int) -> str:
    return f"mquestion:{question_id}:open"


class AlreadyAnswered(Conflict):
    """Another staff member answered first: `args_` name who (`name`) and when (`when`, a
    UTC datetime, shown in the reader's local words)."""


def ask_open(meeting: Meeting, *, now: datetime) -> bool:
    """The meeting still takes questions: published (or minuted) and not over a day ago."""
    if meeting.status not in (MeetingStatus.PUBLISHED, MeetingStatus.MINUTED):
        return False
    return now <= ends_at(meeting) + ASK_AFTER_END


def _refuse_closed(meeting: Meeting, *, now: datetime) -> None:
    if meeting.status == MeetingStatus.CANCELLED:
        raise InvalidInput("mq-err-cancelled", title=meeting.title)
    if not ask_open(meeting, now=now):
        raise InvalidInput("mq-err-over", title=meeting.title)


async def open_for(
    session: AsyncSession, *, user: User, meeting_id: int, now: datetime
) -> Meeting:
    """The meeting the resident is about to ask about (before they type): refused and logged
    when not theirs to ask (a forged button), politely when cancelled, long over, or when
    they already have `MAX_OPEN` questions waiting."""
    meeting = await get_meeting(session, meeting_id=meeting_id)
    if not await may_view(session, meeting=meeting, user=user):
        await refuse(session, user=user, action="ask", subject="meeting", sid=meeting_id)
    _refuse_closed(meeting, now=now)
    waiting = await _waiting_of(session, meeting_id=meeting_id, resident_id=user.id)
    if waiting >= MAX_OPEN:
        raise InvalidInput("mq-err-too-many", limit=MAX_OPEN)
    return meeting


async def _waiting_of(session: AsyncSession, *, meeting_id: int, resident_id: int) -> int:
    stmt = select(func.count()).where(
        col(MeetingQuestion.meeting_id) == meeting_id,
        col(MeetingQuestion.resident_id) == resident_id,
        col(MeetingQuestion.answered_at).is_(None),
    )
    return int((await session.exec(stmt)).one())


async def _home(session: AsyncSession, user: User) -> str:
    """'1号楼 302' (or what of it is known)."""
    building = await session.get(Building, user.building_id) if user.building_id else None
    return " ".join(x for x in (building.name if building else None, user.room) if x) or "-"


async def _organizers(session: AsyncSession, *, meeting: Meeting) -> list[User]:
    """The meeting's creator while still staff of its community, else its staff."""
    staff = await staff_of(session, community_id=meeting.community_id)
    creator = [u for u in staff if u.id == meeting.created_by]
    return creator or staff


async def ask(
    session: AsyncSession,
    *,
    user: User,
    meeting_id: int,
    text: str | None,
    now: datetime,
    notifier: Notifier,
) -> MeetingQuestion:
    """The resident's question kept and queued to the organizer (see `open_for`); commits."""
    meeting = await open_for(session, user=user, meeting_id=meeting_id, now=now)
    said = clean_text(text, max_len=TYPED_MAX)
    question = MeetingQuestion(meeting_id=meeting_id, resident_id=user.id, text=said, asked_at=now)
    session.add(question)
    await session.flush()
    assert question.id is not None
    await notifier.send(
        session,
        users=await _organizers(session, meeting=meeting),
        key="mq-staff-notice",
        args={
            "title": meeting.title,
            "name": user.display_name,
            "home": await _home(session, user),
            "question": said,
        },
        buttons=[[("mq-btn-reply", reply_data(question.id))]],
        kind=NOTICE_KIND,
        community_id=meeting.community_id,
        dedupe=f"mq:{question.id}",
        matter=_matter(question.id),
    )
    # the staff cards of the meeting on screens count it, with ❓ 待回复 a tap away
    await meeting_cards.redraw_cards(session, meeting=meeting, notifier=notifier, now=now)
    await session.commit()
    return question


@dataclass
class Pending:
    """A question about to be answered, with what the answering staff member is shown."""

    question: MeetingQuestion
    meeting: Meeting
    asker: User


async def _answerable(
    session: AsyncSession, *, user: User, roles: frozenset[Role], question_id: int
) -> Pending:
    question = await session.get(MeetingQuestion, question_id, populate_existing=True)
    if question is None:
        raise NotFound("mq-err-not-found")
    meeting = await get_meeting(session, meeting_id=question.meeting_id)
    if not await can_act_in(session, user=user, roles=roles, community_id=meeting.community_id):
        await refuse(session, user=user, action="answer", subject="meeting", sid=meeting.id)
    if question.answered_at is not None:
        by = await session.get(User, question.answered_by) if question.answered_by else None
        raise AlreadyAnswered(
            "mq-err-answered",
            name=by.display_name if by else "-",
            when=question.answered_at,
        )
    asker = await session.get(User, question.resident_id)
    if asker is None:
        raise NotFound("mq-err-not-found")
    return Pending(question=question, meeting=meeting, asker=asker)


async def to_answer(
    session: AsyncSession, *, user: User, roles: frozenset[Role], question_id: int
) -> Pending:
    """The question a staff member tapped ↩️ 回复 on: refused and logged when not of their
    community; AlreadyAnswered when someone answered first."""
    return await _answerable(session, user=user, roles=roles, question_id=question_id)


async def answer(
    session: AsyncSession,
    *,
    user: User,
    roles: frozenset[Role],
    question_id: int,
    text: str | None,
    now: datetime,
    notifier: Notifier,
) -> Pending:
    """The staff answer kept, sent to the resident, and every copy of the staff notice redrawn
    to show it (commits). Only the first answer counts: AlreadyAnswered for a later one."""
    pending = await _answerable(session, user=user, roles=roles, question_id=question_id)
    said = clean_text(text, max_len=TYPED_MAX)
    result = await session.exec(  # type: ignore[call-overload]
        update(MeetingQuestion)
        .where(col(MeetingQuestion.id) == question_id, col(MeetingQuestion.answered_at).is_(None))
        .values(answer=said, answered_by=user.id, answered_at=now)
        .execution_options(synchronize_session=False)
    )
    if not result.rowcount:  # answered at the same moment by someone else
        await session.rollback()
        return await answer(
            session,
            user=user,
            roles=roles,
            question_id=question_id,
            text=text,
            now=now,
            notifier=notifier,
        )
    question, meeting = pending.question, pending.meeting
    await session.refresh(question)
    await notifier.send(
        session,
        users=[pending.asker],
        key="mq-answer",
        args={
            "title": meeting.title,
            "question": fit(question.text, QUOTE_COLUMNS),
            "answer": said,
        },
        kind="meeting-answer",
        community_id=meeting.community_id,
        dedupe=f"mq-answer:{question_id}",
    )
    await _redraw_notices(session, pending=pending, by=user, notifier=notifier)
    # the staff cards of the meeting on screens count one fewer waiting
    await meeting_cards.redraw_cards(session, meeting=meeting, notifier=notifier, now=now)
    await session.commit()
    return pending


async def _redraw_notices(
    session: AsyncSession, *, pending: Pending, by: User, notifier: Notifier
) -> None:
    """The staff notices of the question say who answered, when, and what: those not sent
    yet are dropped (nothing left to do), those sent are edited through the outbox."""
    question, meeting = pending.question, pending.meeting
    assert question.id is not None
    matter = _matter(question.id)
    await outbox.cancel_stale(session, matter=matter)
    stmt = select(Delivery).where(
        col(Delivery.matter) == matter,
        col(Delivery.state) == DeliveryState.SENT,
        col(Delivery.edit_message_id).is_(None),
    )
    sent = list((await session.exec(stmt)).all())
    readers = {
        u.id: u
        for u in (
            await session.exec(select(User).where(col(User.id).in_([d.chat_id for d in sent])))
        ).all()
    }
    home = await _home(session, pending.asker)
    for notice in sent:
        reader = readers.get(notice.chat_id)
        ids = notice.message_id_list
        if reader is None or not ids:
            continue
        text = notifier.render(
            reader,
            "mq-staff-answered",
            title=meeting.title,
            name=pending.asker.display_name,
            home=home,
            question=fit(question.text, REDRAW_QUOTE),  # whole above, in the notice's start
            by=by.display_name,
            when=notifier.local(question.answered_at or question.asked_at),
            answer=question.answer or "",
        )
        await outbox.enqueue(
            session,
            chat_id=notice.chat_id,
            text=text,
            reply_markup=None,
            urgent=True,
            kind=NOTICE_KIND,
            community_id=meeting.community_id,
            edit_message_id=ids[-1],
            now=notifier.now,
        )


async def counts(session: AsyncSession, *, meeting_id: int) -> tuple[int, int]:
    """How many questions the meeting has, and how many wait for an answer."""
    rows = (
        await session.exec(
            select(MeetingQuestion.answered_at).where(MeetingQuestion.meeting_id == meeting_id)
        )
    ).all()
    return len(rows), sum(1 for r in rows if r is None)


async def unanswered(
    session: AsyncSession, *, user: User, roles: frozenset[Role], meeting_id: int
) -> tuple[Meeting, list[tuple[MeetingQuestion, User]]]:
    """The meeting's questions waiting for an answer, oldest first, with who asked (staff of
    its community only)."""
    meeting = await get_meeting(session, meeting_id=meeting_id)
    if not await can_act_in(session, user=user, roles=roles, community_id=meeting.community_id):
        await refuse(session, user=user, action="questions", subject="meeting", sid=meeting_id)
    stmt = (
        select(MeetingQuestion, User)
        .join(User, col(User.id) == col(MeetingQuestion.resident_id))
        .where(
            col(MeetingQuestion.meeting_id) == meeting_id,
            col(MeetingQuestion.answered_at).is_(None),
        )
        .order_by(col(MeetingQuestion.id))
    )
    return meeting, [(q, u) for q, u in (await session.exec(stmt)).all()]


ABOUT_AMONG = 5  # the newest announcements a question's words are matched with


async def meeting_for_typed(
    session: AsyncSession,
    *,
    user: User,
    now: datetime,
    above: int | None,
    words: Sequence[str] = (),
) -> Meeting | None:
    """The meeting a question typed at the menu is most likely about: one the resident
    answered within `RECENT_RSVP`, else the one whose announcement is the message right above
    (`above`: its id), else one of the newest announced to them whose title or agenda holds one
    of the question's `words` (its keywords: '加装电梯的钱怎么分' and 「3号楼加装电梯意见征集」);
    only while it takes questions."""
    stmt = (
        select(Meeting)
        .join(Rsvp, col(Rsvp.meeting_id) == col(Meeting.id))
        .where(col(Rsvp.user_id) == user.id, col(Rsvp.updated_at) >= now - RECENT_RSVP)
        .order_by(col(Rsvp.updated_at).desc())
    )
    for meeting in (await session.exec(stmt)).all():
        if ask_open(meeting, now=now):
            return meeting
    words = [w for w in words if len(w) > 1]
    if above is None and not words:
        return None
    # the announcements, as the outbox sent them ("meeting:<id>:announce:<user>")
    announced = (
        await session.exec(
            select(Delivery)
            .where(
                col(Delivery.chat_id) == user.id,
                col(Delivery.dedupe_key).like("meeting:%:announce:%"),
                col(Delivery.state) == DeliveryState.SENT,
            )
            .order_by(col(Delivery.id).desc())
            .limit(ABOUT_AMONG)
        )
    ).all()
    for notice in announced:
        if above is not None and above in notice.message_id_list:  # right above
            meeting_id = int((notice.dedupe_key or "").split(":")[1])
            meeting = await get_meeting(session, meeting_id=meeting_id)
            return meeting if ask_open(meeting, now=now) else None
    for notice in announced if words else ():
        meeting_id = int((notice.dedupe_key or "").split(":")[1])
        meeting = await get_meeting(session, meeting_id=meeting_id)
        if not ask_open(meeting, now=now):
            continue
        agenda = await agenda_of(session, meeting_id=meeting_id)
        said = " ".join([meeting.title, *(item.text for item in agenda)]).lower()
        if any(word.lower() in said for word in words):
            return meeting
    return None


async def forget_questions(session: AsyncSession, *, user_id: int) -> set[int]:
    """/forget: the person's questions (their words) go; the caller commits. Returns the
    meetings they were asked of (whose staff cards count them)."""
    meetings: set[int] = set()
    for question in (
        await session.exec(select(MeetingQuestion).where(MeetingQuestion.resident_id == user_id))
    ).all():
        meetings.add(question.meeting_id)
        await session.delete(question)
    return meetings
