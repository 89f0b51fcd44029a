"""Polls in chat: the ballot with buttons (and vote change), results; staff create, close,
proxy votes and export."""

from __future__ import annotations

import contextlib
import html
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any, Protocol

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import (
    BufferedInputFile,
    CallbackQuery,
    InlineKeyboardMarkup,
    Message,
    ReplyParameters,
)
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Raw, Text
from bot.settings import Settings
from handlers.consult_kit import (
    ANYWAY,
    BallotCb,
    HubCb,
    PollCb,
    VoteCb,
    after_audience,
    ask_audience,
    audience_from,
    audience_label,
    audience_typed,
    button_label,
    cancel_kb,
    chosen_draft_audience,
    draft_audience_chosen,
    held_note,
    kb,
    nobody_told,
    parse_local_time,
    poll_button,
    reask_draft_audience,
    reply,
    result_button,
    safe_edit_markup,
    same_markup,
    settle,
    settle_by_id,
    staff_community,
    tapped_label,
    time_example,
    time_read,
    tx,
    when_text,
)
from handlers.context import OrderCtx, UpdateCtx
from handlers.filters import IS_STAFF
from handlers.form_guard import asks_first, origin, starter
from handlers.keyboards import step_keyboard
from handlers.menu import is_skip, labels
from handlers.text_steps import (
    at_step,
    is_back,
    refuse_button_labels,
    step_asked,
    step_back,
    with_current,
)
from models import Role, User
from models.consultations import (
    AudienceKind,
    Eligibility,
    Poll,
    PollOption,
    PollStatus,
    QuorumBasis,
    Topic,
    Vote,
)
from services import consult_said, polls, smalltalk, topics
from services.errors import Conflict, DomainError, InvalidInput, NotFound, PermissionDenied
from services.meetings import audience_names
from services.users import can_act_in
from services.when import POLL_CLOSE_EXAMPLE_AT, WhichDay

router = Router(name="polls")
router.message.filter(F.chat.type == "private")
staff_router = Router(name="polls-staff")
staff_router.message.filter(F.chat.type == "private", IS_STAFF)
staff_router.callback_query.filter(IS_STAFF)


class PollForm(StatesGroup):
    """Creating a poll (text steps; choices are buttons)."""

    question = State()
    options = State()
    max_choices = State()
    close = State()
    quorum = State()
    threshold = State()
    choosing = State()  # a question answered with the buttons: typed text is told so


class ProxyForm(StatesGroup):
    """A grid worker finding the resident to vote for."""

    building = State()  # buttons only
    room = State()
    resident = State()  # buttons only: several residents in the room
    ballot = State()  # buttons only: the ballot on the resident's behalf, until the vote counts


class PollChange(StatesGroup):
    """Staff changing a draft's question, options or closing time (✏️ 修改 on its preview or
    its card)."""

    value = State()


_PROXY_STEPS = frozenset(s.state for s in ProxyForm.__all_states__)

# A stale button of another flow ("✅ 说完了", "跳过" …) is not a question, an option or a room;
# ⬅️ 上一步 is the form's own after its first step (on_poll_back), never an option or a title.
refuse_button_labels(router, PollForm.question, ProxyForm.room, PollChange.value)
refuse_button_labels(
    router,
    PollForm.options,
    PollForm.max_choices,
    PollForm.close,
    allow=("common-back",),
    keyboard=step_keyboard,
)
refuse_button_labels(
    router,
    PollForm.quorum,
    PollForm.threshold,
    allow=("common-skip", "common-back"),
    keyboard=partial(step_keyboard, skip=True),
)


# ----------------------------------------------------------------- voting (everyone)


def _bar_args(name: str, share: polls.Share) -> dict[str, object]:
    """A rule's bar in words: the share, and whether it must be passed (过半) or met."""
    num, den = share.value.numerator, share.value.denominator
    return {name: polls.share_text(num, den), "strict": "true" if share.strict else "false"}


async def _rules_text(poll: Poll, t: Text) -> str:
    parts = [
        t("poll-rule-multi", max=poll.max_choices) if poll.multiple else t("poll-rule-single")
    ]
    if poll.per_household:
        parts.append(t("poll-rule-household"))
    parts.append(t("poll-rule-anonymous") if poll.anonymous else t("poll-rule-named"))
    if quorum := polls.stored_share(poll.quorum_num, poll.quorum_den):
        # one vote per household: households, never asked (said so)
        basis = (
            "per-household"
            if poll.per_household
            else ("households" if poll.quorum_basis == "households" else "voters")
        )
        parts.append(t("poll-rule-quorum", basis=basis, **_bar_args("quorum", quorum)))
    if threshold := polls.stored_share(poll.threshold_num, poll.threshold_den):
        parts.append(t("poll-rule-threshold", **_bar_args("threshold", threshold)))
    if poll.allow_change:
        parts.append(t("poll-rule-change"))
    return "\n".join(parts)


async def _ballot_rows(
    session: AsyncSession,
    poll: Poll,
    t: Text,
    *,
    selected: list[int],
    proxy_for: int,
    results: bool,
) -> list[list[tuple[str, str]]]:
    """The ballot's buttons: options (ticked when chosen), Submit (multiple), 📊 results."""
    options = await polls.poll_options(session, poll_id=poll.id or 0)
    rows = [
        [
            (
                ("✅ " if o.id in selected else "") + o.text,
                VoteCb(poll_id=poll.id or 0, option_id=o.id or 0, proxy_for=proxy_for).pack(),
            )
        ]
        for o in options
    ]
    if poll.multiple:
        rows.append(
            [
                (
                    t("poll-btn-submit"),
                    VoteCb(poll_id=poll.id or 0, option_id=0, proxy_for=proxy_for).pack(),
                )
            ]
        )
    if results:
        rows.append([(t("poll-btn-results"), PollCb(action="results", id=poll.id or 0).pack())])
    return rows


async def _ballot(
    target: object,
    session: AsyncSession,
    poll: Poll,
    t: Text,
    settings: Settings,
    *,
    selected: list[int],
    proxy_for: int = 0,
    header: str = "",
    results: bool = False,
) -> None:
    rows = await _ballot_rows(
        session, poll, t, selected=selected, proxy_for=proxy_for, results=results
    )
    closes = when_text(t, poll.closes_at, settings=settings, now=poll.opens_at)
    text = t(
        "poll-ballot", question=poll.question, rules=Raw(await _rules_text(poll, t)), closes=closes
    )
    await reply(target, (header + "\n" if header else "") + text, reply_markup=kb(rows))


@router.callback_query(BallotCb.filter())
async def on_ballot(
    query: CallbackQuery, callback_data: BallotCb, state: FSMContext, ctx: UpdateCtx
) -> None:
    """Open the ballot (checks eligibility first so a refusal is clear before any tap)."""
    session, user, roles, t, settings = ctx.session, ctx.user, ctx.roles, ctx.t, ctx.settings
    poll = await polls.get_poll(session, poll_id=callback_data.poll_id)
    if poll.status == PollStatus.CLOSED:
        visible = await polls.check_results_access(session, poll=poll, user=user, roles=roles)
        await query.answer()
        await _send_results(
            query.message,
            session,
            poll,
            t,
            ctx.notifier(),
            visible=visible,
        )
        return
    if poll.status == PollStatus.CANCELLED:
        # withdrawn since: the announcement loses its 去投票, which leads nowhere now
        await _drop_buttons(query.message, {BallotCb(poll_id=poll.id or 0).pack()})
        raise Conflict("poll-err-cancelled")
    if poll.status != PollStatus.OPEN or ctx.now() >= poll.closes_at:
        raise InvalidInput(
            "poll-err-closed" if poll.status == PollStatus.OPEN else ("poll-err-not-open")
        )
    await polls.check_eligible(session, poll=poll, voter=user)
    mine = await polls.my_vote(session, poll_id=poll.id or 0, user_id=user.id)
    if mine is None and await _household_voted(query, session, poll, user, roles, t, settings):
        return
    await state.update_data({f"sel{poll.id}:0": mine.choices if mine else []})
    await query.answer()
    header = ""
    if mine is not None:
        options = {o.id: o.text for o in await polls.poll_options(session, poll_id=poll.id or 0)}
        choice = t.join(options.get(i, "?") for i in mine.choices)
        header = t("poll-your-vote", choice=choice)
        if mine.proxy_by is not None:  # recorded by staff (代投): not a choice they remember
            proxy = await session.get(User, mine.proxy_by)
            when = when_text(t, mine.changed_at or mine.cast_at, settings=settings, now=ctx.now())
            name = proxy.display_name if proxy is not None else ""
            header = t("poll-your-vote-proxy", name=name, when=when, choice=choice)
    visible = await polls.can_see_results(session, poll=poll, user=user, roles=roles)
    await _ballot(
        query.message,
        session,
        poll,
        t,
        settings,
        selected=mine.choices if mine else [],
        header=header,
        results=visible,
    )


async def offer_typed_choice(message: Message, state: FSMContext, ctx: UpdateCtx) -> bool:
    """'要' / '我选不要' / '第二个' typed where a ballot's buttons were meant: the choice read back
    with its button (one tap votes, as on the ballot; a multiple-choice poll's ballot opens
    instead; '好的' typed right under it votes too: handlers.fallback). Only an option of one
    open poll the person may vote in; False otherwise."""
    t = ctx.t
    text = message.text or ""
    found = []
    for poll in await polls.open_polls_for(ctx.session, user=ctx.user, now=ctx.now()):
        options = await polls.poll_options(ctx.session, poll_id=poll.id or 0)
        option = polls.typed_choice(text, options)
        if option is not None:
            found.append((poll, option))
    if len(found) > 1:
        # '3' with two polls open ('3. 弃权', '3. 建充电桩'): which one, each a tap away
        # (before, '没有看懂' — a dead end for someone who typed what the ballot showed)
        voted = await polls.voted_in(ctx.session, polls=[p for p, _o in found], user=ctx.user)
        lines = [t("poll-typed-choice-which")]
        rows = []
        for each, choice in found:
            lines.append(
                t("poll-typed-choice-which-item", question=each.question, choice=choice.text)
            )
            pid = each.id or 0
            rows.append([poll_button(t, pid, each.question, voted.get(pid), head="🗳")])
        await message.answer("\n".join(lines), reply_markup=kb(rows))
        return True
    if not found:
        return False
    [(poll, option)] = found
    said = await _typed_choice_voted(ctx, poll, option)
    if said is not None:  # voted already, or the household has: no vote button to offer
        text, rows = said
        await message.answer(text, reply_markup=kb(rows) if rows else None)
        return True
    ballot = (t("poll-btn-open-ballot"), BallotCb(poll_id=poll.id or 0).pack())
    if poll.multiple:
        rows = [[ballot]]
        key = "poll-typed-choice-multiple"
    else:
        vote = VoteCb(poll_id=poll.id or 0, option_id=option.id or 0, proxy_for=0).pack()
        rows = [[(t("poll-btn-vote-for", choice=option.text), vote)], [ballot]]
        key = "poll-typed-choice"
    now = await _current_choice(ctx, poll) if not poll.multiple else None
    if now is not None:  # a change ('我要改投反对'): the vote they have now, then the question
        key = "poll-typed-change"
    sent = await message.answer(
        t(key, question=poll.question, choice=option.text, current=now or ""),
        reply_markup=kb(rows),
    )
    if not poll.multiple:  # '是的' / '不要了' typed right under it answers it
        await state.update_data(typed_confirm=[sent.message_id, VOTE_CONFIRM, poll.id, option.id])
    return True


