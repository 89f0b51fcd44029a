"""A long request (up to one Telegram message) is previewed, filed and kept whole."""

from __future__ import annotations

from sqlmodel import select

from models.orders import Request
from sandbox.driver import message_text
from tests.e2e.conftest import Harness

RESIDENT = 4004


async def test_a_3000_character_request_is_filed_whole(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    long_text = "家里水管漏水了，" * 375  # 3,000 characters
    await d.say(RESIDENT, "📝 我要点单")
    await d.say(RESIDENT, long_text)
    preview = await d.say(RESIDENT, "✅ 说完了")
    assert not any("出了点问题" in message_text(m) for m in preview)
    card = await d.expect(RESIDENT, "您要反映的事情")
    await d.tap(RESIDENT, "确认提交", card["message_id"])
    await d.expect(RESIDENT, "已提交", since=card["message_id"] - 1)
    async with linli_sandbox.sessionmaker() as session:
        request = (await session.exec(select(Request))).one()
        assert request.text == long_text


async def test_words_more_than_a_request_holds_are_said_not_kept(linli_sandbox: Harness) -> None:
    """A message at the menu longer than a request holds (4,000 characters) is answered with
    what was not kept and why, where it was 'not understood'."""
    d = linli_sandbox.driver
    [answer] = await d.say(4001, "家里水管漏水了，" * 510)  # 4,080 characters
    text = message_text(answer)
    assert "4,080 字" in text and "4,000 字" in text and "没有记下" in text, text
    assert await d.errors() == []
