"""Crash safety and leader election with real processes.

A scheduler process is SIGKILLed at random points of a 1,000-recipient broadcast and of a batch
of due reminders, then restarted: everyone gets the message, each reminder job runs once, and
duplicate messages stay within the stated bound (max_in_flight per kill, scheduler/README.md).
With two processes on PostgreSQL, exactly one sends; when it dies, the other takes over.
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.db import create_engine, make_sessionmaker
from models.migrate import upgrade
from models.scheduling import (
    Broadcast,
    BroadcastState,
    Delivery,
    DeliveryState,
    JobState,
    ScheduledJob,
)
from models.users import User
from sandbox.emulator import SANDBOX_TOKEN, Emulator
from services.delivery import enqueue
from services.jobs import schedule_job

ROOT = Path(__file__).resolve().parents[2]
IN_FLIGHT = 8
RECIPIENTS = 1000
REMINDERS = 200


@pytest.fixture
async def emulator() -> AsyncIterator[Emulator]:
    """An emulator without flood limits (the processes run with a high rate)."""
    emu = Emulator(limits=False)
    await emu.start()
    try:
        yield emu
    finally:
        await emu.stop()


async def _spawn(db_url: str, emu: Emulator, *extra: str) -> asyncio.subprocess.Process:
    env = {
        **os.environ,
        "LINLI_DATABASE_URL": db_url,
        "LINLI_BOT_TOKEN": SANDBOX_TOKEN,
        "LINLI_BOT_API_BASE": emu.base_url,
        "LINLI_TIMEZONE": "Asia/Shanghai",
    }
    env.pop("LINLI_REDIS_URL", None)
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tests.scheduler.crash_worker",
        "--in-flight",
        str(IN_FLIGHT),
        "--rate",
        "3000",
        *extra,
        cwd=str(ROOT),
        env=env,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )


async def _started(proc: asyncio.subprocess.Process) -> asyncio.Task[None]:
    """Wait until the process says its scheduler runs (its start-up, imports and schema check,
    takes seconds on a loaded machine and is not what the test times), then keep reading its
    log in the background so a full pipe can never stall it."""
    assert proc.stderr is not None
    stderr = proc.stderr

    async def ready() -> None:
        while True:
            line = await stderr.readline()
            if not line:
                raise AssertionError(f"the process ended before it ran: {proc.returncode}")
            if b"scheduler: running alone" in line:
                return

    await asyncio.wait_for(ready(), 180)

    async def drain() -> None:
        while await stderr.read(65536):
            pass

    return asyncio.create_task(drain())


def _bot_texts(emu: Emulator) -> list[tuple[int, str]]:
    return [
        (chat.id, str(m.msg.get("text", "")))
        for chat in emu.chats.values()
        for m in chat.messages
        if m.by_bot
    ]


async def _until(predicate, *, limit: float, what: str) -> None:  # type: ignore[no-untyped-def]
    """Poll the emulator/database state a subprocess changes (there is no clock to move)."""
    deadline = time.monotonic() + limit
    while not await predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


async def _seed(sm: async_sessionmaker[AsyncSession], emu: Emulator) -> int:
    now = datetime.now(UTC)
    ids = list(range(700_001, 700_001 + RECIPIENTS))
    async with sm() as session:
        # the first is an admin: a notice to every community is an admin's (its report goes to
        # them while they are one)
        session.add_all(
            User(
                id=i,
                first_name=f"R{i}",
                roles="resident,admin" if i == ids[0] else "resident",
                consent_at=now,
            )
            for i in ids
        )
        notice = Broadcast(author_id=ids[0], text="停水通知", state=BroadcastState.SENDING)
        session.add(notice)
        await session.flush()
        for i in ids:
            emu.add_user(id=i, first_name=f"R{i}")
            await enqueue(
                session,
                chat_id=i,
                text="停水通知",
                urgent=True,
                kind="broadcast",
                broadcast_id=notice.id,
                dedupe_key=f"bc:{notice.id}:{i}",
                now=now,
            )
        for i in ids[:REMINDERS]:
            await schedule_job(
                session, kind="test.crash-remind", due_at=now, payload={"user_id": i}
            )
        await session.commit()
    return len(ids)


async def _finished(sm: async_sessionmaker[AsyncSession]) -> bool:
    async with sm() as session:
        open_deliveries = (
            await session.exec(
                select(func.count())
                .select_from(Delivery)
                .where(col(Delivery.state).in_([DeliveryState.PENDING, DeliveryState.SENDING]))
            )
        ).one()
        open_jobs = (
            await session.exec(
                select(func.count())
                .select_from(ScheduledJob)
                .where(
                    col(ScheduledJob.kind) == "test.crash-remind",
                    col(ScheduledJob.state) != JobState.DONE,
                )
            )
        ).one()
        # the broadcast is closed, and its report to the author queued, a beat after its last
        # copy went: until then the report is not among the deliveries yet
        sending = (
            await session.exec(
                select(func.count())
                .select_from(Broadcast)
                .where(col(Broadcast.state) == BroadcastState.SENDING)
            )
        ).one()
    return open_deliveries == 0 and open_jobs == 0 and sending == 0


@pytest.mark.slow
async def test_sigkill_during_broadcast_and_reminders_loses_nothing(
    tmp_path: Path, emulator: Emulator
) -> None:
    db_url = f"sqlite+aiosqlite:///{tmp_path / 'crash.sqlite3'}"
    engine = create_engine(db_url)
    await upgrade(engine)
    sm = make_sessionmaker(engine)
    try:
        await _seed(sm, emulator)
        rng = random.Random(6)
        kills = 0
        for _ in range(3):
            proc = await _spawn(db_url, emulator)
            drain = await _started(proc)
            start = len(_bot_texts(emulator))
            target = start + rng.randint(20, 250)

            async def progressed(target: int = target) -> bool:
                return len(_bot_texts(emulator)) >= target or await _finished(sm)

            await _until(progressed, limit=60, what="the process to send something")
            proc.send_signal(signal.SIGKILL)
            await proc.wait()
            await drain
            kills += 1
        proc = await _spawn(db_url, emulator)
        drain = await _started(proc)

        async def done() -> bool:
            return await _finished(sm)

        await _until(done, limit=120, what="every delivery and job to finish")
        proc.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(proc.wait(), 20) == 0
        await drain

        texts = _bot_texts(emulator)
        notices = Counter(chat for chat, text in texts if text == "停水通知")
        reminders = Counter(chat for chat, text in texts if text.startswith("reminder"))
        assert len(notices) == RECIPIENTS, "someone did not get the notice"
        assert len(reminders) == REMINDERS, "someone did not get the reminder"
        duplicates = sum(n - 1 for n in notices.values()) + sum(n - 1 for n in reminders.values())
        assert duplicates <= kills * IN_FLIGHT, (duplicates, kills)
        async with sm() as session:
            rows = (await session.exec(select(Delivery))).all()
            states = Counter(r.state for r in rows)
            # every notice and reminder, plus the one final report to the broadcast's author
            assert states == {DeliveryState.SENT: RECIPIENTS + REMINDERS + 1}
            assert [r.chat_id for r in rows if r.kind == "broadcast-report"] == [700_001]
            assert all(r.message_ids for r in rows)
            # each reminder job ran exactly once: one delivery row per job, never two
            per_job = Counter(r.text for r in rows if r.kind == "reminder")
            assert len(per_job) == REMINDERS and set(per_job.values()) == {1}
    finally:
        await engine.dispose()


@pytest.mark.slow
@pytest.mark.postgres
async def test_two_processes_one_leader_and_takeover(pg_url: str, emulator: Emulator) -> None:
    engine = create_engine(pg_url)
    await upgrade(engine)
    sm = make_sessionmaker(engine)
    procs: list[asyncio.subprocess.Process] = []
    try:
        ids = list(range(800_001, 800_101))
        now = datetime.now(UTC)
        async with sm() as session:
            session.add_all(User(id=i, first_name=f"R{i}", consent_at=now) for i in ids)
            await session.commit()
        for i in ids:
            emulator.add_user(id=i, first_name=f"R{i}")
        first = await _spawn(pg_url, emulator, "--tick", "0.2")
        procs.append(first)
        assert first.stderr is not None
        while b"now runs the scheduler" not in await asyncio.wait_for(first.stderr.readline(), 30):
            pass
        second = await _spawn(pg_url, emulator, "--tick", "0.2")
        procs.append(second)

        async def send_batch(batch: list[int], text: str) -> None:
            async with sm() as session:
                for i in batch:
                    await enqueue(session, chat_id=i, text=text, urgent=True)
                await session.commit()

            async def all_sent() -> bool:
                async with sm() as session:
                    waiting = (
                        await session.exec(
                            select(func.count())
                            .select_from(Delivery)
                            .where(col(Delivery.state) != DeliveryState.SENT)
                        )
                    ).one()
                return waiting == 0

            await _until(all_sent, limit=60, what=f"{text} to be sent")

        await send_batch(ids[:50], "one")
        async with sm() as session:
            senders = {r.claimed_by for r in (await session.exec(select(Delivery))).all()}
        assert len(senders) == 1 and f":{first.pid}:" in str(senders.pop())

        first.send_signal(signal.SIGKILL)
        await first.wait()
        await send_batch(ids[50:], "two")
        async with sm() as session:
            rows = (await session.exec(select(Delivery).where(Delivery.text == "two"))).all()
        assert {r.claimed_by for r in rows} and all(
            f":{second.pid}:" in str(r.claimed_by) for r in rows
        )
        texts = Counter(_bot_texts(emulator))
        assert len(texts) == 100 and set(texts.values()) == {1}
    finally:
        for proc in procs:
            if proc.returncode is None:
                proc.send_signal(signal.SIGKILL)
                await proc.wait()
        await engine.dispose()
