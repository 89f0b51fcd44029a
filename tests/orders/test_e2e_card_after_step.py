"""李社工 declines a request from its card: types the reason, the resident is told. The card
above went on reading '待受理' with 📤 派单, 🙋 直接办理 and the rest, each tap then answered
'这件事刚刚已经有人处理过了' (it was them). The same after ↗️ 转办, 🔗 合并, 📥 记录回复 and
📝 填写结果. As after 📤 派单 (whose card is redrawn once the order is out), the card a step
started from now shows the request as the step left it."""

from __future__ import annotations

from typing import Any

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import STAFF, WU, ZHENG, ZHOU, _file

TRIAGE = {"📤 派单", "🙋 直接办理", "↗️ 转办", "🔗 合并", "❌ 不受理", "🏷 改分类"}


def _labels(message: dict[str, Any]) -> set[str]:
    markup = message.get("reply_markup") or {}
    return {b["text"] for row in markup.get("inline_keyboard", []) for b in row}


async def _card(h: Harness, number: str) -> dict[str, Any]:
    d = h.driver
    notice = await d.expect(STAFF, f"新诉求 {number}")
    await d.tap(STAFF, "查看诉求", notice["message_id"])
    return await d.expect(STAFF, f"诉求 {number} ·", since=notice["message_id"])


async def _now(h: Harness, card: dict[str, Any], reads: str) -> dict[str, Any]:
    """The card once it reads `reads` (it is redrawn just after the step's answer)."""
    now = await h.driver.expect(STAFF, reads, since=card["message_id"] - 1)
    assert now["message_id"] == card["message_id"], message_text(now)
    return now


async def test_the_card_a_step_started_from_reads_as_the_step_left_it(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    # ❌ 不受理, the reason typed
    first = await _file(h, WU, "想问问社区有没有免费理发")
    card = await _card(h, first)
    assert _labels(card) >= TRIAGE, _labels(card)
    await d.tap(STAFF, "不受理", card["message_id"])
    await d.expect(STAFF, "不受理诉求", since=card["message_id"])
    sent = await d.send(STAFF, "不属于社区办理范围")
    await d.expect(STAFF, "已不予受理", since=sent["message_id"])
    now = await _now(h, card, f"诉求 {first} · 不予受理")
    assert not TRIAGE & _labels(now), _labels(now)

    # ↗️ 转办, the unit typed and the note skipped: the card offers 📥 记录回复
    second = await _file(h, ZHOU, "小区东门外的马路上有个大坑")
    card = await _card(h, second)
    await d.tap(STAFF, "转办", card["message_id"])
    await d.expect(STAFF, "转办给哪个单位", since=card["message_id"])
    await d.say(STAFF, "区城管局市政科")
    sent = await d.send(STAFF, "跳过")
    await d.expect(STAFF, "已转办", since=sent["message_id"])
    now = await _now(h, card, f"诉求 {second} · 已转办")
    assert "区城管局市政科" in message_text(now)
    assert "📥 记录回复" in _labels(now) and not TRIAGE & _labels(now), _labels(now)

    # 📥 记录回复 from that card: it reads the answer
    await d.tap(STAFF, "记录回复", card["message_id"])
    await d.expect(STAFF, "答复", since=card["message_id"])
    await d.say(STAFF, "已补好")
    await d.tap(STAFF, "已解决")
    await d.expect(STAFF, "已记录诉求")
    now = await _now(h, card, "转办答复：已补好")
    assert "📥 记录回复" not in _labels(now), _labels(now)

    # 🔗 合并 into a likely duplicate tapped, or into a number typed
    third = await _file(h, ZHENG, "5号楼门口的路灯坏了，晚上很黑")
    fourth = await _file(h, ZHENG, "5号楼门口路灯不亮")
    card = await _card(h, fourth)
    await d.tap(STAFF, "合并", card["message_id"])
    await d.expect(STAFF, "要合并到哪件诉求", since=card["message_id"])
    sent = await d.send(STAFF, third)
    await d.expect(STAFF, f"已并入诉求 {third}", since=sent["message_id"])
    now = await _now(h, card, f"诉求 {fourth} · 已合并")
    assert not TRIAGE & _labels(now), _labels(now)

    # 🙋 直接办理 redraws its card (before, a second card came below it), then 📝 填写结果 on it
    fifth = await _file(h, WU, "楼下的下水道堵了，有臭味")
    card = await _card(h, fifth)
    await d.tap(STAFF, "直接办理", card["message_id"])
    handling = await _now(h, card, f"诉求 {fifth} · 社区办理中")
    assert "📝 填写结果" in _labels(handling) and not TRIAGE & _labels(handling)
    await d.tap(STAFF, "填写结果", handling["message_id"])
    await d.expect(STAFF, "办理结果", since=handling["message_id"])
    sent = await d.send(STAFF, "已请物业疏通")
    await d.expect(STAFF, "已发给居民评价", since=sent["message_id"])
    now = await _now(h, handling, f"诉求 {fifth} · 已办结待评价")
    assert "📝 填写结果" not in _labels(now), _labels(now)
