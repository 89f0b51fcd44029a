"""Staff read the ledger in chat: /stats with a chart, the XLSX button; members, their points."""

from __future__ import annotations

from pathlib import Path

import pytest

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import (
    GRID_WORKER,
    LIU,
    STAFF,
    WU,
    ZHAO,
    ZHENG,
    _file,
    _open_card,
)
from tests.support import reply_to


async def test_stats_chart_export_and_points(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, WU, "2号楼门口的路灯不亮了")
    await _open_card(h, number)
    await d.tap(STAFF, "直接办理")
    await d.expect(STAFF, "社区办理中")
    # a second one just filed and not answered yet is not late: not counted against the rate
    await _file(h, ZHENG, "5号楼楼道里堆满了纸箱")
    await d.say(STAFF, "/stats")
    await d.tap(STAFF, "本周")
    figures = await d.expect(STAFF, "台账统计 · 本周")
    text = message_text(figures)
    assert "诉求 2 件" in text and "响应率 100%" in text and "阳光社区" in text
    assert "另有 1 件刚提交、还在 24 小时响应期内，暂不计入响应率" in text
    photos = [m for m in await d.messages(STAFF) if m.get("photo")]
    assert photos, "the chart image was sent"
    await d.tap(STAFF, "导出台账", figures["message_id"])
    doc = await d.expect(STAFF, "台账已生成，共 2 件")
    assert doc.get("document", {}).get("file_name", "").endswith(".xlsx")
    points = await reply_to(d, LIU, "🏅 我的积分", "我的积分")
    assert "我的积分" in message_text(points) and "积分榜 · 本月" in message_text(points)


async def test_stats_without_a_cjk_font_send_the_figures_alone(
    linli_sandbox: Harness, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """No font can draw the chart's Chinese labels: staff still get their figures, as text."""
    from services import poll_chart

    def no_font() -> Path:
        raise poll_chart.NoCjkFont("no font with Chinese glyphs")

    monkeypatch.setattr(poll_chart, "cjk_font_path", no_font)
    h = linli_sandbox
    d = h.driver
    await _file(h, WU, "2号楼门口的路灯不亮了")
    await d.say(STAFF, "/stats")
    await d.tap(STAFF, "本周")
    figures = await d.expect(STAFF, "台账统计 · 本周")
    assert "诉求 1 件" in message_text(figures)
    assert "导出台账" in str(figures.get("reply_markup"))
    assert not [m for m in await d.messages(STAFF) if m.get("photo")], "no chart image"
    assert not [m for m in await d.messages(STAFF) if "出了点问题" in message_text(m)]
    assert "without their chart" in caplog.text


async def _last_id(h: Harness, chat_id: int) -> int:
    """The id of the latest message in a chat (0 when empty): later expectations start there."""
    messages = await h.driver.messages(chat_id)
    return int(messages[-1]["message_id"]) if messages else 0


async def _served(h: Harness, resident: int, member: int, text: str) -> str:
    """A resident's matter, issued to the whole community, served by the member and verified."""
    d = h.driver
    staff_seen, member_seen = await _last_id(h, STAFF), await _last_id(h, member)
    number = await _file(h, resident, text)
    notice = await d.expect(STAFF, f"诉求 {number}", since=staff_seen)
    await d.tap(STAFF, "查看诉求", notice["message_id"])
    await d.expect(STAFF, f"诉求 {number} ·", since=staff_seen)
    await d.tap(STAFF, "派单")
    await d.expect(STAFF, f"为诉求 {number} 派单", since=staff_seen)
    await d.tap(STAFF, "改为全社区")  # who may claim; the matter stays in the resident's grid
    issued = await d.expect(STAFF, "全社区的党员", since=staff_seen)
    await d.tap(STAFF, "发布工单", issued["message_id"])
    issued = await d.expect(STAFF, "已发布", since=staff_seen)
    order_no = message_text(issued).split("工单 ")[1].split(" ")[0]
    offer = await d.expect(member, f"新工单 {order_no}", since=member_seen)
    await d.tap(member, "接单", offer["message_id"])
    await d.expect(member, f"您已接下工单 {order_no}", since=member_seen)
    await d.say(member, "📌 我的工单")
    await d.tap(member, f"查看 {order_no}")
    await d.tap(member, "完成上报")
    await d.say(member, "已处理好")
    await d.say(member, "✅ 说完了")
    await d.expect(member, f"工单 {order_no} 已上报", since=member_seen)
    verify = await d.expect(STAFF, "请验收", since=staff_seen)
    assert order_no in message_text(verify)
    await d.tap(STAFF, "验收通过", verify["message_id"])
    await d.expect(STAFF, f"工单 {order_no} 已验收", since=staff_seen)
    return order_no


async def _member_board(h: Harness, staff: int) -> str:
    """The 党员/志愿者 line of this week's /stats as the staff member reads it."""
    d = h.driver
    await d.say(staff, "/stats")
    await d.tap(staff, "本周")
    figures = await d.expect(staff, "台账统计 · 本周")
    lines = [ln for ln in message_text(figures).split("\n") if ln.startswith("党员/志愿者：")]
    return lines[0] if lines else ""


async def test_grid_worker_sees_the_members_who_served_their_grid(
    linli_sandbox: Harness,
) -> None:
    """刘 served a matter of 第一网格 (1号楼), 赵 one of 第二网格 (5号楼): the grid worker of
    第一网格 sees 刘 only, community staff see both."""
    h = linli_sandbox
    await _served(h, WU, LIU, "1号楼楼道灯坏了")
    await _served(h, ZHENG, ZHAO, "5号楼楼道灯坏了")
    staff_board = await _member_board(h, STAFF)
    assert "刘建国 1 单 / 10 分" in staff_board and "赵敏 1 单 / 10 分" in staff_board
    grid_board = await _member_board(h, GRID_WORKER)
    assert "刘建国 1 单 / 10 分" in grid_board and "赵敏" not in grid_board


async def test_grid_worker_figures_are_named_by_their_grid(linli_sandbox: Harness) -> None:
    """张网格员 (第一网格) reads their grid's figures: the line names the grid, not the whole
    阳光社区 (before: '阳光社区：1 件', as if it were the community's); community staff read
    the community's."""
    h = linli_sandbox
    d = h.driver
    await _file(h, WU, "1号楼楼道灯坏了")
    await _file(h, ZHENG, "5号楼楼道里堆满了纸箱")
    await d.say(GRID_WORKER, "/stats")
    await d.tap(GRID_WORKER, "本周")
    text = message_text(await d.expect(GRID_WORKER, "台账统计 · 本周"))
    assert "诉求 1 件" in text
    assert "\n阳光社区 · 第一网格：1 件" in text and "\n阳光社区：" not in text
    await d.say(STAFF, "/stats")
    await d.tap(STAFF, "本周")
    text = message_text(await d.expect(STAFF, "台账统计 · 本周"))
    assert "\n阳光社区：2 件" in text and "第一网格：" not in text
