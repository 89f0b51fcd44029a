"""Members: 可接工单 (matching skills and area), details, claim with one tap, 我的工单, release
with a reason, 💬 告诉社区 (a note to staff); staff: the order card, reassign a claim, cancel an
order."""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import (
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    ReplyParameters,
)
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Raw, Text, Translator
from bot.settings import Settings
from handlers import member_profile
from handlers.consult_kit import safe_edit_markup
from handlers.context import OrderCtx
from handlers.filters import IS_MEMBER
from handlers.form_guard import asks_first, origin, plain, starter
from handlers.keyboards import cancel_keyboard
from handlers.menu import labels
from handlers.offer_choices import answered_before, settle_offer
from handlers.order_ui import (
    FROM_WORDS,
    OrderCb,
    answer_once,
    button,
    edit_or_send,
    keyboard,
    local,
    order_title,
    reply,
    send_whole,
    stored_keyboard,
)
from handlers.text_steps import refuse_button_labels
from models import MemberProfile, Role, User
from models.orders import Order, OrderStatus, can_transition
from services import delivery as outbox
from services import member_notes, member_self, open_lists, order_cards, staff_order_cards
from services import orders as order_service
from services.errors import Conflict
from services.member_jobs import PAUSE_CLAIM
from services.order_notices import cb, localize

router = Router(name="claims")
router.message.filter(F.chat.type == "private")


class ClaimFlow(StatesGroup):
    """Steps where a member or staff types a reason."""

    release = State()
    cancel = State()
    note = State()  # 💬 告诉社区: what the member has to tell the community about the order


# A stale button of another flow ("跳过", "✅ 说完了" …) is not a reason to release or cancel.
refuse_button_labels(router, ClaimFlow)


@router.message(StateFilter(ClaimFlow), F.text.in_(labels("common-cancel")))
async def on_cancel(message: Message, state: FSMContext, ctx: OrderCtx) -> None:
    """Leave the step."""
    await state.clear()
    await message.answer(ctx.t("cancel-done"), reply_markup=ctx.main_menu())


async def _open_list(
    ctx: OrderCtx, page: int, in_message: int | None = None
) -> tuple[str, Any, dict[str, Any] | None]:
    """A page of 可接工单 for the member (to go in `in_message`; None: a new message): its
    text, buttons and what it shows (None: empty), drawn as the outbox redraws it
    (services.open_lists)."""
    t = ctx.t
    result = await order_service.open_orders_for(
        ctx.session, user=ctx.user, roles=ctx.roles, page=page
    )
    if not result.items:
        profile = await ctx.session.get(MemberProfile, ctx.user.id)
        paused = profile is not None and profile.paused(ctx.now())
        lead = [t("me-open-paused")] if paused else []
        return "\n\n".join([*lead, t("order-open-empty")]), None, None
    args = await open_lists.list_args(
        ctx.session,
        member_id=ctx.user.id,
        orders=result.items,
        page=result.page,
        pages=result.pages,
        total=result.total,
        message_id=in_message,
        now=ctx.now(),
    )
    written = {**args, "lines": [_written(ctx, line) for line in args["lines"]]}
    text, rows = open_lists.draw(t, written)
    markup = keyboard(
        [
            [InlineKeyboardButton(text=label, callback_data=data) for label, data in row]
            for row in rows
        ]
    )
    return text, markup, args


async def _list_shown(
    ctx: OrderCtx, message: Message | None, text: str, markup: Any, args: dict[str, Any] | None
) -> None:
    """The list is in this message now: kept true as its orders change (services.open_lists)."""
    if message is None or args is None:
        return
    await open_lists.remember(
        ctx.session,
        chat_id=message.chat.id,
        message_id=message.message_id,
        args=args,
        text=text,
        markup=stored_keyboard(markup),
    )
    await ctx.session.commit()


@router.message(F.text.in_(labels("menu-order-open")), IS_MEMBER)
async def cmd_open_orders(message: Message, ctx: OrderCtx) -> None:
    """Open orders that fit the member's skills and area."""
    text, markup, args = await _open_list(ctx, 0)
    sent = await message.answer(text, reply_markup=markup)
    await _list_shown(ctx, sent, text, markup, args)


@router.callback_query(OrderCb.filter(F.action == "opage"))
async def on_open_page(query: CallbackQuery, callback_data: OrderCb, ctx: OrderCtx) -> None:
    """Another page of 可接工单."""
    paged = query.message.message_id if isinstance(query.message, Message) else None
    text, markup, args = await _open_list(ctx, callback_data.ref, paged)
    shown = await edit_or_send(query, text, markup)
    await _list_shown(ctx, shown, text, markup, args)


def card_text(ctx: OrderCtx, args: dict[str, Any]) -> str:
    """The order card drawn from its args (services.order_cards.card_args) in the reader's
    language, as the outbox draws it when the card is redrawn (within one message)."""
    return order_cards.draw(ctx.t, _written(ctx, args))


def _written(ctx: OrderCtx, args: dict[str, Any]) -> dict[str, Any]:
    return localize(ctx.translator, ctx.t.lang, args, zone=ctx.settings.zone, now=ctx.now())


def card_markup(ctx: OrderCtx, view: Any, args: dict[str, Any]) -> Any:
    """The card's buttons (order_markup), with 📄 全文 first when a typed text on it is cut."""
    markup = order_markup(ctx.t, view)
    if not order_cards.fitted(ctx.t, _written(ctx, args)).cut:
        return markup
    rows = [[button(ctx.t("common-btn-whole-text"), "ofull", view.order.id)]]
    return keyboard(rows + (markup.inline_keyboard if markup else []))


