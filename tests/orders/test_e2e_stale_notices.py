"""Held for the night, not sent in the morning once it no longer applies: the staff card of a
request the resident withdrew at night stays unsent; the card of one still waiting arrives."""

from __future__ import annotations

from datetime import UTC, datetime

from sandbox.driver import message_text
from scheduler.service import SchedulerService
from tests.e2e.conftest import Harness

STAFF = 2001  # 李社工, 阳光社区
ZHOU = 4001  # 周阿姨, 阳光社区 1号楼 302


async def _file(h: Harness, text: str) -> str:
    d = h.driver
    await d.say(ZHOU, "📝 我要点单")
    await d.say(ZHOU, text)
    [*_, preview] = await d.say(ZHOU, "✅ 说完了")
    sent = await d.tap(ZHOU, "确认提交", preview["message_id"])
    assert sent is not None
    filed = await d.expect(ZHOU, "已提交，编号", since=preview["message_id"] - 1)
    return message_text(filed).split("编号")[1].strip().split("。")[0].strip()


async def test_staff_card_of_a_request_withdrawn_at_night_is_not_sent_in_the_morning(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    h.clock.set(datetime(2026, 11, 23, 15, 0, tzinfo=UTC))  # 23:00 in Shanghai
    withdrawn = await _file(h, "楼道的灯不亮了，晚上看不见")
    waiting = await _file(h, "小区门口的垃圾好几天没人收")
    await service.drain()
    cards = [message_text(m) for m in await d.messages(STAFF)]
    assert not any("新诉求" in text for text in cards), cards  # held until 07:00
    # 23:10: she takes the first one back
    await d.say(ZHOU, "📂 我的诉求")
    await d.tap(ZHOU, f"查看 {withdrawn}")
    view = await d.expect(ZHOU, f"诉求 {withdrawn} · 待受理")
    await d.tap(ZHOU, "撤回", view["message_id"])
    ask = await d.expect(ZHOU, f"确定要撤回诉求 {withdrawn}", since=view["message_id"])
    await d.click(ZHOU, ask["message_id"], data=f"oc:rwdok:{int(withdrawn)}:0")
    await d.expect(ZHOU, f"诉求 {withdrawn} 已撤回", since=view["message_id"] - 1)
    # 07:30: the card of the one still waiting arrives, the withdrawn one's does not
    h.clock.set(datetime(2026, 11, 23, 23, 30, tzinfo=UTC))
    await service.drain()
    await d.expect(STAFF, f"新诉求 {waiting}", timeout=10)
    await service.drain()
    cards = [message_text(m) for m in await d.messages(STAFF)]
    assert not any(f"新诉求 {withdrawn}" in text for text in cards), cards
