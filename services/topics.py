"""Topic collection (议题征集): residents propose, others back once, staff accept or answer."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, or_, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import AuditEvent, Building, Role, User
from models.consultations import (
    AgendaItem,
    Meeting,
    MeetingStatus,
    Poll,
    PollStatus,
    Rsvp,
    RsvpStatus,
    Topic,
    TopicBacking,
    TopicStatus,
)
from models.scheduling import Delivery, DeliveryState
from services import audit
from services import delivery as outbox
from services.consult_common import Notifier, in_audience, meeting_view_data
from services.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from services.meeting_messages import redraw
from services.meetings import (
    agenda_of,
    ends_at,
    get_meeting,
    may_view,
    meeting_audience,
    require_meeting_staff,
)
from services.users import require_scope, staff_of
from services.validation import TYPED_MAX, clean_text

TITLE_MAX = 100
DETAIL_MAX = TYPED_MAX  # the explanation typed, kept whole
NOTICE_DETAIL_SHOWN = 200  # characters of the explanation in staff's notice; the card has it all
# characters of the explanation in a topic's item in the list (with its title, counts and
# buttons, the item is one message); a longer one is sent whole just before it
ITEM_DETAIL_SHOWN = 3000
ANSWER_MAX = TYPED_MAX
DAILY_LIMIT = 5


def _audit(
    session: AsyncSession, actor_id: int, action: str, topic_id: int, detail: str = ""
) -> None:
    audit.record(
        session,
        actor_id=actor_id,
        action=action,
        subject_type="topic",
        subject_id=topic_id,
        detail=detail,
    )


def title_too_long(text: str | None) -> str | None:
    """Text typed as a topic's title that is longer than a title and fits as its explanation
    (a resident telling the whole matter at once): that text, cleaned, to keep as the
    explanation while a short title is asked for; None when it is a title (or too long even
    for an explanation: refused as before)."""
    kept = (text or "").strip()
    if len(kept) <= TITLE_MAX or len(kept) > DETAIL_MAX:
        return None
    return clean_text(kept, max_len=DETAIL_MAX, key="topic-err-detail")


def item_detail(detail: str) -> tuple[str, bool]:
    """The explanation as a topic's item in the list shows it, and whether it is cut there
    (then the whole of it is shown in a message of its own)."""
    if len(detail) <= ITEM_DETAIL_SHOWN:
        return detail, False
    return detail[:ITEM_DETAIL_SHOWN].rstrip(), True


async def propose_topic(
    session: AsyncSession,
    *,
    user: User,
    title: str,
    detail: str | None,
    now: datetime,
    meeting_id: int | None = None,
    notifier: Notifier | None = None,
) -> Topic:
    """A registered resident proposes a topic for their community (or a given meeting); the
    community's staff are told (those of the resident's grid, for grid-scoped staff)."""
    if not user.registered or user.community_id is None:
        raise PermissionDenied("err-need-register")
    clean_title = clean_text(title, max_len=TITLE_MAX, key="topic-err-title").replace("\n", " ")
    clean_detail = (
        clean_text(detail, max_len=DETAIL_MAX, key="topic-err-detail")
        if (detail and detail.strip())
        else ""
    )
    if meeting_id is not None:
        meeting = await get_meeting(session, meeting_id=meeting_id)
        if meeting.community_id != user.community_id:
            raise InvalidInput("topic-err-meeting")
    recent = await session.exec(
        select(func.count())
        .select_from(Topic)
        .where(col(Topic.proposer_id) == user.id, col(Topic.created_at) >= now - timedelta(days=1))
    )
    if recent.one() >= DAILY_LIMIT:
        raise InvalidInput("topic-err-limit", limit=DAILY_LIMIT)
    topic = Topic(
        community_id=user.community_id,
        meeting_id=meeting_id,
        proposer_id=user.id,
        title=clean_title,
        detail=clean_detail,
        created_at=now,
    )
    session.add(topic)
    await session.flush()
    assert topic.id is not None
    _audit(session, user.id, "topic-propose", topic.id, clean_title)
    if notifier is not None:
        staff = await staff_of(session, community_id=user.community_id, grid_id=user.grid_id)
        await notifier.send(
            session,
            users=[u for u in staff if u.id != user.id],
            key="topic-new-staff",
            args={
                "title": clean_title,
                "name": user.display_name,
                "detail": notice_excerpt(clean_detail),
                "has_detail": "yes" if clean_detail else "no",
            },
            kind="topic",
            community_id=user.community_id,
            dedupe=f"topic:{topic.id}:new",
        )
    await session.commit()
    return topic


def notice_excerpt(detail: str, limit: int = NOTICE_DETAIL_SHOWN) -> str:
    """The explanation as a notice shows it: whole when short, else cut to `limit` characters
    at the last line or sentence end past half of it (else at `limit`), with "…"."""
    if len(detail) <= limit:
        return detail
    cut = detail[:limit]
    end = max(cut.rfind(mark) for mark in ("\n", "。", "！", "？", "；", ". ", "! ", "? "))
    if end > limit // 2:
        cut = cut[: end + 1]
    return cut.rstrip() + "…"


async def get_topic(session: AsyncSession, *, topic_id: int) -> Topic:
    """The topic, or NotFound."""
    stmt = select(Topic).where(Topic.id == topic_id).execution_options(populate_existing=True)
    topic = (await session.exec(stmt)).first()
    if topic is None:
        raise NotFound("topic-err-not-found")
    return topic


async def back_topic(session: AsyncSession, *, user: User, topic_id: int, now: datetime) -> Topic:
    """附议: one backing per person, only in one's own community, only while open."""
    topic = await get_topic(session, topic_id=topic_id)
    if not user.registered or user.community_id != topic.community_id:
        raise PermissionDenied("err-not-allowed")
    if topic.proposer_id == user.id:
        raise InvalidInput("topic-err-own")
    if topic.status != TopicStatus.OPEN:
        raise Conflict("topic-err-closed")
    if await has_backed(session, topic_id=topic_id, user_id=user.id):
        raise Conflict("topic-err-already-backed")
    session.add(TopicBacking(topic_id=topic_id, user_id=user.id, at=now))
    try:
        # the backing row first, then the count, as `withdraw_backing` does (one order of
        # locks); counted only while still open: staff may decide it at this very moment
        await session.flush()
        counted = await session.exec(
            update(Topic)
            .where(col(Topic.id) == topic_id, col(Topic.status) == TopicStatus.OPEN)
            .values(backers=Topic.backers + 1)
        )
        if counted.rowcount != 1:
            await session.rollback()
            raise Conflict("topic-err-closed")
        _audit(session, user.id, "topic-back", topic_id)
        await session.commit()
    except IntegrityError:  # a double tap: the first backing counts
        await session.rollback()
        raise Conflict("topic-err-already-backed") from None
    return await get_topic(session, topic_id=topic_id)


