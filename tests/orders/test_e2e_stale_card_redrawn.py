"""A staff card drawn before the request moved on: a tap on it answered that someone had acted
and sent a new card below, the tapped card keeping its old buttons (🙋 直接办理 only answered,
leaving them); now the tapped card itself is redrawn as the request stands, with an alert that
says so. And ✔️ 结案 left its card reading 重新办理 with 派单 and the rest: it reads 已结案."""

from __future__ import annotations

from typing import Any

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_card_after_step import _labels
from tests.orders.test_e2e_cycle import STAFF, ZHOU, _file
from tests.orders.test_e2e_phone_rating import _done
from tests.orders.test_e2e_staff_cards_live import unremembered

REDRAWN = "这件事刚刚已经有人处理过了，卡片已更新为最新状态。"
TRIAGE = {"📤 派单", "🙋 直接办理", "↗️ 转办", "🔗 合并", "❌ 不受理"}


async def _reads(h: Harness, card: dict[str, Any], text: str) -> dict[str, Any]:
    """李社工's message `card` once it reads `text` (it is edited after the tap's answer)."""
    d = h.driver
    cursor = card["message_id"] - 1
    for _ in range(50):
        [now] = [
            m for m in await d.messages(STAFF, cursor) if m["message_id"] == card["message_id"]
        ]
        if text in message_text(now):
            return now
        await d.wait(STAFF, max(m["message_id"] for m in await d.messages(STAFF, cursor)), 0.2)
    raise AssertionError(f"card {card['message_id']} never read {text!r}: {message_text(now)}")


async def test_handling_directly_from_an_old_card_redraws_it(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, ZHOU, "楼道里的灯不亮了")
    [queue] = await d.say(STAFF, "📋 待办诉求")
    await d.tap(STAFF, number, queue["message_id"])
    old = await d.expect(STAFF, f"诉求 {number} · 待受理", since=queue["message_id"])
    await unremembered(h)  # drawn before cards were remembered (else taken away, or redrawn)
    await d.tap(STAFF, number, queue["message_id"])
    fresh = await d.expect(STAFF, f"诉求 {number} · 待受理", since=old["message_id"])
    await d.tap(STAFF, "直接办理", fresh["message_id"])
    said = await d.expect(STAFF, "由您直接办理", since=fresh["message_id"])

    tap = await d.tap(STAFF, "直接办理", old["message_id"])

    assert tap["answer"]["text"] == REDRAWN and tap["answer"]["show_alert"], tap
    now = await _reads(h, old, f"诉求 {number} · 社区办理中")
    assert "📝 填写结果" in _labels(now) and not TRIAGE & _labels(now), _labels(now)
    after = [message_text(m) for m in await d.messages(STAFF, said["message_id"])]
    assert not [t for t in after if t.startswith(f"诉求 {number} ·")], after
    assert await d.errors() == []


async def test_closing_a_reopened_matter_redraws_its_card(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _file(h, ZHOU, "楼道里的扶手松了")
    card = await _done(h)
    await d.tap(STAFF, "电话回访", card["message_id"])
    ask = await d.expect(STAFF, "电话回访诉求", since=card["message_id"])
    await d.tap(STAFF, "不满意", ask["message_id"])
    comment = await d.expect(STAFF, "不满意的地方", since=ask["message_id"])
    await d.tap(STAFF, "跳过", comment["message_id"])
    reopened = await d.expect(STAFF, "· 重新办理", since=card["message_id"] - 1)
    assert "✔️ 结案" in _labels(reopened), _labels(reopened)

    await d.tap(STAFF, "结案", card["message_id"])

    now = await _reads(h, card, "· 已结案")
    assert not {"✔️ 结案", *TRIAGE} & _labels(now), _labels(now)
    assert await d.errors() == []
