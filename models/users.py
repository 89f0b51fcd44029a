"""People: users, member profiles (双报到), staff scopes and invitations."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import StrEnum

from sqlalchemy import BigInteger, String, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.base import UTCDateTime, utcnow

# the text key of how someone who deleted their personal data (/forget) is named to others
DATA_DELETED_KEY = "person-data-deleted"


class DeletedName(str):
    """The name of someone who deleted their personal data (/forget), wherever others read of
    them (staff cards, claim lists, stats, the ledger export, the points board, meeting and poll
    lists): a neutral label, never their Telegram id. As a plain string it reads in zh-Hans;
    written out for a reader (`read_in`: bot.i18n does it for every text's args, as it does a
    services.listing.Listing) in their language."""

    def __new__(cls) -> DeletedName:
        return super().__new__(cls, "（已删除个人信息）")

    def read_in(self, text: Callable[[str], str]) -> str:
        """The label in the reader's language (`text`: a text of it by key)."""
        return text(DATA_DELETED_KEY)


DELETED_NAME = DeletedName()


class Role(StrEnum):
    """What a user may do; a user holds one or more."""

    RESIDENT = "resident"
    MEMBER = "member"
    STAFF = "staff"
    ADMIN = "admin"


class MemberStatus(StrEnum):
    """Where a member registration stands."""

    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    SUSPENDED = "suspended"


class MoveState(StrEnum):
    """Where a member's request to serve another community (they moved) stands."""

    PENDING = "pending"
    APPROVED = "approved"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"  # by the member, before staff decided (`move_decided_by`: them)


class User(SQLModel, table=True):
    """Anyone who has written to the bot; the primary key is the Telegram user id."""

    __tablename__ = "users"

    id: int = Field(
        sa_type=BigInteger, primary_key=True, sa_column_kwargs={"autoincrement": False}
    )
    first_name: str | None = Field(default=None, sa_type=String(128))
    last_name: str | None = Field(default=None, sa_type=String(128))
    username: str | None = Field(default=None, sa_type=String(64))
    language: str | None = Field(default=None, sa_type=String(16))
    roles: str = Field(default="", sa_type=String(64))
    consent_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    community_id: int | None = Field(default=None, foreign_key="communities.id", index=True)
    grid_id: int | None = Field(default=None, foreign_key="grids.id", index=True)
    building_id: int | None = Field(default=None, foreign_key="buildings.id", index=True)
    room: str | None = Field(default=None, sa_type=String(32))
    phone: str | None = Field(default=None, sa_type=String(32))
    verified_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    verified_by: int | None = Field(default=None, sa_type=BigInteger)
    blocked_bot: bool = Field(default=False)
    quiet_hours_opt_out: bool = Field(default=False)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    last_seen_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    forgotten_at: datetime | None = Field(default=None, sa_type=UTCDateTime)

    @property
    def role_set(self) -> frozenset[Role]:
        """The roles stored on the user (admins from settings are added by the caller)."""
        return frozenset(Role(r) for r in self.roles.split(",") if r)

    def set_roles(self, roles: set[Role] | frozenset[Role]) -> None:
        """Store a set of roles in a stable order."""
        self.roles = ",".join(r.value for r in Role if r in roles)

    @property
    def registered(self) -> bool:
        """True once the resident has consented and given an address."""
        return self.consent_at is not None and self.building_id is not None

    @property
    def display_name(self) -> str:
        """The name Telegram gave us, for texts others read; someone who deleted their data
        (/forget) is DELETED_NAME, not their id."""
        if self.forgotten_at is not None:
            return DELETED_NAME
        parts = [p for p in (self.first_name, self.last_name) if p]
        return " ".join(parts) or (f"@{self.username}" if self.username else str(self.id))


def member_name(real_name: str) -> str:
    """A member's name as others read it (MemberProfile.real_name, "-" once deleted)."""
    return DELETED_NAME if real_name == "-" else real_name


