"""An offer of an order on a member's screen follows what it shows (SQLite and PostgreSQL):
redrawn when the order's title, place, deadline, points … change, not only when it stops (or
starts again) taking claims; and once: two changes redrawing it at the same moment queue one
edit (a compare-and-set on the text the outbox keeps of it), as a second edit to the same text
would be refused by Telegram as 'message is not modified'."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import async_sessionmaker
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
    """Renders a notice as its key and what it says (the wording is not under test here)."""

    def get(self, lang: str, key: str, /, **args: object) -> str:
        return key + repr(sorted((k, str(v)) for k, v in args.items()))


async def _deliver(session: AsyncSession, notices: Sequence[Notice]) -> int:
    await deliver(session, notices, texts=Texts(), default_language="zh-Hans", now=T0)
    return len(notices)


async def _offered(session: AsyncSession, world: World) -> Order:
    """An order offered to the members, the offers sent."""

    async def sink(notices: Sequence[Notice]) -> int:
        return await _deliver(session, notices)

    use_outbox(session, sink)
    filed = await req_svc.file_request(
        session,
        user=world.resident,
        draft=draft("3号楼楼道灯坏了，晚上很黑"),
        suggestion=None,
        now=T0,
        outbox=sink,
    )
    out = await svc.issue_order(
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        request_id=filed.request.id or 0,
        spec=svc.OrderSpec(members_needed=2, points=15),
        now=T0,
    )
    assert out.order is not None
    for row in (
        await session.exec(select(Delivery).where(col(Delivery.kind) == "order-notice-offer"))
    ).all():
        row.state, row.message_ids = DeliveryState.SENT, str(100 + (row.id or 0))
        session.add(row)
    await session.commit()
    return out.order


async def _edits(session: AsyncSession, chat_id: int) -> list[Delivery]:
    rows = await session.exec(
        select(Delivery).where(
            col(Delivery.chat_id) == chat_id,
            col(Delivery.edit_message_id).is_not(None),
            col(Delivery.state) == DeliveryState.PENDING,
        )
    )
    return list(rows.all())


async def test_an_offer_is_redrawn_when_what_it_shows_changes(
    session: AsyncSession, world: World
) -> None:
    order = await _offered(session, world)
    # nothing changed: nothing to redraw (the offer reads as it was sent)
    await _deliver(session, await svc.offer_redraws(session, order))
    await session.commit()
    assert await _edits(session, world.member.id) == []

    order.title = "3号楼楼道灯不亮"
    session.add(order)
    await session.commit()
    await _deliver(session, await svc.offer_redraws(session, order))
    await session.commit()
    [edit] = await _edits(session, world.member.id)
    assert "3号楼楼道灯不亮" in edit.text and edit.reply_markup is not None  # still ✋ 接单
    assert edit.kind == "order-notice-offer"  # as it was sent: not '又可以接了'

    # the same change redrawn again (another change of the matter): no second edit
    await _deliver(session, await svc.offer_redraws(session, order))
    await session.commit()
    assert len(await _edits(session, world.member.id)) == 1

    # one claim of two: the others' offers say one more is needed, still with ✋ 接单
    await svc.claim_order(
        session, user=world.member, roles=world.roles(world.member), order_id=order.id or 0, now=T0
    )
    await session.refresh(order)
    await _deliver(session, await svc.offer_redraws(session, order))
    await session.commit()
    # (the title's edit not sent yet is taken over by this one, which says both)
    [edit] = await _edits(session, world.member2.id)
    assert "('need', '1')" in edit.text and "3号楼楼道灯不亮" in edit.text, edit.text


async def test_two_changes_at_once_redraw_an_offer_once(
    sessionmaker: async_sessionmaker[AsyncSession], world: World
) -> None:
    async with sessionmaker() as session:
        order = await _offered(session, world)
        order.title = "3号楼楼道灯不亮"
        session.add(order)
        await session.commit()
        order_id = order.id
    # two changes read the offers before either redraws them
    async with sessionmaker() as one, sessionmaker() as two:
        first = await svc.offer_redraws(one, await one.get(Order, order_id))  # type: ignore[arg-type]
        second = await svc.offer_redraws(two, await two.get(Order, order_id))  # type: ignore[arg-type]
        assert {n.chat_id for n in first} == {n.chat_id for n in second} != set()
        await _deliver(one, first)
        await one.commit()
        await _deliver(two, second)
        await two.commit()
    async with sessionmaker() as session:
        assert len(await _edits(session, world.member.id)) == 1


async def test_an_offer_open_again_keeps_saying_so_when_redrawn(
    session: AsyncSession, world: World
) -> None:
    order = await _offered(session, world)
    roles = world.roles(world.member)
    oid = order.id or 0
    # he claims it (his offer reads '您已接下'), then gives it back: his offer takes claims again
    await svc.claim_order(session, user=world.member, roles=roles, order_id=oid, now=T0)
    await session.refresh(order)
    await _deliver(session, await svc.offer_redraws(session, order))
    await session.commit()
    await svc.release_claim(
        session, user=world.member, roles=roles, order_id=oid, reason="临时有事", now=T0
    )
    await session.refresh(order)
    await _deliver(session, await svc.offer_redraws(session, order))
    await session.commit()
    [edit] = await _edits(session, world.member.id)  # '又可以接了'
    assert edit.kind == "order-notice-offer-reopened", edit.kind

    order.title = "3号楼楼道灯不亮"
    session.add(order)
    await session.commit()
    await _deliver(session, await svc.offer_redraws(session, order))
    await session.commit()
    [edit] = await _edits(session, world.member.id)
    assert edit.kind == "order-notice-offer-reopened" and "3号楼楼道灯不亮" in edit.text, edit


async def test_a_redraw_worked_out_before_a_change_does_not_take_it_back(
    sessionmaker: async_sessionmaker[AsyncSession], world: World
) -> None:
    async with sessionmaker() as session:
        order = await _offered(session, world)
        order.title = "3号楼楼道灯不亮"
        session.add(order)
        await session.commit()
        order_id = order.id or 0
    async with sessionmaker() as late, sessionmaker() as staff:
        # a change reads the order while it is open (its redraw: the new title, ✋ 接单) …
        stale = await svc.offer_redraws(late, await late.get(Order, order_id))  # type: ignore[arg-type]

        # … as 李社工 cancels it, the offers redrawn 已取消 in that commit
        async def sink(notices: Sequence[Notice]) -> int:
            return await _deliver(staff, notices)

        use_outbox(staff, sink)
        await svc.cancel_order(
            staff,
            user=world.staff,
            roles=world.roles(world.staff),
            order_id=order_id,
            reason="居民说灯自己好了",
            now=T0,
        )
        await _deliver(late, stale)
        await late.commit()
    async with sessionmaker() as session:
        [edit] = await _edits(session, world.member.id)
        assert edit.kind == "order-notice-offer-closed", edit.kind
        assert edit.reply_markup is None
