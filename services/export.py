"""The XLSX ledger (台账): one row per matter with its whole history, streamed to disk.

xlsxwriter's constant_memory mode writes each row as it comes, and the matters are read in
chunks by id, so 100,000 matters need little memory.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any, Protocol

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import Building, Community, Grid, MemberProfile, User
from models.orders import Claim, LedgerEvent, Order, Rating, Request, RequestStatus
from services.order_common import category

CHUNK = 2000
OPEN = {
    RequestStatus.NEW,
    RequestStatus.REOPENED,
    RequestStatus.ORDERED,
    RequestStatus.HANDLING,
    RequestStatus.TRANSFERRED,
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
    lang: str,
    zone: tzinfo,
    now: datetime,
) -> ExportResult:
    """Write the ledger of matters filed in [start, end) (the communities given, or all)."""
    import xlsxwriter

    def tx(key: str, **args: Any) -> str:
        return texts.get(lang, key, **args)

    names: dict[str, dict[int, str]] = {"community": {}, "grid": {}, "building": {}}
    for model, key in ((Community, "community"), (Grid, "grid"), (Building, "building")):
        for row in (await session.exec(select(model.id, model.name))).all():  # type: ignore[attr-defined]
            names[key][int(row[0] or 0)] = row[1]
    members: dict[int, str] = {
        uid: name
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
        row_no = 0
        last_id = 0
        while True:
            stmt = (
                select(Request)
                .where(col(Request.id) > last_id)
                .where(col(Request.created_at) >= start, col(Request.created_at) < end)
                .order_by(col(Request.id))
                .limit(CHUNK)
            )
            if community_ids is not None:
                stmt = stmt.where(col(Request.community_id).in_(list(community_ids)))
            chunk = list((await session.exec(stmt)).all())
            if not chunk:
                break
            last_id = chunk[-1].id or 0
            ids = [r.id for r in chunk]
            history: dict[int, list[LedgerEvent]] = {}
            for ev in (
                await session.exec(
                    select(LedgerEvent)
                    .where(col(LedgerEvent.request_id).in_(ids))
                    .order_by(col(LedgerEvent.at), col(LedgerEvent.id))
                )
            ).all():
                history.setdefault(ev.request_id, []).append(ev)
            orders: dict[int, Order] = {}
            for issued in (
                await session.exec(
                    select(Order).where(col(Order.request_id).in_(ids)).order_by(col(Order.id))
                )
            ).all():
                orders[issued.request_id] = issued  # the latest order of the matter
            claimers: dict[int, list[str]] = {}
            if orders:
                order_ids = [o.id for o in orders.values()]
                for claim in (
                    await session.exec(
                        select(Claim)
                        .where(col(Claim.order_id).in_(order_ids))
                        .where(col(Claim.status).in_(["active", "done"]))
                    )
                ).all():
                    claimers.setdefault(claim.order_id, []).append(
                        members.get(claim.member_id, str(claim.member_id))
                    )
            ratings: dict[int, Rating] = {}
            for rated in (
                await session.exec(
                    select(Rating).where(col(Rating.request_id).in_(ids)).order_by(col(Rating.id))
                )
            ).all():
                ratings[rated.request_id] = rated
            residents: dict[int, User] = {}
            rids = {r.resident_id for r in chunk if r.resident_id}
            if rids:
                for u in (await session.exec(select(User).where(col(User.id).in_(rids)))).all():
                    residents[u.id] = u
            for req in chunk:
                row_no += 1
                order = orders.get(req.id or 0)
                resident = residents.get(req.resident_id or 0)
                rating = ratings.get(req.id or 0)
                events = history.get(req.id or 0, [])
                handling = next(
                    (
                        e.action
                        for e in events
                        if e.subject == "request" and e.from_state in ("new", "reopened")
                    ),
                    "",
                )
                lines = [_event_line(e, tx=tx, texts=texts, lang=lang, zone=zone) for e in events]
                overdue = req.deadline_at is not None and (
                    (req.status in OPEN and req.deadline_at < now)
                    or (req.resolved_at is not None and req.resolved_at > req.deadline_at)
                )
                values = [
                    req.number,
                    _fmt(req.created_at, zone),
                    tx(f"order-channel-{req.channel}"),
                    names["community"].get(req.community_id, ""),
                    names["grid"].get(req.grid_id or 0, ""),
                    names["building"].get(req.building_id or 0, ""),
                    req.room or (resident.room if resident else "") or "",
                    req.contact_name or (resident.display_name if resident else ""),
                    req.contact_phone or (resident.phone if resident else "") or "",
                    category(req.category).name(lang),
                    tx("common-yes") if req.urgent else "",
                    req.text,
                    tx(f"order-status-{req.status}"),
                    _fmt(req.first_response_at, zone),
                    tx(f"order-action-{handling}") if handling else "",
                    order.number if order else "",
                    "、".join(claimers.get(order.id or 0, [])) if order else "",
                    _fmt(req.deadline_at, zone),
                    _fmt(req.resolved_at, zone),
                    req.result_note or "",
                    tx(f"order-score-{rating.score}") if rating else "",
                    rating.comment if rating else "",
                    tx("common-yes") if overdue else "",
                    "\n".join(lines),
                ]
                for i, value in enumerate(values):
                    sheet.write_string(row_no, i, str(value)[:32000], wrap)
    finally:
        workbook.close()
    return ExportResult(path=path, rows=row_no)


def _event_line(e: LedgerEvent, *, tx: Any, texts: Texts, lang: str, zone: tzinfo) -> str:
    """One line of a matter's history: time, action, from → to, note."""
    key = "order-action-" + e.action
    action = tx(key) if _has(texts, lang, key) else e.action
    moved = f"（{e.from_state}→{e.to_state}）" if e.from_state != e.to_state else ""
    note = f" {e.note}" if e.note else ""
    return f"{_fmt(e.at, zone)} {action}{moved}{note}"


def _has(texts: Texts, lang: str, key: str) -> bool:
    has = getattr(texts, "has", None)
    return bool(has(key)) if has is not None else True