async def _current_choice(ctx: UpdateCtx, poll: Poll) -> str | None:
    """The words of the vote the person has in the poll now, or None: not voted yet."""
    mine = await polls.my_vote(ctx.session, poll_id=poll.id or 0, user_id=ctx.user.id)
    if mine is None:
        return None
    names = {o.id: o.text for o in await polls.poll_options(ctx.session, poll_id=poll.id or 0)}
    return ctx.t.join(names.get(i, "?") for i in mine.choices)


# what a pending typed confirmation (FSM data `typed_confirm`) is of
VOTE_CONFIRM = "vote"


async def vote_typed_yes(
    message: Message, ctx: UpdateCtx, *, offer_id: int, poll_id: int, option_id: int
) -> None:
    """'好的' / '是的' typed right under "您是要…投「X」吗？": the vote cast, as a tap on its
    ✅ 投「X」 casts it (before, '是的' got a friendly 好的 and no vote, and the resident left
    thinking they had voted). The offer reads as the ballot cast."""
    session, user, roles, t = ctx.session, ctx.user, ctx.roles, ctx.t
    poll = await polls.get_poll(session, poll_id=poll_id)
    had = await polls.my_vote(session, poll_id=poll_id, user_id=user.id)
    had_choices = list(had.choices) if had is not None else None  # before the vote changes it
    try:
        vote = await polls.cast_vote(
            session,
            user=user,
            poll_id=poll_id,
            option_ids=[option_id],
            now=ctx.now(),
            notifier=ctx.notifier(),
        )
    except DomainError:  # closed or withdrawn since it was offered: its button is spent too
        await _settle_typed_offer(message, offer_id, None)
        raise
    names = {o.id: o.text for o in await polls.poll_options(session, poll_id=poll_id)}
    choice = t.join(names.get(i, "?") for i in vote.choices)
    text, markup = await _cast_view(session, poll, user, roles, t, ctx.settings, choice)
    await _settle_typed_offer(message, offer_id, (text, markup))
    changed = had_choices is not None and had_choices != list(vote.choices)
    await message.answer(t("poll-vote-changed" if changed else "poll-voted", choice=choice))


async def vote_typed_no(message: Message, ctx: UpdateCtx, *, offer_id: int, poll_id: int) -> None:
    """'不要了' / '算了' typed right under "您是要…投「X」吗？": nothing cast; the offer keeps
    only its 🗳 打开选票, and the answer says how to vote later."""
    t = ctx.t
    ballot = (t("poll-btn-open-ballot"), BallotCb(poll_id=poll_id).pack())
    if message.bot is not None:
        with contextlib.suppress(TelegramBadRequest):
            await message.bot.edit_message_reply_markup(
                chat_id=message.chat.id, message_id=offer_id, reply_markup=kb([[ballot]])
            )
    await message.answer(t("poll-typed-choice-declined"), reply_markup=ctx.main_menu())


async def _settle_typed_offer(
    message: Message, offer_id: int, drawn: tuple[str, InlineKeyboardMarkup | None] | None
) -> None:
    """The typed choice's offer answered in words: drawn as the ballot cast, or its buttons off."""
    if message.bot is None:
        return
    with contextlib.suppress(TelegramBadRequest):  # deleted by the person, or too old to edit
        if drawn is None:
            await message.bot.edit_message_reply_markup(
                chat_id=message.chat.id, message_id=offer_id, reply_markup=None
            )
            return
        text, markup = drawn
        await message.bot.edit_message_text(
            text, chat_id=message.chat.id, message_id=offer_id, reply_markup=markup
        )


async def _typed_choice_voted(
    ctx: UpdateCtx, poll: Poll, option: PollOption
) -> tuple[str, list[list[tuple[str, str]]]] | None:
    """A choice typed by someone whose vote in the poll is in: what to say instead of a vote
    button (their household voted; this is their vote already; the poll takes no change), or
    None when the button is right (no vote yet, or a change the poll allows)."""
    session, user, t = ctx.session, ctx.user, ctx.t
    mine = await polls.my_vote(session, poll_id=poll.id or 0, user_id=user.id)
    if mine is None:
        return await _household_note(session, poll, user, ctx.roles, t, ctx.settings)
    if poll.multiple:
        return None  # its ballot opens, with their choices ticked
    if mine.choices == [option.id]:
        text = t("poll-typed-choice-same", question=poll.question, choice=option.text)
    elif not poll.allow_change:
        text = t("poll-err-already-voted")
    else:
        return None  # a change, one tap as the first vote
    ballot = (t("poll-btn-open-ballot"), BallotCb(poll_id=poll.id or 0).pack())
    return text, [[ballot]]


async def _household_note(
    session: AsyncSession,
    poll: Poll,
    user: User,
    roles: frozenset[Role],
    t: Text,
    settings: Settings,
) -> tuple[str, list[list[tuple[str, str]]]] | None:
    """One vote per household, cast by someone else of the household: what to say (who and
    when; an anonymous poll says only when) and its results button; None if nobody has."""
    theirs = await polls.household_vote(session, poll=poll, voter=user)
    if theirs is None:
        return None
    when = when_text(t, theirs.changed_at or theirs.cast_at, settings=settings, now=poll.opens_at)
    if poll.anonymous:
        text = t("poll-household-voted-anonymous", when=when)
    else:
        voter = await session.get(User, theirs.voter_id)
        name = voter.display_name if voter else ""
        text = t("poll-household-voted-named", name=name, when=when)
    rows = []
    if await polls.can_see_results(session, poll=poll, user=user, roles=roles):
        rows.append([(t("poll-btn-results"), PollCb(action="results", id=poll.id or 0).pack())])
    return text, rows


async def _household_voted(
    query: CallbackQuery,
    session: AsyncSession,
    poll: Poll,
    user: User,
    roles: frozenset[Role],
    t: Text,
    settings: Settings,
) -> bool:
    """One vote per household, cast by someone else of the household: say so instead of a
    ballot that would be refused."""
    said = await _household_note(session, poll, user, roles, t, settings)
    if said is None:
        return False
    text, rows = said
    await query.answer()
    await reply(query.message, text, reply_markup=kb(rows) if rows else None)
    return True


@router.callback_query(VoteCb.filter())
async def on_vote(
    query: CallbackQuery, callback_data: VoteCb, state: FSMContext, ctx: UpdateCtx
) -> None:
    """Tap an option: single choice votes at once; multiple choice toggles until Submit."""
    session, user, roles, t, settings = ctx.session, ctx.user, ctx.roles, ctx.t, ctx.settings
    poll = await polls.get_poll(session, poll_id=callback_data.poll_id)
    key = f"sel{poll.id}:{callback_data.proxy_for}"
    # what the tap would have recorded: the option, or the choices submitted (a toggle: none)
    tapped = [callback_data.option_id] if not poll.multiple else None
    if poll.multiple and callback_data.option_id == 0:
        tapped = [int(i) for i in (await state.get_data()).get(key, [])]
    if callback_data.proxy_for and poll.status != PollStatus.CANCELLED:
        try:  # a proxy ballot of a poll closed since: it says so and loses its options
            polls.check_open(poll, now=ctx.now())
        except Conflict as exc:
            if exc.key == "poll-err-closed" and isinstance(query.message, Message):
                await _proxy_closed(
                    query.message, session, poll, user, t, callback_data.proxy_for, tapped
                )
            raise
    if not callback_data.proxy_for and isinstance(query.message, Message):
        try:  # one's own ballot of a poll closed since: the same, with what still counts
            polls.check_open(poll, now=ctx.now())
        except Conflict as exc:
            if exc.key == "poll-err-closed":
                await _ballot_closed(query.message, session, poll, user, t, tapped)
                raise
            # withdrawn, not yet open: refused below as before
    if poll.multiple and callback_data.option_id != 0:
        try:  # a toggle on a closed poll's ballot must not bring its buttons back
            polls.check_open(poll, now=ctx.now())
        except DomainError:
            if isinstance(query.message, Message):
                await safe_edit_markup(query.message, None)
            raise
        valid = {o.id for o in await polls.poll_options(session, poll_id=poll.id or 0)}
        if callback_data.option_id not in valid:
            raise InvalidInput("poll-err-bad-option")
        chosen = [int(i) for i in (await state.get_data()).get(key, [])]
        chosen = (
            [i for i in chosen if i != callback_data.option_id]
            if (callback_data.option_id in chosen)
            else [*chosen, callback_data.option_id]
        )
        if len(chosen) > poll.max_choices:
            raise InvalidInput("poll-err-too-many", max=poll.max_choices)
        await state.update_data({key: chosen})
        visible = not callback_data.proxy_for and await polls.can_see_results(
            session, poll=poll, user=user, roles=roles
        )
        rows = await _ballot_rows(
            session,
            poll,
            t,
            selected=chosen,
            proxy_for=callback_data.proxy_for,
            results=visible,
        )
        await query.answer()
        if isinstance(query.message, Message):
            await safe_edit_markup(query.message, kb(rows))
        return
    if poll.status == PollStatus.CANCELLED:  # a ballot of a poll withdrawn since: spent
        if isinstance(query.message, Message):
            await safe_edit_markup(query.message, None)
        raise Conflict("poll-err-cancelled")
    if poll.multiple:
        chosen = [int(i) for i in (await state.get_data()).get(key, [])]
    else:
        chosen = [callback_data.option_id]
    had = await polls.my_vote(
        session, poll_id=poll.id or 0, user_id=callback_data.proxy_for or user.id
    )
    had_choices = list(had.choices) if had is not None else None
    if callback_data.proxy_for:
        vote = await polls.proxy_vote(
            session,
            staff=user,
            roles=roles,
            poll_id=poll.id or 0,
            resident_id=callback_data.proxy_for,
            option_ids=chosen,
            now=ctx.now(),
            notifier=ctx.notifier(),  # the resident is told
        )
    else:
        vote = await polls.cast_vote(
            session,
            user=user,
            poll_id=poll.id or 0,
            option_ids=chosen,
            now=ctx.now(),
            notifier=ctx.notifier(),  # the poll's staff cards count announcements it dropped
        )
    await state.update_data({key: []})
    names = {o.id: o.text for o in await polls.poll_options(session, poll_id=poll.id or 0)}
    choice = t.join(names.get(i, "?") for i in vote.choices)
    await query.answer()
    menu = None
    name = ""
    if callback_data.proxy_for:
        resident = await session.get(User, callback_data.proxy_for)
        name = resident.display_name if resident else str(callback_data.proxy_for)
        text = t("poll-proxy-done", name=name, choice=choice)
        if await state.get_state() in _PROXY_STEPS:  # the 代投 flow ends with the vote recorded
            card = (await state.get_data()).get("card")
            await state.clear()
            menu = ctx.main_menu()
            if isinstance(query.message, Message) and card and card[0] == poll.id:
                bot, chat = query.message.bot, query.message.chat.id
                await _redraw_card(bot, chat, int(card[1]), session, poll, ctx)
    else:
        changed = had_choices is not None and had_choices != list(vote.choices)
        text = t("poll-vote-changed" if changed else "poll-voted", choice=choice)
    if isinstance(query.message, Message):
        # a second quick tap comes after the first removed the buttons: still say what counts
        if callback_data.proxy_for:
            await _proxy_cast(query.message, poll, t, settings, name=name, choice=choice)
        else:
            await _ballot_cast(query.message, session, poll, user, roles, t, settings, choice)
    await reply(query.message, text, reply_markup=menu)


