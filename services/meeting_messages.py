"""Messages that show a meeting, kept true: a resident's meeting card, their answer to it
("已报名：… 🕒 … 📍 …", "您在候补名单第 2 位", "已记录「不去」…") and the announcement they got are
redrawn when the meeting's time, place or title changes, when it is cancelled, and when their place
in it changes (moved up from the waitlist, or up the waitlist); a person's copy of the announcement
and of a 延期's notice (both ask 去 / 不确定 / 不去) marks their answer ('✅ 去'), drawn so when
they answer and on every redraw. A notice of an earlier change (延期, 修改) or a reminder keeps
what it said (its 去 / 不确定 / 不去 marked as said), with what is true now under it once the time
or place it shows is no longer so, or the meeting was cancelled (a change of the capacity alone
adds nothing under a 延期's notice). So does a notice of the person's place (moved up from the
waitlist, moved to it, "候补第 2 位"), which also shows their place now once it changed: they
answered 不去, moved up, or up the waitlist. The check-in notice ("现在开始签到" with 📍 签到)
loses its button and says check-in is off once the meeting is cancelled, or says when it opens
again once the meeting was postponed (or its time changed). A notice held for the night that would
say what is no longer so does not go at all: none of a cancelled meeting's, nor
"已从候补转为正式参加" to someone no longer going, nor "转为候补第 2 位" to someone off the
waitlist; one of a place that still holds says the place and the meeting's time as they are when it
goes.

Where each message went is remembered (models.consultations.MeetingMessage: chat, message,
what it is, a digest of what it shows); an announcement or a notice is found in the delivery
outbox that sent it. A redraw is an edit queued in the outbox (services.delivery,
`edit_message_id`), ahead of the notice that explains the change, and only where the message
would read differently. One that went in parts (a long agenda) is remembered by its last part,
under which its buttons are; the sender redraws the parts above it with it, in place. A
message that can no longer be edited (deleted, too old) is left as it is.

An announcement or a notice on its way when the meeting changes (claimed by the sender, its
message id not recorded yet: the call may already be under way) cannot be edited yet: it is
marked (`redraw_matter`), and once the sender has recorded it sent, `redraw_once_sent` redraws
it. Before, it went out as the meeting was and stayed so.
"""

from __future__ import annotations

import hashlib
import html
import json
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from typing import Any

from sqlalchemy import and_, or_, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import User
from models.consultations import Meeting, MeetingMessage, MeetingStatus, Rsvp, RsvpStatus
from models.scheduling import Delivery, DeliveryState
from services import delivery as outbox
from services.consult_common import (
    Notifier,
    ask_data,
    checkin_data,
    meeting_view_data,
    rsvp_data,
)
from services.smalltalk import kin_code, kin_named

CARD = "card"
REPLY = "reply"
ANNOUNCE = "announce"
NOTICE = "notice"  # of an earlier change (延期, 修改), or of the person's place
CHECKIN = "checkin"  # "现在开始签到" with its 📍 签到 button
OFFER = "offer"  # '我去' typed, read back with ✅ 确认去: kind "offer:<answer>"

Rows = list[list[tuple[str, str]]]
Place = tuple[RsvpStatus | None, int]  # an answer, and the place on the waitlist (0: none)
Render = Callable[..., str]  # render(key, **args): a text in the reader's language


def shown_digest(text: str, rows: Rows | None) -> str:
    """What a message shows (text and buttons), in a few characters, to tell a change."""
    body = json.dumps([text, [[list(b) for b in row] for row in rows or []]], ensure_ascii=False)
    return hashlib.sha256(body.encode()).hexdigest()


async def remember(
    session: AsyncSession,
    *,
    meeting_id: int,
    chat_id: int,
    message_id: int,
    kind: str,
    text: str,
    rows: Rows | None,
) -> None:
    """A message about a meeting was just sent or redrawn in a chat: redraw it when the
    meeting changes (commits)."""
    shown = shown_digest(text, rows)
    stmt = select(MeetingMessage).where(
        MeetingMessage.chat_id == chat_id, MeetingMessage.message_id == message_id
    )
    row = (await session.exec(stmt)).first()
    if row is None:
        session.add(
            MeetingMessage(
                meeting_id=meeting_id,
                chat_id=chat_id,
                message_id=message_id,
                kind=kind,
                shown=shown,
            )
        )
    else:
        row.kind, row.shown = kind, shown
        session.add(row)
    try:
        await session.commit()
    except IntegrityError:  # the same message remembered twice at once: one row is enough
        await session.rollback()


async def forget_replies(session: AsyncSession, *, meeting_id: int, chat_id: int) -> list[int]:
    """The person answers again: their earlier answers to the meeting ('已报名：…', '已记录
    「不去」…') are replaced by the one about to be sent, so they are no longer redrawn (their
    redraws still queued are cancelled), in the caller's transaction. Returns their message
    ids, for the caller to take away. Before, each earlier answer was edited to read like the
    new one sent under it: two messages saying the same."""
    stmt = select(MeetingMessage).where(
        MeetingMessage.meeting_id == meeting_id,
        MeetingMessage.chat_id == chat_id,
        MeetingMessage.kind == REPLY,
    )
    rows = list((await session.exec(stmt)).all())
    if not rows:
        return []
    ids = [row.message_id for row in rows]
    for row in rows:
        await session.delete(row)
    await session.flush()
    await session.exec(  # type: ignore[call-overload]
        update(Delivery)
        .where(
            col(Delivery.chat_id) == chat_id,
            col(Delivery.edit_message_id).in_(ids),
            outbox.not_yet_sent(),
        )
        .values(state=DeliveryState.CANCELLED, error="answer replaced")
        .execution_options(synchronize_session=False)
    )
    return ids


async def settle_offer(session: AsyncSession, *, chat_id: int, message_id: int) -> str | None:
    """An answer typed and read back ("您是说「…」要去吗？") was confirmed, its ✅ 确认 tapped
    or '好的' typed under it: the read-back is no longer redrawn (its redraws still queued are
    cancelled), so the caller shows it answered, without buttons, for good; the answer itself
    is redrawn as it changes. Returns the read-back's kind (`offer_kind`), None when the
    message is no read-back."""
    stmt = select(MeetingMessage).where(
        MeetingMessage.chat_id == chat_id,
        MeetingMessage.message_id == message_id,
        col(MeetingMessage.kind).startswith(f"{OFFER}:"),
    )
    row = (await session.exec(stmt)).first()
    if row is None:
        return None
    kind = row.kind
    await session.delete(row)
    await outbox.cancel_redraws(session, chat_id=chat_id, message_id=message_id, commit=False)
    await session.commit()
    return kind


