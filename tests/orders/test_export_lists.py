"""The XLSX ledger exported in English lists things the English way: who took an order
('党员300, 党员302') and a member's skills ('Electrical repair, Plumbing'). Before, a cell
joined them with the Chinese list comma ('党员300、党员302') among English words."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from openpyxl import load_workbook
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Translator
from services import orders as order_svc
from services import requests as req_svc
from services.export import export_ledger
from tests.orders.conftest import T0, World, draft


async def _export(session: AsyncSession, world: World, tmp_path: Path, lang: str) -> Path:
    out = await export_ledger(
        session,
        path=tmp_path / f"ledger-{lang}.xlsx",
        start=T0 - timedelta(days=1),
        end=T0 + timedelta(days=1),
        community_ids=[world.community.id or 0],
        texts=Translator(),
        lang=lang,
        zone=ZoneInfo("Asia/Shanghai"),
        now=T0,
    )
    return out.path


async def test_lists_in_an_english_ledger_are_joined_the_english_way(
    session: AsyncSession, world: World, tmp_path: Path
) -> None:
    w = world
    filed = await req_svc.file_request(
        session, user=w.resident, draft=draft(), suggestion=None, now=T0
    )
    spec = order_svc.OrderSpec(members_needed=2, points=5)
    order = (
        await order_svc.issue_order(
            session,
            user=w.staff,
            roles=w.roles(w.staff),
            request_id=filed.request.id or 0,
            spec=spec,
            now=T0,
        )
    ).order
    assert order is not None
    for member in (w.member, w.member3):
        await order_svc.claim_order(
            session, user=member, roles=w.roles(member), order_id=order.id or 0, now=T0
        )

    book = load_workbook(await _export(session, w, tmp_path, "en"))
    ledger = list(book["Ledger"].iter_rows(values_only=True))
    row = dict(zip(ledger[0], ledger[1], strict=True))
    assert row["Members"] in ("党员300, 党员302", "党员302, 党员300"), row["Members"]
    members = {r[0]: r for r in book["Volunteer service"].iter_rows(values_only=True)}
    skills = members["党员300"][3]
    assert skills is not None and ", " in skills and "、" not in skills, skills

    # Chinese reads as before
    book = load_workbook(await _export(session, w, tmp_path, "zh-Hans"))
    ledger = list(book["台账"].iter_rows(values_only=True))
    assert "党员300、党员302" in ledger[1] or "党员302、党员300" in ledger[1], ledger[1]
