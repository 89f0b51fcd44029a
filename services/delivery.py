"""The delivery outbox: every proactive message is a row, drained by one sender.

Features call `enqueue(...)` in the same transaction as the change that causes the message, and
commit as usual; the sender (scheduler/sender.py) sends it within Telegram's limits and records
the outcome. Quiet hours hold back what is not urgent until the morning.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta, tzinfo
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import and_, bindparam, event, false, func, or_, update
from sqlalchemy import select as sa_select
from sqlalchemy.orm import Session as SyncSession
from sqlalchemy.orm import SessionTransaction
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.base import utcnow
from models.scheduling import Delivery, DeliveryState, QuietHours
from models.users import MemberProfile, MemberStatus, StaffScope, User

DEFAULT_QUIET = (time(22, 0), time(7, 0))
Mark = TypeVar("Mark")  # what a matter marked on its way names (see `sent_on_the_way`)
TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024

_zone: tzinfo = ZoneInfo("Asia/Shanghai")


def set_local_zone(zone: tzinfo) -> None:
    """The deployment's local time zone, used for quiet hours (set once at start-up)."""
    global _zone
    _zone = zone


def local_zone() -> tzinfo:
    """The local time zone quiet hours are reckoned in."""
    return _zone


def _markup_dict(markup: Any) -> dict[str, Any] | None:
    if markup is None or isinstance(markup, dict):
        return markup
    dump = getattr(markup, "model_dump", None)  # an aiogram markup object, passed by a handler
    if dump is None:
        raise TypeError("reply_markup must be a dict (or an aiogram markup)")
    return dict(dump(exclude_none=True, mode="json"))


WAKE = "linli.wake"
"""Key in `session.info` of what to call once a commit of that session queued deliveries."""
_QUEUED = "linli.queued"  # in session.info: this transaction has flushed a new delivery
_listening = False


def wake_after_commit(session: AsyncSession, wake: Callable[[], None] | None) -> None:
    """Call `wake` (the sender's) after each commit of `session` that added deliveries: not
    before the commit (the sender would not find them), nor for a transaction rolled back."""
    global _listening
    if wake is None:
        session.info.pop(WAKE, None)
        return
    if not _listening:  # once per process, for every session: one dict lookup per event
        event.listen(SyncSession, "after_flush", _note_queued)
        event.listen(SyncSession, "after_commit", _wake_if_queued)
        event.listen(SyncSession, "after_transaction_end", _forget_queued)
        _listening = True
    session.info[WAKE] = wake


def _note_queued(session: SyncSession, _flush: Any) -> None:
    info = session.info
    if (
        WAKE in info
        and _QUEUED not in info
        and any(isinstance(obj, Delivery) for obj in session.new)
    ):
        info[_QUEUED] = True


def note_due(session: AsyncSession) -> None:
    """Deliveries already queued were made due or retimed in this transaction (released from
    quiet hours, an opt-out): the sender is woken after the commit, as for new ones."""
    if WAKE in session.info:
        session.info[_QUEUED] = True


def _wake_if_queued(session: SyncSession) -> None:
    info = session.info
    if info.pop(_QUEUED, None):
        info[WAKE]()


def _forget_queued(session: SyncSession, transaction: SessionTransaction) -> None:
    # the outermost transaction ended: committed (woken already) or rolled back (no wake)
    if transaction.parent is None:
        session.info.pop(_QUEUED, None)


def inline_keyboard(rows: list[list[tuple[str, str]]]) -> dict[str, Any]:
    """An inline keyboard as the outbox stores it: rows of (label, callback_data)."""
    return {
        "inline_keyboard": [
            [{"text": label, "callback_data": data} for label, data in row] for row in rows
        ]
    }


async def enqueue(
    session: AsyncSession,
    *,
    chat_id: int,
    text: str,
    reply_markup: dict[str, Any] | None = None,
    photo: bytes | str | None = None,
    urgent: bool = False,
    kind: str = "notice",
    community_id: int | None = None,
    dedupe_key: str | None = None,
    broadcast_id: int | None = None,
    not_before: datetime | None = None,
    now: datetime | None = None,
    deliver_by: datetime | None = None,
    batch: Batch | None = None,
    matter: str | None = None,
    edit_message_id: int | None = None,
) -> Delivery:
    """Add a message to the outbox (the caller commits); quiet hours hold non-urgent ones.

    With `edit_message_id` it redraws that message of the chat (text and buttons) instead of
    sending one; an edit wakes nobody, so `urgent=True` suits it (it then goes ahead of the
    chat's non-urgent notices). A message that cannot be edited any more (deleted, too old)
    or already reads so is left as it is, quietly. With a `photo` too, the message is that
    photo: its caption is redrawn (editMessageCaption) and the photo stays.

    A message asking someone to act on a matter in one state (an open order, a new request)
    names it in `matter` ("order:12:open"): `cancel_stale` drops it when the matter moves on
    before it was sent, e.g. held for the night and claimed meanwhile.

    A message with `deliver_by` (e.g. a meeting's start) is never held past that moment: if
    quiet hours would release it later, it goes now, since late would be useless.

    A caller queuing many messages passes a `Batch` it prepared with `prepare_batch`: the
    de-duplication keys, recipients and quiet hours are then read once for all of them.
    """
    now = now or utcnow()
    meant: datetime | None = None  # set when quiet hours hold it: the time it was meant for
    if batch is not None and dedupe_key is not None:
        queued = batch.taken.get(dedupe_key)
        if queued is not None:
            return queued
    elif dedupe_key is not None:
        existing = (
            await session.exec(select(Delivery).where(Delivery.dedupe_key == dedupe_key))
        ).first()
        if existing is not None:
            return existing
    when = max(not_before, now) if not_before is not None else now
    if not_before is not None and not_before.tzinfo is None:
        raise ValueError("not_before must be timezone-aware")
    state = DeliveryState.PENDING
    error = None
    if batch is not None:
        user = batch.users.get(chat_id)
    else:
        user = await session.get(User, chat_id) if chat_id > 0 else None
    if user is not None and user.blocked_bot:
        state, error = DeliveryState.BLOCKED, "blocked before sending"
    elif chat_id < 0:
        from services.group_chats import GONE_ERROR, is_gone

        if await is_gone(session, chat_id=chat_id):  # the bot was removed from that group
            state, error = DeliveryState.BLOCKED, GONE_ERROR
    if not urgent and chat_id > 0 and not (user is not None and user.quiet_hours_opt_out):
        cid = community_id if community_id is not None else (user.community_id if user else None)
        if cid is None and user is not None:  # no address of their own: where they serve
            if batch is not None:
                if batch.homes is None:  # read once per batch, and only when needed
                    homeless = [u.id for u in batch.users.values() if u.community_id is None]
                    batch.homes = await home_communities(session, chat_ids=homeless)
                cid = batch.homes.get(chat_id)
            else:
                cid = (await home_communities(session, chat_ids=[chat_id])).get(chat_id)
        if batch is None:
            start, end, enabled = await quiet_hours_of(session, community_id=cid)
        else:
            if cid not in batch.quiet:
                batch.quiet[cid] = await quiet_hours_of(session, community_id=cid)
            start, end, enabled = batch.quiet[cid]
        held = held_until(when, quiet=(start, end, enabled), deliver_by=deliver_by)
        if held != when:
            meant, when = when, held
    delivery = Delivery(
        chat_id=chat_id,
        kind=kind[:32],
        text=text,
        reply_markup=_markup_dict(reply_markup),
        photo_ref=photo if isinstance(photo, str) else None,
        photo_bytes=photo if isinstance(photo, bytes) else None,
        urgent=urgent,
        community_id=community_id,
        dedupe_key=dedupe_key,
        broadcast_id=broadcast_id,
        not_before=when,
        held_from=meant if meant is not None and meant != when else None,
        deliver_by=deliver_by,
        matter=matter,
        edit_message_id=edit_message_id,
        state=state,
        error=error,
        created_at=now,
    )
    session.add(delivery)
    if batch is not None and dedupe_key is not None:
        batch.taken[dedupe_key] = delivery
    return delivery


