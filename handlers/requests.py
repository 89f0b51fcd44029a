"""Residents: 我要点单 (text, photos, voice, location, urgency, category, confirm), 我的诉求
(paged, details, add information, withdraw) and rating the result."""

from __future__ import annotations

import contextlib
import html
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from aiogram import F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import StateFilter
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

from bot.i18n import Text
from bot.settings import Settings
from handlers.complaint import pass_on_with_rating, rating_complains
from handlers.consult_kit import safe_edit_markup
from handlers.context import OrderCtx
from handlers.form_guard import asks_first, held_draft, origin, plain, starter
from handlers.keyboards import cancel_keyboard
from handlers.menu import all_flow_labels, labels
from handlers.order_ui import (
    OrderCb,
    answer_once,
    button,
    edit_or_send,
    fit_card,
    keyboard,
    local,
    pager,
    reply,
    request_card,
    request_text,
    send_whole,
    short,
    status_text,
)
from handlers.registration import kept_draft, register_now_kb
from handlers.text_steps import BACK, is_back, refuse_button_labels
from models import Building
from models.orders import RESIDENT_CAN_ADD_INFO, RESIDENT_EDITABLE, Request, RequestStatus, Score
from services import orders as order_service
from services import requests as request_service
from services import smalltalk
from services import urges as urge_service
from services.address import may_name_public_place, named_place, public_place_in
from services.delivery import CAPTION_LIMIT, TEXT_LIMIT, utf16_len, visible_text
from services.errors import Conflict, InvalidInput
from services.fitting import LongTexts, cut_marker, make_room
from services.order_common import (
    Suggestion,
    candidate_codes,
    catalogue,
    category,
    phones_in,
    suggest,
    title_in,
)
from services.order_titles import fit
from services.places import PUBLIC_AREA_MAX
from services.request_split import two_matters
from services.requests import Draft
from services.triage.text import with_caption
from services.validation import contact_phone

router = Router(name="requests")
router.message.filter(F.chat.type == "private")


class Filing(StatesGroup):
    """The steps of 我要点单."""

    compose = State()
    confirm = State()
    where = State()  # 📍 → 🌳 小区公共区域: where in it, typed (or skipped)


class AddInfo(StatesGroup):
    """Adding information to a filed request."""

    compose = State()


class RateComment(StatesGroup):
    """An optional comment after choosing a rating."""

    comment = State()


class Review(StatesGroup):
    """申请复核: why a declined request should be looked at again."""

    reason = State()


def compose_keyboard(t: Text) -> ReplyKeyboardMarkup:
    """The keyboard while a request is being described: done, location, cancel."""
    return ReplyKeyboardMarkup(
        keyboard=[
            [KeyboardButton(text=t("order-btn-finished"))],
            [KeyboardButton(text=t("order-btn-location"), request_location=True)],
            [KeyboardButton(text=t("common-cancel"))],
        ],
        resize_keyboard=True,
    )


def _draft(data: dict[str, Any]) -> Draft:
    return Draft(
        text=data.get("text", ""),
        category=data.get("category", "other"),
        urgent=bool(data.get("urgent", False)),
        photos=list(data.get("photos", [])),
        voices=request_service.voices_of(data.get("voice")),
        latitude=data.get("lat"),
        longitude=data.get("lon"),
        building_id=place[0] if (place := _place(data)) else None,
        home_room=not data.get("ours"),
        public_area=data.get("public"),
        contact_phone=data.get("contact"),
    )


def _place(data: dict[str, Any]) -> tuple[int, int] | None:
    """(building, grid) where the matter is, when the description names another building than
    the resident's (or she picked one) and they kept it; None: their own building, or a public
    area of the community (`public`)."""
    place = data.get("place")
    if not place or data.get("at_home") or data.get("public") is not None:
        return None
    return int(place["id"]), int(place["grid"])


# A stale button of another flow ("跳过", "不修改" …) is not a description of the matter.
# 上一步 at the first step of filing (an old keyboard's, or typed): the way out, as '返回'
refuse_button_labels(
    router, Filing.compose, allow=("order-btn-finished", BACK), keyboard=compose_keyboard
)
refuse_button_labels(router, AddInfo.compose)
# The rating comment is optional: "跳过" (and "取消": the score is already kept) rate without one.
refuse_button_labels(router, RateComment.comment, allow=("common-skip",))
refuse_button_labels(router, Review.reason)


# ---------------------------------------------------------------- 我要点单


@router.message(F.text.in_(labels("menu-order-new")))
async def cmd_new_request(message: Message, state: FSMContext, ctx: OrderCtx) -> None:
    """Start a request: ask for the description (text, photos, voice, location).

    A request the limits held back (too many filed lately) is shown again instead, to submit.
    """
    t = ctx.t
    if not ctx.user.registered:
        await message.answer(
            t("err-need-register-order"), reply_markup=register_now_kb(t, then="order")
        )
        return
    if await _restore_held(state):
        await _show_preview(message, state, t, note=t("order-draft-held"))
        return
    # a matter told in a group (or before registering) waits beside the chat: it is where
    # this request starts, shown back, rather than asking for it again
    kept = await kept_draft(state).get_data()
    if kept.get("text") or kept.get("photos") or kept.get("voice") or kept.get("place"):
        await kept_draft(state).clear()
        await begin_filing(message, state, t, kept=kept)
        return
    await begin_filing(message, state, t)


async def begin_filing(
    message: Message, state: FSMContext, t: Text, *, kept: dict[str, Any] | None = None
) -> None:
    """Ask for the description of a new request (also right after registering, when the
    person had tapped 我要点单 before registering). `kept`: what they told us before
    registering (handlers.registration.kept_draft) is the description's start, shown back."""
    await state.clear()
    await state.set_state(Filing.compose)
    if not kept:
        await state.update_data(text="", photos=[], voice=None)
        await message.answer(t("order-ask-describe"), reply_markup=compose_keyboard(t))
        return
    text = str(kept.get("text") or "")
    photos = list(kept.get("photos") or [])[: request_service.MAX_PHOTOS]
    voices = request_service.voices_of(kept.get("voice"))
    await state.update_data(text=text, photos=photos, voice=voices)
    place = kept.get("place")
    if place:
        await state.update_data(lat=place[0], lon=place[1])
    parts = [t("order-kept-intro-group" if kept.get("from_group") else "order-kept-intro")]
    if text:
        parts.append(t("order-kept-text", text=fit(text.strip(), 400)))
    if photos:
        parts.append(t("order-kept-photos", count=len(photos)))
    if voices:
        parts.append(t("order-kept-voice", count=len(voices)))
    if place:
        parts.append(t("order-kept-place"))
    parts.append(t("order-kept-go-on"))
    await message.answer("\n".join(parts), reply_markup=compose_keyboard(t))


@router.message(Filing.compose, F.text.in_(labels("common-cancel")))
@router.message(AddInfo.compose, F.text.in_(labels("common-cancel")))
@router.message(Review.reason, F.text.in_(labels("common-cancel")))
async def on_compose_cancel(message: Message, state: FSMContext, ctx: OrderCtx) -> None:
    """Leave the flow; nothing is filed."""
    await state.clear()
    await message.answer(ctx.t("cancel-done"), reply_markup=ctx.main_menu())


@router.message(Filing.compose, F.text.in_(labels("order-btn-finished")))
async def on_compose_finished(message: Message, state: FSMContext, ctx: OrderCtx) -> None:
    """The resident has said everything: show the request back with its category."""
    values = await state.get_data()
    said = values.get("text", "").strip()
    if not said and not values.get("voice"):
        await message.answer(ctx.t("order-ask-describe-text"))
        return
    # Triage reads only what the resident wrote: a voice note alone gets no suggestion.
    s = suggest(ctx.triage, said)
    if not said:  # the request keeps no text; whoever reads it is told it is a voice note
        await state.update_data(text="", no_text=True)
    await state.update_data(
        own_phone=ctx.user.phone,  # a number said in the words that is not hers is offered
        category=s.category,
        urgent=values.get("urgent") or s.urgent,
        candidates=candidate_codes(s),
        # triage could not tell the category: the preview offers its next guesses to tap
        unsure=bool(said) and s.unsure,
        suggestion={
            "category": s.category,
            "confidence": s.confidence,
            "urgent": s.urgent,
            "reasons": list(s.urgent_reasons),
            "keywords": list(s.keywords),
        },
    )
    place = (
        await named_place(
            ctx.session,
            said,
            community_id=ctx.user.community_id,
            home_building_id=ctx.user.building_id,
        )
        if said and ctx.user.community_id is not None
        else None
    )
    await state.update_data(
        place={
            "id": place.building_id,
            "grid": place.grid_id,
            "name": place.name,
            "home": place.home,
        }
        if place
        else None,
        at_home=False,
        public=None,
        ours=False,
        # words that put it in a public area ('东门外马路'): the preview offers it, one tap
        public_hint=None if place or not said else await _public_hint(ctx, said),
    )
    at = (place.building_id, place.grid_id) if place else None  # as _place reads it back
    await state.update_data(similar=await _similar(ctx, said, urgent=s.urgent, place=at))
    # '楼道灯坏了，还有电梯也不动了': the preview offers to file it as two (words alone: a photo
    # or voice note could belong to either)
    plain_words = not (values.get("photos") or values.get("voice") or values.get("lat"))
    two = two_matters(said, triage=ctx.triage) if plain_words else None
    await state.update_data(
        split={"of": said, "first": two.first, "second": two.second} if two else None
    )
    await state.set_state(Filing.confirm)
    # One message: the preview with its buttons (the compose keyboard's 取消 still works).
    await _show_preview(message, state, ctx.t)


async def _public_hint(ctx: OrderCtx, said: str) -> str | None:
    """Where in a public area of the community the words say the matter is, read past the
    community's own name and its buildings' ('阳光花园', '幸福里花园小区' are no garden); None
    when they do not say it surely. Words with no public place's word in them need no names
    read past: no read then."""
    if not may_name_public_place(said):
        return None
    return await public_place_in(ctx.session, said, community_id=ctx.user.community_id)


async def _similar(
    ctx: OrderCtx,
    said: str,
    *,
    urgent: bool,
    place: tuple[int, int] | None = None,
    public: bool = False,
) -> list[dict[str, Any]]:
    """Open matters nearby that read like this one, each as its preview line and id, so the
    resident can say it is the same (同一件事) instead of filing it twice. Not for an urgent
    matter: that alerts staff on its own."""
    if urgent or not said:
        return []
    t, now = ctx.t, ctx.now()
    found = await request_service.similar_for_resident(
        ctx.session, ctx.triage, user=ctx.user, text=said, now=now, place=place, public=public
    )
    return [
        {
            "id": item.request.id,
            "number": item.request.number,
            "line": t(
                "order-similar-line",
                number=item.request.number,
                # an order called by its category's name reads in the reader's language
                what=title_in(item.title, item.request.category, t.lang)
                if item.title
                else category(item.request.category).name(t.lang),
                place=item.building or "-",
                since=local(t, ctx.settings, item.request.created_at, now=now),
                status=status_text(t, item.request),
            ),
        }
        for item in found
    ]


@router.message(Filing.confirm, F.text.in_(labels("order-btn-finished")))
async def on_finished_again(message: Message, state: FSMContext, t: Text) -> None:
    """说完了 tapped again while the preview is shown: show it once more."""
    await _show_preview(message, state, t)


