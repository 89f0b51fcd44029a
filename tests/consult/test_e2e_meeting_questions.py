"""❓ 问组织者 through the real bot: 周阿姨 asks 十二月居民议事会's organizer (李社工, who created
it) with the button or by typing a question after signing up; 李社工 answers with ↩️ 回复 and
周阿姨 gets the answer; a second staff member tapping ↩️ 回复 is told who answered; a resident's
forged ↩️ 回复 is refused; a cancelled meeting takes no question."""

from __future__ import annotations

from sqlmodel import col, select

from models import AuditEvent
from models.consultations import Meeting, MeetingQuestion
from sandbox.driver import message_text
from services import meetings
from services.consult_common import Notifier, meeting_view_data, reply_data
from tests.consult.test_e2e_rsvp_card import STAFF, ZHOU, _published
from tests.e2e.conftest import Harness
from tests.support import inline_labels, reply_to

GRID = 2002  # 张网格员, 第一网格 (1/2/3号楼) of 阳光社区
TITLE = "十二月居民议事会"


async def _meeting_id(h: Harness) -> int:
    async with h.sessionmaker() as session:
        meeting = (await session.exec(select(Meeting).where(Meeting.title == TITLE))).one()
        return meeting.id or 0


async def _questions(h: Harness) -> list[MeetingQuestion]:
    async with h.sessionmaker() as session:
        return list((await session.exec(select(MeetingQuestion))).all())


