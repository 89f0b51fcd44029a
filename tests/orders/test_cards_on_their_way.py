"""A staff review card of a 报到 and a member's offer of an order, on their way (claimed by the
sender, no message id recorded yet) when the application is decided / the order fills up or is
cancelled, are marked and, once recorded sent, redrawn as things then stand (the e2e tests
tests/e2e/test_review_card_tracked.py and tests/orders/test_e2e_offer_on_its_way.py walk it in
chat). Before, the decision cancelled them in the outbox: one whose call was under way went out
with its buttons, unrecorded, and was never redrawn. SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Sequence
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Translator
from models.orders import Order
from models.scheduling import Delivery, DeliveryState
from services import delivery as outbox
from services import member_cards, order_cards
from services import members as member_service
from services import orders as svc
from services.order_common import Notice, use_outbox
from services.order_notices import deliver
from tests.orders.conftest import T0, World
from tests.orders.test_cycle import _file, _issue

TEXTS = Translator()
ZONE = ZoneInfo("Asia/Shanghai")


def _sink(session: AsyncSession) -> svc.NoticeSink:
    async def sink(notices: Sequence[Notice]) -> int:
        return await deliver(session, notices, texts=TEXTS, default_language="zh-Hans", now=T0)

    return sink


async def _edits(session: AsyncSession, chat_id: int, message_id: int) -> list[Delivery]:
    rows = await session.exec(
        select(Delivery)
        .where(col(Delivery.chat_id) == chat_id, col(Delivery.edit_message_id) == message_id)
        .execution_options(populate_existing=True)
    )
    return list(rows.all())


async def _on_its_way(session: AsyncSession, row_id: int) -> Delivery:
    claimed = await outbox.claim_deliveries(session, now=T0, limit=100, worker="sender")
    assert row_id in {c.id for c in claimed}
    row = await session.get(Delivery, row_id, populate_existing=True)
    assert row is not None and row.state == DeliveryState.SENDING
    return row


async def test_a_review_card_on_its_way_is_redrawn_with_the_decision(
    session: AsyncSession, sessionmaker: async_sessionmaker[AsyncSession], world: World
) -> None:
    applicant = world.resident2
    await member_service.apply(
        session,
        user=applicant,
        application=member_service.MemberApplication(
            real_name="林小明",
            work_unit="区图书馆",
            phone="13812345678",
            skills=["electrical"],
            custom_skills="",
            community_id=world.community.id or 0,
            grid_id=None,
        ),
    )
    card = await outbox.enqueue(
        session,
        chat_id=world.grid_staff.id,
        text="🧾 报到申请 林小明",
        reply_markup=outbox.inline_keyboard([[("✅ 通过", "x")]]),
        urgent=True,
        now=T0,
        matter=member_service.review_matter(applicant.id),
    )
    await session.commit()
    card = await _on_its_way(session, card.id or 0)

    await member_service.review(
        session,
        reviewer=world.staff,
        roles=world.roles(world.staff),
        member_id=applicant.id,
        approve=False,
        reason="单位信息不完整",
        now=T0,
    )
    async with sessionmaker() as sender:
        matter = await outbox.record_sent(
            sender, delivery_id=card.id or 0, message_ids=[41], now=T0
        )
    assert matter == member_service.review_redraw_matter(applicant.id)
    async with sessionmaker() as follow_up:
        redrawn = await member_cards.redraw_once_sent(
            follow_up,
            delivery_id=card.id or 0,
            texts=TEXTS,
            default_language="zh-Hans",
            zone=ZONE,
            now=T0,
        )
    assert redrawn == 1
    [edit] = await _edits(session, world.grid_staff.id, 41)
    assert "❌ 未通过" in edit.text and "原因：单位信息不完整" in edit.text, edit.text
    assert edit.reply_markup is None
    row = await session.get(Delivery, card.id, populate_existing=True)
    assert row is not None and row.matter == member_service.reviewed_matter(applicant.id)
    # not redrawn again, by the follow-up or by a later look at the sent cards
    async with sessionmaker() as again:
        assert (
            await member_cards.redraw_once_sent(
                again,
                delivery_id=card.id or 0,
                texts=TEXTS,
                default_language="zh-Hans",
                zone=ZONE,
                now=T0,
            )
            == 0
        )
    assert await member_service.sent_review_cards(session, member_id=applicant.id) == []


async def _offer_on_its_way(session: AsyncSession, w: World) -> tuple[Order, Delivery]:
    use_outbox(session, _sink(session))
    req = await _file(session, w)
    order = await _issue(session, w, req)
    rows = (
        await session.exec(
            select(Delivery).where(
                col(Delivery.kind).in_(svc.OFFER_KEYS),
                col(Delivery.chat_id) == w.member2.id,
            )
        )
    ).all()
    [offer] = rows
    return order, await _on_its_way(session, offer.id or 0)


async def test_an_offer_on_its_way_when_the_order_fills_is_redrawn(
    session: AsyncSession, sessionmaker: async_sessionmaker[AsyncSession], world: World
) -> None:
    order, offer = await _offer_on_its_way(session, world)
    await svc.claim_order(
        session,
        user=world.member,
        roles=world.roles(world.member),
        order_id=order.id or 0,
        now=T0,
    )
    async with sessionmaker() as sender:
        matter = await outbox.record_sent(
            sender, delivery_id=offer.id or 0, message_ids=[52], now=T0
        )
    assert matter == svc.offer_redraw_matter(order.id or 0)
    async with sessionmaker() as follow_up:
        redrawn = await svc.redraw_offer_once_sent(
            follow_up, delivery_id=offer.id or 0, outbox=_sink(follow_up)
        )
    assert redrawn == 1
    [edit] = await _edits(session, world.member2.id, 52)
    assert "人已满，不用再接了" in edit.text, edit.text
    assert "接单" not in str(edit.reply_markup), edit.reply_markup


async def test_an_offer_on_its_way_of_an_order_given_back_keeps_asking(
    session: AsyncSession, sessionmaker: async_sessionmaker[AsyncSession], world: World
) -> None:
    """Filled and given back before it was recorded sent: the order takes claims again, so
    the offer is left asking, and the next fill redraws it as the others."""
    order, offer = await _offer_on_its_way(session, world)
    member = world.roles(world.member)
    await svc.claim_order(session, user=world.member, roles=member, order_id=order.id or 0, now=T0)
    await svc.release_claim(
        session,
        user=world.member,
        roles=member,
        order_id=order.id or 0,
        reason="临时有事去不了",
        now=T0,
    )
    async with sessionmaker() as sender:
        await outbox.record_sent(sender, delivery_id=offer.id or 0, message_ids=[53], now=T0)
    async with sessionmaker() as follow_up:
        redrawn = await svc.redraw_offer_once_sent(
            follow_up, delivery_id=offer.id or 0, outbox=_sink(follow_up)
        )
    assert redrawn == 0
    assert await _edits(session, world.member2.id, 53) == []
    row = await session.get(Delivery, offer.id, populate_existing=True)
    assert row is not None and row.matter == f"order:{order.id}:open"


async def test_a_listed_review_card_decided_while_it_went_out(
    session: AsyncSession, world: World
) -> None:
    """🧾 报到审核 sends a card (the handler, at once) while a colleague decides: recorded, it
    is said decided (for the handler to redraw it now) and is not found again as a card to
    redraw; one still pending is found by the decision."""
    applicant = world.resident2
    application = member_service.MemberApplication(
        real_name="林小明",
        work_unit="区图书馆",
        phone="13812345678",
        skills=["electrical"],
        custom_skills="",
        community_id=world.community.id or 0,
        grid_id=None,
    )
    await member_service.apply(session, user=applicant, application=application)
    pending = await member_cards.remember_listed_card(
        session,
        member_id=applicant.id,
        chat_id=world.grid_staff.id,
        message_id=61,
        text="🧾 报到申请 林小明",
        now=T0,
    )
    assert pending is None
    await member_service.review(
        session,
        reviewer=world.staff,
        roles=world.roles(world.staff),
        member_id=applicant.id,
        approve=True,
        now=T0,
    )
    late = await member_cards.remember_listed_card(
        session,
        member_id=applicant.id,
        chat_id=world.staff.id,
        message_id=62,
        text="🧾 报到申请 林小明",
        now=T0,
    )
    assert late is not None and late.status == "approved"
    redrawn = await member_cards.redraw_sent_cards(
        session,
        profile=late,
        texts=TEXTS,
        default_language="zh-Hans",
        zone=ZONE,
        now=T0,
    )
    await session.commit()
    assert redrawn == 1  # the card sent before the decision, not the one the handler redraws
    [edit] = await _edits(session, world.grid_staff.id, 61)
    assert "✅ 已通过" in edit.text and edit.reply_markup is None, edit.text
    assert await _edits(session, world.staff.id, 62) == []


async def test_a_verify_copy_on_its_way_is_redrawn_with_who_checked_it(
    session: AsyncSession, sessionmaker: async_sessionmaker[AsyncSession], world: World
) -> None:
    """A 请验收 copy on its way to 张网格员 when 李社工 accepted the result: once recorded sent,
    it is redrawn saying who accepted it, without ✅ 验收通过 / ↩️ 退回, once (before, the
    check cancelled it in the outbox: it went out with its buttons and was never redrawn)."""
    w = world
    use_outbox(session, _sink(session))
    req = await _file(session, w)
    order = await _issue(session, w, req)
    member = w.roles(w.member)
    await svc.claim_order(session, user=w.member, roles=member, order_id=order.id or 0, now=T0)
    await svc.report_done(
        session, user=w.member, roles=member, order_id=order.id or 0, note="换了新灯泡", now=T0
    )
    [copy] = (
        await session.exec(
            select(Delivery).where(
                col(Delivery.kind) == "order-notice-verify",
                col(Delivery.chat_id) == w.grid_staff.id,
            )
        )
    ).all()
    copy = await _on_its_way(session, copy.id or 0)
    await svc.verify(
        session,
        user=w.staff,
        roles=w.roles(w.staff),
        order_id=order.id or 0,
        approve=True,
        note=None,
        now=T0,
    )
    async with sessionmaker() as sender:
        matter = await outbox.record_sent(
            sender, delivery_id=copy.id or 0, message_ids=[61], now=T0
        )
    assert matter == svc.verify_redraw_matter(order.id or 0)
    counts = []
    for _ in range(2):  # the second follow-up finds it redrawn already
        async with sessionmaker() as follow_up:
            counts.append(
                await svc.redraw_verify_once_sent(
                    follow_up, delivery_id=copy.id or 0, outbox=_sink(follow_up)
                )
            )
    assert counts == [1, 0], counts
    [edit] = await _edits(session, w.grid_staff.id, 61)
    assert "请验收" in edit.text and "验收通过，不用再验收了" in edit.text, edit.text
    assert w.staff.display_name in edit.text, edit.text
    assert edit.reply_markup is None, edit.reply_markup
    row = await session.get(Delivery, copy.id, populate_existing=True)
    assert row is not None and row.matter == svc.verify_decided_matter(order.id)


async def _card_opened(session: AsyncSession, w: World, order: Order) -> None:
    """赵党员 (member2) opens the order's card from 详情 (message 90)."""
    oid = order.id or 0
    view = await svc.order_view(session, user=w.member2, roles=w.roles(w.member2), order_id=oid)
    await order_cards.remember(
        session,
        order_id=oid,
        member_id=w.member2.id,
        message_id=90,
        args=await order_cards.card_args(session, view),
    )


