"""Shared chat pieces of the order cycle: callback data, cards, pager, and sending notices."""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import datetime
from typing import Any

from aiogram.exceptions import TelegramBadRequest
from aiogram.filters.callback_data import CallbackData
from aiogram.types import (
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
)
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.answered import note_answered, was_answered
from bot.i18n import Raw, Text, Translator
from bot.settings import Settings
from models import Building, Community, Grid, User, shown_name
from models.orders import Order, OrderStatus, Request, RequestStatus, Score
from services import members as member_service
from services import orders as order_service
from services import request_cards
from services import requests as request_service
from services.delivery import inline_keyboard, split_html
from services.fitting import Fitted, LongTexts
from services.order_common import (
    Notice,
    category,
    title_in,
    voice_placeholder_key,
    written_text,
)
from services.order_notices import CB_PREFIX, deliver, held_for_night
from services.order_titles import fit
from services.places import line
from services.urges import urges_of
from services.when import when_args

# OrderCb.extra of ✅ 完成上报 / ↩️ 放弃工单 under an answer to typed words ('修好了', '这个我
# 干不了'): that answer is not the order's card, and is not redrawn as one once its step is done
FROM_WORDS = 1


class OrderCb(CallbackData, prefix=CB_PREFIX):
    """Every order-cycle button: an action, the request/order id, and one small extra number.

    Packs as "oc:<action>:<ref>:<extra>", the layout services.order_notices.cb writes.
    """

    action: str
    ref: int = 0
    extra: int = 0


def is_card_of(message: Message, request_id: int) -> bool:
    """The message is about one request only — its staff card, its building list, a notice
    with its 查看诉求: every button is an order-cycle one naming it (its order's 查看工单
    aside), none of a list of several or of a pager."""
    rows = message.reply_markup.inline_keyboard if message.reply_markup else []
    refs = set()
    for key in (key for row in rows for key in row):
        parts = (key.callback_data or "").split(":")
        if parts[0] != CB_PREFIX or len(parts) < 3:
            return False
        if parts[1] != "sord":
            refs.add(parts[2])
    return refs == {str(request_id)}


def button(text: str, action: str, ref: int | None = 0, extra: int = 0) -> InlineKeyboardButton:
    """One inline button carrying an OrderCb."""
    return InlineKeyboardButton(
        text=text, callback_data=OrderCb(action=action, ref=ref or 0, extra=extra).pack()
    )


def keyboard(rows: Sequence[Sequence[InlineKeyboardButton]]) -> InlineKeyboardMarkup:
    """An inline keyboard from rows of buttons."""
    return InlineKeyboardMarkup(inline_keyboard=[list(r) for r in rows])


def stored_keyboard(markup: InlineKeyboardMarkup | None) -> dict[str, Any] | None:
    """An inline keyboard as the outbox stores it (services.delivery.inline_keyboard)."""
    if markup is None:
        return None
    return inline_keyboard(
        [[(key.text, key.callback_data or "") for key in row] for row in markup.inline_keyboard]
    )


def pager(t: Text, action: str, page: int, pages: int) -> list[InlineKeyboardButton]:
    """◀️ / ▶️ buttons for a paged list (empty when there is one page)."""
    row = []
    if page > 0:
        row.append(button(t("common-prev-page"), action, page - 1))
    if page < pages - 1:
        row.append(button(t("common-next-page"), action, page + 1))
    return row


def local(
    t: Text, settings: Settings, moment: datetime | None, *, now: datetime | None = None
) -> str:
    """A moment in local time as people read it: "12月9日（周三）19:30" / "Wed 9 Dec, 19:30"
    (with the year when it is not the year of `now`)."""
    if moment is None:
        return "-"
    return t("date-time", **when_args(moment, zone=settings.zone, now=now or moment))


async def resident_hears_at(
    session: AsyncSession,
    t: Text,
    settings: Settings,
    out: order_service.Outcome,
    *,
    now: datetime,
) -> str | None:
    """At night: when the resident of `out`'s request gets the notices the action caused
    ('11月24日（周二）07:00'), quiet hours holding them all till the morning; None when they go
    now, or none is for the resident (staff are then told 已告知 / nothing)."""
    req = out.request
    if req is None or req.resident_id is None:
        return None
    held = await held_for_night(session, out.notices, chat_id=req.resident_id, now=now)
    return local(t, settings, held, now=now) if held is not None else None


