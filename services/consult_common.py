"""Shared by meetings, topics and polls: audiences, notices, scheduling and button data.

Notices and scheduled work go through `Notifier.send` and `schedule`/`unschedule` only, so the
switch to another delivery path is one place. Texts are rendered in each recipient's language by
any object with `get(lang, key, **args)` (the bot's Translator) — services stay framework-free.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import Building, Grid, MemberProfile, MemberStatus, User
from models.consultations import AudienceKind
from services import delivery, jobs
from services.errors import InvalidInput
from services.listing import Listing
from services.when import when_args

log = logging.getLogger(__name__)

DEFAULT_ZONE = ZoneInfo("Asia/Shanghai")
MAX_AUDIENCE_IDS = 50


class TextSource(Protocol):
    """What renders a text key in a language (bot.i18n.Translator fits)."""

    def get(self, lang: str, key: str, /, **args: Any) -> str:
        """The text for key in lang."""
        ...


@dataclass(frozen=True)
class Audience:
    """Who a meeting or poll is for: the whole community, some grids or buildings, or members."""

    community_id: int
    kind: AudienceKind = AudienceKind.COMMUNITY
    ids: tuple[int, ...] = ()

    @property
    def ids_text(self) -> str:
        """The ids as stored (comma-separated)."""
        return ",".join(str(i) for i in self.ids)

    @classmethod
    def stored(cls, *, community_id: int, kind: str, ids: str) -> Audience:
        """The audience of a stored meeting or poll."""
        return cls(
            community_id=community_id,
            kind=AudienceKind(kind),
            ids=tuple(int(x) for x in ids.split(",") if x),
        )


async def check_audience(session: AsyncSession, *, audience: Audience) -> Audience:
    """Refuse grids/buildings that do not belong to the community, or an empty selection."""
    ids = tuple(sorted(set(audience.ids)))
    if audience.kind in (AudienceKind.COMMUNITY, AudienceKind.MEMBERS):
        return Audience(community_id=audience.community_id, kind=audience.kind)
    if not ids:
        raise InvalidInput("consult-err-audience-empty")
    if len(ids) > MAX_AUDIENCE_IDS:
        raise InvalidInput("consult-err-audience-invalid")
    if audience.kind == AudienceKind.GRIDS:
        grids = (await session.exec(select(Grid).where(col(Grid.id).in_(ids)))).all()
        owners = [g.community_id for g in grids]
    else:
        buildings = (await session.exec(select(Building).where(col(Building.id).in_(ids)))).all()
        owners = [b.community_id for b in buildings]
    if len(owners) != len(ids) or any(c != audience.community_id for c in owners):
        raise InvalidInput("consult-err-audience-invalid")
    return Audience(community_id=audience.community_id, kind=audience.kind, ids=ids)


async def in_audience(session: AsyncSession, *, user: User, audience: Audience) -> bool:
    """True if the user belongs to the audience (residents by address, members by approval)."""
    if audience.kind == AudienceKind.MEMBERS:
        profile = await session.get(MemberProfile, user.id)
        return (
            profile is not None
            and profile.status == MemberStatus.APPROVED
            and profile.community_id == audience.community_id
        )
    if user.community_id != audience.community_id or not user.registered:
        return False
    if audience.kind == AudienceKind.GRIDS:
        return user.grid_id in audience.ids
    if audience.kind == AudienceKind.BUILDINGS:
        return user.building_id in audience.ids
    return True


async def audience_users(session: AsyncSession, *, audience: Audience) -> list[User]:
    """Everyone in the audience who can be written to."""
    if audience.kind == AudienceKind.MEMBERS:
        stmt = (
            select(User)
            .join(MemberProfile, col(MemberProfile.user_id) == col(User.id))
            .where(
                MemberProfile.community_id == audience.community_id,
                MemberProfile.status == MemberStatus.APPROVED,
            )
        )
    else:
        stmt = select(User).where(
            User.community_id == audience.community_id,
            col(User.consent_at).is_not(None),
            col(User.building_id).is_not(None),
        )
        if audience.kind == AudienceKind.GRIDS:
            stmt = stmt.where(col(User.grid_id).in_(audience.ids))
        elif audience.kind == AudienceKind.BUILDINGS:
            stmt = stmt.where(col(User.building_id).in_(audience.ids))
    users = (await session.exec(stmt.order_by(col(User.id)))).all()
    return [u for u in users if not u.blocked_bot and u.forgotten_at is None]


async def audience_reach(session: AsyncSession, *, audience: Audience) -> int:
    """How many people publishing to this audience would tell now (0: a building or grid
    where nobody has registered, or every one of them blocked the bot)."""
    return len(await audience_users(session, audience=audience))


async def audience_households(session: AsyncSession, *, audience: Audience) -> int:
    """Households on record for the audience's buildings (Building.households), 0 if unknown."""
    if audience.kind == AudienceKind.MEMBERS:
        return 0
    stmt = select(Building).where(Building.community_id == audience.community_id)
    if audience.kind == AudienceKind.GRIDS:
        stmt = stmt.where(col(Building.grid_id).in_(audience.ids))
    elif audience.kind == AudienceKind.BUILDINGS:
        stmt = stmt.where(col(Building.id).in_(audience.ids))
    return sum(b.households for b in (await session.exec(stmt)).all())


