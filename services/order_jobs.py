"""Timed rules of the order cycle, run by the scheduler: re-offer and escalate, deadlines,
verification reminders, transfer follow-ups, the rating follow-up (回访) and unrated close.

Each job commits once, through services.order_common.commit_with: the scheduler's runner
watches its session (services.order_redraws.watch_job), so what it changes of a matter redraws
the staff cards of the request and the members' cards and offers of its orders in that commit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta
from typing import Any

from models.orders import Order, OrderStatus, Request, RequestStatus
from services import delivery, request_cards
from services import orders as svc
from services.jobs import JobContext, job_kind
from services.order_common import (
    OUTBOX,
    Notice,
    OrderTitle,
    commit_with,
    matter_grid,
    matter_of,
    note_event,
    staff_ids,
)
from services.order_notices import deliver


async def _queue(ctx: JobContext, notices: Sequence[Notice]) -> None:
    """Queue notices in the job's transaction, not committed (a service's `outbox=`)."""
    await deliver(
        ctx.session,
        notices,
        texts=ctx.texts,
        default_language=ctx.default_language,
        now=ctx.now,
    )


async def _urgent(ctx: JobContext, order: Order) -> bool:
    """Whether the request an order serves is urgent."""
    req = await ctx.session.get(Request, order.request_id)
    return req is not None and req.urgent


async def _send(ctx: JobContext, notices: list[Notice]) -> None:
    """Queue notices and commit them with the job's change and the redraws of the cards it
    changed (the session's outbox, set by the runner): the job's one commit."""
    if ctx.session.info.get(OUTBOX) is None:  # a session no runner watches
        await _queue(ctx, notices)
        notices = []
    await commit_with(ctx.session, notices)


def _staff_notice(
    sid: int,
    key: str,
    obj: Request | Order,
    kind: str,
    *,
    urgent: bool,
    asks: bool = True,
    **args: Any,
) -> Notice:
    """A reminder to staff; one that `asks` them to act on the matter as it stands names it
    (`matter_of`), so a colleague settling it before the reminder went out cancels it.

    It is as urgent as the request behind it: about a fall or a gas smell it goes at once, day
    or night; otherwise quiet hours hold it until the morning (and a colleague who settles the
    matter overnight cancels it)."""
    return Notice(
        chat_id=sid,
        key=key,
        args={"number": obj.number, **args},
        kind=kind,
        ref_id=obj.id,
        urgent=urgent,
        community_id=obj.community_id,
        matter=matter_of(obj) if asks else None,
    )


@job_kind("order.request_unanswered", too_late=timedelta(days=7))
async def request_unanswered(ctx: JobContext, payload: dict[str, Any]) -> None:
    """A request nobody answered in time: every staff member who can act on it is told (the
    community's staff and its grid's workers; other grids' workers could not take it up)."""
    req = await ctx.session.get(Request, int(payload["request_id"]))
    if req is None or req.status != RequestStatus.NEW:
        return
    ids = await staff_ids(ctx.session, community_id=req.community_id, grid_id=req.grid_id)
    await _send(
        ctx,
        [
            _staff_notice(
                i, "order-notice-unanswered", req, "staff-request-card", urgent=req.urgent
            )
            for i in ids
        ],
    )


@job_kind("order.unclaimed", too_late=timedelta(days=7))
async def order_unclaimed(ctx: JobContext, payload: dict[str, Any]) -> None:
    """An order nobody claimed: offered again once, then escalated to staff."""

    async def outbox(notices: Sequence[Notice]) -> None:
        await _queue(ctx, notices)

    # the ledger event, the next round and the notices: one commit (by the service)
    await svc.escalate_unclaimed(
        ctx.session,
        order_id=int(payload["order_id"]),
        round_=int(payload.get("round", 1)),
        now=ctx.now,
        outbox=outbox,
    )


@job_kind("order.deadline", too_late=timedelta(days=7))
async def order_deadline(ctx: JobContext, payload: dict[str, Any]) -> None:
    """The deadline passed unfinished: claimants and staff are told; the ledger notes it."""
    order = await ctx.session.get(Order, int(payload["order_id"]))
    if order is None or order.status not in (OrderStatus.OPEN, OrderStatus.CLAIMED):
        return
    assert order.id is not None
    note_event(
        ctx.session,
        request_id=order.request_id,
        subject="order",
        subject_id=order.id,
        action="overdue",
        actor_id=None,
        now=ctx.now,
        state=order.status,
    )
    claims = await svc.active_claims(ctx.session, order_id=order.id)
    # a 'deadline near' reminder still held (quiet hours) would now come beside this one
    for matter in [matter_of(order), *(matter_of(c) for c in claims)]:
        await delivery.cancel_stale(ctx.session, matter=matter, kinds=_NEAR_KEYS)
    urgent = await _urgent(ctx, order)
    notices = [
        Notice(
            chat_id=c.member_id,
            key="order-notice-overdue-member",
            args={"number": order.number, "title": OrderTitle(order), "due": order.deadline_at},
            kind="member-claim-overdue",
            ref_id=order.id,
            community_id=order.community_id,
            # not sent once their claim ends: done reported, given back, reassigned, cancelled
            matter=matter_of(c),
        )
        for c in claims
    ]
    stamp = int(ctx.now.timestamp())
    for sid in await staff_ids(
        ctx.session,
        community_id=order.community_id,
        grid_id=await matter_grid(ctx.session, order),
    ):
        notices.append(
            # informs: still overdue once claimed, so it names no matter; its key names the
            # order, so that a move of the matter to another grid finds it
            # (services.requests.record_move)
            replace(
                _staff_notice(
                    sid,
                    "order-notice-overdue",
                    order,
                    "staff-order",
                    urgent=urgent,
                    asks=False,
                    title=OrderTitle(order),
                ),
                dedupe_key=f"order-{order.id}-overdue-{stamp}-{sid}",
            )
        )
    await _send(ctx, notices)


_NEAR_KEYS = ("order-notice-deadline-near", "order-notice-deadline-near-staff")


@job_kind("order.deadline_near", too_late=timedelta(days=2))
async def order_deadline_near(ctx: JobContext, payload: dict[str, Any]) -> None:
    """The deadline is near: claimants are reminded; an order nobody took goes to staff."""
    order = await ctx.session.get(Order, int(payload["order_id"]))
    if order is None or order.status not in (OrderStatus.OPEN, OrderStatus.CLAIMED):
        return
    if order.deadline_at is not None and order.deadline_at <= ctx.now:
        # run late (the bot was down, or behind): the deadline has passed and the overdue
        # notice says so; '快到办理时限了' after '已超过时限' would contradict it
        return
    assert order.id is not None
    args = {"number": order.number, "title": OrderTitle(order)}
    claims = await svc.active_claims(ctx.session, order_id=order.id)
    notices = [
        Notice(
            chat_id=c.member_id,
            key="order-notice-deadline-near",
            # when: read at 07:00 (held for the night) 'nearly due' alone says too little
            args={**args, "due": order.deadline_at},
            kind="member-claim-due",
            ref_id=order.id,
            community_id=order.community_id,
            matter=matter_of(c),  # as the overdue notice: about their claim
        )
        for c in claims
    ]
    if not claims:
        ids = await staff_ids(
            ctx.session,
            community_id=order.community_id,
            grid_id=await matter_grid(ctx.session, order),
        )
        urgent = await _urgent(ctx, order)
        notices = [
            _staff_notice(
                i,
                "order-notice-deadline-near-staff",
                order,
                "staff-order",
                urgent=urgent,
                title=OrderTitle(order),
            )
            for i in ids
        ]
    await _send(ctx, notices)


@job_kind("order.verify", too_late=timedelta(days=7))
async def order_verify(ctx: JobContext, payload: dict[str, Any]) -> None:
    """A reported result still not verified: staff are reminded (only while the round read
    still waits: `services.orders.still_to_verify`)."""
    order = await ctx.session.get(Order, int(payload["order_id"]))
    if order is None or order.status != OrderStatus.DONE:
        return
    ids = await staff_ids(
        ctx.session,
        community_id=order.community_id,
        grid_id=await matter_grid(ctx.session, order),
    )
    # the reminder carries what the card did (the member's note, the photos and their button),
    # so staff can verify from it
    photos = await svc.count_result_photos(ctx.session, order_id=order.id or 0)
    note = order.result_note or "-"
    urgent = await _urgent(ctx, order)
    if not await svc.still_to_verify(ctx.session, order=order):
        # checked (accepted, sent back) or cancelled since it was read: a reminder queued now
        # would ask, with live ✅ 验收通过 / ↩️ 退回, about a round already checked
        return
    await _send(
        ctx,
        [
            _staff_notice(
                i,
                "order-notice-verify-reminder",
                order,
                "staff-verify-photos" if photos else "staff-verify",
                urgent=urgent,
                title=OrderTitle(order),
                note=note,  # whole: fitted to one message, with 📄 全文
                photos=photos,
            )
            for i in ids
        ],
    )


@job_kind("order.transfer_follow_up", too_late=timedelta(days=30))
async def transfer_follow_up(ctx: JobContext, payload: dict[str, Any]) -> None:
    """A transferred matter without the unit's answer: staff are reminded, again later."""
    req = await ctx.session.get(Request, int(payload["request_id"]))
    if req is None or req.status != RequestStatus.TRANSFERRED:
        return
    tr = await svc.current_transfer(ctx.session, request_id=req.id or 0)
    ids = await staff_ids(ctx.session, community_id=req.community_id, grid_id=req.grid_id)
    unit = tr.unit if tr else "-"
    # an interim answer recorded since: the reminder quotes it (there was an answer, not none)
    progress = await svc.transfer_progress(ctx.session, req=req, transfer=tr) if tr else None
    said = progress.answer if progress is not None else None
    await svc.schedule_transfer_follow_up(ctx.session, req, now=ctx.now)  # sooner if urgent
    # the staff cards of it say when it is followed up next: that moved on
    request_cards.touch(ctx.session, request_id=req.id or 0)
    await _send(
        ctx,
        [
            _staff_notice(
                i,
                "order-notice-transfer-still-open" if said else "order-notice-transfer-follow-up",
                req,
                "staff-request-card",
                urgent=req.urgent,
                unit=unit,
                answer=said or "",
            )
            for i in ids
        ],
    )


@job_kind("order.rating_follow_up", too_late=timedelta(days=7))
async def rating_follow_up(ctx: JobContext, payload: dict[str, Any]) -> None:
    """回访: the resident has not rated yet; ask once more."""
    notices = await svc.remind_rating(
        ctx.session, request_id=int(payload["request_id"]), now=ctx.now
    )
    await _send(ctx, notices)


@job_kind("order.rating_close", too_late=timedelta(days=60))
async def rating_close(ctx: JobContext, payload: dict[str, Any]) -> None:
    """No rating in the follow-up window: the matter is closed as unrated."""

    async def outbox(notices: Sequence[Notice]) -> None:
        await _queue(ctx, notices)

    # a matter reopened once: its public cards say it closed, in the same commit
    await svc.auto_close_unrated(
        ctx.session, request_id=int(payload["request_id"]), now=ctx.now, outbox=outbox
    )
