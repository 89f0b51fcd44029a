"""The org structure: import from YAML/CSV/XLSX, print as a tree, look up for menus."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import AuditEvent, Building, Community, Grid, User, shown_name
from services.errors import InvalidInput
from services.validation import phone_number

_HEADERS = {
    "community": "community",
    "社区": "community",
    "grid": "grid",
    "网格": "grid",
    "community_en": "community_en",
    "社区英文名": "community_en",
    "grid_en": "grid_en",
    "网格英文名": "grid_en",
    "building": "building",
    "楼栋": "building",
    "households": "households",
    "户数": "households",
    "public_channel_id": "public_channel_id",
    "公开频道": "public_channel_id",
    "phone": "phone",
    "社区电话": "phone",
    "address": "address",
    "社区地址": "address",
    "office_hours": "office_hours",
    "办公时间": "office_hours",
}


class OrgFileError(Exception):
    """A bad org file: names the row (or YAML path) and the reason; nothing was imported."""


@dataclass(frozen=True)
class Contact:
    """A community office's phone, address and opening hours (each optional)."""

    phone: str | None = None
    address: str | None = None
    office_hours: str | None = None


def _contact(get: Any, *, where: str) -> Contact | None:
    """The community contact from a YAML mapping or a table row (`get(key)`); None if none."""
    values = {}
    for key, limit in (("phone", 32), ("address", 200), ("office_hours", 100)):
        raw = get(key)
        text = " ".join(str(raw).split()) if raw is not None else ""
        if len(text) > limit:
            raise OrgFileError(f"{where}: {key} is longer than {limit} characters")
        values[key] = text or None
    if values["phone"] is not None:
        try:
            values["phone"] = phone_number(values["phone"])
        except InvalidInput:
            raise OrgFileError(
                f"{where}: phone {values['phone']!r} is not a phone number"
            ) from None
    return Contact(**values) if any(values.values()) else None


@dataclass
class BuildingRow:
    """One building as read from a file."""

    where: str
    community: str
    grid: str
    building: str
    households: int
    public_channel_id: int | None = None
    contact: Contact | None = None  # the community office's, where the file gives it
    # the English names shown to English readers, where the file gives them
    community_en: str | None = None
    grid_en: str | None = None


@dataclass
class ImportReport:
    """What an import changed."""

    communities_added: int = 0
    grids_added: int = 0
    buildings_added: int = 0
    buildings_updated: int = 0
    rows: int = 0
    notes: list[str] = field(default_factory=list)  # e.g. the old names a file still uses

    def note(self, text: str) -> None:
        """A line for whoever imports (once each)."""
        if text not in self.notes:
            self.notes.append(text)


def _name(value: Any, *, what: str, where: str) -> str:
    text = "" if value is None else str(value).strip()
    if not text:
        raise OrgFileError(f"{where}: {what} is empty")
    if len(text) > 100:
        raise OrgFileError(f"{where}: {what} is longer than 100 characters")
    if any(ord(ch) < 32 for ch in text):
        raise OrgFileError(f"{where}: {what} contains control characters")
    return text


def _english(value: Any, *, what: str, where: str) -> str | None:
    """An optional English name: absent or empty is None."""
    if value is None or str(value).strip() == "":
        return None
    return _name(value, what=what, where=where)


def _households(value: Any, *, where: str) -> int:
    if value is None or str(value).strip() == "":
        return 0
    try:
        number = int(float(str(value).strip()))
    except (ValueError, OverflowError):  # 'abc', 'nan'; 'inf', '1e999'
        raise OrgFileError(f"{where}: households {value!r} is not a number") from None
    if not 0 <= number <= 100_000:
        raise OrgFileError(f"{where}: households {number} is out of range")
    return number


def _channel(value: Any, *, where: str) -> int | None:
    if value is None or str(value).strip() == "":
        return None
    try:
        return int(str(value).strip())
    except ValueError:
        raise OrgFileError(f"{where}: public_channel_id {value!r} is not a chat id") from None


def read_org_file(path: Path) -> list[BuildingRow]:
    """Parse and validate a YAML, CSV or XLSX org file (raises OrgFileError)."""
    if not path.exists():
        raise OrgFileError(f"{path}: no such file")
    if not path.is_file():
        raise OrgFileError(f"{path}: not a file")
    suffix = path.suffix.lower()
    if suffix in {".yaml", ".yml"}:
        rows = _read_yaml(path)
    elif suffix == ".csv":
        rows = _read_table(_csv_rows(path), source=path.name)
    elif suffix == ".xlsx":
        rows = _read_table(_xlsx_rows(path), source=path.name)
    else:
        raise OrgFileError(f"{path}: use .yaml, .csv or .xlsx")
    if not rows:
        raise OrgFileError(f"{path}: no buildings found")
    _check_consistency(rows)
    return rows