async def _proxy_cast(
    message: Message, poll: Poll, t: Text, settings: Settings, *, name: str, choice: str
) -> None:
    """A proxy ballot used reads as cast: for whom and what — not 'tap an option' without
    options."""
    closes = when_text(t, poll.closes_at, settings=settings, now=poll.opens_at)
    text = t("poll-proxy-cast", name=name, question=poll.question, choice=choice, closes=closes)
    if message.html_text == text and message.reply_markup is None:
        return  # a second quick tap: the first drew it already
    with contextlib.suppress(TelegramBadRequest):  # a double tap crossing the edit
        await message.edit_text(text, reply_markup=None)


async def _recorded(
    session: AsyncSession, poll: Poll, t: Text, vote: Vote | None, tapped: list[int] | None
) -> tuple[str, str]:
    """A vote recorded before the close, against a ballot's tap after it: ('same', choice)
    when the tap chose just that, ('true', choice) when it chose otherwise, ('false', '')
    without a vote."""
    if vote is None:
        return "false", ""
    names = {o.id: o.text for o in await polls.poll_options(session, poll_id=poll.id or 0)}
    choice = t.join(names.get(i, "?") for i in vote.choices)
    same = tapped is not None and sorted(tapped) == sorted(vote.choices)
    return ("same" if same else "true"), choice


async def _proxy_closed(
    message: Message,
    session: AsyncSession,
    poll: Poll,
    staff: User,
    t: Text,
    resident_id: int,
    tapped: list[int] | None,
) -> None:
    """A proxy ballot tapped once the poll has closed: for whom it was, that the poll has
    closed and this tap was not recorded — or, tapping the choice already recorded for them,
    that it stands (named) — no options left to tap. In an anonymous poll only a vote this
    staff member recorded is named."""
    resident = await session.get(User, resident_id)
    name = resident.display_name if resident is not None else str(resident_id)
    had = await polls.my_vote(session, poll_id=poll.id or 0, user_id=resident_id)
    if had is not None and poll.anonymous and had.proxy_by != staff.id:
        had = None  # theirs, or another worker's: not for this one to read
    recorded, choice = await _recorded(session, poll, t, had, tapped)
    text = t("poll-proxy-closed", name=name, question=poll.question, had=recorded, choice=choice)
    if message.html_text == text and message.reply_markup is None:
        return  # a second tap: drawn already
    with contextlib.suppress(TelegramBadRequest):  # a double tap crossing the edit
        await message.edit_text(text, reply_markup=None)


async def _ballot_closed(
    message: Message,
    session: AsyncSession,
    poll: Poll,
    user: User,
    t: Text,
    tapped: list[int] | None,
) -> None:
    """One's own ballot tapped once the poll has closed: that it has and this tap was not
    recorded (a vote cast before it closed still counts, and is named; tapping that very
    choice, it is said to stand) — no options left."""
    had = await polls.my_vote(session, poll_id=poll.id or 0, user_id=user.id)
    recorded, choice = await _recorded(session, poll, t, had, tapped)
    text = t("poll-ballot-closed", question=poll.question, had=recorded, choice=choice)
    if message.html_text == text and message.reply_markup is None:
        return  # a second tap: drawn already
    with contextlib.suppress(TelegramBadRequest):  # a double tap crossing the edit
        await message.edit_text(text, reply_markup=None)


async def _ballot_cast(
    message: Message,
    session: AsyncSession,
    poll: Poll,
    user: User,
    roles: frozenset[Role],
    t: Text,
    settings: Settings,
    choice: str,
) -> None:
    """The ballot voted on reads as cast: the choice, how to change it (or that it cannot be),
    and 📊 查看结果 where results are live — not 'tap an option' without options."""
    text, markup = await _cast_view(session, poll, user, roles, t, settings, choice)
    if message.html_text == text and same_markup(message, markup):
        return  # the same choice tapped again
    with contextlib.suppress(TelegramBadRequest):  # a double tap crossing the edit
        await message.edit_text(text, reply_markup=markup)


async def _cast_view(
    session: AsyncSession,
    poll: Poll,
    user: User,
    roles: frozenset[Role],
    t: Text,
    settings: Settings,
    choice: str,
) -> tuple[str, InlineKeyboardMarkup | None]:
    """A ballot as cast: its text and its 📊 查看结果 where results are live."""
    rows = []
    if await polls.can_see_results(session, poll=poll, user=user, roles=roles):
        rows.append([(t("poll-btn-results"), PollCb(action="results", id=poll.id or 0).pack())])
    text = t(
        "poll-ballot-cast",
        question=poll.question,
        choice=choice,
        change="true" if poll.allow_change else "false",
        closes=when_text(t, poll.closes_at, settings=settings, now=poll.opens_at),
    )
    return text, kb(rows) if rows else None


async def _drop_buttons(message: object, spent: set[str]) -> None:
    """These buttons off a message (its other buttons stay)."""
    if not isinstance(message, Message) or message.reply_markup is None:
        return
    rows = [
        [b for b in row if b.callback_data not in spent]
        for row in message.reply_markup.inline_keyboard
    ]
    kept = [row for row in rows if row]
    await safe_edit_markup(message, InlineKeyboardMarkup(inline_keyboard=kept) if kept else None)


def _lines(result: polls.PollResult) -> str:
    return "\n".join(f"• {o.text}: {o.votes} ({o.share:.0%})" for o in result.options)


async def _send_results(
    target: object,
    session: AsyncSession,
    poll: Poll,
    t: Text,
    notifier: polls.Notifier,
    *,
    visible: bool,
) -> None:
    message = target if isinstance(target, Message) else None
    if not visible:
        await reply(message, t("poll-results-hidden"))
        return
    result = await polls.tally(session, poll=poll)
    if poll.status == PollStatus.CLOSED:
        args = polls.result_args(result, notifier, t.lang)
        await reply(message, tx(t, "poll-result", **args))
    else:
        await reply(
            message,
            tx(
                t,
                "poll-live-results",
                lines=_lines(result),
                ballots=result.ballots,
                multiple="true" if poll.multiple else "false",
                max=poll.max_choices,
                **polls.turnout_args(result),
            ),
        )


async def answer_results_asked(message: Message, ctx: UpdateCtx) -> None:
    """'投票结果怎么样了' / 'what did the poll decide?' typed: the result of the poll closed
    lately (several: which one, a button each), and the polls still running with when they
    close — or that there is none (before, it was offered to be filed as a matter)."""
    session, user, roles, t, settings, now = (
        ctx.session,
        ctx.user,
        ctx.roles,
        ctx.t,
        ctx.settings,
        ctx.now(),
    )
    closed = await polls.recent_results_for(session, user=user, now=now)
    running = await polls.open_polls_for(session, user=user, now=now)
    if len(closed) == 1:
        await _send_results(message, session, closed[0], t, ctx.notifier(), visible=True)
    elif closed:
        rows = [[result_button(t, poll.id or 0, poll.question)] for poll in closed]
        await message.answer(t("poll-results-asked-which"), reply_markup=kb(rows))
    if running:
        lines, rows = [], []
        voted = await polls.voted_in(session, polls=running, user=user)
        for poll in running:
            live = await polls.can_see_results(session, poll=poll, user=user, roles=roles)
            closes = when_text(t, poll.closes_at, settings=settings, now=now)
            lines.append(
                t(
                    "poll-results-asked-open",
                    question=poll.question,
                    closes=closes,
                    live="yes" if live else "no",
                )
            )
            pid = poll.id or 0
            rows.append([poll_button(t, pid, poll.question, voted.get(pid), head="🗳")])
            if live:
                rows.append([(t("poll-btn-results"), PollCb(action="results", id=pid).pack())])
        await message.answer("\n".join(lines), reply_markup=kb(rows))
    if not closed and not running:
        await message.answer(
            t("poll-results-asked-none", days=polls.RESULTS_LISTED_DAYS),
            reply_markup=ctx.main_menu(),
        )


@router.callback_query(PollCb.filter(F.action == "results"))
async def on_results(query: CallbackQuery, callback_data: PollCb, ctx: UpdateCtx) -> None:
    """Results: live polls and closed polls; hidden ones say when they will be shown; people
    outside the poll (a forged button) are refused at the tap."""
    session, user, roles, t = ctx.session, ctx.user, ctx.roles, ctx.t
    poll = await polls.get_poll(session, poll_id=callback_data.id)
    visible = await polls.check_results_access(session, poll=poll, user=user, roles=roles)
    await query.answer()
    await _send_results(
        query.message,
        session,
        poll,
        t,
        ctx.notifier(),
        visible=visible,
    )


@router.message(StateFilter(PollForm, ProxyForm, PollChange), F.text.in_(labels("common-cancel")))
async def on_cancel_flow(message: Message, state: FSMContext, ctx: UpdateCtx) -> None:
    """The big cancel button of a poll step: nothing is saved (a draft being changed stays
    as it was, and is said to)."""
    t = ctx.t
    changing = await state.get_state() == PollChange.value.state
    await state.clear()
    text = t("consult-change-cancelled" if changing else "consult-cancelled")
    await message.answer(text, reply_markup=ctx.main_menu())


# ----------------------------------------------------------------- staff: list and tools


@staff_router.callback_query(HubCb.filter(F.action == "my_polls"))
async def on_staff_polls(query: CallbackQuery, ctx: UpdateCtx) -> None:
    """Running polls with their closing time, drafts, closed ones with their outcome, the
    latest cancelled last; tap one for its tools."""
    session, user, roles, t, settings = ctx.session, ctx.user, ctx.roles, ctx.t, ctx.settings
    listed = await polls.staff_polls(session, user=user, roles=roles)
    await query.answer()
    if not listed:
        await reply(query.message, t("poll-staff-list-empty"))
        return
    now = ctx.now()

    def row(head: str, poll: Poll, tail: str) -> list[tuple[str, str]]:
        label = button_label(head, poll.question, tail)
        return [(label, PollCb(action="view", id=poll.id or 0).pack())]

    rows = [
        row(
            "🗳",
            p,
            t(
                "poll-staff-list-closes",
                closes=when_text(t, p.closes_at, settings=settings, now=now),
            ),
        )
        for p in listed.open
    ]
    rows += [row("📝", p, t("poll-staff-list-draft")) for p in listed.drafts]
    rows += [
        row("📊", c.poll, t(f"poll-outcome-{c.outcome}", winner=_short(c.winner or "")))
        for c in listed.closed
    ]
    rows += [row("✖️", p, t("poll-staff-list-cancelled")) for p in listed.cancelled]
    title = t("poll-staff-list-title", cancelled=len(listed.cancelled))
    await reply(query.message, title, reply_markup=kb(rows))


def _short(text: str, width: int = 12) -> str:
    """An option named in a list button's tail, cut to a few characters."""
    return text if len(text) <= width else text[: width - 1] + "…"


