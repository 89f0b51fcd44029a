"""Meetings in chat: 近期议事, RSVP, check-in; staff create, publish, change, minutes."""

from __future__ import annotations

import contextlib
import html
import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime
from functools import partial
from typing import Any

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import CommandObject, CommandStart, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message, ReplyParameters
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Text
from bot.settings import Settings
from handlers.consult_kit import (
    ANYWAY,
    AudienceCb,
    BallotCb,
    CheckinCb,
    DraftAudience,
    HubCb,
    MeetingCb,
    RsvpCb,
    after_audience,
    ask_audience,
    audience_choices,
    audience_from,
    audience_label,
    audience_typed,
    button_label,
    cancel_kb,
    chosen_draft_audience,
    continue_after_audience,
    draft_audience_chosen,
    finish_draft_audience,
    held_note,
    kb,
    nobody_told,
    parse_local_time,
    picker_kb,
    poll_button,
    reask_draft_audience,
    reply,
    result_button,
    safe_edit_markup,
    settle,
    settle_by_id,
    staff_community,
    tapped_label,
    time_example,
    time_read,
    tx,
    when_text,
)
from handlers.context import OrderCtx, UpdateCtx, UpdateCtxMiddleware
from handlers.filters import IS_STAFF
from handlers.form_guard import asks_first, origin, plain, starter
from handlers.keyboards import step_keyboard
from handlers.menu import is_skip, labels
from handlers.text_steps import at_step, is_back, refuse_button_labels, with_current
from models import Role, User
from models.consultations import (
    AudienceKind,
    Decision,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Poll,
    PollStatus,
    RsvpAnswer,
    Topic,
)
from services import (
    consult_said,
    meeting_cards,
    meeting_messages,
    meetings,
    polls,
    smalltalk,
    topics,
)
from services import delivery as outbox
from services.consult_common import in_audience
from services.errors import Conflict, DomainError, InvalidInput, NotFound
from services.users import can_act_in
from services.when import PartOfDay, parse_duration, part_clock, part_default, part_of_day

router = Router(name="meetings")
router.message.filter(F.chat.type == "private")
# Every handler here and in polls / topics (nested below) gets `ctx` (handlers.context.UpdateCtx).
router.message.middleware(UpdateCtxMiddleware())
router.callback_query.middleware(UpdateCtxMiddleware())
staff_router = Router(name="meetings-staff")
staff_router.message.filter(F.chat.type == "private", IS_STAFF)
staff_router.callback_query.filter(IS_STAFF)


class MeetingForm(StatesGroup):
    """Creating a meeting, one question at a time."""

    title = State()
    agenda = State()
    start = State()
    duration = State()  # buttons, or minutes typed
    place = State()
    audience = State()  # buttons only: typed text is told to choose above
    capacity = State()


class MeetingStart(StatesGroup):
    """The meeting form's first step: its kind, chosen with the buttons (nothing typed yet)."""

    kind = State()


class MeetingChange(StatesGroup):
    """Staff changing a published meeting, or writing its minutes."""

    value = State()
    postpone_time = State()
    postpone_reason = State()
    cancel_reason = State()
    minutes = State()
    decisions = State()
    minutes_confirm = State()  # the preview shown: 确认发送 / 改纪要 / 改决议 / 取消
    order_title = State()
    order_plan = State()  # a decision's order plan with the title typed, before 创建工单


class CodeForm(StatesGroup):
    """A resident typing the check-in code."""

    code = State()


# A stale button of another flow ("✅ 说完了", "跳过" …) is not a title, a reason or minutes;
# ⬅️ 上一步 is the meeting form's own (on_meeting_back), never a title or a place.
refuse_button_labels(
    router,
    MeetingForm.title,
    MeetingForm.agenda,
    MeetingForm.start,
    MeetingForm.duration,
    MeetingForm.place,
    MeetingForm.capacity,
    allow=("common-back",),
    keyboard=step_keyboard,
)
refuse_button_labels(router, MeetingStart.kind, allow=("common-back",), keyboard=cancel_kb)
refuse_button_labels(
    router,
    CodeForm,
    MeetingChange.value,
    MeetingChange.postpone_time,
    MeetingChange.postpone_reason,
    MeetingChange.cancel_reason,
    MeetingChange.minutes,
    MeetingChange.order_title,
)
refuse_button_labels(router, MeetingChange.decisions, allow=("common-skip",))


# ----------------------------------------------------------------- 近期议事 (everyone)


@router.message(F.text.in_(labels("menu-consult")))
async def on_consult_menu(message: Message, ctx: UpdateCtx) -> None:
    """Upcoming meetings and open polls, with buttons to act on them."""
    session, user, roles, t, settings = ctx.session, ctx.user, ctx.roles, ctx.t, ctx.settings
    now = ctx.now()
    upcoming = await meetings.upcoming_for(session, user=user, roles=roles, now=now)
    open_polls = await polls.open_polls_for(session, user=user, now=now)
    lines = [t("consult-hub")]
    rows: list[list[tuple[str, str]]] = []
    for meeting in upcoming:
        when = when_text(t, meeting.starts_at, settings=settings, now=now)
        label = button_label(f"📅 {when}", meeting.title)
        rows.append([(label, MeetingCb(action="view", id=meeting.id or 0).pack())])
    voted = await polls.voted_in(session, polls=open_polls, user=user)
    for poll in open_polls:
        pid = poll.id or 0
        rows.append([poll_button(t, pid, poll.question, voted.get(pid), head="🗳")])
    # polls closed lately, their result a tap away (before, a poll left the list at its close
    # and someone who missed the result message had nowhere to find it)
    closed = await polls.recent_results_for(session, user=user, now=now)
    rows += [[result_button(t, poll.id or 0, poll.question)] for poll in closed]
    if not upcoming and not open_polls:
        lines.append(t("consult-hub-empty"))
    else:  # what the buttons below do, for someone who has not used them before
        lines.append(t("consult-hub-pick"))
    if closed:
        lines.append(t("consult-hub-results"))
    rows.append(
        [
            (t("consult-btn-topics"), HubCb(action="topics").pack()),
            (t("consult-btn-propose"), HubCb(action="propose").pack()),
        ]
    )
    rows.append([(t("meeting-btn-checkin-code"), HubCb(action="code").pack())])
    await message.answer("\n".join(lines), reply_markup=kb(rows))


async def _card(ctx: UpdateCtx, meeting: Meeting) -> dict[str, object]:
    return await meetings.card_args(ctx.session, meeting=meeting, notifier=ctx.notifier())


@router.callback_query(MeetingCb.filter(F.action == "view"))
async def on_meeting_view(query: CallbackQuery, callback_data: MeetingCb, ctx: UpdateCtx) -> None:
    """A meeting's card: residents get RSVP/check-in buttons, staff their tools."""
    from services.users import can_act_in

    session, user, roles, t = ctx.session, ctx.user, ctx.roles, ctx.t
    meeting = await meetings.get_meeting(session, meeting_id=callback_data.id)
    staff = (Role.STAFF in roles or Role.ADMIN in roles) and await can_act_in(
        session, user=user, roles=roles, community_id=meeting.community_id
    )
    if not staff and not await meetings.may_view(session, meeting=meeting, user=user):
        raise NotFound("meeting-err-not-found")  # a forged button: not even the title
    await query.answer()
    if staff:
        await _send_staff_card(query.message, ctx, meeting)
        return
    args = await _card(ctx, meeting)
    text, rows = await _resident_card(session, meeting, user, args, t, ctx.now())
    sent = await reply(query.message, text, reply_markup=kb(rows) if rows else None)
    await _remember(session, sent, meeting, meeting_messages.CARD, text, rows)


async def _resident_card(
    session: AsyncSession,
    meeting: Meeting,
    user: User,
    args: dict[str, Any],
    t: Text,
    now: datetime,
) -> tuple[str, list[list[tuple[str, str]]]]:
    """A resident's view of a meeting: the card, their RSVP, and the buttons that apply now."""
    return await meeting_messages.resident_card(
        session, meeting=meeting, user=user, args=args, now=now, render=partial(tx, t)
    )


async def _remember(
    session: AsyncSession,
    message: Message | None,
    meeting: Meeting,
    kind: str,
    text: str,
    rows: list[list[tuple[str, str]]] | None,
) -> None:
    """A message showing the meeting, redrawn when the meeting changes."""
    if message is None or message.chat.id <= 0:
        return
    await meeting_messages.remember(
        session,
        meeting_id=meeting.id or 0,
        chat_id=message.chat.id,
        message_id=message.message_id,
        kind=kind,
        text=text,
        rows=rows,
    )


@router.callback_query(RsvpCb.filter())
async def on_rsvp(query: CallbackQuery, callback_data: RsvpCb, ctx: UpdateCtx) -> None:
    """去 / 不确定 / 不去 (also from the announcement); the answer can change any time."""
    session, user, t = ctx.session, ctx.user, ctx.t
    if callback_data.answer not in {a.value for a in RsvpAnswer}:
        await query.answer(t("err-stale-button"), show_alert=True)
        return
    try:
        outcome = await meetings.rsvp(
            session,
            user=user,
            meeting_id=callback_data.meeting_id,
            answer=RsvpAnswer(callback_data.answer),
            now=ctx.now(),
            notifier=ctx.notifier(),
            # the card tapped is redrawn below, at once
            shown_on=query.message.message_id if isinstance(query.message, Message) else None,
        )
    except Conflict:
        # cancelled or over: the message tapped (an announcement, a card) loses its 去 / 不确定
        # / 不去, which can no longer be answered; the error handler says why
        await _drop_rsvp_buttons(query.message, callback_data.meeting_id)
        raise
    # the staff cards count the answer (coalesced: a hundred answers are a few redraws)
    await ctx.meeting_cards_follow(callback_data.meeting_id)
    meeting = await meetings.get_meeting(session, meeting_id=callback_data.meeting_id)
    await _refresh_card(query, ctx, meeting)
    await _mark_answer(query, ctx, meeting)
    if isinstance(query.message, Message):  # ✅ 确认去 on an answer typed and read back
        await _settle_offer(
            query.message, ctx, meeting, outcome, offer_id=query.message.message_id
        )
    await query.answer()
    await _rsvp_said(query.message, ctx, meeting, outcome)


async def _settle_offer(
    message: Message,
    ctx: UpdateCtx,
    meeting: Meeting,
    outcome: meetings.RsvpOutcome,
    *,
    offer_id: int,
) -> None:
    """An answer typed and read back ("您是说「…」要去吗？", message `offer_id` in the chat
    of `message`) now confirmed: it loses its buttons and says what was chosen ('✓ 已选：
    参加'), so scrolling back it reads as answered. Other messages are left as they are."""
    kind = await meeting_messages.settle_offer(
        ctx.session, chat_id=message.chat.id, message_id=offer_id
    )
    if kind is None or message.bot is None:
        return
    t = ctx.t
    answer, company = meeting_messages.offer_of_kind(kind)
    text, _rows = meeting_messages.typed_offer(
        meeting,
        answer=answer,
        when=when_text(t, meeting.starts_at, settings=ctx.settings, now=ctx.now()),
        render=partial(tx, t),
        company=company,
    )
    if meeting.status == MeetingStatus.PUBLISHED:  # its last line asks to tap: answered now
        text = text.rpartition("\n")[0] or text
    chosen = meeting_messages.status_label(partial(tx, t), outcome.status, outcome.position)
    said = t("fallback-offer-chosen", choice=chosen)
    with contextlib.suppress(TelegramBadRequest):  # a double tap crossing the edit, too old
        await message.bot.edit_message_text(
            f"{text}\n\n{said}", chat_id=message.chat.id, message_id=offer_id, reply_markup=None
        )


async def rsvp_typed_yes(
    message: Message, ctx: UpdateCtx, *, offer_id: int, meeting_id: int, answer: str
) -> None:
    """'好的' / '是的' typed right under "您是说「…」要去吗？": the answer recorded, as a tap on
    its ✅ 确认去 records it (before, '是的' got a friendly 好的 and nothing was recorded)."""
    if answer not in {a.value for a in RsvpAnswer}:
        return
    try:
        outcome = await meetings.rsvp(
            ctx.session,
            user=ctx.user,
            meeting_id=meeting_id,
            answer=RsvpAnswer(answer),
            now=ctx.now(),
            notifier=ctx.notifier(),
            shown_on=offer_id,
        )
    except Conflict:  # cancelled or over since: the offer's button is spent; the handler says why
        if message.bot is not None:
            with contextlib.suppress(TelegramBadRequest):
                await message.bot.edit_message_reply_markup(
                    chat_id=message.chat.id, message_id=offer_id, reply_markup=None
                )
        raise
    await ctx.meeting_cards_follow(meeting_id)
    meeting = await meetings.get_meeting(ctx.session, meeting_id=meeting_id)
    await _settle_offer(message, ctx, meeting, outcome, offer_id=offer_id)
    await _rsvp_said(message, ctx, meeting, outcome)


async def rsvp_typed_no(message: Message, ctx: UpdateCtx) -> None:
    """'不要了' / '算了' typed right under "您是说「…」要去吗？": nothing recorded, said so."""
    await message.answer(ctx.t("meeting-typed-rsvp-declined"), reply_markup=ctx.main_menu())


