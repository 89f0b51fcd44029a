"""The staff card of a request says how many voice notes the resident left (🎤 语音 N 条), with
it and added since, as the resident's preview says 语音：N 条: the words do not say it, and
staff are to tap 📎 附件 to listen. Before, only a request of a voice note alone said so."""

from __future__ import annotations

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Text, Translator
from bot.settings import Settings
from handlers.order_ui import request_card
from services import requests as req_svc
from tests.orders.conftest import T0, World, draft


async def test_the_staff_card_counts_the_voice_notes(session: AsyncSession, world: World) -> None:
    filed = await req_svc.file_request(
        session,
        user=world.resident,
        draft=draft("楼道灯坏了，具体的我说在语音里", voices=["v1", "v2"]),
        suggestion=None,
        now=T0,
    )
    req = filed.request
    translator, settings = Translator(), Settings(bot_token=None)
    assert await req_svc.voice_count(session, request_id=req.id or 0) == 2
    card = await request_card(session, Text(translator, "zh-Hans"), settings, req, staff=True)
    assert "🎤 语音 2 条（点「📎 附件」收听）" in card, card
    # the resident's own card needs no such line: they know what they said
    mine = await request_card(session, Text(translator, "zh-Hans"), settings, req, staff=False)
    assert "🎤" not in mine, mine
    # one more, added since (补充), is counted too
    await req_svc.add_info(
        session, user=world.resident, request_id=req.id or 0, text=None, voice="v3", now=T0
    )
    card = await request_card(session, Text(translator, "zh-Hans"), settings, req, staff=True)
    assert "🎤 语音 3 条" in card, card
    english = await request_card(session, Text(translator, "en"), settings, req, staff=True)
    assert "🎤 3 voice notes (tap 📎 Files to listen)" in english, english


async def test_no_voice_note_no_line(session: AsyncSession, world: World) -> None:
    filed = await req_svc.file_request(
        session, user=world.resident, draft=draft(), suggestion=None, now=T0
    )
    card = await request_card(
        session, Text(Translator(), "zh-Hans"), Settings(bot_token=None), filed.request, staff=True
    )
    assert "🎤" not in card and "语音" not in card, card
    one = await req_svc.file_request(
        session,
        user=world.resident,
        draft=draft("门口又堆了杂物", voices=["v1"]),
        suggestion=None,
        now=T0,
    )
    english = await request_card(
        session, Text(Translator(), "en"), Settings(bot_token=None), one.request, staff=True
    )
    assert "🎤 1 voice note (tap" in english, english
