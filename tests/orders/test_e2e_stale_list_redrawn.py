"""A list about a request — 📍 改地点's buildings (a page of them, 🌳 公共区域's grids), 合并's
candidates — tapped after a colleague declined the request. It first answered only '…请点下方菜单
重新打开' and kept its buttons; then the list became a second copy of the card, under the card it
came from. Now the card the list came from (quoted by the list, else the staff member's card of
the request as remembered) is redrawn in place, and the list itself becomes a short note of who
did what, when, without buttons, the tap answered with a short alert. Only when no card of it is
known does the list become the card (once), as before."""

from __future__ import annotations

from typing import Any

import pytest

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_card_after_step import _labels
from tests.orders.test_e2e_cycle import STAFF, ZHOU, _file
from tests.orders.test_e2e_staff_cards_live import unremembered
from tests.orders.test_e2e_stale_card_redrawn import REDRAWN, _reads

GRID = 2002  # 张网格员, 阳光社区 第一网格 (1–3号楼)
STALE_ALERT = "这个列表已过期，卡片已更新。"


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


async def _staff_card(h: Harness, number: str) -> dict[str, Any]:
    """李社工 opens the request's card from its notice."""
    d = h.driver
    notice = await d.expect(STAFF, f"新诉求 {number}")
    await d.tap(STAFF, "查看诉求", notice["message_id"])
    return await d.expect(STAFF, f"诉求 {number} ·", since=notice["message_id"])


async def _cards_after(h: Harness, since: int, number: str) -> list[dict[str, Any]]:
    """李社工's messages after `since` that are a card of the request."""
    return [
        m
        for m in await h.driver.messages(STAFF, since)
        if not m["deleted"] and f"诉求 {number} ·" in message_text(m)
    ]


async def _is_note(h: Harness, listed: dict[str, Any]) -> dict[str, Any]:
    """The list, once it says it is out of date: who did what (and when), without buttons."""
    now = await _reads(h, listed, "这个列表已过期")
    text = message_text(now)
    assert "张网格员" in text and "不予受理" in text and "卡片已更新" in text, text
    assert not _labels(now), _labels(now)
    return now


@pytest.mark.parametrize("tap", ["2号楼", "🌳 公共区域（不在楼栋）"])
async def test_an_old_building_list_redraws_its_card_and_says_so(
    linli_sandbox: Harness, tap: str
) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, ZHOU, "楼道里的灯不亮了")
    card = await _staff_card(h, number)
    await d.tap(STAFF, "📍 改地点", card["message_id"])
    listed = await d.expect(STAFF, "请选择正确的楼栋", since=card["message_id"])
    await _declined_by_colleague(h, number)

    answer = await d.tap(STAFF, tap, listed["message_id"])

    assert answer["answer"]["text"] == STALE_ALERT and answer["answer"]["show_alert"], answer
    await _is_note(h, listed)
    # the card the list came from reads as the request now is (it kept 派单, 📍 改地点 …)
    above = await _reads(h, card, f"诉求 {number} · 不予受理")
    assert not {"📤 派单", "📍 改地点"} & _labels(above), _labels(above)
    # and no second copy of the card came
    assert [m["message_id"] for m in await _cards_after(h, card["message_id"] - 1, number)] == [
        card["message_id"]
    ]
    assert await d.errors() == []


async def test_an_old_merge_candidate_redraws_the_card_remembered(
    linli_sandbox: Harness,
) -> None:
    """The candidates' list does not quote the card: the card remembered is redrawn."""
    h = linli_sandbox
    d = h.driver
    first = await _file(h, ZHOU, "楼道里的灯不亮了，晚上看不见")
    number = await _file(h, ZHOU, "楼道的灯又不亮了，晚上很黑")
    card = await _staff_card(h, number)
    await d.tap(STAFF, "合并", card["message_id"])
    listed = await d.expect(STAFF, "可能重复的诉求", since=card["message_id"])
    assert f"🔗 并入 {first}" in _labels(listed), _labels(listed)
    await d.send(STAFF, "✖️ 取消")  # left the step: the list stays on screen
    await _declined_by_colleague(h, number)

    answer = await d.tap(STAFF, f"并入 {first}", listed["message_id"])

    assert answer["answer"]["text"] == STALE_ALERT and answer["answer"]["show_alert"], answer
    await _is_note(h, listed)
    above = await _reads(h, card, f"诉求 {number} · 不予受理")
    assert "🔗 合并" not in _labels(above), _labels(above)
    assert [m["message_id"] for m in await _cards_after(h, card["message_id"] - 1, number)] == [
        card["message_id"]
    ]
    assert await d.errors() == []


async def test_with_no_card_known_the_list_becomes_the_card_once(linli_sandbox: Harness) -> None:
    """A card shown before cards were remembered, and a list not quoting it: the list tapped
    becomes the card as it now is (one copy), as before."""
    h = linli_sandbox
    d = h.driver
    first = await _file(h, ZHOU, "楼道里的灯不亮了，晚上看不见")
    number = await _file(h, ZHOU, "楼道的灯又不亮了，晚上很黑")
    card = await _staff_card(h, number)
    await d.tap(STAFF, "合并", card["message_id"])
    listed = await d.expect(STAFF, "可能重复的诉求", since=card["message_id"])
    await d.send(STAFF, "✖️ 取消")
    await unremembered(h)
    await _declined_by_colleague(h, number)

    answer = await d.tap(STAFF, f"并入 {first}", listed["message_id"])

    assert answer["answer"]["text"] == REDRAWN and answer["answer"]["show_alert"], answer
    now = await _reads(h, listed, f"诉求 {number} · 不予受理")
    assert not [b for b in _labels(now) if "并入" in b], _labels(now)
    new = await _cards_after(h, listed["message_id"], number)
    assert not new, [message_text(m) for m in new]
    assert await d.errors() == []
