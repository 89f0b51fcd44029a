"""Staff giving a place on an order to a member in words ('00001 派给刘师傅', '把G00002指派给
赵医生', 'assign G00002 to 赵敏'): the order with a free place the number leads to and the
eligible members the name fits, for 👤 指派 to be confirmed with one tap (services.orders.
assign_order); a request not yet ordered is said to need 📤 派单 first."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlmodel.ext.asyncio.session import AsyncSession

from models import MemberProfile, Role, User
from models.orders import Order, OrderStatus, Request
from services import orders as order_service
from services.order_common import is_staff_for
from services.praise import names_member


@dataclass(frozen=True)
class AssignTarget:
    """Where a typed assignment leads. Nothing set: no such number this staff member may act
    on. `request` alone: a request with no order yet (派单 first). `full`: its order has no
    free place (claimed, done, cancelled). `order`: an order with a free place, with the
    members it may go to (`eligible`) and those of them the name fits (`named`)."""

    request: Request | None = None
    order: Order | None = None
    full: Order | None = None
    eligible: tuple[MemberProfile, ...] = ()
    named: tuple[MemberProfile, ...] = ()


async def assign_target(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    order_number: int | None = None,
    request_number: int | None = None,
    name: str,
    now: datetime,
) -> AssignTarget:
    """The order (by its number, or the request's newest order with a free place) and the
    eligible members named `name` — by the name they signed up with, their chat name, or their
    surname with a title ('刘师傅')."""
    if order_number is not None:
        found = await order_service.look_up(session, user=user, roles=roles, order_id=order_number)
        order = found.order
        if order is None or not await is_staff_for(session, user=user, roles=roles, obj=order):
            return AssignTarget()
    else:
        looked = await order_service.look_up(
            session, user=user, roles=roles, request_id=request_number
        )
        if looked.request is None or not looked.as_staff or looked.request.id is None:
            return AssignTarget()
        orders = await order_service.orders_of_request(session, request_id=looked.request.id)
        if not orders:
            return AssignTarget(request=looked.request)
        free = [o for o in orders if o.status == OrderStatus.OPEN]
        order = free[0] if free else orders[0]
    if order.status != OrderStatus.OPEN or order.id is None:
        return AssignTarget(full=order)
    eligible = await order_service.eligible_members(
        session, user=user, roles=roles, order_id=order.id, now=now
    )
    named = []
    for member in eligible:
        account = await session.get(User, member.user_id)
        if account is not None and names_member(name, member, account):
            named.append(member)
    return AssignTarget(order=order, eligible=tuple(eligible), named=tuple(named))