@staff_router.callback_query(PollCb.filter(F.action == "view"))
async def on_staff_poll(query: CallbackQuery, callback_data: PollCb, ctx: UpdateCtx) -> None:
    """A poll's card with the staff tools."""
    session, user, roles = ctx.session, ctx.user, ctx.roles
    poll = await polls.get_poll(session, poll_id=callback_data.id)
    if not await can_act_in(session, user=user, roles=roles, community_id=poll.community_id):
        raise NotFound("poll-err-not-found")
    await query.answer()
    drawn = await _staff_card(session, poll, ctx)
    card = await reply(query.message, drawn.text, reply_markup=kb(drawn.rows))
    if card is not None:  # kept true as the poll changes (services.polls.redraw_cards)
        await _remember_card(session, poll, card.chat.id, card.message_id, drawn)


async def _staff_card(session: AsyncSession, poll: Poll, ctx: UpdateCtx) -> polls.StaffCard:
    """The poll's staff card in the reader's language (services.polls.staff_card: the one
    drawing, which the copies on other screens are redrawn with)."""
    return await polls.staff_card(session, poll=poll, lang=ctx.t.lang, notifier=ctx.notifier())


async def _remember_card(
    session: AsyncSession, poll: Poll, chat_id: int, message_id: int, drawn: polls.StaffCard
) -> bool:
    """The staff card as drawn now, for services.polls.redraw_cards to keep it true; whether
    the message may read otherwise (services.polls.remember_card)."""
    return await polls.remember_card(
        session,
        poll_id=poll.id or 0,
        chat_id=chat_id,
        message_id=message_id,
        text=drawn.text,
        reply_markup=drawn.markup,
    )


async def _redraw_if_card(
    query: CallbackQuery, session: AsyncSession, poll: Poll, ctx: UpdateCtx
) -> None:
    """A staff card's tool tapped once the poll has ended (closed, withdrawn): the card shows
    the poll as it stands, with the tools left (results, export)."""
    message = query.message
    card = _card_of(message, poll.id or 0)  # not the card: a confirmation question, a list
    if isinstance(message, Message) and card:
        drawn = await _staff_card(session, poll, ctx)
        fresh = kb(drawn.rows)
        if message.html_text == drawn.text and same_markup(message, fresh):
            return  # shown so already (redrawn when the poll ended)
        await _remember_card(session, poll, message.chat.id, card, drawn)
        with contextlib.suppress(TelegramBadRequest):  # a double tap crossing the edit
            await message.edit_text(drawn.text, reply_markup=fresh)


def _tapped(message: object, card: int) -> tuple[int, int] | None:
    """The (chat, message) of the staff card this handler redraws itself, if any: the
    service queues redraws for the poll's other cards only."""
    if not isinstance(message, Message) or not card:
        return None
    return message.chat.id, card


def _card_of(message: object, poll_id: int) -> int:
    """The id of the message if it is the poll's staff card (it has 导出), else 0."""
    if not isinstance(message, Message) or message.reply_markup is None:
        return 0
    export = PollCb(action="export", id=poll_id).pack()
    rows = message.reply_markup.inline_keyboard
    return message.message_id if any(b.callback_data == export for r in rows for b in r) else 0


async def _redraw_card(
    bot: Bot | None,
    chat_id: int,
    message_id: int,
    session: AsyncSession,
    poll: Poll,
    ctx: UpdateCtx,
) -> None:
    """The poll's staff card shows the poll as it stands, with the tools its status allows
    (left alone when it reads so already: a draft's options changed, which it does not list)."""
    if bot is None or not message_id:
        return
    drawn = await _staff_card(session, poll, ctx)
    if not await _remember_card(session, poll, chat_id, message_id, drawn):
        return
    with contextlib.suppress(TelegramBadRequest):  # a double tap crossing the edit, or gone
        await bot.edit_message_text(
            drawn.text, chat_id=chat_id, message_id=message_id, reply_markup=kb(drawn.rows)
        )


@staff_router.callback_query(PollCb.filter(F.action == "publish"))
async def on_publish(query: CallbackQuery, callback_data: PollCb, ctx: UpdateCtx) -> None:
    """Publish: the audience gets the vote button (at night: when they will get it)."""
    session, user, roles, t, settings = ctx.session, ctx.user, ctx.roles, ctx.t, ctx.settings
    if callback_data.arg != ANYWAY and await _warned_nobody(query, callback_data.id, ctx):
        return
    notifier = ctx.notifier()
    # the public notice in the community's group opens the private chat with the bot
    notifier.bot_username = (await query.bot.me()).username if query.bot else None
    await polls.publish_poll(
        session,
        user=user,
        roles=roles,
        poll_id=callback_data.id,
        now=ctx.now(),
        notifier=notifier,
        tapped=_tapped(query.message, _card_of(query.message, callback_data.id)),
    )
    # who was told now, and who waits for the morning (dropped if they vote first)
    reach = await polls.announcement_reach(
        session, poll=await polls.get_poll(session, poll_id=callback_data.id)
    )
    await query.answer()
    message = query.message
    if isinstance(message, Message) and message.reply_markup is not None:
        poll = await polls.get_poll(session, poll_id=callback_data.id)
        if PollCb(action="export", id=callback_data.id).pack() in {
            b.callback_data for r in message.reply_markup.inline_keyboard for b in r
        }:  # the draft's card: the poll open, with its tools
            await _redraw_if_card(query, session, poll, ctx)
        else:  # the preview reads as published; cancelling is on the poll's card
            text = await _preview_text(session, poll, t, settings, published=ctx.now())
            with contextlib.suppress(TelegramBadRequest):  # a double tap crossing the edit
                await message.edit_text(text, reply_markup=None)
    when = ""
    if reach.waiting_until is not None:
        when = when_text(t, reach.waiting_until, settings=settings, now=ctx.now())
    await reply(
        query.message, t("poll-published", told=reach.told, waiting=reach.waiting, when=when)
    )


async def _warned_nobody(query: CallbackQuery, poll_id: int, ctx: UpdateCtx) -> bool:
    """📣 发布 on a draft whose audience has nobody to tell: not published; the staff are told
    (0 people) and asked to publish anyway or choose others. False: go on and publish (a poll
    not a draft, or not theirs, is refused by the service as before)."""
    session, t = ctx.session, ctx.t
    poll = await polls.get_poll(session, poll_id=poll_id)
    if poll.status != PollStatus.DRAFT or not await can_act_in(
        session, user=ctx.user, roles=ctx.roles, community_id=poll.community_id
    ):
        return False
    warning = await _nobody_told(session, poll, t)
    if warning is None:
        return False
    await query.answer()
    rows = [
        [
            (
                t("consult-btn-publish-anyway"),
                PollCb(action="publish", id=poll_id, arg=ANYWAY).pack(),
            ),
            (t("consult-btn-change-audience"), PollCb(action="reaud", id=poll_id).pack()),
        ],
        [(t("poll-btn-cancel"), PollCb(action="cancel", id=poll_id).pack())],
    ]
    await reply(query.message, warning, reply_markup=kb(rows))
    return True


@staff_router.callback_query(PollCb.filter(F.action.in_(starter("reaud"))))
async def on_change_audience(
    query: CallbackQuery, callback_data: PollCb, state: FSMContext, ctx: UpdateCtx
) -> None:
    """👥 改面向范围 under a draft's warning: who it is for is asked again (asking first when
    another form is half filled); the draft changes once chosen (on_draft_audience)."""
    session, t = ctx.session, ctx.t
    poll = await polls.get_poll(session, poll_id=callback_data.id)
    if not await can_act_in(
        session, user=ctx.user, roles=ctx.roles, community_id=poll.community_id
    ):
        raise NotFound("poll-err-not-found")
    polls.check_draft(poll)  # published or withdrawn meanwhile: said so, nothing asked
    await reask_draft_audience(
        query,
        callback_data,
        state,
        t,
        flow="poll-draft",
        community_id=poll.community_id,
        draft_id=poll.id or 0,
    )


@draft_audience_chosen("poll-draft")
async def on_draft_audience(message: Message, state: FSMContext, ctx: UpdateCtx) -> None:
    """The draft's new audience chosen: saved, and its preview shown again (warned again
    when nobody there would be told either)."""
    session, t = ctx.session, ctx.t
    draft_id, chosen = await chosen_draft_audience(state)
    poll = await polls.change_draft_audience(
        session,
        user=ctx.user,
        roles=ctx.roles,
        poll_id=draft_id,
        audience=chosen,
        now=ctx.now(),
        notifier=ctx.notifier(),
    )
    audience = polls.poll_audience(poll)
    names = await audience_names(session, audience=audience)
    await message.answer(
        t("consult-audience-changed", audience=audience_label(t, audience, names))
    )
    text, markup = await _draft_preview(session, poll, t, ctx.settings)
    await message.answer(text, reply_markup=markup)


@staff_router.callback_query(PollCb.filter(F.action.in_({"close", "cancel"})))
async def on_ask_confirm(query: CallbackQuery, callback_data: PollCb, ctx: UpdateCtx) -> None:
    """Ending an open poll early, or withdrawing it, is asked once more: one stray tap would
    end a vote the whole audience was told about. A draft is withdrawn at once."""
    session, user, roles, t = ctx.session, ctx.user, ctx.roles, ctx.t
    poll = await polls.get_poll(session, poll_id=callback_data.id)
    if callback_data.action == "cancel" and poll.status == PollStatus.DRAFT:
        await polls.cancel_poll(
            session,
            user=user,
            roles=roles,
            poll_id=poll.id or 0,
            now=ctx.now(),
            notifier=ctx.notifier(),  # nobody is told of a draft; its other cards are redrawn
            tapped=_tapped(query.message, _card_of(query.message, poll.id or 0)),
        )
        await query.answer()
        if _card_of(query.message, poll.id or 0):  # the draft's card: it reads 已取消
            await _redraw_if_card(query, session, poll, ctx)
        elif isinstance(query.message, Message):
            await safe_edit_markup(query.message, None)
        topic, told = await topics.withdrawn_told(session, poll_id=poll.id or 0)
        if topic is None:
            await reply(query.message, t("poll-draft-cancelled"))
        else:  # made from a topic: it is open again, and whoever heard of the poll was told
            await reply(
                query.message, t("poll-draft-cancelled-topic", title=topic.title, told=told)
            )
        return
    if not await can_act_in(session, user=user, roles=roles, community_id=poll.community_id):
        raise NotFound("poll-err-not-found")
    if poll.status != PollStatus.OPEN:
        await _redraw_if_card(query, session, poll, ctx)
        await query.answer(t("poll-err-not-open"), show_alert=True)
        return
    ballots = (await polls.tally(session, poll=poll)).ballots
    action, pid = callback_data.action, poll.id or 0
    card = _card_of(query.message, pid)  # once confirmed, the card shows the poll ended
    rows = [
        [
            (
                t(f"poll-btn-{action}-confirm"),
                PollCb(action=f"{action}ok", id=pid, arg=card).pack(),
            ),
            (t("poll-btn-keep-open"), PollCb(action="keep", id=pid).pack()),
        ]
    ]
    await query.answer()
    await reply(
        query.message,
        t(f"poll-{action}-confirm", question=poll.question, ballots=ballots),
        reply_markup=kb(rows),
    )


