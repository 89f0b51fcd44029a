"""While describing a matter, older residents send the same long message twice (a slow network,
a second tap on send) and type '返回' or '刚才点错了' when they want out: the words are kept once,
and the way out is offered instead of '返回' becoming part of the matter.
(handlers.requests.on_compose_text, services.smalltalk.compose_intent)"""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness

WU = 4002  # 吴大爷, 阳光社区 1号楼 502
SAID = (
    "我家厨房的灯坏了，晚上黑乎乎的做饭看不见，\n我年纪大了爬不上去换，有事打我电话 139 0000 0002"
)


async def test_same_words_twice_and_wanting_out(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    await d.say(WU, "📝 我要点单")
    [got] = await d.say(WU, SAID)
    assert "收到文字" in message_text(got)
    [again] = await d.say(WU, SAID)
    assert "刚才已经记下了" in message_text(again)
    for said in ("返回", "刚才点错了", "上一步", "⬅️ 上一步"):
        [way_out] = await d.say(WU, said)
        assert "是不想报了吗" in message_text(way_out), said
    for said in ("我不会弄", "你好在吗"):  # how to tell it; not part of the matter
        [how] = await d.say(WU, said)
        assert "直接打字说说是什么事" in message_text(how), said
    [got] = await d.say(WU, "灯")  # a short addition that is in the words already is kept
    assert "收到文字" in message_text(got)
    [*_, preview] = await d.say(WU, "✅ 说完了")
    text = message_text(preview)
    assert text.count("我年纪大了爬不上去换") == 1, text
    assert "返回" not in text and "点错" not in text and "不会弄" not in text, text