# the button of each answer (去 holds a seat or a place on the waitlist)
_CHOSEN = {
    RsvpStatus.GOING: 0,
    RsvpStatus.WAITLIST: 0,
    RsvpStatus.MAYBE: 1,
    RsvpStatus.NO: 2,
}


def chosen_data(meeting_id: int, status: RsvpStatus | None) -> str | None:
    """The callback data of the button of the person's answer (None: no answer)."""
    from services.meetings import rsvp_buttons

    if status is None:
        return None
    return rsvp_buttons(meeting_id)[0][_CHOSEN[status]][1]


def chosen_label(render: Render, label: str, status: RsvpStatus, position: int) -> str:
    """The marked button of the person's answer: '✅ 去', or for one on the waitlist their
    place on it ('⏳ 候补第 2 位'), as their card says; `label` is the button's text key."""
    if status == RsvpStatus.WAITLIST and position:
        return render("meeting-btn-chosen-waitlist", position=position)
    return render("meeting-btn-chosen", label=render(label))


def rsvp_rows(
    render: Render,
    meeting_id: int,
    *,
    chosen: RsvpStatus | None = None,
    position: int = 0,
) -> Rows:
    """去 / 不确定 / 不去 with their labels in the reader's language; with `chosen` (the
    person's answer), its button marked ('✅ 去'; on the waitlist, at `position`: '⏳ 候补第 2
    位')."""
    from services.meetings import rsvp_buttons

    mark = _CHOSEN.get(chosen) if chosen is not None else None
    return [
        [
            (
                chosen_label(render, label, chosen, position)
                if i == mark and chosen is not None
                else render(label),
                data,
            )
            for i, (label, data) in enumerate(row)
        ]
        for row in rsvp_buttons(meeting_id)
    ]


def announcement(
    meeting: Meeting,
    *,
    args: dict[str, Any],
    status: RsvpStatus | None,
    render: Render,
    position: int = 0,
) -> tuple[str, Rows]:
    """A person's copy of the announcement as it stands: the meeting (`args`:
    meetings.card_args), that it was cancelled once it is, and 去 / 不确定 / 不去 while they
    can be tapped, their own answer marked."""
    published = meeting.status == MeetingStatus.PUBLISHED
    text = render("meeting-announce", **args, open="yes" if published else "no")
    if meeting.status == MeetingStatus.CANCELLED:
        text += "\n" + render("meeting-now-cancelled", reason=meeting.cancel_reason or "-")
    rows: Rows = []
    if published:
        rows = rsvp_rows(render, meeting.id or 0, chosen=status, position=position)
        rows.append([(render("mq-btn-ask"), ask_data(meeting.id or 0))])
    return text, rows


def change_notice(
    meeting: Meeting,
    said: Said,
    *,
    status: RsvpStatus | None,
    notifier: Notifier,
    render: Render,
    position: int = 0,
) -> tuple[str, Rows]:
    """A person's notice of an earlier change (延期, 修改) or reminder as it stands: what it
    said, with what is true now under it once that is no longer what it shows (a change of
    the capacity alone adds nothing under a 延期's notice); a 延期's 去 / 不确定 / 不去 and
    ❓ 问组织者 while they can be tapped, their own answer marked (`status`), as on the
    announcement."""
    text, rows = said.text, said.rows
    if said.differs(meeting):
        text += "\n" + _now_line(meeting, notifier, render)
    if meeting.status != MeetingStatus.PUBLISHED:
        rows = []
    elif said.answerable:
        rows = rsvp_rows(render, meeting.id or 0, chosen=status, position=position)
        rows.append([(render("mq-btn-ask"), ask_data(meeting.id or 0))])
    return text, rows


async def mark_answer(
    session: AsyncSession,
    *,
    meeting: Meeting,
    user: User,
    chat_id: int,
    message_id: int,
    notifier: Notifier,
) -> tuple[str, Rows] | None:
    """The person answered on this message: when it is their copy of the announcement or of a
    延期's notice, it is drawn with their answer marked, for the caller to edit at once, and
    remembered so (its redraws still queued are cancelled; later redraws keep the mark).
    None: neither, or it already shows so, or it went in parts (the outbox redraws them all,
    queued here). Commits."""
    from services.meetings import card_args, my_rsvp, waitlist_position

    assert meeting.id is not None
    stmt = select(MeetingMessage).where(
        MeetingMessage.chat_id == chat_id, MeetingMessage.message_id == message_id
    )
    known = (await session.exec(stmt)).first()
    said = None
    if known is None or known.kind == NOTICE:
        # not redrawn yet, or a notice (what it said is kept in the outbox): found in the
        # outbox that sent it
        sent = await _adopt_sent(session, meeting=meeting, chat_ids=[chat_id], answerable=True)
        said = sent.get((chat_id, message_id))
        known = (await session.exec(stmt)).first()
    if known is None or known.meeting_id != meeting.id:
        await session.commit()
        return None
    status = await my_rsvp(session, meeting_id=meeting.id, user_id=user.id)
    position = await waitlist_position(session, meeting_id=meeting.id, user_id=user.id)
    render = partial(notifier.render, user)
    if known.kind == ANNOUNCE:
        args = await card_args(session, meeting=meeting, notifier=notifier)
        text, rows = announcement(
            meeting, args=args, status=status, render=render, position=position
        )
    elif known.kind == NOTICE and said is not None and said.answerable:
        text, rows = change_notice(
            meeting, said, status=status, notifier=notifier, render=render, position=position
        )
    else:
        await session.commit()
        return None
    shown = shown_digest(text, rows)
    if shown == known.shown:
        await session.commit()
        return None
    known.shown = shown
    session.add(known)
    await session.exec(  # type: ignore[call-overload]
        update(Delivery)
        .where(
            col(Delivery.chat_id) == chat_id,
            col(Delivery.edit_message_id) == message_id,
            outbox.not_yet_sent(),
        )
        .values(state=DeliveryState.CANCELLED, error="redrawn meanwhile")
        .execution_options(synchronize_session=False)
    )
    if len(outbox.split_html(text)) > 1:
        # in parts (a long agenda), the buttons under the last: an edit of the one tapped
        # alone cannot show it whole; the sender redraws the parts in place (the start of
        # the text above it, services.delivery.redraw_layout), at once
        await outbox.enqueue(
            session,
            chat_id=chat_id,
            text=text,
            reply_markup=_keyboard(rows),
            urgent=True,
            kind="meeting-redraw",
            community_id=meeting.community_id,
            deliver_by=meeting.starts_at,
            edit_message_id=message_id,
            now=notifier.now,
        )
        await session.commit()
        return None
    await session.commit()
    return text, rows


