"""Staff read the ledger in chat: /stats with a chart, the XLSX button; members, their points."""

from __future__ import annotations

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
