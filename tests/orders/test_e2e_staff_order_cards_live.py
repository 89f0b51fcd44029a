"""A staff member's card of an order (🔎 查看工单, or its number typed: ✖️ 撤销工单, 🔁 改派,
✅ 验收通过 …) follows the order, as their card of a request does. Before, it was drawn once: after
a member claimed the order it still read 待接单 with no one on it; after a colleague cancelled
it, it kept ✖️ 撤销工单; after the result was checked, it kept ✅ 验收通过 — until a stale button
on it was tapped. Now every staff member's card of an order (the latest opened) is redrawn
through the outbox when the order changes, whoever or whatever changed it (a member, a
colleague, the staff member on another message, a scheduled job); the card tapped is drawn by
the handler, once."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlmodel import select

from models.orders import Order
from sandbox.driver import message_text
from services.jobs import schedule_job
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_claim_in_place import _issue
from tests.orders.test_e2e_cycle import GRID_WORKER, LIU, STAFF
from tests.orders.test_e2e_job_redraws import RESCHEDULED, _run
from tests.orders.test_e2e_member_cards import _add_member
from tests.support import SettledDriver

CANCEL = "✖️ 撤销工单"
VERIFY = "✅ 验收通过"


def _labels(message: dict[str, Any]) -> list[str]:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
    return [b["text"] for row in rows for b in row]


async def _opened(h: Harness, chat: int, order_no: str) -> dict[str, Any]:
    """A staff member opens the order's card by typing its number."""
    d = h.driver
    sent = await d.send(chat, order_no)
    return await d.expect(chat, f"工单 {order_no} ·", since=sent["message_id"])


async def _now(h: Harness, chat: int, card: dict[str, Any]) -> dict[str, Any]:
    """The card as it stands once the bot is done (its redraws sent)."""
    d = h.driver
    assert isinstance(d, SettledDriver)
    await d.settle()
    since = card["message_id"] - 1
    [now] = [m for m in await d.messages(chat, since) if m["message_id"] == card["message_id"]]
    return now


async def _copies(h: Harness, chat: int, card: dict[str, Any], order_no: str) -> list[str]:
    """Cards of the order sent after this one (a redraw must edit it, not send another)."""
    return [
        message_text(m)
        for m in await h.driver.messages(chat, card["message_id"])
        if message_text(m).startswith(f"工单 {order_no} ·")
    ]


async def _claimed(h: Harness, order_no: str) -> int:
    """刘师傅 claims the order on his offer; the offer (his card now)."""
    d = h.driver
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.click(LIU, offer["message_id"], text="✋ 接单")
    await d.expect(LIU, f"您已接下工单 {order_no}", since=offer["message_id"])
    return int(offer["message_id"])


