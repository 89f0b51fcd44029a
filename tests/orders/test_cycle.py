"""The order cycle on SQLite and PostgreSQL: file, triage, claim, result, rating, ledger."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Translator
from models import AuditEvent, MemberProfile, User
from models.orders import (
    Claim,
    ClaimStatus,
    LedgerEvent,
    Order,
    OrderStatus,
    PointsEntry,
    Request,
    RequestStatus,
    Score,
)
from services import orders as svc
from services import requests as req_svc
from services.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from services.order_common import suggest
from services.order_notices import render
from tests.orders.conftest import T0, World, draft


async def _file(
    session: AsyncSession, w: World, text: str = "3号楼楼道灯坏了", **kw: object
) -> Request:
    filed = await req_svc.file_request(
        session, user=w.resident, draft=draft(text, **kw), suggestion=None, now=T0
    )
    return filed.request


async def _ledger(
    session: AsyncSession, request_id: int
) -> list[tuple[str, str | None, str | None]]:
    rows = await session.exec(
        select(LedgerEvent)
        .where(col(LedgerEvent.request_id) == request_id)
        .order_by(col(LedgerEvent.id))
    )
    return [(e.action, e.from_state, e.to_state) for e in rows.all()]


async def _refusals(session: AsyncSession, user_id: int) -> list[str]:
    rows = await session.exec(
        select(AuditEvent.detail)
        .where(col(AuditEvent.actor_id) == user_id)
        .where(col(AuditEvent.action) == "refused")
    )
    return list(rows.all())


async def _issue(session: AsyncSession, w: World, req: Request, *, needed: int = 1) -> Order:
    out = await svc.issue_order(
        session,
        user=w.staff,
        roles=w.roles(w.staff),
        request_id=req.id or 0,
        spec=svc.OrderSpec(members_needed=needed, points=15),
        now=T0 + timedelta(minutes=10),
    )
    assert out.order is not None
    return out.order


async def test_filing_tells_the_grid_staff_and_writes_the_ledger(
    session: AsyncSession, world: World
) -> None:
    filed = await req_svc.file_request(
        session,
        user=world.resident,
        draft=draft(photos=["ph1"], voices=["v1"]),
        suggestion=None,
        now=T0,
    )
    req = filed.request
    assert req.status == RequestStatus.NEW and req.number == f"{req.id:05d}"
    assert req.room == "302" and req.grid_id == world.grid.id
    assert {n.chat_id for n in filed.notices} == {world.staff.id, world.grid_staff.id}
    assert all(n.key == "order-notice-new" for n in filed.notices)
    assert await _ledger(session, req.id or 0) == [("file", None, "new")]
    files = await req_svc.attachments(session, request_id=req.id or 0)
    assert [(a.kind, a.file_id) for a in files] == [("photo", "ph1"), ("voice", "v1")]


async def test_urgent_request_alerts_at_once(session: AsyncSession, world: World) -> None:
    text = "家里燃气味道很重，老人独居"
    s = suggest(None, text)
    filed = await req_svc.file_request(
        session, user=world.resident, draft=draft(text), suggestion=s, now=T0
    )
    assert filed.request.urgent
    assert filed.notices and all(
        n.urgent and n.key == "order-notice-urgent" for n in filed.notices
    )


async def test_long_text_is_kept_whole(session: AsyncSession, world: World) -> None:
    text = "楼上漏水，" * 700  # 3500 characters
    req = await _file(session, world, text)
    assert len(req.text) == 3500


async def test_my_requests_are_paged_newest_first(session: AsyncSession, world: World) -> None:
    # one every 10 minutes: five in ten minutes is as many as a resident may file
    ids = [
        (
            await req_svc.file_request(
                session,
                user=world.resident,
                draft=draft(f"问题{i}"),
                suggestion=None,
                now=T0 + timedelta(minutes=10 * i),
            )
        ).request.id
        for i in range(7)
    ]
    p0 = await req_svc.my_requests(session, user=world.resident, page=0, per_page=5)
    p1 = await req_svc.my_requests(session, user=world.resident, page=1, per_page=5)
    assert (p0.total, p0.pages) == (7, 2)
    assert [r.id for r in p0.items + p1.items] == list(reversed(ids))
    other = await req_svc.my_requests(session, user=world.resident2)
    assert other.total == 0


async def test_add_info_and_withdraw_only_while_new(session: AsyncSession, world: World) -> None:
    req = await _file(session, world)
    out = await req_svc.add_info(
        session, user=world.resident, request_id=req.id or 0, text="晚上八点后在家", now=T0
    )
    assert "晚上八点后在家" in out.request.text and out.notices
    await req_svc.withdraw(
        session, user=world.resident, request_id=req.id or 0, reason=None, now=T0
    )
    assert req.status == RequestStatus.WITHDRAWN
    with pytest.raises(Conflict):
        await req_svc.add_info(
            session, user=world.resident, request_id=req.id or 0, text="x", now=T0
        )
    req2 = await _file(session, world)
    await svc.handle_directly(
        session, user=world.staff, roles=world.roles(world.staff), request_id=req2.id or 0, now=T0
    )
    with pytest.raises(Conflict):
        await req_svc.withdraw(
            session, user=world.resident, request_id=req2.id or 0, reason=None, now=T0
        )


async def test_add_info_while_the_order_is_open_tells_staff_and_its_members(
    session: AsyncSession, world: World
) -> None:
    """Once an order is issued and claimed the resident can still add information (ledger
    event, staff and the members on the order told); withdrawal stays refused; after the
    result is verified nothing more can be added."""
    req = await _file(session, world)
    order = await _issue(session, world, req, needed=2)
    oid = order.id or 0
    # nobody has claimed yet: staff are told, no member is
    early = await req_svc.add_info(
        session, user=world.resident, request_id=req.id or 0, text="下午三点后在家", now=T0
    )
    assert {n.chat_id for n in early.notices} == {world.staff.id, world.grid_staff.id}
    await svc.claim_order(
        session, user=world.member, roles=world.roles(world.member), order_id=oid, now=T0
    )
    await svc.claim_order(
        session, user=world.member2, roles=world.roles(world.member2), order_id=oid, now=T0
    )
    await svc.release_claim(
        session,
        user=world.member2,
        roles=world.roles(world.member2),
        order_id=oid,
        reason="临时出差",
        now=T0,
    )
    out = await req_svc.add_info(
        session,
        user=world.resident,
        request_id=req.id or 0,
        text="灯在三单元二楼拐角",
        photos=["ph-corner"],
        now=T0 + timedelta(hours=1),
    )
    assert "灯在三单元二楼拐角" in out.request.text
    staff = {n.chat_id for n in out.notices if n.key == "order-notice-info-added"}
    assert staff == {world.staff.id, world.grid_staff.id}
    [to_member] = [n for n in out.notices if n.key == "order-notice-info-added-member"]
    assert to_member.chat_id == world.member.id  # the member who gave it back is not told
    assert (to_member.kind, to_member.ref_id, to_member.photos) == (
        "member-order",
        oid,
        ("ph-corner",),
    )
    assert to_member.args["note"] == "灯在三单元二楼拐角"
    assert ("add_info", "ordered", "ordered") in await _ledger(session, req.id or 0)
    # the card the member opens shows it too
    view = await svc.order_view(
        session, user=world.member, roles=world.roles(world.member), order_id=oid
    )
    assert "灯在三单元二楼拐角" in view.text
    # withdrawal rules are unchanged: not once an order is issued
    with pytest.raises(Conflict):
        await req_svc.withdraw(
            session, user=world.resident, request_id=req.id or 0, reason=None, now=T0
        )
    # the result is reported and verified: the matter is done, nothing more to add
    await svc.report_done(
        session,
        user=world.member,
        roles=world.roles(world.member),
        order_id=oid,
        note="已更换灯泡",
        now=T0 + timedelta(hours=2),
    )
    await svc.verify(
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        order_id=oid,
        approve=True,
        note=None,
        now=T0 + timedelta(hours=3),
    )
    with pytest.raises(Conflict) as closed:
        await req_svc.add_info(
            session, user=world.resident, request_id=req.id or 0, text="谢谢", now=T0
        )
    assert closed.value.key == "order-err-info-closed"


async def test_someone_elses_request_is_refused_and_logged(
    session: AsyncSession, world: World
) -> None:
    req = await _file(session, world)
    with pytest.raises(PermissionDenied):
        await req_svc.withdraw(
            session, user=world.resident2, request_id=req.id or 0, reason=None, now=T0
        )
    assert await _refusals(session, world.resident2.id) == ["withdraw"]
    await session.refresh(req)
    assert req.status == RequestStatus.NEW


async def test_queue_is_urgent_first_then_oldest_and_scoped(
    session: AsyncSession, world: World
) -> None:
    a = await req_svc.file_request(
        session, user=world.resident, draft=draft("a"), suggestion=None, now=T0
    )
    b = await req_svc.file_request(
        session,
        user=world.resident,
        draft=draft("b"),
        suggestion=None,
        now=T0 + timedelta(minutes=1),
    )
    c = await req_svc.file_request(
        session,
        user=world.resident,
        draft=draft("c", urgent=True),
        suggestion=None,
        now=T0 + timedelta(minutes=2),
    )
    d = await req_svc.file_request(
        session,
        user=world.resident2,
        draft=draft("d"),
        suggestion=None,
        now=T0 + timedelta(minutes=3),
    )
    q = await svc.staff_queue(session, user=world.staff, roles=world.roles(world.staff))
    assert [r.id for r in q.items] == [c.request.id, a.request.id, b.request.id, d.request.id]
    grid_q = await svc.staff_queue(
        session, user=world.grid_staff, roles=world.roles(world.grid_staff)
    )
    assert d.request.id not in [r.id for r in grid_q.items] and grid_q.total == 3
    other = await svc.staff_queue(
        session, user=world.other_staff, roles=world.roles(world.other_staff)
    )
    assert other.total == 0
    admin_q = await svc.staff_queue(session, user=world.admin, roles=world.roles(world.admin))
    assert admin_q.total == 4


async def test_full_cycle_two_members_release_reassign_verify_rate(
    session: AsyncSession, world: World
) -> None:
    req = await _file(session, world, "楼道灯坏了，联系我13812345678")
    roles = world.roles(world.staff)
    out = await svc.issue_order(
        session,
        user=world.staff,
        roles=roles,
        request_id=req.id or 0,
        spec=svc.OrderSpec(members_needed=2, points=15),
        now=T0 + timedelta(minutes=10),
    )
    order = out.order
    assert order is not None and order.status == OrderStatus.OPEN
    assert order.skill_list == ["electrical", "general"]  # the facilities category's skills
    offered = {n.chat_id for n in out.notices if n.kind == "member-offer"}
    assert offered == {world.member.id, world.member2.id, world.member3.id}
    assert any(
        n.chat_id == world.resident.id and n.key == "order-notice-ordered" for n in out.notices
    )
    assert req.first_response_at == T0 + timedelta(minutes=10)
    oid = order.id or 0
    # member 1 and 2 claim; the order is then full
    await svc.claim_order(
        session, user=world.member, roles=world.roles(world.member), order_id=oid, now=T0
    )
    full = await svc.claim_order(
        session, user=world.member2, roles=world.roles(world.member2), order_id=oid, now=T0
    )
    assert full.order is not None and full.order.status == OrderStatus.CLAIMED
    with pytest.raises(Conflict) as taken:
        await svc.claim_order(
            session, user=world.member3, roles=world.roles(world.member3), order_id=oid, now=T0
        )
    assert taken.value.key == "order-err-taken"
    # the contact is shown to claimants only
    seen = await svc.order_view(
        session, user=world.member, roles=world.roles(world.member), order_id=oid
    )
    unseen = await svc.order_view(
        session, user=world.member3, roles=world.roles(world.member3), order_id=oid
    )
    assert (seen.room, seen.phone) == ("302", "13800138000")
    assert (unseen.room, unseen.phone) == (None, None)
    # member 2 releases with a reason; member 3 can now claim
    await svc.release_claim(
        session,
        user=world.member2,
        roles=world.roles(world.member2),
        order_id=oid,
        reason="临时出差",
        now=T0,
    )
    await session.refresh(order)
    assert order.status == OrderStatus.OPEN and order.claimed_count == 1
    await svc.claim_order(
        session, user=world.member3, roles=world.roles(world.member3), order_id=oid, now=T0
    )
    # staff reassign member 3's slot to member 2
    await svc.reassign(
        session,
        user=world.staff,
        roles=roles,
        order_id=oid,
        from_member_id=world.member3.id,
        to_member_id=world.member2.id,
        now=T0,
    )
    claims = await svc.active_claims(session, order_id=oid)
    assert sorted(c.member_id for c in claims) == [world.member.id, world.member2.id]
    # member 3 is no longer on it and cannot report it done: told it was given to someone
    # else (their older card, not a forged tap: nothing is logged as refused)
    with pytest.raises(Conflict) as ended:
        await svc.report_done(
            session,
            user=world.member3,
            roles=world.roles(world.member3),
            order_id=oid,
            note="done",
            now=T0,
        )
    assert ended.value.key == "order-claim-ended" and ended.value.args_["how"] == "reassigned"
    assert "done_not_own" not in await _refusals(session, world.member3.id)
    done = await svc.report_done(
        session,
        user=world.member,
        roles=world.roles(world.member),
        order_id=oid,
        note="已更换灯泡，住户电话13812345678",
        photos=["after1"],
        now=T0 + timedelta(hours=2),
    )
    verify = {n.chat_id for n in done.notices if n.key == "order-notice-verify"}
    assert verify == {world.staff.id, world.grid_staff.id}
    # the other claimant hears it was reported done
    assert {n.chat_id for n in done.notices if n.key == "order-notice-co-done"} == {301}
    # staff send it back once, then verify
    await svc.verify(
        session,
        user=world.staff,
        roles=roles,
        order_id=oid,
        approve=False,
        note="请补照片",
        now=T0,
    )
    await session.refresh(order)
    assert order.status == OrderStatus.CLAIMED
    await svc.report_done(
        session,
        user=world.member2,
        roles=world.roles(world.member2),
        order_id=oid,
        note="已更换灯泡，住户电话13812345678",
        photos=["after2"],
        now=T0 + timedelta(hours=3),
    )
    verified = await svc.verify(
        session,
        user=world.staff,
        roles=roles,
        order_id=oid,
        approve=True,
        note=None,
        now=T0 + timedelta(hours=4),
    )
    assert verified.request is not None and verified.request.status == RequestStatus.DONE
    card = next(n for n in verified.notices if n.kind == "public-result")
    assert card.chat_id == -1001
    flat = " ".join(str(v) for v in card.args.values())
    assert "13812345678" not in flat and "302" not in flat and "u200" not in flat
    assert card.args["where"] == "3号楼" and "党员300" in card.args["by"]
    # a channel read in English lists the members the English way, not '党员300、党员301'
    english, _ = render(Translator(), "en", card)
    assert "党员300, 党员301" in english or "党员301, 党员300" in english, english
    # and names the matter by its category in English (the order's title is the category's name)
    assert "Public facilities" in english and "公共设施" not in english, english
    assert "after2" in card.photos
    rate_asks = [n for n in verified.notices if n.kind == "resident-rate"]
    assert [n.chat_id for n in rate_asks] == [world.resident.id]
    # points go to both claimants
    for m in (world.member, world.member2):
        profile = await session.get(MemberProfile, m.id)
        assert profile is not None
        await session.refresh(profile)
        assert profile.points == 15
    mine = await svc.points_overview(
        session, user=world.member, period="all", now=T0, zone=ZoneInfo("Asia/Shanghai")
    )
    assert (mine.total_points, mine.total_minutes, mine.done) == (15, 60, 1)
    assert {b.name for b in mine.board} == {"党员300", "党员301"}
    # the resident is not satisfied: the matter is reopened to staff
    reopened = await svc.rate(
        session,
        user=world.resident,
        request_id=req.id or 0,
        score=Score.UNSATISFIED,
        comment="灯还是闪",
        now=T0,
    )
    assert req.status == RequestStatus.REOPENED
    assert {n.chat_id for n in reopened.notices} == {world.staff.id, world.grid_staff.id}
    # staff handle it directly this time, report, and the resident is satisfied
    await svc.handle_directly(
        session, user=world.staff, roles=roles, request_id=req.id or 0, now=T0
    )
    await svc.staff_result(
        session,
        user=world.staff,
        roles=roles,
        request_id=req.id or 0,
        note="已请电工换镇流器",
        now=T0,
    )
    await svc.rate(
        session,
        user=world.resident,
        request_id=req.id or 0,
        score=Score.SATISFIED,
        comment=None,
        now=T0,
    )
    assert req.status == RequestStatus.RESOLVED
    with pytest.raises(Conflict):
        await svc.rate(
            session,
            user=world.resident,
            request_id=req.id or 0,
            score=Score.BASIC,
            comment=None,
            now=T0,
        )
    steps = [(a, f, t) for a, f, t in await _ledger(session, req.id or 0) if f != t]
    assert steps == [
        ("file", None, "new"),
        ("issue_order", "new", "ordered"),
        ("order_full", "open", "claimed"),
        ("release", "active", "released"),
        ("order_reopen_slot", "claimed", "open"),
        ("order_full", "open", "claimed"),
        ("reassign", "active", "reassigned"),
        ("done", "claimed", "done"),
        ("send_back", "done", "claimed"),
        ("done", "claimed", "done"),
        ("verify", "done", "verified"),
        ("claim_done", "active", "done"),
        ("claim_done", "active", "done"),
        ("result", "ordered", "done"),
        ("rate_unsatisfied", "done", "reopened"),
        ("handle", "reopened", "handling"),
        ("result", "handling", "done"),
        ("rate_satisfied", "done", "resolved"),
    ]


async def test_transfer_with_follow_up(session: AsyncSession, world: World) -> None:
    req = await _file(session, world, "小区门口路面塌陷")
    roles = world.roles(world.staff)
    out = await svc.transfer(
        session,
        user=world.staff,
        roles=roles,
        request_id=req.id or 0,
        unit="区市政局",
        note="已电话联系",
        now=T0,
    )
    assert req.status == RequestStatus.TRANSFERRED
    assert out.notices[0].args["unit"] == "区市政局"
    answered = await svc.record_transfer_answer(
        session,
        user=world.staff,
        roles=roles,
        request_id=req.id or 0,
        answer="市政局已修复路面",
        now=T0 + timedelta(days=1),
    )
    assert req.status == RequestStatus.DONE and req.result_note == "市政局已修复路面"
    assert answered.notices[0].kind == "resident-rate"
    tr = await svc.current_transfer(session, request_id=req.id or 0)
    assert tr is not None and tr.answer == "市政局已修复路面"


async def test_units_used_before_are_offered_same_category_first(
    session: AsyncSession, world: World
) -> None:
    """On SQLite and PostgreSQL: the units this community transferred to, those used for the
    request's category first, then the most used; each unit once."""
    roles = world.roles(world.staff)
    for text, code, unit in (
        ("小区门口路面塌陷", "facilities", "区市政局"),
        ("路边井盖松了", "facilities", "区市政局"),
        ("楼道里电线老化", "water_electric", "供电所"),
        ("停车位被人占了", "parking_traffic", "交警中队"),
    ):
        req = await _file(session, world, text)
        req.category = code
        await svc.transfer(
            session,
            user=world.staff,
            roles=roles,
            request_id=req.id or 0,
            unit=unit,
            note=None,
            now=T0,
        )
    newest = await _file(session, world, "家里停电了，整栋楼都没电")
    newest.category = "water_electric"
    units = await svc.recent_transfer_units(session, request=newest)
    assert units == ["供电所", "区市政局", "交警中队"]


