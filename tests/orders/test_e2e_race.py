"""Two members tap 接单 on the last slot at the same moment, through the real bot: one wins,
the other is told it is taken — on SQLite and on PostgreSQL."""

from __future__ import annotations

import asyncio

import pytest
from sqlmodel import select

from models.orders import Claim, Order
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import LIU, STAFF, ZHAO, ZHOU, _file, _open_card


async def _race(h: Harness) -> None:
    d = h.driver
    number = await _file(h, ZHOU, "楼道里的灯不亮了，晚上看不见台阶")
    await _open_card(h, number)
    await d.tap(STAFF, "派单")
    await d.expect(STAFF, f"为诉求 {number} 派单")  # the draft is shown before its buttons
    await d.tap(STAFF, "改为全社区")
    await d.expect(STAFF, "全社区的党员")
    await d.tap(STAFF, "发布工单")
    await d.expect(STAFF, "已发布")
    offers = [await d.expect(m, "新工单") for m in (LIU, ZHAO)]
    results = await asyncio.gather(
        *(
            d.click(m, offer["message_id"], text="✋ 接单", timeout=10)
            for m, offer in zip((LIU, ZHAO), offers, strict=True)
        )
    )
    answers = [str(r.get("answer")) for r in results]
    assert sum("接单成功" in a for a in answers) == 1, answers
    assert sum("手慢了一步" in a for a in answers) == 1, answers
    async with h.sessionmaker() as s:
        order = (await s.exec(select(Order))).one()
        assert order.claimed_count == 1 and order.status == "claimed"
        assert len((await s.exec(select(Claim))).all()) == 1


async def test_simultaneous_taps_on_sqlite(linli_sandbox: Harness) -> None:
    await _race(linli_sandbox)


@pytest.mark.postgres
async def test_simultaneous_taps_on_postgres(linli_sandbox_pg: Harness) -> None:
    await _race(linli_sandbox_pg)