async def resident_card(
    session: AsyncSession,
    *,
    meeting: Meeting,
    user: User,
    args: dict[str, Any],
    now: datetime,
    render: Render,
) -> tuple[str, Rows]:
    """A resident's card of a meeting: the meeting (`args`: meetings.card_args), whether it
    was cancelled, their answer, and the buttons that apply now."""
    from services.meetings import ends_at, in_checkin_window, my_rsvp, waitlist_position

    status = await my_rsvp(session, meeting_id=meeting.id or 0, user_id=user.id)
    position = 0
    if status == RsvpStatus.WAITLIST:
        position = await waitlist_position(session, meeting_id=meeting.id or 0, user_id=user.id)
    lines = [render("meeting-card", **args)]
    if meeting.status == MeetingStatus.CANCELLED:
        lines.append(render("meeting-now-cancelled", reason=meeting.cancel_reason or "-"))
    lines.append(render("meeting-my-status", status=status_label(render, status, position)))
    rows: Rows = []
    if meeting.status == MeetingStatus.PUBLISHED and now < ends_at(meeting):
        # their answer marked as on their announcement ('✅ 去', '⏳ 候补第 2 位')
        rows = rsvp_rows(render, meeting.id or 0, chosen=status, position=position)
        if in_checkin_window(meeting, now=now):
            rows.append([(render("meeting-btn-checkin"), checkin_data(meeting.id or 0))])
    rows += ask_rows(meeting, now=now, render=render)
    return "\n".join(lines), rows


def ask_rows(meeting: Meeting, *, now: datetime, render: Render) -> Rows:
    """❓ 问组织者 while the meeting takes questions (services.meeting_questions), else none."""
    from services.meeting_questions import ask_open

    if not ask_open(meeting, now=now):
        return []
    return [[(render("mq-btn-ask"), ask_data(meeting.id or 0))]]


# an answer typed with someone coming along ('我和老伴一起去') is remembered as kind
# "offer:yes:+<kin code>" ("+" alone: nobody named), so its redraws keep saying how they sign up
COMPANY = "+"


def offer_kind(answer: str, company: str | None = None) -> str:
    """The kind an answer typed and read back is remembered as; `company`: who comes along
    ('老伴'; 'none' when nobody is named), or None."""
    if company is None:
        return f"{OFFER}:{answer}"
    return f"{OFFER}:{answer}:{COMPANY}{kin_code(company)}"


def offer_of_kind(kind: str) -> tuple[str, str | None]:
    """The answer and who comes along (as `offer_kind` takes them) of an offer's kind."""
    answer, _, company = kind.partition(":")[2].partition(":")
    if not company.startswith(COMPANY):
        return answer, None
    return answer, kin_named(company[len(COMPANY) :]) or "none"


def typed_offer(
    meeting: Meeting,
    *,
    answer: str,
    when: object,
    render: Render,
    company: str | None = None,
) -> tuple[str, Rows]:
    """An answer typed ('我去') read back: the meeting as it is now, and ✅ 确认去 while it can
    be answered; once cancelled, that it was, with no button asking to tap (its card stays a
    tap away). Said with someone coming along (`company`: who, or 'none' when nobody is
    named: '我和老伴一起去'), how that one signs up for themself is part of it (it was a
    message of its own, left loose in the chat)."""
    published = meeting.status == MeetingStatus.PUBLISHED
    text = render(
        "meeting-typed-rsvp",
        title=meeting.title,
        when=when,
        where=meeting.place or meeting.online_link or "-",
        answer=answer,
        open="yes" if published else "no",
    )
    if meeting.status == MeetingStatus.CANCELLED:
        text += "\n" + render("meeting-now-cancelled", reason=meeting.cancel_reason or "-")
    elif company is not None:
        note = render("meeting-typed-rsvp-company", who=company)
        # above the line saying to tap (or answer) where there is one, as part of the answer
        head, _, last = text.rpartition("\n")
        text = f"{head}\n\n{note}\n{last}" if published and head else f"{text}\n\n{note}"
    rows: Rows = []
    if published:
        confirm = rsvp_data(meeting.id or 0, answer)
        rows.append([(render("meeting-btn-typed-rsvp", answer=answer), confirm)])
    rows.append([(render("meeting-btn-typed-rsvp-view"), meeting_view_data(meeting.id or 0))])
    return text, rows


def status_label(render: Render, status: RsvpStatus | None, position: int) -> str:
    """The person's answer in words: 参加, 候补第 2 位 (on the waitlist, at `position`), 不确定,
    不去, 未回复."""
    if status == RsvpStatus.WAITLIST and position:
        return render("meeting-rsvp-status-waitlist-at", position=position)
    return render(f"meeting-rsvp-status-{status.value if status else 'none'}")


def rsvp_reply(
    meeting: Meeting,
    *,
    status: RsvpStatus,
    position: int,
    reminder_due: bool,
    when: object,
    render: Render,
) -> str:
    """The answer to a sign-up: where and when for those going, the place on the waitlist,
    or what was noted; and that the meeting was cancelled, once it is (then without what it
    no longer holds: a reminder to come, a place to free up, a mind to change)."""
    where = meeting.place or meeting.online_link or "-"
    cancelled = meeting.status == MeetingStatus.CANCELLED
    if status == RsvpStatus.GOING and not reminder_due and not cancelled:
        key = "meeting-rsvp-going-soon"  # every reminder time has passed: when and where now
    else:
        key = {
            RsvpStatus.GOING: "meeting-rsvp-going",
            RsvpStatus.WAITLIST: "meeting-rsvp-waitlist",
            RsvpStatus.MAYBE: "meeting-rsvp-maybe",
            RsvpStatus.NO: "meeting-rsvp-no",
        }[status]
    text = render(
        key,
        title=meeting.title,
        position=position,
        when=when,
        where=where,
        open="no" if cancelled else "yes",
    )
    if cancelled:
        text += "\n" + render("meeting-now-cancelled", reason=meeting.cancel_reason or "-")
    return text


