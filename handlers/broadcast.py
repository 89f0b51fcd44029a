"""Staff send a notice to an audience: choose who, type it, preview, confirm, watch it go."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.filters.callback_data import CallbackData
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
from handlers.consult_kit import reply, same_markup, settle_by_id
from handlers.context import UpdateCtx, UpdateCtxMiddleware
from handlers.filters import IS_STAFF
from handlers.form_guard import SAVED_DRAFT, asks_first, plain, starter
from handlers.menu import labels, main_menu
from handlers.text_steps import is_back, refuse_button_labels
from models import Role, User, shown_name
from models.scheduling import AudienceKind
from services import broadcast as broadcasts
from services import org
from services.delivery import CAPTION_LIMIT, quiet_hours_of, split_html
from services.users import staff_scopes

router = Router(name="broadcast")
router.message.filter(F.chat.type == "private", IS_STAFF)
router.callback_query.filter(IS_STAFF)
# `ctx` (handlers.context.UpdateCtx) for the handlers that take it (start_broadcast, the
# preview and its ✏️ 修改)
router.message.middleware(UpdateCtxMiddleware())
router.callback_query.middleware(UpdateCtxMiddleware())

AUDIENCES = [
    AudienceKind.COMMUNITY,
    AudienceKind.GRIDS,
    AudienceKind.BUILDINGS,
    AudienceKind.MEMBERS,
    AudienceKind.EVERYONE,
]


class Compose(StatesGroup):
    """The notice form: its community (when there are several), its audience, the grids or
    buildings, then the notice itself (text, a photo with a caption, or a photo and then the
    text). Each a step of its own, so another form's starter asks first once grids or buildings
    are picked, and a main-menu button says they were not kept (handlers.form_guard)."""

    community = State()
    audience = State()
    targets = State()
    text = State()


# a stale button of another flow ("✅ 说完了", "跳过" …) is not the notice; ⬅️ 上一步 goes back
# to the audience or the grids and buildings (on_back_typed), it is never a notice
refuse_button_labels(
    router, Compose.text, allow=("common-back",), hint="broadcast-button-not-text"
)


class BroadcastCb(CallbackData, prefix="bc"):
    """Buttons of the broadcast flow; ids only (the service re-checks scope)."""

    action: str
    id: int = 0


class EditCb(CallbackData, prefix="bce"):
    """What to change of a saved draft (✏️ 修改 on its preview): `action` "text" or "aud",
    `id` the draft, `preview` the preview message whose buttons go once it is replaced."""

    action: str
    id: int
    preview: int = 0


class AudienceCb(CallbackData, prefix="bca"):
    """An audience button (`id`: its index in AUDIENCES) with its community (`com`), so one
    tapped after the form was left starts it again for that community."""

    action: str
    id: int = 0
    com: int = 0


def _kb(rows: list[list[tuple[str, str]]]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [InlineKeyboardButton(text=a, callback_data=b) for a, b in row] for row in rows
        ]
    )


@router.startup()
async def count_replies(bot: Bot, scheduler: Any = None, **_: Any) -> None:
    """Direct replies count against the same sending limits as the outbox."""
    if scheduler is not None:
        scheduler.count_replies_of(bot)


async def _communities(
    session: AsyncSession, user: User, roles: frozenset[Role], *, lang: str
) -> list[tuple[int, str]]:
    """The communities the account writes to, with their names as a `lang` reader sees them."""
    communities = await org.list_communities(session)
    if Role.ADMIN in roles:
        return [(c.id, shown_name(c, lang)) for c in communities if c.id is not None]
    mine = {s.community_id for s in await staff_scopes(session, user_id=user.id)}
    return [(c.id, shown_name(c, lang)) for c in communities if c.id in mine]


# /broadcast comes through handlers.common.cmd_broadcast (before any form's text step)
@router.message(F.text.in_(labels("menu-broadcast")))
async def start_broadcast(message: Message, state: FSMContext, ctx: UpdateCtx) -> None:
    """Begin a notice: pick the community when there is more than one."""
    session, user, roles, t = ctx.session, ctx.user, ctx.roles, ctx.t
    await state.clear()
    choices = await _communities(session, user, roles, lang=t.lang)
    if not choices and Role.ADMIN not in roles:
        await message.answer(t("err-not-allowed"))
        return
    if len(choices) == 1:
        await state.set_state(Compose.audience)
        await state.update_data(community_id=choices[0][0], targets=[])
        markup = await _audiences(session, t, user, roles, choices[0][0])
        await message.answer(t("broadcast-choose-audience"), reply_markup=markup)
        return
    await state.set_state(Compose.community)
    await message.answer(
        t("broadcast-choose-community"), reply_markup=_community_markup(t, roles, choices)
    )


async def start_to_everyone(message: Message, state: FSMContext, ctx: UpdateCtx) -> None:
    """An admin's '给所有社区发个通知': the notice form at its text step, the audience chosen
    (every resident of every community); ⬅️ 上一步 goes to the communities to choose another."""
    t = ctx.t
    if Role.ADMIN not in ctx.roles:
        await start_broadcast(message, state, ctx)
        return
    await state.clear()
    await state.set_state(Compose.text)
    await state.update_data(community_id=None, kind=AudienceKind.EVERYONE.value, targets=[])
    question = t("broadcast-to-everyone") + "\n" + await _text_question(state, t)
    await message.answer(question, reply_markup=_kb([_back_row(t)]))


def _community_markup(
    t: Text, roles: frozenset[Role], choices: list[tuple[int, str]]
) -> InlineKeyboardMarkup:
    """The communities offered (and, for an admin, every resident of all of them)."""
    rows = [[(name, BroadcastCb(action="com", id=cid).pack())] for cid, name in choices]
    if Role.ADMIN in roles:
        everyone = AUDIENCES.index(AudienceKind.EVERYONE)
        rows.append(
            [(t("broadcast-audience-everyone"), AudienceCb(action="aud", id=everyone).pack())]
        )
    return _kb(rows)


def _back_row(t: Text) -> list[tuple[str, str]]:
    """⬅️ 上一步 under a step's buttons: the step before, in the same message (on_back)."""
    return [(t("common-back"), BroadcastCb(action="back").pack())]