async def _rsvp_said(
    where: object, ctx: UpdateCtx, meeting: Meeting, outcome: meetings.RsvpOutcome
) -> None:
    """The answer just recorded, said in the chat of `where`."""
    session, t, settings = ctx.session, ctx.t, ctx.settings
    # when and where for those going (or now, when every reminder time has passed), their
    # place on the waitlist, or the 不确定 / 不去 noted: redrawn when the meeting or their
    # place changes (a cancelled meeting's answer says so)
    text = meeting_messages.rsvp_reply(
        meeting,
        status=outcome.status,
        position=outcome.position,
        reminder_due=outcome.reminder_due,
        when=when_text(t, meeting.starts_at, settings=settings, now=ctx.now()),
        render=partial(tx, t),
    )
    # one answer in the chat, at the bottom where they look: the new one, the earlier ones
    # taken away (before, those were edited to say the same: two messages alike); with
    # ❓ 问组织者 while the meeting takes questions
    rows = meeting_messages.ask_rows(meeting, now=ctx.now(), render=partial(tx, t))
    sent = await reply(where, text, reply_markup=kb(rows) if rows else None)
    await _remember(session, sent, meeting, meeting_messages.REPLY, text, rows or None)
    await _take_away(where, outcome.replaced, t)


# what a pending typed confirmation (FSM data `typed_confirm`) is of
RSVP_CONFIRM = "rsvp"


async def offer_typed_rsvp(message: Message, state: FSMContext, ctx: UpdateCtx) -> bool:
    """'我去' / '参加' / '不去了' typed where 去 / 不确定 / 不去 were meant: with one meeting it
    would answer, that answer read back with its button (one tap records it, as on the
    announcement); already their answer, said so; several meetings, which one. False when
    the words are no answer or no meeting awaits one."""
    answer = smalltalk.rsvp_of(message.text)
    # '我和老伴一起去': an answer is one person's, so theirs is offered, and how the one coming
    # along signs up is said in the same answer (never left out unsaid, nor a loose message)
    company = smalltalk.rsvp_company(message.text) if answer is None else None
    if company is not None:
        answer = company.answer
    if answer is None:
        return False
    t, now = ctx.t, ctx.now()
    found = await meetings.meetings_for_typed_rsvp(
        ctx.session, user=ctx.user, answer=answer, now=now
    )
    along = (company.who or "none") if company is not None and answer == RsvpAnswer.YES else None

    def view(meeting: Meeting) -> tuple[str, str]:
        when = when_text(t, meeting.starts_at, settings=ctx.settings, now=now)
        return button_label(f"📅 {when}", meeting.title), MeetingCb(
            action="view", id=meeting.id or 0
        ).pack()

    several = found.changes if len(found.changes) > 1 else []
    if not found.changes and len(found.same) > 1:
        several = [m for m, _status in found.same]
    if several:
        rows = [[view(m)] for m in several]
        which = t("meeting-typed-rsvp-which")
        if along is not None:  # how the one coming along signs up, in the same answer
            which += "\n\n" + t("meeting-typed-rsvp-company", who=along)
        await message.answer(which, reply_markup=kb(rows))
        return True
    if found.changes:
        [meeting] = found.changes
        text, rows = meeting_messages.typed_offer(
            meeting,
            answer=answer.value,
            when=when_text(t, meeting.starts_at, settings=ctx.settings, now=now),
            render=partial(tx, t),
            company=along,
        )
        sent = await message.answer(text, reply_markup=kb(rows))
        # redrawn when the meeting changes, as the announcement is: a new time, or cancelled
        # (how the one coming along signs up still said)
        kind = meeting_messages.offer_kind(answer.value, along)
        await _remember(ctx.session, sent, meeting, kind, text, rows)
        if meeting.status == MeetingStatus.PUBLISHED:  # '是的' typed right under it answers it
            pending = [sent.message_id, RSVP_CONFIRM, meeting.id, answer.value]
            await state.update_data(typed_confirm=pending)
        return True
    if found.same:
        [(meeting, status)] = found.same
        said = t(f"meeting-rsvp-status-{status.value}")
        text = t("meeting-typed-rsvp-same", title=meeting.title, status=said)
        if along is not None:  # already going: how the one coming along signs up, with it
            text += "\n\n" + t("meeting-typed-rsvp-company", who=along)
        await message.answer(text, reply_markup=kb([[view(meeting)]]))
        return True
    return False


async def _take_away(message: object, replaced: list[int], t: Text) -> None:
    """The person's earlier answers to the meeting are deleted: the one just sent is their
    answer now. One Telegram no longer lets the bot delete (sent over 48 hours ago) says it
    was replaced; one the person deleted is left so."""
    if not isinstance(message, Message) or message.bot is None:
        return
    for message_id in replaced:
        try:
            await message.bot.delete_message(chat_id=message.chat.id, message_id=message_id)
        except TelegramBadRequest:
            with contextlib.suppress(TelegramBadRequest):  # gone, or already says so
                await message.bot.edit_message_text(
                    t("meeting-rsvp-replaced"), chat_id=message.chat.id, message_id=message_id
                )


async def _mark_answer(query: CallbackQuery, ctx: UpdateCtx, meeting: Meeting) -> None:
    """Tapped on their copy of the announcement or of a 延期's notice: its buttons mark the
    answer ('✅ 去'), so it shows what they said (and goes on showing it when the meeting's
    change redraws it)."""
    message = query.message
    if not isinstance(message, Message):
        return
    drawn = await meeting_messages.mark_answer(
        ctx.session,
        meeting=meeting,
        user=ctx.user,
        chat_id=message.chat.id,
        message_id=message.message_id,
        notifier=ctx.notifier(),
    )
    if drawn is not None:
        text, rows = drawn
        await message.edit_text(text, reply_markup=kb(rows) if rows else None)


async def _drop_rsvp_buttons(message: object, meeting_id: int) -> None:
    """The RSVP buttons of this meeting off a message (its other buttons stay)."""
    if not isinstance(message, Message) or message.reply_markup is None:
        return
    rsvp = {RsvpCb(meeting_id=meeting_id, answer=a).pack() for a in RsvpAnswer}
    rows = [
        [b for b in row if b.callback_data not in rsvp]
        for row in message.reply_markup.inline_keyboard
    ]
    kept = [row for row in rows if row]
    await safe_edit_markup(message, InlineKeyboardMarkup(inline_keyboard=kept) if kept else None)


async def _refresh_card(query: CallbackQuery, ctx: UpdateCtx, meeting: Meeting) -> None:
    """Tapped on the meeting's card (not the announcement): its "您的报名" line shows the new
    answer, so the card never contradicts what was just said."""
    session, user, t = ctx.session, ctx.user, ctx.t
    message = query.message
    if not isinstance(message, Message):
        return
    shown = (message.text or "").splitlines()
    status_prefix = t("meeting-my-status", status="").strip()
    if not shown or not shown[-1].startswith(status_prefix):
        return
    args = await _card(ctx, meeting)
    text, rows = await _resident_card(session, meeting, user, args, t, ctx.now())
    if text.splitlines()[-1] == shown[-1]:  # the same answer tapped again: nothing to change
        return
    # a redraw of this card still queued (the meeting changed a moment ago) would take back
    # the answer drawn here: it is dropped, and the card drawn from the meeting as it is now
    if await outbox.cancel_redraws(
        session, chat_id=message.chat.id, message_id=message.message_id
    ):
        meeting = await meetings.get_meeting(session, meeting_id=meeting.id or 0)
        args = await _card(ctx, meeting)
        text, rows = await _resident_card(session, meeting, user, args, t, ctx.now())
    await message.edit_text(text, reply_markup=kb(rows) if rows else None)
    await _remember(session, message, meeting, meeting_messages.CARD, text, rows)


@router.callback_query(CheckinCb.filter())
async def on_checkin(query: CallbackQuery, callback_data: CheckinCb, ctx: UpdateCtx) -> None:
    """签到 with the button: valid only in the meeting's window."""
    session, user, t = ctx.session, ctx.user, ctx.t
    try:
        meeting, new = await meetings.check_in(
            session, user=user, meeting_id=callback_data.meeting_id, now=ctx.now()
        )
    except meetings.CheckinNotOpen as exc:
        raise _not_open(exc, ctx) from None
    if new:  # the staff cards count them checked in
        await ctx.meeting_cards_follow(meeting.id or 0)
    text = t("meeting-checked-in", title=meeting.title) if new else t("meeting-checked-in-already")
    await query.answer()
    await reply(query.message, text)


def _not_open(exc: meetings.CheckinNotOpen, ctx: UpdateCtx) -> Conflict:
    """The refusal before check-in opens, with when the meeting starts and check-in opens
    (the time it moved to, once postponed) as the reader reads them."""
    settings = ctx.settings
    when = when_text(ctx.t, exc.starts_at, settings=settings, now=ctx.now())
    opens = exc.opens_at.astimezone(settings.zone).strftime("%H:%M")
    return Conflict(exc.key, **exc.args_, when=when, opens=opens)


@router.callback_query(HubCb.filter(F.action.in_(starter("code"))))
async def on_code_button(
    query: CallbackQuery, callback_data: HubCb, state: FSMContext, t: Text
) -> None:
    """Ask for the code staff show in the room (asking first when a form is half filled)."""
    if await asks_first(query, callback_data, state, t, starting="CodeForm"):
        return
    await state.clear()
    await state.set_state(CodeForm.code)
    await query.answer()
    await reply(query.message, t("meeting-ask-code"), reply_markup=cancel_kb(t))


@router.message(StateFilter(CodeForm.code), F.text, ~F.text.in_(labels("common-cancel")))
async def on_code(message: Message, state: FSMContext, ctx: UpdateCtx) -> None:
    """签到 with a code (a wrong length is explained; too many wrong codes end the step)."""
    session, user, t = ctx.session, ctx.user, ctx.t
    try:
        meeting, new = await meetings.check_in_by_code(
            session, user=user, code=message.text or "", now=ctx.now()
        )
    except meetings.CodeAttemptsUsed as exc:
        await state.clear()
        menu = ctx.main_menu()
        await message.answer(t(exc.key, **exc.args_), reply_markup=menu)
        return
    except meetings.CheckinNotOpen as exc:
        raise _not_open(exc, ctx) from None
    if new:  # the staff cards count them checked in
        await ctx.meeting_cards_follow(meeting.id or 0)
    await state.clear()
    await message.answer(t_checked_in(t, meeting.title, new=new), reply_markup=ctx.main_menu())


async def _open_meeting_code(
    message: Message, session: AsyncSession, clock: Callable[[], datetime]
) -> dict[str, Any] | bool:
    """Six digits typed with no form open: a meeting's check-in code?"""
    found = await meetings.meeting_of_code(session, code=message.text or "", now=clock())
    return {"checking_in": found} if found is not None else False


# six digits, as read off the screen: '372 627', '３７２６２７', '签到 372627', '签到码：372-627'
BARE_CODE = re.compile(
    r"^\s*(?:签到码?|簽到碼?|check[\s-]?in(?:\s+code)?|code)?\s*[:：是]?\s*"
    r"[0-9０-９](?:[\s\-－]?[0-9０-９]){5}\s*$",
    re.IGNORECASE,
)


@router.message(StateFilter(None), F.text.regexp(BARE_CODE), _open_meeting_code)
async def on_bare_code(message: Message, ctx: UpdateCtx) -> None:
    """签到 with the code typed straight into the chat (no 🔢 输入签到码 first): checked in while
    that meeting's check-in is open, else told when it opens (or that the meeting was
    cancelled); other six-digit texts go on (a request's number: handlers.lookup)."""
    try:
        meeting, new = await meetings.check_in_by_code(
            ctx.session, user=ctx.user, code=message.text or "", now=ctx.now()
        )
    except meetings.CheckinNotOpen as exc:
        raise _not_open(exc, ctx) from None
    if new:  # the staff cards count them checked in
        await ctx.meeting_cards_follow(meeting.id or 0)
    text = t_checked_in(ctx.t, meeting.title, new=new)
    await message.answer(text, reply_markup=ctx.main_menu())


def t_checked_in(t: Text, title: str, *, new: bool) -> str:
    """What a check-in says: done, or done before."""
    return t("meeting-checked-in", title=title) if new else t("meeting-checked-in-already")


@router.message(
    StateFilter(CodeForm, MeetingStart, MeetingForm, MeetingChange),
    F.text.in_(labels("common-cancel")),
)
async def on_cancel_flow(message: Message, state: FSMContext, ctx: UpdateCtx) -> None:
    """The big cancel button of any meeting step: nothing is saved (a change of a meeting
    already saved, a draft too, leaves it as it was, and says so)."""
    t = ctx.t
    changing = await state.get_state() in MeetingChange.__state_names__
    await state.clear()
    text = t("consult-change-cancelled" if changing else "consult-cancelled")
    await message.answer(text, reply_markup=ctx.main_menu())


