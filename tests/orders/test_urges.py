"""催办 (services/urges.py) on SQLite and PostgreSQL: when a resident may urge, the ledger row,
who is reminded, quiet hours and settled matters, once a day, double taps."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Translator
from models import User
from models.orders import LedgerEvent, Request, RequestStatus
from models.scheduling import Delivery, DeliveryState
from services import orders as svc
from services import requests as req_svc
from services import urges
from services.errors import Conflict, PermissionDenied
from services.order_common import Notice, category, use_outbox
from services.order_notices import deliver, render
from tests.orders.conftest import World, draft

DAY = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai
NIGHT = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)  # 23:00 in Shanghai: quiet hours
ZONE = ZoneInfo("Asia/Shanghai")


class Texts:
    """Renders a notice as its key and arguments."""

    def get(self, lang: str, key: str, /, **args: object) -> str:
        return f"{key} {sorted(args.items())}"


def _outbox(session: AsyncSession, now: datetime) -> None:
    async def sink(notices: Sequence[Notice]) -> int:
        return await deliver(session, notices, texts=Texts(), default_language="zh-Hans", now=now)

    use_outbox(session, sink)


async def _file(
    session: AsyncSession,
    world: World,
    *,
    at: datetime = DAY,
    urgent: bool = False,
    text: str = "3号楼楼道灯坏了，晚上很黑",
) -> Request:
    filed = await req_svc.file_request(
        session,
        user=world.resident,
        draft=draft(text, urgent=urgent),  # facilities: 48 h
        suggestion=None,
        now=at,
    )
    return filed.request


async def _urges(session: AsyncSession, request_id: int) -> list[LedgerEvent]:
    rows = await session.exec(
        select(LedgerEvent)
        .where(col(LedgerEvent.request_id) == request_id, col(LedgerEvent.action) == "urge")
        .execution_options(populate_existing=True)
    )
    return list(rows.all())


def test_waits_follow_the_category_deadline() -> None:
    req = Request(community_id=1, filed_by=1, text="x", category="facilities")  # 48 h
    assert urges.response_wait(req) == timedelta(hours=24)
    req.category = "water_electric"  # 24 h
    assert urges.response_wait(req) == timedelta(hours=12)
    req.urgent = True
    assert urges.response_wait(req) == timedelta(hours=2)


async def test_no_response_urge_records_reminds_staff_and_once_a_day(
    session: AsyncSession, world: World
) -> None:
    req = await _file(session, world)
    rid = req.id or 0
    # within the first 24 hours (half of facilities' 48): not yet, and told when
    with pytest.raises(urges.TooSoon) as early:
        await urges.urge(
            session, user=world.resident, request_id=rid, now=DAY + timedelta(hours=23)
        )
    assert early.value.key == "urge-err-early"
    assert early.value.retry_at == DAY + timedelta(hours=24)
    assert await _urges(session, rid) == []
    at = DAY + timedelta(hours=26)
    state = await urges.urge_state(session, req=req)
    assert state.allowed(at) and not state.allowed(DAY + timedelta(hours=23))
    urged = await urges.urge(session, user=world.resident, request_id=rid, now=at)
    [event] = await _urges(session, rid)
    assert (event.actor_id, event.at, event.from_state, event.to_state) == (
        world.resident.id,
        at,
        RequestStatus.NEW,
        RequestStatus.NEW,
    )
    await session.refresh(req)
    assert req.status == RequestStatus.NEW  # no state change
    assert urged.reminded == "staff"
    assert {n.chat_id for n in urged.notices} == {world.staff.id, world.grid_staff.id}
    notice = urged.notices[0]
    assert notice.key == "urge-notice-staff" and notice.matter == f"request:{rid}:new"
    assert notice.args["hours"] == 26 and notice.args["status"] == "new"
    assert notice.args["count"] == 1
    assert urged.next_at == at + timedelta(hours=24)
    # a second urge within 24 hours is refused with the moment it is accepted
    with pytest.raises(urges.TooSoon) as again:
        await urges.urge(session, user=world.resident, request_id=rid, now=at + timedelta(hours=3))
    assert again.value.key == "urge-err-recent"
    assert again.value.retry_at == at + timedelta(hours=24)
    assert len(await _urges(session, rid)) == 1
    second = await urges.urge(
        session, user=world.resident, request_id=rid, now=at + timedelta(hours=24)
    )
    assert second.notices[0].args["count"] == 2 and second.notices[0].args["days"] == 2
    assert await urges.urge_counts(session, [rid]) == {rid: 2}


async def test_only_open_requests_of_ones_own(session: AsyncSession, world: World) -> None:
    req = await _file(session, world)
    rid = req.id or 0
    with pytest.raises(PermissionDenied):
        await urges.urge(
            session, user=world.resident2, request_id=rid, now=DAY + timedelta(hours=30)
        )
    await req_svc.withdraw(session, user=world.resident, request_id=rid, reason=None, now=DAY)
    state = await urges.urge_state(session, req=req)
    assert not state.allowed(DAY + timedelta(days=9)) and state.next_at is None
    with pytest.raises(Conflict):
        await urges.urge(session, user=world.resident, request_id=rid, now=DAY + timedelta(days=9))
    assert await _urges(session, rid) == []


async def test_an_ordered_request_is_urged_once_overdue_to_its_members_and_issuer(
    session: AsyncSession, world: World
) -> None:
    # every clause names a room: the order is called by its category's name
    req = await _file(session, world, text="3单元502楼道灯坏了，502门口很黑")
    rid = req.id or 0
    out = await svc.issue_order(
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        request_id=rid,
        spec=svc.OrderSpec(members_needed=1, deadline_at=DAY + timedelta(hours=72)),
        now=DAY + timedelta(hours=1),
    )
    order = out.order
    assert order is not None
    await svc.claim_order(
        session,
        user=world.member,
        roles=world.roles(world.member),
        order_id=order.id or 0,
        now=DAY + timedelta(hours=2),
    )
    # taken up: not late until the order's deadline, whatever the time since filing
    with pytest.raises(urges.TooSoon) as early:
        await urges.urge(
            session, user=world.resident, request_id=rid, now=DAY + timedelta(hours=50)
        )
    assert early.value.retry_at == DAY + timedelta(hours=72)
    urged = await urges.urge(
        session, user=world.resident, request_id=rid, now=DAY + timedelta(hours=73)
    )
    assert urged.reminded == "members"
    by_chat = {n.chat_id: n for n in urged.notices}
    assert set(by_chat) == {world.member.id, world.staff.id}  # not the grid's other staff
    member = by_chat[world.member.id]
    assert member.key == "urge-notice-member" and member.args["order"] == order.number
    assert member.matter is not None and member.matter.startswith("claim:")
    # read in English, the order's default title (its category's name) is in English too
    english, _ = render(Translator(), "en", member)
    name = category(order.category)
    assert f"({name.name('en')})" in english and name.name() not in english, english
    assert by_chat[world.staff.id].matter == f"request:{rid}:ordered"


async def test_held_at_night_and_cancelled_when_the_matter_moves_on(
    session: AsyncSession, world: World
) -> None:
    req = await _file(session, world, at=NIGHT - timedelta(hours=25))
    rid = req.id or 0
    _outbox(session, NIGHT)
    urged = await urges.urge(session, user=world.resident, request_id=rid, now=NIGHT)
    assert urged.queued
    held = await urges.held_until(session, urged=urged, now=NIGHT)
    assert held is not None and held > NIGHT  # 07:00
    rows = (
        await session.exec(select(Delivery).where(col(Delivery.kind) == "urge-notice-staff"))
    ).all()
    assert {d.chat_id for d in rows} == {world.staff.id, world.grid_staff.id}
    assert {d.state for d in rows} == {DeliveryState.PENDING}
    # a staff member awake takes it on before the morning: the urge is not sent
    await svc.handle_directly(
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        request_id=rid,
        now=NIGHT + timedelta(minutes=10),
    )
    states = (
        await session.exec(
            select(Delivery.state)
            .where(col(Delivery.kind) == "urge-notice-staff")
            .execution_options(populate_existing=True)
        )
    ).all()
    assert set(states) == {DeliveryState.CANCELLED}


async def test_an_urgent_request_is_urged_at_once_day_or_night(
    session: AsyncSession, world: World
) -> None:
    req = await _file(session, world, at=NIGHT - timedelta(hours=3), urgent=True)
    _outbox(session, NIGHT)
    urged = await urges.urge(session, user=world.resident, request_id=req.id or 0, now=NIGHT)
    assert urged.notices and all(n.urgent for n in urged.notices)
    assert await urges.held_until(session, urged=urged, now=NIGHT) is None
    rows = (
        await session.exec(select(Delivery).where(col(Delivery.kind) == "urge-notice-staff"))
    ).all()
    assert rows and all(d.not_before <= NIGHT for d in rows)


async def test_two_taps_at_once_urge_once(
    sessionmaker: async_sessionmaker[AsyncSession], session: AsyncSession, world: World
) -> None:
    req = await _file(session, world)
    rid, uid = req.id or 0, world.resident.id
    at = DAY + timedelta(hours=30)

    async def tap() -> str:
        async with sessionmaker() as s:
            user = await s.get(User, uid)
            assert user is not None
            try:
                await urges.urge(s, user=user, request_id=rid, now=at)
            except urges.TooSoon as exc:
                return exc.key
            return "ok"

    results = sorted(await asyncio.gather(tap(), tap()))
    assert results == ["ok", "urge-err-recent"]
    assert len(await _urges(session, rid)) == 1


async def test_stats_and_the_ledger_export_count_urges(
    session: AsyncSession, world: World, tmp_path: Path
) -> None:
    from services import stats
    from services.export import export_ledger

    own = await _file(session, world)  # grid 1
    other = (
        await req_svc.file_request(
            session, user=world.resident2, draft=draft("5号楼门禁坏了"), suggestion=None, now=DAY
        )
    ).request  # grid 2
    day2 = DAY + timedelta(hours=30)
    await urges.urge(session, user=world.resident, request_id=own.id or 0, now=day2)
    await urges.urge(
        session, user=world.resident, request_id=own.id or 0, now=day2 + timedelta(days=1)
    )
    await urges.urge(session, user=world.resident2, request_id=other.id or 0, now=day2)

    async def counted(user: User, start: datetime, end: datetime) -> tuple[int, int]:
        s = await stats.ledger_stats(
            session,
            user=user,
            roles=world.roles(user),
            start=start,
            end=end,
            now=end,
            zone=ZONE,
        )
        return s.urges, s.urged_matters

    week = (DAY - timedelta(days=1), DAY + timedelta(days=6))
    assert await counted(world.staff, *week) == (3, 2)
    assert await counted(world.grid_staff, *week) == (2, 1)  # their grid's matter only
    assert await counted(world.other_staff, *week) == (0, 0)
    # counted when urged: a period after the filing still holds the urges made in it
    assert await counted(world.staff, DAY + timedelta(days=2), DAY + timedelta(days=3)) == (1, 1)
    out = await export_ledger(
        session,
        path=tmp_path / "ledger.xlsx",
        start=week[0],
        end=week[1],
        community_ids=[world.community.id or 0],
        texts=Translator(),
        lang="zh-Hans",
        zone=ZONE,
        now=DAY + timedelta(days=3),
    )
    sheet = load_workbook(out.path, read_only=True).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header = rows[0]
    assert "催办次数" in header and header[-1] == "办理过程"
    by_number = {r[0]: dict(zip(header, r, strict=True)) for r in rows[1:]}
    mine = by_number[own.number]
    assert mine["催办次数"] == "2"
    assert mine["办理过程"].count("催办 久未受理") == 2
    assert by_number[other.number]["催办次数"] == "1"
