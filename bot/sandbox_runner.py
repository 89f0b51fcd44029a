"""`linli sandbox`: emulator, chat page, the real bot and demo data in one process."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from bot.app import App, create_app
from bot.demo.seed import seed_demo
from bot.demo.users import ADMIN_IDS, DEMO_GROUPS, DEMO_USERS
from bot.runner import on_startup
from bot.settings import load_settings
from models.base import utcnow
from sandbox.emulator import SANDBOX_TOKEN, Emulator

log = logging.getLogger(__name__)


@dataclass
class Sandbox:
    """A running emulator with the bot polling it."""

    emulator: Emulator
    app: App
    base_url: str
    polling: asyncio.Task[Any]

    async def stop(self) -> None:
        """Stop polling, close the bot and the emulator."""
        with contextlib.suppress(RuntimeError):
            await self.app.dp.stop_polling()
        await asyncio.gather(self.polling, return_exceptions=True)
        await self.app.close()
        await self.emulator.stop()


async def start_sandbox(
    *,
    database_url: str,
    host: str = "127.0.0.1",
    port: int = 0,
    demo: bool = True,
    limits: bool = False,
    clock: Callable[[], datetime] = utcnow,
    saved_chats: dict[str, Any] | None = None,
    **settings_overrides: Any,
) -> Sandbox:
    """Start the emulator, seed demo data, and run the bot against it; `saved_chats` (an
    emulator snapshot) brings back the chat page of an earlier run on the same database."""
    emulator = Emulator(limits=limits, clock=clock)
    if saved_chats is not None:
        emulator.restore(saved_chats)
    base_url = await emulator.start(host=host, port=port)
    try:
        if demo:
            for user in DEMO_USERS:
                emulator.add_user(
                    id=user.id,
                    first_name=user.first_name,
                    last_name=user.last_name,
                    language_code=user.language_code,
                    role=user.label,
                )
            for group in DEMO_GROUPS:
                emulator.add_group(
                    id=group.id, title=group.title, type=group.type, members=list(group.members)
                )
        overrides: dict[str, Any] = {
            "bot_token": SANDBOX_TOKEN,
            "bot_api_base": base_url,
            "database_url": database_url,
            "redis_url": None,
        }
        if database_url.startswith("sqlite"):
            overrides["data_dir"] = Path(database_url.split("///", 1)[1]).parent
        if demo:
            overrides["admin_ids"] = list(ADMIN_IDS)
        overrides.update(settings_overrides)
        settings = load_settings(**overrides)
        app = await create_app(settings, clock=clock)
    except BaseException:
        await emulator.stop()
        raise
    try:
        if demo:
            async with app.sessionmaker() as session:
                await seed_demo(session)
        await on_startup(app)
        polling = asyncio.create_task(
            app.dp.start_polling(
                app.bot, handle_signals=False, close_bot_session=False, polling_timeout=10
            )
        )
    except BaseException:
        await app.close()
        await emulator.stop()
        raise
    return Sandbox(emulator=emulator, app=app, base_url=base_url, polling=polling)


def run_sandbox(*, host: str, port: int, db: str, demo: bool, limits: str) -> int:
    """Run until Ctrl-C; prints the page's address."""
    Path(db).parent.mkdir(parents=True, exist_ok=True)
    database_url = f"sqlite+aiosqlite:///{Path(db).resolve()}"
    # the chat page of the last run on this database (the bot remembers those chats: their
    # messages, the buttons it may still edit); a new database starts with empty chats
    chats_file = chats_file_of(db)
    saved = _load_chats(chats_file) if Path(db).exists() else None

    async def main() -> None:
        import signal

        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        sandbox = await start_sandbox(
            database_url=database_url,
            host=host,
            port=port,
            demo=demo,
            limits=limits == "telegram",
            saved_chats=saved,
        )
        print(f"\n  Linli sandbox is running: open {sandbox.base_url}/ in a browser")
        print(f"  Driver API: {sandbox.base_url}/sandbox/api/   (Ctrl-C to stop)\n", flush=True)
        try:
            await stop.wait()
        finally:
            print("stopping…", flush=True)
            await sandbox.stop()
            _save_chats(chats_file, sandbox.emulator.snapshot())

    asyncio.run(main())
    return 0


def chats_file_of(db: str) -> Path:
    """Where a sandbox on database `db` keeps its chat page between runs."""
    path = Path(db)
    return path.with_name(path.stem + ".chats.json")


def _load_chats(path: Path) -> dict[str, Any] | None:
    """An earlier run's chats, or None (none kept, or unreadable: the chats start empty)."""
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        log.warning("sandbox: %s could not be read; the chats start empty", path)
        return None
    return saved if isinstance(saved, dict) else None


def _save_chats(path: Path, snapshot: dict[str, Any]) -> None:
    """Keep the chat page for the next run (written whole, then moved into place)."""
    part = path.with_name(path.name + ".part")
    part.write_text(json.dumps(snapshot, ensure_ascii=False), encoding="utf-8")
    part.replace(path)
