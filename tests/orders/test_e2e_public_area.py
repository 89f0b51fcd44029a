"""周阿姨 (1号楼 302) files '小区东门外马路上有个大坑': it was filed at 1号楼 and 第一网格, and
📍 改地点 offered buildings only, so the card, the public result card and the ledger said
1号楼. Now 李社工 taps 📍 改地点 → 🌳 公共区域, picks the grid that follows it and types where
it is: the card above reads '阳光社区 · 第一网格 · 公共区域 · 东门外马路' (her room stays, as
where she lives), she is told, 张网格员 keeps it (their grid) and finds it; the result card in
the public channel names the public area, never 1号楼 or her room. Handed to no grid, it
leaves 张网格员: they are told, and the card they had says where it went."""

from __future__ import annotations

from sqlmodel import col, select

from models.orders import LedgerEvent, Request
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import CHANNEL, WU, _file
from tests.orders.test_e2e_staff_place import DAY, GRID_WORKER, STAFF, ZHOU, _card, _labels

AREA = "阳光社区 · 第一网格 · 公共区域 · 东门外马路"


async def _to_public_area(h: Harness, card: dict, number: str, grid: str) -> dict:
    """李社工: 📍 改地点 → 🌳 公共区域 → the grid; returns the question asking where."""
    d = h.driver
    await d.tap(STAFF, "📍 改地点", card["message_id"])
    menu = await d.expect(STAFF, "请选择正确的楼栋", since=card["message_id"])
    assert "🌳 公共区域（不在楼栋）" in _labels(menu), _labels(menu)
    await d.tap(STAFF, "公共区域", menu["message_id"])
    grids = await d.expect(STAFF, "由哪个网格跟进", since=menu["message_id"] - 1)
    assert grids["message_id"] == menu["message_id"]
    assert _labels(grids) == [
        "📍 第一网格",
        "第二网格",
        "不分网格（全社区）",
        "⬅️ 上一步",
        "✖️ 取消",
    ]
    await d.tap(STAFF, grid, grids["message_id"])
    asked = await d.expect(STAFF, f"诉求 {number} 在公共区域的哪里", since=menu["message_id"] - 1)
    assert asked["message_id"] == menu["message_id"] and _labels(asked) == ["跳过", "✖️ 取消"]
    return asked


