"""A short question how to use one feature is read as that feature, and so is the feature named
bare (to be done: `opens` says what it opens for whom); a matter asked about is neither."""

from __future__ import annotations

import pytest

from bot.i18n import Translator
from models import Role
from services.smalltalk import (
    MAX_CHARS,
    Feature,
    Kind,
    Named,
    OrderAsk,
    Topic,
    asks_pause,
    classify,
    how_to,
    how_to_answer,
    matter_action,
    opens,
    order_asked,
)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("怎么投票", Topic.VOTE),
        ("请问怎么投票？", Topic.VOTE),
        ("在哪里投票啊", Topic.VOTE),
        ("我能投票吗", Topic.VOTE),
        ("怎么参加投票", Topic.VOTE),  # 参加 could be a meeting too: the words share voting
        ("怎麼投票", Topic.VOTE),  # Traditional characters
        ("how do I vote", Topic.VOTE),
        ("where is the community office", Topic.OFFICE),
        ("can I speak to a human", Topic.OFFICE),
        ("what's the community phone number", Topic.OFFICE),
        ("when are you open?", Topic.OFFICE),
        ("How can I vote?", Topic.VOTE),
        ("where can i vote", Topic.VOTE),
        ("在哪里报名参加议事会", Topic.MEETING),
        ("怎么报名参加议事会", Topic.MEETING),
        ("怎么报名", Topic.MEETING),  # 报名 alone: a meeting
        ("怎么签到", Topic.MEETING),
        ("议事会在哪里开", Topic.MEETING),
        ("where do I check in", Topic.MEETING),
        ("how do I sign up for a meeting", Topic.MEETING),
        ("怎么提议题", Topic.TOPIC),
        ("议事会怎么提议题", Topic.TOPIC),
        ("怎么报修", Topic.FILE),
        ("哪里可以报修", Topic.FILE),
        ("怎么反映问题", Topic.FILE),
        ("我想问一下怎么点单", Topic.FILE),
        ("how do I report a problem", Topic.FILE),
        ("怎么催", Topic.FOLLOW),
        ("怎么催一下我的诉求", Topic.FOLLOW),
        ("怎么查进度", Topic.FOLLOW),
        ("怎么撤回我的诉求", Topic.WITHDRAW),
        ("诉求怎么撤销", Topic.WITHDRAW),
        ("可以撤回吗", Topic.WITHDRAW),
        ("How can I withdraw my request?", Topic.WITHDRAW),
        ("如何评价", Topic.RATE),
        ("怎么给诉求打分", Topic.RATE),
        ("积分怎么算", Topic.POINTS),
        ("積分怎麼算", Topic.POINTS),
        ("服务时长在哪里看", Topic.POINTS),
        ("怎么接单", Topic.CLAIM),
        ("志愿者怎么接单", Topic.CLAIM),  # 志愿者 and 接单 share claiming
        ("怎么当志愿者", Topic.JOIN),
        ("在哪里报到", Topic.JOIN),
        ("怎么报名当志愿者", Topic.JOIN),
        ("怎么改地址", Topic.ADDRESS),
        ("怎么改住址", Topic.ADDRESS),
        ("我家的地址怎么改", Topic.ADDRESS),
        ("怎么登记", Topic.ADDRESS),
        ("how do I register", Topic.ADDRESS),
        ("怎么改手机号", Topic.PHONE),
        ("怎么登记手机号", Topic.PHONE),
        ("怎么开免打扰", Topic.QUIET),
        ("晚上别发消息怎么设置", Topic.QUIET),
        ("能不能晚上别发", Topic.QUIET),
        ("how do i turn off notifications at night", Topic.QUIET),
        ("怎么删除我的信息", Topic.FORGET),
        ("怎么注销", Topic.FORGET),
        ("怎么换语言", Topic.LANGUAGE),
        ("怎么换成英文", Topic.LANGUAGE),
        ("怎么用繁体", Topic.LANGUAGE),
        ("how do I change the language", Topic.LANGUAGE),
        ("社区地址在哪里", Topic.OFFICE),  # the office's address, not one's own
        ("社区电话是多少", Topic.OFFICE),
        ("居委会在哪", Topic.OFFICE),
        ("社区几点上班", Topic.OFFICE),
        ("怎么联系社区", Topic.OFFICE),
        ("what are the office hours", Topic.OFFICE),
        # a person to speak to: people used to hotlines ask for 人工
        ("我要打电话给社区", Topic.OFFICE),
        ("找社区的人", Topic.OFFICE),
        ("你们办公室在哪", Topic.OFFICE),
        ("转人工", Topic.OFFICE),
        ("我要找真人", Topic.OFFICE),
        ("社区的联系方式", Topic.OFFICE),
        ("can I talk to a real person", Topic.OFFICE),
        # a feature named bare is asked about too (never a matter to file)
        ("投票", Topic.VOTE),
        ("我想投票", Topic.VOTE),
        ("撤回", Topic.WITHDRAW),
        ("补充一下", Topic.ADD_INFO),
        ("怎么补照片", Topic.ADD_INFO),
        ("我要撤回", Topic.WITHDRAW),
        ("催一下", Topic.FOLLOW),
        ("积分", Topic.POINTS),
        ("晚上别发消息", Topic.QUIET),
    ],
)
def test_how_to_question(text: str, topic: Topic) -> None:
    named = how_to(text)
    assert named is not None and named.topic == topic
    assert classify(text) is None  # not small talk: the fallback asks how_to next


