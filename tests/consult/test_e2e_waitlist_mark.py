"""A resident on a meeting's waitlist reads the same true thing on their announcement and on the
meeting's card: their place on the list ('⏳ 候补第 2 位' on the 去 button, "您的报名：候补第 2
位" on the card, its button marked alike), kept as they move up it, and '✅ 去' once they have a
seat. Before, the announcement marked '✅ 去' and the card said "候补" with no button marked and
no place."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.consult.published import published_meeting
from tests.consult.test_e2e_meeting_redrawn import _reads, _redrawn, _scheduler
from tests.consult.test_e2e_qa_polls import labels_of
from tests.e2e.conftest import Harness
from tests.support import reply_to

ZHOU = 4001  # 周阿姨, has the one seat
WU = 4002  # 吴大爷, waitlist 1
ZHENG = 4003  # 郑先生, waitlist 2


async def test_waitlist_place_on_announcement_and_card(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    service = _scheduler(h)
    await published_meeting(h, title="停车位协调会", capacity=1)
    invites = {}
    for who, said in ((ZHOU, "已报名"), (WU, "候补名单第 1 位"), (ZHENG, "候补名单第 2 位")):
        invite = await d.expect(who, "停车位协调会")
        invites[who] = invite["message_id"]
        await d.tap(who, "去", invite["message_id"])
        await d.expect(who, said, since=invite["message_id"])
    assert (await _reads(d, ZHOU, invites[ZHOU]))[1] == ["✅ 去", "不确定", "不去", "❓ 问组织者"]
    assert (await _reads(d, ZHENG, invites[ZHENG]))[1] == [
        "⏳ 候补第 2 位",
        "不确定",
        "不去",
        "❓ 问组织者",
    ]
    # the card says the same: the place, and the button marked alike
    hub = await reply_to(d, ZHENG, "🗳 近期议事", "近期议事")
    await d.tap(ZHENG, "停车位协调会", hub["message_id"])
    card = await d.expect(ZHENG, "您的报名：", since=hub["message_id"])
    assert "您的报名：候补第 2 位" in message_text(card), message_text(card)
    assert labels_of(card)[:3] == ["⏳ 候补第 2 位", "不确定", "不去"], labels_of(card)
    # 吴大爷 leaves the waitlist: 郑先生 is first on it, on both
    await d.tap(WU, "不去", invites[WU])
    await d.expect(WU, "已记录「不去」", since=invites[WU])
    await service.drain()
    _text, labels = await _redrawn(d, ZHENG, card["message_id"], "候补第 1 位")
    assert labels[:3] == ["⏳ 候补第 1 位", "不确定", "不去"], labels
    await _redrawn(d, ZHENG, invites[ZHENG], "停车位协调会")
    assert (await _reads(d, ZHENG, invites[ZHENG]))[1][0] == "⏳ 候补第 1 位"
    # 周阿姨 gives up her seat: 郑先生 has it, and both read '✅ 去' / 参加
    await d.tap(ZHOU, "不去", invites[ZHOU])
    await d.expect(ZHENG, "已从候补转为正式参加")
    await service.drain()
    text, labels = await _redrawn(d, ZHENG, card["message_id"], "您的报名：参加")
    assert "您的报名：参加" in text and labels[:3] == ["✅ 去", "不确定", "不去"], (text, labels)
    assert (await _reads(d, ZHENG, invites[ZHENG]))[1][0] == "✅ 去"
