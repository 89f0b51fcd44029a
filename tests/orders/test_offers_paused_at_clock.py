"""Offers made again when staff change an order's area (📍 改地点) or urgency read a member's own
pause (暂停接单) at the time of the change — the clock the service is given — not at the real
time: a member paused past that moment gets none. SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from sqlalchemy import update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Translator
from models import MemberProfile, MemberStatus, User
from models.scheduling import Delivery, DeliveryState
from services import orders as svc
from services import requests as req_svc
from services import staff_place, staff_urgency
from services.order_common import Notice, use_outbox
from services.order_notices import deliver
from tests.orders.conftest import T0, World, draft

NIGHT = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)  # 23:00 in Shanghai: quiet hours


def _outbox(session: AsyncSession, now: datetime) -> None:
    texts = Translator()

    async def sink(notices: Sequence[Notice]) -> int:
        return await deliver(session, notices, texts=texts, default_language="zh-Hans", now=now)

    use_outbox(session, sink)


async def _pause(session: AsyncSession, uid: int, *, at: datetime) -> None:
    """The member paused themselves at `at` for a day (long over by the real time)."""
    profile = await session.get(MemberProfile, uid)
    assert profile is not None
    profile.paused_at, profile.paused_until = at, at + timedelta(days=1)
    await session.commit()


async def _offers(session: AsyncSession, *, after: int = 0) -> list[Delivery]:
    rows = await session.exec(
        select(Delivery)
        .where(col(Delivery.id) > after, col(Delivery.kind).like("order-notice-offer%"))
        .order_by(col(Delivery.id))
        .execution_options(populate_existing=True)
    )
    return list(rows.all())


async def test_an_order_moved_to_a_paused_members_grid_is_not_offered_to_them(
    session: AsyncSession, world: World
) -> None:
    w = world
    # 第二网格's electrician, who paused himself this morning for a day
    session.add(User(id=304, first_name="u304", created_at=T0, last_seen_at=T0))
    await session.flush()
    session.add(
        MemberProfile(
            user_id=304,
            real_name="党员304",
            work_unit="单位",
            phone="13700137000",
            skills="electrical",
            community_id=w.community.id or 0,
            grid_id=w.grid2.id,
            status=MemberStatus.APPROVED,
        )
    )
    await session.commit()
    await _pause(session, 304, at=T0 - timedelta(hours=1))
    _outbox(session, T0)
    filed = await req_svc.file_request(
        session, user=w.resident, draft=draft("门口的下水道堵了"), suggestion=None, now=T0
    )
    issued = await svc.issue_order(
        session,
        user=w.staff,
        roles=w.roles(w.staff),
        request_id=filed.request.id or 0,
        spec=svc.OrderSpec(),
        now=T0,
    )
    assert issued.order is not None
    await session.exec(
        update(Delivery)
        .where(col(Delivery.kind) == "order-notice-offer")
        .values(state=DeliveryState.SENT, message_ids="7")
    )  # type: ignore[call-overload]
    await session.commit()
    before = max((d.id or 0 for d in await _offers(session)), default=0)

    await staff_place.move_place(
        session,
        user=w.staff,
        roles=w.roles(w.staff),
        request_id=filed.request.id or 0,
        building_id=w.building2.id or 0,
        now=T0 + timedelta(minutes=5),
    )

    moved = await _offers(session, after=before)
    assert moved  # 第一网格's electrician reads it left his area
    assert 304 not in {d.chat_id for d in moved}  # paused at that time: no offer


async def test_unmarked_offers_are_not_queued_again_for_a_member_paused_since(
    session: AsyncSession, world: World
) -> None:
    _outbox(session, NIGHT)
    filed = await req_svc.file_request(
        session,
        user=world.resident,
        draft=draft("楼道里有股煤气味，不知道是不是漏气", urgent=True),
        suggestion=None,
        now=NIGHT,
        outbox=session.info["linli.outbox"],
    )
    issued = await svc.issue_order(
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        request_id=filed.request.id or 0,
        spec=svc.OrderSpec(),
        now=NIGHT,
    )
    assert issued.order is not None
    first = await _offers(session)
    assert world.member.id in {o.chat_id for o in first}
    # 党员300 paused a minute later (the row written as a pause from elsewhere would be)
    await _pause(session, world.member.id or 0, at=NIGHT + timedelta(minutes=1))

    out = await staff_urgency.set_urgency(
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        request_id=filed.request.id or 0,
        urgent=False,
        now=NIGHT + timedelta(minutes=3),
    )

    assert out.changed
    again = [o for o in await _offers(session) if o.state == DeliveryState.PENDING]
    assert again  # the others get it again, without 🚨
    assert world.member.id not in {o.chat_id for o in again}
