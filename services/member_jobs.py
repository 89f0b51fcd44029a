"""The one-off notice to members who signed up before 双报到 asked whether to name them.

Migration 0010 left every existing member unnamed on public result cards and the points board
('刘**'), since none had agreed. Each approved member who was never asked (`name_asked_at` is
NULL) gets one short notice saying so, with a button to agree or keep it hidden.

It is sent exactly once per member, across restarts and several processes: the job marks the
members it tells (`name_asked_at`) with one conditional UPDATE in the same commit as their
notices, so a member marked by one run is not told by another; the notice's dedupe key guards
the outbox as well. The job is scheduled each time a process becomes the scheduler's leader
(start-up; `ensure_name_consent_asked` in scheduler.kinds.ON_LEADING), only while someone is
left to tell, and when a member who was never asked is approved (an application filed before
the question existed) or their suspension is lifted. New members are asked at sign-up and are
marked then, so they never get it. Quiet hours hold it like any non-urgent notice.
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo
from typing import Any

from sqlalchemy import update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.orders import Order
from models.users import MemberProfile, MemberStatus, Role, User
from services import audit
from services.delivery import inline_keyboard, prepare_batch
from services.jobs import JobContext, job_kind, pending_jobs, schedule_job
from services.member_self import PAUSE_ENDED, pause_end_key
from services.open_lists import place_of
from services.order_common import OrderTitle
from services.order_notices import cb
from services.orders import open_orders_for, public_name

NAME_CONSENT = "member.name-consent"
NAME_CONSENT_KEY = "member:name-consent"
# the buttons, in the format of handlers.profile.ProfileCb ("prof:<action>")
CONSENT_YES = "prof:consent-on"
CONSENT_NO = "prof:consent-off"


def _never_asked() -> list[Any]:
    return [
        col(MemberProfile.status) == MemberStatus.APPROVED,
        col(MemberProfile.name_asked_at).is_(None),
    ]


async def anyone_to_ask(session: AsyncSession) -> bool:
    """True while an approved member was never asked whether to be named (one indexed read)."""
    stmt = select(MemberProfile.user_id).where(*_never_asked()).limit(1)
    return (await session.exec(stmt)).first() is not None


async def schedule_name_consent(session: AsyncSession, *, now: datetime) -> None:
    """Have the notice job run now (the caller commits); a pending one is reused."""
    await schedule_job(session, kind=NAME_CONSENT, due_at=now, payload={}, key=NAME_CONSENT_KEY)


async def ensure_name_consent_asked(session: AsyncSession, *, now: datetime, zone: tzinfo) -> None:
    """On becoming the leader: schedule the notice job if any member is left to tell."""
    del zone  # the notice goes now; quiet hours hold it where they apply
    if await anyone_to_ask(session):
        await schedule_name_consent(session, now=now)
        await session.commit()


@job_kind(NAME_CONSENT, too_late=timedelta(days=30))
async def tell_members_unnamed(ctx: JobContext, payload: dict[str, Any]) -> None:
    """Each approved member never asked: one notice that results name them only if they agree.

    The members are marked asked in one conditional UPDATE (a member marked by a run in
    another process is not returned here), their notices queued in the same transaction."""
    del payload
    session = ctx.session
    rows = (
        await session.exec(  # type: ignore[call-overload]
            update(MemberProfile)
            .where(*_never_asked())
            .values(name_asked_at=ctx.now)
            .returning(col(MemberProfile.user_id), col(MemberProfile.real_name))
            .execution_options(synchronize_session=False)
        )
    ).all()
    if not rows:
        return
    names = {int(uid): str(name) for uid, name in rows}
    keys = {uid: f"name-consent:{uid}" for uid in names}
    batch = await prepare_batch(session, chat_ids=names, dedupe_keys=keys.values())
    for uid, real_name in sorted(names.items()):
        user: User | None = batch.users.get(uid)
        lang = user.language if user is not None else None
        masked = public_name(real_name, named=False) or ctx.text(lang, "points-anonymous")
        markup = inline_keyboard(
            [
                [(ctx.text(lang, "member-consent-btn-show", name=real_name), CONSENT_YES)],
                [(ctx.text(lang, "member-consent-btn-hide", masked=masked), CONSENT_NO)],
            ]
        )
        await ctx.notify(
            chat_id=uid,
            text=ctx.text(lang, "member-consent-notice", name=real_name, masked=masked),
            reply_markup=markup,
            kind="member-name-consent",
            dedupe_key=keys[uid],
            batch=batch,
        )


PAUSE_ENDED_SHOWN = 5  # orders issued during a pause named in the notice at its end
PAUSE_CLAIM = "pclaim"  # the ✋ 接 of an order on that notice (handlers.claims)


async def ensure_pause_ends_told(session: AsyncSession, *, now: datetime, zone: tzinfo) -> None:
    """On becoming the leader: a pause with an end still ahead that has no job at its end (one
    paused before the job existed) gets one."""
    del zone
    stmt = select(MemberProfile).where(
        col(MemberProfile.status) == MemberStatus.APPROVED,
        col(MemberProfile.paused_at).is_not(None),
        col(MemberProfile.paused_until) > now,
    )
    added = False
    for profile in (await session.exec(stmt)).all():
        key = pause_end_key(profile.user_id)
        if profile.paused_at is None or profile.paused_until is None:
            continue
        if await pending_jobs(session, key=key):
            continue
        since = profile.paused_at.isoformat()
        payload = {"member_id": profile.user_id, "since": since}
        await schedule_job(
            session, kind=PAUSE_ENDED, due_at=profile.paused_until, payload=payload, key=key
        )
        added = True
    if added:
        await session.commit()


async def issued_while_paused(
    session: AsyncSession, *, user: User, since: datetime, until: datetime
) -> list[Order]:
    """The orders issued while the member was paused (`since` to `until`) that still wait for
    someone and fit them now (their 可接工单, the ones they hold left out), soonest due first."""
    fits = await open_orders_for(session, user=user, roles={Role.MEMBER}, per_page=1000)
    return [o for o in fits.items if since <= o.created_at <= until]


@job_kind(PAUSE_ENDED, too_late=timedelta(days=7))
async def tell_pause_ended(ctx: JobContext, payload: dict[str, Any]) -> None:
    """A member's own pause reached its end: they are told they take orders again ('暂停已结束，
    恢复接单了'), with the orders issued meanwhile that still wait and fit them, each with ✋ 接
    (claimed as an offer's ✋ 接单 is: handlers.claims.on_claim_after_pause; before, only 详情,
    whose card had it) and 详情. Nothing when they resumed, paused again or were suspended
    by staff since (that pause's job, or none, is the one to tell)."""
    session = ctx.session
    uid = int(payload["member_id"])
    profile = await session.get(MemberProfile, uid)
    user = await session.get(User, uid)
    if (
        profile is None
        or user is None
        or user.forgotten_at is not None
        or profile.status != MemberStatus.APPROVED
        or profile.paused_at is None
        or profile.paused_until is None
        or profile.paused_until > ctx.now
        or datetime.fromisoformat(str(payload.get("since"))) != profile.paused_at
    ):
        return
    since, until = profile.paused_at, profile.paused_until
    profile.paused_at = profile.paused_until = None
    profile.updated_at = ctx.now
    session.add(profile)
    audit.record(
        session, actor_id=uid, action="member_pause_ended", subject_type="member", subject_id=uid
    )
    missed = await issued_while_paused(session, user=user, since=since, until=until)
    lang = user.language or ctx.default_language
    lines = [ctx.text(lang, "member-pause-ended")]
    shown = missed[:PAUSE_ENDED_SHOWN]
    if shown:
        lines.append("")
        lines.append(ctx.text(lang, "member-pause-ended-orders", count=len(missed)))
        for order in shown:
            place = await place_of(session, order)
            lines.append(
                ctx.text(
                    lang,
                    "member-pause-ended-line",
                    number=order.number,
                    title=OrderTitle(order).read_in(lang),
                    place=place.read_in(lambda key: ctx.text(lang, key)),
                )
            )
        if len(missed) > len(shown):
            lines.append(ctx.text(lang, "member-pause-ended-more", more=len(missed) - len(shown)))
    rows = [
        [
            (ctx.text(lang, "order-btn-claim-number", number=o.number), cb(PAUSE_CLAIM, o.id)),
            (ctx.text(lang, "member-pause-ended-btn", number=o.number), cb("odet", o.id)),
        ]
        for o in shown
    ]
    await ctx.notify(
        chat_id=uid,
        text="\n".join(lines),
        reply_markup=inline_keyboard(rows) if rows else None,
        kind="member-pause-ended",
        community_id=profile.community_id,
        dedupe_key=f"pause-ended:{ctx.job.id}",
    )
