"""晒单: a member reports an order done (note and photos); staff verify it or send it back."""

from __future__ import annotations

import contextlib
from datetime import timedelta
from typing import Any

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, KeyboardButton, Message, ReplyKeyboardMarkup

from bot.i18n import Text
from handlers.claims import card_markup, draw_card
from handlers.consult_kit import safe_edit_markup
from handlers.context import OrderCtx
from handlers.form_guard import asks_first, origin, plain, starter
from handlers.keyboards import cancel_keyboard
from handlers.media import send_photos
from handlers.menu import labels
from handlers.order_ui import (
    FROM_WORDS,
    OrderCb,
    answer_once,
    button,
    changed_by,
    edit_or_send,
    keyboard,
    order_title,
    reply,
    resident_hears_at,
)
from handlers.registration import kept_draft
from handlers.text_steps import refuse_button_labels
from models.orders import OrderStatus
from services import delivery as outbox
from services import order_cards, report_drafts, smalltalk
from services import orders as order_service
from services.errors import Conflict
from services.validation import TYPED_MAX

REPORT_NOTE_LIMIT = TYPED_MAX  # characters, as services.orders.report_done accepts
REPORT_PHOTOS = 10  # photos kept with a report, as services.orders.report_done keeps
# What a member holding several orders told done at length ('陪吴大爷复查完了，已送回家'), kept
# for the buttons of the question which order it was: {"offer": its message id, "text": words}
TYPED_DONE = "typed_done"
REPORT_OFFER_ORDERS = 3  # ✅ 完成上报 buttons under the answer to a photo, one per order in hand

router = Router(name="results")
router.message.filter(F.chat.type == "private")


class ResultFlow(StatesGroup):
    """The member's report, and staff's reason for sending a result back."""

    report = State()
    send_back = State()


def _report_keyboard(t: Text, *, restart: bool = False) -> ReplyKeyboardMarkup:
    rows = [[KeyboardButton(text=t("order-btn-finished"))]]
    if restart:  # a draft taken up again: it may be written afresh
        rows.append([KeyboardButton(text=t("order-btn-report-restart"))])
    rows.append([KeyboardButton(text=t("common-cancel"))])
    return ReplyKeyboardMarkup(keyboard=rows, resize_keyboard=True)


# A stale button of another flow ("跳过", "不修改" …) is not what was done, nor what is missing.
refuse_button_labels(
    router,
    ResultFlow.report,
    allow=("order-btn-finished", "order-btn-report-restart"),
    keyboard=_report_keyboard,
)
refuse_button_labels(router, ResultFlow.send_back)


async def _draft_of(ctx: OrderCtx, order_id: int) -> report_drafts.Draft:
    """What the member wrote of the order's report before leaving it (empty when nothing):
    kept in the database (services.report_drafts), so also after a restart; as long as a
    conversation is kept (LINLI_FSM_TTL_HOURS)."""
    return await report_drafts.draft_of(
        ctx.session,
        member_id=ctx.user.id,
        order_id=order_id,
        now=ctx.now(),
        max_age=timedelta(hours=ctx.settings.fsm_ttl_hours),
    )


async def _keep_draft(ctx: OrderCtx, order_id: int, note: str, photos: list[str]) -> None:
    """The report as written so far, kept (services.report_drafts): 取消, a menu button,
    another form or a restart leaves it, and 完成上报 on the order goes on with it."""
    await report_drafts.keep_draft(
        ctx.session,
        member_id=ctx.user.id,
        order_id=order_id,
        note=note,
        photos=photos,
        now=ctx.now(),
    )


@router.message(StateFilter(ResultFlow), F.text.in_(labels("common-cancel")))
async def on_cancel(message: Message, state: FSMContext, ctx: OrderCtx) -> None:
    """Leave the step; nothing is reported. A report half written is kept (as it was written),
    and the member is told how to go on with it."""
    values = await state.get_data()
    kept = await state.get_state() == ResultFlow.report.state and bool(
        await _draft_of(ctx, int(values.get("oid") or 0))
    )
    await state.clear()
    await message.answer(
        ctx.t("order-report-kept" if kept else "cancel-done"), reply_markup=ctx.main_menu()
    )