async def test_ask_with_the_button_and_the_answer_comes_back(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await reply_to(d, STAFF, "/quiet off", "")
    await _published(h)
    invite = await d.expect(ZHOU, "议事会通知")
    assert "❓ 问组织者" in inline_labels(invite)
    await d.tap(ZHOU, "去", invite["message_id"])
    going = await d.expect(ZHOU, "已报名", since=invite["message_id"])
    assert inline_labels(going) == ["❓ 问组织者"]
    await d.tap(ZHOU, "❓ 问组织者", going["message_id"])
    prompt = await d.expect(ZHOU, "组织者的问题", since=going["message_id"])
    question = "我能带老伴一起去吗？<他腿脚不好>"
    sent = await d.send(ZHOU, question)
    await d.expect(ZHOU, "已转给组织者，回复会发到这里", since=prompt["message_id"])
    # 李社工 created the meeting: the question goes to him, escaped and whole
    notice = await d.expect(STAFF, "❓ 居民提问 · 十二月居民议事会")
    assert f"周阿姨（1号楼 302）：{question}" in message_text(notice)
    assert inline_labels(notice) == ["↩️ 回复"]
    # the staff card counts it, and lists it with its ↩️ 回复
    [stored] = await _questions(h)
    assert stored.text == question and stored.resident_id == ZHOU
    # 李社工 answers
    await d.tap(STAFF, "↩️ 回复", notice["message_id"])
    ask = await d.expect(STAFF, "请写下您的回复", since=notice["message_id"])
    await d.send(STAFF, "可以的，欢迎一起来，会议室在一楼")
    await d.expect(STAFF, "回复已发给 周阿姨", since=ask["message_id"])
    answer = await d.expect(ZHOU, "💬 组织者回复（十二月居民议事会）", since=sent["message_id"])
    assert "可以的，欢迎一起来，会议室在一楼" in message_text(answer)
    assert "我能带老伴一起去吗" in message_text(answer)
    # the staff notice now says who answered, and has no ↩️ 回复 left
    redrawn = await d.expect(STAFF, "✅ 李社工 已于", since=notice["message_id"] - 1)
    assert redrawn["message_id"] == notice["message_id"]
    assert "可以的，欢迎一起来" in message_text(redrawn) and not inline_labels(redrawn)
    # a second tap of ↩️ 回复 (an older copy): who answered, nothing asked or sent
    last = (await d.messages(ZHOU))[-1]["message_id"]
    tapped = await d.click(STAFF, message_id=notice["message_id"], data=reply_data(stored.id or 0))
    assert "已由 李社工" in tapped["answer"]["text"] and tapped["answer"]["show_alert"]
    assert not [m for m in await d.messages(ZHOU, since=last) if m["from"]["is_bot"]]


async def test_typed_question_after_signing_up_is_offered_to_the_organizer(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    await reply_to(d, STAFF, "/quiet off", "")
    await _published(h)
    invite = await d.expect(ZHOU, "议事会通知")
    await d.tap(ZHOU, "去", invite["message_id"])
    await d.expect(ZHOU, "已报名", since=invite["message_id"])
    older = await reply_to(d, ZHOU, "停车位够不够？", "报给社区")
    assert inline_labels(older)[0] == "❓ 转给「十二月居民议事会」的组织者"
    # a second question right under the offer joins the first (both are sent)
    offer = await reply_to(d, ZHOU, "我能带老伴一起去吗", "报给社区")
    labels = inline_labels(offer)
    assert labels[0] == "❓ 转给「十二月居民议事会」的组织者" and "📝 报给社区" in labels
    # the older offer's button would send other words than it showed: it is stale
    button = older["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    tapped = await d.click(ZHOU, older["message_id"], data=button)
    assert tapped["answer"]["show_alert"] and "失效" in tapped["answer"]["text"]
    await d.tap(ZHOU, "❓ 转给「十二月居民议事会」的组织者", offer["message_id"])
    await d.expect(ZHOU, "已转给组织者", since=offer["message_id"])
    notice = await d.expect(STAFF, "❓ 居民提问 · 十二月居民议事会")
    assert "周阿姨（1号楼 302）：停车位够不够？\n我能带老伴一起去吗" in message_text(notice)
    assert [q.text for q in await _questions(h)] == ["停车位够不够？\n我能带老伴一起去吗"]
    # not a question, or long after: only 📝 报给社区
    plain = await reply_to(d, ZHOU, "楼道灯坏了", "报给社区")
    assert not any("组织者" in label for label in inline_labels(plain))


async def test_second_staff_and_forged_taps(linli_sandbox: Harness) -> None:
    """张网格员 (staff of the same community) tapping ↩️ 回复 after 李社工 answered is told who
    did; 周阿姨 tapping a forged ↩️ 回复 is refused and the refusal is logged."""
    h = linli_sandbox
    d = h.driver
    await reply_to(d, STAFF, "/quiet off", "")
    await _published(h)
    meeting_id = await _meeting_id(h)
    invite = await d.expect(ZHOU, "议事会通知")
    await d.tap(ZHOU, "❓ 问组织者", invite["message_id"])
    prompt = await d.expect(ZHOU, "组织者的问题", since=invite["message_id"])
    await d.send(ZHOU, "几点签到？")
    await d.expect(ZHOU, "已转给组织者", since=prompt["message_id"])
    [question] = await _questions(h)
    data = reply_data(question.id or 0)
    # a resident's forged ↩️ 回复: refused, logged, nothing asked
    forged = await d.click(ZHOU, message_id=invite["message_id"], data=data)
    assert "没有权限" in forged["answer"]["text"]
    async with h.sessionmaker() as session:
        refused = (
            await session.exec(
                select(AuditEvent).where(
                    col(AuditEvent.actor_id) == ZHOU, col(AuditEvent.action) == "refused"
                )
            )
        ).all()
        assert [(e.subject_id, e.detail) for e in refused] == [(str(meeting_id), "answer")]
    # 李社工 answers from the staff card's list
    notice = await d.expect(STAFF, "❓ 居民提问")
    await d.click(STAFF, message_id=notice["message_id"], data=meeting_view_data(meeting_id))
    card = await d.expect(STAFF, "❓ 提问 1（待回复 1）", since=notice["message_id"])
    # the destructive tool last, below ❓ 待回复
    assert inline_labels(card)[-2:] == ["❓ 待回复的提问（1）", "❌ 取消会议"]
    await d.tap(STAFF, "❓ 待回复的提问（1）", card["message_id"])
    listed = await d.expect(STAFF, "待回复的提问 1 个", since=card["message_id"])
    assert "周阿姨：几点签到？" in message_text(listed)
    await d.tap(STAFF, "↩️ 回复 1", listed["message_id"])
    await d.expect(STAFF, "请写下您的回复", since=listed["message_id"])
    await d.send(STAFF, "九点半开始签到")
    await d.expect(ZHOU, "九点半开始签到")
    # 张网格员 taps ↩️ 回复 too: told 李社工 answered; 周阿姨 gets no second answer
    hub = await reply_to(d, GRID, "🏛 议事管理", "议事管理")
    tapped = await d.click(GRID, message_id=hub["message_id"], data=data)
    assert "已由 李社工" in tapped["answer"]["text"]
    answers = [m for m in await d.messages(ZHOU) if "💬 组织者回复" in message_text(m)]
    assert len(answers) == 1
    [question] = await _questions(h)
    assert question.answered_by == STAFF and question.answer == "九点半开始签到"


async def test_a_cancelled_meeting_takes_no_question(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await reply_to(d, STAFF, "/quiet off", "")
    await _published(h)
    invite = await d.expect(ZHOU, "议事会通知")
    meeting_id = await _meeting_id(h)
    async with h.sessionmaker() as session:
        from models import Role, User

        staff = await session.get(User, STAFF)
        assert staff is not None
        await meetings.cancel_meeting(
            session,
            user=staff,
            roles=frozenset({Role.RESIDENT, Role.STAFF}),
            meeting_id=meeting_id,
            reason="场地维修",
            now=h.clock(),
            notifier=Notifier(texts=h.sandbox.app.translator, now=h.clock()),
        )
    tapped = await d.click(ZHOU, message_id=invite["message_id"], data=f"cmq:ask:{meeting_id}")
    assert "已经取消了，不再收提问" in tapped["answer"]["text"]
    assert await _questions(h) == []


async def test_a_question_typed_right_under_the_announcement(linli_sandbox: Harness) -> None:
    """Not answered yet, but typed right under the announcement: offered to the organizer."""
    h = linli_sandbox
    d = h.driver
    await _published(h)
    await d.expect(ZHOU, "议事会通知")
    offer = await reply_to(d, ZHOU, "几点开始签到？", "报给社区")
    assert "❓ 转给「十二月居民议事会」的组织者" in inline_labels(offer)
    # one message later it is no longer right under it, and she has not answered the meeting
    later = await reply_to(d, ZHOU, "会议室在哪", "报给社区")
    assert not any("组织者" in label for label in inline_labels(later))


async def test_asking_in_the_middle_of_a_request_asks_first(linli_sandbox: Harness) -> None:
    """❓ 问组织者 tapped with a request half described: whether to leave it, first."""
    h = linli_sandbox
    d = h.driver
    await _published(h)
    invite = await d.expect(ZHOU, "议事会通知")
    await reply_to(d, ZHOU, "📝 我要点单", "")
    await d.send(ZHOU, "楼道灯坏了三天了")
    await d.tap(ZHOU, "❓ 问组织者", invite["message_id"])
    busy = await d.expect(ZHOU, "没有填完", since=invite["message_id"])
    assert "✍️ 不填了，开始问组织者" in inline_labels(busy)
    await d.tap(ZHOU, "✍️ 不填了，开始问组织者", busy["message_id"])
    await d.expect(ZHOU, "组织者的问题", since=busy["message_id"])
    await d.send(ZHOU, "要带身份证吗")
    await d.expect(ZHOU, "已转给组织者", since=busy["message_id"])
    [question] = await _questions(h)
    assert question.text == "要带身份证吗"


async def test_long_question_and_answer_arrive_whole(linli_sandbox: Harness) -> None:
    """A question and an answer of 4,000 characters each reach the other side whole (in as
    many messages as they need), and the staff notice redrawn with the answer is refused by
    no Bot API call (the fixture checks the emulator's errors)."""
    h = linli_sandbox
    d = h.driver
    await _published(h)
    invite = await d.expect(ZHOU, "议事会通知")
    await d.tap(ZHOU, "❓ 问组织者", invite["message_id"])
    await d.expect(ZHOU, "组织者的问题", since=invite["message_id"])
    question = "问" * 3990 + "结尾问号？"
    await d.send(ZHOU, question)
    await d.expect(ZHOU, "已转给组织者", since=invite["message_id"])
    notice = await d.expect(STAFF, "❓ 居民提问")
    await d.expect(STAFF, "结尾问号？", since=notice["message_id"] - 1)
    shown = "".join(message_text(m) for m in await d.messages(STAFF, notice["message_id"] - 1))
    assert question in shown
    [stored] = await _questions(h)
    await d.click(STAFF, notice["message_id"], data=reply_data(stored.id or 0))
    last = (await d.messages(STAFF))[-1]["message_id"]
    await d.expect(STAFF, "请写下您的回复", since=last - 1)
    answer = "答" * 3990 + "回答完毕。"
    before = (await d.messages(ZHOU))[-1]["message_id"]
    await d.send(STAFF, answer)
    await d.expect(ZHOU, "回答完毕。", since=before)
    got = "".join(message_text(m) for m in await d.messages(ZHOU, before))
    assert answer in got
    await d.expect(STAFF, "✅ 李社工 已于", since=notice["message_id"] - 1)


async def test_a_yes_under_both_offers_is_asked_which(linli_sandbox: Harness) -> None:
    """Under ❓ 转给…的组织者 and 📝 报给社区, '好的' may mean either: the resident is asked to
    tap one (it used to file a request of the question), and the offer keeps both buttons."""
    h = linli_sandbox
    d = h.driver
    await reply_to(d, STAFF, "/quiet off", "")
    await _published(h)
    invite = await d.expect(ZHOU, "议事会通知")
    await d.tap(ZHOU, "去", invite["message_id"])
    await d.expect(ZHOU, "已报名", since=invite["message_id"])
    offer = await reply_to(d, ZHOU, "我能带老伴一起去吗", "报给社区")
    assert "回一句「好的」" not in message_text(offer), message_text(offer)
    await reply_to(d, ZHOU, "好的", "请点上面的按钮选一个")
    [still] = [m for m in await d.messages(ZHOU) if m["message_id"] == offer["message_id"]]
    assert inline_labels(still)[0] == "❓ 转给「十二月居民议事会」的组织者"
    await d.tap(ZHOU, "❓ 转给「十二月居民议事会」的组织者", offer["message_id"])
    await d.expect(ZHOU, "已转给组织者", since=offer["message_id"])
    assert [q.text for q in await _questions(h)] == ["我能带老伴一起去吗"]
    assert await d.errors() == []
