"""Staff and admins: one-time invitations, grants and revocations."""

from __future__ import annotations

import base64
import hashlib
import secrets
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import Building, Community, Grid, Invitation, Role, StaffScope, User
from models.base import utcnow
from services import audit, delivery, org
from services.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from services.users import current_admin_ids

INVITE_PREFIX = "inv-"
MIN_LIST_KEY = 16  # characters of new_invite_list_key (12 random bytes)


@dataclass(frozen=True)
class InvitationMade:
    """The invitation of one tap on the community list; `created` is False when an earlier tap
    on the same list (a double tap, or taps at the same moment) had made it already."""

    invitation: Invitation
    created: bool


def new_invite_list_key() -> str:
    """The key a community list (/invite) carries in its buttons: one list, one invitation."""
    return secrets.token_urlsafe(12)


def _keyed_code(list_key: str, admin_id: int) -> str:
    """The invitation code for one admin's community list: the same list gives the same code,
    so the unique index on the code lets one invitation be made from it, however many taps
    arrive at once. The key is random (new_invite_list_key) and only ever in the admin's own
    chat, beside the link itself; the code reveals neither it nor another list's code."""
    digest = hashlib.sha256(f"{list_key}:{admin_id}".encode()).digest()
    return base64.urlsafe_b64encode(digest).decode()[:24]


async def _invitation_by_code(session: AsyncSession, code: str) -> Invitation | None:
    return (await session.exec(select(Invitation).where(Invitation.code == code))).first()


async def create_invitation(
    session: AsyncSession,
    *,
    admin: User,
    roles: Collection[Role],
    community_id: int | None,
    grid_id: int | None = None,
    ttl: timedelta,
    list_key: str | None = None,
    role: Role = Role.STAFF,
    now: datetime | None = None,
) -> InvitationMade:
    """A single-use, expiring code that makes whoever opens it staff of a community (of one
    of its grids, with `grid_id`: a grid worker), or, with `role` ADMIN, an admin.

    With `list_key` (the community list the admin tapped) one list makes one invitation: a
    second tap, also one at the same moment in another process, gets the first one back
    (created False), whichever community it was for.
    """
    if Role.ADMIN not in roles:
        audit.record(session, actor_id=admin.id, action="refused", detail="create_invitation")
        await session.commit()
        raise PermissionDenied("err-not-allowed")
    if list_key is not None and len(list_key) < MIN_LIST_KEY:  # forged: a guessable code
        raise InvalidInput("err-stale-button")
    code = secrets.token_urlsafe(18) if list_key is None else _keyed_code(list_key, admin.id)
    if list_key is not None and (made := await _invitation_by_code(session, code)) is not None:
        return InvitationMade(made, created=False)
    if role not in (Role.STAFF, Role.ADMIN):
        raise InvalidInput("err-role-not-grantable")
    if role == Role.ADMIN:
        community_id = grid_id = None  # an admin acts for every community
    elif community_id is None or await session.get(Community, community_id) is None:
        raise NotFound("err-address-stale")
    if grid_id is not None:
        grid = await session.get(Grid, grid_id)
        if grid is None or grid.community_id != community_id:
            raise NotFound("err-address-stale")
    now = now or utcnow()
    invitation = Invitation(
        code=code,
        role=role,
        community_id=community_id,
        grid_id=grid_id,
        created_by=admin.id,
        created_at=now,
        expires_at=now + ttl,
    )
    session.add(invitation)
    audit.record(
        session,
        actor_id=admin.id,
        action="invite" if role == Role.STAFF else "invite_admin",
        subject_type="community",
        subject_id=community_id,
    )
    try:
        await session.commit()
    except IntegrityError:  # another tap on the same list made it a moment ago
        await session.rollback()
        made = await _invitation_by_code(session, code)
        if made is None:
            raise
        return InvitationMade(made, created=False)
    return InvitationMade(invitation, created=True)


