"""What residents type is read as they mean it: a topic proposed before registering stays a topic,
an offer answered says which way it went, consent and a category typed read as the buttons, and
a long question for the office gets the office's contacts."""

from __future__ import annotations

import pytest
from sqlmodel import col, select

from models import User
from models.orders import Request
from sandbox.driver import Driver, message_text
from tests.e2e.conftest import Harness
from tests.e2e.test_english_resident_walk import _register as register_alex
from tests.e2e.test_register_first import _register
from tests.support import inline_labels, reply_to

NEW = 5001  # 小林, unregistered
ALEX = 5002  # English, unregistered
ZHOU = 4001  # 周阿姨, 阳光社区 1号楼 302

OFFICE_PHONE = "021-55500101"  # 阳光社区's office, in the demo org


async def _now(d: Driver, user: int, message_id: int) -> dict:
    """The message as it stands now (after edits)."""
    [now] = [m for m in await d.messages(user) if m["message_id"] == message_id]
    return now


async def test_topic_told_before_registering_is_offered_as_a_topic(
    linli_sandbox: Harness,
) -> None:
    d = linli_sandbox.driver
    kept = await reply_to(d, NEW, "我想提个议题：电梯费用应该公开", "先记下了")
    assert "议题" in message_text(kept) and "电梯费用应该公开" in message_text(kept)
    await d.tap(NEW, "🏠 现在登记", kept["message_id"])
    done = await _register(d, NEW, kept["message_id"])
    offer = await d.expect(NEW, "您想提的议题", since=done["message_id"])
    assert "电梯费用应该公开" in message_text(offer)
    assert inline_labels(offer) == ["💡 作为议题提交", "📝 报给社区"]
    # not started as a request draft
    later = [message_text(m) for m in await d.messages(NEW, done["message_id"])]
    assert not [t for t in later if "说完后请点" in t], later
    await d.tap(NEW, "💡 作为议题提交", offer["message_id"])
    await d.expect(NEW, "议题：「电梯费用应该公开」", since=offer["message_id"])
    # the offer shows what was chosen, without its buttons
    tapped = await _now(d, NEW, offer["message_id"])
    assert "✓ 已选：作为议题提交" in message_text(tapped), message_text(tapped)
    assert inline_labels(tapped) == []
    # a second tap on it (an old screen) is told what was chosen, politely
    again = await d.click(NEW, offer["message_id"], data="fb:topic")
    assert "已经选过了" in str(again["answer"]["text"]), again
    assert "作为议题提交" in str(again["answer"]["text"]), again