def button(text: str, data: str) -> dict[str, str]:
    """An inline button as Bot API JSON (stored in the delivery outbox)."""
    return {"text": text, "callback_data": data}


def keyboard(rows: Sequence[Sequence[dict[str, str]]]) -> dict[str, Any]:
    """An inline keyboard as Bot API JSON."""
    return {"inline_keyboard": [list(r) for r in rows]}


# Callback data shared with handlers (their CallbackData classes pack to the same strings).
def rsvp_data(meeting_id: int, answer: str) -> str:
    """The RSVP button of a meeting announcement."""
    return f"crv:{meeting_id}:{answer}"


def checkin_data(meeting_id: int) -> str:
    """The check-in button sent when a meeting starts."""
    return f"cci:{meeting_id}"


def ballot_data(poll_id: int) -> str:
    """The "vote now" button of a poll announcement: opens the ballot in private chat."""
    return f"cpb:{poll_id}"


def ask_data(meeting_id: int) -> str:
    """The ❓ 问组织者 button of a meeting (handlers' QuestionCb(action="ask", id=…))."""
    return f"cmq:ask:{meeting_id}"


def reply_data(question_id: int) -> str:
    """The ↩️ 回复 button of a resident's question (handlers' QuestionCb(action="reply"))."""
    return f"cmq:reply:{question_id}"


def questions_data(meeting_id: int) -> str:
    """The staff card's button listing unanswered questions (QuestionCb(action="list"))."""
    return f"cmq:list:{meeting_id}"


def meeting_view_data(meeting_id: int) -> str:
    """A button that opens a meeting's card (handlers' MeetingCb(action="view", id=…))."""
    return f"cmt:view:{meeting_id}:0"


class LocalTime(str):
    """A time for people to read. As a plain string it is "12-06 19:00" (local); rendered for
    someone (Notifier.text, `localize`) it is the date-time text of their language, with
    the weekday: "12月6日（周日）19:00", "Sun 6 Dec, 19:00" (the year when not this year's)."""

    at: datetime
    zone: tzinfo
    now: datetime

    def __new__(cls, when: datetime, *, zone: tzinfo, now: datetime | None = None) -> LocalTime:
        local = when.astimezone(zone)
        made = super().__new__(cls, local.strftime("%m-%d %H:%M"))
        made.at = local
        made.zone = zone
        made.now = now or when
        return made


def localize(render: Any, args: dict[str, Any]) -> dict[str, Any]:
    """The args with each LocalTime and Listing written out by `render(key, **args)` (one
    language)."""
    return {
        name: (
            render("date-time", **when_args(value.at, zone=value.zone, now=value.now))
            if isinstance(value, LocalTime)
            else value.read_in(render)
            if isinstance(value, Listing)
            else value
        )
        for name, value in args.items()
    }


@dataclass
class Notice:
    """A message for one person, rendered in their language when sent."""

    user_id: int
    key: str
    args: dict[str, Any] = field(default_factory=dict)


