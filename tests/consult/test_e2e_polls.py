"""Polls from creation to the published result, through the sandbox: staff, residents, a grid
worker voting by proxy, the household rule, vote change, quorum met and not met."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlmodel import select

from models import AuditEvent
from models.consultations import Poll, PollStatus, Vote
from sandbox.driver import Driver, message_text
from tests.e2e.conftest import Harness
from tests.support import reply_to

STAFF = 2001  # 李社工, 阳光社区
GRID_WORKER = 2002  # 张网格员, 第一网格
ZHOU = 4001  # 周阿姨, 1号楼 302
WU = 4002  # 吴大爷, 1号楼 502
ZHENG = 4003  # 郑先生, 5号楼 101
HUANG = 4005  # 黄奶奶, 1号楼 302 (same household as 周阿姨)
NEW = 5001  # 小林, not registered
CHANNEL = -1001000000001  # 阳光社区公示
CLOSES = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)  # 11-24 20:00 in Shanghai
AFTER_JUMP = 30.0  # seconds to wait for the close after the clock jumps (retraining runs beside)


async def create_poll(
    d: Driver,
    *,
    question: str,
    options: list[str],
    household: bool,
    quorum: str,
    basis: str,
    threshold: str,
    named: bool,
) -> None:
    """Staff create and publish a poll for 1号楼 through the chat form."""
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "➕ 新建投票")
    await d.expect(STAFF, "请输入投票问题")
    # bad input first: one option, then 13 options; both refused, the step asked again
    await d.say(STAFF, question)
    refusal = await reply_to(d, STAFF, "只有一个选项", "选项要有 2 到 12 个")
    assert "选项要有 2 到 12 个" in message_text(refusal)
    refusal = await reply_to(
        d, STAFF, "\n".join(f"选项{i}" for i in range(13)), "选项要有 2 到 12 个"
    )
    assert "选项要有 2 到 12 个" in message_text(refusal)
    ask = await reply_to(d, STAFF, "\n".join(options), "单选还是多选")
    await d.tap(STAFF, "单选", ask["message_id"])
    ask = await d.expect(STAFF, "面向哪些人", since=ask["message_id"])
    await d.tap(STAFF, "指定楼栋", ask["message_id"])
    pick = await d.expect(STAFF, "可多选", since=ask["message_id"])
    await d.tap(STAFF, "1号楼", pick["message_id"])
    await d.tap(STAFF, "✅ 完成", pick["message_id"])
    ask = await d.expect(STAFF, "谁可以投票", since=pick["message_id"])
    await d.tap(STAFF, "只限已核实的居民", ask["message_id"])
    ask = await d.expect(STAFF, "一户一票", since=ask["message_id"])
    await d.tap(STAFF, "✅ 是" if household else "❌ 否", ask["message_id"])
    settled = await d.expect(STAFF, "截止时间", since=ask["message_id"])
    # the question keeps the answer as tapped, its own mark not doubled ('✅ ✅ 是')
    [question_now] = [m for m in await d.messages(STAFF) if m["message_id"] == ask["message_id"]]
    assert message_text(question_now).endswith("\n✅ 是" if household else "\n❌ 否")
    ask = settled
    [refusal] = await d.say(STAFF, "2026-11-01 20:00")  # a closing time in the past
    assert "截止时间已经过去了" in message_text(refusal)
    [ask] = await d.say(STAFF, "2026-11-24 20:00")
    await d.tap(STAFF, "实名" if named else "匿名", ask["message_id"])
    ask = await d.expect(STAFF, "结果什么时候公开", since=ask["message_id"])
    await d.tap(STAFF, "截止后公开", ask["message_id"])
    ask = await d.expect(STAFF, "参与比例才有效", since=ask["message_id"])
    [ask] = await d.say(STAFF, quorum)
    if household:  # one vote per household: its quorum is of households, not asked
        assert "参与比例按户数算" in message_text(ask) and "赞成须达到" in message_text(ask)
    else:
        await d.tap(STAFF, basis, ask["message_id"])
        await d.expect(STAFF, "赞成须达到", since=ask["message_id"])
    [first, *_] = await d.say(STAFF, threshold)
    # the reply we want may come after others: wait for it, not for a quiet spell
    preview = await d.expect(STAFF, "预览", since=first["message_id"] - 1)
    assert question in message_text(preview)
    # what staff chose is all there to check before 📣 发布: who gets it, who may vote, results
    for line in ("👥 面向：1号楼", "🙋 谁可以投：只限已核实的居民", "📊 结果：截止后公开"):
        assert line in message_text(preview), message_text(preview)
    if household:  # its quorum is of households: said so
        assert "总户数的 2/3 才有效（一户一票，按户数算）" in message_text(preview)
    await d.tap(STAFF, "📣 发布", preview["message_id"])
    await d.expect(STAFF, "投票已发布", since=preview["message_id"])


async def ballot(d: Driver, user: int) -> dict[str, Any]:
    """The person opens the ballot from the announcement."""
    announce = await d.expect(user, "投票：")
    last = (await d.messages(user))[-1]["message_id"]
    await d.tap(user, "去投票", announce["message_id"])
    return await d.expect(user, "截止：", since=last)


async def test_quorum_met_with_vote_change_and_proxy_vote(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await create_poll(
        d,
        question="1号楼是否加装电梯？",
        options=["同意", "反对"],
        household=False,
        quorum="2/3",
        basis="按人数",
        threshold="3/4",
        named=True,
    )
    async with h.sessionmaker() as session:
        poll = (await session.exec(select(Poll))).one()
    # 周 votes against, then changes her vote before the close
    first = await ballot(d, ZHOU)
    await d.tap(ZHOU, "反对", first["message_id"])
    await d.expect(ZHOU, "已投票：反对")
    second = await ballot(d, ZHOU)
    assert "您的选择：反对" in message_text(second)
    await d.tap(ZHOU, "同意", second["message_id"])
    await d.expect(ZHOU, "已改票：同意")
    # a forged option id changes nothing
    answer = await d.click(ZHOU, second["message_id"], data=f"cpv:{poll.id}:99999:0")
    assert "选项无效" in str(answer)
    # 吴大爷 cannot use the phone: the grid worker records his vote, marked in the audit
    await d.say(GRID_WORKER, "🏛 议事管理")
    await d.tap(GRID_WORKER, "📊 投票列表")
    listed = await d.expect(GRID_WORKER, "投票列表")
    await d.tap(GRID_WORKER, "1号楼是否加装电梯", listed["message_id"])
    card = await d.expect(GRID_WORKER, "状态：进行中", since=listed["message_id"])
    await d.tap(GRID_WORKER, "✍️ 代投", card["message_id"])
    ask = await d.expect(GRID_WORKER, "请选择居民所在楼栋", since=card["message_id"])
    await d.tap(GRID_WORKER, "1号楼", ask["message_id"])
    await d.expect(GRID_WORKER, "请输入居民的房号", since=ask["message_id"])
    [first, *_] = await d.say(GRID_WORKER, "502")
    # the reply we want may come after others: wait for it, not for a quiet spell
    proxy = await d.expect(GRID_WORKER, "代 吴大爷 投票", since=first["message_id"] - 1)
    await d.tap(GRID_WORKER, "同意", proxy["message_id"])
    await d.expect(GRID_WORKER, "已为 吴大爷 代投：同意")
    # 黄奶奶 opens the ballot but only taps after the close: refused
    late = await ballot(d, HUANG)
    h.clock.set(CLOSES + timedelta(seconds=1))
    result = await d.expect(CHANNEL, "投票结果：1号楼是否加装电梯？", timeout=AFTER_JUMP)
    text = message_text(result)
    assert "• 同意: 2 (100%)" in text and "参与：2 / 3人（67%）" in text
    assert "其中代投 1 票" in text and "法定参与比例 2/3：✅ 达到" in text
    assert "✅ 通过（同意）" in text and result.get("photo")
    await d.expect(HUANG, "投票结果：1号楼是否加装电梯？", timeout=AFTER_JUMP)
    answer = await d.tap(HUANG, "反对", late["message_id"])
    assert "投票已经结束" in str(answer)
    # staff export the result with its audit (a named poll: the votes too)
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "📊 投票列表")
    listed = await d.expect(STAFF, "投票列表")
    await d.tap(STAFF, "1号楼是否加装电梯", listed["message_id"])
    card = await d.expect(STAFF, "状态：已结束", since=listed["message_id"])
    await d.tap(STAFF, "📥 导出 Excel", card["message_id"])
    export = await d.expect(STAFF, "投票结果导出", since=card["message_id"])
    assert export.get("document")
    async with h.sessionmaker() as session:
        votes = (await session.exec(select(Vote))).all()
        assert sorted((v.voter_id, v.proxy_by, v.changes) for v in votes) == [
            (ZHOU, None, 1),
            (WU, GRID_WORKER, 0),
        ]
        actions = (
            await session.exec(
                select(AuditEvent.action, AuditEvent.actor_id).where(
                    AuditEvent.subject_type == "poll"
                )
            )
        ).all()
        assert ("poll-proxy-vote", GRID_WORKER) in actions
        assert ("poll-vote-change", ZHOU) in actions
        assert ("poll-close", None) in actions


async def test_household_rule_and_quorum_not_met(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await create_poll(
        d,
        question="1号楼楼道是否安装监控？",
        options=["同意", "反对", "弃权"],
        household=True,
        quorum="三分之二",
        basis="",  # not asked: one vote per household counts households
        threshold="过半",
        named=False,
    )
    async with h.sessionmaker() as session:
        poll = (await session.exec(select(Poll))).one()
    hers = await ballot(d, HUANG)  # opened before anyone of her household voted
    mine = await ballot(d, ZHOU)
    await d.tap(ZHOU, "同意", mine["message_id"])
    await d.expect(ZHOU, "已投票：同意")
    # 黄奶奶 lives in the same room: the household has voted, her ballot is refused
    answer = await d.tap(HUANG, "反对", hers["message_id"])
    assert "一户只能投一票" in str(answer)
    # opened again, it says so instead of offering a ballot
    await d.tap(HUANG, "去投票", (await d.expect(HUANG, "投票："))["message_id"])
    await d.expect(HUANG, "您家（同一房号）已经有人在", since=hers["message_id"])
    # outside the audience (5号楼) and not registered: refused, even with a forged button
    greeting = (await d.say(ZHENG, "/start"))[-1]
    answer = await d.click(ZHENG, greeting["message_id"], data=f"cpb:{poll.id}")
    assert "不面向您所在的范围" in str(answer)
    greeting = (await d.say(NEW, "/start"))[-1]
    answer = await d.click(NEW, greeting["message_id"], data=f"cpv:{poll.id}:1:0")
    # told in the chat with the way on (🏠 现在登记), not by an alert
    refusal = await d.expect(NEW, "请先登记住址", since=greeting["message_id"])
    assert "现在登记" in str(refusal["reply_markup"]) and not answer["answer"]["show_alert"]
    h.clock.set(CLOSES + timedelta(seconds=1))
    result = await d.expect(CHANNEL, "投票结果：1号楼楼道是否安装监控？", timeout=AFTER_JUMP)
    text = message_text(result)
    assert "参与：1 / 64户（2%）" in text
    assert "法定参与比例 2/3：❌ 未达到" in text and "❌ 未通过" in text
    assert result.get("photo")
    async with h.sessionmaker() as session:
        closed = (await session.exec(select(Poll))).one()
        assert closed.status == PollStatus.CLOSED and closed.quorum_met is False
        assert len((await session.exec(select(Vote))).all()) == 1


async def test_multiple_choice_with_a_maximum(linli_sandbox: Harness) -> None:
    from models import Role, User
    from services import polls
    from services.consult_common import Notifier

    h = linli_sandbox
    d = h.driver
    app = h.sandbox.app
    async with h.sessionmaker() as session:
        staff = await session.get(User, STAFF)
        assert staff is not None and staff.community_id is None
        from services.users import staff_scopes

        community_id = (await staff_scopes(session, user_id=STAFF))[0].community_id
        roles = frozenset({Role.RESIDENT, Role.STAFF})
        poll = await polls.create_poll(
            session,
            user=staff,
            roles=roles,
            now=h.clock(),
            draft=polls.PollDraft(
                community_id=community_id,
                question="明年优先办哪些事？",
                options=["修路灯", "加装电梯", "建充电桩", "增设座椅"],
                multiple=True,
                max_choices=2,
                closes_at=CLOSES,
                live_results=True,
            ),
        )
        await polls.publish_poll(
            session,
            user=staff,
            roles=roles,
            poll_id=poll.id or 0,
            now=h.clock(),
            notifier=Notifier(texts=app.translator, now=h.clock()),
        )
    mine = await ballot(d, ZHOU)
    assert "最多选 2 项" in message_text(mine)
    await d.tap(ZHOU, "修路灯", mine["message_id"])
    await d.tap(ZHOU, "建充电桩", mine["message_id"])
    answer = await d.tap(ZHOU, "加装电梯", mine["message_id"])
    assert "最多只能选 2 项" in str(answer)
    await d.tap(ZHOU, "提交", mine["message_id"])
    voted = await d.expect(ZHOU, "已投票")
    assert "修路灯" in message_text(voted) and "建充电桩" in message_text(voted)
    # live results are visible while the poll is open
    again = await ballot(d, ZHOU)
    await d.tap(ZHOU, "查看结果", again["message_id"])
    live = await d.expect(ZHOU, "目前结果", since=again["message_id"])
    assert "• 修路灯: 1 (100%)" in message_text(live)
    # staff close it now: a poll with no quorum and no threshold shows neither line
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "📊 投票列表")
    listed = await d.expect(STAFF, "投票列表")
    await d.tap(STAFF, "明年优先办哪些事", listed["message_id"])
    card = await d.expect(STAFF, "状态：进行中", since=listed["message_id"])
    await d.tap(STAFF, "⏹ 立即结束", card["message_id"])
    ask = await d.expect(STAFF, "确定现在就结束投票", since=card["message_id"])
    assert "已收到 1 张选票" in message_text(ask)
    await d.tap(STAFF, "确认立即结束", ask["message_id"])
    for who, since in ((STAFF, card["message_id"]), (ZHOU, live["message_id"])):
        result = message_text(
            await d.expect(who, "投票结果：明年优先办哪些事？", since=since, timeout=AFTER_JUMP)
        )
        # one ballot for two options: a tie, said so (not "得票最多：-")
        assert "平票：修路灯、建充电桩 各 1 票" in result and "得票最多" not in result
        assert "通过比例" not in result and "法定参与比例" not in result
        assert "未设置" not in result and "-：" not in result
