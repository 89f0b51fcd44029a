"""台账统计 and the three rates, for a period, by community, grid, category and member.

Definitions (the matters counted are the requests filed in the period [start, end)):
- 响应率 response rate = requests that got a first staff response (ordered, handled, transferred,
  merged or declined) within RESPONSE_LIMIT (24 hours) of filing ÷ requests filed, leaving out
  those the resident withdrew before any response.
- 解决率 resolution rate = requests with a delivered result (an order verified, a staff result,
  or an outside unit's answer) that stand done, resolved or closed ÷ requests accepted (every
  request except those declined, merged, withdrawn, or still new).
- 满意率 satisfaction rate = requests whose latest rating is 满意 or 基本满意 ÷ requests rated
  (unrated ones are left out; they are shown as their own count).
Median times are in hours: filing → first response, filing → result. Overdue = still open
(not done, resolved, closed, declined, merged or withdrawn) with its deadline passed at `now`.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func
from sqlalchemy import select as sa_select
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import MemberProfile, Role, StaffScope, User
from models.orders import PointsEntry, Rating, Request, RequestStatus, Score
from services.errors import PermissionDenied

RESPONSE_LIMIT = timedelta(hours=24)
R = RequestStatus
NOT_ACCEPTED = {R.DECLINED, R.MERGED, R.WITHDRAWN, R.NEW}
FINISHED = {R.DONE, R.RESOLVED, R.CLOSED}
STILL_OPEN = {R.NEW, R.REOPENED, R.ORDERED, R.HANDLING, R.TRANSFERRED}


@dataclass
class Rates:
    """Counts and the three rates of one group of matters."""

    total: int = 0
    responded: int = 0
    response_base: int = 0
    accepted: int = 0
    resolved: int = 0
    rated: int = 0
    satisfied: int = 0
    overdue: int = 0
    response_hours: list[float] = field(default_factory=list)
    resolve_hours: list[float] = field(default_factory=list)

    @property
    def response_rate(self) -> float | None:
        """响应率, or None when nothing counts."""
        return self.responded / self.response_base if self.response_base else None

    @property
    def resolution_rate(self) -> float | None:
        """解决率, or None when nothing was accepted."""
        return self.resolved / self.accepted if self.accepted else None

    @property
    def satisfaction_rate(self) -> float | None:
        """满意率, or None when nothing was rated."""
        return self.satisfied / self.rated if self.rated else None

    @property
    def median_response_hours(self) -> float | None:
        """Median hours from filing to first response."""
        return round(statistics.median(self.response_hours), 1) if self.response_hours else None

    @property
    def median_resolve_hours(self) -> float | None:
        """Median hours from filing to result."""
        return round(statistics.median(self.resolve_hours), 1) if self.resolve_hours else None


@dataclass
class Stats:
    """The ledger's figures for a period."""

    start: datetime
    end: datetime
    overall: Rates
    by_status: dict[str, int]
    by_community: dict[int, Rates]
    by_grid: dict[int | None, Rates]
    by_category: dict[str, Rates]
    by_member: list[tuple[int, str, int, int]]  # (user id, name, orders done, points)
    per_day: list[tuple[str, int, int]]  # (YYYY-MM-DD, filed, resolved)


async def scope_communities(
    session: AsyncSession, *, user: User, roles: Collection[Role]
) -> list[int] | None:
    """Communities a user may read the ledger of (None means all, for admins)."""
    if Role.ADMIN in roles:
        return None
    if Role.STAFF not in roles:
        raise PermissionDenied("err-not-allowed")
    rows = await session.exec(
        select(StaffScope.community_id).where(col(StaffScope.user_id) == user.id)
    )
    ids = sorted(set(rows.all()))
    if not ids:
        raise PermissionDenied("err-not-allowed")
    return ids


def _add(rates: Rates, row: tuple, score: str | None, now: datetime) -> None:
    status, created, first, resolved_at, deadline = row[3], row[4], row[5], row[6], row[7]
    rates.total += 1
    if not (status == R.WITHDRAWN and first is None):
        rates.response_base += 1
        if first is not None and first - created <= RESPONSE_LIMIT:
            rates.responded += 1
    if first is not None:
        rates.response_hours.append((first - created).total_seconds() / 3600)
    if status not in NOT_ACCEPTED:
        rates.accepted += 1
        if status in FINISHED and resolved_at is not None:
            rates.resolved += 1
            rates.resolve_hours.append((resolved_at - created).total_seconds() / 3600)
    if score is not None:
        rates.rated += 1
        if score in (Score.SATISFIED, Score.BASIC):
            rates.satisfied += 1
    if status in STILL_OPEN and deadline is not None and deadline < now:
        rates.overdue += 1


