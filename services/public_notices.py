"""What the bot posts where everyone reads it: a community's group and public channel.

Public posts never carry a resident's name (DESIGN.md, privacy), nor a phone or ID number. What
staff or a member typed and a public post quotes (a meeting's title, a poll's question, a
result's note) is passed through `PublicWords.scrub`: phone and ID numbers masked, the names the
bot knows the community's residents by starred out, and a resident called by surname and an
honorific ('周阿姨', '吴大爷', '冯女士') starred out too, whoever it is.

A meeting published for the whole community of a group bound to it (services.group_chats) is
announced there in a few public lines with a button that opens the private chat at that
meeting, where residents answer (RSVP); a poll likewise, to vote.

Such a notice is kept true (`redraw_meeting_notice`, `redraw_poll_notice`): a meeting postponed
or changed reads its new time, title and place; cancelled, it says so and loses its button;
held (its planned end passed, or its minutes out), it says it took place (and where the minutes
went) and loses its button; a poll closed says '投票已结束' (with its conclusion where the
community posts results publicly) and loses its button, withdrawn likewise. The redraw is an
edit queued in the outbox; a notice not sent yet goes as things are (or not at all), and one
on its way is redrawn once sent (`notice_to_redraw`, followed by the scheduler's sender).
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import Community, MemberProfile, User
from models.base import utcnow
from models.consultations import AudienceKind, Meeting, MeetingStatus, Poll, PollStatus
from models.scheduling import Delivery, DeliveryState
from services import delivery as outbox
from services.consult_common import Notifier
from services.group_chats import group_of
from services.order_common import mask, person_names, scrub_names

# common surnames: a person named by one of them and how neighbours address their elders
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜"
    "叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎"
    "贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申"
    "欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴"
)
_HONORIFICS = (
    "老太太|老大爷|老先生|阿姨|大爷|大妈|大娘|奶奶|爷爷|婆婆|阿婆|伯伯|大伯|叔叔|阿叔|大叔|"
    "女士|先生|小姐|大姐|大哥|阿姐|阿哥|老伯|老太"
)
_ADDRESSED = re.compile(rf"(?:老|小)?[{_SURNAMES}](?:{_HONORIFICS})")


@dataclass(frozen=True)
class PublicWords:
    """The names to keep out of one community's public posts."""

    names: tuple[str, ...] = ()

    def scrub(self, text: str) -> str:
        """The text fit for a public post: numbers masked, residents' names starred out."""
        if not text:
            return text
        text = scrub_names(mask(text), self.names)
        return _ADDRESSED.sub(lambda m: "*" * len(m.group(0)), text)


async def public_words(
    session: AsyncSession, *, community_id: int, shown_ids: Iterable[int] = ()
) -> PublicWords:
    """The names the bot knows the community's people by (Telegram's, a sign-up's), except
    those of `shown_ids` (members who agreed to be named on the result at hand)."""
    rows = await session.exec(
        select(User, MemberProfile)
        .join(MemberProfile, col(MemberProfile.user_id) == col(User.id), isouter=True)
        .where(col(User.community_id) == community_id)
    )
    kept = set(shown_ids)
    names = [
        name
        for user, profile in rows.all()
        if user.id not in kept
        for name in person_names(user, profile)
    ]
    return PublicWords(names=tuple(dict.fromkeys(names)))


def _private_link(
    notifier: Notifier, username: str | None, payload: str, key: str
) -> dict[str, Any] | None:
    """The one button under a public notice: the private chat with the bot `username`, opened
    at `payload`."""
    if not username:
        return None
    url = f"https://t.me/{username}?start={payload}"
    label = notifier.text(notifier.default_language, key)
    return {"inline_keyboard": [[{"text": label, "url": url}]]}


def _meeting_key(meeting_id: int) -> str:
    return f"meeting:{meeting_id}:group"


def _poll_key(poll_id: int) -> str:
    return f"poll:{poll_id}:group"


def meeting_held(meeting: Meeting, notifier: Notifier) -> bool:
    """The meeting took place: its minutes are out, or its planned end has passed (by the
    notifier's clock): its notice no longer asks anyone to sign up."""
    from services.meetings import ends_at  # it imports this module

    if meeting.status == MeetingStatus.MINUTED:
        return True
    now = notifier.now or utcnow()
    return meeting.status == MeetingStatus.PUBLISHED and now >= ends_at(meeting)


