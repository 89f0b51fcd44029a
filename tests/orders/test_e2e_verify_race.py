"""Two staff, one result to check (found walking as 李社工 and 张网格员). 张网格员 accepted it
first: 李社工's 请验收 card kept ✅ 验收通过 / ↩️ 退回, and a 退回 reason he typed afterwards was
answered '已验收、已退回或已取消' — not which, nor who — and the reason was dropped unsaid. Now
the tap and the step say what happened and who did it, and the card keeps its words without the
buttons. And a card sent back keeps what it was about (order, title, the member's report) with
its state, the confirmation not sent twice."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.e2e.test_stale_buttons_done import _inline, _now
from tests.orders.test_e2e_cycle import STAFF
from tests.orders.test_e2e_verify_card_after import _verify_card

GRID_WORKER = 2002  # 张网格员


async def test_a_reason_typed_after_a_colleague_accepted(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    verify, _data = await _verify_card(h)
    theirs = await d.expect(GRID_WORKER, "请验收")
    await d.tap(STAFF, "退回", verify["message_id"])
    await d.expect(STAFF, "还差什么", since=verify["message_id"])
    await d.click(GRID_WORKER, theirs["message_id"], text="✅ 验收通过")
    await d.expect(GRID_WORKER, "已验收", since=theirs["message_id"] - 1)
    [answer] = await d.say(STAFF, "请补一张照片")
    said = message_text(answer)
    assert "张网格员" in said and "验收通过" in said, said
    assert "没有发出" in said and "请补一张照片" in said, said
    # the card is the outbox's to redraw with 张网格员's decision (the step leaves it to that)
    now = await d.expect(STAFF, "张网格员 已于", since=verify["message_id"] - 1)
    assert now["message_id"] == verify["message_id"], message_text(now)
    assert _inline(now) == [], _inline(now)
    assert "张网格员" in message_text(now) and "换了新灯泡" in message_text(now)


async def test_a_tap_after_a_colleague_accepted(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    verify, data = await _verify_card(h)
    theirs = await d.expect(GRID_WORKER, "请验收")
    await d.click(GRID_WORKER, theirs["message_id"], text="✅ 验收通过")
    await d.expect(GRID_WORKER, "已验收", since=theirs["message_id"] - 1)
    # the card is redrawn without its buttons at once (tests/orders/test_e2e_verify_copies.py);
    # one tapped before its redraw reached it says who accepted it
    answer = await d.click(STAFF, verify["message_id"], data=data["✅ 验收通过"])
    said = str(answer["answer"]["text"])
    assert "张网格员" in said and "验收通过" in said, said
    now = await d.expect(STAFF, "张网格员 已于", since=verify["message_id"] - 1)
    assert now["message_id"] == verify["message_id"], message_text(now)
    assert _inline(now) == [] and "张网格员" in message_text(now), message_text(now)
    assert await d.errors() == []


async def test_a_card_sent_back_keeps_what_it_was_about(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    verify, _data = await _verify_card(h)
    await d.tap(STAFF, "退回", verify["message_id"])
    ask = await d.expect(STAFF, "还差什么", since=verify["message_id"])
    await d.say(STAFF, "请补一张照片")
    now = message_text(await _now(d, STAFF, verify["message_id"]))
    assert message_text(verify).split("\n")[0] in now, now  # 工单 G… （title）…请验收
    assert "换了新灯泡" in now and "已退回" in now and "请补一张照片" in now, now
    # one message says it was sent back: the card (before, a second one said the same)
    after = [message_text(m) for m in await d.messages(STAFF, ask["message_id"])]
    assert not any("已退回给接单人" in m for m in after), after
