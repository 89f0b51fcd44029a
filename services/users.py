"""Users: first contact, roles, the resident's address and phone, language, forgetting."""

from __future__ import annotations

import zlib
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import or_
from sqlalchemy import select as sa_select
from sqlalchemy.sql.elements import BindParameter
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import (
    Building,
    Community,
    Grid,
    MemberProfile,
    MemberStatus,
    Role,
    StaffScope,
    User,
    shown_name,
)
from models.base import utcnow
from services import audit, delivery
from services.delivery import hold_for_quiet_hours, release_held
from services.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from services.validation import contact_phone, phone_number, room_number

if TYPE_CHECKING:
    from services.consult_common import Notifier


@dataclass(frozen=True)
class TelegramIdentity:
    """What Telegram tells us about a user on every update."""

    id: int
    first_name: str | None = None
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None


async def ensure_user(
    session: AsyncSession, *, identity: TelegramIdentity, now: datetime | None = None
) -> tuple[User, bool]:
    """The user for this Telegram account, created on first contact; (user, created)."""
    now = now or utcnow()
    user = await session.get(User, identity.id)
    created = user is None
    if user is None:
        user = User(id=identity.id, roles=Role.RESIDENT.value, created_at=now)
        session.add(user)
    changed = created
    if user.forgotten_at is None:
        for attr in ("first_name", "last_name", "username"):
            value = getattr(identity, attr)
            value = value[:128] if value else value
            if getattr(user, attr) != value:
                setattr(user, attr, value)
                changed = True
    if user.blocked_bot:
        user.blocked_bot = False  # they wrote to us, so they have unblocked the bot
        changed = True
    if created or (now - user.last_seen_at).total_seconds() > 300:
        user.last_seen_at = now
        changed = True
    if changed:
        await session.commit()
    return user, created


def effective_roles(user: User, *, admin_ids: Collection[int]) -> frozenset[Role]:
    """Stored roles plus admin for the ids named in settings; everyone is a resident."""
    roles = set(user.role_set) | {Role.RESIDENT}
    if user.id in admin_ids:
        roles.add(Role.ADMIN)
    return frozenset(roles)


async def current_admin_ids(session: AsyncSession, *, bootstrap: Collection[int]) -> set[int]:
    """Who is an admin now, as `effective_roles` says: the ids the settings name (LINLI_ADMIN_IDS)
    and those granted the role (`linli grant admin`)."""
    stored = await session.exec(select(User).where(col(User.roles).contains(Role.ADMIN.value)))
    return set(bootstrap) | {u.id for u in stored.all() if Role.ADMIN in u.role_set}


async def set_language(session: AsyncSession, *, user: User, language: str) -> User:
    """Remember the language a user chose."""
    user.language = language
    await session.commit()
    return user


async def set_quiet_hours_opt_out(
    session: AsyncSession, *, user: User, opt_out: bool, now: datetime | None = None
) -> User:
    """A user who wants non-urgent notices at night too (quiet hours do not apply to them);
    what quiet hours were holding for them goes at once, in the same commit. Turned back off,
    what is waiting for them and would arrive inside quiet hours is held again."""
    user.quiet_hours_opt_out = opt_out
    if opt_out:
        await release_held(session, chat_id=user.id, now=now or utcnow())
    else:
        await session.flush()  # the hold below reads who opted out
        await hold_for_quiet_hours(session, user=user, now=now or utcnow())
    await session.commit()
    return user


async def give_consent(session: AsyncSession, *, user: User, now: datetime | None = None) -> None:
    """Record the resident's consent to keep personal data."""
    user.consent_at = now or utcnow()
    user.forgotten_at = None
    audit.record(
        session, actor_id=user.id, action="consent", subject_type="user", subject_id=user.id
    )
    await session.commit()


