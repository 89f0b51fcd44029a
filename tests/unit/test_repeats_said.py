"""services.smalltalk.repeats_of: a reason typed to decline a matter that says it repeats
another, and which matters it names."""

from __future__ import annotations

import pytest

from services.smalltalk import Repeats, repeats_of


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("重复了", Repeats(numbers=(), previous=False)),
        ("和00003是一回事", Repeats(numbers=(3,), previous=False)),
        ("跟上一单一样", Repeats(numbers=(), previous=True)),
        ("跟3号、00005一样", Repeats(numbers=(3, 5), previous=False)),
        ("已经报过了", Repeats(numbers=(), previous=False)),
        ("同上", Repeats(numbers=(), previous=False)),
        ("Duplicate of 00012", Repeats(numbers=(12,), previous=False)),
        ("不属于社区服务范围", None),
        ("不是重复的，是不归我们管", None),
        ("", None),
    ],
)
def test_reads_a_repeat(typed: str, expected: Repeats | None) -> None:
    assert repeats_of(typed) == expected
