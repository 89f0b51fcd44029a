"""Redis unreachable (LINLI_REDIS_URL pointing at nothing): the bot cannot read the
conversation's state, but the user is still answered, in the deployment's language, within
seconds; the bot keeps running and answers again when asked again."""

from __future__ import annotations

import pytest

from sandbox.driver import message_text
from tests.e2e.conftest import Harness

NEW_USER = 5001  # 小林, zh-Hans


@pytest.mark.sandbox_settings(redis_url="redis://127.0.0.1:1/0")
async def test_with_redis_away_the_user_gets_an_apology_in_chinese(
    linli_sandbox: Harness,
) -> None:
    d = linli_sandbox.driver
    for _ in range(2):
        seen = (await d.messages(NEW_USER) or [{"message_id": 0}])[-1]["message_id"]
        await d.send(NEW_USER, "/start")
        reply = await d.expect(NEW_USER, "", since=int(seen), timeout=20)
        assert "抱歉" in message_text(reply), message_text(reply)
