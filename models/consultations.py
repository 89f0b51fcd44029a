"""议事协商: meetings, agenda items, RSVPs, check-ins, decisions, topics, polls and votes.

Every poll and meeting action also writes an AuditEvent (subject_type "meeting"/"poll"/"topic").
Audiences are stored as a kind plus comma-separated ids (grids or buildings of one community).
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import BigInteger, String, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.base import UTCDateTime, utcnow


class AudienceKind(StrEnum):
    """Who a meeting or poll is for, inside one community."""

    COMMUNITY = "community"
    GRIDS = "grids"
    BUILDINGS = "buildings"
    MEMBERS = "members"


class MeetingKind(StrEnum):
    """The kinds of meeting communities hold."""

    RESIDENTS = "residents"  # 居民议事会
    PARTY_MASSES = "party_masses"  # 党群议事会
    ESTATE = "estate"  # 小区事务协调会
    HEARING = "hearing"  # 重大事项听证会
    BUILDING_NIGHT = "building_night"  # 楼栋夜话
    OTHER = "other"


class MeetingStatus(StrEnum):
    """Where a meeting stands: draft → published → minuted, or cancelled."""

    DRAFT = "draft"
    PUBLISHED = "published"
    CANCELLED = "cancelled"
    MINUTED = "minuted"


MEETING_TRANSITIONS: dict[MeetingStatus, frozenset[MeetingStatus]] = {
    MeetingStatus.DRAFT: frozenset({MeetingStatus.PUBLISHED, MeetingStatus.CANCELLED}),
    MeetingStatus.PUBLISHED: frozenset({MeetingStatus.CANCELLED, MeetingStatus.MINUTED}),
    MeetingStatus.CANCELLED: frozenset(),
    MeetingStatus.MINUTED: frozenset(),
}


class RsvpAnswer(StrEnum):
    """去 / 不确定 / 不去."""

    YES = "yes"
    MAYBE = "maybe"
    NO = "no"


class RsvpStatus(StrEnum):
    """The seat a YES gets: going, or waitlisted when the meeting is full."""

    GOING = "going"
    WAITLIST = "waitlist"
    MAYBE = "maybe"
    NO = "no"


class TopicStatus(StrEnum):
    """议题: open for backing, accepted into an agenda, or answered by staff."""

    OPEN = "open"
    ACCEPTED = "accepted"
    ANSWERED = "answered"
    POLLED = "polled"  # put to a poll: `answer` keeps the poll's question


class PollStatus(StrEnum):
    """draft → open → closed, or cancelled."""

    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"
    CANCELLED = "cancelled"


POLL_TRANSITIONS: dict[PollStatus, frozenset[PollStatus]] = {
    PollStatus.DRAFT: frozenset({PollStatus.OPEN, PollStatus.CANCELLED}),
    PollStatus.OPEN: frozenset({PollStatus.CLOSED, PollStatus.CANCELLED}),
    PollStatus.CLOSED: frozenset(),
    PollStatus.CANCELLED: frozenset(),
}


class Eligibility(StrEnum):
    """Who in the audience may vote."""

    REGISTERED = "registered"
    VERIFIED = "verified"


class QuorumBasis(StrEnum):
    """What the quorum is a share of."""

    VOTERS = "voters"
    HOUSEHOLDS = "households"


class Meeting(SQLModel, table=True):
    """议事会: a meeting with its audience, place, capacity and minutes."""

    __tablename__ = "meetings"

    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="communities.id", index=True)
    kind: str = Field(default=MeetingKind.RESIDENTS, sa_type=String(24))
    title: str = Field(sa_type=String(100))
    starts_at: datetime = Field(sa_type=UTCDateTime, index=True)
    duration_minutes: int = Field(default=90)
    place: str | None = Field(default=None, sa_type=String(200))
    online_link: str | None = Field(default=None, sa_type=String(300))
    audience_kind: str = Field(default=AudienceKind.COMMUNITY, sa_type=String(16))
    audience_ids: str = Field(default="", sa_type=String(500))
    capacity: int | None = Field(default=None)
    status: str = Field(default=MeetingStatus.DRAFT, sa_type=String(16), index=True)
    checkin_code: str | None = Field(default=None, sa_type=String(8), index=True)
    created_by: int = Field(sa_type=BigInteger)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    published_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    cancelled_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    cancel_reason: str | None = Field(default=None, sa_type=String(4096))
    minutes: str | None = Field(default=None, sa_type=Text)
    minuted_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    version: int = Field(default=1)


class AgendaItem(SQLModel, table=True):
    """One item of a meeting's agenda, possibly from an accepted topic."""

    __tablename__ = "meeting_agenda_items"

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meetings.id", index=True)
    position: int = Field(default=0)
    text: str = Field(sa_type=String(500))
    topic_id: int | None = Field(default=None, foreign_key="topics.id")


