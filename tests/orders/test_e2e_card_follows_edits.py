"""A member's card of an order follows changes of its matter that are not transitions (found
walking as 刘师傅): information 周阿姨 added (补充信息), a place 李社工 corrected (📍 改地点).
Before, the card was redrawn on the order's transitions only, and went on showing the first
words and the old place. Now every change recorded in the ledger redraws the cards of the
matter's orders that would read differently."""

from __future__ import annotations

from typing import Any

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import LIU, STAFF, ZHOU, _file, _open_card
from tests.support import SettledDriver, reply_to


async def _now(d: SettledDriver, chat: int, message_id: int) -> dict[str, Any]:
    """The message as it stands once the bot is done (redraws sent)."""
    await d.settle()
    [now] = [m for m in await d.messages(chat) if m["message_id"] == message_id]
    return now


async def _issued(h: Harness, text: str) -> tuple[str, str]:
    """周阿姨 files `text`, 李社工 issues it to the whole community: (request, order) numbers."""
    d = h.driver
    number = await _file(h, ZHOU, text)
    await _open_card(h, number)
    await d.tap(STAFF, "派单")
    await d.expect(STAFF, f"为诉求 {number} 派单")
    await d.tap(STAFF, "改为全社区")
    await d.expect(STAFF, "全社区的党员")
    await d.tap(STAFF, "发布工单")
    issued = await d.expect(STAFF, "已发布")
    return number, message_text(issued).split("工单 ")[1].split(" ")[0]


async def test_a_claimants_card_shows_information_the_resident_added(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    assert isinstance(d, SettledDriver)
    number, order_no = await _issued(h, "1号楼三单元楼道灯坏了，晚上很黑")
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.click(LIU, offer["message_id"], text="✋ 接单")
    await d.expect(LIU, f"您已接下工单 {order_no}", since=offer["message_id"])
    card = offer["message_id"]  # his card of it now
    assert "二楼拐角" not in message_text(await _now(d, LIU, card))

    mine = await reply_to(d, ZHOU, "📂 我的诉求", "我的诉求（共")
    await d.tap(ZHOU, f"查看 {number}", mine["message_id"])
    own = await d.expect(ZHOU, f"诉求 {number}", since=mine["message_id"])
    await d.tap(ZHOU, "补充信息", own["message_id"])
    await d.expect(ZHOU, f"请补充诉求 {number} 的信息")
    await d.say(ZHOU, "坏的是二楼拐角那盏，晚上七点后家里有人")
    await d.expect(ZHOU, f"已补充到诉求 {number}")

    now = await _now(d, LIU, card)
    assert "二楼拐角那盏" in message_text(now), message_text(now)
    assert "✅ 完成上报" in str(now.get("reply_markup")), now  # still his to report


async def test_a_card_opened_from_details_shows_the_place_corrected(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    assert isinstance(d, SettledDriver)
    number, order_no = await _issued(h, "1号楼三单元楼道灯坏了，晚上很黑")
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.click(LIU, offer["message_id"], text="详情")
    card = await d.expect(LIU, f"工单 {order_no} · ", since=offer["message_id"])
    assert "1号楼" in message_text(card) and "5号楼" not in message_text(card)

    notice = await d.expect(STAFF, f"诉求 {number}")
    last = (await d.messages(STAFF))[-1]["message_id"]  # the card came back once issued
    await d.tap(STAFF, "查看诉求", notice["message_id"])
    request_card = await d.expect(STAFF, "渠道：", since=last)
    await d.tap(STAFF, "📍 改地点", request_card["message_id"])
    menu = await d.expect(STAFF, "请选择正确的楼栋", since=request_card["message_id"])
    await d.tap(STAFF, "5号楼", menu["message_id"])
    await d.expect(STAFF, f"诉求 {number} 的地点已改为 5号楼", since=menu["message_id"] - 1)

    now = await _now(d, LIU, card["message_id"])
    assert "5号楼" in message_text(now), message_text(now)
    assert "✋ 接单" in str(now.get("reply_markup")), now  # still his to claim
