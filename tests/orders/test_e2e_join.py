"""同一件事 through the sandbox: 吴大爷 (1号楼) is about to report the stairwell lamp that
周阿姨 (1号楼) reported before him. The preview shows that matter (never her words: its
category, building, when and status) with '➕ 和 00001 是同一件事'; he joins it, staff get
no second card but see '另有 1 位居民反映了同一件事', and when staff take it up he is told
too."""

from __future__ import annotations

from typing import Any

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import STAFF, WU, ZHOU, _file

LAMP = "1号楼楼道的灯坏了，晚上很黑，周阿姨302家门口"
SAME = "1号楼楼道的灯坏了，晚上黑乎乎的"


def _labels(message: dict[str, Any]) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [b["text"] for row in markup.get("inline_keyboard", []) for b in row]


async def test_a_neighbour_says_it_is_the_same_matter(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, ZHOU, LAMP)
    await d.say(WU, "📝 我要点单")
    await d.say(WU, SAME)
    [*_, preview] = await d.say(WU, "✅ 说完了")
    text = message_text(preview)
    assert "附近已经有邻居反映过类似的事" in text and f"{number} · " in text, text
    assert "1号楼" in text and "周阿姨" not in text and "302" not in text, text  # not her words
    assert f"➕ 和 {number} 是同一件事" in _labels(preview), _labels(preview)
    # a join button the preview did not offer is stale
    forged = await d.click(WU, preview["message_id"], data="oc:fjoin:999:0")
    assert "失效" in (forged["answer"] or {}).get("text", ""), forged
    await d.tap(WU, f"和 {number} 是同一件事", preview["message_id"])
    done = await d.expect(WU, "作为同一件事一起办理", since=preview["message_id"] - 1)
    mine = message_text(done).split("编号")[1].strip().split("，")[0].strip()
    assert mine != number
    [listing] = await d.say(WU, "📂 我的诉求")
    assert f"{mine} · 并入 {number} · 待受理" in message_text(listing), message_text(listing)
    cards = [message_text(m) for m in await d.messages(STAFF)]
    assert not any(f"新诉求 {mine}" in c for c in cards), cards  # nothing new to triage
    notice = await d.expect(STAFF, f"诉求 {number}")
    await d.tap(STAFF, "查看诉求", notice["message_id"])
    card = await d.expect(STAFF, f"诉求 {number} ·", since=notice["message_id"])
    assert "另有 1 位居民反映了同一件事" in message_text(card)
    await d.tap(STAFF, "直接办理", card["message_id"])
    told = await d.expect(WU, "已受理", since=done["message_id"])  # he follows it
    assert mine in message_text(told)
    await d.tap(WU, f"查看 {mine}", listing["message_id"])
    view = await d.expect(WU, f"{number} 现在：社区办理中", since=told["message_id"])
    assert "合并办理" in message_text(view)
    assert await d.errors() == []


async def test_nothing_similar_nothing_offered(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _file(h, ZHOU, LAMP)
    await d.say(WU, "📝 我要点单")
    await d.say(WU, "小区门口的垃圾桶好几天没人清理了，味道很大")
    [*_, preview] = await d.say(WU, "✅ 说完了")
    assert "附近已经有邻居" not in message_text(preview)
    assert not any("同一件事" in label for label in _labels(preview))