def _rows_of(markup: dict[str, Any] | None) -> Rows:
    if not markup:
        return []
    return [
        [(b.get("text", ""), b.get("callback_data", "")) for b in row]
        for row in markup.get("inline_keyboard", [])
    ]


async def _rewrite_held_announcements(
    session: AsyncSession, *, meeting: Meeting, notifier: Notifier
) -> None:
    """Announcements not sent yet (held by quiet hours) go out as the meeting now is; those of
    a cancelled meeting do not go at all (the cancellation notice tells them)."""
    from services.meetings import card_args

    waiting = outbox.not_yet_sent()
    stmt = select(Delivery).where(
        col(Delivery.dedupe_key).startswith(f"meeting:{meeting.id}:announce:"), waiting
    )
    held = list((await session.exec(stmt)).all())
    if not held:
        return
    if meeting.status == MeetingStatus.CANCELLED:
        for row in held:
            if row.state == DeliveryState.PENDING:
                row.state, row.error = DeliveryState.CANCELLED, "meeting cancelled"
                session.add(row)
        return
    people = {
        u.id: u
        for u in (
            await session.exec(select(User).where(col(User.id).in_([r.chat_id for r in held])))
        ).all()
    }
    args = await card_args(session, meeting=meeting, notifier=notifier)
    for row in held:
        person = people.get(row.chat_id)
        if person is None:
            continue
        text = notifier.render(person, "meeting-announce", **args, open="yes")
        await outbox.rewrite_unsent(
            session, where=[col(Delivery.id) == row.id], rewrite=partial(_replace, text)
        )


def _replace(new: str, _old: str) -> str:
    return new


def _announce_prefix(meeting_id: int) -> str:
    """The outbox's key of the meeting's announcements (services.meetings.publish_meeting)."""
    return f"meeting:{meeting_id}:announce:"


def _postpone_prefix(meeting_id: int) -> str:
    """The outbox's key of the notices of its 延期 (services.meetings.postpone_meeting)."""
    return f"meeting:{meeting_id}:postpone:"


def _sent_prefixes(meeting_id: int) -> dict[str, str]:
    """The outbox's keys of a meeting's messages that are redrawn once sent, and their kind."""
    return {
        _announce_prefix(meeting_id): ANNOUNCE,
        _postpone_prefix(meeting_id): NOTICE,
        f"meeting:{meeting_id}:edit:": NOTICE,
        f"meeting:{meeting_id}:remind:": NOTICE,
        **{p: NOTICE for p in _place_prefixes(meeting_id)},
        f"meeting:{meeting_id}:checkin:": CHECKIN,  # services.meetings.open_checkin
    }


async def _cancel_held(
    session: AsyncSession, *, meeting: Meeting, user_ids: Collection[int] | None
) -> None:
    """Notices of the meeting waiting to be sent (held by quiet hours, or in the queue; to
    these people only, with `user_ids`) that would say what is no longer so do not go, in the
    caller's transaction: once the meeting is cancelled, every one of them (a check-in, a
    reminder, a notice of a change or of a place: the cancellation notice tells them); a
    notice that the person moved up from the waitlist ('已从候补转为正式参加') once they are no
    longer going — moved back to it by a lower capacity (told so by a notice of their own), or
    they answered 不去 themselves; and a notice that they went to the waitlist ('转为候补第 2
    位') once they are off it — moved up into a seat (told so by a notice of their own), or
    they answered 不去. Before, it went at 07:00 all the same. One the sender has
    claimed may be on its way: it goes (on a change of the meeting, `_mark_on_the_way` has it
    redrawn once sent)."""
    assert meeting.id is not None
    where: list[Any] = []
    if user_ids is not None:
        where.append(col(Delivery.chat_id).in_(list(user_ids)))
    if meeting.status == MeetingStatus.CANCELLED:
        prefixes = list(_sent_prefixes(meeting.id))
        error = "meeting cancelled"
    else:
        promoted, moved = prefixes = list(_place_prefixes(meeting.id))
        error = "no longer so"
        going, waiting = (
            select(Rsvp.user_id).where(Rsvp.meeting_id == meeting.id, Rsvp.status == status)
            for status in (RsvpStatus.GOING, RsvpStatus.WAITLIST)
        )
        where.append(
            or_(
                and_(
                    col(Delivery.dedupe_key).startswith(promoted),
                    col(Delivery.chat_id).not_in(going),
                ),
                # a seat since, or 不去: the notice of that (or their own answer) says so
                and_(
                    col(Delivery.dedupe_key).startswith(moved),
                    col(Delivery.chat_id).not_in(waiting),
                ),
            )
        )
    # one UPDATE: a delivery the sender claims meanwhile is left alone
    await session.exec(  # type: ignore[call-overload]
        update(Delivery)
        .where(
            or_(*(col(Delivery.dedupe_key).startswith(p) for p in prefixes)),
            col(Delivery.state) == DeliveryState.PENDING,
            *where,
        )
        .values(state=DeliveryState.CANCELLED, error=error)
        .execution_options(synchronize_session=False)
    )


async def _cancel_held_for_another_time(session: AsyncSession, *, meeting: Meeting) -> None:
    """Reminders ('⏰ 提醒：… 将于 <time> 开始'), check-in notices and notices of a 延期 waiting
    to be sent (held for the night, or in the queue) for a start the meeting no longer has
    (延期 again, or a 修改 of the time) do not go, in the caller's transaction: they would name
    a time that no longer holds, and a 📍 签到 be answered "not in the window"; the reminders
    and the check-in are planned again for the new start, and the notice of the change tells
    it. Before, ones held until 07:00 went all the same. One the sender has claimed goes, and
    is redrawn once sent (`redraw_once_sent`). (A notice of a 修改 may tell more than the time:
    `_retell_held_edits`.)"""
    assert meeting.id is not None
    stmt = select(Delivery.id, Delivery.deliver_by).where(
        or_(
            *(
                col(Delivery.dedupe_key).startswith(f"meeting:{meeting.id}:{kind}:")
                for kind in ("remind", "checkin", "postpone")
            )
        ),
        col(Delivery.state) == DeliveryState.PENDING,
    )
    stale = []
    for delivery_id, due in (await session.exec(stmt)).all():
        if due is not None and due.tzinfo is None:  # read back from SQLite
            due = due.replace(tzinfo=UTC)
        if due != meeting.starts_at:
            stale.append(delivery_id)
    if not stale:
        return
    # one the sender claims meanwhile is left alone
    await session.exec(  # type: ignore[call-overload]
        update(Delivery)
        .where(col(Delivery.id).in_(stale), col(Delivery.state) == DeliveryState.PENDING)
        .values(state=DeliveryState.CANCELLED, error="meeting moved")
        .execution_options(synchronize_session=False)
    )


