"""A member's words about their own profile (services.member_self): skills to change or add,
the grid they now serve, and skills typed at the picker — as members say them, and what is no
such wish (a matter, a bare sentence)."""

from __future__ import annotations

import pytest

from bot.i18n import Translator
from handlers.member_profile import skill_names
from models import Grid
from services.member_self import SkillsWish, grid_named, skills_wish, typed_skills


@pytest.fixture(scope="module")
def names() -> dict[str, frozenset[str]]:
    return skill_names(Translator())


@pytest.mark.parametrize(
    ("said", "wish"),
    [
        ("我想改一下我的技能", SkillsWish(named=[])),
        ("修改特长", SkillsWish(named=[])),
        ("change my skills", SkillsWish(named=[])),
        ("我会修电脑了，加上", SkillsWish(named=["appliance_repair"])),
        ("我学会修空调了，帮我加上", SkillsWish(named=["appliance_repair"])),
        ("技能里加上法律咨询", SkillsWish(named=["legal"])),
        ("我会开锁了，加上", SkillsWish(named=[], other="开锁")),
        ("I can now teach phones, add it", SkillsWish(named=["digital_help"])),
        # no change asked, or no skills named
        ("我会修电脑", None),
        ("我的技能", None),
        ("水管漏了", None),
        ("加上照片", None),
    ],
)
def test_skills_wish(names: dict[str, frozenset[str]], said: str, wish: SkillsWish | None) -> None:
    assert skills_wish(said, names) == wish


@pytest.mark.parametrize(
    ("said", "grid"),
    [
        ("我搬到第二网格了", "第二网格"),
        ("我以后服务第二网格", "第二网格"),
        ("我调到第二网格了", "第二网格"),
        ("I serve Grid 2 now", "第二网格"),
        ("第二网格的路灯坏了", None),  # a matter there
        ("第二网格在哪", None),
        ("第二网格", None),  # no move said
        ("我搬到第三网格了", None),  # no such grid
    ],
)
def test_grid_named(said: str, grid: str | None) -> None:
    grids = [Grid(community_id=1, name="第一网格", name_en="Grid 1")]
    grids.append(Grid(community_id=1, name="第二网格", name_en="Grid 2"))
    found = grid_named(said, grids)
    assert (found.name if found is not None else None) == grid


@pytest.mark.parametrize(
    ("typed", "codes", "others"),
    [
        ("开锁", [], "开锁"),
        ("我会修电脑了，加上", ["appliance_repair"], ""),
        ("修水管和法律咨询", ["plumbing", "legal"], ""),
        ("Beekeeping and plumbing", ["plumbing"], "Beekeeping"),
        ("我想改一下我的技能", [], ""),  # words about the picker, no skill
    ],
)
def test_typed_at_the_picker(
    names: dict[str, frozenset[str]], typed: str, codes: list[str], others: str
) -> None:
    assert typed_skills(typed, names) == (codes, others)