# the audiences only staff of a whole community (or an admin) may write to
WIDE = (AudienceKind.COMMUNITY, AudienceKind.MEMBERS)


async def _audiences(
    session: AsyncSession,
    t: Text,
    user: User,
    roles: frozenset[Role],
    community_id: int,
    *,
    back: bool = False,
) -> InlineKeyboardMarkup:
    """The audiences the author may write to there: a grid worker their grids and buildings
    (with ⬅️ 上一步 to the communities, when there were several to choose from)."""
    grids = await broadcasts.author_grids(
        session, author=user, roles=roles, community_id=community_id
    )
    rows = []
    for index, kind in enumerate(AUDIENCES):
        if kind == AudienceKind.EVERYONE and Role.ADMIN not in roles:
            continue
        if kind in WIDE and grids is not None:
            continue
        data = AudienceCb(action="aud", id=index, com=community_id).pack()
        rows.append([(t(f"broadcast-audience-{kind}"), data)])
    if back:
        rows.append(_back_row(t))
    return _kb(rows)


async def _show(query: CallbackQuery, text: str, markup: InlineKeyboardMarkup | None) -> None:
    """The form's message becomes this step; a double tap that finds it so already (the
    first tap's edit) leaves it (Telegram refuses an edit that changes nothing)."""
    message = query.message
    if not isinstance(message, Message):
        return
    if message.text == text and same_markup(message, markup):
        return
    await message.edit_text(text, reply_markup=markup)


async def _at(state: FSMContext, step: State) -> bool:
    """True when the notice form is at this step (not left, not another form)."""
    return await state.get_state() == step.state


@router.callback_query(BroadcastCb.filter(F.action.in_(starter("com"))))
async def on_community(
    query: CallbackQuery,
    callback_data: BroadcastCb,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
) -> None:
    """The community is chosen (one of those offered); now the audience. Tapped on an older
    picker in the middle of another form, it asks first, as a starter does."""
    if callback_data.id not in {
        cid for cid, _ in await _communities(session, user, roles, lang=t.lang)
    }:
        await query.answer(t("err-stale-button"), show_alert=True)
        return
    if (
        await _at(state, Compose.audience)
        and (await state.get_data()).get("community_id") == callback_data.id
    ):
        await query.answer()  # a double tap: the first one moved on already
        return
    # at this very step (back here with ⬅️ 上一步) a community is the form's own answer
    own = (Compose.community.state,)
    if await asks_first(query, callback_data, state, t, starting="Compose", own=own):
        return
    photo = await _kept_photo(state)
    await state.clear()  # another form left (asked first when it had something entered)
    await state.set_state(Compose.audience)
    await state.update_data({"community_id": callback_data.id, "targets": [], **photo})
    await query.answer()
    markup = await _audiences(session, t, user, roles, callback_data.id, back=True)
    await _show(query, t("broadcast-choose-audience"), markup)


