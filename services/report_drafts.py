"""完成上报 left halfway: the note and photos a member gave of an order's report so far.

Kept as they are written, by member and order (models.orders.ReportDraft): ✖️ 取消, a menu
button or another form leave them, and 完成上报 on that order again goes on with them. In the
database, so that they outlive a restart: without Redis the conversations live in memory
(bot.app.make_storage), and before, a draft went with them. Reporting the order, or
🗑 重新写, drops it; at most `KEPT` are kept per member (the latest), none longer than the
caller's `max_age` (as a conversation in Redis lapses), and /forget drops them all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.orders import ReportDraft

KEPT = 5  # orders whose report a member left half written are kept, the latest


@dataclass(frozen=True)
class Draft:
    """What was written of a report: the note, and the photos' file ids."""

    note: str = ""
    photos: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.note.strip() or self.photos)


async def draft_of(
    session: AsyncSession, *, member_id: int, order_id: int, now: datetime, max_age: timedelta
) -> Draft:
    """What the member wrote of the order's report before leaving it (empty: nothing, or
    left longer ago than `max_age`)."""
    row = (
        await session.exec(
            select(ReportDraft).where(
                col(ReportDraft.member_id) == member_id, col(ReportDraft.order_id) == order_id
            )
        )
    ).first()
    if row is None or row.at < now - max_age:
        return Draft()
    return Draft(note=row.note, photos=[p for p in row.photos.splitlines() if p])


async def keep_draft(
    session: AsyncSession,
    *,
    member_id: int,
    order_id: int,
    note: str,
    photos: list[str],
    now: datetime,
) -> None:
    """The report as written so far (nothing: it goes), in place of what was kept before;
    the member's oldest past `KEPT` go. Commits."""
    await session.exec(  # type: ignore[call-overload]
        delete(ReportDraft).where(
            col(ReportDraft.member_id) == member_id, col(ReportDraft.order_id) == order_id
        )
    )
    if note.strip() or photos:
        session.add(
            ReportDraft(
                member_id=member_id,
                order_id=order_id,
                note=note,
                photos="\n".join(photos),
                at=now,
            )
        )
        await session.flush()
        older = (
            await session.exec(
                select(ReportDraft.id)
                .where(col(ReportDraft.member_id) == member_id)
                .order_by(col(ReportDraft.at).desc(), col(ReportDraft.id).desc())
                .offset(KEPT)
            )
        ).all()
        if older:
            await session.exec(  # type: ignore[call-overload]
                delete(ReportDraft).where(col(ReportDraft.id).in_(list(older)))
            )
    await session.commit()


async def has_draft(session: AsyncSession, *, member_id: int, order_id: int) -> bool:
    """Whether a report of the order is kept for the member (of any age)."""
    stmt = select(ReportDraft.id).where(
        col(ReportDraft.member_id) == member_id, col(ReportDraft.order_id) == order_id
    )
    return (await session.exec(stmt)).first() is not None


async def forget_drafts(session: AsyncSession, *, member_id: int) -> None:
    """Every report the member left half written goes (/forget); the caller commits."""
    await session.exec(  # type: ignore[call-overload]
        delete(ReportDraft).where(col(ReportDraft.member_id) == member_id)
    )
