"""Staff notices to many people: audience, preview, confirm, progress and the final report.

The notice itself travels through the outbox (one delivery per person, kind "broadcast"); this
module picks the audience, checks the author's scope, and reports how far it got.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, time
from typing import Any, Protocol

from sqlalchemy import func, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.org import Building, Community, Grid, shown_name
from models.scheduling import AudienceKind, Broadcast, BroadcastState, Delivery, DeliveryState
from models.users import MemberProfile, MemberStatus, Role, StaffScope, User
from services.delivery import (
    after_quiet_hours,
    home_communities,
    local_zone,
    parse_hhmm,
    photo_parts,
    quiet_hours_of,
    set_quiet_hours,
    visible_text,
)
from services.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from services.listing import Listing
from services.triage.text import to_simplified
from services.users import (
    acting_staff,
    can_act_in,
    current_admin_ids,
    effective_roles,
    require_scope,
    staff_of,
)

TEXT_MAX = 3500
"""The longest notice, in characters as people count them (an emoji is one, formatting none).
Telegram counts an emoji as two, so a notice this long may take two messages: the preview and
the sender split it (services.delivery.split_html) and never cut it."""
_TAGS = re.compile(r"<[^>]*>")  # of the notice's HTML, for its excerpt
UNREACHED_CALLBACK = "bc:unreached:{id}"
"""callback_data of the report's "who was not reached" button (handlers.broadcast matches it)."""


@dataclass(frozen=True)
class BroadcastReport:
    """Where a broadcast stands: how many went out, were blocked, failed, are still waiting."""

    total: int
    sent: int
    blocked: int
    failed: int
    waiting: int

    @property
    def finished(self) -> int:
        """Deliveries with a final outcome."""
        return self.sent + self.blocked + self.failed

    @property
    def complete(self) -> bool:
        """True when nothing is left to send."""
        return self.waiting == 0


async def audience(
    session: AsyncSession,
    *,
    kind: AudienceKind,
    community_id: int | None,
    target_ids: Collection[int] = (),
) -> list[User]:
    """Registered people of an audience (blocked ones included: the report counts them)."""
    stmt = select(User).where(col(User.forgotten_at).is_(None), col(User.consent_at).is_not(None))
    if kind == AudienceKind.EVERYONE:
        pass
    elif kind == AudienceKind.COMMUNITY:
        stmt = stmt.where(User.community_id == community_id)
    elif kind == AudienceKind.GRIDS:
        stmt = stmt.where(col(User.grid_id).in_(list(target_ids)))
    elif kind == AudienceKind.BUILDINGS:
        stmt = stmt.where(col(User.building_id).in_(list(target_ids)))
    elif kind == AudienceKind.MEMBERS:
        members = select(MemberProfile.user_id).where(
            MemberProfile.community_id == community_id,
            MemberProfile.status == MemberStatus.APPROVED,
        )
        stmt = select(User).where(
            col(User.forgotten_at).is_(None), col(User.id).in_(members.scalar_subquery())
        )
    else:  # pragma: no cover - StrEnum exhausts the cases
        raise InvalidInput("broadcast-bad-audience")
    return list((await session.exec(stmt.order_by(col(User.id)))).all())


async def _check_targets(
    session: AsyncSession, *, kind: AudienceKind, community_id: int | None, target_ids: list[int]
) -> None:
    if kind in (AudienceKind.GRIDS, AudienceKind.BUILDINGS):
        if not target_ids:
            raise InvalidInput("broadcast-no-targets")
        table = Grid if kind == AudienceKind.GRIDS else Building
        rows = (
            await session.exec(
                select(table.community_id).where(col(table.id).in_(target_ids))  # type: ignore[attr-defined]
            )
        ).all()
        if len(rows) != len(set(target_ids)) or any(c != community_id for c in rows):
            raise InvalidInput("broadcast-no-targets")


