"""Numbers a resident types into a request stay hidden from members until they claim it."""

from __future__ import annotations

from sqlmodel.ext.asyncio.session import AsyncSession

from services import orders as svc
from services import requests as req_svc
from tests.orders.conftest import T0, World, draft


async def test_phone_in_text_is_masked_for_members_before_claiming(
    session: AsyncSession, world: World
) -> None:
    filed = await req_svc.file_request(
        session,
        user=world.resident,
        draft=draft("楼道灯坏了，很危险，电话13912345678"),
        suggestion=None,
        now=T0,
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
    before = await svc.order_view(
        session, user=world.member, roles=world.roles(world.member), order_id=oid
    )
    assert "13912345678" not in before.text and "139****5678" in before.text
    staff_view = await svc.order_view(
        session, user=world.staff, roles=world.roles(world.staff), order_id=oid
    )
    assert "13912345678" in staff_view.text
    await svc.claim_order(
        session, user=world.member, roles=world.roles(world.member), order_id=oid, now=T0
    )
    after = await svc.order_view(
        session, user=world.member, roles=world.roles(world.member), order_id=oid
    )
    assert "13912345678" in after.text
