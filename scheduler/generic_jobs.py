"""Scheduled work the scheduler owns: the weekly digest to staff and the monthly report to admins.

Both recur by a crontab rule in local time (Monday 09:00; the 1st of the month 09:00). Features
can add lines to the weekly digest with `digest_section`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta, tzinfo
from typing import Any

from sqlalchemy import func
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.org import Community, Grid, shown_name
from models.scheduling import Broadcast, Delivery, DeliveryState
from models.users import MemberProfile, MemberStatus, Role, StaffScope, User
from services.consult_overview import ConsultWeek, consult_week
from services.errors import PermissionDenied
from services.jobs import JobContext, job_kind, pending_jobs, schedule_recurring
from services.overview import staff_overview
from services.stats import Rates, ledger_stats, percent, period_bounds
from services.users import current_admin_ids, effective_roles, staff_of

WEEKLY_DIGEST = "digest.weekly"
MONTHLY_REPORT = "report.monthly"
WEEKLY_RULE = "0 9 * * mon"
MONTHLY_RULE = "0 9 1 * *"

DigestSection = Callable[[JobContext, int, datetime, str], Awaitable[list[str]]]
"""(ctx, community_id, since, lang) → lines of text to add to that community's weekly digest."""

_SECTIONS: list[DigestSection] = []


def digest_section(func_: DigestSection) -> DigestSection:
    """Register a feature's lines for the weekly staff digest (call from its job module)."""
    if func_ not in _SECTIONS:
        _SECTIONS.append(func_)
    return func_


async def ensure_recurring(
    session: AsyncSession,
    *,
    now: datetime,
    zone: tzinfo,
    weekly_rule: str = WEEKLY_RULE,
    monthly_rule: str = MONTHLY_RULE,
) -> None:
    """Make sure the digest and the report have their next run scheduled (late runs are kept)."""
    for kind, rule in ((WEEKLY_DIGEST, weekly_rule), (MONTHLY_REPORT, monthly_rule)):
        pending = await pending_jobs(session, key=kind)
        if pending and pending[0].payload.get("_rule") == rule:
            continue
        await schedule_recurring(
            session, kind=kind, rule=rule, payload={}, key=kind, now=now, zone=zone
        )
    await session.commit()


async def _count(session: AsyncSession, stmt: Any) -> int:
    return int((await session.exec(stmt)).one() or 0)


@job_kind(WEEKLY_DIGEST, too_late=timedelta(days=2))
async def weekly_digest(ctx: JobContext, payload: dict[str, Any]) -> None:
    """Monday morning: each community's staff get last week's numbers."""
    session = ctx.session
    since = ctx.now - timedelta(days=7)
    for community in (await session.exec(select(Community))).all():
        assert community.id is not None
        cid = community.id
        new_residents = await _count(
            session,
            select(func.count())
            .select_from(User)
            .where(User.community_id == cid, col(User.created_at) >= since),
        )
        pending_members = await _count(
            session,
            select(func.count())
            .select_from(MemberProfile)
            .where(
                MemberProfile.community_id == cid,
                MemberProfile.status == MemberStatus.PENDING,
            ),
        )
        notices = await _count(
            session,
            select(func.count())
            .select_from(Broadcast)
            .where(Broadcast.community_id == cid, col(Broadcast.created_at) >= since),
        )
        blocked = await _count(
            session,
            select(func.count())
            .select_from(User)
            .where(User.community_id == cid, col(User.blocked_bot).is_(True)),
        )
        this_week, _ = period_bounds("week", now=ctx.now, zone=ctx.zone)
        consult = await consult_week(
            session,
            community_id=cid,
            start=this_week - timedelta(days=7),
            end=this_week,
            now=ctx.now,
        )
        in_grids: dict[tuple[int, ...], tuple[list[Grid], int, int]] = {}
        for staff in await staff_of(session, community_id=cid):
            lang = staff.language or ctx.default_language
            # a grid worker's residents are their grid's, as the rest of their digest is
            grids = await _grids_of(session, staff_id=staff.id, community_id=cid)
            if grids and grids not in in_grids:
                in_grids[grids] = await _grid_counts(session, grids=grids, since=since)
            named, residents, blocked_here = (
                in_grids[grids] if grids else ([], new_residents, blocked)
            )
            # the community and a grid worker's grids, as the reader sees their names
            names = "/".join(shown_name(g, lang) for g in named)
            here = shown_name(community, lang)
            lines = [
                ctx.text(
                    lang,
                    "scheduler-digest",
                    community=f"{here} · {names}" if names else here,
                    residents=residents,
                    members=pending_members,
                    notices=notices,
                    blocked=blocked_here,
                )
            ]
            lines.extend(await _order_lines(ctx, staff, cid, lang))
            lines.extend(_consult_lines(ctx, consult, lang))
            for section in _SECTIONS:
                lines.extend(await section(ctx, cid, since, lang))
            await ctx.notify(
                chat_id=staff.id,
                text="\n".join(lines),
                kind="digest",
                community_id=cid,
                dedupe_key=f"digest:{ctx.job.id}:{staff.id}",
            )


