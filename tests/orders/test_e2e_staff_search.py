"""Staff find a request by what a resident who phones can tell them: their name or phone, the
room, the building, words of the matter — `/find words`, or 🔎 查找诉求 under 📋 待办诉求; only
within the staff member's scope, newest first, each one tap from its card."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import STAFF, WU, ZHENG, ZHOU, _file

GRID_WORKER = 2002  # 张网格员: 第一网格 (1–3号楼)
OTHER_STAFF = 2003  # 陈社工, 和谐社区


def _buttons(message: dict[str, Any]) -> list[str]:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
    return [b["text"] for row in rows for b in row]


async def test_staff_find_a_request_by_what_a_caller_knows(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    leak = await _file(h, ZHOU, "厨房水管漏水，地上都是水")
    lamp = await _file(h, WU, "楼道灯坏了，晚上很黑")
    far = await _file(h, ZHENG, "5号楼门口有积水，也像是漏水")
    # by words of the matter: both leaks, the newest first, each with its card's button
    sent = await d.send(STAFF, "/find 漏水")
    found = await d.expect(STAFF, "查找「漏水」", since=sent["message_id"])
    text = message_text(found)
    assert "共 2 件" in text and text.index(far) < text.index(leak) and lamp not in text
    assert _buttons(found) == [f"查看 {far}", f"查看 {leak}", "🔎 重新查找"]
    # by the resident's phone, by the room, by the resident's name
    for words, number in (("13900000001", leak), ("502", lamp), ("吴大爷", lamp)):
        sent = await d.send(STAFF, f"/find {words}")
        got = await d.expect(STAFF, f"查找「{words}」", since=sent["message_id"])
        assert number in message_text(got) and "共 1 件" in message_text(got), words
    # from the queue: 🔎 查找诉求 asks, the words typed find it, its button opens the card
    [queue] = await d.say(STAFF, "📋 待办诉求")
    await d.tap(STAFF, "🔎 查找诉求", queue["message_id"])
    await d.expect(STAFF, "要找哪件诉求", since=queue["message_id"])
    sent = await d.send(STAFF, "楼道灯")
    got = await d.expect(STAFF, "查找「楼道灯」", since=sent["message_id"])
    await d.tap(STAFF, lamp, got["message_id"])
    await d.expect(STAFF, f"诉求 {lamp} · 待受理", since=got["message_id"])
    # words as a caller says them: each is looked for, not the phrase ('楼道的灯' finds
    # '楼道灯坏了'), and a name with a word narrows it to that person's matter
    for words, number, other in (("楼道的灯", lamp, leak), ("吴大爷 晚上", lamp, far)):
        sent = await d.send(STAFF, f"/find {words}")
        got = await d.expect(STAFF, f"查找「{words}」", since=sent["message_id"])
        assert number in message_text(got) and other not in message_text(got), words
    # a grid worker finds only their grid's (5号楼 is 第二网格); another community's staff none
    sent = await d.send(GRID_WORKER, "/find 漏水")
    mine = await d.expect(GRID_WORKER, "查找「漏水」", since=sent["message_id"])
    assert leak in message_text(mine) and far not in message_text(mine)
    sent = await d.send(OTHER_STAFF, "/find 漏水")
    await d.expect(OTHER_STAFF, "没有找到含「漏水」的诉求", since=sent["message_id"])
    # a resident has no /find
    [resident] = await d.say(ZHOU, "/find 漏水")
    assert "查找「" not in message_text(resident)


async def test_search_words_are_plain_text_and_results_page(linli_sandbox: Harness) -> None:
    """Markup and LIKE wildcards typed are looked for as they are; many results page."""
    h = linli_sandbox
    d = h.driver
    for i in range(6):
        await _file(h, ZHOU, f"第{i}次反映：楼下垃圾桶满了")
        h.clock.advance(timedelta(minutes=3))  # under the filing limit (5 in 10 minutes)
    sent = await d.send(STAFF, "/find <b>%_")
    none = await d.expect(STAFF, "没有找到", since=sent["message_id"])
    assert "<b>%_" in message_text(none)
    sent = await d.send(STAFF, "/find 垃圾桶")
    first = await d.expect(STAFF, "共 6 件，第 1/2 页", since=sent["message_id"])
    await d.tap(STAFF, "下一页", first["message_id"])
    await d.expect(STAFF, "第 2/2 页", since=first["message_id"] - 1)
