"""People/admin side as users trip over it: reviews decided by a colleague, stale cards."""

from __future__ import annotations

from datetime import timedelta

from models import MemberProfile, MemberStatus
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.e2e.test_people import _apply_as_member, _keyboard_labels

NEW = 5001  # 小林, unregistered
STAFF = 2001  # 李社工, 阳光社区
GRID = 2002  # 张网格员, 阳光社区 第一网格


async def test_card_already_decided_by_a_colleague_says_so(linli_sandbox: Harness) -> None:
    """李社工 rejects; 张网格员's copy of the same card says someone decided, not 'refiled'."""
    d = linli_sandbox.driver
    await _apply_as_member(linli_sandbox, NEW)
    staff_card = await d.expect(STAFF, "报到申请")
    grid_card = await d.expect(GRID, "报到申请")
    await d.tap(STAFF, "不通过", staff_card["message_id"])
    await d.expect(STAFF, "原因", since=staff_card["message_id"])
    [done] = await d.say(STAFF, "单位信息不完整")
    assert "已退回" in message_text(done)
    # The step's cancel keyboard is gone: the staff member is back at their menu.
    assert "🧾 报到审核" in _keyboard_labels(done)
    await d.expect(NEW, "未通过")
    async with linli_sandbox.sessionmaker() as session:
        # The review happened a moment after the filing (its time is the card's version).
        profile = await session.get(MemberProfile, NEW)
        assert profile is not None and profile.status == MemberStatus.REJECTED
        profile.updated_at = profile.updated_at + timedelta(seconds=5)
        await session.commit()
    for label in ("✅ 通过", "❌ 不通过"):
        answer = await d.click(GRID, grid_card["message_id"], text=label)
        text = answer["answer"]["text"]
        assert "已经有人处理过" in text, text
        assert "重新提交" not in text
    async with linli_sandbox.sessionmaker() as session:
        profile = await session.get(MemberProfile, NEW)
        assert profile is not None and profile.status == MemberStatus.REJECTED
