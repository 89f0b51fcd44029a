"""The resident a proxy vote (代投) was recorded for is told who voted what in their name, and
their ballot says so. Found walking 代投 as 张网格员 for 吴大爷: 吴大爷 heard nothing, and
opening the poll he read '您的选择：加装电梯' under '✅ 已投', a choice he never made."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.consult.test_e2e_qa_polls import GRID_WORKER, labels_of, make_poll
from tests.e2e.conftest import Harness

WU = 4002  # 吴大爷, 1号楼 502


async def _proxy_for_wu(h: Harness, option: str) -> None:
    d = h.driver
    [hub] = await d.say(GRID_WORKER, "🏛 议事管理")
    await d.tap(GRID_WORKER, "📊 投票列表", hub["message_id"])
    listed = await d.expect(GRID_WORKER, "投票列表", since=hub["message_id"])
    await d.tap(GRID_WORKER, "明年优先办哪些事", listed["message_id"])
    card = await d.expect(GRID_WORKER, "状态：进行中", since=listed["message_id"])
    await d.tap(GRID_WORKER, "✍️ 代投", card["message_id"])
    ask = await d.expect(GRID_WORKER, "请选择居民所在楼栋", since=card["message_id"])
    await d.tap(GRID_WORKER, "1号楼", ask["message_id"])
    await d.expect(GRID_WORKER, "请输入居民的房号", since=ask["message_id"])
    replies = await d.say(GRID_WORKER, "502")
    [ballot] = [m for m in replies if "代 吴大爷 投票" in message_text(m)]
    await d.tap(GRID_WORKER, option, ballot["message_id"])
    await d.expect(GRID_WORKER, f"已为 吴大爷 代投：{option}", since=ballot["message_id"])


async def test_resident_is_told_and_his_ballot_says_who_voted(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await make_poll(h)
    announce = await d.expect(WU, "投票：")
    await _proxy_for_wu(h, "加装电梯")
    told = await d.expect(WU, "代您在投票", since=announce["message_id"])
    text = message_text(told)
    assert "张网格员（社区工作人员）代您在投票「明年优先办哪些事？」里投了：加装电梯" in text
    assert "自己改票" in text
    assert labels_of(told) == ["🗳 看看这一票"]
    await d.tap(WU, "看看这一票", told["message_id"])
    mine = await d.expect(WU, "截止：", since=told["message_id"])
    assert "这一票是 张网格员（社区工作人员）在" in message_text(mine)
    assert "代您投的：加装电梯" in message_text(mine)
    assert "✅ 加装电梯" in labels_of(mine)
    # he changes it himself: it is his own now, and he is told nothing more
    await d.tap(WU, "修路灯", mine["message_id"])
    await d.expect(WU, "已改票：修路灯", since=mine["message_id"])
    texts = [message_text(m) for m in await d.messages(WU, since=told["message_id"])]
    assert sum("代您在投票" in x for x in texts) == 0, texts