def _read_yaml(path: Path) -> list[BuildingRow]:
    try:
        data = yaml.safe_load(_read_bytes(path).decode("utf-8"))
    except UnicodeDecodeError:
        raise OrgFileError(f"{path.name}: not UTF-8 text") from None
    except yaml.YAMLError as exc:
        raise OrgFileError(f"{path.name}: not valid YAML ({_yaml_problem(exc)})") from None
    if not isinstance(data, dict) or not isinstance(data.get("communities"), list):
        raise OrgFileError(f"{path.name}: expected a mapping with a 'communities' list")
    rows: list[BuildingRow] = []
    for ci, community in enumerate(data["communities"], start=1):
        where_c = f"communities[{ci}]"
        if not isinstance(community, dict):
            raise OrgFileError(f"{where_c}: expected a mapping")
        cname = _name(community.get("name"), what="community name", where=where_c)
        cname_en = _english(community.get("name_en"), what="community name_en", where=where_c)
        channel = _channel(community.get("public_channel_id"), where=where_c)
        contact = _contact(
            lambda key, c=community: (
                c.get(key) if key != "office_hours" else c.get(key, c.get("hours"))
            ),
            where=where_c,
        )
        grids = community.get("grids") or []
        if not isinstance(grids, list) or not grids:
            raise OrgFileError(f"{where_c} ({cname}): needs a non-empty 'grids' list")
        for gi, grid in enumerate(grids, start=1):
            where_g = f"{where_c}.grids[{gi}]"
            if not isinstance(grid, dict):
                raise OrgFileError(f"{where_g}: expected a mapping")
            gname = _name(grid.get("name"), what="grid name", where=where_g)
            gname_en = _english(grid.get("name_en"), what="grid name_en", where=where_g)
            buildings = grid.get("buildings") or []
            if not isinstance(buildings, list) or not buildings:
                raise OrgFileError(f"{where_g} ({gname}): needs a non-empty 'buildings' list")
            for bi, building in enumerate(buildings, start=1):
                where_b = f"{where_g}.buildings[{bi}]"
                if isinstance(building, str | int):
                    building = {"name": building}
                if not isinstance(building, dict):
                    raise OrgFileError(f"{where_b}: expected a name or a mapping")
                rows.append(
                    BuildingRow(
                        where=where_b,
                        community=cname,
                        grid=gname,
                        building=_name(building.get("name"), what="building name", where=where_b),
                        households=_households(building.get("households"), where=where_b),
                        public_channel_id=channel,
                        contact=contact,
                        community_en=cname_en,
                        grid_en=gname_en,
                    )
                )
    return rows


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:  # unreadable: permissions, a device, an I/O error
        raise OrgFileError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def _yaml_problem(exc: yaml.YAMLError) -> str:
    """PyYAML's error on one line: what is wrong and where (its own text spans several)."""
    problem = getattr(exc, "problem", None) or getattr(exc, "context", None)
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if problem is None:
        return " ".join(str(exc).split())
    if mark is None:
        return str(problem)
    return f"{problem} at line {mark.line + 1}, column {mark.column + 1}"


def _csv_rows(path: Path) -> list[list[Any]]:
    raw = _read_bytes(path)
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise OrgFileError(f"{path.name}: not UTF-8 or GB18030 text")
    return [list(row) for row in csv.reader(io.StringIO(text))]


def _xlsx_rows(path: Path) -> list[list[Any]]:
    from openpyxl import load_workbook  # heavy; only for this command

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise OrgFileError(f"{path.name}: not a readable XLSX file ({exc})") from None
    sheet = book.worksheets[0]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    book.close()
    return rows


