"""周阿姨 (1号楼 302) files '小区东门外马路上有个大坑': it used to be filed at her own building
and grid whatever she wrote. The preview now says her words sound like a public area of the
community and takes it there with one tap; 📍 不在家里？选地点 lets her say where it is, one
question at a time — her home, her building (not her home), another building, or a public area
with a few words for where (or none) — with ⬅️ back at each step and nothing she wrote lost."""

from __future__ import annotations

from typing import Any

from models.orders import Request
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_place_named import DAY, GRID_WORKER, STAFF, ZHOU, _labels, _preview

ROAD = "小区东门外马路上有个大坑，车子开过去很危险"


async def _submit(h: Harness, preview: dict[str, Any]) -> Request:
    d = h.driver
    await d.tap(ZHOU, "✅ 确认提交", preview["message_id"])
    filed = await d.expect(ZHOU, "已提交", since=preview["message_id"] - 1)
    number = message_text(filed).split("编号")[1].strip().split("。")[0].strip()
    async with h.sessionmaker() as s:
        req = await s.get(Request, int(number))
        assert req is not None
        return req


async def test_her_words_name_the_road_outside_one_tap_files_it_there(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    h.clock.set(DAY)
    preview = await _preview(h, ROAD)
    assert "像是在小区公共区域（东门外马路）" in message_text(preview), message_text(preview)
    await d.tap(ZHOU, "🌳 对，在东门外马路", preview["message_id"])
    now = await d.expect(ZHOU, "地点：小区公共区域 · 东门外马路", since=preview["message_id"] - 1)
    assert now["message_id"] == preview["message_id"]
    assert ROAD in message_text(now)  # what she wrote is all there
    req = await _submit(h, now)
    assert (req.building_id, req.grid_id, req.room, req.public_area) == (
        None,
        None,
        None,
        "东门外马路",
    )
    # the whole community's staff have it (李社工), not 1号楼's grid worker
    card = await d.expect(STAFF, f"新诉求 {req.number}")
    assert "公共区域 · 东门外马路" in message_text(card), message_text(card)
    assert "1号楼" not in message_text(card)
    assert not any(req.number in message_text(m) for m in await d.messages(GRID_WORKER))
    assert await d.errors() == []


async def test_she_chooses_where_one_question_at_a_time(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    h.clock.set(DAY)
    said = "有几块地砖翘起来了，老人容易绊倒"  # no place her words make sure of
    preview = await _preview(h, said)
    pid = preview["message_id"]
    assert "公共区域" not in message_text(preview)
    await d.tap(ZHOU, "📍 不在家里？选地点", pid)
    menu = await d.expect(ZHOU, "这件事在哪里", since=pid - 1)
    assert menu["message_id"] == pid
    assert _labels(menu) == [
        "✅ 🏠 我家（1号楼 302）",
        "🏢 我们楼（1号楼，不在我家里）",
        "🏘 另一栋楼",
        "🌳 小区公共区域（马路、花园、停车场、大门…）",
        "⬅️ 返回",
    ]
    # ⬅️ 返回: the preview as it was
    await d.tap(ZHOU, "⬅️ 返回", pid)
    back = await d.expect(ZHOU, said, since=pid - 1)
    assert back["message_id"] == pid and "地点：" not in message_text(back)
    # 🌳 → the question; ⬅️ 上一步 goes back to the places; then typed words
    await d.tap(ZHOU, "📍 不在家里？选地点", pid)
    await d.expect(ZHOU, "这件事在哪里", since=pid - 1)
    await d.tap(ZHOU, "🌳 小区公共区域", pid)
    asked = await d.expect(ZHOU, "在小区的哪里", since=pid - 1)
    assert _labels(asked) == ["跳过", "⬅️ 上一步"]
    await d.tap(ZHOU, "⬅️ 上一步", pid)
    await d.expect(ZHOU, "这件事在哪里", since=pid - 1)
    await d.tap(ZHOU, "🌳 小区公共区域", pid)
    await d.expect(ZHOU, "在小区的哪里", since=pid - 1)
    # 取消 typed at the question: back to the preview, nothing lost, the place as it was
    sent = await d.send(ZHOU, "✖️ 取消")
    again = await d.expect(ZHOU, said, since=sent["message_id"])
    assert "地点：" not in message_text(again) and "✅ 确认提交" in _labels(again)
    await d.tap(ZHOU, "📍 不在家里？选地点", again["message_id"])
    await d.tap(ZHOU, "🌳 小区公共区域", again["message_id"])
    await d.expect(ZHOU, "在小区的哪里", since=again["message_id"] - 1)
    sent = await d.send(ZHOU, "南门停车场出口")
    shown = await d.expect(ZHOU, "地点：小区公共区域 · 南门停车场出口", since=sent["message_id"])
    assert said in message_text(shown)
    # the question's buttons went
    [old] = [
        m
        for m in await d.messages(ZHOU, again["message_id"] - 1)
        if m["message_id"] == again["message_id"]
    ]
    assert not _labels(old)
    req = await _submit(h, shown)
    assert (req.building_id, req.room, req.public_area) == (None, None, "南门停车场出口")
    assert await d.errors() == []


async def test_her_building_not_her_home_or_another_building(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    h.clock.set(DAY)
    preview = await _preview(h, "楼顶的水箱一直在漏水")
    pid = preview["message_id"]
    await d.tap(ZHOU, "📍 不在家里？选地点", pid)
    await d.tap(ZHOU, "🏢 我们楼", pid)
    ours = await d.expect(ZHOU, "地点：1号楼（楼里，不在您家）", since=pid - 1)
    req = await _submit(h, ours)
    assert (req.room, req.public_area) == (None, None)
    async with h.sessionmaker() as s:
        from models import Building

        home = await s.get(Building, req.building_id)
        assert home is not None and home.name == "1号楼"

    preview = await _preview(h, "那边的垃圾桶满了没人收")
    pid = preview["message_id"]
    await d.tap(ZHOU, "📍 不在家里？选地点", pid)
    await d.tap(ZHOU, "🏘 另一栋楼", pid)
    listed = await d.expect(ZHOU, "在哪栋楼", since=pid - 1)
    assert "1号楼" not in _labels(listed) and "5号楼" in _labels(listed)
    await d.tap(ZHOU, "5号楼", pid)
    there = await d.expect(ZHOU, "地点：5号楼", since=pid - 1)
    assert "📍 地点改为 1号楼" in _labels(there)
    req = await _submit(h, there)
    async with h.sessionmaker() as s:
        from models import Building

        b = await s.get(Building, req.building_id)
        assert b is not None and b.name == "5号楼" and req.room is None
    assert await d.errors() == []
