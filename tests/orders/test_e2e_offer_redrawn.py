"""An offer of an order (the message with ✋ 接单 sent to the members who fit) follows the order
(found walking as 刘师傅 and 赵医生). Before, it was redrawn only once the order filled: an order
cancelled, then handled by the community itself, left every offer with ✋ 接单, and a tap
answered '手慢了一步，这张工单已经被接满了'; an offer redrawn 人已满 stayed so when a claim was
given back and a place opened. Now every offer on a member's screen reads as the order is: ✋ 接单
while it can be claimed, else why not in one line; offered again in a newer message (a claim
given back), it points to that one."""

from __future__ import annotations

from typing import Any

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_claim_in_place import _buttons, _issue
from tests.orders.test_e2e_cycle import LIU, STAFF, ZHAO
from tests.support import SettledDriver


async def _now(d: SettledDriver, chat: int, message_id: int) -> dict[str, Any]:
    """The message as it stands once the bot is done (redraws sent)."""
    await d.settle()
    [now] = [m for m in await d.messages(chat) if m["message_id"] == message_id]
    return now


async def test_an_offer_says_the_order_was_cancelled_then_handled_directly(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    assert isinstance(d, SettledDriver)
    order_no = await _issue(h, "楼道里的灯坏了，晚上看不见路")
    offers = {m: (await d.expect(m, f"新工单 {order_no}"))["message_id"] for m in (LIU, ZHAO)}
    [offer] = [m for m in await d.messages(LIU) if m["message_id"] == offers[LIU]]
    [claim] = [
        b["callback_data"]
        for row in offer["reply_markup"]["inline_keyboard"]
        for b in row
        if "接单" in b["text"]
    ]

    # 李社工 cancels it (typing its number opens its card)
    [*_, card] = await d.say(STAFF, order_no)
    assert f"工单 {order_no} ·" in message_text(card), message_text(card)
    await d.tap(STAFF, "撤销工单", card["message_id"])
    await d.expect(STAFF, f"撤销工单 {order_no} 的原因", since=card["message_id"])
    await d.say(STAFF, "居民说先不用派人")
    await d.expect(STAFF, f"工单 {order_no} 已撤销")
    for member, message_id in offers.items():
        now = await _now(d, member, message_id)
        assert "已取消，不用再接了" in message_text(now), message_text(now)
        assert not _buttons(now), _buttons(now)

    # then handles the matter itself: the offers say so
    await d.tap(STAFF, "查看诉求", card["message_id"])
    request_card = await d.expect(STAFF, "渠道：", since=card["message_id"])
    await d.tap(STAFF, "直接办理", request_card["message_id"])
    await d.expect(STAFF, "由您直接办理")
    for member, message_id in offers.items():
        now = await _now(d, member, message_id)
        assert "已由社区直接办理，不用再接了" in message_text(now), message_text(now)

    # a stale tap on the offer (a client that has not redrawn it yet) is told why, not '接满了'
    tap = await d.click(LIU, offers[LIU], data=claim)
    assert "已由社区直接办理" in str(tap["answer"]), tap
    assert "接满了" not in str(tap["answer"]), tap


async def test_an_offer_shows_claim_again_when_a_place_opens(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    assert isinstance(d, SettledDriver)
    order_no = await _issue(h, "楼道里的灯坏了，晚上看不见路")
    offer = (await d.expect(LIU, f"新工单 {order_no}"))["message_id"]
    zhao_offer = await d.expect(ZHAO, f"新工单 {order_no}")

    # 赵 claims it: 刘's offer reads 人已满, without ✋ 接单
    await d.click(ZHAO, zhao_offer["message_id"], text="✋ 接单")
    await d.expect(ZHAO, f"您已接下工单 {order_no}", since=zhao_offer["message_id"])
    now = await _now(d, LIU, offer)
    assert "人已满" in message_text(now) and "✋ 接单" not in _buttons(now), now

    # 赵 gives it back: the place is open again, offered in a new message (the newest); the
    # old offer points to it, without ✋ 接单 (one button for the order in the chat)
    await d.click(ZHAO, zhao_offer["message_id"], text="↩️ 放弃工单")
    await d.expect(ZHAO, "原因", since=zhao_offer["message_id"])
    await d.say(ZHAO, "临时要出差")
    await d.expect(ZHAO, f"已放弃工单 {order_no}")
    again = (await d.expect(LIU, "还在等人接", since=offer))["message_id"]
    now = await _now(d, LIU, offer)
    assert "请在最新的那条里点" in message_text(now) and "人已满" not in message_text(now), now
    assert not _buttons(now), _buttons(now)
    assert "✋ 接单" in _buttons(await _now(d, LIU, again))

    # and it claims: the new offer becomes 刘's card of it
    await d.click(LIU, again, text="✋ 接单")
    await d.expect(LIU, f"您已接下工单 {order_no}", since=again)
    now = await _now(d, LIU, again)
    assert "✅ 完成上报" in _buttons(now), _buttons(now)
