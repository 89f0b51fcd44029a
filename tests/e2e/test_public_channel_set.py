"""Staff set or change their community's public channel in the chat (👥 本社区的群 →
📣 设置公示频道): they make the bot an admin of the channel and forward a message of it. The
bot asks Telegram whether it may post there before saving; a change is asked once more and
audited. A message that is not a channel's, or a channel where the bot is not an admin, is
answered so and changes nothing; staff of another community and residents are refused.
Before, only the org file import could set it."""

from __future__ import annotations

from typing import Any

from sqlmodel import col, select

from models import AuditEvent, Community, Role, User
from sandbox.driver import message_text
from services import group_chats
from services.errors import InvalidInput
from tests.e2e.conftest import Harness
from tests.support import inline_labels, reply_to

STAFF, OTHER_STAFF, ADMIN, RESIDENT = 2001, 2003, 1001, 4001
OLD = -1001000000001  # 阳光社区公示 (the demo's)
NEW = -1001000000009
NOT_ADMIN = -1001000000077
GROUP = -1002000000001  # 阳光社区居民群
SET = "📣 设置公示频道"


async def _channel_of(h: Harness, community_id: int = 1) -> int | None:
    async with h.sessionmaker() as session:
        community = await session.get(Community, community_id)
        assert community is not None
        return community.public_channel_id


async def _channels(h: Harness) -> tuple[int, int]:
    """A new channel the bot was made an admin of, and one it is not in; a post in each."""
    d = h.driver
    await d.add_group(
        id=NEW,
        title="阳光社区<新>公示",
        type="channel",
        members=[STAFF],
        bot_status="administrator",
        by=STAFF,
    )
    await d.expect(STAFF, "已加入频道")
    await d.add_group(id=NOT_ADMIN, title="无关频道", type="channel", members=[STAFF])
    await d.add_group(id=NOT_ADMIN, title="无关频道", type="channel", bot_status="left", by=STAFF)
    new_post = await d.send(STAFF, "本周办结公示", chat=NEW)
    other_post = await d.send(STAFF, "别的频道的消息", chat=NOT_ADMIN)
    return int(new_post["message_id"]), int(other_post["message_id"])


async def _forward(h: Harness, chat: int, message_id: int, contains: str) -> dict[str, Any]:
    sent = await h.driver.send(STAFF, forward=(chat, message_id))
    return await h.driver.expect(STAFF, contains, since=sent["message_id"])


