"""An ended poll's staff card says whether the quorum was met, with the figures, as its result
message does ('✅ 法定人数已达到：…' / '❌ 法定人数未达到：…，差 42 户'). Before, the card of an
ended poll dropped the turnout line and said nothing of the quorum."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from sqlmodel import select

from handlers.consult_kit import PollCb
from models import Building
from models.consultations import AudienceKind
from sandbox.driver import Driver, message_text
from tests.consult.test_e2e_poll_card_turnout import _zhou_votes
from tests.consult.test_e2e_qa_polls import STAFF, make_poll
from tests.e2e.conftest import Harness


async def _end_and_card(d: Driver, poll_id: int) -> dict[str, Any]:
    """李社工 ends the poll now, then opens its card from the list."""
    [greeting] = await d.say(STAFF, "/start")
    await d.click(STAFF, greeting["message_id"], data=PollCb(action="closeok", id=poll_id).pack())
    await d.expect(STAFF, "投票已结束", since=greeting["message_id"])
    [hub] = await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "📊 投票列表", hub["message_id"])
    listed = await d.expect(STAFF, "投票列表", since=hub["message_id"])
    await d.tap(STAFF, "明年优先办哪些事", listed["message_id"])
    return await d.expect(STAFF, "状态：已结束", since=listed["message_id"])


async def test_ended_card_says_the_quorum_was_not_met(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    async with h.sessionmaker() as session:
        b1 = (await session.exec(select(Building).where(Building.name == "1号楼"))).one()
    poll_id = await make_poll(
        h,
        per_household=True,
        quorum=Fraction(2, 3),
        audience_kind=AudienceKind.BUILDINGS,
        audience_ids=(b1.id,),
    )
    await _zhou_votes(h)
    text = message_text(await _end_and_card(h.driver, poll_id))
    # 1号楼 has 64 households on record: two thirds of them is 43
    assert "❌ 法定人数未达到：1/64 户参与（2%），法定要求 2/3（43 户），差 42 户" in text, text
    assert "还差" not in text  # not the open poll's line


async def test_ended_card_says_the_quorum_was_met(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    poll_id = await make_poll(h, quorum=Fraction(1, 100))
    await _zhou_votes(h)
    text = message_text(await _end_and_card(h.driver, poll_id))
    assert "✅ 法定人数已达到：1/" in text and "法定要求 1%（1 人）" in text, text


async def test_ended_card_without_quorum_says_nothing_of_it(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    poll_id = await make_poll(h)
    await _zhou_votes(h)
    text = message_text(await _end_and_card(h.driver, poll_id))
    assert "法定" not in text, text
