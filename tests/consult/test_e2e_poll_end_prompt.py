"""⏹ 确认立即结束 confirmed: the question "确定现在就结束投票…吗？" went on asking (only its
buttons went); it now reads that the poll has ended, without buttons."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.consult.test_e2e_poll_card_after_end import _card
from tests.consult.test_e2e_qa_polls import STAFF, current, labels_of, make_poll
from tests.e2e.conftest import Harness


async def test_the_end_question_reads_as_done(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await make_poll(h)
    card = await _card(d)
    await d.tap(STAFF, "⏹ 立即结束", card["message_id"])
    ask = await d.expect(STAFF, "确定现在就结束", since=card["message_id"])
    await d.tap(STAFF, "⏹ 确认立即结束", ask["message_id"])
    await d.expect(STAFF, "投票已结束", since=ask["message_id"])

    done = await current(d, STAFF, ask["message_id"])
    assert "已结束" in message_text(done), message_text(done)
    assert "确定现在就结束" not in message_text(done) and labels_of(done) == []
    assert await d.errors() == []
