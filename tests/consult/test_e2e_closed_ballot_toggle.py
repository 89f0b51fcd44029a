"""An option tapped on a multiple-choice ballot after the poll closed is refused ('投票已经结束，
不能再投了') and the ballot loses its buttons. Before, the tap was taken as a toggle and put the
voting buttons back on the ballot ('✅ 修路灯 … ✅ 提交'), as if the poll were open again."""

from __future__ import annotations

from datetime import timedelta

from tests.consult.test_e2e_qa_polls import CLOSES, ZHOU, ballot, current, labels_of, make_poll
from tests.e2e.conftest import Harness


async def test_toggle_on_a_closed_ballot(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await make_poll(h, multiple=True, max_choices=2)
    mine = await ballot(d, ZHOU)
    h.clock.set(CLOSES + timedelta(minutes=1))
    answer = await d.tap(ZHOU, "修路灯", mine["message_id"])
    assert "投票已经结束" in str(answer)
    assert labels_of(await current(d, ZHOU, mine["message_id"])) == []
