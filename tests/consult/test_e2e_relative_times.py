"""Staff type times the way people say them ("明晚7点半", "明天晚上8点") in the meeting and poll
forms, on New Year's Eve by the injected clock: the example shown is next week's, the bot shows
how it read the time (date, weekday, the year when it is next year's) and stores it in UTC."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from sqlmodel import select

from models.consultations import Meeting, Poll
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.support import reply_to

STAFF = 2001  # 李社工, 阳光社区
NEW_YEARS_EVE = datetime(2026, 12, 31, 4, 0, tzinfo=UTC)  # Thursday 12:00 in Shanghai


def example_in(text: str) -> datetime:
    """The example date a step shows, as local Shanghai wall time (naive)."""
    found = re.search(r"「(\d{4}-\d{2}-\d{2} \d{2}:\d{2})」", text)
    assert found, text
    return datetime.strptime(found.group(1), "%Y-%m-%d %H:%M")  # noqa: DTZ007 - local


def aware(when: datetime) -> datetime:
    """A stored time as aware UTC (SQLite gives it back naive)."""
    return when if when.tzinfo else when.replace(tzinfo=UTC)


async def test_meeting_time_typed_relative_then_postponed(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    h.clock.set(NEW_YEARS_EVE)
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "➕ 新建议事会")
    await d.expect(STAFF, "请选择会议类型")
    await d.tap(STAFF, "楼栋夜话")
    await d.expect(STAFF, "会议标题")
    await d.say(STAFF, "新年楼栋夜话")
    [ask] = await d.say(STAFF, "说说新年的打算")
    # the example is the same weekday next week, after the clock's now, not a fixed old date
    assert "开会时间" in message_text(ask)
    assert example_in(message_text(ask)) == datetime(2027, 1, 7, 19, 30)  # noqa: DTZ001
    [refusal] = await d.say(STAFF, "25点")
    assert "没看懂这个时间" in message_text(refusal)
    assert "2027-01-07 19:30" in message_text(refusal)
    [refusal] = await d.say(STAFF, "今天上午9点")  # already passed
    assert "已经过去" in message_text(refusal)
    [refusal] = await d.say(STAFF, "下周五")  # a day without its hour: the hour is asked
    assert "「下周五」几点呢" in message_text(refusal), message_text(refusal)
    assert "「下周五 19:30」" in message_text(refusal)
    [read] = await d.say(STAFF, "明晚７点半")
    # the date read is shown with its weekday and, being next year's, its year
    assert "🕒 时间：2027年1月1日（周五）19:30" in message_text(read)
    assert "会议大约多长时间" in message_text(read)
    await d.tap(STAFF, "90 分钟", read["message_id"])
    await d.expect(STAFF, "开会地点")
    await d.say(STAFF, "1号楼架空层")
    await d.tap(STAFF, "全社区")
    ask = await d.expect(STAFF, "最多多少人")
    [first, *_] = await d.say(STAFF, "20")
    # the reply we want may come after others: wait for it, not for a quiet spell
    preview = await d.expect(STAFF, "预览", since=first["message_id"] - 1)
    assert "2027年1月1日（周五）19:30" in message_text(preview)
    async with h.sessionmaker() as session:
        meeting = (await session.exec(select(Meeting))).one()
    assert aware(meeting.starts_at) == datetime(2027, 1, 1, 11, 30, tzinfo=UTC)
    # published, then postponed to "下周一 晚上7点": the example and the reading likewise
    await d.tap(STAFF, "📣 发布", preview["message_id"])
    published = await d.expect(STAFF, "已发布", since=preview["message_id"])
    await d.click(STAFF, published["message_id"], data=f"cmt:postpone:{meeting.id}:0")
    ask = await d.expect(STAFF, "请输入新的开会时间", since=published["message_id"])
    # a week after the meeting (Fri 1 Jan), a time 延期 takes
    assert example_in(message_text(ask)) == datetime(2027, 1, 8, 19, 30)  # noqa: DTZ001
    read = await reply_to(d, STAFF, "下周一 晚上7点", "说明原因")
    assert "🕒 时间：2027年1月4日（周一）19:00" in message_text(read)
    assert "说明原因" in message_text(read)
    await d.say(STAFF, "元旦放假")
    await d.expect(STAFF, "已延期", since=read["message_id"])
    async with h.sessionmaker() as session:
        meeting = (await session.exec(select(Meeting))).one()
    assert aware(meeting.starts_at) == datetime(2027, 1, 4, 11, 0, tzinfo=UTC)


async def test_poll_close_typed_as_tomorrow_evening(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    h.clock.set(NEW_YEARS_EVE)
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "➕ 新建投票")
    await d.expect(STAFF, "请输入投票问题")
    await d.say(STAFF, "新年联欢会办在哪里？")
    ask = await reply_to(d, STAFF, "活动室\n小广场", "单选还是多选")
    await d.tap(STAFF, "单选", ask["message_id"])
    ask = await d.expect(STAFF, "面向哪些人", since=ask["message_id"])
    await d.tap(STAFF, "全社区", ask["message_id"])
    ask = await d.expect(STAFF, "谁可以投票", since=ask["message_id"])
    await d.tap(STAFF, "已登记住址的居民", ask["message_id"])
    ask = await d.expect(STAFF, "一户一票", since=ask["message_id"])
    await d.tap(STAFF, "❌ 否", ask["message_id"])
    ask = await d.expect(STAFF, "截止时间", since=ask["message_id"])
    # a closing example: the same weekday next week at 20:00, after the clock's now
    assert example_in(message_text(ask)) == datetime(2027, 1, 7, 20, 0)  # noqa: DTZ001
    [refusal] = await d.say(STAFF, "2月30日 20:00")
    assert "没看懂这个时间" in message_text(refusal)
    assert "2027-01-07 20:00" in message_text(refusal)
    [refusal] = await d.say(STAFF, "今天上午10点")  # already passed
    assert "截止时间已经过去了" in message_text(refusal)
    [read] = await d.say(STAFF, "三天后")  # a day alone closes at 20:00 that day, shown back
    assert "🕒 时间：2027年1月3日（周日）20:00" in message_text(read), message_text(read)
    # not what was meant: typed again under the next question, the closing time is corrected
    [read] = await d.say(STAFF, "明天晚上8点")
    assert "🕒 时间：2027年1月1日（周五）20:00" in message_text(read), message_text(read)
    # other words: the buttons above ('匿名的' is taken as its tap now:
    # tests/consult/test_e2e_poll_form_typed.py)
    [answer] = await d.say(STAFF, "还没想好")
    assert "请点上面" in message_text(answer)
    assert "匿名还是实名" in message_text(read)
    await d.tap(STAFF, "匿名", read["message_id"])
    ask = await d.expect(STAFF, "结果什么时候公开", since=read["message_id"])
    await d.tap(STAFF, "截止后公开", ask["message_id"])
    await d.expect(STAFF, "参与比例才有效", since=ask["message_id"])
    await d.say(STAFF, "跳过")
    await d.expect(STAFF, "赞成须达到")
    [first, *_] = await d.say(STAFF, "跳过")
    # the reply we want may come after others: wait for it, not for a quiet spell
    preview = await d.expect(STAFF, "预览", since=first["message_id"] - 1)
    assert "2027年1月1日（周五）20:00" in message_text(preview)
    async with h.sessionmaker() as session:
        poll = (await session.exec(select(Poll))).one()
    assert aware(poll.closes_at) == datetime(2027, 1, 1, 12, 0, tzinfo=UTC)