def edit_changes(meeting_id: int, dedupe_key: str | None) -> tuple[str, ...] | None:
    """What a notice of a 修改 told changed, from its key (services.meetings.edit_dedupe:
    `…:edit:<version>:<place.time>:<user>`): ("place", "time"); None when not such a notice,
    or one queued before its key told it."""
    prefix = f"meeting:{meeting_id}:edit:"
    key = dedupe_key or ""
    parts = key.removeprefix(prefix).split(":")
    if not key.startswith(prefix) or len(parts) != 3 or not parts[1]:
        return None
    return tuple(parts[1].split("."))


async def _retell_held_edits(
    session: AsyncSession, *, meeting: Meeting, notifier: Notifier
) -> None:
    """Notices of a 修改 that set a time the meeting no longer has (延期 since, or another
    修改 of the time), waiting to be sent (held for the night, or in the queue), in the
    caller's transaction: one that changed only the time does not go, and one that changed
    more tells the rest without the time (the title, place, link, capacity or agenda as they
    are now): the notice of the later change tells the time that holds. Before, the morning
    brought '时间改为：<a time that no longer holds>' beside the 延期. One the sender has
    claimed goes, and is redrawn once sent (`redraw_once_sent`)."""
    from services.meetings import CHANGE_KEYS, agenda_of

    assert meeting.id is not None
    if meeting.status != MeetingStatus.PUBLISHED:
        return  # cancelled: `_cancel_held` cancelled them all
    prefix = f"meeting:{meeting.id}:edit:"
    stmt = select(Delivery).where(
        col(Delivery.dedupe_key).startswith(prefix),
        col(Delivery.state) == DeliveryState.PENDING,
    )
    held = []
    for row in (await session.exec(stmt.execution_options(populate_existing=True))).all():
        changed = edit_changes(meeting.id, row.dedupe_key)
        due = row.deliver_by
        if due is not None and due.tzinfo is None:  # read back from SQLite
            due = due.replace(tzinfo=UTC)
        if changed is not None and "time" in changed and due != meeting.starts_at:
            held.append((row, tuple(c for c in changed if c != "time")))
    if not held:
        return
    now_values: dict[str, object] = {
        "title": meeting.title,
        "place": meeting.place or "-",
        "link": meeting.online_link or "-",
        "capacity": meeting.capacity or 0,
        "agenda": "\n".join(
            f"{i}. {item.text}"
            for i, item in enumerate(await agenda_of(session, meeting_id=meeting.id), 1)
        ),
    }
    people = {
        u.id: u
        for u in (
            await session.exec(select(User).where(col(User.id).in_([r.chat_id for r, _ in held])))
        ).all()
    }
    for row, rest in held:
        person = people.get(row.chat_id)
        # only while it waits: one the sender claims meanwhile is left alone
        waiting = (col(Delivery.id) == row.id, col(Delivery.state) == DeliveryState.PENDING)
        if not rest or person is None:
            await session.exec(  # type: ignore[call-overload]
                update(Delivery)
                .where(*waiting)
                .values(state=DeliveryState.CANCELLED, error="meeting moved")
                .execution_options(synchronize_session=False)
            )
            continue
        args = {
            "title": meeting.title,
            **{key: "none" for key in CHANGE_KEYS},
            **{f"new_{what}": now_values[what] for what in rest if what in now_values},
        }
        version = (row.dedupe_key or "").removeprefix(prefix).split(":")[0]
        await session.exec(  # type: ignore[call-overload]
            update(Delivery)
            .where(*waiting)
            .values(
                text=notifier.render(person, "meeting-changed", **args),
                dedupe_key=f"{prefix}{version}:{'.'.join(rest)}:{row.chat_id}",
                deliver_by=meeting.starts_at,
            )
            .execution_options(synchronize_session=False)
        )


async def _follow_the_start(session: AsyncSession, *, meeting: Meeting) -> None:
    """Announcements and notices of a 修改 waiting to be sent (held for the night, or in the
    queue) go by the meeting's start as it is now (their `deliver_by`), in the caller's
    transaction: quiet hours never hold one past it, and once postponed that is the new start.
    Before, they kept the old one: a held announcement, redrawn with the new time, went at
    once in the night when the quiet hours were later made to end after the old start. (The
    notices of a place follow it in `_rewrite_held_places`; reminders, check-ins and notices
    of a 延期 for another start are cancelled.) One the sender has claimed is left alone."""
    assert meeting.id is not None
    await session.exec(  # type: ignore[call-overload]
        update(Delivery)
        .where(
            or_(
                *(
                    col(Delivery.dedupe_key).startswith(f"meeting:{meeting.id}:{kind}:")
                    for kind in ("announce", "edit")
                )
            ),
            col(Delivery.state) == DeliveryState.PENDING,
            or_(
                col(Delivery.deliver_by).is_(None),
                col(Delivery.deliver_by) != meeting.starts_at,
            ),
        )
        .values(deliver_by=meeting.starts_at)
        .execution_options(synchronize_session=False)
    )


