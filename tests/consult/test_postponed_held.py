"""Notices of a meeting held for the night (quiet hours) when staff postpone it (延期): they go
by the meeting's new start, not the old one (services.meetings, services.meeting_messages)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Translator
from models.consultations import Meeting
from models.scheduling import Delivery, DeliveryState
from services import delivery as outbox
from services import meetings
from services.consult_common import Notifier
from tests.consult.conftest import World
from tests.consult.test_meetings import draft

NIGHT = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)  # Monday 23:00 in Shanghai
MORNING = datetime(2026, 11, 24, 0, 0, tzinfo=UTC)  # Tuesday 08:00 in Shanghai


async def _published_at_night(
    session: AsyncSession, world: World, notifier: Notifier, *, starts_at: datetime
) -> Meeting:
    meeting = await meetings.create_meeting(
        session,
        user=world.staff,
        roles=world.staff_roles,
        draft=draft(world, starts_at=starts_at),
        now=NIGHT,
    )
    published, _count = await meetings.publish_meeting(
        session,
        user=world.staff,
        roles=world.staff_roles,
        meeting_id=meeting.id or 0,
        now=NIGHT,
        notifier=notifier,
    )
    return published


async def _held(session: AsyncSession, meeting: Meeting, kind: str) -> list[Delivery]:
    stmt = select(Delivery).where(
        col(Delivery.dedupe_key).startswith(f"meeting:{meeting.id}:{kind}:"),
        col(Delivery.state) == DeliveryState.PENDING,
    )
    return list((await session.exec(stmt.execution_options(populate_existing=True))).all())


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


async def test_a_held_announcement_lives_until_the_new_start(
    session: AsyncSession, world: World, translator: Translator
) -> None:
    """Published at 23:00 for 08:00 the next morning, the announcement is held until 07:00.
    Staff postpone the meeting by a day, then set the community's quiet hours to end at 09:00:
    the announcement waits until 09:00 like the 延期 notice. Before, it still went by the old
    start (08:00): quiet hours could not hold it past that, so it went at once, at 23:10."""
    notifier = Notifier(texts=translator, now=NIGHT)
    meeting = await _published_at_night(session, world, notifier, starts_at=MORNING)
    announced = await _held(session, meeting, "announce")
    assert announced and all(_utc(d.not_before) == MORNING - timedelta(hours=1) for d in announced)
    later = NIGHT + timedelta(minutes=10)
    await meetings.postpone_meeting(
        session,
        user=world.staff,
        roles=world.staff_roles,
        meeting_id=meeting.id or 0,
        starts_at=MORNING + timedelta(days=1),
        reason="场地维修",
        now=later,
        notifier=Notifier(texts=translator, now=later),
    )
    assert world.community.id is not None
    await outbox.set_quiet_hours(
        session, community_id=world.community.id, start="22:00", end="09:00", now=later
    )
    nine = MORNING + timedelta(hours=1)
    for kind in ("announce", "postpone"):
        held = await _held(session, meeting, kind)
        assert held, kind
        assert {_utc(d.not_before) for d in held} == {nine}, kind
        assert {_utc(d.deliver_by) for d in held if d.deliver_by} == {meeting.starts_at}, kind