# ✏️ 修改 on a preview: the draft being changed (its id), its text (sent again as it is when
# only the audience changes) and the preview message whose buttons go once it is replaced
EDITING, KEPT_TEXT, PREVIEW_MSG = SAVED_DRAFT, "kept_text", "preview_msg"


async def _kept_photo(state: FSMContext) -> dict[str, Any]:
    """A photo sent for this notice before ⬅️ 上一步 to the community or the audience: it
    stays for the notice (another form's photo is not this notice's); so does the change of a
    saved draft under way (✏️ 修改)."""
    if await state.get_state() not in (Compose.community.state, Compose.audience.state):
        return {}
    data = await state.get_data()
    keys = ("photo", EDITING, KEPT_TEXT, PREVIEW_MSG)
    return {key: data[key] for key in keys if data.get(key)}


async def _target_items(
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    kind: str,
    community_id: int,
    lang: str = "",
) -> list[tuple[int | None, str]]:
    """The grids or buildings offered for a community (the only ids a tap may carry): those
    the author may write to (a grid worker's own grids and their buildings), named as a
    `lang` reader sees them."""
    mine = await broadcasts.author_grids(
        session, author=user, roles=roles, community_id=community_id
    )
    if kind == AudienceKind.GRIDS:
        grids = await org.list_grids(session, community_id=community_id)
        return [(g.id, shown_name(g, lang)) for g in grids if mine is None or g.id in mine]
    buildings = await org.list_buildings(session, community_id=community_id)
    return [(b.id, b.name) for b in buildings if mine is None or b.grid_id in mine]


async def _targets_markup(
    session: AsyncSession,
    t: Text,
    user: User,
    roles: frozenset[Role],
    kind: str,
    community_id: int,
    chosen: list[int],
) -> InlineKeyboardMarkup:
    items = await _target_items(session, user, roles, kind, community_id, t.lang)
    buttons = [
        (("✅ " if i in chosen else "") + name, BroadcastCb(action="tgt", id=i or 0).pack())
        for i, name in items
    ]
    rows = [buttons[i : i + 3] for i in range(0, len(buttons), 3)]
    rows.append([(t("broadcast-targets-done"), BroadcastCb(action="tgt-done").pack())])
    rows.append(_back_row(t))
    return _kb(rows)


# "bc:aud:N": an audience button sent before buttons named their community
@router.callback_query(AudienceCb.filter(F.action.in_(starter("aud"))))
@router.callback_query(BroadcastCb.filter(F.action.in_(starter("aud"))))
async def on_audience(
    query: CallbackQuery,
    callback_data: AudienceCb | BroadcastCb,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
    ctx: UpdateCtx,
) -> None:
    """Audience chosen: pick grids/buildings, or go straight to typing. The button names its
    community, so one tapped after the form was left starts it again (asking first when
    another form has something entered; leaving that form when told to)."""
    if not 0 <= callback_data.id < len(AUDIENCES):
        await query.answer(t("err-stale-button"), show_alert=True)
        return
    kind = AUDIENCES[callback_data.id]
    community_id: int | None = None
    if kind == AudienceKind.EVERYONE and Role.ADMIN not in roles:
        await query.answer(t("err-stale-button"), show_alert=True)
        return
    if kind != AudienceKind.EVERYONE:
        community_id = getattr(callback_data, "com", 0) or None
        if community_id is None and await _at(state, Compose.audience):
            community_id = (await state.get_data()).get("community_id")  # an older button
        if community_id not in {
            cid for cid, _ in await _communities(session, user, roles, lang=t.lang)
        }:
            await query.answer(t("err-stale-button"), show_alert=True)
            return
        if kind in WIDE and (
            await broadcasts.author_grids(
                session, author=user, roles=roles, community_id=community_id
            )
            is not None
        ):  # a grid worker's: not offered to them (an older form's button, or forged)
            await query.answer(t("err-not-allowed"), show_alert=True)
            return
    picks = kind in (AudienceKind.GRIDS, AudienceKind.BUILDINGS) and community_id is not None
    data = await state.get_data()
    if (
        await _at(state, Compose.targets if picks else Compose.text)
        and (data.get("kind"), data.get("community_id")) == (kind.value, community_id)
        and not data.get("targets")
        and not data.get("photo")
    ):
        await query.answer()  # a double tap: the first one moved on already
        return
    # at this very step (back here with ⬅️ 上一步) an audience is the form's own answer
    own = (Compose.audience.state,)
    if await asks_first(query, callback_data, state, t, starting="Compose", own=own):
        return
    # back here with ⬅️ 上一步: the grids or buildings picked stay picked for the same kind
    same = (data.get("kind"), data.get("community_id")) == (kind.value, community_id)
    chosen = list(data.get("targets") or []) if same and await _at(state, Compose.audience) else []
    photo = await _kept_photo(state)
    await state.clear()  # another form left (asked first when it had something entered)
    await state.update_data(
        {"community_id": community_id, "kind": kind.value, "targets": chosen, **photo}
    )
    await query.answer()
    if picks and community_id is not None:
        await state.set_state(Compose.targets)
        markup = await _targets_markup(session, t, user, roles, kind, community_id, chosen)
        await _show(query, t(f"broadcast-choose-{kind}"), markup)
        return
    await _to_text(query, state, ctx)


