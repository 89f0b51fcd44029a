"""'修好了' typed by a member holding an order is 完成上报 typed instead of tapped: the answer is
that order's 完成上报 button (one per order when several are in hand), and the report goes on
from it as from the card. Before, the words were offered to be filed as a new matter."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_claim_in_place import _issue
from tests.orders.test_e2e_cycle import LIU
from tests.support import inline_labels, reply_to


async def _claim(h: Harness, text: str) -> str:
    d = h.driver
    seen = await d.messages(LIU)
    await _issue(h, text)
    offer = await d.expect(LIU, "新工单", since=seen[-1]["message_id"] if seen else 0)
    order_no = message_text(offer).split("新工单 ")[1].split("：")[0]
    await d.click(LIU, offer["message_id"], text="✋ 接单")
    await d.expect(LIU, f"您已接下工单 {order_no}", since=offer["message_id"])
    return order_no


async def test_done_typed_by_a_member_offers_the_report(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    [nothing_held] = await d.say(LIU, "修好了")  # no order in hand: not a report
    assert "报给社区" in message_text(nothing_held), message_text(nothing_held)
    first = await _claim(h, "家里厨房的水管漏水了，地上都是水")
    [offer] = await d.say(LIU, "已经修好了！")
    assert f"工单 {first}" in message_text(offer), message_text(offer)
    assert inline_labels(offer) == ["✅ 完成上报"], inline_labels(offer)
    assert "报给社区" not in message_text(offer)
    # the thing named with the work done to it, as members say it
    [named] = await d.say(LIU, "水管换好了")
    assert inline_labels(named) == ["✅ 完成上报"], message_text(named)
    [asked] = await d.say(LIU, "水管换好了吗")  # a question is not a report
    assert "报给社区" in message_text(asked), message_text(asked)
    # a matter said with it is still a matter
    [matter] = await d.say(LIU, "修好了但是又漏了")
    assert "报给社区" in message_text(matter), message_text(matter)
    second = await _claim(h, "楼道里的灯坏了，晚上看不见路")
    [which] = await d.say(LIU, "搞定了")
    assert "2 件工单" in message_text(which), message_text(which)
    labels = inline_labels(which)
    assert len(labels) == 2 and first in labels[0] and second in labels[1], labels
    # tapping one goes on to the report, as the card's 完成上报 does
    await d.tap(LIU, labels[1], which["message_id"])
    await d.expect(LIU, f"请写一下工单 {second} 做了什么", since=which["message_id"])
    # the report said done in words: '好了' before any note is not the note, nor done
    [how] = await d.say(LIU, "好了")
    assert "请先用文字说明办理情况" in message_text(how), message_text(how)
    [way_out] = await d.say(LIU, "算了")
    assert "取消" in message_text(way_out) and "保存" in message_text(way_out)
    [got] = await d.say(LIU, "换了新的灯泡")
    assert "收到文字" in message_text(got)
    reported = await reply_to(d, LIU, "好了", "已上报")
    assert f"工单 {second}" in message_text(reported) and "验收" in message_text(reported)
    async with h.sessionmaker() as session:
        from sqlmodel import select

        from models.orders import Order

        notes = (await session.exec(select(Order.result_note))).all()
    assert sorted(n or "" for n in notes) == ["", "换了新的灯泡"], notes
