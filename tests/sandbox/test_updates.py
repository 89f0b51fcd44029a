"""Long polling and webhook delivery."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import web

from sandbox.driver import Driver
from sandbox.emulator import Emulator
from tests.sandbox.conftest import BotApi


async def test_long_poll_returns_when_an_update_arrives(api: BotApi, driver: Driver) -> None:
    assert await api.ok("getUpdates", timeout=0) == []
    assert (await driver.health())["bot_ready"] is True
    poll = asyncio.ensure_future(api.ok("getUpdates", timeout=20))
    done, _ = await asyncio.wait({poll}, timeout=0.2)
    assert not done, "getUpdates must hold the request while there is nothing to deliver"
    started = time.monotonic()
    sent = await driver.send(1001, "你好")
    updates = await asyncio.wait_for(poll, 5)
    assert time.monotonic() - started < 1.0
    assert [u["update_id"] for u in updates] == [sent["update_id"]]
    assert updates[0]["message"]["text"] == "你好"
    assert updates[0]["message"]["from"]["id"] == 1001


async def test_offset_limit_and_confirmation(api: BotApi, driver: Driver) -> None:
    ids = [(await driver.send(1001, f"m{i}"))["update_id"] for i in range(5)]
    first = await api.ok("getUpdates", limit=2)
    assert [u["update_id"] for u in first] == ids[:2]
    again = await api.ok("getUpdates", offset=ids[1] + 1)
    assert [u["update_id"] for u in again] == ids[2:]
    # confirmed updates are gone for good
    assert [u["update_id"] for u in await api.ok("getUpdates")] == ids[2:]
    last = await api.ok("getUpdates", offset=-1)
    assert [u["update_id"] for u in last] == ids[-1:]
    assert await api.ok("getUpdates", offset=ids[-1] + 1) == []


async def test_allowed_updates_filters_new_updates(api: BotApi, driver: Driver) -> None:
    await api.ok("getUpdates", allowed_updates=["callback_query"])
    await driver.send(1001, "ignored")
    assert await api.ok("getUpdates", timeout=0) == []
    await api.ok("getUpdates", allowed_updates=[])
    await driver.send(1001, "seen")
    assert [u["message"]["text"] for u in await api.ok("getUpdates")] == ["seen"]


async def test_second_poller_terminates_the_first(api: BotApi, emulator: Emulator) -> None:
    first = asyncio.ensure_future(api("getUpdates", timeout=10))
    await asyncio.wait({first}, timeout=0.1)
    second = asyncio.ensure_future(api.ok("getUpdates", timeout=0))
    status, data = await asyncio.wait_for(first, 5)
    assert status == 409 and data["description"].startswith("Conflict: terminated by other")
    assert await second == []


@pytest.fixture
async def hook_server() -> AsyncIterator[dict[str, Any]]:
    """A tiny webhook receiver: records requests; replies as state["reply"] says."""
    state: dict[str, Any] = {"got": [], "event": asyncio.Event(), "reply": None, "fail": 0}

    async def handler(request: web.Request) -> web.Response:
        state["got"].append((dict(request.headers), await request.json()))
        state["event"].set()
        if state["fail"] > 0:
            state["fail"] -= 1
            return web.Response(status=500)
        if state["reply"] is not None:
            return web.json_response(state["reply"])
        return web.json_response({})

    app = web.Application()
    app.router.add_post("/hook", handler)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    state["url"] = f"http://127.0.0.1:{port}/hook"
    yield state
    await runner.cleanup()


async def _next_delivery(state: dict[str, Any], count: int) -> None:
    while len(state["got"]) < count:
        state["event"].clear()
        await asyncio.wait_for(state["event"].wait(), 5)


async def test_webhook_delivery_with_secret(
    api: BotApi, driver: Driver, hook_server: dict[str, Any]
) -> None:
    assert await api.ok("setWebhook", url=hook_server["url"], secret_token="s3cret_T-1")
    assert (await driver.health())["bot_ready"] is True
    info = await api.ok("getWebhookInfo")
    assert info["url"] == hook_server["url"] and info["pending_update_count"] == 0
    code, desc = await api.err("getUpdates")
    assert code == 409 and "webhook is active" in desc
    sent = await driver.send(1001, "via webhook")
    await _next_delivery(hook_server, 1)
    headers, body = hook_server["got"][0]
    assert headers["X-Telegram-Bot-Api-Secret-Token"] == "s3cret_T-1"
    assert body["update_id"] == sent["update_id"]
    assert body["message"]["text"] == "via webhook"


async def test_webhook_retries_and_runs_reply_method(
    api: BotApi, driver: Driver, hook_server: dict[str, Any]
) -> None:
    hook_server["fail"] = 1
    hook_server["reply"] = {"method": "sendMessage", "chat_id": 1001, "text": "answered inline"}
    await api.ok("setWebhook", url=hook_server["url"])
    sent = await driver.send(1001, "hello")
    await _next_delivery(hook_server, 2)
    assert [b["update_id"] for _, b in hook_server["got"]] == [sent["update_id"]] * 2
    assert "X-Telegram-Bot-Api-Secret-Token" not in hook_server["got"][0][0]
    msg = await driver.expect(1001, "answered inline", since=sent["message_id"])
    assert msg["from"]["is_bot"] is True
    assert await api.ok("deleteWebhook") is True
    assert (await api.ok("getWebhookInfo"))["url"] == ""


async def test_set_webhook_validates(api: BotApi) -> None:
    code, desc = await api.err("setWebhook", url="ftp://x", secret_token="ok")
    assert code == 400
    code, desc = await api.err("setWebhook", url="http://127.0.0.1:9/x", secret_token="bad token!")
    assert code == 400 and "secret token" in desc


@pytest.mark.parametrize("in_background", [True, False])
async def test_aiogram_webhook_mode(
    emulator: Emulator, driver: Driver, in_background: bool
) -> None:
    """aiogram's webhook handler behind the emulator, answering by API call or in the response."""
    from aiogram import Bot, Dispatcher
    from aiogram.client.session.aiohttp import AiohttpSession
    from aiogram.client.telegram import TelegramAPIServer
    from aiogram.types import Message
    from aiogram.webhook.aiohttp_server import SimpleRequestHandler

    from sandbox.emulator import SANDBOX_TOKEN

    bot = Bot(
        SANDBOX_TOKEN, session=AiohttpSession(api=TelegramAPIServer.from_base(emulator.base_url))
    )
    dp = Dispatcher()

    @dp.message()
    async def echo(message: Message) -> Any:
        # Returning the method (not awaiting it) lets aiogram answer in the webhook response.
        return message.answer(f"hook: {message.text}")

    app = web.Application()
    SimpleRequestHandler(
        dispatcher=dp, bot=bot, secret_token="hook-secret", handle_in_background=in_background
    ).register(app, path="/wh")
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        await bot.set_webhook(f"http://127.0.0.1:{port}/wh", secret_token="hook-secret")
        replies = await driver.say(1001, "ping")
        assert [m["text"] for m in replies] == ["hook: ping"]
        assert await driver.errors() == []
        await bot.delete_webhook()
    finally:
        await runner.cleanup()
        await bot.session.close()