async def _to_text(query: CallbackQuery, state: FSMContext, ctx: UpdateCtx) -> None:
    """The audience is settled: the notice's text is asked for, or, when a saved draft's
    audience was being changed (✏️ 修改), its text is kept and the new preview shown."""
    t = ctx.t
    await state.set_state(Compose.text)
    data = await state.get_data()
    if data.get(KEPT_TEXT) and isinstance(query.message, Message):
        await _show(query, t("broadcast-edit-audience-done"), None)
        await _store_and_preview(query.message, state, ctx, text=data[KEPT_TEXT])
        return
    await _show(query, await _text_question(state, t), _kb([_back_row(t)]))


async def _text_question(state: FSMContext, t: Text) -> str:
    """The notice's text asked for, saying so when a picture sent earlier (before going back a
    step) is kept for it; when a saved draft's text is being changed, that the audience
    stays."""
    data = await state.get_data()
    question = t("broadcast-edit-ask-text" if data.get(EDITING) else "broadcast-ask-text")
    if data.get("photo"):
        question += "\n" + t("broadcast-photo-kept")
    return question


@router.callback_query(BroadcastCb.filter(F.action == "tgt"))
async def on_target(
    query: CallbackQuery,
    callback_data: BroadcastCb,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
) -> None:
    """Toggle a grid or building (only one of those offered; a forged id changes nothing).
    Only while the notice form is at this step: a picker left behind is out of date."""
    data = await state.get_data()
    if not await _at(state, Compose.targets) or "kind" not in data or "community_id" not in data:
        await query.answer(t("err-stale-button"), show_alert=True)
        return
    items = await _target_items(session, user, roles, data["kind"], data["community_id"])
    offered = {i for i, _ in items}
    if callback_data.id not in offered:
        await query.answer(t("err-stale-button"), show_alert=True)
        return
    chosen: list[int] = [i for i in data.get("targets", []) if i in offered]
    if callback_data.id in chosen:
        chosen.remove(callback_data.id)
    else:
        chosen.append(callback_data.id)
    await state.update_data(targets=chosen)
    await query.answer()
    assert isinstance(query.message, Message)
    markup = await _targets_markup(
        session, t, user, roles, data["kind"], data["community_id"], chosen
    )
    if not same_markup(query.message, markup):
        await query.message.edit_reply_markup(reply_markup=markup)


# with GO: the question an older version asked before going on (it no longer asks here)
@router.callback_query(BroadcastCb.filter(F.action.in_(starter("tgt-done"))))
async def on_targets_done(
    query: CallbackQuery, state: FSMContext, t: Text, ctx: UpdateCtx
) -> None:
    """Grids or buildings chosen: now the text. Only while the notice form is at this step (a
    picker left behind is out of date; a double tap finds the text step and changes nothing)."""
    data = await state.get_data()
    if await _at(state, Compose.text) and data.get("targets"):
        await query.answer()  # the first tap moved on already
        return
    if not await _at(state, Compose.targets):
        await query.answer(t("err-stale-button"), show_alert=True)
        return
    if not data.get("targets"):
        await query.answer(t("broadcast-no-targets"), show_alert=True)
        return
    await query.answer()
    await _to_text(query, state, ctx)


