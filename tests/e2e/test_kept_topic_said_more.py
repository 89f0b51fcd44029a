"""Someone not registered who proposed a topic ('我想提个议题：…') and then says more, or
comes back with /start, is still told it is kept as a topic (offered as one once registered),
not as a matter to report: before, the second message and /start answered
'要把这件事报给社区，需要先登记'. Once registered, the topic is offered with what was added
kept for 📝 报给社区."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.e2e.test_english_resident_walk import _register as register_alex
from tests.e2e.test_register_first import _register
from tests.support import inline_labels, reply_to

NEW = 5001  # 小林, unregistered
ALEX = 5002  # English, unregistered
REPORT_WORDING = "要把这件事报给社区"


async def test_more_words_after_a_topic_are_told_as_a_topic(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    first = await reply_to(d, NEW, "我想提个议题：电梯费用应该公开", "您想提的议题我们先记下了")
    more = await reply_to(d, NEW, "物业一直不公布电梯维修的账目", "您想提的议题我们先记下了")
    assert "电梯费用应该公开" in message_text(more), message_text(more)
    assert REPORT_WORDING not in message_text(more), message_text(more)
    [*_, started] = await d.say(NEW, "/start")
    assert "您想提的议题我们先记下了" in message_text(started), message_text(started)
    assert REPORT_WORDING not in message_text(started), message_text(started)
    await d.tap(NEW, "🏠 现在登记", started["message_id"])
    done = await _register(d, NEW, started["message_id"])
    offer = await d.expect(NEW, "您想提的议题", since=done["message_id"])
    assert inline_labels(offer) == ["💡 作为议题提交", "📝 报给社区"]
    assert first["message_id"] < offer["message_id"]
    await d.tap(NEW, "📝 报给社区", offer["message_id"])
    await d.expect(NEW, "已经记下您说的话", since=offer["message_id"])
    preview = await reply_to(d, NEW, "✅ 说完了", "分类")
    assert "物业一直不公布电梯维修的账目" in message_text(preview), message_text(preview)
    assert await d.errors() == []


async def test_more_words_after_a_topic_in_english(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await reply_to(d, ALEX, "I propose: more benches by the gate", "topic you propose")
    more = await reply_to(d, ALEX, "the old people have nowhere to sit", "topic you propose")
    assert "more benches by the gate" in message_text(more), message_text(more)
    await register_alex(h)
    await d.expect(ALEX, "Propose as a topic", since=more["message_id"])
    assert await d.errors() == []
