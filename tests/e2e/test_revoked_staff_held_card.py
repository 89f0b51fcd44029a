"""A new resident registers at night; the admin takes the grid worker's staff role away before
the morning. The grid worker's verify card, held for 07:00 with the resident's address in it, is
not sent any more (before, it went out to someone no longer staff); the colleague still gets
theirs, and the grid worker is told their role was revoked."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import col, select

from models.scheduling import Delivery, DeliveryState
from sandbox.driver import message_text
from scheduler.service import SchedulerService
from tests.e2e.conftest import Harness
from tests.support import reply_to

ADMIN = 1001  # 王主任
STAFF = 2001  # 李社工, 阳光社区
GRID_WORKER = 2002  # 张网格员, 阳光社区 · 第一网格
NEW = 5001  # 小林, unregistered


async def _held(h: Harness, chat_id: int) -> list[str]:
    async with h.sessionmaker() as session:
        rows = await session.exec(select(Delivery.state).where(col(Delivery.chat_id) == chat_id))
        return list(rows.all())


async def test_a_card_held_for_the_night_is_not_sent_to_a_grid_worker_revoked_meanwhile(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    h.clock.set(datetime(2026, 11, 23, 15, 0, tzinfo=UTC))  # 23:00 in Shanghai
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
    assert await _held(h, GRID_WORKER) == [DeliveryState.PENDING]  # held until 07:00
    assert await _held(h, STAFF) == [DeliveryState.PENDING]
    menu = await reply_to(d, ADMIN, "/admin", "管理")
    await d.tap(ADMIN, "工作人员列表", menu["message_id"])
    listed = await d.expect(ADMIN, "张网格员（2002）", since=menu["message_id"] - 1)
    await d.tap(ADMIN, "撤销 张网格员", listed["message_id"])
    asked = await d.expect(ADMIN, "确定撤销 张网格员", since=menu["message_id"] - 1)
    tap = await d.tap(ADMIN, "✅ 确定撤销", asked["message_id"])
    assert "已撤销" in str((tap["answer"] or {}).get("text")), tap
    held = await _held(h, GRID_WORKER)
    assert DeliveryState.CANCELLED in held, held  # the card; the revocation notice waits
    h.clock.set(datetime(2026, 11, 23, 23, 30, tzinfo=UTC))  # 07:30
    await service.drain()
    texts = [message_text(m) for m in await d.messages(GRID_WORKER)]
    assert not any("新居民登记" in text for text in texts), texts
    assert any("网格员权限已被撤销" in text for text in texts), texts
    await d.expect(STAFF, "新居民登记")