async def _grids_of(session: AsyncSession, *, staff_id: int, community_id: int) -> tuple[int, ...]:
    """The grids a staff member is limited to in a community; () when they serve all of it."""
    rows = (
        await session.exec(
            select(StaffScope.grid_id).where(
                StaffScope.user_id == staff_id, StaffScope.community_id == community_id
            )
        )
    ).all()
    if not rows or any(grid is None for grid in rows):
        return ()
    return tuple(sorted({int(grid) for grid in rows if grid is not None}))


async def _grid_counts(
    session: AsyncSession, *, grids: tuple[int, ...], since: datetime
) -> tuple[list[Grid], int, int]:
    """The grids, residents registered since, and residents who blocked the bot."""
    found = await session.exec(select(Grid).where(col(Grid.id).in_(grids)).order_by(col(Grid.id)))
    named = list(found.all())
    in_grids = col(User.grid_id).in_(grids)
    new = await _count(
        session,
        select(func.count()).select_from(User).where(in_grids, col(User.created_at) >= since),
    )
    blocked = await _count(
        session,
        select(func.count()).select_from(User).where(in_grids, col(User.blocked_bot).is_(True)),
    )
    return named, new, blocked


def _consult_lines(ctx: JobContext, week: ConsultWeek, lang: str) -> list[str]:
    """The community's consultations in the digest: last week, then what waits (only what is
    not zero; nothing at all when nothing happened and nothing waits)."""
    if not week.anything:
        return []
    lines = []
    if week.held or week.polls_closed or week.topics_new:
        lines.append(
            ctx.text(
                lang,
                "scheduler-digest-consult",
                held=week.held,
                checkins=week.checkins,
                polls=week.polls_closed,
                topics=week.topics_new,
            )
        )
    for key, count in (
        ("scheduler-digest-minutes-due", week.minutes_due),
        ("scheduler-digest-topics-waiting", week.topics_waiting),
        ("scheduler-digest-meetings-ahead", week.meetings_ahead),
    ):
        if count:
            lines.append(ctx.text(lang, key, count=count))
    return lines


def _rates(ctx: JobContext, lang: str, rates: Rates) -> str:
    return ctx.text(
        lang,
        "scheduler-rates",
        response=percent(rates.response_rate),
        resolution=percent(rates.resolution_rate),
        satisfaction=percent(rates.satisfaction_rate),
    )