@dataclass
class Batch:
    """What `enqueue` reads once for many messages: see `prepare_batch`."""

    users: dict[int, User]
    taken: dict[str, Delivery]  # dedupe key → its queued delivery
    quiet: dict[int | None, tuple[time, time, bool]] = field(default_factory=dict)
    # recipients without an address of their own → the community whose hours apply to them
    homes: dict[int, int | None] | None = None


async def prepare_batch(
    session: AsyncSession,
    *,
    chat_ids: Iterable[int],
    dedupe_keys: Iterable[str],
    known: Iterable[User] = (),
) -> Batch:
    """Load the recipients (those not `known` already) and the deliveries already queued under
    these keys: at most two queries."""
    users: dict[int, User] = {u.id: u for u in known}
    ids = {c for c in chat_ids if c > 0 and c not in users}
    keys = set(dedupe_keys)
    if ids:
        found = await session.exec(select(User).where(col(User.id).in_(ids)))
        users.update({u.id: u for u in found.all()})
    taken: dict[str, Delivery] = {}
    if keys:
        rows = await session.exec(select(Delivery).where(col(Delivery.dedupe_key).in_(keys)))
        taken = {d.dedupe_key: d for d in rows.all() if d.dedupe_key is not None}
    return Batch(users=users, taken=taken)


def not_yet_sent() -> ColumnElement[bool]:
    """SQL: a delivery not sent yet — waiting (held for the night, or in the queue), or claimed
    by the sender with nothing of it sent so far (the sender looks again before its call)."""
    return or_(
        col(Delivery.state) == DeliveryState.PENDING,
        and_(
            col(Delivery.state) == DeliveryState.SENDING,
            or_(col(Delivery.message_ids).is_(None), col(Delivery.message_ids) == ""),
        ),
    )


async def cancel_stale(
    session: AsyncSession,
    *,
    matter: str,
    kinds: Collection[str] | None = None,
    chat_ids: Collection[int] | None = None,
) -> int:
    """A matter left the state its notices ask about ("order:12:open"): the ones not sent yet
    are cancelled, in the caller's transaction — held for the night, waiting in the queue, or
    claimed by the sender and waiting for their turn (the chat's limit, a 429 pause): the sender
    looks again just before each Bot API call (`still_to_send`; before each part of a long
    message too). One UPDATE by the indexed key. A message whose first part has been recorded
    as gone is finished (the rest of it still goes); and one whose call is under way when this
    commits goes (that window is one HTTP round trip), though its later parts do not. With
    `kinds`, only notices of those kinds (text keys) are cancelled; with `chat_ids`, only those
    to these chats (the matter moved on for them alone: e.g. their vote is in). Returns how
    many."""
    of_kind = [col(Delivery.kind).in_(sorted(kinds))] if kinds is not None else []
    if chat_ids is not None:
        of_kind.append(col(Delivery.chat_id).in_(sorted(set(chat_ids))))
    result = await session.exec(  # type: ignore[call-overload]
        update(Delivery)
        .where(
            col(Delivery.matter) == matter,
            *of_kind,
            not_yet_sent(),
        )
        .values(state=DeliveryState.CANCELLED, error="no longer applies")
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)


async def cancel_redraws(
    session: AsyncSession, *, chat_id: int, message_id: int, commit: bool = True
) -> int:
    """Someone is about to redraw this message of the chat as things are now (a handler, on a
    tap on it): the redraws of it still queued, worked out before, are cancelled, as
    `cancel_stale` cancels (the sender looks again before its call). Sent after the new
    drawing, one would take the message back to what it was, or, reading the same, be refused
    by Telegram as 'not modified'. Committed (before the caller reads what to draw, so a
    redraw queued by a change committed after this one still goes); with `commit=False`, in
    the caller's transaction (a redraw about to be queued in it). Returns how many."""
    result = await session.exec(  # type: ignore[call-overload]
        update(Delivery)
        .where(
            col(Delivery.chat_id) == chat_id,
            col(Delivery.edit_message_id) == message_id,
            not_yet_sent(),
        )
        .values(state=DeliveryState.CANCELLED, error="redrawn meanwhile")
        .execution_options(synchronize_session=False)
    )
    if commit:
        await session.commit()
    return int(result.rowcount or 0)


@dataclass
class Drawn:
    """A message as the outbox last drew it (`redraw_layout`): the messages above it that
    carry the start of its text (it went in parts, its buttons under the last), its own text
    and buttons (None: not known), and the messages below it that carry the rest (a redraw
    that grew), each with the text it was given, oldest first."""

    head: list[tuple[int, str]] = field(default_factory=list)
    shown: str | None = None
    markup: dict[str, Any] | None = None
    tail: list[tuple[int, str]] = field(default_factory=list)


async def redraw_layout(session: AsyncSession, *, chat_id: int, message_id: int) -> Drawn:
    """How this message of the chat reads now, as the outbox drew it: after its last redraw
    that went out, the messages that redraw edited or sent (above it, it, below it); never
    redrawn, the outbox's message it is the last part of, when it went in parts (an
    announcement with a long agenda: the buttons under the last part, the start above it).
    The next redraw edits them in place (those that read otherwise), sending nothing again.
    Nothing known: a message that fitted in one, or one the outbox did not send."""
    row = (
        await session.exec(
            select(Delivery)
            .where(
                col(Delivery.chat_id) == chat_id,
                col(Delivery.edit_message_id) == message_id,
                col(Delivery.state) == DeliveryState.SENT,
            )
            .order_by(col(Delivery.id).desc())
            .limit(1)
        )
    ).first()
    if row is not None:
        ids = row.message_id_list
        if message_id not in ids:
            return Drawn()
        photo = row.photo_ref is not None or row.photo_bytes is not None
        parts = redraw_parts(row.text, caption=photo)
        shown = [parts[i] if i < len(parts) else "" for i in range(len(ids))]
        at = ids.index(message_id)
        return Drawn(
            head=list(zip(ids[:at], shown[:at], strict=True)),
            shown=shown[at],
            markup=row.reply_markup,
            tail=list(zip(ids[at + 1 :], shown[at + 1 :], strict=True)),
        )
    sent = await session.exec(
        select(Delivery).where(
            col(Delivery.chat_id) == chat_id,
            col(Delivery.edit_message_id).is_(None),
            col(Delivery.state) == DeliveryState.SENT,
            col(Delivery.photo_ref).is_(None),
            col(Delivery.photo_bytes).is_(None),
            col(Delivery.message_ids).endswith(f",{message_id}"),
        )
    )
    for row in sent.all():
        ids = row.message_id_list
        parts = split_html(row.text)
        if ids[-1:] == [message_id] and len(parts) == len(ids):
            return Drawn(
                head=list(zip(ids[:-1], parts[:-1], strict=True)),
                shown=parts[-1],
                markup=row.reply_markup,
            )
    return Drawn()


