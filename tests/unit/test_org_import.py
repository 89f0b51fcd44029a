"""The org import: idempotent, all-or-nothing, with the row and reason of a bad file."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import Building, Community, Grid
from services.org import OrgFileError, format_tree, import_org, org_tree, read_org_file

DEMO = Path(__file__).parents[2] / "bot" / "demo" / "org.yaml"


async def _counts(session: AsyncSession) -> tuple[int, int, int]:
    communities = len((await session.exec(select(Community))).all())
    grids = len((await session.exec(select(Grid))).all())
    buildings = len((await session.exec(select(Building))).all())
    return communities, grids, buildings


async def test_demo_yaml_imports_and_reimport_changes_nothing(session: AsyncSession) -> None:
    rows = read_org_file(DEMO)
    first = await import_org(session, rows=rows)
    assert first.communities_added == 2
    before = await _counts(session)
    again = await import_org(session, rows=read_org_file(DEMO))
    assert (again.communities_added, again.grids_added, again.buildings_added) == (0, 0, 0)
    assert await _counts(session) == before
    text = format_tree(await org_tree(session))
    assert "阳光社区" in text and "1号楼" in text


async def test_csv_update_moves_households(session: AsyncSession, tmp_path: Path) -> None:
    path = tmp_path / "org.csv"
    path.write_text("社区,网格,楼栋,户数\nA社区,一网格,1号楼,60\nA社区,一网格,2号楼,70\n")
    await import_org(session, rows=read_org_file(path))
    path.write_text("community,grid,building,households\nA社区,一网格,1号楼,66\n")
    report = await import_org(session, rows=read_org_file(path))
    assert report.buildings_updated == 1
    building = (await session.exec(select(Building).where(Building.name == "1号楼"))).one()
    assert building.households == 66
    assert await _counts(session) == (1, 1, 2)


async def test_xlsx_import(session: AsyncSession, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["社区", "网格", "楼栋", "户数"])
    sheet.append(["B社区", "二网格", "9号楼", 48])
    path = tmp_path / "org.xlsx"
    book.save(path)
    await import_org(session, rows=read_org_file(path))
    assert await _counts(session) == (1, 1, 1)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("社区,网格,楼栋,户数\nA,g,1号楼,lots\n", "row 2: households 'lots' is not a number"),
        ("社区,网格\nA,g\n", "row 1: missing column(s) building"),
        ("社区,网格,楼栋\nA,g,1\nA,,2\n", "row 3: grid is empty"),
        ("社区,网格,楼栋\nA,g1,1\nA,g2,1\n", "row 3: building 1 of A is also listed in grid g1"),
    ],
)
async def test_bad_csv_names_row_and_imports_nothing(
    session: AsyncSession, tmp_path: Path, content: str, reason: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content)
    with pytest.raises(OrgFileError) as info:
        read_org_file(path)
    assert reason in str(info.value)
    assert await _counts(session) == (0, 0, 0)


def test_bad_yaml_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("communities:\n  - name: X\n    grids: []\n")
    with pytest.raises(OrgFileError, match=r"communities\[1\] \(X\): needs a non-empty 'grids'"):
        read_org_file(path)


async def test_community_office_contact_from_yaml_and_csv(
    session: AsyncSession, tmp_path: Path
) -> None:
    await import_org(session, rows=read_org_file(DEMO))
    sunny = (await session.exec(select(Community).where(Community.name == "阳光社区"))).one()
    assert sunny.phone == "021-55500101" and sunny.address and sunny.office_hours
    path = tmp_path / "org.csv"
    path.write_text(
        "社区,网格,楼栋,社区电话,社区地址,办公时间\n"
        "阳光社区,第一网格,1号楼,(021) 5550 0199,,\n"
        "C社区,一网格,1号楼,,和平路 1 号,周一至周五 9:00-17:00\n"
    )
    await import_org(session, rows=read_org_file(path))
    await session.refresh(sunny)
    # the new phone, normalised; the address and hours the file left out stay as they were
    assert sunny.phone == "021-55500199" and sunny.address == "阳光路 88 号社区服务中心一楼"
    c = (await session.exec(select(Community).where(Community.name == "C社区"))).one()
    assert (c.phone, c.address, c.office_hours) == (None, "和平路 1 号", "周一至周五 9:00-17:00")


def test_a_bad_office_phone_names_the_row(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("社区,网格,楼栋,社区电话\nA,g,1,12345\n")
    with pytest.raises(OrgFileError, match=r"row 2: phone '12345' is not a phone number"):
        read_org_file(path)


async def test_a_building_moved_to_another_grid_takes_its_residents_and_spares_open_matters(
    session: AsyncSession, tmp_path: Path
) -> None:
    """As when an admin moves it in the bot: residents' grid follows; while a matter there is
    unfinished the file is refused whole (before, the building moved under its grid's staff
    and residents kept the old grid)."""
    from datetime import UTC, datetime

    from models import Role, User
    from models.orders import Request, RequestStatus
    from services import requests as req_svc
    from tests.orders.conftest import draft

    path = tmp_path / "org.csv"
    path.write_text("社区,网格,楼栋,户数\nA社区,一网格,1号楼,60\nA社区,二网格,2号楼,70\n")
    await import_org(session, rows=read_org_file(path))
    one = (await session.exec(select(Building).where(Building.name == "1号楼"))).one()
    grid1 = (await session.exec(select(Grid).where(Grid.name == "一网格"))).one()
    grid2 = (await session.exec(select(Grid).where(Grid.name == "二网格"))).one()
    now = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
    resident = User(
        id=4242,
        first_name="居民",
        consent_at=now,
        community_id=one.community_id,
        grid_id=grid1.id,
        building_id=one.id,
        room="101",
    )
    resident.set_roles({Role.RESIDENT})
    session.add(resident)
    await session.commit()
    filed = await req_svc.file_request(
        session, user=resident, draft=draft("1号楼楼道灯坏了"), suggestion=None, now=now
    )
    number, request_id = filed.request.number, filed.request.id
    one_id, grid1_id, grid2_id = one.id, grid1.id, grid2.id
    moved = tmp_path / "moved.csv"
    moved.write_text("社区,网格,楼栋,户数\nA社区,二网格,1号楼,60\nA社区,二网格,3号楼,50\n")
    with pytest.raises(OrgFileError, match="1号楼.*unfinished.*" + number):
        await import_org(session, rows=read_org_file(moved))
    session.expire_all()
    assert (await session.get(Building, one_id)).grid_id == grid1_id  # type: ignore[union-attr]
    assert await _counts(session) == (1, 2, 2)  # all or nothing: 3号楼 not added either
    request = await session.get(Request, request_id)
    assert request is not None
    request.status = RequestStatus.CLOSED
    await session.commit()
    await import_org(session, rows=read_org_file(moved))
    session.expire_all()
    assert (await session.get(Building, one_id)).grid_id == grid2_id  # type: ignore[union-attr]
    assert (await session.get(User, 4242)).grid_id == grid2_id  # type: ignore[union-attr]


async def test_names_renamed_in_the_bot_are_kept_when_an_older_file_is_imported(
    session: AsyncSession, tmp_path: Path
) -> None:
    """An admin renames a community, a grid and a building in the bot; the file written
    before is imported again: nothing is created under the old names (before, each came back
    beside the renamed one, residents' buildings split in two), the names stay as renamed,
    and the import says so."""
    from models import Role, User
    from services import org_edit

    path = tmp_path / "org.csv"
    path.write_text("社区,网格,楼栋,户数\nA社区,一网格,1号楼,60\nA社区,一网格,2号楼,70\n")
    await import_org(session, rows=read_org_file(path))
    admin = User(id=1, first_name="管理员")
    admin.set_roles({Role.ADMIN})
    session.add(admin)
    await session.commit()
    community = (await session.exec(select(Community))).one()
    grid = (await session.exec(select(Grid))).one()
    one = (await session.exec(select(Building).where(Building.name == "1号楼"))).one()
    roles = frozenset({Role.ADMIN})
    one_id = one.id
    for kind, target, name in (
        ("community", community.id, "阳光社区"),
        ("grid", grid.id, "第一网格"),
        ("building", one_id, "一号楼"),
    ):
        assert target is not None
        await org_edit.rename(
            session, user=admin, roles=roles, kind=kind, target_id=target, name=name
        )
    # the old file again, with a new household count for the renamed building
    path.write_text("社区,网格,楼栋,户数\nA社区,一网格,1号楼,64\nA社区,一网格,2号楼,70\n")
    report = await import_org(session, rows=read_org_file(path))
    assert (report.communities_added, report.grids_added, report.buildings_added) == (0, 0, 0)
    assert await _counts(session) == (1, 1, 2)
    session.expire_all()
    renamed = await session.get(Building, one_id)
    assert renamed is not None and (renamed.name, renamed.households) == ("一号楼", 64)
    assert report.notes == [
        "community A社区 was renamed 阳光社区 in the bot: kept as 阳光社区",
        "grid 一网格 was renamed 第一网格 in the bot: kept as 第一网格",
        "building 1号楼 was renamed 一号楼 in the bot: kept as 一号楼",
    ]
    # a name given anew to something else is that thing's: a new 1号楼 is not the renamed one
    path.write_text("社区,网格,楼栋,户数\n阳光社区,第一网格,3号楼,10\n")
    await import_org(session, rows=read_org_file(path))
    three_id = (await session.exec(select(Building.id).where(Building.name == "3号楼"))).one()
    assert three_id is not None
    admin = await session.get(User, 1)  # type: ignore[assignment]
    await org_edit.rename(
        session, user=admin, roles=roles, kind="building", target_id=three_id, name="1号楼"
    )
    path.write_text("社区,网格,楼栋,户数\n阳光社区,第一网格,1号楼,12\n")
    report = await import_org(session, rows=read_org_file(path))
    assert report.notes == []
    session.expire_all()
    assert (await session.get(Building, three_id)).households == 12  # type: ignore[union-attr]
    assert (await session.get(Building, one_id)).households == 64  # type: ignore[union-attr]
