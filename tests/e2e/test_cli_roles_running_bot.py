"""`linli grant` / `linli revoke` while the bot runs: the person is told by the bot, with the
menu their roles now give, and their command list catches up at their next message (before,
nothing reached them until the bot restarted, and the command list lagged until then too)."""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp
import pytest

from bot.cli import main
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.support import reply_to

ZHOU = 4001  # 周阿姨, resident
STAFF = 2001  # 李社工


async def _commands(h: Harness, chat: int) -> list[str]:
    async with (
        aiohttp.ClientSession() as http,
        http.get(f"{h.sandbox.base_url}/sandbox/api/commands?chat={chat}") as resp,
    ):
        body: dict[str, Any] = await resp.json()
    return [c["command"] for c in body["commands"]]


async def _cli(*argv: str) -> int:
    return await asyncio.to_thread(main, list(argv))


async def test_a_grant_and_a_revoke_by_the_cli_reach_the_person(
    linli_sandbox: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    h = linli_sandbox
    d = h.driver
    url = h.sandbox.app.engine.url.render_as_string(hide_password=False)
    monkeypatch.setenv("LINLI_DATABASE_URL", url)  # the CLI on the running bot's database
    # the CLI's "now" is the sandbox's clock (a Monday morning), not the machine's
    monkeypatch.setattr("models.base.utcnow", h.clock)
    await reply_to(d, ZHOU, "/start", "周阿姨")
    assert await _cli("grant", "staff", str(ZHOU), "--community", "阳光社区") == 0
    told = await d.expect(ZHOU, "您已成为「阳光社区」的社区工作人员")
    keyboard = [b["text"] for row in told["reply_markup"]["keyboard"] for b in row]
    assert "📋 待办诉求" in keyboard
    # her next message brings her the staff commands
    await reply_to(d, ZHOU, "/help", "使用帮助")
    assert "stats" in await _commands(h, ZHOU)
    assert await _cli("revoke", "staff", str(ZHOU)) == 0
    revoked = await d.expect(ZHOU, "权限已被撤销", since=told["message_id"])
    keyboard = [b["text"] for row in revoked["reply_markup"]["keyboard"] for b in row]
    assert "📋 待办诉求" not in keyboard
    await reply_to(d, ZHOU, "/help", "使用帮助")
    assert "stats" not in await _commands(h, ZHOU)
    assert message_text(revoked)


ALEX = 5002  # reads English


async def test_a_grid_granted_by_its_english_name_is_told_in_english(
    linli_sandbox: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--grid 'grid 2'` names 第二网格 by its English name (it was 'no grid called …'), and the
    person, who reads English, is told the community and grid's English names, not as typed."""
    h = linli_sandbox
    d = h.driver
    url = h.sandbox.app.engine.url.render_as_string(hide_password=False)
    monkeypatch.setenv("LINLI_DATABASE_URL", url)
    monkeypatch.setattr("models.base.utcnow", h.clock)
    await reply_to(d, ALEX, "/start", "Alex")
    argv = ("grant", "staff", str(ALEX), "--community", "阳光社区", "--grid", "grid 2")
    assert await _cli(*argv) == 0
    told = await d.expect(ALEX, "You are now a grid worker of Sunshine Community · Grid 2")
    assert "阳光" not in message_text(told) and "网格" not in message_text(told)
    assert await d.errors() == []