async def register_address(
    session: AsyncSession,
    *,
    user: User,
    community_id: int,
    grid_id: int | None,
    building_id: int,
    room: str,
    now: datetime | None = None,
) -> User:
    """Store the resident's address after checking the ids belong together. Moved to another
    community, what is waiting for them is timed by its quiet hours in the same commit: what
    the old ones held goes when the new ones let it (`delivery.hold_for_quiet_hours`)."""
    if user.consent_at is None:
        raise PermissionDenied("err-consent-needed")
    community = await session.get(Community, community_id)
    building = await session.get(Building, building_id)
    if community is None or building is None or building.community_id != community_id:
        raise NotFound("err-address-stale")
    if grid_id is not None:
        grid = await session.get(Grid, grid_id)
        if grid is None or grid.community_id != community_id or building.grid_id != grid_id:
            raise NotFound("err-address-stale")
    clean_room = room_number(room, building=building.name)
    moved = user.building_id != building.id or user.room != clean_room
    home_changed = user.community_id != community_id
    user.community_id = community_id
    user.grid_id = building.grid_id
    user.building_id = building.id
    user.room = clean_room
    if moved:
        user.verified_at = None
        user.verified_by = None
        # cards asking staff to verify the old address: outdated (a card for the new one follows)
        await delivery.cancel_stale(session, matter=verify_matter(user.id))
    if home_changed:
        # notices that name no community are held by the hours of where they live
        await session.flush()  # the re-timing reads their new community
        await hold_for_quiet_hours(session, user=user, now=now or utcnow())
    audit.record(
        session, actor_id=user.id, action="address", subject_type="user", subject_id=user.id
    )
    await session.commit()
    return user


async def set_phone(
    session: AsyncSession,
    *,
    user: User,
    phone: str | None,
    contact_user_id: int | None,
    shared: bool = False,
) -> User:
    """Store the resident's phone, typed or from a shared contact (`shared`, which must be the
    user's own and is read as international)."""
    if phone is None:
        user.phone = None
    else:
        if contact_user_id != user.id:
            raise InvalidInput("err-contact-not-own")
        user.phone = contact_phone(phone) if shared else phone_number(phone)
    await session.commit()
    return user


async def forget_user(
    session: AsyncSession,
    *,
    user: User,
    now: datetime | None = None,
    notifier: Notifier | None = None,
) -> None:
    """Delete the user's personal data; ledger rows keep only the anonymous id.

    What they leave in meetings, polls and topics: services.consult_forget (their RSVPs to
    meetings to come are withdrawn; with a `notifier`, whoever gets their seat is told, and the
    staff cards of the meetings and polls it changed are redrawn).

    The whole address goes (community, grid, building, room): where someone lives is personal
    data (DESIGN.md, privacy), and a kept community would still put them in its lists (近期议事's
    polls, its quiet hours, its staff told when they block the bot). What stays is what the
    bot needs to talk to them (the id, the language, the night-time switch) and the roles that
    are a job, not a person's data (staff, admin)."""
    now = now or utcnow()
    profile = await session.get(MemberProfile, user.id)
    from services.order_common import person_names  # the order cycle imports this module

    # the names they are known by, their rooms and phone numbers: starred out wherever they
    # are written about their requests (services.requests.forget_requests)
    names: list[str | None] = list(person_names(user, profile))
    rooms = [user.room]
    phones = [user.phone, profile.phone if profile is not None else None]
    user.first_name = None
    user.last_name = None
    user.username = None
    user.room = None
    user.phone = None
    user.community_id = None
    user.building_id = None
    user.grid_id = None
    user.consent_at = None
    user.verified_at = None
    user.verified_by = None
    user.forgotten_at = now
    await delivery.cancel_stale(session, matter=verify_matter(user.id))
    if profile is not None:
        # staff cards asking to review their sign-up carry the name and phone just deleted
        from services.members import review_matter  # members import this module

        await delivery.cancel_stale(session, matter=review_matter(user.id))
        profile.real_name = "-"
        profile.phone = "-"
        profile.work_unit = "-"
        profile.custom_skills = ""
        profile.show_name_public = False
        # No longer a member anywhere: not offered orders or member notices, a pending
        # application cannot be approved on deleted data, and signing up again is possible.
        profile.status = MemberStatus.REJECTED
        profile.reject_reason = None
    roles = set(user.role_set) - {Role.MEMBER}
    user.set_roles(roles)
    from services.report_drafts import forget_drafts
    from services.requests import forget_requests  # requests import this module

    await forget_requests(session, user_id=user.id, names=names, rooms=rooms, phones=phones)
    await forget_drafts(session, member_id=user.id)  # reports of orders left half written
    from services.consult_forget import after_forget, forget_consultations

    left = await forget_consultations(session, user_id=user.id, names=names, now=now)
    # What waits in the outbox for them: what they were sent as a member no longer applies;
    # the rest (their own requests' news, meeting reminders) is timed by the quiet hours that
    # apply to them now (no address, no member sign-up: the default ones, unless they are staff)
    await delivery.cancel_member_notices(session, chat_id=user.id, staff=Role.STAFF in roles)
    await session.flush()  # the re-timing reads where they belong now
    await hold_for_quiet_hours(session, user=user, now=now)
    audit.record(
        session, actor_id=user.id, action="forget", subject_type="user", subject_id=user.id
    )
    await session.commit()
    if notifier is not None:
        await after_forget(session, left=left, notifier=notifier)


