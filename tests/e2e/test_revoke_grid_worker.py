"""Revoking a grid worker (张网格员, 阳光社区 · 第一网格) says 网格员 and names the grid, in the
admin's question and alert and in what the grid worker is told, in Chinese and in English, from
the bot's staff list and from `linli revoke`. Before, every revoke read '社区工作人员权限'."""

from __future__ import annotations

import asyncio

import pytest

from bot.cli import main
from sandbox.driver import message_text
from tests.e2e.conftest import Harness

ADMIN = 1001  # 王主任
GRID = 2002  # 张网格员, 阳光社区 第一网格
ZHOU = 4001  # 周阿姨, resident


async def _in_english(h: Harness, user: int) -> None:
    d = h.driver
    [ask] = await d.say(user, "/lang")
    await d.tap(user, "English", ask["message_id"])
    await d.expect(user, "Language set to English")


async def _revoke_from_the_list(
    h: Harness, label: str, revoke: str, asked: str, yes: str
) -> tuple[str, str]:
    """The admin's question (the list's message, edited), and the alert after ✅."""
    d = h.driver
    [menu] = await d.say(ADMIN, "/admin")
    await d.tap(ADMIN, label, menu["message_id"])
    listing = await d.expect(ADMIN, "2002", since=menu["message_id"] - 1)
    await d.click(ADMIN, listing["message_id"], text=revoke)
    question = await d.expect(ADMIN, asked, since=menu["message_id"] - 1)
    answer = await d.click(ADMIN, listing["message_id"], text=yes)
    return message_text(question), answer["answer"]["text"]


async def test_a_grid_worker_revoked_in_the_bot_reads_grid_worker(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    question, alert = await _revoke_from_the_list(
        h, "工作人员列表", "撤销 张网格员", "确定撤销", "✅ 确定撤销"
    )
    assert question.startswith("确定撤销 张网格员 在「阳光社区 · 第一网格」的网格员权限吗？"), (
        question
    )
    assert "社区工作人员" not in question
    assert alert == "已撤销 张网格员 在「阳光社区 · 第一网格」的网格员权限。", alert
    told = await d.expect(GRID, "权限已被撤销")
    assert message_text(told).startswith("您在「阳光社区 · 第一网格」的网格员权限已被撤销。"), (
        message_text(told)
    )
    assert "社区工作人员" not in message_text(told)
    assert await d.errors() == []


async def test_a_grid_worker_revoked_in_english(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _in_english(h, ADMIN)
    await _in_english(h, GRID)
    question, alert = await _revoke_from_the_list(
        h, "Staff list", "Revoke 张网格员", "Take away", "✅ Yes, revoke"
    )
    assert question.startswith(
        "Take away 张网格员's grid worker access in Sunshine Community · Grid 1?"
    ), question
    assert "community staff" not in question
    assert alert == "张网格员 is no longer a grid worker in Sunshine Community · Grid 1.", alert
    told = await d.expect(GRID, "withdrawn")
    assert message_text(told).startswith(
        "Your grid worker access in Sunshine Community · Grid 1 has been withdrawn."
    ), message_text(told)
    assert await d.errors() == []


async def test_a_grid_worker_revoked_by_the_cli_reads_grid_worker(
    linli_sandbox: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    h = linli_sandbox
    d = h.driver
    url = h.sandbox.app.engine.url.render_as_string(hide_password=False)
    monkeypatch.setenv("LINLI_DATABASE_URL", url)  # the CLI on the running bot's database
    monkeypatch.setattr("models.base.utcnow", h.clock)
    [hello] = await d.say(GRID, "/start")
    assert await asyncio.to_thread(main, ["revoke", "staff", str(GRID)]) == 0
    told = await d.expect(GRID, "已被撤销", since=hello["message_id"])
    assert message_text(told).startswith("您在「阳光社区 · 第一网格」的网格员权限已被撤销。"), (
        message_text(told)
    )
    assert await d.errors() == []


async def test_a_grant_typed_loosely_tells_the_name_as_stored(
    linli_sandbox: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`linli grant … --community 'sunshine  community' --grid ' 第二网格'`: 周阿姨 (reads
    Chinese) is told 「阳光社区 · 第二网格」, the names as stored, not the words typed."""
    h = linli_sandbox
    d = h.driver
    url = h.sandbox.app.engine.url.render_as_string(hide_password=False)
    monkeypatch.setenv("LINLI_DATABASE_URL", url)
    monkeypatch.setattr("models.base.utcnow", h.clock)
    [hello] = await d.say(ZHOU, "/start")
    argv = [
        "grant",
        "staff",
        str(ZHOU),
        "--community",
        "sunshine  community",
        "--grid",
        " 第二网格",
    ]
    assert await asyncio.to_thread(main, argv) == 0
    told = await d.expect(ZHOU, "网格员", since=hello["message_id"])
    assert message_text(told).startswith("✅ 您已成为「阳光社区 · 第二网格」的网格员。"), (
        message_text(told)
    )
    assert await d.errors() == []
