"""Residents are rate-limited against spam: at most 5 requests in 10 minutes and 20 in 24 hours
(deployment settings); the refusal says when one more is accepted, and nothing is filed. Staff
filing for a resident who phoned or walked in are not limited. Runs on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.settings import load_settings
from handlers.requests import filing_limits
from models.orders import Channel, Request
from services import requests as req_svc
from services.requests import DEFAULT_LIMITS, FilingLimits, TooManyRequests
from tests.orders.conftest import T0, World, draft
from tests.support import FakeClock


async def _file(session: AsyncSession, w: World, clock: FakeClock, **kw: object) -> Request:
    filed = await req_svc.file_request(
        session, user=w.resident, draft=draft(), suggestion=None, now=clock(), **kw
    )
    return filed.request


async def _filed_by_resident(session: AsyncSession, w: World) -> int:
    rows = await session.exec(
        select(func.count()).select_from(Request).where(col(Request.resident_id) == w.resident.id)
    )
    return rows.one()


async def test_five_in_ten_minutes_then_a_polite_wait(session: AsyncSession, world: World) -> None:
    clock = FakeClock(T0)
    for _ in range(5):  # the 5th is still accepted
        await _file(session, world, clock)
        clock.advance(timedelta(minutes=1))
    # the 6th, at 10:05, waits until the first (10:00) is ten minutes old
    with pytest.raises(TooManyRequests) as refused:
        await _file(session, world, clock)
    assert refused.value.key == "order-err-burst"
    assert refused.value.args_ == {"limit": 5, "window": 10, "minutes": 5, "hours": 0}
    assert refused.value.retry_at == T0 + timedelta(minutes=10)
    assert await _filed_by_resident(session, world) == 5  # nothing filed
    clock.set(T0 + timedelta(minutes=9, seconds=30))
    with pytest.raises(TooManyRequests) as still:
        await _file(session, world, clock)
    assert still.value.args_["minutes"] == 1  # half a minute is said as one
    clock.set(T0 + timedelta(minutes=10))  # the first one has left the window
    sixth = await _file(session, world, clock)
    assert sixth.id is not None
    with pytest.raises(TooManyRequests):  # 10:01 … 10:04 and 10:10 are five again
        await _file(session, world, clock)
    assert await _filed_by_resident(session, world) == 6


async def test_twenty_a_day_then_the_wait_in_hours(session: AsyncSession, world: World) -> None:
    clock = FakeClock(T0)
    for _ in range(20):  # one an hour: the burst limit never applies
        await _file(session, world, clock)
        clock.advance(timedelta(hours=1))
    assert clock() == T0 + timedelta(hours=20)
    with pytest.raises(TooManyRequests) as refused:
        await _file(session, world, clock)
    assert refused.value.key == "order-err-too-many"
    assert refused.value.args_ == {"limit": 20, "window": 1440, "minutes": 240, "hours": 4}
    assert refused.value.retry_at == T0 + timedelta(days=1)
    clock.set(T0 + timedelta(days=1) - timedelta(minutes=30))
    with pytest.raises(TooManyRequests) as soon:
        await _file(session, world, clock)
    assert (soon.value.args_["minutes"], soon.value.args_["hours"]) == (30, 0)
    clock.set(T0 + timedelta(days=1))
    await _file(session, world, clock)
    assert await _filed_by_resident(session, world) == 21


async def test_when_both_limits_are_reached_the_later_moment_is_said(
    session: AsyncSession, world: World
) -> None:
    clock = FakeClock(T0)
    limits = FilingLimits(burst=3, burst_window=timedelta(minutes=10), daily=3)
    for _ in range(3):
        await _file(session, world, clock, limits=limits)
    with pytest.raises(TooManyRequests) as refused:
        await _file(session, world, clock, limits=limits)
    assert refused.value.key == "order-err-too-many"
    assert refused.value.retry_at == T0 + timedelta(days=1)


async def test_limits_come_from_the_caller(session: AsyncSession, world: World) -> None:
    """A deployment (or a bench filing in bulk) sets its own limits."""
    clock = FakeClock(T0)
    many = FilingLimits(burst=100, daily=100)
    for _ in range(30):
        await _file(session, world, clock, limits=many)
    assert await _filed_by_resident(session, world) == 30
    with pytest.raises(TooManyRequests):  # the default limits would refuse the 31st
        await _file(session, world, clock)


async def test_staff_filing_for_a_resident_is_not_limited(
    session: AsyncSession, world: World
) -> None:
    clock = FakeClock(T0)
    for _ in range(5):
        await _file(session, world, clock)
    assert world.building.id is not None
    for i in range(25):  # more than either limit, from one staff member, at the same moment
        filed = await req_svc.file_on_behalf(
            session,
            staff=world.staff,
            roles=world.roles(world.staff),
            building_id=world.building.id,
            room="302",
            contact_name="周阿姨",
            contact_phone=None,
            channel=Channel.PHONE,
            draft=draft(f"电话反映{i}"),
            suggestion=None,
            now=clock(),
        )
        assert filed.request.resident_id is None
    # and what staff filed does not count against the resident either way
    with pytest.raises(TooManyRequests) as refused:
        await _file(session, world, clock)
    assert refused.value.args_["minutes"] == 10


def test_the_settings_set_the_limits() -> None:
    defaults = load_settings(bot_token="0:x")
    assert (
        filing_limits(defaults)
        == DEFAULT_LIMITS
        == FilingLimits(burst=5, burst_window=timedelta(minutes=10), daily=20)
    )
    custom = load_settings(
        bot_token="0:x", request_burst_limit=3, request_burst_minutes=30, request_daily_limit=8
    )
    assert filing_limits(custom) == FilingLimits(
        burst=3, burst_window=timedelta(minutes=30), daily=8
    )
