"""One's own single-choice ballot tapped after the poll closed is refused ('投票已经结束') and
redrawn without its options, saying the poll has closed and the tap was not recorded (and, for
someone who had voted, what still counts), as a proxy ballot is. Before, the refusal came as an
alert and the ballot kept its option buttons, as if it could still be used."""

from __future__ import annotations

from datetime import timedelta

from sandbox.driver import message_text
from tests.consult.test_e2e_qa_polls import CLOSES, ZHOU, ballot, current, labels_of, make_poll
from tests.e2e.conftest import Harness


async def test_single_choice_ballot_after_the_close(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await make_poll(h)
    mine = await ballot(d, ZHOU)
    h.clock.set(CLOSES + timedelta(minutes=1))
    answer = await d.tap(ZHOU, "修路灯", mine["message_id"])
    assert "投票已经结束" in str(answer)
    now = await current(d, ZHOU, mine["message_id"])
    assert labels_of(now) == []
    text = message_text(now)
    assert "明年优先办哪些事" in text and "投票已经结束，这一票没有记上" in text, text
    # a second tap that was on its way: refused alike, the ballot as it is
    answer = await d.click(ZHOU, mine["message_id"], data=_first_option(mine))
    assert "投票已经结束" in str(answer)
    assert message_text(await current(d, ZHOU, mine["message_id"])) == text
    assert await d.errors() == []


async def test_a_vote_cast_before_the_close_is_named(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await make_poll(h, allow_change=True)
    mine = await ballot(d, ZHOU)
    again = await ballot(d, ZHOU)  # opened twice: the second kept to change the vote with
    await d.tap(ZHOU, "加装电梯", mine["message_id"])
    await d.expect(ZHOU, "已投票", since=again["message_id"])
    h.clock.set(CLOSES + timedelta(minutes=1))
    answer = await d.tap(ZHOU, "修路灯", again["message_id"])
    assert "投票已经结束" in str(answer)
    now = await current(d, ZHOU, again["message_id"])
    assert labels_of(now) == []
    assert "截止前投的仍然算数：加装电梯" in message_text(now), message_text(now)


def _first_option(message: dict) -> str:
    markup = message.get("reply_markup") or {}
    return str(markup["inline_keyboard"][0][0]["callback_data"])
