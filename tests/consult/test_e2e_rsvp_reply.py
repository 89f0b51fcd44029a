"""Signing up says when and where: '已报名：十二月居民议事会。' with '🕒 11月28日（周六）10:00'
and '📍 社区会议室' (before: only the title, so a resident who tapped 去 on a card scrolled
away had to look for the time and place again)."""

from __future__ import annotations

import time
from typing import Any

from sandbox.driver import Driver, message_text
from scheduler.service import SchedulerService
from tests.consult.test_e2e_qa_polls import current
from tests.consult.test_e2e_rsvp_card import ZHOU, _published
from tests.e2e.conftest import Harness


async def test_going_reply_says_when_and_where(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _published(h)
    invite = await d.expect(ZHOU, "议事会通知")
    await d.tap(ZHOU, "去", invite["message_id"])
    done = await d.expect(ZHOU, "已报名", since=invite["message_id"])
    text = message_text(done)
    assert "🕒 11月28日（周六）10:00" in text and "📍 社区会议室" in text
    assert "开会前提醒您" in text


async def settled(d: Driver, chat: int, message_id: int) -> dict[str, Any]:
    """The message once it is deleted or edited (or as it is after 5 s): the bot takes an
    earlier answer away just after sending the new one."""
    deadline = time.monotonic() + 5.0
    while True:
        shown = await current(d, chat, message_id)
        remaining = deadline - time.monotonic()
        if shown["deleted"] or shown["edited"] or remaining <= 0:
            return shown
        latest = max(m["message_id"] for m in await d.messages(chat))
        await d.wait(chat, since=latest, timeout=min(remaining, 1.0))


def _answers(messages: list[dict[str, Any]]) -> list[str]:
    """The answers to a sign-up the chat shows (not deleted)."""
    marks = ("已报名", "已记录「", "候补名单", "这是您之前的回答")
    return [
        message_text(m)
        for m in messages
        if not m["deleted"] and any(mark in message_text(m) for mark in marks)
    ]


async def test_a_changed_answer_reads_once(linli_sandbox: Harness) -> None:
    """周阿姨 answers 去, then 不去, then 去 again on the announcement: each time the chat shows
    one answer, the latest, at the bottom; the earlier one is taken away. Before, the earlier
    one was edited to read like the new one sent under it (two messages saying the same).
    One Telegram will not let the bot delete any more (over 48 hours old) says it was
    replaced, and stays so when the meeting is redrawn."""
    h = linli_sandbox
    d = h.driver
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    await _published(h)
    await service.drain()
    invite = (await d.expect(ZHOU, "议事会通知"))["message_id"]
    await d.tap(ZHOU, "去", invite)
    going = (await d.expect(ZHOU, "已报名", since=invite))["message_id"]
    await d.tap(ZHOU, "不去", invite)
    no = (await d.expect(ZHOU, "已记录「不去」", since=going))["message_id"]
    assert (await settled(d, ZHOU, going))["deleted"]
    await service.drain()
    assert _answers(await d.messages(ZHOU)) == [message_text(await current(d, ZHOU, no))]
    assert not (await current(d, ZHOU, no))["edited"]
    # 去 again: again one answer, the new one
    await d.tap(ZHOU, "去", invite)
    again = await d.expect(ZHOU, "已报名", since=no)
    assert (await settled(d, ZHOU, no))["deleted"]
    await service.drain()
    assert _answers(await d.messages(ZHOU)) == [message_text(again)]
    # an answer too old to delete: it says it was replaced by the one below
    await d.fault("deleteMessage", 400, "Bad Request: message can't be deleted for everyone")
    await d.tap(ZHOU, "不确定", invite)
    maybe = await d.expect(ZHOU, "已记录「不确定」", since=again["message_id"])
    old = await settled(d, ZHOU, again["message_id"])
    assert not old["deleted"] and "以下面最新的一条为准" in message_text(old)
    await service.drain()
    assert _answers(await d.messages(ZHOU)) == [message_text(old), message_text(maybe)]
    assert "以下面最新的一条为准" in message_text(await current(d, ZHOU, again["message_id"]))
