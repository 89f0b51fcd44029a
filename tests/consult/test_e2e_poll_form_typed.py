"""The poll form takes what staff type where its buttons were meant. Found walking the sandbox:
李社工 typed the options on one line ('同意，不同意，弃权') and got only '选项要有 2 到 12 个';
she typed '单选', '是', '实名' at the questions with buttons and each time got 'please tap the
buttons above'. Now options on one line parted by commas or 顿号 are read as options, and a
button's words typed are taken as its tap (the question shows the answer); words naming no one
button ('选', '居民') are still told to tap."""

from __future__ import annotations

from sqlmodel import select

from models.consultations import Poll, PollOption
from sandbox.driver import message_text
from tests.consult.test_e2e_qa_polls import current, labels_of
from tests.e2e.conftest import Harness
from tests.support import reply_to

STAFF = 2001  # 李社工


async def test_a_poll_made_by_typing(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "➕ 新建投票")
    await d.expect(STAFF, "请输入投票问题")
    await reply_to(d, STAFF, "3号楼是否加装电梯", "请输入选项")
    multiple = await reply_to(d, STAFF, "同意，不同意、弃权", "单选还是多选")
    # one word both buttons hold: still asked to tap
    await reply_to(d, STAFF, "选", "请点上面消息里的按钮")
    audience = await reply_to(d, STAFF, "单选", "面向哪些人")
    shown = await current(d, STAFF, multiple["message_id"])
    assert "✅ 单选" in message_text(shown) and labels_of(shown) == [], message_text(shown)
    await d.tap(STAFF, "全社区", audience["message_id"])
    await d.expect(STAFF, "谁可以投票", since=audience["message_id"])
    await reply_to(d, STAFF, "居民", "请点上面消息里的按钮")
    household = await reply_to(d, STAFF, "已核实的", "一户一票")
    await reply_to(d, STAFF, "是", "截止时间")
    assert "✅ 是" in message_text(await current(d, STAFF, household["message_id"]))
    await reply_to(d, STAFF, "后天晚上8点", "匿名还是实名")
    await reply_to(d, STAFF, "实名投票", "结果什么时候公开")
    await reply_to(d, STAFF, "截止后公开", "参与比例")
    await reply_to(d, STAFF, "跳过", "赞成须达到")
    preview = await reply_to(d, STAFF, "跳过", "预览")
    text = message_text(preview)
    assert "1. 同意\n2. 不同意\n3. 弃权" in text, text
    assert "一户一票" in text and "实名投票" in text and "截止后公开" in text, text
    async with h.sessionmaker() as session:
        poll = (await session.exec(select(Poll))).one()
        options = (await session.exec(select(PollOption))).all()
    assert (poll.multiple, poll.per_household, poll.anonymous, poll.live_results) == (
        False,
        True,
        False,
        False,
    )
    assert poll.eligibility == "verified"
    assert sorted(o.text for o in options) == ["不同意", "同意", "弃权"]
    assert await d.errors() == []


async def test_typed_no_and_going_back(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "➕ 新建投票")
    await d.expect(STAFF, "请输入投票问题")
    await reply_to(d, STAFF, "明年优先办哪件事", "请输入选项")
    await reply_to(d, STAFF, "修路灯, 加装电梯, 建充电桩", "单选还是多选")
    await reply_to(d, STAFF, "多选", "最多可以选几项")
    audience = await reply_to(d, STAFF, "2", "面向哪些人")
    await d.tap(STAFF, "全社区", audience["message_id"])
    await d.expect(STAFF, "谁可以投票", since=audience["message_id"])
    # back to the audience: the words of the question left choose nothing there
    await reply_to(d, STAFF, "⬅️ 上一步", "面向哪些人")
    await reply_to(d, STAFF, "已核实的", "请点上面消息里的按钮")
    assert await d.errors() == []
