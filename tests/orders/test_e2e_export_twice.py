"""The ledger export tapped twice while it is being produced: one file, and the second tap is
told to wait."""

from __future__ import annotations

import asyncio

from sandbox.driver import message_text
from tests.e2e.conftest import Harness

STAFF = 2001  # 李社工, 阳光社区


async def test_export_tapped_twice_sends_one_file(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await d.say(STAFF, "/stats")
    await d.tap(STAFF, "本周")
    figures = await d.expect(STAFF, "台账统计 · 本周")
    [button] = [
        b["callback_data"]
        for row in figures["reply_markup"]["inline_keyboard"]
        for b in row
        if "导出台账" in b["text"]
    ]
    taps = await asyncio.gather(
        *(d.click(STAFF, figures["message_id"], data=button) for _ in range(2))
    )
    answers = sorted(str((tap["answer"] or {}).get("text")) for tap in taps)
    assert answers == ["正在生成台账…", "正在生成，请稍候。"], answers
    await d.expect(STAFF, "台账已生成", since=figures["message_id"])
    await d.replies(STAFF, figures["message_id"], settle=1.0)  # anything else it would send
    docs = [m for m in await d.messages(STAFF, figures["message_id"]) if m.get("document")]
    assert len(docs) == 1, [message_text(m) for m in docs]
    # once it is sent, a new tap produces a new file
    tap = await d.click(STAFF, figures["message_id"], data=button)
    assert (tap["answer"] or {}).get("text") == "正在生成台账…"
    since = docs[0]["message_id"]
    await d.expect(STAFF, "台账已生成", since=since)
