"""❌ 取消会议 on a meeting that is still a draft drops it at once, as ❌ 取消投票 does a poll's
draft: nobody was told of it, so no reason is asked and nobody is told. Before, it asked
'请简单说明原因' as for a published meeting. On the preview its buttons go; on the draft's card
it reads 已取消 without tools; a form being filled in meanwhile goes on where it was."""

from __future__ import annotations

from typing import Any

from sqlmodel import select

from models.consultations import Meeting, MeetingStatus
from models.scheduling import Delivery
from sandbox.driver import Driver, message_text
from tests.consult.test_e2e_meeting_capacity import STAFF, _to_capacity
from tests.e2e.conftest import Harness
from tests.support import inline_labels, reply_to


async def _now(d: Driver, message: dict[str, Any]) -> dict[str, Any]:
    [current] = [m for m in await d.messages(STAFF) if m["message_id"] == message["message_id"]]
    return current


async def _draft(h: Harness) -> dict[str, Any]:
    """李社工 fills in 十二月居民议事会 up to its preview."""
    await _to_capacity(h)
    sent = await h.driver.send(STAFF, "30")
    return await h.driver.expect(STAFF, "预览（还没有发出）", since=sent["message_id"])


async def _meeting(h: Harness) -> Meeting:
    async with h.sessionmaker() as session:
        return (await session.exec(select(Meeting))).one()


async def test_a_draft_is_dropped_from_its_preview_at_once(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    preview = await _draft(h)
    await d.tap(STAFF, "❌ 取消会议", preview["message_id"])
    done = await d.expect(STAFF, "草稿已删除", since=preview["message_id"])
    assert "不会通知任何人" in message_text(done)
    asked = [
        m for m in await d.messages(STAFF, preview["message_id"]) if "原因" in message_text(m)
    ]
    assert asked == []
    assert (await _meeting(h)).status == MeetingStatus.CANCELLED
    shown = await _now(d, preview)
    assert message_text(shown).startswith("预览") and inline_labels(shown) == []
    async with h.sessionmaker() as session:
        assert (await session.exec(select(Delivery))).all() == []
    # a text typed now is not taken for a reason: there is no form waiting for one
    answer = await reply_to(d, STAFF, "场地冲突", "")
    assert "已取消" not in message_text(answer)


async def test_a_draft_is_dropped_from_its_card_while_a_poll_is_being_filled_in(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    await _draft(h)
    hub = await reply_to(d, STAFF, "🏛 议事管理", "选择要做的事")
    await d.tap(STAFF, "议事会列表", hub["message_id"])
    listed = await d.expect(STAFF, "近期议事会", since=hub["message_id"])
    await d.tap(STAFF, "十二月居民议事会", listed["message_id"])
    card = await d.expect(STAFF, "状态：草稿", since=listed["message_id"])
    # a poll begun after the card was shown: its question typed, its options asked
    hub = await reply_to(d, STAFF, "🏛 议事管理", "选择要做的事")
    await d.tap(STAFF, "➕ 新建投票", hub["message_id"])
    await d.expect(STAFF, "请输入投票问题", since=hub["message_id"])
    await reply_to(d, STAFF, "小区门口要不要装减速带？", "请输入选项")
    assert "❌ 取消会议" in inline_labels(card)
    await d.tap(STAFF, "❌ 取消会议", card["message_id"])
    done = await d.expect(STAFF, "草稿已删除", since=card["message_id"])
    assert "没有填完" not in message_text(done)
    shown = await _now(d, card)
    assert "状态：已取消" in message_text(shown) and inline_labels(shown) == []
    assert (await _meeting(h)).status == MeetingStatus.CANCELLED
    # the poll goes on where it was
    await reply_to(d, STAFF, "装\n不装", "单选还是多选")


async def test_a_published_meeting_still_asks_why(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    preview = await _draft(h)
    await d.tap(STAFF, "📣 发布", preview["message_id"])
    await d.expect(STAFF, "已发布，正在通知", since=preview["message_id"])
    [greeting] = await d.say(STAFF, "/start")
    meeting = await _meeting(h)
    await d.click(STAFF, greeting["message_id"], data=f"cmt:cancel:{meeting.id}:0")
    await d.expect(STAFF, "请简单说明原因", since=greeting["message_id"])
    done = await reply_to(d, STAFF, "场地冲突", "会议已取消")
    assert "正在通知" in message_text(done)
