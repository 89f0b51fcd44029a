"""What staff read of a poll's announcement is true: published at night, the confirmation says
how many will be told at 07:00 (not '已通知 N 人' for them all), and the poll's card says how
many were told, how many wait for the morning, and how many were dropped unsent because they
(or their household) voted first. Before, '已通知 N 人' counted announcements held for 07:00
and then dropped, which nobody ever got."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from handlers.consult_kit import PollCb
from models import Role, User
from sandbox.driver import message_text
from scheduler.service import SchedulerService
from services import polls
from services.users import staff_scopes
from tests.consult.test_e2e_poll_card_after_end import _card
from tests.consult.test_e2e_qa_polls import CLOSES, STAFF, ZHOU, make_poll
from tests.consult.test_e2e_voted_at_night import _vote_by_link
from tests.e2e.conftest import Harness

NIGHT = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)  # 23:00 in Shanghai, a Monday
MORNING = datetime(2026, 11, 23, 23, 1, tzinfo=UTC)  # 07:01 the next day
WAITING = re.compile(r"另有 (\d+) 人的通知等到 11月24日（周二）07:00 发出")


async def _draft(h: Harness) -> int:
    """A one-vote-per-household poll of 阳光社区, not yet published."""
    async with h.sessionmaker() as session:
        staff = await session.get(User, STAFF)
        assert staff is not None
        community_id = (await staff_scopes(session, user_id=STAFF))[0].community_id
        poll = await polls.create_poll(
            session,
            user=staff,
            roles=frozenset({Role.RESIDENT, Role.STAFF}),
            now=h.clock(),
            draft=polls.PollDraft(
                community_id=community_id,
                question="明年优先办哪些事？",
                options=["修路灯", "加装电梯", "建充电桩"],
                closes_at=CLOSES,
                per_household=True,
            ),
        )
        return poll.id or 0


async def test_published_at_night_says_who_waits_for_the_morning(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    h.clock.set(NIGHT)
    poll_id = await _draft(h)
    [greeting] = await d.say(STAFF, "/start")
    await d.click(STAFF, greeting["message_id"], data=PollCb(action="publish", id=poll_id).pack())
    done = message_text(await d.expect(STAFF, "投票已发布", since=greeting["message_id"]))
    assert "已通知" not in done, done  # nobody has been told yet
    said = re.search(r"(\d+) 人的通知会在 11月24日（周二）07:00 发出", done)
    assert said is not None and int(said[1]) > 2, done
    held = int(said[1])

    text = message_text(await _card(d))
    assert f"📨 投票通知：已发给 0 人，另有 {held} 人的通知等到" in text, text

    # 周阿姨 votes at night: her announcement and 黄奶奶's (same household) are dropped
    await _vote_by_link(h, ZHOU, poll_id)
    text = message_text(await _card(d))
    assert f"已发给 0 人，另有 {held - 2} 人的通知等到" in text, text
    assert "2 人的通知没有发出（发出前本人或家人已投票）" in text, text

    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    h.clock.set(MORNING)
    await service.run_due()
    await service.drain()
    text = message_text(await _card(d))
    assert f"📨 投票通知：已发给 {held - 2} 人；2 人的通知没有发出" in text, text
    assert WAITING.search(text) is None, text


async def test_published_by_day_card_counts_those_told(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await make_poll(h)
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    await service.drain()
    text = message_text(await _card(d))
    told = re.search(r"📨 投票通知：已发给 (\d+) 人", text)
    assert told is not None and int(told[1]) > 2, text
    assert "等到" not in text and "没有发出" not in text, text
