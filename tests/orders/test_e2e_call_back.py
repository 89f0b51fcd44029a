"""'你们能不能打个电话给我，我不会打字': someone who finds typing hard is told how to do without
(a voice note, the office's phone) and may ask the community to call them back with one tap:
a matter of theirs, with the number to call on the staff's card. Before, the words were
offered to be filed as the matter itself ('要把这件事报给社区吗？')."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import STAFF, WU, ZHOU

OFFER = "要把这件事报给社区吗"
NEWCOMER = 5001  # 小林, not registered


async def test_call_back_asked_without_a_phone_on_file(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    [answer] = await d.say(WU, "你们能不能打个电话给我，我不会打字")
    said = message_text(answer)
    assert "发语音" in said and "021-55500101" in said, said  # the office's phone
    assert OFFER not in said, said
    await d.tap(WU, "请社区回电", answer["message_id"])
    await d.expect(WU, "请留一个能接电话的号码", since=answer["message_id"])
    [again] = await d.say(WU, "我住1号楼")  # not a number: asked again, nothing filed
    assert "没看出号码来" in message_text(again), message_text(again)
    [filed] = await d.say(WU, "139 1234 5678")
    text = message_text(filed)
    assert "已请社区给您回电话，编号" in text and "13912345678" in text, text
    number = text.split("编号")[1].split("。")[0].strip()
    notice = await d.expect(STAFF, f"新诉求 {number}")
    assert "不会打字" in message_text(notice), message_text(notice)
    sent = await d.send(STAFF, number)  # the staff's card of it: the number to call
    card = await d.expect(STAFF, f"诉求 {number} · 待受理", since=sent["message_id"])
    assert "13912345678" in message_text(card), message_text(card)
    # the offer says what was chosen; tapping it again files nothing more
    tapped = await d.click(WU, answer["message_id"], data="cb:ask")
    assert "已经选过了" in tapped["answer"]["text"], tapped
    [mine] = await d.say(WU, "📂 我的诉求")
    assert "共 1 件" in message_text(mine), message_text(mine)
    assert await d.errors() == []


async def test_call_back_with_a_phone_on_file_is_asked_at_once(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    [answer] = await d.say(ZHOU, "我眼睛不好，看不清字")
    assert "请社区回电" in str(answer.get("reply_markup")), answer
    await d.tap(ZHOU, "请社区回电", answer["message_id"])
    filed = await d.expect(ZHOU, "已请社区给您回电话", since=answer["message_id"])
    assert "13900000001" in message_text(filed), message_text(filed)


async def test_call_back_needs_an_address_first(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    [answer] = await d.say(NEWCOMER, "Can you call me? I can't type")
    said = message_text(answer)
    assert "先登记一下住址" in said and "发语音" not in said, said  # no office to call yet
    assert "cb:ask" not in str(answer.get("reply_markup")), answer  # 🏠 现在登记 instead
    forged = await d.click(NEWCOMER, answer["message_id"], data="cb:ask")
    assert "登记住址" in forged["answer"]["text"], forged
    assert await d.errors() == []


async def test_matter_said_at_the_number_is_kept(linli_sandbox: Harness) -> None:
    """'我家水管漏了' at the number step: kept as the matter's words and said so (before: only
    '没看出号码来', and the words were lost); the number then files it with them."""
    d = linli_sandbox.driver
    [answer] = await d.say(WU, "给我打个电话吧，我不会打字")
    await d.tap(WU, "请社区回电", answer["message_id"])
    await d.expect(WU, "请留一个能接电话的号码", since=answer["message_id"])
    [kept] = await d.say(WU, "我家水管漏了")
    said = message_text(kept)
    assert "「我家水管漏了」已经记下" in said and "号码" in said, said
    [filed] = await d.say(WU, "13912345678")
    number = message_text(filed).split("编号")[1].split("。")[0].strip()
    sent = await d.send(STAFF, number)
    card = await d.expect(STAFF, f"诉求 {number} · 待受理", since=sent["message_id"])
    assert "我家水管漏了" in message_text(card) and "13912345678" in message_text(card)
    assert await d.errors() == []


async def test_matter_and_number_in_one_message(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    [answer] = await d.say(WU, "你们能不能打个电话给我，我不会打字")
    await d.tap(WU, "请社区回电", answer["message_id"])
    await d.expect(WU, "请留一个能接电话的号码", since=answer["message_id"])
    [filed] = await d.say(WU, "楼道灯坏了，电话13912345678")
    text = message_text(filed)
    assert "已请社区给您回电话" in text and "13912345678" in text, text
    number = text.split("编号")[1].split("。")[0].strip()
    sent = await d.send(STAFF, number)
    card = await d.expect(STAFF, f"诉求 {number} · 待受理", since=sent["message_id"])
    assert "楼道灯坏了" in message_text(card), message_text(card)
    # words kept, then 取消: said that they were not passed on either
    [answer] = await d.say(WU, "给我打个电话吧")
    await d.tap(WU, "请社区回电", answer["message_id"])
    await d.expect(WU, "请留一个能接电话的号码", since=answer["message_id"])
    await d.say(WU, "门口垃圾好几天没人收")
    [cancelled] = await d.say(WU, "✖️ 取消")
    assert "没有交给社区" in message_text(cancelled), message_text(cancelled)
    assert await d.errors() == []