async def author_grids(
    session: AsyncSession, *, author: User, roles: Collection[Role], community_id: int
) -> set[int] | None:
    """The grids of a community a notice by `author` may go to (their buildings too), or None
    when it may go to the whole community (an admin, or staff of the whole community): what
    the notice form offers a grid worker, as _require_broadcast_scope allows."""
    if Role.ADMIN in roles:
        return None
    stmt = select(StaffScope).where(
        StaffScope.user_id == author.id, StaffScope.community_id == community_id
    )
    scopes = (await session.exec(stmt)).all()
    if any(s.grid_id is None for s in scopes):
        return None
    return {s.grid_id for s in scopes if s.grid_id is not None}


async def _require_broadcast_scope(
    session: AsyncSession,
    *,
    author: User,
    roles: Collection[Role],
    kind: AudienceKind,
    community_id: int,
    target_ids: list[int],
) -> None:
    """Grid staff may write to their grids and buildings; community-wide needs community scope."""
    if Role.ADMIN in roles:
        return
    grids: set[int | None]
    if kind == AudienceKind.GRIDS:
        grids = set(target_ids)
    elif kind == AudienceKind.BUILDINGS:
        stmt = select(Building.grid_id).where(col(Building.id).in_(target_ids))
        grids = set((await session.exec(stmt)).all())
    else:
        wide = await session.exec(
            select(StaffScope).where(
                StaffScope.user_id == author.id,
                StaffScope.community_id == community_id,
                col(StaffScope.grid_id).is_(None),
            )
        )
        grids = {None} if wide.first() is not None or Role.STAFF not in roles else set()
        if not grids:
            grids = {-1}  # grid staff only: refused below
    for grid_id in grids:
        await require_scope(
            session,
            user=author,
            roles=roles,
            community_id=community_id,
            grid_id=grid_id,
            action="broadcast",
        )


def check_text(text: str) -> str:
    """The notice's HTML text, trimmed; InvalidInput when it is empty or too long."""
    body = text.strip()
    length = len(visible_text(body).strip())
    if not length:
        raise InvalidInput("err-text-empty")
    if length > TEXT_MAX:
        raise InvalidInput("broadcast-too-long", max=TEXT_MAX, length=length)
    return body


async def create_draft(
    session: AsyncSession,
    *,
    author: User,
    roles: Collection[Role],
    kind: AudienceKind,
    community_id: int | None,
    target_ids: list[int],
    text: str,
    now: datetime,
    photo: str | None = None,
    replaces: int | None = None,
) -> tuple[Broadcast, int]:
    """Store a notice as a draft after checking scope; returns it and how many it would reach.

    `photo` (a Telegram file_id) goes to everyone with the text as its caption, or, when the
    text is too long for a caption, just before the text. `replaces`: the author's draft this
    one is a change of (✏️ 修改 on its preview), dropped in the same commit, so only one of the
    two can ever be sent; refused (Conflict) when that one was sent or dropped meanwhile, and
    left as it is when the changed audience reaches nobody (broadcast-empty-audience).
    """
    body = check_text(text)
    if replaces is not None:
        await draft_of(session, author=author, broadcast_id=replaces)
    if kind == AudienceKind.EVERYONE:
        if Role.ADMIN not in roles:
            raise PermissionDenied("err-not-allowed")
        community_id = None
    else:
        if community_id is None:
            raise InvalidInput("broadcast-no-targets")
        await _check_targets(session, kind=kind, community_id=community_id, target_ids=target_ids)
        await _require_broadcast_scope(
            session,
            author=author,
            roles=roles,
            kind=kind,
            community_id=community_id,
            target_ids=target_ids,
        )
    people = await audience(session, kind=kind, community_id=community_id, target_ids=target_ids)
    if replaces is not None:
        if not people:
            raise InvalidInput("broadcast-empty-audience")
        dropped = await session.exec(  # type: ignore[call-overload]
            update(Broadcast)
            .where(col(Broadcast.id) == replaces, col(Broadcast.state) == BroadcastState.DRAFT)
            .values(state=BroadcastState.CANCELLED, finished_at=now)
        )
        if not dropped.rowcount:  # 发送 on the old preview got there first
            await session.rollback()
            raise Conflict("broadcast-already-sent")
    draft = Broadcast(
        author_id=author.id,
        community_id=community_id,
        audience=kind,
        target_ids=",".join(str(i) for i in target_ids),
        text=body,
        photo_ref=photo or None,
        total=len(people),
        created_at=now,
    )
    session.add(draft)
    await session.commit()
    return draft, len(people)