async def _step_before(
    state: FSMContext,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
) -> tuple[str, InlineKeyboardMarkup] | None:
    """⬅️ 上一步: the form goes to the step before and returns its question, with what was
    chosen there still chosen; None at the first step (or out of the form)."""
    step, data = await state.get_state(), await state.get_data()
    choices = await _communities(session, user, roles, lang=t.lang)
    several = len(choices) > 1 or Role.ADMIN in roles
    community_id, kind = data.get("community_id"), data.get("kind")
    if (
        step == Compose.text.state
        and kind in (AudienceKind.GRIDS, AudienceKind.BUILDINGS)
        and community_id is not None
    ):
        await state.set_state(Compose.targets)
        chosen = list(data.get("targets") or [])
        markup = await _targets_markup(session, t, user, roles, kind, community_id, chosen)
        return t(f"broadcast-choose-{kind}"), markup
    if step in (Compose.text.state, Compose.targets.state) and community_id is not None:
        await state.set_state(Compose.audience)
        markup = await _audiences(session, t, user, roles, community_id, back=several)
        return t("broadcast-choose-audience"), markup
    if step in (Compose.text.state, Compose.audience.state) and several:
        await state.set_state(Compose.community)
        return t("broadcast-choose-community"), _community_markup(t, roles, choices)
    return None


@router.callback_query(BroadcastCb.filter(F.action == "back"))
async def on_back(
    query: CallbackQuery,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
) -> None:
    """⬅️ 上一步 under a step: the step before, in the same message."""
    at = await state.get_state()
    if at not in (Compose.audience.state, Compose.targets.state, Compose.text.state):
        await query.answer(t("err-stale-button"), show_alert=True)
        return
    before = await _step_before(state, session, user, roles, t)
    if before is None:
        await query.answer(t("err-stale-button"), show_alert=True)
        return
    await query.answer()
    await _show(query, *before)


@router.message(StateFilter(Compose.text), F.text.func(is_back))
async def on_back_typed(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
) -> None:
    """⬅️ 上一步 (or '上一步' typed) instead of the notice: the step before, asked again."""
    before = await _step_before(state, session, user, roles, t)
    if before is not None:
        text, markup = before
        await message.answer(text, reply_markup=markup)


@router.message(StateFilter(Compose), F.text.in_(labels("common-cancel")))
async def on_cancel_button(
    message: Message, state: FSMContext, user: User, roles: frozenset[Role], t: Text
) -> None:
    """The cancel button at any step: nothing is drafted; back to the main menu. A change of
    a saved draft (✏️ 修改) cancelled leaves that draft and its preview as they were."""
    changing = bool((await state.get_data()).get(EDITING))
    await state.clear()
    await message.answer(
        t("broadcast-edit-cancelled" if changing else "broadcast-cancelled"),
        reply_markup=main_menu(t, roles, registered=user.registered),
    )


@router.message(StateFilter(Compose.text), F.text | F.photo)
async def on_notice(message: Message, state: FSMContext, ctx: UpdateCtx) -> None:
    """The notice: its text (under a photo sent just before), or a photo with the text as its
    caption. A photo without a caption is kept (a later one replaces it) and the text asked for.
    Then the draft is stored and previewed with the number of people it reaches."""
    t = ctx.t
    if message.photo:
        photo = message.photo[-1].file_id  # the largest size; this bot may send it again
        if not (message.caption or "").strip():
            await state.update_data(photo=photo)
            await message.answer(t("broadcast-photo-received"))
            return
    broadcasts.check_text(message.html_text)  # too long or empty: said so, the step stays
    if message.photo:
        await state.update_data(photo=photo)
    await _store_and_preview(message, state, ctx, text=message.html_text)


