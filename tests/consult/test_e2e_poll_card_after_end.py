"""A staff poll card that ⏹ 立即结束 or ❌ 取消投票 was used from shows the poll as it now is
once confirmed (已结束 when it ended, or 已取消, with only 查看结果 and 导出), as a draft's card
withdrawn at once does. Before, it went on reading 进行中 with 代投 and 立即结束."""

from __future__ import annotations

from typing import Any

from sandbox.driver import Driver, message_text
from tests.consult.test_e2e_qa_polls import STAFF, current, labels_of, make_poll
from tests.e2e.conftest import Harness


async def _card(d: Driver) -> dict[str, Any]:
    [hub] = await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "📊 投票列表", hub["message_id"])
    listed = await d.expect(STAFF, "投票列表", since=hub["message_id"])
    await d.tap(STAFF, "明年优先办哪些事", listed["message_id"])
    return await d.expect(STAFF, "状态：进行中", since=listed["message_id"])


async def test_card_after_closing_now(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await make_poll(h)  # closes 11-24 20:00
    card = await _card(d)
    assert "截止 11月24日（周二）20:00" in message_text(card)
    await d.tap(STAFF, "⏹ 立即结束", card["message_id"])
    ask = await d.expect(STAFF, "确定现在就结束", since=card["message_id"])
    await d.tap(STAFF, "⏹ 确认立即结束", ask["message_id"])
    await d.expect(STAFF, "投票已结束", since=ask["message_id"])
    shown = await current(d, STAFF, card["message_id"])
    assert "状态：已结束 · 截止 11月23日（周一）10:00" in message_text(shown)  # ended now
    assert labels_of(shown) == ["📊 查看结果", "📥 导出 Excel"]


async def test_card_after_withdrawing(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await make_poll(h)
    card = await _card(d)
    await d.tap(STAFF, "❌ 取消投票", card["message_id"])
    ask = await d.expect(STAFF, "取消", since=card["message_id"])
    await d.tap(STAFF, "❌ 确认取消投票", ask["message_id"])
    await d.expect(STAFF, "投票已取消", since=ask["message_id"])
    shown = await current(d, STAFF, card["message_id"])
    assert "状态：已取消" in message_text(shown)
    assert "✍️ 代投" not in labels_of(shown) and "⏹ 立即结束" not in labels_of(shown)
