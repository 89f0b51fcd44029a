"""Staff's 📊 投票列表: titled for what it lists (every status, not '进行中的投票'); running
polls first with their closing time (the one closing first on top), then drafts, closed polls
with their outcome as the close computed it (通过 / 未通过 / 无效 / most votes), the latest
cancelled last."""

from __future__ import annotations

from datetime import timedelta
from fractions import Fraction
from typing import Any

from models import Role, User
from sandbox.driver import message_text
from services import polls
from services.consult_common import Notifier
from services.users import staff_scopes
from tests.consult.test_e2e_qa_polls import STAFF, ZHOU, labels_of, make_poll
from tests.e2e.conftest import Harness

WU = 4002  # 吴大爷, 1号楼 502
ROLES = frozenset({Role.RESIDENT, Role.STAFF})


async def _closed(h: Harness, question: str, votes: dict[int, int], **rule: Any) -> None:
    """A poll of 阳光社区 voted on (resident → option index) and closed now."""
    poll_id = await make_poll(h, question=question, options=["同意", "不同意"], **rule)
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


async def _draft(h: Harness, question: str, *, cancel: bool = False) -> None:
    async with h.sessionmaker() as session:
        staff = await session.get(User, STAFF)
        assert staff is not None
        community_id = (await staff_scopes(session, user_id=STAFF))[0].community_id
        poll = await polls.create_poll(
            session,
            user=staff,
            roles=ROLES,
            now=h.clock(),
            draft=polls.PollDraft(
                community_id=community_id,
                question=question,
                options=["同意", "不同意"],
                closes_at=h.clock() + timedelta(days=3),
            ),
        )
        if cancel:
            await polls.cancel_poll(
                session,
                user=staff,
                roles=ROLES,
                poll_id=poll.id or 0,
                now=h.clock(),
                notifier=Notifier(texts=h.sandbox.app.translator, now=h.clock()),
            )


async def test_the_list_by_status_with_outcomes(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await make_poll(h)  # closes 11-24 20:00
    await make_poll(h, question="垃圾分类点放在哪里？", closes_at=h.clock() + timedelta(hours=3))
    await _closed(h, "楼道灯要不要换？", {ZHOU: 0}, threshold=Fraction(1, 2))
    await _closed(h, "要不要加装电梯？", {ZHOU: 0}, quorum=Fraction(9, 10))
    await _closed(h, "门口要不要设快递柜？", {ZHOU: 0, WU: 1}, threshold=Fraction(1, 2))
    await _closed(h, "周末开放活动室吗？", {ZHOU: 1})
    await _draft(h, "充电桩装在哪里？")
    await _draft(h, "停车要不要收费？", cancel=True)
    [hub] = await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "📊 投票列表", hub["message_id"])
    listed = await d.expect(STAFF, "投票列表", since=hub["message_id"])
    assert "进行中的投票" not in message_text(listed)
    assert "最近取消的" in message_text(listed)
    labels = labels_of(listed)
    assert [label.split(" ")[0] for label in labels] == ["🗳", "🗳", "📝", *["📊"] * 4, "✖️"]
    # running: the one closing first on top, each with its closing time
    assert labels[0].startswith("🗳 垃圾分类点放在哪里？ · 截止")
    assert labels[1].startswith("🗳 明年优先办哪些事？ · 截止")
    assert labels[2] == "📝 充电桩装在哪里？ · 草稿，未发布"
    # closed: the latest first, each with its outcome
    assert labels[3:7] == [
        "📊 周末开放活动室吗？ · 最多：不同意",
        "📊 门口要不要设快递柜？ · ❌ 未通过",
        "📊 要不要加装电梯？ · ⚠️ 无效（参与不足）",
        "📊 楼道灯要不要换？ · ✅ 通过",
    ]
    assert labels[7] == "✖️ 停车要不要收费？ · 已取消"
    # a closed one still opens its card
    await d.tap(STAFF, "楼道灯要不要换", listed["message_id"])
    await d.expect(STAFF, "状态：已结束", since=listed["message_id"])


async def test_no_polls_yet(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    [hub] = await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "📊 投票列表", hub["message_id"])
    said = await d.expect(STAFF, "还没有投票", since=hub["message_id"])
    assert "您可以参加" not in message_text(said)