async def _order_lines(ctx: JobContext, staff: User, community_id: int, lang: str) -> list[str]:
    """The order cycle in a staff member's weekly digest, in their scope (a grid worker's grid):
    last week's requests with the three rates, what waits now, 催办, who served most."""
    roles = effective_roles(staff, admin_ids=getattr(ctx.settings, "admin_ids", []) or [])
    this_week, _ = period_bounds("week", now=ctx.now, zone=ctx.zone)
    try:
        stats = await ledger_stats(
            ctx.session,
            user=staff,
            roles=roles,
            start=this_week - timedelta(days=7),
            end=this_week,
            now=ctx.now,
            community_id=community_id,
            zone=ctx.zone,
        )
    except PermissionDenied:
        return []
    waiting = await staff_overview(
        ctx.session, user=staff, roles=roles, now=ctx.now, community_id=community_id, lang=lang
    )
    if stats.overall.total:
        lines = [
            ctx.text(
                lang,
                "scheduler-digest-orders",
                filed=stats.overall.total,
                resolved=stats.overall.resolved,
            ),
            _rates(ctx, lang, stats.overall),
        ]
    else:
        lines = [ctx.text(lang, "scheduler-digest-no-orders")]
    if waiting is not None:
        lines.append(
            ctx.text(
                lang,
                "scheduler-digest-open",
                waiting=waiting.waiting,
                urgent=waiting.waiting_urgent,
                verify=waiting.to_verify,
                overdue=waiting.overdue,
            )
        )
    if stats.urges:
        lines.append(
            ctx.text(
                lang, "scheduler-digest-urges", count=stats.urges, matters=stats.urged_matters
            )
        )
    if stats.by_member:
        top = stats.by_member[:3]
        names = ctx.text(lang, "poll-result-list-sep").join(
            ctx.text(lang, "scheduler-digest-member", name=name, orders=done)
            for _uid, name, done, _points in top
        )
        lines.append(ctx.text(lang, "scheduler-digest-members", names=names))
    return lines


@job_kind(MONTHLY_REPORT, too_late=timedelta(days=5))
async def monthly_report(ctx: JobContext, payload: dict[str, Any]) -> None:
    """The 1st of the month: admins get each community's numbers for the month before."""
    session = ctx.session
    # the calendar month before, as its requests are counted (not the 31 days before the run,
    # which took in the last day of the month before that and the morning of the 1st)
    start, end = period_bounds("last_month", now=ctx.now, zone=ctx.zone)
    lines: dict[str, list[str]] = {}
    # the admins now, as everywhere else (services.users.effective_roles): one whose role was
    # taken away, or whose id the settings no longer name, gets none
    admin_ids = await current_admin_ids(
        session, bootstrap=getattr(ctx.settings, "admin_ids", []) or []
    )
    languages: dict[int, str | None] = {}
    for admin_id in admin_ids:
        known = await session.get(User, admin_id)
        languages[admin_id] = known.language if known else None
    communities = (await session.exec(select(Community))).all()
    ledger = await ledger_stats(
        session,
        user=User(id=0),
        roles={Role.ADMIN},
        start=start,
        end=end,
        now=ctx.now,
        zone=ctx.zone,
    )
    for lang in {lg or ctx.default_language for lg in languages.values()}:
        body = [ctx.text(lang, "scheduler-monthly-title")]
        for community in communities:
            cid = community.id
            residents = await _count(
                session, select(func.count()).select_from(User).where(User.community_id == cid)
            )
            new = await _count(
                session,
                select(func.count())
                .select_from(User)
                .where(
                    User.community_id == cid,
                    col(User.created_at) >= start,
                    col(User.created_at) < end,
                ),
            )
            sent = await _count(
                session,
                select(func.count())
                .select_from(Delivery)
                .where(
                    Delivery.community_id == cid,
                    Delivery.state == DeliveryState.SENT,
                    col(Delivery.sent_at) >= start,
                    col(Delivery.sent_at) < end,
                ),
            )
            failed = await _count(
                session,
                select(func.count())
                .select_from(Delivery)
                .where(
                    Delivery.community_id == cid,
                    col(Delivery.state).in_([DeliveryState.FAILED, DeliveryState.BLOCKED]),
                    col(Delivery.created_at) >= start,
                    col(Delivery.created_at) < end,
                ),
            )
            body.append(
                ctx.text(
                    lang,
                    "scheduler-monthly-line",
                    community=shown_name(community, lang),
                    residents=residents,
                    new=new,
                    sent=sent,
                    failed=failed,
                )
            )
            rates = ledger.by_community.get(cid or 0, Rates())
            body.append(
                ctx.text(lang, "scheduler-monthly-orders", filed=rates.total)
                + " · "
                + _rates(ctx, lang, rates)
            )
        lines[lang] = body
    for admin_id in sorted(admin_ids):
        lang = languages.get(admin_id) or ctx.default_language
        await ctx.notify(
            chat_id=admin_id,
            text="\n".join(lines[lang]),
            kind="report",
            dedupe_key=f"report:{ctx.job.id}:{admin_id}",
        )
