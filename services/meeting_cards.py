"""A meeting's staff card (status, check-in code, answers, residents' questions, and the tools
its status allows), drawn in one place, and its copies on staff screens kept true.

The handler draws it (`staff_card`) and records each copy it shows or redraws
(`remember_card`: a row of the delivery outbox, as sent, under `card_matter`). When a resident
asks the organizer a question, and when a staff member answers one, `redraw_cards` redraws
every remembered copy that would read differently: edits queued through the outbox, in the
reader's language. Before, a card went on saying '❓ 提问 1（待回复 1）' after the answer, and
said nothing of a question asked after it was drawn, until it was opened again.

So it does when residents answer 去 / 不去 or check in, and when a staff member publishes,
edits (capacity and waitlist too), postpones or cancels the meeting, posts its minutes or
turns a decision into an order (`redraw_cards_of`, in rounds of the scheduler's that a burst
of changes coalesces into: scheduler.service.ask_card_round): every colleague's card of it
reads as the actor's, with the tools its status now allows (before, only the card tapped did,
and a colleague's went on offering ❌ 取消会议 on a meeting already cancelled). So it does as
the clock moves the meeting on — check-in opening (已发布，签到中), its start (进行中), its
planned end (已结束，待发纪要) — from the scheduled jobs of those moments (services.consult_jobs),
in the job's transaction. So it does too when someone's /forget takes their answer or question
away (services.consult_forget). A copy
remembered for someone no longer staff there is not redrawn, and is forgotten
(services.live_cards.redraw).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from models.base import utcnow
from models.consultations import Meeting, MeetingStatus
from services import live_cards
from services.consult_common import Notifier, questions_data
from services.live_cards import Rows, StaffCard

CARD_KIND = "meeting-staff-card"  # the outbox's kind of a staff card (remembered, redrawn)


def card_matter(meeting_id: int) -> str:
    """The key of the meeting's staff cards on screens (recorded by `remember_card`)."""
    return f"meeting:{meeting_id}:card"


def card_of(matter: str) -> int | None:
    """The meeting whose staff cards `matter` (`card_matter`) names (or None)."""
    head, _, rest = matter.partition(":")
    number, _, tail = rest.partition(":")
    return int(number) if head == "meeting" and tail == "card" and number.isdigit() else None


def tool_data(action: str, meeting_id: int, arg: int = 0) -> str:
    """A staff card's button: handlers' MeetingCb(action=…, id=meeting_id, arg=arg).pack()."""
    return f"cmt:{action}:{meeting_id}:{arg}"


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
    elif meeting.status == MeetingStatus.PUBLISHED and now >= meetings.ends_at(meeting):
        # over: nothing to change or put off; its minutes are what is left to do
        rows.append(
            [tool("meeting-btn-minutes", "minutes"), tool("meeting-btn-attendees", "attendees")]
        )
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
) -> bool:
    """A staff card of the meeting as the handler drew it is remembered (services.live_cards),
    so that `redraw_cards` redraws it when the meeting changes (published, edited, postponed,
    cancelled, minuted), residents answer it, or a question arrives or is answered. Commits.
    Returns whether the message may read otherwise on the screen (live_cards.remember)."""
    return await live_cards.remember(
        session,
        matter=card_matter(meeting_id),
        kind=CARD_KIND,
        chat_id=chat_id,
        message_id=message_id,
        text=card.text,
        reply_markup=card.markup,
        now=now,
    )


async def redraw_cards(
    session: AsyncSession, *, meeting: Meeting, notifier: Notifier, now: datetime
) -> int:
    """Every staff card of the meeting on a screen (`remember_card`) that would now read
    differently is redrawn whole, in its reader's language: edits queued through the outbox
    in the caller's transaction (services.live_cards.redraw). Returns how many were queued."""
    assert meeting.id is not None

    async def draw(lang: str) -> StaffCard:
        return await staff_card(session, meeting=meeting, lang=lang, notifier=notifier, now=now)

    return await live_cards.redraw(
        session,
        matter=card_matter(meeting.id),
        kind=CARD_KIND,
        draw=draw,
        default_language=notifier.default_language,
        community_id=meeting.community_id,
        now=notifier.now,
        admin_ids=notifier.admin_ids,
    )


async def redraw_cards_of(session: AsyncSession, *, meeting_id: int, notifier: Notifier) -> int:
    """`redraw_cards` as the meeting now stands (a round of the scheduler's, once residents
    answered it), committed. Returns how many redraws were queued."""
    meeting = await session.get(Meeting, meeting_id)
    if meeting is None:
        return 0
    queued = await redraw_cards(
        session, meeting=meeting, notifier=notifier, now=notifier.now or utcnow()
    )
    await session.commit()
    return queued
