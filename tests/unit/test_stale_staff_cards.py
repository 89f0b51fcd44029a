"""Staff cards held for the night (verify a resident, review an application) are not sent once
a colleague settled the matter (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import Role
from models.scheduling import Delivery, DeliveryState
from services import members, users
from services.delivery import enqueue
from tests.unit.test_people_services import _application, _org, _user

NIGHT = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)  # 23:00 in Shanghai


async def _states(session: AsyncSession, kind: str) -> list[str]:
    rows = await session.exec(
        select(Delivery.state).where(col(Delivery.kind) == kind).order_by(col(Delivery.id))
    )
    return list(rows.all())


async def test_review_cards_of_a_reviewed_application_are_cancelled(
    session: AsyncSession,
) -> None:
    profile = await _application(session, 20)
    admin_a = await _user(session, 1, Role.ADMIN)
    await _user(session, 2, Role.ADMIN)
    for staff_id in (1, 2):  # what handlers.members queues, held until 07:00
        await enqueue(
            session,
            chat_id=staff_id,
            text="审核",
            kind="member-review",
            matter=members.review_matter(profile.user_id),
            now=NIGHT,
        )
    await session.commit()
    assert await _states(session, "member-review") == [DeliveryState.PENDING] * 2
    await members.review(
        session, reviewer=admin_a, roles={Role.ADMIN}, member_id=profile.user_id, approve=True
    )
    assert await _states(session, "member-review") == [DeliveryState.CANCELLED] * 2


async def test_verify_cards_are_cancelled_when_a_colleague_verifies(
    session: AsyncSession,
) -> None:
    building = (await _org(session))["1号楼"]
    resident = await _user(session, 30)
    await users.give_consent(session, user=resident)
    await users.register_address(
        session,
        user=resident,
        community_id=building.community_id,
        grid_id=building.grid_id,
        building_id=building.id or 0,
        room="301",
    )
    admin = await _user(session, 1, Role.ADMIN)
    for staff_id in (1, 2):
        await enqueue(
            session,
            chat_id=staff_id,
            text="新居民登记",
            kind="resident-verify",
            matter=users.verify_matter(resident.id),
            now=NIGHT,
        )
    await session.commit()
    assert await _states(session, "resident-verify") == [DeliveryState.PENDING] * 2
    await users.verify_resident(session, staff=admin, roles={Role.ADMIN}, resident_id=30)
    assert await _states(session, "resident-verify") == [DeliveryState.CANCELLED] * 2
