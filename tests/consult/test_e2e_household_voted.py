"""One vote per household: a second person of the household who opens the poll is told that
the household has voted (who and when; an anonymous poll says only when) and gets no ballot.
Before, 黄奶奶 got the full ballot after 周阿姨 (same room) had voted, and her tap was refused."""

from __future__ import annotations

from typing import Any

from sandbox.driver import message_text
from tests.consult.test_e2e_qa_polls import ZHOU, ballot, labels_of, make_poll
from tests.e2e.conftest import Harness

HUANG = 4005  # 黄奶奶, 1号楼 302 (same household as 周阿姨)


async def _open_as_huang(h: Harness) -> dict[str, Any]:
    d = h.driver
    announce = await d.expect(HUANG, "投票：")
    last = (await d.messages(HUANG))[-1]["message_id"]
    await d.tap(HUANG, "去投票", announce["message_id"])
    return await d.expect(HUANG, "您家", since=last)


async def _zhou_votes(h: Harness) -> None:
    d = h.driver
    mine = await ballot(d, ZHOU)
    await d.tap(ZHOU, "修路灯", mine["message_id"])
    await d.expect(ZHOU, "已投票", since=mine["message_id"])


async def test_named_poll_says_who_in_the_household_voted(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    await make_poll(h, per_household=True, anonymous=False, live_results=True)
    await _zhou_votes(h)
    told = await _open_as_huang(h)
    text = message_text(told)
    assert "您家（同一房号）已经投过票了：周阿姨 在" in text
    assert "一户一票" in text
    assert "截止：" not in text  # no ballot
    assert labels_of(told) == ["📊 查看结果"]  # live results: the one button offered


async def test_anonymous_poll_says_only_when(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    await make_poll(h, per_household=True)
    await _zhou_votes(h)
    told = await _open_as_huang(h)
    text = message_text(told)
    assert "您家（同一房号）已经有人在" in text
    assert "周阿姨" not in text
    assert labels_of(told) == []  # no ballot, results hidden until the close