async def _meeting_notice(
    session: AsyncSession, *, meeting: Meeting, notifier: Notifier, username: str | None
) -> tuple[str, dict[str, Any] | None]:
    """The group's notice of the meeting as it now is, and its button (none once cancelled)."""
    words = await public_words(session, community_id=meeting.community_id)
    lang = notifier.default_language
    args: dict[str, Any] = {
        "kind": meeting.kind,
        "title": words.scrub(meeting.title),
        "when": notifier.local(meeting.starts_at),
        "place": words.scrub(meeting.place) if meeting.place else "none",
        "link": "yes" if username else "no",
    }
    if meeting.status == MeetingStatus.CANCELLED:
        return notifier.text(lang, "meeting-group-notice-cancelled", **args), None
    if meeting_held(meeting, notifier):
        minuted = "yes" if meeting.status == MeetingStatus.MINUTED else "no"
        return notifier.text(lang, "meeting-group-notice-held", **args, minuted=minuted), None
    markup = _private_link(notifier, username, f"m{meeting.id}", "public-btn-meeting")
    return notifier.text(lang, "meeting-group-notice", **args), markup


async def _poll_notice(
    session: AsyncSession,
    *,
    poll: Poll,
    notifier: Notifier,
    username: str | None,
    result: Any = None,
) -> tuple[str, dict[str, Any] | None]:
    """The group's notice of the poll as it now is, and its button (none once it ended).
    `result`: the closed poll's tally (services.polls.PollResult), read when not given."""
    from services import polls  # it imports this module

    words = await public_words(session, community_id=poll.community_id)
    lang = notifier.default_language
    question = words.scrub(poll.question)
    if poll.status == PollStatus.CANCELLED:
        return notifier.text(lang, "poll-group-notice-cancelled", question=question), None
    if poll.status == PollStatus.CLOSED:
        community = await session.get(Community, poll.community_id)
        outcome = "none"  # the result went to the voters only: not told in the group
        if community is not None and community.public_channel_id:
            if result is None:
                result = await polls.tally(session, poll=poll)
            args = polls.result_args(result, notifier, lang, shown=words.scrub)
            outcome = notifier.text(lang, "poll-group-outcome", **args)
        text = notifier.text(lang, "poll-group-notice-closed", question=question, result=outcome)
        return text, None
    text = notifier.text(
        lang,
        "poll-group-notice",
        question=question,
        closes=notifier.local(poll.closes_at),
        link="yes" if username else "no",
    )
    return text, _private_link(notifier, username, f"p{poll.id}", "public-btn-poll")


async def _announce(
    session: AsyncSession,
    *,
    audience: str,
    community_id: int,
    key: str,
    kind: str,
    notice: Callable[[str | None], Awaitable[tuple[str, dict[str, Any] | None]]],
    notifier: Notifier,
) -> bool:
    """A consultation for the whole community (`audience`), made public: its short notice
    (`notice`, given the bot's name for its button) queued for the community's group when one
    is bound. True if queued. Some buildings, grids or the members are told in person only."""
    if audience != AudienceKind.COMMUNITY:
        return False
    group = await group_of(session, community_id=community_id)
    if group is None:
        return False
    text, markup = await notice(notifier.bot_username)
    await notifier.enqueue(
        session,
        chat_id=group,
        text=text,
        reply_markup=markup,
        kind=kind,
        community_id=community_id,
        dedupe_key=key,
    )
    return True


async def announce_meeting(session: AsyncSession, *, meeting: Meeting, notifier: Notifier) -> bool:
    """A meeting for the whole community, published: a short public notice in the community's
    group (when one is bound), with the button to answer in the private chat. True if queued."""
    if meeting.id is None:
        return False
    return await _announce(
        session,
        audience=meeting.audience_kind,
        community_id=meeting.community_id,
        key=_meeting_key(meeting.id),
        kind="meeting-group",
        notice=lambda username: _meeting_notice(
            session, meeting=meeting, notifier=notifier, username=username
        ),
        notifier=notifier,
    )


async def announce_poll(session: AsyncSession, *, poll: Poll, notifier: Notifier) -> bool:
    """A poll for the whole community, opened: a short public notice in the community's group
    (when one is bound), with the button to vote in the private chat. True if queued."""
    if poll.id is None:
        return False
    return await _announce(
        session,
        audience=poll.audience_kind,
        community_id=poll.community_id,
        key=_poll_key(poll.id),
        kind="poll-group",
        notice=lambda username: _poll_notice(
            session, poll=poll, notifier=notifier, username=username
        ),
        notifier=notifier,
    )


def notice_matter(payload: str) -> str:
    """The matter of a group notice that was on its way when its meeting ('m12') or poll
    ('p3') changed: once sent, it is redrawn (`redraw_once_sent`)."""
    return f"group-notice:{payload}"


def notice_to_redraw(matter: str) -> str | None:
    """The meeting ('m12') or poll ('p3') whose group notice, marked on its way, has gone."""
    head, _, payload = matter.partition(":")
    if head != "group-notice" or payload[:1] not in ("m", "p") or not payload[1:].isdigit():
        return None
    return payload


