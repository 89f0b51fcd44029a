"""A voice note sent from the sandbox page, as an older resident would leave one (Chromium)."""

from __future__ import annotations

import base64

import pytest
from sqlmodel import select

from models.orders import Attachment, Request
from tests.e2e.conftest import Harness
from tests.sandbox.test_browser import ARTIFACTS, CHROMIUM_ARGS, chromium_path

pytestmark = pytest.mark.browser

WU = 4002  # 吴大爷
# Chromium hands getUserMedia a fake microphone (a beep) and asks no one for permission
FAKE_MIC = ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"]
# the smallest Ogg page header: enough bytes for a file the emulator keeps as a voice note
OGG = base64.b64decode("T2dnUwACAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")


async def test_a_voice_note_recorded_on_the_page_is_filed(
    linli_sandbox: Harness,
) -> None:
    path = chromium_path()
    from playwright.async_api import async_playwright, expect

    base = linli_sandbox.sandbox.base_url
    ARTIFACTS.mkdir(exist_ok=True)
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS + FAKE_MIC)
        try:
            page = await browser.new_page(viewport={"width": 1200, "height": 860})
            await page.goto(base + f"/#chat={WU}")
            messages = page.locator(".messages")
            await page.locator("#start-btn").click()
            await page.locator("#reply-keyboard button", has_text="我要点单").click()
            await expect(messages).to_contain_text("请说说您遇到了什么事")
            mic = page.locator("#record-voice")
            await mic.click()
            await expect(mic).to_have_class("icon-btn recording")
            await mic.click()  # stop: the note goes
            await expect(mic).not_to_have_class("icon-btn recording")
            await expect(messages).to_contain_text("收到语音")
            # the page shows the note sent as a voice card
            await expect(page.locator(".row.out .card", has_text="语音消息")).to_be_visible()
            # a second one picked as a file (no microphone): the same path
            await page.locator("#voice-input").set_input_files(
                files=[{"name": "note.ogg", "mimeType": "audio/ogg", "buffer": OGG}]
            )
            await expect(page.locator(".row.out .card", has_text="语音消息")).to_have_count(2)
            # each note can be listened to on the page: its bytes are served
            src = await page.locator(".row.out .card.voice audio").last.get_attribute("src")
            assert src is not None
            heard = await page.request.get(base + src)
            assert heard.status == 200 and await heard.body() == OGG
            # a long note's length reads m:ss
            await linli_sandbox.driver.send(WU, voice=OGG, voice_duration=75)
            await expect(page.locator(".row.out .card.voice", has_text="1:15")).to_be_visible()
            await page.locator("#reply-keyboard button", has_text="说完了").click()
            await expect(messages).to_contain_text("语音：")
            await page.locator(".inline-row button", has_text="确认提交").last.click()
            await expect(messages).to_contain_text("我的诉求")
            await page.screenshot(path=str(ARTIFACTS / "sandbox-linli-voice.png"))
        finally:
            await browser.close()
    async with linli_sandbox.sessionmaker() as session:
        [filed] = (await session.exec(select(Request).where(Request.resident_id == WU))).all()
        kinds = (
            await session.exec(select(Attachment.kind).where(Attachment.request_id == filed.id))
        ).all()
    assert "voice" in kinds
