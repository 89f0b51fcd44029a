"""A 报到申请 card decided by the staff member who tapped it lost only its buttons and went on
reading as the application alone, as if still waiting; it now says the decision, who made it
and when (and a rejection's reason), without 通过/不通过."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.e2e.test_people import _apply_as_member
from tests.e2e.test_review_card_after import GRID, NEW, STAFF, _buttons, _now


async def test_an_approved_card_says_who_approved_it(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _apply_as_member(h, NEW)
    card = await d.expect(STAFF, "报到申请")
    await d.tap(STAFF, "通过", card["message_id"])
    await d.expect(STAFF, "已通过：", since=card["message_id"])

    now = await _now(h, STAFF, card["message_id"])
    text = message_text(now)
    assert "报到申请" in text and "✅ 已通过 · 李社工 · " in text, text
    assert _buttons(now) == []
    assert await d.errors() == []


async def test_a_rejected_card_says_who_declined_it_and_why(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _apply_as_member(h, NEW)
    card = await d.expect(STAFF, "报到申请")
    await d.tap(STAFF, "不通过", card["message_id"])
    await d.expect(STAFF, "原因", since=card["message_id"])
    [done] = await d.say(STAFF, "单位信息不完整")
    assert "已退回" in message_text(done)

    now = await _now(h, STAFF, card["message_id"])
    text = message_text(now)
    assert "❌ 未通过 · 李社工 · " in text and "原因：单位信息不完整" in text, text
    assert _buttons(now) == []
    assert await d.errors() == []


async def test_colleagues_copies_say_who_approved_without_buttons(
    linli_sandbox: Harness,
) -> None:
    """The copies sent to the other staff of the community, nobody tapping them, kept
    通过/不通过 (they lost them only when tapped, with an alert): they now read the decision,
    who and when, as the card tapped does."""
    h = linli_sandbox
    d = h.driver
    await _apply_as_member(h, NEW)
    card = await d.expect(STAFF, "报到申请")
    copy = await d.expect(GRID, "报到申请")
    await d.tap(STAFF, "通过", card["message_id"])
    await d.expect(STAFF, "已通过：", since=card["message_id"])

    redrawn = await d.expect(GRID, "✅ 已通过 · 李社工 · ", since=copy["message_id"] - 1)
    assert redrawn["message_id"] == copy["message_id"]
    assert "报到申请" in message_text(redrawn)
    assert _buttons(redrawn) == []
    assert await d.errors() == []


async def test_colleagues_copies_say_who_declined_and_why(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _apply_as_member(h, NEW)
    card = await d.expect(STAFF, "报到申请")
    copy = await d.expect(GRID, "报到申请")
    await d.tap(STAFF, "不通过", card["message_id"])
    await d.expect(STAFF, "原因", since=card["message_id"])
    [done] = await d.say(STAFF, "单位信息不完整")
    assert "已退回" in message_text(done)

    redrawn = await d.expect(GRID, "❌ 未通过 · 李社工 · ", since=copy["message_id"] - 1)
    assert redrawn["message_id"] == copy["message_id"]
    assert "原因：单位信息不完整" in message_text(redrawn)
    assert _buttons(redrawn) == []
    # the decider's own card is drawn once, by the handler (no second edit refused)
    assert await d.errors() == []
