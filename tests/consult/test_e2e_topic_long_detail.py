"""A topic's explanation longer than 1,000 characters is kept whole (up to what one message
carries): before, '说明最多 1000 个字' sent the resident back to type it all again. Staff read
the whole of it in the list of topics, even when it does not fit the topic's item."""

from __future__ import annotations

from sqlmodel import select

from models.consultations import Topic
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.support import reply_to

ZHOU = 4001  # 周阿姨
STAFF = 2001  # 李社工

# about 2,700 characters, then about 3,900: over the old 1,000, within one message
DETAIL = "东门口的路灯坏了好几个月，晚上老人出门散步很不安全，上次摔倒的就是三号楼的王奶奶。" * 65
LONGER = DETAIL + "希望社区尽快联系物业更换，并在路口加一盏灯。" * 45


async def _propose(h: Harness, title: str, detail: str) -> None:
    d = h.driver
    hub = await reply_to(d, ZHOU, "🗳 近期议事", "近期议事")
    await d.tap(ZHOU, "✍️ 提议题", hub["message_id"])
    await d.expect(ZHOU, "想讨论的事", since=hub["message_id"])
    await d.say(ZHOU, title)
    [done] = await d.say(ZHOU, detail)
    assert f"议题已提交：{title}" in message_text(done), message_text(done)


async def test_a_long_explanation_is_kept_whole(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    assert 1000 < len(DETAIL) < len(LONGER) < 4096
    await _propose(h, "东门路灯坏了", DETAIL)
    await _propose(h, "路口加灯", LONGER)
    async with h.sessionmaker() as session:
        kept = {t.title: t.detail for t in (await session.exec(select(Topic))).all()}
    assert kept == {"东门路灯坏了": DETAIL, "路口加灯": LONGER}
    # staff read both whole in the list: the longer one in a message of its own before its item
    menu = await reply_to(d, STAFF, "🏛 议事管理", "选择要做的事")
    await d.tap(STAFF, "💡 处理议题", menu["message_id"])
    await d.expect(STAFF, "路口加灯", since=menu["message_id"])
    await d.expect(STAFF, "东门路灯坏了", since=menu["message_id"])
    shown = "".join(
        message_text(m) for m in await d.messages(STAFF) if m["message_id"] > menu["message_id"]
    )
    assert DETAIL in shown
    assert LONGER in shown
    assert "全文见上一条" in shown
