"""A member's offer of an order that points to the card they opened below (详情: '⬇️ 您已经在
下面打开了这张工单的详情') follows the order as the other offers do: 人已满 once it fills,
已取消 once it is cancelled, without ✋ 接单. Before, it went on pointing to the card for
good. (services.orders.offer_redraws)"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.orders import Order
from models.scheduling import Delivery
from services import delivery as outbox
from services import orders as svc
from tests.orders.conftest import T0, World
from tests.orders.test_cards_on_their_way import _card_opened, _edits, _on_its_way, _sink
from tests.orders.test_cycle import _file, _issue

OFFER_MESSAGE = 61


async def _carded_offer(
    session: AsyncSession, sessionmaker: async_sessionmaker[AsyncSession], w: World
) -> Order:
    """An order offered to 赵党员 (member2, message 61), who then opened its card (message 90):
    the offer points to the card."""
    from services.order_common import use_outbox

    use_outbox(session, _sink(session))
    order = await _issue(session, w, await _file(session, w))
    [offer] = (
        await session.exec(
            select(Delivery).where(
                col(Delivery.kind).in_(svc.OFFER_KEYS), col(Delivery.chat_id) == w.member2.id
            )
        )
    ).all()
    await _on_its_way(session, offer.id or 0)
    async with sessionmaker() as sender:
        await outbox.record_sent(
            sender, delivery_id=offer.id or 0, message_ids=[OFFER_MESSAGE], now=T0
        )
    await _card_opened(session, w, order)
    [edit] = await _edits(session, w.member2.id, OFFER_MESSAGE)
    assert "您已经在下面打开了这张工单的详情" in edit.text, edit.text
    return order


async def _last_edit(session: AsyncSession, w: World) -> Delivery:
    return (await _edits(session, w.member2.id, OFFER_MESSAGE))[-1]


async def test_an_offer_pointing_to_the_card_reads_full(
    session: AsyncSession, sessionmaker: async_sessionmaker[AsyncSession], world: World
) -> None:
    order = await _carded_offer(session, sessionmaker, world)
    member = world.roles(world.member)
    out = await svc.claim_order(
        session, user=world.member, roles=member, order_id=order.id or 0, now=T0
    )
    await _sink(session)(out.pending)
    await session.commit()
    edits = await _edits(session, world.member2.id, OFFER_MESSAGE)
    assert len(edits) == 2, [e.text for e in edits]
    assert "人已满，不用再接了" in edits[-1].text, edits[-1].text
    assert "接单" not in str(edits[-1].reply_markup), edits[-1].reply_markup


async def test_an_offer_pointing_to_the_card_reads_cancelled(
    session: AsyncSession, sessionmaker: async_sessionmaker[AsyncSession], world: World
) -> None:
    order = await _carded_offer(session, sessionmaker, world)
    out = await svc.cancel_order(
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        order_id=order.id or 0,
        reason="居民自己修好了",
        now=T0,
    )
    await _sink(session)(out.pending)
    await session.commit()
    edit = await _last_edit(session, world)
    assert "已取消" in edit.text, edit.text
    assert edit.reply_markup is None or "接单" not in str(edit.reply_markup)
