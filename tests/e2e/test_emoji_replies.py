"""An emoji alone ('👍', '🙏', '👋'), as many older residents answer, gets a person's answer:
before, it was "没有看懂您的意思"."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness

WU = 4002  # 吴大爷, registered resident


async def test_an_emoji_alone_is_answered_as_the_words_would_be(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    for emoji, answer in (("👍", "好的"), ("🙏🏻", "不客气"), ("👋", "您好")):
        [said] = await d.say(WU, emoji)
        assert answer in message_text(said), (emoji, message_text(said))
        assert "没有看懂" not in message_text(said)
    # '🔥' alone may be a fire: what happened, and the numbers to call (it was '没有看懂')
    [fire] = await d.say(WU, "🔥")
    assert "出什么事了" in message_text(fire) and "119" in message_text(fire)
    assert "没有看懂" not in message_text(fire)
    assert await d.errors() == []
