"""A meeting's staff card (status, check-in code, answers, residents' questions, and the tools
its status allows), drawn in one place, and its copies on staff screens kept true.

The handler draws it (`staff_card`) and records each copy it shows or redraws
(`remember_card`: a row of the delivery outbox, as sent, under `card_matter`). When a resident
asks the organizer a question, and when a staff member answers one, `redraw_cards` redraws
every remembered copy that would read differently: edits queued through the outbox, in the
reader's language. Before, a card went on saying '❓ 提问 1（待回复 1）' after the answer, and
said nothing of a question asked after it was drawn, until it was opened again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import User
from models.base import utcnow
from models.consultations import Meeting, MeetingStatus
from models.scheduling import Delivery, DeliveryState
from services import delivery
from services.consult_common import Notifier, questions_data

CARD_KIND = "meeting-staff-card"  # the outbox's kind of a staff card (remembered, redrawn)

Rows = list[list[tuple[str, str]]]


def card_matter(meeting_id: int) -> str:
    """The key of the meeting's staff cards on screens (recorded by `remember_card`)."""
    return f"meeting:{meeting_id}:card"


def tool_data(action: str, meeting_id: int, arg: int = 0) -> str:
    """A staff card's button: handlers' MeetingCb(action=…, id=meeting_id, arg=arg).pack()."""
    return f"cmt:{action}:{meeting_id}:{arg}"


@dataclass(frozen=True)
class StaffCard:
    """A meeting's staff card as one reader reads it: its text, and its buttons as rows of
    (label, callback data)."""

    text: str
    rows: Rows

    @property
    def markup(self) -> dict[str, Any] | None:
        """The buttons as the outbox stores an inline keyboard (None: no buttons)."""
        if not self.rows:
            return None
        return {
            "inline_keyboard": [
                [{"text": label, "callback_data": data} for label, data in row]
                for row in self.rows
            ]
        }


async def staff_card(
    session: AsyncSession, *, meeting: Meeting, lang: str, notifier: Notifier, now: datetime
) -> StaffCard:
    """The meeting's card for staff in `lang`: status, code, answers, the residents' questions
    (how many, how many wait), and the tools its status allows, ❌ 取消会议 last. The one
    drawing of it: the handler shows it, `redraw_cards` keeps the copies on screens true."""
    from services import meeting_questions, meetings  # they draw and redraw through this

    def say(key: str, **args: Any) -> str:
        return notifier.text(lang, key, **args)

    mid = meeting.id or 0
    c = await meetings.counts(session, meeting_id=mid)
    text = say(
        "meeting-staff-card",
        **await meetings.card_args(session, meeting=meeting, notifier=notifier),
        status=say(f"meeting-status-{meetings.shown_status(meeting, now=now)}"),
        code=meeting.checkin_code or "-",
        going=c.going,
        waitlist=c.waitlist,
        maybe=c.maybe,
        no=c.no,
        checked=c.checked_in,
    )

    def tool(key: str, action: str) -> tuple[str, str]:
        return say(key), tool_data(action, mid)

    rows: Rows = []
    if meeting.status == MeetingStatus.DRAFT:
        rows.append([tool("meeting-btn-publish", "publish"), tool("meeting-btn-edit", "edit")])
    elif meeting.status == MeetingStatus.PUBLISHED:
        rows.append([tool("meeting-btn-edit", "edit"), tool("meeting-btn-postpone", "postpone")])
        rows.append(
            [tool("meeting-btn-attendees", "attendees"), tool("meeting-btn-minutes", "minutes")]
        )
    elif meeting.status == MeetingStatus.MINUTED:
        rows.append([tool("meeting-btn-attendees", "attendees")])
    asked, waiting = await meeting_questions.counts(session, meeting_id=mid)
    if asked:
        # residents' questions to the organizer: how many, and the unanswered ones a tap away
        text += "\n" + say("mq-staff-card-line", asked=asked, waiting=waiting)
        if waiting:
            rows.append([(say("mq-btn-list", waiting=waiting), questions_data(mid))])
    if meeting.status == MeetingStatus.MINUTED:
        for i, decision in enumerate(await meetings.decisions_of(session, meeting_id=mid), 1):
            if decision.order_id is None:
                label = f"{say('meeting-btn-to-order')} {i}"
                rows.append([(label, tool_data("order", mid, decision.id or 0))])
            else:
                text += "\n" + say(
                    "meeting-decision-order", n=i, text=decision.text, ref=decision.order_ref or ""
                )
    if meeting.status in (MeetingStatus.DRAFT, MeetingStatus.PUBLISHED):
        # the destructive tool last, below everything else the card offers
        rows.append([tool("meeting-btn-cancel", "cancel")])
    return StaffCard(text, rows)


