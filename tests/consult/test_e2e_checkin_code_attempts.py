"""The check-in code step: a code of the wrong length is told the expected format (nothing
counted), a wrong code says how many tries are left, and after 5 wrong codes no code is read
for 15 minutes (the step ends politely; staff or the 📍 签到 button can help). Before, any
number of codes could be tried, and '12345' was answered only '签到码不对'."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import select

from models.consultations import CheckIn
from sandbox.driver import message_text
from tests.consult.published import published_meeting
from tests.e2e.conftest import Harness

ZHOU = 4001  # 周阿姨, invited (the whole community)


async def _code_step(h: Harness) -> None:
    d = h.driver
    sent = await d.send(ZHOU, "🗳 近期议事")
    hub = await d.expect(ZHOU, "近期议事", since=sent["message_id"])
    await d.tap(ZHOU, "🔢 输入签到码", hub["message_id"])
    await d.expect(ZHOU, "6 位签到码", since=hub["message_id"])


async def _answer(h: Harness, text: str) -> str:
    [answer] = await h.driver.say(ZHOU, text)
    return message_text(answer)


async def test_code_format_and_attempt_limit(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    meeting = await published_meeting(h, starts_at=h.clock() + timedelta(minutes=20))
    code = meeting.checkin_code or ""
    await _code_step(h)
    # the wrong length: the format, not "wrong code", and it does not count
    for typed, told in (("12345", "您输入的是 5 位"), ("一二三", "例如 123456")):
        answer = await _answer(h, typed)
        assert "签到码是 6 位数字" in answer and told in answer, answer
        assert "签到码不对" not in answer
    # wrong codes: how many tries are left
    for left in (4, 3, 2, 1):
        answer = await _answer(h, f"00000{left}")
        assert "签到码不对" in answer and f"还可以再试 {left} 次" in answer, answer
    answer = await _answer(h, "000009")
    assert "连续输错 5 次" in answer and "15 分钟后再试" in answer, answer
    # the step has ended: even the right code is not read now
    await _code_step(h)
    answer = await _answer(h, code)
    assert "连续输错 5 次" in answer and "签到成功" not in answer, answer
    async with h.sessionmaker() as session:
        assert (await session.exec(select(CheckIn))).all() == []
    # 15 minutes later the right code works
    h.clock.advance(timedelta(minutes=15))
    await _code_step(h)
    assert "签到成功" in await _answer(h, f" {code[:3]} {code[3:]} ")