async def test_an_offer_on_its_way_when_the_card_is_opened_points_to_the_card(
    session: AsyncSession, sessionmaker: async_sessionmaker[AsyncSession], world: World
) -> None:
    """The sender holds the offer (going now) when the member opens the order's card: once
    sent, it is redrawn without ✋ 接单, pointing to the card below (before, it came with ✋ 接单
    beside the card's)."""
    order, offer = await _offer_on_its_way(session, world)
    await _card_opened(session, world, order)
    async with sessionmaker() as sender:
        matter = await outbox.record_sent(
            sender, delivery_id=offer.id or 0, message_ids=[54], now=T0
        )
    assert matter == svc.offer_carded_on_the_way(order.id or 0)
    async with sessionmaker() as follow_up:
        redrawn = await svc.redraw_carded_offer_once_sent(
            follow_up, delivery_id=offer.id or 0, outbox=_sink(follow_up)
        )
    assert redrawn == 1
    [edit] = await _edits(session, world.member2.id, 54)
    assert "您已经在下面打开了这张工单的详情" in edit.text, edit.text
    assert "接单" not in str(edit.reply_markup), edit.reply_markup


async def test_an_offer_sent_before_the_card_is_opened_points_to_the_card(
    session: AsyncSession, sessionmaker: async_sessionmaker[AsyncSession], world: World
) -> None:
    """The offer reached the member before they opened the card: redrawn so at once, in the
    commit that remembers the card."""
    order, offer = await _offer_on_its_way(session, world)
    async with sessionmaker() as sender:
        await outbox.record_sent(sender, delivery_id=offer.id or 0, message_ids=[55], now=T0)
    await _card_opened(session, world, order)
    [edit] = await _edits(session, world.member2.id, 55)
    assert "您已经在下面打开了这张工单的详情" in edit.text, edit.text
    assert "接单" not in str(edit.reply_markup), edit.reply_markup
    row = await session.get(Delivery, offer.id, populate_existing=True)
    assert row is not None and row.matter == svc.offer_carded_matter(order.id or 0)
