"""/quiet answers who may change a community's quiet hours before anything about the time,
and takes the span as staff type it in one word.

Before: a grid worker's /quiet showed how to change the hours ('修改：/quiet 22:00 07:00') and
the change was then refused with a bare '没有权限'; staff typing another community's name
('/quiet 和谐社区 22:00 07:00') were told the time was wrong; '/quiet 22:00-07:00' (also
'22:00~07:00', '22:00 至 07:00', '22：00－07：00') was refused as a wrong time.
"""

from __future__ import annotations

from models import Role
from sandbox.driver import message_text
from services import org, staff
from services.delivery import quiet_hours_of
from tests.e2e.conftest import Harness, linli_sandbox  # noqa: F401  (the e2e fixture)
from tests.support import reply_to

STAFF = 2001  # 李社工, 阳光社区
GRID_WORKER = 2002  # 张网格员, 阳光社区 第一网格 only
STAFF_OTHER = 2003  # 陈社工, 和谐社区
ONLY_STAFF = "只能由该社区的社区工作人员修改"


async def _hours(h: Harness) -> dict[str, tuple[str, str, bool]]:
    async with h.sessionmaker() as session:
        out = {}
        for c in await org.list_communities(session):
            assert c.id is not None
            start, end, enabled = await quiet_hours_of(session, community_id=c.id)
            out[c.name] = (start.strftime("%H:%M"), end.strftime("%H:%M"), enabled)
        return out


async def test_a_grid_worker_is_told_who_changes_the_quiet_hours(
    linli_sandbox: Harness,  # noqa: F811
) -> None:
    h = linli_sandbox
    d = h.driver
    before = await _hours(h)
    shown = message_text(await reply_to(d, GRID_WORKER, "/quiet", "22:00–07:00"))
    assert f"阳光社区的免打扰时段{ONLY_STAFF}" in shown and "李社工" in shown, shown
    assert "/quiet off" not in shown and "修改：" not in shown, shown  # no how-to for them
    for typed in ("/quiet 20:00 08:00", "/quiet off", "/quiet 25:00 07:00", "/quiet 22:00-07:00"):
        refused = message_text(await reply_to(d, GRID_WORKER, typed, ONLY_STAFF))
        assert "李社工" in refused and "没有权限" not in refused, (typed, refused)
        assert "时间格式不对" not in refused, (typed, refused)
    assert await _hours(h) == before


async def test_another_communitys_name_is_refused_as_not_theirs(
    linli_sandbox: Harness,  # noqa: F811
) -> None:
    h = linli_sandbox
    d = h.driver
    before = await _hours(h)
    for typed in ("/quiet 和谐社区 22:00 07:00", "/quiet 和諧社區 off", "/quiet 和谐社区 25:00"):
        refused = message_text(
            await reply_to(d, STAFF, typed, f"和谐社区的免打扰时段{ONLY_STAFF}")
        )
        assert "陈社工" in refused and "时间格式不对" not in refused, (typed, refused)
    shown = message_text(
        await reply_to(d, STAFF, "/quiet 和谐社区", "和谐社区：免打扰 22:00–07:00")
    )
    assert ONLY_STAFF in shown and "陈社工" in shown, shown
    assert await _hours(h) == before
    # its own staff change it, named or not
    await reply_to(d, STAFF_OTHER, "/quiet 和谐社区 21:00 06:00", "21:00–06:00")
    await reply_to(d, STAFF, "/quiet 阳光社区 23:00 06:30", "23:00–06:30")
    after = await _hours(h)
    assert after["和谐社区"] == ("21:00", "06:00", True)
    assert after["阳光社区"] == ("23:00", "06:30", True)


async def test_the_span_typed_as_one_word_is_taken(
    linli_sandbox: Harness,  # noqa: F811
) -> None:
    h = linli_sandbox
    d = h.driver
    for typed, span in (
        ("/quiet 22:30-06:30", ("22:30", "06:30")),
        ("/quiet 23:00~06:00", ("23:00", "06:00")),
        ("/quiet 21:00 至 07:30", ("21:00", "07:30")),
        ("/quiet 22：00－07：00", ("22:00", "07:00")),
        ("/quiet 阳光社区 21:30–06:45", ("21:30", "06:45")),
    ):
        await reply_to(d, STAFF, typed, f"{span[0]}–{span[1]}")
        assert (await _hours(h))["阳光社区"] == (*span, True), typed
    await reply_to(d, STAFF, "/quiet 22:00-07:00-08:00", "时间格式不对")
    assert (await _hours(h))["阳光社区"] == ("21:30", "06:45", True)


async def test_an_english_grid_worker_reads_whom_to_ask_the_english_way(
    linli_sandbox: Harness,  # noqa: F811
) -> None:
    h = linli_sandbox
    d = h.driver
    async with h.sessionmaker() as session:  # a second community-wide staff member
        await staff.grant(session, telegram_id=3001, role=Role.STAFF, community_name="阳光社区")
    await d.add_user(id=GRID_WORKER, first_name="Zhang", language_code="en")
    await reply_to(d, GRID_WORKER, "/start", "Hello")  # the bot learns the language
    refused = message_text(
        await reply_to(d, GRID_WORKER, "/quiet 20:00 08:00", "Only the community staff")
    )
    assert "please ask 李社工, 刘师傅" in refused and "、" not in refused, refused
    shown = message_text(await reply_to(d, GRID_WORKER, "/quiet", "quiet hours 22:00–07:00"))
    assert "please ask 李社工, 刘师傅" in shown, shown