@staff_router.callback_query(PollCb.filter(F.action == "keep"))
async def on_keep_open(query: CallbackQuery, t: Text) -> None:
    """Changed their mind: the poll goes on; the question's buttons are spent."""
    await query.answer()
    if isinstance(query.message, Message):
        await query.message.edit_text(t("poll-kept-open"), reply_markup=None)


@staff_router.callback_query(PollCb.filter(F.action == "closeok"))
async def on_close(query: CallbackQuery, callback_data: PollCb, ctx: UpdateCtx) -> None:
    """Close now (staff decision, confirmed); the result is posted like on time."""
    session, user, roles, t, settings = ctx.session, ctx.user, ctx.roles, ctx.t, ctx.settings
    poll = await polls.get_poll(session, poll_id=callback_data.id)
    if poll.status != PollStatus.OPEN:
        await query.answer(t("poll-err-not-open"), show_alert=True)
        return
    from services.users import require_scope

    await require_scope(
        session, user=user, roles=roles, community_id=poll.community_id, action="poll-close"
    )
    notifier = ctx.notifier()
    result = await polls.close_poll(
        session,
        poll_id=callback_data.id,
        now=ctx.now(),
        actor_id=user.id,
        notifier=notifier,
        tapped=_tapped(query.message, callback_data.arg),  # the card the closer redraws
    )
    await query.answer()
    if isinstance(query.message, Message):
        # the question reads as done (before, it went on asking 确定现在就结束…？)
        with contextlib.suppress(TelegramBadRequest):
            said = t("poll-close-confirmed", question=result.poll.question)
            await query.message.edit_text(said, reply_markup=None)
        bot, chat = query.message.bot, query.message.chat.id
        await _redraw_card(bot, chat, callback_data.arg, session, result.poll, ctx)
    # at night: when the audience gets the result
    said = t("poll-closed-done", count=notifier.people_queued())
    done = held_note(t, said, notifier, settings=settings, now=ctx.now())
    await reply(query.message, done)
    await reply(
        query.message,
        tx(
            t,
            "poll-result",
            **polls.result_args(result, ctx.notifier(), t.lang),
        ),
    )
    if result.chart is not None and isinstance(query.message, Message):
        # the chart the audience gets with it (their copy is not queued for the closer too)
        await query.message.answer_photo(BufferedInputFile(result.chart, filename="poll.png"))


@staff_router.callback_query(PollCb.filter(F.action == "cancelok"))
async def on_cancel_poll(query: CallbackQuery, callback_data: PollCb, ctx: UpdateCtx) -> None:
    """Withdraw the open poll (confirmed); its audience is told the ballots no longer count."""
    session, user, roles, t, settings = ctx.session, ctx.user, ctx.roles, ctx.t, ctx.settings
    notifier = ctx.notifier()
    told = await polls.cancel_poll(
        session,
        user=user,
        roles=roles,
        poll_id=callback_data.id,
        now=ctx.now(),
        notifier=notifier,
        tapped=_tapped(query.message, callback_data.arg),  # the card redrawn below
    )
    await query.answer()
    if isinstance(query.message, Message):
        poll = await polls.get_poll(session, poll_id=callback_data.id)
        # the question reads as done (before, it went on asking 确定取消投票…吗？)
        with contextlib.suppress(TelegramBadRequest):
            said = t("poll-cancel-confirmed", question=poll.question)
            await query.message.edit_text(said, reply_markup=None)
        bot, chat = query.message.bot, query.message.chat.id
        await _redraw_card(bot, chat, callback_data.arg, session, poll, ctx)
    done = t("poll-cancel-done", count=told)
    await reply(query.message, held_note(t, done, notifier, settings=settings, now=ctx.now()))


@staff_router.callback_query(PollCb.filter(F.action == "export"))
async def on_export(query: CallbackQuery, callback_data: PollCb, ctx: UpdateCtx) -> None:
    """The result and its audit as an XLSX file."""
    session, user, roles, t, settings = ctx.session, ctx.user, ctx.roles, ctx.t, ctx.settings
    data = await polls.export_xlsx(
        session, user=user, roles=roles, poll_id=callback_data.id, zone=settings.zone
    )
    poll = await polls.get_poll(session, poll_id=callback_data.id)
    await query.answer()
    if isinstance(query.message, Message):
        await query.message.answer_document(
            BufferedInputFile(data, filename=f"poll-{poll.id}.xlsx"),
            caption=t("poll-export-caption", question=poll.question),
        )


# --- proxy vote


@staff_router.callback_query(PollCb.filter(F.action.in_(starter("proxy"))))
async def on_proxy(
    query: CallbackQuery, callback_data: PollCb, state: FSMContext, ctx: UpdateCtx
) -> None:
    """代投: choose the resident's building. Another form half filled in is not dropped
    unasked: staff choose to go on with it or to leave it (proxy_go)."""
    session, user, roles, t = ctx.session, ctx.user, ctx.roles, ctx.t
    if await asks_first(query, callback_data, state, t, starting="ProxyForm", own=_PROXY_STEPS):
        return
    poll = await polls.get_poll(session, poll_id=callback_data.id)
    if not await can_act_in(session, user=user, roles=roles, community_id=poll.community_id):
        raise NotFound("poll-err-not-found")
    if poll.status != PollStatus.OPEN:
        await _redraw_if_card(query, session, poll, ctx)
        raise InvalidInput("poll-err-not-open")
    if poll.audience_kind == AudienceKind.MEMBERS:
        raise InvalidInput("poll-err-proxy-members")
    # a grid worker: their grids' buildings (one of another grid would be refused at the vote)
    buildings = await polls.proxy_buildings(session, poll=poll, staff=user, roles=roles)
    if not buildings:
        raise InvalidInput("poll-err-proxy-no-buildings")
    buttons = [
        (b.name, PollCb(action="proxy_b", id=poll.id or 0, arg=b.id or 0).pack())
        for b in buildings
    ][:40]
    rows = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
    await state.clear()
    await state.set_state(ProxyForm.building)  # a room typed here is told to choose above
    # the card 代投 was tapped on: once the vote counts, its "已投 N 票" is redrawn
    # (also when asked first whether to leave a form: the card the question quotes)
    await state.update_data(card=[poll.id, _card_of(origin(query, callback_data), poll.id or 0)])
    await query.answer()
    await reply(query.message, t("poll-proxy-ask-building"), reply_markup=kb(rows))


@staff_router.callback_query(PollCb.filter(F.action.in_(starter("proxy_b"))))
async def on_proxy_building(
    query: CallbackQuery, callback_data: PollCb, state: FSMContext, ctx: UpdateCtx
) -> None:
    """Building chosen (one of the poll's audience); ask the room."""
    session, user, roles, t = ctx.session, ctx.user, ctx.roles, ctx.t
    # an old picker tapped in the middle of another form
    if await asks_first(query, callback_data, state, t, starting="ProxyForm", own=_PROXY_STEPS):
        return
    poll = await polls.get_poll(session, poll_id=callback_data.id)
    if not await can_act_in(session, user=user, roles=roles, community_id=poll.community_id):
        raise NotFound("poll-err-not-found")
    offered = await polls.proxy_buildings(session, poll=poll, staff=user, roles=roles)
    if callback_data.arg not in {b.id for b in offered}:
        raise InvalidInput("poll-err-proxy-building")
    card = (await state.get_data()).get("card")
    await state.clear()
    await state.update_data(poll_id=callback_data.id, building_id=callback_data.arg, card=card)
    await state.set_state(ProxyForm.room)
    await query.answer()
    await _mark_building(query.message, query.data)
    await reply(query.message, t("poll-proxy-ask-room"), reply_markup=cancel_kb(t))


async def _mark_building(message: object, chosen: str | None) -> None:
    """The 代投 building picker shows the building chosen (✅ 1号楼); its buttons stay, so
    another building may still be chosen while the room is asked."""
    if not isinstance(message, Message) or message.reply_markup is None:
        return
    rows = [
        [
            (
                ("✅ " if b.callback_data == chosen else "") + b.text.removeprefix("✅ "),
                b.callback_data or "",
            )
            for b in row
        ]
        for row in message.reply_markup.inline_keyboard
    ]
    await safe_edit_markup(message, kb(rows))


@staff_router.message(StateFilter(ProxyForm.room), F.text)
async def on_proxy_room(message: Message, state: FSMContext, ctx: UpdateCtx) -> None:
    """Room typed: the ballot on the resident's behalf (several residents: choose one)."""
    session, t, settings = ctx.session, ctx.t, ctx.settings
    data = await state.get_data()
    residents = await polls.find_resident(
        session,
        poll_id=int(data["poll_id"]),
        building_id=int(data["building_id"]),
        room=message.text or "",
        staff=ctx.user,
        roles=ctx.roles,
    )
    if not residents:
        raise InvalidInput("poll-err-no-resident")
    poll = await polls.get_poll(session, poll_id=int(data["poll_id"]))
    # a room nobody can be voted for (the household voted): said here, another room may follow
    eligible = await polls.proxy_candidates(session, poll=poll, residents=residents)
    # nothing is recorded yet: the flow (and its cancel button) stays until the vote counts
    if len(residents) > 1:
        residents = eligible  # named, even one: whose ballot it is stays the staff's choice
        await state.set_state(ProxyForm.resident)
        rows = [
            [
                (
                    t.written(r.display_name),
                    PollCb(action="proxy_r", id=int(data["poll_id"]), arg=r.id).pack(),
                )
            ]
            for r in residents
        ]
        await message.answer(t("poll-proxy-choose-resident"), reply_markup=kb(rows))
        return
    await _proxy_ballot(message, session, int(data["poll_id"]), residents[0], t, settings)
    await state.set_state(ProxyForm.ballot)


@staff_router.callback_query(PollCb.filter(F.action == "proxy_r"))
async def on_proxy_resident(
    query: CallbackQuery, callback_data: PollCb, state: FSMContext, ctx: UpdateCtx
) -> None:
    """Resident chosen: the ballot on their behalf (refused at the tap if they cannot vote)."""
    session, user, roles, t, settings = ctx.session, ctx.user, ctx.roles, ctx.t, ctx.settings
    resident = await session.get(User, callback_data.arg)
    if resident is None:
        raise InvalidInput("poll-err-no-resident")
    poll = await polls.get_poll(session, poll_id=callback_data.id)
    if not await can_act_in(
        session, user=user, roles=roles, community_id=poll.community_id, grid_id=resident.grid_id
    ):
        raise PermissionDenied("poll-err-proxy-not-audience")
    await polls.check_proxy_eligible(session, poll=poll, resident=resident)
    await query.answer()
    if isinstance(query.message, Message):
        await _proxy_ballot(query.message, session, callback_data.id, resident, t, settings)
    if await state.get_state() == ProxyForm.resident.state:
        await state.set_state(ProxyForm.ballot)


async def _proxy_ballot(
    message: Message,
    session: AsyncSession,
    poll_id: int,
    resident: User,
    t: Text,
    settings: Settings,
) -> None:
    poll = await polls.get_poll(session, poll_id=poll_id)
    await polls.check_proxy_eligible(session, poll=poll, resident=resident)
    header = t("poll-proxy-ballot", name=resident.display_name, question=poll.question)
    await _ballot(
        message, session, poll, t, settings, selected=[], proxy_for=resident.id, header=header
    )


