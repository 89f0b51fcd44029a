"""A member opens an order's card from 🛠 可接工单 (详情) at night, while the order's offer to
them is held for the morning: in the morning that offer is not sent. One ✋ 接单 per chat and
order is live, the card's; before, the offer came beside the card and both offered ✋ 接单."""

from __future__ import annotations

from datetime import UTC, datetime

from sandbox.driver import message_text
from scheduler.service import SchedulerService
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import LIU, ZHAO
from tests.orders.test_e2e_forget_held_offer import order_issued_at_night
from tests.support import inline_labels


async def test_a_card_opened_before_the_held_offer_went_is_the_one_to_claim_on(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    order_no = await order_issued_at_night(h)
    # 22:30: 刘师傅 looks at the open orders and opens this one's card
    h.clock.set(datetime(2026, 11, 23, 14, 30, tzinfo=UTC))
    [listing] = await d.say(LIU, "🛠 可接工单")
    assert order_no in message_text(listing), message_text(listing)
    await d.tap(LIU, "详情", listing["message_id"])
    card = await d.expect(LIU, f"工单 {order_no}", since=listing["message_id"])
    assert "✋ 接单" in inline_labels(card), inline_labels(card)
    # he reads it a while: the bot is done with 详情 (the card is his card of the order)
    await d.settle()  # type: ignore[attr-defined]
    # Tuesday 07:01: the offers held for the night go (赵医生 gets hers), not to 刘师傅
    h.clock.set(datetime(2026, 11, 23, 23, 1, tzinfo=UTC))
    await service.drain()
    await d.expect(ZHAO, f"新工单 {order_no}", timeout=10)
    await service.drain()
    mine = await d.messages(LIU)
    assert not [m for m in mine if f"新工单 {order_no}" in message_text(m)]
    live = [m for m in mine if "✋ 接单" in inline_labels(m) and order_no in message_text(m)]
    assert [m["message_id"] for m in live] == [card["message_id"]], live
    assert await d.errors() == []
