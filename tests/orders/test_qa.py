"""QA findings on the order cycle, as service tests on SQLite and PostgreSQL (see notes/QA.md)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.orders import Rating, Request, Score
from services import orders as svc
from services import requests as req_svc
from services.errors import PermissionDenied
from tests.orders.conftest import T0, World, draft


async def _file(session: AsyncSession, w: World, text: str, **kw: object) -> Request:
    out = await req_svc.file_request(
        session, user=w.resident, draft=draft(text, **kw), suggestion=None, now=T0
    )
    return out.request


async def _done_directly(session: AsyncSession, w: World, req: Request, note: str) -> svc.Outcome:
    roles = w.roles(w.staff)
    await svc.handle_directly(session, user=w.staff, roles=roles, request_id=req.id or 0, now=T0)
    return await svc.staff_result(
        session,
        user=w.staff,
        roles=roles,
        request_id=req.id or 0,
        note=note,
        now=T0 + timedelta(hours=2),
    )


async def test_rating_stored_first_then_the_comment_is_added(
    session: AsyncSession, world: World
) -> None:
    """QA D24: the score is a rating on its own; a later comment joins it."""
    req = await _file(session, world, "3号楼楼道灯坏了")
    await _done_directly(session, world, req, "已换灯泡")
    await svc.rate(
        session,
        user=world.resident,
        request_id=req.id or 0,
        score=Score.SATISFIED,
        comment=None,
        now=T0 + timedelta(hours=3),
    )
    await svc.comment_rating(
        session,
        user=world.resident,
        request_id=req.id or 0,
        comment="师傅很耐心",
        now=T0 + timedelta(hours=3, minutes=1),
    )
    [rating] = (await session.exec(select(Rating))).all()
    assert (rating.score, rating.comment) == ("satisfied", "师傅很耐心")
    with pytest.raises(PermissionDenied):
        await svc.comment_rating(
            session,
            user=world.resident2,
            request_id=req.id or 0,
            comment="不是我的",
            now=T0 + timedelta(hours=4),
        )
