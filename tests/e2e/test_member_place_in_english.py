"""A member reading English sees an order's place in English on its offer and its card
('Sunshine Community · Grid 1 · Building 1'), as 🛠 Open orders lists it. Before, the offer and
the card wrote '阳光社区 · 第一网格 · 1号楼' in the English text.
(services.places.Place, services.requests.both_place_names)"""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.e2e.test_english_lists import _in_english
from tests.e2e.test_member_asks_in_words import _issue
from tests.orders.test_e2e_cycle import LIU, ZHAO

PLACE = "Sunshine Community · Grid 1 · Building 1"


async def test_an_english_member_reads_the_place_in_english(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _in_english(h, LIU)
    order_no = await _issue(h, "1号楼三单元楼道灯坏了，晚上很黑")
    offer = await d.expect(LIU, f"New order {order_no}")
    # offered to the whole community: its building, in English
    said = message_text(offer)
    assert "📍 Sunshine Community · Building 1" in said and "阳光社区" not in said, said
    await d.tap(LIU, "Claim", offer["message_id"])
    await d.expect(LIU, "You claimed order", since=offer["message_id"])
    [card] = [m for m in await d.messages(LIU) if m["message_id"] == offer["message_id"]]
    said = message_text(card)
    assert f"Place: {PLACE}" in said and "阳光社区" not in said, said
    # a Chinese reader still reads the Chinese names
    zhao = await d.expect(ZHAO, f"工单 {order_no}")
    assert "📍 阳光社区 · 1号楼" in message_text(zhao), message_text(zhao)
