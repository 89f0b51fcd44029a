"""An order that needs more members than can see it says so when it is issued, and offers to
show it to the whole community (before, it was issued silently and could never be filled)."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import LIU, STAFF, ZHAO, ZHOU, _file, _open_card


async def test_an_order_for_three_that_two_can_see_warns_and_offers_all(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, ZHOU, "1号楼三单元楼道灯坏了，晚上很黑")
    await _open_card(h, number)
    await d.tap(STAFF, "派单")
    await d.expect(STAFF, f"为诉求 {number} 派单")
    await d.tap(STAFF, "👥 3")
    await d.expect(STAFF, "需要人数：3")
    await d.tap(STAFF, "改为全社区")
    await d.expect(STAFF, "全社区的党员")
    await d.tap(STAFF, "发布工单")
    issued = await d.expect(STAFF, "已发布")
    text = message_text(issued)
    offered = int(text.split("已通知 ")[1].split(" ")[0])
    assert 0 < offered < 3
    assert f"这张工单需要 3 人，但具备技能（或服务这个网格）的只有 {offered} 人" in text
    buttons = [b["text"] for row in issued["reply_markup"]["inline_keyboard"] for b in row]
    assert any("全社区" in b for b in buttons)
    order_no = text.split("工单 ")[1].split(" ")[0]
    for member in (LIU, ZHAO)[:offered]:
        await d.expect(member, f"新工单 {order_no}")


async def test_an_order_enough_members_see_has_no_warning(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, ZHOU, "1号楼三单元楼道灯坏了，晚上很黑")
    await _open_card(h, number)
    await d.tap(STAFF, "派单")
    await d.expect(STAFF, f"为诉求 {number} 派单")
    await d.tap(STAFF, "发布工单")
    issued = message_text(await d.expect(STAFF, "已发布"))
    assert "⚠️" not in issued
