"""电话回访 in the service: staff of the matter's place only (another community's staff and a
resident are refused and logged); only a done matter; recorded as the resident's rating."""

from __future__ import annotations

import pytest
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import AuditEvent
from models.orders import LedgerEvent, Request, RequestStatus, Score
from services import orders as svc
from services import requests as req_svc
from services.errors import Conflict, PermissionDenied
from tests.orders.conftest import T0, World, draft


async def _done(session: AsyncSession, w: World) -> Request:
    req = (
        await req_svc.file_request(
            session, user=w.resident, draft=draft("楼道扶手松了"), suggestion=None, now=T0
        )
    ).request
    roles = w.roles(w.staff)
    await svc.handle_directly(session, user=w.staff, roles=roles, request_id=req.id or 0, now=T0)
    await svc.staff_result(
        session, user=w.staff, roles=roles, request_id=req.id or 0, note="已修好", now=T0
    )
    return req


async def test_only_staff_of_the_place_record_a_phone_rating(
    session: AsyncSession, world: World
) -> None:
    req = await _done(session, world)
    for user in (world.other_staff, world.resident2):
        with pytest.raises(PermissionDenied):
            await svc.rate_by_phone(
                session,
                user=user,
                roles=world.roles(user),
                request_id=req.id or 0,
                score=Score.SATISFIED,
                comment=None,
                now=T0,
            )
        refused = (
            await session.exec(
                select(AuditEvent.detail).where(col(AuditEvent.actor_id) == user.id)
            )
        ).all()
        assert "rate_by_phone" in refused
    out = await svc.rate_by_phone(
        session,
        user=world.grid_staff,
        roles=world.roles(world.grid_staff),
        request_id=req.id or 0,
        score=Score.SATISFIED,
        comment="很满意",
        now=T0,
    )
    assert out.request is not None and out.request.status == RequestStatus.RESOLVED
    [event] = (
        await session.exec(
            select(LedgerEvent).where(
                col(LedgerEvent.request_id) == req.id, col(LedgerEvent.action) == "rate_satisfied"
            )
        )
    ).all()
    assert event.actor_id == world.grid_staff.id and event.note.startswith(svc.PHONE_RATING_NOTE)
    # rated already: a second call's record is refused, as a second tap of the resident's
    with pytest.raises(Conflict):
        await svc.rate_by_phone(
            session,
            user=world.staff,
            roles=world.roles(world.staff),
            request_id=req.id or 0,
            score=Score.UNSATISFIED,
            comment=None,
            now=T0,
        )
