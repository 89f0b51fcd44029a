"""/stats with a year no ledger has (a typo such as /stats 9999 or /stats 0001) is explained with
examples, and a forged period button (a day that cannot end, days out of order) is refused as
stale: before, both ended in '抱歉，出了点问题' (an OverflowError past 9999-12-31)."""

from __future__ import annotations

import pytest

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import STAFF


@pytest.mark.parametrize(
    "typed", ["/stats 9999", "/stats 9999-12", "/stats 0001", "/stats 2026-01-01 至 9999-12-31"]
)
async def test_a_typed_year_out_of_range_is_explained(linli_sandbox: Harness, typed: str) -> None:
    [refused] = await linli_sandbox.driver.say(STAFF, typed)
    assert "没看懂要统计哪段时间" in message_text(refused), message_text(refused)
    assert "/stats 2026-11" in message_text(refused)


async def test_a_forged_period_button_is_stale(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    sent = await d.send(STAFF, "/stats")
    ask = await d.expect(STAFF, "请选择统计时段", since=sent["message_id"])
    for data in (
        "oc:stp:99991231:99991231",  # the day after does not exist
        "oc:stp:10101:20261231",  # 0001-01-01: before the first day in UTC
        "oc:stp:20261231:20260101",  # last before first
        "oc:xls:99991231:99991231",
    ):
        answer = (await d.click(STAFF, ask["message_id"], data=data))["answer"]
        assert answer is not None and "这个按钮已经失效了" in answer["text"], (data, answer)
    bot_said = [message_text(m) for m in await d.replies(STAFF, ask["message_id"], timeout=0.5)]
    assert not any("出了点问题" in text or "台账统计" in text for text in bot_said), bot_said