async def redraw_meeting_notice(
    session: AsyncSession, *, meeting: Meeting, notifier: Notifier
) -> bool:
    """The meeting's notice in the group reads as the meeting now is (postponed, changed,
    cancelled), in the caller's transaction. True if an edit was queued or the notice still
    waiting was changed."""
    if meeting.id is None:
        return False
    row = await _posted(session, key=_meeting_key(meeting.id))
    if row is None:
        return False
    text, markup = await _meeting_notice(
        session, meeting=meeting, notifier=notifier, username=_linked_to(row, notifier)
    )
    return await _redraw_notice(
        session,
        row=row,
        payload=f"m{meeting.id}",
        text=text,
        markup=markup,
        ended=meeting.status == MeetingStatus.CANCELLED or meeting_held(meeting, notifier),
        notifier=notifier,
    )


async def redraw_poll_notice(
    session: AsyncSession, *, poll: Poll, notifier: Notifier, result: Any = None
) -> bool:
    """The poll's notice in the group reads as the poll now is (closed, withdrawn), in the
    caller's transaction; `result`: the closed poll's tally, when the caller has it."""
    if poll.id is None:
        return False
    row = await _posted(session, key=_poll_key(poll.id))
    if row is None:
        return False
    text, markup = await _poll_notice(
        session,
        poll=poll,
        notifier=notifier,
        username=_linked_to(row, notifier),
        result=result,
    )
    return await _redraw_notice(
        session,
        row=row,
        payload=f"p{poll.id}",
        text=text,
        markup=markup,
        ended=poll.status != PollStatus.OPEN,
        notifier=notifier,
    )


async def _posted(session: AsyncSession, *, key: str) -> Delivery | None:
    """The outbox's row of a group notice (None: none was posted)."""
    return (await session.exec(select(Delivery).where(Delivery.dedupe_key == key))).first()


_START_LINK = re.compile(r"^https://t\.me/(\w+)\?start=")


def _linked_to(row: Delivery, notifier: Notifier) -> str | None:
    """The bot a notice's button opens: the one it was posted with (a change made where the
    bot's name is not at hand, e.g. the closing job, keeps it), else the notifier's."""
    for line in (row.reply_markup or {}).get("inline_keyboard", []):
        for button in line:
            found = _START_LINK.match(str(button.get("url", "")))
            if found:
                return found.group(1)
    return notifier.bot_username


async def _redraw_notice(
    session: AsyncSession,
    *,
    row: Delivery,
    payload: str,
    text: str,
    markup: dict[str, Any] | None,
    ended: bool,
    notifier: Notifier,
) -> bool:
    """A group notice (its outbox row) made to read `text` with `markup`: waiting still, it is
    changed in place (or, `ended`, not sent at all); on its way, marked to be redrawn once
    sent; sent, an edit is queued where it would read otherwise."""
    ids = row.message_id_list
    if row.state == DeliveryState.PENDING:
        if ended:
            row.state, row.error = DeliveryState.CANCELLED, "no longer applies"
        else:
            row.text, row.reply_markup = text, markup
        session.add(row)
        return True
    if row.state == DeliveryState.SENDING and not ids:
        # the call may be under way: redrawn once the sender records it sent
        await session.exec(  # type: ignore[call-overload]
            update(Delivery)
            .where(col(Delivery.id) == row.id, col(Delivery.state) == DeliveryState.SENDING)
            .values(matter=notice_matter(payload))
            .execution_options(synchronize_session=False)
        )
        return False
    if row.state != DeliveryState.SENT or not ids:
        return False  # never went (the bot was removed from the group, …): nothing to redraw
    message_id = ids[-1]
    # what the group reads (or is about to): the last redraw of it, else the notice as sent
    last = (
        await session.exec(
            select(Delivery)
            .where(
                col(Delivery.chat_id) == row.chat_id,
                col(Delivery.edit_message_id) == message_id,
                col(Delivery.state).in_(
                    [DeliveryState.PENDING, DeliveryState.SENDING, DeliveryState.SENT]
                ),
            )
            .order_by(col(Delivery.id).desc())
            .limit(1)
        )
    ).first()
    shown = last if last is not None else row
    if (shown.text, shown.reply_markup) == (text, markup):
        return False
    await outbox.cancel_redraws(session, chat_id=row.chat_id, message_id=message_id, commit=False)
    await outbox.enqueue(
        session,
        chat_id=row.chat_id,
        text=text,
        reply_markup=markup,
        urgent=True,  # an edit wakes nobody
        kind=row.kind,
        community_id=row.community_id,
        now=notifier.now,
        edit_message_id=message_id,
    )
    return True


async def redraw_once_sent(session: AsyncSession, *, payload: str, notifier: Notifier) -> bool:
    """A group notice that was on its way when its meeting or poll changed has gone: it is
    redrawn as that now is (an edit queued, committed). True if one was queued."""
    number = int(payload[1:])
    done = False
    if payload.startswith("m"):
        meeting = await session.get(Meeting, number)
        if meeting is not None:
            done = await redraw_meeting_notice(session, meeting=meeting, notifier=notifier)
    else:
        poll = await session.get(Poll, number)
        if poll is not None:
            done = await redraw_poll_notice(session, poll=poll, notifier=notifier)
    await session.commit()
    return done
