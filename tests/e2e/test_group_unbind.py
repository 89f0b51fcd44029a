"""Staff see the groups bound to their community (🏛 议事管理 → 👥 本社区的群, or typed
'本社区的群') and unbind one with 🔓 解除绑定, asked once more: an audit row says who, and
nothing is posted in that group any more (a meeting published for the whole community is not
announced there). Staff of another community, or a resident, forging the tap are refused and
the group stays bound. Before, the only way to stop the bot posting in a group was to remove
it."""

from __future__ import annotations

from sqlmodel import col, select

from models import AuditEvent, Role, User
from sandbox.driver import message_text
from services import group_chats
from tests.consult.published import STAFF
from tests.e2e.conftest import Harness
from tests.e2e.test_group_membership import GROUP, ZHOU, _bot_texts, _publish
from tests.e2e.test_group_notices_kept import _group
from tests.support import inline_labels, reply_to

OTHER_STAFF = 2003  # 陈社工, 和谐社区
TITLE = "阳光社区居民群"
UNBIND = f"🔓 解除绑定「{TITLE}」"


async def _bound(h: Harness) -> int | None:
    async with h.sessionmaker() as session:
        return await group_chats.group_of(session, community_id=1)


async def test_staff_unbind_a_group_and_nothing_is_posted_there(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _group(h)
    assert await _bound(h) == GROUP
    hub = await reply_to(d, STAFF, "🏛 议事管理", "议事管理")
    await d.tap(STAFF, "👥 本社区的群", hub["message_id"])
    listed = await d.expect(STAFF, "本社区绑定的群", since=hub["message_id"])
    assert f"「{TITLE}」（阳光社区）" in message_text(listed), message_text(listed)
    assert inline_labels(listed) == [UNBIND, "📣 设置公示频道"]
    # the other community's staff see nothing of it, and a forged tap is refused
    said = await reply_to(d, OTHER_STAFF, "本社区的群", "没有绑定的群")
    for who, data in ((OTHER_STAFF, f"cgb:yes:{GROUP}"), (ZHOU, f"cgb:yes:{GROUP}")):
        [menu] = await d.say(who, "/start")
        await d.click(who, menu["message_id"], data=f"cgb:ask:{GROUP}")
        answer = (await d.click(who, menu["message_id"], data=data))["answer"]
        if who == OTHER_STAFF:  # refused by the service (and logged)
            assert answer is not None and "没有权限" in answer["text"], answer
        assert await _bound(h) == GROUP, who
    assert not [m for m in await d.messages(OTHER_STAFF) if "确定解除" in message_text(m)]
    assert message_text(said)
    # asked once more: kept
    await d.tap(STAFF, UNBIND, listed["message_id"])
    ask = await d.expect(STAFF, "确定解除群", since=listed["message_id"])
    await d.tap(STAFF, "↩️ 不解除", ask["message_id"])
    await d.expect(STAFF, "没有解除", since=ask["message_id"])
    assert await _bound(h) == GROUP
    # typed, then confirmed: unbound
    listed = await reply_to(d, STAFF, "解除群绑定", "本社区绑定的群")
    await d.tap(STAFF, UNBIND, listed["message_id"])
    ask = await d.expect(STAFF, "确定解除群", since=listed["message_id"])
    await d.tap(STAFF, "🔓 确定解除", ask["message_id"])
    done = await d.expect(STAFF, "已解除群", since=ask["message_id"])
    assert f"「{TITLE}」和阳光社区的绑定" in message_text(done), message_text(done)
    assert await _bound(h) is None
    async with h.sessionmaker() as session:
        rows = (
            await session.exec(
                select(AuditEvent).where(col(AuditEvent.action) == group_chats.UNBOUND)
            )
        ).all()
        refused = (
            await session.exec(
                select(AuditEvent).where(
                    col(AuditEvent.action) == "refused", col(AuditEvent.detail) == "chat-unbind"
                )
            )
        ).all()
    assert [(r.actor_id, r.subject_id) for r in rows] == [(STAFF, str(GROUP))]
    assert [r.actor_id for r in refused] == [OTHER_STAFF]
    # a tap on the old confirmation again: said so, nothing changes
    [menu] = await d.say(STAFF, "/start")
    answer = (await d.click(STAFF, menu["message_id"], data=f"cgb:yes:{GROUP}"))["answer"]
    assert answer is not None and "已经没有和本社区绑定" in answer["text"], answer
    await reply_to(d, STAFF, "本社区的群", "没有绑定的群")
    # the bot made admin there later: still unbound, nobody greeted or told again
    async with h.sessionmaker() as session:  # as the my_chat_member handler calls it
        staff = await session.get(User, STAFF)
        change = await group_chats.bot_joined(
            session,
            chat_id=GROUP,
            title=TITLE,
            chat_type="supergroup",
            status="administrator",
            by=staff,
            roles=frozenset({Role.STAFF}),
            admin_ids=(),
        )
    assert (change.arrived, change.community, change.tell) == (False, None, [])
    assert await _bound(h) is None
    # a meeting for the whole community: not announced in the group any more
    await _publish(h, "十二月居民议事会")
    assert not [t for t in _bot_texts(await d.messages(GROUP)) if "议事会通知" in t]
    assert await d.errors() == []
