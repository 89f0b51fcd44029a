"""Older residents answer "要把这件事报给社区吗？" in words, as they would answer a person:
'好的' right under it files the matter told (it used to be taken for a new matter, '是的', in
place of the water leak); '不要了' lets it go; 'ok' a day later, with other messages between, is
no answer to it. (handlers.fallback, services.smalltalk.offer_answer)"""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.support import inline_labels, keyboard_labels

WU = 4002  # 吴大爷, 阳光社区 1号楼 502
HUANG = 4005  # 黄奶奶, 阳光社区 1号楼 302
OFFER = "要把这件事报给社区吗"
LEAK = "我家卫生间的水管漏水好几天了"
SAID = f"同志你好，我是一号楼五零二的老吴，年纪大了不会弄手机，{LEAK}，楼下也说渗下去了，谢谢你们"


async def test_yes_in_words_files_what_was_told(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    [offer] = await d.say(WU, SAID)
    assert OFFER in message_text(offer) and inline_labels(offer) == ["📝 报给社区"]
    [started] = await d.say(WU, "是的，麻烦了")
    assert "已经记下您说的话" in message_text(started)
    assert "✅ 说完了" in keyboard_labels(started)
    # the offer's button is done with
    [answered] = [m for m in await d.messages(WU) if m["message_id"] == offer["message_id"]]
    assert not inline_labels(answered)
    [preview] = await d.say(WU, "✅ 说完了")
    assert LEAK in message_text(preview), message_text(preview)
    assert "是的" not in message_text(preview).split("\n")[1]


async def test_no_in_words_lets_it_go_and_late_words_are_not_an_answer(
    linli_sandbox: Harness,
) -> None:
    d = linli_sandbox.driver
    [offer] = await d.say(HUANG, "楼道里的灯坏了好久了晚上黑乎乎的")
    assert OFFER in message_text(offer)
    [dropped] = await d.say(HUANG, "不要了")
    assert "先不报了" in message_text(dropped)
    assert "📝 我要点单" in keyboard_labels(dropped)
    # nothing to tap any more: the button is gone with the answer
    [answered] = [m for m in await d.messages(HUANG) if m["message_id"] == offer["message_id"]]
    assert not inline_labels(answered)
    # a second matter, then something else between: '是的' after that is small talk, and the
    # matter told stays what it was
    [offer] = await d.say(HUANG, "电梯又坏了，我腿脚不好下不了楼")
    assert OFFER in message_text(offer)
    await d.say(HUANG, "你好在吗")
    [ack] = await d.say(HUANG, "是的")
    assert OFFER not in message_text(ack) and not inline_labels(ack)
    await d.click(HUANG, offer["message_id"], text="📝 报给社区")
    [preview] = await d.say(HUANG, "✅ 说完了")
    assert "电梯又坏了" in message_text(preview), message_text(preview)
