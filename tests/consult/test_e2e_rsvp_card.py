"""A resident answering on a meeting's card sees the card say their new answer (and tapping the
same answer again still gets its reply); the announcement they may answer on is left as sent."""

from __future__ import annotations

from datetime import timedelta

from sandbox.driver import message_text
from services import meetings
from services.consult_common import Notifier
from tests.e2e.conftest import Harness
from tests.support import reply_to

STAFF = 2001  # 李社工, 阳光社区
ZHOU = 4001  # 周阿姨


async def _published(h: Harness) -> None:
    from models import Role, User
    from services.users import staff_scopes

    async with h.sessionmaker() as session:
        staff = await session.get(User, STAFF)
        assert staff is not None
        community_id = (await staff_scopes(session, user_id=STAFF))[0].community_id
        roles = frozenset({Role.RESIDENT, Role.STAFF})
        meeting = await meetings.create_meeting(
            session,
            user=staff,
            roles=roles,
            now=h.clock(),
            draft=meetings.MeetingDraft(
                community_id=community_id,
                title="十二月居民议事会",
                agenda=["年度工作回顾"],
                starts_at=h.clock() + timedelta(days=5),
                place="社区会议室",
            ),
        )
        await meetings.publish_meeting(
            session,
            user=staff,
            roles=roles,
            meeting_id=meeting.id or 0,
            now=h.clock(),
            notifier=Notifier(texts=h.sandbox.app.translator, now=h.clock()),
        )


async def test_answering_on_the_card_updates_the_card(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _published(h)
    invite = await d.expect(ZHOU, "议事会通知")
    hub = await reply_to(d, ZHOU, "🗳 近期议事", "近期议事")
    await d.tap(ZHOU, "十二月居民议事会", hub["message_id"])
    card = await d.expect(ZHOU, "您的报名：", since=hub["message_id"])
    assert "您的报名：未回复" in message_text(card)
    await d.tap(ZHOU, "去", card["message_id"])
    await d.expect(ZHOU, "已报名", since=card["message_id"])
    [now] = [m for m in await d.messages(ZHOU) if m["message_id"] == card["message_id"]]
    assert "您的报名：参加" in message_text(now) and "未回复" not in message_text(now)
    buttons = [b["text"] for row in now["reply_markup"]["inline_keyboard"] for b in row]
    # the answer marked, and ❓ 问组织者 (handlers.meeting_questions)
    assert buttons == ["✅ 去", "不确定", "不去", "❓ 问组织者"]
    # the same answer again: no error, the reply comes again
    last = (await d.messages(ZHOU))[-1]["message_id"]
    await d.tap(ZHOU, "去", card["message_id"])
    await d.expect(ZHOU, "已报名", since=last)
    # answering on the announcement leaves it as it was sent
    await d.tap(ZHOU, "不去", invite["message_id"])
    [same] = [m for m in await d.messages(ZHOU) if m["message_id"] == invite["message_id"]]
    assert message_text(same) == message_text(invite)
