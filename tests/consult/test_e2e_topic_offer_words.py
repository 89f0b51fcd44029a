"""The topic offered from words typed at the menu ("您想提的议题：…", with 💡 作为议题提交 and
📝 报给社区) answered in words right under it. Found walking the sandbox: 周阿姨 typed '提交'
(the offer says "点「💡 作为议题提交」就提交") and was asked "要把这件事报给社区吗？" about the
word '提交'; typing the button's words '作为议题提交' and then '好的' began a request reading
"作为议题提交" — the topic lost. Now '提交' / '作为议题' proposes it, '报给社区' files it,
'不要了' lets it go, and '好的' (either button) asks which."""

from __future__ import annotations

from sqlmodel import select

from models.consultations import Topic
from models.orders import Request
from sandbox.driver import message_text
from tests.consult.test_e2e_qa_polls import current, labels_of
from tests.e2e.conftest import Harness

ZHOU = 4001  # 周阿姨
WU = 4002  # 吴大爷
ALEX = 5002  # English


async def test_topic_offer_answered_in_words(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    [offer] = await d.say(ZHOU, "我想提个议题：小区东门晚上没有路灯")
    # '好的' fits either button: asked which, nothing begun
    [which] = await d.say(ZHOU, "好的")
    assert "请点上面的按钮选一个" in message_text(which), message_text(which)
    assert labels_of(await current(d, ZHOU, offer["message_id"])) == [
        "💡 作为议题提交",
        "📝 报给社区",
    ]
    # then '提交' (the offer says "点「💡 作为议题提交」就提交") proposes it, as the button does
    [asked] = await d.say(ZHOU, "提交")
    assert "可以再补充几句说明" in message_text(asked), message_text(asked)
    settled = await current(d, ZHOU, offer["message_id"])
    assert labels_of(settled) == [] and "作为议题提交" in message_text(settled)
    [done] = await d.say(ZHOU, "跳过")
    assert "议题已提交：小区东门晚上没有路灯" in message_text(done), message_text(done)
    # '报给社区' under it files it; '不要了' lets it go
    await d.say(WU, "我想提个议题：楼道堆放杂物")
    [draft] = await d.say(WU, "报给社区")
    assert "已经记下您说的话" in message_text(draft), message_text(draft)
    await d.say(WU, "✖️ 取消")
    await d.say(WU, "我想提个议题：楼下广场舞太吵")
    [left] = await d.say(WU, "不要了")
    assert "先不报了" in message_text(left), message_text(left)
    async with h.sessionmaker() as session:
        topics = (await session.exec(select(Topic))).all()
        requests = (await session.exec(select(Request))).all()
    assert [(x.title, x.proposer_id) for x in topics] == [("小区东门晚上没有路灯", ZHOU)]
    assert requests == []
    assert await d.errors() == []


async def test_the_buttons_words_typed(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    await d.say(ZHOU, "我想提个议题：东门装个监控")
    [asked] = await d.say(ZHOU, "作为议题提交")
    assert "可以再补充几句说明" in message_text(asked), message_text(asked)
    assert "报给社区" not in message_text(asked)
    assert await d.errors() == []
