"""Long polling and webhook mode, with a clean shutdown on SIGINT/SIGTERM."""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Awaitable, Callable

from aiogram.webhook.aiohttp_server import setup_application
from aiohttp import web

from bot.app import App
from bot.chat_lock import ChatOrderedRequestHandler
from bot.commands import register_commands
from bot.settings import SettingsError

log = logging.getLogger(__name__)


async def on_startup(app: App) -> None:
    """Commands in Telegram's menu; background services (scheduler, sender) start here."""
    await register_commands(
        app.bot, app.translator, app.sessionmaker, list(app.settings.admin_ids)
    )
    for starter in app.resources.get("_starters", []):
        await starter()


async def run_polling(app: App, *, stop: asyncio.Event | None = None) -> None:
    """Poll Telegram (or the emulator) until stopped; closes everything on the way out."""
    await on_startup(app)
    polling = asyncio.create_task(
        app.dp.start_polling(app.bot, handle_signals=False, close_bot_session=False)
    )
    stopper = stop or _signal_event()
    waiter = asyncio.create_task(stopper.wait())
    try:
        await asyncio.wait({polling, waiter}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        if not polling.done():
            await app.dp.stop_polling()
            await asyncio.gather(polling, return_exceptions=True)
        waiter.cancel()
        await app.close()


async def run_webhook(app: App, *, stop: asyncio.Event | None = None) -> None:
    """Serve Telegram's webhook calls, checking the secret token on each."""
    settings = app.settings
    if not settings.webhook_url:
        raise SettingsError("LINLI_WEBHOOK_URL: not set (needed for webhook mode)")
    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
    await on_startup(app)
    web_app = web.Application()
    # each update takes its place in its chat's queue (Redis) before Telegram is answered
    ChatOrderedRequestHandler(
        chat_lock=app.dp.workflow_data.get("chat_lock"),
        dispatcher=app.dp,
        bot=app.bot,
        secret_token=secret,
    ).register(web_app, path=settings.webhook_path)
    setup_application(web_app, app.dp, bot=app.bot)
    runner = web.AppRunner(web_app)
    await runner.setup()
    site = web.TCPSite(runner, settings.webhook_host, settings.webhook_port)
    await site.start()
    await app.bot.set_webhook(
        settings.webhook_url.rstrip("/") + settings.webhook_path,
        secret_token=secret,
        allowed_updates=app.dp.resolve_used_update_types(),
    )
    log.info("webhook listening on %s:%s", settings.webhook_host, settings.webhook_port)
    try:
        await (stop or _signal_event()).wait()
    finally:
        await runner.cleanup()
        await app.close()


def _signal_event() -> asyncio.Event:
    event = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, event.set)
    return event


def run_until_signal(main: Callable[[asyncio.Event], Awaitable[None]]) -> None:
    """Run a coroutine that stops when SIGINT or SIGTERM arrives."""

    async def _wrapper() -> None:
        await main(_signal_event())

    asyncio.run(_wrapper())
