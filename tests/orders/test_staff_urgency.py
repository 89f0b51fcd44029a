"""Staff mark a request urgent (a resident who phoned, an old person alone without heating) or
not urgent (a word triage misread): the ledger records who and when; marked urgent, the grid's
other staff are alerted at once, offers held for the night go to members now and it comes first
in the queue; unmarked, nobody is woken. Anyone else is refused and logged; a tap that finds it
already so changes nothing. SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Translator
from models import AuditEvent
from models.orders import Channel, LedgerEvent, Request
from models.scheduling import Delivery, DeliveryState
from services import jobs, staff_urgency
from services import orders as svc
from services import requests as req_svc
from services.errors import Conflict, PermissionDenied
from services.order_common import OUTBOX, Notice, use_outbox
from services.order_notices import deliver
from tests.orders.conftest import T0, World, draft

NIGHT = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)  # 23:00 in Shanghai: quiet hours


def _outbox(session: AsyncSession, now: datetime) -> None:
    texts = Translator()

    async def sink(notices: Sequence[Notice]) -> int:
        return await deliver(session, notices, texts=texts, default_language="zh-Hans", now=now)

    use_outbox(session, sink)


async def _phoned_in(session: AsyncSession, world: World, *, now: datetime = T0) -> Request:
    """李社工 files what 周阿姨 said on the phone: nothing in it reads urgent to triage."""
    filed = await req_svc.file_on_behalf(
        session,
        staff=world.staff,
        roles=world.roles(world.staff),
        building_id=world.building.id or 0,
        room="302",
        contact_name="周阿姨",
        contact_phone=None,
        channel=Channel.PHONE,
        draft=draft("家里暖气不热，老人一个人住"),
        suggestion=None,
        now=now,
    )
    assert not filed.request.urgent
    sink = session.info.get(OUTBOX)
    if sink is not None:  # staff cards queued as the handler queues them
        await sink(filed.notices)
        await session.commit()
    return filed.request


async def _events(session: AsyncSession, request_id: int) -> list[LedgerEvent]:
    rows = await session.exec(
        select(LedgerEvent)
        .where(col(LedgerEvent.request_id) == request_id)
        .where(col(LedgerEvent.action).in_(["mark_urgent", "unmark_urgent"]))
        .order_by(col(LedgerEvent.id))
    )
    return list(rows.all())


async def test_marked_urgent_alerts_the_grid_and_comes_first(
    session: AsyncSession, world: World
) -> None:
    older = await req_svc.file_request(
        session, user=world.resident, draft=draft(), suggestion=None, now=T0
    )
    req = await _phoned_in(session, world)
    roles = world.roles(world.staff)
    queue = await svc.staff_queue(session, user=world.staff, roles=roles)
    assert [r.id for r in queue.items] == [older.request.id, req.id]

    out = await staff_urgency.set_urgency(
        session, user=world.staff, roles=roles, request_id=req.id or 0, urgent=True, now=T0
    )

    assert out.changed and out.request.urgent
    # the grid's other staff get the alert a new urgent request gives, at once; not the marker
    assert [(n.chat_id, n.key, n.urgent) for n in out.notices] == [
        (world.grid_staff.id, "order-notice-urgent", True)
    ]
    [event] = await _events(session, req.id or 0)
    assert (event.action, event.actor_id, event.at) == ("mark_urgent", world.staff.id, T0)
    assert event.from_state == event.to_state == "new"  # a flag, not a move of the matter
    fresh = await session.get(Request, req.id, populate_existing=True)
    assert fresh is not None and fresh.urgent and fresh.urgent_reasons == "staff"
    queue = await svc.staff_queue(session, user=world.staff, roles=roles)
    assert [r.id for r in queue.items] == [req.id, older.request.id]


async def test_unmarked_wakes_nobody_and_goes_back_in_line(
    session: AsyncSession, world: World
) -> None:
    first = await req_svc.file_request(
        session, user=world.resident, draft=draft(), suggestion=None, now=T0
    )
    flagged = await req_svc.file_request(
        session,
        user=world.resident,
        draft=draft("煤气灶打不着", urgent=True),
        suggestion=None,
        now=T0,
    )
    roles = world.roles(world.grid_staff)
    out = await staff_urgency.set_urgency(
        session,
        user=world.grid_staff,
        roles=roles,
        request_id=flagged.request.id or 0,
        urgent=False,
        now=T0,
    )
    assert out.changed and not out.request.urgent and out.notices == []
    [event] = await _events(session, flagged.request.id or 0)
    assert (event.action, event.actor_id) == ("unmark_urgent", world.grid_staff.id)
    queue = await svc.staff_queue(session, user=world.grid_staff, roles=roles)
    assert [r.id for r in queue.items] == [first.request.id, flagged.request.id]


async def test_held_cards_give_way_to_the_alert_at_night(
    session: AsyncSession, world: World
) -> None:
    _outbox(session, NIGHT)
    req = await _phoned_in(session, world, now=NIGHT)
    rows = (await session.exec(select(Delivery))).all()
    assert rows and all(d.kind == "order-notice-new" and d.not_before > NIGHT for d in rows)

    await staff_urgency.set_urgency(
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        request_id=req.id or 0,
        urgent=True,
        now=NIGHT,
    )

    rows = (
        await session.exec(
            select(Delivery).order_by(col(Delivery.id)).execution_options(populate_existing=True)
        )
    ).all()
    # the morning cards are dropped; the alert goes to the grid worker now
    assert {d.state for d in rows if d.kind == "order-notice-new"} == {DeliveryState.CANCELLED}
    [alert] = [d for d in rows if d.kind == "order-notice-urgent"]
    assert (alert.chat_id, alert.not_before, alert.urgent) == (world.grid_staff.id, NIGHT, True)


async def test_offers_held_for_the_night_go_at_once(session: AsyncSession, world: World) -> None:
    _outbox(session, NIGHT)
    req = await _phoned_in(session, world, now=NIGHT)
    roles = world.roles(world.staff)
    issued = await svc.issue_order(
        session,
        user=world.staff,
        roles=roles,
        request_id=req.id or 0,
        spec=svc.OrderSpec(),
        now=NIGHT,
    )
    assert issued.order is not None
    held, _first = await svc.offers_held(session, order=issued.order, now=NIGHT)
    assert held > 0

    out = await staff_urgency.set_urgency(
        session, user=world.staff, roles=roles, request_id=req.id or 0, urgent=True, now=NIGHT
    )

    assert out.released == held
    assert out.notices == []  # taken up already: no alert to staff
    assert await svc.offers_held(session, order=issued.order, now=NIGHT) == (0, None)
    offers = (
        await session.exec(
            select(Delivery)
            .where(col(Delivery.kind) == "order-notice-offer")
            .execution_options(populate_existing=True)
        )
    ).all()
    assert offers and all(d.not_before == NIGHT and d.urgent for d in offers)


@pytest.mark.parametrize("who", ["resident", "other_staff", "member"])
async def test_anyone_else_is_refused_and_logged(
    session: AsyncSession, world: World, who: str
) -> None:
    req = await _phoned_in(session, world)
    user = getattr(world, who)
    with pytest.raises(PermissionDenied):
        await staff_urgency.set_urgency(
            session,
            user=user,
            roles=world.roles(user),
            request_id=req.id or 0,
            urgent=True,
            now=T0,
        )
    refused = (
        await session.exec(
            select(AuditEvent).where(
                col(AuditEvent.actor_id) == user.id, col(AuditEvent.action) == "refused"
            )
        )
    ).all()
    assert [r.detail for r in refused] == ["set_urgency"]
    fresh = await session.get(Request, req.id, populate_existing=True)
    assert fresh is not None and not fresh.urgent
    assert await _events(session, req.id or 0) == []


async def test_a_colleague_first_changes_nothing_twice(
    session: AsyncSession, sessionmaker: async_sessionmaker[AsyncSession], world: World
) -> None:
    req = await _phoned_in(session, world)
    # this session read the request before the colleague's tap landed
    assert (await session.get(Request, req.id)) is not None
    async with sessionmaker() as other:
        grid_staff = await other.get(type(world.grid_staff), world.grid_staff.id)
        assert grid_staff is not None
        first = await staff_urgency.set_urgency(
            other,
            user=grid_staff,
            roles=world.roles(world.grid_staff),
            request_id=req.id or 0,
            urgent=True,
            now=T0,
        )
        assert first.changed
    late = await staff_urgency.set_urgency(
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        request_id=req.id or 0,
        urgent=True,
        now=T0,
    )
    assert not late.changed and late.request.urgent and late.notices == []
    assert [e.actor_id for e in await _events(session, req.id or 0)] == [world.grid_staff.id]


async def test_a_finished_matter_keeps_its_urgency(session: AsyncSession, world: World) -> None:
    filed = await req_svc.file_request(
        session, user=world.resident, draft=draft(), suggestion=None, now=T0
    )
    await req_svc.withdraw(
        session, user=world.resident, request_id=filed.request.id or 0, reason=None, now=T0
    )
    with pytest.raises(Conflict):
        await staff_urgency.set_urgency(
            session,
            user=world.staff,
            roles=world.roles(world.staff),
            request_id=filed.request.id or 0,
            urgent=True,
            now=T0,
        )
    assert await _events(session, filed.request.id or 0) == []


async def _due(session: AsyncSession, key: str) -> datetime:
    [job] = await jobs.pending_jobs(session, key=key)
    return job.due_at if job.due_at.tzinfo else job.due_at.replace(tzinfo=UTC)


async def test_follow_ups_go_by_the_new_urgency(session: AsyncSession, world: World) -> None:
    """'Nobody answered' comes 2 h after filing once marked urgent (24 h again once not), and a
    transfer is followed up 12 h after it (3 days when not) — never sooner than 2 h from the
    change. Before, a request marked urgent kept its ordinary times."""
    req = await _phoned_in(session, world)
    rid = req.id or 0
    staff, roles = world.staff, world.roles(world.staff)
    assert await _due(session, f"request-{rid}-response") == T0 + timedelta(hours=24)
    await staff_urgency.set_urgency(
        session, user=staff, roles=roles, request_id=rid, urgent=True, now=T0
    )
    assert await _due(session, f"request-{rid}-response") == T0 + timedelta(hours=2)
    await staff_urgency.set_urgency(
        session, user=staff, roles=roles, request_id=rid, urgent=False, now=T0
    )
    assert await _due(session, f"request-{rid}-response") == T0 + timedelta(hours=24)
    # marked urgent 5 hours on: not a reminder at once, but 2 h after the mark
    late = T0 + timedelta(hours=5)
    await staff_urgency.set_urgency(
        session, user=staff, roles=roles, request_id=rid, urgent=True, now=late
    )
    assert await _due(session, f"request-{rid}-response") == late + timedelta(hours=2)

    await svc.transfer(
        session, user=staff, roles=roles, request_id=rid, unit="供热公司", note=None, now=late
    )
    assert await _due(session, f"request-{rid}-transfer") == late + timedelta(hours=12)
    await staff_urgency.set_urgency(
        session, user=staff, roles=roles, request_id=rid, urgent=False, now=late
    )
    assert await _due(session, f"request-{rid}-transfer") == late + timedelta(days=3)
    marked = late + timedelta(hours=1)
    await staff_urgency.set_urgency(
        session, user=staff, roles=roles, request_id=rid, urgent=True, now=marked
    )
    assert await _due(session, f"request-{rid}-transfer") == late + timedelta(hours=12)