# Not at the kind, the form's first step: there is no step before it, so ⬅️ 上一步 is not
# offered there (its keyboard is 取消 alone) and, typed or tapped on an older keyboard, it is
# answered as at 发通知's and 新建投票's first step (handlers.fallback: not used here, the
# form and what was entered stay). Before, it asked for the kinds again, and again.
@router.message(StateFilter(MeetingForm), F.text.func(is_back))
async def on_meeting_back(message: Message, state: FSMContext, ctx: UpdateCtx) -> None:
    """⬅️ 上一步 (or '上一步' typed) at a step of the meeting form after the kind: the step
    before is asked again with what was entered there; the buttons of the step left go."""
    data = await state.get_data()
    for asked in ("dur_msg", "aud_msg", "aud_pick_msg", "cap_msg"):
        await settle_by_id(message.bot, message.chat.id, data.get(asked))
    await state.update_data(dur_msg=None, aud_msg=None, aud_pick_msg=None, cap_msg=None)
    step = await state.get_state()
    if step == MeetingForm.title.state:
        await _ask_kind_again(message, state, ctx.t)
    elif step == MeetingForm.agenda.state:
        await _ask_title(message, state, ctx.t)
    elif step == MeetingForm.start.state:
        await _ask_agenda(message, state, ctx.t)
    elif step == MeetingForm.duration.state:
        await _ask_start(message, state, ctx)
    elif step == MeetingForm.place.state:
        await _ask_duration(message, state, ctx)
    elif step == MeetingForm.audience.state:
        await _ask_place(message, state, ctx.t)
    else:  # the capacity: the audience again
        await state.set_state(MeetingForm.audience)
        await ask_audience(message, state, ctx.t, flow="meeting")


@staff_router.message(StateFilter(DraftAudience.picking), F.text.func(smalltalk.whole_community))
async def on_draft_audience_typed(message: Message, state: FSMContext, ctx: UpdateCtx) -> None:
    """'全社区' / '所有居民' / 'everyone' typed where a draft's new audience is chosen (👥
    改面向范围): the 全社区 tap, as at the forms' audience step, and the draft changes (before,
    it was not understood). Other words go where they went."""
    if await audience_typed(message, state, ctx.t, settings=ctx.settings, now=ctx.now()):
        await finish_draft_audience(message, state, ctx)


@router.message(StateFilter(MeetingForm.audience), F.text)
async def on_audience_typed(message: Message, state: FSMContext, ctx: UpdateCtx) -> None:
    """Text where the audience is chosen with the buttons above: '全社区' / '所有居民' is the
    全社区 tap; other words are told to tap, with the step's own keyboard (the general answer's
    is 取消 alone, and ⬅️ 上一步 would be gone from it)."""
    t = ctx.t
    if await audience_typed(message, state, t, settings=ctx.settings, now=ctx.now()):
        return
    await message.answer(t("err-choose-above"), reply_markup=step_keyboard(t))


# ----------------------------------------------------------------- staff: 议事管理


@staff_router.message(F.text.in_(labels("menu-consult-staff")))
async def on_staff_menu(message: Message, t: Text) -> None:
    """The consultation tools for staff."""
    rows = [
        [
            (t("consult-btn-new-meeting"), HubCb(action="new_meeting").pack()),
            (t("consult-btn-new-poll"), HubCb(action="new_poll").pack()),
        ],
        [
            (t("consult-btn-my-meetings"), HubCb(action="my_meetings").pack()),
            (t("consult-btn-my-polls"), HubCb(action="my_polls").pack()),
        ],
        [
            (t("consult-btn-topic-review"), HubCb(action="topics").pack()),
            (t("consult-btn-groups"), HubCb(action="groups").pack()),
        ],
    ]
    await message.answer(t("consult-staff-hub"), reply_markup=kb(rows))


@staff_router.callback_query(HubCb.filter(F.action == "my_meetings"))
async def on_staff_meetings(query: CallbackQuery, ctx: UpdateCtx) -> None:
    """Meetings with their status (upcoming first, by time); tap one for its tools."""
    session, user, roles, t, settings = ctx.session, ctx.user, ctx.roles, ctx.t, ctx.settings
    now = ctx.now()
    items = await meetings.staff_meetings(session, user=user, roles=roles, now=now)
    await query.answer()
    if not items:
        await reply(query.message, t("meeting-list-empty"))
        return
    rows = []
    for meeting in items:
        when = when_text(t, meeting.starts_at, settings=settings, now=now)
        status = meetings.shown_status(meeting, now=now)
        label = button_label(when, meeting.title, f"· {t(f'meeting-status-{status}')}")
        rows.append([(label, MeetingCb(action="view", id=meeting.id or 0).pack())])
    await reply(query.message, t("meeting-list-title"), reply_markup=kb(rows))


async def _send_staff_card(target: object, ctx: UpdateCtx, meeting: Meeting) -> None:
    """The meeting's staff card, sent under `target` and remembered: kept true as residents'
    questions arrive and are answered (services.meeting_cards.redraw_cards)."""
    drawn = await _staff_card(ctx, meeting)
    sent = await reply(
        target if isinstance(target, Message) else None,
        drawn.text,
        reply_markup=kb(drawn.rows) if drawn.rows else None,
    )
    if sent is not None and sent.chat.id > 0:
        await _remember_staff_card(ctx, meeting, sent.chat.id, sent.message_id, drawn)


async def _staff_card(ctx: UpdateCtx, meeting: Meeting) -> meeting_cards.StaffCard:
    """The meeting's card for staff in the reader's language (services.meeting_cards.staff_card:
    the one drawing, which the copies on screens are redrawn with)."""
    return await meeting_cards.staff_card(
        ctx.session, meeting=meeting, lang=ctx.t.lang, notifier=ctx.notifier(), now=ctx.now()
    )


async def _remember_staff_card(
    ctx: UpdateCtx, meeting: Meeting, chat_id: int, message_id: int, drawn: meeting_cards.StaffCard
) -> bool:
    """The staff card as drawn now (its redraws still queued are dropped), for
    services.meeting_cards.redraw_cards to keep it true; whether the message may read
    otherwise on the screen (False: it reads so already, nothing queued to change it)."""
    return await meeting_cards.remember_card(
        ctx.session,
        meeting_id=meeting.id or 0,
        chat_id=chat_id,
        message_id=message_id,
        card=drawn,
        now=ctx.now(),
    )


async def _redraw_staff_card(
    bot: Bot | None,
    chat_id: int,
    message_id: object,
    ctx: UpdateCtx,
    meeting_id: int,
    *,
    preview: bool = False,
) -> None:
    """A staff card (or preview) whose tool was used or has lapsed: it shows the meeting as it
    stands now, with the tools its status still allows (none once cancelled). A draft's
    preview (`preview`) changed from there stays a preview, with its buttons."""
    session = ctx.session
    if bot is None or not isinstance(message_id, int):
        return
    meeting = await meetings.get_meeting(session, meeting_id=meeting_id)
    if preview and meeting.status == MeetingStatus.DRAFT:
        text, rows = await _draft_preview(ctx, meeting, await _card(ctx, meeting))
    else:
        drawn = await _staff_card(ctx, meeting)
        text, rows = drawn.text, drawn.rows
        # already reading so (a round of redrawing got there first): an edit would be refused
        # as 'message is not modified'
        if chat_id > 0 and not await _remember_staff_card(
            ctx, meeting, chat_id, message_id, drawn
        ):
            return
    with contextlib.suppress(TelegramBadRequest):  # gone, or already shown so
        await bot.edit_message_text(
            text, chat_id=chat_id, message_id=message_id, reply_markup=kb(rows) if rows else None
        )


def _tool_message(message: object, data: str | None) -> int | None:
    """The id of the message a staff tool was tapped on (not a question asking whether to
    leave another form first)."""
    if not isinstance(message, Message) or message.reply_markup is None:
        return None
    rows = message.reply_markup.inline_keyboard
    return message.message_id if any(b.callback_data == data for r in rows for b in r) else None


def _card_of(message: object, data: str | None, *, edit_field: bool) -> int | None:
    """The staff card a change was started from: the message tapped, or for a field chosen
    under 要修改什么, the card that question replies to."""
    if not edit_field:
        return _tool_message(message, data)
    if not isinstance(message, Message) or message.reply_to_message is None:
        return None
    return message.reply_to_message.message_id


# --- create


@staff_router.callback_query(HubCb.filter(F.action.in_(starter("new_meeting"))))
async def on_new_meeting(
    query: CallbackQuery, callback_data: HubCb, state: FSMContext, ctx: UpdateCtx
) -> None:
    """Start a new meeting: choose its kind (asking first when a form is half filled)."""
    session, user, roles, t = ctx.session, ctx.user, ctx.roles, ctx.t
    community_id = await staff_community(session, user=user, roles=roles)
    if await asks_first(query, callback_data, state, t, starting="MeetingStart"):
        return
    await query.answer()
    await start_meeting_form(query.message, state, t, community_id=community_id)


async def start_meeting_form(
    target: object,
    state: FSMContext,
    t: Text,
    *,
    community_id: int,
    topic: Topic | None = None,
) -> None:
    """The meeting form's first question (its kind); with `topic`, a topic goes on the new
    meeting's agenda once the draft is saved."""
    await state.clear()
    await state.update_data(community_id=community_id)
    text = t("meeting-new-kind")
    if topic is not None:
        await state.update_data(from_topic=topic.id)
        text = t("topic-new-meeting-kind", title=topic.title)
    await _ask_kind(target, state, t, text)


async def _ask_kind(target: object, state: FSMContext, t: Text, text: str | None = None) -> None:
    """The kinds of meeting."""
    await state.set_state(MeetingStart.kind)  # typed text here is told to choose above
    # a topic's picker names the topic in its buttons: tapped again later (starting over), the
    # new meeting still takes the topic onto its agenda
    from_topic = int((await state.get_data()).get("from_topic") or 0)
    rows = [
        [(t(f"meeting-kind-{k.value}"), MeetingCb(action="kind", id=i, arg=from_topic).pack())]
        for i, k in enumerate(MeetingKind)
    ]
    await reply(target, text or t("meeting-new-kind"), reply_markup=kb(rows))


async def _ask_kind_again(message: Message, state: FSMContext, t: Text) -> None:
    """Back at the kinds from the title (what was typed is kept): the first step, so its
    keyboard is 取消 alone; the title step's ⬅️ 上一步 / 取消 would stay on screen otherwise
    (the kinds are inline buttons, a message has one keyboard)."""
    kind = str((await state.get_data()).get("kind") or "")
    chosen = t(f"meeting-kind-{kind}") if kind in {k.value for k in MeetingKind} else "-"
    await message.answer(t("meeting-kind-again", kind=chosen), reply_markup=cancel_kb(t))
    await _ask_kind(message, state, t)


# the steps a kind picker belongs to: choosing, or choosing again before the title is typed
_KIND_STEPS = frozenset({MeetingStart.kind.state, MeetingForm.title.state})


@staff_router.callback_query(MeetingCb.filter(F.action.in_(starter("kind"))))
async def on_kind(
    query: CallbackQuery, callback_data: MeetingCb, state: FSMContext, ctx: UpdateCtx
) -> None:
    """Kind chosen; ask the title. An older picker starts a new meeting of that kind, asking
    first when another form is half filled; a topic's picker (arg: the topic) keeps the topic
    for the new meeting's agenda."""
    session, user, roles, t = ctx.session, ctx.user, ctx.roles, ctx.t
    kinds = list(MeetingKind)
    if not 0 <= callback_data.id < len(kinds):
        await query.answer(t("err-stale-button"), show_alert=True)
        return
    topic_id = callback_data.arg
    if await state.get_state() not in _KIND_STEPS:
        # a topic's picker: the topic is still ours to decide (else refused, as its
        # 新建议事会 button is), and goes on the new meeting's agenda
        topic = (
            await topics.check_can_decide(session, user=user, roles=roles, topic_id=topic_id)
            if topic_id
            else None
        )
        if await asks_first(query, callback_data, state, t, starting="MeetingStart"):
            return
        community_id = (
            topic.community_id
            if topic is not None
            else await staff_community(session, user=user, roles=roles)
        )
        await state.clear()
        await state.update_data(community_id=community_id)
        if topic is not None:
            await state.update_data(from_topic=topic.id)
    elif topic_id and (await state.get_data()).get("from_topic") != topic_id:
        # a topic's picker tapped while the kind of another new meeting is chosen: for the topic
        topic = await topics.check_can_decide(session, user=user, roles=roles, topic_id=topic_id)
        await state.update_data(community_id=topic.community_id, from_topic=topic.id)
    data = await state.get_data()
    if "community_id" not in data:
        await query.answer(t("err-stale-button"), show_alert=True)
        return
    await state.update_data(kind=kinds[callback_data.id].value)
    await query.answer()
    if not isinstance(query.message, Message):
        return
    if (await state.get_data()).get("title_at_kind"):  # the title came first: it stands
        await state.update_data(title_at_kind=False)
        await _ask_agenda(query.message, state, t)
        return
    await _ask_title(query.message, state, t)


