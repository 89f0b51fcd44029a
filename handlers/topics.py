"""Topic collection in chat: propose, back, and (staff) accept into an agenda or answer."""

from __future__ import annotations

import contextlib

from aiogram import F, Router
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

from bot.i18n import Text
from bot.settings import Settings
from handlers.consult_kit import (
    HubCb,
    TopicCb,
    cancel_kb,
    held_note,
    kb,
    reply,
    safe_edit_markup,
    staff_community,
    tx,
    when_text,
)
from handlers.context import UpdateCtx
from handlers.filters import IS_STAFF
from handlers.form_guard import asks_first, origin, starter
from handlers.meetings import start_meeting_form
from handlers.menu import is_skip, labels
from handlers.polls import start_poll_form
from handlers.text_steps import refuse_button_labels
from models import Role
from models.consultations import Meeting, MeetingStatus, Topic, TopicStatus
from models.users import DELETED_NAME
from services import meetings, smalltalk, topics
from services.delivery import split_html
from services.errors import Conflict, PermissionDenied
from services.users import can_act_in

# a topic's own buttons in the list (the others ask which meeting, or start a form)
_ITEM_ACTIONS = frozenset({"back", "unback", "accept", "answer"})

router = Router(name="topics")
router.message.filter(F.chat.type == "private")
staff_router = Router(name="topics-staff")
staff_router.message.filter(F.chat.type == "private", IS_STAFF)
staff_router.callback_query.filter(IS_STAFF)


class TopicForm(StatesGroup):
    """Proposing a topic; staff answering one."""

    title = State()
    detail = State()
    answer = State()


# A stale button of another flow ("✅ 说完了", "跳过" …) is not a topic or an answer.
refuse_button_labels(router, TopicForm.title, TopicForm.answer)
refuse_button_labels(router, TopicForm.detail, allow=("common-skip",))


@router.callback_query(HubCb.filter(F.action == "topics"))
async def on_topics(query: CallbackQuery, state: FSMContext, ctx: UpdateCtx) -> None:
    """Open topics of the person's community, most backed first, with their buttons; then
    what came of the ones decided lately. The ones shown are kept: '附议' typed under them
    backs one of them (`back_typed`)."""
    session, user, roles, t, settings = ctx.session, ctx.user, ctx.roles, ctx.t, ctx.settings
    if user.community_id is not None:
        community_id = user.community_id
    elif Role.STAFF in roles or Role.ADMIN in roles:
        community_id = await staff_community(session, user=user, roles=roles)
    else:
        raise PermissionDenied("err-need-register")
    staff = await can_act_in(session, user=user, roles=roles, community_id=community_id)
    items = await topics.list_topics(session, community_id=community_id)
    decided = await topics.recently_decided(session, community_id=community_id, now=ctx.now())
    await query.answer()
    if not items:
        await reply(
            query.message,
            t("topic-list-empty"),
            reply_markup=kb([[(t("consult-btn-propose"), HubCb(action="propose").pack())]]),
        )
        await _decided(query.message, decided, t, settings)
        return
    await reply(query.message, t("topic-list-title"))
    await state.update_data({TOPICS_SHOWN: [i.id for i in items]})
    who = await topics.proposers(session, topics=items) if staff else {}
    backed = await topics.backed_by(session, user_id=user.id, topic_ids=[i.id or 0 for i in items])
    for topic in items:
        tid = topic.id or 0
        row = []
        if topic.proposer_id != user.id and user.community_id == topic.community_id:
            # 附议, or 取消附议 for one they back: a tap takes it back while it is open
            action = "unback" if tid in backed else "back"
            row.append((t(f"topic-btn-{action}"), TopicCb(action=action, id=tid).pack()))
        if staff:
            row.append((t("topic-btn-accept"), TopicCb(action="accept", id=tid).pack()))
            row.append((t("topic-btn-answer"), TopicCb(action="answer", id=tid).pack()))
        if topics.item_detail(topic.detail or "")[1]:  # too long for the item: whole before it
            whole = t("topic-detail-whole", title=topic.title, detail=topic.detail)
            for part in split_html(whole):
                await reply(query.message, part)
        text = _item_text(topic, t, settings, staff=staff, proposer=who.get(tid))
        await reply(query.message, text, reply_markup=kb([row]) if row else None)
    await _decided(query.message, decided, t, settings)


