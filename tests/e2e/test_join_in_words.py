"""'我想当志愿者' from someone with no address registered begins the sign-up, as its button does
(the sign-up asks which community they will serve; volunteers often serve where they do not
live). Before, they were told how to find the button."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness

NEW = 5001  # 小林, unregistered


async def test_signing_up_said_without_an_address(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    replies = await d.say(NEW, "我想当志愿者")
    assert any(message_text(m).startswith("个人信息使用说明") for m in replies), [
        message_text(m) for m in replies
    ]
    assert await d.errors() == []
