"""Shared pieces of the consultation handlers: callback data, keyboards, time parsing, audience.

Callback data classes pack to the same strings services.consult_common writes into stored
notices (RsvpCb ↔ rsvp_data, CheckinCb ↔ checkin_data, BallotCb ↔ ballot_data).
"""

from __future__ import annotations

import contextlib
import unicodedata
from collections.abc import Awaitable, Callable, Collection, Sequence
from datetime import datetime, time
from typing import TYPE_CHECKING, Any

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import (
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    Message,
    ReplyKeyboardMarkup,
)
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Text, Translator
from bot.plain_fields import plain_markup
from bot.settings import Settings
from models import Building, Community, Grid, Role, User, shown_name
from models.consultations import AudienceKind
from services import smalltalk
from services.consult_common import Audience, Notifier, audience_reach, localize
from services.errors import PermissionDenied
from services.users import staff_scopes
from services.when import MEETING_EXAMPLE_AT, example_text, parse_when, when_args

if TYPE_CHECKING:
    from handlers.context import UpdateCtx


class HubCb(CallbackData, prefix="chb"):
    """Hub buttons: 近期议事's topics, propose and check-in code (its meetings and open polls
    are buttons of their own); 议事管理's staff tools."""

    action: str


class MeetingCb(CallbackData, prefix="cmt"):
    """A meeting action: view, publish, edit, postpone, cancel, attendees, minutes, order."""

    action: str
    id: int
    arg: int = 0


class RsvpCb(CallbackData, prefix="crv"):
    """去 / 不确定 / 不去 on a meeting (services.consult_common.rsvp_data)."""

    meeting_id: int
    answer: str


class CheckinCb(CallbackData, prefix="cci"):
    """The check-in button (services.consult_common.checkin_data)."""

    meeting_id: int


class BallotCb(CallbackData, prefix="cpb"):
    """Open the ballot of a poll (services.consult_common.ballot_data)."""

    poll_id: int


class VoteCb(CallbackData, prefix="cpv"):
    """Tap an option (option 0 = submit a multiple choice); proxy_for = the resident's id."""

    poll_id: int
    option_id: int
    proxy_for: int = 0


class PollCb(CallbackData, prefix="cpl"):
    """A poll action: view, results, publish, close, cancel, proxy, export; form choices."""

    action: str
    id: int = 0
    arg: int = 0


class TopicCb(CallbackData, prefix="ctp"):
    """A topic action: back, accept, accept into meeting arg, answer."""

    action: str
    id: int
    arg: int = 0


class AudienceCb(CallbackData, prefix="cau"):
    """The audience picker: a kind, a toggled grid/building id, or done."""

    action: str
    id: int = 0


def kb(rows: Sequence[Sequence[tuple[str, str]]]) -> InlineKeyboardMarkup:
    """An inline keyboard from rows of (label, callback data)."""
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [InlineKeyboardButton(text=label, callback_data=data) for label, data in row]
            for row in rows
        ]
    )


# How wide a list button's text may be, in the columns of a phone's row (a Chinese character
# takes two). Telegram sets no limit of its own (telegram.constants has none for a button's
# text); clients cut a longer label at the end, where a list puts the status.
LABEL_WIDTH = 64


