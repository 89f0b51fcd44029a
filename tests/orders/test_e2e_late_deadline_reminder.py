"""A 'deadline near' reminder whose job runs after the deadline (the bot was down, or behind) is
not sent (found walking the member flows as 刘师傅): he gets '⏰ 您接的工单 … 已超过时限' alone.
Before, '⏰ 工单 … 快到办理时限了，请抓紧。' came right after it."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import select

from models.orders import Order
from sandbox.driver import message_text
from scheduler.service import SchedulerService
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_claim_in_place import _issue
from tests.orders.test_e2e_cycle import LIU


async def test_no_deadline_near_after_the_deadline(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    order_no = await _issue(h, "楼道里的灯坏了，晚上看不见路")
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.click(LIU, offer["message_id"], text="✋ 接单")
    claimed = await d.expect(LIU, f"您已接下工单 {order_no}", since=offer["message_id"])
    # the bot comes back an hour after the deadline: both jobs are due at once
    async with h.sessionmaker() as session:
        order = (await session.exec(select(Order))).one()
    assert order.deadline_at is not None
    h.clock.set(order.deadline_at + timedelta(hours=1))
    await service.run_due()
    await service.drain()
    await d.expect(LIU, "已超过时限", since=claimed["message_id"])
    texts = [message_text(m) for m in await d.messages(LIU, since=claimed["message_id"])]
    assert not any("快到办理时限" in t for t in texts), texts
