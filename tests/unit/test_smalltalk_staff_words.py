"""Staff and admins name their screens in words ('看看待办', '邀请网格员') and ask for the admin
pages' work in words ('撤销李社工的权限', '把李社工调到和谐社区'): what is read of them."""

from __future__ import annotations

import pytest

from services.smalltalk import (
    Screen,
    asks_on_duty,
    asks_work_area,
    building_count_asked,
    move_named,
    notice_to_every_community,
    revoke_named,
    screen_named,
    search_said,
)


@pytest.mark.parametrize(
    ("said", "screen"),
    [
        ("看看待办", Screen.QUEUE),
        ("待处理的诉求", Screen.QUEUE),
        ("show the queue", Screen.QUEUE),
        ("今天有什么要处理的", Screen.QUEUE),  # asked at the start of the day
        ("有新诉求吗？", Screen.QUEUE),
        ("any new requests?", Screen.QUEUE),
        ("我网格里有什么事", Screen.QUEUE),
        ("社区里有什么事吗？", Screen.QUEUE),
        ("帮居民登记一下", Screen.ON_BEHALF),
        ("我要发个通知", Screen.BROADCAST),
        ("审核报到", Screen.REVIEW),
        ("新建投票吧", Screen.CONSULT_STAFF),
        ("邀请网格员", Screen.INVITE_GRID),
        ("加个社工", Screen.INVITE_STAFF),
        ("工作人员列表", Screen.STAFF_LIST),
        ("有哪些管理员", Screen.ADMIN_LIST),
        ("组织架构", Screen.ORG),
        ("加个分类", Screen.CATEGORIES),
        # asked as questions, with the community's or the whole sub-district's words
        ("社区有几个社工？", Screen.STAFF_LIST),
        ("社工都有谁", Screen.STAFF_LIST),
        ("新来了一个社工，怎么加进来", Screen.INVITE_STAFF),
        ("网格怎么划分的", Screen.ORG),
        ("加一栋7号楼", Screen.ORG),
        ("有哪些志愿者？", Screen.MEMBER_LIST),
        ("党员名单", Screen.MEMBER_LIST),
        ("who are the volunteers", Screen.MEMBER_LIST),
        ("给1号楼发个通知", Screen.BROADCAST),
        ("send a notice to building 1", Screen.BROADCAST),
        ("what's on my plate today", Screen.QUEUE),
        ("新建第三网格", Screen.ORG),
        ("诉求分类有哪些？", Screen.CATEGORIES),
        ("给所有社区发个通知", Screen.BROADCAST),
        ("怎么发通知", Screen.BROADCAST),
    ],
)
def test_a_screen_named(said: str, screen: Screen) -> None:
    assert screen_named(said) is screen


@pytest.mark.parametrize(
    "said",
    [
        "楼道灯坏了",
        "待办和发通知",
        "邀请网格员来看看楼道灯坏了",
        "投票",
        "",
        "我想问问待办诉求怎么处理",
        "社区门口有垃圾",  # '社区' alone is a place, not a screen
        "通知一下3号楼的居民明天停水",  # the notice itself, said: not the form
        "我们社区的路灯坏了",
        "怎么",
    ],
)
def test_no_screen_in_other_words(said: str) -> None:
    # a matter told, two screens at once, a resident's feature: none of them a staff screen
    assert screen_named(said) is None


def test_a_revoke_reads_the_name_whole_first() -> None:
    assert revoke_named("撤销李社工") == ("李社工", "李")
    assert revoke_named("把张网格员的权限取消了") == ("张网格员", "张")
    assert revoke_named("撤销李明的权限吧") == ("李明",)
    assert revoke_named("revoke Li") == ("li",)
    assert revoke_named("撤销") == ()
    assert revoke_named("楼道灯坏了") == ()


def test_a_move_names_the_person_and_the_place() -> None:
    assert move_named("把李社工调到和谐社区") == ("李社工", "和谐社区")
    assert move_named("李社工调到和谐社区去了") == ("李社工", "和谐社区")
    assert move_named("move Li to Harmony community") == ("li", "harmony community")
    assert move_named("调到和谐社区") is None


@pytest.mark.parametrize(
    ("said", "words"),
    [
        ("帮我查一下周阿姨的诉求", "周阿姨"),
        ("周阿姨的诉求", "周阿姨"),
        ("周阿姨的诉求呢？", "周阿姨"),
        ("查一下1号楼302", "1号楼302"),
        ("找一下漏水的", "漏水"),
        ("查查楼道灯的事", "楼道灯"),
        ("搜一下 电梯", "电梯"),
        ("find Zhou's requests", "zhou"),
        ("search for leak", "leak"),
    ],
)
def test_a_search_said(said: str, words: str) -> None:
    assert search_said(said) == words


@pytest.mark.parametrize(
    "said", ["我的诉求", "查一下", "查询", "帮我看看", "查一下今天的", "楼道灯坏了", "你好", ""]
)
def test_no_search_said(said: str) -> None:
    # the resident's own list, nothing to look for, a matter told
    assert search_said(said) is None


def test_where_a_staff_member_works_asked() -> None:
    for said in (
        "我负责哪几栋楼",
        "我管哪些楼？",
        "我的网格有哪些楼",
        "我是哪个网格的",
        "which buildings do I cover",
    ):
        assert asks_work_area(said), said
    for said in ("我家哪栋楼", "楼道灯坏了", "哪些楼停水了", ""):
        assert not asks_work_area(said), said


@pytest.mark.parametrize(
    "said",
    ["谁还没处理诉求", "还有哪些诉求没处理？", "哪些诉求还没处理", "which requests are unhandled"],
)
def test_requests_not_handled_are_the_queue(said: str) -> None:
    assert screen_named(said) is Screen.QUEUE


def test_who_is_on_duty_asked() -> None:
    for said in ("今天谁值班", "今天谁值班？", "值班的是谁", "现在谁在值班呢", "Who's on duty?"):
        assert asks_on_duty(said), said
    for said in ("我今天值班", "今天谁值班我想请个假顺便问问", "谁来修水管"):
        assert not asks_on_duty(said), said


@pytest.mark.parametrize(
    ("said", "building"),
    [
        ("1号楼有几户", "1号楼"),
        ("1号楼住了多少人？", "1号楼"),
        ("阳光社区3栋有多少居民", "阳光社区3栋"),
        ("三号楼里一共有几户人家", "三号楼"),
        ("How many households in building 1?", "building 1"),
        ("how many residents are there in Building 5", "building 5"),
    ],
)
def test_how_many_live_in_a_building_asked(said: str, building: str) -> None:
    assert building_count_asked(said) == building


@pytest.mark.parametrize("said", ["我家有几口人", "1号楼的灯坏了", "1号楼有几个人反映漏水"])
def test_no_building_count_asked(said: str) -> None:
    assert building_count_asked(said) is None


def test_a_notice_to_every_community() -> None:
    for said in ("给所有社区发个通知", "给全街道发通知吧", "send a notice to all communities"):
        assert notice_to_every_community(said) and screen_named(said) is Screen.BROADCAST, said
    for said in ("给1号楼发个通知", "发个通知", "给阳光社区发个通知"):
        assert not notice_to_every_community(said), said
