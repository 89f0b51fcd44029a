"""/quiet for someone with several communities (an admin): name the community, or see them all."""

from __future__ import annotations

from sandbox.driver import message_text
from services import org
from services.delivery import quiet_hours_of
from tests.e2e.conftest import Harness, linli_sandbox  # noqa: F401  (the e2e fixture)
from tests.support import reply_to

ADMIN = 1001
STAFF = 2001  # 李社工, 阳光社区 only


async def _hours(h: Harness) -> dict[str, tuple[str, str, bool]]:
    async with h.sessionmaker() as session:
        out = {}
        for c in await org.list_communities(session):
            assert c.id is not None
            start, end, enabled = await quiet_hours_of(session, community_id=c.id)
            out[c.name] = (start.strftime("%H:%M"), end.strftime("%H:%M"), enabled)
        return out


async def test_admin_names_the_community_for_quiet_hours(
    linli_sandbox: Harness,  # noqa: F811
) -> None:
    h = linli_sandbox
    d = h.driver
    before = await _hours(h)
    assert before["阳光社区"] == before["和谐社区"] == ("22:00", "07:00", True)
    [listing] = await d.say(ADMIN, "/quiet")
    text = message_text(listing)
    assert "阳光社区" in text and "和谐社区" in text and "/quiet 和谐社区 off" in text
    # Without a name nothing changes: the admin is asked which community.
    [which] = await d.say(ADMIN, "/quiet off")
    assert "社区名" in message_text(which)
    assert await _hours(h) == before
    [done] = await d.say(ADMIN, "/quiet 阳光社区 off")
    assert "阳光社区 已关闭免打扰" in message_text(done)
    [done] = await d.say(ADMIN, "/quiet 和谐社区 21:00 08:00")
    assert "21:00–08:00" in message_text(done)
    after = await _hours(h)
    assert after["阳光社区"] == ("22:00", "07:00", False)
    assert after["和谐社区"] == ("21:00", "08:00", True)
    # Staff of one community need no name, as before.
    [mine] = await d.say(STAFF, "/quiet 23:00 06:00")
    assert "阳光社区" in message_text(mine) and "23:00–06:00" in message_text(mine)
    assert (await _hours(h))["阳光社区"] == ("23:00", "06:00", True)


async def test_an_english_admin_reads_the_communities_listed_the_english_way(
    linli_sandbox: Harness,  # noqa: F811
) -> None:
    """/quiet in English names the communities as English lists them, by their English names:
    'You look after several communities (Harmony Community, Sunshine Community)'. Before:
    '(阳光社区、和谐社区)', then '(阳光社区, 和谐社区)'. The example it gives is read: the
    community named in English ('/quiet Harmony Community off', in any letter case)."""
    h = linli_sandbox
    d = h.driver
    await d.add_user(id=ADMIN, first_name="Admin", language_code="en")
    await reply_to(d, ADMIN, "/start", "Hello")  # the bot learns the language
    listing = await reply_to(d, ADMIN, "/quiet", "several communities")
    text = message_text(listing)
    assert "several communities (" in text and "、" not in text, text
    assert "Harmony Community, Sunshine Community" in text, text
    assert "/quiet Harmony Community off" in text and "和谐社区" not in text, text
    done = await reply_to(d, ADMIN, "/quiet harmony community off", "Harmony Community")
    assert "several communities" not in message_text(done), message_text(done)
    assert (await _hours(h))["和谐社区"][2] is False
    assert (await _hours(h))["阳光社区"][2] is True
    done = await reply_to(d, ADMIN, "/quiet Sunshine Community 21:00 08:00", "21:00–08:00")
    assert "Sunshine Community" in message_text(done), message_text(done)
    assert (await _hours(h))["阳光社区"] == ("21:00", "08:00", True)


async def test_quiet_hours_changed_in_words(linli_sandbox: Harness) -> None:  # noqa: F811
    """'夜间免打扰改成23点到7点' is /quiet 23:00 07:00 (was kept as a matter of the staff member's
    own); '十一点到七点' starts in the evening; an admin names the community in the words, or is
    asked which; a grid worker is told whom to ask, and nothing changes."""
    h = linli_sandbox
    d = h.driver
    [mine] = await d.say(STAFF, "夜间免打扰改成23点到7点")
    assert message_text(mine).startswith("🌙 阳光社区 的免打扰时段：23:00–07:00")
    assert (await _hours(h))["阳光社区"] == ("23:00", "07:00", True)
    [mine] = await d.say(STAFF, "免打扰改为十一点到早上六点半")
    assert "23:00–06:30" in message_text(mine)
    [grid] = await d.say(2002, "免打扰改成22点到6点")  # 张网格员: one grid only
    assert "只能由该社区的社区工作人员修改" in message_text(grid)
    assert (await _hours(h))["阳光社区"] == ("23:00", "06:30", True)
    [which] = await d.say(ADMIN, "免打扰改成21点到8点")
    assert "社区名" in message_text(which)
    [done] = await d.say(ADMIN, "把和谐社区的免打扰设为晚上9点到早上8点")
    assert "和谐社区" in message_text(done) and "21:00–08:00" in message_text(done)
    assert (await _hours(h))["和谐社区"] == ("21:00", "08:00", True)
    assert await d.errors() == []
