"""/quiet as staff type it with a Chinese input method ('22：30 06：30', full-width digits) sets
the hours; the same time twice ('/quiet 22:00 22:00', a span of nothing) is refused with what to
write instead. Before, the first answered '时间格式不对' and the second was stored as
'22:00–22:00'."""

from __future__ import annotations

from sandbox.driver import message_text
from services.delivery import quiet_hours_of
from tests.e2e.conftest import Harness, linli_sandbox  # noqa: F401  (the e2e fixture)

STAFF = 2001  # 李社工, 阳光社区 (community id 1)


async def _hours(h: Harness) -> tuple[str, str, bool]:
    async with h.sessionmaker() as session:
        start, end, enabled = await quiet_hours_of(session, community_id=1)
        return start.strftime("%H:%M"), end.strftime("%H:%M"), enabled


async def test_quiet_hours_typed_as_people_type_them(
    linli_sandbox: Harness,  # noqa: F811
) -> None:
    h = linli_sandbox
    d = h.driver
    [done] = await d.say(STAFF, "/quiet 22：30 ０６：３０")
    assert "22:30–06:30" in message_text(done), message_text(done)
    assert await _hours(h) == ("22:30", "06:30", True)
    [refused] = await d.say(STAFF, "/quiet 22:00 22:00")
    assert "开始和结束不能是同一个时间" in message_text(refused), message_text(refused)
    assert await _hours(h) == ("22:30", "06:30", True)
