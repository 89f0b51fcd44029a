"""Quiet hours and a move said in words (services.smalltalk.quiet_wish, moved_to)."""

from __future__ import annotations

import pytest

from services.smalltalk import QuietWish, moved_to, quiet_wish


@pytest.mark.parametrize(
    ("text", "wish"),
    [
        ("晚上别给我发消息", QuietWish.ON),
        ("晚上不要打扰我", QuietWish.ON),
        ("晚上十点以后别发消息", QuietWish.ON),
        ("开启免打扰", QuietWish.ON),
        ("don't message me at night", QuietWish.ON),
        ("no messages at night please", QuietWish.ON),
        ("夜里也通知我", QuietWish.OFF),
        ("关闭免打扰", QuietWish.OFF),
        ("不要免打扰", QuietWish.OFF),
        ("notify me at night too", QuietWish.OFF),
        ("免打扰", QuietWish.SHOW),
        ("晚上发消息", QuietWish.SHOW),
    ],
)
def test_quiet_hours_asked(text: str, wish: QuietWish) -> None:
    assert quiet_wish(text) == wish


@pytest.mark.parametrize(
    "text", ["晚上", "晚上好", "楼上晚上太吵了", "楼上晚上不要吵", "晚上路灯不亮", "别发了"]
)
def test_not_quiet_hours(text: str) -> None:
    assert quiet_wish(text) is None


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("我搬家了", ""),
        ("搬家", ""),
        ("改地址", ""),
        ("我想改一下住址", ""),
        ("我搬到3号楼了", "3号楼"),
        ("我搬到3号楼201了", "3号楼201"),
        ("我们搬家了，新地址是2号楼101", "2号楼101"),
        ("我搬到和谐社区了", "和谐社区"),
        ("I have moved", ""),
        ("I moved to building 3", "building 3"),
    ],
)
def test_a_move_said(text: str, where: str) -> None:
    assert moved_to(text) == where


@pytest.mark.parametrize(
    "text",
    [
        "地址",
        "怎么改地址",
        "楼上搬家噪音太大",
        "我搬家的时候楼道弄脏了",
        "我搬家的时候把扶手碰坏了",
    ],
)
def test_not_a_move(text: str) -> None:
    assert moved_to(text) is None
