"""A preview's leftover buttons after the notice went out (or was dropped) tell the truth."""

from __future__ import annotations

from models.scheduling import Broadcast, BroadcastState
from sandbox.driver import message_text
from scheduler.service import SchedulerService
from tests.e2e.conftest import Harness, linli_sandbox  # noqa: F401  (the e2e fixture)

STAFF = 2001  # 李社工, 阳光社区
RESIDENT = 4001  # 周阿姨, 阳光社区 1号楼


async def _preview(h: Harness, text: str) -> dict:
    d = h.driver
    await d.say(STAFF, "📢 发通知")
    await d.tap(STAFF, "选几栋楼")
    await d.expect(STAFF, "请点选楼栋")
    await d.tap(STAFF, "1号楼")
    await d.tap(STAFF, "选好了")
    await d.expect(STAFF, "请输入通知内容")
    typed = await d.send(STAFF, text)
    return await d.expect(STAFF, "将发给", since=typed["message_id"], timeout=15)


def _data(message: dict, prefix: str) -> str:
    markup = message.get("reply_markup") or {}
    for row in markup.get("inline_keyboard", []):
        for button in row:
            if str(button.get("callback_data", "")).startswith(prefix):
                return str(button["callback_data"])
    raise AssertionError(f"no {prefix} button")


async def test_cancel_tapped_after_send_does_not_claim_nothing_went_out(
    linli_sandbox: Harness,  # noqa: F811
) -> None:
    h = linli_sandbox
    d = h.driver
    preview = await _preview(h, "明天上午9点停水，请提前储水。")
    cancel = _data(preview, "bc:cancel:")
    await d.tap(STAFF, "✅ 发送", preview["message_id"])
    await d.expect(STAFF, "已发送 0/", since=preview["message_id"], timeout=15)
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    await service.drain()
    await d.expect(RESIDENT, "明天上午9点停水")
    # The preview's cancel button, tapped later (a stale copy, or a slow second tap).
    answer = await d.click(STAFF, preview["message_id"], data=cancel)
    assert "已经发出" in str(answer), answer
    [now] = [m for m in await d.messages(STAFF) if m["message_id"] == preview["message_id"]]
    assert "没有发出" not in message_text(now)


async def test_send_or_cancel_after_cancel_says_it_was_dropped(
    linli_sandbox: Harness,  # noqa: F811
) -> None:
    h = linli_sandbox
    d = h.driver
    preview = await _preview(h, "周六下午社区义诊。")
    send = _data(preview, "bc:send:")
    cancel = _data(preview, "bc:cancel:")
    await d.tap(STAFF, "不发了", preview["message_id"])
    await d.expect(STAFF, "没有发出", since=preview["message_id"] - 1)
    for data in (cancel, send):
        answer = await d.click(STAFF, preview["message_id"], data=data)
        assert "可能已取消" in answer["answer"]["text"], answer
    async with h.sessionmaker() as session:
        broadcast_id = int(send.rsplit(":", 1)[1])
        row = await session.get(Broadcast, broadcast_id)
        assert row is not None and row.state == BroadcastState.CANCELLED
