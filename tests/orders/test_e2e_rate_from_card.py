"""A resident who rates a finished request on its card (📂 我的诉求 → 查看) sees the card as the
request now is: its status after the score (不满意 reopens it) and her rating, not
'已办结待评价' with the score appended. The rating notice keeps the score it was given, and
after 不满意 says the matter went back to the community."""

from __future__ import annotations

from typing import Any

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import WU, _file
from tests.orders.test_e2e_qa import _handle_directly
from tests.support import reply_to


def _buttons(message: dict[str, Any]) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [b["text"] for row in markup.get("inline_keyboard", []) for b in row]


async def _card(h: Harness, number: str, since: int) -> dict[str, Any]:
    """WU opens the request's card from 📂 我的诉求."""
    d = h.driver
    await d.say(WU, "📂 我的诉求")
    mine = await d.expect(WU, "我的诉求（共", since=since)
    await d.tap(WU, f"查看 {number}", mine["message_id"])
    return await d.expect(WU, f"诉求 {number} · 已办结待评价", since=mine["message_id"])


async def _now(h: Harness, message_id: int) -> dict[str, Any]:
    [now] = [m for m in await h.driver.messages(WU) if m["message_id"] == message_id]
    return now


async def test_unsatisfied_on_the_card_reads_reopened(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, WU, "2号楼门口的垃圾桶满了，味道很大")
    await _handle_directly(h, number, "已清运垃圾桶")
    ask = await d.expect(WU, "已清运垃圾桶")
    card = await _card(h, number, ask["message_id"])
    await d.tap(WU, "😞 不满意", card["message_id"])
    await d.expect(WU, "很抱歉没让您满意", since=card["message_id"])
    text = message_text(now := await _now(h, card["message_id"]))
    assert text.startswith(f"诉求 {number} · 重新办理"), text
    assert "已办结待评价" not in text and "您的评价" in text and "😞 不满意" in text, text
    assert not any("满意" in b for b in _buttons(now)), _buttons(now)


async def test_satisfied_on_the_card_reads_resolved(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, WU, "楼道里堆了很多杂物，不好走")
    await _handle_directly(h, number, "已清理楼道杂物")
    ask = await d.expect(WU, "已清理楼道杂物")
    card = await _card(h, number, ask["message_id"])
    await d.tap(WU, "😊 满意", card["message_id"])
    await d.expect(WU, "评价已记下", since=card["message_id"])
    text = message_text(now := await _now(h, card["message_id"]))
    assert text.startswith(f"诉求 {number} · 已解决"), text
    assert "已办结待评价" not in text and "😊 满意" in text, text
    assert not _buttons(now), _buttons(now)


async def test_unsatisfied_on_the_notice_says_it_is_handled_again(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, WU, "楼道里堆了很多杂物，不好走")
    await _handle_directly(h, number, "已清理楼道杂物")
    ask = await d.expect(WU, "已清理楼道杂物")
    await d.tap(WU, "😞 不满意", ask["message_id"])
    await d.expect(WU, "很抱歉没让您满意", since=ask["message_id"])
    text = message_text(now := await _now(h, ask["message_id"]))
    assert "您的评价：😞 不满意（已转给社区重新办理）" in text, text
    assert not _buttons(now), _buttons(now)


async def test_rated_on_the_card_after_asking_the_card_is_redrawn(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, WU, "2号楼门口的垃圾桶满了，味道很大")
    await _handle_directly(h, number, "已清运垃圾桶")
    ask = await d.expect(WU, "已清运垃圾桶")
    card = await _card(h, number, ask["message_id"])
    # 吴大爷 is filing another request, its text typed: 不满意 on the card asks first
    await d.say(WU, "📝 我要点单")
    typed = await reply_to(d, WU, "楼道里堆了很多杂物，不好走", "收到文字")
    await d.tap(WU, "😞 不满意", card["message_id"])
    busy = await d.expect(WU, "没有填完", since=typed["message_id"])
    await d.tap(WU, "不填了", busy["message_id"])
    await d.expect(WU, "很抱歉没让您满意", since=busy["message_id"])
    text = message_text(now := await _now(h, card["message_id"]))
    assert text.startswith(f"诉求 {number} · 重新办理") and "😞 不满意" in text, text
    assert not any("满意" in b for b in _buttons(now)), _buttons(now)
