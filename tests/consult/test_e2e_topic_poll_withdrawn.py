"""A poll made from a collected topic (🗳 发起投票（就此议题）) and then withdrawn as a draft
(❌ 取消投票 on its preview) gives the topic back as it was: open, undecided, to be put to a
poll or an agenda again. Before, it stayed '已发起投票' for a poll that never was. Staff read
on their confirmation that the topic is 征集中 again; its people who were told, when the draft
was saved, that a poll was coming are told it is not (before, nobody was: they waited for a
poll that never came), and told anew when the topic is put to a poll once more. Those not told
yet (the notice held for the night) hear nothing of either."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlmodel import select

from models import User
from models.consultations import Poll, PollStatus, Topic, TopicStatus
from sandbox.driver import message_text
from tests.consult.test_e2e_topic_backed_typed import WU, ZHOU, _propose
from tests.e2e.conftest import Harness
from tests.support import reply_to

STAFF = 2001  # 李社工
TITLE = "小区北门路面坑洼需要修补"
POLLED = "社区将发起投票"
NIGHT = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)  # 23:00 in Shanghai


async def _poll_of_topic(h: Harness, question: str) -> dict:
    """议事管理 → 处理议题 → 列入议程 → 🗳 发起投票（就此议题）, through the form: the preview."""
    d = h.driver
    menu = await reply_to(d, STAFF, "🏛 议事管理", "选择要做的事")
    await d.tap(STAFF, "💡 处理议题", menu["message_id"])
    item = await d.expect(STAFF, TITLE, since=menu["message_id"])
    await d.tap(STAFF, "✅ 列入议程", item["message_id"])
    offer = await d.expect(STAFF, "也可以就这个议题发起投票", since=item["message_id"])
    await d.tap(STAFF, "🗳 发起投票（就此议题）", offer["message_id"])
    await d.expect(STAFF, "请输入投票问题", since=offer["message_id"])
    await d.say(STAFF, question)
    ask = await reply_to(d, STAFF, "沥青\n水泥", "单选还是多选")
    await d.tap(STAFF, "单选", ask["message_id"])
    ask = await d.expect(STAFF, "面向哪些人", since=ask["message_id"])
    await d.tap(STAFF, "全社区", ask["message_id"])
    ask = await d.expect(STAFF, "谁可以投票", since=ask["message_id"])
    await d.tap(STAFF, "已登记住址的居民", ask["message_id"])
    ask = await d.expect(STAFF, "一户一票", since=ask["message_id"])
    await d.tap(STAFF, "❌ 否", ask["message_id"])
    await d.expect(STAFF, "截止时间", since=ask["message_id"])
    [ask] = await d.say(STAFF, "2026-11-24 20:00")
    await d.tap(STAFF, "匿名", ask["message_id"])
    ask = await d.expect(STAFF, "结果什么时候公开", since=ask["message_id"])
    await d.tap(STAFF, "截止后公开", ask["message_id"])
    await d.expect(STAFF, "参与比例才有效", since=ask["message_id"])
    await d.say(STAFF, "跳过")
    [first, *_] = await d.say(STAFF, "跳过")
    await d.expect(STAFF, "草稿已保存", since=first["message_id"] - 1)
    return await d.expect(STAFF, "预览", since=first["message_id"] - 1)


def _told(messages: list[dict]) -> list[str]:
    return [message_text(m) for m in messages if POLLED in message_text(m)]


async def test_a_withdrawn_draft_gives_the_topic_back(linli_sandbox: Harness) -> None:
    from services import topics

    h = linli_sandbox
    d = h.driver
    await _propose(h, TITLE)
    async with h.sessionmaker() as session:
        topic = (await session.exec(select(Topic))).one()
        wu = await session.get(User, WU)
        assert wu is not None
        await topics.back_topic(session, user=wu, topic_id=topic.id or 0, now=h.clock())
    preview = await _poll_of_topic(h, "北门路面用哪种方式修补？")
    await d.expect(ZHOU, f"您提的议题「{TITLE}」，{POLLED}")
    await d.expect(WU, f"您附议的议题「{TITLE}」，{POLLED}")
    async with h.sessionmaker() as session:
        assert (await session.exec(select(Topic))).one().status == TopicStatus.POLLED
    await d.tap(STAFF, "❌ 取消投票", preview["message_id"])
    done = await d.expect(STAFF, "草稿已删除", since=preview["message_id"])
    assert f"议题「{TITLE}」已恢复为征集中" in message_text(done), message_text(done)
    assert "通知的 2 人，已告诉他们这次投票不发了" in message_text(done), message_text(done)
    await d.expect(ZHOU, f"您提的议题「{TITLE}」，原定的投票（北门路面用哪种方式修补？）已取消")
    await d.expect(WU, f"您附议的议题「{TITLE}」，原定的投票（北门路面用哪种方式修补？）已取消")
    async with h.sessionmaker() as session:
        topic = (await session.exec(select(Topic))).one()
        poll = (await session.exec(select(Poll))).one()
    assert poll.status == PollStatus.CANCELLED
    assert (topic.status, topic.answer, topic.decided_by, topic.decided_at) == (
        TopicStatus.OPEN,
        None,
        None,
        None,
    )
    # the topics list no longer says a poll came of it
    [hub] = await d.say(WU, "🗳 近期议事")
    await d.tap(WU, "💡 议题征集", hub["message_id"])
    listed = await d.expect(WU, TITLE, since=hub["message_id"])
    assert "已发起投票" not in message_text(listed), message_text(listed)
    # put to a poll again from the topic: staff can; its people, told it was off, hear anew
    again = await _poll_of_topic(h, "北门路面什么时候修？")
    assert "预览" in message_text(again)
    async with h.sessionmaker() as session:
        assert (await session.exec(select(Topic))).one().status == TopicStatus.POLLED
    await d.expect(ZHOU, "北门路面什么时候修？")
    await d.expect(WU, "北门路面什么时候修？")
    assert len(_told(await d.messages(ZHOU))) == 2
    assert len(_told(await d.messages(WU))) == 2
    assert await d.errors() == []


async def test_withdrawn_at_night_before_anyone_heard(linli_sandbox: Harness) -> None:
    """Saved and withdrawn in quiet hours: the 'a poll is coming' notices were still held, so
    they never go, and nobody is told it is off; staff read the topic is open again."""
    from services import topics

    h = linli_sandbox
    d = h.driver
    h.clock.set(NIGHT)
    await _propose(h, TITLE)
    async with h.sessionmaker() as session:
        topic = (await session.exec(select(Topic))).one()
        wu = await session.get(User, WU)
        assert wu is not None
        await topics.back_topic(session, user=wu, topic_id=topic.id or 0, now=h.clock())
    preview = await _poll_of_topic(h, "北门路面用哪种方式修补？")
    await d.tap(STAFF, "❌ 取消投票", preview["message_id"])
    done = await d.expect(STAFF, "草稿已删除", since=preview["message_id"])
    assert f"议题「{TITLE}」已恢复为征集中" in message_text(done), message_text(done)
    assert "已告诉他们" not in message_text(done), message_text(done)
    h.clock.set(NIGHT + timedelta(hours=10))  # the morning: what was held goes
    await h.sandbox.app.dp["scheduler"].drain(now=h.clock())
    for person in (ZHOU, WU):
        said = [message_text(m) for m in await d.messages(person)]
        assert not [m for m in said if TITLE in m and ("投票" in m)], said
    assert await d.errors() == []
