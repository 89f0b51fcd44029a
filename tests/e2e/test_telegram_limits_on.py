"""The bot under Telegram's own limits, as a person meets it on the sandbox page.

Every other flow test runs the emulator with its limits off. Here they are on (a private chat
takes a burst of 3 messages, then about one a second, on the real clock), and a resident files a
request as fast as the driver can tap: the bot's replies run into 429s, wait them out, and the
resident gets every answer in order and never an error message.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlmodel import select

from bot.sandbox_runner import Sandbox, start_sandbox
from models.orders import Request
from sandbox.driver import Driver, message_text
from tests.e2e.conftest import TEST_SETTINGS

ZHOU = 4001  # 周阿姨
ERROR_TEXT = "出了点问题"


@pytest.fixture
async def limited(tmp_path: Path) -> AsyncIterator[tuple[Sandbox, Driver]]:
    sandbox = await start_sandbox(
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'limits.sqlite3'}",
        limits=True,
        **TEST_SETTINGS,
    )
    driver = Driver(sandbox.base_url)
    try:
        await driver.wait_bot_ready()
        yield sandbox, driver
    finally:
        await driver.close()
        await sandbox.stop()


async def test_a_fast_filing_gets_every_answer_under_the_limits(
    limited: tuple[Sandbox, Driver],
) -> None:
    sandbox, d = limited
    for _ in range(2):  # the second filing starts with the chat's burst already used up
        await d.say(ZHOU, "📝 我要点单", timeout=15)
        await d.say(ZHOU, "楼道灯坏了，晚上很黑", timeout=15)
        [*_, preview] = await d.say(ZHOU, "✅ 说完了", timeout=15)
        assert "分类" in message_text(preview)
        await d.tap(ZHOU, "确认提交", preview["message_id"], timeout=15)
        await d.expect(ZHOU, "可以在「📂 我的诉求」", since=preview["message_id"], timeout=15)
    texts = [message_text(m) for m in await d.messages(ZHOU)]
    assert not [t for t in texts if ERROR_TEXT in t]
    async with sandbox.app.sessionmaker() as session:
        assert len((await session.exec(select(Request))).all()) == 2
    # the emulator did answer 429s (the limits were met), and nothing else went wrong
    refused = await d.calls(errors_only=True)
    assert refused, "the limits were never reached: the test no longer tests them"
    assert {c["error_code"] for c in refused} == {429}
