"""Who a praise or a complaint names: '刘师傅' names someone (then the only member who served is
not taken for them unless it is him); '那个师傅' / '这位医生' name nobody — the only member who
served them is meant (before, '那个师傅态度很差' was taken to name a '个师傅' and reached the grid
instead of the matter's staff)."""

from __future__ import annotations

import pytest

from services.praise import _names_anyone


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("我要投诉王师傅", True),
        ("刘师傅修得很好", True),
        ("那个师傅态度很差", False),
        ("表扬一下这位医生", False),
        ("来的师傅很认真", False),  # the one who came: no name
    ],
)
def test_names_anyone(text: str, names: bool) -> None:
    assert _names_anyone(text) is names