async def test_merge_into_itself_is_explained(session: AsyncSession, world: World) -> None:
    req = await _file(session, world, "3号楼电梯坏了")
    with pytest.raises(InvalidInput) as refused:
        await svc.merge(
            session,
            user=world.staff,
            roles=world.roles(world.staff),
            request_id=req.id or 0,
            into_number=req.number,
            now=T0,
        )
    assert refused.value.key == "order-err-merge-self"
    assert req.status != RequestStatus.MERGED


async def test_merge_makes_the_resident_follow_the_other(
    session: AsyncSession, world: World
) -> None:
    first = await _file(session, world, "3号楼电梯坏了")
    dup = (
        await req_svc.file_request(
            session, user=world.resident2, draft=draft("电梯又坏了"), suggestion=None, now=T0
        )
    ).request
    roles = world.roles(world.staff)
    out = await svc.merge(
        session,
        user=world.staff,
        roles=roles,
        request_id=dup.id or 0,
        into_number=first.number,
        now=T0,
    )
    assert dup.status == RequestStatus.MERGED and dup.merged_into_id == first.id
    assert (
        out.notices[0].chat_id == world.resident2.id
        and out.notices[0].args["target"] == first.number
    )
    order = await _issue(session, world, first)
    claimed = await svc.claim_order(
        session, user=world.member, roles=world.roles(world.member), order_id=order.id or 0, now=T0
    )
    # each resident's button opens their own request
    refs = {n.chat_id: n.ref_id for n in claimed.notices if n.kind == "resident-request"}
    assert refs == {world.resident.id: first.id, world.resident2.id: dup.id}
    with pytest.raises(Exception):  # noqa: B017 - a merged request cannot be merged into
        await svc.merge(
            session,
            user=world.staff,
            roles=roles,
            request_id=first.id or 0,
            into_number=dup.number,
            now=T0,
        )


