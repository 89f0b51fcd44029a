"""❌ 确认取消投票 confirmed: the question "确定取消投票…吗？" went on asking (only its buttons
went); it now reads that the poll has been cancelled, without buttons, as ⏹ 确认立即结束 does."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.consult.test_e2e_poll_card_after_end import _card
from tests.consult.test_e2e_qa_polls import STAFF, current, labels_of, make_poll
from tests.e2e.conftest import Harness


async def test_the_cancel_question_reads_as_done(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await make_poll(h)
    card = await _card(d)
    await d.tap(STAFF, "❌ 取消投票", card["message_id"])
    ask = await d.expect(STAFF, "确定取消投票", since=card["message_id"])
    await d.tap(STAFF, "❌ 确认取消投票", ask["message_id"])
    await d.expect(STAFF, "投票已取消，取消通知已排队发给", since=ask["message_id"])

    done = await current(d, STAFF, ask["message_id"])
    assert message_text(done) == "❌ 投票「明年优先办哪些事？」已取消。", message_text(done)
    assert labels_of(done) == []
    assert await d.errors() == []
