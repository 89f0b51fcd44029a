"""A request's or an order's number typed into the chat opens its card for whoever may see it:
staff of its community the staff card, its resident their own view, a member the order.
Before, '00001' was offered to be filed as a matter ('要把这件事报给社区吗'), or, from staff with
no address, kept as a matter 'until registered'."""

from __future__ import annotations

from sqlmodel import select

from models import AuditEvent
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import LIU, STAFF, WU, ZHOU, _file

OTHER_STAFF = 2003  # 陈社工, 和谐社区
NEW = 5001  # 小林, not registered


async def test_a_typed_request_number_opens_its_card(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, ZHOU, "1号楼楼道灯坏了，晚上很黑")
    # staff of the community: the staff card, with its actions
    sent = await d.send(STAFF, number)
    card = await d.expect(STAFF, f"诉求 {number} · 待受理", since=sent["message_id"])
    for asked in (f"帮我看看{number}", f"查一下 {number}", f"show me {number}"):  # asked to see it
        [shown] = await d.say(STAFF, asked)
        assert f"诉求 {number} · 待受理" in message_text(shown), (asked, message_text(shown))
    assert "📤 派单" in [b["text"] for row in card["reply_markup"]["inline_keyboard"] for b in row]
    # the resident: her own view ('诉求1' reads the same)
    for typed in (
        number,
        f"诉求{int(number)}",
        f"#{int(number)}",
        f"{int(number)}号诉求怎么样了",
        f"编号{number}的诉求处理了吗",
    ):
        [mine] = await d.say(ZHOU, typed)
        assert "楼道灯坏了" in message_text(mine) and "撤回" in str(mine["reply_markup"]), typed
    # a neighbour, another community's staff and someone not registered: nothing to see —
    # said plainly, not offered as a matter to file, and no refusal logged (typed, not forged)
    for who in (WU, OTHER_STAFF, NEW):
        [none] = await d.say(who, number)
        assert f"没有找到编号为 {number} 的诉求" in message_text(none), who
        assert "楼道灯" not in message_text(none)
    async with h.sessionmaker() as session:
        refused = (
            await session.exec(select(AuditEvent).where(AuditEvent.action == "refused"))
        ).all()
    assert not refused
    # a room number, a building or a phone number is not a request number
    for typed in ("502", "12号楼漏水了", "13900000002"):
        [other] = await d.say(WU, typed)
        assert "没有找到" not in message_text(other), typed


async def test_a_typed_order_number_opens_the_order(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, ZHOU, "家里水龙头一直滴水，关不紧")
    sent = await d.send(STAFF, number)
    card = await d.expect(STAFF, f"诉求 {number} · 待受理", since=sent["message_id"])
    await d.tap(STAFF, "派单", card["message_id"])
    form = await d.expect(STAFF, f"为诉求 {number} 派单")
    await d.tap(STAFF, "发布工单", form["message_id"])
    offer = await d.expect(LIU, "新工单 G")
    order_no = message_text(offer).split("新工单 ")[1].split("：")[0]
    # also said as taking it: '我接G00001' (it was offered to be filed as a matter)
    for typed in (order_no, order_no.lower(), f"工单 {order_no}", f"我接{order_no}"):
        [shown] = await d.say(LIU, typed)
        assert f"工单 {order_no}" in message_text(shown), typed
        assert "接单" in str(shown["reply_markup"])
    [none] = await d.say(ZHOU, order_no)
    assert f"没有找到编号为 {order_no} 的工单" in message_text(none)
    [nothing] = await d.say(LIU, "G99999")
    assert "没有找到编号为 G99999 的工单" in message_text(nothing)
