"""Two quick taps on one ballot: the second tap arrives after the first removed the buttons.
The resident is told what counts now (before: the vote changed without a word, so the chat said
'已投票：同意' while the ballot stored was 不同意); the same option twice changes nothing."""

from __future__ import annotations

from sandbox.driver import message_text
from services import polls
from tests.consult.test_e2e_qa_polls import ZHOU, ballot, make_poll
from tests.e2e.conftest import Harness


async def test_a_second_quick_tap_is_confirmed(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    poll_id = await make_poll(h)
    async with h.sessionmaker() as session:
        first, second, _ = (o.id for o in await polls.poll_options(session, poll_id=poll_id))
    mine = await ballot(d, ZHOU)
    await d.click(ZHOU, mine["message_id"], data=f"cpv:{poll_id}:{first}:0")
    voted = await d.expect(ZHOU, "已投票：修路灯", since=mine["message_id"])
    # the second tap of the double tap, on the same ballot (its buttons are gone by now)
    await d.click(ZHOU, mine["message_id"], data=f"cpv:{poll_id}:{second}:0")
    changed = await d.expect(ZHOU, "已改票：加装电梯", since=voted["message_id"])
    # the same option once more: no change, and not called a change
    await d.click(ZHOU, mine["message_id"], data=f"cpv:{poll_id}:{second}:0")
    again = await d.expect(ZHOU, "加装电梯", since=changed["message_id"])
    assert "已投票：加装电梯" in message_text(again)
    async with h.sessionmaker() as session:
        vote = await polls.my_vote(session, poll_id=poll_id, user_id=ZHOU)
        assert vote is not None and vote.choices == [second] and vote.changes == 1