async def remember_card(
    session: AsyncSession,
    *,
    meeting_id: int,
    chat_id: int,
    message_id: int,
    card: StaffCard,
    now: datetime | None = None,
) -> None:
    """A staff card of the meeting as the handler drew it is recorded in the outbox as sent
    (one row per message, its text and buttons kept up to date), so that `redraw_cards`
    redraws it when a question arrives or is answered. Its redraws still queued, worked out
    before, are cancelled. Commits."""
    now = now or utcnow()
    await delivery.cancel_redraws(session, chat_id=chat_id, message_id=message_id, commit=False)
    row = (
        await session.exec(
            select(Delivery).where(
                col(Delivery.matter) == card_matter(meeting_id),
                col(Delivery.chat_id) == chat_id,
                col(Delivery.message_ids) == str(message_id),
            )
        )
    ).first()
    if row is None:
        row = Delivery(
            chat_id=chat_id,
            kind=CARD_KIND,
            text=card.text,
            urgent=True,
            matter=card_matter(meeting_id),
            state=DeliveryState.SENT,
            message_ids=str(message_id),
            not_before=now,
            sent_at=now,
            created_at=now,
        )
    row.text, row.reply_markup = card.text, card.markup
    session.add(row)
    await session.commit()


async def redraw_cards(
    session: AsyncSession, *, meeting: Meeting, notifier: Notifier, now: datetime
) -> int:
    """Every staff card of the meeting on a screen (`remember_card`) that would now read
    differently is redrawn whole, in its reader's language: edits queued through the outbox
    in the caller's transaction. Returns how many were queued."""
    assert meeting.id is not None
    cards = (
        await session.exec(
            select(Delivery)
            .where(
                col(Delivery.matter) == card_matter(meeting.id),
                col(Delivery.state) == DeliveryState.SENT,
            )
            .order_by(col(Delivery.id))
        )
    ).all()
    drawn: dict[str, StaffCard] = {}  # one drawing per language
    queued = 0
    for card in cards:
        ids = card.message_id_list
        if not ids:
            continue
        reader = await session.get(User, card.chat_id)
        if reader is None or reader.blocked_bot or reader.forgotten_at is not None:
            continue
        lang = reader.language or notifier.default_language
        if lang not in drawn:
            drawn[lang] = await staff_card(
                session, meeting=meeting, lang=lang, notifier=notifier, now=now
            )
        fresh = drawn[lang]
        if card.text == fresh.text and card.reply_markup == fresh.markup:
            continue
        # Taken only if the card does not read so by now: a question asked and another
        # answered at the same moment (or the card's reader drawing it with a tool) may have
        # read the card before either redrew it; both then queued the same edit, the second
        # refused by Telegram as 'not modified'. Its text counts the questions and names the
        # meeting's status, which decide its buttons.
        taken = await session.exec(  # type: ignore[call-overload]
            update(Delivery)
            .where(col(Delivery.id) == card.id, col(Delivery.text) != fresh.text)
            .values(text=fresh.text, reply_markup=fresh.markup)
            .execution_options(synchronize_session=False)
        )
        if not taken.rowcount:
            continue
        await delivery.cancel_redraws(
            session, chat_id=card.chat_id, message_id=ids[0], commit=False
        )
        await delivery.enqueue(
            session,
            chat_id=card.chat_id,
            text=fresh.text,
            reply_markup=fresh.markup,
            urgent=True,  # an edit wakes nobody: not held at night
            kind=CARD_KIND,
            community_id=meeting.community_id,
            now=notifier.now,
            edit_message_id=ids[0],
        )
        queued += 1
    return queued
