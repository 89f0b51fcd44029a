"""Webhook mode: the emulator pushes updates with the secret token; forgeries are refused."""

from __future__ import annotations

import asyncio
import gc
import socket
from pathlib import Path

import aiohttp

from bot.app import create_app
from bot.runner import run_webhook
from bot.settings import load_settings
from sandbox.driver import Driver, message_text
from sandbox.emulator import SANDBOX_TOKEN, Emulator


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_webhook_mode_answers_and_checks_the_secret(tmp_path: Path) -> None:
    emulator = Emulator()
    base = await emulator.start()
    emulator.add_user(id=4242, first_name="网页钩子", language_code="zh-hans", role="new user")
    port = _free_port()
    settings = load_settings(
        bot_token=SANDBOX_TOKEN,
        bot_api_base=base,
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'hook.sqlite3'}",
        webhook_url=f"http://127.0.0.1:{port}",
        webhook_secret="s3cret-token",
        webhook_host="127.0.0.1",
        webhook_port=port,
    )
    app = await create_app(settings)
    thresholds = gc.get_threshold()
    stop = asyncio.Event()
    server = asyncio.create_task(run_webhook(app, stop=stop))
    driver = Driver(base)
    try:
        await driver.wait_bot_ready()
        replies = await driver.say(4242, "/start")
        assert "欢迎使用" in message_text(replies[0])
        # once started, start-up's objects are out of the cyclic collector's way
        assert gc.get_freeze_count() > 0
        async with aiohttp.ClientSession() as http:
            url = f"http://127.0.0.1:{port}{settings.webhook_path}"
            forged = {
                "update_id": 99,
                "message": {
                    "message_id": 1,
                    "date": 0,
                    "chat": {"id": 4242, "type": "private"},
                    "from": {"id": 4242, "is_bot": False, "first_name": "x"},
                    "text": "/help",
                },
            }
            async with http.post(url, json=forged) as response:
                assert response.status == 401
            headers = {"X-Telegram-Bot-Api-Secret-Token": "wrong"}
            async with http.post(url, json=forged, headers=headers) as response:
                assert response.status == 401
        messages = await driver.messages(4242)
        assert not any("使用帮助" in message_text(m) for m in messages)
        assert await driver.errors() == []
    finally:
        stop.set()
        await asyncio.wait_for(server, 20)
        await driver.close()
        await emulator.stop()
    # and given back once it stopped: a process that starts the bot again frees the old one
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == thresholds
