"""Admins edit the org structure in the bot: add a community, a grid or a building, rename a
community, a grid or a building, give a community or a grid an English name, move a building
to another grid of its community. Like `linli org import` (services.org.import_org), which
keys grids by (community, name) and buildings by (community, name), names are unique among
their community's grids and buildings, and communities among the sub-district's. Every change
is audited."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import func, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import Building, Community, Grid, Role, User
from models.orders import Request
from services import audit
from services.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from services.listing import Listing
from services.staff_place import PLACE_EDITABLE
from services.validation import office_phone_number

# A typed name fits on a button and a card's line (a file import allows 100 characters)
MAX_NAME = 30
# The open matters a refused move names (more are counted, not listed)
SHOWN_MATTERS = 5


@dataclass(frozen=True)
class Named:
    """What an edit made or renamed: its kind ("community", "grid", "building"), id and name,
    and the name it had before (a rename)."""

    kind: str
    id: int
    name: str
    before: str = ""
    changed: bool = True  # False: it already was so (a confirmation tapped twice)


async def _require_admin(
    session: AsyncSession, *, user: User, roles: Collection[Role], action: str
) -> None:
    if Role.ADMIN in roles:
        return
    audit.record(session, actor_id=user.id, action="refused", detail=action)
    await session.commit()
    raise PermissionDenied("err-not-allowed")


def clean_name(text: str) -> str:
    """A typed name with its spaces tidied; too long, empty or odd text is refused."""
    name = " ".join((text or "").split())
    if not name:
        raise InvalidInput("org-err-name-empty")
    if len(name) > MAX_NAME:
        raise InvalidInput("org-err-name-long", limit=MAX_NAME, length=len(name))
    if any(ord(ch) < 32 for ch in name) or name.startswith("/"):
        raise InvalidInput("org-err-name-odd")
    return name


async def _community(session: AsyncSession, community_id: int) -> Community:
    community = await session.get(Community, community_id)
    if community is None or community.id is None:
        raise NotFound("org-err-gone")
    return community


async def _grid(session: AsyncSession, grid_id: int) -> Grid:
    grid = await session.get(Grid, grid_id)
    if grid is None or grid.id is None:
        raise NotFound("org-err-gone")
    return grid


async def _building(session: AsyncSession, building_id: int) -> Building:
    building = await session.get(Building, building_id)
    if building is None or building.id is None:
        raise NotFound("org-err-gone")
    return building


async def _taken(session: AsyncSession, stmt: object, name: str, key: str) -> None:
    if (await session.exec(stmt)).first() is not None:  # type: ignore[call-overload]
        raise Conflict(key, name=name)


def _record(
    session: AsyncSession, user: User, action: str, kind: str, sid: int, note: str
) -> None:
    audit.record(
        session, actor_id=user.id, action=action, subject_type=kind, subject_id=sid, detail=note
    )


async def new_community_name(
    session: AsyncSession, *, user: User, roles: Collection[Role], name: str
) -> str:
    """The name typed for a new community, tidied; one another community has (as its name or
    its English name, letter case aside) is refused: typed, the two could not be told apart."""
    await _require_admin(session, user=user, roles=roles, action="org_add_community")
    name = clean_name(name)
    for community in (await session.exec(select(Community))).all():
        if name.casefold() in {community.name.casefold(), (community.name_en or "").casefold()}:
            raise Conflict("org-err-community-taken", name=name)
    return name


async def new_community_english(
    session: AsyncSession, *, user: User, roles: Collection[Role], name: str, chinese: str
) -> str:
    """The English name typed for a new community (to be called `chinese`), tidied: it needs a
    Latin letter and is unique as the names are, letter case aside."""
    await _require_admin(session, user=user, roles=roles, action="org_add_community")
    english = clean_name(name)
    if not any("a" <= ch.lower() <= "z" for ch in english):
        raise InvalidInput("org-err-english-latin")
    taken = {chinese.casefold()}
    for community in (await session.exec(select(Community))).all():
        taken |= {community.name.casefold(), (community.name_en or "").casefold()}
    if english.casefold() in taken:
        raise Conflict("org-err-community-taken", name=english)
    return english


async def add_community(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    name: str,
    name_en: str | None = None,
) -> Named:
    """A new community of the sub-district (its grids and buildings are added next), with its
    English name where one is given; the names are checked again (another admin may have taken
    one since they were typed)."""
    name = await new_community_name(session, user=user, roles=roles, name=name)
    if name_en:
        name_en = await new_community_english(
            session, user=user, roles=roles, name=name_en, chinese=name
        )
    community = Community(name=name, name_en=name_en or None)
    session.add(community)
    try:
        await session.flush()
    except IntegrityError:  # another admin added it between the check and now
        await session.rollback()
        raise Conflict("org-err-community-taken", name=name) from None
    assert community.id is not None
    _record(session, user, "org_add_community", "community", community.id, name)
    await session.commit()
    return Named("community", community.id, name)


async def add_grid(
    session: AsyncSession, *, user: User, roles: Collection[Role], community_id: int, name: str
) -> Named:
    """A new grid of a community (its buildings are added or moved to it next)."""
    await _require_admin(session, user=user, roles=roles, action="org_add_grid")
    community = await _community(session, community_id)
    name = clean_name(name)
    await _taken(
        session,
        select(Grid.id).where(Grid.community_id == community.id, Grid.name == name),
        name,
        "org-err-grid-taken",
    )
    grid = Grid(community_id=community_id, name=name)
    session.add(grid)
    await session.flush()
    assert grid.id is not None
    _record(session, user, "org_add_grid", "grid", grid.id, f"{community.name}/{name}")
    await session.commit()
    return Named("grid", grid.id, name)


async def add_building(
    session: AsyncSession, *, user: User, roles: Collection[Role], grid_id: int, name: str
) -> Named:
    """A new building in a grid (no households counted yet; an import sets them)."""
    await _require_admin(session, user=user, roles=roles, action="org_add_building")
    grid = await _grid(session, grid_id)
    name = clean_name(name)
    await _taken(
        session,
        select(Building.id).where(
            Building.community_id == grid.community_id, Building.name == name
        ),
        name,
        "org-err-building-taken",
    )
    building = Building(community_id=grid.community_id, grid_id=grid_id, name=name)
    session.add(building)
    await session.flush()
    assert building.id is not None
    _record(session, user, "org_add_building", "building", building.id, f"{grid.name}/{name}")
    await session.commit()
    return Named("building", building.id, name)


async def rename(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    kind: str,
    target_id: int,
    name: str,
) -> Named:
    """Rename a community, a grid or a building (`kind`); the same name again changes nothing."""
    await _require_admin(session, user=user, roles=roles, action=f"org_rename_{kind}")
    name = clean_name(name)
    thing: Community | Grid | Building
    if kind == "community":
        thing = await _community(session, target_id)
        stmt: object = select(Community.id).where(Community.name == name)
    elif kind == "grid":
        thing = await _grid(session, target_id)
        stmt = select(Grid.id).where(Grid.community_id == thing.community_id, Grid.name == name)
    elif kind == "building":
        thing = await _building(session, target_id)
        stmt = select(Building.id).where(
            Building.community_id == thing.community_id, Building.name == name
        )
    else:
        raise InvalidInput("err-stale-button")
    before = thing.name
    if before != name:
        await _taken(session, stmt, name, f"org-err-{kind}-taken")
        thing.name = name
        _record(session, user, f"org_rename_{kind}", kind, target_id, f"{before} → {name}")
        await session.commit()
    return Named(kind, target_id, name, before)


# typed in place of an English name: there is none (English readers see the Chinese name)
NO_ENGLISH = "-"


async def set_english_name(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    kind: str,
    target_id: int,
    name: str,
) -> Named:
    """Set (or, typed NO_ENGLISH, clear) the English name of a community or a grid (`kind`),
    which English readers see in place of the Chinese name and which is read when typed. It
    needs a Latin letter, and is unique as the names are (letter case aside): two communities
    both read as 'Sunshine' could not be told apart when typed. `before` is the old English
    name ("" for none); the same name again changes nothing."""
    await _require_admin(session, user=user, roles=roles, action=f"org_english_{kind}")
    typed = " ".join((name or "").split())
    new = None if typed == NO_ENGLISH else clean_name(typed)
    thing: Community | Grid
    if kind == "community":
        thing = await _community(session, target_id)
        others: object = select(Community.name_en).where(Community.id != target_id)
    elif kind == "grid":
        thing = await _grid(session, target_id)
        others = select(Grid.name_en).where(
            Grid.community_id == thing.community_id, Grid.id != target_id
        )
    else:
        raise InvalidInput("err-stale-button")
    if new is not None:
        if not any("a" <= ch.lower() <= "z" for ch in new):
            raise InvalidInput("org-err-english-latin")
        taken = (await session.exec(others)).all()  # type: ignore[call-overload]
        if any(other and other.casefold() == new.casefold() for other in taken):
            raise Conflict(f"org-err-{kind}-taken", name=new)
    before = thing.name_en or ""
    if before != (new or ""):
        thing.name_en = new
        _record(session, user, f"org_english_{kind}", kind, target_id, f"{before} → {new or ''}")
        await session.commit()
    return Named(kind, target_id, new or "", before)


async def open_matters(session: AsyncSession, *, building_id: int) -> list[str]:
    """The numbers of the unfinished requests at a building, oldest first."""
    rows = await session.exec(
        select(Request)
        .where(col(Request.building_id) == building_id, col(Request.status).in_(PLACE_EDITABLE))
        .order_by(col(Request.id))
    )
    return [r.number for r in rows.all()]


async def move_building(
    session: AsyncSession, *, user: User, roles: Collection[Role], building_id: int, grid_id: int
) -> Named:
    """Move a building to another grid of its community; its residents' grid moves with it.

    Refused while matters there are unfinished (org-err-move-open, naming them): their grid's
    staff hold them and members may be on their way, so they are finished (or moved with 📍
    改地点) first. Finished matters keep the grid they were handled in, as the ledger has it."""
    await _require_admin(session, user=user, roles=roles, action="org_move_building")
    building = await _building(session, building_id)
    grid = await _grid(session, grid_id)
    if grid.community_id != building.community_id:
        audit.record(
            session,
            actor_id=user.id,
            action="refused",
            subject_type="building",
            subject_id=building_id,
            detail="org_move_foreign",
        )
        await session.commit()
        raise PermissionDenied("err-not-allowed")
    if building.grid_id == grid.id:  # already moved (a stale ✅ tapped again): nothing to do
        return Named("building", building_id, building.name, grid.name, changed=False)
    numbers = await open_matters(session, building_id=building_id)
    if numbers:
        shown = Listing(numbers[:SHOWN_MATTERS])
        more = len(numbers) - SHOWN_MATTERS if len(numbers) > SHOWN_MATTERS else 0
        raise Conflict(
            "org-err-move-open",
            building=building.name,
            count=len(numbers),
            numbers=shown,
            more=more,
        )
    old = await session.get(Grid, building.grid_id)
    building.grid_id = grid_id
    await session.exec(  # type: ignore[call-overload]
        update(User).where(col(User.building_id) == building_id).values(grid_id=grid_id)
    )
    _record(
        session,
        user,
        "org_move_building",
        "building",
        building_id,
        f"{old.name if old else '-'} → {grid.name}",
    )
    await session.commit()
    return Named("building", building_id, building.name, old.name if old else "-")


async def counts(session: AsyncSession, *, community_id: int) -> dict[int, int]:
    """How many buildings each grid of a community has."""
    rows = await session.exec(
        select(Building.grid_id, func.count())
        .where(Building.community_id == community_id)
        .group_by(col(Building.grid_id))
    )
    return {gid: n for gid, n in rows.all()}


# ------------------------------------------------------------------ a community office's contact

# What an admin types for each of the office's details, and the longest allowed (the columns
# take more, from a file import; typed here they stay a line of ❓ 帮助)
CONTACT_FIELDS = ("phone", "address", "office_hours")
MAX_ADDRESS = 100
MAX_HOURS = 60
# typed in place of a value: the office has none on file (residents are not told one)
CLEAR_WORDS = frozenset({NO_ENGLISH, "清空", "删除", "无", "clear", "none"})


def clean_contact(field: str, text: str) -> str | None:
    """A typed phone (normalised as services.validation.office_phone_number has it: a mobile, a
    landline with its area code, a 400 / 800 service number), address or opening hours,
    tidied; None for a clearing word ('-', '清空', 'clear'). Too long, empty or odd text is
    refused."""
    typed = " ".join((text or "").split())
    if typed.casefold() in CLEAR_WORDS:
        return None
    if not typed:
        raise InvalidInput("org-err-contact-empty")
    if any(ord(ch) < 32 for ch in typed) or typed.startswith("/"):
        raise InvalidInput("org-err-contact-odd")
    if field == "phone":
        try:
            return office_phone_number(typed)
        except InvalidInput:
            raise InvalidInput("org-err-contact-phone") from None
    if field not in CONTACT_FIELDS:
        raise InvalidInput("err-stale-button")
    limit = MAX_ADDRESS if field == "address" else MAX_HOURS
    if len(typed) > limit:
        raise InvalidInput("org-err-contact-long", limit=limit, length=len(typed))
    return typed


async def set_contact(
    session: AsyncSession,
    *,
    user: User,
    roles: Collection[Role],
    community_id: int,
    field: str,
    value: str,
) -> Named:
    """Set (or, typed a clearing word, clear) a community office's phone, address or opening
    hours (`field`), which residents are told in ❓ 帮助, when filing at night and where a call
    back is suggested. `name` is the new value ("" for none), `before` the old one; the same
    value again changes nothing (`changed` False). Audited as the other org edits are."""
    if field not in CONTACT_FIELDS:
        raise InvalidInput("err-stale-button")
    await _require_admin(session, user=user, roles=roles, action=f"org_contact_{field}")
    new = clean_contact(field, value)
    community = await _community(session, community_id)
    before = getattr(community, field) or ""
    if before == (new or ""):
        return Named("community", community_id, new or "", before, changed=False)
    setattr(community, field, new)
    _record(
        session,
        user,
        f"org_contact_{field}",
        "community",
        community_id,
        f"{community.name}: {before or '-'} → {new or '-'}",
    )
    await session.commit()
    return Named("community", community_id, new or "", before)
