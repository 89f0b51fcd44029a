"""Residents in the community's group, as they really write there: a voice note or a location
replying to the bot's answer is kept for the private chat like words and photos (it used to get
the generic pointer and be lost), and the private chat's offer says what was kept besides words.
The community's public channel: a poll's result posted there masks a phone number staff typed
into the question or an option (it used to be published in full); a result card masks an e-mail
address or a WeChat id a member's report gave, as it masks a phone number."""

from __future__ import annotations

from datetime import timedelta

from sandbox.driver import message_text
from sandbox.emulator import BOT_USERNAME
from tests.consult.test_e2e_polls import AFTER_JUMP, CHANNEL, CLOSES, ballot, create_poll
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import LIU, STAFF, _file, _open_card, png

GROUP = -100900  # 阳光社区居民群 (a group of the test's own)
ZHOU = 4001  # 周阿姨, 1号楼 302
HUANG = 4005  # 黄奶奶
OGG = b"OggS" + bytes(60)


async def test_a_voice_note_replying_to_the_bot_in_a_group_is_kept(
    linli_sandbox: Harness,
) -> None:
    d = linli_sandbox.driver
    await d.add_group(id=GROUP, title="阳光社区居民群", members=[ZHOU, HUANG])
    sent = await d.send(ZHOU, f"@{BOT_USERNAME} 3单元楼道灯坏了", chat=GROUP)
    [answer] = await d.replies(GROUP, sent["message_id"])
    # 周阿姨 answers the bot's reply with a voice note, as older residents do
    sent = await d.send(ZHOU, voice=OGG, voice_duration=7, chat=GROUP)
    assert not await d.replies(GROUP, sent["message_id"], timeout=1)  # not to the bot: left
    sent = await d.send(
        ZHOU, voice=OGG, voice_duration=9, chat=GROUP, reply_to_message_id=answer["message_id"]
    )
    [kept] = await d.replies(GROUP, sent["message_id"])
    assert "已经记下" in message_text(kept), message_text(kept)
    # and shares where the lamp is, under the same answer
    sent = await d.send(
        ZHOU, location=(31.2304, 121.4737), chat=GROUP, reply_to_message_id=answer["message_id"]
    )
    [kept] = await d.replies(GROUP, sent["message_id"])
    assert "已经记下" in message_text(kept), message_text(kept)
    # 黄奶奶 mentions the bot under a photo of the broken lamp
    sent = await d.send(HUANG, f"@{BOT_USERNAME} 路灯坏了", photo=png(), chat=GROUP)
    [kept] = await d.replies(GROUP, sent["message_id"])
    assert "已经记下" in message_text(kept)
    # in the private chat the offer holds the words and says what came with them
    start = await d.send(ZHOU, "/start g")
    offer = await d.expect(ZHOU, "您在群里说的事", since=start["message_id"])
    for said in ("3单元楼道灯坏了", "语音 1 条", "位置 1 个"):
        assert said in message_text(offer), message_text(offer)
    await d.tap(ZHOU, "报给社区", offer["message_id"])
    [*_, preview] = await d.say(ZHOU, "✅ 说完了")
    assert "语音：1 条" in message_text(preview), message_text(preview)
    start = await d.send(HUANG, "/start g")
    offer = await d.expect(HUANG, "您在群里说的事", since=start["message_id"])
    assert "路灯坏了" in message_text(offer) and "照片 1 张" in message_text(offer)
    assert not await d.errors()


