"""议题 → 投票: staff put a collected topic to a vote (🗳 发起投票（就此议题）beside the
meetings it could go on); once the poll's draft is saved, the topic reads 已发起投票 and the
resident who raised it and those who backed it are told. Before, a topic could only go on a
meeting's agenda, and a poll about it told them nothing."""

from __future__ import annotations

from sqlmodel import select

from models import User
from models.consultations import Poll, Topic, TopicStatus
from sandbox.driver import message_text
from tests.consult.test_e2e_topic_backed_typed import WU, ZHOU, _propose
from tests.e2e.conftest import Harness
from tests.support import reply_to

STAFF = 2001  # 李社工


async def test_a_topic_put_to_a_vote_tells_its_people(linli_sandbox: Harness) -> None:
    from services import topics

    h = linli_sandbox
    d = h.driver
    await _propose(h, "小区北门路面坑洼需要修补")
    async with h.sessionmaker() as session:
        topic = (await session.exec(select(Topic))).one()
        wu = await session.get(User, WU)
        assert wu is not None
        await topics.back_topic(session, user=wu, topic_id=topic.id or 0, now=h.clock())
    menu = await reply_to(d, STAFF, "🏛 议事管理", "选择要做的事")
    await d.tap(STAFF, "💡 处理议题", menu["message_id"])
    item = await d.expect(STAFF, "小区北门路面坑洼需要修补", since=menu["message_id"])
    await d.tap(STAFF, "✅ 列入议程", item["message_id"])
    offer = await d.expect(STAFF, "也可以就这个议题发起投票", since=item["message_id"])
    await d.tap(STAFF, "🗳 发起投票（就此议题）", offer["message_id"])
    await d.expect(STAFF, "就议题「小区北门路面坑洼需要修补」发起投票", since=offer["message_id"])
    ask = await d.expect(STAFF, "请输入投票问题", since=offer["message_id"])
    await d.say(STAFF, "北门路面用哪种方式修补？")
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
    saved = await d.expect(STAFF, "草稿已保存", since=first["message_id"] - 1)
    assert "已告诉提议人和附议的人" in message_text(saved), message_text(saved)
    await d.expect(STAFF, "预览", since=first["message_id"] - 1)
    told = await d.expect(ZHOU, "您提的议题「小区北门路面坑洼需要修补」，社区将发起投票")
    assert "北门路面用哪种方式修补？" in message_text(told)
    await d.expect(WU, "您附议的议题「小区北门路面坑洼需要修补」，社区将发起投票")
    async with h.sessionmaker() as session:
        topic = (await session.exec(select(Topic))).one()
        poll = (await session.exec(select(Poll))).one()
    assert topic.status == TopicStatus.POLLED and topic.answer == poll.question
    # the topics list says what came of it
    [hub] = await d.say(WU, "🗳 近期议事")
    await d.tap(WU, "💡 议题征集", hub["message_id"])
    decided = await d.expect(WU, "最近处理的议题", since=hub["message_id"])
    assert "「小区北门路面坑洼需要修补」已发起投票：北门路面用哪种方式修补？" in message_text(
        decided
    )
    assert await d.errors() == []
