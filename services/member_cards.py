"""Staff's review cards of a member sign-up (报到申请), drawn the same in chat and when redrawn,
and kept true.

Every review card is in the outbox under the application's matter
(services.members.review_matter): the copies sent to the community's staff when it is filed,
and the cards 🧾 报到审核 lists (sent by the handler, recorded as sent:
`remember_listed_card`). Once the application is decided, each card sent is redrawn with the
decision — who, when, and a rejection's reason — without 通过/不通过 (`redraw_sent_cards`);
those not sent yet are not sent. A card on its way when it is decided (claimed by the sender,
its message id not known yet) is marked (services.members.review_redraw_matter) and redrawn
once sent (`redraw_once_sent`). Before, the listed cards were never redrawn, and a card on
its way went out with its buttons for good.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo
from typing import Any, Protocol

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import Community, Grid, MemberProfile, MemberStatus, User, shown_name
from models.scheduling import Delivery, DeliveryState
from services import members
from services.delivery import enqueue, sent_on_the_way
from services.when import when_args

Render = Callable[..., str]  # render(key, **args): a text in the reader's language

KIND = "member-review-decided"  # the outbox's kind of a card's redraw


class Texts(Protocol):
    """A translator: text for a key in a language."""

    def get(self, lang: str, key: str, /, **args: Any) -> str:
        """The text, with escaped arguments."""
        ...


def skills_text(render: Render, codes: list[str], custom: str) -> str:
    """The skills chosen, and those typed, as the language lists things."""
    names = [render(f"skill-{c}") for c in codes]
    if custom:
        names.append(custom)
    return render("list-sep").join(names)


def area(render: Render, community: Community | None, grid: Grid | None, *, lang: str) -> str:
    """Where the member will serve, as a `lang` reader sees the names: the community and the
    grid chosen (or any grid)."""
    if community is None:
        return "-"
    where = shown_name(grid, lang) if grid is not None else render("member-any-grid")
    return f"{shown_name(community, lang)} · {where}"


async def grid_of(session: AsyncSession, grid_id: int | None) -> Grid | None:
    """The grid chosen, if there is one."""
    return await session.get(Grid, grid_id) if grid_id is not None else None


def review_card_text(
    render: Render,
    profile: MemberProfile,
    community: Community | None,
    grid: Grid | None,
    *,
    lang: str,
) -> str:
    """The application as a review card shows it to a `lang` reader (what was wrong last time,
    if filed again)."""
    earlier = members.earlier_rejection(profile)
    again = render("member-review-again", reason=earlier) + "\n" if earlier else ""
    return again + render(
        "member-review-card",
        name=profile.real_name,
        unit=profile.work_unit,
        phone=profile.phone,
        skills=skills_text(render, profile.skill_list, profile.custom_skills),
        community=area(render, community, grid, lang=lang),
    )


async def decided_card_text(
    session: AsyncSession,
    render: Render,
    profile: MemberProfile,
    *,
    lang: str,
    zone: tzinfo,
    now: datetime,
) -> str:
    """A review card once decided: the application as it read, then the outcome, who decided
    and when (and a rejection's reason), so the card no longer reads as waiting."""
    community = await session.get(Community, profile.community_id)
    grid = await grid_of(session, profile.grid_id)
    reviewer = await session.get(User, profile.reviewed_by) if profile.reviewed_by else None
    when = (
        render("date-time", **when_args(profile.reviewed_at, zone=zone, now=now))
        if profile.reviewed_at is not None
        else "-"
    )
    by = reviewer.display_name if reviewer is not None else "-"
    if profile.status == MemberStatus.REJECTED:
        said = render(
            "member-review-decided-rejected", by=by, time=when, reason=profile.reject_reason or "-"
        )
    else:
        said = render("member-review-decided-approved", by=by, time=when)
    return review_card_text(render, profile, community, grid, lang=lang) + "\n\n" + said


async def _queue_redraw(
    session: AsyncSession,
    row: Delivery,
    *,
    profile: MemberProfile,
    texts: Texts,
    default_language: str,
    zone: tzinfo,
    now: datetime,
) -> None:
    """The card `row` sent is redrawn with the decision, in its reader's language (an edit:
    wakes nobody, not held at night)."""
    staff = await session.get(User, row.chat_id)
    lang = (staff.language if staff is not None else None) or default_language

    def render(key: str, /, **args: Any) -> str:
        return texts.get(lang, key, **args)

    await enqueue(
        session,
        chat_id=row.chat_id,
        text=await decided_card_text(session, render, profile, lang=lang, zone=zone, now=now),
        kind=KIND,
        urgent=True,
        community_id=profile.community_id,
        now=now,
        edit_message_id=row.message_id_list[-1],
    )


async def redraw_sent_cards(
    session: AsyncSession,
    *,
    profile: MemberProfile,
    texts: Texts,
    default_language: str,
    zone: tzinfo,
    now: datetime,
    but: tuple[int, int] | None = None,
) -> int:
    """Every review card of the decided application that went out (the copies of the notice
    and the cards 🧾 报到审核 listed) reads the decision, without 通过/不通过; `but` (chat,
    message) is the card the decider's handler redraws itself. Edits queued in the caller's
    transaction; returns how many."""
    rows = await members.sent_review_cards(session, member_id=profile.user_id)
    queued = 0
    for row in rows:
        if but == (row.chat_id, row.message_id_list[-1]):
            continue
        await _queue_redraw(
            session,
            row,
            profile=profile,
            texts=texts,
            default_language=default_language,
            zone=zone,
            now=now,
        )
        queued += 1
    return queued


async def remember_listed_card(
    session: AsyncSession,
    *,
    member_id: int,
    chat_id: int,
    message_id: int,
    text: str,
    now: datetime,
) -> MemberProfile | None:
    """A review card 🧾 报到审核 listed (sent by the handler, for the reply to come at once,
    not at the outbox's pace of one a second) is recorded in the outbox as sent, under the
    application's matter, as the notice's copies are: the decision redraws it
    (`redraw_sent_cards`). Decided meanwhile — before this look, which waits for a decision
    being committed (the profile's row lock; SQLite's writers take turns) — it is recorded as
    redrawn already and the profile is returned, for the caller to redraw it now. Commits."""
    profile = (
        await session.exec(
            select(MemberProfile)
            .where(col(MemberProfile.user_id) == member_id)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
    ).first()
    decided = profile is None or profile.status != MemberStatus.PENDING
    session.add(
        Delivery(
            chat_id=chat_id,
            kind="member-review-card",
            text=text,
            urgent=True,
            community_id=profile.community_id if profile is not None else None,
            matter=(members.reviewed_matter if decided else members.review_matter)(member_id),
            state=DeliveryState.SENT,
            message_ids=str(message_id),
            not_before=now,
            sent_at=now,
            created_at=now,
        )
    )
    await session.commit()
    return profile if decided else None


async def redraw_once_sent(
    session: AsyncSession,
    *,
    delivery_id: int,
    texts: Texts,
    default_language: str,
    zone: tzinfo,
    now: datetime,
) -> int:
    """A review card that was on its way when the application was decided (marked by
    services.members.review) has gone: it is redrawn with the decision, without its buttons,
    and tagged as the other cards of the decision (`reviewed_matter`), committed. One of an
    application filed again since keeps its words and loses its buttons (they would be
    refused as out of date). Returns how many redraws were queued."""
    found = await sent_on_the_way(
        session, delivery_id=delivery_id, marked=members.review_to_redraw
    )
    if found is None:
        return 0
    row, member_id = found
    row.matter = members.reviewed_matter(member_id)
    session.add(row)
    profile = await session.get(MemberProfile, member_id)
    ids = row.message_id_list
    if not ids:
        await session.commit()
        return 0
    if profile is None or profile.status == MemberStatus.PENDING:
        await enqueue(
            session,
            chat_id=row.chat_id,
            text=row.text,
            kind=KIND,
            urgent=True,
            community_id=row.community_id,
            now=now,
            edit_message_id=ids[-1],
        )
    else:
        await _queue_redraw(
            session,
            row,
            profile=profile,
            texts=texts,
            default_language=default_language,
            zone=zone,
            now=now,
        )
    await session.commit()
    return 1


MOVE_KIND = "member-move-settled"  # the outbox's kind of a change-of-community card's redraw


async def redraw_withdrawn_move(
    session: AsyncSession,
    *,
    profile: MemberProfile,
    texts: Texts,
    default_language: str,
    zone: tzinfo,
    now: datetime,
) -> int:
    """Every staff card of a change of community the member withdrew that went out reads, under
    what it said, that the member withdrew it and when, without 同意转入 / 不同意 (an edit, in
    its reader's language). Queued in the caller's transaction; returns how many."""
    rows = await members.sent_move_cards(
        session, member_id=profile.user_id, asked_at=profile.move_asked_at
    )
    for row in rows:
        staff = await session.get(User, row.chat_id)
        lang = (staff.language if staff is not None else None) or default_language
        at = profile.move_decided_at or now
        when = texts.get(lang, "date-time", **when_args(at, zone=zone, now=now))
        said = texts.get(
            lang, "member-move-decided-by", state="withdrawn", by=profile.real_name, time=when
        )
        await enqueue(
            session,
            chat_id=row.chat_id,
            text=f"{row.text}\n\n{said}",
            kind=MOVE_KIND,
            urgent=True,
            community_id=row.community_id,
            now=now,
            edit_message_id=row.message_id_list[-1],
        )
    return len(rows)
