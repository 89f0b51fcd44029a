"""A long job (the nightly retraining) runs beside the tick: other due work does not wait."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.app import make_bot
from bot.i18n import Translator
from bot.settings import Settings
from models.scheduling import Delivery, JobState, ScheduledJob
from sandbox.emulator import SANDBOX_TOKEN, Emulator
from scheduler.service import SchedulerService
from services.jobs import schedule_job
from services.triage import jobs as triage_jobs
from services.triage.jobs import RETRAIN_KIND, ensure_retraining_scheduled
from tests.scheduler.conftest import add_users
from tests.support import FakeClock


class SlowTrainer:
    """Stands in for services.triage.training.retrain: blocks until the test lets it finish."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.release = threading.Event()
        self.runs = 0

    def __call__(self, **_: Any) -> SimpleNamespace:
        self.runs += 1
        self.started.set()
        self.release.wait(timeout=60)
        return SimpleNamespace(examples=1, model_dir=Path("model"))


@pytest.fixture
async def trainer(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[SlowTrainer]:
    """The retraining job's trainer, replaced by a slow fake (released at the end anyway)."""
    slow = SlowTrainer()
    monkeypatch.setattr(triage_jobs, "retrain", slow)
    try:
        yield slow
    finally:
        slow.release.set()


@pytest.fixture
async def service(
    engine: AsyncEngine,
    sessionmaker: async_sessionmaker[AsyncSession],
    translator: Translator,
    clock: FakeClock,
    tmp_path: Path,
) -> AsyncIterator[SchedulerService]:
    """The scheduler service (as the leader runs it) on the test database."""
    emu = Emulator(limits=False)
    await emu.start()
    settings = Settings(bot_token=SANDBOX_TOKEN, bot_api_base=emu.base_url, data_dir=tmp_path)
    bot = make_bot(settings)
    svc = SchedulerService(
        settings=settings,
        engine=engine,
        sessionmaker=sessionmaker,
        bot=bot,
        texts=translator,
        clock=clock,
    )
    try:
        yield svc
    finally:
        await svc.stop()
        await bot.session.close()
        await emu.stop()


async def _job(sm: async_sessionmaker[AsyncSession], job_id: int) -> ScheduledJob:
    async with sm() as s:
        job = await s.get(ScheduledJob, job_id)
        assert job is not None
        return job


async def _remind(session: AsyncSession, clock: FakeClock, text: str) -> int:
    job = await schedule_job(
        session,
        kind="test.remind",
        due_at=clock.now,
        payload={"user_id": 11, "text": text},
    )
    await session.commit()
    assert job.id is not None
    return job.id


async def _texts_to(sm: async_sessionmaker[AsyncSession], chat_id: int) -> list[str]:
    async with sm() as s:
        rows = await s.exec(select(Delivery).where(col(Delivery.chat_id) == chat_id))
        return [d.text for d in rows.all()]


async def test_due_work_runs_while_the_retraining_is_in_progress(
    service: SchedulerService,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    clock: FakeClock,
    trainer: SlowTrainer,
) -> None:
    await add_users(session, [11])
    # last night's 03:30 retraining is due (6.5 hours late, within its day), and a reminder
    await ensure_retraining_scheduled(
        session, now=clock.now - timedelta(hours=12), zone=service.settings.zone
    )
    [retrain] = (
        await session.exec(select(ScheduledJob).where(ScheduledJob.kind == RETRAIN_KIND))
    ).all()
    assert retrain.id is not None and retrain.due_at < clock.now
    first = await _remind(session, clock, "早上好：今天停水")

    # one tick: the retraining starts and the reminder is queued, without waiting for it
    await asyncio.wait_for(service.tick(), timeout=10)
    assert await asyncio.to_thread(trainer.started.wait, 10)
    assert (await _job(sessionmaker, first)).state == JobState.DONE
    assert await _texts_to(sessionmaker, 11) == ["早上好：今天停水"]
    assert (await _job(sessionmaker, retrain.id)).state == JobState.RUNNING
    assert service.runner.in_background == {retrain.id}

    # a day later (far past the claim's lease) the retraining still runs: the sweep keeps it
    # claimed, the next tick runs new due work, and nobody starts a second retraining
    clock.advance(timedelta(days=1))
    assert await service.runner.recover(all_others=False) == 0
    second = await _remind(session, clock, "下午好：明天恢复供水")
    await asyncio.wait_for(service.tick(), timeout=10)
    assert (await _job(sessionmaker, second)).state == JobState.DONE
    assert len(await _texts_to(sessionmaker, 11)) == 2
    assert (await _job(sessionmaker, retrain.id)).state == JobState.RUNNING
    assert trainer.runs == 1

    # the trainer finishes: the job is recorded done, once, and the next night is scheduled
    trainer.release.set()
    await asyncio.wait_for(service.wait_background(), timeout=10)
    assert (await _job(sessionmaker, retrain.id)).state == JobState.DONE
    assert service.runner.in_background == set()
    async with sessionmaker() as s:
        jobs = (await s.exec(select(ScheduledJob).where(ScheduledJob.kind == RETRAIN_KIND))).all()
    assert sorted(j.state for j in jobs) == [JobState.DONE, JobState.PENDING]
    assert trainer.runs == 1


async def test_a_failing_background_job_is_retried(
    service: SchedulerService,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(**_: Any) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(triage_jobs, "retrain", broken)
    await ensure_retraining_scheduled(
        session, now=clock.now - timedelta(hours=12), zone=service.settings.zone
    )
    [retrain] = (
        await session.exec(select(ScheduledJob).where(ScheduledJob.kind == RETRAIN_KIND))
    ).all()
    assert retrain.id is not None
    await service.tick()
    await asyncio.wait_for(service.wait_background(), timeout=10)
    job = await _job(sessionmaker, retrain.id)
    assert job.state == JobState.PENDING and job.due_at > clock.now
    assert "disk full" in (job.last_error or "")
