"""Registration's phone step: mainland numbers as people type them, one hint for a bad one."""

from __future__ import annotations

from models import User
from sandbox.driver import message_text
from tests.e2e.conftest import Harness

NEW = 5001  # 小林, unregistered


async def test_registration_phone_step_takes_a_landline_and_refuses_digit_runs(
    linli_sandbox: Harness,
) -> None:
    d = linli_sandbox.driver
    await d.say(NEW, "🏠 登记住址")
    await d.tap(NEW, "同意并继续")
    await d.expect(NEW, "请选择您所在的")
    await d.tap(NEW, "阳光社区")
    await d.expect(NEW, "网格")
    await d.tap(NEW, "第一网格")
    await d.expect(NEW, "楼栋")
    await d.tap(NEW, "2号楼")
    await d.expect(NEW, "房号")
    [ask_phone] = await d.say(NEW, "301")
    assert "手机号" in message_text(ask_phone)
    # before: any 7–15 digits were taken as a phone number
    for typed in ("123456789012345", "1234567"):
        [refused] = await d.say(NEW, typed)
        text = message_text(refused)
        assert "号码格式不对" in text, text
        # one hint, with the step's own buttons (before: the error's hint, then a second one)
        assert text.count("发送我的手机号") == 1 and "跳过" in text, text
        assert "\n" not in text, text
    done = await d.say(NEW, "(021) 1234 5678")
    assert any("登记完成" in message_text(m) for m in done), [message_text(m) for m in done]
    async with linli_sandbox.sessionmaker() as session:
        user = await session.get(User, NEW)
        assert user is not None and user.phone == "021-12345678"
