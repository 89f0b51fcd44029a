"""Lowering a published meeting's capacity below the number going: staff are told how many are
over and choose — keep everyone (new sign-ups wait) or leave the capacity as it was — or type
another number. Before, the lower capacity was saved at once with everyone still going and no
word about it: a meeting for 2 with 3 going. At night the confirmation says when quiet hours
let the notices go (the moved read their new place at once, and why only then)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from models import Role, User
from models.consultations import Meeting, RsvpAnswer
from sandbox.driver import message_text
from services import meetings
from services.consult_common import Notifier
from services.when import when_args
from tests.consult.published import STAFF, published_meeting, to_capacity_edit
from tests.e2e.conftest import Harness
from tests.support import reply_to

GOING = (4001, 4002, 4005)  # 周阿姨, 吴大爷, 黄奶奶
LATE = 4003  # 郑先生
NIGHT = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)  # 23:00 in Shanghai, a Monday
MORNING = datetime(2026, 11, 23, 23, 0, tzinfo=UTC)  # 07:00 the next day


async def _sign_up(h: Harness, meeting: Meeting, user_id: int) -> meetings.RsvpOutcome:
    async with h.sessionmaker() as session:
        user = await session.get(User, user_id)
        assert user is not None
        return await meetings.rsvp(
            session,
            user=user,
            meeting_id=meeting.id or 0,
            answer=RsvpAnswer.YES,
            now=h.clock(),
            notifier=Notifier(texts=h.sandbox.app.translator, now=h.clock()),
        )


async def _capacity(h: Harness, meeting: Meeting) -> int | None:
    async with h.sessionmaker() as session:
        stored = await session.get(Meeting, meeting.id)
        assert stored is not None
        return stored.capacity


async def _edit_capacity(h: Harness, meeting: Meeting, typed: str) -> dict:
    d = h.driver
    [greeting] = await d.say(STAFF, "/start")
    await d.click(STAFF, greeting["message_id"], data=f"cmt:edit:{meeting.id}:0")
    ask = await d.expect(STAFF, "要修改什么", since=greeting["message_id"])
    await d.tap(STAFF, "人数上限", ask["message_id"])
    current = await d.expect(STAFF, "现在是：", since=ask["message_id"])
    [answer] = await d.say(STAFF, typed)
    assert answer["message_id"] > current["message_id"]
    return answer


async def test_lower_capacity_than_going(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    meeting = await published_meeting(h, capacity=5)
    for user_id in GOING:
        assert (await _sign_up(h, meeting, user_id)).status == "going"
    # 2 with 3 going: told, nothing changed yet
    warning = await _edit_capacity(h, meeting, "2")
    text = message_text(warning)
    assert "已经有 3 人报名参加，比新的上限 2 人多 1 人" in text and "还没有修改" in text, text
    assert await _capacity(h, meeting) == 5
    # 不改了: the capacity stays
    await d.tap(STAFF, "不改了", warning["message_id"])
    await d.expect(STAFF, "人数上限没有改", since=warning["message_id"])
    assert await _capacity(h, meeting) == 5
    stale = await d.click(STAFF, warning["message_id"], data=f"cmt:cap_keep:{meeting.id}:2")
    assert "失效" in str(stale)
    assert await _capacity(h, meeting) == 5
    # a number at least the number going, typed at the warning, is taken
    warning = await _edit_capacity(h, meeting, "1")
    assert "多 2 人" in message_text(warning)
    [first, *_] = await d.say(STAFF, "4")
    await d.expect(STAFF, "已修改", since=first["message_id"] - 1)
    assert await _capacity(h, meeting) == 4
    # keep everyone: the capacity is 2, all 3 still going, a new sign-up waits
    warning = await _edit_capacity(h, meeting, "2")
    await d.tap(STAFF, "保留已报名的 3 人", warning["message_id"])
    kept = await d.expect(STAFF, "已报名的人都保留", since=warning["message_id"])
    assert "已修改" in message_text(kept)
    assert await _capacity(h, meeting) == 2
    async with h.sessionmaker() as session:
        assert (await meetings.counts(session, meeting_id=meeting.id or 0)).going == 3
    assert (await _sign_up(h, meeting, LATE)).status == "waitlist"


async def test_latest_sign_ups_to_the_waitlist(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    zhou, wu, huang = GOING
    meeting = await published_meeting(h, capacity=3)
    for user_id in (*GOING, LATE):  # in this order, a minute apart; 郑 is waitlisted
        await _sign_up(h, meeting, user_id)
        h.clock.advance(timedelta(minutes=1))
    before = {u: len(await d.messages(u)) for u in (zhou, wu, huang)}
    warning = await _edit_capacity(h, meeting, "1")
    assert "多 2 人" in message_text(warning)
    await d.tap(STAFF, "最晚报名的 2 人转为候补", warning["message_id"])
    moved = await d.expect(STAFF, "已转为候补", since=warning["message_id"])
    assert "最晚报名的 2 人" in message_text(moved)
    assert await _capacity(h, meeting) == 1
    # 吴 and 黄 signed up after 周: they are told their place, ahead of 郑 who came later
    told_wu = await d.expect(wu, "转为候补第 1 位")
    told_huang = await d.expect(huang, "转为候补第 2 位")
    assert "人数上限调整为 1 人" in message_text(told_wu)
    assert told_huang["message_id"] > 0
    # 周 keeps the seat and gets the usual change notice; the moved get only theirs
    await d.expect(zhou, "议事会有变动")
    for user_id in (wu, huang):
        new = [message_text(m) for m in (await d.messages(user_id))[before[user_id] :]]
        assert not [x for x in new if "议事会有变动" in x], new
    async with h.sessionmaker() as session:
        c = await meetings.counts(session, meeting_id=meeting.id or 0)
        assert (c.going, c.waitlist) == (1, 3)
        assert (
            await meetings.waitlist_position(session, meeting_id=meeting.id or 0, user_id=LATE)
            == 3
        )


async def test_latest_sign_ups_moved_at_night_are_told_in_the_morning(
    linli_sandbox: Harness,
) -> None:
    """At 23:00 李社工 moves the 2 latest sign-ups to the waitlist: their answers are redrawn at
    once ('候补名单第 1 位'), but quiet hours hold the notice that tells them why until 07:00, so
    the confirmation says so ('🌙 现在是免打扰时段：… 07:00 发出'), as publishing at night does.
    Before, it said '已通知他们' alone: staff took them for told while they had only seen
    their '已报名' quietly turn into a waitlist place."""
    h = linli_sandbox
    d = h.driver
    h.clock.set(NIGHT)
    zhou, wu, huang = GOING
    meeting = await published_meeting(h, capacity=3)
    for user_id in GOING:
        await _sign_up(h, meeting, user_id)
        h.clock.advance(timedelta(minutes=1))
    warning = await _edit_capacity(h, meeting, "1")
    await d.tap(STAFF, "最晚报名的 2 人转为候补", warning["message_id"])
    moved = message_text(await d.expect(STAFF, "已转为候补", since=warning["message_id"]))
    assert "最晚报名的 2 人" in moved, moved
    assert "现在是免打扰时段" in moved and "11月24日（周二）07:00 发出" in moved, moved
    service = h.sandbox.app.dp["scheduler"]
    await service.drain(now=h.clock())
    assert not [m for m in await d.messages(wu) if "转为候补第" in message_text(m)]
    h.clock.set(MORNING)
    await service.drain(now=h.clock())
    await d.expect(wu, "转为候补第 1 位")
    await d.expect(huang, "转为候补第 2 位")
    assert not [m for m in await d.messages(zhou) if "转为候补" in message_text(m)]


async def test_a_change_typed_at_night_says_when_they_are_told(linli_sandbox: Harness) -> None:
    """A capacity typed at 23:00 (no one over it): '✅ 已修改，已通知 3 位报名的居民。' is followed
    by when quiet hours let those notices go."""
    h = linli_sandbox
    h.clock.set(NIGHT)
    meeting = await published_meeting(h, capacity=5)
    for user_id in GOING:
        await _sign_up(h, meeting, user_id)
    await to_capacity_edit(h, meeting, now_reads="5")
    done = message_text(await reply_to(h.driver, STAFF, "4", "已修改"))
    assert "已修改，正在通知 3 位" in done, done
    assert "现在是免打扰时段" in done and "11月24日（周二）07:00 发出" in done, done
    assert await _capacity(h, meeting) == 4


async def test_nobody_to_move_when_all_over_have_checked_in(linli_sandbox: Harness) -> None:
    """The capacity is lowered to 1 during check-in, when all 3 going have checked in: 最晚报名的
    2 人转为候补 moves nobody (checked-in people stay), and staff read that nobody had to move.
    Before, they read '最晚报名的 0 人已转为候补，已通知他们'."""
    h = linli_sandbox
    d = h.driver
    meeting = await published_meeting(h, starts_at=h.clock() + timedelta(hours=2), capacity=3)
    for user_id in GOING:
        await _sign_up(h, meeting, user_id)
    h.clock.advance(timedelta(hours=1, minutes=45))  # check-in is open
    async with h.sessionmaker() as session:
        for user_id in GOING:
            user = await session.get(User, user_id)
            assert user is not None
            await meetings.check_in(session, user=user, meeting_id=meeting.id or 0, now=h.clock())
    warning = await _edit_capacity(h, meeting, "1")
    assert "多 2 人" in message_text(warning)
    await d.tap(STAFF, "最晚报名的 2 人转为候补", warning["message_id"])
    done = message_text(await d.expect(STAFF, "已修改", since=warning["message_id"]))
    assert "没有人需要转为候补" in done and "0 人" not in done, done
    assert await _capacity(h, meeting) == 1
    async with h.sessionmaker() as session:
        assert (await meetings.counts(session, meeting_id=meeting.id or 0)).going == 3


async def _moved_up_at_night(h: Harness) -> Meeting:
    """By day 周 and 吴 sign up for a meeting of 2, 黄 goes on its waitlist; at 23:00 吴 answers
    不去 and 黄 moves up, the notice telling her held until 07:00."""
    d = h.driver
    service = h.sandbox.app.dp["scheduler"]
    _zhou, wu, huang = GOING
    h.clock.set(NIGHT - timedelta(hours=10))
    meeting = await published_meeting(h, capacity=2)
    for user_id in GOING:
        await _sign_up(h, meeting, user_id)
        h.clock.advance(timedelta(minutes=1))
    await service.drain(now=h.clock())
    h.clock.set(NIGHT)
    async with h.sessionmaker() as session:
        user = await session.get(User, wu)
        assert user is not None
        outcome = await meetings.rsvp(
            session,
            user=user,
            meeting_id=meeting.id or 0,
            answer=RsvpAnswer.NO,
            now=h.clock(),
            notifier=Notifier(texts=h.sandbox.app.translator, now=h.clock()),
        )
    assert outcome.promoted == [huang]
    await service.drain(now=h.clock())
    assert not [m for m in await d.messages(huang) if "转为正式参加" in message_text(m)]
    return meeting


async def test_a_held_move_up_does_not_go_once_moved_back(linli_sandbox: Harness) -> None:
    """At 23:00 黄奶奶 moves up from the waitlist (吴大爷 answered 不去), and the notice that
    tells her ('已从候补转为正式参加') is held until 07:00. Then 李社工 lowers the capacity and
    moves the latest sign-up — 黄奶奶 — back to the waitlist. At 07:00 she gets the notice of
    her place now ('转为候补第 1 位') and not the other. Before, the held notice went too, and
    she read she was attending when she was not."""
    h = linli_sandbox
    d = h.driver
    service = h.sandbox.app.dp["scheduler"]
    zhou, _wu, huang = GOING
    meeting = await _moved_up_at_night(h)
    warning = await _edit_capacity(h, meeting, "1")
    await d.tap(STAFF, "最晚报名的 1 人转为候补", warning["message_id"])
    await d.expect(STAFF, "已转为候补", since=warning["message_id"])
    h.clock.set(MORNING)
    await service.drain(now=h.clock())
    await d.expect(huang, "转为候补第 1 位")
    await d.expect(zhou, "议事会有变动")
    told = [message_text(m) for m in await d.messages(huang)]
    assert not [text for text in told if "转为正式参加" in text], told


async def test_a_held_move_up_does_not_go_once_cancelled(linli_sandbox: Harness) -> None:
    """黄奶奶's held '已从候补转为正式参加' and the meeting is cancelled the same night: at 07:00
    she gets the cancellation alone. Before, the notice of her seat went first."""
    h = linli_sandbox
    d = h.driver
    service = h.sandbox.app.dp["scheduler"]
    _zhou, _wu, huang = GOING
    meeting = await _moved_up_at_night(h)
    async with h.sessionmaker() as session:
        staff = await session.get(User, STAFF)
        assert staff is not None
        await meetings.cancel_meeting(
            session,
            user=staff,
            roles=frozenset({Role.RESIDENT, Role.STAFF}),
            meeting_id=meeting.id or 0,
            reason="台风",
            now=h.clock(),
            notifier=Notifier(texts=h.sandbox.app.translator, now=h.clock()),
        )
    h.clock.set(MORNING)
    await service.drain(now=h.clock())
    await d.expect(huang, "议事会取消")
    told = [message_text(m) for m in await d.messages(huang)]
    assert not [text for text in told if "转为正式参加" in text], told


async def _answer(h: Harness, meeting: Meeting, user_id: int, answer: RsvpAnswer) -> None:
    async with h.sessionmaker() as session:
        user = await session.get(User, user_id)
        assert user is not None
        await meetings.rsvp(
            session,
            user=user,
            meeting_id=meeting.id or 0,
            answer=answer,
            now=h.clock(),
            notifier=Notifier(texts=h.sandbox.app.translator, now=h.clock()),
        )


async def test_a_held_waitlist_place_is_the_place_when_it_goes(linli_sandbox: Harness) -> None:
    """At 23:00 李社工 lowers a meeting of 3 to 1 and moves 吴大爷 and 黄奶奶 to the waitlist
    (第 1 and 第 2 位), the notices held until 07:00. Then 周阿姨 answers 不去: 吴大爷 moves up
    into her seat and 黄奶奶 to 第 1 位. At 07:00 黄奶奶 reads '转为候补第 1 位', and 吴大爷
    only that he has a seat. Before, '第 2 位' went to her, and to him the waitlist place he
    no longer had, ahead of his seat."""
    h = linli_sandbox
    d = h.driver
    service = h.sandbox.app.dp["scheduler"]
    zhou, wu, huang = GOING
    h.clock.set(NIGHT - timedelta(hours=10))
    meeting = await published_meeting(h, capacity=3)
    for user_id in GOING:
        await _sign_up(h, meeting, user_id)
        h.clock.advance(timedelta(minutes=1))
    await service.drain(now=h.clock())
    h.clock.set(NIGHT)
    warning = await _edit_capacity(h, meeting, "1")
    await d.tap(STAFF, "最晚报名的 2 人转为候补", warning["message_id"])
    await d.expect(STAFF, "已转为候补", since=warning["message_id"])
    await _answer(h, meeting, zhou, RsvpAnswer.NO)
    await service.drain(now=h.clock())
    assert not [m for m in await d.messages(huang) if "转为候补第" in message_text(m)]
    h.clock.set(MORNING)
    await service.drain(now=h.clock())
    await d.expect(huang, "转为候补第 1 位")
    await d.expect(wu, "转为正式参加")
    told = [message_text(m) for m in await d.messages(huang)]
    assert not [text for text in told if "第 2 位" in text], told
    told = [message_text(m) for m in await d.messages(wu)]
    assert not [text for text in told if "转为候补第" in text], told


async def test_a_held_move_up_carries_the_time_when_it_goes(linli_sandbox: Harness) -> None:
    """黄奶奶's held '已从候补转为正式参加：…（<time>）', and 李社工 postpones the meeting by a
    day the same night: at 07:00 the notice names the new time, as the 延期 after it does.
    Before, it named the old one."""
    h = linli_sandbox
    d = h.driver
    service = h.sandbox.app.dp["scheduler"]
    _zhou, _wu, huang = GOING
    meeting = await _moved_up_at_night(h)
    later = meeting.starts_at + timedelta(days=1)
    zone = h.sandbox.app.settings.zone
    old, new = (
        h.sandbox.app.translator.get(
            "zh-Hans", "date-time", **when_args(when, zone=zone, now=h.clock())
        )
        for when in (meeting.starts_at, later)
    )
    async with h.sessionmaker() as session:
        staff = await session.get(User, STAFF)
        assert staff is not None
        await meetings.postpone_meeting(
            session,
            user=staff,
            roles=frozenset({Role.RESIDENT, Role.STAFF}),
            meeting_id=meeting.id or 0,
            starts_at=later,
            reason="会议室维修",
            now=h.clock(),
            notifier=Notifier(texts=h.sandbox.app.translator, now=h.clock()),
        )
    h.clock.set(MORNING)
    await service.drain(now=h.clock())
    await d.expect(huang, "议事会延期")
    text = message_text(await d.expect(huang, "转为正式参加"))
    assert new in text and old not in text, (text, new, old)
