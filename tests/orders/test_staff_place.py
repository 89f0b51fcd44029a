"""Staff correct a request's place (📍 改地点): building, grid and room change, the ledger says who
did it, the new grid's staff get the card, the old grid's are told it left them, the resident is
told where it is now. An unclaimed order follows; a claimed one refuses the move. Anyone else's
tap, another community's building or a finished matter is refused (and logged). Issuing an order
at the same moment as a move gives the order the request's place as it then is. SQLite and
PostgreSQL."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Translator
from models import AuditEvent, Building, MemberProfile, MemberStatus, User
from models.orders import LedgerEvent, Order, Request, RequestStatus
from models.scheduling import Delivery, DeliveryState
from scheduler.runner import JobRunner
from services import orders as svc
from services import requests as req_svc
from services import staff_place, urges
from services.errors import Conflict, PermissionDenied
from services.order_common import Notice, use_outbox
from services.order_notices import deliver
from tests.orders.conftest import T0, World, draft
from tests.support import FakeClock

CARDS = ("order-notice-new", "order-notice-urgent")


def _sink(session: AsyncSession, now: datetime) -> req_svc.NoticeSink:
    texts = Translator()

    async def sink(notices: Sequence[Notice]) -> int:
        return await deliver(session, notices, texts=texts, default_language="zh-Hans", now=now)

    return sink


async def _file(session: AsyncSession, world: World, text: str = "门口的下水道堵了") -> Request:
    filed = await req_svc.file_request(
        session,
        user=world.resident,
        draft=draft(text),
        suggestion=None,
        now=T0,
        outbox=_sink(session, T0),
    )
    # the sender has sent the cards (daytime: nothing held)
    await session.exec(
        update(Delivery)
        .where(col(Delivery.kind).in_(CARDS), col(Delivery.state) == DeliveryState.PENDING)
        .values(state=DeliveryState.SENT, message_ids="1")
    )  # type: ignore[call-overload]
    await session.commit()
    return filed.request


async def _move(
    session: AsyncSession, world: World, req: Request, building_id: int, *, by: User | None = None
) -> staff_place.PlaceChange:
    who = by or world.staff
    use_outbox(session, _sink(session, T0))
    return await staff_place.move_place(
        session,
        user=who,
        roles=world.roles(who),
        request_id=req.id or 0,
        building_id=building_id,
        now=T0,
    )


async def _mail(session: AsyncSession, req: Request, *, since: int) -> list[Delivery]:
    rows = await session.exec(
        select(Delivery).where(col(Delivery.id) > since).order_by(col(Delivery.id))
    )
    return [d for d in rows.all() if req.number in d.text]


async def _last_id(session: AsyncSession) -> int:
    ids = (await session.exec(select(Delivery.id))).all()
    return max((i or 0 for i in ids), default=0)


async def _moves(session: AsyncSession, req: Request) -> list[LedgerEvent]:
    rows = await session.exec(
        select(LedgerEvent).where(
            col(LedgerEvent.request_id) == req.id, col(LedgerEvent.action) == "move_place"
        )
    )
    return list(rows.all())


async def test_staff_move_a_request_to_another_building_and_everyone_is_told(
    session: AsyncSession, world: World
) -> None:
    w = world  # the resident lives in 3号楼 (第一网格) 302; 5号楼 is in 第二网格
    req = await _file(session, w)
    before = await _last_id(session)

    out = await _move(session, w, req, w.building2.id or 0)

    assert out.changed and (out.place, out.grid) == ("5号楼", "第二网格")
    await session.refresh(req)
    assert (req.building_id, req.grid_id, req.room) == (w.building2.id, w.grid2.id, None)
    assert req.status == RequestStatus.NEW
    [event] = await _moves(session, req)
    assert (event.actor_id, event.note) == (w.staff.id, "3号楼 → 5号楼")
    mail = {(d.chat_id, d.edit_message_id): d for d in await _mail(session, req, since=before)}
    # 李社工 moved it: nothing for them; 张网格员 of 第一网格 is told it left them, and their
    # card says so; the resident reads where it is now
    assert set(mail) == {(w.grid_staff.id, None), (w.grid_staff.id, 1), (w.resident.id, None)}
    assert mail[(w.grid_staff.id, None)].kind == "order-notice-place-moved-away"
    assert "已由工作人员改为 5号楼（原为 3号楼），已改由 第二网格 处理" in (
        mail[(w.grid_staff.id, None)].text
    )
    assert mail[(w.grid_staff.id, 1)].kind == "order-card-moved-away"
    said = mail[(w.resident.id, None)].text
    assert "地点已由社区工作人员更正为 5号楼" in said and "\n" not in said.strip()

    # back to her own building: her room comes back with it
    again = await _move(session, w, req, w.building.id or 0)
    assert again.changed
    await session.refresh(req)
    assert (req.building_id, req.grid_id, req.room) == (w.building.id, w.grid.id, "302")
    # and a tap naming where it already is changes nothing
    same = await _move(session, w, req, w.building.id or 0)
    assert not same.changed and len(await _moves(session, req)) == 2
    # staff chose its place: her words naming another building no longer move it (staff are
    # told where she says it is)
    added = await req_svc.add_info(
        session, user=w.resident, request_id=req.id or 0, text="是5号楼门口", now=T0
    )
    assert not added.moved and added.place == "5号楼"
    await session.refresh(req)
    assert req.building_id == w.building.id


async def test_the_grid_worker_moves_it_and_the_new_grids_staff_get_the_card(
    session: AsyncSession, world: World
) -> None:
    w = world
    filed = await req_svc.file_request(
        session, user=w.resident2, draft=draft("楼道灯坏了"), suggestion=None, now=T0
    )
    req = filed.request  # 5号楼, 第二网格: 张网格员 (第一网格) may not move it
    with pytest.raises(PermissionDenied):
        await _move(session, w, req, w.building.id or 0, by=w.grid_staff)
    before = await _last_id(session)
    await _move(session, w, req, w.building.id or 0)  # 李社工 moves it to 3号楼 (第一网格)
    mail = {d.chat_id: d for d in await _mail(session, req, since=before)}
    assert mail[w.grid_staff.id].kind == "order-notice-new"  # their first card of it
    assert "3号楼" in mail[w.grid_staff.id].text
    await session.refresh(req)
    assert req.room is None  # not her building: the staff card shows her home room instead
    # now it is in their grid, the grid worker may move it
    out = await _move(session, w, req, w.building2.id or 0, by=w.grid_staff)
    assert out.changed


async def test_forged_foreign_and_finished_moves_are_refused(
    session: AsyncSession, world: World
) -> None:
    w = world
    req = await _file(session, w)
    for who in (w.resident, w.other_staff, w.member):
        with pytest.raises(PermissionDenied):
            await _move(session, w, req, w.building2.id or 0, by=who)
    # another community's building (a forged extra): 和谐社区's 东1栋
    east = (await session.exec(select(Building).where(col(Building.name) == "东1栋"))).one()
    with pytest.raises(PermissionDenied):
        await _move(session, w, req, east.id or 0)
    refused = (
        await session.exec(select(AuditEvent).where(col(AuditEvent.action) == "refused"))
    ).all()
    assert sorted(r.detail for r in refused) == [
        "move_place",
        "move_place",
        "move_place",
        "move_place_foreign",
    ]
    await session.refresh(req)
    assert req.building_id == w.building.id and await _moves(session, req) == []
    # a withdrawn matter: its place is history
    await req_svc.withdraw(session, user=w.resident, request_id=req.id or 0, reason=None, now=T0)
    with pytest.raises(Conflict):
        await _move(session, w, req, w.building2.id or 0)


async def _issue(session: AsyncSession, world: World, req: Request) -> svc.Outcome:
    return await svc.issue_order(
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        request_id=req.id or 0,
        spec=svc.OrderSpec(),
        now=T0,
    )


async def test_an_unclaimed_order_follows_and_a_claimed_one_refuses_the_move(
    session: AsyncSession, world: World
) -> None:
    w = world
    # 第二网格 has an electrician of its own
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
    req = await _file(session, w)
    use_outbox(session, _sink(session, T0))
    order = (await _issue(session, w, req)).order
    assert order is not None and order.grid_id == w.grid.id
    offers = (
        await session.exec(select(Delivery).where(col(Delivery.kind) == "order-notice-offer"))
    ).all()
    # the community-wide members and 第一网格's electrician were offered it; they have it
    assert {d.chat_id for d in offers} == {w.member.id, w.member2.id, w.member3.id}
    await session.exec(
        update(Delivery)
        .where(col(Delivery.kind) == "order-notice-offer")
        .values(state=DeliveryState.SENT, message_ids="7")
    )  # type: ignore[call-overload]
    await session.commit()
    before = await _last_id(session)

    await _move(session, w, req, w.building2.id or 0)

    await session.refresh(order)
    assert order.grid_id == w.grid2.id  # offered where the matter is now
    rows = await session.exec(
        select(Delivery).where(
            col(Delivery.id) > before, col(Delivery.kind).like("order-notice-offer%")
        )
    )
    mail = {d.chat_id: d for d in rows.all()}
    # 第二网格's electrician gets the offer; 第一网格's reads it moved out of their area
    assert set(mail) == {304, w.member2.id}
    assert mail[304].kind == "order-notice-offer" and mail[304].edit_message_id is None
    moved = mail[w.member2.id]
    assert (moved.kind, moved.edit_message_id, moved.reply_markup) == (
        "order-notice-offer-moved",
        7,
        None,
    )
    assert "地点已更正为 5号楼，不在您的服务区域" in moved.text
    await svc.claim_order(
        session, user=w.member, roles=w.roles(w.member), order_id=order.id or 0, now=T0
    )
    with pytest.raises(Conflict) as refused:
        await _move(session, w, req, w.building.id or 0)
    assert refused.value.key == "order-err-place-claimed"
    await session.refresh(req)
    await session.refresh(order)
    assert (req.building_id, order.grid_id) == (w.building2.id, w.grid2.id)


async def test_an_order_issued_as_a_move_lands_gets_the_requests_new_place(
    session: AsyncSession, sessionmaker: async_sessionmaker[AsyncSession], world: World
) -> None:
    """Staff open the order form of a request filed from 3号楼 (第一网格); before they publish,
    the resident's 补充信息 moves it to 5号楼 (第二网格). Publishing then is refused, saying
    the place changed, rather than sending the order to 第一网格; published again, the order
    is 第二网格's."""
    w = world
    req = await _file(session, w)
    # this session read the request before the move landed
    seen = await svc.staff_view(
        session, user=w.staff, roles=w.roles(w.staff), request_id=req.id or 0
    )
    assert seen.grid_id == w.grid.id
    async with sessionmaker() as other:
        resident = await other.get(User, w.resident.id)
        assert resident is not None
        added = await req_svc.add_info(
            other, user=resident, request_id=req.id or 0, text="是5号楼门口", now=T0
        )
        assert added.moved
    with pytest.raises(Conflict) as refused:
        await _issue(session, w, req)
    assert refused.value.key == "order-err-place-changed"
    out = await _issue(session, w, req)
    assert out.order is not None and out.order.grid_id == w.grid2.id
    assert out.request is not None and out.request.grid_id == w.grid2.id


