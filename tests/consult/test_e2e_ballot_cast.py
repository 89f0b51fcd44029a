"""The ballot a resident voted on reads as cast: their choice, how to change it (or that it
cannot be changed), and 📊 查看结果 where results are live. Before, it lost every button but
still said '单选，点一个选项即可' and '截止前可以改票', with no option left to tap."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.consult.test_e2e_qa_polls import ZHOU, ballot, current, labels_of, make_poll
from tests.e2e.conftest import Harness


async def test_ballot_reads_as_cast_and_keeps_live_results(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await make_poll(h, live_results=True)
    mine = await ballot(d, ZHOU)
    assert "点一个选项" in message_text(mine)
    await d.tap(ZHOU, "加装电梯", mine["message_id"])
    await d.expect(ZHOU, "已投票：加装电梯", since=mine["message_id"])
    cast = await current(d, ZHOU, mine["message_id"])
    text = message_text(cast)
    assert "您的选择：加装电梯" in text
    assert "点一个选项" not in text and "截止前可以改票" not in text
    assert "截止前想改票，在「🗳 近期议事」里再点这个投票即可。" in text
    assert labels_of(cast) == ["📊 查看结果"]
    await d.tap(ZHOU, "📊 查看结果", mine["message_id"])
    await d.expect(ZHOU, "目前结果", since=mine["message_id"])


async def test_ballot_that_cannot_be_changed(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await make_poll(h, allow_change=False)
    mine = await ballot(d, ZHOU)
    await d.tap(ZHOU, "修路灯", mine["message_id"])
    await d.expect(ZHOU, "已投票：修路灯", since=mine["message_id"])
    cast = await current(d, ZHOU, mine["message_id"])
    assert "您的选择：修路灯" in message_text(cast)
    assert "投出后不能再改" in message_text(cast)
    assert not labels_of(cast)  # results show after the close
