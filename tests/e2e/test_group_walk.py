"""Residents in the community's group, as they really write there: a voice note replying to the
bot's answer is kept for the private chat like words and photos (it used to get the generic
pointer and be lost), and the private chat's offer says what else was kept besides the words."""

from __future__ import annotations

from sandbox.driver import message_text
from sandbox.emulator import BOT_USERNAME
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import png

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
    # 黄奶奶 mentions the bot under a photo of the broken lamp
    sent = await d.send(HUANG, f"@{BOT_USERNAME} 路灯坏了", photo=png(), chat=GROUP)
    [kept] = await d.replies(GROUP, sent["message_id"])
    assert "已经记下" in message_text(kept)
    # in the private chat the offer holds the words and says what came with them
    start = await d.send(ZHOU, "/start g")
    offer = await d.expect(ZHOU, "您在群里说的事", since=start["message_id"])
    assert "3单元楼道灯坏了" in message_text(offer) and "语音 1 条" in message_text(offer)
    await d.tap(ZHOU, "报给社区", offer["message_id"])
    [*_, preview] = await d.say(ZHOU, "✅ 说完了")
    assert "语音：1 条" in message_text(preview), message_text(preview)
    start = await d.send(HUANG, "/start g")
    offer = await d.expect(HUANG, "您在群里说的事", since=start["message_id"])
    assert "路灯坏了" in message_text(offer) and "照片 1 张" in message_text(offer)
    assert not await d.errors()
