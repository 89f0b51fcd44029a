"""'明天' typed between midnight and 05:00 was read as the day after today: someone awake at
1 am usually means the coming daytime. Now the bot asks which day, with two buttons (today's
date and tomorrow's, with the time typed), and the tap answers the step the time was typed at:
a meeting's time, an order's deadline. Before 00:00 and after 05:00 '明天' is read as before."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from sandbox.driver import message_text
from services.errors import InvalidInput
from services.when import WhichDay, parse_when
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_issue_typed_values import _form, _typed

STAFF = 2001  # 李社工, 阳光社区
SHANGHAI = ZoneInfo("Asia/Shanghai")
SMALL_HOURS = datetime(2026, 12, 7, 1, 10, tzinfo=SHANGHAI).astimezone(UTC)  # Monday 01:10


def _local(month: int, day: int, hour: int, minute: int) -> datetime:
    """Wall time in Shanghai, aware (UTC)."""
    return datetime(2026, month, day, hour, minute, tzinfo=SHANGHAI).astimezone(UTC)


async def test_the_question_keeps_the_way_out(linli_sandbox: Harness) -> None:
    """✖️ 取消 under the two dates (it replaced the step's keyboard) cancels the form."""
    h = linli_sandbox
    d = h.driver
    h.clock.set(SMALL_HOURS)
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "➕ 新建议事会")
    await d.expect(STAFF, "请选择会议类型")
    await d.tap(STAFF, "楼栋夜话")
    await d.expect(STAFF, "会议标题")
    await d.say(STAFF, "楼栋夜话")
    await d.say(STAFF, "说说加装电梯")
    [asked] = await d.say(STAFF, "明天 19:30")
    assert "✖️ 取消" in _choices(asked)
    [cancelled] = await d.say(STAFF, "✖️ 取消")
    assert "取消" in message_text(cancelled), message_text(cancelled)
    assert "时间" not in message_text(cancelled)


def _choices(message: dict[str, Any]) -> list[str]:
    rows = (message.get("reply_markup") or {}).get("keyboard") or []
    return [b["text"] for row in rows for b in row]


async def test_a_meeting_time_tomorrow_at_one_am_is_asked(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    h.clock.set(SMALL_HOURS)
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "➕ 新建议事会")
    await d.expect(STAFF, "请选择会议类型")
    await d.tap(STAFF, "楼栋夜话")
    await d.expect(STAFF, "会议标题")
    await d.say(STAFF, "楼栋夜话")
    [ask] = await d.say(STAFF, "说说加装电梯")
    assert "开会时间" in message_text(ask)
    [asked] = await d.say(STAFF, "明天 19:30")
    assert "是指哪一天" in message_text(asked), message_text(asked)
    assert _choices(asked) == ["12月7日 19:30（今天晚上）", "12月8日 19:30", "✖️ 取消"]
    [read] = await d.say(STAFF, "12月7日 19:30（今天晚上）")
    assert "🕒 时间：12月7日（周一）19:30" in message_text(read), message_text(read)
    assert "会议大约多长时间" in message_text(read)
    assert await d.errors() == []


async def test_an_order_deadline_tomorrow_at_one_am_is_asked(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    h.clock.set(datetime(2026, 12, 6, 10, 0, tzinfo=SHANGHAI).astimezone(UTC))
    await _form(h)
    h.clock.set(SMALL_HOURS)
    asked = await _typed(h, "明天下午5点前")
    assert "是指哪一天" in message_text(asked), message_text(asked)
    assert _choices(asked) == ["12月7日 17:00（今天白天）", "12月8日 17:00", "✖️ 取消"]
    form = await _typed(h, "12月8日 17:00")
    assert "办理时限：12月8日（周二）17:00" in message_text(form), message_text(form)
    assert await d.errors() == []


@pytest.mark.parametrize(
    ("local", "typed", "reads"),
    [
        # the evening before and from 05:00: tomorrow's date, not asked
        (_local(12, 6, 23, 50), "明天 19:30", _local(12, 7, 19, 30)),
        (_local(12, 7, 5, 0), "明天 19:30", _local(12, 8, 19, 30)),
        # today's reading already gone by (明天0点30 at 01:10): tomorrow's, not asked
        (_local(12, 7, 1, 10), "明天0点30", _local(12, 8, 0, 30)),
        # other days are not asked about
        (_local(12, 7, 1, 10), "后天 19:30", _local(12, 9, 19, 30)),
        (_local(12, 7, 1, 10), "今晚7点", _local(12, 7, 19, 0)),
        # the buttons' words, and a date as the bot writes one
        (_local(12, 7, 1, 10), "12月7日 19:30（今天晚上）", _local(12, 7, 19, 30)),
        (
            _local(12, 7, 1, 10),
            "12-7 19:30 (today, this evening)",
            _local(12, 7, 19, 30),
        ),
        (_local(12, 7, 1, 10), "12月10日（周四）19:30", _local(12, 10, 19, 30)),
    ],
)
def test_read(local: datetime, typed: str, reads: datetime) -> None:
    assert parse_when(typed, zone=SHANGHAI, now=local) == reads


@pytest.mark.parametrize(
    "typed", ["明天 19:30", "明晚7点", "明早8点", "tomorrow 9am", "明天下午5点"]
)
def test_asked(typed: str) -> None:
    with pytest.raises(WhichDay) as asked:
        parse_when(typed, zone=SHANGHAI, now=SMALL_HOURS)
    assert isinstance(asked.value, InvalidInput)
    today, tomorrow = asked.value.today, asked.value.tomorrow
    assert today.astimezone(SHANGHAI).date() == SMALL_HOURS.astimezone(SHANGHAI).date()
    assert (tomorrow - today).days == 1
