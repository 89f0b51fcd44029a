"""Quiet hours and a move said in words at the menu, as older residents say them.

'晚上别给我发消息', '晚上不要打扰我', "don't message me at night" turn quiet hours on (and
'夜里也通知我' off), in a message of their own with the button that switches them back; before,
the whole 我的资料 was opened (or, for '晚上不要打扰我', the words were offered to be filed).
'我搬家了' / '我搬到3号楼了' begin the address change, with the new address read where one was
said; before, 我的资料 was opened (or the words offered to be filed).
(services.smalltalk.quiet_wish, services.smalltalk.moved_to)"""

from __future__ import annotations

from models import Building, User
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.e2e.test_english_resident_walk import _register as register_alex
from tests.support import inline_labels, reply_to

ZHOU = 4001  # 周阿姨, 阳光社区 1号楼 302
WU = 4002  # 吴大爷, 阳光社区 1号楼 502
ALEX = 5002  # English, unregistered


async def _opted_out(h: Harness, user_id: int) -> bool:
    async with h.sessionmaker() as session:
        user = await session.get(User, user_id)
        assert user is not None
        return user.quiet_hours_opt_out


async def test_quiet_hours_said_in_words(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    told = await reply_to(d, ZHOU, "夜里也通知我", "夜里也给您发通知")
    assert "夜间免打扰：关" in message_text(told), message_text(told)
    assert inline_labels(told) == ["🔕 开启夜间免打扰"]
    assert await _opted_out(h, ZHOU)
    told = await reply_to(d, ZHOU, "晚上别给我发消息", "夜里不打扰您")
    text = message_text(told)
    assert "夜间免打扰：开（22:00–07:00" in text and "我的资料" not in text, text
    assert inline_labels(told) == ["🔔 夜里也通知我"]
    assert not await _opted_out(h, ZHOU)
    # the button under it switches it back, and the message says how it is now
    await d.tap(ZHOU, "🔔 夜里也通知我", told["message_id"])
    await d.expect(ZHOU, "夜间免打扰：关", since=told["message_id"] - 1)
    assert await _opted_out(h, ZHOU)
    told = await reply_to(d, ZHOU, "晚上不要打扰我", "夜里不打扰您")
    assert not await _opted_out(h, ZHOU)
    # English
    await register_alex(h)
    told = await reply_to(d, ALEX, "don't message me at night", "no messages at night")
    assert inline_labels(told) == ["🔔 Notify me at night too"], message_text(told)
    assert not await _opted_out(h, ALEX)
    assert await d.errors() == []


async def test_moving_said_in_words_begins_the_address_change(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    read = await reply_to(d, WU, "我搬到3号楼了", "阳光社区 · 3号楼")
    # said to someone already registered: changed again, not 'after registering'
    assert "就能再改" in message_text(read) and "登记好以后" not in message_text(read)
    await d.expect(WU, "请输入您的房号", since=read["message_id"])
    await d.say(WU, "201")
    await d.expect(WU, "手机号", since=read["message_id"])
    done = await reply_to(d, WU, "跳过", "登记完成")
    assert "3号楼 201" in message_text(done), message_text(done)
    async with h.sessionmaker() as session:
        wu = await session.get(User, WU)
        assert wu is not None and wu.room == "201"
        building = await session.get(Building, wu.building_id)
        assert building is not None and building.name == "3号楼"
    # no new address said: the change begins at its first step
    sent = await d.send(ZHOU, "我搬家了")
    await d.expect(ZHOU, "我们来改您的住址", since=sent["message_id"])
    asked = await d.expect(ZHOU, "请选择您所在的社区", since=sent["message_id"])
    assert "阳光社区" in inline_labels(asked)
    assert await d.errors() == []
