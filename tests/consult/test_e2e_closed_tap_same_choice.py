"""A ballot tapped after the poll closed on the very choice already recorded says the poll has
ended and that vote stands (named), for one's own ballot and a proxy (代投) ballot alike.
Before, it read '这次没有改成' / '这一票没有记上', as if something had been lost."""

from __future__ import annotations

from datetime import timedelta

from models import Role, User
from sandbox.driver import message_text
from services import polls
from tests.consult.test_e2e_proxy_ballot_closed import _proxy_ballot_for_wu
from tests.consult.test_e2e_qa_polls import (
    CLOSES,
    GRID_WORKER,
    STAFF,
    ZHOU,
    ballot,
    current,
    labels_of,
    make_poll,
)
from tests.e2e.conftest import Harness

WU = 4002  # 吴大爷, 1号楼 502


async def test_own_ballot_tapped_on_the_recorded_choice(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await make_poll(h, allow_change=True)
    mine = await ballot(d, ZHOU)
    again = await ballot(d, ZHOU)  # opened twice: the second still has its options
    await d.tap(ZHOU, "修路灯", mine["message_id"])
    await d.expect(ZHOU, "已投票", since=again["message_id"])
    h.clock.set(CLOSES + timedelta(minutes=1))
    answer = await d.tap(ZHOU, "修路灯", again["message_id"])
    assert "投票已经结束" in str(answer)
    now = await current(d, ZHOU, again["message_id"])
    assert labels_of(now) == []
    text = message_text(now)
    assert "投票已经结束，您截止前投的这一票已经记上，仍然算数：修路灯" in text, text
    assert "没有改成" not in text and "没有记上" not in text, text


async def test_proxy_ballot_tapped_on_the_recorded_choice(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    poll_id = await make_poll(h)
    first = await _proxy_ballot_for_wu(h, poll_id)
    second = await _proxy_ballot_for_wu(h, poll_id)
    await d.tap(GRID_WORKER, "修路灯", first["message_id"])
    await d.expect(GRID_WORKER, "已为 吴大爷 代投：修路灯", since=second["message_id"])
    h.clock.set(CLOSES + timedelta(minutes=1))
    answer = await d.tap(GRID_WORKER, "修路灯", second["message_id"])
    assert "投票已经结束" in str(answer)
    now = await current(d, GRID_WORKER, second["message_id"])
    assert labels_of(now) == []
    text = message_text(now)
    assert "投票已经结束，截止前已为 吴大爷 记上这一票，仍然算数：修路灯" in text, text
    assert "没有记上" not in text, text


async def test_proxy_ballot_tapped_on_another_choice(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    poll_id = await make_poll(h)
    first = await _proxy_ballot_for_wu(h, poll_id)
    second = await _proxy_ballot_for_wu(h, poll_id)
    await d.tap(GRID_WORKER, "修路灯", first["message_id"])
    await d.expect(GRID_WORKER, "已为 吴大爷 代投：修路灯", since=second["message_id"])
    h.clock.set(CLOSES + timedelta(minutes=1))
    await d.tap(GRID_WORKER, "加装电梯", second["message_id"])
    text = message_text(await current(d, GRID_WORKER, second["message_id"]))
    assert "这次没有改成；截止前为 吴大爷 记上的一票仍然算数：修路灯" in text, text


async def test_anonymous_poll_names_only_the_workers_own_proxy_vote(
    linli_sandbox: Harness,
) -> None:
    """In an anonymous poll a proxy ballot names the vote recorded for the resident only to
    the worker who recorded it: 张网格员's stale ballot does not read 李社工's choice."""
    h = linli_sandbox
    d = h.driver
    poll_id = await make_poll(h, anonymous=True)
    stale = await _proxy_ballot_for_wu(h, poll_id)  # 张网格员's, never used
    async with h.sessionmaker() as session:
        staff = await session.get(User, STAFF)
        assert staff is not None
        await polls.proxy_vote(
            session,
            staff=staff,
            roles=frozenset({Role.RESIDENT, Role.STAFF}),
            poll_id=poll_id,
            resident_id=WU,
            option_ids=[await _option(h, poll_id, "修路灯")],
            now=h.clock(),
        )
    h.clock.set(CLOSES + timedelta(minutes=1))
    await d.tap(GRID_WORKER, "修路灯", stale["message_id"])
    text = message_text(await current(d, GRID_WORKER, stale["message_id"]))
    assert "投票已经结束，这一票没有记上" in text and "修路灯" not in text, text


async def _option(h: Harness, poll_id: int, label: str) -> int:
    async with h.sessionmaker() as session:
        options = await polls.poll_options(session, poll_id=poll_id)
    return next(o.id or 0 for o in options if o.text == label)
