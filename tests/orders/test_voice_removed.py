"""A resident who deletes their data takes their voice notes with them: a request left as a voice
note only then tells every reader (staff card, member's order card, queue, ledger export) that the
voice note was deleted with the resident's data, in the reader's language, instead of asking them
to listen to an attachment that is gone. Runs on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Translator
from handlers.order_ui import request_text
from models import User
from models.orders import Request
from services import requests as req_svc
from services.export import COLUMNS, export_ledger
from services.order_common import LEGACY_VOICE_ONLY, Notice, voice_removed, written_text
from services.order_notices import render
from services.users import forget_user
from tests.orders.conftest import T0, World, draft

REMOVED = {
    "zh-Hans": "（居民留过一条语音，已随其个人信息一并删除）",
    "en": "(the resident left a voice note; it was deleted with their personal data)",
}
LISTEN = {
    "zh-Hans": "（居民留了语音，请收听附件）",
    "en": "(the resident left a voice note, please listen to the attachment)",
}


async def _requests(session: AsyncSession, w: World) -> dict[str, Request]:
    """The resident's voice-only, legacy-placeholder, worded and voice-plus-words requests, and
    a neighbour's voice-only one (who keeps their data)."""

    async def file(text: str, *, voice: str | None = None, user: User | None = None) -> Request:
        filed = await req_svc.file_request(
            session,
            user=user or w.resident,
            draft=draft(text, voices=[voice] if voice else []),
            suggestion=None,
            now=T0,
        )
        return filed.request

    legacy = Request(
        community_id=w.community.id or 0,
        grid_id=w.grid.id,
        building_id=w.building.id,
        resident_id=w.resident.id,
        filed_by=w.resident.id or 0,
        text=LEGACY_VOICE_ONLY[0],  # as an earlier version stored a voice note alone
        created_at=T0,
        updated_at=T0,
    )
    session.add(legacy)
    await session.commit()
    return {
        "voice": await file("", voice="v1"),
        "legacy": legacy,
        "worded": await file("楼道灯坏了，电话13812345678"),
        "both": await file("在3号楼门口", voice="v2"),
        "neighbour": await file("", voice="v3", user=w.resident2),
    }


async def _forget(session: AsyncSession, w: World) -> dict[str, Request]:
    reqs = await _requests(session, w)
    await forget_user(session, user=w.resident, now=T0 + timedelta(hours=1))
    for req in reqs.values():
        await session.refresh(req)
    return reqs


async def test_the_voice_note_deleted_with_the_data_is_said_so(
    session: AsyncSession, world: World
) -> None:
    reqs = await _forget(session, world)
    texts = Translator()
    for name in ("voice", "legacy"):
        req = reqs[name]
        assert voice_removed(req.text) and written_text(req.text) == ""
        assert await req_svc.attachments(session, request_id=req.id or 0) == []
        for lang in ("zh-Hans", "en"):
            assert request_text(texts.bind(lang), req.text) == REMOVED[lang]
    # words stay words (masked); a voice note with words needs no placeholder
    assert request_text(texts.bind("en"), reqs["worded"].text).startswith("楼道灯坏了")
    assert "13812345678" not in reqs["worded"].text
    assert reqs["both"].text == "在3号楼门口" and not voice_removed(reqs["both"].text)
    # the neighbour kept their data, and their voice note
    neighbour = reqs["neighbour"]
    assert neighbour.text == "" and not voice_removed(neighbour.text)
    assert [a.kind for a in await req_svc.attachments(session, request_id=neighbour.id or 0)] == [
        "voice"
    ]
    assert request_text(texts.bind("zh-Hans"), neighbour.text) == LISTEN["zh-Hans"]
    # a notice that quotes the stored text says so too
    for lang in ("zh-Hans", "en"):
        text, _ = render(
            texts,
            lang,
            Notice(
                chat_id=world.staff.id or 0,
                key="order-notice-new",
                args={
                    "number": reqs["voice"].number,
                    "category": "other",
                    "place": "3号楼",
                    "text": reqs["voice"].text,
                    "photos": 0,
                    "voices": 1,
                },
            ),
        )
        assert REMOVED[lang] in text and LISTEN[lang] not in text


async def test_words_added_later_become_the_text(session: AsyncSession, world: World) -> None:
    reqs = await _forget(session, world)
    out = await req_svc.add_info(
        session,
        user=world.resident,
        request_id=reqs["voice"].id or 0,
        text="在5号楼",
        now=T0 + timedelta(hours=2),
    )
    assert out.request.text == "在5号楼"


@pytest.mark.parametrize("lang", ["zh-Hans", "en"])
async def test_ledger_export_says_the_voice_note_was_deleted(
    session: AsyncSession, world: World, tmp_path: Path, lang: str
) -> None:
    reqs = await _forget(session, world)
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
    assert text_of[reqs["voice"].number] == REMOVED[lang]
    assert text_of[reqs["legacy"].number] == REMOVED[lang]
    assert text_of[reqs["neighbour"].number] == LISTEN[lang]
