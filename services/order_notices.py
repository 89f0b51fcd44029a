"""Turning order-cycle notices into outbox deliveries, in each recipient's language.

The buttons carry callback data in the format of handlers' `OrderCb` ("oc:<action>:<id>"); the
handlers re-check every permission, so a forged string gets nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, tzinfo
from functools import partial
from typing import Any, Protocol

from sqlalchemy import update
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from models import User
from models.base import utcnow
from models.scheduling import Delivery
from services import open_lists, order_cards
from services.delivery import (
    TEXT_LIMIT,
    enqueue,
    held_until,
    inline_keyboard,
    local_zone,
    prepare_batch,
    quiet_hours_for,
    quiet_hours_of,
    utf16_len,
    visible_text,
)
from services.fitting import LongTexts, cut_marker, make_room
from services.listing import Listing
from services.order_common import (
    Notice,
    OrderTitle,
    category,
    voice_placeholder_key,
    written_text,
)
from services.when import when_args

CB_PREFIX = "oc"
# services.request_cards.DRAWN: a staff card of a request, drawn already in its reader's language
STAFF_CARD_DRAWN = "staff-request-card-drawn"
# services.orders.verify_notice_redraws: a 请验收 notice as it was sent (`shown`), with who
# checked the result and when below, without buttons
VERIFY_DECIDED = "staff-verify-decided"


class Texts(Protocol):
    """A translator: text for a key in a language."""

    def get(self, lang: str, key: str, /, **args: Any) -> str:
        """The text, with escaped arguments."""
        ...


def cb(action: str, ref: int | None, extra: int = 0) -> str:
    """Callback data for an order-cycle button (same layout as handlers.claims.OrderCb)."""
    return f"{CB_PREFIX}:{action}:{ref or 0}:{extra}"


# Which buttons go with which kind of notice: (label key, action).
BUTTONS: dict[str, list[tuple[str, str]]] = {
    "staff-request-card": [("order-btn-open-request", "sreq")],
    "staff-order": [("order-btn-open-order", "sord")],
    "staff-order-nobody": [("order-btn-offer-all", "sall"), ("order-btn-open-order", "sord")],
    "staff-verify": [("order-btn-verify", "vok"), ("order-btn-send-back", "vback")],
    "staff-verify-photos": [
        ("order-btn-result-photos", "vpics"),
        ("order-btn-verify", "vok"),
        ("order-btn-send-back", "vback"),
    ],
    "member-offer": [("order-btn-claim", "claim"), ("order-btn-details", "odet")],
    "member-offer-filled": [("order-btn-details", "odet")],  # an offer redrawn once full
    "member-order": [("order-btn-details", "odet")],
    # a member's card of an order redrawn (services.order_cards): its buttons, as the card
    # drawn by handlers.claims.order_markup has them — a claimant's, or ✋ 接单 while open
    order_cards.CLAIMANT: [
        ("order-btn-report-done", "mdone"),
        ("order-btn-tell", "mnote"),
        ("order-btn-release", "mrel"),
    ],
    order_cards.OPEN: [("order-btn-claim", "claim")],
    # a claimant's deadline near / passed: report it done from the reminder, or read the order
    # ('overdue': tell the community why, as the reminder asks)
    "member-claim-due": [("order-btn-report-done", "mdone"), ("order-btn-details", "odet")],
    "member-claim-overdue": [
        ("order-btn-report-done", "mdone"),
        ("order-btn-tell", "mnote"),
        ("order-btn-details", "odet"),
    ],
    # sent back: report again from the notice itself, or read the order first
    "member-sent-back": [("order-btn-report-done", "mdone"), ("order-btn-details", "odet")],
    "resident-request": [("order-btn-view-mine", "rview")],
    "resident-rate": [
        ("order-rate-satisfied", "rate1"),
        ("order-rate-basic", "rate2"),
        ("order-rate-unsatisfied", "rate3"),
    ],
}


# a notice's arguments that are what someone typed (a reason, a note, an answer, a comment)
TYPED_ARGS = frozenset({"text", "reason", "note", "answer", "comment", "detail"})


# notices fitted to one message, and their 📄 全文: the card of the request, which shows what
# they quote whole (the resident's 我的诉求, staff's card)
WHOLE_ACTIONS = {
    "staff-request-card": "sfull",
    "resident-request": "rfull",
    "resident-rate": "rfull",
    # staff's 请验收: the order's card, which has the member's note whole
    "staff-verify": "ofull",
    "staff-verify-photos": "ofull",
}


def _marker(texts: Texts, lang: str, total: int) -> str:
    return texts.get(lang, "text-cut", total=str(total))


def localize(
    texts: Texts, lang: str, args: Mapping[str, Any], *, zone: tzinfo, now: datetime
) -> dict[str, Any]:
    """A notice's args written out in one language: a category's name, an order's title,
    lists, a deadline (local to `zone`: "12月9日（周三）19:30", or "none"), a voice note's
    placeholder."""
    out = dict(args)
    if "category" in out:
        out["category"] = category(str(out["category"])).name(lang)
    if isinstance(title := out.get("title"), OrderTitle):  # a category's name, in `lang`
        out["title"] = title.read_in(lang)
    for name, value in out.items():  # lists, as `lang` lists things ('A, B', '甲、乙')
        if isinstance(value, Listing):
            out[name] = value.read_in(lambda key: texts.get(lang, key))
    if "due" in out:  # a deadline, in the reader's words ("12月9日（周三）19:30"), or none
        due = out["due"]
        out["due"] = (
            texts.get(lang, "date-time", **when_args(due, zone=zone, now=now))
            if isinstance(due, datetime)
            else "none"
        )
    if "text" in out and not written_text(str(out["text"])):
        # a request left as a voice note only: say so in the reader's language
        out["text"] = texts.get(lang, voice_placeholder_key(str(out["text"])))
    return out


def _decided(
    texts: Texts, lang: str, notice: Notice, shown: str, said: str
) -> tuple[str, dict[str, Any] | None]:
    """A 请验收 as it was sent, then who decided: without its buttons, but its 📄 全文 when the
    member's note on it was cut, and still one message (the cut note makes room for the line)."""
    cut = cut_marker(partial(_marker, texts, lang))
    if notice.ref_id is None or not cut.search(shown):
        return f"{shown}\n\n{said}", None
    over = utf16_len(visible_text(f"{shown}\n\n{said}")) - TEXT_LIMIT
    if over > 0:
        shown = make_room(shown, cut=cut, units=over) or shown
    whole = texts.get(lang, "common-btn-whole-text")
    return f"{shown}\n\n{said}", inline_keyboard([[(whole, cb("ofull", notice.ref_id))]])