async def withdraw_backing(session: AsyncSession, *, user: User, topic_id: int) -> Topic:
    """取消附议: a person takes back their backing while the topic is still open (collecting).

    The backing row goes and the count drops by one in one transaction, each only if it was
    there: a double tap (or a tap racing another) finds no row the second time and is told it
    was already taken back, so the count always equals the rows. Once staff have decided the
    topic (put it on an agenda, or answered it) the backing stays as it was when they decided:
    the tap is told it can no longer change, and those who backed it were told the outcome.
    Topics are never put forward by their count alone (it only orders the list, and staff
    decide), so a count that drops changes nothing else."""
    topic = await get_topic(session, topic_id=topic_id)
    if not user.registered or user.community_id != topic.community_id:
        raise PermissionDenied("err-not-allowed")
    if topic.status != TopicStatus.OPEN:
        raise Conflict("topic-err-closed-unback")
    gone = await session.exec(
        delete(TopicBacking).where(
            col(TopicBacking.topic_id) == topic_id, col(TopicBacking.user_id) == user.id
        )
    )
    if gone.rowcount != 1:  # nothing changed (ends the transaction, keeps what is loaded)
        await session.commit()
        raise Conflict("topic-err-not-backed")
    counted = await session.exec(
        update(Topic)
        .where(col(Topic.id) == topic_id, col(Topic.status) == TopicStatus.OPEN)
        .values(backers=Topic.backers - 1)
    )
    if counted.rowcount != 1:  # decided meanwhile: the backing stays
        await session.rollback()
        raise Conflict("topic-err-closed-unback")
    _audit(session, user.id, "topic-unback", topic_id)
    await session.commit()
    return await get_topic(session, topic_id=topic_id)