@dataclass
class Notifier:
    """Renders and queues proactive messages; the one path every consultation notice takes."""

    texts: TextSource
    zone: tzinfo = DEFAULT_ZONE
    default_language: str = "zh-Hans"
    now: datetime | None = None
    sent: list[dict[str, Any]] = field(default_factory=list)
    held: int = 0  # messages to people that quiet hours hold back
    held_until: datetime | None = None  # the earliest time one of them goes
    # the admins the settings name (LINLI_ADMIN_IDS): a staff card is redrawn only for
    # someone still staff or admin where it is (services.live_cards.redraw)
    admin_ids: frozenset[int] = frozenset()
    # the bot's @username, for a public notice's button opening the private chat (a deep link)
    bot_username: str | None = None

    def people_queued(self) -> int:
        """How many messages it queued for people (not a channel's post): queued, not yet
        delivered — the outbox sends them at its pace, quiet hours may hold some."""
        return sum(1 for message in self.sent if message.get("chat_id", 0) > 0)

    def local(self, when: datetime) -> LocalTime:
        """A time as people read it, local, with the date and weekday in the reader's language
        once rendered ("12月6日（周日）19:00")."""
        return LocalTime(when, zone=self.zone, now=self.now)

    def render(self, user: User, key: str, **args: Any) -> str:
        """A text in the user's language (lines left empty by optional parts are dropped)."""
        return self.text(user.language or self.default_language, key, **args)

    def text(self, lang: str, key: str, **args: Any) -> str:
        """A text in a language (lines left empty by optional parts are dropped)."""
        args = localize(lambda k, **a: self.texts.get(lang, k, **a), args)
        text = self.texts.get(lang, key, **args)
        return "\n".join(line for line in text.split("\n") if line.strip())

    async def send(
        self,
        session: AsyncSession,
        *,
        users: Iterable[User],
        key: str,
        args: dict[str, Any] | None = None,
        buttons: list[list[tuple[str, str]]] | None = None,
        chosen: Callable[[User], str | None] | None = None,
        chosen_text: Callable[[User, str], str] | None = None,
        photo: bytes | None = None,
        kind: str = "consult",
        community_id: int | None = None,
        dedupe: str | None = None,
        deliver_by: datetime | None = None,
        matter: str | None = None,
    ) -> int:
        """Queue one message per user; buttons are rows of (text key, callback data).

        `chosen`: the callback data of the button marked for the person, their answer
        ('✅ 去'), if any; `chosen_text` (the person, the button's text key): that button's text
        when it says more than '✅ 去' ('⏳ 候补第 2 位'). `deliver_by` (a meeting's start): quiet
        hours never hold the message past it. `matter` ("poll:3:open"): what the message asks
        the person to act on, as `delivery.enqueue` takes it (not sent once it moves on).
        """
        count = 0
        for user in users:
            if user.blocked_bot:
                continue
            text = self.render(user, key, **(args or {}))
            markup = None
            if buttons:
                mark = chosen(user) if chosen is not None else None
                markup = keyboard(
                    [
                        [
                            button(
                                chosen_text(user, label)
                                if data == mark and chosen_text is not None
                                else self._label(user, label, data == mark),
                                data,
                            )
                            for label, data in row
                        ]
                        for row in buttons
                    ]
                )
            await self.enqueue(
                session,
                chat_id=user.id,
                text=text,
                reply_markup=markup,
                photo=photo,
                kind=kind,
                community_id=community_id,
                dedupe_key=f"{dedupe}:{user.id}" if dedupe else None,
                deliver_by=deliver_by,
                matter=matter,
            )
            count += 1
        return count

    def _label(self, user: User, key: str, chosen: bool) -> str:
        label = self.render(user, key)
        return self.render(user, "meeting-btn-chosen", label=label) if chosen else label

    async def post_channel(
        self,
        session: AsyncSession,
        *,
        chat_id: int,
        text: str,
        photo: bytes | None = None,
        community_id: int | None = None,
        dedupe: str | None = None,
    ) -> None:
        """Queue a post to a community's public channel (already rendered)."""
        await self.enqueue(
            session,
            chat_id=chat_id,
            text=text,
            photo=photo,
            kind="consult-channel",
            community_id=community_id,
            dedupe_key=dedupe,
        )

    async def enqueue(self, session: AsyncSession, **message: Any) -> None:
        """Hand one message to the delivery outbox (issue 6); recorded in `sent` as well."""
        self.sent.append(message)
        queued = await delivery.enqueue(session, now=self.now, **message)
        if queued.held_from is not None and queued.chat_id > 0:
            self.held += 1
            release = queued.not_before
            if release.tzinfo is None:  # read back from SQLite
                release = release.replace(tzinfo=UTC)
            if self.held_until is None or release < self.held_until:
                self.held_until = release


async def schedule(
    session: AsyncSession, *, kind: str, due_at: datetime, payload: dict[str, Any], key: str
) -> None:
    """Schedule consultation work (reminders, closing) through the scheduler's job table."""
    await jobs.schedule_job(session, kind=kind, due_at=due_at, payload=payload, key=key)


async def unschedule(session: AsyncSession, *, key: str) -> None:
    """Cancel pending work scheduled under key."""
    await jobs.cancel_jobs(session, key=key)


def local_time(when: datetime, zone: tzinfo = DEFAULT_ZONE) -> str:
    """A time as people read it (month-day hour:minute, local)."""
    return when.astimezone(zone).strftime("%m-%d %H:%M")
