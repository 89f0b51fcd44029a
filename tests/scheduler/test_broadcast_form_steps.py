"""📢 发通知's community, audience and grids/buildings are steps of a form (before, they lived in
the chat's data with no step): grids or buildings picked and then another form started ask
first; a main-menu button says they were not kept; a picker left behind is out of date; an
older audience button tapped in the middle of another form asks first, and 不填了 leaves that
form (before, the other form went on taking what was typed). Double taps change nothing."""

from __future__ import annotations

import asyncio
from typing import Any

from sqlmodel import select

from models.scheduling import Broadcast
from sandbox.driver import Driver, message_text
from tests.e2e.conftest import Harness, linli_sandbox  # noqa: F401  (the e2e fixture)

STAFF = 2001  # 李社工, 阳光社区
LEFT = "ℹ️ 「发通知」还没有填完，已经离开，填到一半的内容没有保存。"
STALE = "按钮已经失效"


async def _hub(d: Driver) -> dict[str, Any]:
    """李社工's 🏛 议事管理: the message with ➕ 新建投票."""
    replies = await d.say(STAFF, "🏛 议事管理")
    [hub] = [m for m in replies if "新建投票" in str(m.get("reply_markup"))]
    return hub


async def _picker(d: Driver) -> int:
    """📢 发通知 → 选几个网格 → 第二网格 picked: the picker's message id."""
    [audience] = await d.say(STAFF, "📢 发通知")
    await d.tap(STAFF, "选几个网格", audience["message_id"])
    await d.expect(STAFF, "请点选网格", since=audience["message_id"] - 1)
    await d.tap(STAFF, "第二网格", audience["message_id"])
    await _once(d, audience["message_id"], "✅ 第二网格")
    return int(audience["message_id"])


async def _now(d: Driver, message_id: int) -> dict[str, Any]:
    [now] = [m for m in await d.messages(STAFF) if m["message_id"] == message_id]
    return now


async def _once(d: Driver, message_id: int, shows: str) -> dict[str, Any]:
    """The message once its text or buttons show this (a tap is answered before the edit)."""
    for _ in range(20):
        chat = await d.messages(STAFF)
        [now] = [m for m in chat if m["message_id"] == message_id]
        if shows in message_text(now) + str(now.get("reply_markup")):
            return now
        # since the chat's last message: returns on an edit or a new message, not at once
        await d.wait(STAFF, chat[-1]["message_id"], 0.25)
    raise AssertionError(f"message {message_id} never showed {shows!r}: {now}")


async def test_grids_picked_are_a_form_the_guard_sees(linli_sandbox: Harness) -> None:  # noqa: F811
    d = linli_sandbox.driver
    picker = await _picker(d)
    # a main-menu button says what was not kept
    first, *rest = await d.say(STAFF, "🏛 议事管理")
    assert message_text(first) == LEFT
    hub = rest[-1]
    # the picker left behind is out of date: 选好了 does not lead to a notice of nobody's
    answer = await d.tap(STAFF, "选好了", picker)
    assert STALE in str(answer["answer"]["text"])
    answer = await d.tap(STAFF, "第一网格", picker)
    assert STALE in str(answer["answer"]["text"])

    # picked again, then another form's starter asks first; 继续填写 keeps the picks
    picker = await _picker(d)
    await d.tap(STAFF, "➕ 新建投票", hub["message_id"])
    busy = await d.expect(STAFF, "没有填完", since=picker)
    assert "您还有「发通知」没有填完。现在开始新建投票的话" in message_text(busy)
    await d.tap(STAFF, "继续填写", busy["message_id"])
    await d.tap(STAFF, "选好了", picker)
    await _once(d, picker, "请输入通知内容")
    replies = await d.say(STAFF, "周六上午第二网格清洗水箱")
    assert "将发给" in message_text(replies[-1])


async def test_an_older_audience_button_leaves_the_form_in_progress(
    linli_sandbox: Harness,  # noqa: F811
) -> None:
    h = linli_sandbox
    d = h.driver
    hub = await _hub(d)
    [audience] = await d.say(STAFF, "📢 发通知")
    # a poll started and its question typed: the notice's audience question is left behind
    await d.tap(STAFF, "➕ 新建投票", hub["message_id"])
    await d.expect(STAFF, "请输入投票问题", since=audience["message_id"])
    [ask_options] = await d.say(STAFF, "春节活动放在哪一天")
    assert "请输入选项" in message_text(ask_options)
    # its audience button asks first; 不填了 leaves the poll for the notice
    await d.tap(STAFF, "选几个网格", audience["message_id"])
    busy = await d.expect(STAFF, "没有填完", since=ask_options["message_id"])
    assert "您还有「新建投票」没有填完" in message_text(busy)
    await d.tap(STAFF, "不填了", busy["message_id"])
    picker = busy["message_id"]
    await _once(d, picker, "请点选网格")
    await d.tap(STAFF, "第二网格", picker)
    await _once(d, picker, "✅ 第二网格")
    await d.tap(STAFF, "选好了", picker)  # before: asked again about the poll, still there
    await _once(d, picker, "请输入通知内容")
    # what is typed now is the notice, not the poll's options
    replies = await d.say(STAFF, "初一上午\n初二下午")
    assert "将发给" in message_text(replies[-1]), [message_text(m) for m in replies]
    async with h.sessionmaker() as session:
        [draft] = (await session.exec(select(Broadcast))).all()
    assert draft.text == "初一上午\n初二下午" and draft.audience == "grids"


async def test_double_taps_on_the_audience_and_done(linli_sandbox: Harness) -> None:  # noqa: F811
    d = linli_sandbox.driver
    [audience] = await d.say(STAFF, "📢 发通知")
    mid = audience["message_id"]
    data = next(
        b["callback_data"]
        for row in audience["reply_markup"]["inline_keyboard"]
        for b in row
        if b["text"] == "选几个网格"
    )
    taps = await asyncio.gather(*(d.click(STAFF, mid, data=data, timeout=10) for _ in range(2)))
    assert not any((tap.get("answer") or {}).get("show_alert") for tap in taps), taps
    await d.tap(STAFF, "第二网格", mid)
    done = next(
        b["callback_data"]
        for row in (await _once(d, mid, "✅ 第二网格"))["reply_markup"]["inline_keyboard"]
        for b in row
        if "选好了" in b["text"]
    )
    taps = await asyncio.gather(*(d.click(STAFF, mid, data=done, timeout=10) for _ in range(2)))
    assert not any((tap.get("answer") or {}).get("show_alert") for tap in taps), taps
    await _once(d, mid, "请输入通知内容")
    # the fixture fails the test on any Bot API error (an edit that changed nothing)
