"""A topic put on a meeting's agenda tells its proposer what happens next. A published
meeting: a button opens the meeting's card to sign up. A draft: they will be invited when it
is announced. Before, the notice only said '已列入议事会：…' and left them there."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from models import Role, User
from sandbox.driver import Driver, message_text
from services import meetings
from services.consult_common import Notifier
from services.users import staff_scopes
from tests.consult.test_e2e_qa_polls import STAFF, ZHOU, labels_of
from tests.e2e.conftest import Harness

STARTS = datetime(2026, 11, 26, 11, 30, tzinfo=UTC)  # 11-26 19:30 in Shanghai


async def _meeting(h: Harness, *, publish: bool) -> None:
    async with h.sessionmaker() as session:
        staff = await session.get(User, STAFF)
        assert staff is not None
        roles = frozenset({Role.RESIDENT, Role.STAFF})
        community_id = (await staff_scopes(session, user_id=STAFF))[0].community_id
        meeting = await meetings.create_meeting(
            session,
            user=staff,
            roles=roles,
            now=h.clock(),
            draft=meetings.MeetingDraft(
                community_id=community_id,
                title="十二月居民议事会",
                agenda=["年度工作回顾"],
                starts_at=STARTS,
                place="社区会议室",
            ),
        )
        if publish:
            await meetings.publish_meeting(
                session,
                user=staff,
                roles=roles,
                meeting_id=meeting.id or 0,
                now=h.clock(),
                notifier=Notifier(texts=h.sandbox.app.translator, now=h.clock()),
            )


async def _propose_and_accept(d: Driver) -> dict[str, Any]:
    [hub] = await d.say(ZHOU, "🗳 近期议事")
    await d.tap(ZHOU, "✍️ 提议题", hub["message_id"])
    await d.expect(ZHOU, "想讨论的事")
    await d.say(ZHOU, "小区东门路灯太暗")
    [done] = await d.say(ZHOU, "跳过")
    await d.expect(STAFF, "新议题")
    replies = await d.say(STAFF, "🏛 议事管理")
    [menu] = [m for m in replies if "💡 处理议题" in labels_of(m)]
    await d.tap(STAFF, "💡 处理议题", menu["message_id"])
    item = await d.expect(STAFF, "小区东门路灯太暗", since=menu["message_id"])
    await d.tap(STAFF, "✅ 列入议程", item["message_id"])
    choose = await d.expect(STAFF, "列入哪个议事会", since=item["message_id"])
    await d.tap(STAFF, "十二月居民议事会", choose["message_id"])
    await d.expect(STAFF, "已列入议程", since=choose["message_id"] - 1)  # the question, now
    return await d.expect(ZHOU, "已列入议事会", since=done["message_id"], timeout=10)


async def test_published_meeting_offers_its_card(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _meeting(h, publish=True)
    await d.expect(ZHOU, "议事会通知", timeout=10)  # the announcement is out of the way
    told = await _propose_and_accept(d)
    assert "可以看时间地点并报名参加" in message_text(told)
    assert labels_of(told) == ["📅 看议事会、报名"]
    await d.tap(ZHOU, "看议事会、报名", told["message_id"])
    card = await d.expect(ZHOU, "您的报名", since=told["message_id"])
    assert "社区会议室" in message_text(card)
    assert "十二月居民议事会" in message_text(card)
    assert any("去" in label for label in labels_of(card))  # sign up from there


async def test_draft_meeting_says_it_will_be_announced(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _meeting(h, publish=False)
    told = await _propose_and_accept(d)
    assert "议事会还在筹备，正式发布时您会收到开会通知" in message_text(told)
    assert labels_of(told) == []


async def test_already_signed_up_is_not_asked_to_sign_up(linli_sandbox: Harness) -> None:
    """The proposer already said 去 to the meeting: told so, with the meeting's card only
    (before, '点下面的「📅 看议事会、报名」…报名参加' asked her to sign up again)."""
    h = linli_sandbox
    d = h.driver
    await _meeting(h, publish=True)
    invitation = await d.expect(ZHOU, "议事会通知", timeout=10)
    await d.tap(ZHOU, "去", invitation["message_id"])
    await d.expect(ZHOU, "已报名", since=invitation["message_id"])
    told = await _propose_and_accept(d)
    assert "您已经报名参加这次议事会" in message_text(told), message_text(told)
    assert "报名参加，到会时" not in message_text(told)
    assert labels_of(told) == ["📅 看议事会"]
    await d.tap(ZHOU, "📅 看议事会", told["message_id"])
    card = await d.expect(ZHOU, "十二月居民议事会", since=told["message_id"])
    assert "社区会议室" in message_text(card)
