"""A community's and a grid's optional English name: read from an org file, set or cleared by
an admin in the bot (unique, letter case aside), shown to English readers in place of the
Chinese name (which stays where none is set), and read when typed ('Sunshine community')."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import AuditEvent, Community, Grid, Role, User, shown_name
from services import org_edit
from services.address import read_address, says_home
from services.errors import Conflict, InvalidInput, PermissionDenied
from services.org import community_by_name, import_org, read_org_file

ADMIN = frozenset({Role.ADMIN})

ORG_YAML = """
communities:
  - name: 阳光社区
    name_en: Sunshine Community
    grids:
      - name: 第一网格
        name_en: Grid 1
        buildings: [1号楼, 2号楼]
      - name: 第二网格
        buildings: [5号楼]
  - name: 和谐社区
    grids:
      - name: 东区网格
        buildings: [东1栋]
"""


@pytest.fixture
async def org(session: AsyncSession, tmp_path: Path) -> AsyncSession:
    path = tmp_path / "org.yaml"
    path.write_text(ORG_YAML, encoding="utf-8")
    await import_org(session, rows=read_org_file(path))
    admin = User(id=1, first_name="管理员")
    admin.set_roles({Role.ADMIN})
    session.add(admin)
    await session.commit()
    return session


async def _community(session: AsyncSession, name: str) -> Community:
    return (await session.exec(select(Community).where(Community.name == name))).one()


async def _grid(session: AsyncSession, name: str) -> Grid:
    return (await session.exec(select(Grid).where(Grid.name == name))).one()


async def test_english_names_from_a_file_and_shown_to_english_readers(
    org: AsyncSession,
) -> None:
    sunshine, harmony = await _community(org, "阳光社区"), await _community(org, "和谐社区")
    assert (sunshine.name_en, harmony.name_en) == ("Sunshine Community", None)
    assert shown_name(sunshine, "en") == "Sunshine Community"
    assert shown_name(sunshine, "zh-Hans") == shown_name(sunshine, "zh-Hant") == "阳光社区"
    assert shown_name(harmony, "en") == "和谐社区"  # none set: the Chinese name
    assert shown_name(await _grid(org, "第一网格"), "en") == "Grid 1"
    assert shown_name(await _grid(org, "第二网格"), "en") == "第二网格"


async def test_a_later_file_without_english_names_keeps_them(
    org: AsyncSession, tmp_path: Path
) -> None:
    path = tmp_path / "org.csv"
    path.write_text("社区,网格,楼栋\n阳光社区,第一网格,3号楼\n和谐社区,东区网格,东2栋\n")
    await import_org(org, rows=read_org_file(path))
    assert (await _community(org, "阳光社区")).name_en == "Sunshine Community"
    path.write_text(
        "community,grid,building,community_en,grid_en\n和谐社区,东区网格,东2栋,Harmony,East\n"
    )
    await import_org(org, rows=read_org_file(path))
    assert (await _community(org, "和谐社区")).name_en == "Harmony"
    assert (await _grid(org, "东区网格")).name_en == "East"


@pytest.mark.parametrize(
    "typed",
    ["Sunshine Community", "sunshine community", "Sunshine", "SUNSHINE", "I live in Sunshine"],
)
async def test_a_community_typed_by_its_english_name(org: AsyncSession, typed: str) -> None:
    guess = await read_address(org, typed)
    assert guess.community is not None and guess.community.name == "阳光社区", typed


async def test_an_english_address_typed_whole(org: AsyncSession) -> None:
    guess = await read_address(org, "Sunshine community, building 2, room 302")
    assert guess.community is not None and guess.community.name == "阳光社区"
    assert guess.building is not None and guess.building.name == "2号楼"
    assert guess.room == "302"
    home = await says_home(org, "I live in Sunshine Community, Building 2, room 302")
    assert home is not None and home.building is not None and home.building.name == "2号楼"
    # an address with a matter after it is not said as a home: the matter is kept
    said = "I live in Sunshine Community and the lift is broken"
    assert await says_home(org, said) is None


async def test_an_english_name_without_community_is_read_with_it(org: AsyncSession) -> None:
    harmony = await _community(org, "和谐社区")
    harmony.name_en = "Harmony"
    org.add(harmony)
    await org.commit()
    guess = await read_address(org, "harmony community")
    assert guess.community is not None and guess.community.name == "和谐社区"
    assert (await read_address(org, "Moonlight community")).community is None


async def test_an_admin_sets_and_clears_an_english_name(org: AsyncSession) -> None:
    admin = await org.get(User, 1)
    assert admin is not None
    harmony = await _community(org, "和谐社区")
    assert harmony.id is not None
    done = await org_edit.set_english_name(
        org,
        user=admin,
        roles=ADMIN,
        kind="community",
        target_id=harmony.id,
        name=" Harmony  Park ",
    )
    assert (done.name, done.before) == ("Harmony Park", "")
    assert (await _community(org, "和谐社区")).name_en == "Harmony Park"
    # another community's English name, in any letter case, is taken
    sunshine = await _community(org, "阳光社区")
    assert sunshine.id is not None
    with pytest.raises(Conflict):
        await org_edit.set_english_name(
            org,
            user=admin,
            roles=ADMIN,
            kind="community",
            target_id=sunshine.id,
            name="harmony park",
        )
    with pytest.raises(InvalidInput):
        await org_edit.set_english_name(
            org, user=admin, roles=ADMIN, kind="community", target_id=sunshine.id, name="阳光"
        )
    grid = await _grid(org, "第二网格")
    assert grid.id is not None
    with pytest.raises(Conflict):  # Grid 1 is the same community's
        await org_edit.set_english_name(
            org, user=admin, roles=ADMIN, kind="grid", target_id=grid.id, name="GRID 1"
        )
    done = await org_edit.set_english_name(
        org, user=admin, roles=ADMIN, kind="community", target_id=harmony.id, name="-"
    )
    assert (done.name, done.before) == ("", "Harmony Park")
    assert (await _community(org, "和谐社区")).name_en is None
    actions = (await org.exec(select(AuditEvent.action))).all()
    assert actions.count("org_english_community") == 2


async def test_only_an_admin_sets_an_english_name(org: AsyncSession) -> None:
    resident = User(id=2, first_name="居民")
    org.add(resident)
    await org.commit()
    sunshine = await _community(org, "阳光社区")
    assert sunshine.id is not None
    with pytest.raises(PermissionDenied):
        await org_edit.set_english_name(
            org,
            user=resident,
            roles=frozenset({Role.RESIDENT}),
            kind="community",
            target_id=sunshine.id,
            name="Sun",
        )
    assert (await _community(org, "阳光社区")).name_en == "Sunshine Community"


async def test_a_community_named_by_its_english_name_on_the_command_line(
    org: AsyncSession,
) -> None:
    """`linli export --community 'sunshine community'` as `--community 阳光社区`."""
    found = await community_by_name(org, name="sunshine community")
    assert found is not None and found.name == "阳光社区"
    assert await community_by_name(org, name="Harmony") is None


def test_buildings_numbered_the_usual_way_read_in_english() -> None:
    from models.org import building_in_english

    assert building_in_english("3号楼") == "Building 3"
    assert building_in_english("12栋") == "Building 12"
    assert building_in_english("5幢") == "Building 5"
    assert building_in_english("a座") == "Block A"
    assert building_in_english("东苑一期") == "东苑一期"  # another name as it is
