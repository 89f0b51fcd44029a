"""'是的' / '好的' typed right under a choice read back with its button ("您是要…投「X」吗？",
"您是说「…」要去吗？") does what the button does, as older residents answer a question in words.
Found walking the sandbox: 周阿姨 typed '加装电梯', was asked "您是要…投「加装电梯」吗？", answered
'是的' and got "好的。有需要时点下面的按钮就行" — no vote cast, and she left thinking she had voted
(the same with '我去' then '是的' for a meeting). '不要了' there leaves it undone, said so."""

from __future__ import annotations

from sqlmodel import select

from models import User
from models.consultations import Rsvp, RsvpStatus, Vote
from sandbox.driver import message_text
from tests.consult.published import published_meeting
from tests.consult.test_e2e_qa_polls import ZHOU, current, labels_of, make_poll
from tests.e2e.conftest import Harness

WU = 4002  # 吴大爷
ALEX = 5002  # English; registered in the test


async def test_yes_typed_under_the_vote_offer_casts_it(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    poll_id = await make_poll(h)
    await d.expect(ZHOU, "投票：")
    [offer] = await d.say(ZHOU, "加装电梯")
    assert "回一句「好的」" in message_text(offer), message_text(offer)
    [cast] = await d.say(ZHOU, "是的")
    assert "已投票：加装电梯" in message_text(cast), message_text(cast)
    # the offer reads as the ballot cast: its ✅ 投「加装电梯」 is spent
    shown = await current(d, ZHOU, offer["message_id"])
    assert "您的选择：加装电梯" in message_text(shown), message_text(shown)
    assert "✅ 投「加装电梯」" not in labels_of(shown)
    # a change said the same way: counted once, the new choice
    await d.say(ZHOU, "修路灯")
    [changed] = await d.say(ZHOU, "确定")
    assert "已改票：修路灯" in message_text(changed), message_text(changed)
    # '不要了' under the offer: nothing cast, said so, the ballot a tap away
    await d.expect(WU, "投票：")
    [offer_wu] = await d.say(WU, "建充电桩")
    [left] = await d.say(WU, "不要了")
    assert "这一票没有投" in message_text(left), message_text(left)
    assert labels_of(await current(d, WU, offer_wu["message_id"])) == ["🗳 打开选票"]
    # '是的' not right under an offer is not a vote
    [later] = await d.say(WU, "是的")
    assert "已投票" not in message_text(later)
    async with h.sessionmaker() as session:
        votes = (await session.exec(select(Vote).where(Vote.poll_id == poll_id))).all()
    assert [(v.voter_id, len(v.choices)) for v in votes] == [(ZHOU, 1)]
    assert await d.errors() == []


async def test_yes_typed_under_the_meeting_offer_records_it(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    meeting = await published_meeting(h)
    # the announcements in first: '好的' is taken right under the offer only
    await d.expect(ZHOU, "议事会通知")
    await d.expect(WU, "议事会通知")
    await d.say(ZHOU, "我去")
    [said] = await d.say(ZHOU, "好的")
    assert "已报名：十二月居民议事会" in message_text(said), message_text(said)
    await d.say(WU, "参加")
    [left] = await d.say(WU, "算了")
    assert "没有给您记" in message_text(left), message_text(left)
    async with h.sessionmaker() as session:
        rows = (await session.exec(select(Rsvp).where(Rsvp.meeting_id == meeting.id))).all()
    assert [(r.user_id, r.status) for r in rows] == [(ZHOU, RsvpStatus.GOING)]
    assert await d.errors() == []


async def test_yes_typed_in_english(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    async with h.sessionmaker() as session:  # Alex registered at 1号楼 (the poll is for all)
        alex = await session.get(User, ALEX)
        zhou = await session.get(User, ZHOU)
        assert alex is not None and zhou is not None
        alex.community_id, alex.grid_id, alex.building_id = (
            zhou.community_id,
            zhou.grid_id,
            zhou.building_id,
        )
        alex.room = "401"
        alex.consent_at = h.clock()
        alex.language = "en"
        session.add(alex)
        await session.commit()
    await make_poll(h)
    await d.expect(ALEX, "Poll:")
    [offer] = await d.say(ALEX, "2")
    assert 'reply "yes"' in message_text(offer), message_text(offer)
    [cast] = await d.say(ALEX, "yes")
    assert "Voted: 加装电梯" in message_text(cast), message_text(cast)
    assert await d.errors() == []