class _Asking(Protocol):
    """What asking a question of the form needs: the texts, the settings and the clock (an
    UpdateCtx, or _FormCtx where the audience picker hands over)."""

    @property
    def t(self) -> Text: ...

    @property
    def settings(self) -> Settings: ...

    def now(self) -> datetime: ...


@dataclass(frozen=True, slots=True)
class _FormCtx:
    t: Text
    settings: Settings
    at: datetime

    def now(self) -> datetime:
        return self.at


def _form_ctx(t: Text, settings: Settings, now: datetime) -> _FormCtx:
    return _FormCtx(t=t, settings=settings, at=now)


# --- create
#
# Each question of the form is asked by one function of _ASK, forward and again after
# ⬅️ 上一步 (with what was entered). The path branches (single or multiple choice, members or
# residents), so the steps asked are kept in a trail (handlers.text_steps) and 上一步 asks the
# one before again; a question's buttons go once it is left, and an older question's buttons
# are refused (at_step).


@staff_router.callback_query(HubCb.filter(F.action.in_(starter("new_poll"))))
async def on_new_poll(
    query: CallbackQuery, callback_data: HubCb, state: FSMContext, ctx: UpdateCtx
) -> None:
    """Start a new poll: ask the question (asking first when another form is half filled)."""
    session, user, roles, t = ctx.session, ctx.user, ctx.roles, ctx.t
    community_id = await staff_community(session, user=user, roles=roles)
    if await asks_first(query, callback_data, state, t, starting="PollForm"):
        return
    await state.clear()
    await state.update_data(community_id=community_id)
    await query.answer()
    if isinstance(query.message, Message):
        await _ask_question(query.message, state, ctx)


async def start_poll_form(
    message: Message, state: FSMContext, ctx: UpdateCtx, *, community_id: int, topic: Topic
) -> None:
    """The poll form for a topic (议题 → 投票): the topic is taken up when the draft is saved."""
    await state.clear()
    await state.update_data(community_id=community_id, from_topic=topic.id)
    await message.answer(ctx.t("topic-new-poll", title=topic.title))
    await _ask_question(message, state, ctx)


async def start_poll_said(
    message: Message, state: FSMContext, ctx: OrderCtx, said: consult_said.PollSaid
) -> None:
    """A poll described in one message ('投票：小区停车费要不要涨 选项 同意 不同意 弃权'): the
    form begins with the question (and the options, when given) filled in, checked as their
    steps check them, says what it took and asks the rest; options not usable as said are
    asked at their step, shown there to be sent again or changed."""
    from services.validation import clean_text

    t = ctx.t
    community_id = await staff_community(ctx.session, user=ctx.user, roles=ctx.roles)
    try:
        question = clean_text(said.question, max_len=polls.QUESTION_MAX)
    except InvalidInput:
        question = None
    await state.clear()
    await state.update_data(community_id=community_id)
    if question is None:  # too long: asked at its step, where the refusal says why
        await message.answer(t("consult-said-later", typed=html.escape(said.question)))
        await _ask_question(message, state, ctx)
        return
    await state.update_data(question=question)
    await step_asked(state, "question")
    taken = [question]
    options = None
    if said.options is not None:
        try:
            options = polls.clean_options(list(said.options))
        except InvalidInput:
            await state.update_data(options=list(said.options))  # shown at the options step
    lines = []
    if options is not None:
        await state.update_data(options=options)
        taken.append(t.join(options))
    lines.append(t("consult-said-taken", items=" · ".join(html.escape(x) for x in taken)))
    if said.options_said is not None and options is None:
        lines.append(t("consult-said-later", typed=html.escape(said.options_said)))
    await message.answer("\n".join(lines), reply_markup=cancel_kb(t))
    if options is None:
        await _ask_options(message, state, ctx)
        return
    await step_asked(state, "options")
    await _ask_multiple(message, state, ctx)


async def _ask_question(message: Message, state: FSMContext, ctx: _Asking) -> None:
    """The first step: 取消 only (nothing to go back to)."""
    t = ctx.t
    await step_asked(state, "question")
    await state.set_state(PollForm.question)
    question = (await state.get_data()).get("question")
    text = with_current(t, t("poll-new-ask-question"), question)
    await message.answer(text, reply_markup=cancel_kb(t))


async def _ask_options(message: Message, state: FSMContext, ctx: _Asking) -> None:
    t = ctx.t
    await step_asked(state, "options")
    await state.set_state(PollForm.options)
    options = (await state.get_data()).get("options")
    # back here: the options shown one a line, to be sent again as they are or changed
    typed = "\n" + "\n".join(options) if options else None
    text = with_current(t, t("poll-new-ask-options"), typed)
    await message.answer(text, reply_markup=step_keyboard(t))


async def _ask_buttons(
    message: Message,
    state: FSMContext,
    step: str,
    text: str,
    rows: list[list[tuple[str, str]]],
    back: str,
) -> None:
    """A question answered with buttons (typed text is told to choose above), with `back`
    (⬅️ 上一步) under them: the reply keyboard's may have gone with an earlier step."""
    await step_asked(state, step)
    await state.set_state(PollForm.choosing)
    choices = [list(button) for row in rows for button in row]  # a label typed chooses it
    rows = [*rows, [(back, PollCb(action="f_back").pack())]]
    asked = await message.answer(text, reply_markup=kb(rows))
    # its buttons go once it is left; its text to show the answer typed
    await state.update_data(
        ask_msg=asked.message_id, ask_html=asked.html_text, ask_choices=choices
    )


async def _ask_multiple(message: Message, state: FSMContext, ctx: _Asking) -> None:
    t = ctx.t
    rows = [
        [
            (t("poll-btn-single"), PollCb(action="f_single").pack()),
            (t("poll-btn-multi"), PollCb(action="f_multi").pack()),
        ]
    ]
    await _ask_buttons(
        message, state, "multiple", t("poll-new-ask-multiple"), rows, t("common-back")
    )


async def _ask_max(message: Message, state: FSMContext, ctx: _Asking) -> None:
    t = ctx.t
    await step_asked(state, "max")
    await state.set_state(PollForm.max_choices)
    data = await state.get_data()
    typed = str(data["max_choices"]) if data.get("multiple") and "max_choices" in data else None
    # its own keyboard: the one on screen may be another answer's (取消 alone)
    await message.answer(
        with_current(t, t("poll-new-ask-max"), typed), reply_markup=step_keyboard(t)
    )


async def _ask_audience(message: Message, state: FSMContext, ctx: _Asking) -> None:
    await step_asked(state, "audience")
    await state.set_state(PollForm.choosing)
    await state.update_data(ask_choices=None)  # its buttons are the audience picker's
    await ask_audience(message, state, ctx.t, flow="poll")


async def _ask_eligibility(message: Message, state: FSMContext, ctx: _Asking) -> None:
    t = ctx.t
    rows = [
        [(t("poll-btn-elig-registered"), PollCb(action="f_elig", arg=0).pack())],
        [(t("poll-btn-elig-verified"), PollCb(action="f_elig", arg=1).pack())],
    ]
    await _ask_buttons(
        message, state, "elig", t("poll-new-ask-eligibility"), rows, t("common-back")
    )


async def _ask_household(message: Message, state: FSMContext, ctx: _Asking) -> None:
    t = ctx.t
    rows = [
        [
            (t("consult-yes"), PollCb(action="f_house", arg=1).pack()),
            (t("consult-no"), PollCb(action="f_house", arg=0).pack()),
        ]
    ]
    await _ask_buttons(
        message, state, "house", t("poll-new-ask-household"), rows, t("common-back")
    )


async def _ask_close(message: Message, state: FSMContext, ctx: _Asking) -> None:
    t, settings, now = ctx.t, ctx.settings, ctx.now()
    await step_asked(state, "close")
    await state.set_state(PollForm.close)
    closes = (await state.get_data()).get("closes_at")
    typed = (
        when_text(t, datetime.fromisoformat(closes), settings=settings, now=now)
        if closes
        else None
    )
    text = t("poll-new-ask-close", example=_close_example(settings, now))
    await message.answer(with_current(t, text, typed), reply_markup=step_keyboard(t))


async def _ask_anonymous(message: Message, state: FSMContext, ctx: _Asking) -> None:
    t = ctx.t
    rows = [
        [
            (t("poll-btn-anonymous"), PollCb(action="f_anon", arg=1).pack()),
            (t("poll-btn-named"), PollCb(action="f_anon", arg=0).pack()),
        ]
    ]
    text = t("poll-new-ask-anonymous")
    closes = (await state.get_data()).get("closes_at")
    if closes:  # how the closing time was read, so a slip shows
        read = time_read(t, datetime.fromisoformat(closes), settings=ctx.settings, now=ctx.now())
        text = f"{read}\n{text}"
    await _ask_buttons(message, state, "anon", text, rows, t("common-back"))


async def _ask_live(message: Message, state: FSMContext, ctx: _Asking) -> None:
    t = ctx.t
    rows = [
        [
            (t("poll-btn-live"), PollCb(action="f_live", arg=1).pack()),
            (t("poll-btn-hidden"), PollCb(action="f_live", arg=0).pack()),
        ]
    ]
    await _ask_buttons(message, state, "live", t("poll-new-ask-live"), rows, t("common-back"))


async def _ask_quorum(message: Message, state: FSMContext, ctx: _Asking) -> None:
    t = ctx.t
    await step_asked(state, "quorum")
    await state.set_state(PollForm.quorum)
    quorum = _form_share(await state.get_data(), "quorum")
    text = with_current(t, t("poll-new-ask-quorum"), polls.share_text(*quorum) if quorum else None)
    await message.answer(text, reply_markup=step_keyboard(t, skip=True))


async def _ask_basis(message: Message, state: FSMContext, ctx: _Asking) -> None:
    t = ctx.t
    rows = [
        [
            (t("poll-btn-basis-voters"), PollCb(action="f_basis", arg=0).pack()),
            (t("poll-btn-basis-households"), PollCb(action="f_basis", arg=1).pack()),
        ]
    ]
    await _ask_buttons(message, state, "basis", t("poll-new-ask-basis"), rows, t("common-back"))


async def _ask_threshold(
    message: Message, state: FSMContext, ctx: _Asking, *, note: str = ""
) -> None:
    t = ctx.t
    await step_asked(state, "threshold")
    await state.set_state(PollForm.threshold)
    text = f"{note}\n{t('poll-new-ask-threshold')}" if note else t("poll-new-ask-threshold")
    await message.answer(text, reply_markup=step_keyboard(t, skip=True))


_ASK: dict[str, Callable[[Message, FSMContext, _Asking], Awaitable[None]]] = {
    "question": _ask_question,
    "options": _ask_options,
    "multiple": _ask_multiple,
    "max": _ask_max,
    "audience": _ask_audience,
    "elig": _ask_eligibility,
    "house": _ask_household,
    "close": _ask_close,
    "anon": _ask_anonymous,
    "live": _ask_live,
    "quorum": _ask_quorum,
    "basis": _ask_basis,
    "threshold": _ask_threshold,
}


