"""An order for two (found walking as members): after 赵敏 claimed second, 刘建国's card still
read '待接单 · 已接 1/2' naming only him; when 赵敏 then gave it back, he was not told and his card
read '已接满 2/2' with her name. Now the card he claimed from reads as the order is, and he is
told his partner gave it back and that it is offered again. And the resident is told once that
someone took the order, not again each time it is taken after a claim was given back."""

from __future__ import annotations

from typing import Any

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_claim_in_place import _issue
from tests.orders.test_e2e_cycle import LIU, ZHAO, ZHOU
from tests.support import SettledDriver


async def _message(d: SettledDriver, chat: int, message_id: int) -> dict[str, Any]:
    [now] = [m for m in await d.messages(chat) if m["message_id"] == message_id]
    return now


async def test_the_first_claimants_card_follows_the_partner(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    assert isinstance(d, SettledDriver)
    order_no = await _issue(h, "楼道里的灯坏了，晚上看不见路", taps=[("👥 2 人", "需要人数：2")])
    cards = {}
    for member in (LIU, ZHAO):
        offer = await d.expect(member, f"新工单 {order_no}")
        await d.click(member, offer["message_id"], text="✋ 接单")
        await d.expect(member, f"您已接下工单 {order_no}", since=offer["message_id"])
        cards[member] = offer["message_id"]
    await d.settle()
    card = message_text(await _message(d, LIU, cards[LIU]))
    assert "已接满" in card and "2/2" in card, card
    assert "刘建国" in card and "赵敏" in card, card

    await d.click(ZHAO, cards[ZHAO], text="↩️ 放弃工单")
    await d.expect(ZHAO, "为什么要放弃")
    await d.say(ZHAO, "临时要出差")
    told = await d.expect(LIU, "赵敏 放弃了")
    assert order_no in message_text(told), message_text(told)
    await d.settle()
    card = message_text(await _message(d, LIU, cards[LIU]))
    assert "待接单" in card and "1/2" in card and "赵敏" not in card, card
    buttons = [
        b["text"]
        for row in (await _message(d, LIU, cards[LIU]))["reply_markup"]["inline_keyboard"]
        for b in row
    ]
    assert any("完成上报" in b for b in buttons), buttons


async def test_the_resident_is_told_once_that_it_was_taken(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    assert isinstance(d, SettledDriver)
    order_no = await _issue(h, "楼道里的灯坏了，晚上看不见路")
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.click(LIU, offer["message_id"], text="✋ 接单")
    await d.expect(LIU, f"您已接下工单 {order_no}", since=offer["message_id"])
    await d.expect(ZHOU, "已有党员/志愿者接单")
    await d.click(LIU, offer["message_id"], text="↩️ 放弃工单")
    await d.expect(LIU, "为什么要放弃")
    await d.say(LIU, "临时要出差")
    again = await d.expect(ZHAO, "还在等人接")
    await d.click(ZHAO, again["message_id"], text="✋ 接单")
    await d.expect(ZHAO, f"您已接下工单 {order_no}", since=again["message_id"])
    await d.settle()
    told = [m for m in await d.messages(ZHOU) if "已有党员/志愿者接单" in message_text(m)]
    assert len(told) == 1, [message_text(m) for m in told]
