"""The bot added to a community group, or removed (my_chat_member), and what it then posts there.

Added by a community's staff, the bot says in the group what it does there and the staff are
told privately which group it joined, bound to their community; a meeting (or poll) published
for the whole community is then announced in the group in a few public lines (no agenda, no
names) with a button opening the private chat at it, where a resident answers. Removed, the bot
posts nothing there any more (the emulator answers a post there with 403, which would be an
error) and staff are told. Before, every my_chat_member update was ignored and meetings were
never announced in a group."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import select

from models import Role, User
from models.consultations import Rsvp
from sandbox.driver import message_text
from sandbox.emulator import BOT_USERNAME
from services import meetings, polls
from services.consult_common import Notifier
from services.users import staff_scopes
from tests.consult.published import STAFF
from tests.e2e.conftest import Harness

GROUP = -100970  # a 阳光社区 resident group of the test's own
ZHOU = 4001  # 周阿姨, resident of 阳光社区
FENG = 4004  # 冯女士, resident of 和谐社区
ADMIN = 1001  # 王主任
XIAOLIN = 5001  # 小林, not staff
CHANNEL = -1001000000001  # 阳光社区公示


def _bot_texts(messages: list[dict[str, object]]) -> list[str]:
    return [message_text(m) for m in messages if (m.get("from") or {}).get("is_bot")]  # type: ignore[union-attr]


async def _publish(h: Harness, title: str, *, place: str = "社区会议室") -> int:
    """李社工 publishes a meeting for the whole 阳光社区, as the 发布 button does."""
    roles = frozenset({Role.RESIDENT, Role.STAFF})
    async with h.sessionmaker() as session:
        staff = await session.get(User, STAFF)
        assert staff is not None
        community_id = (await staff_scopes(session, user_id=STAFF))[0].community_id
        meeting = await meetings.create_meeting(
            session,
            user=staff,
            roles=roles,
            now=h.clock(),
            draft=meetings.MeetingDraft(
                community_id=community_id,
                title=title,
                agenda=["楼道堆物清理，周阿姨提出"],
                starts_at=h.clock() + timedelta(days=5),
                place=place,
            ),
        )
        notifier = Notifier(
            texts=h.sandbox.app.translator, now=h.clock(), bot_username=BOT_USERNAME
        )
        await meetings.publish_meeting(
            session,
            user=staff,
            roles=roles,
            meeting_id=meeting.id or 0,
            now=h.clock(),
            notifier=notifier,
        )
    await h.sandbox.app.dp["scheduler"].drain(now=h.clock())
    return meeting.id or 0


async def test_added_by_staff_greets_the_group_and_tells_staff(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    await d.add_group(
        id=GROUP,
        title="阳光社区3号楼邻居群",
        members=[STAFF, ZHOU],
        bot_status="member",
        by=STAFF,
    )
    hello = await d.expect(GROUP, "大家好")
    assert "阳光社区" in message_text(hello) and "私聊" in message_text(hello)
    [[button]] = hello["reply_markup"]["inline_keyboard"]
    assert button["url"] == f"https://t.me/{BOT_USERNAME}"
    told = await d.expect(STAFF, "已加入群")
    assert "阳光社区3号楼邻居群" in message_text(told) and "对应阳光社区" in message_text(told)
    # made admin there later: said once, when it came
    await d.add_group(id=GROUP, title="阳光社区3号楼邻居群", bot_status="administrator", by=STAFF)
    sent = await d.send(ZHOU, "/start")
    await d.replies(ZHOU, sent["message_id"])
    assert len(_bot_texts(await d.messages(GROUP))) == 1
    assert sum("已加入群" in text for text in _bot_texts(await d.messages(STAFF))) == 1
    assert await d.errors() == []


async def test_a_group_added_by_someone_else_is_not_bound(linli_sandbox: Harness) -> None:
    """小林 (no staff) adds the bot: a hello, no community's notices there; the admins are told
    which group it joined and that it belongs to none."""
    d = linli_sandbox.driver
    await d.add_group(
        id=GROUP, title="兴趣小组", members=[XIAOLIN], bot_status="member", by=XIAOLIN
    )
    hello = await d.expect(GROUP, "大家好")
    assert "社区的公开通知" in message_text(hello)
    told = await d.expect(ADMIN, "已加入群")
    assert "兴趣小组" in message_text(told) and "还没有对应任何社区" in message_text(told)
    await _publish(linli_sandbox, "十二月居民议事会")
    assert len(_bot_texts(await d.messages(GROUP))) == 1  # the hello only
    assert await d.errors() == []


async def test_a_published_meeting_is_announced_in_the_group(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await d.add_group(
        id=GROUP, title="阳光社区居民群", members=[STAFF, ZHOU], bot_status="member", by=STAFF
    )
    hello = await d.expect(GROUP, "大家好")
    meeting_id = await _publish(h, "周阿姨家门口的停车问题协调会", place="1号楼302门口")
    notice = await d.expect(GROUP, "议事会通知", since=hello["message_id"])
    text = message_text(notice)
    # what and when, no agenda, no name, no room
    assert "停车问题协调会" in text and "欢迎全社区居民参加" in text, text
    assert "周阿姨" not in text and "302" not in text and "楼道堆物" not in text, text
    [[button]] = notice["reply_markup"]["inline_keyboard"]
    assert button["url"] == f"https://t.me/{BOT_USERNAME}?start=m{meeting_id}"
    # 周阿姨 opens it: the meeting's card with its RSVP buttons, in her private chat
    since = (await d.messages(ZHOU))[-1]["message_id"] if await d.messages(ZHOU) else 0
    sent = await d.send(ZHOU, f"/start m{meeting_id}")
    card = await d.expect(ZHOU, "停车问题协调会", since=sent["message_id"])
    await d.tap(ZHOU, "去", card["message_id"])
    await d.expect(ZHOU, "已报名", since=since)  # the card redrawn, or a line under it
    async with h.sessionmaker() as session:
        rsvp = (await session.exec(select(Rsvp).where(Rsvp.user_id == ZHOU))).one()
        assert rsvp.meeting_id == meeting_id
    # 冯女士 of another community follows the link: the greeting, not the meeting
    sent = await d.send(FENG, f"/start m{meeting_id}")
    replies = [message_text(m) for m in await d.replies(FENG, sent["message_id"])]
    assert not any("停车问题协调会" in r for r in replies), replies
    assert await d.errors() == []


async def test_removed_from_the_group_the_bot_posts_nothing_there(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await d.add_group(
        id=GROUP, title="阳光社区居民群", members=[STAFF, ZHOU], bot_status="member", by=STAFF
    )
    await d.expect(GROUP, "大家好")
    await d.add_group(id=GROUP, title="阳光社区居民群", bot_status="kicked", by=ZHOU)
    told = await d.expect(STAFF, "已被移出群")
    assert "阳光社区居民群" in message_text(told) and "周阿姨" in message_text(told)
    await _publish(h, "十二月居民议事会")
    # the meeting reached its audience, and nothing was posted in the group (a post there is
    # answered 403 'bot was kicked', which errors() would list)
    await d.expect(ZHOU, "十二月居民议事会")
    assert len(_bot_texts(await d.messages(GROUP))) == 1
    assert await d.errors() == []


async def _open_poll(h: Harness, question: str) -> int:
    """李社工 opens a poll for the whole 阳光社区, as the 发布 button does."""
    roles = frozenset({Role.RESIDENT, Role.STAFF})
    async with h.sessionmaker() as session:
        staff = await session.get(User, STAFF)
        assert staff is not None
        community_id = (await staff_scopes(session, user_id=STAFF))[0].community_id
        poll = await polls.create_poll(
            session,
            user=staff,
            roles=roles,
            now=h.clock(),
            draft=polls.PollDraft(
                community_id=community_id,
                question=question,
                options=["同意", "不同意"],
                closes_at=h.clock() + timedelta(days=3),
            ),
        )
        notifier = Notifier(
            texts=h.sandbox.app.translator, now=h.clock(), bot_username=BOT_USERNAME
        )
        await polls.publish_poll(
            session,
            user=staff,
            roles=roles,
            poll_id=poll.id or 0,
            now=h.clock(),
            notifier=notifier,
        )
    await h.sandbox.app.dp["scheduler"].drain(now=h.clock())
    return poll.id or 0


async def test_a_poll_is_announced_in_the_group(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await d.add_group(
        id=GROUP, title="阳光社区居民群", members=[STAFF, ZHOU], bot_status="member", by=STAFF
    )
    hello = await d.expect(GROUP, "大家好")
    poll_id = await _open_poll(h, "吴大爷提议在3号楼前装长椅，您同意吗？")
    notice = await d.expect(GROUP, "投票通知", since=hello["message_id"])
    text = message_text(notice)
    assert "3号楼前装长椅" in text and "吴大爷" not in text, text
    [[button]] = notice["reply_markup"]["inline_keyboard"]
    assert button["url"] == f"https://t.me/{BOT_USERNAME}?start=p{poll_id}"
    sent = await d.send(ZHOU, f"/start p{poll_id}")
    offer = await d.expect(ZHOU, "3号楼前装长椅", since=sent["message_id"])
    await d.tap(ZHOU, "去投票", offer["message_id"])
    paper = await d.expect(ZHOU, "同意", since=offer["message_id"])
    await d.tap(ZHOU, "不同意", paper["message_id"])
    await d.expect(ZHOU, "已投票", since=paper["message_id"])
    assert await d.errors() == []


async def test_removed_from_the_public_channel_nothing_is_posted_there(
    linli_sandbox: Harness,
) -> None:
    """The bot taken out of 阳光社区公示: staff are told results are no longer made public, and
    a poll's result goes to the people it was for, not to the channel (a post there would be
    answered 403, an error)."""
    h = linli_sandbox
    d = h.driver
    await d.add_group(
        id=CHANNEL, title="阳光社区公示", type="channel", bot_status="kicked", by=STAFF
    )
    told = await d.expect(STAFF, "已被移出频道")
    assert "阳光社区公示" in message_text(told) and "不再公示" in message_text(told)
    poll_id = await _open_poll(h, "小区东门是否晚上十点关闭？")
    async with h.sessionmaker() as session:
        poll = await polls.get_poll(session, poll_id=poll_id)
    h.clock.set(poll.closes_at + timedelta(seconds=1))
    await d.expect(ZHOU, "投票结果：小区东门", timeout=30)
    await h.sandbox.app.dp["scheduler"].drain(now=h.clock())
    assert not [m for m in await d.messages(CHANNEL) if "投票结果" in message_text(m)]
    assert await d.errors() == []
