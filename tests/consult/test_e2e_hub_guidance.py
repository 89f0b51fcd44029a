"""近期议事 says what its buttons do when there is something to act on:
'点下面的 📅 议事会可以看时间地点、报名；点 🗳 投票可以投票。'
(before, it was the bare title '近期议事' above the buttons)."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.consult.test_e2e_rsvp_card import ZHOU, _published
from tests.e2e.conftest import Harness
from tests.support import reply_to


async def test_hub_explains_its_buttons(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    [empty] = await d.say(ZHOU, "🗳 近期议事")
    assert "最近没有安排议事会" in message_text(empty) and "点下面的" not in message_text(empty)
    await _published(h)
    await d.expect(ZHOU, "议事会通知")
    hub = await reply_to(d, ZHOU, "🗳 近期议事", "近期议事")
    assert "点下面的 📅 议事会可以看时间地点、报名" in message_text(hub)