@pytest.mark.parametrize(
    "text",
    [
        "水管坏了怎么办",  # a matter, asked about
        "楼道灯不亮怎么报修啊 已经三天了",  # other content words
        "电梯坏了怎么报修",
        "楼上晚上很吵怎么办",
        "怎么又停水了",
        "怎么还没人来修",
        "可以撤回",  # 可以 without 吗 is not asking
        "发通知",  # 通知 alone names no feature (staff's button's words, typed by a resident)
        "报名",  # nor 报名: a meeting's or a member's
        "怎么",  # no feature
        "怎么办",
        "怎么投票和报名",  # two features
        "晚上怎么签到",
        "投票怎么样了",  # how the vote went, not how to vote
        "物业电话是多少",  # the property company's, not ours to give
        "how does this work",
        "",
        "怎么投票" * (MAX_CHARS // 4 + 1),  # too long
    ],
)
def test_not_a_how_to_question(text: str) -> None:
    assert how_to(text) is None


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("怎么投票", True),
        ("我能投票吗", True),  # 吗 asks
        ("可以撤回吗", True),
        ("积分怎么算", True),
        ("how do I vote", True),
        ("where can i vote", True),
        ("怎么换成英文", True),
        ("投票", False),
        ("我要投票", False),
        ("我想投票", False),
        ("撤回", False),
        ("我要撤回", False),
        ("积分", False),
        ("我的积分", False),
        ("接单", False),
        ("催一下", False),
        ("补充一下", False),
        ("英文", False),
        ("换语言", False),
        ("vote", False),
        ("晚上别发消息", False),
    ],
)
def test_asked_how_or_named_bare(text: str, asked: bool) -> None:
    """A question word (or 吗) asks how; the feature named alone asks to do it."""
    named = how_to(text)
    assert named is not None and named.asked is asked


RESIDENT = frozenset({Role.RESIDENT})
MEMBER = frozenset({Role.RESIDENT, Role.MEMBER})


