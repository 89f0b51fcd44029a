"""A new resident registers at night: the staff member who asked to be told at night verifies
them; the grid worker's card, held for the morning, is not sent any more."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import col, select

from models.scheduling import Delivery, DeliveryState
from sandbox.driver import message_text
from scheduler.service import SchedulerService
from tests.e2e.conftest import Harness

STAFF = 2001  # 李社工, 阳光社区
GRID_WORKER = 2002
NEW = 5001  # 小林, unregistered


async def test_a_verify_card_held_for_the_night_is_dropped_once_a_colleague_verified(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    h.clock.set(datetime(2026, 11, 23, 15, 0, tzinfo=UTC))  # 23:00 in Shanghai
    profile = (await d.say(STAFF, "/profile"))[-1]
    await d.tap(STAFF, "🔔 夜里也通知我", profile["message_id"])
    await d.expect(STAFF, "夜间免打扰：关", since=profile["message_id"] - 1)
    await d.say(NEW, "🏠 登记住址")
    await d.tap(NEW, "同意并继续")
    await d.expect(NEW, "请选择您所在的")
    await d.tap(NEW, "阳光社区")
    await d.expect(NEW, "网格")
    await d.tap(NEW, "第一网格")
    await d.expect(NEW, "楼栋")
    await d.tap(NEW, "2号楼")
    await d.expect(NEW, "房号")
    await d.say(NEW, "301")
    await d.say(NEW, "跳过")
    await d.expect(NEW, "登记完成")
    card = await d.expect(STAFF, "新居民登记", timeout=10)
    async with h.sessionmaker() as session:
        held = (
            await session.exec(select(Delivery.state).where(col(Delivery.chat_id) == GRID_WORKER))
        ).all()
    assert held == [DeliveryState.PENDING]  # the grid worker's, held until 07:00
    tap = await d.tap(STAFF, "✅ 核实", card["message_id"])
    assert "已核实" in str((tap["answer"] or {}).get("text")), tap
    async with h.sessionmaker() as session:
        held = (
            await session.exec(select(Delivery.state).where(col(Delivery.chat_id) == GRID_WORKER))
        ).all()
    assert held == [DeliveryState.CANCELLED]
    h.clock.set(datetime(2026, 11, 23, 23, 30, tzinfo=UTC))  # 07:30
    await service.drain()
    texts = [message_text(m) for m in await d.messages(GRID_WORKER)]
    assert not any("新居民登记" in text for text in texts), texts
