"""/forget and consultations: what is left of someone who deleted their data in meetings, polls
and topics (services.users.forget_user calls `forget_consultations` in its transaction).

- An RSVP to a meeting not started yet is withdrawn: a seat they held goes to the waitlist's
  next person, who is told as when someone answers 不去 (`tell_promoted`, after the commit);
  so no reminder or check-in button reaches them. A meeting started or over, or one they
  checked in to already (check-in opens before the start), keeps the RSVP and the check-in
  (attendance, the anonymous id only).
- Consultation notices waiting for them (invitations, reminders, the check-in button, a poll's
  announcement or reminder) are cancelled: without an address they are in no audience.
- A ballot stays counted with the anonymous id only (a named poll's export reads
  polls.DATA_DELETED where the name was). Its household (building and room) on a
  one-vote-per-household poll is cleared, and while such a poll is still open the ballot is
  withdrawn instead, so the household's one vote is free for someone still living there.
- Their topics stay (others backed them, an agenda may carry them), with phone, ID and room
  numbers masked and their names starred out, also in staff's notices of them not sent yet;
  their backings stay (a count, the anonymous id).
- Their questions to a meeting's organizer go (their words).

The staff cards on screens of the meetings and polls this changed (an RSVP withdrawn, a
question gone, a ballot withdrawn or its household cleared) are redrawn after the commit
(`after_forget`): before, they went on counting what was deleted until opened again.
"""

from __future__ import annotations

import html
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import delete, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.consultations import (
    CheckIn,
    Meeting,
    MeetingStatus,
    Poll,
    PollStatus,
    Rsvp,
    RsvpStatus,
    Topic,
    Vote,
)
from models.scheduling import Delivery, DeliveryState
from services import delivery
from services.consult_common import Notifier
from services.order_common import mask, scrub_names

# the kinds of the notices a community's audience gets about its meetings and polls
AUDIENCE_KINDS = ("meeting", "poll")


@dataclass
class Seats:
    """Who moved up from a meeting's waitlist into the seat someone forgotten freed."""

    meeting: Meeting
    promoted: list[int]


@dataclass
class Forgotten:
    """What the deletion changed that others are shown: seats freed (and who took them), and
    the meetings and polls whose staff cards count what went."""

    seats: list[Seats] = field(default_factory=list)
    meeting_ids: set[int] = field(default_factory=set)
    poll_ids: set[int] = field(default_factory=set)


async def forget_consultations(
    session: AsyncSession, *, user_id: int, names: Collection[str | None], now: datetime
) -> Forgotten:
    """See the module's docstring; the caller commits, then `after_forget`."""
    from services.meetings import _audit, _fill_seats, get_meeting

    left = Forgotten()
    upcoming = (
        await session.exec(
            select(Rsvp.meeting_id)
            .join(Meeting, col(Meeting.id) == col(Rsvp.meeting_id))
            .where(
                col(Rsvp.user_id) == user_id,
                col(Meeting.status) == MeetingStatus.PUBLISHED,
                col(Meeting.starts_at) > now,
            )
            .order_by(col(Rsvp.meeting_id))
        )
    ).all()
    for meeting_id in upcoming:
        meeting = await get_meeting(session, meeting_id=meeting_id, lock=True)  # seat counting
        row = (
            await session.exec(
                select(Rsvp).where(Rsvp.meeting_id == meeting_id, Rsvp.user_id == user_id)
            )
        ).first()
        checked_in = (
            await session.exec(
                select(CheckIn.id).where(
                    CheckIn.meeting_id == meeting_id, CheckIn.user_id == user_id
                )
            )
        ).first()
        if row is None or checked_in is not None:
            continue  # there already (check-in opens before the start): attendance stays
        going = row.status == RsvpStatus.GOING
        await session.delete(row)
        await session.flush()
        _audit(session, user_id, "meeting-rsvp", meeting_id, "withdrawn: data deleted")
        left.meeting_ids.add(meeting_id)
        if going:
            promoted = await _fill_seats(session, meeting=meeting, now=now)
            if promoted:
                left.seats.append(Seats(meeting=meeting, promoted=promoted))
    await _cancel_audience_notices(session, chat_id=user_id)
    left.poll_ids |= await _forget_votes(session, user_id=user_id)
    await _forget_topics(session, user_id=user_id, names=names)
    from services.meeting_questions import forget_questions

    left.meeting_ids |= await forget_questions(session, user_id=user_id)
    return left


