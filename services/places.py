"""Where a matter is, as people read it: its community · grid · building, or a public area of
the community (a road, a square, a gate: no building) with staff's words for it
('阳光社区 · 公共区域 · 东门外马路').

A public area's word is a text of each reader's language (`PUBLIC_AREA_KEY`), so a place is a
placeable written out for its reader, as a list is (`Place` is a `Listing`:
services.order_notices.render, services.consult_common.localize and the bot's error texts
write it out for whoever reads it)."""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable, Sequence

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import Building, Community, Grid
from models.orders import Request
from models.org import building_in_english
from services.listing import Listing

PUBLIC_AREA_KEY = "order-place-public-area"
# which names of a place its reader reads: "en" the English ones, else the Chinese
PLACE_NAMES_KEY = "place-names-in"
# the key's zh-Hans text: a place as a plain string (the ledger's notes, '1号楼 → 公共区域 ·
# 东门外马路', kept in the deployment's language as its building names are)
PUBLIC_AREA_WORD = "公共区域"
PUBLIC_AREA_MAX = 40  # characters of staff's words for where in a public area it is
SEP = " · "


class Place(Listing):
    """Names of a place (community, grid, building: those given), joined by ' · ', and, for a
    matter in a public area of the community, the reader's word for that and staff's words for
    where (`public`; '' for none given). As a plain string the public area reads in
    zh-Hans."""

    public: str | None
    english: tuple[str, ...] | None

    def __new__(
        cls,
        names: Iterable[str],
        *,
        public: str | None = None,
        english: Iterable[str] | None = None,
    ) -> Place:
        kept = tuple(name for name in names if name)
        tail = () if public is None else (PUBLIC_AREA_WORD, *((public,) if public else ()))
        made = str.__new__(cls, SEP.join((*kept, *tail)))
        made.items = kept
        made.public = public
        # the same names as an English reader sees them (models.org.shown_name), where known
        made.english = tuple(name for name in english if name) if english is not None else None
        return made

    def read_in(self, text: Callable[[str], str]) -> str:
        """The place in the reader's language (`text`: a text of it by key): the names in
        English for a reader of English (`PLACE_NAMES_KEY` says which), where known."""
        items = self.items
        if self.english is not None and text(PLACE_NAMES_KEY) == "en":
            items = self.english
        if self.public is None:
            return SEP.join(items)
        tail = (text(PUBLIC_AREA_KEY), *((self.public,) if self.public else ()))
        return SEP.join((*items, *tail))


def spot(req: Request, building: str | None) -> Place:
    """Where in its community a request is, at most its building (`building`: its name; 'Building
    3' to an English reader): a public area with staff's words for it; '-' when neither is
    known."""
    if req.public_area is not None:
        return Place((), public=req.public_area)
    return at_building(building or "-")


async def spots(session: AsyncSession, requests: Sequence[Request]) -> dict[int, Place]:
    """Where each request is, at most its building (`spot`), by request id: a staff list's
    lines ('00003 · 水电维修 · 1号楼 · …'), the buildings read in one query."""
    ids = {r.building_id for r in requests if r.building_id is not None}
    names: dict[int | None, str] = {}
    if ids:
        rows = await session.exec(select(Building).where(col(Building.id).in_(ids)))
        names = {b.id: b.name for b in rows.all()}
    return {r.id or 0: spot(r, names.get(r.building_id)) for r in requests}


async def places_apart(
    session: AsyncSession, req: Request, other_id: int
) -> tuple[Place, Place] | None:
    """Where a matter and another (the one it is merged into) are, at most their buildings
    (`spot`), when they are not in the same building: a merge across buildings is said so on
    its confirmation. None in the same building (or the same public area, or no other)."""
    other = await session.get(Request, other_id)
    if other is None or (req.building_id, req.public_area) == (
        other.building_id,
        other.public_area,
    ):
        return None
    if req.building_id is not None and req.building_id == other.building_id:
        return None
    found = await spots(session, [req, other])
    return found[req.id or 0], found[other.id or 0]


def at_building(name: str) -> Place:
    """A building's name as its reader reads it ('Building 3' for 3号楼 in English)."""
    return Place((name,), english=(building_in_english(name),))


def named(place: Community | Grid) -> Place:
    """A community's or a grid's name as its reader reads it: the English name, where one is
    set, for a reader of English (models.org.shown_name)."""
    return Place((place.name,), english=(place.name_en or place.name,))


class PlaceNames(Listing):
    """Names of several places (grids, buildings: a meeting's audience) as one list, each as its
    reader reads it (`english`: the same names for a reader of English, as `Place`), joined by
    the reader's list-sep."""

    english: tuple[str, ...]

    def __new__(cls, names: Iterable[str], *, english: Iterable[str]) -> PlaceNames:
        kept = tuple(names)
        made = str.__new__(cls, "、".join(kept))
        made.items = kept
        made.english = tuple(english)
        return made

    def read_in(self, text: Callable[[str], str]) -> str:
        items = self.english if text(PLACE_NAMES_KEY) == "en" else self.items
        return text("list-sep").join(items)


def line(names: Iterable[str], req: Request, *, english: Iterable[str] | None = None) -> Place:
    """A request's whole place: `names` (community, grid, building: those it has; `english`
    the same for an English reader) and, in a public area, that."""
    return Place(names, public=req.public_area, english=english)


def place_key(req: Request) -> str:
    """The place a request is at, as a notice's de-duplication key names it: its building's
    id, or its public area (grid and words): a move to another public area is told, as a move
    to another building is."""
    if req.public_area is None:
        return str(req.building_id)
    words = zlib.crc32(req.public_area.encode("utf-8"))
    return f"area{req.grid_id or 0}-{words:08x}"


async def grid_label(session: AsyncSession, *, community_id: int, grid_id: int | None) -> Place:
    """Who follows a matter, in words: its grid's name, or, in none, its community's (the
    whole community's staff: '由 阳光社区 处理', not '由 - 处理'); in English for a reader of
    English where the English name is set (`named`)."""
    if grid_id is not None and (grid := await session.get(Grid, grid_id)) is not None:
        return named(grid)
    community = await session.get(Community, community_id)
    return named(community) if community is not None else Place(("-",))
