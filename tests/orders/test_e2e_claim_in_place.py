"""Claiming from the offer, or from the order's card, turns that message into the claimed
order's card (contact, 完成上报, 放弃): no stale 接单 button is left on the member's screen.
Claiming from a list of orders keeps the list and sends the card below it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import LIU, STAFF, ZHOU, _file, _open_card


def _buttons(message: dict[str, Any]) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [b["text"] for row in markup.get("inline_keyboard", []) for b in row]


async def _issue(h: Harness, text: str, *, taps: Sequence[tuple[str, str]] = ()) -> str:
    """File a request as 周阿姨 and issue it community-wide, first tapping each (button, what
    the form then says) of `taps`; the order's number."""
    d = h.driver
    number = await _file(h, ZHOU, text)
    await _open_card(h, number)
    await d.tap(STAFF, "派单")
    await d.expect(STAFF, f"为诉求 {number} 派单")
    for label, shown in taps:
        await d.tap(STAFF, label)
        await d.expect(STAFF, shown)
    await d.tap(STAFF, "改为全社区")
    await d.expect(STAFF, "全社区的党员")
    await d.tap(STAFF, "发布工单")
    issued = message_text(await d.expect(STAFF, "已发布"))
    return issued.split("工单 ")[1].split(" ")[0]


async def test_claimed_from_the_offer_the_offer_becomes_the_card(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    order_no = await _issue(h, "家里厨房的水管漏水了，地上都是水")
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.click(LIU, offer["message_id"], text="✋ 接单")
    await d.expect(LIU, f"您已接下工单 {order_no}", since=offer["message_id"])
    [now] = [m for m in await d.messages(LIU) if m["message_id"] == offer["message_id"]]
    assert f"工单 {order_no}" in message_text(now) and "已接满" in message_text(now)
    assert "周阿姨" in message_text(now)  # the contact, now that he has claimed
    assert not any("接单" in b for b in _buttons(now)), _buttons(now)
    assert any("完成上报" in b for b in _buttons(now)), _buttons(now)


async def test_claimed_from_the_card_the_card_is_updated(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    order_no = await _issue(h, "楼道里的灯坏了，晚上看不见路")
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.click(LIU, offer["message_id"], text="详情")
    card = await d.expect(LIU, f"工单 {order_no} · ", since=offer["message_id"])
    await d.click(LIU, card["message_id"], text="✋ 接单")
    await d.expect(LIU, f"您已接下工单 {order_no}", since=card["message_id"])
    [now] = [m for m in await d.messages(LIU) if m["message_id"] == card["message_id"]]
    assert "已接满" in message_text(now)
    assert not any("接单" in b for b in _buttons(now)), _buttons(now)