async def after_forget(session: AsyncSession, *, left: Forgotten, notifier: Notifier) -> None:
    """After the commit: those who moved up into a freed seat are told, and the staff cards
    of the meetings and polls the deletion changed are redrawn (commits)."""
    from services import meeting_cards, polls
    from services.meetings import _tell_promoted

    for seat in left.seats:
        await _tell_promoted(
            session, meeting=seat.meeting, user_ids=seat.promoted, notifier=notifier
        )
    for meeting_id in sorted(left.meeting_ids):
        await meeting_cards.redraw_cards_of(session, meeting_id=meeting_id, notifier=notifier)
    for poll_id in sorted(left.poll_ids):
        await polls.redraw_cards_of(session, poll_id=poll_id, notifier=notifier)


async def _cancel_audience_notices(session: AsyncSession, *, chat_id: int) -> int:
    result = await session.exec(  # type: ignore[call-overload]
        update(Delivery)
        .where(
            col(Delivery.chat_id) == chat_id,
            col(Delivery.kind).in_(AUDIENCE_KINDS),
            delivery.not_yet_sent(),
        )
        .values(state=DeliveryState.CANCELLED, error="data deleted")
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)


async def _forget_votes(session: AsyncSession, *, user_id: int) -> set[int]:
    """Their ballots withdrawn or their households cleared (see the module's docstring):
    returns the polls whose counts this changed."""
    household_polls = select(Poll.id).where(col(Poll.per_household).is_(True)).scalar_subquery()
    open_polls = select(Poll.id).where(col(Poll.status) == PollStatus.OPEN).scalar_subquery()
    changed = (
        await session.exec(
            select(Vote.poll_id)
            .where(
                col(Vote.voter_id) == user_id,
                (col(Vote.household).is_not(None))
                | (col(Vote.poll_id).in_(household_polls) & col(Vote.poll_id).in_(open_polls)),
            )
            .distinct()
        )
    ).all()
    await session.exec(  # type: ignore[call-overload]
        delete(Vote).where(
            col(Vote.voter_id) == user_id,
            col(Vote.poll_id).in_(household_polls),
            col(Vote.poll_id).in_(open_polls),
        )
    )
    await session.exec(  # type: ignore[call-overload]
        update(Vote)
        .where(col(Vote.voter_id) == user_id, col(Vote.household).is_not(None))
        .values(household=None)
        .execution_options(synchronize_session=False)
    )
    return set(changed)


async def _forget_topics(
    session: AsyncSession, *, user_id: int, names: Collection[str | None]
) -> None:
    from services.topics import notice_excerpt

    topics = (await session.exec(select(Topic).where(col(Topic.proposer_id) == user_id))).all()
    for topic in topics:
        title = scrub_names(mask(topic.title), names)
        detail = scrub_names(mask(topic.detail), names)
        swaps = [
            (html.escape(old, quote=False), html.escape(new, quote=False))
            for old, new in (
                (topic.title, title),
                (notice_excerpt(topic.detail), notice_excerpt(detail)),
            )
            if old and old != new
        ]
        topic.title, topic.detail = title, detail

        def rewrite(text: str, swaps: list[tuple[str, str]] = swaps) -> str:
            for old, new in swaps:
                text = text.replace(old, new)
            return scrub_names(text, [html.escape(n, quote=False) for n in names if n])

        await delivery.rewrite_unsent(
            session,
            where=[
                col(Delivery.kind) == "topic",
                col(Delivery.dedupe_key).like(f"topic:{topic.id}:new:%"),
            ],
            rewrite=rewrite,
        )
