"""A meeting's or poll's public notice in the community's group is kept true: the meeting
changed reads its new place, postponed its new time, cancelled says so with no 💬 私聊报名; a
poll closed says 投票已结束 with its conclusion (the community posts results in its public
channel) and no 💬 私聊投票. The changes are made as staff's buttons and the closing job make
them: with a notifier that does not know the bot's name (the button keeps the link it was
posted with). Before, the notice stayed as posted: an old time, a cancelled meeting to sign up
for, a closed poll to vote in."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from models import Role, User
from sandbox.driver import message_text
from sandbox.emulator import BOT_USERNAME
from services import meetings, polls
from services.consult_common import Notifier
from tests.consult.published import STAFF
from tests.e2e.conftest import Harness
from tests.e2e.test_group_membership import GROUP, ZHOU, _open_poll, _publish

ROLES = frozenset({Role.RESIDENT, Role.STAFF})
ZONE = ZoneInfo("Asia/Shanghai")


async def _group(h: Harness) -> int:
    await h.driver.add_group(
        id=GROUP, title="阳光社区居民群", members=[STAFF, ZHOU], bot_status="member", by=STAFF
    )
    hello = await h.driver.expect(GROUP, "大家好")
    return int(hello["message_id"])


def _notifier(h: Harness) -> Notifier:
    """As a handler's or job's: no bot name at hand."""
    return Notifier(texts=h.sandbox.app.translator, now=h.clock())


async def test_meeting_notice_follows_change_postponement_and_cancellation(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    hello = await _group(h)
    meeting_id = await _publish(h, "十二月居民议事会", place="社区会议室")
    notice = await d.expect(GROUP, "议事会通知", since=hello)
    assert "社区会议室" in message_text(notice)
    link = [[{"text": "💬 私聊报名", "url": f"https://t.me/{BOT_USERNAME}?start=m{meeting_id}"}]]
    assert notice["reply_markup"]["inline_keyboard"] == link
    async with h.sessionmaker() as session:
        staff = await session.get(User, STAFF)
        assert staff is not None
        await meetings.edit_meeting(
            session,
            user=staff,
            roles=ROLES,
            meeting_id=meeting_id,
            edit=meetings.MeetingEdit(place="社区活动中心二楼"),
            now=h.clock(),
            notifier=_notifier(h),
        )
    await h.sandbox.app.dp["scheduler"].drain(now=h.clock())
    changed = await d.expect(GROUP, "社区活动中心二楼", since=hello)
    assert changed["message_id"] == notice["message_id"]
    assert changed["reply_markup"]["inline_keyboard"] == link
    # postponed by two days: the notice reads the new day
    async with h.sessionmaker() as session:
        staff = await session.get(User, STAFF)
        meeting = await meetings.get_meeting(session, meeting_id=meeting_id)
        assert staff is not None
        later = meeting.starts_at + timedelta(days=2)
        await meetings.postpone_meeting(
            session,
            user=staff,
            roles=ROLES,
            meeting_id=meeting_id,
            starts_at=later,
            reason="会议室维修",
            now=h.clock(),
            notifier=_notifier(h),
        )
    await h.sandbox.app.dp["scheduler"].drain(now=h.clock())
    day = later.astimezone(ZONE)
    moved = await d.expect(GROUP, f"{day.month}月{day.day}日", since=hello)
    assert moved["message_id"] == notice["message_id"]
    assert moved["reply_markup"]["inline_keyboard"] == link
    assert "会议室维修" not in message_text(moved)  # what staff typed stays private
    # cancelled: said so, nothing to sign up for
    async with h.sessionmaker() as session:
        staff = await session.get(User, STAFF)
        assert staff is not None
        await meetings.cancel_meeting(
            session,
            user=staff,
            roles=ROLES,
            meeting_id=meeting_id,
            reason="暂缓",
            now=h.clock(),
            notifier=_notifier(h),
        )
    await h.sandbox.app.dp["scheduler"].drain(now=h.clock())
    gone = await d.expect(GROUP, "已取消", since=hello)
    assert gone["message_id"] == notice["message_id"]
    assert not (gone.get("reply_markup") or {}).get("inline_keyboard")
    bot_posts = [m for m in await d.messages(GROUP) if (m.get("from") or {}).get("is_bot")]
    assert len(bot_posts) == 2  # the hello and the one notice, redrawn: nothing posted again
    assert await d.errors() == []


async def test_poll_notice_says_it_closed_with_its_outcome(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    hello = await _group(h)
    poll_id = await _open_poll(h, "小区东门是否晚上十点关闭？")
    notice = await d.expect(GROUP, "投票通知", since=hello)
    assert notice["reply_markup"]["inline_keyboard"]
    sent = await d.send(ZHOU, f"/start p{poll_id}")
    offer = await d.expect(ZHOU, "东门", since=sent["message_id"])
    await d.tap(ZHOU, "去投票", offer["message_id"])
    paper = await d.expect(ZHOU, "截止：", since=offer["message_id"])
    await d.tap(ZHOU, "同意", paper["message_id"])
    await d.expect(ZHOU, "已投票", since=paper["message_id"])
    async with h.sessionmaker() as session:
        poll = await polls.get_poll(session, poll_id=poll_id)
    # the closing job closes it (its notifier knows no bot name)
    h.clock.set(poll.closes_at + timedelta(seconds=1))
    closed = await d.expect(GROUP, "投票已结束", since=hello, timeout=30)
    text = message_text(closed)
    assert closed["message_id"] == notice["message_id"]
    assert "东门" in text and "结论" in text and "同意" in text, text
    assert not (closed.get("reply_markup") or {}).get("inline_keyboard")
    assert await d.errors() == []