@pytest.mark.parametrize(
    ("text", "registered", "roles", "feature"),
    [
        # named bare by a registered resident: the feature, as its button opens it
        ("投票", True, RESIDENT, Feature.CONSULT),
        ("我要投票", True, RESIDENT, Feature.CONSULT),
        ("开会", True, RESIDENT, Feature.CONSULT),
        ("签到", True, RESIDENT, Feature.CONSULT),
        ("提议题", True, RESIDENT, Feature.CONSULT),
        ("撤回", True, RESIDENT, Feature.MY_REQUESTS),
        ("我要撤回", True, RESIDENT, Feature.MY_REQUESTS),
        ("催一下", True, RESIDENT, Feature.MY_REQUESTS),
        ("补充一下", True, RESIDENT, Feature.MY_REQUESTS),
        ("评价", True, RESIDENT, Feature.MY_REQUESTS),
        ("我要报修", True, RESIDENT, Feature.NEW_REQUEST),
        ("我要当志愿者", True, RESIDENT, Feature.JOIN),
        ("改地址", True, RESIDENT, Feature.PROFILE),
        ("手机号", True, RESIDENT, Feature.PROFILE),
        ("免打扰", True, RESIDENT, Feature.QUIET),
        ("英文", True, RESIDENT, Feature.LANGUAGE),
        ("换语言", True, RESIDENT, Feature.LANGUAGE),
        ("English", True, RESIDENT, Feature.LANGUAGE),
        # a member's own features: theirs only once signed up and approved
        ("我的积分", True, MEMBER, Feature.POINTS),
        ("积分", True, MEMBER, Feature.POINTS),
        ("接单", True, MEMBER, Feature.OPEN_ORDERS),
        ("投票", True, MEMBER, Feature.CONSULT),
        # the figure or the place asked as members say it
        ("我有多少分了", True, MEMBER, Feature.POINTS),
        ("这个月我排第几", True, MEMBER, Feature.POINTS),
        ("我排第几名", True, MEMBER, Feature.POINTS),
        ("how many points do I have", True, MEMBER, Feature.POINTS),
        ("what is my rank", True, MEMBER, Feature.POINTS),  # was how points work
        ("what's my rank?", True, MEMBER, Feature.POINTS),
        ("What's my score", True, MEMBER, Feature.POINTS),
        ("what is my rank", True, RESIDENT, None),  # not a member: how (signing up first)
        ("what is my address", True, RESIDENT, None),  # not a list of theirs: how, as before
        ("what are points", True, MEMBER, None),  # what they are: how they work
        # a member who lives elsewhere (no address here) gets their own features all the same
        ("有什么活可以干吗", False, frozenset({Role.MEMBER}), Feature.OPEN_ORDERS),
        ("我有多少分了", False, frozenset({Role.MEMBER}), Feature.POINTS),
        ("投票", False, frozenset({Role.MEMBER}), None),
        ("积分", True, RESIDENT, None),  # how: signing up comes first
        ("我有多少分了", True, RESIDENT, None),
        ("接单", True, RESIDENT, None),
        ("我要当志愿者", True, MEMBER, None),  # signed up already: how says so
        # signing up needs no address here: it asks which community they will serve
        ("我想当志愿者", False, RESIDENT, Feature.JOIN),
        ("I want to volunteer", False, RESIDENT, Feature.JOIN),
        # not registered yet: how (it says what comes first)
        ("投票", False, RESIDENT, None),
        ("撤回", False, RESIDENT, None),
        ("我要报修", False, RESIDENT, None),
        ("英文", False, RESIDENT, None),
        ("改地址", False, RESIDENT, None),
        # asked how: the answer is how, except filing, whose first step says how
        ("怎么投票", True, RESIDENT, None),
        ("how do I vote", True, RESIDENT, None),
        ("积分怎么算", True, MEMBER, None),
        ("怎么接单", True, MEMBER, None),
        ("可以撤回吗", True, RESIDENT, None),
        ("怎么换语言", True, RESIDENT, None),
        ("怎么反映问题", True, RESIDENT, Feature.NEW_REQUEST),
        # deleting one's data is never done on one word; the office is answered as it is
        ("删除", True, RESIDENT, None),
        ("注销", True, MEMBER, None),
        ("居委会", True, RESIDENT, None),
    ],
)
def test_what_a_feature_named_opens(
    text: str, registered: bool, roles: frozenset[Role], feature: Feature | None
) -> None:
    named = how_to(text)
    assert named is not None
    assert opens(named, registered=registered, roles=roles) == feature


def test_only_a_named_feature_is_opened() -> None:
    """Every topic but deleting one's data and the office opens something for someone."""
    opened = {
        topic
        for topic in Topic
        for asked in (False, True)
        for roles in (RESIDENT, MEMBER)
        if opens(Named(topic=topic, asked=asked), registered=True, roles=roles) is not None
    }
    assert set(Topic) - opened == {Topic.FORGET, Topic.OFFICE}


def test_small_talk_is_still_read_first() -> None:
    """'怎么用' is help and '我的诉求怎么样了' progress, as before."""
    assert classify("怎么用") == Kind.HELP
    assert classify("我上次反映的事怎么样了") == Kind.PROGRESS


@pytest.mark.parametrize("topic", list(Topic))
def test_every_feature_has_its_answer_in_every_language(topic: Topic) -> None:
    translator = Translator()
    for lang in translator.languages:
        for registered in (True, False):
            for roles in (frozenset({Role.RESIDENT}), frozenset({Role.RESIDENT, Role.MEMBER})):
                howto = how_to_answer(topic, registered=registered, roles=roles)
                assert translator.get(lang, howto.key, **howto.args).strip()