def _kind_named(typed: str, t: Text) -> MeetingKind | None:
    """The kind a short message names ('楼栋夜话', '听证会', 'hearing'): its whole name, or a
    part of it of two characters or more typed alone; None for anything else (a title)."""
    said = "".join(ch for ch in typed.casefold() if ch.isalnum())
    if not said:
        return None
    for kind in MeetingKind:
        for name in {t(f"meeting-kind-{kind.value}"), kind.value.replace("_", " ")}:
            whole = "".join(ch for ch in name.casefold() if ch.isalnum())
            if said == whole or (2 <= len(said) <= 6 and said in whole):
                return kind
    return None


@staff_router.message(StateFilter(MeetingStart.kind), F.text, ~F.text.func(is_back))
async def on_kind_typed(message: Message, state: FSMContext, ctx: UpdateCtx) -> None:
    """Words typed where the kind is chosen. A kind's name chooses it; anything else is the
    title (staff often begin with it: '关于加装电梯的议事会'), kept, and the kind asked for
    once more; once a kind is tapped the form goes on from the agenda."""
    t = ctx.t
    typed = message.text or ""
    kind = _kind_named(typed, t)
    data = await state.get_data()
    if kind is not None and "community_id" in data:
        await state.update_data(kind=kind.value)
        if data.get("title_at_kind"):
            await state.update_data(title_at_kind=False)
            await message.answer(t("meeting-kind-typed", kind=t(f"meeting-kind-{kind.value}")))
            await _ask_agenda(message, state, t)
            return
        await _ask_title(message, state, t)
        return
    title = meetings.clean_title(typed)
    await state.update_data(title=title, title_at_kind=True)
    await _ask_kind(message, state, t, t("meeting-title-before-kind", title=title))


async def start_meeting_said(
    message: Message, state: FSMContext, ctx: OrderCtx, said: consult_said.MeetingSaid
) -> None:
    """A meeting described in one message ('下周三晚上7点开个议事会，讨论加装电梯'): the form
    begins with what was said filled in, each piece checked as its step checks it, and says
    what it took; it asks the steps left. A time not usable as said is asked at its step (with
    what is wrong with it); words that fit no step are said back, not dropped."""
    t, now = ctx.t, ctx.now()
    community_id = await staff_community(ctx.session, user=ctx.user, roles=ctx.roles)
    await state.clear()
    await state.update_data(community_id=community_id)
    taken: list[str] = []
    later: list[str] = []
    if said.kind is not None:
        await state.update_data(kind=said.kind)
        taken.append(t(f"meeting-kind-{said.kind}"))
    if said.title is not None:
        try:
            title = meetings.clean_title(said.title)
        except InvalidInput:
            later.append(said.title)
        else:
            await state.update_data(title=title, title_at_kind=said.kind is None)
            taken.append(title)
    if said.when is not None:
        try:
            start = meetings.check_start(
                parse_local_time(said.when, settings=ctx.settings, now=now), now=now
            )
        except InvalidInput:
            part = part_of_day(said.when, zone=ctx.settings.zone, now=now)
            if part is None:
                await state.update_data(said_when=said.when)
                later.append(said.when)
            else:  # '下午开个会': its hour asked at the time step, with one proposed
                await _keep_part(state, ctx, said.when, part)
                taken.append(t("consult-said-part", said=said.when))
        else:
            await state.update_data(starts_at=start.isoformat(), said_start=True)
            taken.append(when_text(t, start, settings=ctx.settings, now=now))
    if said.place is not None:
        place, link = meetings.clean_where(said.place, None)
        await state.update_data(place=place, link=link, said_place=True)
        taken.append(said.place)
    items = " · ".join(html.escape(x) for x in taken)
    lines = [t("consult-said-taken", items=items)] if taken else []
    lines += [t("consult-said-later", typed=html.escape(x)) for x in later]
    if said.rest:
        lines.append(t("consult-said-rest", rest=html.escape(said.rest)))
    if lines:  # '我要开会': nothing to say taken, the form is asked from its start
        await message.answer("\n".join(lines), reply_markup=cancel_kb(t))
    if said.kind is None:
        await _ask_kind(message, state, t)
    elif (await state.get_data()).get("title") is None:
        await _ask_title(message, state, t)
    else:
        await _ask_agenda(message, state, t)


async def _keep_part(state: FSMContext, ctx: OrderCtx, words: str, part: PartOfDay) -> None:
    """A part of the day said for the time ('下午', 'in the afternoon'): kept for the time step,
    which proposes its usual hour (14:30 for an afternoon) as a button and reads a bare clock
    time typed ('3点') in it."""
    proposed = part_default(part, zone=ctx.settings.zone, now=ctx.now())
    await state.update_data(
        said_part=[words, part.part, part.day.isoformat()],
        part_at=proposed.isoformat() if proposed is not None else None,
    )


def _part_said(data: dict[str, Any]) -> PartOfDay | None:
    kept = data.get("said_part")
    if not isinstance(kept, list) or len(kept) != 3:
        return None
    return PartOfDay(part=str(kept[1]), day=date.fromisoformat(str(kept[2])))


# The typed steps after the kind have ⬅️ 上一步 beside ✖️ 取消 (on_meeting_back); asked again
# that way, a question shows what was entered.


async def _ask_title(message: Message, state: FSMContext, t: Text) -> None:
    await state.set_state(MeetingForm.title)
    title = (await state.get_data()).get("title")
    text = with_current(t, t("meeting-ask-title"), title)
    await message.answer(text, reply_markup=step_keyboard(t))


@staff_router.message(StateFilter(MeetingForm.title), F.text)
async def on_title(message: Message, state: FSMContext, t: Text) -> None:
    """Title typed; ask the agenda."""
    await state.update_data(title=meetings.clean_title(message.text))
    await _ask_agenda(message, state, t)


async def _ask_agenda(message: Message, state: FSMContext, t: Text) -> None:
    await state.set_state(MeetingForm.agenda)
    agenda = (await state.get_data()).get("agenda")
    typed = "\n" + "\n".join(agenda) if agenda else None  # one item a line, to send again
    text = with_current(t, t("meeting-ask-agenda"), typed)
    await message.answer(text, reply_markup=step_keyboard(t))


async def _ask_start(message: Message, state: FSMContext, ctx: UpdateCtx) -> None:
    t, settings, now = ctx.t, ctx.settings, ctx.now()
    await state.set_state(MeetingForm.start)
    starts = (await state.get_data()).get("starts_at")
    typed = (
        when_text(t, datetime.fromisoformat(starts), settings=settings, now=now)
        if starts
        else None
    )
    data = await state.get_data()
    part = data.get("said_part")
    if not starts and isinstance(part, list) and len(part) == 3:
        # '下午开个会': which hour of it, the usual one proposed as a button (the step's
        # ⬅️ 上一步 / ✖️ 取消 stay from the step before)
        at = data.get("part_at")
        if isinstance(at, str):
            proposed = when_text(t, datetime.fromisoformat(at), settings=settings, now=now)
            text = t("meeting-ask-time-part", said=html.escape(str(part[0])), at=proposed)
            rows = [
                [(t("meeting-btn-part-at", at=proposed), MeetingCb(action="part_at", id=0).pack())]
            ]
            asked = await message.answer(text, reply_markup=kb(rows))
            await state.update_data(part_msg=asked.message_id)
            return
        text = t("meeting-ask-time-part-over", said=html.escape(str(part[0])))
        await message.answer(text, reply_markup=step_keyboard(t))
        return
    text = t("meeting-ask-time", example=time_example(settings, now))
    await message.answer(with_current(t, text, typed), reply_markup=step_keyboard(t))


@staff_router.callback_query(MeetingCb.filter(F.action == "part_at"))
async def on_part_at(query: CallbackQuery, state: FSMContext, ctx: UpdateCtx) -> None:
    """The proposed hour of the part of the day said ('🕑 12月8日（周二）14:30'): the start,
    as if typed; then how long."""
    t = ctx.t
    at = (await state.get_data()).get("part_at")
    message = query.message
    if (
        await state.get_state() != MeetingForm.start.state
        or not isinstance(at, str)
        or not isinstance(message, Message)
    ):
        await query.answer(t("err-stale-button"), show_alert=True)
        return
    start = meetings.check_start(datetime.fromisoformat(at), now=ctx.now())
    await query.answer()
    await settle(message, t, when_text(t, start, settings=ctx.settings, now=ctx.now()))
    await state.update_data(starts_at=start.isoformat(), dur_msg=None, part_msg=None)
    await _ask_duration(message, state, ctx)


async def _ask_duration(message: Message, state: FSMContext, ctx: UpdateCtx) -> None:
    """How long (buttons, or minutes typed), under how the time was read."""
    t, settings, now = ctx.t, ctx.settings, ctx.now()
    await state.set_state(MeetingForm.duration)
    start = datetime.fromisoformat((await state.get_data())["starts_at"])
    rows = [
        [
            (
                t("meeting-duration-minutes", minutes=m),
                MeetingCb(action="duration", arg=m, id=0).pack(),
            )
            for m in _DURATIONS
        ]
    ]
    read = time_read(t, start, settings=settings, now=now)
    question = f"{read}\n{t('meeting-ask-duration')}"
    asked = await message.answer(question, reply_markup=kb(rows))
    # its buttons go once it is answered; typed, it shows the answer as a tap would
    await state.update_data(dur_msg=asked.message_id, dur_q=question)


@staff_router.message(StateFilter(MeetingForm.agenda), F.text)
async def on_agenda(message: Message, state: FSMContext, ctx: UpdateCtx) -> None:
    """Agenda typed (one item a line); ask the time (the example: a week from now)."""
    await state.update_data(agenda=meetings.clean_agenda(message.text or ""))
    data = await state.get_data()
    if data.get("said_start") and data.get("starts_at"):  # said with the meeting: taken
        await state.update_data(said_start=False)
        await _ask_duration(message, state, ctx)
        return
    await _ask_start(message, state, ctx)
    if data.get("said_when"):  # said with the meeting, not usable as said: what is wrong
        await state.update_data(said_when=None)
        now = ctx.now()
        meetings.check_start(
            parse_local_time(data["said_when"], settings=ctx.settings, now=now), now=now
        )


@staff_router.message(StateFilter(MeetingForm.start), F.text)
async def on_start(message: Message, state: FSMContext, ctx: UpdateCtx) -> None:
    """Time typed; show how it was read (date and weekday) and ask how long. After a part of
    the day said ('下午开个会'), a bare clock time ('3点') is read in it."""
    now = ctx.now()
    data = await state.get_data()
    part = _part_said(data)
    in_part = part_clock(part, message.text, zone=ctx.settings.zone) if part else None
    start = meetings.check_start(
        in_part or parse_local_time(message.text, settings=ctx.settings, now=now), now=now
    )
    if data.get("part_msg"):  # typed instead: the proposed hour's button goes
        await settle_by_id(message.bot, message.chat.id, data.get("part_msg"))
        await state.update_data(part_msg=None)
    await settle_by_id(message.bot, message.chat.id, data.get("dur_msg"))  # a time typed again
    await state.update_data(starts_at=start.isoformat(), dur_msg=None)
    await _ask_duration(message, state, ctx)


async def _ask_place(message: Message, state: FSMContext, t: Text) -> None:
    data = await state.get_data()
    if data.get("said_place") and (data.get("place") or data.get("link")):
        await state.update_data(said_place=False)  # said with the meeting: taken
        await state.set_state(MeetingForm.audience)
        await ask_audience(message, state, t, flow="meeting")
        return
    await state.set_state(MeetingForm.place)
    typed = data.get("place") or data.get("link")
    text = with_current(t, t("meeting-ask-place"), typed)
    await message.answer(text, reply_markup=step_keyboard(t))


_DURATIONS = (60, 90, 120)


@staff_router.message(StateFilter(MeetingForm.duration), F.text)
async def on_duration_typed(message: Message, state: FSMContext, ctx: UpdateCtx) -> None:
    """How long, typed instead of tapped ("90", "９０分钟", "一个半小时", "两小时", "an hour and
    a half"): taken; a time typed again corrects the time; anything else is asked again."""
    t, settings = ctx.t, ctx.settings
    text = unicodedata.normalize("NFKC", message.text or "").strip()
    minutes = parse_duration(text)
    if minutes is not None:
        low, high = meetings.DURATION_RANGE
        if not low <= minutes <= high:
            raise InvalidInput("meeting-err-duration", low=low, high=high)
        data = await state.get_data()
        await state.update_data(duration=minutes, dur_msg=None)
        await settle_by_id(  # typed instead: the question shows the answer, as a tap has it
            message.bot,
            message.chat.id,
            data.get("dur_msg"),
            _answered(t, data.get("dur_q"), t("meeting-duration-minutes", minutes=minutes)),
        )
        await _ask_place(message, state, t)
        return
    try:
        parse_local_time(text, settings=settings, now=ctx.now())
    except InvalidInput as exc:
        # "昨天": a time meant, and it is over; "周五": its hour is asked; "明天" in the small
        # hours: which day is asked
        if exc.key in ("consult-err-day-past", "consult-err-day-only", "when-which-day"):
            raise
        raise InvalidInput("meeting-err-duration-typed") from None
    await on_start(message, state, ctx)