async def order_text(ctx: OrderCtx, view: Any) -> str:
    """The order card: what, where, when; contact only for claimants and staff."""
    return card_text(ctx, await order_cards.card_args(ctx.session, view))


def how_to_reach(t: Text, view: Any) -> str:
    """For a claimant when the resident left no phone: go to the room, or ask the staff."""
    return order_cards.how_to_reach(
        t,
        {
            "staff_contact": view.staff_contact or "",
            "home": view.home or "",
            "building": view.building or "",
            "room": view.room or "",
        },
    )


def claimed_text(t: Text, view: Any) -> str:
    """The claim's confirmation: contact the resident soon, or how to reach one without a phone."""
    if view.phone:
        return t("order-claimed", number=view.order.number)
    return t("order-claimed-no-phone", number=view.order.number, how=Raw(how_to_reach(t, view)))


def order_markup(t: Text, view: Any) -> Any:
    """The order card's buttons for this reader: 完成上报/告诉社区/放弃 for a claimant while it
    is open, 接单 for another member, staff's tools."""
    order = view.order
    oid = order.id
    rows = []
    if view.mine and order.status in (OrderStatus.OPEN, OrderStatus.CLAIMED):
        rows.append([button(t("order-btn-report-done"), "mdone", oid)])
        rows.append([button(t("order-btn-tell"), "mnote", oid)])
        rows.append([button(t("order-btn-release"), "mrel", oid)])
    elif not view.mine and not view.staff and order.status == OrderStatus.OPEN:
        rows.append([button(t("order-btn-claim"), "claim", oid)])
    if view.staff:
        if order.status == OrderStatus.DONE:
            # the result's photos beside 验收, as the 请验收 notice has them: what is checked
            if view.result_photos:
                rows.append([button(t("order-btn-result-photos"), "vpics", oid)])
            rows.append(
                [
                    button(t("order-btn-verify"), "vok", oid),
                    button(t("order-btn-send-back"), "vback", oid),
                ]
            )
        if order.status in (OrderStatus.OPEN, OrderStatus.CLAIMED):
            for member_id, name in view.claimants:
                rows.append([button(t("order-btn-reassign", name=name), "sre", oid, member_id)])
        if order.status == OrderStatus.OPEN:  # a place still free: give it to someone chosen
            rows.append([button(t("order-btn-assign"), "sas", oid)])
        if order.status in (OrderStatus.OPEN, OrderStatus.CLAIMED):
            rows.append([button(t("order-btn-cancel-order"), "scan", oid)])
        rows.append([button(t("order-btn-open-request"), "sreq", view.request.id)])
    return keyboard(rows) if rows else None


def staff_order_drawer(
    translator: Translator, settings: Settings, clock: Callable[[], datetime]
) -> staff_order_cards.Drawer:
    """What redraws a staff member's card of an order when someone else changed it
    (services.staff_order_cards): drawn as `show_order` draws it, in the reader's language;
    None when they are no longer staff of the order (moved to another grid)."""

    async def draw(
        session: AsyncSession, *, order: Order, reader: User
    ) -> tuple[str, dict[str, Any] | None] | None:
        roles = reader.role_set
        if order.id is None or not await order_service.is_staff_for(
            session, user=reader, roles=roles, obj=order
        ):
            return None
        ctx = OrderCtx(
            session=session,
            user=reader,
            roles=roles,
            t=Text(translator, reader.language or settings.default_language),
            translator=translator,
            settings=settings,
            clock=clock,
        )
        view = await order_service.order_view(session, user=reader, roles=roles, order_id=order.id)
        args = await order_cards.card_args(session, view)
        return card_text(ctx, args), stored_keyboard(card_markup(ctx, view, args))

    return draw


async def show_order(event: Message | CallbackQuery, ctx: OrderCtx, order_id: int) -> None:
    """Send the order card with what this user can do; it is the user's card of the order
    redrawn from now on (the one shown before is taken away)."""
    view = await order_service.order_view(
        ctx.session, user=ctx.user, roles=ctx.roles, order_id=order_id
    )
    message = event.message if isinstance(event, CallbackQuery) else event
    if isinstance(event, CallbackQuery):
        await answer_once(event)
    if not isinstance(message, Message):
        return
    args = await order_cards.card_args(ctx.session, view)
    text, markup = card_text(ctx, args), card_markup(ctx, view, args)
    sent = await message.answer(text, reply_markup=markup)
    shown = order_cards.drawn_digest(text, stored_keyboard(markup))
    await _remember(sent.bot, ctx, view, args, sent.chat.id, sent.message_id, shown=shown)


