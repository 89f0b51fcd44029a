"""The same scripted exchange passes with aiogram and with python-telegram-bot."""

from __future__ import annotations

import asyncio
import io

import pytest
from PIL import Image

from sandbox.driver import Driver
from sandbox.emulator import SANDBOX_TOKEN, Emulator


def png_bytes() -> bytes:
    """A real 400x300 PNG."""
    buf = io.BytesIO()
    Image.new("RGB", (400, 300), (40, 140, 90)).save(buf, format="PNG")
    return buf.getvalue()


async def test_aiogram(emulator: Emulator, driver: Driver) -> None:
    from aiogram import Bot
    from aiogram.client.session.aiohttp import AiohttpSession
    from aiogram.client.telegram import TelegramAPIServer
    from aiogram.exceptions import TelegramForbiddenError, TelegramRetryAfter
    from aiogram.types import BufferedInputFile, InlineKeyboardButton, InlineKeyboardMarkup

    session = AiohttpSession(api=TelegramAPIServer.from_base(emulator.base_url))
    bot = Bot(SANDBOX_TOKEN, session=session)
    try:
        me = await bot.get_me()
        assert (me.id, me.username, me.is_bot) == (123456789, "linli_sandbox_bot", True)

        await driver.send(1001, "你好")
        updates = await bot.get_updates(timeout=5)
        assert updates[0].message is not None and updates[0].message.text == "你好"
        offset = updates[-1].update_id + 1

        kb = InlineKeyboardMarkup(
            inline_keyboard=[[InlineKeyboardButton(text="Yes 是", callback_data="yes")]]
        )
        msg = await bot.send_message(
            1001, "<b>Choose</b> &lt;one&gt;", parse_mode="HTML", reply_markup=kb
        )
        assert msg.text == "Choose <one>" and msg.entities and msg.entities[0].type == "bold"
        click = asyncio.ensure_future(driver.click(1001, msg.message_id, text="Yes"))
        updates = await bot.get_updates(offset=offset, timeout=5)
        cq = updates[0].callback_query
        assert cq is not None and cq.data == "yes" and cq.from_user.id == 1001
        offset = updates[-1].update_id + 1
        assert await bot.answer_callback_query(cq.id, text="Thanks")
        assert (await click)["answer"]["text"] == "Thanks"

        edited = await bot.edit_message_text(
            "Chosen: yes", chat_id=1001, message_id=msg.message_id
        )
        assert not isinstance(edited, bool) and edited.text == "Chosen: yes"
        assert edited.reply_markup is None

        image = png_bytes()
        photo = await bot.send_photo(1001, BufferedInputFile(image, "p.png"), caption="图")
        assert photo.photo is not None and photo.photo[-1].width == 400
        file = await bot.get_file(photo.photo[-1].file_id)
        assert file.file_path is not None
        downloaded = await bot.download_file(file.file_path)
        assert downloaded is not None and downloaded.read() == image
        again = await bot.send_photo(-100500, photo.photo[-1].file_id)
        assert again.photo is not None and again.photo[-1].file_id == photo.photo[-1].file_id

        await driver.fault("sendMessage", 429, "Too Many Requests: retry after 2")
        with pytest.raises(TelegramRetryAfter) as flood:
            await bot.send_message(1001, "x")
        assert flood.value.retry_after == 2
        assert (await bot.send_message(1001, "x")).text == "x"

        await driver.block(1002)
        with pytest.raises(TelegramForbiddenError, match="blocked"):
            await bot.send_message(1002, "hello?")
        assert await driver.errors() == []
    finally:
        await bot.session.close()


async def test_python_telegram_bot(
    emulator: Emulator, driver: Driver, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "true")
    import datetime as dt

    from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
    from telegram.error import Forbidden, RetryAfter

    base = emulator.base_url
    async with Bot(SANDBOX_TOKEN, base_url=f"{base}/bot", base_file_url=f"{base}/file/bot") as bot:
        me = await bot.get_me()
        assert (me.id, me.username, me.is_bot) == (123456789, "linli_sandbox_bot", True)

        await driver.send(1001, "/start")
        updates = await bot.get_updates(timeout=5)
        assert updates[0].message is not None and updates[0].message.text == "/start"
        assert updates[0].message.entities[0].type == "bot_command"
        offset = updates[-1].update_id + 1

        kb = InlineKeyboardMarkup([[InlineKeyboardButton("Yes 是", callback_data="yes")]])
        msg = await bot.send_message(1001, "<i>Choose</i>", parse_mode="HTML", reply_markup=kb)
        assert msg.text == "Choose" and msg.entities[0].type == "italic"
        click = asyncio.ensure_future(driver.click(1001, msg.message_id, data="yes"))
        updates = await bot.get_updates(offset=offset, timeout=5)
        cq = updates[0].callback_query
        assert cq is not None and cq.data == "yes" and cq.from_user.id == 1001
        assert await bot.answer_callback_query(cq.id, text="Thanks", show_alert=True)
        assert (await click)["answer"] == {"text": "Thanks", "show_alert": True, "url": None}

        edited = await bot.edit_message_text("Chosen", chat_id=1001, message_id=msg.message_id)
        assert not isinstance(edited, bool) and edited.text == "Chosen"

        image = png_bytes()
        photo = await bot.send_photo(1001, image, caption="图")
        assert photo.photo[-1].width == 400
        file = await bot.get_file(photo.photo[-1].file_id)
        assert bytes(await file.download_as_bytearray()) == image

        await driver.fault("sendMessage", 429, "Too Many Requests: retry after 2")
        with pytest.raises(RetryAfter) as flood:
            await bot.send_message(1001, "x")
        assert flood.value.retry_after == dt.timedelta(seconds=2)
        assert (await bot.send_message(1001, "x")).text == "x"

        await driver.block(1002)
        with pytest.raises(Forbidden, match="blocked"):
            await bot.send_message(1002, "hello?")
        assert await driver.errors() == []