async def staff_scopes(session: AsyncSession, *, user_id: int) -> list[StaffScope]:
    """The communities (and grids) a staff account acts in."""
    stmt = select(StaffScope).where(StaffScope.user_id == user_id)
    return list((await session.exec(stmt)).all())


async def can_act_in(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    community_id: int,
    grid_id: int | None = None,
    matter: bool = False,
) -> bool:
    """True if an admin, or staff scoped to this community (and grid, when scoped to grids).

    `matter`: `grid_id` is the grid of a matter (a request and its orders), and a matter in no
    grid (its resident gave no building) is the whole community's: a grid worker does not act
    on it. Without it, no grid means anywhere in the community (a meeting, a poll)."""
    if Role.ADMIN in roles:
        return True
    if Role.STAFF not in roles:
        return False
    for scope in await staff_scopes(session, user_id=user.id):
        if scope.community_id != community_id:
            continue
        if scope.grid_id is None or scope.grid_id == grid_id:
            return True
        if grid_id is None and not matter:
            return True
    return False


async def whole_community(
    session: AsyncSession, *, user: User, roles: Collection[Role], community_id: int
) -> bool:
    """True if an admin, or staff of the whole community; a grid worker (staff only of some of
    its grids) acts only within their grids: they cannot offer an order community-wide."""
    if Role.ADMIN in roles:
        return True
    if Role.STAFF not in roles:
        return False
    return any(
        s.community_id == community_id and s.grid_id is None
        for s in await staff_scopes(session, user_id=user.id)
    )


async def require_whole_community(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    community_id: int,
    action: str,
) -> None:
    """Raise PermissionDenied (logged and audited) for a grid worker offering an order beyond
    their grids (a forged 🗺 改为全社区: their preview has no such button)."""
    if await whole_community(session, user=user, roles=roles, community_id=community_id):
        return
    audit.record(
        session,
        actor_id=user.id,
        action="refused",
        subject_type="community",
        subject_id=community_id,
        detail=action,
    )
    await session.commit()
    raise PermissionDenied("order-err-grid-only")


async def require_scope(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    community_id: int,
    grid_id: int | None = None,
    action: str,
    matter: bool = False,
) -> None:
    """Raise PermissionDenied (and log it) unless the user may act in this community (and grid;
    `matter` as in `can_act_in`)."""
    if await can_act_in(
        session,
        user=user,
        roles=roles,
        community_id=community_id,
        grid_id=grid_id,
        matter=matter,
    ):
        return
    audit.record(
        session,
        actor_id=user.id,
        action="refused",
        subject_type="community",
        subject_id=community_id,
        detail=action,
    )
    await session.commit()
    raise PermissionDenied("err-not-allowed")


async def staff_of(
    session: AsyncSession, *, community_id: int, grid_id: int | None = None, matter: bool = False
) -> list[User]:
    """Staff who act in a community (grid-scoped staff only for their grid when one is given;
    `matter`: `grid_id` is a matter's, and a matter in no grid has only the whole community's
    staff, as in `can_act_in`)."""
    stmt = staff_scope_query(community_id=community_id, grid_id=grid_id, matter=matter)
    return acting_staff((await session.exec(stmt)).all())


