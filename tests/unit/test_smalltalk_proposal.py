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
        # said in English as a person would
        ("I propose: more benches", "more benches"),
        ("I propose more benches in the garden", "more benches in the garden"),
        ("I'd like to propose a topic: a bike shed", "a bike shed"),
        ("We would like to suggest that the gym opens earlier", "the gym opens earlier"),
        ("My suggestion is a reading corner", "a reading corner"),
        ("I have a proposal: a reading corner", "a reading corner"),
        ("Suggestion - fix the east gate", "fix the east gate"),
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
        "I propose a topic",  # asks how
        "how do I propose a topic",
        "I suggest",
        "The suggestion box is broken",
        "",
        None,
    ],
)
def test_not_proposals(typed: str | None) -> None:
    assert proposal_of(typed) is None