@staff_router.callback_query(MeetingCb.filter(F.action == "duration"))
async def on_duration(
    query: CallbackQuery, callback_data: MeetingCb, state: FSMContext, t: Text
) -> None:
    """Duration chosen; ask the place or link."""
    if (
        await state.get_state() != MeetingForm.duration.state
        or callback_data.arg not in _DURATIONS
    ):
        await query.answer(t("err-stale-button"), show_alert=True)
        return
    await state.update_data(duration=callback_data.arg, dur_msg=None)
    await query.answer()
    await settle(query.message, t, t("meeting-duration-minutes", minutes=callback_data.arg))
    if isinstance(query.message, Message):
        await _ask_place(query.message, state, t)


@staff_router.message(StateFilter(MeetingForm.place), F.text)
async def on_place(message: Message, state: FSMContext, t: Text) -> None:
    """Place or link typed; ask the audience."""
    text = (message.text or "").strip()
    place, link = (None, text) if text.startswith(("https://", "http://")) else (text, None)
    place, link = meetings.clean_where(place, link)
    await state.update_data(place=place, link=link)
    await state.set_state(MeetingForm.audience)
    await ask_audience(message, state, t, flow="meeting")


@after_audience("meeting")
async def _meeting_after_audience(
    message: Message, state: FSMContext, t: Text, _settings: Settings, _now: datetime
) -> None:
    await state.set_state(MeetingForm.capacity)
    rows = [[(t("meeting-btn-unlimited"), MeetingCb(action="unlimited", id=0).pack())]]
    asked = await message.answer(t("meeting-ask-capacity"), reply_markup=kb(rows))
    await state.update_data(cap_msg=asked.message_id)  # its 不限 goes once it is answered


@staff_router.message(StateFilter(MeetingForm.capacity), F.text)
async def on_capacity(message: Message, state: FSMContext, ctx: UpdateCtx) -> None:
    """Capacity typed ("50", "５０人", or the button's word "不限" typed); create the draft and
    show the preview."""
    t = ctx.t
    capacity = _read_capacity(message.text)
    data = await state.get_data()
    await _preview(message, state, ctx, capacity)
    answer = (
        t("meeting-btn-unlimited")
        if capacity is None
        else t("meeting-capacity-typed", capacity=capacity)
    )
    await settle_by_id(  # typed instead: the question shows the answer, as a tap has it
        message.bot,
        message.chat.id,
        data.get("cap_msg"),
        _answered(t, t("meeting-ask-capacity"), answer),
    )


def _answered(t: Text, question: object, answer: str) -> str | None:
    """A form's question (its HTML) with the answer typed to it, as a tapped one reads."""
    if not isinstance(question, str):
        return None  # a form begun before this was remembered: its buttons just go
    return f"{question}\n{t('consult-answered', answer=answer)}"


def _read_capacity(typed: str | None) -> int | None:
    """A capacity as staff type it ("50", "５０人", "不限", "不限人數", "0"); else refused."""
    return meetings.read_capacity(typed, unlimited=labels("meeting-btn-unlimited"))


@staff_router.callback_query(MeetingCb.filter(F.action == "unlimited"))
async def on_unlimited(query: CallbackQuery, state: FSMContext, ctx: UpdateCtx) -> None:
    """No capacity limit; create the draft and show the preview."""
    t = ctx.t
    if await state.get_state() != MeetingForm.capacity.state:
        await query.answer(t("err-stale-button"), show_alert=True)
        return
    await query.answer()
    if isinstance(query.message, Message):
        await _preview(query.message, state, ctx, None)
        await settle(query.message, t, t("meeting-btn-unlimited"))


async def _preview(
    message: Message, state: FSMContext, ctx: UpdateCtx, capacity: int | None
) -> None:
    session, user, roles, t = ctx.session, ctx.user, ctx.roles, ctx.t
    data = await state.get_data()
    kind, ids = audience_from(data)
    meeting = await meetings.create_meeting(
        session,
        user=user,
        roles=roles,
        now=ctx.now(),
        draft=meetings.MeetingDraft(
            community_id=int(data["community_id"]),
            kind=MeetingKind(data["kind"]),
            title=data["title"],
            agenda=list(data["agenda"]),
            starts_at=datetime.fromisoformat(data["starts_at"]),
            duration_minutes=int(data.get("duration", 90)),
            place=data.get("place"),
            online_link=data.get("link"),
            audience_kind=kind,
            audience_ids=ids,
            capacity=capacity,
        ),
    )
    await state.clear()
    topic_note = None
    if data.get("from_topic"):
        # started from a topic (议题 → 议事会): it goes on this agenda, its people are told
        # (at night: when they will get it)
        notifier = ctx.notifier()
        try:
            await topics.accept_topic(
                session,
                user=user,
                roles=roles,
                topic_id=int(data["from_topic"]),
                meeting_id=meeting.id or 0,
                now=ctx.now(),
                notifier=notifier,
            )
            topic_note = held_note(
                t, t("topic-accept-done"), notifier, settings=ctx.settings, now=ctx.now()
            )
        except DomainError as exc:  # decided meanwhile by someone else: the meeting stands
            topic_note = t(exc.key, **exc.args_)
    args = await _card(ctx, meeting)
    saved = t("consult-draft-saved")
    await message.answer(
        f"{saved}\n{topic_note}" if topic_note else saved,
        reply_markup=ctx.main_menu(),
    )
    text, rows = await _draft_preview(ctx, meeting, args)
    await message.answer(text, reply_markup=kb(rows))


async def _nobody_told(ctx: UpdateCtx, meeting: Meeting) -> str | None:
    """The warning that publishing the meeting would tell nobody, or None."""
    audience = meetings.meeting_audience(meeting)
    names = await meetings.audience_names(ctx.session, audience=audience)
    return await nobody_told(ctx.session, ctx.t, audience=audience, names=names)


async def _draft_preview(
    ctx: UpdateCtx, meeting: Meeting, args: dict[str, Any]
) -> tuple[str, list[list[tuple[str, str]]]]:
    """A draft's preview and its buttons, warned when its audience has nobody to tell."""
    text = tx(ctx.t, "meeting-preview", **args, published="none")
    warning = await _nobody_told(ctx, meeting)
    if warning:
        text = f"{text}\n\n{warning}"
    return text, _preview_rows(ctx.t, meeting.id or 0, nobody=warning is not None)


# ✏️ 修改 on a draft's preview (arg) rather than on its staff card: a field changed from there
# redraws the preview, still asking to check and publish
PREVIEW = 1


def _preview_rows(
    t: Text, meeting_id: int, *, nobody: bool = False
) -> list[list[tuple[str, str]]]:
    """A draft's preview: 发布, ✏️ 修改 (a wrong time or place fixed without starting over) and
    取消, as on the draft's staff card; for an audience nobody of which would be told
    (`nobody`), 📣 仍然发布 and 👥 改面向范围 instead of 发布."""

    def cb(action: str, arg: int = 0) -> str:
        return MeetingCb(action=action, id=meeting_id, arg=arg).pack()

    if nobody:
        return [
            [
                (t("consult-btn-publish-anyway"), cb("publish", ANYWAY)),
                (t("consult-btn-change-audience"), cb("reaud")),
            ],
            [
                (t("meeting-btn-edit"), cb("edit", PREVIEW)),
                (t("meeting-btn-cancel"), cb("cancel")),
            ],
        ]
    return [
        [(t("meeting-btn-publish"), cb("publish")), (t("meeting-btn-edit"), cb("edit", PREVIEW))],
        [(t("meeting-btn-cancel"), cb("cancel"))],
    ]


def _is_preview(message: object, meeting_id: int) -> bool:
    """The message is the draft's preview (its ✏️ 修改 says so), not its staff card."""
    edit = MeetingCb(action="edit", id=meeting_id, arg=PREVIEW).pack()
    return _tool_message(message, edit) is not None


# --- the audience picker (shared with polls)


@staff_router.callback_query(AudienceCb.filter())
async def on_audience(
    query: CallbackQuery, callback_data: AudienceCb, state: FSMContext, ctx: UpdateCtx
) -> None:
    """Pick the whole community, members, or toggle grids/buildings, then Done."""
    session, t, settings = ctx.session, ctx.t, ctx.settings
    data = await state.get_data()
    if (
        "aud_flow" not in data
        or "community_id" not in data
        or not await _audience_asked(state, data)
    ):
        await query.answer(t("err-stale-button"), show_alert=True)
        return
    message = query.message if isinstance(query.message, Message) else None
    await _pick_audience(callback_data, state, session, t, data, message, settings, ctx.now())
    await query.answer()  # after the state changed, so a quick next tap sees it
    if message is not None:  # a draft's audience changed from its preview: the draft changes
        await finish_draft_audience(message, state, ctx)


async def _audience_asked(state: FSMContext, data: dict[str, Any]) -> bool:
    """The audience is the question asked now (not one left with ⬅️ 上一步): a poll's form
    keeps its steps in a trail, the meeting form has a step of its own."""
    if data.get("aud_flow") == "poll":
        return await at_step(state, "audience")
    return await state.get_state() in (
        MeetingForm.audience.state,
        DraftAudience.picking.state,
    )


async def _pick_audience(
    callback_data: AudienceCb,
    state: FSMContext,
    session: AsyncSession,
    t: Text,
    data: dict[str, Any],
    message: Message | None,
    settings: Settings,
    now: datetime,
) -> None:
    action = callback_data.action
    chat = message.chat.id if message else 0
    bot = message.bot if message else None
    if action in (AudienceKind.COMMUNITY, AudienceKind.MEMBERS):
        await state.update_data(aud_kind=action, aud_ids=[], aud_msg=None, aud_pick_msg=None)
        # the question shows the answer; a grid/building list opened before goes
        await settle(message, t, t(f"consult-audience-{action}"))
        await settle_by_id(bot, chat, data.get("aud_pick_msg"))
        if message:
            await continue_after_audience(message, state, t, settings=settings, now=now)
        return
    if action in (AudienceKind.GRIDS, AudienceKind.BUILDINGS):
        await state.update_data(aud_kind=action, aud_ids=[], aud_pick_msg=None)
        await settle_by_id(bot, chat, data.get("aud_pick_msg"))  # the other kind's list
        choices = await audience_choices(
            session, community_id=int(data["community_id"]), kind=AudienceKind(action), lang=t.lang
        )
        if message:
            listed = await message.answer(
                t("consult-ask-audience-pick"), reply_markup=picker_kb(choices, [], t)
            )
            await state.update_data(aud_pick_msg=listed.message_id)
        return
    kind = data.get("aud_kind")
    if kind not in (AudienceKind.GRIDS, AudienceKind.BUILDINGS):
        return
    chosen = [int(i) for i in data.get("aud_ids") or []]
    if action == "toggle":
        choices = await audience_choices(
            session, community_id=int(data["community_id"]), kind=AudienceKind(kind), lang=t.lang
        )
        if callback_data.id not in {c for c, _ in choices}:
            return
        chosen = (
            [i for i in chosen if i != callback_data.id]
            if callback_data.id in chosen
            else [*chosen, callback_data.id]
        )
        await state.update_data(aud_ids=chosen)
        if message:
            await message.edit_reply_markup(reply_markup=picker_kb(choices, chosen, t))
    elif action == "done":
        if not chosen:
            await reply(message, t("consult-err-audience-empty"))
            return
        # both questions show what was chosen, without their buttons
        choices = await audience_choices(
            session, community_id=int(data["community_id"]), kind=AudienceKind(kind), lang=t.lang
        )
        names = t.join(name for cid, name in choices if cid in chosen)
        await settle(message, t, names)
        asked = (
            t("consult-ask-audience")
            + "\n"
            + t("consult-answered", answer=t(f"consult-audience-{kind}"))
        )
        await settle_by_id(bot, chat, data.get("aud_msg"), asked)
        await state.update_data(aud_msg=None, aud_pick_msg=None)
        if message:
            await continue_after_audience(message, state, t, settings=settings, now=now)


# --- publish, edit, postpone, cancel, attendees, minutes, orders


