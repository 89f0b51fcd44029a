"""✅ 提交 on a multiple-choice ballot before choosing anything says what to do:
'还没有选任何一项：请先点要选的选项…再点「✅ 提交」'
(before: '这个选项无效，请重新打开投票再选', which sent people off to reopen a ballot
that was fine)."""

from __future__ import annotations

from tests.consult.test_e2e_qa_polls import ZHOU, ballot, make_poll
from tests.e2e.conftest import Harness


async def test_submit_with_nothing_chosen(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await make_poll(h, multiple=True, max_choices=2)
    mine = await ballot(d, ZHOU)
    answer = await d.tap(ZHOU, "✅ 提交", mine["message_id"])
    assert "还没有选任何一项" in str(answer)
    await d.tap(ZHOU, "修路灯", mine["message_id"])
    last = (await d.messages(ZHOU))[-1]["message_id"]
    await d.tap(ZHOU, "✅ 提交", mine["message_id"])
    await d.expect(ZHOU, "已投票：修路灯", since=last)
