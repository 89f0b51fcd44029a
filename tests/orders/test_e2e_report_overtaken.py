"""A member writing a report (完成上报) of an order that staff cancelled, or gave to someone
else, meanwhile. Before, photos and words sent went on being collected ('收到照片，共 1 张') for
a report that could only fail, and ✅ 说完了 then got the bare refusal, the member's card of
the order still offering 完成上报. Now whatever is sent next is answered with why (what ended
it, who did it and when), the report is closed with nothing kept, and the member's card of the
order reads as the order now stands."""

from __future__ import annotations

from typing import Any

from sqlmodel import select

from models.orders import Order, OrderStatus
from sandbox.driver import message_text
from services import report_drafts
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_card_after_step import _labels
from tests.orders.test_e2e_claim_in_place import _issue
from tests.orders.test_e2e_cycle import LIU, STAFF, ZHAO, png
from tests.orders.test_e2e_stale_order_tap import _cancel, _order_card


async def _reporting(h: Harness, order_no: str) -> dict[str, Any]:
    """刘师傅 claims the order on its offer and begins its report with a few words; the offer,
    now his card of the order."""
    d = h.driver
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.click(LIU, offer["message_id"], text="✋ 接单")
    await d.expect(LIU, f"您已接下工单 {order_no}", since=offer["message_id"])
    await d.tap(LIU, "完成上报", offer["message_id"])
    await d.expect(LIU, "做了什么", since=offer["message_id"])
    await d.say(LIU, "换了新灯泡")
    return offer


async def _card_now(h: Harness, card: dict[str, Any]) -> dict[str, Any]:
    [now] = [m for m in await h.driver.messages(LIU) if m["message_id"] == card["message_id"]]
    return now


async def _nothing_kept(h: Harness) -> None:
    """The order was not reported, and nothing of the report is kept to go on with."""
    async with h.sessionmaker() as s:
        [order] = (await s.exec(select(Order))).all()
        assert order.status != OrderStatus.DONE
        assert not await report_drafts.has_draft(s, member_id=LIU, order_id=order.id or 0)


async def test_a_photo_for_a_cancelled_order_is_answered_and_the_card_redrawn(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    order_no = await _issue(h, "楼道里的灯坏了，晚上看不见路")
    card = await _reporting(h, order_no)
    await _cancel(h, await _order_card(h, order_no), order_no)

    sent = await d.send(LIU, photo=png())
    said = await d.expect(LIU, "没有收下", since=sent["message_id"])

    text = message_text(said)
    assert f"工单 {order_no} 已经撤销了" in text, text
    assert "李社工" in text and "工单撤销" in text, text
    assert "收到照片" not in " ".join(
        message_text(m) for m in await d.messages(LIU, sent["message_id"])
    )
    now = await _card_now(h, card)
    assert "已撤销" in message_text(now), message_text(now)
    assert not [b for b in _labels(now) if "完成上报" in b], _labels(now)
    # the report is closed: words typed next are not taken as part of it
    more = await d.say(LIU, "灯座也换了")
    assert not [m for m in more if "已记下" in message_text(m) or "收到" in message_text(m)], [
        message_text(m) for m in more
    ]
    await _nothing_kept(h)
    assert await d.errors() == []


async def test_done_on_an_order_given_to_someone_else_is_answered_and_the_card_redrawn(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    order_no = await _issue(h, "楼道里的灯坏了，晚上看不见路")
    card = await _reporting(h, order_no)
    staff_card = await _order_card(h, order_no)
    await d.tap(STAFF, "改派", staff_card["message_id"])
    listed = await d.expect(STAFF, "改派给谁", since=staff_card["message_id"])
    await d.tap(STAFF, "赵敏", listed["message_id"])  # 赵医生's real name
    await d.expect(STAFF, f"工单 {order_no} 已改派给", since=staff_card["message_id"])
    await d.expect(ZHAO, order_no)  # the order is 赵医生's now

    sent = await d.send(LIU, "✅ 说完了")
    said = await d.expect(LIU, "没有收下", since=sent["message_id"])

    text = message_text(said)
    assert f"工单 {order_no} 已由社区改派给其他人" in text, text
    assert "李社工" in text and "改派" in text, text
    now = await _card_now(h, card)
    assert not [b for b in _labels(now) if "完成上报" in b], _labels(now)
    await _nothing_kept(h)
    assert await d.errors() == []