# FSM data: the topics the list showed last ('附议' typed under them means one of them)
TOPICS_SHOWN = "topics_shown"
# how much of a topic's title the words must hold to name it ('电动车' in 电动车充电桩)
NAMED_SHARE = 0.5


async def back_typed(message: Message, state: FSMContext, ctx: UpdateCtx) -> bool:
    """'附议' typed under the topics shown, or '我支持电动车那个议题' / '支持加装电梯的议题' at
    the menu: that topic backed, saying which; several named (or shown) are each shown with
    their 附议 to choose; one already backed is said so. Before, '附议' opened the consultation
    hub and '支持…的议题' was offered as a matter to file. False: no backing said, or no open
    topic of theirs it could be."""
    named = smalltalk.backs_topic(message.text)
    user, t = ctx.user, ctx.t
    if named is None or not user.registered or user.community_id is None:
        return False
    listed = await topics.list_topics(ctx.session, community_id=user.community_id)
    open_ = [i for i in listed if i.proposer_id != user.id]
    if named:
        scores = {i.id: smalltalk.names_matter(named, i.title) for i in open_}
        best = max(scores.values(), default=0.0)
        found = [i for i in open_ if best >= NAMED_SHARE and scores[i.id] == best]
    else:
        shown = set((await state.get_data()).get(TOPICS_SHOWN) or [])
        found = [i for i in open_ if i.id in shown] or open_
    if not found and named:  # a topic named that is not there: said so, with those that are
        await _named_none(message, state, ctx, named, listed)
        return True
    if not found:
        return False
    backed = await topics.backed_by(
        ctx.session, user_id=user.id, topic_ids=[i.id or 0 for i in found]
    )
    if len(found) > 1:
        not_yet = [i for i in found if i.id not in backed]
        if len(not_yet) == 1:
            found = not_yet
    if len(found) > 1:
        await message.answer(t("topic-typed-which"))
        for each in found:
            action = "unback" if each.id in backed else "back"
            row = [(t(f"topic-btn-{action}"), TopicCb(action=action, id=each.id or 0).pack())]
            await message.answer(
                _item_text(each, t, ctx.settings, staff=False), reply_markup=kb([row])
            )
        return True
    [topic] = found
    if topic.id in backed:
        await message.answer(t("topic-typed-already", title=topic.title))
        return True
    topic = await topics.back_topic(ctx.session, user=user, topic_id=topic.id or 0, now=ctx.now())
    await message.answer(t("topic-typed-backed", title=topic.title, backers=topic.backers))
    return True


# how many open topics an answer to a topic named that is not there lists (most backed first)
NAMED_NONE_SHOWN = 5


async def _named_none(
    message: Message, state: FSMContext, ctx: UpdateCtx, named: str, listed: list[Topic]
) -> None:
    """'我支持修路那个议题' where no open topic is about that: said so (not filed as a matter
    to report, as before), with the topics open now, each with its 附议, and ✍️ 提议题 to
    raise it. One of their own named: it is theirs, nothing to back."""
    user, t = ctx.user, ctx.t
    own = [
        i
        for i in listed
        if i.proposer_id == user.id and smalltalk.names_matter(named, i.title) >= NAMED_SHARE
    ]
    if own:
        await message.answer(t("topic-typed-own", title=own[0].title))
        return
    others = [i for i in listed if i.proposer_id != user.id][:NAMED_NONE_SHOWN]
    propose = kb([[(t("consult-btn-propose"), HubCb(action="propose").pack())]])
    await message.answer(
        t("topic-typed-none", named=named, count=len(others)), reply_markup=propose
    )
    backed = await topics.backed_by(
        ctx.session, user_id=user.id, topic_ids=[i.id or 0 for i in others]
    )
    for each in others:
        action = "unback" if each.id in backed else "back"
        row = [(t(f"topic-btn-{action}"), TopicCb(action=action, id=each.id or 0).pack())]
        await message.answer(
            _item_text(each, t, ctx.settings, staff=False), reply_markup=kb([row])
        )
    # '附议' typed next means one of these
    await state.update_data({TOPICS_SHOWN: [i.id for i in others]})


