"""People services on SQLite and PostgreSQL: registration, reviews, invitations, forgetting."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import AuditEvent, Building, Invitation, MemberProfile, MemberStatus, Role, User
from models.base import utcnow
from services import members, staff, users
from services.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from services.org import import_org, read_org_file

DEMO_ORG = Path(__file__).parents[2] / "bot" / "demo" / "org.yaml"


async def _org(session: AsyncSession) -> dict[str, Building]:
    await import_org(session, rows=read_org_file(DEMO_ORG))
    return {b.name: b for b in (await session.exec(select(Building))).all()}


async def _user(session: AsyncSession, uid: int, *roles: Role) -> User:
    user, _ = await users.ensure_user(session, identity=users.TelegramIdentity(id=uid))
    user.set_roles({Role.RESIDENT, *roles})
    await session.commit()
    return user


async def test_address_must_hang_together(session: AsyncSession) -> None:
    buildings = await _org(session)
    resident = await _user(session, 10)
    b1 = buildings["1号楼"]
    with pytest.raises(PermissionDenied):  # no consent yet
        await users.register_address(
            session,
            user=resident,
            community_id=b1.community_id,
            grid_id=None,
            building_id=b1.id or 0,
            room="302",
        )
    await users.give_consent(session, user=resident)
    other = buildings["东1栋"]
    with pytest.raises(NotFound):  # a building of another community
        await users.register_address(
            session,
            user=resident,
            community_id=b1.community_id,
            grid_id=None,
            building_id=other.id or 0,
            room="302",
        )
    with pytest.raises(InvalidInput):
        await users.register_address(
            session,
            user=resident,
            community_id=b1.community_id,
            grid_id=None,
            building_id=b1.id or 0,
            room="302\x00; DROP TABLE users",
        )
    await users.register_address(
        session,
        user=resident,
        community_id=b1.community_id,
        grid_id=None,
        building_id=b1.id or 0,
        room=" 302 ",
    )
    assert resident.registered and resident.room == "302" and resident.grid_id == b1.grid_id


async def test_contact_of_someone_else_is_refused(session: AsyncSession) -> None:
    resident = await _user(session, 11)
    with pytest.raises(InvalidInput):
        await users.set_phone(session, user=resident, phone="13912345678", contact_user_id=99)
    await users.set_phone(session, user=resident, phone="+8613912345678", contact_user_id=11)
    assert resident.phone == "13912345678"


async def _application(session: AsyncSession, uid: int) -> MemberProfile:
    buildings = await _org(session)
    user = await _user(session, uid)
    return await members.apply(
        session,
        user=user,
        application=members.MemberApplication(
            real_name="林小明",
            work_unit="区图书馆",
            phone="13812345678",
            skills=["electrical"],
            custom_skills="",
            community_id=buildings["1号楼"].community_id,
            grid_id=None,
        ),
    )


async def test_concurrent_reviews_one_wins(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    async with sessionmaker() as session:
        profile = await _application(session, 20)
        admin_a = await _user(session, 1, Role.ADMIN)
        admin_b = await _user(session, 2, Role.ADMIN)

    async def review(reviewer: User, approve: bool) -> str:
        async with sessionmaker() as s:
            try:
                await members.review(
                    s,
                    reviewer=reviewer,
                    roles={Role.ADMIN},
                    member_id=profile.user_id,
                    approve=approve,
                    reason=None if approve else "不符合条件",
                )
            except Conflict:
                return "conflict"
            return "ok"

    results = await asyncio.gather(review(admin_a, True), review(admin_b, False))
    assert sorted(results) == ["conflict", "ok"]
    async with sessionmaker() as session:
        stored = await session.get(MemberProfile, 20)
        user = await session.get(User, 20)
        assert stored is not None and user is not None
        if stored.status == MemberStatus.APPROVED:
            assert Role.MEMBER in user.role_set
        else:
            assert stored.status == MemberStatus.REJECTED and Role.MEMBER not in user.role_set


async def test_staff_of_other_community_cannot_review_and_is_logged(
    session: AsyncSession,
) -> None:
    profile = await _application(session, 21)
    other = await _user(session, 3)
    await staff.grant(session, telegram_id=3, role=Role.STAFF, community_name="和谐社区")
    with pytest.raises(PermissionDenied):
        await members.review(
            session,
            reviewer=other,
            roles={Role.RESIDENT, Role.STAFF},
            member_id=profile.user_id,
            approve=True,
        )
    refusals = (await session.exec(select(AuditEvent).where(AuditEvent.action == "refused"))).all()
    assert [r.actor_id for r in refusals] == [3]
    assert (await session.get(MemberProfile, 21)).status == MemberStatus.PENDING  # type: ignore[union-attr]


async def test_invitation_single_use_even_when_raced(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    async with sessionmaker() as session:
        buildings = await _org(session)
        admin = await _user(session, 1, Role.ADMIN)
        made = await staff.create_invitation(
            session,
            admin=admin,
            roles={Role.ADMIN},
            community_id=buildings["1号楼"].community_id,
            ttl=timedelta(hours=1),
        )
        invitation = made.invitation
        first = await _user(session, 30)
        second = await _user(session, 31)

    async def accept(user: User) -> str:
        async with sessionmaker() as s:
            try:
                await staff.accept_invitation(s, user=user, payload="inv-" + invitation.code)
            except Conflict:
                return "used"
            return "ok"

    assert sorted(await asyncio.gather(accept(first), accept(second))) == ["ok", "used"]
    async with sessionmaker() as session:
        staffed = [u for u in (await session.exec(select(User))).all() if Role.STAFF in u.role_set]
        assert len(staffed) == 1


async def test_invitation_garbage_and_expiry(session: AsyncSession) -> None:
    buildings = await _org(session)
    admin = await _user(session, 1, Role.ADMIN)
    user = await _user(session, 32)
    for payload in ("inv-", "inv-x", "inv-" + "a" * 200, "nonsense", "inv-doesnotexist123"):
        with pytest.raises(InvalidInput):
            await staff.accept_invitation(session, user=user, payload=payload)
    invitation = (
        await staff.create_invitation(
            session,
            admin=admin,
            roles={Role.ADMIN},
            community_id=buildings["1号楼"].community_id,
            ttl=timedelta(hours=1),
        )
    ).invitation
    with pytest.raises(InvalidInput, match="invite-expired"):
        await staff.accept_invitation(
            session, user=user, payload="inv-" + invitation.code, now=utcnow() + timedelta(hours=2)
        )
    resident = await _user(session, 33)
    with pytest.raises(PermissionDenied):  # only admins invite
        await staff.create_invitation(
            session,
            admin=resident,
            roles={Role.RESIDENT},
            community_id=buildings["1号楼"].community_id,
            ttl=timedelta(hours=1),
        )
    assert len((await session.exec(select(Invitation))).all()) == 1


async def test_one_invite_list_makes_one_invitation_however_it_is_tapped(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    """A double tap on /invite's community list, taps at the same moment (two processes), or
    a second community tapped at once: one invitation, the same link for every tap. A new
    list (/invite again) makes a new one: each link is for one person."""
    async with sessionmaker() as session:
        buildings = await _org(session)
        admin = await _user(session, 1, Role.ADMIN)
        sunny = buildings["1号楼"].community_id
        other = buildings["东1栋"].community_id
    key = staff.new_invite_list_key()

    async def tap(community_id: int, list_key: str = key) -> staff.InvitationMade:
        async with sessionmaker() as s:
            return await staff.create_invitation(
                s,
                admin=admin,
                roles={Role.ADMIN},
                community_id=community_id,
                ttl=timedelta(hours=1),
                list_key=list_key,
            )

    first = await tap(sunny)
    again = await tap(sunny)
    assert first.created and not again.created
    assert again.invitation.code == first.invitation.code
    key2 = staff.new_invite_list_key()
    at_once = await asyncio.gather(*(tap(c, key2) for c in (sunny, sunny, other, sunny)))
    assert sum(m.created for m in at_once) == 1
    assert len({m.invitation.code for m in at_once}) == 1
    assert len({m.invitation.community_id for m in at_once}) == 1
    async with sessionmaker() as session:
        rows = (await session.exec(select(Invitation))).all()
        assert len(rows) == 2
        assert {r.code for r in rows} == {first.invitation.code, at_once[0].invitation.code}
        audited = (
            await session.exec(select(AuditEvent).where(AuditEvent.action == "invite"))
        ).all()
        assert len(audited) == 2
    with pytest.raises(InvalidInput):  # a forged short key would give a guessable code
        await tap(sunny, "abc")


async def test_forget_keeps_the_row_but_not_the_person(session: AsyncSession) -> None:
    await _application(session, 40)
    user = await session.get(User, 40)
    assert user is not None
    await users.forget_user(session, user=user)
    profile = await session.get(MemberProfile, 40)
    assert profile is not None and profile.real_name == "-" and profile.phone == "-"
    assert user.phone is None and user.room is None and user.forgotten_at is not None


async def test_grant_and_revoke(session: AsyncSession) -> None:
    await _org(session)
    user = await staff.grant(
        session, telegram_id=50, role=Role.STAFF, community_name="阳光社区", grid_name="第一网格"
    )
    assert Role.STAFF in user.role_set
    with pytest.raises(NotFound):
        await staff.grant(session, telegram_id=50, role=Role.STAFF, community_name="不存在社区")
    user = await staff.revoke(session, telegram_id=50, role=Role.STAFF)
    assert Role.STAFF not in user.role_set
    assert await users.staff_scopes(session, user_id=50) == []


@pytest.mark.parametrize("typed", ["第二网格", "Grid 2", "grid 2", "GRID2"])
async def test_a_grid_is_read_by_its_english_name_too(session: AsyncSession, typed: str) -> None:
    """`linli grant staff … --grid`: a grid typed in English ('Grid 2', 'grid 2') is the grid
    of that English name, as its Chinese name ('第二网格') is; a community's English name too."""
    buildings = await _org(session)
    await staff.grant(
        session,
        telegram_id=51,
        role=Role.STAFF,
        community_name="sunshine community",
        grid_name=typed,
    )
    [scope] = await users.staff_scopes(session, user_id=51)
    assert scope.grid_id == buildings["5号楼"].grid_id
    with pytest.raises(NotFound):
        await staff.grant(
            session, telegram_id=51, role=Role.STAFF, community_name="阳光社区", grid_name="Grid 3"
        )


async def test_forget_scrubs_the_residents_requests_but_keeps_the_matter(
    session: AsyncSession,
) -> None:
    from models.orders import Request
    from services.requests import Draft, file_request

    buildings = await _org(session)
    resident = await _user(session, 60)
    await users.give_consent(session, user=resident)
    b1 = buildings["1号楼"]
    await users.register_address(
        session,
        user=resident,
        community_id=b1.community_id,
        grid_id=None,
        building_id=b1.id or 0,
        room="302",
    )
    await users.set_phone(session, user=resident, phone="13912345678", contact_user_id=60)
    filed = await file_request(
        session,
        user=resident,
        draft=Draft(
            text="水管漏了，打我电话13912345678",
            category="water_electric",
            latitude=31.2,
            longitude=121.5,
        ),
        suggestion=None,
        now=utcnow(),
    )
    await users.forget_user(session, user=resident)
    request = await session.get(Request, filed.request.id)
    assert request is not None  # the anonymous matter stays in the ledger
    assert "13912345678" not in request.text and request.room is None
    assert (request.latitude, request.longitude) == (None, None)
