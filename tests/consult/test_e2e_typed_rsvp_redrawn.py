"""The read-back of an answer typed ('我去' → "您是说「…」要去吗？" with ✅ 确认去) is kept true
as the announcement is: after a 延期 it reads the new time, after the meeting is cancelled it
says so and no longer asks for a tap (its ✅ 确认去 is gone). Before, it went on showing the old
time, and after a cancellation still said "点一下下面的按钮就记上了"."""

from __future__ import annotations

from datetime import timedelta

from models import User
from services import meetings
from services.consult_common import Notifier
from tests.consult.published import STAFF, published_meeting
from tests.consult.test_e2e_meeting_redrawn import (
    STAFF_ROLES,
    _postpone,
    _redrawn,
    _scheduler,
    _shown,
)
from tests.e2e.conftest import Harness

ZHOU = 4001  # 周阿姨


async def test_typed_answer_read_back_follows_the_meeting(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    service = _scheduler(h)
    meeting = await published_meeting(h)
    [offer] = await d.say(ZHOU, "我去")
    # 延期: the read-back reads the new time, still with its ✅ 确认去
    later = meeting.starts_at + timedelta(days=2)
    new = _shown(h, later)
    await _postpone(h, meeting, later)
    await service.drain()
    text, labels = await _redrawn(d, ZHOU, offer["message_id"], new)
    assert new in text and "点一下下面的按钮" in text, text
    assert labels[0] == "✅ 确认去", labels
    # cancelled: it says so and asks for no tap
    async with h.sessionmaker() as session:
        staff = await session.get(User, STAFF)
        assert staff is not None
        await meetings.cancel_meeting(
            session,
            user=staff,
            roles=STAFF_ROLES,
            meeting_id=meeting.id or 0,
            reason="场地临时占用",
            now=h.clock(),
            notifier=Notifier(texts=h.sandbox.app.translator, now=h.clock()),
        )
    await service.drain()
    text, labels = await _redrawn(d, ZHOU, offer["message_id"], "已取消")
    assert "已取消" in text and "场地临时占用" in text, text
    assert "点一下" not in text and "✅ 确认去" not in labels, (text, labels)