async def take_typed_report(message: Message, state: FSMContext, ctx: OrderCtx, said: str) -> bool:
    """'陪吴大爷复查完了，已送回家' told by a member holding claims: with one order in hand, its
    完成上报 begun with the words as the note, to confirm with ✅ 说完了 (photos may follow, 取消
    sends nothing); with several, which one it was (a button each, carrying the words). Before,
    only short words ('修好了') were read so, and the report told at length was offered to be
    filed as a matter of the member's own. False when they hold none."""
    held = [
        o
        for o in await order_service.my_claims(ctx.session, user=ctx.user)
        if o.status in (OrderStatus.OPEN, OrderStatus.CLAIMED)
    ]
    if not held:
        return False
    t = ctx.t
    # '完成了 图片在上面': the photos just sent, answered with ✅ 完成上报 buttons, go with the
    # words (before, the report began without them and asked for photos again)
    above = await photos_above(state)
    if above and message.bot is not None:
        data = await state.get_data()
        with contextlib.suppress(TelegramBadRequest):  # its buttons are done with
            await message.bot.edit_message_reply_markup(
                chat_id=message.chat.id, message_id=int(data["typed_offer"]), reply_markup=None
            )
        await _unkeep(state, above)
    if len(held) == 1:
        await _begin_report(message, state, ctx, held[0], said, above)
        return True
    rows = [
        [
            button(
                t("order-btn-report-done-of", number=o.number, title=order_title(t, o)),
                "mdonet",
                o.id,
            )
        ]
        for o in held
    ]
    shown = said if len(said) <= 200 else said[:199] + "…"
    offer = await message.answer(
        t("order-typed-told-which", count=len(held), note=shown), reply_markup=keyboard(rows)
    )
    await state.update_data(
        {TYPED_DONE: {"offer": offer.message_id, "text": said, "photos": list(above)}}
    )
    return True


async def photos_above(state: FSMContext) -> tuple[str, ...]:
    """The photos a member sent at the menu just before, still under the answer carrying ✅ 完成
    上报 buttons (the latest offer made them); none once it was answered or others followed."""
    data = await state.get_data()
    kept = data.get(TYPED_DONE) or {}
    if not carries_photo_report(data, data.get("typed_offer")):
        return ()
    return tuple(kept.get("photos") or ())


async def photo_report_rows(ctx: OrderCtx) -> list[list[tuple[str, str]]]:
    """Under the answer to a photo a member holding orders sent at the menu: a ✅ 完成上报：
    G00001 button per order in hand (the latest few), to put the photo (and its caption) in
    that order's report instead; none for anyone else."""
    held = [
        o
        for o in await order_service.my_claims(ctx.session, user=ctx.user)
        if o.status in (OrderStatus.OPEN, OrderStatus.CLAIMED)
    ]
    return [
        [
            (
                ctx.t("order-btn-report-photo-of", number=o.number),
                OrderCb(action="mdonet", ref=o.id or 0).pack(),
            )
        ]
        for o in held[-REPORT_OFFER_ORDERS:]
    ]


async def keep_photo_report(
    state: FSMContext, offer: Message, *, said: str, photos: list[str], album: str | None
) -> None:
    """The answer carrying ✅ 完成上报 buttons (`photo_report_rows`), and what they put in the
    report: the photos (those of the same album that follow join them) and their caption."""
    await state.update_data(
        {TYPED_DONE: {"offer": offer.message_id, "text": said, "photos": photos, "album": album}}
    )


def carries_photo_report(data: dict[str, Any], offer_id: object) -> bool:
    """Whether the answer `offer_id` carries ✅ 完成上报 buttons for the photos kept with it."""
    kept = data.get(TYPED_DONE) or {}
    return isinstance(offer_id, int) and kept.get("offer") == offer_id


async def photo_report_moved(
    state: FSMContext, offer: Message, *, words: str = "", photo: str | None = None
) -> None:
    """A second photo (or the words for a photo) sent right under the answer carrying ✅ 完成上报
    buttons: they join what those buttons put in the report, now under the answer made again
    (`offer`). Before, the buttons were gone from the new answer and the photo was not kept for
    the report."""
    kept = (await state.get_data()).get(TYPED_DONE) or {}
    photos = list(kept.get("photos") or [])
    if photo and len(photos) < REPORT_PHOTOS:
        photos.append(photo)
    said = str(kept.get("text") or "")
    words = words.strip()
    if words and words not in said:
        said = f"{said}\n{words}" if said else words
    await state.update_data(
        {TYPED_DONE: {**kept, "offer": offer.message_id, "text": said, "photos": photos}}
    )


