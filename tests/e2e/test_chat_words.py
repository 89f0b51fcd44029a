"""A chat is answered kindly and is no matter: '今天天气怎么样' at the menu gets what the bot is
for, with nothing offered to be filed; typed while describing a matter, it is not added to it.
Before, the weather question was offered to be filed ('要把这件事报给社区吗？'), or joined to the
matter just told."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.support import inline_labels

ZHOU = 4001  # 周阿姨, 阳光社区 1号楼 302
WU = 4002  # 吴大爷


async def test_a_chat_at_the_menu_is_answered_not_filed(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    [answer] = await d.say(ZHOU, "今天天气怎么样？")
    assert message_text(answer).startswith("我是社区的服务小助手"), message_text(answer)
    assert "报给社区" not in " ".join(inline_labels(answer))
    # a matter told next is offered on its own, the chat not joined to it
    [offer] = await d.say(ZHOU, "楼道灯坏了好几天了")
    assert "和刚才说的" not in message_text(offer)
    assert "📝 报给社区" in inline_labels(offer)
    assert await d.errors() == []


async def test_a_chat_while_describing_is_not_part_of_the_matter(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    await d.say(WU, "📝 我要点单")
    await d.say(WU, "3号楼门口的路灯不亮了")
    [how] = await d.say(WU, "你吃饭了吗")
    assert "收到文字" not in message_text(how), message_text(how)
    [preview] = await d.say(WU, "✅ 说完了")
    assert "路灯不亮" in message_text(preview) and "吃饭" not in message_text(preview)
    assert await d.errors() == []