async def _store_and_preview(
    message: Message, state: FSMContext, ctx: UpdateCtx, *, text: str
) -> None:
    """The form's notice stored as a draft and previewed with the number of people it reaches
    and its buttons. A change of a saved draft (✏️ 修改) replaces that draft, whose preview's
    buttons go; if it was sent meanwhile, the change is refused and nothing more is stored."""
    session, user, t = ctx.session, ctx.user, ctx.t
    data = await state.get_data()
    await state.clear()
    draft, count = await broadcasts.create_draft(
        session,
        author=user,
        roles=ctx.roles,
        kind=AudienceKind(data.get("kind", AudienceKind.COMMUNITY)),
        community_id=data.get("community_id"),
        target_ids=list(data.get("targets", [])),
        text=text,
        now=ctx.now(),
        photo=data.get("photo"),
        replaces=data.get(EDITING),
    )
    # the replaced draft's preview: its 发送 would now find nothing to send
    await settle_by_id(message.bot, message.chat.id, data.get(PREVIEW_MSG))
    if count == 0:
        await message.answer(t("broadcast-empty-audience"))
        return
    assert draft.id is not None

    def button(key: str, action: str) -> tuple[str, str]:
        return t(key), BroadcastCb(action=action, id=draft.id or 0).pack()

    markup = _kb(
        [
            [button("broadcast-send", "send")],
            [button("broadcast-send-urgent", "urgent")],
            [button("broadcast-edit", "edit"), button("broadcast-cancel", "cancel")],
        ]
    )
    header = await broadcasts.sender_header(
        session,
        author=user,
        community_id=draft.community_id,
        texts=ctx.translator,
        lang=t.lang,
    )
    body = broadcasts.notice_body(header, draft.text)
    if draft.photo_ref is None:
        await _preview_text(message, t, body=body, count=count, markup=markup)
        return
    await _preview_with_photo(message, photo=draft.photo_ref, body=body)
    key = (
        "broadcast-preview-photo"
        if broadcasts.caption_fits(body)
        else "broadcast-preview-photo-long"
    )
    await message.answer(t(key, count=count, limit=str(CAPTION_LIMIT)), reply_markup=markup)


async def _preview_text(
    message: Message, t: Text, *, body: str, count: int, markup: InlineKeyboardMarkup
) -> None:
    """The notice framed as a preview, in one message when that fits Telegram's limit; else the
    notice as residents get it (split where the sender splits it), then the count and buttons.
    """
    framed = t("broadcast-preview", text=Raw(body), count=count)
    if len(split_html(framed)) == 1:
        await message.answer(framed, reply_markup=markup)
        return
    parts = split_html(body)
    for part in parts:
        await message.answer(part)
    await message.answer(
        t("broadcast-preview-long", count=count, parts=len(parts)), reply_markup=markup
    )


async def _preview_with_photo(message: Message, *, photo: str, body: str) -> None:
    """What residents will get: the photo with the notice as its caption, or, when the notice is
    too long for a caption, the photo and then the whole notice (as the outbox sends it)."""
    if broadcasts.caption_fits(body):
        await message.answer_photo(photo, caption=body)
        return
    await message.answer_photo(photo)
    for part in split_html(body):
        await message.answer(part)


@router.message(StateFilter(Compose.text))
async def on_not_text(message: Message, t: Text) -> None:
    """A sticker, voice, file or anything else instead of the notice: say what fits; the step
    (and a photo already sent) stays."""
    await message.answer(t("broadcast-need-text-or-photo"))


@router.callback_query(BroadcastCb.filter(F.action.in_({"send", "urgent"})))
async def on_confirm(
    query: CallbackQuery,
    callback_data: BroadcastCb,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
    clock: Any,
    translator: Translator,
    settings: Settings,
    scheduler: Any = None,
) -> None:
    """Queue the notice; the progress line below is edited in place as it goes.

    The line is written with its total before the notice is queued and never edited here
    afterwards: the sender's edits (and the final one) are the only later changes, so a late
    "0/2" can never overwrite "2/2".
    """
    waiting = await broadcasts.draft_of(session, author=user, broadcast_id=callback_data.id)
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.edit_reply_markup(reply_markup=None)
    progress = await query.message.answer(t("broadcast-progress", sent=0, total=waiting.total))
    await broadcasts.confirm(
        session,
        author=user,
        roles=roles,
        broadcast_id=callback_data.id,
        urgent=callback_data.action == "urgent",
        progress_chat_id=progress.chat.id,
        progress_message_id=progress.message_id,
        now=clock(),
        texts=translator,
        default_language=settings.default_language,
    )
    held, first = await broadcasts.held_until(session, broadcast_id=callback_data.id, now=clock())
    if held and first is not None:
        when = first.astimezone(settings.zone).strftime("%m-%d %H:%M")
        await query.message.answer(t("broadcast-held", count=held, when=when))
    if scheduler is not None:
        scheduler.sender.wake()


