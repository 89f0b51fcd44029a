"""李社工 marks a phoned-in request 🚨 urgent at night, and at once takes it back (it was not).
The alert to 张网格员 had not gone out yet (Telegram refused the first try, the sender waits a
moment): it used to go at the next try anyway, waking him at 23:30 for nothing. Now he gets
the ordinary card in the morning, as any request filed at night."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sandbox.driver import message_text
from scheduler.service import SchedulerService
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_mark_urgent import GRID_WORKER, STAFF, _phone_in

NIGHT = datetime(2026, 11, 23, 15, 30, tzinfo=UTC)  # Mon 23:30 in Shanghai: quiet hours
MORNING = datetime(2026, 11, 23, 23, 0, tzinfo=UTC)  # Tue 07:00, when they end


async def test_an_alert_not_sent_before_unmarking_waits_for_morning_as_a_card(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    h.clock.set(NIGHT)
    number, card = await _phone_in(h, "1号楼的老人独居，暖气不热，屋里很冷")
    await service.drain()
    # the alert's first try fails (the only message the tap sends: 李社工's card is redrawn)
    await d.fault("sendMessage", 500, "Internal Server Error")
    tapped = await d.tap(STAFF, "🚨 标为紧急", card["message_id"])
    assert "已标为紧急" in str(tapped), tapped
    await d.expect(STAFF, "紧急（社区标注）", since=card["message_id"] - 1)
    await service.drain()
    assert [c for c in await d.calls("sendMessage") if not c.get("ok", True)]
    assert not any(number in message_text(m) for m in await d.messages(GRID_WORKER))

    tapped = await d.tap(STAFF, "取消紧急", card["message_id"])
    assert "已取消紧急" in str(tapped), tapped
    # the sender's next try would be now: nothing goes to him at night
    h.clock.set(NIGHT + timedelta(minutes=30))
    await service.drain()
    assert not any(number in message_text(m) for m in await d.messages(GRID_WORKER))

    h.clock.set(MORNING)
    await service.drain()
    got = await d.expect(GRID_WORKER, f"新诉求 {number}")
    assert "暖气不热" in message_text(got)
    texts = [message_text(m) for m in await d.messages(GRID_WORKER)]
    assert not any("紧急诉求" in t for t in texts), texts
    # 李社工, who took it back, gets no card about it
    assert not any(f"新诉求 {number}" in message_text(m) for m in await d.messages(STAFF))
    assert await d.errors() == []
