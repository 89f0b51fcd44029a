"""The matter of a text (data/matters.txt): canonical objects, faults and places, the longest
surface first, gaps, and building and unit numbers."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

from services.triage.matters import MATTERS_PATH, MatterLexicon
from services.triage.text import normalize


@pytest.fixture(scope="module")
def lexicon() -> MatterLexicon:
    return MatterLexicon.load()


@pytest.mark.parametrize(
    ("text", "objects", "faults"),
    [
        ("楼道的灯不亮了", {"楼道灯"}, {"坏"}),
        ("楼道里的灯坏了", {"楼道灯"}, {"坏"}),
        ("电梯广告太吵", {"广告"}, {"吵"}),  # the longest surface wins
        ("电梯又停运了", {"电梯"}, {"坏"}),
        ("水管一直在滴水", {"水管"}, {"漏"}),
        ("下水道不通", {"下水道"}, {"堵"}),
        ("停电了", {"供电"}, {"坏"}),  # one surface, two meanings
        ("The corridor lights are not working", {"楼道灯"}, {"坏"}),  # "_": a space
        ("The lift isn't working again", {"电梯"}, {"坏"}),
        ("the elevator doesn’t work", {"电梯"}, {"坏"}),  # a curly apostrophe, as phones type
        ("kitchen sink drain is clogged", {"下水道"}, {"堵"}),
        ("楼道，灯坏了", {"灯"}, {"坏"}),  # no gap across a comma: a lamp, not the stairwell's
    ],
)
def test_objects_and_faults(
    lexicon: MatterLexicon, text: str, objects: set[str], faults: set[str]
) -> None:
    matter = lexicon.read(normalize(text))
    assert matter.objects == objects and matter.faults == faults


def test_the_rest_is_what_the_list_does_not_know(lexicon: MatterLexicon) -> None:
    matter = lexicon.read(normalize("楼道的灯不亮了，晚上很黑"))
    assert matter.places == frozenset() and "晚上很黑" in matter.rest and "灯" not in matter.rest


def test_a_broader_object_meets_its_kinds(lexicon: MatterLexicon) -> None:
    lamp, stairwell, street = (
        lexicon.read(normalize(text)) for text in ("灯坏了", "楼道的灯不亮了", "路灯坏了")
    )
    assert stairwell.objects == {"楼道灯"} and stairwell.kinds == {"楼道灯", "灯"}
    assert lamp.meets(stairwell) and stairwell.meets(lamp) and lamp.meets(street)
    assert not stairwell.meets(street) and not street.meets(stairwell)
    assert stairwell.beyond(lamp) == frozenset() and lamp.beyond(stairwell) == frozenset()
    assert stairwell.beyond(street) == {"楼道灯"}


def test_building_and_unit_numbers(lexicon: MatterLexicon) -> None:
    matter = lexicon.read(normalize("3号楼二单元电梯坏了，三楼也听得到"))
    assert matter.buildings == {3} and matter.units == {2}
    assert lexicon.read(normalize("十二栋 第二十一幢")).buildings == {12, 21}


def test_an_object_surface_means_one_object() -> None:
    objects: dict[str, set[str]] = defaultdict(set)
    for line in MATTERS_PATH.read_text(encoding="utf-8").splitlines():
        if match := re.fullmatch(r"object\s+(\S+?)\s*:\s*(.+)", line.strip()):
            for surface in match.group(2).split():
                objects[surface].add(match.group(1))
    assert {s: c for s, c in objects.items() if len(c) > 1} == {}


def test_a_bad_line_is_named(tmp_path: Path) -> None:
    path = tmp_path / "matters.txt"
    path.write_text("# ok\nobject 电梯: 电梯\nthing 灯 灯泡\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"matters.txt:3"):
        MatterLexicon.load(path)
    path.write_text("fault 坏 < 故障: 坏了\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"matters.txt:1: only an object"):
        MatterLexicon.load(path)
