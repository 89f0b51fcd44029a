"""QA defects on meetings through the sandbox: state checked at the tap (D27, D30)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlmodel import select

from models import Building, Role, User
from models.consultations import AudienceKind, Meeting, MeetingKind
from sandbox.driver import message_text
from services import meetings
from services.consult_common import Notifier
from services.users import staff_scopes
from tests.e2e.conftest import Harness

STAFF = 2001  # 李社工, 阳光社区
START = datetime(2026, 11, 25, 11, 30, tzinfo=UTC)  # 19:30 in Shanghai
ZHOU = 4001  # 周阿姨, 1号楼 302
ROLES = frozenset({Role.RESIDENT, Role.STAFF})


async def make_meeting(h: Harness, *, start: datetime = START) -> Meeting:
    """A published building evening talk for 1号楼, made by 李社工."""
    async with h.sessionmaker() as session:
        staff = await session.get(User, STAFF)
        assert staff is not None
        community_id = (await staff_scopes(session, user_id=STAFF))[0].community_id
        b1 = (await session.exec(select(Building).where(Building.name == "1号楼"))).one()
        meeting = await meetings.create_meeting(
            session,
            user=staff,
            roles=ROLES,
            now=h.clock(),
            draft=meetings.MeetingDraft(
                community_id=community_id,
                kind=MeetingKind.BUILDING_NIGHT,
                title="1号楼加装电梯夜话",
                agenda=["介绍加装方案"],
                starts_at=start,
                place="1号楼架空层",
                audience_kind=AudienceKind.BUILDINGS,
                audience_ids=(b1.id or 0,),
            ),
        )
        meeting, _told = await meetings.publish_meeting(
            session,
            user=staff,
            roles=ROLES,
            meeting_id=meeting.id or 0,
            now=h.clock(),
            notifier=Notifier(texts=h.sandbox.app.translator, now=h.clock()),
        )
        return meeting


async def test_minutes_and_changes_refused_at_the_tap(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    meeting = await make_meeting(h)
    greeting = (await d.say(STAFF, "/start"))[-1]
    before = len(await d.messages(STAFF))
    # D27: minutes before the meeting has started: refused at once, nothing asked
    answer = await d.click(STAFF, greeting["message_id"], data=f"cmt:minutes:{meeting.id}:0")
    assert "会议开始后才能发布纪要" in str(answer)
    assert len(await d.messages(STAFF)) == before
    # D30: the meeting is cancelled; old buttons are refused at the tap, in staff words
    async with h.sessionmaker() as session:
        staff = await session.get(User, STAFF)
        assert staff is not None
        await meetings.cancel_meeting(
            session,
            user=staff,
            roles=ROLES,
            meeting_id=meeting.id or 0,
            reason="天气原因",
            now=h.clock(),
            notifier=Notifier(texts=h.sandbox.app.translator, now=h.clock()),
        )
    before = len(await d.messages(STAFF))
    for action in ("postpone", "publish", "minutes", "edit", "cancel"):
        answer = await d.click(STAFF, greeting["message_id"], data=f"cmt:{action}:{meeting.id}:0")
        assert "已经取消了，不能再" in str(answer), action
        assert "无法报名" not in str(answer)
    answer = await d.click(STAFF, greeting["message_id"], data=f"cmt:edit_field:{meeting.id}:1")
    assert "已经取消了，不能再" in str(answer)
    assert len(await d.messages(STAFF)) == before
    # the staff member is not left inside a dialog: a text is not taken as a new time
    replies = await d.say(STAFF, "2026-11-30 19:30")
    assert not any("延期" in message_text(m) for m in replies)


async def test_rsvp_close_to_the_start_and_the_staff_list(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    now = h.clock()
    later = await make_meeting(h, start=now + timedelta(days=2))
    soon = await make_meeting(h, start=now + timedelta(minutes=10))
    # D31: an RSVP ten minutes before the start promises no reminder; it says when and where
    invite = await d.expect(ZHOU, "议事会通知")
    greeting = (await d.say(ZHOU, "/start"))[-1]
    await d.click(ZHOU, greeting["message_id"], data=f"crv:{soon.id}:yes")
    going = await d.expect(ZHOU, "已报名", since=greeting["message_id"])
    assert "提醒您" not in message_text(going)
    assert "马上就要开始" in message_text(going) and "1号楼架空层" in message_text(going)
    # two days ahead: the reminder is still to come, so it is promised
    await d.click(ZHOU, invite["message_id"], data=f"crv:{later.id}:yes")
    await d.expect(ZHOU, "我们会在开会前提醒您", since=going["message_id"])
    # the staff list: soonest first; a meeting under way reads 进行中
    h.clock.set(now + timedelta(minutes=15))
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "📋 议事会列表")
    listed = await d.expect(STAFF, "近期议事会")
    labels = [str(b["text"]) for row in listed["reply_markup"]["inline_keyboard"] for b in row]
    assert len(labels) == 2
    assert "进行中" in labels[0] and "已发布" in labels[1]


async def test_another_communitys_meeting_and_topic_refused_at_the_tap(
    linli_sandbox: Harness,
) -> None:
    from services import topics

    h = linli_sandbox
    d = h.driver
    meeting = await make_meeting(h)
    async with h.sessionmaker() as session:
        zhou = await session.get(User, ZHOU)
        assert zhou is not None
        topic = await topics.propose_topic(
            session, user=zhou, title="小区东门路灯太暗", detail=None, now=h.clock()
        )
    # QA D46: 和谐社区's resident and staff forge buttons on 阳光社区's meeting and topic
    for outsider in (4004, 2003):
        greeting = (await d.say(outsider, "/start"))[-1]
        before = len(await d.messages(outsider))
        answer = await d.click(outsider, greeting["message_id"], data=f"cmt:view:{meeting.id}:0")
        assert "找不到这个议事会" in str(answer)
        if outsider == 2003:
            for data in (
                f"cmt:postpone:{meeting.id}:0",
                f"cmt:edit_field:{meeting.id}:0",
                f"ctp:answer:{topic.id}:0",
                f"ctp:accept:{topic.id}:0",
            ):
                answer = await d.click(outsider, greeting["message_id"], data=data)
                assert "没有权限" in str(answer), data
        assert len(await d.messages(outsider)) == before  # no card, no dialog
    # a resident of 1号楼 still sees the card
    greeting = (await d.say(ZHOU, "/start"))[-1]
    await d.click(ZHOU, greeting["message_id"], data=f"cmt:view:{meeting.id}:0")
    await d.expect(ZHOU, "1号楼加装电梯夜话", since=greeting["message_id"])
