"""'接单后可以看到居民的联系电话和房号。' is said only on the card of an order the reader can
still claim (found walking as a volunteer): before, 赵医生 read it under an order already
taken by 刘师傅, with no ✋ 接单 to tap."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_claim_in_place import _issue
from tests.orders.test_e2e_cycle import LIU, ZHAO
from tests.support import inline_labels, message_once

HINT = "接单后可以看到居民的联系电话和房号"


async def test_the_contact_hint_is_only_where_one_can_claim(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    order_no = await _issue(h, "楼道里的灯坏了，晚上看不见路")
    offer = await d.expect(ZHAO, f"新工单 {order_no}")
    await d.tap(ZHAO, "详情", offer["message_id"])
    open_card = await d.expect(ZHAO, f"工单 {order_no} · ", since=offer["message_id"])
    assert HINT in message_text(open_card)  # open: she may claim it and then see them
    liu = await d.expect(LIU, f"新工单 {order_no}")
    await d.click(LIU, liu["message_id"], text="✋ 接单")
    await d.expect(LIU, f"您已接下工单 {order_no}", since=liu["message_id"])
    # the offer now points to the card opened below it (one ✋ 接单 a chat), without buttons:
    # she opens the order again by its number
    offer_now = await message_once(d, ZHAO, offer["message_id"], lambda m: not inline_labels(m))
    assert not inline_labels(offer_now), inline_labels(offer_now)
    await d.send(ZHAO, order_no)
    full = await d.expect(ZHAO, "已接满", since=open_card["message_id"])
    assert HINT not in message_text(full), message_text(full)
