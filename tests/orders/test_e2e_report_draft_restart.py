"""完成上报 left halfway outlives a restart of the bot (found restarting the sandbox while 刘师傅
was writing a report). Without Redis the conversations live in memory, and the draft of the
report was kept beside them: after a restart 完成上报 asked from scratch, the note and the
photo sent were lost. Now the draft is kept in the database, and 完成上报 on that order after
the restart goes on with it ('接着上次没写完的继续')."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

from bot.sandbox_runner import Sandbox, start_sandbox
from sandbox.driver import message_text
from tests.e2e.conftest import TEST_SETTINGS, Harness
from tests.orders.test_e2e_claim_in_place import _issue
from tests.orders.test_e2e_cycle import LIU, STAFF, png
from tests.support import FakeClock, SettledDriver


async def _run(db: Path, clock: FakeClock, saved: Any) -> tuple[Sandbox, SettledDriver]:
    """The sandbox on this database file (the chats restored from `saved`), in memory FSM."""
    sandbox = await start_sandbox(
        database_url=f"sqlite+aiosqlite:///{db}",
        clock=clock,
        limits=False,
        saved_chats=saved,
        **TEST_SETTINGS,
    )
    driver = SettledDriver(sandbox.base_url, sandbox.app)
    await driver.wait_bot_ready()
    return sandbox, driver


async def test_a_report_left_halfway_is_taken_up_after_a_restart(tmp_path: Path) -> None:
    db = tmp_path / "sandbox.sqlite3"
    clock = FakeClock()
    sandbox, d = await _run(db, clock, None)
    try:
        h = cast(Harness, SimpleNamespace(driver=d))
        order_no = await _issue(h, "家里厨房的水管漏水了，地上都是水")
        offer = await d.expect(LIU, f"新工单 {order_no}")
        await d.click(LIU, offer["message_id"], text="✋ 接单")
        await d.expect(LIU, f"您已接下工单 {order_no}", since=offer["message_id"])
        card = offer["message_id"]
        await d.click(LIU, card, text="✅ 完成上报")
        await d.expect(LIU, "做了什么", since=card)
        await d.say(LIU, "换了新的软管")
        sent = await d.send(LIU, photo=png())
        await d.expect(LIU, "收到照片", since=sent["message_id"])
        await d.settle()
        chats = sandbox.emulator.snapshot()
    finally:
        await d.close()
        await sandbox.stop()

    # the bot restarts (its conversations, in memory, are gone); he taps 完成上报 again
    sandbox, d = await _run(db, clock, chats)
    try:
        last = (await d.messages(LIU))[-1]["message_id"]
        await d.click(LIU, card, text="✅ 完成上报")
        asked = await d.expect(LIU, "接着上次没写完的", since=last)
        assert "换了新的软管" in message_text(asked), message_text(asked)
        assert "照片 1 张" in message_text(asked), message_text(asked)
        await d.say(LIU, "阀门也换了")
        await d.say(LIU, "✅ 说完了")
        await d.expect(LIU, f"工单 {order_no} 已上报")
        verify = message_text(await d.expect(STAFF, "请验收"))
        assert "换了新的软管\n阀门也换了" in verify and "照片：1 张" in verify, verify
    finally:
        await d.close()
        await sandbox.stop()
