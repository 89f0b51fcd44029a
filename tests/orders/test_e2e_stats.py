"""Staff read the ledger in chat: /stats with a chart, the XLSX button; members, their points."""

from __future__ import annotations

from pathlib import Path

import pytest

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import LIU, STAFF, WU, _file, _open_card


async def test_stats_chart_export_and_points(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, WU, "2号楼门口的路灯不亮了")
    await _open_card(h, number)
    await d.tap(STAFF, "直接办理")
    await d.expect(STAFF, "社区办理中")
    await d.say(STAFF, "/stats")
    await d.tap(STAFF, "本周")
    figures = await d.expect(STAFF, "台账统计 · 本周")
    text = message_text(figures)
    assert "诉求 1 件" in text and "响应率 100%" in text and "阳光社区" in text
    photos = [m for m in await d.messages(STAFF) if m.get("photo")]
    assert photos, "the chart image was sent"
    await d.tap(STAFF, "导出台账", figures["message_id"])
    doc = await d.expect(STAFF, "台账已生成，共 1 件")
    assert doc.get("document", {}).get("file_name", "").endswith(".xlsx")
    [points] = await d.say(LIU, "🏅 我的积分")
    assert "您的积分" in message_text(points)


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