async def draw_card(
    bot: Bot | None,
    ctx: OrderCtx,
    order_id: int,
    chat_id: int,
    message_id: int,
    *,
    adopt: bool = False,
) -> None:
    """This message becomes the order's card as it stands now for this reader. With `adopt`
    (the offer or card claimed on) it is the member's card of the order from now on, redrawn
    when the order changes (the one shown before is taken away); without, it is drawn so once
    (a notice, an older card tapped), unless it is that card."""
    if bot is None:
        return
    # redraws of it still queued were worked out before: sent after this one, they would take
    # it back (or, reading the same, be refused as 'not modified'); cancelled (committed)
    # before what to draw is read, so one queued by a change committed after still goes
    cancelled = await outbox.cancel_redraws(ctx.session, chat_id=chat_id, message_id=message_id)
    # what a staff card is remembered to read before the order is read: drawn only if no
    # colleague's change redraws it meanwhile (that one queues the newer card)
    read = await staff_order_cards.remembered(
        ctx.session, order_id=order_id, staff_id=ctx.user.id, message_id=message_id
    )
    view = await order_service.order_view(
        ctx.session, user=ctx.user, roles=ctx.roles, order_id=order_id
    )
    for loaded in (view.order, view.request):  # as others may have changed them meanwhile
        await ctx.session.refresh(loaded)
    args = await order_cards.card_args(ctx.session, view)
    text, markup = card_text(ctx, args), card_markup(ctx, view, args)
    shown = order_cards.drawn_digest(text, stored_keyboard(markup))
    if view.staff and view.order.id is not None and not cancelled:
        # a staff card: drawn so already, or a redraw reading so (queued by a colleague's
        # action, or this one's) is on its way: drawn again, Telegram would refuse it
        fresh = await staff_order_cards.to_draw(
            ctx.session,
            order_id=view.order.id,
            staff_id=ctx.user.id,
            message_id=message_id,
            shown=shown,
            read=read,
        )
    else:
        fresh = True
    if fresh:
        with contextlib.suppress(TelegramBadRequest):  # unchanged, or too old to edit
            await bot.edit_message_text(
                text, chat_id=chat_id, message_id=message_id, reply_markup=markup
            )
    await _remember(bot, ctx, view, args, chat_id, message_id, shown=shown, adopt=adopt)


async def _remember(
    bot: Bot | None,
    ctx: OrderCtx,
    view: Any,
    args: dict[str, Any],
    chat_id: int,
    message_id: int,
    *,
    shown: str,
    adopt: bool = True,
) -> None:
    """The user's card of the order is now this message (`adopt`; else only if it was):
    redrawn when the order changes (a member's: services.order_cards; a staff member's, which
    reads `shown`: services.staff_order_cards). The card shown before it is taken away:
    deleted, or, too old for Telegram to delete, saying so without its buttons."""
    if view.order.id is None:
        return
    if view.staff:
        older = await staff_order_cards.remember(
            ctx.session,
            order_id=view.order.id,
            staff_id=ctx.user.id,
            message_id=message_id,
            shown=shown,
            adopt=adopt,
        )
    else:
        older = await order_cards.remember(
            ctx.session,
            order_id=view.order.id,
            member_id=ctx.user.id,
            message_id=message_id,
            args=args,
            adopt=adopt,
        )
    if older is None or bot is None:
        return
    try:
        await bot.delete_message(chat_id=chat_id, message_id=older)
    except TelegramBadRequest:
        with contextlib.suppress(TelegramBadRequest):  # gone, or already says so
            await bot.edit_message_text(
                ctx.t("order-card-replaced", number=view.order.number),
                chat_id=chat_id,
                message_id=older,
            )


@router.callback_query(OrderCb.filter(F.action.in_({"odet", "sord"})))
async def on_details(query: CallbackQuery, callback_data: OrderCb, ctx: OrderCtx) -> None:
    """The order's details (members of its community and staff only)."""
    await show_order(query, ctx, callback_data.ref)


@router.callback_query(OrderCb.filter(F.action == "ofull"))
async def on_whole_order(query: CallbackQuery, callback_data: OrderCb, ctx: OrderCtx) -> None:
    """📄 全文: the order card with every typed text whole, in as many messages as it needs."""
    view = await order_service.order_view(
        ctx.session, user=ctx.user, roles=ctx.roles, order_id=callback_data.ref
    )
    args = await order_cards.card_args(ctx.session, view)
    await send_whole(query, order_cards.draw_whole(ctx.t, _written(ctx, args)))


@router.callback_query(OrderCb.filter(F.action == "claim"))
async def on_claim(query: CallbackQuery, callback_data: OrderCb, ctx: OrderCtx) -> None:
    """接单 in one tap; if it was taken first the member is told so."""
    try:
        out = await order_service.claim_order(
            ctx.session, user=ctx.user, roles=ctx.roles, order_id=callback_data.ref, now=ctx.now()
        )
    except Conflict as exc:
        # (a double tap's 'already claimed': its first tap redraws the card)
        if exc.key == "order-err-taken" and _about_one_order(query, callback_data.ref):
            # the offer or card tapped shows the order as it now is (taken by others: no ✋ 接单
            # to tap again; before, it kept the button and '已接 0/1'); said by the error handler.
            # The lost claim was rolled back, which expired what the session had loaded.
            # A redraw of the offer queued by the claim that won (人已满) would only take
            # this one back: it is dropped first, and the offer drawn as things are now.
            lost = query.message
            assert isinstance(lost, Message)
            await ctx.session.refresh(ctx.user)
            await draw_card(lost.bot, ctx, callback_data.ref, lost.chat.id, lost.message_id)
        raise
    assert out.order is not None
    await answer_once(query, ctx.t("order-claimed-short"))
    view = await order_service.order_view(
        ctx.session, user=ctx.user, roles=ctx.roles, order_id=callback_data.ref
    )
    message = query.message
    if (
        _about_one_order(query, callback_data.ref)
        and isinstance(message, Message)
        and message.text is not None
    ):
        # the offer or the order's card: it becomes the claimed order's card (phone, room,
        # 完成上报), so no stale 接单 button is left on the member's screen; it is the card
        # redrawn from now on
        await draw_card(
            message.bot, ctx, callback_data.ref, message.chat.id, message.message_id, adopt=True
        )
        await reply(query, claimed_text(ctx.t, view))
    else:  # a list of orders stays a list; the claimed order's card comes below it
        page = _list_page(query)
        if page is not None:
            # the list is redrawn as it now is: the order just taken no longer offers 接
            # (before, it went on reading '已接 0/1' with its ✋ 接 button)
            assert isinstance(query.message, Message)
            text, markup, args = await _open_list(ctx, page, query.message.message_id)
            with contextlib.suppress(TelegramBadRequest):  # unchanged, or too old to edit
                await query.message.edit_text(text, reply_markup=markup)
            await _list_shown(ctx, query.message, text, markup, args)
        await reply(query, claimed_text(ctx.t, view))
        await show_order(query, ctx, callback_data.ref)
    await ctx.deliver(out.pending)


