"""The poll form goes back a step (DESIGN: every flow goes back a step): after the question,
each typed step has ⬅️ 上一步 beside ✖️ 取消 (also typed: 上一步 / 返回), which asks the question
before again with what was entered (the options one a line, to send again or change); a button
question left that way loses its buttons. Before, only 取消 was offered: a slip meant starting
the poll again, and '⬅️ 上一步' was refused as 'not text' at every step."""

from __future__ import annotations

from sqlmodel import col, select

from models.consultations import Poll, PollOption, QuorumBasis
from sandbox.driver import message_text
from tests.consult.test_e2e_polls import STAFF
from tests.e2e.conftest import Harness
from tests.support import reply_to


def _reply_labels(message: dict) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [b["text"] for row in markup.get("keyboard", []) for b in row]


def _has_buttons(message: dict) -> bool:
    return bool((message.get("reply_markup") or {}).get("inline_keyboard"))


async def test_poll_form_goes_back_and_keeps_the_change(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "➕ 新建投票")
    first = await d.expect(STAFF, "请输入投票问题")
    assert _reply_labels(first) == ["✖️ 取消"]  # the first step: nothing to go back to
    # the back label is no question
    refusal = await reply_to(d, STAFF, "⬅️ 上一步", "按钮上的字")
    assert "上一步" in message_text(refusal)
    options = await reply_to(d, STAFF, "小区停车怎么收费", "每行一个")
    assert _reply_labels(options) == ["⬅️ 上一步", "✖️ 取消"]
    # nor an option, alone (back a step) or among others (refused, the step stays)
    refusal = await reply_to(d, STAFF, "按月收费\n⬅️ 上一步", "选项")
    assert "单选还是多选" not in message_text(refusal)
    multiple = await reply_to(d, STAFF, "按月收费\n按次收费", "单选还是多选")
    # back from the buttons: the options asked again, shown one a line, the buttons gone
    again = await reply_to(d, STAFF, "⬅️ 上一步", "每行一个")
    assert "按月收费\n按次收费" in message_text(again)
    [multiple] = [m for m in await d.messages(STAFF) if m["message_id"] == multiple["message_id"]]
    assert not _has_buttons(multiple)
    # and once more: the question, with what was typed, 取消 only
    question = await reply_to(d, STAFF, "返回", "请输入投票问题")
    assert "小区停车怎么收费" in message_text(question)
    assert _reply_labels(question) == ["✖️ 取消"]
    await reply_to(d, STAFF, "小区停车费怎么定", "每行一个")
    ask = await reply_to(d, STAFF, "按月收费\n按次收费\n免费", "单选还是多选")
    await d.tap(STAFF, "多选", ask["message_id"])
    await d.expect(STAFF, "最多可以选几项", since=ask["message_id"])
    ask = await reply_to(d, STAFF, "上一步", "单选还是多选")  # typed, not tapped
    await d.tap(STAFF, "单选", ask["message_id"])
    ask = await d.expect(STAFF, "面向哪些人", since=ask["message_id"])
    await d.tap(STAFF, "全社区", ask["message_id"])
    ask = await d.expect(STAFF, "谁可以投票", since=ask["message_id"])
    await d.tap(STAFF, "只限已核实的居民", ask["message_id"])
    ask = await d.expect(STAFF, "一户一票", since=ask["message_id"])
    await d.tap(STAFF, "❌ 否", ask["message_id"])
    await d.expect(STAFF, "截止时间", since=ask["message_id"])
    ask = await reply_to(d, STAFF, "⬅️ 上一步", "一户一票")
    await d.tap(STAFF, "✅ 是", ask["message_id"])
    await d.expect(STAFF, "截止时间", since=ask["message_id"])
    ask = await reply_to(d, STAFF, "2026-11-24 20:00", "匿名还是实名")
    await d.tap(STAFF, "匿名", ask["message_id"])
    ask = await d.expect(STAFF, "结果什么时候公开", since=ask["message_id"])
    await d.tap(STAFF, "截止后公开", ask["message_id"])
    quorum = await d.expect(STAFF, "参与比例才有效", since=ask["message_id"])
    assert _reply_labels(quorum) == ["跳过", "⬅️ 上一步", "✖️ 取消"]
    ask = await reply_to(d, STAFF, "⬅️ 上一步", "结果什么时候公开")
    await d.tap(STAFF, "投票中实时公开", ask["message_id"])
    await d.expect(STAFF, "参与比例才有效", since=ask["message_id"])
    ask = await reply_to(d, STAFF, "跳过", "赞成须达到")
    # from the threshold back to the quorum, then a quorum this time
    ask = await reply_to(d, STAFF, "⬅️ 上一步", "参与比例才有效")
    # one vote per household: counted in households, not asked (按人数 would mean nothing)
    ask = await reply_to(d, STAFF, "1/2", "赞成须达到")
    assert "参与比例按户数算" in message_text(ask) and "按什么算" not in message_text(ask)
    # back from the threshold: the quorum again, not a basis question never asked
    await reply_to(d, STAFF, "⬅️ 上一步", "参与比例才有效")
    await reply_to(d, STAFF, "1/2", "赞成须达到")
    preview = await reply_to(d, STAFF, "跳过", "预览")
    text = message_text(preview)
    assert "小区停车费怎么定" in text and "3. 免费" in text and "上一步" not in text, text
    await d.tap(STAFF, "📣 发布", preview["message_id"])
    await d.expect(STAFF, "投票已发布", since=preview["message_id"])
    async with h.sessionmaker() as session:
        poll = (await session.exec(select(Poll).order_by(col(Poll.id).desc()))).first()
        assert poll is not None
        labels = (
            await session.exec(
                select(PollOption.text)
                .where(PollOption.poll_id == poll.id)
                .order_by(col(PollOption.position))
            )
        ).all()
    assert poll.question == "小区停车费怎么定"
    assert list(labels) == ["按月收费", "按次收费", "免费"]
    assert not poll.multiple and poll.max_choices == 1
    assert (
        poll.per_household and poll.live_results and poll.quorum_num == 1 and poll.quorum_den == 2
    )
    assert poll.quorum_basis == QuorumBasis.HOUSEHOLDS


