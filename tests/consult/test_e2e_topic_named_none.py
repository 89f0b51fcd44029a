"""A topic named in words that is not there ('我支持修路那个议题' when no open topic is about a
road) gets a clear answer: no such topic, the topics open now each with its 👍 附议, and ✍️ 提议题
to raise it; none open: said so, with ✍️ 提议题; one's own topic named: it is theirs. Before, the
words were taken for a matter to report to the community (a silent miss)."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.consult.test_e2e_qa_polls import labels_of
from tests.consult.test_e2e_topic_backed_typed import WU, ZHOU, _backers, _propose
from tests.e2e.conftest import Harness


async def test_a_topic_named_that_is_not_there(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    # no topic open at all
    [said] = await d.say(WU, "我支持修路那个议题")
    text = message_text(said)
    assert "没有找到说「修路」的议题" in text and "现在没有正在征集的议题" in text, text
    assert labels_of(said) == ["✍️ 提议题"]
    assert "报给社区" not in text
    # two open, neither about a road: both listed with their 附议
    await _propose(h, "小区电动车充电桩不够用", "楼道堆物清理")
    said = await d.say(WU, "我支持修路那个议题")
    assert "没有找到说「修路」的议题" in message_text(said[0]), message_text(said[0])
    assert labels_of(said[0]) == ["✍️ 提议题"]
    listed = [message_text(m) for m in said[1:]]
    assert len(listed) == 2 and any("小区电动车充电桩不够用" in x for x in listed), listed
    assert [labels_of(m) for m in said[1:]] == [["👍 附议"], ["👍 附议"]]
    # one of them backed from there
    await d.tap(WU, "👍 附议", said[2]["message_id"])
    backed = await _backers(h)
    assert list(backed.values()) == [[WU]]
    # her own topic named: it is hers, nothing to back
    [said] = await d.say(ZHOU, "我支持电动车那个议题")
    assert "是您自己提的议题" in message_text(said), message_text(said)
    assert await d.errors() == []