def fit_parts(parts: list[str], *, above: int) -> tuple[list[str], str, list[str]]:
    """A redraw's parts (`redraw_parts`) laid over a message with `above` messages above it
    that carry the start of its text: the texts of those kept (from the top; any more are
    deleted), the message's own, and the rest below it (more than there is room for above:
    edited into, or sent as, messages below it)."""
    if len(parts) <= above + 1:
        return parts[:-1], parts[-1], []
    return parts[:above], parts[above], parts[above + 1 :]


def redraw_parts(value: str, *, caption: bool) -> list[str]:
    """The texts a redraw of a message with this HTML text becomes: the message itself (its
    caption when `caption`) and, when it does not fit, the rest in messages below it, split at
    line ends like any long text, so that nothing is cut."""
    first, *rest = split_html(value, limit=CAPTION_LIMIT if caption else TEXT_LIMIT) or [""]
    if caption and rest:  # the rest of a caption goes as text, up to a message each
        rest = split_html("\n".join(rest))
    return [first, *rest]


async def mark_on_the_way(
    session: AsyncSession, *, where: Iterable[ColumnElement[bool]], matter: str
) -> int:
    """The notices matching `where` that the sender has claimed (their message id is not known
    yet: the call may be under way) are given `matter`, so that once sent the sender's
    follow-up redraws them (`record_sent` returns the matter as it is then). Done before the
    caller cancels the rest (`cancel_stale`): those not claimed yet are held (PostgreSQL: the
    sender's claim skips a locked row) till the caller commits, so none is claimed between
    this mark and the cancel. In the caller's transaction; returns how many were marked (a
    caller whose change then fails rolls the marks back)."""
    where = list(where)
    await session.exec(
        select(Delivery.id)
        .where(
            *where,
            col(Delivery.state).in_([DeliveryState.PENDING, DeliveryState.SENDING]),
        )
        .with_for_update()
    )
    result = await session.exec(  # type: ignore[call-overload]
        update(Delivery)
        .where(*where, col(Delivery.state) == DeliveryState.SENDING)
        .values(matter=matter)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)