async def photo_joins_report(state: FSMContext, message: Message) -> None:
    """A further photo of the album whose first photo was offered for a report joins it."""
    kept = (await state.get_data()).get(TYPED_DONE) or {}
    album = message.media_group_id
    if album is None or kept.get("album") != album or not message.photo:
        return
    photos = list(kept.get("photos") or [])
    if len(photos) < REPORT_PHOTOS:
        photos.append(message.photo[-1].file_id)
    await state.update_data({TYPED_DONE: {**kept, "photos": photos}})


async def _begin_report(
    message: Message,
    state: FSMContext,
    ctx: OrderCtx,
    order: Any,
    said: str,
    sent: tuple[str, ...] = (),
) -> None:
    """The report of `order` begun with the words told and the photos `sent` (after what was
    written of it before and left, if anything): the member confirms with ✅ 说完了, adds
    words or photos, or cancels."""
    draft = await _draft_of(ctx, order.id or 0)
    note = said or draft.note
    if said and draft.note.strip() and said not in draft.note:
        joined = f"{draft.note}\n{said}".strip()
        note = joined if len(joined) <= REPORT_NOTE_LIMIT else said
    photos = list(dict.fromkeys([*draft.photos, *sent]))[:REPORT_PHOTOS]
    await state.clear()
    await state.set_state(ResultFlow.report)
    await state.update_data(oid=order.id, note=note, photos=photos)
    await _keep_draft(ctx, order.id or 0, note, photos)
    shown = note if len(note) <= 200 else note[:199] + "…"
    typed = ctx.t(
        "order-report-typed",
        number=order.number,
        title=order_title(ctx.t, order),
        note=shown.strip() or "none",
        photos=len(photos),
    )
    # again after 退回: what the last report said and that its photos stay, as 完成上报
    # tapped on the card says (`_ask_report`)
    last = await _last_report(ctx, order)
    await message.answer(
        f"{typed}\n{last}" if last else typed, reply_markup=_report_keyboard(ctx.t)
    )


@router.callback_query(OrderCb.filter(F.action.in_(starter("mdone", "mdonet"))))
async def on_report_start(
    query: CallbackQuery, callback_data: OrderCb, state: FSMContext, ctx: OrderCtx
) -> None:
    """Ask for what was done and photos; only a claimant is asked (checked again on submit).
    From the question which order a report told at length was of (mdonet), the report begins
    with those words."""
    told = await _told_words(query, callback_data, state)
    # the order's card 完成上报 was tapped on (also when asked first whether to leave a form)
    card = origin(query, callback_data)
    direct = OrderCb(action="mdone", ref=callback_data.ref, extra=callback_data.extra).pack()
    if card is not None and not _carries(card, direct):
        card = None  # a forged tap, or a card already shown as it is
    words = card if callback_data.extra == FROM_WORDS else None
    if words is not None:
        card = None  # the answer to '修好了': not the order's card (handlers.claims)
    try:
        await order_service.require_claimant(
            ctx.session, user=ctx.user, roles=ctx.roles, order_id=callback_data.ref, action="done"
        )
    except Conflict:
        # their claim ended (given to someone else, given back): said by the error handler;
        # the card tapped shows the order as it now is, without the claimant's buttons
        await _keep_draft(ctx, callback_data.ref, "", [])
        if card is not None:
            view = await order_service.order_view(
                ctx.session, user=ctx.user, roles=ctx.roles, order_id=callback_data.ref
            )
            await _show_now(
                card.bot, ctx, card.chat.id, card.message_id, card.text is not None, view
            )
        raise
    view = await order_service.order_view(
        ctx.session, user=ctx.user, roles=ctx.roles, order_id=callback_data.ref
    )
    if view.order.status not in (OrderStatus.OPEN, OrderStatus.CLAIMED):
        # an older card's button: reported already (by this member or another claimant),
        # verified or cancelled since; the card is shown as it stands (and what was written
        # of a report no longer needed goes)
        await _keep_draft(ctx, callback_data.ref, "", [])
        key = (
            "order-report-already"
            if view.order.status == OrderStatus.DONE
            else "order-err-changed"
        )
        if card is not None:
            await _show_now(
                card.bot, ctx, card.chat.id, card.message_id, card.text is not None, view
            )
        await answer_once(query, ctx.t(key, number=view.order.number), alert=True)
        return
    same = await state.get_state() == ResultFlow.report.state and (
        (await state.get_data()).get("oid") == view.order.id
    )  # asked again while writing it: it goes on as written (kept), nothing to ask or say
    if not same and await asks_first(query, callback_data, state, ctx.t, starting="ResultReport"):
        return
    if told is not None and isinstance(query.message, Message):
        # the question which order it was: answered (its buttons go), the report begins
        asked = origin(query, callback_data) or query.message
        await safe_edit_markup(asked, None)
        await answer_once(query)
        await _unkeep(state, told[1])
        await _begin_report(query.message, state, ctx, view.order, *told)
        return
    if words is not None:
        await safe_edit_markup(words, None)  # answered: its button goes, its words stay
    await state.clear()
    await state.set_state(ResultFlow.report)
    # the card whose 完成上报 was tapped (not the question whether to leave another form, whose
    # 不填了 leads back to the card it quotes): once reported it reads so, without the button
    # what was written before and left (取消, a menu button) is taken up again
    draft = await _draft_of(ctx, callback_data.ref)
    note, photos = draft.note, list(draft.photos)
    await state.update_data(oid=view.order.id, note=note, photos=photos)
    if card is not None:
        await state.update_data(card=card.message_id, card_text=card.text is not None)
    if draft:
        shown = note if len(note) <= 200 else note[:199] + "…"
        ask = ctx.t(
            "order-ask-report-draft",
            number=view.order.number,
            note=shown or "none",
            photos=len(photos),
        )
        last = await _last_report(ctx, view.order)
        ask = f"{ask}\n{last}" if last else ask
    else:
        ask = await _ask_report(ctx, view.order)
    await reply(query, ask, reply_markup=_report_keyboard(ctx.t, restart=bool(draft)))


