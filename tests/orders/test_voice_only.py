"""A request left as a voice note only keeps no text: it is never a triage training example, and
every reader (staff notice, ledger export) is told "voice note" in their own language. Requests
stored by earlier versions with the placeholder as their text read the same way."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Translator
from models.orders import CategoryCorrection, LedgerEvent, Request
from services import orders as svc
from services import requests as req_svc
from services.errors import InvalidInput
from services.export import COLUMNS, export_ledger
from services.order_common import LEGACY_VOICE_ONLY, written_text
from services.order_notices import render
from tests.orders.conftest import T0, World, draft

ZH = "（居民留了语音，请收听附件）"
EN = "(the resident left a voice note, please listen to the attachment)"


async def _voice_only(session: AsyncSession, w: World, text: str = "") -> Request:
    filed = await req_svc.file_request(
        session, user=w.resident, draft=draft(text, voices=["v1"]), suggestion=None, now=T0
    )
    return filed.request


async def _legacy(session: AsyncSession, w: World, text: str) -> Request:
    """A request as an earlier version stored it: the placeholder as its text."""
    req = Request(
        community_id=w.community.id or 0,
        grid_id=w.grid.id,
        building_id=w.building.id,
        resident_id=w.resident.id,
        filed_by=w.resident.id or 0,
        text=text,
        created_at=T0,
        updated_at=T0,
    )
    session.add(req)
    await session.commit()
    return req


async def _recategorize(session: AsyncSession, w: World, req: Request, code: str) -> None:
    await svc.change_category(
        session,
        user=w.staff,
        roles=w.roles(w.staff),
        request_id=req.id or 0,
        code=code,
        now=T0 + timedelta(minutes=5),
    )


def test_the_legacy_placeholders_are_the_texts_earlier_versions_stored() -> None:
    assert set(LEGACY_VOICE_ONLY) == {ZH, EN}
    assert written_text(ZH) == written_text(f"  {EN}\n") == written_text("") == ""
    assert written_text(f"{ZH}\n\n在3号楼") == "在3号楼"
    assert written_text("楼道灯坏了") == "楼道灯坏了"


async def test_voice_only_request_keeps_no_text(session: AsyncSession, world: World) -> None:
    req = await _voice_only(session, world)
    assert req.text == ""
    # a draft begun under an earlier version still holds the placeholder: not kept as words
    again = await _voice_only(session, world, ZH)
    assert again.text == ""
    with pytest.raises(InvalidInput):  # no words and no voice note is nothing to file
        await req_svc.file_request(
            session, user=world.resident, draft=draft("  "), suggestion=None, now=T0
        )


@pytest.mark.parametrize("stored", ["", ZH, EN])
async def test_correcting_a_voice_only_request_teaches_triage_nothing(
    session: AsyncSession, world: World, stored: str
) -> None:
    req = await (_voice_only(session, world) if not stored else _legacy(session, world, stored))
    await _recategorize(session, world, req, "noise_dispute")
    assert req.category == "noise_dispute"
    actions = (
        await session.exec(select(LedgerEvent.action).where(col(LedgerEvent.request_id) == req.id))
    ).all()
    assert "category" in actions  # the change is in the ledger all the same
    assert (await session.exec(select(CategoryCorrection))).all() == []
    assert await svc.triage_corrections(session) == []
    # a request with words still teaches triage
    worded = await req_svc.file_request(
        session,
        user=world.resident,
        draft=draft("楼下噪音太大", category="other"),
        suggestion=None,
        now=T0,
    )
    await _recategorize(session, world, worded.request, "noise_dispute")
    assert await svc.triage_corrections(session) == [("noise_dispute", "楼下噪音太大")]


async def test_corrections_kept_by_earlier_versions_for_voice_notes_are_not_trained_on(
    session: AsyncSession, world: World
) -> None:
    req = await _legacy(session, world, ZH)
    for code, text in (
        ("noise_dispute", ZH),
        ("property", EN),
        ("facilities", f"{ZH}\n\n3号楼电梯又坏了"),
        ("sanitation", "垃圾没人收"),
    ):
        session.add(
            CategoryCorrection(
                request_id=req.id or 0,
                from_category="other",
                to_category=code,
                text=text,
                by=world.staff.id or 0,
                at=T0,
            )
        )
    await session.commit()
    assert await svc.triage_corrections(session) == [
        ("facilities", "3号楼电梯又坏了"),
        ("sanitation", "垃圾没人收"),
    ]


async def test_staff_notice_says_voice_note_in_the_readers_language(
    session: AsyncSession, world: World
) -> None:
    filed = await req_svc.file_request(
        session, user=world.resident, draft=draft("", voices=["v1"]), suggestion=None, now=T0
    )
    texts = Translator()
    notice = filed.notices[0]
    english, _ = render(texts, "en", notice)
    chinese, _ = render(texts, "zh-Hans", notice)
    assert EN in english and ZH not in english
    assert ZH in chinese and EN not in chinese


async def test_adding_words_to_a_voice_only_request(session: AsyncSession, world: World) -> None:
    for stored in ("", ZH):
        req = await (_voice_only(session, world) if not stored else _legacy(session, world, ZH))
        await req_svc.add_info(
            session, user=world.resident, request_id=req.id or 0, text="在3号楼门口", now=T0
        )
        assert req.text == "在3号楼门口"


@pytest.mark.parametrize(("lang", "expected"), [("en", EN), ("zh-Hans", ZH)])
async def test_ledger_export_says_voice_note_in_its_language(
    session: AsyncSession, world: World, tmp_path: Path, lang: str, expected: str
) -> None:
    new = await _voice_only(session, world)
    old = await _legacy(session, world, ZH if lang == "en" else EN)
    worded = await req_svc.file_request(
        session, user=world.resident, draft=draft("楼道灯坏了"), suggestion=None, now=T0
    )
    out = await export_ledger(
        session,
        path=tmp_path / "ledger.xlsx",
        start=T0 - timedelta(days=1),
        end=T0 + timedelta(days=1),
        community_ids=[world.community.id or 0],
        texts=Translator(),
        lang=lang,
        zone=ZoneInfo("Asia/Shanghai"),
        now=T0 + timedelta(days=1),
    )
    sheet = load_workbook(out.path, read_only=True).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()][1:]
    text_of = {r[0]: r[COLUMNS.index("text")] for r in rows}
    assert text_of[new.number] == expected
    assert text_of[old.number] == expected
    assert text_of[worded.request.number] == "楼道灯坏了"


async def test_a_matter_keeps_its_voice_notes_together(
    session: AsyncSession, world: World
) -> None:
    """Several voice notes of one matter are all kept (up to MAX_VOICES), each an attachment
    staff can listen to; a draft begun before, holding one file id, still reads as one."""
    assert req_svc.voices_of("v0") == ["v0"] and req_svc.voices_of(None) == []
    voices = req_svc.with_voice("v0", "v1")
    assert voices == ["v0", "v1"]
    full = req_svc.with_voice(voices, "v2")
    assert full == ["v0", "v1", "v2"] and req_svc.MAX_VOICES == 3
    assert req_svc.with_voice(full, "v3") is None  # a fourth is not kept
    filed = await req_svc.file_request(
        session, user=world.resident, draft=draft("", voices=full), suggestion=None, now=T0
    )
    kept = await req_svc.attachments(session, request_id=filed.request.id or 0)
    assert [(a.kind, a.file_id) for a in kept] == [("voice", v) for v in full]
