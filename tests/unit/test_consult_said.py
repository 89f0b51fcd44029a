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


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("let's hold a residents meeting at 7pm in the hall", "the hall"),
        ("hold a meeting in room 203 on Friday at 3pm", "room 203"),
        ("hold a residents meeting at 7pm in room 203", "room 203"),
        ("residents meeting Friday 3pm room 203 about the lift", "room 203"),
        ("hold a meeting at Building 3 lobby", "Building 3 lobby"),
        (
            "schedule a residents meeting in the community centre next Wednesday 7pm",
            "the community centre",
        ),
        (
            "residents meeting next Wednesday 7pm, the community centre, about parking",
            "the community centre",
        ),
        (
            "residents meeting tomorrow at the community centre to discuss parking",
            "the community centre",
        ),
    ],
)
def test_english_places(text: str, place: str) -> None:
    """'at 7pm in the hall', 'room 203', 'the community centre': each read as the place, and
    nothing of it left over (before: only 'in/at the X' was read, the rest left unused)."""
    said = meeting_said(text)
    assert said is not None and said.place == place and said.rest is None, said


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("hold a residents meeting tomorrow at night to discuss noise", "noise"),
        ("hold a residents meeting in the evening about the lift", "the lift"),
        ("hold a residents meeting on Friday to discuss the room rates", "the room rates"),
        ("hold a residents meeting about the community garden", "the community garden"),
        ("hold a residents meeting at 7pm, at least an hour, about parking", "parking"),
    ],
)
def test_no_english_place_in_ordinary_words(text: str, title: str) -> None:
    """Times of day, ordinary phrases and a place word inside the subject are no place."""
    said = meeting_said(text)
    assert said is not None and said.place is None and said.title == title, said