@router.message(ResultFlow.report, F.text.in_(labels("order-btn-report-restart")))
async def on_report_restart(message: Message, state: FSMContext, ctx: OrderCtx) -> None:
    """🗑 重新写: what was written before goes; the report is asked for afresh."""
    values = await state.get_data()
    order_id = int(values.get("oid") or 0)
    await _keep_draft(ctx, order_id, "", [])
    await state.update_data(note="", photos=[])
    order = await order_service.get_order(ctx.session, order_id)
    await message.answer(await _ask_report(ctx, order), reply_markup=_report_keyboard(ctx.t))


async def _ask_report(ctx: OrderCtx, order: Any) -> str:
    """What to report; again after 退回, with what the last report said and that its photos
    stay, so that the words are written whole (they replace the last ones) and the photos
    are not sent twice."""
    if not order.result_note:
        return ctx.t("order-ask-report", number=order.number)
    last = await _last_report(ctx, order)
    return f"{ctx.t('order-ask-report-again', number=order.number)}\n{last}"


async def _last_report(ctx: OrderCtx, order: Any) -> str:
    """After 退回: what the last report said, that its photos stay and that the words written
    now replace it (empty before a first report). Said however the report is begun again —
    完成上报 tapped, or the work told in words ('修好了，换了新阀门')."""
    if not order.result_note:
        return ""
    note = order.result_note if len(order.result_note) <= 200 else order.result_note[:199] + "…"
    photos = await order_service.count_result_photos(ctx.session, order_id=order.id)
    return ctx.t("order-report-last", note=note, photos=photos)


async def _report_closed(
    message: Message, state: FSMContext, ctx: OrderCtx, refused: Conflict | None = None
) -> bool:
    """The report being written is of an order no longer the member's to report (cancelled,
    given to someone else, verified, or reported by a fellow claimant meanwhile; `refused`:
    the service's refusal of the report, when it was sent): the step ends with nothing kept,
    the member is told why (who did what, when), and their card of the order (the one the
    report began from, else the one remembered) reads as the order now is. Before, photos and
    words went on being collected for a report that could only fail. False while the report
    is still theirs to send."""
    values = await state.get_data()
    oid = int(values.get("oid") or 0)
    if refused is not None and refused.key not in ("order-claim-ended", "order-err-changed"):
        return False  # not about the order moving on (the error handler's)
    ended = None
    if refused is not None and refused.key == "order-claim-ended":
        ended = ctx.t(refused.key, **refused.args_)
    else:
        try:
            await order_service.require_claimant(
                ctx.session, user=ctx.user, roles=ctx.roles, order_id=oid, action="done"
            )
        except Conflict as exc:  # their claim ended
            ended = ctx.t(exc.key, **exc.args_)
    order = await order_service.get_order(ctx.session, oid)
    await ctx.session.refresh(order)  # as others may have changed it meanwhile
    if ended is None and order.status in (OrderStatus.OPEN, OrderStatus.CLAIMED):
        if refused is None:
            return False
        ended = ctx.t("order-err-changed")
    if ended is None:
        ended = ctx.t("order-report-already", number=order.number)
    await _keep_draft(ctx, oid, "", [])
    await state.clear()
    change = await changed_by(
        ctx.session, ctx.t, ctx.settings, request_id=order.request_id, now=ctx.now()
    )
    said = ctx.t("order-report-overtaken", ended=ended, change=change)
    await message.answer(said, reply_markup=ctx.main_menu())
    card, is_text = int(values.get("card") or 0), bool(values.get("card_text"))
    shown = await order_cards.card_of(ctx.session, order_id=oid, member_id=ctx.user.id)
    view = await order_service.order_view(
        ctx.session, user=ctx.user, roles=ctx.roles, order_id=oid
    )
    args = await order_cards.card_args(ctx.session, view)
    for drawn in dict.fromkeys(m for m in (card, shown) if m):
        # the card remembered may read so already (redrawn by the outbox as it changed); a
        # redraw of it still queued is drawn now, as the member was just told
        queued = await outbox.cancel_redraws(
            ctx.session, chat_id=message.chat.id, message_id=drawn
        )
        if not queued and await order_cards.reads(
            ctx.session, order_id=oid, member_id=ctx.user.id, message_id=drawn, args=args
        ):
            continue
        if drawn == card:
            await _show_now(message.bot, ctx, message.chat.id, card, is_text, view)
        else:
            await draw_card(message.bot, ctx, oid, message.chat.id, drawn)
    return True


