"""QA D29: a decision becomes an order at the place it names, with the category staff saw."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel.ext.asyncio.session import AsyncSession

from models.consultations import AudienceKind
from services import meetings
from services.consult_common import Notifier
from tests.consult.conftest import World
from tests.consult.test_meetings import START, published


async def minuted(
    session: AsyncSession, world: World, notifier: Notifier, decision: str, **changes: object
) -> int:
    """A meeting with minutes and one decision; returns the decision id."""
    meeting = await published(session, world, notifier, **changes)
    await meetings.publish_minutes(
        session,
        user=world.staff,
        roles=world.staff_roles,
        meeting_id=meeting.id or 0,
        minutes="到会30人。",
        decisions=[decision],
        now=START + timedelta(hours=2),
        notifier=notifier,
    )
    return (await meetings.decisions_of(session, meeting_id=meeting.id or 0))[0].id or 0


async def test_the_plan_uses_the_building_the_decision_names(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    decision_id = await minuted(session, world, notifier, "在5号楼旁增设8个电动车充电桩")
    plan = await meetings.decision_order_plan(
        session,
        user=world.staff,
        roles=world.staff_roles,
        decision_id=decision_id,
        category="parking_traffic",
    )
    assert (plan.building.id, plan.grid_name) == (world.b5.id, "第二网格")
    assert plan.title == "在5号楼旁增设8个电动车充电桩" and plan.category == "parking_traffic"


async def test_without_a_named_building_the_audience_decides(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    decision_id = await minuted(
        session,
        world,
        notifier,
        "增设休息座椅",
        audience_kind=AudienceKind.GRIDS,
        audience_ids=(world.grid2.id,),
    )
    plan = await meetings.decision_order_plan(
        session, user=world.staff, roles=world.staff_roles, decision_id=decision_id, title="座椅"
    )
    assert plan.building.id == world.b5.id and plan.title == "座椅"


async def test_the_order_gets_the_confirmed_title_category_and_place(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    from models.orders import Order, Request

    if not notifier.texts.has("order-notice-new"):  # type: ignore[attr-defined]
        pytest.skip("the order cycle's texts are not in bot/locales")
    decision_id = await minuted(session, world, notifier, "在5号楼旁增设8个电动车充电桩")
    done = await meetings.decision_to_order(
        session,
        user=world.staff,
        roles=world.staff_roles,
        decision_id=decision_id,
        now=START + timedelta(hours=3),
        texts=notifier.texts,
        category="parking_traffic",
        title="5号楼充电桩",
    )
    order = await session.get(Order, done.order_id)
    assert order is not None and order.title == "5号楼充电桩"
    request = await session.get(Request, order.request_id)
    assert request is not None
    assert request.category == "parking_traffic" and request.building_id == world.b5.id