@staff_router.callback_query(MeetingCb.filter(F.action == "publish"))
async def on_publish(query: CallbackQuery, callback_data: MeetingCb, ctx: UpdateCtx) -> None:
    """Publish: the audience is told and can RSVP (at night: when they will be told)."""
    session, user, roles, t, settings = ctx.session, ctx.user, ctx.roles, ctx.t, ctx.settings
    if callback_data.arg != ANYWAY and await _warned_nobody(query, callback_data.id, ctx):
        return
    notifier = ctx.notifier()
    # the public notice in the community's group opens the private chat with the bot
    notifier.bot_username = (await query.bot.me()).username if query.bot else None
    message = query.message
    try:
        meeting, count = await meetings.publish_meeting(
            session,
            user=user,
            roles=roles,
            meeting_id=callback_data.id,
            now=ctx.now(),
            notifier=notifier,
        )
    except Conflict:
        # a colleague's card drawn before the meeting was published (or cancelled): the error
        # handler says so, nothing changes, and the card shows the meeting as it stands
        card = _tool_message(message, MeetingCb(action="edit", id=callback_data.id).pack())
        if isinstance(message, Message) and card is not None:
            await _redraw_staff_card(message.bot, message.chat.id, card, ctx, callback_data.id)
        raise
    await query.answer()
    if isinstance(message, Message) and _tool_message(message, query.data) is not None:
        # the draft's card: it shows the meeting published, with the tools that now apply;
        # the preview reads as published (when), its buttons spent: the card has the tools
        if _tool_message(message, MeetingCb(action="edit", id=meeting.id or 0).pack()):
            await _redraw_staff_card(
                message.bot, message.chat.id, message.message_id, ctx, meeting.id or 0
            )
        else:
            args = await _card(ctx, meeting)
            published = when_text(t, ctx.now(), settings=settings, now=ctx.now())
            with contextlib.suppress(TelegramBadRequest):  # a double tap crossing the edit
                await message.edit_text(
                    tx(t, "meeting-preview", **args, published=published), reply_markup=None
                )
    # every staff card of it on a screen, colleagues' too, reads published with its tools
    await ctx.meeting_cards_follow(meeting.id or 0)
    text = t("meeting-published", count=count, code=meeting.checkin_code or "")
    await reply(query.message, held_note(t, text, notifier, settings=settings, now=ctx.now()))


async def _warned_nobody(query: CallbackQuery, meeting_id: int, ctx: UpdateCtx) -> bool:
    """📣 发布 on a draft whose audience has nobody to tell: not published; the staff are told
    (0 people) and asked to publish anyway or choose others. False: go on and publish (a
    meeting not a draft, or not theirs, is refused by the service as before)."""
    session, t = ctx.session, ctx.t
    meeting = await meetings.get_meeting(session, meeting_id=meeting_id)
    if meeting.status != MeetingStatus.DRAFT or not await can_act_in(
        session, user=ctx.user, roles=ctx.roles, community_id=meeting.community_id
    ):
        return False
    warning = await _nobody_told(ctx, meeting)
    if warning is None:
        return False
    await query.answer()

    def cb(action: str, arg: int = 0) -> str:
        return MeetingCb(action=action, id=meeting_id, arg=arg).pack()

    rows = [
        [
            (t("consult-btn-publish-anyway"), cb("publish", ANYWAY)),
            (t("consult-btn-change-audience"), cb("reaud")),
        ],
        [(t("meeting-btn-cancel"), cb("cancel"))],
    ]
    await reply(query.message, warning, reply_markup=kb(rows))
    return True


@staff_router.callback_query(MeetingCb.filter(F.action.in_(starter("reaud"))))
async def on_change_audience(
    query: CallbackQuery, callback_data: MeetingCb, state: FSMContext, ctx: UpdateCtx
) -> None:
    """👥 改面向范围 under a draft's warning: who it is for is asked again (asking first when
    another form is half filled); the draft changes once chosen (on_draft_audience)."""
    session, t = ctx.session, ctx.t
    meeting = await meetings.get_meeting(session, meeting_id=callback_data.id)
    if not await can_act_in(
        session, user=ctx.user, roles=ctx.roles, community_id=meeting.community_id
    ):
        raise NotFound("meeting-err-not-found")
    if meeting.status != MeetingStatus.DRAFT:  # published or withdrawn meanwhile
        raise Conflict("meeting-err-not-draft")
    await reask_draft_audience(
        query,
        callback_data,
        state,
        t,
        flow="meeting-draft",
        community_id=meeting.community_id,
        draft_id=meeting.id or 0,
    )


@draft_audience_chosen("meeting-draft")
async def on_draft_audience(message: Message, state: FSMContext, ctx: UpdateCtx) -> None:
    """The draft's new audience chosen: saved, and its preview shown again (warned again
    when nobody there would be told either)."""
    t = ctx.t
    draft_id, chosen = await chosen_draft_audience(state)
    meeting = await meetings.change_draft_audience(
        ctx.session, user=ctx.user, roles=ctx.roles, meeting_id=draft_id, audience=chosen
    )
    await ctx.meeting_cards_follow(meeting.id or 0)  # its card on a screen reads the change
    audience = meetings.meeting_audience(meeting)
    names = await meetings.audience_names(ctx.session, audience=audience)
    await message.answer(
        t("consult-audience-changed", audience=audience_label(t, audience, names))
    )
    args = await _card(ctx, meeting)
    text, rows = await _draft_preview(ctx, meeting, args)
    await message.answer(text, reply_markup=kb(rows))


@staff_router.callback_query(MeetingCb.filter(F.action == "attendees"))
async def on_attendees(query: CallbackQuery, callback_data: MeetingCb, ctx: UpdateCtx) -> None:
    """Who answered what, and who checked in."""
    session, user, roles, t = ctx.session, ctx.user, ctx.roles, ctx.t
    rows = await meetings.attendees(session, user=user, roles=roles, meeting_id=callback_data.id)
    meeting = await meetings.get_meeting(session, meeting_id=callback_data.id)
    await query.answer()
    if not rows:
        await reply(query.message, t("meeting-attendees-empty"))
        return
    lines = "\n".join(
        f"{'📍' if checked else '•'} {_attendee_name(t, person)} — "
        f"{t(f'meeting-rsvp-status-{status.value}')}"
        for person, status, checked in rows
    )
    await reply(query.message, t("meeting-attendees", title=meeting.title, lines=lines))


def _attendee_name(t: Text, person: User) -> str:
    """A name in the list; who deleted their data reads so, not as their account's number."""
    return t.written(person.display_name)


_EDIT_FIELDS = ("title", "agenda", "time", "place", "capacity")
# each change's form, by name (form-name)
_FLOW = {
    "edit_field": "MeetingChange",
    "postpone": "MeetingPostpone",
    "cancel": "MeetingCancel",
    "minutes": "Minutes",
}


async def _check_tool(
    query: CallbackQuery, callback_data: MeetingCb, ctx: UpdateCtx, *, action: str
) -> Meeting:
    """The meeting, if its status allows the tool tapped; a card's tool that has lapsed
    (cancelled, minuted) is refused by the error handler and the card redrawn as it stands."""
    session, user, roles = ctx.session, ctx.user, ctx.roles
    try:
        return await meetings.check_staff_action(
            session,
            user=user,
            roles=roles,
            meeting_id=callback_data.id,
            action=action,
            now=ctx.now(),
        )
    except Conflict:
        message = query.message
        card = _tool_message(message, query.data)
        if isinstance(message, Message) and card is not None:
            await _redraw_staff_card(message.bot, message.chat.id, card, ctx, callback_data.id)
        raise


@staff_router.callback_query(MeetingCb.filter(F.action == "edit"))
async def on_edit(query: CallbackQuery, callback_data: MeetingCb, ctx: UpdateCtx) -> None:
    """Which field to change (refused at once for a cancelled or minuted meeting)."""
    t = ctx.t
    await _check_tool(query, callback_data, ctx, action="edit")
    rows = [
        [
            (
                t(f"meeting-edit-field-{f}"),
                MeetingCb(action="edit_field", id=callback_data.id, arg=i).pack(),
            )
        ]
        for i, f in enumerate(_EDIT_FIELDS)
    ]
    await query.answer()
    # a reply to the card: once a field is changed, the card it quotes is redrawn as it now is
    card = _tool_message(query.message, query.data)
    quoted = {"reply_parameters": ReplyParameters(message_id=card)} if card else {}
    await reply(query.message, t("meeting-edit-what"), reply_markup=kb(rows), **quoted)


@staff_router.callback_query(
    MeetingCb.filter(F.action.in_(starter("edit_field", "postpone", "cancel", "minutes")))
)
async def on_change_start(
    query: CallbackQuery, callback_data: MeetingCb, state: FSMContext, ctx: UpdateCtx
) -> None:
    """Ask for the new value / time / reason / minutes — after checking, at the tap, that the
    meeting's status allows it; asking first when another form is half filled."""
    session, t, settings = ctx.session, ctx.t, ctx.settings
    action = plain(callback_data.action)
    if action == "edit_field" and not 0 <= callback_data.arg < len(_EDIT_FIELDS):
        await query.answer(t("err-stale-button"), show_alert=True)
        return
    meeting = await _check_tool(
        query, callback_data, ctx, action="edit" if action == "edit_field" else action
    )
    if action == "cancel" and meeting.status == MeetingStatus.DRAFT:
        await _drop_draft(query, ctx, callback_data.id)  # nothing to type: no form to leave
        return
    if await asks_first(query, callback_data, state, t, starting=_FLOW[action]):
        return
    await state.clear()
    # the card (or preview) the tool was tapped on — for a field, the card its question
    # quotes: once changed (postponed, edited, cancelled, minuted) it shows the meeting as it
    # now is, with the tools its status still allows (a draft's preview: as a preview)
    tapped = origin(query, callback_data)  # also when asked first whether to leave a form
    shown = tapped.reply_to_message if action == "edit_field" and tapped else tapped
    await state.update_data(
        meeting_id=callback_data.id,
        field=callback_data.arg,
        card=_card_of(
            tapped,
            callback_data.model_copy(update={"action": action}).pack(),
            edit_field=action == "edit_field",
        ),
        preview=_is_preview(shown, callback_data.id),
    )
    step, key = {
        "edit_field": (MeetingChange.value, "meeting-edit-ask-value"),
        "postpone": (MeetingChange.postpone_time, "meeting-ask-postpone-time"),
        "cancel": (MeetingChange.cancel_reason, "meeting-ask-reason"),
        "minutes": (MeetingChange.minutes, "meeting-ask-minutes"),
    }[action]
    await state.set_state(step)
    await query.answer()
    if action == "edit_field":
        if isinstance(query.message, Message):  # 要修改什么 shows the field chosen
            await settle(query.message, t, tapped_label(query.message, query.data))
        current = await _current_value(
            session, meeting, _EDIT_FIELDS[callback_data.arg], t, settings
        )
        await reply(query.message, t(key, current=current), reply_markup=cancel_kb(t))
        return
    # a later time for 延期: the example is a week after the meeting, not a week from now
    after = max(ctx.now(), meeting.starts_at) if action == "postpone" else ctx.now()
    example = time_example(settings, after)
    await reply(query.message, t(key, example=example), reply_markup=cancel_kb(t))


async def _drop_draft(query: CallbackQuery, ctx: UpdateCtx, meeting_id: int) -> None:
    """❌ 取消会议 on a draft (its preview or its card): withdrawn at once, as a poll's draft is.
    Nobody was told of it, so no reason is asked and nobody is told; a form being filled in
    meanwhile stays as it was."""
    t = ctx.t
    await meetings.drop_draft(
        ctx.session, user=ctx.user, roles=ctx.roles, meeting_id=meeting_id, now=ctx.now()
    )
    await query.answer()
    message = query.message
    tapped = _tool_message(message, query.data)
    if isinstance(message, Message) and tapped is not None:
        if _is_preview(message, meeting_id):  # the preview keeps its text, its buttons go
            await safe_edit_markup(message, None)
        else:  # the draft's card reads 已取消, without tools
            await _redraw_staff_card(message.bot, message.chat.id, tapped, ctx, meeting_id)
    await ctx.meeting_cards_follow(meeting_id)  # and so do colleagues' cards of it
    await reply(message, t("meeting-draft-cancelled"))


async def _current_value(
    session: AsyncSession, meeting: Meeting, field: str, t: Text, settings: Settings
) -> str:
    """What a meeting field says now (shown when staff are asked for the new value)."""
    if field == "title":
        return meeting.title
    if field == "agenda":
        items = await meetings.agenda_of(session, meeting_id=meeting.id or 0)
        return "\n".join(f"{i}. {a.text}" for i, a in enumerate(items, 1))
    if field == "time":
        return meeting.starts_at.astimezone(settings.zone).strftime("%Y-%m-%d %H:%M")
    if field == "place":
        return meeting.place or meeting.online_link or "-"
    return str(meeting.capacity) if meeting.capacity else t("meeting-capacity-none")


