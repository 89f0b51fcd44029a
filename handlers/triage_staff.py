"""Staff: the queue of new requests, the request card, and the triage actions — issue an order,
handle directly, transfer (and record the answer), merge, decline, change category, report a
result, close; and filing a request on behalf of a resident who phoned or walked in."""

from __future__ import annotations

import contextlib
import re
from collections.abc import AsyncIterator, Callable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message, ReplyParameters
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Text, Translator
from bot.settings import Settings
from handlers.claims import draw_card
from handlers.context import OrderCtx
from handlers.filters import IS_STAFF
from handlers.form_guard import asks_first, origin, plain, starter
from handlers.keyboards import cancel_keyboard, step_keyboard
from handlers.media import send_photos
from handlers.menu import all_flow_labels, is_skip, labels
from handlers.order_ui import (
    OrderCb,
    answer_once,
    button,
    changed_by,
    echoing,
    edit_or_send,
    fit_card,
    is_card_of,
    keyboard,
    local,
    pager,
    place,
    reply,
    request_card,
    request_text,
    resident_hears_at,
    send_whole,
    short,
    status_text,
    stored_keyboard,
)
from handlers.text_steps import is_back, refuse_button_labels, with_current
from models import Building, User, shown_name
from models.orders import Channel, Request, RequestStatus, can_transition
from services import call_back as call_service
from services import delivery as outbox
from services import (
    order_form,
    order_notices,
    org,
    smalltalk,
    staff_place,
    staff_urgency,
    validation,
)
from services import orders as order_service
from services import request_cards as card_service
from services import requests as request_service
from services import users as user_service
from services.errors import Conflict, InvalidInput, MovedAway
from services.fitting import Fitted, LongTexts
from services.listing import Listing
from services.order_common import (
    catalogue,
    category,
    deadline_hours,
    hour_choices,
    suggest,
    title_in,
    written_text,
)
from services.order_titles import fit
from services.orders import MAX_HOURS, MAX_MEMBERS, MAX_POINTS
from services.places import PUBLIC_AREA_MAX, grid_label, places_apart, spots
from services.requests import Draft
from services.triage.duplicates import likeness
from services.urges import urge_counts
from services.when import WORKDAY_TIMES

router = Router(name="triage_staff")
router.message.filter(F.chat.type == "private")


class StaffFlow(StatesGroup):
    """Steps where staff type something, and the order form (派单's preview and its title)."""

    preview = State()  # the order form: its buttons change it, 发布工单 publishes it
    title = State()
    transfer_unit = State()
    transfer_note = State()
    answer = State()
    merge = State()
    decline = State()
    result = State()
    place = State()  # where in a public area a request is (📍 改地点 → 🌳 公共区域)


class OnBehalf(StatesGroup):
    """Filing for a resident: building (or a public area, and where in it) → channel → room
    (not in a public area) → phone → name → text."""

    building = State()
    where = State()  # 🌳 公共区域: where in it, typed or skipped
    channel = State()
    room = State()
    phone = State()
    name = State()
    text = State()


@router.message(StateFilter(StaffFlow, OnBehalf), F.text.in_(labels("common-cancel")))
async def on_staff_cancel(message: Message, state: FSMContext, ctx: OrderCtx) -> None:
    """Leave any staff step (a transfer's unit list and note prompt lose their buttons; a
    merge's candidates stay, to be tapped later)."""
    values = await state.get_data()
    await state.clear()
    await _drop_buttons(message.bot, message.chat.id, values.get("units_msg"))
    await _drop_buttons(message.bot, message.chat.id, values.get("note_prompt"))
    await message.answer(ctx.t("cancel-done"), reply_markup=ctx.main_menu())


@router.callback_query(StateFilter(OnBehalf), OrderCb.filter(F.action == "obx"))
async def on_behalf_cancel(query: CallbackQuery, state: FSMContext, ctx: OrderCtx) -> None:
    """The ✖️ 取消 under a step's buttons: nothing is filed, the staff menu comes back."""
    await state.clear()
    await edit_or_send(query, ctx.t("order-behalf-cancelled"), None)
    if isinstance(query.message, Message):
        await query.message.answer(ctx.t("cancel-done"), reply_markup=ctx.main_menu())


# A stale button of another flow ("✅ 说完了", "不修改", "跳过" where a step has none …) is not a
# title, a unit, an answer, a number, a reason, a result or a request; the optional steps (the
# transfer note, the resident's room and phone) take "跳过" as their skip.
# ⬅️ 上一步 is the behalf form's own after its first step (on_behalf_back_typed): never a room,
# a name or the request.
refuse_button_labels(
    router,
    StaffFlow.title,
    StaffFlow.transfer_unit,
    StaffFlow.answer,
    StaffFlow.merge,
    StaffFlow.decline,
    StaffFlow.result,
)
# the order form: a value typed is read (on_issue_value_typed); a flow button's label is not one
refuse_button_labels(router, StaffFlow.preview, hint="err-button-not-here")
refuse_button_labels(router, OnBehalf.text, allow=("common-back",), keyboard=step_keyboard)
refuse_button_labels(router, StaffFlow.transfer_note, StaffFlow.place, allow=("common-skip",))
refuse_button_labels(
    router,
    OnBehalf.where,
    OnBehalf.room,
    OnBehalf.phone,
    OnBehalf.name,
    allow=("common-skip", "common-back"),
)


async def _drop_buttons(bot: Bot | None, chat_id: int, message_id: object) -> None:
    """A step's inline buttons (跳过, units used before) once the step is over: used, answered
    by typing, or left."""
    if bot is None or not isinstance(message_id, int):
        return
    # already without buttons, or gone: nothing to take away
    with contextlib.suppress(TelegramBadRequest):
        await bot.edit_message_reply_markup(chat_id=chat_id, message_id=message_id)


def _typed(message: Message) -> str | None:
    """What was typed at an optional step; None for its skip (the label, as a reply button)."""
    return None if is_skip(message.text) else message.text


# ---------------------------------------------------------------- queue and card


# the staff lists: waiting to be triaged, in progress, results waiting to be checked (验收)
_VIEWS = {
    "sq": ("order-queue-title", "order-queue-empty"),
    "sqa": ("order-active-title", "order-active-empty"),
    "sqv": ("order-verify-title", "order-verify-empty"),
    "sqo": ("order-overdue-title", "order-overdue-empty"),
}


async def _queue(ctx: OrderCtx, page: int, *, view: str = "sq") -> tuple[str, Any]:
    """One page of a staff list (`_VIEWS`), with buttons to the other two. The results to
    check are counted on their button, so a waiting queue that is empty still shows them."""
    t = ctx.t
    # what each list holds: its statuses and its filter (results to check, past the deadline)
    lists: dict[str, dict[str, Any]] = {
        "sq": {"statuses": order_service.WAITING},
        "sqa": {"statuses": order_service.IN_PROGRESS},
        "sqv": {"statuses": order_service.IN_PROGRESS, "to_verify": True},
        "sqo": {"statuses": order_service.OVERDUE_OPEN, "overdue_at": ctx.now()},
    }

    async def count(other: str) -> int:
        """How many the other list holds (the number on its button)."""
        found = await order_service.staff_queue(
            ctx.session, user=ctx.user, roles=ctx.roles, per_page=1, **lists[other]
        )
        return found.total

    result = await order_service.staff_queue(
        ctx.session, user=ctx.user, roles=ctx.roles, page=page, **lists[view]
    )
    # matters past their deadline: their own list, its button only while there are some
    overdue = result.total if view == "sqo" else await count("sqo")
    to_check = result.total if view == "sqv" else await count("sqv")
    labels_of = {
        "sq": t("order-btn-queue-waiting"),
        "sqa": t("order-btn-queue-active"),
        "sqv": t("order-btn-queue-verify", count=to_check),
    }
    if overdue or view == "sqo":
        labels_of["sqo"] = t("order-btn-queue-overdue", count=overdue)
    switch = [button(label, other, 0) for other, label in labels_of.items() if other != view]
    find = [button(t("order-btn-search"), "sfind", 0)]  # handlers.staff_search
    title, empty = _VIEWS[view]
    if not result.items:
        return t(empty), keyboard([switch, find])
    lines = [t(title, total=result.total, page=result.page + 1, pages=result.pages)]
    rows = []
    ids = [req.id for req in result.items if req.id]
    urged = await urge_counts(ctx.session, ids)
    # an order a member reported done reads as waiting for its check, not as "issued"
    checking = await order_service.awaiting_check(ctx.session, request_ids=ids)
    # who took each matter in progress (their names: staff ask who is on it)
    holders = (
        await order_service.claimants_of_requests(ctx.session, request_ids=ids)
        if view != "sq"
        else {}
    )
    where = await spots(ctx.session, result.items)  # each line's building (or public area)
    for req in result.items:
        mark = "🚨" if req.urgent else ("🔁" if req.status == RequestStatus.REOPENED else "•")
        order = checking.get(req.id or 0)
        status = t("order-verify-mark") if order is not None else status_text(t, req)
        lines.append(
            t(
                "order-queue-line",
                mark=mark,
                number=req.number,
                category=category(req.category).name(t.lang),
                place=where[req.id or 0].read_in(t),
                time=local(t, ctx.settings, req.created_at, now=ctx.now()),
                text=short(request_text(t, req.text), 24),
            )
            + (f" · {status}" if view != "sq" else "")
            + (
                f" · {t('order-queue-claimants', names=Listing(names))}"
                if (names := holders.get(req.id or 0))
                else ""
            )
            + (f" · {_late(t, req, ctx.now())}" if view == "sqo" else "")
            + (f" · {t('urge-queue-mark', count=n)}" if (n := urged.get(req.id or 0)) else "")
        )
        if view == "sqv" and order is not None:  # straight to the result and its 验收 buttons
            rows.append([button(t("order-btn-open-order", number=order.number), "sord", order.id)])
        else:
            rows.append([button(t("order-btn-open-number", number=req.number), "sreq", req.id)])
    nav = pager(t, view, result.page, result.pages)
    if nav:
        rows.append(nav)
    rows.append(switch)
    rows.append(find)
    return "\n".join(lines), keyboard(rows)


@router.message(F.text.in_(labels("menu-order-queue")), IS_STAFF)
async def cmd_queue(message: Message, ctx: OrderCtx) -> None:
    """Untriaged requests: urgent first, then the oldest."""
    text, markup = await _queue(ctx, 0)
    await message.answer(text, reply_markup=markup)


