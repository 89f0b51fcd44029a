"""An older newcomer says where they live and their phone the way they would say them aloud:
'我住阳光社区一号楼五零二' begins registration with that address (it used to be kept as a matter
to file), and '我的电话是幺三九 零零零零 零零零三' is their phone (it used to be refused).
(services.validation.spoken_digits, services.address.says_home, phone_number)"""

from __future__ import annotations

from models import User
from sandbox.driver import message_text
from tests.e2e.conftest import Harness

NEW = 5001  # 小林, unregistered


async def test_address_and_phone_in_words(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    [consent] = await d.say(NEW, "我住阳光社区一号楼五零二")
    assert "个人信息" in message_text(consent)
    await d.tap(NEW, "同意并继续", consent["message_id"])
    read = await d.expect(NEW, "阳光社区 · 1号楼 · 502")
    # how to put it right, in the buttons' words, not a command
    assert "/register" not in message_text(read)
    assert "「👤 我的资料」里点「🏠 修改住址」" in message_text(read), message_text(read)
    await d.expect(NEW, "手机号")
    done = await d.say(NEW, "我的电话是幺三九 零零零零 零零零三")
    assert any("登记完成" in message_text(m) for m in done), [message_text(m) for m in done]
    async with linli_sandbox.sessionmaker() as session:
        user = await session.get(User, NEW)
        assert user is not None and user.phone == "13900000003" and user.room == "502"