async def list_topics(
    session: AsyncSession,
    *,
    community_id: int,
    status: TopicStatus | None = TopicStatus.OPEN,
    limit: int = 20,
) -> list[Topic]:
    """Topics of a community, most backed first."""
    stmt = select(Topic).where(Topic.community_id == community_id)
    if status is not None:
        stmt = stmt.where(Topic.status == status)
    stmt = stmt.order_by(col(Topic.backers).desc(), col(Topic.id)).limit(limit)
    return list((await session.exec(stmt)).all())


DECIDED_SHOWN_DAYS = 30


async def recently_decided(
    session: AsyncSession, *, community_id: int, now: datetime, limit: int = 5
) -> list[tuple[Topic, Meeting | None]]:
    """Topics of a community answered or put on an agenda in the last DECIDED_SHOWN_DAYS days,
    latest first, each with its meeting when it was put on one: what came of the proposals,
    for everyone who looks at the list (not only the proposer and the backers who were told)."""
    stmt = (
        select(Topic, Meeting)
        .join(Meeting, col(Meeting.id) == col(Topic.meeting_id), isouter=True)
        .where(
            Topic.community_id == community_id,
            col(Topic.status).in_(
                [TopicStatus.ANSWERED, TopicStatus.ACCEPTED, TopicStatus.POLLED]
            ),
            col(Topic.decided_at) >= now - timedelta(days=DECIDED_SHOWN_DAYS),
        )
        .order_by(col(Topic.decided_at).desc(), col(Topic.id).desc())
        .limit(limit)
    )
    return [(topic, meeting) for topic, meeting in (await session.exec(stmt)).all()]


async def check_can_decide(
    session: AsyncSession, *, user: User, roles: Collection[Role], topic_id: int
) -> Topic:
    """Refuse at the tap what accepting or answering would refuse: another community's topic,
    or one already decided."""
    topic = await get_topic(session, topic_id=topic_id)
    await require_scope(
        session, user=user, roles=roles, community_id=topic.community_id, action="topic-decide"
    )
    if topic.status != TopicStatus.OPEN:
        raise Conflict("topic-err-closed")
    return topic


async def _decide(
    session: AsyncSession,
    *,
    topic: Topic,
    user: User,
    values: dict[str, object],
    now: datetime,
) -> None:
    done = await session.exec(
        update(Topic)
        .where(col(Topic.id) == topic.id, col(Topic.status) == TopicStatus.OPEN)
        .values(decided_by=user.id, decided_at=now, **values)
    )
    if done.rowcount != 1:
        raise Conflict("topic-err-closed")


