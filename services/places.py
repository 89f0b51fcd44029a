"""Where a matter is, as people read it: its community · grid · building, or a public area of
the community (a road, a square, a gate: no building) with staff's words for it
('阳光社区 · 公共区域 · 东门外马路').

A public area's word is a text of each reader's language (`PUBLIC_AREA_KEY`), so a place is a
placeable written out for its reader, as a list is (`Place` is a `Listing`:
services.order_notices.render, services.consult_common.localize and the bot's error texts
write it out for whoever reads it)."""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable

from sqlmodel.ext.asyncio.session import AsyncSession

from models import Community, Grid
from models.orders import Request
from services.listing import Listing

PUBLIC_AREA_KEY = "order-place-public-area"
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

    def __new__(cls, names: Iterable[str], *, public: str | None = None) -> Place:
        kept = tuple(name for name in names if name)
        tail = () if public is None else (PUBLIC_AREA_WORD, *((public,) if public else ()))
        made = str.__new__(cls, SEP.join((*kept, *tail)))
        made.items = kept
        made.public = public
        return made

    def read_in(self, text: Callable[[str], str]) -> str:
        """The place in the reader's language (`text`: a text of it by key)."""
        if self.public is None:
            return SEP.join(self.items)
        tail = (text(PUBLIC_AREA_KEY), *((self.public,) if self.public else ()))
        return SEP.join((*self.items, *tail))


def spot(req: Request, building: str | None) -> Place:
    """Where in its community a request is, at most its building (`building`: its name): a
    public area with staff's words for it; '-' when neither is known."""
    if req.public_area is not None:
        return Place((), public=req.public_area)
    return Place((building or "-",))


def line(names: Iterable[str], req: Request) -> Place:
    """A request's whole place: `names` (community, grid, building: those it has) and, in a
    public area, that."""
    return Place(names, public=req.public_area)


def place_key(req: Request) -> str:
    """The place a request is at, as a notice's de-duplication key names it: its building's
    id, or its public area (grid and words): a move to another public area is told, as a move
    to another building is."""
    if req.public_area is None:
        return str(req.building_id)
    words = zlib.crc32(req.public_area.encode("utf-8"))
    return f"area{req.grid_id or 0}-{words:08x}"


async def grid_label(session: AsyncSession, *, community_id: int, grid_id: int | None) -> str:
    """Who follows a matter, in words: its grid's name, or, in none, its community's (the
    whole community's staff: '由 阳光社区 处理', not '由 - 处理')."""
    if grid_id is not None and (grid := await session.get(Grid, grid_id)) is not None:
        return grid.name
    community = await session.get(Community, community_id)
    return community.name if community is not None else "-"
