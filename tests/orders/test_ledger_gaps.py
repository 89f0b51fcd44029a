"""Gaps in the staff cards' words, read without a chat: a line with a time in it has no brackets
inside brackets (the time '12月9日（周三）19:30' carries its own: before, a review read
'居民申请复核（12月9日（周三）19:30）'); an estate named only 'X里' ('幸福里') is looked up in a
description, while 'in' words ending in 里 ('家里', '楼道里', '这里') look nothing up."""

from __future__ import annotations

import pytest
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Translator
from models import Building
from services.address import may_name_estate, named_place
from tests.orders.conftest import World

# the card lines with a time in them, and the other words each takes
_TIMED_LINES = {
    "order-card-review": {"reason": "理由"},
    "order-card-rating": {"score": "满意", "comment": "灯亮了"},
    "order-card-rating-mine": {"score": "满意", "comment": "none"},
    "order-card-transfer": {"unit": "区市政所", "note": "请尽快修补"},
    "order-card-transfer-progress": {"answer": "在修"},
    "urge-card-line": {"count": 2},
    "urge-view-recent": {"count": 2, "next": "明天"},
}


def _nests(text: str) -> bool:
    """Whether a bracket opens inside another ('（…（…）…）')."""
    depth = 0
    for char in text:
        if char in "（(":
            depth += 1
            if depth > 1:
                return True
        elif char in "）)":
            depth = max(depth - 1, 0)
    return False


@pytest.mark.parametrize("lang", ["zh-Hans", "zh-Hant", "en"])
@pytest.mark.parametrize("key", sorted(_TIMED_LINES))
def test_a_timed_card_line_nests_no_brackets(lang: str, key: str) -> None:
    texts = Translator()
    when = texts.get(lang, "date-time", year="none", month=12, day=9, weekday="wed", time="19:30")
    assert "19:30" in when and when != "19:30", when
    line = texts.get(lang, key, time=when, **_TIMED_LINES[key])
    assert when in line and not _nests(line), line


@pytest.mark.parametrize(
    ("said", "may"),
    [
        ("幸福里的路灯坏了", True),
        ("和平里门口有个大坑", True),
        ("幸福里3号楼楼道灯坏了", True),
        ("家里的水管漏了", False),
        ("这里有个大坑", False),
        ("那里的路灯不亮", False),
        ("屋里好冷，暖气不热", False),
        ("楼里的灯坏了", False),
        ("院里的树倒了", False),
        ("心里很着急", False),
        ("楼道里堆满了杂物", False),
        ("电梯里有股味道", False),
        ("厨房里的下水道堵了", False),
        ("柜子里有老鼠", False),
        ("里面一直漏水", False),
        ("群里有人说停水", False),
        ("夜里楼上很吵", False),
        ("手机里收不到通知", False),
        ("这几天里都没有热水", False),
    ],
)
def test_an_estate_named_x_li_is_looked_up_but_not_words_for_in(said: str, may: bool) -> None:
    assert may_name_estate(said) is may


async def test_an_estate_named_x_li_is_found(session: AsyncSession, world: World) -> None:
    cid = world.community.id or 0
    session.add(Building(community_id=cid, grid_id=world.grid2.id or 0, name="幸福里"))
    await session.commit()
    for said in ("幸福里的路灯坏了，晚上很黑", "幸福里门口有个大坑"):
        found = await named_place(
            session, said, community_id=cid, home_building_id=world.building.id
        )
        assert found is not None and found.name == "幸福里", said
    # an 'in' word is no estate: nothing named, even with an 'X里' estate in the community
    for said in ("家里的水管漏了", "楼道里堆满了杂物", "幸福里面的事"):
        assert await named_place(session, said, community_id=cid, home_building_id=None) is None, (
            said
        )