@router.callback_query(BroadcastCb.filter(F.action == "cancel"))
async def on_cancel(
    query: CallbackQuery,
    callback_data: BroadcastCb,
    session: AsyncSession,
    user: User,
    t: Text,
    clock: Any,
) -> None:
    """Drop the draft. A preview's leftover cancel tapped after 发送 (or a second time) is
    answered as such: the notice went out, or was already dropped; nothing is stopped."""
    await broadcasts.draft_of(session, author=user, broadcast_id=callback_data.id)
    await broadcasts.cancel(session, author=user, broadcast_id=callback_data.id, now=clock())
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.edit_text(t("broadcast-cancelled"))


@router.callback_query(BroadcastCb.filter(F.action == "edit"))
async def on_edit(query: CallbackQuery, callback_data: BroadcastCb, ctx: UpdateCtx) -> None:
    """✏️ 修改 on a preview: what to change, the text or who it goes to (as a meeting's or a
    poll's preview asks). The question quotes the preview, whose buttons go once it is
    replaced; until then it can still be sent or dropped as it is."""
    t = ctx.t
    await broadcasts.draft_of(ctx.session, author=ctx.user, broadcast_id=callback_data.id)
    await query.answer()
    preview = query.message.message_id if isinstance(query.message, Message) else 0

    def choice(key: str, action: str) -> tuple[str, str]:
        return t(key), EditCb(action=action, id=callback_data.id, preview=preview).pack()

    rows = [[choice("broadcast-edit-text", "text"), choice("broadcast-edit-audience", "aud")]]
    quoted = {"reply_parameters": ReplyParameters(message_id=preview)} if preview else {}
    await reply(query.message, t("broadcast-edit-what"), reply_markup=_kb(rows), **quoted)


@router.callback_query(EditCb.filter(F.action.in_(starter("text", "aud"))))
async def on_edit_choice(
    query: CallbackQuery, callback_data: EditCb, state: FSMContext, ctx: UpdateCtx
) -> None:
    """The notice form again, at the text or at the audience, holding everything the draft
    has: a new text keeps the audience (and the picture), a new audience keeps the text and
    goes straight to the new preview. Asks first when another form is half filled."""
    session, user, roles, t = ctx.session, ctx.user, ctx.roles, ctx.t
    draft = await broadcasts.draft_of(session, author=user, broadcast_id=callback_data.id)
    if await asks_first(query, callback_data, state, t, starting="Compose"):
        return
    text = plain(callback_data.action) == "text"
    await state.clear()  # another form left (asked first when it had something entered)
    await state.update_data(
        {
            "community_id": draft.community_id,
            "kind": draft.audience,
            "targets": draft.target_id_list,
            "photo": draft.photo_ref,
            EDITING: draft.id,
            KEPT_TEXT: None if text else draft.text,
            PREVIEW_MSG: callback_data.preview or None,
        }
    )
    await query.answer()
    if text:
        await state.set_state(Compose.text)
        await _show(query, await _text_question(state, t), _kb([_back_row(t)]))
        return
    choices = await _communities(session, user, roles, lang=t.lang)
    if draft.community_id is None:  # 所有社区: the communities first (as the form asks)
        await state.set_state(Compose.community)
        await _show(query, t("broadcast-choose-community"), _community_markup(t, roles, choices))
        return
    several = len(choices) > 1 or Role.ADMIN in roles
    await state.set_state(Compose.audience)
    markup = await _audiences(session, t, user, roles, draft.community_id, back=several)
    await _show(query, t("broadcast-choose-audience"), markup)


@router.callback_query(BroadcastCb.filter(F.action == "unreached"))
async def on_unreached(
    query: CallbackQuery,
    callback_data: BroadcastCb,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
) -> None:
    """List who did not get the notice, and why."""
    rows = await broadcasts.unreached(
        session, author=user, roles=roles, broadcast_id=callback_data.id
    )
    await query.answer()
    assert isinstance(query.message, Message)
    if not rows:
        await query.message.answer(t("broadcast-unreached-none"))
        return
    await query.message.answer(unreached_text(t, rows))


UNREACHED_LISTED = 200  # people named in the list; the rest are counted


