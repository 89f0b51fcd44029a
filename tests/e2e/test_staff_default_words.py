"""Staff (community staff, grid workers, admins) typing at the main menu words nothing reads
('楼里的事情太多了，忙不过来') were answered '您是工作人员…如果说的是您自己家的事，已经先记下
了', and the words were kept as a matter of their own. Now: not understood as a work command,
what they can say or tap instead, and 🏠 是我自己家的事, which alone keeps the words (those of
the answer tapped) for the request after registering an address. Staff also ask '今天谁值班'
(the offices' contacts and staff: Linli keeps no roster), '1号楼有几户' (its residents
registered in Linli, within their area; those with no room on file counted as people only, and
said so), '谁还没处理诉求' (📋 待办诉求); an admin's '给所有社区发个通知' opens the notice
form at 所有社区的所有居民. A resident saying the same words is answered as before.
(handlers.fallback._staff_not_read / on_own_matter, handlers.staff_words.open_named)"""

from __future__ import annotations

from typing import Any

from models import User
from sandbox.driver import Driver, message_text
from tests.e2e.conftest import Harness
from tests.e2e.test_register_first import _register
from tests.orders.test_e2e_cycle import _file
from tests.support import expect_any, inline_labels, reply_to

ADMIN = 1001  # 王主任
STAFF = 2001  # 李社工, 阳光社区
GRID_WORKER = 2002  # 张网格员, 阳光社区 第一网格 (1号楼 2号楼 3号楼)
ZHOU = 4001  # 周阿姨, a resident of 阳光社区 1号楼
WU = 4002  # 吴大爷, 阳光社区 1号楼 502
UNREAD = "没有看出是哪项工作"


async def _now(d: Driver, chat: int, message_id: int) -> dict[str, Any]:
    """The message as it is now (after edits)."""
    return next(m for m in await d.messages(chat) if m["message_id"] == message_id)


async def _in_english(h: Harness, *user_ids: int) -> None:
    async with h.sessionmaker() as session:
        for uid in user_ids:
            user = await session.get(User, uid)
            assert user is not None
            user.language = "en"
        await session.commit()


async def test_words_nothing_reads_are_kept_only_when_said_to_be_their_own(
    linli_sandbox: Harness,
) -> None:
    d = linli_sandbox.driver
    first = await reply_to(d, STAFF, "楼里的事情太多了，忙不过来", UNREAD)
    text = message_text(first)
    ways = ("「待办」", "「代居民登记」", "「本周统计」", "「查一下周阿姨的诉求」", "「议事管理」")
    for way in ways:
        assert way in text, text
    assert "先记下了" not in text and "您是工作人员" not in text, text
    assert inline_labels(first) == ["🏠 是我自己家的事"]
    # each answer's 🏠 keeps its own words: the second's, not the first's
    second = await reply_to(d, STAFF, "我家厨房的水龙头一直滴水", UNREAD)
    await d.tap(STAFF, "🏠 是我自己家的事", second["message_id"])
    kept = await d.expect(STAFF, "先记下了", since=second["message_id"])
    assert inline_labels(kept) == ["🏠 现在登记"]
    tapped = await _now(d, STAFF, second["message_id"])
    assert "✓ 已选：是我自己家的事" in message_text(tapped) and not inline_labels(tapped)
    again = await d.click(STAFF, second["message_id"], data="fb:own")  # a double tap
    assert "已经选过了" in str(again["answer"]), again
    forged = await d.click(STAFF, kept["message_id"], data="fb:own")  # no words under it
    assert "失效" in str(forged["answer"]), forged
    await d.tap(STAFF, "🏠 现在登记", kept["message_id"])
    done = await _register(d, STAFF, kept["message_id"])
    shown = message_text(await d.expect(STAFF, "登记前您说的", since=done["message_id"]))
    assert "水龙头一直滴水" in shown and "忙不过来" not in shown, shown
    assert await d.errors() == []


