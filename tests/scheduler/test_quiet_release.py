"""What quiet hours hold is released when a user opts out or staff change the hours; what was
scheduled for later on purpose keeps its time."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlmodel.ext.asyncio.session import AsyncSession

from models.org import Community
from models.scheduling import Delivery
from models.users import User
from services.delivery import enqueue, set_quiet_hours
from services.users import set_quiet_hours_opt_out
from tests.scheduler.conftest import add_users

SHANGHAI = ZoneInfo("Asia/Shanghai")


def local(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment in Shanghai local time (November 2026), as aware UTC."""
    return datetime(2026, 11, day, hour, minute, tzinfo=SHANGHAI).astimezone(UTC)


async def _reload(session: AsyncSession, *rows: Delivery) -> list[Delivery]:
    for row in rows:
        await session.refresh(row)
    return list(rows)


async def test_opting_out_releases_what_quiet_hours_hold_and_nothing_else(
    session: AsyncSession,
) -> None:
    await add_users(session, [11, 12])
    night = local(23, 23, 0)
    held = await enqueue(session, chat_id=11, text="您的诉求已受理", now=night)
    # scheduled on purpose: tomorrow 10:00 (not in quiet hours), tomorrow 23:30 (held to 07:00)
    later = await enqueue(
        session, chat_id=11, text="明早提醒", not_before=local(24, 10), now=night
    )
    late_night = await enqueue(
        session, chat_id=11, text="夜里的提醒", not_before=local(24, 23, 30), now=night
    )
    other = await enqueue(session, chat_id=12, text="别人的通知", now=night)
    await session.commit()
    assert held.not_before == local(24, 7) and held.held_from == night
    assert later.not_before == local(24, 10) and later.held_from is None
    assert late_night.not_before == local(25, 7) and late_night.held_from == local(24, 23, 30)

    user = await session.get(User, 11)
    assert user is not None
    opt_out_at = local(23, 23, 20)
    await set_quiet_hours_opt_out(session, user=user, opt_out=True, now=opt_out_at)
    held, later, late_night, other = await _reload(session, held, later, late_night, other)
    assert held.not_before == opt_out_at  # goes now
    assert later.not_before == local(24, 10)  # its own time, untouched
    assert late_night.not_before == local(24, 23, 30)  # the time it was scheduled for
    assert other.not_before == local(24, 7)  # another user's quiet hours still hold it


async def test_staff_changing_quiet_hours_re_times_what_they_hold(session: AsyncSession) -> None:
    sun = Community(name="阳光社区")
    peace = Community(name="和谐社区")
    session.add_all([sun, peace])
    await session.commit()
    assert sun.id is not None and peace.id is not None
    await add_users(session, [11, 12], community_id=sun.id)
    await add_users(session, [21], community_id=peace.id)
    night = local(23, 22, 30)
    mine = await enqueue(session, chat_id=11, text="a", now=night)
    meeting = await enqueue(session, chat_id=12, text="b", now=night, deliver_by=local(24, 7, 30))
    deliberate = await enqueue(session, chat_id=11, text="c", not_before=local(24, 9), now=night)
    elsewhere = await enqueue(session, chat_id=21, text="d", now=night)
    await session.commit()
    assert mine.not_before == meeting.not_before == local(24, 7)

    # later mornings: held until 08:00, except what would then be too late (its deliver_by)
    await set_quiet_hours(
        session, community_id=sun.id, start="22:00", end="08:00", now=local(23, 22, 40)
    )
    mine, meeting, deliberate, elsewhere = await _reload(
        session, mine, meeting, deliberate, elsewhere
    )
    assert mine.not_before == local(24, 8)
    assert meeting.not_before == local(23, 22, 40)  # 08:00 is past its meeting: goes now
    assert deliberate.not_before == local(24, 9)
    assert elsewhere.not_before == local(24, 7)

    # switched off: what they hold goes now; another community's hours still hold theirs
    off_at = local(23, 23, 0)
    await set_quiet_hours(
        session, community_id=sun.id, start="22:00", end="08:00", enabled=False, now=off_at
    )
    mine, deliberate, elsewhere = await _reload(session, mine, deliberate, elsewhere)
    assert mine.not_before == off_at and mine.held_from is None
    assert deliberate.not_before == local(24, 9)
    assert elsewhere.not_before == local(24, 7)