async def test_a_poll_result_in_the_public_channel_masks_phone_numbers(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    await create_poll(
        d,
        question="1号楼加装电梯，有疑问找王阿姨13812345678，您是否同意？",
        options=["同意", "反对（意见请打 13900001111）"],
        household=False,
        quorum="1/3",
        basis="按人数",
        threshold="1/2",
        named=False,
    )
    paper = await ballot(d, ZHOU)
    await d.tap(ZHOU, "反对", paper["message_id"])
    await d.expect(ZHOU, "已投票")
    h.clock.set(CLOSES + timedelta(seconds=1))
    result = await d.expect(CHANNEL, "投票结果：1号楼加装电梯", timeout=AFTER_JUMP)
    text = message_text(result)
    assert "13812345678" not in text and "13900001111" not in text, text
    # and the person named by surname and an honorific starred out: no name in public
    assert "***138****5678" in text and "反对（意见请打 139****1111）: 1" in text, text
    assert "王阿姨" not in text, text
    # those the poll was for read it as it was put to them, in their private chat
    private = await d.expect(ZHOU, "投票结果：1号楼加装电梯", timeout=AFTER_JUMP)
    assert "13812345678" in message_text(private)
    assert not await d.errors()


async def test_a_result_card_masks_an_email_and_a_wechat_id(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, ZHOU, "3单元楼道灯坏了，晚上很黑")
    await _open_card(h, number)
    await d.tap(STAFF, "派单")
    await d.expect(STAFF, f"为诉求 {number} 派单")
    await d.tap(STAFF, "改为全社区")
    await d.expect(STAFF, "全社区的党员")
    await d.tap(STAFF, "发布工单")
    order_no = message_text(await d.expect(STAFF, "已发布")).split("工单 ")[1].split(" ")[0]
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.click(LIU, offer["message_id"], text="✋ 接单")
    await d.expect(LIU, f"您已接下工单 {order_no}", since=offer["message_id"])
    await d.say(LIU, "📌 我的工单")
    await d.tap(LIU, f"查看 {order_no}")
    await d.tap(LIU, "完成上报")
    await d.say(LIU, "换了新灯，住户女儿在场，有问题加她微信wxf1990或发邮件fang@qq.com")
    await d.send(LIU, photo=png())
    await d.expect(LIU, "收到照片")
    await d.say(LIU, "✅ 说完了")
    verify = await d.expect(STAFF, "请验收")
    await d.tap(STAFF, "验收通过", verify["message_id"])
    text = message_text(await d.expect(CHANNEL, "组织晒单"))
    assert "wxf1990" not in text and "fang@qq.com" not in text, text
    assert "微信w******" in text and "f***@qq.com" in text, text
    assert not await d.errors()


async def test_a_result_card_names_no_resident(linli_sandbox: Harness) -> None:
    """A member's report naming other residents than the one who asked ('吴大爷', a neighbour
    called '王先生'): the public card stars them out as it stars out the resident's own name;
    the member who agreed to be named is still named. Before, only the asker's name was."""
    h = linli_sandbox
    d = h.driver
    number = await _file(h, ZHOU, "3单元楼道灯坏了，晚上很黑")
    await _open_card(h, number)
    await d.tap(STAFF, "派单")
    await d.expect(STAFF, f"为诉求 {number} 派单")
    await d.tap(STAFF, "改为全社区")
    await d.expect(STAFF, "全社区的党员")
    await d.tap(STAFF, "发布工单")
    order_no = message_text(await d.expect(STAFF, "已发布")).split("工单 ")[1].split(" ")[0]
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.click(LIU, offer["message_id"], text="✋ 接单")
    await d.expect(LIU, f"您已接下工单 {order_no}", since=offer["message_id"])
    await d.say(LIU, "📌 我的工单")
    await d.tap(LIU, f"查看 {order_no}")
    await d.tap(LIU, "完成上报")
    await d.say(LIU, "周阿姨家门口和吴大爷家门口的灯都换了，王先生帮忙扶的梯子")
    await d.send(LIU, photo=png())
    await d.expect(LIU, "收到照片")
    await d.say(LIU, "✅ 说完了")
    verify = await d.expect(STAFF, "请验收")
    await d.tap(STAFF, "验收通过", verify["message_id"])
    text = message_text(await d.expect(CHANNEL, "组织晒单"))
    for name in ("周阿姨", "吴大爷", "王先生"):
        assert name not in text, text
    assert "家门口的灯都换了" in text and "服务：刘建国" in text, text  # the member agreed
    assert not await d.errors()


async def test_a_private_chat_button_tapped_in_a_group_is_answered_politely(
    linli_sandbox: Harness,
) -> None:
    """A private chat's message forwarded to the group keeps its buttons: tapped there, they do
    nothing (no staff screen posted in the group, no language changed for the tapper) and the
    tapper is told where buttons work."""
    d = linli_sandbox.driver
    await d.add_group(id=GROUP, title="阳光社区居民群", members=[ZHOU, STAFF])
    [pointer] = await d.say(ZHOU, f"@{BOT_USERNAME}", chat=GROUP)
    for user, data in ((ZHOU, "lang:en"), (ZHOU, "prof:phone"), (STAFF, "ml:1")):
        tapped = await d.click(user, pointer["message_id"], data=data, chat=GROUP)
        answer = tapped["answer"] or {}
        assert "只能在和我的私聊里用" in str(answer.get("text")), tapped
        assert answer.get("show_alert"), tapped
    sent = await d.send(ZHOU, f"@{BOT_USERNAME} 谢谢", chat=GROUP)
    await d.replies(GROUP, sent["message_id"])
    # nothing else was posted in the group since the pointer, and 周阿姨 still reads Chinese
    posted = [
        message_text(m)
        for m in await d.messages(GROUP, pointer["message_id"])
        if (m.get("from") or {}).get("is_bot")
    ]
    assert len(posted) == 1 and "不客气" in posted[0], posted
    assert not await d.messages(ZHOU) and not await d.messages(STAFF)
    assert not await d.errors()


async def test_a_phone_shown_in_the_group_is_warned_of(linli_sandbox: Harness) -> None:
    """A phone number shared as a contact under the bot's answer, or typed in a matter told to
    the bot in the group: everyone there can read it, and the answer says so (and how to take
    it back). The contact is not kept; the matter still is, for the private chat. Before, the
    contact got the generic pointer and the typed number no word."""
    d = linli_sandbox.driver
    await d.add_group(id=GROUP, title="阳光社区居民群", members=[ZHOU])
    sent = await d.send(ZHOU, f"@{BOT_USERNAME} 3单元楼道灯坏了，我电话13912345678", chat=GROUP)
    [kept] = await d.replies(GROUP, sent["message_id"])
    assert "已经记下" in message_text(kept)
    assert "群里的人都能看到" in message_text(kept), message_text(kept)
    sent = await d.send(
        ZHOU, contact="13912345678", chat=GROUP, reply_to_message_id=kept["message_id"]
    )
    [warned] = await d.replies(GROUP, sent["message_id"])
    assert message_text(warned).startswith("⚠️ 这个电话号码群里的人都能看到"), message_text(warned)
    assert "13912345678" not in message_text(warned)
    # a matter told without a number: no warning
    sent = await d.send(ZHOU, f"@{BOT_USERNAME} 门口的路灯也不亮", chat=GROUP)
    [plain] = await d.replies(GROUP, sent["message_id"])
    assert "群里的人都能看到" not in message_text(plain)
    assert await d.errors() == []
