"""⬅️ 上一步 at the first question of 🏠 登记住址 (the communities, once consent is given) and of
🙋 党员/志愿者报到 (the name) is answered as at 📢 发通知's first step: the button has no use
there, what was entered is kept, ✖️ 取消 leaves; the question is not sent again. Before, each
⬅️ 上一步 (or '上一步', 'back' typed) asked the same question again, as if it had gone back."""

from __future__ import annotations

from typing import Any

from sandbox.driver import Driver, message_text
from tests.e2e.conftest import Harness
from tests.support import keyboard_labels, reply_to

NEW = 5001  # 小林, unregistered
NOT_HERE = "这一步用不上"


async def _asked_since(d: Driver, since: dict[str, Any], question: str) -> list[dict[str, Any]]:
    """The bot's messages after `since` that ask `question`."""
    return [
        m
        for m in await d.messages(NEW, since["message_id"])
        if m["from"]["is_bot"] and question in message_text(m)
    ]


async def _not_here(d: Driver, typed: str) -> dict[str, Any]:
    answer = await reply_to(d, NEW, typed, NOT_HERE)
    assert "「⬅️ 上一步」" in message_text(answer), message_text(answer)  # also for 'back'
    assert "已填写的内容都还在" in message_text(answer)
    assert keyboard_labels(answer) == ["✖️ 取消"]
    return answer


async def test_registration_first_question(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    start = await reply_to(d, NEW, "🏠 登记住址", "个人信息使用说明")
    await d.tap(NEW, "同意并继续", start["message_id"])
    await d.expect(NEW, "请选择您所在的社区", since=start["message_id"] - 1)
    first = None
    for typed in ("⬅️ 上一步", "上一步", "back"):
        answer = await _not_here(d, typed)
        first = first or answer
    assert first is not None
    assert await _asked_since(d, first, "请选择您所在的社区") == []
    # the communities above still work; from the grids, back goes to them as before
    await d.tap(NEW, "阳光社区", start["message_id"])
    grids = await d.expect(NEW, "请选择您所在的网格", since=start["message_id"])
    communities = await reply_to(d, NEW, "⬅️ 上一步", "请选择您所在的社区")
    await _not_here(d, "⬅️ 上一步")
    await d.tap(NEW, "阳光社区", communities["message_id"])
    await d.expect(NEW, "请选择您所在的网格", since=grids["message_id"])


async def test_member_sign_up_first_question(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    [consent] = await d.say(NEW, "🙋 党员/志愿者报到")
    await d.tap(NEW, "同意并继续", consent["message_id"])
    await d.expect(NEW, "真实姓名", since=consent["message_id"])
    await reply_to(d, NEW, "林小明", "工作单位")
    # back at the work unit: the name again, with the one typed
    name = await reply_to(d, NEW, "⬅️ 上一步", "真实姓名")
    assert "林小明" in message_text(name)
    # back at the name: nothing before it, and the name is not asked again
    for typed in ("⬅️ 上一步", "上一步", "back"):
        await _not_here(d, typed)
    assert await _asked_since(d, name, "真实姓名") == []
    # the form goes on from the name
    unit = await reply_to(d, NEW, "林小明", "工作单位")
    assert keyboard_labels(unit) == ["⬅️ 上一步", "✖️ 取消"]
