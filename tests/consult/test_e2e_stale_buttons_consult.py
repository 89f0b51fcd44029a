"""Consultation buttons that led nowhere or lost what they were for: the open polls' list
(reached by no button: 近期议事 lists every running poll itself), and a topic's meeting-kind
picker tapped again to start over, whose meeting lost the topic."""

from __future__ import annotations

from typing import Any

from sqlmodel import select

from models.consultations import AgendaItem, Meeting, Topic, TopicStatus
from sandbox.driver import Driver, message_text
from tests.consult.test_e2e_qa_polls import ZHOU, labels_of, make_poll
from tests.consult.test_e2e_topic_staff_card import _propose
from tests.e2e.conftest import Harness

STAFF = 2001  # 李社工, 阳光社区


async def test_running_polls_are_in_the_hub_and_no_dead_list(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await make_poll(h)
    await make_poll(h, question="垃圾分类点放在哪里？", options=["东门", "西门"])
    [hub] = await d.say(ZHOU, "🗳 近期议事")
    polls = [label for label in labels_of(hub) if label.startswith("🗳")]
    assert polls == ["🗳 明年优先办哪些事？", "🗳 垃圾分类点放在哪里？"]
    # one tap from the hub: the ballot
    await d.tap(ZHOU, "垃圾分类点放在哪里", hub["message_id"])
    ballot = await d.expect(ZHOU, "截止：", since=hub["message_id"])
    assert "东门" in labels_of(ballot)
    # the separate list no button led to is gone: an old or forged tap is told so
    mark = (await d.messages(ZHOU))[-1]["message_id"]
    tapped = await d.click(ZHOU, hub["message_id"], data="chb:polls")
    assert "失效" in str(tapped["answer"])
    assert not [m for m in await d.messages(ZHOU, mark) if "进行中的投票" in message_text(m)]


async def _answer(d: Driver, text: str, contains: str) -> dict[str, Any]:
    sent = await d.send(STAFF, text)
    return await d.expect(STAFF, contains, since=sent["message_id"])


async def test_topic_picker_started_over_keeps_the_topic(linli_sandbox: Harness) -> None:
    """李社工 starts a meeting from a topic, types its title and agenda, then starts over from
    the topic's kind picker (another kind): the meeting saved is still linked to the topic.
    Before, starting over made a meeting without it and the topic stayed open."""
    h = linli_sandbox
    d = h.driver
    await _propose(d, "电动车充电桩不够用", "跳过")
    await d.expect(STAFF, "新议题")
    [menu] = await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "💡 处理议题", menu["message_id"])
    item = await d.expect(STAFF, "电动车充电桩不够用", since=menu["message_id"])
    await d.tap(STAFF, "✅ 列入议程", item["message_id"])
    offer = await d.expect(STAFF, "近期没有可以列入的议事会", since=item["message_id"])
    await d.tap(STAFF, "新建议事会（列入此议题）", offer["message_id"])
    picker = await d.expect(STAFF, "会列入它的议程", since=offer["message_id"])
    await d.tap(STAFF, "居民议事会", picker["message_id"])
    await d.expect(STAFF, "会议标题", since=picker["message_id"])
    await _answer(d, "十二月居民议事会", "议程")
    asked = await _answer(d, "年度工作回顾", "开会时间")
    # start over from the same picker, another kind: asked first, then the topic's meeting again
    await d.tap(STAFF, "党群议事会", picker["message_id"])
    busy = await d.expect(STAFF, "没有填完", since=asked["message_id"])
    await d.tap(STAFF, "不填了", busy["message_id"])
    await d.expect(STAFF, "会议标题", since=busy["message_id"])
    await _answer(d, "充电桩议事会", "议程")
    await _answer(d, "充电桩选址", "开会时间")
    await _answer(d, "2026-11-25 19:30", "多长时间")
    await d.tap(STAFF, "90 分钟")
    await d.expect(STAFF, "开会地点")
    await d.say(STAFF, "社区会议室")
    await d.tap(STAFF, "全社区")
    await d.expect(STAFF, "最多多少人")
    sent = await d.send(STAFF, "50")
    saved = await d.expect(STAFF, "草稿已保存", since=sent["message_id"])
    assert "已列入议程，已告诉提议人" in message_text(saved)
    preview = await d.expect(STAFF, "预览", since=sent["message_id"])
    assert "2. 电动车充电桩不够用" in message_text(preview)
    await d.expect(ZHOU, "已列入议事会")
    async with h.sessionmaker() as session:
        [meeting] = (await session.exec(select(Meeting))).all()
        topic = (await session.exec(select(Topic))).one()
        agenda = (await session.exec(select(AgendaItem))).all()
    assert meeting.title == "充电桩议事会" and meeting.kind == "party_masses"
    assert topic.status == TopicStatus.ACCEPTED and topic.meeting_id == meeting.id
    assert any(a.topic_id == topic.id for a in agenda)