async def test_decline_with_reason(session: AsyncSession, world: World) -> None:
    req = await _file(session, world, "想让社区帮忙买彩票")
    out = await svc.decline(
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        request_id=req.id or 0,
        reason="不属于社区服务范围",
        now=T0,
    )
    assert req.status == RequestStatus.DECLINED and req.decline_reason == "不属于社区服务范围"
    assert out.notices[0].args["reason"] == "不属于社区服务范围"
    with pytest.raises(Conflict):
        await svc.handle_directly(
            session,
            user=world.staff,
            roles=world.roles(world.staff),
            request_id=req.id or 0,
            now=T0,
        )


async def test_staff_actions_refused_to_residents_and_other_communities(
    session: AsyncSession, world: World
) -> None:
    req = await _file(session, world)
    for user in (world.resident, world.other_staff, world.member):
        with pytest.raises(PermissionDenied):
            await svc.issue_order(
                session,
                user=user,
                roles=world.roles(user),
                request_id=req.id or 0,
                spec=svc.OrderSpec(),
                now=T0,
            )
        assert "issue_order" in await _refusals(session, user.id)
    grid2_req = (
        await req_svc.file_request(
            session, user=world.resident2, draft=draft("x"), suggestion=None, now=T0
        )
    ).request
    with pytest.raises(PermissionDenied):
        await svc.decline(
            session,
            user=world.grid_staff,
            roles=world.roles(world.grid_staff),
            request_id=grid2_req.id or 0,
            reason="no",
            now=T0,
        )
    await session.refresh(req)
    assert req.status == RequestStatus.NEW


