"""A meeting's or poll's preview, once published, reads as published ('✅ 已发布' and when),
not '预览（还没有发出）' without its buttons; a draft's staff card published from shows the
meeting as published, with the tools that now apply."""

from __future__ import annotations

from typing import Any

from sandbox.driver import Driver, message_text
from tests.consult.test_e2e_meeting_capacity import STAFF, _to_capacity
from tests.consult.test_e2e_poll_cancel import _draft
from tests.e2e.conftest import Harness
from tests.support import reply_to

PUBLISHED_AT = "11月23日（周一）10:00"  # the sandbox clock's now, in Shanghai


async def _now(d: Driver, message: dict[str, Any]) -> dict[str, Any]:
    [current] = [m for m in await d.messages(STAFF) if m["message_id"] == message["message_id"]]
    return current


def _labels(message: dict[str, Any]) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [str(b["text"]) for row in markup.get("inline_keyboard", []) for b in row]


async def test_meeting_preview_reads_published(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _to_capacity(h)
    sent = await d.send(STAFF, "不限")
    preview = await d.expect(STAFF, "预览（还没有发出）", since=sent["message_id"])
    await d.tap(STAFF, "📣 发布", preview["message_id"])
    await d.expect(STAFF, "已发布，正在通知", since=preview["message_id"])
    shown = await _now(d, preview)
    text = message_text(shown)
    assert text.startswith(f"✅ 已发布（{PUBLISHED_AT}）"), text
    assert "预览" not in text and "还没有发出" not in text
    assert "十二月居民议事会" in text and "社区会议室" in text
    assert "确认无误" not in text  # no longer asked to check and publish
    assert not _labels(shown)


async def test_meeting_draft_card_published_from(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _to_capacity(h)
    sent = await d.send(STAFF, "不限")
    preview = await d.expect(STAFF, "预览（还没有发出）", since=sent["message_id"])
    hub = await reply_to(d, STAFF, "🏛 议事管理", "选择要做的事")
    await d.tap(STAFF, "📋 议事会列表", hub["message_id"])
    listed = await d.expect(STAFF, "近期议事会", since=hub["message_id"])
    await d.tap(STAFF, "十二月居民议事会", listed["message_id"])
    card = await d.expect(STAFF, "状态：草稿", since=listed["message_id"])
    await d.tap(STAFF, "📣 发布", card["message_id"])
    await d.expect(STAFF, "已发布，正在通知", since=card["message_id"])
    shown = await _now(d, card)
    assert "状态：已发布" in message_text(shown)
    assert "⏳ 延期" in _labels(shown) and "📣 发布" not in _labels(shown)
    # the preview sent earlier is left as it was: its 发布 now refused at the tap
    assert "预览（还没有发出）" in message_text(await _now(d, preview))


async def test_poll_preview_reads_published(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    preview = await _draft(d, "要不要在小区门口加装路灯？")
    assert "还没有发出" in message_text(preview)
    await d.tap(STAFF, "📣 发布", preview["message_id"])
    await d.expect(STAFF, "投票已发布", since=preview["message_id"])
    shown = await _now(d, preview)
    text = message_text(shown)
    assert text.startswith(f"✅ 已发布（{PUBLISHED_AT}）"), text
    assert "预览" not in text and "还没有发出" not in text
    assert "要不要在小区门口加装路灯" in text and "1. 同意" in text
    assert not _labels(shown)
