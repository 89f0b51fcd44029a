"""Races in the order cycle's live messages, closed by a compare-and-set each (SQLite and
PostgreSQL): the 请验收 reminder job reading a result that is checked before it queues; a
double tap on a stale 请验收 copy; two redraws of a member's card of an order worked out at
once; a member's unsent offer beside the card they opened from 详情. Each test changes the
state between one path's read and its write, as the other path at the same moment would."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Translator
from bot.settings import Settings
from models.orders import Order, OrderCard
from models.scheduling import Delivery, DeliveryState, ScheduledJob
from services import order_cards, order_jobs
from services import orders as svc
from services.jobs import JobContext
from services.order_common import use_outbox
from tests.orders.conftest import T0, World
from tests.orders.test_cards_on_their_way import _sink
from tests.orders.test_cycle import _file, _issue

TEXTS = Translator()


async def _reported(session: AsyncSession, w: World) -> Order:
    """An order claimed by 王党员 and reported done: 请验收 copies queued to staff."""
    order = await _issue(session, w, await _file(session, w))
    member = w.roles(w.member)
    oid = order.id or 0
    await svc.claim_order(session, user=w.member, roles=member, order_id=oid, now=T0)
    await svc.report_done(
        session, user=w.member, roles=member, order_id=oid, note="换了新灯泡", now=T0
    )
    return order


def _once(before: Callable[[], Awaitable[None]], then: Callable[..., Awaitable[Any]]) -> Any:
    """`then`, with `before` run the first time it is called (another path, committing)."""
    ran: list[bool] = []

    async def patched(*args: Any, **kwargs: Any) -> Any:
        if not ran:
            ran.append(True)
            await before()
        return await then(*args, **kwargs)

    return patched


async def test_a_verify_reminder_is_not_queued_for_a_result_checked_as_the_job_ran(
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    world: World,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """李社工 accepts the result while the reminder job is between reading the order (待验收)
    and queueing its reminders: none is queued (before, each staff member got one a day
    later with live ✅ 验收通过 / ↩️ 退回, for a result checked already)."""
    w = world
    order = await _reported(session, w)
    oid = order.id or 0
    job = (
        await session.exec(
            select(ScheduledJob).where(col(ScheduledJob.key) == f"order-{oid}-verify")
        )
    ).one()
    when = T0 + timedelta(hours=25)

    async def accepted() -> None:
        async with sessionmaker() as colleague:
            await svc.verify(
                colleague,
                user=w.staff,
                roles=w.roles(w.staff),
                order_id=oid,
                approve=True,
                note=None,
                now=when,
            )

    # the job reads the order, then the result's photos: the check commits in between
    monkeypatch.setattr(svc, "count_result_photos", _once(accepted, svc.count_result_photos))
    async with sessionmaker() as s:
        ctx = JobContext(
            session=s,
            now=when,
            settings=Settings(bot_token=None),
            texts=TEXTS,
            job=job,
        )
        await order_jobs.order_verify(ctx, {"order_id": oid})
        await s.commit()
    async with sessionmaker() as s:
        reminders = (
            await s.exec(
                select(Delivery.chat_id, Delivery.state).where(
                    col(Delivery.kind) == "order-notice-verify-reminder"
                )
            )
        ).all()
    assert [r for r in reminders if r[1] != DeliveryState.CANCELLED] == [], reminders


async def test_a_verify_reminder_still_goes_for_a_result_waiting(
    session: AsyncSession, sessionmaker: async_sessionmaker[AsyncSession], world: World
) -> None:
    """The compare-and-set lets a reminder of a result still waiting through."""
    order = await _reported(session, world)
    oid = order.id or 0
    job = (
        await session.exec(
            select(ScheduledJob).where(col(ScheduledJob.key) == f"order-{oid}-verify")
        )
    ).one()
    async with sessionmaker() as s:
        ctx = JobContext(
            session=s,
            now=T0 + timedelta(hours=25),
            settings=Settings(bot_token=None),
            texts=TEXTS,
            job=job,
        )
        await order_jobs.order_verify(ctx, {"order_id": oid})
        await s.commit()
        queued = (
            await s.exec(
                select(Delivery.chat_id).where(
                    col(Delivery.kind) == "order-notice-verify-reminder",
                    col(Delivery.state) == DeliveryState.PENDING,
                )
            )
        ).all()
    assert world.staff.id in queued, queued


async def test_a_double_tap_on_a_stale_verify_copy_redraws_it_once(
    session: AsyncSession, sessionmaker: async_sessionmaker[AsyncSession], world: World
) -> None:
    """张网格员's 请验收 reminder of a result accepted since, tapped twice at once: one of the two
    taps redraws it (before, both edited it; Telegram refused the second as 'message is not
    modified')."""
    w = world
    order = await _reported(session, w)
    oid = order.id or 0
    await svc.verify(
        session,
        user=w.staff,
        roles=w.roles(w.staff),
        order_id=oid,
        approve=True,
        note=None,
        now=T0,
    )
    # a reminder asking still, on 张网格员's screen (as one queued by a job racing the check
    # went out before the job's compare-and-set)
    session.add(
        Delivery(
            chat_id=w.grid_staff.id,
            kind="order-notice-verify-reminder",
            text="请验收",
            matter=f"order:{oid}:done",
            state=DeliveryState.SENT,
            message_ids="61",
            not_before=T0,
            sent_at=T0,
            created_at=T0,
        )
    )
    await session.commit()
    draws = []
    for _ in range(2):  # the two taps' handlers, each in its own session
        async with sessionmaker() as tap:
            draws.append(
                await svc.verify_copy_to_draw(
                    tap, order_id=oid, chat_id=w.grid_staff.id, message_id=61
                )
            )
    assert draws == [True, False], draws
    # a message the outbox does not know is still drawn by the tap
    async with sessionmaker() as tap:
        assert await svc.verify_copy_to_draw(
            tap, order_id=oid, chat_id=w.grid_staff.id, message_id=999
        )


async def test_two_redraws_of_a_members_card_at_once_queue_one_edit(
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    world: World,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two paths redraw 王党员's card of an order at the same moment (a job, an action):
    the one that finds the card not reading so yet queues the edit; the other, which read the
    card before, queues none (before, both did: the second edit refused as 'not modified',
    or an older one drawn over a newer)."""
    w = world
    order = await _issue(session, w, await _file(session, w))
    oid = order.id or 0
    view = await svc.order_view(session, user=w.member, roles=w.roles(w.member), order_id=oid)
    await order_cards.remember(
        session,
        order_id=oid,
        member_id=w.member.id,
        message_id=70,
        args=await order_cards.card_args(session, view),
    )
    async with sessionmaker() as s:  # the order changes (a new title): the card is stale
        changed = await s.get(Order, oid)
        assert changed is not None
        changed.title = "楼道灯不亮了"
        s.add(changed)
        await s.commit()

    async def other_path() -> None:
        async with sessionmaker() as other:
            again = await other.get(Order, oid)
            assert again is not None
            assert len(await order_cards.card_redraws(other, order=again)) == 1
            await other.commit()

    async with sessionmaker() as s:
        mine = await s.get(Order, oid)
        assert mine is not None
        # this path has read the card; the other redraws it before this one works it out
        monkeypatch.setattr(svc, "order_view", _once(other_path, svc.order_view))
        redraws = await order_cards.card_redraws(s, order=mine)
        await s.commit()
    assert redraws == [], redraws


async def test_opening_the_card_drops_the_unsent_offer(
    session: AsyncSession, sessionmaker: async_sessionmaker[AsyncSession], world: World
) -> None:
    """王党员's offer of an order is still unsent (held, or behind) when he opens its card from
    详情: the offer is not sent, so one ✋ 接单 is live in his chat, the card's (before, the
    offer came later beside it, both with ✋ 接单); the other members' offers go."""
    w = world
    use_outbox(session, _sink(session))
    order = await _issue(session, w, await _file(session, w))
    oid = order.id or 0
    offers = (
        await session.exec(
            select(Delivery.chat_id, Delivery.state).where(
                col(Delivery.kind) == "order-notice-offer"
            )
        )
    ).all()
    assert {w.member.id, w.member2.id} <= {chat for chat, _ in offers}, offers
    view = await svc.order_view(session, user=w.member, roles=w.roles(w.member), order_id=oid)
    args = await order_cards.card_args(session, view)
    assert order_cards.card_kind(args) == order_cards.OPEN  # the card offers ✋ 接单
    await order_cards.remember(
        session, order_id=oid, member_id=w.member.id, message_id=70, args=args
    )
    async with sessionmaker() as s:
        states = dict(
            (
                await s.exec(
                    select(Delivery.chat_id, Delivery.state).where(
                        col(Delivery.kind) == "order-notice-offer"
                    )
                )
            ).all()
        )
        cards = (await s.exec(select(OrderCard.member_id))).all()
    assert states[w.member.id] == DeliveryState.CANCELLED, states
    assert states[w.member2.id] == DeliveryState.PENDING, states
    assert w.member.id in cards