async def ledger_stats(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    start: datetime,
    end: datetime,
    now: datetime,
    community_id: int | None = None,
    zone: object = None,
) -> Stats:
    """Counts, the three rates and median times for requests filed in [start, end)."""
    allowed = await scope_communities(session, user=user, roles=roles)
    if community_id is not None:
        if allowed is not None and community_id not in allowed:
            raise PermissionDenied("err-not-allowed")
        allowed = [community_id]
    columns: list[Any] = [
        Request.id,
        Request.community_id,
        Request.grid_id,
        Request.status,
        Request.created_at,
        Request.first_response_at,
        Request.resolved_at,
        Request.deadline_at,
        Request.category,
    ]
    stmt = sa_select(*columns).where(
        col(Request.created_at) >= start, col(Request.created_at) < end
    )
    rating_stmt = (
        select(Rating.request_id, Rating.score)
        .join(Request, col(Request.id) == col(Rating.request_id))
        .where(col(Request.created_at) >= start, col(Request.created_at) < end)
        .order_by(col(Rating.id))
    )
    if allowed is not None:
        stmt = stmt.where(col(Request.community_id).in_(allowed))
        rating_stmt = rating_stmt.where(col(Request.community_id).in_(allowed))
    scores: dict[int, str] = {rid: score for rid, score in (await session.exec(rating_stmt)).all()}
    overall = Rates()
    by_status: Counter[str] = Counter()
    by_community: dict[int, Rates] = defaultdict(Rates)
    by_grid: dict[int | None, Rates] = defaultdict(Rates)
    by_category: dict[str, Rates] = defaultdict(Rates)
    filed_day: Counter[str] = Counter()
    resolved_day: Counter[str] = Counter()
    tz = zone if zone is not None else start.tzinfo
    for row in (await session.exec(stmt)).all():  # type: ignore[call-overload]
        score = scores.get(row[0])
        for rates in (overall, by_community[row[1]], by_grid[row[2]], by_category[row[8]]):
            _add(rates, row, score, now)
        by_status[row[3]] += 1
        filed_day[row[4].astimezone(tz).strftime("%Y-%m-%d")] += 1  # type: ignore[arg-type]
        if row[6] is not None and row[3] in FINISHED:
            resolved_day[row[6].astimezone(tz).strftime("%Y-%m-%d")] += 1  # type: ignore[arg-type]
    members = await _by_member(session, allowed=allowed, start=start, end=end)
    days = sorted(set(filed_day) | set(resolved_day))
    return Stats(
        start=start,
        end=end,
        overall=overall,
        by_status=dict(by_status),
        by_community=dict(by_community),
        by_grid=dict(by_grid),
        by_category=dict(by_category),
        by_member=members,
        per_day=[(d, filed_day[d], resolved_day[d]) for d in days],
    )


async def _by_member(
    session: AsyncSession, *, allowed: Iterable[int] | None, start: datetime, end: datetime
) -> list[tuple[int, str, int, int]]:
    stmt = (
        select(
            PointsEntry.member_id,
            func.count(col(PointsEntry.id)),
            func.sum(PointsEntry.points),
        )
        .where(col(PointsEntry.at) >= start, col(PointsEntry.at) < end)
        .group_by(col(PointsEntry.member_id))
        .order_by(func.sum(PointsEntry.points).desc())
        .limit(20)
    )
    if allowed is not None:
        stmt = stmt.where(col(PointsEntry.community_id).in_(list(allowed)))
    out = []
    for member_id, count, points in (await session.exec(stmt)).all():
        profile = await session.get(MemberProfile, member_id)
        out.append(
            (member_id, profile.real_name if profile else str(member_id), count, points or 0)
        )
    return out


def chart_png(stats: Stats, *, title: str, filed_label: str, resolved_label: str) -> bytes:
    """A bar chart of requests filed and resolved per day of the period (PNG)."""
    import io

    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager
    from matplotlib import pyplot as plt
    from matplotlib.ticker import MaxNLocator

    from services.poll_chart import cjk_font_path

    font = font_manager.FontProperties(fname=str(cjk_font_path()))
    days = [d[5:] for d, _, _ in stats.per_day] or ["-"]
    filed = [f for _, f, _ in stats.per_day] or [0]
    resolved = [r for _, _, r in stats.per_day] or [0]
    fig, ax = plt.subplots(figsize=(8, 4), dpi=100)
    try:
        xs = list(range(len(days)))
        ax.bar([x - 0.2 for x in xs], filed, width=0.4, label=filed_label, color="#d9534f")
        ax.bar([x + 0.2 for x in xs], resolved, width=0.4, label=resolved_label, color="#5cb85c")
        step = max(1, len(days) // 12)
        ax.set_xticks(xs[::step])
        ax.set_xticklabels(days[::step], fontproperties=font, rotation=0)
        ax.set_title(title, fontproperties=font)
        ax.legend(prop=font)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        fig.tight_layout()
        buf = io.BytesIO()
        fig.savefig(buf, format="png")
        return buf.getvalue()
    finally:
        plt.close(fig)
