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

from sqlmodel import col, select

from bot.app import App, create_app
from bot.demo.seed import seed_demo
from bot.demo.users import ADMIN_IDS, DEMO_GROUPS, DEMO_USERS
from bot.runner import on_startup, settle_heap, unsettle_heap
from bot.settings import load_settings
from models import Role, StaffScope, User
from models.base import utcnow
from sandbox.emulator import SANDBOX_TOKEN, Emulator
from services.users import effective_roles

log = logging.getLogger(__name__)


@dataclass
class Sandbox:
    """A running emulator with the bot polling it."""

    emulator: Emulator
    app: App
    base_url: str
    polling: asyncio.Task[Any]
    settled: bool = False  # start-up's objects out of the collector's way (settle_heap)

    async def stop(self) -> None:
        """Stop polling, close the bot and the emulator."""
        with contextlib.suppress(RuntimeError):
            await self.app.dp.stop_polling()
        await asyncio.gather(self.polling, return_exceptions=True)
        # updates still being handled finish first (briefly): closing the database under them
        # left a connection's thread answering a closed event loop
        handling = [t for t in getattr(self.app.dp, "_handle_update_tasks", ()) if not t.done()]
        if handling:
            await asyncio.wait(handling, timeout=5.0)
        await self.app.close()
        await self.emulator.stop()
        if self.settled:
            unsettle_heap()


async def start_sandbox(
    *,
    database_url: str,
    host: str = "127.0.0.1",
    port: int = 0,
    demo: bool = True,
    seed: bool = True,
    limits: bool = False,
    clock: Callable[[], datetime] = utcnow,
    saved_chats: dict[str, Any] | None = None,
    settle: bool = False,
    groups_added: bool = False,
    **settings_overrides: Any,
) -> Sandbox:
    """Start the emulator, seed demo data, and run the bot against it; `saved_chats` (an
    emulator snapshot) brings back the chat page of an earlier run on the same database.
    `settle`: once started, the heap is settled as a real run's is (bot.runner.settle_heap):
    for `linli sandbox` and the benchmarks, not for tests that start a sandbox each.
    `seed=False`: the database already holds the demo data (tests start on a copy of one
    migrated and seeded database); `demo` still adds the demo people to the emulator.
    `groups_added` (`linli sandbox`): the demo resident group is new to the emulator, its
    staff add the bot as to a real group (the bot greets it and binds it to their community);
    tests leave it off, their groups quiet."""
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
                # a demo resident group is added to the bot by its community's staff (the
                # first member), as a real one would be: the bot greets it and binds it to that
                # community (once: a chat page brought back has it there already)
                added = groups_added and group.type != "channel" and bool(group.members)
                emulator.add_group(
                    id=group.id,
                    title=group.title,
                    type=group.type,
                    members=list(group.members),
                    bot_status="member" if added else None,
                    by=group.members[0] if added else None,
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
        if demo and seed:
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
    if settle:
        settle_heap()
    return Sandbox(emulator=emulator, app=app, base_url=base_url, polling=polling, settled=settle)


async def refresh_labels(sandbox: Sandbox) -> int:
    """The page's label of each person the emulator knows, as the bot's data has it now (小林
    registers: 新用户 → 居民; a sign-up approved: 党员/志愿者; staff granted or revoked); returns
    how many labels changed."""
    people = sandbox.emulator.users
    if not people:
        return 0
    async with sandbox.app.sessionmaker() as session:
        users = (await session.exec(select(User).where(col(User.id).in_(list(people))))).all()
        scopes = (
            await session.exec(select(StaffScope).where(col(StaffScope.user_id).in_(list(people))))
        ).all()
    community_wide = {s.user_id for s in scopes if s.grid_id is None}
    changed = 0
    for user in users:
        roles = effective_roles(user, admin_ids=sandbox.app.settings.admin_ids)
        if Role.ADMIN in roles:
            label = "admin"
        elif Role.STAFF in roles:
            label = "staff" if user.id in community_wide else "grid worker"
        elif Role.MEMBER in roles:
            label = "member"
        else:
            label = "resident" if user.registered else "new user"
        if people[user.id].role != label:
            people[user.id].role = label
            changed += 1
    return changed


async def keep_labels(sandbox: Sandbox, *, every: float = 3.0) -> None:
    """refresh_labels now and then, for as long as the sandbox runs (the page reads the list
    every few seconds)."""
    while True:
        try:
            await refresh_labels(sandbox)
        except Exception:  # a busy or closing database: the next round tries again
            log.debug("sandbox: labels not refreshed", exc_info=True)
        await asyncio.sleep(every)


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
            settle=True,
            groups_added=demo,
        )
        print(f"\n  Linli sandbox is running: open {sandbox.base_url}/ in a browser")
        print(f"  Driver API: {sandbox.base_url}/sandbox/api/   (Ctrl-C to stop)\n", flush=True)
        labels = asyncio.create_task(keep_labels(sandbox))
        try:
            await stop.wait()
        finally:
            print("stopping…", flush=True)
            labels.cancel()
            await asyncio.gather(labels, return_exceptions=True)
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
