"""周阿姨 (1号楼 302) reports '门口的下水道堵了' from home: the request is at 1号楼, with
第一网格's worker. It is really at 5号楼, and nobody could correct it. Now 李社工 taps
📍 改地点 on its card, picks 5号楼 from the community's buildings, and the request moves: the
card reads 第二网格 · 5号楼 (and her home room), 第一网格's worker is told it is no longer
theirs, and 周阿姨 is told in one line where it is now. Her forged tap of the same button, and
a tap on the list once she withdrew it, are refused politely."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlmodel import col, select

from models import AuditEvent, Building
from models.orders import LedgerEvent, Request
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import _file

STAFF = 2001  # 李社工, 阳光社区 (all of it)
GRID_WORKER = 2002  # 张网格员, 阳光社区 第一网格 (1号楼, 2号楼, 3号楼)
ZHOU = 4001  # 周阿姨, 阳光社区 1号楼 302
DAY = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # Mon 10:00 in Shanghai


def _labels(message: dict[str, Any]) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [b["text"] for row in markup.get("inline_keyboard", []) for b in row]


async def _card(h: Harness, number: str) -> dict[str, Any]:
    """李社工 opens the request's card from its notice."""
    d = h.driver
    notice = await d.expect(STAFF, f"新诉求 {number}")
    await d.tap(STAFF, "查看诉求", notice["message_id"])
    return await d.expect(STAFF, f"诉求 {number} ·", since=notice["message_id"])


async def _with_button(h: Harness, message_id: int, label: str) -> dict[str, Any]:
    """李社工's message `message_id` once an edit gave it the button `label`."""
    d = h.driver
    for _ in range(100):
        [shown] = [
            m for m in await d.messages(STAFF, message_id - 1) if m["message_id"] == message_id
        ]
        if label in _labels(shown):
            return shown
        await d.wait(STAFF, message_id, timeout=0.2)
    raise AssertionError(f"no {label!r} on message {message_id}: {_labels(shown)}")


async def _building_id(h: Harness, name: str) -> int:
    async with h.sessionmaker() as s:
        building = (await s.exec(select(Building).where(col(Building.name) == name))).one()
        return building.id or 0


