"""申请复核: a resident whose request was declined could only call the office; words typed
after it ('为什么不受理？物业根本不管') were offered to be filed as a new matter. Now the request's
card offers 🔁 申请复核 (once, within 14 days of the decline), words typed soon after a decline
are offered as its reason, and the request goes back to staff with the reason on its card."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_card_after_step import _card, _labels
from tests.orders.test_e2e_cycle import STAFF, WU, ZHENG, _file

REASON = "装修噪音请先与物业联系"


async def _decline(h: Harness, resident: int, text: str) -> tuple[str, dict[str, Any]]:
    """The resident files, 李社工 declines with REASON; the resident's notice of it."""
    d = h.driver
    number = await _file(h, resident, text)
    card = await _card(h, number)
    await d.tap(STAFF, "不受理", card["message_id"])
    await d.expect(STAFF, "不受理诉求", since=card["message_id"])
    sent = await d.send(STAFF, REASON)
    await d.expect(STAFF, "已不予受理", since=sent["message_id"])
    told = await d.expect(resident, "不予受理。原因")
    return number, told


async def test_words_typed_after_a_decline_ask_for_its_review(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number, told = await _decline(h, ZHENG, "楼上装修太吵了，周末早上七点就砸墙")
    assert "🔁 申请复核" in message_text(told), message_text(told)
    [offer] = await d.say(ZHENG, "为什么不受理？物业根本不管")
    text = message_text(offer)
    assert f"您的诉求 {number} 社区答复不予受理" in text and REASON in text, text
    assert {"🔁 申请复核（用刚才这段话说明理由）", "📝 报给社区"} <= _labels(offer), _labels(offer)
    await d.tap(ZHENG, "申请复核", offer["message_id"])
    done = await d.expect(ZHENG, f"已为诉求 {number} 申请复核", since=offer["message_id"])
    assert "重新处理" in message_text(done)
    # staff are told, with the earlier reason and the resident's
    notice = await d.expect(STAFF, f"居民对诉求 {number} 申请复核")
    assert REASON in message_text(notice) and "物业根本不管" in message_text(notice)
    # the card is back in the queue's hands: the decision buttons, and why it came back
    await d.tap(STAFF, "查看诉求", notice["message_id"])
    card = await d.expect(STAFF, f"诉求 {number} ·", since=notice["message_id"])
    assert " 居民申请复核：" in message_text(card) and "物业根本不管" in message_text(card)
    assert f"此前不予受理的原因：{REASON}" in message_text(card), message_text(card)
    assert {"📤 派单", "❌ 不受理"} <= _labels(card), _labels(card)
    # declined again: final — the card has no 申请复核, an old button says it was used
    await d.tap(STAFF, "不受理", card["message_id"])
    await d.expect(STAFF, "不受理诉求", since=card["message_id"])
    sent = await d.send(STAFF, "已协调物业，装修在规定时间内进行")
    await d.expect(STAFF, "已不予受理", since=sent["message_id"])
    again = await d.expect(ZHENG, "已协调物业", since=done["message_id"])
    mine = await d.say(ZHENG, number)
    assert all("🔁 申请复核" not in _labels(m) for m in mine), [_labels(m) for m in mine]
    answer = await d.click(ZHENG, message_id=offer["message_id"], data=_review_data(offer))
    assert answer["answer"] and "已经申请过一次复核" in answer["answer"]["text"], answer
    # words typed now are a new matter to file (no second review offered)
    [offer2] = await d.say(ZHENG, "那我还能怎么办")
    assert "申请复核" not in str(_labels(offer2)), _labels(offer2)
    assert again is not None


def _review_data(message: dict[str, Any]) -> str:
    """The callback data of the 申请复核 button the message had."""
    markup = message.get("reply_markup") or {}
    [data] = [
        str(b["callback_data"])
        for row in markup.get("inline_keyboard", [])
        for b in row
        if "申请复核" in b["text"]
    ]
    return data


async def test_review_asked_from_the_requests_card(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number, _ = await _decline(h, WU, "想问问社区有没有免费理发")
    await d.say(WU, "📂 我的诉求")
    [card] = await d.say(WU, number)
    assert "🔁 申请复核" in _labels(card), _labels(card)
    await d.tap(WU, "申请复核", card["message_id"])
    ask = await d.expect(WU, "请说说理由", since=card["message_id"])
    assert REASON in message_text(ask)
    # cancelled and asked again: the same question
    await d.say(WU, "✖️ 取消")
    await d.tap(WU, "申请复核", card["message_id"])
    await d.expect(WU, "请说说理由", since=ask["message_id"])
    sent = await d.send(WU, "我腿脚不便，出不了门，上次社区说有上门理发")
    await d.expect(WU, f"已为诉求 {number} 申请复核", since=sent["message_id"])
    await d.expect(STAFF, "上次社区说有上门理发")
    # the card it was asked from reads as the request now is: no 申请复核 on it any more
    now = await d.expect(WU, "上次社区说有上门理发", since=card["message_id"] - 1)
    assert now["message_id"] == card["message_id"], message_text(now)
    assert f"诉求 {number} · 不予受理" not in message_text(now), message_text(now)
    assert "🔁 申请复核" not in _labels(now), _labels(now)


async def test_review_cannot_be_asked_after_fourteen_days(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number, _ = await _decline(h, WU, "想问问社区有没有免费理发")
    h.clock.advance(timedelta(days=15))
    await d.say(WU, "📂 我的诉求")
    [card] = await d.say(WU, number)
    assert "🔁 申请复核" not in _labels(card), _labels(card)
    # nor are words typed now offered as its reason
    [offer] = await d.say(WU, "为什么不给理发")
    assert "申请复核" not in str(_labels(offer)), _labels(offer)