def _late(t: Text, req: Request, now: datetime) -> str:
    """How long a matter is past its deadline ('超期 3 天', '超期 5 小时')."""
    deadline = req.deadline_at
    if deadline is None:
        return ""
    hours = max(1, int((now - deadline).total_seconds() // 3600))
    if hours < 48:
        return t("order-overdue-hours", count=hours)
    return t("order-overdue-days", count=hours // 24)


async def show_view(message: Message, ctx: OrderCtx, view: str) -> None:
    """A staff list named in words ('办理中的', '待验收'): its first page, as its button
    shows it."""
    text, markup = await _queue(ctx, 0, view=view)
    await message.answer(text, reply_markup=markup)


@router.callback_query(OrderCb.filter(F.action.in_(set(_VIEWS))))
async def on_queue_page(query: CallbackQuery, callback_data: OrderCb, ctx: OrderCtx) -> None:
    """Another page of the queue (or of the matters in progress, or of the results to check)."""
    text, markup = await _queue(ctx, callback_data.ref, view=callback_data.action)
    await edit_or_send(query, text, markup)


async def _card_markup(session: AsyncSession, t: Text, req: Request) -> Any:
    rid = req.id
    rows = []
    if await call_service.awaits_call(session, req=req):  # 📞 请社区回电: what came of the call
        rows.append([button(t("order-btn-called-back"), "scall", rid)])
    if req.status in (RequestStatus.NEW, RequestStatus.REOPENED):
        rows.append(
            [
                button(t("order-btn-issue"), "sissue", rid),
                button(t("order-btn-handle"), "shandle", rid),
            ]
        )
        rows.append(
            [
                button(t("order-btn-transfer"), "str", rid),
                button(t("order-btn-merge"), "smerge", rid),
            ]
        )
        rows.append(
            [
                button(t("order-btn-decline"), "sdecl", rid),
                button(t("order-btn-category"), "scat", rid),
            ]
        )
        if req.status == RequestStatus.REOPENED:
            rows.append([button(t("order-btn-close"), "sclose", rid)])
    elif req.status == RequestStatus.HANDLING:
        rows.append([button(t("order-btn-result"), "sres", rid)])
    elif req.status == RequestStatus.TRANSFERRED:
        rows.append([button(t("order-btn-answer"), "sans", rid)])
    elif req.status == RequestStatus.DONE:  # awaiting the resident's rating: or a call's
        # no phone to call: the rating is recorded after a visit (not offered as a call)
        _, phone = await order_service.contact_of(session, req=req)
        key = "order-btn-phone-rating" if phone else "order-btn-visit-rating"
        rows.append([button(t(key), "sphone", rid)])
    elif req.status == RequestStatus.ORDERED:
        orders = await order_service.orders_of_request(session, request_id=rid or 0)
        for order in orders[:1]:
            rows.append([button(t("order-btn-open-order", number=order.number), "sord", order.id)])
    if req.status in staff_place.PLACE_EDITABLE:
        rows.append([button(t("order-btn-staff-place"), "splace", rid)])
    if req.status in staff_urgency.URGENCY_EDITABLE:
        # 🚨 for a phoned-in matter or one staff judge urgent; 取消 for what triage misread
        key, to = ("order-btn-unmark-urgent", 0) if req.urgent else ("order-btn-mark-urgent", 1)
        rows.append([button(t(key), "surg", rid, to)])
    atts = await request_service.attachments(session, request_id=rid or 0)
    if atts or req.latitude is not None:
        count = len(atts) + (req.latitude is not None)  # the location is sent as one too
        rows.append([button(t("order-btn-attachments", count=count), "satt", rid)])
    return keyboard(rows) if rows else None


async def _dupes(session: AsyncSession, req: Request, triage: Any, t: Text) -> str:
    """Possible duplicates among the community's open requests (from triage)."""
    found = await _duplicates(session, req, triage)
    if not found:
        return ""
    numbers = t.join(
        t(f"order-card-duplicate-{likeness(score)}", number=f"{rid:05d}")
        for rid, score in found[:3]
    )
    return "\n" + t("order-card-duplicates", numbers=numbers)


async def _duplicates(session: AsyncSession, req: Request, triage: Any) -> list[tuple[int, float]]:
    """(request id, similarity) of likely duplicates, best first; [] without triage or words.
    A matter in a public area of the community (no building) is compared with the others in
    one as with the same grid (before, only by its grid, which a public area may lack), as the
    resident's 同一件事 does."""
    return await request_service.similar_open(
        session,
        triage,
        text=req.text,
        community_id=req.community_id,
        grid_id=req.grid_id,
        building_id=req.building_id,
        now=req.created_at,
        exclude_id=req.id,
        public=req.public_area is not None and req.building_id is None,
    )


async def _transfer_lines(ctx: OrderCtx, req: Request, typed: LongTexts) -> str:
    """The outside unit, the note and the follow-up date of the latest transfer (what was
    typed as `typed`'s tokens)."""
    t, settings = ctx.t, ctx.settings
    tr = await order_service.current_transfer(ctx.session, request_id=req.id or 0)
    if tr is None:
        return ""
    lines = [
        t(
            "order-card-transfer",
            unit=tr.unit,
            time=local(t, settings, tr.created_at, now=ctx.now()),
            note=typed(tr.note) if tr.note else "-",
        )
    ]
    if tr.answer:
        lines.append(t("order-card-transfer-answer", answer=typed(tr.answer)))
    elif req.status == RequestStatus.TRANSFERRED:
        # the unit's latest interim answer, and the follow-up as it stands (each reminder and
        # each interim answer moves it on)
        progress = await order_service.transfer_progress(ctx.session, req=req, transfer=tr)
        if progress.answer and progress.answered_at is not None:
            at = local(t, settings, progress.answered_at, now=ctx.now())
            lines.append(t("order-card-transfer-progress", time=at, answer=typed(progress.answer)))
        follow = progress.follow_up_at or order_service.transfer_follow_up_at(
            req, now=tr.created_at
        )
        follow_at = local(t, settings, follow, now=ctx.now())
        lines.append(t("order-card-transfer-follow-up", time=follow_at))
    return "\n" + "\n".join(lines)


async def _card_text(
    ctx: OrderCtx, req: Request, *, duplicates: bool, whole: bool = False
) -> Fitted:
    """A staff card's text: the request, (with `duplicates`, a new one's likely duplicates),
    how many joined it, its transfer; within one message, the longest typed texts cut (with
    `whole`, none cut, for 📄 全文)."""
    session, t = ctx.session, ctx.t
    typed = LongTexts()
    text = await request_card(session, t, ctx.settings, req, staff=True, now=ctx.now(), long=typed)
    if req.status in (RequestStatus.NEW, RequestStatus.REOPENED):
        text += await _dupes(session, req, ctx.triage if duplicates else None, t)
    if joined := await request_service.joined_count(session, request_id=req.id or 0):
        text += "\n" + t("order-card-joined", count=joined)
    text += await _transfer_lines(ctx, req, typed)
    if whole:
        return Fitted(typed.whole(text), cut=False)
    return fit_card(t, typed, text)


def _with_whole(
    t: Text, req: Request, card: Fitted, markup: InlineKeyboardMarkup | None
) -> InlineKeyboardMarkup | None:
    """The card's buttons, with 📄 全文 first when a typed text on it was cut."""
    if not card.cut:
        return markup
    rows = [[button(t("common-btn-whole-text"), "sfull", req.id)]]
    return keyboard(rows + (markup.inline_keyboard if markup else []))


async def show_card(
    event: Message | CallbackQuery,
    ctx: OrderCtx,
    req: Request,
    *,
    duplicates: bool = False,
    edit: bool = False,
) -> None:
    """The staff card of a request with the actions its status allows (and, with duplicates,
    triage's likely duplicates of a new one); with `edit`, drawn over the tapped card. It is
    the staff member's card of the request from now on, redrawn when the request changes
    (services.request_cards); the one shown before is taken away."""
    card = await _card_text(ctx, req, duplicates=duplicates)
    markup = _with_whole(ctx.t, req, card, await _card_markup(ctx.session, ctx.t, req))
    text = card.text
    if isinstance(event, CallbackQuery):
        await answer_once(event)
    message = event.message if isinstance(event, CallbackQuery) else event
    if not isinstance(message, Message):
        return
    if edit and isinstance(event, CallbackQuery) and message.text is not None:
        await _edit_card(message, message.message_id, ctx, req, text, markup)
        return
    sent = await message.answer(text, reply_markup=markup)
    await _remember_card(sent, ctx, req, text, markup)


async def _edit_card(
    where: Message, message_id: int, ctx: OrderCtx, req: Request, text: str, markup: Any
) -> None:
    """Draw the card over this message of the chat, unless it reads so already (redrawn by the
    outbox when a colleague acted: drawn again, Telegram refuses it as 'not modified')."""
    shown = card_service.shown_digest(text, stored_keyboard(markup))
    # redraws of it still queued were worked out before: sent after this one, they would take
    # it back; cancelled (committed) before it is drawn
    cancelled = await outbox.cancel_redraws(
        ctx.session, chat_id=where.chat.id, message_id=message_id
    )
    drawn = await card_service.reads(
        ctx.session, staff_id=ctx.user.id, message_id=message_id, shown=shown
    )
    if cancelled or not drawn:
        with contextlib.suppress(TelegramBadRequest):  # deleted, too old, or unchanged
            await where.bot.edit_message_text(  # type: ignore[union-attr]
                text, chat_id=where.chat.id, message_id=message_id, reply_markup=markup
            )
    if req.id is not None:  # the staff member's card of it, if it is (or none is): reads so
        await card_service.remember(
            ctx.session,
            request_id=req.id,
            staff_id=ctx.user.id,
            message_id=message_id,
            shown=shown,
            adopt=False,
        )


async def _remember_card(
    sent: Message, ctx: OrderCtx, req: Request, text: str, markup: Any, *, adopt: bool = True
) -> None:
    """This message is the staff member's card of the request (`adopt`; else only if it was
    already): redrawn when the request changes. The card shown before it is taken away:
    deleted, or, too old for Telegram to delete, saying so without its buttons."""
    if req.id is None:
        return
    older = await card_service.remember(
        ctx.session,
        request_id=req.id,
        staff_id=ctx.user.id,
        message_id=sent.message_id,
        shown=card_service.shown_digest(text, stored_keyboard(markup)),
        adopt=adopt,
    )
    if older is None or sent.bot is None:
        return
    try:
        await sent.bot.delete_message(chat_id=sent.chat.id, message_id=older)
    except TelegramBadRequest:
        with contextlib.suppress(TelegramBadRequest):  # gone, or already says so
            await sent.bot.edit_message_text(
                ctx.t("order-request-card-replaced", number=req.number),
                chat_id=sent.chat.id,
                message_id=older,
            )


def card_drawer(
    translator: Translator, settings: Settings, clock: Callable[[], datetime], triage: Any
) -> card_service.Drawer:
    """What redraws a staff member's card of a request when someone else changed it
    (services.request_cards): drawn as `show_card` draws it, in the reader's language; None
    when the request is no longer theirs to act on (moved to another grid)."""

    async def draw(
        session: AsyncSession, *, request: Request, reader: User
    ) -> tuple[str, dict[str, Any] | None] | None:
        roles = reader.role_set
        if not await order_service.is_staff_for(session, user=reader, roles=roles, obj=request):
            return None
        lang = reader.language or settings.default_language
        ctx = OrderCtx(
            session=session,
            user=reader,
            roles=roles,
            t=Text(translator, lang),
            translator=translator,
            settings=settings,
            clock=clock,
            triage=triage,
        )
        card = await _card_text(ctx, request, duplicates=True)
        markup = _with_whole(ctx.t, request, card, await _card_markup(session, ctx.t, request))
        return card.text, stored_keyboard(markup)

    return draw


@router.callback_query(OrderCb.filter(F.action == "sreq"))
async def on_card(query: CallbackQuery, callback_data: OrderCb, ctx: OrderCtx) -> None:
    """Open a request's card (scope re-checked by the service)."""
    req = await order_service.staff_view(
        ctx.session, user=ctx.user, roles=ctx.roles, request_id=callback_data.ref
    )
    await show_card(query, ctx, req, duplicates=True)


@router.callback_query(OrderCb.filter(F.action == "sfull"))
async def on_whole_card(query: CallbackQuery, callback_data: OrderCb, ctx: OrderCtx) -> None:
    """📄 全文: the staff card with every typed text whole, in as many messages as it needs."""
    req = await order_service.staff_view(
        ctx.session, user=ctx.user, roles=ctx.roles, request_id=callback_data.ref
    )
    card = await _card_text(ctx, req, duplicates=False, whole=True)
    await send_whole(query, card.text)


@router.callback_query(OrderCb.filter(F.action == "sxo"))
async def on_issue_cancel(
    query: CallbackQuery, callback_data: OrderCb, state: FSMContext, ctx: OrderCtx
) -> None:
    """The order form's 取消: the form ends (when it is the one in progress) and loses its
    buttons; the request's card comes below."""
    if await _order_draft(state, callback_data.ref) is not None:
        if await _form_overtaken(query, state, ctx, callback_data.ref):
            return
        await state.clear()
        await _drop_buttons(query.bot, ctx.user.id, getattr(query.message, "message_id", None))
    await on_card(query, callback_data, ctx)


@router.callback_query(OrderCb.filter(F.action == "satt"))
async def on_attachments(query: CallbackQuery, callback_data: OrderCb, ctx: OrderCtx) -> None:
    """Send the request's photos, voice note and location."""
    req = await order_service.staff_view(
        ctx.session, user=ctx.user, roles=ctx.roles, request_id=callback_data.ref
    )
    await answer_once(query)
    message = query.message
    if not isinstance(message, Message):
        return
    attachments = await request_service.attachments(ctx.session, request_id=req.id or 0)
    for purpose in dict.fromkeys(att.purpose for att in attachments):
        caption = ctx.t(
            "order-attachment-caption",
            number=req.number,
            purpose=ctx.t(f"order-purpose-{purpose}"),
        )
        photos = [a.file_id for a in attachments if a.kind == "photo" and a.purpose == purpose]
        if photos:
            await send_photos(message, photos, caption=caption)
        for att in attachments:
            if att.kind == "voice" and att.purpose == purpose:
                await message.answer_voice(att.file_id, caption=caption)
    if req.latitude is not None and req.longitude is not None:
        await message.answer_location(req.latitude, req.longitude)


# ---------------------------------------------------------------- issue an order


async def _order_preview(event: Message | CallbackQuery, state: FSMContext, ctx: OrderCtx) -> None:
    t, session = ctx.t, ctx.session
    values = await state.get_data()
    req = await session.get(Request, int(values["rid"]))
    assert req is not None
    cat = category(req.category)
    wanted = () if values.get("anyskill") else cat.skills
    skills = t.join(t(f"skill-{s}") for s in wanted) or t("order-issue-any-skill")
    # how many members would see it, so a draft nobody fits is noticed before publishing
    matching = await order_service.count_matching(
        session,
        community_id=req.community_id,
        grid_id=None if values.get("all") else req.grid_id,
        skills=wanted,
        now=ctx.now(),
    )
    # the title it gets unless staff type one: the matter in the resident's words, else the
    # category's name (in the reader's language)
    default = await order_service.default_title(session, req=req)
    lines = [
        t("order-issue-title", number=req.number),
        t(
            "order-issue-name",
            title=values.get("title") or title_in(default, req.category, t.lang),
        ),
        t("order-card-category", category=cat.name(t.lang)),
        t("order-issue-skills", skills=skills),
        _deadline_line(t, ctx, values, req),
        t("order-issue-area-all" if values.get("all") else "order-issue-area-grid"),
        t("order-issue-needed", count=values.get("need", 1)),
        t("order-issue-points", points=values.get("pts", 10)),
        t("order-issue-matching", count=matching),
    ]
    # a grid worker offers within their grids: no 🗺 改为全社区 for them
    wide = await user_service.whole_community(
        session, user=ctx.user, roles=ctx.roles, community_id=req.community_id
    )
    if matching == 0:
        lines.append(t("order-issue-nobody" if wide else "order-issue-nobody-grid"))
    text = "\n".join(lines)
    rid = req.id
    area = [
        button(
            t("order-btn-area-grid" if values.get("all") else "order-btn-area-all"),
            "sarea",
            rid,
            0 if values.get("all") else 1,
        )
    ]
    markup = keyboard(
        [
            [button(t("order-btn-needed", count=n), "sneed", rid, n) for n in (1, 2, 3)],
            [button(t("order-btn-points", points=p), "spts", rid, p) for p in (5, 10, 20)],
            [button(t("order-btn-hours", hours=h), "shrs", rid, h) for h in hour_choices(req)],
            [button(t("order-btn-edit-title"), "stitle", rid), *(area if wide else [])],
            [
                button(
                    t(
                        "order-btn-skills-default"
                        if values.get("anyskill")
                        else "order-btn-any-skill"
                    ),
                    "sskill",
                    rid,
                    0 if values.get("anyskill") else 1,
                )
            ],
            [button(t("order-btn-publish"), "sgo", rid), button(t("common-cancel"), "sxo", rid)],
        ]
    )
    if isinstance(event, CallbackQuery):
        if isinstance(event.message, Message) and event.message.text is not None:
            # the form is drawn over the card tapped: no longer a card to redraw
            await card_service.forget(
                session, staff_id=ctx.user.id, message_id=event.message.message_id
            )
        await edit_or_send(event, text, markup)
        if isinstance(event.message, Message) and event.message.text is not None:
            await state.update_data(form=event.message.message_id)
        return
    # the form comes again below the title typed: the one above loses its buttons (before,
    # both worked, and a tap on the old one changed or published a draft it no longer showed)
    await _drop_buttons(event.bot, event.chat.id, (await state.get_data()).get("form"))
    sent = await event.answer(text, reply_markup=markup)
    await state.update_data(form=sent.message_id)


def _deadline_line(t: Text, ctx: OrderCtx, values: dict[str, Any], req: Request) -> str:
    """办理时限 on the form: a deadline typed ('明天下午5点前') as the date and time it reads,
    else the hours tapped or typed ('3天'), else the category's."""
    if values.get("due"):
        due = datetime.fromisoformat(values["due"])
        at = local(t, ctx.settings, due, now=ctx.now())
        if word := values.get("due_word"):  # '明天下班前': which hour 下班 was taken as, said back
            clock = WORKDAY_TIMES[word].strftime("%H:%M")
            return t("order-issue-deadline-word", time=at, word=word, clock=clock)
        return t("order-issue-deadline-at", time=at)
    if minutes := values.get("mins"):  # '一个半小时': not rounded to the hour
        return t("order-issue-deadline-minutes", hours=minutes // 60, minutes=minutes % 60)
    hours = values.get("hrs") or deadline_hours(req)
    if hours >= 48 and hours % 24 == 0:  # '两周', '一个月': the days too
        return t("order-issue-deadline-days", hours=hours, days=hours // 24)
    return t("order-issue-deadline", hours=hours)


@router.callback_query(OrderCb.filter(F.action.in_(starter("sissue"))))
async def on_issue(
    query: CallbackQuery, callback_data: OrderCb, state: FSMContext, ctx: OrderCtx
) -> None:
    """The order form with the category's defaults."""
    req = await order_service.staff_view(
        ctx.session, user=ctx.user, roles=ctx.roles, request_id=callback_data.ref
    )
    if not _still_open_for("sissue", req):
        await _changed_meanwhile(query, ctx, req)
        return
    if await asks_first(query, callback_data, state, ctx.t, starting="IssueOrder"):
        return
    await state.clear()
    await state.set_state(StaffFlow.preview)
    await state.update_data(rid=req.id, need=1, pts=10, title=None)
    # 不填了 on the question whether to leave another form: the form is drawn on the question,
    # and the request's card it quotes is redrawn once the order is published (before, it kept
    # 派单 and the other actions, each then answered as out of date)
    card = origin(query, callback_data)
    direct = callback_data.model_copy(update={"action": plain(callback_data.action)}).pack()
    if card is not None and card is not query.message and _carries(card, direct):
        await state.update_data(card=card.message_id)
    await answer_once(query)
    await _order_preview(query, state, ctx)


# the order form's steps: its preview, and its title being typed (the preview's buttons still work)
_ORDER_FORM = (StaffFlow.preview.state, StaffFlow.title.state)


async def _order_draft(state: FSMContext, rid: int) -> dict[str, Any] | None:
    """The order form in progress for request `rid`, else None: a preview left (another form,
    a menu button, published, cancelled) or of another request is stale."""
    values = await state.get_data()
    if await state.get_state() not in _ORDER_FORM or values.get("rid") != rid:
        return None
    return values


async def _form_overtaken(
    event: Message | CallbackQuery, state: FSMContext, ctx: OrderCtx, rid: int
) -> bool:
    """The order form of a request a colleague handled, merged, declined … while it was being
    filled in (or the resident withdrew it): the form closes with nothing kept, the staff
    member is told who did what, when, and the request's card is redrawn — the one the form
    came from when known (the form then says what happened, without buttons), else the form
    itself becomes the card. Before, the form's buttons went on changing a draft that could
    no longer be published, and 发布工单 got the bare '…请点下方菜单重新打开'. False while
    the request can still be ordered."""
    req = await order_service.staff_view(
        ctx.session, user=ctx.user, roles=ctx.roles, request_id=rid
    )
    await ctx.session.refresh(req)  # as the colleague's action left it
    if _still_open_for("sissue", req):
        return False
    values = await state.get_data()
    await state.clear()
    said = ctx.t(
        "order-form-overtaken",
        number=req.number,
        change=await what_changed(ctx, rid),  # names the action; the card its status
    )
    chat = event.message if isinstance(event, CallbackQuery) else event
    if not isinstance(chat, Message):
        return True
    card = values.get("card") if isinstance(values.get("card"), int) else None
    if card is None:
        card = await card_service.card_of(ctx.session, request_id=rid, staff_id=ctx.user.id)
    form = values.get("form") if isinstance(values.get("form"), int) else None
    if isinstance(event, CallbackQuery) and form is None and chat.text is not None:
        form = chat.message_id  # the form tapped
    if card is not None and card != form:
        await _redraw_card(chat, card, ctx, rid)
        if form is not None and chat.bot is not None:
            with contextlib.suppress(TelegramBadRequest):  # gone, or too old to edit
                await chat.bot.edit_message_text(said, chat_id=chat.chat.id, message_id=form)
        if isinstance(event, CallbackQuery):
            await answer_once(event, ctx.t("order-form-overtaken-alert"), alert=True)
        if form is None or isinstance(event, Message):
            await chat.answer(said, reply_markup=ctx.main_menu())
        return True
    # no other card of it known: the form (drawn over the card it was opened from) becomes the
    # card again, and the staff member is told why below it
    if isinstance(event, CallbackQuery):
        await answer_once(event, ctx.t("order-form-overtaken-alert"), alert=True)
    await chat.answer(said, reply_markup=ctx.main_menu())
    if form is not None:
        await _draw_card(chat, form, ctx, req)
        return True
    await show_card(event, ctx, req, duplicates=True)
    return True


def _tweak_refusal(key: str, value: int, t: Text) -> str | None:
    """The error text for a draft value outside what the service accepts, else None."""
    if key == "need" and not 1 <= value <= MAX_MEMBERS:
        return t("order-err-members", limit=MAX_MEMBERS)
    if key == "pts" and not 0 <= value <= MAX_POINTS:
        return t("order-err-points", limit=MAX_POINTS)
    if key == "hrs" and not 1 <= value <= MAX_HOURS:
        return t("order-err-hours", limit=MAX_HOURS)
    if key in ("all", "anyskill") and value not in (0, 1):
        return t("err-stale-button")
    return None


@router.callback_query(OrderCb.filter(F.action.in_({"sneed", "spts", "shrs", "sarea", "sskill"})))
async def on_issue_tweak(
    query: CallbackQuery, callback_data: OrderCb, state: FSMContext, ctx: OrderCtx
) -> None:
    """Change the number of members, the points, the time limit or the area."""
    if await _order_draft(state, callback_data.ref) is None:
        await answer_once(query, ctx.t("err-stale-button"), alert=True)
        return
    if await _form_overtaken(query, state, ctx, callback_data.ref):
        return
    key = {"sneed": "need", "spts": "pts", "shrs": "hrs", "sarea": "all", "sskill": "anyskill"}[
        callback_data.action
    ]
    refusal = _tweak_refusal(key, callback_data.extra, ctx.t)
    if refusal:
        # a forged value never reaches the draft
        await answer_once(query, refusal, alert=True)
        return
    if key == "all" and callback_data.extra:  # a grid worker's preview has no such button
        req = await ctx.session.get(Request, callback_data.ref)
        assert req is not None  # the draft is of it
        await user_service.require_whole_community(
            ctx.session,
            user=ctx.user,
            roles=ctx.roles,
            community_id=req.community_id,
            action="order_area_all",
        )
    change: dict[str, Any] = {key: callback_data.extra, "edited": True}
    if key == "hrs":
        change |= {"due": None, "mins": None}  # a time limit tapped replaces one typed
    await state.update_data(change)
    await _order_preview(query, state, ctx)


# what the form's typed values are not: a command, or 'back' (the fallback answers both)
_NOT_A_VALUE = F.text.func(lambda text: not text.startswith("/") and not is_back(text))


@router.message(StaffFlow.preview, F.text, _NOT_A_VALUE)
async def on_issue_value_typed(message: Message, state: FSMContext, ctx: OrderCtx) -> None:
    """Points, the time limit or the members needed typed instead of tapped ('15分', '3天',
    '明天下午5点前', '4个人', or several at once: '3个人，20分，3天内'): the form comes again
    below with them (the one above loses its
    buttons). What cannot be read, or is out of range, is refused politely by the service's
    text (the error handler), and the form stays as it was."""
    if await _form_overtaken(message, state, ctx, int((await state.get_data())["rid"])):
        return
    said = order_form.read_typed_values(message.text, zone=ctx.settings.zone, now=ctx.now())
    change: dict[str, Any] = {"edited": True}
    for typed in said:  # several in one message ('3个人，20分，3天内'): each in turn
        if typed.field == "due":
            assert isinstance(typed.value, datetime)
            due = typed.value.isoformat()
            change |= {"due": due, "hrs": None, "mins": None, "due_word": typed.word}
        elif typed.field in {"hrs", "mins"}:  # one replaces the other and a deadline typed
            change |= {"hrs": None, "mins": None, "due": None, typed.field: typed.value}
        else:
            change[typed.field] = typed.value
    await state.update_data(change)
    await _order_preview(message, state, ctx)


@router.callback_query(OrderCb.filter(F.action == "stitle"))
async def on_issue_title(
    query: CallbackQuery, callback_data: OrderCb, state: FSMContext, ctx: OrderCtx
) -> None:
    """Ask for the order's title."""
    t = ctx.t
    if await _order_draft(state, callback_data.ref) is None:
        await answer_once(query, t("err-stale-button"), alert=True)
        return
    if await _form_overtaken(query, state, ctx, callback_data.ref):
        return
    await state.set_state(StaffFlow.title)
    await reply(query, t("order-ask-title"), reply_markup=cancel_keyboard(t))


@router.message(StaffFlow.title, F.text)
async def on_issue_title_typed(message: Message, state: FSMContext, ctx: OrderCtx) -> None:
    """Keep the title and show the form again; the title step's cancel keyboard gives way to
    the menu (the form's own buttons are inline), and a title cut to 60 characters says so."""
    typed = message.text or ""
    if await _form_overtaken(message, state, ctx, int((await state.get_data())["rid"])):
        return
    await state.update_data(title=typed[:60], edited=True)
    await state.set_state(StaffFlow.preview)
    key = "order-title-cut" if len(typed) > 60 else "order-title-set"
    await message.answer(ctx.t(key), reply_markup=ctx.main_menu())
    await _order_preview(message, state, ctx)


@router.callback_query(OrderCb.filter(F.action == "sgo"))
async def on_issue_publish(
    query: CallbackQuery, callback_data: OrderCb, state: FSMContext, ctx: OrderCtx
) -> None:
    """下单: the order goes out to matching members."""
    t = ctx.t
    values = await _order_draft(state, callback_data.ref)
    if values is None:  # published already (a double tap), left or cancelled
        await answer_once(query, t("err-stale-button"), alert=True)
        return
    if await _form_overtaken(query, state, ctx, callback_data.ref):
        return
    try:
        out = await order_service.issue_order(
            ctx.session,
            user=ctx.user,
            roles=ctx.roles,
            request_id=callback_data.ref,
            spec=order_service.OrderSpec(
                title=values.get("title"),
                members_needed=int(values.get("need", 1)),
                points=int(values.get("pts", 10)),
                deadline_at=_deadline(values, ctx),
                community_wide=bool(values.get("all")),
                skills=() if values.get("anyskill") else None,
            ),
            now=ctx.now(),
        )
    except Conflict as exc:  # a colleague acted in the same moment
        if exc.key != "order-err-changed" or not await _form_overtaken(
            query, state, ctx, callback_data.ref
        ):
            raise
        return
    await state.clear()
    assert out.order is not None
    offered = sum(1 for n in out.notices if n.kind == "member-offer")
    text = t("order-issued", number=out.order.number, count=offered)
    markup = None
    # a grid worker widens it within the grid (services.orders.offer_to_all keeps the grid)
    wide = await user_service.whole_community(
        ctx.session, user=ctx.user, roles=ctx.roles, community_id=out.order.community_id
    )
    end = "" if wide else "-grid"
    offer_all = keyboard([[button(t("order-btn-offer-all" + end), "sall", out.order.id)]])
    if offered == 0:
        # nobody has the skills (or nobody serves the area): the order would stay invisible
        text += "\n\n" + t("order-issued-nobody" + end)
        markup = offer_all
    elif offered < out.order.members_needed:
        # fewer fit than it needs: it could never be fully claimed among them
        need = out.order.members_needed
        text += "\n\n" + t("order-issued-too-few" + end, count=offered, need=need)
        markup = offer_all
    await ctx.deliver(out.pending)
    offers_held = await _held_offers(ctx, out.order)
    text += offers_held
    # the resident's 已派单 notice waits for the morning too: said when it goes
    held = await resident_hears_at(ctx.session, t, ctx.settings, out, now=ctx.now())
    if held is not None:
        lead = "no" if offers_held else "yes"  # the 🌙 line above says it is quiet hours
        gap = "\n" if offers_held else "\n\n"
        text += gap + t("order-issued-resident-night", at=held, lead=lead)
    if values.get("card") and isinstance(query.message, Message):
        await _redraw_card(query.message, int(values["card"]), ctx, callback_data.ref)
        await edit_or_send(query, text, markup)
        return
    await edit_or_send(query, text, markup)
    # the form was drawn over the card it was opened from: the card comes below as the request
    # now is (已派单, its order's actions), as after the form's 取消 (before, the staff member
    # was left with the line above and no card of it, and a colleague's change redrew nothing)
    req = await order_service.staff_view(
        ctx.session, user=ctx.user, roles=ctx.roles, request_id=callback_data.ref
    )
    await ctx.session.refresh(req)
    await show_card(query, ctx, req)


def _deadline(values: dict[str, Any], ctx: OrderCtx) -> datetime | None:
    """The order's deadline from the form: a deadline typed (still ahead: the form may have been
    left open past it), else the hours from now, else None (the category's)."""
    if values.get("due"):
        return order_form.check_due(datetime.fromisoformat(values["due"]), now=ctx.now())
    if values.get("mins"):
        return ctx.now() + timedelta(minutes=max(60, min(int(values["mins"]), MAX_HOURS * 60)))
    if values.get("hrs"):
        return ctx.now() + timedelta(hours=max(1, min(int(values["hrs"]), MAX_HOURS)))
    return None


async def _held_offers(ctx: OrderCtx, order: Any) -> str:
    """At night: when the members told of a just-issued order will get the offer."""
    held, first = await order_service.offers_held(ctx.session, order=order, now=ctx.now())
    if not held or first is None:
        return ""
    when = local(ctx.t, ctx.settings, first, now=ctx.now())
    return "\n\n" + ctx.t("order-offers-held", count=held, time=when)


async def _redraw_card(where: Message, message_id: int, ctx: OrderCtx, request_id: int) -> None:
    """A request's card elsewhere in the chat shows the request as it now is."""
    req = await order_service.staff_view(
        ctx.session, user=ctx.user, roles=ctx.roles, request_id=request_id
    )
    await ctx.session.refresh(req)  # as the action just committed left it
    await _draw_card(where, message_id, ctx, req)


async def _draw_card(
    where: Message, message_id: int, ctx: OrderCtx, req: Request, *, buttons: bool = True
) -> None:
    """Draw `req` over its card `message_id` in the chat of `where` (as show_card draws it,
    with a new one's likely duplicates); without `buttons` for a reader no longer acting for
    it (a grid worker who moved it out of their grid)."""
    card = await _card_text(ctx, req, duplicates=True)
    markup = await _card_markup(ctx.session, ctx.t, req) if buttons else None
    markup = _with_whole(ctx.t, req, card, markup) if buttons else markup
    await _edit_card(where, message_id, ctx, req, card.text, markup)


def _card_above(query: CallbackQuery, request_id: int) -> int | None:
    """The request's card a list (🏷 改分类's categories, 📍 改地点's buildings) was opened
    from: the id of the message the list quotes, when it is that request's card; else None."""
    message = query.message
    above = message.reply_to_message if isinstance(message, Message) else None
    return above.message_id if above is not None and is_card_of(above, request_id) else None


def _quoting(query: CallbackQuery) -> dict[str, Any]:
    """reply()'s arguments quoting the card a list is opened from (when its button was on
    it), so that the choice redraws that card (`_card_above`) rather than sending another."""
    message = query.message
    if not isinstance(message, Message) or not _carries(message, query.data or ""):
        return {}
    quoted = ReplyParameters(message_id=message.message_id, allow_sending_without_reply=True)
    return {"reply_parameters": quoted}


def _carries(message: Message, data: str) -> bool:
    """The message has the button (not a forged tap quoting another message)."""
    rows = message.reply_markup.inline_keyboard if message.reply_markup else []
    return any(key.callback_data == data for row in rows for key in row)


@router.callback_query(OrderCb.filter(F.action == "sall"))
async def on_offer_all(query: CallbackQuery, callback_data: OrderCb, ctx: OrderCtx) -> None:
    """Offer an order nobody fits to every approved member of the community."""
    try:
        out = await order_service.offer_to_all(
            ctx.session, user=ctx.user, roles=ctx.roles, order_id=callback_data.ref, now=ctx.now()
        )
    except Conflict as exc:
        # taken, cancelled … meanwhile: the message tapped (the notice that nobody fits, the
        # issue's answer) becomes the order's card as it now stands (before, the bare
        # '…请点下方菜单重新打开')
        message = query.message
        if exc.key != "order-err-changed" or not isinstance(message, Message):
            raise
        if message.text is None or not _carries(message, query.data or ""):
            raise
        order = await order_service.get_order(ctx.session, callback_data.ref)
        if await stale_list(query, ctx, order.request_id):  # the request's card, redrawn
            return
        await answer_once(query, ctx.t("order-changed-redrawn"), alert=True)
        await draw_card(message.bot, ctx, callback_data.ref, message.chat.id, message.message_id)
        return
    assert out.order is not None
    count = len(out.notices)
    key = "order-offered-all" if out.order.grid_id is None else "order-offered-grid"
    key += "" if count else "-none"
    await ctx.deliver(out.pending)
    text = ctx.t(key, number=out.order.number, count=count) + await _held_offers(ctx, out.order)
    await edit_or_send(query, text, None)


# ---------------------------------------------------------------- other triage actions


async def _merge_buildings_warning(ctx: OrderCtx, req: Request | None) -> str:
    """A merge across buildings, said on its confirmation: the two places, to check it is one
    matter (before, nothing said so)."""
    if req is None or req.merged_into_id is None:
        return ""
    apart = await places_apart(ctx.session, req, req.merged_into_id)
    if apart is None:
        return ""
    here, there = apart
    return "\n" + ctx.t(
        "order-merged-apart",
        number=req.number,
        into=f"{req.merged_into_id:05d}",
        here=here.read_in(ctx.t),
        there=there.read_in(ctx.t),
    )


# what staff are told after an action that tells the resident, and its words for the night,
# when quiet hours hold the resident's notice till the morning ('会在 7:00 收到', not '已告知')
_TOLD_AT_NIGHT = {
    "order-answer-recorded": "order-answer-recorded-night",
    "order-declined": "order-declined-night",
    "order-result-sent": "order-result-sent-night",
    "order-closed": "order-closed-night",
}


async def _done(
    event: Message | CallbackQuery, ctx: OrderCtx, key: str, out: Any, *, card: object = None
) -> None:
    """Tell staff what was done (with their menu back); queue the notices it caused. `card`:
    the message id of the request's card the action started from, redrawn as it now is."""
    # a merge says into which request (its number as everyone sees it)
    into = getattr(out.request, "merged_into_id", None)
    args: dict[str, Any] = {"into": f"{into:05d}"} if into else {}
    if key in _TOLD_AT_NIGHT:  # quiet hours hold the resident's notice: said when it goes
        held = await resident_hears_at(ctx.session, ctx.t, ctx.settings, out, now=ctx.now())
        if held is not None:
            key = _TOLD_AT_NIGHT[key]
            args["at"] = held
    text = ctx.t(key, number=out.request.number, **args)
    if key == "order-merged":
        text += await _merge_buildings_warning(ctx, out.request)
    await reply(event, text, reply_markup=ctx.main_menu())
    chat = event.message if isinstance(event, CallbackQuery) else event
    if isinstance(card, int) and isinstance(chat, Message):
        await _redraw_card(chat, card, ctx, int(out.request.id or 0))
    await ctx.deliver(out.pending)


@router.callback_query(OrderCb.filter(F.action == "shandle"))
async def on_handle(query: CallbackQuery, callback_data: OrderCb, ctx: OrderCtx) -> None:
    """Staff take it on themselves: the card tapped reads 社区办理中 with 📝 填写结果 (before,
    it stayed 待受理 with 派单 and the rest, and a second card came below); a tap quoting
    another message gets the card below."""
    try:
        out = await order_service.handle_directly(
            ctx.session,
            user=ctx.user,
            roles=ctx.roles,
            request_id=callback_data.ref,
            now=ctx.now(),
        )
    except Conflict as exc:  # a colleague acted first: the card tapped reads as it now is
        await _changed_on_tap(query, ctx, exc, callback_data.ref)
        return
    here = isinstance(query.message, Message) and _carries(query.message, query.data or "")
    card = query.message.message_id if here and query.message is not None else None
    await _done(query, ctx, "order-handling", out, card=card)
    if out.request is not None and card is None:
        await show_card(query, ctx, out.request)


# What each action moves a request to (or, for the transfer's answer and staff's own result, the
# one state it is recorded in): a card tapped after someone else acted is not asked about again.
_ACTION_TARGETS = {
    "sissue": RequestStatus.ORDERED,
    "str": RequestStatus.TRANSFERRED,
    "smerge": RequestStatus.MERGED,
    "sdecl": RequestStatus.DECLINED,
}
_ACTION_STATES = {"sans": RequestStatus.TRANSFERRED, "sres": RequestStatus.HANDLING}


def _still_open_for(action: str, req: Request) -> bool:
    """True if the request's status still allows the action a card's button offered."""
    if action in _ACTION_STATES:
        return req.status == _ACTION_STATES[action]
    return can_transition("request", str(req.status), _ACTION_TARGETS[action])


async def _changed_meanwhile(query: CallbackQuery, ctx: OrderCtx, req: Request) -> None:
    """An old card's button: say it was handled meanwhile, and redraw the card tapped as the
    request now stands (before, it kept its old buttons and a second card came below it); a
    tap quoting another message (不填了 on the question asked first) gets the card below."""
    if isinstance(query.message, Message) and _carries(query.message, query.data or ""):
        await answer_once(query, ctx.t("order-changed-redrawn"), alert=True)
        await show_card(query, ctx, req, duplicates=True, edit=True)
        return
    await answer_once(query, ctx.t("order-err-changed"), alert=True)
    await show_card(query, ctx, req)


async def _changed_on_tap(
    query: CallbackQuery, ctx: OrderCtx, exc: Conflict, request_id: int
) -> None:
    """A one-tap action (直接办理, 结案) refused as out of date: the card tapped is redrawn as
    the request now stands (`_changed_meanwhile`); a matter moved away is the error
    handler's (no longer theirs to see)."""
    if isinstance(exc, MovedAway):
        raise exc
    req = await order_service.staff_view(
        ctx.session, user=ctx.user, roles=ctx.roles, request_id=request_id
    )
    await ctx.session.refresh(req)  # as the colleague's action left it
    await _changed_meanwhile(query, ctx, req)


@contextlib.asynccontextmanager
async def _redrawn_if_changed(
    query: CallbackQuery, ctx: OrderCtx, request_id: int
) -> AsyncIterator[None]:
    """A list about a request (📍 改地点's buildings and grids, 合并's candidates) tapped after
    the request changed so that it no longer applies (finished, merged, closed …): the card
    the list came from is redrawn and the list says it is out of date (`stale_list`); with no
    such card known, the message tapped is redrawn as the request's card now stands, with
    '卡片已更新为最新状态' (`_changed_on_tap`). Other refusals go on to the error handler."""
    try:
        yield
    except Conflict as exc:
        if exc.key != "order-err-changed":
            raise
        # the card the list came from (quoted, else remembered) is redrawn, the list says it
        # is out of date (before, the list became a second copy of the card)
        above = _card_above(query, request_id)
        if await stale_list(query, ctx, request_id, card=above):
            return
        await _changed_on_tap(query, ctx, exc, request_id)


async def what_changed(ctx: OrderCtx, request_id: int) -> str:
    """Who last moved the request (or one of its orders) on, and when (order_ui.changed_by)."""
    return await changed_by(ctx.session, ctx.t, ctx.settings, request_id=request_id, now=ctx.now())


async def stale_list(
    query: CallbackQuery,
    ctx: OrderCtx,
    request_id: int,
    *,
    card: int | None = None,
    key: str = "order-list-stale",
) -> bool:
    """A stale list about a request (a building list, merge candidates, 改派's members, 📣 发给
    全社区, an older order card) tapped: the request's card it came from (`card`, else the staff
    member's card of it as remembered) is redrawn in place, and the message tapped becomes a
    short note of who did what, when, without buttons; the tap gets a short alert. False (and
    nothing done) when no such card is known, or the tap is not on the message's own button:
    the caller answers as before (the message tapped redrawn as the card, once)."""
    message = query.message
    if not isinstance(message, Message) or message.text is None:
        return False
    if not _carries(message, query.data or ""):
        return False
    if card is None:
        card = await card_service.card_of(ctx.session, request_id=request_id, staff_id=ctx.user.id)
    if card is None or card == message.message_id:
        return False
    await _redraw_card(message, card, ctx, request_id)
    note = ctx.t(key, change=await what_changed(ctx, request_id))
    await answer_once(query, ctx.t("order-list-stale-alert"), alert=True)
    with contextlib.suppress(TelegramBadRequest):  # gone, or too old to edit
        await message.edit_text(note, reply_markup=None)
    return True


async def _overtaken(
    event: Message | CallbackQuery, state: FSMContext, ctx: OrderCtx, exc: Conflict
) -> None:
    """A step's request a colleague acted on while it was being typed (declined, merged,
    transferred, answered, handled): the step ends — before, it stayed, and whatever was typed
    next was tried again and refused with words about a button — and the staff member is told
    so, with the card as the request now stands. A matter moved to another grid is answered as
    the error handler answers it (it is no longer theirs to see)."""
    values = await state.get_data()
    await state.clear()
    chat = event.message if isinstance(event, CallbackQuery) else event
    if isinstance(chat, Message):
        await _drop_buttons(chat.bot, chat.chat.id, values.get("note_prompt"))
    if isinstance(exc, MovedAway) or not values.get("rid"):
        raise exc
    req = await order_service.staff_view(
        ctx.session, user=ctx.user, roles=ctx.roles, request_id=int(values["rid"])
    )
    await ctx.session.refresh(req)  # as the colleague's action left it
    said = ctx.t("order-step-overtaken", number=req.number, status=status_text(ctx.t, req))
    await reply(event, said, reply_markup=ctx.main_menu())
    if isinstance(values.get("card"), int) and isinstance(chat, Message):
        await _redraw_card(chat, int(values["card"]), ctx, int(req.id or 0))
    await show_card(event, ctx, req)


_PROMPTS = {
    "str": (StaffFlow.transfer_unit, "order-ask-transfer-unit"),
    "sans": (StaffFlow.answer, "order-ask-answer"),
    "smerge": (StaffFlow.merge, "order-ask-merge"),
    "sdecl": (StaffFlow.decline, "order-ask-decline"),
    "sres": (StaffFlow.result, "order-ask-result"),
}
# each prompt's form, by name (form-name), for the question when another form is half filled
_FORM_OF = {
    "str": "Transfer",
    "sans": "TransferAnswer",
    "smerge": "Merge",
    "sdecl": "Decline",
    "sres": "StaffResult",
}


@router.callback_query(OrderCb.filter(F.action.in_(starter(*_PROMPTS))))
async def on_prompt(
    query: CallbackQuery, callback_data: OrderCb, state: FSMContext, ctx: OrderCtx
) -> None:
    """Ask for the text an action needs (unit, answer, number, reason, result)."""
    t, action = ctx.t, plain(callback_data.action)
    req = await order_service.staff_view(
        ctx.session, user=ctx.user, roles=ctx.roles, request_id=callback_data.ref
    )
    if not _still_open_for(action, req):
        await _changed_meanwhile(query, ctx, req)
        return
    step, key = _PROMPTS[action]
    if await asks_first(query, callback_data, state, t, starting=_FORM_OF[action]):
        return
    await state.clear()
    await state.set_state(step)
    await state.update_data(rid=req.id)
    # the card the action was tapped on: redrawn once the step is done (before, it went on
    # reading 待受理 with 派单 and the rest, each then answered as handled by someone else)
    card = origin(query, callback_data)
    if card is not None and _carries(
        card, callback_data.model_copy(update={"action": action}).pack()
    ):
        await state.update_data(card=card.message_id)
    await reply(query, t(key, number=req.number), reply_markup=cancel_keyboard(t))
    if action == "smerge":
        # likely duplicates as buttons; typing a number still works
        found = await _duplicates(ctx.session, req, ctx.triage)
        if found:
            rows = [
                [button(t("order-btn-merge-into", number=f"{rid:05d}"), "smgo", req.id, rid)]
                for rid, _ in found[:3]
            ]
            if isinstance(query.message, Message):  # its buttons go once merged
                listed = await query.message.answer(
                    t("order-merge-candidates"), reply_markup=keyboard(rows)
                )
                await state.update_data(repeat_msg=listed.message_id)
    if action == "str":
        # units this community handed matters to before (its category's first): one tap
        units = await order_service.recent_transfer_units(ctx.session, request=req)
        if units:
            await state.update_data(units=units)
            buttons = [button(short(unit, 20), "stru", req.id, i) for i, unit in enumerate(units)]
            rows = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
            if isinstance(query.message, Message):
                listed = await query.message.answer(
                    t("order-transfer-recent"), reply_markup=keyboard(rows)
                )
                await state.update_data(units_msg=listed.message_id)


@router.callback_query(OrderCb.filter(F.action == "smgo"))
async def on_merge_chosen(
    query: CallbackQuery, callback_data: OrderCb, state: FSMContext, ctx: OrderCtx
) -> None:
    """Merge into the candidate tapped (the service re-checks scope and the target)."""
    values = await state.get_data()
    # the merge step, or the decline step whose reason said it repeats another (offered there)
    steps = {StaffFlow.merge.state, StaffFlow.decline.state}
    asking = await state.get_state() in steps and values.get("rid") == callback_data.ref
    try:
        out = await order_service.merge(
            ctx.session,
            user=ctx.user,
            roles=ctx.roles,
            request_id=callback_data.ref,
            into_number=f"{callback_data.extra:05d}",
            now=ctx.now(),
        )
    except Conflict as exc:
        if not asking:  # an old list of candidates: redrawn as the card, when out of date
            async with _redrawn_if_changed(query, ctx, callback_data.ref):
                raise
            return
        await _overtaken(query, state, ctx, exc)
        return
    # the merge step ends here; another form in progress (an old list tapped) stays as it is
    if asking:
        await state.clear()
        await _drop_offer(query, values)
    tapped = query.message
    step_list = asking and values.get("repeat_msg") == getattr(tapped, "message_id", None)
    if isinstance(tapped, Message) and not step_list:
        # the list tapped is spent: merged (the step's own list went with the step)
        await _drop_buttons(tapped.bot, tapped.chat.id, tapped.message_id)
    await _done(query, ctx, "order-merged", out, card=values.get("card") if asking else None)


@router.message(StaffFlow.transfer_unit, F.text)
async def on_transfer_unit(message: Message, state: FSMContext, t: Text) -> None:
    """The unit typed; then an optional note (the units used before are no longer offered)."""
    values = await state.get_data()
    await _drop_buttons(message.bot, message.chat.id, values.get("units_msg"))
    await _ask_transfer_note(message, state, t, message.text or "")


@router.callback_query(OrderCb.filter(F.action == "stru"))
async def on_transfer_unit_chosen(
    query: CallbackQuery, callback_data: OrderCb, state: FSMContext, ctx: OrderCtx
) -> None:
    """A unit used before, tapped: the same as typing it. Only while this request's transfer
    asks for its unit (an old list, or one of another request, is stale)."""
    values = await state.get_data()
    units = values.get("units") or []
    if (
        await state.get_state() != StaffFlow.transfer_unit.state
        or values.get("rid") != callback_data.ref
        or not 0 <= callback_data.extra < len(units)
    ):
        await answer_once(query, ctx.t("err-stale-button"), alert=True)
        return
    unit = str(units[callback_data.extra])
    await edit_or_send(query, ctx.t("order-transfer-chosen", unit=unit), None)
    await _ask_transfer_note(query, state, ctx.t, unit)


async def _ask_transfer_note(
    event: Message | CallbackQuery, state: FSMContext, t: Text, unit: str
) -> None:
    await state.update_data(unit=unit, units_msg=None)  # the list is answered either way
    await state.set_state(StaffFlow.transfer_note)
    if isinstance(event, CallbackQuery):
        await answer_once(event)
    target = event.message if isinstance(event, CallbackQuery) else event
    if not isinstance(target, Message):
        return
    prompt = await target.answer(
        t("order-ask-transfer-note"),
        reply_markup=keyboard([[button(t("common-skip"), "oskip")]]),
    )
    # its 跳过 goes once the note is typed or skipped (or the step is left)
    await state.update_data(note_prompt=prompt.message_id)


async def _transfer(
    event: Message | CallbackQuery, note: str | None, state: FSMContext, ctx: OrderCtx
) -> None:
    values = await state.get_data()
    try:
        out = await order_service.transfer(
            ctx.session,
            user=ctx.user,
            roles=ctx.roles,
            request_id=int(values["rid"]),
            unit=str(values.get("unit", "")),
            note=note,
            now=ctx.now(),
        )
    except Conflict as exc:
        await _overtaken(event, state, ctx, exc)
        return
    await state.clear()
    prompt = event.message if isinstance(event, CallbackQuery) else event
    if isinstance(prompt, Message):
        await _drop_buttons(prompt.bot, prompt.chat.id, values.get("note_prompt"))
    # an urgent matter is followed up within hours, not days: say when
    req = out.request
    assert req is not None
    follow = order_service.transfer_follow_up_at(req, now=ctx.now())
    follow_at = local(ctx.t, ctx.settings, follow, now=ctx.now())
    text = ctx.t("order-transferred", number=req.number, time=follow_at)
    await reply(event, text, reply_markup=ctx.main_menu())
    if isinstance(values.get("card"), int) and isinstance(prompt, Message):
        await _redraw_card(prompt, int(values["card"]), ctx, int(req.id or 0))
    await ctx.deliver(out.pending)


@router.message(StaffFlow.transfer_note, F.text)
async def on_transfer_note(message: Message, state: FSMContext, ctx: OrderCtx) -> None:
    """Transfer with the note typed (or without one: "跳过" as a reply button)."""
    await _transfer(message, _typed(message), state, ctx)


@router.callback_query(StaffFlow.transfer_note, OrderCb.filter(F.action == "oskip"))
async def on_transfer_skip(query: CallbackQuery, state: FSMContext, ctx: OrderCtx) -> None:
    """Transfer without a note."""
    await _transfer(query, None, state, ctx)


@router.message(StaffFlow.answer, F.text)
async def on_answer_typed(message: Message, state: FSMContext, t: Text) -> None:
    """The unit's answer: solved or not? Typed again, the new text replaces it (shown back, so
    staff see what the resident will be told)."""
    values = await state.get_data()
    await state.update_data(answer=message.text)
    rid = int(values["rid"])
    # the question asked for an answer typed before goes: its buttons would record this one
    await _drop_buttons(message.bot, message.chat.id, values.get("answer_prompt"))
    asked = await message.answer(
        echoing(t, "order-ask-answer-solved", typed={"answer": message.text or ""}),
        reply_markup=keyboard(
            [
                [
                    button(t("order-btn-solved"), "sansok", rid),
                    button(t("order-btn-not-solved"), "sansno", rid),
                ],
                [button(t("order-btn-in-progress"), "sansgo", rid)],
            ]
        ),
    )
    await state.update_data(answer_prompt=asked.message_id)


async def _drop_answer_buttons(query: CallbackQuery) -> None:
    """已解决 / 未解决 / 还在办 tapped and recorded: the question keeps no buttons to tap
    again (they stayed, and a second tap was answered only '按钮已经失效')."""
    if isinstance(query.message, Message):
        await _drop_buttons(query.message.bot, query.message.chat.id, query.message.message_id)


@router.callback_query(StaffFlow.answer, OrderCb.filter(F.action == "sansgo"))
async def on_answer_progress(
    query: CallbackQuery, callback_data: OrderCb, state: FSMContext, ctx: OrderCtx
) -> None:
    """An interim answer ("已派人，预计周二修好"): the resident is told how it stands, the
    matter stays transferred and is followed up again."""
    values = await state.get_data()
    try:
        out = await order_service.record_transfer_progress(
            ctx.session,
            user=ctx.user,
            roles=ctx.roles,
            request_id=callback_data.ref,
            answer=str(values.get("answer", "")),
            now=ctx.now(),
        )
    except Conflict as exc:
        await _overtaken(query, state, ctx, exc)
        return
    await state.clear()
    await _drop_answer_buttons(query)
    req = out.request
    assert req is not None
    follow = order_service.transfer_follow_up_at(req, now=ctx.now())
    follow_at = local(ctx.t, ctx.settings, follow, now=ctx.now())
    held = await order_notices.held_for_night(
        ctx.session, out.notices, chat_id=req.resident_id, now=ctx.now()
    )
    if held is not None:  # quiet hours hold the resident's notice: said when it goes
        at = local(ctx.t, ctx.settings, held, now=ctx.now())
        text = ctx.t("order-progress-recorded-night", number=req.number, time=follow_at, at=at)
    else:
        text = ctx.t("order-progress-recorded", number=req.number, time=follow_at)
    await reply(query, text, reply_markup=ctx.main_menu())
    card = values.get("card")
    if isinstance(card, int) and isinstance(query.message, Message):
        await _redraw_card(query.message, card, ctx, int(req.id or 0))
    await ctx.deliver(out.pending)


@router.callback_query(StaffFlow.answer, OrderCb.filter(F.action.in_({"sansok", "sansno"})))
async def on_answer_done(
    query: CallbackQuery, callback_data: OrderCb, state: FSMContext, ctx: OrderCtx
) -> None:
    """Record the unit's answer; the resident is told."""
    values = await state.get_data()
    try:
        out = await order_service.record_transfer_answer(
            ctx.session,
            user=ctx.user,
            roles=ctx.roles,
            request_id=callback_data.ref,
            answer=str(values.get("answer", "")),
            resolved=callback_data.action == "sansok",
            now=ctx.now(),
        )
    except Conflict as exc:
        await _overtaken(query, state, ctx, exc)
        return
    await state.clear()
    await _drop_answer_buttons(query)
    await _done(query, ctx, "order-answer-recorded", out, card=values.get("card"))


@router.message(StaffFlow.merge, F.text)
async def on_merge_typed(message: Message, state: FSMContext, ctx: OrderCtx) -> None:
    """Merge into the request with the number typed."""
    await _merge_typed(message, state, ctx, message.text or "")


async def _merge_typed(message: Message, state: FSMContext, ctx: OrderCtx, number: str) -> None:
    """The step's matter merged into the request numbered `number`."""
    values = await state.get_data()
    try:
        out = await order_service.merge(
            ctx.session,
            user=ctx.user,
            roles=ctx.roles,
            request_id=int(values["rid"]),
            into_number=number,
            now=ctx.now(),
        )
    except Conflict as exc:
        await _overtaken(message, state, ctx, exc)
        return
    await state.clear()
    await _drop_offer(message, values)
    await _done(message, ctx, "order-merged", out, card=values.get("card"))


@router.message(StaffFlow.decline, F.text)
async def on_decline_typed(message: Message, state: FSMContext, ctx: OrderCtx) -> None:
    """Decline with the reason typed. A reason saying the matter repeats another ('重复了',
    '和00003是一回事', '跟上一单一样') offers to merge it instead: 🔗 并入 the matters it names
    (or its likely duplicates), and ❌ 仍然不受理; the same reason typed again declines, a
    number typed then merges into it."""
    values = await state.get_data()
    reason = message.text or ""
    repeats = smalltalk.repeats_of(reason)
    if values.get("repeat") and re.fullmatch(r"\s*\d{1,6}\s*", reason):
        await _merge_typed(message, state, ctx, reason)
        return
    if repeats is not None and values.get("repeat") != reason:
        await _offer_merge_instead(message, state, ctx, reason, repeats)
        return
    await _decline(message, state, ctx, reason)


async def _decline(
    event: Message | CallbackQuery, state: FSMContext, ctx: OrderCtx, reason: str
) -> None:
    """The decline step's matter declined with `reason`; the step ends, the card is redrawn."""
    values = await state.get_data()
    try:
        out = await order_service.decline(
            ctx.session,
            user=ctx.user,
            roles=ctx.roles,
            request_id=int(values["rid"]),
            reason=reason,
            now=ctx.now(),
        )
    except Conflict as exc:
        await _overtaken(event, state, ctx, exc)
        return
    await state.clear()
    await _drop_offer(event, values)
    await _done(event, ctx, "order-declined", out, card=values.get("card"))


async def _drop_offer(event: Message | CallbackQuery, values: dict[str, Any]) -> None:
    """The offer to merge a matter declined as a repeat loses its buttons once the step ends."""
    chat = event.message if isinstance(event, CallbackQuery) else event
    if isinstance(chat, Message):
        await _drop_buttons(chat.bot, chat.chat.id, values.get("repeat_msg"))


async def _offer_merge_instead(
    message: Message, state: FSMContext, ctx: OrderCtx, reason: str, repeats: smalltalk.Repeats
) -> None:
    """A decline's reason says the matter repeats another: 🔗 并入 each matter it names (else
    the one before it and the likely duplicates), and ❌ 仍然不受理 with the reason typed."""
    t = ctx.t
    req = await order_service.staff_view(
        ctx.session,
        user=ctx.user,
        roles=ctx.roles,
        request_id=int((await state.get_data())["rid"]),
    )
    likely = (
        []
        if repeats.numbers
        else [rid for rid, _ in await _duplicates(ctx.session, req, ctx.triage)]
    )
    found = await order_service.merge_candidates(
        ctx.session, req=req, numbers=repeats.numbers, previous=repeats.previous, likely=likely
    )
    rows = [
        [
            button(
                t(
                    "order-btn-merge-into-matter",
                    number=other.number,
                    what=fit(written_text(other.text), 20)
                    or category(other.category).name(t.lang),
                ),
                "smgo",
                req.id,
                int(other.id or 0),
            )
        ]
        for other in found
    ]
    rows.append([button(t("order-btn-decline-anyway"), "sdeclgo", req.id)])
    key = "order-decline-repeats" if found else "order-decline-repeats-none"
    await _drop_offer(message, await state.get_data())  # an earlier offer of this step
    offer = await message.answer(t(key, number=req.number), reply_markup=keyboard(rows))
    await state.update_data(repeat=reason, repeat_msg=offer.message_id)


@router.callback_query(OrderCb.filter(F.action == "sdeclgo"))
async def on_decline_anyway(
    query: CallbackQuery, callback_data: OrderCb, state: FSMContext, ctx: OrderCtx
) -> None:
    """❌ 仍然不受理 under the offer to merge: declined with the reason typed. Only while that
    matter's decline step waits on it (an old offer is stale)."""
    values = await state.get_data()
    if (
        await state.get_state() != StaffFlow.decline.state
        or values.get("rid") != callback_data.ref
        or not values.get("repeat")
    ):
        await answer_once(query, ctx.t("err-stale-button"), alert=True)
        return
    await _decline(query, state, ctx, str(values["repeat"]))


@router.message(StaffFlow.result, F.text | F.photo)
async def on_result_typed(message: Message, state: FSMContext, ctx: OrderCtx) -> None:
    """Staff's own result; the resident is asked to rate."""
    values = await state.get_data()
    photos = [message.photo[-1].file_id] if message.photo else []
    try:
        out = await order_service.staff_result(
            ctx.session,
            user=ctx.user,
            roles=ctx.roles,
            request_id=int(values["rid"]),
            note=message.text or message.caption or "",
            photos=photos,
            now=ctx.now(),
        )
    except Conflict as exc:
        await _overtaken(message, state, ctx, exc)
        return
    await state.clear()
    await _done(message, ctx, "order-result-sent", out, card=values.get("card"))


@router.callback_query(OrderCb.filter(F.action == "sclose"))
async def on_close(query: CallbackQuery, callback_data: OrderCb, ctx: OrderCtx) -> None:
    """Close a reopened matter: the card tapped reads 已结案 without its buttons (before, it
    kept 派单, 结案 and the rest)."""
    try:
        out = await order_service.close_request(
            ctx.session,
            user=ctx.user,
            roles=ctx.roles,
            request_id=callback_data.ref,
            note=None,
            now=ctx.now(),
        )
    except Conflict as exc:  # a colleague acted first: the card tapped reads as it now is
        await _changed_on_tap(query, ctx, exc, callback_data.ref)
        return
    here = isinstance(query.message, Message) and _carries(query.message, query.data or "")
    card = query.message.message_id if here and query.message is not None else None
    await _done(query, ctx, "order-closed", out, card=card)


@router.callback_query(OrderCb.filter(F.action == "surg"))
async def on_urgency(query: CallbackQuery, callback_data: OrderCb, ctx: OrderCtx) -> None:
    """🚨 标为紧急 / 取消紧急: the grid's staff are alerted (urgent only), the card is redrawn."""
    t, rid = ctx.t, callback_data.ref
    if callback_data.extra not in (0, 1):
        await answer_once(query, t("err-stale-button"), alert=True)
        return
    try:
        out = await staff_urgency.set_urgency(
            ctx.session,
            user=ctx.user,
            roles=ctx.roles,
            request_id=rid,
            urgent=bool(callback_data.extra),
            now=ctx.now(),
        )
    except Conflict:  # done, closed or merged meanwhile: said, and the card as it is now
        req = await order_service.staff_view(
            ctx.session, user=ctx.user, roles=ctx.roles, request_id=rid
        )
        await _changed_meanwhile(query, ctx, req)
        return
    await ctx.deliver(out.pending)
    req = out.request
    # the card tapped is redrawn (a tap quoting another message gets the card below)
    here = isinstance(query.message, Message) and _carries(query.message, query.data or "")
    if not out.changed:  # a colleague came first
        key = "order-urgency-already-urgent" if req.urgent else "order-urgency-already-not-urgent"
        await answer_once(query, t(key, number=req.number), alert=True)
        # this card may still offer the tap: redrawn, unless it already reads so
        current = OrderCb(action="surg", ref=rid, extra=int(not req.urgent)).pack()
        if isinstance(query.message, Message) and _carries(query.message, current):
            return
    elif req.urgent:
        alerted = sum(1 for n in out.notices if n.kind == "staff-request-card")
        text = t("order-urgency-marked", number=req.number, alerted=alerted, released=out.released)
        await answer_once(query, text, alert=True)
    else:
        await answer_once(query, t("order-urgency-unmarked", number=req.number))
    await show_card(query, ctx, req, duplicates=True, edit=here)


@router.callback_query(OrderCb.filter(F.action == "scat"))
async def on_category_menu(query: CallbackQuery, callback_data: OrderCb, ctx: OrderCtx) -> None:
    """The categories to choose from, the request's own marked, and ✖️ 取消 (before, the list
    said neither which it was in nor how to leave it without choosing one)."""
    t = ctx.t
    req = await order_service.staff_view(
        ctx.session, user=ctx.user, roles=ctx.roles, request_id=callback_data.ref
    )
    rows = [
        [
            button(
                f"✔️ {c.name(t.lang)}" if c.code == req.category else c.name(t.lang),
                "ssetcat",
                req.id,
                i,
            )
        ]
        for i, c in enumerate(catalogue())
    ]
    rows.append([button(t("common-cancel"), "scatx", req.id)])
    now_in = category(req.category).name(t.lang)
    said = t("order-choose-category-now", number=req.number, category=now_in)
    await reply(query, said, reply_markup=keyboard(rows), **_quoting(query))


@router.callback_query(OrderCb.filter(F.action == "scatx"))
async def on_category_cancel(query: CallbackQuery, ctx: OrderCtx) -> None:
    """The category list's 取消: it goes, nothing changes."""
    await edit_or_send(query, ctx.t("cancel-done"), None)


@router.callback_query(OrderCb.filter(F.action == "ssetcat"))
async def on_category_set(query: CallbackQuery, callback_data: OrderCb, ctx: OrderCtx) -> None:
    """Change the category (kept as a correction for triage): the list says so, and the card
    it was opened from reads the new category (before, it kept the old one, and a second card
    came below; a list quoting no card still gets one)."""
    t = ctx.t
    cats = catalogue()
    if not 0 <= callback_data.extra < len(cats):
        await answer_once(query, t("err-stale-button"), alert=True)
        return
    code = cats[callback_data.extra].code
    req = await order_service.staff_view(
        ctx.session, user=ctx.user, roles=ctx.roles, request_id=callback_data.ref
    )
    if req.category == code:
        # the one it is in: nothing to change (before, '已改为' it as if it had been), the list
        # stays for another choice or 取消
        said = t("order-category-same", number=req.number, category=category(code).name(t.lang))
        await answer_once(query, said)
        return
    req = await order_service.change_category(
        ctx.session,
        user=ctx.user,
        roles=ctx.roles,
        request_id=callback_data.ref,
        code=code,
        now=ctx.now(),
    )
    await edit_or_send(
        query,
        t(
            "order-category-changed",
            number=req.number,
            category=category(req.category).name(t.lang),
        ),
        None,
    )
    card = _card_above(query, req.id or 0)
    if card is not None and isinstance(query.message, Message):
        await _draw_card(query.message, card, ctx, req)
    else:
        await show_card(query, ctx, req)


# ---------------------------------------------------------------- 📍 改地点


async def _place_page(ctx: OrderCtx, rid: int, page: int) -> tuple[str, Any]:
    """One page of the request's community's buildings (a long list is paged, never cut off)
    and 🌳 公共区域 (no building: a road, a square, outside a gate); where it is, marked."""
    req, buildings = await staff_place.place_choices(
        ctx.session, user=ctx.user, roles=ctx.roles, request_id=rid
    )
    pages = max(1, -(-len(buildings) // BUILDINGS_PER_PAGE))
    page = min(max(page, 0), pages - 1)
    chunk = buildings[page * BUILDINGS_PER_PAGE : (page + 1) * BUILDINGS_PER_PAGE]
    rows = [
        [
            button(f"📍 {name}" if b.id == req.building_id else name, "splb", rid, b.id or 0)
            for b in chunk[i : i + 3]
            if (name := shown_name(b, ctx.t.lang))
        ]
        for i in range(0, len(chunk), 3)
    ]
    nav = []
    if page > 0:
        nav.append(button(ctx.t("common-prev-page"), "splp", rid, page - 1))
    if page < pages - 1:
        nav.append(button(ctx.t("common-next-page"), "splp", rid, page + 1))
    if nav:
        rows.append(nav)
    public = ctx.t("order-btn-place-public")
    rows.append([button(f"📍 {public}" if req.public_area is not None else public, "splpub", rid)])
    rows.append([button(ctx.t("common-cancel"), "splx", rid)])
    here = await place(ctx.session, req, ctx.t)
    return ctx.t("order-choose-place", number=req.number, place=here), keyboard(rows)


@router.callback_query(OrderCb.filter(F.action.in_({"splace", "splp"})))
async def on_place_menu(query: CallbackQuery, callback_data: OrderCb, ctx: OrderCtx) -> None:
    """📍 改地点: the community's buildings to choose from (another page of them), quoting
    the card it was tapped on, which the choice redraws."""
    async with _redrawn_if_changed(query, ctx, callback_data.ref):
        text, markup = await _place_page(ctx, callback_data.ref, callback_data.extra)
        if callback_data.action == "splp":
            await edit_or_send(query, text, markup)
        else:
            await reply(query, text, reply_markup=markup, **_quoting(query))


@router.callback_query(OrderCb.filter(F.action == "splx"))
async def on_place_cancel(
    query: CallbackQuery, callback_data: OrderCb, state: FSMContext, ctx: OrderCtx
) -> None:
    """The building list's 取消 (also once it asks where in a public area): it goes, nothing
    changes."""
    if await _asking_public_area(state, callback_data.ref):
        await state.clear()
    await edit_or_send(query, ctx.t("cancel-done"), None)


async def _placed(
    event: Message | CallbackQuery,
    ctx: OrderCtx,
    out: staff_place.PlaceChange,
    *,
    card: int | None,
    said_on: int | None = None,
) -> None:
    """A place chosen: staff read where it is now (the list tapped says so; a typed place is
    answered below it), the card the list came from (`card`) is redrawn as it now reads — a
    second card comes below only when there is none (before, always) — and the notices go."""
    req = out.request
    if isinstance(event, Message):  # the question's 跳过 and 取消 are done with
        await _drop_buttons(event.bot, event.chat.id, said_on)
    if not out.changed:
        said = ctx.t("order-place-same", number=req.number, place=out.place)
        if isinstance(event, CallbackQuery):
            await answer_once(event, said)
        else:
            await event.answer(said, reply_markup=ctx.main_menu())
        return
    await ctx.deliver(out.pending)
    said = ctx.t("order-place-changed", number=req.number, place=out.place, grid=out.grid)
    if isinstance(event, CallbackQuery):
        await edit_or_send(event, said, None)
    else:  # the menu back (a button label typed at the step brought the step's own keys)
        await event.answer(said, reply_markup=ctx.main_menu())
    chat = event.message if isinstance(event, CallbackQuery) else event
    if card is not None and isinstance(chat, Message):
        await _draw_card(chat, card, ctx, req, buttons=out.still_theirs)
    else:
        await show_card(event, ctx, req)


@router.callback_query(OrderCb.filter(F.action == "splb"))
async def on_place_set(query: CallbackQuery, callback_data: OrderCb, ctx: OrderCtx) -> None:
    """A building chosen: the request moves there (scope, building and state checked by the
    service); the list says so and the card it was opened from is redrawn (`_placed`)."""
    async with _redrawn_if_changed(query, ctx, callback_data.ref):
        out = await staff_place.move_place(
            ctx.session,
            user=ctx.user,
            roles=ctx.roles,
            request_id=callback_data.ref,
            building_id=callback_data.extra,
            now=ctx.now(),
        )
        await _placed(query, ctx, out, card=_card_above(query, callback_data.ref))


@router.callback_query(OrderCb.filter(F.action == "splpub"))
async def on_public_area(query: CallbackQuery, callback_data: OrderCb, ctx: OrderCtx) -> None:
    """🌳 公共区域: the list asks which grid follows it — one of the community's (where it is
    now, marked), or none (the whole community's staff) — with ⬅️ back to the buildings."""
    async with _redrawn_if_changed(query, ctx, callback_data.ref):
        await _public_area_grids(query, ctx, callback_data.ref)


async def _public_area_grids(query: CallbackQuery, ctx: OrderCtx, rid: int) -> None:
    """The list tapped asks which grid follows the request into its public area."""
    t = ctx.t
    req, grids = await staff_place.grid_choices(
        ctx.session, user=ctx.user, roles=ctx.roles, request_id=rid
    )
    chosen = [
        button(
            f"📍 {shown_name(g, t.lang)}" if g.id == req.grid_id else shown_name(g, t.lang),
            "splg",
            rid,
            g.id or 0,
        )
        for g in grids
    ]
    rows = [chosen[i : i + 3] for i in range(0, len(chosen), 3)]
    rows.append([button(t("order-btn-place-no-grid"), "splg", rid, 0)])
    rows.append(
        [button(t("common-back"), "splp", rid, 0), button(t("common-cancel"), "splx", rid)]
    )
    await edit_or_send(query, t("order-choose-place-grid", number=req.number), keyboard(rows))


async def _asking_public_area(state: FSMContext, rid: int) -> bool:
    """True while the step asking where in a public area request `rid` is waits."""
    if await state.get_state() != StaffFlow.place.state:
        return False
    return (await state.get_data()).get("rid") == rid


@router.callback_query(OrderCb.filter(F.action.in_(starter("splg"))))
async def on_public_area_grid(
    query: CallbackQuery, callback_data: OrderCb, state: FSMContext, ctx: OrderCtx
) -> None:
    """The grid chosen (0: none): the list asks where in the public area it is, to be typed
    ('东门外马路'), or 跳过. Another form half filled is asked about first."""
    t, rid = ctx.t, callback_data.ref
    found = None
    async with _redrawn_if_changed(query, ctx, rid):
        found = await staff_place.grid_choices(
            ctx.session, user=ctx.user, roles=ctx.roles, request_id=rid
        )
    if found is None:  # redrawn as the request now stands
        return
    req, grids = found
    names = {g.id: shown_name(g, t.lang) for g in grids}
    grid_id = callback_data.extra or None
    if grid_id is not None and grid_id not in names:  # a grid since removed, or made up
        await answer_once(query, t("err-stale-button"), alert=True)
        return
    if not await _asking_public_area(state, rid) and await asks_first(
        query, callback_data, state, t, starting="Place"
    ):
        return
    # the list (for 不填了 on the question asked first: the list it quotes), and the card the
    # list quotes (Telegram quotes one level: after the question, none is known)
    listing = origin(query, callback_data)
    above = listing.reply_to_message if listing is not None else None
    card = above.message_id if above is not None and is_card_of(above, rid) else None
    await state.clear()
    await state.set_state(StaffFlow.place)
    prompt = listing.message_id if listing is not None else None
    await state.update_data(rid=rid, grid=grid_id, card=card, note_prompt=prompt)
    follows = names.get(grid_id) or await grid_label(
        ctx.session, community_id=req.community_id, grid_id=None
    )
    said = t("order-ask-public-area", number=req.number, grid=follows, limit=PUBLIC_AREA_MAX)
    skip = button(t("common-skip"), "splskip", rid)
    markup = keyboard([[skip, button(t("common-cancel"), "splx", rid)]])
    await answer_once(query)
    if listing is None or query.bot is None:
        return
    with contextlib.suppress(TelegramBadRequest):  # gone meanwhile: typing still works
        await query.bot.edit_message_text(
            said, chat_id=listing.chat.id, message_id=listing.message_id, reply_markup=markup
        )


async def _to_public_area(
    event: Message | CallbackQuery, state: FSMContext, ctx: OrderCtx, where: str | None
) -> None:
    """Place the request of the step in its public area (`where`: the words typed, None for
    跳过); a colleague's change meanwhile ends the step, its card redrawn as it now is."""
    values = await state.get_data()
    rid = int(values["rid"])
    card = values.get("card") if isinstance(values.get("card"), int) else None
    try:
        out = await staff_place.move_to_public_area(
            ctx.session,
            user=ctx.user,
            roles=ctx.roles,
            request_id=rid,
            grid_id=values.get("grid"),
            where=where,
            now=ctx.now(),
        )
    except Conflict as exc:  # (words too long, or not words: InvalidInput; the step stays)
        await state.clear()
        chat = event.message if isinstance(event, CallbackQuery) else event
        if isinstance(chat, Message):
            await _drop_buttons(chat.bot, chat.chat.id, values.get("note_prompt"))
            if card is not None and not isinstance(exc, MovedAway):
                await _redraw_card(chat, card, ctx, rid)
        raise
    await state.clear()
    await _placed(event, ctx, out, card=card, said_on=values.get("note_prompt"))


@router.callback_query(StaffFlow.place, OrderCb.filter(F.action == "splskip"))
async def on_public_area_skip(
    query: CallbackQuery, callback_data: OrderCb, state: FSMContext, ctx: OrderCtx
) -> None:
    """跳过: in the public area, without words for where."""
    if not await _asking_public_area(state, callback_data.ref):
        await answer_once(query, ctx.t("err-stale-button"), alert=True)
        return
    await _to_public_area(query, state, ctx, None)


@router.message(StaffFlow.place, F.text)
async def on_public_area_typed(message: Message, state: FSMContext, ctx: OrderCtx) -> None:
    """Where in the public area it is, typed ('东门外马路'); 跳过 typed skips."""
    await _to_public_area(message, state, ctx, _typed(message))


# ---------------------------------------------------------------- file on behalf of a resident

CHANNELS = [Channel.PHONE, Channel.VISIT, Channel.HOME_VISIT, Channel.MEETING, Channel.OTHER]


@router.message(F.text.in_(labels("menu-order-on-behalf")), IS_STAFF)
async def cmd_on_behalf(message: Message, state: FSMContext, ctx: OrderCtx) -> None:
    """Choose the resident's community (when the account acts in several), then building."""
    buildings = await request_service.behalf_buildings(
        ctx.session, staff=ctx.user, roles=ctx.roles
    )
    if not buildings:
        await message.answer(ctx.t("err-not-allowed"))
        return
    await state.clear()
    await state.set_state(OnBehalf.building)
    communities = list(dict.fromkeys(b.community_id for b in buildings))
    if len(communities) > 1:
        text, markup = await _behalf_communities(ctx, communities)
    else:
        text, markup = await _behalf_building_page(ctx, state, buildings, communities[0], 0)
    await message.answer(text, reply_markup=markup)


BUILDINGS_PER_PAGE = 24  # three a row


async def _behalf_communities(ctx: OrderCtx, community_ids: list[int]) -> tuple[str, Any]:
    names = {c.id: shown_name(c, ctx.t.lang) for c in await org.list_communities(ctx.session)}
    rows = [[button(names.get(cid, str(cid)), "obcom", cid)] for cid in community_ids]
    rows.append([_cancel_button(ctx.t)])
    return ctx.t("order-behalf-community"), keyboard(rows)


async def _behalf_building_page(
    ctx: OrderCtx, state: FSMContext, buildings: list[Building], community_id: int, page: int
) -> tuple[str, Any]:
    """One page of the community's buildings in the account's scope (a long list is paged, never
    cut off), with a way back to the communities when there are several."""
    await state.update_data(behalf_community=community_id)
    mine = [b for b in buildings if b.community_id == community_id]
    pages = max(1, -(-len(mine) // BUILDINGS_PER_PAGE))
    page = min(max(page, 0), pages - 1)
    chunk = mine[page * BUILDINGS_PER_PAGE : (page + 1) * BUILDINGS_PER_PAGE]
    rows = [
        [button(shown_name(b, ctx.t.lang), "obld", b.id) for b in chunk[i : i + 3]]
        for i in range(0, len(chunk), 3)
    ]
    if nav := pager(ctx.t, "obpg", page, pages):
        rows.append(nav)
    # a matter at no building: the road outside the gate, the square
    rows.append([button(ctx.t("order-btn-place-public"), "obpub", community_id)])
    several = len({b.community_id for b in buildings}) > 1
    last = [button(ctx.t("order-btn-behalf-communities"), "obcl")] if several else []
    rows.append([*last, _cancel_button(ctx.t)])
    if several:
        names = {c.id: shown_name(c, ctx.t.lang) for c in await org.list_communities(ctx.session)}
        text = ctx.t("order-behalf-building-in", community=names.get(community_id, ""))
    else:
        text = ctx.t("order-behalf-building")
    return text, keyboard(rows)


@router.callback_query(OnBehalf.building, OrderCb.filter(F.action.in_({"obcom", "obpg", "obcl"})))
async def on_behalf_pick(
    query: CallbackQuery, callback_data: OrderCb, state: FSMContext, ctx: OrderCtx
) -> None:
    """A community chosen, another page of its buildings, or back to the communities."""
    buildings = await request_service.behalf_buildings(
        ctx.session, staff=ctx.user, roles=ctx.roles
    )
    communities = list(dict.fromkeys(b.community_id for b in buildings))
    if callback_data.action == "obcl":
        await state.update_data(behalf_community=None)  # a community to choose again
        text, markup = await _behalf_communities(ctx, communities)
    else:
        if callback_data.action == "obcom":
            community, page = callback_data.ref, 0
        else:
            community = int((await state.get_data()).get("behalf_community") or 0)
            page = callback_data.ref
        if community not in communities:
            await answer_once(query, ctx.t("err-stale-button"), alert=True)
            return
        text, markup = await _behalf_building_page(ctx, state, buildings, community, page)
    await edit_or_send(query, text, markup)


def _cancel_button(t: Text) -> Any:
    """Every step of filing for a resident can be left (DESIGN: every flow can be cancelled)."""
    return button(t("common-cancel"), "obx")


def _skip_or_cancel(t: Text, step: State) -> Any:
    """An optional step's buttons: skip it, go back a step, or leave the flow."""
    return keyboard(
        [[button(t("common-skip"), "oskip"), _back_button(t, step), _cancel_button(t)]]
    )


# the steps after the building, in order: ⬅️ 上一步 at one asks the one before again (the
# public area's question, last here, comes right after the building)
_BEHALF_STEPS = (
    OnBehalf.channel,
    OnBehalf.room,
    OnBehalf.phone,
    OnBehalf.name,
    OnBehalf.text,
    OnBehalf.where,
)


def _back_button(t: Text, step: State) -> Any:
    """⬅️ 上一步 of a step (which it names: a step's button left on an older message is
    refused once the form has moved on)."""
    return button(t("common-back"), "obbk", _BEHALF_STEPS.index(step))


async def _behalf_step_before(state: FSMContext, ctx: OrderCtx) -> tuple[str, Any] | None:
    """⬅️ 上一步: the form goes to the step before and returns its question (with what was
    entered there); None at the building, the first step."""
    step, values, t = await state.get_state(), await state.get_data(), ctx.t
    public = values.get("public") is not None
    if step == OnBehalf.channel.state and public:
        await state.set_state(OnBehalf.where)
        return _where_question(t, values.get("public") or None)
    if step == OnBehalf.phone.state and public:  # a public area has no room to ask
        await state.set_state(OnBehalf.channel)
        return t("order-behalf-channel"), _channel_markup(t)
    if step in (OnBehalf.channel.state, OnBehalf.where.state):
        buildings = await request_service.behalf_buildings(
            ctx.session, staff=ctx.user, roles=ctx.roles
        )
        community = int(values.get("behalf_community") or 0)
        if community not in {b.community_id for b in buildings}:
            return None
        await state.set_state(OnBehalf.building)
        return await _behalf_building_page(ctx, state, buildings, community, 0)
    if step == OnBehalf.room.state:
        await state.set_state(OnBehalf.channel)
        return t("order-behalf-channel"), _channel_markup(t)
    if step == OnBehalf.phone.state:
        await state.set_state(OnBehalf.room)
        await state.update_data(room_read=False)  # asked again: its answer is awaited
        question = with_current(t, t("order-behalf-room"), values.get("room"))
        return question, _skip_or_cancel(t, OnBehalf.room)
    if step == OnBehalf.name.state:
        await state.set_state(OnBehalf.phone)
        question = with_current(t, t("order-behalf-phone"), values.get("phone"))
        return question, _skip_or_cancel(t, OnBehalf.phone)
    if step == OnBehalf.text.state:
        await state.set_state(OnBehalf.name)
        question = with_current(t, t("order-behalf-name"), values.get("name"))
        return question, _skip_or_cancel(t, OnBehalf.name)
    return None


@router.callback_query(StateFilter(OnBehalf), OrderCb.filter(F.action == "obbk"))
async def on_behalf_back(
    query: CallbackQuery, callback_data: OrderCb, state: FSMContext, ctx: OrderCtx
) -> None:
    """⬅️ 上一步 under a step: the step before, in the same message."""
    step = await state.get_state()
    at = _BEHALF_STEPS[callback_data.ref] if 0 <= callback_data.ref < len(_BEHALF_STEPS) else None
    before = await _behalf_step_before(state, ctx) if at and at.state == step else None
    if before is None:
        await answer_once(query, ctx.t("err-stale-button"), alert=True)
        return
    await edit_or_send(query, *before)


@router.message(
    StateFilter(OnBehalf.where, OnBehalf.room, OnBehalf.phone, OnBehalf.name, OnBehalf.text),
    F.text.func(is_back),
)
async def on_behalf_back_typed(message: Message, state: FSMContext, ctx: OrderCtx) -> None:
    """⬅️ 上一步 (or '上一步' typed) instead of a room, a phone, a name or the request: the step
    before, asked again."""
    before = await _behalf_step_before(state, ctx)
    if before is not None:
        text, markup = before
        await message.answer(text, reply_markup=markup)


@router.callback_query(OnBehalf.building, OrderCb.filter(F.action == "obld"))
async def on_behalf_building(
    query: CallbackQuery, callback_data: OrderCb, state: FSMContext, ctx: OrderCtx
) -> None:
    """How the resident got in touch. A building outside the account's scope (a forged or
    outdated button) is refused here, not after everything else was typed."""
    t = ctx.t
    buildings = await request_service.behalf_buildings(
        ctx.session, staff=ctx.user, roles=ctx.roles
    )
    if callback_data.ref not in {b.id for b in buildings}:
        await answer_once(query, t("order-behalf-building-refused"), alert=True)
        return
    await state.update_data(building=callback_data.ref, public=None, room_read=False)
    await state.set_state(OnBehalf.channel)
    await edit_or_send(query, t("order-behalf-channel"), _channel_markup(t))


@router.message(OnBehalf.building, F.text, ~F.text.in_(all_flow_labels()), ~F.text.func(is_back))
async def on_behalf_building_typed(message: Message, state: FSMContext, ctx: OrderCtx) -> None:
    """A building typed instead of tapped ('2号楼', '2号楼501', '2栋501室'): read as a
    resident's address is, in the community shown; a room typed with it is kept and its step
    skipped. One not read is answered with the buildings there and the buttons again."""
    t, said = ctx.t, message.text or ""
    shown = (await state.get_data()).get("behalf_community")
    found = await request_service.behalf_typed_building(
        ctx.session, staff=ctx.user, roles=ctx.roles, community_id=shown, text=said
    )
    if (building := found.building) is not None:
        values: dict[str, Any] = {"building": building.id, "public": None, "unsure_said": None}
        values |= {"behalf_community": building.community_id, "room_read": bool(found.room)}
        if found.room:  # else a room entered before stays, shown at the room step
            values["room"] = found.room
        if found.says_more:  # '2号楼的灯坏了': the matter too, filed once the name is in
            values["said"] = said
        await state.update_data(values)
        await state.set_state(OnBehalf.channel)
        name = shown_name(building, t.lang)
        text = (
            t("order-behalf-building-room-read", building=name, room=found.room)
            if found.room
            else t("order-behalf-building-read", building=name)
        )
        if found.says_more:
            text = t("order-behalf-building-matter-kept", said=fit(said, 200)) + "\n" + text
        await message.answer(text, reply_markup=_channel_markup(t))
        return
    if found.unsure:  # '杨光社曲东苑': a place mistyped, or the matter? Staff say which
        await state.update_data(unsure_said=said)
        rows = [
            [
                button(t("order-btn-behalf-is-place"), "obsp"),
                button(t("order-btn-behalf-is-matter"), "obsm"),
            ],
            [_cancel_button(t)],
        ]
        await message.answer(
            t("order-behalf-place-or-matter", said=fit(said, 200)), reply_markup=keyboard(rows)
        )
        return
    await state.update_data(unsure_said=None)
    await _answer_not_read(message, state, ctx, found, said)


async def _answer_not_read(
    event: Message | CallbackQuery,
    state: FSMContext,
    ctx: OrderCtx,
    found: request_service.TypedBuilding,
    said: str,
) -> None:
    """Words at the building step that named no building of the account's: the buildings
    asked for again; the matter said kept for the request (`found.says_more`)."""
    t, shown = ctx.t, (await state.get_data()).get("behalf_community")
    picking = shown is None and found.refused is None
    text, markup = await _behalf_not_read(ctx, state, found, fit(said, 30), picking=picking)
    if found.says_more:  # '灯坏了，老人打电话来说的': the matter kept, the building asked again
        await state.update_data(said=said)
        text = t("order-behalf-building-matter-no-building", said=fit(said, 200)) + "\n" + text
    if isinstance(event, CallbackQuery):
        await edit_or_send(event, text, markup)
    else:
        await event.answer(text, reply_markup=markup)


@router.callback_query(OrderCb.filter(F.action.in_({"obsp", "obsm"})))
async def on_behalf_place_or_matter(
    query: CallbackQuery, callback_data: OrderCb, state: FSMContext, ctx: OrderCtx
) -> None:
    """Staff said what the words typed at the building step were: a place's name (the
    buildings are asked for, the words dropped) or the matter (kept for the request, the
    building asked for). Only while the building step still waits for that answer."""
    said = (await state.get_data()).get("unsure_said")
    if await state.get_state() != OnBehalf.building.state or not said:
        await answer_once(query, ctx.t("err-stale-button"), alert=True)
        return
    await state.update_data(unsure_said=None)
    shown = (await state.get_data()).get("behalf_community")
    found = await request_service.behalf_typed_building(
        ctx.session, staff=ctx.user, roles=ctx.roles, community_id=shown, text=str(said)
    )
    found = replace(found, unsure=False, says_more=callback_data.action == "obsm")
    await _answer_not_read(query, state, ctx, found, str(said))


async def _behalf_not_read(
    ctx: OrderCtx,
    state: FSMContext,
    found: request_service.TypedBuilding,
    said: str,
    *,
    picking: bool,
) -> tuple[str, Any]:
    """What a building typed but not read is answered: the buildings that can be chosen, named
    in the answer and as buttons below it (or the communities, when none is known yet). A
    community named where the communities are listed (`picking`) shows its buildings."""
    t = ctx.t
    buildings = await request_service.behalf_buildings(
        ctx.session, staff=ctx.user, roles=ctx.roles
    )
    if found.community is not None and found.community.id is not None and picking:
        # the community typed where the communities are listed ('阳光社区'): its buildings
        return await _behalf_building_page(ctx, state, buildings, found.community.id, 0)
    if found.community is None or found.community.id is None:
        communities = list(dict.fromkeys(b.community_id for b in buildings))
        names = [shown_name(c, t.lang) for c in await org.list_communities(ctx.session)]
        _, markup = await _behalf_communities(ctx, communities)
        return t("order-behalf-community-not-read", example=names[0] if names else ""), markup
    community = found.community.id
    _, markup = await _behalf_building_page(ctx, state, buildings, community, 0)
    mine = Listing(shown_name(b, t.lang) for b in buildings if b.community_id == community)
    if found.refused is not None:
        refused = shown_name(found.refused, t.lang)
        return t("order-behalf-building-not-yours", building=refused, names=mine), markup
    where = shown_name(found.community, t.lang)
    if found.says_more:  # the matter said, no building named: not a building 'not found'
        return t("order-behalf-building-which", community=where, names=mine), markup
    return t("order-behalf-building-not-read", said=said, community=where, names=mine), markup


def _where_question(t: Text, now: str | None) -> tuple[str, Any]:
    """Where in the public area (typed), with 跳过, ⬅️ 上一步 and ✖️ 取消."""
    question = with_current(t, t("order-behalf-public-area", limit=PUBLIC_AREA_MAX), now)
    return question, _skip_or_cancel(t, OnBehalf.where)


@router.callback_query(OnBehalf.building, OrderCb.filter(F.action == "obpub"))
async def on_behalf_public(
    query: CallbackQuery, callback_data: OrderCb, state: FSMContext, ctx: OrderCtx
) -> None:
    """🌳 公共区域: the matter is at no building of the community: where in it, asked."""
    buildings = await request_service.behalf_buildings(
        ctx.session, staff=ctx.user, roles=ctx.roles
    )
    if callback_data.ref not in {b.community_id for b in buildings}:
        await answer_once(query, ctx.t("order-behalf-building-refused"), alert=True)
        return
    grid = await request_service.behalf_public_grid(
        ctx.session, staff=ctx.user, roles=ctx.roles, community_id=callback_data.ref
    )
    await state.update_data(
        behalf_community=callback_data.ref, building=None, public="", public_grid=grid, room=None
    )
    await state.set_state(OnBehalf.where)
    await edit_or_send(query, *_where_question(ctx.t, None))


@router.message(OnBehalf.where, F.text)
@router.callback_query(OnBehalf.where, OrderCb.filter(F.action == "oskip"))
async def on_behalf_where(event: Message | CallbackQuery, state: FSMContext, t: Text) -> None:
    """Where in the public area ('东门外马路'; 跳过 for not said); then how the resident got in
    touch. Words that cannot be a place's are asked again at once."""
    where = ""
    if isinstance(event, Message) and (typed := _typed(event)) is not None:
        try:
            where = request_service.public_words(typed) or ""
        except InvalidInput as exc:
            await _ask_again(event, t(exc.key, **exc.args_), t, OnBehalf.where)
            return
    await state.update_data(public=where)
    await state.set_state(OnBehalf.channel)
    await reply(event, t("order-behalf-channel"), reply_markup=_channel_markup(t))


def _channel_markup(t: Text) -> Any:
    rows = [[button(t(f"order-channel-{c.value}"), "ochan", i)] for i, c in enumerate(CHANNELS)]
    rows.append([_back_button(t, OnBehalf.channel), _cancel_button(t)])
    return keyboard(rows)


@router.callback_query(OnBehalf.channel, OrderCb.filter(F.action == "ochan"))
async def on_behalf_channel(
    query: CallbackQuery, callback_data: OrderCb, state: FSMContext, t: Text
) -> None:
    """The room (optional)."""
    if not 0 <= callback_data.ref < len(CHANNELS):
        await answer_once(query, t("err-stale-button"), alert=True)
        return
    await state.update_data(channel=CHANNELS[callback_data.ref].value)
    values = await state.get_data()
    # no building, so no room; or the room was typed with the building ('2号楼501')
    if values.get("public") is not None or values.get("room_read"):
        await state.set_state(OnBehalf.phone)
        await edit_or_send(query, t("order-behalf-phone"), _skip_or_cancel(t, OnBehalf.phone))
        return
    await state.set_state(OnBehalf.room)
    await edit_or_send(query, t("order-behalf-room"), _skip_or_cancel(t, OnBehalf.room))


@router.message(OnBehalf.room, F.text)
@router.callback_query(OnBehalf.room, OrderCb.filter(F.action == "oskip"))
async def on_behalf_room(event: Message | CallbackQuery, state: FSMContext, t: Text) -> None:
    """The phone (optional). A room that is not one is asked again here, not refused only when
    the matter is filed (which left staff at the last step with no way to correct it); a room
    not known ('不清楚') is skipped."""
    if isinstance(event, Message) and (room := _typed(event)) is not None:
        try:
            await state.update_data(room=validation.room_number(room))
        except InvalidInput as exc:
            if exc.key != "err-room-unknown":
                await _ask_again(event, t(exc.key, **exc.args_), t, OnBehalf.room)
                return
            # '不清楚': the room is optional here, so it is skipped, not asked of the resident
            await state.update_data(room=None)
    await state.set_state(OnBehalf.phone)
    await reply(event, t("order-behalf-phone"), reply_markup=_skip_or_cancel(t, OnBehalf.phone))


async def _ask_again(message: Message, text: str, t: Text, step: State) -> None:
    """An optional step's answer that cannot be taken: why, and the step's skip button."""
    await message.answer(text, reply_markup=_skip_or_cancel(t, step))


@router.message(OnBehalf.phone, F.text)
@router.callback_query(OnBehalf.phone, OrderCb.filter(F.action == "oskip"))
async def on_behalf_phone(event: Message | CallbackQuery, state: FSMContext, t: Text) -> None:
    """How the resident is called (a phone that is not one is asked again at once)."""
    if isinstance(event, Message) and (phone := _typed(event)) is not None:
        try:
            phone = validation.phone_number(phone)
        except InvalidInput:
            await _ask_again(event, t("order-behalf-phone-invalid"), t, OnBehalf.phone)
            return
        await state.update_data(phone=phone)
    await state.set_state(OnBehalf.name)
    question = t("order-behalf-name")
    if said := str((await state.get_data()).get("said") or ""):  # the matter, typed earlier
        question += "\n" + t("order-behalf-name-matter-waiting", said=fit(said, 200))
    await reply(event, question, reply_markup=_skip_or_cancel(t, OnBehalf.name))


@router.message(OnBehalf.name, F.text)
@router.callback_query(OnBehalf.name, OrderCb.filter(F.action == "oskip"))
async def on_behalf_name(
    event: Message | CallbackQuery, state: FSMContext, t: Text, ctx: OrderCtx | None = None
) -> None:
    """What the resident asked for. The name (王奶奶) is the card's 联系人, so whoever calls
    back knows whom to ask for; one that is not a name is asked again at once."""
    if isinstance(event, Message) and (name := _typed(event)) is not None:
        if _a_matter(name):
            # the matter, typed a step early: kept, and filed once the name is in (or skipped)
            await state.update_data(said=name)
            await _ask_again(event, t("order-behalf-name-matter-kept"), t, OnBehalf.name)
            return
        try:
            name = validation.person_name(name)
        except InvalidInput:
            await _ask_again(event, t("order-behalf-name-invalid"), t, OnBehalf.name)
            return
        await state.update_data(name=name)
    await state.set_state(OnBehalf.text)
    said = str((await state.get_data()).get("said") or "")
    message = event if isinstance(event, Message) else event.message
    if said and isinstance(message, Message) and ctx is not None:
        if isinstance(event, CallbackQuery):
            await event.answer()
        await _file_behalf(message, state, ctx, said)
        return
    await reply(event, t("order-behalf-text"), reply_markup=step_keyboard(t))


def _a_matter(typed: str) -> bool:
    """What was typed at the name step reads as the matter, not a name ('3号楼的灯坏了，麻烦
    看看'): words with digits or punctuation, or longer than a name with its 奶奶/先生 ever is."""
    cjk = sum("\u4e00" <= ch <= "\u9fff" for ch in typed)
    marks = any(ch.isdigit() or ch in "，。,!！?？；;：:、" for ch in typed)
    # words, not a number alone: a phone typed here is a slip, asked again as a name
    return cjk > 6 or (cjk >= 4 and marks)


@router.message(OnBehalf.text, F.text)
async def on_behalf_text(message: Message, state: FSMContext, ctx: OrderCtx) -> None:
    """File it; the card is shown so staff can triage at once."""
    await _file_behalf(message, state, ctx, message.text or "")


async def _file_behalf(message: Message, state: FSMContext, ctx: OrderCtx, text: str) -> None:
    values = await state.get_data()
    s = suggest(ctx.triage, text)
    filed = await request_service.file_on_behalf(
        ctx.session,
        staff=ctx.user,
        roles=ctx.roles,
        building_id=int(values["building"]) if values.get("building") else None,
        community_id=values.get("behalf_community"),
        grid_id=values.get("public_grid"),
        room=values.get("room"),
        contact_name=values.get("name"),
        contact_phone=values.get("phone"),
        channel=Channel(values["channel"]),
        draft=Draft(text=text, category=s.category, public_area=values.get("public")),
        suggestion=s,
        now=ctx.now(),
    )
    await state.clear()
    await message.answer(
        ctx.t("order-behalf-filed", number=filed.request.number), reply_markup=ctx.main_menu()
    )
    await show_card(message, ctx, filed.request, duplicates=True)
    await ctx.deliver([n for n in filed.notices if n.chat_id != ctx.user.id])


async def redraw_staff_card(
    where: Message, message_id: int, ctx: OrderCtx, request_id: int
) -> None:
    """A request's staff card elsewhere in the chat shows the request as it now is (for the
    order cycle's other handler modules, e.g. handlers.phone_rating)."""
    await _redraw_card(where, message_id, ctx, request_id)
