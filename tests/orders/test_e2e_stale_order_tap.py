"""Staff buttons about an order tapped after the order moved on — ✖️ 撤销工单 on an older card of
an order cancelled since, 📣 发给全社区… on the answer to issuing it, a member on 改派's list once
the claim was given back — answered only '这件事刚刚
已经有人处理过了，这个按钮已经用不了。想看它现在的情况，请点下方菜单重新打开。' and kept their
buttons. Now the message tapped becomes the order's card as it now stands, with the alert other
stale taps give ('卡片已更新为最新状态')."""

from __future__ import annotations

from typing import Any

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_card_after_step import _labels
from tests.orders.test_e2e_cycle import LIU, STAFF, ZHOU, _file, _open_card
from tests.orders.test_e2e_stale_card_redrawn import REDRAWN, _reads


async def _order_card(h: Harness, order_no: str) -> dict[str, Any]:
    """李社工 opens the order's card by typing its number."""
    d = h.driver
    sent = await d.send(STAFF, order_no)
    return await d.expect(STAFF, f"工单 {order_no} ·", since=sent["message_id"])


async def _cancel(h: Harness, card: dict[str, Any], order_no: str) -> None:
    d = h.driver
    await d.tap(STAFF, "撤销工单", card["message_id"])
    await d.expect(STAFF, f"撤销工单 {order_no} 的原因", since=card["message_id"])
    await d.say(STAFF, "居民说灯自己好了")
    await d.expect(STAFF, f"工单 {order_no} 已撤销", since=card["message_id"])


async def test_cancel_on_an_older_order_card_redraws_it(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, ZHOU, "楼道里的灯坏了，晚上看不见路")
    await _open_card(h, number)
    await d.tap(STAFF, "派单")
    await d.expect(STAFF, f"为诉求 {number} 派单")
    await d.tap(STAFF, "发布工单")
    issued = message_text(await d.expect(STAFF, "已发布"))
    order_no = issued.split("工单 ")[1].split(" ")[0]
    old = await _order_card(h, order_no)
    await _cancel(h, await _order_card(h, order_no), order_no)

    answer = await d.tap(STAFF, "撤销工单", old["message_id"])

    assert answer["answer"]["text"] == REDRAWN and answer["answer"]["show_alert"], answer
    now = await _reads(h, old, "已撤销")
    assert "✖️ 撤销工单" not in _labels(now), _labels(now)
    assert await d.errors() == []


async def test_offer_to_all_on_an_order_cancelled_since_redraws_the_answer(
    linli_sandbox: Harness,
) -> None:
    """An order for three in 第一网格, which two members fit: the answer offers 📣 发给…;
    cancelled meanwhile, the answer tapped becomes the order's card."""
    h = linli_sandbox
    d = h.driver
    number = await _file(h, ZHOU, "楼道里的灯坏了，晚上看不见路")
    await _open_card(h, number)
    await d.tap(STAFF, "派单")
    await d.expect(STAFF, f"为诉求 {number} 派单")
    await d.tap(STAFF, "👥 3 人")
    await d.expect(STAFF, "需要人数：3")
    await d.tap(STAFF, "发布工单")
    issued = await d.expect(STAFF, "已发布")
    assert any("📣" in b for b in _labels(issued)), (message_text(issued), _labels(issued))
    order_no = message_text(issued).split("工单 ")[1].split(" ")[0]
    await _cancel(h, await _order_card(h, order_no), order_no)

    button = next(b for b in _labels(issued) if "📣" in b)
    answer = await d.tap(STAFF, button, issued["message_id"])

    assert answer["answer"]["text"] == REDRAWN and answer["answer"]["show_alert"], answer
    now = await _reads(h, issued, f"工单 {order_no} ·")
    assert "已撤销" in message_text(now), message_text(now)
    assert not any("📣" in b for b in _labels(now)), _labels(now)
    assert await d.errors() == []


async def test_an_old_reassign_list_becomes_the_order_card(linli_sandbox: Harness) -> None:
    """李社工 opens 改派 on 刘师傅's claim; 刘师傅 gives the order back meanwhile: a member
    tapped on the list makes it the order's card as it now is (no one on it)."""
    h = linli_sandbox
    d = h.driver
    number = await _file(h, ZHOU, "楼道里的灯坏了，晚上看不见路")
    await _open_card(h, number)
    await d.tap(STAFF, "派单")
    await d.expect(STAFF, f"为诉求 {number} 派单")
    await d.tap(STAFF, "发布工单")
    issued = message_text(await d.expect(STAFF, "已发布"))
    order_no = issued.split("工单 ")[1].split(" ")[0]
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.click(LIU, offer["message_id"], text="✋ 接单")
    await d.expect(LIU, f"您已接下工单 {order_no}", since=offer["message_id"])
    card = await _order_card(h, order_no)
    await d.tap(STAFF, "改派", card["message_id"])
    listed = await d.expect(STAFF, "改派给谁", since=card["message_id"])
    await d.click(LIU, offer["message_id"], text="↩️ 放弃工单")
    await d.expect(LIU, "为什么要放弃", since=offer["message_id"])
    await d.say(LIU, "临时有事去不了")
    await d.expect(STAFF, "放弃了", since=listed["message_id"])

    name = next(iter(_labels(listed)))
    answer = await d.tap(STAFF, name, listed["message_id"])

    assert answer["answer"]["text"] == REDRAWN and answer["answer"]["show_alert"], answer
    now = await _reads(h, listed, f"工单 {order_no} ·")
    assert "待接单" in message_text(now), message_text(now)
    assert name not in _labels(now), _labels(now)
    assert await d.errors() == []