def _read_table(table: Sequence[Sequence[Any]], *, source: str) -> list[BuildingRow]:
    if not table:
        raise OrgFileError(f"{source}: the file is empty")
    header = [str(cell or "").strip().lower() for cell in table[0]]
    columns: dict[str, int] = {}
    for index, name in enumerate(header):
        key = _HEADERS.get(name) or _HEADERS.get(str(table[0][index] or "").strip())
        if key:
            columns[key] = index
    missing = [c for c in ("community", "grid", "building") if c not in columns]
    if missing:
        raise OrgFileError(f"{source} row 1: missing column(s) {', '.join(missing)}")
    rows: list[BuildingRow] = []
    for number, row in enumerate(table[1:], start=2):
        if not any(str(cell or "").strip() for cell in row):
            continue
        where = f"{source} row {number}"

        def cell(key: str, row: Sequence[Any] = row) -> Any:
            index = columns.get(key)
            return row[index] if index is not None and index < len(row) else None

        rows.append(
            BuildingRow(
                where=where,
                community=_name(cell("community"), what="community", where=where),
                grid=_name(cell("grid"), what="grid", where=where),
                building=_name(cell("building"), what="building", where=where),
                households=_households(cell("households"), where=where),
                public_channel_id=_channel(cell("public_channel_id"), where=where),
                contact=_contact(cell, where=where),
                community_en=_english(cell("community_en"), what="community_en", where=where),
                grid_en=_english(cell("grid_en"), what="grid_en", where=where),
            )
        )
    return rows


def _check_consistency(rows: list[BuildingRow]) -> None:
    seen: dict[tuple[str, str], BuildingRow] = {}
    for row in rows:
        key = (row.community, row.building)
        if key in seen and seen[key].grid != row.grid:
            raise OrgFileError(
                f"{row.where}: building {row.building} of {row.community} is also listed in "
                f"grid {seen[key].grid} ({seen[key].where})"
            )
        seen[key] = row


async def import_org(session: AsyncSession, *, rows: list[BuildingRow]) -> ImportReport:
    """Create or update communities, grids and buildings; all or nothing (commits once)."""
    report = ImportReport(rows=len(rows))
    communities = {c.name: c for c in (await session.exec(select(Community))).all()}
    grids = {(g.community_id, g.name): g for g in (await session.exec(select(Grid))).all()}
    buildings = {(b.community_id, b.name): b for b in (await session.exec(select(Building))).all()}
    await _add_renamed(session, communities, grids, buildings, report)
    try:
        for row in rows:
            community = communities.get(row.community)
            if community is None:
                community = Community(name=row.community, public_channel_id=row.public_channel_id)
                session.add(community)
                await session.flush()
                communities[row.community] = community
                report.communities_added += 1
            elif row.public_channel_id is not None:
                community.public_channel_id = row.public_channel_id
            _note_renamed(report, "community", row.community, community.name)
            if row.community_en is not None:  # an English name the file leaves out stays
                community.name_en = row.community_en
            if row.contact is not None:  # the file's values; what it leaves out stays
                for key in ("phone", "address", "office_hours"):
                    if (value := getattr(row.contact, key)) is not None:
                        setattr(community, key, value)
            assert community.id is not None
            grid = grids.get((community.id, row.grid))
            if grid is None:
                grid = Grid(community_id=community.id, name=row.grid)
                session.add(grid)
                await session.flush()
                grids[(community.id, row.grid)] = grid
                report.grids_added += 1
            _note_renamed(report, "grid", row.grid, grid.name)
            if row.grid_en is not None:
                grid.name_en = row.grid_en
            assert grid.id is not None
            building = buildings.get((community.id, row.building))
            if building is not None:
                _note_renamed(report, "building", row.building, building.name)
            if building is None:
                building = Building(
                    community_id=community.id,
                    grid_id=grid.id,
                    name=row.building,
                    households=row.households,
                )
                session.add(building)
                buildings[(community.id, row.building)] = building
                report.buildings_added += 1
            elif building.grid_id != grid.id or building.households != row.households:
                if building.grid_id != grid.id:
                    await _move_building(session, building, grid, row)
                building.households = row.households
                report.buildings_updated += 1
        await session.commit()
    except Exception:
        await session.rollback()
        raise
    return report


def _note_renamed(report: ImportReport, kind: str, in_file: str, now: str) -> None:
    if in_file != now:
        report.note(f"{kind} {in_file} was renamed {now} in the bot: kept as {now}")


_RENAMES = ("org_rename_community", "org_rename_grid", "org_rename_building")


