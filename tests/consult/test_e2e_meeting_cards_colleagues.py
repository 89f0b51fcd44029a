"""A meeting's staff cards stay true for every staff member, not only the one who tapped: when
李社工 publishes, edits (the capacity, moving the latest to the waitlist), postpones or cancels
the meeting from his card, or posts its minutes, 张网格员's card of it open on her screen reads
the same, with the tools its status now allows (redrawn in the coalesced rounds that count
answers). A button left on a colleague's card drawn before (📣 发布 once published, ❌ 取消会议
once cancelled) is answered politely and changes nothing. A card of someone no longer staff
there is not redrawn, and is forgotten (no later round looks at it). The confirmations say the
residents are being told ('正在通知 N 人'), not that they were. Before, a colleague's card kept
the old state and its stale buttons until opened again."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlmodel import col, select

from models import Role, User
from models.consultations import Meeting
from models.scheduling import Delivery, DeliveryState
from sandbox.driver import Driver, message_text
from services import meeting_cards, meetings
from services import staff as staff_service
from services.consult_common import Notifier
from services.users import staff_scopes
from tests.consult.published import published_meeting
from tests.consult.test_e2e_meeting_questions_follow import GRID, _open_card
from tests.consult.test_e2e_meeting_redrawn import _reads, _scheduler
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import STAFF, WU, ZHOU

TITLE = "十二月居民议事会"
START = datetime(2026, 11, 25, 11, 30, tzinfo=UTC)  # 19:30 in Shanghai
STAFF_ROLES = frozenset({Role.RESIDENT, Role.STAFF})


async def _draft(h: Harness) -> Meeting:
    """A draft of 李社工's, for the whole community (nobody told yet)."""
    async with h.sessionmaker() as session:
        staff = await session.get(User, STAFF)
        assert staff is not None
        community_id = (await staff_scopes(session, user_id=STAFF))[0].community_id
        return await meetings.create_meeting(
            session,
            user=staff,
            roles=STAFF_ROLES,
            now=h.clock(),
            draft=meetings.MeetingDraft(
                community_id=community_id,
                title=TITLE,
                agenda=["年度工作回顾"],
                starts_at=START,
                place="社区会议室",
            ),
        )


async def _both_cards(d: Driver, meeting: Meeting) -> tuple[int, int]:
    """李社工 and 张网格员 each open the meeting's staff card."""
    return await _open_card(d, STAFF, meeting.id or 0), await _open_card(d, GRID, meeting.id or 0)


async def _going(d: Driver, who: int) -> None:
    invite = await d.expect(who, "议事会通知")
    await d.tap(who, "去", invite["message_id"])
    await d.expect(who, "已报名", since=invite["message_id"])


async def _latest(d: Driver, chat: int) -> int:
    return max(m["message_id"] for m in await d.messages(chat))