def render(texts: Texts, lang: str, notice: Notice) -> tuple[str, dict[str, Any] | None]:
    """The text and inline keyboard of a notice in one language."""
    if notice.kind == STAFF_CARD_DRAWN:  # a staff card of a request, drawn for its reader
        return str(notice.args["body"]), notice.args.get("markup")
    if notice.kind == VERIFY_DECIDED:  # a 请验收 as sent, then who checked it and when
        at = when_args(notice.args["at"], zone=local_zone(), now=utcnow())
        said = texts.get(
            lang,
            notice.key,
            name=notice.args["name"],
            how=notice.args["how"],
            time=texts.get(lang, "date-time", **at),
        )
        return _decided(texts, lang, notice, str(notice.args["shown"]), said)
    if notice.kind == open_lists.DRAWN:  # a member's 可接工单 list, redrawn
        zone, now = local_zone(), utcnow()
        lines = [localize(texts, lang, ln, zone=zone, now=now) for ln in notice.args["lines"]]
        text, rows = open_lists.draw(partial(texts.get, lang), {**notice.args, "lines": lines})
        return text, inline_keyboard(rows) if rows else None
    args = localize(texts, lang, notice.args, zone=local_zone(), now=utcnow())
    buttons = BUTTONS.get(notice.kind)
    if notice.kind in order_cards.CARD_KINDS:  # a member's card of an order, redrawn
        card = order_cards.fitted(partial(texts.get, lang), args)
        text = card.text
        if card.cut:  # a typed text on it cut: 📄 全文 shows it whole
            buttons = [("common-btn-whole-text", "ofull"), *(buttons or [])]
    elif notice.kind in WHOLE_ACTIONS and notice.ref_id is not None:
        # within one message (a notice redrawn cannot be split): the longest typed texts cut,
        # and 📄 全文 beside its buttons shows the card that has them whole
        long = LongTexts()
        typed = {n: long(v) for n, v in args.items() if n in TYPED_ARGS and isinstance(v, str)}
        marker = partial(_marker, texts, lang)
        card = long.fit(texts.get(lang, notice.key, **{**args, **typed}), marker=marker)
        text = card.text
        if card.cut:
            buttons = [("common-btn-whole-text", WHOLE_ACTIONS[notice.kind]), *(buttons or [])]
    else:  # whole (the outbox splits a text too long for one message, buttons under the last)
        text = texts.get(lang, notice.key, **args)
    if not buttons or notice.ref_id is None:
        return text, None
    number = str(notice.args.get("number", ""))
    row = [
        (texts.get(lang, label, number=number), cb(action, notice.ref_id))
        for label, action in buttons
    ]
    rows = [row] if len(row) <= 2 else [[b] for b in row]
    return text, inline_keyboard(rows)


