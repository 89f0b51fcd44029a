"""An ended poll's staff card reads as final ('共 1 票（已结束）· 最多：修路灯', '共 1 票（已取消，
不计结果）'), not '已投 1 票' as while it takes ballots; and the confirmations of ⏹ 立即结束 and
❌ 取消投票 say the notices were queued for N people ('已排队发给'), not that N people were told:
the outbox sends them at its pace, and quiet hours may hold some."""

from __future__ import annotations

import pytest
from sqlmodel import col, select

from models.scheduling import Delivery
from sandbox.driver import Driver, message_text
from tests.consult.test_e2e_poll_card_after_end import _card
from tests.consult.test_e2e_poll_card_turnout import _zhou_votes
from tests.consult.test_e2e_qa_polls import STAFF, current, make_poll
from tests.e2e.conftest import Harness


async def _queued(h: Harness, key: str) -> int:
    """How many notices under this de-duplication key the outbox holds for people."""
    async with h.sessionmaker() as session:
        rows = (
            await session.exec(
                select(Delivery).where(
                    col(Delivery.dedupe_key).startswith(f"{key}:"), col(Delivery.chat_id) > 0
                )
            )
        ).all()
    return len(rows)


async def _end_from_card(d: Driver, button: str, confirm: str) -> tuple[int, str]:
    """李社工 ends the poll from its card; returns the card's id and the confirmation."""
    card = await _card(d)
    assert "已投 1 票" in message_text(card), message_text(card)
    await d.tap(STAFF, button, card["message_id"])
    ask = await d.expect(STAFF, "确定", since=card["message_id"])
    await d.tap(STAFF, confirm, ask["message_id"])
    done = await d.expect(STAFF, "✅ 投票已", since=ask["message_id"])
    return card["message_id"], message_text(done)


@pytest.mark.parametrize(
    ("button", "confirm", "notices", "done", "final"),
    [
        (
            "⏹ 立即结束",
            "⏹ 确认立即结束",
            "result",
            "结果已排队发给",
            "共 1 票（已结束）· 最多：修路灯",
        ),
        (
            "❌ 取消投票",
            "❌ 确认取消投票",
            "cancelled",
            "取消通知已排队发给",
            "共 1 票（已取消，不计结果）",
        ),
    ],
)
async def test_ended_card_reads_final_and_confirmation_counts_queued(
    linli_sandbox: Harness, button: str, confirm: str, notices: str, done: str, final: str
) -> None:
    h = linli_sandbox
    d = h.driver
    poll_id = await make_poll(h)
    await _zhou_votes(h)
    card_id, said = await _end_from_card(d, button, confirm)
    queued = await _queued(h, f"poll:{poll_id}:{notices}")
    assert queued > 1
    assert f"{done} {queued} 人。" in said, said
    text = message_text(await current(d, STAFF, card_id))
    assert final in text, text
    assert "已投" not in text, text