async def accept_invitation(
    session: AsyncSession, *, user: User, payload: str, now: datetime | None = None
) -> Invitation:
    """Use an invitation from a /start deep link: its opener becomes staff of its community
    (or grid), or an admin; garbage, expired or used codes are refused. Returns it, used."""
    now = now or utcnow()
    code = payload.removeprefix(INVITE_PREFIX)
    if not payload.startswith(INVITE_PREFIX) or not 8 <= len(code) <= 40:
        raise InvalidInput("invite-invalid")
    invitation = (await session.exec(select(Invitation).where(Invitation.code == code))).first()
    if invitation is None or invitation.revoked_at is not None:
        raise InvalidInput("invite-invalid")
    if invitation.used_at is not None:
        if invitation.used_by == user.id and await _still_holds(session, user, invitation):
            raise Conflict("invite-used-yours")  # opened again by the one who used it
        raise Conflict("invite-used")
    if invitation.expires_at <= now:
        raise InvalidInput("invite-expired")
    # Single use even when two people open the link at the same moment.
    result = await session.exec(
        update(Invitation)
        .where(col(Invitation.id) == invitation.id)
        .where(col(Invitation.used_at).is_(None))
        .values(used_at=now, used_by=user.id)
    )  # type: ignore[call-overload]
    if result.rowcount != 1:
        await session.rollback()
        raise Conflict("invite-used")
    if invitation.role == Role.ADMIN:
        opener = await session.get(User, user.id) or user  # the caller's may be detached
        opener.set_roles(set(opener.role_set) | {Role.ADMIN})
    else:
        assert invitation.community_id is not None
        await _grant_scope(
            session,
            user=user,
            community_id=invitation.community_id,
            grid_id=invitation.grid_id,
            granted_by=invitation.created_by,
        )
    audit.record(
        session,
        actor_id=user.id,
        action="invite_accept",
        subject_type="invitation",
        subject_id=invitation.id,
    )
    await session.commit()
    return invitation


async def _still_holds(session: AsyncSession, user: User, invitation: Invitation) -> bool:
    """Whether the user still has what this invitation gave them (not revoked since)."""
    user = await session.get(User, user.id) or user
    if invitation.role == Role.ADMIN:
        return Role.ADMIN in user.role_set
    if Role.STAFF not in user.role_set:
        return False
    scope = await session.exec(
        select(StaffScope).where(
            StaffScope.user_id == user.id,
            StaffScope.community_id == invitation.community_id,
            StaffScope.grid_id == invitation.grid_id,
        )
    )
    return scope.first() is not None


async def _grant_scope(
    session: AsyncSession,
    *,
    user: User,
    community_id: int,
    grid_id: int | None,
    granted_by: int | None,
) -> StaffScope:
    user = await session.get(User, user.id) or user  # the caller's object may be detached
    stmt = select(StaffScope).where(
        StaffScope.user_id == user.id, StaffScope.community_id == community_id
    )
    for scope in (await session.exec(stmt)).all():
        if scope.grid_id == grid_id:
            user.set_roles(set(user.role_set) | {Role.STAFF})
            return scope
    scope = StaffScope(
        user_id=user.id, community_id=community_id, grid_id=grid_id, granted_by=granted_by
    )
    session.add(scope)
    user.set_roles(set(user.role_set) | {Role.STAFF})
    return scope


async def grant(
    session: AsyncSession,
    *,
    telegram_id: int,
    role: Role,
    community_name: str | None = None,
    grid_name: str | None = None,
    granted_by: int | None = None,
) -> User:
    """Make a Telegram account staff of a community, or an admin (the CLI's `linli grant`)."""
    user = await session.get(User, telegram_id)
    if user is None:
        user = User(id=telegram_id, roles=Role.RESIDENT.value)
        session.add(user)
        await session.flush()
    place = ""  # a staff grant's community (· grid), as stored, for the audit trail
    if role == Role.ADMIN:
        user.set_roles(set(user.role_set) | {Role.ADMIN})
    elif role == Role.STAFF:
        if not community_name:
            raise InvalidInput("err-community-required")
        # its name, or its English name, as `linli export --community` and the bot read it
        community = await org.community_by_name(session, name=community_name)
        if community is None or community.id is None:
            raise NotFound("err-community-unknown", name=community_name)
        grid_id = None
        place = community.name
        if grid_name:
            grid = await org.grid_by_name(session, community_id=community.id, name=grid_name)
            if grid is None:
                raise NotFound("err-grid-unknown", name=grid_name)
            grid_id = grid.id
            place = f"{community.name} · {grid.name}"
        await _grant_scope(
            session, user=user, community_id=community.id, grid_id=grid_id, granted_by=granted_by
        )
    else:
        raise InvalidInput("err-role-not-grantable")
    audit.record(
        session,
        actor_id=granted_by,
        action=f"grant_{role}",
        subject_type="user",
        subject_id=telegram_id,
        detail=place,
    )
    await session.commit()
    return user


