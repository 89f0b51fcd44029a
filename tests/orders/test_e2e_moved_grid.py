"""A request staff move to another grid (📍 改地点), seen by the grid workers on both sides.

张网格员 (第一网格) had 周阿姨's request open when 李社工 moved it to 5号楼 (第二网格): a tap on
that card used to be refused as a forged button (没有权限, logged as a refusal). It is a card
drawn before the move: the tap is told where the matter went and that it is no longer theirs,
nothing is logged, and the card loses its buttons.

郑先生's request at 5号楼 already has its order when 李社工 moves it to 1号楼: 张网格员 used to
get it as 新诉求, as if nobody had taken it up. The card says it moved into their grid and
where it stands (已派单)."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from sqlmodel import col, select

from models import AuditEvent, Role, User
from sandbox.driver import message_text
from services import orders as order_service
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import _file
from tests.orders.test_e2e_staff_place import DAY, GRID_WORKER, STAFF, ZHOU, _card, _labels

ZHENG = 4003  # 郑先生, 阳光社区 5号楼 101 (第二网格)


async def _move(h: Harness, card: dict[str, Any], number: str, building: str) -> None:
    """李社工 picks another building for the request on its card."""
    d = h.driver
    await d.tap(STAFF, "📍 改地点", card["message_id"])
    menu = await d.expect(STAFF, "请选择正确的楼栋", since=card["message_id"])
    await d.tap(STAFF, building, menu["message_id"])
    await d.expect(STAFF, f"诉求 {number} 的地点已改为 {building}", since=menu["message_id"] - 1)


async def _buttons_gone(h: Harness, message_id: int) -> bool:
    """张网格员's message `message_id` once an edit took its buttons away (False if none did)."""
    d = h.driver
    for _ in range(50):
        [shown] = [
            m
            for m in await d.messages(GRID_WORKER, message_id - 1)
            if m["message_id"] == message_id
        ]
        if not _labels(shown):
            return True
        await d.wait(GRID_WORKER, message_id, timeout=0.2)
    return False


async def test_a_card_opened_before_the_move_is_stale_not_forged(
    linli_sandbox: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    h = linli_sandbox
    d = h.driver
    h.clock.set(DAY)
    number = await _file(h, ZHOU, "门口的下水道堵了，污水都漫出来了")
    notice = await d.expect(GRID_WORKER, f"新诉求 {number}")
    await d.tap(GRID_WORKER, "查看诉求", notice["message_id"])
    opened = await d.expect(GRID_WORKER, f"诉求 {number} ·", since=notice["message_id"])
    assert "📍 改地点" in _labels(opened), _labels(opened)
    await _move(h, await _card(h, number), number, "5号楼")
    await d.expect(GRID_WORKER, "您不用再跟进", since=opened["message_id"])

    with caplog.at_level(logging.INFO):
        answer = await d.tap(GRID_WORKER, "🚨", opened["message_id"])

    said = str(answer)
    assert "已改到 5号楼，由 第二网格 处理，不再由您跟进" in said, said
    assert "没有权限" not in said
    assert not [r for r in caplog.records if "refused" in r.getMessage()]
    async with h.sessionmaker() as s:
        refused = (
            await s.exec(select(AuditEvent).where(col(AuditEvent.actor_id) == GRID_WORKER))
        ).all()
        assert [r for r in refused if r.action == "refused"] == []
    # the card they had open no longer offers what they may not do
    assert await _buttons_gone(h, opened["message_id"])
    # a tap on another grid's request they never had is still a refusal, and logged
    other = await _file(h, ZHENG, "楼道的灯坏了，晚上很黑")
    forged = await d.click(GRID_WORKER, opened["message_id"], data=f"oc:sreq:{int(other)}:0")
    assert "没有权限" in str(forged), forged
    assert await d.errors() == []


async def test_the_new_grid_gets_a_matter_in_hand_as_moved_in_not_new(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    h.clock.set(DAY)
    number = await _file(h, ZHENG, "楼道的灯坏了，晚上很黑")
    await d.expect(STAFF, f"新诉求 {number}")  # sent before the order is issued
    async with h.sessionmaker() as s:
        staff = await s.get(User, STAFF)
        assert staff is not None
        issued = await order_service.issue_order(
            s,
            user=staff,
            roles=frozenset({Role.STAFF, Role.RESIDENT}),
            request_id=int(number),
            spec=order_service.OrderSpec(),
            now=h.clock(),
        )
        assert issued.order is not None
    await _move(h, await _card(h, number), number, "1号楼")

    card = await d.expect(GRID_WORKER, f"转来的诉求 {number}")
    text = message_text(card)
    assert "原在 5号楼，现归 第一网格" in text and "当前状态：已派单" in text, text
    assert "第一网格 · 1号楼" in text and "楼道的灯坏了" in text, text
    assert _labels(card) == ["📄 查看诉求"], _labels(card)
    assert not [
        m for m in await d.messages(GRID_WORKER, 0) if f"新诉求 {number}" in message_text(m)
    ]
    # its button opens the card as it stands: ordered, with its order
    await d.tap(GRID_WORKER, "查看诉求", card["message_id"])
    opened = await d.expect(GRID_WORKER, f"诉求 {number} ·", since=card["message_id"])
    assert "已派单" in message_text(opened), message_text(opened)
    assert await d.errors() == []
