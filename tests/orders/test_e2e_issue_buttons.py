"""The order form's quick buttons say what they set in the reader's words: 👥 2 人, ⭐ 20 积分,
⏰ 72 小时 (before, '⏰ 72h' with an English h, and bare numbers, written in the code)."""

from __future__ import annotations

from typing import Any

from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import STAFF, ZHOU, _file, _open_card


def _labels(message: dict[str, Any]) -> list[str]:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
    return [b["text"] for row in rows for b in row]


async def test_the_order_form_buttons_read_as_words(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, ZHOU, "家里厨房的水管漏水了，地上都是水")
    await _open_card(h, number)
    await d.tap(STAFF, "派单")
    form = await d.expect(STAFF, f"为诉求 {number} 派单")
    labels = _labels(form)
    assert labels[:9] == [
        "👥 1 人",
        "👥 2 人",
        "👥 3 人",
        "⭐ 5 积分",
        "⭐ 10 积分",
        "⭐ 20 积分",
        "⏰ 12 小时",
        "⏰ 24 小时",
        "⏰ 72 小时",
    ], labels
    await d.tap(STAFF, "⏰ 72 小时", form["message_id"])
    await d.expect(STAFF, "办理时限：72 小时", since=form["message_id"] - 1)


async def test_an_urgent_matter_gets_hours_not_days(linli_sandbox: Harness) -> None:
    """A burst pipe is 水电维修, whose orders have 24 hours; urgent, its order has 4 by default,
    and the quick buttons offer hours (2, 4, 12) rather than days."""
    from datetime import UTC, timedelta

    from sqlmodel import select

    from models.orders import Order

    h = linli_sandbox
    d = h.driver
    number = await _file(h, ZHOU, "我家水管爆了，水流了一地，快来人")
    await _open_card(h, number)
    await d.tap(STAFF, "派单")
    form = await d.expect(STAFF, f"为诉求 {number} 派单")
    assert "办理时限：4 小时" in form["text"], form["text"]
    assert [x for x in _labels(form) if x.startswith("⏰")] == [
        "⏰ 2 小时",
        "⏰ 4 小时",
        "⏰ 12 小时",
    ]
    issued_at = h.clock()
    await d.tap(STAFF, "发布工单", form["message_id"])
    await d.expect(STAFF, "已发布", since=form["message_id"] - 1)
    async with h.sessionmaker() as s:
        [order] = (await s.exec(select(Order))).all()
    deadline = order.deadline_at.replace(tzinfo=order.deadline_at.tzinfo or UTC)
    assert timedelta(hours=4) - timedelta(minutes=1) <= deadline - issued_at <= timedelta(hours=4)
