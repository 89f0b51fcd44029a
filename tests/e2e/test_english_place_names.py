"""English readers see a community's and a grid's English name (Sunshine Community, Grid 2)
where one is set, and may type it ('sunshine community') where a community is asked for;
an admin sets or removes it in 🏘 组织架构 (🔤 英文名), and without one the Chinese name is
shown, as before. Before, Alex (5002, English) was offered 阳光社区 and 第一网格 only, and
'Sunshine community' typed at the community step was not understood."""

from __future__ import annotations

from typing import Any

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.support import inline_labels, reply_to

ADMIN = 1001  # 王主任, Chinese
ALEX = 5002  # English, unregistered


def _labels(message: dict[str, Any]) -> list[str]:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
    return [b["text"] for row in rows for b in row]


def _said(replies: list[dict[str, Any]]) -> str:
    return "\n".join(message_text(m) for m in replies)


async def _communities(h: Harness) -> dict[str, Any]:
    d = h.driver
    await d.say(ALEX, "🏠 Register address")
    await d.tap(ALEX, "Agree and continue")
    return await d.expect(ALEX, "choose your community")


async def test_alex_registers_with_english_names_typed_and_shown(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    choose = await _communities(h)
    assert _labels(choose) == ["Harmony Community", "Sunshine Community"], choose
    # typed as he would say it: read as 阳光社区, and its grids offered in English
    replies = await d.say(ALEX, "Sunshine community")
    said = _said(replies)
    assert "could not read" not in said, said
    assert "Got it: Sunshine Community" in said, said
    assert _labels(replies[-1])[:2] == ["Grid 1", "Grid 2"], replies[-1]
    await d.tap(ALEX, "Grid 2", replies[-1]["message_id"])
    await d.expect(ALEX, "choose your building")
    await d.tap(ALEX, "Building 6")
    await d.expect(ALEX, "room number")
    await d.say(ALEX, "1203")
    done = _said(await d.say(ALEX, "Skip"))
    assert "Sunshine Community · Grid 2 · Building 6 1203" in done, done
    assert "阳光社区" not in done and "第二网格" not in done, done
    assert await d.errors() == []


async def test_the_community_typed_without_community(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _communities(h)
    said = _said(await d.say(ALEX, "harmony, building E1"))
    assert "Got it: Harmony Community" in said, said
    assert await d.errors() == []


async def test_an_admin_sets_and_removes_an_english_name(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    [menu] = await d.say(ADMIN, "⚙️ 管理")
    await d.tap(ADMIN, "🏘 组织架构", menu["message_id"])
    await d.expect(ADMIN, "组织架构", since=menu["message_id"] - 1)
    await d.tap(ADMIN, "和谐社区", menu["message_id"])
    page = await d.expect(ADMIN, "🏘 和谐社区：", since=menu["message_id"] - 1)
    assert "英文名：Harmony Community" in message_text(page)
    await d.tap(ADMIN, "🔤 英文名", page["message_id"])
    ask = await d.expect(ADMIN, "「和谐社区」的英文名是什么", since=page["message_id"])
    assert "现在：Harmony Community" in message_text(ask)
    [told] = await d.say(ADMIN, "sunshine community")  # 阳光社区's, letter case aside
    assert "已经有名为「sunshine community」的社区" in message_text(told), message_text(told)
    [told] = await d.say(ADMIN, "和谐")
    assert "英文名需要有英文字母" in message_text(told)
    replies = await d.say(ADMIN, "Harmony Gardens")
    assert "英文名已设为「Harmony Gardens」" in _said(replies)
    assert "英文名：Harmony Gardens" in message_text(replies[-1])
    # Alex sees it, and can type it
    choose = await _communities(h)
    assert "Harmony Gardens" in _labels(choose)
    grids = await d.say(ALEX, "Harmony Gardens")
    assert "Got it: Harmony Gardens" in _said(grids), _said(grids)
    # removed: English readers see the Chinese name again
    page = replies[-1]
    await d.tap(ADMIN, "🔤 英文名", page["message_id"])
    await d.expect(ADMIN, "现在：Harmony Gardens", since=page["message_id"])
    replies = await d.say(ADMIN, "-")
    assert "英文名「Harmony Gardens」已去掉" in _said(replies)
    assert "英文名：" not in message_text(replies[-1])
    await d.tap(ALEX, "⬅️", grids[-1]["message_id"])  # back to the communities
    choose = await d.expect(ALEX, "choose your community", since=grids[-1]["message_id"] - 1)
    assert _labels(choose) == ["和谐社区", "Sunshine Community"], choose
    assert await d.errors() == []


async def test_an_english_address_told_at_the_menu_begins_registration(
    linli_sandbox: Harness,
) -> None:
    """'I live in Sunshine Community, Building 6, room 1203' is his address (consent first,
    then only the phone asked); with a matter after it, the matter is kept to file."""
    h = linli_sandbox
    d = h.driver
    kept = await reply_to(
        d, ALEX, "I live in Sunshine Community and the lift is broken", "noted what you told"
    )
    assert inline_labels(kept) == ["🏠 Register now"]
    said = "I live in Sunshine Community, Building 6, room 1203"
    consent = await reply_to(d, ALEX, said, "personal data")
    await d.tap(ALEX, "Agree and continue", consent["message_id"])
    read = await d.expect(ALEX, "Got it", since=consent["message_id"])
    assert "Sunshine Community · Building 6 · 1203" in message_text(read), message_text(read)
    await d.expect(ALEX, "phone", since=read["message_id"])
    assert await d.errors() == []
