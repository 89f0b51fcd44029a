"""A meeting or a poll staff describe in one message: what is read of it, and what is not a
meeting to set up at all (where they are, or a meeting only mentioned)."""

from __future__ import annotations

import pytest

from services.consult_said import meeting_said, poll_said


def test_a_meeting_said_whole() -> None:
    said = meeting_said("下周三晚上7点开个议事会，讨论加装电梯")
    assert said is not None
    assert (said.kind, said.title, said.when, said.rest) == (
        "residents",
        "加装电梯",
        "下周三晚上7点",
        None,
    )
    said = meeting_said("周五下午3点在活动室开楼栋夜话")
    assert said is not None and (said.kind, said.place) == ("building_night", "活动室")


@pytest.mark.parametrize(
    "text",
    [
        "我在开会",
        "正在开会，晚点说",
        "刚开完会",
        "下午要开会，晚点回复",
        "I am in a meeting",
        "明天开会吗",
    ],
)
def test_no_meeting_to_set_up(text: str) -> None:
    assert meeting_said(text) is None


def test_a_poll_said_with_its_options() -> None:
    said = poll_said("投票：小区停车费要不要涨 选项 同意 不同意 弃权")
    assert said is not None and said.options == ("同意", "不同意", "弃权")
