"""The bot in a group or a channel: commands and menu buttons there get a short pointer to the
private chat (in the sender's language), never the private menu's reply keyboard."""

from __future__ import annotations

from typing import Any

import pytest
from aiogram.types import Update

from sandbox.driver import message_text
from sandbox.emulator import BOT_USERNAME
from tests.e2e.conftest import Harness

GROUP = -100900  # a building's residents' group with the bot in it
CHANNEL = -1001000000001  # 阳光社区公示 (demo), the bot posts there
ZHOU = 4001  # 周阿姨, resident
ALEX = 5002  # English
STAFF = 2001  # 李社工
ADMIN = 1001


def _assert_pointer(reply: dict[str, Any], *, words: str) -> None:
    """A short answer with a link to the bot and no reply keyboard."""
    text = message_text(reply)
    assert words in text and f"@{BOT_USERNAME}" in text
    markup = reply.get("reply_markup") or {}
    assert "keyboard" not in markup, "no reply keyboard in a group"
    [[button]] = markup["inline_keyboard"]
    assert button["url"] == f"https://t.me/{BOT_USERNAME}"


@pytest.mark.parametrize("group_type", ["group", "supergroup"])
async def test_start_in_a_group_points_to_the_private_chat(
    linli_sandbox: Harness, group_type: str
) -> None:
    d = linli_sandbox.driver
    await d.add_group(id=GROUP, title="1号楼邻里群", type=group_type, members=[ZHOU, ALEX, STAFF])
    sent = await d.send(ZHOU, "/start", chat=GROUP)
    [reply] = await d.replies(GROUP, sent["message_id"])
    _assert_pointer(reply, words="私聊")
    assert (reply.get("reply_to_message") or {}).get("message_id") == sent["message_id"]
    [english] = await d.say(ALEX, f"/start@{BOT_USERNAME}", chat=GROUP)
    _assert_pointer(english, words="private chat")
    # nothing was sent to the private chats either
    assert not await d.messages(ZHOU) and not await d.messages(ALEX)


