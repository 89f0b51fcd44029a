"""A resident of 1号楼 reports a lamp out at 5号楼. The request used to be filed at her own
building whatever she wrote: the card of 第一网格's worker, '地点：1号楼' on every card, and a
member sent to 1号楼 302. The building her description names is now where the matter is (she
sees it in the preview and can put it back to her own with one tap): its grid's staff get it,
and her room (of her own building) is not given as its address; staff still see where she
lives."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from models import Building, Grid
from models.orders import Request
from sandbox.driver import message_text
from scheduler.service import SchedulerService
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import LIU, WU, _file, _open_card

STAFF = 2001  # 李社工, 阳光社区 (all of it)
GRID_WORKER = 2002  # 张网格员, 阳光社区 第一网格 (1号楼, 2号楼, 3号楼)
ZHOU = 4001  # 周阿姨, 阳光社区 1号楼 302
DAY = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # Mon 10:00 in Shanghai


def _labels(message: dict[str, Any]) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [b["text"] for row in markup.get("inline_keyboard", []) for b in row]


async def _preview(h: Harness, text: str) -> dict[str, Any]:
    d = h.driver
    await d.say(ZHOU, "📝 我要点单")
    sent = await d.send(ZHOU, text)
    await d.expect(ZHOU, "收到文字", since=sent["message_id"])
    sent = await d.send(ZHOU, "✅ 说完了")
    return await d.expect(ZHOU, "分类：", since=sent["message_id"])


async def _submit(h: Harness, preview: dict[str, Any]) -> str:
    d = h.driver
    await d.tap(ZHOU, "✅ 确认提交", preview["message_id"])
    filed = await d.expect(ZHOU, "已提交", since=preview["message_id"] - 1)
    return message_text(filed).split("编号")[1].strip().split("。")[0].strip()


async def _filed(h: Harness, number: str) -> tuple[Request, str, str]:
    async with h.sessionmaker() as s:
        req = await s.get(Request, int(number))
        assert req is not None
        building = await s.get(Building, req.building_id)
        grid = await s.get(Grid, req.grid_id)
        assert building is not None and grid is not None
        return req, building.name, grid.name


async def test_the_building_her_words_name_is_where_the_matter_is(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    h.clock.set(DAY)
    preview = await _preview(h, "5号楼门口的路灯坏了好几天，晚上特别黑")
    text = message_text(preview)
    assert "地点：5号楼" in text, text
    assert "📍 地点改为 1号楼" in _labels(preview), _labels(preview)
    number = await _submit(h, preview)

    req, building, grid = await _filed(h, number)
    assert (building, grid) == ("5号楼", "第二网格")
    assert req.room is None  # 302 is a room of 1号楼, not of 5号楼
    await service.drain()
    # 第二网格 has no grid worker: the community's staff have it, 第一网格's worker does not
    # (waited for: the scheduler's own sender may have the notice on its way when drain looks)
    await d.expect(STAFF, number)
    assert not any(number in message_text(m) for m in await d.messages(GRID_WORKER))
    # the card says where the matter is, and where the resident lives
    [listed] = await d.say(STAFF, "📋 待办诉求")
    await d.tap(STAFF, f"查看 {number}", listed["message_id"])
    card = await d.expect(STAFF, f"诉求 {number} ·", since=listed["message_id"])
    assert "5号楼" in message_text(card)
    assert "房号：1号楼 302" in message_text(card), message_text(card)
    assert await d.errors() == []


async def test_one_tap_puts_the_matter_back_at_her_own_building(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    h.clock.set(DAY)
    preview = await _preview(h, "三号楼的电梯又坏了")
    assert "地点：3号楼" in message_text(preview), message_text(preview)
    await d.tap(ZHOU, "📍 地点改为 1号楼", preview["message_id"])
    back = await d.expect(ZHOU, "地点：1号楼（您家的楼）", since=preview["message_id"] - 1)
    assert back["message_id"] == preview["message_id"]  # the preview is redrawn in place
    assert "📍 地点改为 3号楼" in _labels(back), _labels(back)
    number = await _submit(h, back)
    req, building, grid = await _filed(h, number)
    assert (building, grid, req.room) == ("1号楼", "第一网格", "302")
    assert await d.errors() == []


async def test_no_place_is_read_from_a_date_two_buildings_or_her_own(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    h.clock.set(DAY)
    for said in (
        "上个月3号开始楼上就漏水",  # a day of the month, not 3号楼
        "3号楼和5号楼中间的路灯不亮",  # between two buildings: hers is kept
        "我们1号楼的楼道灯坏了",  # her own
        "9号楼门口堆满了垃圾",  # no such building in 阳光社区
    ):
        preview = await _preview(h, said)
        text = message_text(preview)
        assert "地点：" not in text, (said, text)
        assert not any("地点改为" in label for label in _labels(preview))
        number = await _submit(h, preview)
        req, building, _grid = await _filed(h, number)
        assert (building, req.room) == ("1号楼", "302"), said
    assert await h.driver.errors() == []


async def test_the_member_is_sent_to_the_matter_and_finds_the_resident_at_home(
    linli_sandbox: Harness,
) -> None:
    """吴大爷 (1号楼 502, no phone) reports a leaking pipe at 5号楼: the order is at 5号楼,
    and the member who claims it is told to find him at 1号楼 502 — not at '5号楼 502'."""
    h = linli_sandbox
    d = h.driver
    number = await _file(h, WU, "五号楼门口的水管漏水了，地上都是水")
    await _open_card(h, number)
    await d.tap(STAFF, "派单")
    await d.expect(STAFF, f"为诉求 {number} 派单")
    await d.tap(STAFF, "改为全社区")
    await d.expect(STAFF, "全社区的党员")
    await d.tap(STAFF, "发布工单")
    order_no = message_text(await d.expect(STAFF, "已发布")).split("工单 ")[1].split(" ")[0]
    offer = await d.expect(LIU, f"新工单 {order_no}")
    assert "5号楼" in message_text(offer), message_text(offer)
    await d.click(LIU, offer["message_id"], text="✋ 接单")
    claimed = message_text(
        await d.expect(LIU, f"您已接下工单 {order_no}", since=offer["message_id"])
    )
    assert "请直接到 1号楼 502 当面联系" in claimed, claimed
    assert "5号楼 502" not in claimed, claimed
    [card] = [m for m in await d.messages(LIU) if m["message_id"] == offer["message_id"]]
    text = message_text(card)
    assert "地点：阳光社区 · 第二网格 · 5号楼" in text, text
    assert "房号：1号楼 502" in text and "5号楼 502" not in text, text
    assert await d.errors() == []
