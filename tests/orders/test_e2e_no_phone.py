"""A resident who left no phone: the member who claims is told how to reach them instead of
'请尽快联系居民' with '电话：-': go to the building and room shown, or ask the staff member
who issued the order (named), in the claim's confirmation and on the order's card."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import LIU, STAFF, WU, _file, _open_card


async def test_claimant_is_told_how_to_reach_a_resident_without_a_phone(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, WU, "家里厨房的水管漏水了，地上都是水")  # 吴大爷: 1号楼 502, no phone
    await _open_card(h, number)
    await d.tap(STAFF, "派单")
    await d.expect(STAFF, f"为诉求 {number} 派单")
    await d.tap(STAFF, "改为全社区")
    await d.expect(STAFF, "全社区的党员")
    await d.tap(STAFF, "发布工单")
    order_no = message_text(await d.expect(STAFF, "已发布")).split("工单 ")[1].split(" ")[0]
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.click(LIU, offer["message_id"], text="✋ 接单")
    claimed = message_text(
        await d.expect(LIU, f"您已接下工单 {order_no}", since=offer["message_id"])
    )
    assert "请尽快联系居民" not in claimed, claimed
    assert "居民没有留电话：请直接到 1号楼 502 当面联系" in claimed, claimed
    assert "请社区工作人员李社工帮忙联系居民" in claimed and "完成上报" in claimed, claimed
    # the offer became the card: no '电话：-', the same way to reach the resident
    [card] = [m for m in await d.messages(LIU) if m["message_id"] == offer["message_id"]]
    text = message_text(card)
    assert "电话：-" not in text and "电话：没有留 · 房号：502" in text, text
    assert "请直接到 1号楼 502 当面联系，或请社区工作人员李社工帮忙联系居民" in text, text
    # and so does the card opened later from 我的工单
    [*_, mine] = await d.say(LIU, "📌 我的工单")
    await d.tap(LIU, f"查看 {order_no}", mine["message_id"])
    later = await d.expect(LIU, f"工单 {order_no} · ", since=mine["message_id"])
    assert "请直接到 1号楼 502 当面联系" in message_text(later), message_text(later)
