"""A long job (the nightly retraining) runs beside the tick: other due work does not wait; stopped
midway it runs again at the next start, and its model is swapped in whole."""

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
from services.jobs import pending_jobs, schedule_job
from services.triage import jobs as triage_jobs
from services.triage.deployment import deployment_model_dir, load_triage
from services.triage.jobs import RETRAIN_KIND, ensure_retraining_scheduled
from services.triage.training import retrain as real_retrain
from tests.scheduler.conftest import add_users
from tests.support import FakeClock
from tests.triage.test_jobs import _custom_deployment as triage_deployment


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


class InterruptibleTrainer:
    """The real retraining, held at its start until the test lets it go on."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.release = threading.Event()
        self.finished = threading.Event()
        self.outcomes: list[str] = []

    def __call__(self, **kwargs: Any) -> Any:
        self.started.set()
        self.release.wait(timeout=60)
        try:
            report = real_retrain(**kwargs)
        except Exception as exc:
            self.outcomes.append(type(exc).__name__)
            raise
        finally:
            self.finished.set()
        self.outcomes.append("trained")
        return report


async def test_a_retraining_stopped_midway_runs_again_at_the_next_start(
    engine: AsyncEngine,
    sessionmaker: async_sessionmaker[AsyncSession],
    session: AsyncSession,
    translator: Translator,
    clock: FakeClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data_dir = tmp_path / "data"
    # its own two categories (roads, other) and examples: trains in a moment (jieba's cache cold)
    triage_deployment(data_dir, jieba_cache=tmp_path / "no-cache")
    emu = Emulator(limits=False)
    await emu.start()
    settings = Settings(bot_token=SANDBOX_TOKEN, bot_api_base=emu.base_url, data_dir=data_dir)
    bots = []

    def scheduler() -> SchedulerService:  # a process of the bot: a worker name of its own
        bots.append(make_bot(settings))
        return SchedulerService(
            settings=settings,
            engine=engine,
            sessionmaker=sessionmaker,
            bot=bots[-1],
            texts=translator,
            clock=clock,
        )

    first_run, second_run = InterruptibleTrainer(), InterruptibleTrainer()
    trainers = iter([first_run, second_run])
    monkeypatch.setattr(triage_jobs, "retrain", lambda **kw: next(trainers)(**kw))
    try:
        await ensure_retraining_scheduled(
            session, now=clock.now - timedelta(hours=12), zone=settings.zone
        )
        [job] = (
            await session.exec(select(ScheduledJob).where(ScheduledJob.kind == RETRAIN_KIND))
        ).all()
        assert job.id is not None
        due = job.due_at

        # the retraining starts; the bot stops while it trains
        before = scheduler()
        await asyncio.wait_for(before.tick(), timeout=10)
        assert await asyncio.to_thread(first_run.started.wait, 10)
        assert (await _job(sessionmaker, job.id)).state == JobState.RUNNING
        await asyncio.wait_for(before.stop(), timeout=10)

        # not done: back in the queue, due as it was, the interrupted run not counted
        stopped = await _job(sessionmaker, job.id)
        assert stopped.state == JobState.PENDING
        assert stopped.claimed_by is None and stopped.attempts == 0
        assert stopped.due_at == due
        # the stopped run's thread goes on to its next step, sees the stop and writes nothing
        first_run.release.set()
        assert await asyncio.to_thread(first_run.finished.wait, 60)
        assert first_run.outcomes == ["TrainingCancelled"]
        assert deployment_model_dir(data_dir) is None

        # an hour later the bot starts again: the retraining runs again and its model is used
        clock.advance(timedelta(hours=1))
        after = scheduler()
        await after.runner.recover()
        second_run.release.set()
        report = await asyncio.wait_for(after.run_due(), timeout=10)
        assert report.started == [job.id]
        await asyncio.wait_for(after.wait_background(), timeout=120)
        assert second_run.outcomes == ["trained"]
        assert (await _job(sessionmaker, job.id)).state == JobState.DONE
        assert await pending_jobs(session, key=RETRAIN_KIND)  # and the next night's
        triage = load_triage(data_dir=data_dir)
        assert triage.labels == ["other", "roads"]
        assert triage.analyze("路上有个坑").category == "roads"
        await after.stop()
    finally:
        first_run.release.set()
        second_run.release.set()
        for bot in bots:
            await bot.session.close()
        await emu.stop()
