"""Times that have passed, typed the way people say them, are read and answered as passed.

Walking 新建议事会 in the sandbox, '昨天晚上7点' at the meeting's time was answered '没看懂这个
时间' (as were '前天 19:30', '上周五 19:30', 'yesterday 7pm'), while '今天上午9点' was told it
had passed. Now each is read, and the step says the time is gone and stays; a day gone named
without a time ('前天', '上周五') is said to be over rather than not understood. A poll's
closing time likewise."""

from __future__ import annotations

from datetime import UTC, datetime

from sandbox.driver import message_text
from tests.consult.poll_form import to_close_step
from tests.e2e.conftest import Harness
from tests.support import reply_to

STAFF = 2001  # 李社工
MONDAY_AFTERNOON = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)  # Monday 15:00 in Shanghai


async def test_meeting_times_gone_by_are_said_to_have_passed(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    h.clock.set(MONDAY_AFTERNOON)
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "➕ 新建议事会")
    kinds = await d.expect(STAFF, "请选择会议类型")
    await d.tap(STAFF, "居民议事会", kinds["message_id"])
    await d.expect(STAFF, "会议标题", since=kinds["message_id"])
    await reply_to(d, STAFF, "停车难议事会", "请输入议程")
    await reply_to(d, STAFF, "讨论停车方案", "开会时间")
    for typed in ("昨天晚上7点", "昨晚7点", "前天 19:30", "上周五 19:30", "今天早上8点"):
        answer = await reply_to(d, STAFF, typed, "已经过去")
        assert "开会时间已经过去了" in message_text(answer), typed
        assert "没看懂" not in message_text(answer), typed
    for typed in ("前天", "上周五"):
        answer = await reply_to(d, STAFF, typed, "已经过去")
        assert "这一天已经过去了" in message_text(answer), typed
        assert "2026-11-30 19:30" in message_text(answer)  # an example still to come
    read = await reply_to(d, STAFF, "明晚7点", "多长时间")  # the step stayed until now
    assert "11月24日（周二）19:00" in message_text(read)
    # a day gone typed at the next step (to correct the time) is said to be over as well
    answer = await reply_to(d, STAFF, "昨天", "这一天已经过去了")
    assert "分钟" not in message_text(answer)


async def test_a_poll_closing_time_gone_by_is_said_to_have_passed(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    h.clock.set(MONDAY_AFTERNOON)
    await to_close_step(d, "要不要装充电桩？", "要\n不要")
    answer = await reply_to(d, STAFF, "昨晚8点", "已经过去")
    assert "截止时间已经过去了" in message_text(answer)
    answer = await reply_to(d, STAFF, "昨天", "已经过去")
    assert "这一天已经过去了" in message_text(answer)
    read = await reply_to(d, STAFF, "明天晚上8点", "匿名还是实名")
    assert "11月24日（周二）20:00" in message_text(read)
