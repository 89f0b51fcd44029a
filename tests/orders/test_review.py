"""申请复核 in the service: only the request's resident, once, within the window; two taps at
once reopen it once (SQLite and PostgreSQL)."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import AuditEvent, User
from models.orders import LedgerEvent, Request, RequestStatus
from services import orders as svc
from services import requests as req_svc
from services.errors import Conflict, InvalidInput, PermissionDenied
from tests.orders.conftest import T0, World, draft


async def _declined(session: AsyncSession, w: World) -> Request:
    req = (
        await req_svc.file_request(
            session, user=w.resident, draft=draft("楼上装修太吵"), suggestion=None, now=T0
        )
    ).request
    await svc.decline(
        session,
        user=w.staff,
        roles=w.roles(w.staff),
        request_id=req.id or 0,
        reason="请先找物业",
        now=T0,
    )
    return req


async def test_review_reopens_once_for_its_resident_only(
    session: AsyncSession, world: World
) -> None:
    req = await _declined(session, world)
    with pytest.raises(PermissionDenied):  # a forged tap by another resident
        await svc.ask_review(
            session, user=world.resident2, request_id=req.id or 0, reason="x", now=T0
        )
    refused = (
        await session.exec(
            select(AuditEvent.detail).where(col(AuditEvent.actor_id) == world.resident2.id)
        )
    ).all()
    assert "review_not_own" in refused
    with pytest.raises(InvalidInput):  # no reason
        await svc.ask_review(
            session, user=world.resident, request_id=req.id or 0, reason=" ", now=T0
        )
    out = await svc.ask_review(
        session, user=world.resident, request_id=req.id or 0, reason="物业不管", now=T0
    )
    assert out.request is not None and out.request.status == RequestStatus.REOPENED
    assert out.request.closed_at is None
    assert {n.chat_id for n in out.notices} == {world.staff.id, world.grid_staff.id}
    assert all(n.key == "order-notice-review-asked" for n in out.notices)
    # declined again: no second review
    await svc.decline(
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        request_id=req.id or 0,
        reason="已协调",
        now=T0,
    )
    assert await svc.review_refusal(session, req=req, now=T0) == "order-err-review-used"
    with pytest.raises(Conflict):
        await svc.ask_review(
            session, user=world.resident, request_id=req.id or 0, reason="再看看", now=T0
        )
    assert await svc.lately_declined(session, user=world.resident, now=T0) is None


async def test_review_window(session: AsyncSession, world: World) -> None:
    req = await _declined(session, world)
    assert await svc.lately_declined(session, user=world.resident, now=T0) is not None
    later = T0 + timedelta(days=4)  # past the offer for typed words, still reviewable
    assert await svc.lately_declined(session, user=world.resident, now=later) is None
    assert await svc.review_refusal(session, req=req, now=later) is None
    late = T0 + svc.REVIEW_WINDOW + timedelta(minutes=1)
    assert await svc.review_refusal(session, req=req, now=late) == "order-err-review-late"


async def test_two_review_taps_at_once_reopen_it_once(
    sessionmaker: async_sessionmaker[AsyncSession], world: World
) -> None:
    async with sessionmaker() as s:
        req = await _declined(s, world)

    async def tap() -> str:
        async with sessionmaker() as s:
            resident = await s.get(User, world.resident.id)
            assert resident is not None
            try:
                await svc.ask_review(
                    s, user=resident, request_id=req.id or 0, reason="再看看", now=T0
                )
            except Conflict as exc:
                return exc.key
            return "asked"

    results = await asyncio.gather(tap(), tap())
    assert results.count("asked") == 1, results
    async with sessionmaker() as s:
        events = (
            await s.exec(
                select(LedgerEvent).where(
                    col(LedgerEvent.request_id) == req.id,
                    col(LedgerEvent.action) == svc.REVIEW_ACTION,
                )
            )
        ).all()
        assert len(events) == 1
