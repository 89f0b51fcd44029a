"""A score said in words (services.smalltalk.rating_of): only when the whole message is one."""

from __future__ import annotations

import pytest

from services.smalltalk import MAX_CHARS, Rating, rating_of


@pytest.mark.parametrize(
    ("text", "rating"),
    [
        ("满意", Rating.SATISFIED),
        ("满意，谢谢！", Rating.SATISFIED),
        ("很满意👍", Rating.SATISFIED),
        ("非常满意，辛苦了", Rating.SATISFIED),
        ("滿意", Rating.SATISFIED),  # Traditional
        ("Very satisfied, thanks", Rating.SATISFIED),
        ("还行吧", Rating.BASIC),
        ("基本满意", Rating.BASIC),  # not 满意 inside it
        ("一般般", Rating.BASIC),
        ("不满意", Rating.UNSATISFIED),  # not 满意 inside it
        ("不太满意啊", Rating.UNSATISFIED),
        ("差评", Rating.UNSATISFIED),
        ("Very good, thank you", Rating.SATISFIED),
        ("well done", Rating.SATISFIED),
        ("not bad", Rating.BASIC),  # not 'bad' inside it
        ("it was ok", Rating.BASIC),
        ("mostly satisfied", Rating.BASIC),
        ("terrible", Rating.UNSATISFIED),
        ("not good", Rating.UNSATISFIED),
    ],
)
def test_a_score_in_words(text: str, rating: Rating) -> None:
    assert rating_of(text) == rating


@pytest.mark.parametrize(
    "text",
    [
        "",
        "谢谢",  # thanks alone is small talk, not a score
        "好的",
        "good",  # as 好的: an acknowledgement, not a score
        "great",
        "灯还是不亮，不满意",  # a complaint: more than a score
        "满意 不满意",  # two scores
        "楼道灯坏了",
        "满意" * MAX_CHARS,  # too long
    ],
)
def test_not_a_score(text: str) -> None:
    assert rating_of(text) is None
