"""Order-cycle benchmark: residents filing requests through the emulator (limits off).

The real bot (triage model, outbox sender, scheduler) runs against the sandbox emulator, on SQLite
and on PostgreSQL. N registered residents file requests at once, each filing being four updates:
the 我要点单 button, the description, 说完了, and the 确认提交 tap. Per update we time the round
trip from sending it to the bot's answer (its reply, or its answer to the button). The bare
aiogram echo baseline is measured in the same run for the ratio, and so is a scripted bot that
answers the same conversation with the same Bot API calls and nothing else (no database, no
logic): its rate is the ceiling for any bot in this harness, and the ratio to it is the cost of
Linli's own work. The per-user throttle and the
residents' filing limits (5 requests in 10 minutes, 20 a day) are raised for the run: they would
otherwise, rightly, stop a single user sending this fast. A filing the bot still refuses is
counted as refused (the bot answers with when to try again) and the resident goes on.

Each step waits for the bot's own answer to that update (a marker in its text), so the next
update is sent only once the previous one was handled. The staff notices every filing queues are
counted (queued, and sent by the outbox sender during the run) so they cannot silently vanish.

Prints what it measured and ends with one line of JSON: the echo baseline and, per database,
{"updates_per_s": 120.3, "p50_ms": 60.1, "p95_ms": 180.2, "ratio": 0.55, "cpu_s": ..., ...}

    .venv/bin/python -m bench.order_cycle [--filings 500] [--users 25] [--db sqlite,postgres]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiohttp
from aiogram import Bot, Dispatcher, F
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import event, func, text
from sqlmodel import select

from bench.echo_baseline import _percentile, measure_echo_baseline
from bot.app import pin_response_types
from bot.runner import settle_heap, unsettle_heap
from bot.sandbox_runner import start_sandbox
from bot.settings import load_settings
from models import Building, Role, User
from models.db import create_engine
from models.migrate import upgrade
from models.scheduling import Delivery
from sandbox.driver import Driver
from sandbox.emulator import SANDBOX_TOKEN, Emulator

FIRST_ID = 800_001
PG_ADMIN_URL = os.environ.get(
    "LINLI_TEST_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
)
TEXTS = (
    "{n}号楼楼道灯坏了，晚上很黑",
    "楼上漏水，天花板都湿了，麻烦看看",
    "小区门口电动车乱停，堵住了消防通道",
    "想咨询一下低保怎么申请",
    "楼下广场舞太吵了，晚上十点还在跳",
)


async def _fresh_pg() -> str:
    admin = create_engine(PG_ADMIN_URL)
    name = f"linli_bench_{uuid.uuid4().hex[:10]}"
    async with admin.connect() as conn:
        conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
        await conn.execute(text(f'CREATE DATABASE "{name}"'))
    await admin.dispose()
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    engine = create_engine(url)
    await upgrade(engine)
    await engine.dispose()
    return url


async def _drop_pg(url: str) -> None:
    admin = create_engine(PG_ADMIN_URL)
    async with admin.connect() as conn:
        conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
        await conn.execute(text(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)'))
    await admin.dispose()


def _daytime_clock() -> Callable[[], datetime]:
    """Real time moved to 10:00 in the bot's zone, so staff notices are sent, not held.

    At night the outbox holds non-urgent notices for the morning, and the sender would do no
    work during the run; a daytime run measures the bot with its sender busy.
    """
    zone = load_settings(bot_token="0:x").zone
    local = datetime.now(zone)
    offset = local.replace(hour=10, minute=0, second=0, microsecond=0) - local

    def clock() -> datetime:
        return datetime.now(UTC) + offset

    return clock


async def _deliveries(sandbox: Any) -> dict[str, int]:
    """Outbox rows by state."""
    async with sandbox.app.sessionmaker() as session:
        rows = (
            await session.exec(
                select(Delivery.state, func.count()).group_by(Delivery.state)  # type: ignore[call-overload]
            )
        ).all()
    return {str(state): int(n) for state, n in rows}


class _CollectorTime:
    """gc.callbacks hook: the time the cyclic garbage collector took, and how often it ran."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.collections = 0
        self._started = 0.0

    def __call__(self, phase: str, _info: dict[str, Any]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.seconds += time.perf_counter() - self._started
            self.collections += 1


class _Residents:
    """Residents filing requests through the driver: the same conversation for every bot measured.

    A filing is four updates: the 我要点单 button, the description, 说完了 and the 确认提交 tap.
    Each step waits for the bot's own answer to that update (a marker in its text), so the next
    update is sent only once the previous one was handled.
    """

    def __init__(self, driver: Driver, first_id: int = FIRST_ID) -> None:
        self.driver = driver
        self.first_id = first_id
        self.latencies: list[float] = []
        self.failed = 0
        self.refused = 0

    async def file_all(self, per_user: list[int]) -> None:
        """Every resident files their share at once."""
        await asyncio.gather(*(self._resident(i, n) for i, n in enumerate(per_user)))

    def figures(self, wall: float) -> dict[str, Any]:
        """Throughput and latency per update over `wall` seconds."""
        lat = self.latencies
        return {
            "updates_per_s": round(len(lat) / wall, 1) if wall else 0.0,
            "p50_ms": round(_percentile(lat, 0.50), 1),
            "p95_ms": round(_percentile(lat, 0.95), 1),
            "mean_ms": round(statistics.fmean(lat), 1) if lat else 0.0,
            "updates": len(lat),
            "failed_filings": self.failed,
            "refused_filings": self.refused,
            "seconds": round(wall, 2),
        }

    async def _answer(self, uid: int, since: int, *markers: str) -> dict[str, Any] | None:
        """The bot's new message after `since` that contains a marker (its answer)."""
        deadline = time.perf_counter() + 15
        cursor = since
        while time.perf_counter() < deadline:
            got = await self.driver.wait(uid, since=cursor, timeout=5)
            for m in got:
                if (
                    m["message_id"] > since
                    and (m.get("from") or {}).get("is_bot")
                    and any(k in (m.get("text") or m.get("caption") or "") for k in markers)
                ):
                    return m
            cursor = max([cursor, *(m["message_id"] for m in got)])
        return None

    async def _step(self, uid: int, body: str, marker: str) -> dict[str, Any] | None:
        """Send one update; the round trip ends at the bot's answer to it."""
        started = time.perf_counter()
        sent = await self.driver.send(uid, body)
        msg = await self._answer(uid, sent["message_id"], marker)
        if msg is not None:
            self.latencies.append((time.perf_counter() - started) * 1000)
        return msg

    async def _resident(self, index: int, count: int) -> None:
        uid = self.first_id + index
        for k in range(count):
            text = TEXTS[(index + k) % len(TEXTS)].format(n=k % 6 + 1)
            preview = None
            if await self._step(uid, "📝 我要点单", "请说说") and await self._step(
                uid, text, "收到文字"
            ):
                preview = await self._step(uid, "✅ 说完了", "分类：")
            if preview is None:
                self.failed += 1
                continue
            started = time.perf_counter()
            result = await self.driver.click(
                uid, preview["message_id"], text="✅ 确认提交", timeout=15
            )
            # the tap is done when the bot has said where to follow the request, or that
            # this resident has filed too many lately (请 N 分钟后再提交): no wait for more
            done = None
            if result.get("answer") is not None:
                done = await self._answer(uid, preview["message_id"], "我的诉求", "后再提交")
            if done is None:
                self.failed += 1
                continue
            self.latencies.append((time.perf_counter() - started) * 1000)
            if "后再提交" in (done.get("text") or ""):
                self.refused += 1
                await self._step(uid, "✖️ 取消", "已取消")  # the held draft is dropped


def _scripted_dispatcher() -> Dispatcher:
    """A bot that answers the filing conversation with the same Bot API calls as Linli's and
    nothing else: no database, no state, no triage. Its rate is the ceiling any bot making
    those calls can reach in this harness."""
    dp = Dispatcher()
    confirm = InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text="✅ 确认提交", callback_data="ok")]]
    )

    @dp.message(F.text == "📝 我要点单")
    async def start(message: Message) -> None:
        await message.answer("请说说您遇到的事情")

    @dp.message(F.text == "✅ 说完了")
    async def preview(message: Message) -> None:
        await message.answer("分类：公共设施\n确认无误请提交", reply_markup=confirm)

    @dp.message()
    async def text(message: Message) -> None:
        await message.answer("收到文字，还可以继续补充")

    @dp.callback_query(F.data == "ok")
    async def submit(query: CallbackQuery) -> None:
        await query.answer()
        if isinstance(query.message, Message):
            await query.message.edit_text("已提交")
            await query.message.answer("诉求已提交，可在「我的诉求」查看进度")

    return dp