async def test_publish_redraws_a_colleagues_card_and_its_publish_is_refused(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    meeting = await _draft(h)
    mine, theirs = await _both_cards(d, meeting)
    assert "📣 发布" in (await _reads(d, GRID, theirs))[1]
    await d.tap(STAFF, "📣 发布", mine)
    done = await d.expect(STAFF, "已发布", since=mine)
    assert "正在通知" in message_text(done) and "已通知" not in message_text(done)
    await _scheduler(h).drain()
    text, labels = await _reads(d, GRID, theirs)
    assert "状态：已发布" in text, text
    assert "📣 发布" not in labels and "⏳ 延期" in labels, labels
    assert await _reads(d, GRID, theirs) == await _reads(d, STAFF, mine)
    # 张网格员's 📣 发布, tapped as her card offered it before: answered, nothing sent again
    before = await _latest(d, GRID)
    tapped = await d.click(GRID, theirs, data=meeting_cards.tool_data("publish", meeting.id or 0))
    assert "已经发布过了" in tapped["answer"]["text"], tapped
    await _scheduler(h).drain()
    assert await d.messages(GRID, since=before) == []
    invites = [m for m in await d.messages(ZHOU) if "议事会通知" in message_text(m)]
    assert len(invites) == 1, invites
    assert await d.errors() == []


async def test_cancel_redraws_a_colleagues_card_and_its_cancel_is_refused(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    meeting = await published_meeting(h, title=TITLE, starts_at=START)
    mine, theirs = await _both_cards(d, meeting)
    assert (await _reads(d, GRID, theirs))[1][-1] == "❌ 取消会议"
    await d.tap(STAFF, "❌ 取消会议", mine)
    asked = await d.expect(STAFF, "请简单说明原因", since=mine)
    await d.send(STAFF, "台风")
    done = await d.expect(STAFF, "会议已取消", since=asked["message_id"])
    assert "正在通知" in message_text(done), message_text(done)
    await _scheduler(h).drain()
    text, labels = await _reads(d, GRID, theirs)
    assert "状态：已取消" in text, text
    assert "❌ 取消会议" not in labels and "⏳ 延期" not in labels, labels
    # 张网格员's ❌ 取消会议 from before: answered, no reason asked, nothing told again
    before = await _latest(d, GRID)
    tapped = await d.click(GRID, theirs, data=meeting_cards.tool_data("cancel", meeting.id or 0))
    assert "已经取消了" in tapped["answer"]["text"], tapped
    await _scheduler(h).drain()
    assert await d.messages(GRID, since=before) == []
    assert (await _reads(d, GRID, theirs))[0] == text
    assert await d.errors() == []


async def test_capacity_moved_to_the_waitlist_is_counted_on_a_colleagues_card(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    meeting = await published_meeting(h, title=TITLE, starts_at=START)
    await _going(d, ZHOU)
    await _going(d, WU)
    await _scheduler(h).drain()
    mine, theirs = await _both_cards(d, meeting)
    assert "参加 2 · 候补 0" in (await _reads(d, GRID, theirs))[0]
    await d.tap(STAFF, "✏️ 修改", mine)
    what = await d.expect(STAFF, "要修改什么", since=mine)
    await d.tap(STAFF, "人数上限", what["message_id"])
    asked = await d.expect(STAFF, "现在是：不限", since=what["message_id"])
    await d.send(STAFF, "1")
    over = await d.expect(STAFF, "比新的上限 1 人多 1 人", since=asked["message_id"])
    await d.tap(STAFF, "最晚报名的 1 人转为候补", over["message_id"])
    done = await d.expect(STAFF, "已修改", since=over["message_id"])
    assert "正在通知" in message_text(done), message_text(done)
    await _scheduler(h).drain()
    text, _labels = await _reads(d, GRID, theirs)
    assert "人数上限：1 人" in text and "参加 1 · 候补 1" in text, text
    assert await _reads(d, GRID, theirs) == await _reads(d, STAFF, mine)
    assert await d.errors() == []


async def test_postpone_redraws_a_colleagues_card(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    meeting = await published_meeting(h, title=TITLE, starts_at=START)
    mine, theirs = await _both_cards(d, meeting)
    assert "19:30" in (await _reads(d, GRID, theirs))[0]
    await d.tap(STAFF, "⏳ 延期", mine)
    asked = await d.expect(STAFF, "新的开会时间", since=mine)
    await d.send(STAFF, "2026-11-26 20:00")
    why = await d.expect(STAFF, "说明原因", since=asked["message_id"])
    await d.send(STAFF, "会议室要维修")
    done = await d.expect(STAFF, "已延期", since=why["message_id"])
    assert "正在通知" in message_text(done), message_text(done)
    await _scheduler(h).drain()
    text, labels = await _reads(d, GRID, theirs)
    assert "20:00" in text and "19:30" not in text, text
    assert "⏳ 延期" in labels, labels
    assert await d.errors() == []


async def test_minutes_redraw_a_colleagues_card(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    meeting = await published_meeting(h, title=TITLE, starts_at=START)
    h.clock.set(START + timedelta(hours=2))
    mine, theirs = await _both_cards(d, meeting)
    assert "📝 发布纪要" in (await _reads(d, GRID, theirs))[1]
    await d.tap(STAFF, "📝 发布纪要", mine)
    asked = await d.expect(STAFF, "会议纪要", since=mine)
    await d.send(STAFF, "到会居民讨论了年度工作。")
    decisions = await d.expect(STAFF, "决议", since=asked["message_id"])
    await d.send(STAFF, "修复1号楼门口路灯")
    preview = await d.expect(STAFF, "议事会纪要", since=decisions["message_id"])
    await d.tap(STAFF, "✅ 确认发送", preview["message_id"])
    done = await d.expect(STAFF, "纪要已发布", since=preview["message_id"])
    assert "正在发给" in message_text(done), message_text(done)
    await _scheduler(h).drain()
    text, labels = await _reads(d, GRID, theirs)
    assert "状态：已发布纪要" in text, text
    assert "📝 发布纪要" not in labels and "❌ 取消会议" not in labels, labels
    assert any("转为工单" in label for label in labels), labels
    assert await d.errors() == []


async def test_a_former_staff_members_card_is_left_and_forgotten(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    meeting = await published_meeting(h, title=TITLE, starts_at=START)
    mine, theirs = await _both_cards(d, meeting)
    before = await _reads(d, GRID, theirs)
    async with h.sessionmaker() as session:
        community_id = (await staff_scopes(session, user_id=GRID))[0].community_id
        await staff_service.revoke(
            session, telegram_id=GRID, role=Role.STAFF, community_id=community_id
        )
    await d.tap(STAFF, "❌ 取消会议", mine)
    asked = await d.expect(STAFF, "请简单说明原因", since=mine)
    await d.send(STAFF, "台风")
    await d.expect(STAFF, "会议已取消", since=asked["message_id"])
    await _scheduler(h).drain()
    assert "状态：已取消" in (await _reads(d, STAFF, mine))[0]
    # 张网格员 is no longer staff there: her card reads as drawn, and is no longer followed
    assert await _reads(d, GRID, theirs) == before
    async with h.sessionmaker() as session:
        rows = (
            await session.exec(
                select(Delivery).where(
                    col(Delivery.matter) == meeting_cards.card_matter(meeting.id or 0)
                )
            )
        ).all()
    states = {row.chat_id: row.state for row in rows}
    assert states == {STAFF: DeliveryState.SENT, GRID: DeliveryState.CANCELLED}, states
    assert await d.errors() == []


async def test_a_colleagues_cancel_form_overtaken_ends_politely(linli_sandbox: Harness) -> None:
    """张网格员 tapped ❌ 取消会议 and is asked why; 李社工 cancels meanwhile. Her reason is
    answered '已经取消了' with her menu back (the form ends: what she types next is not taken
    for a reason again), residents never read her reason, and her card reads 已取消."""
    h = linli_sandbox
    d = h.driver
    meeting = await published_meeting(h, title=TITLE, starts_at=START)
    mine, theirs = await _both_cards(d, meeting)
    await d.tap(GRID, "❌ 取消会议", theirs)
    her_ask = await d.expect(GRID, "请简单说明原因", since=theirs)
    await d.tap(STAFF, "❌ 取消会议", mine)
    asked = await d.expect(STAFF, "请简单说明原因", since=mine)
    await d.send(STAFF, "台风")
    await d.expect(STAFF, "会议已取消", since=asked["message_id"])
    await _scheduler(h).drain()
    await d.send(GRID, "场地冲突")
    refused = await d.expect(GRID, "已经取消了", since=her_ask["message_id"])
    assert "keyboard" in (refused.get("reply_markup") or {}), refused  # her menu, form ended
    await _scheduler(h).drain()
    text, labels = await _reads(d, GRID, theirs)
    assert "状态：已取消" in text and "❌ 取消会议" not in labels, (text, labels)
    assert not any("场地冲突" in message_text(m) for m in await d.messages(ZHOU))
    assert await d.errors() == []


async def _minuted(h: Harness, meeting: Meeting) -> None:
    """李社工 posts the meeting's minutes with one decision (through the services)."""
    async with h.sessionmaker() as session:
        staff = await session.get(User, STAFF)
        assert staff is not None
        await meetings.publish_minutes(
            session,
            user=staff,
            roles=STAFF_ROLES,
            meeting_id=meeting.id or 0,
            minutes="到会居民讨论了年度工作。",
            decisions=["修复1号楼门口路灯"],
            now=h.clock(),
            notifier=Notifier(texts=h.sandbox.app.translator, now=h.clock()),
        )
    await _scheduler(h).drain()


async def test_a_decision_made_an_order_redraws_a_colleagues_card(
    linli_sandbox: Harness,
) -> None:
    """李社工 turns the decision into an order from his card: 张网格员's card of the meeting
    names the order and no longer offers 🧾 转为工单 1 (a second order for the same decision)."""
    h = linli_sandbox
    d = h.driver
    meeting = await published_meeting(h, title=TITLE, starts_at=START)
    h.clock.set(START + timedelta(hours=2))
    await _minuted(h, meeting)
    mine, theirs = await _both_cards(d, meeting)
    assert "🧾 转为工单 1" in (await _reads(d, GRID, theirs))[1]
    await d.tap(STAFF, "🧾 转为工单 1", mine)
    plan = await d.expect(STAFF, "决议转为工单", since=mine)
    await d.tap(STAFF, "✅ 创建工单", plan["message_id"])
    made = await d.expect(STAFF, "已根据决议创建工单", since=plan["message_id"])
    await _scheduler(h).drain()
    text, labels = await _reads(d, GRID, theirs)
    assert not any("转为工单" in label for label in labels), labels
    async with h.sessionmaker() as session:
        [decision] = await meetings.decisions_of(session, meeting_id=meeting.id or 0)
    assert decision.order_ref and decision.order_ref in message_text(made)
    assert f"1. 修复1号楼门口路灯 → 工单 {decision.order_ref}" in text, text
    assert await _reads(d, GRID, theirs) == await _reads(d, STAFF, mine)
    assert await d.errors() == []
