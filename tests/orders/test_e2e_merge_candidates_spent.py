"""🔗 合并: the likely duplicates offered as buttons ('🔗 并入 00001') kept them after the merge
was done (by a tap, or by typing the number), inviting a second tap answered only '按钮已经失效'.
Now the list loses its buttons once merged; left without merging, it stays to be tapped later
(tests/orders/test_e2e_stale_list_redrawn.py), and a later tap that merges spends it too."""

from __future__ import annotations

from tests.e2e.conftest import Harness
from tests.orders.test_e2e_card_after_step import _labels
from tests.orders.test_e2e_cycle import STAFF, WU, ZHENG, _file, _open_card


async def _now(h: Harness, message_id: int) -> dict[str, object]:
    return next(m for m in await h.driver.messages(STAFF) if m["message_id"] == message_id)


async def test_the_candidates_lose_their_buttons_once_merged_or_left(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    road = await _file(h, WU, "小区门口的路面塌陷了一个大坑，很危险")
    dup = await _file(h, ZHENG, "门口路上有个大坑")
    await _open_card(h, dup)
    await d.tap(STAFF, "合并")
    offered = await d.expect(STAFF, "可能重复的诉求")
    sent = await d.send(STAFF, "✖️ 取消")  # left: the list stays
    await d.expect(STAFF, "已取消", since=sent["message_id"])
    assert _labels(await _now(h, offered["message_id"]))
    await d.tap(STAFF, f"并入 {road}", offered["message_id"])  # tapped later: merged, spent
    await d.expect(STAFF, f"诉求 {dup} 已并入诉求 {road}")
    assert not _labels(await _now(h, offered["message_id"]))
    assert await d.errors() == []
