"""A grid worker (张网格员, 第一网格) offers orders within their grid only. Their 派单 form has no
🗺 改为全社区 (before, it had, and the order went to the whole community's members); a forged
tap on it is refused politely and audited; 📣 on a too-few warning offers it to every member
of the grid, whatever their skills, and keeps the grid (before, it dropped the grid too)."""

from __future__ import annotations

from typing import Any

from sqlmodel import select

from models import AuditEvent, Grid
from models.orders import Order
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import ZHOU, _file

GRID_WORKER = 2002  # 张网格员, 阳光社区 第一网格


def _buttons(message: dict[str, Any]) -> dict[str, str]:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
    return {b["text"]: b.get("callback_data", "") for row in rows for b in row}


async def test_a_grid_worker_offers_within_the_grid(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, ZHOU, "1号楼三单元楼道灯坏了，晚上很黑")
    notice = await d.expect(GRID_WORKER, f"诉求 {number}")
    await d.tap(GRID_WORKER, "查看诉求", notice["message_id"])
    await d.expect(GRID_WORKER, f"诉求 {number} ·", since=notice["message_id"])
    await d.tap(GRID_WORKER, "派单")
    preview = await d.expect(GRID_WORKER, f"为诉求 {number} 派单")
    buttons = _buttons(preview)
    assert "派给：本网格的党员/志愿者" in message_text(preview)
    assert not any("全社区" in label for label in buttons), buttons
    # a forged 🗺 改为全社区: refused with a word why, logged, the draft unchanged
    forged = buttons["👥 3 人"].replace("sneed", "sarea").rsplit(":", 1)[0] + ":1"
    answer = (await d.click(GRID_WORKER, preview["message_id"], data=forged))["answer"]
    assert answer is not None and answer["show_alert"]
    assert "您是网格员，工单只能派给您负责网格的党员/志愿者" in answer["text"]
    async with h.sessionmaker() as session:
        refused = (
            await session.exec(
                select(AuditEvent).where(
                    AuditEvent.actor_id == GRID_WORKER, AuditEvent.detail == "order_area_all"
                )
            )
        ).all()
    assert len(refused) == 1
    # too few in the grid: the offer to all goes to the grid's members, the grid kept
    await d.tap(GRID_WORKER, "👥 3 人", preview["message_id"])
    await d.expect(GRID_WORKER, "需要人数：3", since=preview["message_id"] - 1)
    assert "派给：本网格" in message_text(
        await d.expect(GRID_WORKER, "需要人数：3", since=preview["message_id"] - 1)
    )
    await d.tap(GRID_WORKER, "发布工单", preview["message_id"])
    issued = await d.expect(GRID_WORKER, "已发布", since=preview["message_id"] - 1)
    assert "本网格" in message_text(issued) and "全社区" not in message_text(issued)
    await d.tap(GRID_WORKER, "📣 发给本网格所有党员/志愿者", issued["message_id"])
    await d.expect(GRID_WORKER, "已不限技能", since=issued["message_id"] - 1)
    async with h.sessionmaker() as session:
        first = (await session.exec(select(Grid).where(Grid.name == "第一网格"))).one()
        [order] = (await session.exec(select(Order))).all()
    assert (order.grid_id, order.skills) == (first.id, "")