@router.callback_query(OrderCb.filter(F.action == PAUSE_CLAIM))
async def on_claim_after_pause(
    query: CallbackQuery, callback_data: OrderCb, ctx: OrderCtx
) -> None:
    """✋ 接 beside an order on the notice that the member's pause ended (services.member_jobs):
    claimed as the offer's ✋ 接单 claims (services.orders.claim_order: the same checks, the same
    '接单成功', staff told), the order's card below, as from a 可接工单 list (the notice names
    other orders too, so it stays). Taken by others, cancelled or claimed by them already
    meanwhile: said in a line, not as an error. Either way the notice loses that ✋ (its 详情
    stays). Paused again since: claimed all the same, as from their 可接工单 (a pause stops
    the notices, not their own taps)."""
    message = query.message
    try:
        out = await order_service.claim_order(
            ctx.session, user=ctx.user, roles=ctx.roles, order_id=callback_data.ref, now=ctx.now()
        )
    except Conflict as exc:  # (the claim rolled back: what the session had loaded expired)
        await ctx.session.refresh(ctx.user)
        await answer_once(query, ctx.t(exc.key, **exc.args_), alert=True)
        await _drop_pause_claim(message, callback_data.ref)
        return
    assert out.order is not None
    await answer_once(query, ctx.t("order-claimed-short"))
    await _drop_pause_claim(message, callback_data.ref)
    view = await order_service.order_view(
        ctx.session, user=ctx.user, roles=ctx.roles, order_id=callback_data.ref
    )
    await reply(query, claimed_text(ctx.t, view))
    await show_order(query, ctx, callback_data.ref)
    await ctx.deliver(out.pending)


async def _drop_pause_claim(message: object, order_id: int) -> None:
    """The pause-ended notice without the ✋ 接 of this order (tapped: claimed, or not to be)."""
    if not isinstance(message, Message) or message.reply_markup is None:
        return
    gone = cb(PAUSE_CLAIM, order_id)
    rows = [
        kept
        for row in message.reply_markup.inline_keyboard
        if (kept := [key for key in row if key.callback_data != gone])
    ]
    with contextlib.suppress(TelegramBadRequest):  # too old to edit: the tap was answered
        await safe_edit_markup(
            message, InlineKeyboardMarkup(inline_keyboard=rows) if rows else None
        )


def _list_page(query: CallbackQuery) -> int | None:
    """The page of 可接工单 the tapped message shows (its pager says which), or None when the
    message is not that list."""
    message = query.message
    if not isinstance(message, Message) or message.text is None or message.reply_markup is None:
        return None
    prev_page = next_page = None
    for row in message.reply_markup.inline_keyboard:
        for key in row:
            data = _order_button(key.callback_data)
            if data is None or data.action not in {"claim", "odet", "opage"}:
                return None
            if data.action == "opage" and key.text in labels("common-prev-page"):
                prev_page = data.ref
            elif data.action == "opage":
                next_page = data.ref
    if prev_page is not None:
        return prev_page + 1
    return next_page - 1 if next_page is not None else 0


def _about_one_order(query: CallbackQuery, order_id: int) -> bool:
    """The tapped message is about this order alone: every button is its 接单 or 详情."""
    message = query.message
    if not isinstance(message, Message) or message.text is None or message.reply_markup is None:
        return False
    for row in message.reply_markup.inline_keyboard:
        for key in row:
            data = _order_button(key.callback_data)
            if data is None or data.ref != order_id or data.action not in {"claim", "odet"}:
                return False
    return True


def _order_button(callback_data: str | None) -> OrderCb | None:
    """What an order button says (None for a button of something else)."""
    try:
        return OrderCb.unpack(callback_data or "")
    except (TypeError, ValueError):
        return None


@router.message(F.text.in_(labels("menu-order-claims")), IS_MEMBER)
async def cmd_my_claims(message: Message, ctx: OrderCtx) -> None:
    """The orders the member is working on."""
    t = ctx.t
    orders = await order_service.my_claims(ctx.session, user=ctx.user)
    if not orders:
        await message.answer(t("order-claims-empty"))
        return
    lines = [t("order-claims-title", count=len(orders))]
    rows = []
    for order in orders:
        lines.append(
            t(
                "order-claims-line",
                number=order.number,
                title=order_title(t, order),
                status=t(f"order-ostatus-{order.status}"),
                deadline=local(t, ctx.settings, order.deadline_at, now=ctx.now()),
            )
        )
        rows.append([button(t("order-btn-open-number", number=order.number), "odet", order.id)])
    await message.answer("\n".join(lines), reply_markup=keyboard(rows))


async def offer_typed_done(message: Message, ctx: OrderCtx) -> bool:
    """'修好了' typed by a member holding claims: the 完成上报 button of the order (or of each
    one, when several are in hand) — the report itself asks what was done and for photos.
    False when they hold none (the words then mean something else)."""
    return await _offer_for_held(message, ctx, "done", "order-btn-report-done", "mdone")


async def offer_typed_release(message: Message, ctx: OrderCtx) -> bool:
    """'这个我干不了' typed by a member holding claims: the ↩️ 放弃工单 button of the order (or
    of each one) — the button asks the reason, as tapped on the card. False when they hold
    none (the words then mean something else)."""
    return await _offer_for_held(message, ctx, "release", "order-btn-release", "mrel")


