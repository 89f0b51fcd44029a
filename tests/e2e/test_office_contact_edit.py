"""An admin changes a community office's phone, address and opening hours in the bot (🏘 组织架构
→ a community: ☎️ 改电话 / 📍 改地址 / 🕘 改办公时间), or in words ('阳光社区的电话改成
021-55500199', '社区电话改成…', '把和谐社区办公时间改成…', '阳光社区的地址改一下'); residents
are then told the new ones (❓ 帮助, '社区电话是多少'). Typed values are checked (a phone number as
registration reads one, lengths), '-' clears one, every change is audited; others' taps are
refused and logged. Before, only `linli org import FILE` on the server set them."""

from __future__ import annotations

from typing import Any

from sqlmodel import col, select

from models import AuditEvent, Community, User
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.support import inline_labels

ADMIN = 1001  # 王主任
STAFF = 2001  # 李社工, 阳光社区
OTHER_STAFF = 2003  # 陈社工, 和谐社区
ZHOU = 4001  # 周阿姨, 阳光社区


async def _community(h: Harness, name: str) -> Community:
    async with h.sessionmaker() as session:
        return (await session.exec(select(Community).where(Community.name == name))).one()


async def _audit(h: Harness, action: str) -> list[AuditEvent]:
    async with h.sessionmaker() as session:
        stmt = select(AuditEvent).where(col(AuditEvent.action) == action)
        return list((await session.exec(stmt)).all())


async def _page(h: Harness, name: str = "阳光社区") -> dict[str, Any]:
    """⚙️ 管理 → 🏘 组织架构 → the community's page."""
    d = h.driver
    [menu] = await d.say(ADMIN, "⚙️ 管理")
    await d.tap(ADMIN, "🏘 组织架构", menu["message_id"])
    await d.expect(ADMIN, "组织架构", since=menu["message_id"] - 1)
    await d.tap(ADMIN, name, menu["message_id"])
    return await d.expect(ADMIN, f"🏘 {name}：", since=menu["message_id"] - 1)


async def _tap(h: Harness, who: int, label: str, message: dict[str, Any]) -> list[dict[str, Any]]:
    """Tap a button; the bot's new messages after it."""
    d = h.driver
    latest = (await d.messages(who))[-1]["message_id"]
    await d.tap(who, label, message["message_id"])
    return await d.replies(who, latest)


async def _help(h: Harness, who: int) -> str:
    *_, answer = await h.driver.say(who, "❓ 帮助")
    return message_text(answer)