async def measure_scripted(*, filings: int, users: int) -> dict[str, Any]:
    """The same residents and conversation against the scripted bot (limits off)."""
    emu = Emulator(limits=False)
    base = await emu.start()
    for i in range(users):
        emu.add_user(id=FIRST_ID + i, first_name=f"居民{i}")
    bot = Bot(SANDBOX_TOKEN, session=AiohttpSession(api=TelegramAPIServer.from_base(base)))
    dp = _scripted_dispatcher()
    polling = asyncio.ensure_future(
        dp.start_polling(bot, handle_signals=False, polling_timeout=10)
    )
    http = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=users * 2 + 10))
    driver = Driver(base, session=http)
    try:
        await driver.wait_bot_ready()
        per_user = [filings // users + (1 if i < filings % users else 0) for i in range(users)]
        residents = _Residents(driver)
        wall_start = time.perf_counter()
        await residents.file_all(per_user)
        wall = time.perf_counter() - wall_start
        calls = sum(1 for c in emu.calls if c["method"] != "getUpdates")
        errors = len(emu.errors)
    finally:
        await dp.stop_polling()
        emu.release_long_polls()
        await asyncio.gather(polling, return_exceptions=True)
        await http.close()
        await emu.stop()
    return {
        **residents.figures(wall),
        "bot_api_calls_per_filing": round(calls / filings, 2),
        "emulator_errors": errors,
    }


async def measure(database_url: str, *, filings: int, users: int) -> dict[str, Any]:
    """File `filings` requests from `users` residents at once; latency per update."""
    sandbox = await start_sandbox(
        database_url=database_url,
        limits=False,
        throttle_rate=10_000.0,
        throttle_burst=10_000,
        # every resident files filings/users requests at once: no anti-spam limit in the way
        request_burst_limit=filings + 1,
        request_daily_limit=filings + 1,
        clock=_daytime_clock(),
        settle=True,  # as `linli run` and `linli sandbox` do once started
    )
    connector = aiohttp.TCPConnector(limit=users * 2 + 10)
    http = aiohttp.ClientSession(connector=connector)
    driver = Driver(sandbox.base_url, session=http)
    try:
        await driver.wait_bot_ready()
        now = datetime.now(UTC)
        async with sandbox.app.sessionmaker() as session:
            buildings = list((await session.exec(select(Building))).all())
            for i in range(users):
                b = buildings[i % len(buildings)]
                uid = FIRST_ID + i
                sandbox.emulator.add_user(id=uid, first_name=f"居民{i}")
                user = User(
                    id=uid,
                    first_name=f"居民{i}",
                    consent_at=now,
                    community_id=b.community_id,
                    grid_id=b.grid_id,
                    building_id=b.id,
                    room=f"{100 + i}",
                )
                user.set_roles({Role.RESIDENT})
                session.add(user)
            await session.commit()
        per_user = [filings // users + (1 if i < filings % users else 0) for i in range(users)]
        residents = _Residents(driver)
        before = await _deliveries(sandbox)
        statements = 0

        def count_statement(*_args: Any) -> None:
            nonlocal statements
            statements += 1

        event.listen(sandbox.app.engine.sync_engine, "before_cursor_execute", count_statement)
        collector = _CollectorTime()
        gc.callbacks.append(collector)
        first_call = sandbox.emulator.calls[-1]["id"] if sandbox.emulator.calls else 0
        wall_start = time.perf_counter()
        cpu_start = time.process_time()
        loop_cpu_start = time.thread_time()
        await residents.file_all(per_user)
        wall = time.perf_counter() - wall_start
        cpu = time.process_time() - cpu_start
        loop_cpu = time.thread_time() - loop_cpu_start
        event.remove(sandbox.app.engine.sync_engine, "before_cursor_execute", count_statement)
        gc.callbacks.remove(collector)
        calls = Counter(c["method"] for c in sandbox.emulator.calls if c["id"] > first_call)
        errors = len(sandbox.emulator.errors)
        # the staff notices of every filing must have been queued (and the sender kept going)
        after = await _deliveries(sandbox)
        notices = {k: n - before.get(k, 0) for k, n in after.items()}
        # the bot's own replies use up the shared sending budget (30 messages/s, as on
        # Telegram), so the outbox mostly waits for the burst to end: give it 10 s more
        drain_deadline = time.perf_counter() + 10
        while time.perf_counter() < drain_deadline:
            later = await _deliveries(sandbox)
            if not later.get("pending") and not later.get("sending"):
                break
            await asyncio.sleep(0.5)
        sent_after = later.get("sent", 0) - before.get("sent", 0)
    finally:
        await driver.close()
        await http.close()
        await sandbox.stop()
    return {
        **residents.figures(wall),
        "filings": filings,
        "users": users,
        "cpu_s": round(cpu, 2),
        "event_loop_cpu_s": round(loop_cpu, 2),
        # of which the cyclic garbage collector (its young and full collections)
        "gc_s": round(collector.seconds, 2),
        "gc_collections": collector.collections,
        # the work behind each filing (4 updates), measured: the echo does 1 call per update
        "sql_per_filing": round(statements / filings, 1),
        "bot_api_calls_per_filing": round(
            sum(n for m, n in calls.items() if m != "getUpdates") / filings, 2
        ),
        "bot_api_calls_by_method": dict(calls.most_common()),
        "notices_queued": sum(notices.values()),
        "notices_sent": notices.get("sent", 0),
        "notices_by_state": notices,
        "notices_sent_within_10s_after": sent_after,
        "emulator_errors": errors,
    }


async def run(
    *, filings: int, users: int, dbs: list[str]
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The echo baseline, then the order cycle on each database (same process, same run).

    The echo is measured twice: as shipped, then with aiogram's `Response[T]` models pinned the
    way Linli's bot pins them (bot.app.pin_response_types). The ratio uses the second, faster
    echo, so the bot's library workaround does not flatter the ratio.
    """
    # the baselines run with the heap settled too, as the bot's run does (bot.runner.settle_heap):
    # the same treatment for every bot measured
    settle_heap()
    try:
        plain = await measure_echo_baseline(updates=filings * 4, users=users)
        pin_response_types()
        echo = await measure_echo_baseline(updates=filings * 4, users=users)
        echo["plain_updates_per_s"] = plain["updates_per_s"]
        scripted = await measure_scripted(filings=filings, users=users)
    finally:
        unsettle_heap()
    echo["scripted"] = scripted
    out = []
    for db in dbs:
        if db == "sqlite":
            with tempfile.TemporaryDirectory() as tmp:
                url = f"sqlite+aiosqlite:///{Path(tmp) / 'bench.sqlite3'}"
                result = await measure(url, filings=filings, users=users)
        else:
            url = await _fresh_pg()
            try:
                result = await measure(url, filings=filings, users=users)
            finally:
                await _drop_pg(url)
        result["db"] = db
        result["echo_updates_per_s"] = echo["updates_per_s"]
        result["ratio"] = (
            round(result["updates_per_s"] / echo["updates_per_s"], 3)
            if echo["updates_per_s"]
            else 0.0
        )
        result["ratio_to_scripted"] = (
            round(result["updates_per_s"] / scripted["updates_per_s"], 3)
            if scripted["updates_per_s"]
            else 0.0
        )
        out.append(result)
    return echo, out


def main(argv: list[str] | None = None) -> None:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--filings", type=int, default=500, help="requests filed in total")
    parser.add_argument("--users", type=int, default=25, help="residents filing at once")
    parser.add_argument("--db", default="sqlite,postgres", help="sqlite, postgres or both")
    args = parser.parse_args(argv)
    echo, results = asyncio.run(
        run(filings=args.filings, users=args.users, dbs=[d for d in args.db.split(",") if d])
    )
    print(
        f"echo baseline: {echo['updates_per_s']}/s, p50 {echo['p50_ms']} ms, "
        f"p95 {echo['p95_ms']} ms ({echo['answered']}/{echo['updates']} answered); "
        f"without pinned response models {echo['plain_updates_per_s']}/s"
    )
    scripted = echo["scripted"]
    print(
        f"scripted bot (the same conversation and the same {scripted['bot_api_calls_per_filing']} "
        f"Bot API calls per filing, no database or logic): {scripted['updates_per_s']}/s, "
        f"p50 {scripted['p50_ms']} ms, p95 {scripted['p95_ms']} ms; that is "
        f"{scripted['updates_per_s'] / echo['updates_per_s']:.0%} of the echo, the ceiling for "
        f"any bot answering this conversation in this harness"
    )
    for r in results:
        print(
            f"{r['db']}: {r['updates']} updates ({r['filings']} filings, {r['failed_filings']} "
            f"failed, {r['refused_filings']} refused by the filing limits) from {r['users']} "
            f"residents in {r['seconds']} s: {r['updates_per_s']}/s, "
            f"p50 {r['p50_ms']} ms, p95 {r['p95_ms']} ms; echo baseline "
            f"{r['echo_updates_per_s']}/s; ratio {r['ratio']:.0%} (to the scripted bot "
            f"{r['ratio_to_scripted']:.0%}); event-loop CPU {r['event_loop_cpu_s']} s, of it "
            f"the garbage collector {r['gc_s']} s; emulator errors "
            f"{r['emulator_errors']}; per filing {r['sql_per_filing']} SQL statements and "
            f"{r['bot_api_calls_per_filing']} Bot API calls besides getUpdates; "
            f"staff/other notices queued {r['notices_queued']}, "
            f"sent during the run {r['notices_sent']}, by 10 s after "
            f"{r['notices_sent_within_10s_after']}"
        )
    summary: dict[str, Any] = {
        "echo": {
            k: echo[k]
            for k in ("updates_per_s", "p50_ms", "p95_ms", "updates", "plain_updates_per_s")
            if k in echo
        },
        "scripted": {
            **{k: scripted[k] for k in ("updates_per_s", "p50_ms", "p95_ms", "updates")},
            "ratio_to_echo": round(scripted["updates_per_s"] / echo["updates_per_s"], 3)
            if echo["updates_per_s"]
            else 0.0,
        },
    }
    for r in results:
        summary[r["db"]] = r
    print(json.dumps(summary, ensure_ascii=False))


if __name__ == "__main__":
    main()