async def _offer_for_held(
    message: Message, ctx: OrderCtx, said: str, button_key: str, action: str
) -> bool:
    """The button (`button_key`, `action`) of the order the member holds, or one per order when
    several are in hand, under order-typed-<said>-one / -which; False when they hold none."""
    t = ctx.t
    orders = [
        o
        for o in await order_service.my_claims(ctx.session, user=ctx.user)
        if o.status in (OrderStatus.OPEN, OrderStatus.CLAIMED)
    ]
    if not orders:
        return False
    if len(orders) == 1:
        [order] = orders
        text = t(f"order-typed-{said}-one", number=order.number, title=order_title(t, order))
        rows = [[button(t(button_key), action, order.id, FROM_WORDS)]]
    else:
        text = t(f"order-typed-{said}-which", count=len(orders))
        rows = [
            [
                button(
                    t(f"{button_key}-of", number=o.number, title=order_title(t, o)),
                    action,
                    o.id,
                    FROM_WORDS,
                )
            ]
            for o in orders
        ]
    await message.answer(text, reply_markup=keyboard(rows))
    return True


async def answer_typed_question(message: Message, ctx: OrderCtx, asked: str) -> None:
    """'这个单在哪' / '几点之前要做完' / '居民电话多少' from a member: the card of each order in
    hand (its place, deadline and, theirs now, the resident's phone and room); none in hand,
    the orders open to them, and that the phone and room come with a claim."""
    t = ctx.t
    held = [
        o
        for o in await order_service.my_claims(ctx.session, user=ctx.user)
        if o.status in (OrderStatus.OPEN, OrderStatus.CLAIMED)
    ][-TYPED_NOTE_ORDERS:]
    if not held:
        await message.answer(t("order-asked-none", asked=asked))
        await cmd_open_orders(message, ctx)
        return
    if len(held) == 1:
        lead = t("order-asked-one", number=held[0].number, title=order_title(t, held[0]))
    else:
        lead = t("order-asked-which", count=len(held))
    await message.answer(lead)
    for order in held:
        await show_order(message, ctx, order.id or 0)


async def answer_typed_pause(message: Message, ctx: OrderCtx, until: datetime | None) -> None:
    """'我这周出差，先别派给我' from a member: their own pause read back, to the end said
    (`until`; None: until they resume), with ⏸ 确认暂停 and 取消; each order in hand with its
    ↩️ 放弃 (the pause leaves their claims theirs). Before, they were told to ask the office."""
    t = ctx.t
    profile = await member_self.own_profile(ctx.session, user=ctx.user)
    if profile.paused(ctx.now()) and profile.paused_until == until:
        await message.answer(member_profile.pause_line(t, ctx.settings, profile, ctx.now()))
        return
    held = [
        o
        for o in await order_service.my_claims(ctx.session, user=ctx.user)
        if o.status in (OrderStatus.OPEN, OrderStatus.CLAIMED)
    ][-TYPED_NOTE_ORDERS:]
    text, rows = member_profile.pause_read_back(t, ctx.settings, until)
    lines = [text]
    if held:
        lines.append(t("order-pause-held", count=len(held)))
    rows += [
        [
            button(
                t("order-btn-release-of", number=o.number, title=order_title(t, o)),
                "mrel",
                o.id,
                FROM_WORDS,
            )
        ]
        for o in held
    ]
    await message.answer("\n\n".join(lines), reply_markup=keyboard(rows))


@router.callback_query(OrderCb.filter(F.action.in_(starter("mnote"))))
async def on_note_prompt(
    query: CallbackQuery, callback_data: OrderCb, state: FSMContext, ctx: OrderCtx
) -> None:
    """💬 告诉社区: ask what to tell the community about the order (its claimant only; an
    older card's button once the order moved on is answered so, nothing asked)."""
    order = await member_notes.require_note_taker(
        ctx.session, user=ctx.user, roles=ctx.roles, order_id=callback_data.ref
    )
    if await asks_first(query, callback_data, state, ctx.t, starting="MemberNote"):
        return
    await state.clear()
    await state.set_state(ClaimFlow.note)
    await state.update_data(oid=order.id)
    await reply(
        query, ctx.t("order-ask-note", number=order.number), reply_markup=cancel_keyboard(ctx.t)
    )


@router.message(ClaimFlow.note, F.text)
async def on_note_text(message: Message, state: FSMContext, ctx: OrderCtx) -> None:
    """Pass the note on to the order's staff; the member is told it was."""
    values = await state.get_data()
    out = await _end_step(
        message,
        state,
        ctx,
        member_notes.tell_community(
            ctx.session,
            user=ctx.user,
            roles=ctx.roles,
            order_id=int(values["oid"]),
            text=message.text or "",
            now=ctx.now(),
        ),
    )
    if out is None:
        return
    assert out.order is not None
    await message.answer(
        ctx.t("order-note-passed", number=out.order.number), reply_markup=ctx.main_menu()
    )
    await ctx.deliver(out.pending)


# What a member typed at the menu, kept for the 💬 告诉社区 buttons under the offer to file it
# (handlers.fallback): {"offer": the offer's message id, "text": what was typed}. Only that
# offer's buttons pass it on, so an older offer never sends words typed after it.
TYPED_NOTE = "typed_note"
TYPED_NOTE_ORDERS = 3  # buttons under one offer, one per order in hand