class MemberProfile(SQLModel, table=True):
    """报到党员/志愿者: a member's registration and standing."""

    __tablename__ = "member_profiles"

    user_id: int = Field(
        sa_type=BigInteger,
        primary_key=True,
        foreign_key="users.id",
        sa_column_kwargs={"autoincrement": False},
    )
    real_name: str = Field(sa_type=String(64))
    work_unit: str = Field(sa_type=String(128))
    phone: str = Field(sa_type=String(32))
    skills: str = Field(default="", sa_type=String(512))
    custom_skills: str = Field(default="", sa_type=String(256))
    community_id: int = Field(foreign_key="communities.id", index=True)
    grid_id: int | None = Field(default=None, foreign_key="grids.id")
    status: str = Field(default=MemberStatus.PENDING, sa_type=String(16), index=True)
    reviewed_by: int | None = Field(default=None, sa_type=BigInteger)
    reviewed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    reject_reason: str | None = Field(default=None, sa_type=String(4096))
    # named on public result cards and the points board only when the member said so (双报到 or
    # 我的资料); otherwise the surname and "**" (services.orders.public_name)
    show_name_public: bool = Field(default=False)
    # when the member was asked that (双报到, the one-off notice to members who signed up before
    # the question existed, or their answer in 我的资料); None: never asked (services.member_jobs)
    name_asked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    points: int = Field(default=0)
    service_minutes: int = Field(default=0)
    # the member's own 暂停接单 (我的资料, or said: '我这周出差，先别派给我'): since when, and
    # until when (None: until they resume). While it holds they are offered no new orders; they
    # keep their standing, their menu and their claims (unlike staff's ⏸ 暂停: `status`)
    paused_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    paused_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # their latest request to serve another community (services.members.ask_move): which one,
    # when asked, and where it stands (MoveState; None: never asked), decided by whom and when.
    # Only one at a time is pending; the staff's tap that decides it is a conditional update
    move_to_id: int | None = Field(default=None)
    move_state: str | None = Field(default=None, sa_type=String(16))
    move_asked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    move_decided_by: int | None = Field(default=None, sa_type=BigInteger)
    move_decided_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)

    def paused(self, now: datetime) -> bool:
        """Whether the member's own pause holds at `now` (one with an end that passed does not)."""
        if self.paused_at is None:
            return False
        return self.paused_until is None or self.paused_until > now

    @property
    def display_name(self) -> str:
        """The member's name as others read it: DELETED_NAME once they deleted their data
        (/forget writes "-" over it)."""
        return member_name(self.real_name)

    @property
    def skill_list(self) -> list[str]:
        """Skill codes as a list."""
        return [s for s in self.skills.split(",") if s]


class StaffScope(SQLModel, table=True):
    """A community (and optionally one grid of it) a staff account acts in."""

    __tablename__ = "staff_scopes"
    __table_args__ = (
        UniqueConstraint("user_id", "community_id", "grid_id", name="uq_staff_scope"),
    )

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(sa_type=BigInteger, foreign_key="users.id", index=True)
    community_id: int = Field(foreign_key="communities.id", index=True)
    grid_id: int | None = Field(default=None, foreign_key="grids.id")
    granted_by: int | None = Field(default=None, sa_type=BigInteger)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Invitation(SQLModel, table=True):
    """A one-time deep link (/start inv-CODE) that makes its user staff of a community."""

    __tablename__ = "invitations"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(sa_type=String(40), unique=True, index=True)
    role: str = Field(default=Role.STAFF, sa_type=String(16))
    community_id: int | None = Field(default=None, foreign_key="communities.id")
    grid_id: int | None = Field(default=None, foreign_key="grids.id")
    created_by: int = Field(sa_type=BigInteger)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    expires_at: datetime = Field(sa_type=UTCDateTime)
    used_by: int | None = Field(default=None, sa_type=BigInteger)
    used_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    revoked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class AuditEvent(SQLModel, table=True):
    """Who did what to what, for actions outside the order ledger (grants, approvals, refusals)."""

    __tablename__ = "audit_events"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)
    actor_id: int | None = Field(default=None, sa_type=BigInteger, index=True)
    action: str = Field(sa_type=String(64))
    subject_type: str = Field(default="", sa_type=String(32))
    subject_id: str = Field(default="", sa_type=String(64))
    detail: str = Field(default="", sa_type=String(2000))


__all__ = [
    "AuditEvent",
    "Invitation",
    "MemberProfile",
    "MemberStatus",
    "Role",
    "StaffScope",
    "User",
]