async def changed_by(
    session: AsyncSession, t: Text, settings: Settings, *, request_id: int, now: datetime
) -> str:
    """'张网格员 在 12月6日（周日）22:50 做了「不予受理」': who last moved the request (or one of
    its orders) on, and when, for a list, form or report that came too late."""
    change = await request_cards.last_change(session, request_id=request_id)
    if change is None:
        return t("order-stale-change-unknown")
    return t(
        "order-stale-change",
        who=change.actor,
        when=local(t, settings, change.at, now=now),
        what=t(f"order-action-{change.action}"),
    )


def order_title(t: Text, order: Order) -> str:
    """The order's title in the reader's language when it is its category's name (the title
    an order gets when staff give none, kept in Chinese); a title staff typed as it is."""
    return title_in(order.title, order.category, t.lang)


def urgent_reasons(t: Text, codes: str) -> str:
    """Triage's urgency reason codes in plain words."""
    words = [
        t(f"order-urgent-{c}") if t.translator.has(f"order-urgent-{c}") else c
        for c in codes.split(",")
        if c
    ]
    # no reason from triage: the resident marked it urgent themselves
    return t.join(words) or t("order-urgent-by-resident")


def status_text(t: Text, req: Request) -> str:
    """The request's status in plain words."""
    return t(f"order-status-{req.status}")


async def place(session: AsyncSession, req: Request | Order, t: Text | None = None) -> str:
    """Community · grid · building of a request (no room), or its public area: '阳光社区 ·
    公共区域 · 东门外马路' (the area's word in `t`'s language; without `t`, the default's)."""
    parts = []
    lang = t.lang if t is not None else ""
    community = await session.get(Community, req.community_id)
    if community:
        parts.append(shown_name(community, lang))
    if req.grid_id:
        grid = await session.get(Grid, req.grid_id)
        if grid:
            parts.append(shown_name(grid, lang))
    building_id = getattr(req, "building_id", None)
    if building_id:
        building = await session.get(Building, building_id)
        if building:
            parts.append(shown_name(building, lang))
    if isinstance(req, Request) and req.public_area is not None:
        where = line(parts, req)
        return where.read_in(t) if t is not None else str(where)
    return " · ".join(parts)


def short(text: str, limit: int = 40) -> str:
    """The first line of a text, cut to `limit` Chinese characters' width (twice as many
    Latin letters, at a word's end) with "…"."""
    first = text.strip().splitlines()[0] if text.strip() else ""
    return fit(first, 2 * limit)


def request_text(t: Text, text: str, *, own: bool = False) -> str:
    """A request's text as its reader sees it: a voice note alone says so in their language —
    to the resident who left it (`own`) as theirs, not as staff are told to listen to it."""
    key = voice_placeholder_key(text)
    if own and key == "order-voice-only":
        key = "order-voice-only-own"
    return written_text(text) or t(key)