async def _reads_otherwise(
    session: AsyncSession, notice: Notice, text: str, markup: dict[str, Any] | None
) -> bool:
    """The message `notice` redraws (`Notice.remembered`), found reading as when the redraw was
    worked out and not `text`, is taken to read so (a compare-and-set on its remembered text:
    a second redraw to the same text, by a change at the same moment, finds it taken and
    queues nothing; so does one worked out before a change committed meanwhile, which redraws
    it itself); its redraws still queued, worked out before, are cancelled. False when it
    reads so already, or was redrawn meanwhile."""
    assert notice.remembered is not None
    row_id, read = notice.remembered
    taken = await session.exec(  # type: ignore[call-overload]
        update(Delivery)
        .where(col(Delivery.id) == row_id, col(Delivery.text) == read, col(Delivery.text) != text)
        .values(text=text, reply_markup=markup)
        .execution_options(synchronize_session=False)
    )
    if not taken.rowcount:
        return False
    if notice.edit_message_id is not None:
        await order_cards.cancel_queued(
            session, chat_id=notice.chat_id, message_ids=[notice.edit_message_id]
        )
    return True


async def deliver(
    session: AsyncSession,
    notices: Sequence[Notice],
    *,
    texts: Texts,
    default_language: str,
    now: datetime | None = None,
) -> int:
    """Queue every notice in the outbox (the caller commits); returns how many were queued."""
    if not notices:
        return 0
    batch = await prepare_batch(
        session,
        chat_ids=(n.chat_id for n in notices),
        dedupe_keys=(n.dedupe_key for n in notices if n.dedupe_key),
        known=(n.recipient for n in notices if n.recipient is not None),
    )
    for notice in notices:  # quiet hours the service read already are not read again
        if notice.quiet_hours is not None and notice.community_id is not None:
            batch.quiet.setdefault(notice.community_id, notice.quiet_hours)
    for notice in notices:
        user = batch.users.get(notice.chat_id)
        lang = (user.language if user else None) or default_language
        text, markup = render(texts, lang, notice)
        if notice.remembered is not None and not await _reads_otherwise(
            session, notice, text, markup
        ):
            continue  # reads so already, or is queued to
        await enqueue(
            session,
            chat_id=notice.chat_id,
            text=text,
            reply_markup=markup,
            photo=notice.photos[0] if notice.photos else None,
            urgent=notice.urgent,
            kind=notice.key[:32],
            community_id=notice.community_id,
            dedupe_key=notice.dedupe_key,
            now=now,
            batch=batch,
            matter=notice.matter,
            edit_message_id=notice.edit_message_id,
        )
    return len(notices)


async def held_for_night(
    session: AsyncSession, notices: Sequence[Notice], *, chat_id: int | None, now: datetime
) -> datetime | None:
    """When the notices an action caused reach `chat_id` (the resident), if quiet hours hold
    them all till later, as the outbox will (services.delivery.enqueue): staff are told the
    resident hears at 07:00, not that they were told. None when one goes now (urgent, the
    resident's opt-out of quiet hours, outside them) or none is for them."""
    theirs = [n for n in notices if chat_id and n.chat_id == chat_id and n.edit_message_id is None]
    if not theirs or any(n.urgent for n in theirs) or chat_id is None:
        return None
    user = await session.get(User, chat_id)
    if user is None or user.quiet_hours_opt_out or user.blocked_bot:
        return None
    first = theirs[0]
    if first.quiet_hours is not None:
        quiet = first.quiet_hours
    elif first.community_id is not None:
        quiet = await quiet_hours_of(session, community_id=first.community_id)
    else:
        quiet = await quiet_hours_for(session, user=user)
    held = held_until(now, quiet=quiet, deliver_by=None)
    return held if held > now else None
