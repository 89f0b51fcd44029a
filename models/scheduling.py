"""Scheduled work and the delivery outbox: due jobs, deliveries, broadcasts, quiet hours.

Everything time-based is a row with a due time and a state, so it survives restarts:

    ScheduledJob   pending → running → done | failed | skipped (too late) | cancelled
    Delivery       pending → sending → sent | blocked | failed | cancelled (incl. stale: its
                   matter moved on before it was sent)
    Broadcast      draft → sending → done | cancelled
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, BigInteger, Index, LargeBinary, String, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.base import UTCDateTime, utcnow


class JobState(StrEnum):
    """Where a piece of scheduled work stands."""

    PENDING = "pending"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    SKIPPED = "skipped"
    CANCELLED = "cancelled"


class DeliveryState(StrEnum):
    """Where one outgoing message stands."""

    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    BLOCKED = "blocked"
    FAILED = "failed"
    CANCELLED = "cancelled"


class BroadcastState(StrEnum):
    """Where a staff notice to many people stands."""

    DRAFT = "draft"
    SENDING = "sending"
    DONE = "done"
    CANCELLED = "cancelled"


class AudienceKind(StrEnum):
    """Who a broadcast goes to."""

    EVERYONE = "everyone"
    COMMUNITY = "community"
    GRIDS = "grids"
    BUILDINGS = "buildings"
    MEMBERS = "members"


class ScheduledJob(SQLModel, table=True):
    """One piece of due work: a kind (registered in scheduler.kinds), a due time and a payload."""

    __tablename__ = "scheduled_jobs"
    __table_args__ = (Index("ix_scheduled_jobs_state_due", "state", "due_at"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(sa_type=String(64), index=True)
    key: str | None = Field(default=None, sa_type=String(160), index=True)
    payload: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    due_at: datetime = Field(sa_type=UTCDateTime)
    state: str = Field(default=JobState.PENDING, sa_type=String(16))
    attempts: int = Field(default=0)
    claimed_by: str | None = Field(default=None, sa_type=String(64))
    lease_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_error: str | None = Field(default=None, sa_type=String(1000))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    finished_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class Delivery(SQLModel, table=True):
    """One proactive message in the outbox, and what became of it."""

    __tablename__ = "deliveries"
    __table_args__ = (
        Index("ix_deliveries_state_not_before", "state", "not_before"),
        UniqueConstraint("dedupe_key", name="uq_deliveries_dedupe_key"),
    )

    id: int | None = Field(default=None, primary_key=True)
    chat_id: int = Field(sa_type=BigInteger, index=True)
    kind: str = Field(default="notice", sa_type=String(32))
    text: str = Field(default="", sa_type=Text)
    reply_markup: dict[str, Any] | None = Field(default=None, sa_type=JSON)
    photo_ref: str | None = Field(default=None, sa_type=String(512))
    photo_bytes: bytes | None = Field(default=None, sa_type=LargeBinary)
    urgent: bool = Field(default=False)
    community_id: int | None = Field(default=None, index=True)
    dedupe_key: str | None = Field(default=None, sa_type=String(160))
    broadcast_id: int | None = Field(default=None, foreign_key="broadcasts.id", index=True)
    not_before: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    # set when quiet hours moved `not_before` to the morning: the moment it was meant to go
    # (a deliberate time, or when it was queued). Such a delivery is re-timed when its user
    # opts out of quiet hours or staff change them; one without it is never moved earlier.
    held_from: datetime | None = Field(default=None, sa_type=UTCDateTime)
    deliver_by: datetime | None = Field(default=None, sa_type=UTCDateTime)  # late is useless
    # the matter a notice asks someone to act on, in the state it asks in ("order:12:open"):
    # when the matter leaves that state, the notice no longer applies and is not sent
    matter: str | None = Field(default=None, sa_type=String(64), index=True)
    state: str = Field(default=DeliveryState.PENDING, sa_type=String(16))
    attempts: int = Field(default=0)
    claimed_by: str | None = Field(default=None, sa_type=String(64))
    lease_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
    message_ids: str | None = Field(default=None, sa_type=String(200))
    # set for an edit: the message in chat_id to redraw with text and reply_markup (no new one)
    edit_message_id: int | None = Field(default=None, sa_type=BigInteger)
    error: str | None = Field(default=None, sa_type=String(500))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    sent_at: datetime | None = Field(default=None, sa_type=UTCDateTime)

    @property
    def message_id_list(self) -> list[int]:
        """Telegram message ids of the parts that went out (a long text has several)."""
        return [int(x) for x in (self.message_ids or "").split(",") if x]


class Broadcast(SQLModel, table=True):
    """A notice staff send to an audience, with progress and a final report."""

    __tablename__ = "broadcasts"

    id: int | None = Field(default=None, primary_key=True)
    author_id: int = Field(sa_type=BigInteger, index=True)
    community_id: int | None = Field(default=None, foreign_key="communities.id")
    audience: str = Field(default=AudienceKind.COMMUNITY, sa_type=String(16))
    target_ids: str = Field(default="", sa_type=String(1000))
    text: str = Field(sa_type=Text)
    # the Telegram file_id of the notice's one photo (its text goes as the caption when it fits)
    photo_ref: str | None = Field(default=None, sa_type=String(512))
    state: str = Field(default=BroadcastState.DRAFT, sa_type=String(16))
    total: int = Field(default=0)
    progress_chat_id: int | None = Field(default=None, sa_type=BigInteger)
    progress_message_id: int | None = Field(default=None, sa_type=BigInteger)
    progress_shown: int = Field(default=0)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    confirmed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    finished_at: datetime | None = Field(default=None, sa_type=UTCDateTime)

    @property
    def target_id_list(self) -> list[int]:
        """The grid / building ids the audience names (empty for community or everyone)."""
        return [int(x) for x in self.target_ids.split(",") if x]


class QuietHours(SQLModel, table=True):
    """A community's quiet hours in local time (default 22:00–07:00); absent row = default."""

    __tablename__ = "quiet_hours"

    community_id: int = Field(
        primary_key=True, foreign_key="communities.id", sa_column_kwargs={"autoincrement": False}
    )
    start: str = Field(default="22:00", sa_type=String(5))
    end: str = Field(default="07:00", sa_type=String(5))
    enabled: bool = Field(default=True)


__all__ = [
    "AudienceKind",
    "Broadcast",
    "BroadcastState",
    "Delivery",
    "DeliveryState",
    "JobState",
    "QuietHours",
    "ScheduledJob",
]
