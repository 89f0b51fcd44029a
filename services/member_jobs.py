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

from models.users import MemberProfile, MemberStatus, User
from services.delivery import inline_keyboard, prepare_batch
from services.jobs import JobContext, job_kind, schedule_job
from services.orders import public_name

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
