"""A Bot API server on plain HTTP (the sandbox's emulator) gets a session that closes at once,
without the quarter second aiogram waits for SSL connections (a sandbox stopped in 0.26 s)."""

from __future__ import annotations

from aiogram.client.session.aiohttp import AiohttpSession

from bot.app import PlainHttpSession, make_bot
from bot.settings import load_settings
from sandbox.emulator import SANDBOX_TOKEN


async def test_an_emulator_on_plain_http_gets_the_plain_session() -> None:
    bot = make_bot(load_settings(bot_token=SANDBOX_TOKEN, bot_api_base="http://127.0.0.1:8081"))
    assert isinstance(bot.session, PlainHttpSession)
    opened = await bot.session.create_session()
    await bot.session.close()
    assert opened.closed


async def test_telegram_and_https_servers_keep_aiograms_session() -> None:
    for base in (None, "https://bot-api.example.org"):
        bot = make_bot(load_settings(bot_token=SANDBOX_TOKEN, bot_api_base=base))
        assert type(bot.session) is AiohttpSession
        await bot.session.close()