async def test_staff_correct_the_place_and_everyone_reads_where_it_is(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    h.clock.set(DAY)
    number = await _file(h, ZHOU, "门口的下水道堵了，污水都漫出来了")
    worker_card = await d.expect(GRID_WORKER, f"新诉求 {number}")
    card = await _card(h, number)
    assert "📍 改地点" in _labels(card), _labels(card)

    await d.tap(STAFF, "📍 改地点", card["message_id"])
    menu = await d.expect(STAFF, "请选择正确的楼栋", since=card["message_id"])
    assert "现在的地点：阳光社区 · 第一网格 · 1号楼" in message_text(menu)
    # the community's buildings, the one it is at marked; none of another community; and a
    # public area of the community (no building)
    listed = ["📍 1号楼", "2号楼", "3号楼", "5号楼", "6号楼", "🌳 公共区域（不在楼栋）", "✖️ 取消"]
    assert _labels(menu) == listed, _labels(menu)
    await d.tap(STAFF, "5号楼", menu["message_id"])

    done = await d.expect(
        STAFF, f"诉求 {number} 的地点已改为 5号楼（第二网格）", since=menu["message_id"] - 1
    )
    assert done["message_id"] == menu["message_id"] and not done.get("reply_markup")
    # the card the list was opened from reads where it is now (no second card below)
    now = await d.expect(STAFF, "第二网格 · 5号楼", since=card["message_id"] - 1)
    assert now["message_id"] == card["message_id"], message_text(now)
    assert "房号：1号楼 302" in message_text(now), message_text(now)
    # 周阿姨 reads where it is now, in one line
    told = await d.expect(ZHOU, "地点已由社区工作人员更正为 5号楼")
    assert "第二网格" in message_text(told) and "\n" not in message_text(told)
    # 第一网格's worker: told it is not theirs, and their card says so without its button
    away = await d.expect(GRID_WORKER, "您不用再跟进", since=worker_card["message_id"])
    assert "已由工作人员改为 5号楼" in message_text(away)
    old = await d.expect(GRID_WORKER, "已改由 第二网格 处理", since=worker_card["message_id"] - 1)
    assert old["message_id"] == worker_card["message_id"] and not old.get("reply_markup")
    async with h.sessionmaker() as s:
        [event] = (
            await s.exec(select(LedgerEvent).where(col(LedgerEvent.action) == "move_place"))
        ).all()
        assert (event.actor_id, event.note) == (STAFF, "1号楼 → 5号楼")

    # 周阿姨 sends the button's data herself: refused and logged, nothing moves
    first = await _building_id(h, "1号楼")
    forged = await d.click(ZHOU, told["message_id"], data=f"oc:splb:{int(number)}:{first}")
    assert "没有权限" in str(forged), forged
    async with h.sessionmaker() as s:
        req = await s.get(Request, int(number))
        assert req is not None and req.building_id == await _building_id(h, "5号楼")
        refusals = (await s.exec(select(AuditEvent).where(col(AuditEvent.actor_id) == ZHOU))).all()
        assert [r.detail for r in refusals if r.action == "refused"] == ["move_place"]
    assert await d.errors() == []


async def test_a_building_list_tapped_after_the_matter_ended_is_refused(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    h.clock.set(DAY)
    number = await _file(h, ZHOU, "门口的下水道堵了，污水都漫出来了")
    card = await _card(h, number)
    await d.tap(STAFF, "📍 改地点", card["message_id"])
    menu = await d.expect(STAFF, "请选择正确的楼栋", since=card["message_id"])
    # she takes it back before staff choose
    [*_, mine] = await d.say(ZHOU, "📂 我的诉求")
    await d.tap(ZHOU, f"查看 {number}", mine["message_id"])
    own = await d.expect(ZHOU, f"诉求 {number}", since=mine["message_id"])
    await d.tap(ZHOU, "撤回", own["message_id"])
    ask = await d.expect(ZHOU, "确定要撤回", since=own["message_id"] - 1)
    await d.tap(ZHOU, "确定撤回", ask["message_id"])
    await d.expect(ZHOU, f"诉求 {number} 已撤回", since=ask["message_id"] - 1)

    late = await d.tap(STAFF, "5号楼", menu["message_id"])

    # the list says it is out of date, and why; the card it came from is redrawn
    assert late["answer"]["text"] == "这个列表已过期，卡片已更新。", late
    note = await d.expect(STAFF, "这个列表已过期", since=card["message_id"])  # edits count
    assert note["message_id"] == menu["message_id"], message_text(note)
    assert "周阿姨" in message_text(note) and "撤回" in message_text(note), message_text(note)
    assert not _labels(note), _labels(note)
    async with h.sessionmaker() as s:
        req = await s.get(Request, int(number))
        assert req is not None and req.building_id == await _building_id(h, "1号楼")
    # the withdrawn matter's card no longer offers it
    await d.tap(STAFF, "查看诉求", (await d.expect(STAFF, f"新诉求 {number}"))["message_id"])
    now = await d.expect(STAFF, "已撤回", since=menu["message_id"])
    assert "📍 改地点" not in _labels(now)
    assert await d.errors() == []


async def test_a_community_with_many_buildings_pages_its_list(linli_sandbox: Harness) -> None:
    """阳光社区 gets 25 more buildings (第二网格): the list shows 24 a page with 下一页, and a
    building on the second page can be chosen."""
    h = linli_sandbox
    d = h.driver
    h.clock.set(DAY)
    async with h.sessionmaker() as s:
        five = (await s.exec(select(Building).where(col(Building.name) == "5号楼"))).one()
        s.add_all(
            Building(community_id=five.community_id, grid_id=five.grid_id, name=f"A座{i:02d}")
            for i in range(1, 26)
        )
        await s.commit()
    number = await _file(h, ZHOU, "门口的下水道堵了，污水都漫出来了")
    card = await _card(h, number)
    await d.tap(STAFF, "📍 改地点", card["message_id"])
    menu = await d.expect(STAFF, "请选择正确的楼栋", since=card["message_id"])
    first = _labels(menu)
    assert len(first) == 24 + 3, first
    assert first[-3:] == ["下一页 ▶️", "🌳 公共区域（不在楼栋）", "✖️ 取消"], first
    await d.tap(STAFF, "下一页", menu["message_id"])
    paged = await _with_button(h, menu["message_id"], "A座25")  # the list turns its page
    second = ["A座20", "A座21", "A座22", "A座23", "A座24", "A座25", "◀️ 上一页"]
    second += ["🌳 公共区域（不在楼栋）", "✖️ 取消"]
    assert _labels(paged) == second, _labels(paged)
    await d.tap(STAFF, "A座25", paged["message_id"])
    await d.expect(STAFF, "地点已改为 A座25（第二网格）", since=menu["message_id"] - 1)
    async with h.sessionmaker() as s:
        req = await s.get(Request, int(number))
        assert req is not None and req.building_id == await _building_id(h, "A座25")
    assert await d.errors() == []