async def test_back_at_the_question_keeps_the_form_for_the_guard(linli_sandbox: Harness) -> None:
    """Back at the first step, what was typed is still there: another form's starter asks
    first (before, the question step counted as empty and the poll was dropped silently)."""
    d = linli_sandbox.driver
    [hub, *_] = [
        m for m in await d.say(STAFF, "🏛 议事管理") if "新建投票" in str(m.get("reply_markup"))
    ]
    await d.tap(STAFF, "➕ 新建投票", hub["message_id"])
    await d.expect(STAFF, "请输入投票问题", since=hub["message_id"])
    await reply_to(d, STAFF, "小区停车怎么收费", "每行一个")
    await reply_to(d, STAFF, "⬅️ 上一步", "请输入投票问题")
    await d.tap(STAFF, "➕ 新建议事会", hub["message_id"])
    busy = await d.expect(STAFF, "没有填完", since=hub["message_id"])
    assert "新建投票" in message_text(busy)


async def test_a_button_question_has_its_own_back_button(linli_sandbox: Harness) -> None:
    """A question answered with buttons has ⬅️ 上一步 under them (the reply keyboard's may be
    gone); an older question's is out of date."""
    d = linli_sandbox.driver
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "➕ 新建投票")
    await d.expect(STAFF, "请输入投票问题")
    await reply_to(d, STAFF, "小区停车怎么收费", "每行一个")
    multiple = await reply_to(d, STAFF, "按月收费\n按次收费", "单选还是多选")
    rows = multiple["reply_markup"]["inline_keyboard"]
    assert [b["text"] for b in rows[-1]] == ["⬅️ 上一步"]
    await d.tap(STAFF, "单选", multiple["message_id"])
    audience = await d.expect(STAFF, "面向哪些人", since=multiple["message_id"])
    await d.tap(STAFF, "全社区", audience["message_id"])
    elig = await d.expect(STAFF, "谁可以投票", since=audience["message_id"])
    await d.tap(STAFF, "⬅️ 上一步", elig["message_id"])
    again = await d.expect(STAFF, "面向哪些人", since=elig["message_id"])
    [elig] = [m for m in await d.messages(STAFF) if m["message_id"] == elig["message_id"]]
    assert not _has_buttons(elig)  # the question left loses its buttons
    stale = await d.click(STAFF, multiple["message_id"], data="cpl:f_back:0:0")
    assert stale["answer"] is not None and stale["answer"]["show_alert"]
    await d.tap(STAFF, "全社区", again["message_id"])
    await d.expect(STAFF, "谁可以投票", since=again["message_id"])