@staff_router.message(StateFilter(MeetingChange.value), F.text)
async def on_edit_value(message: Message, state: FSMContext, ctx: UpdateCtx) -> None:
    """Apply the change; people who answered are told what changed."""
    session, user, roles, t, settings = ctx.session, ctx.user, ctx.roles, ctx.t, ctx.settings
    data = await state.get_data()
    field = _EDIT_FIELDS[int(data["field"])]
    text = message.text or ""
    edit = meetings.MeetingEdit()
    if field == "title":
        edit.title = text
    elif field == "agenda":
        edit.agenda = text
    elif field == "time":
        edit.starts_at = parse_local_time(text, settings=settings, now=ctx.now())
    elif field == "place":
        is_link = text.strip().startswith("https://")
        edit.online_link, edit.place = (text.strip(), None) if is_link else (None, text)
    else:  # a typo is asked again, not taken as "no limit"
        edit.capacity = _read_capacity(text)
        edit.unlimited = edit.capacity is None
    notifier = ctx.notifier()
    try:
        edited, told = await meetings.edit_meeting(
            session,
            user=user,
            roles=roles,
            meeting_id=int(data["meeting_id"]),
            edit=edit,
            now=ctx.now(),
            notifier=notifier,
        )
    except meetings.CapacityBelowGoing as exc:  # staff choose; the step stays for a number
        await _ask_capacity_over(message, state, t, int(data["meeting_id"]), exc)
        return
    except Conflict as exc:
        await _overtaken(message, state, ctx, data, exc)
        return
    await state.clear()
    await _redraw_staff_card(
        message.bot,
        message.chat.id,
        data.get("card"),
        ctx,
        int(data["meeting_id"]),
        preview=bool(data.get("preview")),
    )
    await ctx.meeting_cards_follow(int(data["meeting_id"]))  # colleagues' cards of it too
    # a draft's change is told to nobody: not "0 residents were told"
    draft = edited.status == MeetingStatus.DRAFT
    done = t("consult-draft-edited") if draft else t("meeting-edited", count=told)
    if edit.starts_at is not None:
        done = f"{time_read(t, edit.starts_at, settings=settings, now=ctx.now())}\n{done}"
    # at night: when those told will get it (the redraws of what they were shown go at once)
    done = held_note(t, done, notifier, settings=settings, now=ctx.now())
    await message.answer(done, reply_markup=ctx.main_menu())


async def _ask_capacity_over(
    message: Message,
    state: FSMContext,
    t: Text,
    meeting_id: int,
    exc: meetings.CapacityBelowGoing,
) -> None:
    """More are going than the new capacity: keep them all, or leave the capacity as it is."""
    capacity, going = int(exc.args_["capacity"]), int(exc.args_["going"])
    await state.update_data(over_capacity=capacity)
    rows = [
        [
            (
                t("meeting-btn-capacity-keep", going=going, capacity=capacity),
                MeetingCb(action="cap_keep", id=meeting_id, arg=capacity).pack(),
            )
        ],
        [
            (
                t("meeting-btn-capacity-waitlist", over=int(exc.args_["over"])),
                MeetingCb(action="cap_wait", id=meeting_id, arg=capacity).pack(),
            )
        ],
        [(t("meeting-btn-capacity-cancel"), MeetingCb(action="cap_cancel", id=meeting_id).pack())],
    ]
    await message.answer(t(exc.key, **exc.args_), reply_markup=kb(rows))


@staff_router.callback_query(
    MeetingCb.filter(F.action.in_({"cap_keep", "cap_wait", "cap_cancel"}))
)
async def on_capacity_over_choice(
    query: CallbackQuery, callback_data: MeetingCb, state: FSMContext, ctx: UpdateCtx
) -> None:
    """保留已报名的人 (everyone going stays), 最晚报名的转候补 (they are told), or 不改了."""
    session, user, roles, t = ctx.session, ctx.user, ctx.roles, ctx.t
    data = await state.get_data()
    current = (
        await state.get_state() == MeetingChange.value.state
        and int(data.get("meeting_id", 0)) == callback_data.id
        and data.get("over_capacity") is not None
        and (callback_data.action == "cap_cancel" or data["over_capacity"] == callback_data.arg)
    )
    if not current:
        await query.answer(t("err-stale-button"), show_alert=True)
        return
    await query.answer()
    if isinstance(query.message, Message):
        await safe_edit_markup(query.message, None)
    menu = ctx.main_menu()
    if callback_data.action == "cap_cancel":
        await state.clear()
        await reply(query.message, t("meeting-capacity-unchanged"), reply_markup=menu)
        return
    waitlist = callback_data.action == "cap_wait"
    edit = meetings.MeetingEdit(
        capacity=callback_data.arg, keep_over=not waitlist, waitlist_over=waitlist
    )
    notifier = ctx.notifier()
    try:
        _meeting, told = await meetings.edit_meeting(
            session,
            user=user,
            roles=roles,
            meeting_id=callback_data.id,
            edit=edit,
            now=ctx.now(),
            notifier=notifier,
        )
    except Conflict as exc:  # a colleague cancelled it (or minuted it) meanwhile
        if not isinstance(query.message, Message):
            raise
        await _overtaken(query.message, state, ctx, data, exc)
        return
    await state.clear()
    if isinstance(query.message, Message):
        await _redraw_staff_card(
            query.message.bot, query.message.chat.id, data.get("card"), ctx, callback_data.id
        )
    await ctx.meeting_cards_follow(callback_data.id)  # colleagues' cards of it too
    note = (
        t("meeting-capacity-moved", count=len(edit.moved))
        if waitlist
        else t("meeting-capacity-kept")
    )
    done = f"{t('meeting-edited', count=told)}\n{note}"
    # at night the moved are told at the end of quiet hours (their answers redrawn at once)
    done = held_note(t, done, notifier, settings=ctx.settings, now=ctx.now())
    await reply(query.message, done, reply_markup=menu)


@staff_router.message(StateFilter(MeetingChange.postpone_time), F.text)
async def on_postpone_time(message: Message, state: FSMContext, ctx: UpdateCtx) -> None:
    """New time typed (later than planned, else asked again here, not after the reason);
    show how it was read and ask why."""
    session, t, settings = ctx.session, ctx.t, ctx.settings
    now = ctx.now()
    meeting = await meetings.get_meeting(
        session, meeting_id=int((await state.get_data())["meeting_id"])
    )
    when = meetings.check_postpone(
        meeting, parse_local_time(message.text, settings=settings, now=now), now=now
    )
    await state.update_data(starts_at=when.isoformat())
    await state.set_state(MeetingChange.postpone_reason)
    read = time_read(t, when, settings=settings, now=now)
    await message.answer(f"{read}\n{t('meeting-ask-reason')}")


async def _overtaken(
    message: Message, state: FSMContext, ctx: UpdateCtx, data: dict[str, Any], exc: Conflict
) -> None:
    """A colleague cancelled the meeting (or posted its minutes) while this form was open —
    a value, a reason, the capacity's 保留 / 转候补, the minutes typed or their 确认发送:
    staff are told so (who sent the minutes), nothing changes or is sent, the form ends (what
    they type next is not taken for it again) and the card it was started from shows the
    meeting as it stands. `message` is where they are answered: the one they typed, or the
    one whose button they tapped."""
    await state.clear()
    await _redraw_staff_card(
        message.bot, message.chat.id, data.get("card"), ctx, int(data["meeting_id"])
    )
    await message.answer(ctx.t(exc.key, **exc.args_), reply_markup=ctx.main_menu())


async def _change_done(
    message: Message, state: FSMContext, ctx: UpdateCtx, data: dict[str, Any], done: str
) -> None:
    """A change made from a staff card: the form ends, the card shows the meeting as it is
    now, and staff read what was done (with their menu back)."""
    await state.clear()
    await _redraw_staff_card(
        message.bot, message.chat.id, data.get("card"), ctx, int(data["meeting_id"])
    )
    await ctx.meeting_cards_follow(int(data["meeting_id"]))  # colleagues' cards of it too
    await message.answer(done, reply_markup=ctx.main_menu())


@staff_router.message(StateFilter(MeetingChange.postpone_reason), F.text)
async def on_postpone_reason(message: Message, state: FSMContext, ctx: UpdateCtx) -> None:
    """Postpone; everyone invited is told."""
    session, user, roles = ctx.session, ctx.user, ctx.roles
    data = await state.get_data()
    notifier = ctx.notifier()
    try:
        _meeting, told = await meetings.postpone_meeting(
            session,
            user=user,
            roles=roles,
            meeting_id=int(data["meeting_id"]),
            starts_at=datetime.fromisoformat(data["starts_at"]),
            reason=message.text or "",
            now=ctx.now(),
            notifier=notifier,
        )
    except Conflict as exc:
        await _overtaken(message, state, ctx, data, exc)
        return
    # at night: when those told will get it (the redraws of what they were shown go at once)
    done = held_note(
        ctx.t,
        ctx.t("meeting-postponed-done", count=told),
        notifier,
        settings=ctx.settings,
        now=ctx.now(),
    )
    await _change_done(message, state, ctx, data, done)


@staff_router.message(StateFilter(MeetingChange.cancel_reason), F.text)
async def on_cancel_reason(message: Message, state: FSMContext, ctx: UpdateCtx) -> None:
    """Cancel the meeting; everyone invited is told."""
    session, user, roles = ctx.session, ctx.user, ctx.roles
    data = await state.get_data()
    notifier = ctx.notifier()
    try:
        _meeting, told = await meetings.cancel_meeting(
            session,
            user=user,
            roles=roles,
            meeting_id=int(data["meeting_id"]),
            reason=message.text or "",
            now=ctx.now(),
            notifier=notifier,
        )
    except Conflict as exc:
        await _overtaken(message, state, ctx, data, exc)
        return
    done = held_note(
        ctx.t,
        ctx.t("meeting-cancel-done", count=told),
        notifier,
        settings=ctx.settings,
        now=ctx.now(),
    )
    await _change_done(message, state, ctx, data, done)


@staff_router.message(StateFilter(MeetingChange.minutes), F.text)
async def on_minutes(message: Message, state: FSMContext, ctx: UpdateCtx) -> None:
    """Minutes typed; ask the decisions (changed from the preview: show the preview again)."""
    from services.validation import clean_text

    t = ctx.t
    minutes = clean_text(message.text, max_len=meetings.MINUTES_MAX)
    data = await state.get_data()
    if "decisions" in data:
        await _minutes_preview(message, state, ctx, minutes=minutes)
        return
    await state.update_data(minutes=minutes)
    await state.set_state(MeetingChange.decisions)
    await message.answer(t("meeting-ask-decisions"), reply_markup=cancel_kb(t, skip=True))


@staff_router.message(StateFilter(MeetingChange.decisions), F.text)
async def on_decisions(message: Message, state: FSMContext, ctx: UpdateCtx) -> None:
    """Decisions typed (or skipped): show staff exactly what everyone invited will get."""
    text = message.text or ""
    decisions = "" if is_skip(text) else text
    await _minutes_preview(message, state, ctx, decisions=decisions)


async def _minutes_preview(
    message: Message, state: FSMContext, ctx: UpdateCtx, **changed: str
) -> None:
    """The notice as it will go out, with 确认发送 / 改纪要 / 改决议 / 取消 (nothing sent yet)."""
    session, user, roles, t = ctx.session, ctx.user, ctx.roles, ctx.t
    data = {**await state.get_data(), **changed}
    try:
        preview = await meetings.preview_minutes(
            session,
            user=user,
            roles=roles,
            meeting_id=int(data["meeting_id"]),
            minutes=str(data["minutes"]),
            decisions=str(data["decisions"]),
            now=ctx.now(),
            notifier=ctx.notifier(),
        )
    except Conflict as exc:  # a colleague sent the minutes (or cancelled it) meanwhile
        await _overtaken(message, state, ctx, data, exc)
        return
    await state.update_data(minutes=data["minutes"], decisions=data["decisions"])
    await state.set_state(MeetingChange.minutes_confirm)
    mid = preview.meeting.id or 0
    rows = [
        [(t("meeting-btn-minutes-send"), MeetingCb(action="minutes_send", id=mid).pack())],
        [
            (t("meeting-btn-minutes-redo"), MeetingCb(action="minutes_redo", id=mid).pack()),
            (
                t("meeting-btn-decisions-redo"),
                MeetingCb(action="minutes_redo", id=mid, arg=1).pack(),
            ),
        ],
        [(t("meeting-btn-minutes-drop"), MeetingCb(action="minutes_drop", id=mid).pack())],
    ]
    await message.answer(
        t("meeting-minutes-preview", count=preview.recipients), reply_markup=cancel_kb(t)
    )
    await message.answer(tx(t, "meeting-minutes-notice", **preview.args), reply_markup=kb(rows))


@staff_router.message(StateFilter(MeetingChange.minutes_confirm), F.text)
async def on_minutes_typed_at_preview(message: Message, t: Text) -> None:
    """Text typed while the preview waits: nothing is sent; the buttons are the way on."""
    await message.answer(t("meeting-minutes-use-buttons"), reply_markup=cancel_kb(t))


async def _preview_is_current(
    query: CallbackQuery,
    callback_data: MeetingCb,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
) -> bool:
    """True if this preview is the one waiting; else (sent already, cancelled, another
    meeting's) the tap is answered and the stale preview loses its buttons."""
    data = await state.get_data()
    if (
        await state.get_state() == MeetingChange.minutes_confirm.state
        and int(data.get("meeting_id", 0)) == callback_data.id
    ):
        return True
    meeting = await meetings.get_meeting(session, meeting_id=callback_data.id)
    await meetings.require_meeting_staff(  # a forged tap learns nothing of another community
        session, user=user, roles=roles, meeting=meeting, action="meeting-minutes"
    )
    minuted = meeting.status == MeetingStatus.MINUTED
    await query.answer(
        t("meeting-err-minuted" if minuted else "err-stale-button"), show_alert=True
    )
    if isinstance(query.message, Message):
        await safe_edit_markup(query.message, None)
    return False


