"""Long polling and webhook mode, with a clean shutdown on SIGINT/SIGTERM."""

from __future__ import annotations

import asyncio
import gc
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


# The collector looks at its youngest generation after this many new objects (Python's default
# is 700). An update makes a few thousand short-lived ones (the update's models, the ORM's rows,
# the reply); at 700 most of them are looked at once or twice before they are freed anyway.
YOUNG_GENERATION_THRESHOLD = 10_000

_settled: list[tuple[int, int, int]] = []  # the thresholds to put back, while settled


def settle_heap() -> None:
    """Start-up is over: what it built (the triage model and jieba's dictionary, the routers,
    the ORM's mappers, aiogram's and pydantic's models: about half a million objects) lives as
    long as the process. Collect once, then move all of it out of the cyclic collector's way
    (gc.freeze), so that its full collections stop walking them again and again; and let the
    youngest generation grow larger between collections. On the filing benchmark
    (bench/order_cycle.py, PostgreSQL) the collector took 1.6 s of the event loop's 9.7 s
    before, 0.15 s of 6.7 s after. Undone by unsettle_heap (a process that starts the bot
    again, such as a test or a benchmark, frees the old bot's objects that way)."""
    if not _settled:
        _settled.append(gc.get_threshold())
    gc.collect()
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_GENERATION_THRESHOLD, middle, old)


def unsettle_heap() -> None:
    """Give settle_heap's objects back to the collector, and its thresholds."""
    gc.unfreeze()
    if _settled:
        gc.set_threshold(*_settled.pop())


async def run_polling(app: App, *, stop: asyncio.Event | None = None) -> None:
    """Poll Telegram (or the emulator) until stopped; closes everything on the way out."""
    await on_startup(app)
    settle_heap()
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
        unsettle_heap()


async def run_webhook(app: App, *, stop: asyncio.Event | None = None) -> None:
    """Serve Telegram's webhook calls, checking the secret token on each."""
    settings = app.settings
    if not settings.webhook_url:
        raise SettingsError("LINLI_WEBHOOK_URL: not set (needed for webhook mode)")
    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
    await on_startup(app)
    settle_heap()
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
        unsettle_heap()


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
