"""❓ 帮助 ends with how to reach the person's community office (社区服务中心: phone, address,
opening hours, from the org file): their address's community, or for staff without an address
the community they work in. Someone with no community yet sees none."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness

ZHOU = 4001  # 周阿姨, 阳光社区
CHEN = 2003  # 陈社工, staff of 和谐社区, no address of her own
LIN = 5001  # 小林, not registered


async def _help(h: Harness, user: int) -> str:
    *_, answer = await h.driver.say(user, "❓ 帮助")
    return message_text(answer)


async def test_help_says_how_to_reach_the_community_office(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    zhou = await _help(h, ZHOU)
    assert "🏢 阳光社区服务中心" in zhou and "电话：021-55500101" in zhou, zhou
    assert "地址：阳光路 88 号社区服务中心一楼" in zhou and "办公时间：周一至周六" in zhou, zhou
    chen = await _help(h, CHEN)
    assert "🏢 和谐社区服务中心" in chen and "021-55500202" in chen, chen
    assert "服务中心" not in await _help(h, LIN)