async def test_a_claim_and_a_cancel_redraw_the_colleagues_order_card(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    order_no = await _issue(h, "楼道里的灯坏了，晚上看不见路")
    theirs = await _opened(h, GRID_WORKER, order_no)
    mine = await _opened(h, STAFF, order_no)
    assert "待接单" in message_text(theirs) and CANCEL in _labels(theirs), _labels(theirs)

    await _claimed(h, order_no)
    for chat, card in ((GRID_WORKER, theirs), (STAFF, mine)):
        now = await _now(h, chat, card)
        text = message_text(now)
        assert "已接满" in text and "已接 1/1" in text and "刘建国" in text, text
        assert "🔁 改派（刘建国）" in _labels(now) and CANCEL in _labels(now), _labels(now)

    await d.tap(STAFF, "撤销工单", mine["message_id"])
    await d.expect(STAFF, f"撤销工单 {order_no} 的原因", since=mine["message_id"])
    await d.say(STAFF, "居民说灯自己好了")
    await d.expect(STAFF, f"工单 {order_no} 已撤销", since=mine["message_id"])
    for chat, card in ((GRID_WORKER, theirs), (STAFF, mine)):
        now = await _now(h, chat, card)
        assert "· 已撤销" in message_text(now), message_text(now)
        assert not [b for b in _labels(now) if "撤销" in b or "改派" in b], _labels(now)
        assert await _copies(h, chat, card, order_no) == []
    assert await d.errors() == []


async def test_a_check_from_the_notice_redraws_every_staff_order_card(
    linli_sandbox: Harness,
) -> None:
    """Reported done, the cards offer ✅ 验收通过; 李社工 accepts the result on its 请验收
    notice: his own card of the order (not the message tapped) and 张网格员's read 已验收,
    without buttons to check it again."""
    h = linli_sandbox
    d = h.driver
    order_no = await _issue(h, "家里厨房的水管漏水了，地上都是水")
    offer = await _claimed(h, order_no)
    theirs = await _opened(h, GRID_WORKER, order_no)
    mine = await _opened(h, STAFF, order_no)

    await d.click(LIU, offer, text="✅ 完成上报")
    await d.expect(LIU, "做了什么", since=offer)
    await d.say(LIU, "换了新的软管")
    await d.say(LIU, "✅ 说完了")
    await d.expect(LIU, f"工单 {order_no} 已上报")
    for chat, card in ((GRID_WORKER, theirs), (STAFF, mine)):
        now = await _now(h, chat, card)
        assert "待验收" in message_text(now) and "换了新的软管" in message_text(now), now
        assert VERIFY in _labels(now) and CANCEL not in _labels(now), _labels(now)

    notice = await d.expect(STAFF, "请验收", since=mine["message_id"])
    await d.tap(STAFF, "验收通过", notice["message_id"])
    await d.expect(LIU, "积分")
    for chat, card in ((GRID_WORKER, theirs), (STAFF, mine)):
        now = await _now(h, chat, card)
        assert "· 已验收" in message_text(now), message_text(now)
        assert not [b for b in _labels(now) if b in (VERIFY, "↩️ 退回", CANCEL)], _labels(now)
        assert await _copies(h, chat, card, order_no) == []
    assert await d.errors() == []


async def test_a_reassignment_redraws_the_order_card_it_came_from(
    linli_sandbox: Harness,
) -> None:
    """李社工 moves 刘师傅's claim to 钱师傅 from the list 🔁 改派 opened: the card the list came
    from (not the list tapped) and 张网格员's card name 钱立新, and offer to move his claim."""
    h = linli_sandbox
    d = h.driver
    await _add_member(h)
    order_no = await _issue(h, "楼道里的灯坏了，晚上看不见路")
    await _claimed(h, order_no)
    theirs = await _opened(h, GRID_WORKER, order_no)
    mine = await _opened(h, STAFF, order_no)

    await d.tap(STAFF, "改派（刘建国）", mine["message_id"])
    listed = await d.expect(STAFF, "改派给谁", since=mine["message_id"])
    await d.tap(STAFF, "钱立新", listed["message_id"])
    await d.expect(STAFF, "已改派给 钱立新", since=mine["message_id"])
    for chat, card in ((GRID_WORKER, theirs), (STAFF, mine)):
        now = await _now(h, chat, card)
        assert "接单人：钱立新" in message_text(now), message_text(now)
        assert "🔁 改派（钱立新）" in _labels(now), _labels(now)
        assert not [b for b in _labels(now) if "刘建国" in b], _labels(now)
    assert await d.errors() == []


async def test_a_job_changing_the_order_redraws_the_staff_order_card(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    order_no = await _issue(h, "楼道里的灯坏了，晚上看不见路")
    card = await _opened(h, GRID_WORKER, order_no)
    async with h.sessionmaker() as s:
        [order] = (await s.exec(select(Order))).all()
        assert order.deadline_at is not None and order.number == order_no
        due = order.deadline_at + timedelta(days=1, hours=8)  # as read in Asia/Shanghai
        await schedule_job(s, kind=RESCHEDULED, due_at=h.clock.now, payload={"order_id": order.id})
        await s.commit()
    shown = f"{due.month}月{due.day}日"
    assert shown not in message_text(card), message_text(card)

    await _run(h, h.clock.now)

    now = await _now(h, GRID_WORKER, card)
    assert shown in message_text(now), message_text(now)
    assert CANCEL in _labels(now), _labels(now)  # still open: still theirs to cancel
    assert await _copies(h, GRID_WORKER, card, order_no) == []
    assert await d.errors() == []


async def _reported(h: Harness, order_no: str) -> None:
    """刘师傅 claims the order and reports it done."""
    d = h.driver
    offer = await _claimed(h, order_no)
    await d.click(LIU, offer, text="✅ 完成上报")
    await d.expect(LIU, "做了什么", since=offer)
    await d.say(LIU, "换了新灯泡")
    await d.say(LIU, "✅ 说完了")
    await d.expect(LIU, f"工单 {order_no} 已上报")


async def test_sent_back_from_the_card_it_reads_as_the_order_is(linli_sandbox: Harness) -> None:
    """↩️ 退回 on 李社工's card of the order: once the reason is in, his card (drawn by the
    step) and 张网格员's (redrawn) read 已接满 with the tools of a claimed order, once each."""
    h = linli_sandbox
    d = h.driver
    order_no = await _issue(h, "楼道里的灯坏了，晚上看不见路")
    await _reported(h, order_no)
    theirs = await _opened(h, GRID_WORKER, order_no)
    mine = await _opened(h, STAFF, order_no)
    assert "↩️ 退回" in _labels(mine), _labels(mine)

    await d.tap(STAFF, "退回", mine["message_id"])
    await d.expect(STAFF, "还差什么", since=mine["message_id"])
    await d.say(STAFF, "请补一张灯亮着的照片")
    await d.expect(LIU, f"工单 {order_no} 被退回")
    for chat, card in ((GRID_WORKER, theirs), (STAFF, mine)):
        now = await _now(h, chat, card)
        assert "· 已接满" in message_text(now), message_text(now)
        assert CANCEL in _labels(now) and VERIFY not in _labels(now), _labels(now)
        assert await _copies(h, chat, card, order_no) == []
    assert await d.errors() == []


async def test_checked_on_the_card_it_reads_verified(linli_sandbox: Harness) -> None:
    """✅ 验收通过 on 李社工's card of the order: the card reads 已验收 (the answer comes below
    it; before, the card was replaced by the answer), and 张网格员's card too."""
    h = linli_sandbox
    d = h.driver
    order_no = await _issue(h, "楼道里的灯坏了，晚上看不见路")
    await _reported(h, order_no)
    theirs = await _opened(h, GRID_WORKER, order_no)
    mine = await _opened(h, STAFF, order_no)

    await d.tap(STAFF, "验收通过", mine["message_id"])
    await d.expect(STAFF, f"工单 {order_no} 已验收", since=mine["message_id"])
    for chat, card in ((GRID_WORKER, theirs), (STAFF, mine)):
        now = await _now(h, chat, card)
        assert "· 已验收" in message_text(now), message_text(now)
        assert VERIFY not in _labels(now) and "📄 查看诉求" in _labels(now), _labels(now)
        assert await _copies(h, chat, card, order_no) == []
    assert await d.errors() == []


async def test_a_claim_given_back_redraws_the_staff_order_cards(linli_sandbox: Harness) -> None:
    """刘师傅 gives the order back: the staff cards no longer name him nor offer to move his
    claim (🔁 改派（刘建国）), and read 待接单 again."""
    h = linli_sandbox
    d = h.driver
    order_no = await _issue(h, "楼道里的灯坏了，晚上看不见路")
    offer = await _claimed(h, order_no)
    theirs = await _opened(h, GRID_WORKER, order_no)
    mine = await _opened(h, STAFF, order_no)
    assert "🔁 改派（刘建国）" in _labels(theirs), _labels(theirs)

    await d.click(LIU, offer, text="↩️ 放弃工单")
    await d.expect(LIU, "为什么要放弃", since=offer)
    await d.say(LIU, "临时有事去不了")
    await d.expect(STAFF, "放弃了", since=mine["message_id"])
    for chat, card in ((GRID_WORKER, theirs), (STAFF, mine)):
        now = await _now(h, chat, card)
        text = message_text(now)
        assert "· 待接单" in text and "已接 0/1" in text and "刘建国" not in text, text
        assert not [b for b in _labels(now) if "改派" in b] and CANCEL in _labels(now), now
        assert await _copies(h, chat, card, order_no) == []
    assert await d.errors() == []