@router.message(ResultFlow.report, F.photo)
async def on_report_photo(message: Message, state: FSMContext, ctx: OrderCtx) -> None:
    """A photo of the result (its caption joins the note). Past REPORT_PHOTOS the photo is
    refused (before, it silently replaced the last one); a caption that would make the note
    longer than the report takes is not kept (the photo is), and said so: before, it was,
    and 说完了 then failed with no way to shorten the note."""
    if await _report_closed(message, state, ctx):
        return
    values = await state.get_data()
    photos = list(values.get("photos", []))
    if len(photos) >= REPORT_PHOTOS:
        await message.answer(ctx.t("order-photos-full", limit=REPORT_PHOTOS))
        return
    assert message.photo is not None
    photos.append(message.photo[-1].file_id)
    note = values.get("note", "")
    oid = int(values.get("oid") or 0)
    if message.caption:
        longer = (note + "\n" + message.caption).strip()
        if len(longer) > REPORT_NOTE_LIMIT:
            await state.update_data(photos=photos)
            await _keep_draft(ctx, oid, note, photos)
            await message.answer(
                ctx.t("err-text-too-long", length=len(longer), limit=REPORT_NOTE_LIMIT)
            )
            return
        note = longer
    await state.update_data(photos=photos, note=note)
    await _keep_draft(ctx, oid, note, photos)
    await message.answer(ctx.t("order-got-photo", count=len(photos)))


@router.message(ResultFlow.report, F.text.in_(labels("order-btn-finished")))
async def on_report_submit(message: Message, state: FSMContext, ctx: OrderCtx) -> None:
    """Report the order done; staff are asked to verify."""
    if await _report_closed(message, state, ctx):
        return
    values = await state.get_data()
    if not values.get("note", "").strip():
        await message.answer(ctx.t("order-ask-report-text"))
        return
    try:
        out = await order_service.report_done(
            ctx.session,
            user=ctx.user,
            roles=ctx.roles,
            order_id=int(values["oid"]),
            note=values["note"],
            photos=list(values.get("photos", [])),
            now=ctx.now(),
        )
    except Conflict as exc:
        # the order moved on, or the claim was given to someone else, while the report was
        # written: the step has nothing left to do (before, it stayed and refused every
        # ✅ 说完了 until 取消), nor what was written of it; the member is told why, and their
        # card of the order reads as it now is
        if not await _report_closed(message, state, ctx, exc):
            raise
        return
    await _keep_draft(ctx, int(values["oid"]), "", [])
    await state.clear()
    assert out.order is not None
    view = await order_service.order_view(
        ctx.session, user=ctx.user, roles=ctx.roles, order_id=out.order.id or 0
    )
    card, is_text = int(values.get("card") or 0), bool(values.get("card_text"))
    if card:
        await _show_now(message.bot, ctx, message.chat.id, card, is_text, view)
    # begun elsewhere (a notice's button, '修好了' typed, an older card): the member's card of
    # the order reads as reported too
    shown = await order_cards.card_of(
        ctx.session, order_id=out.order.id or 0, member_id=ctx.user.id
    )
    if shown is not None and shown != card:
        await draw_card(message.bot, ctx, out.order.id or 0, message.chat.id, shown)
    await message.answer(
        ctx.t("order-reported", number=out.order.number), reply_markup=ctx.main_menu()
    )
    await ctx.deliver(out.pending)


