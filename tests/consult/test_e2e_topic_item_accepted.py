"""A topic's message in staff's list that ✅ 列入议程 was tapped on reads as accepted once a
meeting is chosen, without 列入议程 / 答复 (the question which meeting replies to it). Before,
it went on reading 征集中 with its buttons until one was tapped again. The meetings offered
read their times in the house format."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.consult.test_e2e_qa_polls import STAFF, ZHOU, current, labels_of
from tests.consult.test_e2e_topic_next_step import _meeting
from tests.e2e.conftest import Harness
from tests.support import reply_to


async def test_topic_item_reads_accepted(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _meeting(h, publish=False)
    hub = await reply_to(d, ZHOU, "🗳 近期议事", "近期议事")
    await d.tap(ZHOU, "✍️ 提议题", hub["message_id"])
    await d.expect(ZHOU, "想讨论的事")
    await d.say(ZHOU, "小区东门路灯太暗")
    await d.say(ZHOU, "跳过")
    await d.expect(STAFF, "新议题")
    replies = await d.say(STAFF, "🏛 议事管理")
    [menu] = [m for m in replies if "💡 处理议题" in labels_of(m)]
    await d.tap(STAFF, "💡 处理议题", menu["message_id"])
    item = await d.expect(STAFF, "小区东门路灯太暗", since=menu["message_id"])
    assert "征集中" in message_text(item)
    await d.tap(STAFF, "✅ 列入议程", item["message_id"])
    choose = await d.expect(STAFF, "列入哪个议事会", since=item["message_id"])
    # the meeting's time as everywhere else ("11月26日（周四）19:30"), not "11-26 19:30"
    assert "11月26日（周四）19:30 十二月居民议事会" in labels_of(choose)
    await d.tap(STAFF, "十二月居民议事会", choose["message_id"])
    await d.expect(STAFF, "已列入议程", since=choose["message_id"] - 1)
    shown = await current(d, STAFF, item["message_id"])
    assert "征集中" not in message_text(shown)
    assert "已列入议程" in message_text(shown)
    assert not labels_of(shown)
