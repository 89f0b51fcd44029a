"""Staff suspend a member (or restore them): claims go back as on a release, with notices to
the order's staff; scope is checked and a refusal logged; the member role goes and comes back.
On SQLite and PostgreSQL (the session fixture)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import AuditEvent, MemberProfile, MemberStatus, Role
from models.orders import OrderStatus
from services import members as member_svc
from services import orders as svc
from services import requests as req_svc
from services.errors import Conflict, InvalidInput, PermissionDenied
from tests.orders.conftest import T0, World, draft

NOW = T0 + timedelta(minutes=10)


async def _claimed_order(session: AsyncSession, w: World) -> int:
    filed = await req_svc.file_request(
        session, user=w.resident, draft=draft("3号楼楼道灯坏了，晚上很黑"), suggestion=None, now=T0
    )
    out = await svc.issue_order(
        session,
        user=w.staff,
        roles=w.roles(w.staff),
        request_id=filed.request.id or 0,
        spec=svc.OrderSpec(members_needed=1, points=10),
        now=NOW,
    )
    assert out.order is not None
    order_id = out.order.id or 0
    await svc.claim_order(
        session, user=w.member, roles=w.roles(w.member), order_id=order_id, now=NOW
    )
    return order_id


async def _actions(session: AsyncSession, member_id: int) -> list[tuple[str, str]]:
    rows = await session.exec(
        select(AuditEvent)
        .where(col(AuditEvent.subject_id) == str(member_id))
        .where(col(AuditEvent.action).in_(["member_suspend", "member_unsuspend"]))
        .order_by(col(AuditEvent.id))
    )
    return [(r.action, r.detail or "") for r in rows.all()]


async def test_suspension_releases_claims_and_tells_staff_then_restore(
    session: AsyncSession, world: World
) -> None:
    order_id = await _claimed_order(session, world)
    done = await member_svc.set_suspended(
        session,
        actor=world.staff,
        roles=world.roles(world.staff),
        member_id=world.member.id,
        suspended=True,
        reason="已搬离本社区",
        release_reason="社区暂停了该党员/志愿者的服务：已搬离本社区",
        now=NOW,
    )
    assert done.profile.status == MemberStatus.SUSPENDED
    assert done.released == 1
    order = await svc.get_order(session, order_id)
    assert order.status == OrderStatus.OPEN and order.claimed_count == 0
    staff_notes = [n for n in done.notices if n.chat_id == world.staff.id]
    assert staff_notes and "已搬离本社区" in str(staff_notes[0].args["reason"])
    await session.refresh(world.member)
    assert Role.MEMBER not in world.member.role_set
    with pytest.raises(PermissionDenied):  # no longer a member: cannot claim
        await svc.claim_order(
            session,
            user=world.member,
            roles=frozenset(world.member.role_set),
            order_id=order_id,
            now=NOW,
        )
    back = await member_svc.set_suspended(
        session,
        actor=world.staff,
        roles=world.roles(world.staff),
        member_id=world.member.id,
        suspended=False,
        now=NOW,
    )
    assert back.profile.status == MemberStatus.APPROVED and back.notices == []
    await session.refresh(world.member)
    assert Role.MEMBER in world.member.role_set
    assert await _actions(session, world.member.id) == [
        ("member_suspend", "已搬离本社区"),
        ("member_unsuspend", ""),
    ]


async def test_staff_of_another_community_is_refused_and_logged(
    session: AsyncSession, world: World
) -> None:
    with pytest.raises(PermissionDenied):
        await member_svc.set_suspended(
            session,
            actor=world.other_staff,
            roles=world.roles(world.other_staff),
            member_id=world.member.id,
            suspended=True,
            reason="不合适",
        )
    refused = (
        await session.exec(
            select(AuditEvent)
            .where(col(AuditEvent.actor_id) == world.other_staff.id)
            .where(col(AuditEvent.action) == "refused")
        )
    ).all()
    assert [r.detail for r in refused] == ["suspend"]
    profile = await session.get(MemberProfile, world.member.id)
    assert profile is not None and profile.status == MemberStatus.APPROVED


async def test_stale_taps_and_empty_reason(session: AsyncSession, world: World) -> None:
    staff, roles = world.staff, world.roles(world.staff)
    with pytest.raises(Conflict) as not_suspended:  # ▶️ 恢复 on a member never suspended
        await member_svc.set_suspended(
            session, actor=staff, roles=roles, member_id=world.member.id, suspended=False
        )
    assert not_suspended.value.key == "member-suspend-stale"
    with pytest.raises(InvalidInput):
        await member_svc.set_suspended(
            session,
            actor=staff,
            roles=roles,
            member_id=world.member.id,
            suspended=True,
            reason="  ",
        )
    profile = await session.get(MemberProfile, world.member.id)
    assert profile is not None and profile.status == MemberStatus.APPROVED


async def test_approved_members_pages_include_the_suspended(
    session: AsyncSession, world: World
) -> None:
    cid = world.community.id or 0
    everyone = await member_svc.approved_members(
        session, community_ids=[cid], page=0, per_page=100
    )
    assert everyone.total >= 1 and world.member.id in [p.user_id for p in everyone.items]
    assert all(p.community_id == cid for p in everyone.items)
    await member_svc.set_suspended(
        session,
        actor=world.staff,
        roles=world.roles(world.staff),
        member_id=world.member.id,
        suspended=True,
        reason="暂时外出",
    )
    first = await member_svc.approved_members(session, community_ids=[cid], page=0, per_page=1)
    assert first.total == everyone.total and first.pages == everyone.total
    pages = [
        (await member_svc.approved_members(session, community_ids=[cid], page=i, per_page=1))
        .items[0]
        .user_id
        for i in range(first.pages)
    ]
    assert sorted(pages) == sorted(p.user_id for p in everyone.items)
