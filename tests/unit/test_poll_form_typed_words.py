"""What staff type at the poll form: options on one line, and a button's words."""

from __future__ import annotations

import pytest

from services.polls import split_options
from services.smalltalk import label_typed


@pytest.mark.parametrize(
    ("typed", "options"),
    [
        ("同意\n不同意\n弃权", ["同意", "不同意", "弃权"]),
        ("同意，不同意，弃权", ["同意", "不同意", "弃权"]),
        ("同意、不同意；弃权", ["同意", "不同意", "弃权"]),
        ("Yes, No, Abstain", ["Yes", "No", "Abstain"]),
        ("同意，但要先公示\n不同意", ["同意，但要先公示", "不同意"]),  # lines kept whole
        ("只有一个选项", ["只有一个选项"]),
    ],
)
def test_split_options(typed: str, options: list[str]) -> None:
    assert split_options(typed) == options


@pytest.mark.parametrize(
    ("typed", "labels", "picked"),
    [
        ("单选", ["单选", "多选"], 0),
        ("多选吧", ["单选", "多选"], 1),
        ("选", ["单选", "多选"], None),
        ("是", ["✅ 是", "❌ 否"], 0),
        ("否", ["✅ 是", "❌ 否"], 1),
        ("匿名投票", ["匿名", "实名"], 0),
        ("不匿名", ["匿名", "实名"], None),
        ("截止后公开", ["投票中实时公开", "截止后公开"], 1),
        ("公开", ["投票中实时公开", "截止后公开"], None),
        ("已核实的", ["已登记住址的居民", "只限已核实的居民"], 1),
        ("已登记的", ["已登记住址的居民", "只限已核实的居民"], 0),
        ("居民", ["已登记住址的居民", "只限已核实的居民"], None),
        ("实时的", ["投票中实时公开", "截止后公开"], 0),
        ("Anonymous", ["Anonymous", "Named"], 0),
    ],
)
def test_label_typed(typed: str, labels: list[str], picked: int | None) -> None:
    assert label_typed(typed, labels) == picked
