"""Staff who end their poll by hand read its result once: in their chat at once, with its
chart. Found walking a 每户一票 poll as 李社工: ⏹ 立即结束 answered with the result (no chart),
and the copy for the poll's author (with the chart) came under it too, the same result twice."""

from __future__ import annotations

from handlers.consult_kit import PollCb
from sandbox.driver import message_text
from scheduler.service import SchedulerService
from tests.consult.test_e2e_qa_polls import STAFF, ZHOU, make_poll
from tests.e2e.conftest import Harness


async def test_closer_reads_the_result_once_with_its_chart(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    poll_id = await make_poll(h)  # 李社工's poll, by day
    [greeting] = await d.say(STAFF, "/start")
    await d.click(STAFF, greeting["message_id"], data=PollCb(action="closeok", id=poll_id).pack())
    await d.expect(STAFF, "投票结果：明年优先办哪些事", since=greeting["message_id"])
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    await service.drain()
    await d.expect(ZHOU, "投票结果：明年优先办哪些事")  # the audience's copy went
    after = await d.messages(STAFF, since=greeting["message_id"])
    results = [m for m in after if "投票结果" in message_text(m)]
    assert len(results) == 1, [message_text(m) for m in results]
    assert sum(1 for m in after if m.get("photo")) == 1  # the chart