async def test_member_of_another_community_cannot_claim(
    session: AsyncSession, world: World
) -> None:
    order = await _issue(session, world, await _file(session, world))
    with pytest.raises(PermissionDenied):
        await svc.claim_order(
            session,
            user=world.foreign_member,
            roles=world.roles(world.foreign_member),
            order_id=order.id or 0,
            now=T0,
        )
    assert "claim_foreign" in await _refusals(session, world.foreign_member.id)
    with pytest.raises(PermissionDenied):  # a resident forging a claim button
        await svc.claim_order(
            session,
            user=world.resident,
            roles=world.roles(world.resident),
            order_id=order.id or 0,
            now=T0,
        )
    await session.refresh(order)
    assert order.claimed_count == 0
    listing = await svc.open_orders_for(
        session, user=world.foreign_member, roles=world.roles(world.foreign_member)
    )
    assert listing.total == 0


async def test_open_orders_match_skills_and_area(session: AsyncSession, world: World) -> None:
    req = await _file(session, world)
    order = await _issue(session, world, req)
    for m in (world.member, world.member2, world.member3):
        page = await svc.open_orders_for(session, user=m, roles=world.roles(m))
        assert [o.id for o in page.items] == [order.id]
    # a plumbing-only order in grid 2 is not offered to the grid-1 electrician
    req2 = (
        await req_svc.file_request(
            session,
            user=world.resident2,
            draft=draft("水管爆了", category="water_electric"),
            suggestion=None,
            now=T0,
        )
    ).request
    out = await svc.issue_order(
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        request_id=req2.id or 0,
        spec=svc.OrderSpec(skills=("plumbing",)),
        now=T0,
    )
    page = await svc.open_orders_for(session, user=world.member2, roles=world.roles(world.member2))
    assert out.order is not None and out.order.id not in [o.id for o in page.items]
    page = await svc.open_orders_for(session, user=world.member, roles=world.roles(world.member))
    assert out.order.id in [o.id for o in page.items]


