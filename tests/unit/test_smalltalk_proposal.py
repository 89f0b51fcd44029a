"""The topic a message typed at the menu proposes, read from its lead words."""

from __future__ import annotations

import pytest

from services.smalltalk import proposal_of


@pytest.mark.parametrize(
    ("typed", "topic"),
    [
        ("我想提个议题：电梯费用低层住户能不能少出一点", "电梯费用低层住户能不能少出一点"),
        ("提议：东门装路灯", "东门装路灯"),
        ("提个建议，周末组织义诊", "周末组织义诊"),
        ("我有个提议 把垃圾站挪远一点", "把垃圾站挪远一点"),
        ("議題：東門裝路燈好不好", "東門裝路燈好不好"),  # kept as typed, in Traditional
        ("我建议在小区里加装健身器材", "建议在小区里加装健身器材"),  # reads whole as a topic
        ("Proposal: more benches in the park", "more benches in the park"),
    ],
)
def test_proposals(typed: str, topic: str) -> None:
    assert proposal_of(typed) == topic


@pytest.mark.parametrize(
    "typed",
    [
        "建议",
        "我想提个议题",
        "议题征集在哪里",
        "怎么提议题",
        "建议一下怎么提",
        "楼道灯坏了",
        "",
        None,
    ],
)
def test_not_proposals(typed: str | None) -> None:
    assert proposal_of(typed) is None
