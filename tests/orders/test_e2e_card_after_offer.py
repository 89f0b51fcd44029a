"""A member opens an order's card (详情, from 🛠 可接工单 or from the offer itself) after its
offer reached them: the card's ✋ 接单 is the one live in the chat; the offer above loses its
button and points to the card below. Before, both messages offered ✋ 接单."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_claim_in_place import _buttons, _issue
from tests.orders.test_e2e_cycle import LIU, ZHAO
from tests.orders.test_e2e_offer_given_back import _claimable
from tests.support import SettledDriver


async def test_a_card_opened_from_the_list_after_the_offer_came(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    assert isinstance(d, SettledDriver)
    order_no = await _issue(h, "楼道里的灯坏了，晚上看不见路")
    offer = await d.expect(LIU, f"新工单 {order_no}")
    assert "✋ 接单" in _buttons(offer)
    [listing] = await d.say(LIU, "🛠 可接工单")
    await d.click(LIU, listing["message_id"], text="详情")
    card = await d.expect(LIU, f"工单 {order_no} · ", since=listing["message_id"])
    await d.settle()
    chat = await d.messages(LIU)
    assert [m["message_id"] for m in _claimable(chat, order_no)] == [card["message_id"]]
    [pointed] = [m for m in chat if m["message_id"] == offer["message_id"]]
    assert "您已经在下面打开了这张工单的详情" in message_text(pointed), message_text(pointed)
    assert _buttons(pointed) == []
    # 赵医生 did not open it: her offer still offers it
    [zhao_offer] = [m for m in await d.messages(ZHAO) if f"新工单 {order_no}" in message_text(m)]
    assert "✋ 接单" in _buttons(zhao_offer)
    # the card's ✋ 接单 works as ever
    await d.click(LIU, card["message_id"], text="✋ 接单")
    await d.expect(LIU, f"您已接下工单 {order_no}", since=card["message_id"])
    await d.settle()
    assert _claimable(await d.messages(LIU), order_no) == []
    assert await d.errors() == []


async def test_a_card_opened_from_the_offer_itself(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    assert isinstance(d, SettledDriver)
    order_no = await _issue(h, "家里厨房的水管漏水了，地上都是水")
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.click(LIU, offer["message_id"], text="详情")
    card = await d.expect(LIU, f"工单 {order_no} · ", since=offer["message_id"])
    await d.settle()
    chat = await d.messages(LIU)
    assert [m["message_id"] for m in _claimable(chat, order_no)] == [card["message_id"]]
    assert await d.errors() == []