@router.message(Filing.confirm, F.text, ~F.text.startswith("/"), ~F.text.in_(all_flow_labels()))
async def on_typed_at_preview(message: Message, state: FSMContext, t: Text) -> None:
    """Typed at the preview instead of tapped, as older residents do: '提交吧' / '好的' / '我不
    会弄' get the preview again, at the bottom, saying which button sends it; '算了' the way
    out; '很急' / '不急' mark it urgent or not; other words are more of the matter — added to it
    and shown (they used to be answered '请点上面消息里的按钮' and dropped)."""
    said = (message.text or "").strip()
    meant = smalltalk.at_preview(said)
    if meant == smalltalk.AtPreview.LEAVE:
        await message.answer(t("order-compose-cancel-meant"), reply_markup=cancel_keyboard(t))
        return
    urgency = smalltalk.urgency_said(said) if meant is None else None
    if urgency is not None:
        # '这个挺急的' / '不急，慢慢来': 🚨 标为紧急 (改为不紧急) meant, as its tap sets it; the
        # words are not added to the matter (they were, and the preview still said 不紧急)
        await state.update_data(urgent=urgency)
        key = "order-preview-urgent-typed" if urgency else "order-preview-not-urgent-typed"
        await _show_preview(message, state, t, note=t(key))
        return
    named = smalltalk.category_named(
        said, {c.code: [c.name("zh-Hans"), c.name("en")] for c in catalogue()}
    )
    if named is not None and meant is None:
        # '维修', "it's about repairs": the category, as tapping it in 🏷 换个分类 sets it
        await state.update_data(category=named, unsure=False)
        note = t("order-preview-category-typed", category=category(named).name(t.lang))
        await _show_preview(message, state, t, note=note)
        return
    if meant is not None:
        await _show_preview(message, state, t, note=t("order-preview-tap-submit"))
        return
    values = await state.get_data()
    text = values.get("text", "")
    if f"\n{said}\n" not in f"\n{text}\n":  # the same words twice are kept once
        text = f"{text}\n{said}".strip()
    if len(text) > request_service.MAX_TEXT:
        await message.answer(
            t("err-text-too-long", length=len(text), limit=request_service.MAX_TEXT)
        )
        return
    await state.update_data(text=text, no_text=False)
    await _show_preview(message, state, t, note=t("order-preview-added"))


async def _restore_held(state: FSMContext) -> bool:
    """Put a held draft back as the preview being confirmed; False when there is none."""
    held = await held_draft(state).get_data()
    if not held:
        return False
    await state.set_state(Filing.confirm)
    await state.set_data(held)
    return True


def _draft_lapsed(query: CallbackQuery, settings: Settings, now: datetime) -> bool:
    """True when the preview tapped is older than the storage keeps a draft."""
    message = query.message
    if not isinstance(message, Message):  # deleted or inaccessible: its age is unknown
        return False
    shown = message.date
    if message.edit_date:
        shown = max(shown, datetime.fromtimestamp(message.edit_date, UTC))
    return now - shown >= timedelta(hours=settings.fsm_ttl_hours)


async def _restore_draft(state: FSMContext, values: dict[str, Any]) -> None:
    """Put a draft that was not filed back as the preview being confirmed."""
    await state.set_state(Filing.confirm)
    await state.set_data(values)


def filing_limits(settings: Settings) -> request_service.FilingLimits:
    """The deployment's anti-spam limits for residents' requests."""
    return request_service.FilingLimits(
        burst=settings.request_burst_limit,
        burst_window=timedelta(minutes=settings.request_burst_minutes),
        daily=settings.request_daily_limit,
    )


def _stored_suggestion(values: dict[str, Any]) -> Suggestion | None:
    """The suggestion computed when the resident finished (no second triage run on submit)."""
    stored = values.get("suggestion")
    if not isinstance(stored, dict):
        return None
    return Suggestion(
        category=str(stored.get("category", "other")),
        confidence=stored.get("confidence"),
        candidates=tuple(values.get("candidates", ())),
        unsure=False,
        urgent=bool(stored.get("urgent")),
        urgent_reasons=tuple(stored.get("reasons", ())),
        keywords=tuple(stored.get("keywords", ())),
    )


async def _show_preview(
    event: Message | CallbackQuery, state: FSMContext, t: Text, *, note: str | None = None
) -> None:
    values = await state.get_data()
    cat = category(values.get("category", "other"))
    lines = [
        *([note] if note else []),
        t("order-preview-title"),
        t("order-card-text", text=request_text(t, values.get("text", ""), own=True)),
        t("order-preview-category", category=cat.name(t.lang)),
    ]
    if values.get("no_text"):  # nothing to sort by: the resident may pick the category
        lines.append(t("order-preview-pick-category"))
    others = _other_guesses(values)
    if others:
        lines.append(t("order-preview-unsure"))
    if values.get("photos"):
        lines.append(t("order-preview-photos", count=len(values["photos"])))
    if voices := request_service.voices_of(values.get("voice")):
        lines.append(t("order-preview-voice", count=len(voices)))
    if values.get("lat") is not None:
        lines.append(t("order-preview-location"))
    place = values.get("place")
    place_row = []
    hint = values.get("public_hint")
    if values.get("public") is not None:  # 小区公共区域, with her words for where
        where = values["public"]
        lines.append(t("order-preview-place-public", where=where or "-"))
    elif place and not values.get("at_home"):
        lines.append(t("order-preview-place", place=place["name"]))
        if place.get("home"):
            place_row = [button(t("order-btn-place", place=place["home"]), "fplace")]
    elif values.get("ours"):
        lines.append(t("order-preview-place-ours", place=values.get("home_name") or "-"))
    elif hint and not place:  # her words name a public place: one tap to say so
        lines.append(t("order-preview-public-hint", where=hint))
        place_row = [button(t("order-btn-public-hint", where=hint), "fpubok")]
    elif place and place.get("home"):  # she put back her own building: one tap to the other
        lines.append(t("order-preview-place-home", place=place["home"]))
        place_row = [button(t("order-btn-place", place=place["name"]), "fplace")]
    if values.get("urgent"):  # said only when urgent: '不紧急' on every preview read as a verdict
        lines.append(t("order-preview-urgent"))
    phone_row = []
    said_phone = _said_phone(values)
    if values.get("contact"):  # a number said in the description, chosen for this matter
        lines.append(t("order-preview-contact", phone=values["contact"]))
    elif said_phone:  # never taken silently: one tap to use it for this matter
        lines.append(t("order-preview-phone-hint", phone=said_phone))
        phone_row = [button(t("order-btn-use-phone", phone=said_phone), "fphone")]
    if values.get("urgent"):
        # what to do now, before anyone comes: shown as soon as the danger is read, not
        # only once filed (the preview becomes the confirmation, which says it again)
        reasons = (values.get("suggestion") or {}).get("reasons") or ()
        lines += [t(key) for key in request_service.safety_keys_for(reasons)]
    split = _split_offered(values)
    if split:  # two matters told at once: one tap files them as two
        lines += ["", t("order-preview-two", first=split[0], second=split[1])]
    similar = values.get("similar") or []
    if similar:
        lines += ["", t("order-similar-title"), *(item["line"] for item in similar)]
        lines.append(t("order-similar-hint"))
    joins = [
        [button(t("order-btn-join", number=item["number"]), "fjoin", item["id"])]
        for item in similar
    ]
    index = {c.code: i for i, c in enumerate(catalogue())}
    guesses = [[button(category(code).name(t.lang), "fsetcat", 0, index[code])] for code in others]
    markup = keyboard(
        [
            [button(t("order-btn-submit"), "fsubmit")],
            *(
                [[button(t("order-btn-split"), "fsplit"), button(t("order-btn-one"), "fone")]]
                if split
                else []
            ),
            *guesses,  # a row each: category names can be long
            *joins,
            *([place_row] if place_row else []),
            *([phone_row] if phone_row else []),
            [
                button(t("order-btn-change-category"), "fcat"),
                button(
                    t("order-btn-not-urgent") if values.get("urgent") else t("order-btn-urgent"),
                    "furgent",
                ),
            ],
            [button(t("order-btn-where"), "fwhere")],
            [button(t("order-btn-rewrite"), "frewrite"), button(t("common-cancel"), "fcancel")],
        ]
    )
    text = "\n".join(lines)
    if isinstance(event, CallbackQuery):
        await edit_or_send(event, text, markup)
        shown = event.message.message_id if isinstance(event.message, Message) else None
    else:
        shown = (await event.answer(text, reply_markup=markup)).message_id
    await _retire_older_preview(event, state, values.get("preview_id"), shown)


def _split_offered(values: dict[str, Any]) -> tuple[str, str] | None:
    """The two matters the preview offers to file apart: read from the words as they are now
    (words added at the preview, or a photo, take the offer away), and not for an urgent one."""
    split = values.get("split")
    if not isinstance(split, dict) or split.get("of") != values.get("text", "").strip():
        return None
    if values.get("urgent") or values.get("photos") or values.get("voice"):
        return None
    if values.get("lat") is not None:
        return None
    return str(split["first"]), str(split["second"])


async def _retire_older_preview(
    event: Message | CallbackQuery, state: FSMContext, older: Any, shown: int | None
) -> None:
    """The preview just shown is the one to confirm (`shown`); the one shown before it, when
    another message (words typed at it, 说完了 again), loses its buttons: a tap on it would
    have filed the draft as it now is under a preview that reads as it was."""
    await state.update_data(preview_id=shown)
    held = held_draft(state)
    if await held.get_data():  # a draft the limits held back: brought back, it is shown here
        await held.update_data(preview_id=shown)
    if not isinstance(older, int) or older == shown or event.bot is None:
        return
    message = event if isinstance(event, Message) else event.message
    if message is None:
        return
    with contextlib.suppress(TelegramBadRequest):  # e.g. deleted by the resident
        await event.bot.edit_message_reply_markup(
            chat_id=message.chat.id, message_id=older, reply_markup=None
        )


async def _forget_preview(state: FSMContext, message_id: Any) -> None:
    """The preview in `message_id` lost its buttons (asked where in the public area, then
    left): no older preview to retire when the next is shown."""
    if (await state.get_data()).get("preview_id") == message_id:
        await state.update_data(preview_id=None)


# every button of the preview (and of what it turns into: the categories, the places)
_PREVIEW_ACTIONS = frozenset(
    {
        "fsubmit",
        "fsplit",
        "fone",
        "fjoin",
        "furgent",
        "fplace",
        "fphone",
        "fpubok",
        "fcat",
        "fsetcat",
        "fwhere",
        "fwback",
        "fwat",
        "fwpg",
        "fwb",
        "fwhint",
        "fwskip",
        "frewrite",
        "fcancel",
    }
)


async def _older_preview(query: CallbackQuery, state: FSMContext) -> bool:
    """Is the tapped message a preview shown before the one now to confirm?"""
    shown = (await state.get_data()).get("preview_id")
    message = query.message
    return isinstance(shown, int) and message is not None and message.message_id != shown


@router.callback_query(
    StateFilter(Filing.confirm, Filing.where),
    OrderCb.filter(F.action.in_(_PREVIEW_ACTIONS)),
    _older_preview,
)
async def on_older_preview(query: CallbackQuery, t: Text) -> None:
    """A button of an older preview (its buttons not taken away yet, or a client that still
    shows them): nothing is done with it — the newer preview below is the one to confirm, and
    this one loses its buttons."""
    await answer_once(query, t("order-preview-older"), alert=True)
    if isinstance(query.message, Message):
        with contextlib.suppress(TelegramBadRequest):
            await safe_edit_markup(query.message, None)


def _said_phone(values: dict[str, Any]) -> str | None:
    """A mobile number said in the description that is not the resident's registered phone
    ('我电话13900000003，下午在家'), to be offered as this matter's contact; None for none."""
    own = values.get("own_phone")
    return next((p for p in phones_in(values.get("text")) if p != own), None)