async def _rewrite_held_places(
    session: AsyncSession,
    *,
    meeting: Meeting,
    notifier: Notifier,
    user_ids: Collection[int] | None,
) -> None:
    """Notices of a person's place waiting to be sent (held for the night, or in the queue; to
    these people only, with `user_ids`) say the place and the meeting as they are now, in the
    caller's transaction: '转为候补第 2 位' the place they have now on the waitlist (first, once
    someone ahead left it), '已从候补转为正式参加（…）' and '转为候补…（…）' the meeting's time
    now (postponed meanwhile). Before, they went at 07:00 as they were made. What no longer
    holds at all `_cancel_held` has cancelled first; one the sender has claimed goes as it is
    (and is redrawn once sent, `redraw_once_sent`)."""
    from services.meetings import waitlist_position

    assert meeting.id is not None
    if meeting.status != MeetingStatus.PUBLISHED:
        return
    promoted, moved = _place_prefixes(meeting.id)
    stmt = select(Delivery).where(
        or_(
            col(Delivery.dedupe_key).startswith(promoted),
            col(Delivery.dedupe_key).startswith(moved),
        ),
        col(Delivery.state) == DeliveryState.PENDING,
    )
    if user_ids is not None:
        stmt = stmt.where(col(Delivery.chat_id).in_(list(user_ids)))
    held = list((await session.exec(stmt.execution_options(populate_existing=True))).all())
    if not held:
        return
    chats = [row.chat_id for row in held]
    people = {
        u.id: u for u in (await session.exec(select(User).where(col(User.id).in_(chats)))).all()
    }
    when = notifier.local(meeting.starts_at)
    for row in held:
        person = people.get(row.chat_id)
        key = row.dedupe_key or ""
        if person is None:
            continue
        if key.startswith(promoted):
            text = notifier.render(person, "meeting-promoted", title=meeting.title, when=when)
        else:
            position = await waitlist_position(session, meeting_id=meeting.id, user_id=person.id)
            if not position:
                continue  # off the waitlist: cancelled above
            text = notifier.render(
                person,
                "meeting-moved-to-waitlist",
                title=meeting.title,
                when=when,
                capacity=meeting.capacity or 0,
                position=position,
            )
            # the key tells the place it says (`said_place`): …:moved:<version>:<place>:<user>
            version = key.removeprefix(moved).split(":")[0]
            key = f"{moved}{version}:{position}:{row.chat_id}"
        due = row.deliver_by
        if due is not None and due.tzinfo is None:  # read back from SQLite
            due = due.replace(tzinfo=UTC)
        if (text, key, due) == (row.text, row.dedupe_key, meeting.starts_at):
            continue
        # the meeting's start it goes by (`Said.starts_at`) is the one it now shows; one the
        # sender claims meanwhile is left alone
        await session.exec(  # type: ignore[call-overload]
            update(Delivery)
            .where(col(Delivery.id) == row.id, col(Delivery.state) == DeliveryState.PENDING)
            .values(text=text, dedupe_key=key, deliver_by=meeting.starts_at)
            .execution_options(synchronize_session=False)
        )


def _place_prefixes(meeting_id: int) -> tuple[str, str]:
    """The outbox's keys of the notices of a person's place: moved up from the waitlist
    (services.meetings.promoted_dedupe), moved to it (moved_dedupe)."""
    return (f"meeting:{meeting_id}:promoted:", f"meeting:{meeting_id}:moved:")


def said_place(meeting_id: int, dedupe_key: str | None) -> Place | None:
    """The place a notice of the person's place told them (None: not such a notice, or a
    waitlist place not known from its key)."""
    promoted, moved = _place_prefixes(meeting_id)
    key = dedupe_key or ""
    if key.startswith(promoted):
        return RsvpStatus.GOING, 0
    parts = key.removeprefix(moved).split(":")
    if key.startswith(moved) and len(parts) == 3 and parts[1].isdigit():
        return RsvpStatus.WAITLIST, int(parts[1])  # …:moved:<version>:<place>:<user>
    return None


@dataclass(frozen=True)
class Said:
    """What a notice said as sent; for a notice of the person's place, that place (`place`);
    the meeting's start when it was made (`starts_at`: the outbox's deliver_by)."""

    text: str
    rows: Rows
    place: Place | None = None
    of_place: bool = False
    starts_at: datetime | None = None
    answerable: bool = False  # a 延期's notice: 去 / 不确定 / 不去, the answer marked

    def retimed(self, meeting: Meeting) -> bool:
        """The meeting no longer starts when it did as the notice was made (延期, 修改)."""
        said = self.starts_at
        if said is not None and said.tzinfo is None:  # read back from SQLite
            said = said.replace(tzinfo=UTC)
        return said is None or said != meeting.starts_at

    def differs(self, meeting: Meeting) -> bool:
        """The meeting was cancelled, or its time or place is no longer the one the notice
        shows (a notice that shows no place — 延期, a change of the capacity — is not told
        apart by its place): then "之后又有变动，现在是：…" under it says something new."""
        if meeting.status == MeetingStatus.CANCELLED or self.retimed(meeting):
            return True
        where = html.escape(meeting.place or meeting.online_link or "-", quote=False)
        return any(mark in self.text for mark in _PLACE_MARKS) and where not in self.text


# what a notice that shows a place shows it with (meeting-reminder, meeting-changed), in every
# language
_PLACE_MARKS = ("📍", "💻")


def redraw_matter(meeting_id: int) -> str:
    """The matter of a message of the meeting that was on its way when the meeting changed."""
    return f"meeting:{meeting_id}:redraw"


def meeting_to_redraw(matter: str) -> int | None:
    """The meeting whose message, marked with this matter on its way, has gone (or None)."""
    head, _, rest = matter.partition(":")
    number, _, tail = rest.partition(":")
    if head != "meeting" or tail != "redraw" or not number.isdigit():
        return None
    return int(number)


async def _mark_on_the_way(session: AsyncSession, *, meeting: Meeting) -> None:
    """The meeting's announcements and notices the sender has claimed (their message id is
    not known yet: the call may be under way) are marked, so that once sent they are redrawn
    (`redraw_once_sent`). Done before the outbox is read: one recorded sent before this
    UPDATE is found sent by what follows; one recorded after it has its mark (on PostgreSQL
    the sender's record waits for this transaction and reads the mark)."""
    assert meeting.id is not None
    await session.exec(  # type: ignore[call-overload]
        update(Delivery)
        .where(
            or_(*(col(Delivery.dedupe_key).startswith(p) for p in _sent_prefixes(meeting.id))),
            col(Delivery.state) == DeliveryState.SENDING,
        )
        .values(matter=redraw_matter(meeting.id))
        .execution_options(synchronize_session=False)
    )


async def _mark_answers_on_the_way(
    session: AsyncSession, *, meeting: Meeting, user_ids: Collection[int]
) -> None:
    """These people's notices of a 延期 not sent yet (held for the night, in the queue, or
    claimed by the sender) were made with the answer they had then marked: they are marked
    to be redrawn once sent (`redraw_once_sent`), with the answer they have by then."""
    assert meeting.id is not None
    await session.exec(  # type: ignore[call-overload]
        update(Delivery)
        .where(
            col(Delivery.dedupe_key).startswith(_postpone_prefix(meeting.id)),
            col(Delivery.chat_id).in_(list(user_ids)),
            outbox.not_yet_sent(),
        )
        .values(matter=redraw_matter(meeting.id))
        .execution_options(synchronize_session=False)
    )