async def _add_renamed(
    session: AsyncSession,
    communities: dict[str, Community],
    grids: dict[tuple[int, str], Grid],
    buildings: dict[tuple[int, str], Building],
    report: ImportReport,
) -> None:
    """Names an admin changed in the bot (audited as 'old → new') still find what they name:
    a file written before the rename is the old truth, and importing it again must not
    create the old name anew beside the renamed one. A name in use again (something new was
    given it) is that new thing's. The report notes each old name the file used."""
    events = (
        await session.exec(
            select(AuditEvent)
            .where(col(AuditEvent.action).in_(_RENAMES))
            .order_by(col(AuditEvent.id))
        )
    ).all()
    by_id: dict[tuple[str, int], Community | Grid | Building] = {
        **{("community", c.id or 0): c for c in communities.values()},
        **{("grid", g.id or 0): g for g in grids.values()},
        **{("building", b.id or 0): b for b in buildings.values()},
    }
    for event in events:
        before, arrow, _ = event.detail.partition(" → ")
        if not arrow or not event.subject_id.isdigit():
            continue
        thing = by_id.get((event.subject_type, int(event.subject_id)))
        if thing is None or thing.name == before:
            continue
        if isinstance(thing, Community):
            communities.setdefault(before, thing)
        elif isinstance(thing, Grid):
            grids.setdefault((thing.community_id, before), thing)
        else:
            buildings.setdefault((thing.community_id, before), thing)


async def _move_building(
    session: AsyncSession, building: Building, grid: Grid, row: BuildingRow
) -> None:
    """A building the file puts in another grid: its residents' grid moves with it, as when an
    admin moves it in the bot (services.org_edit.move_building); refused, with nothing
    imported, while matters there are unfinished (their grid's staff hold them)."""
    from services.org_edit import open_matters

    assert building.id is not None and grid.id is not None
    numbers = await open_matters(session, building_id=building.id)
    if numbers:
        shown = ", ".join(numbers[:10]) + (" …" if len(numbers) > 10 else "")
        raise OrgFileError(
            f"{row.community} {row.building}: the file moves it to {row.grid}, but "
            f"{len(numbers)} matters there are unfinished ({shown}); finish them or move them "
            "with 📍 改地点 first; nothing was imported"
        )
    building.grid_id = grid.id
    await session.exec(  # type: ignore[call-overload]
        update(User).where(col(User.building_id) == building.id).values(grid_id=grid.id)
    )


@dataclass(frozen=True)
class OrgTree:
    """Communities with their grids and buildings, for printing."""

    communities: list[tuple[Community, list[tuple[Grid, list[Building]]]]]


async def org_tree(session: AsyncSession) -> OrgTree:
    """The whole structure, sorted by name."""
    communities = (await session.exec(select(Community).order_by(col(Community.name)))).all()
    grids = (await session.exec(select(Grid).order_by(col(Grid.name)))).all()
    buildings = (await session.exec(select(Building).order_by(col(Building.name)))).all()
    out = []
    for community in communities:
        cgrids = []
        for grid in grids:
            if grid.community_id == community.id:
                cgrids.append((grid, [b for b in buildings if b.grid_id == grid.id]))
        out.append((community, cgrids))
    return OrgTree(communities=out)


def _both_names(place: Community | Grid) -> str:
    """A community's or grid's name and, where one is set, its English name ('阳光社区 /
    Sunshine Community'): the CLI is read by whoever runs it, in either language."""
    english = shown_name(place, "en")
    return place.name if english == place.name else f"{place.name} / {english}"


def format_tree(tree: OrgTree) -> str:
    """The tree as indented text for the CLI (communities and grids by both their names)."""
    lines: list[str] = []
    for community, grids in tree.communities:
        total = sum(b.households for _, bs in grids for b in bs)
        lines.append(f"{_both_names(community)}  (id {community.id}, {total} households)")
        for gi, (grid, buildings) in enumerate(grids):
            last_grid = gi == len(grids) - 1
            lines.append(f"{'└─' if last_grid else '├─'} {_both_names(grid)}  (id {grid.id})")
            for bi, building in enumerate(buildings):
                bar = "   " if last_grid else "│  "
                mark = "└─" if bi == len(buildings) - 1 else "├─"
                lines.append(f"{bar}{mark} {building.name}  ({building.households} households)")
    return "\n".join(lines) if lines else "(no communities yet: run `linli org import FILE`)"


async def list_communities(session: AsyncSession) -> list[Community]:
    """Every community, by name."""
    return list((await session.exec(select(Community).order_by(col(Community.name)))).all())


