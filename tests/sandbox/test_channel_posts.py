"""A channel's admins post in it (the bot gets `channel_post`, on behalf of the channel) and a
user forwards a message (`forward_origin` as Telegram sets it); the bot made an administrator
gets a `my_chat_member` that aiogram reads, with the rights getChatMember answers."""

from __future__ import annotations

import pytest
from aiogram.types import ChatMemberAdministrator, MessageOriginChannel, MessageOriginUser, Update

from sandbox.driver import Driver, DriverCallError
from sandbox.emulator import Emulator
from tests.sandbox.conftest import BotApi

CHANNEL = -100700


async def test_channel_posts_and_forwards(driver: Driver, api: BotApi, emulator: Emulator) -> None:
    await driver.add_group(
        id=CHANNEL, title="公示", type="channel", members=[1001], bot_status="administrator"
    )
    posted = await driver.send(1001, "本周公示", chat=CHANNEL)
    await driver.send(1001, forward=(CHANNEL, posted["message_id"]))
    said = await driver.send(1002, "group hello", chat=-100500)
    await driver.send(1002, forward=(-100500, said["message_id"]))
    raw = await api.ok("getUpdates")
    updates = [Update.model_validate(u) for u in raw]  # as aiogram reads them
    promoted = updates[0].my_chat_member
    assert promoted is not None
    assert isinstance(promoted.new_chat_member, ChatMemberAdministrator)
    assert promoted.new_chat_member.can_post_messages
    post = updates[1].channel_post
    assert post is not None and post.text == "本周公示" and post.from_user is None
    assert post.sender_chat is not None and post.sender_chat.id == CHANNEL
    forwarded = updates[2].message
    assert forwarded is not None and forwarded.chat.id == 1001 and forwarded.text == "本周公示"
    origin = forwarded.forward_origin
    assert isinstance(origin, MessageOriginChannel)
    assert (origin.chat.id, origin.chat.title, origin.message_id) == (CHANNEL, "公示", 1)
    from_group = updates[4].message
    assert from_group is not None and isinstance(from_group.forward_origin, MessageOriginUser)
    assert from_group.forward_origin.sender_user.id == 1002
    # a chat the user is not in (and has no username), a message that is not there: refused
    with pytest.raises(DriverCallError):
        await driver.send(1002, forward=(CHANNEL, 1))
    with pytest.raises(DriverCallError):
        await driver.send(1001, forward=(CHANNEL, 99))
    with pytest.raises(DriverCallError):
        await driver.send(1002, "not an admin", chat=CHANNEL)
    member = await api.ok("getChatMember", chat_id=CHANNEL, user_id=emulator.bot_id)
    assert ChatMemberAdministrator.model_validate(member) == promoted.new_chat_member
    assert await driver.errors() == []
