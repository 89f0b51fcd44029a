"""派单 tapped on a request's card draws the order form over that card; once the order is
published the card comes back below the confirmation, as the request now is (已派单, with
what can still be done on it), and it is the staff member's card of the request: a
colleague's change redraws it. Before, the form became '✅ 工单 … 已发布' and the staff
member had no card of the request left."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_staff_cards_live import _both, _now
from tests.support import inline_labels


async def test_the_card_comes_back_after_publishing(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    staff, grid_worker = 2001, 2002
    number, theirs, mine = await _both(h, "家里厨房的水管漏水了，地上都是水")
    await d.tap(staff, "派单", mine["message_id"])
    form = await d.expect(staff, f"为诉求 {number} 派单", since=mine["message_id"] - 1)
    assert form["message_id"] == mine["message_id"]  # drawn over the card
    await d.tap(staff, "发布工单", form["message_id"])
    done = await d.expect(staff, "已发布", since=mine["message_id"] - 1)
    assert done["message_id"] == mine["message_id"]  # the form says what was done
    back = await d.expect(staff, f"诉求 {number} · 已派单", since=mine["message_id"])
    assert any("查看工单" in label for label in inline_labels(back)), inline_labels(back)
    # it is 李社工's card of the request now: 张网格员 marking it urgent redraws it in place
    theirs = await _now(h, grid_worker, theirs, "已派单")
    await d.tap(grid_worker, "🚨 标为紧急", theirs["message_id"])
    redrawn = await _now(h, staff, back, "紧急")
    assert f"诉求 {number}" in message_text(redrawn)
    assert await d.errors() == []
