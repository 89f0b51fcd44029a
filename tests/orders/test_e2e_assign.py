"""👤 指派: staff give a free place on an open order to a member they chose (the volunteer they
phoned): the member is told it is theirs, the resident that someone has it, the other members'
offers lose ✋ 接单. Before, staff could only wait for a claim and then 改派 it."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import LIU, STAFF, ZHAO, ZHOU, _file, _open_card


def _labels(message: dict) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [b["text"] for row in markup.get("inline_keyboard", []) for b in row]


async def test_staff_assign_an_open_order_to_a_member(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, ZHOU, "1号楼楼道灯坏了，晚上很黑")
    await _open_card(h, number)
    await d.tap(STAFF, "派单")
    await d.expect(STAFF, f"为诉求 {number} 派单")
    await d.tap(STAFF, "改为全社区")
    await d.expect(STAFF, "全社区的党员")
    await d.tap(STAFF, "发布工单")
    issued = await d.expect(STAFF, "已发布")
    order_no = message_text(issued).split("工单 ")[1].split(" ")[0]
    liu_offer = await d.expect(LIU, f"新工单 {order_no}")
    zhao_offer = await d.expect(ZHAO, f"新工单 {order_no}")
    sent = await d.send(STAFF, order_no)
    card = await d.expect(STAFF, f"工单 {order_no}", since=sent["message_id"])
    assert "👤 指派给党员/志愿者" in _labels(card), _labels(card)
    await d.tap(STAFF, "指派", card["message_id"])
    choose = await d.expect(STAFF, "指派给谁", since=card["message_id"])
    await d.tap(STAFF, "刘建国", choose["message_id"])
    done = await d.expect(STAFF, f"工单 {order_no} 已指派给 刘建国", since=card["message_id"])
    assert done["message_id"] == choose["message_id"]  # the list says what was done
    told = await d.expect(LIU, "交给了您", since=liu_offer["message_id"])
    assert order_no in message_text(told)
    await d.expect(ZHOU, "已有党员/志愿者接单")
    # the member's own list has it, with the resident's phone on its card
    await d.say(LIU, "📌 我的工单")
    await d.tap(LIU, f"查看 {order_no}")
    mine = await d.expect(LIU, "联系人")
    assert "13900000001" in message_text(mine)
    # the other member's offer no longer takes it; a tap is told it is taken
    redrawn = await d.expect(ZHAO, "人已满", since=zhao_offer["message_id"] - 1)
    assert "✋ 接单" not in _labels(redrawn)
    tapped = await d.click(
        ZHAO, zhao_offer["message_id"], data=f"oc:claim:{order_no[1:].lstrip('0')}:0"
    )
    assert tapped["answer"] is not None
    # the staff's card now names who has it, and offers no second 指派 (the order is full)
    sent = await d.send(STAFF, order_no)
    card = await d.expect(STAFF, "接单人：刘建国", since=sent["message_id"])
    assert "👤 指派给党员/志愿者" not in _labels(card)
    # a stale 指派 list tapped again: told, nothing changes
    again = await d.click(
        STAFF, choose["message_id"], data=f"oc:sasto:{order_no[1:].lstrip('0')}:{ZHAO}"
    )
    assert again["answer"] is not None and again["answer"]["show_alert"], again
    assert await d.errors() == []
