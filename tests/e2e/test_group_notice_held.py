"""A meeting's notice in the community's group stops asking people to sign up once the meeting
took place: at its planned end (the injected clock; the meeting's end moment job) it reads
议事会已召开 with no 💬 私聊报名, and once its minutes are published it says they went to
residents privately. Before, the notice kept its sign-up link for good."""

from __future__ import annotations

from datetime import timedelta

from models import Role, User
from sandbox.driver import message_text
from services import meetings
from services.consult_common import Notifier
from tests.consult.published import STAFF
from tests.e2e.conftest import Harness
from tests.e2e.test_group_membership import GROUP, _publish
from tests.e2e.test_group_notices_kept import _group

ROLES = frozenset({Role.RESIDENT, Role.STAFF})


async def test_meeting_notice_says_held_then_minuted(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    hello = await _group(h)
    meeting_id = await _publish(h, "十二月居民议事会")
    notice = await d.expect(GROUP, "议事会通知", since=hello)
    assert notice["reply_markup"]["inline_keyboard"]
    async with h.sessionmaker() as session:
        meeting = await meetings.get_meeting(session, meeting_id=meeting_id)
        end = meetings.ends_at(meeting)
    h.clock.set(end - timedelta(minutes=1))  # under way: still as posted
    h.clock.set(end + timedelta(seconds=1))
    held = await d.expect(GROUP, "议事会已召开", since=hello, timeout=30)
    assert held["message_id"] == notice["message_id"]
    assert "十二月居民议事会" in message_text(held)
    assert "不用再报名" in message_text(held)
    assert not (held.get("reply_markup") or {}).get("inline_keyboard")
    async with h.sessionmaker() as session:
        staff = await session.get(User, STAFF)
        assert staff is not None
        await meetings.publish_minutes(
            session,
            user=staff,
            roles=ROLES,
            meeting_id=meeting_id,
            minutes="大家同意周末清理楼道。",
            decisions=["周六上午清理楼道"],
            now=h.clock(),
            notifier=Notifier(texts=h.sandbox.app.translator, now=h.clock()),
        )
    await h.sandbox.app.dp["scheduler"].drain(now=h.clock())
    minuted = await d.expect(GROUP, "纪要和决议已在私聊里发给居民", since=hello)
    assert minuted["message_id"] == notice["message_id"]
    assert not (minuted.get("reply_markup") or {}).get("inline_keyboard")
    bot_posts = [m for m in await d.messages(GROUP) if (m.get("from") or {}).get("is_bot")]
    assert len(bot_posts) == 2  # the hello and the one notice, redrawn: nothing posted again
    assert await d.errors() == []
