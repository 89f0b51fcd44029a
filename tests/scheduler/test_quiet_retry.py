"""Quiet hours apply to the sender's retries as to new messages, and re-timing a community's
waiting messages (/quiet) takes a bounded number of statements however many there are."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import event, update
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from models.org import Community
from models.scheduling import Delivery, DeliveryState
from models.users import User
from services.delivery import enqueue, record_retry, set_quiet_hours
from services.users import set_quiet_hours_opt_out
from tests.scheduler.conftest import add_users

SHANGHAI = ZoneInfo("Asia/Shanghai")
GROUP = -1002000000001


def local(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment in Shanghai local time (November 2026), as aware UTC."""
    return datetime(2026, 11, day, hour, minute, tzinfo=SHANGHAI).astimezone(UTC)


async def _claimed(session: AsyncSession, chat_id: int, **kw: Any) -> Delivery:
    """A delivery queued at 21:00 and now in the sender's hands (state sending)."""
    row = await enqueue(session, chat_id=chat_id, text="通知", now=local(23, 21), **kw)
    await session.commit()
    await session.exec(  # type: ignore[call-overload]
        update(Delivery)
        .where(col(Delivery.id) == row.id)
        .values(state=DeliveryState.SENDING, attempts=1)
    )
    await session.commit()
    return row


async def _retry(session: AsyncSession, row: Delivery, at: datetime, **kw: Any) -> Delivery:
    assert row.id is not None
    await record_retry(session, delivery_id=row.id, error="HTTP 502", not_before=at, **kw)
    await session.refresh(row)
    assert row.state == DeliveryState.PENDING
    return row


async def test_a_retry_inside_quiet_hours_is_held_until_they_end(session: AsyncSession) -> None:
    late = Community(name="晚起社区")
    session.add(late)
    await session.commit()
    assert late.id is not None
    await set_quiet_hours(session, community_id=late.id, start="22:00", end="08:00")
    await add_users(session, [11, 12])  # no community: the default 22:00–07:00
    await add_users(session, [13], quiet_hours_opt_out=True)
    await add_users(session, [14], community_id=late.id)
    at = local(23, 22, 5)  # the backoff lands at 22:05

    ordinary = await _retry(session, await _claimed(session, 11), at)
    assert (ordinary.not_before, ordinary.held_from) == (local(24, 7), at)
    urgent = await _retry(session, await _claimed(session, 11, urgent=True), at)
    assert (urgent.not_before, urgent.held_from) == (at, None)
    bound = await _retry(session, await _claimed(session, 12, deliver_by=local(23, 23)), at)
    assert (bound.not_before, bound.held_from) == (at, None)  # 07:00 is past its deliver_by
    can_wait = await _retry(session, await _claimed(session, 12, deliver_by=local(24, 9)), at)
    assert can_wait.not_before == local(24, 7)
    opted = await _retry(session, await _claimed(session, 13), at)
    assert opted.not_before == at
    group = await _retry(session, await _claimed(session, GROUP), at)
    assert group.not_before == at
    theirs = await _retry(session, await _claimed(session, 14), at)
    assert theirs.not_before == local(24, 8)  # their community's hours
    # a busy chat put back (not counted as an attempt) is held the same way
    busy = await _retry(session, await _claimed(session, 12), at, count_attempt=False)
    assert (busy.not_before, busy.attempts) == (local(24, 7), 0)
    # by day a retry goes at its time
    daytime = await _retry(session, await _claimed(session, 12), local(24, 10))
    assert (daytime.not_before, daytime.held_from) == (local(24, 10), None)

    # the held retry is like any held message: opting out lets it go now
    user = await session.get(User, 11)
    assert user is not None
    await set_quiet_hours_opt_out(session, user=user, opt_out=True, now=local(23, 22, 30))
    await session.refresh(ordinary)
    assert (ordinary.not_before, ordinary.held_from) == (local(23, 22, 30), None)


async def test_re_timing_many_waiting_messages_takes_a_few_statements(
    engine: AsyncEngine, session: AsyncSession
) -> None:
    sun = Community(name="阳光社区")
    session.add(sun)
    await session.commit()
    assert sun.id is not None
    people = list(range(1, 61))
    await add_users(session, people, community_id=sun.id)
    night = local(23, 22, 30)
    rows: dict[int, Delivery] = {}
    for uid in people:  # three kinds interleaved: each gets a different change below
        kw: dict[str, Any] = [
            {},
            {"deliver_by": local(24, 7, 30)},
            {"not_before": local(24, 7, 30)},
        ][uid % 3]
        rows[uid] = await enqueue(
            session, chat_id=uid, text="通知", now=night, community_id=sun.id, **kw
        )
    await session.commit()

    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement.split()[0].upper())

    event.listen(engine.sync_engine, "before_cursor_execute", count)
    try:
        await set_quiet_hours(
            session, community_id=sun.id, start="22:00", end="08:00", now=local(23, 22, 40)
        )
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", count)
    # the hours row (read, write), the waiting messages (read), their new times (one UPDATE)
    assert statements.count("UPDATE") == 1, statements
    assert len(statements) <= 5, statements

    # same outcome as one at a time; what this session has loaded shows it without a reload
    for uid, row in rows.items():
        expected = [
            (local(24, 8), night),  # held until the new end
            (local(23, 22, 40), None),  # 08:00 is past its deliver_by: goes now
            (local(24, 8), local(24, 7, 30)),  # 07:30 is inside the new window: held
        ][uid % 3]
        assert (row.not_before, row.held_from) == expected, uid
        await session.refresh(row)
        assert (row.not_before, row.held_from) == expected, uid
