"""Staff cards kept true on screens: a poll's and a meeting's card, drawn by a handler, are
remembered as outbox rows (as sent, under a matter naming the card) and redrawn through the
outbox when the thing they show changes, in each reader's language.

Two changes may read a card before either redraws it (announcements' follow-ups going out at
once, a question asked as another is answered, a handler drawing the card meanwhile): a redraw
is queued only by the one that finds the card not reading so yet (a compare-and-set on the
remembered text), so the same edit never goes twice (Telegram refuses the second as 'message
is not modified'). A card's text names what decides its buttons (the poll's or meeting's
status, the counts), so its text alone is compared.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import User
from models.base import utcnow
from models.scheduling import Delivery, DeliveryState
from services import delivery

Rows = list[list[tuple[str, str]]]


@dataclass(frozen=True)
class StaffCard:
    """A staff card as one reader reads it: its text, and its buttons as rows of (label,
    callback data)."""

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


async def remember(
    session: AsyncSession,
    *,
    matter: str,
    kind: str,
    chat_id: int,
    message_id: int,
    text: str,
    reply_markup: dict[str, Any] | None,
    now: datetime | None = None,
) -> bool:
    """A card as the handler drew it is recorded in the outbox as sent under `matter` (one
    row per message, its text and buttons kept up to date), for `redraw` to keep true. Its
    redraws still queued, worked out before, are cancelled. Commits. Returns whether the
    message may read otherwise on the screen: False when it was remembered reading so
    already, with no redraw of it pending (an edit would be refused as 'not modified')."""
    now = now or utcnow()
    pending = await delivery.cancel_redraws(
        session, chat_id=chat_id, message_id=message_id, commit=False
    )
    row = (
        await session.exec(
            select(Delivery).where(
                col(Delivery.matter) == matter,
                col(Delivery.chat_id) == chat_id,
                col(Delivery.message_ids) == str(message_id),
            )
        )
    ).first()
    if row is None:
        row = Delivery(
            chat_id=chat_id,
            kind=kind,
            text=text,
            urgent=True,
            matter=matter,
            state=DeliveryState.SENT,
            message_ids=str(message_id),
            not_before=now,
            sent_at=now,
            created_at=now,
        )
    elif not pending and row.text == text and row.reply_markup == reply_markup:
        if row.state != DeliveryState.SENT:  # forgotten (see `redraw`): followed again
            row.state, row.error = DeliveryState.SENT, None
            session.add(row)
        await session.commit()
        return False
    row.text, row.reply_markup = text, reply_markup
    row.state, row.error = DeliveryState.SENT, None
    session.add(row)
    await session.commit()
    return True


async def remembered(session: AsyncSession, *, matter: str) -> bool:
    """Whether a card remembered under `matter` is on a screen (nothing for `redraw` to do
    otherwise)."""
    stmt = (
        select(Delivery.id)
        .where(col(Delivery.matter) == matter, col(Delivery.state) == DeliveryState.SENT)
        .limit(1)
    )
    return (await session.exec(stmt)).first() is not None


async def redraw(
    session: AsyncSession,
    *,
    matter: str,
    kind: str,
    draw: Callable[[str], Awaitable[StaffCard]],
    default_language: str,
    community_id: int | None,
    now: datetime | None,
    but: tuple[int, int] | None = None,
    admin_ids: Collection[int] = (),
) -> int:
    """Every card remembered under `matter` that would now read differently is redrawn whole
    as `draw` draws it in its reader's language (once per language): edits queued through the
    outbox in the caller's transaction. `but`: the (chat, message) of the card the actor
    tapped, which the handler redraws at once. A reader who blocked the bot or had their data
    deleted is left, and so is one no longer staff of `community_id` nor an admin (the
    settings' `admin_ids`, or the role granted): a card drawn while they were goes on reading
    as it did, with no new figures. The cards of those two (data deleted, no longer staff) are
    forgotten, in the caller's transaction: no later round looks at them again (one drawn anew
    by a handler, for someone made staff again, is followed again: `remember`). Returns how
    many redraws were queued."""
    from services.users import can_act_in, effective_roles  # they import this module's users

    cards = (
        await session.exec(
            select(Delivery)
            .where(col(Delivery.matter) == matter, col(Delivery.state) == DeliveryState.SENT)
            .order_by(col(Delivery.id))
        )
    ).all()
    drawn: dict[str, StaffCard] = {}
    queued = 0
    gone: list[int] = []  # cards of readers no longer to follow: forgotten below
    for card in cards:
        ids = card.message_id_list
        if not ids or (card.chat_id, ids[0]) == but:
            continue
        reader = await session.get(User, card.chat_id)
        if reader is None or reader.forgotten_at is not None:
            gone.append(card.id or 0)
            continue
        if reader.blocked_bot:  # left, not forgotten: they may unblock it
            continue
        if community_id is not None and not await can_act_in(
            session,
            user=reader,
            roles=effective_roles(reader, admin_ids=admin_ids),
            community_id=community_id,
        ):
            gone.append(card.id or 0)  # no longer staff there: theirs no more to follow
            continue
        lang = reader.language or default_language
        if lang not in drawn:
            drawn[lang] = await draw(lang)
        fresh = drawn[lang]
        if card.text == fresh.text and card.reply_markup == fresh.markup:
            continue
        # taken only if the card does not read so by now (see the module's docstring)
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
            kind=kind,
            community_id=community_id,
            now=now,
            edit_message_id=ids[0],
        )
        queued += 1
    if gone:
        await session.exec(  # type: ignore[call-overload]
            update(Delivery)
            .where(col(Delivery.id).in_(gone), col(Delivery.state) == DeliveryState.SENT)
            .values(state=DeliveryState.CANCELLED, error="no longer staff")
            .execution_options(synchronize_session=False)
        )
    return queued
