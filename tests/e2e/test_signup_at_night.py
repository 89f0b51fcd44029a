"""A 报到 sent during quiet hours said only '已提交，请等待社区审核' while the staff review
cards waited for 07:00; a resident's request filed at night says when staff will get it. The
sign-up now says so too; by day it does not."""

from __future__ import annotations

from datetime import UTC, datetime

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.e2e.test_people import _apply_as_member

NEW = 5001  # 小林, unregistered
STAFF = 2001
NIGHT = datetime(2026, 11, 23, 15, 30, tzinfo=UTC)  # Mon 23:30 in Shanghai: quiet hours


async def test_a_signup_at_night_says_when_staff_see_it(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    h.clock.set(NIGHT)
    await _apply_as_member(h, NEW)

    done = await d.expect(NEW, "已提交，请等待社区审核")
    text = message_text(done)
    assert "夜间免打扰时段，社区工作人员会在 11月24日（周二）07:00 收到您的报到申请" in text, text
    assert not [m for m in await d.messages(STAFF) if "报到申请" in message_text(m)]
    assert await d.errors() == []


async def test_a_signup_by_day_says_nothing_of_the_night(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _apply_as_member(h, NEW)

    done = await d.expect(NEW, "已提交，请等待社区审核")
    assert "免打扰" not in message_text(done), message_text(done)
    await d.expect(STAFF, "报到申请")
