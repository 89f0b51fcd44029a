"""A sandbox restarted on the same database shows the chats its bot remembers: the messages,
their buttons (still working), and new messages numbered after them. Before, the chat page came
back empty while the bot's database went on with the old state (a request filed, a card whose
message no longer existed for its redraws)."""

from __future__ import annotations

import json
from pathlib import Path

from bot.sandbox_runner import _load_chats, _save_chats, chats_file_of, start_sandbox
from sandbox.driver import Driver, message_text
from tests.e2e.conftest import TEST_SETTINGS
from tests.support import FakeClock, reply_to

ZHOU = 4001  # 周阿姨
STAFF = 2001  # 李社工


async def _run(db: Path, clock: FakeClock, saved: dict | None):  # type: ignore[no-untyped-def]
    sandbox = await start_sandbox(
        database_url=f"sqlite+aiosqlite:///{db}",
        clock=clock,
        limits=False,
        saved_chats=saved,
        **TEST_SETTINGS,
    )
    driver = Driver(sandbox.base_url)
    await driver.wait_bot_ready()
    return sandbox, driver


async def test_the_chat_page_comes_back_after_a_restart(tmp_path: Path) -> None:
    db = tmp_path / "sandbox.sqlite3"
    clock = FakeClock()
    sandbox, d = await _run(db, clock, None)
    try:
        await reply_to(d, ZHOU, "📝 我要点单", "请说说")
        await reply_to(d, ZHOU, "楼道灯坏了，晚上看不见", "收到文字")
        preview = await reply_to(d, ZHOU, "✅ 说完了", "分类：")
        await d.tap(ZHOU, "确认提交", preview["message_id"])
        await d.expect(ZHOU, "已提交，编号", since=preview["message_id"] - 1)
        notice = await d.expect(STAFF, "新诉求")
        before = await d.messages(ZHOU)
    finally:
        await d.close()
        await sandbox.stop()
    chats = chats_file_of(str(db))
    assert chats == tmp_path / "sandbox.chats.json"
    _save_chats(chats, sandbox.emulator.snapshot())
    saved = _load_chats(chats)
    assert saved is not None and json.dumps(saved)  # plain JSON

    sandbox, d = await _run(db, clock, saved)
    try:
        after = await d.messages(ZHOU)
        assert [message_text(m) for m in after] == [message_text(m) for m in before]
        assert after[-1].get("reply_markup") == before[-1].get("reply_markup")
        # the staff notice's button from before the restart still works
        await d.tap(STAFF, "查看诉求", notice["message_id"])
        card = await d.expect(STAFF, "诉求 00001 ·", since=notice["message_id"])
        assert "楼道灯坏了" in message_text(card)
        sent = await d.send(ZHOU, "谢谢")
        assert sent["message_id"] > max(m["message_id"] for m in after)
    finally:
        await d.close()
        await sandbox.stop()


def test_an_unreadable_chats_file_starts_empty(tmp_path: Path) -> None:
    broken = tmp_path / "x.chats.json"
    broken.write_text("{not json", encoding="utf-8")
    assert _load_chats(broken) is None
    assert _load_chats(tmp_path / "missing.chats.json") is None
