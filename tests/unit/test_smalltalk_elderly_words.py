"""Words as older residents type them (services.smalltalk): done-or-not asked every way
('修了没有', '有人管没'), a matter taken back by name, the describing taken back, chat shorthand,
and a neighbour's phone asked."""

from __future__ import annotations

import pytest

from services.smalltalk import (
    Compose,
    Kind,
    Topic,
    asks_neighbour,
    asks_to_register,
    classify,
    compose_intent,
    matter_action_about,
    progress_subject,
)


@pytest.mark.parametrize(
    "text",
    [
        "修了没有",
        "有人管没",
        "处理了么",
        "来人了没",
        "解决了没有",
        "我家的事呢",
        "我的事情呢",
        "怎么没下文",
    ],
)
def test_done_or_not_asked_is_progress(text: str) -> None:
    assert classify(text) == Kind.PROGRESS


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("水管的事有人管没", "水管"),
        ("我报的那个灯 修了没有", "灯"),
        ("电梯弄好了没", "电梯"),
        ("楼道灯的事呢", "楼道灯"),
    ],
)
def test_the_matter_named_with_it(text: str, subject: str) -> None:
    assert progress_subject(text) == subject


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("我报的水管那个不要了 帮我撤了吧", (Topic.WITHDRAW, "水管")),
        ("把灯那个撤了", (Topic.WITHDRAW, "灯")),
        ("电梯的事催一下", (Topic.FOLLOW, "电梯")),
        ("cancel my elevator request", (Topic.WITHDRAW, "elevator")),
        ("帮我撤了吧", (Topic.WITHDRAW, "")),  # no matter named: the only one open
        ("帮我催一下 都好几天了", (Topic.FOLLOW, "")),
        ("电梯的事催催 等了一个星期了", (Topic.FOLLOW, "电梯")),
        ("怎么撤回水管那个", None),  # asked how
        ("都好几天了", None),
    ],
)
def test_a_matter_taken_back_by_name(text: str, read: tuple[Topic, str] | None) -> None:
    assert matter_action_about(text) == read


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("我不要报了 帮我撤了吧", Compose.CANCEL),
        ("帮我把这个撤了", Compose.CANCEL),
        ("just cancel it please", Compose.CANCEL),
        ("门口的灯又不亮了", None),
        ("撤了这个灯", None),
    ],
)
def test_the_describing_taken_back(text: str, meant: Compose | None) -> None:
    assert compose_intent(text) == meant


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("who r u", Kind.WHO),
        ("r u a bot", Kind.WHO),
        ("thx u", Kind.THANKS),
        ("ok ty", Kind.THANKS),
        ("hello?? anyone", Kind.GREETING),
        ("u still there?", Kind.GREETING),
        ("the light in my hallway is broken", None),
    ],
)
def test_chat_shorthand(text: str, kind: Kind | None) -> None:
    assert classify(text) == kind


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("周阿姨电话多少", True),
        ("周阿姨住几楼 她电话多少", True),
        ("我想找一下3号楼的老王 他住哪", True),
        ("what is my neighbours number", True),
        ("社区电话多少", False),
        ("物业电话是多少", False),
        ("我的电话改了", False),
        ("my phone number changed", False),
        ("小区门口的灯坏了", False),
        ("刘师傅电话多少", False),
        # a home by its number, who lives there
        ("302的电话多少", True),
        ("502室住的谁 电话多少", True),
        ("楼上是谁家", True),
        ("隔壁住的是谁啊", True),
        ("who lives upstairs", True),
        ("楼上是谁家在装修 太吵了", False),  # a matter: the noise
        ("我住302", False),
        ("1号楼302的水管漏水", False),
    ],
)
def test_a_neighbours_phone_asked(text: str, asked: bool) -> None:
    assert asks_neighbour(text) is asked


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("登记", True),
        ("我要登记", True),
        ("我想登记一下", True),
        ("怎么注册", True),
        ("I want to register", True),
        ("how do i sign up", True),
        ("我住3号楼", False),
        ("登记手机号", False),
        ("我要报到", False),  # a member's sign-up
    ],
)
def test_register_said(text: str, asked: bool) -> None:
    assert asks_to_register(text) is asked
