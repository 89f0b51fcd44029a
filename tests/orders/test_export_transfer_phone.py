"""The XLSX ledger writes a transfer and a rating taken by phone as an office reads them, in
Chinese and English: '转给：区水务公司 · 说明：…' (before, 'transfer 区水务公司: 请派人'), and
'电话回访' / 'by phone' for a rating staff recorded from a call (before, the stored mark '☎').
The notes are kept as stored in the database."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.orders import LedgerEvent, Score
from services import orders as svc
from services import requests as req_svc
from tests.orders.conftest import T0, World, draft
from tests.orders.test_export_history_words import export_ledger_rows


def _line(history: str, action: str) -> str:
    found = [
        line
        for line in history.splitlines()
        if line[17:].startswith(action) and line[17 + len(action)] in "（ "
    ]
    assert len(found) == 1, (action, history)
    return found[0]


async def _transferred_and_rated_by_phone(session: AsyncSession, w: World) -> int:
    staff, roles = w.staff, w.roles(w.staff)
    rid = (
        await req_svc.file_request(
            session, user=w.resident, draft=draft("路面积水下不去"), suggestion=None, now=T0
        )
    ).request.id or 0
    at = T0 + timedelta(minutes=10)
    await svc.transfer(
        session,
        user=staff,
        roles=roles,
        request_id=rid,
        unit="区水务公司",
        note="请派人疏通",
        now=at,
    )
    await svc.record_transfer_answer(
        session,
        user=staff,
        roles=roles,
        request_id=rid,
        answer="已疏通",
        now=at + timedelta(hours=2),
    )
    await svc.rate_by_phone(
        session,
        user=staff,
        roles=roles,
        request_id=rid,
        score=Score.SATISFIED,
        comment="很快",
        now=at + timedelta(hours=3),
    )
    return rid


async def test_transfer_and_phone_rating_read_as_an_office_reads_them(
    session: AsyncSession, world: World, tmp_path: Path
) -> None:
    rid = await _transferred_and_rated_by_phone(session, world)
    rows = await export_ledger_rows(session, world, tmp_path, "zh-Hans")
    row = dict(zip(rows[0], rows[1], strict=True))
    history = str(row["办理过程"])
    assert _line(history, "转办").endswith("转给：区水务公司 · 说明：请派人疏通"), history
    assert _line(history, "评价满意").endswith("电话回访 · 很快"), history
    assert "☎" not in history
    assert row["评价"] == "满意（电话回访）", row
    assert row["评价意见"] == "很快", row

    rows = await export_ledger_rows(session, world, tmp_path, "en")
    row = dict(zip(rows[0], rows[1], strict=True))
    history = str(row["History"])
    transfer = _line(history, "transferred")
    assert transfer.endswith("To: 区水务公司 · Note: 请派人疏通"), history
    assert "☎" not in history and "by phone · 很快" in history, history
    assert str(row["Rating"]).endswith("(by phone)"), row
    # stored as before
    notes = (
        await session.exec(
            select(LedgerEvent.action, LedgerEvent.note).where(col(LedgerEvent.request_id) == rid)
        )
    ).all()
    assert ("transfer", "区水务公司: 请派人疏通") in notes
    assert ("rate_satisfied", f"{svc.PHONE_RATING_NOTE} 很快") in notes


async def test_a_transfer_without_a_note_and_a_bare_phone_rating(
    session: AsyncSession, world: World, tmp_path: Path
) -> None:
    staff, roles = world.staff, world.roles(world.staff)
    rid = (
        await req_svc.file_request(
            session, user=world.resident, draft=draft("路灯坏了"), suggestion=None, now=T0
        )
    ).request.id or 0
    at = T0 + timedelta(minutes=5)
    await svc.transfer(
        session, user=staff, roles=roles, request_id=rid, unit="供电所: 城东", note=None, now=at
    )
    await svc.record_transfer_answer(
        session, user=staff, roles=roles, request_id=rid, answer="修好了", now=at
    )
    await svc.rate_by_phone(
        session, user=staff, roles=roles, request_id=rid, score=Score.BASIC, comment=None, now=at
    )
    rows = await export_ledger_rows(session, world, tmp_path, "zh-Hans")
    history = str(rows[1][-1])
    assert _line(history, "转办").endswith("转给：供电所: 城东"), history
    assert _line(history, "评价基本满意").endswith("电话回访"), history