async def test_topic_told_before_registering_can_still_be_reported(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    kept = await reply_to(d, NEW, "我想提个议题：电梯费用应该公开", "先记下了")
    await d.tap(NEW, "🏠 现在登记", kept["message_id"])
    done = await _register(d, NEW, kept["message_id"])
    offer = await d.expect(NEW, "您想提的议题", since=done["message_id"])
    await d.tap(NEW, "📝 报给社区", offer["message_id"])
    await d.expect(NEW, "已经记下您说的话", since=offer["message_id"])
    assert "✓ 已选：报给社区" in message_text(await _now(d, NEW, offer["message_id"]))
    preview = await reply_to(d, NEW, "✅ 说完了", "分类")
    await d.tap(NEW, "确认提交", preview["message_id"])
    await d.expect(NEW, "已提交，编号", since=preview["message_id"] - 1)
    async with h.sessionmaker() as session:
        [req] = (await session.exec(select(Request).where(col(Request.resident_id) == NEW))).all()
    assert req.text == "我想提个议题：电梯费用应该公开"


async def test_english_topic_before_registering(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    kept = await reply_to(d, ALEX, "I propose: more benches by the gate", "topic you propose")
    assert "more benches by the gate" in message_text(kept)
    await register_alex(h)
    offer = await d.expect(ALEX, "Propose as a topic", since=kept["message_id"])
    assert inline_labels(offer) == ["💡 Propose as a topic", "📝 Report it"]
    await d.tap(ALEX, "Propose as a topic", offer["message_id"])
    tapped = await _now(d, ALEX, offer["message_id"])
    assert "✓ Chosen: Propose as a topic" in message_text(tapped), message_text(tapped)


async def test_menu_offer_shows_the_choice(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    offer = await reply_to(d, ZHOU, "楼下的垃圾桶满了好几天没人收", "要把这件事报给社区吗")
    await d.tap(ZHOU, "📝 报给社区", offer["message_id"])
    await d.expect(ZHOU, "已经记下您说的话", since=offer["message_id"])
    tapped = await _now(d, ZHOU, offer["message_id"])
    assert message_text(tapped).startswith(message_text(offer)), message_text(tapped)
    assert message_text(tapped).endswith("✓ 已选：报给社区"), message_text(tapped)
    assert inline_labels(tapped) == []
    again = await d.click(ZHOU, offer["message_id"], data="fb:file")
    assert "已经选过了：「报给社区」" in str(again["answer"]["text"]), again


@pytest.mark.parametrize(
    ("user", "said", "next_step"),
    [
        (ALEX, "yes, I agree", "choose your community"),
        (ALEX, "ok", "choose your community"),
        (NEW, "agree", "请选择您所在的社区"),
        (NEW, "同意", "请选择您所在的社区"),
    ],
)
async def test_consent_typed(linli_sandbox: Harness, user: int, said: str, next_step: str) -> None:
    d = linli_sandbox.driver
    start = await d.send(user, "🏠 登记住址" if user == NEW else "🏠 Register address")
    consent = "个人信息使用说明" if user == NEW else "How we use your personal data"
    asked = await d.expect(user, consent, since=start["message_id"])
    assert inline_labels(asked), asked  # the consent, with its buttons
    await reply_to(d, user, said, next_step)
    assert inline_labels(await _now(d, user, asked["message_id"])) == []


async def test_consent_typed_no_and_unreadable(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    start = await d.send(NEW, "🏠 登记住址")
    await d.expect(NEW, "个人信息使用说明", since=start["message_id"])
    # words that are no answer keep the polite buttons answer, and the step
    await reply_to(d, NEW, "这是干什么用的", "请点上面消息里的按钮")
    await reply_to(d, NEW, "不同意", "不会保存您的信息")
    async with linli_sandbox.sessionmaker() as session:
        user = await session.get(User, NEW)
    assert user is not None and user.consent_at is None


async def test_category_typed_at_the_preview(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await d.say(ZHOU, "📝 我要点单")
    await d.say(ZHOU, "楼道里堆了很多杂物")
    preview = await reply_to(d, ZHOU, "✅ 说完了", "分类")
    moved = await reply_to(d, ZHOU, "维修", "分类改成了「水电维修」")
    assert "分类：水电维修" in message_text(moved)
    moved = await reply_to(d, ZHOU, "it's about repairs", "分类改成了「水电维修」")
    moved = await reply_to(d, ZHOU, "环境卫生", "分类改成了「环境卫生与绿化」")
    # words that name no category are still more of the matter
    added = await reply_to(d, ZHOU, "三楼也一样", "补充进去了")
    assert "分类：环境卫生与绿化" in message_text(added)
    await d.tap(ZHOU, "确认提交", added["message_id"])
    await d.expect(ZHOU, "已提交，编号", since=preview["message_id"])
    async with h.sessionmaker() as session:
        [req] = (await session.exec(select(Request).where(col(Request.resident_id) == ZHOU))).all()
    assert req.category == "sanitation"
    assert req.text == "楼道里堆了很多杂物\n三楼也一样", req.text


async def test_long_question_for_the_office(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    [answer] = await d.say(ZHOU, "请问社区办公室的电话是多少啊我想打过去问问")
    said = message_text(answer)
    assert OFFICE_PHONE in said and "办公时间" in said, said
    assert not inline_labels(answer), answer  # not offered as a request


async def test_long_question_for_the_office_in_english(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    # not registered yet: how to get the office's contacts, nothing kept as a matter
    [before] = await d.say(ALEX, "what is the phone number of the community")
    assert "We do not know your community yet" in message_text(before), message_text(before)
    await register_alex(h)
    [answer] = await d.say(ALEX, "what is the phone number of the community")
    said = message_text(answer)
    # the office's data is as the community wrote it (Chinese), with English labels around it
    assert f"Phone: {OFFICE_PHONE}" in said and "Opening hours: " in said, said
    assert "Address: " in said and "service centre" in said, said
    assert "What you told us before registering" not in "\n".join(
        message_text(m) for m in await d.messages(ALEX, before["message_id"])
    )


async def test_volunteer_consent_typed(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    [asked] = await d.say(ZHOU, "🙋 党员/志愿者报到")
    assert "个人信息使用说明" in message_text(asked) and inline_labels(asked)
    await reply_to(d, ZHOU, "好的，同意", "姓名")
    assert inline_labels(await _now(d, ZHOU, asked["message_id"])) == []
    await reply_to(d, ZHOU, "✖️ 取消", "已取消")
    # at the next sign-up, 'no' typed stops it, as 不同意 does
    [again] = await d.say(ZHOU, "🙋 党员/志愿者报到")
    await reply_to(d, ZHOU, "no", "报到不继续了")
    assert inline_labels(await _now(d, ZHOU, again["message_id"])) == []
