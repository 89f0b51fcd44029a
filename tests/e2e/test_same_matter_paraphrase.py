"""同一件事 in other words: 周阿姨 (1号楼) reported the stairwell lamp; 吴大爷 (1号楼) says
'走廊的灯不亮了，黑乎乎的' — not one word of hers but the same lamp. His preview offers
'➕ 和 … 是同一件事' and he joins it. Another matter of the same stairwell (its window) is not
offered. Before, triage compared the words only and scored the paraphrase 0.10 (offered from
0.3), so he filed a second card for staff."""

from __future__ import annotations

from typing import Any

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import WU, ZHOU, _file

LAMP = "1号楼楼道的灯坏了，晚上很黑，周阿姨302家门口"
SAID_OTHERWISE = "走廊的灯不亮了，黑乎乎的"
WINDOW = "楼道的窗户玻璃碎了，风直往里灌"


def _labels(message: dict[str, Any]) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [b["text"] for row in markup.get("inline_keyboard", []) for b in row]


async def test_a_paraphrase_of_the_neighbours_matter_is_offered(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    number = await _file(linli_sandbox, ZHOU, LAMP)
    await d.say(WU, "📝 我要点单")
    await d.say(WU, SAID_OTHERWISE)
    [*_, preview] = await d.say(WU, "✅ 说完了")
    assert "附近已经有邻居反映过类似的事" in message_text(preview), message_text(preview)
    assert f"➕ 和 {number} 是同一件事" in _labels(preview), _labels(preview)
    await d.tap(WU, f"和 {number} 是同一件事", preview["message_id"])
    done = await d.expect(WU, "作为同一件事一起办理", since=preview["message_id"] - 1)
    assert f"和诉求 {number}" in message_text(done)
    # the stairwell's window is another matter: nothing offered
    await d.say(WU, "📝 我要点单")
    await d.say(WU, WINDOW)
    [*_, other] = await d.say(WU, "✅ 说完了")
    assert "附近已经有邻居" not in message_text(other), message_text(other)
    assert not any("同一件事" in label for label in _labels(other)), _labels(other)
    assert await d.errors() == []