async def _adopt_sent(
    session: AsyncSession,
    *,
    meeting: Meeting,
    chat_ids: Collection[int] | None = None,
    places_only: bool = False,
    answerable: bool = False,
) -> dict[tuple[int, int], Said]:
    """The announcements, the notices of earlier changes (延期, 修改), the reminders and the
    notices of a person's place sent (only these, with `places_only`; only the announcements
    and the notices of a 延期, which ask 去 / 不确定 / 不去, with `answerable`; to these
    chats, with `chat_ids`), one message each (a long one that went in parts: its last, under
    which its buttons are), become messages to redraw, showing what the
    outbox sent. Returns what each said as sent: a notice is redrawn as it was, with what is
    true now under it."""
    assert meeting.id is not None
    prefixes = _sent_prefixes(meeting.id)
    if places_only:
        prefixes = {p: NOTICE for p in _place_prefixes(meeting.id)}
    if answerable:
        prefixes = {_announce_prefix(meeting.id): ANNOUNCE, _postpone_prefix(meeting.id): NOTICE}
    stmt = select(Delivery).where(
        or_(*(col(Delivery.dedupe_key).startswith(p) for p in prefixes)),
        col(Delivery.state) == DeliveryState.SENT,
    )
    if chat_ids is not None:
        stmt = stmt.where(col(Delivery.chat_id).in_(list(chat_ids)))
    sent = []
    for row in (await session.exec(stmt)).all():
        ids = row.message_id_list
        if not ids:
            continue
        kind = next(k for p, k in prefixes.items() if (row.dedupe_key or "").startswith(p))
        of_place = (row.dedupe_key or "").startswith(_place_prefixes(meeting.id))
        said = Said(
            row.text,
            _rows_of(row.reply_markup),
            said_place(meeting.id, row.dedupe_key),
            of_place,
            row.deliver_by,
            answerable=(row.dedupe_key or "").startswith(_postpone_prefix(meeting.id)),
        )
        # a long one went in parts, its buttons under the last: that one stands for it (the
        # sender redraws the parts above it with it, services.delivery.redraw_layout)
        sent.append((row.chat_id, ids[-1], kind, said))
    if not sent:
        return {}
    known = set(
        (
            await session.exec(
                select(MeetingMessage.chat_id, MeetingMessage.message_id).where(
                    MeetingMessage.meeting_id == meeting.id,
                    col(MeetingMessage.kind).in_([ANNOUNCE, NOTICE, CHECKIN]),
                )
            )
        ).all()
    )
    for chat_id, message_id, kind, said in sent:
        if (chat_id, message_id) in known:
            continue
        session.add(
            MeetingMessage(
                meeting_id=meeting.id or 0,
                chat_id=chat_id,
                message_id=message_id,
                kind=kind,
                shown=shown_digest(said.text, said.rows),
            )
        )
    await session.flush()
    return {(chat, message): said for chat, message, _kind, said in sent}


async def redraw(
    session: AsyncSession,
    *,
    meeting: Meeting,
    notifier: Notifier,
    now: datetime,
    user_ids: Collection[int] | None = None,
    skip: tuple[int, int] | None = None,
) -> int:
    """Every message remembered for the meeting (only these people's, with `user_ids`: their
    place changed) that would read differently now is redrawn: edits queued in the outbox,
    in the caller's transaction. `skip` (chat, message): one the caller redraws itself.
    Returns how many."""
    assert meeting.id is not None
    # the announcement and the notices of earlier changes show no one's answer: redrawn on a
    # change of the meeting, for everyone; a notice of someone's place, when it changes too
    await _cancel_held(session, meeting=meeting, user_ids=user_ids)
    await _rewrite_held_places(session, meeting=meeting, notifier=notifier, user_ids=user_ids)
    if user_ids is None:
        await _cancel_held_for_another_time(session, meeting=meeting)
        await _retell_held_edits(session, meeting=meeting, notifier=notifier)
        await _mark_on_the_way(session, meeting=meeting)
        await _rewrite_held_announcements(session, meeting=meeting, notifier=notifier)
        await _follow_the_start(session, meeting=meeting)
        notices = await _adopt_sent(session, meeting=meeting)
    else:
        notices = await _adopt_sent(session, meeting=meeting, chat_ids=user_ids, places_only=True)
        # their announcement and 延期 notices mark their answer ('✅ 去'): redrawn when it
        # changes; a 延期 notice not sent yet (held for the night), once it is
        notices |= await _adopt_sent(session, meeting=meeting, chat_ids=user_ids, answerable=True)
        await _mark_answers_on_the_way(session, meeting=meeting, user_ids=user_ids)
    return await _redraw_remembered(
        session,
        meeting=meeting,
        notifier=notifier,
        now=now,
        user_ids=user_ids,
        notices=notices,
        skip=skip,
    )


async def redraw_once_sent(
    session: AsyncSession, *, meeting_id: int, chat_id: int, notifier: Notifier, now: datetime
) -> int:
    """A message of the meeting that was on its way when the meeting changed (marked by
    `redraw`) has gone: it, and whatever else of the chat's would read differently now, is
    redrawn (edits queued in the outbox, committed). Returns how many. The meeting's row is
    held (PostgreSQL) as a change of it holds it: a change at the same moment waits, then
    finds the message remembered with what this redrew."""
    stmt = select(Meeting).where(Meeting.id == meeting_id).with_for_update()
    meeting = (await session.exec(stmt.execution_options(populate_existing=True))).first()
    if meeting is None:
        return 0
    notices = await _adopt_sent(session, meeting=meeting, chat_ids=[chat_id])
    redrawn = await _redraw_remembered(
        session,
        meeting=meeting,
        notifier=notifier,
        now=now,
        user_ids=[chat_id],
        notices=notices,
    )
    await session.commit()
    return redrawn


