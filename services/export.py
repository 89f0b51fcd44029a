"""The XLSX ledger (台账): one row per matter with its whole history, streamed to disk.

xlsxwriter's constant_memory mode writes each row as it comes, and the matters are read in
chunks by id, so 100,000 matters need little memory.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import and_, func, or_
from sqlalchemy import select as sa_select
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import (
    Building,
    Community,
    Grid,
    MemberProfile,
    MemberStatus,
    User,
    shown_name,
)
from models.orders import (
    Claim,
    ClaimStatus,
    LedgerEvent,
    Order,
    PointsEntry,
    Rating,
    Request,
    RequestStatus,
    Score,
    Transfer,
)
from models.org import building_in_english
from models.users import DATA_DELETED_KEY, DeletedName, member_name
from services.order_common import (
    MOVE_ACTION,
    category,
    is_category,
    voice_placeholder_key,
    written_text,
)
from services.orders import PHONE_RATING_NOTE
from services.places import Place
from services.praise import PRAISE_ACTION
from services.urges import URGE_ACTION, URGE_REASONS

CHUNK = 2000
REQUEST_COLUMNS: tuple[Any, ...] = (
    col(Request.id),
    col(Request.created_at),
    col(Request.channel),
    col(Request.community_id),
    col(Request.grid_id),
    col(Request.building_id),
    col(Request.room),
    col(Request.public_area),
    col(Request.contact_name),
    col(Request.contact_phone),
    col(Request.resident_id),
    col(Request.category),
    col(Request.urgent),
    col(Request.text),
    col(Request.status),
    col(Request.first_response_at),
    col(Request.deadline_at),
    col(Request.resolved_at),
    col(Request.result_note),
    col(Request.decline_reason),
)
EVENT_COLUMNS: tuple[Any, ...] = (
    col(LedgerEvent.request_id),
    col(LedgerEvent.at),
    col(LedgerEvent.subject),
    col(LedgerEvent.subject_id),
    col(LedgerEvent.action),
    col(LedgerEvent.from_state),
    col(LedgerEvent.to_state),
    col(LedgerEvent.note),
)
OPEN = {
    RequestStatus.NEW,
    RequestStatus.REOPENED,
    RequestStatus.ORDERED,
    RequestStatus.HANDLING,
    RequestStatus.TRANSFERRED,
}
# A staff decision on a matter (its 处理方式).
HANDLING_STATES = {
    RequestStatus.ORDERED,
    RequestStatus.HANDLING,
    RequestStatus.TRANSFERRED,
    RequestStatus.MERGED,
    RequestStatus.DECLINED,
}
COLUMNS = (
    "number",
    "filed",
    "channel",
    "community",
    "grid",
    "building",
    "room",
    "contact",
    "phone",
    "category",
    "urgent",
    "text",
    "status",
    "first-response",
    "handling",
    "order",
    "members",
    "deadline",
    "result-time",
    "result",
    "rating",
    "comment",
    "overdue",
    "urges",
    "history",
)
WIDTHS = (
    8,
    16,
    8,
    12,
    12,
    10,
    8,
    10,
    14,
    14,
    6,
    40,
    10,
    16,
    10,
    10,
    14,
    16,
    16,
    30,
    10,
    20,
    6,
    8,
    60,
)


class Texts(Protocol):
    """A translator: text for a key in a language."""

    def get(self, lang: str, key: str, /, **args: Any) -> str:
        """The text."""
        ...


@dataclass(frozen=True)
class ExportResult:
    """What was written."""

    path: Path
    rows: int


def _fmt(moment: datetime | None, zone: tzinfo) -> str:
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M") if moment else ""


async def export_ledger(
    session: AsyncSession,
    *,
    path: Path,
    start: datetime,
    end: datetime,
    community_ids: Sequence[int] | None,
    texts: Texts,
    scope: Any | None = None,
    lang: str,
    zone: tzinfo,
    now: datetime,
) -> ExportResult:
    """Write the ledger of matters filed in [start, end) (the communities given, or all).

    `scope` is the reader's condition from services.stats.scope_condition, when a person asks.
    """
    import xlsxwriter

    def tx(key: str, **args: Any) -> str:
        return texts.get(lang, key, **args)

    # places as the reader reads them: 'Sunshine Community', 'Grid 1', 'Building 3' in English
    places: dict[str, Sequence[Community | Grid | Building]] = {
        "community": (await session.exec(select(Community))).all(),
        "grid": (await session.exec(select(Grid))).all(),
        "building": (await session.exec(select(Building))).all(),
    }
    names = {
        key: {int(p.id or 0): shown_name(p, lang) for p in of_kind}
        for key, of_kind in places.items()
    }

    def named(name: str) -> str:
        """A person's name in a cell: who deleted their data (/forget) in `lang`'s words."""
        return tx(DATA_DELETED_KEY) if isinstance(name, DeletedName) else name

    members: dict[int, str] = {
        uid: named(member_name(name))
        for uid, name in (
            await session.exec(select(MemberProfile.user_id, MemberProfile.real_name))
        ).all()
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    try:
        sheet = workbook.add_worksheet(tx("order-xlsx-sheet"))
        head = workbook.add_format(
            {"bold": True, "bg_color": "#DDDDDD", "border": 1, "text_wrap": True}
        )
        wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
        for i, (column, width) in enumerate(zip(COLUMNS, WIDTHS, strict=True)):
            sheet.set_column(i, i, width)
            sheet.write_string(0, i, tx(f"order-xlsx-{column}"), head)
        sheet.freeze_panes(1, 0)
        yes = tx("common-yes")
        # lists in a cell (how it was handled, who took it, skills), as the reader's language
        # lists things: '派单、直接办理' / 'Order issued, Handled directly'
        sep = tx("list-sep") if _has(texts, lang, "list-sep") else "、"
        row_no = 0
        last_id = 0
        cache: dict[str, str] = {}

        def cached(key: str) -> str:
            """Texts repeat on every row: render each key once."""
            if key not in cache:
                cache[key] = tx(key) if _has(texts, lang, key) else key.rsplit("-", 1)[-1]
            return cache[key]

        notes = _NoteReader(
            cached=cached,
            tx=tx,
            lang=lang,
            sep=sep,
            members=members,
            skill=lambda code: (
                cached(f"skill-{code}") if _has(texts, lang, f"skill-{code}") else code
            ),
        )

        while True:
            # Plain rows, not ORM objects: reading 100,000 matters stays fast and small.
            stmt = (
                sa_select(*REQUEST_COLUMNS)
                .where(col(Request.id) > last_id)
                .where(col(Request.created_at) >= start, col(Request.created_at) < end)
                .order_by(col(Request.id))
                .limit(CHUNK)
            )
            if community_ids is not None:
                stmt = stmt.where(col(Request.community_id).in_(list(community_ids)))
            if scope is not None:  # a grid worker's export holds only their grid's matters
                stmt = stmt.where(scope)
            chunk = list((await session.exec(stmt)).all())  # type: ignore[call-overload]
            if not chunk:
                break
            last_id = chunk[-1].id
            ids = [r.id for r in chunk]
            history: dict[int, list[Any]] = {}
            events = sa_select(*EVENT_COLUMNS).where(col(LedgerEvent.request_id).in_(ids))
            for ev in (
                await session.exec(  # type: ignore[call-overload]
                    events.order_by(col(LedgerEvent.at), col(LedgerEvent.id))
                )
            ).all():
                history.setdefault(ev.request_id, []).append(ev)
            # whose claim each claim row is about (接单, 放弃, 完成 …): named in its line
            claim_ids = {
                e.subject_id for evs in history.values() for e in evs if e.subject == "claim"
            }
            if claim_ids:
                for claim_id, member_id in (
                    await session.exec(  # type: ignore[call-overload]
                        sa_select(col(Claim.id), col(Claim.member_id)).where(
                            col(Claim.id).in_(list(claim_ids))
                        )
                    )
                ).all():
                    notes.claimers[claim_id] = member_id
            orders: dict[int, tuple[int, str]] = {}
            for oid, rid in (
                await session.exec(  # type: ignore[call-overload]
                    sa_select(col(Order.id), col(Order.request_id))
                    .where(col(Order.request_id).in_(ids))
                    .order_by(col(Order.id))
                )
            ).all():
                orders[rid] = (oid, f"G{oid:05d}")  # the latest order of the matter
            claimers: dict[int, list[str]] = {}
            if orders:
                for order_id, member_id in (
                    await session.exec(  # type: ignore[call-overload]
                        sa_select(col(Claim.order_id), col(Claim.member_id))
                        .where(col(Claim.order_id).in_([o for o, _ in orders.values()]))
                        .where(col(Claim.status).in_(["active", "done"]))
                    )
                ).all():
                    claimers.setdefault(order_id, []).append(
                        members.get(member_id, str(member_id))
                    )
            ratings: dict[int, tuple[str, str, int]] = {}
            for rid, score, comment, rater in (
                await session.exec(  # type: ignore[call-overload]
                    sa_select(
                        col(Rating.request_id),
                        col(Rating.score),
                        col(Rating.comment),
                        col(Rating.rater_id),
                    )
                    .where(col(Rating.request_id).in_(ids))
                    .order_by(col(Rating.id))
                )
            ).all():
                ratings[rid] = (score, comment, rater)
            # each transfer's unit and note as staff gave them (its ledger note joins the two)
            notes.transfers.clear()
            for rid, unit, said in (
                await session.exec(  # type: ignore[call-overload]
                    sa_select(col(Transfer.request_id), col(Transfer.unit), col(Transfer.note))
                    .where(col(Transfer.request_id).in_(ids))
                    .order_by(col(Transfer.id))
                )
            ).all():
                notes.transfers.setdefault(rid, []).append((unit, said or ""))
            residents: dict[int, tuple[str, str, str, int | None]] = {}
            rids = {r.resident_id for r in chunk if r.resident_id}
            if rids:
                for u in (await session.exec(select(User).where(col(User.id).in_(rids)))).all():
                    residents[u.id] = (
                        u.room or "",
                        u.phone or "",
                        named(u.display_name),
                        u.building_id,
                    )
            for req in chunk:
                row_no += 1
                rid = req.id
                order = orders.get(rid)
                room, phone, name, lives = residents.get(req.resident_id or 0, ("", "", "", None))
                if room and lives is not None and lives != req.building_id:
                    # the matter is at another building than the resident's: their room is
                    # in their own ('1号楼 502' beside 楼栋 5号楼)
                    room = f"{names['building'].get(lives, '')} {room}".strip()
                rating = ratings.get(rid)
                events_of = history.get(rid, [])
                # how the matter was handled: each staff decision that moved it (派单, 直接办理 …),
                # not notes such as 补充信息 or a request merged into this one
                handling = list(
                    dict.fromkeys(
                        e.action
                        for e in events_of
                        if e.subject == "request"
                        and e.from_state != e.to_state
                        and e.to_state in HANDLING_STATES
                        and e.action != "join"  # the resident's own 同一件事, no staff decision
                    )
                )
                urged = sum(e.action == URGE_ACTION for e in events_of)  # 催办次数
                deadline, resolved_at = req.deadline_at, req.resolved_at
                overdue = deadline is not None and (
                    (req.status in OPEN and deadline < now)
                    or (resolved_at is not None and resolved_at > deadline)
                )
                values = [
                    f"{rid:05d}",
                    _fmt(req.created_at, zone),
                    cached(f"order-channel-{req.channel}"),
                    names["community"].get(req.community_id, ""),
                    names["grid"].get(req.grid_id or 0, ""),
                    # a public area of the community: so, with staff's words for where
                    Place((), public=req.public_area).read_in(cached)
                    if req.public_area is not None
                    else names["building"].get(req.building_id or 0, ""),
                    req.room or room,
                    req.contact_name or name,
                    req.contact_phone or phone,
                    category(req.category).name(lang),
                    yes if req.urgent else "",
                    # a voice note alone: the ledger says so in the reader's language
                    written_text(req.text) or cached(voice_placeholder_key(req.text)),
                    cached(f"order-status-{req.status}"),
                    _fmt(req.first_response_at, zone),
                    sep.join(cached(f"order-action-{a}") for a in handling),
                    order[1] if order else "",
                    sep.join(claimers.get(order[0], [])) if order else "",
                    _fmt(deadline, zone),
                    _fmt(resolved_at, zone),
                    _result(req, notes),
                    _rating(rating, resident_id=req.resident_id, notes=notes) if rating else "",
                    rating[1] if rating else "",
                    yes if overdue else "",
                    str(urged)
                    if (urged := sum(e.action == URGE_ACTION for e in events_of))
                    else "",
                    "\n".join(_event_line(e, notes=notes, zone=zone) for e in events_of),
                ]
                for i, value in enumerate(values):
                    if value:  # empty cells are not written at all (a third of them)
                        sheet.write_string(row_no, i, value[:32000], wrap)
        member_rows = await member_service_rows(
            session, start=start, end=end, community_ids=community_ids, scope=scope
        )
        members_sheet = workbook.add_worksheet(tx("order-xlsx-m-sheet"))
        for i, (column, width) in enumerate(zip(MEMBER_COLUMNS, MEMBER_WIDTHS, strict=True)):
            members_sheet.set_column(i, i, width)
            members_sheet.write_string(0, i, tx(f"order-xlsx-m-{column}"), head)
        members_sheet.freeze_panes(1, 0)
        for n, m in enumerate(member_rows, start=1):
            members_sheet.write_string(n, 0, named(m.name))
            members_sheet.write_string(n, 1, m.work_unit)
            members_sheet.write_string(n, 2, names["community"].get(m.community_id, ""))
            skills = [
                tx(f"skill-{code}") if _has(texts, lang, f"skill-{code}") else code
                for code in m.skills.split(",")
                if code
            ]
            members_sheet.write_string(n, 3, sep.join(skills))
            for i, value in enumerate(
                (m.claimed, m.done, m.released, round(m.minutes / 60, 1), m.points, m.rated),
                start=4,
            ):
                members_sheet.write_number(n, i, value)
            if m.rated:
                members_sheet.write_string(n, 10, f"{m.satisfied / m.rated:.0%}")
    finally:
        workbook.close()
    return ExportResult(path=path, rows=row_no)


MEMBER_COLUMNS = (
    "name",
    "unit",
    "community",
    "skills",
    "claimed",
    "done",
    "released",
    "hours",
    "points",
    "rated",
    "satisfied",
)
MEMBER_WIDTHS = (10, 20, 12, 24, 8, 8, 8, 10, 8, 8, 10)


@dataclass
class MemberRow:
    """One member's service in a period, for their work unit (双报到 feedback) and 动态考核."""

    user_id: int
    name: str
    work_unit: str
    community_id: int
    skills: str
    claimed: int = 0  # orders claimed in the period
    done: int = 0  # orders completed (points credited) in the period
    released: int = 0  # claims given back in the period
    minutes: int = 0  # service time credited
    points: int = 0
    rated: int = 0  # completed orders whose matter was rated
    satisfied: int = 0  # … 满意 or 基本满意


