"""Optional steps passed over in words, as older users type rather than tap 跳过: '不需要' /
'没有' at a poll's quorum and threshold, '没有' as a topic's explanation, '不用了' at the phone
step of registration. Before, each was refused ('比例格式不对', a phone number asked again) or
stored as the text ('没有' as the topic's explanation)."""

from __future__ import annotations

from sqlmodel import select

from models import User
from models.consultations import Poll, Topic
from sandbox.driver import message_text
from tests.consult.poll_form import to_close_step
from tests.consult.test_e2e_topic_staff_card import _propose
from tests.e2e.conftest import Harness
from tests.support import reply_to

STAFF = 2001  # 李社工, 阳光社区
NEW = 5001  # 小林, unregistered


async def test_poll_quorum_and_threshold_passed_over_in_words(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await to_close_step(d, "小区停车位怎么分配？", "按先来后到\n抽签")
    read = await reply_to(d, STAFF, "下周一 晚上8点", "匿名还是实名")
    await d.tap(STAFF, "匿名", read["message_id"])
    ask = await d.expect(STAFF, "结果什么时候公开", since=read["message_id"])
    await d.tap(STAFF, "截止后公开", ask["message_id"])
    await d.expect(STAFF, "参与比例才有效", since=ask["message_id"])
    await reply_to(d, STAFF, "不需要", "赞成须达到")
    sent = await d.send(STAFF, "没有")
    await d.expect(STAFF, "预览", since=sent["message_id"])
    async with h.sessionmaker() as session:
        poll = (await session.exec(select(Poll))).one()
    assert poll.quorum_num is None and poll.threshold_num is None
    assert await d.errors() == []


async def test_topic_explanation_passed_over_in_words(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    await _propose(h.driver, "楼道堆物", "没有")
    async with h.sessionmaker() as session:
        topic = (await session.exec(select(Topic))).one()
    assert topic.title == "楼道堆物" and not topic.detail


async def test_phone_passed_over_in_words(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    [consent] = await d.say(NEW, "我住阳光社区一号楼五零二")
    await d.tap(NEW, "同意并继续", consent["message_id"])
    await d.expect(NEW, "手机号")
    done = await d.say(NEW, "不用了")
    assert any("登记完成" in message_text(m) for m in done), [message_text(m) for m in done]
    async with h.sessionmaker() as session:
        user = await session.get(User, NEW)
    assert user is not None and user.registered and not user.phone
