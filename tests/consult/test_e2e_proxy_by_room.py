"""代投 by room says it is done only when the vote is recorded. Before, typing a room with
several residents answered '✅ 完成' (and dropped the cancel button) before asking which
resident, and a room with one resident said '✅ 完成' above a ballot nobody had filled in."""

from __future__ import annotations

from typing import Any

from sandbox.driver import Driver, message_text
from tests.consult.test_e2e_qa_polls import GRID_WORKER, labels_of, make_poll
from tests.e2e.conftest import Harness


async def _ask_room(d: Driver) -> dict[str, Any]:
    await d.say(GRID_WORKER, "🏛 议事管理")
    await d.tap(GRID_WORKER, "📊 投票列表")
    listed = await d.expect(GRID_WORKER, "投票")
    await d.tap(GRID_WORKER, "明年优先办哪些事", listed["message_id"])
    card = await d.expect(GRID_WORKER, "状态：进行中", since=listed["message_id"])
    await d.tap(GRID_WORKER, "✍️ 代投", card["message_id"])
    ask = await d.expect(GRID_WORKER, "请选择居民所在楼栋", since=card["message_id"])
    await d.tap(GRID_WORKER, "1号楼", ask["message_id"])
    return await d.expect(GRID_WORKER, "请输入居民的房号", since=ask["message_id"])


def _reply_keyboard(message: dict[str, Any]) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [str(b["text"]) for row in markup.get("keyboard", []) for b in row]


async def test_room_with_two_residents_asks_first(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await make_poll(h)
    await _ask_room(d)
    replies = await d.say(GRID_WORKER, "302")  # 周阿姨 and 黄奶奶
    texts = [message_text(m) for m in replies]
    assert not any("完成" in x for x in texts), texts
    [choose] = [m for m in replies if "请选择为哪一位代投" in message_text(m)]
    assert sorted(labels_of(choose)) == ["周阿姨", "黄奶奶"]
    # still in the flow: cancel leaves it, nothing was recorded
    [cancelled] = await d.say(GRID_WORKER, "✖️ 取消")
    assert "已取消" in message_text(cancelled)
    # again, to the end: the done message comes with the vote, and brings the menu back
    await _ask_room(d)
    [choose] = await d.say(GRID_WORKER, "302")
    await d.tap(GRID_WORKER, "黄奶奶", choose["message_id"])
    ballot = await d.expect(GRID_WORKER, "代 黄奶奶 投票", since=choose["message_id"])
    await d.tap(GRID_WORKER, "修路灯", ballot["message_id"])
    done = await d.expect(GRID_WORKER, "已为 黄奶奶 代投：修路灯", since=ballot["message_id"])
    assert "🏛 议事管理" in _reply_keyboard(done)


async def test_room_with_one_resident_shows_the_ballot_without_done(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    await make_poll(h)
    await _ask_room(d)
    replies = await d.say(GRID_WORKER, "502")  # 吴大爷
    texts = [message_text(m) for m in replies]
    assert not any("完成" in x for x in texts), texts
    [ballot] = [m for m in replies if "代 吴大爷 投票" in message_text(m)]
    await d.tap(GRID_WORKER, "加装电梯", ballot["message_id"])
    done = await d.expect(GRID_WORKER, "已为 吴大爷 代投：加装电梯", since=ballot["message_id"])
    assert "🏛 议事管理" in _reply_keyboard(done)
