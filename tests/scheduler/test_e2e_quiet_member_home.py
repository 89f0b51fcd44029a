"""A member without an address of their own (赵医生 serves in 阳光社区, lives elsewhere) follows
阳光社区's quiet hours: after '/quiet off' her profile says notices come at any time, and a
broadcast to the volunteers at 23:00 reaches her at once instead of at 07:00."""

from __future__ import annotations

from datetime import UTC, datetime

from sandbox.driver import message_text
from scheduler.service import SchedulerService
from tests.e2e.conftest import Harness, linli_sandbox  # noqa: F401  (the e2e fixture)

STAFF = 2001  # 李社工, 阳光社区
ZHAO = 3002  # 赵医生, member of 阳光社区, no address of her own


async def test_member_without_an_address_follows_her_communitys_quiet_off(
    linli_sandbox: Harness,  # noqa: F811
) -> None:
    h = linli_sandbox
    d = h.driver
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    h.clock.set(datetime(2026, 11, 23, 15, 0, tzinfo=UTC))  # 23:00 in Shanghai
    off = await d.send(STAFF, "/quiet off")
    await d.expect(STAFF, "已关闭免打扰时段", since=off["message_id"])

    asked = await d.send(ZHAO, "/profile")
    card = await d.expect(ZHAO, "夜间免打扰", since=asked["message_id"])
    assert "社区已关闭免打扰时段" in message_text(card), message_text(card)

    await d.say(STAFF, "📢 发通知")
    await d.tap(STAFF, "报到的党员/志愿者")
    await d.expect(STAFF, "请输入通知内容")
    typed = await d.send(STAFF, "明早8点社区义诊，请医疗组志愿者7点半到岗。")
    preview = await d.expect(STAFF, "将发给", since=typed["message_id"], timeout=15)
    await d.tap(STAFF, "✅ 发送", preview["message_id"])
    await d.expect(STAFF, "已发送 0/", since=preview["message_id"], timeout=15)
    notes = [message_text(m) for m in await d.messages(STAFF, since=preview["message_id"])]
    assert not any("免打扰时段" in text for text in notes), notes  # nobody is held
    await service.drain()
    await d.expect(ZHAO, "社区义诊", timeout=10)
