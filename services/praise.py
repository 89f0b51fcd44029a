"""A resident's praise of a member who served them ('我想表扬一下刘师傅，修水管特别认真'):
passed on to that member and to the staff of the matter, and kept in its ledger, so the
thanks reach the person and the office can publish them (组织晒单). A praise naming no member
of theirs goes to the staff of the resident's own grid."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import MemberProfile, User
from models.orders import Claim, ClaimStatus, Order, Request
from services.order_common import (
    Notice,
    OrderTitle,
    commit_with,
    matter_grid,
    note_event,
    staff_ids,
)

PRAISE_DAYS = 180  # a member who served them longer ago than this is not who they mean
PRAISE_ACTION = "praise"  # the ledger's action (order-action-praise)
WORDS_MAX = 500  # what is passed on of the words (the whole is in the chat they typed it in)
# how residents name a member: surname and a title ('刘师傅', '赵医生'), or the name
_TITLES = "师傅|医生|大夫|律师|老师|阿姨|大姐|姐|哥|叔|大爷|同志|书记"
# what comes before a title without naming anyone: '那个师傅', '这位医生', '的律师'
_NOT_SURNAME = "个位这那的该名些"


@dataclass(frozen=True)
class Praised:
    """Whom a praise is for: the member and the resident's matter they served on (None: the
    words name no member of theirs; the staff are told)."""

    member_id: int | None = None
    name: str = ""
    request_id: int | None = None
    number: str = ""
    order_id: int | None = None


async def praised(session: AsyncSession, *, user: User, text: str, now: datetime) -> Praised:
    """The member the words praise, of those who served on the resident's matters lately
    (newest first): the one named, or the only one when none is named; else nobody."""
    since = now - timedelta(days=PRAISE_DAYS)
    rows = await session.exec(
        select(Request, Order, MemberProfile, User)
        .join(Order, col(Order.request_id) == col(Request.id))
        .join(Claim, col(Claim.order_id) == col(Order.id))
        .join(MemberProfile, col(MemberProfile.user_id) == col(Claim.member_id))
        .join(User, col(User.id) == col(Claim.member_id))
        .where(
            col(Request.resident_id) == user.id,
            col(Request.created_at) >= since,
            col(Claim.status).in_((ClaimStatus.ACTIVE, ClaimStatus.DONE)),
            col(User.forgotten_at).is_(None),
        )
        .order_by(col(Claim.claimed_at).desc())
    )
    served: list[tuple[Request, Order, MemberProfile, User]] = list(rows.all())
    named = [row for row in served if names_member(text, row[2], row[3])]
    members = {row[2].user_id for row in served}
    only = served[0] if len(members) == 1 and not _names_anyone(text) else None
    pick = named[0] if named else only
    if pick is None:
        return Praised()
    req, order, profile, _ = pick
    return Praised(
        member_id=profile.user_id,
        name=profile.display_name,
        request_id=req.id,
        number=req.number,
        order_id=order.id,
    )


def names_member(text: str, profile: MemberProfile, account: User) -> bool:
    """Whether the words name this member: the name they signed up with, their chat name, or
    their surname with a title ('刘师傅' for 刘建国)."""
    words = text.replace(" ", "")
    real = profile.real_name.strip()
    if real and real in words:
        return True
    chat = account.display_name.replace(" ", "")
    if len(chat) >= 2 and chat in words:
        return True
    return bool(real) and re.search(rf"{re.escape(real[0])}(?:{_TITLES})", words) is not None


def _names_anyone(text: str) -> bool:
    """Whether the words name someone ('王师傅'): then the only member who served them is not
    taken for that person when the name is not theirs. '那个师傅' / '这位医生' name nobody."""
    words = text.replace(" ", "")
    return re.search(rf"(?![{_NOT_SURNAME}])[\u4e00-\u9fff](?:{_TITLES})", words) is not None


async def pass_on(
    session: AsyncSession, *, user: User, praise: Praised, words: str, now: datetime
) -> list[Notice]:
    """The praise sent: to the member and the matter's staff (kept in its ledger), or, naming
    nobody of theirs, to the staff of the resident's grid. Committed with its notices when the
    session has an outbox (then nothing is returned to queue); else the notices to queue."""
    said = words.strip()[:WORDS_MAX]
    notices: list[Notice] = []
    if praise.member_id is not None and praise.request_id is not None:
        req = await session.get(Request, praise.request_id)
        order = await session.get(Order, praise.order_id) if praise.order_id else None
        assert req is not None
        note_event(
            session,
            request_id=praise.request_id,
            subject="request",
            subject_id=praise.request_id,
            action=PRAISE_ACTION,
            actor_id=user.id,
            now=now,
            state=req.status,
            note=f"{praise.name}: {said}",
        )
        title: str = OrderTitle(order) if order is not None else req.number
        notices.append(
            Notice(
                chat_id=praise.member_id,
                key="praise-notice-member",
                args={
                    "number": order.number if order else req.number,
                    "title": title,
                    "text": said,
                },
                community_id=req.community_id,
            )
        )
        notices += await staff_notices(
            session,
            user=user,
            req=req,
            key="praise-notice-staff",
            args={"name": praise.name, "text": said},
        )
    else:
        notices += await staff_notices(
            session, user=user, req=None, key="praise-notice-staff", args={"text": said}
        )
    queued = await commit_with(session, notices)
    return [] if queued else notices


async def staff_notices(
    session: AsyncSession, *, user: User, req: Request | None, key: str, args: dict[str, str]
) -> list[Notice]:
    """What a resident said of a matter (a praise, a complaint) for the staff of its grid, with
    查看诉求 (`key`, with the matter's number); of no matter of theirs, for the staff of the
    resident's own grid (`key`-general: who said it and the words, `args["text"]`)."""
    if req is not None and req.id is not None:
        grid = await matter_grid(session, req)
        return [
            Notice(
                chat_id=sid,
                key=key,
                args={"number": req.number, **args},
                kind="staff-request-card",
                ref_id=req.id,
                community_id=req.community_id,
            )
            for sid in await staff_ids(session, community_id=req.community_id, grid_id=grid)
        ]
    if user.community_id is None:
        return []
    return [
        Notice(
            chat_id=sid,
            key=f"{key}-general",
            args={"resident": user.display_name, "text": args["text"]},
            community_id=user.community_id,
        )
        for sid in await staff_ids(session, community_id=user.community_id, grid_id=user.grid_id)
    ]
