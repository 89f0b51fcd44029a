"""The groups and channels the bot is in, and which community each serves.

Telegram tells the bot when it is added to a group or channel, promoted there, or removed
(`my_chat_member`). Each change is an audit event (subject "chat", the chat's id; no table of its
own): the latest says whether the bot is still there and which community the group is bound to.
A group is bound when it is a community's public channel, or when staff of one community added
the bot (an admin, or staff of several communities: the community the group's title names). A
bound group gets the community's public notices (a meeting published for the whole community);
a group or channel the bot was removed from gets nothing any more (`delivery.enqueue` marks
what is queued for it as never to go, and what was waiting is dropped). Staff of the community
(or an admin) may unbind a group (`unbind`): the bot stays in it but posts nothing there any
more, until it is added again; and set or change the community's public channel
(`set_public_channel`), audited the same way.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass, field

from sqlalchemy import update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import AuditEvent, Community, Role, StaffScope, User
from models.scheduling import Delivery, DeliveryState
from services import audit
from services.errors import InvalidInput, NotFound
from services.users import current_admin_ids, require_scope, staff_of

SUBJECT = "chat"
JOINED = "chat-joined"
LEFT = "chat-left"
UNBOUND = "chat-unbound"  # staff unbound the group from their community: the bot stays, silent
CHANNEL_SET = "chat-channel-set"  # staff made the channel their community's public channel
GONE_ERROR = "bot not in the chat"


@dataclass
class ChatChange:
    """What one membership change means: the chat, the community it serves (if any), whether
    the bot just arrived (greet) or just left, and who is to be told privately."""

    chat_id: int
    title: str
    kind: str  # "group", "supergroup" or "channel"
    community: Community | None
    arrived: bool = False
    left: bool = False
    tell: list[User] = field(default_factory=list)


async def _latest(session: AsyncSession, chat_id: int) -> AuditEvent | None:
    rows = await session.exec(
        select(AuditEvent)
        .where(col(AuditEvent.subject_type) == SUBJECT, col(AuditEvent.subject_id) == str(chat_id))
        .order_by(col(AuditEvent.id).desc())
        .limit(1)
    )
    return rows.first()


def _detail(event: AuditEvent | None) -> dict[str, object]:
    if event is None:
        return {}
    try:
        detail = json.loads(event.detail or "{}")
    except ValueError:
        return {}
    return detail if isinstance(detail, dict) else {}


async def is_gone(session: AsyncSession, *, chat_id: int) -> bool:
    """True when the bot was removed from this group or channel (and not added back)."""
    if chat_id >= 0:
        return False
    latest = await _latest(session, chat_id)
    return latest is not None and latest.action == LEFT


async def group_of(session: AsyncSession, *, community_id: int) -> int | None:
    """The group bound to the community that the bot is still in (the latest bound), if any."""
    rows = await session.exec(
        select(AuditEvent)
        .where(col(AuditEvent.subject_type) == SUBJECT)
        .order_by(col(AuditEvent.id).desc())
    )
    seen: set[str] = set()
    for event in rows.all():
        if event.subject_id in seen:
            continue
        seen.add(event.subject_id)
        if event.action != JOINED:
            continue
        detail = _detail(event)
        if detail.get("community") == community_id and detail.get("type") != "channel":
            return int(event.subject_id)
    return None


async def _community_for(
    session: AsyncSession, *, chat_id: int, title: str, by: User | None, roles: Collection[Role]
) -> Community | None:
    """The community a group the bot was just added to serves: the one whose public channel
    it is, else the one of the staff who added it (by the title where they act in several)."""
    channel = (
        await session.exec(select(Community).where(col(Community.public_channel_id) == chat_id))
    ).first()
    if channel is not None:
        return channel
    if by is None:
        return None
    if Role.ADMIN in roles:
        candidates = list((await session.exec(select(Community))).all())
    elif Role.STAFF in roles:
        ids = set(
            (
                await session.exec(
                    select(StaffScope.community_id).where(col(StaffScope.user_id) == by.id)
                )
            ).all()
        )
        candidates = [c for c in (await session.exec(select(Community))).all() if c.id in ids]
        if len(candidates) == 1:
            return candidates[0]
    else:
        return None
    named = [
        c
        for c in candidates
        if c.name in title or (c.name_en and c.name_en.lower() in title.lower())
    ]
    return named[0] if len(named) == 1 else None


async def _told(
    session: AsyncSession,
    *,
    community: Community | None,
    by: User | None,
    admin_ids: Collection[int],
) -> list[User]:
    """The community's staff (or, for a group of no community, the admins), and whoever
    changed the bot's membership when they are staff or an admin; each once."""
    if community is not None and community.id is not None:
        people = await staff_of(session, community_id=community.id)
    else:
        ids = await current_admin_ids(session, bootstrap=admin_ids)
        people = [u for u in [await session.get(User, i) for i in sorted(ids)] if u is not None]
    if by is not None and by.id not in {p.id for p in people}:
        roles = set(by.role_set) | ({Role.ADMIN} if by.id in admin_ids else set())
        if roles & {Role.STAFF, Role.ADMIN}:
            people.append(by)
    return [p for p in people if not p.blocked_bot and p.forgotten_at is None]