async def test_grid_worker_and_admin_get_the_same_default(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    for who in (GRID_WORKER, ADMIN):
        answer = await reply_to(d, who, "帮我看看这个怎么弄比较好", UNREAD)
        assert inline_labels(answer) == ["🏠 是我自己家的事"], answer
    assert await d.errors() == []


async def test_who_is_on_duty_is_the_office_and_its_staff(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    duty = message_text(await reply_to(d, STAFF, "今天谁值班", "值班"))
    assert "没有值班排班表" in duty and "021-55500101" in duty and "8:30–17:30" in duty, duty
    assert "李社工" in duty and "张网格员（第一网格）" in duty, duty
    assert "和谐社区" not in duty and "陈社工" not in duty, duty
    every = message_text(await reply_to(d, ADMIN, "今天谁值班？", "值班"))
    assert "阳光社区" in every and "和谐社区" in every and "陈社工" in every, every
    assert await d.errors() == []


async def test_how_many_live_in_a_building_within_their_area(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    # 1号楼: 周阿姨 and 黄奶奶 in 302, 吴大爷 in 502
    counted = message_text(await reply_to(d, GRID_WORKER, "1号楼住了多少人", "1号楼"))
    assert "在邻里登记的居民 3 人，2 户" in counted and "不是人口普查" in counted, counted
    households = message_text(await reply_to(d, STAFF, "1号楼有几户", "1号楼"))
    assert "3 人，2 户" in households, households
    # 5号楼 is 第二网格's: not the grid worker's to count
    other = message_text(await reply_to(d, GRID_WORKER, "5号楼有几户", "5号楼"))
    assert "不在您负责的楼栋里" in other and "第一网格" in other, other
    assert "人，" not in other
    away = message_text(await reply_to(d, STAFF, "东1栋有几户", "东1栋"))  # 和谐社区's
    assert "不在您负责的楼栋里" in away, away
    assert await d.errors() == []


async def test_households_say_who_has_no_room_on_file(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    # 1号楼: 周阿姨 and 黄奶奶 in 302, 吴大爷 with no room on file: counted as a resident,
    # in no household, and said so (the count alone read as if one of three was left out)
    async with h.sessionmaker() as session:
        wu = await session.get(User, WU)
        assert wu is not None
        wu.room = None
        await session.commit()
    counted = message_text(await reply_to(d, GRID_WORKER, "1号楼有几户", "1号楼"))
    assert "3 人，1 户" in counted and "另有 1 位居民没登记房号" in counted, counted
    await _in_english(h, STAFF)
    english = message_text(
        await reply_to(d, STAFF, "How many households in building 1?", "registered in Linli")
    )
    assert "1 resident has no room number on file" in english, english
    assert await d.errors() == []


async def test_requests_not_handled_are_the_queue(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, ZHOU, "楼道里的声控灯坏了，晚上看不见路")
    for said in ("谁还没处理诉求", "还有哪些诉求没处理"):
        sent = await d.send(STAFF, said)
        shown = await expect_any(d, STAFF, ("声控灯",), since=sent["message_id"])
        assert UNREAD not in message_text(shown) and number in message_text(shown)
    assert await d.errors() == []


async def test_an_admin_notice_to_all_communities_opens_at_that_audience(
    linli_sandbox: Harness,
) -> None:
    d = linli_sandbox.driver
    asked = await reply_to(d, ADMIN, "给所有社区发个通知", "请输入通知内容")
    assert "发给：所有社区的所有居民" in message_text(asked), message_text(asked)
    preview = await reply_to(d, ADMIN, "明天上午9点到12点全街道停水，请提前储水", "预览")
    assert "街道通知" in message_text(preview) and "将发给" in message_text(preview)
    # community staff saying it: their own community's notice form, as before
    staff = await reply_to(d, STAFF, "给所有社区发个通知", "发给谁")
    assert "所有社区的所有居民" not in inline_labels(staff)
    assert await d.errors() == []


async def test_in_english(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _in_english(h, STAFF)
    answer = await reply_to(d, STAFF, "too much going on today", "which part of your work")
    assert inline_labels(answer) == ["🏠 It is about my own home"]
    duty = message_text(await reply_to(d, STAFF, "Who is on duty today?", "roster"))
    assert "Sunshine Community" in duty and "021-55500101" in duty, duty
    assert "(grid worker, Grid 1)" in duty, duty
    counted = message_text(
        await reply_to(d, STAFF, "How many households in building 1?", "registered in Linli")
    )
    assert "3 residents" in counted and "2 households" in counted, counted
    assert await d.errors() == []


async def test_a_resident_saying_the_same_is_answered_as_before(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    for said in ("今天谁值班", "1号楼有几户", "谁还没处理诉求", "给所有社区发个通知"):
        answer = await reply_to(d, ZHOU, said, "报给社区")
        text = message_text(answer)
        assert UNREAD not in text and "排班" not in text and "登记的居民" not in text, text
        assert inline_labels(answer) == ["📝 报给社区"]
        await reply_to(d, ZHOU, "不要了", "不报")
    assert await d.errors() == []
