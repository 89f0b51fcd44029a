"""A job kind commits at most once: its change and its notices land together or not at all."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.orders import LedgerEvent
from models.scheduling import Delivery, JobState, ScheduledJob
from scheduler.runner import JobRunner
from services import order_jobs
from services import orders as svc
from services import requests as req_svc
from tests.orders.conftest import T0, World, draft
from tests.support import FakeClock, count_commits_per_job


@pytest.fixture
def commits_per_job(engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """ "kind:N" for every job run: N database commits during it."""
    with count_commits_per_job(engine, monkeypatch) as seen:
        yield seen


async def _actions(sm: async_sessionmaker[AsyncSession], request_id: int) -> list[str]:
    async with sm() as s:
        rows = await s.exec(
            select(LedgerEvent.action).where(col(LedgerEvent.request_id) == request_id)
        )
        return list(rows.all())


async def test_every_order_job_commits_once(
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    world: World,
    runner: JobRunner,
    clock: FakeClock,
    commits_per_job: list[str],
) -> None:
    req = (
        await req_svc.file_request(
            session, user=world.resident, draft=draft(), suggestion=None, now=T0
        )
    ).request
    order = (
        await svc.issue_order(
            session,
            user=world.staff,
            roles=world.roles(world.staff),
            request_id=req.id or 0,
            spec=svc.OrderSpec(),
            now=T0,
        )
    ).order
    assert order is not None
    # re-offer, escalate, deadline near and overdue, each in its own run
    for hours in (12.1, 24.2, 43, 49):
        clock.set(T0 + timedelta(hours=hours))
        await runner.run_due()
    ran = {entry.rsplit(":", 1)[0] for entry in commits_per_job}
    assert {"order.unclaimed", "order.deadline_near", "order.deadline"} <= ran
    assert commits_per_job and all(entry.endswith(":1") for entry in commits_per_job), (
        commits_per_job
    )
    assert {"reoffer", "escalate", "overdue"} <= set(await _actions(sessionmaker, req.id or 0))


async def test_a_failure_before_the_notices_keeps_no_half_of_the_job(
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    world: World,
    runner: JobRunner,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    req = (
        await req_svc.file_request(
            session, user=world.resident, draft=draft(), suggestion=None, now=T0
        )
    ).request
    order = (
        await svc.issue_order(
            session,
            user=world.staff,
            roles=world.roles(world.staff),
            request_id=req.id or 0,
            spec=svc.OrderSpec(),
            now=T0,
        )
    ).order
    assert order is not None and order.id is not None
    key = f"order-{order.id}-unclaimed"

    async def outbox_down(*_: Any, **__: Any) -> int:
        raise RuntimeError("outbox unavailable")

    # the re-offer's change is made, then queuing its notices fails: the job is retried and
    # nothing of it stays (no ledger event, no next round without the offers that go with it)
    monkeypatch.setattr(order_jobs, "deliver", outbox_down)
    clock.set(T0 + timedelta(hours=12, minutes=1))
    report = await runner.run_due()
    assert report.retried and not report.done
    assert "reoffer" not in await _actions(sessionmaker, req.id or 0)
    async with sessionmaker() as s:
        pending = (
            await s.exec(
                select(ScheduledJob).where(
                    ScheduledJob.key == key, ScheduledJob.state == JobState.PENDING
                )
            )
        ).all()
        assert [j.payload.get("round", 1) for j in pending] == [1]
        offers = (
            await s.exec(select(Delivery).where(col(Delivery.text).contains("还在等人接")))
        ).all()
        assert offers == []
    # the outbox is back: the retry does the whole re-offer at once
    monkeypatch.undo()
    clock.advance(timedelta(minutes=5))
    report = await runner.run_due()
    assert report.done
    assert "reoffer" in await _actions(sessionmaker, req.id or 0)
    async with sessionmaker() as s:
        offers = (
            await s.exec(select(Delivery).where(col(Delivery.text).contains("还在等人接")))
        ).all()
        assert {d.chat_id for d in offers} == {
            world.member.id,
            world.member2.id,
            world.member3.id,
        }
        pending = (
            await s.exec(
                select(ScheduledJob).where(
                    ScheduledJob.key == key, ScheduledJob.state == JobState.PENDING
                )
            )
        ).all()
        assert [j.payload.get("round") for j in pending] == [2]
