"""A reply Telegram refuses with 429 for a moment is sent again, not turned into an error.

A private chat takes a few messages at once and then about one a second. Confirming a request
edits the preview and sends the menu back at once; right after a burst of replies Telegram can
answer the second of those with "Too Many Requests: retry after 1". The request is already
filed then: the resident must get the menu (after that second), not "something went wrong".
"""

from __future__ import annotations

from sqlmodel import select

from models.orders import Request
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import ZHOU

ERROR_TEXT = "出了点问题"


async def test_a_short_429_on_the_reply_after_confirming_is_waited_out(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    await d.say(ZHOU, "📝 我要点单")
    await d.say(ZHOU, "3号楼电梯按钮不灵，按了没反应")
    [*_, preview] = await d.say(ZHOU, "✅ 说完了")
    # the preview becomes the confirmation (an edit); the menu that follows meets a 429 once
    await d.fault("sendMessage", 429, "Too Many Requests: retry after 1")
    answer = await d.tap(ZHOU, "确认提交")
    assert ERROR_TEXT not in str((answer.get("answer") or {}).get("text") or "")
    menu = await d.expect(ZHOU, "我的诉求", since=preview["message_id"])
    assert ERROR_TEXT not in message_text(menu)
    confirmed = (await d.messages(ZHOU, since=preview["message_id"] - 1))[0]
    assert "已提交，编号" in message_text(confirmed)
    refused = [c for c in await d.calls("sendMessage") if not c.get("ok", True)]
    assert len(refused) == 1  # the injected one, then the same menu went through
    assert not [m for m in await d.messages(ZHOU) if ERROR_TEXT in message_text(m)]
    async with h.sessionmaker() as s:
        assert len((await s.exec(select(Request))).all()) == 1
    assert await d.errors() == []


async def test_a_long_flood_wait_is_not_waited_for_in_the_chat(linli_sandbox: Harness) -> None:
    """A 429 asking for minutes (a flood ban) is not waited out while the resident looks at the
    chat: the update ends, and as the tap was answered already the error handler's apology
    comes as a message (the request itself is filed). The second answer Telegram would refuse
    is not tried: before, it was, and the refused call was a Bot API error."""
    h = linli_sandbox
    d = h.driver
    await d.say(ZHOU, "📝 我要点单")
    await d.say(ZHOU, "5号楼门口积水很深")
    [*_, preview] = await d.say(ZHOU, "✅ 说完了")
    await d.fault("sendMessage", 429, "Too Many Requests: retry after 300")
    await d.tap(ZHOU, "确认提交")
    await d.expect(ZHOU, ERROR_TEXT, since=preview["message_id"])
    menus = [
        m
        for m in await d.messages(ZHOU, since=preview["message_id"])
        if "可以在「📂 我的诉求」" in message_text(m)
    ]
    assert menus == []  # not sent again behind the apology
    async with h.sessionmaker() as s:
        assert len((await s.exec(select(Request))).all()) == 1
