"""Scheduled consultation work: meeting reminders, check-in, start and end; poll closing soon,
poll close."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from models.consultations import Meeting
from services import meeting_cards, meetings, polls, public_notices
from services.consult_common import Notifier
from services.jobs import JobContext, job_kind


def notifier_for(ctx: JobContext) -> Notifier:
    """A notifier speaking the job's texts, zone and time."""
    return Notifier(
        texts=ctx.texts,
        zone=ctx.zone,
        default_language=ctx.default_language,
        now=ctx.now,
        admin_ids=frozenset(getattr(ctx.settings, "admin_ids", None) or ()),
    )


@job_kind(meetings.JOB_REMIND, too_late=timedelta(minutes=50))
async def meeting_reminder(ctx: JobContext, payload: dict[str, Any]) -> None:
    """24 h / 1 h before a meeting: a reminder to those who said yes."""
    await meetings.remind(
        ctx.session,
        meeting_id=int(payload["meeting_id"]),
        version=payload.get("version"),
        now=ctx.now,
        notifier=notifier_for(ctx),
    )


@job_kind(meetings.JOB_CHECKIN, too_late=timedelta(hours=3))
async def meeting_checkin(ctx: JobContext, payload: dict[str, Any]) -> None:
    """Check-in opens: those who said yes get the check-in button."""
    await meetings.open_checkin(
        ctx.session,
        meeting_id=int(payload["meeting_id"]),
        now=ctx.now,
        notifier=notifier_for(ctx),
    )


@job_kind(meetings.JOB_MOMENT, too_late=timedelta(days=2))
async def meeting_moment(ctx: JobContext, payload: dict[str, Any]) -> None:
    """The meeting starts, or its planned end passes: its staff cards on screens read 进行中,
    then 已结束，待发纪要 (each redrawn only if it reads otherwise; late, as it then stands); at
    the end, its notice in the community's group says it took place."""
    notifier = notifier_for(ctx)
    await meeting_cards.redraw_cards_of(
        ctx.session, meeting_id=int(payload["meeting_id"]), notifier=notifier
    )
    meeting = await ctx.session.get(Meeting, int(payload["meeting_id"]))
    if meeting is not None and public_notices.meeting_held(meeting, notifier):
        # its notice in the group no longer asks anyone to sign up
        await public_notices.redraw_meeting_notice(ctx.session, meeting=meeting, notifier=notifier)


@job_kind(polls.JOB_CLOSING_SOON, too_late=timedelta(hours=12))
async def poll_closing_soon(ctx: JobContext, payload: dict[str, Any]) -> None:
    """A day before a poll closes: eligible people who have not voted are reminded."""
    await polls.remind_non_voters(
        ctx.session, poll_id=int(payload["poll_id"]), now=ctx.now, notifier=notifier_for(ctx)
    )


@job_kind(polls.JOB_CLOSE, too_late=timedelta(days=30))
async def poll_close(ctx: JobContext, payload: dict[str, Any]) -> None:
    """On time: close the poll, compute the result and post it (never too late to close)."""
    poll = await polls.get_poll(ctx.session, poll_id=int(payload["poll_id"]))
    if poll.status != "open":
        return
    await polls.close_poll(
        ctx.session,
        poll_id=int(payload["poll_id"]),
        now=max(ctx.now, poll.closes_at),
        notifier=notifier_for(ctx),
    )
