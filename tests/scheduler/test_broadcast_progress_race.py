"""A finished broadcast met by a second beat after the first had already edited the author's
progress line to N/N (the first failed before its report was committed, or another process
got there at the same moment): the line is not edited to the text it already has. Before, it
was, and Telegram refused the edit ("message is not modified") — the Bot API error that
failed a landing."""

from __future__ import annotations

import contextlib
from typing import Any

import pytest
from sqlmodel import select

from models.scheduling import Broadcast, BroadcastState
from sandbox.driver import message_text
from tests.e2e.conftest import Harness, linli_sandbox  # noqa: F401  (the e2e fixture)
from tests.scheduler.test_broadcast_flow import GRANNY, STAFF, _scheduler


async def test_a_second_beat_at_the_finish_does_not_edit_the_line_again(
    linli_sandbox: Harness,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    h = linli_sandbox
    d = h.driver
    await d.say(STAFF, "📢 发通知")
    await d.tap(STAFF, "整个社区的居民")
    await d.expect(STAFF, "请输入通知内容")
    typed = await d.send(STAFF, "明天上午9点停水，请提前储水。")
    await d.expect(STAFF, "将发给", since=typed["message_id"], timeout=15)
    service = _scheduler(h)
    real_report = service._final_report
    calls = 0

    async def report_fails_once(*args: Any, **kwargs: Any) -> None:
        nonlocal calls
        calls += 1
        if calls == 1:  # the first beat dies between its edit and its report's commit
            raise ConnectionError("database went away")
        await real_report(*args, **kwargs)

    monkeypatch.setattr(service, "_final_report", report_fails_once)
    await d.tap(STAFF, "✅ 发送")
    progress = await d.expect(STAFF, "已发送 0/", timeout=15)
    # the notice is on its way once someone has it (the confirm is committed by then)
    await d.expect(GRANNY, "明天上午9点停水", timeout=15)
    await service.drain()
    # the sandbox's own beat may be the one that fails (it logs and goes on): either way the
    # next beat reports it
    for _beat in range(2):
        with contextlib.suppress(ConnectionError):
            await service.show_progress(force=True)
    await service.drain()
    assert calls == 2

    report = await d.expect(STAFF, "通知发送完毕", since=progress["message_id"])
    mine = await d.messages(STAFF)
    assert len([m for m in mine if "通知发送完毕" in message_text(m)]) == 1
    [line] = [m for m in mine if m["message_id"] == progress["message_id"]]
    async with h.sessionmaker() as session:
        [notice] = (await session.exec(select(Broadcast))).all()
    assert notice.state == BroadcastState.DONE
    total = notice.progress_shown
    assert total > 0 and f"已发送 {total}/{total}" in message_text(line)
    assert report["message_id"] > progress["message_id"]
    edits = [
        c
        for c in await d.calls(method="editMessageText")
        if str(c["params"].get("message_id")) == str(progress["message_id"])
    ]
    assert edits and all(c["ok"] for c in edits), edits