async def member_service_rows(
    session: AsyncSession,
    *,
    start: datetime,
    end: datetime,
    community_ids: Sequence[int] | None,
    scope: Any | None = None,
) -> list[MemberRow]:
    """Each member's service in [start, end): claims, completions, releases, hours, points and
    how the residents rated what they completed. Without `scope`, every approved member of the
    communities is listed (service or not: the sheet a community sends each work unit); with a
    grid worker's scope, only service on their grid's matters, and those who gave it."""
    in_scope: Any = None  # orders whose matter the reader may see
    if scope is not None:
        in_scope = col(Order.id).in_(
            select(Order.id).join(Request, col(Request.id) == col(Order.request_id)).where(scope)
        )
    rows: dict[int, MemberRow] = {}

    async def row(member_id: int) -> MemberRow | None:
        if member_id not in rows:
            profile = await session.get(MemberProfile, member_id)
            if profile is None:
                return None
            rows[member_id] = MemberRow(
                user_id=member_id,
                name=profile.display_name,
                work_unit=profile.work_unit,
                community_id=profile.community_id,
                skills=profile.skills,
            )
        return rows[member_id]

    if scope is None:
        everyone = select(MemberProfile.user_id).where(
            col(MemberProfile.status) == MemberStatus.APPROVED
        )
        if community_ids is not None:
            everyone = everyone.where(col(MemberProfile.community_id).in_(list(community_ids)))
        for member_id in (await session.exec(everyone.order_by(col(MemberProfile.user_id)))).all():
            await row(member_id)

    def orders_where(stmt: Any) -> Any:
        if community_ids is not None:
            stmt = stmt.where(col(Order.community_id).in_(list(community_ids)))
        return stmt.where(in_scope) if in_scope is not None else stmt

    claims = orders_where(
        select(Claim.member_id, Claim.status, Claim.claimed_at, Claim.ended_at)
        .join(Order, col(Order.id) == col(Claim.order_id))
        .where(
            or_(
                and_(col(Claim.claimed_at) >= start, col(Claim.claimed_at) < end),
                and_(col(Claim.ended_at) >= start, col(Claim.ended_at) < end),
            )
        )
    )
    for member_id, status, claimed_at, ended_at in (await session.exec(claims)).all():
        r = await row(member_id)
        if r is None:
            continue
        if start <= claimed_at < end:
            r.claimed += 1
        if status == ClaimStatus.RELEASED and ended_at is not None and start <= ended_at < end:
            r.released += 1
    in_period = (col(PointsEntry.at) >= start, col(PointsEntry.at) < end)
    points = orders_where(
        select(PointsEntry.member_id, PointsEntry.points, PointsEntry.minutes)
        .join(Order, col(Order.id) == col(PointsEntry.order_id))
        .where(*in_period)
    )
    for member_id, pts, minutes in (await session.exec(points)).all():
        r = await row(member_id)
        if r is None:
            continue
        r.done += 1
        r.points += pts
        r.minutes += minutes
    # the latest rating of each matter they completed (joined, not a list of ids: a year of
    # 100,000 matters would pass PostgreSQL's limit of bound parameters)
    latest = select(func.max(col(Rating.id))).group_by(col(Rating.request_id))
    rated = orders_where(
        select(PointsEntry.member_id, Rating.score)
        .join(Order, col(Order.id) == col(PointsEntry.order_id))
        .join(Rating, col(Rating.request_id) == col(Order.request_id))
        .where(*in_period, col(Rating.id).in_(latest))
    )
    for member_id, score in (await session.exec(rated)).all():
        if member_id in rows:
            rows[member_id].rated += 1
            rows[member_id].satisfied += score in (Score.SATISFIED, Score.BASIC)
    return sorted(rows.values(), key=lambda m: (-m.points, -m.done, m.name))