async def test_release_of_someone_elses_claim_is_refused(
    session: AsyncSession, world: World
) -> None:
    order = await _issue(session, world, await _file(session, world))
    await svc.claim_order(
        session, user=world.member, roles=world.roles(world.member), order_id=order.id or 0, now=T0
    )
    with pytest.raises(PermissionDenied):
        await svc.release_claim(
            session,
            user=world.member3,
            roles=world.roles(world.member3),
            order_id=order.id or 0,
            reason="x",
            now=T0,
        )
    with pytest.raises(PermissionDenied):
        await svc.verify(
            session,
            user=world.member,
            roles=world.roles(world.member),
            order_id=order.id or 0,
            approve=True,
            note=None,
            now=T0,
        )


async def test_unrated_result_closes_after_the_window(session: AsyncSession, world: World) -> None:
    req = await _file(session, world)
    roles = world.roles(world.staff)
    await svc.handle_directly(
        session, user=world.staff, roles=roles, request_id=req.id or 0, now=T0
    )
    await svc.staff_result(
        session, user=world.staff, roles=roles, request_id=req.id or 0, note="已处理", now=T0
    )
    reminders = await svc.remind_rating(
        session, request_id=req.id or 0, now=T0 + timedelta(days=2)
    )
    assert [n.chat_id for n in reminders] == [world.resident.id]
    assert await svc.auto_close_unrated(
        session, request_id=req.id or 0, now=T0 + timedelta(days=7)
    )
    await session.refresh(req)
    assert req.status == RequestStatus.CLOSED
    assert not await svc.auto_close_unrated(
        session, request_id=req.id or 0, now=T0 + timedelta(days=8)
    )