def _columns(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def button_label(head: str, title: str, tail: str = "", *, width: int = LABEL_WIDTH) -> str:
    """A list button: `head` (the date and time) and `tail` (a status) whole, the title
    shortened with "…" to fit `width` columns, at a word's end where the title has spaces."""
    title = " ".join(title.split())
    room = width - _columns(head) - _columns(tail) - (1 if head else 0) - (1 if tail else 0)
    if _columns(title) > room:
        cut = ""
        for ch in title:
            if _columns(cut + ch) > room - 1:  # one column for the "…"
                break
            cut += ch
        space = cut.rfind(" ")
        if space > len(cut) // 2 and not title[len(cut)].isspace():
            cut = cut[:space]  # a Latin word is not cut in two
        title = cut.rstrip(" ,，、·:：-") + "…"
    return " ".join(part for part in (head, title, tail) if part)


def poll_button(
    t: Text, poll_id: int, question: str, voted: str | None, *, head: str = ""
) -> tuple[str, str]:
    """An open poll in a list, opening its ballot; `voted` (services.polls.voted_in) marks one
    already voted in: '✅ 已投', or '✅ 家人已投' where the household's one vote is cast."""
    tail = t(f"poll-list-voted-{voted}") if voted else ""
    return button_label(head, question, tail), BallotCb(poll_id=poll_id).pack()


def result_button(t: Text, poll_id: int, question: str) -> tuple[str, str]:
    """A poll closed lately in a list, showing its result: '📊 <question> 已结束'."""
    label = button_label("📊", question, t("poll-list-closed"))
    return label, PollCb(action="results", id=poll_id).pack()


def cancel_kb(t: Text, *, skip: bool = False) -> ReplyKeyboardMarkup:
    """The big cancel button (and skip, when a step is optional) of a text step."""
    row = [KeyboardButton(text=t("common-cancel"))]
    if skip:
        row.insert(0, KeyboardButton(text=t("common-skip")))
    return ReplyKeyboardMarkup(keyboard=[row], resize_keyboard=True)


def make_notifier(
    translator: Translator, settings: Settings, clock: Callable[[], datetime]
) -> Notifier:
    """The notifier handlers give services: real texts, local zone, the injected clock."""
    return Notifier(
        texts=translator,
        zone=settings.zone,
        default_language=settings.default_language,
        now=clock(),
        admin_ids=frozenset(settings.admin_ids),
    )


def parse_local_time(
    text: str | None,
    *,
    settings: Settings,
    now: datetime,
    example_at: time = MEETING_EXAMPLE_AT,
    day_only_at: time | None = None,
) -> datetime:
    """What staff typed ("明晚7点", "下周三 19:30", "2026-12-10 19:30"…) in local time → aware
    UTC (services.when); unreadable → consult-err-time with an example after `now`; a day
    without its hour ('周五') is read at `day_only_at` if given, else the hour is asked for."""
    return parse_when(
        text, zone=settings.zone, now=now, example_at=example_at, day_only_at=day_only_at
    )


def time_example(settings: Settings, now: datetime, *, at: time = MEETING_EXAMPLE_AT) -> str:
    """The example a time step shows: the same weekday next week, local."""
    return example_text(now, settings.zone, at=at)


def when_text(t: Text, when: datetime, *, settings: Settings, now: datetime) -> str:
    """A time as the reader reads it: "12月6日（周日）19:00", "Sun 6 Dec, 19:00" (local)."""
    return t("date-time", **when_args(when, zone=settings.zone, now=now))


def held_note(t: Text, text: str, notifier: Notifier, *, settings: Settings, now: datetime) -> str:
    """`text` ("已通知 N 人"), and when quiet hours hold some of those notices, when they go."""
    if not notifier.held or notifier.held_until is None:
        return text
    when = when_text(t, notifier.held_until, settings=settings, now=now)
    return f"{text}\n{t('consult-held', count=notifier.held, when=when)}"


def time_read(t: Text, when: datetime, *, settings: Settings, now: datetime) -> str:
    """ "🕒 时间：12月10日（周四）19:30" — how the bot read a typed time, so a slip shows."""
    return t("consult-time-read", **when_args(when, zone=settings.zone, now=now))


async def staff_community(session: AsyncSession, *, user: User, roles: Collection[Role]) -> int:
    """The community a staff account publishes in (its first scope; admins: the first one)."""
    scopes = await staff_scopes(session, user_id=user.id)
    if scopes:
        return scopes[0].community_id
    if Role.ADMIN in roles:
        community = (await session.exec(select(Community).order_by(col(Community.id)))).first()
        if community is not None and community.id is not None:
            return community.id
    raise PermissionDenied("consult-no-community")


# ----------------------------------------------------------------- the audience picker

# (message, state, t, settings, now): what a creation flow asks next, e.g. a time step whose
# example is computed from the injected clock
AfterAudience = Callable[[Message, FSMContext, Text, Settings, datetime], Awaitable[None]]
_AFTER: dict[str, AfterAudience] = {}


def after_audience(flow: str) -> Callable[[AfterAudience], AfterAudience]:
    """Register what a creation flow does once its audience is chosen."""

    def register(func: AfterAudience) -> AfterAudience:
        _AFTER[flow] = func
        return func

    return register


async def ask_audience(message: Message, state: FSMContext, t: Text, *, flow: str) -> None:
    """Ask who it is for; the flow continues in its after_audience function."""
    await state.update_data(aud_flow=flow, aud_kind=None, aud_ids=[], aud_msg=None)
    kinds = [
        AudienceKind.COMMUNITY,
        AudienceKind.GRIDS,
        AudienceKind.BUILDINGS,
        AudienceKind.MEMBERS,
    ]
    rows = [[(t(f"consult-audience-{k.value}"), AudienceCb(action=k.value).pack())] for k in kinds]
    asked = await message.answer(t("consult-ask-audience"), reply_markup=kb(rows))
    # settled (shows the answer, loses its buttons) once the audience is chosen
    await state.update_data(aud_msg=asked.message_id)


# 📣 仍然发布: the publish tap of a draft whose audience has nobody to tell, confirmed
ANYWAY = 2


def audience_label(t: Text, audience: Audience, names: str) -> str:
    """Who a consultation is for, as its preview says it: the grids' or buildings' names, 全社区
    or 报到党员/志愿者."""
    if audience.kind in (AudienceKind.GRIDS, AudienceKind.BUILDINGS):
        return names
    return t(f"consult-audience-{audience.kind}")


async def nobody_told(
    session: AsyncSession, t: Text, *, audience: Audience, names: str
) -> str | None:
    """The warning for a draft whose audience nobody would hear it from (0 people told), or
    None when somebody would be told."""
    if await audience_reach(session, audience=audience):
        return None
    members = audience.kind == AudienceKind.MEMBERS
    shown = names if audience.kind in (AudienceKind.GRIDS, AudienceKind.BUILDINGS) else ""
    return t(
        "consult-audience-nobody",
        audience=shown or t("consult-audience-community"),
        members="true" if members else "false",
    )


# --- a draft's audience changed from its preview (its preview warned that nobody would be told)


class DraftAudience(StatesGroup):
    """Picking another audience for a draft poll or meeting (`draft_id` in the data)."""

    picking = State()


# the picker's own step: 👥 改面向范围 tapped again there starts over without asking
DRAFT_AUDIENCE_STEPS = frozenset({DraftAudience.picking.state})


# (message, state, ctx): the draft changed to the audience chosen, and its preview shown again
DraftChosen = Callable[[Message, FSMContext, "UpdateCtx"], Awaitable[None]]
_DRAFT_CHOSEN: dict[str, DraftChosen] = {}


def draft_audience_chosen(flow: str) -> Callable[[DraftChosen], DraftChosen]:
    """Register what a draft's audience change does once the new audience is chosen."""

    def register(func: DraftChosen) -> DraftChosen:
        _DRAFT_CHOSEN[flow] = func

        async def chosen(
            message: Message, state: FSMContext, t: Text, settings: Settings, now: datetime
        ) -> None:  # the picker has no database: the tap's handler finishes it (below)
            await state.update_data(aud_chosen=True)

        _AFTER[flow] = chosen
        return func

    return register


async def ask_draft_audience(
    message: Message, state: FSMContext, t: Text, *, flow: str, community_id: int, draft_id: int
) -> None:
    """Ask who a draft is for, again (the form it was made with is over)."""
    await state.clear()
    await state.set_state(DraftAudience.picking)
    await state.update_data(community_id=community_id, draft_id=draft_id)
    await ask_audience(message, state, t, flow=flow)


async def reask_draft_audience(
    query: CallbackQuery,
    callback_data: CallbackData,
    state: FSMContext,
    t: Text,
    *,
    flow: str,
    community_id: int,
    draft_id: int,
) -> None:
    """👥 改面向范围 under a draft's warning (the draft checked by the caller): who it is for is
    asked again, asking first when another form is half filled; the draft changes once chosen
    (the flow's `draft_audience_chosen`)."""
    from handlers.form_guard import asks_first, origin  # it imports this module

    if await asks_first(
        query, callback_data, state, t, starting="DraftAudience", own=DRAFT_AUDIENCE_STEPS
    ):
        return
    await query.answer()
    warned = origin(query, callback_data)  # the warning, also after 不填了 on the question
    if not isinstance(query.message, Message):
        return
    await settle(warned, t, t("consult-btn-change-audience"))
    await ask_draft_audience(
        query.message, state, t, flow=flow, community_id=community_id, draft_id=draft_id
    )


async def chosen_draft_audience(state: FSMContext) -> tuple[int, Audience]:
    """The draft whose audience was just picked again, and that audience (the form over)."""
    data = await state.get_data()
    await state.clear()
    kind, ids = audience_from(data)
    return int(data["draft_id"]), Audience(
        community_id=int(data["community_id"]), kind=kind, ids=ids
    )


async def finish_draft_audience(message: Message, state: FSMContext, ctx: UpdateCtx) -> None:
    """Once the picker has an audience for a draft: change the draft (see DraftChosen)."""
    data = await state.get_data()
    if not data.get("aud_chosen") or str(data.get("aud_flow")) not in _DRAFT_CHOSEN:
        return
    await _DRAFT_CHOSEN[str(data["aud_flow"])](message, state, ctx)


async def audience_choices(
    session: AsyncSession, *, community_id: int, kind: AudienceKind, lang: str
) -> list[tuple[int, str]]:
    """The grids or buildings of a community, as (id, name): a grid's as a `lang` reader sees
    it."""
    if kind == AudienceKind.GRIDS:
        grids = await session.exec(
            select(Grid).where(Grid.community_id == community_id).order_by(col(Grid.id))
        )
        return [(g.id or 0, shown_name(g, lang)) for g in grids.all()]
    buildings = await session.exec(
        select(Building).where(Building.community_id == community_id).order_by(col(Building.id))
    )
    return [(b.id or 0, b.name) for b in buildings.all()][:40]


def picker_kb(
    choices: list[tuple[int, str]], chosen: Collection[int], t: Text
) -> InlineKeyboardMarkup:
    """Toggle buttons for grids/buildings, two a row, and Done."""
    buttons = [
        (("✅ " if cid in chosen else "") + name, AudienceCb(action="toggle", id=cid).pack())
        for cid, name in choices
    ]
    rows = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
    rows.append([(t("consult-done"), AudienceCb(action="done").pack())])
    return kb(rows)


async def continue_after_audience(
    message: Message, state: FSMContext, t: Text, *, settings: Settings, now: datetime
) -> None:
    """Hand over to the flow that asked for the audience."""
    data = await state.get_data()
    await _AFTER[str(data["aud_flow"])](message, state, t, settings, now)


async def audience_typed(
    message: Message, state: FSMContext, t: Text, *, settings: Settings, now: datetime
) -> bool:
    """'全社区' / '所有居民' / '整个社区' typed where the audience is asked: taken as the 全社区
    tap, the question showing the answer and a grid/building list opened before going.
    Before, each was told to tap the buttons. False: not the whole community said."""
    if not smalltalk.whole_community(message.text):
        return False
    data = await state.get_data()
    if "aud_flow" not in data:
        return False
    kind = AudienceKind.COMMUNITY
    await state.update_data(aud_kind=kind, aud_ids=[], aud_msg=None, aud_pick_msg=None)
    answered = (
        t("consult-ask-audience")
        + "\n"
        + t("consult-answered", answer=t(f"consult-audience-{kind}"))
    )
    await settle_by_id(message.bot, message.chat.id, data.get("aud_msg"), answered)
    await settle_by_id(message.bot, message.chat.id, data.get("aud_pick_msg"))
    await continue_after_audience(message, state, t, settings=settings, now=now)
    return True


def audience_from(data: dict[str, Any]) -> tuple[AudienceKind, tuple[int, ...]]:
    """The chosen audience from FSM data."""
    return AudienceKind(data.get("aud_kind") or AudienceKind.COMMUNITY), tuple(
        int(i) for i in data.get("aud_ids") or ()
    )


def tx(t: Text, key: str, /, **args: Any) -> str:
    """A text with the lines left empty by optional parts dropped, times in the reader's
    words (services.consult_common.LocalTime)."""
    text = t(key, **localize(t, args))
    return "\n".join(line for line in text.split("\n") if line.strip())


def same_markup(message: Message, markup: InlineKeyboardMarkup | None) -> bool:
    """True if the message already shows this inline keyboard (an edit would be refused)."""
    current = message.reply_markup
    if markup is None or not markup.inline_keyboard:
        return current is None or not current.inline_keyboard
    if current is None:
        return False
    # labels as Telegram shows them (bot.plain_fields sends them unescaped)
    return _labels(current) == _labels(markup)


def _labels(markup: InlineKeyboardMarkup) -> list[list[tuple[str, str | None]]]:
    plain = plain_markup(markup)
    return [[(b.text, b.callback_data) for b in row] for row in plain.inline_keyboard]


async def safe_edit_markup(message: Message, markup: InlineKeyboardMarkup | None) -> None:
    """Replace a message's buttons, skipping the call when nothing would change."""
    if same_markup(message, markup):
        return
    await message.edit_reply_markup(reply_markup=markup)


def tapped_label(message: Message, data: str | None) -> str | None:
    """The label of the button with this callback data on the message."""
    rows = message.reply_markup.inline_keyboard if message.reply_markup else []
    return next((b.text for row in rows for b in row if b.callback_data == data), None)


async def settle(message: object, t: Text, answer: str | None) -> None:
    """A form's question answered with one of its buttons: it shows the answer ('✅ 90 分钟')
    and loses its buttons, so it is not tapped again once the form has moved on."""
    if not isinstance(message, Message) or message.text is None:
        return
    if not message.reply_markup or not message.reply_markup.inline_keyboard:
        return
    text = message.html_text
    if answer:
        # a label that is its own mark ('✅ 是', '❌ 否') is shown as it is, not as '✅ ✅ 是'
        marked = answer.startswith(("✅", "❌"))
        text += "\n" + (answer if marked else t("consult-answered", answer=answer))
    with contextlib.suppress(TelegramBadRequest):  # a double tap crossing the edit
        await message.edit_text(text, reply_markup=None)


async def settle_by_id(
    bot: Bot | None, chat_id: int, message_id: object, text: str | None = None
) -> None:
    """A question of the form answered by typing, or by a later picker: its buttons go (and
    with `text`, it reads that, e.g. the question with its answer)."""
    if bot is None or not isinstance(message_id, int):
        return
    with contextlib.suppress(TelegramBadRequest):  # gone, or already without them
        if text is None:
            await bot.edit_message_reply_markup(chat_id=chat_id, message_id=message_id)
        else:
            await bot.edit_message_text(text, chat_id=chat_id, message_id=message_id)


async def reply(target: object, text: str, **kwargs: Any) -> Message | None:
    """Answer in the chat of a message (callbacks' messages may be inaccessible); the answer."""
    if isinstance(target, Message):
        return await target.answer(text, **kwargs)
    return None