def unreached_text(t: Text, rows: Sequence[tuple[User | None, int, str]]) -> str:
    """Who did not get a notice and why: the first UNREACHED_LISTED named, the rest counted
    (never cut off unsaid; a list longer than one message goes as several, bot.long_messages)."""
    lines = [t("broadcast-unreached-title")]
    for person, chat_id, outcome in rows[:UNREACHED_LISTED]:
        name = person.display_name if person is not None else str(chat_id)
        lines.append(
            t("broadcast-unreached-line", name=name, outcome=t(f"broadcast-outcome-{outcome}"))
        )
    if len(rows) > UNREACHED_LISTED:
        lines.append(t("broadcast-unreached-more", count=len(rows) - UNREACHED_LISTED))
    return "\n".join(lines)


@router.message(Command("quiet"))
async def cmd_quiet(
    message: Message,
    command: CommandObject,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
    clock: Any,
) -> None:
    """/quiet shows the community's quiet hours; /quiet 22:00 07:00 sets them; /quiet off.

    Someone with several communities (an admin) names one first: /quiet 阳光社区 off; without
    a name they see every community's hours and are told how to name one. Only the
    community's own staff change them: a grid worker, or staff naming another community, is
    told whom to ask (before anything about the time typed). The span may be typed as
    22:00-07:00, 22:00~07:00 or 22:00 至 07:00 too (services.broadcast.parse_quiet_hours).
    What the old hours held is re-timed at once (after /quiet off it goes now).
    """
    await quiet_typed(message, session, user, roles, t, clock(), command.args or "")


async def quiet_typed(
    message: Message,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
    now: Any,
    args: str,
) -> None:
    """/quiet's answer to what was typed after it (also asked in words: '夜间免打扰改成23点到
    7点' comes as '23:00 07:00', with the community's name when one was said)."""
    choices = await _communities(session, user, roles, lang=t.lang)
    if not choices:
        await message.answer(t("err-not-allowed"))
        return
    words = args.split()
    # a name typed in Traditional characters (和諧社區) or in English is the community's; another
    # community's name too, so that changing it is refused as such, not taken for a time
    said = [(c, broadcasts.names_first(c, words)) for c in await org.list_communities(session)]
    named = [(c.id, shown_name(c, t.lang)) for c, n in said if n and c.id is not None]
    if named:
        words = words[max(n for _, n in said) :]
    elif len(choices) > 1:
        lines = []
        for cid, cname in choices:
            start, end, enabled = await quiet_hours_of(session, community_id=cid)
            key = "broadcast-quiet-line" if enabled else "broadcast-quiet-line-off"
            lines.append(
                t(key, community=cname, start=start.strftime("%H:%M"), end=end.strftime("%H:%M"))
            )
        lines.append(
            t(
                "broadcast-quiet-which",
                names=t.join(cname for _, cname in choices),
                example=choices[0][1],
            )
        )
        await message.answer("\n".join(lines))
        return
    community_id, name = (named or choices)[0]
    if not words:
        await message.answer(await _quiet_hours_shown(session, user, roles, t, community_id, name))
        return
    new_start, new_end, enabled = await broadcasts.change_quiet_hours(
        session,
        user=user,
        roles=roles,
        community_id=community_id,
        typed=" ".join(words),
        now=now,
        lang=t.lang,
    )
    key = "broadcast-quiet-now" if enabled else "broadcast-quiet-off"
    await message.answer(t(key, community=name, start=new_start, end=new_end))


async def _quiet_hours_shown(
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
    community_id: int,
    name: str,
) -> str:
    """The community's quiet hours; how to change them, or (a grid worker, staff of another
    community) that only its community staff can, and whom to ask."""
    start, end, enabled = await quiet_hours_of(session, community_id=community_id)
    hours = {"community": name, "start": start.strftime("%H:%M"), "end": end.strftime("%H:%M")}
    keepers = await broadcasts.quiet_keepers(
        session, user=user, roles=roles, community_id=community_id
    )
    if keepers.may_change:
        return t("broadcast-quiet-now" if enabled else "broadcast-quiet-off", **hours)
    line = t("broadcast-quiet-line" if enabled else "broadcast-quiet-line-off", **hours)
    if keepers.ask.items:
        ask = t("broadcast-quiet-not-yours", community=name, ask=keepers.ask.read_in(t))
    else:
        ask = t("broadcast-quiet-not-yours-admin", community=name)
    return f"{line}\n{ask}"
