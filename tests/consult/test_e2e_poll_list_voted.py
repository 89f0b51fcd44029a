"""近期议事 marks the open polls already voted in: '✅ 已投' where the person voted
(their ballot still opens, to see or change it), '✅ 家人已投' where, one vote per household,
someone else of their household did (no ballot is left for them). Before, the list showed the
questions only, so 黄奶奶 opened a ballot she could not use."""

from __future__ import annotations

from sandbox.driver import Driver
from tests.consult.test_e2e_household_voted import HUANG, _zhou_votes
from tests.consult.test_e2e_qa_polls import ZHOU, labels_of, make_poll
from tests.e2e.conftest import Harness

WU = 4002  # 吴大爷, another household


async def _listed(d: Driver, user: int) -> list[str]:
    """The hub's poll buttons."""
    [hub] = await d.say(user, "🗳 近期议事")
    return [label for label in labels_of(hub) if label.startswith("🗳")]


async def test_open_polls_list_marks_votes(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await make_poll(h, per_household=True)
    await make_poll(h, question="垃圾分类点放在哪里？", options=["东门", "西门"])
    await _zhou_votes(h)
    assert await _listed(d, ZHOU) == ["🗳 明年优先办哪些事？ ✅ 已投", "🗳 垃圾分类点放在哪里？"]
    assert await _listed(d, HUANG) == [
        "🗳 明年优先办哪些事？ ✅ 家人已投",
        "🗳 垃圾分类点放在哪里？",
    ]
    assert await _listed(d, WU) == ["🗳 明年优先办哪些事？", "🗳 垃圾分类点放在哪里？"]