class Rsvp(SQLModel, table=True):
    """A person's answer to a meeting invitation; waitlisted YESes keep their queue time."""

    __tablename__ = "meeting_rsvps"
    __table_args__ = (UniqueConstraint("meeting_id", "user_id", name="uq_rsvp_meeting_user"),)

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meetings.id", index=True)
    user_id: int = Field(sa_type=BigInteger, foreign_key="users.id", index=True)
    status: str = Field(sa_type=String(16))
    queued_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class MeetingMessage(SQLModel, table=True):
    """A message in someone's chat that shows a meeting as it was when drawn (their card, the
    answer to their sign-up, the announcement once redrawn): it is redrawn when the meeting or
    their place in it changes, so an old message never shows an old time or an old place."""

    __tablename__ = "meeting_messages"
    __table_args__ = (
        UniqueConstraint("chat_id", "message_id", name="uq_meeting_messages_chat_message"),
    )

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meetings.id", index=True)
    chat_id: int = Field(sa_type=BigInteger)
    message_id: int = Field(sa_type=BigInteger)
    kind: str = Field(sa_type=String(16))  # card / reply / announce / notice
    shown: str = Field(default="", sa_type=String(64))  # digest of what it shows now
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class MeetingQuestion(SQLModel, table=True):
    """A resident's question to a meeting's organizer, and the staff answer once given."""

    __tablename__ = "meeting_questions"

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meetings.id", index=True)
    resident_id: int = Field(sa_type=BigInteger, foreign_key="users.id", index=True)
    text: str = Field(sa_type=String(4096))
    asked_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    answer: str | None = Field(default=None, sa_type=String(4096))
    answered_by: int | None = Field(default=None, sa_type=BigInteger)
    answered_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class CheckIn(SQLModel, table=True):
    """Attendance: who was at the meeting, how they checked in."""

    __tablename__ = "meeting_checkins"
    __table_args__ = (UniqueConstraint("meeting_id", "user_id", name="uq_checkin_meeting_user"),)

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meetings.id", index=True)
    user_id: int = Field(sa_type=BigInteger, foreign_key="users.id")
    method: str = Field(sa_type=String(8))  # button / code
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Decision(SQLModel, table=True):
    """决议: one decision in a meeting's minutes; may become an order (order_id)."""

    __tablename__ = "meeting_decisions"

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meetings.id", index=True)
    position: int = Field(default=0)
    text: str = Field(sa_type=String(500))
    order_id: int | None = Field(default=None)
    order_ref: str | None = Field(default=None, sa_type=String(32))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Topic(SQLModel, table=True):
    """议题: a resident's proposal, backed by others, accepted into an agenda or answered."""

    __tablename__ = "topics"

    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="communities.id", index=True)
    meeting_id: int | None = Field(default=None, foreign_key="meetings.id")
    proposer_id: int = Field(sa_type=BigInteger, foreign_key="users.id", index=True)
    title: str = Field(sa_type=String(100))
    detail: str = Field(default="", sa_type=String(4096))
    status: str = Field(default=TopicStatus.OPEN, sa_type=String(16), index=True)
    backers: int = Field(default=0)
    answer: str | None = Field(default=None, sa_type=String(4096))
    decided_by: int | None = Field(default=None, sa_type=BigInteger)
    decided_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class TopicBacking(SQLModel, table=True):
    """One person backs a topic once."""

    __tablename__ = "topic_backings"
    __table_args__ = (UniqueConstraint("topic_id", "user_id", name="uq_backing_topic_user"),)

    id: int | None = Field(default=None, primary_key=True)
    topic_id: int = Field(foreign_key="topics.id", index=True)
    user_id: int = Field(sa_type=BigInteger, foreign_key="users.id")
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Poll(SQLModel, table=True):
    """投票: the rules of a poll and, once closed, the snapshot of its outcome."""

    __tablename__ = "polls"

    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="communities.id", index=True)
    meeting_id: int | None = Field(default=None, foreign_key="meetings.id")
    question: str = Field(sa_type=String(300))
    multiple: bool = Field(default=False)
    max_choices: int = Field(default=1)
    audience_kind: str = Field(default=AudienceKind.COMMUNITY, sa_type=String(16))
    audience_ids: str = Field(default="", sa_type=String(500))
    eligibility: str = Field(default=Eligibility.REGISTERED, sa_type=String(16))
    per_household: bool = Field(default=False)
    opens_at: datetime = Field(sa_type=UTCDateTime)
    closes_at: datetime = Field(sa_type=UTCDateTime, index=True)
    anonymous: bool = Field(default=True)
    live_results: bool = Field(default=False)
    allow_change: bool = Field(default=True)
    # quorum and threshold: a share num/den, met at it; a negative num marks a bar met only
    # above it (过半, 超过 2/3: services.polls.Share)
    quorum_num: int | None = Field(default=None)
    quorum_den: int | None = Field(default=None)
    quorum_basis: str = Field(default=QuorumBasis.VOTERS, sa_type=String(16))
    threshold_num: int | None = Field(default=None)
    threshold_den: int | None = Field(default=None)
    status: str = Field(default=PollStatus.DRAFT, sa_type=String(16), index=True)
    created_by: int = Field(sa_type=BigInteger)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    published_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    closed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    eligible_count: int | None = Field(default=None)
    ballots_count: int | None = Field(default=None)
    quorum_met: bool | None = Field(default=None)
    passed: bool | None = Field(default=None)
    winner_option_id: int | None = Field(default=None)


