"""Staff type a card's action in words ('这个转给物业', '派单', '00001 转办') instead of tapping
its button. Before, the words were read as a matter of the staff member's own
('如果说的是您自己家的事，已经先记下了'), or '00001 转办' was offered to be filed. Now: without a
number, which request and the button that does it; with one, its card and the button to tap."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import STAFF, ZHOU, _file


def _buttons(message: dict) -> list[str]:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
    return [b["text"] for row in rows for b in row]


async def test_a_card_action_typed_in_words(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, ZHOU, "1号楼楼道灯坏了，晚上很黑")
    said = (("这个转给物业", "↗️ 转办"), ("派单吧", "📤 派单"), ("不受理", "❌ 不受理"))
    for typed, button in said:
        [answer] = await d.say(STAFF, typed)
        text = message_text(answer)
        assert "哪一件诉求" in text and f"「{button}」" in text, (typed, text)
        assert "已经先记下" not in text and "自己家" not in text, text
    sent = await d.send(STAFF, f"{number} 转办")
    card = await d.expect(STAFF, f"诉求 {number} · 待受理", since=sent["message_id"])
    assert "↗️ 转办" in _buttons(card)
    hint = await d.expect(STAFF, "请点上面卡片上的「↗️ 转办」", since=card["message_id"])
    # the card's button still does it
    await d.tap(STAFF, "转办", card["message_id"])
    await d.expect(STAFF, f"诉求 {number} 转办给哪个单位", since=hint["message_id"])
    # a resident's matter told at length is still a matter, not an action
    [offer] = await d.say(ZHOU, "楼下的垃圾一直没人清理，能不能转给物业处理一下")
    assert "哪一件诉求" not in message_text(offer)
    assert await d.errors() == []
