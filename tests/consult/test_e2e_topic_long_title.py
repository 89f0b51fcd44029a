"""A resident who types the whole matter as a topic's title (longer than a title) loses none
of it: it is kept as the topic's explanation and a short title is asked for; the topic is
filed once that is typed. Before, '议题标题最多 100 个字' sent them back to type it all again."""

from __future__ import annotations

from sqlmodel import select

from models.consultations import Topic
from sandbox.driver import message_text
from tests.e2e.conftest import Harness

ZHOU = 4001  # 周阿姨
STAFF = 2001  # 李社工

WHOLE = "我们小区东门口的路灯已经坏了好几个月了，晚上老人出门散步非常不安全，" * 4


async def test_long_title_is_kept_as_the_explanation(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    [hub] = await d.say(ZHOU, "🗳 近期议事")
    await d.tap(ZHOU, "✍️ 提议题", hub["message_id"])
    await d.expect(ZHOU, "想讨论的事")
    [asked] = await d.say(ZHOU, WHOLE)
    assert "已经记作议题的说明" in message_text(asked), message_text(asked)
    assert "最多 100 个字" not in message_text(asked)
    [done] = await d.say(ZHOU, "东门路灯坏了")
    assert "议题已提交：东门路灯坏了" in message_text(done), message_text(done)
    async with h.sessionmaker() as session:
        topic = (await session.exec(select(Topic))).one()
    assert (topic.title, topic.detail) == ("东门路灯坏了", WHOLE.strip())
    notice = await d.expect(STAFF, "新议题")
    assert "东门路灯坏了" in message_text(notice)
