"""Editing a published meeting's capacity: a typo ('5o', '五十') is asked again. Before, any
text that was not plain digits was taken as 'no limit', the capacity was dropped and everyone
who had answered was told '人数上限改为：不限'. '不限' and '５０人' are read as at creation."""

from __future__ import annotations

from datetime import timedelta

from models import Role, User
from models.consultations import Meeting
from sandbox.driver import message_text
from services import meetings
from services.consult_common import Notifier
from services.users import staff_scopes
from tests.e2e.conftest import Harness

STAFF = 2001  # 李社工


async def test_capacity_typo_is_asked_again(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
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
                title="十二月居民议事会",
                agenda=["年度工作回顾"],
                starts_at=h.clock() + timedelta(days=5),
                place="社区会议室",
                capacity=30,
            ),
        )
        await meetings.publish_meeting(
            session,
            user=staff,
            roles=roles,
            meeting_id=meeting.id or 0,
            now=h.clock(),
            notifier=Notifier(texts=h.sandbox.app.translator, now=h.clock()),
        )
    [greeting] = await d.say(STAFF, "/start")
    await d.click(STAFF, greeting["message_id"], data=f"cmt:edit:{meeting.id}:0")
    ask = await d.expect(STAFF, "要修改什么", since=greeting["message_id"])
    await d.tap(STAFF, "人数上限", ask["message_id"])
    await d.expect(STAFF, "现在是：30", since=ask["message_id"])
    for typo in ("5o", "五十"):
        [answer] = await d.say(STAFF, typo)
        assert "人数上限要在 1 到" in message_text(answer)
    async with h.sessionmaker() as session:
        assert (await session.get(Meeting, meeting.id)).capacity == 30  # type: ignore[union-attr]
    [first, *_] = await d.say(STAFF, "５０人")
    await d.expect(STAFF, "已修改", since=first["message_id"] - 1)
    async with h.sessionmaker() as session:
        assert (await session.get(Meeting, meeting.id)).capacity == 50  # type: ignore[union-attr]
