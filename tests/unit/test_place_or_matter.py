"""At ☎️ 代居民登记's building step, words naming no building are the matter only when they
clearly say one ('水管漏水了', 'the lift is broken'); an estate or community misspelt
('杨光社曲东苑', 'Sunshin Gardens Estate') is not kept as the matter unasked."""

from __future__ import annotations

import pytest

from models import Community
from services.address import AddressGuess, is_clearly_a_matter, says_a_matter_alone

SUNSHINE = Community(id=1, name="阳光社区", name_en="Sunshine Community")


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("杨光社曲东苑", "ask"),  # 阳光社区 misspelt, with its 东苑
        ("暘光新村东区", "ask"),
        ("金色家园北区二期", "ask"),
        ("碧桂园凤凰城", "ask"),
        ("Sunshin Gardens Estate", "ask"),
        ("邻居养了很多鸽子", "matter"),  # '了': a sentence
        ("水管漏水了", "matter"),
        ("楼顶水箱漏了", "matter"),
        ("楼道里有人堆杂物", "matter"),
        ("灯坏了，老人打电话来说的", "matter"),
        ("the light is out, she phoned", "matter"),
        ("lift broken again today", "matter"),
        ("10号楼", "building"),  # a building asked for: not the matter, as before
        ("王奶奶", "building"),
    ],
)
def test_words_with_no_building_are_the_matter_or_asked(typed: str, read: str) -> None:
    alone = says_a_matter_alone(typed, AddressGuess(community=SUNSHINE))
    got = "building" if not alone else "matter" if is_clearly_a_matter(typed) else "ask"
    assert got == read