def _record(
    session: AsyncSession,
    *,
    action: str,
    chat_id: int,
    by: User | None,
    community: Community | None,
    detail: dict[str, object],
) -> None:
    """One change of the bot's place in a chat, as its audit row (the caller commits): what the
    chat is now bound to (`community`, None: nothing) and what Telegram said of it."""
    audit.record(
        session,
        actor_id=by.id if by else None,
        action=action,
        subject_type=SUBJECT,
        subject_id=chat_id,
        detail=json.dumps(
            {"community": community.id if community else None, **detail}, ensure_ascii=False
        ),
    )


async def bot_joined(
    session: AsyncSession,
    *,
    chat_id: int,
    title: str,
    chat_type: str,
    status: str,
    by: User | None,
    roles: Collection[Role],
    admin_ids: Collection[int],
) -> ChatChange:
    """The bot was added to a group or channel (or promoted there): recorded, with the
    community the group is bound to; `arrived` is False when it was there already (a
    promotion), and then nobody is told again (and a group staff unbound stays unbound)."""
    latest = await _latest(session, chat_id)
    arrived = latest is None or latest.action == LEFT
    bound = _detail(latest).get("community") if not arrived else None
    if latest is not None and latest.action == UNBOUND:
        community = None  # promoted in a group staff unbound: it stays unbound
    elif isinstance(bound, int):
        community = await session.get(Community, bound)
    else:
        community = await _community_for(session, chat_id=chat_id, title=title, by=by, roles=roles)
    _record(
        session,
        action=JOINED,
        chat_id=chat_id,
        by=by,
        community=community,
        detail={"title": title, "type": chat_type, "status": status},
    )
    tell = await _told(session, community=community, by=by, admin_ids=admin_ids) if arrived else []
    await session.commit()
    return ChatChange(
        chat_id=chat_id,
        title=title,
        kind=chat_type,
        community=community,
        arrived=arrived,
        tell=tell,
    )


def mark_gone(session: AsyncSession, *, chat_id: int, error: str) -> None:
    """Telegram refused a post to this group or channel because the bot is no longer in it
    (403: kicked, not a member), an update saying so having been missed: recorded as a
    removal, so nothing more is queued for it (the caller commits; already gone: nothing)."""
    audit.record(
        session,
        actor_id=None,
        action=LEFT,
        subject_type=SUBJECT,
        subject_id=chat_id,
        detail=json.dumps({"error": error[:200]}, ensure_ascii=False),
    )


async def bot_left(
    session: AsyncSession,
    *,
    chat_id: int,
    title: str,
    chat_type: str,
    status: str,
    by: User | None,
    admin_ids: Collection[int],
) -> ChatChange:
    """The bot was removed from a group or channel: recorded, so nothing is posted there any
    more; what was waiting to go there is dropped. The staff of its community are told."""
    latest = await _latest(session, chat_id)
    bound = _detail(latest).get("community")
    community = await session.get(Community, bound) if isinstance(bound, int) else None
    if community is None:
        community = (
            await session.exec(
                select(Community).where(col(Community.public_channel_id) == chat_id)
            )
        ).first()
    already = latest is not None and latest.action == LEFT
    _record(
        session,
        action=LEFT,
        chat_id=chat_id,
        by=by,
        community=community,
        detail={"title": title, "type": chat_type, "status": status},
    )
    await session.exec(  # type: ignore[call-overload]
        update(Delivery)
        .where(
            col(Delivery.chat_id) == chat_id,
            col(Delivery.state) == DeliveryState.PENDING,
        )
        .values(state=DeliveryState.BLOCKED, error=GONE_ERROR)
    )
    tell = [] if already else await _told(session, community=community, by=by, admin_ids=admin_ids)
    await session.commit()
    return ChatChange(
        chat_id=chat_id, title=title, kind=chat_type, community=community, left=True, tell=tell
    )


@dataclass(frozen=True)
class BoundGroup:
    """A group bound to a community, as its staff see it."""

    chat_id: int
    title: str
    community_id: int


async def bound_groups(
    session: AsyncSession, *, community_ids: Collection[int]
) -> list[BoundGroup]:
    """The groups (not channels) bound to these communities that the bot is still in, the latest
    bound first."""
    rows = await session.exec(
        select(AuditEvent)
        .where(col(AuditEvent.subject_type) == SUBJECT)
        .order_by(col(AuditEvent.id).desc())
    )
    seen: set[str] = set()
    out: list[BoundGroup] = []
    for event in rows.all():
        if event.subject_id in seen:
            continue
        seen.add(event.subject_id)
        detail = _detail(event)
        community = detail.get("community")
        if event.action != JOINED or detail.get("type") == "channel":
            continue
        if isinstance(community, int) and community in community_ids:
            title = str(detail.get("title") or event.subject_id)
            out.append(BoundGroup(int(event.subject_id), title, community))
    return out


