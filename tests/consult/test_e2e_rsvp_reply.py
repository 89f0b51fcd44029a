"""Signing up says when and where: '已报名：十二月居民议事会。' with '🕒 11月28日（周六）10:00'
and '📍 社区会议室' (before: only the title, so a resident who tapped 去 on a card scrolled
away had to look for the time and place again)."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.consult.test_e2e_rsvp_card import ZHOU, _published
from tests.e2e.conftest import Harness


async def test_going_reply_says_when_and_where(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _published(h)
    invite = await d.expect(ZHOU, "议事会通知")
    await d.tap(ZHOU, "去", invite["message_id"])
    done = await d.expect(ZHOU, "已报名", since=invite["message_id"])
    text = message_text(done)
    assert "🕒 11月28日（周六）10:00" in text and "📍 社区会议室" in text
    assert "开会前提醒您" in text