async def accept_topic(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    topic_id: int,
    meeting_id: int,
    now: datetime,
    notifier: Notifier,
) -> Topic:
    """Staff put the topic on an upcoming meeting's agenda; the proposer is told."""
    topic = await get_topic(session, topic_id=topic_id)
    await require_scope(
        session, user=user, roles=roles, community_id=topic.community_id, action="topic-accept"
    )
    meeting = await get_meeting(session, meeting_id=meeting_id)
    await require_meeting_staff(
        session, user=user, roles=roles, meeting=meeting, action="topic-accept"
    )
    if (
        meeting.community_id != topic.community_id
        or meeting.status not in (MeetingStatus.DRAFT, MeetingStatus.PUBLISHED)
        or now >= ends_at(meeting)
    ):
        raise InvalidInput("topic-err-meeting")
    await _decide(
        session,
        topic=topic,
        user=user,
        now=now,
        values={"status": TopicStatus.ACCEPTED, "meeting_id": meeting_id},
    )
    position = len(await agenda_of(session, meeting_id=meeting_id))
    session.add(
        AgendaItem(meeting_id=meeting_id, position=position, text=topic.title, topic_id=topic_id)
    )
    _audit(session, user.id, "topic-accept", topic_id, f"meeting={meeting_id}")
    audit.record(
        session,
        actor_id=user.id,
        action="meeting-agenda-add",
        subject_type="meeting",
        subject_id=meeting_id,
        detail=f"topic={topic_id}",
    )
    await _tell_proposer(
        session, topic=topic, meeting=meeting, key="topic-accepted-notice", notifier=notifier
    )
    if meeting.status == MeetingStatus.PUBLISHED:
        # the announcement and the cards people were shown list the agenda: they list it now
        await session.flush()
        await redraw(session, meeting=meeting, notifier=notifier, now=now)
    await session.commit()
    return await get_topic(session, topic_id=topic_id)


async def poll_topic(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    topic_id: int,
    poll: Poll,
    now: datetime,
    notifier: Notifier,
) -> Topic:
    """Staff put the topic to a poll (its draft just saved): the topic is decided so (its
    `answer` the poll's question) and the proposer and everyone who backed it are told. Before,
    a topic could only go on a meeting's agenda, and a poll made of it told them nothing."""
    topic = await get_topic(session, topic_id=topic_id)
    await require_scope(
        session, user=user, roles=roles, community_id=topic.community_id, action="topic-poll"
    )
    if poll.community_id != topic.community_id or poll.status not in (
        PollStatus.DRAFT,
        PollStatus.OPEN,
    ):
        raise InvalidInput("topic-err-poll")
    await _decide(
        session,
        topic=topic,
        user=user,
        now=now,
        values={"status": TopicStatus.POLLED, "answer": poll.question},
    )
    _audit(session, user.id, "topic-poll", topic_id, f"poll={poll.id}")
    topic.answer = poll.question
    await _tell_proposer(
        session, topic=topic, meeting=None, key="topic-polled-notice", notifier=notifier
    )
    await session.commit()
    return await get_topic(session, topic_id=topic_id)


async def reopen_polled(session: AsyncSession, *, actor_id: int, poll_id: int) -> Topic | None:
    """A draft poll made from a topic was withdrawn before anyone saw it: the topic is open
    again, as it was before (no answer, undecided), so it can be put to a poll or an agenda
    once more (its people who were told of the poll are told it is not coming:
    `tell_poll_withdrawn`). In the caller's transaction. Returns the topic, or None when the
    poll was made from no topic or the topic moved on."""
    topic_id = (
        await session.exec(
            select(AuditEvent.subject_id)
            .where(
                AuditEvent.subject_type == "topic",
                AuditEvent.action == "topic-poll",
                AuditEvent.detail == f"poll={poll_id}",
            )
            .order_by(col(AuditEvent.id).desc())
        )
    ).first()
    if topic_id is None or not topic_id.isdigit():
        return None
    done = await session.exec(
        update(Topic)
        .where(col(Topic.id) == int(topic_id), col(Topic.status) == TopicStatus.POLLED)
        .values(status=TopicStatus.OPEN, answer=None, decided_by=None, decided_at=None)
        .execution_options(synchronize_session=False)
    )
    if done.rowcount != 1:
        return None
    _audit(session, actor_id, "topic-reopen", int(topic_id), f"poll={poll_id}")
    topic = await session.get(Topic, int(topic_id))
    if topic is not None:
        await session.refresh(topic)
    return topic


# the notices saying a topic is being put to a poll (`poll_topic`): the proposer's, backers'
_POLLED_KEYS = ("topic-polled-notice", "topic-polled-notice:backer")