async def sent_on_the_way(
    session: AsyncSession, *, delivery_id: int, marked: Callable[[str], Mark | None]
) -> tuple[Delivery, Mark] | None:
    """The delivery, held (row lock) and read as recorded, with what its matter names when
    it was marked on its way (`mark_on_the_way`; `marked` reads the mark, None when it is
    not one) and has been recorded sent: the caller redraws it and commits. None otherwise
    (the caller has nothing to redraw)."""
    row = (
        await session.exec(
            select(Delivery)
            .where(col(Delivery.id) == delivery_id)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
    ).first()
    mark = marked(row.matter or "") if row is not None else None
    if row is None or mark is None or row.state != DeliveryState.SENT:
        return None
    return row, mark


# Notices a member gets as a member that name no matter of their own (a claim's news); the
# others name the order they offer ("order:12:open") or the member's claim ("claim:7:active").
MEMBER_NOTICE_KINDS = (
    "order-notice-assigned",
    "order-notice-co-done",
    "order-notice-sent-back",
    "order-notice-info-added-member",
    "member-name-consent",
)


# Mail only staff get. No column says whom a message is for, so it is told by what it carries:
# the text keys of the order cycle's cards and reminders to staff (a `Notice` of a "staff-…"
# kind; tests/unit/test_staff_mail_kinds.py finds one missing here), the weekly digest and the
# alerts (scheduler kinds); the cards asking staff to verify a resident or review a member's
# sign-up (kind "notice", named by their matter: services.users.verify_matter,
# members.review_matter); and those telling staff of a proposed topic (kind "topic", as the
# proposer's news: named by their de-duplication key, services.topics.propose).
STAFF_NOTICE_KINDS = frozenset(
    {
        "meeting-question",
        "order-notice-new",
        "order-notice-urgent",
        "order-notice-info-added",
        "order-notice-info-added-place",
        "order-notice-info-added-moved",
        "order-notice-moved-away",
        "order-card-moved-away",
        "order-notice-place-moved",
        "order-notice-place-moved-away",
        "order-notice-moved-in",
        "order-notice-unanswered",
        "order-notice-staff-claimed",
        "order-notice-released",
        "order-notice-released-nobody",
        "order-notice-member-note",
        "order-notice-verify",
        "order-notice-verify-reminder",
        "order-notice-reopened",
        "order-notice-reopened-no-reason",
        "order-notice-reopened-reason",
        "order-notice-reopened-complaint",
        "order-notice-escalated",
        "order-notice-overdue",
        "order-notice-deadline-near-staff",
        "order-notice-transfer-follow-up",
        "order-notice-transfer-still-open",
        "order-notice-review-asked",
        "urge-notice-staff",
        "digest",
        "staff-alert",
        "praise-notice-staff",
        "praise-notice-staff-general",
        "complaint-notice-staff",
        "complaint-notice-staff-general",
    }
)
STAFF_MATTERS = ("resident:%:unverified", "member:%:pending")
STAFF_DEDUPE_KEYS = ("topic:%:new:%",)


def staff_mail() -> Any:
    """SQL: the delivery is mail only staff get (see STAFF_NOTICE_KINDS)."""
    return or_(
        col(Delivery.kind).in_(sorted(STAFF_NOTICE_KINDS)),
        *(col(Delivery.matter).like(m) for m in STAFF_MATTERS),
        *(col(Delivery.dedupe_key).like(k) for k in STAFF_DEDUPE_KEYS),
    )


async def cancel_staff_notices(
    session: AsyncSession, *, chat_id: int, community_id: int | None
) -> int:
    """Someone stopped being staff of a community (`None`: anywhere): the staff mail of it that
    waits for them — cards held for the morning, reminders, the digest — is cancelled, in the
    caller's transaction, as `cancel_stale` cancels (the sender looks again before sending).
    What they get as a resident or a member (their own requests' news, offers) stays. Returns
    how many."""
    where = [col(Delivery.chat_id) == chat_id, staff_mail()]
    if community_id is not None:
        where.append(col(Delivery.community_id) == community_id)
    result = await session.exec(  # type: ignore[call-overload]
        update(Delivery)
        .where(
            *where,
            not_yet_sent(),
        )
        .values(state=DeliveryState.CANCELLED, error="no longer staff")
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)


# Mail only admins get: the monthly report (scheduler.generic_jobs.monthly_report).
ADMIN_NOTICE_KINDS = frozenset({"report"})


async def cancel_admin_notices(
    session: AsyncSession, *, chat_id: int | None = None, admins: Collection[int] | None = None
) -> int:
    """Admin mail not sent yet (a monthly report held or waiting in the queue) is cancelled,
    in the caller's transaction, as `cancel_stale` cancels: `chat_id`'s, whose admin role was
    taken away; or, given `admins` (who is an admin now), that of everyone else (a bootstrap
    admin taken out of the settings). Returns how many."""
    where: list[ColumnElement[bool]] = [col(Delivery.kind).in_(sorted(ADMIN_NOTICE_KINDS))]
    if chat_id is not None:
        where.append(col(Delivery.chat_id) == chat_id)
    if admins is not None:
        where.append(col(Delivery.chat_id).not_in(sorted(admins)))
    if len(where) == 1:
        raise ValueError("cancel_admin_notices: give chat_id or admins")
    result = await session.exec(  # type: ignore[call-overload]
        update(Delivery)
        .where(
            *where,
            not_yet_sent(),
        )
        .values(state=DeliveryState.CANCELLED, error="no longer an admin")
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)


async def cancel_member_notices(session: AsyncSession, *, chat_id: int, staff: bool) -> int:
    """Someone stopped being a member (they deleted their data, or were suspended): what waits
    for them as a member is cancelled, in the caller's transaction — offers (an order's "open"
    matter; for staff, not their own cards about orders, which name it too), their claims'
    reminders and a claim's news. Their own requests' notices and everything else stay. Returns
    how many."""
    member_work: list[Any] = [
        col(Delivery.matter).like("claim:%"),
        col(Delivery.kind).in_(MEMBER_NOTICE_KINDS),
    ]
    offers = col(Delivery.matter).like("order:%")
    member_work.append(
        and_(offers, col(Delivery.kind).not_in(sorted(STAFF_NOTICE_KINDS))) if staff else offers
    )
    result = await session.exec(  # type: ignore[call-overload]
        update(Delivery)
        .where(
            col(Delivery.chat_id) == chat_id,
            or_(*member_work),
            not_yet_sent(),
        )
        .values(state=DeliveryState.CANCELLED, error="no longer a member")
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)


async def rewrite_unsent(
    session: AsyncSession, *, where: Iterable[Any], rewrite: Callable[[str], str]
) -> int:
    """The messages matching `where` not sent yet get their text rewritten (e.g. what they quote
    of someone who deleted their data), in the caller's transaction: one waiting in the queue
    in place; one the sender has claimed but not sent (it holds the text it read then) is
    cancelled and queued again as a copy with the new text, under its de-duplication key; the
    sender looks again before sending any claimed delivery (`still_to_send`) and drops the
    cancelled one. One whose call is under way when this commits goes as it was (that window
    is one HTTP round trip), and so does its copy. Returns how many changed."""
    rows = await session.exec(
        select(Delivery).where(
            *where,
            not_yet_sent(),
        )
    )
    changed = 0
    for row in rows.all():
        text = rewrite(row.text)
        if text == row.text:
            continue
        changed += 1
        if row.state == DeliveryState.PENDING:
            row.text = text
            continue
        # the copy takes the key (what finds it later: a meeting's announcements to redraw,
        # staff mail): the cancelled row gives it up first, the key being unique
        key, row.dedupe_key = row.dedupe_key, None
        row.state, row.error = DeliveryState.CANCELLED, "rewritten"
        session.add(row)
        if key is not None:
            await session.flush()
        session.add(
            Delivery(
                chat_id=row.chat_id,
                kind=row.kind,
                text=text,
                reply_markup=row.reply_markup,
                photo_ref=row.photo_ref,
                photo_bytes=row.photo_bytes,
                urgent=row.urgent,
                community_id=row.community_id,
                dedupe_key=key,
                broadcast_id=row.broadcast_id,
                not_before=row.not_before,
                held_from=row.held_from,
                deliver_by=row.deliver_by,
                matter=row.matter,
                edit_message_id=row.edit_message_id,
                created_at=row.created_at,
            )
        )
    return changed


async def cancel_carrying(session: AsyncSession, *, file_ids: Iterable[str]) -> int:
    """Messages not sent yet that carry one of these files (a photo someone sent, now deleted
    with their data) are cancelled, in the caller's transaction, as `cancel_stale` cancels:
    their words alone would point at a picture that is not there any more. Returns how many."""
    files = sorted(set(file_ids))
    if not files:
        return 0
    result = await session.exec(  # type: ignore[call-overload]
        update(Delivery)
        .where(
            col(Delivery.photo_ref).in_(files),
            not_yet_sent(),
        )
        .values(state=DeliveryState.CANCELLED, error="its photo was deleted")
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)


async def still_to_send(
    session: AsyncSession, *, delivery_id: int, worker: str | None = None
) -> bool:
    """The sender's last look before the Bot API call, at every delivery it claimed: is it
    still to go (not cancelled meanwhile because its matter moved on, or rewritten: see
    `rewrite_unsent`)? With `worker`, also: is it still this sender's claim? Its lease may have
    run out (a long 429 pause) and another sender taken it up (`release_stale`, then its own
    claim): then that one sends it, not both. One statement by primary key, an UPDATE that
    changes nothing: as a write it waits for a transaction that is cancelling or rewriting the
    row (PostgreSQL's row lock, SQLite's writers' queue) and then reads what that committed,
    where a read would see the row as it was and let the old text go."""
    ours = [col(Delivery.claimed_by) == worker] if worker is not None else []
    result = await session.exec(  # type: ignore[call-overload]
        update(Delivery)
        .where(
            col(Delivery.id) == delivery_id,
            col(Delivery.state) == DeliveryState.SENDING,
            *ours,
        )
        .values(state=col(Delivery.state))
        .execution_options(synchronize_session=False)
    )
    await session.commit()
    return int(result.rowcount or 0) == 1


# --- quiet hours -------------------------------------------------------------------------------


def parse_hhmm(value: str) -> time:
    """ "22:00" → time(22, 0); raises ValueError for anything else."""
    match = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", value.strip())
    if not match:
        raise ValueError(f"not a time of day: {value!r}")
    return time(int(match.group(1)), int(match.group(2)))


def home_community() -> Any:
    """SQL (correlated on User): the community whose quiet hours apply to a person when a
    message names none — their address's; without an address of their own, the community they
    serve in as a member (双报到; a rejected sign-up, also one deleted with /forget, serves
    nowhere), else the first they are staff of; NULL: the default hours."""
    member = (
        sa_select(col(MemberProfile.community_id))
        .where(
            col(MemberProfile.user_id) == col(User.id),
            col(MemberProfile.status) != MemberStatus.REJECTED,
        )
        .correlate(User)
        .scalar_subquery()
    )
    staff = (
        sa_select(func.min(col(StaffScope.community_id)))
        .where(col(StaffScope.user_id) == col(User.id))
        .correlate(User)
        .scalar_subquery()
    )
    return func.coalesce(col(User.community_id), member, staff)


async def home_communities(
    session: AsyncSession, *, chat_ids: Iterable[int]
) -> dict[int, int | None]:
    """`home_community` of these people (one query)."""
    ids = [c for c in chat_ids if c > 0]
    if not ids:
        return {}
    rows = await session.exec(  # type: ignore[call-overload]
        sa_select(col(User.id), home_community()).where(col(User.id).in_(ids))
    )
    return {int(uid): cid for uid, cid in rows.all()}


async def quiet_hours_for(session: AsyncSession, *, user: User) -> tuple[time, time, bool]:
    """The quiet hours that hold a person's messages (those of `home_community`)."""
    cid = user.community_id
    if cid is None:
        cid = (await home_communities(session, chat_ids=[user.id])).get(user.id)
    return await quiet_hours_of(session, community_id=cid)


async def quiet_hours_of(
    session: AsyncSession, *, community_id: int | None
) -> tuple[time, time, bool]:
    """A community's quiet hours (start, end, enabled); the default when it has none set."""
    if community_id is not None:
        row = await session.get(QuietHours, community_id)
        if row is not None:
            return quiet_hours_from(row.start, row.end, row.enabled)
    return quiet_hours_from(None, None, None)


def quiet_hours_from(
    start: str | None, end: str | None, enabled: bool | None
) -> tuple[time, time, bool]:
    """`quiet_hours_of` from the columns of a community's quiet_hours row read along with
    something else (an outer join: all None when it has none set, the default)."""
    if start is None or end is None or enabled is None:
        return DEFAULT_QUIET[0], DEFAULT_QUIET[1], True
    return parse_hhmm(start), parse_hhmm(end), enabled


async def set_quiet_hours(
    session: AsyncSession,
    *,
    community_id: int,
    start: str,
    end: str,
    enabled: bool = True,
    now: datetime | None = None,
) -> QuietHours:
    """Set a community's quiet hours ("22:00", "07:00") and commit; what the old ones held is
    re-timed by the new ones in the same commit (switched off: it goes now)."""
    begin, finish = parse_hhmm(start), parse_hhmm(end)
    row = await session.get(QuietHours, community_id)
    if row is None:
        row = QuietHours(community_id=community_id)
    row.start, row.end, row.enabled = start.strip(), end.strip(), enabled
    session.add(row)
    await retime_held(
        session,
        community_id=community_id,
        quiet=(begin, finish, enabled),
        now=now or utcnow(),
    )
    await session.commit()
    return row


async def _held(session: AsyncSession, *, now: datetime, where: list[Any]) -> list[Delivery]:
    """Pending deliveries quiet hours hold past `now` (not those scheduled later on purpose)."""
    stmt = select(Delivery).where(
        col(Delivery.state) == DeliveryState.PENDING,
        col(Delivery.held_from).is_not(None),
        col(Delivery.not_before) > now,
        *where,
    )
    return list((await session.exec(stmt)).all())


async def release_held(session: AsyncSession, *, chat_id: int, now: datetime) -> int:
    """A user opted out of quiet hours: what they hold for them goes at the time it was meant
    for (now, or later if it was scheduled later). Not committed; returns how many."""
    rows = await _held(session, now=now, where=[col(Delivery.chat_id) == chat_id])
    for delivery in rows:
        assert delivery.held_from is not None
        delivery.not_before = max(delivery.held_from, now)
        delivery.held_from = None
    session.add_all(rows)
    if rows:
        note_due(session)
    return len(rows)


async def release_matter(
    session: AsyncSession, *, matter: str, kinds: Collection[str], now: datetime
) -> int:
    """The matter became urgent (staff marked its request so): the notices of these kinds about
    it that quiet hours hold go at the time they were meant for (now, or later if scheduled so),
    as urgent ones, so that no later change of quiet hours holds them again. Not committed;
    returns how many."""
    where = [col(Delivery.matter) == matter, col(Delivery.kind).in_(sorted(kinds))]
    rows = await _held(session, now=now, where=where)
    for row in rows:
        assert row.held_from is not None
        row.not_before = max(row.held_from, now)
        row.held_from = None
        row.urgent = True
    session.add_all(rows)
    if rows:
        note_due(session)
    return len(rows)


async def withdraw_unsent(
    session: AsyncSession, *, where: Iterable[Any], reason: str
) -> list[tuple[int, str]]:
    """The messages matching `where` not sent yet are cancelled, as `cancel_stale` cancels,
    and give up their de-duplication keys: what replaces them (the same notice as it reads now)
    may be queued under the same key, now or later. (chat id, kind) of each, in the caller's
    transaction."""
    rows = (await session.exec(select(Delivery).where(*where, not_yet_sent()))).all()
    for row in rows:
        row.state, row.error, row.dedupe_key = DeliveryState.CANCELLED, reason, None
        session.add(row)
    if rows:
        await session.flush()  # the keys are free before anything takes them again
    return [(row.chat_id, row.kind) for row in rows]


async def calm(
    session: AsyncSession, *, where: Iterable[Any], community_id: int, now: datetime
) -> int:
    """The matter these messages are about is urgent no more: those matching `where` waiting
    to go as urgent (not edits, which wake nobody) go as any other notice does — quiet hours
    hold them until the window ends (per `_retime`, by their community's hours; `community_id`
    for those that name none), else they go at their time. Not committed; returns how many are
    held now."""
    stmt = select(Delivery.id, Delivery.community_id).where(
        col(Delivery.state) == DeliveryState.PENDING,
        col(Delivery.urgent).is_(True),
        col(Delivery.edit_message_id).is_(None),
        col(Delivery.chat_id) > 0,
        *where,
    )
    rows = list((await session.exec(stmt)).all())
    if not rows:
        return 0
    ids = [did for did, _cid in rows]
    await session.exec(  # type: ignore[call-overload]
        update(Delivery)
        .where(col(Delivery.id).in_(ids))
        .values(urgent=False)
        .execution_options(synchronize_session=False)
    )
    for obj in list(session.sync_session.identity_map.values()):
        if isinstance(obj, Delivery) and obj.id in ids:
            set_committed_value(obj, "urgent", False)
    hours = {
        cid: await quiet_hours_of(session, community_id=cid if cid is not None else community_id)
        for cid in {cid for _did, cid in rows}
    }
    return await _retime(
        session,
        where=[col(Delivery.id).in_(ids)],
        quiet=lambda cid: hours[cid],
        holds_now=any(
            enabled and in_quiet_hours(now, start=start, end=end, zone=_zone)
            for start, end, enabled in hours.values()
        ),
        now=now,
    )


async def retime_held(
    session: AsyncSession,
    *,
    community_id: int,
    quiet: tuple[time, time, bool],
    now: datetime,
) -> int:
    """A community's quiet hours changed: every non-urgent message waiting for one of its people
    is timed by the new hours. What the old hours held goes when the new ones let it; whatever is
    to go inside the new window — queued normally, scheduled on purpose for a time now inside it,
    or waiting in the queue — is held until the window ends (never past its `deliver_by`; urgent
    ones, groups and people who opted out are not held). Not committed; returns how many moved."""
    # its residents, and the people without an address of their own who serve in it
    residents = select(User.id).where(
        or_(
            col(User.community_id) == community_id,
            and_(col(User.community_id).is_(None), home_community() == community_id),
        )
    )
    ours = or_(
        col(Delivery.community_id) == community_id,
        and_(col(Delivery.community_id).is_(None), col(Delivery.chat_id).in_(residents)),
    )
    start, end, enabled = quiet
    return await _retime(
        session,
        where=[ours],
        quiet=lambda _community_id: quiet,
        holds_now=enabled and in_quiet_hours(now, start=start, end=end, zone=_zone),
        now=now,
    )


async def hold_for_quiet_hours(session: AsyncSession, *, user: User, now: datetime) -> int:
    """A user let quiet hours apply to them again, or moved to another community: what is
    waiting for them is timed by their quiet hours now — what would go inside them is held
    until the window ends (as `enqueue` would hold it; urgent ones and time-bound ones that
    would be too late go as timed), and what the old hours held goes when the new ones let it.
    Not committed; returns how many moved."""
    home = user.community_id
    if home is None:
        home = (await home_communities(session, chat_ids=[user.id])).get(user.id)
    hours: dict[int | None, tuple[time, time, bool]] = {}
    for cid in {home, *await _communities_of(session, chat_id=user.id)}:
        hours[cid] = await quiet_hours_of(session, community_id=cid)
    return await _retime(
        session,
        where=[col(Delivery.chat_id) == user.id],
        quiet=lambda cid: hours[cid if cid is not None else home],
        holds_now=any(
            enabled and in_quiet_hours(now, start=start, end=end, zone=_zone)
            for start, end, enabled in hours.values()
        ),
        now=now,
    )


async def _communities_of(session: AsyncSession, *, chat_id: int) -> set[int | None]:
    stmt = select(Delivery.community_id).where(
        col(Delivery.chat_id) == chat_id, col(Delivery.state) == DeliveryState.PENDING
    )
    return set((await session.exec(stmt)).all())


async def _retime(
    session: AsyncSession,
    *,
    where: list[Any],
    quiet: Callable[[int | None], tuple[time, time, bool]],
    holds_now: bool,
    now: datetime,
) -> int:
    """Time the pending non-urgent messages to private chats matching `where` by the quiet
    hours `quiet` gives for each (by its community_id): held until the window ends when their
    time (the one they were meant for) falls inside it, else at that time.

    Two statements however many messages wait (a broadcast in flight is thousands): one SELECT
    of the columns the rule needs, with the recipient's opt-out, and one executemany UPDATE."""
    conditions = [
        col(Delivery.state) == DeliveryState.PENDING,
        col(Delivery.urgent) == false(),
        col(Delivery.chat_id) > 0,
        *where,
    ]
    if not holds_now:  # what is due now cannot fall inside the window: leave it be
        conditions.append(
            or_(col(Delivery.held_from).is_not(None), col(Delivery.not_before) > now)
        )
    stmt = (
        sa_select(
            col(Delivery.id),
            col(Delivery.community_id),
            col(Delivery.not_before),
            col(Delivery.held_from),
            col(Delivery.deliver_by),
            col(User.quiet_hours_opt_out),
        )
        .outerjoin(User, col(User.id) == col(Delivery.chat_id))
        .where(*conditions)
    )
    changes: list[dict[str, Any]] = []
    moved = 0
    for did, community_id, not_before, held_from, deliver_by, opted_out in (
        await session.exec(stmt)  # type: ignore[call-overload]
    ).all():
        meant = held_from if held_from is not None else not_before
        base = max(meant, now)  # the time it would go without quiet hours
        when = base
        if not opted_out:
            when = held_until(base, quiet=quiet(community_id), deliver_by=deliver_by)
        if when == base:
            if held_from is None:
                continue  # neither held nor to be held: its time stays as it is
            new_held_from = None  # released
        else:
            new_held_from = meant  # held: remembers the time it was meant for
        if when != not_before:
            moved += 1
        changes.append({"id": did, "not_before": when, "held_from": new_held_from})
    await _set_times(session, changes)
    return moved


async def _set_times(session: AsyncSession, changes: list[dict[str, Any]]) -> None:
    """Write new `not_before`/`held_from` values by id: one executemany UPDATE for them all;
    deliveries this session has loaded get the new values too."""
    if not changes:
        return
    await session.flush()  # nothing of ours pending in the unit of work may overwrite them later
    table = Delivery.__table__  # type: ignore[attr-defined]
    stmt = (
        update(table)
        .where(table.c.id == bindparam("did"))
        .values(not_before=bindparam("when"), held_from=bindparam("meant"))
    )
    await (await session.connection()).execute(
        stmt,
        [{"did": c["id"], "when": c["not_before"], "meant": c["held_from"]} for c in changes],
    )
    note_due(session)  # some may be due now (released): the sender looks after the commit
    by_id = {c["id"]: c for c in changes}
    for obj in list(session.sync_session.identity_map.values()):
        if isinstance(obj, Delivery) and obj.id in by_id:
            change = by_id[obj.id]
            set_committed_value(obj, "not_before", change["not_before"])
            set_committed_value(obj, "held_from", change["held_from"])


def held_until(
    when: datetime, *, quiet: tuple[time, time, bool], deliver_by: datetime | None
) -> datetime:
    """When a non-urgent message to a person meant for `when` goes under these quiet hours
    (start, end, enabled): at the end of the window when `when` falls inside it, unless that is
    past its `deliver_by` (then at `when`, since late would be useless)."""
    start, end, enabled = quiet
    if not enabled:
        return when
    held = after_quiet_hours(when, start=start, end=end, zone=_zone)
    return held if deliver_by is None or held <= deliver_by else when


def in_quiet_hours(moment: datetime, *, start: time, end: time, zone: tzinfo) -> bool:
    """True when the moment falls in the window [start, end) of local time (may cross midnight)."""
    local = moment.astimezone(zone).time()
    if start == end:
        return False
    if start < end:
        return start <= local < end
    return local >= start or local < end


def after_quiet_hours(moment: datetime, *, start: time, end: time, zone: tzinfo) -> datetime:
    """The moment itself, or the end of the quiet window it falls in (in UTC)."""
    if not in_quiet_hours(moment, start=start, end=end, zone=zone):
        return moment
    local = moment.astimezone(zone)
    day = local.date()
    if start > end and local.time() >= start:
        day = day + timedelta(days=1)
    wake = datetime.combine(day, end, tzinfo=zone)
    return wake.astimezone(UTC)


# --- long texts --------------------------------------------------------------------------------

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>")


def utf16_len(value: str) -> int:
    """Length as Telegram counts it (UTF-16 code units)."""
    return len(value.encode("utf-16-le")) // 2


def visible_text(fragment: str) -> str:
    """What Telegram shows of an HTML text, as far as its length goes: tags removed, each
    entity one character (an "x")."""
    plain = _TAG.sub("", fragment)
    return re.sub(r"&(#\d+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);", "x", plain)


def _visible_len(fragment: str) -> int:
    """UTF-16 length of what Telegram shows: tags removed, each entity one character."""
    return utf16_len(visible_text(fragment))


def split_html(value: str, *, limit: int = TEXT_LIMIT) -> list[str]:
    """Split an HTML text into parts Telegram accepts, at line (else word) breaks, tags kept whole.

    Tags open at a cut are closed at the end of the part and reopened at the start of the next.
    """
    if _visible_len(value) <= limit:
        return [value]
    tokens: list[str] = []
    for token in re.split(r"(<[^>]*>|&[#a-zA-Z0-9]+;|\n| )", value):
        if not token:
            continue
        if not token.startswith(("<", "&")) and utf16_len(token) > limit // 2:
            step = max(1, limit // 4)  # one word longer than a message: cut it by characters
            tokens.extend(token[i : i + step] for i in range(0, len(token), step))
        else:
            tokens.append(token)
    weights = [0 if _TAG.fullmatch(t) else _visible_len(t) for t in tokens]
    # the tags open before each token
    stacks: list[list[tuple[str, str]]] = []
    stack: list[tuple[str, str]] = []
    for token in tokens:
        stacks.append(list(stack))
        match = _TAG.fullmatch(token)
        if match and match.group(1):
            name = match.group(2).lower()
            for i in range(len(stack) - 1, -1, -1):
                if stack[i][0] == name:
                    del stack[i]
                    break
        elif match:
            stack.append((match.group(2).lower(), token))
    stacks.append(list(stack))
    parts: list[str] = []
    start = 0
    while start < len(tokens):
        size, i, cut_at_line, size_at_line = 0, start, -1, 0
        while i < len(tokens) and size + weights[i] <= limit:
            size += weights[i]
            if tokens[i] == "\n":
                cut_at_line, size_at_line = i + 1, size
            i += 1
        end = i
        if i < len(tokens) and cut_at_line > start and size_at_line > limit // 2:
            end = cut_at_line
        end = max(end, start + 1)
        opening = "".join(tag for _, tag in stacks[start])
        closing = "".join(f"</{name}>" for name, _ in reversed(stacks[end]))
        body = "".join(tokens[start:end])
        if _TAG.sub("", body).strip():
            parts.append(opening + body + closing)
        start = end
    return parts


def photo_parts(value: str) -> list[str]:
    """The texts of the messages a photo with this HTML text becomes: one, its caption, when the
    text fits a caption (CAPTION_LIMIT as Telegram counts it); else the photo without a caption
    followed by the whole text (split like any long text), so nothing is ever cut."""
    if not value:
        return [""]
    caption = split_html(value, limit=CAPTION_LIMIT)
    if len(caption) == 1:
        return caption
    return ["", *split_html(value)]


# --- the sender's side: claim, record, recover -------------------------------------------------


@dataclass(frozen=True)
class Claimed:
    """A delivery the sender has claimed, detached from any session."""

    id: int
    chat_id: int
    text: str
    reply_markup: dict[str, Any] | None
    photo_ref: str | None
    photo_bytes: bytes | None
    urgent: bool
    kind: str
    broadcast_id: int | None
    attempts: int
    message_ids: list[int]
    matter: str | None = None  # see `enqueue`: the sender looks again before sending it
    edit_message_id: int | None = None  # see `enqueue`: redraw this message, send none


async def claim_deliveries(
    session: AsyncSession,
    *,
    now: datetime,
    limit: int,
    worker: str,
    lease: timedelta = timedelta(minutes=5),
    skip_chats: set[int] | frozenset[int] = frozenset(),
) -> list[Claimed]:
    """Atomically take up to `limit` due deliveries (urgent first) and commit the claim."""
    pending = and_(col(Delivery.state) == DeliveryState.PENDING, col(Delivery.not_before) <= now)
    conditions = [pending]
    if skip_chats:
        conditions.append(col(Delivery.chat_id).not_in(list(skip_chats)))
    pick = (
        select(Delivery.id)
        .where(*conditions)
        .order_by(col(Delivery.urgent).desc(), col(Delivery.not_before), col(Delivery.id))
        .limit(limit)
    )
    dialect = session.bind.dialect.name if session.bind is not None else "sqlite"
    if dialect == "postgresql":
        pick = pick.with_for_update(skip_locked=True)
    stmt = (
        update(Delivery)
        .where(col(Delivery.id).in_(pick.scalar_subquery()), pending)
        .values(
            state=DeliveryState.SENDING,
            claimed_by=worker,
            lease_until=now + lease,
            attempts=col(Delivery.attempts) + 1,
        )
        .returning(col(Delivery.id))
        .execution_options(synchronize_session=False)
    )
    ids = [
        row[0]
        for row in (
            await session.exec(  # type: ignore[call-overload]
                stmt
            )
        ).all()
    ]
    await session.commit()
    if not ids:
        return []
    rows = (
        await session.exec(
            select(Delivery)
            .where(col(Delivery.id).in_(ids))
            .execution_options(populate_existing=True)
            .order_by(col(Delivery.urgent).desc(), col(Delivery.not_before), col(Delivery.id))
        )
    ).all()
    return [
        Claimed(
            id=r.id or 0,
            chat_id=r.chat_id,
            text=r.text,
            reply_markup=r.reply_markup,
            photo_ref=r.photo_ref,
            photo_bytes=r.photo_bytes,
            urgent=r.urgent,
            kind=r.kind,
            broadcast_id=r.broadcast_id,
            attempts=r.attempts,
            message_ids=r.message_id_list,
            matter=r.matter,
            edit_message_id=r.edit_message_id,
        )
        for r in rows
    ]


async def record_progress(
    session: AsyncSession, *, delivery_id: int, message_ids: list[int]
) -> None:
    """Remember the parts of a long message already sent, so a retry continues after them."""
    await session.exec(  # type: ignore[call-overload]
        update(Delivery)
        .where(col(Delivery.id) == delivery_id)
        .values(message_ids=",".join(str(m) for m in message_ids))
    )
    await session.commit()


async def record_sent(
    session: AsyncSession, *, delivery_id: int, message_ids: list[int], now: datetime
) -> str | None:
    """The delivery went out: state sent, with Telegram's message ids. Returns its matter as
    it is now: one may have been given while it was on its way (e.g. a meeting's message
    marked to be redrawn once sent, services.meeting_messages.redraw_matter). One cancelled
    while its call was under way (after the sender's last look, `still_to_send`) stays
    cancelled, as in `record_failed`, and None is returned: a copy `rewrite_unsent` queued in
    its place is the one that counts."""
    matter = (
        await session.exec(  # type: ignore[call-overload]
            update(Delivery)
            .where(col(Delivery.id) == delivery_id, col(Delivery.state) != DeliveryState.CANCELLED)
            .values(
                state=DeliveryState.SENT,
                message_ids=",".join(str(m) for m in message_ids),
                sent_at=now,
                error=None,
                lease_until=None,
            )
            .returning(col(Delivery.matter))
        )
    ).scalar_one_or_none()
    await session.commit()
    return None if matter is None else str(matter)


async def record_blocked(
    session: AsyncSession, *, delivery_id: int, chat_id: int, error: str
) -> int:
    """The user blocked the bot: mark them, and every message waiting for them; returns count.

    One cancelled meanwhile (`cancel_stale`, e.g. while its call was under way) stays cancelled,
    as in `record_failed`: that is what happened to the notice; the user is marked all the same.
    """
    await session.exec(  # type: ignore[call-overload]
        update(Delivery)
        .where(col(Delivery.id) == delivery_id, col(Delivery.state) != DeliveryState.CANCELLED)
        .values(state=DeliveryState.BLOCKED, error=error[:500], lease_until=None)
    )
    result = await session.exec(  # type: ignore[call-overload]
        update(Delivery)
        .where(
            col(Delivery.chat_id) == chat_id,
            col(Delivery.state).in_([DeliveryState.PENDING, DeliveryState.SENDING]),
        )
        .values(state=DeliveryState.BLOCKED, error="blocked before sending")
    )
    if chat_id > 0:
        await session.exec(  # type: ignore[call-overload]
            update(User).where(col(User.id) == chat_id).values(blocked_bot=True)
        )
    else:  # a group or channel the bot was removed from: nothing more goes there
        from services.group_chats import is_gone, mark_gone

        if not await is_gone(session, chat_id=chat_id):
            mark_gone(session, chat_id=chat_id, error=error)
    await session.commit()
    return int(result.rowcount or 0) + 1  # type: ignore[attr-defined]


async def record_failed(
    session: AsyncSession, *, delivery_id: int, error: str, worker: str | None = None
) -> None:
    """The delivery cannot be sent (bad request, too many attempts). One cancelled meanwhile
    (`cancel_stale`, e.g. while its call was under way) stays cancelled: that is what happened
    to the notice, and what the outbox's counts should say. With `worker`, only while it is
    still that sender's claim: one put back in the queue meanwhile (its lease ran out), or
    taken up by another sender, is theirs to send and record."""
    ours = [col(Delivery.claimed_by) == worker] if worker is not None else []
    await session.exec(  # type: ignore[call-overload]
        update(Delivery)
        .where(
            col(Delivery.id) == delivery_id,
            col(Delivery.state) != DeliveryState.CANCELLED,
            *ours,
        )
        .values(state=DeliveryState.FAILED, error=error[:500], lease_until=None)
    )
    await session.commit()


async def record_retry(
    session: AsyncSession,
    *,
    delivery_id: int,
    error: str,
    not_before: datetime,
    count_attempt: bool = True,
    worker: str | None = None,
) -> None:
    """Put a delivery back in the queue after a transient failure (or a busy chat), to go at
    `not_before`: quiet hours apply to that time as to a new message — a non-urgent one to a
    person that would go inside their quiet hours waits until the window ends (never past its
    `deliver_by`; urgent ones, groups and people who opted out go as timed). With `worker`,
    only while it is still that sender's claim (see `record_failed`)."""
    when, meant = not_before, None
    row = (
        await session.exec(  # type: ignore[call-overload]
            sa_select(
                col(Delivery.urgent),
                col(Delivery.chat_id),
                col(Delivery.community_id),
                col(Delivery.deliver_by),
                col(User.quiet_hours_opt_out),
                home_community(),
            )
            .outerjoin(User, col(User.id) == col(Delivery.chat_id))
            .where(col(Delivery.id) == delivery_id)
        )
    ).first()
    if row is not None:
        urgent, chat_id, community_id, deliver_by, opted_out, home = row
        if not urgent and chat_id > 0 and not opted_out:
            cid = community_id if community_id is not None else home
            quiet = await quiet_hours_of(session, community_id=cid)
            held = held_until(not_before, quiet=quiet, deliver_by=deliver_by)
            if held != not_before:
                when, meant = held, not_before
    await session.exec(  # type: ignore[call-overload]
        update(Delivery)
        # only while the sender holds it: one cancelled meanwhile (`cancel_stale`) stays so
        .where(
            col(Delivery.id) == delivery_id,
            col(Delivery.state) == DeliveryState.SENDING,
            *([col(Delivery.claimed_by) == worker] if worker is not None else []),
        )
        .values(
            state=DeliveryState.PENDING,
            error=error[:500],
            not_before=when,
            held_from=meant,  # held: the time the sender meant it for
            claimed_by=None,
            lease_until=None,
            attempts=col(Delivery.attempts) - (0 if count_attempt else 1),
        )
    )
    await session.commit()


async def release_stale(
    session: AsyncSession,
    *,
    now: datetime,
    worker: str,
    all_others: bool = False,
    keep: frozenset[int] = frozenset(),
) -> int:
    """Return deliveries a dead sender left half-done to the queue; returns how many. `keep`:
    the ones the calling sender is working on now, which are not stale whatever their lease."""
    stale = or_(col(Delivery.lease_until) < now, col(Delivery.lease_until).is_(None))
    if all_others:
        stale = or_(stale, col(Delivery.claimed_by) != worker, col(Delivery.claimed_by).is_(None))
    working = [col(Delivery.id).not_in(sorted(keep))] if keep else []
    result = await session.exec(  # type: ignore[call-overload]
        update(Delivery)
        .where(col(Delivery.state) == DeliveryState.SENDING, stale, *working)
        .values(state=DeliveryState.PENDING, claimed_by=None, lease_until=None)
    )
    await session.commit()
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def next_due(session: AsyncSession) -> datetime | None:
    """When the earliest pending delivery falls due (None when the outbox is empty)."""
    stmt = select(func.min(Delivery.not_before)).where(
        col(Delivery.state) == DeliveryState.PENDING
    )
    return (await session.exec(stmt)).first()


async def count_by_state(
    session: AsyncSession, *, broadcast_id: int | None = None
) -> dict[str, int]:
    """How many deliveries are in each state (of one broadcast, or all)."""
    stmt = select(Delivery.state, func.count()).group_by(Delivery.state)
    if broadcast_id is not None:
        stmt = stmt.where(col(Delivery.broadcast_id) == broadcast_id)
    return {state: int(n) for state, n in (await session.exec(stmt)).all()}


__all__ = [
    "Claimed",
    "Drawn",
    "after_quiet_hours",
    "cancel_member_notices",
    "cancel_staff_notices",
    "cancel_stale",
    "claim_deliveries",
    "count_by_state",
    "enqueue",
    "fit_parts",
    "hold_for_quiet_hours",
    "home_communities",
    "home_community",
    "in_quiet_hours",
    "inline_keyboard",
    "mark_on_the_way",
    "not_yet_sent",
    "photo_parts",
    "quiet_hours_for",
    "quiet_hours_from",
    "quiet_hours_of",
    "record_blocked",
    "record_failed",
    "record_retry",
    "record_sent",
    "redraw_layout",
    "redraw_parts",
    "release_held",
    "release_stale",
    "retime_held",
    "rewrite_unsent",
    "sent_on_the_way",
    "set_quiet_hours",
    "split_html",
    "staff_mail",
    "still_to_send",
    "visible_text",
]
