"""Staff unmark a request's urgency (a word triage took for an emergency) while urgent notices
about it still wait in the outbox (the sender behind, a chat's limit): they used to go out as
urgent all the same, in the middle of the night. Now they go as any notice does: the 🚨 alert
becomes the ordinary card of a new request and an offer loses its 🚨, held by quiet hours
until the morning; a resident's urge is held as it is; whoever unmarked it gets no card about
it. Marked urgent again, the staff who never got the alert get it. Time is the injected clock;
what goes is what the sender would take at each moment. SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from sqlalchemy import update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Translator
from models.orders import Request
from models.scheduling import Delivery, DeliveryState
from services import delivery, staff_urgency, urges
from services import orders as svc
from services import requests as req_svc
from services.order_common import Notice, use_outbox
from services.order_notices import deliver
from tests.orders.conftest import World, draft
from tests.support import FakeClock

NIGHT = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)  # 23:00 in Shanghai: quiet hours
MORNING = datetime(2026, 11, 23, 23, 0, tzinfo=UTC)  # 07:00, when they end


def _outbox(session: AsyncSession, clock: FakeClock) -> None:
    texts = Translator()

    async def sink(notices: Sequence[Notice]) -> int:
        return await deliver(
            session, notices, texts=texts, default_language="zh-Hans", now=clock()
        )

    use_outbox(session, sink)


async def _urgent(session: AsyncSession, world: World, clock: FakeClock) -> Request:
    """周 reports what reads urgent; its alerts are queued, not sent yet."""
    filed = await req_svc.file_request(
        session,
        user=world.resident,
        draft=draft("楼道里有股煤气味，不知道是不是漏气", urgent=True),
        suggestion=None,
        now=clock(),
        outbox=session.info["linli.outbox"],
    )
    return filed.request


async def _unmark(session: AsyncSession, world: World, req: Request, clock: FakeClock) -> int:
    out = await staff_urgency.set_urgency(
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        request_id=req.id or 0,
        urgent=False,
        now=clock(),
    )
    assert out.changed and out.queued
    return out.held


async def _sent_now(session: AsyncSession, clock: FakeClock) -> list[delivery.Claimed]:
    """What the sender takes at the clock's time."""
    return await delivery.claim_deliveries(session, now=clock(), limit=100, worker="t")


async def _all(session: AsyncSession, kind: str) -> list[Delivery]:
    rows = await session.exec(
        select(Delivery)
        .where(col(Delivery.kind) == kind)
        .order_by(col(Delivery.id))
        .execution_options(populate_existing=True)
    )
    return list(rows.all())


async def test_unmarked_alerts_become_ordinary_cards_held_until_morning(
    session: AsyncSession, world: World, clock: FakeClock
) -> None:
    clock.set(NIGHT)
    _outbox(session, clock)
    req = await _urgent(session, world, clock)
    alerts = await _all(session, "order-notice-urgent")
    assert {a.chat_id for a in alerts} == {world.staff.id, world.grid_staff.id}
    assert all(a.urgent and a.not_before == NIGHT for a in alerts)  # would go now, at 23:00

    clock.advance(timedelta(minutes=3))
    await _unmark(session, world, req, clock)

    assert {a.state for a in await _all(session, "order-notice-urgent")} == {
        DeliveryState.CANCELLED
    }
    # 张网格员 gets the card any new request gives; 李社工, who unmarked it, has it open
    [card] = await _all(session, "order-notice-new")
    assert (card.chat_id, card.urgent, card.not_before) == (world.grid_staff.id, False, MORNING)
    assert card.text.startswith("📥 新诉求") and "🚨" not in card.text
    assert "煤气味" in card.text
    assert await _sent_now(session, clock) == []  # nobody is woken
    clock.set(MORNING)
    [taken] = await _sent_now(session, clock)
    assert (taken.chat_id, taken.id) == (world.grid_staff.id, card.id)


async def test_marked_urgent_again_the_alert_goes_after_all(
    session: AsyncSession, world: World, clock: FakeClock
) -> None:
    """The alert 张网格员 never got was not 'once per request' spent: marked urgent again, it
    goes at once (and the ordinary card held for the morning is dropped)."""
    clock.set(NIGHT)
    _outbox(session, clock)
    req = await _urgent(session, world, clock)
    clock.advance(timedelta(minutes=3))
    await _unmark(session, world, req, clock)
    clock.advance(timedelta(minutes=3))

    again = await staff_urgency.set_urgency(
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        request_id=req.id or 0,
        urgent=True,
        now=clock(),
    )

    assert [n.chat_id for n in again.notices] == [world.grid_staff.id]
    assert {c.state for c in await _all(session, "order-notice-new")} == {DeliveryState.CANCELLED}
    taken = await _sent_now(session, clock)
    assert [(t.chat_id, t.kind) for t in taken] == [(world.grid_staff.id, "order-notice-urgent")]


async def test_unmarked_offers_lose_their_siren_and_wait_for_morning(
    session: AsyncSession, world: World, clock: FakeClock
) -> None:
    clock.set(NIGHT)
    _outbox(session, clock)
    req = await _urgent(session, world, clock)
    issued = await svc.issue_order(
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        request_id=req.id or 0,
        spec=svc.OrderSpec(),
        now=clock(),
    )
    assert issued.order is not None
    offers = await _all(session, "order-notice-offer")
    assert offers and all(o.urgent and "🚨" in o.text for o in offers)
    members = {o.chat_id for o in offers}

    clock.advance(timedelta(minutes=3))
    await _unmark(session, world, req, clock)

    rows = await _all(session, "order-notice-offer")
    assert {o.state for o in rows if o.id in {x.id for x in offers}} == {DeliveryState.CANCELLED}
    fresh = [o for o in rows if o.state == DeliveryState.PENDING]
    assert {o.chat_id for o in fresh} == members
    assert all(not o.urgent and o.not_before == MORNING for o in fresh)
    assert all("🚨" not in o.text and "新工单" in o.text for o in fresh)
    assert all(o.reply_markup for o in fresh)  # ✋ 接单 still on them
    assert await _sent_now(session, clock) == []


async def test_an_urge_waiting_to_go_is_held_as_it_is(
    session: AsyncSession, world: World, clock: FakeClock
) -> None:
    """Filed at 21:00 as urgent and not answered: at 23:00 周 urges it, and the reminders to
    staff go at once as the request is urgent. Unmarked before the sender took them, they wait
    for the morning."""
    clock.set(NIGHT - timedelta(hours=2))
    _outbox(session, clock)
    req = await _urgent(session, world, clock)
    await session.exec(update(Delivery).values(state=DeliveryState.SENT, message_ids="1"))  # type: ignore[call-overload]
    await session.commit()
    clock.set(NIGHT)
    urged = await urges.urge(session, user=world.resident, request_id=req.id or 0, now=clock())
    assert urged.queued and urged.notices
    reminders = await _all(session, "urge-notice-staff")
    assert reminders and all(r.urgent and r.not_before == NIGHT for r in reminders)

    clock.advance(timedelta(minutes=3))
    held = await _unmark(session, world, req, clock)

    assert held == len(reminders)
    rows = await _all(session, "urge-notice-staff")
    assert all(
        r.state == DeliveryState.PENDING and not r.urgent and r.not_before == MORNING for r in rows
    )
    assert await _sent_now(session, clock) == []
    clock.set(MORNING)
    assert {t.id for t in await _sent_now(session, clock)} == {r.id for r in rows}
