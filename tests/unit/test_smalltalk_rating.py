"""A score said in words (services.smalltalk.rating_of): only when the whole message is one."""

from __future__ import annotations

import pytest

from services.smalltalk import (
    MAX_CHARS,
    Points,
    Rating,
    points_and_comment,
    points_of,
    rating_of,
    rating_unclear,
    says_not_fixed,
)


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
        # plainly pleased, or the result plainly not there
        ("挺好的", Rating.SATISFIED),
        ("很好，谢谢", Rating.SATISFIED),
        ("不错不错", Rating.SATISFIED),
        ("还行", Rating.BASIC),
        ("一般", Rating.BASIC),
        ("没修好", Rating.UNSATISFIED),
        ("还是坏的", Rating.UNSATISFIED),
        ("still broken", Rating.UNSATISFIED),
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
        "满意也不满意",
        "不好意思",  # sorry: not 不好
        "楼道灯坏了",
        "满意" * MAX_CHARS,  # too long
    ],
)
def test_not_a_score(text: str) -> None:
    assert rating_of(text) is None


@pytest.mark.parametrize(
    ("text", "unclear"),
    [
        ("好的", True),  # may answer the question, or say it was read
        ("嗯", True),
        ("可以", True),
        ("ok", True),
        ("满意也不满意", True),  # both, and neither
        ("满意", False),  # a score
        ("很好", False),  # a score, though also an 'OK'
        ("谢谢", False),  # thanks: asked with the question by its own path
        ("楼道灯坏了", False),
    ],
)
def test_unclear_under_the_question(text: str, unclear: bool) -> None:
    assert rating_unclear(text) is unclear


def test_not_fixed_is_told_apart() -> None:
    """'没修好' is a score only where a result awaits one: told apart from 不满意."""
    assert says_not_fixed("还没修好啊") and says_not_fixed("没解决")
    assert not says_not_fixed("不满意") and not says_not_fixed("满意")


@pytest.mark.parametrize(
    ("text", "points", "stars", "rating"),
    [
        ("打五分", 5, False, Rating.SATISFIED),
        ("五星", 5, True, Rating.SATISFIED),
        ("给5分", 5, False, Rating.SATISFIED),
        ("给师傅打4分吧", 4, False, Rating.SATISFIED),
        ("三颗星", 3, True, Rating.BASIC),
        ("打两分", 2, False, Rating.UNSATISFIED),
        ("打一分", 1, False, Rating.UNSATISFIED),
        ("满分", 5, False, Rating.SATISFIED),
        ("5 stars", 5, True, Rating.SATISFIED),
        ("I'd give it 3 stars", 3, True, Rating.BASIC),
        ("one star", 1, True, Rating.UNSATISFIED),
        ("5/5", 5, False, Rating.SATISFIED),
    ],
)
def test_points_out_of_five(text: str, points: int, stars: bool, rating: Rating) -> None:
    assert points_of(text) == Points(points=points, stars=stars, rating=rating)


@pytest.mark.parametrize(
    ("text", "points", "rating"),
    [
        ("打十分", 10, Rating.SATISFIED),
        ("8分", 8, Rating.SATISFIED),
        ("给9分", 9, Rating.SATISFIED),
        ("给师傅打八分吧", 8, Rating.SATISFIED),
        ("打7分", 7, Rating.BASIC),
        ("六分", 6, Rating.BASIC),
        ("9/10", 9, Rating.SATISFIED),
        ("5 out of 10", 5, Rating.BASIC),  # out of ten said: not five out of five
        ("4/10", 4, Rating.UNSATISFIED),
        ("I'd give it 8 points", 8, Rating.SATISFIED),
        ("ten out of ten", 10, Rating.SATISFIED),
    ],
)
def test_points_out_of_ten(text: str, points: int, rating: Rating) -> None:
    """Above five points (or '/10'): a mark out of ten, 8–10 satisfied, 5–7 basic, ≤4 not
    ('打十分' was no score at all)."""
    assert points_of(text) == Points(points=points, stars=False, rating=rating, out_of=10)


@pytest.mark.parametrize(
    "text",
    ["五分钟", "三楼", "等了五分钟还没人来", "好评", "八颗星", "6 out of 5", "打11分", "8"],
)
def test_not_points(text: str) -> None:
    assert points_of(text) is None


@pytest.mark.parametrize(
    ("text", "rating"),
    [("给个好评", Rating.SATISFIED), ("好评", Rating.SATISFIED), ("给个差评", Rating.UNSATISFIED)],
)
def test_a_review_given(text: str, rating: Rating) -> None:
    assert rating_of(text) == rating


@pytest.mark.parametrize(
    ("text", "points", "comment"),
    [
        ("五星，师傅很好", Points(5, True, Rating.SATISFIED), "师傅很好"),
        ("4 stars, quick and friendly", Points(4, True, Rating.SATISFIED), "quick and friendly"),
        ("师傅很耐心，打十分！", Points(10, False, Rating.SATISFIED, 10), "师傅很耐心"),
        ("三颗星。来得有点晚", Points(3, True, Rating.BASIC), "来得有点晚"),
        ("五星，很满意", Points(5, True, Rating.SATISFIED), ""),  # the same score: no comment
    ],
)
def test_points_said_with_a_comment(text: str, points: Points, comment: str) -> None:
    assert points_and_comment(text) == (points, comment)


@pytest.mark.parametrize(
    "text", ["五星", "打一分，很满意", "五星，打一分", "楼道灯坏了，三楼", "五星，好"]
)
def test_no_points_with_a_comment(text: str) -> None:
    assert points_and_comment(text) is None
