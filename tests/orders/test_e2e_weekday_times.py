"""A resident reads the times of their requests with the weekday: '12月9日（周三）19:30'."""

from __future__ import annotations

from datetime import UTC, datetime

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.support import reply_to

ZHOU = 4001  # 周阿姨, 阳光社区 1号楼 302
STAFF = 2001  # 李社工


async def test_my_requests_and_the_card_show_the_weekday(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    h.clock.set(datetime(2026, 12, 9, 11, 30, tzinfo=UTC))  # Wednesday 19:30 in Shanghai
    await d.say(ZHOU, "📝 我要点单")
    await d.say(ZHOU, "楼道的灯不亮了，晚上看不见")
    preview = await reply_to(d, ZHOU, "✅ 说完了", "分类：")
    await d.tap(ZHOU, "确认提交", preview["message_id"])
    filed = await d.expect(ZHOU, "已提交，编号", since=preview["message_id"] - 1)
    number = message_text(filed).split("编号")[1].strip().split("。")[0].strip()
    mine = await reply_to(d, ZHOU, "📂 我的诉求", "我的诉求（共")
    # before: '00001 · 待受理 · 12-09 19:30'
    assert f"{number} · 待受理 · 12月9日（周三）19:30" in message_text(mine), message_text(mine)
    await d.tap(ZHOU, f"查看 {number}", mine["message_id"])
    view = await d.expect(ZHOU, f"诉求 {number} · 待受理")
    assert "时间：12月9日（周三）19:30" in message_text(view), message_text(view)
    # staff read the same form on their queue
    queue = await reply_to(d, STAFF, "📋 待办诉求", "待办诉求（共")
    assert "12月9日（周三）19:30" in message_text(queue), message_text(queue)
