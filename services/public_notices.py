"""What the bot posts where everyone reads it: a community's group and public channel.

Public posts never carry a resident's name (DESIGN.md, privacy), nor a phone or ID number. What
staff or a member typed and a public post quotes (a meeting's title, a poll's question, a
result's note) is passed through `PublicWords.scrub`: phone and ID numbers masked, the names the
bot knows the community's residents by starred out, and a resident called by surname and an
honorific ('周阿姨', '吴大爷', '冯女士') starred out too, whoever it is.

A meeting published for the whole community of a group bound to it (services.group_chats) is
announced there in a few public lines with a button that opens the private chat at that
meeting, where residents answer (RSVP); a poll likewise, to vote.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import MemberProfile, User
from models.consultations import AudienceKind, Meeting, Poll
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


def _private_link(notifier: Notifier, payload: str, key: str) -> dict[str, Any] | None:
    """The one button under a public notice: the private chat, opened at `payload`."""
    if not notifier.bot_username:
        return None
    url = f"https://t.me/{notifier.bot_username}?start={payload}"
    label = notifier.text(notifier.default_language, key)
    return {"inline_keyboard": [[{"text": label, "url": url}]]}


async def announce_meeting(session: AsyncSession, *, meeting: Meeting, notifier: Notifier) -> bool:
    """A meeting for the whole community, published: a short public notice in the community's
    group (when one is bound), with the button to answer in the private chat. True if queued."""
    if meeting.audience_kind != AudienceKind.COMMUNITY or meeting.id is None:
        return False  # some buildings, grids or the members: told in person, not the group
    group = await group_of(session, community_id=meeting.community_id)
    if group is None:
        return False
    words = await public_words(session, community_id=meeting.community_id)
    lang = notifier.default_language
    text = notifier.text(
        lang,
        "meeting-group-notice",
        kind=meeting.kind,
        title=words.scrub(meeting.title),
        when=notifier.local(meeting.starts_at),
        place=words.scrub(meeting.place) if meeting.place else "none",
        link="yes" if notifier.bot_username else "no",
    )
    await notifier.enqueue(
        session,
        chat_id=group,
        text=text,
        reply_markup=_private_link(notifier, f"m{meeting.id}", "public-btn-meeting"),
        kind="meeting-group",
        community_id=meeting.community_id,
        dedupe_key=f"meeting:{meeting.id}:group",
    )
    return True


async def announce_poll(session: AsyncSession, *, poll: Poll, notifier: Notifier) -> bool:
    """A poll for the whole community, opened: a short public notice in the community's group
    (when one is bound), with the button to vote in the private chat. True if queued."""
    if poll.audience_kind != AudienceKind.COMMUNITY or poll.id is None:
        return False
    group = await group_of(session, community_id=poll.community_id)
    if group is None:
        return False
    words = await public_words(session, community_id=poll.community_id)
    text = notifier.text(
        notifier.default_language,
        "poll-group-notice",
        question=words.scrub(poll.question),
        closes=notifier.local(poll.closes_at),
        link="yes" if notifier.bot_username else "no",
    )
    await notifier.enqueue(
        session,
        chat_id=group,
        text=text,
        reply_markup=_private_link(notifier, f"p{poll.id}", "public-btn-poll"),
        kind="poll-group",
        community_id=poll.community_id,
        dedupe_key=f"poll:{poll.id}:group",
    )
    return True