async def revoke(
    session: AsyncSession,
    *,
    telegram_id: int,
    role: Role,
    community_id: int | None = None,
    revoked_by: int | None = None,
    admin_ids: Collection[int] = (),
) -> User:
    """Take a role away (staff: one community's scope, or all of them when none is given).

    An admin the settings name (`admin_ids`, LINLI_ADMIN_IDS) stays one whatever is stored
    (services.users.effective_roles): that is refused, and nothing changes, rather than
    taking away a stored role that changes nothing. An admin who is one no more gets no
    monthly report: one waiting for them is cancelled."""
    user = await session.get(User, telegram_id)
    if user is None:
        raise NotFound("err-user-not-found")
    roles = set(user.role_set)
    if role == Role.ADMIN:
        if telegram_id in admin_ids:
            raise Conflict("err-admin-from-settings", id=str(telegram_id))
        if Role.ADMIN not in roles:  # a mistyped id: nothing taken, nobody told
            raise Conflict("err-revoke-not-admin", id=str(telegram_id))
        roles.discard(Role.ADMIN)
        await delivery.cancel_admin_notices(session, chat_id=telegram_id)
    elif role == Role.STAFF:
        stmt = select(StaffScope).where(StaffScope.user_id == telegram_id)
        if community_id is not None:
            stmt = stmt.where(StaffScope.community_id == community_id)
        scopes = (await session.exec(stmt)).all()
        if not scopes and (community_id is not None or Role.STAFF not in roles):
            # not staff (there): nothing is taken, and nobody is told it was
            if community_id is None:
                raise Conflict("err-revoke-not-staff", id=str(telegram_id))
            community = await session.get(Community, community_id)
            raise Conflict(
                "err-revoke-not-staff-there",
                id=str(telegram_id),
                community=community.name if community else "-",
            )
        for scope in scopes:
            await session.delete(scope)
        await session.flush()
        left = (
            await session.exec(select(StaffScope).where(StaffScope.user_id == telegram_id))
        ).first()
        if left is None:
            roles.discard(Role.STAFF)
        # what waits for them as staff there (cards held for the morning, reminders, the
        # digest) is not sent; their own news as a resident or a member still is
        await delivery.cancel_staff_notices(
            session, chat_id=telegram_id, community_id=community_id if left else None
        )
    else:
        raise InvalidInput("err-role-not-grantable")
    user.set_roles(roles)
    audit.record(
        session,
        actor_id=revoked_by,
        action=f"revoke_{role}",
        subject_type="user",
        subject_id=telegram_id,
    )
    await session.commit()
    return user


async def cancel_former_admins_mail(session: AsyncSession, *, admin_ids: Collection[int]) -> int:
    """A monthly report still waiting for someone who is no longer an admin (their id taken out
    of LINLI_ADMIN_IDS since it was queued; settings change with a restart, when the scheduler
    calls this) is cancelled and committed; `revoke` cancels at once. Returns how many."""
    admins = await current_admin_ids(session, bootstrap=admin_ids)
    cancelled = await delivery.cancel_admin_notices(session, admins=admins)
    await session.commit()
    return cancelled


@dataclass(frozen=True)
class AdminEntry:
    """One sub-district admin: their account (None when they never opened the bot) and whether
    the settings name them (LINLI_ADMIN_IDS: only the settings can take that away)."""

    id: int
    user: User | None
    from_settings: bool


async def list_admins(session: AsyncSession, *, admin_ids: Collection[int]) -> list[AdminEntry]:
    """Every admin now, as `effective_roles` says: those the settings name and those granted
    the role (an invitation, `linli grant admin`), in id order."""
    ids = sorted(await current_admin_ids(session, bootstrap=admin_ids))
    users = {
        u.id: u for u in (await session.exec(select(User).where(col(User.id).in_(ids)))).all()
    }
    return [AdminEntry(id=i, user=users.get(i), from_settings=i in admin_ids) for i in ids]


async def list_staff(session: AsyncSession) -> list[tuple[User, list[StaffScope]]]:
    """Every staff account with its scopes."""
    scopes = (await session.exec(select(StaffScope))).all()
    by_user: dict[int, list[StaffScope]] = {}
    for scope in scopes:
        by_user.setdefault(scope.user_id, []).append(scope)
    if not by_user:
        return []
    users = (await session.exec(select(User).where(col(User.id).in_(list(by_user))))).all()
    return [(u, by_user[u.id]) for u in sorted(users, key=lambda u: u.id)]


@dataclass(frozen=True)
class HeldPlace:
    """One staff scope, as its places: a community, and the grid when it is a grid's."""

    community: Community
    grid: Grid | None


async def held_places(
    session: AsyncSession, *, telegram_id: int, community_id: int | None = None
) -> list[HeldPlace]:
    """Where someone is staff (of `community_id` only, when given): read before a revoke, to
    name what is taken away — a grid worker's grid, not 'community staff'."""
    stmt = select(StaffScope).where(StaffScope.user_id == telegram_id)
    if community_id is not None:
        stmt = stmt.where(StaffScope.community_id == community_id)
    held = []
    for scope in (await session.exec(stmt.order_by(col(StaffScope.id)))).all():
        community = await session.get(Community, scope.community_id)
        if community is None:
            continue
        grid = await session.get(Grid, scope.grid_id) if scope.grid_id else None
        held.append(HeldPlace(community=community, grid=grid))
    return held