def _item_text(
    topic: Topic,
    t: Text,
    settings: Settings,
    *,
    staff: bool,
    proposer: topics.Proposer | None = None,
) -> str:
    """A topic in the list. Staff of its community also read who proposed it (name and
    address) and when, and the explanation or that there is none."""
    status = t(f"topic-status-{topic.status}")
    shown, cut = topics.item_detail(topic.detail or "")
    detail = shown + t("topic-detail-cut") if cut else shown
    if not staff:
        return t(
            "topic-item",
            title=topic.title,
            backers=topic.backers,
            status=status,
            detail=detail,
        ).strip()
    when = when_text(t, topic.created_at, settings=settings, now=topic.created_at)
    address = f"{proposer.building} {proposer.room}".strip() if proposer else ""
    return tx(
        t,
        "topic-staff-item",
        title=topic.title,
        backers=topic.backers,
        status=status,
        name=proposer.name if proposer else DELETED_NAME,
        address=address,
        has_address="yes" if address else "no",
        when=when,
        detail=detail,
        has_detail="yes" if detail.strip() else "no",
    )


async def _show_decided(message: object, ctx: UpdateCtx, topic_id: int) -> None:
    """A topic's message once the topic is decided (here, or by someone else meanwhile): the
    topic in the list reads so, without 附议 / 列入议程 / 答复; the question which meeting it
    goes on loses its buttons."""
    if not isinstance(message, Message) or message.text is None or message.reply_markup is None:
        return
    topic = await topics.get_topic(ctx.session, topic_id=topic_id)
    if topic.status == TopicStatus.OPEN:
        return
    actions = set()
    for row in message.reply_markup.inline_keyboard:
        for key in row:
            with contextlib.suppress(TypeError, ValueError):
                actions.add(TopicCb.unpack(key.callback_data or "").action)
    if not actions & _ITEM_ACTIONS:
        await safe_edit_markup(message, None)
        return
    await message.edit_text(await _item_now(ctx, topic), reply_markup=None)


async def _item_now(ctx: UpdateCtx, topic: Topic) -> str:
    """The topic's text in the list as it stands now, for this reader."""
    staff = await can_act_in(
        ctx.session, user=ctx.user, roles=ctx.roles, community_id=topic.community_id
    )
    who = await topics.proposers(ctx.session, topics=[topic]) if staff else {}
    return _item_text(topic, ctx.t, ctx.settings, staff=staff, proposer=who.get(topic.id or 0))


async def _still_open(query: CallbackQuery, callback_data: TopicCb, ctx: UpdateCtx) -> Topic:
    """The topic, ours and still open; a button of one decided meanwhile is refused (by the
    error handler) and its message shows the topic as decided."""
    try:
        return await topics.check_can_decide(
            ctx.session, user=ctx.user, roles=ctx.roles, topic_id=callback_data.id
        )
    except Conflict:
        await _show_decided(query.message, ctx, callback_data.id)
        raise


DECIDED_ANSWER_SHOWN = 200  # characters of an answer in the list; the people concerned got it all


async def _decided(
    target: object,
    decided: list[tuple[Topic, Meeting | None]],
    t: Text,
    settings: Settings,
) -> None:
    """One message: each topic decided lately and what came of it."""
    if not decided:
        return
    lines = [t("topic-decided-title")]
    for topic, meeting in decided:
        if topic.status == TopicStatus.POLLED:
            lines.append(t("topic-decided-polled", title=topic.title, question=topic.answer or ""))
        elif meeting is not None:
            when = when_text(t, meeting.starts_at, settings=settings, now=meeting.starts_at)
            lines.append(
                t("topic-decided-accepted", title=topic.title, meeting=meeting.title, when=when)
            )
        else:
            answer = topic.answer or ""
            if len(answer) > DECIDED_ANSWER_SHOWN:
                answer = answer[:DECIDED_ANSWER_SHOWN].rstrip() + "…"
            lines.append(t("topic-decided-answered", title=topic.title, answer=answer))
    await reply(target, "\n".join(lines))


@router.callback_query(HubCb.filter(F.action.in_(starter("propose"))))
async def on_propose(
    query: CallbackQuery, callback_data: HubCb, state: FSMContext, ctx: UpdateCtx
) -> None:
    """Propose a topic: ask the title (asking first when another form is half filled)."""
    if not ctx.user.registered:
        raise PermissionDenied("err-need-register")
    if await asks_first(query, callback_data, state, ctx.t, starting="TopicForm"):
        return
    await state.clear()
    await state.set_state(TopicForm.title)
    await query.answer()
    await reply(query.message, ctx.t("topic-ask-title"), reply_markup=cancel_kb(ctx.t))


