"""A resident types a topic straight at the menu ('我想提个议题：…'): the bot offers to propose
it as a topic (or to report it to the office, her choice), and 💡 作为议题提交 files it with
what she typed as the title — nothing typed twice. Before, '我想提个议题：…' was only offered to
be filed as a request ('要把这件事报给社区吗？'), and the topic had to be typed again in
🗳 近期议事 → ✍️ 提议题."""

from __future__ import annotations

from sqlmodel import select

from models.consultations import Topic
from models.orders import Request
from sandbox.driver import message_text
from tests.e2e.conftest import Harness

ZHOU = 4001  # 周阿姨
STAFF = 2001  # 李社工


async def test_topic_typed_at_the_menu_is_proposed(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    [offer] = await d.say(ZHOU, "我想提个议题：电梯费用低层住户能不能少出一点")
    said = message_text(offer)
    assert "「电梯费用低层住户能不能少出一点」" in said, said
    labels = [b["text"] for row in offer["reply_markup"]["inline_keyboard"] for b in row]
    assert labels == ["💡 作为议题提交", "📝 报给社区"]
    await d.tap(ZHOU, "💡 作为议题提交", offer["message_id"])
    asked = await d.expect(ZHOU, "可以再补充几句说明")
    assert "议题：「电梯费用低层住户能不能少出一点」" in message_text(asked)
    [done] = await d.say(ZHOU, "一楼二楼住户基本不用电梯，希望按楼层分摊")
    assert "议题已提交：电梯费用低层住户能不能少出一点" in message_text(done), message_text(done)
    async with h.sessionmaker() as session:
        topic = (await session.exec(select(Topic))).one()
        requests = (await session.exec(select(Request))).all()
    assert (topic.title, topic.detail, topic.proposer_id) == (
        "电梯费用低层住户能不能少出一点",
        "一楼二楼住户基本不用电梯，希望按楼层分摊",
        ZHOU,
    )
    assert requests == []  # a topic, not a request
    notice = await d.expect(STAFF, "新议题")
    assert "电梯费用低层住户能不能少出一点" in message_text(notice)
    # the offer's buttons are gone: a second tap on it cannot propose it twice
    answer = await d.click(ZHOU, offer["message_id"], data="fb:topic")
    assert answer["answer"]["show_alert"]
    async with h.sessionmaker() as session:
        assert len((await session.exec(select(Topic))).all()) == 1


async def test_a_suggestion_can_still_be_reported(linli_sandbox: Harness) -> None:
    """'建议…' also begins requests for the office: 📝 报给社区 on the same offer starts the
    request with the words typed, and no topic is made."""
    h = linli_sandbox
    d = h.driver
    [offer] = await d.say(ZHOU, "建议物业把1号楼楼道灯修一下")
    assert "「建议物业把1号楼楼道灯修一下」" in message_text(offer)
    await d.tap(ZHOU, "📝 报给社区", offer["message_id"])
    started = await d.expect(ZHOU, "已经记下您说的话")
    assert "说完了" in message_text(started)
    async with h.sessionmaker() as session:
        assert (await session.exec(select(Topic))).all() == []


async def test_a_long_proposal_is_kept_as_the_explanation(linli_sandbox: Harness) -> None:
    """Longer than a title: kept whole as the explanation, a one-line title asked for."""
    h = linli_sandbox
    d = h.driver
    whole = "小区东门口的路灯已经坏了好几个月，晚上老人出门散步非常不安全，希望大家一起商量。" * 3
    [offer] = await d.say(ZHOU, f"提议：{whole}")
    await d.tap(ZHOU, "💡 作为议题提交", offer["message_id"])
    await d.expect(ZHOU, "已经记作议题的说明")
    [done] = await d.say(ZHOU, "东门路灯坏了")
    assert "议题已提交：东门路灯坏了" in message_text(done), message_text(done)
    async with h.sessionmaker() as session:
        topic = (await session.exec(select(Topic))).one()
    assert (topic.title, topic.detail) == ("东门路灯坏了", whole)


async def test_asking_how_is_not_a_proposal(linli_sandbox: Harness) -> None:
    """'我想提个议题' alone, or '议题征集在哪里', is a question how: answered, not offered."""
    d = linli_sandbox.driver
    for asked in ("我想提个议题", "议题征集在哪里"):
        [answer] = await d.say(ZHOU, asked)
        assert "作为议题提交" not in str(answer.get("reply_markup")), message_text(answer)
