"""A member's name and work unit typed as said to a person ('My name is Alex Smith', 'I work
at Fudan University'): the words before them are not kept as part of them."""

from __future__ import annotations

import pytest

from services.validation import person_name, work_unit


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("My name is Alex Smith", "Alex Smith"),
        ("I'm Alex Smith.", "Alex Smith"),
        ("Name: Li Lei", "Li Lei"),
        ("This is Tom", "Tom"),
        ("我叫张三", "张三"),
        ("Alex Smith", "Alex Smith"),
        ("Im Kwon", "Im Kwon"),  # a surname, not "I'm"
        ("Isabel", "Isabel"),
    ],
)
def test_name_as_said(typed: str, name: str) -> None:
    assert person_name(typed) == name


@pytest.mark.parametrize(
    ("typed", "unit"),
    [
        ("I work at Fudan University", "Fudan University"),
        ("I'm retired", "retired"),
        ("My employer is Shanghai Metro", "Shanghai Metro"),
        ("我在区教育局工作", "区教育局"),
        ("单位：区教育局", "区教育局"),
        ("District Education Bureau", "District Education Bureau"),
        ("Imperial Bank", "Imperial Bank"),
    ],
)
def test_work_unit_as_said(typed: str, unit: str) -> None:
    assert work_unit(typed) == unit
