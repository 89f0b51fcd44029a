"""A proxy ballot (代投) tapped after the poll closed is refused and redrawn: for whom it was,
that the poll has closed and nothing was recorded, without its options. Before, the refusal
came as an alert and the ballot kept its option buttons, as if it could still be used."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlmodel import select

from models import Building
from sandbox.driver import message_text
from tests.consult.test_e2e_qa_polls import CLOSES, GRID_WORKER, current, labels_of, make_poll
from tests.e2e.conftest import Harness


async def _proxy_ballot_for_wu(h: Harness, poll_id: int) -> dict[str, Any]:
    """The grid worker opens a proxy ballot for 吴大爷 (1号楼 502)."""
    d = h.driver
    async with h.sessionmaker() as session:
        b1 = (await session.exec(select(Building).where(Building.name == "1号楼"))).one()
    [greeting, *_] = await d.say(GRID_WORKER, "/start")
    await d.click(GRID_WORKER, greeting["message_id"], data=f"cpl:proxy_b:{poll_id}:{b1.id}")
    await d.expect(GRID_WORKER, "请输入居民的房号", since=greeting["message_id"])
    [first, *_] = await d.say(GRID_WORKER, "502")
    return await d.expect(GRID_WORKER, "代 吴大爷 投票", since=first["message_id"] - 1)


async def test_single_choice_proxy_ballot_after_the_close(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    poll_id = await make_poll(h)
    proxy = await _proxy_ballot_for_wu(h, poll_id)
    h.clock.set(CLOSES + timedelta(minutes=1))
    answer = await d.tap(GRID_WORKER, "修路灯", proxy["message_id"])
    assert "投票已经结束" in str(answer)
    now = await current(d, GRID_WORKER, proxy["message_id"])
    assert labels_of(now) == []
    text = message_text(now)
    assert "代 吴大爷 投票" in text and "投票已经结束，这一票没有记上" in text, text


async def test_multiple_choice_proxy_ballot_after_the_close(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    poll_id = await make_poll(h, multiple=True, max_choices=2)
    proxy = await _proxy_ballot_for_wu(h, poll_id)
    h.clock.set(CLOSES + timedelta(minutes=1))
    answer = await d.tap(GRID_WORKER, "修路灯", proxy["message_id"])
    assert "投票已经结束" in str(answer)
    now = await current(d, GRID_WORKER, proxy["message_id"])
    assert labels_of(now) == []
    assert "投票已经结束，这一票没有记上" in message_text(now)