async def _told_words(
    query: CallbackQuery, callback_data: OrderCb, state: FSMContext
) -> tuple[str, tuple[str, ...]] | None:
    """The words (and photos) a report was told in, kept for the question (mdonet) tapped, or
    None (another button, or they are gone: the report is then asked for as 完成上报 asks)."""
    if plain(callback_data.action) != "mdonet":
        return None
    kept = (await state.get_data()).get(TYPED_DONE) or {}
    asked = origin(query, callback_data) or query.message
    if not isinstance(asked, Message) or kept.get("offer") != asked.message_id:
        return None
    said, photos = str(kept.get("text") or ""), tuple(kept.get("photos") or ())
    return (said, photos) if said or photos else None


async def _unkeep(state: FSMContext, photos: tuple[str, ...]) -> None:
    """Photos put in a report are no longer kept as a matter of the member's own for after
    they register an address (handlers.registration.kept_draft); nothing else kept goes."""
    if not photos:
        return
    kept = await kept_draft(state).get_data()
    left = [p for p in kept.get("photos") or [] if p not in photos]
    if left == list(kept.get("photos") or []):
        return
    kept["photos"] = left
    if any(kept.get(k) for k in ("text", "photos", "voice", "place", "topic")):
        await kept_draft(state).set_data(kept)
    else:
        await kept_draft(state).clear()


def _carries(message: Message, data: str | None) -> bool:
    """The message has the button tapped (not a forged tap on a card already shown as is)."""
    rows = message.reply_markup.inline_keyboard if message.reply_markup else []
    return any(key.callback_data == data for row in rows for key in row)


async def _show_now(
    bot: Bot | None, ctx: OrderCtx, chat_id: int, message_id: int, is_text: bool, view: Any
) -> None:
    """The message that carried 完成上报 becomes the order's card as it stands now (reported:
    waiting for staff to verify), without the button (handlers.claims.draw_card); a photo's
    caption only loses it (its 📄 全文 stays when a typed text on the card is cut)."""
    if bot is None:
        return
    if is_text:
        await draw_card(bot, ctx, view.order.id, chat_id, message_id)
        return
    markup = card_markup(ctx, view, await order_cards.card_args(ctx.session, view))
    # gone, too old, or a double tap crossing the edit: the member was told in the reply
    with contextlib.suppress(TelegramBadRequest):
        await bot.edit_message_reply_markup(
            chat_id=chat_id, message_id=message_id, reply_markup=markup
        )


@router.message(ResultFlow.report, F.text)
async def on_report_text(message: Message, state: FSMContext, ctx: OrderCtx) -> None:
    """The note of what was done. '好了' / '就这些' alone is ✅ 说完了; '算了' alone is told
    the way out (neither is added to the note)."""
    if await _report_closed(message, state, ctx):
        return
    values = await state.get_data()
    intent = smalltalk.compose_intent(message.text)
    if intent == smalltalk.Compose.DONE:  # with no note yet, the note is asked for
        await on_report_submit(message, state, ctx)
        return
    if intent == smalltalk.Compose.CANCEL:
        await message.answer(ctx.t("order-report-cancel-meant"))
        return
    note = (values.get("note", "") + "\n" + (message.text or "")).strip()
    if len(note) > REPORT_NOTE_LIMIT:
        # Refuse this part now (what was said before is kept), never cut it silently.
        await message.answer(ctx.t("err-text-too-long", length=len(note), limit=REPORT_NOTE_LIMIT))
        return
    await state.update_data(note=note)
    await _keep_draft(ctx, int(values.get("oid") or 0), note, list(values.get("photos", [])))
    await message.answer(ctx.t("order-got-text"))