async def test_an_admin_changes_the_office_on_the_page(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    page = await _page(h)
    text = message_text(page)
    assert "电话：021-55500101" in text and "地址：阳光路 88 号社区服务中心一楼" in text, text
    assert "办公时间：周一至周六 8:30–17:30" in text, text
    assert {"☎️ 改电话", "📍 改地址", "🕘 改办公时间"} <= set(inline_labels(page))
    # the phone: not a number, then another flow's button, then a landline typed loosely
    [asked] = await _tap(h, ADMIN, "☎️ 改电话", page)
    assert "「阳光社区」服务中心的电话改成什么？现在：021-55500101" in message_text(asked)
    [told] = await d.say(ADMIN, "12345")
    assert "这不像一个电话号码" in message_text(told)
    [told] = await d.say(ADMIN, "✅ 说完了")
    assert "「✅ 说完了」是按钮上的字" in message_text(told)
    done, again = await d.say(ADMIN, "021 5550 0199")
    assert "✅ 「阳光社区」服务中心的电话已改为「021-55500199」" in message_text(done)
    assert "电话：021-55500199" in message_text(again)
    # the hours: too long, then a good one
    [asked] = await _tap(h, ADMIN, "🕘 改办公时间", again)
    assert "不超过 60 个字" in message_text(asked)
    [told] = await d.say(ADMIN, "周" * 61)
    assert "太长了（61 个字），请不超过 60 个字" in message_text(told)
    done, again = await d.say(ADMIN, "周一至周五 9:00–17:00")
    assert "办公时间已改为「周一至周五 9:00–17:00」" in message_text(done)
    # the address cleared with '-'; ✖️ 取消 changes nothing
    await _tap(h, ADMIN, "📍 改地址", again)
    done, again = await d.say(ADMIN, "-")
    assert "✅ 已清空「阳光社区」服务中心的地址" in message_text(done)
    assert "地址：未填写" in message_text(again)
    await _tap(h, ADMIN, "☎️ 改电话", again)
    [told] = await d.say(ADMIN, "✖️ 取消")
    assert "已取消，没有做任何修改" in message_text(told)
    sunshine = await _community(h, "阳光社区")
    assert (sunshine.phone, sunshine.address) == ("021-55500199", None)
    assert sunshine.office_hours == "周一至周五 9:00–17:00"
    audited = {(e.action, e.actor_id, e.subject_id) for e in await _audit(h, "org_contact_phone")}
    assert audited == {("org_contact_phone", ADMIN, str(sunshine.id))}
    assert len(await _audit(h, "org_contact_address")) == 1
    # the resident is told the new ones
    zhou = await _help(h, ZHOU)
    assert "电话：021-55500199" in zhou and "办公时间：周一至周五 9:00–17:00" in zhou, zhou
    assert "021-55500101" not in zhou and "阳光路" not in zhou, zhou
    [asked] = await d.say(ZHOU, "社区电话是多少")
    assert "电话：021-55500199" in message_text(asked)
    assert await d.errors() == []


async def test_an_admin_changes_the_office_in_words(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    # one community named: confirmed, then the page
    check, confirm = await d.say(ADMIN, "阳光社区的电话改成021-55500199")
    assert message_text(check) == "请核对后确认："
    assert message_text(confirm) == (
        "把「阳光社区」服务中心的电话从「021-55500101」改为「021-55500199」，确定吗？"
    )
    replies = await _tap(h, ADMIN, "✅ 确定修改", confirm)
    assert "电话已改为「021-55500199」" in message_text(replies[0])
    assert "🏘 阳光社区：" in message_text(replies[-1])
    yes = confirm["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    stale = (await d.click(ADMIN, confirm["message_id"], data=yes))["answer"]
    assert stale is not None and "这个按钮已经失效了" in stale["text"]
    assert (await _community(h, "阳光社区")).phone == "021-55500199"
    # no community named (the admin has two): which, then that one's confirmation
    [which] = await d.say(ADMIN, "社区电话改成021-55500188")
    assert message_text(which) == "要改哪个社区服务中心的电话？请选择社区："
    assert sorted(inline_labels(which)) == ["和谐社区", "阳光社区"]
    _, confirm = await _tap(h, ADMIN, "和谐社区", which)
    assert "「和谐社区」服务中心的电话从「021-55500202」改为「021-55500188」" in message_text(
        confirm
    )
    await _tap(h, ADMIN, "✅ 确定修改", confirm)
    assert (await _community(h, "和谐社区")).phone == "021-55500188"
    # the community's button tapped again (its question answered): stale, nothing asked
    sunshine_button = which["reply_markup"]["inline_keyboard"][1][0]["callback_data"]
    stale = (await d.click(ADMIN, which["message_id"], data=sunshine_button))["answer"]
    assert stale is not None and "这个按钮已经失效了" in stale["text"]
    # the hours said, then /cancel: nothing changes
    _, confirm = await d.say(ADMIN, "把和谐社区办公时间改成周一到周五9点到5点")
    assert "办公时间从「周一至周五 9:00–17:00」改为「周一到周五9点到5点」" in message_text(confirm)
    await d.say(ADMIN, "/cancel")
    assert (await _community(h, "和谐社区")).office_hours == "周一至周五 9:00–17:00"
    # a number that is none: the step, told why
    told, asked = await d.say(ADMIN, "阳光社区的电话改成123")
    assert "这不像一个电话号码" in message_text(told)
    assert "服务中心的电话改成什么" in message_text(asked)
    await d.say(ADMIN, "/cancel")
    # no value said: asked for
    [asked] = await d.say(ADMIN, "阳光社区的地址改一下")
    assert "「阳光社区」服务中心的地址改成什么？" in message_text(asked)
    done, _ = await d.say(ADMIN, "阳光路 90 号")
    assert "地址已改为「阳光路 90 号」" in message_text(done)
    assert (await _community(h, "阳光社区")).address == "阳光路 90 号"
    # the admin's own phone is not an office's
    mine = await d.say(ADMIN, "我的电话改成13900000009")
    assert not any("服务中心" in message_text(m) for m in mine), [message_text(m) for m in mine]
    await d.say(ADMIN, "/cancel")
    # a community's staff are told whose work it is
    [told] = await d.say(STAFF, "社区电话改成021-55500177")
    assert message_text(told) == "「🏘 组织架构」由街道管理员办理，请联系街道管理员。"
    assert (await _community(h, "阳光社区")).phone == "021-55500199"
    # the resident is told the new phone
    assert "电话：021-55500199" in await _help(h, ZHOU)
    assert await d.errors() == []


async def test_contact_buttons_from_others_are_refused(linli_sandbox: Harness) -> None:
    """Staff of another community, a community's own staff and a resident forging the buttons
    are refused and logged; nothing changes."""
    h = linli_sandbox
    d = h.driver
    sunshine = await _community(h, "阳光社区")
    forged = [
        (OTHER_STAFF, f"adm-org:ct-p:{sunshine.id}:0:0"),
        (STAFF, f"adm-org:ct-yes:{sunshine.id}:0:0"),
        (ZHOU, f"adm-org:ct-w:{sunshine.id}:0:0"),
    ]
    for who, data in forged:
        [menu] = await d.say(who, "/start")
        answer = (await d.click(who, menu["message_id"], data=data))["answer"]
        assert answer is not None and "没有权限" in answer["text"], (who, answer)
    refused = {(e.actor_id, e.detail) for e in await _audit(h, "refused")}
    assert refused == set(forged)
    # what the staff member then types is not taken as a new phone
    await d.say(OTHER_STAFF, "021-55500166")
    assert (await _community(h, "阳光社区")).phone == "021-55500101"
    assert await d.errors() == []


async def test_an_english_admin_sees_english_labels(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    async with h.sessionmaker() as session:
        admin = await session.get(User, ADMIN)
        assert admin is not None
        admin.language = "en"
        await session.commit()
    [menu] = await d.say(ADMIN, "/admin")
    await d.tap(ADMIN, "🏘 Org structure", menu["message_id"])
    await d.expect(ADMIN, "choose a community", since=menu["message_id"] - 1)
    await d.tap(ADMIN, "和谐社区 / Harmony Community", menu["message_id"])
    page = await d.expect(ADMIN, "2 grids", since=menu["message_id"] - 1)
    assert "Phone: 021-55500202" in message_text(page)
    assert "Opening hours: 周一至周五 9:00–17:00" in message_text(page)
    assert {"☎️ Phone", "📍 Address", "🕘 Opening hours"} <= set(inline_labels(page))
    [asked] = await _tap(h, ADMIN, "☎️ Phone", page)
    assert "new phone number of the 和谐社区 / Harmony Community service centre" in (
        message_text(asked)
    )
    done, _ = await d.say(ADMIN, "+86 21 5550 0203")
    assert 'is now "021-55500203"' in message_text(done)
    assert await d.errors() == []
