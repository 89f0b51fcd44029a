"""The XLSX ledger exported for a reader of English (`linli export --lang en`, or 📥 by staff
who read English): the community, grid and building by their English names, the history's
brackets and colons in plain type ('filed (waiting) Channel: bot'), a category change in
category names. Before, those read 阳光社区 · 第一网格 · 3号楼, '（waiting）', 'Channel：bot' and
'facilities → water_electric' (codes, for Chinese readers too)."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

from openpyxl import load_workbook
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Translator
from services import orders as svc
from services import requests as req_svc
from services.export import export_ledger
from tests.orders.conftest import T0, World, draft
from tests.orders.test_stats_export import ZONE

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


async def _ledger(session: AsyncSession, w: World, tmp_path: Path, lang: str) -> dict[str, str]:
    out = await export_ledger(
        session,
        path=tmp_path / f"ledger-{lang}.xlsx",
        start=T0 - timedelta(days=1),
        end=T0 + timedelta(days=2),
        community_ids=[w.community.id or 0],
        texts=Translator(),
        lang=lang,
        zone=ZONE,
        now=T0 + timedelta(days=3),
    )
    rows = [[c.value for c in row] for row in load_workbook(out.path, read_only=True).active]
    return dict(zip(rows[0], rows[1], strict=True))


async def test_the_ledger_in_english_names_places_and_notes_in_english(
    session: AsyncSession, world: World, tmp_path: Path
) -> None:
    w = world
    w.community.name_en, w.grid.name_en = "Sunshine Community", "Grid 1"
    session.add_all([w.community, w.grid])
    await session.commit()
    filed = await req_svc.file_request(
        session, user=w.resident, draft=draft("light is out"), suggestion=None, now=T0
    )
    number = filed.request.id or 0
    await svc.change_category(
        session,
        user=w.staff,
        roles=w.roles(w.staff),
        request_id=number,
        code="water_electric",
        now=T0 + timedelta(hours=1),
    )
    row = await _ledger(session, w, tmp_path, "en")
    assert (row["Community"], row["Grid"], row["Building"]) == (
        "Sunshine Community",
        "Grid 1",
        "Building 3",
    )
    history = row["History"]
    assert "filed (waiting) Channel: bot" in history, history
    assert (
        "category changed Public facilities (lifts, street lights, roads, access gates) → "
        "Water and electricity repairs"
    ) in history, history
    assert not [v for v in row.values() if v and CJK.search(str(v))], row
    # Chinese readers: as before, with the category change in names, not codes
    row = await _ledger(session, w, tmp_path, "zh-Hans")
    assert (row["社区"], row["网格"], row["楼栋"]) == ("阳光社区", "第一网格", "3号楼")
    assert "（待受理） 渠道：" in row["办理过程"], row["办理过程"]
    assert "公共设施(电梯/路灯/道路/门禁) → 水电维修" in row["办理过程"], row["办理过程"]
