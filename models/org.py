"""The org structure: sub-district (the deployment) → community → grid → building."""

from __future__ import annotations

import re
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


def shown_name(place: Community | Grid | Building, lang: str) -> str:
    """A community's, grid's or building's name as a reader of `lang` sees it: the English name
    for an English reader where one is set, else the Chinese name; a building numbered the
    usual way reads 'Building 3' ('3号楼', '3栋', '3幢') or 'Block A' ('A座') in English."""
    if lang != "en":
        return place.name
    if isinstance(place, Building):
        return building_in_english(place.name)
    return place.name_en or place.name


_NUMBERED = re.compile(r"^(\d+)\s*(?:号楼|号|栋|幢|楼)$")
_LETTERED = re.compile(r"^([A-Za-z])\s*(?:座|栋|幢|楼)$")


def building_in_english(name: str) -> str:
    """'3号楼' → 'Building 3', 'A座' → 'Block A'; another name as it is."""
    if found := _NUMBERED.match(name.strip()):
        return f"Building {found.group(1)}"
    if found := _LETTERED.match(name.strip()):
        return f"Block {found.group(1).upper()}"
    return name
