"""A list about a request — 📍 改地点's buildings (a page of them, 🌳 公共区域's grids), 合并's
candidates — tapped after a colleague declined the request answered only '这件事刚刚已经有人处理过
了，这个按钮已经用不了。想看它现在的情况，请点下方菜单重新打开。' and kept its buttons. Now the
list tapped is redrawn as the request's card now stands, with the alert other stale taps give
('卡片已更新为最新状态'), and so is the card the list came from."""

from __future__ import annotations

import pytest

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_card_after_step import _labels
from tests.orders.test_e2e_cycle import STAFF, ZHOU, _file
from tests.orders.test_e2e_stale_card_redrawn import REDRAWN, _reads

GRID = 2002  # 张网格员, 阳光社区 第一网格 (1–3号楼)


async def _declined_by_colleague(h: Harness, number: str) -> None:
    """张网格员 declines the request from his own card of it."""
    d = h.driver
    notice = await d.expect(GRID, f"新诉求 {number}")
    await d.tap(GRID, "查看诉求", notice["message_id"])
    card = await d.expect(GRID, f"诉求 {number} ·", since=notice["message_id"])
    await d.tap(GRID, "不受理", card["message_id"])
    await d.expect(GRID, "不受理诉求", since=card["message_id"])
    await d.send(GRID, "已由物业当场处理")
    await d.expect(GRID, "已不予受理", since=card["message_id"])


@pytest.mark.parametrize("tap", ["2号楼", "🌳 公共区域（不在楼栋）"])
async def test_an_old_building_list_is_redrawn_as_the_card(
    linli_sandbox: Harness, tap: str
) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, ZHOU, "楼道里的灯不亮了")
    notice = await d.expect(STAFF, f"新诉求 {number}")
    await d.tap(STAFF, "查看诉求", notice["message_id"])
    card = await d.expect(STAFF, f"诉求 {number} ·", since=notice["message_id"])
    await d.tap(STAFF, "📍 改地点", card["message_id"])
    listed = await d.expect(STAFF, "请选择正确的楼栋", since=card["message_id"])
    await _declined_by_colleague(h, number)

    answer = await d.tap(STAFF, tap, listed["message_id"])

    assert answer["answer"]["text"] == REDRAWN and answer["answer"]["show_alert"], answer
    now = await _reads(h, listed, f"诉求 {number} · 不予受理")
    assert "请选择正确的楼栋" not in message_text(now)
    assert not {"2号楼", "📍 改地点"} & _labels(now), _labels(now)
    # the card the list came from reads so too (it kept 派单, 📍 改地点 and the rest)
    above = await _reads(h, card, f"诉求 {number} · 不予受理")
    assert not {"📤 派单", "📍 改地点"} & _labels(above), _labels(above)
    assert await d.errors() == []


async def test_an_old_merge_candidate_is_redrawn_as_the_card(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    first = await _file(h, ZHOU, "楼道里的灯不亮了，晚上看不见")
    number = await _file(h, ZHOU, "楼道的灯又不亮了，晚上很黑")
    notice = await d.expect(STAFF, f"新诉求 {number}")
    await d.tap(STAFF, "查看诉求", notice["message_id"])
    card = await d.expect(STAFF, f"诉求 {number} ·", since=notice["message_id"])
    await d.tap(STAFF, "合并", card["message_id"])
    listed = await d.expect(STAFF, "可能重复的诉求", since=card["message_id"])
    assert f"🔗 并入 {first}" in _labels(listed), _labels(listed)
    await d.send(STAFF, "✖️ 取消")  # left the step: the list stays on screen
    await _declined_by_colleague(h, number)

    answer = await d.tap(STAFF, f"并入 {first}", listed["message_id"])

    assert answer["answer"]["text"] == REDRAWN and answer["answer"]["show_alert"], answer
    now = await _reads(h, listed, f"诉求 {number} · 不予受理")
    assert not [b for b in _labels(now) if "并入" in b], _labels(now)
    assert await d.errors() == []