async def typed_note_buttons(ctx: OrderCtx, said: str) -> list[list[tuple[str, str]]]:
    """Under the offer to file what a member holding orders typed ('敲门没人在家'): a
    💬 告诉社区：G00001 button per order in hand (the latest few) to pass it on as a note
    instead. None for anyone else, or for words too long for a note."""
    if Role.MEMBER not in ctx.roles or len(said.strip()) > member_notes.MAX_NOTE:
        return []
    held = [
        o
        for o in await order_service.my_claims(ctx.session, user=ctx.user)
        if o.status in (OrderStatus.OPEN, OrderStatus.CLAIMED)
    ]
    return [
        [
            (
                ctx.t("order-btn-tell-of", number=o.number),
                OrderCb(action="mnotet", ref=o.id or 0).pack(),
            )
        ]
        for o in held[-TYPED_NOTE_ORDERS:]
    ]


async def offer_typed_news(
    message: Message,
    state: FSMContext,
    ctx: OrderCtx,
    said: str,
    *,
    handing_over: bool = False,
    file_row: list[tuple[str, str]] | None = None,
) -> bool:
    """How the work goes, typed by a member holding orders ('到了', '正在修', '居民不在家',
    '明天上午去'): 💬 告诉社区 (one per order in hand) to pass the words on as they are, first;
    `file_row` (📝 报给社区) after it, for a matter of their own. `handing_over` ('我想跟赵医生
    换一下单'): said that the office reassigns, each order's ↩️ 放弃工单 beside. Before, these
    were first offered to be filed as a new matter. False when they hold no order."""
    t = ctx.t
    notes = await typed_note_buttons(ctx, said)
    if not notes:
        return False
    held = [
        o
        for o in await order_service.my_claims(ctx.session, user=ctx.user)
        if o.status in (OrderStatus.OPEN, OrderStatus.CLAIMED)
    ][-TYPED_NOTE_ORDERS:]
    kind = "handover" if handing_over else "news"
    if len(held) == 1:
        text = t(f"order-typed-{kind}-one", number=held[0].number, title=order_title(t, held[0]))
    else:
        text = t(f"order-typed-{kind}-which", count=len(held))
    rows = [
        [InlineKeyboardButton(text=label, callback_data=data) for label, data in row]
        for row in notes
    ]
    if handing_over:
        rows += [
            [
                button(
                    t("order-btn-release-of", number=o.number, title=order_title(t, o)),
                    "mrel",
                    o.id,
                    FROM_WORDS,
                )
            ]
            for o in held
        ]
    if file_row and not handing_over:
        rows.append(
            [InlineKeyboardButton(text=label, callback_data=data) for label, data in file_row]
        )
    offer = await message.answer(text, reply_markup=keyboard(rows))
    await keep_typed_note(state, offer, said)
    return True


async def keep_typed_note(state: FSMContext, offer: Message, said: str) -> None:
    """The offer carrying 💬 告诉社区 buttons, and the words they pass on."""
    await state.update_data({TYPED_NOTE: {"offer": offer.message_id, "text": said}})


@router.callback_query(OrderCb.filter(F.action == "mnotet"))
async def on_typed_note(
    query: CallbackQuery, callback_data: OrderCb, state: FSMContext, ctx: OrderCtx
) -> None:
    """💬 告诉社区：G00001 under the offer: what was typed goes to that order's staff as is."""
    if await answered_before(query, state, ctx.t):  # told already, or filed instead
        return
    kept = (await state.get_data()).get(TYPED_NOTE) or {}
    message = query.message
    if not isinstance(message, Message) or kept.get("offer") != message.message_id:
        # passed on already, filed instead, or an older offer: its words are not kept
        await answer_once(query, ctx.t("err-stale-button"), alert=True)
        return
    out = await member_notes.tell_community(
        ctx.session,
        user=ctx.user,
        roles=ctx.roles,
        order_id=callback_data.ref,
        text=str(kept.get("text") or ""),
        now=ctx.now(),
    )
    assert out.order is not None
    await state.update_data({TYPED_NOTE: None})
    await answer_once(query)
    # the offer says what became of it ('✓ 已选：告诉社区'), as the residents' offers do
    await settle_offer(message, state, ctx.t, "note")
    await message.answer(ctx.t("order-note-passed", number=out.order.number))
    await ctx.deliver(out.pending)


@router.callback_query(OrderCb.filter(F.action.in_(starter("mrel", "scan"))))
async def on_reason_prompt(
    query: CallbackQuery, callback_data: OrderCb, state: FSMContext, ctx: OrderCtx
) -> None:
    """Ask why the member releases (or staff cancel) the order."""
    action = plain(callback_data.action)
    if action == "mrel":
        # only a claimant is asked for a reason (checked again when it is given)
        try:
            await order_service.require_claimant(
                ctx.session,
                user=ctx.user,
                roles=ctx.roles,
                order_id=callback_data.ref,
                action="release",
            )
        except Conflict:
            # their claim ended (given to someone else, given back): said by the error
            # handler; the card tapped shows the order as it now is, without their buttons
            await _show_as_now(query, ctx, callback_data)
            raise
    view = await order_service.order_view(
        ctx.session, user=ctx.user, roles=ctx.roles, order_id=callback_data.ref
    )
    step = ClaimFlow.release if action == "mrel" else ClaimFlow.cancel
    flow = "Release" if step == ClaimFlow.release else "OrderCancel"
    status = str(view.order.status)
    if (action == "mrel" and status not in (OrderStatus.OPEN, OrderStatus.CLAIMED)) or (
        action == "scan" and not can_transition("order", status, OrderStatus.CANCELLED)
    ):
        # an older card's button (reported done, verified or cancelled since): no reason is
        # asked for a step that could only fail (before: asked, then refused every answer)
        # the card tapped reads as the order now is (before, it kept the button, and the
        # answer sent them to the menu to open it again)
        done = action == "mrel" and status == OrderStatus.DONE
        if action == "scan" and await _stale_about_request(
            query, ctx, view.order.id or 0, key="order-card-stale"
        ):
            return
        redrawn = await _show_as_now(query, ctx, callback_data)
        key = "order-report-already" if done else "order-err-changed"
        if redrawn and not done:
            key = "order-changed-redrawn"
        await answer_once(query, ctx.t(key, number=view.order.number), alert=True)
        return
    if await asks_first(query, callback_data, state, ctx.t, starting=flow):
        return
    await state.clear()
    await state.set_state(step)
    card = origin(query, callback_data)
    if card is not None and callback_data.extra == FROM_WORDS:
        # the answer to '这个我干不了' is answered, not a card to redraw as the order's
        await safe_edit_markup(card, None)
        card = None
    # the card tapped is redrawn once the reason is in (before, a staff member's card still
    # read 待接单 with ✖️ 撤销工单 after the order was cancelled from it)
    card_id = card.message_id if card is not None and card.text is not None else None
    await state.update_data(oid=view.order.id, card_msg=card_id)
    key = "order-ask-release" if step == ClaimFlow.release else "order-ask-cancel-order"
    await reply(query, ctx.t(key, number=view.order.number), reply_markup=cancel_keyboard(ctx.t))


