"""An offer of an order on a member's screen follows what it shows (found walking as 刘师傅):
李社工 corrected the place (📍 改地点, 1号楼 → 5号楼) and the offers kept saying 1号楼 — only
whether the order could be claimed was ever redrawn. Now an offer is redrawn when what it shows
changes, once (two redraws at the same moment do not both edit it), still with ✋ 接单."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_card_follows_edits import _issued, _now
from tests.orders.test_e2e_claim_in_place import _buttons
from tests.orders.test_e2e_cycle import LIU, STAFF, ZHAO
from tests.support import SettledDriver


async def test_an_offer_shows_the_place_corrected(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    assert isinstance(d, SettledDriver)
    number, order_no = await _issued(h, "1号楼三单元楼道灯坏了，晚上很黑")
    offers = {m: (await d.expect(m, f"新工单 {order_no}"))["message_id"] for m in (LIU, ZHAO)}
    assert "📍 阳光社区 · 1号楼" in message_text(await _now(d, LIU, offers[LIU]))

    notice = await d.expect(STAFF, f"诉求 {number}")
    last = (await d.messages(STAFF))[-1]["message_id"]
    await d.tap(STAFF, "查看诉求", notice["message_id"])
    request_card = await d.expect(STAFF, "渠道：", since=last)
    await d.tap(STAFF, "📍 改地点", request_card["message_id"])
    menu = await d.expect(STAFF, "请选择正确的楼栋", since=request_card["message_id"])
    await d.tap(STAFF, "5号楼", menu["message_id"])
    await d.expect(STAFF, f"诉求 {number} 的地点已改为 5号楼", since=menu["message_id"] - 1)

    for member, message_id in offers.items():
        now = await _now(d, member, message_id)
        assert "📍 阳光社区 · 5号楼" in message_text(now), message_text(now)
        assert "📍 阳光社区 · 1号楼" not in message_text(now), message_text(now)
        assert f"新工单 {order_no}" in message_text(now), message_text(now)
        assert "✋ 接单" in _buttons(now), _buttons(now)
    # claimed from the offer redrawn: his card of it
    await d.click(LIU, offers[LIU], text="✋ 接单")
    await d.expect(LIU, f"您已接下工单 {order_no}", since=offers[LIU])
    await d.settle()
    assert await d.errors() == []
