"""Quiet hours never hold a time-bound notice (a meeting tonight) past the moment it matters."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlmodel.ext.asyncio.session import AsyncSession

from services.delivery import enqueue
from tests.scheduler.conftest import add_users

NIGHT = datetime(2026, 11, 23, 14, 1, tzinfo=UTC)  # 22:01 in Shanghai, inside quiet hours


async def test_time_bound_notice_goes_now_ordinary_one_waits(session: AsyncSession) -> None:
    await add_users(session, [31])
    meeting_at = NIGHT + timedelta(hours=1)  # 23:01 local, before quiet hours end
    tonight = await enqueue(
        session, chat_id=31, text="楼栋夜话 23:01", now=NIGHT, deliver_by=meeting_at
    )
    ordinary = await enqueue(session, chat_id=31, text="普通通知", now=NIGHT)
    tomorrow = await enqueue(
        session, chat_id=31, text="明天的会", now=NIGHT, deliver_by=NIGHT + timedelta(days=1)
    )
    await session.commit()
    assert tonight.not_before == NIGHT
    assert ordinary.not_before > NIGHT + timedelta(hours=8)  # held until 07:00 local
    assert tomorrow.not_before == ordinary.not_before  # it can wait for the morning