async def test_cancelled_order_goes_back_to_the_queue(session: AsyncSession, world: World) -> None:
    req = await _file(session, world)
    order = await _issue(session, world, req)
    await svc.claim_order(
        session, user=world.member, roles=world.roles(world.member), order_id=order.id or 0, now=T0
    )
    out = await svc.cancel_order(
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        order_id=order.id or 0,
        reason="居民已自行解决",
        now=T0,
    )
    assert out.request is not None and out.request.status == RequestStatus.REOPENED
    assert [n.chat_id for n in out.notices] == [world.member.id]
    q = await svc.staff_queue(session, user=world.staff, roles=world.roles(world.staff))
    assert [r.id for r in q.items] == [req.id]


async def test_category_correction_is_kept_for_triage(session: AsyncSession, world: World) -> None:
    req = await _file(session, world, "楼下噪音太大", category="other")
    await svc.change_category(
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        request_id=req.id or 0,
        code="noise_dispute",
        now=T0,
    )
    assert await svc.triage_corrections(session) == [("noise_dispute", "楼下噪音太大")]
    assert req.category == "noise_dispute"


async def test_staff_file_on_behalf_records_the_channel(
    session: AsyncSession, world: World
) -> None:
    from models.orders import Channel

    filed = await req_svc.file_on_behalf(
        session,
        staff=world.staff,
        roles=world.roles(world.staff),
        building_id=world.building.id or 0,
        room="101",
        contact_name="王大爷",
        contact_phone="13600136000",
        channel=Channel.PHONE,
        draft=draft("老人家里水龙头坏了"),
        suggestion=None,
        now=T0,
    )
    assert filed.request.channel == "phone" and filed.request.resident_id is None
    assert filed.request.filed_by == world.staff.id and filed.request.contact_name == "王大爷"
    with pytest.raises(PermissionDenied):
        await req_svc.file_on_behalf(
            session,
            staff=world.other_staff,
            roles=world.roles(world.other_staff),
            building_id=world.building.id or 0,
            room=None,
            contact_name=None,
            contact_phone=None,
            channel=Channel.VISIT,
            draft=draft("x"),
            suggestion=None,
            now=T0,
        )


