"""An order given back is offered again in one message (found walking as 刘师傅): before, his
offer of it was redrawn with ✋ 接单 and a new '还在等人接' offer came as well, and a card of it
he had opened (详情) got its ✋ 接单 back too: three buttons for one order in one chat. Now the
newest message is the offer; the older offer and card lose their button and say where to look."""

from __future__ import annotations

from typing import Any

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_claim_in_place import _buttons, _issue
from tests.orders.test_e2e_cycle import LIU, ZHAO
from tests.support import SettledDriver


def _claimable(messages: list[dict[str, Any]], order_no: str) -> list[dict[str, Any]]:
    """The messages of the chat about the order that still carry ✋ 接单."""
    return [
        m
        for m in messages
        if order_no in message_text(m) and not m.get("deleted") and "✋ 接单" in _buttons(m)
    ]


async def test_an_order_given_back_is_offered_again_once(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    assert isinstance(d, SettledDriver)
    order_no = await _issue(h, "楼道里的灯坏了，晚上看不见路")
    offer = await d.expect(LIU, f"新工单 {order_no}")
    # 刘 opens its card from the offer: a second message with ✋ 接单
    await d.click(LIU, offer["message_id"], text="详情")
    card = await d.expect(LIU, f"工单 {order_no} · ", since=offer["message_id"])
    zhao_offer = await d.expect(ZHAO, f"新工单 {order_no}")
    await d.click(ZHAO, zhao_offer["message_id"], text="✋ 接单")
    await d.expect(ZHAO, f"您已接下工单 {order_no}", since=zhao_offer["message_id"])
    await d.settle()
    assert _claimable(await d.messages(LIU), order_no) == []

    # 赵 gives it back
    await d.click(ZHAO, zhao_offer["message_id"], text="↩️ 放弃工单")
    await d.expect(ZHAO, "原因", since=zhao_offer["message_id"])
    await d.say(ZHAO, "临时要出差")
    await d.expect(ZHAO, f"已放弃工单 {order_no}")
    again = await d.expect(LIU, "还在等人接", since=card["message_id"])
    await d.settle()
    chat = await d.messages(LIU)
    # one message offers it: the newest, with ✋ 接单
    assert [m["message_id"] for m in _claimable(chat, order_no)] == [again["message_id"]]
    for older in (offer["message_id"], card["message_id"]):
        [now] = [m for m in chat if m["message_id"] == older]
        assert "请在最新的那条里点" in message_text(now), message_text(now)
        assert not _buttons(now), _buttons(now)

    # claimed from it: it becomes his card of the order, and nothing offers it any more
    await d.click(LIU, again["message_id"], text="✋ 接单")
    await d.expect(LIU, f"您已接下工单 {order_no}", since=again["message_id"])
    await d.settle()
    [now] = [m for m in await d.messages(LIU) if m["message_id"] == again["message_id"]]
    assert "✅ 完成上报" in _buttons(now), _buttons(now)
    assert _claimable(await d.messages(LIU), order_no) == []
    assert await d.errors() == []
