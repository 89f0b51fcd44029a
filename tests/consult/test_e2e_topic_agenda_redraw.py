"""A topic put on a published meeting's agenda shows in the announcement people already got
(and in the card they opened): the agenda there is the meeting's. Before, the announcement
kept the agenda it was sent with, one item short."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.consult.test_e2e_qa_polls import ZHOU, current
from tests.consult.test_e2e_topic_next_step import _meeting, _propose_and_accept
from tests.e2e.conftest import Harness

WU = 4002  # 吴大爷: in the meeting's audience, not the topic's proposer


async def test_accepted_topic_joins_the_sent_announcement(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _meeting(h, publish=True)
    announce = await d.expect(WU, "议事会通知", timeout=10)
    assert "1. 年度工作回顾" in message_text(announce)
    assert "小区东门路灯太暗" not in message_text(announce)
    await d.expect(ZHOU, "议事会通知", timeout=10)  # hers is out of the way too
    await _propose_and_accept(d)
    # the announcement itself is redrawn (an edit, not a new message)
    redrawn = await d.expect(WU, "2. 小区东门路灯太暗", timeout=10)
    assert redrawn["message_id"] == announce["message_id"]
    assert "1. 年度工作回顾" in message_text(redrawn)
    # the proposer's copy too, with its buttons to answer still there
    [mine] = [m for m in await d.messages(ZHOU) if "议事会通知" in message_text(m)]
    mine = await current(d, ZHOU, mine["message_id"])
    assert "2. 小区东门路灯太暗" in message_text(mine)
    assert (mine.get("reply_markup") or {}).get("inline_keyboard")
