"""李社工 issues an order: ⏰ 12 小时 on the form, then ✏️ 改标题. The form came again below the
title, and the one above kept its buttons while still reading '办理时限：4 小时' and '本网格'. A
tap there changed the draft shown below, and its ✅ 发布工单 published an order unlike what it
showed. Now the form above loses its buttons when it comes again: one form, the latest."""

from __future__ import annotations

from typing import Any

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import STAFF, ZHOU, _file, _open_card


def _labels(message: dict[str, Any]) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [b["text"] for row in markup.get("inline_keyboard", []) for b in row]


async def test_the_order_form_shown_again_after_its_title_leaves_one_live_form(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, ZHOU, "厨房水管漏水，地上都是水")
    await _open_card(h, number)
    await d.tap(STAFF, "派单")
    form = await d.expect(STAFF, f"为诉求 {number} 派单")
    await d.tap(STAFF, "⭐ 20 积分", form["message_id"])
    await d.expect(STAFF, "积分：20", since=form["message_id"] - 1)
    await d.tap(STAFF, "改标题", form["message_id"])
    await d.expect(STAFF, "工单标题", since=form["message_id"])
    replies = await d.say(STAFF, "<b>换</b>厨房软管 & 检查阀门 😀")
    again = replies[-1]
    assert "标题：<b>换</b>厨房软管 & 检查阀门 😀" in message_text(again), message_text(again)
    assert "积分：20" in message_text(again)
    assert "✅ 发布工单" in _labels(again), _labels(again)

    [above] = [m for m in await d.messages(STAFF) if m["message_id"] == form["message_id"]]
    assert _labels(above) == [], _labels(above)  # no second form to tap

    # the latest form is the one that works, and publishes what it shows
    await d.tap(STAFF, "⭐ 5 积分", again["message_id"])
    await d.expect(STAFF, "积分：5", since=again["message_id"] - 1)
    await d.tap(STAFF, "发布工单", again["message_id"])
    issued = await d.expect(STAFF, "已发布", since=again["message_id"] - 1)
    order_no = message_text(issued).split("工单 ")[1].split(" ")[0]
    [found] = await d.say(STAFF, order_no)
    assert "积分 5" in message_text(found) and "<b>换</b>厨房软管" in message_text(found)
