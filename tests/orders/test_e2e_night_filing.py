"""A request filed at night: staff cards wait for the morning, and the resident is told when
staff will get it (and where to call if it cannot wait). By day, or urgent, nothing is said:
the cards go out at once."""

from __future__ import annotations

from datetime import UTC, datetime

from sandbox.driver import message_text
from scheduler.service import SchedulerService
from tests.e2e.conftest import Harness

STAFF = 2001  # 李社工, 阳光社区
ZHOU = 4001  # 周阿姨, 阳光社区 1号楼 302


async def _file(h: Harness, text: str, *, urgent: bool = False) -> str:
    """File a request as 周阿姨; the text of the bot's confirmation."""
    d = h.driver
    await d.say(ZHOU, "📝 我要点单")
    await d.say(ZHOU, text)
    [*_, preview] = await d.say(ZHOU, "✅ 说完了")
    if urgent:
        await d.tap(ZHOU, "标为紧急", preview["message_id"])
        preview = await d.expect(ZHOU, "紧急", since=preview["message_id"] - 1)
    await d.tap(ZHOU, "确认提交", preview["message_id"])
    filed = await d.expect(ZHOU, "已提交，编号", since=preview["message_id"] - 1)
    return message_text(filed)


async def test_filed_at_night_the_resident_is_told_when_staff_get_it(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    h.clock.set(datetime(2026, 11, 23, 15, 30, tzinfo=UTC))  # Mon 23:30 in Shanghai
    text = await _file(h, "楼道的灯不亮了，晚上看不见")
    assert "夜间免打扰" in text, text
    assert "11月24日（周二）07:00" in text, text  # the end of the community's quiet hours
    assert "120" in text
    await service.drain()
    cards = [message_text(m) for m in await h.driver.messages(STAFF)]
    assert not any("新诉求" in c for c in cards), cards  # what she was told is true


async def test_filed_by_day_or_urgent_at_night_nothing_about_the_night(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    h.clock.set(datetime(2026, 11, 23, 2, 0, tzinfo=UTC))  # 10:00 in Shanghai
    text = await _file(h, "小区门口的垃圾好几天没人收")
    assert "夜间" not in text, text
    h.clock.set(datetime(2026, 11, 23, 15, 30, tzinfo=UTC))  # 23:30
    text = await _file(h, "楼上漏水，天花板都湿了", urgent=True)
    assert "夜间" not in text, text
