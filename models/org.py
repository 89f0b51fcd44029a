"""The org structure: sub-district (the deployment) → community → grid → building."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, String, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.base import UTCDateTime, utcnow


class Community(SQLModel, table=True):
    """社区: the unit staff are scoped to."""

    __tablename__ = "communities"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_type=String(100), unique=True, index=True)
    # shown to English readers (and read when typed) in place of the Chinese name, where set
    name_en: str | None = Field(default=None, sa_type=String(100))
    public_channel_id: int | None = Field(default=None, sa_type=BigInteger)
    # the community office (社区服务中心), told to residents where it helps (help, night filing)
    phone: str | None = Field(default=None, sa_type=String(32))
    address: str | None = Field(default=None, sa_type=String(200))
    office_hours: str | None = Field(default=None, sa_type=String(100))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Grid(SQLModel, table=True):
    """网格: 60–70 households under a grid leader."""

    __tablename__ = "grids"
    __table_args__ = (UniqueConstraint("community_id", "name", name="uq_grids_community_name"),)

    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="communities.id", index=True)
    name: str = Field(sa_type=String(100))
    name_en: str | None = Field(default=None, sa_type=String(100))


class Building(SQLModel, table=True):
    """楼栋: a building of a grid, with its number of households."""

    __tablename__ = "buildings"
    __table_args__ = (
        UniqueConstraint("community_id", "name", name="uq_buildings_community_name"),
    )

    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="communities.id", index=True)
    grid_id: int = Field(foreign_key="grids.id", index=True)
    name: str = Field(sa_type=String(100))
    households: int = Field(default=0)


def shown_name(place: Community | Grid, lang: str) -> str:
    """A community's or grid's name as a reader of `lang` sees it: the English name for an
    English reader where one is set, else the Chinese name."""
    if lang == "en" and place.name_en:
        return place.name_en
    return place.name
