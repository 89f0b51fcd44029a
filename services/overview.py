"""What waits for someone when they open the bot: the counts behind the /start greeting.

A resident sees their matters in progress, those waiting for their rating and the polls they may
still vote in; a member the open orders that fit them and their own claims (and how many are past
their deadline); staff and admins what waits in their scope: requests to triage (urgent ones
apart), results to verify, matters past their deadline and member applications to review.
Counts only: the lists themselves stay behind their menu buttons.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func
from sqlalchemy.orm import aliased
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import Community, Grid, MemberProfile, MemberStatus, Role, StaffScope, User, shown_name
from models.consultations import Meeting, MeetingStatus, Topic, TopicStatus
from models.orders import Claim, ClaimStatus, Order, OrderStatus, Request, RequestStatus
from services import orders as order_service
from services import polls as poll_service
from services.errors import PermissionDenied
from services.stats import STILL_OPEN, scope_condition


@dataclass(frozen=True)
class ResidentOverview:
    """A resident's own matters and the polls waiting for their vote."""

    in_progress: int = 0
    to_rate: int = 0
    polls_to_vote: int = 0


@dataclass(frozen=True)
class MemberOverview:
    """Open orders that fit the member, and the member's own claims."""

    offers: int = 0
    claims: int = 0
    claims_overdue: int = 0


@dataclass(frozen=True)
class StaffOverview:
    """What waits in the communities (and grids) a staff account acts in."""

    communities: tuple[str, ...] = ()
    everywhere: bool = False  # an admin: the whole sub-district
    waiting: int = 0
    waiting_urgent: int = 0
    to_verify: int = 0
    overdue: int = 0
    applications: int = 0
    topics_waiting: int = 0  # residents' topics not yet put on an agenda or answered
    minutes_due: int = 0  # meetings over whose minutes were not sent


async def resident_overview(
    session: AsyncSession, *, user: User, now: datetime
) -> ResidentOverview:
    """The resident's matters in progress (also those they follow through another matter they
    were folded into), those waiting for a rating, and open polls not yet voted in (by them
    or, one vote per household, by their household)."""
    rows = await session.exec(
        select(Request.status, func.count())
        .where(col(Request.resident_id) == user.id)
        .where(col(Request.status).in_([*STILL_OPEN, RequestStatus.DONE]))
        .group_by(col(Request.status))
    )
    by_status = {status: int(n) for status, n in rows.all()}
    # folded into another matter (merged by staff, or joined as 同一件事): they follow that one
    target = aliased(Request)
    followed = await session.exec(
        select(func.count())
        .select_from(Request)
        .join(target, col(target.id) == col(Request.merged_into_id))
        .where(col(Request.resident_id) == user.id)
        .where(col(Request.status) == RequestStatus.MERGED)
        .where(col(target.status).in_(list(STILL_OPEN)))
    )
    polls = await poll_service.open_polls_for(session, user=user, now=now)
    voted = await poll_service.voted_in(session, polls=polls, user=user)
    return ResidentOverview(
        in_progress=sum(n for s, n in by_status.items() if s in STILL_OPEN) + int(followed.one()),
        to_rate=by_status.get(RequestStatus.DONE, 0),
        polls_to_vote=sum(1 for p in polls if p.id not in voted),
    )


async def member_overview(
    session: AsyncSession, *, user: User, roles: Collection[Role], now: datetime
) -> MemberOverview | None:
    """Offers and own claims of an approved member; None for anyone else."""
    profile = await session.get(MemberProfile, user.id)
    if Role.MEMBER not in roles or profile is None or profile.status != MemberStatus.APPROVED:
        return None
    offers = await order_service.open_orders_for(session, user=user, roles=roles, per_page=1)
    rows = await session.exec(
        select(Order.deadline_at)
        .join(Claim, col(Claim.order_id) == col(Order.id))
        .where(col(Claim.member_id) == user.id)
        .where(col(Claim.status) == ClaimStatus.ACTIVE)
        .where(col(Order.status).in_([OrderStatus.OPEN, OrderStatus.CLAIMED]))
    )
    deadlines = list(rows.all())
    return MemberOverview(
        offers=offers.total,
        claims=len(deadlines),
        claims_overdue=sum(1 for d in deadlines if d is not None and d < now),
    )


