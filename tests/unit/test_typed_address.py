"""An address written in words is read as far as it can be, and nothing is guessed."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel.ext.asyncio.session import AsyncSession

from services.address import read_address, says_home
from services.org import import_org, read_org_file


@pytest.fixture
async def org(session: AsyncSession, tmp_path: Path) -> AsyncSession:
    path = tmp_path / "org.csv"
    path.write_text(
        "社区,网格,楼栋,户数\n"
        "阳光社区,第一网格,1号楼,60\n"
        "阳光社区,第一网格,11号楼,60\n"
        "阳光社区,第二网格,3栋,40\n"
        "阳光社区,第二网格,综合楼,10\n"
        "和谐社区,一网格,1号楼,50\n"
        "和谐社区,一网格,7号楼,50\n"
    )
    await import_org(session, rows=read_org_file(path))
    return session


async def _read(session: AsyncSession, text: str, community_id: int | None = None) -> tuple:
    guess = await read_address(session, text, community_id=community_id)
    return (
        guess.community.name if guess.community else None,
        guess.building.name if guess.building else None,
        guess.room,
    )


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("我住在阳光社区一号楼302", ("阳光社区", "1号楼", "302")),
        ("阳光 1栋 2单元301", ("阳光社区", "1号楼", "2单元301")),
        ("阳光社区11号楼", ("阳光社区", "11号楼", None)),  # not 1号楼
        ("阳光社区三号楼 502室", ("阳光社区", "3栋", "502室")),
        ("阳光社区综合楼3-201", ("阳光社区", "综合楼", "3-201")),
        ("和谐社区", ("和谐社区", None, None)),
        ("７号楼１０２", ("和谐社区", "7号楼", "102")),  # the only 7号楼 names its community
        ("1号楼302", (None, None, None)),  # two communities have a 1号楼: not guessed
        ("阳光社区1号楼 电话13912345678", ("阳光社区", "1号楼", None)),  # not a room
        ("楼道灯坏了", (None, None, None)),
        ("", (None, None, None)),
        # in English: the number after 'Building', 'Bldg.', 'Block' (not 'Building 1' in 12)
        ("阳光社区 Building 11, 1203", ("阳光社区", "11号楼", "1203")),
        ("Bldg. 7, room 102", ("和谐社区", "7号楼", "102")),
        ("阳光社区 building 12", ("阳光社区", None, None)),
        # two named, the last after a word taking the first back
        ("和谐社区 不对不对 是阳光的", ("阳光社区", None, None)),
        ("阳光社区，哦不，说错了，和谐社区7号楼", ("和谐社区", "7号楼", None)),
        ("和谐社区 阳光社区", (None, None, None)),  # no correction: not guessed
        ("是和谐社区 不是阳光社区", (None, None, None)),  # '不是' may deny what follows
    ],
)
async def test_read_address(org: AsyncSession, text: str, read: tuple) -> None:
    assert await _read(org, text) == read


async def test_within_a_known_community(org: AsyncSession) -> None:
    sunshine = await read_address(org, "阳光社区")
    assert sunshine.community is not None
    assert await _read(org, "1号楼 302", sunshine.community.id) == ("阳光社区", "1号楼", "302")
    assert await _read(org, "7号楼", sunshine.community.id) == ("阳光社区", None, None)


@pytest.mark.parametrize(
    ("text", "home"),
    [
        ("我住阳光社区1号楼302", ("阳光社区", "1号楼", "302")),
        ("我家在阳光小区11栋", ("阳光社区", "11号楼", None)),
        ("地址：阳光社区 综合楼 3-201", ("阳光社区", "综合楼", "3-201")),
        ("你好，我住在和谐社区", ("和谐社区", None, None)),
        ("I live at 阳光社区 1号楼 302", ("阳光社区", "1号楼", "302")),
        ("我在7号楼门口看到一堆垃圾", None),  # a matter naming a building
        ("我住1号楼，楼道灯坏了", None),  # an address and a matter: the matter is kept
        ("阳光社区1号楼302", ("阳光社区", "1号楼", "302")),  # a whole address alone
        ("阳光社区1号楼", None),  # a building alone, not said to be home: a matter's place
        ("1号楼302", None),  # two communities have a 1号楼
        ("我住在这里好多年了", None),
        ("我住阳光社区一号楼五零二", ("阳光社区", "1号楼", "502")),  # numbers in words
        ("我家住阳光社区一号楼三零二室", ("阳光社区", "1号楼", "302室")),
    ],
)
async def test_says_home(org: AsyncSession, text: str, home: tuple | None) -> None:
    guess = await says_home(org, text)
    read = (
        None
        if guess is None
        else (
            guess.community.name if guess.community else None,
            guess.building.name if guess.building else None,
            guess.room,
        )
    )
    assert read == home


async def test_a_bare_number_at_the_building_step(org: AsyncSession) -> None:
    """Asked for the building, '11' names 11号楼 of the community; elsewhere a number alone
    names nothing (it may be a room, a grid or a count)."""
    sunshine = await read_address(org, "阳光社区")
    assert sunshine.community is not None
    at_step = await read_address(org, "11", community_id=sunshine.community.id, bare_number=True)
    assert at_step.building is not None and at_step.building.name == "11号楼"
    assert (await read_address(org, "11", community_id=sunshine.community.id)).building is None
    missing = await read_address(org, "9", community_id=sunshine.community.id, bare_number=True)
    assert missing.building is None


@pytest.mark.parametrize(
    ("typed", "more"),
    [
        ("2号楼的灯坏了", True),
        ("2号楼漏水", True),
        ("二号楼的水管漏了，麻烦看看", True),
        ("Building 2, the light is out", True),
        ("2号楼", False),
        ("2号楼501", False),
        ("阳光社区2栋501室", False),
        ("2号楼门口", False),
        ("2号楼王奶奶", False),
        ("building 2 room 501", False),
    ],
)
def test_words_beside_a_building_that_say_a_matter(typed: str, more: bool) -> None:
    """At ☎️ 代居民登记's building step: the words beside the building that say the matter."""
    from models import Building, Community
    from services.address import AddressGuess, says_more_than_address

    sunshine = Community(id=1, name="阳光社区", name_en="Sunshine Community")
    guess = AddressGuess(community=sunshine, building=Building(id=1, name="2号楼", community_id=1))
    assert says_more_than_address(typed, guess) is more


@pytest.mark.parametrize(
    ("typed", "matter"),
    [
        ("灯坏了，老人打电话来说的", True),
        ("水管漏水了", True),
        ("阳光社区东门的路灯坏了", True),
        ("the light is out, she phoned", True),
        ("10号楼", False),
        ("三号楼", False),
        ("幸福花园", False),
        ("阳光社区", False),
        ("王奶奶", False),
        ("Building 12", False),
        ("Oak Garden", False),
    ],
)
def test_words_naming_no_building_that_say_a_matter(typed: str, matter: bool) -> None:
    """At ☎️ 代居民登记's building step: words with no building that are the matter itself."""
    from models import Community
    from services.address import AddressGuess, says_a_matter_alone

    sunshine = Community(id=1, name="阳光社区", name_en="Sunshine Community")
    assert says_a_matter_alone(typed, AddressGuess(community=sunshine)) is matter
