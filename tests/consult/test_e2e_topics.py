"""Topic collection through the sandbox: a resident proposes, a neighbour backs, staff answer,
and everyone sees what came of topics decided lately."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sandbox.driver import message_text
from tests.consult.test_e2e_qa_polls import current
from tests.e2e.conftest import Harness
from tests.support import reply_to

STAFF = 2001  # 李社工, 阳光社区
ZHOU = 4001  # 周阿姨
WU = 4002  # 吴大爷
HUANG = 4005  # 黄奶奶


async def test_propose_back_and_answer(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    [hub] = await d.say(ZHOU, "🗳 近期议事")
    await d.tap(ZHOU, "✍️ 提议题", hub["message_id"])
    await d.expect(ZHOU, "想讨论的事")
    await d.say(ZHOU, "小区东门路灯太暗")
    [done] = await d.say(ZHOU, "跳过")
    assert "议题已提交：小区东门路灯太暗" in message_text(done)
    # staff hear of the new topic at once
    notice = await d.expect(STAFF, "新议题")
    assert "小区东门路灯太暗" in message_text(notice)
    # a neighbour backs it once: the message shows the new count; a second backing is refused
    hub = await reply_to(d, WU, "🗳 近期议事", "近期议事")
    await d.tap(WU, "💡 议题征集", hub["message_id"])
    item = await d.expect(WU, "小区东门路灯太暗", since=hub["message_id"])
    assert "0 人附议" in message_text(item)
    [back] = [
        b["callback_data"]
        for row in item["reply_markup"]["inline_keyboard"]
        for b in row
        if "附议" in b["text"]
    ]
    answer = await d.tap(WU, "👍 附议", item["message_id"])
    assert "现在有 1 人附议" in str(answer)
    [now] = [m for m in await d.messages(WU) if m["message_id"] == item["message_id"]]
    assert "1 人附议" in message_text(now) and "0 人附议" not in message_text(now)
    answer = await d.click(WU, item["message_id"], data=back)
    assert "只能附议一次" in str(answer)
    # staff answer it; the proposer is told
    menu = await reply_to(d, STAFF, "🏛 议事管理", "选择要做的事")
    await d.tap(STAFF, "💡 处理议题", menu["message_id"])
    item = await d.expect(STAFF, "1 人附议", since=menu["message_id"])
    await d.tap(STAFF, "💬 答复", item["message_id"])
    await d.expect(STAFF, "请输入答复内容", since=item["message_id"])
    ok = await reply_to(d, STAFF, "已报物业，本周内更换灯泡。", "已答复")
    assert "已答复" in message_text(ok)
    told = await d.expect(ZHOU, "有答复")
    assert "本周内更换灯泡" in message_text(told)
    # the neighbour who backed it is told too
    told = await d.expect(WU, "您附议的议题")
    assert "本周内更换灯泡" in message_text(told)
    # anyone opening the list sees what came of it, also after nothing is open any more
    hub = await reply_to(d, HUANG, "🗳 近期议事", "近期议事")
    await d.tap(HUANG, "💡 议题征集", hub["message_id"])
    await d.expect(HUANG, "现在还没有议题", since=hub["message_id"])
    decided = message_text(await d.expect(HUANG, "最近处理的议题", since=hub["message_id"]))
    assert "「小区东门路灯太暗」已答复：已报物业，本周内更换灯泡。" in decided


async def test_decided_list_escapes_and_shortens_answers(linli_sandbox: Harness) -> None:
    """Titles and answers are people's text: shown as typed (not as markup); a long answer is
    cut in the list (the proposer and backers got it whole); a month later it is gone."""
    h = linli_sandbox
    d = h.driver
    [hub] = await d.say(ZHOU, "🗳 近期议事")
    await d.tap(ZHOU, "✍️ 提议题", hub["message_id"])
    await d.expect(ZHOU, "想讨论的事")
    await d.say(ZHOU, "停车<b>太乱</b> & 没人管")
    await d.say(ZHOU, "跳过")
    await d.expect(STAFF, "新议题")
    menu = await reply_to(d, STAFF, "🏛 议事管理", "选择要做的事")
    await d.tap(STAFF, "💡 处理议题", menu["message_id"])
    item = await d.expect(STAFF, "停车", since=menu["message_id"])
    await d.tap(STAFF, "💬 答复", item["message_id"])
    await d.expect(STAFF, "请输入答复内容", since=item["message_id"])
    await d.say(STAFF, "已联系物业。" + "夜间巡查消防通道，" * 60)
    hub = await reply_to(d, WU, "🗳 近期议事", "近期议事")
    await d.tap(WU, "💡 议题征集", hub["message_id"])
    decided = message_text(await d.expect(WU, "最近处理的议题", since=hub["message_id"]))
    assert "「停车<b>太乱</b> & 没人管」已答复：已联系物业。" in decided
    assert decided.endswith("…") and len(decided) < 300
    h.clock.advance(timedelta(days=31))
    hub = await reply_to(d, WU, "🗳 近期议事", "近期议事")
    await d.tap(WU, "💡 议题征集", hub["message_id"])
    await d.expect(WU, "现在还没有议题", since=hub["message_id"])
    assert not [
        m
        for m in await d.messages(WU, since=hub["message_id"])
        if "最近处理的议题" in message_text(m)
    ]


async def test_a_topic_with_no_meeting_coming_up_starts_one(linli_sandbox: Harness) -> None:
    """议题 → 议事会: with no meeting coming up, staff create one from the topic, and the topic
    is on its agenda when the draft is saved; its proposer is told which meeting."""
    h = linli_sandbox
    d = h.driver
    [hub] = await d.say(ZHOU, "🗳 近期议事")
    await d.tap(ZHOU, "✍️ 提议题", hub["message_id"])
    await d.expect(ZHOU, "想讨论的事")
    await d.say(ZHOU, "电动车充电桩不够用")
    await d.say(ZHOU, "跳过")
    await d.expect(STAFF, "新议题")
    menu = await reply_to(d, STAFF, "🏛 议事管理", "选择要做的事")
    await d.tap(STAFF, "💡 处理议题", menu["message_id"])
    item = await d.expect(STAFF, "电动车充电桩不够用", since=menu["message_id"])
    await d.tap(STAFF, "✅ 列入议程", item["message_id"])
    offer = await d.expect(STAFF, "近期没有可以列入的议事会", since=item["message_id"])
    await d.tap(STAFF, "新建议事会（列入此议题）", offer["message_id"])
    kind = await d.expect(STAFF, "会列入它的议程", since=offer["message_id"])
    assert "议题「电动车充电桩不够用」" in message_text(kind)
    await d.tap(STAFF, "居民议事会", kind["message_id"])
    await d.expect(STAFF, "会议标题", since=kind["message_id"])
    await d.say(STAFF, "十二月居民议事会")
    await d.say(STAFF, "年度工作回顾")
    await d.say(STAFF, "2026-11-25 19:30")
    await d.tap(STAFF, "90 分钟")
    await d.expect(STAFF, "开会地点")
    await d.say(STAFF, "社区会议室")
    await d.tap(STAFF, "全社区")
    await d.expect(STAFF, "最多多少人")
    [skip, *_] = await d.say(STAFF, "50")
    since = skip["message_id"] - 1
    saved = await d.expect(STAFF, "草稿已保存", since=since)
    assert "已列入议程，已告诉提议人" in message_text(saved)
    preview = await d.expect(STAFF, "预览", since=since)
    assert "1. 年度工作回顾" in message_text(preview)
    assert "2. 电动车充电桩不够用" in message_text(preview)
    told = message_text(await d.expect(ZHOU, "已列入议事会"))
    assert "十二月居民议事会" in told


def _labels(message: dict[str, Any]) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [b["text"] for row in markup.get("inline_keyboard", []) for b in row]


async def test_a_backing_can_be_taken_back_while_open(linli_sandbox: Harness) -> None:
    """吴大爷 backs a topic, then takes it back with 「↩️ 取消附议」 (the button 附议 turned
    into): the count drops everywhere it is shown (his message, the list he and staff open
    again), and he can back it again. Once staff answered it, the tap is told it can no longer
    change. Before, a backing could not be taken back at all."""
    d = linli_sandbox.driver
    [hub] = await d.say(ZHOU, "🗳 近期议事")
    await d.tap(ZHOU, "✍️ 提议题", hub["message_id"])
    await d.expect(ZHOU, "想讨论的事")
    await d.say(ZHOU, "楼道堆放杂物")
    await d.say(ZHOU, "跳过")
    await d.expect(STAFF, "新议题")
    hub = await reply_to(d, WU, "🗳 近期议事", "近期议事")
    await d.tap(WU, "💡 议题征集", hub["message_id"])
    item = await d.expect(WU, "楼道堆放杂物", since=hub["message_id"])
    answer = await d.tap(WU, "👍 附议", item["message_id"])
    assert "现在有 1 人附议" in str(answer) and "取消附议" in str(answer)
    backed = await current(d, WU, item["message_id"])
    assert "1 人附议" in message_text(backed) and _labels(backed) == ["↩️ 取消附议"]
    unback = backed["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    # a neighbour opening the list now reads 1
    hub = await reply_to(d, HUANG, "🗳 近期议事", "近期议事")
    await d.tap(HUANG, "💡 议题征集", hub["message_id"])
    assert "1 人附议" in message_text(
        await d.expect(HUANG, "楼道堆放杂物", since=hub["message_id"])
    )
    # taken back: 0, and 附议 again
    answer = await d.tap(WU, "↩️ 取消附议", item["message_id"])
    assert "已取消附议，现在有 0 人附议" in str(answer)
    back = await current(d, WU, item["message_id"])
    assert "0 人附议" in message_text(back) and _labels(back) == ["👍 附议"]
    # a second tap of the old button (a double tap) changes nothing and says so
    answer = await d.click(WU, item["message_id"], data=unback)
    assert "没有附议这个议题" in str(answer)
    # staff read 0 too
    menu = await reply_to(d, STAFF, "🏛 议事管理", "选择要做的事")
    await d.tap(STAFF, "💡 处理议题", menu["message_id"])
    staff_item = await d.expect(STAFF, "楼道堆放杂物", since=menu["message_id"])
    assert "0 人附议" in message_text(staff_item)
    # backed again; the list he opens again offers to take it back
    await d.tap(WU, "👍 附议", item["message_id"])
    hub = await reply_to(d, WU, "🗳 近期议事", "近期议事")
    await d.tap(WU, "💡 议题征集", hub["message_id"])
    again = await d.expect(WU, "楼道堆放杂物", since=hub["message_id"])
    assert "1 人附议" in message_text(again) and _labels(again) == ["↩️ 取消附议"]
    # staff answer it: taking it back now is refused politely, and the item shows the outcome
    await d.tap(STAFF, "💬 答复", staff_item["message_id"])
    await d.expect(STAFF, "请输入答复内容", since=staff_item["message_id"])
    await reply_to(d, STAFF, "物业本周清理。", "已答复")
    answer = await d.tap(WU, "↩️ 取消附议", again["message_id"])
    assert "附议不能再更改" in str(answer)
    closed = await current(d, WU, again["message_id"])
    assert "已答复" in message_text(closed) and "1 人附议" in message_text(closed)
    assert not _labels(closed)
