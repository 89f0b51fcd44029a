"""A newcomer on the sandbox page picks a demo resident, registers and gets answers (Chromium)."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import Harness
from tests.sandbox.test_browser import ARTIFACTS, CHROMIUM_ARGS, chromium_path

pytestmark = pytest.mark.browser


async def test_resident_registers_on_the_page(linli_sandbox: Harness) -> None:
    path = chromium_path()
    from playwright.async_api import async_playwright, expect

    base = linli_sandbox.sandbox.base_url
    ARTIFACTS.mkdir(exist_ok=True)
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        try:
            page = await browser.new_page(viewport={"width": 1200, "height": 860})
            await page.goto(base + "/")
            await expect(page.locator("#bot-dot.ready")).to_be_visible()
            # The demo users are listed with their roles.
            staff_item = page.locator('#user-list li[data-chat="2001"]')
            await expect(staff_item).to_contain_text("社区工作者")
            await page.locator('#user-list li[data-chat="5001"]').click()
            await expect(page.locator("#chat-name")).to_have_text("小林")
            await page.locator("#start-btn").click()
            messages = page.locator(".messages")
            await expect(messages).to_contain_text("欢迎使用")
            await expect(page.locator(".messages b", has_text="邻里")).to_be_visible()

            await page.locator("#reply-keyboard button", has_text="登记住址").click()
            await page.locator(".inline-row button", has_text="同意并继续").last.click()
            await expect(messages).to_contain_text("请选择您所在的社区")
            await page.locator(".inline-row button", has_text="阳光社区").last.click()
            await expect(messages).to_contain_text("网格")
            await page.locator(".inline-row button", has_text="第二网格").last.click()
            await expect(messages).to_contain_text("楼栋")
            await page.locator(".inline-row button", has_text="5号楼").last.click()
            await expect(messages).to_contain_text("房号")
            await page.locator("#text").fill("1203")
            await page.locator("#text").press("Enter")
            await expect(messages).to_contain_text("手机号")
            await page.locator("#reply-keyboard button", has_text="发送我的手机号").click()
            await expect(messages).to_contain_text("登记完成")
            await expect(messages).to_contain_text("阳光社区 · 第二网格 · 5号楼 1203")
            await page.screenshot(path=str(ARTIFACTS / "sandbox-linli-registration.png"))
        finally:
            await browser.close()