@router.callback_query(Filing.confirm, OrderCb.filter(F.action == "fphone"))
async def on_use_said_phone(query: CallbackQuery, state: FSMContext, t: Text) -> None:
    """📞 用 139… 联系: the number said in the description becomes this matter's contact (the
    member who claims it reads it, in place of her registered phone or '没有留电话')."""
    phone = _said_phone(await state.get_data())
    if phone is None:  # the description was said again without it: an older preview's button
        await answer_once(query, t("err-stale-button"), alert=True)
        return
    await state.update_data(contact=phone)
    await _show_preview(query, state, t, note=t("order-preview-contact-set", phone=phone))


def _other_guesses(values: dict[str, Any]) -> list[str]:
    """Up to two categories triage thought next likeliest, when it could not tell (and the
    resident has not picked one since)."""
    if not values.get("unsure"):
        return []
    in_force = {c.code for c in catalogue()}
    return [
        code
        for code in values.get("candidates", [])
        if code != values.get("category") and code in in_force
    ][:2]


@router.message(Filing.compose, F.photo)
async def on_compose_photo(message: Message, state: FSMContext, t: Text) -> None:
    """A photo (its caption joins the text)."""
    values = await state.get_data()
    photos = list(values.get("photos", []))
    if len(photos) >= request_service.MAX_PHOTOS:
        await message.answer(t("order-photos-full", limit=request_service.MAX_PHOTOS))
        return
    assert message.photo is not None
    photos.append(message.photo[-1].file_id)
    text = with_caption(values.get("text", ""), message.caption)
    if len(text) > request_service.MAX_TEXT:  # the photo is kept, its caption is not
        await state.update_data(photos=photos)
        await message.answer(
            t("err-text-too-long", length=len(text), limit=request_service.MAX_TEXT)
        )
        return
    await state.update_data(photos=photos, text=text)
    await message.answer(t("order-got-photo", count=len(photos)))


@router.message(Filing.compose, F.voice)
async def on_compose_voice(message: Message, state: FSMContext, t: Text) -> None:
    """A voice note, kept beside those before it (up to MAX_VOICES: one more is not kept, and
    that is said); a caption typed with it joins the text."""
    assert message.voice is not None
    values = await state.get_data()
    text = with_caption(values.get("text", ""), message.caption)
    if len(text) > request_service.MAX_TEXT:
        text = values.get("text", "")
    voices = request_service.with_voice(values.get("voice"), message.voice.file_id)
    if voices is None:  # its caption, if any, is still kept
        await state.update_data(text=text)
        await message.answer(t("order-voices-full", limit=request_service.MAX_VOICES))
        return
    await state.update_data(voice=voices, text=text)
    # a second one is kept beside the first (it used to take its place)
    key = "order-got-voice-more" if len(voices) > 1 else "order-got-voice"
    await message.answer(t(key, count=len(voices)))


@router.message(Filing.compose, F.location)
async def on_compose_location(message: Message, state: FSMContext, t: Text) -> None:
    """Where it is."""
    assert message.location is not None
    await state.update_data(lat=message.location.latitude, lon=message.location.longitude)
    await message.answer(t("order-got-location"))


@router.message(Filing.compose, F.text)
async def on_compose_text(message: Message, state: FSMContext, ctx: OrderCtx) -> None:
    """Text, kept whole; several messages are joined. '就这些' alone is 说完了; '算了' alone
    asks whether to cancel (neither is added to the matter)."""
    t = ctx.t
    intent = smalltalk.compose_intent(message.text)
    if is_back(message.text):  # nothing before this step: wanting out
        intent = smalltalk.Compose.CANCEL
    if intent == smalltalk.Compose.DONE:
        await on_compose_finished(message, state, ctx)
        return
    if intent == smalltalk.Compose.CANCEL:
        await message.answer(t("order-compose-cancel-meant"))
        return
    kind = smalltalk.classify(message.text)
    if kind in _NOT_A_COMMENT_ASK:
        # '我不会弄', '你好在吗': how to tell it, and not part of the matter
        await message.answer(t("order-compose-how"))
        return
    if kind in _COMPOSE_ASIDE:
        # '谢谢', '好的', '再见' said while describing: not the matter's words (they were added
        # to it), and the matter is not filed yet: the two taps that file it
        await message.answer(
            t("order-compose-aside", thanks="yes" if kind == smalltalk.Kind.THANKS else "no")
        )
        return
    values = await state.get_data()
    said = values.get("text", "")
    if f"\n{(message.text or '').strip()}\n" in f"\n{said}\n":
        # the same words sent twice (a slow network, a double tap on send): kept once
        await message.answer(t("order-got-text-again"))
        return
    text = (said + "\n" + (message.text or "")).strip()
    if len(text) > request_service.MAX_TEXT:
        await message.answer(
            t("err-text-too-long", length=len(text), limit=request_service.MAX_TEXT)
        )
        return
    await state.update_data(text=text)
    await message.answer(t("order-got-text"))


@router.message(Filing.compose, F.contact)
async def on_compose_contact(message: Message, state: FSMContext, ctx: OrderCtx) -> None:
    """A contact shared while describing the matter (the plumber the resident knows, or her
    own number to be called on): written into the description as a line staff read on the
    card. It was refused ('这里只能收文字、照片、语音和位置')."""
    t = ctx.t
    assert message.contact is not None
    contact = message.contact
    try:
        phone = contact_phone(contact.phone_number)
    except InvalidInput:
        phone = contact.phone_number.strip()
    own = contact.user_id is not None and contact.user_id == ctx.user.id
    name = " ".join(p for p in (contact.first_name, contact.last_name) if p).strip()
    line = html.unescape(  # kept as plain text in the description, escaped when shown
        t("order-contact-line-own", phone=phone)
        if own or not name
        else t("order-contact-line", name=name, phone=phone)
    )
    values = await state.get_data()
    text = (values.get("text", "") + "\n" + line).strip()
    if len(text) > request_service.MAX_TEXT:
        await message.answer(
            t("err-text-too-long", length=len(text), limit=request_service.MAX_TEXT)
        )
        return
    await state.update_data(text=text)
    await message.answer(t("order-got-contact", line=line))


@router.message(Filing.compose)
async def on_compose_other(message: Message, t: Text) -> None:
    """Stickers, files and the like are not kept."""
    await message.answer(t("order-compose-unsupported"))


@router.callback_query(Filing.confirm, OrderCb.filter(F.action == "furgent"))
async def on_toggle_urgent(query: CallbackQuery, state: FSMContext, t: Text) -> None:
    """Mark (or unmark) the request urgent."""
    values = await state.get_data()
    await state.update_data(urgent=not values.get("urgent", False))
    await _show_preview(query, state, t)


@router.callback_query(Filing.confirm, OrderCb.filter(F.action == "fplace"))
async def on_toggle_place(query: CallbackQuery, state: FSMContext, ctx: OrderCtx) -> None:
    """The matter is at the building the description names after all, or at the resident's
    own: the preview (and the open matters it offers to join, which are those nearby) follow."""
    values = await state.get_data()
    if not values.get("place"):  # a preview from before: nothing to change
        await _show_preview(query, state, ctx.t)
        return
    values["at_home"] = not values.get("at_home")
    said = values.get("text", "").strip()
    values["similar"] = await _similar(
        ctx,
        said,
        urgent=bool((values.get("suggestion") or {}).get("urgent")),
        place=_place(values),
    )
    await state.update_data(at_home=values["at_home"], similar=values["similar"])
    await _show_preview(query, state, ctx.t)


# ---------------------------------------------------------------- 📍 where the matter is

WHERE_HOME, WHERE_OURS, WHERE_OTHER, WHERE_PUBLIC = range(4)
BUILDINGS_PER_PAGE = 24  # three a row


def _where_now(values: dict[str, Any]) -> int:
    """Which of the chooser's places the draft is at now."""
    if values.get("public") is not None:
        return WHERE_PUBLIC
    if values.get("place") and not values.get("at_home"):
        return WHERE_OTHER
    return WHERE_OURS if values.get("ours") else WHERE_HOME


async def _refresh_similar(ctx: OrderCtx, state: FSMContext) -> None:
    """The open matters offered as 同一件事 are those near where the matter now is."""
    values = await state.get_data()
    similar = await _similar(
        ctx,
        values.get("text", "").strip(),
        urgent=bool((values.get("suggestion") or {}).get("urgent")),
        place=_place(values),
        public=values.get("public") is not None,
    )
    await state.update_data(similar=similar)


async def _where_menu(ctx: OrderCtx, state: FSMContext) -> tuple[str, InlineKeyboardMarkup]:
    """这件事在哪里？ One big button a place: her home, her building (not her home), another
    building, a public area of the community; the current one marked ✅; ⬅️ back to the
    preview as it was."""
    t, user = ctx.t, ctx.user
    building = await ctx.session.get(Building, user.building_id) if user.building_id else None
    name = building.name if building else "-"
    await state.update_data(home_name=name)
    values = await state.get_data()
    now = _where_now(values)
    labels_ = [
        t("order-where-home", place=f"{name} {user.room}" if user.room else name),
        t("order-where-ours", place=name),
        t("order-where-other"),
        t("order-where-public"),
    ]
    rows = [
        [button(f"✅ {label}" if i == now else label, "fwat", 0, i)]
        for i, label in enumerate(labels_)
    ]
    rows.append([button(t("order-btn-where-back"), "fwback")])
    return t("order-where-ask"), keyboard(rows)


@router.callback_query(Filing.confirm, OrderCb.filter(F.action == "fwhere"))
async def on_where(query: CallbackQuery, state: FSMContext, ctx: OrderCtx) -> None:
    """📍 不在家里？选地点: the places to choose from, in the preview's message."""
    await edit_or_send(query, *await _where_menu(ctx, state))


@router.callback_query(
    StateFilter(Filing.confirm, Filing.where), OrderCb.filter(F.action == "fwback")
)
async def on_where_back(query: CallbackQuery, state: FSMContext, ctx: OrderCtx) -> None:
    """⬅️ 返回: the preview again, its place as it was."""
    await state.set_state(Filing.confirm)
    await _show_preview(query, state, ctx.t)


async def _set_where(state: FSMContext, **values: Any) -> None:
    """The draft is at one place now: the others are cleared (a public-area suggestion
    declined by choosing is not offered again)."""
    await state.update_data(**({"public": None, "ours": False, "public_hint": None} | values))


@router.callback_query(
    StateFilter(Filing.confirm, Filing.where), OrderCb.filter(F.action == "fwat")
)
async def on_where_chosen(
    query: CallbackQuery, callback_data: OrderCb, state: FSMContext, ctx: OrderCtx
) -> None:
    """我家 / 我们楼: the preview at once; 另一栋楼: the buildings; 小区公共区域: where in it."""
    t = ctx.t
    await state.set_state(Filing.confirm)
    values = await state.get_data()
    if callback_data.extra in (WHERE_HOME, WHERE_OURS):
        await _set_where(state, ours=callback_data.extra == WHERE_OURS, at_home=True)
        await _refresh_similar(ctx, state)
        await _show_preview(query, state, t)
    elif callback_data.extra == WHERE_OTHER:
        await edit_or_send(query, *await _building_page(ctx, 0))
    elif callback_data.extra == WHERE_PUBLIC:
        await state.set_state(Filing.where)
        if isinstance(query.message, Message):
            await state.update_data(where_ask=query.message.message_id)
        hint = values.get("public") or values.get("public_hint")
        rows = [[button(t("order-btn-public-hint", where=hint), "fwhint")]] if hint else []
        rows += [[button(t("common-skip"), "fwskip")], [button(t("common-back"), "fwhere")]]
        await edit_or_send(
            query, t("order-where-public-ask", limit=PUBLIC_AREA_MAX), keyboard(rows)
        )
    else:
        await answer_once(query, t("err-stale-button"), alert=True)