# The state names of each machine, by the ledger row's subject.
STATE_KEYS = {"request": "order-status-", "order": "order-ostatus-", "claim": "order-cstatus-"}
# key=value words the services write into ledger notes, and the ledger's words for them.
NOTE_WORDS = {"need": "order-xlsx-note-need", "points": "order-xlsx-note-points"}
# The ledger rows whose note the services compose of such words (services.requests filing:
# "channel=bot urgent"; services.orders.issue_order: "G00001 need=2 points=10"). Every other
# note is someone's words (a reason, a member's 告诉社区, a report), shown exactly as written
# even when it reads like "points=5".
STRUCTURED_NOTES = frozenset({"file", "order_open"})


def _state(subject: str, state: str | None, cached: Any) -> str:
    return cached(STATE_KEYS.get(subject, "order-status-") + state) if state else ""


def _marks(lang: str) -> tuple[str, str, str]:
    """The brackets and the colon of a history line as the reader's language writes them:
    full-width in Chinese ('（待受理）', '渠道：'), plain in English ('(waiting)', 'Channel: ')."""
    if lang.startswith("zh"):
        return "（", "）", "："
    return " (", ")", ": "


def _category_note(note: str, lang: str) -> str:
    """A category change's note ('plumbing → electrical') in category names, the reader's."""
    before, arrow, after = note.partition(" → ")
    if not arrow or not is_category(before) or not is_category(after):
        return note
    return f"{category(before).name(lang)} → {category(after).name(lang)}"