async def test_a_matter_on_the_road_outside_is_placed_in_a_public_area(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    h.clock.set(DAY)
    number = await _file(h, ZHOU, "小区东门外马路上有个大坑")
    worker_notice = await d.expect(GRID_WORKER, f"新诉求 {number}")
    card = await _card(h, number)
    assert "地点：阳光社区 · 第一网格 · 1号楼" in message_text(card)

    asked = await _to_public_area(h, card, number, "第一网格")
    assert "由 第一网格 跟进" in message_text(asked)
    sent = await d.send(STAFF, "东门外马路")
    said = await d.expect(STAFF, f"诉求 {number} 的地点已改为", since=sent["message_id"])
    assert "公共区域 · 东门外马路（第一网格）" in message_text(said), message_text(said)
    # the question is answered: its buttons go
    shown = next(
        m
        for m in await d.messages(STAFF, asked["message_id"] - 1)
        if m["message_id"] == asked["message_id"]
    )
    assert not _labels(shown), _labels(shown)
    # the card above reads the public area (her room as where she lives); no second card
    now = await d.expect(STAFF, f"地点：{AREA}", since=card["message_id"] - 1)
    assert now["message_id"] == card["message_id"], message_text(now)
    assert "房号：1号楼 302" in message_text(now) and "📤 派单" in _labels(now)
    assert not [
        m
        for m in await d.messages(STAFF, card["message_id"])
        if message_text(m).startswith(f"诉求 {number} ·")
    ]
    told = await d.expect(ZHOU, "更正为 公共区域 · 东门外马路")
    assert "由 第一网格 的工作人员处理" in message_text(told)
    # 张网格员 keeps it: told where it is, it opens for them, and /find finds it by the place
    moved = await d.expect(
        GRID_WORKER, "改为 公共区域 · 东门外马路", since=worker_notice["message_id"]
    )
    await d.tap(GRID_WORKER, "查看诉求", moved["message_id"])
    theirs = await d.expect(GRID_WORKER, f"地点：{AREA}", since=moved["message_id"])
    assert "📤 派单" in _labels(theirs), _labels(theirs)
    [*_, found] = await d.say(GRID_WORKER, "/find 东门外马路")
    assert number in message_text(found), message_text(found)
    async with h.sessionmaker() as s:
        req = await s.get(Request, int(number))
        assert req is not None
        assert (req.building_id, req.room, req.public_area) == (None, None, "东门外马路")
        [event] = (
            await s.exec(
                select(LedgerEvent).where(
                    col(LedgerEvent.request_id) == req.id, col(LedgerEvent.action) == "move_place"
                )
            )
        ).all()
        assert event.note == "1号楼 → 公共区域 · 东门外马路"

    # handled and done: the public result card names the public area, not her building
    await d.tap(STAFF, "直接办理", card["message_id"])
    await d.expect(STAFF, f"诉求 {number} · 社区办理中", since=card["message_id"] - 1)
    await d.tap(STAFF, "填写结果", card["message_id"])
    ask = await d.expect(STAFF, "办理结果", since=said["message_id"])
    await d.send(STAFF, "已联系市政修补，坑已填平")
    await d.expect(STAFF, "已发给居民评价", since=ask["message_id"])
    posted = message_text(await d.expect(CHANNEL, "组织晒单"))
    assert "地点：公共区域 · 东门外马路" in posted, posted
    assert "1号楼" not in posted and "302" not in posted, posted
    assert await d.errors() == []


async def test_a_public_area_in_no_grid_leaves_the_grid_worker(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    h.clock.set(DAY)
    number = await _file(h, ZHOU, "小区东门外马路上有个大坑")
    notice = await d.expect(GRID_WORKER, f"新诉求 {number}")
    await d.tap(GRID_WORKER, "查看诉求", notice["message_id"])
    opened = await d.expect(GRID_WORKER, f"诉求 {number} ·", since=notice["message_id"])
    card = await _card(h, number)

    asked = await _to_public_area(h, card, number, "不分网格")
    assert "由 阳光社区 跟进" in message_text(asked)
    await d.tap(STAFF, "跳过", asked["message_id"])
    done = await d.expect(STAFF, "地点已改为 公共区域（阳光社区）", since=asked["message_id"] - 1)
    assert done["message_id"] == asked["message_id"] and not _labels(done)
    await d.expect(STAFF, "地点：阳光社区 · 公共区域\n", since=card["message_id"] - 1)

    away = await d.expect(GRID_WORKER, "您不用再跟进", since=opened["message_id"])
    assert "已改由 阳光社区 处理" in message_text(away), message_text(away)
    # the card they had open: a tap says where it went, not 没有权限
    tap = await d.tap(GRID_WORKER, "直接办理", opened["message_id"])
    assert "已改到 公共区域，由 阳光社区 处理" in str(tap), tap
    [*_, queue] = await d.say(GRID_WORKER, "📋 待办诉求")
    assert number not in message_text(queue), message_text(queue)
    # counted in no grid (beside 吴大爷's in 第一网格)
    await _file(h, WU, "楼道的灯坏了，晚上很黑")
    [*_, periods] = await d.say(STAFF, "/stats")
    await d.tap(STAFF, "本周", periods["message_id"])
    figures = await d.expect(STAFF, "按网格", since=periods["message_id"])
    by_grid = message_text(figures).split("按网格（解决率）：")[1].split("\n")[0]
    assert sorted(by_grid.split("、")) == ["不分网格 1（-）", "第一网格 1（-）"], by_grid
    assert await d.errors() == []


async def test_the_members_card_of_an_order_in_a_public_area_says_where(
    linli_sandbox: Harness,
) -> None:
    """刘师傅's card of the order read '阳光社区 · 第一网格' only: where on the estate to go
    was lost between the staff card and the member's."""
    from tests.orders.test_e2e_cycle import LIU

    h = linli_sandbox
    d = h.driver
    h.clock.set(DAY)
    number = await _file(h, ZHOU, "小区东门外马路上的井盖松了")
    card = await _card(h, number)
    await _to_public_area(h, card, number, "第一网格")
    sent = await d.send(STAFF, "东门外马路")
    await d.expect(STAFF, f"诉求 {number} 的地点已改为", since=sent["message_id"])
    await d.tap(STAFF, "派单", card["message_id"])
    await d.expect(STAFF, f"为诉求 {number} 派单")
    await d.tap(STAFF, "改为全社区")
    await d.expect(STAFF, "全社区的党员")
    await d.tap(STAFF, "发布工单")
    issued = message_text(await d.expect(STAFF, "已发布"))
    order_no = issued.split("工单 ")[1].split(" ")[0]
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.click(LIU, offer["message_id"], text="详情")
    shown = await d.expect(LIU, f"工单 {order_no} · ", since=offer["message_id"])
    assert f"地点：{AREA}" in message_text(shown), message_text(shown)
