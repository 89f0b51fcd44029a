"""'Not that' under a reading (services.smalltalk.says_not_that)."""

from __future__ import annotations

import pytest

from services import smalltalk


@pytest.mark.parametrize(
    "text",
    [
        "不是",
        "不对",
        "不是的",
        "不对不对",
        "no",
        "No.",
        "nope",
        "错了",
        "不是这个",
        "不要",
        "算了",
    ],
)
def test_not_that(text: str) -> None:
    assert smalltalk.says_not_that(text)


@pytest.mark.parametrize(
    "text", ["好的", "是的", "对", "不满意", "满意", "不是很满意", "你好", ""]
)
def test_not_not_that(text: str) -> None:
    assert not smalltalk.says_not_that(text)
