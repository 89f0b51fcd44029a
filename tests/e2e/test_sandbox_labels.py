"""The sandbox page's label of each person follows the bot's data: 小林 registers and reads
居民, not 新用户; a staff member revoked is no longer shown as staff."""

from __future__ import annotations

from bot.sandbox_runner import refresh_labels
from models import Role
from services import staff
from tests.e2e.conftest import Harness
from tests.e2e.test_register_first import _register
from tests.support import reply_to

NEW = 5001  # 小林
STAFF = 2003  # 陈社工
ADMIN = 1001


async def _labels(h: Harness) -> dict[int, str | None]:
    return {u["id"]: u.get("role") for u in await h.driver.users()}


async def test_labels_follow_registration_and_roles(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    before = await _labels(h)
    assert before[NEW] == "new user" and before[STAFF] == "staff" and before[ADMIN] == "admin"
    assert await refresh_labels(h.sandbox) == 0  # the demo labels are what the data says
    asked = await reply_to(h.driver, NEW, "🏠 登记住址", "个人信息使用说明")
    await _register(h.driver, NEW, asked["message_id"] - 1)
    async with h.sessionmaker() as session:
        await staff.revoke(session, telegram_id=STAFF, role=Role.STAFF, revoked_by=ADMIN)
        await session.commit()
    assert await refresh_labels(h.sandbox) == 2
    after = await _labels(h)
    assert after[NEW] == "resident"
    assert after[STAFF] == "new user"  # no address of his own on file
    assert after[ADMIN] == "admin"