def staff_scope_query(
    *,
    community_id: int | BindParameter[Any],
    grid_id: int | BindParameter[Any] | None = None,
    also: Sequence[Any] = (),
    matter: bool = False,
) -> Any:
    """SELECT of the users with a staff scope in the community (for its grid, when one is
    given), by id; `acting_staff` picks `staff_of` from them. With `also`, rows of the user and
    those columns (the caller joins what they need). The ids may be bound parameters, for a
    statement built once. `matter` with no grid: only the whole community's staff (a matter
    in no grid is not a grid worker's)."""
    stmt = (
        (sa_select(User, *also) if also else select(User))
        .join(StaffScope, col(StaffScope.user_id) == col(User.id))
        .where(col(StaffScope.community_id) == community_id)
        .order_by(col(User.id))
    )
    if grid_id is not None:
        stmt = stmt.where(
            or_(col(StaffScope.grid_id).is_(None), col(StaffScope.grid_id) == grid_id)
        )
    elif matter:
        stmt = stmt.where(col(StaffScope.grid_id).is_(None))
    return stmt


def acting_staff(users: Iterable[User]) -> list[User]:
    """Of the users `staff_scope_query` found, those who act as staff: each once, in order,
    holding the staff role, not having blocked the bot."""
    seen: set[int] = set()
    out = []
    for u in users:
        if u.id not in seen and Role.STAFF in u.role_set and not u.blocked_bot:
            seen.add(u.id)
            out.append(u)
    return out


def address_stamp(user: User) -> str:
    """A short mark of the address a verification card shows (building and room)."""
    return format(zlib.crc32(f"{user.building_id}|{user.room}".encode()), "08x")


def verify_matter(resident_id: int) -> str:
    """The key of the staff cards asking to verify a resident's address (see services.delivery
    cancel_stale): not sent once the resident is verified, moves or deletes their data."""
    return f"resident:{resident_id}:unverified"


async def verify_resident(
    session: AsyncSession,
    *,
    staff: User,
    roles: Collection[Role],
    resident_id: int,
    stamp: str | None = None,
) -> User:
    """Staff confirm a resident really lives at the address given.

    ``stamp`` is the address_stamp of the card tapped: a card of an address the resident has
    changed since is refused (Conflict), so nobody confirms an address they have not seen; a
    resident already verified (by a colleague, or a second tap) is a Conflict too.
    """
    resident = await session.get(User, resident_id)
    if resident is None or resident.community_id is None or not resident.registered:
        raise NotFound("err-user-not-found")
    await require_scope(
        session,
        user=staff,
        roles=roles,
        community_id=resident.community_id,
        grid_id=resident.grid_id,
        action="verify_resident",
    )
    if stamp is not None and stamp != address_stamp(resident):
        raise Conflict("reg-card-outdated")
    if resident.verified_at is not None:
        raise Conflict("reg-verified-by-other")
    resident.verified_at = utcnow()
    resident.verified_by = staff.id
    # the colleagues' cards not sent yet (held for the night) no longer apply
    await delivery.cancel_stale(session, matter=verify_matter(resident.id))
    audit.record(
        session,
        actor_id=staff.id,
        action="verify_resident",
        subject_type="user",
        subject_id=resident.id,
    )
    await session.commit()
    return resident


async def address_text(session: AsyncSession, *, user: User, lang: str = "") -> str | None:
    """ "Community · grid · building room" for the user (community and grid by their English
    names for an English reader, where set), or None when not registered."""
    if user.building_id is None or user.community_id is None:
        return None
    community = await session.get(Community, user.community_id)
    building = await session.get(Building, user.building_id)
    grid = await session.get(Grid, user.grid_id) if user.grid_id else None
    parts = [shown_name(p, lang) for p in (community, grid) if p is not None]
    parts += [shown_name(building, lang)] if building is not None else []
    return " · ".join(parts) + (f" {user.room}" if user.room else "")
