"""Staff: /stats (counts, the three rates, median times, overdue; a chart; the XLSX ledger).
Members: 我的积分 (this month and in all, the community board by period, the latest entries)."""

from __future__ import annotations

import contextlib
import logging
import tempfile
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import Any

from aiogram import F, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import (
    BufferedInputFile,
    CallbackQuery,
    FSInputFile,
    InlineKeyboardMarkup,
    Message,
)
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.busy import BackgroundWork
from bot.i18n import Raw, Text, Translator
from bot.settings import Settings
from handlers.filters import IS_MEMBER, IS_STAFF
from handlers.menu import labels
from handlers.order_ui import OrderCb, answer_once, button, edit_or_send, keyboard
from models import Community, Grid, Role, User, shown_name
from models.orders import OrderStatus
from services import orders as order_service
from services import stats as stats_service
from services.errors import InvalidInput
from services.export import export_ledger
from services.order_common import category
from services.when import when_args

log = logging.getLogger(__name__)

router = Router(name="order_stats")
router.message.filter(F.chat.type == "private")

PERIODS = stats_service.PERIODS


def _period(ref: int, extra: int, *, now: datetime, zone: tzinfo) -> tuple[datetime, datetime]:
    """The bounds a stats button names: a preset (ref indexes PERIODS, extra 0) or days typed
    after /stats (ref and extra the first and last day as YYYYMMDD)."""
    if extra:
        first, last = _days(ref, extra)
        return stats_service.day_bounds(first, last, zone=zone)
    return stats_service.period_bounds(PERIODS[ref % len(PERIODS)], now=now, zone=zone)


def _days(ref: int, extra: int) -> tuple[date, date]:
    """The first and last day a button names; one /stats could not have sent is stale."""
    first, last = _day(ref), _day(extra)
    if not stats_service.period_days_ok(first, last):
        raise InvalidInput("err-stale-button")
    return first, last