async def test_a_move_landing_after_the_order_was_issued_moves_nothing(
    session: AsyncSession, sessionmaker: async_sessionmaker[AsyncSession], world: World
) -> None:
    w = world
    req = await _file(session, w)
    assert await session.get(Request, req.id) is not None  # read before the order lands
    async with sessionmaker() as other:
        staff = await other.get(User, w.staff.id)
        assert staff is not None
        issued = await svc.issue_order(
            other,
            user=staff,
            roles=w.roles(w.staff),
            request_id=req.id or 0,
            spec=svc.OrderSpec(),
            now=T0,
        )
        assert issued.order is not None
    added = await req_svc.add_info(
        session, user=w.resident, request_id=req.id or 0, text="是5号楼门口", now=T0
    )
    assert not added.moved
    await session.refresh(req)
    order = await session.get(Order, issued.order.id)
    assert order is not None and (req.grid_id, order.grid_id) == (w.grid.id, w.grid.id)


async def test_reminders_held_for_the_night_do_not_reach_the_grid_it_left(
    session: AsyncSession, world: World
) -> None:
    """周 urges her request at 23:00: the reminders to 李社工 and 张网格员 (第一网格) wait for the
    morning. 李社工 then moves it to 5号楼 (第二网格): 张网格员 can no longer open it, so their
    reminder does not go in the morning; 李社工's (who keeps it) still does."""
    w = world
    req = await _file(session, w)
    night = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)  # Tue 23:00 in Shanghai
    use_outbox(session, _sink(session, night))
    urged = await urges.urge(session, user=w.resident, request_id=req.id or 0, now=night)
    assert urged.queued

    async def reminders() -> dict[int, Delivery]:
        rows = await session.exec(
            select(Delivery)
            .where(col(Delivery.kind) == "urge-notice-staff")
            .execution_options(populate_existing=True)
        )
        return {d.chat_id: d for d in rows.all()}

    held = await reminders()
    assert set(held) == {w.staff.id, w.grid_staff.id}
    assert all(d.state == DeliveryState.PENDING and d.not_before > night for d in held.values())
    use_outbox(session, _sink(session, night))
    await staff_place.move_place(
        session,
        user=w.staff,
        roles=w.roles(w.staff),
        request_id=req.id or 0,
        building_id=w.building2.id or 0,
        now=night,
    )

    after = await reminders()
    assert after[w.grid_staff.id].state == DeliveryState.CANCELLED
    assert after[w.staff.id].state == DeliveryState.PENDING
    # what tells 张网格员 it left them still goes
    told = (
        await session.exec(
            select(Delivery).where(
                col(Delivery.chat_id) == w.grid_staff.id,
                col(Delivery.kind) == "order-notice-place-moved-away",
            )
        )
    ).one()
    assert told.state == DeliveryState.PENDING


