"""Agenda items and poll options typed as a numbered list lose the number or bullet typed
before them (the preview and the ballot number them again: '1. 1. 同意'); a number that is the
item's own stays. Before, the agenda stripped every leading digit and dot: '1号楼加装电梯'
became '号楼加装电梯', '2026年预算' '年预算' and '1.5小时自由讨论' '小时自由讨论'; options kept
'1. 同意' as typed."""

from __future__ import annotations

import pytest

from services import meetings, polls
from services.validation import strip_list_marker


@pytest.mark.parametrize(
    ("typed", "item"),
    [
        ("1. 介绍方案", "介绍方案"),
        ("2、听取意见", "听取意见"),
        ("（3）表决", "表决"),
        ("(4) 表决", "表决"),
        ("一、开场", "开场"),
        ("①同意", "同意"),
        ("A. 同意", "同意"),
        ("• 同意", "同意"),
        ("- 同意", "同意"),
        ("2、2026年预算", "2026年预算"),
        ("1号楼加装电梯", "1号楼加装电梯"),
        ("2026年预算", "2026年预算"),
        ("1.5小时自由讨论", "1.5小时自由讨论"),
        ("10:00 签到", "10:00 签到"),
        ("-5度以下停暖", "-5度以下停暖"),
        ("A栋改造", "A栋改造"),
        ("1.", "1."),
    ],
)
def test_strip_list_marker(typed: str, item: str) -> None:
    assert strip_list_marker(typed) == item


def test_agenda_keeps_the_numbers_of_its_items() -> None:
    typed = "1. 1号楼加装电梯方案\n2、2026年预算\n（3）1.5小时自由讨论\n3号楼外墙"
    assert meetings.clean_agenda(typed) == [
        "1号楼加装电梯方案",
        "2026年预算",
        "1.5小时自由讨论",
        "3号楼外墙",
    ]


def test_options_lose_their_list_numbers() -> None:
    assert polls.clean_options(["1. 按月收费", "2. 按次收费", "3号楼"]) == [
        "按月收费",
        "按次收费",
        "3号楼",
    ]
