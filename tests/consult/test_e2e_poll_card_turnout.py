"""The staff card of an open poll with a quorum shows turnout against it in the poll's unit, as
the live results do ('已有 1/64 户参与（2%），法定要求 2/3（43 户），还差 42 户'). Before, it said
'已投 1 票' alone: staff could not tell from it whether the poll would count."""

from __future__ import annotations

from fractions import Fraction

from sqlmodel import select

from models import Building
from models.consultations import AudienceKind
from sandbox.driver import message_text
from tests.consult.test_e2e_poll_card_after_end import _card
from tests.consult.test_e2e_qa_polls import ZHOU, ballot, make_poll
from tests.e2e.conftest import Harness


async def _zhou_votes(h: Harness) -> None:
    d = h.driver
    mine = await ballot(d, ZHOU)
    await d.tap(ZHOU, "修路灯", mine["message_id"])
    await d.expect(ZHOU, "已投票", since=mine["message_id"])


async def test_card_shows_households_against_the_quorum(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    async with h.sessionmaker() as session:
        b1 = (await session.exec(select(Building).where(Building.name == "1号楼"))).one()
    await make_poll(
        h,
        per_household=True,
        quorum=Fraction(2, 3),
        audience_kind=AudienceKind.BUILDINGS,
        audience_ids=(b1.id,),
    )
    await _zhou_votes(h)
    text = message_text(await _card(h.driver))
    assert "已投 1 票" in text, text
    # 1号楼 has 64 households on record: two thirds of them is 43
    assert "已有 1/64 户参与（2%），法定要求 2/3（43 户），还差 42 户" in text, text


async def test_card_says_the_quorum_is_met(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    await make_poll(h, quorum=Fraction(1, 100))
    await _zhou_votes(h)
    text = message_text(await _card(h.driver))
    assert "人参与" in text and "法定要求 1%（1 人）：✅ 已达到" in text, text


async def test_card_without_quorum_is_as_before(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    await make_poll(h)
    await _zhou_votes(h)
    text = message_text(await _card(h.driver))
    assert "已投 1 票" in text and "参与" not in text and "法定要求" not in text, text
