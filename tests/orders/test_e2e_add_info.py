"""A resident adds information after the order is issued and claimed: staff and the member on
the order hear it; withdrawal stays closed; a finished matter takes no more information."""

from __future__ import annotations

from sqlmodel import col, select

from models.orders import LedgerEvent, Request
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import LIU, STAFF, ZHAO, ZHOU, _file, _open_card, png
from tests.support import reply_to


async def test_resident_adds_information_to_a_claimed_order(linli_sandbox: Harness) -> None:
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
    await d.expect(LIU, "联系人")
    await d.expect(ZHOU, "已有党员/志愿者接单")
    # the resident opens the request: she may add information, no longer withdraw
    mine = await reply_to(d, ZHOU, "📂 我的诉求", "我的诉求（共")
    await d.tap(ZHOU, f"查看 {number}", mine["message_id"])
    card = await d.expect(ZHOU, f"诉求 {number}", since=mine["message_id"])
    buttons = str(card.get("reply_markup"))
    assert "补充信息" in buttons and "撤回" not in buttons
    await d.tap(ZHOU, "补充信息", card["message_id"])
    await d.expect(ZHOU, f"请补充诉求 {number} 的信息")
    await d.say(ZHOU, "坏的是二楼拐角那盏，晚上七点后家里有人")
    await d.expect(ZHOU, f"已补充到诉求 {number}")
    await d.expect(STAFF, f"诉求 {number} 有居民补充的信息")
    told = await d.expect(LIU, "居民补充了信息")
    assert order_no in message_text(told) and "二楼拐角" in message_text(told)
    assert "详情" in str(told.get("reply_markup"))
    # a photo reaches the member as a photo
    mine = await reply_to(d, ZHOU, "📂 我的诉求", "我的诉求（共")
    await d.tap(ZHOU, f"查看 {number}", mine["message_id"])
    card = await d.expect(ZHOU, f"诉求 {number}", since=mine["message_id"])
    await d.tap(ZHOU, "补充信息", card["message_id"])
    await d.send(ZHOU, photo=png())
    await d.expect(ZHOU, f"已补充到诉求 {number}", since=card["message_id"])
    photo = await d.expect(LIU, "附照片", since=told["message_id"])
    assert photo.get("photo")
    # the member who did not claim is not told
    assert not [m for m in await d.messages(ZHAO) if "补充了信息" in message_text(m)]
    async with h.sessionmaker() as s:
        req = (await s.exec(select(Request).where(col(Request.resident_id) == ZHOU))).one()
        assert "二楼拐角" in req.text
        events = (
            await s.exec(
                select(LedgerEvent)
                .where(col(LedgerEvent.request_id) == req.id)
                .where(col(LedgerEvent.action) == "add_info")
            )
        ).all()
        assert len(events) == 2 and all(e.actor_id == ZHOU for e in events)
    # a forged withdrawal is still refused
    result = await d.click(ZHOU, card["message_id"], data=f"oc:rwdok:{req.id}:0")
    assert "不能再修改或撤回" in str(result)
