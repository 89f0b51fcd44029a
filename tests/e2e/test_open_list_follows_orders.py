"""A member's 🛠 可接工单 list, and an offer pointing to a card opened below, follow the order
(found walking as 刘师傅 and 赵医生): a line whose card the member opened below loses its ✋ 接
(the card's ✋ 接单 is the one to tap); once the order fills its line reads 已接满, once it is
cancelled 已取消, without buttons; the offer pointing to the card reads 已取消 too. Before, the
list kept ✋ 接 beside every order until tapped, and the offer pointed to the card for good.
(services.open_lists, services.orders.offer_redraws)"""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_claim_in_place import _buttons, _issue
from tests.orders.test_e2e_cycle import LIU, STAFF, ZHAO
from tests.orders.test_e2e_offer_redrawn import _now
from tests.support import SettledDriver


async def _list_of(d: SettledDriver, member: int, order_no: str) -> int:
    """The member opens 🛠 可接工单; the list's message (it offers ✋ 接 the order)."""
    replies = await d.say(member, "🛠 可接工单")
    [listed] = [r for r in replies if message_text(r).startswith("可接工单")]
    assert f"✋ 接 {order_no}" in _buttons(listed), _buttons(listed)
    return int(listed["message_id"])


async def test_a_list_line_reads_full_once_the_order_fills(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    assert isinstance(d, SettledDriver)
    order_no = await _issue(h, "楼道里的灯坏了，晚上看不见路")
    offer = await d.expect(LIU, f"新工单 {order_no}")
    listed = await _list_of(d, ZHAO, order_no)
    await d.tap(LIU, "接单", offer["message_id"])
    await d.expect(LIU, "您已接下工单", since=offer["message_id"])
    now = await _now(d, ZHAO, listed)
    assert "已接满" in message_text(now), message_text(now)
    assert not _buttons(now), _buttons(now)
    assert await d.errors() == []


async def test_a_card_opened_below_then_the_order_cancelled(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    assert isinstance(d, SettledDriver)
    order_no = await _issue(h, "楼道里的灯坏了，晚上看不见路")
    offer = (await d.expect(ZHAO, f"新工单 {order_no}"))["message_id"]
    listed = await _list_of(d, ZHAO, order_no)
    # 详情 on the list: the card below has ✋ 接单; the list and the offer no longer do
    await d.tap(ZHAO, "详情", listed)
    card = await d.expect(ZHAO, f"工单 {order_no} ·", since=listed)
    assert "✋ 接单" in _buttons(card), _buttons(card)
    now = await _now(d, ZHAO, listed)
    assert "详情已在下方打开" in message_text(now), message_text(now)
    assert _buttons(now) == ["详情"], _buttons(now)
    pointed = await _now(d, ZHAO, offer)
    assert "您已经在下面打开了这张工单的详情" in message_text(pointed), message_text(pointed)
    # 李社工 cancels it: the list's line, the offer and the card all say so, without buttons
    [*_, staff_card] = await d.say(STAFF, order_no)
    await d.tap(STAFF, "撤销工单", staff_card["message_id"])
    await d.expect(STAFF, f"撤销工单 {order_no} 的原因", since=staff_card["message_id"])
    await d.say(STAFF, "居民说先不用派人")
    await d.expect(STAFF, f"工单 {order_no} 已撤销")
    now = await _now(d, ZHAO, listed)
    assert "已取消" in message_text(now) and not _buttons(now), (message_text(now), _buttons(now))
    pointed = await _now(d, ZHAO, offer)
    assert "已取消" in message_text(pointed), message_text(pointed)
    assert not _buttons(pointed), _buttons(pointed)
    assert await d.errors() == []