async def test_an_overdue_notice_held_for_the_night_does_not_reach_the_grid_it_left(
    session: AsyncSession, world: World, runner: JobRunner, clock: FakeClock
) -> None:
    """The order of 周's request runs past its deadline at 23:00, nobody having claimed it:
    staff of 第一网格 are told, in the morning. 李社工 moves the matter to 5号楼 (第二网格) at
    23:30: 张网格员's notice does not go."""
    w = world
    req = await _file(session, w)
    night = T0 + timedelta(hours=13)  # Mon 23:00 in Shanghai
    use_outbox(session, _sink(session, T0))
    order = (
        await svc.issue_order(
            session,
            user=w.staff,
            roles=w.roles(w.staff),
            request_id=req.id or 0,
            spec=svc.OrderSpec(deadline_at=night),
            now=T0,
        )
    ).order
    assert order is not None
    clock.set(night)
    await runner.run_due()

    async def overdue() -> dict[int, Delivery]:
        rows = await session.exec(
            select(Delivery)
            .where(col(Delivery.kind) == "order-notice-overdue")
            .execution_options(populate_existing=True)
        )
        return {d.chat_id: d for d in rows.all()}

    held = await overdue()
    assert set(held) == {w.staff.id, w.grid_staff.id}
    assert all(d.state == DeliveryState.PENDING and d.not_before > night for d in held.values())
    use_outbox(session, _sink(session, night))
    await staff_place.move_place(
        session,
        user=w.staff,
        roles=w.roles(w.staff),
        request_id=req.id or 0,
        building_id=w.building2.id or 0,
        now=night + timedelta(minutes=30),
    )

    after = await overdue()
    assert after[w.grid_staff.id].state == DeliveryState.CANCELLED
    assert after[w.staff.id].state == DeliveryState.PENDING
