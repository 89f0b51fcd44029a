"""Every consultation form started while another one is half filled in asks first, the way
✍️ 代投 does since 8b13b98: '您还有「新建投票」没有填完。现在开始新建议事会的话，它填到一半的
内容不会保存。' with '↩️ 继续填写「新建投票」' (the form stays where it was) and '✍️ 不填了，
开始新建议事会'. Before, ➕ 新建投票, ➕ 新建议事会, ✍️ 提议题, 💬 答复, ➕ 新建议事会（列入此
议题）, the meeting's 修改/延期/取消/纪要 and 🔢 输入签到码 dropped what had been typed without a
word. A form at its first question has nothing to lose and is left without asking."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlmodel import select

from models.consultations import Topic
from sandbox.driver import Driver, message_text
from tests.consult.published import published_meeting
from tests.consult.test_e2e_qa_polls import STAFF, ZHOU, labels_of
from tests.consult.test_e2e_topic_staff_card import _propose
from tests.e2e.conftest import Harness
from tests.support import reply_to


async def _answer(d: Driver, user: int, text: str, contains: str) -> dict[str, Any]:
    """Send `text`; the bot's reply containing `contains` (a notice may come in between)."""
    sent = await d.send(user, text)
    return await d.expect(user, contains, since=sent["message_id"])


async def _half_poll(d: Driver) -> dict[str, Any]:
    """李社工 starts a new poll and types its question: the form waits for the options."""
    menu = await reply_to(d, STAFF, "🏛 议事管理", "选择要做的事")
    assert "➕ 新建投票" in labels_of(menu)
    await d.tap(STAFF, "➕ 新建投票", menu["message_id"])
    await d.expect(STAFF, "请输入投票问题", since=menu["message_id"])
    return await _answer(d, STAFF, "小区门口要不要装减速带？", "请输入选项")


async def _asked(d: Driver, user: int, data: str, since: dict[str, Any]) -> dict[str, Any]:
    """Tap a starter's button (by its data) on `since`; the question that comes back."""
    await d.click(user, since["message_id"], data=data)
    return await d.expect(user, "没有填完", since=since["message_id"])


