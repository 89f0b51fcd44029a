"""services.smalltalk.card_action: a request card's staff button said in words."""

from __future__ import annotations

import pytest

from services.smalltalk import CardAction, card_action


@pytest.mark.parametrize(
    ("typed", "action"),
    [
        ("这个转给物业", CardAction.TRANSFER),
        ("转办", CardAction.TRANSFER),
        ("派单", CardAction.ISSUE),
        ("派单吧。", CardAction.ISSUE),
        ("派给刘师傅", CardAction.ISSUE),
        ("这件不受理", CardAction.DECLINE),
        ("直接办理", CardAction.HANDLE),
        ("我来办", CardAction.HANDLE),
        ("和上一个合并", CardAction.MERGE),
        ("分类错了", CardAction.CATEGORY),
        ("改地点", CardAction.PLACE),
        ("加急", CardAction.URGENT),
        ("Transfer it", CardAction.TRANSFER),
        ("merge", CardAction.MERGE),
    ],
)
def test_reads_the_button_said(typed: str, action: CardAction) -> None:
    assert card_action(typed) is action


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "好的",
        "emergency",  # not 'merge'
        "转办 00001",  # a number: its card
        "转给物业还是派单",  # two actions
        "楼下的垃圾一直没人清理，能不能转给物业处理一下",  # a matter told at length
        "楼道的灯坏了",
    ],
)
def test_not_an_action(typed: str) -> None:
    assert card_action(typed) is None