def _note(note: str, cached: Any, lang: str = "zh-Hans") -> str:
    """A ledger note in the ledger's words: 渠道：机器人 · 紧急, 需要人数 2 · 积分 10."""
    words = note.split(" ")
    if not any(w.partition("=")[0] in {"channel", *NOTE_WORDS} and "=" in w for w in words):
        return note  # free text (a reason, an answer) stays exactly as written
    parts = []
    for word in words:
        key, sep, value = word.partition("=")
        if sep and key == "channel":
            colon = _marks(lang)[2]
            parts.append(
                f"{cached('order-xlsx-channel')}{colon}{cached('order-channel-' + value)}"
            )
        elif sep and key in NOTE_WORDS:
            parts.append(f"{cached(NOTE_WORDS[key])} {value}")
        elif word == "urgent":
            parts.append(cached("order-xlsx-urgent"))
        elif word:
            parts.append(word)
    return " · ".join(parts)


@dataclass
class _NoteReader:
    """What a history line's note needs to read as a community office reads it, in the
    export's language: its texts, the members' names by id and whose claim a claim row is."""

    cached: Any  # a text key → its text (rendered once)
    tx: Any  # a text key with arguments → its text
    lang: str
    sep: str  # how the language lists things ('、' / ', ')
    members: dict[int, str]  # member id → name (or the label of one who deleted their data)
    skill: Any  # a skill code → its name
    claimers: dict[int, int] = field(default_factory=dict)  # claim id → member id
    # request id → its transfers' (unit, note), oldest first
    transfers: dict[int, list[tuple[str, str]]] = field(default_factory=dict)

    def member(self, member_id: int | None) -> str:
        """A member's name: '-' for an id with no member profile left."""
        return self.members.get(member_id, "-") if member_id is not None else "-"


