"""Live results show turnout against those who may take part and, where the poll has a quorum,
against it, in the poll's unit (households for one vote per household). Before, they said
'已投 1 票' alone: nobody could tell while the poll ran whether it would count."""

from __future__ import annotations

from fractions import Fraction

from sqlmodel import select

from models import Building
from models.consultations import AudienceKind
from sandbox.driver import message_text
from tests.consult.test_e2e_qa_polls import ZHOU, ballot, make_poll
from tests.e2e.conftest import Harness


async def _live(h: Harness) -> str:
    """周阿姨 votes 修路灯 and opens the live results from her ballot."""
    d = h.driver
    mine = await ballot(d, ZHOU)
    await d.tap(ZHOU, "修路灯", mine["message_id"])
    cast = await d.expect(ZHOU, "已投票", since=mine["message_id"])
    await d.tap(ZHOU, "查看结果", mine["message_id"])
    return message_text(await d.expect(ZHOU, "目前结果", since=cast["message_id"]))


async def test_household_poll_shows_households_against_the_quorum(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    async with h.sessionmaker() as session:
        b1 = (await session.exec(select(Building).where(Building.name == "1号楼"))).one()
    await make_poll(
        h,
        per_household=True,
        quorum=Fraction(2, 3),
        live_results=True,
        audience_kind=AudienceKind.BUILDINGS,
        audience_ids=(b1.id,),
    )
    live = await _live(h)
    # 1号楼 has 64 households on record: two thirds of them is 43
    assert "已有 1/64 户参与（2%），法定要求 2/3（43 户），还差 42 户" in live, live
    assert "已投 1 票" not in live


async def test_poll_without_quorum_shows_turnout_in_people(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    await make_poll(h, live_results=True)
    live = await _live(h)
    assert "已有 1/" in live and "人参与" in live, live
    assert "法定要求" not in live


async def test_quorum_met_is_said(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    await make_poll(h, quorum=Fraction(1, 100), live_results=True)
    live = await _live(h)
    assert "人参与" in live and "法定要求 1%（1 人）：✅ 已达到" in live, live
