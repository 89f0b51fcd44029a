"""Publishing at night says when the audience will be told: quiet hours hold the notices until
07:00, and '✅ 已发布，已通知 3 人' alone let staff think residents had been told (the broadcast
form already said so; meetings and polls did not)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from models import Role, User
from sandbox.driver import message_text
from services import meetings
from services.users import staff_scopes
from tests.consult.test_e2e_qa_polls import STAFF
from tests.e2e.conftest import Harness

NIGHT = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)  # 23:00 in Shanghai, a Monday


async def test_meeting_published_at_night_says_when(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    h.clock.set(NIGHT)
    async with h.sessionmaker() as session:
        staff = await session.get(User, STAFF)
        assert staff is not None
        community_id = (await staff_scopes(session, user_id=STAFF))[0].community_id
        meeting = await meetings.create_meeting(
            session,
            user=staff,
            roles=frozenset({Role.RESIDENT, Role.STAFF}),
            now=h.clock(),
            draft=meetings.MeetingDraft(
                community_id=community_id,
                title="十二月居民议事会",
                agenda=["年度工作回顾"],
                starts_at=NIGHT + timedelta(days=5),
                place="社区会议室",
            ),
        )
    [greeting] = await d.say(STAFF, "/start")
    await d.click(STAFF, greeting["message_id"], data=f"cmt:view:{meeting.id}:0")
    card = await d.expect(STAFF, "状态：", since=greeting["message_id"])
    await d.tap(STAFF, "📣 发布", card["message_id"])
    done = await d.expect(STAFF, "已发布", since=card["message_id"])
    assert "现在是免打扰时段" in message_text(done)
    assert "11月24日（周二）07:00 发出" in message_text(done)


async def test_meeting_published_by_day_says_nothing_of_quiet_hours(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    async with h.sessionmaker() as session:
        staff = await session.get(User, STAFF)
        assert staff is not None
        community_id = (await staff_scopes(session, user_id=STAFF))[0].community_id
        meeting = await meetings.create_meeting(
            session,
            user=staff,
            roles=frozenset({Role.RESIDENT, Role.STAFF}),
            now=h.clock(),
            draft=meetings.MeetingDraft(
                community_id=community_id,
                title="十二月居民议事会",
                agenda=["年度工作回顾"],
                starts_at=h.clock() + timedelta(days=5),
                place="社区会议室",
            ),
        )
    [greeting] = await d.say(STAFF, "/start")
    await d.click(STAFF, greeting["message_id"], data=f"cmt:publish:{meeting.id}:0")
    done = await d.expect(STAFF, "已发布", since=greeting["message_id"])
    assert "免打扰" not in message_text(done)
