"""A transfer's follow-up came at the clock time of the transfer N days later: a matter
transferred at 23:33 was followed up at 23:33 three days later, then held by quiet hours until
07:00. Staff reminders computed as so many days from now now come in office hours: at 09:00 on
that day when the time falls outside 08:30–18:00."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import col, select

from models.scheduling import ScheduledJob
from sandbox.driver import message_text
from services.delivery import set_local_zone
from services.order_common import in_office_hours
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_card_after_step import _card
from tests.orders.test_e2e_closed_unrated import _run
from tests.orders.test_e2e_cycle import STAFF, ZHOU, _file

SHANGHAI = ZoneInfo("Asia/Shanghai")


def _local(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=SHANGHAI).astimezone(UTC)


async def test_a_transfer_at_night_is_followed_up_at_nine(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, ZHOU, "小区东门外马路上的路灯坏了好几天")  # Monday 10:00
    card = await _card(h, number)
    h.clock.set(_local(23, 23, 33))  # Monday 23:33
    await d.tap(STAFF, "转办", card["message_id"])
    await d.expect(STAFF, "转办给哪个单位", since=card["message_id"])
    await d.say(STAFF, "区市政管理所")
    sent = await d.send(STAFF, "跳过")
    done = await d.expect(STAFF, "已转办", since=sent["message_id"])
    # told when, as it will be
    assert "11月26日（周四）09:00 会提醒您跟进" in message_text(done), message_text(done)
    async with h.sessionmaker() as s:
        [job] = (
            await s.exec(
                select(ScheduledJob).where(col(ScheduledJob.kind) == "order.transfer_follow_up")
            )
        ).all()
    assert job.due_at == _local(26, 9), job.due_at  # Thursday 09:00, not 23:33
    # Thursday 09:00: staff are reminded then
    await _run(h, _local(26, 9))
    reminder = await d.expect(STAFF, "后还没有答复，请跟进", since=done["message_id"])
    assert number in message_text(reminder)
    assert await d.errors() == []


@pytest.mark.parametrize(
    ("due", "not_before", "comes"),
    [
        (_local(26, 23, 33), None, _local(26, 9)),  # late evening: 09:00 that day
        (_local(26, 2, 10), None, _local(26, 9)),  # small hours: 09:00 that day
        (_local(26, 8, 29), None, _local(26, 9)),
        (_local(26, 8, 30), None, _local(26, 8, 30)),  # office hours: as it was
        (_local(26, 14, 5), None, _local(26, 14, 5)),
        (_local(26, 18, 0), None, _local(26, 18, 0)),
        (_local(26, 18, 1), None, _local(26, 9)),
        # a reminder that says a day has passed: not before it, so the next morning
        (_local(26, 23, 33), _local(26, 23, 33), _local(27, 9)),
        (_local(26, 2, 10), _local(26, 2, 10), _local(26, 9)),
        (_local(28, 22, 0), None, _local(28, 9)),  # a Saturday is a day like any other
    ],
)
def test_in_office_hours(due: datetime, not_before: datetime | None, comes: datetime) -> None:
    set_local_zone(SHANGHAI)
    assert in_office_hours(due, not_before=not_before) == comes
    assert in_office_hours(due, not_before=not_before).tzinfo == UTC
    assert comes - due < timedelta(days=1)