async def tell_poll_withdrawn(
    session: AsyncSession, *, topic: Topic, poll: Poll, notifier: Notifier
) -> int:
    """The draft poll made from `topic` was withdrawn (`reopen_polled` gave the topic back):
    whoever was told 'a poll is coming' (`poll_topic`'s notices, sent) is told it is not, and
    that the topic is open again; a notice of it not sent yet (held for the night, queued) is
    not sent at all, and tells nothing. Either way its key is freed, so a poll made of the
    topic again says so again. In the caller's transaction; how many were told."""
    prefix = f"topic:{topic.id}:"
    keyed = or_(*(col(Delivery.dedupe_key).like(f"{prefix}{k}:%") for k in _POLLED_KEYS))
    await outbox.withdraw_unsent(session, where=[keyed], reason="poll withdrawn")
    sent = (await session.exec(select(Delivery).where(keyed))).all()
    told = 0
    for row in sent:
        backer = (row.dedupe_key or "").startswith(f"{prefix}{_POLLED_KEYS[1]}:")
        row.dedupe_key = None  # told already: a poll made of it again is told anew
        session.add(row)
        person = await session.get(User, row.chat_id)
        if row.state != DeliveryState.SENT or person is None or person.forgotten_at is not None:
            continue  # never went (blocked, failed): nothing to take back
        told += await notifier.send(
            session,
            users=[person],
            key="topic-poll-withdrawn-backer" if backer else "topic-poll-withdrawn-notice",
            args={"title": topic.title, "answer": poll.question},
            kind="topic",
            community_id=topic.community_id,
            dedupe=f"{prefix}poll-withdrawn:{poll.id}",
        )
    await session.flush()
    return told


async def withdrawn_told(session: AsyncSession, *, poll_id: int) -> tuple[Topic | None, int]:
    """The topic a withdrawn draft poll gave back (open again), if any, and how many of its
    people were told the poll is not coming (`tell_poll_withdrawn`)."""
    topic_id = (
        await session.exec(
            select(AuditEvent.subject_id).where(
                AuditEvent.subject_type == "topic",
                AuditEvent.action == "topic-reopen",
                AuditEvent.detail == f"poll={poll_id}",
            )
        )
    ).first()
    if topic_id is None or not topic_id.isdigit():
        return None, 0
    told = (
        await session.exec(
            select(func.count())
            .select_from(Delivery)
            .where(col(Delivery.dedupe_key).like(f"topic:{topic_id}:poll-withdrawn:{poll_id}:%"))
        )
    ).one()
    return await session.get(Topic, int(topic_id)), int(told)


async def answer_topic(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    topic_id: int,
    answer: str,
    now: datetime,
    notifier: Notifier,
) -> Topic:
    """Staff answer a topic instead of putting it on an agenda; the proposer is told."""
    topic = await get_topic(session, topic_id=topic_id)
    await require_scope(
        session, user=user, roles=roles, community_id=topic.community_id, action="topic-answer"
    )
    text = clean_text(answer, max_len=ANSWER_MAX)
    await _decide(
        session,
        topic=topic,
        user=user,
        now=now,
        values={"status": TopicStatus.ANSWERED, "answer": text},
    )
    _audit(session, user.id, "topic-answer", topic_id)
    topic.answer = text
    await _tell_proposer(
        session, topic=topic, meeting=None, key="topic-answered-notice", notifier=notifier
    )
    await session.commit()
    return await get_topic(session, topic_id=topic_id)


