"""The XLSX ledger follows the staff's language: Traditional Chinese headers and words."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from openpyxl import load_workbook
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Translator
from services.export import export_ledger
from tests.orders.conftest import T0, World
from tests.orders.test_stats_export import _scenario

ZONE = ZoneInfo("Asia/Shanghai")


async def test_xlsx_ledger_in_traditional_chinese(
    session: AsyncSession, world: World, tmp_path: Path
) -> None:
    ids = await _scenario(session, world)
    out = await export_ledger(
        session,
        path=tmp_path / "ledger.xlsx",
        start=T0 - timedelta(days=1),
        end=T0 + timedelta(days=2),
        community_ids=[world.community.id or 0],
        texts=Translator(),
        lang="zh-Hant",
        zone=ZONE,
        now=T0 + timedelta(days=30),
    )
    book = load_workbook(out.path, read_only=True)
    assert book.sheetnames[0] == "台賬"
    rows = [[c.value for c in row] for row in book.active.iter_rows()]
    header = rows[0]
    assert header[:3] == ["編號", "受理時間", "渠道"] and header[-1] == "辦理過程"
    by_number = {r[0]: dict(zip(header, r, strict=True)) for r in rows[1:]}
    a = by_number[f"{ids[0]:05d}"]
    assert a["狀態"] == "已解決" and a["評價"] == "滿意"
    assert "驗收" in a["辦理過程"]
    # what residents and members wrote stays as written
    assert a["接單人"] == "党员300"
