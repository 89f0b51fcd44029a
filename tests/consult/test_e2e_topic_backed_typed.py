"""A topic backed in words: '附议' typed under the topics shown, '我支持电动车那个议题' /
'支持加装电梯的议题' at the menu. Before, '附议' opened the consultation hub and '支持…的议题'
was offered as a matter to file. Now the topic named (or the one shown) is backed and the
answer says which; several fitting are each shown with their 附议; one backed already is said
so."""

from __future__ import annotations

from sqlmodel import select

from models import User
from models.consultations import Topic, TopicBacking
from sandbox.driver import message_text
from tests.consult.test_e2e_qa_polls import labels_of
from tests.e2e.conftest import Harness

ZHOU = 4001  # 周阿姨 proposes
WU = 4002  # 吴大爷 backs
ZHENG = 4003  # 郑先生


async def _propose(h: Harness, *titles: str) -> None:
    from services import topics

    async with h.sessionmaker() as session:
        zhou = await session.get(User, ZHOU)
        assert zhou is not None
        for title in titles:
            await topics.propose_topic(session, user=zhou, title=title, detail=None, now=h.clock())


async def _backers(h: Harness) -> dict[str, list[int]]:
    async with h.sessionmaker() as session:
        names = {t.id: t.title for t in (await session.exec(select(Topic))).all()}
        rows = (await session.exec(select(TopicBacking))).all()
    backed: dict[str, list[int]] = {}
    for row in rows:
        backed.setdefault(names[row.topic_id], []).append(row.user_id)
    return backed


async def test_topic_named_backed_in_words(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _propose(h, "小区电动车充电桩不够用", "3号楼加装电梯")
    [said] = await d.say(WU, "我支持电动车那个议题")
    assert "已为「小区电动车充电桩不够用」附议" in message_text(said), message_text(said)
    [said] = await d.say(WU, "支持加装电梯的议题")
    assert "已为「3号楼加装电梯」附议" in message_text(said), message_text(said)
    [said] = await d.say(WU, "支持加装电梯的议题")
    assert "已经附议过「3号楼加装电梯」" in message_text(said), message_text(said)
    assert await _backers(h) == {"小区电动车充电桩不够用": [WU], "3号楼加装电梯": [WU]}
    assert await d.errors() == []


async def test_bare_back_under_the_list(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _propose(h, "小区东门路灯太暗")
    [hub] = await d.say(ZHENG, "🗳 近期议事")
    await d.tap(ZHENG, "💡 议题征集", hub["message_id"])
    await d.expect(ZHENG, "小区东门路灯太暗", since=hub["message_id"])
    [said] = await d.say(ZHENG, "附议")
    assert "已为「小区东门路灯太暗」附议，现在有 1 人附议" in message_text(said)
    # two open topics, one named by neither: which, each with its 附议
    await _propose(h, "楼道堆物清理")
    said = await d.say(WU, "我也附议")
    assert "哪一个议题" in message_text(said[0]), message_text(said[0])
    assert [labels_of(m) for m in said[1:]] == [["👍 附议"], ["👍 附议"]]
    await d.tap(WU, "👍 附议", said[2]["message_id"])
    assert await _backers(h) == {"小区东门路灯太暗": [ZHENG], "楼道堆物清理": [WU]}
    assert await d.errors() == []
