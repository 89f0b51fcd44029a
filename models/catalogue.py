"""The request catalogue as admins edit it, in the database every bot process reads."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Text
from sqlmodel import Field, SQLModel

from models.base import UTCDateTime, utcnow


class CatalogueVersion(SQLModel, table=True):
    """One state of the catalogue after an admin's /category edit; the newest is in force.

    Each bot process keeps the catalogue in memory and reloads it when a newer row appears
    (services.categories.CatalogueSync). No row: the deployment's file or the default.
    """

    __tablename__ = "catalogue_versions"

    id: int | None = Field(default=None, primary_key=True)
    # JSON: {"categories": [{code, names, deadline_hours, skills}, ...]}, as catalogue.yaml
    document: str = Field(sa_type=Text)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    created_by: int | None = Field(default=None, sa_type=BigInteger)


__all__ = ["CatalogueVersion"]
