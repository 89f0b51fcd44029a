"""Staff are not woken by a reminder about an ordinary request: '还没有人受理' found due at night
waits for the morning, and is not sent at all if the resident withdrew the request meanwhile;
the reminder of a request still waiting arrives at 07:00."""

from __future__ import annotations

from datetime import UTC, datetime

from sandbox.driver import message_text
from scheduler.service import SchedulerService
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_stale_notices import STAFF, ZHOU, _file


def _reminders(texts: list[str], number: str) -> list[str]:
    return [t for t in texts if "还没有人受理" in t and number in t]


async def test_unanswered_reminders_wait_for_the_morning_and_drop_when_withdrawn(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    h.clock.set(datetime(2026, 11, 23, 15, 0, tzinfo=UTC))  # Monday 23:00
    withdrawn = await _file(h, "楼道的灯不亮了，晚上看不见")
    waiting = await _file(h, "小区门口的垃圾好几天没人收")
    h.clock.set(datetime(2026, 11, 23, 23, 1, tzinfo=UTC))  # Tuesday 07:01: the cards come
    await service.drain()
    await d.expect(STAFF, f"新诉求 {waiting}", timeout=10)
    # Tuesday 23:01, a day later and nobody took them up: ordinary requests, so the reminders
    # wait for the morning
    h.clock.set(datetime(2026, 11, 24, 15, 1, tzinfo=UTC))
    await service.run_due()
    await service.drain()
    texts = [message_text(m) for m in await d.messages(STAFF)]
    assert not _reminders(texts, withdrawn) and not _reminders(texts, waiting), texts
    # 23:10: she takes the first one back
    await d.say(ZHOU, "📂 我的诉求")
    await d.tap(ZHOU, f"查看 {withdrawn}")
    view = await d.expect(ZHOU, f"诉求 {withdrawn} · 待受理")
    await d.tap(ZHOU, "撤回", view["message_id"])
    ask = await d.expect(ZHOU, f"确定要撤回诉求 {withdrawn}", since=view["message_id"])
    await d.click(ZHOU, ask["message_id"], data=f"oc:rwdok:{int(withdrawn)}:0")
    await d.expect(ZHOU, f"诉求 {withdrawn} 已撤回", since=view["message_id"] - 1)
    # Wednesday 07:00: the reminder of the one still waiting arrives, the withdrawn one's not
    h.clock.set(datetime(2026, 11, 24, 23, 1, tzinfo=UTC))
    await service.drain()
    await d.expect(STAFF, f"诉求 {waiting} 还没有人受理", timeout=10)
    await service.drain()
    texts = [message_text(m) for m in await d.messages(STAFF)]
    assert not _reminders(texts, withdrawn), texts
