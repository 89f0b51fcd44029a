"""A question typed at the menu that names what a meeting announced to the resident is about
is offered to its organizer, even when it is not right under the announcement and she has not
answered the meeting.

Before: '加装电梯的钱怎么分？一楼的也要出吗', typed a while after 「3号楼加装电梯意见征集」 was
announced to her, was only offered to be filed as a request (📝 报给社区); the organizer, who
can answer it at the meeting, never saw it."""

from __future__ import annotations

from sqlmodel import select

from models import Role, User
from models.consultations import Meeting, MeetingQuestion
from sandbox.driver import message_text
from services import meetings
from services.consult_common import Notifier
from tests.consult.published import published_meeting
from tests.e2e.conftest import Harness
from tests.support import inline_labels, reply_to

STAFF = 2001  # 李社工, 阳光社区
ZHOU = 4001  # 周阿姨, 阳光社区 1号楼 302
TITLE = "加装电梯意见征集"
ASK = f"❓ 转给「{TITLE}」的组织者"


async def _announce(h: Harness) -> None:
    await published_meeting(h, title=TITLE, agenda=("费用分摊方案", "低楼层住户的意见"))


async def test_a_question_naming_the_meeting_goes_to_its_organizer(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    await reply_to(d, STAFF, "/quiet off", "")
    await _announce(h)
    await d.expect(ZHOU, "议事会通知")
    await reply_to(d, ZHOU, "你好", "有什么可以帮您")  # the announcement is no longer right above
    offer = await reply_to(d, ZHOU, "加装电梯的钱怎么分？一楼的也要出吗", "报给社区")
    labels = inline_labels(offer)
    assert labels[0] == ASK and "📝 报给社区" in labels  # both: she chooses
    await d.tap(ZHOU, ASK, offer["message_id"])
    await d.expect(ZHOU, "已转给组织者", since=offer["message_id"])
    notice = await d.expect(STAFF, f"❓ 居民提问 · {TITLE}")
    assert "加装电梯的钱怎么分？一楼的也要出吗" in message_text(notice)
    async with h.sessionmaker() as session:
        asked = (await session.exec(select(MeetingQuestion))).all()
    assert [q.text for q in asked] == ["加装电梯的钱怎么分？一楼的也要出吗"]
    # an agenda item's words count as the title's do
    agenda = await reply_to(d, ZHOU, "低楼层住户不同意怎么办？", "报给社区")
    assert ASK in inline_labels(agenda)
    # a question about something else is only offered to be filed
    other = await reply_to(d, ZHOU, "楼道的灯什么时候修？", "报给社区")
    assert not any("组织者" in label for label in inline_labels(other))
    assert await d.errors() == []


async def test_a_cancelled_meeting_is_not_offered(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await reply_to(d, STAFF, "/quiet off", "")
    await _announce(h)
    await d.expect(ZHOU, "议事会通知")
    async with h.sessionmaker() as session:
        staff = await session.get(User, STAFF)
        assert staff is not None
        [meeting] = (await session.exec(select(Meeting))).all()
        await meetings.cancel_meeting(
            session,
            user=staff,
            roles=frozenset({Role.RESIDENT, Role.STAFF}),
            meeting_id=meeting.id or 0,
            now=h.clock(),
            reason="场地改期",
            notifier=Notifier(texts=h.sandbox.app.translator, now=h.clock()),
        )
    await d.expect(ZHOU, "取消")
    offer = await reply_to(d, ZHOU, "加装电梯的钱怎么分？", "报给社区")
    assert not any("组织者" in label for label in inline_labels(offer))
