"""💬 告诉社区 on SQLite and PostgreSQL: a claimant's note reaches the order's staff and the
ledger (no state change); anyone else, or an order that moved on, gets nothing written."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Translator
from models import User
from models.orders import LedgerEvent, Order, OrderStatus
from services import member_notes
from services import orders as svc
from services.errors import Conflict, InvalidInput, PermissionDenied
from services.export import export_ledger
from services.order_notices import render
from tests.orders.conftest import T0, World
from tests.orders.test_cycle import _file, _issue, _refusals

NOW = T0 + timedelta(hours=1)


async def _claimed(session: AsyncSession, w: World, *, needed: int = 1) -> Order:
    """An order of a request in the first grid, claimed by `w.member`."""
    order = await _issue(session, w, await _file(session, w), needed=needed)
    await svc.claim_order(
        session, user=w.member, roles=w.roles(w.member), order_id=order.id or 0, now=T0
    )
    return order


async def _notes(session: AsyncSession) -> list[LedgerEvent]:
    rows = await session.exec(
        select(LedgerEvent).where(col(LedgerEvent.action) == member_notes.NOTE_ACTION)
    )
    return list(rows.all())


async def _tell(session: AsyncSession, w: World, user: User, order: Order, text: str) -> None:
    await member_notes.tell_community(
        session, user=user, roles=w.roles(user), order_id=order.id or 0, text=text, now=NOW
    )


async def test_the_claimants_note_reaches_the_staff_and_the_ledger(
    session: AsyncSession, world: World
) -> None:
    order = await _claimed(session, world, needed=2)
    said = "敲门没人在家，<b>明天</b>再来"
    out = await member_notes.tell_community(
        session,
        user=world.member,
        roles=world.roles(world.member),
        order_id=order.id or 0,
        text=f"  {said}\n",
        now=NOW,
    )
    assert out.order is not None and out.order.status == OrderStatus.OPEN  # nothing moved
    [event] = await _notes(session)
    assert (event.subject, event.subject_id, event.actor_id) == ("order", order.id, 300)
    assert event.from_state == event.to_state == OrderStatus.OPEN
    assert (event.note, event.at.replace(tzinfo=None)) == (said, NOW.replace(tzinfo=None))
    # the staff who get the order's notices (its grid's and the community's), with 查看工单
    assert {n.chat_id for n in out.notices} == {world.staff.id, world.grid_staff.id}
    text, markup = render(Translator(), "zh-Hans", out.notices[0])
    assert text == (
        f"💬 工单 {order.number}（{order.title}）· 接单人 党员300："
        "敲门没人在家，&lt;b&gt;明天&lt;/b&gt;再来"
    )
    assert markup is not None
    [[button]] = markup["inline_keyboard"]
    assert button["callback_data"] == f"oc:sord:{order.id}:0"
    english, _ = render(Translator(), "en", out.notices[0])
    assert english.startswith(f"💬 Order {order.number} (") and "from 党员300" in english


async def test_the_note_is_in_the_xlsx_ledger(
    session: AsyncSession, world: World, tmp_path: Path
) -> None:
    order = await _claimed(session, world)
    await _tell(session, world, world.member, order, "需要换零件，明天再来")
    out = await export_ledger(
        session,
        path=tmp_path / "ledger.xlsx",
        start=T0 - timedelta(days=1),
        end=T0 + timedelta(days=2),
        community_ids=[world.community.id or 0],
        texts=Translator(),
        lang="zh-Hans",
        zone=ZoneInfo("Asia/Shanghai"),
        now=T0 + timedelta(days=3),
    )
    rows = [[c.value for c in row] for row in load_workbook(out.path, read_only=True).active]
    history = str(rows[1][-1])
    assert "接单人留言 需要换零件，明天再来" in history, history


async def test_no_note_from_anyone_but_a_claimant(session: AsyncSession, world: World) -> None:
    order = await _claimed(session, world)
    for who in (world.member3, world.resident, world.staff):  # a member, a resident, staff
        with pytest.raises(PermissionDenied):
            await _tell(session, world, who, order, "我来说一句")
    assert await _notes(session) == []
    assert await _refusals(session, world.member3.id) == ["member_note_not_own"]


@pytest.mark.parametrize("then", ["released", "done", "verified", "cancelled"])
async def test_no_note_once_the_order_or_the_claim_moved_on(
    session: AsyncSession, world: World, then: str
) -> None:
    order = await _claimed(session, world)
    oid, member, roles = order.id or 0, world.member, world.roles(world.member)
    staff, staff_roles = world.staff, world.roles(world.staff)
    if then == "released":
        await svc.release_claim(
            session, user=member, roles=roles, order_id=oid, reason="临时出差", now=T0
        )
    elif then == "cancelled":
        await svc.cancel_order(
            session, user=staff, roles=staff_roles, order_id=oid, reason="居民不修了", now=T0
        )
    else:
        await svc.report_done(session, user=member, roles=roles, order_id=oid, note="好了", now=T0)
    if then == "verified":
        await svc.verify(
            session, user=staff, roles=staff_roles, order_id=oid, approve=True, note=None, now=T0
        )
    with pytest.raises(Conflict) as refused:
        await _tell(session, world, member, order, "居民说不用修了")
    assert refused.value.key == "order-note-closed"
    status = refused.value.args_["status"]
    assert status == ("not-yours" if then == "released" else then), status
    assert await _notes(session) == []
    assert await _refusals(session, member.id) == []  # stale, not forged: nothing logged


async def test_a_note_is_words_within_the_limit(session: AsyncSession, world: World) -> None:
    order = await _claimed(session, world)
    with pytest.raises(InvalidInput) as long:
        await _tell(session, world, world.member, order, "敲" * (member_notes.MAX_NOTE + 1))
    assert long.value.key == "err-text-too-long"
    assert long.value.args_ == {
        "limit": member_notes.MAX_NOTE,
        "length": member_notes.MAX_NOTE + 1,
    }
    for empty in ("👍", "。。。"):
        with pytest.raises(InvalidInput) as wordless:
            await _tell(session, world, world.member, order, empty)
        assert wordless.value.key == "order-err-note-words"
    assert await _notes(session) == []
    await _tell(session, world, world.member, order, "敲" * member_notes.MAX_NOTE)
    assert len(await _notes(session)) == 1
