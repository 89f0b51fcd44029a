"""Quiet hours and a move said in words (services.smalltalk.quiet_wish, moved_to)."""

from __future__ import annotations

import pytest

from services.smalltalk import QuietWish, quiet_wish


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