@pytest.mark.parametrize("slots", [1, 2])
async def test_simultaneous_claims_exactly_the_needed_number_win(
    sessionmaker: async_sessionmaker[AsyncSession], world: World, slots: int
) -> None:
    async with sessionmaker() as s:
        req = (
            await req_svc.file_request(
                s, user=world.resident, draft=draft(), suggestion=None, now=T0
            )
        ).request
        order = await _issue(s, world, req, needed=slots)
    contenders = [world.member, world.member2, world.member3]

    async def tap(member: User) -> str:
        async with sessionmaker() as s:
            fresh = await s.get(User, member.id)
            assert fresh is not None
            try:
                await svc.claim_order(
                    s, user=fresh, roles=world.roles(member), order_id=order.id or 0, now=T0
                )
            except Conflict as exc:
                return exc.key
            return "won"

    results = await asyncio.gather(*(tap(m) for m in contenders))
    assert results.count("won") == slots
    assert results.count("order-err-taken") == len(contenders) - slots
    async with sessionmaker() as s:
        stored = await s.get(Order, order.id)
        assert stored is not None
        assert stored.claimed_count == slots and stored.status == OrderStatus.CLAIMED
        active = (await s.exec(select(Claim).where(col(Claim.status) == ClaimStatus.ACTIVE))).all()
        assert len(active) == slots
        points = (await s.exec(select(PointsEntry))).all()
        assert points == []