async def _stale_about_request(
    query: CallbackQuery, ctx: OrderCtx, order_id: int, *, key: str = "order-list-stale"
) -> bool:
    """Staff's stale list (改派's members) or older order card (✖️ 撤销工单) about an order
    that moved on: the staff member's card of its request, when one is remembered, is redrawn
    in place and the message tapped says it is out of date (handlers.triage_staff.stale_list);
    False when none is (the message tapped is then redrawn as the order's card)."""
    # imported here: handlers.triage_staff draws the request's card and imports this module
    from handlers.triage_staff import stale_list, what_changed

    order = await order_service.get_order(ctx.session, order_id)
    message = query.message
    above = _order_card_above(query, order_id)
    if above is None or not isinstance(message, Message) or message.text is None:
        return await stale_list(query, ctx, order.request_id, key=key)
    # the order's card the list was opened from (it quotes it): redrawn there
    await draw_card(message.bot, ctx, order_id, message.chat.id, above)
    await answer_once(query, ctx.t("order-list-stale-alert"), alert=True)
    note = ctx.t(key, change=await what_changed(ctx, order.request_id))
    with contextlib.suppress(TelegramBadRequest):  # gone, or too old to edit
        await message.edit_text(note, reply_markup=None)
    return True


def _order_card_above(query: CallbackQuery, order_id: int) -> int | None:
    """The order's card a list (改派's members) quotes: the id of the quoted message when it
    carries the order's 🔁 改派, else None."""
    message = query.message
    above = message.reply_to_message if isinstance(message, Message) else None
    if above is None or above.text is None or above.reply_markup is None:
        return None
    for row in above.reply_markup.inline_keyboard:
        for key in row:
            parts = (key.callback_data or "").split(":")
            if len(parts) >= 3 and parts[1] == "sre" and parts[2] == str(order_id):
                return above.message_id
    return None


async def _show_as_now(query: CallbackQuery, ctx: OrderCtx, callback_data: OrderCb) -> bool:
    """The card whose button was tapped (not a forged tap on another message) becomes the
    order's card as it now stands; False when there was none to redraw."""
    message = query.message
    if not isinstance(message, Message) or message.text is None or message.reply_markup is None:
        return False
    tapped = callback_data.model_copy(update={"action": plain(callback_data.action)}).pack()
    rows = message.reply_markup.inline_keyboard
    if not any(key.callback_data == tapped for row in rows for key in row):
        return False
    if callback_data.extra == FROM_WORDS:  # an answer to typed words: it only loses its buttons
        await safe_edit_markup(message, None)
        return True
    await draw_card(message.bot, ctx, callback_data.ref, message.chat.id, message.message_id)
    return True


@router.message(ClaimFlow.release, F.text)
async def on_release_reason(message: Message, state: FSMContext, ctx: OrderCtx) -> None:
    """Release the claim with the reason typed; the order is offered again."""
    values = await state.get_data()
    out = await _end_step(
        message,
        state,
        ctx,
        order_service.release_claim(
            ctx.session,
            user=ctx.user,
            roles=ctx.roles,
            order_id=int(values["oid"]),
            reason=message.text or "",
            now=ctx.now(),
        ),
    )
    if out is None:
        return
    assert out.order is not None
    await message.answer(
        ctx.t("order-released", number=out.order.number), reply_markup=ctx.main_menu()
    )
    await ctx.deliver(out.pending)
    await _redraw_started_from(message, ctx, values, int(out.order.id or 0))


@router.message(ClaimFlow.cancel, F.text)
async def on_cancel_reason(message: Message, state: FSMContext, ctx: OrderCtx) -> None:
    """Staff cancel the order; the matter goes back to the queue."""
    values = await state.get_data()
    out = await _end_step(
        message,
        state,
        ctx,
        order_service.cancel_order(
            ctx.session,
            user=ctx.user,
            roles=ctx.roles,
            order_id=int(values["oid"]),
            reason=message.text or "",
            now=ctx.now(),
        ),
    )
    if out is None:
        return
    assert out.order is not None
    await message.answer(
        ctx.t("order-cancelled", number=out.order.number), reply_markup=ctx.main_menu()
    )
    await ctx.deliver(out.pending)
    await _redraw_started_from(message, ctx, values, int(out.order.id or 0))


