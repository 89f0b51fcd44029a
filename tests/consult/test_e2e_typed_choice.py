"""A choice typed where the ballot's buttons were meant ('加装电梯', '我选修路灯', '第三个') is
read back with its button: one tap votes, as on the ballot. Before, '要' was '没有看懂' and
'我投加装电梯' was offered to be filed as a matter. Only options of an open poll the person
may vote in are read; a multiple-choice poll's ballot is opened instead."""

from __future__ import annotations

from sqlmodel import select

from models.consultations import Vote
from sandbox.driver import message_text
from tests.consult.test_e2e_qa_polls import FENG, ZHOU, labels_of, make_poll
from tests.e2e.conftest import Harness


async def test_typed_choice_is_voted_with_one_tap(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    poll_id = await make_poll(h)
    await d.expect(ZHOU, "投票：")
    [offer] = await d.say(ZHOU, "我投加装电梯")
    assert "明年优先办哪些事" in message_text(offer) and "加装电梯" in message_text(offer)
    assert labels_of(offer) == ["✅ 投「加装电梯」", "🗳 打开选票"], labels_of(offer)
    async with h.sessionmaker() as session:  # typing alone votes nothing
        assert (await session.exec(select(Vote).where(Vote.poll_id == poll_id))).first() is None
    [third] = await d.say(ZHOU, "第三个")
    assert labels_of(third)[0] == "✅ 投「建充电桩」", labels_of(third)
    await d.tap(ZHOU, "✅ 投「加装电梯」", offer["message_id"])
    await d.expect(ZHOU, "加装电梯", since=third["message_id"])
    async with h.sessionmaker() as session:
        vote = (await session.exec(select(Vote).where(Vote.poll_id == poll_id))).one()
        assert vote.voter_id == ZHOU
    # not an option: as before (a matter offered); someone outside the poll: not read as a vote
    [matter] = await d.say(ZHOU, "楼下的路灯坏了")
    assert "要把这件事报给社区吗" in message_text(matter), message_text(matter)
    [other] = await d.say(FENG, "加装电梯")
    assert "投「" not in str(other.get("reply_markup")), other


async def test_typed_choice_of_a_multiple_choice_poll_opens_the_ballot(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    await make_poll(h, multiple=True, max_choices=2)
    await d.expect(ZHOU, "投票：")
    [offer] = await d.say(ZHOU, "修路灯")
    assert "可以选好几项" in message_text(offer), message_text(offer)
    assert labels_of(offer) == ["🗳 打开选票"], labels_of(offer)
    await d.tap(ZHOU, "🗳 打开选票", offer["message_id"])
    ballot = await d.expect(ZHOU, "截止：", since=offer["message_id"])
    assert "修路灯" in labels_of(ballot), labels_of(ballot)
