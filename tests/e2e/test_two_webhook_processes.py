"""The production setup: two `linli run --webhook` processes behind a load balancer, sharing
PostgreSQL and Redis. The emulator plays Telegram (one update of a chat at a time, the next as
soon as the bot acknowledged the previous); the test's balancer sends the updates to the two
processes in turn, so a resident's messages and a double tap on ✅ 确认提交 are split across them.

It shows that the conversation carries over between processes (FSM in Redis), that a chat's
updates are still handled one at a time and in order (the messages typed in a row are all
kept, in their order: no lost update), and that the double tap files one request.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import socket
import sys
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from redis.asyncio import Redis
from sqlmodel import select

from bot.demo.seed import seed_demo
from bot.demo.users import ADMIN_IDS, DEMO_USERS
from models.db import create_engine, make_sessionmaker
from models.migrate import upgrade
from models.orders import Request
from sandbox.driver import Driver, message_text
from sandbox.emulator import SANDBOX_TOKEN, Emulator

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
ZHOU = 4001  # 周阿姨, verified resident of 阳光社区
ADMIN = 1001  # 王主任
SECRET = "two-processes-secret"
PATH = "/telegram/webhook"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Balancer:
    """A round-robin load balancer in front of the bot processes' webhooks."""

    backends: list[str]
    routed: dict[int, int] = field(default_factory=dict)  # update_id → backend index
    _arrived: dict[int, asyncio.Event] = field(default_factory=dict)
    _next: int = 0
    _session: aiohttp.ClientSession | None = None
    _runner: web.AppRunner | None = None

    async def start(self, port: int) -> None:
        self._session = aiohttp.ClientSession()
        app = web.Application()
        app.router.add_post(PATH, self._forward)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", port).start()

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
        if self._session is not None:
            await self._session.close()

    async def process_of(self, update_id: int) -> int:
        """Which process the update was sent to (waits until the emulator delivered it)."""
        await asyncio.wait_for(self._arrived.setdefault(update_id, asyncio.Event()).wait(), 30)
        return self.routed[update_id]

    async def _forward(self, request: web.Request) -> web.Response:
        body = await request.read()
        index = self._next % len(self.backends)
        self._next += 1
        update_id = int(json.loads(body)["update_id"])
        self.routed[update_id] = index
        self._arrived.setdefault(update_id, asyncio.Event()).set()
        headers = {
            key: request.headers[key]
            for key in ("Content-Type", "X-Telegram-Bot-Api-Secret-Token")
            if key in request.headers
        }
        assert self._session is not None
        try:
            async with self._session.post(self.backends[index], data=body, headers=headers) as r:
                payload = await r.read()
                return web.Response(status=r.status, body=payload, content_type=r.content_type)
        except aiohttp.ClientError:  # the process is stopping (end of the test)
            return web.Response(status=502)


@dataclass
class BotProcess:
    """One `linli run --webhook` process; its log is read as it comes (and kept)."""

    proc: asyncio.subprocess.Process
    listening: asyncio.Event = field(default_factory=asyncio.Event)
    log: list[str] = field(default_factory=list)
    reader: asyncio.Task[None] | None = None

    awaited: dict[str, asyncio.Event] = field(default_factory=dict)

    async def _read(self) -> None:
        assert self.proc.stderr is not None
        async for raw in self.proc.stderr:
            line = raw.decode(errors="replace").rstrip()
            self.log.append(line)
            if "webhook listening on" in line:
                self.listening.set()
            for text, event in self.awaited.items():
                if text in line:
                    event.set()

    async def logs(self, text: str) -> None:
        """Wait (up to 30 s) until the process logs a line with this text, or has logged it."""
        event = self.awaited.setdefault(text, asyncio.Event())
        if any(text in line for line in self.log):
            event.set()
        await asyncio.wait_for(event.wait(), 30)

    async def stop(self) -> None:
        if self.proc.returncode is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(self.proc.wait(), 20)
            except TimeoutError:
                self.proc.kill()
                await self.proc.wait()
        if self.reader is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.wait_for(self.reader, 5)


async def _spawn(env: dict[str, str], port: int, data_dir: Path) -> BotProcess:
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.cli",
        "run",
        "--webhook",
        cwd=str(ROOT),
        env={**env, "LINLI_WEBHOOK_PORT": str(port), "LINLI_DATA_DIR": str(data_dir)},
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    bot = BotProcess(proc)
    bot.reader = asyncio.create_task(bot._read())
    return bot


@dataclass
class Setup:
    driver: Driver
    balancer: Balancer
    bots: list[BotProcess]
    sessionmaker: Any


