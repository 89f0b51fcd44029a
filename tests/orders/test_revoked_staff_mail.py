"""Someone whose staff role is taken away at night (the admin's 撤销 button, `linli revoke`) is
not sent the staff cards held for them until the morning: new requests, a sign-up to review, a
resident to verify, the digest. Their own news as a resident still goes. A member suspended at
night is not sent the offers held for them. SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import Role, StaffScope
from models.scheduling import Delivery, DeliveryState
from services import delivery
from services import members as member_svc
from services import orders as svc
from services import requests as req_svc
from services import staff as staff_svc
from services.order_common import Notice, use_outbox
from services.order_notices import deliver
from services.users import verify_matter
from tests.orders.conftest import World, draft

NIGHT = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)  # 23:00 in Shanghai: quiet hours


class Texts:
    """Renders a notice as its key (the wording is not under test here)."""

    def get(self, lang: str, key: str, /, **args: object) -> str:
        return key


def _outbox(session: AsyncSession) -> None:
    async def sink(notices: Sequence[Notice]) -> int:
        return await deliver(
            session, notices, texts=Texts(), default_language="zh-Hans", now=NIGHT
        )

    use_outbox(session, sink)


async def _mail(session: AsyncSession, chat_id: int) -> dict[str, str]:
    """What waits for (or went to) someone: text key → state."""
    rows = await session.exec(
        select(Delivery)
        .where(col(Delivery.chat_id) == chat_id)
        .execution_options(populate_existing=True)
    )
    return {d.kind if d.kind != "notice" else str(d.matter): d.state for d in rows.all()}


async def _file(session: AsyncSession, world: World, resident_id: int) -> int:
    user = world.resident if resident_id == world.resident.id else world.grid_staff
    filed = await req_svc.file_request(
        session,
        user=user,
        draft=draft("3号楼楼道灯坏了，晚上很黑"),
        suggestion=None,
        now=NIGHT,
        outbox=session.info["linli.outbox"],
    )
    return filed.request.id or 0


async def test_a_revoked_grid_worker_gets_no_held_staff_cards_but_their_own_news(
    session: AsyncSession, world: World
) -> None:
    _outbox(session)
    worker = world.grid_staff  # 网格员 of 第一网格, who lives there too
    worker.community_id, worker.grid_id = world.community.id, world.grid.id
    worker.building_id, worker.room, worker.consent_at = world.building.id, "101", NIGHT
    await session.commit()
    own = await _file(session, world, worker.id)
    await svc.issue_order(  # their own request is taken up: they are told, as its resident
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        request_id=own,
        spec=svc.OrderSpec(members_needed=1, points=15),
        now=NIGHT,
    )
    await _file(session, world, world.resident.id)  # a neighbour's: a card for each staff
    # as the handlers queue them: a resident to verify, a sign-up to review (services.users,
    # services.members name these matters)
    for kind, matter in (("notice", verify_matter(201)), ("notice", "member:300:pending")):
        await delivery.enqueue(
            session,
            chat_id=worker.id,
            text="card",
            kind=kind,
            community_id=world.community.id,
            matter=matter,
            now=NIGHT,
        )
    for kind, dedupe in (("digest", "digest:1:101"), ("topic", "topic:5:new:101")):
        await delivery.enqueue(  # the weekly digest; a topic a resident proposed (topics.propose)
            session,
            chat_id=worker.id,
            text=kind,
            kind=kind,
            community_id=world.community.id,
            dedupe_key=dedupe,
            now=NIGHT,
        )
    await session.commit()
    held = await _mail(session, worker.id)
    assert held["order-notice-new"] == DeliveryState.PENDING  # held until 07:00
    assert held["order-notice-ordered"] == DeliveryState.PENDING
    await staff_svc.revoke(
        session, telegram_id=worker.id, role=Role.STAFF, community_id=world.community.id
    )
    after = await _mail(session, worker.id)
    assert after == {
        "order-notice-new": DeliveryState.CANCELLED,
        "resident:201:unverified": DeliveryState.CANCELLED,
        "member:300:pending": DeliveryState.CANCELLED,
        "digest": DeliveryState.CANCELLED,
        "topic": DeliveryState.CANCELLED,
        "order-notice-ordered": DeliveryState.PENDING,  # about their own request: still goes
    }
    # the colleague who is still staff gets theirs
    assert (await _mail(session, world.staff.id))["order-notice-new"] == DeliveryState.PENDING


async def test_revoked_in_one_community_still_gets_the_staff_mail_of_the_other(
    session: AsyncSession, world: World
) -> None:
    session.add(StaffScope(user_id=world.staff.id, community_id=world.other_community.id or 0))
    for cid in (world.community.id, world.other_community.id):
        await delivery.enqueue(
            session,
            chat_id=world.staff.id,
            text="digest",
            kind="digest",
            community_id=cid,
            dedupe_key=f"digest:{cid}:{world.staff.id}",
            now=NIGHT,
        )
    await session.commit()
    await staff_svc.revoke(
        session, telegram_id=world.staff.id, role=Role.STAFF, community_id=world.community.id
    )
    rows = (
        await session.exec(
            select(Delivery)
            .where(col(Delivery.chat_id) == world.staff.id)
            .execution_options(populate_existing=True)
        )
    ).all()
    assert {d.community_id: d.state for d in rows} == {
        world.community.id: DeliveryState.CANCELLED,
        world.other_community.id: DeliveryState.PENDING,
    }


async def test_a_member_suspended_at_night_gets_no_held_offers(
    session: AsyncSession, world: World
) -> None:
    _outbox(session)
    suspended = world.member  # also staff of the community: their staff cards still go
    suspended.set_roles(set(suspended.role_set) | {Role.STAFF})
    session.add(StaffScope(user_id=suspended.id, community_id=world.community.id or 0))
    req = await _file(session, world, world.resident.id)
    out = await svc.issue_order(
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        request_id=req,
        spec=svc.OrderSpec(members_needed=1, points=15),
        now=NIGHT,
    )
    assert out.order is not None
    await delivery.enqueue(  # nobody claimed it: staff are asked to see to it (escalate_unclaimed)
        session,
        chat_id=suspended.id,
        text="escalated",
        kind="order-notice-escalated",
        community_id=world.community.id,
        matter=f"order:{out.order.id}:open",
        now=NIGHT,
    )
    await session.commit()
    offers = {
        m: (await _mail(session, m)).get("order-notice-offer")
        for m in (suspended.id, world.member3.id)
    }
    assert set(offers.values()) == {DeliveryState.PENDING}  # held until 07:00
    await member_svc.set_suspended(
        session,
        actor=world.staff,
        roles=world.roles(world.staff),
        member_id=suspended.id,
        suspended=True,
        reason="已搬离本社区",
    )
    mail = await _mail(session, suspended.id)
    assert mail["order-notice-offer"] == DeliveryState.CANCELLED
    assert mail["order-notice-escalated"] == DeliveryState.PENDING
    assert (await _mail(session, world.member3.id))["order-notice-offer"] == DeliveryState.PENDING
