"""What a handler queues goes as soon as its commit is through, not at the sender's next look:
here the sender looks by itself only once an hour, and every notice of the cycle still comes
(the new-request card to staff, the offer to members, the resident's updates)."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import Harness
from tests.orders.test_e2e_claim_in_place import _issue
from tests.orders.test_e2e_cycle import LIU, STAFF, ZHOU

# the sender's own look comes an hour after start: whatever arrives in this test was woken
ONCE_AN_HOUR = pytest.mark.sandbox_settings(send_poll_seconds=3600)


@ONCE_AN_HOUR
async def test_filing_issuing_and_claiming_notify_at_once(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    # _issue waits for the staff's new-request card before opening it
    order_no = await _issue(h, "家里厨房的水管漏水了，地上都是水")
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.expect(ZHOU, "已受理")
    staff_seen = (await d.messages(STAFF))[-1]["message_id"]
    await d.click(LIU, offer["message_id"], text="✋ 接单")
    await d.expect(ZHOU, "已有党员/志愿者接单")
    await d.expect(STAFF, f"工单 {order_no}", since=staff_seen)  # 已接满