class TextSource(Protocol):
    """What renders a text key in a language (bot.i18n.Translator fits)."""

    def get(self, lang: str, key: str, /, **args: Any) -> str:
        """The text for key in lang."""
        ...


async def sender_header(
    session: AsyncSession,
    *,
    author: User,
    community_id: int | None,
    texts: TextSource,
    lang: str,
) -> str:
    """The first line residents see: who the notice is from (📢 阳光社区通知 · 网格员)."""
    if community_id is None:
        return texts.get(lang, "broadcast-header-everyone")
    community = await session.get(Community, community_id)
    scopes = (
        await session.exec(
            select(StaffScope).where(
                StaffScope.user_id == author.id, StaffScope.community_id == community_id
            )
        )
    ).all()
    if scopes and all(s.grid_id is not None for s in scopes):
        grid = await session.get(Grid, scopes[0].grid_id)
        grid_name = shown_name(grid, lang) if grid else ""
        sender = texts.get(lang, "broadcast-sender-grid", grid=grid_name)
    elif scopes:
        sender = texts.get(lang, "broadcast-sender-staff")
    else:
        sender = texts.get(lang, "broadcast-sender-admin")
    name = shown_name(community, lang) if community is not None else ""
    return texts.get(lang, "broadcast-header", community=name, sender=sender)


def notice_body(header: str, text: str) -> str:
    """What a resident reads: who it is from, then the notice."""
    return f"{header}\n\n{text}"


def caption_fits(body: str) -> bool:
    """True when the notice goes as the photo's caption; False when it is too long for one and
    goes as a message of its own right after the photo (never cut)."""
    return len(photo_parts(body)) == 1


async def draft_of(session: AsyncSession, *, author: User, broadcast_id: int) -> Broadcast:
    """The author's own broadcast (NotFound for anyone else's)."""
    draft = await session.get(Broadcast, broadcast_id)
    if draft is None or draft.author_id != author.id:
        raise NotFound("broadcast-not-found")
    if draft.state == BroadcastState.CANCELLED:
        raise Conflict("broadcast-not-found")  # "(可能已取消)": not "already sent"
    if draft.state != BroadcastState.DRAFT:
        raise Conflict("broadcast-already-sent")
    return draft


