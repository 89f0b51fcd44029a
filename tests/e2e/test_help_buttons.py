"""❓ 帮助 explains the buttons the person has, in plain words, and only those."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.support import reply_to

WU = 4002  # 吴大爷, resident
LIU = 3001  # 刘师傅, member
STAFF = 2001  # 李社工


async def test_help_explains_each_of_the_persons_buttons(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    resident = message_text(await reply_to(d, WU, "❓ 帮助", "使用帮助"))
    assert "📝 我要点单：家里、楼里、小区里有问题" in resident
    assert "📂 我的诉求：" in resident and "🗳 近期议事：" in resident
    # not another role's buttons, nor the registration he has done
    assert "📋 待办诉求" not in resident and "🛠 可接工单" not in resident
    assert "🏠 登记住址" not in resident
    assert "/stats" not in resident
    member = message_text(await reply_to(d, LIU, "/help", "使用帮助"))
    assert "🛠 可接工单：" in member and "📌 我的工单：" in member and "🏅 我的积分：" in member
    assert "🙋 党员/志愿者报到" not in member  # he has signed up already
    staff = message_text(await reply_to(d, STAFF, "/help", "使用帮助"))
    assert "📋 待办诉求：" in staff and "📢 发通知：" in staff and "/stats" in staff
    assert "⚙️ 管理" not in staff
    # the office to call ends it, as before
    assert resident.rstrip().endswith("办公时间：周一至周六 8:30–17:30")
