"""代投 to a room whose household has already voted (one vote per household) is refused at the
room, and another room may be typed next. Found walking as 张网格员: '302' offered 周阿姨 and
黄奶奶, each tap was refused, and a room typed then was answered '请点上面消息里的按钮' — the
only way on was ✖️ 取消 and 代投 again from the poll's card."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.consult.test_e2e_qa_polls import GRID_WORKER, ZHOU, ballot, labels_of, make_poll
from tests.e2e.conftest import Harness


async def _zhou_votes(h: Harness) -> None:
    d = h.driver
    mine = await ballot(d, ZHOU)
    await d.tap(ZHOU, "修路灯", mine["message_id"])
    await d.expect(ZHOU, "已投票", since=mine["message_id"])


async def _ask_room(h: Harness) -> None:
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


async def test_household_that_voted_is_refused_at_the_room(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await make_poll(h, per_household=True, anonymous=False)
    await _zhou_votes(h)
    await _ask_room(h)
    [told] = await d.say(GRID_WORKER, "302")
    assert "已经自己投过票了" in message_text(told), message_text(told)
    assert not labels_of(told)  # no names to pick, each of them refused
    replies = await d.say(GRID_WORKER, "502")  # the next room, as asked
    assert any("代 吴大爷 投票" in message_text(m) for m in replies), replies


async def test_only_those_who_can_be_voted_for_are_offered(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await make_poll(h)  # one vote each
    await _zhou_votes(h)
    await _ask_room(h)
    [pick] = await d.say(GRID_WORKER, "302")
    assert "请选择为哪一位代投" in message_text(pick)
    assert labels_of(pick) == ["黄奶奶"]
