"""Staff reading the topics (🏛 议事管理 → 💡 处理议题) see who proposed each one (name and
address: the community's staff may see rooms) and when, and the proposer's explanation, or
that there is none; text the resident typed is shown as typed (escaped). Residents' list
stays without the proposer. Before, the staff card had the title, the backers and the status
only: staff could not tell whom to ask about it."""

from __future__ import annotations

from sandbox.driver import Driver, message_text
from tests.consult.test_e2e_qa_polls import STAFF, ZHOU, labels_of
from tests.e2e.conftest import Harness
from tests.support import reply_to

WU = 4002  # 吴大爷


async def _propose(d: Driver, title: str, detail: str) -> None:
    # each answer waited for by its words: a meeting's announcement the outbox sends at the
    # same moment is not taken for it
    hub = await reply_to(d, ZHOU, "🗳 近期议事", "近期议事")
    await d.tap(ZHOU, "✍️ 提议题", hub["message_id"])
    await d.expect(ZHOU, "想讨论的事", since=hub["message_id"])
    await d.say(ZHOU, title)
    await reply_to(d, ZHOU, detail, "议题已提交")


async def test_staff_card_shows_proposer_and_explanation(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    await _propose(d, "小区东门路灯太暗", "晚上太黑，老人走路容易摔倒 <b>&</b>")
    await _propose(d, "楼道堆物", "跳过")
    await d.expect(STAFF, "新议题")
    replies = await d.say(STAFF, "🏛 议事管理")
    [menu] = [m for m in replies if "💡 处理议题" in labels_of(m)]
    await d.tap(STAFF, "💡 处理议题", menu["message_id"])
    lamp = message_text(await d.expect(STAFF, "小区东门路灯太暗（", since=menu["message_id"]))
    assert "提议人：周阿姨（1号楼 302） · 11月23日（周一）10:00" in lamp
    assert "说明：晚上太黑，老人走路容易摔倒 <b>&</b>" in lamp
    hall = message_text(await d.expect(STAFF, "楼道堆物（", since=menu["message_id"]))
    assert "提议人：周阿姨（1号楼 302）" in hall
    assert "说明：（提议人没有补充说明）" in hall
    # a resident's list names nobody and shows no room
    [hub] = await d.say(WU, "🗳 近期议事")
    await d.tap(WU, "💡 议题征集", hub["message_id"])
    item = message_text(await d.expect(WU, "小区东门路灯太暗", since=hub["message_id"]))
    assert "周阿姨" not in item and "302" not in item
    assert "晚上太黑" in item
