"""✋ 接单 tapped on an offer someone else filled first redraws the offer as the order now is
(found walking the member flows as 赵医生 and 刘师傅 at once): '手慢了一步…' and the offer reads
'已接满' without its ✋ 接单. Before, the offer kept '已接 0/1' and the button, which could only
ever answer the same."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import LIU, STAFF, ZHAO, ZHOU, _file, _open_card


def _labels(message: dict) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [b["text"] for row in markup.get("inline_keyboard", []) for b in row]


async def test_a_lost_claim_redraws_the_offer(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, ZHOU, "楼道里的灯不亮了，晚上看不见台阶")
    await _open_card(h, number)
    await d.tap(STAFF, "派单")
    await d.expect(STAFF, f"为诉求 {number} 派单")
    await d.tap(STAFF, "改为全社区")
    await d.expect(STAFF, "全社区的党员")
    await d.tap(STAFF, "发布工单")
    await d.expect(STAFF, "已发布")
    liu, zhao = [await d.expect(m, "新工单") for m in (LIU, ZHAO)]
    [claim] = [
        b["callback_data"]
        for row in zhao["reply_markup"]["inline_keyboard"]
        for b in row
        if "接单" in b["text"]
    ]
    await d.click(LIU, liu["message_id"], text="✋ 接单")
    await d.expect(LIU, "您已接下工单", since=liu["message_id"])
    # a tap from a copy of the offer still showing the button (the redraw below had not come)
    tap = await d.click(ZHAO, zhao["message_id"], data=claim)
    assert "手慢了一步" in str(tap["answer"]), tap
    now = await d.expect(ZHAO, "已接满", since=zhao["message_id"] - 1)
    assert now["message_id"] == zhao["message_id"]
    assert not any("接单" in label for label in _labels(now)), _labels(now)
    assert "13900000001" not in message_text(now)  # still no contact for someone not on it


async def test_other_members_offers_are_redrawn_once_the_order_is_full(
    linli_sandbox: Harness,
) -> None:
    """Before, 赵医生's offer kept ✋ 接单 after 刘师傅 filled the order, until he tapped it."""
    h = linli_sandbox
    d = h.driver
    number = await _file(h, ZHOU, "楼道里的灯不亮了，晚上看不见台阶")
    await _open_card(h, number)
    await d.tap(STAFF, "派单")
    await d.expect(STAFF, f"为诉求 {number} 派单")
    await d.tap(STAFF, "改为全社区")
    await d.expect(STAFF, "全社区的党员")
    await d.tap(STAFF, "发布工单")
    await d.expect(STAFF, "已发布")
    liu, zhao = [await d.expect(m, "新工单") for m in (LIU, ZHAO)]
    assert "✋ 接单" in _labels(zhao)
    await d.click(LIU, liu["message_id"], text="✋ 接单")
    await d.expect(LIU, "您已接下工单", since=liu["message_id"])
    now = await d.expect(ZHAO, "人已满", since=zhao["message_id"] - 1)
    assert now["message_id"] == zhao["message_id"]  # the offer itself, no new message
    assert _labels(now) == ["详情"], _labels(now)
    assert "楼道里的灯不亮了" in message_text(now)
    assert "13900000001" not in message_text(now)
    # 刘师傅's own offer became his claimed order's card, not this redraw
    [mine] = [m for m in await d.messages(LIU) if m["message_id"] == liu["message_id"]]
    assert "人已满" not in message_text(mine)
