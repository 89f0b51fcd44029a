"""A staff 验收 card after the result was sent back (found walking the flows as 李社工): it
reads '已退回给接单人' without its buttons once the reason is typed. An older copy's buttons
tapped later say the order is no longer waiting to be checked: before, 验收通过 answered
'请刷新后再看' and left the buttons, and 退回 asked what is missing again, then failed at every
answer ('这件事刚刚已经有人处理过了') until 取消. A reason typed after the order was accepted
meanwhile ends the step."""

from __future__ import annotations

from typing import Any

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.e2e.test_asked_first_card import _claimed_card
from tests.e2e.test_stale_buttons_done import _inline, _now, _report
from tests.orders.test_e2e_cycle import STAFF

STALE = "已经不在待验收了"


async def _verify_card(h: Harness) -> tuple[dict[str, Any], dict[str, str]]:
    """A reported order's 验收 card for 李社工, and its buttons' data by label."""
    card = await _claimed_card(h)
    await _report(h.driver, card, "换了新灯泡")
    verify = await h.driver.expect(STAFF, "请验收")
    rows = verify["reply_markup"]["inline_keyboard"]
    return verify, {b["text"]: b["callback_data"] for row in rows for b in row}


async def test_a_verify_card_once_sent_back(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    verify, data = await _verify_card(h)
    await d.tap(STAFF, "退回", verify["message_id"])
    await d.expect(STAFF, "还差什么", since=verify["message_id"])
    await d.say(STAFF, "请补一张照片")
    now = await _now(d, STAFF, verify["message_id"])
    assert "已退回给接单人" in message_text(now) and _inline(now) == []
    # an older copy's buttons (the same data) are out of date, and say so
    mark = (await d.messages(STAFF))[-1]["message_id"]
    answer = await d.click(STAFF, verify["message_id"], data=data["↩️ 退回"])
    assert STALE in str(answer["answer"]["text"])
    answer = await d.click(STAFF, verify["message_id"], data=data["✅ 验收通过"])
    assert STALE in str(answer["answer"]["text"])
    assert await d.messages(STAFF, mark) == []  # no question asked


async def test_a_reason_typed_after_it_was_accepted(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    verify, data = await _verify_card(h)
    await d.tap(STAFF, "退回", verify["message_id"])
    ask = await d.expect(STAFF, "还差什么", since=verify["message_id"])
    # meanwhile accepted (on a copy of the card)
    await d.click(STAFF, verify["message_id"], data=data["✅ 验收通过"])
    await d.expect(STAFF, "已验收", since=verify["message_id"] - 1)
    [answer] = await d.say(STAFF, "请补一张照片")
    assert STALE in message_text(answer)
    # the step ended: what is typed next is not taken as a reason again
    replies = await d.say(STAFF, "再补一张")
    assert not any(STALE in message_text(m) for m in replies), ask