@pytest.fixture
async def two_processes(pg_url: str, redis_url: str, tmp_path: Path) -> AsyncIterator[Setup]:
    engine = create_engine(pg_url)
    await upgrade(engine)
    sessionmaker = make_sessionmaker(engine)
    async with sessionmaker() as session:
        await seed_demo(session)
    emulator = Emulator()
    base = await emulator.start()
    for user in DEMO_USERS:
        emulator.add_user(
            id=user.id,
            first_name=user.first_name,
            last_name=user.last_name,
            language_code=user.language_code,
            role=user.label,
        )
    namespace = f"linli-test-{uuid.uuid4().hex[:8]}"
    ports = [_free_port() for _ in range(2)]
    balancer_port = _free_port()
    balancer = Balancer([f"http://127.0.0.1:{p}{PATH}" for p in ports])
    await balancer.start(balancer_port)
    env = {
        **os.environ,
        "LINLI_BOT_TOKEN": SANDBOX_TOKEN,
        "LINLI_BOT_API_BASE": base,
        "LINLI_DATABASE_URL": pg_url,
        "LINLI_REDIS_URL": redis_url,
        "LINLI_REDIS_NAMESPACE": namespace,
        "LINLI_ADMIN_IDS": ",".join(str(i) for i in ADMIN_IDS),
        "LINLI_WEBHOOK_URL": f"http://127.0.0.1:{balancer_port}",
        "LINLI_WEBHOOK_SECRET": SECRET,
        "LINLI_WEBHOOK_HOST": "127.0.0.1",
        "LINLI_WEBHOOK_PATH": PATH,
        # tests tap faster than any person
        "LINLI_THROTTLE_RATE": "100",
        "LINLI_THROTTLE_BURST": "100",
    }
    bots: list[BotProcess] = []
    driver = Driver(base)
    try:
        for i, port in enumerate(ports):
            bots.append(await _spawn(env, port, tmp_path / f"bot{i}"))
        for bot in bots:
            try:
                await asyncio.wait_for(bot.listening.wait(), 120)
            except TimeoutError:
                pytest.fail("a bot process did not start:\n" + "\n".join(bot.log[-30:]))
        yield Setup(driver=driver, balancer=balancer, bots=bots, sessionmaker=sessionmaker)
        failed = [line for bot in bots for line in bot.log if "failed" in line]
        assert not failed, failed
        assert await driver.errors() == []
    finally:
        for bot in bots:
            await bot.stop()
        await driver.close()
        await balancer.stop()
        await emulator.stop()
        await engine.dispose()
        client = Redis.from_url(redis_url)
        keys = [key async for key in client.scan_iter(f"{namespace}:*")]
        if keys:
            await client.delete(*keys)
        await client.aclose()


async def test_a_chat_split_across_two_processes_keeps_its_order_and_files_once(
    two_processes: Setup,
) -> None:
    s = two_processes
    d = s.driver
    await d.send(ZHOU, "📝 我要点单")
    await d.expect(ZHOU, "请说说您遇到了什么事", timeout=30)
    # three messages typed in a row, without waiting for the bot: each process gets some
    lines = ["第一句：3号楼楼道灯坏了", "第二句：晚上看不见台阶", "第三句：老人容易摔倒"]
    sent = [await d.send(ZHOU, line) for line in lines]
    assert {await s.balancer.process_of(m["update_id"]) for m in sent} == {0, 1}
    last = (await d.messages(ZHOU))[-1]["message_id"]
    await d.send(ZHOU, "✅ 说完了")
    preview = await d.expect(ZHOU, "分类", since=int(last), timeout=30)
    text = message_text(preview)
    # nothing typed was lost, and it reads in the order it was typed
    positions = [text.find(line) for line in lines]
    assert all(p >= 0 for p in positions) and positions == sorted(positions), text
    # a double tap: the two taps reach different processes at (nearly) the same time
    taps = await asyncio.gather(
        *(d.click(ZHOU, preview["message_id"], text="✅ 确认提交", timeout=30) for _ in range(2))
    )
    tap_updates = sorted(s.balancer.routed)[-2:]
    assert {await s.balancer.process_of(u) for u in tap_updates} == {0, 1}, "one tap each"
    await d.expect(ZHOU, "已提交，编号", since=int(preview["message_id"]) - 1, timeout=30)
    async with s.sessionmaker() as session:
        filed = (await session.exec(select(Request))).all()
    assert len(filed) == 1, [r.text for r in filed]
    answers = [str((tap.get("answer") or {}).get("text") or "") for tap in taps]
    assert sum("失效" in a for a in answers) == 1, answers  # the second tap: nothing to file


async def test_a_catalogue_edit_reaches_the_other_process(two_processes: Setup) -> None:
    """/category in one process: the other (its own data directory) lists the new category at
    its next update, without a restart (the edit is in PostgreSQL, announced over Redis)."""
    s = two_processes
    d = s.driver
    edit = await d.send(ADMIN, "/category add pets 48 宠物管理/Pets general")
    await d.expect(ADMIN, "已更新", since=int(edit["message_id"]), timeout=30)
    edited_in = await s.balancer.process_of(edit["update_id"])
    await s.bots[1 - edited_in].logs("catalogue: version 1 taken up")
    for _ in range(2):  # one listing from each process
        sent = await d.send(ADMIN, "/categories")
        [listing] = await d.replies(ADMIN, int(sent["message_id"]), timeout=30)
        assert "pets" in message_text(listing) and "宠物管理" in message_text(listing)
    listed_by = sorted(s.balancer.routed)[-2:]
    assert {await s.balancer.process_of(u) for u in listed_by} == {0, 1}
