"""Someone not registered follows a group notice's 💬 私聊报名 (/start m12) or 💬 私聊投票
(/start p3): they are asked to register first (🏠 现在登记), and once registered they are shown
the meeting's card with its RSVP buttons (the poll's vote button). Before, registration ended at
the menu and the meeting or poll they came for was not shown again."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.e2e.test_group_membership import _open_poll, _publish
from tests.e2e.test_register_first import NEW, _register
from tests.support import inline_labels


async def test_meeting_link_is_shown_after_registering(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    meeting_id = await _publish(h, "十二月居民议事会")
    sent = await d.send(NEW, f"/start m{meeting_id}")
    first = await d.expect(NEW, "先登记住址", since=sent["message_id"])
    assert "这场议事会" in message_text(first)
    assert inline_labels(first) == ["🏠 现在登记"]
    await d.tap(NEW, "🏠 现在登记", first["message_id"])
    done = await _register(d, NEW, first["message_id"])
    card = await d.expect(NEW, "十二月居民议事会", since=done["message_id"])
    assert "去" in inline_labels(card), inline_labels(card)
    await d.tap(NEW, "去", card["message_id"])
    await d.expect(NEW, "已报名", since=done["message_id"])
    assert await d.errors() == []


async def test_poll_link_is_shown_after_registering(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    poll_id = await _open_poll(h, "小区东门是否晚上十点关闭？")
    sent = await d.send(NEW, f"/start p{poll_id}")
    first = await d.expect(NEW, "先登记住址", since=sent["message_id"])
    assert "这次投票" in message_text(first)
    # registered another way (the menu's 🏠 登记住址): still shown the poll afterwards
    again = await d.send(NEW, "/register")
    done = await _register(d, NEW, again["message_id"])
    offer = await d.expect(NEW, "东门", since=done["message_id"])
    assert inline_labels(offer) == ["🗳 去投票"], inline_labels(offer)
    assert await d.errors() == []
