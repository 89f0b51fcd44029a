"""A meeting or a poll staff describe in one message at the menu: its form begins with what was
said filled in (the kind, the title, the time, the place; the question and the options), says
what it took and asks only the rest. Before, the words were answered with the staff help and
kept as a matter of the staff member's own. Residents' same words go on as before."""

from __future__ import annotations

from sandbox.driver import message_text
from services.consult_said import meeting_said, poll_said
from tests.consult.test_e2e_meetings import STAFF
from tests.e2e.conftest import Harness
from tests.support import inline_labels, reply_to

GRID = 2002  # 张网格员
OTHER_STAFF = 2003  # 陈社工, 和谐社区
RESIDENT = 4001  # 周阿姨
# the harness clock: Monday 2026-11-23 10:00 in Shanghai


async def _finish(h: Harness, asked: dict) -> dict:
    """From the audience question to the preview."""
    d = h.driver
    await d.tap(STAFF, "全社区", asked["message_id"])
    await d.expect(STAFF, "最多多少人", since=asked["message_id"])
    return await reply_to(d, STAFF, "不限", "预览")


async def test_a_meeting_said_in_one_message(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    taken = await reply_to(d, STAFF, "下周三晚上7点开个议事会，讨论加装电梯", "已记下")
    assert "已记下：居民议事会 · 加装电梯 · 12月2日（周三）19:00" in message_text(taken)
    # kind, title and time taken: the agenda is asked, then how long (the time is not asked)
    await d.expect(STAFF, "请输入议程", since=taken["message_id"] - 1)
    duration = await reply_to(d, STAFF, "方案介绍\n费用分摊", "多长时间")
    assert "12月2日" in message_text(duration)
    await d.tap(STAFF, "90 分钟", duration["message_id"])
    await d.expect(STAFF, "开会地点", since=duration["message_id"])
    audience = await reply_to(d, STAFF, "社区活动室", "面向哪些人")
    preview = await _finish(h, audience)
    assert "居民议事会：加装电梯" in message_text(preview)
    assert await d.errors() == []


async def test_the_place_said_is_not_asked(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    taken = await reply_to(d, STAFF, "周五下午3点在活动室开楼栋夜话", "已记下")
    assert "楼栋夜话 · 11月27日（周五）15:00 · 活动室" in message_text(taken)
    await d.expect(STAFF, "会议标题", since=taken["message_id"] - 1)  # no subject said
    await reply_to(d, STAFF, "停车位分配", "请输入议程")
    duration = await reply_to(d, STAFF, "介绍方案", "多长时间")
    await d.tap(STAFF, "60 分钟", duration["message_id"])
    audience = await d.expect(STAFF, "面向哪些人", since=duration["message_id"])
    preview = await _finish(h, audience)
    assert "楼栋夜话：停车位分配" in message_text(preview)
    assert "活动室" in message_text(preview)
    assert await d.errors() == []


async def test_kind_not_named_is_asked_and_title_stands(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    taken = await reply_to(d, STAFF, "meeting next Wednesday 7pm about the lift", "已记下")
    assert "the lift · 12月2日（周三）19:00" in message_text(taken)
    kinds = await d.expect(STAFF, "请选择会议类型", since=taken["message_id"] - 1)
    await d.tap(STAFF, "重大事项听证会", kinds["message_id"])
    await d.expect(STAFF, "请输入议程", since=kinds["message_id"])  # the title is not asked
    duration = await reply_to(d, STAFF, "介绍方案", "多长时间")
    assert "12月2日" in message_text(duration)
    assert await d.errors() == []


async def test_a_meeting_named_without_pieces_starts_the_form(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    await reply_to(d, OTHER_STAFF, "我要开会", "请选择会议类型")
    assert await d.errors() == []


async def test_a_past_time_is_asked_at_its_step(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    taken = await reply_to(d, STAFF, "昨天晚上7点开听证会 讨论停车收费，请大家带身份证", "已记下")
    text = message_text(taken)
    assert "重大事项听证会 · 停车收费" in text
    assert "「昨天晚上7点」" in text  # not taken, and said so
    assert "请大家带身份证" in text  # words of no step: said back, not dropped
    await d.expect(STAFF, "请输入议程", since=taken["message_id"] - 1)
    asked = await reply_to(d, STAFF, "介绍方案", "请输入开会时间")
    await d.expect(STAFF, "开会时间已经过去了", since=asked["message_id"] - 1)
    duration = await reply_to(d, STAFF, "下周三晚上7点", "多长时间")
    assert "12月2日" in message_text(duration)
    assert await d.errors() == []


async def test_a_poll_said_in_one_message(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    taken = await reply_to(d, STAFF, "投票：小区停车费要不要涨 选项 同意 不同意 弃权", "已记下")
    assert "小区停车费要不要涨 · 同意、不同意、弃权" in message_text(taken)
    await d.expect(STAFF, "单选还是多选", since=taken["message_id"] - 1)
    # a grid worker may create polls as with the buttons; only the question said: options asked
    taken = await reply_to(d, GRID, "发起一个投票：是否同意加装电梯", "已记下")
    assert "是否同意加装电梯" in message_text(taken)
    await d.expect(GRID, "请输入选项", since=taken["message_id"] - 1)
    multiple = await reply_to(d, GRID, "同意、不同意", "单选还是多选")
    await d.tap(GRID, "单选", multiple["message_id"])
    await d.expect(GRID, "面向哪些人", since=multiple["message_id"])
    taken = await reply_to(d, OTHER_STAFF, "new poll: should we add a lift? yes/no", "已记下")
    assert "should we add a lift? · yes、no" in message_text(taken)
    assert await d.errors() == []


async def test_residents_words_are_unaffected(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    for said in ("下周三晚上7点开个议事会，讨论加装电梯", "投票：是否同意加装电梯"):
        answers = await d.say(RESIDENT, said)
        assert answers
        assert not any("已记下" in message_text(a) for a in answers)
        assert not any("会议类型" in message_text(a) for a in answers)
    assert await d.errors() == []


def test_words_read() -> None:
    said = meeting_said("明天上午10点开听证会 讨论停车收费")
    assert said is not None
    assert (said.kind, said.title, said.when, said.place, said.rest) == (
        "hearing",
        "停车收费",
        "明天上午10点",
        None,
        None,
    )
    assert meeting_said("下周有什么会") is None
    assert meeting_said("议事会") is None
    assert poll_said("投票结果怎么样") is None
    poll = poll_said("new poll: should we add a lift? yes/no")
    assert poll is not None
    assert poll.options == ("yes", "no")


async def test_a_part_of_the_day_asks_its_hour_with_one_proposed(linli_sandbox: Harness) -> None:
    """'下午开个会，讨论停车': the form starts (before: the words were no meeting, as '下午'
    was no time); at the time step the afternoon's usual hour is proposed as a button, and a
    tap on it is the start."""
    h = linli_sandbox
    d = h.driver
    taken = await reply_to(d, STAFF, "下午开个会，讨论停车", "已记下")
    assert "停车 · 下午（具体几点" in message_text(taken), message_text(taken)
    kinds = await d.expect(STAFF, "请选择会议类型", since=taken["message_id"] - 1)
    await d.tap(STAFF, "居民议事会", kinds["message_id"])
    await d.expect(STAFF, "请输入议程", since=kinds["message_id"])
    asked = await reply_to(d, STAFF, "介绍方案", "具体几点开")
    assert "「下午」" in message_text(asked), message_text(asked)
    assert inline_labels(asked) == ["🕑 11月23日（周一）14:30"], inline_labels(asked)
    await d.tap(STAFF, "14:30", asked["message_id"])
    duration = await d.expect(STAFF, "多长时间", since=asked["message_id"])
    assert "11月23日（周一）14:30" in message_text(duration), message_text(duration)
    assert await d.errors() == []


async def test_a_clock_time_typed_in_the_part_said(linli_sandbox: Harness) -> None:
    """'hold a meeting tomorrow afternoon about parking', then '3点' at the time step: 3 in
    the afternoon of that day; the proposed hour's button goes."""
    h = linli_sandbox
    d = h.driver
    taken = await reply_to(d, STAFF, "hold a meeting tomorrow afternoon about parking", "已记下")
    kinds = await d.expect(STAFF, "请选择会议类型", since=taken["message_id"] - 1)
    await d.tap(STAFF, "居民议事会", kinds["message_id"])
    await d.expect(STAFF, "请输入议程", since=kinds["message_id"])
    asked = await reply_to(d, STAFF, "介绍方案", "具体几点开")
    assert inline_labels(asked) == ["🕑 11月24日（周二）14:30"], inline_labels(asked)
    duration = await reply_to(d, STAFF, "3点", "多长时间")
    assert "11月24日（周二）15:00" in message_text(duration), message_text(duration)
    redrawn = (await d.messages(STAFF, asked["message_id"] - 1))[0]
    assert not inline_labels(redrawn), inline_labels(redrawn)
    assert await d.errors() == []
