"""Readers of English see a grid's, a building's and a community's English name in the places
that still wrote the Chinese one: staff's 📍 Change place list ('Building 5', not '5号楼') and
what it says once moved ('Building 5 (Grid 2)'), the grid a 补充信息 moved a request to, a
meeting's audience ('For: Building 1'), and 🏅 My points' leaderboard ('Sunshine Community
leaderboard'). Readers of Chinese read the Chinese names as before.
(services.places.Place / PlaceNames, read by the reader's place-names-in)"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.e2e.test_english_lists import _in_english
from tests.orders.test_e2e_cycle import _file
from tests.orders.test_e2e_place_added import _add_info
from tests.support import reply_to

STAFF = 2001  # 李社工, 阳光社区 (all of it)
GRID_WORKER = 2002  # 张网格员, 阳光社区 第一网格
LIU = 3001  # 刘师傅, member of 阳光社区
ZHAO = 3002  # 赵医生, member
ZHOU = 4001  # 周阿姨, 阳光社区 1号楼 302
WU = 4002  # 吴大爷, 1号楼 502
DAY = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # Mon 10:00 in Shanghai


def _labels(message: dict[str, Any]) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [b["text"] for row in markup.get("inline_keyboard", []) for b in row]


def _no_chinese_names(text: str) -> None:
    for name in ("阳光社区", "第一网格", "第二网格", "1号楼", "5号楼"):
        assert name not in text, text


async def test_staff_change_the_place_in_english(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    h.clock.set(DAY)
    await _in_english(h, STAFF)
    number = await _file(h, ZHOU, "门口的下水道堵了，污水都漫出来了")
    notice = await d.expect(STAFF, f"New request {number}")
    await d.tap(STAFF, "Open request", notice["message_id"])
    card = await d.expect(STAFF, f"Request {number} ·", since=notice["message_id"])
    await d.tap(STAFF, "📍 Change place", card["message_id"])
    menu = await d.expect(STAFF, "Choose the right building", since=card["message_id"])
    labels = _labels(menu)
    assert labels[:5] == ["📍 Building 1", "Building 2", "Building 3", "Building 5", "Building 6"]
    await d.tap(STAFF, "Building 5", menu["message_id"])
    done = await d.expect(
        STAFF, f"Request {number} is now at Building 5 (Grid 2)", since=menu["message_id"] - 1
    )
    _no_chinese_names(message_text(done))
    # readers of Chinese: as before
    away = await d.expect(GRID_WORKER, "您不用再跟进")
    assert "已由工作人员改为 5号楼" in message_text(away) and "第二网格" in message_text(away)
    told = await d.expect(ZHOU, "地点已由社区工作人员更正为 5号楼")
    assert "第二网格" in message_text(told), message_text(told)
    assert await d.errors() == []


async def test_a_place_she_adds_is_named_in_english_to_staff(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    h.clock.set(DAY)
    await _in_english(h, STAFF)
    number = await _file(h, ZHOU, "门口的下水道堵了，污水都漫出来了")
    notice = await d.expect(STAFF, f"New request {number}")
    said = message_text(await _add_info(h, number, "是5号楼门口，不是我们楼"))
    # she reads Chinese: as before
    assert "📍 地点已改为 5号楼，由 第二网格 的工作人员处理" in said, said
    told = await d.expect(STAFF, "the place is now", since=notice["message_id"])
    assert "the place is now Building 5 (was Building 1), in Grid 2" in message_text(told)
    _no_chinese_names(message_text(told))
    assert await d.errors() == []


async def test_a_meeting_audience_in_english(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _in_english(h, ZHOU)
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "➕ 新建议事会")
    await d.expect(STAFF, "请选择会议类型")
    await d.tap(STAFF, "楼栋夜话")
    await d.expect(STAFF, "会议标题")
    await d.say(STAFF, "加装电梯夜话")
    await d.say(STAFF, "介绍加装方案")
    await d.say(STAFF, "2026-11-25 19:30")
    await d.tap(STAFF, "90 分钟")
    await d.expect(STAFF, "开会地点")
    await d.say(STAFF, "社区活动室")
    await d.tap(STAFF, "指定楼栋")
    pick = await d.expect(STAFF, "可多选")
    await d.tap(STAFF, "1号楼", pick["message_id"])
    await d.tap(STAFF, "✅ 完成", pick["message_id"])
    await d.expect(STAFF, "最多多少人")
    [first, *_] = await d.say(STAFF, "0")
    preview = await d.expect(STAFF, "预览", since=first["message_id"] - 1)
    assert "面向：1号楼" in message_text(preview), message_text(preview)
    await d.tap(STAFF, "📣 发布", preview["message_id"])
    await d.expect(STAFF, "已发布")
    invite = message_text(await d.expect(ZHOU, "For: "))
    assert "For: Building 1" in invite, invite
    _no_chinese_names(invite)
    # a reader of Chinese: as before
    assert "面向：1号楼" in message_text(await d.expect(WU, "议事会通知"))
    assert await d.errors() == []


async def test_my_points_names_the_community_in_english(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _in_english(h, LIU)
    board = message_text(await reply_to(d, LIU, "🏅 My points", "leaderboard"))
    assert "Sunshine Community leaderboard" in board, board
    _no_chinese_names(board)
    # a reader of Chinese: as before
    board = message_text(await reply_to(d, ZHAO, "🏅 我的积分", "积分榜"))
    assert "阳光社区积分榜" in board, board
    assert await d.errors() == []
