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
    taps = [("👥 2", "需要人数：2"), ("⭐ 20", "积分：20"), ("⏰ 72h", "72 小时")]
    order_no = await _issue(h, "家里厨房的水管漏水了，地上都是水", taps=taps)
    offer = message_text(await d.expect(LIU, f"新工单 {order_no}"))
    assert "阳光社区" in offer and "1号楼" in offer, offer  # 周阿姨's building
    assert "302" not in offer, offer  # never her room before a claim
    assert "时限 11月26日（周四）10:00" in offer, offer  # 72 h from Monday 10:00
    assert "⭐ 20 积分" in offer and "还需 2 人" in offer, offer
