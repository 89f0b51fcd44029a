"""Consultation buttons that led nowhere or lost what they were for: the open polls' list
(reached by no button: 近期议事 lists every running poll itself), and a topic's meeting-kind
picker tapped again to start over, whose meeting lost the topic."""

from __future__ import annotations

from typing import Any

from sqlmodel import select

from models import Role, User
from models.consultations import AgendaItem, Meeting, RsvpAnswer, Topic, TopicStatus
from sandbox.driver import Driver, message_text
from scheduler.service import SchedulerService
from services import meetings
from services.consult_common import Notifier
from tests.consult.published import published_meeting
from tests.consult.test_e2e_meeting_redrawn import _redrawn
from tests.consult.test_e2e_qa_polls import ZHOU, labels_of, make_poll
from tests.consult.test_e2e_topic_staff_card import _propose
from tests.e2e.conftest import Harness
from tests.support import reply_to

STAFF = 2001  # 李社工, 阳光社区


async def test_running_polls_are_in_the_hub_and_no_dead_list(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await make_poll(h)
    await make_poll(h, question="垃圾分类点放在哪里？", options=["东门", "西门"])
    hub = await reply_to(d, ZHOU, "🗳 近期议事", "近期议事")
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
    menu = await reply_to(d, STAFF, "🏛 议事管理", "选择要做的事")
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


async def _now(d: Driver, chat: int, message_id: int) -> dict[str, Any]:
    """The message as it stands now."""
    [msg] = [m for m in await d.messages(chat, message_id - 1) if m["message_id"] == message_id]
    return msg


async def _settled(d: Driver, message: dict[str, Any], answer: str) -> None:
    """The form's question shows its answer and has no buttons left."""
    now = await _now(d, STAFF, message["message_id"])
    assert labels_of(now) == [], message_text(now)
    # a label that carries its own mark ('✅ 是', '❌ 否') is shown as it is, not '✅ ✅ 是'
    shown = answer if answer.startswith(("✅", "❌")) else f"✅ {answer}"
    assert message_text(now).endswith("\n" + shown), message_text(now)


async def test_meeting_form_questions_lose_their_buttons_once_answered(
    linli_sandbox: Harness,
) -> None:
    """Each button question of ➕ 新建议事会 shows its answer without buttons once answered
    (by a tap or typed), and the preview's 发布/取消 go once it is published. Before, every one
    kept its buttons, and a tap after the form moved on or ended got '这个按钮已经失效了'."""
    d = linli_sandbox.driver
    menu = await reply_to(d, STAFF, "🏛 议事管理", "选择要做的事")
    await d.tap(STAFF, "➕ 新建议事会", menu["message_id"])
    picker = await d.expect(STAFF, "请选择会议类型", since=menu["message_id"])
    await d.tap(STAFF, "居民议事会", picker["message_id"])
    await d.expect(STAFF, "会议标题", since=picker["message_id"])
    await _answer(d, "十二月居民议事会", "议程")
    await _answer(d, "年度工作回顾", "开会时间")
    first = await _answer(d, "2026-11-25 19:30", "多长时间")
    # a time typed again: the first duration question goes, the new one asks
    duration = await _answer(d, "2026-11-26 19:30", "多长时间")
    assert labels_of(await _now(d, STAFF, first["message_id"])) == []
    await d.tap(STAFF, "90 分钟", duration["message_id"])
    place = await d.expect(STAFF, "开会地点", since=duration["message_id"])
    await _settled(d, duration, "90 分钟")
    kinds = await _answer(d, "社区会议室", "面向哪些人")
    await d.tap(STAFF, "指定网格", kinds["message_id"])
    grids = await d.expect(STAFF, "可多选", since=kinds["message_id"])
    # switched to buildings: the grid list goes, the building list asks
    await d.tap(STAFF, "指定楼栋", kinds["message_id"])
    buildings = await d.expect(STAFF, "可多选", since=grids["message_id"])
    assert labels_of(await _now(d, STAFF, grids["message_id"])) == []
    await d.tap(STAFF, "1号楼", buildings["message_id"])
    await d.tap(STAFF, "2号楼", buildings["message_id"])
    await d.tap(STAFF, "完成", buildings["message_id"])
    capacity = await d.expect(STAFF, "最多多少人", since=buildings["message_id"])
    await _settled(d, buildings, "1号楼、2号楼")
    await _settled(d, kinds, "指定楼栋")
    sent = await d.send(STAFF, "30")
    preview = await d.expect(STAFF, "预览", since=sent["message_id"])
    assert labels_of(await _now(d, STAFF, capacity["message_id"])) == []
    assert labels_of(await _now(d, STAFF, place["message_id"])) == []
    await d.tap(STAFF, "发布", preview["message_id"])
    await d.expect(STAFF, "已发布", since=preview["message_id"])
    assert labels_of(await _now(d, STAFF, preview["message_id"])) == []


async def test_poll_form_questions_lose_their_buttons_once_answered(
    linli_sandbox: Harness,
) -> None:
    d = linli_sandbox.driver
    menu = await reply_to(d, STAFF, "🏛 议事管理", "选择要做的事")
    await d.tap(STAFF, "➕ 新建投票", menu["message_id"])
    await d.expect(STAFF, "投票问题", since=menu["message_id"])
    await _answer(d, "明年优先办哪些事？", "选项")
    choice = await _answer(d, "修路灯\n加装电梯", "单选还是多选")
    await d.tap(STAFF, "单选", choice["message_id"])
    kinds = await d.expect(STAFF, "面向哪些人", since=choice["message_id"])
    await _settled(d, choice, "单选")
    await d.tap(STAFF, "全社区", kinds["message_id"])
    eligible = await d.expect(STAFF, "谁可以投票", since=kinds["message_id"])
    await _settled(d, kinds, "全社区")
    await d.tap(STAFF, "已登记住址的居民", eligible["message_id"])
    household = await d.expect(STAFF, "一户一票", since=eligible["message_id"])
    await _settled(d, eligible, "已登记住址的居民")
    await d.tap(STAFF, "是", household["message_id"])
    await d.expect(STAFF, "截止时间", since=household["message_id"])
    await _settled(d, household, "✅ 是")
    anonymous = await _answer(d, "2026-11-30 20:00", "匿名还是实名")
    await d.tap(STAFF, "实名", anonymous["message_id"])
    live = await d.expect(STAFF, "什么时候公开", since=anonymous["message_id"])
    await _settled(d, anonymous, "实名")
    await d.tap(STAFF, "截止后公开", live["message_id"])
    await d.expect(STAFF, "参与比例", since=live["message_id"])
    await _settled(d, live, "截止后公开")


async def test_a_decided_topic_loses_its_buttons(linli_sandbox: Harness) -> None:
    """列入议程 through the question which meeting: the question becomes the confirmation; the
    topic's message in the list reads '已列入议程' without its buttons at once, and an older tap
    of them is refused ('这个议题已经处理过了'). 💬 答复: the topic's message reads '已答复' once
    answered."""
    h = linli_sandbox
    d = h.driver
    await published_meeting(h)
    await _propose(d, "小区东门路灯太暗", "晚上太黑")
    await _propose(d, "楼道堆物", "跳过")
    await d.expect(STAFF, "楼道堆物")
    menu = await reply_to(d, STAFF, "🏛 议事管理", "选择要做的事")
    await d.tap(STAFF, "💡 处理议题", menu["message_id"])
    lamp = await d.expect(STAFF, "小区东门路灯太暗（", since=menu["message_id"])
    boxes = await d.expect(STAFF, "楼道堆物（", since=menu["message_id"])
    [answer] = [
        str(b["callback_data"])
        for row in lamp["reply_markup"]["inline_keyboard"]
        for b in row
        if "答复" in str(b["text"])
    ]
    await d.tap(STAFF, "✅ 列入议程", lamp["message_id"])
    which = await d.expect(STAFF, "列入哪个议事会", since=boxes["message_id"])
    # its answer read, however long a busy machine takes (3 s was too short under CI load)
    tapped = await d.tap(STAFF, "十二月居民议事会", which["message_id"], timeout=30)
    assert tapped["answer"] is not None
    which = await _now(d, STAFF, which["message_id"])
    assert "已列入议程，已告诉提议人" in message_text(which) and labels_of(which) == []
    # the topic's message the question replied to reads so at once; an older tap is refused
    lamp = await _now(d, STAFF, lamp["message_id"])
    assert "已列入议程" in message_text(lamp) and labels_of(lamp) == []
    tapped = await d.click(STAFF, lamp["message_id"], data=answer)
    assert "已经处理过了" in str(tapped["answer"])
    # 💬 答复 on the other: once answered, its message reads so
    await d.tap(STAFF, "💬 答复", boxes["message_id"])
    await d.expect(STAFF, "请输入答复内容", since=which["message_id"])
    await _answer(d, "已通知物业本周清理。", "已答复")
    boxes = await _now(d, STAFF, boxes["message_id"])
    assert "已答复" in message_text(boxes) and labels_of(boxes) == []


async def _staff_card(d: Driver) -> dict[str, Any]:
    """李社工 opens the meeting's card from 📋 议事会列表."""
    menu = await reply_to(d, STAFF, "🏛 议事管理", "选择要做的事")
    await d.tap(STAFF, "议事会列表", menu["message_id"])
    listed = await d.expect(STAFF, "近期议事会", since=menu["message_id"])
    await d.tap(STAFF, "十二月居民议事会", listed["message_id"])
    return await d.expect(STAFF, "签到码", since=listed["message_id"])


async def test_a_cancelled_meetings_card_loses_its_tools(linli_sandbox: Harness) -> None:
    """取消会议 on the staff card: once cancelled the card reads '已取消' without 修改 / 延期 /
    纪要 / 取消; an older card of the same meeting is redrawn so too, and its 修改, tapped as it
    offered it before, is told and changes nothing."""
    h = linli_sandbox
    d = h.driver
    meeting = await published_meeting(h)
    older = await _staff_card(d)
    card = await _staff_card(d)
    await d.tap(STAFF, "取消会议", card["message_id"])
    await d.expect(STAFF, "原因", since=card["message_id"])
    await _answer(d, "场地冲突", "会议已取消")
    card = await _now(d, STAFF, card["message_id"])
    assert "已取消" in message_text(card) and labels_of(card) == [], message_text(card)
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    await service.drain()
    older = await _now(d, STAFF, older["message_id"])
    assert "已取消" in message_text(older) and labels_of(older) == []
    tapped = await d.click(STAFF, older["message_id"], data=f"cmt:edit:{meeting.id}:0")
    assert "取消" in str(tapped["answer"])
    assert await _now(d, STAFF, older["message_id"]) == older


async def test_an_ended_polls_card_shows_what_is_left(linli_sandbox: Harness) -> None:
    """立即结束 through the confirmation: the poll's card shows the poll as ended, with only
    查看结果 and 导出 left; an older tap of its 代投 is told it is not open."""
    h = linli_sandbox
    d = h.driver
    poll_id = await make_poll(h)
    menu = await reply_to(d, STAFF, "🏛 议事管理", "选择要做的事")
    await d.tap(STAFF, "投票列表", menu["message_id"])
    listed = await d.expect(STAFF, "投票列表", since=menu["message_id"])
    await d.tap(STAFF, "明年优先办哪些事", listed["message_id"])
    card = await d.expect(STAFF, "状态：", since=listed["message_id"])
    await d.tap(STAFF, "立即结束", card["message_id"])
    ask = await d.expect(STAFF, "确定现在就结束", since=card["message_id"])
    await d.tap(STAFF, "确认立即结束", ask["message_id"])
    await d.expect(STAFF, "投票已结束", since=ask["message_id"])
    shown = await _now(d, STAFF, card["message_id"])
    assert labels_of(shown) == ["📊 查看结果", "📥 导出 Excel"]  # at once (before: 代投 …)
    tapped = await d.click(STAFF, card["message_id"], data=f"cpl:proxy:{poll_id}:0")
    assert "不在进行中" in str(tapped["answer"])
    card = await _now(d, STAFF, card["message_id"])
    assert "已结束" in message_text(card), message_text(card)
    assert labels_of(card) == ["📊 查看结果", "📥 导出 Excel"]


async def test_a_cancelled_meetings_announcement_loses_its_rsvp(linli_sandbox: Harness) -> None:
    """The announcement of a meeting cancelled since is redrawn: it says so and loses 去 /
    不确定 / 不去, which can no longer be answered; a 去 tapped on it before the redraw reached
    the phone is told it was cancelled (as before)."""
    h = linli_sandbox
    d = h.driver
    meeting = await published_meeting(h)
    announcement = await d.expect(ZHOU, "议事会通知")
    assert labels_of(announcement) == ["去", "不确定", "不去", "❓ 问组织者"]
    async with h.sessionmaker() as session:
        staff = await session.get(User, STAFF)
        assert staff is not None
        await meetings.cancel_meeting(
            session,
            user=staff,
            roles=frozenset({Role.RESIDENT, Role.STAFF}),
            meeting_id=meeting.id or 0,
            reason="场地冲突",
            now=h.clock(),
            notifier=Notifier(texts=h.sandbox.app.translator, now=h.clock()),
        )
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    await service.drain()
    text, labels = await _redrawn(d, ZHOU, announcement["message_id"], "已取消")
    assert "这次议事会已取消。原因：场地冲突" in text
    assert labels == []
    tapped = await d.click(
        ZHOU, announcement["message_id"], data=f"crv:{meeting.id}:{RsvpAnswer.YES}"
    )
    assert "取消" in str(tapped["answer"])
    assert labels_of(await _now(d, ZHOU, announcement["message_id"])) == []
