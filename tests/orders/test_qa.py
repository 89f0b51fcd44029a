"""QA findings on the order cycle, as service tests on SQLite and PostgreSQL (see notes/QA.md)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Translator
from models import MemberProfile
from models.orders import LedgerEvent, Rating, Request, Score
from services import orders as svc
from services import requests as req_svc
from services.errors import PermissionDenied
from services.export import export_ledger
from tests.orders.conftest import T0, World, draft


async def _file(session: AsyncSession, w: World, text: str, **kw: object) -> Request:
    out = await req_svc.file_request(
        session, user=w.resident, draft=draft(text, **kw), suggestion=None, now=T0
    )
    return out.request


async def _done_directly(session: AsyncSession, w: World, req: Request, note: str) -> svc.Outcome:
    roles = w.roles(w.staff)
    await svc.handle_directly(session, user=w.staff, roles=roles, request_id=req.id or 0, now=T0)
    return await svc.staff_result(
        session,
        user=w.staff,
        roles=roles,
        request_id=req.id or 0,
        note=note,
        now=T0 + timedelta(hours=2),
    )


async def test_rating_stored_first_then_the_comment_is_added(
    session: AsyncSession, world: World
) -> None:
    """QA D24: the score is a rating on its own; a later comment joins it."""
    req = await _file(session, world, "3号楼楼道灯坏了")
    await _done_directly(session, world, req, "已换灯泡")
    await svc.rate(
        session,
        user=world.resident,
        request_id=req.id or 0,
        score=Score.SATISFIED,
        comment=None,
        now=T0 + timedelta(hours=3),
    )
    await svc.comment_rating(
        session,
        user=world.resident,
        request_id=req.id or 0,
        comment="师傅很耐心",
        now=T0 + timedelta(hours=3, minutes=1),
    )
    [rating] = (await session.exec(select(Rating))).all()
    assert (rating.score, rating.comment) == ("satisfied", "师傅很耐心")
    with pytest.raises(PermissionDenied):
        await svc.comment_rating(
            session,
            user=world.resident2,
            request_id=req.id or 0,
            comment="不是我的",
            now=T0 + timedelta(hours=4),
        )


async def test_merged_resident_hears_the_result_under_their_own_number(
    session: AsyncSession, world: World
) -> None:
    """QA D19: the follower is told about their own request, without rating buttons."""
    first = await _file(session, world, "2号楼门口的垃圾桶满了")
    dup = (
        await req_svc.file_request(
            session,
            user=world.resident2,
            draft=draft("5号楼那边的垃圾桶也满了"),
            suggestion=None,
            now=T0,
        )
    ).request
    roles = world.roles(world.staff)
    await svc.merge(
        session,
        user=world.staff,
        roles=roles,
        request_id=dup.id or 0,
        into_number=first.number,
        now=T0,
    )
    handled = await svc.handle_directly(
        session, user=world.staff, roles=roles, request_id=first.id or 0, now=T0
    )
    told = {n.chat_id: n.args["number"] for n in handled.notices}
    assert told == {world.resident.id: first.number, world.resident2.id: dup.number}
    out = await _done_directly_result(session, world, first)
    by_chat = {n.chat_id: n for n in out.notices if n.chat_id in {200, 201}}
    own, follower = by_chat[world.resident.id], by_chat[world.resident2.id]
    assert own.kind == "resident-rate" and own.args["number"] == first.number
    assert follower.kind == "resident-request" and follower.key == "order-notice-result-follower"
    assert follower.args["number"] == dup.number and follower.args["target"] == first.number
    assert follower.ref_id == dup.id


async def _done_directly_result(session: AsyncSession, w: World, req: Request) -> svc.Outcome:
    return await svc.staff_result(
        session,
        user=w.staff,
        roles=w.roles(w.staff),
        request_id=req.id or 0,
        note="已清运",
        now=T0 + timedelta(hours=2),
    )


async def test_order_nobody_fits_can_be_offered_to_every_member(
    session: AsyncSession, world: World
) -> None:
    """QA D15: 0 members match at publish; staff offer it to all approved members."""
    generalist = await session.get(MemberProfile, world.member3.id)
    assert generalist is not None
    generalist.skills = "electrical"  # nobody does greening now
    session.add(generalist)
    await session.commit()
    req = await _file(session, world, "2号楼门口的垃圾桶满了", category="sanitation")
    roles = world.roles(world.staff)
    out = await svc.issue_order(
        session,
        user=world.staff,
        roles=roles,
        request_id=req.id or 0,
        spec=svc.OrderSpec(skills=("greening",)),
        now=T0,
    )
    assert out.order is not None and out.order.grid_id == world.grid.id
    assert not [n for n in out.notices if n.kind == "member-offer"]
    page = await svc.open_orders_for(session, user=world.member, roles=world.roles(world.member))
    assert page.total == 0
    with pytest.raises(PermissionDenied):
        await svc.offer_to_all(
            session,
            user=world.other_staff,
            roles=world.roles(world.other_staff),
            order_id=out.order.id or 0,
            now=T0,
        )
    widened = await svc.offer_to_all(
        session, user=world.staff, roles=roles, order_id=out.order.id or 0, now=T0
    )
    # every approved member of the community, not the member of the other community
    offered = {n.chat_id for n in widened.notices if n.kind == "member-offer"}
    assert offered == {world.member.id, world.member2.id, world.member3.id}
    page = await svc.open_orders_for(session, user=world.member, roles=world.roles(world.member))
    assert [o.id for o in page.items] == [out.order.id]
    ledger = (
        await session.exec(select(LedgerEvent).where(col(LedgerEvent.action) == "offer_all"))
    ).all()
    assert len(ledger) == 1 and ledger[0].actor_id == world.staff.id


async def test_order_title_keeps_what_a_meeting_decision_can_contain(
    session: AsyncSession, world: World
) -> None:
    """Item 9: a decision with emoji and line breaks becomes an order title, cut to 60."""
    decision = "🚧 修复1号楼门口路灯👍\n下周内完成\u202e" + "，并检查" * 20
    req = await _file(session, world, decision)
    out = await svc.issue_order(
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        request_id=req.id or 0,
        spec=svc.OrderSpec(title=decision[:60]),
        now=T0,
    )
    assert out.order is not None
    assert out.order.title.startswith("🚧 修复1号楼门口路灯👍 下周内完成，并检查")
    assert len(out.order.title) <= 60 and "\n" not in out.order.title
    assert "\u202e" not in out.order.title
    assert svc.order_title(" \n\t ") is None


async def test_xlsx_ledger_in_the_ledger_s_words(
    session: AsyncSession, world: World, tmp_path: Path
) -> None:
    """QA D17: 处理方式 is the staff decision; 办理过程 has Chinese state and channel names."""
    req = await _file(session, world, "3号楼楼道灯坏了", urgent=True)
    await req_svc.add_info(
        session, user=world.resident, request_id=req.id or 0, text="晚上很黑", now=T0
    )
    dup = (
        await req_svc.file_request(
            session, user=world.resident2, draft=draft("楼道灯坏了"), suggestion=None, now=T0
        )
    ).request
    roles = world.roles(world.staff)
    await svc.merge(
        session,
        user=world.staff,
        roles=roles,
        request_id=dup.id or 0,
        into_number=req.number,
        now=T0,
    )
    order = await svc.issue_order(
        session,
        user=world.staff,
        roles=roles,
        request_id=req.id or 0,
        spec=svc.OrderSpec(),
        now=T0,
    )
    assert order.order is not None
    mroles = world.roles(world.member)
    await svc.claim_order(
        session, user=world.member, roles=mroles, order_id=order.order.id or 0, now=T0
    )
    await svc.release_claim(
        session,
        user=world.member,
        roles=mroles,
        order_id=order.order.id or 0,
        reason="临时出差",
        now=T0,
    )
    out = await export_ledger(
        session,
        path=tmp_path / "ledger.xlsx",
        start=T0 - timedelta(days=1),
        end=T0 + timedelta(days=1),
        community_ids=None,
        texts=Translator(),
        lang="zh-Hans",
        zone=ZoneInfo("Asia/Shanghai"),
        now=T0,
    )
    rows = [
        [c.value for c in r] for r in load_workbook(out.path, read_only=True).active.iter_rows()
    ]
    by_number = {r[0]: dict(zip(rows[0], r, strict=True)) for r in rows[1:]}
    row = by_number[req.number]
    assert row["处理方式"] == "派单"
    assert by_number[dup.number]["处理方式"] == "合并"
    history = row["办理过程"]
    assert "渠道：机器人 · 紧急" in history
    assert "（待受理→已派单）" in history and "（待接单→已接满）" in history
    assert "（接单中→已放弃）" in history and "需要人数 1 · 积分 10" in history
    assert "临时出差" in history
    for english in ("None", "new", "open", "claimed", "active", "released", "channel=", "bot"):
        assert english not in history, english


async def test_report_done_tells_staff_the_note_and_co_claimants_who_reported(
    session: AsyncSession, world: World
) -> None:
    """QA D12/D23: the verify notice carries the note; the other claimant hears who reported."""
    req = await _file(session, world, "3号楼楼道灯坏了")
    roles = world.roles(world.staff)
    issued = await svc.issue_order(
        session,
        user=world.staff,
        roles=roles,
        request_id=req.id or 0,
        spec=svc.OrderSpec(members_needed=2, community_wide=True),
        now=T0,
    )
    assert issued.order is not None
    oid = issued.order.id or 0
    for m in (world.member, world.member3):
        await svc.claim_order(session, user=m, roles=world.roles(m), order_id=oid, now=T0)
    note = "换了新灯泡👍\n顺便擦了灯罩" + "。" * 700
    out = await svc.report_done(
        session,
        user=world.member,
        roles=world.roles(world.member),
        order_id=oid,
        note=note,
        photos=["p1", "p2"],
        now=T0 + timedelta(hours=1),
    )
    staff = [n for n in out.notices if n.key == "order-notice-verify"]
    assert staff and staff[0].kind == "staff-verify-photos" and staff[0].args["photos"] == 2
    assert staff[0].args["note"].startswith("换了新灯泡👍\n顺便擦了灯罩")
    # whole: the notice is fitted to one message when sent (📄 全文), not cut at 600 here
    assert staff[0].args["note"] == note
    co = [n for n in out.notices if n.key == "order-notice-co-done"]
    assert [(n.chat_id, n.args["name"]) for n in co] == [(world.member3.id, "党员300")]
    order, photos = await svc.result_photos(session, user=world.staff, roles=roles, order_id=oid)
    assert photos == ["p1", "p2"] and order.id == oid
    with pytest.raises(PermissionDenied):
        await svc.result_photos(
            session, user=world.member3, roles=world.roles(world.member3), order_id=oid
        )


async def test_public_card_never_posts_the_resident_s_photo(
    session: AsyncSession, world: World
) -> None:
    """QA D14: a directly handled request with a resident photo: no photo, the title once."""
    req = await _file(session, world, "3号楼水管漏水", category="water_electric", photos=["mine1"])
    out = await _done_directly(session, world, req, "已关阀门并更换水管")
    [card] = [n for n in out.notices if n.kind == "public-result"]
    assert card.photos == () and card.key == "order-public-card-plain"
    assert "mine1" not in " ".join(str(v) for v in card.args.values())
