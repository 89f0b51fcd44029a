"""Load the demo org and demo users into a database: what is missing is added, what is there
is left as it is (a restarted sandbox keeps the org an admin edited and what the demo people
changed; an old database gets demo people added since)."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.demo.users import DEMO_USERS, DemoUser
from models import Building, Community, Grid, MemberProfile, MemberStatus, Role, User
from models.base import utcnow
from services import staff
from services.org import import_org, read_org_file

ORG_FILE = Path(__file__).with_name("org.yaml")


async def seed_demo(session: AsyncSession) -> None:
    """Demo communities, grids, buildings, staff, members and residents, where missing.

    The org is imported into a database without communities only: once there, it is the
    admins' to edit in the bot (a rename re-imported would come back as a twin). A demo person
    already in the database keeps their data and roles."""
    if (await session.exec(select(Community.id).limit(1))).first() is None:
        await import_org(session, rows=read_org_file(ORG_FILE))
    communities = {c.name: c for c in (await session.exec(select(Community))).all()}
    buildings = {(b.community_id, b.name): b for b in (await session.exec(select(Building))).all()}
    grids = {(g.community_id, g.name) for g in (await session.exec(select(Grid))).all()}
    now = utcnow()
    added = []
    for demo in DEMO_USERS:
        if await session.get(User, demo.id) is not None:
            continue
        if not _places_still_there(demo, communities, buildings, grids):
            continue  # renamed away by an admin: not the demo world they were written for
        added.append(demo)
        user = User(id=demo.id, roles=Role.RESIDENT.value)
        session.add(user)
        user.first_name = demo.first_name
        user.last_name = demo.last_name
        user.language = None
        roles = set(user.role_set) | {Role.RESIDENT}
        if demo.admin:
            roles.add(Role.ADMIN)
        if demo.address:
            community = communities[demo.address[0]]
            building = buildings[(community.id or 0, demo.address[1])]
            user.consent_at = user.consent_at or now
            user.community_id = community.id
            user.grid_id = building.grid_id
            user.building_id = building.id
            user.room = demo.address[2]
            user.phone = demo.phone
            if demo.verified:
                user.verified_at = user.verified_at or now
        if demo.member:
            community = communities[demo.member["community"]]
            profile = await session.get(MemberProfile, demo.id)
            if profile is None:
                profile = MemberProfile(
                    user_id=demo.id,
                    real_name=demo.member["real_name"],
                    work_unit=demo.member["unit"],
                    phone=demo.member["phone"],
                    skills=demo.member["skills"],
                    community_id=community.id or 0,
                    status=MemberStatus.APPROVED,
                    reviewed_at=now,
                    show_name_public=demo.member.get("named") == "yes",
                    name_asked_at=now,  # the demo members have answered
                )
                session.add(profile)
            roles.add(Role.MEMBER)
        user.set_roles(roles)
    await session.commit()
    for demo in added:
        if demo.staff_community:
            await staff.grant(
                session,
                telegram_id=demo.id,
                role=Role.STAFF,
                community_name=demo.staff_community,
                grid_name=demo.staff_grid,
            )


def _places_still_there(
    demo: DemoUser,
    communities: dict[str, Community],
    buildings: dict[tuple[int, str], Building],
    grids: set[tuple[int, str]],
) -> bool:
    """The community, building and grid names a demo person is written with are all there."""

    def community_id(name: str) -> int | None:
        community = communities.get(name)
        return None if community is None else community.id

    if demo.address:
        cid = community_id(demo.address[0])
        if cid is None or (cid, demo.address[1]) not in buildings:
            return False
    if demo.member and community_id(demo.member["community"]) is None:
        return False
    if demo.staff_community:
        cid = community_id(demo.staff_community)
        if cid is None or (demo.staff_grid is not None and (cid, demo.staff_grid) not in grids):
            return False
    return True