async def start_typed_topic(target: object, state: FSMContext, t: Text, proposed: str) -> None:
    """A topic proposed in words at the menu ('我想提个议题：…', then 💡 作为议题提交): what was
    typed is its title, and a few words of explanation are asked (skippable); longer than a
    title, it is kept as the explanation and a one-line title is asked — nothing typed twice."""
    from services.validation import clean_text

    long_text = topics.title_too_long(proposed)
    if long_text is not None:
        await state.set_state(TopicForm.title)
        await state.update_data(detail=long_text)
        await reply(
            target,
            t("topic-title-too-long-kept", limit=topics.TITLE_MAX),
            reply_markup=cancel_kb(t),
        )
        return
    if len(proposed) > topics.TITLE_MAX:  # longer than an explanation too: asked afresh
        await state.set_state(TopicForm.title)
        await reply(
            target,
            f"{t('topic-err-detail', limit=topics.DETAIL_MAX)}\n{t('topic-ask-title')}",
            reply_markup=cancel_kb(t),
        )
        return
    title = clean_text(proposed, max_len=topics.TITLE_MAX, key="topic-err-title")
    await state.set_state(TopicForm.detail)
    await state.update_data(title=title)
    await reply(
        target,
        t("topic-typed-ask-detail", title=title.replace("\n", " ")),
        reply_markup=cancel_kb(t, skip=True),
    )


@router.message(StateFilter(TopicForm), F.text.in_(labels("common-cancel")))
async def on_cancel_flow(message: Message, state: FSMContext, ctx: UpdateCtx) -> None:
    """The big cancel button: nothing is saved."""
    await state.clear()
    await message.answer(ctx.t("consult-cancelled"), reply_markup=ctx.main_menu())


@router.message(StateFilter(TopicForm.title), F.text)
async def on_title(message: Message, state: FSMContext, ctx: UpdateCtx) -> None:
    """Title typed; ask a few words of explanation (optional). The whole matter typed at once
    (longer than a title) is kept as the explanation, and a short title asked for; once it
    is typed, the topic is filed."""
    from services.validation import clean_text

    t = ctx.t
    kept = await state.get_data()
    long_text = None if kept.get("detail") else topics.title_too_long(message.text)
    if long_text is not None:
        await state.update_data(detail=long_text)
        await message.answer(
            t("topic-title-too-long-kept", limit=topics.TITLE_MAX), reply_markup=cancel_kb(t)
        )
        return
    title = clean_text(message.text, max_len=topics.TITLE_MAX, key="topic-err-title")
    if kept.get("detail"):
        await _file_topic(message, state, ctx, title=title, detail=str(kept["detail"]))
        return
    await state.update_data(title=title)
    await state.set_state(TopicForm.detail)
    await message.answer(t("topic-ask-detail"), reply_markup=cancel_kb(t, skip=True))


@router.message(StateFilter(TopicForm.detail), F.text)
async def on_detail(message: Message, state: FSMContext, ctx: UpdateCtx) -> None:
    """Explanation typed (or skipped): the topic is filed and staff are told."""
    data = await state.get_data()
    text = message.text or ""
    detail = None if is_skip(text) else text
    await _file_topic(message, state, ctx, title=str(data["title"]), detail=detail)


async def _file_topic(
    message: Message, state: FSMContext, ctx: UpdateCtx, *, title: str, detail: str | None
) -> None:
    """The topic filed, staff told, and the proposer told so with their menu back."""
    topic = await topics.propose_topic(
        ctx.session,
        user=ctx.user,
        title=title,
        detail=detail,
        now=ctx.now(),
        notifier=ctx.notifier(),
    )
    await state.clear()
    await message.answer(ctx.t("topic-proposed", title=topic.title), reply_markup=ctx.main_menu())


@router.callback_query(TopicCb.filter(F.action == "back"))
async def on_back(query: CallbackQuery, callback_data: TopicCb, ctx: UpdateCtx) -> None:
    """附议 once; the topic's message then shows the new count, and 取消附议 in its place."""
    try:
        topic = await topics.back_topic(
            ctx.session, user=ctx.user, topic_id=callback_data.id, now=ctx.now()
        )
    except Conflict:  # decided meanwhile: the item says so (the error handler answers)
        await _show_decided(query.message, ctx, callback_data.id)
        raise
    await query.answer(ctx.t("topic-backed", backers=topic.backers), show_alert=True)
    await _redraw_item(query, ctx, topic, now="unback")


