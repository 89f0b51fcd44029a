"""赵医生 taps ✋ 接单 on his offer just after 刘师傅 filled the order, before the outbox's redraw
of that offer ('人已满，不用再接了') has gone. His tap redraws the offer as the order now is
('已接满'); the queued redraw, worked out before, no longer goes after it. Before, it did: the
offer flipped to the older redraw a moment later (or, had it read the same, Telegram would have
refused the edit as 'not modified'), depending on which of the two came first."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlmodel import col, select

from models.scheduling import Delivery, DeliveryState
from sandbox.driver import message_text
from scheduler import sender as sender_module
from scheduler.service import SchedulerService
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import LIU, STAFF, ZHAO, ZHOU, _file, _open_card


# 赵医生 taps while the redraw still waits in the outbox: acting before the notices due are
# sent is the point (tests/support.SettledDriver would send it first)
@pytest.mark.unsettled
async def test_a_lost_claims_redraw_is_not_taken_back_by_the_queued_one(
    linli_sandbox: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    h = linli_sandbox
    d = h.driver
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
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

    # the sandbox's own sender takes nothing from here on: the redraw of 赵医生's offer waits
    # in the queue until the test drains it
    real_claim = sender_module.outbox.claim_deliveries

    async def claim_unless_background(*args: Any, **kwargs: Any) -> Any:
        task = asyncio.current_task()
        if task is not None and task.get_name() == "linli-sender":
            return []
        return await real_claim(*args, **kwargs)

    monkeypatch.setattr(sender_module.outbox, "claim_deliveries", claim_unless_background)
    # a claim the background sender had already started (reading the outbox after what comes
    # next was queued) is over once ours is: the sender takes its claims one at a time
    await service.drain()
    await d.click(LIU, liu["message_id"], text="✋ 接单")
    await d.expect(LIU, "您已接下工单", since=liu["message_id"])
    async with h.sessionmaker() as session:
        queued = (
            await session.exec(
                select(Delivery).where(
                    col(Delivery.chat_id) == ZHAO,
                    col(Delivery.edit_message_id) == zhao["message_id"],
                )
            )
        ).all()
    assert [r.state for r in queued] == [DeliveryState.PENDING]

    tap = await d.click(ZHAO, zhao["message_id"], data=claim)
    assert "手慢了一步" in str(tap["answer"]), tap
    now = await d.expect(ZHAO, "已接满", since=zhao["message_id"] - 1)
    assert now["message_id"] == zhao["message_id"]
    await service.drain()  # what was queued meanwhile goes now
    [offer] = [m for m in await d.messages(ZHAO) if m["message_id"] == zhao["message_id"]]
    assert "已接满" in message_text(offer), message_text(offer)
    assert "人已满" not in message_text(offer)
    rows = (offer.get("reply_markup") or {}).get("inline_keyboard", [])
    assert not any("接单" in b["text"] for row in rows for b in row), rows
    async with h.sessionmaker() as session:
        states = (
            await session.exec(
                select(Delivery.state).where(
                    col(Delivery.chat_id) == ZHAO,
                    col(Delivery.edit_message_id) == zhao["message_id"],
                )
            )
        ).all()
    assert states == [DeliveryState.CANCELLED]  # dropped, not sent and refused
