"""Topic collection: propose, back once, accept into an agenda or answer; the proposer is told."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.consultations import Topic, TopicBacking, TopicStatus
from services import meetings, topics
from services.consult_common import Notifier
from services.errors import Conflict, InvalidInput, PermissionDenied
from tests.consult.conftest import NOW, World


async def make_meeting(session: AsyncSession, world: World) -> int:
    """A draft meeting of the community."""
    assert world.community.id is not None
    meeting = await meetings.create_meeting(
        session,
        user=world.staff,
        roles=world.staff_roles,
        now=NOW,
        draft=meetings.MeetingDraft(
            community_id=world.community.id,
            title="十二月居民议事会",
            agenda=["年度工作回顾"],
            starts_at=NOW + timedelta(days=5),
            place="社区会议室",
        ),
    )
    assert meeting.id is not None
    return meeting.id


async def test_propose_back_and_accept(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    topic = await topics.propose_topic(
        session, user=world["a1"], title="小区路灯太暗", detail="晚上散步看不清台阶", now=NOW
    )
    assert topic.id is not None and topic.status == TopicStatus.OPEN
    topic = await topics.back_topic(session, user=world["b"], topic_id=topic.id or 0, now=NOW)
    assert topic.backers == 1
    with pytest.raises(Conflict) as info:
        await topics.back_topic(session, user=world["b"], topic_id=topic.id or 0, now=NOW)
    assert info.value.key == "topic-err-already-backed"
    with pytest.raises(InvalidInput):
        await topics.back_topic(session, user=world["a1"], topic_id=topic.id or 0, now=NOW)
    with pytest.raises(PermissionDenied):
        await topics.back_topic(session, user=world["x"], topic_id=topic.id or 0, now=NOW)
    assert len((await session.exec(select(TopicBacking))).all()) == 1
    await topics.back_topic(session, user=world["d"], topic_id=topic.id or 0, now=NOW)
    ranked = await topics.list_topics(session, community_id=world.community.id or 0)
    assert [(t.title, t.backers) for t in ranked] == [("小区路灯太暗", 2)]

    meeting_id = await make_meeting(session, world)
    topic = await topics.accept_topic(
        session,
        user=world.staff,
        roles=world.staff_roles,
        topic_id=topic.id or 0,
        meeting_id=meeting_id,
        now=NOW,
        notifier=notifier,
    )
    assert topic.status == TopicStatus.ACCEPTED and topic.meeting_id == meeting_id
    # the list's "decided lately" part names the meeting it went to
    [(shown, meeting)] = await topics.recently_decided(
        session, community_id=world.community.id or 0, now=NOW
    )
    assert shown.id == topic.id and meeting is not None and meeting.id == meeting_id
    agenda = await meetings.agenda_of(session, meeting_id=meeting_id)
    assert [a.text for a in agenda] == ["年度工作回顾", "小区路灯太暗"]
    # the proposer, then those who backed it (QA D28), each with their own wording
    assert [m["chat_id"] for m in notifier.sent] == [world["a1"].id, world["b"].id, world["d"].id]
    assert "您提的议题「小区路灯太暗」已列入议事会：十二月居民议事会" in notifier.sent[0]["text"]
    assert "您附议的议题「小区路灯太暗」已列入议事会" in notifier.sent[1]["text"]
    with pytest.raises(Conflict):
        await topics.back_topic(session, user=world["e"], topic_id=topic.id or 0, now=NOW)
    with pytest.raises(Conflict):
        await topics.answer_topic(
            session,
            user=world.staff,
            roles=world.staff_roles,
            topic_id=topic.id or 0,
            answer="x",
            now=NOW,
            notifier=notifier,
        )


async def test_answer_topic(session: AsyncSession, world: World, notifier: Notifier) -> None:
    topic = await topics.propose_topic(
        session, user=world["d"], title="能否增加快递柜", detail=None, now=NOW
    )
    topic = await topics.answer_topic(
        session,
        user=world.staff,
        roles=world.staff_roles,
        topic_id=topic.id or 0,
        answer="已联系物业，下月安装。",
        now=NOW,
        notifier=notifier,
    )
    assert topic.status == TopicStatus.ANSWERED
    assert "已联系物业，下月安装。" in notifier.sent[0]["text"]
    later = await topics.propose_topic(
        session, user=world["d"], title="楼道能否装感应灯", detail=None, now=NOW
    )
    await topics.answer_topic(
        session,
        user=world.staff,
        roles=world.staff_roles,
        topic_id=later.id or 0,
        answer="本月装好。",
        now=NOW + timedelta(days=2),
        notifier=notifier,
    )
    community_id = world.community.id or 0
    # latest first, no meeting for an answer; open topics and other communities are not listed
    decided = await topics.recently_decided(
        session, community_id=community_id, now=NOW + timedelta(days=3)
    )
    assert [(t.title, m) for t, m in decided] == [
        ("楼道能否装感应灯", None),
        ("能否增加快递柜", None),
    ]
    # only the last 30 days
    decided = await topics.recently_decided(
        session, community_id=community_id, now=NOW + timedelta(days=31)
    )
    assert [t.title for t, _ in decided] == ["楼道能否装感应灯"]
    assert await topics.recently_decided(session, community_id=-1, now=NOW) == []
    with pytest.raises(PermissionDenied):
        await topics.answer_topic(
            session,
            user=world["a1"],
            roles=frozenset(),
            topic_id=topic.id or 0,
            answer="x",
            now=NOW,
            notifier=notifier,
        )


@pytest.mark.parametrize(
    ("who", "title", "key"),
    [
        ("u", "标题", "err-need-register"),
        ("a1", "题" * 101, "topic-err-title"),
        ("a1", "  ", "err-text-empty"),
    ],
)
async def test_bad_topics_are_refused(
    session: AsyncSession, world: World, who: str, title: str, key: str
) -> None:
    with pytest.raises((InvalidInput, PermissionDenied)) as info:
        await topics.propose_topic(session, user=world[who], title=title, detail=None, now=NOW)
    assert info.value.key == key
    assert (await session.exec(select(Topic))).all() == []


async def test_daily_limit(session: AsyncSession, world: World) -> None:
    for i in range(topics.DAILY_LIMIT):
        await topics.propose_topic(
            session, user=world["a1"], title=f"议题{i}", detail=None, now=NOW
        )
    with pytest.raises(InvalidInput):
        await topics.propose_topic(session, user=world["a1"], title="再一个", detail=None, now=NOW)
    await topics.propose_topic(
        session,
        user=world["a1"],
        title="明天的",
        detail=None,
        now=NOW + timedelta(days=1, minutes=1),
    )


async def test_accept_into_a_cancelled_meeting_is_refused(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    topic = await topics.propose_topic(
        session, user=world["a1"], title="停车难", detail=None, now=NOW
    )
    meeting_id = await make_meeting(session, world)
    await meetings.cancel_meeting(
        session,
        user=world.staff,
        roles=world.staff_roles,
        meeting_id=meeting_id,
        reason="改期",
        now=NOW,
        notifier=notifier,
    )
    with pytest.raises(InvalidInput):
        await topics.accept_topic(
            session,
            user=world.staff,
            roles=world.staff_roles,
            topic_id=topic.id or 0,
            meeting_id=meeting_id,
            now=NOW,
            notifier=notifier,
        )
    assert (await topics.get_topic(session, topic_id=topic.id or 0)).status == TopicStatus.OPEN


async def test_withdraw_backing(session: AsyncSession, world: World, notifier: Notifier) -> None:
    """取消附议 while the topic is open: the row goes and the count drops with it; taken back
    twice, the second is refused and counts nothing; once staff decide the topic, a backing
    can no longer change (and only those backing it then are told the outcome). No topic is
    put forward by its count (staff decide), so a count that drops undoes nothing."""
    topic = await topics.propose_topic(
        session, user=world["a1"], title="楼下垃圾桶太少", detail=None, now=NOW
    )
    tid = topic.id or 0
    for name in ("b", "d", "e"):
        await topics.back_topic(session, user=world[name], topic_id=tid, now=NOW)
    topic = await topics.withdraw_backing(session, user=world["e"], topic_id=tid)
    assert topic.backers == 2
    assert not await topics.has_backed(session, topic_id=tid, user_id=world["e"].id)
    assert await topics.backed_by(session, user_id=world["b"].id, topic_ids=[tid]) == {tid}
    with pytest.raises(Conflict) as info:
        await topics.withdraw_backing(session, user=world["e"], topic_id=tid)
    assert info.value.key == "topic-err-not-backed"
    # the proposer never backed it; another community's resident may not touch it
    with pytest.raises(Conflict):
        await topics.withdraw_backing(session, user=world["a1"], topic_id=tid)
    with pytest.raises(PermissionDenied):
        await topics.withdraw_backing(session, user=world["x"], topic_id=tid)
    # changed their mind again: backs it anew
    topic = await topics.back_topic(session, user=world["e"], topic_id=tid, now=NOW)
    topic = await topics.withdraw_backing(session, user=world["d"], topic_id=tid)
    assert topic.backers == 2
    rows = (await session.exec(select(TopicBacking).where(TopicBacking.topic_id == tid))).all()
    assert sorted(r.user_id for r in rows) == sorted([world["b"].id, world["e"].id])
    # decided: the backing stays as it was, and the tap is told it can no longer change
    await topics.answer_topic(
        session,
        user=world.staff,
        roles=world.staff_roles,
        topic_id=tid,
        answer="已加两个。",
        now=NOW,
        notifier=notifier,
    )
    with pytest.raises(Conflict) as info:
        await topics.withdraw_backing(session, user=world["b"], topic_id=tid)
    assert info.value.key == "topic-err-closed-unback"
    topic = await topics.get_topic(session, topic_id=tid)
    assert topic.backers == 2
    assert await topics.has_backed(session, topic_id=tid, user_id=world["b"].id)
    # the proposer and those backing it when it was decided are told; not 赵女士, who withdrew
    assert [m["chat_id"] for m in notifier.sent] == [world["a1"].id, world["b"].id, world["e"].id]
