"""The staff notice of a new topic gives the proposer's explanation, as typed (escaped), a
long one shortened with "…" (the topic's card under 💡 处理议题 has it all), or says there is
none. Before, the notice had the title and the proposer only: staff had to open the list to
learn what it was about."""

from __future__ import annotations

from sandbox.driver import message_text
from services.topics import NOTICE_DETAIL_SHOWN, notice_excerpt
from tests.consult.test_e2e_qa_polls import STAFF
from tests.consult.test_e2e_topic_staff_card import _propose
from tests.e2e.conftest import Harness


async def test_staff_notice_gives_the_explanation(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    await _propose(d, "小区东门路灯太暗", "晚上太黑，老人走路容易摔倒 <b>&</b>")
    lamp = message_text(await d.expect(STAFF, "新议题：「小区东门路灯太暗」"))
    assert "说明：晚上太黑，老人走路容易摔倒 <b>&</b>" in lamp
    assert "💡 处理议题" in lamp
    long = "第一句说明情况。" * 30 + "最后一句不会出现在通知里。"
    await _propose(d, "楼道堆物", long)
    hall = message_text(await d.expect(STAFF, "新议题：「楼道堆物」"))
    assert "说明：第一句说明情况。" in hall
    assert "最后一句" not in hall
    assert "。…" in hall  # cut at a sentence's end
    await _propose(d, "垃圾分类", "跳过")
    bins = message_text(await d.expect(STAFF, "新议题：「垃圾分类」"))
    assert "说明：（提议人没有补充说明）" in bins


def test_notice_excerpt() -> None:
    assert notice_excerpt("短") == "短"
    text = "a" * (NOTICE_DETAIL_SHOWN + 10)
    assert notice_excerpt(text) == "a" * NOTICE_DETAIL_SHOWN + "…"
    text = "x" * 150 + "。" + "y" * 100
    assert notice_excerpt(text) == "x" * 150 + "。…"