async def confirm(
    session: AsyncSession,
    *,
    author: User,
    roles: Collection[Role],
    broadcast_id: int,
    urgent: bool,
    progress_chat_id: int | None,
    progress_message_id: int | None,
    now: datetime,
    texts: TextSource | None = None,
    default_language: str = "zh-Hans",
) -> Broadcast:
    """Queue the notice for everyone in its audience (once, even if confirmed twice); with
    `texts`, each copy opens with who it is from, in the recipient's language."""
    draft = await session.get(Broadcast, broadcast_id)
    if draft is None or draft.author_id != author.id:
        raise NotFound("broadcast-not-found")
    if draft.community_id is not None:
        await _require_broadcast_scope(
            session,
            author=author,
            roles=roles,
            kind=AudienceKind(draft.audience),
            community_id=draft.community_id,
            target_ids=draft.target_id_list,
        )
    elif Role.ADMIN not in roles:
        raise PermissionDenied("err-not-allowed")
    moved = await session.exec(  # type: ignore[call-overload]
        update(Broadcast)
        .where(col(Broadcast.id) == broadcast_id, col(Broadcast.state) == BroadcastState.DRAFT)
        .values(
            state=BroadcastState.SENDING,
            confirmed_at=now,
            progress_chat_id=progress_chat_id,
            progress_message_id=progress_message_id,
        )
        .execution_options(synchronize_session=False)
    )
    if not moved.rowcount:  # type: ignore[attr-defined]
        await session.rollback()
        raise Conflict("broadcast-already-sent")
    people = await audience(
        session,
        kind=AudienceKind(draft.audience),
        community_id=draft.community_id,
        target_ids=draft.target_id_list,
    )
    quiet: dict[int | None, tuple] = {}
    # people without an address of their own (members, staff): the hours of where they serve
    homes = await home_communities(
        session, chat_ids=[p.id for p in people if p.community_id is None and not urgent]
    )
    headers: dict[str, str] = {}
    rows = []
    for person in people:
        body = draft.text
        if texts is not None:
            lang = person.language or default_language
            if lang not in headers:
                headers[lang] = await sender_header(
                    session, author=author, community_id=draft.community_id, texts=texts, lang=lang
                )
            body = notice_body(headers[lang], draft.text)
        when = now
        if not urgent and not person.quiet_hours_opt_out:
            cid = person.community_id if person.community_id is not None else homes.get(person.id)
            if cid not in quiet:
                quiet[cid] = await quiet_hours_of(session, community_id=cid)
            start, end, enabled = quiet[cid]
            if enabled:
                when = after_quiet_hours(now, start=start, end=end, zone=local_zone())
        rows.append(
            Delivery(
                chat_id=person.id,
                kind="broadcast",
                text=body,
                photo_ref=draft.photo_ref,  # one photo per person, in the same delivery
                urgent=urgent,
                community_id=person.community_id,
                dedupe_key=f"bc:{broadcast_id}:{person.id}",
                broadcast_id=broadcast_id,
                not_before=when,
                held_from=now if when != now else None,  # quiet hours hold it (re-timed by /quiet)
                state=DeliveryState.BLOCKED if person.blocked_bot else DeliveryState.PENDING,
                error="blocked before sending" if person.blocked_bot else None,
                created_at=now,
            )
        )
    session.add_all(rows)
    await session.exec(  # type: ignore[call-overload]
        update(Broadcast)
        .where(col(Broadcast.id) == broadcast_id)
        .values(total=len(rows))
        .execution_options(synchronize_session=False)
    )
    await session.commit()
    await session.refresh(draft)
    return draft


async def cancel(
    session: AsyncSession, *, author: User, broadcast_id: int, now: datetime
) -> BroadcastReport:
    """Stop a draft or what is still waiting of a broadcast; returns where it stands."""
    draft = await session.get(Broadcast, broadcast_id)
    if draft is None or draft.author_id != author.id:
        raise NotFound("broadcast-not-found")
    await session.exec(  # type: ignore[call-overload]
        update(Delivery)
        .where(
            col(Delivery.broadcast_id) == broadcast_id,
            col(Delivery.state) == DeliveryState.PENDING,
        )
        .values(state=DeliveryState.CANCELLED)
    )
    # only a draft becomes "cancelled", checked in the UPDATE itself: a send tapped at the same
    # moment may have made it "sending" since we loaded it, and then it stays so (its progress
    # line runs to the end and reports what was stopped)
    await session.exec(  # type: ignore[call-overload]
        update(Broadcast)
        .where(
            col(Broadcast.id) == broadcast_id,
            col(Broadcast.state) == BroadcastState.DRAFT,
        )
        .values(state=BroadcastState.CANCELLED, finished_at=now)
    )
    await session.commit()
    await session.refresh(draft)
    return await report(session, broadcast_id=broadcast_id)


async def held_until(
    session: AsyncSession, *, broadcast_id: int, now: datetime
) -> tuple[int, datetime | None]:
    """How many copies quiet hours hold back, and when the first of them goes out."""
    stmt = select(func.count(), func.min(Delivery.not_before)).where(
        col(Delivery.broadcast_id) == broadcast_id,
        col(Delivery.state) == DeliveryState.PENDING,
        col(Delivery.not_before) > now,
    )
    count, first = (await session.exec(stmt)).one()
    if not count or first is None:
        return 0, None
    if first.tzinfo is None:  # SQLite hands back naive UTC
        from datetime import UTC

        first = first.replace(tzinfo=UTC)
    return int(count), first


