"""Every answer to 去 / 不确定 / 不去 names the meeting it is for: '已记录「不去」：停车位协调会。'
and '停车位协调会：人数已满，您在候补名单第 1 位。'. Before, only 已报名 did; with two meetings
announced, '已记录「不去」。' under a scrolled-away card did not say which one it was."""

from __future__ import annotations

from datetime import timedelta

from sandbox.driver import message_text
from tests.consult.published import published_meeting
from tests.e2e.conftest import Harness

ZHOU = 4001  # 周阿姨
WU = 4002  # 吴大爷


async def test_each_answer_names_its_meeting(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await published_meeting(h, title="十二月居民议事会")
    parking = await published_meeting(
        h, title="停车位协调会", starts_at=h.clock() + timedelta(days=8), capacity=1
    )
    invite = await d.expect(ZHOU, "停车位协调会")
    await d.tap(ZHOU, "去", invite["message_id"])
    await d.expect(ZHOU, "已报名：停车位协调会", since=invite["message_id"])
    wu_invite = await d.expect(WU, "停车位协调会")
    await d.click(WU, wu_invite["message_id"], data=f"crv:{parking.id}:yes")
    waiting = await d.expect(WU, "候补名单第 1 位", since=wu_invite["message_id"])
    assert "停车位协调会" in message_text(waiting), message_text(waiting)
    for answer in ("maybe", "no"):
        await d.click(ZHOU, invite["message_id"], data=f"crv:{parking.id}:{answer}")
        said = "不确定" if answer == "maybe" else "不去"
        reply = await d.expect(ZHOU, f"已记录「{said}」", since=invite["message_id"])
        assert "停车位协调会" in message_text(reply), message_text(reply)