# The notes services.orders and services.requests compose in words of their own (kept so in
# the database, old rows too), and how they read in the ledger.
_CLAIMED = re.compile(r"^(G\d+) (\d+)/(\d+)( by staff)?$")  # claim: "G00001 1/2 [by staff]"
_ASSIGNED = re.compile(r"^(G\d+) by staff$")  # claim after 改派: "G00001 by staff"
_SKILLS = re.compile(r"^(G\d+) skills=(\S*)$")  # offer_all: "G00001 skills=plumbing"
_REASSIGNED = re.compile(r"^(\d+) → (\d+)$")  # reassign: member ids, "300 → 301"
_ROUND = re.compile(r"^round (\d+)$")  # reoffer / escalate: "round 2"
_PHOTOS = re.compile(r"^\+(\d+) photo\(s\)$")  # add_info with photos alone
_INTO = re.compile(r"^→ (\d+)$")  # merge / join: "→ 00012"
_FROM = re.compile(r"^← (\d+)$")  # merged_in / joined: "← 00011"


def _composed_note(e: Any, notes: _NoteReader) -> str | None:
    """A note a service composed, in the ledger's words; None for someone's own words."""
    note, tx = e.note, notes.tx
    if e.action == "claim" and (m := _CLAIMED.match(note) or _ASSIGNED.match(note)):
        parts = [m.group(1)]
        if m.re is _CLAIMED:
            parts.append(tx("order-xlsx-note-claimed", claimed=m.group(2), needed=m.group(3)))
        if m.re is _ASSIGNED or m.group(4):
            parts.append(notes.cached("order-xlsx-note-by-staff"))
        return " · ".join(parts)
    if e.action == "offer_all" and (m := _SKILLS.match(note)):
        codes = [c for c in m.group(2).split(",") if c and c != "-"]
        skills = notes.sep.join(notes.skill(c) for c in codes)
        said = tx("order-xlsx-note-skills", skills=skills) if codes else ""
        return " · ".join(x for x in (m.group(1), said) if x)
    if e.action == "reassign" and (m := _REASSIGNED.match(note)):
        before, after = (notes.member(int(m.group(i))) for i in (1, 2))
        return f"{before} → {after}"
    if e.action in ("reoffer", "escalate") and (m := _ROUND.match(note)):
        return tx("order-xlsx-note-round", round=int(m.group(1)))
    if e.action == "add_info" and (m := _PHOTOS.match(note)):
        return tx("order-kept-photos", count=int(m.group(1)))
    if e.action == "add_info" and note == "+voice":
        return notes.cached("order-xlsx-note-voice")
    if e.action == MOVE_ACTION and notes.lang == "en":  # '1号楼 → 5号楼': Building 1 → …
        return " → ".join(building_in_english(side) for side in note.split(" → "))
    if e.action == "transfer":
        return _transfer_note(e, notes)
    if e.action.startswith("rate_") and (note + " ").startswith(PHONE_RATING_NOTE + " "):
        said = note[len(PHONE_RATING_NOTE) :].strip()
        return " · ".join(x for x in (notes.cached("order-xlsx-note-by-phone"), said) if x)
    if e.action == PRAISE_ACTION:  # '刘师傅: 修得很好' with the language's colon
        name, colon, words = note.partition(": ")
        return f"{name}{_marks(notes.lang)[2]}{words}" if colon else None
    return None