async def report(session: AsyncSession, *, broadcast_id: int) -> BroadcastReport:
    """Counts of a broadcast's deliveries by outcome."""
    stmt = (
        select(Delivery.state, func.count())
        .where(col(Delivery.broadcast_id) == broadcast_id)
        .group_by(Delivery.state)
    )
    counts = {state: int(n) for state, n in (await session.exec(stmt)).all()}
    sent = counts.get(DeliveryState.SENT, 0)
    blocked = counts.get(DeliveryState.BLOCKED, 0)
    failed = counts.get(DeliveryState.FAILED, 0)
    waiting = counts.get(DeliveryState.PENDING, 0) + counts.get(DeliveryState.SENDING, 0)
    total = sum(counts.values())
    return BroadcastReport(total=total, sent=sent, blocked=blocked, failed=failed, waiting=waiting)


async def unreached(
    session: AsyncSession, *, author: User, roles: Collection[Role], broadcast_id: int
) -> list[tuple[User | None, int, str]]:
    """Who did not get the notice: (user if known, chat id, outcome), for admins and the staff
    of its community (its author, or those its report went to when the author left: see
    `report_heirs`). An author who no longer works there is told it is not found."""
    draft = await session.get(Broadcast, broadcast_id)
    if draft is None or not await _may_follow(session, draft, user=author, roles=roles):
        raise NotFound("broadcast-not-found")
    stmt = (
        select(Delivery, User)
        .join(User, col(User.id) == col(Delivery.chat_id), isouter=True)
        .where(
            col(Delivery.broadcast_id) == broadcast_id,
            col(Delivery.state).in_(
                [DeliveryState.BLOCKED, DeliveryState.FAILED, DeliveryState.CANCELLED]
            ),
        )
        .order_by(col(Delivery.chat_id))
    )
    return [(user, d.chat_id, d.state) for d, user in (await session.exec(stmt)).all()]


async def _may_follow(
    session: AsyncSession, draft: Broadcast, *, user: User, roles: Collection[Role]
) -> bool:
    """May this person hear how the notice went: an admin, or staff who act in its community."""
    if Role.ADMIN in roles:
        return True
    if draft.community_id is None:  # to every community: an admin's
        return False
    return await can_act_in(session, user=user, roles=roles, community_id=draft.community_id)


async def author_may_follow(
    session: AsyncSession, *, draft: Broadcast, admin_ids: Collection[int]
) -> bool:
    """Whether the notice's author still hears how it goes (its progress line, its report):
    they still act where it went. One whose staff or admin role there was taken away while it
    was sending (or held for the night) must not learn that community's recipient counts."""
    author = await session.get(User, draft.author_id)
    if author is None:
        return False
    roles = effective_roles(author, admin_ids=admin_ids)
    return await _may_follow(session, draft, user=author, roles=roles)


async def report_heirs(
    session: AsyncSession, *, draft: Broadcast, admin_ids: Collection[int]
) -> list[tuple[int, str | None]]:
    """Who gets the report of a notice whose author no longer works where it went, as (chat
    id, language): the staff who act there now (for a notice to some grids or buildings, those
    of its grids and the community-wide ones), or, for one to every community, the admins. The
    notice went out in the community's name; its report (who was not reached) is the follow-up
    work the author left them."""
    if draft.community_id is None:
        ids = sorted(await current_admin_ids(session, bootstrap=admin_ids))
        users = {u.id: u for u in (await session.exec(select(User).where(col(User.id).in_(ids))))}
        return [
            (i, users[i].language if i in users else None)
            for i in ids
            if i != draft.author_id and not (i in users and users[i].blocked_bot)
        ]
    kind = AudienceKind(draft.audience)
    grids: list[int | None] = [None]
    if kind == AudienceKind.GRIDS:
        grids = list(draft.target_id_list)
    elif kind == AudienceKind.BUILDINGS:
        stmt = select(Building.grid_id).where(col(Building.id).in_(draft.target_id_list))
        grids = sorted({g for g in (await session.exec(stmt)).all()}, key=lambda g: g or 0)
    heirs: dict[int, str | None] = {}
    for grid_id in grids or [None]:
        for staff in await staff_of(session, community_id=draft.community_id, grid_id=grid_id):
            if staff.id != draft.author_id:
                heirs.setdefault(staff.id, staff.language)
    return sorted(heirs.items())


