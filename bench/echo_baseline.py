"""Baseline throughput: a bare aiogram echo bot against the sandbox emulator (limits off).

N simulated users each send messages through the driver API and wait for the echo, all at once.
Prints what it measured and ends with one line of JSON, e.g.
{"updates_per_s": 410.2, "p50_ms": 48.1, "p95_ms": 90.3, ...}

    .venv/bin/python -m bench.echo_baseline --updates 2000 --users 50

Later benchmarks can measure the baseline in the same run with ``measure_echo_baseline()``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import aiohttp

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from aiogram import Bot, Dispatcher
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import Message

from sandbox.driver import Driver
from sandbox.emulator import SANDBOX_TOKEN, Emulator

FIRST_USER_ID = 700_000


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def _echo_dispatcher() -> Dispatcher:
    dp = Dispatcher()

    @dp.message()
    async def echo(message: Message) -> None:
        await message.answer(message.text or "?")

    return dp


async def measure_echo_baseline(*, updates: int = 2000, users: int = 50) -> dict[str, Any]:
    """Run the echo baseline; returns updates_per_s, p50_ms, p95_ms, p99_ms and counts."""
    users = max(1, min(users, updates))
    emu = Emulator(limits=False)
    base = await emu.start()
    for i in range(users):
        emu.add_user(id=FIRST_USER_ID + i, first_name=f"Bench {i}")
    bot = Bot(SANDBOX_TOKEN, session=AiohttpSession(api=TelegramAPIServer.from_base(base)))
    dp = _echo_dispatcher()
    polling = asyncio.ensure_future(
        dp.start_polling(bot, handle_signals=False, polling_timeout=10)
    )
    connector = aiohttp.TCPConnector(limit=users * 2 + 10)
    session = aiohttp.ClientSession(connector=connector)
    driver = Driver(base, session=session)
    latencies: list[float] = []
    missing = 0
    try:
        await driver.wait_bot_ready()
        per_user = [updates // users + (1 if i < updates % users else 0) for i in range(users)]

        async def user_loop(index: int, count: int) -> None:
            nonlocal missing
            uid = FIRST_USER_ID + index
            for k in range(count):
                started = time.perf_counter()
                sent = await driver.send(uid, f"echo {index}-{k}")
                got = await driver.wait(uid, since=sent["message_id"], timeout=10)
                if not any((m.get("from") or {}).get("is_bot") for m in got):
                    missing += 1
                    continue
                latencies.append((time.perf_counter() - started) * 1000)

        wall_start = time.perf_counter()
        await asyncio.gather(*(user_loop(i, n) for i, n in enumerate(per_user)))
        wall = time.perf_counter() - wall_start
        errors = len(emu.errors)
    finally:
        await dp.stop_polling()
        emu.release_long_polls()
        await asyncio.gather(polling, return_exceptions=True)
        await session.close()
        await emu.stop()
    return {
        "updates_per_s": round(len(latencies) / wall, 1) if wall else 0.0,
        "p50_ms": round(_percentile(latencies, 0.50), 1),
        "p95_ms": round(_percentile(latencies, 0.95), 1),
        "p99_ms": round(_percentile(latencies, 0.99), 1),
        "mean_ms": round(statistics.fmean(latencies), 1) if latencies else 0.0,
        "updates": updates,
        "answered": len(latencies),
        "unanswered": missing,
        "users": users,
        "seconds": round(wall, 2),
        "emulator_errors": errors,
    }


def main(argv: list[str] | None = None) -> None:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--updates", type=int, default=2000, help="messages to send in total")
    parser.add_argument("--users", type=int, default=50, help="simulated users sending at once")
    args = parser.parse_args(argv)
    result = asyncio.run(measure_echo_baseline(updates=args.updates, users=args.users))
    print(
        f"echo baseline: {result['answered']}/{result['updates']} messages answered by a bare "
        f"aiogram echo bot from {result['users']} concurrent users in {result['seconds']} s"
    )
    print(
        f"throughput {result['updates_per_s']} updates/s; round trip send->echo "
        f"p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms, p99 {result['p99_ms']} ms; "
        f"emulator errors: {result['emulator_errors']}"
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