def _transfer_note(e: Any, notes: _NoteReader) -> str:
    """A transfer's note ('区水务公司: 请派人疏通', as services.orders.transfer joins them) as
    '转给：区水务公司 · 说明：请派人疏通': split by the transfer's own unit and note, which may
    hold ': ' themselves; an old row with no transfer to match, at its first ': '."""
    unit, said = (
        next(
            (
                (unit, said)
                for unit, said in notes.transfers.get(e.request_id, [])
                if f"{unit}: {said}".strip(": ") == e.note
            ),
            None,
        )
        or e.note.partition(": ")[::2]
    )
    parts = [notes.tx("order-xlsx-note-transfer", unit=unit)]
    if said:
        parts.append(notes.tx("order-xlsx-note-transfer-note", note=said))
    return " · ".join(parts)


def _rating(rating: tuple[str, str, int], *, resident_id: int | None, notes: _NoteReader) -> str:
    """The rating cell: its score, and '（电话回访）' when staff recorded it from a call (the
    rater is not the resident)."""
    score = notes.cached(f"order-score-{rating[0]}")
    if rating[2] == resident_id:
        return score
    by_phone = notes.tx("order-card-rating-by-phone", staff="none")
    return f"{score}{'' if notes.lang.startswith('zh') else ' '}{by_phone}"