async def test_private_only_commands_and_menu_buttons_in_a_group(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    await d.add_group(id=GROUP, title="网格群", members=[ZHOU, STAFF, ADMIN])
    for user, said in [
        (ZHOU, "/help"),
        (ZHOU, "/register"),
        (ZHOU, "/cancel"),
        (ZHOU, "📝 我要点单"),
        (ZHOU, "✖️ 取消"),
        (STAFF, "/stats"),
        (ADMIN, "/category add 其他 other"),
        (ADMIN, "/admin"),
    ]:
        [reply] = await d.say(user, said, chat=GROUP)
        _assert_pointer(reply, words="私聊")
    # ordinary chatter in the group is left alone
    sent = await d.send(ZHOU, "大家好，今晚停水吗？", chat=GROUP)
    await d.send(ZHOU, "/help", chat=GROUP)  # a marker: its answer comes after any other
    replies = await d.replies(GROUP, sent["message_id"])
    assert len(replies) == 1 and "私聊" in message_text(replies[0])
    # the private chat still gets the menu
    [menu] = await d.say(ZHOU, "/start")
    assert (menu.get("reply_markup") or {}).get("keyboard")


async def test_command_posted_in_a_channel_gets_a_pointer(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    before = await d.messages(CHANNEL)
    app = h.sandbox.app
    # a channel admin posts /start in the community's public channel (the emulator has no
    # channel authors, so the update is fed to the dispatcher as Telegram would send it)
    post = {
        "message_id": 9001,
        "date": 1764000000,
        "chat": {"id": CHANNEL, "type": "channel", "title": "阳光社区公示"},
        "sender_chat": {"id": CHANNEL, "type": "channel", "title": "阳光社区公示"},
        "text": "/start",
        "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
    }
    await app.dp.feed_update(app.bot, Update(update_id=900001, channel_post=post))
    [answer] = [m for m in await d.messages(CHANNEL) if m not in before]
    _assert_pointer(answer, words="私聊")


async def test_a_matter_told_to_the_bot_in_a_group_waits_in_the_private_chat(
    linli_sandbox: Harness,
) -> None:
    """周阿姨 mentions the bot in the building's group with a matter: the group gets a pointer
    (never her words back, never a form), and /start in the private chat — what the link's
    button sends — offers that matter to be filed, as if she had typed it there."""
    h = linli_sandbox
    d = h.driver
    await d.add_group(id=GROUP, title="1号楼邻里群", members=[ZHOU, STAFF])
    matter = "小区门口的垃圾好几天没人收了"
    sent = await d.send(ZHOU, f"@{BOT_USERNAME} {matter}", chat=GROUP)
    [reply] = await d.replies(GROUP, sent["message_id"])
    assert "已经记下" in message_text(reply) and matter not in message_text(reply)
    [[button]] = reply["reply_markup"]["inline_keyboard"]
    assert button["url"] == f"https://t.me/{BOT_USERNAME}?start=g"
    assert not await d.messages(ZHOU)  # nothing in the private chat until she opens it
    # a reply to the bot's message in the group is addressed to it too
    more = await d.send(
        ZHOU, "已经堆到路边了", chat=GROUP, reply_to_message_id=reply["message_id"]
    )
    [second] = await d.replies(GROUP, more["message_id"])
    assert "已经记下" in message_text(second)
    start = await d.send(ZHOU, "/start g")
    offer = await d.expect(ZHOU, "您在群里说的事", since=start["message_id"])
    assert matter in message_text(offer) and "已经堆到路边了" in message_text(offer)
    await d.tap(ZHOU, "报给社区", offer["message_id"])
    await d.expect(ZHOU, "已经记下您说的话", since=offer["message_id"])
    [*_, preview] = await d.say(ZHOU, "✅ 说完了")
    assert matter in message_text(preview)
    # offered once: a later /start does not offer it again
    again = await d.send(ZHOU, "/start")
    await d.send(ZHOU, "/help")  # a marker: its answer comes after all /start's
    await d.expect(ZHOU, "使用帮助", since=again["message_id"])
    later = [message_text(m) for m in await d.messages(ZHOU, again["message_id"])]
    assert not [t for t in later if "您在群里说的事" in t], later


async def test_a_bare_mention_gets_the_pointer_and_others_are_not_answered(
    linli_sandbox: Harness,
) -> None:
    d = linli_sandbox.driver
    await d.add_group(id=GROUP, title="1号楼邻里群", members=[ZHOU, ALEX, STAFF])
    [reply] = await d.say(ZHOU, f"@{BOT_USERNAME}", chat=GROUP)
    _assert_pointer(reply, words="私聊")
    # someone else's mention (not the bot) is chatter, left alone
    sent = await d.send(ZHOU, "@somebody_else 楼道灯坏了你知道吗", chat=GROUP)
    await d.send(ZHOU, "/help", chat=GROUP)  # a marker: its answer comes after any other
    replies = await d.replies(GROUP, sent["message_id"])
    assert len(replies) == 1 and "私聊" in message_text(replies[0])


async def test_an_unregistered_person_told_in_a_group_registers_then_files(
    linli_sandbox: Harness,
) -> None:
    d = linli_sandbox.driver
    await d.add_group(id=GROUP, title="1号楼邻里群", members=[ALEX, STAFF])
    [reply] = await d.say(ALEX, f"@{BOT_USERNAME} the lift is broken again", chat=GROUP)
    assert "noted" in message_text(reply)
    start = await d.send(ALEX, "/start g")
    kept = await d.expect(ALEX, "register your address first", since=start["message_id"])
    [[button]] = kept["reply_markup"]["inline_keyboard"]
    assert button["text"] == "🏠 Register now"


async def _told_in_group(d: Any, matter: str) -> None:
    """周阿姨 tells the bot a matter in the building's group (it waits in her private chat)."""
    await d.add_group(id=GROUP, title="1号楼邻里群", members=[ZHOU, STAFF])
    [reply] = await d.say(ZHOU, f"@{BOT_USERNAME} {matter}", chat=GROUP)
    assert "已经记下" in message_text(reply)


async def test_a_matter_told_in_a_group_starts_the_request_from_the_menu(
    linli_sandbox: Harness,
) -> None:
    """She opens the private chat herself (not the link) and taps 我要点单: the request starts
    with what she said in the group, shown back — she is not asked to say it again."""
    d = linli_sandbox.driver
    matter = "小区门口的垃圾好几天没人收了"
    await _told_in_group(d, matter)
    [*_, intro] = await d.say(ZHOU, "📝 我要点单")
    assert "您在群里说的，已经带过来了" in message_text(intro)
    assert matter in message_text(intro)
    [*_, preview] = await d.say(ZHOU, "✅ 说完了")
    assert matter in message_text(preview)
    # taken in once: cancelling and starting again asks afresh
    await d.say(ZHOU, "✖️ 取消")
    [*_, ask] = await d.say(ZHOU, "📝 我要点单")
    assert "已经带过来了" not in message_text(ask)


async def test_a_greeting_brings_up_a_matter_told_in_a_group(linli_sandbox: Harness) -> None:
    """'在吗' in the private chat: the menu, then the matter she told in the group, to file."""
    d = linli_sandbox.driver
    matter = "3号楼电梯又坏了，老人下不了楼"
    await _told_in_group(d, matter)
    sent = await d.send(ZHOU, "在吗")
    offer = await d.expect(ZHOU, "您在群里说的事", since=sent["message_id"])
    assert matter in message_text(offer)


async def test_a_matter_typed_after_telling_the_group_is_offered_with_it(
    linli_sandbox: Harness,
) -> None:
    """She types more about it in the private chat without /start: one offer holds both, and
    the request filed from it has both."""
    d = linli_sandbox.driver
    matter = "小区门口的垃圾好几天没人收了"
    await _told_in_group(d, matter)
    sent = await d.send(ZHOU, "已经堆到路边了，味道很大")
    offer = await d.expect(ZHOU, "合在一起", since=sent["message_id"])
    assert matter in message_text(offer) and "味道很大" in message_text(offer)
    await d.tap(ZHOU, "报给社区", offer["message_id"])
    await d.expect(ZHOU, "已经记下您说的话", since=offer["message_id"])
    [*_, preview] = await d.say(ZHOU, "✅ 说完了")
    assert matter in message_text(preview) and "味道很大" in message_text(preview)
    # the kept matter went into this one: a later /start does not offer it again
    again = await d.send(ZHOU, "/start")
    await d.send(ZHOU, "/help")
    await d.expect(ZHOU, "使用帮助", since=again["message_id"])
    later = [message_text(m) for m in await d.messages(ZHOU, again["message_id"])]
    assert not [t for t in later if "您在群里说的事" in t], later


async def test_thanks_and_how_to_questions_said_to_the_bot_in_a_group(
    linli_sandbox: Harness,
) -> None:
    """'@bot 谢谢' was kept as a matter for the private chat, and '@bot 怎么投票' too; now thanks
    is answered in the group and a how-to with how (in the private chat), nothing kept. A
    matter is still kept."""
    d = linli_sandbox.driver
    await d.add_group(id=GROUP, title="1号楼邻里群", members=[ZHOU, ALEX])
    [thanks] = await d.say(ZHOU, f"@{BOT_USERNAME} 谢谢你们啦", chat=GROUP)
    assert message_text(thanks) == "不客气！有需要随时找我们。"
    [howto] = await d.say(ZHOU, f"@{BOT_USERNAME} 怎么投票", chat=GROUP)
    assert "私聊" in message_text(howto) and "🗳 近期议事" in message_text(howto)
    assert "keyboard" not in (howto.get("reply_markup") or {})
    # a feature named bare too: in a group, how is the answer (its lists are the private chat's)
    [bare] = await d.say(ZHOU, f"@{BOT_USERNAME} 投票", chat=GROUP)
    assert "私聊" in message_text(bare) and "🗳 近期议事" in message_text(bare)
    assert "近期议事\n" not in message_text(bare)  # not the list itself
    [office] = await d.say(ZHOU, f"@{BOT_USERNAME} 社区电话是多少", chat=GROUP)
    assert "021-55500101" in message_text(office)
    [who] = await d.say(ZHOU, f"@{BOT_USERNAME} 你是谁", chat=GROUP)
    assert "不是真人" in message_text(who) and "t.me/" in str(who.get("reply_markup"))
    [english] = await d.say(ALEX, f"@{BOT_USERNAME} how do I vote", chat=GROUP)
    assert "private chat" in message_text(english)
    # none of that waits in the private chat as a matter to file
    [greeting] = await d.say(ZHOU, "你好")
    assert "群里说的" not in message_text(greeting), message_text(greeting)
    # a matter still does
    [kept] = await d.say(ZHOU, f"@{BOT_USERNAME} 楼道灯坏了", chat=GROUP)
    assert "已经记下" in message_text(kept)


async def test_a_matter_told_in_a_group_is_filed_with_a_typed_yes(
    linli_sandbox: Harness,
) -> None:
    """The offer /start makes of a matter told in the group is answered in words as the usual
    offer is: '好的' right under it files it (before, it got "好的。有需要时点下面的按钮就行"
    and the matter stayed unfiled); the offer says which way it went."""
    d = linli_sandbox.driver
    matter = "小区门口的垃圾好几天没人收了"
    await _told_in_group(d, matter)
    start = await d.send(ZHOU, "/start g")
    offer = await d.expect(ZHOU, "您在群里说的事", since=start["message_id"])
    assert "回一句「好的」" in message_text(offer)
    await d.say(ZHOU, "好的")
    await d.expect(ZHOU, "已经记下您说的话", since=offer["message_id"])
    [settled] = [m for m in await d.messages(ZHOU) if m["message_id"] == offer["message_id"]]
    assert "已选" in message_text(settled) and not settled.get("reply_markup")
    [*_, preview] = await d.say(ZHOU, "✅ 说完了")
    assert matter in message_text(preview)
    assert await d.errors() == []


async def test_a_newcomers_hello_and_thanks_back_are_not_kept_as_matters(
    linli_sandbox: Harness,
) -> None:
    """'@bot hello 你好 我是新来的' and '@bot 你也辛苦了' in a group were kept for the private chat
    as a matter to file ('这件事…已经记下'); now the hello gets the pointer to the private chat and
    the thanks are answered, nothing kept."""
    d = linli_sandbox.driver
    await d.add_group(id=GROUP, title="1号楼邻里群", members=[ZHOU])
    [hello] = await d.say(ZHOU, f"@{BOT_USERNAME} hello 你好 我是新来的", chat=GROUP)
    assert "已经记下" not in message_text(hello) and "私聊" in message_text(hello)
    [thanks] = await d.say(ZHOU, f"@{BOT_USERNAME} 你也辛苦了", chat=GROUP)
    assert message_text(thanks) == "不客气！有需要随时找我们。"
    [greeting] = await d.say(ZHOU, "你好")
    assert "群里说的" not in message_text(greeting), message_text(greeting)
    assert await d.errors() == []
