"""services.smalltalk.card_action and gives_up: a staff card button, or 放弃工单, said in words."""

from __future__ import annotations

import pytest

from services.smalltalk import CardAction, card_action, gives_up


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


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("这个我干不了，家里有事", True),
        ("不接了", True),
        ("去不了了", True),
        ("I can't do it", True),
        ("谁修不了？", False),  # a question
        ("修好了", False),
        ("好的", False),
        ("电梯坏了好几天了物业一直修不了真是太让人着急了", False),  # a matter told
    ],
)
def test_an_order_given_back_in_words(typed: str, said: bool) -> None:
    assert gives_up(typed) is said