async def _redraw_remembered(
    session: AsyncSession,
    *,
    meeting: Meeting,
    notifier: Notifier,
    now: datetime,
    user_ids: Collection[int] | None,
    notices: dict[tuple[int, int], Said],
    skip: tuple[int, int] | None = None,
) -> int:
    """`redraw` of the messages remembered (`notices`: what each notice of an earlier change
    said as sent)."""
    from services.meetings import CHECKIN_BEFORE, card_args, reminder_ahead, waitlist_position

    assert meeting.id is not None
    stmt = select(MeetingMessage).where(MeetingMessage.meeting_id == meeting.id)
    if user_ids is not None:
        stmt = stmt.where(col(MeetingMessage.chat_id).in_(list(user_ids)))
    messages = list((await session.exec(stmt.order_by(col(MeetingMessage.id)))).all())
    if not messages:
        return 0
    chats = {m.chat_id for m in messages}
    people = {
        u.id: u for u in (await session.exec(select(User).where(col(User.id).in_(chats)))).all()
    }
    answers = {
        r.user_id: RsvpStatus(r.status)
        for r in (
            await session.exec(
                select(Rsvp).where(Rsvp.meeting_id == meeting.id, col(Rsvp.user_id).in_(chats))
            )
        ).all()
    }
    # places on the waitlist: the announcement marks them as the card says ('⏳ 候补第 2 位')
    positions = {
        uid: await waitlist_position(session, meeting_id=meeting.id, user_id=uid)
        for uid, status in answers.items()
        if status == RsvpStatus.WAITLIST
    }
    args = await card_args(session, meeting=meeting, notifier=notifier)
    published = meeting.status == MeetingStatus.PUBLISHED
    redrawn = 0
    for message in messages:
        if (message.chat_id, message.message_id) == skip:
            continue
        person = people.get(message.chat_id)
        if person is None or person.blocked_bot or person.forgotten_at is not None:
            continue
        render = partial(notifier.render, person)
        rows: Rows = []
        if message.kind == CARD:
            text, rows = await resident_card(
                session, meeting=meeting, user=person, args=args, now=now, render=render
            )
        elif message.kind == REPLY:
            status = answers.get(person.id)
            if status is None:
                continue
            position = 0
            if status == RsvpStatus.WAITLIST:
                position = await waitlist_position(
                    session, meeting_id=meeting.id, user_id=person.id
                )
            text = rsvp_reply(
                meeting,
                status=status,
                position=position,
                reminder_due=reminder_ahead(meeting, now=now),
                when=notifier.local(meeting.starts_at),
                render=render,
            )
            rows = ask_rows(meeting, now=now, render=render)
        elif message.kind.startswith(f"{OFFER}:"):
            # an answer typed, read back: the time, place and title now; no ✅ 确认 once
            # cancelled
            answer, company = offer_of_kind(message.kind)
            text, rows = typed_offer(
                meeting,
                answer=answer,
                when=notifier.local(meeting.starts_at),
                render=render,
                company=company,
            )
        elif message.kind == CHECKIN:
            said = notices.get((message.chat_id, message.message_id))
            if said is None:
                continue
            text, rows = said.text, said.rows
            if meeting.status == MeetingStatus.CANCELLED:
                # no 📍 签到 for a meeting that will not be held, nor words asking for it
                text = render("meeting-checkin-open", title=meeting.title, open="no")
                text += "\n" + _now_line(meeting, notifier, render)
                rows = []
            elif said.retimed(meeting):
                # postponed (or its time changed) while check-in was open: no 📍 签到 that
                # would be answered "not in the window", and when it opens again
                text = render(
                    "meeting-checkin-open",
                    title=meeting.title,
                    open="moved",
                    when=notifier.local(meeting.starts_at),
                    before=int(CHECKIN_BEFORE.total_seconds() // 60),
                )
                rows = []
        elif message.kind == NOTICE:
            said = notices.get((message.chat_id, message.message_id))
            if said is None:
                continue
            text, rows = said.text, said.rows
            if not said.of_place:
                # what is true now, once it is not what the notice shows; a 延期's answer
                # marked, as on the announcement
                text, rows = change_notice(
                    meeting,
                    said,
                    status=answers.get(person.id),
                    notifier=notifier,
                    render=render,
                    position=positions.get(person.id, 0),
                )
            else:
                # their place now, once the meeting or their place changed since (or once
                # it was redrawn so: it goes on saying what is true)
                status = answers.get(person.id)
                place: Place = (status, 0)
                if status == RsvpStatus.WAITLIST:
                    place = (
                        status,
                        await waitlist_position(session, meeting_id=meeting.id, user_id=person.id),
                    )
                if (
                    said.differs(meeting)
                    or place != said.place
                    or message.shown != shown_digest(said.text, said.rows)
                ):
                    text += "\n" + _now_line(meeting, notifier, render, place=place)
            if not published:
                rows = []
        else:
            # 去 / 不确定 / 不去 asked for only while they are there to tap; their answer marked
            text, rows = announcement(
                meeting,
                args=args,
                status=answers.get(person.id),
                render=render,
                position=positions.get(person.id, 0),
            )
        shown = shown_digest(text, rows)
        if shown == message.shown:
            continue
        message.shown = shown
        session.add(message)
        # Urgent: sent ahead of the notice that explains the change (the sender keeps each
        # chat's order), so by the time the notice rings, the older messages read as it says;
        # an edit wakes nobody, so quiet hours need not hold it. Across a large audience the
        # last notice comes no later than in any other order (every edit and every notice
        # still goes once). Straight to the outbox: not a notice staff are told about.
        await outbox.enqueue(
            session,
            chat_id=message.chat_id,
            text=text,
            reply_markup=_keyboard(rows),
            urgent=True,
            kind="meeting-redraw",
            community_id=meeting.community_id,
            deliver_by=meeting.starts_at,
            edit_message_id=message.message_id,
            now=notifier.now,
        )
        redrawn += 1
    return redrawn


def _now_line(
    meeting: Meeting, notifier: Notifier, render: Render, *, place: Place | None = None
) -> str:
    """Under a notice of an earlier change: that it was cancelled, or when and where now (and,
    under a notice of the person's place, their place now)."""
    if meeting.status == MeetingStatus.CANCELLED:
        return render("meeting-now-cancelled", reason=meeting.cancel_reason or "-")
    where = meeting.place or meeting.online_link or "-"
    when = notifier.local(meeting.starts_at)
    if place is None:
        return render("meeting-now-since", when=when, where=where)
    status, position = place
    shown = status_label(render, status, position)
    return render("meeting-now-place", when=when, where=where, status=shown)


def _keyboard(rows: Rows) -> dict[str, Any] | None:
    if not rows:
        return None
    return {
        "inline_keyboard": [
            [{"text": label, "callback_data": data} for label, data in row] for row in rows
        ]
    }