async def unbind(
    session: AsyncSession, *, chat_id: int, user: User, roles: Collection[Role]
) -> BoundGroup:
    """Staff of the group's community (or an admin) unbind it: recorded (an audit row), so
    nothing more is posted there (`group_of` finds it no more); what was waiting to go there is
    dropped. Committed. NotFound when it is bound to nothing (unbound meanwhile, or the bot
    was removed); PermissionDenied (logged) for anyone else."""
    latest = await _latest(session, chat_id)
    detail = _detail(latest)
    community = detail.get("community")
    if latest is None or latest.action != JOINED or not isinstance(community, int):
        raise NotFound("group-unbind-gone")
    await require_scope(
        session, user=user, roles=roles, community_id=community, action="chat-unbind"
    )
    title = str(detail.get("title") or chat_id)
    # the binding's row marked unbound, only if nobody did so since it was read: two staff
    # confirming at once write one audit row, on SQLite and PostgreSQL alike (the second
    # waits for the first's row, then finds it changed)
    marked = {**detail, "unbound_by": user.id}
    result = await session.exec(  # type: ignore[call-overload]
        update(AuditEvent)
        .where(col(AuditEvent.id) == latest.id, col(AuditEvent.detail) == latest.detail)
        .values(detail=json.dumps(marked, ensure_ascii=False)[:2000])
    )
    if result.rowcount != 1:  # unbound by a colleague a moment before (nothing written)
        raise NotFound("group-unbind-gone")
    _record(
        session,
        action=UNBOUND,
        chat_id=chat_id,
        by=user,
        community=None,
        detail={"was": community, "title": title, "type": detail.get("type")},
    )
    await session.exec(  # type: ignore[call-overload]
        update(Delivery)
        .where(
            col(Delivery.chat_id) == chat_id,
            col(Delivery.state) == DeliveryState.PENDING,
        )
        .values(state=DeliveryState.CANCELLED, error="group unbound")
    )
    await session.commit()
    return BoundGroup(chat_id, title, community)


@dataclass(frozen=True)
class PublicChannel:
    """A community's public channel (results and poll outcomes are posted there), as its staff
    see it beside the bound groups: its title as last seen (None when the bot's arrival there
    was never recorded) and whether the bot was removed from it."""

    chat_id: int
    title: str | None
    community_id: int
    gone: bool


async def public_channels(
    session: AsyncSession, *, community_ids: Collection[int]
) -> list[PublicChannel]:
    """The public channels of these communities (set in the org structure), by community."""
    rows = await session.exec(
        select(Community)
        .where(col(Community.id).in_(list(community_ids)))
        .where(col(Community.public_channel_id).is_not(None))
        .order_by(col(Community.id))
    )
    out: list[PublicChannel] = []
    for community in rows.all():
        chat_id = community.public_channel_id
        if chat_id is None or community.id is None:
            continue
        latest = await _latest(session, chat_id)
        title = _detail(latest).get("title")
        gone = latest is not None and latest.action == LEFT
        out.append(PublicChannel(chat_id, str(title) if title else None, community.id, gone))
    return out


async def may_set_channel(
    session: AsyncSession, *, community_id: int, user: User, roles: Collection[Role]
) -> Community:
    """The community whose public channel this user may set: its staff, or an admin for any
    (NotFound when there is no such community; PermissionDenied, logged, for anyone else)."""
    community = await session.get(Community, community_id)
    if community is None:
        raise NotFound("channel-set-gone")
    await require_scope(
        session, user=user, roles=roles, community_id=community_id, action="channel-set"
    )
    return community


async def set_public_channel(
    session: AsyncSession,
    *,
    community_id: int,
    chat_id: int,
    title: str,
    user: User,
    roles: Collection[Role],
) -> Community:
    """A community's staff (or an admin) make a channel the bot may post in its public channel
    (result cards and poll outcomes go there from now on), the caller having checked the bot
    is an admin there. An audit row (on the channel) says who, and what it was before.
    Committed. InvalidInput when the channel is another community's public channel."""
    community = await may_set_channel(session, community_id=community_id, user=user, roles=roles)
    other = (
        await session.exec(select(Community).where(col(Community.public_channel_id) == chat_id))
    ).first()
    if other is not None and other.id != community_id:
        raise InvalidInput("channel-set-taken", community=other.name)
    was = community.public_channel_id
    community.public_channel_id = chat_id
    session.add(community)
    _record(
        session,
        action=CHANNEL_SET,
        chat_id=chat_id,
        by=user,
        community=community,
        detail={"title": title, "type": "channel", "status": "administrator", "was": was},
    )
    await session.commit()
    return community
