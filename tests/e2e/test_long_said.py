"""Words that would make a matter longer than it can hold are not cut off unseen: sent under
the menu's offer after a long first message, or told to the bot in the group after a long
first mention, they are not added and the resident is told so (what was said before stays
whole). Before, the joined text was cut at 4,000 characters and the bot answered '收到，和刚才说的
一起记下了' / '已经记下' — the end of it lost without a word."""

from __future__ import annotations

from sandbox.driver import message_text
from sandbox.emulator import BOT_USERNAME
from tests.e2e.conftest import Harness

WU = 4002  # 吴大爷, registered, no open matter
ZHOU = 4001  # 周阿姨
XIAOLIN = 5001  # 小林, not registered
GROUP = -100980
FIRST = ("水管漏水了，楼下天花板也湿了。" * 200)[:3000]
SECOND = ("另外楼道的灯也坏了，晚上很黑。" * 200)[:2999] + "尾"


async def test_words_too_many_for_the_offer_are_not_cut_off_unseen(
    linli_sandbox: Harness,
) -> None:
    d = linli_sandbox.driver
    [offer] = await d.say(WU, FIRST)
    assert "报给社区" in str(offer.get("reply_markup")), message_text(offer)
    [again] = await d.say(WU, SECOND)
    text = message_text(again)
    assert "没有加进去" in text and "3,000" in text, text
    await d.tap(WU, "📝 报给社区", again["message_id"])
    await d.expect(WU, "说完了", since=again["message_id"])
    preview = await d.expect(
        WU, "您要反映的事情", since=(await d.say(WU, "✅ 说完了"))[0]["message_id"] - 1
    )
    assert FIRST[-30:] in message_text(preview) and "尾" not in message_text(preview)
    assert await d.errors() == []


async def test_a_mention_too_long_to_keep_is_said_not_kept(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    await d.add_group(id=GROUP, title="阳光社区居民群", members=[ZHOU])
    [kept] = await d.say(ZHOU, f"@{BOT_USERNAME} {FIRST}", chat=GROUP)
    assert "已经记下" in message_text(kept)
    [answer] = await d.say(ZHOU, f"@{BOT_USERNAME} {SECOND}", chat=GROUP)
    assert "这次的没有记下" in message_text(answer), message_text(answer)
    start = await d.send(ZHOU, "/start g")
    offer = await d.expect(ZHOU, "您在群里说的事", since=start["message_id"])
    assert FIRST[-30:] in message_text(offer) and "尾" not in message_text(offer)
    assert await d.errors() == []


async def test_words_too_many_before_registering_are_said_not_kept(
    linli_sandbox: Harness,
) -> None:
    """小林 (not registered) tells a long matter in two messages: the second is not kept, and
    he is told so; the first waits whole for the request after registering."""
    d = linli_sandbox.driver
    [*_, first] = await d.say(XIAOLIN, FIRST)
    assert "先记下了" in message_text(first), message_text(first)
    [*_, second] = await d.say(XIAOLIN, SECOND)
    assert "没有加进去" in message_text(second), message_text(second)
    assert await d.errors() == []


async def test_words_too_many_to_join_the_group_matter_are_said_not_added(
    linli_sandbox: Harness,
) -> None:
    """周阿姨 told a long matter in the group, then types a long one in the private chat: the
    group's words are offered whole, the new ones not added, and she is told so."""
    d = linli_sandbox.driver
    await d.add_group(id=GROUP, title="阳光社区居民群", members=[ZHOU])
    await d.say(ZHOU, f"@{BOT_USERNAME} {FIRST}", chat=GROUP)
    [*_, offer] = await d.say(ZHOU, SECOND)
    text = message_text(offer)
    assert "没有加进去" in text and "您在群里说的事" in text and "合在一起" not in text, text
    await d.tap(ZHOU, "报给社区", offer["message_id"])
    await d.expect(ZHOU, "说完了", since=offer["message_id"])
    await d.say(ZHOU, "✅ 说完了")
    preview = await d.expect(ZHOU, "您要反映的事情", since=offer["message_id"])
    assert FIRST[-30:] in message_text(preview) and "尾" not in message_text(preview)
    assert await d.errors() == []
