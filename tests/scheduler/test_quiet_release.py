"""What quiet hours hold is released when a user opts out or staff change the hours; what was
scheduled for later on purpose keeps its time unless the new hours cover it: any non-urgent
message to a person that would go inside their quiet hours is held until the window ends."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.org import Community
from models.scheduling import Delivery, DeliveryState
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


async def _due_at(session: AsyncSession, moment: datetime) -> set[int | None]:
    """Ids of the deliveries the sender takes at this moment (pending, not_before reached)."""
    rows = await session.exec(
        select(Delivery.id).where(
            col(Delivery.state) == DeliveryState.PENDING, col(Delivery.not_before) <= moment
        )
    )
    return set(rows.all())


async def test_widened_quiet_hours_hold_whatever_would_go_inside_them(
    session: AsyncSession,
) -> None:
    sun = Community(name="阳光社区")
    session.add(sun)
    await session.commit()
    assert sun.id is not None
    await add_users(session, [11], community_id=sun.id)
    await add_users(session, [12], community_id=sun.id, quiet_hours_opt_out=True)
    evening = local(23, 19, 0)  # quiet hours 22:00–07:00: nothing below is held yet

    async def queue(chat_id: int, text: str, **kw: Any) -> Delivery:
        kw.setdefault("community_id", sun.id)
        return await enqueue(session, chat_id=chat_id, text=text, now=evening, **kw)

    at_nine = await queue(11, "今晚九点提醒", not_before=local(23, 21))
    bound = await queue(11, "九点半开会", not_before=local(23, 21), deliver_by=local(23, 21, 30))
    urgent = await queue(11, "紧急", not_before=local(23, 21), urgent=True)
    waiting = await queue(11, "排队中的通知")  # due now, not sent yet
    opted = await queue(12, "夜里也要", not_before=local(23, 21))
    group = await queue(-1002000000001, "群通知", not_before=local(23, 21))
    morning = await queue(11, "明早", not_before=local(24, 9))
    await session.commit()
    rows = [at_nine, bound, urgent, waiting, opted, group, morning]
    assert all(d.held_from is None for d in rows)

    # 19:30: staff widen the hours to 20:00–07:00
    await set_quiet_hours(
        session, community_id=sun.id, start="20:00", end="07:00", now=local(23, 19, 30)
    )
    rows = await _reload(session, *rows)
    assert (at_nine.not_before, at_nine.held_from) == (local(24, 7), local(23, 21))
    assert bound.not_before == local(23, 21)  # 07:00 is past its deliver_by: keeps its time
    assert urgent.not_before == opted.not_before == group.not_before == local(23, 21)
    assert waiting.not_before == evening  # 19:30 is not quiet yet: goes as queued
    assert morning.not_before == local(24, 9)
    assert await _due_at(session, local(23, 21, 5)) == {
        d.id for d in (bound, urgent, waiting, opted, group)
    }

    # narrowed back: 21:00 is free again, so the reminder keeps its own time
    await set_quiet_hours(
        session, community_id=sun.id, start="22:00", end="07:00", now=local(23, 19, 40)
    )
    at_nine, waiting = await _reload(session, at_nine, waiting)
    assert (at_nine.not_before, at_nine.held_from) == (local(23, 21), None)

    # widened again at 20:30, inside the new window: what waits in the queue is held too
    await set_quiet_hours(
        session, community_id=sun.id, start="20:00", end="07:00", now=local(23, 20, 30)
    )
    at_nine, waiting, urgent = await _reload(session, at_nine, waiting, urgent)
    assert (waiting.not_before, waiting.held_from) == (local(24, 7), evening)
    assert at_nine.not_before == local(24, 7)
    assert urgent.not_before == local(23, 21)
    assert await _due_at(session, local(23, 21, 5)) == {
        d.id for d in (bound, urgent, opted, group)
    }
    assert waiting.id in await _due_at(session, local(24, 7))


async def test_turning_quiet_hours_back_on_holds_what_would_arrive_at_night(
    session: AsyncSession,
) -> None:
    await add_users(session, [12], quiet_hours_opt_out=True)
    evening = local(23, 19, 0)
    late = await enqueue(
        session, chat_id=12, text="十一点提醒", not_before=local(23, 23), now=evening
    )
    urgent = await enqueue(
        session, chat_id=12, text="紧急", not_before=local(23, 23), urgent=True, now=evening
    )
    noon = await enqueue(session, chat_id=12, text="中午", not_before=local(24, 12), now=evening)
    await session.commit()
    assert late.not_before == local(23, 23) and late.held_from is None

    user = await session.get(User, 12)
    assert user is not None
    await set_quiet_hours_opt_out(session, user=user, opt_out=False, now=local(23, 20))
    late, urgent, noon = await _reload(session, late, urgent, noon)
    assert (late.not_before, late.held_from) == (local(24, 7), local(23, 23))
    assert urgent.not_before == local(23, 23)
    assert noon.not_before == local(24, 12)
    # and opting out again lets it go at its own time, as before
    await set_quiet_hours_opt_out(session, user=user, opt_out=True, now=local(23, 20, 5))
    [late] = await _reload(session, late)
    assert (late.not_before, late.held_from) == (local(23, 23), None)
