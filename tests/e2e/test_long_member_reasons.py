"""The longest reasons staff may type (4,096 characters, emoji included) for 不通过 and ⏸ 暂停
(as long as one message may be)
reach the person whole, split over messages by bot.long_messages, and every button and keyboard
still works: the applicant applies again from the earlier answers, the member is paused and
brought back. Nothing typed is lost and the emulator refuses nothing."""

from __future__ import annotations

from typing import Any

from sandbox.driver import message_text
from services.delivery import TEXT_LIMIT, utf16_len
from tests.e2e.conftest import Harness
from tests.e2e.test_member_suspend import LIU, NEW, STAFF, _liu_card
from tests.e2e.test_people import _apply_as_member, _keyboard_labels


def _reason(head: str, size: int) -> str:
    """`size` characters of numbered lines (each one different, one emoji in each)."""
    line = "材料不全📎请补充单位证明并重新提交，谢谢配合。"
    text = "\n".join(f"{head}第{i:03d}条：{line}" for i in range(300))[:size].rstrip()
    # as long as one message a person sends may be (Telegram counts UTF-16 units there too)
    assert len(text) == size and TEXT_LIMIT - 200 < utf16_len(text) <= TEXT_LIMIT
    return text


def _inline_labels(message: dict[str, Any]) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [b["text"] for row in markup.get("inline_keyboard", []) for b in row]


def _bare(text: str) -> str:
    return "".join(text.split())


async def _told(h: Harness, chat: int, since: int) -> list[dict[str, Any]]:
    """The bot's messages in the chat after `since`, each within one Telegram message."""
    sent = [m for m in await h.driver.messages(chat, since) if m["from"]["is_bot"]]
    assert all(utf16_len(message_text(m)) <= TEXT_LIMIT for m in sent)
    return sent


async def test_the_longest_rejection_reason_arrives_whole_and_applying_again_works(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    reason = _reason("不通过", 3950)
    await _apply_as_member(h, NEW)
    card = await d.expect(STAFF, "报到申请")
    await d.tap(STAFF, "不通过", card["message_id"])
    await d.expect(STAFF, "原因", since=card["message_id"])
    sent = await d.send(STAFF, reason)
    await d.expect(STAFF, "已退回：林小明", since=sent["message_id"])
    assert _bare(reason) in _bare("".join(message_text(m) for m in await _told(h, STAFF, 0)))
    mark = (await d.messages(NEW))[-1]["message_id"]
    told = await d.expect(NEW, "未通过", since=mark - 20)
    await d.replies(NEW, told["message_id"] - 1)
    got = await _told(h, NEW, told["message_id"] - 1)
    assert _bare(reason) in _bare("".join(message_text(m) for m in got))
    # applying again: the reason shown again, whole, and 沿用上次的 still taps
    sent = await d.send(NEW, "🙋 党员/志愿者报到")
    got = await d.replies(NEW, sent["message_id"])
    assert all(utf16_len(message_text(m)) <= TEXT_LIMIT for m in got)
    assert _bare(reason) in _bare("".join(message_text(m) for m in got))
    [keep] = [m for m in got if "↩️ 沿用上次的" in _inline_labels(m)]
    await d.tap(NEW, "沿用上次的", keep["message_id"])
    await d.expect(NEW, "工作单位", since=keep["message_id"])
    assert await d.errors() == []


async def test_the_longest_suspension_reason_arrives_whole_and_restoring_works(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    reason = _reason("暂停", 3950)
    card = await _liu_card(h)
    await d.tap(STAFF, "⏸ 暂停", card["message_id"])
    await d.expect(STAFF, "暂停「刘建国」的原因", since=card["message_id"])
    sent = await d.send(STAFF, reason)
    done = await d.expect(STAFF, "已暂停：刘建国", since=sent["message_id"])
    staff_saw = await _told(h, STAFF, sent["message_id"])
    assert _bare(reason) in _bare("".join(message_text(m) for m in staff_saw))
    assert done in staff_saw
    mark = (await d.messages(LIU))[-1]["message_id"] if await d.messages(LIU) else 0
    first = await d.expect(LIU, "暂时停止", since=mark - 50 if mark > 50 else 0)
    await d.replies(LIU, first["message_id"] - 1)
    got = await _told(h, LIU, first["message_id"] - 1)
    assert _bare(reason) in _bare("".join(message_text(m) for m in got))
    # the member's menu without 🛠 可接工单 comes under the last part
    assert got[-1].get("reply_markup") and "🛠 可接工单" not in _keyboard_labels(got[-1])
    card = await _liu_card(h)
    assert "已暂停" in message_text(card)
    await d.tap(STAFF, "▶️ 恢复", card["message_id"])
    back = await d.expect(LIU, "恢复了", since=got[-1]["message_id"])
    assert "🛠 可接工单" in _keyboard_labels(back)
    assert await d.errors() == []
