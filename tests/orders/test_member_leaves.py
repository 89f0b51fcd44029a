"""A member who deletes their data while holding a claim gives it back; staff are told (QA D54)."""

from __future__ import annotations

from sqlmodel.ext.asyncio.session import AsyncSession

from models.orders import OrderStatus
from services import orders as svc
from services import requests as req_svc
from tests.orders.conftest import T0, World, draft


async def test_claims_are_released_and_staff_told(session: AsyncSession, world: World) -> None:
    filed = await req_svc.file_request(
        session, user=world.resident, draft=draft(), suggestion=None, now=T0
    )
    out = await svc.issue_order(
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        request_id=filed.request.id or 0,
        spec=svc.OrderSpec(members_needed=1, points=5),
        now=T0,
    )
    assert out.order is not None
    oid = out.order.id or 0
    member_roles = world.roles(world.member)
    await svc.claim_order(session, user=world.member, roles=member_roles, order_id=oid, now=T0)
    notices = await svc.release_all_claims(
        session, user=world.member, roles=member_roles, reason="接单人删除了个人信息", now=T0
    )
    order = await svc.get_order(session, oid)
    assert order.status == OrderStatus.OPEN and order.claimed_count == 0
    assert any(n.chat_id == world.staff.id and n.key == "order-notice-released" for n in notices)
    assert await svc.my_claims(session, user=world.member) == []
