"""What is on, asked in words ('最近有什么会', '什么时候开会', '最近有投票吗', 'when is the
meeting'), opens 🗳 近期议事 itself, as its button would: before, '最近有什么会' was offered to
be filed as a matter and '什么时候开会' got how to sign up. 'How' questions ('怎么投票') still
get how."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness

ZHOU = 4001  # 周阿姨, registered resident
NEW = 5001  # 小林, not registered
ALEX = 5002  # English, not registered


async def test_what_is_on_asked_in_words_opens_the_list(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    asked = ("最近有什么会", "什么时候开会？", "最近有投票吗", "今天有会吗", "接下来有什么会")
    for typed in asked:
        [shown] = await d.say(ZHOU, typed)
        said = message_text(shown)
        assert said.startswith("近期议事"), (typed, said)
        assert "报给社区" not in said
    [how] = await d.say(ZHOU, "怎么投票")
    assert "列表里带 🗳 的就是正在进行的投票" in message_text(how)
    # someone not registered yet: what comes first, not the list
    [first] = await d.say(NEW, "什么时候开会")
    assert "要先登记住址" in message_text(first)
    # in English too ('next' and 'soon' are not a matter to keep for after registering)
    for typed in ("when is the next meeting?", "are there any meetings soon"):
        [first] = await d.say(ALEX, typed)
        assert "register" in message_text(first).lower(), typed
        assert "We have noted what you told us" not in message_text(first)
    assert await d.errors() == []


async def test_points_asked_how_many_opens_the_points(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    liu = 3001  # 刘师傅, a member
    [shown] = await d.say(liu, "我的积分多少")
    assert "点下方的「🏅 我的积分」" not in message_text(shown)
    [button] = await d.say(liu, "🏅 我的积分")
    assert message_text(shown) == message_text(button)  # the same as the button shows
    [how] = await d.say(liu, "积分怎么算")
    assert "点下方的「🏅 我的积分」" in message_text(how)
    assert await d.errors() == []
