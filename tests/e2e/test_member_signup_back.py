"""双报到 goes back a step (found walking the sign-up as 小林): a typed step has ⬅️ 上一步 beside
✖️ 取消 and asks the step before again with what was entered; a choice has it under its
buttons. Before, only 取消 was offered, '上一步' typed at the skills step was kept as a skill
('特长：水管疏通、上一步') and a slip meant starting again from the name."""

from __future__ import annotations

from models import MemberProfile, User
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.e2e.test_people import NEW, RESIDENT
from tests.support import reply_to

ALEX = 5002  # English, unregistered


def _reply_labels(message: dict) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [b["text"] for row in markup.get("keyboard", []) for b in row]


async def test_sign_up_goes_back_a_step(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    [first] = await d.say(NEW, "🙋 党员/志愿者报到")
    mark = first["message_id"]
    await d.tap(NEW, "同意并继续", first["message_id"])
    await d.expect(NEW, "真实姓名", since=mark)
    await d.say(NEW, "林小明")
    [unit] = await d.say(NEW, "区图书馆")
    assert _reply_labels(unit) == ["📱 发送我的手机号", "⬅️ 上一步", "✖️ 取消"]
    # the phone step's 上一步 asks the work unit again, saying what was typed
    [again] = await d.say(NEW, "⬅️ 上一步")
    assert "工作单位" in message_text(again) and "区图书馆" in message_text(again)
    assert _reply_labels(again) == ["⬅️ 上一步", "✖️ 取消"]
    await d.say(NEW, "区文化馆")
    replies = await d.say(NEW, "13812345678")
    skills = next(m for m in replies if "可多选" in message_text(m))
    await d.tap(NEW, "水管疏通", skills["message_id"])
    # '上一步' typed (not tapped) at the skills step is not a skill: the phone is asked again
    [phone] = await d.say(NEW, "上一步")
    assert "手机号" in message_text(phone) and "13812345678" in message_text(phone)
    replies = await d.say(NEW, "13812345678")
    skills = next(m for m in replies if "可多选" in message_text(m))
    assert "✅ 水管疏通" in str(skills["reply_markup"])  # what was chosen stays chosen
    await d.tap(NEW, "完成", skills["message_id"])
    await d.expect(NEW, "要服务的社区", since=skills["message_id"] - 1)
    await d.tap(NEW, "阳光社区", skills["message_id"])
    await d.expect(NEW, "服务的网格", since=skills["message_id"] - 1)
    await d.tap(NEW, "第一网格", skills["message_id"])
    await d.tap(NEW, "不显示", skills["message_id"])
    confirm = await d.expect(NEW, "请确认", since=skills["message_id"] - 1)
    assert "第一网格" in message_text(confirm)
    # from the confirmation back to the grid, in the same message, and another grid chosen
    await d.tap(NEW, "上一步", skills["message_id"])
    await d.expect(NEW, "显示我的名字", since=skills["message_id"] - 1)
    await d.tap(NEW, "上一步", skills["message_id"])
    await d.expect(NEW, "服务的网格", since=skills["message_id"] - 1)
    await d.tap(NEW, "不限网格", skills["message_id"])
    await d.tap(NEW, "显示我的名字", skills["message_id"])
    confirm = await d.expect(NEW, "请确认", since=skills["message_id"] - 1)
    text = message_text(confirm)
    assert "单位：区文化馆" in text and "特长：水管疏通\n" in text, text
    assert "阳光社区 · 不限网格" in text and "上一步" not in text.split("特长：")[1]
    await d.tap(NEW, "✅ 确认", skills["message_id"])
    await d.expect(NEW, "已提交", since=skills["message_id"])
    async with h.sessionmaker() as session:
        profile = await session.get(MemberProfile, NEW)
    assert profile is not None
    assert profile.work_unit == "区文化馆" and profile.custom_skills == ""
    assert profile.skills == "plumbing" and profile.grid_id is None


async def test_sign_up_asks_consent_to_what_a_member_gives(linli_sandbox: Harness) -> None:
    """The consent asked names a member's data (name, work unit, phone, skills, area), also of a
    registered resident, whose consent covered an address and a room. Before, the resident's
    text was shown ('所在社区、网格、楼栋、房号'), and a registered resident was asked nothing."""
    d = linli_sandbox.driver
    for user, words, wrong in (
        (NEW, ("真实姓名、工作单位、手机号、技能特长", "/forget"), "房号"),
        (RESIDENT, ("真实姓名、工作单位、手机号、技能特长",), "房号"),
        (ALEX, ("real name, work unit, phone number, skills", "/forget"), "room"),
    ):
        [first] = await d.say(
            user, "🙋 Volunteer sign-up" if user == ALEX else "🙋 党员/志愿者报到"
        )
        text = message_text(first)
        assert all(w in text for w in words) and wrong not in text, text
    # the resident agrees and goes on to the name
    await d.tap(RESIDENT, "同意并继续")
    await d.expect(RESIDENT, "真实姓名")


async def test_a_resident_who_declines_the_sign_up_stays_registered(
    linli_sandbox: Harness,
) -> None:
    """不同意 at 双报到 says the sign-up stops and where to start it again. Before, it said the
    resident's '我们不会保存您的信息…再点「🏠 登记住址」' to someone whose address is kept."""
    h = linli_sandbox
    d = h.driver
    [first] = await d.say(RESIDENT, "🙋 党员/志愿者报到")
    await d.tap(RESIDENT, "不同意", first["message_id"])
    told = await d.expect(RESIDENT, "报到不继续了", since=first["message_id"] - 1)
    assert "「🙋 党员/志愿者报到」" in message_text(told) and "登记住址" not in message_text(told)
    async with h.sessionmaker() as session:
        user = await session.get(User, RESIDENT)
        assert await session.get(MemberProfile, RESIDENT) is None
    assert user is not None and user.consent_at is not None and user.room == "302"


def _keyboard(message: dict) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [b["text"] for row in markup.get("keyboard", []) for b in row]


async def test_an_english_member_is_pointed_at_the_button_they_have(
    linli_sandbox: Harness,
) -> None:
    """Signed up in English and approved, Alex is told to look under '🛠 Open orders', the
    button his menu has (before: 'under "Open tasks"', a button that does not exist; ❓ Help
    said the same)."""
    d = linli_sandbox.driver
    [first] = await d.say(ALEX, "🙋 Volunteer sign-up")
    await d.tap(ALEX, "Agree and continue", first["message_id"])
    await d.expect(ALEX, "real name", since=first["message_id"])
    await d.say(ALEX, "Alex Smith")
    await d.say(ALEX, "Retired")
    replies = await d.say(ALEX, "13800138001")
    skills = next(m for m in replies if "skills" in message_text(m))
    await d.tap(ALEX, "Phone and computer help", skills["message_id"])
    mark = skills["message_id"] - 1
    await d.tap(ALEX, "Done", skills["message_id"])
    await d.expect(ALEX, "community you will serve", since=mark)
    await d.tap(ALEX, "Sunshine Community", skills["message_id"])
    await d.expect(ALEX, "grid you will serve", since=mark)
    await d.tap(ALEX, "Any grid", skills["message_id"])
    await d.expect(ALEX, "my name", since=mark)
    await d.tap(ALEX, "Show my name", skills["message_id"])
    await d.expect(ALEX, "Please confirm", since=mark)
    await d.tap(ALEX, "Confirm", skills["message_id"])
    card = await d.expect(2001, "报到申请")
    await d.tap(2001, "通过", card["message_id"])
    approved = await d.expect(ALEX, "sign-up was approved")
    assert "🛠 Open orders" in _keyboard(approved)
    assert "“🛠 Open orders”" in message_text(approved), message_text(approved)
    help_text = await reply_to(d, ALEX, "❓ Help", "· Help")
    assert "🛠 Open orders: " in message_text(help_text) and "Open tasks" not in message_text(
        help_text
    )
