"""A poll's staff card counts an announcement that will never arrive: published at night, the
announcement of 周阿姨 (who turned quiet hours off) goes at once, finds she blocked the bot,
and the card says '1 人未能送达' beside those waiting for 07:00. Before, only an announcement
that went redrew the card, so it went on counting hers as sent ('已发给 1 人')."""

from __future__ import annotations

from models import User
from sandbox.driver import message_text
from services.users import set_quiet_hours_opt_out
from tests.consult.test_e2e_meeting_redrawn import _scheduler
from tests.consult.test_e2e_poll_cards_follow import _card
from tests.consult.test_e2e_poll_reach import NIGHT, WAITING, _draft
from tests.consult.test_e2e_qa_polls import STAFF, ZHOU, current
from tests.e2e.conftest import Harness


async def test_a_blocked_announcement_is_counted_undelivered(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    async with h.sessionmaker() as session:
        # 周阿姨 wants notices at night too (个人设置 → 夜间也提醒)
        zhou = await session.get(User, ZHOU)
        assert zhou is not None
        await set_quiet_hours_opt_out(session, user=zhou, opt_out=True, now=h.clock())
    await d.block(ZHOU)
    h.clock.set(NIGHT)
    await _draft(h)
    card = await _card(d, STAFF, status="草稿")
    await d.tap(STAFF, "📣 发布", card["message_id"])
    await d.expect(STAFF, "投票已发布", since=card["message_id"])
    await _scheduler(h).drain()
    text = message_text(await current(d, STAFF, card["message_id"]))
    assert "📨 投票通知：已发给 0 人，另有" in text, text
    assert WAITING.search(text), text
    assert "；1 人未能送达（屏蔽了机器人或发送失败）" in text, text
    assert await d.errors() == []