def excerpt(draft: Broadcast, *, chars: int = 30) -> str:
    """The notice's first words as plain text (for a report that reaches someone who did not
    write it); the caller escapes it."""
    plain = html.unescape(_TAGS.sub("", draft.text)).strip()
    first = plain.splitlines()[0].strip() if plain else ""
    return first if len(first) <= chars else first[:chars].rstrip() + "…"


async def in_progress(session: AsyncSession) -> list[Broadcast]:
    """Broadcasts still sending (the scheduler shows their progress)."""
    stmt = select(Broadcast).where(Broadcast.state == BroadcastState.SENDING)
    return list((await session.exec(stmt.execution_options(populate_existing=True))).all())


async def mark_done(
    session: AsyncSession, *, broadcast_id: int, shown: int, now: datetime
) -> bool:
    """Close a finished broadcast once; False when someone else already did.

    Not committed here: the caller commits it together with the author's final report, so a
    crash in between leaves the broadcast sending and the next beat reports it.
    """
    moved = await session.exec(  # type: ignore[call-overload]
        update(Broadcast)
        .where(col(Broadcast.id) == broadcast_id, col(Broadcast.state) == BroadcastState.SENDING)
        .values(state=BroadcastState.DONE, finished_at=now, progress_shown=shown)
        .execution_options(synchronize_session=False)
    )
    return bool(moved.rowcount)  # type: ignore[attr-defined]


async def claim_shown(session: AsyncSession, *, broadcast_id: int, shown: int) -> bool:
    """Take the turn to show `shown` on the author's progress line; False when it already reads
    so or more (another process, or an earlier beat, showed it). Committed: only the taker
    edits, so the line is never edited to the text it already has (Telegram refuses that
    edit), nor back to a smaller number read before a larger one was shown."""
    moved = await session.exec(  # type: ignore[call-overload]
        update(Broadcast)
        .where(col(Broadcast.id) == broadcast_id, col(Broadcast.progress_shown) < shown)
        .values(progress_shown=shown)
        .execution_options(synchronize_session=False)
    )
    await session.commit()
    return bool(moved.rowcount)  # type: ignore[attr-defined]


QUIET_ASK_MAX = 3  # names a refusal offers; a community's office has a handful of staff
QUIET_OFF_WORDS = frozenset({"off", "关", "关闭"})
# between the two times: a space, or a dash, tilde, 至 or 到 as people type a span (the ASCII
# and full-width forms after NFKC; en and em dashes and the wave dash as they are)
_QUIET_SPAN = re.compile(r"(\d{1,2}:\d{2})(?:\s*(?:-|~|–|—|―|−|〜|至|到)\s*|\s+)(\d{1,2}:\d{2})")


def names_first(community: Community, words: list[str]) -> int:
    """How many of the first `words` (/quiet's) name the community: its name, in Simplified
    or Traditional characters (和諧社區), or its English name, letter case aside ('Harmony
    Community', as /quiet's example gives it to an English reader); 0 for none."""
    if words and to_simplified(community.name) == to_simplified(words[0]):
        return 1
    english = (community.name_en or "").casefold().split()
    typed = [word.casefold() for word in words[: len(english)]]
    return len(english) if english and typed == english else 0


