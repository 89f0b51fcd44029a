"""Consultation words typed rather than tapped: a topic backed (附议), the whole community as
an audience."""

from __future__ import annotations

import pytest

from services import smalltalk


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("附议", ""),
        ("我也附议", ""),
        ("附议！", ""),
        ("附议吧", ""),
        ("I second this", ""),
        ("我支持电动车那个议题", "电动车"),
        ("支持加装电梯的议题", "加装电梯"),
        ("附议加装电梯", "加装电梯"),
        ("我支持", None),
        ("支持修路灯", None),  # a poll's choice, or a matter: not a topic named
        ("同意", None),
        ("我想提个议题：加装电梯", None),
    ],
)
def test_backs_topic(text: str, named: str | None) -> None:
    assert smalltalk.backs_topic(text) == named


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        ("全社区", True),
        ("所有居民", True),
        ("整个社区吧", True),
        ("发给所有居民", True),
        ("everyone", True),
        ("Whole community", True),
        ("指定网格", False),
        ("社区", False),
        ("全社区不要", False),
    ],
)
def test_whole_community(text: str, whole: bool) -> None:
    assert smalltalk.whole_community(text) is whole