async def _building_page(ctx: OrderCtx, page: int) -> tuple[str, InlineKeyboardMarkup]:
    """The community's buildings but her own, three a row, paged; ⬅️ back to the places."""
    t = ctx.t
    stmt = select(Building).where(col(Building.community_id) == ctx.user.community_id)
    mine = [
        b
        for b in (await ctx.session.exec(stmt.order_by(col(Building.id)))).all()
        if b.id != ctx.user.building_id
    ]
    pages = max(1, -(-len(mine) // BUILDINGS_PER_PAGE))
    page = min(max(page, 0), pages - 1)
    chunk = mine[page * BUILDINGS_PER_PAGE : (page + 1) * BUILDINGS_PER_PAGE]
    rows = [
        [button(b.name, "fwb", b.id) for b in chunk[i : i + 3]] for i in range(0, len(chunk), 3)
    ]
    if nav := pager(t, "fwpg", page, pages):
        rows.append(nav)
    rows.append([button(t("common-back"), "fwhere")])
    return t("order-where-building"), keyboard(rows)


@router.callback_query(
    StateFilter(Filing.confirm, Filing.where), OrderCb.filter(F.action == "fwhere")
)
async def on_where_again(query: CallbackQuery, state: FSMContext, ctx: OrderCtx) -> None:
    """⬅️ 上一步 under the buildings or the public area's question: the places again."""
    await state.set_state(Filing.confirm)
    await edit_or_send(query, *await _where_menu(ctx, state))


@router.callback_query(Filing.confirm, OrderCb.filter(F.action == "fwpg"))
async def on_where_page(query: CallbackQuery, callback_data: OrderCb, ctx: OrderCtx) -> None:
    await edit_or_send(query, *await _building_page(ctx, callback_data.ref))


@router.callback_query(Filing.confirm, OrderCb.filter(F.action == "fwb"))
async def on_where_building(
    query: CallbackQuery, callback_data: OrderCb, state: FSMContext, ctx: OrderCtx
) -> None:
    """Another building of her community: the matter is there (its grid, no room of hers)."""
    building = await ctx.session.get(Building, callback_data.ref)
    if (
        building is None
        or building.id is None
        or building.community_id != ctx.user.community_id
        or building.id == ctx.user.building_id
    ):
        await answer_once(query, ctx.t("err-stale-button"), alert=True)
        return
    home = await ctx.session.get(Building, ctx.user.building_id) if ctx.user.building_id else None
    place = {
        "id": building.id,
        "grid": building.grid_id,
        "name": building.name,
        "home": home.name if home else None,
    }
    await _set_where(state, place=place, at_home=False)
    await _refresh_similar(ctx, state)
    await _show_preview(query, state, ctx.t)


async def _in_public_area(
    event: Message | CallbackQuery, state: FSMContext, ctx: OrderCtx, where: str
) -> None:
    """The matter is in a public area of the community, at `where` ('' for not said): the
    preview again (below her words, when typed; the question's buttons go)."""
    await _set_where(state, public=where)
    await state.set_state(Filing.confirm)
    await _refresh_similar(ctx, state)
    if isinstance(event, CallbackQuery):
        await _show_preview(event, state, ctx.t)
        return
    ask = (await state.get_data()).get("where_ask")
    if ask:
        with contextlib.suppress(TelegramBadRequest):
            await event.bot.edit_message_reply_markup(  # type: ignore[union-attr]
                chat_id=event.chat.id, message_id=int(ask), reply_markup=None
            )
        await _forget_preview(state, ask)
    await _show_preview(event, state, ctx.t)


@router.callback_query(Filing.confirm, OrderCb.filter(F.action == "fpubok"))
@router.callback_query(Filing.where, OrderCb.filter(F.action == "fwhint"))
async def on_public_hint(query: CallbackQuery, state: FSMContext, ctx: OrderCtx) -> None:
    """🌳 对，在小区公共区域（东门外马路）: one tap, her own words for where."""
    values = await state.get_data()
    hint = values.get("public") or values.get("public_hint")
    if not hint:
        await _show_preview(query, state, ctx.t)
        return
    await _in_public_area(query, state, ctx, str(hint))


@router.callback_query(Filing.where, OrderCb.filter(F.action == "fwskip"))
async def on_public_skip(query: CallbackQuery, state: FSMContext, ctx: OrderCtx) -> None:
    """跳过: in a public area, where not said (staff ask, or see it)."""
    await _in_public_area(query, state, ctx, "")


@router.message(Filing.where, F.text.in_(labels("common-cancel") | labels("order-btn-finished")))
async def on_public_leave(message: Message, state: FSMContext, ctx: OrderCtx) -> None:
    """取消 (or 说完了) at the question: the preview again, nothing of it lost, its place as
    it was."""
    ask = (await state.get_data()).get("where_ask")
    await state.set_state(Filing.confirm)
    if ask:
        with contextlib.suppress(TelegramBadRequest):
            await message.bot.edit_message_reply_markup(  # type: ignore[union-attr]
                chat_id=message.chat.id, message_id=int(ask), reply_markup=None
            )
        await _forget_preview(state, ask)
    await _show_preview(message, state, ctx.t)


@router.message(Filing.where, F.text)
async def on_public_typed(message: Message, state: FSMContext, ctx: OrderCtx) -> None:
    """Where in the public area, typed ('东门外马路'); too long or not words: asked again."""
    t = ctx.t
    try:
        where = request_service.public_words(message.text or "") or ""
    except InvalidInput as exc:
        await message.answer(t(exc.key, **exc.args_))
        return
    await _in_public_area(message, state, ctx, where)


@router.message(Filing.where)
async def on_public_not_text(message: Message, t: Text) -> None:
    """A photo or a sticker is no place's name: the question stands."""
    await message.answer(t("order-where-public-ask", limit=PUBLIC_AREA_MAX))


@router.callback_query(Filing.confirm, OrderCb.filter(F.action == "fcat"))
async def on_change_category(query: CallbackQuery, state: FSMContext, t: Text) -> None:
    """Offer the categories: triage's candidates first, then the rest."""
    values = await state.get_data()
    first = [c for c in values.get("candidates", []) if c != values.get("category")]
    codes = first + [c.code for c in catalogue() if c.code not in first]
    index = {c.code: i for i, c in enumerate(catalogue())}
    rows = [[button(category(code).name(t.lang), "fsetcat", 0, index[code])] for code in codes]
    await edit_or_send(query, t("order-choose-category"), keyboard(rows))


@router.callback_query(Filing.confirm, OrderCb.filter(F.action == "fsetcat"))
async def on_category_chosen(
    query: CallbackQuery, callback_data: OrderCb, state: FSMContext, t: Text
) -> None:
    """Keep the chosen category and show the request again."""
    cats = catalogue()
    if 0 <= callback_data.extra < len(cats):
        # the resident's own choice: no more guesses offered
        await state.update_data(category=cats[callback_data.extra].code, unsure=False)
    await _show_preview(query, state, t)


@router.callback_query(Filing.confirm, OrderCb.filter(F.action == "frewrite"))
async def on_rewrite(query: CallbackQuery, state: FSMContext, t: Text) -> None:
    """Start the description again."""
    await state.set_state(Filing.compose)
    await state.update_data(text="", photos=[], voice=None, lat=None, lon=None, no_text=False)
    await held_draft(state).clear()
    await answer_once(query)
    await reply(query, t("order-ask-describe"), reply_markup=compose_keyboard(t))


@router.callback_query(Filing.confirm, OrderCb.filter(F.action == "fcancel"))
@router.callback_query(AddInfo.compose, OrderCb.filter(F.action == "fcancel"))
async def on_cancel_button(query: CallbackQuery, state: FSMContext, ctx: OrderCtx) -> None:
    """Cancel from the preview."""
    await state.clear()
    await held_draft(state).clear()
    await edit_or_send(query, ctx.t("cancel-done"), None)
    await reply(query, ctx.t("order-back-to-menu"), reply_markup=ctx.main_menu())


@router.message(Filing.confirm, F.text.in_(labels("common-cancel")))
async def on_confirm_cancel(message: Message, state: FSMContext, ctx: OrderCtx) -> None:
    """Cancel while the preview is shown."""
    await state.clear()
    await held_draft(state).clear()
    await message.answer(ctx.t("cancel-done"), reply_markup=ctx.main_menu())


@router.callback_query(Filing.confirm, OrderCb.filter(F.action == "fjoin"))
async def on_join(
    query: CallbackQuery, callback_data: OrderCb, state: FSMContext, ctx: OrderCtx
) -> None:
    """同一件事: file the request joined to the open matter the preview offered; the resident
    follows that one. A button the preview did not offer (forged, or from an older preview) is
    stale."""
    similar = (await state.get_data()).get("similar") or []
    if callback_data.ref not in {item["id"] for item in similar}:
        await answer_once(query, ctx.t("err-stale-button"), alert=True)
        return
    await on_submit(query, state, ctx, join=callback_data.ref)


@router.callback_query(Filing.confirm, OrderCb.filter(F.action == "fsubmit"))
@router.callback_query(StateFilter(None), OrderCb.filter(F.action == "fsubmit"))
async def on_submit(
    query: CallbackQuery, state: FSMContext, ctx: OrderCtx, join: int | None = None
) -> None:
    """File the request; the resident gets its number, staff get a card.

    Too many filed lately: nothing is filed, the resident is told when to try again, and the
    draft is held (this button, or 我要点单, brings it back even after other menus).
    """
    t = ctx.t
    if await state.get_state() is None and not await _restore_held(state):
        # neither filed nor cancelled: the draft lapsed (LINLI_FSM_TTL_HOURS after its last change)
        lapsed = _draft_lapsed(query, ctx.settings, ctx.now())
        key = "order-draft-expired" if lapsed else "err-stale-button"
        await answer_once(query, t(key, days=ctx.settings.fsm_ttl_hours // 24), alert=True)
        return
    values = await state.get_data()
    if not values.get("text") and not values.get("voice"):  # the flow's data lapsed before it
        await state.clear()
        days = ctx.settings.fsm_ttl_hours // 24
        await answer_once(query, t("order-draft-expired", days=days), alert=True)
        return
    # Taken out of the flow before anything awaits the database: a second tap of the same
    # preview (a double tap) finds nothing to file instead of filing the request twice.
    await state.clear()
    await held_draft(state).clear()
    s = _stored_suggestion(values) or suggest(ctx.triage, values.get("text", ""))
    now = ctx.now()
    try:
        filed = await request_service.file_request(
            ctx.session,
            user=ctx.user,
            draft=_draft(values),
            suggestion=s,
            now=now,
            outbox=ctx.outbox(now),
            limits=filing_limits(ctx.settings),
            join=join,
        )
    except Conflict as exc:  # the matter to join was closed meanwhile: the preview without it
        values["similar"] = [i for i in values.get("similar") or [] if i["id"] != join]
        await _restore_draft(state, values)
        await _show_preview(query, state, t, note=t(exc.key, **exc.args_))
        return
    except request_service.TooManyRequests as exc:
        # Nothing filed; the draft (text, photos, voice, location) is kept: when to try
        # again, and that nothing is lost.
        await _restore_draft(state, values)
        await held_draft(state).set_data(values)
        await reply(query, t(exc.key, **exc.args_) + "\n" + t("order-draft-kept"))
        return
    except BaseException:
        await _restore_draft(state, values)  # not filed: the preview's button still works
        raise
    if join is not None:
        joined = next(i["number"] for i in values["similar"] if i["id"] == join)
        await edit_or_send(
            query, t("order-filed-joined", number=filed.request.number, target=joined), None
        )
        await reply(query, t("order-filed-next"), reply_markup=ctx.main_menu())
        return
    lines = [t("order-filed", number=filed.request.number)]
    # gas, fire, electric shock, a fall: what to do right now, beside the confirmation
    lines += [t(key) for key in request_service.safety_keys(filed.request)]
    # filed at night: staff cards wait for the morning, and the resident should know when
    seen_at = (
        filed.staff_see_at
        if filed.queued
        else await request_service.staff_see_at(ctx.session, request=filed.request, now=now)
    )
    if seen_at is not None:
        lines.append(t("order-filed-night", time=local(t, ctx.settings, seen_at, now=now)))
    await edit_or_send(query, "\n\n".join(lines), None)
    await reply(query, t("order-filed-next"), reply_markup=ctx.main_menu())


@router.callback_query(Filing.confirm, OrderCb.filter(F.action == "fone"))
async def on_keep_as_one(query: CallbackQuery, state: FSMContext, t: Text) -> None:
    """就当一件: the preview without the offer; filed as one, as before."""
    await state.update_data(split=None)
    await _show_preview(query, state, t)


@router.callback_query(Filing.confirm, OrderCb.filter(F.action == "fsplit"))
async def on_split(query: CallbackQuery, state: FSMContext, ctx: OrderCtx) -> None:
    """分成两件: each matter filed with its own words, category and number. The second held
    back by the filing limits is kept as a draft (nothing lost), as a single one is."""
    t = ctx.t
    values = await state.get_data()
    split = _split_offered(values)
    if split is None:  # the words changed since (or a forged tap): the preview as it is now
        await _show_preview(query, state, t)
        return
    # out of the flow before anything awaits the database: a double tap files nothing more
    await state.clear()
    await held_draft(state).clear()
    now = ctx.now()
    filed: list[request_service.Filed] = []
    for words in split:
        s = suggest(ctx.triage, words)
        part = {**values, "text": words, "category": s.category, "split": None}
        try:
            filed.append(
                await request_service.file_request(
                    ctx.session,
                    user=ctx.user,
                    draft=_draft(part),
                    suggestion=s,
                    now=now,
                    outbox=ctx.outbox(now),
                    limits=filing_limits(ctx.settings),
                )
            )
        except request_service.TooManyRequests as exc:
            # what is not filed yet stays a draft: the whole when nothing was, else the second
            kept = values if not filed else part
            await _restore_draft(state, kept)
            await held_draft(state).set_data(kept)
            said = [t(exc.key, **exc.args_), t("order-draft-kept")]
            if not filed:
                await reply(query, "\n".join(said))
                return
            # the first is filed: the preview now reads as the second, the one kept
            note = "\n".join([t("order-filed", number=filed[0].request.number), *said])
            await _show_preview(query, state, t, note=note)
            return
        except BaseException:
            await _restore_draft(state, values if not filed else part)
            raise
    first, second = filed
    lines = [t("order-filed-two", first=first.request.number, second=second.request.number)]
    seen_at = (
        first.staff_see_at
        if first.queued
        else await request_service.staff_see_at(ctx.session, request=first.request, now=now)
    )
    if seen_at is not None:
        lines.append(t("order-filed-night", time=local(t, ctx.settings, seen_at, now=now)))
    await edit_or_send(query, "\n\n".join(lines), None)
    await reply(query, t("order-filed-next"), reply_markup=ctx.main_menu())


# ---------------------------------------------------------------- 我的诉求


async def _resident_status(ctx: OrderCtx, req: Request) -> str:
    """A request's status as its resident follows it: one folded into another matter (merged
    by staff, or joined as 同一件事) reads as that matter's progress."""
    target = await ctx.session.get(Request, req.merged_into_id) if req.merged_into_id else None
    if target is None:
        return status_text(ctx.t, req)
    return ctx.t(
        "order-status-merged-into", number=target.number, status=status_text(ctx.t, target)
    )


async def _my_list(ctx: OrderCtx, page: int) -> tuple[str, Any]:
    t = ctx.t
    result = await request_service.my_requests(ctx.session, user=ctx.user, page=page)
    if not result.items:
        return t("order-mine-empty"), None
    lines = [t("order-mine-title", total=result.total, page=result.page + 1, pages=result.pages)]
    rows = []
    for req in result.items:
        lines.append(
            t(
                "order-mine-line",
                number=req.number,
                status=await _resident_status(ctx, req),
                time=local(t, ctx.settings, req.created_at, now=ctx.now()),
                text=short(request_text(t, req.text, own=True), 24),
            )
        )
        rows.append([button(t("order-btn-open-number", number=req.number), "rview", req.id)])
    nav = pager(t, "rpage", result.page, result.pages)
    if nav:
        rows.append(nav)
    return "\n".join(lines), keyboard(rows)


@router.message(F.text.in_(labels("menu-order-mine")))
async def cmd_my_requests(message: Message, ctx: OrderCtx) -> None:
    """The resident's requests with their status, newest first."""
    text, markup = await _my_list(ctx, 0)
    await message.answer(text, reply_markup=markup)


@router.callback_query(OrderCb.filter(F.action == "rpage"))
async def on_my_page(query: CallbackQuery, callback_data: OrderCb, ctx: OrderCtx) -> None:
    """Another page of 我的诉求."""
    text, markup = await _my_list(ctx, callback_data.ref)
    await edit_or_send(query, text, markup)


# the extra of the rating buttons on the request's own card (not on the rating notice): the
# card is redrawn with the status the score leaves it in
ON_CARD = 1


@router.callback_query(OrderCb.filter(F.action == "rview"))
async def on_my_request(query: CallbackQuery, callback_data: OrderCb, ctx: OrderCtx) -> None:
    """One request with its status and what the resident can do now."""
    req = await request_service.resident_view(
        ctx.session, user=ctx.user, request_id=callback_data.ref
    )
    await show_my_request(query, ctx, req)


@router.callback_query(OrderCb.filter(F.action == "rfull"))
async def on_my_request_whole(query: CallbackQuery, callback_data: OrderCb, ctx: OrderCtx) -> None:
    """📄 全文: the resident's card of one request with every typed text whole."""
    req = await request_service.resident_view(
        ctx.session, user=ctx.user, request_id=callback_data.ref
    )
    text, _ = await _my_request(ctx, req, whole=True)
    await send_whole(query, text)


async def show_my_request(event: Message | CallbackQuery, ctx: OrderCtx, req: Request) -> None:
    """Send the resident's card of one of their requests (handlers.lookup: its number typed)."""
    text, markup = await _my_request(ctx, req)
    await reply(event, text, reply_markup=markup)


async def _my_request(
    ctx: OrderCtx, req: Request, *, whole: bool = False
) -> tuple[str, InlineKeyboardMarkup | None]:
    """The resident's card of one request, as it is now, with the buttons it has now; within
    one message (the longest typed texts cut, with 📄 全文), or with `whole` uncut."""
    t = ctx.t
    typed = LongTexts()
    text = await request_card(
        ctx.session, t, ctx.settings, req, staff=False, now=ctx.now(), long=typed
    )
    if req.merged_into_id:
        text += "\n" + t("order-card-merged", number=f"{req.merged_into_id:05d}")
        target = await ctx.session.get(Request, req.merged_into_id)
        if target is not None:
            text += "\n" + t(
                "order-card-merged-now", number=target.number, status=status_text(t, target)
            )
    now = ctx.now()
    urging = await urge_service.urge_state(ctx.session, req=req)
    text += _urge_lines(ctx, urging, now)
    if whole:
        return typed.whole(text), None
    card = fit_card(t, typed, text)
    text = card.text
    rows = []
    if card.cut:
        rows.append([button(t("common-btn-whole-text"), "rfull", req.id)])
    if urging.allowed(now):  # open and waiting too long, not urged today
        rows.append([button(t("order-btn-urge"), "rurge", req.id)])
    actions = []
    if req.status in RESIDENT_CAN_ADD_INFO:  # also once an order is issued or claimed
        actions.append(button(t("order-btn-add-info"), "radd", req.id))
    if req.status in RESIDENT_EDITABLE:  # withdrawal only before staff act
        actions.append(button(t("order-btn-withdraw"), "rwd", req.id))
    if actions:
        rows.append(actions)
    if (
        req.status == RequestStatus.DECLINED
        and await order_service.review_refusal(ctx.session, req=req, now=now) is None
    ):
        rows.append([button(t("order-btn-review"), "rrev", req.id)])
    if req.status == RequestStatus.DONE:
        rows.append([button(t("order-rate-satisfied"), "rate1", req.id, ON_CARD)])
        rows.append([button(t("order-rate-basic"), "rate2", req.id, ON_CARD)])
        rows.append([button(t("order-rate-unsatisfied"), "rate3", req.id, ON_CARD)])
    return text, keyboard(rows) if rows else None


def _urge_lines(ctx: OrderCtx, urging: urge_service.UrgeState, now: datetime) -> str:
    """Under the resident's view of an open request: when they urged it and may again, or
    from when they may urge it."""
    t, at = ctx.t, urging.next_at
    if at is None or now >= at:
        return ""
    if urging.last_at is not None and now < urging.last_at + urge_service.URGE_COOLDOWN:
        line = t(
            "urge-view-recent",
            count=urging.count,
            time=local(t, ctx.settings, urging.last_at, now=now),
            next=local(t, ctx.settings, at, now=now),
        )
    else:
        line = t("urge-view-later", time=local(t, ctx.settings, at, now=now))
    return "\n\n" + line


@router.callback_query(OrderCb.filter(F.action == "rurge"))
async def on_urge(query: CallbackQuery, callback_data: OrderCb, ctx: OrderCtx) -> None:
    """催一下: the request is urged (once a day); the resident is told who was reminded and
    when they may urge again; a tap too soon is told when they can."""
    t, now = ctx.t, ctx.now()
    try:
        said = await _urge(ctx, callback_data.ref)
    except urge_service.TooSoon as exc:
        when = local(t, ctx.settings, exc.retry_at, now=now)
        await answer_once(query, t(exc.key, time=when), alert=True)
        return
    await answer_once(query)
    await _drop_urge_button(query)
    await reply(query, said)


async def _urge(ctx: OrderCtx, request_id: int) -> str:
    """The request urged, whoever has it in hand told: what the resident is told (who was
    reminded, when they may urge again, a notice held for the night). TooSoon as the
    service raises it."""
    t, now = ctx.t, ctx.now()
    urged = await urge_service.urge(ctx.session, user=ctx.user, request_id=request_id, now=now)
    if not urged.queued:
        await ctx.deliver(urged.notices)
    lines = [
        t(
            "urge-done",
            number=urged.request.number,
            who=urged.reminded,
            time=local(t, ctx.settings, urged.next_at, now=now),
        )
    ]
    held = await urge_service.held_until(ctx.session, urged=urged, now=now)
    if held is not None:
        lines.append(t("urge-done-night", time=local(t, ctx.settings, held, now=now)))
    return "\n\n".join(lines)


async def _drop_urge_button(query: CallbackQuery) -> None:
    """The view tapped loses its 催一下 (its other buttons stay), so it is not tapped again."""
    message = query.message
    if not isinstance(message, Message) or message.reply_markup is None:
        return
    urge = OrderCb(action="rurge", ref=0).pack().rsplit(":", 2)[0] + ":"  # "oc:rurge:"
    kept = [
        kept_row
        for row in message.reply_markup.inline_keyboard
        if (kept_row := [k for k in row if not (k.callback_data or "").startswith(urge)])
    ]
    with contextlib.suppress(TelegramBadRequest):  # e.g. a double tap: already edited
        await message.edit_reply_markup(reply_markup=keyboard(kept) if kept else None)


@router.callback_query(OrderCb.filter(F.action.in_(starter("radd"))))
async def on_add_info(
    query: CallbackQuery, callback_data: OrderCb, state: FSMContext, ctx: OrderCtx
) -> None:
    """Ask for the information to add."""
    t = ctx.t
    req = await request_service.resident_view(
        ctx.session, user=ctx.user, request_id=callback_data.ref
    )
    if req.status not in RESIDENT_CAN_ADD_INFO:
        await answer_once(query, t("order-err-info-closed"), alert=True)
        return
    if await asks_first(query, callback_data, state, t, starting="AddInfo"):
        return
    await state.set_state(AddInfo.compose)
    await state.update_data(request_id=req.id)
    await reply(query, t("order-ask-add-info", number=req.number), reply_markup=cancel_keyboard(t))


async def act_on_only_matter(
    message: Message, state: FSMContext, ctx: OrderCtx, action: smalltalk.Topic
) -> bool:
    """'补充', '催一下' or '撤回' typed alone at the menu by a resident with exactly one matter
    open: done on that matter, named first, as its card's button does it — its 补充 step
    opened; the nudge sent (or when it can be, per the rules of 催办); the withdrawal asked to
    be confirmed (or why it cannot be: staff have it in hand). False with none or several
    open: the list of their requests, as before."""
    open_now = await request_service.open_to_add(ctx.session, user=ctx.user, limit=2)
    if len(open_now) != 1:
        return False
    await act_on_matter(message, state, ctx, action, open_now[0], named=False)
    return True


async def act_on_matter(
    message: Message,
    state: FSMContext,
    ctx: OrderCtx,
    action: smalltalk.Topic,
    req: Request,
    *,
    named: bool = True,
) -> None:
    """`act_on_only_matter` on this matter of theirs: the one they `named` ('水管那个不要了，
    帮我撤了吧'), or their only one open; either is named first in the answer."""
    t = ctx.t
    key = "order-typed-named-matter" if named else "order-typed-only-matter"
    lead = t(key, number=req.number, about=_about(t, req))
    if action == smalltalk.Topic.ADD_INFO:
        await state.set_state(AddInfo.compose)
        await state.update_data(request_id=req.id)
        asked = t("order-ask-add-info", number=req.number)
        await message.answer(f"{lead}\n{asked}", reply_markup=cancel_keyboard(t))
        return
    if action == smalltalk.Topic.WITHDRAW:
        if req.status not in RESIDENT_EDITABLE:
            said = t(request_service.withdraw_refusal(req))
            await message.answer(f"{lead}\n{said}", reply_markup=ctx.main_menu())
            return
        text, markup = _withdraw_question(t, req)
        await message.answer(f"{lead}\n{text}", reply_markup=markup)
        return
    now = ctx.now()
    try:
        said = await _urge(ctx, int(req.id or 0))
    except urge_service.TooSoon as exc:
        said = t(exc.key, time=local(t, ctx.settings, exc.retry_at, now=now))
    await message.answer(f"{lead}\n{said}", reply_markup=ctx.main_menu())


def _about(t: Text, req: Request) -> str:
    """A request named in a few words: its first words, or (a voice note alone) its category."""
    words = req.text.strip()
    return fit(words.splitlines()[0], 30) if words else category(req.category).name(t.lang)


def _withdraw_question(t: Text, req: Request) -> tuple[str, InlineKeyboardMarkup]:
    """确定要撤回诉求 … 吗？ with 确定撤回 and 不 (back to its card)."""
    markup = keyboard(
        [
            [
                button(t("order-btn-withdraw-yes"), "rwdok", req.id),
                button(t("common-no"), "rview", req.id),
            ]
        ]
    )
    return t("order-ask-withdraw", number=req.number), markup


@router.message(AddInfo.compose, F.text | F.photo | F.voice)
async def on_add_info_content(message: Message, state: FSMContext, ctx: OrderCtx) -> None:
    """Store what the resident added; staff are told (and where the matter is, when the words
    name another building: moved there while staff have not taken it up)."""
    values = await state.get_data()
    photos = [message.photo[-1].file_id] if message.photo else []
    now = ctx.now()
    out = await request_service.add_info(
        ctx.session,
        user=ctx.user,
        request_id=int(values["request_id"]),
        text=message.text or message.caption,
        photos=photos,
        voice=message.voice.file_id if message.voice else None,
        now=now,
        outbox=ctx.outbox(now),
    )
    await state.clear()
    req = out.request
    if out.moved:
        said = ctx.t("order-info-added-moved", number=req.number, place=out.place, grid=out.grid)
    elif out.place is not None:
        said = ctx.t("order-info-added-place", number=req.number, place=out.place)
    else:
        said = ctx.t("order-info-added", number=req.number)
    await message.answer(said, reply_markup=ctx.main_menu())


@router.callback_query(OrderCb.filter(F.action == "rwd"))
async def on_withdraw(query: CallbackQuery, callback_data: OrderCb, ctx: OrderCtx) -> None:
    """Ask to confirm the withdrawal (an old view's button: why it cannot be, at once)."""
    t = ctx.t
    req = await request_service.resident_view(
        ctx.session, user=ctx.user, request_id=callback_data.ref
    )
    if req.status not in RESIDENT_EDITABLE:
        await answer_once(query, t(request_service.withdraw_refusal(req)), alert=True)
        return
    text, markup = _withdraw_question(t, req)
    await reply(query, text, reply_markup=markup)


@router.callback_query(OrderCb.filter(F.action == "rwdok"))
async def on_withdraw_confirmed(
    query: CallbackQuery, callback_data: OrderCb, ctx: OrderCtx
) -> None:
    """Withdraw the request."""
    req = await request_service.withdraw(
        ctx.session, user=ctx.user, request_id=callback_data.ref, reason=None, now=ctx.now()
    )
    await edit_or_send(query, ctx.t("order-withdrawn", number=req.number), None)


# ---------------------------------------------------------------- review (申请复核)


@router.callback_query(OrderCb.filter(F.action == "rrev"))
async def on_review(
    query: CallbackQuery, callback_data: OrderCb, state: FSMContext, ctx: OrderCtx
) -> None:
    """🔁 申请复核 on a declined request: ask why it should be looked at again (an old card's
    button: why it cannot be, at once)."""
    t = ctx.t
    req = await request_service.resident_view(
        ctx.session, user=ctx.user, request_id=callback_data.ref
    )
    refusal = await order_service.review_refusal(ctx.session, req=req, now=ctx.now())
    if refusal is not None:
        await answer_once(query, t(refusal, number=req.number), alert=True)
        return
    await answer_once(query)
    await state.set_state(Review.reason)
    card = query.message.message_id if isinstance(query.message, Message) else None
    await state.update_data(request_id=req.id, card=card)
    await reply(
        query,
        t("order-ask-review", number=req.number, reason=req.decline_reason or "-"),
        reply_markup=cancel_keyboard(t),
    )


@router.message(Review.reason, F.text)
async def on_review_reason(message: Message, state: FSMContext, ctx: OrderCtx) -> None:
    """The reason typed: the request goes back to staff with it."""
    values = await state.get_data()
    card = values.get("card")
    await _ask_review(
        message,
        state,
        ctx,
        int(values["request_id"]),
        message.text or "",
        card=card if isinstance(card, int) else None,
    )


@router.message(Review.reason)
async def on_review_not_text(message: Message, ctx: OrderCtx) -> None:
    """A photo or voice note for the reason: words are needed (staff read them on the card)."""
    await message.answer(ctx.t("order-review-words-please"), reply_markup=cancel_keyboard(ctx.t))


@router.callback_query(OrderCb.filter(F.action == "rrevt"))
async def on_review_typed(
    query: CallbackQuery, callback_data: OrderCb, state: FSMContext, ctx: OrderCtx
) -> None:
    """🔁 申请复核 offered for words typed at the menu after a decline ('为什么不受理？物业
    根本不管'): those words are the reason. Words no longer kept: asked for again."""
    values = await state.get_data()
    said = str(values.get("typed_text") or "").strip()
    if not said:
        await on_review(query, callback_data, state, ctx)
        return
    await answer_once(query)
    await state.update_data(typed_text=None)
    if isinstance(query.message, Message):
        with contextlib.suppress(TelegramBadRequest):
            await query.message.edit_reply_markup(reply_markup=None)
        await _ask_review(query.message, state, ctx, callback_data.ref, said)


async def _ask_review(
    message: Message,
    state: FSMContext,
    ctx: OrderCtx,
    request_id: int,
    reason: str,
    *,
    card: int | None = None,
) -> None:
    """申请复核 with this reason; a request no longer reviewable is said why. `card`: the
    request's card the button was on, redrawn as the request now is (no 申请复核 on it)."""
    t = ctx.t
    try:
        out = await order_service.ask_review(
            ctx.session, user=ctx.user, request_id=request_id, reason=reason, now=ctx.now()
        )
    except Conflict as exc:
        await state.clear()
        mine = await request_service.resident_view(
            ctx.session, user=ctx.user, request_id=request_id
        )
        await message.answer(t(exc.key, number=mine.number), reply_markup=ctx.main_menu())
        return
    await state.clear()
    assert out.request is not None
    number = out.request.number
    await message.answer(t("order-review-asked", number=number), reply_markup=ctx.main_menu())
    if card is not None and message.bot is not None:
        text, markup = await _my_request(ctx, out.request)
        with contextlib.suppress(TelegramBadRequest):  # e.g. too old to edit
            await message.bot.edit_message_text(
                text, chat_id=message.chat.id, message_id=card, reply_markup=markup
            )
    await ctx.deliver(out.pending)


async def offer_review_first(
    message: Message, ctx: OrderCtx, *, file_row: Sequence[InlineKeyboardButton]
) -> bool:
    """Words typed at the menu soon after a request was declined ('为什么不受理？', '物业根本
    不管'): most likely about that decision. Offered: 🔁 申请复核 with these words as the reason,
    or `file_row` to file them as a new matter. False when no request was declined lately (or
    its review was asked already)."""
    t = ctx.t
    req = await order_service.lately_declined(ctx.session, user=ctx.user, now=ctx.now())
    if req is None:
        return False
    rows: list[Sequence[InlineKeyboardButton]] = [
        [button(t("order-btn-review-typed"), "rrevt", req.id)],
        file_row,
    ]
    await message.answer(
        t("order-review-offer", number=req.number, reason=fit(req.decline_reason or "-", 200)),
        reply_markup=keyboard(rows),
    )
    return True


# ---------------------------------------------------------------- rating (满意回访)

_SCORES = {"rate1": Score.SATISFIED, "rate2": Score.BASIC, "rate3": Score.UNSATISFIED}
_SCORE_LABELS = {
    Score.SATISFIED: "order-rate-satisfied",
    Score.BASIC: "order-rate-basic",
    Score.UNSATISFIED: "order-rate-unsatisfied",
}


_RATED_WORDS = {
    smalltalk.Rating.SATISFIED: Score.SATISFIED,
    smalltalk.Rating.BASIC: Score.BASIC,
    smalltalk.Rating.UNSATISFIED: Score.UNSATISFIED,
}


async def take_typed_rating(message: Message, state: FSMContext, ctx: OrderCtx, text: str) -> bool:
    """A score typed where the rating buttons were meant, as older residents do: '满意',
    '挺好的', '还行', '一般', '不满意', '没修好' is the score, recorded as the tap would (不满意
    reopens the matter and asks what is still wrong) — for the request whose rating question
    it is right under (or replies to), or the only one awaiting a score. Several awaiting and
    not under one's question: which one is asked, with the buttons (words said with the score
    kept for the tap). Stars or points ('打五分', '五星', '打一分') are read as a score (4–5 满意,
    3 基本满意, 1–2 不满意; above five, out of ten: '打十分', '8分' — 8–10 满意, 5–7 基本满意,
    ≤4 不满意) and said back with the buttons, one tap to confirm it or choose another; words
    said with them ('五星，师傅很好') are said back too, and the tap records them as its
    comment. An 'OK' right under the
    question ('好的', '嗯', '可以') is asked, politely, with the buttons. False when the words
    are none of these, or may be about something else: '好的' or '没修好' not right under a
    rating question (or with nothing awaiting a score)."""
    said = smalltalk.rating_of(text)
    comment: str | None = None
    if said is None and (with_comment := smalltalk.rating_and_comment(text)) is not None:
        said, comment = with_comment  # '很满意，师傅很负责': the score and its comment at once
    unclear = said is None and smalltalk.rating_unclear(text)
    # '打五分', '五星', '打一分': stars or points, read as one of the three scores and said
    # back with the buttons, to be confirmed (or changed) with a tap — the reading is ours
    points = smalltalk.points_of(text) if said is None and not unclear else None
    if said is None and not unclear and points is None:
        with_words = smalltalk.points_and_comment(text)  # '五星，师傅很好', '4 stars, quick …'
        if with_words is not None:
            points, comment = with_words[0], with_words[1] or None
    if said is None and not unclear and points is None:
        return False
    waiting = await request_service.awaiting_ratings(ctx.session, user=ctx.user)
    if not waiting:
        if points is not None:
            await message.answer(ctx.t("order-rate-typed-none"))
            return True
        if said is None or smalltalk.says_not_fixed(text) or smalltalk.complains(text):
            return False  # '差评' with nothing to rate: a complaint (handlers.complaint)
        await message.answer(ctx.t("order-rate-typed-none"))  # thanked, not offered to file
        return True
    above = await order_service.rating_asked_above(
        ctx.session,
        user=ctx.user,
        message_id=message.message_id,
        reply_to=message.reply_to_message.message_id if message.reply_to_message else None,
    )
    if points is not None:
        asked = above or waiting[0]  # the only one awaiting a score, or the newest
        score = _RATED_WORDS[points.rating]
        ask = ctx.t(
            "order-rate-points",
            number=asked.number,
            points=points.points,
            unit="star" if points.stars else "point",
            out_of=points.out_of,
            score=ctx.t(_SCORE_LABELS[score]),
        )
        await _ask_score(message, state, ctx, asked, ask, comment=comment, score=score)
        return True
    if said is None and above is not None:  # '好的' right under the question
        unclear_ask = ctx.t("order-rate-unclear", number=above.number)
        await _ask_score(message, state, ctx, above, unclear_ask)
        return True
    if said is None or (above is None and smalltalk.says_not_fixed(text)):
        # an 'OK' to something else is small talk, as before; '还没修好' not under a rating
        # question may be about another matter still in hand: its own paths (the list of
        # their requests, or the rating question asking whether it is about this one)
        return False
    req = above or (waiting[0] if len(waiting) == 1 else None)
    score = _RATED_WORDS[said]
    if req is None:
        # several await a score: the newest named, its buttons to confirm (or rate another
        # from its own question)
        newest = waiting[0]
        ask = ctx.t("order-rate-typed", number=newest.number, score=ctx.t(_SCORE_LABELS[score]))
        await _ask_score(message, state, ctx, newest, ask, comment=comment, score=score)
        return True
    if comment is None:  # '满意' typed under a read-back that kept words said with the score
        kept = (await state.get_data()).get("rate_comment")
        if isinstance(kept, list) and len(kept) == 2 and kept[0] == req.id and kept[1]:
            comment = str(kept[1])
    await _rate_typed(message, state, ctx, req, score, comment=comment)
    return True


async def _ask_score(
    message: Message,
    state: FSMContext,
    ctx: OrderCtx,
    req: Request,
    text: str,
    *,
    comment: str | None = None,
    score: Score | None = None,
) -> None:
    """The rating question again for `req`, in `text`, with its three buttons. Words said with
    the score (`comment`) are said back and kept: a tap on a score for `req` records them as
    its comment (on_rate), so they are neither asked for again nor lost. A score read back
    (`score`: '您给的是 8 分…记作「😊 满意」') is given by '好的' / '是的' typed right under it
    (handlers.fallback), as by a tap on its button; once a score is given, tapped or typed,
    the read-back loses its buttons and says which (_settle_read_back)."""
    t = ctx.t
    if comment:
        kept = t("order-rate-comment-kept", comment=fit(comment, 300))
        if rating_complains(comment):  # passed on as a complaint too, once the score is in
            kept += "\n" + t("complaint-with-rating-ahead", number=req.number)
        # above the line saying which button to tap, where there is one (the points' reading)
        head, _, last = text.rpartition("\n")
        text = f"{head}\n{kept}\n{last}" if head else f"{text}\n{kept}"
        # kept until a score is tapped (a reading changed, or '好的' under it, keeps it too)
        await state.update_data(rate_comment=[req.id, comment])
    rows = [[button(t(_SCORE_LABELS[s]), action, req.id)] for action, s in _SCORES.items()]
    sent = await message.answer(text, reply_markup=keyboard(rows))
    await state.update_data(rate_asked=[req.id, sent.message_id, sent.html_text])
    if score is not None:  # '好的' typed right under it gives the score read back
        await state.update_data(typed_confirm=[sent.message_id, RATE_CONFIRM, req.id, score.value])


# what a pending typed confirmation (FSM data `typed_confirm`) is of: a score read back
RATE_CONFIRM = "rate"


async def _settle_read_back(
    message: Message | None,
    kept: dict[str, Any],
    t: Text,
    *,
    request_id: int,
    score: Score,
    tapped: int | None = None,
) -> None:
    """The score for `request_id` given (tapped, or typed): the rating question read back for
    it (kept in the flow's data as `rate_asked`: request, message id, text) loses its buttons
    and reads the score given, as a tapped rating notice does; `tapped`, the message the
    score was tapped on, is redrawn by its tap (_show_score)."""
    asked = kept.get("rate_asked")
    if not isinstance(asked, list) or len(asked) != 3 or asked[0] != request_id:
        return
    if message is None or message.bot is None or asked[1] == tapped:
        return
    key = "order-rated-choice-reopened" if score == Score.UNSATISFIED else "order-rated-choice"
    line = t(key, score=t(_SCORE_LABELS[score]))
    with contextlib.suppress(TelegramBadRequest):  # too old to edit, or already edited
        await message.bot.edit_message_text(
            f"{asked[2]}\n\n{line}",
            chat_id=message.chat.id,
            message_id=int(asked[1]),
            reply_markup=None,
        )


async def rate_typed_yes(
    message: Message, state: FSMContext, ctx: OrderCtx, *, request_id: int, score: str
) -> None:
    """'好的' / '是的' typed right under a score read back ('您给的是 8 分（满分 10 分）…记作
    「😊 满意」'): that score given, as a tap on its button gives it (before, '好的' there got
    small talk and no score)."""
    req = await request_service.resident_view(ctx.session, user=ctx.user, request_id=request_id)
    if req.status != RequestStatus.DONE:  # rated or closed meanwhile: what it was
        key = await order_service.stale_rating_answer(ctx.session, req=req, message_id=None)
        await message.answer(ctx.t(key), reply_markup=ctx.main_menu())
        return
    kept = (await state.get_data()).get("rate_comment")
    comment = None
    if isinstance(kept, list) and len(kept) == 2 and kept[0] == req.id and kept[1]:
        comment = str(kept[1])  # words said with the points, read back with them
    await _rate_typed(message, state, ctx, req, Score(score), comment=comment)


async def rate_typed_not_that(
    message: Message, state: FSMContext, ctx: OrderCtx, *, request_id: int, score: str
) -> None:
    """'不是' / '不对' / 'no' typed right under a score read back ('…记作「😊 满意」'): not that
    score; the read-back loses its buttons and the score is asked again with the three (words
    kept with it stay kept). Before, those words got small talk."""
    req = await request_service.resident_view(ctx.session, user=ctx.user, request_id=request_id)
    if req.status != RequestStatus.DONE:  # rated or closed meanwhile: what it was
        key = await order_service.stale_rating_answer(ctx.session, req=req, message_id=None)
        await message.answer(ctx.t(key), reply_markup=ctx.main_menu())
        return
    kept = await state.get_data()
    asked = kept.get("rate_asked")
    if isinstance(asked, list) and len(asked) == 3 and asked[0] == req.id and message.bot:
        with contextlib.suppress(TelegramBadRequest):  # too old to edit, or already edited
            await message.bot.edit_message_reply_markup(
                chat_id=message.chat.id, message_id=int(asked[1]), reply_markup=None
            )
    said = kept.get("rate_comment")
    comment = None
    if isinstance(said, list) and len(said) == 2 and said[0] == req.id and said[1]:
        comment = str(said[1])
    t = ctx.t
    ask = t("order-rate-not-that", score=t(_SCORE_LABELS[Score(score)]), number=req.number)
    await _ask_score(message, state, ctx, req, ask, comment=comment)


async def _rate_typed(
    message: Message,
    state: FSMContext,
    ctx: OrderCtx,
    req: Request,
    score: Score,
    *,
    comment: str | None = None,
) -> None:
    """The score typed, recorded as its button's tap: the rating questions lose their buttons
    and read the score; then a comment is asked for, with 跳过 (不满意: what is still wrong) —
    unless it came with the score ('很满意，师傅很负责'): then it is the comment, kept with it
    (and 不满意's reason the matter is reopened with), and nothing more is asked."""
    t = ctx.t
    kept = await state.get_data()
    try:
        out = await order_service.rate(
            ctx.session,
            user=ctx.user,
            request_id=int(req.id or 0),
            score=score,
            comment=comment,
            now=ctx.now(),
        )
    except Conflict as exc:  # rated (or closed) a moment before, elsewhere
        await message.answer(t(exc.key), reply_markup=ctx.main_menu())
        return
    await _settle_read_back(message, kept, t, request_id=int(req.id or 0), score=score)
    if comment:
        await state.clear()
        key = (
            "order-rated-typed-unsatisfied-comment"
            if score == Score.UNSATISFIED
            else "order-rated-typed-comment"
        )
        said = t(key, number=req.number, score=t(_SCORE_LABELS[score]))
        if rating_complains(comment):  # '不满意，师傅来了就走': a complaint too, said at once
            said = await pass_on_with_rating(
                ctx, request_id=int(req.id or 0), words=comment, score=score, rated=said
            )
        await message.answer(said, reply_markup=ctx.main_menu())
        await ctx.deliver(out.pending)
        return
    await state.clear()
    await state.set_state(RateComment.comment)
    await state.update_data(request_id=req.id, score=score.value, rated=True)
    key = "order-rated-typed-unsatisfied" if score == Score.UNSATISFIED else "order-rated-typed"
    asked = await message.answer(
        t(key, number=req.number, score=t(_SCORE_LABELS[score])),
        reply_markup=keyboard([[button(t("common-skip"), "rskip", req.id)]]),
    )
    # its 跳过 goes once the comment is in (or skipped), so it is not tapped later
    await state.update_data(ask_id=asked.message_id)
    await ctx.deliver(out.pending)


async def offer_rating_first(
    message: Message,
    ctx: OrderCtx,
    *,
    said: str | None,
    lead: str = "thanks",
    file_row: Sequence[InlineKeyboardButton] = (),
) -> int | None:
    """Something typed while a request done lately awaits its score ('还是有点滴', '修好了，谢谢
    刘师傅', '谢谢'): most likely about it. The rating question again, naming the request — a
    score tapped here takes what was typed as its comment (不满意 reopens the matter with it) —
    and, for words that may be another matter, `file_row` to file them instead. Thanks or
    "修好了" (`said` None) are answered by `lead` ("thanks" or "done"). The request's id, or
    None when none awaits a score."""
    t = ctx.t
    req = await request_service.awaiting_rating(ctx.session, user=ctx.user)
    if req is None:
        return None
    rows: list[Sequence[InlineKeyboardButton]] = [
        [button(t(_SCORE_LABELS[score]), action, req.id)] for action, score in _SCORES.items()
    ]
    if file_row:
        rows.append(file_row)
    about = _about(t, req)
    text = (
        t("order-rate-after-done-said", number=req.number, about=about)
        if said
        else t("order-rate-after-done-ask", number=req.number, about=about, lead=lead)
    )
    await message.answer(text, reply_markup=keyboard(rows))
    return req.id


# the callback data of 📝 报给社区 (handlers.fallback.FallbackCb(action="file"))
_FILE_INSTEAD = "fb:file"


async def _show_score(t: Text, message: Message | None, request_id: int, line: str) -> None:
    """The rating question that was tapped shows the score given, without its buttons, so it
    is not tapped again (and reads as answered). Other messages (with more buttons) stay. A
    notice fitted to one message stays one: the typed text cut in it is cut a little more to
    make room for the line."""
    if message is None or message.reply_markup is None:
        return
    if message.text is None and message.caption is None:
        return
    whole = []  # 📄 全文 of a notice fitted to one message stays: its text says to tap it
    for row in message.reply_markup.inline_keyboard:
        for key in row:
            if (key.callback_data or "").startswith(_FILE_INSTEAD):
                # 📝 报给社区 beside the scores (offer_rating_first): the words it would file
                # became the rating's comment, so it goes with them
                continue
            try:
                data = OrderCb.unpack(key.callback_data or "")
            except (TypeError, ValueError):
                return
            if data.ref != request_id or data.action not in {*_SCORES, "rfull"}:
                return
            if data.action == "rfull":
                whole.append([key])
    with contextlib.suppress(TelegramBadRequest):  # e.g. a double tap: already edited
        if message.text is not None:
            text = f"{message.html_text}\n\n{line}"
            over = utf16_len(visible_text(text)) - TEXT_LIMIT
            if over > 0:  # (else the edit would show its head and send the rest below it)
                cut = cut_marker(lambda total: t("text-cut", total=str(total)))
                text = make_room(message.html_text, cut=cut, units=over) or message.html_text
                text = f"{text}\n\n{line}"
            await message.edit_text(text, reply_markup=keyboard(whole) if whole else None)
            return
        # the question with the result's photo: its caption, if the line still fits
        caption = f"{message.html_text}\n\n{line}"
        if len(f"{message.caption}\n\n{line}".encode("utf-16-le")) // 2 <= CAPTION_LIMIT:
            await message.edit_caption(caption=caption, reply_markup=None)
        else:
            await message.edit_reply_markup(reply_markup=None)


@router.callback_query(OrderCb.filter(F.action.in_(starter(*_SCORES))))
async def on_rate(
    query: CallbackQuery, callback_data: OrderCb, state: FSMContext, ctx: OrderCtx
) -> None:
    """The score is stored at the tap (不满意 reopens at once); then a comment is asked for."""
    t = ctx.t
    req = await request_service.resident_view(
        ctx.session, user=ctx.user, request_id=callback_data.ref
    )
    # the rating question tapped (also when asked first whether to leave a form: the question
    # quotes it), not the question asked first: the request's card reads its status now (不满意
    # reopened it), a rating notice the score given (and that the matter is handled again)
    tapped = origin(query, callback_data)
    on_card = callback_data.extra == ON_CARD
    if req.status != RequestStatus.DONE:
        if on_card and tapped is not None and tapped.text is not None:
            # a card shown before the rating (given on the rating notice): it reads as the
            # request now is, without the buttons
            text, markup = await _my_request(ctx, req)
            with contextlib.suppress(TelegramBadRequest):  # e.g. the card is too old to edit
                await tapped.edit_text(text, reply_markup=markup)
        # rated, or (no rating in the follow-up window) closed unrated: what it was
        key = await order_service.stale_rating_answer(
            ctx.session,
            req=req,
            message_id=tapped.message_id if tapped is not None and not on_card else None,
        )
        await answer_once(query, t(key), alert=True)
        return
    if await asks_first(query, callback_data, state, t, starting="RateComment"):
        return
    score = _SCORES[plain(callback_data.action)]
    kept = await state.get_data()
    # words typed about it just before (offer_rating_first): the comment, not asked again
    said = str(kept.get("typed_text") or "") if kept.get("typed_about") == req.id else ""
    # or said with the score, read back before it was given ('五星，师傅很好'): kept for it
    with_score = kept.get("rate_comment")
    if not said and isinstance(with_score, list) and len(with_score) == 2:
        said = str(with_score[1] or "") if with_score[0] == req.id else ""
    await state.clear()
    # the score read back for it, when it was tapped elsewhere (the notice): answered too
    await _settle_read_back(
        query.message if isinstance(query.message, Message) else None,
        kept,
        t,
        request_id=int(req.id or 0),
        score=score,
        tapped=tapped.message_id if tapped is not None else None,
    )
    out = await order_service.rate(
        ctx.session,
        user=ctx.user,
        request_id=int(req.id or 0),
        score=score,
        comment=said or None,
        now=ctx.now(),
        # the notice tapped is redrawn here; the service redraws the others
        shown_on=tapped.message_id if tapped is not None and not on_card else None,
    )
    if not said:
        await state.set_state(RateComment.comment)
        await state.update_data(request_id=req.id, score=score.value, rated=True)
    if on_card and tapped is not None and tapped.text is not None:
        now_req = await request_service.resident_view(
            ctx.session, user=ctx.user, request_id=callback_data.ref
        )
        text, markup = await _my_request(ctx, now_req)
        with contextlib.suppress(TelegramBadRequest):  # e.g. the card is too old to edit
            await tapped.edit_text(text, reply_markup=markup)
    else:
        line = (
            "order-rated-choice-reopened" if score == Score.UNSATISFIED else "order-rated-choice"
        )
        await _show_score(t, tapped, callback_data.ref, t(line, score=t(_SCORE_LABELS[score])))
    await answer_once(query)
    if said and isinstance(query.message, Message):
        key = (
            "order-rated-reopened-said"
            if score == Score.UNSATISFIED
            else "order-rated-comment-saved"
        )
        confirmed = t(key)
        if rating_complains(said):  # '一星，师傅来了就走' read back, its score tapped
            confirmed = await pass_on_with_rating(
                ctx, request_id=int(req.id or 0), words=said, score=score, rated=confirmed
            )
        await query.message.answer(confirmed, reply_markup=ctx.main_menu())
    elif isinstance(query.message, Message):
        asked = await query.message.answer(
            t(
                "order-ask-comment-unsatisfied"
                if score == Score.UNSATISFIED
                else "order-ask-comment"
            ),
            reply_markup=keyboard([[button(t("common-skip"), "rskip", req.id)]]),
        )
        # its 跳过 goes once the comment is in (or skipped), so it is not tapped later
        await state.update_data(ask_id=asked.message_id)
    await ctx.deliver(out.pending)


async def _rate(
    event: Message | CallbackQuery, state: FSMContext, ctx: OrderCtx, comment: str | None
) -> None:
    values = await state.get_data()
    menu = ctx.main_menu()
    if values.get("rated"):
        # the score was stored at the tap; this only adds the optional comment
        notices = []
        score = Score(values["score"])
        # '师傅来了就走，根本没修好' typed at the comment step is a complaint, as said with
        # the score: kept as one and passed on (不满意: its staff notice says so)
        complains = rating_complains(comment)
        if comment:
            noted = await order_service.comment_rating(
                ctx.session,
                user=ctx.user,
                request_id=int(values["request_id"]),
                comment=comment,
                now=ctx.now(),
                complaint=complains,
            )
            notices = noted.pending
        await state.clear()
        await _drop_skip(event, values.get("ask_id"))
        if score == Score.UNSATISFIED:
            key = "order-rated-reopened"
        else:
            key = "order-rated-comment-saved" if comment else "order-rated-thanks"
        said = ctx.t(key)
        if comment and complains:
            said = await pass_on_with_rating(
                ctx,
                request_id=int(values["request_id"]),
                words=comment,
                score=score,
                rated=said,
            )
        await reply(event, said, reply_markup=menu)
        await ctx.deliver(notices)
        return
    out = await order_service.rate(
        ctx.session,
        user=ctx.user,
        request_id=int(values["request_id"]),
        score=Score(values["score"]),
        comment=comment,
        now=ctx.now(),
    )
    await state.clear()
    key = "order-rated-reopened" if values["score"] == Score.UNSATISFIED else "order-rated-thanks"
    await reply(event, ctx.t(key), reply_markup=menu)
    await ctx.deliver(out.pending)


async def _drop_skip(event: Message | CallbackQuery, ask_id: Any) -> None:
    """The comment question loses its 跳过 once answered: the tapped message, or the one
    asked (`ask_id`) when the comment was typed. One that cannot be edited stays as it is."""
    with contextlib.suppress(TelegramBadRequest):
        if isinstance(event, CallbackQuery):
            if isinstance(event.message, Message):
                await safe_edit_markup(event.message, None)
        elif isinstance(ask_id, int) and event.bot is not None:
            await event.bot.edit_message_reply_markup(
                chat_id=event.chat.id, message_id=ask_id, reply_markup=None
            )


@router.callback_query(RateComment.comment, OrderCb.filter(F.action == "rskip"))
async def on_rate_skip(query: CallbackQuery, state: FSMContext, ctx: OrderCtx) -> None:
    """Rate without a comment."""
    await _rate(query, state, ctx, None)


@router.message(RateComment.comment, F.text)
async def on_rate_comment(message: Message, state: FSMContext, ctx: OrderCtx) -> None:
    """Rate with the comment typed; "跳过" or "取消" as a reply button: without a comment.
    Small talk is no comment: '我不会弄' / '你好' get how to give one (the step stays; '我不会弄'
    used to reach staff as the complaint), '好的' / '谢谢' / '不用了' / '返回' rate without one."""
    text = message.text or ""
    kind = smalltalk.classify(text)
    if kind in _NOT_A_COMMENT_ASK:
        await message.answer(ctx.t("order-rate-comment-how"))
        return
    skip = text in labels("common-skip") | labels("common-cancel") or kind in _NO_COMMENT
    await _rate(message, state, ctx, None if skip else text)


# said at the rating comment step: how to comment is asked again ('我不会弄', '你好')
_NOT_A_COMMENT_ASK = frozenset(
    {
        smalltalk.Kind.HELP,
        smalltalk.Kind.GREETING,
        smalltalk.Kind.WHO,
        smalltalk.Kind.LEAD_IN,
        smalltalk.Kind.CHAT,  # '今天天气怎么样': not the matter, nor a comment on the result
    }
)
# said while describing a matter, to the bot rather than of the matter: not added to it
_COMPOSE_ASIDE = frozenset({smalltalk.Kind.THANKS, smalltalk.Kind.ACK, smalltalk.Kind.BYE})
# … or the score stands without one ('好的', '谢谢', '不用了', '返回'); '还没修好' (progress) is
# a comment
_NO_COMMENT = frozenset(
    {
        smalltalk.Kind.ACK,
        smalltalk.Kind.THANKS,
        smalltalk.Kind.BYE,
        smalltalk.Kind.UNDO,
        smalltalk.Kind.MENU,
    }
)
