"""Someone who votes at night (from 近期议事 or a link) is not asked to vote at 07:00: the
announcement quiet hours held for them is dropped, and in a one-vote-per-household poll for
their household too. Found walking a 每户一票 poll as 周阿姨 at 00:12: she voted, and at 07:00
she and 黄奶奶 (same room) would still get '🗳 投票：… 请点下方按钮投票'."""

from __future__ import annotations

from datetime import UTC, datetime

from handlers.consult_kit import BallotCb
from sandbox.driver import message_text
from scheduler.service import SchedulerService
from tests.consult.test_e2e_qa_polls import GRID_WORKER, ZHOU, make_poll
from tests.e2e.conftest import Harness

HUANG = 4005  # 黄奶奶, 1号楼 302 (same household as 周阿姨)
WU = 4002  # 吴大爷, 1号楼 502
NIGHT = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)  # 23:00 in Shanghai, a Monday
MORNING = datetime(2026, 11, 23, 23, 1, tzinfo=UTC)  # 07:01 the next day


async def _morning(h: Harness) -> None:
    """07:01: what quiet hours held goes."""
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    h.clock.set(MORNING)
    await service.run_due()
    await service.drain()


async def _texts(h: Harness, user: int) -> list[str]:
    return [message_text(m) for m in await h.driver.messages(user)]


async def _vote_by_link(h: Harness, user: int, poll_id: int) -> None:
    """The person opens the ballot from a link (no announcement yet) and votes 修路灯."""
    d = h.driver
    [greeting, *_] = await d.say(user, "/start")
    await d.click(user, greeting["message_id"], data=BallotCb(poll_id=poll_id).pack())
    ballot = await d.expect(user, "截止：", since=greeting["message_id"])
    await d.tap(user, "修路灯", ballot["message_id"])
    await d.expect(user, "已投票", since=ballot["message_id"])


async def test_household_that_voted_at_night_is_not_asked_in_the_morning(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    h.clock.set(NIGHT)
    poll_id = await make_poll(h, per_household=True)
    assert await h.driver.messages(ZHOU) == []  # held for the morning
    await _vote_by_link(h, ZHOU, poll_id)
    await _morning(h)
    for voted in (ZHOU, HUANG):  # she voted; her household's one vote is in
        assert not any("请点下方按钮投票" in t for t in await _texts(h, voted)), voted
    # 吴大爷 (another room) has not voted: he is asked
    assert any("请点下方按钮投票" in t for t in await _texts(h, WU))


async def test_proxy_vote_at_night_drops_the_residents_announcement(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    h.clock.set(NIGHT)
    poll_id = await make_poll(h)
    # the grid worker records 吴大爷's vote at night (代投 → 1号楼 → 502)
    [greeting, *_] = await d.say(GRID_WORKER, "/start")
    await d.click(
        GRID_WORKER, greeting["message_id"], data=f"cpl:proxy_b:{poll_id}:{await _b1(h)}"
    )
    await d.expect(GRID_WORKER, "请输入居民的房号", since=greeting["message_id"])
    [first, *_] = await d.say(GRID_WORKER, "502")
    proxy = await d.expect(GRID_WORKER, "代 吴大爷 投票", since=first["message_id"] - 1)
    await d.tap(GRID_WORKER, "修路灯", proxy["message_id"])
    await d.expect(GRID_WORKER, "已为 吴大爷 代投", since=proxy["message_id"])
    await _morning(h)
    wu = await _texts(h, WU)
    assert not any("请点下方按钮投票" in t for t in wu), wu
    assert any("代您在投票" in t for t in wu), wu  # told of the vote in his name, as before
    # 周阿姨 has not voted (a poll of one vote per person): she is asked
    assert any("请点下方按钮投票" in t for t in await _texts(h, ZHOU))


async def _b1(h: Harness) -> int:
    from sqlmodel import select

    from models import Building

    async with h.sessionmaker() as session:
        b1 = (await session.exec(select(Building).where(Building.name == "1号楼"))).one()
        return b1.id or 0
