"""A staff poll card that ✍️ 代投 was used from counts the vote once it is recorded ('已投 1
票'). Before, it went on reading '已投 0 票'. The proxy ballot used reads as cast (for whom,
what); before, it lost its buttons but still read '代 吴大爷 投票 … 点一个选项即可'."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.consult.test_e2e_qa_polls import GRID_WORKER, current, labels_of, make_poll
from tests.e2e.conftest import Harness


async def test_card_counts_the_proxy_vote(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await make_poll(h)
    [hub] = await d.say(GRID_WORKER, "🏛 议事管理")
    await d.tap(GRID_WORKER, "📊 投票列表", hub["message_id"])
    listed = await d.expect(GRID_WORKER, "投票列表", since=hub["message_id"])
    await d.tap(GRID_WORKER, "明年优先办哪些事", listed["message_id"])
    card = await d.expect(GRID_WORKER, "状态：进行中", since=listed["message_id"])
    assert "已投 0 票" in message_text(card)
    await d.tap(GRID_WORKER, "✍️ 代投", card["message_id"])
    ask = await d.expect(GRID_WORKER, "请选择居民所在楼栋", since=card["message_id"])
    await d.tap(GRID_WORKER, "1号楼", ask["message_id"])
    await d.expect(GRID_WORKER, "请输入居民的房号", since=ask["message_id"])
    replies = await d.say(GRID_WORKER, "502")  # 吴大爷
    [ballot] = [m for m in replies if "代 吴大爷 投票" in message_text(m)]
    await d.tap(GRID_WORKER, "加装电梯", ballot["message_id"])
    await d.expect(GRID_WORKER, "已为 吴大爷 代投：加装电梯", since=ballot["message_id"])
    # the ballot itself reads as cast, for whom and what, with no option to tap
    cast = await current(d, GRID_WORKER, ballot["message_id"])
    assert "已为 吴大爷 代投：明年优先办哪些事" in message_text(cast)
    assert "投的是：加装电梯" in message_text(cast)
    assert "点一个选项" not in message_text(cast)
    assert not labels_of(cast)
    assert "已投 1 票" in message_text(await current(d, GRID_WORKER, card["message_id"]))