@staff_router.callback_query(MeetingCb.filter(F.action == "minutes_send"))
async def on_minutes_send(
    query: CallbackQuery, callback_data: MeetingCb, state: FSMContext, ctx: UpdateCtx
) -> None:
    """确认发送: publish the minutes and decisions as previewed; a second tap sends nothing."""
    session, user, roles, t = ctx.session, ctx.user, ctx.roles, ctx.t
    if not await _preview_is_current(query, callback_data, state, session, user, roles, t):
        return
    data = await state.get_data()
    notifier = ctx.notifier()
    try:
        meeting, told = await meetings.publish_minutes(
            session,
            user=user,
            roles=roles,
            meeting_id=callback_data.id,
            minutes=str(data["minutes"]),
            decisions=str(data["decisions"]),
            now=ctx.now(),
            notifier=notifier,
        )
    except Conflict as exc:  # a colleague sent the minutes (or cancelled it) meanwhile
        if not isinstance(query.message, Message):
            raise
        await query.answer()
        await safe_edit_markup(query.message, None)  # this preview is not to be sent
        await _overtaken(query.message, state, ctx, data, exc)
        return
    await state.clear()
    await query.answer()
    if isinstance(query.message, Message):
        await safe_edit_markup(query.message, None)
        # the card 发布纪要 was tapped on: minuted now, with the decisions' tools
        await _redraw_staff_card(
            query.message.bot, query.message.chat.id, data.get("card"), ctx, callback_data.id
        )
    await ctx.meeting_cards_follow(callback_data.id)  # colleagues' cards read 已发布纪要 too
    await reply(
        query.message,
        held_note(
            t,
            t("meeting-minutes-done", count=told),
            notifier,
            settings=ctx.settings,
            now=ctx.now(),
        ),
        reply_markup=ctx.main_menu(),
    )
    await _send_staff_card(query.message, ctx, meeting)


@staff_router.callback_query(MeetingCb.filter(F.action == "minutes_redo"))
async def on_minutes_redo(
    query: CallbackQuery, callback_data: MeetingCb, state: FSMContext, ctx: UpdateCtx
) -> None:
    """改纪要 / 改决议: ask it again, the current text shown; then the preview again."""
    session, user, roles, t = ctx.session, ctx.user, ctx.roles, ctx.t
    if not await _preview_is_current(query, callback_data, state, session, user, roles, t):
        return
    data = await state.get_data()
    await query.answer()
    if isinstance(query.message, Message):
        await safe_edit_markup(query.message, None)
    if callback_data.arg == 1:
        await state.set_state(MeetingChange.decisions)
        current = str(data["decisions"]) or t("meeting-no-decisions")
        await reply(
            query.message,
            t("meeting-ask-decisions-again", current=current),
            reply_markup=cancel_kb(t, skip=True),
        )
        return
    await state.set_state(MeetingChange.minutes)
    await reply(
        query.message,
        t("meeting-ask-minutes-again", current=str(data["minutes"])),
        reply_markup=cancel_kb(t),
    )


@staff_router.callback_query(MeetingCb.filter(F.action == "minutes_drop"))
async def on_minutes_drop(
    query: CallbackQuery, callback_data: MeetingCb, state: FSMContext, ctx: UpdateCtx
) -> None:
    """取消 on the preview: nothing is sent; the minutes can be written again later."""
    session, user, roles, t = ctx.session, ctx.user, ctx.roles, ctx.t
    if not await _preview_is_current(query, callback_data, state, session, user, roles, t):
        return
    await state.clear()
    await query.answer()
    if isinstance(query.message, Message):
        await safe_edit_markup(query.message, None)
    await reply(
        query.message,
        t("meeting-minutes-dropped"),
        reply_markup=ctx.main_menu(),
    )


def _suggest_category(triage: Any, text: str) -> str:
    """Triage's category for a decision's text ('other' without triage or when unknown)."""
    if triage is None:
        return "other"
    try:
        from services.order_common import is_category

        code = str(triage.analyze(text).category)
    except Exception:  # triage is advice only; never block the order on it
        return "other"
    return code if is_category(code) else "other"


async def _show_order_plan(
    target: object,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
    lang: str,
    *,
    decision_id: int,
    triage: Any,
    title: str | None,
) -> None:
    """The order a decision would become, with create / change title / cancel buttons."""
    from services.order_common import category as category_info

    decision = await session.get(Decision, decision_id)
    if decision is None:
        raise NotFound("meeting-err-decision-not-found")
    plan = await meetings.decision_order_plan(
        session,
        user=user,
        roles=roles,
        decision_id=decision_id,
        category=_suggest_category(triage, decision.text),
        title=title,
    )
    place = " · ".join(x for x in (plan.grid_name, plan.building.name) if x)
    text = t(
        "meeting-order-preview",
        decision=plan.decision.text,
        title=plan.title,
        place=place,
        category=category_info(plan.category).name(lang),
    )
    rows = [
        # arg 1: the plan shows a title typed, which must still be there when it is created
        [
            (
                t("meeting-btn-order-create"),
                MeetingCb(action="order_go", id=decision_id, arg=1 if title else 0).pack(),
            )
        ],
        [(t("meeting-btn-order-title"), MeetingCb(action="order_title", id=decision_id).pack())],
    ]
    await reply(target, text, reply_markup=kb(rows))


@staff_router.callback_query(MeetingCb.filter(F.action == "order"))
async def on_decision_order(
    query: CallbackQuery, callback_data: MeetingCb, state: FSMContext, lang: str, ctx: UpdateCtx
) -> None:
    """A decision → order: first the proposed title, place and category for staff to check."""
    session, user, roles, t, triage = ctx.session, ctx.user, ctx.roles, ctx.t, ctx.triage
    await _show_order_plan(
        query.message,
        session,
        user,
        roles,
        t,
        lang,
        decision_id=callback_data.arg,
        triage=triage,
        title=(await state.get_data()).get(f"order_title:{callback_data.arg}"),
    )
    await query.answer()


@staff_router.callback_query(MeetingCb.filter(F.action.in_(starter("order_title"))))
async def on_decision_order_title(
    query: CallbackQuery, callback_data: MeetingCb, state: FSMContext, ctx: UpdateCtx
) -> None:
    """Staff want another title: ask for it (the current one is shown)."""
    session, user, roles, t = ctx.session, ctx.user, ctx.roles, ctx.t
    plan = await meetings.decision_order_plan(
        session, user=user, roles=roles, decision_id=callback_data.id
    )
    own = (MeetingChange.order_title.state, MeetingChange.order_plan.state)  # titles are kept
    if await asks_first(query, callback_data, state, t, starting="DecisionOrder", own=own):
        return
    await state.set_state(MeetingChange.order_title)
    await state.update_data(order_decision=callback_data.id)
    await query.answer()
    await reply(
        query.message, t("meeting-order-ask-title", current=plan.title), reply_markup=cancel_kb(t)
    )


@staff_router.message(StateFilter(MeetingChange.order_title), F.text)
async def on_decision_order_title_text(
    message: Message, state: FSMContext, lang: str, ctx: UpdateCtx
) -> None:
    """The new title typed: show the plan again."""
    from services.orders import order_title

    session, user, roles, t, triage = ctx.session, ctx.user, ctx.roles, ctx.t, ctx.triage
    data = await state.get_data()
    decision_id = int(data["order_decision"])
    title = order_title(message.text)
    if not title:
        raise InvalidInput("meeting-err-order-title")
    await state.set_state(MeetingChange.order_plan)  # a form: leaving it says the title goes
    await state.update_data({f"order_title:{decision_id}": title})
    await message.answer(t("meeting-order-title-saved"), reply_markup=ctx.main_menu())
    await _show_order_plan(
        message,
        session,
        user,
        roles,
        t,
        lang,
        decision_id=decision_id,
        triage=triage,
        title=title,
    )


@staff_router.callback_query(MeetingCb.filter(F.action == "order_go"))
async def on_decision_order_go(
    query: CallbackQuery, callback_data: MeetingCb, state: FSMContext, ctx: UpdateCtx
) -> None:
    """Staff confirmed the plan: the order is created, linked back to the meeting."""
    session, user, roles, t = ctx.session, ctx.user, ctx.roles, ctx.t
    decision = await session.get(Decision, callback_data.id)
    if decision is None:
        raise NotFound("meeting-err-decision-not-found")
    title = (await state.get_data()).get(f"order_title:{callback_data.id}")
    if callback_data.arg and not title:
        # the plan's title typed went with its form (left for another): not what it shows
        await query.answer(t("err-stale-button"), show_alert=True)
        if isinstance(query.message, Message):
            await safe_edit_markup(query.message, None)
        return
    decision = await meetings.decision_to_order(
        session,
        user=user,
        roles=roles,
        decision_id=callback_data.id,
        now=ctx.now(),
        texts=ctx.translator,
        default_language=ctx.settings.default_language,
        category=_suggest_category(ctx.triage, decision.text),
        title=title,
    )
    data = await state.get_data()
    if (
        await state.get_state() == MeetingChange.order_plan.state
        and data.get("order_decision") == callback_data.id
    ):
        await state.clear()  # the plan with its title typed is done
    # the meeting's staff cards name the order instead of offering 🧾 转为工单 for it
    await ctx.meeting_cards_follow(decision.meeting_id)
    await query.answer()
    if isinstance(query.message, Message):
        await safe_edit_markup(query.message, None)
    await reply(query.message, t("meeting-to-order-done", ref=decision.order_ref or ""))


@router.message(StateFilter(CodeForm, MeetingForm, MeetingChange), ~F.text)
async def on_not_text(message: Message, t: Text) -> None:
    """A photo, voice, sticker or location at a text step: ask for text; the step stays open."""
    await message.answer(t("err-media-not-supported"), reply_markup=cancel_kb(t))


router.include_router(staff_router)


def _include_consultation_routers() -> None:
    """Polls and topics hang under this router, so handlers/__init__ needs one line."""
    from handlers import meeting_questions as question_handlers
    from handlers import polls as poll_handlers
    from handlers import topics as topic_handlers

    for sub in (poll_handlers.router, topic_handlers.router, question_handlers.router):
        if sub.parent_router is None:
            router.include_router(sub)


_include_consultation_routers()


# The button under a public notice in the community's group opens the private chat at the
# meeting (/start m12) or the poll (/start p3) it announced: before the common /start.
links_router = Router(name="public-links")
links_router.message.filter(F.chat.type == "private")
links_router.message.middleware(UpdateCtxMiddleware())


@links_router.message(CommandStart(deep_link=True, magic=F.args.regexp(r"^[mp]\d{1,9}$")))
async def cmd_start_public_link(
    message: Message, command: CommandObject, state: FSMContext, ctx: UpdateCtx
) -> None:
    """The meeting's card with its RSVP buttons (the poll's vote button) for someone it is
    for; someone not registered yet is asked to register first, and shown it once they have
    (handlers.registration); anyone else gets the usual greeting and menu."""
    from handlers.common import send_main_menu
    from handlers.registration import link_target, register_now_kb

    session, user, t = ctx.session, ctx.user, ctx.t
    await state.clear()
    args = command.args or ""
    if await show_public_link(message, ctx, args):
        return
    await send_main_menu(message, t, user, ctx.roles, session=session, now=ctx.now())
    if not user.registered and await _link_live(session, args):
        await link_target(state).set_data({"link": args})
        await message.answer(
            t("public-link-register-first", kind=args[:1]), reply_markup=register_now_kb(t)
        )


async def _link_live(session: AsyncSession, payload: str) -> bool:
    """The meeting ('m12') is published, the poll ('p3') open: worth coming back to."""
    item_id = int(payload[1:])
    if payload.startswith("m"):
        meeting = await session.get(Meeting, item_id)
        return meeting is not None and meeting.status == MeetingStatus.PUBLISHED
    poll = await session.get(Poll, item_id)
    return poll is not None and poll.status == PollStatus.OPEN


async def show_public_link(message: Message, ctx: UpdateCtx, payload: str) -> bool:
    """What a group notice's link ('m12', 'p3') opens, for someone it is for: the meeting's card
    with its RSVP buttons, or the poll's vote button. False (nothing sent) otherwise."""
    session, user, t = ctx.session, ctx.user, ctx.t
    item_id = int(payload[1:])
    if payload.startswith("m"):
        meeting = await session.get(Meeting, item_id)
        if (
            meeting is None
            or meeting.status != MeetingStatus.PUBLISHED
            or not await meetings.may_view(session, meeting=meeting, user=user)
        ):
            return False
        card = await _card(ctx, meeting)
        text, rows = await _resident_card(session, meeting, user, card, t, ctx.now())
        sent = await message.answer(text, reply_markup=kb(rows) if rows else None)
        await _remember(session, sent, meeting, meeting_messages.CARD, text, rows)
        return True
    poll = await session.get(Poll, item_id)
    if (
        poll is None
        or poll.status != PollStatus.OPEN
        or not await in_audience(session, user=user, audience=polls.poll_audience(poll))
    ):
        return False
    notifier = ctx.notifier()
    await message.answer(
        notifier.text(t.lang, "poll-announce", **polls.rules_args(poll, notifier)),
        reply_markup=kb([[(t("poll-btn-vote"), BallotCb(poll_id=item_id).pack())]]),
    )
    return True
