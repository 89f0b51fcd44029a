"""A resident phones and reads out the number on their screen: '我的诉求是 00002'. 李社工 typed it
after /find, or at 🔎 查找诉求 (whose question is answered by whatever is typed, a number too):
'没有找到含「00002」的诉求' — the search looked for the digits in the words of the matters only.
Now the number finds its request, within the staff member's scope as any search."""

from __future__ import annotations

from typing import Any

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import STAFF, WU, ZHENG, ZHOU, _file

GRID_WORKER = 2002  # 张网格员: 第一网格 (1–3号楼); 郑先生's 5号楼 is 第二网格


def _buttons(message: dict[str, Any]) -> list[str]:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
    return [b["text"] for row in rows for b in row]


async def test_a_request_number_typed_to_find_finds_that_request(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _file(h, ZHOU, "厨房水管漏水，地上都是水")
    lamp = await _file(h, WU, "楼道灯坏了，晚上很黑")
    far = await _file(h, ZHENG, "5号楼门口有积水")

    sent = await d.send(STAFF, f"/find {lamp}")
    found = await d.expect(STAFF, f"查找「{lamp}」", since=sent["message_id"])
    assert "共 1 件" in message_text(found) and "楼道灯坏了" in message_text(found)
    assert _buttons(found) == [f"查看 {lamp}", "🔎 重新查找"]

    # 🔎 查找诉求 asks, and says a number will do; the number typed finds it
    [queue] = await d.say(STAFF, "📋 待办诉求")
    await d.tap(STAFF, "🔎 查找诉求", queue["message_id"])
    asked = await d.expect(STAFF, "要找哪件诉求", since=queue["message_id"])
    assert "编号" in message_text(asked)
    sent = await d.send(STAFF, far)
    got = await d.expect(STAFF, f"查找「{far}」", since=sent["message_id"])
    assert "共 1 件" in message_text(got) and "积水" in message_text(got)

    # only within the searcher's scope: 5号楼 is not 张网格员's grid
    sent = await d.send(GRID_WORKER, f"/find {far}")
    await d.expect(GRID_WORKER, f"没有找到含「{far}」", since=sent["message_id"])
