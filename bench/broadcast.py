"""Broadcast benchmark: 1,000 recipients through the emulator with Telegram's limits on.

The real bot runs against the sandbox emulator (limits on) with its scheduler and sender, exactly
as `linli sandbox` does. An admin's notice goes to every registered resident; a few 429s are
injected while it goes; meanwhile a resident writes /help and we time the bot's answer.

Prints what it measured and ends with one line of JSON, e.g.
{"recipients": 1000, "rate_per_s": 28.6, "limit_per_s": 30, "ratio": 0.95, "lost": 0,
 "duplicates": 0, "reply_s": 0.08, ...}

    .venv/bin/python -m bench.broadcast [--recipients 1000] [--faults 2]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.sandbox_runner import start_sandbox
from models import Role, User
from models.scheduling import AudienceKind
from sandbox.driver import Driver
from services import broadcast as broadcasts

ADMIN = 1001
RESIDENT = 4002  # 吴大爷, a demo resident who writes while the notice goes out
FIRST_ID = 900_001
NOTICE = "【停水通知】明天 9:00–12:00 小区停水，请提前储水。"


async def run(recipients: int, faults: int) -> dict[str, Any]:
    """Run one broadcast and return the measurements."""
    with tempfile.TemporaryDirectory() as tmp:
        sandbox = await start_sandbox(
            database_url=f"sqlite+aiosqlite:///{Path(tmp) / 'bench.sqlite3'}", limits=True
        )
        driver = Driver(sandbox.base_url)
        try:
            return await _measure(sandbox, driver, recipients, faults)
        finally:
            await driver.close()
            await sandbox.stop()


async def _measure(sandbox: Any, driver: Driver, recipients: int, faults: int) -> dict[str, Any]:
    emu = sandbox.emulator
    app = sandbox.app
    service = app.dp["scheduler"]
    await driver.wait_bot_ready()
    now = datetime.now(UTC)
    async with app.sessionmaker() as session:
        community_id = (await session.get(User, RESIDENT)).community_id  # type: ignore[union-attr]
        for offset in range(recipients):
            uid = FIRST_ID + offset
            emu.add_user(id=uid, first_name=f"居民{offset}")
            session.add(
                User(id=uid, first_name=f"居民{offset}", consent_at=now, community_id=community_id)
            )
        await session.commit()
        admin = await session.get(User, ADMIN)
        assert admin is not None
        draft, total = await broadcasts.create_draft(
            session,
            author=admin,
            roles=frozenset({Role.ADMIN}),
            kind=AudienceKind.EVERYONE,
            community_id=None,
            target_ids=[],
            text=NOTICE,
            now=now,
        )
        assert draft.id is not None
        await broadcasts.confirm(
            session,
            author=admin,
            roles=frozenset({Role.ADMIN}),
            broadcast_id=draft.id,
            urgent=True,
            progress_chat_id=None,
            progress_message_id=None,
            now=now,
        )
    started = time.monotonic()
    service.sender.wake()

    def notices_sent() -> int:
        return sum(
            1
            for chat in emu.chats.values()
            for m in chat.messages
            if m.by_bot and m.msg.get("text") == NOTICE
        )

    # inject 429s along the way, and let a resident write in the middle of it
    fault_points = [int(total * (i + 1) / (faults + 1)) for i in range(faults)]
    reply_s: float | None = None
    while True:
        sent = notices_sent()
        while fault_points and sent >= fault_points[0]:
            fault_points.pop(0)
            emu.add_fault(
                method="sendMessage",
                error_code=429,
                description="Too Many Requests: retry after 1",
            )
        if reply_s is None and sent >= total // 2:
            asked = await driver.send(RESIDENT, "/help")
            t0 = time.monotonic()
            await driver.expect(RESIDENT, "使用帮助", since=asked["message_id"], timeout=10)
            reply_s = time.monotonic() - t0
        async with app.sessionmaker() as session:
            state = await broadcasts.report(session, broadcast_id=draft.id)
        if state.complete:
            break
        if time.monotonic() - started > 600:
            raise SystemExit("the broadcast did not finish within 10 minutes")
        await asyncio.sleep(0.2)
    elapsed = time.monotonic() - started

    calls = [
        c
        for c in emu.calls
        if c["method"] == "sendMessage" and c.get("params", {}).get("text") == NOTICE
    ]
    ok_times = [datetime.fromisoformat(c["time"]).timestamp() for c in calls if c["ok"]]
    per_chat = Counter(
        chat.id
        for chat in emu.chats.values()
        for m in chat.messages
        if m.by_bot and m.msg.get("text") == NOTICE
    )
    async with app.sessionmaker() as session:
        audience = await broadcasts.audience(
            session, kind=AudienceKind.EVERYONE, community_id=None
        )
    expected = {u.id for u in audience if not u.blocked_bot}
    lost = len(expected - set(per_chat))
    duplicates = sum(n - 1 for n in per_chat.values())
    span = (max(ok_times) - min(ok_times)) if len(ok_times) > 1 else elapsed
    rate = (len(per_chat) - 1) / span if span > 0 else 0.0
    limit = service.limiter.per_second
    floods = [e for e in emu.errors if e.get("error_code") == 429]
    return {
        "recipients": total,
        "delivered": len(per_chat),
        "rate_per_s": round(rate, 2),
        "limit_per_s": limit,
        "ratio": round(rate / limit, 3),
        "lost": lost,
        "duplicates": duplicates,
        "reply_s": round(reply_s or -1.0, 3),
        "injected_429": faults,
        "unexpected_429": len(floods),
        "elapsed_s": round(elapsed, 1),
    }


def main() -> None:
    """Run the benchmark and print one JSON line at the end."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--recipients", type=int, default=1000)
    parser.add_argument("--faults", type=int, default=2, help="429s to inject")
    args = parser.parse_args()
    result = asyncio.run(run(args.recipients, args.faults))
    print(
        f"{result['delivered']}/{result['recipients']} delivered at {result['rate_per_s']}/s "
        f"({result['ratio']:.0%} of {result['limit_per_s']}/s), lost {result['lost']}, "
        f"duplicates {result['duplicates']}, reply during the broadcast in {result['reply_s']} s"
    )
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