async def test_staff_assign_and_member_taps_at_once_fill_the_order_once(
    sessionmaker: async_sessionmaker[AsyncSession], world: World
) -> None:
    """👤 指派 takes a place as a claim does: staff giving the last place while two members
    tap 接单 at the same moment leaves exactly one active claim."""
    async with sessionmaker() as s:
        req = (
            await req_svc.file_request(
                s, user=world.resident, draft=draft(), suggestion=None, now=T0
            )
        ).request
        order = await _issue(s, world, req, needed=1)
    oid = order.id or 0

    async def assign() -> str:
        async with sessionmaker() as s:
            staff = await s.get(User, world.staff.id)
            assert staff is not None
            try:
                out = await svc.assign_order(
                    s,
                    user=staff,
                    roles=world.roles(world.staff),
                    order_id=oid,
                    member_id=world.member.id or 0,
                    now=T0,
                )
            except Conflict as exc:
                return exc.key
            told = [n for n in out.notices if n.key == "order-notice-assigned"]
            assert [n.chat_id for n in told] == [world.member.id]
            return "won"

    async def tap(member: User) -> str:
        async with sessionmaker() as s:
            fresh = await s.get(User, member.id)
            assert fresh is not None
            try:
                await svc.claim_order(
                    s, user=fresh, roles=world.roles(member), order_id=oid, now=T0
                )
            except Conflict as exc:
                return exc.key
            return "won"

    results = await asyncio.gather(assign(), tap(world.member2), tap(world.member3))
    assert results.count("won") == 1 and results.count("order-err-taken") == 2, results
    async with sessionmaker() as s:
        stored = await s.get(Order, oid)
        assert stored is not None and stored.claimed_count == 1
        assert stored.status == OrderStatus.CLAIMED
        active = (await s.exec(select(Claim).where(col(Claim.status) == ClaimStatus.ACTIVE))).all()
        assert len(active) == 1


async def test_assign_is_for_staff_of_the_order_and_members_of_its_community(
    session: AsyncSession, world: World
) -> None:
    req = (
        await req_svc.file_request(
            session, user=world.resident, draft=draft(), suggestion=None, now=T0
        )
    ).request
    order = await _issue(session, world, req, needed=1)
    oid = order.id or 0
    with pytest.raises(PermissionDenied):  # a resident's forged 指派
        await svc.assign_order(
            session,
            user=world.resident,
            roles=world.roles(world.resident),
            order_id=oid,
            member_id=world.member.id or 0,
            now=T0,
        )
    with pytest.raises(PermissionDenied):  # staff of another community
        await svc.assign_order(
            session,
            user=world.other_staff,
            roles=world.roles(world.other_staff),
            order_id=oid,
            member_id=world.member.id or 0,
            now=T0,
        )
    with pytest.raises(NotFound):  # a member of another community
        await svc.assign_order(
            session,
            user=world.staff,
            roles=world.roles(world.staff),
            order_id=oid,
            member_id=303,
            now=T0,
        )
    out = await svc.assign_order(
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        order_id=oid,
        member_id=world.member.id or 0,
        now=T0,
    )
    assert out.order is not None and out.order.status == OrderStatus.CLAIMED
    history = await req_svc.history(session, request_id=req.id or 0)
    assert any(e.subject == "claim" and e.actor_id == world.staff.id for e in history)


async def test_forgetting_a_resident_clears_their_requests(
    session: AsyncSession, world: World
) -> None:
    filed = await req_svc.file_request(
        session,
        user=world.resident,
        draft=draft("漏水了，打我电话13812345678", photos=["p1"]),
        suggestion=None,
        now=T0,
    )
    assert await req_svc.forget_requests(session, user_id=world.resident.id) == 1
    await session.commit()
    req = await session.get(Request, filed.request.id)
    assert req is not None and req.room is None and "13812345678" not in req.text
    assert await req_svc.attachments(session, request_id=req.id or 0) == []
