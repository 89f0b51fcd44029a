"""The offer a member gets says what they weigh before claiming: where (building, no room), by
when (with the weekday), for how many points, and how many people are still needed."""

from __future__ import annotations

from datetime import UTC, datetime

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_claim_in_place import _issue
from tests.orders.test_e2e_cycle import LIU


async def test_the_offer_says_where_by_when_points_and_people(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    h.clock.set(datetime(2026, 11, 23, 2, 0, tzinfo=UTC))  # Mon 10:00 in Shanghai
    taps = [("👥 2", "需要人数：2"), ("⭐ 20", "积分：20"), ("⏰ 72 小时", "72 小时")]
    order_no = await _issue(h, "家里厨房的水管漏水了，地上都是水", taps=taps)
    offer = message_text(await d.expect(LIU, f"新工单 {order_no}"))
    assert "阳光社区" in offer and "1号楼" in offer, offer  # 周阿姨's building
    assert "302" not in offer, offer  # never her room before a claim
    assert "时限 11月26日（周四）10:00" in offer, offer  # 72 h from Monday 10:00
    assert "⭐ 20 积分" in offer and "还需 2 人" in offer, offer


async def test_the_offer_and_the_list_say_what_the_matter_is(linli_sandbox: Harness) -> None:
    """The title is the category unless staff write one; 'Environment' alone does not tell a
    member whether to bring a mop or a ladder. The resident's first words do (phone masked)."""
    h = linli_sandbox
    d = h.driver
    order_no = await _issue(h, "楼道里的灯坏了，晚上看不见路，有事打13912345678找我")
    offer = message_text(await d.expect(LIU, f"新工单 {order_no}"))
    assert "「楼道里的灯坏了，晚上看不见路，有事打139****5678找我」" in offer, offer
    assert "13912345678" not in offer, offer
    assert "紧急" not in offer, offer
    await d.say(LIU, "🛠 可接工单")
    listed = message_text(await d.expect(LIU, "可接工单"))
    assert f"{order_no} · " in listed and "「楼道里的灯坏了，晚上看不见路" in listed, listed


async def test_an_urgent_orders_offer_says_it_is_urgent(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    order_no = await _issue(
        h,
        "隔壁老人在家摔倒了起不来，门锁着，快来人帮忙开门",
        taps=[("不限技能", "需要的技能：不限")],
    )
    offer = message_text(await d.expect(LIU, f"新工单 {order_no}"))
    assert offer.startswith("🚨 紧急 · 🛠 新工单"), offer
    await d.say(LIU, "🛠 可接工单")
    listed = message_text(await d.expect(LIU, "可接工单"))
    assert f"🚨 紧急 · {order_no} · " in listed, listed