async def test_staff_form_starters_ask_first(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    meeting = await published_meeting(h)
    await _propose(d, "小区东门路灯太暗", "晚上太黑")
    await d.expect(STAFF, "新议题")
    async with h.sessionmaker() as session:
        topic = (await session.exec(select(Topic))).one()
    asked = await _half_poll(d)
    starters = {
        "chb:new_poll": "新建投票",
        "chb:new_meeting": "新建议事会",
        f"ctp:new_meeting:{topic.id}:0": "新建议事会",
        f"ctp:answer:{topic.id}:0": "答复议题",
        f"cmt:edit_field:{meeting.id}:0": "修改议事会",
        f"cmt:postpone:{meeting.id}:0": "推迟议事会",
        f"cmt:cancel:{meeting.id}:0": "取消议事会",
    }
    last = asked
    for data, new in starters.items():
        busy = await _asked(d, STAFF, data, last)
        text = message_text(busy)
        assert f"您还有「新建投票」没有填完。现在开始{new}的话" in text, data
        assert labels_of(busy) == ["↩️ 继续填写「新建投票」", f"✍️ 不填了，开始{new}"], data
        await d.tap(STAFF, "继续填写", busy["message_id"])
        last = await d.expect(STAFF, "请接着填写「新建投票」", since=busy["message_id"])
    # the form went on where it was, the question kept
    ask = await _answer(d, STAFF, "装\n不装", "单选还是多选")
    # 💬 答复 again, and this time leave the poll: the answer is asked and taken
    busy = await _asked(d, STAFF, f"ctp:answer:{topic.id}:0", ask)
    await d.tap(STAFF, "不填了，开始答复议题", busy["message_id"])
    await d.expect(STAFF, "请输入答复内容", since=busy["message_id"])
    assert labels_of(await d.expect(STAFF, "没有填完", since=ask["message_id"])) == []
    await _answer(d, STAFF, "下周请物业检修路灯。", "已答复")


async def test_minutes_ask_first(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    meeting = await published_meeting(h, starts_at=h.clock() + timedelta(days=1))
    h.clock.advance(timedelta(days=1, hours=2))
    asked = await _half_poll(d)
    busy = await _asked(d, STAFF, f"cmt:minutes:{meeting.id}:0", asked)
    assert "现在开始会议纪要的话" in message_text(busy)
    await d.tap(STAFF, "不填了，开始会议纪要", busy["message_id"])
    await d.expect(STAFF, "请输入会议纪要", since=busy["message_id"])
    await _answer(d, STAFF, "到会居民讨论了年度工作。", "请输入决议")


async def test_resident_form_starters_ask_first(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    hub = await reply_to(d, ZHOU, "🗳 近期议事", "近期议事")
    await d.tap(ZHOU, "✍️ 提议题", hub["message_id"])
    title = await d.expect(ZHOU, "想讨论的事", since=hub["message_id"])
    # at the first question nothing is lost: the code step starts at once
    await d.tap(ZHOU, "🔢 输入签到码", hub["message_id"])
    code = await d.expect(ZHOU, "签到码", since=title["message_id"])
    assert "没有填完" not in message_text(code)
    # a title typed: ✍️ 提议题 or 🔢 输入签到码 tapped again asks first
    await d.tap(ZHOU, "✍️ 提议题", hub["message_id"])
    await d.expect(ZHOU, "想讨论的事", since=code["message_id"])
    [detail] = await d.say(ZHOU, "楼道堆物")
    busy = await _asked(d, ZHOU, "chb:propose", detail)
    assert labels_of(busy) == ["↩️ 继续填写「提议题」", "✍️ 不填了，开始提议题"]
    await d.tap(ZHOU, "继续填写", busy["message_id"])
    kept = await d.expect(ZHOU, "请接着填写「提议题」", since=busy["message_id"])
    busy = await _asked(d, ZHOU, "chb:code", kept)
    assert labels_of(busy) == ["↩️ 继续填写「提议题」", "✍️ 不填了，开始输入签到码"]
    await d.tap(ZHOU, "继续填写", busy["message_id"])
    await d.expect(ZHOU, "请接着填写「提议题」", since=busy["message_id"])
    [done] = await d.say(ZHOU, "走廊里的纸箱挡路")
    assert "议题已提交" in message_text(done)


async def test_main_menu_leaving_a_form_says_so(linli_sandbox: Harness) -> None:
    """A main-menu button still leaves a form and does what it says (bot.middlewares.
    MenuResetMiddleware), but one with something entered is named as not kept first. Before,
    📝 我要点单 in the middle of a topic's explanation dropped the title without a word."""
    d = linli_sandbox.driver
    hub = await reply_to(d, ZHOU, "🗳 近期议事", "近期议事")
    await d.tap(ZHOU, "✍️ 提议题", hub["message_id"])
    await d.expect(ZHOU, "想讨论的事", since=hub["message_id"])
    replies = await d.say(ZHOU, "🗳 近期议事")  # at the first question: nothing to say
    assert not any("没有填完" in message_text(m) for m in replies)
    hub = replies[-1]
    await d.tap(ZHOU, "✍️ 提议题", hub["message_id"])
    await d.expect(ZHOU, "想讨论的事", since=hub["message_id"])
    await d.say(ZHOU, "楼道堆物")
    first, *rest = await d.say(ZHOU, "📝 我要点单")
    assert message_text(first) == "ℹ️ 「提议题」还没有填完，已经离开，填到一半的内容没有保存。"
    assert rest  # the order form began as before
    assert not any("议题已提交" in message_text(m) for m in rest)
    # staff: a new poll with its question typed, left for 🏛 议事管理
    await _half_poll(d)
    sent = await d.send(STAFF, "🏛 议事管理")
    left = await d.expect(STAFF, "「新建投票」还没有填完", since=sent["message_id"])
    await d.expect(STAFF, "议事管理", since=left["message_id"])  # the menu, after the word


async def test_old_kind_picker_asks_first(linli_sandbox: Harness) -> None:
    """An older meeting-kind picker tapped in the middle of a new poll: asked, not dropped
    (before, the poll's question went and its data was mixed into the meeting form); leaving
    the poll starts a new meeting of that kind."""
    d = linli_sandbox.driver
    replies = await d.say(STAFF, "🏛 议事管理")
    [menu] = [m for m in replies if "➕ 新建议事会" in labels_of(m)]
    await d.tap(STAFF, "➕ 新建议事会", menu["message_id"])
    picker = await d.expect(STAFF, "请选择会议类型", since=menu["message_id"])
    asked = await _half_poll(d)  # the picker's form had nothing entered: no question
    await d.tap(STAFF, "居民议事会", picker["message_id"])
    busy = await d.expect(STAFF, "没有填完", since=asked["message_id"])
    assert labels_of(busy) == ["↩️ 继续填写「新建投票」", "✍️ 不填了，开始新建议事会"]
    await d.tap(STAFF, "继续填写", busy["message_id"])
    kept = await d.expect(STAFF, "请接着填写「新建投票」", since=busy["message_id"])
    await _answer(d, STAFF, "装\n不装", "单选还是多选")
    await d.tap(STAFF, "居民议事会", picker["message_id"])
    busy = await d.expect(STAFF, "没有填完", since=kept["message_id"])
    await d.tap(STAFF, "不填了，开始新建议事会", busy["message_id"])
    await d.expect(STAFF, "请输入会议标题", since=busy["message_id"])
    await _answer(d, STAFF, "十二月居民议事会", "议程")