@router.message(StateFilter(PollForm), F.text.func(is_back))
async def on_poll_back(message: Message, state: FSMContext, ctx: UpdateCtx) -> None:
    """⬅️ 上一步 (or '上一步' typed) at any step of the poll form: the question before is asked
    again with what was entered there; the buttons of the question left go. At the first step
    the question is asked again."""
    await _go_back(message, state, ctx)


@router.message(StateFilter(PollForm.choosing), F.text)
async def on_choosing_typed(message: Message, state: FSMContext, ctx: UpdateCtx) -> None:
    """Text where the question is answered with the buttons above: said so, with the step's
    own keyboard (the general answer's is 取消 alone, and ⬅️ 上一步 would be gone from it).
    A time typed right after the closing time was read (匿名还是实名 asked under it) corrects
    that time, as the meeting form's next step takes a new start."""
    t = ctx.t
    if await at_step(state, "anon") and (await state.get_data()).get("closes_at"):
        now = ctx.now()
        try:
            closes = parse_local_time(
                message.text,
                settings=ctx.settings,
                now=now,
                example_at=POLL_CLOSE_EXAMPLE_AT,
                day_only_at=POLL_CLOSE_EXAMPLE_AT,
            )
        except WhichDay:
            pass  # '明天' in the small hours: asked at the closing time step, not here
        except InvalidInput as refused:
            if refused.key in ("consult-err-day-past", "consult-err-day-only"):
                raise  # a time meant: what is wrong with it
        else:
            polls.check_closes_at(closes, now=now)
            data = await state.get_data()
            await settle_by_id(message.bot, message.chat.id, data.get("ask_msg"))
            await state.update_data(closes_at=closes.isoformat(), ask_msg=None)
            await _ask_anonymous(message, state, ctx)
            return
    if await _typed_choice_taken(message, state, ctx):
        return
    if await at_step(state, "audience") and await audience_typed(
        message, state, t, settings=ctx.settings, now=ctx.now()
    ):
        return
    await message.answer(t("err-choose-above"), reply_markup=step_keyboard(t))


async def _typed_choice_taken(message: Message, state: FSMContext, ctx: UpdateCtx) -> bool:
    """A button's words typed at a question answered with buttons ('单选', '是', '匿名',
    '截止后公开'; '不' / '好的' at 一户一票): taken as its tap, the question showing the answer.
    Before, each was told 'please tap the buttons above'. False: no one button named."""
    data = await state.get_data()
    choices = [(str(c[0]), str(c[1])) for c in data.get("ask_choices") or []]
    picked = smalltalk.label_typed(message.text, [label for label, _data in choices])
    if picked is None and await at_step(state, "house"):
        yes = smalltalk.offer_answer(message.text)  # '要' / '不用': 一户一票 or not
        picked = None if yes is None else (0 if yes else 1)
    if picked is None or not choices:
        return False
    label, packed = choices[picked]
    html = data.get("ask_html")
    answered = label if label.startswith(("✅", "❌")) else ctx.t("consult-answered", answer=label)
    text = f"{html}\n{answered}" if isinstance(html, str) else None
    await settle_by_id(message.bot, message.chat.id, data.get("ask_msg"), text)
    await _take_choice(message, state, ctx, PollCb.unpack(packed))
    return True


@staff_router.callback_query(StateFilter(PollForm), PollCb.filter(F.action == "f_back"))
async def on_poll_back_button(query: CallbackQuery, state: FSMContext, ctx: UpdateCtx) -> None:
    """The ⬅️ 上一步 under a question answered with buttons: as the typed one, from the
    question asked now only (an older question's is out of date)."""
    message = query.message
    if not isinstance(message, Message) or (
        (await state.get_data()).get("ask_msg") != message.message_id
    ):
        await query.answer(ctx.t("err-stale-button"), show_alert=True)
        return
    await query.answer()
    await _go_back(message, state, ctx)


async def _go_back(message: Message, state: FSMContext, ctx: UpdateCtx) -> None:
    data = await state.get_data()
    for asked in (data.get("ask_msg"), data.get("aud_msg"), data.get("aud_pick_msg")):
        await settle_by_id(message.bot, message.chat.id, asked)
    await state.update_data(ask_msg=None, aud_msg=None, aud_pick_msg=None, ask_choices=None)
    step = await step_back(state) or "question"
    await _ASK[step](message, state, ctx)


@staff_router.message(StateFilter(PollForm.question), F.text)
async def on_question(message: Message, state: FSMContext, ctx: UpdateCtx) -> None:
    """Question typed; ask the options."""
    from services.validation import clean_text

    await state.update_data(question=clean_text(message.text, max_len=polls.QUESTION_MAX))
    await _ask_options(message, state, ctx)


@staff_router.message(StateFilter(PollForm.options), F.text)
async def on_options(message: Message, state: FSMContext, ctx: UpdateCtx) -> None:
    """Options typed (one a line); single or multiple choice?"""
    options = polls.clean_options(polls.split_options(message.text))  # refused here, not later
    await state.update_data(options=options)
    await _ask_multiple(message, state, ctx)


async def _form_data(
    query: CallbackQuery, state: FSMContext, t: Text, step: str
) -> dict[str, object]:
    """The form's data when `step` is the question asked now; else the button is out of date."""
    data = await state.get_data()
    if "options" not in data or not await at_step(state, step):
        await query.answer(t("err-stale-button"), show_alert=True)
        return {}
    await query.answer()
    return data


@staff_router.callback_query(PollCb.filter(F.action.in_({"f_single", "f_multi"})))
async def on_multiple(
    query: CallbackQuery, callback_data: PollCb, state: FSMContext, ctx: UpdateCtx
) -> None:
    """Single → audience; multiple → ask the maximum first."""
    t = ctx.t
    if not await _form_data(query, state, t, "multiple") or not isinstance(query.message, Message):
        return
    await settle(query.message, t, tapped_label(query.message, query.data))
    await _take_choice(query.message, state, ctx, callback_data)


async def _take_choice(
    message: Message, state: FSMContext, ctx: UpdateCtx, choice: PollCb
) -> None:
    """A button question of the form answered (tapped, or its words typed): kept, and the
    next question asked."""
    await state.update_data(ask_msg=None, ask_html=None, ask_choices=None)
    if choice.action == "f_single":
        await state.update_data(multiple=False, max_choices=1)
        await _ask_audience(message, state, ctx)
        return
    if choice.action == "f_multi":  # ask the maximum first
        await state.update_data(multiple=True)
        await _ask_max(message, state, ctx)
        return
    field, _step, ask_next = _YES_NO_STEPS[choice.action]
    await state.update_data({field: bool(choice.arg)})
    await ask_next(message, state, ctx)


@staff_router.message(StateFilter(PollForm.max_choices), F.text)
async def on_max(message: Message, state: FSMContext, ctx: UpdateCtx) -> None:
    """Maximum typed; ask the audience."""
    data = await state.get_data()
    text = (message.text or "").strip()
    high = len(data.get("options") or [])
    if not text.isdigit() or not 1 <= int(text) <= high:
        raise InvalidInput("poll-err-max-choices", high=high)
    await state.update_data(max_choices=int(text))
    await _ask_audience(message, state, ctx)


def _close_example(settings: Settings, now: datetime) -> str:
    """The closing-time example: the same weekday next week, 20:00 local."""
    return time_example(settings, now, at=POLL_CLOSE_EXAMPLE_AT)


@after_audience("poll")
async def _poll_after_audience(
    message: Message, state: FSMContext, t: Text, settings: Settings, now: datetime
) -> None:
    ctx = _form_ctx(t, settings, now)
    kind, _ids = audience_from(await state.get_data())
    if kind == AudienceKind.MEMBERS:
        # approved members vote as members: no address, verification or household questions
        await state.update_data(verified=False, per_household=False)
        await _ask_close(message, state, ctx)
        return
    await _ask_eligibility(message, state, ctx)


_YES_NO_STEPS = {
    # action: (data field, the step it answers, what is asked next)
    "f_elig": ("verified", "elig", _ask_household),
    "f_house": ("per_household", "house", _ask_close),
    "f_anon": ("anonymous", "anon", _ask_live),
    "f_live": ("live_results", "live", _ask_quorum),
    "f_basis": ("basis_households", "basis", _ask_threshold),
}


@staff_router.callback_query(PollCb.filter(F.action.in_(set(_YES_NO_STEPS))))
async def on_choice(
    query: CallbackQuery, callback_data: PollCb, state: FSMContext, ctx: UpdateCtx
) -> None:
    """The button steps of the poll form."""
    t = ctx.t
    _field, step, _ask_next = _YES_NO_STEPS[callback_data.action]
    if not await _form_data(query, state, t, step) or not isinstance(query.message, Message):
        return
    message = query.message
    await settle(message, t, tapped_label(message, query.data))  # answered: its buttons go
    await _take_choice(message, state, ctx, callback_data)


@staff_router.message(StateFilter(PollForm.close), F.text)
async def on_close_time(message: Message, state: FSMContext, ctx: UpdateCtx) -> None:
    """Closing time typed; show how it was read (date and weekday); anonymous or named?"""
    now = ctx.now()
    closes = parse_local_time(  # '周五', '3天后': that day at the usual hour, shown back
        message.text,
        settings=ctx.settings,
        now=now,
        example_at=POLL_CLOSE_EXAMPLE_AT,
        day_only_at=POLL_CLOSE_EXAMPLE_AT,
    )
    # past, or further than a poll may run: refused here, not at the form's last step
    polls.check_closes_at(closes, now=now)
    await state.update_data(closes_at=closes.isoformat())
    await _ask_anonymous(message, state, ctx)


def _form_share(data: dict[str, Any], name: str) -> tuple[int, int] | None:
    """A bar the form keeps as "num/den" (a strict one's numerator negative), or None."""
    said = data.get(name)
    if not said:
        return None
    num, _, den = str(said).partition("/")
    return int(num), int(den)


@staff_router.message(StateFilter(PollForm.quorum), F.text)
async def on_quorum(message: Message, state: FSMContext, ctx: UpdateCtx) -> None:
    """Quorum typed (or skipped); households or people (a one-vote-per-household poll counts
    households, unasked); then the threshold."""
    text = message.text or ""
    if is_skip(text):
        await state.update_data(quorum=None)
        await _ask_threshold(message, state, ctx)
        return
    num, den = polls.parse_share(text).stored()  # 过半: a strict bar, its numerator negative
    await state.update_data(quorum=f"{num}/{den}")
    if (await state.get_data()).get("per_household"):
        # one vote per household: a share of people would count ballots no person casts
        await state.update_data(basis_households=True)
        await _ask_threshold(message, state, ctx, note=ctx.t("poll-new-basis-households"))
        return
    await _ask_basis(message, state, ctx)


