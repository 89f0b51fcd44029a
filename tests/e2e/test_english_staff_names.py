"""Staff and admins who read English see a community's and a grid's English name (Sunshine
Community, Grid 1) on their screens, as residents already did: the ledger stats, quiet hours,
the invitation pickers, the staff list, a member's review card. Before, those screens named
阳光社区 and 第一网格 in the middle of English sentences."""

from __future__ import annotations

from typing import Any

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import _file
from tests.support import reply_to

ADMIN = 1001  # 王主任
STAFF = 2001  # 李社工, 阳光社区 (Sunshine Community)
ALEX = 5002  # reads English, unregistered


def _labels(message: dict[str, Any]) -> list[str]:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
    return [b["text"] for row in rows for b in row]


async def _in_english(h: Harness, user: int) -> None:
    d = h.driver
    [ask] = await d.say(user, "/lang")
    await d.tap(user, "English", ask["message_id"])
    await d.expect(user, "Language set to English")


def _no_chinese_names(text: str) -> None:
    for name in ("阳光社区", "和谐社区", "第一网格", "第二网格"):
        assert name not in text, text


async def test_stats_and_quiet_hours_name_the_community_in_english(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    await _in_english(h, STAFF)
    # a matter in the ledger (filed for a resident: 2号楼 is typed), so the stats name places
    [picker] = await d.say(STAFF, "☎️ File for a resident")
    # the buildings offered as the answer to a typed one names them: 'Building 2', not '2号楼'
    assert "Building 2" in _labels(picker) and "2号楼" not in _labels(picker), _labels(picker)
    read = await reply_to(d, STAFF, "2号楼", "Noted: Building 2")
    await d.tap(STAFF, "phone", read["message_id"])
    await d.expect(STAFF, "Room number", since=read["message_id"] - 1)
    await reply_to(d, STAFF, "Skip", "Contact phone")
    await reply_to(d, STAFF, "Skip", "resident's name")
    await reply_to(d, STAFF, "Skip", "resident report")
    await reply_to(d, STAFF, "楼道灯坏了", "Filed for the resident")
    [ask] = await d.say(STAFF, "/stats")
    await d.tap(STAFF, "this month", ask["message_id"])
    stats = await d.expect(STAFF, "Ledger · this month", since=ask["message_id"])
    assert "Sunshine Community" in message_text(stats), message_text(stats)
    assert "Grid 1" in message_text(stats), message_text(stats)
    _no_chinese_names(message_text(stats))
    quiet = await reply_to(d, STAFF, "/quiet", "Quiet hours of")
    assert "Sunshine Community" in message_text(quiet), message_text(quiet)
    told = await reply_to(d, STAFF, "/quiet off", "Sunshine Community")
    _no_chinese_names(message_text(told))
    assert await d.errors() == []


async def test_an_admins_pickers_and_staff_list_in_english(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _in_english(h, ADMIN)
    [picker] = await d.say(ADMIN, "/invite")
    assert {"Harmony Community", "Sunshine Community"} <= set(_labels(picker)), picker
    await d.tap(ADMIN, "Sunshine Community", picker["message_id"])
    link = await d.expect(ADMIN, "Sunshine Community", since=picker["message_id"] - 1)
    _no_chinese_names(message_text(link))
    [menu] = await d.say(ADMIN, "/admin")
    await d.tap(ADMIN, "grid worker", menu["message_id"])
    communities = await d.expect(ADMIN, "community", since=menu["message_id"] - 1)
    assert {"Harmony Community", "Sunshine Community"} <= set(_labels(communities))
    await d.tap(ADMIN, "Sunshine Community", communities["message_id"])
    grids = await d.expect(ADMIN, "Sunshine Community", since=menu["message_id"] - 1)
    assert {"Grid 1", "Grid 2"} <= set(_labels(grids)), _labels(grids)
    _no_chinese_names(message_text(grids))
    await d.tap(ADMIN, "Grid 1", grids["message_id"])
    link = await d.expect(ADMIN, "Sunshine Community · Grid 1", since=menu["message_id"] - 1)
    _no_chinese_names(message_text(link))
    assert await d.errors() == []


async def test_a_member_review_card_in_english(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _in_english(h, STAFF)
    [consent] = await d.say(ALEX, "🙋 Volunteer sign-up")
    await d.tap(ALEX, "Agree and continue", consent["message_id"])
    await reply_to(d, ALEX, "Alex Smith", "work unit")
    await reply_to(d, ALEX, "City Hospital", "phone number")
    skills = await reply_to(d, ALEX, "13900000123", "Choose your skills")
    await d.tap(ALEX, "Health care", skills["message_id"])
    await d.tap(ALEX, "Done", skills["message_id"])
    await d.expect(ALEX, "community you will serve", since=skills["message_id"] - 1)
    await d.tap(ALEX, "Sunshine Community", skills["message_id"])
    await d.expect(ALEX, "grid you will serve", since=skills["message_id"] - 1)
    await d.tap(ALEX, "Grid 2", skills["message_id"])
    await d.expect(ALEX, "Show my name", since=skills["message_id"] - 1)
    await d.tap(ALEX, "Show my name", skills["message_id"])
    await d.expect(ALEX, "Please confirm", since=skills["message_id"] - 1)
    await d.tap(ALEX, "Confirm", skills["message_id"])
    card = await d.expect(STAFF, "Alex Smith")
    assert "Community: Sunshine Community · Grid 2" in message_text(card), message_text(card)
    # and as 🧾 Sign-up reviews lists it
    listed = await reply_to(d, STAFF, "🧾 Sign-up reviews", "City Hospital")
    assert "Community: Sunshine Community · Grid 2" in message_text(listed), listed
    # decided: the card redrawn with the outcome still names them in English
    await d.tap(STAFF, "Approve", listed["message_id"])
    decided = await d.expect(STAFF, "Approved", since=listed["message_id"] - 1)
    assert "Sunshine Community · Grid 2" in message_text(decided), message_text(decided)
    _no_chinese_names(message_text(decided))
    assert await d.errors() == []


async def test_the_greeting_names_where_staff_work_in_english(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    for user, where in ((STAFF, "Sunshine Community."), (2002, "Sunshine Community · Grid 1.")):
        await _in_english(h, user)
        hello = await reply_to(d, user, "/start", "You are staff of")
        assert f"You are staff of {where}" in message_text(hello), message_text(hello)
        _no_chinese_names(message_text(hello))
    assert await d.errors() == []


async def test_a_new_request_notice_names_its_place_in_english(linli_sandbox: Harness) -> None:
    """周阿姨 (1号楼 302) files a matter: 李社工, reading English, is told it is at 'Sunshine
    Community · Grid 1 · Building 1' (it said 阳光社区 · 第一网格 · 1号楼); 张网格员, reading
    Chinese, still reads the Chinese names."""
    h = linli_sandbox
    d = h.driver
    await _in_english(h, STAFF)
    await d.say(STAFF, "/quiet off")  # the notice is not held for the morning
    number = await _file(h, 4001, "楼道的灯坏了好几天了")
    notice = await d.expect(STAFF, f"New request {number}")
    text = message_text(notice)
    assert "Sunshine Community · Grid 1 · Building 1" in text, text
    _no_chinese_names(text)
    theirs = await d.expect(2002, f"新诉求 {number}")
    assert "阳光社区 · 第一网格 · 1号楼" in message_text(theirs), message_text(theirs)
    assert await d.errors() == []
