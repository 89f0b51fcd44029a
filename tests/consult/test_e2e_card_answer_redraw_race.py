"""周阿姨 answers 不去 on her meeting card a moment after staff postponed the meeting, while the
card's redraw for the 延期 (the new time, '您的报名：参加') still waits in the outbox. Her tap
redraws the card with the new time and '您的报名：不去'; the queued redraw, worked out before
her answer, no longer goes after it. Before, it did, and the card said 参加 again."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import pytest
from sqlmodel import col, select

from models.scheduling import Delivery, DeliveryState
from scheduler import sender as sender_module
from tests.consult.published import published_meeting
from tests.consult.test_e2e_meeting_redrawn import (
    _postpone,
    _reads,
    _scheduler,
    _shown,
    _sign_up,
)
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import ZHOU


# the answer is tapped while the earlier redraw still waits in the outbox: acting before the
# notices due are sent is the point (tests/support.SettledDriver would send it first)
@pytest.mark.unsettled
async def test_an_answer_on_the_card_is_not_taken_back_by_an_earlier_redraw(
    linli_sandbox: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    h = linli_sandbox
    d = h.driver
    service = _scheduler(h)
    meeting = await published_meeting(h, title="楼道改造议事会")
    await service.drain()
    _invite, _answer, card = await _sign_up(d, ZHOU, "楼道改造议事会", "已报名")

    # the sandbox's own sender takes nothing from here on: the card's redraw for the 延期
    # waits in the queue until the test drains it
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
    later = meeting.starts_at + timedelta(days=2)
    await _postpone(h, meeting, later)
    async with h.sessionmaker() as session:
        queued = (
            await session.exec(
                select(Delivery.state).where(
                    col(Delivery.chat_id) == ZHOU, col(Delivery.edit_message_id) == card
                )
            )
        ).all()
    assert queued == [DeliveryState.PENDING]

    await d.tap(ZHOU, "不去", card)
    await d.expect(ZHOU, "已记录「不去」", since=card)
    await service.drain()  # what was queued meanwhile goes now
    await d.expect(ZHOU, "议事会延期", since=card)
    text, labels = await _reads(d, ZHOU, card)
    assert "您的报名：不去" in text, text
    assert _shown(h, later) in text, text
    assert labels == ["去", "不确定", "✅ 不去", "❓ 问组织者"]  # the answer marked
