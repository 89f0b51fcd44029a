"""李社工 works a new request from its card. 🙋 直接办理 left the tapped card reading 待受理
with 派单, 转办 and the rest (each then answered '已经有人处理过了' — it was them) and sent a
second card below; 🏷 改分类 and 📍 改地点 each sent a new card too, the one above keeping the old
category or place. Now each redraws the card it was tapped on (the lists quote it), and no
second card of the request comes: one card is live per request."""

from __future__ import annotations

from typing import Any

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import STAFF, WU, ZHENG, _file
from tests.orders.test_e2e_staff_place import DAY, _card, _labels

TRIAGE = {"📤 派单", "🙋 直接办理", "↗️ 转办", "🔗 合并", "❌ 不受理", "🏷 改分类"}


async def _cards_after(h: Harness, number: str, since: int) -> list[dict[str, Any]]:
    """李社工's messages after `since` that are cards of the request (its header)."""
    return [
        m
        for m in await h.driver.messages(STAFF, since)
        if message_text(m).startswith(f"诉求 {number} ·")
    ]


async def _now(h: Harness, card: dict[str, Any], reads: str) -> dict[str, Any]:
    """The card itself once it reads `reads` (edits count)."""
    now = await h.driver.expect(STAFF, reads, since=card["message_id"] - 1)
    assert now["message_id"] == card["message_id"], message_text(now)
    return now


async def test_handling_directly_redraws_the_card_tapped(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    h.clock.set(DAY)
    number = await _file(h, WU, "楼下的下水道堵了，有臭味")
    card = await _card(h, number)
    assert set(_labels(card)) >= TRIAGE, _labels(card)

    await d.tap(STAFF, "直接办理", card["message_id"])
    said = await d.expect(STAFF, f"诉求 {number} 由您直接办理", since=card["message_id"])

    now = await _now(h, card, f"诉求 {number} · 社区办理中")
    assert "📝 填写结果" in _labels(now) and not TRIAGE & set(_labels(now)), _labels(now)
    assert await _cards_after(h, number, card["message_id"]) == []
    # what it says to tap is on that card: the result goes from it
    await d.tap(STAFF, "填写结果", card["message_id"])
    asked = await d.expect(STAFF, "办理结果", since=said["message_id"])
    await d.send(STAFF, "已请物业疏通")
    await d.expect(STAFF, "已发给居民评价", since=asked["message_id"])
    await _now(h, card, f"诉求 {number} · 已办结待评价")
    assert await _cards_after(h, number, card["message_id"]) == []
    assert await d.errors() == []


async def test_category_and_place_redraw_the_card_they_came_from(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    h.clock.set(DAY)
    number = await _file(h, ZHENG, "5号楼门口的路灯坏了好几天了")
    card = await _card(h, number)
    assert "分类：公共设施" in message_text(card)

    # 🏷 改分类: the list quotes the card, the choice redraws it
    await d.tap(STAFF, "改分类", card["message_id"])
    listed = await d.expect(STAFF, "最合适的分类", since=card["message_id"])
    assert (listed.get("reply_to_message") or {}).get("message_id") == card["message_id"]
    await d.tap(STAFF, "物业服务", listed["message_id"])
    await d.expect(STAFF, "分类已改为「物业服务」", since=listed["message_id"] - 1)
    now = await _now(h, card, "分类：物业服务")
    assert set(_labels(now)) >= TRIAGE, _labels(now)  # still the card to work from

    # 📍 改地点: the same
    await d.tap(STAFF, "📍 改地点", card["message_id"])
    menu = await d.expect(STAFF, "请选择正确的楼栋", since=listed["message_id"])
    await d.tap(STAFF, "6号楼", menu["message_id"])
    await d.expect(STAFF, "地点已改为 6号楼", since=menu["message_id"] - 1)
    now = await _now(h, card, "第二网格 · 6号楼")
    assert "分类：物业服务" in message_text(now) and set(_labels(now)) >= TRIAGE

    assert await _cards_after(h, number, card["message_id"]) == []
    assert await d.errors() == []
