"""Results waiting to be checked (验收) are one tap from 📋 待办诉求 (found walking the flows
as 李社工 at night, when the 验收 card was held till morning): /start said '待验收的结果 1
件, 点「📋 待办诉求」', and 待办诉求 said '目前没有待受理的诉求' with only 办理中的事项 beside
it, where the matter read '已派单'; the 验收 buttons were three taps away. Now the queue
carries '✅ 待验收（N）', which lists those results with a button straight to the order card
and its 验收通过/退回, and the in-progress list marks them 待验收."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.e2e.test_asked_first_card import _claimed_card
from tests.orders.test_e2e_cycle import LIU, STAFF, png


def _buttons(message: dict) -> dict[str, str]:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
    return {b["text"]: b["callback_data"] for row in rows for b in row}


async def test_results_to_verify_are_listed_from_the_queue(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    card = await _claimed_card(h)
    await d.tap(LIU, "完成上报", card["message_id"])
    await d.expect(LIU, "做了什么", since=card["message_id"])
    await d.say(LIU, "换了新灯泡")
    await d.send(LIU, photo=png())
    await d.expect(LIU, "收到照片", since=card["message_id"])
    sent = await d.send(LIU, "✅ 说完了")
    await d.expect(LIU, "已上报，等待社区验收", since=sent["message_id"])
    await d.expect(STAFF, "请验收")

    start = await d.send(STAFF, "/start")
    home = await d.expect(STAFF, "待验收的结果 1 件", since=start["message_id"])
    assert "待核验" not in message_text(home)
    typed = await d.send(STAFF, "📋 待办诉求")
    queue = await d.expect(STAFF, "待受理", since=typed["message_id"])
    assert "✅ 待验收（1）" in _buttons(queue)

    await d.tap(STAFF, "🔄 办理中的事项", queue["message_id"])
    active = await d.expect(STAFF, "办理中的事项", since=typed["message_id"])
    assert "待验收" in message_text(active) and "已派单" not in message_text(active)

    await d.tap(STAFF, "✅ 待验收（1）", active["message_id"])
    listed = await d.expect(STAFF, "待验收的结果", since=typed["message_id"])
    [open_order] = [label for label in _buttons(listed) if label.startswith("查看工单")]
    await d.tap(STAFF, open_order, listed["message_id"])
    order = await d.expect(STAFF, "换了新灯泡", since=listed["message_id"])
    assert {"🖼 查看照片", "✅ 验收通过", "↩️ 退回"} <= set(_buttons(order))
    # what is checked is one tap away: the photo the member reported it done with
    await d.tap(STAFF, "🖼 查看照片", order["message_id"])
    shown = await d.expect(STAFF, "办理结果", since=order["message_id"])
    assert shown.get("photo"), shown

    await d.tap(STAFF, "✅ 验收通过", order["message_id"])
    await d.expect(STAFF, "已验收", since=listed["message_id"])
    again = await d.send(STAFF, "📋 待办诉求")
    queue = await d.expect(STAFF, "", since=again["message_id"])
    assert "✅ 待验收（0）" in _buttons(queue)
    await d.tap(STAFF, "✅ 待验收（0）", queue["message_id"])
    await d.expect(STAFF, "目前没有待验收的结果", since=again["message_id"])