async def _end_step(
    message: Message, state: FSMContext, ctx: OrderCtx, step: Awaitable[order_service.Outcome]
) -> order_service.Outcome | None:
    """A typed step's answer taken (the note, the reason): the step ends, done or not. The
    order moved on meanwhile (Conflict): the step has nothing left to do, the member is told
    why, and None (before, it stayed and refused every answer until 取消)."""
    try:
        out = await step
    except Conflict as exc:
        await state.clear()
        await message.answer(ctx.t(exc.key, **exc.args_), reply_markup=ctx.main_menu())
        return None
    await state.clear()
    return out


async def _redraw_started_from(
    message: Message, ctx: OrderCtx, values: dict[str, Any], order_id: int
) -> None:
    """The card the step was begun from reads as the order now stands."""
    card = values.get("card_msg")
    if isinstance(card, int):
        await draw_card(message.bot, ctx, order_id, message.chat.id, card)


@router.callback_query(OrderCb.filter(F.action == "sre"))
async def on_reassign_menu(query: CallbackQuery, callback_data: OrderCb, ctx: OrderCtx) -> None:
    """Members staff can give this claim to."""
    members = await order_service.eligible_members(
        ctx.session, user=ctx.user, roles=ctx.roles, order_id=callback_data.ref, now=ctx.now()
    )
    if not members:
        await answer_once(query, ctx.t("order-reassign-none"), alert=True)
        return
    claim_id = await order_service.active_claim_id(
        ctx.session, order_id=callback_data.ref, member_id=callback_data.extra
    )
    rows = [[button(m.real_name, "sreto", claim_id, m.user_id)] for m in members[:20]]
    # the list quotes the order's card it was opened from, which a stale tap on it redraws
    message = query.message
    markup = message.reply_markup if isinstance(message, Message) else None
    carried = markup.inline_keyboard if markup is not None else []
    quoting: dict[str, Any] = {}
    if isinstance(message, Message) and any(
        key.callback_data == query.data for row in carried for key in row
    ):
        quoting["reply_parameters"] = ReplyParameters(
            message_id=message.message_id, allow_sending_without_reply=True
        )
    await reply(query, ctx.t("order-reassign-choose"), reply_markup=keyboard(rows), **quoting)


@router.callback_query(OrderCb.filter(F.action == "sas"))
async def on_assign_menu(query: CallbackQuery, callback_data: OrderCb, ctx: OrderCtx) -> None:
    """👤 指派: the members staff can give a free place on the order to."""
    members = await order_service.eligible_members(
        ctx.session, user=ctx.user, roles=ctx.roles, order_id=callback_data.ref, now=ctx.now()
    )
    if not members:
        await answer_once(query, ctx.t("order-assign-none"), alert=True)
        return
    rows = [[button(m.real_name, "sasto", callback_data.ref, m.user_id)] for m in members[:20]]
    await answer_once(query)
    await reply(query, ctx.t("order-assign-choose"), reply_markup=keyboard(rows))


@router.callback_query(OrderCb.filter(F.action == "sasto"))
async def on_assign(query: CallbackQuery, callback_data: OrderCb, ctx: OrderCtx) -> None:
    """The place given to the member chosen (they are told); taken meanwhile (a member's tap,
    a colleague's choice, cancelled): said so, and the list becomes the order's card."""
    order_id = callback_data.ref
    try:
        out = await order_service.assign_order(
            ctx.session,
            user=ctx.user,
            roles=ctx.roles,
            order_id=order_id,
            member_id=callback_data.extra,
            now=ctx.now(),
        )
    except Conflict as exc:
        message = query.message
        if not isinstance(message, Message):
            raise
        await answer_once(query, ctx.t(exc.key, **exc.args_), alert=True)
        await draw_card(message.bot, ctx, order_id, message.chat.id, message.message_id)
        return
    assert out.order is not None
    target = await ctx.session.get(MemberProfile, callback_data.extra)
    name = target.display_name if target else "-"
    await edit_or_send(query, ctx.t("order-assigned", number=out.order.number, name=name), None)
    await ctx.deliver(out.pending)


@router.callback_query(OrderCb.filter(F.action == "sreto"))
async def on_reassign(query: CallbackQuery, callback_data: OrderCb, ctx: OrderCtx) -> None:
    """Move the claim to the chosen member (both are told)."""
    try:
        out = await order_service.reassign_claim(
            ctx.session,
            user=ctx.user,
            roles=ctx.roles,
            claim_id=callback_data.ref,
            to_member_id=callback_data.extra,
            now=ctx.now(),
        )
    except Conflict as exc:
        # the claim ended meanwhile (given back, reported, moved already): the list becomes
        # the order's card as it now stands (before, the bare '…请点下方菜单重新打开')
        order_id = await order_service.order_of_claim(ctx.session, claim_id=callback_data.ref)
        message = query.message
        if exc.key != "order-err-changed" or order_id is None or not isinstance(message, Message):
            raise
        rows = message.reply_markup.inline_keyboard if message.reply_markup else []
        if not any(key.callback_data == query.data for row in rows for key in row):
            raise  # not a tap on the list (a forged one quoting another message)
        if await _stale_about_request(query, ctx, order_id):
            return
        await answer_once(query, ctx.t("order-changed-redrawn"), alert=True)
        await draw_card(message.bot, ctx, order_id, message.chat.id, message.message_id)
        return
    assert out.order is not None
    target = await ctx.session.get(MemberProfile, callback_data.extra)
    name = target.display_name if target else "-"
    await edit_or_send(query, ctx.t("order-reassigned", number=out.order.number, name=name), None)
    await ctx.deliver(out.pending)