def test_the_answer_is_for_this_person() -> None:
    """Claiming: a member is shown where; anyone else that signing up comes first. Voting
    without an address: registering comes first."""
    tr = Translator()
    resident = frozenset({Role.RESIDENT})
    member = frozenset({Role.RESIDENT, Role.MEMBER})

    def said(topic: Topic, *, registered: bool, roles: frozenset[Role]) -> str:
        howto = how_to_answer(topic, registered=registered, roles=roles)
        return tr.get("zh-Hans", howto.key, **howto.args)

    assert "🛠 可接工单" in said(Topic.CLAIM, registered=True, roles=member)
    claim = said(Topic.CLAIM, registered=True, roles=resident)
    assert "🙋 党员/志愿者报到" in claim and "审核通过" in claim
    assert "🗳 近期议事" in said(Topic.VOTE, registered=True, roles=resident)
    assert "🏠 登记住址" in said(Topic.VOTE, registered=False, roles=resident)
    assert "🏠 登记住址" not in said(Topic.VOTE, registered=True, roles=resident)
    assert "👤 我的资料" in said(Topic.ADDRESS, registered=True, roles=resident)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # registering named bare: not a matter kept to be filed once registered
        ("I want to register", Topic.ADDRESS),
        ("I'd like to register", Topic.ADDRESS),
        ("register", Topic.ADDRESS),
        ("registration", Topic.ADDRESS),
        ("我要注册", Topic.ADDRESS),
        # with the volunteer beside it: signing up as one
        ("register as a volunteer", Topic.JOIN),
        ("我想注册志愿者", Topic.JOIN),
        ("I want to volunteer", Topic.JOIN),
        ("I want to become a volunteer", Topic.JOIN),
        ("don't send me messages at night", Topic.QUIET),
        ("no messages at night please", Topic.QUIET),
        ("I want to add a photo to my request", Topic.ADD_INFO),
        ("I want to add more information", Topic.ADD_INFO),
    ],
)
def test_registering_named_bare(text: str, topic: Topic) -> None:
    named = how_to(text)
    assert named is not None and named.topic is topic and not named.asked


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("补充", Topic.ADD_INFO),
        ("补充一下", Topic.ADD_INFO),
        ("催一下", Topic.FOLLOW),
        ("催催", Topic.FOLLOW),
        ("撤回", Topic.WITHDRAW),
        ("我要撤回", Topic.WITHDRAW),
        ("withdraw", Topic.WITHDRAW),
        ("进度", None),  # how it stands: the list
        ("怎么撤回", None),  # asked how
        ("评价", None),
    ],
)
def test_a_matter_action_named_bare(text: str, action: Topic | None) -> None:
    assert matter_action(text) == action


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("这个单在哪", OrderAsk.WHERE),
        ("这个活在哪里", OrderAsk.WHERE),
        ("他家住几楼", OrderAsk.WHERE),
        ("where is the job", OrderAsk.WHERE),
        ("几点之前要做完", OrderAsk.WHEN),
        ("这单什么时候截止", OrderAsk.WHEN),
        ("when is it due", OrderAsk.WHEN),
        ("居民电话多少", OrderAsk.CONTACT),
        ("居民的电话是多少？", OrderAsk.CONTACT),
        ("怎么联系他", OrderAsk.CONTACT),
        ("what's the resident's phone number?", OrderAsk.CONTACT),
        # no order, resident or work named: the office's phone, anything's place
        ("电话多少", None),
        ("社区电话多少", None),
        ("在哪", None),
        ("楼道灯坏了在哪报修", None),
        ("这个单我接了", None),
        ("做完了", None),
    ],
)
def test_an_order_asked_about(text: str, asked: OrderAsk | None) -> None:
    """Where, by when, the resident's phone: asked of an order as members ask it."""
    assert order_asked(text) == asked


@pytest.mark.parametrize(
    ("text", "pause"),
    [
        ("我这周出差，先别派给我", True),
        ("暂停接单", True),
        ("这周不接单", True),
        ("先别给我派活了", True),
        ("最近别发通知给我", True),
        ("I'm away this week, don't send me orders", True),
        # a resident's words about who comes, or a matter
        ("别派那个师傅来了", False),
        ("不要派人来了", False),
        ("我这周出差", False),
        ("楼道灯不亮了", False),
    ],
)
def test_a_member_asks_for_no_work(text: str, pause: bool) -> None:
    """Not to be sent work for a while, as members say it."""
    assert asks_pause(text) is pause