async def staff_overview(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    now: datetime,
    community_id: int | None = None,
    lang: str = "",
) -> StaffOverview | None:
    """What waits in the staff account's scope (as the ledger reads it: a grid worker's grid,
    a community's staff the whole community, an admin everything); None for someone who is not
    staff, or staff of no community any more."""
    if Role.ADMIN not in roles and Role.STAFF not in roles:
        return None
    try:
        scope = await scope_condition(session, user=user, roles=roles)
    except PermissionDenied:
        return None
    where: list[Any] = [] if scope is None else [scope]
    if community_id is not None:  # one community's part of the scope (its weekly digest)
        where.append(col(Request.community_id) == community_id)
    if scope is None:
        everyone = (await session.exec(select(Community))).all()
        places: list[tuple[str, ...]] = [(shown_name(c, lang),) for c in everyone]
    else:  # "阳光社区", or "阳光社区 · 第一网格" for a grid worker (as a `lang` reader names them)
        rows = await session.exec(
            select(Community, Grid)
            .select_from(StaffScope)
            .join(Community, col(Community.id) == col(StaffScope.community_id))
            .outerjoin(Grid, col(Grid.id) == col(StaffScope.grid_id))
            .where(col(StaffScope.user_id) == user.id)
            .order_by(col(StaffScope.community_id), col(StaffScope.grid_id))
        )
        places = [tuple(shown_name(p, lang) for p in row if p) for row in rows.all()]
    waiting_rows = await session.exec(
        select(Request.urgent, func.count())
        .where(col(Request.status).in_(list(order_service.WAITING)), *where)
        .group_by(col(Request.urgent))
    )
    waiting = {bool(urgent): int(n) for urgent, n in waiting_rows.all()}
    overdue = await session.exec(
        select(func.count())
        .select_from(Request)
        .where(col(Request.status).in_(list(STILL_OPEN)), col(Request.deadline_at) < now, *where)
    )
    to_verify = await session.exec(
        select(func.count())
        .select_from(Order)
        .join(Request, col(Request.id) == col(Order.request_id))
        .where(col(Order.status) == OrderStatus.DONE, *where)
    )
    applications = select(func.count()).where(col(MemberProfile.status) == MemberStatus.PENDING)
    if scope is not None:
        applications = applications.where(
            col(MemberProfile.community_id).in_(
                select(StaffScope.community_id).where(col(StaffScope.user_id) == user.id)
            )
        )
    if community_id is not None:
        applications = applications.where(col(MemberProfile.community_id) == community_id)
    # consultations are the community's: every staff account of it (a grid worker too) acts on
    # its topics and minutes
    communities: Any = (
        select(StaffScope.community_id).where(col(StaffScope.user_id) == user.id)
        if scope is not None
        else None
    )
    topics = select(func.count()).select_from(Topic).where(col(Topic.status) == TopicStatus.OPEN)
    started = select(Meeting.starts_at, Meeting.duration_minutes).where(
        col(Meeting.status) == MeetingStatus.PUBLISHED, col(Meeting.starts_at) < now
    )
    if communities is not None:
        topics = topics.where(col(Topic.community_id).in_(communities))
        started = started.where(col(Meeting.community_id).in_(communities))
    if community_id is not None:
        topics = topics.where(col(Topic.community_id) == community_id)
        started = started.where(col(Meeting.community_id) == community_id)
    minutes_due = sum(
        1
        for starts, minutes in (await session.exec(started)).all()
        if starts + timedelta(minutes=minutes) <= now
    )
    return StaffOverview(
        communities=tuple(" · ".join(p) for p in places),
        everywhere=scope is None,
        waiting=sum(waiting.values()),
        waiting_urgent=waiting.get(True, 0),
        to_verify=int(to_verify.one()),
        overdue=int(overdue.one()),
        applications=int((await session.exec(applications.select_from(MemberProfile))).one()),
        topics_waiting=int((await session.exec(topics)).one()),
        minutes_due=minutes_due,
    )
