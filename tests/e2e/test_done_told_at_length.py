"""A member tells at length that the work is done ('水管已经修好了，换了一个新阀门', 'I fixed the
tap, it works now') rather than tapping ✅ 完成上报: with one order in hand its report begins with
those words, to confirm with ✅ 说完了; with several, the member is asked which order, and the
button tapped begins that one's report with the words. Before, only short words ('修好了') were
read so, and the report was offered to be filed as a matter of the member's own. Words that are
not a report ('水管修好了又漏了') are still offered to be filed. (services.smalltalk.tells_done,
handlers.results.take_typed_report)"""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.e2e.test_member_asks_in_words import _issue
from tests.e2e.test_stale_buttons_done import _now
from tests.orders.test_e2e_cycle import LIU, STAFF, ZHAO, ZHOU, _file, png
from tests.support import inline_labels, keyboard_labels

OFFER = "要把这件事报给社区吗"


async def _issue_another(h: Harness, text: str) -> str:
    """As `_issue`, after an order was issued already: the newer order's number."""
    d = h.driver
    mark = (await d.messages(STAFF))[-1]["message_id"]
    number = await _file(h, ZHOU, text)
    notice = await d.expect(STAFF, f"诉求 {number}", since=mark)
    await d.tap(STAFF, "查看诉求", notice["message_id"])
    card = await d.expect(STAFF, f"诉求 {number} ·", since=notice["message_id"])
    await d.tap(STAFF, "派单", card["message_id"])
    await d.expect(STAFF, f"为诉求 {number} 派单", since=mark)
    await d.tap(STAFF, "改为全社区")
    await d.expect(STAFF, "全社区的党员", since=mark)
    await d.tap(STAFF, "发布工单")
    issued = await d.expect(STAFF, "已发布", since=mark)
    return message_text(issued).split("工单 ")[1].split(" ")[0]


async def test_one_order_in_hand_the_words_are_its_report(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    order_no = await _issue(h, "1号楼厨房水管阀门坏了，一直滴水")
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.tap(LIU, "接单", offer["message_id"])
    await d.expect(LIU, "您已接下工单", since=offer["message_id"])
    # not a report: still a matter to file, not the report begun
    said = "\n".join(message_text(m) for m in await d.say(LIU, "我家水管修好了又漏了"))
    assert OFFER in said and "已记下您说的" not in said, said
    told = "水管已经修好了，换了一个新阀门"
    [form] = await d.say(LIU, told)
    assert f"工单 {order_no}" in message_text(form) and told in message_text(form)
    assert OFFER not in message_text(form)
    assert "✅ 说完了" in keyboard_labels(form) and "✖️ 取消" in keyboard_labels(form)
    mark = (await d.messages(STAFF))[-1]["message_id"]
    sent = await d.send(LIU, "✅ 说完了")
    await d.expect(LIU, f"工单 {order_no} 已上报", since=sent["message_id"])
    verify = await d.expect(STAFF, "请验收", since=mark)
    assert f"工单 {order_no}" in message_text(verify)
    assert await d.errors() == []


async def test_several_orders_in_hand_the_member_says_which(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    first = await _issue(h, "1号楼厨房水管阀门坏了，一直滴水")
    second = await _issue_another(h, "3号楼楼道灯不亮了，晚上很黑")
    offers = [await d.expect(LIU, f"新工单 {number}") for number in (first, second)]
    for offer in offers:
        await d.tap(LIU, "接单", offer["message_id"])
        await d.expect(LIU, "您已接下工单", since=offer["message_id"])
    told = "I fixed the tap, it works now"
    [which] = await d.say(LIU, told)
    assert "哪一件工单办完了" in message_text(which) and told in message_text(which)
    labels = inline_labels(which)
    assert any(first in label for label in labels) and any(second in label for label in labels)
    [button] = [label for label in labels if first in label]
    await d.tap(LIU, button, which["message_id"])
    form = await d.expect(LIU, "已记下您说的", since=which["message_id"])
    assert told in message_text(form) and f"工单 {first}" in message_text(form)
    assert inline_labels(await _now(d, LIU, which["message_id"])) == []
    sent = await d.send(LIU, "✅ 说完了")
    await d.expect(LIU, f"工单 {first} 已上报", since=sent["message_id"])
    assert await d.errors() == []


async def _result_photos(h: Harness, order_no: str) -> int:
    async with h.sessionmaker() as session:
        from sqlmodel import select

        from models.orders import Order
        from services import orders as order_service

        [order] = [o for o in (await session.exec(select(Order))).all() if o.number == order_no]
        return await order_service.count_result_photos(session, order_id=order.id or 0)


async def test_a_photo_at_the_menu_goes_into_the_report(linli_sandbox: Harness) -> None:
    """赵医生 (no address in the community) sends a photo of the work done at the menu: the
    answer offers ✅ 完成上报 of her order beside registering an address, and the report begins
    with the photo; 刘师傅 (a resident too) sends one with a caption: the caption is the note.
    Before, the photo was only offered to be filed, or kept till she registered an address."""
    h = linli_sandbox
    d = h.driver
    first = await _issue(h, "1号楼厨房水管阀门坏了，一直滴水")
    second = await _issue_another(h, "吴大爷要去医院复查，想找人陪")
    for member, number in ((LIU, first), (ZHAO, second)):
        offer = await d.expect(member, f"新工单 {number}")
        await d.tap(member, "接单", offer["message_id"])
        await d.expect(member, "您已接下工单", since=offer["message_id"])
    # 赵医生: a photo alone; the words follow in the report
    sent = await d.send(ZHAO, photo=png())
    answer = await d.expect(ZHAO, "完成上报", since=sent["message_id"])
    assert f"✅ 完成上报：{second}" in inline_labels(answer), inline_labels(answer)
    assert "🏠 现在登记" in inline_labels(answer)
    await d.tap(ZHAO, f"完成上报：{second}", answer["message_id"])
    form = await d.expect(ZHAO, "已收到照片 1 张", since=answer["message_id"])
    assert f"工单 {second}" in message_text(form)
    await d.say(ZHAO, "陪吴大爷复查完了，已送回家")
    sent = await d.send(ZHAO, "✅ 说完了")
    await d.expect(ZHAO, f"工单 {second} 已上报", since=sent["message_id"])
    assert await _result_photos(h, second) == 1
    # 刘师傅: a photo with its caption, offered to be filed or put in the report
    sent = await d.send(LIU, "阀门换好了", photo=png())
    answer = await d.expect(LIU, "完成上报", since=sent["message_id"])
    assert OFFER in message_text(answer) and "📝 报给社区" in inline_labels(answer)
    await d.tap(LIU, f"完成上报：{first}", answer["message_id"])
    form = await d.expect(LIU, "已记下您说的", since=answer["message_id"])
    assert "阀门换好了" in message_text(form) and "照片 1 张" in message_text(form)
    sent = await d.send(LIU, "✅ 说完了")
    await d.expect(LIU, f"工单 {first} 已上报", since=sent["message_id"])
    assert await _result_photos(h, first) == 1
    assert await d.errors() == []
