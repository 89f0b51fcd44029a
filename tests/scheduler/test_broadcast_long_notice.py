"""A notice at the wizard's length limit, end to end: full of emoji (two UTF-16 units each in
Telegram's count) it is longer than one Telegram message, yet the preview is sent and residents
get it whole; one character more is refused and the step stays."""

from __future__ import annotations

from sqlmodel import select

from models.scheduling import Delivery, DeliveryState
from sandbox.driver import message_text
from sandbox.tg_html import utf16_len
from services.broadcast import TEXT_MAX
from tests.e2e.conftest import Harness, linli_sandbox  # noqa: F401  (the e2e fixture)
from tests.scheduler.test_broadcast_text_step import (
    STAFF,
    _broadcasts,
    _scheduler,
    _second_grid_people,
    _to_text_step,
)

TELEGRAM_LIMIT = 4096  # UTF-16 units of one message


def _squash(text: str) -> str:
    """The text without its whitespace (a message's edges are trimmed where it was split)."""
    return "".join(text.split())


def _notice_at_the_limit() -> str:
    """TEXT_MAX characters as people count them, many of them emoji (two UTF-16 units each),
    in lines: far longer than one Telegram message once Telegram counts it."""
    line = "📢🚰💧 周六8:00–17:00停水🚿，请提前储水🪣😀🙏"  # 28 characters, 35 UTF-16 units
    lines = [f"{i:03d} {line}" for i in range(1, 200)]
    head = "\n".join(lines)[: TEXT_MAX - 5].rstrip()
    text = head + "。" * (TEXT_MAX - 5 - len(head)) + "\n最后一行"
    assert len(text) == TEXT_MAX
    assert utf16_len(text) > TELEGRAM_LIMIT
    return text


async def test_a_notice_at_the_length_limit_with_emoji_previews_and_arrives_whole(
    linli_sandbox: Harness,  # noqa: F811
) -> None:
    h = linli_sandbox
    d = h.driver
    audience = await _second_grid_people(h)
    await _to_text_step(d)
    await d.expect(STAFF, "请输入通知内容")

    # one character more is refused politely, and the step stays for a shorter text
    text = _notice_at_the_limit()
    too_long = await d.send(STAFF, text + "🙏")
    refusal = await d.expect(STAFF, "通知太长了", since=too_long["message_id"], timeout=15)
    assert f"{TEXT_MAX:,}" in message_text(refusal)
    assert await _broadcasts(h) == []

    typed = await d.send(STAFF, text)
    info = await d.expect(STAFF, "将发给", since=typed["message_id"], timeout=15)
    assert not await d.errors()
    preview = [m for m in await d.messages(STAFF, typed["message_id"]) if m["from"]["is_bot"]]
    assert all(utf16_len(message_text(m)) <= TELEGRAM_LIMIT for m in preview)
    shown = "".join(message_text(m) for m in preview if m["message_id"] < info["message_id"])
    assert "阳光社区通知" in shown
    assert _squash(shown).endswith(_squash(text))  # nothing cut
    assert f"将发给 {len(audience)} 人" in message_text(info)
    assert "分 2 条" in message_text(info)

    await d.tap(STAFF, "✅ 发送", info["message_id"])
    await d.expect(STAFF, "已发送", since=info["message_id"], timeout=15)
    service = _scheduler(h)
    await service.drain()
    await service.show_progress(force=True)
    for uid in audience:
        await d.expect(uid, "最后一行", timeout=15)
        got = [m for m in await d.messages(uid) if m["from"]["is_bot"]]
        got = got[next(i for i, m in enumerate(got) if "阳光社区通知" in message_text(m)) :]
        assert all(utf16_len(message_text(m)) <= TELEGRAM_LIMIT for m in got)
        whole = "".join(message_text(m) for m in got)
        assert whole.count("阳光社区通知") == 1
        assert _squash(whole).endswith(_squash(text))
    # the report comes once every delivery has its outcome recorded
    report = await d.expect(STAFF, "通知发送完毕", since=info["message_id"], timeout=30)
    assert f"送达 {len(audience)} 人" in message_text(report)
    async with h.sessionmaker() as session:
        rows = (await session.exec(select(Delivery).where(Delivery.kind == "broadcast"))).all()
    assert sorted(r.chat_id for r in rows) == audience
    assert all(r.state == DeliveryState.SENT for r in rows)
    assert all(len(r.message_id_list) == 2 for r in rows)
    assert not await d.errors()
