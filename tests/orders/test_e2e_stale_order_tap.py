"""Staff buttons about an order tapped after the order moved on — ✖️ 撤销工单 on an older card of
an order cancelled since, 📣 发给全社区… on the answer to issuing it, a member on 改派's list once
the claim was given back — answered only '这件事刚刚
已经有人处理过了，这个按钮已经用不了。想看它现在的情况，请点下方菜单重新打开。' and kept their
buttons. Then the message tapped became the order's card as it now stands, with the alert other
stale taps give ('卡片已更新为最新状态'); so it still does when no card it came from is known. When
one is (the order's card 改派's list quotes, the staff member's card of the request remembered),
that card is redrawn in place and the message tapped says it is out of date, without buttons."""

from __future__ import annotations

from typing import Any

from sqlmodel import col, delete

from models.orders import OrderCard
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_card_after_step import _labels
from tests.orders.test_e2e_cycle import LIU, STAFF, ZHOU, _file, _open_card
from tests.orders.test_e2e_staff_cards_live import unremembered
from tests.orders.test_e2e_stale_card_redrawn import REDRAWN, _reads
from tests.orders.test_e2e_stale_list_redrawn import STALE_ALERT


async def _order_card(h: Harness, order_no: str) -> dict[str, Any]:
    """李社工 opens the order's card by typing its number."""
    d = h.driver
    sent = await d.send(STAFF, order_no)
    return await d.expect(STAFF, f"工单 {order_no} ·", since=sent["message_id"])


async def _older_card(h: Harness, order_no: str) -> dict[str, Any]:
    """李社工's card of the order as drawn before staff's order cards were remembered (else
    taken away when the order's card is opened again, and redrawn as the order changes)."""
    card = await _order_card(h, order_no)
    async with h.sessionmaker() as s:
        await s.exec(delete(OrderCard).where(col(OrderCard.member_id) == STAFF))  # type: ignore[call-overload]
        await s.commit()
    return card


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
    old = await _older_card(h, order_no)
    await _cancel(h, await _order_card(h, order_no), order_no)
    await unremembered(h)  # no card of the request known (the one back after 发布工单)

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
    await unremembered(h)  # no card of the request known (the one back after 发布工单)

    button = next(b for b in _labels(issued) if "📣" in b)
    answer = await d.tap(STAFF, button, issued["message_id"])

    assert answer["answer"]["text"] == REDRAWN and answer["answer"]["show_alert"], answer
    now = await _reads(h, issued, f"工单 {order_no} ·")
    assert "已撤销" in message_text(now), message_text(now)
    assert not any("📣" in b for b in _labels(now)), _labels(now)
    assert await d.errors() == []


async def test_an_old_reassign_list_redraws_the_order_card_it_came_from(
    linli_sandbox: Harness,
) -> None:
    """李社工 opens 改派 on 刘师傅's claim; 刘师傅 gives the order back meanwhile: a member
    tapped on the list redraws the order's card the list quotes (no one on it, no 改派), and
    the list says it is out of date, who did what, without buttons (before, it became a second
    copy of the order's card)."""
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

    assert answer["answer"] == {"text": STALE_ALERT, "show_alert": True, "url": None}, answer
    note = await _reads(h, listed, "这个列表已过期")
    assert "刘师傅" in message_text(note) and "放弃" in message_text(note), message_text(note)
    assert not _labels(note), _labels(note)
    above = await _reads(h, card, "待接单")
    assert not [b for b in _labels(above) if "改派" in b], _labels(above)
    copies = [
        m
        for m in await d.messages(STAFF, card["message_id"])
        if f"工单 {order_no} ·" in message_text(m)
    ]
    assert not copies, [message_text(m) for m in copies]
    assert await d.errors() == []


async def _reopened_request_card(h: Harness, number: str) -> dict[str, Any]:
    """李社工 opens the request's card again by typing its number: the card remembered."""
    d = h.driver
    sent = await d.send(STAFF, number)
    return await d.expect(STAFF, f"诉求 {number} ·", since=sent["message_id"])


async def test_offer_to_all_on_a_cancelled_order_redraws_the_request_card(
    linli_sandbox: Harness,
) -> None:
    """With the request's card remembered (opened again after issuing), 📣 发给… tapped on the
    issue's answer once the order was cancelled redraws that card and the answer says it is
    out of date (before, the answer became a copy of the order's card)."""
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
    order_no = message_text(issued).split("工单 ")[1].split(" ")[0]
    request_card = await _reopened_request_card(h, number)
    await _cancel(h, await _order_card(h, order_no), order_no)

    button = next(b for b in _labels(issued) if "📣" in b)
    answer = await d.tap(STAFF, button, issued["message_id"])

    assert answer["answer"]["text"] == STALE_ALERT and answer["answer"]["show_alert"], answer
    note = await _reads(h, issued, "这个列表已过期")
    assert "李社工" in message_text(note) and "工单撤销" in message_text(note), message_text(note)
    assert not _labels(note), _labels(note)
    card_now = await _reads(h, request_card, f"诉求 {number} ·")
    assert "📤 派单" in _labels(card_now), _labels(card_now)  # back in the queue, to order again
    assert await d.errors() == []


async def test_cancel_on_an_older_order_card_redraws_the_request_card(
    linli_sandbox: Harness,
) -> None:
    """An older card of an order cancelled since, with the request's card remembered: its
    ✖️ 撤销工单 redraws the request's card and the older card says it is out of date."""
    h = linli_sandbox
    d = h.driver
    number = await _file(h, ZHOU, "楼道里的灯坏了，晚上看不见路")
    await _open_card(h, number)
    await d.tap(STAFF, "派单")
    await d.expect(STAFF, f"为诉求 {number} 派单")
    await d.tap(STAFF, "发布工单")
    issued = message_text(await d.expect(STAFF, "已发布"))
    order_no = issued.split("工单 ")[1].split(" ")[0]
    old = await _older_card(h, order_no)
    request_card = await _reopened_request_card(h, number)
    await _cancel(h, await _order_card(h, order_no), order_no)

    answer = await d.tap(STAFF, "撤销工单", old["message_id"])

    assert answer["answer"]["text"] == STALE_ALERT and answer["answer"]["show_alert"], answer
    note = await _reads(h, old, "这张卡片已过期")
    assert "工单撤销" in message_text(note) and not _labels(note), message_text(note)
    await _reads(h, request_card, f"诉求 {number} ·")
    assert await d.errors() == []
