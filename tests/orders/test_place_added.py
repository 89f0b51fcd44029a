"""A resident who filed '门口的下水道堵了' from home (the request at her own building) adds
'是5号楼门口': while staff have not taken it up, the request moves to 5号楼 and its grid (the
ledger says so); the new grid's staff get it as a new request (urgent: at once, at night too),
the old grid's staff who had its card are told it left them, staff of both are told of the new
place, and cards held for the night with the old place are dropped. Taken up already, or put
back at home by her in the preview, it stays: staff are told where she says it is. Words that
name two buildings, another community's or a bare '5号' move nothing (services.address.
named_place's rules). SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

import pytest
from sqlalchemy import update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Translator
from models import Building
from models.orders import LedgerEvent, Request, RequestStatus
from models.scheduling import Delivery, DeliveryState
from services import orders as svc
from services import requests as req_svc
from services.order_common import Notice
from services.order_notices import deliver
from tests.orders.conftest import T0, World, draft

NIGHT = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)  # 23:00 in Shanghai: quiet hours
CARDS = ("order-notice-new", "order-notice-urgent")


def _sink(session: AsyncSession, now: datetime) -> req_svc.NoticeSink:
    texts = Translator()

    async def sink(notices: Sequence[Notice]) -> int:
        return await deliver(session, notices, texts=texts, default_language="zh-Hans", now=now)

    return sink


async def _file(
    session: AsyncSession, world: World, text: str, *, now: datetime = T0, **kw: object
) -> Request:
    filed = await req_svc.file_request(
        session,
        user=world.resident,
        draft=draft(text, **kw),
        suggestion=None,
        now=now,
        outbox=_sink(session, now),
    )
    return filed.request


async def _cards_sent(session: AsyncSession) -> None:
    """The sender has sent every card queued so far (daytime: nothing held)."""
    await session.exec(
        update(Delivery)
        .where(col(Delivery.kind).in_(CARDS), col(Delivery.state) == DeliveryState.PENDING)
        .values(state=DeliveryState.SENT, message_ids="1")
    )  # type: ignore[call-overload]
    await session.commit()


async def _add(
    session: AsyncSession, world: World, req: Request, text: str, *, now: datetime = T0
) -> req_svc.InfoAdded:
    return await req_svc.add_info(
        session,
        user=world.resident,
        request_id=req.id or 0,
        text=text,
        now=now,
        outbox=_sink(session, now),
    )


async def _mail(session: AsyncSession, req: Request, *, since: int = 0) -> list[Delivery]:
    rows = await session.exec(
        select(Delivery)
        .where(col(Delivery.id) > since)
        .order_by(col(Delivery.id))
        .execution_options(populate_existing=True)
    )
    return [d for d in rows.all() if req.number in d.text]


async def _last_id(session: AsyncSession) -> int:
    ids = (await session.exec(select(Delivery.id))).all()
    return max((i or 0 for i in ids), default=0)


async def test_added_words_naming_another_building_move_a_new_request_there(
    session: AsyncSession, world: World
) -> None:
    w = world  # the resident lives in 3号楼 (第一网格) 302; 5号楼 is in 第二网格
    req = await _file(session, w, "门口的下水道堵了，污水漫出来")
    assert (req.building_id, req.grid_id, req.room) == (w.building.id, w.grid.id, "302")
    await _cards_sent(session)  # 李社工 (the community) and 张网格员 (第一网格) have its card
    before = await _last_id(session)

    out = await _add(session, w, req, "是5号楼门口")

    assert out.moved and (out.place, out.grid) == ("5号楼", "第二网格")
    await session.refresh(req)
    assert (req.building_id, req.grid_id, req.room) == (w.building2.id, w.grid2.id, None)
    assert req.status == RequestStatus.NEW and "是5号楼门口" in req.text
    [moved] = (
        await session.exec(select(LedgerEvent).where(col(LedgerEvent.action) == "move_place"))
    ).all()
    assert (moved.actor_id, moved.from_state, moved.to_state, moved.note) == (
        w.resident.id,
        RequestStatus.NEW,
        RequestStatus.NEW,
        "3号楼 → 5号楼",
    )
    mail = {(d.chat_id, d.edit_message_id): d for d in await _mail(session, req, since=before)}
    assert set(mail) == {(w.staff.id, None), (w.grid_staff.id, None), (w.grid_staff.id, 1)}
    # 第一网格's worker's card is redrawn: it says so, and its 查看诉求 is gone
    redrawn = mail.pop((w.grid_staff.id, 1))
    assert redrawn.kind == "order-card-moved-away" and redrawn.reply_markup is None
    assert "已改由 第二网格 处理（地点：5号楼，原为 3号楼）" in redrawn.text
    mail = {chat: d for (chat, _edit), d in mail.items()}
    # the community's staff had the card: told of the new place, with the card's button
    assert mail[w.staff.id].kind == "order-notice-info-added-moved"
    assert "地点改为 5号楼（原为 3号楼），归 第二网格" in mail[w.staff.id].text
    assert mail[w.staff.id].reply_markup is not None
    # 第一网格's worker no longer has it: told it left them, nothing to open
    assert mail[w.grid_staff.id].kind == "order-notice-moved-away"
    assert "已改由 第二网格 处理" in mail[w.grid_staff.id].text
    assert mail[w.grid_staff.id].reply_markup is None
    # a second note naming another building moves it no more (it is no longer at her home)
    again = await _add(session, w, req, "不对，是3号楼门口")
    await session.refresh(req)
    assert not again.moved and req.building_id == w.building2.id


async def test_the_new_grids_staff_get_an_urgent_card_at_once_at_night(
    session: AsyncSession, world: World
) -> None:
    """吴 of 5号楼 (第二网格) smells gas and files at 23:00; only 李社工 is alerted. She adds
    that it is at 3号楼: 张网格员 of 第一网格 gets the urgent card at once, not in the
    morning."""
    w = world
    filed = await req_svc.file_request(
        session,
        user=w.resident2,
        draft=draft("楼道里煤气味很重", urgent=True),
        suggestion=None,
        now=NIGHT,
        outbox=_sink(session, NIGHT),
    )
    req = filed.request
    assert req.urgent and req.grid_id == w.grid2.id
    assert {d.chat_id for d in await _mail(session, req)} == {w.staff.id}
    await _cards_sent(session)
    before = await _last_id(session)

    out = await req_svc.add_info(
        session,
        user=w.resident2,
        request_id=req.id or 0,
        text="是3号楼一单元",
        now=NIGHT,
        outbox=_sink(session, NIGHT),
    )

    assert out.moved
    mail = {d.chat_id: d for d in await _mail(session, req, since=before)}
    assert set(mail) == {w.staff.id, w.grid_staff.id}
    card = mail[w.grid_staff.id]
    assert card.kind == "order-notice-urgent" and card.urgent
    assert "3号楼" in card.text and "煤气味" in card.text
    assert card.not_before <= NIGHT  # not held for the morning
    assert mail[w.staff.id].kind == "order-notice-info-added-moved" and mail[w.staff.id].urgent
    assert mail[w.staff.id].not_before <= NIGHT


async def test_cards_held_for_the_night_go_with_the_new_place_only_to_its_grid(
    session: AsyncSession, world: World
) -> None:
    w = world
    req = await _file(session, w, "门口的下水道堵了", now=NIGHT)
    held = await _mail(session, req)
    assert {d.chat_id for d in held} == {w.staff.id, w.grid_staff.id}
    assert all(d.state == DeliveryState.PENDING and d.not_before > NIGHT for d in held)

    await _add(session, w, req, "在五号楼门口", now=NIGHT)

    mail = await _mail(session, req)
    old = [d for d in mail if d.id in {h.id for h in held}]
    assert all(d.state == DeliveryState.CANCELLED for d in old)
    [card] = [d for d in mail if d.state == DeliveryState.PENDING]
    # one card, as a new request's, saying where it is now; still held for the morning
    assert (card.chat_id, card.kind) == (w.staff.id, "order-notice-new")
    assert "第二网格 · 5号楼" in card.text and card.not_before > NIGHT


async def test_taken_up_it_stays_and_staff_are_told_where_she_says_it_is(
    session: AsyncSession, world: World
) -> None:
    w = world
    req = await _file(session, w, "门口的下水道堵了")
    await svc.handle_directly(
        session, user=w.staff, roles=w.roles(w.staff), request_id=req.id or 0, now=T0
    )
    before = await _last_id(session)

    out = await _add(session, w, req, "是5号楼门口")

    assert (out.moved, out.place) == (False, "5号楼")
    await session.refresh(req)
    assert (req.building_id, req.grid_id, req.room) == (w.building.id, w.grid.id, "302")
    mail = await _mail(session, req, since=before)
    assert {d.chat_id for d in mail} == {w.staff.id, w.grid_staff.id}
    assert all(d.kind == "order-notice-info-added-place" for d in mail)
    assert all("居民说地点在 5号楼（登记的地点是 3号楼）" in d.text for d in mail)
    moves = await session.exec(select(LedgerEvent).where(col(LedgerEvent.action) == "move_place"))
    assert moves.all() == []


async def test_her_choice_of_home_in_the_preview_stands(
    session: AsyncSession, world: World
) -> None:
    """She wrote of 5号楼 and put the place back to her own building in the preview: saying 5号楼
    again is for staff to weigh, it does not undo her choice."""
    w = world
    req = await _file(session, w, "5号楼门口的下水道堵了，水漫到我们楼门口")
    assert req.building_id == w.building.id
    out = await _add(session, w, req, "5号楼那边的井盖")
    await session.refresh(req)
    assert (out.moved, out.place, req.building_id) == (False, "5号楼", w.building.id)


@pytest.mark.parametrize(
    "said",
    [
        "在3号楼和5号楼中间",  # two buildings: a matter between them
        "5号开始就堵了",  # a day of the month, not 5号楼
        "我们3号楼门口",  # her own
        "就在家门口",  # no building at all
    ],
)
async def test_words_that_name_no_one_other_building_move_nothing(
    session: AsyncSession, world: World, said: str
) -> None:
    w = world
    req = await _file(session, w, "门口的下水道堵了")
    out = await _add(session, w, req, said)
    await session.refresh(req)
    assert (out.moved, out.place) == (False, None)
    assert (req.building_id, req.grid_id, req.room) == (w.building.id, w.grid.id, "302")
    assert {n.key for n in out.notices} == {"order-notice-info-added"}


async def test_a_building_of_another_community_moves_nothing(
    session: AsyncSession, world: World
) -> None:
    w = world
    [elsewhere] = (
        await session.exec(select(Building).where(Building.community_id == w.other_community.id))
    ).all()
    req = await _file(session, w, "门口的下水道堵了")
    out = await _add(session, w, req, f"是{elsewhere.name}门口")
    await session.refresh(req)
    assert (out.moved, out.place, req.building_id) == (False, None, w.building.id)