async def work_area(
    session: AsyncSession, *, telegram_id: int
) -> list[tuple[HeldPlace, list[Building]]]:
    """Where a staff member works, each place with its buildings (a grid's own, or the whole
    community's): what '我负责哪几栋楼' and their profile answer."""
    area = []
    for place in await held_places(session, telegram_id=telegram_id):
        assert place.community.id is not None
        buildings = await org.list_buildings(
            session,
            community_id=place.community.id,
            grid_id=place.grid.id if place.grid is not None else None,
        )
        area.append((place, buildings))
    return area


async def staff_named(session: AsyncSession, readings: Sequence[str]) -> list[User]:
    """The staff accounts a name typed by an admin names ('李社工', 'li'), for the first reading
    that names any: the whole name (first and last, or the first alone), else the username;
    several when several share it. [] when none does."""
    everyone = [member for member, _scopes in await list_staff(session)]
    for reading in readings:
        said = reading.casefold().lstrip("@")
        if not said:
            continue
        found = [
            member
            for member in everyone
            if member.forgotten_at is None
            and said
            in {
                member.display_name.casefold(),
                (member.first_name or "").casefold(),
                (member.username or "").casefold(),
                "".join(p for p in (member.first_name, member.last_name) if p).casefold(),
            }
        ]
        if found:
            return found
    return []


# ------------------------------------------------------------ what staff ask of their community


@dataclass(frozen=True)
class Colleague:
    """A staff member of a community, with their grid when they are its grid worker."""

    user: User
    grid: Grid | None


async def office_staff(
    session: AsyncSession, *, telegram_id: int, admin: bool
) -> list[tuple[Community, list[Colleague]]]:
    """The community offices a staff member turns to when asking who is on duty ('今天谁值班'):
    the communities they are staff of (an admin: every one), each with its staff on file.
    Linli keeps no duty roster; this is who works there, not who is on duty."""
    if admin:
        communities = await org.list_communities(session)
    else:
        held = await held_places(session, telegram_id=telegram_id)
        communities = list({p.community.id: p.community for p in held}.values())
    everyone = await list_staff(session)
    offices = []
    for community in communities:
        colleagues = []
        for member, scopes in everyone:
            if member.forgotten_at is not None:
                continue
            for scope in scopes:
                if scope.community_id != community.id:
                    continue
                grid = await session.get(Grid, scope.grid_id) if scope.grid_id else None
                colleagues.append(Colleague(user=member, grid=grid))
        offices.append((community, colleagues))
    return offices


@dataclass(frozen=True)
class BuildingCount:
    """Who is registered in Linli as living in a building: people, and the rooms they give
    (households); `no_room`: those of them with no room on file, counted as people only;
    `building.households` is the number the org structure was given."""

    community: Community
    building: Building
    residents: int
    households: int
    no_room: int = 0


@dataclass(frozen=True)
class BuildingsAsked:
    """The buildings a staff member's words name within their area, counted; `elsewhere`: the
    words name a building outside it (another grid's, another community's)."""

    counted: list[BuildingCount]
    elsewhere: bool


async def building_residents(
    session: AsyncSession, *, telegram_id: int, admin: bool, said: str
) -> BuildingsAsked:
    """'1号楼有几户': the registered residents of the buildings `said` names, among those the
    asker works for (a grid worker their grid's, community staff their community's, an admin
    every one). Registered in Linli, not a census."""
    from services.address import names_building

    communities = {c.id: c for c in await org.list_communities(session)}
    buildings = (await session.exec(select(Building).order_by(col(Building.id)))).all()
    named = [
        b
        for b in buildings
        if b.community_id in communities and names_building(said, b, communities[b.community_id])
    ]
    if admin:
        mine = named
    else:
        places = await held_places(session, telegram_id=telegram_id)
        mine = [
            b
            for b in named
            if any(
                p.community.id == b.community_id and (p.grid is None or p.grid.id == b.grid_id)
                for p in places
            )
        ]
    counted = []
    for building in mine:
        rooms = (
            await session.exec(
                select(User.room).where(
                    User.building_id == building.id,
                    col(User.consent_at).is_not(None),
                    col(User.forgotten_at).is_(None),
                )
            )
        ).all()
        counted.append(
            BuildingCount(
                community=communities[building.community_id],
                building=building,
                residents=len(rooms),
                households=len({r.strip() for r in rooms if r and r.strip()}),
                no_room=sum(1 for r in rooms if not (r and r.strip())),
            )
        )
    return BuildingsAsked(counted=counted, elsewhere=len(mine) < len(named))