async def test_staff_change_the_public_channel_by_forwarding(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    new_post, other_post = await _channels(h)
    hub = await reply_to(d, STAFF, "🏛 议事管理", "议事管理")
    await d.tap(STAFF, "👥 本社区的群", hub["message_id"])
    listed = await d.expect(STAFF, "公示频道", since=hub["message_id"])
    assert inline_labels(listed) == [SET], inline_labels(listed)
    await d.tap(STAFF, SET, listed["message_id"])
    howto = await d.expect(STAFF, "添加我", since=listed["message_id"])
    said = message_text(howto)
    assert "@linli_sandbox_bot" in said and "现在的公示频道：阳光社区公示" in said, said
    # words, a person's message forwarded, a channel where the bot is not an admin: said so
    await reply_to(d, STAFF, "好的", "转发给我")
    group_said = await d.send(RESIDENT, "@linli_sandbox_bot 你好", chat=GROUP)
    await d.expect(GROUP, "私聊", since=group_said["message_id"])
    await _forward(h, GROUP, group_said["message_id"], "不是从频道转发来的")
    refused = await _forward(h, NOT_ADMIN, other_post, "还不是频道「无关频道」的管理员")
    assert await _channel_of(h) == OLD
    # the bot's channel: asked once more, kept
    ask = await _forward(h, NEW, new_post, "确定把阳光社区的公示频道")
    assert "从「阳光社区公示」换成「阳光社区<新>公示」" in message_text(ask), message_text(ask)
    assert ask["message_id"] > refused["message_id"]
    await d.tap(STAFF, "↩️ 不更换", ask["message_id"])
    await d.expect(STAFF, "没有更换", since=ask["message_id"])
    assert await _channel_of(h) == OLD
    # again, confirmed: changed and audited
    listed = await reply_to(d, STAFF, "本社区的群", "公示频道")
    await d.tap(STAFF, SET, listed["message_id"])
    await d.expect(STAFF, "添加我", since=listed["message_id"])
    ask = await _forward(h, NEW, new_post, "确定把阳光社区的公示频道")
    await d.tap(STAFF, "📣 确定更换", ask["message_id"])
    done = await d.expect(STAFF, "公示频道已设为", since=ask["message_id"])
    assert "「阳光社区<新>公示」" in message_text(done), message_text(done)
    assert await _channel_of(h) == NEW
    async with h.sessionmaker() as session:
        rows = (
            await session.exec(
                select(AuditEvent).where(col(AuditEvent.action) == group_chats.CHANNEL_SET)
            )
        ).all()
    assert [(r.actor_id, r.subject_id) for r in rows] == [(STAFF, str(NEW))]
    assert f'"was": {OLD}' in (rows[0].detail or "")
    shown = message_text(await reply_to(d, STAFF, "本社区的群", "公示频道"))
    assert "「阳光社区<新>公示」（阳光社区）" in shown and "「阳光社区公示」" not in shown, shown
    # the same channel forwarded again: nothing to change
    listed = await reply_to(d, STAFF, "本社区的群", "公示频道")
    await d.tap(STAFF, SET, listed["message_id"])
    await d.expect(STAFF, "添加我", since=listed["message_id"])
    await _forward(h, NEW, new_post, "不用更改")
    # a forged confirmation for a channel the bot is not an admin of: refused, nothing changes
    answer = (await d.click(STAFF, done["message_id"], data=f"cpc:yes:1:{NOT_ADMIN}"))["answer"]
    assert answer is not None and "还不是频道" in answer["text"], answer
    assert await _channel_of(h) == NEW
    assert await d.errors() == []


async def test_a_community_without_a_channel_gets_one_at_once(linli_sandbox: Harness) -> None:
    """No channel yet: set without asking; an admin picks the community by name."""
    h = linli_sandbox
    d = h.driver
    new_post, _ = await _channels(h)
    async with h.sessionmaker() as session:
        community = await session.get(Community, 1)
        assert community is not None
        community.public_channel_id = None
        session.add(community)
        await session.commit()
    listed = await reply_to(d, ADMIN, "本社区的群", "公示频道")
    assert inline_labels(listed)[-2:] == [f"{SET}（阳光社区）", f"{SET}（和谐社区）"]
    listed = await reply_to(d, STAFF, "本社区的群", "没有绑定的群")
    await d.tap(STAFF, SET, listed["message_id"])
    howto = await d.expect(STAFF, "添加我", since=listed["message_id"])
    assert "现在的公示频道：还没有设置" in message_text(howto)
    await _forward(h, NEW, new_post, "公示频道已设为")
    assert await _channel_of(h) == NEW
    assert await d.errors() == []


async def test_other_staff_and_residents_are_refused(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _channels(h)
    for who in (OTHER_STAFF, RESIDENT):
        [menu] = await d.say(who, "/start")
        for data in ("cpc:set:1:0", f"cpc:yes:1:{NEW}"):
            answer = (await d.click(who, menu["message_id"], data=data))["answer"]
            assert answer is not None and answer["show_alert"], (who, data, answer)
            if who == OTHER_STAFF:
                assert "没有权限" in answer["text"], answer
        assert not [m for m in await d.messages(who) if "添加我" in message_text(m)]
    assert await _channel_of(h) == OLD
    async with h.sessionmaker() as session:
        refused = (
            await session.exec(
                select(AuditEvent).where(
                    col(AuditEvent.action) == "refused", col(AuditEvent.detail) == "channel-set"
                )
            )
        ).all()
        # another community's channel cannot be this one's as well
        staff = await session.get(User, STAFF)
        assert staff is not None
        try:
            await group_chats.set_public_channel(
                session,
                community_id=1,
                chat_id=-1001000000002,
                title="和谐社区公示",
                user=staff,
                roles=frozenset({Role.STAFF}),
            )
        except InvalidInput as exc:
            assert exc.key == "channel-set-taken"
        else:
            raise AssertionError("another community's channel was taken")
    assert [r.actor_id for r in refused] == [OTHER_STAFF, OTHER_STAFF]
    assert await _channel_of(h) == OLD
    assert await d.errors() == []
