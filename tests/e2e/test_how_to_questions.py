"""A short question how to use the bot ("怎么投票") is answered with how, by the fallback
(handlers.fallback, services.smalltalk.how_to): not offered to be filed as a matter. (A feature
named bare, "投票", opens: tests/e2e/test_feature_named_bare.py.)"""

from __future__ import annotations

from typing import Any

from sandbox.driver import message_text
from tests.e2e.conftest import Harness

RESIDENT = 4001  # 周阿姨, registered, not a member
MEMBER = 3001  # 刘师傅, an approved member
NEW = 5001  # 小林, unregistered
ALEX = 5002  # English, unregistered
OFFER = "要把这件事报给社区吗"


def _labels(message: dict[str, Any]) -> list[str]:
    markup = message.get("reply_markup") or {}
    rows = markup.get("keyboard", []) + markup.get("inline_keyboard", [])
    return [b["text"] for row in rows for b in row]


def _no_offer(replies: list[dict[str, Any]]) -> None:
    for reply in replies:
        assert OFFER not in message_text(reply), message_text(reply)
        assert not any("报给社区" in label for label in _labels(reply)), _labels(reply)


async def test_how_to_vote_is_answered_not_offered_for_filing(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    replies = await d.say(RESIDENT, "怎么投票")
    _no_offer(replies)
    [answer] = replies
    assert "🗳 近期议事" in message_text(answer), message_text(answer)
    assert "登记住址" not in message_text(answer)  # she has an address
    assert "🗳 近期议事" in _labels(answer)  # her main menu comes with it
    # a matter with a question in it is still a matter
    [offer] = await d.say(RESIDENT, "水管坏了怎么办")
    assert OFFER in message_text(offer), message_text(offer)


async def test_unregistered_user_is_told_what_comes_first(linli_sandbox: Harness) -> None:
    """Signing up for a meeting needs an address: the answer says so, and what follows."""
    d = linli_sandbox.driver
    replies = await d.say(NEW, "怎么报名参加议事会")
    _no_offer(replies)
    [answer] = replies
    text = message_text(answer)
    assert "🏠 登记住址" in text and "🗳 近期议事" in text, text
    assert "先记下了" not in text  # not kept as a matter until registering
    assert "🏠 登记住址" in _labels(answer)


async def test_english_question_answered_in_english(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    replies = await d.say(ALEX, "how do I vote")
    [answer] = replies
    text = message_text(answer)
    assert "🗳 Meetings and polls" in text and "Register address" in text, text
    assert "noted what you told us" not in text


async def test_claiming_is_answered_for_the_asker_role(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    [resident] = await d.say(RESIDENT, "怎么接单")
    text = message_text(resident)
    assert "🙋 党员/志愿者报到" in text and "审核通过" in text, text
    [member] = await d.say(MEMBER, "请问怎么接单？")
    text = message_text(member)
    assert "🛠 可接工单" in text and "报到" not in text, text
    assert "🛠 可接工单" in _labels(member)
    _no_offer([resident, member])


async def test_the_community_office_asked_for_is_given(linli_sandbox: Harness) -> None:
    """'社区电话是多少' was offered to be filed; now the office's phone, address and hours on
    file are the answer (a person with no address yet is told to register first)."""
    d = linli_sandbox.driver
    replies = await d.say(RESIDENT, "社区电话是多少？")
    _no_offer(replies)
    said = "\n".join(message_text(r) for r in replies)
    assert "阳光社区" in said and "021-55500101" in said and "阳光路 88 号" in said, said
    # a person asked for, as on a hotline: the office too (was offered to be filed)
    for asked in ("转人工", "我要打电话给社区"):
        replies = await d.say(RESIDENT, asked)
        _no_offer(replies)
        assert "021-55500101" in "\n".join(message_text(r) for r in replies), asked
    replies = await d.say(NEW, "居委会在哪")
    _no_offer(replies)
    assert "🏠 登记住址" in "\n".join(message_text(r) for r in replies)
    # the property company's phone is not ours to give: offered as a matter, as before
    replies = await d.say(RESIDENT, "物业电话是多少")
    assert OFFER in "\n".join(message_text(r) for r in replies)


async def test_a_feature_or_the_menu_named_bare_is_not_a_matter(linli_sandbox: Harness) -> None:
    """'撤回', '催一下', '主菜单' typed at the menu were offered to be filed as matters; now
    the feature itself — her requests, where each offers withdrawing and urging (she has none
    yet: tests/e2e/test_feature_named_bare.py has the list) — and the main menu; someone not
    registered yet gets the feature's how-to."""
    d = linli_sandbox.driver
    for said in ("撤回", "我要撤回", "催一下"):
        replies = await d.say(RESIDENT, said)
        _no_offer(replies)
        assert "您还没有提交过诉求" in "\n".join(message_text(r) for r in replies), said
    for said, words in (("撤回", "↩️ 撤回"), ("我要撤回", "↩️ 撤回"), ("催一下", "⏰ 催一下")):
        replies = await d.say(NEW, said)
        _no_offer(replies)
        assert words in "\n".join(message_text(r) for r in replies), said
    for said in ("主菜单", "返回"):
        replies = await d.say(RESIDENT, said)
        _no_offer(replies)
        assert "您好，周阿姨！有什么可以帮您？" in message_text(replies[0]), said
        assert "📝 我要点单" in _labels(replies[0])


async def test_asking_how_to_report_starts_the_report(linli_sandbox: Harness) -> None:
    """'我要报修' or '怎么反映问题' from a registered resident: the filing starts, as
    📝 我要点单 starts it (not an answer telling them to tap it, nor an offer to file the words
    '我要报修' as the matter); someone not registered is told to register first."""
    d = linli_sandbox.driver
    for said in ("我要报修", "怎么反映问题"):
        replies = await d.say(RESIDENT, said)
        _no_offer(replies)
        assert "请说说您遇到了什么事" in message_text(replies[-1]), said
        assert "✅ 说完了" in _labels(replies[-1])
        await d.say(RESIDENT, "✖️ 取消")
    replies = await d.say(NEW, "怎么报修")
    _no_offer(replies)
    assert "🏠 登记住址" in "\n".join(message_text(r) for r in replies)
