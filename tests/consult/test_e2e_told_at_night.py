"""Staff who 延期 or cancel a meeting, send its minutes, cancel or close a poll, or answer a
topic or put it on an agenda at night read when quiet hours let the notices go ('🌙 现在是免打扰
时段：其中 3 人的通知会在 11月24日（周二）07:00 发出。'), as publishing (1a12a18) and 修改
(738fb64) at night do. Before, they read '✅ 已延期，已通知 3 人' alone and took residents for
told while the notices waited until the morning. By day nothing is added."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from handlers.consult_kit import PollCb
from sandbox.driver import Driver, message_text
from tests.consult.published import STAFF, published_meeting
from tests.consult.test_e2e_qa_polls import make_poll
from tests.e2e.conftest import Harness
from tests.support import reply_to

NIGHT = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)  # 23:00 in Shanghai, a Monday
HELD = "11月24日（周二）07:00 发出"
ZHOU = 4001  # 周阿姨
WU = 4002  # 吴大爷


async def _click(d: Driver, data: str, expect: str) -> str:
    """李社工 taps a button with this data (on his greeting): the text of the reply `expect`."""
    [greeting] = await d.say(STAFF, "/start")
    await d.click(STAFF, greeting["message_id"], data=data)
    return message_text(await d.expect(STAFF, expect, since=greeting["message_id"]))


async def test_postponed_at_night_says_when_they_are_told(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    h.clock.set(NIGHT)
    meeting = await published_meeting(h)
    await _click(h.driver, f"cmt:postpone:{meeting.id}:0", "新的开会时间")
    await reply_to(h.driver, STAFF, "2026-11-30 19:30", "说明原因")
    done = message_text(await reply_to(h.driver, STAFF, "会议室要维修", "已延期"))
    assert "现在是免打扰时段" in done and HELD in done, done


async def test_cancelled_at_night_says_when_they_are_told(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    h.clock.set(NIGHT)
    meeting = await published_meeting(h)
    await _click(h.driver, f"cmt:cancel:{meeting.id}:0", "说明原因")
    done = message_text(await reply_to(h.driver, STAFF, "台风", "会议已取消"))
    assert "现在是免打扰时段" in done and HELD in done, done


async def test_cancelled_by_day_says_nothing_of_quiet_hours(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    meeting = await published_meeting(h)
    await _click(h.driver, f"cmt:cancel:{meeting.id}:0", "说明原因")
    done = message_text(await reply_to(h.driver, STAFF, "台风", "会议已取消"))
    assert "免打扰" not in done, done


async def test_a_poll_cancelled_at_night_says_when_they_are_told(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    h.clock.set(NIGHT - timedelta(hours=10))  # published by day
    poll_id = await make_poll(h)
    await h.sandbox.app.dp["scheduler"].drain(now=h.clock())
    h.clock.set(NIGHT)
    done = await _click(h.driver, PollCb(action="cancelok", id=poll_id).pack(), "投票已取消")
    assert "现在是免打扰时段" in done and HELD in done, done


async def test_a_poll_closed_at_night_says_when_they_are_told(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    h.clock.set(NIGHT - timedelta(hours=10))
    poll_id = await make_poll(h)
    await h.sandbox.app.dp["scheduler"].drain(now=h.clock())
    h.clock.set(NIGHT)
    done = await _click(h.driver, PollCb(action="closeok", id=poll_id).pack(), "投票已结束")
    assert "现在是免打扰时段" in done and HELD in done, done


async def _topic_at_night(h: Harness) -> dict:
    """周阿姨 proposes a topic by day; at 23:00 李社工 opens it in 💡 处理议题."""
    d = h.driver
    h.clock.set(NIGHT - timedelta(hours=10))
    hub = await reply_to(d, ZHOU, "🗳 近期议事", "近期议事")
    await d.tap(ZHOU, "✍️ 提议题", hub["message_id"])
    await d.expect(ZHOU, "想讨论的事", since=hub["message_id"])
    await reply_to(d, ZHOU, "小区东门路灯太暗", "补充")
    await reply_to(d, ZHOU, "跳过", "议题已提交")
    # staff are told of the new topic (by day): waited for, so that the notice (which names
    # the topic too) cannot be taken for the topic list's item below
    await d.expect(STAFF, "💡 新议题")
    h.clock.set(NIGHT)
    menu = await reply_to(d, STAFF, "🏛 议事管理", "选择要做的事")
    await d.tap(STAFF, "💡 处理议题", menu["message_id"])
    return await d.expect(STAFF, "小区东门路灯太暗", since=menu["message_id"])


async def test_a_topic_accepted_at_night_says_when_they_are_told(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    h.clock.set(NIGHT - timedelta(hours=10))
    await published_meeting(h, title="十二月居民议事会")
    item = await _topic_at_night(h)
    await d.tap(STAFF, "✅ 列入议程", item["message_id"])
    ask = await d.expect(STAFF, "列入哪个议事会", since=item["message_id"])
    await d.tap(STAFF, "十二月居民议事会", ask["message_id"])
    done = message_text(await d.expect(STAFF, "已列入议程", since=item["message_id"]))
    assert "现在是免打扰时段" in done and HELD in done, done


async def test_a_topic_answered_at_night_says_when_they_are_told(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    item = await _topic_at_night(h)
    await d.tap(STAFF, "💬 答复", item["message_id"])
    await d.expect(STAFF, "请输入答复内容", since=item["message_id"])
    done = message_text(await reply_to(d, STAFF, "已报物业，本周内更换灯泡。", "已答复"))
    assert "现在是免打扰时段" in done and HELD in done, done


async def test_minutes_sent_at_night_say_when_they_are_told(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    h.clock.set(NIGHT - timedelta(days=1, hours=2))
    meeting = await published_meeting(h, starts_at=NIGHT - timedelta(hours=2))
    h.clock.set(NIGHT)
    await _click(d, f"cmt:minutes:{meeting.id}:0", "会议纪要")
    await reply_to(d, STAFF, "到会居民讨论了年度工作。", "决议")
    preview = await reply_to(d, STAFF, "成立楼道清理小组", "议事会纪要")
    await d.tap(STAFF, "✅ 确认发送", preview["message_id"])
    done = message_text(await d.expect(STAFF, "纪要已发布", since=preview["message_id"]))
    assert "现在是免打扰时段" in done and HELD in done, done
