"""❓ 问组织者, continued through the real bot. The meeting's staff cards open on screens (李社工's
and 张网格员's) count a resident's question as it arrives, with ❓ 待回复 a tap away above
❌ 取消会议, and the answer once given; before, each went on reading as drawn until opened
again. A resident's notice of a 延期 asks the organizer too, as the announcement does, and
keeps asking once redrawn with their answer marked; once the meeting is cancelled, it does
not."""

from __future__ import annotations

from datetime import timedelta

from sandbox.driver import Driver, message_text
from services.consult_common import meeting_view_data
from tests.consult.published import published_meeting
from tests.consult.test_e2e_meeting_redrawn import (
    _cancel,
    _postpone,
    _reads,
    _redrawn,
    _scheduler,
)
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import STAFF, ZHOU
from tests.support import inline_labels, reply_to

GRID = 2002  # 张网格员, staff of the same community
TITLE = "十二月居民议事会"


async def _open_card(d: Driver, who: int, meeting_id: int) -> int:
    """The staff member opens the meeting's staff card (from their 🏛 议事管理): its id."""
    hub = await reply_to(d, who, "🏛 议事管理", "议事管理")
    await d.click(who, message_id=hub["message_id"], data=meeting_view_data(meeting_id))
    card = await d.expect(who, "签到码", since=hub["message_id"])
    return int(card["message_id"])


async def test_staff_cards_count_questions_as_they_come_and_go(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await reply_to(d, STAFF, "/quiet off", "")
    meeting = await published_meeting(h, title=TITLE)
    mine = await _open_card(d, STAFF, meeting.id or 0)
    colleague = await _open_card(d, GRID, meeting.id or 0)
    text, labels = await _reads(d, STAFF, mine)
    assert "❓ 提问" not in text and labels[-1] == "❌ 取消会议"
    # 周阿姨 asks: both cards count it, ❓ 待回复 above ❌ 取消会议
    invite = await d.expect(ZHOU, "议事会通知")
    await d.tap(ZHOU, "❓ 问组织者", invite["message_id"])
    prompt = await d.expect(ZHOU, "组织者的问题", since=invite["message_id"])
    await d.send(ZHOU, "几点签到？")
    await d.expect(ZHOU, "已转给组织者", since=prompt["message_id"])
    for who, card in ((STAFF, mine), (GRID, colleague)):
        text, labels = await _redrawn(d, who, card, "❓ 提问 1（待回复 1）")
        assert "❓ 提问 1（待回复 1）" in text, (who, text)
        assert labels[-2:] == ["❓ 待回复的提问（1）", "❌ 取消会议"], (who, labels)
    # 李社工 answers from the notice: both cards say none waits, without ❓ 待回复
    notice = await d.expect(STAFF, "❓ 居民提问")
    await d.tap(STAFF, "↩️ 回复", notice["message_id"])
    ask = await d.expect(STAFF, "请写下您的回复", since=notice["message_id"])
    await d.send(STAFF, "九点半开始签到")
    await d.expect(STAFF, "回复已发给 周阿姨", since=ask["message_id"])
    for who, card in ((STAFF, mine), (GRID, colleague)):
        text, labels = await _redrawn(d, who, card, "❓ 提问 1（待回复 0）")
        assert "❓ 提问 1（待回复 0）" in text, (who, text)
        assert not any("待回复的提问" in label for label in labels), (who, labels)
        assert labels[-1] == "❌ 取消会议"
    # a card opened now reads the same as those redrawn
    again = await _open_card(d, GRID, meeting.id or 0)
    assert await _reads(d, GRID, again) == await _reads(d, GRID, colleague)
    assert await d.errors() == []


async def test_the_postponed_notice_asks_the_organizer(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await reply_to(d, STAFF, "/quiet off", "")
    meeting = await published_meeting(h, title=TITLE)
    invite = await d.expect(ZHOU, "议事会通知")
    await _postpone(h, meeting, meeting.starts_at + timedelta(days=2))
    await _scheduler(h).drain(now=h.clock())
    notice = await d.expect(ZHOU, "议事会延期", since=invite["message_id"])
    assert inline_labels(notice) == ["去", "不确定", "不去", "❓ 问组织者"]
    # answered on it: redrawn at once with the answer marked, still asking the organizer
    await d.tap(ZHOU, "去", notice["message_id"])
    going = await d.expect(ZHOU, "已报名", since=notice["message_id"])
    text, labels = await _reads(d, ZHOU, notice["message_id"])
    assert text == message_text(notice)
    assert labels == ["✅ 去", "不确定", "不去", "❓ 问组织者"], labels
    await d.tap(ZHOU, "❓ 问组织者", notice["message_id"])
    prompt = await d.expect(ZHOU, "组织者的问题", since=going["message_id"])
    await d.send(ZHOU, "改期后还在社区会议室吗？")
    await d.expect(ZHOU, "已转给组织者", since=prompt["message_id"])
    asked = await d.expect(STAFF, "❓ 居民提问 · 十二月居民议事会")
    assert "周阿姨（1号楼 302）：改期后还在社区会议室吗？" in message_text(asked)
    # cancelled: the notice is redrawn without buttons, and its old ❓ takes no question
    await _cancel(h, meeting)
    await _scheduler(h).drain(now=h.clock())
    text, labels = await _redrawn(d, ZHOU, notice["message_id"], "议事会已取消")
    assert "❌ 这次议事会已取消。原因：台风" in text and labels == [], (text, labels)
    tapped = await d.click(
        ZHOU, message_id=notice["message_id"], data=f"cmq:ask:{meeting.id or 0}"
    )
    assert "已经取消了，不再收提问" in tapped["answer"]["text"]
    assert await d.errors() == []