@staff_router.message(StateFilter(PollForm.threshold), F.text)
async def on_threshold(message: Message, state: FSMContext, ctx: UpdateCtx) -> None:
    """Threshold typed (or skipped): save the draft and show the preview."""
    session, user, roles, t, settings = ctx.session, ctx.user, ctx.roles, ctx.t, ctx.settings
    text = message.text or ""
    threshold = None if is_skip(text) else polls.parse_share(text)
    data = await state.get_data()
    kind, ids = audience_from(data)
    stored = _form_share(data, "quorum")
    quorum = polls.stored_share(*stored) if stored else None
    poll = await polls.create_poll(
        session,
        user=user,
        roles=roles,
        now=ctx.now(),
        draft=polls.PollDraft(
            community_id=int(data["community_id"]),
            question=str(data["question"]),
            options=list(data["options"]),
            closes_at=datetime.fromisoformat(data["closes_at"]),
            multiple=bool(data.get("multiple")),
            max_choices=int(data.get("max_choices", 1)),
            audience_kind=kind,
            audience_ids=ids,
            eligibility=Eligibility.VERIFIED if data.get("verified") else Eligibility.REGISTERED,
            per_household=bool(data.get("per_household")),
            anonymous=bool(data.get("anonymous", True)),
            live_results=bool(data.get("live_results")),
            quorum=quorum,
            quorum_basis=QuorumBasis.HOUSEHOLDS
            if data.get("basis_households") or data.get("per_household")
            else (QuorumBasis.VOTERS),
            threshold=threshold,
        ),
    )
    await state.clear()
    saved = t("consult-draft-saved")
    if data.get("from_topic"):
        saved += "\n" + await _topic_polled(ctx, int(data["from_topic"]), poll)
    await message.answer(saved, reply_markup=ctx.main_menu())
    text, markup = await _draft_preview(session, poll, t, settings)
    await message.answer(text, reply_markup=markup)


async def _topic_polled(ctx: UpdateCtx, topic_id: int, poll: Poll) -> str:
    """The topic the poll was started from is taken up by it, its people told (at night: when
    they will be); what the staff are told of it."""
    t, notifier = ctx.t, ctx.notifier()
    try:
        await topics.poll_topic(
            ctx.session,
            user=ctx.user,
            roles=ctx.roles,
            topic_id=topic_id,
            poll=poll,
            now=ctx.now(),
            notifier=notifier,
        )
    except DomainError as exc:  # decided meanwhile by someone else: the poll stands
        return t(exc.key, **exc.args_)
    return held_note(t, t("topic-poll-done"), notifier, settings=ctx.settings, now=ctx.now())


# ✏️ 修改 on a draft's preview (arg) rather than on its staff card: a change made from there
# redraws the preview, still asking to check and publish
PREVIEW = 1


def _preview_rows(t: Text, poll_id: int, *, nobody: bool = False) -> list[list[tuple[str, str]]]:
    """A draft's preview: 发布, ✏️ 修改 (a wrong option or closing time fixed without starting
    over) and 取消, as on the draft's staff card; for an audience nobody of which would be
    told (`nobody`), 📣 仍然发布 and 👥 改面向范围 instead of 发布."""

    def cb(action: str, arg: int = 0) -> str:
        return PollCb(action=action, id=poll_id, arg=arg).pack()

    if nobody:
        return [
            [
                (t("consult-btn-publish-anyway"), cb("publish", ANYWAY)),
                (t("consult-btn-change-audience"), cb("reaud")),
            ],
            [(t("poll-btn-edit"), cb("edit", PREVIEW)), (t("poll-btn-cancel"), cb("cancel"))],
        ]
    return [
        [(t("poll-btn-publish"), cb("publish")), (t("poll-btn-edit"), cb("edit", PREVIEW))],
        [(t("poll-btn-cancel"), cb("cancel"))],
    ]


async def _nobody_told(session: AsyncSession, poll: Poll, t: Text) -> str | None:
    """The warning that publishing the poll would tell nobody, or None."""
    audience = polls.poll_audience(poll)
    names = await audience_names(session, audience=audience)
    return await nobody_told(session, t, audience=audience, names=names)


async def _draft_preview(
    session: AsyncSession, poll: Poll, t: Text, settings: Settings
) -> tuple[str, InlineKeyboardMarkup]:
    """A draft's preview and its buttons, warned when its audience has nobody to tell."""
    text = await _preview_text(session, poll, t, settings)
    warning = await _nobody_told(session, poll, t)
    if warning:
        text = f"{text}\n\n{warning}"
    return text, kb(_preview_rows(t, poll.id or 0, nobody=warning is not None))


async def _preview_text(
    session: AsyncSession,
    poll: Poll,
    t: Text,
    settings: Settings,
    *,
    published: datetime | None = None,
) -> str:
    """The poll as its audience will get it: a preview (not sent yet), or once published,
    the same with when it was published."""
    options = "\n".join(
        f"{i}. {o.text}"
        for i, o in enumerate(await polls.poll_options(session, poll_id=poll.id or 0), 1)
    )
    return t(
        "poll-preview",
        published=(
            "none"
            if published is None
            else when_text(t, published, settings=settings, now=published)
        ),
        question=poll.question,
        options=options,
        rules=Raw(await _rules_text(poll, t)),
        # who gets it, who may vote and when results show: the staff check them before 📣 发布
        audience_kind=poll.audience_kind,
        audience_names=await audience_names(session, audience=polls.poll_audience(poll)),
        eligibility=poll.eligibility,
        live="true" if poll.live_results else "false",
        closes=when_text(t, poll.closes_at, settings=settings, now=poll.opens_at),
    )


# --- change a draft: its question, options or closing time (the answers typed; those chosen
# with buttons are many and depend on each other: for those, a new poll)

_EDIT_FIELDS = ("question", "options", "close")


@staff_router.callback_query(PollCb.filter(F.action == "edit"))
async def on_edit(query: CallbackQuery, callback_data: PollCb, ctx: UpdateCtx) -> None:
    """✏️ 修改 on a draft: which of its typed answers to change (asked as a reply to the preview
    or card, which is redrawn once it is changed)."""
    session, user, roles, t = ctx.session, ctx.user, ctx.roles, ctx.t
    poll = await polls.get_poll(session, poll_id=callback_data.id)
    if not await can_act_in(session, user=user, roles=roles, community_id=poll.community_id):
        raise NotFound("poll-err-not-found")
    if poll.status != PollStatus.DRAFT:
        await _redraw_if_card(query, session, poll, ctx)
        polls.check_draft(poll)
    pid = poll.id or 0
    rows = [
        [(t(f"poll-edit-field-{f}"), PollCb(action="edit_field", id=pid, arg=i).pack())]
        for i, f in enumerate(_EDIT_FIELDS)
    ]
    await query.answer()
    quoted = (
        {"reply_parameters": ReplyParameters(message_id=query.message.message_id)}
        if isinstance(query.message, Message)
        else {}
    )
    await reply(query.message, t("poll-edit-what"), reply_markup=kb(rows), **quoted)


@staff_router.callback_query(PollCb.filter(F.action.in_(starter("edit_field"))))
async def on_edit_field(
    query: CallbackQuery, callback_data: PollCb, state: FSMContext, ctx: UpdateCtx
) -> None:
    """Ask for the new question, options or closing time, with what it is now (asking first
    when another form is half filled)."""
    session, user, roles, t, settings = ctx.session, ctx.user, ctx.roles, ctx.t, ctx.settings
    if not 0 <= callback_data.arg < len(_EDIT_FIELDS):
        await query.answer(t("err-stale-button"), show_alert=True)
        return
    poll = await polls.get_poll(session, poll_id=callback_data.id)
    if not await can_act_in(session, user=user, roles=roles, community_id=poll.community_id):
        raise NotFound("poll-err-not-found")
    polls.check_draft(poll)
    if await asks_first(query, callback_data, state, t, starting="PollChange"):
        return
    # the preview or card 要修改什么 replies to: redrawn once the draft is changed
    tapped = origin(query, callback_data)
    shown = tapped.reply_to_message if tapped is not None else None
    pid = poll.id or 0
    await state.clear()
    await state.set_state(PollChange.value)
    await state.update_data(
        poll_id=pid,
        field=callback_data.arg,
        card=shown.message_id if shown is not None else 0,
        preview=shown is not None and not _card_of(shown, pid),
    )
    await query.answer()
    if isinstance(query.message, Message):
        await settle(query.message, t, tapped_label(query.message, query.data))
    field = _EDIT_FIELDS[callback_data.arg]
    options = [o.text for o in await polls.poll_options(session, poll_id=pid)]
    current = {
        "question": poll.question,
        "options": "\n".join(options),
        "close": poll.closes_at.astimezone(settings.zone).strftime("%Y-%m-%d %H:%M"),
    }[field]
    text = t(
        "poll-edit-ask",
        field=field,
        current=current,
        low=polls.MIN_OPTIONS,
        high=polls.MAX_OPTIONS,
        limit=polls.QUESTION_MAX,
        example=_close_example(settings, ctx.now()),
    )
    await reply(query.message, text, reply_markup=cancel_kb(t))


@staff_router.message(StateFilter(PollChange.value), F.text)
async def on_edit_value(message: Message, state: FSMContext, ctx: UpdateCtx) -> None:
    """The new question, options (one a line) or closing time: the draft is changed, its
    preview (or card) shows it; a slip is refused and the step stays."""
    session, user, roles, t, settings = ctx.session, ctx.user, ctx.roles, ctx.t, ctx.settings
    data = await state.get_data()
    field = _EDIT_FIELDS[int(data["field"])]
    text, now = message.text or "", ctx.now()
    edit = polls.PollEdit()
    if field == "question":
        edit.question = text
    elif field == "options":
        edit.options = polls.split_options(text)
    else:
        edit.closes_at = parse_local_time(
            text,
            settings=settings,
            now=now,
            example_at=POLL_CLOSE_EXAMPLE_AT,
            day_only_at=POLL_CLOSE_EXAMPLE_AT,
        )
    card, preview = int(data.get("card") or 0), bool(data.get("preview"))
    try:
        poll = await polls.edit_draft(
            session,
            user=user,
            roles=roles,
            poll_id=int(data["poll_id"]),
            edit=edit,
            now=now,
            notifier=ctx.notifier(),  # the draft's other cards on screens read the change
            tapped=(message.chat.id, card) if card and not preview else None,  # drawn below
        )
    except Conflict as exc:  # published or withdrawn meanwhile: nothing more to change here
        await state.clear()
        await message.answer(t(exc.key, **exc.args_), reply_markup=ctx.main_menu())
        return
    await state.clear()
    await _redraw_edited(message, card, preview, poll, ctx)
    done = t("consult-draft-edited")
    if edit.closes_at is not None:
        done = f"{time_read(t, poll.closes_at, settings=settings, now=now)}\n{done}"
    await message.answer(done, reply_markup=ctx.main_menu())


async def _redraw_edited(
    message: Message, card: int, preview: bool, poll: Poll, ctx: UpdateCtx
) -> None:
    """The preview (or card) the change was made from shows the draft as it now is."""
    session, t, settings = ctx.session, ctx.t, ctx.settings
    if not card or message.bot is None:
        return
    if not preview:
        await _redraw_card(message.bot, message.chat.id, card, session, poll, ctx)
        return
    text, markup = await _draft_preview(session, poll, t, settings)
    with contextlib.suppress(TelegramBadRequest):  # gone meanwhile
        await message.bot.edit_message_text(
            text, chat_id=message.chat.id, message_id=card, reply_markup=markup
        )


@router.message(StateFilter(PollForm, ProxyForm, PollChange), ~F.text)
async def on_not_text(message: Message, t: Text) -> None:
    """A photo, voice, sticker or location at a text step: ask for text; the step stays open."""
    await message.answer(t("err-media-not-supported"), reply_markup=cancel_kb(t))


router.include_router(staff_router)
