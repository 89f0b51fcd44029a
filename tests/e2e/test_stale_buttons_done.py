"""Buttons that stay after they stopped making sense, in the order cycle: the member's
'✅ 完成上报' once the report is sent, and a transfer's '跳过' (and its list of units used
before) once the note is typed or skipped."""

from __future__ import annotations

from typing import Any

from sandbox.driver import Driver, message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import LIU, STAFF, WU, ZHENG, ZHOU, _file, _open_card


def _inline(message: dict[str, Any]) -> list[str]:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
    return [b["text"] for row in rows for b in row]


async def _now(d: Driver, chat: int, message_id: int) -> dict[str, Any]:
    """The message as it stands now."""
    [msg] = [m for m in await d.messages(chat, message_id - 1) if m["message_id"] == message_id]
    return msg


async def _report(d: Driver, card: dict[str, Any], note: str) -> None:
    """刘师傅 taps 完成上报 on `card` and reports `note`."""
    await d.tap(LIU, "完成上报", card["message_id"])
    await d.expect(LIU, "做了什么", since=card["message_id"])
    await d.say(LIU, note)
    sent = await d.send(LIU, "✅ 说完了")
    await d.expect(LIU, "已上报，等待社区验收", since=sent["message_id"])


async def test_report_done_button_goes_once_reported(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, ZHOU, "1号楼三单元楼道灯坏了，晚上很黑")
    await _open_card(h, number)
    await d.tap(STAFF, "派单")
    await d.expect(STAFF, f"为诉求 {number} 派单")
    await d.tap(STAFF, "改为全社区")
    await d.expect(STAFF, "全社区的党员")
    await d.tap(STAFF, "发布工单")
    issued = await d.expect(STAFF, "已发布")
    order_no = message_text(issued).split("工单 ")[1].split(" ")[0]
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.tap(LIU, "接单", offer["message_id"])
    await d.expect(LIU, "您已接下工单", since=offer["message_id"])
    card = await _now(d, LIU, offer["message_id"])  # the offer became the claimed order's card
    assert "✅ 完成上报" in _inline(card)
    await _report(d, card, "换了新灯泡")
    # the card reads reported, waiting for staff, and has no 完成上报 (nor 放弃) any more
    card = await _now(d, LIU, offer["message_id"])
    assert card["edited"]
    assert "待验收" in message_text(card) and "等待社区验收" in message_text(card)
    assert "换了新灯泡" in message_text(card)
    assert _inline(card) == []
    # staff send it back: the notice is a fresh card with 完成上报 again
    verify = await d.expect(STAFF, "请验收")
    await d.tap(STAFF, "退回", verify["message_id"])
    await d.expect(STAFF, "还差什么")
    mark = (await d.messages(LIU))[-1]["message_id"]
    await d.say(STAFF, "请补一张照片")
    back = await d.expect(LIU, "请补一张照片", since=mark)
    assert "再次上报" in message_text(back)
    assert _inline(back) == ["✅ 完成上报", "详情"]
    # 📌 我的工单 shows the order's card too; the report is made from the notice
    await d.say(LIU, "📌 我的工单")
    await d.tap(LIU, f"查看 {order_no}")
    older = await d.expect(LIU, "分类：", since=back["message_id"])
    assert "✅ 完成上报" in _inline(older)
    [order_id] = {
        b["callback_data"].split(":")[2]
        for row in older["reply_markup"]["inline_keyboard"]
        for b in row
    }
    await _report(d, back, "已补照片，灯亮了")
    back = await _now(d, LIU, back["message_id"])
    assert "等待社区验收" in message_text(back) and _inline(back) == []
    # the card reads so too, without its 完成上报; the button of a copy drawn before says it
    # was reported and starts no report
    older = await _now(d, LIU, older["message_id"])
    assert "等待社区验收" in message_text(older) and _inline(older) == []
    tapped = await d.click(LIU, older["message_id"], data=f"oc:mdone:{order_id}:0")
    assert "已经上报过了" in str(tapped["answer"])
    assert "做了什么" not in message_text((await d.messages(LIU))[-1])
    verify = await d.expect(STAFF, "请验收", since=verify["message_id"])
    await d.tap(STAFF, "验收通过", verify["message_id"])
    await d.expect(STAFF, "已验收")


async def test_transfer_skip_goes_once_used(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    # 跳过 tapped: the prompt loses it
    road = await _file(h, WU, "小区门口的路面塌陷了一个大坑，很危险")
    await _open_card(h, road)
    await d.tap(STAFF, "转办")
    await d.expect(STAFF, "转办给哪个单位")
    [ask] = await d.say(STAFF, "区市政工程管理处")
    assert "需要说明" in message_text(ask) and _inline(ask) == ["跳过"]
    await d.tap(STAFF, "跳过", ask["message_id"])
    await d.expect(STAFF, f"诉求 {road} 已转办", since=ask["message_id"])
    assert _inline(await _now(d, STAFF, ask["message_id"])) == []
    # the note typed: the prompt's 跳过 goes, and the units offered before went with the unit
    pipe = await _file(h, ZHENG, "5号楼门口的下水道井盖松了")
    await _open_card(h, pipe)
    mark = (await d.messages(STAFF))[-1]["message_id"]
    await d.tap(STAFF, "转办")
    units = await d.expect(STAFF, "以前转办过的单位", since=mark)
    assert "区市政工程管理处" in _inline(units)
    [ask] = await d.say(STAFF, "区水务局")
    assert _inline(await _now(d, STAFF, units["message_id"])) == []
    assert _inline(ask) == ["跳过"]
    replies = await d.say(STAFF, "井盖需要更换，请尽快")
    assert any(f"诉求 {pipe} 已转办" in message_text(m) for m in replies)
    assert _inline(await _now(d, STAFF, ask["message_id"])) == []
    await d.expect(ZHENG, "区水务局")
