"""A member whose order left their hands (given back, or passed to someone else by staff) and
who taps a button of a card drawn while it was theirs is told the order is no longer theirs
(found walking as a volunteer). Before, 完成上报 and 放弃 answered '抱歉，您没有权限进行这个
操作。' as to a forged tap, and the card went on showing the resident's phone and room; a
report being written when staff moved the claim refused every ✅ 说完了 the same way."""

from __future__ import annotations

from typing import Any

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_claim_in_place import _issue
from tests.orders.test_e2e_cycle import LIU, STAFF

NOT_YOURS = "这一步不能再做了"  # how it left their hands is said before it


def _keys(message: dict[str, Any]) -> list[dict[str, Any]]:
    markup = message.get("reply_markup") or {}
    return [b for row in markup.get("inline_keyboard", []) for b in row]


def _buttons(message: dict[str, Any]) -> list[str]:
    return [b["text"] for b in _keys(message)]


async def _claim(h: Harness, text: str) -> tuple[str, dict[str, Any]]:
    """An order claimed by 刘师傅 from its offer: its number and the offer, now his card."""
    d = h.driver
    order_no = await _issue(h, text)
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.click(LIU, offer["message_id"], text="✋ 接单")
    await d.expect(LIU, f"您已接下工单 {order_no}", since=offer["message_id"])
    return order_no, offer


async def test_a_card_of_an_order_given_back_says_so_and_shows_no_contact(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    order_no, card = await _claim(h, "楼道里的灯坏了，晚上看不见路")
    [order_id] = {b["callback_data"].split(":")[2] for b in _keys(card)}
    # he gives it back from the order's card opened from 📌 我的工单 (his card of it now: the
    # one he claimed on is taken away)
    await d.say(LIU, "📌 我的工单")
    await d.tap(LIU, f"查看 {order_no}")
    other = await d.expect(LIU, "联系人", since=card["message_id"])
    await d.tap(LIU, "放弃工单", other["message_id"])
    await d.expect(LIU, "为什么要放弃")
    await d.say(LIU, "临时要出差")
    await d.expect(LIU, f"已放弃工单 {order_no}")
    await d.settle()
    [now] = [m for m in await d.messages(LIU) if m["message_id"] == other["message_id"]]
    # as a member who holds it not: no phone or room, no claimant's buttons
    assert "13900000001" not in message_text(now), message_text(now)
    assert not any(b in _buttons(now) for b in ("✅ 完成上报", "↩️ 放弃工单"))
    # nothing left to tap but what anyone may: the card now offers it to claim again
    assert "✋ 接单" in _buttons(now), _buttons(now)
    # a tap of the buttons it had while it was his (from a copy of it drawn before) says so
    for action in ("mdone", "mrel"):
        tapped = await d.click(LIU, other["message_id"], data=f"oc:{action}:{order_id}:0")
        answer = (tapped["answer"] or {}).get("text") or ""
        assert NOT_YOURS in answer and order_no in answer, answer
        assert "没有权限" not in answer


async def test_a_report_when_staff_moved_the_claim_is_over(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    order_no, card = await _claim(h, "楼道里的灯坏了，晚上看不见路")
    await d.tap(LIU, "完成上报", card["message_id"])
    await d.expect(LIU, f"请写一下工单 {order_no} 做了什么")
    await d.say(LIU, "换了新的阀门")
    # meanwhile the staff pass his claim to 赵敏
    full = await d.expect(STAFF, "已接满。")
    await d.tap(STAFF, "查看工单", full["message_id"])
    staff_card = await d.expect(STAFF, "接单人：刘建国", since=full["message_id"])
    await d.tap(STAFF, "改派", staff_card["message_id"])
    await d.expect(STAFF, "改派给谁")
    await d.tap(STAFF, "赵敏")
    await d.expect(STAFF, "已改派给 赵敏")
    sent = await d.send(LIU, "✅ 说完了")
    told = await d.expect(LIU, NOT_YOURS, since=sent["message_id"])
    keyboard = (told.get("reply_markup") or {}).get("keyboard") or []
    labels = [b["text"] if isinstance(b, dict) else b for row in keyboard for b in row]
    assert "🛠 可接工单" in labels, labels  # the main menu: the report is over
    # what he types now is no longer taken into a report
    [after] = await d.say(LIU, "🛠 可接工单")
    assert NOT_YOURS not in message_text(after), message_text(after)