@router.callback_query(TopicCb.filter(F.action == "unback"))
async def on_unback(query: CallbackQuery, callback_data: TopicCb, ctx: UpdateCtx) -> None:
    """取消附议 while the topic is open; the message shows the new count, and 附议 again.
    Once decided, the tap is told it can no longer change (the item shows the outcome)."""
    try:
        topic = await topics.withdraw_backing(
            ctx.session, user=ctx.user, topic_id=callback_data.id
        )
    except Conflict:  # decided meanwhile, or taken back already (the error handler answers)
        await _show_decided(query.message, ctx, callback_data.id)
        raise
    await query.answer(ctx.t("topic-unbacked", backers=topic.backers), show_alert=True)
    await _redraw_item(query, ctx, topic, now="back")


async def _redraw_item(query: CallbackQuery, ctx: UpdateCtx, topic: Topic, *, now: str) -> None:
    """The topic's message in the list after 附议 / 取消附议: its count as it stands, and the
    button tapped turned into the other one (`now`: "back" or "unback")."""
    message = query.message
    if not isinstance(message, Message) or message.text is None:
        return
    text = await _item_now(ctx, topic)
    other = InlineKeyboardButton(
        text=ctx.t(f"topic-btn-{now}"), callback_data=TopicCb(action=now, id=topic.id or 0).pack()
    )
    rows = [
        [other if b.callback_data == query.data else b for b in row]
        for row in (message.reply_markup.inline_keyboard if message.reply_markup else [])
    ]
    await message.edit_text(text, reply_markup=InlineKeyboardMarkup(inline_keyboard=rows))


@staff_router.callback_query(TopicCb.filter(F.action == "accept"))
async def on_accept(query: CallbackQuery, callback_data: TopicCb, ctx: UpdateCtx) -> None:
    """Which upcoming meeting should the topic go on?"""
    topic = await _still_open(query, callback_data, ctx)
    t, now = ctx.t, ctx.now()
    choices = [
        m
        for m in await meetings.upcoming_for(ctx.session, user=ctx.user, roles=ctx.roles, now=now)
        if m.community_id == topic.community_id
        and m.status in (MeetingStatus.DRAFT, MeetingStatus.PUBLISHED)
    ]
    await query.answer()
    rows = [
        [
            (
                f"{when_text(t, m.starts_at, settings=ctx.settings, now=now)} {m.title}"[:60],
                TopicCb(action="accept_to", id=callback_data.id, arg=m.id or 0).pack(),
            )
        ]
        for m in choices
    ]
    # or a new meeting with the topic on its agenda (the only way when none is coming up)
    new = TopicCb(action="new_meeting", id=callback_data.id).pack()
    rows.append([(t("topic-btn-new-meeting"), new)])
    # or put to a vote: the poll form, its draft taking the topic up
    rows.append(
        [(t("topic-btn-new-poll"), TopicCb(action="new_poll", id=callback_data.id).pack())]
    )
    key = "topic-choose-meeting" if choices else "topic-no-meetings"
    # a reply to the topic's message in the list: once accepted, that message reads so
    item = _item_message(query.message, query.data)
    quoted = {"reply_parameters": ReplyParameters(message_id=item)} if item else {}
    await reply(query.message, t(key), reply_markup=kb(rows), **quoted)


def _item_message(message: object, data: str | None) -> int | None:
    """The id of the topic's message in the list a button was tapped on (it carries it)."""
    if not isinstance(message, Message) or message.reply_markup is None:
        return None
    rows = message.reply_markup.inline_keyboard
    return message.message_id if any(b.callback_data == data for r in rows for b in r) else None


@staff_router.callback_query(TopicCb.filter(F.action.in_(starter("new_meeting"))))
async def on_new_meeting_for_topic(
    query: CallbackQuery, callback_data: TopicCb, state: FSMContext, ctx: UpdateCtx
) -> None:
    """The meeting form, for the topic's community; the topic joins the agenda at the end."""
    topic = await _still_open(query, callback_data, ctx)
    if await asks_first(query, callback_data, state, ctx.t, starting="MeetingStart"):
        return
    await query.answer()
    await start_meeting_form(
        query.message, state, ctx.t, community_id=topic.community_id, topic=topic
    )


