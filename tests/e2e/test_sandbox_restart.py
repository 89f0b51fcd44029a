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


async def test_a_restart_keeps_the_org_an_admin_edited_and_what_people_changed(
    tmp_path: Path,
) -> None:
    """The demo data is added where missing, not laid over the database again: before, a
    renamed building came back as a twin of its old name and demo people's changes were
    undone at every start."""
    from sqlmodel import select

    from models import Building, Role, User
    from services import org_edit

    db = tmp_path / "sandbox.sqlite3"
    clock = FakeClock()
    sandbox, d = await _run(db, clock, None)
    try:
        async with sandbox.app.sessionmaker() as session:
            admin = await session.get(User, 1001)
            assert admin is not None
            [five] = (await session.exec(select(Building).where(Building.name == "5号楼"))).all()
            await org_edit.rename(
                session,
                user=admin,
                roles=frozenset({Role.ADMIN, Role.RESIDENT}),
                kind="building",
                target_id=five.id or 0,
                name="5号楼（老干部楼）",
            )
            zhou = await session.get(User, ZHOU)
            assert zhou is not None
            zhou.room = "402"
            session.add(zhou)
            await session.commit()
    finally:
        await d.close()
        await sandbox.stop()
    sandbox, d = await _run(db, clock, None)
    try:
        async with sandbox.app.sessionmaker() as session:
            names = sorted(b.name for b in (await session.exec(select(Building))).all())
            zhou = await session.get(User, ZHOU)
        assert "5号楼（老干部楼）" in names and "5号楼" not in names, names
        assert len(names) == len(set(names))
        assert zhou is not None and zhou.room == "402"
        # the demo still works: 周阿姨 files as before
        await reply_to(d, ZHOU, "📝 我要点单", "请说说")
    finally:
        await d.close()
        await sandbox.stop()