def without_place_names(text: str, communities: Sequence[Community]) -> str:
    """The words with the communities named in them left out ('阳光社区有几个社工' → '有几个
    社工'; also the short name '阳光', and the English name), for reading what is asked of them."""
    names: list[str] = []
    for community in communities:
        names.append(community.name)
        if community.name.endswith("社区") and len(community.name) > 3:
            names.append(community.name.removesuffix("社区"))
        if community.name_en:
            names.append(community.name_en)
    for name in sorted(names, key=len, reverse=True):
        text = re.sub(re.escape(name), " ", text, flags=re.IGNORECASE)
    return text


async def communities_to_live_in(session: AsyncSession) -> list[Community]:
    """The communities, by name, that have a building to live in: one an admin has just
    created (🏘 组织架构 → ➕ 新建社区), with no grids yet, is not offered to residents."""
    lived_in = select(Building.community_id).distinct()
    stmt = (
        select(Community)
        .where(col(Community.id).in_(lived_in))  # type: ignore[arg-type]
        .order_by(col(Community.name))
    )
    return list((await session.exec(stmt)).all())


async def list_grids(session: AsyncSession, *, community_id: int) -> list[Grid]:
    """The grids of a community, by name."""
    stmt = select(Grid).where(Grid.community_id == community_id).order_by(col(Grid.name))
    return list((await session.exec(stmt)).all())


async def list_buildings(
    session: AsyncSession, *, community_id: int, grid_id: int | None = None
) -> list[Building]:
    """The buildings of a community (or of one grid), by name."""
    stmt = select(Building).where(Building.community_id == community_id)
    if grid_id is not None:
        stmt = stmt.where(Building.grid_id == grid_id)
    return list((await session.exec(stmt.order_by(col(Building.id)))).all())


async def community_by_name(session: AsyncSession, *, name: str) -> Community | None:
    """A community by its exact name, else by its Chinese or English name as typed loosely:
    letter case, spaces and full-width letters aside (' 阳光社区', 'sunshine  community'), or
    without 社区 ('阳光') when that names one community only."""
    found = (await session.exec(select(Community).where(Community.name == name))).first()
    if found is not None or not name.strip():
        return found
    wanted = _typed_name(name)
    everyone = list((await session.exec(select(Community))).all())
    for community in everyone:
        if wanted in {_typed_name(community.name), _typed_name(community.name_en or "")}:
            return community
    short = [c for c in everyone if _typed_name(c.name) == wanted + "社区"]
    return short[0] if len(short) == 1 else None


def _typed_name(name: str) -> str:
    """A name as typed, compared: letter case, spaces and full-width forms aside ('grid 2',
    'Grid2', 'GRID 2', 'ｇｒｉｄ２')."""
    return "".join(unicodedata.normalize("NFKC", name).split()).casefold()


async def grid_by_name(session: AsyncSession, *, community_id: int, name: str) -> Grid | None:
    """A grid of the community by its exact name ('第一网格'), else by its Chinese or English
    name, letter case, spaces and full-width forms aside ('Grid 2', 'grid 2', ' 第二网格')."""
    stmt = select(Grid).where(Grid.community_id == community_id)
    grids = list((await session.exec(stmt)).all())
    found = next((g for g in grids if g.name == name), None)
    if found is not None or not name.strip():
        return found
    wanted = _typed_name(name)
    return next(
        (g for g in grids if wanted in {_typed_name(g.name), _typed_name(g.name_en or "")}), None
    )


async def grid_names(session: AsyncSession, *, lang: str) -> dict[int | None, str]:
    """Every grid's name by id, as a `lang` reader sees it."""
    return {g.id: shown_name(g, lang) for g in (await session.exec(select(Grid))).all()}


OFFICES_LISTED = 8  # community offices named to someone with no community yet


async def offices_with_phone(session: AsyncSession) -> list[Community]:
    """The community offices with a phone on file, in the order they were set up (at most
    `OFFICES_LISTED`): whom someone not registered yet, so of no community, can call."""
    rows = await session.exec(
        select(Community)
        .where(col(Community.phone).is_not(None), col(Community.phone) != "")
        .order_by(col(Community.id))
        .limit(OFFICES_LISTED)
    )
    return list(rows.all())


async def office_of(session: AsyncSession, *, user_id: int) -> Community | None:
    """The community office a person turns to — their address's community, else the one they
    serve in as a member, else the first they are staff of — when it has a contact on file."""
    from services.delivery import home_communities

    community_id = (await home_communities(session, chat_ids=[user_id])).get(user_id)
    community = await session.get(Community, community_id) if community_id else None
    if community is None or not (community.phone or community.address or community.office_hours):
        return None
    return community
