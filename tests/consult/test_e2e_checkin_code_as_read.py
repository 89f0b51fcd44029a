"""The check-in code typed as it is read off the screen in the room — in groups ('372 627'),
with full-width digits, or after '签到' / '签到码：' — checks in as the six digits alone do.
Before, anything but six bare digits was offered to be filed as a matter."""

from __future__ import annotations

from datetime import timedelta

from sandbox.driver import message_text
from tests.consult.published import published_meeting
from tests.e2e.conftest import Harness

ZHOU = 4001  # 周阿姨, invited (the whole community)
WU = 4002  # 吴大爷
ZHENG = 4003  # 郑先生


async def test_code_with_spaces_or_a_lead_in_checks_in(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    meeting = await published_meeting(h, starts_at=h.clock() + timedelta(hours=3))
    code = meeting.checkin_code or ""
    spaced = f"{code[:3]} {code[3:]}"
    # before check-in opens: when it opens (not a matter to file)
    [early] = await d.say(ZHOU, spaced)
    assert "还没到签到时间" in message_text(early), message_text(early)
    h.clock.advance(timedelta(hours=2, minutes=45))
    full_width = code.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    for who, typed in (
        (ZHOU, spaced),
        (WU, f"签到码：{code[:3]}-{code[3:]}"),
        (ZHENG, f"签到 {full_width}"),
    ):
        [done] = await d.say(who, typed)
        assert "✅ 签到成功" in message_text(done), (typed, message_text(done))
        assert meeting.title in message_text(done)
