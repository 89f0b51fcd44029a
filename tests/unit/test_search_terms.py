"""What staff search looks for (services.orders.search_terms): each word of what was typed."""

from __future__ import annotations

import pytest

from services.orders import SEARCH_MAX_TERMS, search_terms


@pytest.mark.parametrize(
    ("typed", "terms"),
    [
        ("楼道的灯", ["楼道", "灯"]),  # 的 says nothing
        ("厨房水管漏水", ["厨房", "水管", "漏水"]),
        ("吴大爷 漏水", ["吴", "大爷", "漏水"]),
        ("13900000001", ["13900000001"]),  # numbers as typed
        ("502", ["502"]),
        ("<b>%_", ["<b>%_"]),  # no Chinese: as typed (matched literally)
        ("<b>漏水</b>", ["漏水"]),  # markup letters around words are not words
        ("漏水 漏水", ["漏水"]),
        ("的了", ["的了"]),  # nothing but empty words: what was typed
    ],
)
def test_search_terms(typed: str, terms: list[str]) -> None:
    assert search_terms(typed) == terms


def test_at_most_a_few_terms() -> None:
    assert len(search_terms("一 二 三 四 五 六 七 八")) == SEARCH_MAX_TERMS
