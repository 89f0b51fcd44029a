"""An answer to a meeting typed where 去 / 不确定 / 不去 were meant ('我去', '参加', '不去了'),
as many older residents do, is read back with its button: one tap records it, as on the
announcement. Before, '我去' was offered to be filed as a matter and '去' was '没有看懂'.
Typed again once it is their answer, they are told so; with several meetings, asked which."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlmodel import select

from models import Role, User
from models.consultations import Rsvp, RsvpStatus
from sandbox.driver import message_text
from services import meetings
from services.consult_common import Notifier
from tests.consult.published import STAFF, published_meeting
from tests.consult.test_e2e_qa_polls import labels_of
from tests.e2e.conftest import Harness

ZHOU = 4001  # 周阿姨, invited (the whole community)


async def test_typed_answer_is_recorded_with_one_tap(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    meeting = await published_meeting(h)
    [offer] = await d.say(ZHOU, "我去")
    text = message_text(offer)
    assert "十二月居民议事会" in text and "要去" in text and "社区会议室" in text, text
    assert labels_of(offer)[0] == "✅ 确认去", labels_of(offer)
    async with h.sessionmaker() as session:  # typing alone records nothing
        assert (await session.exec(select(Rsvp))).first() is None
    await d.tap(ZHOU, "✅ 确认去", offer["message_id"])
    await d.expect(ZHOU, "已报名：十二月居民议事会", since=offer["message_id"])
    # said again: already their answer
    [same] = await d.say(ZHOU, "参加")
    assert "已经回复过了：参加" in message_text(same), message_text(same)
    # changed in words: read back the same way
    [change] = await d.say(ZHOU, "不去了")
    assert "不去" in message_text(change) and labels_of(change)[0] == "✅ 确认不去"
    await d.tap(ZHOU, "✅ 确认不去", change["message_id"])
    await d.expect(ZHOU, "已记录「不去」", since=change["message_id"])
    async with h.sessionmaker() as session:
        row = (await session.exec(select(Rsvp).where(Rsvp.meeting_id == meeting.id))).one()
        assert (row.user_id, row.status) == (ZHOU, RsvpStatus.NO)


async def test_typed_answer_with_two_meetings_asks_which(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await published_meeting(h, title="十二月居民议事会")
    await published_meeting(h, title="停车位协调会", starts_at=h.clock() + timedelta(days=8))
    [which] = await d.say(ZHOU, "报名")
    assert "哪一个" in message_text(which), message_text(which)
    labels = labels_of(which)
    assert len(labels) == 2 and "十二月居民议事会" in labels[0] and "停车位协调会" in labels[1]
    # words that are no answer stay what they were (a matter offered to be filed)
    [matter] = await d.say(ZHOU, "去哪里开会")
    assert "确认" not in str(matter.get("reply_markup")), matter


async def test_coming_said_as_being_there(linli_sandbox: Harness) -> None:
    """'一定到' / '我会到的', as older residents answer an invitation, are 去 (they were
    offered to be filed as a matter); '到不了' is 不去."""
    h = linli_sandbox
    d = h.driver
    await published_meeting(h)
    [offer] = await d.say(ZHOU, "一定到！")
    assert labels_of(offer)[0] == "✅ 确认去", message_text(offer)
    await d.tap(ZHOU, "✅ 确认去", offer["message_id"])
    await d.expect(ZHOU, "已报名：十二月居民议事会", since=offer["message_id"])
    [same] = await d.say(ZHOU, "我会到的")
    assert "已经回复过了" in message_text(same), message_text(same)
    [change] = await d.say(ZHOU, "那天到不了")
    assert labels_of(change)[0] == "✅ 确认不去", message_text(change)
    assert await d.errors() == []


async def test_coming_with_someone_signs_up_oneself_and_says_how_for_them(
    linli_sandbox: Harness,
) -> None:
    """'我和老伴一起去', '我们两口子都去', '带我孙子一起去': an answer is one person's (no guests
    on an RSVP), so the resident's own is offered with its button, and how the one coming
    along signs up for themself is said in that same answer — the read-back, kept when it is
    redrawn (a postponement), or 'already answered' — not as a loose message of its own
    before it (as it was)."""
    h = linli_sandbox
    d = h.driver
    meeting = await published_meeting(h)
    sent = await d.send(ZHOU, "我和老伴一起去")
    offer = await d.expect(ZHOU, "要去吗", since=sent["message_id"])
    text = message_text(offer)
    assert "一人一份" in text and "您老伴也想参加的话，请老伴用自己的手机" in text, text
    assert labels_of(offer)[0] == "✅ 确认去", text
    assert await _after(h, sent["message_id"]) == [offer["message_id"]]  # nothing loose
    # postponed: the read-back is redrawn with the new time, and still says how
    await _postpone(h, meeting.id or 0, days=7)
    redrawn = await _now(h, offer["message_id"])
    assert message_text(redrawn) != text, "redrawn with the new time"
    assert "您老伴也想参加的话" in message_text(redrawn), message_text(redrawn)
    await d.tap(ZHOU, "✅ 确认去", offer["message_id"])
    await d.expect(ZHOU, "已报名：十二月居民议事会", since=offer["message_id"])
    # said again, already going: how the other one signs up, in the same answer
    for said, who in (
        ("带我孙子一起去", "您孙子也想参加的话"),
        ("我们两口子都去", "和您一起来的家人"),
    ):
        sent = await d.send(ZHOU, said)
        same = await d.expect(ZHOU, "已经回复过了", since=sent["message_id"])
        assert "参加" in message_text(same) and who in message_text(same), message_text(same)
        assert await _after(h, sent["message_id"]) == [same["message_id"]], said
    async with h.sessionmaker() as session:
        [row] = (await session.exec(select(Rsvp))).all()
        assert (row.user_id, row.status) == (ZHOU, RsvpStatus.GOING)
    assert await d.errors() == []


async def test_coming_with_someone_in_english(linli_sandbox: Harness) -> None:
    """The same in English: one read-back, saying how the wife signs up herself."""
    h = linli_sandbox
    d = h.driver
    await published_meeting(h)
    async with h.sessionmaker() as session:
        zhou = await session.get(User, ZHOU)
        assert zhou is not None
        zhou.language = "en"
        session.add(zhou)
        await session.commit()
    sent = await d.send(ZHOU, "I'll come with my wife")
    offer = await d.expect(ZHOU, "Do you mean you are going to", since=sent["message_id"])
    text = message_text(offer)
    assert "counts for you alone" in text and "If your wife would like to come too" in text, text
    assert await _after(h, sent["message_id"]) == [offer["message_id"]]
    assert await d.errors() == []


async def _after(h: Harness, since: int) -> list[int]:
    """The bot's messages in 周阿姨's chat after `since`, once everything queued is sent."""
    await h.sandbox.app.dp["scheduler"].drain(now=h.clock())
    return [
        m["message_id"]
        for m in await h.driver.messages(ZHOU)
        if m["message_id"] > since and not m.get("deleted")
    ]


async def _now(h: Harness, message_id: int) -> dict[str, Any]:
    [now] = [m for m in await h.driver.messages(ZHOU) if m["message_id"] == message_id]
    return dict(now)


async def _postpone(h: Harness, meeting_id: int, *, days: int) -> None:
    """李社工 postpones the meeting by `days`; the redraws it queues are sent."""
    async with h.sessionmaker() as session:
        staff = await session.get(User, STAFF)
        assert staff is not None
        meeting = await meetings.get_meeting(session, meeting_id=meeting_id)
        await meetings.postpone_meeting(
            session,
            user=staff,
            roles=frozenset({Role.RESIDENT, Role.STAFF}),
            meeting_id=meeting_id,
            starts_at=meeting.starts_at + timedelta(days=days),
            reason="场地有变",
            now=h.clock(),
            notifier=Notifier(texts=h.sandbox.app.translator, now=h.clock()),
        )
    await h.sandbox.app.dp["scheduler"].drain(now=h.clock())


async def test_a_confirmed_read_back_says_what_was_chosen(linli_sandbox: Harness) -> None:
    """Once the answer read back is confirmed, by its button or by '是的' typed under it, the
    read-back loses its buttons and says what was chosen ('✓ 已选：参加'), and the meeting
    changing later does not bring them back. Before, it kept ✅ 确认去 as if unanswered."""
    h = linli_sandbox
    d = h.driver
    meeting = await published_meeting(h)
    [offer] = await d.say(ZHOU, "我去")
    await d.tap(ZHOU, "✅ 确认去", offer["message_id"])
    await d.expect(ZHOU, "已报名：十二月居民议事会", since=offer["message_id"])
    settled = await _now(h, offer["message_id"])
    assert labels_of(settled) == [], labels_of(settled)
    assert message_text(settled).endswith("✓ 已选：参加"), message_text(settled)
    assert "就记上了" not in message_text(settled)  # no longer asks to tap or answer
    # typed: '是的' right under the read-back
    [change] = await d.say(ZHOU, "不去了")
    assert labels_of(change)[0] == "✅ 确认不去"
    await d.say(ZHOU, "是的")
    await d.expect(ZHOU, "已记录「不去」", since=change["message_id"])
    settled = await _now(h, change["message_id"])
    assert labels_of(settled) == [] and message_text(settled).endswith("✓ 已选：不去")
    # the meeting moved: the settled read-backs are not redrawn to ask again
    await _postpone(h, meeting.id or 0, days=2)
    for read_back in (offer, change):
        current = await _now(h, read_back["message_id"])
        assert labels_of(current) == [] and "✓ 已选" in message_text(current)
    assert await d.errors() == []
