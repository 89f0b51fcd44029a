"""A topic whose explanation and answer are each as long as one message may be: staff read
both whole and the proposer's notice of the answer arrives whole, with no Bot API error (a
regression test: this passed before bot.long_messages too)."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.consult.test_e2e_topic_long_detail import STAFF, ZHOU, _propose
from tests.e2e.conftest import Harness
from tests.support import reply_to

DETAIL = "".join(
    f"第{i:03d}条：东门口的路灯坏了好几个月，老人晚上出门不安全。\n" for i in range(160)
)
DETAIL = DETAIL[:4096].rstrip()
ANSWER = "".join(f"答复{i:03d}：已请物业本周内更换路灯，并在路口加装一盏。\n" for i in range(170))
ANSWER = ANSWER[:4096].rstrip()


def _bare(text: str) -> str:
    return "".join(text.split())


async def test_the_longest_explanation_and_answer_are_shown_whole(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    assert len(DETAIL) > 4000 and len(ANSWER) > 4000
    await _propose(h, "东门路灯坏了", DETAIL)
    menu = await reply_to(d, STAFF, "🏛 议事管理", "选择要做的事")
    await d.tap(STAFF, "💡 处理议题", menu["message_id"])
    item = await d.expect(STAFF, "东门路灯坏了", since=menu["message_id"])
    await d.tap(STAFF, "💬 答复")
    await d.expect(STAFF, "请输入答复内容", since=item["message_id"])
    await d.say(STAFF, ANSWER)
    await d.expect(STAFF, "已答复，已告诉提议人")
    told = await d.expect(ZHOU, "有答复")
    await d.say(ZHOU, "🗳 近期议事")  # an act: the notice's other parts are sent before it
    staff_saw = _bare("\n".join(message_text(m) for m in await d.messages(STAFF)))
    zhou_saw = _bare(
        "\n".join(message_text(m) for m in await d.messages(ZHOU, told["message_id"] - 1))
    )
    assert _bare(DETAIL) in staff_saw and _bare(ANSWER) in staff_saw
    assert _bare(ANSWER) in zhou_saw
    assert await d.errors() == []
