"""Members ask about their work in words, as many retirees do rather than tap: their points and
place on the board ('我有多少分了', '这个月我排第几'). Each is answered as the button would
answer it; before, the words were offered to be filed as a matter of their own ('要把这件事报给
社区吗？'). (handlers.fallback, services.smalltalk)"""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import LIU
from tests.support import inline_labels


async def test_a_member_asks_about_points_in_words(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    [tapped] = await d.say(LIU, "🏅 我的积分")
    for asked in ("我有多少分了", "这个月我排第几", "我排第几名"):
        [points] = await d.say(LIU, asked)
        assert message_text(points) == message_text(tapped), asked
        assert "✓ 本月" in inline_labels(points), asked
