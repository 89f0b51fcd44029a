"""Staff type what staff type about work in progress: '刘师傅那单怎么样了' and '催一下赵医生'
open the matters in progress (each card names its claimant and carries 催办), '这单退回去重做'
the results to check (where 退回 is). Before, each was answered with where the staff buttons
are and an offer to register an address for a matter of their own.
(services.smalltalk.staff_follow_up, handlers.staff_words.open_named)"""

from __future__ import annotations

import pytest

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_claim_in_place import _issue
from tests.orders.test_e2e_cycle import STAFF
from tests.support import inline_labels


@pytest.mark.parametrize(
    ("said", "screen"),
    [
        ("刘师傅那单怎么样了", "办理中的事项"),
        ("催一下赵医生", "办理中的事项"),
        ("这单退回去重做", "待验收的结果"),
    ],
)
async def test_follow_up_words_open_the_screen(
    linli_sandbox: Harness, said: str, screen: str
) -> None:
    h = linli_sandbox
    d = h.driver
    await _issue(h, "家里厨房的水管漏水了，地上都是水")
    replies = await d.say(STAFF, said)
    texts = [message_text(r) for r in replies]
    assert any(screen in t or "目前没有待验收的结果" in t for t in texts), texts
    assert not any("现在登记" in label for r in replies for label in inline_labels(r)), texts
