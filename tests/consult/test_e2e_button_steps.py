"""Steps answered with buttons keep the form when staff type instead of tapping.

Before: at the meeting's duration question, a typed '90' was read as the meeting's time ('没看懂
这个时间'); at the audience question, or a poll's 单选/多选 (and every other button question of
the poll form, and 代投's building), typed text got '没有看懂您的意思' with the main menu, and
'✖️ 取消' answered '当前没有进行中的操作' though a form was half filled in. Now minutes typed at
the duration step are taken (a new time corrects the time), other typed text is told to choose
above, and cancel cancels."""

from __future__ import annotations

from sqlmodel import select

from models.consultations import Meeting
from sandbox.driver import message_text
from tests.consult.test_e2e_qa_polls import make_poll
from tests.e2e.conftest import Harness

STAFF = 2001  # 李社工
CHOOSE_ABOVE = "这一步请点上面消息里的按钮"


async def test_meeting_form_duration_typed_and_audience_typed(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "➕ 新建议事会")
    await d.expect(STAFF, "请选择会议类型")
    await d.tap(STAFF, "居民议事会")
    await d.expect(STAFF, "会议标题")
    await d.say(STAFF, "十二月居民议事会")
    await d.say(STAFF, "年度工作回顾")
    [read] = await d.say(STAFF, "2026-11-25 19:30")
    assert "请点下面的按钮，或直接输入" in message_text(read)
    [answer] = await d.say(STAFF, "很久")
    assert "请点上面的按钮选择会议时长" in message_text(answer)
    [answer] = await d.say(STAFF, "周五")  # a new day meant, without its hour: asked
    assert "「周五」几点呢" in message_text(answer), message_text(answer)
    [asked] = await d.say(STAFF, "2026-11-26 19:00")  # the time corrected: asked again
    assert "11月26日" in message_text(asked) and "多长时间" in message_text(asked)
    [answer] = await d.say(STAFF, "一个半小时")  # in words, as people say it
    assert "开会地点" in message_text(answer)
    [asked] = [m for m in await d.messages(STAFF) if m["message_id"] == asked["message_id"]]
    assert "90 分钟" in message_text(asked)  # the question shows the answer taken
    [ask] = await d.say(STAFF, "社区会议室")
    assert "面向哪些人" in message_text(ask)
    [answer] = await d.say(STAFF, "随便")
    assert CHOOSE_ABOVE in message_text(answer)
    [answer] = await d.say(STAFF, "全社区")  # the button's words typed: its tap
    assert "最多多少人" in message_text(answer)
    [first, *_] = await d.say(STAFF, "30")
    await d.expect(STAFF, "预览", since=first["message_id"] - 1)
    async with h.sessionmaker() as session:
        meeting = (await session.exec(select(Meeting))).one()
    assert (meeting.duration_minutes, meeting.capacity) == (90, 30)
    assert meeting.starts_at.hour == 11 and meeting.starts_at.day == 26  # 19:00 local


async def test_poll_form_choice_typed_then_cancelled(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "➕ 新建投票")
    await d.expect(STAFF, "请输入投票问题")
    await d.say(STAFF, "明年优先办哪些事？")
    [ask] = await d.say(STAFF, "修路灯\n加装电梯")
    # words naming no button are told to choose above ('单选' itself is taken as its tap:
    # tests/consult/test_e2e_poll_form_typed.py)
    [answer] = await d.say(STAFF, "随便吧")
    assert CHOOSE_ABOVE in message_text(answer)
    await d.tap(STAFF, "单选", ask["message_id"])
    ask = await d.expect(STAFF, "面向哪些人", since=ask["message_id"])
    [answer] = await d.say(STAFF, "✖️ 取消")
    assert "已取消" in message_text(answer)


async def test_proxy_building_step_typed(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await make_poll(h)
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "📊 投票列表")
    listed = await d.expect(STAFF, "投票")
    await d.tap(STAFF, "明年优先办哪些事", listed["message_id"])
    card = await d.expect(STAFF, "状态：进行中", since=listed["message_id"])
    await d.tap(STAFF, "✍️ 代投", card["message_id"])
    ask = await d.expect(STAFF, "请选择居民所在楼栋", since=card["message_id"])
    [answer] = await d.say(STAFF, "302")
    assert CHOOSE_ABOVE in message_text(answer)
    await d.tap(STAFF, "1号楼", ask["message_id"])
    await d.expect(STAFF, "请输入居民的房号", since=ask["message_id"])