def _result(req: Any, notes: _NoteReader) -> str:
    """The 办理结果 cell: staff's result; for a matter declined, why (the reason the resident
    was given), as the status column alone does not say it."""
    if req.result_note:
        return str(req.result_note)
    if req.status == RequestStatus.DECLINED and req.decline_reason:
        return notes.tx("order-xlsx-declined", reason=req.decline_reason)
    return ""


def _merge_phrase(e: Any, notes: _NoteReader) -> str | None:
    """A merge's line in words of its own, the action and the other matter's number together:
    '并入 00005' on the matter merged, '00003 并入本诉求' on the one it went into (before,
    '合并 并入 00005' and '并入 来自 00003'); None for any other line."""
    if e.action in ("merge", "join") and (m := _INTO.match(e.note or "")):
        return notes.tx(f"order-history-{e.action}", number=m.group(1))
    if e.action in ("merged_in", "joined") and (m := _FROM.match(e.note or "")):
        return notes.tx(f"order-history-{e.action}", number=m.group(1))
    return None


def _event_line(e: Any, *, notes: _NoteReader, zone: tzinfo) -> str:
    """One line of a matter's history: time, action, from → to (state names), note; a claim's
    line names its member ('接单 … 刘师傅 · G00001 · 已接 1/2 人')."""
    cached, lang = notes.cached, notes.lang
    old, new = _state(e.subject, e.from_state, cached), _state(e.subject, e.to_state, cached)
    opening, closing, colon = _marks(lang)
    moved = ""
    if e.from_state != e.to_state:
        moved = f"{opening}{old}→{new}{closing}" if old else f"{opening}{new}{closing}"
    if (phrase := _merge_phrase(e, notes)) is not None:
        return f"{_fmt(e.at, zone)} {phrase}{moved}"
    note = ""
    if e.note and e.action in STRUCTURED_NOTES:
        note = _note(e.note, cached, lang)
    elif e.note and e.action == "category":
        note = _category_note(e.note, lang)
    elif e.note:
        composed = _composed_note(e, notes)
        note = e.note if composed is None else composed
    if e.action == URGE_ACTION and e.note in URGE_REASONS:  # why it could be urged
        note = cached("urge-reason-" + e.note)
    if e.subject == "claim" and e.action != "reassign" and e.subject_id in notes.claimers:
        who = notes.member(notes.claimers[e.subject_id])
        if e.action == "claim":
            note = f"{who} · {note}" if note else who
        else:  # a reason (放弃), or nothing (完成)
            note = f"{who}{colon}{note}" if note else who
    return f"{_fmt(e.at, zone)} {cached('order-action-' + e.action)}{moved}" + (
        f" {note}" if note else ""
    )


def _has(texts: Texts, lang: str, key: str) -> bool:
    has = getattr(texts, "has", None)
    return bool(has(key)) if has is not None else True
