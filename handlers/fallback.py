"""Last resort: stale or forged buttons and text nobody understood get a polite answer.

A registered resident who just types their problem at the main menu (as many older residents
do) is offered to file it as a request, with what they typed kept as the description; one who
types a feature's name ("投票", "我的积分", "撤回") gets that feature, as its button opens it.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from aiogram import F, Router
from aiogram.filters import Command, StateFilter
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardButton, Message, ReplyKeyboardMarkup
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Text
from handlers import member_profile, staff_words
from handlers.call_back import answer_call_me
from handlers.claims import (
    answer_typed_pause,
    answer_typed_question,
    cmd_open_orders,
    keep_typed_note,
    offer_typed_done,
    offer_typed_news,
    offer_typed_release,
    typed_note_buttons,
)
from handlers.common import cmd_lang, help_text, office_text, send_main_menu
from handlers.complaint import offer_complaint
from handlers.context import OrderCtx, OrderCtxMiddleware
from handlers.keyboards import cancel_keyboard, inline_kb
from handlers.meeting_questions import QuestionCb, typed_question_row
from handlers.meetings import (
    RSVP_CONFIRM,
    offer_typed_rsvp,
    on_consult_menu,
    rsvp_typed_no,
    rsvp_typed_yes,
)
from handlers.members import offer_move, start_join
from handlers.menu import all_flow_labels, all_menu_labels, labels, main_menu
from handlers.offer_choices import answered_before, settle_offer, settle_offer_at
from handlers.polls import (
    VOTE_CONFIRM,
    answer_results_asked,
    offer_typed_choice,
    vote_typed_no,
    vote_typed_yes,
)
from handlers.praise import offer_praise
from handlers.profile import cmd_profile, offer_typed_phone, show_quiet
from handlers.registration import (
    change_address_typed,
    kept_draft,
    register_from_typed,
    register_now_kb,
    register_rows,
    staff_said,
    start_registration,
)
from handlers.requests import (
    RATE_CONFIRM,
    Filing,
    act_on_matter,
    act_on_only_matter,
    cmd_my_requests,
    cmd_new_request,
    compose_keyboard,
    offer_rating_first,
    offer_review_first,
    rate_typed_not_that,
    rate_typed_yes,
    show_my_request,
    take_typed_rating,
)
from handlers.results import (
    carries_photo_report,
    keep_photo_report,
    photo_joins_report,
    photo_report_moved,
    photo_report_rows,
    photos_above,
    take_typed_report,
)
from handlers.stats import cmd_points
from handlers.text_steps import back_at_first_step, is_back
from handlers.topics import back_typed, start_typed_topic
from models import MemberProfile, MemberStatus, Role, User, shown_name
from services import address, member_self, org, smalltalk
from services import requests as request_service
from services.errors import Conflict, InvalidInput
from services.order_common import category, written_text
from services.order_titles import fit
from services.requests import (
    MAX_PHOTOS,
    MAX_TEXT,
    MAX_VOICES,
    only_open,
    own_about,
    safety_keys_for,
    voices_of,
    with_voice,
)
from services.triage.text import with_caption
from services.triage.urgency import urgent_reasons

router = Router(name="fallback")
# `ctx` (handlers.context.OrderCtx) for the messages: "我反映的事怎么样了" shows 我的诉求
router.message.middleware(OrderCtxMiddleware())
router.callback_query.middleware(OrderCtxMiddleware())  # ➕ 补充到 … (on_add_typed_text)
log = logging.getLogger(__name__)

OFFER_MIN_CHARS = 2  # letters or CJK characters: "停水了" is a matter; "?" or "1" is not
OFFER_MAX_CHARS = 4000


class FallbackCb(CallbackData, prefix="fb"):
    """File the text just typed as a request."""

    action: str


ADD = "add"  # FallbackCb action: add the words to a matter filed ("add" + its id)


@router.callback_query(FallbackCb.filter(F.action.startswith(ADD)))
async def on_add_typed_text(query: CallbackQuery, state: FSMContext, ctx: OrderCtx) -> None:
    """➕ 补充到 00001 under '我想补充一下，…': the words are added to that matter, as its card's
    ➕ 补充信息 would (staff and the members on its order are told)."""
    t = ctx.t
    if await answered_before(query, state, t):
        return
    data = await state.get_data()
    said = str(data.get("typed_text") or "")
    ref = query.data.split(":")[-1][len(ADD) :] if query.data else ""
    if not said or not ref.isdigit() or await state.get_state() is not None:
        await query.answer(t("err-stale-button"), show_alert=True)
        return
    now = ctx.now()
    try:
        out = await request_service.add_info(
            ctx.session,
            user=ctx.user,
            request_id=int(ref),
            text=said,
            now=now,
            outbox=ctx.outbox(now),
        )
    except (Conflict, InvalidInput) as exc:
        # finished meanwhile, or it holds no more words: the offer stays, 📝 报给社区 still
        # files them
        await query.answer(t(exc.key, **exc.args_), show_alert=True)
        return
    await query.answer()
    if isinstance(query.message, Message):
        await settle_offer(query.message, state, t, ADD)
        await state.set_data({k: v for k, v in data.items() if not k.startswith("typed_")})
        req = out.request
        if out.moved:
            added = t("order-info-added-moved", number=req.number, place=out.place, grid=out.grid)
        elif out.place is not None:
            added = t("order-info-added-place", number=req.number, place=out.place)
        else:
            added = t("order-info-added", number=req.number)
        await query.message.answer(added, reply_markup=ctx.main_menu())


async def _draft_words(state: FSMContext, text: str, **more: Any) -> None:
    """The draft the menu's offer files (📝 报给社区): these words alone; a photo, voice note,
    place or album sent before them belongs to another matter. `more`: other typed_* fields."""
    await state.update_data(
        typed_text=text,
        typed_photos=[],
        typed_voice=None,
        typed_place=None,
        typed_album=None,
        typed_about=None,
        **more,
    )


async def _offer_adding(message: Message, state: FSMContext, ctx: OrderCtx, text: str) -> bool:
    """'我想补充一下，水已经流到楼下了' from a resident with matters open: the words (without
    the lead-in) offered to be added to one of them (➕ 补充到 00001, newest first) or filed
    as a new matter (📝 报给社区) — they used to be offered as a new matter only. False when
    the words do not say so, or no matter of theirs can be added to."""
    rest = smalltalk.adds_to(text)
    if rest is None:
        return False
    matters = await request_service.open_to_add(ctx.session, user=ctx.user)
    if not matters:
        return False
    t = ctx.t
    await _draft_words(state, rest)  # whole: a matter takes one message's words added to it
    rows = [
        [
            (
                t(
                    "fallback-add-button",
                    number=req.number,
                    what=fit(written_text(req.text), 20) or category(req.category).name(t.lang),
                ),
                FallbackCb(action=f"{ADD}{req.id}").pack(),
            )
        ]
        for req in matters
    ]
    rows.append([(t("fallback-file-button"), FallbackCb(action="file").pack())])
    offer = await message.answer(
        "\n".join(
            [
                t("fallback-add-offer", text=fit(rest, 400)),
                *(t(key) for key in safety_keys_for(urgent_reasons(rest))),
            ]
        ),
        reply_markup=inline_kb(rows),
    )
    await _remember_offer(state, offer)
    return True


@router.callback_query(FallbackCb.filter(F.action == "file"))
async def on_file_typed_text(query: CallbackQuery, state: FSMContext, user: User, t: Text) -> None:
    """Start a request with what was sent at the menu (words, photos, a voice note, a place)."""
    if await answered_before(query, state, t):
        return
    data = await state.get_data()
    said = [data.get(k) for k in ("typed_text", "typed_photos", "typed_voice", "typed_place")]
    if not any(said) or not user.registered:
        await query.answer(t("err-stale-button"), show_alert=True)
        return
    if await state.get_state() is not None:
        await query.answer(t("err-stale-button"), show_alert=True)
        return
    await query.answer()
    if isinstance(query.message, Message):
        await settle_offer(query.message, state, t, "file")
        await _start_typed_draft(query.message, state, t, data)


async def _start_typed_draft(
    message: Message, state: FSMContext, t: Text, data: dict[str, Any]
) -> None:
    """The request begun with what was sent at the menu (`data`: the offer's typed_*)."""
    text = data.get("typed_text") or ""
    voice = voices_of(data.get("typed_voice"))
    place = data.get("typed_place")
    await state.clear()
    await state.set_state(Filing.compose)
    await state.update_data(text=text, photos=list(data.get("typed_photos") or []), voice=voice)
    if place:
        await state.update_data(lat=place[0], lon=place[1])
    await message.answer(
        t(
            "fallback-draft-started"
            if text
            else "fallback-draft-started-voice"
            if voice
            else "fallback-draft-started-media"
        ),
        reply_markup=compose_keyboard(t),
    )


async def _answered_offer(
    message: Message, state: FSMContext, t: Text, menu: ReplyKeyboardMarkup, text: str
) -> bool:
    """'好的' / '是的' / '要' typed right under "要把这件事报给社区吗？" is a yes, as tapping
    📝 报给社区 is (it used to be taken for a new matter, '是的', in place of the one told);
    '不要了' / '算了' a no: the matter is let go. Anything else, or not right under the offer:
    False."""
    data = await state.get_data()
    offer = data.get("typed_offer")
    # right under it: the message after the offer, nothing between (ids run on in a chat)
    if not isinstance(offer, int) or message.message_id != offer + 1 or message.bot is None:
        return False
    yes = smalltalk.offer_answer(text)
    if yes is None:
        return False
    if yes and data.get("typed_adds"):
        # '好的' under ➕ 补充到 … and 📝 报给社区 may mean either: asked, nothing done
        await message.answer(t("fallback-add-which"), reply_markup=menu)
        return True
    if yes and data.get("typed_ask"):
        # '好的' under ❓ 转给…的组织者 and 📝 报给社区 may mean either: asked, nothing done
        await message.answer(t("fallback-offer-which"), reply_markup=menu)
        return True
    # its button is done with, and the offer says which way it was answered, as a tap on it
    # would (a tap on it later is told so)
    html = data.get("typed_offer_text")
    await settle_offer_at(
        message.bot,
        message.chat.id,
        offer,
        html if isinstance(html, str) else None,
        state,
        t,
        "file" if yes else "drop",
    )
    if yes:
        await _start_typed_draft(message, state, t, data)
        return True
    await state.set_data({k: v for k, v in data.items() if not k.startswith("typed_")})
    await message.answer(t("fallback-offer-dropped"), reply_markup=menu)
    return True


async def _answered_topic_offer(
    message: Message, state: FSMContext, t: Text, menu: ReplyKeyboardMarkup, text: str
) -> bool:
    """'提交' / '作为议题' typed right under "您想提的议题：…" proposes it, as 💡 作为议题提交
    does; '报给社区' files it; '不要了' lets it go; '好的' (either button) asks which. Before,
    '提交' and even the button's own words were offered to be filed as a new matter, and
    '好的' then filed those words. Anything else, or not right under it: False."""
    data = await state.get_data()
    pending = data.get("typed_topic_offer")
    if not isinstance(pending, list) or len(pending) != 3 or message.bot is None:
        return False
    # right under the offer, or under the answer asking which of its buttons
    anchor, offer, html = pending
    if message.message_id != int(anchor) + 1:
        return False
    said = smalltalk.topic_offer_answer(text)
    if said is None:
        return False
    if said == smalltalk.TopicOffer.EITHER:
        which = await message.answer(t("fallback-topic-which"), reply_markup=menu)
        await state.update_data(typed_topic_offer=[which.message_id, offer, html])
        return True
    choice = said.value  # "topic" / "file" / "drop": as the offer shows it once answered
    html = html if isinstance(html, str) else None
    await settle_offer_at(message.bot, message.chat.id, int(offer), html, state, t, choice)
    if said == smalltalk.TopicOffer.TOPIC:
        proposed = str(data.get("typed_topic") or "")
        await state.clear()
        await start_typed_topic(message, state, t, proposed)
    elif said == smalltalk.TopicOffer.FILE:
        await _start_typed_draft(message, state, t, data)
    else:
        await state.set_data({k: v for k, v in data.items() if not k.startswith("typed_")})
        await message.answer(t("fallback-offer-dropped"), reply_markup=menu)
    return True


async def _answered_confirm(message: Message, state: FSMContext, ctx: OrderCtx, text: str) -> bool:
    """'好的' / '是的' / '确定' typed right under a choice read back with its one button ("您是要…
    投「X」吗？", "您是说「…」要去吗？") does what the button does; '不要了' / '算了' leaves it
    undone, said so; '不是' / '不对' / 'no' under a score read back asks for the score again,
    with the three buttons. Anything else, or not right under it: False."""
    data = await state.get_data()
    pending = data.get("typed_confirm")
    if not isinstance(pending, list) or len(pending) != 4 or message.message_id != pending[0] + 1:
        return False
    yes = smalltalk.offer_answer(text)
    if yes is None:
        read = smalltalk.at_preview(text)  # '确定' / '提交吧': yes; '返回': no
        yes = True if read == smalltalk.AtPreview.SEND else None
        yes = False if read == smalltalk.AtPreview.LEAVE else yes
    offer_id, kind, target, choice = pending
    if kind == RATE_CONFIRM and not yes and smalltalk.says_not_that(text):
        # '不是' / '不对' / 'no' under a score read back: not that one; asked again
        await state.update_data(typed_confirm=None)
        await rate_typed_not_that(message, state, ctx, request_id=int(target), score=str(choice))
        return True
    if yes is None:
        return False
    await state.update_data(typed_confirm=None)
    if kind == VOTE_CONFIRM and yes:
        await vote_typed_yes(
            message, ctx, offer_id=int(offer_id), poll_id=int(target), option_id=int(choice)
        )
    elif kind == VOTE_CONFIRM:
        await vote_typed_no(message, ctx, offer_id=int(offer_id), poll_id=int(target))
    elif kind == RSVP_CONFIRM and yes:
        await rsvp_typed_yes(
            message, ctx, offer_id=int(offer_id), meeting_id=int(target), answer=str(choice)
        )
    elif kind == RSVP_CONFIRM:
        await rsvp_typed_no(message, ctx)
    elif kind == RATE_CONFIRM and yes:
        await rate_typed_yes(message, state, ctx, request_id=int(target), score=str(choice))
    else:
        return False
    return True


async def _joined_offer(
    message: Message,
    state: FSMContext,
    t: Text,
    *,
    text: str = "",
    photo: str | None = None,
    voice: str | None = None,
    place: list[float] | None = None,
    ask: list[tuple[str, str]] | None = None,
    reports: list[list[tuple[str, str]]] | None = None,
) -> bool:
    """Something sent right under "要把这件事报给社区吗？", before it was answered, adds to the
    matter told — a second photo sent on its own, the words a wordless photo lacked, more words
    ('楼下也渗水了') — instead of taking its place; the same words sent twice are kept once. The
    offer is made again for all of it, the earlier one's button gone; where it carried a
    member's ✅ 完成上报 buttons (`reports`, handlers.results.photo_report_rows), so does the new
    one, the photo and words kept for the report too. False (nothing done) when it is not
    right under an offer."""
    data = await state.get_data()
    offer = data.get("typed_offer")
    said = str(data.get("typed_text") or "")
    photos = list(data.get("typed_photos") or [])
    pending = said or photos or data.get("typed_voice") or data.get("typed_place")
    if not isinstance(offer, int) or message.message_id != offer + 1 or message.bot is None:
        return False
    if not pending:
        return False
    words = text.strip()
    again = bool(words) and words in said and not (photo or voice or place)
    # more words than the matter can hold with what was said: not added (and said so), rather
    # than the end of it cut off unseen; what was said before stays
    too_long = bool(words) and not again and len(said) + 1 + len(words) > OFFER_MAX_CHARS
    if words and words not in said and not too_long:
        said = f"{said}\n{words}" if said else words
    if photo and len(photos) < MAX_PHOTOS:
        photos.append(photo)
    voices = voices_of(data.get("typed_voice"))
    more = with_voice(voices, voice) if voice else voices
    await state.update_data(
        typed_text=said[:OFFER_MAX_CHARS],
        typed_photos=photos,
        typed_voice=more if more is not None else voices,
        typed_place=place or data.get("typed_place"),
        typed_album=message.media_group_id,
        typed_about=None,
    )
    await message.bot.edit_message_reply_markup(
        chat_id=message.chat.id, message_id=offer, reply_markup=None
    )
    lead = t("fallback-offer-said-again" if again else "fallback-offer-added")
    if too_long:
        lead = t("fallback-offer-too-long", length=len(words), limit=OFFER_MAX_CHARS)
    if voice and more is None:  # MAX_VOICES kept already: this one is not
        lead = t("fallback-offer-voices-full", limit=MAX_VOICES)
    elif voice and voices:  # kept beside the one before (it used to take its place)
        lead = t("fallback-offer-voice-more", count=len(voices) + 1)
    # `ask`: the words added read as a question for a meeting's organizer (❓ 转给…)
    carried = bool(reports) and carries_photo_report(data, offer)
    again_offer = await _offer(
        message, t, said, lead=lead, ask=ask, reports=reports if carried else None
    )
    await _remember_offer(state, again_offer)
    if carried:
        await photo_report_moved(state, again_offer, words=words, photo=photo)
    return True


async def _offer_again(message: Message, state: FSMContext, t: Text) -> bool:
    """ "在吗" / "喂" typed right under "要把这件事报给社区吗？", as someone waiting for a person
    to answer writes: the offer is made again, with what they told (it was the menu, and the
    matter told was dropped: '好的' next no longer filed it). False when not right under a
    plain offer (one that also adds to a matter or asks an organizer is left as it was)."""
    data = await state.get_data()
    offer = data.get("typed_offer")
    said = str(data.get("typed_text") or "")
    pending = (
        said or data.get("typed_photos") or data.get("typed_voice") or data.get("typed_place")
    )
    if not isinstance(offer, int) or message.message_id != offer + 1 or message.bot is None:
        return False
    if not pending or data.get("typed_ask") or data.get("typed_adds"):
        return False
    # the first offer keeps its button: either files what was told
    lead = (
        t("fallback-offer-greeted", text=fit(said, 200))
        if said
        else t("fallback-offer-greeted-media")
    )
    await _remember_offer(state, await _offer(message, t, said, lead=lead))
    return True


async def _remember_offer(state: FSMContext, offer: Message) -> None:
    """The offer just sent: a yes or no typed right under it answers it (a yes, where the
    offer also sends the words to a meeting's organizer or adds them to a matter filed, is
    asked which)."""
    rows = offer.reply_markup.inline_keyboard if offer.reply_markup else []
    datas = [key.callback_data or "" for row in rows for key in row]
    prefix = QuestionCb.__prefix__ + ":"
    adding = FallbackCb(action=ADD).pack()
    await state.update_data(
        typed_offer=offer.message_id,
        typed_ask=any(data.startswith(prefix) for data in datas),
        typed_adds=any(data.startswith(adding) for data in datas),
        # its text as sent, for it to say later how it was answered in words ('好的')
        typed_offer_text=offer.html_text if offer.text is not None else None,
    )


@router.callback_query(FallbackCb.filter(F.action == "topic"))
async def on_propose_typed_topic(
    query: CallbackQuery, state: FSMContext, user: User, t: Text
) -> None:
    """What was typed at the menu as a proposal becomes a topic: as its title, a few words
    of explanation asked next (skippable); longer than a title, it is kept as the
    explanation and a one-line title asked for — nothing typed twice."""
    if await answered_before(query, state, t):
        return
    data = await state.get_data()
    proposed = str(data.get("typed_topic") or "")
    if not proposed or not user.registered or await state.get_state() is not None:
        await query.answer(t("err-stale-button"), show_alert=True)
        return
    await state.clear()
    await query.answer()
    if isinstance(query.message, Message):
        await settle_offer(query.message, state, t, "topic")
    await start_typed_topic(query.message, state, t, proposed)


@router.message(F.chat.type == "private", StateFilter(None), F.photo | F.voice | F.location)
async def on_media_at_the_menu(
    message: Message,
    state: FSMContext,
    user: User | None,
    roles: frozenset[Role],
    t: Text,
    ctx: OrderCtx | None = None,
) -> None:
    """A photo of the problem, a voice note or a location sent at the menu (as older residents
    do, rather than tapping 我要点单) is offered to be filed, like typed text; the further photos
    of the same album join it without a second question. A member holding orders may have
    sent a photo of the work done: ✅ 完成上报 buttons under the answer put it in that order's
    report instead (before, it was only offered to be filed, or kept till they registered an
    address)."""
    if user is None:
        return
    await photo_joins_report(state, message)  # an album offered for a report: all its photos
    photo_id = message.photo[-1].file_id if message.photo else None
    first = message.media_group_id is None or (
        (await state.get_data()).get("typed_album") != message.media_group_id
        and (await kept_draft(state).get_data()).get("album") != message.media_group_id
    )
    reports = (
        await photo_report_rows(ctx)
        if ctx is not None and photo_id and first and Role.MEMBER in roles
        else []
    )
    if not user.registered and first and not reports and roles & {Role.STAFF, Role.ADMIN}:
        # staff without an address here: most likely for their work; kept as their own
        # matter only when they say it is one (🏠), as their words are
        await _staff_media_not_read(
            message,
            state,
            t,
            caption=with_caption("", message.caption),
            photo=photo_id,
            voice=message.voice.file_id if message.voice else None,
            place=(
                [message.location.latitude, message.location.longitude]
                if message.location
                else None
            ),
        )
        return
    if not user.registered:
        answered = await _keep_until_registered(
            message,
            state,
            t,
            text=with_caption("", message.caption),
            photo=message.photo[-1].file_id if message.photo else None,
            voice=message.voice.file_id if message.voice else None,
            place=(
                [message.location.latitude, message.location.longitude]
                if message.location
                else None
            ),
            reports=reports,
        )
        if reports and answered is not None and photo_id:
            await keep_photo_report(
                state,
                answered,
                said=with_caption("", message.caption),
                photos=[photo_id],
                album=message.media_group_id,
            )
        return
    data = await state.get_data()
    album = message.media_group_id
    caption = with_caption("", message.caption)
    photo = message.photo[-1].file_id if message.photo else None
    voice = message.voice.file_id if message.voice else None
    place = [message.location.latitude, message.location.longitude] if message.location else None
    if album is not None and data.get("typed_album") == album:
        photos = list(data.get("typed_photos") or [])
        if message.photo and len(photos) < MAX_PHOTOS:
            photos.append(message.photo[-1].file_id)
        text = with_caption(data.get("typed_text") or "", message.caption)
        await state.update_data(typed_photos=photos, typed_text=text[:OFFER_MAX_CHARS])
        return
    if await _joined_offer(
        message,
        state,
        t,
        text=caption,
        photo=photo,
        voice=voice,
        place=place,
        reports=reports or (await photo_report_rows(ctx) if ctx is not None else None),
    ):
        return  # a second photo, a voice note after a photo: the same matter
    await state.update_data(
        typed_text=caption[:OFFER_MAX_CHARS],
        typed_photos=[photo] if photo else [],
        typed_voice=[voice] if voice else [],
        typed_place=place,
        typed_album=album,
    )
    offer = await _offer(message, t, message.caption or "", reports=reports)
    await _remember_offer(state, offer)
    if reports and photo:
        await keep_photo_report(state, offer, said=caption, photos=[photo], album=album)


async def _keep_until_registered(
    message: Message,
    state: FSMContext,
    t: Text,
    *,
    text: str = "",
    photo: str | None = None,
    more_photos: list[str] | None = None,
    voice: str | None = None,
    place: list[float] | None = None,
    staff: bool = False,
    notes: list[list[tuple[str, str]]] | None = None,
    reports: list[list[tuple[str, str]]] | None = None,
) -> Message | None:
    """Someone not yet registered told us a matter: keep it (kept_draft) for the request that
    follows their registration, and offer to register now. More messages before they do join
    it; the further photos of one album join it without a second answer. Staff (`staff`, who
    mostly type about their work: '派单', '00004 不受理') are first told where that is done; a
    member with orders in hand (`notes`: their 💬 告诉社区 buttons) that the words may be for
    the order's staff. The answer sent (None for an album's further photo)."""
    kept = await kept_draft(state).get_data()
    said = str(kept.get("text") or "")
    # more than a matter holds with what is kept already: not kept (and said so), rather than
    # its end cut off unseen
    too_long = bool(text) and len(said) + 1 + len(text) > OFFER_MAX_CHARS
    if text and not too_long:
        said = f"{said}\n{text}" if said else text
    photos = list(kept.get("photos") or [])
    for one in [photo, *(more_photos or [])]:
        if one and len(photos) < MAX_PHOTOS:
            photos.append(one)
    album = message.media_group_id
    same_album = album is not None and kept.get("album") == album
    proposed = smalltalk.proposal_of(text) if text and not staff else None
    if proposed is not None and not kept.get("topic"):
        # '我想提个议题：…': kept as a topic, offered as one once they have registered
        kept["topic"] = proposed
    kept.update(
        text=said[:OFFER_MAX_CHARS],
        photos=photos,
        voice=(with_voice(kept.get("voice"), voice) if voice else None)
        or voices_of(kept.get("voice")),
        place=place or kept.get("place"),
        album=album,
    )
    await kept_draft(state).set_data(kept)
    if same_album:
        return None
    answer = t("fallback-kept-until-registered")
    if kept.get("topic") and not staff:
        # a topic proposed (now or in an earlier message, which these words add to): it is
        # offered as a topic once they have registered, and they are told so, not 报给社区
        answer = t("fallback-kept-topic-until-registered", topic=fit(str(kept["topic"]), 200))
    if too_long:
        answer = t("fallback-offer-too-long", length=len(text), limit=OFFER_MAX_CHARS)
        answer += "\n" + t("fallback-kept-until-registered")
    register = register_now_kb(t, then="order")
    if notes:
        # a member serving a community they do not live in ('敲门没人在家'): most likely about
        # their order, for its staff; their own matter still waits for an address
        answer = t("order-typed-note-hint") + "\n\n" + t("fallback-kept-until-registered-staff")
        register = inline_kb([*notes, *register_rows(t, then="order")])
    if reports:
        # a member's photo: most likely of the work done, for their order's report
        answer = t("order-photo-report-hint") + "\n\n" + t("fallback-kept-until-registered-staff")
        register = inline_kb([*reports, *register_rows(t, then="order")])
    return await message.answer(answer, reply_markup=register)


OWN = "own"  # FallbackCb action: 🏠 是我自己家的事 under words staff typed (_staff_not_read)
_STAFF_SAID_KEPT = 20  # the latest answers whose 🏠 still keeps the words


async def _staff_not_read(
    message: Message, state: FSMContext, t: Text, text: str, *, home: bool = False
) -> None:
    """Staff typed words nothing reads ('楼里的事情太多了'): not a work command, so what they can
    say or tap instead; their 🏠 是我自己家的事 makes the words a matter of their own — kept to
    file once they register an address, or (`home`: registered as a resident here too) begun
    as their request at once. Nothing is kept or offered to be filed before."""
    own = "fallback-staff-unread-home" if home else "fallback-staff-unread-own"
    lines = [t("fallback-staff-unread"), t("fallback-staff-ways"), t(own)]
    await _ask_if_own(message, state, t, "\n".join(lines), {"text": text[:OFFER_MAX_CHARS]})


async def _staff_media_not_read(
    message: Message,
    state: FSMContext,
    t: Text,
    *,
    caption: str,
    photo: str | None,
    voice: str | None,
    place: list[float] | None,
) -> None:
    """A photo, a voice note or a place sent outside any form by staff without an address here
    (it was kept at once as a matter of theirs): what they can say or tap for work, and 🏠 是我
    自己家的事, which alone keeps it for the request after registering. The further photos of
    one album join the first's answer."""
    album = message.media_group_id
    said = await staff_said(state).get_data()
    if album is not None:
        for entry in said.values():
            if isinstance(entry, dict) and entry.get("album") == album:
                photos = list(entry.get("photos") or [])
                if photo and len(photos) < MAX_PHOTOS:
                    entry["photos"] = [*photos, photo]
                entry["text"] = with_caption(str(entry.get("text") or ""), caption)[
                    :OFFER_MAX_CHARS
                ]
                await staff_said(state).set_data(said)
                return
    kind = "photo" if photo else "voice" if voice else "place"
    lines = [
        t("fallback-staff-media-unread", kind=kind),
        t("fallback-staff-ways"),
        t("fallback-staff-media-own", kind=kind),
    ]
    entry = {
        "text": caption[:OFFER_MAX_CHARS],
        "photos": [photo] if photo else [],
        "voice": voice,
        "place": place,
        "album": album,
    }
    await _ask_if_own(message, state, t, "\n".join(lines), entry)


async def _ask_if_own(
    message: Message, state: FSMContext, t: Text, answer: str, entry: dict[str, Any]
) -> None:
    """The answer with 🏠 是我自己家的事, what was sent kept beside it for that button only."""
    asked = await message.answer(
        answer,
        reply_markup=inline_kb(
            [[(t("fallback-own-matter-button"), FallbackCb(action=OWN).pack())]]
        ),
    )
    said = await staff_said(state).get_data()
    said[str(asked.message_id)] = entry
    await staff_said(state).set_data(dict(list(said.items())[-_STAFF_SAID_KEPT:]))


def _own_entry(entry: Any) -> dict[str, Any] | None:
    """What an answer's 🏠 keeps: words (stored bare before photos were asked about too), or
    words, photos, a voice note and a place; None when there is nothing."""
    if isinstance(entry, str):
        entry = {"text": entry}
    if not isinstance(entry, dict):
        return None
    if not any(entry.get(k) for k in ("text", "photos", "voice", "place")):
        return None
    return entry


@router.callback_query(FallbackCb.filter(F.action == OWN))
async def on_own_matter(query: CallbackQuery, state: FSMContext, user: User, t: Text) -> None:
    """🏠 是我自己家的事: what was sent above it is the staff member's own matter, kept for the
    request after registering their address (as a resident's is), or, registered, begun as
    their request."""
    if await answered_before(query, state, t):
        return
    if not isinstance(query.message, Message):
        await query.answer(t("err-stale-button"), show_alert=True)
        return
    said = await staff_said(state).get_data()
    entry = _own_entry(said.pop(str(query.message.message_id), None))
    if entry is None:
        log.info(
            "own-matter tap without its words: user %s message %s",
            user.id,
            query.message.message_id,
        )
        await query.answer(t("err-stale-button"), show_alert=True)
        return
    await staff_said(state).set_data(said)
    await query.answer()
    await settle_offer(query.message, state, t, OWN)
    text = str(entry.get("text") or "")
    photos = [str(p) for p in entry.get("photos") or []]
    voice = entry.get("voice")
    place = entry.get("place")
    if not user.registered:
        await _keep_until_registered(
            query.message,
            state,
            t,
            text=text,
            photo=photos[0] if photos else None,
            more_photos=photos[1:],
            voice=str(voice) if voice else None,
            place=list(place) if place else None,
        )
        return
    typed: dict[str, Any] = {
        "typed_text": text,
        "typed_photos": photos,
        "typed_voice": [voice] if voice else None,
        "typed_place": place,
        "typed_album": None,
        "typed_about": None,
    }
    if await state.get_state() is None:
        # their own matter, as they said: the request begun with it (no second question)
        await _start_typed_draft(query.message, state, t, typed)
        return
    # in the middle of a form: offered to be filed, the form left as it is
    await state.update_data(typed)
    await _remember_offer(state, await _offer(query.message, t, text))


async def offer_kept(message: Message, state: FSMContext, user: User, t: Text) -> None:
    """/start with a matter kept for this person (told before registering, or by mentioning the
    bot in a group): registered, it is offered to be filed as if just typed here; not yet, the
    way on is registering (it stays kept for the request after it)."""
    kept = await kept_draft(state).get_data()
    text = str(kept.get("text") or "")
    photos = list(kept.get("photos") or [])
    if not (text or photos or kept.get("voice") or kept.get("place")):
        return
    if not user.registered:
        # a topic kept ('我想提个议题：…') is still told as one: it is offered as a topic then
        told = (
            t("fallback-kept-topic-until-registered", topic=fit(str(kept["topic"]), 200))
            if kept.get("topic")
            else t("fallback-kept-until-registered")
        )
        await message.answer(told, reply_markup=register_now_kb(t, then="order"))
        return
    await kept_draft(state).clear()
    if kept.get("topic"):
        await offer_kept_topic(message, state, t, kept)
        return
    await state.update_data(
        typed_text=text,
        typed_photos=photos,
        typed_voice=kept.get("voice"),
        typed_place=kept.get("place"),
        typed_album=None,
    )
    items = _kept_items(t, photos=photos, voice=kept.get("voice"), place=kept.get("place"))
    said = fit(text.strip(), 400) if text else t("list-sep").join(items)
    also = t("fallback-kept-also", items=t("list-sep").join(items)) if text and items else ""
    offer = await message.answer(
        t("fallback-kept-offer", text=said, also=also),
        reply_markup=inline_kb([[(t("fallback-file-button"), FallbackCb(action="file").pack())]]),
    )
    await _remember_offer(state, offer)  # '好的' typed under it files it, as a tap would


def _kept_items(t: Text, *, photos: list[Any], voice: Any, place: Any = None) -> list[str]:
    """The photos, voice notes and place of a matter told in a group, counted ('照片 1 张')."""
    items = [t("order-kept-photos", count=len(photos))] if photos else []
    if voices := voices_of(voice):
        items.append(t("order-kept-voice", count=len(voices)))
    if place:
        items.append(t("order-kept-place"))
    return items


def _kept_also(t: Text, kept: dict[str, Any]) -> str:
    """'（还有照片 1 张）' after the words of a matter told in a group, or ''."""
    items = _kept_items(
        t,
        photos=list(kept.get("photos") or []),
        voice=kept.get("voice"),
        place=kept.get("place"),
    )
    return t("fallback-kept-also", items=t("list-sep").join(items)) if items else ""


async def offer_kept_topic(
    message: Message, state: FSMContext, t: Text, kept: dict[str, Any]
) -> None:
    """A topic proposed before registering (kept_draft's `topic`), offered once registered as
    typed at the menu: 💡 作为议题提交, or 📝 报给社区 with all that was told."""
    await state.update_data(
        typed_text=str(kept.get("text") or ""),
        typed_photos=list(kept.get("photos") or []),
        typed_voice=kept.get("voice"),
        typed_place=kept.get("place"),
        typed_album=None,
        typed_about=None,
        typed_topic=str(kept["topic"]),
    )
    await _offer_topic(message, state, t, str(kept["topic"]), lead=t("fallback-kept-topic-lead"))


async def _offer_topic(
    message: Message, state: FSMContext, t: Text, proposed: str, *, lead: str = ""
) -> None:
    """A topic for the residents' meetings, or (their choice) a matter for the office; '提交'
    / '报给社区' / '不要了' typed right under it answers it (_answered_topic_offer)."""
    said = t("fallback-offer-topic", topic=fit(proposed, 200))
    offer = await message.answer(
        f"{lead}\n{said}" if lead else said,
        reply_markup=inline_kb(
            [
                [(t("fallback-topic-button"), FallbackCb(action="topic").pack())],
                [(t("fallback-file-button"), FallbackCb(action="file").pack())],
            ]
        ),
    )
    html = offer.html_text if offer.text is not None else None
    await state.update_data(typed_topic_offer=[offer.message_id, offer.message_id, html])


async def _offer(
    message: Message,
    t: Text,
    said: str,
    notes: list[list[tuple[str, str]]] | None = None,
    *,
    lead: str | None = None,
    ask: list[tuple[str, str]] | None = None,
    reports: list[list[tuple[str, str]]] | None = None,
) -> Message:
    """Offer to file what was typed; danger read in it gets its safety lines at once (an
    older resident typing '水管爆了' at the menu should not first go through three steps).
    `notes`: a member's 💬 告诉社区 buttons (handlers.claims.typed_note_buttons), with a line
    saying what they do; `reports`: a member's ✅ 完成上报 buttons under a photo
    (handlers.results.photo_report_rows), the same."""
    lines = [*([lead] if lead else [])]
    if ask:  # handlers.meeting_questions.typed_question_row: a question for an organizer
        lines += [t("mq-typed-hint"), t("fallback-offer-request-or-ask")]
    else:
        lines.append(t("fallback-offer-request"))
    lines += [t(key) for key in safety_keys_for(urgent_reasons(said))]
    if notes:
        lines.append(t("order-typed-note-hint"))
    if reports:
        lines.append(t("order-photo-report-hint"))
    return await message.answer(
        "\n".join(lines),
        reply_markup=inline_kb(
            [
                *([ask] if ask else []),
                [(t("fallback-file-button"), FallbackCb(action="file").pack())],
                *(notes or []),
                *(reports or []),
            ]
        ),
    )


# what each feature named bare at the menu opens: the handler of its main-menu button (or command)
_OPENERS: dict[smalltalk.Feature, Callable[[Message, FSMContext, OrderCtx], Awaitable[None]]] = {
    smalltalk.Feature.NEW_REQUEST: cmd_new_request,
    smalltalk.Feature.MY_REQUESTS: lambda m, _, ctx: cmd_my_requests(m, ctx),
    smalltalk.Feature.CONSULT: lambda m, _, ctx: on_consult_menu(m, ctx),
    smalltalk.Feature.OPEN_ORDERS: lambda m, _, ctx: cmd_open_orders(m, ctx),
    smalltalk.Feature.POINTS: lambda m, _, ctx: cmd_points(
        m, ctx.session, ctx.user, ctx.t, ctx.settings, ctx.clock
    ),
    smalltalk.Feature.JOIN: lambda m, state, ctx: start_join(
        m, state, ctx.session, ctx.user, ctx.t
    ),
    smalltalk.Feature.PROFILE: lambda m, _, ctx: cmd_profile(
        m, ctx.session, ctx.user, ctx.roles, ctx.t, ctx.settings, ctx.clock
    ),
    smalltalk.Feature.QUIET: lambda m, _, ctx: show_quiet(
        m, ctx.session, ctx.user, ctx.t, ctx.now(), smalltalk.QuietWish.SHOW
    ),
    smalltalk.Feature.LANGUAGE: lambda m, _, ctx: cmd_lang(m, ctx.t, ctx.translator),
}


@router.message(Command("admin", "invite", "categories", "category"), F.chat.type == "private")
async def on_admin_command_from_non_admin(message: Message, t: Text) -> None:
    """Admin commands reach here only from someone who is not an admin."""
    await message.answer(t("err-admin-only"))


@router.message(F.chat.type == "private", F.text.in_(all_flow_labels()))
async def on_leftover_flow_button(
    message: Message, state: FSMContext, user: User, roles: frozenset[Role], t: Text
) -> None:
    """A flow's reply button no step took ("跳过" where a step has no skip, "✅ 说完了" at a
    step with buttons of its own, or any of them after its flow ended).

    In a flow, it does not apply here: the step and what was entered stay (cancel still
    cancels). With no flow in progress: back to the menu.
    """
    in_flow = await state.get_state() is not None
    cancel = message.text in labels("common-cancel")
    if in_flow and is_back(message.text):  # 'back' typed reads 「⬅️ 上一步」 in their language
        await back_at_first_step(message, t)
        return
    if in_flow and not cancel:
        await message.answer(
            t("err-button-not-here", label=message.text or ""), reply_markup=cancel_keyboard(t)
        )
        return
    if cancel:
        await state.clear()
    await message.answer(
        t("cancel-done" if in_flow else "cancel-nothing"),
        reply_markup=main_menu(t, roles, registered=user.registered),
    )


@router.callback_query()
async def on_unknown_button(query: CallbackQuery, t: Text) -> None:
    """A button from a cancelled flow, an old message, a restart, or forged data."""
    log.info("stale or unknown callback %r from %s", query.data, query.from_user.id)
    await query.answer(t("err-stale-button"), show_alert=True)


@router.message()
async def on_unknown_message(
    message: Message,
    state: FSMContext,
    user: User | None,
    roles: frozenset[Role],
    t: Text,
    session: AsyncSession,
    clock: Callable[[], datetime],
    ctx: OrderCtx | None = None,
) -> None:
    """Anything else in a private chat: small talk is answered as a person would, a short
    question how to use a feature ("怎么投票") with how, a feature named bare ("投票") by opening
    it where it is theirs (else with how); other typed text is offered to be filed (a
    registered resident) or pointed to registration; else the menu."""
    if message.chat.type != "private" or user is None:
        return
    text = (message.text or "").strip()
    in_flow = await state.get_state() is not None
    menu = main_menu(t, roles, registered=user.registered)
    if not in_flow and text in all_menu_labels():
        # a menu button this person's menu no longer has (a role taken away, an old keyboard):
        # not a matter to file; the menu they have now comes with the answer
        await message.answer(t("err-menu-not-yours", label=text), reply_markup=menu)
        return
    if (
        not in_flow
        and user.registered
        and ctx is not None
        and await _answered_confirm(message, state, ctx, text)
    ):
        return  # "是的" / "不要了" to "您是要…投「X」吗？" / "您是说「…」要去吗？"
    if (
        not in_flow
        and user.registered
        and await _answered_topic_offer(message, state, t, menu, text)
    ):
        return  # "提交" / "报给社区" / "不要了" to "您想提的议题：…"
    if not in_flow and user.registered and await _answered_offer(message, state, t, menu, text):
        return  # "好的" / "不要了" to "要把这件事报给社区吗？"
    if (
        not in_flow
        and user.registered
        and ctx is not None
        and (
            await offer_typed_choice(message, state, ctx)
            or await offer_typed_rsvp(message, state, ctx)
        )
    ):
        return  # "要" / "我选不要" with a ballot in mind, "我去" with a meeting: its button
    if (
        not in_flow
        and user.registered
        and ctx is not None
        and await back_typed(message, state, ctx)
    ):
        return  # "附议" under the topics, "我支持电动车那个议题": that topic backed
    if (
        not in_flow
        and user.registered
        and ctx is not None
        and await take_typed_rating(message, state, ctx, text)
    ):
        return  # "满意" / "没修好" / "好的" under the rating question: the score, or its buttons
    if not in_flow and user.registered and ctx is not None and smalltalk.complains(text):
        # "我要投诉刘师傅，来了就走" / "那个志愿者态度很差": to the matter's staff, not the member,
        # not a new matter ('差评' with a result awaiting a score was its score, just above)
        await offer_complaint(message, state, ctx, text)
        return
    kind = smalltalk.classify(text) if not in_flow else None
    if (
        kind == smalltalk.Kind.GREETING
        and user.registered
        and await _offer_again(message, state, t)
    ):
        return  # "在吗" right under "要把这件事报给社区吗？": the matter told is not lost
    if (
        not in_flow
        and not user.registered
        and smalltalk.asks_to_register(text)
        and smalltalk.how_to(text) is None
    ):
        # '登记' / '我要登记' was kept as a matter to file; '注册' / 'I want to register' are
        # answered how (tap 🏠 登记住址), below
        await start_registration(message, state, session, user, t)
        return
    if kind in (smalltalk.Kind.GREETING, smalltalk.Kind.MENU):  # "在吗？" / "主菜单"
        await send_main_menu(message, t, user, roles, session=session, now=clock())
        await offer_kept(message, state, user, t)  # and what they told us in a group
        return
    if kind == smalltalk.Kind.PROGRESS and ctx is not None:  # "我上次反映的事怎么样了"
        one = await only_open(session, user=user) if user.registered else None
        if one is not None:  # "什么时候来人修啊" with one matter open: its card, its 进展
            await show_my_request(message, ctx, one)
            return
        await cmd_my_requests(message, ctx)  # their requests and each one's status
        return
    if kind is None and not in_flow and ctx is not None and smalltalk.asks_poll_result(text):
        # '投票结果怎么样了' / 'what did the poll decide?': the result, not a matter to file
        await answer_results_asked(message, ctx)
        return
    named_matter = smalltalk.progress_subject(text) if kind is None and not in_flow else None
    if named_matter and ctx is not None and user.registered:
        # "我那个水管的事怎么样了": the card of that matter of theirs, where its status is
        asked = await own_about(
            session,
            user=user,
            subject=named_matter,
            now=clock(),
            ended_too=not smalltalk.says_again(text),
            lexicon=ctx.triage.english if ctx.triage is not None else None,
        )
        if asked is not None:
            await show_my_request(message, ctx, asked)
            return
    acted = smalltalk.matter_action_about(text) if kind is None and not in_flow else None
    if acted is not None and ctx is not None and user.registered:
        # "我报的水管那个不要了 帮我撤了吧" / "电梯的事催一下": that open matter of theirs, its
        # 撤回 asked to be confirmed or its 催办 (it was offered to be filed as a new matter)
        doing, subject = acted
        meant = (
            await own_about(
                session,
                user=user,
                subject=subject,
                now=clock(),
                ended_too=False,
                lexicon=ctx.triage.english if ctx.triage is not None else None,
            )
            if subject
            else None
        )
        if meant is not None:
            await act_on_matter(message, state, ctx, doing, meant)
            return
        if not subject and await act_on_only_matter(message, state, ctx, doing):
            return  # '帮我催一下 都好几天了' with one matter open: that one hurried along
    if kind == smalltalk.Kind.CALL_ME and ctx is not None:  # "打个电话给我，我不会打字"
        await answer_call_me(message, state, ctx)  # a voice note, the office, 📞 请社区回电
        return
    office = await org.office_of(session, user_id=user.id) if kind == smalltalk.Kind.WHO else None
    if office is not None:  # "你是谁啊": what it is and the office's phone, in a few lines
        await message.answer(
            f"{t('smalltalk-who')}\n\n{office_text(t, office)}", reply_markup=menu
        )
        return
    if kind in (smalltalk.Kind.HELP, smalltalk.Kind.WHO):  # "字太小了" / "你是机器人吗"
        help_ = await help_text(t, roles, session=session, user=user)
        said = f"{t('smalltalk-who')}\n\n{help_}" if kind == smalltalk.Kind.WHO else help_
        await message.answer(said, reply_markup=menu)
        return
    asks_score = ctx is not None and user.registered
    thanks = kind == smalltalk.Kind.THANKS and asks_score
    if thanks and ctx is not None and await offer_rating_first(message, ctx, said=None):
        return  # "谢谢" after a matter was done: its score is asked for with the answer
    if kind is not None:
        await message.answer(t(f"smalltalk-{kind.value}"), reply_markup=menu)
        return
    mood = smalltalk.emoji_mood(text) if not in_flow else None
    if mood in (smalltalk.Mood.SAD, smalltalk.Mood.ALARM):
        # '😭' / '🔥' alone: asked what happened, and where help is
        office = await org.office_of(session, user_id=user.id)
        care = t(f"smalltalk-{mood.value}", registered="yes" if user.registered else "no")
        said = f"{care}\n\n{office_text(t, office)}" if office is not None else care
        if office is None and not user.registered:  # no community yet: every office's phone
            said = await _with_office_phones(session, t, said)
        await message.answer(said, reply_markup=menu)
        return
    if mood is not None:  # '🌸' / '😂' alone: a friendly word, not 'not understood'
        await message.answer(t("smalltalk-emoji"), reply_markup=menu)
        return
    if not in_flow and user.registered and ctx is not None and smalltalk.praises(text):
        await offer_praise(message, state, ctx, text)  # "我想表扬一下刘师傅": to him, not a matter
        return
    done = not in_flow and ctx is not None and smalltalk.reports_done(text)
    if (
        done
        and ctx is not None
        and await photos_above(state)
        and await take_typed_report(message, state, ctx, text)
    ):
        return  # '完成了' after the photos of the work: the report begun with both
    if done and ctx is not None and await offer_typed_done(message, ctx):
        return  # "修好了" from a member with an order in hand: its 完成上报, not a matter
    told = not done and not in_flow and ctx is not None and smalltalk.tells_done(text)
    if told and ctx is not None and await take_typed_report(message, state, ctx, text):
        return  # "陪吴大爷复查完了，已送回家": the report begun with those words, to confirm
    gives_up = not in_flow and ctx is not None and smalltalk.gives_up(text)
    if gives_up and ctx is not None and await offer_typed_release(message, ctx):
        return  # "这个我干不了" from a member with an order in hand: its 放弃工单, not a matter
    if (
        not in_flow
        and Role.MEMBER in roles
        and ctx is not None
        and await _member_own(message, state, ctx, text)
    ):
        return  # '我这周出差，先别派给我' / '恢复接单' / '我想改一下我的技能' / '我搬到第二网格了'
    order_ask = smalltalk.order_asked(text) if not in_flow and Role.MEMBER in roles else None
    if order_ask is not None and ctx is not None:
        # "这个单在哪" / "居民电话多少": the card of the order in hand, not a matter to file
        await answer_typed_question(message, ctx, order_ask.value)
        return
    # a member serving without an address here is answered below (💬 告诉社区 beside 🏠 登记)
    member_at_home = not in_flow and Role.MEMBER in roles and user.registered
    news = member_at_home and smalltalk.work_news(text)
    handing_over = member_at_home and smalltalk.hands_over(text)
    if (news or handing_over) and ctx is not None:
        # '到了' / '居民不在家' / '明天上午去' / '我想跟赵医生换一下单' from a member with orders
        # in hand: for the order's staff (💬 告诉社区), a matter of their own the second choice
        own_matter = [(t("fallback-file-button"), FallbackCb(action="file").pack())]
        if await offer_typed_news(
            message, state, ctx, text, handing_over=handing_over, file_row=own_matter
        ):
            # its 📝 报给社区 files these words (and nothing sent before them)
            await _draft_words(state, text)
            return
    if (
        done
        and asks_score
        and ctx is not None
        and await offer_rating_first(message, ctx, said=None, lead="done")
    ):
        return  # "修好了" from the resident whose matter was done: its score
    if not in_flow and ctx is not None and smalltalk.offers_to_take(text):
        if Role.MEMBER in roles:  # '我来接这个单': the orders open to them, each with ✋ 接单
            await cmd_open_orders(message, ctx)
            return
        howto = smalltalk.how_to_answer(
            smalltalk.Topic.CLAIM, registered=user.registered, roles=roles
        )
        await message.answer(t(howto.key, **howto.args), reply_markup=menu)
        return
    action = smalltalk.card_action(text) if not in_flow else None
    if action is not None and (Role.STAFF in roles or Role.ADMIN in roles):
        # '这个转给物业' / '派单' typed after a card: which request, and the button that does it
        # (not a matter of their own to keep for registration)
        await message.answer(
            t("card-action-which", button=t(action.value), queue=t("menu-order-queue")),
            reply_markup=menu,
        )
        return
    if not in_flow and ctx is not None and await staff_words.open_named(message, state, ctx, text):
        return  # '看看待办' / '邀请网格员' / '撤销李社工' from staff or an admin: that screen
    wish = smalltalk.quiet_wish(text) if not in_flow else None
    if wish is not None:  # '晚上别给我发消息': the night-time setting itself, as asked
        await show_quiet(message, session, user, t, clock(), wish)
        return
    moved = smalltalk.moved_to(text) if not in_flow and user.registered else None
    if moved is not None:  # '我搬到3号楼了': the address change, begun with what was said
        await change_address_typed(message, state, session, user, t, clock, moved)
        return
    named = smalltalk.how_to(text) if not in_flow else None
    proposes = smalltalk.proposal_of(text) is not None
    topic = named.topic if named is not None else None
    if topic is None and not in_flow and smalltalk.asks_office(text) and not proposes:
        # '请问社区办公室的电话是多少啊我想打过去问问': however long, a question for the office
        topic = smalltalk.Topic.OFFICE
    if topic == smalltalk.Topic.OFFICE:  # "社区电话是多少": the office's contacts on file
        office = await org.office_of(session, user_id=user.id)
        answer = (
            office_text(t, office)
            if office is not None
            else t("howto-office", registered="yes" if user.registered else "no")
        )
        await message.answer(answer, reply_markup=menu)
        return
    feature = smalltalk.opens(named, registered=user.registered, roles=roles) if named else None
    on_matter = smalltalk.matter_action(text) if feature is smalltalk.Feature.MY_REQUESTS else None
    if (
        on_matter is not None
        and ctx is not None
        and await act_on_only_matter(message, state, ctx, on_matter)
    ):
        return  # '撤回' with one matter open: that matter's 撤回, not the list to pick it from
    if feature is not None and ctx is not None:
        # "投票", "我的积分", "我要报修" (or "怎么反映问题"): the feature itself, as its button
        # opens it; many older residents type rather than tap
        await _OPENERS[feature](message, state, ctx)
        return
    if topic is not None:  # "怎么投票": how, with the button to tap; not a matter to file
        howto = smalltalk.how_to_answer(topic, registered=user.registered, roles=roles)
        await message.answer(t(howto.key, **howto.args), reply_markup=menu)
        return
    if not in_flow and await offer_typed_phone(message, state, user, t):
        return  # "my phone is 139…" at the menu: kept as their phone with one tap
    says_something = sum(ch.isalnum() for ch in text) >= OFFER_MIN_CHARS
    longer = not in_flow and says_something and len(text) > OFFER_MAX_CHARS
    # '我想补充一下，…' as one long message: a matter takes it whole (services.requests
    # ADDED_MAX), beyond what a new matter's first words may be
    if (
        longer
        and user.registered
        and ctx is not None
        and await _offer_adding(message, state, ctx, text)
    ):
        return
    if longer and not text.startswith("/"):
        # more than a matter holds: said so, not 'not understood' (nothing of it was kept)
        await message.answer(
            t("fallback-text-too-long", length=len(text), limit=OFFER_MAX_CHARS),
            reply_markup=menu,
        )
        return
    if (
        not in_flow
        and says_something
        and len(text) <= OFFER_MAX_CHARS
        and not text.startswith("/")
    ):
        if not user.registered and await address.says_home(session, text) is not None:
            # "我住阳光社区3号楼201": registration, begun with what they wrote
            await register_from_typed(message, state, session, user, t, clock)
            return
        if not user.registered and smalltalk.asks_neighbour(text):
            # '302的电话多少' before registering: not given, as to anyone; nothing to keep
            await message.answer(t("fallback-neighbour-private-new"), reply_markup=menu)
            return
        if not user.registered:
            # what they typed is a matter, but a request needs an address first: it is kept
            # and becomes the start of their request once they have registered
            staff = bool(roles & {Role.STAFF, Role.ADMIN})
            notes = await typed_note_buttons(ctx, text) if ctx is not None else []
            if staff and not notes:
                # most likely about their work, in words nothing here reads: what they can
                # say instead; kept as their own matter only when they say it is one (🏠)
                await _staff_not_read(message, state, t, text)
                return
            kept_offer = await _keep_until_registered(
                message, state, t, text=text, staff=staff, notes=notes
            )
            if notes and kept_offer is not None:
                await keep_typed_note(state, kept_offer, text)  # its 💬 告诉社区 passes these on
            return
        kept = await kept_draft(state).get_data()
        if any(kept.get(k) for k in ("text", "photos", "voice", "place")):
            # told in a group first, now here: most likely the same matter, said again or
            # added to — one offer holding both, nothing of either lost
            await kept_draft(state).clear()
            said = with_caption(str(kept.get("text") or ""), text)
            # both more than a matter holds: the group's words whole, these not added (said)
            too_long = len(said) > MAX_TEXT
            if too_long:
                said = str(kept.get("text") or "")
            await state.update_data(
                typed_text=said,
                typed_photos=list(kept.get("photos") or []),
                typed_voice=kept.get("voice"),
                typed_place=kept.get("place"),
                typed_album=None,
            )
            offer = await message.answer(
                "\n".join(
                    [
                        *(
                            [t("fallback-offer-too-long", length=len(text), limit=MAX_TEXT)]
                            if too_long
                            else []
                        ),
                        t(
                            "fallback-kept-offer" if too_long else "fallback-kept-joined",
                            text=fit(said.strip(), 400),
                            also=_kept_also(t, kept),
                        ),
                        *(t(key) for key in safety_keys_for(urgent_reasons(said))),
                    ]
                ),
                reply_markup=inline_kb(
                    [[(t("fallback-file-button"), FallbackCb(action="file").pack())]]
                ),
            )
            await _remember_offer(state, offer)
            return
        # a question soon after answering a meeting ('我能带老伴一起去吗'): for its organizer
        ask = await typed_question_row(message, ctx, text) if ctx is not None else None
        held_reports = (
            await photo_report_rows(ctx) if ctx is not None and Role.MEMBER in roles else None
        )
        if await _joined_offer(message, state, t, text=text, ask=ask, reports=held_reports):
            return  # more of the matter just told, or the same words sent again
        if ctx is not None and await _offer_adding(message, state, ctx, text):
            return  # '我想补充一下，…' with a matter open: ➕ 补充到 it, or 📝 报给社区
        proposed = smalltalk.proposal_of(text)
        if proposed is not None:
            # '我想提个议题：电梯费用…': a topic for the residents' meetings, or (their choice)
            # a matter for the office to handle
            await _draft_words(state, text, typed_topic=proposed)
            await _offer_topic(message, state, t, proposed)
            return
        # words alone: a photo or voice note sent before them belongs to another matter
        await _draft_words(state, text)
        if ctx is not None and not urgent_reasons(text):
            # a matter done lately awaits its score: most likely what the words are about
            file_row = [
                InlineKeyboardButton(
                    text=t("fallback-file-button"), callback_data=FallbackCb(action="file").pack()
                )
            ]
            about = await offer_rating_first(message, ctx, said=text, file_row=file_row)
            if about is not None:
                await state.update_data(typed_about=about)
                return
            # a request declined lately: the words are most likely about that decision
            if await offer_review_first(message, ctx, file_row=file_row):
                return
        # a member with orders in hand ('敲门没人在家') may mean it for the community instead
        notes = await typed_note_buttons(ctx, text) if ctx is not None else []
        # '周阿姨住几楼 她电话多少': not ours to give; the community can reach them for them
        private = t("fallback-neighbour-private") if smalltalk.asks_neighbour(text) else None
        if roles & {Role.STAFF, Role.ADMIN} and not (notes or ask or private):
            # staff living here too: most likely about their work, in words nothing here
            # reads; what they can say, and 🏠 to report it as their own household's matter
            await state.update_data(typed_offer=None)
            await _staff_not_read(message, state, t, text, home=True)
            return
        offer = await _offer(message, t, text, notes, ask=ask, lead=private)
        if notes:
            # a member's words may each be a note for the community ('家里没人' then '敲门没人在
            # 家'): the next message is offered on its own, not joined to this one
            await state.update_data(typed_offer=None)
            await keep_typed_note(state, offer, text)
        else:
            await _remember_offer(state, offer)
        return
    if in_flow:
        # a step that waits for a tap on the buttons above (a type, a choice, a preview):
        # typed text does not end the flow, and the answer says what the step needs
        await message.answer(t("err-choose-above"), reply_markup=cancel_keyboard(t))
        return
    await message.answer(t("err-unknown-text"), reply_markup=menu)


async def _member_own(message: Message, state: FSMContext, ctx: OrderCtx, text: str) -> bool:
    """A member's words about their own profile, answered as its buttons would: a pause read
    back with ⏸ 确认暂停 (its end as said: '这周', '到12月20号'), '恢复接单' done, the skill
    picker ticked as they stand (and with what they said they now can), or the grid named read
    back to confirm. Before, these were offered to be filed as a matter. False: none of these."""
    if member_self.asks_resume(text):
        await member_profile.resume_said(message, ctx.session, ctx.user, ctx.t, ctx.now())
        return True
    if smalltalk.asks_pause(text):
        end = member_self.pause_end(text, now=ctx.now(), zone=ctx.settings.zone)
        if end.no_such_day:  # '到2月30号': not read as no end at all
            await message.answer(ctx.t("member-pause-no-such-day"))
            return True
        await answer_typed_pause(message, ctx, end.until)
        return True
    wish = member_self.skills_wish(text, member_profile.skill_names(ctx.translator))
    if wish is not None:
        await member_profile.open_skills(
            message, state, ctx.session, ctx.user, ctx.t, add=wish.named, add_custom=wish.other
        )
        return True
    profile = await ctx.session.get(MemberProfile, ctx.user.id)
    if profile is not None and profile.status == MemberStatus.APPROVED:
        move = member_self.community_move(
            text, await org.list_communities(ctx.session), own=profile.community_id
        )
        if move is not None:  # '我搬到和谐社区了': changing community, read back
            await offer_move(message, ctx.session, ctx.user, ctx.t, move.to)
            return True
    grid = await member_profile.grid_said(ctx.session, ctx.user, text)
    if grid is not None:
        home = member_self.says_moved_home(text)
        await member_profile.confirm_area(message, ctx.session, ctx.user, ctx.t, grid, home=home)
        return True
    return False


async def _with_office_phones(session: AsyncSession, t: Text, said: str) -> str:
    """`said` and, under it, the phone of each community office on file, for someone of no
    community yet ('😭' before registering: before, "call the community office" with no number)."""
    offices = await org.offices_with_phone(session)
    if not offices:
        return said
    lines = [
        t("smalltalk-office-phone", community=shown_name(c, t.lang), phone=c.phone or "")
        for c in offices
    ]
    return "\n".join([said, "", t("smalltalk-offices"), *lines])
