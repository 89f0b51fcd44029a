"""What a resident was shown about a meeting stays true (found walking the flows as 周阿姨 and
吴大爷). After 延期 the announcement they got, the card they opened and the answer to their
sign-up ('已报名：… 🕒 …') read the new time — before, only a new notice said it and the older
messages went on showing the old one; a notice of an earlier 延期 keeps what it said with the
time now under it. A waitlisted resident moved up to a place sees their
card and answer say so ('您的报名：参加', '已报名'); before, they went on reading 候补. A
cancelled meeting's card says so and loses its 去 / 不去. A message that can no longer be
edited (deleted) is left alone without a fuss. An announcement on its way when the meeting is
cancelled is redrawn once it has gone. A notice of someone's place ('已从候补转为正式参加',
'转为候补第 2 位') keeps what it said with their place now under it once it or the meeting
changes; before, it went on saying '候补第 2 位'. A resident who answers 不去 after signing
up sees their card say so at once, and their earlier '已报名：…' replaced by the new answer
(tests/consult/test_e2e_rsvp_reply.py); before, only at the meeting's next change.
An answer 不确定 or 不去 ('已记录「不去」…') says the meeting was cancelled once it is; before,
it was not redrawn at all."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlmodel import select

from models import Role, User
from models.consultations import Meeting
from sandbox.driver import Driver, message_text
from scheduler.service import SchedulerService
from services import meetings
from services.consult_common import Notifier, checkin_data
from services.when import when_args
from tests.consult.published import published_meeting
from tests.consult.test_e2e_qa_polls import current, labels_of
from tests.consult.test_e2e_rsvp_reply import settled
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import HUANG, STAFF, WU, ZHENG, ZHOU
from tests.support import reply_to

STAFF_ROLES = frozenset({Role.RESIDENT, Role.STAFF})


def _scheduler(h: Harness) -> SchedulerService:
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    return service


def _shown(h: Harness, when: datetime) -> str:
    """A time as the bot writes it for 周阿姨 ("11月28日（周六）10:00")."""
    zone = h.sandbox.app.settings.zone
    return h.sandbox.app.translator.get(
        "zh-Hans", "date-time", **when_args(when, zone=zone, now=h.clock())
    )


async def _sign_up(d: Driver, who: int, title: str, reply: str) -> tuple[int, int, int]:
    """The resident answers 去 on the announcement, then opens the meeting's card: the ids of
    the announcement, the answer and the card."""
    invite = await d.expect(who, title)
    await d.tap(who, "去", invite["message_id"])
    answer = await d.expect(who, reply, since=invite["message_id"])
    hub = await reply_to(d, who, "🗳 近期议事", "近期议事")
    await d.tap(who, title, hub["message_id"])
    card = await d.expect(who, "您的报名：", since=hub["message_id"])
    return invite["message_id"], answer["message_id"], card["message_id"]


async def _postpone(h: Harness, meeting: Meeting, to: datetime) -> None:
    async with h.sessionmaker() as session:
        staff = await session.get(User, STAFF)
        assert staff is not None
        await meetings.postpone_meeting(
            session,
            user=staff,
            roles=STAFF_ROLES,
            meeting_id=meeting.id or 0,
            starts_at=to,
            reason="会议室维修",
            now=h.clock(),
            notifier=Notifier(texts=h.sandbox.app.translator, now=h.clock()),
        )


async def _cancel(h: Harness, meeting: Meeting) -> None:
    """Staff cancel the meeting (reason 台风)."""
    async with h.sessionmaker() as session:
        staff = await session.get(User, STAFF)
        assert staff is not None
        await meetings.cancel_meeting(
            session,
            user=staff,
            roles=STAFF_ROLES,
            meeting_id=meeting.id or 0,
            reason="台风",
            now=h.clock(),
            notifier=Notifier(texts=h.sandbox.app.translator, now=h.clock()),
        )


async def _reads(d: Driver, chat: int, message_id: int) -> tuple[str, list[str]]:
    shown: dict[str, Any] = await current(d, chat, message_id)
    return message_text(shown), labels_of(shown)


async def _redrawn(d: Driver, chat: int, message_id: int, contains: str) -> tuple[str, list[str]]:
    """The message once it reads `contains` (or as it is after 5 s): a redraw is queued after
    the notice that explains it, so it may land a moment after that notice."""
    deadline = time.monotonic() + 5.0
    while True:
        text, labels = await _reads(d, chat, message_id)
        remaining = deadline - time.monotonic()
        if contains in text or remaining <= 0:
            return text, labels
        latest = max(m["message_id"] for m in await d.messages(chat))
        await d.wait(chat, since=latest, timeout=min(remaining, 1.0))  # a write or an edit


async def test_postponed_meeting_reads_the_new_time_everywhere(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    service = _scheduler(h)
    meeting = await published_meeting(h, title="楼道改造议事会")
    await service.drain()
    invite, answer, card = await _sign_up(d, ZHOU, "楼道改造议事会", "已报名")
    old, new = _shown(h, meeting.starts_at), _shown(h, meeting.starts_at + timedelta(days=2))
    assert old in (await _reads(d, ZHOU, card))[0]
    await _postpone(h, meeting, meeting.starts_at + timedelta(days=2))
    await service.drain()
    await d.expect(ZHOU, "议事会延期", since=card)
    for message_id in (invite, answer, card):
        text, _ = await _redrawn(d, ZHOU, message_id, new)
        assert new in text and old not in text, text
    text, labels = await _reads(d, ZHOU, card)
    assert "您的报名：参加" in text
    assert labels == [
        "✅ 去",
        "不确定",
        "不去",
        "❓ 问组织者",
    ]  # her answer marked, as on the announcement
    # her copy of the announcement keeps her answer marked (test_e2e_announcement_mark.py)
    assert (await _reads(d, ZHOU, invite))[1] == ["✅ 去", "不确定", "不去", "❓ 问组织者"]
    # postponed again: the first notice keeps what it said, with the time now under it
    first = await d.expect(ZHOU, "议事会延期", since=card)
    later = _shown(h, meeting.starts_at + timedelta(days=3))
    await _postpone(h, meeting, meeting.starts_at + timedelta(days=3))
    await service.drain()
    await d.expect(ZHOU, f"新时间：{later}", since=first["message_id"])
    text, labels = await _redrawn(d, ZHOU, first["message_id"], "之后又有变动")
    assert f"新时间：{new}" in text and f"之后又有变动，现在是：🕒 {later} 📍 社区会议室" in text
    # her answer marked, as on her announcement (test_e2e_postponed_notice_mark.py)
    assert labels == ["✅ 去", "不确定", "不去", "❓ 问组织者"]
    for message_id in (invite, answer, card):
        assert later in (await _redrawn(d, ZHOU, message_id, later))[0]
    assert await d.errors() == []


async def test_promoted_from_the_waitlist_reads_so(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    service = _scheduler(h)
    meeting = await published_meeting(h, title="楼道改造议事会", capacity=1)
    await service.drain()
    zhou_invite, _, _ = await _sign_up(d, ZHOU, "楼道改造议事会", "已报名")
    _, answer, card = await _sign_up(d, WU, "楼道改造议事会", "候补名单第 1 位")
    assert "您的报名：候补" in (await _reads(d, WU, card))[0]
    await d.tap(ZHOU, "不去", zhou_invite)
    await d.expect(ZHOU, "已记录「不去」", since=zhou_invite)
    await service.drain()
    await d.expect(WU, "已从候补转为正式参加", since=card)
    assert "您的报名：参加" in (await _redrawn(d, WU, card, "您的报名：参加"))[0]
    text, _ = await _redrawn(d, WU, answer, "已报名")
    assert "已报名：楼道改造议事会" in text and "候补" not in text
    assert _shown(h, meeting.starts_at) in text
    assert await d.errors() == []


async def test_cancelled_meeting_card_says_so(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    service = _scheduler(h)
    meeting = await published_meeting(h, title="楼道改造议事会")
    await service.drain()
    invite, answer, card = await _sign_up(d, ZHOU, "楼道改造议事会", "已报名")
    await _postpone(h, meeting, meeting.starts_at + timedelta(days=2))
    await service.drain()
    notice = (await d.expect(ZHOU, "议事会延期", since=card))["message_id"]
    await _cancel(h, meeting)
    await service.drain()
    await d.expect(ZHOU, "议事会取消", since=card)
    for message_id in (invite, answer, card, notice):
        text, labels = await _redrawn(d, ZHOU, message_id, "已取消。原因：台风")
        assert "这次议事会已取消。原因：台风" in text, text
        assert not labels
    assert await d.errors() == []


async def test_a_message_that_cannot_be_edited_is_left_alone(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    service = _scheduler(h)
    meeting = await published_meeting(h, title="楼道改造议事会")
    await service.drain()
    invite, answer, card = await _sign_up(d, ZHOU, "楼道改造议事会", "已报名")
    old = _shown(h, meeting.starts_at)
    # every message to redraw is gone (deleted by the people who got them): Telegram refuses
    await d.fault("editMessageText", 400, "Bad Request: message to edit not found", count=100)
    await _postpone(h, meeting, meeting.starts_at + timedelta(days=2))
    await service.drain()
    # the notice still comes, and whatever could not be redrawn stays as it was
    await d.expect(ZHOU, "议事会延期", since=card)
    for message_id in (invite, answer, card):
        assert old in (await _reads(d, ZHOU, message_id))[0]
    assert await d.errors() == []


async def test_a_reminder_sent_before_a_postponement_says_the_new_time(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    service = _scheduler(h)
    meeting = await published_meeting(h, title="楼道改造议事会")
    await service.drain()
    _, _, card = await _sign_up(d, ZHOU, "楼道改造议事会", "已报名")
    h.clock.set(meeting.starts_at - timedelta(hours=24) + timedelta(minutes=1))
    await service.run_due()
    await service.drain()
    reminder = (await d.expect(ZHOU, "⏰ 提醒：楼道改造议事会", since=card))["message_id"]
    later = _shown(h, meeting.starts_at + timedelta(days=2))
    await _postpone(h, meeting, meeting.starts_at + timedelta(days=2))
    await service.drain()
    await d.expect(ZHOU, "议事会延期", since=reminder)
    text, _ = await _redrawn(d, ZHOU, reminder, "之后又有变动")
    assert f"之后又有变动，现在是：🕒 {later}" in text, text
    assert await d.errors() == []


async def test_an_announcement_on_its_way_when_cancelled_is_redrawn_once_sent(
    linli_sandbox: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """李社工 cancels the meeting while 周阿姨's announcement is on its way (Telegram has it, the
    outbox has not yet recorded it sent): once recorded, it is redrawn as cancelled, without
    去 / 不确定 / 不去. Before, the cancellation found no message id to edit and the
    announcement kept reading as an open meeting (test_a_cancelled_meetings_announcement_
    loses_its_rsvp failed so now and then under load)."""
    h = linli_sandbox
    d = h.driver
    service = _scheduler(h)
    bot = service.sender.bot
    send = bot.send_message
    cancelled: list[int] = []

    async def cancel_meanwhile(chat_id: int, text: str, **kwargs: Any) -> Any:
        message = await send(chat_id, text, **kwargs)
        if chat_id == ZHOU and "议事会通知" in text and not cancelled:
            async with h.sessionmaker() as session:
                meeting = (await session.exec(select(Meeting))).one()
                staff = await session.get(User, STAFF)
                assert staff is not None and meeting.id is not None
                await meetings.cancel_meeting(
                    session,
                    user=staff,
                    roles=STAFF_ROLES,
                    meeting_id=meeting.id,
                    reason="台风",
                    now=h.clock(),
                    notifier=Notifier(texts=h.sandbox.app.translator, now=h.clock()),
                )
                cancelled.append(meeting.id)
        return message

    monkeypatch.setattr(bot, "send_message", cancel_meanwhile)
    await published_meeting(h, title="楼道改造议事会")
    await service.drain()
    invite = await d.expect(ZHOU, "议事会通知")
    notice = await d.expect(ZHOU, "议事会取消", since=invite["message_id"])
    assert cancelled
    text, labels = await _redrawn(d, ZHOU, invite["message_id"], "已取消。原因：台风")
    assert "这次议事会已取消。原因：台风" in text, text
    assert labels == []
    # nothing else came: the announcement once, the cancellation once
    shown = [message_text(m) for m in await d.messages(ZHOU)]
    assert [t for t in shown if "议事会通知" in t] == [text]
    assert [m for m in await d.messages(ZHOU, notice["message_id"])] == []
    assert await d.errors() == []


async def test_a_notice_of_moving_up_says_what_changed_since(linli_sandbox: Harness) -> None:
    """吴大爷 moved up from the waitlist ('已从候补转为正式参加') when 周阿姨 answered 不去; then
    the meeting is postponed: the notice keeps what it said, with the new time and his place
    under it. Before, it was not redrawn at all."""
    h = linli_sandbox
    d = h.driver
    service = _scheduler(h)
    meeting = await published_meeting(h, title="楼道改造议事会", capacity=1)
    await service.drain()
    zhou_invite, _, _ = await _sign_up(d, ZHOU, "楼道改造议事会", "已报名")
    _, _, card = await _sign_up(d, WU, "楼道改造议事会", "候补名单第 1 位")
    await d.tap(ZHOU, "不去", zhou_invite)
    await service.drain()
    promoted = (await d.expect(WU, "已从候补转为正式参加", since=card))["message_id"]
    later = _shown(h, meeting.starts_at + timedelta(days=2))
    await _postpone(h, meeting, meeting.starts_at + timedelta(days=2))
    await service.drain()
    await d.expect(WU, "议事会延期", since=promoted)
    text, _ = await _redrawn(d, WU, promoted, "之后又有变动")
    assert "🎉 有空位了，您已从候补转为正式参加：楼道改造议事会" in text, text
    assert f"之后又有变动，现在是：🕒 {later} 📍 社区会议室，您的报名：参加" in text, text
    assert await d.errors() == []


async def test_a_notice_of_a_waitlist_place_follows_the_place(linli_sandbox: Harness) -> None:
    """The capacity is lowered to 1 and 郑先生, who signed up last, goes to the waitlist
    ('转为候补第 2 位'); 吴大爷, ahead of him, answers 不去: the notice says under it that he is
    now 第 1 位; 周阿姨 answers 不去: that he is going. Before, it said '候补第 2 位' for good."""
    h = linli_sandbox
    d = h.driver
    service = _scheduler(h)
    meeting = await published_meeting(h, title="楼道改造议事会", capacity=3)
    await service.drain()
    zhou_invite, _, _ = await _sign_up(d, ZHOU, "楼道改造议事会", "已报名")
    wu_invite, _, _ = await _sign_up(d, WU, "楼道改造议事会", "已报名")
    _, _, card = await _sign_up(d, ZHENG, "楼道改造议事会", "已报名")
    async with h.sessionmaker() as session:
        staff = await session.get(User, STAFF)
        assert staff is not None
        await meetings.edit_meeting(
            session,
            user=staff,
            roles=STAFF_ROLES,
            meeting_id=meeting.id or 0,
            edit=meetings.MeetingEdit(capacity=1, waitlist_over=True),
            now=h.clock(),
            notifier=Notifier(texts=h.sandbox.app.translator, now=h.clock()),
        )
    await service.drain()
    moved = (await d.expect(ZHENG, "转为候补第 2 位", since=card))["message_id"]
    await d.tap(WU, "不去", wu_invite)
    await service.drain()
    when = _shown(h, meeting.starts_at)
    text, _ = await _redrawn(d, ZHENG, moved, "候补第 1 位")
    assert "现在转为候补第 2 位" in text, text  # what it said stays
    assert f"之后又有变动，现在是：🕒 {when} 📍 社区会议室，您的报名：候补第 1 位" in text, text
    await d.tap(ZHOU, "不去", zhou_invite)
    await service.drain()
    await d.expect(ZHENG, "已从候补转为正式参加", since=moved)
    text, _ = await _redrawn(d, ZHENG, moved, "您的报名：参加")
    assert f"之后又有变动，现在是：🕒 {when} 📍 社区会议室，您的报名：参加" in text, text
    assert "候补第 1 位" not in text
    assert await d.errors() == []


async def test_answering_no_replaces_the_earlier_sign_up_at_once(linli_sandbox: Harness) -> None:
    """周阿姨 signed up ('已报名：…'), opened the card, then answers 不去 on the announcement:
    the card says so at once, as a change of the meeting would have redrawn it, and her
    earlier answer is replaced by the new one. Before, both went on reading 已报名 / 参加
    until the meeting changed."""
    h = linli_sandbox
    d = h.driver
    service = _scheduler(h)
    await published_meeting(h, title="楼道改造议事会")
    await service.drain()
    invite, answer, card = await _sign_up(d, ZHOU, "楼道改造议事会", "已报名")
    await d.tap(ZHOU, "不去", invite)
    no = (await d.expect(ZHOU, "已记录「不去」", since=card))["message_id"]
    assert (await settled(d, ZHOU, answer))["deleted"]
    await service.drain()
    text, labels = await _redrawn(d, ZHOU, card, "您的报名：不去")
    assert "您的报名：不去" in text, text
    assert labels == ["去", "不确定", "✅ 不去", "❓ 问组织者"]
    # tapped on the card itself: the card is redrawn there, the earlier answer replaced
    await d.tap(ZHOU, "去", card)
    await d.expect(ZHOU, "已报名：楼道改造议事会", since=no)
    assert (await settled(d, ZHOU, no))["deleted"]
    await service.drain()
    assert "您的报名：参加" in (await _reads(d, ZHOU, card))[0]
    assert await d.errors() == []


async def test_a_not_sure_or_no_answer_follows_the_meeting(linli_sandbox: Harness) -> None:
    """周阿姨 answers 不确定 and 吴大爷 不去 on the announcement ('已记录「不确定」…',
    '已记录「不去」…'). 延期 leaves them as they are (they name no time); when the meeting is
    cancelled, both say so under what they said, as the answer to a sign-up does. 郑先生
    answers 不确定, then 去: his earlier answer gives way to '已报名' at once. Before, only the
    answers 去 and 候补 were remembered: these went on reading as answers to an open meeting."""
    h = linli_sandbox
    d = h.driver
    service = _scheduler(h)
    meeting = await published_meeting(h, title="楼道改造议事会")
    await service.drain()
    answers: dict[int, int] = {}
    for who, tapped, reply in (
        (ZHOU, "不确定", "已记录「不确定」"),
        (WU, "不去", "已记录「不去」"),
    ):
        invite = (await d.expect(who, "楼道改造议事会"))["message_id"]
        await d.tap(who, tapped, invite)
        answers[who] = (await d.expect(who, reply, since=invite))["message_id"]
    invite = (await d.expect(ZHENG, "楼道改造议事会"))["message_id"]
    await d.tap(ZHENG, "不确定", invite)
    maybe = (await d.expect(ZHENG, "已记录「不确定」", since=invite))["message_id"]
    await d.tap(ZHENG, "去", invite)
    await d.expect(ZHENG, "已报名", since=maybe)
    assert (await settled(d, ZHENG, maybe))["deleted"]
    await service.drain()
    # 延期: nothing in these answers changes, so they are not edited
    await _postpone(h, meeting, meeting.starts_at + timedelta(days=2))
    await service.drain()
    for who, message_id in answers.items():
        await d.expect(who, "议事会延期", since=message_id)
        assert not (await current(d, who, message_id))["edited"]
    await _cancel(h, meeting)
    await service.drain()
    for who, said in ((ZHOU, "已记录「不确定」"), (WU, "已记录「不去」")):
        await d.expect(who, "议事会取消", since=answers[who])
        text, labels = await _redrawn(d, who, answers[who], "已取消。原因：台风")
        assert said in text and "这次议事会已取消。原因：台风" in text, text
        assert not labels
    assert await d.errors() == []


async def _edit(h: Harness, meeting: Meeting, edit: meetings.MeetingEdit) -> None:
    async with h.sessionmaker() as session:
        staff = await session.get(User, STAFF)
        assert staff is not None
        await meetings.edit_meeting(
            session,
            user=staff,
            roles=STAFF_ROLES,
            meeting_id=meeting.id or 0,
            edit=edit,
            now=h.clock(),
            notifier=Notifier(texts=h.sandbox.app.translator, now=h.clock()),
        )


async def test_a_change_of_the_capacity_adds_nothing_under_a_notice(
    linli_sandbox: Harness,
) -> None:
    """周阿姨 got a 延期 notice and then a reminder; the capacity changes: neither gets
    'ℹ️ 之后又有变动，现在是：🕒 <the same time> …', which would say nothing new. Before, both
    did. A new place is then written under the reminder, which shows the place, and not under
    the 延期 notice, which names none (the notice of that change tells it)."""
    h = linli_sandbox
    d = h.driver
    service = _scheduler(h)
    meeting = await published_meeting(h, title="楼道改造议事会", capacity=20)
    await service.drain()
    _, _, card = await _sign_up(d, ZHOU, "楼道改造议事会", "已报名")
    later = meeting.starts_at + timedelta(days=2)
    await _postpone(h, meeting, later)
    await service.drain()
    postponed = (await d.expect(ZHOU, "议事会延期", since=card))["message_id"]
    h.clock.set(later - timedelta(hours=24) + timedelta(minutes=1))
    await service.run_due()
    await service.drain()
    reminder = (await d.expect(ZHOU, "⏰ 提醒：楼道改造议事会", since=postponed))["message_id"]
    await _edit(h, meeting, meetings.MeetingEdit(capacity=30))
    await service.drain()
    changed = (await d.expect(ZHOU, "人数上限改为：30 人", since=reminder))["message_id"]
    for message_id in (postponed, reminder):
        shown = await current(d, ZHOU, message_id)
        assert not shown["edited"] and "之后又有变动" not in message_text(shown), shown
    await _edit(h, meeting, meetings.MeetingEdit(place="二楼活动室"))
    await service.drain()
    await d.expect(ZHOU, "地点改为：二楼活动室", since=changed)
    text, _ = await _redrawn(d, ZHOU, reminder, "之后又有变动")
    assert f"之后又有变动，现在是：🕒 {_shown(h, later)} 📍 二楼活动室" in text, text
    assert "之后又有变动" not in message_text(await current(d, ZHOU, postponed))
    # the capacity again: the reminder keeps what it shows now, the 修改 notices add nothing
    await _edit(h, meeting, meetings.MeetingEdit(capacity=40))
    await service.drain()
    await d.expect(ZHOU, "人数上限改为：40 人", since=changed)
    assert "之后又有变动" not in message_text(await current(d, ZHOU, changed))
    assert "二楼活动室" in message_text(await current(d, ZHOU, reminder))
    assert await d.errors() == []


async def test_a_cancelled_meeting_invites_nothing_more(linli_sandbox: Harness) -> None:
    """Once the meeting is cancelled, what residents were shown no longer asks them to do (or
    wait for) what can't happen: the announcement loses '请点下方按钮告诉我们您是否参加' with its
    buttons, 不去 its '随时可以重新报名', 不确定 its '想好了可以随时改', 去 its reminder to come
    and 候补 the place that may free up; in English too (郑先生 reads English). Before, these
    stayed above '❌ 这次议事会已取消'."""
    h = linli_sandbox
    d = h.driver
    service = _scheduler(h)
    async with h.sessionmaker() as session:
        zheng = await session.get(User, ZHENG)
        assert zheng is not None
        zheng.language = "en"
        session.add(zheng)
        await session.commit()
    meeting = await published_meeting(h, title="楼道改造议事会", capacity=1)
    await service.drain()
    said: dict[int, tuple[int, int]] = {}  # who: (announcement, answer)
    for who, tapped, reply in (
        (ZHOU, "去", "已报名"),
        (WU, "去", "候补名单第 1 位"),
        (HUANG, "不确定", "已记录「不确定」"),
        (ZHENG, "Not going", 'Noted as "not going"'),
    ):
        invite = (await d.expect(who, "楼道改造议事会"))["message_id"]
        await d.tap(who, tapped, invite)
        said[who] = invite, (await d.expect(who, reply, since=invite))["message_id"]
    before = {
        ZHOU: ("请点下方按钮告诉我们您是否参加", "我们会在开会前提醒您"),
        WU: ("请点下方按钮告诉我们您是否参加", "有人取消时我们会通知您"),
        HUANG: ("请点下方按钮告诉我们您是否参加", "想好了可以随时改"),
        ZHENG: ("Please tell us below whether you will come", "sign up again"),
    }
    for who, (invite, answer) in said.items():
        for message_id, invites in zip((invite, answer), before[who], strict=True):
            assert invites in message_text(await current(d, who, message_id)), who
    await _cancel(h, meeting)
    await service.drain()
    for who, (invite, answer) in said.items():
        cancelled = "cancelled. Reason: 台风" if who == ZHENG else "已取消。原因：台风"
        for message_id, invites in zip((invite, answer), before[who], strict=True):
            text, labels = await _redrawn(d, who, message_id, cancelled)
            assert cancelled in text and invites not in text, text
            assert not labels
    text = message_text(await current(d, ZHENG, said[ZHENG][1]))
    assert text.startswith('Noted as "not going": 楼道改造议事会.\n'), text
    assert await d.errors() == []


async def test_a_cancelled_meeting_takes_back_its_check_in(linli_sandbox: Harness) -> None:
    """Check-in is open ('📍 … 现在开始签到，到场后请点下方按钮签到。' with 📍 签到) when staff
    cancel the meeting: the notice is redrawn to say so ('📍 … 的签到已取消。' and the reason),
    without the button; a tap that was on its way is told the meeting was cancelled (not
    '无法报名'). Before, the notice went on asking them to check in."""
    h = linli_sandbox
    d = h.driver
    service = _scheduler(h)
    start = h.clock() + timedelta(hours=3)
    meeting = await published_meeting(h, title="楼道改造议事会", starts_at=start)
    invite = await d.expect(ZHOU, "楼道改造议事会")
    await d.tap(ZHOU, "去", invite["message_id"])
    await d.expect(ZHOU, "已报名", since=invite["message_id"])
    h.clock.set(start - timedelta(minutes=20))
    await service.run_due(now=h.clock())
    await service.drain(now=h.clock())
    checkin = await d.expect(ZHOU, "现在开始签到", since=invite["message_id"])
    assert labels_of(await current(d, ZHOU, checkin["message_id"])) == ["📍 签到"]
    await _cancel(h, meeting)
    await service.drain(now=h.clock())
    text, labels = await _redrawn(d, ZHOU, checkin["message_id"], "已取消。原因：台风")
    assert "的签到已取消" in text and "已取消。原因：台风" in text, text
    assert "请点下方按钮签到" not in text and not labels, (text, labels)
    late = await d.click(ZHOU, checkin["message_id"], data=checkin_data(meeting.id or 0))
    assert "不用签到" in str(late) and "无法报名" not in str(late), late
    assert await d.errors() == []


async def test_a_postponed_meeting_takes_back_its_open_check_in(linli_sandbox: Harness) -> None:
    """Check-in is open ('📍 … 现在开始签到…' with 📍 签到) when staff postpone the meeting to
    the next day: the notice is redrawn without the button, saying the new time and that
    check-in opens again before it; then it does, in a new message with the button. Before,
    the notice kept its button and a tap was answered '现在不在签到时间内'."""
    h = linli_sandbox
    d = h.driver
    service = _scheduler(h)
    start = h.clock() + timedelta(hours=3)
    meeting = await published_meeting(h, title="楼道改造议事会", starts_at=start)
    invite = await d.expect(ZHOU, "楼道改造议事会")
    await d.tap(ZHOU, "去", invite["message_id"])
    await d.expect(ZHOU, "已报名", since=invite["message_id"])
    h.clock.set(start - timedelta(minutes=20))
    await service.run_due(now=h.clock())
    await service.drain(now=h.clock())
    checkin = await d.expect(ZHOU, "现在开始签到", since=invite["message_id"])
    later = start + timedelta(days=1)
    await _postpone(h, meeting, later)
    await service.drain(now=h.clock())
    text, labels = await _redrawn(d, ZHOU, checkin["message_id"], "重新开始签到")
    assert f"改到 {_shown(h, later)} 开会" in text, text
    assert "开会前 30 分钟会重新开始签到" in text and not labels, (text, labels)
    # 30 minutes before the new time check-in opens again, in a message of its own
    h.clock.set(later - timedelta(minutes=20))
    await service.run_due(now=h.clock())
    await service.drain(now=h.clock())
    again = await d.expect(ZHOU, "现在开始签到", since=checkin["message_id"])
    assert labels_of(await current(d, ZHOU, again["message_id"])) == ["📍 签到"]
    assert await _reads(d, ZHOU, checkin["message_id"]) == (text, [])
    assert await d.errors() == []


async def test_held_reminder_and_check_in_do_not_go_once_postponed(
    linli_sandbox: Harness,
) -> None:
    """A meeting at 07:15: the reminder an hour before (06:15) and the check-in (06:45) are
    held by quiet hours until 07:00. At 06:50 staff postpone it by a day: at 07:00 周阿姨 gets
    the 延期, and neither '提醒：… 将于 <old time> 开始' nor '现在开始签到' with a 📍 签到 that
    would be answered '不在签到时间内'. Before, both went beside the 延期."""
    h = linli_sandbox
    d = h.driver
    service = _scheduler(h)
    h.clock.set(datetime(2026, 11, 23, 2, 0, tzinfo=UTC))  # 10:00 in Shanghai
    start = datetime(2026, 11, 23, 23, 15, tzinfo=UTC)  # 07:15 the next day
    meeting = await published_meeting(h, title="楼道改造议事会", starts_at=start)
    invite = await d.expect(ZHOU, "楼道改造议事会")
    await d.tap(ZHOU, "去", invite["message_id"])
    await d.expect(ZHOU, "已报名", since=invite["message_id"])
    h.clock.set(start - timedelta(minutes=25))  # 06:50
    await service.run_due(now=h.clock())
    await service.drain(now=h.clock())
    await _postpone(h, meeting, start + timedelta(days=1))
    h.clock.set(start - timedelta(minutes=14))  # 07:01
    await service.drain(now=h.clock())
    await d.expect(ZHOU, "议事会延期", since=invite["message_id"])
    told = [message_text(m) for m in await d.messages(ZHOU)]
    assert not [t for t in told if "现在开始签到" in t or "提醒：" in t], told
    assert await d.errors() == []


async def test_a_held_postponement_postponed_again_goes_once(linli_sandbox: Harness) -> None:
    """At 23:00 staff postpone a meeting by a day, then by two: the first 延期 notice, held
    for the night, would name a time that no longer holds. At 07:00 周阿姨 gets one 延期, with
    the time that holds. Before, both went, the first naming the day between."""
    h = linli_sandbox
    d = h.driver
    service = _scheduler(h)
    h.clock.set(datetime(2026, 11, 23, 15, 0, tzinfo=UTC))  # 23:00 in Shanghai
    meeting = await published_meeting(h, title="楼道改造议事会")
    between, later = (meeting.starts_at + timedelta(days=n) for n in (1, 2))
    await _postpone(h, meeting, between)
    await _postpone(h, meeting, later)
    shown_between, shown_later = _shown(h, between), _shown(h, later)
    h.clock.set(datetime(2026, 11, 23, 23, 1, tzinfo=UTC))  # 07:01
    await service.drain(now=h.clock())
    notice = await d.expect(ZHOU, "议事会延期")
    assert shown_later in message_text(notice), message_text(notice)
    told = [message_text(m) for m in await d.messages(ZHOU)]
    assert len([t for t in told if "议事会延期" in t]) == 1, told
    assert not [t for t in told if shown_between in t], told
