"""Questions to a meeting's organizer (services.meeting_questions), on SQLite and PostgreSQL:
who may ask and answer, where the question goes, the limits, and the answer's way back."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import col, delete, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Translator
from models import AuditEvent, StaffScope
from models.consultations import Meeting, MeetingQuestion, RsvpAnswer
from models.scheduling import Delivery, DeliveryState
from services import meeting_questions, meetings, smalltalk
from services.consult_common import Notifier
from services.errors import InvalidInput, PermissionDenied
from services.validation import TYPED_MAX
from tests.consult.conftest import NOW, RESIDENT, World
from tests.consult.test_meetings import START, published


async def _ask(
    session: AsyncSession, world: World, notifier: Notifier, meeting: Meeting, who: str, text: str
) -> MeetingQuestion:
    return await meeting_questions.ask(
        session,
        user=world[who],
        meeting_id=meeting.id or 0,
        text=text,
        now=NOW,
        notifier=notifier,
    )


async def _notices(session: AsyncSession) -> list[Delivery]:
    stmt = select(Delivery).where(Delivery.kind == meeting_questions.NOTICE_KIND)
    return list((await session.exec(stmt.order_by(col(Delivery.id)))).all())


async def test_question_goes_to_the_creator_escaped_and_whole(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    meeting = await published(session, world, notifier)
    long = "<b>能带老伴吗</b> & " + "请问" * 2000
    question = await _ask(session, world, notifier, meeting, "a1", long)
    assert question.text == long.strip()
    [notice] = await _notices(session)
    assert notice.chat_id == world.staff.id  # the creator, still staff: only him
    assert "❓ 居民提问 · 1号楼加装电梯楼栋夜话" in notice.text
    assert "张大爷（1号楼 101）：&lt;b&gt;能带老伴吗&lt;/b&gt; &amp; 请问请问" in notice.text
    assert notice.text.count("请问") == 2000  # whole: the outbox splits what is too long
    assert notice.reply_markup == {
        "inline_keyboard": [
            [{"text": "↩️ 回复", "callback_data": meeting_questions.reply_data(question.id or 0)}]
        ]
    }


async def test_creator_no_longer_staff_the_community_staff_get_it(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    meeting = await published(session, world, notifier)
    await session.exec(delete(StaffScope).where(col(StaffScope.user_id) == world.staff.id))
    await session.commit()
    await _ask(session, world, notifier, meeting, "b", "几点开始？")
    assert {n.chat_id for n in await _notices(session)} == {world.grid_worker.id}


async def test_only_the_audience_or_those_who_answered_may_ask(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    meeting = await published(session, world, notifier)
    with pytest.raises(PermissionDenied):
        await _ask(session, world, notifier, meeting, "x", "我也能来吗")  # another community
    refused = (
        await session.exec(select(AuditEvent).where(col(AuditEvent.action) == "refused"))
    ).all()
    assert [(e.actor_id, e.detail) for e in refused] == [(world["x"].id, "ask")]
    assert (await session.exec(select(MeetingQuestion))).all() == []


async def test_cancelled_or_long_over_refuses_politely(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    meeting = await published(session, world, notifier)
    end = START + timedelta(minutes=meeting.duration_minutes)
    # within a day of the end: still taken
    await meeting_questions.ask(
        session,
        user=world["a1"],
        meeting_id=meeting.id or 0,
        text="纪要什么时候发？",
        now=end + timedelta(hours=20),
        notifier=notifier,
    )
    with pytest.raises(InvalidInput) as over:
        await meeting_questions.ask(
            session,
            user=world["a1"],
            meeting_id=meeting.id or 0,
            text="还能问吗",
            now=end + timedelta(days=1, minutes=1),
            notifier=notifier,
        )
    assert over.value.key == "mq-err-over"
    other = await published(session, world, notifier, title="另一场")
    await meetings.cancel_meeting(
        session,
        user=world.staff,
        roles=world.staff_roles,
        meeting_id=other.id or 0,
        reason="场地维修",
        now=NOW,
        notifier=notifier,
    )
    with pytest.raises(InvalidInput) as cancelled:
        await _ask(session, world, notifier, other, "a1", "改到哪天？")
    assert cancelled.value.key == "mq-err-cancelled"


async def test_at_most_five_waiting_per_resident_and_meeting(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    meeting = await published(session, world, notifier)
    asked = [
        await _ask(session, world, notifier, meeting, "a1", f"第{i}个问题？") for i in range(5)
    ]
    with pytest.raises(InvalidInput) as many:
        await _ask(session, world, notifier, meeting, "a1", "第六个？")
    assert many.value.key == "mq-err-too-many"
    await _ask(session, world, notifier, meeting, "a2", "我呢？")  # another resident may
    await meeting_questions.answer(
        session,
        user=world.staff,
        roles=world.staff_roles,
        question_id=asked[0].id or 0,
        text="好的",
        now=NOW,
        notifier=notifier,
    )
    await _ask(session, world, notifier, meeting, "a1", "第六个？")  # one answered: room again
    with pytest.raises(InvalidInput):
        await _ask(session, world, notifier, meeting, "a1", " ")
    with pytest.raises(InvalidInput):
        await _ask(session, world, notifier, meeting, "a1", "长" * (TYPED_MAX + 1))


async def test_answer_once_by_staff_of_the_community(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    meeting = await published(session, world, notifier)
    question = await _ask(session, world, notifier, meeting, "a1", "能带老伴吗？")
    qid = question.id or 0
    # the staff notice went out (message 77 in 李网格员's... the creator's chat)
    [notice] = await _notices(session)
    notice.state, notice.message_ids = DeliveryState.SENT, "77"
    session.add(notice)
    await session.commit()
    with pytest.raises(PermissionDenied):  # a resident's forged ↩️ 回复
        await meeting_questions.answer(
            session,
            user=world["b"],
            roles=RESIDENT,
            question_id=qid,
            text="随便",
            now=NOW,
            notifier=notifier,
        )
    later = NOW + timedelta(minutes=5)
    await meeting_questions.answer(
        session,
        user=world.grid_worker,
        roles=world.staff_roles,
        question_id=qid,
        text="可以 <一起来>",
        now=later,
        notifier=notifier,
    )
    told = (await session.exec(select(Delivery).where(Delivery.chat_id == world["a1"].id))).all()
    [answer] = [d for d in told if d.kind == "meeting-answer"]
    assert "💬 组织者回复（1号楼加装电梯楼栋夜话）：可以 &lt;一起来&gt;" in answer.text
    assert "能带老伴吗" in answer.text
    # the creator's notice is redrawn: who answered, and the answer; no button
    [edit] = [n for n in await _notices(session) if n.edit_message_id == 77]
    assert edit.chat_id == world.staff.id and edit.reply_markup is None
    assert "✅ 李网格员 已于" in edit.text and "可以 &lt;一起来&gt;" in edit.text
    # a second answer: who answered first; nothing more sent
    with pytest.raises(meeting_questions.AlreadyAnswered) as again:
        await meeting_questions.answer(
            session,
            user=world.staff,
            roles=world.staff_roles,
            question_id=qid,
            text="也可以",
            now=later,
            notifier=notifier,
        )
    assert again.value.args_["name"] == "李网格员"
    stored = await session.get(MeetingQuestion, qid, populate_existing=True)
    assert stored is not None and stored.answer == "可以 <一起来>"
    assert stored.answered_by == world.grid_worker.id
    told = (await session.exec(select(Delivery).where(Delivery.chat_id == world["a1"].id))).all()
    assert len([d for d in told if d.kind == "meeting-answer"]) == 1
    assert await meeting_questions.counts(session, meeting_id=meeting.id or 0) == (1, 0)


async def test_the_meeting_a_typed_question_is_about(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    meeting = await published(session, world, notifier)
    resident = world["a1"]
    assert (
        await meeting_questions.meeting_for_typed(session, user=resident, now=NOW, above=None)
        is None
    )
    await meetings.rsvp(
        session,
        user=resident,
        meeting_id=meeting.id or 0,
        answer=RsvpAnswer.YES,
        now=NOW,
        notifier=notifier,
    )
    found = await meeting_questions.meeting_for_typed(
        session, user=resident, now=NOW + timedelta(hours=1), above=None
    )
    assert found is not None and found.id == meeting.id
    assert (
        await meeting_questions.meeting_for_typed(
            session, user=resident, now=NOW + timedelta(hours=3), above=None
        )
        is None
    )


@pytest.mark.parametrize(
    ("said", "asks"),
    [
        ("我能带老伴一起去吗", True),
        ("几点开始", True),
        ("会议室在哪", True),
        ("可以带孩子去不", True),
        ("能不能晚点到", True),
        ("停车位怎么安排呢", True),
        ("Can I bring my husband?", True),
        ("楼道灯坏了", False),
        ("水管漏水三天了", False),
    ],
)
def test_what_reads_as_a_question(said: str, asks: bool) -> None:
    assert smalltalk.asks_question(said) is asks


async def test_asked_at_night_the_notice_waits_for_the_morning(
    session: AsyncSession, world: World, translator: Translator
) -> None:
    """Not urgent: quiet hours (22:00–07:00 local) hold the staff notice till 07:00."""
    night = NOW.replace(hour=15)  # 23:00 in Shanghai
    meeting = await published(session, world, Notifier(texts=translator, now=NOW))
    await meeting_questions.ask(
        session,
        user=world["a1"],
        meeting_id=meeting.id or 0,
        text="明天几点开始？",
        now=night,
        notifier=Notifier(texts=translator, now=night),
    )
    [notice] = await _notices(session)
    assert notice.held_from is not None and not notice.urgent
    assert notice.not_before.replace(tzinfo=None) == NOW.replace(hour=23, tzinfo=None)


async def test_forgotten_resident_questions_go(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    meeting = await published(session, world, notifier)
    await _ask(session, world, notifier, meeting, "a1", "我的电话是13800000000，能回电吗？")
    await _ask(session, world, notifier, meeting, "b", "几点？")
    await meeting_questions.forget_questions(session, user_id=world["a1"].id)
    await session.commit()
    left = (await session.exec(select(MeetingQuestion))).all()
    assert [q.resident_id for q in left] == [world["b"].id]
