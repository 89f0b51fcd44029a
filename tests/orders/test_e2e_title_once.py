"""An order called by the resident's own words (its default title) does not quote those words
again under the title: the offer, 🛠 可接工单 and the order's card say them once. When she wrote
more than the title, the quote stays, so a member still reads the matter."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_claim_in_place import _issue
from tests.orders.test_e2e_cycle import LIU


async def test_words_that_are_the_title_are_shown_once(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    order_no = await _issue(h, "楼道灯坏了，晚上很黑")
    sent = await d.expect(LIU, f"新工单 {order_no}")
    offer = message_text(sent)
    assert offer.count("楼道灯坏了，晚上很黑") == 1, offer
    await d.say(LIU, "🛠 可接工单")
    page = await d.expect(LIU, "可接工单（共", since=sent["message_id"])
    assert message_text(page).count("楼道灯坏了，晚上很黑") == 1, message_text(page)
    await d.tap(LIU, "详情", page["message_id"])
    card = message_text(await d.expect(LIU, f"工单 {order_no} · ", since=page["message_id"]))
    assert card.count("楼道灯坏了，晚上很黑") == 1, card


async def test_words_saying_more_than_the_title_are_still_quoted(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    order_no = await _issue(h, "楼道灯坏了，晚上很黑，已经一个星期没人修")
    sent = await d.expect(LIU, f"新工单 {order_no}")
    offer = message_text(sent)
    assert f"新工单 {order_no}：楼道灯坏了，晚上很黑\n" in offer, offer
    assert "「楼道灯坏了，晚上很黑，已经一个星期没人修」" in offer, offer
    await d.say(LIU, "🛠 可接工单")
    page = await d.expect(LIU, "可接工单（共", since=sent["message_id"])
    assert "已经一个星期没人修" in message_text(page), message_text(page)
    await d.tap(LIU, "详情", page["message_id"])
    card = message_text(await d.expect(LIU, f"工单 {order_no} · ", since=page["message_id"]))
    assert "楼道灯坏了，晚上很黑，已经一个星期没人修" in card, card