@staff_router.callback_query(TopicCb.filter(F.action.in_(starter("new_poll"))))
async def on_new_poll_for_topic(
    query: CallbackQuery, callback_data: TopicCb, state: FSMContext, ctx: UpdateCtx
) -> None:
    """The poll form, for the topic's community; the topic is taken up once the draft is
    saved, and its proposer and backers told."""
    topic = await _still_open(query, callback_data, ctx)
    if await asks_first(query, callback_data, state, ctx.t, starting="PollForm"):
        return
    await query.answer()
    if isinstance(query.message, Message):
        await start_poll_form(
            query.message, state, ctx, community_id=topic.community_id, topic=topic
        )


@staff_router.callback_query(TopicCb.filter(F.action == "accept_to"))
async def on_accept_to(query: CallbackQuery, callback_data: TopicCb, ctx: UpdateCtx) -> None:
    """Put the topic on the meeting's agenda; the proposer is told. The question which
    meeting becomes the confirmation (its buttons are spent)."""
    notifier = ctx.notifier()
    try:
        await topics.accept_topic(
            ctx.session,
            user=ctx.user,
            roles=ctx.roles,
            topic_id=callback_data.id,
            meeting_id=callback_data.arg,
            now=ctx.now(),
            notifier=notifier,
        )
    except Conflict:  # decided meanwhile
        await _show_decided(query.message, ctx, callback_data.id)
        raise
    message = query.message
    if isinstance(message, Message) and message.reply_to_message and message.bot:
        # the topic's message the question replies to: accepted, without its buttons
        topic = await topics.get_topic(ctx.session, topic_id=callback_data.id)
        text = await _item_now(ctx, topic)
        with contextlib.suppress(TelegramBadRequest):  # gone, or already shown so
            await message.bot.edit_message_text(
                text, chat_id=message.chat.id, message_id=message.reply_to_message.message_id
            )
    # at night: when the proposer (and those who backed it) will get it
    done = held_note(
        ctx.t, ctx.t("topic-accept-done"), notifier, settings=ctx.settings, now=ctx.now()
    )
    if isinstance(message, Message) and message.text is not None:
        await message.edit_text(done, reply_markup=None)
        await query.answer()  # after the edits: the messages read so by then
        return
    await query.answer()
    await reply(message, done)


@staff_router.callback_query(TopicCb.filter(F.action.in_(starter("answer"))))
async def on_answer(
    query: CallbackQuery, callback_data: TopicCb, state: FSMContext, ctx: UpdateCtx
) -> None:
    """Ask for the answer text (after checking, at the tap, that this topic is ours and open;
    asking first when another form is half filled)."""
    await _still_open(query, callback_data, ctx)
    if await asks_first(query, callback_data, state, ctx.t, starting="TopicAnswer"):
        return
    await state.clear()
    await state.update_data(topic_id=callback_data.id)
    item = origin(query, callback_data)  # also when asked first whether to leave a form
    if item is not None:
        # the topic's message in the list: once answered it reads so, without its buttons
        await state.update_data(item_msg=item.message_id)
    await state.set_state(TopicForm.answer)
    await query.answer()
    await reply(query.message, ctx.t("topic-ask-answer"), reply_markup=cancel_kb(ctx.t))


@staff_router.message(StateFilter(TopicForm.answer), F.text)
async def on_answer_text(message: Message, state: FSMContext, ctx: UpdateCtx) -> None:
    """Answer the topic; the proposer is told."""
    data = await state.get_data()
    notifier = ctx.notifier()
    topic = await topics.answer_topic(
        ctx.session,
        user=ctx.user,
        roles=ctx.roles,
        topic_id=int(data["topic_id"]),
        answer=message.text or "",
        now=ctx.now(),
        notifier=notifier,
    )
    await state.clear()
    if data.get("item_msg") and message.bot is not None:
        text = await _item_now(ctx, topic)
        with contextlib.suppress(TelegramBadRequest):  # gone, or already shown so
            await message.bot.edit_message_text(
                text, chat_id=message.chat.id, message_id=int(data["item_msg"])
            )
    done = held_note(
        ctx.t, ctx.t("topic-answer-done"), notifier, settings=ctx.settings, now=ctx.now()
    )
    await message.answer(done, reply_markup=ctx.main_menu())


router.include_router(staff_router)


@router.message(StateFilter(TopicForm), ~F.text)
async def on_not_text(message: Message, t: Text) -> None:
    """A photo, voice, sticker or location at a text step: ask for text; the step stays open."""
    await message.answer(t("err-media-not-supported"), reply_markup=cancel_kb(t))
