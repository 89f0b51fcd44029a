"""A published meeting of 李社工's community (demo data), made through the services, for e2e
tests that start where staff or residents act on it; and 李社工 opening its capacity to edit."""

from __future__ import annotations

from datetime import datetime, timedelta

from models import Role, User
from models.consultations import Meeting
from services import meetings
from services.consult_common import Notifier
from services.users import staff_scopes
from tests.e2e.conftest import Harness

STAFF = 2001  # 李社工, 阳光社区


async def published_meeting(
    h: Harness,
    *,
    title: str = "十二月居民议事会",
    starts_at: datetime | None = None,
    capacity: int | None = None,
    agenda: tuple[str, ...] = ("年度工作回顾",),
) -> Meeting:
    """A meeting for the whole community, published (its audience told) by 李社工."""
    roles = frozenset({Role.RESIDENT, Role.STAFF})
    async with h.sessionmaker() as session:
        staff = await session.get(User, STAFF)
        assert staff is not None
        community_id = (await staff_scopes(session, user_id=STAFF))[0].community_id
        meeting = await meetings.create_meeting(
            session,
            user=staff,
            roles=roles,
            now=h.clock(),
            draft=meetings.MeetingDraft(
                community_id=community_id,
                title=title,
                agenda=list(agenda),
                starts_at=starts_at or h.clock() + timedelta(days=5),
                place="社区会议室",
                capacity=capacity,
            ),
        )
        published, _count = await meetings.publish_meeting(
            session,
            user=staff,
            roles=roles,
            meeting_id=meeting.id or 0,
            now=h.clock(),
            notifier=Notifier(texts=h.sandbox.app.translator, now=h.clock()),
        )
    # the announcements are delivered before the test acts: one arriving in the middle of a
    # resident's next exchange would be taken for an answer
    await h.sandbox.app.dp["scheduler"].drain(now=h.clock())
    return published


async def to_capacity_edit(h: Harness, meeting: Meeting, *, now_reads: str) -> None:
    """李社工 taps the published meeting's 修改 → 人数上限 and is told what it is now
    ('现在是：30')."""
    d = h.driver
    [greeting] = await d.say(STAFF, "/start")
    await d.click(STAFF, greeting["message_id"], data=f"cmt:edit:{meeting.id}:0")
    ask = await d.expect(STAFF, "要修改什么", since=greeting["message_id"])
    await d.tap(STAFF, "人数上限", ask["message_id"])
    await d.expect(STAFF, f"现在是：{now_reads}", since=ask["message_id"])
