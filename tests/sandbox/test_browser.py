"""The web chat page, driven by Chromium: pick a user, send, tap buttons, share a contact."""

from __future__ import annotations

import asyncio
import os
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiogram import Bot, Dispatcher, F
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import (
    BotCommand,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    Message,
    ReplyKeyboardMarkup,
)

from sandbox.driver import Driver
from sandbox.emulator import SANDBOX_TOKEN, Emulator

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


def chromium_path() -> str:
    """Debian's Chromium, or skip (fail when CI=true)."""
    path = CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium")
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is required in CI (apt-get install -y chromium)")
        pytest.skip("Chromium is not installed (apt-get install -y chromium)")
    return path


def echo_dispatcher() -> Dispatcher:
    """A tiny echo bot: a reply keyboard on /start, echoes with a Like button, takes contacts."""
    dp = Dispatcher()

    @dp.message(F.text == "/start")
    async def start(message: Message) -> None:
        keyboard = ReplyKeyboardMarkup(
            keyboard=[
                [KeyboardButton(text="👋 Hello")],
                [KeyboardButton(text="📱 Share phone", request_contact=True)],
            ],
            resize_keyboard=True,
        )
        await message.answer("<b>Welcome</b> to the <i>echo</i> bot", reply_markup=keyboard)

    @dp.message(F.contact)
    async def contact(message: Message) -> None:
        assert message.contact is not None
        await message.answer(f"Got phone {message.contact.phone_number}")

    @dp.message(F.text)
    async def echo(message: Message) -> None:
        markup = InlineKeyboardMarkup(
            inline_keyboard=[[InlineKeyboardButton(text="👍 Like", callback_data="like")]]
        )
        await message.answer(f"Echo: {message.text}", reply_markup=markup)

    @dp.callback_query(F.data == "like")
    async def like(query: CallbackQuery) -> None:
        await query.answer("Liked!")
        if isinstance(query.message, Message) and query.message.text:
            await query.message.edit_text(query.message.text + " ✅")

    return dp


@pytest.fixture
async def echo_bot(emulator: Emulator) -> AsyncIterator[None]:
    """The echo bot polling the emulator."""
    bot = Bot(
        SANDBOX_TOKEN,
        session=AiohttpSession(api=TelegramAPIServer.from_base(emulator.base_url)),
        default=DefaultBotProperties(parse_mode="HTML"),
    )
    dp = echo_dispatcher()
    await bot.set_my_commands([BotCommand(command="start", description="Show the keyboard")])
    task = asyncio.ensure_future(dp.start_polling(bot, handle_signals=False, polling_timeout=5))
    async with Driver(emulator.base_url) as driver:
        await driver.wait_bot_ready()
    yield
    await dp.stop_polling()
    emulator.release_long_polls()
    await asyncio.wait_for(task, 10)


async def test_page_chat_flow(emulator: Emulator, echo_bot: None) -> None:
    path = chromium_path()
    from playwright.async_api import async_playwright, expect

    ARTIFACTS.mkdir(exist_ok=True)
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        try:
            page = await browser.new_page(viewport={"width": 1200, "height": 800})
            await page.goto(emulator.base_url + "/")
            await expect(page.locator("#bot-dot.ready")).to_be_visible()
            await page.locator('#user-list li[data-chat="1001"]').click()
            await expect(page.locator("#chat-name")).to_have_text("Wang Fang")

            await page.locator("#start-btn").click()
            await expect(page.locator(".messages b", has_text="Welcome")).to_be_visible()
            await page.locator("#reply-keyboard button", has_text="📱 Share phone").click()
            await expect(page.locator(".messages")).to_contain_text("Got phone +8613800001001")

            await page.locator("#text").fill("hello sandbox")
            await page.locator("#text").press("Enter")
            await expect(page.locator(".messages")).to_contain_text("Echo: hello sandbox")
            await page.locator(".inline-row button", has_text="👍 Like").first.click()
            await expect(page.locator("#toast")).to_have_text("Liked!")
            await expect(page.locator(".messages")).to_contain_text("Echo: hello sandbox ✅")
            await expect(page.locator(".meta-line .edited").first).to_be_visible()

            await page.locator("#menu-btn").click()
            await page.locator("#menu-pop button", has_text="/start").click()
            await expect(page.locator(".messages b", has_text="Welcome")).to_have_count(2)

            await page.locator("#lang").click()
            await expect(page.locator("#lists h3").first).to_have_text("Users")
            await page.screenshot(path=str(ARTIFACTS / "sandbox-browser.png"))
            # the page's language goes on to Traditional Chinese, then back to Simplified
            await expect(page.locator("#lang")).to_have_text("繁")
            await page.locator("#lang").click()
            await expect(page.locator("#lists h3").first).to_have_text("用戶")
            await expect(page.locator("html")).to_have_attribute("lang", "zh-Hant")
            await page.locator("#lang").click()
            await expect(page.locator("#lists h3").first).to_have_text("用户")
            await page.locator("#lang").click()
            await expect(page.locator("#lists h3").first).to_have_text("Users")

            # A second tab acts as another user.
            other = await browser.new_page(viewport={"width": 900, "height": 700})
            await other.goto(emulator.base_url + "/#chat=1002")
            await expect(other.locator("#chat-name")).to_have_text("Li")
            await other.locator("#text").fill("second tab")
            await other.locator("#text").press("Enter")
            await expect(other.locator(".messages")).to_contain_text("Echo: second tab")
        finally:
            await browser.close()
    async with Driver(emulator.base_url) as driver:
        assert await driver.errors() == []