class PollOption(SQLModel, table=True):
    """One answer a voter can choose."""

    __tablename__ = "poll_options"

    id: int | None = Field(default=None, primary_key=True)
    poll_id: int = Field(foreign_key="polls.id", index=True)
    position: int = Field(default=0)
    text: str = Field(sa_type=String(100))


class Vote(SQLModel, table=True):
    """One ballot: a voter's (or household's) choice; proxy_by names a grid worker's proxy vote.

    household is "building_id:room" on one-vote-per-household polls (else NULL): the unique
    constraint makes a second ballot from the same household impossible even under a race.
    """

    __tablename__ = "poll_votes"
    __table_args__ = (
        UniqueConstraint("poll_id", "voter_id", name="uq_vote_poll_voter"),
        UniqueConstraint("poll_id", "household", name="uq_vote_poll_household"),
    )

    id: int | None = Field(default=None, primary_key=True)
    poll_id: int = Field(foreign_key="polls.id", index=True)
    voter_id: int = Field(sa_type=BigInteger, foreign_key="users.id")
    household: str | None = Field(default=None, sa_type=String(48))
    option_ids: str = Field(sa_type=String(200))
    proxy_by: int | None = Field(default=None, sa_type=BigInteger)
    cast_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    changed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    changes: int = Field(default=0)

    @property
    def choices(self) -> list[int]:
        """The chosen option ids."""
        return [int(x) for x in self.option_ids.split(",") if x]


__all__ = [
    "MEETING_TRANSITIONS",
    "POLL_TRANSITIONS",
    "AgendaItem",
    "AudienceKind",
    "CheckIn",
    "Decision",
    "Eligibility",
    "Meeting",
    "MeetingKind",
    "MeetingQuestion",
    "MeetingStatus",
    "Poll",
    "PollOption",
    "PollStatus",
    "QuorumBasis",
    "Rsvp",
    "RsvpAnswer",
    "RsvpStatus",
    "Topic",
    "TopicBacking",
    "TopicStatus",
    "Vote",
]