async def request_card(
    session: AsyncSession,
    t: Text,
    settings: Settings,
    req: Request,
    *,
    staff: bool,
    now: datetime | None = None,
    long: LongTexts | None = None,
) -> str:
    """The request as text: number, status, category, place, text (contact for staff only).

    With `long`, what people typed (the text, reasons, notes, comments) goes in as its tokens,
    for the caller to fit the card to a message (services.fitting); without, whole."""
    typed = long if long is not None else LongTexts()
    lines = [
        t("order-card-title", number=req.number, status=status_text(t, req)),
        t("order-card-category", category=category(req.category).name(t.lang)),
        t("order-card-place", place=await place(session, req, t)),
        t("order-card-time", time=local(t, settings, req.created_at, now=now)),
    ]
    if req.urgent:
        lines.append(t("order-card-urgent", reasons=urgent_reasons(t, req.urgent_reasons)))
    if staff:
        resident = await session.get(User, req.resident_id) if req.resident_id else None
        # who deleted their data (/forget): so said, not their name, nor their id
        name = req.contact_name or (resident.display_name if resident else "-")
        phone = req.contact_phone or (resident.phone if resident else None)
        if phone is None and resident is not None:
            # no phone in their profile: the one their 报到 gave this community's staff, said so
            given = await member_service.signup_phone(
                session, user_id=resident.id, community_id=req.community_id
            )
            phone = t("order-card-phone-from-signup", phone=given) if given else None
        room = req.room or await _home_elsewhere(session, req, resident) or "-"
        if phone:
            lines.append(t("order-card-contact", name=name, phone=phone, room=room))
        else:  # '电话：-' read as a number missing: said in words
            lines.append(t("order-card-contact-no-phone", name=name, room=room))
        if resident is not None and (resident.language or "").startswith("en"):
            # what staff write to them (a result, a reason) is read in English: say so
            lines.append(t("order-card-resident-english"))
        lines.append(t("order-card-channel", channel=t(f"order-channel-{req.channel}")))
        if req.keywords:
            lines.append(t("order-card-keywords", keywords=t.join(req.keywords.split(","))))
        urged, last = await urges_of(session, int(req.id or 0))
        if urged:
            lines.append(
                t("urge-card-line", count=urged, time=local(t, settings, last, now=now or last))
            )
    lines.append("")
    lines.append(t("order-card-text", text=typed(request_text(t, req.text, own=not staff))))
    if staff and (voices := await request_service.voice_count(session, request_id=req.id or 0)):
        # the words do not say it: staff are told there is more to listen to under 📎 附件
        lines.append(t("order-card-voices", count=voices))
    if req.decline_reason:
        declined = req.status == RequestStatus.DECLINED  # else reopened by a review since
        key = "order-card-declined" if declined else "order-card-declined-before"
        lines.append(t(key, reason=typed(req.decline_reason)))
        review = await order_service.review_reason(session, req=req)
        if review is not None:  # the resident asked for a review: why (staff and resident)
            at = local(t, settings, review.at, now=now or review.at)
            lines.append(t("order-card-review", time=at, reason=typed(review.note or "-")))
    if not staff and req.status == RequestStatus.TRANSFERRED:
        lines.extend(await _with_the_unit(session, t, settings, req, now=now, typed=typed))
    if not staff and req.status == RequestStatus.ORDERED:
        lines.extend(await _order_progress(session, t, req))
    if req.result_note and req.status not in ("new",):
        lines.append(t("order-card-result", note=typed(req.result_note)))
    # how the resident judged each result: staff reopening a matter read why it came back
    called: bool | None = None  # whether staff had a phone to call (read once, if needed)
    for rating in await order_service.ratings_of(session, int(req.id or 0)):
        line = t(
            "order-card-rating" if staff else "order-card-rating-mine",
            time=local(t, settings, rating.at, now=now or rating.at),
            score=t(f"order-rate-{Score(rating.score).value}"),
            comment=typed(said) if (said := " ".join(rating.comment.split())) else "none",
        )
        if rating.rater_id != req.resident_id:  # 电话回访: staff recorded what was said
            recorder = await session.get(User, rating.rater_id) if staff else None
            recorded_by = recorder.display_name if recorder is not None else None
            if called is None:
                called = bool((await order_service.contact_of(session, req=req))[1])
            # no phone to call: recorded after a visit, not said to be by phone
            key = "order-card-rating-by-phone" if called else "order-card-rating-recorded"
            line += t(key, staff=recorded_by or "none")
        lines.append(line)
    if req.status == RequestStatus.CLOSED and await order_service.closed_unrated(session, req=req):
        # no rating in the follow-up window: why it closed (and, to the resident, where to go)
        lines.append(t("order-card-closed-unrated" if staff else "order-card-closed-unrated-mine"))
    card = "\n".join(lines)
    return card if long is not None else typed.whole(card)


async def _order_progress(session: AsyncSession, t: Text, req: Request) -> list[str]:
    """For the resident of a matter with an order out: how far the members are with it (its
    status alone says only 已派单)."""
    orders = await order_service.orders_of_request(session, request_id=int(req.id or 0))
    live = next((o for o in orders if o.status != OrderStatus.CANCELLED), None)
    if live is None:
        return []
    if live.status in (OrderStatus.DONE, OrderStatus.VERIFIED):
        return [t("order-card-progress-reported")]
    if live.status == OrderStatus.CLAIMED:
        return [t("order-card-progress-claimed")]
    if live.claimed_count:
        left = max(live.members_needed - live.claimed_count, 1)
        return [t("order-card-progress-partial", claimed=live.claimed_count, left=left)]
    return [t("order-card-progress-open")]


