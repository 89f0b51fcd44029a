"""A poll's outcome asked in words ('投票结果怎么样了', '电梯的投票通过了吗', 'what did the poll
decide?') gets the result, and 🗳 近期议事 lists the polls closed lately with their result a tap
away. Found walking the sandbox: after the close, 周阿姨 asked '投票结果是什么' and was offered to
file it as a matter; 🗳 近期议事 said '没有进行中的投票' and had no way to the result for anyone
who had missed its message."""

from __future__ import annotations

from datetime import timedelta

from models import User
from sandbox.driver import message_text
from services import polls
from tests.consult.test_e2e_qa_polls import STAFF, ZHOU, labels_of, make_poll
from tests.e2e.conftest import Harness
from tests.support import reply_to

WU = 4002  # 吴大爷
ALEX = 5002  # English


async def _vote_and_close(h: Harness, poll_id: int, votes: dict[int, int]) -> None:
    async with h.sessionmaker() as session:
        options = await polls.poll_options(session, poll_id=poll_id)
        for voter, choice in votes.items():
            person = await session.get(User, voter)
            assert person is not None
            await polls.cast_vote(
                session,
                user=person,
                poll_id=poll_id,
                option_ids=[options[choice].id or 0],
                now=h.clock(),
            )
        await polls.close_poll(session, poll_id=poll_id, now=h.clock(), actor_id=STAFF)


async def test_result_asked_in_words_and_listed(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    # nothing yet: said so, not a matter to file
    [none] = await d.say(ZHOU, "投票结果怎么样了")
    assert "没有结束的投票" in message_text(none), message_text(none)
    assert "报给社区" not in str(none.get("reply_markup"))
    # a running poll: when it closes, results after it (hidden until the close)
    poll_id = await make_poll(h, question="明年优先办哪些事？")
    await d.expect(ZHOU, "投票：")
    [running] = await d.say(ZHOU, "电梯的投票怎么样了")
    assert "「明年优先办哪些事？」还在投票中" in message_text(running), message_text(running)
    assert "结果截止后公布" in message_text(running)
    # closed: the result itself
    await _vote_and_close(h, poll_id, {ZHOU: 1, WU: 1})
    h.clock.advance(timedelta(days=2))
    [result] = await d.say(ZHOU, "投票结果是什么")
    text = message_text(result)
    assert "明年优先办哪些事？" in text and "加装电梯: 2" in text, text
    # and listed under 🗳 近期议事, a tap away
    [hub] = await d.say(ZHOU, "🗳 近期议事")
    assert "最近结束的投票" in message_text(hub), message_text(hub)
    [closed] = [b for b in labels_of(hub) if b.startswith("📊")]
    assert "明年优先办哪些事" in closed and "已结束" in closed, closed
    await d.tap(ZHOU, closed, hub["message_id"])
    shown = await d.expect(ZHOU, "加装电梯: 2", since=hub["message_id"])
    assert "明年优先办哪些事？" in message_text(shown)
    # two closed lately: which one
    second = await make_poll(
        h,
        question="春节联欢会办在哪里？",
        options=["活动室", "广场"],
        closes_at=h.clock() + timedelta(days=1),
    )
    await _vote_and_close(h, second, {WU: 0})
    which = await reply_to(d, WU, "上次投票结果", "点一个看结果")
    assert "点一个看结果" in message_text(which), message_text(which)
    assert len([b for b in labels_of(which) if b.startswith("📊")]) == 2
    # a fortnight on, no longer listed
    h.clock.advance(timedelta(days=polls.RESULTS_LISTED_DAYS + 1))
    hub = await reply_to(d, ZHOU, "🗳 近期议事", "近期议事")
    assert not [b for b in labels_of(hub) if b.startswith("📊")], labels_of(hub)
    assert await d.errors() == []


async def test_result_asked_in_english(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    async with h.sessionmaker() as session:  # Alex registered at 周阿姨's building, in English
        alex = await session.get(User, ALEX)
        zhou = await session.get(User, ZHOU)
        assert alex is not None and zhou is not None
        alex.community_id, alex.grid_id, alex.building_id = (
            zhou.community_id,
            zhou.grid_id,
            zhou.building_id,
        )
        alex.room, alex.consent_at, alex.language = "401", h.clock(), "en"
        session.add(alex)
        await session.commit()
    poll_id = await make_poll(h)
    await _vote_and_close(h, poll_id, {ZHOU: 0, ALEX: 0})
    result = await reply_to(d, ALEX, "what did the poll decide?", "Poll result")
    text = message_text(result)
    assert "Poll result" in text and "修路灯: 2" in text, text
    assert "Shall we report this" not in text
    assert await d.errors() == []