def _day(number: int) -> date:
    try:
        return date(number // 10000, number // 100 % 100, number % 100)
    except ValueError:
        raise InvalidInput("err-stale-button") from None


def _label(t: Text, ref: int, extra: int) -> str:
    """How the period reads: 本月, or 2026-11-01 至 2026-11-30."""
    if not extra:
        return t(f"order-period-{PERIODS[ref % len(PERIODS)]}")
    first, last = _days(ref, extra)
    if first == last:
        return first.isoformat()
    return t("order-period-days", first=first.isoformat(), last=last.isoformat())


def _duration(t: Text, hours: float | None) -> str:
    """A median time as a hotline reads it: minutes under an hour ('12 分钟', not '0.2 小时'),
    hours to one decimal above."""
    if hours is None:
        return "-"
    if hours < 1:
        return t("order-stats-minutes", minutes=round(hours * 60))
    return t("order-stats-hours", hours=f"{round(hours, 1):g}")


def stats_text(
    t: Text,
    stats: stats_service.Stats,
    names: dict[int, str | Raw],
    label: str,
    grid_names: dict[int, str] | None = None,
) -> str:
    """The figures as a message, for the period `label` names."""
    o = stats.overall
    lines = [
        t("order-stats-title", period=label),
        t("order-stats-total", total=o.total, overdue=o.overdue),
        t(
            "order-stats-rates",
            response=stats_service.percent(o.response_rate),
            resolution=stats_service.percent(o.resolution_rate),
            satisfaction=stats_service.percent(o.satisfaction_rate),
            rated=o.rated,
        ),
    ]
    if o.awaiting_response:
        lines.append(t("order-stats-awaiting", count=o.awaiting_response))
    lines += [
        t(
            "order-stats-times",
            response=_duration(t, o.median_response_hours),
            resolve=_duration(t, o.median_resolve_hours),
        ),
    ]
    if stats.urges:
        lines.append(t("order-stats-urges", urges=stats.urges, matters=stats.urged_matters))
    if stats.by_status:
        parts = [f"{t(f'order-status-{k}')} {v}" for k, v in sorted(stats.by_status.items())]
        lines.append(t("order-stats-by-status", items=t.join(parts)))
    for cid, rates in sorted(stats.by_community.items()):
        lines.append(
            t(
                "order-stats-group",
                name=names.get(cid, str(cid)),
                total=rates.total,
                response=stats_service.percent(rates.response_rate),
                resolution=stats_service.percent(rates.resolution_rate),
                satisfaction=stats_service.percent(rates.satisfaction_rate),
            )
        )
    grids = sorted(stats.by_grid.items(), key=lambda kv: -kv[1].total)[:6]
    if grid_names and grids:
        parts = [
            t(
                "order-stats-grid-item",
                # matters in no grid (a public area of the whole community) say so, not '-'
                name=grid_names.get(gid, "-") if gid else t("order-stats-no-grid"),
                count=r.total,
                rate=stats_service.percent(r.resolution_rate),
            )
            for gid, r in grids
        ]
        lines.append(t("order-stats-by-grid", items=Raw(t.join(parts))))
    top = sorted(stats.by_category.items(), key=lambda kv: -kv[1].total)[:5]
    if top:
        parts = [f"{category(code).name(t.lang)} {r.total}" for code, r in top]
        lines.append(t("order-stats-by-category", items=t.join(parts)))
    if stats.by_member:
        parts = [
            t("order-stats-member", name=name, count=count, points=points)
            for _, name, count, points in stats.by_member[:5]
        ]
        lines.append(t("order-stats-by-member", items=Raw(t.join(parts))))
    lines.append(t("order-stats-definitions"))
    return "\n".join(lines)


async def _community_names(session: AsyncSession, ids: Any, lang: str) -> dict[int, str]:
    """The communities' names as a `lang` reader sees them."""
    out = {}
    for cid in ids:
        community = await session.get(Community, cid)
        if community is not None:
            out[cid] = shown_name(community, lang)
    return out


@router.message(Command("stats"), IS_STAFF)
@router.message(F.text.in_(labels("menu-order-stats")), IS_STAFF)
async def cmd_stats(
    message: Message,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
    settings: Settings,
    clock: Any,
    state: FSMContext,
    command: CommandObject | None = None,
) -> None:
    """Choose the period; or the period typed after /stats (/stats 2026-11, /stats 上个月)."""
    if command is not None and command.args:
        today = clock().astimezone(settings.zone).date()
        said = stats_service.said_period(command.args, today=today)
        first, last = said or stats_service.typed_period(command.args)
        ref, extra = _refs(command.args, first, last)
        await _send_stats(message, state, session, user, roles, t, settings, clock(), ref, extra)
        return
    await _choose(message, state, t)


async def _choose(message: Message, state: FSMContext, t: Text) -> None:
    """The period buttons; the period said in words right under them is taken too."""
    rows = [[button(t(f"order-period-{p}"), "stp", i) for i, p in enumerate(PERIODS)]]
    sent = await message.answer(t("order-stats-choose"), reply_markup=keyboard(rows))
    await state.update_data(stats_choose=sent.message_id)


async def _said_stats(
    message: Message, state: FSMContext, settings: Settings, clock: Any
) -> dict[str, Any] | bool:
    """Staff at the menu saying which figures in words: a period right under the period
    buttons ('上个月的', '11月', '最近30天'), or with a stats word anywhere ('本月的台账',
    'last month stats'; '统计' alone: the buttons), or asking how many matters came in a
    period ('今天有几个新诉求', '这周有多少诉求'). The days said, as `said_days`."""
    text = message.text or ""
    if len(text) > 80 or text.startswith("/"):
        return False
    today = clock().astimezone(settings.zone).date()
    days = stats_service.said_period(text, today=today)
    named = stats_service.asks_stats(text)
    if days is None:
        # '今天有几个新诉求', 'how many new requests today?': that period's figures
        counted = stats_service.counts_period(text, today=today) or stats_service.ranked_period(
            text, today=today
        )
        if counted is not None:
            return {"said_days": counted}
        return {"said_days": None} if stats_service.stats_alone(text) else False
    if named:
        return {"said_days": days}
    chosen = (await state.get_data()).get("stats_choose")
    return {"said_days": days} if chosen == message.message_id - 1 else False


@router.message(IS_STAFF, StateFilter(None), F.text, _said_stats)
async def on_stats_said(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
    settings: Settings,
    clock: Any,
    said_days: tuple[date, date] | None,
) -> None:
    """'上个月的' under the period buttons, '本月的台账' at the menu: that period's figures, as
    its button (or /stats with the days) gives them; '统计' alone: the buttons."""
    if said_days is None:
        await _choose(message, state, t)
        return
    first, last = said_days
    ref, extra = _refs(message.text, first, last)
    await _send_stats(message, state, session, user, roles, t, settings, clock(), ref, extra)


def _number(day: date) -> int:
    return day.year * 10000 + day.month * 100 + day.day


def _refs(said: str | None, first: date, last: date) -> tuple[int, int]:
    """What a period said in words is, as a button names it: a button's period ('这周',
    '本月的台账': titled 本周 / 本月, as its button's figures are), else the days said."""
    preset = stats_service.said_preset(said)
    if preset is not None:
        return PERIODS.index(preset), 0
    return _number(first), _number(last)


@router.callback_query(OrderCb.filter(F.action == "stp"))
async def on_stats_period(
    query: CallbackQuery,
    callback_data: OrderCb,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
    settings: Settings,
    clock: Any,
) -> None:
    """The figures of the period, a chart, and the export button."""
    ref, extra = callback_data.ref, callback_data.extra
    if extra:  # a forged period is refused as the tap's answer, before it is answered
        _days(ref, extra)
    await answer_once(query)
    if isinstance(query.message, Message):
        await _send_stats(
            query.message, state, session, user, roles, t, settings, clock(), ref, extra
        )


async def _send_stats(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
    settings: Settings,
    now: datetime,
    ref: int,
    extra: int,
) -> None:
    """The period's figures (with a chart when anything was filed) and its export button.
    Another period said right under them ('上周', '11月') is taken, as under the buttons."""
    start, end = _period(ref, extra, now=now, zone=settings.zone)
    stats = await stats_service.ledger_stats(
        session, user=user, roles=roles, start=start, end=end, now=now, zone=settings.zone
    )
    plain = await _community_names(session, stats.by_community, t.lang)
    names: dict[int, str | Raw] = dict(plain)
    # a grid worker's figures are their grids': named so, not as the whole community's
    only = await stats_service.grid_only_scopes(session, user=user, roles=roles, lang=t.lang)
    for cid, grids in only.items():
        if cid in plain:
            scoped = t("order-stats-grid-scope", community=plain[cid], grids=t.join(grids))
            names[cid] = Raw(scoped)  # escaped in t()
    grid_names = {}
    for gid in stats.by_grid:
        grid = await session.get(Grid, gid) if gid else None
        if grid is not None and grid.id is not None:
            grid_names[grid.id] = shown_name(grid, t.lang)
    label = _label(t, ref, extra)
    text = stats_text(t, stats, names, label, grid_names)
    markup = keyboard([[button(t("order-btn-export"), "xls", ref, extra)]])
    png = (
        stats_service.chart_png(
            stats,
            title=t("order-chart-title", period=label),
            filed_label=t("order-chart-filed"),
            resolved_label=t("order-chart-resolved"),
        )
        if stats.overall.total  # nothing filed: no empty chart
        else None
    )
    if png is not None:  # None also when no CJK font is installed: the figures go out alone
        await message.answer_photo(BufferedInputFile(png, filename="stats.png"))
    shown = await message.answer(text, reply_markup=markup)
    await state.update_data(stats_choose=shown.message_id)


@router.callback_query(OrderCb.filter(F.action == "xls"))
async def on_export(
    query: CallbackQuery,
    callback_data: OrderCb,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    background: BackgroundWork,
    user: User,
    roles: frozenset[Role],
    t: Text,
    translator: Translator,
    settings: Settings,
    clock: Any,
) -> None:
    """The XLSX ledger of the period for the staff member's communities (one at a time).

    The export runs beside the update, so the chat is free for a second tap; while one is
    produced for this staff member and period (in any bot process), that tap is told to wait
    instead of producing a second file."""
    if not isinstance(query.message, Message):
        await answer_once(query, t("order-export-busy"))
        return
    allowed = await stats_service.scope_communities(session, user=user, roles=roles)
    scope = await stats_service.scope_condition(session, user=user, roles=roles)
    ref, extra = callback_data.ref, callback_data.extra
    now = clock()
    start, end = _period(ref, extra, now=now, zone=settings.zone)
    period = f"{ref}-{extra}" if extra else PERIODS[ref % len(PERIODS)]
    job = _Export(
        message=query.message,
        sessionmaker=sessionmaker,
        name=f"ledger-{period}-{now.astimezone(settings.zone):%Y%m%d}.xlsx",
        start=start,
        end=end,
        allowed=allowed,
        scope=scope,
        t=t,
        translator=translator,
        settings=settings,
        now=now,
    )
    started = await background.start(
        f"ledger-export:{user.id}:{period}", job.run, name=f"ledger-export-{user.id}-{period}"
    )
    await answer_once(query, t("order-export-working" if started else "order-export-busy"))


@dataclass
class _Export:
    """One ledger export, produced and sent beside the update that asked for it."""

    message: Message
    sessionmaker: async_sessionmaker[AsyncSession]
    name: str
    start: datetime
    end: datetime
    allowed: list[int] | None
    scope: Any
    t: Text
    translator: Translator
    settings: Settings
    now: datetime

    async def run(self) -> None:
        """Write the XLSX and send it; on failure, say so (the tap was answered already)."""
        try:
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / self.name
                async with self.sessionmaker() as session:
                    result = await export_ledger(
                        session,
                        path=path,
                        start=self.start,
                        end=self.end,
                        community_ids=self.allowed,
                        scope=self.scope,
                        texts=self.translator,
                        lang=self.t.lang,
                        zone=self.settings.zone,
                        now=self.now,
                    )
                await self.message.answer_document(
                    FSInputFile(path), caption=self.t("order-export-done", rows=result.rows)
                )
        except Exception:  # nobody else sees this task fail: log it and tell the staff member
            log.exception("ledger export failed")
            with contextlib.suppress(TelegramAPIError):
                await self.message.answer(self.t("order-export-failed"))


def _h(minutes: int) -> str:
    """Service minutes as hours, at most one decimal: 90 → "1.5"."""
    return f"{round(minutes / 60, 1):g}"


def _board_line(t: Text, line: order_service.BoardLine) -> str:
    return t(
        "points-board-line-me" if line.me else "points-board-line",
        rank=line.rank,
        name=line.name or t("points-anonymous"),
        points=line.points,
        hours=_h(line.minutes),
    )


def points_text(
    t: Text, view: order_service.PointsOverview, *, now: datetime, zone: tzinfo, held: int = 0
) -> str:
    """我的积分 as a message: totals, the period's board with the reader always on it, their
    rank, the latest entries; with none yet, the `held` orders in hand that will bring them
    (before: '接一单试试吧' to a member holding one)."""
    period = t(f"points-in-{view.period}")
    lines = [
        t("points-title"),
        t("points-month", points=view.month_points, hours=_h(view.month_minutes)),
        t("points-total", points=view.total_points, hours=_h(view.total_minutes), done=view.done),
        "",
    ]
    if view.community is not None:
        lines.append(t("points-board-title", community=view.community, period=period))
        lines += [_board_line(t, line) for line in view.board]
        if not view.board:
            lines.append(t("points-board-empty", period=period))
        elif view.mine is not None and not any(line.me for line in view.board):
            lines += [t("points-board-gap"), _board_line(t, view.mine)]
        if view.mine is not None:
            lines.append(t("points-rank", period=period, rank=view.mine.rank, ranked=view.ranked))
        elif view.board:
            lines.append(t("points-rank-none", period=period))
        if any(line.masked for line in view.board):
            lines.append(t("points-board-masked"))
        lines.append("")
    lines.append(t("points-recent-title"))
    for entry in view.recent:
        day = when_args(entry.at, zone=zone, now=now)
        lines.append(
            t(
                "points-recent-line",
                date=t("points-date", year=day["year"], month=day["month"], day=day["day"]),
                order=" ".join(
                    part
                    for part in (entry.number, entry.title and entry.title.read_in(t.lang))
                    if part
                ),
                points=entry.points,
            )
        )
    if not view.recent:
        lines.append(t("points-recent-held", count=held) if held else t("points-recent-none"))
    return "\n".join(lines)


def points_markup(t: Text, period: str) -> InlineKeyboardMarkup:
    """本月 / 今年 / 全部: each edits the message to that period's board."""
    row = []
    for i, p in enumerate(order_service.POINTS_PERIODS):
        label = t(f"points-btn-{p}")
        row.append(
            button(t("points-btn-current", label=label) if p == period else label, "pts", i)
        )
    return keyboard([row])


async def _points(
    session: AsyncSession, user: User, t: Text, settings: Settings, now: datetime, period: str
) -> tuple[str, InlineKeyboardMarkup]:
    view = await order_service.points_overview(
        session, user=user, period=period, now=now, zone=settings.zone
    )
    held = [
        o
        for o in await order_service.my_claims(session, user=user)
        if o.status in (OrderStatus.OPEN, OrderStatus.CLAIMED)
    ]
    text = points_text(t, view, now=now, zone=settings.zone, held=len(held))
    return text, points_markup(t, view.period)


@router.message(F.text.in_(labels("menu-order-points")), IS_MEMBER)
async def cmd_points(
    message: Message, session: AsyncSession, user: User, t: Text, settings: Settings, clock: Any
) -> None:
    """The member's points this month and in all, this month's community board, their rank."""
    text, markup = await _points(session, user, t, settings, clock(), "month")
    await message.answer(text, reply_markup=markup)


@router.callback_query(OrderCb.filter(F.action == "pts"), IS_MEMBER)
async def on_points_period(
    query: CallbackQuery,
    callback_data: OrderCb,
    session: AsyncSession,
    user: User,
    t: Text,
    settings: Settings,
    clock: Any,
) -> None:
    """本月 / 今年 / 全部: the same message shows that period's board."""
    periods = order_service.POINTS_PERIODS
    period = periods[callback_data.ref % len(periods)]
    text, markup = await _points(session, user, t, settings, clock(), period)
    await edit_or_send(query, text, markup)
