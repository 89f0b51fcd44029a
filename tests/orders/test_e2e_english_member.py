"""An English-speaking member reads an order's title in English when it is its category's name
(the title an order gets when staff type none). Before, 🛠 Open orders, the order's card and
📌 My orders showed 'G00001 · 水电维修' beside English words. A title staff typed is shown as
typed, and so is one taken from the resident's words (test_e2e_order_titles); this resident's
words name her room, so the order keeps its category's name."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_claim_in_place import _issue
from tests.orders.test_e2e_cycle import LIU
from tests.support import reply_to


async def test_an_english_member_reads_the_category_title_in_english(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    order_no = await _issue(h, "3单元502厨房的水管漏水了")
    await d.add_user(id=LIU, first_name="刘师傅", language_code="en")  # his phone is in English
    # the list (the order's offer, sent as it was issued, may come among the replies)
    listing = await reply_to(d, LIU, "🛠 Open orders", f"{order_no} · ")
    text = message_text(listing)
    assert f"{order_no} · Water and electricity repairs" in text and "水电维修" not in text, text
    await d.tap(LIU, "Details", listing["message_id"])
    card = await d.expect(LIU, f"Order {order_no}", since=listing["message_id"])
    assert "水电维修" not in message_text(card), message_text(card)
    await d.tap(LIU, "Claim", card["message_id"])
    await d.expect(LIU, f"You claimed order {order_no}", since=card["message_id"])
    mine = await reply_to(d, LIU, "📌 My orders", "My orders")
    assert f"{order_no} · Water and electricity repairs" in message_text(mine), message_text(mine)
    assert "水电维修" not in message_text(mine)
