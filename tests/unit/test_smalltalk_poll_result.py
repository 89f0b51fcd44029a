"""A poll's outcome asked in words is told from how to vote and from a matter to file."""

from __future__ import annotations

import pytest

from services.smalltalk import asks_poll_result

ASKED = [
    "投票结果怎么样了",
    "投票结果是什么",
    "电梯的投票怎么样了",
    "電梯投票通過了嗎",
    "上次投票结果",
    "投票结束了吗",
    "what did the poll decide?",
    "poll results",
    "who won the vote",
    "what did the poll decide about the lift in building 3?",
    "how did the vote go",
]
NOT_ASKED = [
    "投票",
    "怎么投票",
    "如何投票",
    "我要投票",
    "最近有投票吗",
    "how do I vote",
    "I want to change my vote",
    "结果出来了吗",  # no poll named: may be a matter's outcome
    "投票结果出来都一个月了物业还是没有动静，电梯的事到底谁来管，我们家老人天天爬六楼",
]


@pytest.mark.parametrize("text", ASKED)
def test_outcome_asked(text: str) -> None:
    assert asks_poll_result(text)


@pytest.mark.parametrize("text", NOT_ASKED)
def test_not_an_outcome_asked(text: str) -> None:
    assert not asks_poll_result(text)
