"""A draft poll's staff cards follow its changes: when one staff member changes the draft's
question or closing time (✏️ 修改 on a card, or on the draft's preview), a colleague's card and
the editor's own other copy further up the chat are redrawn too (through the outbox), reading
the draft as it now is. Before, only the card the change was made from was redrawn; the others
went on reading the old question or closing time, with 📣 发布 under it."""

from __future__ import annotations

from typing import Any

from sandbox.driver import Driver, message_text
from tests.consult.test_e2e_poll_cancel import _draft as _filled_in
from tests.consult.test_e2e_poll_cards_follow import ADMIN, _card, _scheduler
from tests.consult.test_e2e_poll_reach import _draft
from tests.consult.test_e2e_qa_polls import STAFF, current, labels_of
from tests.e2e.conftest import Harness
from tests.support import reply_to

DRAFT_TOOLS = ["📣 发布", "✏️ 修改", "❌ 取消投票", "📥 导出 Excel"]


async def _change(d: Driver, on: dict[str, Any], field: str, now: str, typed: str) -> None:
    """✏️ 修改 on `on` (a card or the preview) → `field`, asked with what it is `now`."""
    last = (await d.messages(STAFF))[-1]["message_id"]
    await d.tap(STAFF, "✏️ 修改", on["message_id"])
    what = await d.expect(STAFF, "要修改什么", since=last)
    await d.tap(STAFF, field, what["message_id"])
    await d.expect(STAFF, f"现在是：\n{now}", since=what["message_id"])
    await reply_to(d, STAFF, typed, "已修改")


async def test_changing_the_question_redraws_the_other_cards(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _draft(h)  # 明年优先办哪些事？ closes 11-24 20:00
    older = await _card(d, STAFF, status="草稿")  # a copy left further up the chat
    theirs = await _card(d, ADMIN, status="草稿")
    tapped = await _card(d, STAFF, status="草稿")

    await _change(d, tapped, "问题", "明年优先办哪些事？", "明年优先办哪些事（2027 年）？")
    await _scheduler(h).drain()

    drawn = message_text(await current(d, STAFF, tapped["message_id"]))
    assert drawn.startswith("明年优先办哪些事（2027 年）？"), drawn
    assert "状态：草稿" in drawn, drawn
    for chat, card in ((STAFF, older), (ADMIN, theirs)):
        shown = await current(d, chat, card["message_id"])
        assert message_text(shown) == drawn, shown  # the draft as it now is
        assert labels_of(shown) == DRAFT_TOOLS, shown

    # and again: each change is followed, the last one read everywhere
    await _change(d, older, "截止时间", "2026-11-24 20:00", "2026-11-25 20:00")
    await _scheduler(h).drain()
    drawn = message_text(await current(d, STAFF, older["message_id"]))
    assert "截止 11月25日（周三）20:00" in drawn, drawn
    assert drawn.startswith("明年优先办哪些事（2027 年）？"), drawn
    for chat, card in ((STAFF, tapped), (ADMIN, theirs)):
        assert message_text(await current(d, chat, card["message_id"])) == drawn
    assert await d.errors() == []


async def test_changing_the_preview_redraws_the_cards(linli_sandbox: Harness) -> None:
    """A change made from the draft's preview (not a card) redraws every card of it."""
    h = linli_sandbox
    d = h.driver
    preview = await _filled_in(d, "明年优先办哪些事？")  # 同意 / 不同意, closes 11-24 20:00
    theirs = await _card(d, ADMIN, status="草稿")
    mine = await _card(d, STAFF, status="草稿")
    await _change(d, preview, "截止时间", "2026-11-24 20:00", "2026-11-26 20:00")
    assert "截止：11月26日（周四）20:00" in message_text(
        await current(d, STAFF, preview["message_id"])
    )
    await _scheduler(h).drain()

    for chat, card in ((STAFF, mine), (ADMIN, theirs)):
        shown = await current(d, chat, card["message_id"])
        text = message_text(shown)
        assert "状态：草稿 · 截止 11月26日（周四）20:00" in text, text
        assert labels_of(shown) == DRAFT_TOOLS, shown
    assert await d.errors() == []


async def test_changing_the_options_leaves_the_cards_as_they_read(
    linli_sandbox: Harness,
) -> None:
    """The card does not list the options: a change of them leaves every card as it reads
    (no edit Telegram would refuse as 'not modified'), the one it was made from included."""
    h = linli_sandbox
    d = h.driver
    await _draft(h)
    theirs = await _card(d, ADMIN, status="草稿")
    tapped = await _card(d, STAFF, status="草稿")
    before = message_text(tapped)
    await _change(d, tapped, "选项", "修路灯\n加装电梯\n建充电桩", "修路灯\n加装电梯")
    await _scheduler(h).drain()
    for chat, card in ((STAFF, tapped), (ADMIN, theirs)):
        assert message_text(await current(d, chat, card["message_id"])) == before
    assert await d.errors() == []