async def _tell_proposer(
    session: AsyncSession,
    *,
    topic: Topic,
    meeting: Meeting | None,
    key: str,
    notifier: Notifier,
) -> None:
    """The proposer hears the decision, and so does everyone who backed the topic; a topic
    put on a meeting's agenda says what happens next (`next_step`)."""
    args: dict[str, object] = {"title": topic.title}
    if meeting is not None:
        args.update(meeting=meeting.title, when=notifier.local(meeting.starts_at))
    else:
        args["answer"] = topic.answer or ""
    backer_ids = select(TopicBacking.user_id).where(TopicBacking.topic_id == topic.id)
    backers = (
        await session.exec(
            select(User).where(
                col(User.id).in_(backer_ids.scalar_subquery()), col(User.forgotten_at).is_(None)
            )
        )
    ).all()
    proposer = await session.get(User, topic.proposer_id)
    told: list[tuple[User, str, str]] = []  # (person, text key, dedupe key)
    if proposer is not None and proposer.forgotten_at is None:
        told.append((proposer, key, f"topic:{topic.id}:{key}"))
    backer_key = key.replace("-notice", "-backer")
    told += [
        (b, backer_key, f"topic:{topic.id}:{key}:backer")
        for b in backers
        if b.id != topic.proposer_id
    ]
    for person, text_key, dedupe in told:
        step = await next_step(session, meeting=meeting, user=person) if meeting else ""
        buttons = None
        if step in ("published", "going", "waitlist") and meeting is not None and meeting.id:
            label = "topic-btn-meeting" if step == "published" else "topic-btn-meeting-view"
            buttons = [[(label, meeting_view_data(meeting.id))]]
        await notifier.send(
            session,
            users=[person],
            key=text_key,
            args={**args, "next": step},
            buttons=buttons,
            kind="topic",
            community_id=topic.community_id,
            dedupe=dedupe,
        )


async def next_step(session: AsyncSession, *, meeting: Meeting, user: User) -> str:
    """What someone told of a topic on a meeting's agenda can do next: "published" (open the
    meeting and sign up; "going" / "waitlist" when they already did), "draft" (they will be
    invited when it is announced), or "elsewhere" (the meeting is not for them: staff take
    the topic there)."""
    if meeting.status == MeetingStatus.PUBLISHED and await may_view(
        session, meeting=meeting, user=user
    ):
        seat = (
            await session.exec(
                select(Rsvp.status).where(Rsvp.meeting_id == meeting.id, Rsvp.user_id == user.id)
            )
        ).first()
        if seat in (RsvpStatus.GOING, RsvpStatus.WAITLIST):
            return str(seat)  # already signed up (or waiting for a seat): not asked again
        return "published"
    if meeting.status == MeetingStatus.DRAFT and await in_audience(
        session, user=user, audience=meeting_audience(meeting)
    ):
        return "draft"
    return "elsewhere"


@dataclass(frozen=True)
class Proposer:
    """Who proposed a topic, for the community's staff: name and address (rooms are seen by
    the community's staff only). None for a person who deleted their personal data."""

    name: str
    building: str
    room: str


async def proposers(
    session: AsyncSession, *, topics: Sequence[Topic]
) -> dict[int, Proposer | None]:
    """The proposer of each topic by topic id (None where they deleted their data); for
    staff cards only, never shown to residents."""
    ids = {t.proposer_id for t in topics}
    if not ids:
        return {}
    people = {
        u.id: u for u in (await session.exec(select(User).where(col(User.id).in_(ids)))).all()
    }
    building_ids = {u.building_id for u in people.values() if u.building_id is not None}
    buildings = {
        b.id: b.name
        for b in (
            await session.exec(select(Building).where(col(Building.id).in_(building_ids)))
        ).all()
    }
    out: dict[int, Proposer | None] = {}
    for topic in topics:
        person = people.get(topic.proposer_id)
        if person is None or person.forgotten_at is not None:
            out[topic.id or 0] = None
            continue
        out[topic.id or 0] = Proposer(
            name=person.display_name,
            building=buildings.get(person.building_id, "") if person.building_id else "",
            room=person.room or "",
        )
    return out


async def has_backed(session: AsyncSession, *, topic_id: int, user_id: int) -> bool:
    """True if the person backs the topic (and has not taken it back)."""
    return topic_id in await backed_by(session, user_id=user_id, topic_ids=[topic_id])


async def backed_by(
    session: AsyncSession, *, user_id: int, topic_ids: Collection[int]
) -> set[int]:
    """Which of these topics the person backs: their 附议 button reads 取消附议."""
    if not topic_ids:
        return set()
    stmt = select(TopicBacking.topic_id).where(
        TopicBacking.user_id == user_id, col(TopicBacking.topic_id).in_(list(topic_ids))
    )
    return set((await session.exec(stmt)).all())