async def _no_longer_to_verify(
    query: CallbackQuery, callback_data: OrderCb, ctx: OrderCtx, status: str, number: str
) -> bool:
    """True (said so) when the order is no longer waiting to be checked: a 验收 card's button
    tapped after it was accepted, sent back or cancelled (another card, a colleague). That card
    loses its buttons; before, 验收通过 said '请刷新后再看' and left them, and 退回 asked what
    is missing, then failed at every answer until 取消."""
    if status == OrderStatus.DONE:
        return False
    said = await _who_ended_it(ctx, callback_data.ref)
    card = origin(query, callback_data)
    tapped = OrderCb(action=plain(callback_data.action), ref=callback_data.ref).pack()
    if (
        card is not None
        and _carries(card, tapped)
        and await order_service.verify_copy_to_draw(
            ctx.session,
            order_id=callback_data.ref,
            chat_id=card.chat.id,
            message_id=card.message_id,
        )
    ):
        # the card keeps what it is about, says what happened and by whom, without buttons
        # (a copy the outbox redraws with the colleague's decision is left to that redraw)
        await _redraw_card(card.bot, ctx, card.chat.id, card.message_id, card.html_text, said)
    await answer_once(query, said, alert=True)
    return True


async def _who_ended_it(ctx: OrderCtx, order_id: int) -> str:
    """'工单 G… 已由 张网格员 验收通过': who took the order out of the wait for a check, and how
    (before: '已验收、已退回或已取消', without saying which or who)."""
    order, (how, name) = await order_service.how_verification_ended_of(
        ctx.session, user=ctx.user, roles=ctx.roles, order_id=order_id
    )
    return ctx.t("order-verify-taken", number=order.number, name=name, how=how)


async def _redraw_card(
    bot: Bot | None, ctx: OrderCtx, chat_id: int, message_id: int, html: str | None, state: str
) -> None:
    """A 验收 card keeps its words (order, title, the member's report), its state below, and no
    buttons; a photo card (or one whose words are unknown) only loses its buttons."""
    if bot is None:
        return
    with contextlib.suppress(TelegramBadRequest):  # gone, too old, or a double tap's edit
        if html:
            await bot.edit_message_text(
                f"{html}\n\n{state}", chat_id=chat_id, message_id=message_id
            )
        else:
            await bot.edit_message_reply_markup(
                chat_id=chat_id, message_id=message_id, reply_markup=None
            )


@router.callback_query(OrderCb.filter(F.action == "vok"))
async def on_verify(query: CallbackQuery, callback_data: OrderCb, ctx: OrderCtx) -> None:
    """Staff accept the result: points, the resident's rating request, the public card."""
    view = await order_service.order_view(
        ctx.session, user=ctx.user, roles=ctx.roles, order_id=callback_data.ref
    )
    if view.staff and await _no_longer_to_verify(
        query, callback_data, ctx, view.order.status, view.order.number
    ):
        return
    try:
        out = await order_service.verify(
            ctx.session,
            user=ctx.user,
            roles=ctx.roles,
            order_id=callback_data.ref,
            approve=True,
            note=None,
            now=ctx.now(),
            tapped=query.message.message_id if query.message is not None else None,
        )
    except Conflict as exc:
        # a colleague's tap on their copy at the same moment came first: the tap says who
        # and how (before: '已经有人处理过了', not who); this copy is redrawn with the
        # colleagues' by their change, through the outbox (services.orders.verify)
        if not view.staff or exc.key != "order-err-changed":
            raise
        order = await order_service.get_order(ctx.session, callback_data.ref)
        await ctx.session.refresh(order)  # as the colleague left it
        if not await _no_longer_to_verify(query, callback_data, ctx, order.status, order.number):
            raise  # still waiting: something else moved
        return
    assert out.order is not None
    held = await resident_hears_at(ctx.session, ctx.t, ctx.settings, out, now=ctx.now())
    if held is not None:  # quiet hours hold the rating request: said when it goes
        said = ctx.t("order-verified-night", number=out.order.number, at=held)
    else:
        said = ctx.t("order-verified", number=out.order.number)
    card = query.message
    if isinstance(card, Message) and await _is_staff_card(ctx, out.order.id, card.message_id):
        # the staff member's card of the order: it goes on reading as the order is (已验收,
        # without buttons), as the copies of it are redrawn; the answer comes below it
        await answer_once(query)
        await draw_card(card.bot, ctx, out.order.id or 0, card.chat.id, card.message_id)
        await card.answer(said)
    else:  # a 请验收 notice: it says it was checked
        await edit_or_send(query, said, None)
    await ctx.deliver(out.pending)


async def _is_staff_card(ctx: OrderCtx, order_id: int | None, message_id: int) -> bool:
    """The message is the staff member's card of the order, redrawn as the order changes
    (services.staff_order_cards), not a 请验收 notice."""
    shown = await order_cards.card_of(ctx.session, order_id=order_id or 0, member_id=ctx.user.id)
    return shown == message_id