async def _with_the_unit(
    session: AsyncSession,
    t: Text,
    settings: Settings,
    req: Request,
    *,
    now: datetime | None,
    typed: LongTexts,
) -> list[str]:
    """For the resident of a transferred matter: which unit has it, and its latest interim
    answer (staff's card has its own lines, with the note and the follow-up)."""
    tr = await order_service.current_transfer(session, request_id=int(req.id or 0))
    if tr is None:
        return []
    lines = [t("order-card-with-unit", unit=tr.unit)]
    progress = await order_service.transfer_progress(session, req=req, transfer=tr)
    if progress.answer and progress.answered_at is not None:
        at = local(t, settings, progress.answered_at, now=now or progress.answered_at)
        lines.append(t("order-card-transfer-progress", time=at, answer=typed(progress.answer)))
    return lines


async def _home_elsewhere(session: AsyncSession, req: Request, resident: User | None) -> str:
    """Where the resident lives, when the matter is at another building than theirs (its
    request keeps no room: the room is of their own building): '1号楼 302'; '' otherwise."""
    if (
        resident is None
        or not resident.room
        or resident.building_id is None
        or resident.building_id == req.building_id
    ):
        return ""
    home = await session.get(Building, resident.building_id)
    return f"{home.name} {resident.room}" if home is not None else ""


def fit_card(t: Text, long: LongTexts, card: str) -> Fitted:
    """A card drawn with `long`'s tokens, within one message: the longest typed texts cut
    with "…（全文共 N 字，点「📄 全文」查看）" (then the card wants a 📄 全文 button)."""
    return long.fit(card, marker=lambda total: t("text-cut", total=str(total)))


def echoing(t: Text, key: str, /, *, typed: Mapping[str, str], **args: Any) -> str:
    """A text with what was just typed in it (`typed`: argument → text), within one message:
    a typed text too long for it cut with "…（全文共 N 字，即您发的上一条消息）"."""
    long = LongTexts()
    text = t(key, **{name: long(value) for name, value in typed.items()}, **args)
    return long.fit(text, marker=lambda total: t("text-cut-echo", total=str(total))).text


async def send_whole(event: Message | CallbackQuery, card: str) -> None:
    """📄 全文: a card with every typed text whole, in as many messages as it needs (split at
    line ends)."""
    for part in split_html(card):
        await reply(event, part)


async def send_notices(
    session: AsyncSession,
    notices: Sequence[Notice],
    *,
    translator: Translator,
    settings: Settings,
    now: datetime | None = None,
) -> None:
    """Queue notices for other people in the outbox, each in their language."""
    if not notices:
        return
    await deliver(
        session, notices, texts=translator, default_language=settings.default_language, now=now
    )
    await session.commit()


def outbox_sink(
    session: AsyncSession, *, translator: Translator, settings: Settings, now: datetime
) -> Callable[[Sequence[Notice]], Awaitable[int]]:
    """Queue notices inside the service's own transaction (it commits them with its change)."""

    async def sink(notices: Sequence[Notice]) -> int:
        return await deliver(
            session, notices, texts=translator, default_language=settings.default_language, now=now
        )

    return sink


async def answer_once(
    query: CallbackQuery, text: str | None = None, *, alert: bool = False
) -> None:
    """Answer a button tap once (Telegram refuses a second answer to the same query), however
    it was answered before (bot.answered notes every answer the bot sends)."""
    if was_answered(query.id):
        return
    note_answered(query.id)  # also without the bot's middleware (a bot made elsewhere)
    await query.answer(text, show_alert=alert)


async def reply(event: Message | CallbackQuery, text: str, **kwargs: Any) -> None:
    """Answer a message, or the message a button was on (a new message, not an edit)."""
    if isinstance(event, CallbackQuery):
        await answer_once(event)
        if isinstance(event.message, Message):
            await event.message.answer(text, **kwargs)
        return
    await event.answer(text, **kwargs)


async def edit_or_send(
    query: CallbackQuery, text: str, markup: InlineKeyboardMarkup | None
) -> Message | None:
    """Replace the button's message (paging), or send a new one when it cannot be edited;
    the message that now reads so (None: none could)."""
    await answer_once(query)
    message = query.message
    if isinstance(message, Message) and message.text is not None:
        # "message is not modified" when the same page is tapped twice: nothing to do
        with contextlib.suppress(TelegramBadRequest):
            await message.edit_text(text, reply_markup=markup)
        return message
    if isinstance(message, Message):
        return await message.answer(text, reply_markup=markup)
    return None


__all__ = ["OrderCb", "Raw"]
