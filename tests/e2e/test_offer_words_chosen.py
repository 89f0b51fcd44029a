"""An offer answered in words ('好的' / '不要了' right under "要把这件事报给社区吗？") says which
way it went, as a tap on its button does ('✓ 已选：报给社区' / '✓ 已选：先不报了'), and a later
tap on it from an older screen is told so. Before, its button only went away."""

from __future__ import annotations

from sandbox.driver import Driver, message_text
from tests.e2e.conftest import Harness
from tests.support import inline_labels

WU = 4002  # 吴大爷, 阳光社区 1号楼 502
HUANG = 4005  # 黄奶奶, 阳光社区 1号楼 302
ALEX = 5002  # English, unregistered
OFFER = "要把这件事报给社区吗"


async def _now(d: Driver, user: int, message_id: int) -> dict:
    [now] = [m for m in await d.messages(user) if m["message_id"] == message_id]
    return now


async def test_yes_in_words_says_what_was_chosen(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    [offer] = await d.say(WU, "我家卫生间的水管漏水好几天了")
    assert OFFER in message_text(offer)
    [started] = await d.say(WU, "好的")
    assert "已经记下您说的话" in message_text(started)
    answered = await _now(d, WU, offer["message_id"])
    assert message_text(answered).startswith(message_text(offer)), message_text(answered)
    assert message_text(answered).endswith("✓ 已选：报给社区"), message_text(answered)
    assert inline_labels(answered) == []
    again = await d.click(WU, offer["message_id"], data="fb:file")
    assert "已经选过了：「报给社区」" in str(again["answer"]["text"]), again
    assert await d.errors() == []


async def test_no_in_words_says_what_was_chosen(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    [offer] = await d.say(HUANG, "楼道里的灯坏了好久了晚上黑乎乎的")
    [dropped] = await d.say(HUANG, "不要了")
    assert "先不报了" in message_text(dropped)
    answered = await _now(d, HUANG, offer["message_id"])
    assert message_text(answered).endswith("✓ 已选：先不报了"), message_text(answered)
    assert inline_labels(answered) == []
    again = await d.click(HUANG, offer["message_id"], data="fb:file")
    assert "已经选过了：「先不报了」" in str(again["answer"]["text"]), again
    assert await d.errors() == []