def parse_quiet_hours(typed: str) -> tuple[time, time] | None:
    """What staff type after /quiet (and the community's name): the new span, None for off.

    '22:00 07:00', '22:00-07:00', '22:00~07:00', '22:00 至 07:00', and each typed with a
    Chinese input method ('22：00－07：00', full-width digits); 'off', '关', '关闭'.
    """
    text = unicodedata.normalize("NFKC", typed).strip()
    words = text.split()
    if words and to_simplified(words[0]).casefold() in QUIET_OFF_WORDS:
        return None
    match = _QUIET_SPAN.fullmatch(text)
    if match is None:
        raise InvalidInput("broadcast-quiet-bad")
    try:
        return parse_hhmm(match.group(1)), parse_hhmm(match.group(2))
    except ValueError:
        raise InvalidInput("broadcast-quiet-bad") from None


@dataclass(frozen=True)
class QuietKeepers:
    """Who may change a community's quiet hours, as one member of staff sees it."""

    may_change: bool
    ask: Listing
    """Its community-wide staff to ask (a few, by name); empty: the sub-district admin."""


async def quiet_keepers(
    session: AsyncSession, *, user: User, roles: Collection[Role], community_id: int
) -> QuietKeepers:
    """Whether this user may change the community's quiet hours (an admin, or staff of the
    whole community, not of one grid), and whom to ask when not."""
    if Role.ADMIN in roles:
        may = True
    else:
        wide = await session.exec(
            select(StaffScope).where(
                StaffScope.user_id == user.id,
                StaffScope.community_id == community_id,
                col(StaffScope.grid_id).is_(None),
            )
        )
        may = Role.STAFF in roles and wide.first() is not None
    keepers = await session.exec(
        select(User)
        .join(StaffScope, col(StaffScope.user_id) == col(User.id))
        .where(
            StaffScope.community_id == community_id,
            col(StaffScope.grid_id).is_(None),
            col(User.forgotten_at).is_(None),
        )
        .order_by(col(User.id))
    )
    names = [u.display_name for u in acting_staff(keepers.all()) if u.id != user.id]
    return QuietKeepers(may_change=may, ask=Listing(names[:QUIET_ASK_MAX]))


async def change_quiet_hours(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    community_id: int,
    typed: str,
    now: datetime | None = None,
    lang: str = "",
) -> tuple[str, str, bool]:
    """Community staff set (or switch off) their community's quiet hours; returns the new ones.
    (`lang`: the language of who typed it, in which a refusal names the community.)

    `typed` is what follows /quiet (and the community's name): see parse_quiet_hours. Who may
    not change them is told so, and whom to ask, before anything about what was typed.
    Notices the old hours held are re-timed at once (switched off: they go now).
    """
    try:
        await _require_broadcast_scope(
            session,
            author=user,
            roles=roles,
            kind=AudienceKind.COMMUNITY,
            community_id=community_id,
            target_ids=[],
        )
    except PermissionDenied:
        refusal = await quiet_refusal(
            session, user=user, roles=roles, community_id=community_id, lang=lang
        )
        raise refusal from None
    span = parse_quiet_hours(typed)
    if span is None:
        begin, finish, _ = await quiet_hours_of(session, community_id=community_id)
    else:
        begin, finish = span
    if span is not None and begin == finish:  # no span at all: not "all night", not "off"
        raise InvalidInput("broadcast-quiet-same")
    row = await set_quiet_hours(
        session,
        community_id=community_id,
        start=begin.strftime("%H:%M"),
        end=finish.strftime("%H:%M"),
        enabled=span is not None,
        now=now,
    )
    return row.start, row.end, row.enabled


async def quiet_refusal(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    community_id: int,
    lang: str = "",
) -> PermissionDenied:
    """Why this user may not change the community's quiet hours, and whom to ask (the
    community named as a `lang` reader sees it)."""
    community = await session.get(Community, community_id)
    name = shown_name(community, lang) if community is not None else "-"
    keepers = await quiet_keepers(session, user=user, roles=roles, community_id=community_id)
    if keepers.ask.items:
        return PermissionDenied("broadcast-quiet-not-yours", community=name, ask=keepers.ask)
    return PermissionDenied("broadcast-quiet-not-yours-admin", community=name)
