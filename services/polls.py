"""Polls (投票) with real voting rules: eligibility, households, quorum, threshold, proxy votes.

The bot keeps the votes itself (Telegram's native polls cannot stay open for days with
eligibility rules). A poll is created as a draft, published (open), and closed on time by the
scheduler (`close_poll`), which stores a snapshot of the outcome and announces it.

Anonymous polls still remember who voted (to allow one vote each and vote changes), never show
it: results and exports carry counts only, and vote audit rows carry no choice.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo
from fractions import Fraction
from typing import Any

from sqlalchemy import and_, delete, or_, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import AuditEvent, Building, Community, MemberProfile, Role, User
from models.consultations import (
    AudienceKind,
    Eligibility,
    Poll,
    PollOption,
    PollStatus,
    QuorumBasis,
    Vote,
)
from models.scheduling import Delivery, DeliveryState
from services import audit, delivery, live_cards, topics
from services.consult_common import (
    DEFAULT_ZONE,
    Audience,
    LocalTime,
    Notifier,
    audience_households,
    audience_users,
    ballot_data,
    check_audience,
    in_audience,
    schedule,
    unschedule,
)
from services.errors import Conflict, DomainError, InvalidInput, NotFound, PermissionDenied
from services.listing import Listing
from services.live_cards import StaffCard
from services.order_common import mask
from services.triage.text import to_simplified
from services.users import can_act_in, require_scope, staff_scopes
from services.validation import clean_text, short_label, strip_list_marker, whole_number

log = logging.getLogger(__name__)

MIN_OPTIONS = 2
MAX_OPTIONS = 12
QUESTION_MAX = 300
OPTION_MAX = 60
MAX_POLL_DAYS = 60
CLOSING_SOON = timedelta(hours=24)
JOB_CLOSE = "poll.close"
JOB_CLOSING_SOON = "poll.closing_soon"


def _cn_number(said: str) -> int | None:
    """A number written in digits or in Chinese numerals (六十六, 七十, 十五, 一百), else None."""
    return int(said) if said.isdigit() else whole_number(said)


@dataclass(frozen=True)
class Share:
    """A bar a poll's quorum or threshold sets: a share, met at it (达到 2/3, 半数以上) or only
    above it (过半, 超过 2/3: more than, never exactly, as the law reads 超过)."""

    value: Fraction
    strict: bool = False

    def stored(self) -> tuple[int, int]:
        """The two integer columns it is kept in: a strict bar's numerator is negative."""
        sign = -1 if self.strict else 1
        return sign * self.value.numerator, self.value.denominator

    def met(self, part: int, whole: int) -> bool:
        """part of whole reaches the bar (is above it, for a strict one)."""
        if self.strict:
            return part * self.value.denominator > self.value.numerator * whole
        return part * self.value.denominator >= self.value.numerator * whole

    def least(self, whole: int) -> int:
        """The least whole number of whole that meets the bar (at least 1)."""
        num, den = self.value.numerator, self.value.denominator
        if self.strict:
            return max(num * whole // den + 1, 1)
        return max(-(-num * whole // den), 1)


def stored_share(num: int | None, den: int | None) -> Share | None:
    """The bar kept in a poll's two columns (None when it has none); a negative numerator marks
    a strict one (过半), so no column was added for it."""
    if not num or not den:
        return None
    return Share(Fraction(abs(num), den), strict=num < 0)


# 超过 / 多于 / 高于 / 大于 before a share: above it, not at it; 达到 / 至少 / 不少于 / 不低于
# before it, or 以上 after it (以上 includes the number itself), say the share is met at it
_STRICT_BEFORE = r"^(?:超过|多于|高于|大于|morethan|over|above)"
_AT_BEFORE = r"^(?:达到|至少|不少于|不低于|atleast)"
_AT_AFTER = r"(?:及以上|以上|或以上|ormore)$"


def parse_share(text: str | None) -> Share:
    """A share such as 2/3, 75%, 0.75, 三分之二, 百分之六十, 一半 or 半数 (met at it), or
    过半 / 过半数 / 超过一半 / 超过 2/3 (only above it), as a bar in (0, 1]."""
    if text is None or not text.strip():
        raise InvalidInput("poll-err-share")
    # 過半 / 兩分之一 typed in Traditional characters read as 过半 / 两分之一
    raw = to_simplified(text.strip().replace(" ", "").replace("％", "%").replace("／", "/"))
    raw = raw.lower()
    strict = re.search(_STRICT_BEFORE, raw) is not None
    raw = re.sub(f"{_STRICT_BEFORE}|{_AT_BEFORE}|{_AT_AFTER}", "", raw)
    try:
        if raw in ("过半", "过半数", "majority"):
            value, strict = Fraction(1, 2), True
        elif raw in ("一半", "半数", "half"):
            value = Fraction(1, 2)
        elif m := re.fullmatch(r"百分之(\d{1,3}|[一二两三四五六七八九十]{1,3}|一百)", raw):
            percent = _cn_number(m.group(1))
            if percent is None:
                raise InvalidInput("poll-err-share")
            value = Fraction(percent, 100)
        elif m := re.fullmatch(r"(\d{1,3})/(\d{1,3})", raw):
            value = Fraction(int(m.group(1)), int(m.group(2)))
        elif m := re.fullmatch(r"(\d{1,3}(?:\.\d{1,2})?)%", raw):
            value = Fraction(m.group(1)) / 100
        elif m := re.fullmatch(r"0?\.\d{1,4}|1(?:\.0+)?", raw):
            value = Fraction(raw)
        elif m := re.fullmatch(r"([一二两三四五六七八九十])分之([一二两三四五六七八九十])", raw):
            value = Fraction(whole_number(m.group(2)) or 0, whole_number(m.group(1)) or 0)
        else:
            raise InvalidInput("poll-err-share")
    except ZeroDivisionError:
        raise InvalidInput("poll-err-share") from None
    # above all of them is nobody: 超过 100% is no bar a vote can meet
    if not 0 < value <= 1 or (strict and value == 1):
        raise InvalidInput("poll-err-share")
    return Share(value, strict=strict)


def share_text(num: int | None, den: int | None) -> str:
    """A stored share as people write it: 2/3, or 75% when it is a whole percent; a strict bar
    (过半) with > before it."""
    share = stored_share(num, den)
    if share is None:
        return "-"
    value = share.value
    pct = value * 100
    plain = f"{value.numerator}/{value.denominator}"
    if pct.denominator == 1:
        plain = f"{pct.numerator}%"
    return f">{plain}" if share.strict else plain


def _as_share(bar: Share | Fraction | None) -> Share | None:
    """A draft's bar: a Share, or a plain fraction (met at it)."""
    if bar is None or isinstance(bar, Share):
        return bar
    return Share(bar)


@dataclass
class PollDraft:
    """What staff fill in when creating a poll."""

    community_id: int
    question: str
    options: list[str]
    closes_at: datetime
    opens_at: datetime | None = None
    multiple: bool = False
    max_choices: int = 1
    audience_kind: AudienceKind = AudienceKind.COMMUNITY
    audience_ids: tuple[int, ...] = ()
    eligibility: Eligibility = Eligibility.REGISTERED
    per_household: bool = False
    anonymous: bool = True
    live_results: bool = False
    allow_change: bool = True
    quorum: Share | Fraction | None = None  # a Fraction is met at it
    quorum_basis: QuorumBasis = QuorumBasis.VOTERS
    threshold: Share | Fraction | None = None
    meeting_id: int | None = None


@dataclass
class OptionResult:
    """One option's count and share of the ballots."""

    option_id: int
    text: str
    votes: int
    share: float


@dataclass
class PollResult:
    """The tally of a poll: counts, turnout, and whether quorum and threshold were met."""

    poll: Poll
    options: list[OptionResult]
    ballots: int
    proxy_ballots: int
    eligible: int
    basis: QuorumBasis
    turnout: float
    quorum_met: bool | None
    threshold_met: bool | None
    passed: bool | None
    winner: OptionResult | None
    final: bool = False
    names: dict[int, list[str]] = field(default_factory=dict)
    # with a quorum: the ballots it takes (2/3 of 30 households: 20), in the basis' unit
    quorum_needed: int | None = None
    # who took part in the basis' unit: ballots, or the households they came from when a
    # poll of one vote each is measured in households (two voters of one flat: one household)
    participants: int | None = None
    chart: bytes | None = None  # the bar chart announced with it (set by announce_result)


# between options typed on one line: '同意，不同意，弃权' / '同意、不同意' / 'Yes, No, Abstain'
_OPTION_SEPARATORS = re.compile(r"\s*[，,、；;｜|]\s*")


def split_options(text: str | None) -> list[str]:
    """The options as typed: one a line; all on one line, split where a comma, 顿号 or
    semicolon parts them (a single line is never one option of a poll, which needs two)."""
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    if len(lines) == 1:
        lines = [part for part in _OPTION_SEPARATORS.split(lines[0]) if part]
    return lines


def clean_options(options: Sequence[str]) -> list[str]:
    """The options as stored: 2 to 12 distinct short one-line labels (no emoji: the result
    chart cannot draw them); a refusal names the option to change."""
    if not MIN_OPTIONS <= len(options) <= MAX_OPTIONS:
        raise InvalidInput("poll-err-option-count", low=MIN_OPTIONS, high=MAX_OPTIONS)
    cleaned = []
    for option in options:
        try:
            # "1. 同意" is numbered again in the preview; "1号楼" keeps its number
            cleaned.append(short_label(strip_list_marker(option), max_len=OPTION_MAX))
        except InvalidInput as exc:
            long = exc.key == "err-text-too-long"
            key = "poll-err-option-long" if long else "poll-err-option-bad"
            raise InvalidInput(key, option=option.strip(), limit=OPTION_MAX) from None
    if len({o.casefold() for o in cleaned}) != len(cleaned):
        raise InvalidInput("poll-err-option-duplicate")
    return cleaned


def check_closes_at(
    closes_at: datetime, *, now: datetime, opens_at: datetime | None = None
) -> datetime:
    """A closing time: in the future, after the poll opens, and at most MAX_POLL_DAYS ahead
    (checked where it is typed, so the form does not refuse it only at its last step)."""
    if closes_at <= now:
        raise InvalidInput("poll-err-close-past")
    if closes_at <= (opens_at or now):
        raise InvalidInput("poll-err-close-before-open")
    if closes_at - now > timedelta(days=MAX_POLL_DAYS):
        raise InvalidInput("poll-err-too-long", days=MAX_POLL_DAYS)
    return closes_at


def _check_rules(draft: PollDraft, *, now: datetime) -> tuple[str, list[str], datetime]:
    question = clean_text(draft.question, max_len=QUESTION_MAX)
    options = clean_options(draft.options)
    opens_at = draft.opens_at or now
    check_closes_at(draft.closes_at, now=now, opens_at=opens_at)
    if draft.multiple and not 1 <= draft.max_choices <= len(options):
        raise InvalidInput("poll-err-max-choices", high=len(options))
    if draft.audience_kind == AudienceKind.MEMBERS and draft.per_household:
        raise InvalidInput("poll-err-household-members")
    return question, options, opens_at


async def create_poll(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    draft: PollDraft,
    now: datetime,
) -> Poll:
    """Check the rules and save the poll as a draft with its options (nothing is announced)."""
    await require_scope(
        session, user=user, roles=roles, community_id=draft.community_id, action="poll-create"
    )
    question, options, opens_at = _check_rules(draft, now=now)
    eligibility = draft.eligibility
    if draft.audience_kind == AudienceKind.MEMBERS:
        eligibility = Eligibility.REGISTERED  # approval is the members' eligibility
    audience = await check_audience(
        session,
        audience=Audience(
            community_id=draft.community_id, kind=draft.audience_kind, ids=draft.audience_ids
        ),
    )
    quorum = share.stored() if (share := _as_share(draft.quorum)) else None
    threshold = share.stored() if (share := _as_share(draft.threshold)) else None
    poll = Poll(
        community_id=draft.community_id,
        meeting_id=draft.meeting_id,
        question=question,
        multiple=draft.multiple,
        max_choices=draft.max_choices if draft.multiple else 1,
        audience_kind=audience.kind,
        audience_ids=audience.ids_text,
        eligibility=eligibility,
        per_household=draft.per_household,
        opens_at=opens_at,
        closes_at=draft.closes_at,
        anonymous=draft.anonymous,
        live_results=draft.live_results,
        allow_change=draft.allow_change,
        quorum_num=quorum[0] if quorum else None,
        quorum_den=quorum[1] if quorum else None,
        # one vote per household: the quorum is of households, whatever the draft said
        quorum_basis=QuorumBasis.HOUSEHOLDS if draft.per_household else draft.quorum_basis,
        threshold_num=threshold[0] if threshold else None,
        threshold_den=threshold[1] if threshold else None,
        created_by=user.id,
        created_at=now,
    )
    session.add(poll)
    await session.flush()
    assert poll.id is not None
    for position, text in enumerate(options):
        session.add(PollOption(poll_id=poll.id, position=position, text=text))
    audit.record(
        session,
        actor_id=user.id,
        action="poll-create",
        subject_type="poll",
        subject_id=poll.id,
        detail=question[:200],
    )
    await session.commit()
    return poll


@dataclass
class PollEdit:
    """What staff change in a draft before publishing it; None means unchanged."""

    question: str | None = None
    options: list[str] | None = None
    closes_at: datetime | None = None


async def edit_draft(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    poll_id: int,
    edit: PollEdit,
    now: datetime,
    notifier: Notifier,
    tapped: tuple[int, int] | None = None,
) -> Poll:
    """Change a draft's question, options or closing time, checked as when it was created
    (nobody has been told of it yet). A poll published or withdrawn meanwhile is refused
    (Conflict); a multiple choice keeps its maximum within the options left. The draft's
    staff cards on screens read the change (but `tapped`, the card it was made from, which
    the handler redraws: see `redraw_cards`); before, a colleague's card and the editor's
    own other copy went on reading the old question or closing time."""
    poll = await get_poll(session, poll_id=poll_id)
    await _require_staff(session, user=user, roles=roles, poll=poll, action="poll-edit")
    check_draft(poll)
    values: dict[str, Any] = {}
    changed: list[str] = []
    if edit.question is not None:
        question = clean_text(edit.question, max_len=QUESTION_MAX)
        if question != poll.question:
            values["question"] = question
            changed.append("question")
    options: list[str] | None = None
    if edit.options is not None:
        options = clean_options(edit.options)
        if options != [o.text for o in await poll_options(session, poll_id=poll_id)]:
            changed.append("options")
            if poll.multiple and poll.max_choices > len(options):
                values["max_choices"] = len(options)
        else:
            options = None
    if edit.closes_at is not None:
        closes_at = check_closes_at(edit.closes_at, now=now, opens_at=poll.opens_at)
        if closes_at != poll.closes_at:
            values["closes_at"] = closes_at
            changed.append("closes_at")
    if not changed:
        raise InvalidInput("poll-err-no-change")
    # only while still a draft: a publish that came first keeps the poll as it was announced
    result = await session.exec(
        update(Poll)
        .where(col(Poll.id) == poll_id, col(Poll.status) == PollStatus.DRAFT)
        .values(question=values.pop("question", poll.question), **values)
    )
    if result.rowcount != 1:  # published or withdrawn since it was read
        check_draft(await get_poll(session, poll_id=poll_id))
        raise Conflict("poll-err-edit-published")
    if options is not None:
        await session.exec(delete(PollOption).where(col(PollOption.poll_id) == poll_id))
        for position, text in enumerate(options):
            session.add(PollOption(poll_id=poll_id, position=position, text=text))
    audit.record(
        session,
        actor_id=user.id,
        action="poll-edit",
        subject_type="poll",
        subject_id=poll_id,
        detail=",".join(changed),
    )
    await session.flush()
    await session.refresh(poll)  # as changed above, for its cards
    await redraw_cards(session, poll=poll, notifier=notifier, but=tapped)
    await session.commit()
    return await get_poll(session, poll_id=poll_id)


async def change_draft_audience(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    poll_id: int,
    audience: Audience,
    now: datetime,
    notifier: Notifier,
) -> Poll:
    """A draft sent to other people (its preview warned that nobody would be told): checked as
    at creation; members vote as members (no address, verification or household rule, as the
    form asks them). A poll published or withdrawn meanwhile is refused (Conflict)."""
    poll = await get_poll(session, poll_id=poll_id)
    await _require_staff(session, user=user, roles=roles, poll=poll, action="poll-edit")
    check_draft(poll)
    chosen = await check_audience(
        session,
        audience=Audience(community_id=poll.community_id, kind=audience.kind, ids=audience.ids),
    )
    values: dict[str, Any] = {"audience_kind": chosen.kind, "audience_ids": chosen.ids_text}
    if chosen.kind == AudienceKind.MEMBERS:
        values.update(eligibility=Eligibility.REGISTERED, per_household=False)
        if poll.quorum_basis == QuorumBasis.HOUSEHOLDS:  # members have no households
            values.update(quorum_basis=QuorumBasis.VOTERS)
    result = await session.exec(
        update(Poll)
        .where(col(Poll.id) == poll_id, col(Poll.status) == PollStatus.DRAFT)
        .values(**values)
    )
    if result.rowcount != 1:  # published or withdrawn since it was read
        check_draft(await get_poll(session, poll_id=poll_id))
        raise Conflict("poll-err-edit-published")
    audit.record(
        session,
        actor_id=user.id,
        action="poll-edit",
        subject_type="poll",
        subject_id=poll_id,
        detail="audience",
    )
    await session.flush()
    await session.refresh(poll)
    await redraw_cards(session, poll=poll, notifier=notifier)
    await session.commit()
    return await get_poll(session, poll_id=poll_id)


def check_draft(poll: Poll) -> None:
    """Refused unless the poll is still a draft: once announced its audience saw it so, and a
    withdrawn one is over."""
    if poll.status == PollStatus.CANCELLED:
        raise Conflict("poll-err-edit-cancelled")
    if poll.status != PollStatus.DRAFT:
        raise Conflict("poll-err-edit-published")


async def get_poll(session: AsyncSession, *, poll_id: int) -> Poll:
    """The poll, or NotFound."""
    stmt = select(Poll).where(Poll.id == poll_id).execution_options(populate_existing=True)
    poll = (await session.exec(stmt)).first()
    if poll is None:
        raise NotFound("poll-err-not-found")
    return poll


async def poll_options(session: AsyncSession, *, poll_id: int) -> list[PollOption]:
    """The options in their order."""
    stmt = (
        select(PollOption).where(PollOption.poll_id == poll_id).order_by(col(PollOption.position))
    )
    return list((await session.exec(stmt)).all())


def poll_audience(poll: Poll) -> Audience:
    """The stored audience of a poll."""
    return Audience.stored(
        community_id=poll.community_id, kind=poll.audience_kind, ids=poll.audience_ids
    )


async def _require_staff(
    session: AsyncSession, *, user: User, roles: Collection[Role], poll: Poll, action: str
) -> None:
    await require_scope(
        session, user=user, roles=roles, community_id=poll.community_id, action=action
    )


async def publish_poll(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    poll_id: int,
    now: datetime,
    notifier: Notifier,
    tapped: tuple[int, int] | None = None,
) -> Poll:
    """Open the poll: announce it to the audience and schedule the reminder and the close;
    the draft's staff cards on screens read 进行中 (but `tapped`: see `redraw_cards`)."""
    poll = await get_poll(session, poll_id=poll_id)
    await _require_staff(session, user=user, roles=roles, poll=poll, action="poll-publish")
    if poll.closes_at <= now:
        raise InvalidInput("poll-err-close-past")
    result = await session.exec(
        update(Poll)
        .where(col(Poll.id) == poll_id, col(Poll.status) == PollStatus.DRAFT)
        .values(status=PollStatus.OPEN, published_at=now)
    )
    if result.rowcount != 1:
        raise Conflict("poll-err-not-draft")
    await session.refresh(poll)
    audit.record(
        session, actor_id=user.id, action="poll-publish", subject_type="poll", subject_id=poll_id
    )
    await _announce(session, poll=poll, notifier=notifier)
    await schedule(
        session,
        kind=JOB_CLOSE,
        due_at=poll.closes_at,
        payload={"poll_id": poll_id},
        key=f"poll:{poll_id}:close",
    )
    soon = poll.closes_at - CLOSING_SOON
    if soon > max(now, poll.opens_at) + timedelta(hours=1):
        await schedule(
            session,
            kind=JOB_CLOSING_SOON,
            due_at=soon,
            payload={"poll_id": poll_id},
            key=f"poll:{poll_id}:soon",
        )
    await redraw_cards(session, poll=poll, notifier=notifier, but=tapped)
    await session.commit()
    return poll


def rules_args(poll: Poll, notifier: Notifier) -> dict[str, object]:
    """Placeables describing a poll's rules for announcement and ballot texts."""
    return {
        "question": poll.question,
        "closes": notifier.local(poll.closes_at),
        "opens": notifier.local(poll.opens_at),
        "max": poll.max_choices,
        "quorum": share_text(poll.quorum_num, poll.quorum_den),
        "threshold": share_text(poll.threshold_num, poll.threshold_den),
    }


async def _announce(session: AsyncSession, *, poll: Poll, notifier: Notifier) -> None:
    users = await audience_users(session, audience=poll_audience(poll))
    assert poll.id is not None
    await notifier.send(
        session,
        users=users,
        key="poll-announce",
        args=rules_args(poll, notifier),
        buttons=[[("poll-btn-vote", ballot_data(poll.id))]],
        kind="poll",
        community_id=poll.community_id,
        dedupe=f"poll:{poll.id}:announce",
        matter=open_matter(poll.id),
    )
    # and, for the whole community, a public notice in its group (services.public_notices)
    from services.public_notices import announce_poll

    await announce_poll(session, poll=poll, notifier=notifier)


@dataclass(frozen=True)
class Reach:
    """Where a poll's announcements stand: sent (or going now), held for quiet hours (going at
    `waiting_until`), dropped unsent (the person's vote, or their household's, came first; or
    the poll ended), and not delivered (blocked the bot, failed)."""

    told: int
    waiting: int
    waiting_until: datetime | None
    dropped: int
    undelivered: int


async def announcement_reach(session: AsyncSession, *, poll: Poll) -> Reach:
    """How many of the audience the poll's announcement reached, as its deliveries stand now:
    one held for the morning and dropped before it went is not counted as told."""
    stmt = select(Delivery.state, Delivery.held_from, Delivery.not_before).where(
        col(Delivery.matter) == open_matter(poll.id or 0),  # indexed: the poll's asks
        col(Delivery.dedupe_key).startswith(f"poll:{poll.id}:announce:"),
    )
    told = waiting = dropped = undelivered = 0
    until: datetime | None = None
    for state, held_from, not_before in (await session.exec(stmt)).all():
        if state == DeliveryState.CANCELLED:
            dropped += 1
        elif state in (DeliveryState.BLOCKED, DeliveryState.FAILED):
            undelivered += 1
        elif state != DeliveryState.SENT and held_from is not None:  # held for the morning
            waiting += 1
            until = not_before if until is None else min(until, not_before)
        else:  # sent, or going now
            told += 1
    return Reach(told, waiting, until, dropped, undelivered)


def reach_args(reach: Reach, poll: Poll, *, zone: tzinfo) -> dict[str, object]:
    """poll-card-reach's placeables: '📨 投票通知：已发给 40 人，另有 3 人的通知等到 07:00 发出；
    2 人的通知没有发出（发出前本人或家人已投票）'."""
    when = reach.waiting_until
    return {
        "told": reach.told,
        "waiting": reach.waiting,
        "when": "" if when is None else LocalTime(when, zone=zone, now=poll.opens_at),
        "dropped": reach.dropped,
        "undelivered": reach.undelivered,
        "open": "true" if poll.status == PollStatus.OPEN else "false",
    }


CARD_KIND = "poll-staff-card"  # the outbox's kind of a staff card (remembered, redrawn)


def card_matter(poll_id: int) -> str:
    """The key of the poll's staff cards on screens (recorded by `remember_card`), which
    `redraw_cards` keeps true as the poll changes and its announcement goes out."""
    return f"poll:{poll_id}:card"


def card_of(matter: str) -> int | None:
    """The poll whose staff cards `matter` (`card_matter`) names (or None)."""
    head, _, rest = matter.partition(":")
    number, _, tail = rest.partition(":")
    return int(number) if head == "poll" and tail == "card" and number.isdigit() else None


def asked_in(matter: str) -> int | None:
    """The poll a notice asking people to vote (`open_matter`) is about (or None)."""
    head, _, rest = matter.partition(":")
    number, _, tail = rest.partition(":")
    return int(number) if head == "poll" and tail == "open" and number.isdigit() else None


async def blocked_announcements(session: AsyncSession, *, chat_id: int) -> set[int]:
    """The open polls whose announcement to this chat is marked blocked (the chat blocked the
    bot, and what waited for it was marked so): their staff cards count it undelivered."""
    stmt = (
        select(Delivery.matter)
        .where(
            col(Delivery.chat_id) == chat_id,
            col(Delivery.state) == DeliveryState.BLOCKED,
            col(Delivery.matter).like("poll:%:open"),
        )
        .distinct()
    )
    asked = {asked_in(m or "") for m in (await session.exec(stmt)).all()} - {None}
    if not asked:
        return set()
    still_open = select(Poll.id).where(
        col(Poll.id).in_(asked), col(Poll.status) == PollStatus.OPEN
    )
    return {int(pid) for pid in (await session.exec(still_open)).all() if pid is not None}


async def remember_card(
    session: AsyncSession,
    *,
    poll_id: int,
    chat_id: int,
    message_id: int,
    text: str,
    reply_markup: dict[str, Any] | None,
    now: datetime | None = None,
) -> bool:
    """A staff card of the poll as the handler drew it is remembered (services.live_cards),
    so that `redraw_cards` redraws it when the poll ends, its draft is changed, or its
    announcement goes out at 07:00 or is dropped unsent. Commits. Returns whether the message
    may read otherwise on the screen (False: an edit would be refused as 'not modified')."""
    return await live_cards.remember(
        session,
        matter=card_matter(poll_id),
        kind=CARD_KIND,
        chat_id=chat_id,
        message_id=message_id,
        text=text,
        reply_markup=reply_markup,
        now=now,
    )


def card_data(action: str, poll_id: int) -> str:
    """A staff card's button: handlers' PollCb(action=…, id=poll_id).pack()."""
    return f"cpl:{action}:{poll_id}:0"


def turnout_args(result: PollResult) -> dict[str, object]:
    """poll-turnout's placeables: who took part against the eligible and, with a quorum,
    against it in the poll's unit (quorum_met 'none' without one)."""
    poll, needed = result.poll, result.quorum_needed or 0
    return {
        "participants": result.participants or 0,
        "eligible": result.eligible,
        "basis": result.basis.value,
        "turnout": f"{result.turnout:.0%}",
        "quorum": share_text(poll.quorum_num, poll.quorum_den),
        "quorum_met": "none" if result.quorum_met is None else str(result.quorum_met).lower(),
        "needed": needed,
        "missing": max(needed - (result.participants or 0), 0),
    }


def _card_rows(poll: Poll, say: Callable[[str], str]) -> list[list[tuple[str, str]]]:
    """The staff tools the poll's status allows."""
    pid = poll.id or 0

    def tool(key: str, action: str) -> tuple[str, str]:
        return say(key), card_data(action, pid)

    rows: list[list[tuple[str, str]]] = []
    if poll.status == PollStatus.DRAFT:
        rows.append([tool("poll-btn-publish", "publish"), tool("poll-btn-edit", "edit")])
        rows.append([tool("poll-btn-cancel", "cancel")])
    elif poll.status == PollStatus.OPEN:
        rows.append([tool("poll-btn-proxy", "proxy"), tool("poll-btn-results", "results")])
        rows.append([tool("poll-btn-close-now", "close"), tool("poll-btn-cancel", "cancel")])
    else:
        rows.append([tool("poll-btn-results", "results")])
    rows.append([tool("poll-btn-export", "export")])
    return rows


async def staff_card(
    session: AsyncSession, *, poll: Poll, lang: str, notifier: Notifier
) -> StaffCard:
    """The poll's card for staff in `lang`, with the tools its status allows; while it is
    open, with a quorum, turnout against it as the live results give it; once ended, the
    final count with the outcome and whether the quorum was met; once published, whom its
    announcement reached (told, held for the morning, dropped). The one drawing of it: the
    handler shows it, `redraw_cards` keeps the copies on screens true."""

    def say(key: str, **args: Any) -> str:
        return notifier.text(lang, key, **args)

    result = await tally(session, poll=poll)
    # ended early (立即结束): when it did, not when it was to
    ended = poll.closed_at if poll.status == PollStatus.CLOSED and poll.closed_at else None
    closes = LocalTime(ended or poll.closes_at, zone=notifier.zone, now=poll.opens_at)
    turnout = turnout_args(result)
    verdict, end, outcome = "none", "none", "none"
    if poll.status in (PollStatus.CLOSED, PollStatus.CANCELLED):
        # '共 12 票（已结束）· 最多：修路灯', not '已投 12 票' as while it takes ballots
        end = str(poll.status)
    if poll.status == PollStatus.CLOSED:
        # its kind: the text (poll-card-outcome) names the option, escaped once
        outcome = outcome_of(poll)
    if poll.status != PollStatus.OPEN:
        # ended: the verdict on the quorum, with its figures (a withdrawn poll has none)
        if poll.status == PollStatus.CLOSED and turnout["quorum_met"] != "none":
            verdict = str(turnout["quorum_met"])
        turnout["quorum_met"] = "none"
    text = say(
        "poll-staff-card",
        question=poll.question,
        status=say(f"poll-status-{poll.status}"),
        closes=closes,
        ballots=result.ballots,
        multiple="true" if poll.multiple else "false",
        max=poll.max_choices,
        verdict=verdict,
        ended=end,
        outcome=outcome,
        winner=result.winner.text if result.winner else "-",
        **turnout,
    )
    if poll.published_at is not None:
        reach = await announcement_reach(session, poll=poll)
        text += "\n" + say("poll-card-reach", **reach_args(reach, poll, zone=notifier.zone))
    return StaffCard(text, _card_rows(poll, say))


async def redraw_cards(
    session: AsyncSession,
    *,
    poll: Poll,
    notifier: Notifier,
    but: tuple[int, int] | None = None,
) -> int:
    """Every staff card of the poll on a screen (`remember_card`) that would now read
    differently is redrawn whole, in its reader's language, with the tools the poll now
    offers: edits queued through the outbox in the caller's transaction
    (services.live_cards.redraw). Called when the poll changes state (published, closed on
    time or by staff, withdrawn), when its draft is changed, and when its announcement goes
    out or is dropped (the 📨 line). `but`: the (chat, message) of the card the actor tapped,
    which the handler redraws at once. Before, a colleague's card (or one's own second copy)
    went on reading 进行中 with 立即结束 after the poll ended, and every card did once the
    close job ended it on time. Returns how many redraws were queued."""
    assert poll.id is not None

    async def draw(lang: str) -> StaffCard:
        return await staff_card(session, poll=poll, lang=lang, notifier=notifier)

    return await live_cards.redraw(
        session,
        matter=card_matter(poll.id),
        kind=CARD_KIND,
        draw=draw,
        default_language=notifier.default_language,
        community_id=poll.community_id,
        now=notifier.now,
        but=but,
        admin_ids=notifier.admin_ids,
    )


async def has_cards(session: AsyncSession, *, poll_id: int) -> bool:
    """Whether a staff card of the poll is on a screen (`remember_card`): if none, there is
    nothing for `redraw_cards` to count its announcements for."""
    return await live_cards.remembered(session, matter=card_matter(poll_id))


async def redraw_cards_of(session: AsyncSession, *, poll_id: int, notifier: Notifier) -> int:
    """`redraw_cards` once one of the poll's announcements went out (the sender's follow-up),
    committed. Returns how many redraws were queued."""
    poll = await session.get(Poll, poll_id)
    if poll is None:
        return 0
    queued = await redraw_cards(session, poll=poll, notifier=notifier)
    await session.commit()
    return queued


def open_matter(poll_id: int) -> str:
    """What the notices asking people to vote are about: the poll while it takes ballots.
    Held by quiet hours and the poll closed or withdrawn meanwhile, they are not sent."""
    return f"poll:{poll_id}:open"


def household_of(user: User) -> str | None:
    """The household a resident belongs to: building + room."""
    if user.building_id is None or not user.room:
        return None
    return f"{user.building_id}:{user.room.strip().casefold()}"


async def check_eligible(session: AsyncSession, *, poll: Poll, voter: User) -> None:
    """Raise the reason this person may not vote in this poll (nothing is changed)."""
    audience = poll_audience(poll)
    if audience.kind != AudienceKind.MEMBERS and not voter.registered:
        raise PermissionDenied("poll-err-need-register")
    if not await in_audience(session, user=voter, audience=audience):
        raise PermissionDenied("poll-err-not-audience")
    if _needs_verified(poll) and voter.verified_at is None:
        raise PermissionDenied("poll-err-not-verified")
    if poll.per_household and household_of(voter) is None:
        raise PermissionDenied("poll-err-need-register")


def _needs_verified(poll: Poll) -> bool:
    """Verified addresses only (never for members polls: approval is what counts there)."""
    return poll.eligibility == Eligibility.VERIFIED and poll.audience_kind != AudienceKind.MEMBERS


def check_open(poll: Poll, *, now: datetime) -> None:
    """Raise why the poll takes no ballot now (closed, cancelled, not open yet)."""
    if poll.status == PollStatus.CLOSED or (
        poll.status == PollStatus.OPEN and now >= poll.closes_at
    ):
        raise Conflict("poll-err-closed")
    if poll.status == PollStatus.CANCELLED:
        raise Conflict("poll-err-cancelled")
    if poll.status != PollStatus.OPEN:
        raise Conflict("poll-err-not-open")
    if now < poll.opens_at:
        raise Conflict("poll-err-not-yet")


async def _check_choice(
    session: AsyncSession, *, poll: Poll, option_ids: Sequence[int]
) -> list[int]:
    valid = {o.id for o in await poll_options(session, poll_id=poll.id or 0)}
    chosen = list(dict.fromkeys(option_ids))
    if not chosen:  # 提交 tapped before any option
        raise InvalidInput("poll-err-none-chosen")
    if len(chosen) != len(option_ids) or any(o not in valid for o in chosen):
        raise InvalidInput("poll-err-bad-option")
    if not poll.multiple and len(chosen) != 1:
        raise InvalidInput("poll-err-one-choice")
    if len(chosen) > poll.max_choices:
        raise InvalidInput("poll-err-too-many", max=poll.max_choices)
    return sorted(chosen)


async def my_vote(session: AsyncSession, *, poll_id: int, user_id: int) -> Vote | None:
    """The person's ballot in the poll, if any."""
    stmt = select(Vote).where(Vote.poll_id == poll_id, Vote.voter_id == user_id)
    return (await session.exec(stmt)).first()


async def household_vote(session: AsyncSession, *, poll: Poll, voter: User) -> Vote | None:
    """In a one-vote-per-household poll, the ballot someone else of the voter's household
    (same building and room) has cast: the household's one vote, which the voter cannot add
    to. None when nobody has, or when it is the voter's own."""
    household = household_of(voter) if poll.per_household else None
    if household is None or poll.id is None:
        return None
    stmt = select(Vote).where(
        Vote.poll_id == poll.id, Vote.household == household, Vote.voter_id != voter.id
    )
    return (await session.exec(stmt)).first()


async def _record_vote(
    session: AsyncSession,
    *,
    poll: Poll,
    voter: User,
    option_ids: Sequence[int],
    now: datetime,
    proxy_by: int | None,
    notifier: Notifier | None = None,
) -> Vote:
    check_open(poll, now=now)
    await check_eligible(session, poll=poll, voter=voter)
    chosen = await _check_choice(session, poll=poll, option_ids=option_ids)
    choice_text = ",".join(str(i) for i in chosen)
    assert poll.id is not None
    detail = "" if poll.anonymous else f"options={choice_text}"
    if proxy_by is not None:
        detail = f"for={voter.id} " + detail
    existing = await my_vote(session, poll_id=poll.id, user_id=voter.id)
    if existing is not None:
        if proxy_by is not None and existing.proxy_by is None:
            # the resident voted on their own meanwhile: their choice stands
            raise Conflict("poll-err-proxy-voted-self", name=voter.display_name)
        if existing.choices == chosen and existing.proxy_by == proxy_by:
            return existing  # the same choice again (a double tap): nothing changes
        if not poll.allow_change:
            raise Conflict("poll-err-already-voted")
        changed = await session.exec(
            update(Vote)
            .where(col(Vote.id) == existing.id, col(Vote.changes) == existing.changes)
            .values(
                option_ids=choice_text,
                changed_at=now,
                changes=existing.changes + 1,
                proxy_by=proxy_by,
            )
        )
        if changed.rowcount != 1:
            raise Conflict("poll-err-try-again")
        action = "poll-proxy-vote-change" if proxy_by else "poll-vote-change"
        audit.record(
            session,
            actor_id=proxy_by or voter.id,
            action=action,
            subject_type="poll",
            subject_id=poll.id,
            detail=detail.strip(),
        )
        if proxy_by is not None and notifier is not None:
            await _tell_proxied(
                session,
                poll=poll,
                resident=voter,
                proxy_by=proxy_by,
                chosen=chosen,
                notifier=notifier,
                nth=existing.changes + 1,
            )
        await session.commit()
        await session.refresh(existing)
        return existing
    household = household_of(voter) if poll.per_household else None
    if household is not None:
        stmt = select(Vote).where(Vote.poll_id == poll.id, Vote.household == household)
        if (await session.exec(stmt)).first() is not None:
            raise Conflict("poll-err-household-voted")
    vote = Vote(
        poll_id=poll.id,
        voter_id=voter.id,
        household=household,
        option_ids=choice_text,
        proxy_by=proxy_by,
        cast_at=now,
    )
    # before the ballot is added: its queries would flush it, and the household's unique
    # constraint must be met at the commit below (a race is a Conflict, not a crash)
    await _drop_held_asks(session, poll=poll, voter=voter, household=household, notifier=notifier)
    try:
        session.add(vote)
        action = "poll-proxy-vote" if proxy_by else "poll-vote"
        audit.record(
            session,
            actor_id=proxy_by or voter.id,
            action=action,
            subject_type="poll",
            subject_id=poll.id,
            detail=detail.strip(),
        )
        if proxy_by is not None and notifier is not None:
            await _tell_proxied(
                session,
                poll=poll,
                resident=voter,
                proxy_by=proxy_by,
                chosen=chosen,
                notifier=notifier,
                nth=0,
            )
        await session.commit()
    except IntegrityError:
        # Two taps (or two people of one household) at the same moment: the constraint decided.
        await session.rollback()
        raise Conflict(
            "poll-err-household-voted" if household else "poll-err-already-voted"
        ) from None
    return vote


async def _drop_held_asks(
    session: AsyncSession,
    *,
    poll: Poll,
    voter: User,
    household: str | None,
    notifier: Notifier | None = None,
) -> None:
    """The voter's vote is in (and, one vote per household, their household's): the notices
    asking them to vote that quiet hours still hold (the announcement, 'closing soon') are not
    sent, in the caller's transaction. Voted at night from 近期议事 or a link, they would get
    '请点下方按钮投票' at 07:00, and so would the rest of the household. With `notifier`, the
    poll's staff cards say so (`redraw_cards`)."""
    chats = {voter.id}
    if household is not None and voter.building_id is not None:
        stmt = select(User).where(User.building_id == voter.building_id)
        chats |= {u.id for u in (await session.exec(stmt)).all() if household_of(u) == household}
    dropped = await delivery.cancel_stale(
        session, matter=open_matter(poll.id or 0), chat_ids=chats
    )
    if dropped and notifier is not None:
        await redraw_cards(session, poll=poll, notifier=notifier)


async def _tell_proxied(
    session: AsyncSession,
    *,
    poll: Poll,
    resident: User,
    proxy_by: int,
    chosen: Sequence[int],
    notifier: Notifier,
    nth: int,
) -> None:
    """The resident a proxy vote was recorded for is told who recorded what (in the caller's
    transaction): a ballot in their name, which they can check, and change where the poll
    allows it. Quiet hours hold it as any poll notice."""
    if resident.forgotten_at is not None:
        return
    staff = await session.get(User, proxy_by)
    names = {o.id: o.text for o in await poll_options(session, poll_id=poll.id or 0)}
    await notifier.send(
        session,
        users=[resident],
        key="poll-proxy-notice",
        args={
            **rules_args(poll, notifier),
            "name": staff.display_name if staff is not None else "",
            "choice": Listing(names.get(i, "?") for i in chosen),
            "change": "true" if poll.allow_change else "false",
        },
        buttons=[[("poll-btn-see-ballot", ballot_data(poll.id or 0))]],
        kind="poll",
        community_id=poll.community_id,
        dedupe=f"poll:{poll.id}:proxy:{nth}",
    )


async def cast_vote(
    session: AsyncSession,
    *,
    user: User,
    poll_id: int,
    option_ids: Sequence[int],
    now: datetime,
    notifier: Notifier | None = None,
) -> Vote:
    """Record (or change, where allowed) the user's own vote; with `notifier`, the poll's
    staff cards count the announcements the vote dropped unsent."""
    poll = await get_poll(session, poll_id=poll_id)
    return await _record_vote(
        session,
        poll=poll,
        voter=user,
        option_ids=option_ids,
        now=now,
        proxy_by=None,
        notifier=notifier,
    )


async def proxy_vote(
    session: AsyncSession,
    *,
    staff: User,
    roles: Collection[Role],
    poll_id: int,
    resident_id: int,
    option_ids: Sequence[int],
    now: datetime,
    notifier: Notifier | None = None,
) -> Vote:
    """A grid worker records the vote of a resident who cannot use the phone (代投, audited);
    with `notifier` the resident is told (in the same commit)."""
    poll = await get_poll(session, poll_id=poll_id)
    resident = await session.get(User, resident_id)
    if resident is None:
        raise NotFound("err-user-not-found")
    await require_scope(
        session,
        user=staff,
        roles=roles,
        community_id=poll.community_id,
        grid_id=resident.grid_id,
        action="poll-proxy-vote",
    )
    if resident.id == staff.id:
        raise InvalidInput("poll-err-proxy-self")
    await check_proxy_eligible(session, poll=poll, resident=resident)
    return await _record_vote(
        session,
        poll=poll,
        voter=resident,
        option_ids=option_ids,
        now=now,
        proxy_by=staff.id,
        notifier=notifier,
    )


_PROXY_REASONS = {
    "poll-err-need-register": "poll-err-proxy-not-audience",
    "poll-err-not-audience": "poll-err-proxy-not-audience",
    "poll-err-not-verified": "poll-err-proxy-not-verified",
}


async def check_proxy_eligible(session: AsyncSession, *, poll: Poll, resident: User) -> None:
    """Raise why this resident cannot vote in the poll, worded for the staff voting for them.

    A proxy vote is for someone who cannot vote themselves: a resident who has voted on their
    own (or whose household has, in a one-vote-per-household poll) is not voted for again, so
    their own choice is never overwritten. A proxy vote already recorded may be corrected.
    """
    try:
        await check_eligible(session, poll=poll, voter=resident)
    except PermissionDenied as exc:
        raise PermissionDenied(_PROXY_REASONS.get(exc.key, exc.key), **exc.args_) from None
    assert poll.id is not None
    own = await my_vote(session, poll_id=poll.id, user_id=resident.id)
    if own is not None:
        if own.proxy_by is None:
            raise Conflict("poll-err-proxy-voted-self", name=resident.display_name)
        return
    household = household_of(resident) if poll.per_household else None
    if household is not None:
        stmt = select(Vote).where(Vote.poll_id == poll.id, Vote.household == household)
        if (await session.exec(stmt)).first() is not None:
            raise Conflict("poll-err-proxy-household-voted", name=resident.display_name)


async def proxy_candidates(
    session: AsyncSession, *, poll: Poll, residents: Sequence[User]
) -> list[User]:
    """Of the residents found at a room, those a proxy vote may be recorded for. When there is
    none (one vote per household and the household has voted; each voted themselves), the
    first one's reason is raised, so staff hear it at the room, not after picking a name."""
    eligible: list[User] = []
    refused: DomainError | None = None
    for resident in residents:
        try:
            await check_proxy_eligible(session, poll=poll, resident=resident)
        except DomainError as exc:
            refused = refused or exc
            continue
        eligible.append(resident)
    if not eligible and refused is not None:
        raise refused
    return eligible


async def proxy_buildings(
    session: AsyncSession,
    *,
    poll: Poll,
    staff: User | None = None,
    roles: Collection[Role] = (),
) -> list[Building]:
    """The buildings whose residents may vote in the poll (for the 代投 building picker); with
    `staff`, only those where they may vote for someone: a grid worker's own grids' (a building
    of another grid would end in a refusal at the vote)."""
    audience = poll_audience(poll)
    if audience.kind == AudienceKind.MEMBERS:
        return []
    stmt = select(Building).where(Building.community_id == poll.community_id)
    if audience.kind == AudienceKind.GRIDS:
        stmt = stmt.where(col(Building.grid_id).in_(audience.ids))
    elif audience.kind == AudienceKind.BUILDINGS:
        stmt = stmt.where(col(Building.id).in_(audience.ids))
    buildings = list((await session.exec(stmt.order_by(col(Building.id)))).all())
    if staff is None or Role.ADMIN in roles:
        return buildings
    scopes = [
        s
        for s in await staff_scopes(session, user_id=staff.id)
        if s.community_id == poll.community_id
    ]
    if any(s.grid_id is None for s in scopes):
        return buildings
    grids = {s.grid_id for s in scopes}
    # as can_act_in has it for a poll: a building in no grid is anywhere in the community
    return [b for b in buildings if b.grid_id is None or b.grid_id in grids]


async def find_resident(
    session: AsyncSession,
    *,
    poll_id: int,
    building_id: int,
    room: str,
    staff: User | None = None,
    roles: Collection[Role] = (),
) -> list[User]:
    """Residents at an address in the poll's community (for a proxy vote by `staff`)."""
    poll = await get_poll(session, poll_id=poll_id)
    offered = await proxy_buildings(session, poll=poll, staff=staff, roles=roles)
    if building_id not in {b.id for b in offered}:
        raise InvalidInput("poll-err-proxy-building")
    stmt = select(User).where(
        User.community_id == poll.community_id, User.building_id == building_id
    )
    wanted = room.strip().casefold()
    return [u for u in (await session.exec(stmt)).all() if (u.room or "").casefold() == wanted]


async def eligible_voters(session: AsyncSession, *, poll: Poll) -> list[User]:
    """Everyone who may vote in the poll now."""
    users = await audience_users(session, audience=poll_audience(poll))
    out = []
    for user in users:
        if _needs_verified(poll) and user.verified_at is None:
            continue
        if poll.per_household and household_of(user) is None:
            continue
        out.append(user)
    return out


async def _eligible_base(session: AsyncSession, *, poll: Poll) -> tuple[int, QuorumBasis]:
    """How many may take part: people, or households (one-per-household polls count households).

    Households are the larger of those registered in the bot and those on record for the
    audience's buildings, so a quorum of households is never measured against bot users only.
    """
    voters = await eligible_voters(session, poll=poll)
    basis = _basis(poll)
    if basis == QuorumBasis.HOUSEHOLDS:
        registered = len({household_of(u) for u in voters if household_of(u)})
        on_record = await audience_households(session, audience=poll_audience(poll))
        return max(registered, on_record), basis
    return len(voters), basis


def _basis(poll: Poll) -> QuorumBasis:
    if poll.per_household or poll.quorum_basis == QuorumBasis.HOUSEHOLDS:
        return QuorumBasis.HOUSEHOLDS
    return QuorumBasis.VOTERS


# how the export of a named poll (bilingual, as its headers) names someone who deleted their
# data: their ballot still counts, their name is gone, and so is the number of their account
DATA_DELETED = "（已删除个人信息）data deleted"


def voter_name(person: User | None, user_id: int) -> str:
    """A voter (or proxy, or actor) as a named poll's export lists them."""
    if person is None:
        return str(user_id)
    return DATA_DELETED if person.forgotten_at is not None else person.display_name


async def tally(session: AsyncSession, *, poll: Poll, with_names: bool = False) -> PollResult:
    """Count the votes and apply the decision rule (quorum, then threshold)."""
    assert poll.id is not None
    options = await poll_options(session, poll_id=poll.id)
    votes = list((await session.exec(select(Vote).where(Vote.poll_id == poll.id))).all())
    counts = {o.id: 0 for o in options}
    for vote in votes:
        for option_id in vote.choices:
            if option_id in counts:
                counts[option_id] += 1
    ballots = len(votes)
    if poll.status == PollStatus.CLOSED and poll.eligible_count is not None:
        eligible, basis = poll.eligible_count, _basis(poll)
    else:
        eligible, basis = await _eligible_base(session, poll=poll)
    results = [
        OptionResult(
            option_id=o.id or 0,
            text=o.text,
            votes=counts[o.id],
            share=(counts[o.id] / ballots) if ballots else 0.0,
        )
        for o in options
    ]
    participants = ballots
    if basis == QuorumBasis.HOUSEHOLDS and not poll.per_household:
        participants = await _households_taking_part(session, votes)
    quorum_met: bool | None = None
    quorum_needed: int | None = None
    if quorum := stored_share(poll.quorum_num, poll.quorum_den):
        quorum_met = eligible > 0 and quorum.met(participants, eligible)
        # the least whole number of ballots that meets it (过半 of 30: 16, 一半 of 30: 15)
        quorum_needed = quorum.least(eligible)
    ranked = sorted(results, key=lambda r: -r.votes)
    top = ranked[0] if ranked and ranked[0].votes > 0 else None
    if top is not None and len(ranked) > 1 and ranked[1].votes == top.votes:
        top = None  # a tie has no winner
    threshold_met: bool | None = None
    if threshold := stored_share(poll.threshold_num, poll.threshold_den):
        threshold_met = top is not None and threshold.met(top.votes, ballots)
    passed: bool | None = None
    if quorum_met is not None or threshold_met is not None:
        passed = top is not None and quorum_met is not False and threshold_met is not False
    names: dict[int, list[str]] = {}
    if with_names and not poll.anonymous:
        voters = {
            u.id: u
            for u in (
                await session.exec(
                    select(User).where(col(User.id).in_([v.voter_id for v in votes]))
                )
            ).all()
        }
        for vote in votes:
            for option_id in vote.choices:
                voter = voters.get(vote.voter_id)
                names.setdefault(option_id, []).append(voter_name(voter, vote.voter_id))
    return PollResult(
        poll=poll,
        options=results,
        ballots=ballots,
        proxy_ballots=sum(1 for v in votes if v.proxy_by),
        eligible=eligible,
        basis=basis,
        turnout=min(participants / eligible, 1.0) if eligible else 0.0,
        quorum_met=quorum_met,
        threshold_met=threshold_met,
        passed=passed,
        winner=top,
        final=poll.status == PollStatus.CLOSED,
        names=names,
        quorum_needed=quorum_needed,
        participants=participants,
    )


async def _households_taking_part(session: AsyncSession, votes: Sequence[Vote]) -> int:
    """How many households the ballots came from (a voter with no room on record: their own)."""
    ids = [v.voter_id for v in votes]
    if not ids:
        return 0
    people = (await session.exec(select(User).where(col(User.id).in_(ids)))).all()
    homes = {u.id: household_of(u) for u in people}
    return len({homes.get(i) or f"voter:{i}" for i in ids})


async def can_see_results(
    session: AsyncSession, *, poll: Poll, user: User, roles: Collection[Role]
) -> bool:
    """Staff of the community always see results; the audience (and voters) see closed polls
    and live-result polls; anyone else never does."""
    if await can_act_in(session, user=user, roles=roles, community_id=poll.community_id):
        return True
    if not await in_results_audience(session, poll=poll, user=user):
        return False
    return poll.status == PollStatus.CLOSED or (
        poll.live_results and poll.status == PollStatus.OPEN
    )


async def in_results_audience(session: AsyncSession, *, poll: Poll, user: User) -> bool:
    """True for the poll's audience, its author and anyone who has a ballot in it."""
    if user.id == poll.created_by:
        return True
    if await in_audience(session, user=user, audience=poll_audience(poll)):
        return True
    return await my_vote(session, poll_id=poll.id or 0, user_id=user.id) is not None


async def check_results_access(
    session: AsyncSession, *, poll: Poll, user: User, roles: Collection[Role]
) -> bool:
    """Refuse people outside the poll (forged buttons); True if results may be shown now,
    False if they are hidden until the close."""
    if await can_see_results(session, poll=poll, user=user, roles=roles):
        return True
    if not await in_results_audience(session, poll=poll, user=user):
        audit.record(
            session,
            actor_id=user.id,
            action="poll-results-denied",
            subject_type="poll",
            subject_id=poll.id or 0,
        )
        await session.commit()
        raise PermissionDenied("poll-err-results-not-yours")
    return False


async def close_poll(
    session: AsyncSession,
    *,
    poll_id: int,
    now: datetime,
    notifier: Notifier | None = None,
    actor_id: int | None = None,
    tapped: tuple[int, int] | None = None,
) -> PollResult:
    """Close the poll (once), keep the outcome and post it to the audience and the channel;
    its staff cards on screens read 已结束 (with `notifier`; `tapped`, the (chat, message)
    of the card the closer tapped, is left to the handler: see `redraw_cards`).

    Two closers at once (staff and the close job): the database lets one close it; the other
    gets the stored result and announces nothing; the caller's work is committed either way.
    """
    poll = await get_poll(session, poll_id=poll_id)
    if poll.status == PollStatus.CLOSED:
        return await tally(session, poll=poll)
    if poll.status != PollStatus.OPEN:
        raise Conflict("poll-err-not-open")
    eligible, _basis = await _eligible_base(session, poll=poll)
    done = await session.exec(
        update(Poll)
        .where(col(Poll.id) == poll_id, col(Poll.status) == PollStatus.OPEN)
        .values(status=PollStatus.CLOSED, closed_at=now, eligible_count=eligible)
    )
    if done.rowcount != 1:
        # Someone else closed it first (staff and the close job at once): their close and
        # announcement stand. The caller's own work is committed as if we had closed it, never
        # rolled back: inside the close job it carries the job's "done" mark.
        await session.refresh(poll)
        result = await tally(session, poll=poll)
        await session.commit()
        return result
    await session.refresh(poll)
    result = await tally(session, poll=poll)
    poll.ballots_count = result.ballots
    poll.quorum_met = result.quorum_met
    poll.passed = result.passed
    poll.winner_option_id = result.winner.option_id if result.winner else None
    audit.record(
        session,
        actor_id=actor_id,
        action="poll-close",
        subject_type="poll",
        subject_id=poll_id,
        detail=f"ballots={result.ballots} eligible={eligible} quorum={result.quorum_met} "
        f"passed={result.passed}",
    )
    await unschedule(session, key=f"poll:{poll_id}:soon")
    if actor_id is not None:
        await unschedule(session, key=f"poll:{poll_id}:close")
    # '请点下方按钮投票' held for the night would come beside the result
    await delivery.cancel_stale(session, matter=open_matter(poll_id))
    if notifier is not None:
        # staff who end it by hand read the result in their chat at once: no copy for them
        await announce_result(session, result=result, notifier=notifier, answered=actor_id)
        await redraw_cards(session, poll=poll, notifier=notifier, but=tapped)
        from services.public_notices import redraw_poll_notice

        # its notice in the group: '投票已结束', no 💬 私聊投票 any more
        await redraw_poll_notice(session, poll=poll, notifier=notifier, result=result)
    await session.commit()
    return result


def tied_options(result: PollResult) -> list[OptionResult]:
    """The options sharing the most votes when two or more do (a tie); [] otherwise."""
    most = max((o.votes for o in result.options), default=0)
    tied = [o for o in result.options if o.votes == most]
    return tied if most > 0 and len(tied) > 1 else []


def _name_list(names: list[str], notifier: Notifier, lang: str) -> str:
    """Names joined as the language lists them: 甲、乙、丙 / A, B and C."""
    if len(names) < 2:
        return "".join(names)
    sep = notifier.texts.get(lang, "poll-result-list-sep")
    last = notifier.texts.get(lang, "poll-result-list-last-sep")
    return sep.join(names[:-1]) + last + names[-1]


def result_args(
    result: PollResult,
    notifier: Notifier,
    lang: str | None = None,
    *,
    shown: Callable[[str], str] = str,
) -> dict[str, object]:
    """Placeables of the result texts in one language (the tied options are listed in it);
    `shown` is applied to what staff typed, the question and the options (masked in public)."""
    poll = result.poll
    lines = "\n".join(f"• {shown(o.text)}: {o.votes} ({o.share:.0%})" for o in result.options)
    tied = tied_options(result)
    outcome = "winner" if result.winner else ("tie" if tied else "none")
    return {
        "question": shown(poll.question),
        "lines": lines,
        # a multiple-choice poll's shares are of the people who voted: they add up to more
        # than 100%, which the result says (poll-result's `multiple` line)
        "multiple": "true" if poll.multiple else "false",
        "max": poll.max_choices,
        "ballots": result.ballots,
        "participants": result.ballots if result.participants is None else result.participants,
        "eligible": result.eligible,
        "turnout": f"{result.turnout:.0%}",
        "basis": result.basis.value,
        "quorum": share_text(poll.quorum_num, poll.quorum_den),
        "threshold": share_text(poll.threshold_num, poll.threshold_den),
        "quorum_met": "none" if result.quorum_met is None else str(result.quorum_met).lower(),
        "threshold_met": (
            "none" if result.threshold_met is None else str(result.threshold_met).lower()
        ),
        "passed": "none" if result.passed is None else str(result.passed).lower(),
        "winner": shown(result.winner.text) if result.winner else "-",
        "outcome": outcome,
        "tied": _name_list(
            [shown(o.text) for o in tied], notifier, lang or notifier.default_language
        ),
        "tied_votes": tied[0].votes if tied else 0,
        "proxies": result.proxy_ballots,
    }


async def announce_result(
    session: AsyncSession,
    *,
    result: PollResult,
    notifier: Notifier,
    answered: int | None = None,
) -> None:
    """Send the result with its chart to the audience and the community's public channel
    (as text alone when no font can draw the chart's Chinese labels), not to `answered`, who
    is shown it in their chat (the chart is left in `result.chart`)."""
    from services.poll_chart import NoCjkFont, render_chart

    poll = result.poll
    chart: bytes | None
    try:
        chart = render_chart(
            title=poll.question,
            labels=[o.text for o in result.options],
            values=[o.votes for o in result.options],
        )
    except NoCjkFont as exc:
        log.warning("poll %s: result announced without its chart: %s", poll.id, exc)
        chart = None
    result.chart = chart
    users = await audience_users(session, audience=poll_audience(poll))
    if poll.created_by is not None and all(u.id != poll.created_by for u in users):
        author = await session.get(User, poll.created_by)
        if author is not None and author.forgotten_at is None:
            users.append(author)  # the author hears the outcome of their poll too
    users = [u for u in users if u.id != answered]
    # by language: a tie lists its options as each language does (甲、乙 / A and B)
    by_lang: dict[str, list[User]] = {}
    for user in users:
        by_lang.setdefault(user.language or notifier.default_language, []).append(user)
    for lang, readers in by_lang.items():
        await notifier.send(
            session,
            users=readers,
            key="poll-result",
            args=result_args(result, notifier, lang),
            photo=chart,
            kind="poll-result",
            community_id=poll.community_id,
            dedupe=f"poll:{poll.id}:result",
        )
    community = await session.get(Community, poll.community_id)
    if community is not None and community.public_channel_id:
        # a phone or ID number staff typed into the question or an option (a contact person,
        # 'the owner of …') is masked in the public channel, on the chart too
        # and a resident's name in them starred out (services.public_notices)
        from services.public_notices import public_words

        words = await public_words(session, community_id=poll.community_id)
        args = result_args(result, notifier, notifier.default_language, shown=words.scrub)
        text = notifier.text(notifier.default_language, "poll-result", **args)
        await notifier.post_channel(
            session,
            chat_id=community.public_channel_id,
            text=text,
            photo=_public_chart(result, chart, shown=words.scrub),
            community_id=poll.community_id,
            dedupe=f"poll:{poll.id}:channel",
        )


def _public_chart(
    result: PollResult, chart: bytes | None, *, shown: Callable[[str], str] = mask
) -> bytes | None:
    """The result's chart for the public channel: drawn again with the question and options
    masked when masking changes them."""
    from services.poll_chart import NoCjkFont, render_chart

    title = shown(result.poll.question)
    labels = [shown(o.text) for o in result.options]
    if chart is None or (
        title == result.poll.question and labels == [o.text for o in result.options]
    ):
        return chart
    try:
        return render_chart(title=title, labels=labels, values=[o.votes for o in result.options])
    except NoCjkFont:  # drawn once already: not expected; the text alone then
        return None


async def remind_non_voters(
    session: AsyncSession, *, poll_id: int, now: datetime, notifier: Notifier
) -> int:
    """ "Closing soon" to eligible people who have not voted; returns how many were told."""
    poll = await get_poll(session, poll_id=poll_id)
    if poll.status != PollStatus.OPEN or now >= poll.closes_at:
        return 0
    voted = set((await session.exec(select(Vote.voter_id).where(Vote.poll_id == poll_id))).all())
    households = set(
        (await session.exec(select(Vote.household).where(Vote.poll_id == poll_id))).all()
    )
    users = [
        u
        for u in await eligible_voters(session, poll=poll)
        if u.id not in voted and not (poll.per_household and household_of(u) in households)
    ]
    count = await notifier.send(
        session,
        users=users,
        key="poll-closing-soon",
        args=rules_args(poll, notifier),
        buttons=[[("poll-btn-vote", ballot_data(poll_id))]],
        kind="poll",
        community_id=poll.community_id,
        dedupe=f"poll:{poll_id}:soon",
        matter=open_matter(poll_id),
    )
    await session.commit()
    return count


async def cancel_poll(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    poll_id: int,
    now: datetime,
    notifier: Notifier | None = None,
    tapped: tuple[int, int] | None = None,
) -> int:
    """Withdraw a draft or open poll (no result is computed); returns how many were told.

    A poll that was open was announced: its audience is told it is cancelled and that the
    ballots cast no longer count (with `notifier`). A draft was never seen by anyone. With
    `notifier`, its staff cards on screens read 已取消 (but `tapped`: see `redraw_cards`).
    """
    poll = await get_poll(session, poll_id=poll_id)
    await _require_staff(session, user=user, roles=roles, poll=poll, action="poll-cancel")
    was_open = poll.status == PollStatus.OPEN
    done = await session.exec(
        update(Poll)
        .where(
            col(Poll.id) == poll_id,
            col(Poll.status).in_([PollStatus.DRAFT, PollStatus.OPEN]),
        )
        .values(status=PollStatus.CANCELLED, closed_at=now)
    )
    if done.rowcount != 1:
        raise Conflict("poll-err-not-open")
    audit.record(
        session, actor_id=user.id, action="poll-cancel", subject_type="poll", subject_id=poll_id
    )
    await unschedule(session, key=f"poll:{poll_id}:close")
    await unschedule(session, key=f"poll:{poll_id}:soon")
    await delivery.cancel_stale(session, matter=open_matter(poll_id))
    if not was_open:  # a draft made from a topic: the topic is open again, as it was
        topic = await topics.reopen_polled(session, actor_id=user.id, poll_id=poll_id)
        if topic is not None and notifier is not None:
            await topics.tell_poll_withdrawn(session, topic=topic, poll=poll, notifier=notifier)
    told = 0
    if was_open and notifier is not None:
        users = await audience_users(session, audience=poll_audience(poll))
        told = await notifier.send(
            session,
            users=users,
            key="poll-cancelled-notice",
            args={"question": poll.question},
            kind="poll",
            community_id=poll.community_id,
            dedupe=f"poll:{poll_id}:cancelled",
        )
    if notifier is not None:
        await session.refresh(poll)
        await redraw_cards(session, poll=poll, notifier=notifier, but=tapped)
        from services.public_notices import redraw_poll_notice

        await redraw_poll_notice(session, poll=poll, notifier=notifier)
    await session.commit()
    await session.refresh(poll)
    return told


async def open_polls_for(session: AsyncSession, *, user: User, now: datetime) -> list[Poll]:
    """Open polls the user may vote in."""
    if user.community_id is None:
        profile = await session.get(MemberProfile, user.id)
        if profile is None:
            return []
        community_id = profile.community_id
    else:
        community_id = user.community_id
    stmt = (
        select(Poll)
        .where(Poll.community_id == community_id, Poll.status == PollStatus.OPEN)
        .order_by(col(Poll.closes_at))
    )
    out = []
    for poll in (await session.exec(stmt)).all():
        if poll.closes_at <= now:
            continue
        if await in_audience(session, user=user, audience=poll_audience(poll)):
            out.append(poll)
    return out


# how long a closed poll's result stays listed for its audience (🗳 近期议事, '投票结果' asked)
RESULTS_LISTED_DAYS = 14
RESULTS_LISTED_MAX = 5


async def recent_results_for(session: AsyncSession, *, user: User, now: datetime) -> list[Poll]:
    """Polls of the user's community closed in the last RESULTS_LISTED_DAYS whose results they
    may see (their audience, their author, a voter), the latest closed first."""
    community_id = user.community_id
    if community_id is None:
        profile = await session.get(MemberProfile, user.id)
        if profile is None:
            return []
        community_id = profile.community_id
    stmt = (
        select(Poll)
        .where(
            Poll.community_id == community_id,
            Poll.status == PollStatus.CLOSED,
            col(Poll.closed_at) >= now - timedelta(days=RESULTS_LISTED_DAYS),
        )
        .order_by(col(Poll.closed_at).desc())
    )
    out: list[Poll] = []
    for poll in (await session.exec(stmt)).all():
        if await in_results_audience(session, poll=poll, user=user):
            out.append(poll)
        if len(out) == RESULTS_LISTED_MAX:
            break
    return out


async def voted_in(session: AsyncSession, *, polls: Sequence[Poll], user: User) -> dict[int, str]:
    """Of these polls, those the user already voted in ("mine": they may open their ballot
    to see or change it) or, one vote per household, someone else of their household did
    ("household": no ballot is left for them), by poll id."""
    ids = [p.id for p in polls if p.id is not None]
    if not ids:
        return {}
    household = household_of(user)
    shared = {p.id for p in polls if p.per_household}
    whose = col(Vote.voter_id) == user.id
    if household is not None and shared:
        whose = or_(whose, and_(col(Vote.household) == household, col(Vote.poll_id).in_(shared)))
    stmt = select(Vote.poll_id, Vote.voter_id).where(col(Vote.poll_id).in_(ids), whose)
    out: dict[int, str] = {}
    for poll_id, voter_id in (await session.exec(stmt)).all():
        if voter_id == user.id or poll_id not in out:
            out[poll_id] = "mine" if voter_id == user.id else "household"
    return out


@dataclass
class ClosedPoll:
    """A closed poll in staff's list, with its outcome as the close stored it."""

    poll: Poll
    outcome: str  # passed, failed, void (quorum not met), winner, tie, none (no ballots)
    winner: str | None = None  # the option with most votes, for a poll without a rule


@dataclass
class StaffPolls:
    """Staff's polls, in the order a community worker needs them."""

    open: list[Poll]  # running, the one closing first on top
    drafts: list[Poll]  # not published yet, the latest first
    closed: list[ClosedPoll]  # with their outcome, the latest closed first
    cancelled: list[Poll]  # the latest few, last

    def __bool__(self) -> bool:
        return bool(self.open or self.drafts or self.closed or self.cancelled)


def outcome_of(poll: Poll) -> str:
    """A closed poll's outcome from what close_poll stored: passed, failed, void (a quorum
    set and not met: too few took part for the vote to count), winner (no rule: most votes),
    tie, or none (nobody voted)."""
    if poll.passed is True:
        return "passed"
    if poll.quorum_met is False:
        return "void"
    if poll.passed is False:
        return "failed"
    if poll.winner_option_id is not None:
        return "winner"
    return "tie" if poll.ballots_count else "none"


async def staff_polls(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    closed_limit: int = 10,
    drafts_limit: int = 5,
    cancelled_limit: int = 3,
) -> StaffPolls:
    """The polls of the communities this staff account acts in: every running one by its
    closing time, then drafts, the latest closed ones with their outcome, the latest few
    cancelled last."""
    stmt = select(Poll)
    if Role.ADMIN not in roles:
        if Role.STAFF not in roles:
            return StaffPolls(open=[], drafts=[], closed=[], cancelled=[])
        communities = {s.community_id for s in await staff_scopes(session, user_id=user.id)}
        stmt = stmt.where(col(Poll.community_id).in_(communities))

    async def of(status: PollStatus, order: Any, limit: int | None) -> list[Poll]:
        query = stmt.where(Poll.status == status).order_by(order, col(Poll.id).desc())
        if limit is not None:
            query = query.limit(limit)
        return list((await session.exec(query)).all())

    closed = await of(PollStatus.CLOSED, col(Poll.closed_at).desc(), closed_limit)
    winner_ids = [p.winner_option_id for p in closed if p.winner_option_id is not None]
    names = {
        o.id: o.text
        for o in (
            await session.exec(select(PollOption).where(col(PollOption.id).in_(winner_ids)))
        ).all()
    }
    return StaffPolls(
        open=await of(PollStatus.OPEN, col(Poll.closes_at), None),
        drafts=await of(PollStatus.DRAFT, col(Poll.id).desc(), drafts_limit),
        closed=[
            ClosedPoll(poll=p, outcome=outcome_of(p), winner=names.get(p.winner_option_id or 0))
            for p in closed
        ],
        cancelled=await of(PollStatus.CANCELLED, col(Poll.id).desc(), cancelled_limit),
    )


async def poll_audit(session: AsyncSession, *, poll_id: int) -> list[AuditEvent]:
    """Every audit event of the poll, oldest first."""
    stmt = (
        select(AuditEvent)
        .where(AuditEvent.subject_type == "poll", AuditEvent.subject_id == str(poll_id))
        .order_by(col(AuditEvent.id))
    )
    return list((await session.exec(stmt)).all())


_STATUS_WORDS = {
    PollStatus.DRAFT: "草稿 draft",
    PollStatus.OPEN: "进行中 open",
    PollStatus.CLOSED: "已结束 closed",
    PollStatus.CANCELLED: "已撤销 cancelled",
}


async def export_xlsx(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    poll_id: int,
    zone: tzinfo = DEFAULT_ZONE,
) -> bytes:
    """The poll's result and audit as an XLSX workbook (anonymous polls: counts only); times
    in local time, people by name."""
    import xlsxwriter

    def local(when: datetime, fmt: str = "%Y-%m-%d %H:%M") -> str:
        return when.astimezone(zone).strftime(fmt)

    names: dict[int, str] = {}

    async def name_of(user_id: int | None) -> str:
        if not user_id:
            return ""
        if user_id not in names:
            names[user_id] = voter_name(await session.get(User, user_id), user_id)
        return names[user_id]

    poll = await get_poll(session, poll_id=poll_id)
    await _require_staff(session, user=user, roles=roles, poll=poll, action="poll-export")
    result = await tally(session, poll=poll, with_names=True)
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    bold = book.add_format({"bold": True})
    sheet = book.add_worksheet("结果 Result")
    rows: list[tuple[object, ...]] = [
        ("问题 Question", poll.question),
        ("状态 Status", _STATUS_WORDS.get(PollStatus(poll.status), poll.status)),
        ("匿名 Anonymous", "是 yes" if poll.anonymous else "否 no"),
        ("一户一票 One per household", "是 yes" if poll.per_household else "否 no"),
        (
            "多选 Several choices",
            f"是，每人最多 {poll.max_choices} 项 yes, up to {poll.max_choices} each"
            if poll.multiple
            else "否 no",
        ),
        ("有效票 Ballots", result.ballots),
        ("其中代投 Proxy ballots", result.proxy_ballots),
        (
            f"可投票{'户' if result.basis == QuorumBasis.HOUSEHOLDS else '人'} Eligible",
            result.eligible,
        ),
        ("参与率 Turnout", f"{result.turnout:.1%}"),
        ("法定参与 Quorum", share_text(poll.quorum_num, poll.quorum_den)),
        ("达到 Quorum met", _yes_no(result.quorum_met)),
        ("通过比例 Threshold", share_text(poll.threshold_num, poll.threshold_den)),
        ("达到 Threshold met", _yes_no(result.threshold_met)),
        ("通过 Passed", _yes_no(result.passed)),
    ]
    for r, row in enumerate(rows):
        sheet.write(r, 0, str(row[0]), bold)
        sheet.write(r, 1, row[1])  # type: ignore[arg-type]
    start = len(rows) + 1
    if poll.multiple:  # a share is of the people who voted: together over 100%
        header = ["选项 Option", "选择人数 Voters", "占投票人数 Share of voters"]
    else:
        header = ["选项 Option", "票数 Votes", "占比 Share"]
    sheet.write_row(start, 0, header, bold)
    for i, option in enumerate(result.options, start=start + 1):
        sheet.write_row(i, 0, [option.text, option.votes, f"{option.share:.1%}"])
    if poll.multiple:
        sheet.write(
            start + len(result.options) + 1,
            0,
            f"多选：占比是选这一项的人占 {result.ballots} 位投票人的比例，合计可能超过 100%。"
            f" Several choices each: a share is of the {result.ballots} voters, so together"
            " they can add up to more than 100%.",
        )
    sheet.set_column(0, 0, 28)
    sheet.set_column(1, 2, 16)
    if not poll.anonymous:
        named = book.add_worksheet("投票明细 Votes")
        named.write_row(
            0, 0, ["投票人 Voter", "选择 Choice", "时间 Time", "代投人 Proxy by"], bold
        )
        options = {o.option_id: o.text for o in result.options}
        votes = (
            await session.exec(select(Vote).where(Vote.poll_id == poll_id).order_by(col(Vote.id)))
        ).all()
        for i, vote in enumerate(votes, start=1):
            named.write_row(
                i,
                0,
                [
                    await name_of(vote.voter_id),
                    "、".join(options.get(o, "?") for o in vote.choices),
                    local(vote.changed_at or vote.cast_at),
                    await name_of(vote.proxy_by),
                ],
            )
        log_sheet = book.add_worksheet("审计 Audit")
        log_sheet.write_row(
            0, 0, ["时间 Time", "操作人 Actor", "操作 Action", "说明 Detail"], bold
        )
        for i, event in enumerate(await poll_audit(session, poll_id=poll_id), start=1):
            log_sheet.write_row(
                i,
                0,
                [
                    local(event.at, "%Y-%m-%d %H:%M:%S"),
                    await name_of(event.actor_id),
                    event.action,
                    event.detail,
                ],
            )
    else:
        log_sheet = book.add_worksheet("审计 Audit")
        log_sheet.write_row(0, 0, ["时间 Time", "操作 Action", "说明 Detail"], bold)
        anon = [
            e
            for e in await poll_audit(session, poll_id=poll_id)
            if e.action not in ("poll-vote", "poll-vote-change")
        ]
        for i, event in enumerate(anon, start=1):
            detail = "" if event.action.startswith("poll-proxy") else event.detail
            log_sheet.write_row(i, 0, [local(event.at, "%Y-%m-%d %H:%M:%S"), event.action, detail])
    book.close()
    audit.record(
        session, actor_id=user.id, action="poll-export", subject_type="poll", subject_id=poll_id
    )
    await session.commit()
    return buffer.getvalue()


def _yes_no(value: bool | None) -> str:
    if value is None:
        return "-"
    return "是 yes" if value else "否 no"


# ------------------------------------------------------------------ a choice typed, not tapped

_CN_ORDINAL = re.compile(r"第?([一二两三四五六七八九十]|\d{1,2})(?:个|项|条|号|个选项)?")
_SAYING = re.compile(r"^(?:我要|我)")
_CHOOSING = re.compile(r"^(?:选择|选|投给|投票给|投|支持)")
# a vote changed in words ('我要改投反对', '改成不同意', 'change my vote to 同意'), as `_said`
# leaves it (after `_SAYING`: '我要' gone)
_CHANGING = re.compile(
    r"^(?:想|要)?(?:把票|把我的票|我的票|票)?(?:改投|改选|改成|改为|改到|换成|换投|换到|重新投)|"
    r"^(?:i(?:d|would|will|ll|want|wanttoo?)?(?:liketo)?)?(?:change|switch)(?:my|our)?"
    r"(?:vote|choice|answer)?(?:to|for)|^(?:make|change)itto"
)
_TAIL = re.compile(r"(?:吧|了|的|啊|呀|哈|这个)+$")
# the same in English, as `_said` leaves it (no spaces): 'I vote for option 2', 'my choice is
# the second one', 'I'll go with B, please'
_CHOOSING_EN = re.compile(
    r"^(?:(?:i|we)(?:d|would|will|ll)?(?:liketo)?(?:votefor|vote|choose|pick|select|gowith|prefer|"
    r"want|say|gofor)|(?:my|our)(?:vote|choice|answer|pick)(?:is|goesto)?|"
    r"votefor|vote|choose|pick)"
)
_OPTION_EN = re.compile(r"^(?:option|number|no|choice|the|answer)")
_TAIL_EN = re.compile(r"(?:please|pls|thanks|thankyou|one|option)+$")
_EN_PLACES = {
    word: place
    for place, words in enumerate(
        (
            "first|one|1st",
            "second|two|2nd",
            "third|three|3rd",
            "fourth|four|4th",
            "fifth|five|5th",
            "sixth|six|6th",
            "seventh|seven|7th",
            "eighth|eight|8th",
            "ninth|nine|9th",
            "tenth|ten|10th",
            "eleventh|eleven|11th",
            "twelfth|twelve|12th",
        ),
        start=1,
    )
    for word in words.split("|")
}


def _said(text: str) -> str:
    """Lowercase Simplified text without punctuation, symbols or spaces."""
    return "".join(
        ch for ch in to_simplified(text).lower() if ch.isalnum() or "\u4e00" <= ch <= "\u9fff"
    )


def typed_choice(text: str | None, options: Sequence[PollOption]) -> PollOption | None:
    """The option a short message names as a choice: its text ('要', '我选不要', '投给方案二吧',
    'I vote for 中心广场') or its place ('1', '第二个', '选2', 'option 2', 'the second one');
    a change in words ('我要改投反对', '改成不同意', 'change my vote to 同意') names it too;
    None for anything else or more than one."""
    if not text or len(text) > 40 or not options:
        return None
    said = _said(text)
    if not said:
        return None
    ways = {said}
    for pattern in (_SAYING, _CHANGING, _CHOOSING, _CHOOSING_EN, _OPTION_EN, _TAIL, _TAIL_EN):
        ways |= {pattern.sub("", way) for way in ways}
    ways.discard("")
    by_text = {o.id: o for o in options if _said(o.text) in ways}
    for way in ways:
        place = _EN_PLACES.get(way, 0)
        if m := _CN_ORDINAL.fullmatch(way):
            n = m.group(1)
            place = int(n) if n.isdigit() else whole_number(n) or 0
        if 1 <= place <= len(options) and not any(_said(o.text) == way for o in options):
            by_text.setdefault(options[place - 1].id, options[place - 1])
    return next(iter(by_text.values())) if len(by_text) == 1 else None
