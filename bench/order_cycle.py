"""Order-cycle benchmark: residents filing requests through the emulator (limits off).

The real bot (triage model, outbox sender, scheduler) runs against the sandbox emulator, on SQLite
and on PostgreSQL. N registered residents file requests at once, each filing being four updates:
the 我要点单 button, the description, 说完了, and the 确认提交 tap. Per update we time the round
trip from sending it to the bot's answer (its reply, or its answer to the button). The bare
aiogram echo baseline is measured in the same run for the ratio. The per-user throttle is raised
for the run (it would otherwise, rightly, slow a single user sending this fast).

Prints what it measured and ends with one line of JSON per database, e.g.
{"db": "sqlite", "updates_per_s": 120.3, "p50_ms": 60.1, "p95_ms": 180.2, "ratio": 0.55, ...}

    .venv/bin/python -m bench.order_cycle [--filings 500] [--users 25] [--db sqlite,postgres]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiohttp

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import text
from sqlmodel import select

from bench.echo_baseline import _percentile, measure_echo_baseline
from bot.sandbox_runner import start_sandbox
from models import Building, Role, User
from models.db import create_engine
from models.migrate import upgrade
from sandbox.driver import Driver

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


async def measure(database_url: str, *, filings: int, users: int) -> dict[str, Any]:
    """File `filings` requests from `users` residents at once; latency per update."""
    sandbox = await start_sandbox(
        database_url=database_url, limits=False, throttle_rate=10_000.0, throttle_burst=10_000
    )
    connector = aiohttp.TCPConnector(limit=users * 2 + 10)
    http = aiohttp.ClientSession(connector=connector)
    driver = Driver(sandbox.base_url, session=http)
    latencies: list[float] = []
    failed = 0
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

        async def step(uid: int, body: str, until: str | None = None) -> dict[str, Any] | None:
            """Send one update; wait for the bot's answer (or the message containing `until`)."""
            started = time.perf_counter()
            sent = await driver.send(uid, body)
            if until is not None:
                msg = await driver.expect(uid, until, since=sent["message_id"], timeout=15)
            else:
                # a new bot message, not an edit of an earlier one (the wait reports edits too)
                deadline = time.perf_counter() + 15
                bot: list[dict[str, Any]] = []
                while not bot and time.perf_counter() < deadline:
                    got = await driver.wait(uid, since=sent["message_id"], timeout=5)
                    bot = [
                        m
                        for m in got
                        if (m.get("from") or {}).get("is_bot")
                        and m["message_id"] > sent["message_id"]
                    ]
                if not bot:
                    return None
                msg = bot[-1]
            latencies.append((time.perf_counter() - started) * 1000)
            return msg

        async def resident(index: int, count: int) -> None:
            nonlocal failed
            uid = FIRST_ID + index
            for k in range(count):
                text = TEXTS[(index + k) % len(TEXTS)].format(n=k % 6 + 1)
                preview = None
                if await step(uid, "📝 我要点单") and await step(uid, text):
                    preview = await step(uid, "✅ 说完了", until="分类：")
                if preview is None:
                    failed += 1
                    continue
                started = time.perf_counter()
                result = await driver.click(
                    uid, preview["message_id"], text="✅ 确认提交", timeout=15
                )
                if result.get("answer") is None:
                    failed += 1
                    continue
                # the tap is done when the bot has said where to follow the request
                await driver.expect(uid, "我的诉求", since=preview["message_id"], timeout=15)
                latencies.append((time.perf_counter() - started) * 1000)

        wall_start = time.perf_counter()
        await asyncio.gather(*(resident(i, n) for i, n in enumerate(per_user)))
        wall = time.perf_counter() - wall_start
        errors = len(sandbox.emulator.errors)
    finally:
        await driver.close()
        await http.close()
        await sandbox.stop()
    return {
        "updates_per_s": round(len(latencies) / wall, 1) if wall else 0.0,
        "p50_ms": round(_percentile(latencies, 0.50), 1),
        "p95_ms": round(_percentile(latencies, 0.95), 1),
        "mean_ms": round(statistics.fmean(latencies), 1) if latencies else 0.0,
        "updates": len(latencies),
        "filings": filings,
        "failed_filings": failed,
        "users": users,
        "seconds": round(wall, 2),
        "emulator_errors": errors,
    }


async def run(*, filings: int, users: int, dbs: list[str]) -> list[dict[str, Any]]:
    """The echo baseline, then the order cycle on each database."""
    echo = await measure_echo_baseline(updates=filings * 4, users=users)
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
        out.append(result)
    return out


def main(argv: list[str] | None = None) -> None:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--filings", type=int, default=500, help="requests filed in total")
    parser.add_argument("--users", type=int, default=25, help="residents filing at once")
    parser.add_argument("--db", default="sqlite,postgres", help="sqlite, postgres or both")
    args = parser.parse_args(argv)
    results = asyncio.run(
        run(filings=args.filings, users=args.users, dbs=[d for d in args.db.split(",") if d])
    )
    for r in results:
        print(
            f"{r['db']}: {r['updates']} updates ({r['filings']} filings, {r['failed_filings']} "
            f"failed) from {r['users']} residents in {r['seconds']} s: {r['updates_per_s']}/s, "
            f"p50 {r['p50_ms']} ms, p95 {r['p95_ms']} ms; echo baseline "
            f"{r['echo_updates_per_s']}/s; ratio {r['ratio']:.0%}; emulator errors "
            f"{r['emulator_errors']}"
        )
    for r in results:
        print(json.dumps(r, ensure_ascii=False))


if __name__ == "__main__":
    main()
