"""A resident in the meeting room types the check-in code straight into the chat, without
tapping 🔢 输入签到码 first: while that meeting's check-in is open, they are checked in. Before,
the six digits were taken for a matter to report ('要把这件事报给社区吗？'). Typed before check-in
opens, the code says when it opens. Six digits that are no meeting's code are read as a
request's number (none of hers: said so), and count as no wrong guess."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import select

from models.consultations import CheckIn
from sandbox.driver import message_text
from tests.consult.published import published_meeting
from tests.e2e.conftest import Harness

ZHOU = 4001  # 周阿姨, invited (the whole community)


async def test_code_typed_straight_in_checks_in(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    meeting = await published_meeting(h, starts_at=h.clock() + timedelta(hours=3))
    code = meeting.checkin_code or ""
    # before check-in opens: when it opens, nothing recorded (before, the code was offered to
    # be filed as a matter, then read as a request's number)
    [early] = await d.say(ZHOU, code)
    assert "签到成功" not in message_text(early)
    assert "还没到签到时间" in message_text(early) and meeting.title in message_text(early)
    # another six digits while it is open: not a check-in, and not counted as a wrong code
    h.clock.advance(timedelta(hours=2, minutes=45))
    for _ in range(6):
        [other] = await d.say(ZHOU, "123456" if code != "123456" else "654321")
        assert "签到" not in message_text(other)
    [done] = await d.say(ZHOU, f" {code} ")
    assert "✅ 签到成功" in message_text(done) and meeting.title in message_text(done)
    [again] = await d.say(ZHOU, code)
    assert "您已经签到过了" in message_text(again)
    async with h.sessionmaker() as session:
        rows = (await session.exec(select(CheckIn))).all()
    assert [(r.user_id, r.method) for r in rows] == [(ZHOU, "code")]