@router.callback_query(OrderCb.filter(F.action == "vpics"))
async def on_result_photos(query: CallbackQuery, callback_data: OrderCb, ctx: OrderCtx) -> None:
    """Staff see the photos the member reported the order done with."""
    order, photos = await order_service.result_photos(
        ctx.session, user=ctx.user, roles=ctx.roles, order_id=callback_data.ref
    )
    await answer_once(query)
    if not isinstance(query.message, Message):
        return
    caption = ctx.t(
        "order-attachment-caption",
        number=f"{order.request_id:05d}",
        purpose=ctx.t("order-purpose-result"),
    )
    await send_photos(query.message, list(photos), caption=caption)


@router.callback_query(OrderCb.filter(F.action.in_(starter("vback"))))
async def on_send_back_prompt(
    query: CallbackQuery, callback_data: OrderCb, state: FSMContext, ctx: OrderCtx
) -> None:
    """Ask what is missing before sending the result back."""
    t = ctx.t
    view = await order_service.order_view(
        ctx.session, user=ctx.user, roles=ctx.roles, order_id=callback_data.ref
    )
    if not view.staff:
        await order_service.log_refusal(
            ctx.session, user=ctx.user, action="send_back", detail=str(callback_data.ref)
        )
        await answer_once(query, t("err-not-allowed"), alert=True)
        return
    if await _no_longer_to_verify(query, callback_data, ctx, view.order.status, view.order.number):
        return
    if await asks_first(query, callback_data, state, t, starting="SendBack"):
        return
    await state.clear()
    await state.set_state(ResultFlow.send_back)
    await state.update_data(oid=view.order.id, number=view.order.number)
    # the 验收 card 退回 was tapped on: once sent back it says so, without its buttons
    card = origin(query, callback_data)
    if card is not None and card.text is not None:
        await state.update_data(card=card.message_id, card_html=card.html_text)
    await reply(
        query,
        t("order-ask-send-back", number=view.order.number),
        reply_markup=cancel_keyboard(t),
    )


@router.message(ResultFlow.send_back, F.text)
async def on_send_back(message: Message, state: FSMContext, ctx: OrderCtx) -> None:
    """Send the result back to the members with the note."""
    values = await state.get_data()
    try:
        out = await order_service.verify(
            ctx.session,
            user=ctx.user,
            roles=ctx.roles,
            order_id=int(values["oid"]),
            approve=False,
            note=message.text,
            now=ctx.now(),
            tapped=int(values["card"]) if values.get("card") else None,
        )
    except Conflict:
        # accepted, sent back or cancelled meanwhile (a colleague, another card): the step
        # ends, saying what happened and who did it, and that the reason was not passed on
        await state.clear()
        said = await _who_ended_it(ctx, int(values["oid"]))
        card = int(values.get("card") or 0)
        if card and await _is_staff_card(ctx, int(values["oid"]), card):
            # the staff member's card of the order reads as the order now is
            await draw_card(message.bot, ctx, int(values["oid"]), message.chat.id, card)
        elif card and await order_service.verify_copy_to_draw(
            ctx.session, order_id=int(values["oid"]), chat_id=message.chat.id, message_id=card
        ):  # (a copy the outbox redraws with the colleague's decision is left to that redraw)
            await _redraw_card(
                message.bot,
                ctx,
                message.chat.id,
                int(values["card"]),
                values.get("card_html"),
                said,
            )
        await message.answer(
            said + "\n" + ctx.t("order-send-back-reason-dropped", reason=message.text or ""),
            reply_markup=ctx.main_menu(),
        )
        return
    await state.clear()
    assert out.order is not None
    sent_back = ctx.t("order-card-sent-back", reason=message.text or "")
    card = int(values.get("card") or 0)
    if card and await _is_staff_card(ctx, out.order.id, card):
        # the staff member's card of the order: it reads as the order now is (back with its
        # claimants), as its copies are redrawn
        await draw_card(message.bot, ctx, out.order.id or 0, message.chat.id, card)
        await message.answer(
            ctx.t("order-sent-back", number=out.order.number), reply_markup=ctx.main_menu()
        )
    elif card:
        # the card says it, under what it was about: the reply only brings the menu back
        await _redraw_card(
            message.bot,
            ctx,
            message.chat.id,
            int(values["card"]),
            values.get("card_html"),
            sent_back,
        )
        await message.answer(ctx.t("order-sent-back-menu"), reply_markup=ctx.main_menu())
    else:
        await message.answer(
            ctx.t("order-sent-back", number=out.order.number), reply_markup=ctx.main_menu()
        )
    await ctx.deliver(out.pending)
