"""A vote changed in words ('我要改投加装电梯', '改成建充电桩', 'change my vote to 修路灯') by a
resident who voted in an open poll: the confirm step a typed choice gets, saying the vote they
have now. Before, each was offered as a matter to file."""

from __future__ import annotations

from sqlmodel import select

from models.consultations import PollOption, Vote
from sandbox.driver import message_text
from tests.consult.test_e2e_qa_polls import ZHOU, ballot, labels_of, make_poll
from tests.e2e.conftest import Harness


async def test_vote_changed_in_words(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await make_poll(h)
    mine = await ballot(d, ZHOU)
    await d.tap(ZHOU, "修路灯", mine["message_id"])
    await d.expect(ZHOU, "已投票", since=mine["message_id"])
    for said, choice in (
        ("我要改投加装电梯", "加装电梯"),
        ("change my vote to 建充电桩", "建充电桩"),
        ("改成建充电桩", "建充电桩"),
    ):
        [offer] = await d.say(ZHOU, said)
        text = message_text(offer)
        assert f"现在投的是「修路灯」，要改投「{choice}」吗" in text, text
        assert labels_of(offer) == [f"✅ 投「{choice}」", "🗳 打开选票"], labels_of(offer)
    # '好的' right under it changes the vote, as the button would
    await d.say(ZHOU, "好的")
    await d.expect(ZHOU, "建充电桩")
    async with h.sessionmaker() as session:
        [vote] = (await session.exec(select(Vote))).all()
        names = {o.id: o.text for o in (await session.exec(select(PollOption))).all()}
    assert [names[i] for i in vote.choices] == ["建充电桩"]
    # the vote they have, said again as a change: nothing to change
    [same] = await d.say(ZHOU, "我要改投建充电桩")
    assert "投的就是「建充电桩」" in message_text(same), message_text(same)
    assert await d.errors() == []
