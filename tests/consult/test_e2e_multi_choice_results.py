"""A multiple-choice poll's results say that each voter may choose several options and give
the number of voters the percentages are of. Before, live and final results read
'修路灯: 2 (100%) · 加装电梯: 1 (50%) · 建充电桩: 1 (50%)' (200% in all) with no word why."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.consult.test_e2e_qa_polls import STAFF, ZHOU, ballot, make_poll
from tests.e2e.conftest import Harness

WU = 4002  # 吴大爷, 1号楼 502


async def test_multiple_choice_results_explain_shares(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await make_poll(h, multiple=True, max_choices=3, live_results=True)
    for voter, picks in ((ZHOU, ("修路灯", "加装电梯")), (WU, ("修路灯", "建充电桩"))):
        mine = await ballot(d, voter)
        for pick in picks:
            await d.tap(voter, pick, mine["message_id"])
        await d.tap(voter, "✅ 提交", mine["message_id"])
        await d.expect(voter, "已投票", since=mine["message_id"])
    # live results from the ballot's 📊 button
    mine = await ballot(d, ZHOU)
    await d.tap(ZHOU, "查看结果", mine["message_id"])
    live = message_text(await d.expect(ZHOU, "目前结果", since=mine["message_id"]))
    assert "修路灯: 2 (100%)" in live
    assert "已有 2/" in live and "人参与" in live
    assert "每人最多选 3 项" in live
    assert "占 2 位投票人的比例，加起来可能超过 100%" in live
    # the final result, as staff close the poll now
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "📊 投票列表")
    listed = await d.expect(STAFF, "投票")
    await d.tap(STAFF, "明年优先办哪些事", listed["message_id"])
    card = await d.expect(STAFF, "状态：进行中", since=listed["message_id"])
    assert "已有 2 人投票（多选，每人最多 3 项）" in message_text(card)
    await d.tap(STAFF, "立即结束", card["message_id"])
    ask = await d.expect(STAFF, "确定现在就结束", since=card["message_id"])
    await d.tap(STAFF, "确认立即结束", ask["message_id"])
    final = message_text(await d.expect(STAFF, "投票结果", since=ask["message_id"]))
    assert "每人最多选 3 项" in final
    assert "占 2 位投票人的比例" in final
