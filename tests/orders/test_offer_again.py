"""An order offered again ('还在等人接': a claim given back, or nobody having claimed it in time)
is offered in one message per member's chat (SQLite and PostgreSQL): the older offer of it that
went out loses ✋ 接单 and points to the newest (an edit queued, tagged so that later redraws
leave it); a member whose first offer has not gone yet gets no second one. Before, the old
offer was redrawn with ✋ 接单 and the new one came as well."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.orders import Order
from models.scheduling import Delivery, DeliveryState
from services import orders as svc
from services import requests as req_svc
from services.order_common import Notice, use_outbox
from services.order_notices import deliver
from tests.orders.conftest import T0, World, draft


class Texts:
    """Renders a notice as its key (the wording is not under test here)."""

    def get(self, lang: str, key: str, /, **args: object) -> str:
        return key


def _outbox(session: AsyncSession) -> None:
    async def sink(notices: Sequence[Notice]) -> int:
        return await deliver(session, notices, texts=Texts(), default_language="zh-Hans", now=T0)

    use_outbox(session, sink)


async def _issued(session: AsyncSession, world: World) -> Order:
    _outbox(session)
    filed = await req_svc.file_request(
        session,
        user=world.resident,
        draft=draft("3号楼楼道灯坏了，晚上很黑"),
        suggestion=None,
        now=T0,
        outbox=session.info["linli.outbox"],
    )
    out = await svc.issue_order(
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        request_id=filed.request.id or 0,
        spec=svc.OrderSpec(members_needed=1, points=15),
        now=T0,
    )
    assert out.order is not None
    return out.order


async def _sent(session: AsyncSession, chat_id: int, key: str) -> None:
    """The member's offer went out (message 100 + its row id)."""
    row = (
        await session.exec(
            select(Delivery).where(col(Delivery.chat_id) == chat_id, col(Delivery.kind) == key)
        )
    ).one()
    row.state, row.message_ids = DeliveryState.SENT, str(100 + (row.id or 0))
    session.add(row)
    await session.commit()


async def _rows(session: AsyncSession, chat_id: int) -> list[Delivery]:
    rows = await session.exec(
        select(Delivery)
        .where(col(Delivery.chat_id) == chat_id)
        .order_by(col(Delivery.id))
        .execution_options(populate_existing=True)
    )
    return list(rows.all())


async def test_a_claim_given_back_is_offered_again_in_one_message(
    session: AsyncSession, world: World
) -> None:
    order = await _issued(session, world)
    for member in (world.member, world.member2):
        await _sent(session, member.id, "order-notice-offer")
    await svc.claim_order(
        session, user=world.member, roles=world.roles(world.member), order_id=order.id or 0, now=T0
    )
    await svc.release_claim(
        session,
        user=world.member,
        roles=world.roles(world.member),
        order_id=order.id or 0,
        reason="临时有事去不了",
        now=T0,
    )
    rows = await _rows(session, world.member2.id)
    [first] = [r for r in rows if r.kind == "order-notice-offer"]
    assert first.matter == f"order:{order.id}:offer-resent"
    # it points to the newest, without ✋ 接单; the newest offers it
    [pointer] = [r for r in rows if r.kind == "order-notice-offer-resent"]
    assert pointer.edit_message_id == int(first.message_ids or 0)
    assert pointer.reply_markup is None
    assert [r.kind for r in rows if r.reply_markup and r.state == DeliveryState.PENDING] == [
        "order-notice-offer-again"
    ]
    # later redraws of the order leave the old offer as it is (no ✋ 接单 drawn back)
    await session.refresh(order)
    redraws = await svc.offer_redraws(session, order)
    assert [n for n in redraws if n.chat_id == world.member2.id] == []


async def test_an_order_reoffered_in_time_is_not_offered_twice(
    session: AsyncSession, world: World
) -> None:
    order = await _issued(session, world)
    await _sent(session, world.member.id, "order-notice-offer")
    # member2's first offer has not gone yet (held, or going now)
    await session.exec(  # type: ignore[call-overload]
        update(Delivery)
        .where(col(Delivery.chat_id) == world.member2.id)
        .values(state=DeliveryState.SENDING)
    )
    await session.commit()
    await svc.escalate_unclaimed(
        session, order_id=order.id or 0, round_=1, now=T0, outbox=session.info["linli.outbox"]
    )
    kinds = [r.kind for r in await _rows(session, world.member.id)]
    assert kinds.count("order-notice-offer-again") == 1
    assert kinds.count("order-notice-offer-resent") == 1
    kinds2 = [r.kind for r in await _rows(session, world.member2.id)]
    assert "order-notice-offer-again" not in kinds2 and "order-notice-offer-resent" not in kinds2
