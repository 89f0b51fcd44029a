"""💬 告诉社区: a member holding an order tells its staff how it goes ('敲门没人在家'), from the
order's card or by typing it at the menu (before, typed words were only offered to be filed as
a new matter, and the card had no way to say anything). Staff get the note with the order's
button; the ledger keeps it; nobody else can send one."""

from __future__ import annotations

from typing import Any

from sqlmodel import col, select

from models.orders import LedgerEvent, Order
from sandbox.driver import message_text
from services.member_notes import NOTE_ACTION
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import LIU, STAFF, ZHAO
from tests.orders.test_e2e_typed_done import _claim
from tests.support import inline_labels


async def _order(h: Harness, number: str) -> Order:
    async with h.sessionmaker() as s:
        order = await s.get(Order, int(number.removeprefix("G")))
    assert order is not None and order.number == number
    return order


async def _notes(h: Harness) -> list[tuple[int | None, str | None, str | None, str]]:
    async with h.sessionmaker() as s:
        rows = await s.exec(
            select(LedgerEvent)
            .where(col(LedgerEvent.action) == NOTE_ACTION)
            .order_by(col(LedgerEvent.id))
        )
        return [(e.actor_id, e.from_state, e.to_state, e.note) for e in rows.all()]


async def _card(h: Harness, number: str) -> dict[str, Any]:
    """刘师傅's card of the order (the offer he claimed it from became it)."""
    [*_, card] = [
        m
        for m in await h.driver.messages(LIU)
        if f"工单 {number}" in message_text(m) and "✅ 完成上报" in inline_labels(m)
    ]
    return card


async def _staff_seen(h: Harness) -> int:
    seen = await h.driver.messages(STAFF)
    return seen[-1]["message_id"] if seen else 0


async def test_told_from_the_card_staff_get_it_and_the_ledger_keeps_it(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _claim(h, "家里厨房的水管漏水了，地上都是水")
    card = await _card(h, number)
    assert "💬 告诉社区" in inline_labels(card), inline_labels(card)
    await d.tap(LIU, "💬 告诉社区", card["message_id"])
    ask = await d.expect(LIU, f"工单 {number} 有什么情况要告诉社区", since=card["message_id"])
    since = await _staff_seen(h)
    # what the member types is passed on as written (escaped: tags stay words)
    await d.say(LIU, "敲门没人在家，<b>明天</b>再来")
    await d.expect(LIU, f"已转告社区（工单 {number}）", since=ask["message_id"])
    notice = await d.expect(STAFF, f"💬 工单 {number}", since=since)
    assert message_text(notice).endswith("· 接单人 刘建国：敲门没人在家，<b>明天</b>再来"), (
        message_text(notice)
    )
    await d.tap(STAFF, f"查看工单 {number}", notice["message_id"])
    await d.expect(STAFF, f"工单 {number} · ", since=notice["message_id"])
    order = await _order(h, number)
    assert await _notes(h) == [(LIU, order.status, order.status, "敲门没人在家，<b>明天</b>再来")]


async def test_typed_at_the_menu_it_is_passed_on_with_one_tap(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _claim(h, "楼道里的灯坏了，晚上看不见路")
    [older] = await d.say(LIU, "家里没人，电话也打不通")
    [offer] = await d.say(LIU, "敲门没人在家")
    # how the job goes: the order in hand first, the offer to file it as a matter after
    # (tests/orders/test_e2e_member_words_at_work.py)
    assert "报给社区" in message_text(offer) and "告诉社区" in message_text(offer)
    assert inline_labels(offer) == [f"💬 告诉社区：{number}", "📝 报给社区"], inline_labels(offer)
    since = await _staff_seen(h)
    # the older offer's button would send words typed after it: it is stale, nothing sent
    stale = await d.click(LIU, older["message_id"], text=f"💬 告诉社区：{number}")
    assert "按钮已经失效" in str(stale["answer"]), stale
    assert await _notes(h) == []
    await d.tap(LIU, f"💬 告诉社区：{number}", offer["message_id"])
    await d.expect(LIU, f"已转告社区（工单 {number}）", since=offer["message_id"])
    notice = await d.expect(STAFF, f"💬 工单 {number}", since=since)
    assert message_text(notice).endswith("· 接单人 刘建国：敲门没人在家"), message_text(notice)
    [now] = [m for m in await d.messages(LIU) if m["message_id"] == offer["message_id"]]
    assert inline_labels(now) == []  # passed on: neither button is left to tap
    assert message_text(now).endswith("\n\n✓ 已选：告诉社区"), message_text(now)
    order = await _order(h, number)
    assert [n[3] for n in await _notes(h)] == ["敲门没人在家"]
    # a second tap (an old screen: the button is gone) sends nothing more, and says why
    again = await d.click(LIU, offer["message_id"], data=f"oc:mnotet:{order.id}:0")
    assert "这条已经选过了：「告诉社区」" in str(again["answer"]), again
    filed = await d.click(LIU, offer["message_id"], data="fb:file")
    assert "这条已经选过了：「告诉社区」" in str(filed["answer"]), filed
    assert len(await _notes(h)) == 1


async def test_no_note_from_who_does_not_hold_the_order(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _claim(h, "家里厨房的水管漏水了，地上都是水")
    order = await _order(h, number)
    # 赵医生, a member of the same community, forges 刘师傅's button: refused, nothing asked
    [mine] = await d.say(ZHAO, "📌 我的工单")
    forged = await d.click(ZHAO, mine["message_id"], data=f"oc:mnote:{order.id}:0")
    assert "没有权限" in str(forged["answer"]), forged
    forged = await d.click(ZHAO, mine["message_id"], data=f"oc:mnotet:{order.id}:0")
    assert "按钮已经失效" in str(forged["answer"]), forged
    assert not [m for m in await d.messages(ZHAO) if "告诉社区" in message_text(m)]
    # 刘师傅 gives it back: his card loses 💬 (redrawn); the button of a copy drawn before is
    # answered so, nothing asked or written
    card = await _card(h, number)
    await d.tap(LIU, "放弃工单", card["message_id"])
    await d.say(LIU, "临时要出差")
    released = await d.expect(LIU, "已放弃")
    await d.settle()
    [now] = [m for m in await d.messages(LIU) if m["message_id"] == card["message_id"]]
    assert "💬 告诉社区" not in str(now.get("reply_markup")), now
    stale = await d.click(LIU, card["message_id"], data=f"oc:mnote:{order.id}:0")
    assert f"工单 {number} 已经不在您手上了" in str(stale["answer"]), stale
    assert not [
        m
        for m in await d.messages(LIU, since=released["message_id"])
        if "有什么情况要告诉社区" in message_text(m)
    ]
    assert await _notes(h) == []
